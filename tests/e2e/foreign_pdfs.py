# tests/e2e/foreign_pdfs.py: PDFs with empty signature fields made by
# another producer, for foreign_sign.sh; run with the system python
# (/usr/bin/python3, which has python3-fitz). PyMuPDF (MuPDF) writes every
# file; the structure of a field is set through its object API where its
# widget API makes only one kind (merged field and widget).
#   merged OUT            a page of text; fields ChuKy and ChuKy2, each its
#                         own widget, and a text field HoTen; the AcroForm
#                         direct in the catalog, no /DR; saved whole
#   kids OUT              field BaoCao.KyDuyet: a signature field under a
#                         parent field, with two widget kids on two pages,
#                         the AcroForm an indirect object
#   add-widgets IN OUT    IN (another producer's PDF) with fields
#                         ChuKyLanhDao and ChuKyVanThu added on page 1 by
#                         one incremental update
#   text IN               each page's text (its content, without the
#                         annotations), pages separated by form feeds
import shutil
import sys

import fitz


def sig_widget(page, name, rect):
    w = fitz.Widget()
    w.field_type = fitz.PDF_WIDGET_TYPE_SIGNATURE
    w.field_name = name
    w.rect = fitz.Rect(*rect)
    return page.add_widget(w)


def merged(out):
    d = fitz.open()
    p = d.new_page()
    p.insert_text((72, 72), "Bao cao ket qua thang 9", fontsize=14)
    p.insert_text((72, 100), "Van ban do he thong khac tao ra.", fontsize=11)
    sig_widget(p, "ChuKy", (300, 600, 500, 680))
    sig_widget(p, "ChuKy2", (72, 600, 240, 680))
    t = fitz.Widget()
    t.field_type = fitz.PDF_WIDGET_TYPE_TEXT
    t.field_name = "HoTen"
    t.field_value = "Nguyen Van A"
    t.rect = fitz.Rect(72, 300, 300, 320)
    p.add_widget(t)
    d.save(out, garbage=1)


def kids(out):
    d = fitz.open()
    for n in (1, 2):
        p = d.new_page()
        p.insert_text((72, 72), "Trang %d cua van ban" % n, fontsize=14)
    p1, p2 = d[0], d[1]
    w1 = sig_widget(p1, "tmp1", (320, 560, 540, 660)).xref
    w2 = sig_widget(p2, "tmp2", (72, 560, 292, 660)).xref
    parent, field, form = d.get_new_xref(), d.get_new_xref(), d.get_new_xref()
    d.update_object(parent, "<< /T (BaoCao) /Kids [%d 0 R] >>" % field)
    d.update_object(field, "<< /FT /Sig /T (KyDuyet) /Parent %d 0 R "
                    "/Kids [%d 0 R %d 0 R] >>" % (parent, w1, w2))
    for w in (w1, w2):
        for key in ("T", "FT", "Ff", "DA"):
            d.xref_set_key(w, key, "null")
        d.xref_set_key(w, "Parent", "%d 0 R" % field)
    d.update_object(form, "<< /Fields [%d 0 R] >>" % parent)
    d.xref_set_key(d.pdf_catalog(), "AcroForm", "%d 0 R" % form)
    d.save(out, garbage=1)


def add_widgets(src, out):
    shutil.copyfile(src, out)
    d = fitz.open(out)
    p = d[0]
    sig_widget(p, "ChuKyLanhDao", (300, 600, 520, 690))
    sig_widget(p, "ChuKyVanThu", (300, 700, 420, 790))
    d.saveIncr()


def text(src):
    d = fitz.open(src)
    # The pages without their annotations: MuPDF's text has the widgets'
    # appearances too, and signing changes those.
    for i in range(d.page_count):
        d.xref_set_key(d[i].xref, "Annots", "null")
    sys.stdout.write("\f".join(p.get_text() for p in d))


if __name__ == "__main__":
    what = sys.argv[1]
    {"merged": merged, "kids": kids, "add-widgets": add_widgets,
     "text": text}[what](*sys.argv[2:])
