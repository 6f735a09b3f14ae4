#!/usr/bin/python3
"""tests/e2e/drafts.py: reads baocao's editable drafts (.docx, .odt) back
with the libraries staff's tools are built on, and compares them with the
PDF baocao renders from the same data.

Usage:
  drafts.py package DRAFT
      the zip and its XML: every XML part well-formed (xmllint); a .docx's
      content types and relationships name parts that exist; an .odt's
      mimetype first, stored, without extra field, and a manifest that
      lists every file of the package and nothing else.
  drafts.py structure DRAFT REPORT.pdf EPOCH
      opens the draft with python-docx or odfpy and checks its named
      styles (sizes, weights, spacing of the PDF), that no paragraph or
      run carries direct formatting, its sections or page sequences (one
      per phụ lục, landscape where the PDF's is, numbered from 1, no
      number on their first page), the header parts with the page number,
      table header rows and rows kept whole, the headings (the PDF's
      outline), the document properties and the report's data (the PDF's
      baocao-data.json, byte for byte).
  drafts.py pages REPORT.pdf CONVERTED.pdf
      LibreOffice's page count within one of baocao's; A4; the page number
      centred in the top margin from the second page of the report and of
      each phụ lục, counted from 1 in each; phụ lục landscape where the
      PDF's are.
  drafts.py text REPORT.pdf CONVERTED.pdf DRAFT
      every character the PDF shows below the page-number area, in the
      PDF's order, is in LibreOffice's PDF of the draft, in that order and
      nothing else (whitespace aside; the table header rows that repeat on
      each page are taken out of both, since the two may break pages in
      different places).
  drafts.py kept REPORT.pdf SAVED
      SAVED, a draft LibreOffice opened and saved again (.docx or .odt),
      still carries the PDF's baocao-data.json.
  drafts.py report REPORT.pdf LO_DIR EPOCH
      all four for REPORT.docx and REPORT.odt (beside REPORT.pdf) and
      LibreOffice's LO_DIR/REPORT-docx.pdf and REPORT-odt.pdf, in one
      process: an "ok:" or "FAIL:" line for each.
Prints what it checked; exits 1 with the first difference.
"""
import datetime
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

import fitz  # PyMuPDF

MM = 72 / 25.4
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class CheckFailed(Exception):
    pass


def fail(msg):
    raise CheckFailed(msg)


def check(cond, msg):
    if not cond:
        fail(msg)


def pdf_facts(pdf_path):
    """What the PDF says the draft must have: its headings (outline), its
    phụ lục with their orientation, title, author and data file."""
    doc = fitz.open(pdf_path)
    headings, appendices = [], []
    for level, title, page in doc.get_toc():
        if title.startswith("Phụ lục"):
            p = doc[page - 1]
            appendices.append(p.rect.width > p.rect.height)
        else:
            headings.append(" ".join(title.split()))
    data = doc.embfile_get("baocao-data.json") if doc.embfile_count() else None
    return dict(headings=headings, appendices=appendices, data=data,
                title=doc.metadata["title"], author=doc.metadata["author"])


# ---- package ----

def xml_parts(z):
    return [n for n in z.namelist() if n.endswith(".xml") or n.endswith(".rels")]


def package(path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    check(len(names) == len(set(names)), "duplicate entries")
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for i, n in enumerate(xml_parts(z)):
            files.append(f"{tmp}/{i}.xml")
            open(files[-1], "wb").write(z.read(n))
        r = subprocess.run(["xmllint", "--noout"] + files, capture_output=True)
        check(r.returncode == 0 and not r.stderr,
              f"not well-formed XML ({xml_parts(z)}): {r.stderr.decode()[:300]}")
    if path.endswith(".odt"):
        first = z.infolist()[0]
        check(first.filename == "mimetype", f"first entry is {first.filename}, not mimetype")
        check(first.compress_type == zipfile.ZIP_STORED, "mimetype is compressed")
        check(first.extra == b"", "mimetype has an extra field")
        check(z.read("mimetype") == b"application/vnd.oasis.opendocument.text",
              f"mimetype is {z.read('mimetype')!r}")
        m = ET.fromstring(z.read("META-INF/manifest.xml"))
        NS = "{urn:oasis:names:tc:opendocument:xmlns:manifest:1.0}"
        entries = {e.get(NS + "full-path"): e.get(NS + "media-type") for e in m}
        check(entries.get("/") == "application/vnd.oasis.opendocument.text",
              "manifest: no root entry with the document's media type")
        listed = set(entries) - {"/"}
        stored = set(names) - {"mimetype", "META-INF/manifest.xml"}
        check(listed == stored, f"manifest lists {sorted(listed)}, package has {sorted(stored)}")
        check(all(entries.values()), "manifest entry without media type")
        print(f"package: {len(names)} entries, {len(xml_parts(z))} XML parts well-formed; "
              "mimetype first, stored, no extra field; manifest lists every file")
    else:
        check(names[0] == "[Content_Types].xml", "[Content_Types].xml is not first")
        ct = ET.fromstring(z.read("[Content_Types].xml"))
        over = {e.get("PartName").lstrip("/") for e in ct if e.tag.endswith("Override")}
        check(over <= set(names), f"content types name missing parts: {over - set(names)}")
        for rels in [n for n in names if n.endswith(".rels")]:
            base = rels.replace("_rels/", "").rsplit(".rels", 1)[0]
            folder = base.rsplit("/", 1)[0] + "/" if "/" in base else ""
            for r in ET.fromstring(z.read(rels)):
                target = r.get("Target")
                parts = (folder + target).split("/")
                out = []
                for p in parts:
                    if p == "..":
                        out.pop()
                    elif p:
                        out.append(p)
                check("/".join(out) in names, f"{rels}: target {target} is not in the package")
        print(f"package: {len(names)} entries, {len(xml_parts(z))} XML parts well-formed; "
              "every content type and relationship names a part that exists")


# ---- structure: .docx ----

def docx_structure(path, facts, epoch):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH as A, WD_LINE_SPACING
    from docx.shared import Mm, Pt
    d = docx.Document(path)
    styles = {s.name: s for s in d.styles}

    def pstyle(name, size, bold=False, italic=False, align=None):
        check(name in styles, f"no style '{name}'")
        s = styles[name]
        check(s.font.size == Pt(size), f"{name}: size {s.font.size.pt if s.font.size else None}, not {size}")
        check(bool(s.font.bold) == bold and bool(s.font.italic) == italic,
              f"{name}: bold {s.font.bold} italic {s.font.italic}")
        if align is not None:
            check(s.paragraph_format.alignment == align, f"{name}: alignment {s.paragraph_format.alignment}")
        return s

    body = pstyle("Nội dung", 14, align=A.JUSTIFY).paragraph_format
    check(abs(body.first_line_indent - Mm(12.7)) < Mm(0.05), "Nội dung: first-line indent")
    check(body.line_spacing_rule == WD_LINE_SPACING.EXACTLY and body.line_spacing == Pt(17),
          "Nội dung: line spacing not exactly 17 pt")
    check(body.space_after == Pt(6), "Nội dung: space after not 6 pt")
    for k in range(1, 5):
        h = pstyle(f"Tiêu đề {k}", 14, bold=True, italic=k == 4,
                   align=A.CENTER if k == 1 else A.LEFT)
        check(h.paragraph_format.keep_with_next, f"Tiêu đề {k}: not kept with next")
        lvl = h.element.find(f"{W}pPr/{W}outlineLvl")
        check(lvl is not None and lvl.get(W + "val") == str(k - 1), f"Tiêu đề {k}: outline level")
    for name in ("Gạch đầu dòng", "Dấu cộng", "Chấm tròn"):
        check(styles[name].element.find(f"{W}pPr/{W}numPr") is not None, f"{name}: no list")
    pstyle("Cơ quan chủ quản", 13, align=A.CENTER)
    pstyle("Cơ quan ban hành", 13, bold=True, align=A.CENTER)
    pstyle("Quốc hiệu", 12, bold=True, align=A.CENTER)
    pstyle("Tiêu ngữ", 13, bold=True, align=A.CENTER)
    pstyle("Số, ký hiệu", 13, align=A.CENTER)
    pstyle("Địa danh, ngày tháng", 14, italic=True, align=A.CENTER)
    pstyle("Tên loại văn bản", 14, bold=True, align=A.CENTER)
    pstyle("Trích yếu", 14, bold=True, align=A.CENTER)
    pstyle("Nơi nhận", 12, bold=True, italic=True)
    pstyle("Nơi nhận - từng nơi", 11)
    pstyle("Chức vụ người ký", 14, bold=True, align=A.CENTER)
    signer = pstyle("Họ tên người ký", 14, bold=True, align=A.CENTER)
    check(abs(signer.paragraph_format.space_before - Mm(30)) < Mm(0.1), "no 30 mm blank for the signature")
    pstyle("Phụ lục", 14, bold=True, align=A.CENTER)
    pstyle("Kèm theo văn bản", 14, italic=True, align=A.CENTER)
    for name, b, i in (("Đậm", True, False), ("Nghiêng", False, True), ("Đậm nghiêng", True, True)):
        check(name in styles and bool(styles[name].font.bold) == b and bool(styles[name].font.italic) == i,
              f"character style {name}")
    fonts = d.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}rFonts")
    check(fonts is not None and fonts.get(W + "ascii") == "Times New Roman"
          and fonts.get(W + "hAnsi") == "Times New Roman", "the default font is not Times New Roman")

    # No direct formatting: paragraphs name a style and carry at most the
    # insets of centred header texts; runs name a character style only.
    body_el = d.element.body
    paras = body_el.iter(W + "p")
    allowed = {W + "pStyle", W + "ind", W + "keepNext", W + "sectPr"}
    n_para = keep = 0
    for p in paras:
        n_para += 1
        ppr = p.find(W + "pPr")
        check(ppr is not None and ppr.find(W + "pStyle") is not None, "a paragraph without a style")
        extra = {c.tag for c in ppr} - allowed
        check(not extra, f"direct paragraph formatting: {extra}")
        keep += ppr.find(W + "keepNext") is not None
        for r in p.iter(W + "r"):
            tags = {c.tag for c in r.find(W + "rPr")} if r.find(W + "rPr") is not None else set()
            check(tags <= {W + "rStyle"}, f"direct run formatting: {tags}")
    check(keep <= 1, f"{keep} paragraphs kept with the next (only the closing one may be)")

    # Headings: the PDF's outline.
    heads = [" ".join(p.text.split()) for p in d.paragraphs if p.style.name.startswith("Tiêu đề ")]
    check(heads == facts["headings"], f"headings {heads[:5]}... are not the PDF's outline {facts['headings'][:5]}...")

    # Sections: the report, then one per phụ lục.
    secs = d.sections
    check(len(secs) == 1 + len(facts["appendices"]),
          f"{len(secs)} sections for {len(facts['appendices'])} phụ lục")
    for i, s in enumerate(secs):
        land = i > 0 and facts["appendices"][i - 1]
        w, h = (Mm(297), Mm(210)) if land else (Mm(210), Mm(297))
        check(abs(s.page_width - w) < Mm(0.1) and abs(s.page_height - h) < Mm(0.1),
              f"section {i + 1}: page {s.page_width.mm:.1f} x {s.page_height.mm:.1f} mm")
        check(abs(s.top_margin - Mm(20)) < Mm(0.1) and abs(s.bottom_margin - Mm(20)) < Mm(0.1)
              and abs(s.left_margin - Mm(30)) < Mm(0.1) and abs(s.right_margin - Mm(20)) < Mm(0.1),
              f"section {i + 1}: margins")
        check(s.different_first_page_header_footer, f"section {i + 1}: the first page shows its number")
        num = s._sectPr.find(W + "pgNumType")
        check(num is not None and num.get(W + "start") == "1", f"section {i + 1}: not numbered from 1")
        if i == 0:
            hdr = s.header._element
            fields = [f.get(W + "instr").strip() for f in hdr.iter(W + "fldSimple")]
            check(fields == ["PAGE"], f"the header's fields: {fields}")
            check(s.header.paragraphs[0].style.name == "Số trang", "page number style")
            check(not s.first_page_header.is_linked_to_previous and
                  not "".join(p.text for p in s.first_page_header.paragraphs).strip() and
                  not list(s.first_page_header._element.iter(W + "fldSimple")),
                  "the first page's header is not empty")
        else:
            check(s.header.is_linked_to_previous and s.first_page_header.is_linked_to_previous,
                  f"section {i + 1} has headers of its own")
        for f in (s.footer, s.first_page_footer):
            check(not "".join(p.text for p in f.paragraphs).strip(), "text in a footer")

    # Tables: header and closing blocks borderless, data tables with
    # repeated header rows and rows kept whole.
    tables = d.tables
    check(len(tables) >= 2 and tables[0].style.name == "Bảng không viền",
          "no borderless header table")
    ind = tables[0]._tbl.tblPr.find(W + "tblInd")
    check(ind is not None and int(ind.get(W + "w")) < 0, "the header block does not hang into the margin")
    data = [t for t in tables if t.style.name == "Bảng số liệu"]
    check(len(data) == len(tables) - 2, "a table that is neither frame nor data")
    heads_rows = 0
    for t in data:
        flags = []
        for row in t.rows:
            trpr = row._tr.trPr
            check(trpr is not None and trpr.find(W + "cantSplit") is not None, "a row that may split")
            flags.append(trpr.find(W + "tblHeader") is not None)
        n = flags.index(False) if False in flags else len(flags)
        check(n >= 1 and not any(flags[n:]), f"header row flags {flags[:4]}...")
        heads_rows += n
    cp = d.core_properties
    check(cp.title == facts["title"] and cp.author == facts["author"],
          f"title/author {cp.title!r} / {cp.author!r}")
    want = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).replace(tzinfo=None)
    check(cp.created == want and cp.modified == want, f"created {cp.created}, not {want}")
    z = zipfile.ZipFile(path)
    check(facts["data"] is not None and docx_custom_data(path) == facts["data"],
          "the custom XML part is not the PDF's baocao-data.json")
    print(f"docx: {len(styles)} styles as the PDF sets them; {n_para} paragraphs, each in a named "
          f"style, no direct formatting; {len(heads)} headings = the PDF's outline; "
          f"{len(secs)} section(s) {['landscape' if x else 'portrait' for x in facts['appendices']]} "
          f"for phụ lục, each numbered from 1 with no number on its first page; "
          f"{len(data)} data table(s), {heads_rows} header row(s) repeated, rows kept whole; "
          f"title, author, dates; baocao-data.json ({len(facts['data'])} bytes) as a custom XML part")


# ---- structure: .odt ----

def odt_structure(path, facts, epoch):
    from odf.opendocument import load
    from odf import style, table, text
    from odf.namespaces import STYLENS, FONS, TEXTNS
    d = load(path)
    named = {}
    for s in d.styles.getElementsByType(style.Style):
        named[s.getAttribute("displayname") or s.getAttribute("name")] = s

    def props(s, kind):
        el = s.getElementsByType(kind)
        return el[0] if el else None

    def pstyle(name, size, bold=False, italic=False, align=None):
        check(name in named, f"no style '{name}'")
        s = named[name]
        tp = props(s, style.TextProperties)
        check(tp.getAttrNS(FONS, "font-size") == f"{size}pt", f"{name}: size {tp.getAttrNS(FONS, 'font-size')}")
        check((tp.getAttrNS(FONS, "font-weight") == "bold") == bold, f"{name}: weight")
        check((tp.getAttrNS(FONS, "font-style") == "italic") == italic, f"{name}: style")
        pp = props(s, style.ParagraphProperties)
        if align:
            check(pp.getAttrNS(FONS, "text-align") == align, f"{name}: align {pp.getAttrNS(FONS, 'text-align')}")
        return pp

    pp = pstyle("Nội dung", 14, align="justify")
    check(pp.getAttrNS(FONS, "text-indent") == "36pt", "Nội dung: first-line indent")  # 12.7 mm
    check(pp.getAttrNS(FONS, "line-height") == "17pt", "Nội dung: line height")
    check(pp.getAttrNS(FONS, "margin-bottom") == "6pt", "Nội dung: space after")
    check(pp.getAttrNS(FONS, "widows") == "2" and pp.getAttrNS(FONS, "orphans") == "2", "widows/orphans")
    for k in range(1, 5):
        hp = pstyle(f"Tiêu đề {k}", 14, bold=True, italic=k == 4, align="center" if k == 1 else "start")
        check(hp.getAttrNS(FONS, "keep-with-next") == "always", f"Tiêu đề {k}: keep with next")
        check(named[f"Tiêu đề {k}"].getAttrNS(STYLENS, "default-outline-level") == str(k), "outline level")
    pstyle("Cơ quan ban hành", 13, bold=True, align="center")
    pstyle("Cơ quan chủ quản", 13, align="center")
    pstyle("Quốc hiệu", 12, bold=True, align="center")
    pstyle("Tiêu ngữ", 13, bold=True, align="center")
    pstyle("Số, ký hiệu", 13, align="center")
    pstyle("Địa danh, ngày tháng", 14, italic=True, align="center")
    pstyle("Trích yếu", 14, bold=True, align="center")
    pstyle("Nơi nhận", 12, bold=True, italic=True)
    pstyle("Nơi nhận - từng nơi", 11)
    pstyle("Chức vụ người ký", 14, bold=True, align="center")
    sp = pstyle("Họ tên người ký", 14, bold=True, align="center")
    check(abs(float(sp.getAttrNS(FONS, "margin-top")[:-2]) - 30 * MM) < 0.1, "no 30 mm blank for the signature")
    for name in ("Đậm", "Nghiêng", "Đậm nghiêng"):
        check(name in named and named[name].getAttrNS(STYLENS, "family") == "text", f"text style {name}")
    lists = {l.getAttrNS(STYLENS, "display-name") for l in d.styles.getElementsByType(text.ListStyle)}
    check({"Gạch đầu dòng", "Dấu cộng", "Chấm tròn"} <= lists, f"list styles {lists}")
    defaults = [s for s in d.styles.getElementsByType(style.DefaultStyle)
                if s.getAttrNS(STYLENS, "family") == "paragraph"]
    check(props(defaults[0], style.TextProperties).getAttrNS(STYLENS, "font-name") == "Times New Roman",
          "the default font is not Times New Roman")

    # Master pages: the first page has no number; the others show it.
    masters = {m.getAttrNS(STYLENS, "name"): m for m in d.masterstyles.getElementsByType(style.MasterPage)}
    for first, rest in (("TrangDau", "Standard"), ("TrangNgangDau", "TrangNgang")):
        check(not masters[first].getElementsByType(style.Header), f"{first} has a header")
        check(masters[first].getAttrNS(STYLENS, "next-style-name") == rest, f"{first} is not followed by {rest}")
        check(masters[rest].getElementsByType(text.PageNumber), f"{rest} shows no page number")

    # No direct formatting: automatic styles only inset, keep or start a
    # page sequence; spans use the named text styles.
    autos = {s.getAttrNS(STYLENS, "name"): s for s in d.automaticstyles.getElementsByType(style.Style)}
    allowed = {(FONS, "margin-left"), (FONS, "margin-right"), (FONS, "keep-with-next"), (STYLENS, "page-number")}
    n_para = 0
    for el in d.text.getElementsByType(text.P) + d.text.getElementsByType(text.H):
        n_para += 1
        name = el.getAttrNS(TEXTNS, "style-name")
        if name in autos:
            s = autos[name]
            check(s.getAttrNS(STYLENS, "parent-style-name") in {x.getAttrNS(STYLENS, "name") for x in named.values()},
                  f"{name}: not based on a named style")
            check(not s.getElementsByType(style.TextProperties), f"{name}: direct text formatting")
            for p in s.getElementsByType(style.ParagraphProperties):
                check(set(p.attributes) <= allowed, f"{name}: direct formatting {set(p.attributes) - allowed}")
        else:
            check(name in {x.getAttrNS(STYLENS, "name") for x in named.values()}, f"paragraph style {name}?")
    for sp_el in d.text.getElementsByType(text.Span):
        check(sp_el.getAttrNS(TEXTNS, "style-name") in ("Dam", "Nghieng", "DamNghieng"), "a span in an automatic style")

    # The first table starts the first page; each phụ lục starts a page
    # sequence numbered from 1, landscape where the PDF's is.
    tables = d.text.getElementsByType(table.Table)
    t1 = autos[tables[0].getAttrNS(table.TABLENS, "style-name")]
    check(t1.getAttrNS(STYLENS, "master-page-name") == "TrangDau", "the report does not start on TrangDau")
    starts = []
    for el in d.text.getElementsByType(text.P):
        s = autos.get(el.getAttrNS(TEXTNS, "style-name"))
        if s is not None and s.getAttrNS(STYLENS, "master-page-name"):
            pp = props(s, style.ParagraphProperties)
            check(pp.getAttrNS(STYLENS, "page-number") == "1", "a phụ lục not numbered from 1")
            check(s.getAttrNS(STYLENS, "parent-style-name") == "PhuLuc", "a page sequence not starting at a phụ lục")
            starts.append(s.getAttrNS(STYLENS, "master-page-name") == "TrangNgangDau")
    check(starts == facts["appendices"], f"phụ lục orientations {starts}, PDF {facts['appendices']}")

    heads = []
    for h in d.text.getElementsByType(text.H):
        heads.append(" ".join(str(h).split()))
    check(heads == facts["headings"], f"headings {heads[:5]}... are not the PDF's outline")

    # Frame tables: the first (header) and the closing one (after the body,
    # before any phụ lục); data tables have header rows.
    frame_names = {tables[0].getAttrNS(table.TABLENS, "name")}
    for t in tables:
        if not t.getElementsByType(table.TableHeaderRows):
            frame_names.add(t.getAttrNS(table.TABLENS, "name"))
    check(len(frame_names) == 2, f"{len(frame_names)} tables without header rows (the frame has 2)")
    data = [t for t in tables if t.getAttrNS(table.TABLENS, "name") not in frame_names]
    rows_ok = all(r.getAttrNS(table.TABLENS, "style-name") == "DongLien"
                  for t in tables for r in t.getElementsByType(table.TableRow))
    check(rows_ok, "a row that may split")
    keep = autos["DongLien"]
    check(props(keep, style.TableRowProperties).getAttrNS(FONS, "keep-together") == "always", "rows may split")

    z = zipfile.ZipFile(path)
    meta = z.read("meta.xml").decode()
    date = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")
    for tag, val in (("dc:title", facts["title"]), ("meta:initial-creator", facts["author"]),
                     ("meta:creation-date", date), ("dc:date", date)):
        m = re.search(f"<{tag}>(.*?)</{tag}>", meta)
        check(m and m.group(1) == val.replace("&", "&amp;"), f"meta {tag}: {m and m.group(1)!r}, not {val!r}")
    check(facts["data"] is not None and z.read("baocao-data.json") == facts["data"],
          "baocao-data.json is not the PDF's")
    check(odt_meta_data(path) == facts["data"], "meta.xml's baocao-data.json is not the PDF's")
    print(f"odt: {len(named)} named styles as the PDF sets them; {n_para} paragraphs in named styles "
          f"(automatic ones only inset or keep); {len(heads)} headings = the PDF's outline; "
          f"{len(starts)} phụ lục page sequence(s) {['landscape' if x else 'portrait' for x in starts]}, "
          f"numbered from 1; first pages without the number; {len(data)} data table(s) with header rows, "
          f"rows kept whole; meta title, creator, dates; baocao-data.json ({len(facts['data'])} bytes) "
          "as a file and as a custom property")


def odt_meta_data(path):
    """The custom property baocao-data.json of an .odt's meta.xml."""
    NS = "{urn:oasis:names:tc:opendocument:xmlns:meta:1.0}"
    m = ET.fromstring(zipfile.ZipFile(path).read("meta.xml"))
    for el in m.iter(NS + "user-defined"):
        if el.get(NS + "name") == "baocao-data.json":
            return (el.text or "").encode()
    return None


def docx_custom_data(path):
    """The text of the custom XML part that is baocao's data."""
    z = zipfile.ZipFile(path)
    for n in z.namelist():
        if n.startswith("customXml/item") and "Props" not in n and n.endswith(".xml"):
            root = ET.fromstring(z.read(n))
            if root.tag == "{urn:baocao:data:1}baocao-data":
                return (root.text or "").encode()
    return None


def kept(pdf_path, saved):
    """A draft LibreOffice saved again still carries the report's data."""
    want = pdf_facts(pdf_path)["data"]
    got = odt_meta_data(saved) if saved.endswith(".odt") else docx_custom_data(saved)
    check(got == want, f"{saved}: the data did not survive ({len(got or b'')} of {len(want)} bytes)")
    print(f"kept: {saved.rsplit('/', 1)[-1]} saved by LibreOffice still carries baocao-data.json "
          f"({len(want)} bytes)")


def structure(path, pdf_path, epoch):
    facts = pdf_facts(pdf_path)
    (odt_structure if path.endswith(".odt") else docx_structure)(path, facts, epoch)


# ---- text ----

def header_rows(path):
    """The text of each table header row of the draft, whitespace removed."""
    rows = []
    if path.endswith(".odt"):
        from odf.opendocument import load
        from odf import table
        d = load(path)
        for hr in d.text.getElementsByType(table.TableHeaderRows):
            for row in hr.getElementsByType(table.TableRow):
                rows.append(str(row))
    else:
        import docx
        d = docx.Document(path)
        for t in d.tables:
            for row in t.rows:
                if row._tr.trPr is not None and row._tr.trPr.find(W + "tblHeader") is not None:
                    rows.append("".join(c.text for c in row.cells))
    return [squash(r) for r in rows if squash(r)]


def squash(s):
    return "".join(unicodedata.normalize("NFC", s).split())


def pdf_chars(path):
    """pdftotext -raw below the page-number area (the top 50 pt), as one
    string without whitespace."""
    out = subprocess.run(["pdftotext", "-raw", "-x", "0", "-y", "50", "-W", "2000", "-H", "2000",
                          path, "-"], capture_output=True, text=True, check=True).stdout
    return squash(out)


def text(pdf_path, converted, draft):
    a, b = pdf_chars(pdf_path), pdf_chars(converted)
    rows = header_rows(draft)
    for r in sorted(set(rows), key=len, reverse=True):
        a, b = a.replace(r, ""), b.replace(r, "")
    if a != b:
        k = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
        fail(f"text differs at character {k} of {len(a)} (converted has {len(b)}):\n"
             f"  baocao PDF : ...{a[max(0, k - 60):k + 60]}...\n"
             f"  LibreOffice: ...{b[max(0, k - 60):k + 60]}...")
    print(f"text: the {len(a)} characters of the PDF (without {len(rows)} repeated header row(s)) "
          "are LibreOffice's, in order")


# ---- pages ----

def pages(pdf_path, converted):
    """LibreOffice's pages: within one of the PDF's count; A4; the number
    centred in the top margin from page 2 of the report and of each phụ
    lục, counted from 1 in each; every page of a phụ lục landscape where
    the PDF's is."""
    facts = pdf_facts(pdf_path)
    ours, lo = fitz.open(pdf_path), fitz.open(converted)
    check(abs(len(lo) - len(ours)) <= 1, f"LibreOffice: {len(lo)} pages, baocao: {len(ours)}")
    seq, n, shown = -1, 0, []
    orient = []
    for i, p in enumerate(lo):
        w, h = sorted((p.rect.width, p.rect.height))
        check(abs(w - 210 * MM) < 1 and abs(h - 297 * MM) < 1, f"page {i + 1} is not A4")
        top = [b for b in p.get_text("words") if b[3] < 50]
        t = " ".join(b[4] for b in top)
        if not t:
            seq, n = seq + 1, 1
            orient.append(p.rect.width > p.rect.height)
        else:
            n += 1
            check(t == str(n), f"page {i + 1}: '{t}' in the top margin, not {n}")
            x = (top[0][0] + top[-1][2]) / 2
            centre = (30 * MM + p.rect.width - 20 * MM) / 2
            check(abs(x - centre) < 2, f"page {i + 1}: number at x {x:.1f}, text block centre {centre:.1f}")
            check(orient[-1] == (p.rect.width > p.rect.height), f"page {i + 1}: orientation changes")
            shown.append(n)
    check(orient[0] is False and orient[1:] == facts["appendices"],
          f"page sequences {orient}, phụ lục {facts['appendices']}")
    print(f"pages: LibreOffice {len(lo)}, baocao {len(ours)}; {len(orient)} page sequence(s) "
          f"{['landscape' if o else 'portrait' for o in orient]}, each numbered from 1 with no number "
          f"on its first page, {len(shown)} numbers centred in the top margin")


def report(pdf_path, lo_dir, epoch):
    """Every check of one report's two drafts (NAME.docx and NAME.odt beside
    NAME.pdf, LibreOffice's NAME-docx.pdf and NAME-odt.pdf in lo_dir), in one
    process: one line per check; the number that failed."""
    base = pdf_path[:-len(".pdf")]
    name = base.rsplit("/", 1)[-1]
    failed = 0
    for fmt in ("docx", "odt"):
        draft = f"{base}.{fmt}"
        converted = f"{lo_dir}/{name}-{fmt}.pdf"
        for what, run in (("package", lambda: package(draft)),
                          ("structure", lambda: structure(draft, pdf_path, epoch)),
                          ("LibreOffice's pages", lambda: pages(pdf_path, converted)),
                          ("LibreOffice's text is the report's", lambda: text(pdf_path, converted, draft))):
            try:
                run()
                print(f"ok: {name}.{fmt}: {what}")
            except (CheckFailed, Exception) as e:  # a crash is a failure too
                failed += 1
                print(f"FAIL: {name}.{fmt}: {what}: {type(e).__name__ if not isinstance(e, CheckFailed) else ''} {e}")
    return failed


def main():
    cmd = sys.argv[1]
    try:
        if cmd == "package":
            package(sys.argv[2])
        elif cmd == "structure":
            structure(sys.argv[2], sys.argv[3], int(sys.argv[4]))
        elif cmd == "text":
            text(sys.argv[2], sys.argv[3], sys.argv[4])
        elif cmd == "pages":
            pages(sys.argv[2], sys.argv[3])
        elif cmd == "kept":
            kept(sys.argv[2], sys.argv[3])
        elif cmd == "report":
            sys.exit(min(report(sys.argv[2], sys.argv[3], int(sys.argv[4])), 1))
        else:
            sys.exit(__doc__)
    except CheckFailed as e:
        print("FAIL:", e)
        sys.exit(1)


if __name__ == "__main__":
    main()
