# SPDX-License-Identifier: GPL-3.0-or-later
"""What bench/startup and bench/lesson share: building, a private display and
session bus, running a program with an LD_PRELOAD probe in fresh user folders,
the reference build of an older commit, and the learner's profile.

See bench/README.md.
"""

import json
import os
import select
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCREEN = "1280x1024x24"
PROFILE_REL = os.path.join("bench", "rapport-bench-profile")
DECODER_REL = os.path.join("src", "sandbox", "rapport-picture-decoder")


class BenchError(Exception):
    pass


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def build_dir(path):
    """The build directory: relative to the repository root unless absolute."""
    if not os.path.isabs(path):
        path = os.path.join(REPO_ROOT, path)
    return os.path.normpath(path)


def rel(path):
    r = os.path.relpath(path)
    return r if not r.startswith("../..") else path


def ninja_program():
    ninja = shutil.which("ninja") or shutil.which("ninja-build")
    if ninja is None:
        raise BenchError("ninja not found; install it or pass --no-build")
    return ninja


def build_targets(build, targets, app_rel=None):
    """Runs ninja on targets; the app (app_rel) separately, so that a build
    without it is reported as such."""
    if not targets:
        return
    if not os.path.exists(os.path.join(build, "build.ninja")):
        log(f"note: {build} is not a meson build directory; not building "
            f"(set one up with: meson setup {rel(build)} && ninja -C {rel(build)})")
        return
    ninja = ninja_program()
    for group in ([t for t in targets if t != app_rel], [t for t in targets if t == app_rel]):
        if not group:
            continue
        cmd = [ninja, "-C", build] + group
        log("building: " + " ".join(cmd))
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if res.returncode == 0:
            continue
        if group == [app_rel] and "unknown target" in res.stdout:
            raise BenchError(f"the app binary is not built: {build} has no target {app_rel}\n"
                             "  (pass another program with --app PATH)")
        sys.stderr.write(res.stdout)
        raise BenchError(f"build failed (ninja exit status {res.returncode})")


def check_file(path, what, hint):
    if not os.path.isfile(path):
        raise BenchError(f"{what} not found: {path}\n  {hint}")
    if path.endswith(".so"):
        return
    if not os.access(path, os.X_OK):
        raise BenchError(f"{what} is not executable: {path}")


# ---------------------------------------------------------------- display and bus

def read_line_from_fd(fd, timeout, what):
    deadline = time.monotonic() + timeout
    data = b""
    while b"\n" not in data:
        left = deadline - time.monotonic()
        if left <= 0:
            raise BenchError(f"{what} did not start within {timeout:.0f} s")
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 4096)
        if not chunk:
            raise BenchError(f"{what} exited before it was ready")
        data += chunk
    return data.split(b"\n", 1)[0].decode().strip()


def start_with_fd(argv, what, fd_args):
    """Starts argv + fd_args (formatted with the write end of a pipe as {fd}),
    waits for the first line the program writes there; returns (proc, line)."""
    exe = shutil.which(argv[0])
    if exe is None:
        raise BenchError(f"{argv[0]} not found (needed for {what}); on Debian: "
                         f"apt-get install {'xvfb' if argv[0] == 'Xvfb' else 'dbus'}")
    r, w = os.pipe()
    argv = [exe] + argv[1:] + [a.format(fd=w) for a in fd_args]
    try:
        proc = subprocess.Popen(argv, pass_fds=(w,), stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
    finally:
        os.close(w)
    try:
        line = read_line_from_fd(r, 15, what)
    except BaseException:
        stop(proc)
        raise
    finally:
        os.close(r)
    return proc, line


def stop(proc):
    if proc is None or proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(5)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


class Session:
    """A private Xvfb and D-Bus session bus (or the current ones with --use-display)."""

    def __init__(self, use_display):
        self.use_display = use_display
        self.xvfb = None
        self.dbus = None
        self.display = None
        self.bus = None

    def __enter__(self):
        if self.use_display:
            self.display = os.environ.get("DISPLAY")
            self.bus = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
            if not self.display:
                raise BenchError("--use-display given but $DISPLAY is not set")
            return self
        self.xvfb, num = start_with_fd(
            ["Xvfb", "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
            "Xvfb", ["-displayfd", "{fd}"])
        self.display = ":" + num
        try:
            self.dbus, self.bus = start_with_fd(
                ["dbus-daemon", "--session", "--nofork"],
                "dbus-daemon", ["--print-address={fd}"])
        except BaseException:
            stop(self.xvfb)
            raise
        return self

    def __exit__(self, *exc):
        stop(self.dbus)
        stop(self.xvfb)
        return False


# ---------------------------------------------------------------- one run

def base_env(session, build):
    """The environment of every run; build gives the GSettings schemas and the
    picture decoder (see program_env for another build's)."""
    env = dict(os.environ)
    for key in ("WAYLAND_DISPLAY", "LD_PRELOAD", "RAPPORT_BENCH_OUT"):
        env.pop(key, None)
    env.update({
        "DISPLAY": session.display,
        "GDK_BACKEND": "x11",
        "GSK_RENDERER": "cairo",
        "GDK_DEBUG": "no-portals",
        "ADW_DISABLE_PORTAL": "1",
        "NO_AT_BRIDGE": "1",
        "GTK_A11Y": "none",
        "GSETTINGS_BACKEND": "memory",
        # The course, from the source tree, as `meson devenv` gives it.
        "RAPPORT_CORE_PACK": os.path.join(REPO_ROOT, "data", "packs", "core"),
    })
    env.update(program_env(build))
    if session.bus:
        env["DBUS_SESSION_BUS_ADDRESS"] = session.bus
    else:
        env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    return env


def program_env(build):
    """What differs between builds: their schemas and their picture decoder
    (builds before the decoder have none, and ignore the variable)."""
    return {
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
        "RAPPORT_PICTURE_DECODER": os.path.join(build, DECODER_REL),
    }


def run_probed(label, program, probe, env_base, timeout, data_home=None, extra_env=None):
    """Runs program once with the probe preloaded, in fresh XDG folders (the
    data folder a copy of data_home when given); returns (the probe's line,
    the wall-clock time just before the program was started)."""
    tmp = tempfile.mkdtemp(prefix="rapport-bench-")
    try:
        env = dict(env_base)
        env.update(extra_env or {})
        for var, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                         ("XDG_CACHE_HOME", "cache"), ("XDG_STATE_HOME", "state")):
            path = os.path.join(tmp, sub)
            if var == "XDG_DATA_HOME" and data_home:
                shutil.copytree(data_home, path, symlinks=True)
            else:
                os.mkdir(path)
            env[var] = path
        out = os.path.join(tmp, "probe")
        env["RAPPORT_BENCH_OUT"] = out
        env["LD_PRELOAD"] = probe
        log_path = os.path.join(tmp, "output.log")

        with open(log_path, "wb") as log_file:
            t0 = time.time()
            proc = subprocess.Popen([program], env=env, cwd=tmp, stdin=subprocess.DEVNULL,
                                    stdout=log_file, stderr=subprocess.STDOUT,
                                    start_new_session=True)
            try:
                status = proc.wait(timeout)
                timed_out = False
            except subprocess.TimeoutExpired:
                timed_out = True
                stop(proc)
                status = proc.returncode

        try:
            with open(out) as f:
                line = f.read().strip()
        except FileNotFoundError:
            line = ""

        if not line or line.startswith("error: "):
            with open(log_path, "rb") as f:
                output = f.read().decode(errors="replace").strip()
            tail = "\n".join("    " + l for l in output.splitlines()[-20:])
            if line:
                why = line[len("error: "):]
            elif timed_out:
                why = f"did not report within {timeout:g} s (killed)"
            elif status is not None and status < 0:
                why = f"was killed by signal {-status} before the probe reported"
            else:
                why = f"exited with status {status} before the probe reported"
            raise BenchError(f"{label} ({program}) {why}"
                             + (f"; its output:\n{tail}" if tail else "; it printed nothing"))
        return line, t0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def median_range(values):
    return statistics.median(values), min(values), max(values)


# ---------------------------------------------------------------- profile

def make_profile(build, directory, packs=10, days=365, verbose=False, unread=()):
    """Fills directory (an XDG_DATA_HOME) with rapport-bench-profile: the
    course and packs installed, a year of journal, lessons and quizzes; the
    topics in unread ("PACK_ID:TOPIC_KEY") never opened.  Returns the
    helper's summary line."""
    helper = os.path.join(build, PROFILE_REL)
    check_file(helper, "the profile helper", f"build it with: ninja -C {rel(build)} {PROFILE_REL}")
    cmd = [helper, "--data-home", directory, "--packs", str(packs), "--days", str(days)]
    for topic in unread:
        cmd += ["--leave-unread", topic]
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                         env=dict(os.environ, RAPPORT_CORE_PACK=os.path.join(REPO_ROOT, "data", "packs", "core")))
    if res.returncode != 0:
        raise BenchError(f"{' '.join(cmd)} failed (exit status {res.returncode}):\n{res.stdout}")
    summary = res.stdout.strip().splitlines()[-1] if res.stdout.strip() else ""
    if verbose:
        log(summary)
    return summary


# ---------------------------------------------------------------- reference build

def buildtype_of(build):
    try:
        with open(os.path.join(build, "meson-info", "intro-buildoptions.json")) as f:
            options = json.load(f)
    except (OSError, ValueError):
        return "debugoptimized"
    for option in options:
        if option.get("name") == "buildtype":
            return option.get("value", "debugoptimized")
    return "debugoptimized"


def reference_build(commit, directory, buildtype, targets, rebuild=False):
    """The build of an older commit in its own scratch folder: the commit's
    files (git archive) in directory/src, its build in directory/build, made
    once and reused while the commit and build type stay the same.  Returns
    the build folder."""
    git = shutil.which("git")
    if git is None:
        raise BenchError("git not found: it is needed to build the reference commit")
    res = subprocess.run([git, "-C", REPO_ROOT, "rev-parse", "--verify", "--quiet", commit + "^{commit}"],
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    if res.returncode != 0:
        raise BenchError(f"{commit} is not a commit of this repository")
    full = res.stdout.strip()
    src = os.path.join(directory, "src")
    build = os.path.join(directory, "build")
    stamp = os.path.join(directory, "commit")
    wanted = f"{full} {buildtype}\n"

    try:
        with open(stamp) as f:
            current = f.read()
    except OSError:
        current = ""
    if rebuild or current != wanted:
        # Only a folder this function made (it has the stamp) is emptied.
        if os.path.isdir(directory) and os.listdir(directory) and not os.path.exists(stamp):
            raise BenchError(f"{directory} is not empty and is not a reference build; "
                             "give an empty or new folder")
        log(f"reference: the files of {full[:12]} in {rel(src)}")
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(src)
        archive = subprocess.Popen([git, "-C", REPO_ROOT, "archive", full], stdout=subprocess.PIPE)
        untar = subprocess.run(["tar", "-x", "-C", src], stdin=archive.stdout)
        archive.stdout.close()
        if archive.wait() != 0 or untar.returncode != 0:
            raise BenchError(f"could not unpack {full[:12]} into {src}")
        cmd = ["meson", "setup", f"--buildtype={buildtype}", "-Dgui_tests=false", build, src]
        log("reference: " + " ".join(cmd))
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if res.returncode != 0:
            sys.stderr.write(res.stdout)
            raise BenchError(f"meson setup of the reference {full[:12]} failed")
        with open(stamp, "w") as f:
            f.write(wanted)

    cmd = [ninja_program(), "-C", build] + targets
    log("reference: " + " ".join(cmd))
    res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if res.returncode != 0:
        sys.stderr.write(res.stdout)
        raise BenchError(f"building the reference {full[:12]} failed")
    return build
