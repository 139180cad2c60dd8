#!/bin/sh
# Runs a command inside the test display with a window manager, as on a real
# desktop: without one, X11 ignores requests such as maximizing a window.
# Usage: xvfb-run -a dbus-run-session -- tests/gui-session.sh COMMAND…
set -u
wm_pid=""
if command -v openbox >/dev/null 2>&1; then
  openbox --sm-disable --config-file /dev/null >/dev/null 2>&1 &
  wm_pid=$!
  # Give the window manager a moment to take over the root window.
  sleep 1
fi
"$@"
status=$?
[ -n "$wm_pid" ] && kill "$wm_pid" 2>/dev/null
exit $status
