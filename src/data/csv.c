/* data/csv.c: the RFC 4180 reader (bounded, strict UTF-8, NFC fields) and
 * the writer that quotes only when it must. */
#include "data/csv.h"
#include "common/i18n.h"

#include "common/error.h"
#include "common/utf8.h"

#include <string.h>

/* The line of data[0..offset): 1 + the line ends before it. */
static int line_at(const char *data, size_t offset) {
  int line = 1;
  for (size_t i = 0; i < offset; i++)
    if (data[i] == '\n' || (data[i] == '\r' && data[i + 1] != '\n'))
      line++;
  return line;
}

static int fail(bc_csv_reader *r, int line, bc_error *err, int rc) {
  bc_error_locate(err, r->name, line, 0);
  return rc;
}

static int too_long(bc_csv_reader *r, int line, bc_error *err) {
  return fail(r, line, err,
              bc_error_set(err, BC_EINPUT, "a field is longer than %zu bytes",
                           r->max_field));
}

/* ';' when the first line has ';' and no ',' outside quotes, else ','. */
static char detect_delimiter(const char *s, size_t len) {
  bool quoted = false;
  size_t commas = 0, semicolons = 0;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r'))
      break;
    else if (!quoted && c == ',')
      commas++;
    else if (!quoted && c == ';')
      semicolons++;
  }
  return semicolons && !commas ? ';' : ',';
}

int bc_csv_open(bc_csv_reader *r,
                const char *name,
                const char *data,
                size_t len,
                const bc_allocator *alloc,
                bc_error *err) {
  size_t bad, start = 0;
  memset(r, 0, sizeof *r);
  if (!alloc)
    alloc = bc_allocator_default();
  r->name = name;
  r->data = data;
  r->len = len;
  r->line = 1;
  r->max_field = BC_CSV_MAX_FIELD;
  r->max_columns = BC_CSV_MAX_COLUMNS;
  bc_buf_init(&r->text, alloc);
  bc_buf_init(&r->offsets, alloc);
  bc_arena_init(&r->arena, alloc);
  if (len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3))
    start = 3;
  r->pos = start;
  bad = bc_utf8_check(data + start, len - start);
  if (bad != SIZE_MAX) {
    bad += start;
    return fail(r, line_at(data, bad), err,
                bc_error_set(err, BC_EINPUT, "%s at byte %zu",
                             data[bad] ? bc_tr("invalid UTF-8") : bc_tr("NUL byte"), bad));
  }
  r->delimiter = detect_delimiter(data + start, len - start);
  return 0;
}

void bc_csv_close(bc_csv_reader *r) {
  bc_buf_free(&r->text);
  bc_buf_free(&r->offsets);
  bc_arena_release(&r->arena);
}

/* Ends the field being read: its offset is recorded, a NUL appended. */
static int end_field(bc_csv_reader *r, size_t start, int line, bc_error *err) {
  size_t count = r->offsets.len / sizeof start;
  if (count >= r->max_columns)
    return fail(r, line, err,
                bc_error_set(err, BC_EINPUT, "more than %zu fields in a record",
                             r->max_columns));
  if (r->text.len - start > r->max_field)
    return too_long(r, line, err);
  bc_buf_put(&r->offsets, &start, sizeof start);
  bc_buf_putc(&r->text, '\0');
  return bc_buf_check(&r->offsets, err) ? BC_ENOMEM
                                        : bc_buf_check(&r->text, err);
}

/* Skips a line end at pos (CRLF, LF or CR); returns whether there was one. */
static bool skip_line_end(bc_csv_reader *r) {
  if (r->pos >= r->len)
    return false;
  if (r->data[r->pos] == '\r') {
    r->pos += r->pos + 1 < r->len && r->data[r->pos + 1] == '\n' ? 2 : 1;
  } else if (r->data[r->pos] == '\n') {
    r->pos++;
  } else {
    return false;
  }
  r->line++;
  return true;
}

/* Reads a quoted field (pos after the opening quote) into text. */
static int
read_quoted(bc_csv_reader *r, size_t start, int start_line, bc_error *err) {
  const char *d = r->data;
  for (;;) {
    size_t run = r->pos;
    while (run < r->len && d[run] != '"' && d[run] != '\r' && d[run] != '\n')
      run++;
    bc_buf_put(&r->text, d + r->pos, run - r->pos);
    r->pos = run;
    if (r->text.len - start > r->max_field)
      return too_long(r, start_line, err);
    if (r->pos >= r->len)
      return fail(r, start_line, err,
                  bc_error_set(err, BC_EINPUT,
                               "a quoted field is never closed (its quote "
                               "opens on line %d)",
                               start_line));
    if (d[r->pos] == '"') {
      r->pos++;
      if (r->pos < r->len && d[r->pos] == '"') {
        bc_buf_putc(&r->text, '"');
        r->pos++;
        continue;
      }
      return 0;
    }
    skip_line_end(r);
    bc_buf_putc(&r->text, '\n');
    if (r->text.len - start > r->max_field)
      return too_long(r, start_line, err);
  }
}

/* The fields as NFC strings: ASCII ones in place, others copied. */
static int finish_record(bc_csv_reader *r, bc_csv_record *rec, bc_error *err) {
  size_t count = r->offsets.len / sizeof(size_t);
  const size_t *offsets = (const size_t *)(void *)r->offsets.data;
  const char **fields = bc_arena_calloc(&r->arena, count, sizeof *fields);
  if (!fields)
    return bc_error_oom(err);
  for (size_t i = 0; i < count; i++) {
    const char *s = r->text.data + offsets[i];
    size_t n = strlen(s);
    bool ascii = true;
    for (size_t k = 0; k < n && ascii; k++)
      ascii = (unsigned char)s[k] < 0x80;
    fields[i] = s;
    /* checked whole in bc_csv_open: only memory can run out here */
    if (!ascii && bc_utf8_nfc(&fields[i], &n, s, n, &r->arena, err))
      return bc_error_oom(err);
  }
  rec->count = count;
  rec->fields = fields;
  return 0;
}

int bc_csv_next(bc_csv_reader *r, bc_csv_record *rec, bc_error *err) {
  const char *d = r->data;
  int rc;
  bc_arena_release(&r->arena);
  bc_buf_reset(&r->text);
  bc_buf_reset(&r->offsets);
  while (skip_line_end(r))
    ; /* blank lines */
  if (r->pos >= r->len)
    return 0;
  rec->line = r->line;
  for (;;) {
    size_t start = r->text.len;
    if (d[r->pos] == '"') {
      int quote_line = r->line;
      r->pos++;
      if ((rc = read_quoted(r, start, quote_line, err)))
        return rc;
      if (r->pos < r->len && d[r->pos] != r->delimiter && d[r->pos] != '\r' &&
          d[r->pos] != '\n')
        return fail(r, r->line, err,
                    bc_error_set(err, BC_EINPUT,
                                 "'%c' after a closing quote (a field with "
                                 "quotes must be quoted whole)",
                                 d[r->pos]));
    } else {
      size_t run = r->pos;
      while (run < r->len && d[run] != r->delimiter && d[run] != '\r' &&
             d[run] != '\n' && d[run] != '"')
        run++;
      if (run < r->len && d[run] == '"')
        return fail(r, r->line, err,
                    bc_error_set(err, BC_EINPUT,
                                 "a quote inside an unquoted field (quote "
                                 "the field and double the quote)"));
      bc_buf_put(&r->text, d + r->pos, run - r->pos);
      r->pos = run;
    }
    if ((rc = end_field(r, start, rec->line, err)))
      return rc;
    if (r->pos < r->len && d[r->pos] == r->delimiter) {
      r->pos++;
      if (r->pos >= r->len || d[r->pos] == '\r' || d[r->pos] == '\n') {
        /* a delimiter at the end of the line: one more, empty field */
        if ((rc = end_field(r, r->text.len, rec->line, err)))
          return rc;
        break;
      }
      continue;
    }
    break;
  }
  skip_line_end(r);
  rc = finish_record(r, rec, err);
  return rc ? rc : 1;
}

void bc_csv_put(bc_buf *out, const char *s, size_t len, bool first) {
  /* Quoted too: an empty first field (alone it would be a blank line,
   * which reading skips) and one starting with a BOM (which reading skips
   * at the start of a file). */
  bool quote = len ? s[0] == ' ' || s[len - 1] == ' ' ||
                         (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
                   : first;
  for (size_t i = 0; i < len && !quote; i++)
    quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n' ||
            s[i] == ';';
  if (!first)
    bc_buf_putc(out, ',');
  if (!quote) {
    bc_buf_put(out, s, len);
    return;
  }
  bc_buf_putc(out, '"');
  for (size_t i = 0; i < len; i++) {
    if (s[i] == '"')
      bc_buf_putc(out, '"');
    bc_buf_putc(out, s[i]);
  }
  bc_buf_putc(out, '"');
}

void bc_csv_end(bc_buf *out) {
  bc_buf_put(out, "\r\n", 2);
}
