#!/usr/bin/env bash
# Installs what mcpolicy's tests and CI need beyond Java and Maven, and prints the environment to use:
#   - a real helm (scripts/install-helm.sh);
#   - a python3 with jsonschema for ../shared/sarif/validate-sarif.sh: $PYTHON or any python3 on PATH that already
#     has it; else a virtual environment in the cache with jsonschema from PyPI (pip). Never apt, never root.
# Installer output goes to a log in the cache, printed only when an install fails; stdout carries only the exports.
# Cache: ${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy} (helm/, python-venv/, install-test-tools.log).
# Usage: eval "$(scripts/install-test-tools.sh)"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cache="${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}"
mkdir -p "$cache"
log="$cache/install-test-tools.log"
: >"$log"

fail() {
  echo "install-test-tools: $1; what the installers said ($log):" >&2
  cat "$log" >&2
  exit 1
}

helm="$("$here/install-helm.sh" 2>>"$log")" || fail "helm could not be installed"
echo "export MCPOLICY_HELM='$helm'"

has_jsonschema() {
  [[ -n "$1" ]] && "$1" -c 'import jsonschema' >/dev/null 2>&1
}

python=""
for candidate in "${PYTHON:-}" python3 python; do
  [[ -n "$candidate" ]] || continue
  resolved="$(command -v "$candidate" 2>/dev/null || true)"
  if has_jsonschema "$resolved"; then
    python="$resolved"
    break
  fi
done

if [[ -z "$python" ]]; then
  venv="$cache/python-venv"
  if ! has_jsonschema "$venv/bin/python"; then
    base="$(command -v python3 || true)"
    [[ -n "$base" ]] || fail "python3 is required for the SARIF validator and none is on PATH"
    {
      echo "== $base -m venv --clear $venv"
      "$base" -m venv --clear "$venv" &&
        echo "== pip install jsonschema" &&
        "$venv/bin/python" -m pip install --disable-pip-version-check --no-input -q jsonschema
    } >>"$log" 2>&1 || fail "jsonschema could not be installed into $venv (python3 needs its venv module and PyPI)"
  fi
  python="$venv/bin/python"
fi
has_jsonschema "$python" || fail "$python cannot import jsonschema"
echo "export PYTHON='$python'"
