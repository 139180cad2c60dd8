#!/usr/bin/python3
"""Runs one libFuzzer target for a bounded time and summarises the run.

  fuzz.py run NAME FUZZER SECONDS DICT STATS_DIR SEED_DIR...
      Fuzzes from the seeds in a fresh working corpus, keeps libFuzzer's own
      log next to the statistics, and fails when the target crashed, leaked,
      hung or ran out of memory (the input is kept as an artifact).
  fuzz.py summary STATS_DIR
      Prints one line per target and the totals.
"""
import json
import os
import re
import shutil
import subprocess
import sys


def parse(log):
    """Figures from libFuzzer's output (-print_final_stats=1)."""
    stats = {}
    for line in log.splitlines():
        match = re.match(r"stat::(\w+):\s+(\d+)", line)
        if match:
            stats[match.group(1)] = int(match.group(2))
            continue
        match = re.match(r"#(\d+)\s+(INITED|DONE)\s+cov: (\d+) ft: (\d+) corp: (\d+)", line)
        if match:
            key = match.group(2).lower()
            stats[key + "_cov"] = int(match.group(3))
            stats[key + "_ft"] = int(match.group(4))
            stats[key + "_corpus"] = int(match.group(5))
    return stats


def run(name, fuzzer, seconds, dictionary, stats_dir, seeds):
    work = os.path.join(stats_dir, name + "-corpus")
    artifacts = os.path.join(stats_dir, name + "-crashes") + os.sep
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    shutil.rmtree(artifacts, ignore_errors=True)
    os.makedirs(artifacts)

    command = [
        fuzzer,
        f"-max_total_time={seconds}",
        "-print_final_stats=1",
        f"-dict={dictionary}",
        f"-artifact_prefix={artifacts}",
        "-timeout=30",
        "-rss_limit_mb=2048",
        "-close_fd_mask=1",
        work,
    ] + [seed for seed in seeds if os.path.isdir(seed)]
    print("$ " + " ".join(command), flush=True)
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, errors="replace", check=False)
    log = result.stderr
    with open(os.path.join(stats_dir, name + ".log"), "w", encoding="utf-8") as out:
        out.write(log)

    stats = parse(log)
    crashes = sorted(entry for entry in os.listdir(artifacts))
    stats.update(name=name, exit_status=result.returncode, crashes=crashes, seconds=seconds)
    with open(os.path.join(stats_dir, name + ".json"), "w", encoding="utf-8") as out:
        json.dump(stats, out, indent=2)

    print(line_for(stats))
    if result.returncode != 0 or crashes or "done_cov" not in stats:
        # The end of libFuzzer's log holds the sanitizer's report.
        print("\n".join(log.splitlines()[-80:]))
        for crash in crashes:
            print(f"Input kept as {artifacts}{crash}: reproduce it with "
                  f"fuzz-{name}-replay, and once it is fixed move it to "
                  f"tests/fuzz/regressions/{name}/.")
        return 1
    return 0


def line_for(stats):
    return ("{name}: {runs} executions in {seconds} s ({rate}/s), "
            "cov {inited_cov} → {done_cov}, ft {inited_ft} → {done_ft}, "
            "corpus {inited_corpus} → {done_corpus}, crashes {n_crashes}").format(
                name=stats.get("name"),
                runs=stats.get("number_of_executed_units", "?"),
                seconds=stats.get("seconds", "?"),
                rate=stats.get("average_exec_per_sec", "?"),
                inited_cov=stats.get("inited_cov", "?"), done_cov=stats.get("done_cov", "?"),
                inited_ft=stats.get("inited_ft", "?"), done_ft=stats.get("done_ft", "?"),
                inited_corpus=stats.get("inited_corpus", "?"),
                done_corpus=stats.get("done_corpus", "?"),
                n_crashes=len(stats.get("crashes", [])))


def summary(stats_dir):
    total_runs = total_crashes = 0
    found = False
    for entry in sorted(os.listdir(stats_dir)):
        if not entry.endswith(".json"):
            continue
        with open(os.path.join(stats_dir, entry), encoding="utf-8") as source:
            stats = json.load(source)
        found = True
        print(line_for(stats))
        total_runs += stats.get("number_of_executed_units", 0)
        total_crashes += len(stats.get("crashes", []))
    if not found:
        print(f"no fuzzing statistics in {stats_dir}", file=sys.stderr)
        return 1
    print(f"fuzzing: {total_runs} executions in all, {total_crashes} crashes")
    return 1 if total_crashes else 0


def main(argv):
    if len(argv) >= 7 and argv[1] == "run":
        return run(argv[2], argv[3], int(argv[4]), argv[5], argv[6], argv[7:])
    if len(argv) == 3 and argv[1] == "summary":
        return summary(argv[2])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
