#!/usr/bin/python3
"""bench/typst/docx2typ.py: turns a .docx draft that `baocao render --format docx` wrote into a Typst document with the same text and layout.

The draft holds the report as baocao lays it out: named paragraph styles
(size, weight, slant, alignment, indents, spacing before and after, exact
line height, a bottom rule), bullets from numbering.xml, borderless
tables for the header block and the signature block, bordered tables for
figures, the section's page size and margins, and the page number in the
header from page 2. Each paragraph becomes a call of `P` below with its
style's values; each table a `table`. Only what baocao's drafts use is
read (one run style per paragraph, no images, no merged cells).

Usage: docx2typ.py DRAFT.docx FAMILY [ATTACHMENT.json] > report.typ
"""
import sys
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def w(el, name):
    return el.find(W + name) if el is not None else None


def val(el, attr="val", default=None):
    if el is None:
        return default
    return el.get(W + attr, default)


def twips(v):
    """Twentieths of a point, as a Typst length."""
    return f"{int(v) / 20:g}pt"


def esc(text):
    """Typst markup for plain text: every character that means something
    in markup escaped."""
    out = []
    for ch in text:
        if ch in "\\#*_`$<>@[]~/=-+.\"'":
            out.append("\\" + ch)
        else:
            out.append(ch)
    # Runs of spaces (the blank number in "Số:        /BC-…") are kept as
    # fixed spaces, as Word keeps them.
    return "".join(out).replace("  ", "~~")


def string(text):
    """A Typst string literal."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Style:
    def __init__(self):
        self.size = 28
        self.b = self.i = False
        self.jc = "left"
        self.left = self.right = self.first = self.hanging = 0
        self.before = self.after = 0
        self.line = None
        self.rule = None
        self.keep = False
        self.num = None

    def merge_ppr(self, ppr):
        if ppr is None:
            return
        sp = w(ppr, "spacing")
        if sp is not None:
            self.before = int(val(sp, "before", self.before))
            self.after = int(val(sp, "after", self.after))
            if val(sp, "lineRule") == "exact":
                self.line = int(val(sp, "line"))
        ind = w(ppr, "ind")
        if ind is not None:
            self.left = int(val(ind, "left", self.left))
            self.right = int(val(ind, "right", self.right))
            self.first = int(val(ind, "firstLine", self.first))
            self.hanging = int(val(ind, "hanging", self.hanging))
        jc = w(ppr, "jc")
        if jc is not None:
            self.jc = val(jc)
        if w(ppr, "keepNext") is not None:
            self.keep = True
        bottom = w(w(ppr, "pBdr"), "bottom")
        if bottom is not None and val(bottom) not in (None, "nil", "none"):
            self.rule = int(val(bottom, "sz", "4")) / 8
        num = w(w(ppr, "numPr"), "numId")
        if num is not None:
            self.num = val(num)

    def merge_rpr(self, rpr):
        if rpr is None:
            return
        if w(rpr, "sz") is not None:
            self.size = int(val(w(rpr, "sz")))
        for tag in ("b", "i"):
            el = w(rpr, tag)
            if el is not None:
                setattr(self, tag, val(el, default="1") not in ("0", "false"))

    def copy(self):
        s = Style()
        s.__dict__.update(self.__dict__)
        return s


def load_styles(z):
    root = ET.fromstring(z.read("word/styles.xml"))
    base = Style()
    defaults = w(root, "docDefaults")
    base.merge_rpr(w(w(defaults, "rPrDefault"), "rPr"))
    base.merge_ppr(w(w(defaults, "pPrDefault"), "pPr"))
    raw = {s.get(W + "styleId"): s for s in root.findall(W + "style")}
    done = {}

    def get(sid):
        if sid in done:
            return done[sid]
        el = raw.get(sid)
        parent = val(w(el, "basedOn")) if el is not None else None
        st = get(parent).copy() if parent and parent in raw else base.copy()
        if el is not None:
            st.merge_ppr(w(el, "pPr"))
            st.merge_rpr(w(el, "rPr"))
            st.table = w(el, "tblPr")
        done[sid] = st
        return st

    return get, base


def load_bullets(z):
    try:
        root = ET.fromstring(z.read("word/numbering.xml"))
    except KeyError:
        return {}
    abstract = {}
    for a in root.findall(W + "abstractNum"):
        lvl = w(a, "lvl")
        abstract[val(a, "abstractNumId")] = val(w(lvl, "lvlText"), default="")
    return {val(n, "numId"): abstract.get(val(w(n, "abstractNumId")), "")
            for n in root.findall(W + "num")}


def paragraph(p, style_of, bullets, base):
    ppr = w(p, "pPr")
    sid = val(w(ppr, "pStyle"))
    st = (style_of(sid) if sid else base).copy()
    st.merge_ppr(ppr)
    text = "".join(t.text or "" for t in p.iter(W + "t"))
    if st.rule is not None and not text:
        # An empty paragraph with a bottom border: a rule as wide as the
        # paragraph, under a line of its line height.
        return (f"#R(line: {twips(st.line or 240)}, after: {twips(st.after)}, "
                f"l: {twips(st.left)}, r: {twips(st.right)}, w: {st.rule:g}pt)")
    if st.num and bullets.get(st.num):
        text = bullets[st.num] + " " + text
    args = [f"size: {st.size / 2:g}pt"]
    if st.b:
        args.append("b: true")
    if st.i:
        args.append("i: true")
    args.append(f"jc: \"{st.jc}\"")
    for name, v in (("l", st.left - st.hanging), ("r", st.right), ("fi", st.first),
                    ("hang", st.hanging), ("before", st.before), ("after", st.after)):
        if v:
            args.append(f"{name}: {twips(v)}")
    if st.line:
        args.append(f"line: {twips(st.line)}")
    if st.keep:
        args.append("keep: true")
    return f"#P({', '.join(args)})[{esc(text)}]"


def table(tbl, style_of, bullets, base):
    tpr = w(tbl, "tblPr")
    tst = style_of(val(w(tpr, "tblStyle"))) if w(tpr, "tblStyle") is not None else None
    borders = False
    mar = {"top": 0, "left": 108, "bottom": 0, "right": 108}
    for pr in (getattr(tst, "table", None), tpr):
        if pr is None:
            continue
        tb = w(pr, "tblBorders")
        if tb is not None:
            borders = any(val(b) not in ("nil", "none") for b in tb)
        cm = w(pr, "tblCellMar")
        if cm is not None:
            for side in mar:
                if w(cm, side) is not None:
                    mar[side] = int(val(w(cm, side), "w"))
    cols = [int(val(g, "w")) for g in w(tbl, "tblGrid").findall(W + "gridCol")]
    indent = int(val(w(tpr, "tblInd"), "w", "0"))
    rows = tbl.findall(W + "tr")
    whole = all(w(w(r, "trPr"), "cantSplit") is not None for r in rows)
    cells = []
    for r in rows:
        for tc in r.findall(W + "tc"):
            body = "\n".join(paragraph(p, style_of, bullets, base) for p in tc.findall(W + "p"))
            cells.append(f"[\n{body}\n]")
    inset = ", ".join(f"{k}: {twips(v)}" for k, v in mar.items())
    return (f"#T(dx: {twips(indent)}, whole: {'true' if whole else 'false'}, "
            f"columns: ({', '.join(twips(c) for c in cols)},), "
            f"stroke: {'0.5pt' if borders else 'none'}, inset: ({inset}),\n"
            + ",\n".join(cells) + ")")


PREAMBLE = r"""// Made by bench/typst/docx2typ.py from baocao's .docx draft: the same text, styles and page.
#let line-box(line) = (top-edge: line * 0.78, bottom-edge: -line * 0.22)
#let P(size: 14pt, b: false, i: false, jc: "left", l: 0pt, r: 0pt, fi: 0pt, hang: 0pt,
       before: 0pt, after: 0pt, line: auto, keep: false, body) = {
  let lh = if line == auto { size * 1.15 } else { line }
  // Word adds the space before to the one after the paragraph above, and
  // keeps it at the top of a table cell: fixed spacing, not a block's
  // "above" (which collapses and is dropped at the top of a container).
  if before > 0pt { v(before, weak: false) }
  block(above: 0pt, below: after, sticky: keep, width: 100%,
        inset: (left: l, right: r), {
    set text(size: size, weight: if b { "bold" } else { "regular" },
             style: if i { "italic" } else { "normal" }, ..line-box(lh))
    set par(leading: 0pt, justify: jc == "both", hanging-indent: hang,
            first-line-indent: (amount: fi, all: true))
    set align(if jc == "center" { center } else if jc == "right" { right } else { left })
    par(body)
  })
}
#let R(line: 3pt, after: 0pt, l: 0pt, r: 0pt, w: 0.5pt) = block(
  above: 0pt, below: after, width: 100%, height: line, inset: (left: l, right: r),
  align(bottom, std.line(length: 100%, stroke: w)))
#let T(dx: 0pt, whole: false, columns: (), stroke: none, inset: 0pt, ..cells) = block(
  breakable: not whole, above: 0pt, below: 0pt,
  move(dx: dx, table(columns: columns, stroke: stroke, inset: inset, ..cells)))
"""


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__.strip().splitlines()[-1])
    family = sys.argv[2]
    z = zipfile.ZipFile(sys.argv[1])
    style_of, base = load_styles(z)
    bullets = load_bullets(z)
    doc = ET.fromstring(z.read("word/document.xml"))
    body = w(doc, "body")
    sect = w(body, "sectPr")
    size, mar = w(sect, "pgSz"), w(sect, "pgMar")
    first_blank = w(sect, "titlePg") is not None
    header_style = style_of("SoTrang")
    out = [PREAMBLE]
    out.append(f'#set document(title: {string(title_of(body))}, date: datetime(year: 2023, month: 11, day: 14))')
    out.append(f'#set text(font: "{family}", lang: "vi", size: {base.size / 2:g}pt)')
    top, header = int(val(mar, "top")), int(val(mar, "header"))
    hline = header_style.line or 340
    number = "counter(page).display()"
    if first_blank:
        number = f"if here().page() > 1 {{ {number} }}"
    out.append(
        f"#set page(width: {twips(val(size, 'w'))}, height: {twips(val(size, 'h'))}, "
        f"margin: (top: {twips(top)}, bottom: {twips(val(mar, 'bottom'))}, "
        f"left: {twips(val(mar, 'left'))}, right: {twips(val(mar, 'right'))}), "
        f"header-ascent: {twips(max(top - header - hline, 0))}, "
        f"header: context P(size: {header_style.size / 2:g}pt, jc: \"center\", "
        f"line: {twips(hline)})[#{number}])")
    if len(sys.argv) == 4:
        out.append(f'#pdf.attach({string(sys.argv[3])}, relationship: "data", '
                   f'mime-type: "application/json", description: "Số liệu của báo cáo (baocao-data 1)")')
    for el in body:
        if el.tag == W + "p":
            out.append(paragraph(el, style_of, bullets, base))
        elif el.tag == W + "tbl":
            out.append(table(el, style_of, bullets, base))
    sys.stdout.write("\n".join(out) + "\n")


def title_of(body):
    """The report's kind and subject (TenLoai, TrichYeu), as the PDF's title."""
    parts = []
    for p in body.iter(W + "p"):
        if val(w(w(p, "pPr"), "pStyle")) in ("TenLoai", "TrichYeu"):
            parts.append("".join(t.text or "" for t in p.iter(W + "t")))
    return " ".join(parts)


if __name__ == "__main__":
    main()
