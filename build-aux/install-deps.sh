#!/usr/bin/env bash
# install-deps.sh — installs every Debian package that building Budg, running it and running its
# test suite need. Idempotent: when everything is present it only checks and returns at once.
# Runs apt-get through sudo when not started as root.
set -euo pipefail

packages=(
  # Build
  meson ninja-build pkg-config gcc gettext git
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libsqlite3-dev
  libsoup-3.0-dev libjson-glib-dev libsecret-1-dev libcairo2-dev libofx-dev libical-dev
  # Data-file validation
  desktop-file-utils appstream flatpak-builder
  # Headless UI tests, end-to-end test and screenshots
  xvfb xauth dbus dbus-x11 at-spi2-core gir1.2-atspi-2.0 python3-pyatspi python3-gi
  xdotool fonts-cantarell adwaita-icon-theme librsvg2-common
  # Keyring and D-Bus mocks for later suites
  gnome-keyring python3-dbusmock
  # Database inspection in tests, the benchmark's timer and peak-memory probe
  sqlite3 time bc
  # libofx's own ofxdump: the import benchmark's reference parse time
  ofx
  # A locale with a decimal comma, for the money tests
  locales
)

missing=()
for pkg in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$pkg")
  fi
done

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  sudo_cmd=(sudo)
fi

# The money tests check parsing and formatting under a decimal-comma locale.
ensure_locale() {
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    "${sudo_cmd[@]}" localedef -i de_DE -f UTF-8 de_DE.UTF-8 >&2 || true
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  ensure_locale
  exit 0
fi

echo "Installing: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
ensure_locale
