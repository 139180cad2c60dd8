#!/bin/sh
# Runs one end-to-end journey (a TAP test) inside the test display and D-Bus
# session that .ci/test provides.  Assistive technologies must be switched on
# in that session before the driver asks for the accessibility bus; gsettings
# needs the real backend and the system's schemas for that, not the build's.
# Usage: run-journey.sh JOURNEY.py
set -u
if [ -z "${DISPLAY:-}" ] || [ -z "${DBUS_SESSION_BUS_ADDRESS:-}" ]; then
  echo "1..0 # SKIP needs an X display and a D-Bus session (run through .ci/test)"
  exit 0
fi
if ! /usr/bin/python3 -c "import pyatspi" 2>/dev/null; then
  echo "1..0 # SKIP python3-pyatspi is not installed (see .ci/deps)"
  exit 0
fi
env -u GSETTINGS_BACKEND -u GSETTINGS_SCHEMA_DIR \
  gsettings set org.gnome.desktop.interface toolkit-accessibility true || exit 1
unset NO_AT_BRIDGE GSETTINGS_BACKEND
exec /usr/bin/python3 "$1"
