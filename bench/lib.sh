# Shared helpers for the Amtsraum benchmarks; sourced by bench/*.sh, not run on its own.
#
# Environment (all optional):
#   BENCH_JAR        the platform jar to start (default: a copy of platform/target/amtsraum-platform.jar,
#                    built first if missing, taken into the work folder so parallel builds cannot change it)
#   BENCH_WORK       folder for data dirs, logs and results (default: a new folder under ${TMPDIR:-/tmp})
#   BENCH_JAVA_OPTS  extra JVM options for the platform (default: none, i.e. the JVM's own defaults)
#   BENCH_UP_TIMEOUT seconds to wait for health UP before a start counts as failed (default 120)
#   BENCH_TENANTS_DIR the tenant folders the platform loads at start (default: tenants/ of the repo)

BENCH_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

bench_java_major() { "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1; }

# Same choice as ./amtsraum: $JAVA_HOME, then every JDK beside the default java and under /usr/lib/jvm;
# the newest with javac (a full JDK, so jcmd is there too) and major version >= 21 wins.
bench_pick_jdk() {
  local candidates=() default_java jvm_dir=/usr/lib/jvm best="" best_major=0 m d
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  default_java=$(command -v java 2>/dev/null || true)
  if [ -n "$default_java" ]; then
    jvm_dir=$(dirname "$(dirname "$(dirname "$(readlink -f "$default_java")")")")
  fi
  for d in "$jvm_dir"/* /usr/lib/jvm/*; do [ -x "$d/bin/java" ] && candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    [ -x "$d/bin/javac" ] && [ -x "$d/bin/jcmd" ] || continue
    m=$(bench_java_major "$d"); m=${m%%.*}
    if [ -n "$m" ] && [ "$m" -ge 21 ] && [ "$m" -gt "$best_major" ]; then best=$d; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    echo "bench: no JDK >= 21 with jcmd found (looked in $jvm_dir and \$JAVA_HOME)" >&2
    exit 1
  fi
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Sets JAVA_HOME, BENCH_WORK and BENCH_JAR; builds the jar if there is none.
bench_init() {
  [ -n "${JAVA_HOME_BENCH_DONE:-}" ] || { bench_pick_jdk; export JAVA_HOME_BENCH_DONE=1; }
  if [ -z "${BENCH_WORK:-}" ]; then
    BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/amtsraum-bench.XXXXXX")
    export BENCH_WORK_CREATED=1
  fi
  mkdir -p "$BENCH_WORK"
  export BENCH_WORK
  if [ -z "${BENCH_JAR:-}" ]; then
    local built="$BENCH_ROOT/platform/target/amtsraum-platform.jar"
    if [ ! -f "$built" ] || [ -n "$(find "$BENCH_ROOT/platform/src" "$BENCH_ROOT/pom.xml" "$BENCH_ROOT/platform/pom.xml" -newer "$built" -print -quit)" ]; then
      echo "bench: $built missing or older than the sources, building it (tests skipped)" >&2
      (cd "$BENCH_ROOT" && ./mvnw -B -q -pl platform package -DskipTests)
    fi
    BENCH_JAR="$BENCH_WORK/amtsraum-platform.jar"
    [ -f "$BENCH_JAR" ] || cp "$built" "$BENCH_JAR"
  fi
  [ -f "$BENCH_JAR" ] || { echo "bench: jar $BENCH_JAR not found" >&2; exit 1; }
  export BENCH_JAR
}

bench_now_ns() { date +%s%N; }

bench_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# app_start DATA_DIR LOG_FILE: starts the platform in the background from the repo root, bound to
# 127.0.0.1 only. Sets APP_PID, APP_PORT, APP_DATA, APP_T0 (ns, taken just before the fork).
app_start() {
  APP_DATA=$1
  local log=$2
  APP_PORT=$(bench_free_port)
  mkdir -p "$APP_DATA"
  APP_T0=$(bench_now_ns)
  # shellcheck disable=SC2086 # BENCH_JAVA_OPTS is a list of options
  (cd "$BENCH_ROOT" && AMTSRAUM_DATA_DIR="$APP_DATA" AMTSRAUM_TENANTS_DIR="${BENCH_TENANTS_DIR:-$BENCH_ROOT/tenants}" SERVER_PORT="$APP_PORT" \
    SERVER_ADDRESS=127.0.0.1 exec "$JAVA_HOME/bin/java" ${BENCH_JAVA_OPTS:-} -jar "$BENCH_JAR" >"$log" 2>&1) &
  APP_PID=$!
}

# app_wait_up: polls /actuator/health every 100 ms; prints the seconds from APP_T0 to the first UP.
app_wait_up() {
  local deadline=$(( $(date +%s) + ${BENCH_UP_TIMEOUT:-120} ))
  while :; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then
      echo "bench: the platform (pid $APP_PID) exited before it was UP" >&2
      return 1
    fi
    if curl -sf --max-time 1 "http://127.0.0.1:$APP_PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; then
      local t1; t1=$(bench_now_ns)
      awk -v a="$APP_T0" -v b="$t1" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }'
      return 0
    fi
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "bench: the platform was not UP within ${BENCH_UP_TIMEOUT:-120} s" >&2
      return 1
    fi
    sleep 0.1
  done
}

# The embedded PostgreSQL runs detached from the JVM (pg_ctl starts it); its postmaster pid is the
# first line of <data>/postgres/postmaster.pid.
pg_postmaster_pid() {
  local pidfile="$1/postgres/postmaster.pid" pid
  [ -f "$pidfile" ] || return 1
  pid=$(head -n1 "$pidfile" | tr -d '[:space:]')
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = postgres ] || return 1
  echo "$pid"
}

# The postmaster and its children (checkpointer, walwriter, one backend per pooled connection, ...).
pg_pids() {
  local master
  master=$(pg_postmaster_pid "$1") || return 0
  echo "$master"
  ps -o pid= --ppid "$master" | tr -d ' '
}

# proc_kb PID FIELD: a field of /proc/PID/status (VmRSS) or smaps_rollup (Pss) in kB; 0 if gone.
proc_kb() {
  local file=/proc/$1/status
  [ "$2" = Pss ] && file=/proc/$1/smaps_rollup
  awk -v f="$2:" '$1 == f { print $2; found = 1 } END { if (!found) print 0 }' "$file" 2>/dev/null || echo 0
}

# app_stop: SIGTERM (graceful: the JVM stops its PostgreSQL), SIGKILL after 30 s; then makes sure no
# PostgreSQL of this data dir is left running (fast shutdown, SIGKILL after 30 s).
app_stop() {
  if [ -n "${APP_PID:-}" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    local i
    for i in $(seq 1 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$APP_PID" 2>/dev/null; then
      echo "bench: the platform did not stop within 30 s; killing it" >&2
      kill -KILL "$APP_PID" 2>/dev/null || true
    fi
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
  [ -n "${APP_DATA:-}" ] && pg_stop "$APP_DATA"
  return 0
}

pg_stop() {
  local master i
  master=$(pg_postmaster_pid "$1") || return 0
  echo "bench: stopping the PostgreSQL left running in $1 (pid $master)" >&2
  kill -INT "$master" 2>/dev/null || true
  for i in $(seq 1 300); do [ -d "/proc/$master" ] || return 0; sleep 0.1; done
  kill -KILL "$master" 2>/dev/null || true
}

# jcmd_heap_used_kb PID: used heap in KB from GC.heap_info (G1: the "garbage-first heap" line;
# other collectors: the sum of the generations' "used").
jcmd_heap_used_kb() {
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null | awk '
    /garbage-first heap/ { if (match($0, /used [0-9]+K/)) { print substr($0, RSTART + 5, RLENGTH - 6); done = 1; exit } }
    /Metaspace|class space/ { next }
    /used [0-9]+K/ { match($0, /used [0-9]+K/); sum += substr($0, RSTART + 5, RLENGTH - 6) }
    END { if (!done) print sum + 0 }'
}

jcmd_full_gc() { "$JAVA_HOME/bin/jcmd" "$1" GC.run >/dev/null; }

# result NAME KEY VALUE: appends one figure to $BENCH_WORK/results/NAME.tsv (read by bench/run).
result() {
  mkdir -p "$BENCH_WORK/results"
  printf '%s\t%s\n' "$2" "$3" >>"$BENCH_WORK/results/$1.tsv"
}
