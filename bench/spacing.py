#!/usr/bin/python3
"""bench/spacing.py: interword spacing of justified lines, read from PDFs
with PyMuPDF (python3-fitz), the way issue 19 measured it: for each body
line that ends at the right edge of the text block, the mean gap between
its words divided by the natural space (0,25 em of the size); then, per
PDF, the median and 95th percentile of that ratio, the lines over 1,5x and
over 1,6x, and the overfull lines (ink past the right edge). Figures only,
never pass/fail.

Usage: bench/spacing.py FILE.pdf ...      (one line of figures per file)
       bench/spacing.py --json FILE.pdf   (the same as JSON, for tests)
"""
import json
import statistics
import sys

import fitz

LEFT = 30 * 72 / 25.4    # margins of bc_frame_default, portrait A4
RIGHT = 595.28 - 20 * 72 / 25.4
SPACE_EM = 0.25          # Liberation Serif's space, all four faces
BODY_SIZE = 13.9         # body text is 14 pt (the header and tables are smaller)


def page_lines(page):
    """Characters of a page grouped by baseline, each line sorted by x."""
    rows = {}
    raw = page.get_text("rawdict")
    for block in raw["blocks"]:
        for line in block.get("lines", []):
            for span in line["spans"]:
                for ch in span["chars"]:
                    y = round(ch["origin"][1] * 2) / 2
                    rows.setdefault(y, []).append((ch["bbox"][0], ch["bbox"][2], ch["c"], span["size"]))
    return [sorted(chars) for _, chars in sorted(rows.items())]


def measure(path):
    ratios, overfull, lines = [], 0, 0
    with fitz.open(path) as doc:
        for page in doc:
            if page.rect.width > page.rect.height:
                continue  # landscape phụ lục: tables only
            for chars in page_lines(page):
                ink = [c for c in chars if c[2] != " "]
                if not ink or ink[0][0] < LEFT - 1 or min(c[3] for c in ink) < BODY_SIZE:
                    continue  # the header block, tables, Nơi nhận, page numbers
                lines += 1
                if ink[-1][1] > RIGHT + 0.5:
                    overfull += 1
                if abs(ink[-1][1] - RIGHT) > 0.5:
                    continue  # not justified: a last line, ragged text
                gaps, size, prev_end, in_space = [], chars[0][3], None, False
                for x0, x1, c, sz in chars:
                    if c == " ":
                        in_space = prev_end is not None
                        size = sz
                        continue
                    if in_space:
                        gaps.append((x0 - prev_end) / (SPACE_EM * size))
                        in_space = False
                    prev_end = x1
                if gaps:
                    ratios.append(statistics.mean(gaps))
    ratios.sort()
    p95 = ratios[min(len(ratios) - 1, int(round(0.95 * (len(ratios) - 1))))] if ratios else 0
    return {
        "file": path,
        "lines": lines,
        "justified": len(ratios),
        "median": round(statistics.median(ratios), 3) if ratios else 0,
        "p95": round(p95, 3),
        "max": round(ratios[-1], 3) if ratios else 0,
        "over_1_5": sum(r > 1.5 for r in ratios),
        "over_1_6": sum(r > 1.6 for r in ratios),
        "overfull": overfull,
    }


def main():
    args = sys.argv[1:]
    as_json = "--json" in args
    files = [a for a in args if a != "--json"]
    if not files:
        sys.exit(__doc__)
    results = [measure(f) for f in files]
    if as_json:
        print(json.dumps(results))
        return
    for r in results:
        print(f'{r["file"]}: {r["justified"]} justified lines, spaces median {r["median"]:.2f}x, '
              f'p95 {r["p95"]:.2f}x, max {r["max"]:.2f}x, {r["over_1_5"]} over 1.5x, '
              f'{r["over_1_6"]} over 1.6x, {r["overfull"]} overfull')


if __name__ == "__main__":
    main()
