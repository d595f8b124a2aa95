#!/usr/bin/env bash
# pre-commit hook (see .pre-commit-hooks.yaml): checks the Helm charts and rendered manifests that a commit touches.
#
# pre-commit passes the changed files. A file inside a chart selects that chart: the outermost folder holding a
# Chart.yaml above it (so a subchart's file checks the chart that renders it), each chart once. A YAML file outside
# any chart is checked as rendered manifests when it has top-level apiVersion and kind lines. Everything else is
# ignored. The hook's `args` (options of `mcpolicy check`, written --option=value) come before the files.
# Charts are rendered with helm: $MCPOLICY_HELM, else helm on PATH.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

options=()
charts=()
manifests=()
seen=$'\n'  # charts already selected, one per line (bash 3.2 of macOS has no associative arrays)

chart_of() {  # prints the outermost chart folder above file $1, or nothing
  local dir found=""
  dir="$(dirname "$1")"
  while :; do
    if [[ -f "$dir/Chart.yaml" ]]; then found="$dir"; fi
    if [[ "$dir" == "." || "$dir" == "/" ]]; then break; fi
    dir="$(dirname "$dir")"
  done
  printf '%s' "$found"
}

for arg in "$@"; do
  if [[ "$arg" == -* ]]; then
    options+=("$arg")
    continue
  fi
  [[ -f "$arg" ]] || continue
  chart="$(chart_of "$arg")"
  if [[ -n "$chart" ]]; then
    if [[ "$seen" != *$'\n'"$chart"$'\n'* ]]; then
      seen+="$chart"$'\n'
      charts+=("$chart")
    fi
  elif [[ "$arg" =~ \.ya?ml$ ]] && grep -qE '^apiVersion:' "$arg" && grep -qE '^kind:' "$arg"; then
    manifests+=("$arg")
  fi
done

if [[ ${#charts[@]} -eq 0 && ${#manifests[@]} -eq 0 ]]; then
  echo "mcpolicy: no chart or rendered manifest among the changed files"
  exit 0
fi

jar="$("$here/cached-jar.sh")"
# ${a[@]+"${a[@]}"}: an empty array under set -u, also in bash 3.2
MCPOLICY_JAR="$jar" exec "$here/../bin/mcpolicy" check ${options[@]+"${options[@]}"} ${charts[@]+"${charts[@]}"} ${manifests[@]+"${manifests[@]}"}
