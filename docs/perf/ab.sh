#!/usr/bin/env bash
# Compares two builds of the bot under the intake benchmark, interleaved, the order alternating: the second run of a
# pair is the slower one on the test VM (the disk still works on the first run's deleted data folder), so a fixed
# order favours whichever build goes first.
#
#   docs/perf/ab.sh BASE_DLL ROUNDS [benchmark arguments, e.g. --reports 3000 --warmup 6900 --concurrency 32]
#
# BASE_DLL: a copy of an earlier build (cp -r src/OpinionBot/bin/Release/net10.0 /tmp/bot-base, then
# /tmp/bot-base/OpinionBot.dll); the other side is this tree's Release build. Needs both Release builds (the bot and
# tests/OpinionBot.LoadTest). Prints one line per run and the means.
set -euo pipefail
cd "$(dirname "$0")/../.."
BASE=$(realpath "$1"); ROUNDS=$2; shift 2
OUT=$(mktemp)
run() {
  local which=$1; shift
  local bot=(); [ "$which" = base ] && bot=(--bot "$BASE")
  local text
  text=$(dotnet run -c Release --no-build --project tests/OpinionBot.LoadTest -- "$@" "${bot[@]}" 2>&1)
  local rate p99 cpu numbering floor
  rate=$(awk '/^  throughput/ {print $2}' <<< "$text")
  p99=$(awk '/^  latency/ {print $8}' <<< "$text")
  cpu=$(sed -n 's/^  cpu .*(\([0-9.]*\) ms\/report.*/\1/p' <<< "$text")
  numbering=$(awk '/^  numbering/ {print $2}' <<< "$text")
  floor=$(awk '/^  floor/ {print $2}' <<< "$text")
  disk=$(sed -n 's/^  disk *slowest fsync \([0-9.]*\) ms.*/\1/p' <<< "$text")
  echo "$which reports/s $rate p99 $p99 ms cpu $cpu ms/report numbering $numbering floor $floor disk $disk ms" | tee -a "$OUT"
}
for round in $(seq 1 "$ROUNDS"); do
  if (( round % 2 == 1 )); then run base "$@"; run new "$@"; else run new "$@"; run base "$@"; fi
done
awk '{rate[$1] += $3; cpu[$1] += $8; n[$1]++} END {for (k in n) printf "%s: mean %.1f reports/s, %.2f ms CPU/report over %d runs\n", k, rate[k] / n[k], cpu[k] / n[k], n[k]}' "$OUT"
rm -f "$OUT"
