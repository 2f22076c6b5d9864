#!/usr/bin/env python3
"""Top functions of a dotnet-trace thread-time trace, with waiting threads left out.

`dotnet-trace report FILE topN --inclusive` counts every sampled thread, so idle thread-pool
workers, the socket engine and timers (all blocked) dominate. This reads the Speedscope export
(`dotnet-trace convert FILE.nettrace --format Speedscope`), drops the time of stacks whose
innermost frame is a known blocking wait, and prints what is left: an estimate of where the
CPU went. Usage:

    bench/tools/cputop.py TRACE.speedscope.json [-n 40] [--match TEXT] [--callers TEXT]

--match keeps only stacks that contain TEXT (e.g. "Kanban.Server" or "EntityFrameworkCore").
"""
import argparse
import collections
import json

WAITS = (
    "LowLevelLifoSemaphore.Wait", "Monitor.Wait", "WaitHandle.Wait", "WaitOneNoCheck",
    "Interop+Sys.Read(", "Interop+Sys.WaitForSocketEvents", "SocketAsyncEngine.EventLoop",
    "Thread.Sleep", "ManualResetEventSlim.Wait", "SpinThenBlockingWait", "TimerQueue.TimerThread",
    "Interop+Sys.Poll", "Interop+Sys.LowLevelMonitor_", "LowLevelMonitor.Wait", "WaitSubsystem",
    "SemaphoreSlim.Wait(", "Task.InternalWait", "FileSystemWatcher", "PortableThreadPool+GateThread",
    "WaitForSignal", "Interop+Sys.ReceiveMessage", "EventPipe",
)


PSEUDO = {"CPU_TIME", "UNMANAGED_CODE_TIME", "BLOCKED_TIME", "Threads", "(Non-Activities)", "?!?"}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("trace")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--match", default=None)
    parser.add_argument("--callers", default=None, help="also list the callers of frames containing this text")
    args = parser.parse_args()

    data = json.load(open(args.trace))
    frames = [f["name"] for f in data["shared"]["frames"]]
    inclusive = collections.Counter()
    exclusive = collections.Counter()
    leaves_all = collections.Counter()
    callers = collections.Counter()
    busy = total = 0.0
    for profile in data["profiles"]:
        stack, last = [], None
        for e in profile.get("events", []):
            at = e["at"]
            if last is not None and stack and at > last:
                span = at - last
                total += span
                names = [frames[i] for i in stack]
                # TraceEvent ends each stack with CPU_TIME (managed code running) or
                # UNMANAGED_CODE_TIME (in native code: running, or blocked in a syscall).
                real = [n for n in names if n not in PSEUDO and not n.startswith(("Thread (", "Process"))]
                leaf = real[-1] if real else names[-1]
                leaves_all[leaf] += span
                running = names[-1] == "CPU_TIME" or not any(w in leaf for w in WAITS)
                if running and (args.match is None or any(args.match in n for n in names)):
                    busy += span
                    exclusive[leaf] += span
                    for name in set(real):
                        inclusive[name] += span
                    if args.callers:
                        for i in range(1, len(real)):
                            if args.callers in real[i] and args.callers not in real[i - 1]:
                                callers[real[i - 1]] += span
                                break
            last = at
            if e["type"] == "O":
                stack.append(e["frame"])
            elif stack:
                stack.pop()

    def short(name):
        return name if len(name) <= 150 else name[:147] + "..."

    print(f"sampled thread time {total / 1000:.1f} s, of which running (not in a wait) {busy / 1000:.1f} s"
          + (f" in stacks containing '{args.match}'" if args.match else ""))
    print(f"\nTop {args.n} by inclusive running time (% of running time)")
    for name, t in inclusive.most_common(args.n):
        print(f"{100 * t / max(busy, 1e-9):6.1f}%  {short(name)}")
    print(f"\nTop {min(args.n, 25)} by exclusive running time")
    for name, t in exclusive.most_common(min(args.n, 25)):
        print(f"{100 * t / max(busy, 1e-9):6.1f}%  {short(name)}")

    if args.callers:
        print(f"\nCallers of '{args.callers}' (running time)")
        for name, t in callers.most_common(min(args.n, 25)):
            print(f"{100 * t / max(busy, 1e-9):6.1f}%  {short(name)}")


if __name__ == "__main__":
    main()
