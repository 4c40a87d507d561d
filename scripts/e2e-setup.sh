#!/usr/bin/env bash
# Installs what the VS Code end-to-end test needs: Debian's Chromium, CJK fonts, ripgrep and the headers
# code-server's native modules build against, then code-server itself into a cache folder outside the repo's
# dependencies. Idempotent: when everything is present it only checks and exits (a second or so).
set -euo pipefail

CODE_SERVER_VERSION=4.100.3
RG_PREBUILT_VERSION=v13.0.0-10      # what @vscode/ripgrep 1.15.11 downloads; we hand it Debian's rg instead
RG_PACKAGE_VERSION=1.15.11
CACHE="${REPORT_LINT_E2E_CACHE:-$HOME/.cache/report-lint-e2e}"
CS_DIR="$CACHE/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

log() { printf '[e2e-setup] %s\n' "$*" >&2; }

# 1. Debian packages, only when one is missing (apt-get update is slow; skip it when nothing is to do).
PKGS=(chromium fonts-noto-cjk ripgrep libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for exe in /usr/bin/chromium rg; do
  command -v "$exe" >/dev/null || { log "missing after install: $exe"; exit 1; }
done

# 2. code-server, cached. A stamp file is written only after a complete install.
STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION"
if [ -f "$STAMP" ] && [ -x "$CS_BIN" ]; then
  log "code-server $CODE_SERVER_VERSION already installed in $CS_DIR"
else
  log "installing code-server $CODE_SERVER_VERSION into $CS_DIR (about a minute)"
  # @vscode/ripgrep's postinstall downloads rg from GitHub (unreachable here) unless it finds it in this cache.
  TMPDIR_NODE="$(node -p "require('os').tmpdir()")"
  RG_CACHE="$TMPDIR_NODE/vscode-ripgrep-cache-$RG_PACKAGE_VERSION"
  RG_TGZ="$RG_CACHE/ripgrep-$RG_PREBUILT_VERSION-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$RG_TGZ" ]; then
    mkdir -p "$RG_CACHE"
    staging="$(mktemp -d)"
    cp "$(command -v rg)" "$staging/rg"
    tar czf "$RG_TGZ" -C "$staging" rg
    rm -rf "$staging"
  fi
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || printf '{ "name": "report-lint-e2e-cache", "private": true }\n' > "$CS_DIR/package.json"
  # Its postinstall refuses root without unsafe-perm and runs npx, which would prompt without --yes.
  (
    cd "$CS_DIR"
    npm_config_unsafe_perm=true npm_config_yes=true \
      npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CODE_SERVER_VERSION"
  )
  [ -x "$CS_BIN" ] || { log "code-server binary not found at $CS_BIN after install"; exit 1; }
  "$CS_BIN" --version >/dev/null
  touch "$STAMP"
fi

# The test reads this line to find the binary.
echo "CODE_SERVER=$CS_BIN"
