#!/usr/bin/env python3
"""Summary of a bench/jmh run: the JMH scores and the figures of issue 3, point 8, with the targets.

Usage: bench/jmh-summary.py jmh-result.json   (JMH's -rf json output; bench/jmh calls it)
"""
import json
import statistics
import sys


def main(path):
    with open(path) as f:
        results = json.load(f)
    rows = {}
    print("JMH scores (mean of the measured iterations, ± 99.9 % confidence half-width as JMH reports it)")
    print(f"{'benchmark':<72} {'mode':<6} {'score':>14} {'error':>12}  unit   min / median / max")
    for r in results:
        name = r["benchmark"].rsplit(".", 2)
        name = name[-2] + "." + name[-1]
        params = r.get("params") or {}
        if params:
            name += "(" + ",".join(f"{k}={v}" for k, v in params.items()) + ")"
        m = r["primaryMetric"]
        raw = [x for fork in m.get("rawData", []) for x in fork]
        rows[name] = (m["score"], raw)
        spread = f"{min(raw):.2f} / {statistics.median(raw):.2f} / {max(raw):.2f}" if raw else ""
        try:
            error = float(m.get("scoreError"))
        except (TypeError, ValueError):
            error = float("nan")
        error = "" if error != error else f"± {error:.2f}"
        print(f"{name:<72} {r['mode']:<6} {m['score']:>14.2f} {error:>12}  {m['scoreUnit']:<6} {spread}")

    def get(name):
        return rows.get(name, (None, []))

    verdicts = []
    print()
    print("Figures of issue 3, point 8")
    plain, _ = get("PersonalDataSerializationBenchmark.plainRoundTrip")
    warm, _ = get("PersonalDataSerializationBenchmark.encryptedRoundTripWarmCache")
    if plain and warm:
        overhead = (warm / plain - 1) * 100
        ok = overhead < 15
        verdicts.append(ok)
        print(f"  serialize+deserialize, plain {plain:.2f} µs, encrypted warm cache {warm:.2f} µs: "
              f"encryption adds {overhead:.0f} % (target < 15 %): {'met' if ok else 'MISSED'}")
    for cold in ("encryptedRoundTripColdCacheUnwrap", "encryptedRoundTripColdCacheNewSubject"):
        score, _ = get("PersonalDataSerializationBenchmark." + cold)
        if plain and score:
            print(f"  {cold}: {score:.2f} µs per operation ({score / plain:.1f} x plain)")
    crypto, _ = get("PersonalDataSerializationBenchmark.cipherSealAndOpenThreeFields")
    if plain and crypto:
        print(f"  cryptography alone (seal + open of the 3 values): {crypto:.2f} µs = {crypto / plain * 100:.0f} % of the "
              f"plain round trip")
    for part in ("Serialize", "Deserialize"):
        p, _ = get("PersonalDataSerializationBenchmark.plain" + part)
        e, _ = get("PersonalDataSerializationBenchmark.encrypted" + part)
        if p and e:
            print(f"  {part.lower()} alone: plain {p:.2f} µs, encrypted {e:.2f} µs (+{(e / p - 1) * 100:.0f} %)")
    for replay in ("replayWithDecryptionWarmCache", "replayWithDecryptionColdCache",
                   "replayWithDecryptionMoreKeysThanCache", "replayWithoutPersonalData", "replayAllSubjectsShredded"):
        score, raw = get("EventReplayBenchmark." + replay)
        if score:
            rate = 1e6 / score
            line = f"  {replay}: {rate:,.0f} events/s (slowest replay {1e6 / max(raw):,.0f}, fastest {1e6 / min(raw):,.0f})"
            if replay in ("replayWithDecryptionWarmCache", "replayWithDecryptionColdCache"):
                ok = rate >= 20000
                verdicts.append(ok)
                line += f" (target >= 20,000 events/s): {'met' if ok else 'MISSED'}"
            print(line)
    one, raw1 = get("SubjectShreddingBenchmark.shredAll(eventsPerSubject=1)")
    many, raw2 = get("SubjectShreddingBenchmark.shredAll(eventsPerSubject=10000)")
    if one and many:
        ratio = many / one
        median_ratio = statistics.median(raw2) / statistics.median(raw1)
        ok = ratio <= 1.5
        verdicts.append(ok)
        print(f"  shredAll: 1 event {one:.2f} ms, 10,000 events {many:.2f} ms (means); ratio {ratio:.2f} "
              f"(medians {statistics.median(raw1):.2f} / {statistics.median(raw2):.2f} ms, ratio {median_ratio:.2f}) "
              f"(target <= 1.5): {'met' if ok else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
