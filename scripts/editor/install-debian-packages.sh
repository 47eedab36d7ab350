#!/usr/bin/env bash
# Installs the Debian packages the real-editor tools need, when any is missing:
# code-server's native modules build against libkrb5/libxkbfile/libsecret (found through pkg-config),
# its search needs ripgrep, the end-to-end tests drive Debian's chromium, and test/editors/neovim.test.ts
# drives Debian's neovim (the README's configuration for other editors, proved in a real one);
# xmllint (libxml2-utils) is what `npm run bench` compares the lint with and what the schema tests
# may ask for libvirt's own verdict.
# Needs root (or sudo) for apt-get; prints what is missing and stops otherwise.
set -euo pipefail

packages=(libkrb5-dev libxkbfile-dev libsecret-1-dev pkg-config ripgrep chromium neovim libxml2-utils)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done
if (( ${#missing[@]} == 0 )); then
  exit 0
fi

if (( EUID == 0 )); then
  run_as_root=()
elif command -v sudo >/dev/null; then
  run_as_root=(sudo)
else
  echo "virt-tune: these Debian packages are missing and installing them needs root: ${missing[*]}" >&2
  exit 1
fi

echo "virt-tune: installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${run_as_root[@]}" apt-get update -qq
"${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
