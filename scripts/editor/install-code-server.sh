#!/usr/bin/env bash
# Installs code-server and playwright-core into test/e2e/node_modules from test/e2e's own lockfile,
# unless that install is already up to date. Run scripts/editor/install-debian-packages.sh first.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
e2e="$root/test/e2e"
installed="$e2e/node_modules/.package-lock.json"

if [[ -f "$installed" && "$installed" -nt "$e2e/package-lock.json" && -x "$e2e/node_modules/.bin/code-server" ]]; then
  exit 0
fi

# @vscode/ripgrep (inside code-server) downloads rg in its postinstall, which cannot work offline; it
# first looks in $TMPDIR/vscode-ripgrep-cache-<its version>/ for the archive, so Debian's rg is packed there.
scratch="$root/.vscode-test/tmp"
cache="$scratch/vscode-ripgrep-cache-1.15.11"
mkdir -p "$cache"
tar -czf "$cache/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg

echo "virt-tune: installing code-server and playwright-core into test/e2e (about a minute)"
# code-server's install scripts run as root without a terminal only with these two set.
cd "$e2e"
TMPDIR="$scratch" npm_config_unsafe_perm=true npm_config_yes=true \
  npm ci --no-audit --no-fund --loglevel=error
