#!/usr/bin/env bash
# Lints the Dockerfile where no Docker daemon can build it: dockerfile-utils (the linter of the Dockerfile language
# server, from the npm registry, installed without root under ${MCPOLICY_CACHE:-~/.cache/mcpolicy}/npm). Any
# diagnostic fails, warnings included. The image's own rules (non-root, entrypoint, pinned bases) are checked by
# DockerfileTest.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="0.16.3"
prefix="${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}/npm/dockerfile-utils-$version"
linter="$prefix/node_modules/.bin/dockerfile-utils"
if [[ ! -x "$linter" ]]; then
  command -v npm >/dev/null || { echo "lint-dockerfile: npm is required" >&2; exit 2; }
  npm install --silent --no-audit --no-fund --prefix "$prefix" "dockerfile-utils@$version" >&2
fi
status=0
for file in "${@:-$root/Dockerfile}"; do
  out="$("$linter" lint "$file" 2>&1)" || status=1
  if [[ -n "$out" ]]; then
    echo "$file:"
    echo "$out"
    status=1
  fi
done
[[ $status -eq 0 ]] && echo "lint-dockerfile: no findings"
exit $status
