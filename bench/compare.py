#!/usr/bin/python3
"""bench/compare.py: two builds side by side on the Tay Ninh report (17
pages), their runs interleaved so that a machine whose speed drifts (a
shared virtual machine's often does by 20-40 % within minutes) slows both
alike. For each build: the whole `baocao render` process (wall median,
p10, minimum; CPU median; page faults), and bc_render on an open context
(build/render_bench) with 1 and with 2 threads (median, p10, minimum; page
faults a warm render takes). Figures only, never pass/fail.

Usage: bench/compare.py BUILD_A BUILD_B [ROUNDS]   (default 8 rounds)

Each round runs every build in turn: 5 whole processes, then a context
rendering 21 times on each thread count, of which the last 15 are
counted: the first opens the database and the fonts, and the next few
are slower while each thread's word cache fills (with 2 threads a block
goes to whichever thread is free, so a cache sees new words for a few
renders). A difference smaller than the spread between rounds (printed
as the range of round medians) is noise.
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if len(sys.argv) < 3:
    sys.exit(__doc__.split("\n\n")[1].strip())
builds = [os.path.abspath(b) for b in sys.argv[1:3]]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 8
db = os.path.join(root, "samples", "baocao.db")
agency, period = "STTTT-TN", "2024-01-01..2024-07-31"
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
for b in builds:
    for exe in ("baocao", "render_bench"):
        if not os.access(os.path.join(b, exe), os.X_OK):
            sys.exit(f"bench/compare.py: {b}/{exe} is missing (build it first)")
if not os.path.exists(db):
    sys.exit("bench/compare.py: samples/baocao.db is missing: run ./build.sh samples")


def children():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime, u.ru_minflt


def bench(build, threads, runs, out, skip=5):
    """Per-render times (ms) of runs warm renders after skip, and the page
    faults a render takes past the first."""
    cmd = [os.path.join(build, "render_bench"), os.path.join(root, "fonts"),
           os.path.join(root, "templates"), db, agency, period, out]
    e = dict(env, RENDER_BENCH_THREADS=str(threads))
    _, f0 = children()
    subprocess.run(cmd + ["1"], env=e, check=True, capture_output=True)
    _, f1 = children()
    r = subprocess.run(cmd + [str(skip + runs)], env=e, check=True,
                       capture_output=True, text=True)
    _, f2 = children()
    times = [float(x) for x in r.stdout.split()]
    # the same first render, then skip + runs more
    return times[skip:], ((f2 - f1) - (f1 - f0)) / (skip + runs)


def spread(v):
    q = statistics.quantiles(v, n=10)
    return f"median {statistics.median(v):5.2f}, p10 {q[0]:5.2f}, min {min(v):5.2f}"


kinds = ["whole process", "in process, 1 thread", "in process, 2 threads"]
res = {(b, k): [] for b in builds for k in kinds}
meds = {(b, k): [] for b in builds for k in kinds}
cpu = {b: [] for b in builds}
faults = {(b, k): [] for b in builds for k in kinds}
with tempfile.TemporaryDirectory() as tmp:
    out = os.path.join(tmp, "out.pdf")
    print(f"bench/compare.py: {rounds} rounds, {os.cpu_count()} CPUs,"
          f" load {os.getloadavg()[0]:.1f}")
    for r in range(rounds):
        for b in builds:
            cmd = [os.path.join(b, "baocao"), "render", "--db", db, "--agency",
                   agency, "--period", period, "-o", out]
            got = []
            for _ in range(5):
                c0, f0 = children()
                t = time.perf_counter()
                subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
                got.append((time.perf_counter() - t) * 1000)
                c1, f1 = children()
                cpu[b].append((c1 - c0) * 1000)
                faults[(b, kinds[0])].append(f1 - f0)
            res[(b, kinds[0])] += got
            meds[(b, kinds[0])].append(statistics.median(got))
            for threads, kind in ((1, kinds[1]), (2, kinds[2])):
                got, f = bench(b, threads, 15, out)
                res[(b, kind)] += got
                meds[(b, kind)].append(statistics.median(got))
                faults[(b, kind)].append(f)
for k in kinds:
    print(k + ":")
    for b in builds:
        m = meds[(b, k)]
        extra = f"; CPU median {statistics.median(cpu[b]):5.2f}" if k == kinds[0] else ""
        print(f"  {b}: {spread(res[(b, k)])} ms (round medians"
              f" {min(m):.2f}-{max(m):.2f}){extra}; page faults"
              f" {round(statistics.median(faults[(b, k)]))}"
              f"{'' if k == kinds[0] else ' a render'}")
