#!/bin/sh
# Runs one end-to-end journey (a TAP test) inside the test display and D-Bus
# session that `meson test --setup=headless` gives it.
#
# GTK 4 puts every window on the accessibility bus without being asked, so
# the org.gnome.desktop.interface toolkit-accessibility setting is left alone:
# setting it would write to the real user's dconf database.  The app must not
# get NO_AT_BRIDGE, and the driver needs the real GSettings backend.
# Usage: run-journey.sh JOURNEY.py
set -u
if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "1..0 # SKIP needs an X display and a D-Bus session (meson test --setup=headless)"
  exit 0
fi
if ! /usr/bin/python3 -c "import pyatspi" 2>/dev/null; then
  echo "1..0 # SKIP python3-pyatspi is not installed (see .ci/deps)"
  exit 0
fi
unset NO_AT_BRIDGE GSETTINGS_BACKEND
exec /usr/bin/python3 "$1"
