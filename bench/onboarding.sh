#!/usr/bin/env bash
# Benchmark 3: onboarding throughput and heap per idle tenant (the work is in bench/onboarding.py).
# Starts the platform on a fresh data dir (five folder tenants), runs the driver against it, stops it.
#   BENCH_TENANTS (default 1000), BENCH_WORKERS (default 4), BENCH_ONBOARD_DEADLINE (s, default 1200)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

data=${BENCH_DATA_DIR:-$BENCH_WORK/onboarding/data}
logs=$BENCH_WORK/onboarding
mkdir -p "$logs" "$BENCH_WORK/results"
rm -f "$BENCH_WORK/results/onboarding.json"
trap 'app_stop' EXIT
trap 'exit 130' INT TERM

echo "== onboarding: JDK $(bench_java_major "$JAVA_HOME"), ${BENCH_TENANTS:-1000} tenants, ${BENCH_WORKERS:-4} workers, data $data"
app_start "$data" "$logs/app.log"
up=$(app_wait_up) || { tail -n 20 "$logs/app.log" >&2; exit 1; }
echo "UP after ${up} s"

python3 "$BENCH_ROOT/bench/onboarding.py" --port "$APP_PORT" --pid "$APP_PID" --java-home "$JAVA_HOME" \
  --repo "$BENCH_ROOT" --tenants "${BENCH_TENANTS:-1000}" --workers "${BENCH_WORKERS:-4}" \
  --deadline "${BENCH_ONBOARD_DEADLINE:-1200}" --histograms "$logs" --out "$BENCH_WORK/results/onboarding.json"

errors=$(grep -c '"level":"ERROR"' "$logs/app.log" || true)
echo "platform log: ${errors} ERROR lines ($logs/app.log); PostgreSQL data: $(du -sh "$data/postgres" | cut -f1)"
