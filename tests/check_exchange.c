/* tests/check_exchange.c: reading received report PDFs (exchange/received.c:
 * the attachment and every check of its baocao-data.json, a table of bad
 * documents), writing them into a database (data/received.c: conflicts,
 * one savepoint per file) and bc_database_import_pdfs (exchange/import.c), with an
 * allocation-failure pass. Those PDFs are written here by hand: one page
 * and an uncompressed baocao-data.json in the /EmbeddedFiles name tree.
 * The import policy over signed files (TCase "signed") uses a real one: a
 * throwaway PKI made with openssl, the Trà Vinh reference report rendered
 * and signed (signer, then seal) through the public API, then trusted,
 * untrusted, bound to another agency, a byte flipped, changed after
 * signing by an incremental update, unsigned. */
#include "baocao/baocao.h"
#include "common/arena.h"
#include "common/buf.h"
#include "data/data.h"
#include "exchange/received.h"
#include "pdf/pdfread.h"
#include "testpki.h"
#include "testutil.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SHA "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

/* A good document: agency D01-XX, period 2023-Q3, two values. */
static const char good_json[] =
    "{\"format\":\"baocao-data\",\"version\":1,\"generator\":\"baocao 0.1.0\","
    "\"agency\":{\"code\":\"D01-XX\",\"name\":\"PHÒNG A\","
    "\"full_name\":\"Phòng A\",\"parent_name\":null,\"symbol\":\"PA\","
    "\"place\":\"Trà Vinh\"},"
    "\"period\":{\"code\":\"2023-Q3\",\"kind\":\"quarter\",\"year\":2023,"
    "\"number\":3,\"starts\":\"2023-07-01\",\"ends\":\"2023-09-30\"},"
    "\"report\":{\"template\":\"cchc_quy\",\"template_sha256\":\"" SHA "\","
    "\"number\":null,\"issued_on\":null},"
    "\"values\":[{\"code\":\"a.so\",\"name\":\"Số\",\"unit\":\"hồ sơ\","
    "\"section\":\"a\",\"kind\":\"number\",\"value\":12},"
    "{\"code\":\"a.chu\",\"name\":\"Chữ\",\"unit\":\"\",\"section\":\"a\","
    "\"kind\":\"text\",\"value\":\"có\"}]}";

static const char *tmp(char *buf, size_t size, const char *name) {
  snprintf(buf, size, "%s/%s", tu_tmpdir(), name);
  return buf;
}

/* Where the catalog lists the attachments. */
typedef enum shape {
  FLAT,      /* /Names /EmbeddedFiles << /Names [...] >> */
  KIDS,      /* the same through a /Kids node, listed twice (a loop) */
  AF_ONLY,   /* /AF [...] only */
  NAMES_AF   /* both, naming the same filespecs */
} shape;

/* Writes a one-page PDF to tu_tmpdir()/name carrying the given
 * attachments (NULL: none), each named baocao-data.json, listed as shape
 * says. */
static void write_shaped_pdf(const char *name,
                             const char *const *jsons,
                             size_t n,
                             shape how) {
  char path[600];
  bc_buf b;
  long offs[16];
  int obj = 1;
  FILE *fp;
  ck_assert_uint_le(n, 4);
  bc_buf_init(&b, bc_allocator_default());
  bc_buf_puts(&b, "%PDF-1.7\n");
  offs[obj] = (long)b.len;
  bc_buf_printf(&b, "%d 0 obj\n<< /Type /Catalog /Pages 2 0 R", obj++);
  if (n && how == KIDS)
    bc_buf_printf(&b, " /Names << /EmbeddedFiles << /Kids [%zu 0 R %zu 0 R] "
                      ">> >>",
                  4 + 2 * n, 4 + 2 * n);
  if (n && (how == FLAT || how == NAMES_AF)) {
    bc_buf_puts(&b, " /Names << /EmbeddedFiles << /Names [");
    for (size_t i = 0; i < n; i++)
      bc_buf_printf(&b, " (baocao-data.json) %zu 0 R", 4 + 2 * i);
    bc_buf_puts(&b, " ] >> >>");
  }
  if (n && (how == AF_ONLY || how == NAMES_AF)) {
    bc_buf_puts(&b, " /AF [");
    for (size_t i = 0; i < n; i++)
      bc_buf_printf(&b, " %zu 0 R", 4 + 2 * i);
    bc_buf_puts(&b, " ]");
  }
  bc_buf_puts(&b, " >>\nendobj\n");
  offs[obj] = (long)b.len;
  bc_buf_printf(&b, "%d 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\n"
                    "endobj\n",
                obj++);
  offs[obj] = (long)b.len;
  bc_buf_printf(&b, "%d 0 obj\n<< /Type /Page /Parent 2 0 R "
                    "/MediaBox [0 0 595 842] >>\nendobj\n",
                obj++);
  for (size_t i = 0; i < n; i++) {
    offs[obj] = (long)b.len;
    bc_buf_printf(&b, "%d 0 obj\n<< /Type /Filespec /F (baocao-data.json) "
                      "/UF (baocao-data.json) /EF << /F %d 0 R >> >>\n"
                      "endobj\n",
                  obj, obj + 1);
    obj++;
    offs[obj] = (long)b.len;
    bc_buf_printf(&b, "%d 0 obj\n<< /Type /EmbeddedFile /Length %zu >>\n"
                      "stream\n",
                  obj++, strlen(jsons[i]));
    bc_buf_puts(&b, jsons[i]);
    bc_buf_puts(&b, "\nendstream\nendobj\n");
  }
  if (n && how == KIDS) {
    offs[obj] = (long)b.len;
    bc_buf_printf(&b, "%d 0 obj\n<< /Names [", obj++);
    for (size_t i = 0; i < n; i++)
      bc_buf_printf(&b, " (baocao-data.json) %zu 0 R", 4 + 2 * i);
    bc_buf_puts(&b, " ] >>\nendobj\n");
  }
  long xref = (long)b.len;
  bc_buf_printf(&b, "xref\n0 %d\n0000000000 65535 f \n", obj);
  for (int i = 1; i < obj; i++)
    bc_buf_printf(&b, "%010ld 00000 n \n", offs[i]);
  bc_buf_printf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%ld\n"
                    "%%%%EOF\n",
                obj, xref);
  ck_assert(!b.failed);
  fp = fopen(tmp(path, sizeof path, name), "wb");
  ck_assert_ptr_nonnull(fp);
  ck_assert_uint_eq(fwrite(b.data, 1, b.len, fp), b.len);
  fclose(fp);
  bc_buf_free(&b);
}

static void write_pdf(const char *name, const char *const *jsons, size_t n) {
  write_shaped_pdf(name, jsons, n, FLAT);
}

static void write_json_pdf(const char *name, const char *json) {
  write_pdf(name, &json, 1);
}

/* src with the first `from` replaced by `to`, into out. */
static const char *edit_in(char *out,
                           size_t size,
                           const char *src,
                           const char *from,
                           const char *to) {
  const char *at = strstr(src, from);
  ck_assert_msg(at != NULL, "'%s' is not in the document", from);
  snprintf(out, size, "%.*s%s%s", (int)(at - src), src, to, at + strlen(from));
  return out;
}

/* good_json with the first `from` replaced by `to`, in a static buffer. */
static const char *edit(const char *from, const char *to) {
  static char out[8192];
  return edit_in(out, sizeof out, good_json, from, to);
}

/* bc_received_read of tu_tmpdir()/name, without trust anchors. */
static int read_pdf(bc_received_pdf *out,
                    bc_arena *arena,
                    bc_error *err,
                    const char *name) {
  char path[600];
  bc_error_clear(err);
  return bc_received_read(out, tmp(path, sizeof path, name), NULL, arena, err);
}

/* ---- reading ---- */

START_TEST(test_exchange_received__good_document) {
  bc_arena arena;
  bc_received_pdf p;
  bc_error err;
  bc_arena_init(&arena, bc_allocator_default());
  write_json_pdf("good.pdf", good_json);
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "good.pdf"), 0);
  ck_assert_int_eq(p.verdict, BC_VERDICT_UNSIGNED);
  ck_assert_uint_eq(p.sig_count, 0);
  ck_assert_str_eq(p.signer, "");
  ck_assert_str_eq(p.data.agency_code, "D01-XX");
  ck_assert_str_eq(p.data.agency_name, "PHÒNG A");
  ck_assert_str_eq(p.data.agency_full_name, "Phòng A");
  ck_assert_ptr_null(p.data.agency_parent_name);
  ck_assert_str_eq(p.data.agency_symbol, "PA");
  ck_assert_str_eq(p.data.agency_place, "Trà Vinh");
  ck_assert_str_eq(p.data.period_code, "2023-Q3");
  ck_assert_str_eq(p.data.period_kind, "quarter");
  ck_assert_int_eq(p.data.period_year, 2023);
  ck_assert_int_eq(p.data.period_number, 3);
  ck_assert_str_eq(p.data.period_starts, "2023-07-01");
  ck_assert_str_eq(p.data.period_ends, "2023-09-30");
  ck_assert_str_eq(p.data.template_name, "cchc_quy");
  ck_assert_str_eq(p.data.template_sha256, SHA);
  ck_assert_int_eq(p.data.report_number, 0);
  ck_assert_ptr_null(p.data.report_issued);
  ck_assert_uint_eq(p.data.value_count, 2);
  ck_assert_str_eq(p.data.values[0].code, "a.so");
  ck_assert(p.data.values[0].is_number);
  ck_assert(p.data.values[0].number == 12);
  ck_assert_str_eq(p.data.values[0].unit, "hồ sơ");
  ck_assert_str_eq(p.data.values[1].kind, "text");
  ck_assert(!p.data.values[1].is_number);
  ck_assert_str_eq(p.data.values[1].text, "có");
  /* Text is taken as NFC; a date value, a numbered, dated year report. */
  write_json_pdf(
      "good2.pdf",
      "{\"format\":\"baocao-data\",\"version\":1,"
      "\"agency\":{\"code\":\"D01-XX\",\"name\":\"PHO\xCC\x80NG\","
      "\"full_name\":\"\",\"parent_name\":\"UBND\",\"symbol\":\"\","
      "\"place\":\"\"},"
      "\"period\":{\"code\":\"2023\",\"kind\":\"year\",\"year\":2023,"
      "\"number\":null,\"starts\":\"2023-01-01\",\"ends\":\"2023-12-31\"},"
      "\"report\":{\"template\":\"pl/nam\",\"template_sha256\":\"" SHA "\","
      "\"number\":45,\"issued_on\":\"2024-01\"},"
      "\"values\":[{\"code\":\"a.ngay\",\"name\":\"Ngày\",\"unit\":\"\","
      "\"section\":\"\",\"kind\":\"date\",\"value\":\"2023-09-28\"}]}");
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "good2.pdf"), 0);
  ck_assert_str_eq(p.data.agency_name, "PHÒNG");
  ck_assert_str_eq(p.data.agency_parent_name, "UBND");
  ck_assert_int_eq(p.data.period_number, 0);
  ck_assert_int_eq(p.data.report_number, 45);
  ck_assert_str_eq(p.data.report_issued, "2024-01");
  ck_assert_str_eq(p.data.template_name, "pl/nam");
  ck_assert_str_eq(p.data.values[0].text, "2023-09-28");
  bc_arena_release(&arena);
}
END_TEST

typedef struct bad_doc {
  const char *name;
  const char *from, *to; /* the edit of good_json; from NULL: `to` whole */
  int code;
  const char *message; /* after "'<path>': " */
} bad_doc;

#define DJ "baocao-data.json"
static const bad_doc bad_docs[] = {
    {"not JSON", NULL, "{\"format\": ", BC_EDATA, DJ " is not JSON"},
    {"empty", NULL, "", BC_EDATA, DJ " is not JSON"},
    {"key twice", "\"generator\"", "\"format\":\"baocao-data\",\"generator\"",
     BC_EDATA, DJ ": format is there twice (a key may appear once)"},
    {"nested key twice", "\"unit\":\"hồ sơ\"", "\"unit\":\"x\",\"unit\":\"hồ sơ\"",
     BC_EDATA, DJ ": values[0].unit is there twice (a key may appear once)"},
    {"key twice, by escape", "\"symbol\":\"PA\"",
     "\"symbol\":\"PA\",\"\\u0073ymbol\":\"PB\"", BC_EDATA,
     DJ ": agency.symbol is there twice (a key may appear once)"},
    {"key twice, by surrogate pair", "\"symbol\"",
     "\"\\ud83d\\ude00\":1,\"\xF0\x9F\x98\x80\":2,\"symbol\"", BC_EDATA,
     DJ ": agency.\xF0\x9F\x98\x80 is there twice (a key may appear once)"},
    {"key twice, by \\t", "\"symbol\"",
     "\"a\\tb\":1,\"a\\u0009b\":2,\"symbol\"", BC_EDATA,
     DJ ": agency.a\tb is there twice (a key may appear once)"},
    {"U+0000 in a value", "\"value\":\"có\"", "\"value\":\"c\\u0000\"",
     BC_EDATA, DJ ": values[1].value holds a NUL character (\\u0000)"},
    {"U+0000 in a key", "\"symbol\"", "\"s\\u0000\":1,\"symbol\"", BC_EDATA,
     DJ ": agency has a key with a NUL character (\\u0000)"},
    {"not baocao-data", "\"baocao-data\"", "\"baocao-dat\"", BC_EDATA,
     DJ " is not baocao-data"},
    {"format not text", "\"baocao-data\"", "1", BC_EDATA,
     DJ " is not baocao-data"},
    {"version 2", "\"version\":1", "\"version\":2", BC_EDATA,
     DJ " has version 2; this baocao reads version 1"},
    {"version past int", "\"version\":1", "\"version\":4294967297", BC_EDATA,
     DJ " has version 4294967297; this baocao reads version 1"},
    {"version as text", "\"version\":1", "\"version\":\"1\"", BC_EDATA,
     DJ " has version 0; this baocao reads version 1"},
    {"no agency", "\"agency\"", "\"agence\"", BC_EDATA,
     DJ ": agency is missing or of the wrong type"},
    {"period an array", "\"period\":{", "\"period\":[],\"p\":{", BC_EDATA,
     DJ ": period is missing or of the wrong type"},
    {"no report", "\"report\"", "\"rapport\"", BC_EDATA,
     DJ ": report is missing or of the wrong type"},
    {"values an object", "\"values\":[", "\"values\":{},\"v\":[", BC_EDATA,
     DJ ": values is missing or of the wrong type"},
    {"agency code", "\"D01-XX\"", "\"D01 XX\"", BC_EDATA,
     DJ ": agency.code is not an agency code (letters, digits, - _)"},
    {"agency code missing", "\"code\":\"D01-XX\",", "", BC_EDATA,
     DJ ": agency.code is missing or not text"},
    {"agency name a number", "\"PHÒNG A\"", "5", BC_EDATA,
     DJ ": agency.name is missing or not text"},
    {"parent name a number", "\"parent_name\":null", "\"parent_name\":1",
     BC_EDATA, DJ ": agency.parent_name is not text or null"},
    {"place not UTF-8", "\"Trà Vinh\"", "\"Tr\xE0 Vinh\"", BC_EDATA,
     DJ ": agency.place is not valid UTF-8"},
    {"period code", "\"2023-Q3\"", "\"2023 Q3\"", BC_EDATA,
     DJ ": period.code is not a period code"},
    {"period kind", "\"quarter\"", "\"month\"", BC_EDATA,
     DJ ": period.kind is not quarter, half, nine_months, year or custom"},
    {"year too small", "\"year\":2023", "\"year\":1899", BC_EDATA,
     DJ ": period.year is not a whole number from 1900 to 9999"},
    {"year not whole", "\"year\":2023", "\"year\":2023.5", BC_EDATA,
     DJ ": period.year is not a whole number from 1900 to 9999"},
    {"year huge", "\"year\":2023", "\"year\":1e300", BC_EDATA,
     DJ ": period.year is not a whole number from 1900 to 9999"},
    {"year as text", "\"year\":2023", "\"year\":\"2023\"", BC_EDATA,
     DJ ": period.year is not a whole number from 1900 to 9999"},
    {"quarter 5", "\"number\":3", "\"number\":5", BC_EDATA,
     DJ ": period.number is not a whole number from 1 to 4"},
    {"quarter missing", "\"number\":3,", "", BC_EDATA,
     DJ ": period.number is not a whole number from 1 to 4"},
    {"number of a half", "\"quarter\"", "\"half\"", BC_EDATA,
     DJ ": period.number is set for a period that is not a quarter"},
    {"starts month 13", "\"2023-07-01\"", "\"2023-13-01\"", BC_EDATA,
     DJ ": period.starts is not a date (YYYY-MM-DD)"},
    {"ends partial", "\"2023-09-30\"", "\"2023-09\"", BC_EDATA,
     DJ ": period.ends is not a date (YYYY-MM-DD)"},
    {"ends Vietnamese", "\"2023-09-30\"", "\"30/09/2023\"", BC_EDATA,
     DJ ": period.ends is not a date (YYYY-MM-DD)"},
    {"template path", "\"cchc_quy\"", "\"../cchc_quy\"", BC_EDATA,
     DJ ": report.template is not a template name"},
    {"sha256 short", "\"" SHA "\"", "\"0123\"", BC_EDATA,
     DJ ": report.template_sha256 is not a SHA-256 in hex"},
    {"sha256 upper", "\"" SHA "\"",
     "\"0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef\"",
     BC_EDATA, DJ ": report.template_sha256 is not a SHA-256 in hex"},
    {"report number 0", "\"number\":null", "\"number\":0", BC_EDATA,
     DJ ": report.number is not a whole number from 1 to 999999"},
    {"report number big", "\"number\":null", "\"number\":1000000", BC_EDATA,
     DJ ": report.number is not a whole number from 1 to 999999"},
    {"issued on", "\"issued_on\":null", "\"issued_on\":\"05/01/2024\"",
     BC_EDATA,
     DJ ": report.issued_on is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"},
    {"value not an object", "\"values\":[", "\"values\":[1,", BC_EDATA,
     DJ ": values[0] is not an object"},
    {"value code", "\"a.so\"", "\"A.SO\"", BC_EDATA,
     DJ ": values[0].code is not an indicator code (a-z 0-9 _ .)"},
    {"value name missing", "\"name\":\"Số\",", "", BC_EDATA,
     DJ ": values[0].name is missing or not text"},
    {"value section", "\"section\":\"a\"", "\"section\":\"a.b\"", BC_EDATA,
     DJ ": values[0].section is not a section code (a-z 0-9 _)"},
    {"value kind", "\"kind\":\"number\"", "\"kind\":\"money\"", BC_EDATA,
     DJ ": values[0].kind is not number, percent, text or date"},
    {"number as text", "\"value\":12", "\"value\":\"12\"", BC_EDATA,
     DJ ": values[0].value is not a number"},
    {"number out of range", "\"value\":12", "\"value\":1e999", BC_EDATA,
     DJ ": values[0].value is not a number"},
    {"number null", "\"value\":12", "\"value\":null", BC_EDATA,
     DJ ": values[0].value is not a number"},
    {"text a number", "\"value\":\"có\"", "\"value\":7", BC_EDATA,
     DJ ": values[1].value is missing or not text"},
    {"date not a date", "\"kind\":\"text\",\"value\":\"có\"",
     "\"kind\":\"date\",\"value\":\"2023-09\"", BC_EDATA,
     DJ ": values[1].value is not a date (YYYY-MM-DD)"},
};

/* Each bad document, attached to a PDF, is refused with its code and the
 * exact message, naming the file and the field. */
START_TEST(test_exchange_received__bad_documents) {
  bc_arena arena;
  bc_received_pdf p;
  bc_error err;
  char path[600], want[1024];
  bc_arena_init(&arena, bc_allocator_default());
  tmp(path, sizeof path, "bad.pdf");
  for (size_t i = 0; i < sizeof bad_docs / sizeof bad_docs[0]; i++) {
    const bad_doc *d = &bad_docs[i];
    write_json_pdf("bad.pdf", d->from ? edit(d->from, d->to) : d->to);
    int rc = read_pdf(&p, &arena, &err, "bad.pdf");
    snprintf(want, sizeof want, "'%s': %s", path, d->message);
    ck_assert_msg(rc == d->code && !strcmp(err.message, want),
                  "%s: %d '%s', not %d '%s'", d->name, rc, err.message,
                  d->code, want);
  }
  bc_arena_release(&arena);
}
END_TEST

/* 256 members in an object at most; two attachments, none, not a PDF, no
 * file. */
START_TEST(test_exchange_received__attachments_and_limits) {
  bc_arena arena;
  bc_received_pdf p;
  bc_error err;
  char path[600], want[1024];
  const char *two[2] = {good_json, good_json};
  bc_buf big;
  bc_arena_init(&arena, bc_allocator_default());
  /* 257 members in agency: refused; 256 pass this check. */
  bc_buf_init(&big, bc_allocator_default());
  for (int i = 0; i < 250; i++)
    bc_buf_printf(&big, "\"x%d\":0,", i);
  bc_buf_puts(&big, "\"symbol\"");
  write_json_pdf("members.pdf", edit("\"symbol\"", bc_buf_cstr(&big)));
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "members.pdf"), 0);
  big.len = 0;
  for (int i = 0; i < 251; i++)
    bc_buf_printf(&big, "\"x%d\":0,", i);
  bc_buf_puts(&big, "\"symbol\"");
  write_json_pdf("members.pdf", edit("\"symbol\"", bc_buf_cstr(&big)));
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "members.pdf"), BC_EDATA);
  snprintf(want, sizeof want, "'%s': " DJ ": agency has more than 256 members",
           tmp(path, sizeof path, "members.pdf"));
  ck_assert_str_eq(err.message, want);
  bc_buf_free(&big);
  /* Two attachments of that name. */
  write_pdf("two.pdf", two, 2);
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "two.pdf"), BC_EDATA);
  snprintf(want, sizeof want,
           "'%s' carries 2 files named " DJ ": which one holds the report "
           "is not clear",
           tmp(path, sizeof path, "two.pdf"));
  ck_assert_str_eq(err.message, want);
  /* Found through a /Kids node listed twice (read once), through /AF
   * alone, and through both (one filespec); two through /AF. */
  static const shape shapes[] = {KIDS, AF_ONLY, NAMES_AF};
  for (size_t i = 0; i < 3; i++) {
    write_shaped_pdf("shaped.pdf", two, 1, shapes[i]);
    ck_assert_msg(read_pdf(&p, &arena, &err, "shaped.pdf") == 0,
                  "shape %zu: %s", i, err.message);
    ck_assert_str_eq(p.data.agency_code, "D01-XX");
  }
  write_shaped_pdf("two-af.pdf", two, 2, AF_ONLY);
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "two-af.pdf"), BC_EDATA);
  ck_assert_msg(strstr(err.message, "carries 2 files named") != NULL, "%s",
                err.message);
  /* 100000 values at most. */
  bc_buf_init(&big, bc_allocator_default());
  bc_buf_puts(&big, "\"values\":[");
  for (int i = 0; i < 100001; i++)
    bc_buf_puts(&big, "0,");
  ck_assert(!big.failed);
  {
    const char *at = strstr(good_json, "\"values\":[");
    bc_buf doc;
    bc_buf_init(&doc, bc_allocator_default());
    bc_buf_printf(&doc, "%.*s%s%s", (int)(at - good_json), good_json,
                  bc_buf_cstr(&big), at + strlen("\"values\":["));
    write_json_pdf("many.pdf", bc_buf_cstr(&doc));
    bc_buf_free(&doc);
  }
  bc_buf_free(&big);
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "many.pdf"), BC_EDATA);
  snprintf(want, sizeof want, "'%s': " DJ ": values has more than 100000 items",
           tmp(path, sizeof path, "many.pdf"));
  ck_assert_str_eq(err.message, want);
  /* None. */
  write_pdf("none.pdf", NULL, 0);
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "none.pdf"), BC_EPDF);
  snprintf(want, sizeof want,
           "'%s' carries no report data (no " DJ " inside: not made by "
           "baocao 0.2 or later)",
           tmp(path, sizeof path, "none.pdf"));
  ck_assert_str_eq(err.message, want);
  /* Not a PDF, and no file. */
  FILE *fp = fopen(tmp(path, sizeof path, "text.pdf"), "wb");
  ck_assert_ptr_nonnull(fp);
  fputs("not a PDF\n", fp);
  fclose(fp);
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "text.pdf"), BC_EPDF);
  ck_assert_msg(strstr(err.message, path) != NULL, "%s", err.message);
  ck_assert_int_eq(read_pdf(&p, &arena, &err, "missing.pdf"), BC_EINPUT);
  ck_assert_msg(strstr(err.message, "missing.pdf") != NULL, "%s",
                err.message);
  bc_arena_release(&arena);
}
END_TEST

/* Every allocation of reading a good PDF fails in turn: BC_ENOMEM, nothing
 * leaked. */
static int read_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  bc_arena arena;
  bc_received_pdf p;
  char path[600];
  int rc;
  bc_arena_init(&arena, alloc);
  rc = bc_received_read(&p, tmp(path, sizeof path, ud), NULL, &arena, err);
  if (!rc) {
    ck_assert_str_eq(p.data.agency_code, "D01-XX");
    ck_assert_uint_eq(p.data.value_count, 2);
  }
  bc_arena_release(&arena);
  return rc;
}

START_TEST(test_exchange_received__every_allocation_failure) {
  long runs;
  write_json_pdf("oom.pdf", good_json);
  runs = tu_every_allocation_failure(0, read_op, "oom.pdf");
  printf("oom.pdf: %ld allocation indices failed in turn, each clean\n",
         runs - 1);
  ck_assert_int_gt(runs, 20);
  ck_assert_int_eq(tu_every_allocation_failure(1, read_op, "oom.pdf"), runs);
}
END_TEST

/* ---- into the database ---- */

static char db[512];

static const char base_sql[] =
    "INSERT INTO agency (code, name, full_name, symbol, place) VALUES "
    "('T1', 'UBND TỈNH', 'Ủy ban', 'UBND', 'Tỉnh');\n"
    "INSERT INTO period (code, kind, year, number, starts, ends) VALUES "
    "('2023-Q3', 'quarter', 2023, 3, '2023-07-01', '2023-09-30');\n"
    "INSERT INTO indicator (code, section, name, unit, kind) VALUES "
    "('a.so', 'a', 'Số', 'hồ sơ', 'number');\n";

static void fresh_db(void) {
  char sql[600];
  bc_error err;
  FILE *fp;
  tmp(db, sizeof db, "up.db");
  unlink(db);
  fp = fopen(tmp(sql, sizeof sql, "base.sql"), "wb");
  ck_assert_ptr_nonnull(fp);
  fputs(base_sql, fp);
  fclose(fp);
  ck_assert_int_eq(bc_database_create(db, NULL, &err), 0);
  ck_assert_int_eq(bc_database_load_sql(db, sql, NULL, &err), 0);
}

/* One number from the database at path, by SQL (a constant in the
 * test). */
static long count_in(const char *path, const char *sql) {
  sqlite3 *h;
  sqlite3_stmt *s;
  long n;
  ck_assert_int_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
  n = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  sqlite3_close(h);
  return n;
}

/* One number from the database of the db tests. */
static long count_of(const char *sql) {
  return count_in(db, sql);
}

#define VALUES "SELECT count(*) FROM indicator_value"
#define AGENCIES "SELECT count(*) FROM agency"
#define INDICATORS "SELECT count(*) FROM indicator"

/* The data of good_json edited, read back through a PDF. */
static bc_received received(bc_arena *arena, const char *name,
                            const char *json) {
  bc_received_pdf p;
  bc_error err;
  write_json_pdf(name, json);
  ck_assert_msg(read_pdf(&p, arena, &err, name) == 0, "%s", err.message);
  return p.data;
}

/* Values are inserted once, then found unchanged; a new agency gets the
 * parent; a value, a period's dates or an indicator's kind that differ
 * refuse the file with the exact message, and nothing is written. */
START_TEST(test_exchange_db__conflicts) {
  bc_arena arena;
  bc_received items[2];
  bc_received_result res[2];
  bc_error err;
  bc_arena_init(&arena, bc_allocator_default());
  fresh_db();
  items[0] = received(&arena, "c0.pdf", good_json);
  ck_assert_int_eq(
      bc_db_import_received(db, items, 1, "T1", false, res, &err), 0);
  ck_assert_int_eq(res[0].code, 0);
  ck_assert_uint_eq(res[0].inserted, 2);
  ck_assert_uint_eq(res[0].unchanged, 0);
  ck_assert(res[0].agency_created);
  ck_assert_int_eq(count_of(VALUES), 2);
  ck_assert_int_eq(count_of("SELECT count(*) FROM agency WHERE code = "
                            "'D01-XX' AND parent_code = 'T1'"),
                   1);
  ck_assert_int_eq(count_of(INDICATORS), 2); /* a.chu added */
  /* Again: unchanged, the agency already there. */
  ck_assert_int_eq(
      bc_db_import_received(db, items, 1, NULL, false, res, &err), 0);
  ck_assert_uint_eq(res[0].inserted, 0);
  ck_assert_uint_eq(res[0].unchanged, 2);
  ck_assert(!res[0].agency_created);

  static const struct {
    const char *from, *to, *message;
  } conflicts[] = {
      {"\"value\":12", "\"value\":13",
       "indicator 'a.so' of agency 'D01-XX', period '2023-Q3' is 12 in the "
       "database (or a file imported before) but 13 in this file"},
      {"\"value\":\"có\"", "\"value\":\"không\"",
       "indicator 'a.chu' of agency 'D01-XX', period '2023-Q3' is 'có' in "
       "the database (or a file imported before) but 'không' in this file"},
      {"\"2023-09-30\"", "\"2023-09-29\"",
       "period '2023-Q3' is 2023-07-01 to 2023-09-30 in the database but "
       "2023-07-01 to 2023-09-29 in the file"},
      {"\"kind\":\"number\"", "\"kind\":\"percent\"",
       "indicator 'a.so' is of kind number in the database but percent in "
       "the file"},
      /* data/valid.c's judge, before anything is written. */
      {"\"2023-07-01\"", "\"2023-10-01\"",
       DJ ": period.ends: 2023-09-30 is before starts 2023-10-01"},
  };
  for (size_t i = 0; i < sizeof conflicts / sizeof conflicts[0]; i++) {
    items[0] = received(&arena, "c1.pdf", edit(conflicts[i].from,
                                               conflicts[i].to));
    bc_error_clear(&err);
    ck_assert_int_eq(
        bc_db_import_received(db, items, 1, NULL, false, res, &err),
        BC_EDATA);
    ck_assert_int_eq(res[0].code, BC_EDATA);
    ck_assert_str_eq(res[0].message, conflicts[i].message);
    ck_assert_str_eq(err.message, "nothing was imported: a file conflicts "
                                  "with the database");
    ck_assert_uint_eq(res[0].inserted + res[0].unchanged, 0);
  }
  ck_assert_int_eq(count_of(VALUES), 2);
  ck_assert_int_eq(count_of(
                       "SELECT count(*) FROM indicator_value WHERE num = 12"),
                   1);
  /* A period the database lacks is created, a quarter with its number. */
  {
    char j1[8192], j2[8192], j3[8192];
    edit_in(j1, sizeof j1, good_json, "\"2023-Q3\"", "\"2023-Q4\"");
    edit_in(j2, sizeof j2, j1, "\"number\":3,\"starts\":\"2023-07-01\","
            "\"ends\":\"2023-09-30\"",
            "\"number\":4,\"starts\":\"2023-10-01\","
            "\"ends\":\"2023-12-31\"");
    edit_in(j3, sizeof j3, j2, "\"value\":12", "\"value\":14");
    items[0] = received(&arena, "c2.pdf", j3);
  }
  ck_assert_int_eq(
      bc_db_import_received(db, items, 1, NULL, false, res, &err), 0);
  ck_assert_uint_eq(res[0].inserted, 2);
  ck_assert_int_eq(count_of("SELECT count(*) FROM period WHERE code = "
                            "'2023-Q4' AND kind = 'quarter' AND number = 4 "
                            "AND starts = '2023-10-01' AND ends = "
                            "'2023-12-31'"),
                   1);
  ck_assert_int_eq(count_of(VALUES), 4);
  /* An unknown parent. */
  ck_assert_int_eq(
      bc_db_import_received(db, items, 1, "ZZ", false, res, &err),
      BC_ENOTFOUND);
  ck_assert_str_eq(err.message, "unknown agency 'ZZ' (--parent)");
  bc_arena_release(&arena);
}
END_TEST

/* Each file under its own savepoint: a file refused after some of its
 * rows were written (a new agency, a new indicator, a first value) leaves
 * none of them; with keep_going the others are committed, without it
 * nothing is. */
START_TEST(test_exchange_db__savepoints) {
  bc_arena arena;
  bc_received items[3];
  bc_received_result res[3];
  bc_error err;
  bc_arena_init(&arena, bc_allocator_default());
  fresh_db();
  /* An earlier file sets a.so of D09-XX to 12. */
  items[0] = received(&arena, "s0.pdf", edit("\"D01-XX\"", "\"D09-XX\""));
  ck_assert_int_eq(
      bc_db_import_received(db, items, 1, NULL, false, res, &err), 0);
  ck_assert_int_eq(count_of(VALUES), 2);
  ck_assert_int_eq(count_of(AGENCIES), 2);
  /* D02-XX and D04-XX: good. D03-XX: a new indicator a.moi and its
   * value first, then a.so as a percent, which conflicts with the
   * database's number. */
  items[0] = received(&arena, "s1.pdf", edit("\"D01-XX\"", "\"D02-XX\""));
  {
    char j1[8192], j2[8192], j3[8192];
    edit_in(j1, sizeof j1, good_json, "\"values\":[",
            "\"values\":[{\"code\":\"a.moi\",\"name\":\"Mới\","
            "\"unit\":\"\",\"section\":\"a\",\"kind\":\"number\","
            "\"value\":1},");
    edit_in(j2, sizeof j2, j1, "\"kind\":\"number\",\"value\":12",
            "\"kind\":\"percent\",\"value\":12");
    edit_in(j3, sizeof j3, j2, "\"D01-XX\"", "\"D03-XX\"");
    items[1] = received(&arena, "s2.pdf", j3);
  }
  items[2] = received(&arena, "s3.pdf", edit("\"D01-XX\"", "\"D04-XX\""));
  /* Without keep_going: nothing. */
  ck_assert_int_eq(
      bc_db_import_received(db, items, 3, NULL, false, res, &err), BC_EDATA);
  ck_assert_int_eq(res[0].code, 0);
  ck_assert_int_eq(res[1].code, BC_EDATA);
  ck_assert_str_eq(res[1].message, "indicator 'a.so' is of kind number in "
                                   "the database but percent in the file");
  ck_assert_int_eq(count_of(VALUES), 2);
  ck_assert_int_eq(count_of(AGENCIES), 2);
  ck_assert_int_eq(count_of(INDICATORS), 2);
  /* With keep_going: D02 and D04, none of D03's rows. */
  ck_assert_int_eq(
      bc_db_import_received(db, items, 3, NULL, true, res, &err), 0);
  ck_assert_int_eq(res[0].code, 0);
  ck_assert_uint_eq(res[0].inserted, 2);
  ck_assert_int_eq(res[1].code, BC_EDATA);
  ck_assert_uint_eq(res[1].inserted, 0);
  ck_assert(!res[1].agency_created);
  ck_assert_int_eq(res[2].code, 0);
  ck_assert_uint_eq(res[2].inserted, 2);
  ck_assert_int_eq(count_of(VALUES), 6);
  ck_assert_int_eq(count_of(AGENCIES), 4);
  ck_assert_int_eq(
      count_of("SELECT count(*) FROM agency WHERE code = 'D03-XX'"), 0);
  ck_assert_int_eq(count_of("SELECT count(*) FROM indicator WHERE code = "
                            "'a.moi'"),
                   0);
  bc_arena_release(&arena);
}
END_TEST

/* The database locked by another connection: BC_EDB saying so (after
 * the 2 s the library waits). An INSERT the database refuses (a trigger
 * here): BC_EDB with SQLite's message, even with keep_going, and nothing
 * of the file kept. */
START_TEST(test_exchange_db__locked_and_refusing) {
  bc_arena arena;
  bc_received items[1];
  bc_received_result res[1];
  bc_error err;
  char want[700];
  sqlite3 *h;
  bc_arena_init(&arena, bc_allocator_default());
  fresh_db();
  items[0] = received(&arena, "l0.pdf", good_json);
  ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
  ck_assert_int_eq(sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   SQLITE_OK);
  bc_error_clear(&err);
  ck_assert_int_eq(
      bc_db_import_received(db, items, 1, NULL, true, res, &err), BC_EDB);
  snprintf(want, sizeof want, "database '%s' is locked by another program",
           db);
  ck_assert_str_eq(err.message, want);
  ck_assert_int_eq(sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq(
      sqlite3_exec(h,
                   "CREATE TRIGGER no_values BEFORE INSERT ON indicator_value "
                   "BEGIN SELECT RAISE(ABORT, 'no values here'); END",
                   NULL, NULL, NULL),
      SQLITE_OK);
  sqlite3_close(h);
  ck_assert_int_eq(
      bc_db_import_received(db, items, 1, NULL, true, res, &err), BC_EDB);
  snprintf(want, sizeof want, "database '%s': no values here", db);
  ck_assert_str_eq(err.message, want);
  ck_assert_int_eq(count_of(VALUES), 0);
  ck_assert_int_eq(count_of(AGENCIES), 1);
  ck_assert_int_eq(count_of(INDICATORS), 1);
  bc_arena_release(&arena);
}
END_TEST

/* bc_database_import_pdfs: the policy over unsigned files and periods, and the
 * counts it gives. */
START_TEST(test_exchange_import__unsigned_and_period) {
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  bc_error err;
  char p0[600], p1[600], want[1400];
  const char *paths[2] = {tmp(p0, sizeof p0, "i0.pdf"),
                          tmp(p1, sizeof p1, "i1.pdf")};
  fresh_db();
  write_json_pdf("i0.pdf", good_json);
  write_json_pdf("i1.pdf", edit("\"D01-XX\"", "\"D02-XX\""));
  o.db_path = db;
  o.paths = paths;
  o.path_count = 2;
  /* Not signed: refused, unless asked. */
  ck_assert_int_eq(bc_database_import_pdfs(&r, &o, &err), BC_EVERIFY);
  ck_assert_str_eq(err.message, "nothing was imported: 2 of 2 files refused "
                                "(--keep-going imports the others)");
  ck_assert_uint_eq(bc_import_pdf_result_file_count(r), 2);
  ck_assert_uint_eq(bc_import_pdf_result_refused(r), 2);
  snprintf(want, sizeof want,
           "'%s' is not signed (--accept-unsigned imports it anyway)", p0);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->message, want);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->code, BC_EVERIFY);
  ck_assert_ptr_null(bc_import_pdf_result_file(r, 2));
  bc_import_pdf_result_free(r);
  ck_assert_int_eq(count_of(VALUES), 0);
  /* Another period than asked. */
  o.accept_unsigned = 1;
  o.period = "2023-Q4";
  ck_assert_int_eq(bc_database_import_pdfs(&r, &o, &err), BC_EDATA);
  snprintf(want, sizeof want,
           "'%s' holds data of period '2023-Q3', not '2023-Q4'", p1);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->message, want);
  bc_import_pdf_result_free(r);
  /* Imported. */
  o.period = "2023-Q3";
  ck_assert_int_eq(bc_database_import_pdfs(&r, &o, &err), 0);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 2);
  ck_assert_uint_eq(bc_import_pdf_result_refused(r), 0);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->agency, "D02-XX");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->period, "2023-Q3");
  ck_assert_uint_eq(bc_import_pdf_result_file(r, 1)->inserted, 2);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->signature,
                   "not signed, imported because of --accept-unsigned");
  bc_import_pdf_result_free(r);
  ck_assert_int_eq(count_of(VALUES), 4);
  /* A conflict found in the database, with keep_going: the other file. */
  write_json_pdf("i1.pdf", edit("\"value\":12", "\"value\":99"));
  paths[0] = tmp(p0, sizeof p0, "i2.pdf");
  write_json_pdf("i2.pdf", edit("\"D01-XX\"", "\"D05-XX\""));
  o.keep_going = 1;
  ck_assert_int_eq(bc_database_import_pdfs(&r, &o, &err), 0);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 1);
  ck_assert_uint_eq(bc_import_pdf_result_refused(r), 1);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 1)->code, BC_EDATA);
  snprintf(want, sizeof want,
           "'%s': indicator 'a.so' of agency 'D01-XX', period '2023-Q3' is "
           "12 in the database (or a file imported before) but 99 in this "
           "file",
           p1);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->message, want);
  bc_import_pdf_result_free(r);
  ck_assert_int_eq(count_of(VALUES), 6);
  /* A path that is not there. */
  paths[0] = tmp(p0, sizeof p0, "nowhere");
  ck_assert_int_eq(bc_database_import_pdfs(&r, &o, &err), BC_EINPUT);
  ck_assert_msg(strstr(err.message, "cannot open") != NULL, "%s",
                err.message);
  ck_assert_ptr_null(r); /* no file was judged */
}
END_TEST

/* A directory stands for its *.pdf files (any case of the suffix, not
 * hidden ones), in name order. */
START_TEST(test_exchange_import__directory) {
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  bc_error err;
  char dir[600], want[700];
  const char *paths[1] = {tmp(dir, sizeof dir, "inbox")};
  FILE *fp;
  fresh_db();
  mkdir(dir, 0777);
  write_json_pdf("inbox/b.PDF", edit("\"D01-XX\"", "\"D02-XX\""));
  write_json_pdf("inbox/a.pdf", good_json);
  write_json_pdf("inbox/.hidden.pdf", edit("\"D01-XX\"", "\"D03-XX\""));
  fp = fopen(tmp(want, sizeof want, "inbox/notes.txt"), "wb");
  ck_assert_ptr_nonnull(fp);
  fclose(fp);
  o.db_path = db;
  o.paths = paths;
  o.path_count = 1;
  o.accept_unsigned = 1;
  ck_assert_int_eq(bc_database_import_pdfs(&r, &o, &err), 0);
  ck_assert_uint_eq(bc_import_pdf_result_file_count(r), 2);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 2);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->path, tmp(want, sizeof want, "inbox/a.pdf"));
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->agency, "D01-XX");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->path, tmp(want, sizeof want, "inbox/b.PDF"));
  ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->agency, "D02-XX");
  bc_import_pdf_result_free(r);
  ck_assert_int_eq(count_of(VALUES), 4);
  ck_assert_int_eq(
      count_of("SELECT count(*) FROM agency WHERE code = 'D03-XX'"), 0);
  /* An unknown options version. */
  o.version = 99;
  ck_assert_int_eq(bc_database_import_pdfs(&r, &o, &err), BC_EINVAL);
  ck_assert_str_eq(err.message, "bc_database_import_pdfs: options->version is "
                                "not BC_IMPORT_PDF_OPTIONS_VERSION");
  ck_assert_ptr_null(r);
}
END_TEST

/* bc_database_import_pdfs of a directory of two unsigned files through
 * alloc: both imported (again, unchanged, on later runs). */
static int import_pdfs_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  const char *paths[1] = {ud};
  int rc;
  o.db_path = db;
  o.paths = paths;
  o.path_count = 1;
  o.accept_unsigned = 1;
  o.alloc = alloc;
  rc = bc_database_import_pdfs(&r, &o, err);
  if (rc == 0) {
    ck_assert_uint_eq(bc_import_pdf_result_file_count(r), 2);
    ck_assert_uint_eq(bc_import_pdf_result_imported(r), 2);
    ck_assert_str_eq(bc_import_pdf_result_file(r, 1)->agency, "D02-XX");
  }
  bc_import_pdf_result_free(r);
  return rc;
}

/* Every allocation of import-pdf fails in turn: BC_ENOMEM, nothing leaked,
 * nothing written (transient, then persistent). */
START_TEST(test_exchange_import__every_allocation_failure) {
  char dir[600];
  long runs;
  fresh_db();
  mkdir(tmp(dir, sizeof dir, "oominbox"), 0777);
  write_json_pdf("oominbox/a.pdf", good_json);
  write_json_pdf("oominbox/b.pdf", edit("\"D01-XX\"", "\"D02-XX\""));
  runs = tu_every_allocation_failure(0, import_pdfs_op, dir);
  printf("import-pdf: %ld allocation indices failed in turn, each clean\n",
         runs - 1);
  ck_assert_int_gt(runs, 40);
  ck_assert_int_eq(count_of(VALUES), 4);
  ck_assert_int_eq(tu_every_allocation_failure(1, import_pdfs_op, dir), runs);
  ck_assert_int_eq(count_of(VALUES), 4);
}
END_TEST

/* ---- signed files: a throwaway PKI, a rendered and signed report ---- */

/* What every test of signed files shares, made once per process in
 * tu_tmpdir()/pki: a root CA; the seal's certificate (ky_co_quan, the
 * agency's) and the signer's (ky_nguoi_co_tham_quyen) under it, each as
 * PKCS#12 with the root; the SHA-256 of each public key, as openssl
 * computes it; the Trà Vinh reference report rendered from the reference
 * samples, unsigned, signed by the signer, and signed by both; trust
 * options with the root as their one anchor. */
static struct signed_fixture {
  int ready;
  tu_pki pki;
  char seal_p12[700], signer_p12[700];
  char seal_spki[65], signer_spki[65];
  char sample_db[700];
  char unsigned_pdf[700], signer_pdf[700], both_pdf[700];
  long values; /* indicator values of STTTT-TV, 2023-Q3 */
  const char *anchors[1];
  bc_trust_options trust;
} fx;

#define SEAL_SUBJECT                                                           \
  "C=VN,O=UBND tỉnh Trà Vinh,CN=Sở Thông tin và Truyền thông Trà Vinh"

static int new_context(bc_context **ctx, bc_error *err) {
  char fonts[512], templates[512];
  bc_context_options o = BC_CONTEXT_OPTIONS_INIT;
  o.font_dir = tu_source_path(fonts, sizeof fonts, "fonts");
  o.template_dir = tu_source_path(templates, sizeof templates, "templates");
  return bc_context_new(ctx, &o, err);
}

/* bc_sign of in into out, field by the PKCS#12 file p12. */
static void sign_pdf(bc_context *ctx,
                     const char *in,
                     const char *out,
                     const char *field,
                     const char *p12) {
  bc_sign_options so = BC_SIGN_OPTIONS_INIT;
  bc_error err;
  so.input = in;
  so.output = out;
  so.field = field;
  so.p12_path = p12;
  so.password = "matkhau";
  bc_error_clear(&err);
  ck_assert_msg(bc_sign(ctx, &so, &err) == 0, "%s: %s", field, err.message);
}

static void signed_setup(void) {
  static const char *const sql[] = {"samples/tra_vinh_2023_q3.sql",
                                    "samples/tay_ninh_2024.sql"};
  bc_render_options ro = BC_RENDER_OPTIONS_INIT;
  bc_context *ctx;
  bc_error err;
  char path[700];
  if (fx.ready)
    return;
  /* Made again by each forked test (CK_FORK=yes), once without forks. */
  tu_pki_make(&fx.pki, "pki", NULL);
  tu_pki_leaf(&fx.pki, "seal",
              "/CN=Sở Thông tin và Truyền thông Trà Vinh/O=UBND tỉnh Trà "
              "Vinh/C=VN",
              "v3_sign", fx.seal_spki);
  tu_pki_leaf(&fx.pki, "signer",
              "/CN=Bùi Thông Nhứt/O=Sở Thông tin và Truyền thông Trà "
              "Vinh/C=VN",
              "v3_sign", fx.signer_spki);
  ck_assert_str_ne(fx.seal_spki, fx.signer_spki);
  snprintf(fx.seal_p12, sizeof fx.seal_p12, "%s/seal.p12", fx.pki.dir);
  snprintf(fx.signer_p12, sizeof fx.signer_p12, "%s/signer.p12", fx.pki.dir);
  /* The report, from the two reference samples. */
  snprintf(fx.sample_db, sizeof fx.sample_db, "%s/reference.db", fx.pki.dir);
  ck_assert_int_eq(bc_database_create(fx.sample_db, NULL, &err), 0);
  for (size_t i = 0; i < sizeof sql / sizeof sql[0]; i++)
    ck_assert_msg(bc_database_load_sql(fx.sample_db,
                                       tu_source_path(path, sizeof path,
                                                      sql[i]),
                                       NULL, &err) == 0,
                  "%s: %s", sql[i], err.message);
  snprintf(fx.unsigned_pdf, sizeof fx.unsigned_pdf, "%s/tv.pdf", fx.pki.dir);
  snprintf(fx.signer_pdf, sizeof fx.signer_pdf, "%s/tv-signer.pdf", fx.pki.dir);
  snprintf(fx.both_pdf, sizeof fx.both_pdf, "%s/tv-both.pdf", fx.pki.dir);
  ro.db_path = fx.sample_db;
  ro.agency = "STTTT-TV";
  ro.period = "2023-Q3";
  ro.output_path = fx.unsigned_pdf;
  ro.created = 1700000000;
  bc_error_clear(&err);
  ck_assert_msg(new_context(&ctx, &err) == 0, "%s", err.message);
  ck_assert_msg(bc_render(NULL, ctx, &ro, &err) == 0, "%s", err.message);
  sign_pdf(ctx, fx.unsigned_pdf, fx.signer_pdf, "ky_nguoi_co_tham_quyen",
           fx.signer_p12);
  sign_pdf(ctx, fx.signer_pdf, fx.both_pdf, "ky_co_quan", fx.seal_p12);
  bc_context_free(ctx);
  bc_font_family_release();
  fx.values = count_in(fx.sample_db,
                       "SELECT count(*) FROM indicator_value WHERE "
                       "agency_code = 'STTTT-TV' AND period_code = '2023-Q3'");
  ck_assert_int_gt(fx.values, 10);
  fx.anchors[0] = fx.pki.root;
  fx.trust = (bc_trust_options)BC_TRUST_OPTIONS_INIT;
  fx.trust.anchors = fx.anchors;
  fx.trust.anchor_count = 1;
  fx.ready = 1;
}

/* A fresh upper-level database tu_tmpdir()/<name>.db (path into buf) with
 * the agencies STTTT-TV and STTTT-TN and, in agency_certificate, each
 * binding given: by SPKI fingerprint, or by issuer and subject. */
typedef struct binding {
  const char *agency, *role, *spki, *issuer, *subject;
} binding;

static const char up_sql[] =
    "INSERT INTO agency (code, name, full_name, symbol, place) VALUES "
    "('STTTT-TV', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Sở Thông tin và Truyền "
    "thông', 'STTTT', 'Trà Vinh'), ('STTTT-TN', 'SỞ THÔNG TIN VÀ TRUYỀN "
    "THÔNG', 'Sở Thông tin và Truyền thông', 'STTTT', 'Tây Ninh');\n";

static const char *
up_db(char *buf, size_t size, const char *name, const binding *b, size_t n) {
  char sql[700];
  bc_error err;
  sqlite3 *h;
  sqlite3_stmt *s;
  snprintf(buf, size, "%s/%s.db", tu_tmpdir(), name);
  unlink(buf);
  tu_file_write(tmp(sql, sizeof sql, "up.sql"), up_sql, sizeof up_sql - 1);
  ck_assert_int_eq(bc_database_create(buf, NULL, &err), 0);
  ck_assert_msg(bc_database_load_sql(buf, sql, NULL, &err) == 0, "%s", err.message);
  ck_assert_int_eq(sqlite3_open(buf, &h), SQLITE_OK);
  ck_assert_int_eq(
      sqlite3_prepare_v2(h,
                         "INSERT INTO agency_certificate (agency_code, role, "
                         "spki_sha256, issuer, subject) VALUES (?, ?, ?, ?, ?)",
                         -1, &s, NULL),
      SQLITE_OK);
  for (size_t i = 0; i < n; i++) {
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, b[i].agency, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, b[i].role, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, b[i].spki, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, b[i].issuer, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, b[i].subject, -1, SQLITE_STATIC);
    ck_assert_msg(sqlite3_step(s) == SQLITE_DONE, "%s", sqlite3_errmsg(h));
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return buf;
}

/* bc_database_import_pdfs of one file into the database up. */
static int import_one(bc_import_pdf_result **r,
                      bc_import_pdf_options *o,
                      const char *up,
                      const char **path,
                      bc_error *err) {
  o->db_path = up;
  o->paths = path;
  o->path_count = 1;
  bc_error_clear(err);
  bc_import_pdf_result_free(*r);
  *r = NULL;
  return bc_database_import_pdfs(r, o, err);
}

#define TV_VALUES                                                              \
  "SELECT count(*) FROM indicator_value WHERE agency_code = 'STTTT-TV'"

/* The seal bound to the agency, both certificates from the trusted root:
 * imported, with what the signatures say; imported again, unchanged. A
 * binding by issuer and subject serves as one by fingerprint. */
START_TEST(test_exchange_signed__trusted_seal_imports) {
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  bc_error err;
  char up[600];
  const char *path[1];
  signed_setup();
  path[0] = fx.both_pdf;
  o.trust = &fx.trust;
  const binding by_spki[] = {
      {"STTTT-TV", "seal", fx.seal_spki, NULL, NULL},
      {"STTTT-TV", "signer", fx.signer_spki, NULL, NULL}};
  up_db(up, sizeof up, "trusted", by_spki, 2);
  ck_assert_msg(import_one(&r, &o, up, path, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_import_pdf_result_file_count(r), 1);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 1);
  ck_assert_uint_eq(bc_import_pdf_result_refused(r), 0);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->code, 0);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->message, "");
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->verdict, BC_VERDICT_SIGNED);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->signature, "signed");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->reason, "");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->untrusted, "");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->signer, "Sở Thông tin và Truyền thông Trà Vinh");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->agency, "STTTT-TV");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->period, "2023-Q3");
  ck_assert_int_eq((long)bc_import_pdf_result_file(r, 0)->inserted, fx.values);
  ck_assert_uint_eq(bc_import_pdf_result_file(r, 0)->unchanged, 0);
  ck_assert_uint_eq(bc_import_pdf_result_file(r, 0)->revisions, 3);
  ck_assert_uint_eq(bc_import_pdf_result_file(r, 0)->signature_count, 2);
  for (size_t i = 0; i < 2; i++) {
    const bc_signature_report *s = &bc_import_pdf_result_file(r, 0)->signatures[i];
    int seal = !strcmp(s->field, "ky_co_quan");
    ck_assert_msg(seal || !strcmp(s->field, "ky_nguoi_co_tham_quyen"), "%s",
                  s->field);
    ck_assert(s->is_signed && s->intact && !s->modified && !s->removed);
    ck_assert_int_eq(s->chain, BC_CHAIN_TRUSTED);
    ck_assert_str_eq(s->chain_problem, "");
    ck_assert_uint_eq(s->revision, seal ? 3 : 2);
    ck_assert_str_eq(s->spki_sha256, seal ? fx.seal_spki : fx.signer_spki);
    ck_assert_str_eq(s->issuer, "C=VN,O=Test PKI,CN=Test Root CA");
    ck_assert_str_eq(s->subject,
                     seal ? SEAL_SUBJECT
                          : "C=VN,O=Sở Thông tin và Truyền thông Trà "
                            "Vinh,CN=Bùi Thông Nhứt");
  }
  bc_import_pdf_result_free(r);
  r = NULL;
  ck_assert_int_eq(count_in(up, TV_VALUES), fx.values);
  /* Again: every value already there. */
  ck_assert_int_eq(import_one(&r, &o, up, path, &err), 0);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 1);
  ck_assert_uint_eq(bc_import_pdf_result_file(r, 0)->inserted, 0);
  ck_assert_int_eq((long)bc_import_pdf_result_file(r, 0)->unchanged, fx.values);
  bc_import_pdf_result_free(r);
  r = NULL;
  /* Bound by the root's name and the seal's subject. */
  const binding by_name[] = {{"STTTT-TV", "seal", NULL,
                              "C=VN,O=Test PKI,CN=Test Root CA",
                              SEAL_SUBJECT}};
  up_db(up, sizeof up, "trusted-by-name", by_name, 1);
  ck_assert_msg(import_one(&r, &o, up, path, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 1);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->untrusted, "");
  bc_import_pdf_result_free(r);
  r = NULL;
  ck_assert_int_eq(count_in(up, TV_VALUES), fx.values);
}
END_TEST

/* No trust anchors: a file signed by a good chain is untrusted, refused
 * with BC_EUNTRUSTED unless accept_untrusted, which says so. */
START_TEST(test_exchange_signed__untrusted_without_anchors) {
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  bc_error err;
  char up[600], want[1400];
  const char *path[1];
  static const char why[] =
      "the signature ky_nguoi_co_tham_quyen is untrusted: no trust anchors: "
      "give --trust, or set BAOCAO_TRUST (docs/signing.md)";
  signed_setup();
  path[0] = fx.both_pdf;
  const binding b[] = {{"STTTT-TV", "seal", fx.seal_spki, NULL, NULL}};
  up_db(up, sizeof up, "untrusted", b, 1);
  ck_assert_int_eq(import_one(&r, &o, up, path, &err), BC_EUNTRUSTED);
  ck_assert_str_eq(err.message, "nothing was imported: 1 of 1 files refused "
                                "(--keep-going imports the others)");
  ck_assert_uint_eq(bc_import_pdf_result_refused(r), 1);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 0);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->code, BC_EUNTRUSTED);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->verdict, BC_VERDICT_SIGNED);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->untrusted, why);
  snprintf(want, sizeof want,
           "'%s' is refused: %s (--accept-untrusted imports it anyway)",
           fx.both_pdf, why);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->message, want);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->signatures[0].chain, BC_CHAIN_UNTRUSTED);
  bc_import_pdf_result_free(r);
  r = NULL;
  ck_assert_int_eq(count_in(up, TV_VALUES), 0);
  /* Asked to: imported, saying why it is not trusted. */
  o.accept_untrusted = 1;
  ck_assert_msg(import_one(&r, &o, up, path, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 1);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->signature,
                   "signed, imported because of --accept-untrusted");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->untrusted, why);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->message, "");
  ck_assert_int_eq((long)bc_import_pdf_result_file(r, 0)->inserted, fx.values);
  bc_import_pdf_result_free(r);
  r = NULL;
  ck_assert_int_eq(count_in(up, TV_VALUES), fx.values);
}
END_TEST

/* Trusted chains that do not speak for the agency whose data the file
 * carries: the seal bound to another agency, or as a signer only, no
 * binding at all, no seal. Each refused with BC_EUNTRUSTED and its
 * reason. */
START_TEST(test_exchange_signed__seal_not_bound_to_the_agency) {
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  bc_error err;
  char up[600], not_bound[600], want[1400];
  const char *path[1];
  signed_setup();
  path[0] = fx.both_pdf;
  o.trust = &fx.trust;
  snprintf(not_bound, sizeof not_bound,
           "the seal's certificate (" SEAL_SUBJECT ", SPKI SHA-256 %s) is not "
           "bound to agency 'STTTT-TV'",
           fx.seal_spki);
  const struct {
    const char *name;
    binding b[2];
    size_t n;
    const char *file;
    const char *why;
  } cases[] = {
      /* STTTT-TV has a seal, but another one: this seal is Tây Ninh's. */
      {"other-agency",
       {{"STTTT-TN", "seal", fx.seal_spki, NULL, NULL},
        {"STTTT-TV", "seal", fx.signer_spki, NULL, NULL}},
       2, fx.both_pdf, not_bound},
      /* Bound to the agency as its signer, not as its seal. */
      {"as-signer", {{"STTTT-TV", "signer", fx.seal_spki, NULL, NULL}}, 1,
       fx.both_pdf, not_bound},
      /* By name: the right issuer, another subject. */
      {"other-subject",
       {{"STTTT-TV", "seal", NULL, "C=VN,O=Test PKI,CN=Test Root CA",
         "C=VN,O=UBND tỉnh Tây Ninh,CN=Sở Thông tin và Truyền thông Tây "
         "Ninh"}},
       1, fx.both_pdf, not_bound},
      {"no-binding", {{0}}, 0, fx.both_pdf,
       "no certificate is bound to agency 'STTTT-TV' (table "
       "agency_certificate: baocao db import DB agency_certificates.csv)"},
      /* The signer's signature alone does not speak for the agency. */
      {"no-seal", {{"STTTT-TV", "seal", fx.seal_spki, NULL, NULL}}, 1,
       fx.signer_pdf,
       "the agency's seal (ky_co_quan) is not signed; the signer's "
       "signature does not stand in for it"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    up_db(up, sizeof up, cases[i].name, cases[i].b, cases[i].n);
    path[0] = cases[i].file;
    o.accept_untrusted = 0;
    ck_assert_int_eq(import_one(&r, &o, up, path, &err), BC_EUNTRUSTED);
    ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->code, BC_EUNTRUSTED);
    ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->verdict, BC_VERDICT_SIGNED);
    ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->untrusted, cases[i].why);
    snprintf(want, sizeof want,
             "'%s' is refused: %s (--accept-untrusted imports it anyway)",
             cases[i].file, cases[i].why);
    ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->message, want);
    bc_import_pdf_result_free(r);
    r = NULL;
    ck_assert_int_eq(count_in(up, TV_VALUES), 0);
    /* accept_untrusted imports it, naming why. */
    o.accept_untrusted = 1;
    ck_assert_msg(import_one(&r, &o, up, path, &err) == 0, "%s: %s",
                  cases[i].name, err.message);
    ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->signature,
                     "signed, imported because of --accept-untrusted");
    ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->untrusted, cases[i].why);
    bc_import_pdf_result_free(r);
    r = NULL;
    ck_assert_int_eq(count_in(up, TV_VALUES), fx.values);
  }
}
END_TEST

/* ---- files changed after they were signed ---- */

/* A signed file, open in pdf's reader. */
typedef struct pdf_file {
  unsigned char *data;
  size_t len;
  bc_pdf_budget budget;
  bc_pdf_reader *r;
} pdf_file;

static void pdf_file_open(pdf_file *f, const char *path) {
  bc_error err;
  f->data = tu_file_read(path, &f->len);
  bc_pdf_budget_init(&f->budget, f->len);
  ck_assert_msg(bc_pdf_reader_open(&f->r, f->data, f->len, path, &f->budget,
                                   &err) == 0,
                "%s", err.message);
}

static void pdf_file_close(pdf_file *f) {
  bc_pdf_reader_free(f->r);
  free(f->data);
}

/* f's bytes and an incremental update that replaces object obj with a
 * stream of len bytes (dict: the rest of its dictionary), into out. */
static void write_update(const pdf_file *f,
                         const char *out,
                         int obj,
                         const char *dict,
                         const void *data,
                         size_t len) {
  bc_pdf_obj trailer = bc_pdf_trailer(f->r);
  long long size = 0;
  size_t at, xref;
  bc_buf b;
  int root_id, info_id;
  ck_assert(bc_pdf_int(f->r, bc_pdf_get(f->r, trailer, "Size"), &size));
  root_id = bc_pdf_id(f->r, bc_pdf_get(f->r, trailer, "Root"));
  info_id = bc_pdf_id(f->r, bc_pdf_get(f->r, trailer, "Info"));
  bc_buf_init(&b, bc_allocator_default());
  bc_buf_put(&b, f->data, f->len);
  at = b.len;
  bc_buf_printf(&b, "%d 0 obj\n<< /Length %zu%s >>\nstream\n", obj, len, dict);
  bc_buf_put(&b, data, len);
  bc_buf_puts(&b, "\nendstream\nendobj\n");
  xref = b.len;
  if (bc_pdf_reader_xref_is_stream(f->r)) {
    /* As the file began: a cross-reference stream (object `size`), rows
     * of type 1, a 4-byte offset and a 2-byte generation, for obj and
     * for itself; the trailer's entries in its dictionary. */
    unsigned char rows[14];
    size_t offsets[2] = {at, xref};
    for (int i = 0; i < 2; i++) {
      rows[7 * i] = 1;
      for (int k = 0; k < 4; k++)
        rows[7 * i + 1 + k] = (unsigned char)(offsets[i] >> (8 * (3 - k)));
      rows[7 * i + 5] = rows[7 * i + 6] = 0;
    }
    bc_buf_printf(&b,
                  "%lld 0 obj\n<< /Type /XRef /Size %lld /W [1 4 2] "
                  "/Index [%d 1 %lld 1] /Length 14 /Root %d 0 R",
                  size, size + 1, obj, size, root_id);
    if (info_id > 0)
      bc_buf_printf(&b, " /Info %d 0 R", info_id);
    bc_buf_puts(&b, " /ID ");
    bc_pdf_unparse(&b, f->r, bc_pdf_get(f->r, trailer, "ID"));
    bc_buf_printf(&b, " /Prev %zu >>\nstream\n",
                  bc_pdf_reader_startxref(f->r));
    bc_buf_put(&b, rows, sizeof rows);
    bc_buf_printf(&b, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n",
                  xref);
  } else {
    bc_buf_printf(&b,
                  "xref\n0 1\n0000000000 65535 f \n%d 1\n%010zu 00000 n \n",
                  obj, at);
    /* The trailer as it was (root, document information, identifiers),
     * and where the previous cross-reference section is. */
    bc_buf_printf(&b, "trailer\n<< /Size %lld /Root %d 0 R", size, root_id);
    if (info_id > 0)
      bc_buf_printf(&b, " /Info %d 0 R", info_id);
    bc_buf_puts(&b, " /ID ");
    bc_pdf_unparse(&b, f->r, bc_pdf_get(f->r, trailer, "ID"));
    bc_buf_printf(&b, " /Prev %zu >>\nstartxref\n%zu\n%%%%EOF\n",
                  bc_pdf_reader_startxref(f->r), xref);
  }
  ck_assert(!b.failed);
  tu_file_write(out, b.data, b.len);
  bc_buf_free(&b);
}

/* Whatever the options, the one file is refused with code and message
 * "'<path>' is refused: <why> (<policy>)". */
static void refused_whatever_options(const char *up,
                                     const char *file,
                                     int code,
                                     bc_verdict verdict,
                                     const char *why,
                                     const char *policy) {
  bc_import_pdf_result *r = NULL;
  bc_error err;
  char want[1400];
  const char *path[1] = {file};
  snprintf(want, sizeof want, "'%s' is refused: %s (%s)", file, why, policy);
  for (int lax = 0; lax < 2; lax++) {
    bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
    o.trust = &fx.trust;
    o.accept_unsigned = o.accept_untrusted = o.keep_going = lax;
    ck_assert_int_eq(import_one(&r, &o, up, path, &err), (lax ? 0 : code));
    if (!lax)
      ck_assert_str_eq(err.message, "nothing was imported: 1 of 1 files "
                                    "refused (--keep-going imports the "
                                    "others)");
    ck_assert_uint_eq(bc_import_pdf_result_imported(r), 0);
    ck_assert_uint_eq(bc_import_pdf_result_refused(r), 1);
    ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->code, code);
    ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->verdict, verdict);
    ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->reason, why);
    ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->message, want);
    bc_import_pdf_result_free(r);
    r = NULL;
    ck_assert_int_eq(count_in(up, TV_VALUES), 0);
  }
}

#define NEVER_INVALID "a file whose signature does not check out is never imported"
#define NEVER_CHANGED "a file changed after it was signed is never imported"

/* One byte inside what both signatures cover, changed: BC_EVERIFY. */
START_TEST(test_exchange_signed__byte_flipped_in_signed_range) {
  unsigned char *data;
  size_t len;
  char up[600], flipped[700];
  const char *at, *eof;
  signed_setup();
  const binding b[] = {{"STTTT-TV", "seal", fx.seal_spki, NULL, NULL}};
  up_db(up, sizeof up, "flipped", b, 1);
  data = tu_file_read(fx.both_pdf, &len);
  /* The first byte of the header's binary comment (plain, where every
   * stream is deflated; both signatures cover it): one bit flipped. */
  at = tu_find_bytes(data, len, "%PDF-1.7\n%");
  ck_assert_ptr_eq(at, (const char *)data);
  eof = tu_find_bytes(data, len, "%%EOF");
  ck_assert(eof != NULL && at + 10 < eof);
  ck_assert_uint_gt(data[10], 127);
  data[10] ^= 1;
  snprintf(flipped, sizeof flipped, "%s/flipped.pdf", fx.pki.dir);
  tu_file_write(flipped, data, len);
  free(data);
  refused_whatever_options(up, flipped, BC_EVERIFY, BC_VERDICT_INVALID,
                           "signature ky_nguoi_co_tham_quyen does not check "
                           "out: the signature does not match the signed "
                           "bytes",
                           NEVER_INVALID);
}
END_TEST

/* An incremental update after both signatures that changes the attached
 * data (a figure), or page 1: BC_EVERIFY, naming the change. */
START_TEST(test_exchange_signed__modified_after_signing) {
  pdf_file f;
  bc_error err;
  char up[600], out[700];
  const unsigned char *json;
  size_t json_len;
  int data_obj, page_obj;
  signed_setup();
  const binding b[] = {{"STTTT-TV", "seal", fx.seal_spki, NULL, NULL}};
  up_db(up, sizeof up, "modified", b, 1);
  pdf_file_open(&f, fx.both_pdf);
  bc_pdf_obj root = bc_pdf_root(f.r);
  bc_pdf_obj names = bc_pdf_get(
      f.r, bc_pdf_get(f.r, bc_pdf_get(f.r, root, "Names"), "EmbeddedFiles"),
      "Names");
  ck_assert_uint_eq(bc_pdf_count(f.r, names), 2);
  ck_assert_str_eq(bc_pdf_string(f.r, bc_pdf_item(f.r, names, 0), NULL), DJ);
  bc_pdf_obj ef =
      bc_pdf_get(f.r, bc_pdf_get(f.r, bc_pdf_item(f.r, names, 1), "EF"), "F");
  data_obj = bc_pdf_id(f.r, ef);
  ck_assert_int_gt(data_obj, 0);
  json = bc_pdf_stream_decoded(f.r, ef, 1 << 24, &json_len, &err);
  ck_assert_msg(json != NULL, "%s", err.message);
  bc_pdf_obj page = bc_pdf_item(
      f.r, bc_pdf_get(f.r, bc_pdf_get(f.r, root, "Pages"), "Kids"), 0);
  page_obj = bc_pdf_id(f.r, bc_pdf_get(f.r, page, "Contents"));
  ck_assert_int_gt(page_obj, 0);
  /* The data with its first number value made 999999. */
  {
    const char *v = strstr((const char *)json, "\"kind\":\"number\",\"value\":");
    char *changed;
    size_t head, tail;
    ck_assert_ptr_nonnull(v);
    v += strlen("\"kind\":\"number\",\"value\":");
    head = (size_t)(v - (const char *)json);
    tail = head;
    while (tail < json_len && strchr("0123456789.-", json[tail]))
      tail++;
    ck_assert_uint_gt(tail, head);
    changed = malloc(json_len + 16);
    ck_assert_ptr_nonnull(changed);
    memcpy(changed, json, head);
    memcpy(changed + head, "999999", 6);
    memcpy(changed + head + 6, json + tail, json_len - tail);
    snprintf(out, sizeof out, "%s/data-changed.pdf", fx.pki.dir);
    write_update(&f, out, data_obj,
                 " /Type /EmbeddedFile /Subtype /application#2Fjson", changed,
                 head + 6 + json_len - tail);
    free(changed);
  }
  refused_whatever_options(up, out, BC_EVERIFY, BC_VERDICT_MODIFIED,
                           "attached baocao-data.json changed after "
                           "ky_co_quan",
                           NEVER_CHANGED);
  /* Page 1 drawn anew. */
  snprintf(out, sizeof out, "%s/page-changed.pdf", fx.pki.dir);
  write_update(&f, out, page_obj, "", "BT ET", 5);
  refused_whatever_options(up, out, BC_EVERIFY, BC_VERDICT_MODIFIED,
                           "page 1 content changed after ky_co_quan",
                           NEVER_CHANGED);
  pdf_file_close(&f);
}
END_TEST

/* The rendered report as it is, unsigned: refused unless
 * accept_unsigned, which says so. */
START_TEST(test_exchange_signed__unsigned_report) {
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  bc_error err;
  char up[600], want[1400];
  const char *path[1];
  signed_setup();
  path[0] = fx.unsigned_pdf;
  o.trust = &fx.trust;
  const binding b[] = {{"STTTT-TV", "seal", fx.seal_spki, NULL, NULL}};
  up_db(up, sizeof up, "unsigned", b, 1);
  ck_assert_int_eq(import_one(&r, &o, up, path, &err), BC_EVERIFY);
  ck_assert_str_eq(err.message, "nothing was imported: 1 of 1 files refused "
                                "(--keep-going imports the others)");
  snprintf(want, sizeof want,
           "'%s' is not signed (--accept-unsigned imports it anyway)",
           fx.unsigned_pdf);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->code, BC_EVERIFY);
  ck_assert_int_eq(bc_import_pdf_result_file(r, 0)->verdict, BC_VERDICT_UNSIGNED);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->message, want);
  /* Its two fields, empty. */
  ck_assert_uint_eq(bc_import_pdf_result_file(r, 0)->signature_count, 2);
  ck_assert(!bc_import_pdf_result_file(r, 0)->signatures[0].is_signed);
  ck_assert(!bc_import_pdf_result_file(r, 0)->signatures[1].is_signed);
  bc_import_pdf_result_free(r);
  r = NULL;
  ck_assert_int_eq(count_in(up, TV_VALUES), 0);
  /* accept_untrusted is not accept_unsigned. */
  o.accept_untrusted = 1;
  ck_assert_int_eq(import_one(&r, &o, up, path, &err), BC_EVERIFY);
  bc_import_pdf_result_free(r);
  r = NULL;
  o.accept_unsigned = 1;
  ck_assert_msg(import_one(&r, &o, up, path, &err) == 0, "%s", err.message);
  ck_assert_uint_eq(bc_import_pdf_result_imported(r), 1);
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->signature,
                   "not signed, imported because of --accept-unsigned");
  ck_assert_str_eq(bc_import_pdf_result_file(r, 0)->signer, "");
  ck_assert_int_eq((long)bc_import_pdf_result_file(r, 0)->inserted, fx.values);
  bc_import_pdf_result_free(r);
  r = NULL;
  ck_assert_int_eq(count_in(up, TV_VALUES), fx.values);
}
END_TEST

Suite *exchange_suite(void) {
  Suite *s = suite_create("exchange");
  TCase *tc = tcase_create("received");
  tcase_add_test(tc, test_exchange_received__good_document);
  tcase_add_test(tc, test_exchange_received__bad_documents);
  tcase_add_test(tc, test_exchange_received__attachments_and_limits);
  tcase_add_test(tc, test_exchange_received__every_allocation_failure);
  suite_add_tcase(s, tc);
  tc = tcase_create("db");
  tcase_add_test(tc, test_exchange_db__conflicts);
  tcase_add_test(tc, test_exchange_db__savepoints);
  tcase_add_test(tc, test_exchange_db__locked_and_refusing);
  tcase_add_test(tc, test_exchange_import__unsigned_and_period);
  tcase_add_test(tc, test_exchange_import__directory);
  tcase_add_test(tc, test_exchange_import__every_allocation_failure);
  suite_add_tcase(s, tc);
  /* Signed files: a PKI made by openssl, a report rendered and signed. */
  tc = tcase_create("signed");
  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, test_exchange_signed__trusted_seal_imports);
  tcase_add_test(tc, test_exchange_signed__untrusted_without_anchors);
  tcase_add_test(tc, test_exchange_signed__seal_not_bound_to_the_agency);
  tcase_add_test(tc, test_exchange_signed__byte_flipped_in_signed_range);
  tcase_add_test(tc, test_exchange_signed__modified_after_signing);
  tcase_add_test(tc, test_exchange_signed__unsigned_report);
  suite_add_tcase(s, tc);
  return s;
}
