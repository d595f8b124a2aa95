#!/usr/bin/env bash
# Whole-process benchmark, side by side in one run: this checkout through its launcher (bin/mcpolicy), the same jar
# with plain `java -jar`, and the jar of commit b25ea31 (the baseline of issue 12). Each input is checked REPEAT times
# (default 5) per variant, `check FILE --format sarif -o FILE`; printed are the median wall and CPU (user+sys) time,
# the peak resident memory of the worst run, the findings, and the ratio to b25ea31's median wall time.
#
# Inputs: 1, 1,000 and 10,000 copies of a small MCP render (bench/copies.py: examples/rendered/production.yaml,
# 7 documents, 7.3 KB, renamed per copy), 100,000 copies with --large; and the example chart in 3 environments (chart mode,
# real helm; helm's own render time is measured alone and printed too).
#
# Usage: bench/run.sh [--large] [--sizes "1 1000"] [--no-chart]
#   REPEAT=N           runs per variant and input (default 5)
#   MCPOLICY_CACHE     cache folder (default ~/.cache/mcpolicy): bench/mcpolicy-b25ea31.jar is built there from git
#                      history when missing (a temporary worktree of b25ea31, mvn package)
#   MCPOLICY_HELM      helm for chart mode (default: scripts/install-helm.sh)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeat="${REPEAT:-5}"
sizes=(1 1000 10000)
chart=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --large) sizes+=(100000) ;;
    --sizes) read -r -a sizes <<<"$2"; shift ;;
    --no-chart) chart=false ;;
    *) echo "usage: bench/run.sh [--large] [--sizes \"N…\"] [--no-chart]" >&2; exit 2 ;;
  esac
  shift
done
cache="${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}"
baseline_commit=b25ea31
baseline="$cache/bench/mcpolicy-$baseline_commit.jar"
jar="$root/target/mcpolicy.jar"

if [[ ! -f "$jar" || ! -f "$root/target/mcpolicy.jsa" ]]; then
  echo "building target/mcpolicy.jar (and its CDS archive)" >&2
  (cd "$root" && mvn -q -B -ntp -DskipTests package) >&2
fi
if [[ ! -f "$baseline" ]]; then
  echo "building the $baseline_commit jar once (cached as $baseline)" >&2
  tree="$(mktemp -d "${TMPDIR:-/tmp}/mcpolicy-$baseline_commit.XXXXXX")"
  git -C "$root" worktree add --detach "$tree" "$baseline_commit" >&2
  (cd "$tree" && mvn -q -B -ntp -DskipTests package) >&2
  mkdir -p "$(dirname "$baseline")"
  cp "$tree/target/mcpolicy.jar" "$baseline.$$" && mv -f "$baseline.$$" "$baseline"
  git -C "$root" worktree remove --force "$tree" >&2
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/mcpolicy-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

variants=(launcher java-jar "$baseline_commit")
command_of() {  # variant → the command line prefix that runs mcpolicy
  case "$1" in
    launcher) echo "$root/bin/mcpolicy" ;;
    java-jar) echo "java -jar $jar" ;;
    *) echo "java -jar $baseline" ;;
  esac
}

# measure LABEL VARIANT ARGS… : REPEAT runs, one result line
measure() {
  local label="$1" variant="$2"; shift 2
  local walls=() cpus=() rss=0 status out="$work/out.sarif"
  for _ in $(seq "$repeat"); do
    status=0
    # shellcheck disable=SC2046 # the command prefix is words on purpose
    /usr/bin/time -f '%e %U %S %M' -o "$work/time" $(command_of "$variant") check "$@" --format sarif -o "$out" \
      >/dev/null 2>"$work/stderr" || status=$?
    if [[ $status -gt 1 ]]; then  # a run that could not check: shown in the table, the other variants still run
      echo "$label/$variant: exit $status: $(grep -v '^Command exited' "$work/stderr" | head -1)" >&2
      printf '%s %s failed(exit-%s) - - -\n' "$label" "$variant" "$status" >>"$work/results"
      return 0
    fi
    read -r wall user sys kb < <(grep -v '^Command' "$work/time")
    walls+=("$wall")
    cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u + s}')")
    (( kb > rss )) && rss=$kb
  done
  local findings
  findings=$(python3 -c 'import json,sys; print(sum(len(r["results"]) for r in json.load(open(sys.argv[1]))["runs"]))' "$out")
  printf '%s %s %s %s %s %s\n' "$label" "$variant" "$(median "${walls[@]}")" "$(median "${cpus[@]}")" \
    "$((rss / 1024))" "$findings" >>"$work/results"
}

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }

: >"$work/results"
for copies in "${sizes[@]}"; do
  input="$work/copies-$copies.yaml"
  python3 "$root/bench/copies.py" "$copies" >"$input"
  echo "input: $copies copies ($(du -h "$input" | cut -f1))" >&2
  for variant in "${variants[@]}"; do
    measure "copies-$copies" "$variant" "$input"
  done
  rm -f "$input"
done

if $chart; then
  helm="${MCPOLICY_HELM:-$("$root/scripts/install-helm.sh")}"
  export MCPOLICY_HELM="$helm"
  ex="$root/examples/mcp-server"
  envs=(--env default= --env "staging=$ex/values-staging.yaml" --env "production=$ex/values-production.yaml")
  # helm alone, the three renders one after the other, as the baseline renders them
  helm_walls=()
  for _ in $(seq "$repeat"); do
    start=$(date +%s.%N)
    "$helm" template mcp-server "$ex" --namespace mcp >/dev/null
    "$helm" template mcp-server "$ex" --namespace mcp -f "$ex/values-staging.yaml" >/dev/null
    "$helm" template mcp-server "$ex" --namespace mcp -f "$ex/values-production.yaml" >/dev/null
    helm_walls+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}')")
  done
  printf 'chart-3-envs helm-alone %s - - -\n' "$(median "${helm_walls[@]}")" >>"$work/results"
  for variant in "${variants[@]}"; do
    measure chart-3-envs "$variant" "$ex" --namespace mcp "${envs[@]}"
  done
fi

echo
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(java -version 2>&1 | head -1)"
echo "median of $repeat runs; ratio = b25ea31 median wall / this median wall"
awk -v base="$baseline_commit" '
  { label[NR]=$1; variant[NR]=$2; wall[NR]=$3; cpu[NR]=$4; rss[NR]=$5; found[NR]=$6; if ($2 == base) basewall[$1]=$3 }
  END {
    printf "%-14s %-10s %10s %10s %10s %9s %8s\n", "input", "variant", "wall_s", "cpu_s", "rss_MB", "findings", "ratio"
    for (i = 1; i <= NR; i++) {
      ok = (variant[i] != "helm-alone") && (wall[i] ~ /^[0-9.]+$/) && (basewall[label[i]] ~ /^[0-9.]+$/) && (wall[i] > 0)
      ratio = ok ? sprintf("%.1fx", basewall[label[i]] / wall[i]) : "-"
      printf "%-14s %-10s %10s %10s %10s %9s %8s\n", label[i], variant[i], wall[i], cpu[i], rss[i], found[i], ratio
    }
  }' "$work/results"
