#!/usr/bin/python3
"""bench/typst/side_by_side.py: the timing part of bench/typst.sh: baocao render and Typst's node binding on the same report, interleaved, and their figures side by side.

Usage: side_by_side.py BUILD_DIR RUNS WORK_DIR
WORK_DIR holds report.typ and baocao-data.json (bench/typst.sh makes them).
Each of the RUNS rounds runs one `baocao render` process, then one node
process that compiles report.typ once: both wall time (process start to
exit) and CPU time (user + system of the child). Then the in-process
figures, interleaved too: build/render_bench (bc_render on an open
context) and compile.mjs warm (one compiler, reused). Figures only, never pass/fail.
"""
import difflib
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
build, runs, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
baocao = os.path.join(build, "baocao")
bench = os.path.join(build, "render_bench")
db = os.path.join(root, "samples", "baocao.db")
fonts = os.path.join(root, "fonts")
AGENCY, PERIOD = "STTTT-TN", "2024-01-01..2024-07-31"
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
ours = os.path.join(work, "baocao.pdf")
theirs = os.path.join(work, "typst.pdf")
render = [baocao, "render", "--db", db, "--agency", AGENCY, "--period", PERIOD,
          "--font-dir", fonts, "-q", "-o", ours]
compile_once = ["node", os.path.join(here, "compile.mjs"), "once",
                os.path.join(work, "report.typ"), theirs, fonts]


def cpu():
    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def timed(cmd):
    c, t = cpu(), time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
    return (time.perf_counter() - t) * 1000, (cpu() - c) * 1000


def pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    return int(next(l.split()[-1] for l in info.splitlines() if l.startswith("Pages:")))


def words(path):
    """The PDF's words as pdftotext reads them, page numbers left out."""
    text = subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True).stdout
    return [w for w in text.split() if not re.fullmatch(r"\d+", w)]


def med(xs):
    return statistics.median(xs)


# One untimed run of each first: the files in the page cache, node's
# modules read once, as on a machine that renders reports all day.
timed(render)
timed(compile_once)
wall = {"baocao": [], "typst": []}
cpus = {"baocao": [], "typst": []}
for _ in range(runs):
    for name, cmd in (("baocao", render), ("typst", compile_once)):
        w, c = timed(cmd)
        wall[name].append(w)
        cpus[name].append(c)

# In process, interleaved as well: each round one render_bench process
# (one render to open the context, then WARM timed ones) and one node
# process (a first compile, then WARM with the layout redone, then WARM
# memoized), so that both meet the same load. render_bench prints wall
# times only: its CPU time per render is the CPU of that process less the
# CPU of one with a single timed render, over WARM - 1.
WARM = 4
inproc = {"baocao": [], "baocaoCpu": [], "first": [], "evicted": [], "evictedCpu": [],
          "cached": []}
for _ in range(runs):
    if os.access(bench, os.X_OK):
        cmd = [bench, fonts, os.path.join(root, "templates"), db, AGENCY, PERIOD,
               os.path.join(work, "bench.pdf")]
        c = cpu()
        r = subprocess.run(cmd + [str(WARM)], check=True, capture_output=True, text=True,
                           env=env)
        c, c1 = cpu(), cpu() - c
        subprocess.run(cmd + ["1"], check=True, capture_output=True, env=env)
        inproc["baocao"] += [float(x) for x in r.stdout.split()]
        inproc["baocaoCpu"].append((c1 - (cpu() - c)) * 1000 / (WARM - 1))
    r = subprocess.run(compile_once[:2] + ["warm"] + compile_once[3:] + [str(WARM)],
                       check=True, capture_output=True, text=True, env=env)
    warm = json.loads(r.stdout)
    inproc["first"].append(warm["first"])
    inproc["evicted"] += warm["evicted"]
    inproc["evictedCpu"] += warm["evictedCpu"]
    inproc["cached"] += warm["cached"]

print(f"Tây Ninh report ({AGENCY} {PERIOD}), {runs} runs each, interleaved;"
      f" {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
print(f"{'':44} {'baocao':>14} {'Typst':>14} {'Typst/baocao':>13}")


def row(label, a, b, fmt="{:.1f}"):
    ratio = f"{b / a:.1f}x" if a and b else ""
    sa = fmt.format(a) if a is not None else "-"
    sb = fmt.format(b) if b is not None else "-"
    print(f"{label:44} {sa:>14} {sb:>14} {ratio:>13}")


row("pages", pages(ours), pages(theirs), "{}")
a, b = words(ours), words(theirs)
same = sum(m.size for m in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_matching_blocks())
row("words (pdftotext, without page numbers)", len(a), len(b), "{:,}")
print(f"{'':2}{same:,} words the same, in the same order; the rest differ where a line"
      " breaks (inside a URL, after a hyphen)")
row("bytes (PDF/A-3b, tagged, data attached)", os.path.getsize(ours),
    os.path.getsize(theirs), "{:,}")
row("whole process: wall median, ms", med(wall["baocao"]), med(wall["typst"]))
row("whole process: wall min, ms", min(wall["baocao"]), min(wall["typst"]))
row("whole process: CPU median, ms", med(cpus["baocao"]), med(cpus["typst"]))
row("in process, first compile (cold): median, ms", None, med(inproc["first"]))
b, t, b_cpu = inproc["baocao"], inproc["evicted"], inproc["baocaoCpu"]
row("in process, warm, layout redone: median, ms", med(b) if b else None, med(t))
row("in process, warm, layout redone: min, ms", min(b) if b else None, min(t))
row("in process, warm, layout redone: CPU median, ms", med(b_cpu) if b_cpu else None,
    med(inproc["evictedCpu"]))
row("in process, Typst's memoized recompile: median", None, med(inproc["cached"]))
print(f"{'':2}(in process: {runs} processes each, {WARM} warm runs in each; baocao:"
      " build/render_bench, bc_render on an open context, no fsync; Typst: one NodeCompiler,"
      " evictCache(0) before each run; CPU: all of the process's threads)")
