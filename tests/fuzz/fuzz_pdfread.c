/* tests/fuzz/fuzz_pdfread.c: libFuzzer target: any bytes as a PDF for the
 * reader `sign`, `verify` and `db import-pdf` use (sign/pdfread.c): the
 * cross-reference tables, every object parsed, resolved and written back,
 * every stream's bytes, the signature fields as `verify` reads them, and
 * the received report's data as `db import-pdf` reads it. */
#include "exchange/received.h"
#include "fuzz_common.h"
#include "sign/pdfread.h"
#include "sign/sign.h"
#include "sign/sign_int.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every value under v, each reference resolved (not followed further:
 * every object is parsed in turn anyway, and a page tree's /Parent and
 * /Kids would make following them exponential). */
static void walk(pdf_file *f, const pdf_value *v, int depth) {
  const pdf_value *r;
  bc_error err;
  if (depth > 64)
    fz_fail("a value nested deeper than the parser allows");
  if (v->kind == PDF_REF) {
    if (pdf_resolve(&r, f, v, &err) == 0 && r->kind == PDF_REF)
      fz_fail("pdf_resolve gave back a reference");
    return;
  }
  if (v->kind == PDF_ARRAY || v->kind == PDF_DICT)
    for (size_t i = 0; i < v->count; i++)
      walk(f, &v->items[i], depth + 1);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bc_arena arena;
  pdf_file f;
  bc_error err;
  bc_buf out;
  int rc;

  bc_arena_init(&arena, bc_allocator_default());
  bc_buf_init(&out, bc_allocator_default());
  bc_error_clear(&err);
  rc = pdf_open(&f, data, size, "fuzz.pdf", &arena, &err);
  fz_check_error(rc, err.message);
  if (rc == 0) {
    pdf_write_value(&out, &f.trailer);
    for (size_t num = 0, n = 0; num < f.size && n < 2000; num++) {
      pdf_value *v;
      if (!f.offsets[num])
        continue;
      n++;
      bc_error_clear(&err);
      rc = pdf_object(&v, &f, (long long)num, &err);
      fz_check_error(rc, err.message);
      if (rc == 0) {
        if (v->end > size || v->start > v->end)
          fz_fail("object %zu spans bytes %zu..%zu of %zu", num, v->start,
                  v->end, size);
        walk(&f, v, 0);
        bc_buf_reset(&out);
        pdf_write_value(&out, v);
      }
      {
        const unsigned char *bytes;
        size_t len;
        const pdf_value *dict;
        if (pdf_stream(&bytes, &len, &dict, &f, (long long)num, &err) == 0 &&
            (bytes < data || bytes + len > data + size))
          fz_fail("stream %zu lies outside the file", num);
      }
    }
  }
  {
    bc_field_report *list;
    size_t count;
    bc_error_clear(&err);
    rc = bc_sign__verify_bytes(&list, &count, data, size, "fuzz.pdf", &arena,
                               &err);
    fz_check_error(rc, err.message);
  }
  {
    /* db import-pdf reads a file. */
    static char path[300];
    bc_received r;
    FILE *fp;
    if (!path[0])
      snprintf(path, sizeof path, "%s/received.pdf", fz_tmpdir());
    if (!(fp = fopen(path, "wb")) || fwrite(data, 1, size, fp) != size ||
        fclose(fp))
      fz_fail("cannot write %s", path);
    bc_error_clear(&err);
    rc = bc_received_read(&r, path, &arena, &err);
    fz_check_error(rc, err.message);
  }
  bc_buf_free(&out);
  bc_arena_release(&arena);
  return 0;
}
