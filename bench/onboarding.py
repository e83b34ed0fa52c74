#!/usr/bin/env python3
"""Benchmark 3: onboarding 1,000 tenants through the operator API, and heap per idle tenant.

Run by bench/onboarding.sh against a platform it started on a fresh data dir (so only the five
folder tenants exist). Python 3.11 standard library only.

1. Warm-up: PUT the Recklinghausen manifest (texts and logo inline) to its own id; the folder
   loader applied the same document at start, so the answer must be 200 UNCHANGED. This also
   checks that the manifest below still matches tenants/recklinghausen.
2. Heap before: jcmd GC.run twice, then the used heap from jcmd GC.heap_info.
3. Pass 1: PUT bench-0000 ... bench-0999 (the Recklinghausen manifest with its own id and name)
   with N concurrent workers (one keep-alive HTTP connection each); every answer must be 201.
4. Pass 2: the same 1,000 PUTs again; every answer must be 200 with outcome UNCHANGED.
5. Heap after: GC.run twice, used heap; (after - before) / 1000 = heap per idle tenant.

The manifest is generated here as a Python dict (no PyYAML needed); if PyYAML happens to be
installed, the dict is compared with tenants/recklinghausen/manifest.yaml and a drift is reported.
"""

import argparse
import base64
import copy
import http.client
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

TOKEN_REFRESH_AFTER_S = 10 * 60  # tokens live 15 minutes
REQUEST_TIMEOUT_S = 60

# tenants/recklinghausen/manifest.yaml as data; texts.privacyProse and branding.logo are file
# names there and are inlined from the files beside it by base_manifest().
RECKLINGHAUSEN = {'manifestVersion': 1,
                  'id': 'recklinghausen',
                  'name': 'Stadt Recklinghausen',
                  'authorityType': 'STADT',
                  'state': 'NW',
                  'timeZone': 'Europe/Berlin',
                  'address': {'street': 'Rathausplatz 3/4', 'postalCode': '45657', 'city': 'Recklinghausen'},
                  'contact': {'email': 'buergerbuero@recklinghausen.de',
                              'phone': '+49 2361 50-1640',
                              'website': 'https://www.recklinghausen.de'},
                  'dataProtectionOfficer': {'organisation': 'Stadt Recklinghausen – Datenschutzbeauftragte',
                                            'address': {'street': 'Rathausplatz 3/4',
                                                        'postalCode': '45657',
                                                        'city': 'Recklinghausen'},
                                            'email': 'datenschutz@recklinghausen.de',
                                            'phone': '+49 2361 50-1578'},
                  'supervisoryAuthority': {'name': 'Landesbeauftragte für Datenschutz und Informationsfreiheit '
                                                   'Nordrhein-Westfalen',
                                           'address': {'street': 'Kavalleriestraße 2-4',
                                                       'postalCode': '40213',
                                                       'city': 'Düsseldorf'},
                                           'email': 'poststelle@ldi.nrw.de',
                                           'website': 'https://www.ldi.nrw.de'},
                  'branding': {'primaryColor': '#a4161a', 'logo': 'logo.svg'},
                  'features': {'booking': True,
                               'video': False,
                               'contactForm': False,
                               'citizenAccounts': False,
                               'pseudonymousRegistration': False,
                               'termsOfUse': False},
                  'booking': {'requiredFields': ['NAME', 'EMAIL', 'PHONE'],
                              'holdMinutes': 20,
                              'reminderHoursBefore': 24,
                              'maxOpenAppointmentsPerEmail': 3,
                              'bookingWindowDays': 56,
                              'minimumNoticeHours': 2,
                              'bufferMinutes': 0,
                              'proofOfWork': True},
                  'locations': [{'id': 'buergerbuero-rathaus',
                                 'name': 'Bürgerbüro im Rathaus',
                                 'address': {'street': 'Rathausplatz 3/4', 'postalCode': '45657', 'city': 'Recklinghausen'},
                                 'openingHours': [{'days': ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'FRIDAY'],
                                                   'from': '08:00',
                                                   'to': '12:30',
                                                   'capacity': 4},
                                                  {'days': ['THURSDAY'], 'from': '08:00', 'to': '18:00', 'capacity': 4}]}],
                  'services': [{'id': 'personalausweis-beantragen',
                                'name': 'Personalausweis beantragen',
                                'description': 'Antrag auf einen neuen Personalausweis, zum Beispiel weil der bisherige '
                                               'abläuft oder verloren ging.',
                                'durationMinutes': 15,
                                'channel': 'ON_SITE',
                                'location': 'buergerbuero-rathaus',
                                'documentsToBring': ['bisheriger Personalausweis oder Reisepass',
                                                     'aktuelles biometrisches Passfoto']},
                               {'id': 'reisepass-beantragen',
                                'name': 'Reisepass beantragen',
                                'description': 'Antrag auf einen Reisepass oder einen Kinderreisepass.',
                                'durationMinutes': 15,
                                'channel': 'ON_SITE',
                                'location': 'buergerbuero-rathaus',
                                'documentsToBring': ['bisheriger Reisepass oder Personalausweis',
                                                     'aktuelles biometrisches Passfoto']},
                               {'id': 'wohnsitz-anmelden',
                                'name': 'Wohnsitz anmelden',
                                'description': 'Anmeldung nach dem Zuzug nach Recklinghausen oder Ummeldung innerhalb der '
                                               'Stadt.',
                                'durationMinutes': 15,
                                'channel': 'ON_SITE',
                                'location': 'buergerbuero-rathaus',
                                'documentsToBring': ['Personalausweis oder Reisepass', 'Wohnungsgeberbestätigung']},
                               {'id': 'meldebescheinigung',
                                'name': 'Meldebescheinigung',
                                'description': 'Ausstellung einer Bescheinigung über die eigene Meldeadresse.',
                                'durationMinutes': 10,
                                'channel': 'ON_SITE',
                                'location': 'buergerbuero-rathaus',
                                'documentsToBring': ['Personalausweis oder Reisepass']},
                               {'id': 'fuehrungszeugnis-beantragen',
                                'name': 'Führungszeugnis beantragen',
                                'description': 'Antrag auf ein Führungszeugnis beim Bundesamt für Justiz über das Bürgerbüro.',
                                'durationMinutes': 10,
                                'channel': 'ON_SITE',
                                'location': 'buergerbuero-rathaus',
                                'documentsToBring': ['Personalausweis oder Reisepass']}],
                  'processors': [{'name': 'Bentjen Software GmbH',
                                  'address': {'street': 'Hebelweg 8', 'postalCode': '76275', 'city': 'Ettlingen'},
                                  'country': 'DE',
                                  'purpose': 'Betrieb der Software für die Online-Terminvergabe und technische Abwicklung der '
                                             'Buchungen'},
                                 {'name': 'Mittwald CM Service GmbH & Co. KG',
                                  'address': {'street': 'Königsberger Str. 4-6', 'postalCode': '32339', 'city': 'Espelkamp'},
                                  'country': 'DE',
                                  'purpose': 'Hosting der Online-Terminvergabe'},
                                 {'name': '1&1 Internet SE',
                                  'address': {'street': 'Elgendorfer Str. 57', 'postalCode': '56410', 'city': 'Montabaur'},
                                  'country': 'DE',
                                  'purpose': 'Hosting der Online-Terminvergabe'},
                                 {'name': '1blu AG',
                                  'address': {'street': 'Stromstraße 1-5', 'postalCode': '10555', 'city': 'Berlin'},
                                  'country': 'DE',
                                  'purpose': 'Hosting der Online-Terminvergabe'}],
                  'dataCategories': [{'id': 'request-logs',
                                      'name': 'Zugriffsdaten (Anfrageprotokolle)',
                                      'description': 'Beim Aufruf übermittelt der Browser IP-Adresse, Datum und Uhrzeit der '
                                                     'Anfrage, Zeitzonendifferenz zu GMT, die aufgerufene Seite, '
                                                     'Zugriffsstatus (HTTP-Statuscode), übertragene Datenmenge, die '
                                                     'verweisende Webseite, Browser, Betriebssystem samt Oberfläche sowie '
                                                     'Sprache und Version der Browsersoftware. Wie alle Daten des Dienstes '
                                                     'werden sie nach 48 Stunden anonymisiert.',
                                      'personal': True,
                                      'legalBasis': 'Art. 6 Abs. 1 lit. e DSGVO i. V. m. § 3 Abs. 1 DSG NRW',
                                      'purposes': ['Auslieferung der Seiten der Online-Terminvergabe',
                                                   'Sicherheit und Funktionsfähigkeit des Dienstes'],
                                      'recipients': ['Auftragsverarbeiter (Softwarebetreiber und Hosting)'],
                                      'retention': [{'trigger': 'COLLECTED', 'after': 'PT48H', 'action': 'ANONYMISE'}]},
                                     {'id': 'appointment-data',
                                      'name': 'Termindaten',
                                      'description': 'Name, gewählte Dienstleistung, E-Mail-Adresse und Telefonnummer (auch '
                                                     'Mobilnummer). Erhoben werden nur die für die Buchung zwingend nötigen '
                                                     'Angaben; 48 Stunden nach dem Termin werden die Daten anonymisiert.',
                                      'personal': True,
                                      'legalBasis': 'Art. 6 Abs. 1 lit. a DSGVO i. V. m. § 35 DSG NRW (Einwilligung durch '
                                                    'Absenden der Buchung; Widerruf jederzeit mit Wirkung für die Zukunft '
                                                    'nach Art. 7 Abs. 3 DSGVO)',
                                      'purposes': ['Vereinbarung eines Termins im Bürgerbüro'],
                                      'recipients': ['Bürgerbüro der Stadt Recklinghausen',
                                                     'Auftragsverarbeiter (Softwarebetreiber und Hosting)',
                                                     'Fachbereiche, Institute, eigenbetriebsähnliche Einrichtungen und '
                                                     'Beteiligungen der Stadt, soweit für das Anliegen nötig'],
                                      'retention': [{'trigger': 'APPOINTMENT_END', 'after': 'PT48H', 'action': 'ANONYMISE'}]}],
                  'identity': {'staffIssuer': 'embedded', 'twoFactorForStaff': True},
                  'texts': {'privacyProse': 'texts/datenschutz.md'}}


def base_manifest(repo):
    folder = os.path.join(repo, "tenants", "recklinghausen")
    manifest = copy.deepcopy(RECKLINGHAUSEN)
    try:
        import yaml  # optional: only to detect drift from the real file
    except ImportError:
        yaml = None
    if yaml is not None:
        with open(os.path.join(folder, "manifest.yaml"), encoding="utf-8") as f:
            if yaml.safe_load(f) != manifest:
                print("WARNING: the manifest in bench/onboarding.py differs from "
                      "tenants/recklinghausen/manifest.yaml; update RECKLINGHAUSEN", file=sys.stderr)
    with open(os.path.join(folder, manifest["texts"]["privacyProse"]), encoding="utf-8") as f:
        manifest["texts"]["privacyProse"] = f.read()
    with open(os.path.join(folder, manifest["branding"]["logo"]), "rb") as f:
        manifest["branding"]["logo"] = "data:image/svg+xml;base64," + base64.b64encode(f.read()).decode("ascii")
    return manifest


def bench_manifest(base, number):
    manifest = copy.deepcopy(base)
    manifest["id"] = f"bench-{number:04d}"
    manifest["name"] = f"Benchmark-Kommune {number:04d}"
    return manifest


class Api:
    """The operator API over one keep-alive connection per thread, with a shared bearer token."""

    def __init__(self, port, client_id, secret):
        self.port = port
        self.basic = base64.b64encode(f"{client_id}:{secret}".encode()).decode()
        self.lock = threading.Lock()
        self.local = threading.local()
        self.token = None
        self.token_at = 0.0

    def _connection(self):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_S)
            self.local.conn = conn
        return conn

    def _request(self, method, path, body=None, headers=None):
        for attempt in (1, 2):  # one retry on a connection the server closed
            conn = self._connection()
            try:
                conn.request(method, path, body=body, headers=headers or {})
                response = conn.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, ConnectionError):
                conn.close()
                self.local.conn = None
                if attempt == 2:
                    raise

    def bearer(self, force=False):
        with self.lock:
            if force or self.token is None or time.monotonic() - self.token_at > TOKEN_REFRESH_AFTER_S:
                status, body = self._request("POST", "/oauth2/token",
                                             body=urllib.parse.urlencode({"grant_type": "client_credentials"}),
                                             headers={"Authorization": "Basic " + self.basic,
                                                      "Content-Type": "application/x-www-form-urlencoded"})
                if status != 200:
                    raise RuntimeError(f"token request answered {status}: {body[:300]!r}")
                self.token = json.loads(body)["access_token"]
                self.token_at = time.monotonic()
            return self.token

    def put_manifest(self, manifest):
        body = json.dumps(manifest, ensure_ascii=False).encode("utf-8")
        path = "/api/v1/operator/tenants/" + manifest["id"]
        started = time.perf_counter()
        status, answer = self._request("PUT", path, body=body, headers={
            "Authorization": "Bearer " + self.bearer(), "Content-Type": "application/json"})
        if status == 401:  # token expired between the check and the request
            status, answer = self._request("PUT", path, body=body, headers={
                "Authorization": "Bearer " + self.bearer(force=True), "Content-Type": "application/json"})
        seconds = time.perf_counter() - started
        try:
            outcome = json.loads(answer).get("outcome")
        except ValueError:
            outcome = None
        return status, outcome, seconds, answer

    def tenant_count(self):
        status, body = self._request("GET", "/api/v1/tenants")
        return len(json.loads(body)) if status == 200 else None


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list."""
    if not sorted_values:
        return float("nan")
    rank = max(1, -(-len(sorted_values) * p // 100))  # ceil(n * p / 100)
    return sorted_values[int(rank) - 1]


def run_pass(api, manifests, workers, deadline, want_status, want_outcome):
    results = [None] * len(manifests)

    def one(index):
        if time.monotonic() > deadline:
            results[index] = ("deadline", None, 0.0, b"")
            return
        try:
            results[index] = api.put_manifest(manifests[index])
        except Exception as failure:  # noqa: BLE001 - recorded and reported below
            results[index] = (type(failure).__name__, None, 0.0, str(failure).encode())

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(one, range(len(manifests))))
    elapsed = time.perf_counter() - started

    latencies = sorted(r[2] for r in results if isinstance(r[0], int))
    statuses = {}
    for status, outcome, _, _ in results:
        key = f"{status} {outcome}" if outcome else str(status)
        statuses[key] = statuses.get(key, 0) + 1
    bad = [(manifests[i]["id"], r) for i, r in enumerate(results) if r[0] != want_status or r[1] != want_outcome]
    for tenant, (status, outcome, _, answer) in bad[:5]:
        print(f"  unexpected answer for {tenant}: {status} {outcome} {answer[:400]!r}", file=sys.stderr)
    return {
        "requests": len(manifests),
        "expected": f"{want_status} {want_outcome}",
        "as_expected": len(manifests) - len(bad),
        "answers": statuses,
        "seconds": round(elapsed, 2),
        "per_second": round(len(manifests) / elapsed, 1) if elapsed else None,
        "p50_ms": round(percentile(latencies, 50) * 1000, 1),
        "p95_ms": round(percentile(latencies, 95) * 1000, 1),
        "max_ms": round(latencies[-1] * 1000, 1) if latencies else None,
    }


def jcmd(java_home, pid, *command):
    out = subprocess.run([os.path.join(java_home, "bin", "jcmd"), str(pid), *command],
                         check=True, capture_output=True, text=True, timeout=120)
    return out.stdout


def used_heap_kb(java_home, pid):
    """Full GC twice, then the used heap in KB (G1's "garbage-first heap ... used NK" line)."""
    for _ in range(2):
        jcmd(java_home, pid, "GC.run")
        time.sleep(0.5)
    info = jcmd(java_home, pid, "GC.heap_info")
    g1 = re.search(r"garbage-first heap.*?used (\d+)K", info)
    if g1:
        return int(g1.group(1))
    return sum(int(m.group(1)) for line in info.splitlines()
               if "Metaspace" not in line and "class space" not in line
               for m in [re.search(r"used (\d+)K", line)] if m)


def rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--pid", type=int, required=True, help="the platform's JVM, for jcmd")
    parser.add_argument("--java-home", default=os.environ.get("JAVA_HOME"))
    parser.add_argument("--repo", default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument("--tenants", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--deadline", type=float, default=1200, help="seconds for both passes together")
    parser.add_argument("--client", default="operator-dev")
    parser.add_argument("--secret", default="dev")
    parser.add_argument("--histograms", help="folder for class histograms before/after (optional)")
    parser.add_argument("--out", help="write the results here as JSON")
    args = parser.parse_args()
    if not args.java_home:
        parser.error("--java-home or JAVA_HOME is needed for jcmd")

    deadline = time.monotonic() + args.deadline
    api = Api(args.port, args.client, args.secret)
    base = base_manifest(args.repo)
    manifests = [bench_manifest(base, n) for n in range(args.tenants)]
    size = len(json.dumps(manifests[0], ensure_ascii=False).encode("utf-8"))
    print(f"{args.tenants} manifests of {size} bytes each (JSON), {args.workers} workers")

    status, outcome, _, answer = api.put_manifest(base)
    print(f"warm-up: PUT recklinghausen (same as its folder) -> {status} {outcome}")
    if (status, outcome) != (200, "UNCHANGED"):
        print(f"  expected 200 UNCHANGED: {answer[:400]!r}", file=sys.stderr)
    tenants_before = api.tenant_count()

    heap_before = used_heap_kb(args.java_home, args.pid)
    rss_before = rss_kb(args.pid)
    if args.histograms:
        with open(os.path.join(args.histograms, "histogram-before.txt"), "w") as f:
            f.write(jcmd(args.java_home, args.pid, "GC.class_histogram"))
    print(f"before: {tenants_before} tenants, used heap {heap_before} KB after full GC, JVM RSS {rss_before} KB")

    first = run_pass(api, manifests, args.workers, deadline, 201, "ONBOARDED")
    print("pass 1 (onboard): {as_expected}/{requests} as expected ({answers}); {seconds} s, {per_second}/s, "
          "p50 {p50_ms} ms, p95 {p95_ms} ms, max {max_ms} ms".format(**first))
    second = run_pass(api, manifests, args.workers, deadline, 200, "UNCHANGED")
    print("pass 2 (same again): {as_expected}/{requests} as expected ({answers}); {seconds} s, {per_second}/s, "
          "p50 {p50_ms} ms, p95 {p95_ms} ms, max {max_ms} ms".format(**second))
    tenants_after = api.tenant_count()

    heap_after = used_heap_kb(args.java_home, args.pid)
    rss_after = rss_kb(args.pid)
    if args.histograms:
        with open(os.path.join(args.histograms, "histogram-after.txt"), "w") as f:
            f.write(jcmd(args.java_home, args.pid, "GC.class_histogram"))
    added = (tenants_after or 0) - (tenants_before or 0)
    per_tenant = (heap_after - heap_before) / added if added else None
    print(f"after: {tenants_after} tenants, used heap {heap_after} KB after full GC, JVM RSS {rss_after} KB")
    print(f"heap per idle tenant: ({heap_after} - {heap_before}) KB / {added} = "
          f"{per_tenant:.3f} KB" if per_tenant is not None else "heap per idle tenant: no tenant added")

    results = {
        "tenants": args.tenants, "workers": args.workers, "manifest_bytes": size,
        "warmup": f"{status} {outcome}", "pass1": first, "pass2": second,
        "tenants_before": tenants_before, "tenants_after": tenants_after,
        "heap_before_kb": heap_before, "heap_after_kb": heap_after,
        "heap_per_tenant_kb": round(per_tenant, 3) if per_tenant is not None else None,
        "rss_before_kb": rss_before, "rss_after_kb": rss_after,
    }
    if args.out:
        with open(args.out, "w") as f:
            json.dump(results, f, indent=2)
    ok = (first["as_expected"] == args.tenants and second["as_expected"] == args.tenants
          and added == args.tenants)
    if not ok:
        print("FAILED: not every answer was as expected, or the tenant count is off", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
