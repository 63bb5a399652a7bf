#!/usr/bin/env bash
# How batch evaluation grows with lines and threads, in a bounded heap: runs `levy bench --lines N --threads T` for
# each N and T given, in a JVM of -Xmx512m (LEVY_SCALE_XMX to change it) with a GC log, and prints per run the floor
# and eval lines/s, the ratio, the CPU time of the process, the largest heap left after a collection in the second
# half of the run (flat memory: it does not grow with N) and the count of full collections.
#
# Usage: scripts/scale.sh JAR "N1 N2 ..." "T1 T2 ..." [SEED]
#   scripts/scale.sh target/levy-0.3.0-cli.jar "10000 100000 1000000" "1 2"
set -euo pipefail
jar=${1:?usage: scripts/scale.sh JAR "N..." "T..." [SEED]}
sizes=${2:?sizes}
threads=${3:?threads}
seed=${4:-3}
xmx=${LEVY_SCALE_XMX:-512m}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-10s %-7s %14s %14s %6s %9s %16s %8s\n' lines threads "floor lines/s" "eval lines/s" ratio "cpu s" "max after GC MB" "full GC"
for n in $sizes; do
  for t in $threads; do
    /usr/bin/time -f "%U %S" -o "$out/time" java -Xmx"$xmx" -Xlog:gc:file="$out/gc.log" -jar "$jar" \
      bench --lines "$n" --threads "$t" --seed "$seed" > "$out/bench" 2> "$out/err" \
      || { echo "failed: bench --lines $n --threads $t" >&2; tail -3 "$out/err" >&2; exit 1; }
    floor=$(sed -n 's/^(a) .*= \([0-9,]*\) lines\/s.*/\1/p' "$out/bench")
    eval=$(sed -n 's/^(b) .*= \([0-9,]*\) lines\/s.*/\1/p' "$out/bench")
    ratio=$(sed -n 's/^ratio //p' "$out/bench")
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$out/time")
    # heap after each collection ("123M->45M(512M)"): the largest in the second half of the log's collections
    after=$(grep -o '[0-9]*M->[0-9]*M' "$out/gc.log" | sed 's/.*->\([0-9]*\)M/\1/' \
      | awk '{ a[NR] = $1 } END { m = 0; for (i = int(NR / 2) + 1; i <= NR; i++) if (a[i] > m) m = a[i]; print m }')
    full=$(grep -c 'Pause Full' "$out/gc.log" || true)
    printf '%-10s %-7s %14s %14s %6s %9s %16s %8s\n' "$n" "$t" "$floor" "$eval" "$ratio" "$cpu" "$after" "$full"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
