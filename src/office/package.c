/* office/package.c: the zip container of a .docx or .odt, made in memory
 * with libzip (the one module that uses it): entries in the given order,
 * each dated from the creation date in UTC and marked as a plain file,
 * so the same parts give the same bytes in any time zone. */
#include "office/office_int.h"
#include "common/version.h"

#include "common/error.h"

#include <string.h>
#include <zip.h>

/* MS-DOS date and time (what a zip entry holds), from t in UTC; DOS dates
 * run from 1980 to 2107. */
static void dos_time(zip_uint16_t *time_out, zip_uint16_t *date_out, time_t t) {
  struct tm tm;
  gmtime_r(&t, &tm);
  int year = tm.tm_year + 1900;
  if (year < 1980) {
    year = 1980;
    tm.tm_mon = 0;
    tm.tm_mday = 1;
    tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
  } else if (year > 2107) {
    year = 2107;
  }
  *time_out =
      (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
  *date_out =
      (zip_uint16_t)(((year - 1980) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

static int zip_failed(bc_error *err, zip_error_t *ze, const char *what) {
  if (zip_error_code_zip(ze) == ZIP_ER_MEMORY)
    return bc_error_oom(err);
  return bc_error_set(err, BC_ERROR, "cannot make the zip package (%s): %s",
                      what, zip_error_strerror(ze));
}

int bc_office__zip(const unsigned char **out,
                   size_t *len_out,
                   const office_part *parts,
                   size_t count,
                   time_t when,
                   bc_arena *arena,
                   bc_error *err) {
  zip_error_t ze;
  zip_source_t *archive = NULL;
  zip_t *za = NULL;
  zip_stat_t st;
  zip_uint16_t dtime, ddate;
  unsigned char *bytes;
  int rc = 0;

  zip_error_init(&ze);
  dos_time(&dtime, &ddate, when);
  /* The archive is written into a buffer source we keep past zip_close. */
  if (!(archive = zip_source_buffer_create(NULL, 0, 0, &ze))) {
    rc = zip_failed(err, &ze, "buffer");
    goto cleanup;
  }
  zip_source_keep(archive);
  if (!(za = zip_open_from_source(archive, ZIP_CREATE | ZIP_TRUNCATE, &ze))) {
    zip_source_free(archive); /* not taken: drop the reference kept */
    rc = zip_failed(err, &ze, "open");
    goto cleanup;
  }
  for (size_t i = 0; i < count; i++) {
    const bc_buf *b = parts[i].data;
    zip_source_t *src = zip_source_buffer(za, b->len ? b->data : "", b->len, 0);
    zip_int64_t idx;
    if (!src) {
      rc = zip_failed(err, zip_get_error(za), parts[i].name);
      goto cleanup;
    }
    if ((idx = zip_file_add(za, parts[i].name, src, ZIP_FL_ENC_UTF_8)) < 0) {
      zip_source_free(src);
      rc = zip_failed(err, zip_get_error(za), parts[i].name);
      goto cleanup;
    }
    if (zip_set_file_compression(za, (zip_uint64_t)idx,
                                 parts[i].store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 0) ||
        zip_file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) ||
        zip_file_set_external_attributes(za, (zip_uint64_t)idx, 0,
                                         ZIP_OPSYS_UNIX, 0100644u << 16)) {
      rc = zip_failed(err, zip_get_error(za), parts[i].name);
      goto cleanup;
    }
  }
  if (zip_close(za) < 0) {
    rc = zip_failed(err, zip_get_error(za), "close");
    goto cleanup;
  }
  za = NULL;
  zip_stat_init(&st);
  if (zip_source_stat(archive, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
      zip_source_open(archive) < 0) {
    rc = zip_failed(err, zip_source_error(archive), "read back");
    goto cleanup;
  }
  if (!(bytes = bc_arena_alloc(arena, st.size ? st.size : 1))) {
    zip_source_close(archive);
    rc = bc_error_oom(err);
    goto cleanup;
  }
  if (zip_source_read(archive, bytes, st.size) != (zip_int64_t)st.size) {
    zip_source_close(archive);
    rc = zip_failed(err, zip_source_error(archive), "read back");
    goto cleanup;
  }
  zip_source_close(archive);
  *out = bytes;
  *len_out = st.size;
cleanup:
  if (za)
    zip_discard(za);
  if (archive)
    zip_source_free(archive);
  zip_error_fini(&ze);
  return rc;
}

void bc_office_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "libzip", zip_libzip_version());
}
