/* office/package.c: the zip container of a .docx or .odt, made in memory
 * with libzip (the one module that uses it): entries in the given order,
 * each dated from the creation date in UTC and marked as a plain file,
 * so the same parts give the same bytes in any time zone.
 *
 * Design note: libzip is loaded (dlopen) when a draft is first made, not
 * linked: Debian's libzip needs libcrypto (for encrypted archives), and
 * loading that at the start of every process cost each `baocao render`
 * about 1 ms and 1.6 MB (docs/performance.md). As pdf/pdfread.c does for
 * libqpdf: each package made holds its own table of the functions
 * (common/dl.h), and the types are the header's own (__typeof__).
 * BC_LIBZIP_SONAME is the soname of the libzip the build compiled
 * against (CMakeLists.txt). */
#include "office/office_int.h"
#include "common/version.h"

#include "common/dl.h"
#include "common/error.h"
#include "common/i18n.h"

#include <stddef.h>
#include <string.h>
#include <zip.h>

#define ZIP_FUNCTIONS(X)                                                       \
  X(close)                                                                     \
  X(discard)                                                                   \
  X(error_code_zip)                                                            \
  X(error_fini)                                                                \
  X(error_init)                                                                \
  X(error_strerror)                                                            \
  X(file_add)                                                                  \
  X(file_set_dostime)                                                          \
  X(file_set_external_attributes)                                              \
  X(get_error)                                                                 \
  X(libzip_version)                                                            \
  X(open_from_source)                                                          \
  X(set_file_compression)                                                      \
  X(source_buffer)                                                             \
  X(source_buffer_create)                                                      \
  X(source_close)                                                              \
  X(source_error)                                                              \
  X(source_free)                                                               \
  X(source_keep)                                                               \
  X(source_open)                                                               \
  X(source_read)                                                               \
  X(source_stat)                                                               \
  X(stat_init)

/* libzip, loaded (the design note). */
typedef struct zip_api {
#define ZIP_FIELD(f) __typeof__(zip_##f) *f;
  ZIP_FUNCTIONS(ZIP_FIELD)
#undef ZIP_FIELD
} zip_api;

static int zip_api_open(zip_api *api, bc_error *err) {
  static const bc_dl_function fns[] = {
#define ZIP_ENTRY(f) {"zip_" #f, offsetof(zip_api, f)},
      ZIP_FUNCTIONS(ZIP_ENTRY)
#undef ZIP_ENTRY
  };
  return bc_dl_load(api, fns, sizeof fns / sizeof *fns, BC_LIBZIP_SONAME,
                    "libzip", BC_N_("makes the drafts"), err);
}

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

static int zip_failed(const zip_api *z,
                      bc_error *err,
                      zip_error_t *ze,
                      const char *what) {
  if (z->error_code_zip(ze) == ZIP_ER_MEMORY)
    return bc_error_oom(err);
  return bc_error_set(err, BC_ERROR, "cannot make the zip package (%s): %s",
                      what, z->error_strerror(ze));
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
  zip_api z;
  int rc;

  if ((rc = zip_api_open(&z, err)))
    return rc;
  z.error_init(&ze);
  dos_time(&dtime, &ddate, when);
  /* The archive is written into a buffer source we keep past zip_close. */
  if (!(archive = z.source_buffer_create(NULL, 0, 0, &ze))) {
    rc = zip_failed(&z, err, &ze, "buffer");
    goto cleanup;
  }
  z.source_keep(archive);
  if (!(za = z.open_from_source(archive, ZIP_CREATE | ZIP_TRUNCATE, &ze))) {
    z.source_free(archive); /* not taken: drop the reference kept */
    rc = zip_failed(&z, err, &ze, "open");
    goto cleanup;
  }
  for (size_t i = 0; i < count; i++) {
    const bc_buf *b = parts[i].data;
    zip_source_t *src = z.source_buffer(za, b->len ? b->data : "", b->len, 0);
    zip_int64_t idx;
    if (!src) {
      rc = zip_failed(&z, err, z.get_error(za), parts[i].name);
      goto cleanup;
    }
    if ((idx = z.file_add(za, parts[i].name, src, ZIP_FL_ENC_UTF_8)) < 0) {
      z.source_free(src);
      rc = zip_failed(&z, err, z.get_error(za), parts[i].name);
      goto cleanup;
    }
    if (z.set_file_compression(za, (zip_uint64_t)idx,
                                 parts[i].store ? ZIP_CM_STORE : ZIP_CM_DEFLATE,
                                 0) ||
        z.file_set_dostime(za, (zip_uint64_t)idx, dtime, ddate, 0) ||
        z.file_set_external_attributes(za, (zip_uint64_t)idx, 0,
                                         ZIP_OPSYS_UNIX, 0100644u << 16)) {
      rc = zip_failed(&z, err, z.get_error(za), parts[i].name);
      goto cleanup;
    }
  }
  if (z.close(za) < 0) {
    rc = zip_failed(&z, err, z.get_error(za), "close");
    goto cleanup;
  }
  za = NULL;
  z.stat_init(&st);
  if (z.source_stat(archive, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
      z.source_open(archive) < 0) {
    rc = zip_failed(&z, err, z.source_error(archive), "read back");
    goto cleanup;
  }
  if (!(bytes = bc_arena_alloc(arena, st.size ? st.size : 1))) {
    z.source_close(archive);
    rc = bc_error_oom(err);
    goto cleanup;
  }
  if (z.source_read(archive, bytes, st.size) != (zip_int64_t)st.size) {
    z.source_close(archive);
    rc = zip_failed(&z, err, z.source_error(archive), "read back");
    goto cleanup;
  }
  z.source_close(archive);
  *out = bytes;
  *len_out = st.size;
cleanup:
  if (za)
    z.discard(za);
  if (archive)
    z.source_free(archive);
  z.error_fini(&ze);
  return rc;
}

void bc_office_versions(bc_library_version *out, size_t max, size_t *n) {
  zip_api z;
  bc_error err;
  bc_version_put(out, max, n, "libzip",
                 zip_api_open(&z, &err) == 0 ? z.libzip_version()
                                             : bc_tr("not found"));
}
