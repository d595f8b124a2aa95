#!/usr/bin/env bash
# The test command: installs the real tools the tests use (helm, python3-jsonschema for the SARIF validator)
# and runs the whole Maven build with every test.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
eval "$(scripts/install-test-tools.sh)"
export MCPOLICY_HELM PYTHON
mvn -B -ntp verify "$@"
