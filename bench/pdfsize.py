#!/usr/bin/python3
"""bench/pdfsize.py: where a PDF's bytes go, by kind of object: stream data
(content streams, fonts, ToUnicode, encoding CMap, the attached data, XMP,
ICC profile), the objects' own syntax (dictionaries, numbers, "n 0 obj ... endobj"), the
cross-reference table or stream and the trailer. Figures only.

Usage: bench/pdfsize.py FILE.pdf...

Reads the file with qpdf (--show-xref, --json): an object stored in an
object stream counts under "object streams" as a whole, since its bytes are
compressed together with its neighbours.
"""
import json
import re
import subprocess
import sys
from collections import defaultdict


def kind(value, stream, refs):
    """A label for one object from its dictionary and who refers to it."""
    d = stream["dict"] if stream else value if isinstance(value, dict) else {}
    t, st = d.get("/Type"), d.get("/Subtype")
    if stream:
        if "/Length1" in d or refs.get("font"):
            return "stream: font programs"
        if refs.get("tounicode"):
            return "stream: ToUnicode CMaps"
        if refs.get("contents"):
            return "stream: page contents"
        if t == "/EmbeddedFile":
            return "stream: attached data"
        if t == "/Metadata":
            return "stream: XMP metadata"
        if t == "/ObjStm":
            return "object streams"
        if t == "/XRef":
            return "cross-reference stream"
        if t == "/CMap":
            return "stream: encoding CMap"
        if refs.get("cidtogid"):
            return "stream: CIDToGIDMap"
        if "/N" in d:
            return "stream: ICC profile"
        if refs.get("cidset"):
            return "stream: CIDSet"
        return "stream: other"
    if t in ("/StructElem", "/StructTreeRoot") or refs.get("struct") or (
            "/S" in d and "/P" in d):
        return "dict: structure tree"
    if t in ("/Page", "/Pages"):
        return "dict: pages"
    if t in ("/Font", "/FontDescriptor") or refs.get("widths"):
        return "dict: fonts (Type0, CIDFont, descriptor, widths)"
    if refs.get("outline") or "/Dest" in d or "/First" in d:
        return "dict: outline"
    if isinstance(value, int):
        return "number (stream /Length)"
    if t == "/Annot" or "/FT" in d or "/Fields" in d:
        return "dict: signature fields"
    return "dict: other"


def measure(path):
    data = open(path, "rb").read()
    xref = subprocess.run(["qpdf", "--show-xref", path], capture_output=True,
                          text=True, check=True).stdout
    offsets, in_objstm = {}, set()
    for line in xref.splitlines():
        m = re.match(r"(\d+)/(\d+): uncompressed; offset = (\d+)", line)
        if m:
            offsets[int(m.group(1))] = int(m.group(3))
        elif re.match(r"(\d+)/\d+: compressed", line):
            in_objstm.add(int(line.split("/")[0]))
    objs = json.loads(subprocess.run(
        ["qpdf", "--json=2", "--json-stream-data=none", path],
        capture_output=True, text=True, check=True).stdout)["qpdf"][1]
    objs = {int(k.split(":")[1].split()[0]): v for k, v in objs.items()
            if k.startswith("obj:")}

    # Who refers to what: contents, fonts, ToUnicode, the structure tree.
    refs = defaultdict(dict)

    def num(r):
        return int(r.split()[0]) if isinstance(r, str) and r.endswith(" R") else None

    def mark(r, what):
        n = num(r)
        if n is not None:
            refs[n][what] = True

    for n, o in objs.items():
        d = o.get("stream", {}).get("dict") or o.get("value")
        if not isinstance(d, dict):
            continue
        if d.get("/Type") == "/Page":
            c = d.get("/Contents")
            for r in c if isinstance(c, list) else [c]:
                mark(r, "contents")
        for key in ("/FontFile", "/FontFile2", "/FontFile3"):
            mark(d.get(key), "font")
        mark(d.get("/ToUnicode"), "tounicode")
        mark(d.get("/CIDSet"), "cidset")
        mark(d.get("/CIDToGIDMap"), "cidtogid")
        mark(d.get("/W"), "widths")
        if d.get("/Type") in ("/StructTreeRoot", "/StructElem"):
            for key in ("/K", "/ParentTree", "/P"):
                v = d.get(key)
                for r in v if isinstance(v, list) else [v]:
                    if num(r) is not None and objs.get(num(r), {}).get("value", {}) != {}:
                        mark(r, "struct")
            pt = d.get("/ParentTree")
            if num(pt) is not None:
                refs[num(pt)]["struct"] = True
        if d.get("/Type") == "/Outlines" or "/Parent" in d and "/Title" in d:
            refs[n]["outline"] = True
    # Number-tree arrays of the parent tree are plain arrays of refs.
    for n, o in objs.items():
        if refs[n].get("struct"):
            v = o.get("value")
            if isinstance(v, dict):
                for r in v.get("/Nums", [])[1::2]:
                    mark(r, "struct")

    ends = sorted(offsets.values())
    xref_at = data.rfind(b"startxref")
    xref_start = int(data[xref_at + 9:].split()[0])
    bounds = sorted(set(ends + [xref_start, len(data)]))
    nxt = {a: b for a, b in zip(bounds, bounds[1:])}
    sizes = defaultdict(lambda: [0, 0, 0])  # objects, data bytes, syntax bytes
    for n, off in offsets.items():
        span = nxt[off] - off
        o = objs.get(n, {})
        stream = o.get("stream")
        k = kind(o.get("value"), stream, refs[n])
        length = 0
        if stream:
            ln = stream["dict"].get("/Length")
            if isinstance(ln, str):
                ln = objs[num(ln)]["value"]
            length = ln
        sizes[k][0] += 1
        sizes[k][1] += length
        sizes[k][2] += span - length
    if xref_start not in offsets.values():
        sizes["xref table, trailer"] = [0, 0, len(data) - xref_start]
    else:  # a cross-reference stream: only the trailer bytes after it
        pass
    sizes["header"] = [0, 0, min(offsets.values())]
    return len(data), len(offsets) + len(in_objstm), len(in_objstm), sizes


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.strip())
    for path in sys.argv[1:]:
        total, nobj, ncomp, sizes = measure(path)
        print(f"{path}: {total} bytes, {nobj} objects"
              + (f" ({ncomp} in object streams)" if ncomp else ""))
        print(f"  {'':50} {'objects':>7} {'data':>7} {'syntax':>7} {'total':>7}")
        for k, (n, d, s) in sorted(sizes.items(), key=lambda kv: -(kv[1][1] + kv[1][2])):
            print(f"  {k:50} {n:7} {d:7} {s:7} {d + s:7}")
        syntax = sum(s for _, _, s in sizes.values())
        print(f"  {'all stream data':50} {'':7} {total - syntax:7}")
        print(f"  {'all object syntax, xref, trailer':50} {'':7} {'':7} {syntax:7}")


if __name__ == "__main__":
    main()
