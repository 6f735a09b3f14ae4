#!/usr/bin/env python3
"""tests/e2e/graphics.py: decodes what `baocao preview --terminal` sends
with a terminal graphics protocol and compares it with the PNG preview of
the same page.

    graphics.py kitty OUTPUT PREVIEW.png   the kitty image is that PNG, byte for byte
    graphics.py sixel OUTPUT PREVIEW.png   the sixel image has its size and its
                                           pixels within one of 16 grey steps

Exits 1 with the reason when they differ."""
import base64
import re
import sys

from pixels import read_png


def kitty(out, png_path):
    text = open(out, "rb").read()
    cmds = re.findall(rb"\x1b_G([^;]*);([^\x1b]*)\x1b\\", text)
    assert cmds, "no kitty graphics command"
    keys = dict(kv.split(b"=") for kv in cmds[0][0].split(b","))
    assert keys[b"a"] == b"T" and keys[b"f"] == b"100", keys
    for i, (k, _) in enumerate(cmds):
        more = dict(kv.split(b"=") for kv in k.split(b","))[b"m"]
        assert more == (b"1" if i + 1 < len(cmds) else b"0"), (i, k)
    assert all(len(p) == 4096 for _, p in cmds[:-1]), "chunks of 4096"
    data = base64.b64decode(b"".join(p for _, p in cmds))
    assert data == open(png_path, "rb").read(), "the image is not the PNG"
    print(f"kitty: {len(cmds)} chunks, the PNG's {len(data)} bytes exactly")


def sixel(out, png_path):
    text = open(out, "rb").read().decode("ascii")
    m = re.match(r'\x1bPq"1;1;(\d+);(\d+)', text)
    assert m, "no sixel header with the size"
    w, h = int(m[1]), int(m[2])
    body = text[m.end():text.index("\x1b\\")]
    palette, img = {}, [[None] * w for _ in range(h)]
    colour, x, y0, i = 0, 0, 0, 0
    while i < len(body):
        c = body[i]
        if c == "#":
            m = re.match(r"#(\d+)(;2;(\d+);(\d+);(\d+))?", body[i:])
            colour = int(m[1])
            if m[2]:
                palette[colour] = round(int(m[3]) * 255 / 100)
            i += m.end()
            continue
        if c == "$":
            x = 0
        elif c == "-":
            x, y0 = 0, y0 + 6
        else:
            n = 1
            if c == "!":
                m = re.match(r"!(\d+)(.)", body[i:])
                n, c = int(m[1]), m[2]
                i += m.end() - 1
            bits = ord(c) - 63
            assert 0 <= bits < 64, f"bad sixel character {c!r}"
            for _ in range(n):
                for r in range(6):
                    if bits >> r & 1:
                        assert img[y0 + r][x] is None, f"pixel {x},{y0 + r} drawn twice"
                        img[y0 + r][x] = palette[colour]
                x += 1
        i += 1
    pw, ph, ref = read_png(png_path)
    assert (w, h) == (pw, ph), f"sixel {w}x{h}, PNG {pw}x{ph}"
    worst = 0
    for y in range(h):
        for x in range(w):
            v = img[y][x]
            assert v is not None, f"pixel {x},{y} not drawn"
            worst = max(worst, abs(v - ref[y * w + x]))
    assert worst <= 10, f"a pixel {worst} grey levels off"
    print(f"sixel: {w}x{h}, every pixel drawn once, at most {worst} levels off the PNG")


if __name__ == "__main__":
    {"kitty": kitty, "sixel": sixel}[sys.argv[1]](sys.argv[2], sys.argv[3])
