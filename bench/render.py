#!/usr/bin/python3
"""bench/render.py: times `baocao render` on the sample reports and prints
figures: wall time (median, minimum, p10-p90) and CPU time (user + system,
median) of the whole process over N runs, its peak RSS, the PDF's size and
pages, and the in-process time of bc_render on an open context
(build/render_bench, when it is built). Figures only, never pass/fail.

Usage: bench/render.py [--all] [BUILD_DIR|BAOCAO] [RUNS] [RENDER OPTION...]
       (default build/ and 21 runs; run ./build.sh samples first. By default
       the Tay Ninh report, 17 pages, and the 2-page SYT-TV 2022 report;
       --all: every report of samples/reports.tsv. Render options, e.g.
       --pdf-standard none, time plain PDFs against the default PDF/A-3b,
       tagged; the in-process figure is always of the default.)

Builds nothing. SOURCE_DATE_EPOCH is set, so each run writes the same bytes.
On a loaded machine the wall times mean little: the CPU time and the
minimum are the steadier figures.
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
args = sys.argv[1:]
every = "--all" in args[:1]
if every:
    args = args[1:]
target = args[0] if args else os.path.join(root, "build")
build = target if os.path.isdir(target) else os.path.dirname(target)
baocao = os.path.join(target, "baocao") if os.path.isdir(target) else target
runs = int(args[1]) if len(args) > 1 else 21
extra = args[2:]
bench = os.path.join(build, "render_bench")
db = os.path.join(root, "samples", "baocao.db")
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
default = {("STTTT-TN", "2024-01-01..2024-07-31"), ("SYT-TV", "2022")}

for need in (baocao, db):
    if not os.path.exists(need):
        sys.exit(f"bench/render.py: {need} is missing (build, then ./build.sh samples)")
with open(os.path.join(root, "samples", "reports.tsv"), encoding="utf-8") as f:
    reports = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]
if not every:
    reports = [r for r in reports if (r[0], r[1]) in default]


def cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def spread(times):
    q = statistics.quantiles(times, n=10) if len(times) > 1 else times * 9
    return (f"median {statistics.median(times):.1f} ms, min {min(times):.1f}"
            f" (p10 {q[0]:.1f}, p90 {q[-1]:.1f})")


print(f"baocao render {' '.join(extra)}, {runs} runs each, {os.cpu_count()} cores,"
      f" load {os.getloadavg()[0]:.1f}")
with tempfile.TemporaryDirectory() as tmp:
    for agency, period, name in reports:
        out = os.path.join(tmp, name)
        cmd = [baocao, "render", "--db", db, "--agency", agency, "--period", period,
               "-o", out] + extra
        times, cpus, rss = [], [], 0
        for _ in range(runs):
            c, t = cpu(), time.perf_counter()
            subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
            times.append((time.perf_counter() - t) * 1000)
            cpus.append((cpu() - c) * 1000)
        # ru_maxrss of the children is the largest of any child so far: run
        # each report's RSS figure in a fresh process of its own.
        rss = int(subprocess.run(
            [sys.executable, "-c",
             "import resource,subprocess,sys;"
             "subprocess.run(sys.argv[1:],check=True,stdout=subprocess.DEVNULL);"
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"] + cmd,
            env=env, check=True, capture_output=True, text=True).stdout)
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
        pages = next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:"))
        print(f"{agency} {period}: {os.path.getsize(out)} bytes, {pages} pages")
        print(f"  whole process: {spread(times)}; CPU median"
              f" {statistics.median(cpus):.1f} ms; peak RSS {rss / 1024:.1f} MB")
        if os.access(bench, os.X_OK):
            r = subprocess.run([bench, os.path.join(root, "fonts"),
                                os.path.join(root, "templates"), db, agency, period,
                                out + ".bench.pdf", str(runs)],
                               check=True, capture_output=True, text=True)
            print(f"  in process (bc_render, context open, no fsync):"
                  f" {spread([float(x) for x in r.stdout.split()])}")
