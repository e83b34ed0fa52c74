#!/usr/bin/env python3
"""Benchmark of the data-subject rights (issue 8, point 5): export and erasure of one citizen with
about 1,000 events.

1. One e-mail address books, confirms and cancels appointments at the benchmark tenant through the
   public API, one after the other, until its appointments hold >= --events events (3 per round:
   requested, confirmed, cancelled). Tokens come from the captured mails in <data-dir>/mail.
2. The rights link of the last confirmation mail opens /{tenant}/meine-daten (the self-service page);
   the export is downloaded --repeat times through the page's export form; its wall time is measured
   per request (first = cold, the rest warm) and the JSON is checked to hold every appointment.
3. The erasure form is sent once; its wall time and the receipt are recorded; the export afterwards
   must hold no name or e-mail.
"""
import argparse
import email
import email.policy
import http.client
import http.cookiejar
import json
import os
import re
import statistics
import time
import urllib.parse
import urllib.request

TENANT = "bench"
SERVICE = "buergerservice"


def mails_in(mail_dir):
    return set(os.listdir(mail_dir)) if os.path.isdir(mail_dir) else set()


def wait_for_new_mail(mail_dir, seen, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        new = mails_in(mail_dir) - seen
        if new:
            name = sorted(new)[0]
            seen.add(name)
            with open(os.path.join(mail_dir, name), "rb") as f:
                message = email.message_from_binary_file(f, policy=email.policy.default)
            body = message.get_body(preferencelist=("plain",))
            return body.get_content() if body else ""
        time.sleep(0.02)
    raise SystemExit("bench: no mail arrived within %d s" % timeout)


def param(text, path_part):
    match = re.search(re.escape(path_part) + r"\?token=([A-Za-z0-9_\-.]+)", text)
    if not match:
        raise SystemExit("bench: no %s link in mail:\n%s" % (path_part, text[:2000]))
    return match.group(1)


class Api:
    def __init__(self, port):
        self.port = port

    def post(self, path, body):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("POST", path, body=json.dumps(body).encode(),
                     headers={"Content-Type": "application/json", "Accept": "application/json"})
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, data

    def get(self, path):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("GET", path, headers={"Accept": "application/json"})
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, data


class Browser:
    """A no-JavaScript browser: cookies (the session for CSRF) and form posts."""

    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.base + path, timeout=120) as response:
            return response.status, response.read().decode("utf-8", "replace")

    def post(self, path, fields):
        data = urllib.parse.urlencode(fields).encode()
        with self.opener.open(urllib.request.Request(self.base + path, data=data), timeout=120) as response:
            return response.status, response.read(), response.headers.get("Content-Type", "")


def forms(html):
    """Each form: (action, {hidden name: value}) in page order."""
    found = []
    for match in re.finditer(r"<form\b([^>]*)>(.*?)</form>", html, re.S | re.I):
        action = re.search(r'action="([^"]*)"', match.group(1))
        hidden = dict(re.findall(r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', match.group(2)))
        found.append(((action.group(1) if action else "").replace("&amp;", "&"), hidden))
    return found


def form_with(html, *words):
    for action, hidden in forms(html):
        if any(word in action for word in words):
            return action, hidden
    raise SystemExit("bench: no form with %s on the page" % (words,))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data-dir", required=True)
    parser.add_argument("--events", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--out")
    args = parser.parse_args()
    api = Api(args.port)
    mail_dir = os.path.join(args.data_dir, "mail")
    seen = mails_in(mail_dir)
    address = "rights-bench-%d@example.org" % int(time.time())

    status, body = api.get("/api/v1/tenants/%s/services" % TENANT)
    services = json.loads(body)
    service = services[0]["id"] if services else SERVICE
    rounds = (args.events + 2) // 3
    started = time.perf_counter()
    rights_token = None
    day = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 2 * 86400))
    last = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 40 * 86400))
    status, body = api.get("/api/v1/tenants/%s/services/%s/slots?from=%s&to=%s" % (TENANT, service, day, last))
    slots = [s["start"] for s in json.loads(body) if s.get("remaining", 0) > 0]
    for i in range(rounds):
        status, body = api.post("/api/v1/tenants/%s/appointments" % TENANT, {
            "serviceId": service, "start": slots[i % len(slots)], "name": "Bench Canary %d" % i,
            "email": address, "phone": "+49 2361 123456", "consent": True})
        if status != 202:
            raise SystemExit("bench: booking %d refused: %s %s" % (i, status, body[:500]))
        confirm = param(wait_for_new_mail(mail_dir, seen), "/termin/bestaetigen")
        status, body = api.post("/api/v1/tenants/%s/appointment-confirmations" % TENANT, {"token": confirm})
        if status not in (200, 201):
            raise SystemExit("bench: confirmation %d refused: %s %s" % (i, status, body[:500]))
        text = wait_for_new_mail(mail_dir, seen)
        manage = param(text, "/termin/verwalten")
        rights_token = param(text, "/meine-daten")
        status, body = api.post("/api/v1/tenants/%s/appointment-cancellations" % TENANT, {"token": manage})
        if status not in (200, 201):
            raise SystemExit("bench: cancellation %d refused: %s %s" % (i, status, body[:500]))
        wait_for_new_mail(mail_dir, seen)  # the cancellation mail
    setup = time.perf_counter() - started
    print("setup: %d appointments (%d events) for one address in %.1f s" % (rounds, rounds * 3, setup))

    browser = Browser(args.port)
    page = "/%s/meine-daten?token=%s" % (TENANT, rights_token)
    status, html = browser.get(page)
    export_form = form_with(html, "export")
    action, hidden = export_form
    times = []
    size = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        status, data, content_type = browser.post(action, hidden)
        times.append(time.perf_counter() - t0)
        size = len(data)
    export = json.loads(data)
    text = json.dumps(export)
    held = text.count("Bench Canary")
    print("export: %d bytes, %d canary names in it; cold %.0f ms, warm median %.0f ms, max %.0f ms"
          % (size, held, times[0] * 1000, statistics.median(times[1:] or times) * 1000, max(times) * 1000))
    if held < rounds:
        raise SystemExit("bench: the export holds %d of %d appointments' names" % (held, rounds))

    # The overview links to a confirmation page; its form carries out the erasure.
    status, confirm_html = browser.get("/%s/meine-daten/loeschen?token=%s" % (TENANT, rights_token))
    action, hidden = form_with(confirm_html, "loeschen")
    t0 = time.perf_counter()
    status, receipt, _ = browser.post(action, hidden)
    erase = time.perf_counter() - t0
    receipt = receipt.decode("utf-8", "replace")
    if status != 200 or "Bench Canary" in receipt:
        raise SystemExit("bench: erasure answered %s" % status)
    status, html = browser.get(page)
    status, data, _ = browser.post(*export_form)
    after = html.count("Bench Canary") + data.decode("utf-8", "replace").count("Bench Canary")
    print("erasure: %d ms; canary names on the page and in the export afterwards: %d" % (round(erase * 1000), after))
    results = {"appointments": rounds, "events": rounds * 3, "export_bytes": size,
               "export_cold_ms": round(times[0] * 1000), "export_warm_median_ms": round(statistics.median(times[1:] or times) * 1000),
               "export_max_ms": round(max(times) * 1000), "erasure_ms": round(erase * 1000),
               "canaries_after_erasure": after, "target_export_ms": 2000,
               "export_met": max(times) < 2.0}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=2)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
