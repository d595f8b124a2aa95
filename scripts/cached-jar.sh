#!/usr/bin/env bash
# Prints the path of an mcpolicy.jar built from this checkout, building it only once per state of the sources.
#
# Used by the GitHub Action and the pre-commit hook, which run from a checkout of mcpolicy and need Java 17+ and
# Maven 3.8+ to build it. The jar is cached in
#   ${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}/jar/<key>/mcpolicy.jar
# where <key> is a hash of pom.xml, src/main, rules/, bin/ and examples/broken/ (what makes the jar and its archive),
# so a new commit of mcpolicy builds a new jar and an unchanged one never rebuilds. Its class-data-sharing archive
# (mcpolicy.jsa, for bin/mcpolicy) is written beside it.
#
# Usage: scripts/cached-jar.sh          build when needed, print the jar's path
#        scripts/cached-jar.sh --key    print the cache key only
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

key="$(cd "$root" && find pom.xml src/main rules bin examples/broken -type f -print0 | LC_ALL=C sort -z \
  | xargs -0 sha256sum | sha256sum | cut -c1-32)"
if [[ "${1:-}" == "--key" ]]; then
  echo "$key"
  exit 0
fi

cache="${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}/jar/$key"
jar="$cache/mcpolicy.jar"
if [[ -f "$jar" ]]; then
  echo "$jar"
  exit 0
fi

for tool in java mvn; do
  if ! command -v "$tool" >/dev/null; then
    echo "mcpolicy: '$tool' is needed to build mcpolicy once (Java 17+ and Maven 3.8+); install it, or set" \
      "MCPOLICY_CACHE to a folder that already holds jar/$key/mcpolicy.jar" >&2
    exit 2
  fi
done
echo "mcpolicy: building the jar once for this version (cached in $cache)" >&2
mvn -q -B -ntp -DskipTests -f "$root/pom.xml" package >&2
mkdir -p "$cache"
cp "$root/target/mcpolicy.jar" "$jar.$$"
mv -f "$jar.$$" "$jar"
# bin/mcpolicy starts it with a class-data-sharing archive beside it (an archive belongs to one jar path and JVM);
# without one it only starts slower.
MCPOLICY_JAR="$jar" "$root/bin/mcpolicy" --train-cds-archive >&2 || true
echo "$jar"
