#!/usr/bin/env python3
"""Top functions of a dotnet-trace thread-time trace, with waiting threads left out.

`dotnet-trace report FILE topN --inclusive` counts every sampled thread, so idle thread-pool
workers, the socket engine and timers (all blocked) dominate. This reads the Speedscope export
(`dotnet-trace convert FILE.nettrace --format Speedscope`), drops the time of stacks whose
innermost frame is a known blocking wait, and prints what is left: an estimate of where the
CPU went. Usage:

    bench/tools/cputop.py TRACE.speedscope.json [-n 40] [--match TEXT] [--callers TEXT]

--match keeps only stacks that contain TEXT (e.g. "Kanban.Server" or "EntityFrameworkCore").
--parts also splits the running time by the part of the stack doing the work: the innermost
frame that belongs to one of PARTS (SQLite, EF Core, GraphQL.NET, our code, SignalR, ...).
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

# Waits the sampler marks CPU_TIME all the same: a thread held at a GC poll, and the finalizer
# thread, whichever frame it waits in (GC.RunFinalizers, a type's Finalize): it came to 40-80 % of
# a core in runs whose whole process used 1.45 cores, so its samples are left out whole.
MARKED_RUNNING_WAITS = ("GC.RunFinalizers()", "PollGCWorker")
FINALIZER_THREAD = ".NET Finalizer Thread"

# (part, the frame prefixes that belong to it), first match from the innermost frame wins.
PARTS = (
    ("SQLite (Microsoft.Data.Sqlite and the engine)", ("Microsoft.Data.Sqlite!", "SQLitePCL", "e_sqlite3")),
    ("EF Core", ("Microsoft.EntityFrameworkCore",)),
    ("GraphQL.NET", ("GraphQL!", "GraphQLParser!", "GraphQL.")),
    ("JSON (System.Text.Json)", ("System.Text.Json!",)),
    ("SignalR and WebSockets", ("Microsoft.AspNetCore.SignalR", "Microsoft.AspNetCore.Http.Connections", "System.Net.WebSockets")),
    ("authentication and Data Protection", ("Microsoft.AspNetCore.Authentication", "Microsoft.AspNetCore.DataProtection", "System.Security.Cryptography")),
    ("our code (Kanban.Server)", ("Kanban.Server!", "Kanban.Contract!")),
    ("Kestrel, routing and middleware", ("Microsoft.AspNetCore.",)),
    ("sockets", ("System.Net.Sockets!",)),
    ("dependency injection, logging, metrics", ("Microsoft.Extensions.",)),
    ("pipelines", ("System.IO.Pipelines!",)),
    ("thread pool and async machinery", ("System.Threading", "System.Runtime.CompilerServices")),
)


PSEUDO = {"CPU_TIME", "UNMANAGED_CODE_TIME", "BLOCKED_TIME", "Threads", "(Non-Activities)", "?!?"}


def part_of(frames):
    for frame in reversed(frames):
        for part, prefixes in PARTS:
            if frame.startswith(prefixes):
                return part
    return "other (runtime, native)"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("trace")
    parser.add_argument("-n", type=int, default=40)
    parser.add_argument("--match", default=None)
    parser.add_argument("--callers", default=None, help="also list the callers of frames containing this text")
    parser.add_argument("--parts", action="store_true", help="also split the running time by part (PARTS)")
    args = parser.parse_args()

    data = json.load(open(args.trace))
    frames = [f["name"] for f in data["shared"]["frames"]]
    inclusive = collections.Counter()
    exclusive = collections.Counter()
    leaves_all = collections.Counter()
    callers = collections.Counter()
    parts = collections.Counter()
    busy = total = 0.0
    for profile in data["profiles"]:
        if FINALIZER_THREAD in profile.get("name", ""):
            continue
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
                running = (names[-1] == "CPU_TIME" or not any(w in leaf for w in WAITS)) \
                    and not any(w in leaf for w in MARKED_RUNNING_WAITS)
                if running and (args.match is None or any(args.match in n for n in names)):
                    busy += span
                    exclusive[leaf] += span
                    for name in set(real):
                        inclusive[name] += span
                    if args.parts:
                        parts[part_of(real)] += span
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

    if args.parts:
        print("\nRunning time by part (the innermost frame that belongs to one)")
        for name, t in parts.most_common():
            print(f"{100 * t / max(busy, 1e-9):6.1f}%  {name}")

    if args.callers:
        print(f"\nCallers of '{args.callers}' (running time)")
        for name, t in callers.most_common(min(args.n, 25)):
            print(f"{100 * t / max(busy, 1e-9):6.1f}%  {short(name)}")


if __name__ == "__main__":
    main()
