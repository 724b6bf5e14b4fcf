#!/usr/bin/env bash
# Profiles the bot under the intake benchmark: CPU samples (perf, with the runtime's perf map for JIT-compiled
# frames), fsync calls (kernel tracepoints), and optionally a dotnet-trace thread-time trace and dotnet-counters.
#
#   docs/perf/profile.sh OUT_DIR [concurrency=8] [reports=2000] [warm-up reports=1000] [extra tools: trace counters]
#
# Needs: a Release build (dotnet build src/OpinionBot -c Release; dotnet build tests/OpinionBot.LoadTest -c Release),
# linux-perf (apt-get install linux-perf), and for "trace"/"counters" the dotnet-trace / dotnet-counters tools.
# The bot is started once (serve mode), warmed up (so tiered JIT has settled), then measured: the recording covers
# exactly the measured run. Summaries: python3 docs/perf/perf-categories.py OUT_DIR/perf.stacks.txt ...
set -euo pipefail
cd "$(dirname "$0")/../.."
OUT=$(realpath -m "$1"); C=${2:-8}; N=${3:-2000}; W=${4:-1000}; shift $(( $# < 4 ? $# : 4 ))
mkdir -p "$OUT"
export PATH="$PATH:$HOME/.dotnet/tools"
LOAD=(dotnet run -c Release --no-build --project tests/OpinionBot.LoadTest --)

# JIT frames resolve through /tmp/perf-PID.map; W^X off so perf attributes them to that map, not to memfd:doublemapper.
DOTNET_PerfMapEnabled=1 DOTNET_EnableWriteXorExecute=0 "${LOAD[@]}" serve > "$OUT/serve.txt" 2>&1 &
SERVE=$!
trap 'kill -TERM $SERVE 2>/dev/null || true; wait $SERVE 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do grep -q '^listening' "$OUT/serve.txt" && break; sleep 0.2; done
read -r _ URL _ PID _ < <(grep '^listening' "$OUT/serve.txt")
echo "bot $URL pid $PID"

"${LOAD[@]}" --url "$URL" --bot-pid "$PID" --reports "$W" --warmup 0 --concurrency "$C" > "$OUT/warmup.txt"

perf record -F 499 -g -p "$PID" -o "$OUT/perf.data" > "$OUT/perf.log" 2>&1 &
PERF=$!
perf record -e syscalls:sys_enter_fsync,syscalls:sys_exit_fsync,syscalls:sys_enter_fdatasync,syscalls:sys_exit_fdatasync \
  -p "$PID" -o "$OUT/fsync.data" > "$OUT/fsync.log" 2>&1 &
FSYNC=$!
EXTRA=()
for tool in "$@"; do
  case $tool in
    trace) dotnet-trace collect -p "$PID" --profile dotnet-sampled-thread-time -o "$OUT/thread-time.nettrace" > "$OUT/trace.log" 2>&1 & EXTRA+=($!) ;;
    counters) dotnet-counters collect -p "$PID" --format csv -o "$OUT/counters.csv" --refresh-interval 1 \
                --counters System.Runtime,Microsoft.AspNetCore.Hosting > /dev/null 2>&1 & EXTRA+=($!) ;;
  esac
done
sleep 2
START=$(date +%s.%N)
"${LOAD[@]}" --url "$URL" --bot-pid "$PID" --reports "$N" --warmup 0 --concurrency "$C" | tee "$OUT/bench.txt"
END=$(date +%s.%N)
kill -INT $PERF $FSYNC 2>/dev/null || true
[ ${#EXTRA[@]} -eq 0 ] || kill -TERM "${EXTRA[@]}" 2>/dev/null || true  # dotnet-counters ignores SIGINT without a console
wait $PERF $FSYNC "${EXTRA[@]}" 2>/dev/null || true
echo "window $(echo "$END - $START" | bc) s" > "$OUT/window.txt"
perf script -i "$OUT/perf.data" -F comm,tid,ip,sym --no-inline 2>/dev/null > "$OUT/perf.stacks.txt"
perf script -i "$OUT/fsync.data" -F tid,time,event 2>/dev/null > "$OUT/fsync.txt"
echo "done: $OUT"
