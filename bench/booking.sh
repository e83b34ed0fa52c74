#!/usr/bin/env bash
# Benchmark 4 (issue 4): booking throughput and latency, slot search, a race on one slot, and
# pgbench -N on the same PostgreSQL as the ceiling (the work is in bench/booking.py).
# Starts the platform on a fresh data dir with only the benchmark tenant (bench/tenants/bench),
# runs the driver against it, stops it.
#   BENCH_BOOKING_CLIENTS (default 50), BENCH_BOOKING_WARMUP (s, 15), BENCH_BOOKING_SECONDS (s, 20),
#   BENCH_SLOT_REQUESTS (2000), BENCH_SLOT_CLIENTS (10), BENCH_RACE_CLIENTS (100),
#   BENCH_PGBENCH_SECONDS (30; 0 skips pgbench), BENCH_PGBENCH (pgbench binary, default from PATH
#   or /usr/bin/pgbench), BENCH_PSQL (psql binary, likewise)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

data=${BENCH_DATA_DIR:-$BENCH_WORK/booking/data}
logs=$BENCH_WORK/booking
mkdir -p "$logs" "$BENCH_WORK/results"
rm -f "$BENCH_WORK/results/booking.json"
export BENCH_TENANTS_DIR=$BENCH_ROOT/bench/tenants
trap 'app_stop' EXIT
trap 'exit 130' INT TERM

pgbench_bin=${BENCH_PGBENCH:-$(command -v pgbench || echo /usr/bin/pgbench)}
psql_bin=${BENCH_PSQL:-$(command -v psql || echo /usr/bin/psql)}
pgbench_seconds=${BENCH_PGBENCH_SECONDS:-30}
[ -x "$psql_bin" ] || { echo "bench: psql not found (apt-get install postgresql-client, or set BENCH_PSQL)" >&2; exit 1; }
if [ "$pgbench_seconds" != 0 ] && [ ! -x "$pgbench_bin" ]; then
  echo "bench: pgbench not found (Debian package postgresql-15, or set BENCH_PGBENCH); the pgbench ceiling is skipped" >&2
  pgbench_seconds=0
fi

echo "== booking: JDK $(bench_java_major "$JAVA_HOME"), tenants $BENCH_TENANTS_DIR, data $data"
app_start "$data" "$logs/app.log"
up=$(app_wait_up) || { tail -n 20 "$logs/app.log" >&2; exit 1; }
echo "UP after ${up} s"

python3 "$BENCH_ROOT/bench/booking.py" --port "$APP_PORT" --pid "$APP_PID" --data-dir "$data" \
  --clients "${BENCH_BOOKING_CLIENTS:-50}" --warmup "${BENCH_BOOKING_WARMUP:-15}" --seconds "${BENCH_BOOKING_SECONDS:-20}" \
  --slot-requests "${BENCH_SLOT_REQUESTS:-2000}" --slot-clients "${BENCH_SLOT_CLIENTS:-10}" \
  --race-clients "${BENCH_RACE_CLIENTS:-100}" --pgbench-seconds "$pgbench_seconds" \
  --pgbench "$pgbench_bin" --psql "$psql_bin" --out "$BENCH_WORK/results/booking.json"

errors=$(grep -c '"level":"ERROR"' "$logs/app.log" || true)
echo "platform log: ${errors} ERROR lines ($logs/app.log); PostgreSQL data: $(du -sh "$data/postgres" | cut -f1)"
