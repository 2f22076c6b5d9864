#!/usr/bin/env python3
"""What else ran during a bench/measure.sh run: reads DB-SCENARIO.top.txt (top every 5 s) and the
run's JSON (server and load-generator pids) and prints the CPU the busiest *other* processes used.

    bench/tools/others.py bench/results/sqlite-fanout        # .top.txt and .json beside it
"""
import collections
import json
import re
import sys


def main():
    base = sys.argv[1].removesuffix(".json").removesuffix(".top.txt")
    env = json.load(open(base + ".json"))["environment"]
    ours = {env.get("serverPid"), env.get("loadGeneratorPid")}
    samples = []
    current = None
    for line in open(base + ".top.txt"):
        if line.startswith("top -"):
            current = collections.Counter()
            samples.append(current)
            continue
        m = re.match(r"\s*(\d+)\s+(\S+)\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+\S\s+([\d.]+)\s+[\d.]+\s+\S+\s+(.*)", line)
        if not m or current is None:
            continue
        pid, user, cpu, command = int(m.group(1)), m.group(2), float(m.group(3)), m.group(4).strip()
        if pid in ours or command == "top":
            continue
        name = "postgres" if user == "postgres" else command
        current[name] += cpu
    samples = samples[1:] or samples  # top's first sample is an average since boot-ish
    if not samples:
        print("no samples")
        return
    totals = [sum(s.values()) for s in samples]
    by_name = collections.Counter()
    for s in samples:
        by_name.update(s)
    print(f"{base}: other processes used {sum(totals) / len(totals):.0f}% CPU on average "
          f"(max {max(totals):.0f}%; 100% = one core) over {len(samples)} samples")
    for name, cpu in by_name.most_common(6):
        print(f"  {cpu / len(samples):6.1f}%  {name}")


if __name__ == "__main__":
    main()
