#!/usr/bin/env bash
# Installs what mcpolicy's tests and CI need beyond Java and Maven, and prints the environment to use:
#   - a real helm (scripts/install-helm.sh)
#   - python3 with jsonschema for ../shared/sarif/validate-sarif.sh (Debian's python3-jsonschema)
# Usage: eval "$(scripts/install-test-tools.sh)"
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

helm="$("$here/install-helm.sh")"
echo "export MCPOLICY_HELM='$helm'"

python=/usr/bin/python3
if ! "$python" -c 'import jsonschema' >/dev/null 2>&1; then
  if command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jsonschema; } >&2
  fi
fi
if "$python" -c 'import jsonschema' >/dev/null 2>&1; then
  echo "export PYTHON='$python'"
else
  echo "install-test-tools: python3 jsonschema could not be installed" >&2
  exit 1
fi
