#!/usr/bin/python3
"""tests/e2e/archival.py: reads a report PDF through qpdf's JSON and checks
what PDF/A-3b and a tagged PDF need of it, beyond what Preflight (PDF/A-1b
rules only) can judge:

  - the header says %PDF-1.7; the trailer has an /ID of two equal strings
    (the second may change in a later incremental update);
  - the catalog: /Lang vi-VN, /MarkInfo /Marked true, /ViewerPreferences
    /DisplayDocTitle true, an sRGB /OutputIntents (GTS_PDFA1, an ICC RGB
    profile), /Metadata;
  - the associated file (ISO 19005-3 6.8): the catalog's /AF names a
    /Filespec with /AFRelationship /Data, /F and /UF, whose /EF stream has
    /Type /EmbeddedFile, a MIME /Subtype and /Params with /ModDate and the
    right /Size, and which /Names /EmbeddedFiles lists too;
  - the XMP parses and agrees with the information dictionary (dc:title,
    dc:creator, dc:description, xmp:CreatorTool, pdf:Producer, the dates)
    and the /ID (xmpMM:DocumentID), and says pdfaid part 3, conformance B;
  - the tags: every text-showing operator of every page is inside marked
    content with an MCID or an /Artifact, rules inside an /Artifact; the
    text of the artifacts (read through the fonts' ToUnicode) is a page
    number or a table's header row repeated on a later page; every MCID
    belongs to exactly one structure element (on its /Pg page, or by an
    MCR naming the page), and the ParentTree maps it back to that element;
    each element's /P is its parent; only standard types;
  - signature widgets: printed (/F 4), an /AP /N appearance with a /BBox,
    a /TU, a /StructParent that the ParentTree maps to a Form element whose
    OBJR names the widget; pages with widgets have /Tabs /S.

Usage: archival.py FILE.pdf   (prints one summary line; exits 1 with the
first problems otherwise)
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

STANDARD = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption",
            "TOC", "TOCI", "Index", "NonStruct", "Private", "P", "H", "H1",
            "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table",
            "TR", "TH", "TD", "THead", "TBody", "TFoot", "Span", "Quote",
            "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby",
            "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula",
            "Form"}
NS = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "dc": "http://purl.org/dc/elements/1.1/",
      "xmp": "http://ns.adobe.com/xap/1.0/",
      "pdf": "http://ns.adobe.com/pdf/1.3/",
      "xmpMM": "http://ns.adobe.com/xap/1.0/mm/",
      "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}

problems = []


def need(cond, what):
    if not cond:
        problems.append(what)
    return cond


path = sys.argv[1]
raw = subprocess.run(["qpdf", "--json=2", "--json-key=qpdf",
                      "--json-stream-data=inline", "--decode-level=generalized",
                      path], check=True, capture_output=True).stdout
objects = json.loads(raw)["qpdf"][1]


def obj(ref):
    """The object a reference names, or a direct value as it is."""
    if isinstance(ref, str) and re.fullmatch(r"\d+ \d+ R", ref):
        return objects["obj:" + ref]
    return {"value": ref}


def val(ref):
    o = obj(ref)
    return o["stream"]["dict"] if "stream" in o else o["value"]


def data(ref):
    return base64.b64decode(obj(ref)["stream"]["data"])


def text(v):
    """A PDF string from qpdf's JSON: u: text, b: bytes as hex."""
    return v[2:] if v.startswith("u:") else bytes.fromhex(v[2:]).decode("latin-1")


trailer = objects["trailer"]["value"]
catalog = val(trailer["/Root"])
info = val(trailer["/Info"])

# --- header, trailer, catalog --------------------------------------------
with open(path, "rb") as f:
    need(f.read(9) == b"%PDF-1.7\n", "the header is not %PDF-1.7")
ids = trailer.get("/ID", [])
# Two 16-byte strings, equal in the file as written (an incremental update
# by another signer may give the second a new value).
need(len(ids) == 2 and all(i.startswith("b:") and len(i) == 34 for i in ids)
     and (ids[0] == ids[1] or "/Prev" in trailer), f"trailer /ID: {ids}")
need(catalog.get("/Lang") == "u:vi-VN", f"/Lang: {catalog.get('/Lang')}")
need(catalog.get("/MarkInfo", {}).get("/Marked") is True, "no /MarkInfo /Marked true")
need(catalog.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is True,
     "no /ViewerPreferences /DisplayDocTitle true")
intents = catalog.get("/OutputIntents", [])
if need(len(intents) == 1, "not one output intent"):
    oi = val(intents[0])
    need(oi.get("/S") == "/GTS_PDFA1", f"output intent /S {oi.get('/S')}")
    prof = data(oi["/DestOutputProfile"])
    need(prof[12:20] == b"mntrRGB " and prof[36:40] == b"acsp"
         and val(oi["/DestOutputProfile"]).get("/N") == 3,
         "the output intent's profile is not an RGB ICC profile with /N 3")

# --- the associated file ----------------------------------------------------
af = catalog.get("/AF", [])
if need(len(af) == 1, f"catalog /AF: {af}"):
    spec = val(af[0])
    need(spec.get("/Type") == "/Filespec", "the /AF entry is not a /Filespec")
    need(spec.get("/AFRelationship") == "/Data", f"/AFRelationship {spec.get('/AFRelationship')}")
    need(text(spec.get("/F", "u:")) == "baocao-data.json" and
         text(spec.get("/UF", "u:")) == "baocao-data.json", "/F and /UF")
    ef = spec.get("/EF", {})
    stream = val(ef.get("/F"))
    body = data(ef["/F"])
    need(ef.get("/UF") == ef.get("/F"), "/EF /UF is not /EF /F")
    need(stream.get("/Type") == "/EmbeddedFile", "the embedded file has no /Type /EmbeddedFile")
    need(stream.get("/Subtype") == "/application#2fjson" or stream.get("/Subtype") == "/application/json",
         f"embedded file /Subtype {stream.get('/Subtype')}")
    params = stream.get("/Params", {})
    need(params.get("/Size") == len(body), "/Params /Size is not the file's size")
    need(text(params.get("/ModDate", "u:")) == text(info["/CreationDate"]),
         "/Params /ModDate is not the document's date")
    json.loads(body)
    names = catalog.get("/Names", {}).get("/EmbeddedFiles", {}).get("/Names", [])
    need(names[1::2] == af, "/Names /EmbeddedFiles does not list the /AF file")

# --- XMP ----------------------------------------------------------------------
xmp = data(catalog["/Metadata"]).decode("utf-8")
need(val(catalog["/Metadata"]).get("/Subtype") == "/XML", "metadata /Subtype")
root = ET.fromstring(re.sub(r"<\?xpacket[^>]*\?>", "", xmp).strip())
desc = root.find("rdf:RDF/rdf:Description", NS)


def one(path_):
    e = desc.find(path_, NS)
    return e.text if e is not None else None


def pdf_date(d):
    m = re.fullmatch(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z", d)
    return "%s-%s-%sT%s:%s:%sZ" % m.groups() if m else d


uuid = ids[0][2:] if ids else ""
uuid = f"uuid:{uuid[:8]}-{uuid[8:12]}-{uuid[12:16]}-{uuid[16:20]}-{uuid[20:]}"
agree = {
    "dc:title/rdf:Alt/rdf:li": text(info["/Title"]),
    "dc:creator/rdf:Seq/rdf:li": text(info["/Author"]),
    "dc:description/rdf:Alt/rdf:li": text(info["/Subject"]),
    "xmp:CreatorTool": text(info["/Creator"]),
    "pdf:Producer": text(info["/Producer"]),
    "xmp:CreateDate": pdf_date(text(info["/CreationDate"])),
    "xmp:ModifyDate": pdf_date(text(info["/ModDate"])),
    "xmpMM:DocumentID": uuid,
    "dc:language/rdf:Bag/rdf:li": "vi-VN",
    "pdfaid:part": "3",
    "pdfaid:conformance": "B",
}
for key, want in agree.items():
    need(one(key) == want, f"XMP {key} is {one(key)!r}, not {want!r}")

# --- content streams: marked content -------------------------------------------
TOKEN = re.compile(rb"\((?:\\.|[^\\()])*\)|<<|>>|<[0-9A-Fa-f\s]*>|\[|\]|/[^\s/\[\]()<>{}%]*|[^\s/\[\]()<>{}%]+", re.S)
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def literal(tok):
    """The bytes of a literal string token (baocao writes no nested
    parentheses, only escaped ones)."""
    body = tok[1:-1]
    return re.sub(rb"\\([0-7]{1,3}|.)",
                  lambda m: bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit()
                  else ESCAPES.get(m.group(1), m.group(1)), body, flags=re.S)


def to_unicode(font_ref):
    """code -> text from a Type0 font's ToUnicode CMap (bfchar, bfrange)."""
    cmap = data(val(font_ref)["/ToUnicode"]).decode("latin-1")
    table = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            table[int(src, 16)] = bytes.fromhex(dst).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            base = int(dst, 16)
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                table[code] = chr(base + i)
    return table


def marks(content, fonts):
    """The page's marked-content sequences as (tag, MCID or None, text), and
    problems."""
    stack, seqs, bad, operands = [], [], [], []
    font = {}
    depth = 0  # nesting of << >> and [ ] in operands

    def show(tok):
        codes = literal(tok) if tok.startswith(b"(") else bytes.fromhex(tok[1:-1].decode())
        chars = "".join(font.get(codes[i] << 8 | codes[i + 1], "")
                        for i in range(0, len(codes) - 1, 2))
        for entry in reversed(stack):
            if entry[0] == "/Artifact" or entry[1] is not None:
                entry[2].append(chars)
                return True
        return False

    for t in TOKEN.findall(content):
        if t in (b"<<", b"["):
            depth += 1
            operands.append(t)
            continue
        if t in (b">>", b"]"):
            depth -= 1
            operands.append(t)
            continue
        if depth or not re.fullmatch(rb"[A-Za-z'\"*]+", t) or t in (b"true", b"false", b"null"):
            operands.append(t)
            continue
        if t in (b"BDC", b"BMC"):
            m = re.search(rb"/MCID (\d+)", b" ".join(operands))
            entry = (operands[0].decode(), int(m.group(1)) if m else None, [])
            stack.append(entry)
            seqs.append(entry)
        elif t == b"EMC":
            if not stack:
                bad.append("EMC without BDC")
            else:
                stack.pop()
        elif t == b"Tf":
            font = fonts[operands[0].decode()]
        elif t in (b"Tj", b"TJ", b"'", b'"'):
            strings = [o for o in operands if o[:1] in (b"(", b"<") and o not in (b"<<",)]
            if not all([show(o) for o in strings]):
                bad.append("text outside marked content")
        elif t in (b"S", b"f", b"B"):
            if not any(tag == "/Artifact" for tag, _, _ in stack):
                bad.append("a rule that is not an artifact")
        operands = []
    if stack:
        bad.append("marked content left open")
    return [(tag, mcid, "".join(text)) for tag, mcid, text in seqs], bad


pages = val(catalog["/Pages"])["/Kids"]  # one flat /Kids list in baocao's files
page_of = {ref: i for i, ref in enumerate(pages)}
content_mcids, mcid_text, artifacts = {}, {}, []
for i, ref in enumerate(pages):
    page = val(ref)
    fonts = {name: to_unicode(f) for name, f in
             val(page["/Resources"]).get("/Font", {}).items()}
    seqs, bad = marks(data(page["/Contents"]), fonts)
    for b in sorted(set(bad)):
        need(False, f"page {i + 1}: {b}")
    mcids = [mcid for _, mcid, _ in seqs if mcid is not None]
    need(mcids == list(range(len(mcids))), f"page {i + 1}: MCIDs not 0..n-1")
    content_mcids[i] = mcids
    for tag, mcid, t in seqs:
        if mcid is not None:
            mcid_text[(i, mcid)] = t
        elif t:
            artifacts.append((i, t))
    need(page.get("/StructParents") == i, f"page {i + 1}: /StructParents")
    if page.get("/Annots"):
        need(page.get("/Tabs") == "/S", f"page {i + 1} has widgets but no /Tabs /S")

# --- the structure tree -------------------------------------------------------------
str_root_ref = catalog["/StructTreeRoot"]
str_root = val(str_root_ref)
need(str_root.get("/Type") == "/StructTreeRoot", "no /StructTreeRoot")
owner = {}      # (page, mcid) -> element ref
widget_of = {}  # widget ref -> element ref
types = {}
elements = 0


def kids_of(v):
    k = v.get("/K")
    return [] if k is None else (k if isinstance(k, list) else [k])


def walk(ref, parent_ref):
    global elements
    e = val(ref)
    elements += 1
    s = e.get("/S", "")[1:]
    types[s] = types.get(s, 0) + 1
    need(s in STANDARD, f"element type {s} is not a standard one")
    need(e.get("/P") == parent_ref, f"{ref} ({s}): /P {e.get('/P')} is not {parent_ref}")
    pg = page_of.get(e.get("/Pg"))
    for k in kids_of(e):
        if isinstance(k, int):
            need(pg is not None, f"{ref} ({s}): an MCID with no /Pg")
            need((pg, k) not in owner, f"MCID {k} of page {pg} in two elements")
            owner[(pg, k)] = ref
        elif isinstance(k, dict) and k.get("/Type") == "/MCR":
            key = (page_of.get(k.get("/Pg")), k.get("/MCID"))
            need(key not in owner, f"MCID {key} in two elements")
            owner[key] = ref
        elif isinstance(k, dict) and k.get("/Type") == "/OBJR":
            widget_of[k["/Obj"]] = ref
        else:
            walk(k, ref)


for k in kids_of(str_root):
    walk(k, str_root_ref)
need(set(owner) == {(p, m) for p, ms in content_mcids.items() for m in ms},
     "the MCIDs of the pages and of the structure tree differ")


def numbers(node):
    """The ParentTree's key-value pairs, leaves under /Kids included."""
    node = val(node)
    nums = node.get("/Nums", [])
    out = list(zip(nums[0::2], nums[1::2]))
    for kid in node.get("/Kids", []):
        out += numbers(kid)
    return out


# Artifacts are page numbers, or the header rows of a table repeated on a
# later page: their text is the table's TH cells' text (whitespace aside).
th_text = {}
for (p, m), ref in owner.items():
    if val(ref).get("/S") == "/TH":
        table = val(val(ref)["/P"])["/P"]
        th_text.setdefault(table, []).append(((p, m), mcid_text[(p, m)]))
heads = {"".join("".join(t for _, t in sorted(v)).split()) for v in th_text.values()}
for p, t in artifacts:
    flat = "".join(t.split())
    need(flat.isdigit() or flat in heads,
         f"page {p + 1}: an artifact that is neither a page number nor a table's header: {t[:60]!r}")

parent_tree = dict(numbers(str_root["/ParentTree"]))
for p in content_mcids:
    refs = parent_tree.get(p, [])
    refs = val(refs) if isinstance(refs, str) else refs
    need([owner.get((p, m)) for m in content_mcids[p]] == refs,
         f"page {p + 1}: the ParentTree does not name each MCID's element")
need(str_root.get("/ParentTreeNextKey") == max(parent_tree) + 1,
     "/ParentTreeNextKey")

# --- signature widgets -----------------------------------------------------------------
fields = val(catalog["/AcroForm"])["/Fields"]
for ref in fields:
    w = val(ref)
    name = text(w["/T"])
    need(w.get("/F") == 4, f"{name}: not printed (/F 4)")
    ap = w.get("/AP", {})
    need(set(ap) == {"/N"} and "/BBox" in val(ap["/N"]), f"{name}: no /AP /N appearance with a /BBox")
    need(len(text(w.get("/TU", "u:"))) > 5, f"{name}: no /TU")
    need(widget_of.get(ref) is not None and val(widget_of[ref])["/S"] == "/Form",
         f"{name}: no Form element with its OBJR")
    need(parent_tree.get(w.get("/StructParent")) == widget_of.get(ref),
         f"{name}: the ParentTree does not map its /StructParent to its Form")

if problems:
    print(f"{path}: {len(problems)} problem(s):")
    for p in problems[:20]:
        print("  " + p)
    sys.exit(1)
print(f"{path}: PDF 1.7, PDF/A-3b metadata and associated file, tagged: "
      f"{elements} elements ({', '.join(f'{k} {v}' for k, v in sorted(types.items()))}), "
      f"{sum(len(m) for m in content_mcids.values())} MCIDs on {len(pages)} pages, "
      f"{len(artifacts)} text artifacts ({sum(len(t) for _, t in artifacts)} characters), "
      f"{len(fields)} widgets")
