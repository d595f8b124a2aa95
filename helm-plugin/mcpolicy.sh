#!/bin/sh
# Launcher of the mcpolicy Helm plugin: runs `mcpolicy check` with the helm that invoked it.
# Helm consumes its own global flags (--namespace, --kube-context, ...) and passes them as HELM_* variables;
# the release namespace is forwarded so rendering matches `helm template -n NS`.
set -eu

plugin_dir=$(cd -P "${HELM_PLUGIN_DIR:-$(dirname "$0")}" && pwd)
jar="${MCPOLICY_JAR:-}"
if [ -z "$jar" ]; then
  for candidate in "$plugin_dir/mcpolicy.jar" "$plugin_dir/../target/mcpolicy.jar"; do
    if [ -f "$candidate" ]; then jar="$candidate"; break; fi
  done
fi
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "helm mcpolicy: mcpolicy.jar not found next to the plugin; run 'mvn package' in the mcpolicy checkout or set MCPOLICY_JAR" >&2
  exit 2
fi
java="java"
if [ -n "${JAVA_HOME:-}" ]; then java="$JAVA_HOME/bin/java"; fi
# Runs mcpolicy through the checkout's launcher (start-up flags and the jar's CDS archive), else with java -jar.
launcher="$plugin_dir/../bin/mcpolicy"
run() {
  if [ -x "$launcher" ]; then
    MCPOLICY_JAR="$jar"
    export MCPOLICY_JAR
    exec "$launcher" "$@"
  fi
  exec "$java" -jar "$jar" "$@"
}

case "${1:-}" in
  rules|help|-h|--help|-V|--version)
    run "$@" ;;
  check)
    shift ;;
esac

# The helm that invoked the plugin renders the charts. It is handed over as MCPOLICY_HELM rather than --helm, which
# is a chart-only option (a usage error when only rendered files are checked).
helm_bin="${HELM_BIN:-helm}"
case "$helm_bin" in
  */*) ;;
  *) helm_bin=$(command -v "$helm_bin" || printf '%s' "$helm_bin") ;;
esac
MCPOLICY_HELM="$helm_bin"
export MCPOLICY_HELM
if [ -n "${HELM_NAMESPACE:-}" ]; then
  set -- --namespace "$HELM_NAMESPACE" "$@"
fi
run check "$@"
