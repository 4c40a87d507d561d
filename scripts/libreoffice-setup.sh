#!/usr/bin/env bash
# Installs what the .docx review tests need: Debian's headless LibreOffice Writer (it opens the reviewed copy
# and reads its comments and tracked changes back), poppler-utils (pdftoppm, for the picture of a reviewed page)
# and CJK fonts. Idempotent: when everything is present it only checks and exits.
set -euo pipefail

log() { printf '[libreoffice-setup] %s\n' "$*" >&2; }

PKGS=(libreoffice-writer-nogui poppler-utils fonts-noto-cjk)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then missing+=("$p"); fi
done
if ((${#missing[@]})); then
  if ! command -v apt-get >/dev/null; then
    log "no apt-get here: install ${missing[*]} yourself, or the .docx review tests are skipped (outside CI)"
    exit 0
  fi
  log "installing Debian packages: ${missing[*]} (a few minutes the first time)"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for exe in soffice pdftoppm; do
  command -v "$exe" >/dev/null || { log "missing after install: $exe"; exit 1; }
done
log "LibreOffice $(soffice --version 2>/dev/null | head -1 | cut -d' ' -f2) and pdftoppm are installed"
