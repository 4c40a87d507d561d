#!/usr/bin/env bash
# Installs what the .docx review tests need: Debian's headless LibreOffice Writer (it opens the reviewed copy
# and reads its comments and tracked changes back), python3-uno and poppler-utils (the picture of a reviewed page:
# test/docx/print-with-comments.py prints it with the comments in the margin, pdftoppm makes the PNG) and CJK fonts.
# libreoffice-writer, not its -nogui variant: printing comments in the margin lays them out in a document view,
# which needs Writer's .ui files that -nogui leaves out (without them soffice aborted loading the reviewed copy).
# Idempotent: when everything is present it only checks and exits.
set -euo pipefail

log() { printf '[libreoffice-setup] %s\n' "$*" >&2; }

PKGS=(libreoffice-writer python3-uno poppler-utils fonts-noto-cjk)
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
# python3-uno is for Debian's own python3 (a pyenv or venv python3 on PATH does not see it)
/usr/bin/python3 -c 'import uno' 2>/dev/null || { log "missing after install: python3-uno for /usr/bin/python3"; exit 1; }
log "LibreOffice $(soffice --version 2>/dev/null | head -1 | cut -d' ' -f2), pdftoppm and python3-uno are installed"
