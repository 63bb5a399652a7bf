#!/usr/bin/env bash
# Cold start against its baseline on a shared, noisy machine: runs each COMMAND in turn, ROUNDS times (default 5), and
# prints for each the median wall time and the median CPU time (user + system), then the load average. A figure is
# only meaningful beside the baseline of the same run (`./levy --version`).
#
# Usage: scripts/startup-times.sh [ROUNDS] COMMAND...
#   scripts/startup-times.sh 5 "./levy --version" "./levy eval one.json"
# (one.json: {"hts":"8703.23.01","origin":"JP","entryDate":"2025-04-17","value":30000}; needs GNU time, /usr/bin/time)
set -euo pipefail
rounds=5
if [[ ${1:-} =~ ^[0-9]+$ ]]; then rounds=$1; shift; fi
[ $# -gt 0 ] || { sed -n '2,8p' "$0"; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for ((r = 0; r < rounds; r++)); do
  for ((k = 1; k <= $#; k++)); do
    /usr/bin/time -f "%e %U %S" -o "$out/t" bash -c "${!k}" >/dev/null 2>"$out/err" \
      || { echo "failed: ${!k}" >&2; tail -3 "$out/err" >&2; exit 1; }
    read -r wall user sys < "$out/t"
    awk -v w="$wall" 'BEGIN { printf "%d\n", w * 1000 }' >> "$out/wall.$k"
    awk -v u="$user" -v s="$sys" 'BEGIN { printf "%d\n", (u + s) * 1000 }' >> "$out/cpu.$k"
  done
done
median() { sort -n "$1" | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
for ((k = 1; k <= $#; k++)); do
  printf 'wall %6s ms  cpu %6s ms  (walls: %s)  %s\n' "$(median "$out/wall.$k")" "$(median "$out/cpu.$k")" \
    "$(sort -n "$out/wall.$k" | tr '\n' ' ')" "${!k}"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
