#!/usr/bin/python3
"""tests/e2e/reference.py: compares the body text of a rendered report with a
reference report's text.

Usage: reference.py REFERENCE.txt BODY.txt FIRST_WORDS LAST_WORDS [--hyphen-breaks]

REFERENCE.txt is an extract with Markdown marks; BODY.txt is `pdftotext` of
the PDF's body area (page numbers and page 1's header cropped away). Both
are cut to the span from FIRST_WORDS to LAST_WORDS, stripped of Markdown
marks, NFC-normalised and whitespace-collapsed, then compared exactly: the
spelling too, tone placement included ("hệ thống hoá" where the published
report writes it so, "hóa" elsewhere), since baocao prints what was typed. Web addresses broken across
lines are joined first, and the reference loses its page numbers and the
line breaks inside number ranges.
With --hyphen-breaks, a line of the body that ends in a hyphen after a
letter or digit is joined to the next one with the hyphen kept: a word
processor breaks "2729/QĐ-UBND" after its hyphen, where baocao's layout
never breaks it (the extraction must then keep content order, -raw).
Also checks that every number token of the reference appears in the body.
Prints the first difference with context and exits 1 on mismatch.
"""
import re
import sys
import unicodedata


def normalise(text):
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"^#+\s*", "", text, flags=re.M)   # heading marks
    text = text.replace("**", "")                    # bold marks
    text = re.sub(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])", r"\1", text)  # italics
    text = re.sub(r"<(https?://[^>]+)>", r"\1", text)  # autolinks
    return " ".join(text.split())


def join_broken_addresses(text):
    """A web address broken across lines (after / . - ? & = _ #, no hyphen)
    comes out of a text extraction with a line break inside it: join it."""
    return re.sub(r"((?:https?://|www\.)(?:\S*[/.\-?&=_#])?)\n\s*(?=[0-9A-Za-z%])", r"\1", text)


def join_hyphen_breaks(text):
    """A line ending in a hyphen inside a word ("2729/QĐ-" / "UBND"): the
    word, whole."""
    return re.sub(r"(?<=[^\W_])-[ \t]*\n\s*", "-", text)


def drop_page_artefacts(text):
    """What the extraction of a paginated PDF left in the reference: page
    numbers alone on their line, and number ranges broken after their
    hyphen at a line end ("2023-" / "2025")."""
    text = re.sub(r"(?m)^[ \t]*\d+[ \t]*\n", "", text)
    return re.sub(r"(?<=\d-)[ \t]*\n\s*(?=\d)", "", text)


def cut(text, first, last, what):
    i = text.find(first)
    j = text.rfind(last)
    if i < 0 or j < 0 or j < i:
        sys.exit(f"{what}: cannot find the span '{first}' ... '{last}'")
    return text[i:j + len(last)]


def main():
    ref_path, body_path, first, last = sys.argv[1:5]
    ref_text = open(ref_path, encoding="utf-8").read()
    ref_text = join_broken_addresses(drop_page_artefacts(ref_text))
    ref = cut(normalise(ref_text), first, last, ref_path)
    body_text = join_broken_addresses(open(body_path, encoding="utf-8").read())
    if "--hyphen-breaks" in sys.argv[5:]:
        body_text = join_hyphen_breaks(body_text)
    body = cut(normalise(body_text), first, last, body_path)
    ok = True
    if ref != body:
        ok = False
        k = next((i for i, (a, b) in enumerate(zip(ref, body)) if a != b), min(len(ref), len(body)))
        print(f"text differs at character {k} of {len(ref)} (body has {len(body)}):")
        print(f"  reference: ...{ref[max(0, k - 80):k + 80]}...")
        print(f"  rendered : ...{body[max(0, k - 80):k + 80]}...")
    tokens = set(re.findall(r"\d[\d.,:/]*\d|\d", ref))
    words = set(re.findall(r"\d[\d.,:/]*\d|\d", body))
    missing = sorted(tokens - words)
    if missing:
        ok = False
        print(f"numbers of the reference missing from the rendered text: {missing}")
    print(f"compared {len(ref)} characters, {len(tokens)} distinct numbers: "
          + ("identical" if ok else "DIFFERENT"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
