/* tests/check_sign.c: the PDF reader that signing, verifying and importing
 * rely on (pdf/pdfread.c, kept here beside its users so that the writer's
 * suite stays the writer's): objects, revisions, budgets, Flate, damaged
 * or hostile input that must fail with a message, never crash; the
 * revision comparison (pdf/revisions.c); verification's verdicts on
 * hand-made files (sign/verify.c); and the sign module without render: a
 * hand-made PDF signed through bc_sign__pdf with a throwaway PKI
 * (testpki.h) and the shipped fonts, its byte ranges, appearance, trust
 * verdicts and a seal on top; the signer's errors (signer.c), the CMS
 * and its RFC 3161 timestamp from a TSA on 127.0.0.1 (cms.c), anchors,
 * chains and CRLs (trust.c). Tokens (PKCS#11) are tested end to end
 * (tests/e2e/token_sign.sh). */
#include "common/arena.h"
#include "pdf/pdfread.h"
#include "sign/sign.h"
#include "sign/sign_int.h"
#include "testpki.h"
#include "testutil.h"

#include <arpa/inet.h>
#include <check.h>
#include <ctype.h>
#include <netinet/in.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ocsp.h>
#include <openssl/pem.h>
#include <openssl/ts.h>
#include <openssl/x509.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
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

/* ---- signing without render: a hand-made PDF, a throwaway PKI ---- */

#define SIGNER_CN "Bùi Thông Nhứt"
#define SIGNER_ORG "Sở Thông tin và Truyền thông Trà Vinh"
#define SIGNER_SUBJECT "C=VN,O=" SIGNER_ORG ",CN=" SIGNER_CN
#define ROOT_SUBJECT "C=VN,O=Test PKI,CN=Test Root CA"
#define NO_ANCHORS                                                             \
  "no trust anchors: give --trust, or set BAOCAO_TRUST (docs/signing.md)"

/* What the signing tests share, made once per process (again in each
 * fork): the PKI of tu_pki_make with its leaves (signer, seal, tls:
 * serverAuth only, nosign: no digitalSignature, tsa), a PKCS#12 without
 * a key, a self-signed signer, another PKI's root; a blank one-page PDF
 * with the two empty fields of a baocao report; the shipped fonts. */
static struct sign_fixture {
  int ready;
  time_t now; /* the signing time: the certificates are from today */
  char now_vn[32], now_utc[32]; /* ISO 8601, +07:00 and Z */
  tu_pki pki, other;
  char signer_spki[65];
  char blank[700], signed_pdf[700];
  tu_fonts f;
} sx;

static const char *sx_path(char *buf, size_t size, const char *name) {
  return tu_pki_path(buf, size, &sx.pki, name);
}

static const char *const blank_objs[] = {
    "<< /Type /Catalog /Pages 2 0 R /AcroForm 3 0 R >>",
    "<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
    "<< /Fields [5 0 R 6 0 R] >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R "
    "/Resources << >> /Annots [5 0 R 6 0 R] >>",
    "<< /FT /Sig /T (ky_nguoi_co_tham_quyen) /Type /Annot /Subtype /Widget "
    "/Rect [300 100 570 180] /F 132 /P 4 0 R >>",
    "<< /FT /Sig /T (ky_co_quan) /Type /Annot /Subtype /Widget "
    "/Rect [300 90 390 190] /F 132 /P 4 0 R >>",
    "<< /Length 8 >>\nstream\nBT 0 Tc\nendstream"};

static bc_sign_request sign_request(const char *in,
                                    const char *out,
                                    const char *field,
                                    const char *p12_name) {
  static char p12[4][700];
  static int next;
  bc_sign_request r;
  memset(&r, 0, sizeof r);
  r.input = in;
  r.output = out;
  r.field = field;
  r.p12_path = sx_path(p12[next], sizeof p12[0], p12_name);
  next = (next + 1) % 4;
  r.password = "matkhau";
  r.now = sx.now;
  return r;
}

/* bc_sign__pdf with the shipped fonts; err filled. */
static int sign_run(const bc_sign_request *r, bc_error *err) {
  bc_arena a;
  int rc;
  bc_arena_init(&a, bc_allocator_default());
  bc_error_clear(err);
  rc = bc_sign__pdf(r, sx.f.fonts, sx.f.shaper, &a, err);
  bc_arena_release(&a);
  return rc;
}

static void sign_ok(const bc_sign_request *r) {
  bc_error err;
  ck_assert_msg(sign_run(r, &err) == 0, "%s: %s", r->field, err.message);
}

static void sign_setup(void) {
  char pdf[4096];
  if (sx.ready)
    return;
  tu_pki_make(&sx.pki, "signpki", NULL);
  tu_pki_leaf(&sx.pki, "signer", "/CN=" SIGNER_CN "/O=" SIGNER_ORG "/C=VN",
              "v3_sign", sx.signer_spki);
  tu_pki_leaf(&sx.pki, "seal",
              "/CN=" SIGNER_ORG "/O=UBND tỉnh Trà Vinh/C=VN", "v3_sign",
              NULL);
  tu_pki_leaf(&sx.pki, "tls", "/CN=Máy chủ/C=VN", "v3_tls", NULL);
  tu_pki_leaf(&sx.pki, "nosign", "/CN=Khóa mã/C=VN", "v3_nosign", NULL);
  tu_pki_leaf(&sx.pki, "tsa", "/CN=Test TSA/O=Test PKI/C=VN", "v3_tsa", NULL);
  tu_pki_run(&sx.pki, NULL,
             "openssl pkcs12 -export -nokeys -in signer.crt -out "
             "certonly.p12 -passout pass:matkhau && "
             "openssl req -x509 -newkey rsa:2048 -nodes -keyout self.key "
             "-out self.crt -days 30 -subj '/CN=Tự Ký/C=VN' -utf8 "
             "-addext 'keyUsage=critical,digitalSignature' 2>/dev/null && "
             "openssl pkcs12 -export -inkey self.key -in self.crt -out "
             "self.p12 -passout pass:matkhau && "
             "openssl x509 -in root.crt -outform DER -out root.der && "
             "echo 'not a certificate' > junk.pem && "
             "mkdir -p empty && touch empty/readme.txt");
  tu_pki_make(&sx.other, "otherpki", NULL);
  /* Signed from now on: the certificates are valid from when they were
   * made. */
  sx.now = time(NULL);
  time_t vn = sx.now + 7 * 3600;
  struct tm tm;
  strftime(sx.now_vn, sizeof sx.now_vn, "%Y-%m-%dT%H:%M:%S+07:00",
           gmtime_r(&vn, &tm));
  strftime(sx.now_utc, sizeof sx.now_utc, "%Y-%m-%dT%H:%M:%SZ",
           gmtime_r(&sx.now, &tm));
  size_t len = make_pdf(pdf, sizeof pdf, blank_objs, 7, "");
  tu_file_write(sx_path(sx.blank, sizeof sx.blank, "blank.pdf"), pdf, len);
  tu_fonts_open(&sx.f);
  /* The signer's signature, which most tests read. */
  sx_path(sx.signed_pdf, sizeof sx.signed_pdf, "signed.pdf");
  bc_sign_request r = sign_request(sx.blank, sx.signed_pdf,
                                   "ky_nguoi_co_tham_quyen", "signer.p12");
  sign_ok(&r);
  sx.ready = 1;
}

/* A file verified: its bytes, the verification (memory from arena) and
 * the signer's report. */
typedef struct checked {
  unsigned char *data;
  bc_arena arena;
  bc_verification v;
  const bc_signature_report *signer; /* ky_nguoi_co_tham_quyen */
} checked;

static const bc_signature_report *report_of(const bc_verification *v,
                                            const char *field);

/* Verifies the file at path with t (NULL: the chain not checked). */
static void check_with(checked *c, const char *path, bc_trust *t) {
  size_t len;
  bc_error err;
  c->data = tu_file_read(path, &len);
  bc_arena_init(&c->arena, bc_allocator_default());
  ck_assert_msg(bc_verify_bytes(&c->v, c->data, len, path, t, &c->arena,
                                &err) == 0,
                "%s", err.message);
  c->signer = report_of(&c->v, "ky_nguoi_co_tham_quyen");
}

/* The same with n anchors (n < 0: no trust). */
static void check_file(checked *c, const char *path,
                       const char *const *anchors, int n) {
  bc_trust_options o = BC_TRUST_OPTIONS_INIT;
  bc_trust *t = NULL;
  bc_error err;
  o.anchors = anchors;
  o.anchor_count = n > 0 ? (size_t)n : 0;
  if (n >= 0)
    ck_assert_msg(bc_trust_load(&t, &o, &err) == 0, "%s", err.message);
  check_with(c, path, t);
  bc_trust_free(t);
}

static void checked_free(checked *c) {
  bc_arena_release(&c->arena);
  free(c->data);
}

/* The signature report of field in v. */
static const bc_signature_report *report_of(const bc_verification *v,
                                            const char *field) {
  for (size_t i = 0; i < v->count; i++)
    if (!strcmp(v->sigs[i].field, field))
      return &v->sigs[i];
  ck_abort_msg("no field %s", field);
  return NULL;
}

/* The byte ranges leave out exactly the /Contents hex string, and the
 * signed copy begins with the input's bytes. */
START_TEST(test_sign_sign__byte_range_covers_all_but_contents) {
  size_t len, blen, a, b, c;
  unsigned char *data = tu_file_read(sx.signed_pdf, &len);
  unsigned char *blank = tu_file_read(sx.blank, &blen);
  ck_assert_uint_gt(len, blen);
  ck_assert(!memcmp(data, blank, blen));
  const char *br = tu_find_bytes(data, len, "/ByteRange [0 ");
  const char *ct = tu_find_bytes(data, len, "/Contents <");
  ck_assert_ptr_nonnull(br);
  ck_assert_ptr_nonnull(ct);
  ck_assert_int_eq(sscanf(br, "/ByteRange [0 %zu %zu %zu]", &a, &b, &c), 3);
  char want[64];
  snprintf(want, sizeof want, "/ByteRange [0 %010zu %010zu %010zu]", a, b, c);
  ck_assert(!strncmp(br, want, strlen(want)));
  ck_assert_uint_eq(a, (size_t)(ct - (const char *)data) + 10);
  ck_assert_uint_eq(b + c, len);
  ck_assert_int_eq(data[a], '<');
  ck_assert_int_eq(data[b - 1], '>');
  for (size_t i = a + 1; i < b - 1; i++)
    ck_assert_msg(isxdigit(data[i]), "byte %zu of /Contents", i);
  /* The CMS, then zeros: the room reserved is more than it needs. */
  ck_assert_int_eq(data[b - 2], '0');
  ck_assert(!memcmp(data + a + 1, "30", 2)); /* DER SEQUENCE */
  ck_assert_ptr_null(tu_find_bytes(data + b, len - b, "/Contents <"));
  free(blank);
  free(data);
}
END_TEST

START_TEST(test_sign_sign__verified_with_and_without_trust) {
  const char *anchors[2] = {sx.pki.root, sx.other.root};
  checked c;
  check_file(&c, sx.signed_pdf, NULL, -1);
  const bc_signature_report *r = c.signer;
  ck_assert_int_eq(c.v.verdict, BC_VERDICT_SIGNED);
  ck_assert_str_eq(c.v.reason, "");
  ck_assert_uint_eq(c.v.count, 2);
  ck_assert_uint_eq(c.v.revisions, 2);
  ck_assert(r->is_signed && r->intact && r->whole_file && !r->modified);
  ck_assert_uint_eq(r->covered, c.v.file_size);
  ck_assert_uint_eq(r->revision, 2);
  ck_assert_str_eq(r->signer, SIGNER_CN);
  ck_assert_str_eq(r->signed_at, sx.now_vn);
  ck_assert_str_eq(r->subfilter, "adbe.pkcs7.detached");
  ck_assert_str_eq(r->problem, "");
  ck_assert_int_eq(r->chain, BC_CHAIN_NOT_CHECKED);
  ck_assert(!report_of(&c.v, "ky_co_quan")->is_signed);
  checked_free(&c);

  /* With the root as anchor: trusted, and the certificate's names. */
  check_file(&c, sx.signed_pdf, anchors, 1);
  r = c.signer;
  ck_assert_int_eq(r->chain, BC_CHAIN_TRUSTED);
  ck_assert_str_eq(r->chain_problem, "");
  ck_assert_str_eq(r->subject, SIGNER_SUBJECT);
  ck_assert_str_eq(r->issuer, ROOT_SUBJECT);
  ck_assert_str_eq(r->spki_sha256, sx.signer_spki);
  ck_assert_str_eq(r->revocation, "not asked");
  ck_assert_str_eq(r->timestamp_at, "");
  ck_assert_str_eq(r->timestamp_problem, "");
  ck_assert(!r->trusted_time);
  /* checked at the CMS signingTime, which OpenSSL sets to the clock */
  ck_assert_uint_eq(strlen(r->checked_at), 20);
  checked_free(&c);

  /* No anchors; another PKI's root only; both roots. */
  check_file(&c, sx.signed_pdf, anchors, 0);
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_UNTRUSTED);
  ck_assert_str_eq(c.signer->chain_problem, NO_ANCHORS);
  ck_assert_str_eq(c.signer->subject, SIGNER_SUBJECT);
  ck_assert_int_eq(c.v.verdict, BC_VERDICT_SIGNED);
  checked_free(&c);
  check_file(&c, sx.signed_pdf, anchors + 1, 1);
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_UNTRUSTED);
  ck_assert_str_eq(c.signer->chain_problem,
                   "its chain ends at 'Test Root CA', which is not a trust "
                   "anchor");
  checked_free(&c);
  check_file(&c, sx.signed_pdf, anchors, 2);
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_TRUSTED);
  checked_free(&c);
}
END_TEST

/* Two-byte glyph IDs of an appearance's content, through its ToUnicode,
 * back to UTF-8: one line per Tj. */
static void appearance_text(char *out,
                            size_t size,
                            const char *content,
                            const char *cmap) {
  size_t n = 0;
  out[0] = '\0';
  for (const char *p = content; (p = strchr(p, '<'));) {
    const char *end = strchr(p, '>');
    ck_assert_ptr_nonnull(end);
    for (const char *g = p + 1; g + 4 <= end; g += 4) {
      char key[12];
      snprintf(key, sizeof key, "\n<%.4s> <", g);
      const char *m = strstr(cmap, key);
      ck_assert_msg(m != NULL, "glyph %s not in ToUnicode", key + 1);
      m += 9; /* "\n<GGGG> <" */
      while (*m != '>') {
        unsigned u = 0;
        ck_assert_int_eq(sscanf(m, "%4x", &u), 1);
        m += 4;
        if (u >= 0xD800 && u < 0xDC00) {
          unsigned lo = 0;
          ck_assert_int_eq(sscanf(m, "%4x", &lo), 1);
          m += 4;
          u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        }
        char utf8[5] = {0};
        if (u < 0x80)
          utf8[0] = (char)u;
        else if (u < 0x800) {
          utf8[0] = (char)(0xC0 | u >> 6);
          utf8[1] = (char)(0x80 | (u & 63));
        } else if (u < 0x10000) {
          utf8[0] = (char)(0xE0 | u >> 12);
          utf8[1] = (char)(0x80 | ((u >> 6) & 63));
          utf8[2] = (char)(0x80 | (u & 63));
        } else {
          utf8[0] = (char)(0xF0 | u >> 18);
          utf8[1] = (char)(0x80 | ((u >> 12) & 63));
          utf8[2] = (char)(0x80 | ((u >> 6) & 63));
          utf8[3] = (char)(0x80 | (u & 63));
        }
        n += (size_t)snprintf(out + n, size - n, "%s", utf8);
      }
    }
    n += (size_t)snprintf(out + n, size - n, "\n");
    p = end;
  }
}

/* The text of field's appearance in the file at path, its content in
 * content (size bytes). */
static void field_appearance(char *text,
                             size_t size,
                             char *content,
                             size_t content_size,
                             const char *path,
                             const char *field) {
  size_t len, n;
  unsigned char *data = tu_file_read(path, &len);
  bc_pdf_budget budget;
  bc_pdf_reader *r;
  bc_pdf_field *fields;
  bc_error err;
  bc_arena a;
  bc_arena_init(&a, bc_allocator_default());
  bc_pdf_budget_init(&budget, len);
  ck_assert_int_eq(bc_pdf_reader_open(&r, data, len, path, &budget, &err), 0);
  ck_assert_int_eq(bc_pdf_fields(&fields, &n, r, &a, &err), 0);
  bc_pdf_obj f = 0;
  for (size_t i = 0; i < n; i++)
    if (!strcmp(fields[i].name, field))
      f = fields[i].field;
  ck_assert_msg(f, "no field %s", field);
  bc_pdf_obj ap = bc_pdf_get(r, bc_pdf_get(r, f, "AP"), "N");
  const unsigned char *c = bc_pdf_stream_decoded(r, ap, 1 << 20, &n, &err);
  ck_assert_msg(c != NULL, "%s", err.message);
  snprintf(content, content_size, "%s", (const char *)c);
  bc_pdf_obj font = bc_pdf_get(
      r, bc_pdf_get(r, bc_pdf_get(r, ap, "Resources"), "Font"), "F1");
  ck_assert(bc_pdf_is_name(r, bc_pdf_get(r, font, "Subtype"), "Type0"));
  const unsigned char *cmap = bc_pdf_stream_decoded(
      r, bc_pdf_get(r, font, "ToUnicode"), 1 << 20, &n, &err);
  ck_assert_msg(cmap != NULL, "%s", err.message);
  appearance_text(text, size, (const char *)c, (const char *)cmap);
  bc_pdf_reader_free(r);
  bc_arena_release(&a);
  free(data);
}

/* The appearance draws the signer's name, agency and time in the
 * report's font (blue, right two thirds), and its ToUnicode gives the
 * Vietnamese text back. */
START_TEST(test_sign_appearance__text_maps_back) {
  char text[2048], content[8192], want[512];
  field_appearance(text, sizeof text, content, sizeof content, sx.signed_pdf,
                   "ky_nguoi_co_tham_quyen");
  /* Wrapped at 11 pt into 180 - 4 points, at spaces. */
  snprintf(want, sizeof want,
           "Ký bởi: " SIGNER_CN "\nCơ quan: Sở Thông tin và Truyền thông\n"
           "Trà Vinh\nThời gian ký:\n%s\n",
           sx.now_vn);
  ck_assert_str_eq(text, want);
  ck_assert(!strncmp(content, "q 0 0 0.7 rg BT /F1 ", 20));
  /* Lines centred in the right two thirds (from x = 90 of 270). */
  double x;
  const char *tm = strstr(content, "Tf\n1 0 0 1 ");
  ck_assert_ptr_nonnull(tm);
  ck_assert_int_eq(sscanf(tm, "Tf\n1 0 0 1 %lf", &x), 1);
  ck_assert_double_gt(x, 90);
}
END_TEST

/* The seal on top of the signer: red, the whole box; both signatures
 * check out, the first now covering the revision it signed. */
START_TEST(test_sign_sign__seal_keeps_first_signature_valid) {
  char both[700], text[2048], content[8192];
  bc_sign_request r = sign_request(sx.signed_pdf,
                                   sx_path(both, sizeof both, "both.pdf"),
                                   "ky_co_quan", "seal.p12");
  r.reason = "Đóng dấu";
  sign_ok(&r);
  size_t first;
  free(tu_file_read(sx.signed_pdf, &first));
  checked c;
  check_file(&c, both, NULL, -1);
  ck_assert_int_eq(c.v.verdict, BC_VERDICT_SIGNED);
  ck_assert_uint_eq(c.v.revisions, 3);
  const bc_signature_report *s1 = c.signer;
  const bc_signature_report *s2 = report_of(&c.v, "ky_co_quan");
  ck_assert(s1->intact && !s1->whole_file && !s1->modified);
  ck_assert_uint_eq(s1->covered, first);
  ck_assert_uint_eq(s1->revision, 2);
  ck_assert_uint_gt(s1->change_count, 0);
  for (size_t i = 0; i < s1->change_count; i++)
    ck_assert_msg(s1->changes[i].allowed, "%s", s1->changes[i].what);
  ck_assert(s2->intact && s2->whole_file);
  ck_assert_uint_eq(s2->revision, 3);
  ck_assert_str_eq(s2->signer, SIGNER_ORG);
  ck_assert_ptr_nonnull(tu_find_bytes(c.data, c.v.file_size, "/Reason <FEFF"));
  field_appearance(text, sizeof text, content, sizeof content, both,
                   "ky_co_quan");
  ck_assert(!strncmp(content, "q 0.8 0 0 rg BT /F1 ", 20));
  char want[1024];
  snprintf(want, sizeof want,
           "Ký bởi: Sở Thông tin và\nTruyền thông Trà Vinh\n"
           "Cơ quan: UBND tỉnh Trà\nVinh\nThời gian ký:\n%s\n",
           sx.now_vn);
  ck_assert_str_eq(text, want);
  /* The seal's field is signed now: not again. */
  char again[700];
  bc_error err;
  r = sign_request(both, sx_path(again, sizeof again, "again.pdf"),
                   "ky_co_quan", "seal.p12");
  ck_assert_int_eq(sign_run(&r, &err), BC_EPDF);
  snprintf(want, sizeof want, "field 'ky_co_quan' of '%s' is already signed",
           both);
  ck_assert_str_eq(err.message, want);
  checked_free(&c);
}
END_TEST

/* One byte of the signed revision changed: the file is not signed again
 * (BC_EVERIFY) and verifies as invalid. */
START_TEST(test_sign_sign__flipped_byte_refused) {
  char flipped[700], out[700], want[1024];
  size_t len;
  unsigned char *data = tu_file_read(sx.signed_pdf, &len);
  char *at = (char *)tu_find_bytes(data, len, "BT 0 Tc");
  ck_assert_ptr_nonnull(at);
  at[3] = '1';
  tu_file_write(sx_path(flipped, sizeof flipped, "flipped.pdf"), data, len);
  bc_sign_request r = sign_request(flipped, sx_path(out, sizeof out, "x.pdf"),
                                   "ky_co_quan", "seal.p12");
  bc_error err;
  ck_assert_int_eq(sign_run(&r, &err), BC_EVERIFY);
  snprintf(want, sizeof want,
           "'%s' is not signed again: signature ky_nguoi_co_tham_quyen does "
           "not check out: the signature does not match the signed bytes",
           flipped);
  ck_assert_str_eq(err.message, want);
  ck_assert_int_eq(access(out, F_OK), -1);
  bc_verification v;
  bc_arena a;
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_verify_bytes(&v, data, len, flipped, NULL, &a, &err), 0);
  ck_assert_int_eq(v.verdict, BC_VERDICT_INVALID);
  ck_assert_str_eq(v.reason, "signature ky_nguoi_co_tham_quyen does not check "
                             "out: the signature does not match the signed "
                             "bytes");
  bc_arena_release(&a);
  free(data);
}
END_TEST

/* What signing refuses in the input, each with its message. */
START_TEST(test_sign_sign__input_refused) {
  char out[700], want[1024];
  bc_error err;
  sx_path(out, sizeof out, "never.pdf");
  bc_sign_request r = sign_request(sx.blank, out, "ky", "signer.p12");
  ck_assert_int_eq(sign_run(&r, &err), BC_ENOTFOUND);
  snprintf(want, sizeof want,
           "'%s' has no signature field 'ky' (it has: "
           "ky_nguoi_co_tham_quyen, ky_co_quan)",
           sx.blank);
  ck_assert_str_eq(err.message, want);
  r.input = sx.pki.root;
  ck_assert_int_eq(sign_run(&r, &err), BC_EPDF);
  snprintf(want, sizeof want, "'%s' is not a PDF file", sx.pki.root);
  ck_assert_str_eq(err.message, want);
  r.input = sx.blank;
  r.field = "ky_co_quan";
  r.output = sx.pki.dir; /* a directory */
  ck_assert_int_eq(sign_run(&r, &err), BC_EIO);
  ck_assert_int_eq(access(out, F_OK), -1);
}
END_TEST

/* An image instead of text: RGB and its alpha as a soft mask. */
START_TEST(test_sign_appearance__image) {
  char out[700];
  unsigned char rgba[2 * 3 * 4];
  for (size_t i = 0; i < sizeof rgba; i++)
    rgba[i] = (unsigned char)(i * 10);
  bc_sign_request r = sign_request(sx.blank,
                                   sx_path(out, sizeof out, "image.pdf"),
                                   "ky_co_quan", "seal.p12");
  r.image_rgba = rgba;
  r.image_width = 2;
  r.image_height = 3;
  sign_ok(&r);
  char text[64], content[1024];
  size_t len;
  unsigned char *data = tu_file_read(out, &len);
  ck_assert_ptr_nonnull(tu_find_bytes(
      data, len,
      "/Type /XObject /Subtype /Image /Width 2 /Height 3 /ColorSpace "
      "/DeviceRGB /BitsPerComponent 8 /SMask "));
  free(data);
  (void)text;
  size_t n;
  bc_pdf_budget budget;
  bc_pdf_reader *rd;
  bc_pdf_field *fields;
  bc_error err;
  bc_arena a;
  data = tu_file_read(out, &len);
  bc_arena_init(&a, bc_allocator_default());
  bc_pdf_budget_init(&budget, len);
  ck_assert_int_eq(bc_pdf_reader_open(&rd, data, len, out, &budget, &err), 0);
  ck_assert_int_eq(bc_pdf_fields(&fields, &n, rd, &a, &err), 0);
  bc_pdf_obj ap = bc_pdf_get(rd, bc_pdf_get(rd, fields[1].field, "AP"), "N");
  const unsigned char *c = bc_pdf_stream_decoded(rd, ap, 4096, &n, &err);
  ck_assert_ptr_nonnull(c);
  snprintf(content, sizeof content, "%s", (const char *)c);
  /* 90 x 100 box, 2 x 3 image: 66.667 x 100, centred. */
  ck_assert_str_eq(content, "q 66.667 0 0 100.000 11.667 0.000 cm /Im1 Do Q\n");
  bc_pdf_obj im = bc_pdf_get(
      rd, bc_pdf_get(rd, bc_pdf_get(rd, ap, "Resources"), "XObject"), "Im1");
  const unsigned char *px = bc_pdf_stream_decoded(rd, im, 4096, &n, &err);
  ck_assert_uint_eq(n, 18);
  ck_assert_int_eq(px[3], 40); /* pixel 1's red */
  px = bc_pdf_stream_decoded(rd, bc_pdf_get(rd, im, "SMask"), 4096, &n, &err);
  ck_assert_uint_eq(n, 6);
  ck_assert_int_eq(px[1], 70); /* pixel 1's alpha */
  bc_pdf_reader_free(rd);
  bc_arena_release(&a);
  free(data);
}
END_TEST

/* ---- the signer (signer.c) ---- */

/* A PEM certificate (kind 'c'), private key ('k') or CRL ('l') read
 * from path. */
static void *pem_read(const char *path, char kind) {
  FILE *fp = fopen(path, "rb");
  void *o = NULL;
  ck_assert_msg(fp != NULL, "cannot open %s", path);
  if (kind == 'c')
    o = PEM_read_X509(fp, NULL, NULL, NULL);
  else if (kind == 'k')
    o = PEM_read_PrivateKey(fp, NULL, NULL, NULL);
  else
    o = PEM_read_X509_CRL(fp, NULL, NULL, NULL);
  fclose(fp);
  ck_assert_msg(o != NULL, "%s is not PEM", path);
  return o;
}

/* notBefore (before) or notAfter of the PEM certificate path, as
 * YYYY-MM-DD. */
static void cert_day(char out[16], const char *path, bool before) {
  X509 *c = pem_read(path, 'c');
  struct tm tm;
  ck_assert_int_eq(ASN1_TIME_to_tm(before ? X509_get0_notBefore(c)
                                          : X509_get0_notAfter(c),
                                   &tm),
                   1);
  strftime(out, 16, "%Y-%m-%d", &tm);
  X509_free(c);
}

/* bc_sign__signer_load of r: its code, the message in err. */
static int load_signer(const bc_sign_request *r, bc_error *err) {
  bc_sign_key k;
  bc_error_clear(err);
  int rc = bc_sign__signer_load(&k, r, err);
  if (!rc) {
    ck_assert_str_eq(k.cn, SIGNER_CN);
    bc_sign__signer_free(&k);
  }
  return rc;
}

static void signer_refused(const bc_sign_request *r, int code,
                           const char *want) {
  bc_error err;
  ck_assert_int_eq(load_signer(r, &err), code);
  ck_assert_str_eq(err.message, want);
}

START_TEST(test_sign_signer__p12_errors) {
  char want[1024], day[16], crt[700], path[700];
  bc_sign_request r = sign_request(sx.blank, "x.pdf", "ky", "signer.p12");
  bc_error err;
  ck_assert_int_eq(load_signer(&r, &err), 0);
  r.password = "sai";
  snprintf(want, sizeof want, "wrong password for '%s'", r.p12_path);
  signer_refused(&r, BC_ECERT, want);
  r = sign_request(sx.blank, "x.pdf", "ky", "certonly.p12");
  snprintf(want, sizeof want,
           "'%s' holds no private key with its certificate", r.p12_path);
  signer_refused(&r, BC_ECERT, want);
  r = sign_request(sx.blank, "x.pdf", "ky", "junk.pem");
  snprintf(want, sizeof want, "'%s' is not a PKCS#12 (.p12) file",
           r.p12_path);
  signer_refused(&r, BC_ECERT, want);
  r = sign_request(sx.blank, "x.pdf", "ky", "none.p12");
  ck_assert_int_eq(load_signer(&r, &err), BC_EINPUT);
  ck_assert_ptr_nonnull(strstr(err.message, r.p12_path));
  /* Validity at the signing time. */
  r = sign_request(sx.blank, "x.pdf", "ky", "signer.p12");
  r.now = 4102444800; /* 2100-01-01 */
  cert_day(day, sx_path(crt, sizeof crt, "signer.crt"), false);
  snprintf(want, sizeof want, "the certificate of '%s' expired on %s",
           SIGNER_CN, day);
  signer_refused(&r, BC_ECERT, want);
  r.now = 946684800; /* 2000-01-01 */
  cert_day(day, crt, true);
  snprintf(want, sizeof want,
           "the certificate of '%s' is not valid before %s", SIGNER_CN, day);
  signer_refused(&r, BC_ECERT, want);
  /* Usage. */
  r = sign_request(sx.blank, "x.pdf", "ky", "tls.p12");
  signer_refused(&r, BC_ECERT,
                 "the certificate of 'Máy chủ' is not for signing (its "
                 "extended key usage allows neither document signing nor "
                 "e-mail protection)");
  r = sign_request(sx.blank, "x.pdf", "ky", "nosign.p12");
  signer_refused(&r, BC_ECERT,
                 "the certificate of 'Khóa mã' is not for signing (its key "
                 "usage has neither digitalSignature nor nonRepudiation)");
  /* More certificates: PEM, DER, neither. */
  r = sign_request(sx.blank, "x.pdf", "ky", "signer.p12");
  r.chain_path = sx.pki.root;
  ck_assert_int_eq(load_signer(&r, &err), 0);
  r.chain_path = sx_path(path, sizeof path, "root.der");
  ck_assert_int_eq(load_signer(&r, &err), 0);
  r.chain_path = sx_path(path, sizeof path, "junk.pem");
  snprintf(want, sizeof want, "'%s' holds no certificate (PEM or DER)", path);
  signer_refused(&r, BC_ECERT, want);
}
END_TEST

/* The signer's chain in the CMS: the root once, though the .p12 and
 * --chain both give it; the signer's own certificate not repeated. */
START_TEST(test_sign_signer__chain_without_repeats) {
  bc_sign_request r = sign_request(sx.blank, "x.pdf", "ky", "signer.p12");
  bc_sign_key k;
  bc_error err;
  r.chain_path = sx.pki.root;
  ck_assert_int_eq(bc_sign__signer_load(&k, &r, &err), 0);
  ck_assert_int_eq(sk_X509_num(k.chain), 1);
  ck_assert_str_eq(k.org, SIGNER_ORG);
  bc_sign__signer_free(&k);
  r = sign_request(sx.blank, "x.pdf", "ky", "self.p12");
  ck_assert_int_eq(bc_sign__signer_load(&k, &r, &err), 0);
  ck_assert_int_le(sk_X509_num(k.chain), 0); /* none, or empty */
  ck_assert_str_eq(k.cn, "Tự Ký");
  ck_assert_str_eq(k.org, "");
  bc_sign__signer_free(&k);
}
END_TEST

/* PKCS#11 URIs and modules refused before any token is opened. */
START_TEST(test_sign_signer__pkcs11_refused) {
  static const struct {
    const char *uri, *module, *message;
    int code;
  } cases[] = {
      {"token=T", NULL,
       "'token=T' is not a PKCS#11 URI (it starts with pkcs11:, RFC 7512)",
       BC_EINPUT},
      {"pkcs11:object=k;type=cert", "x.so",
       "PKCS#11 URI 'pkcs11:object=k;type=cert' names a cert object; "
       "signing needs the private key (type=private)",
       BC_EINPUT},
      {"pkcs11:id=%zz", "x.so",
       "PKCS#11 URI 'pkcs11:id=%zz': the value of 'id' is malformed or too "
       "long",
       BC_EINPUT},
      {"pkcs11:token=T;object=K", NULL,
       "no PKCS#11 module for 'pkcs11:token=T;object=K': give the token's "
       "library (--module, or module-path in the URI)",
       BC_EINPUT},
      {"pkcs11:token=T?module-path=/nonexistent/p11.so&pin-value=1234", NULL,
       "cannot load the PKCS#11 module '/nonexistent/p11.so'", BC_EINPUT},
      {"pkcs11:token=T;slot-id=1;id=%01%02", "libz.so.1",
       "'libz.so.1' is not a PKCS#11 module (no C_GetFunctionList)",
       BC_EINPUT},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bc_sign_request r = sign_request(sx.blank, "x.pdf", "ky", "signer.p12");
    r.pkcs11_uri = cases[i].uri;
    r.pkcs11_module = cases[i].module;
    signer_refused(&r, cases[i].code, cases[i].message);
  }
}
END_TEST

/* ---- the CMS (cms.c) and its timestamp, from a TSA on 127.0.0.1 ---- */

typedef enum tsa_mode {
  TSA_GOOD,    /* a granted token for the request */
  TSA_GARBAGE, /* not a TimeStampResp */
  TSA_REFUSE,  /* status rejection */
  TSA_REPLAY   /* the first reply again, for every request */
} tsa_mode;

typedef struct tsa_ctx {
  tsa_mode mode;
  X509 *cert;
  EVP_PKEY *key;
  unsigned char *first;
  size_t first_len;
} tsa_ctx;

static unsigned char *der_copy(const unsigned char *der, int len) {
  unsigned char *copy = malloc((size_t)len);
  ck_assert_ptr_nonnull(copy);
  memcpy(copy, der, (size_t)len);
  return copy;
}

static void tsa_answer(unsigned char **reply,
                       size_t *reply_len,
                       const unsigned char *body,
                       size_t body_len,
                       void *ud) {
  tsa_ctx *t = ud;
  TS_RESP *resp = NULL;
  unsigned char *der = NULL;
  int len;
  if (t->mode == TSA_GARBAGE) { /* DER, but SEQUENCE { INTEGER 5 } */
    *reply = der_copy((const unsigned char *)"\x30\x03\x02\x01\x05", 5);
    *reply_len = 5;
    return;
  }
  if (t->mode == TSA_REPLAY && t->first) {
    *reply = der_copy(t->first, (int)t->first_len);
    *reply_len = t->first_len;
    return;
  }
  if (t->mode == TSA_REFUSE) {
    TS_STATUS_INFO *si = TS_STATUS_INFO_new();
    resp = TS_RESP_new();
    TS_STATUS_INFO_set_status(si, TS_STATUS_REJECTION);
    TS_RESP_set_status_info(resp, si);
    TS_STATUS_INFO_free(si);
  } else {
    TS_RESP_CTX *c = TS_RESP_CTX_new();
    ASN1_OBJECT *policy = OBJ_txt2obj("1.2.3.4.1", 1);
    BIO *in = BIO_new_mem_buf(body, (int)body_len);
    TS_RESP_CTX_set_signer_cert(c, t->cert);
    TS_RESP_CTX_set_signer_key(c, t->key);
    TS_RESP_CTX_set_def_policy(c, policy);
    TS_RESP_CTX_add_md(c, EVP_sha256());
    resp = TS_RESP_create_response(c, in);
    BIO_free(in);
    ASN1_OBJECT_free(policy);
    TS_RESP_CTX_free(c);
  }
  len = resp ? i2d_TS_RESP(resp, &der) : 0;
  TS_RESP_free(resp);
  ERR_clear_error();
  if (len > 0) {
    *reply = der_copy(der, len);
    *reply_len = (size_t)len;
    if (!t->first) {
      t->first = der_copy(der, len);
      t->first_len = (size_t)len;
    }
  }
  OPENSSL_free(der);
}

static void tsa_open(tsa_ctx *t, tsa_mode mode) {
  char path[700];
  memset(t, 0, sizeof *t);
  t->mode = mode;
  t->cert = pem_read(sx_path(path, sizeof path, "tsa.crt"), 'c');
  t->key = pem_read(sx_path(path, sizeof path, "tsa.key"), 'k');
}

static void tsa_close(tsa_ctx *t) {
  X509_free(t->cert);
  EVP_PKEY_free(t->key);
  free(t->first);
}

/* bc_sign__cms of "data" by the signer with opts. */
static int cms_of(unsigned char **der, int *len, const bc_cms_options *opts,
                  bc_error *err) {
  bc_sign_request r = sign_request(sx.blank, "x.pdf", "ky", "signer.p12");
  bc_sign_key k;
  ck_assert_int_eq(bc_sign__signer_load(&k, &r, err), 0);
  bc_error_clear(err);
  int rc = bc_sign__cms(der, len, &k, (const unsigned char *)"data", 4, opts,
                        err);
  bc_sign__signer_free(&k);
  return rc;
}

/* CAdES: no signingTime, the attributes signed again (the CMS checks
 * out); PAdES B-B: signing-certificate-v2 in both. */
START_TEST(test_sign_cms__cades_without_signing_time) {
  for (int cades = 0; cades < 2; cades++) {
    bc_cms_options o = {cades != 0, NULL, 0};
    unsigned char *der = NULL;
    int len;
    bc_error err;
    ck_assert_msg(cms_of(&der, &len, &o, &err) == 0, "%s", err.message);
    const unsigned char *p = der;
    CMS_ContentInfo *cms = d2i_CMS_ContentInfo(NULL, &p, len);
    ck_assert_ptr_nonnull(cms);
    CMS_SignerInfo *si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms), 0);
    ck_assert_int_eq(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime,
                                                -1) >= 0,
                     !cades);
    ck_assert_int_ge(CMS_signed_get_attr_by_NID(
                         si, NID_id_smime_aa_signingCertificateV2, -1),
                     0);
    BIO *in = BIO_new_mem_buf("data", 4);
    ck_assert_int_eq(CMS_verify(cms, NULL, NULL, in, NULL,
                                CMS_DETACHED | CMS_BINARY |
                                    CMS_NO_SIGNER_CERT_VERIFY),
                     1);
    BIO_free(in);
    CMS_ContentInfo_free(cms);
    OPENSSL_free(der);
  }
}
END_TEST

/* A whole CAdES signature: judged at its /M, the time it claims. */
START_TEST(test_sign_cms__cades_judged_at_claimed_time) {
  char out[700];
  const char *anchors[1] = {sx.pki.root};
  bc_sign_request r = sign_request(sx.blank,
                                   sx_path(out, sizeof out, "cades.pdf"),
                                   "ky_nguoi_co_tham_quyen", "signer.p12");
  r.cades = true;
  sign_ok(&r);
  checked c;
  check_file(&c, out, anchors, 1);
  ck_assert_str_eq(c.signer->subfilter, "ETSI.CAdES.detached");
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_TRUSTED);
  ck_assert_str_eq(c.signer->checked_at, sx.now_utc);
  ck_assert(!c.signer->trusted_time);
  checked_free(&c);
}
END_TEST

/* A signature timestamp: asked twice (the trial signature and the real
 * one); it fixes the signing time when its TSA chains to an anchor. */
START_TEST(test_sign_cms__timestamp_trusted_with_its_tsa) {
  char url[64], out[700];
  const char *anchors[2] = {sx.pki.root, sx.other.root};
  tsa_ctx tsa;
  tsa_open(&tsa, TSA_GOOD);
  tu_http *h = tu_http_start(url, 2, tsa_answer, &tsa);
  bc_sign_request r = sign_request(sx.blank,
                                   sx_path(out, sizeof out, "stamped.pdf"),
                                   "ky_nguoi_co_tham_quyen", "signer.p12");
  r.tsa_url = url;
  r.tsa_timeout_s = 20;
  sign_ok(&r);
  ck_assert_int_eq(tu_http_stop(h), 2);
  tsa_close(&tsa);
  checked c;
  check_file(&c, out, anchors, 1);
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_TRUSTED);
  ck_assert(c.signer->trusted_time);
  ck_assert_str_eq(c.signer->timestamp_problem, "");
  ck_assert_str_eq(c.signer->checked_at, c.signer->timestamp_at);
  ck_assert_uint_eq(strlen(c.signer->timestamp_at), 20);
  checked_free(&c);
  /* No anchors: the TSA cannot be trusted; another root: not its. */
  check_file(&c, out, anchors, 0);
  ck_assert(!c.signer->trusted_time);
  ck_assert_str_eq(c.signer->timestamp_at, "");
  ck_assert_str_eq(c.signer->timestamp_problem,
                   "its timestamp's authority cannot be trusted without "
                   "trust anchors");
  checked_free(&c);
  check_file(&c, out, anchors + 1, 1);
  ck_assert(!c.signer->trusted_time);
  ck_assert_str_eq(c.signer->timestamp_problem,
                   "its timestamp's authority is not trusted or its "
                   "signature does not check out");
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_UNTRUSTED);
  checked_free(&c);
}
END_TEST

/* What a TSA can do wrong, and URLs that are not one. */
START_TEST(test_sign_cms__timestamp_errors) {
  static const struct {
    tsa_mode mode;
    int requests;
    const char *message; /* %s: the URL */
  } cases[] = {
      {TSA_GARBAGE, 1,
       "the time-stamping authority '%s' sent no RFC 3161 reply"},
      {TSA_REFUSE, 1,
       "the time-stamping authority '%s' refused the request (status 2)"},
  };
  char url[64], want[512];
  unsigned char *der;
  int len;
  bc_error err;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    tsa_ctx tsa;
    tsa_open(&tsa, cases[i].mode);
    tu_http *h = tu_http_start(url, cases[i].requests, tsa_answer, &tsa);
    bc_cms_options o = {false, url, 20};
    ck_assert_int_eq(cms_of(&der, &len, &o, &err), BC_ENET);
    snprintf(want, sizeof want, cases[i].message, url);
    ck_assert_str_eq(err.message, want);
    ck_assert_int_eq(tu_http_stop(h), cases[i].requests);
    tsa_close(&tsa);
  }
  /* The first reply given again: not for this request (its nonce). */
  tsa_ctx tsa;
  tsa_open(&tsa, TSA_REPLAY);
  tu_http *h = tu_http_start(url, 2, tsa_answer, &tsa);
  bc_cms_options o = {false, url, 20};
  ck_assert_int_eq(cms_of(&der, &len, &o, &err), 0);
  OPENSSL_free(der);
  ck_assert_int_eq(cms_of(&der, &len, &o, &err), BC_ENET);
  snprintf(want, sizeof want,
           "the reply of the time-stamping authority '%s' does not answer "
           "the request (",
           url);
  ck_assert_msg(!strncmp(err.message, want, strlen(want)), "%s",
                err.message);
  ck_assert_int_eq(tu_http_stop(h), 2);
  tsa_close(&tsa);
  /* https, not a URL, nobody listening. */
  o.tsa_url = "https://127.0.0.1/tsa";
  ck_assert_int_eq(cms_of(&der, &len, &o, &err), BC_EINPUT);
  ck_assert_str_eq(err.message,
                   "time-stamping authority 'https://127.0.0.1/tsa': https is "
                   "not supported; RFC 3161 replies are signed, so http:// "
                   "is safe");
  o.tsa_url = "ftp://127.0.0.1/tsa";
  ck_assert_int_eq(cms_of(&der, &len, &o, &err), BC_EINPUT);
  ck_assert_str_eq(err.message, "'ftp://127.0.0.1/tsa' is not an http:// URL");
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in sa;
  socklen_t slen = sizeof sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(bind(fd, (struct sockaddr *)&sa, sizeof sa), 0);
  ck_assert_int_eq(getsockname(fd, (struct sockaddr *)&sa, &slen), 0);
  snprintf(url, sizeof url, "http://127.0.0.1:%u/", ntohs(sa.sin_port));
  close(fd); /* nobody listens there now */
  o.tsa_url = url;
  o.tsa_timeout_s = 2;
  ck_assert_int_eq(cms_of(&der, &len, &o, &err), BC_ENET);
  snprintf(want, sizeof want,
           "the time-stamping authority '%s' did not answer within 2 s (",
           url);
  ck_assert_msg(!strncmp(err.message, want, strlen(want)), "%s",
                err.message);
}
END_TEST

/* ---- trust (trust.c): loading anchors, intermediates, CRLs ---- */

static int trust_load(const char *const *anchors, size_t na,
                      const char *const *untrusted, size_t nu,
                      const char *const *crls, size_t nc, bc_error *err) {
  bc_trust_options o = BC_TRUST_OPTIONS_INIT;
  bc_trust *t = NULL;
  o.anchors = anchors;
  o.anchor_count = na;
  o.untrusted = untrusted;
  o.untrusted_count = nu;
  o.crls = crls;
  o.crl_count = nc;
  bc_error_clear(err);
  int rc = bc_trust_load(&t, &o, err);
  bc_trust_free(t);
  return rc;
}

START_TEST(test_sign_trust__load_errors) {
  char junk[700], empty[700], der[700], none[700], want[1024];
  const char *a[2];
  bc_error err;
  sx_path(junk, sizeof junk, "junk.pem");
  sx_path(empty, sizeof empty, "empty");
  sx_path(der, sizeof der, "root.der");
  sx_path(none, sizeof none, "none.pem");
  /* The same root twice, from PEM, DER and a directory: no error. */
  a[0] = sx.pki.root;
  a[1] = der;
  ck_assert_int_eq(trust_load(a, 2, a, 2, NULL, 0, &err), 0);
  a[1] = sx.pki.dir;
  ck_assert_int_eq(trust_load(a, 2, NULL, 0, NULL, 0, &err), 0);
  a[0] = junk;
  ck_assert_int_eq(trust_load(a, 1, NULL, 0, NULL, 0, &err), BC_ECERT);
  snprintf(want, sizeof want, "'%s' holds no certificate (PEM or DER)", junk);
  ck_assert_str_eq(err.message, want);
  a[0] = empty;
  ck_assert_int_eq(trust_load(a, 1, NULL, 0, NULL, 0, &err), BC_ECERT);
  snprintf(want, sizeof want,
           "'%s' holds no certificate file (*.pem, *.crt, *.cer, *.der)",
           empty);
  ck_assert_str_eq(err.message, want);
  a[0] = none;
  ck_assert_int_eq(trust_load(a, 1, NULL, 0, NULL, 0, &err), BC_EINPUT);
  ck_assert_ptr_nonnull(strstr(err.message, none));
  /* An intermediate's directory is not read as one; CRLs. */
  a[0] = sx.pki.dir;
  ck_assert_int_eq(trust_load(NULL, 0, a, 1, NULL, 0, &err), BC_EINPUT);
  a[0] = junk;
  ck_assert_int_eq(trust_load(NULL, 0, NULL, 0, a, 1, &err), BC_ECERT);
  snprintf(want, sizeof want, "'%s' holds no CRL (PEM or DER)", junk);
  ck_assert_str_eq(err.message, want);
  a[0] = none;
  ck_assert_int_eq(trust_load(NULL, 0, NULL, 0, a, 1, &err), BC_EINPUT);
  bc_trust_options o = BC_TRUST_OPTIONS_INIT;
  bc_trust *t = NULL;
  o.version = 99;
  ck_assert_int_eq(bc_trust_load(&t, &o, &err), BC_ERROR);
  ck_assert_str_eq(err.message, "unknown bc_trust_options version 99");
  ck_assert_ptr_null(t);
}
END_TEST

/* A self-signed signer, a signer for TLS only. */
START_TEST(test_sign_trust__self_signed_and_not_for_signing) {
  char out[700], p12[700];
  const char *anchors[1] = {sx.pki.root};
  bc_sign_request r = sign_request(sx.blank,
                                   sx_path(out, sizeof out, "self.pdf"),
                                   "ky_nguoi_co_tham_quyen", "self.p12");
  sign_ok(&r);
  checked c;
  check_file(&c, out, anchors, 1);
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_UNTRUSTED);
  ck_assert_str_eq(c.signer->chain_problem,
                   "the certificate of 'Tự Ký' is self-signed and not a "
                   "trust anchor");
  checked_free(&c);
  /* Trusted as its own anchor, it may sign (no extended key usage). */
  anchors[0] = sx_path(p12, sizeof p12, "self.crt");
  check_file(&c, out, anchors, 1);
  ck_assert_int_eq(c.signer->chain, BC_CHAIN_TRUSTED);
  checked_free(&c);
}
END_TEST

/* CRLs from the root: one listing nobody, one revoking the signer, and
 * another PKI's. */
START_TEST(test_sign_trust__crl) {
  char good[700], revoked[700], other[700], cmd[2048], want[256];
  const char *anchors[1] = {sx.pki.root};
  static const char ca_cnf[] =
      "[ca]\ndefault_ca = this\n[this]\ndatabase = ca/index.txt\n"
      "crlnumber = ca/crlnumber\ndefault_md = sha256\n"
      "default_crl_days = 30\n";
  snprintf(cmd, sizeof cmd,
           "mkdir -p ca && : > ca/index.txt && echo 01 > ca/crlnumber && "
           "printf '%s' > ca.cnf && "
           "openssl ca -config ca.cnf -gencrl -keyfile root.key "
           "-cert root.crt -out good.crl 2>/dev/null && "
           "openssl ca -config ca.cnf -revoke signer.crt -keyfile root.key "
           "-cert root.crt 2>/dev/null && "
           "openssl ca -config ca.cnf -gencrl -keyfile root.key "
           "-cert root.crt -out revoked.crl 2>/dev/null",
           ca_cnf);
  tu_pki_run(&sx.pki, NULL, cmd);
  tu_pki_run(&sx.other, NULL,
             "mkdir -p ca && : > ca/index.txt && echo 01 > ca/crlnumber && "
             "printf '[ca]\\ndefault_ca = this\\n[this]\\ndatabase = "
             "ca/index.txt\\ncrlnumber = ca/crlnumber\\ndefault_md = "
             "sha256\\ndefault_crl_days = 30\\n' > ca.cnf && "
             "openssl ca -config ca.cnf -gencrl -keyfile root.key "
             "-cert root.crt -out other.pem 2>/dev/null && "
             "openssl crl -in other.pem -outform DER -out other.crl");
  sx_path(good, sizeof good, "good.crl");
  sx_path(revoked, sizeof revoked, "revoked.crl");
  tu_pki_path(other, sizeof other, &sx.other, "other.crl");
  /* When the signer was revoked, from the CRL. */
  X509_CRL *crl = pem_read(revoked, 'l');
  struct tm tm;
  ck_assert_int_eq(ASN1_TIME_to_tm(X509_REVOKED_get0_revocationDate(
                                       sk_X509_REVOKED_value(
                                           X509_CRL_get_REVOKED(crl), 0)),
                                   &tm),
                   1);
  X509_CRL_free(crl);
  char at[32];
  strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
  static const struct {
    const char *crl;
    bc_chain_status chain;
    const char *problem, *revocation; /* %s: the revocation time */
  } cases[] = {
      {"good", BC_CHAIN_TRUSTED, "", "good (CRL)"},
      {"revoked", BC_CHAIN_REVOKED, "the certificate was revoked at %s",
       "revoked at %s"},
      {"other", BC_CHAIN_REVOCATION_UNKNOWN,
       "no current CRL from its issuer",
       "not checked: no current CRL from its issuer"},
  };
  const char *files[3] = {good, revoked, other};
  for (size_t i = 0; i < 3; i++) {
    bc_trust_options o = BC_TRUST_OPTIONS_INIT;
    bc_trust *t = NULL;
    bc_error err;
    checked c;
    o.anchors = anchors;
    o.anchor_count = 1;
    o.crls = files + i;
    o.crl_count = 1;
    ck_assert_msg(bc_trust_load(&t, &o, &err) == 0, "%s", err.message);
    check_with(&c, sx.signed_pdf, t);
    const bc_signature_report *s = c.signer;
    ck_assert_msg(s->chain == cases[i].chain, "%s: %s", cases[i].crl,
                  s->chain_problem);
    snprintf(want, sizeof want, cases[i].problem, at);
    ck_assert_str_eq(s->chain_problem, want);
    snprintf(want, sizeof want, cases[i].revocation, at);
    ck_assert_str_eq(s->revocation, want);
    bc_trust_free(t);
    checked_free(&c);
  }
}
END_TEST

/* ---- OCSP (trust.c), from a responder on 127.0.0.1 ---- */

typedef struct ocsp_ctx {
  int status; /* V_OCSP_CERTSTATUS_*; -1: no answer */
  X509 *cert; /* the responder: a root CA, for its own certificates */
  EVP_PKEY *key;
  time_t revoked_at;
} ocsp_ctx;

static void ocsp_answer(unsigned char **reply,
                        size_t *reply_len,
                        const unsigned char *body,
                        size_t body_len,
                        void *ud) {
  ocsp_ctx *o = ud;
  const unsigned char *p = body;
  unsigned char *der = NULL;
  if (o->status < 0)
    return;
  OCSP_REQUEST *req = d2i_OCSP_REQUEST(NULL, &p, (long)body_len);
  ck_assert_ptr_nonnull(req);
  OCSP_CERTID *id = OCSP_onereq_get0_id(OCSP_request_onereq_get0(req, 0));
  OCSP_BASICRESP *bs = OCSP_BASICRESP_new();
  ASN1_TIME *now = X509_gmtime_adj(NULL, 0);
  ASN1_TIME *rev = o->status == V_OCSP_CERTSTATUS_REVOKED
                       ? ASN1_TIME_set(NULL, o->revoked_at)
                       : NULL;
  ck_assert_ptr_nonnull(OCSP_basic_add1_status(
      bs, id, o->status,
      rev ? OCSP_REVOKED_STATUS_KEYCOMPROMISE : -1, rev, now, NULL));
  ck_assert_int_eq(OCSP_copy_nonce(bs, req), 1);
  ck_assert_int_eq(OCSP_basic_sign(bs, o->cert, o->key, EVP_sha256(), NULL,
                                   0),
                   1);
  OCSP_RESPONSE *resp =
      OCSP_response_create(OCSP_RESPONSE_STATUS_SUCCESSFUL, bs);
  int len = i2d_OCSP_RESPONSE(resp, &der);
  ck_assert_int_gt(len, 0);
  *reply = der_copy(der, len);
  *reply_len = (size_t)len;
  OPENSSL_free(der);
  OCSP_RESPONSE_free(resp);
  OCSP_BASICRESP_free(bs);
  ASN1_TIME_free(now);
  ASN1_TIME_free(rev);
  OCSP_REQUEST_free(req);
  ERR_clear_error();
}

static void ocsp_open(ocsp_ctx *o, const tu_pki *pki, int status) {
  char path[700];
  memset(o, 0, sizeof *o);
  o->status = status;
  o->revoked_at = sx.now;
  o->cert = pem_read(tu_pki_path(path, sizeof path, pki, "root.crt"), 'c');
  o->key = pem_read(tu_pki_path(path, sizeof path, pki, "root.key"), 'k');
}

static void ocsp_close(ocsp_ctx *o) {
  X509_free(o->cert);
  EVP_PKEY_free(o->key);
}

/* A signer whose certificate names the responder: each answer it can
 * give, one that is not its CA's, none (asked once a run). */
START_TEST(test_sign_trust__ocsp) {
  char url[64], cmd[1024], out[700], want[256];
  const char *anchors[1] = {sx.pki.root};
  static const struct {
    int status, other_ca, requests;
    bc_chain_status chain;
    const char *problem, *revocation; /* %s: the revocation time */
  } cases[] = {
      {V_OCSP_CERTSTATUS_GOOD, 0, 1, BC_CHAIN_TRUSTED, "", "good (OCSP)"},
      {V_OCSP_CERTSTATUS_REVOKED, 0, 1, BC_CHAIN_REVOKED,
       "the certificate was revoked at %s", "revoked at %s"},
      {V_OCSP_CERTSTATUS_UNKNOWN, 0, 1, BC_CHAIN_REVOCATION_UNKNOWN,
       "the OCSP responder does not know the certificate",
       "not checked: the OCSP responder does not know the certificate"},
      {V_OCSP_CERTSTATUS_GOOD, 1, 1, BC_CHAIN_REVOCATION_UNKNOWN,
       "the OCSP responder's answer does not check out",
       "not checked: the OCSP responder's answer does not check out"},
      {-1, 0, 1, BC_CHAIN_REVOCATION_UNKNOWN,
       "the OCSP responder did not answer",
       "not checked: the OCSP responder did not answer"},
  };
  /* The responder's port is in the certificate: one server, started
   * before the certificate is made, for every case. */
  ocsp_ctx o;
  ocsp_open(&o, &sx.pki, V_OCSP_CERTSTATUS_GOOD);
  tu_http *h = tu_http_start(url, 5, ocsp_answer, &o);
  snprintf(cmd, sizeof cmd,
           "printf '[v3_aia]\\nbasicConstraints = CA:FALSE\\n"
           "keyUsage = critical,digitalSignature\\n"
           "authorityInfoAccess = OCSP;URI:%s\\n' >> sign.cnf",
           url);
  tu_pki_run(&sx.pki, NULL, cmd);
  tu_pki_leaf(&sx.pki, "ocsp", "/CN=" SIGNER_CN "/C=VN", "v3_aia", NULL);
  bc_sign_request r = sign_request(sx.blank,
                                   sx_path(out, sizeof out, "ocsp.pdf"),
                                   "ky_nguoi_co_tham_quyen", "ocsp.p12");
  r.now = time(NULL);
  sign_ok(&r);
  ocsp_ctx other;
  ocsp_open(&other, &sx.other, V_OCSP_CERTSTATUS_GOOD);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bc_trust_options to = BC_TRUST_OPTIONS_INIT;
    bc_trust *t = NULL;
    bc_error err;
    checked c;
    X509 *cert = o.cert;
    EVP_PKEY *key = o.key;
    o.status = cases[i].status;
    if (cases[i].other_ca) {
      o.cert = other.cert;
      o.key = other.key;
    }
    to.anchors = anchors;
    to.anchor_count = 1;
    to.ocsp = 1;
    to.ocsp_timeout_s = 20;
    ck_assert_msg(bc_trust_load(&t, &to, &err) == 0, "%s", err.message);
    check_with(&c, out, t);
    const bc_signature_report *s = c.signer;
    ck_assert_msg(s->chain == cases[i].chain, "case %zu: %s", i,
                  s->chain_problem);
    snprintf(want, sizeof want, cases[i].problem, sx.now_utc);
    ck_assert_str_eq(s->chain_problem, want);
    snprintf(want, sizeof want, cases[i].revocation, sx.now_utc);
    ck_assert_str_eq(s->revocation, want);
    checked_free(&c);
    if (cases[i].status < 0) {
      /* Not asked again in the same run. */
      check_with(&c, out, t);
      ck_assert_str_eq(c.signer->revocation,
                       "not checked: the OCSP responder did not answer");
      checked_free(&c);
    }
    o.cert = cert;
    o.key = key;
    bc_trust_free(t);
  }
  ck_assert_int_eq(tu_http_stop(h), 4); /* the last one not answered */
  ocsp_close(&o);
  ocsp_close(&other);
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
  /* Signing without render: a PKI made by openssl, a hand-made PDF. */
  tc = tcase_create("sign");
  tcase_set_timeout(tc, 300);
  tcase_add_checked_fixture(tc, sign_setup, NULL);
  tcase_add_test(tc, test_sign_sign__byte_range_covers_all_but_contents);
  tcase_add_test(tc, test_sign_sign__verified_with_and_without_trust);
  tcase_add_test(tc, test_sign_appearance__text_maps_back);
  tcase_add_test(tc, test_sign_sign__seal_keeps_first_signature_valid);
  tcase_add_test(tc, test_sign_sign__flipped_byte_refused);
  tcase_add_test(tc, test_sign_sign__input_refused);
  tcase_add_test(tc, test_sign_appearance__image);
  tcase_add_test(tc, test_sign_signer__p12_errors);
  tcase_add_test(tc, test_sign_signer__chain_without_repeats);
  tcase_add_test(tc, test_sign_signer__pkcs11_refused);
  tcase_add_test(tc, test_sign_cms__cades_without_signing_time);
  tcase_add_test(tc, test_sign_cms__cades_judged_at_claimed_time);
  tcase_add_test(tc, test_sign_cms__timestamp_trusted_with_its_tsa);
  tcase_add_test(tc, test_sign_cms__timestamp_errors);
  tcase_add_test(tc, test_sign_trust__load_errors);
  tcase_add_test(tc, test_sign_trust__self_signed_and_not_for_signing);
  tcase_add_test(tc, test_sign_trust__crl);
  tcase_add_test(tc, test_sign_trust__ocsp);
  suite_add_tcase(s, tc);
  return s;
}
