#!/usr/bin/env bash
# Fails (exit 1) when a committed render differs from what the real helm produces now.
# Exit 2 when the renders could not be produced at all. Run from anywhere; CI runs it on every change.
set -uo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

fresh="$(mktemp -d "${TMPDIR:-/tmp}/mcpolicy-renders.XXXXXX")"
trap 'rm -rf "$fresh"' EXIT

if ! examples/render.sh "$fresh" 2>"$fresh/render.log"; then
  echo "check-renders: rendering failed:" >&2
  cat "$fresh/render.log" >&2
  exit 2
fi

drift=0
for render in examples/rendered/default.yaml examples/rendered/staging.yaml \
              examples/rendered/production.yaml examples/broken/rendered.yaml; do
  if [[ ! -f "$render" ]]; then
    echo "check-renders: $render is missing; run examples/render.sh" >&2
    drift=1
  elif ! diff -u --label "$render (committed)" --label "$render (helm now)" "$render" "$fresh/$render"; then
    drift=1
  fi
done

if [[ $drift -ne 0 ]]; then
  echo "check-renders: committed renders are out of date; run examples/render.sh and commit the result" >&2
  exit 1
fi
echo "check-renders: all renders match helm"
