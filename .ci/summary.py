#!/usr/bin/python3
"""Prints 'N passed, N failed' for one or more meson test logs (one JSON
object a line), counting the tests of all of them. A log that is missing
counts as one failure: the run that should have written it did not finish."""
import json
import sys

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                result = json.loads(line)["result"]
                if result in ("OK", "EXPECTEDFAIL"):
                    passed += 1
                elif result == "SKIP":
                    skipped += 1
                else:
                    failed += 1
    except OSError as error:
        print(f"no test log: {error}", file=sys.stderr)
        failed += 1

summary = f"{passed} passed, {failed} failed"
if skipped:
    summary += f", {skipped} skipped"
print(summary)
sys.exit(1 if failed or passed == 0 else 0)
