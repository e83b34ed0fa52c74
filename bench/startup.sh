#!/usr/bin/env bash
# Benchmark 1: start-up time, from the fork of the JVM to the first GET /actuator/health that answers
# {"status":"UP"} (polled every 100 ms), on a data dir whose PostgreSQL cluster already exists.
# One first start creates the cluster and onboards the five tenants (reported, not counted); then
# BENCH_STARTS (default 5) further starts of the same data dir are timed: min / median / max.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

starts=${BENCH_STARTS:-5}
data=${BENCH_DATA_DIR:-$BENCH_WORK/startup/data}
logs=$BENCH_WORK/startup
mkdir -p "$logs"
rm -f "$BENCH_WORK/results/startup.tsv"
trap 'app_stop' EXIT
trap 'exit 130' INT TERM

echo "== startup: JDK $(bench_java_major "$JAVA_HOME"), jar $BENCH_JAR, data $data"

app_start "$data" "$logs/start-0.log"
first=$(app_wait_up) || { tail -n 20 "$logs/start-0.log" >&2; exit 1; }
app_stop
echo "first start (creates the cluster, onboards 5 tenants): ${first} s"
result startup first_start_s "$first"

times=()
for i in $(seq 1 "$starts"); do
  app_start "$data" "$logs/start-$i.log"
  t=$(app_wait_up) || { tail -n 20 "$logs/start-$i.log" >&2; exit 1; }
  # Spring Boot's own figure, for comparison: "Started AmtsraumApplication in X seconds (process running for Y)".
  spring=$(grep -o 'Started AmtsraumApplication in [0-9.]* seconds' "$logs/start-$i.log" | grep -o '[0-9.]*' | head -n1 || true)
  app_stop
  echo "start $i (existing cluster): ${t} s to UP (Spring Boot reports started in ${spring:-?} s)"
  times+=("$t")
done

read -r min median max < <(printf '%s\n' "${times[@]}" | sort -n | awk '
  { v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.2f %.2f %.2f\n", v[1], m, v[NR] }')
echo "startup to UP over $starts starts of an existing cluster: min ${min} s, median ${median} s, max ${max} s"
result startup starts "$starts"
result startup min_s "$min"
result startup median_s "$median"
result startup max_s "$max"
result startup all_s "${times[*]}"
