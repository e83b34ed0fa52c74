#!/usr/bin/env bash
# Benchmark 5 (issue 8, point 5): export and erasure of one citizen with about 1,000 events, through
# the self-service page /{tenant}/meine-daten (the work is in bench/rights.py). Starts the platform on
# a fresh data dir with only the benchmark tenant (bench/tenants/bench), runs the driver, stops it.
#   BENCH_RIGHTS_EVENTS (default 1000), BENCH_RIGHTS_REPEAT (exports measured, default 10)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

data=${BENCH_DATA_DIR:-$BENCH_WORK/rights/data}
logs=$BENCH_WORK/rights
mkdir -p "$logs" "$BENCH_WORK/results"
rm -f "$BENCH_WORK/results/rights.json"
export BENCH_TENANTS_DIR=$BENCH_ROOT/bench/tenants
# The driver talks plain HTTP on 127.0.0.1: the session cookie (CSRF of the page forms) must not be Secure-only.
export AMTSRAUM_SECURE_COOKIE=false
trap 'app_stop' EXIT
trap 'exit 130' INT TERM

echo "== rights: JDK $(bench_java_major "$JAVA_HOME"), tenants $BENCH_TENANTS_DIR, data $data"
app_start "$data" "$logs/app.log"
up=$(app_wait_up) || { tail -n 20 "$logs/app.log" >&2; exit 1; }
echo "UP after ${up} s"

python3 "$BENCH_ROOT/bench/rights.py" --port "$APP_PORT" --data-dir "$data" \
  --events "${BENCH_RIGHTS_EVENTS:-1000}" --repeat "${BENCH_RIGHTS_REPEAT:-10}" --out "$BENCH_WORK/results/rights.json"

errors=$(grep -c '"level":"ERROR"' "$logs/app.log" || true)
echo "platform log: ${errors} ERROR lines ($logs/app.log)"
