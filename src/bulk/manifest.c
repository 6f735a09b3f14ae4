/* bulk/manifest.c: writing and reading the bulk manifest (JSON Lines; read
 * through common's cJSON layer). */
#include "bulk/bulk_int.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"
#include "common/json.h"

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- writing ---- */

static const char *status_name(bc_bulk_status s) {
  switch (s) {
  case BC_BULK_RENDERED:
    return "rendered";
  case BC_BULK_CURRENT:
    return "current";
  case BC_BULK_FAILED:
    break;
  }
  return "failed";
}

void bc_bulk__manifest_line(bc_buf *out,
                            const bc_bulk_item *item,
                            const char *period) {
  bool failed = item->status == BC_BULK_FAILED;
  char msg[BC_ERROR_MESSAGE_SIZE + 2 * BC_ERROR_FIELD_SIZE];
  bc_buf_putc(out, '{');
  bc_json_key(out, "agency", true);
  bc_json_string(out, item->agency);
  bc_json_key(out, "template", false);
  bc_json_string(out, item->template_name);
  bc_json_key(out, "period", false);
  bc_json_string(out, period);
  bc_json_key(out, "output", false);
  bc_json_string(out, item->output_path);
  bc_json_key(out, "status", false);
  bc_json_string(out, status_name(item->status));
  bc_json_key(out, "pages", false);
  bc_buf_printf(out, "%zu", item->pages);
  bc_json_key(out, "bytes", false);
  bc_buf_printf(out, "%zu", item->bytes);
  bc_json_key(out, "sha256", false);
  bc_json_string(out, failed ? NULL : item->sha256);
  bc_json_key(out, "input_sha256", false);
  bc_json_string(out, item->input_sha256[0] ? item->input_sha256 : NULL);
  bc_json_key(out, "ms", false);
  bc_buf_printf(out, "%.1f", item->ms);
  bc_json_key(out, "error", false);
  bc_json_string(out, failed && item->error
                          ? bc_error_format(item->error, msg, sizeof msg)
                          : NULL);
  bc_json_key(out, "error_code", false);
  bc_json_string(out, failed && item->error ? bc_error_key(item->error->code)
                                            : NULL);
  bc_buf_puts(out, "}\n");
}

/* ---- reading: one flat JSON object a line, through cJSON ---- */

/* A count as the writer wrote it; false for a number no long long holds. */
static bool read_count(long long *out, double v) {
  if (!(v >= -9223372036854775808.0 && v < 9223372036854775808.0))
    return false;
  *out = (long long)v;
  return true;
}

/* The string member m into *field (NULL when m is not a string). */
static int read_text(const char **field,
                     const bc_json *m,
                     bc_arena *arena,
                     bc_error *err) {
  const char *s = bc_json_text(m);
  *field = NULL;
  if (s && !(*field = bc_arena_strdup(arena, s)))
    return bc_error_oom(err);
  return 0;
}

/*
 * One line into *e; *whole tells whether it is one JSON object (RFC 8259,
 * BC_JSON_STRICT: no control character in a string, no U+0000, nothing
 * after it) of strings, numbers, true, false and null, with the four
 * strings --resume needs. A key given twice takes its last value. 0, or
 * BC_ENOMEM.
 */
static int read_entry(bc_manifest_entry *e,
                      bool *whole,
                      const char *line,
                      size_t len,
                      bc_arena *arena,
                      bc_error *err) {
  static const struct {
    const char *key;
    size_t offset;
  } texts[] = {
      {"agency", offsetof(bc_manifest_entry, agency)},
      {"template", offsetof(bc_manifest_entry, template_name)},
      {"output", offsetof(bc_manifest_entry, output)},
      {"status", offsetof(bc_manifest_entry, status)},
      {"sha256", offsetof(bc_manifest_entry, sha256)},
      {"input_sha256", offsetof(bc_manifest_entry, input_sha256)},
  };
  bc_json *doc = bc_json_parse(line, len, BC_JSON_STRICT);
  int rc = 0;
  memset(e, 0, sizeof *e);
  *whole = false;
  if (bc_json_type_of(doc) != BC_JSON_TYPE_OBJECT)
    goto done;
  for (const bc_json *m = bc_json_first(doc); m; m = bc_json_next(m)) {
    const char *key = bc_json_name(m);
    bc_json_type type = bc_json_type_of(m);
    double v = bc_json_double(m);
    size_t i;
    if (type == BC_JSON_TYPE_ARRAY || type == BC_JSON_TYPE_OBJECT)
      goto done; /* a manifest line is flat */
    for (i = 0; i < sizeof texts / sizeof texts[0]; i++)
      if (!strcmp(key, texts[i].key)) {
        const char **field = (const char **)((char *)e + texts[i].offset);
        if ((rc = read_text(field, m, arena, err)))
          goto done;
        break;
      }
    if (i < sizeof texts / sizeof texts[0] || type != BC_JSON_TYPE_NUMBER)
      continue;
    if ((!strcmp(key, "pages") && !read_count(&e->pages, v)) ||
        (!strcmp(key, "bytes") && !read_count(&e->bytes, v)))
      goto done;
    if (!strcmp(key, "ms"))
      e->ms = v;
  }
  *whole = e->agency && e->template_name && e->output && e->status;
done:
  bc_json_free(doc);
  return rc;
}

int bc_bulk__manifest_read(bc_manifest_entry **out,
                           size_t *count,
                           int *ends_with_newline,
                           const char *path,
                           bc_arena *arena,
                           bc_error *err) {
  struct stat st;
  char *data = NULL;
  size_t len = 0, n = 0, cap = 0;
  bc_manifest_entry *list = NULL;
  int rc;

  *out = NULL;
  *count = 0;
  *ends_with_newline = 1;
  if (stat(path, &st) != 0 && errno == ENOENT)
    return 0;
  if ((rc = bc_file_read(&data, &len, path, (size_t)1 << 30, BC_EIO,
                         arena->alloc, err)))
    return rc;
  *ends_with_newline = len == 0 || data[len - 1] == '\n';
  for (const char *line = data; line < data + len;) {
    const char *nl = memchr(line, '\n', (size_t)(data + len - line));
    const char *line_end = nl ? nl : data + len;
    bc_manifest_entry e;
    bool whole;
    if ((rc = read_entry(&e, &whole, line, (size_t)(line_end - line), arena,
                         err)))
      break;
    if (whole) {
      e.line_len = (size_t)(line_end - line);
      if (!(e.line = bc_arena_strndup(arena, line, e.line_len)) ||
          !(list = bc_arena_grow(arena, list, n, &cap, sizeof *list))) {
        rc = bc_error_oom(err);
        break;
      }
      list[n++] = e;
    }
    line = nl ? nl + 1 : data + len;
  }
  bc_free(arena->alloc, data);
  if (rc)
    return rc;
  *out = list;
  *count = n;
  return 0;
}
