/* tests/check_sign.c: the PDF reader that signing, verifying and importing
 * rely on (pdf/pdfread.c, kept here beside its users so that the writer's
 * suite stays the writer's): objects, revisions, budgets, Flate, damaged
 * or hostile input that must fail with a message, never crash; the
 * revision comparison (pdf/revisions.c); and verification's verdicts on
 * hand-made files (sign/verify.c). Signing itself is tested end to end
 * (tests/e2e/signing.sh, attacks.sh). */
#include "common/arena.h"
#include "pdf/pdfread.h"
#include "sign/sign.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

/* A small PDF: objects given as text, with a correct xref table. */
static size_t make_pdf(char *out,
                       size_t size,
                       const char *const *objs,
                       size_t n,
                       const char *trailer_extra) {
  size_t len = (size_t)snprintf(out, size, "%%PDF-1.4\n");
  size_t offs[16];
  for (size_t i = 0; i < n; i++) {
    offs[i] = len;
    len += (size_t)snprintf(out + len, size - len, "%zu 0 obj\n%s\nendobj\n",
                            i + 1, objs[i]);
  }
  size_t xref = len;
  len += (size_t)snprintf(out + len, size - len,
                          "xref\n0 %zu\n0000000000 65535 f \n", n + 1);
  for (size_t i = 0; i < n; i++)
    len +=
        (size_t)snprintf(out + len, size - len, "%010zu 00000 n \n", offs[i]);
  len += (size_t)snprintf(out + len, size - len,
                          "trailer\n<< /Size %zu /Root 1 0 R %s >>\n"
                          "startxref\n%zu\n%%%%EOF\n",
                          n + 1, trailer_extra, xref);
  return len;
}

static const char *const doc_objs[] = {
    "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> "
    "/A#20B (x) /Arr [1 -2 3.5 /N (a\\)b) <48 65 6C6C 6F> true null 5 0 R] >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 100 100] /Contents 6 0 R "
    "/Annots [4 0 R] >>",
    "<< /FT /Sig /T (ky) /Type /Annot /Subtype /Widget /Rect [0 0 10 10] "
    "/P 3 0 R >>",
    "(Ti\\303\\252\\314\\201ng \\(nested (paren)\\) \\101\\n)",
    "<< /Length 8 >>\nstream\nBT 0 Tc\nendstream"};

START_TEST(test_sign_pdfread__objects) {
  char pdf[4096];
  bc_error err;
  bc_pdf_budget budget;
  bc_pdf_reader *r;
  size_t len = make_pdf(pdf, sizeof pdf, doc_objs, 6, "");
  bc_pdf_budget_init(&budget, len);
  ck_assert_int_eq(bc_pdf_reader_open(&r, (const unsigned char *)pdf, len,
                                      "t.pdf", &budget, &err),
                   0);
  bc_pdf_obj root = bc_pdf_root(r);
  ck_assert(bc_pdf_is_name(r, bc_pdf_get(r, root, "Type"), "Catalog"));
  ck_assert_str_eq(bc_pdf_string(r, bc_pdf_get(r, root, "A B"), NULL), "x");
  bc_pdf_obj arr = bc_pdf_get(r, root, "Arr");
  long long v = 0;
  ck_assert_uint_eq(bc_pdf_count(r, arr), 9);
  ck_assert(bc_pdf_int(r, bc_pdf_item(r, arr, 1), &v) && v == -2);
  ck_assert(bc_pdf_number(r, bc_pdf_item(r, arr, 2)) == 3.5);
  ck_assert_str_eq(bc_pdf_string(r, bc_pdf_item(r, arr, 4), NULL), "a)b");
  ck_assert_str_eq(bc_pdf_string(r, bc_pdf_item(r, arr, 5), NULL), "Hello");
  ck_assert_int_eq(bc_pdf_id(r, bc_pdf_item(r, arr, 8)), 5);
  ck_assert_str_eq(bc_pdf_string(r, bc_pdf_item(r, arr, 8), NULL),
                   "Tiê\xcc\x81ng (nested (paren)) A\n");
  size_t n;
  bc_pdf_obj page =
      bc_pdf_item(r, bc_pdf_get(r, bc_pdf_get(r, root, "Pages"), "Kids"), 0);
  const unsigned char *raw =
      bc_pdf_stream_raw(r, bc_pdf_get(r, page, "Contents"), &n);
  ck_assert_ptr_nonnull(raw);
  ck_assert_uint_eq(n, 8);
  ck_assert(!memcmp(raw, "BT 0 Tc\n", 8));
  bc_pdf_field *fields;
  bc_arena a;
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_pdf_fields(&fields, &n, r, &a, &err), 0);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(fields[0].name, "ky");
  ck_assert(fields[0].sig && !fields[0].value && fields[0].id == 4);
  ck_assert_int_eq(bc_pdf_reader_check(r, &err), 0);
  ck_assert(!bc_pdf_reader_xref_is_stream(r));
  bc_arena_release(&a);
  bc_pdf_reader_free(r);
}
END_TEST

/* Every prefix and many corruptions of a valid file fail cleanly. */
START_TEST(test_sign_pdfread__damaged_input_never_crashes) {
  char pdf[4096], bad[4096];
  size_t len = make_pdf(pdf, sizeof pdf, doc_objs, 6, "/Info 2 0 R");
  int failures = 0;
  for (size_t cut = 0; cut < len; cut += 7) {
    bc_error err;
    bc_pdf_budget budget;
    bc_pdf_reader *r = NULL;
    bc_pdf_budget_init(&budget, cut);
    if (bc_pdf_reader_open(&r, (const unsigned char *)pdf, cut, "t.pdf",
                           &budget, &err)) {
      failures++;
      ck_assert_int_eq(err.code, BC_EPDF);
    }
    bc_pdf_reader_free(r);
  }
  ck_assert_int_gt(failures, 0);
  for (size_t i = 0; i < len; i += 3) {
    static const char flips[] = "<>[]()/%\\0 9";
    bc_error err;
    bc_pdf_budget budget;
    bc_pdf_reader *r = NULL;
    bc_arena a;
    memcpy(bad, pdf, len);
    bad[i] = flips[i % (sizeof flips - 1)];
    bc_pdf_budget_init(&budget, len);
    bc_arena_init(&a, bc_allocator_default());
    if (!bc_pdf_reader_open(&r, (const unsigned char *)bad, len, "t.pdf",
                            &budget, &err)) {
      bc_pdf_field *fields;
      size_t n;
      bc_verification ver;
      if (bc_pdf_fields(&fields, &n, r, &a, &err))
        ck_assert_int_eq(err.code, BC_EPDF);
      if (bc_verify_bytes(&ver, (const unsigned char *)bad, len, "t.pdf", NULL, &a,
                          &err))
        ck_assert_int_eq(err.code, BC_EPDF);
    }
    bc_pdf_reader_free(r);
    bc_arena_release(&a);
  }
}
END_TEST

START_TEST(test_sign_pdfread__messages) {
  char pdf[8192];
  bc_error err;
  bc_pdf_budget budget;
  bc_pdf_reader *r = NULL;
  bc_pdf_budget_init(&budget, 11);
  ck_assert_int_eq(bc_pdf_reader_open(&r, (const unsigned char *)"hello world",
                                      11, "x.txt", &budget, &err),
                   BC_EPDF);
  ck_assert_str_eq(err.message, "'x.txt' is not a PDF file");
  size_t len = make_pdf(pdf, sizeof pdf, doc_objs, 6, "");
  len -= 20; /* no startxref */
  ck_assert_int_eq(bc_pdf_reader_open(&r, (const unsigned char *)pdf, len,
                                      "cut.pdf", &budget, &err),
                   BC_EPDF);
  ck_assert_str_eq(err.message, "'cut.pdf' is damaged: no startxref at the end");
}
END_TEST

/* A stream of 40 MB of zeros, deflated to 40 kB: refused before qpdf. */
START_TEST(test_sign_pdfread__compression_bomb) {
  size_t big = (size_t)40 << 20;
  unsigned char *zeros = calloc(1, big);
  uLongf clen = compressBound(big);
  unsigned char *z = malloc(clen);
  ck_assert(zeros && z && compress2(z, &clen, zeros, big, 9) == Z_OK);
  char *pdf = malloc(clen + 4096);
  size_t n = (size_t)sprintf(pdf, "%%PDF-1.5\n1 0 obj\n<< /Length %lu "
                                  "/Filter /FlateDecode >>\nstream\n",
                             (unsigned long)clen);
  memcpy(pdf + n, z, clen);
  n += clen;
  n += (size_t)sprintf(pdf + n, "\nendstream\nendobj\nstartxref\n9\n%%%%EOF\n");
  bc_error err;
  bc_pdf_budget budget;
  bc_pdf_reader *r = NULL;
  bc_pdf_budget_init(&budget, n);
  ck_assert_int_eq(bc_pdf_reader_open(&r, (const unsigned char *)pdf, n,
                                      "bomb.pdf", &budget, &err),
                   BC_EPDF);
  ck_assert_ptr_nonnull(strstr(err.message, "compression bomb"));
  /* bc_pdf_inflate stops at its limit. */
  unsigned char *out;
  size_t out_len;
  bc_arena a;
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_pdf_inflate(&out, &out_len, z, clen, 1 << 20, "it", &a,
                                  &err),
                   BC_EPDF);
  ck_assert_str_eq(err.message, "it is larger than 1 MB");
  ck_assert_int_eq(
      bc_pdf_inflate(&out, &out_len, z, clen, big, "it", &a, &err), 0);
  ck_assert_uint_eq(out_len, big);
  bc_arena_release(&a);
  free(pdf);
  free(z);
  free(zeros);
}
END_TEST

/* Revisions end at each %%EOF after a startxref; the comparison names
 * what an update changed. */
START_TEST(test_sign_pdfread__revisions_compared) {
  char pdf[8192];
  size_t len = make_pdf(pdf, sizeof pdf, doc_objs, 6, "");
  size_t first = len;
  /* An update: a new object 6 (the page's content) and a table pointing
   * at it and back at the first one. */
  char *prev = strstr(pdf, "xref\n0 7");
  len = first;
  len += (size_t)sprintf(pdf + len,
                         "6 0 obj\n<< /Length 8 >>\nstream\nBT 9 Tc\nendstream"
                         "\nendobj\n");
  size_t xref = len;
  len += (size_t)sprintf(pdf + len,
                         "xref\n6 1\n%010zu 00000 n \ntrailer\n<< /Size 7 "
                         "/Root 1 0 R /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
                         first, (size_t)(prev - pdf), xref);
  size_t *ends, count;
  bc_error err;
  bc_arena a;
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_pdf_revision_ends(&ends, &count,
                                        (const unsigned char *)pdf, len,
                                        "u.pdf", 64, &a, &err),
                   0);
  ck_assert_uint_eq(count, 2);
  ck_assert_uint_eq(ends[0], first);
  ck_assert_uint_eq(ends[1], len);
  bc_pdf_budget budget;
  bc_pdf_reader *then, *now;
  bc_pdf_budget_init(&budget, len);
  ck_assert_int_eq(bc_pdf_reader_open(&then, (const unsigned char *)pdf, first,
                                      "u.pdf", &budget, &err),
                   0);
  ck_assert_int_eq(bc_pdf_reader_open(&now, (const unsigned char *)pdf, len,
                                      "u.pdf", &budget, &err),
                   0);
  bc_pdf_change *changes;
  size_t n;
  ck_assert_int_eq(bc_pdf_compare(&changes, &n, then, now, &a, &err), 0);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(changes[0].what, "page 1 content changed");
  ck_assert(!changes[0].allowed);
  ck_assert_int_eq(bc_pdf_compare(&changes, &n, then, then, &a, &err), 0);
  ck_assert_uint_eq(n, 0);
  bc_pdf_reader_free(then);
  bc_pdf_reader_free(now);
  /* Unsigned: verification says so. */
  bc_verification ver;
  ck_assert_int_eq(bc_verify_bytes(&ver, (const unsigned char *)pdf, len,
                                   "u.pdf", NULL, &a, &err),
                   0);
  ck_assert_int_eq(ver.verdict, BC_VERDICT_UNSIGNED);
  ck_assert_uint_eq(ver.revisions, 2);
  ck_assert_uint_eq(ver.count, 1);
  ck_assert(!ver.sigs[0].is_signed);
  bc_arena_release(&a);
}
END_TEST

/* A signature value whose /Contents is not CMS and whose /ByteRange is a
 * game: invalid, each with its reason. */
START_TEST(test_sign_verify__byte_range_games) {
  static const char *const ranges[] = {
      "[0 10 20 30]", "[1 10 20 30]", "[0 10 5 30]", "[0 10 20]",
      "[0 10 20 30 40 50]"};
  static const char *const reasons[] = {
      "/ByteRange does not end where a revision ends",
      "/ByteRange is not [0 a b c] inside the file",
      "/ByteRange is not [0 a b c] inside the file",
      "/ByteRange is not four whole numbers",
      "/ByteRange is not four whole numbers"};
  for (size_t i = 0; i < 5; i++) {
    char sig[200], pdf[4096];
    snprintf(sig, sizeof sig,
             "<< /FT /Sig /T (ky) /V << /Type /Sig /SubFilter "
             "/adbe.pkcs7.detached /ByteRange %s /Contents <0102> >> >>",
             ranges[i]);
    const char *objs[] = {"<< /Type /Catalog /Pages 2 0 R /AcroForm << "
                          "/Fields [3 0 R] >> >>",
                          "<< /Type /Pages /Kids [] /Count 0 >>", sig};
    size_t len = make_pdf(pdf, sizeof pdf, objs, 3, "");
    bc_verification ver;
    bc_error err;
    bc_arena a;
    bc_arena_init(&a, bc_allocator_default());
    ck_assert_int_eq(bc_verify_bytes(&ver, (const unsigned char *)pdf, len,
                                     "g.pdf", NULL, &a, &err),
                     0);
    ck_assert_int_eq(ver.verdict, BC_VERDICT_INVALID);
    ck_assert_uint_eq(ver.count, 1);
    ck_assert(ver.sigs[0].is_signed && !ver.sigs[0].intact);
    ck_assert_str_eq(ver.sigs[0].problem, reasons[i]);
    bc_arena_release(&a);
  }
}
END_TEST

Suite *sign_suite(void) {
  Suite *s = suite_create("sign");
  TCase *tc = tcase_create("pdfread");
  tcase_add_test(tc, test_sign_pdfread__objects);
  tcase_add_test(tc, test_sign_pdfread__damaged_input_never_crashes);
  tcase_add_test(tc, test_sign_pdfread__messages);
  tcase_add_test(tc, test_sign_pdfread__compression_bomb);
  tcase_add_test(tc, test_sign_pdfread__revisions_compared);
  suite_add_tcase(s, tc);
  tc = tcase_create("verify");
  tcase_add_test(tc, test_sign_verify__byte_range_games);
  suite_add_tcase(s, tc);
  return s;
}
