#!/usr/bin/env bash
# End-to-end test of the pre-commit hook, as a user meets it: the real pre-commit (from PyPI, in a venv under
# ${MCPOLICY_CACHE:-~/.cache/mcpolicy}, no root), a fresh clone of this repository used through
# `pre-commit try-repo`, and a throw-away git repository holding a chart. The hook builds its jar from the clone.
# Needs helm ($MCPOLICY_HELM or PATH), Java 17, Maven, git and python3 with venv. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${MCPOLICY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mcpolicy}"
venv="$cache/pre-commit-venv"

if ! "$venv/bin/pre-commit" --version >/dev/null 2>&1; then
  echo "installing pre-commit into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --retries 1 pre-commit
fi
pre_commit="$venv/bin/pre-commit"
echo "using $("$pre_commit" --version)"

work="$(mktemp -d "${TMPDIR:-/tmp}/mcpolicy-pre-commit.XXXXXX")"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/pre-commit-home"
export MCPOLICY_CACHE="$work/cache"          # the hook must build its own jar from the fresh clone
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com

git clone -q "$root" "$work/mcpolicy"
repo="$work/repo"
git init -q "$repo"
mkdir -p "$repo/charts" "$repo/docs"
cp -R "$root/examples/mcp-server" "$repo/charts/mcp-server"
echo "# docs" > "$repo/docs/README.md"
(cd "$repo" && git add -A && git commit -q -m "chart")

failures=0
expect() {  # expected-exit description -- pre-commit arguments
  local expected="$1" what="$2" rc=0
  shift 3
  (cd "$repo" && "$pre_commit" try-repo "$work/mcpolicy" mcpolicy "$@") >"$work/out.txt" 2>&1 || rc=$?
  if [[ $rc -ne $expected ]]; then
    echo "FAIL: $what: exit $rc, expected $expected" >&2
    cat "$work/out.txt" >&2
    failures=$((failures + 1))
  else
    echo "ok: $what (exit $rc)"
  fi
}
contains() {  # text description
  if ! grep -qF -- "$1" "$work/out.txt"; then
    echo "FAIL: $2: output lacks '$1'" >&2
    cat "$work/out.txt" >&2
    failures=$((failures + 1))
  fi
}

expect 0 "a good chart passes" -- --all-files
contains "Passed" "a good chart passes"

expect 0 "files outside charts are skipped" -- --files docs/README.md
contains "mcpolicy" "the hook is listed"

sed -i.bak 's/^terminationGracePeriodSeconds: 60$/terminationGracePeriodSeconds: 20/' "$repo/charts/mcp-server/values.yaml"
rm -f "$repo/charts/mcp-server/values.yaml.bak"
(cd "$repo" && git add -A)
expect 1 "a values change that breaks the chart fails the commit" -- --files charts/mcp-server/values.yaml
contains "termination-grace-period" "the finding is reported"
contains "charts/mcp-server/values.yaml" "on the values line"

cp "$root/examples/rendered/default.yaml" "$repo/docs/rendered.yaml"
sed -i.bak 's/^terminationGracePeriodSeconds: 20$/terminationGracePeriodSeconds: 60/' "$repo/charts/mcp-server/values.yaml"
rm -f "$repo/charts/mcp-server/values.yaml.bak" "$repo/docs/README.md"
(cd "$repo" && git add -A)
expect 0 "rendered manifests outside charts are checked too" -- --files docs/rendered.yaml -v
contains "1 MCP server" "the rendered file is checked"

if [[ $failures -gt 0 ]]; then
  echo "pre-commit end-to-end: $failures failure(s)" >&2
  exit 1
fi
echo "pre-commit end-to-end: passed"
