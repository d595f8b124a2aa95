#!/usr/bin/env bash
# Regenerates docs/rules/<id>.md, README.md's rule table (from rules/*.yaml) and docs/rule-language.md (from the mechanisms).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -q -B -ntp -DskipTests package
java -cp target/mcpolicy.jar dev.mcpolicy.docs.DocsGenerator .
