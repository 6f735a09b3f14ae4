#!/usr/bin/python3
"""src/pdf/make_srgb_icc.py: writes src/pdf/sRGB.icc, the compact sRGB profile.

Usage: src/pdf/make_srgb_icc.py [OUT.icc]
       src/pdf/make_srgb_icc.py --check FILE.icc...

The profile is the ICC v2 display profile (matrix/TRC) of the PDF/A
output intent. Everything in it comes from the published definition of
sRGB (IEC 61966-2-1; the ICC's "sRGB profile making" notes): the
primaries and the D65 white as x, y chromaticities, adapted to the
PCS's D50 with the Bradford matrix for the colorants; the tone curve is
the sRGB transfer function as a `curv` of POINTS values, chosen by least
squares so that the linear interpolation every reader applies between
them follows the function to 0.035 of an 8-bit code value (the 1024
sampled points of the usual profiles: 0.025). The three TRC tags share
one curve; tags do not overlap. The output is the same bytes on every
run (fixed date). --check prints each FILE's colorants and how far its
curve is from the sRGB function, in 8-bit code values.
"""
import struct
import sys

POINTS = 128
DATE = (2026, 12, 3, 0, 0, 0)

PRIMARIES = ((0.64, 0.33), (0.30, 0.60), (0.15, 0.06))  # R, G, B
D65 = (0.3127, 0.3290)
D50 = (0.9642, 1.0, 0.8249)  # the PCS illuminant (ICC.1 7.2.16)
BRADFORD = ((0.8951, 0.2664, -0.1614),
            (-0.7502, 1.7135, 0.0367),
            (0.0389, -0.0685, 1.0296))


def xyz(xy):
    x, y = xy
    return (x / y, 1.0, (1 - x - y) / y)


def mat_vec(m, v):
    return tuple(sum(m[i][k] * v[k] for k in range(3)) for i in range(3))


def mat_mul(a, b):
    return tuple(tuple(sum(a[i][k] * b[k][j] for k in range(3))
                       for j in range(3)) for i in range(3))


def inverse(m):
    (a, b, c), (d, e, f), (g, h, i) = m
    det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
    return ((( e * i - f * h) / det, -(b * i - c * h) / det, ( b * f - c * e) / det),
            (-(d * i - f * g) / det, ( a * i - c * g) / det, -(a * f - c * d) / det),
            (( d * h - e * g) / det, -(a * h - b * g) / det, ( a * e - b * d) / det))


def colorants():
    """The RGB to XYZ matrix for D65 white, Bradford-adapted to D50:
    its columns are rXYZ, gXYZ, bXYZ."""
    p = [xyz(c) for c in PRIMARIES]
    w = xyz(D65)
    pm = tuple(tuple(p[j][i] for j in range(3)) for i in range(3))
    s = mat_vec(inverse(pm), w)
    m = tuple(tuple(pm[i][j] * s[j] for j in range(3)) for i in range(3))
    lw, ld = mat_vec(BRADFORD, w), mat_vec(BRADFORD, D50)
    scale = tuple(tuple((ld[i] / lw[i]) if i == j else 0.0 for j in range(3))
                  for i in range(3))
    adapt = mat_mul(inverse(BRADFORD), mat_mul(scale, BRADFORD))
    a = mat_mul(adapt, m)
    return [tuple(a[i][j] for i in range(3)) for j in range(3)]


def srgb_to_linear(v):
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def linear_to_srgb(y):
    return 12.92 * y if y <= 0.0031308 else 1.055 * y ** (1 / 2.4) - 0.055


def fit_curve(n, samples=1 << 16):
    """Least-squares values at n equally spaced inputs for a piecewise
    linear curve through them: the normal equations are tridiagonal."""
    diag, off, rhs = [0.0] * n, [0.0] * n, [0.0] * n
    for s in range(samples + 1):
        x = s / samples
        t = x * (n - 1)
        i = min(int(t), n - 2)
        f = t - i
        y = srgb_to_linear(x)
        diag[i] += (1 - f) ** 2
        diag[i + 1] += f * f
        off[i] += (1 - f) * f
        rhs[i] += (1 - f) * y
        rhs[i + 1] += f * y
    # Thomas algorithm
    c, d = [0.0] * n, [0.0] * n
    c[0], d[0] = off[0] / diag[0], rhs[0] / diag[0]
    for i in range(1, n):
        den = diag[i] - off[i - 1] * c[i - 1]
        c[i] = off[i] / den if i < n - 1 else 0.0
        d[i] = (rhs[i] - off[i - 1] * d[i - 1]) / den
    v = [0.0] * n
    v[-1] = d[-1]
    for i in range(n - 2, -1, -1):
        v[i] = d[i] - c[i] * v[i + 1]
    v[0], v[-1] = 0.0, 1.0
    return [min(65535, max(0, round(y * 65535))) for y in v]


def s15(v):
    return struct.pack(">i", round(v * 65536))


def tag_xyz(v):
    return b"XYZ " + bytes(4) + b"".join(s15(c) for c in v)


def tag_desc(text):
    a = text.encode("ascii") + b"\0"
    return (b"desc" + bytes(4) + struct.pack(">I", len(a)) + a +
            bytes(4) + bytes(4) + bytes(2) + bytes(1) + bytes(67))


def tag_text(text):
    return b"text" + bytes(4) + text.encode("ascii") + b"\0"


def tag_curv(values):
    return (b"curv" + bytes(4) + struct.pack(">I", len(values)) +
            b"".join(struct.pack(">H", v) for v in values))


def profile():
    r, g, b = colorants()
    trc = tag_curv(fit_curve(POINTS))
    tags = [(b"desc", tag_desc("sRGB")),
            (b"cprt", tag_text("Public domain (CC0 1.0)")),
            (b"wtpt", tag_xyz(xyz(D65))),
            (b"rXYZ", tag_xyz(r)), (b"gXYZ", tag_xyz(g)),
            (b"bXYZ", tag_xyz(b)),
            (b"rTRC", trc), (b"gTRC", trc), (b"bTRC", trc)]
    offset = 128 + 4 + 12 * len(tags)
    table, data, placed = [], b"", {}
    for sig, body in tags:
        if body not in placed:  # the TRCs share one curve
            placed[body] = offset + len(data)
            data += body + bytes(-len(body) % 4)
        table.append(struct.pack(">4sII", sig, placed[body], len(body)))
    size = offset + len(data)
    header = (struct.pack(">I", size) + bytes(4) +
              struct.pack(">I", 0x02100000) + b"mntr" + b"RGB " + b"XYZ " +
              struct.pack(">6H", *DATE) + b"acsp" + bytes(4) +
              bytes(4) + bytes(4) + bytes(4) + bytes(8) +
              struct.pack(">I", 0) + b"".join(s15(c) for c in D50) +
              bytes(4) + bytes(44))
    assert len(header) == 128
    return header + struct.pack(">I", len(tags)) + b"".join(table) + data


def check(path):
    d = open(path, "rb").read()
    n = struct.unpack(">I", d[128:132])[0]
    for i in range(n):
        sig, off, _ = struct.unpack(">4sII", d[132 + 12 * i:144 + 12 * i])
        kind = d[off:off + 4]
        if kind == b"XYZ ":
            v = [struct.unpack(">i", d[off + 8 + 4 * k:off + 12 + 4 * k])[0]
                 / 65536 for k in range(3)]
            print(f"{sig.decode()}: {v[0]:.5f} {v[1]:.5f} {v[2]:.5f}")
        elif kind == b"curv" and sig == b"rTRC":
            cnt = struct.unpack(">I", d[off + 8:off + 12])[0]
            pts = [struct.unpack(">H", d[off + 12 + 2 * k:off + 14 + 2 * k])[0]
                   / 65535 for k in range(cnt)]

            def curve(x):
                t = x * (cnt - 1)
                j = min(int(t), cnt - 2)
                return pts[j] + (pts[j + 1] - pts[j]) * (t - j)
            worst = max(abs(linear_to_srgb(max(curve(s / 4095), 0)) - s / 4095)
                        for s in range(4096)) * 255
            print(f"TRC: {cnt} points, off the sRGB function by at most "
                  f"{worst:.4f} of 255 (8-bit code values)")
    print(f"{len(d)} bytes")


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--check"]:
        for p in args[1:]:
            print(p)
            check(p)
    else:
        out = args[0] if args else "src/pdf/sRGB.icc"
        with open(out, "wb") as f:
            f.write(profile())
