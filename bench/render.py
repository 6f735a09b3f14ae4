#!/usr/bin/python3
"""bench/render.py: times `baocao render` on the sample reports and prints
figures: median and spread of wall time over N runs, peak RSS, PDF size and
pages. Figures only, never pass/fail.

Usage: bench/render.py [BAOCAO] [RUNS] [RENDER OPTION...]
       (run ./build.sh samples first; e.g. --pdf-standard none to time
       plain PDFs against the default PDF/A-3b, tagged)
"""
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baocao = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "baocao")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 21
extra = sys.argv[3:]
db = os.path.join(root, "samples", "baocao.db")
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")

with open(os.path.join(root, "samples", "reports.tsv"), encoding="utf-8") as f:
    reports = [l.rstrip("\n").split("\t") for l in f if l.strip() and not l.startswith("#")]

print(f"baocao render {' '.join(extra)}, {runs} runs each, {os.cpu_count()} cores")
with tempfile.TemporaryDirectory() as tmp:
    for agency, period, name in reports:
        out = os.path.join(tmp, name)
        cmd = [baocao, "render", "--db", db, "--agency", agency, "--period", period, "-o", out] + extra
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
            times.append((time.perf_counter() - t) * 1000)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
        pages = next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:"))
        q = statistics.quantiles(times, n=10)
        print(f"{agency} {period}: median {statistics.median(times):.1f} ms "
              f"(p10 {q[0]:.1f}, p90 {q[-1]:.1f}), peak RSS {rss:.1f} MB, "
              f"{os.path.getsize(out)} bytes, {pages} pages")
