#!/usr/bin/env bash
# Whole-process benchmark: the packaged jar on synthetic renders of growing size (5 objects per app),
# each size run REPEAT times; prints the median wall time and the peak resident memory.
# Usage: bench/run.sh [APPS…]   (default: 200 2000 20000, i.e. 1k, 10k and 100k objects)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/mcpolicy.jar"
[[ -f "$jar" ]] || (cd "$root" && mvn -q -B -ntp -DskipTests package)
repeat="${REPEAT:-3}"
work="$(mktemp -d "${TMPDIR:-/tmp}/mcpolicy-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
sizes=("$@"); [[ ${#sizes[@]} -gt 0 ]] || sizes=(200 2000 20000)

printf '%-8s %-8s %-12s %-10s %-10s %s\n' apps objects input_MB median_s max_rss_MB findings
for apps in "${sizes[@]}"; do
  input="$work/render-$apps.yaml"
  python3 "$root/bench/generate.py" "$apps" > "$input"
  times=(); rss=0; findings=0
  for _ in $(seq "$repeat"); do
    stats="$work/stats"
    /usr/bin/time -f '%e %M' -o "$stats" java -jar "$jar" check "$input" --format json --output "$work/out.json" \
      --fail-on never
    read -r seconds kb < "$stats"
    times+=("$seconds"); (( kb > rss )) && rss=$kb
  done
  findings=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["findings"]))' "$work/out.json")
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p")
  printf '%-8s %-8s %-12s %-10s %-10s %s\n' "$apps" "$((apps * 5))" \
    "$(du -m "$input" | cut -f1)" "$median" "$((rss / 1024))" "$findings"
done
