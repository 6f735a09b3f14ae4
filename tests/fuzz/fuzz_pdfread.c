/* tests/fuzz/fuzz_pdfread.c: libFuzzer target: any bytes as a PDF for the
 * reader `sign`, `verify` and `db import-pdf` use (pdf/pdfread.c over
 * libqpdf) and the revision analysis (pdf/revisions.c, sign/verify.c):
 * the document opened, its fields listed, every object of the first few
 * hundred numbers walked, every stream's bytes read and inflated within a
 * limit, every revision opened and compared, the verdict; and the received
 * report's data as `db import-pdf` reads it. */
#include "exchange/received.h"
#include "fuzz_common.h"
#include "pdf/pdfread.h"
#include "sign/sign.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every value under o, to a small depth (the reader's own walks are
 * bounded by its budget, which this one shares). */
static void walk(bc_pdf_reader *r, bc_pdf_obj o, bc_arena *arena, int depth) {
  if (depth > 6 || !bc_pdf_step(r, depth))
    return;
  switch (bc_pdf_kind_of(r, o)) {
  case BC_PDF_ARRAY:
    for (size_t i = 0; i < bc_pdf_count(r, o) && i < 64; i++)
      walk(r, bc_pdf_item(r, o, i), arena, depth + 1);
    break;
  case BC_PDF_DICT:
  case BC_PDF_STREAM: {
    size_t n;
    const char **keys = bc_pdf_keys(r, o, arena, &n);
    for (size_t i = 0; i < n && i < 64; i++)
      walk(r, bc_pdf_get(r, o, keys[i]), arena, depth + 1);
    if (bc_pdf_kind_of(r, o) == BC_PDF_STREAM) {
      size_t len;
      bc_error err;
      bc_error_clear(&err);
      if (!bc_pdf_stream_decoded(r, o, 1 << 20, &len, &err))
        fz_check_error(err.code ? err.code : BC_EPDF,
                       err.code ? err.message : "?");
    }
    break;
  }
  case BC_PDF_STRING:
    bc_pdf_text(r, o);
    break;
  default:
    break;
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bc_arena arena;
  bc_error err;
  bc_pdf_budget budget;
  bc_pdf_reader *r = NULL;
  int rc;

  bc_arena_init(&arena, bc_allocator_default());
  bc_error_clear(&err);
  bc_pdf_budget_init(&budget, size);
  budget.max_objects = 200000; /* a smaller budget: more inputs a second */
  rc = bc_pdf_reader_open(&r, data, size, "fuzz.pdf", &budget, &err);
  fz_check_error(rc, err.message);
  if (rc == 0) {
    bc_pdf_field *fields;
    size_t n;
    walk(r, bc_pdf_trailer(r), &arena, 0);
    for (int num = 1; num < 300; num++)
      walk(r, bc_pdf_object(r, num), &arena, 1);
    bc_error_clear(&err);
    rc = bc_pdf_fields(&fields, &n, r, &arena, &err);
    fz_check_error(rc, err.message);
    bc_error_clear(&err);
    rc = bc_pdf_reader_check(r, &err);
    fz_check_error(rc, err.message);
    bc_pdf_reader_free(r);
  }
  {
    bc_verification ver;
    bc_error_clear(&err);
    rc = bc_verify_bytes(&ver, data, size, "fuzz.pdf", NULL, &arena, &err);
    fz_check_error(rc, err.message);
    if (rc == 0) {
      /* The verdict is the worst finding (sign/verify.c design note 3). */
      bool invalid = false, modified = false, any = false;
      for (size_t i = 0; i < ver.count; i++) {
        const bc_signature_report *s = &ver.sigs[i];
        if (!s->is_signed)
          continue;
        any = true;
        invalid |= !s->intact;
        modified |= s->modified != 0;
        if (s->intact && (!s->revision || s->revision > ver.revisions))
          fz_fail("a valid signature covers no revision");
        if (s->intact && s->covered > size)
          fz_fail("a signature covers more than the file");
      }
      bc_verdict want = invalid    ? BC_VERDICT_INVALID
                        : modified ? BC_VERDICT_MODIFIED
                        : any      ? BC_VERDICT_SIGNED
                                   : ver.verdict;
      if (ver.verdict != want)
        fz_fail("verdict %d, the signatures say %d", ver.verdict, want);
      if ((ver.verdict == BC_VERDICT_INVALID ||
           ver.verdict == BC_VERDICT_MODIFIED) &&
          !*ver.reason)
        fz_fail("a bad verdict without a reason");
    }
  }
  {
    /* db import-pdf reads a file. */
    static char path[300];
    bc_received_pdf p;
    FILE *fp;
    if (!path[0])
      snprintf(path, sizeof path, "%s/received.pdf", fz_tmpdir());
    if (!(fp = fopen(path, "wb")) || fwrite(data, 1, size, fp) != size ||
        fclose(fp))
      fz_fail("cannot write %s", path);
    bc_error_clear(&err);
    /* With trust (no anchors): every signature's certificate, names and
     * timestamp token are read too. */
    static bc_trust *trust;
    if (!trust) {
      bc_trust_options none = BC_TRUST_OPTIONS_INIT;
      if (bc_trust_load(&trust, &none, &err))
        fz_fail("bc_trust_load: %s", err.message);
    }
    rc = bc_received_read(&p, path, trust, &arena, &err);
    fz_check_error(rc, err.message);
  }
  bc_arena_release(&arena);
  return 0;
}
