#!/usr/bin/env bash
# Runs mcpolicy on every bundled example, writes SARIF, and validates each file with the shared validator
# (official SARIF 2.1.0 schema + GitHub's ingestion rules + Microsoft's Multitool), with --repo-root so every
# primary location must be a committed file and line. Exits non-zero when any file fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
validator="${SARIF_VALIDATOR:-$root/../shared/sarif/validate-sarif.sh}"
[[ -x "$validator" || -f "$validator" ]] || { echo "validator not found: $validator" >&2; exit 2; }
jar="$root/target/mcpolicy.jar"
[[ -f "$jar" ]] || mvn -q -B -ntp -DskipTests package
out="$(mktemp -d "${TMPDIR:-/tmp}/mcpolicy-sarif.XXXXXX")"
trap 'rm -rf "$out"' EXIT

run() {  # name, then mcpolicy check arguments
  local name="$1"; shift
  local rc=0
  java -jar "$jar" check --format sarif --output "$out/$name.sarif" "$@" || rc=$?
  if [[ $rc -ge 2 ]]; then echo "mcpolicy failed on example $name (exit $rc)" >&2; return 1; fi
  bash "$validator" --repo-root "$root" -q "$out/$name.sarif"
}

status=0
run rendered-default -n mcp examples/rendered/default.yaml || status=1
run rendered-staging -n mcp examples/rendered/staging.yaml -f examples/mcp-server/values-staging.yaml || status=1
run rendered-production -n mcp examples/rendered/production.yaml -f examples/mcp-server/values-production.yaml || status=1
run broken-rendered -n mcp examples/broken/rendered.yaml -f examples/broken/values-leaky.yaml || status=1
run custom-rules -n mcp --rules examples/custom-rules examples/rendered/production.yaml \
  -f examples/mcp-server/values-production.yaml || status=1
if [[ -n "${MCPOLICY_HELM:-}" ]]; then
  run chart-matrix -n mcp examples/mcp-server \
    --env default= \
    --env staging=examples/mcp-server/values-staging.yaml \
    --env production=examples/mcp-server/values-production.yaml || status=1
  run broken-chart -n mcp --release mcp-stack examples/broken/chart -f examples/broken/values-leaky.yaml || status=1
  # waived findings (suppressions) and baseline states: new, unchanged, absent
  run adoption examples/adoption/chart --config examples/adoption/.mcpolicy.yaml \
    --baseline examples/adoption/mcpolicy-baseline.yaml --set ingress.tls.enabled=false \
    || status=1
  # Both example charts in two shards, merged (mcpolicy merge): one run, rules unioned, as one run would write it.
  for k in 1 2; do
    java -jar "$jar" check -n mcp examples/mcp-server examples/broken/chart --shard "$k/2" --format sarif --output "$out/shard-$k.sarif" \
      2>/dev/null || [[ $? -lt 2 ]] || status=1
  done
  rc=0
  java -jar "$jar" merge "$out/shard-1.sarif" "$out/shard-2.sarif" --output "$out/merged.sarif" || rc=$?
  if [[ $rc -ge 2 ]]; then echo "mcpolicy merge failed (exit $rc)" >&2; status=1; fi
  bash "$validator" --repo-root "$root" -q "$out/merged.sarif" || status=1
fi
exit $status
