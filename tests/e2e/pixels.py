#!/usr/bin/env python3
"""tests/e2e/pixels.py: compares a preview PNG with pdftoppm's PGM of the
same page, pixel by pixel.

    pixels.py PREVIEW.png REFERENCE.pgm MAX_MEAN MIN_WITHIN_PERCENT

Prints the mean absolute difference (grey levels of 255), the share of
pixels within 64 levels, and the largest difference; exits 1 when the sizes
differ, the mean is MAX_MEAN or more, or fewer than MIN_WITHIN_PERCENT of
the pixels are within 64 levels. Reads 8-bit grey non-interlaced PNG (what
baocao writes) with zlib only."""
import struct
import sys
import zlib


def read_png(path):
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path}: not a PNG"
    pos, idat = 8, []
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        pos += 12 + n
        if kind == b"IHDR":
            w, h, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert (depth, colour, interlace) == (8, 0, 0), f"{path}: not 8-bit grey"
        elif kind == b"IDAT":
            idat.append(body)
    raw = zlib.decompress(b"".join(idat))
    out, prev = bytearray(), bytearray(w)
    for y in range(h):
        f = raw[y * (w + 1)]
        line = bytearray(raw[y * (w + 1) + 1:(y + 1) * (w + 1)])
        if f == 1:
            for x in range(1, w):
                line[x] = (line[x] + line[x - 1]) & 255
        elif f == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, prev))
        elif f == 3:
            for x in range(w):
                line[x] = (line[x] + ((line[x - 1] if x else 0) + prev[x]) // 2) & 255
        elif f == 4:
            for x in range(w):
                a, b, c = (line[x - 1] if x else 0), prev[x], (prev[x - 1] if x else 0)
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out += line
        prev = line
    return w, h, bytes(out)


def read_pgm(path):
    magic, size, maxval, px = open(path, "rb").read().split(b"\n", 3)
    assert magic == b"P5" and maxval == b"255", f"{path}: not an 8-bit PGM"
    w, h = map(int, size.split())
    return w, h, px


def main():
    png, pgm, max_mean, min_within = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
    a, b = read_png(png), read_pgm(pgm)
    if a[:2] != b[:2]:
        print(f"size {a[0]} x {a[1]}, pdftoppm's {b[0]} x {b[1]}")
        return 1
    diffs = [abs(x - y) for x, y in zip(a[2], b[2])]
    mean = sum(diffs) / len(diffs)
    within = 100 * sum(d <= 64 for d in diffs) / len(diffs)
    print(f"{a[0]} x {a[1]}: mean difference {mean:.3f} levels, {within:.4f}% within 64, largest {max(diffs)}")
    return 0 if mean < max_mean and within >= min_within else 1


if __name__ == "__main__":
    sys.exit(main())
