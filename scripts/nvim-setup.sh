#!/usr/bin/env bash
# Installs Debian's Neovim (0.7.2 on bookworm) for test/cli/neovim.test.ts, which runs the documented Neovim
# snippet headless. Idempotent: when nvim is installed it only checks and exits.
set -euo pipefail

log() { printf '[nvim-setup] %s\n' "$*" >&2; }

if command -v nvim >/dev/null 2>&1; then
  log "$(nvim --version | head -1) already installed"
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"; else
    log "nvim is not installed and this user cannot install Debian packages (run as root: apt-get install neovim)"
    exit 3
  fi
fi
export DEBIAN_FRONTEND=noninteractive
log "installing Debian's neovim"
# apt-get update only when the package lists do not know neovim yet (it is slow)
if ! apt-cache show neovim >/dev/null 2>&1; then $SUDO apt-get update -qq; fi
# another apt-get may hold the lock for a while (other setup scripts): wait for it
$SUDO apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 neovim >/dev/null
command -v nvim >/dev/null || { log "nvim missing after install"; exit 1; }
log "$(nvim --version | head -1) installed"
