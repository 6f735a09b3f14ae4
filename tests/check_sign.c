/* tests/check_sign.c: the PDF reader that signing and verifying rely on:
 * objects, strings, references, cross-reference chains, and damaged or
 * hostile input that must fail with a message, never crash. */
#include "common/arena.h"
#include "sign/pdfread.h"
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

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

START_TEST(test_sign_pdfread__objects) {
  static const char *const objs[] = {
      "<< /Type /Catalog /A#20B (x) /Nested << /Arr [1 -2 3.5 /N (a\\)b) "
      "<48 65 6C6C 6F> true null 2 0 R] >> >>",
      "(Tiếng Việt \\(nested (paren)\\) \\101\\n)"};
  char pdf[4096];
  bc_arena a;
  bc_error err;
  pdf_file f;
  pdf_value *v;
  size_t len = make_pdf(pdf, sizeof pdf, objs, 2, "");
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(
      pdf_open(&f, (const unsigned char *)pdf, len, "t.pdf", &a, &err), 0);
  ck_assert_int_eq(pdf_object(&v, &f, 1, &err), 0);
  ck_assert(pdf_is_name(pdf_get(v, "Type"), "Catalog"));
  ck_assert_str_eq(pdf_get(v, "A B")->s, "x"); /* #20 decoded */
  const pdf_value *arr = pdf_get(pdf_get(v, "Nested"), "Arr");
  ck_assert_uint_eq(arr->count, 9);
  ck_assert_int_eq(arr->items[1].i, -2);
  ck_assert(arr->items[2].kind == PDF_REAL && arr->items[2].r == 3.5);
  ck_assert_str_eq(arr->items[4].s, "a)b");
  ck_assert_str_eq(arr->items[5].s, "Hello");
  ck_assert(arr->items[8].kind == PDF_REF && arr->items[8].i == 2);
  const pdf_value *r;
  ck_assert_int_eq(pdf_resolve(&r, &f, &arr->items[8], &err), 0);
  ck_assert_str_eq(r->s, "Tiếng Việt (nested (paren)) A\n");
  /* Written back, it parses to the same values. */
  bc_buf b;
  bc_buf_init(&b, bc_allocator_default());
  pdf_write_value(&b, v);
  ck_assert_ptr_nonnull(strstr(bc_buf_cstr(&b), "/A#20B <78>"));
  bc_buf_free(&b);
  bc_arena_release(&a);
}
END_TEST

/* Every prefix and many corruptions of a valid file fail cleanly. */
START_TEST(test_sign_pdfread__damaged_input_never_crashes) {
  static const char *const objs[] = {
      "<< /Type /Catalog /AcroForm 2 0 R >>", "<< /Fields [3 0 R] >>",
      "<< /FT /Sig /T (ky) /Rect [0 0 10 10] >>"};
  char pdf[4096], bad[4096];
  size_t len = make_pdf(pdf, sizeof pdf, objs, 3, "/Info 2 0 R");
  int failures = 0;
  for (size_t cut = 0; cut < len; cut += 3) {
    bc_arena a;
    bc_error err;
    pdf_file f;
    pdf_value *v;
    bc_arena_init(&a, bc_allocator_default());
    if (pdf_open(&f, (const unsigned char *)pdf, cut, "t.pdf", &a, &err) ||
        pdf_object(&v, &f, 3, &err))
      failures++;
    bc_arena_release(&a);
  }
  ck_assert_int_gt(failures, 0);
  /* Flip bytes one at a time: any result but a crash or a hang is fine. */
  for (size_t i = 0; i < len; i++) {
    static const char flips[] = "<>[]()/%\\0 9";
    bc_arena a;
    bc_error err;
    pdf_file f;
    memcpy(bad, pdf, len);
    bad[i] = flips[i % (sizeof flips - 1)];
    bc_arena_init(&a, bc_allocator_default());
    if (!pdf_open(&f, (const unsigned char *)bad, len, "t.pdf", &a, &err))
      for (long long n = 1; n <= 3; n++) {
        pdf_value *v;
        bc_error_clear(&err);
        if (pdf_object(&v, &f, n, &err))
          ck_assert_int_eq(err.code, BC_EPDF);
      }
    bc_arena_release(&a);
  }
}
END_TEST

START_TEST(test_sign_pdfread__messages) {
  char pdf[8192];
  bc_arena a;
  bc_error err;
  pdf_file f;
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(
      pdf_open(&f, (const unsigned char *)"hello world", 11, "x.txt", &a, &err),
      BC_EPDF);
  ck_assert_str_eq(err.message, "'x.txt' is not a PDF file");
  /* Deep nesting is refused, not recursed into. */
  size_t n = (size_t)snprintf(pdf, sizeof pdf, "%%PDF-1.4\n1 0 obj\n");
  for (int i = 0; i < 200; i++)
    pdf[n++] = '[';
  n += (size_t)snprintf(pdf + n, sizeof pdf - n,
                        "\nendobj\nxref\n0 2\n0000000000 65535 f \n"
                        "0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R "
                        ">>\nstartxref\n%zu\n%%%%EOF\n",
                        n + 8);
  ck_assert_int_eq(
      pdf_open(&f, (const unsigned char *)pdf, n, "deep.pdf", &a, &err), 0);
  pdf_value *v;
  ck_assert_int_eq(pdf_object(&v, &f, 1, &err), BC_EPDF);
  ck_assert_ptr_nonnull(strstr(err.message, "nested too deeply"));
  bc_arena_release(&a);
}
END_TEST

Suite *sign_suite(void) {
  Suite *s = suite_create("sign");
  TCase *tc = tcase_create("pdfread");
  tcase_add_test(tc, test_sign_pdfread__objects);
  tcase_add_test(tc, test_sign_pdfread__damaged_input_never_crashes);
  tcase_add_test(tc, test_sign_pdfread__messages);
  suite_add_tcase(s, tc);
  return s;
}
