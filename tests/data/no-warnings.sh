#!/bin/sh
# Runs a command and fails when it fails or prints anything on standard error,
# so that a warning in a data file counts as a failure.
set -u
err=$(mktemp)
trap 'rm -f "$err"' EXIT
"$@" >/dev/null 2>"$err"
status=$?
if [ -s "$err" ]; then
  cat "$err" >&2
  echo "FAIL: '$*' printed warnings" >&2
  exit 1
fi
exit $status
