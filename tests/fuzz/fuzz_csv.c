/* tests/fuzz/fuzz_csv.c: libFuzzer target: any bytes as a CSV file for the
 * importer's reader (data/csv.c): every record read until the end or an
 * error; the fields are valid UTF-8 without NUL bytes; written back with
 * bc_csv_put, they read back the same. Waits for the importer: add csv to
 * BC_FUZZ_TARGETS in tests/fuzz/CMakeLists.txt once src/data/csv.c is on
 * main (see docs/fuzzing.md). */
#include "common/utf8.h"
#include "data/csv.h"
#include "fuzz_common.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Every record of text; with out, each written back to out too. Returns
 * the number of fields read, or -1 after an error. */
static long read_all(const char *text, size_t len, bc_buf *out) {
  bc_csv_reader r;
  bc_csv_record rec;
  bc_error err;
  long fields = 0;
  int rc;
  bc_error_clear(&err);
  rc = bc_csv_open(&r, "fuzz.csv", text, len, bc_allocator_default(), &err);
  while (rc == 0 && (rc = bc_csv_next(&r, &rec, &err)) == 1) {
    rc = 0;
    for (size_t i = 0; i < rec.count; i++) {
      size_t n = strlen(rec.fields[i]);
      if (bc_utf8_check(rec.fields[i], n) != SIZE_MAX)
        fz_fail("field %zu of line %d is not valid UTF-8", i, rec.line);
      if (out)
        bc_csv_put(out, rec.fields[i], n, i == 0);
      fields++;
    }
    if (out)
      bc_csv_end(out);
  }
  fz_check_error(rc, err.message);
  bc_csv_close(&r);
  return rc < 0 ? -1 : fields;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  bc_buf out, again;
  long first, second;
  bc_error err;
  bc_buf_init(&out, bc_allocator_default());
  bc_buf_init(&again, bc_allocator_default());
  first = read_all((const char *)data, size, &out);
  if (first >= 0 && bc_buf_check(&out, &err) == 0 && out.len) {
    /* What was written reads back to the same fields, written the same. */
    second = read_all(out.data, out.len, &again);
    if (second != first)
      fz_fail("%ld fields read, %ld after writing them back", first, second);
    if (bc_buf_check(&again, &err) == 0 &&
        (again.len != out.len || memcmp(again.data, out.data, out.len)))
      fz_fail("the fields written back do not read back the same");
  }
  bc_buf_free(&again);
  bc_buf_free(&out);
  return 0;
}
