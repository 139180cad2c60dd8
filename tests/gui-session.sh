#!/bin/sh
# Runs a command on a desktop as a person has one: an X server with a window
# manager (without one, X11 ignores requests such as maximizing a window) and
# a D-Bus session, on which the accessibility bus (at-spi) starts when a
# program first asks for it.
#
# Usage:
#   tests/gui-session.sh --own-display COMMAND…
#       The wrapper of the `headless` test setup (meson test --setup=headless):
#       a test whose environment sets RAPPORT_TEST_NEEDS_DISPLAY gets an X
#       server (Xvfb) and a D-Bus session of its own, so that GUI tests,
#       which own the application ID on their session bus, can run in
#       parallel; any other test runs as it is.
#   xvfb-run -a dbus-run-session -- tests/gui-session.sh COMMAND…
#       Inside a display and session made by the caller: adds the window
#       manager. A meson test run in there shares that one bus, so it runs
#       one test at a time.
set -u

if [ "${1:-}" = "--own-display" ]; then
  shift
  if [ -z "${RAPPORT_TEST_NEEDS_DISPLAY:-}" ]; then
    exec "$@"
  fi

  scratch=$(mktemp -d "${TMPDIR:-/tmp}/rapport-display-XXXXXX") || exit 1
  # Xvfb picks a free display number itself and writes it on fd 3 once it
  # accepts connections: no race between tests starting together.
  Xvfb -displayfd 3 -screen 0 1280x1024x24 -nolisten tcp -noreset \
    3>"$scratch/display" >"$scratch/xvfb.log" 2>&1 &
  xvfb_pid=$!
  tries=0
  while [ ! -s "$scratch/display" ]; do
    if ! kill -0 "$xvfb_pid" 2>/dev/null || [ $tries -ge 300 ]; then
      echo "Xvfb did not start:" >&2
      cat "$scratch/xvfb.log" >&2
      kill "$xvfb_pid" 2>/dev/null
      rm -rf "$scratch"
      exit 1
    fi
    tries=$((tries + 1))
    sleep 0.1
  done
  DISPLAY=:$(cat "$scratch/display")
  export DISPLAY
  unset WAYLAND_DISPLAY DBUS_SESSION_BUS_ADDRESS AT_SPI_BUS_ADDRESS

  # What the bus and the services it starts print (at-spi's registry says
  # hello on stdout) goes to stderr: a TAP test's stdout is for TAP alone.
  dbus-run-session -- "$0" --in-session "$@" 3>&1 1>&2
  status=$?
  kill "$xvfb_pid" 2>/dev/null
  wait "$xvfb_pid" 2>/dev/null
  rm -rf "$scratch"
  exit $status
fi

if [ "${1:-}" = "--in-session" ]; then
  shift
  exec 1>&3 3>&-
else
  # Tests that share the caller's bus must not overlap (see above).
  MESON_TESTTHREADS=1
  export MESON_TESTTHREADS
fi

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
