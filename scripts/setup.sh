#!/usr/bin/env bash
# Installs what RecoveryDesk needs to build and test on Debian 12 (run as root or with sudo).
set -euo pipefail
packages=(
  build-essential cmake ninja-build pkg-config
  libsqlite3-dev sqlite3
  libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev catch2 libsodium-dev
  libkainjow-mustache-dev    # letter templates (mustache)
  poppler-utils              # pdftotext: the tests read letters' PDFs back
  libgmp-dev                 # exact integers for the schedule calculator
  clang libclang-rt-14-dev   # libFuzzer targets
  sqlite3 hyperfine time     # bench/run.sh
  qt6-base-dev qt6-base-dev-tools libgl-dev qt6-l10n-tools   # the Qt 6 Widgets GUI
  fonts-dejavu-core          # screenshots and PDFs render with a real font offscreen
  tzdata                     # the institution's time zone (setting time_zone)
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
