#!/usr/bin/python3
"""Prints, one a line, the ninja targets that the tests of the given suites
of a configured build folder need: each test's program and what it depends
on, and the generated data files (the compiled settings schema, which tests
find through GSETTINGS_SCHEMA_DIR, declares no dependency).

  .ci/targets.py BUILD_DIR SUITE...

.ci/stress builds only these (`ninja -C build-stress $(.ci/targets.py …)`):
not the benchmarks, nor what only the install and data tests use."""
import json
import os
import subprocess
import sys

SOURCE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def introspect(build, what):
    output = subprocess.run(["meson", "introspect", build, what], check=True,
                            capture_output=True, text=True).stdout
    return json.loads(output)


def main():
    build, suites = sys.argv[1], set(sys.argv[2:])
    targets = {target["id"]: target for target in introspect(build, "--targets")}
    wanted = set()
    for test in introspect(build, "--tests"):
        if any(suite.split(":")[-1] in suites for suite in test["suite"]):
            wanted.update(test["depends"])
    data = os.path.join(SOURCE_ROOT, "data", "meson.build")
    wanted.update(ident for ident, target in targets.items()
                  if target["type"] == "custom" and target["defined_in"] == data)
    root = os.path.abspath(build)
    for ident in sorted(wanted):
        for filename in targets[ident]["filename"]:
            print(os.path.relpath(filename, root))


if __name__ == "__main__":
    main()
