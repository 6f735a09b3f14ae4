#!/usr/bin/python3
"""bench/drafts.py: the editable drafts of the Tây Ninh report, in figures.

1. Time and size to render each format (pdf, docx, odt) with `baocao render`:
   median wall and CPU time over N runs (process start to exit: the
   context's fonts and templates included), the report alone as a bulk
   worker times it (its manifest's ms), peak RSS, bytes.
2. LibreOffice's conversion of each draft to PDF (soffice --headless,
   a fresh profile in a temporary directory): wall time, pages.
3. Page 1 of LibreOffice's PDF of the .docx measured beside baocao's page 1
   (PyMuPDF): the text block's edges on page 2, the header block's lines
   (position, size, weight), rules; and PNGs of page 1 and the last page
   side by side in OUT_DIR (drafts-page1.png, drafts-last.png).
Figures only, never pass/fail.

Usage: bench/drafts.py [BAOCAO] [RUNS] [OUT_DIR]   (run ./build.sh samples first)
"""
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

import fitz  # PyMuPDF

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
baocao = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, "build", "baocao")
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 21
out_dir = sys.argv[3] if len(sys.argv) > 3 else os.path.join(root, "out")
db = os.path.join(root, "samples", "baocao.db")
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
MM = 72 / 25.4
AGENCY, PERIOD = "STTTT-TN", "2024-01-01..2024-07-31"


def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def render(fmt, path):
    cmd = [baocao, "render", "--db", db, "--agency", AGENCY, "--period", PERIOD, "-o", path]
    times, cpus = [], []
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    for _ in range(runs):
        t, c = time.perf_counter(), cpu()
        subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL)
        times.append((time.perf_counter() - t) * 1000)
        cpus.append((cpu() - c) * 1000)
    rss = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    q = statistics.quantiles(times, n=10)
    # The report alone, without the process and the context: bulk's
    # manifest times each report in its worker (one worker, one report).
    inner = []
    for i in range(runs):
        out = os.path.join(os.path.dirname(path), f"bulk-{fmt}-{i}")
        subprocess.run([baocao, "bulk", "--db", db, "--period", PERIOD, "--agencies", AGENCY,
                        "--format", fmt, "-j", "1", "-q", "--out-dir", out],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(os.path.join(out, "manifest.jsonl"), encoding="utf-8") as f:
            inner.append(json.loads(f.readline())["ms"])
    print(f"  {fmt:4}: wall median {statistics.median(times):6.1f} ms (p10 {q[0]:.1f}, p90 {q[-1]:.1f}), "
          f"CPU median {statistics.median(cpus):5.1f} ms, the report alone (bulk worker) "
          f"{statistics.median(inner):5.1f} ms, peak RSS {rss:.1f} MB, {os.path.getsize(path):6d} bytes")


def lines(page):
    """Text lines with their first span's font and size."""
    out = []
    for b in page.get_text("dict")["blocks"]:
        for l in b.get("lines", []):
            sp = [s for s in l["spans"] if s["text"].strip()]
            if sp:
                text = " ".join(" ".join(s["text"].split()) for s in sp)
                out.append((text, sp[0]["size"], sp[0]["font"], l["bbox"], sp[0]["origin"][1]))
    return out


def rules(page):
    out = set()
    for d in page.get_drawings():
        for it in d["items"]:
            if it[0] == "l" and abs(it[1].y - it[2].y) < 0.5 and abs(it[2].x - it[1].x) > 10:
                out.add((round(min(it[1].x, it[2].x), 1), round(max(it[1].x, it[2].x), 1), round(it[1].y, 1)))
            elif it[0] == "re" and it[1].height < 1.5 and it[1].width > 10:
                r = it[1]
                out.add((round(r.x0, 1), round(r.x1, 1), round((r.y0 + r.y1) / 2, 1)))
    return sorted(out, key=lambda r: r[2])


def block_edges(doc):
    """The text block of pages 2.. (portrait): left, right, bottom edge in mm
    and the body lines' baseline step."""
    xs0, xs1, ys1 = [], [], []
    for p in list(doc)[1:]:
        for t, size, font, bb, base in lines(p):
            if bb[1] > 50:  # below the page number
                xs0.append(bb[0]); xs1.append(bb[2]); ys1.append(bb[3])
    return (min(xs0) / MM, (doc[1].rect.width - max(xs1)) / MM, (doc[1].rect.height - max(ys1)) / MM)


def compare(ours_path, lo_path):
    ours, lo = fitz.open(ours_path), fitz.open(lo_path)
    print("\nPage 1, baocao's PDF beside LibreOffice's PDF of the .docx (mm from the page's "
          "top-left; baseline, left and right edge of each line; size in pt):")
    a, b = lines(ours[0]), lines(lo[0])
    keys = ["UBND TỈNH", "SỞ THÔNG TIN VÀ", "TRUYỀN THÔNG", "CỘNG HÒA", "Độc lập", "Số:", "Tây Ninh, ngày",
            "BÁO CÁO", "Kết quả thực hiện", "Thực hiện Kế hoạch"]
    print(f"  {'line':24} {'baocao: base  left  right  pt':>32}   {'LibreOffice: base  left  right  pt':>36}")
    for k in keys:
        la = next((x for x in a if x[0].startswith(k)), None)
        lb = next((x for x in b if x[0].startswith(k)), None)
        def f(x):
            return f"{x[4] / MM:6.1f} {x[3][0] / MM:5.1f} {x[3][2] / MM:6.1f} {x[1]:4.1f}" if x else " " * 26
        print(f"  {k:24} {f(la):>32}   {f(lb):>36}")
    print("  rules (x0-x1 at y, mm):")
    for name, doc in (("baocao", ours), ("LibreOffice", lo)):
        print(f"    {name:12} " + "; ".join(f"{r[0] / MM:.1f}-{r[1] / MM:.1f} at {r[2] / MM:.1f}" for r in rules(doc[0])))
    for name, doc in (("baocao", ours), ("LibreOffice", lo)):
        l, r, bot = block_edges(doc)
        print(f"  text block of pages 2..{len(doc)}, {name:11}: left {l:.1f} mm, right {r:.1f} mm, "
              f"bottom {bot:.1f} mm (the decree: 30, 20, 20)")
    os.makedirs(out_dir, exist_ok=True)
    for which, pa, pb in (("page1", 0, 0), ("last", len(ours) - 1, len(lo) - 1)):
        out = fitz.open()
        w = ours[pa].rect.width + lo[pb].rect.width + 10
        page = out.new_page(width=w, height=max(ours[pa].rect.height, lo[pb].rect.height))
        page.show_pdf_page(fitz.Rect(0, 0, ours[pa].rect.width, ours[pa].rect.height), ours, pa)
        x = ours[pa].rect.width + 10
        page.show_pdf_page(fitz.Rect(x, 0, x + lo[pb].rect.width, lo[pb].rect.height), lo, pb)
        path = os.path.join(out_dir, f"drafts-{which}.png")
        page.get_pixmap(dpi=60).save(path)
        print(f"  {path}: baocao's {'page 1' if pa == 0 else f'page {pa + 1}'} (left), "
              f"LibreOffice's of the .docx (right)")


def main():
    print(f"Tây Ninh report ({AGENCY}, {PERIOD}), {runs} runs each, {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        print("baocao render:")
        for fmt in ("pdf", "docx", "odt"):
            render(fmt, os.path.join(tmp, f"tn.{fmt}"))
        print("LibreOffice (soffice --headless --convert-to pdf, one draft per run, fresh profile):")
        for fmt in ("docx", "odt"):
            t = time.perf_counter()
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile-{fmt}", "--headless",
                            "--convert-to", "pdf", "--outdir", f"{tmp}/lo-{fmt}", f"{tmp}/tn.{fmt}"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ms = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile-{fmt}", "--headless",
                            "--convert-to", "pdf", "--outdir", f"{tmp}/lo-{fmt}", f"{tmp}/tn.{fmt}"],
                           check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            ms2 = (time.perf_counter() - t) * 1000
            n = len(fitz.open(f"{tmp}/lo-{fmt}/tn.pdf"))
            print(f"  {fmt:4}: {ms:.0f} ms with a new profile, {ms2:.0f} ms again; {n} pages "
                  f"(baocao's PDF: {len(fitz.open(f'{tmp}/tn.pdf'))})")
        compare(f"{tmp}/tn.pdf", f"{tmp}/lo-docx/tn.pdf")


if __name__ == "__main__":
    main()
