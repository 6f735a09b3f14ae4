/* tests/fuzz/fuzz_csv.c: libFuzzer target: any bytes as a CSV file for the
 * importer: its reader (data/csv.c: every record read until the end or an
 * error; the fields are valid UTF-8; written back with bc_csv_put, they
 * read back the same), then `baocao db import` of the file into a fresh
 * copy of the sample database, as the table the first byte picks. */
#include "baocao/baocao.h"
#include "common/utf8.h"
#include "data/csv.h"
#include "fuzz_common.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const tables[] = {
    "agencies", "sections",   "indicators", "periods",    "signers",
    "reports",  "recipients", "values",     "narratives", "agency_certificates"};
static unsigned char *sample; /* the sample database's bytes */
static size_t sample_len;
static char db_path[300];

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  FILE *f;
  long n = 0;
  (void)argc;
  (void)argv;
  if (!(f = fopen(fz_sample_db(NULL), "rb")) || fseek(f, 0, SEEK_END) ||
      (n = ftell(f)) <= 0 || fseek(f, 0, SEEK_SET) ||
      !(sample = malloc((size_t)n)) ||
      fread(sample, 1, (size_t)n, f) != (size_t)n || fclose(f))
    fz_fail("cannot read the sample database");
  sample_len = (size_t)n;
  snprintf(db_path, sizeof db_path, "%s/import.db", fz_tmpdir());
  return 0;
}

/* Imports data[1..size) as the table data[0] picks into a fresh copy of
 * the sample database: all or nothing, every problem named. */
static void import(const uint8_t *data, size_t size) {
  static bc_import_result result;
  char csv[400];
  const char *files[1] = {csv};
  bc_import_options o = {.version = BC_IMPORT_OPTIONS_VERSION,
                         .agency = "STTTT-TV",
                         .period = "2023-Q3"};
  bc_error err;
  FILE *f;
  int rc;
  if (!size)
    return;
  snprintf(csv, sizeof csv, "%s/%s.csv", fz_tmpdir(),
           tables[data[0] % (sizeof tables / sizeof tables[0])]);
  if (!(f = fopen(db_path, "wb")) ||
      fwrite(sample, 1, sample_len, f) != sample_len || fclose(f) ||
      !(f = fopen(csv, "wb")) || fwrite(data + 1, 1, size - 1, f) != size - 1 ||
      fclose(f))
    fz_fail("cannot write the scratch files");
  bc_error_clear(&err);
  rc = bc_database_import(&result, db_path, files, 1, &o, &err);
  fz_check_error(rc, err.message);
  if (rc == BC_EDATA && !result.problem_count)
    fz_fail("bad rows, none named");
  remove(csv);
}

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
  import(data, size);
  return 0;
}
