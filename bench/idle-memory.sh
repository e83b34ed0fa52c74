#!/usr/bin/env bash
# Benchmark 2: idle memory. Starts the platform on a fresh data dir (it onboards the five tenants
# of ./tenants), waits BENCH_IDLE_SECONDS (default 30) idle, then reports the JVM's RSS, forces a
# full GC (jcmd GC.run) and reports the used heap (jcmd GC.heap_info) and the RSS again; separately
# the RSS (VmRSS) of the embedded PostgreSQL processes, summed, and their PSS (shared pages split
# between the processes, so a fairer total: every backend maps the same shared buffers).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init

idle=${BENCH_IDLE_SECONDS:-30}
data=${BENCH_DATA_DIR:-$BENCH_WORK/idle-memory/data}
logs=$BENCH_WORK/idle-memory
mkdir -p "$logs"
rm -f "$BENCH_WORK/results/idle-memory.tsv"
trap 'app_stop' EXIT
trap 'exit 130' INT TERM

echo "== idle-memory: JDK $(bench_java_major "$JAVA_HOME"), ${idle} s idle, data $data"
app_start "$data" "$logs/app.log"
up=$(app_wait_up) || { tail -n 20 "$logs/app.log" >&2; exit 1; }
tenants=$(curl -sf --max-time 10 "http://127.0.0.1:$APP_PORT/api/v1/tenants" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))')
echo "UP after ${up} s with ${tenants} tenants; idling ${idle} s"
sleep "$idle"

jvm_rss_idle=$(proc_kb "$APP_PID" VmRSS)
jcmd_full_gc "$APP_PID"
sleep 1
heap_used=$(jcmd_heap_used_kb "$APP_PID")
heap_committed=$("$JAVA_HOME/bin/jcmd" "$APP_PID" GC.heap_info | grep -o 'committed [0-9]*K' | head -n1 | grep -o '[0-9]*' || echo '?')
jvm_rss_gc=$(proc_kb "$APP_PID" VmRSS)
# Where the JVM's RSS goes, when started with BENCH_JAVA_OPTS=-XX:NativeMemoryTracking=summary.
"$JAVA_HOME/bin/jcmd" "$APP_PID" VM.native_memory summary >"$logs/native-memory.txt" 2>&1 || true

pg_count=0 pg_rss=0 pg_pss=0
for pid in $(pg_pids "$data"); do
  pg_count=$((pg_count + 1))
  pg_rss=$((pg_rss + $(proc_kb "$pid" VmRSS)))
  pg_pss=$((pg_pss + $(proc_kb "$pid" Pss)))
done

mb() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
echo "JVM RSS after ${idle} s idle:        $(mb "$jvm_rss_idle") MiB"
echo "JVM used heap after full GC:        $(mb "$heap_used") MiB (committed ${heap_committed} KB)"
echo "JVM RSS after full GC:              $(mb "$jvm_rss_gc") MiB"
echo "PostgreSQL, ${pg_count} processes: RSS sum $(mb "$pg_rss") MiB, PSS sum $(mb "$pg_pss") MiB"
result idle-memory tenants "$tenants"
result idle-memory idle_s "$idle"
result idle-memory jvm_rss_idle_kb "$jvm_rss_idle"
result idle-memory jvm_rss_after_gc_kb "$jvm_rss_gc"
result idle-memory heap_used_kb "$heap_used"
result idle-memory heap_committed_kb "$heap_committed"
result idle-memory pg_processes "$pg_count"
result idle-memory pg_rss_kb "$pg_rss"
result idle-memory pg_pss_kb "$pg_pss"
