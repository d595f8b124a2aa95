#!/usr/bin/env bash
# Regenerates the committed renders of the example charts with the real helm.
#
#   examples/render.sh            rewrite examples/rendered/*.yaml and examples/broken/rendered.yaml
#   examples/render.sh OUT_DIR    write the same renders under OUT_DIR instead (same relative paths)
#
# helm comes from $HELM, or else from scripts/install-helm.sh (the version the tests are pinned to).
# Every command runs from the repository root, so helm's "# Source:" comments and the paths are stable.
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"

helm_bin="${HELM:-$(scripts/install-helm.sh)}"
out_dir="${1:-$repo_root}"

render() {
  local target="$1"; shift
  mkdir -p "$(dirname "$out_dir/$target")"
  "$helm_bin" "$@" >"$out_dir/$target.tmp"
  mv -f "$out_dir/$target.tmp" "$out_dir/$target"
  echo "rendered $target" >&2
}

# The good chart: defaults, then each environment's overrides.
render examples/rendered/default.yaml \
  template mcp-server examples/mcp-server --namespace mcp
render examples/rendered/staging.yaml \
  template mcp-server examples/mcp-server --namespace mcp -f examples/mcp-server/values-staging.yaml
render examples/rendered/production.yaml \
  template mcp-server examples/mcp-server --namespace mcp -f examples/mcp-server/values-production.yaml

# The broken chart, with the values file that leaks credentials.
render examples/broken/rendered.yaml \
  template mcp-stack examples/broken/chart --namespace mcp -f examples/broken/values-leaky.yaml
