/* sign/pdfread.c: cross-reference tables, a recursive-descent parser for
 * PDF objects (ISO 32000-1 §7.3) into pdf_value trees, and the writer for
 * them. Bounds are checked on every byte; nesting is limited. */
#include "sign/pdfread.h"

#include "common/error.h"
#include "common/utf8.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 64
#define MAX_SECTIONS 4096
#define MAX_OBJECTS 8000000

typedef struct lexer {
  const unsigned char *d;
  size_t len, pos;
  bc_arena *arena;
  bc_error *err;
  const char *name;
} lexer;

static int damaged(lexer *x, const char *what) {
  return bc_error_set(x->err, BC_EPDF, "'%s' is damaged: %s at byte %zu",
                      x->name, what, x->pos);
}

static bool is_space(unsigned char c) {
  return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ';
}

static bool is_delim(unsigned char c) {
  return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
         c == '{' || c == '}' || c == '/' || c == '%';
}

static void skip_ws(lexer *x) {
  while (x->pos < x->len) {
    unsigned char c = x->d[x->pos];
    if (is_space(c)) {
      x->pos++;
    } else if (c == '%') {
      while (x->pos < x->len && x->d[x->pos] != '\n' && x->d[x->pos] != '\r')
        x->pos++;
    } else {
      break;
    }
  }
}

static bool starts(const lexer *x, const char *lit) {
  size_t n = strlen(lit);
  return x->len - x->pos >= n && !memcmp(x->d + x->pos, lit, n);
}

/* A keyword (true, obj, R, ...) followed by a delimiter or space. */
static bool keyword(lexer *x, const char *kw) {
  size_t n = strlen(kw);
  if (!starts(x, kw))
    return false;
  if (x->pos + n < x->len && !is_space(x->d[x->pos + n]) &&
      !is_delim(x->d[x->pos + n]))
    return false;
  x->pos += n;
  return true;
}

/* Reads an unsigned integer; false if none. */
static bool read_uint(lexer *x, long long *out) {
  long long v = 0;
  size_t start = x->pos;
  while (x->pos < x->len && x->d[x->pos] >= '0' && x->d[x->pos] <= '9') {
    if (v > (1LL << 50))
      return false;
    v = v * 10 + (x->d[x->pos++] - '0');
  }
  *out = v;
  return x->pos > start;
}

static int parse_value(lexer *x, pdf_value *v, int depth);

static int add_item(lexer *x, pdf_value *v, size_t *cap, pdf_value **slot) {
  v->items = bc_arena_grow(x->arena, v->items, v->count, cap, sizeof *v->items);
  if (!v->items)
    return bc_error_oom(x->err);
  *slot = &v->items[v->count++];
  return 0;
}

static int set_bytes(lexer *x, pdf_value *v, const char *s, size_t n) {
  char *c = bc_arena_strndup(x->arena, s, n);
  if (!c)
    return bc_error_oom(x->err);
  v->s = c;
  v->len = n;
  return 0;
}

static int parse_name(lexer *x, pdf_value *v) {
  bc_buf b;
  int rc;
  x->pos++; /* '/' */
  bc_buf_init(&b, x->arena->alloc);
  while (x->pos < x->len && !is_space(x->d[x->pos]) &&
         !is_delim(x->d[x->pos])) {
    unsigned char c = x->d[x->pos++];
    if (c == '#' && x->pos + 1 < x->len && bc_hex_digit(x->d[x->pos]) >= 0 &&
        bc_hex_digit(x->d[x->pos + 1]) >= 0) {
      c = (unsigned char)(bc_hex_digit(x->d[x->pos]) * 16 +
                          bc_hex_digit(x->d[x->pos + 1]));
      x->pos += 2;
    }
    bc_buf_putc(&b, (char)c);
  }
  v->kind = PDF_NAME;
  if (!(rc = bc_buf_check(&b, x->err)))
    rc = set_bytes(x, v, b.data ? b.data : "", b.len);
  bc_buf_free(&b);
  return rc;
}

static int parse_literal(lexer *x, pdf_value *v) {
  bc_buf b;
  int nest = 1, rc;
  x->pos++; /* '(' */
  bc_buf_init(&b, x->arena->alloc);
  while (x->pos < x->len) {
    unsigned char c = x->d[x->pos++];
    if (c == '(') {
      nest++;
    } else if (c == ')') {
      if (--nest == 0)
        break;
    } else if (c == '\\' && x->pos < x->len) {
      c = x->d[x->pos++];
      switch (c) {
      case 'n':
        c = '\n';
        break;
      case 'r':
        c = '\r';
        break;
      case 't':
        c = '\t';
        break;
      case 'b':
        c = '\b';
        break;
      case 'f':
        c = '\f';
        break;
      case '\r':
        if (x->pos < x->len && x->d[x->pos] == '\n')
          x->pos++;
        continue;
      case '\n':
        continue;
      default:
        if (c >= '0' && c <= '7') {
          int o = c - '0';
          for (int k = 0; k < 2 && x->pos < x->len && x->d[x->pos] >= '0' &&
                          x->d[x->pos] <= '7';
               k++)
            o = o * 8 + (x->d[x->pos++] - '0');
          c = (unsigned char)o;
        }
      }
    }
    bc_buf_putc(&b, (char)c);
  }
  if (nest) {
    bc_buf_free(&b);
    return damaged(x, "unterminated string");
  }
  v->kind = PDF_STRING;
  if (!(rc = bc_buf_check(&b, x->err)))
    rc = set_bytes(x, v, b.data ? b.data : "", b.len);
  bc_buf_free(&b);
  return rc;
}

static int parse_hex(lexer *x, pdf_value *v) {
  bc_buf b;
  int hi = -1, rc;
  x->pos++; /* '<' */
  bc_buf_init(&b, x->arena->alloc);
  while (x->pos < x->len && x->d[x->pos] != '>') {
    unsigned char c = x->d[x->pos++];
    int h = bc_hex_digit(c);
    if (h < 0) {
      if (is_space(c))
        continue;
      bc_buf_free(&b);
      return damaged(x, "bad hex string");
    }
    if (hi < 0) {
      hi = h;
    } else {
      bc_buf_putc(&b, (char)(hi * 16 + h));
      hi = -1;
    }
  }
  if (x->pos >= x->len) {
    bc_buf_free(&b);
    return damaged(x, "unterminated hex string");
  }
  x->pos++;
  if (hi >= 0)
    bc_buf_putc(&b, (char)(hi * 16));
  v->kind = PDF_STRING;
  if (!(rc = bc_buf_check(&b, x->err)))
    rc = set_bytes(x, v, b.data ? b.data : "", b.len);
  bc_buf_free(&b);
  return rc;
}

static int parse_number(lexer *x, pdf_value *v) {
  char tmp[64];
  size_t n = 0, save;
  bool real = false;
  while (x->pos < x->len && n < sizeof tmp - 1) {
    unsigned char c = x->d[x->pos];
    if (c == '.')
      real = true;
    else if (!(c >= '0' && c <= '9') && !(n == 0 && (c == '+' || c == '-')))
      break;
    tmp[n++] = (char)c;
    x->pos++;
  }
  tmp[n] = '\0';
  if (!n || (n == 1 && (tmp[0] == '+' || tmp[0] == '-' || tmp[0] == '.')))
    return damaged(x, "bad number");
  if (real) {
    v->kind = PDF_REAL;
    v->r = strtod(tmp, NULL);
    return 0;
  }
  v->kind = PDF_INT;
  v->i = strtoll(tmp, NULL, 10);
  /* "num gen R" is a reference. */
  save = x->pos;
  if (v->i >= 0 && tmp[0] != '+' && tmp[0] != '-') {
    long long gen;
    skip_ws(x);
    if (read_uint(x, &gen)) {
      skip_ws(x);
      if (keyword(x, "R") && gen <= 65535) {
        v->kind = PDF_REF;
        v->gen = (int)gen;
        return 0;
      }
    }
  }
  x->pos = save;
  return 0;
}

static int parse_value(lexer *x, pdf_value *v, int depth) {
  size_t cap = 0;
  int rc;
  memset(v, 0, sizeof *v);
  if (depth > MAX_DEPTH)
    return damaged(x, "objects nested too deeply");
  skip_ws(x);
  if (x->pos >= x->len)
    return damaged(x, "unexpected end of file");
  v->start = x->pos;
  unsigned char c = x->d[x->pos];
  if (starts(x, "<<")) {
    x->pos += 2;
    v->kind = PDF_DICT;
    for (;;) {
      pdf_value *k = NULL, *val = NULL;
      skip_ws(x);
      if (starts(x, ">>")) {
        x->pos += 2;
        break;
      }
      if (x->pos >= x->len || x->d[x->pos] != '/')
        return damaged(x, "dictionary key is not a name");
      if ((rc = add_item(x, v, &cap, &k)) || (rc = parse_name(x, k)) ||
          (rc = add_item(x, v, &cap, &val)) ||
          (rc = parse_value(x, val, depth + 1)))
        return rc;
    }
  } else if (c == '<') {
    if ((rc = parse_hex(x, v)))
      return rc;
  } else if (c == '(') {
    if ((rc = parse_literal(x, v)))
      return rc;
  } else if (c == '/') {
    if ((rc = parse_name(x, v)))
      return rc;
  } else if (c == '[') {
    x->pos++;
    v->kind = PDF_ARRAY;
    for (;;) {
      pdf_value *item = NULL;
      skip_ws(x);
      if (x->pos < x->len && x->d[x->pos] == ']') {
        x->pos++;
        break;
      }
      if ((rc = add_item(x, v, &cap, &item)) ||
          (rc = parse_value(x, item, depth + 1)))
        return rc;
    }
  } else if (keyword(x, "true") || keyword(x, "false")) {
    v->kind = PDF_BOOL;
    v->i = x->d[v->start] == 't';
  } else if (keyword(x, "null")) {
    v->kind = PDF_NULL;
  } else if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
    if ((rc = parse_number(x, v)))
      return rc;
  } else {
    return damaged(x, "unexpected character");
  }
  v->end = x->pos;
  return 0;
}

/* ---- cross-reference tables ---- */

static int read_section(pdf_file *f, lexer *x, pdf_value *trailer) {
  skip_ws(x);
  if (!keyword(x, "xref")) {
    long long n;
    if (read_uint(x, &n))
      return bc_error_set(x->err, BC_EPDF,
                          "'%s' uses cross-reference streams, which baocao "
                          "does not read (it writes and signs classic "
                          "tables)",
                          f->name);
    return damaged(x, "no cross-reference table where startxref points");
  }
  for (;;) {
    long long first, count;
    skip_ws(x);
    if (keyword(x, "trailer"))
      break;
    if (!read_uint(x, &first) || (skip_ws(x), !read_uint(x, &count)) ||
        first > MAX_OBJECTS || count > MAX_OBJECTS - first)
      return damaged(x, "bad cross-reference subsection");
    if (f->size < (size_t)(first + count)) {
      size_t n = (size_t)(first + count);
      size_t *o = bc_arena_calloc(f->arena, n, sizeof *o);
      if (!o)
        return bc_error_oom(x->err);
      if (f->size)
        memcpy(o, f->offsets, f->size * sizeof *o);
      f->offsets = o;
      f->size = n;
    }
    for (long long k = 0; k < count; k++) {
      long long off, gen;
      skip_ws(x);
      if (!read_uint(x, &off) || (skip_ws(x), !read_uint(x, &gen)))
        return damaged(x, "bad cross-reference entry");
      skip_ws(x);
      if (x->pos >= x->len)
        return damaged(x, "truncated cross-reference table");
      unsigned char type = x->d[x->pos++];
      size_t num = (size_t)(first + k);
      /* Newer sections are read first: the first offset seen wins. A 0
       * entry marks an object as seen even when it is free. */
      if (type == 'n' && !f->offsets[num]) {
        if (off <= 0 || (size_t)off >= f->len)
          return damaged(x, "cross-reference entry outside the file");
        f->offsets[num] = (size_t)off;
      } else if (type != 'n' && type != 'f') {
        return damaged(x, "bad cross-reference entry type");
      }
    }
  }
  return parse_value(x, trailer, 0);
}

int pdf_open(pdf_file *f,
             const unsigned char *data,
             size_t len,
             const char *name,
             bc_arena *arena,
             bc_error *err) {
  lexer x = {data, len, 0, arena, err, name};
  size_t at, visited[64];
  size_t nvisited = 0;
  long long off;
  int rc;

  memset(f, 0, sizeof *f);
  f->data = data;
  f->len = len;
  f->arena = arena;
  f->name = name;
  if (len < 8 || memcmp(data, "%PDF-", 5) != 0)
    return bc_error_set(err, BC_EPDF, "'%s' is not a PDF file", name);
  /* startxref near the end. */
  at = len > 1024 ? len - 1024 : 0;
  size_t found = SIZE_MAX;
  for (size_t i = at; i + 9 <= len; i++)
    if (!memcmp(data + i, "startxref", 9))
      found = i;
  if (found == SIZE_MAX)
    return bc_error_set(err, BC_EPDF,
                        "'%s' is damaged: no startxref at the end", name);
  x.pos = found + 9;
  skip_ws(&x);
  if (!read_uint(&x, &off) || (size_t)off >= len)
    return damaged(&x, "bad startxref");
  f->last_xref = (size_t)off;
  while (true) {
    pdf_value trailer;
    const pdf_value *prev;
    for (size_t i = 0; i < nvisited; i++)
      if (visited[i] == (size_t)off)
        return damaged(&x, "cross-reference sections loop");
    if (nvisited < sizeof visited / sizeof visited[0])
      visited[nvisited++] = (size_t)off;
    if (++f->revisions > MAX_SECTIONS)
      return damaged(&x, "too many cross-reference sections");
    x.pos = (size_t)off;
    if ((rc = read_section(f, &x, &trailer)))
      return rc;
    if (trailer.kind != PDF_DICT)
      return damaged(&x, "trailer is not a dictionary");
    if (f->revisions == 1)
      f->trailer = trailer;
    prev = pdf_get(&trailer, "Prev");
    if (!prev)
      break;
    if (prev->kind != PDF_INT || prev->i < 0 || (size_t)prev->i >= len)
      return damaged(&x, "bad /Prev");
    off = prev->i;
  }
  if (!pdf_get(&f->trailer, "Root"))
    return bc_error_set(err, BC_EPDF,
                        "'%s' is damaged: the trailer has no /Root", name);
  return 0;
}

int pdf_object(pdf_value **out, pdf_file *f, long long num, bc_error *err) {
  lexer x = {f->data, f->len, 0, f->arena, err, f->name};
  long long n, gen;
  pdf_value *v;
  if (num <= 0 || (size_t)num >= f->size || !f->offsets[num])
    return bc_error_set(err, BC_EPDF, "'%s' is damaged: object %lld is missing",
                        f->name, num);
  x.pos = f->offsets[num];
  if (!read_uint(&x, &n) || n != num || (skip_ws(&x), !read_uint(&x, &gen)) ||
      (skip_ws(&x), !keyword(&x, "obj")))
    return damaged(&x, "object header does not match the table");
  v = bc_arena_calloc(f->arena, 1, sizeof *v);
  if (!v)
    return bc_error_oom(err);
  int rc = parse_value(&x, v, 0);
  if (rc)
    return rc;
  *out = v;
  return 0;
}

int pdf_stream(const unsigned char **data_out,
               size_t *len_out,
               const pdf_value **dict_out,
               pdf_file *f,
               long long num,
               bc_error *err) {
  pdf_value *v = NULL;
  const pdf_value *length = NULL;
  lexer x = {f->data, f->len, 0, f->arena, err, f->name};
  int rc;
  if ((rc = pdf_object(&v, f, num, err)))
    return rc;
  if (v->kind != PDF_DICT)
    return bc_error_set(err, BC_EPDF,
                        "'%s' is damaged: object %lld is not a "
                        "stream",
                        f->name, num);
  x.pos = v->end;
  skip_ws(&x);
  if (!keyword(&x, "stream"))
    return damaged(&x, "a stream has no 'stream' keyword");
  if (starts(&x, "\r\n"))
    x.pos += 2;
  else if (starts(&x, "\n"))
    x.pos++;
  else
    return damaged(&x, "no line break after 'stream'");
  if ((rc = pdf_resolve(&length, f, pdf_get(v, "Length"), err)))
    return rc;
  if (!length || length->kind != PDF_INT || length->i < 0 ||
      (unsigned long long)length->i > x.len - x.pos)
    return damaged(&x, "a stream's /Length is missing or too long");
  *data_out = x.d + x.pos;
  *len_out = (size_t)length->i;
  x.pos += (size_t)length->i;
  skip_ws(&x);
  if (!keyword(&x, "endstream"))
    return damaged(&x, "a stream does not end where its /Length says");
  *dict_out = v;
  return 0;
}

int pdf_resolve(const pdf_value **out,
                pdf_file *f,
                const pdf_value *v,
                bc_error *err) {
  for (int depth = 0; v && v->kind == PDF_REF; depth++) {
    pdf_value *o = NULL;
    int rc;
    if (depth == 8)
      return bc_error_set(err, BC_EPDF, "'%s' is damaged: references loop",
                          f->name);
    if ((rc = pdf_object(&o, f, v->i, err)))
      return rc;
    v = o;
  }
  *out = v;
  return 0;
}

const pdf_value *pdf_get(const pdf_value *dict, const char *key) {
  if (!dict || dict->kind != PDF_DICT)
    return NULL;
  for (size_t i = 0; i + 1 < dict->count; i += 2)
    if (!strcmp(dict->items[i].s, key))
      return &dict->items[i + 1];
  return NULL;
}

bool pdf_is_name(const pdf_value *v, const char *s) {
  return v && v->kind == PDF_NAME && !strcmp(v->s, s);
}

static void write_name(bc_buf *out, const char *s, size_t len) {
  bc_buf_putc(out, '/');
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x21 || c > 0x7e || c == '#' || is_delim(c))
      bc_buf_printf(out, "#%02X", c);
    else
      bc_buf_putc(out, (char)c);
  }
}

void pdf_write_value(bc_buf *out, const pdf_value *v) {
  switch (v->kind) {
  case PDF_NULL:
    bc_buf_puts(out, "null");
    break;
  case PDF_BOOL:
    bc_buf_puts(out, v->i ? "true" : "false");
    break;
  case PDF_INT:
    bc_buf_printf(out, "%lld", v->i);
    break;
  case PDF_REAL:
    bc_buf_printf(out, "%.6f", v->r);
    break;
  case PDF_NAME:
    write_name(out, v->s, v->len);
    break;
  case PDF_STRING:
    bc_buf_putc(out, '<');
    for (size_t i = 0; i < v->len; i++)
      bc_buf_printf(out, "%02X", (unsigned char)v->s[i]);
    bc_buf_putc(out, '>');
    break;
  case PDF_ARRAY:
    bc_buf_putc(out, '[');
    for (size_t i = 0; i < v->count; i++) {
      if (i)
        bc_buf_putc(out, ' ');
      pdf_write_value(out, &v->items[i]);
    }
    bc_buf_putc(out, ']');
    break;
  case PDF_DICT:
    bc_buf_puts(out, "<<");
    for (size_t i = 0; i + 1 < v->count; i += 2) {
      bc_buf_putc(out, ' ');
      pdf_write_value(out, &v->items[i]);
      bc_buf_putc(out, ' ');
      pdf_write_value(out, &v->items[i + 1]);
    }
    bc_buf_puts(out, " >>");
    break;
  case PDF_REF:
    bc_buf_printf(out, "%lld %d R", v->i, v->gen);
    break;
  }
}
