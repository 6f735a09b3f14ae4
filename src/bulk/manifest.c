/* bulk/manifest.c: writing and reading the bulk manifest (JSON Lines). */
#include "bulk/bulk_int.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"
#include "common/utf8.h"

#include <errno.h>
#include "common/json.h"

#include <stdbool.h>
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
  bc_json_string(out,
                 failed && item->error ? bc_error_key(item->error->code) : NULL);
  bc_buf_puts(out, "}\n");
}

/* ---- reading: flat JSON objects of strings, numbers and null ---- */

typedef struct reader {
  const char *p;
  const char *end;
  bc_arena *arena;
  bool out_of_memory; /* not a bad line: the caller must fail */
} reader;

static void skip_space(reader *r) {
  while (r->p < r->end &&
         (*r->p == ' ' || *r->p == '\t' || *r->p == '\r' || *r->p == '\n'))
    r->p++;
}

static bool read_hex4(reader *r, uint32_t *out) {
  uint32_t v = 0;
  if (r->end - r->p < 4)
    return false;
  for (int i = 0; i < 4; i++) {
    int d = bc_hex_digit((unsigned char)r->p[i]);
    if (d < 0)
      return false;
    v = v * 16 + (uint32_t)d;
  }
  r->p += 4;
  *out = v;
  return true;
}

/* A JSON string into the arena; false if it is not one. */
static bool read_string(reader *r, const char **out) {
  bc_buf b;
  bool ok = false;
  if (r->p >= r->end || *r->p != '"')
    return false;
  r->p++;
  bc_buf_init(&b, r->arena->alloc);
  while (r->p < r->end && *r->p != '"') {
    char c = *r->p++;
    uint32_t cp, low;
    char enc[4];
    if ((unsigned char)c < 0x20)
      goto done;
    if (c != '\\') {
      bc_buf_putc(&b, c);
      continue;
    }
    if (r->p >= r->end)
      goto done;
    switch (c = *r->p++) {
    case '"':
    case '\\':
    case '/':
      bc_buf_putc(&b, c);
      break;
    case 'b':
      bc_buf_putc(&b, '\b');
      break;
    case 'f':
      bc_buf_putc(&b, '\f');
      break;
    case 'n':
      bc_buf_putc(&b, '\n');
      break;
    case 'r':
      bc_buf_putc(&b, '\r');
      break;
    case 't':
      bc_buf_putc(&b, '\t');
      break;
    case 'u':
      if (!read_hex4(r, &cp))
        goto done;
      if (cp >= 0xD800 && cp < 0xDC00) {
        if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
          goto done;
        r->p += 2;
        if (!read_hex4(r, &low) || low < 0xDC00 || low > 0xDFFF)
          goto done;
        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      }
      if (cp == 0)
        goto done;
      bc_buf_put(&b, enc, bc_utf8_encode(cp, enc));
      break;
    default:
      goto done;
    }
  }
  if (r->p >= r->end)
    goto done;
  r->p++;
  *out =
      b.failed ? NULL : bc_arena_strndup(r->arena, b.len ? b.data : "", b.len);
  ok = *out != NULL;
  r->out_of_memory |= !ok;
done:
  bc_buf_free(&b);
  return ok;
}

/* A number, null, true or false: what is not a string. */
static bool read_scalar(reader *r, double *number, bool *is_number) {
  const char *start = r->p;
  char tmp[64];
  char *end;
  size_t n;
  while (r->p < r->end && *r->p != ',' && *r->p != '}' && *r->p != ' ' &&
         *r->p != '\n')
    r->p++;
  n = (size_t)(r->p - start);
  if (n == 0 || n >= sizeof tmp)
    return false;
  memcpy(tmp, start, n);
  tmp[n] = '\0';
  *is_number = false;
  if (!strcmp(tmp, "null") || !strcmp(tmp, "true") || !strcmp(tmp, "false"))
    return true;
  *number = strtod(tmp, &end);
  *is_number = true;
  return *end == '\0';
}

/* One line: true when it is a complete object with what --resume needs. */
static bool read_entry(reader *r, bc_manifest_entry *e) {
  memset(e, 0, sizeof *e);
  skip_space(r);
  if (r->p >= r->end || *r->p++ != '{')
    return false;
  for (bool first = true;; first = false) {
    const char *key, *text = NULL;
    double number = 0;
    bool is_number = false;
    skip_space(r);
    if (r->p < r->end && *r->p == '}' && first) {
      r->p++;
      break;
    }
    if (!read_string(r, &key))
      return false;
    skip_space(r);
    if (r->p >= r->end || *r->p++ != ':')
      return false;
    skip_space(r);
    if (r->p < r->end && *r->p == '"') {
      if (!read_string(r, &text))
        return false;
    } else if (!read_scalar(r, &number, &is_number)) {
      return false;
    }
    if (!strcmp(key, "agency"))
      e->agency = text;
    else if (!strcmp(key, "template"))
      e->template_name = text;
    else if (!strcmp(key, "output"))
      e->output = text;
    else if (!strcmp(key, "status"))
      e->status = text;
    else if (!strcmp(key, "sha256"))
      e->sha256 = text;
    else if (!strcmp(key, "input_sha256"))
      e->input_sha256 = text;
    else if (!strcmp(key, "pages") && is_number)
      e->pages = (long long)number;
    else if (!strcmp(key, "bytes") && is_number)
      e->bytes = (long long)number;
    else if (!strcmp(key, "ms") && is_number)
      e->ms = number;
    skip_space(r);
    if (r->p < r->end && *r->p == ',') {
      r->p++;
      continue;
    }
    if (r->p < r->end && *r->p == '}') {
      r->p++;
      break;
    }
    return false;
  }
  skip_space(r);
  return r->p == r->end && e->agency && e->template_name && e->output &&
         e->status;
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
    reader r = {line, line_end, arena, false};
    bc_manifest_entry e;
    bool whole = read_entry(&r, &e);
    if (r.out_of_memory) {
      rc = bc_error_oom(err);
      break;
    }
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
