#!/bin/sh
# run-with-keyring.sh PROGRAM [ARGS…] — runs a test in a private D-Bus
# session with a GNOME Keyring of its own, unlocked, in a throw-away home:
# the user's keyring is never touched. HOME is set before the bus starts,
# and the keyring daemon gets a non-empty password on stdin.
set -eu

home=$(mktemp -d "${TMPDIR:-/tmp}/budg-keyring-XXXXXX")
trap 'rm -rf "$home"' EXIT INT TERM
mkdir -m 0700 "$home/run"
export HOME="$home" XDG_RUNTIME_DIR="$home/run" XDG_DATA_HOME="$home/data"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL

dbus-run-session -- sh -c '
  printf "budg-test-password" | gnome-keyring-daemon --unlock --components=secrets >/dev/null
  exec "$@"' sh "$@"
