#!/usr/bin/env bash
# Fault suite (issue 9, item 5): four scenarios as JUnit classes named *Fault under
# platform/src/test/java/de/amtsraum/faults/ (not *IT, so the normal failsafe run leaves them out),
# run by failsafe against real parts started by the tests themselves:
#   AppKillFault          kill -9 of the packaged jar under booking load (16 clients)
#   PostgresRestartFault  PostgreSQL stopped for BENCH_FAULTS_PG_OUTAGE (PT20S) while the app runs
#   KafkaOutageFault      the Kafka broker down for BENCH_FAULTS_KAFKA_OUTAGE (PT5M), handovers raised meanwhile
#   LiveKitOutageFault    livekit-server stopped: booking and confirmation, staff told video is unavailable
# Each writes its figures to platform/target/faults/<scenario>.json; this script copies them to
# $BENCH_WORK/results/faults.json and prints them. Takes about 9-12 minutes with the 5-minute outage
# (the build included). BENCH_FAULTS='KafkaOutageFault' runs one; BENCH_FAULTS_MAVEN_OPTS adds Maven
# options (e.g. -o offline).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
[ -n "${BENCH_WORK:-}" ] || bench_init
cd "$BENCH_ROOT"
mkdir -p "$BENCH_WORK/results"
rm -rf platform/target/faults "$BENCH_WORK/results/faults.json"

echo "== faults: ${BENCH_FAULTS:-*Fault}, Kafka outage ${BENCH_FAULTS_KAFKA_OUTAGE:-PT5M}, PostgreSQL outage ${BENCH_FAULTS_PG_OUTAGE:-PT20S}"
status=0
# shellcheck disable=SC2086 # BENCH_FAULTS_MAVEN_OPTS is a list of options
./mvnw -B -q ${BENCH_FAULTS_MAVEN_OPTS:-} -pl platform verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test="${BENCH_FAULTS:-*Fault}" \
  -Damtsraum.faults.kafka-outage="${BENCH_FAULTS_KAFKA_OUTAGE:-PT5M}" \
  -Damtsraum.faults.postgres-outage="${BENCH_FAULTS_PG_OUTAGE:-PT20S}" || status=$?

python3 - "$BENCH_ROOT/platform/target/faults" "$BENCH_WORK/results/faults.json" <<'PY'
import json, pathlib, sys
results = {}
for file in sorted(pathlib.Path(sys.argv[1]).glob("*.json")):
    results[file.stem] = json.loads(file.read_text())
json.dump(results, open(sys.argv[2], "w"), indent=2)
for name, figures in results.items():
    print(f"-- {name}: {'passed' if figures.get('passed') else 'FAILED'}")
    for key, value in figures.items():
        if key not in ("scenario", "passed"):
            print(f"   {key}: {value}")
if not results:
    print("no fault figures written (platform/target/faults is empty)")
PY
[ "$status" = 0 ] || { echo "faults: failsafe reported failures (platform/target/failsafe-reports/)" >&2; exit "$status"; }
