/* data/import.c: `baocao db import`: CSV files and Markdown narratives
 * checked row by row, written in one transaction, every problem named. */
#include "data/data.h"
#include "common/i18n.h"

#include "common/alloc.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/file.h"
#include "common/hash.h"
#include "common/utf8.h"
#include "data/csv.h"
#include "data/tables.h"

#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_FILE_SIZE ((size_t)512 << 20)
#define MAX_COLUMNS 8           /* the most columns a table has */
#define MARKDOWN BC_TABLE_COUNT /* the rank of .md files: after every CSV */

static const char *const ref_sql[BC_REF_COUNT] = {
    [BC_REF_AGENCY] = "SELECT 1 FROM agency WHERE code = ?1",
    [BC_REF_PERIOD] = "SELECT 1 FROM period WHERE code = ?1",
    [BC_REF_INDICATOR] = "SELECT kind FROM indicator WHERE code = ?1",
    [BC_REF_SIGNER] = "SELECT 1 FROM signer WHERE id = ?1",
};
static const char *const ref_noun[BC_REF_COUNT] = {
    [BC_REF_AGENCY] = BC_N_("agency"),
    [BC_REF_PERIOD] = BC_N_("period"),
    [BC_REF_INDICATOR] = BC_N_("indicator"),
    [BC_REF_SIGNER] = BC_N_("signer"),
};

/* A cell as it is bound. */
typedef struct cell {
  enum { CELL_NULL, CELL_TEXT, CELL_INT, CELL_REAL } kind;
  const char *text;
  long long i;
  double d;
} cell;

/* The keys seen in one file and the line of each, for duplicates. */
typedef struct seen_slot {
  uint32_t hash;
  int line; /* 0: an empty slot */
  size_t off, len;
} seen_slot;

typedef struct seen_set {
  seen_slot *slots;
  size_t cap, count;
  bc_buf keys;
} seen_set;

/* A parent_code not found when its row was read: looked for again at the
 * end of the file, where a later row may have added it. */
typedef struct pending {
  int line;
  char code[72];
} pending;

typedef struct importer {
  const char *db_path;
  sqlite3 *h;
  const bc_allocator *alloc;
  bc_import_result *res;
  bc_error *err;
  sqlite3_stmt *ref[BC_REF_COUNT];
  bool broken; /* a file that cannot be read as CSV: BC_EINPUT */
  const char *stdin_table; /* the table of "-", read from standard input */
} importer;

/* One file being imported into table t. */
typedef struct file_state {
  importer *im;
  const char *path;
  int ti;
  const bc_table *t;
  int map[MAX_COLUMNS]; /* column -> field of the record, or -1 */
  size_t fields;        /* fields of the header */
  sqlite3_stmt *exists, *upsert;
  seen_set seen;
  bc_buf key;            /* the current row's key, fields NUL-terminated */
  bc_buf pending;        /* pending entries */
  char kind[16];         /* the kind of the row's indicator, "" when unknown */
  char indicator[72];    /* and its code (a code has at most 64 bytes) */
  const char **md_files; /* .md files: the paths in import order */
} file_state;

/* ---- problems ---- */

static void problem(importer *im,
                    const char *path,
                    int line,
                    const char *column,
                    const char *fmt,
                    ...) BC_PRINTF(5, 6);

static void problem(importer *im,
                    const char *path,
                    int line,
                    const char *column,
                    const char *fmt,
                    ...) {
  bc_import_result *r = im->res;
  bc_import_problem *w;
  char *m;
  size_t n = 0, size = BC_ERROR_MESSAGE_SIZE;
  va_list ap;
  r->problem_count++;
  if (r->problems_kept >= BC_IMPORT_MAX_PROBLEMS)
    return;
  w = &r->where[r->problems_kept];
  m = r->problems[r->problems_kept++];
  memset(w, 0, sizeof *w);
  m[0] = '\0';
  if (path && line > 0)
    snprintf(m, size, "%s:%d: ", path, line);
  else if (path)
    snprintf(m, size, "%s: ", path);
  snprintf(w->file, sizeof w->file, "%s", path ? path : "");
  w->line = path ? line : 0;
  n = strlen(m);
  if (column) {
    snprintf(m + n, size - n, bc_tr("column '%s': "), column);
    snprintf(w->column_name, sizeof w->column_name, "%s", column);
  }
  n = strlen(m);
  w->reason = n;
  va_start(ap, fmt);
  vsnprintf(m + n, size - n, bc_tr(fmt), ap);
  va_end(ap);
  for (char *p = m; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';
}

/* A problem that stops a file: the error as bc_error_format puts it. */
static int file_problem(importer *im, int rc) {
  char line[BC_ERROR_MESSAGE_SIZE + 2 * BC_ERROR_FIELD_SIZE];
  if (rc == BC_ENOMEM || rc == BC_EDB)
    return rc;
  bc_error_format(im->err, line, sizeof line);
  problem(im, NULL, 0, NULL, "%s", line);
  if (im->res->problems_kept &&
      im->res->problem_count == im->res->problems_kept) {
    /* the error's own position and message, for scripts */
    bc_import_problem *w = &im->res->where[im->res->problems_kept - 1];
    const char *m = im->res->problems[im->res->problems_kept - 1];
    const char *reason = strstr(m, im->err->message);
    snprintf(w->file, sizeof w->file, "%s", im->err->file);
    w->line = im->err->line;
    w->column = im->err->column;
    w->reason = reason ? (size_t)(reason - m) : 0;
  }
  bc_error_clear(im->err);
  im->broken = true;
  return 0;
}

/* s for a message: at most 60 bytes, cut between characters, "…" after. */
static const char *shown(char buf[80], const char *s) {
  size_t n = strlen(s);
  if (n <= 60)
    return s;
  n = 60;
  while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
    n--;
  memcpy(buf, s, n);
  memcpy(buf + n, "\xE2\x80\xA6", 4);
  return buf;
}

/* ---- reading cells ---- */

static bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

/* -?[0-9]+ within long long. */
static bool parse_int(const char *s, long long *out) {
  const char *p = s + (*s == '-');
  long long v = 0;
  if (!is_digit(*p))
    return false;
  for (; is_digit(*p); p++) {
    if (v > (LLONG_MAX - (*p - '0')) / 10)
      return false;
    v = v * 10 + (*p - '0');
  }
  if (*p)
    return false;
  *out = *s == '-' ? -v : v;
  return true;
}

/* -?[0-9]+([.,][0-9]+)?%? (the % for percentages only). */
static bool parse_number(const char *s, bool percent, double *out) {
  char buf[96];
  size_t n = 0;
  const char *p = s;
  if (*p == '-')
    buf[n++] = *p++;
  if (!is_digit(*p))
    return false;
  while (is_digit(*p) && n < 48)
    buf[n++] = *p++;
  if (*p == '.' || *p == ',') {
    buf[n++] = '.';
    p++;
    if (!is_digit(*p))
      return false;
    while (is_digit(*p) && n < 94)
      buf[n++] = *p++;
  }
  if (percent && *p == '%')
    p++;
  if (*p)
    return false;
  buf[n] = '\0';
  *out = strtod(buf, NULL);
  return isfinite(*out);
}

/* Looks up value in the ref table; a problem when it is not there. */
static int check_ref(
    file_state *f, int line, const bc_column *c, const cell *v, bool *found) {
  sqlite3_stmt *s = f->im->ref[c->ref];
  int rc;
  char b[80];
  sqlite3_reset(s);
  if (v->kind == CELL_INT)
    sqlite3_bind_int64(s, 1, v->i);
  else
    sqlite3_bind_text(s, 1, v->text, -1, SQLITE_STATIC);
  rc = sqlite3_step(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_db_error(f->im->err, f->im->h, rc, f->im->db_path);
  *found = rc == SQLITE_ROW;
  if (*found && c->ref == BC_REF_INDICATOR) {
    snprintf(f->kind, sizeof f->kind, "%s",
             (const char *)sqlite3_column_text(s, 0));
    snprintf(f->indicator, sizeof f->indicator, "%s", v->text);
  }
  sqlite3_reset(s);
  if (*found)
    return 0;
  if (f->ti == 0 && c->ref == BC_REF_AGENCY) {
    /* a parent agency may come later in the same file */
    pending p = {line, ""};
    snprintf(p.code, sizeof p.code, "%s", v->text);
    bc_buf_put(&f->pending, &p, sizeof p);
    *found = true;
    return bc_buf_check(&f->pending, f->im->err);
  }
  if (v->kind == CELL_INT)
    problem(f->im, f->path, line, c->name, "no %s %lld", bc_tr(ref_noun[c->ref]),
            v->i);
  else
    problem(f->im, f->path, line, c->name, "no %s '%s'",
            bc_tr(ref_noun[c->ref]),
            shown(b, v->text));
  return 0;
}

/* The value column by the kind of the row's indicator. */
static bool read_value(file_state *f, int line, const char *s, cell *out) {
  const char *kind = f->kind, *code = f->indicator;
  char b[80];
  if (!kind[0])
    return false; /* the indicator is unknown: already a problem */
  if (!strcmp(kind, "text")) {
    out->kind = CELL_TEXT;
    out->text = s;
    return true;
  }
  if (!*s) {
    problem(f->im, f->path, line, "value", "is empty (indicator %s is a %s)",
            code, kind);
    return false;
  }
  if (!strcmp(kind, "date")) {
    bc_error e;
    if (!bc_valid_date(NULL, s, false, &e)) {
      out->kind = CELL_TEXT;
      out->text = s;
      return true;
    }
    problem(f->im, f->path, line, "value", "%s (indicator %s is a date)",
            e.message, code);
    return false;
  }
  if (parse_number(s, !strcmp(kind, "percent"), &out->d)) {
    out->kind = CELL_REAL;
    return true;
  }
  problem(f->im, f->path, line, "value",
          "'%s' is not a number (indicator %s "
          "is a %s)",
          shown(b, s), code, kind);
  return false;
}

/*
 * Reads cell s of column c into *out. False when it is bad: a problem is
 * recorded (or was, for a value whose indicator is unknown). *rc is set on
 * a database or memory failure.
 */
static bool read_cell(file_state *f,
                      int line,
                      const bc_column *c,
                      const char *s,
                      cell *out,
                      int *rc) {
  char b[80];
  bool found = true;
  *out = (cell){CELL_TEXT, s, 0, 0};
  if (!*s) {
    if (c->empty == BC_EMPTY_ERROR) {
      problem(f->im, f->path, line, c->name, "is empty");
      return false;
    }
    if (c->empty == BC_EMPTY_NULL) {
      out->kind = CELL_NULL;
      return true;
    }
    s = out->text = c->fallback;
  }
  switch (c->type) {
  case BC_COL_VALUE:
    return read_value(f, line, s, out);
  case BC_COL_INT:
    out->kind = CELL_INT;
    if (!parse_int(s, &out->i)) {
      problem(f->im, f->path, line, c->name, "'%s' is not a whole number",
              shown(b, s));
      return false;
    }
    break;
  case BC_COL_DATE:
  case BC_COL_FULL_DATE: {
    bc_error e;
    if (bc_valid_date(NULL, s, c->type == BC_COL_FULL_DATE, &e)) {
      problem(f->im, f->path, line, c->name, "%s", e.message);
      return false;
    }
    break;
  }
  default:
    /* A name, title or line: no longer than a name may be (the
     * narratives' Markdown may be). */
    if (c->pattern == BC_PAT_NONE && strcmp(f->t->name, "narrative")) {
      bc_error e;
      if (bc_valid_name(s, &e)) {
        problem(f->im, f->path, line, c->name, "%s", e.message);
        return false;
      }
    }
    if (!bc_pattern_match(c->pattern, s)) {
      bool word = c->pattern == BC_PAT_PERIOD_KIND ||
                  c->pattern == BC_PAT_INDICATOR_KIND ||
                  c->pattern == BC_PAT_ROLE;
      problem(f->im, f->path, line, c->name,
              word ? BC_NF_("'%s' is not %s") : BC_NF_("'%s' is not a code (%s)"), shown(b, s),
              bc_pattern_rule(c->pattern));
      return false;
    }
  }
  if (c->ref != BC_REF_NONE && (*rc = check_ref(f, line, c, out, &found)))
    return false;
  return found;
}

/* ---- keys seen ---- */

static int seen_grow(seen_set *s, const bc_allocator *a, bc_error *err) {
  size_t cap = s->cap ? s->cap * 2 : 1024;
  seen_slot *slots = bc_calloc(a, cap, sizeof *slots);
  if (!slots)
    return bc_error_oom(err);
  for (size_t i = 0; i < s->cap; i++) {
    size_t k = s->slots[i].hash & (cap - 1);
    if (!s->slots[i].line)
      continue;
    while (slots[k].line)
      k = (k + 1) & (cap - 1);
    slots[k] = s->slots[i];
  }
  bc_free(a, s->slots);
  s->slots = slots;
  s->cap = cap;
  return 0;
}

/* The line of an earlier row with key[0..len) in *prev, else 0 and the key
 * is added with line. */
static int seen_add(seen_set *s,
                    const bc_allocator *a,
                    const char *key,
                    size_t len,
                    int line,
                    int *prev,
                    bc_error *err) {
  uint32_t hash = bc_fnv1a(BC_FNV1A_INIT, key, len);
  size_t k;
  int rc;
  *prev = 0;
  if (s->count * 2 >= s->cap && (rc = seen_grow(s, a, err)))
    return rc;
  for (k = hash & (s->cap - 1); s->slots[k].line; k = (k + 1) & (s->cap - 1))
    if (s->slots[k].hash == hash && s->slots[k].len == len &&
        !memcmp(s->keys.data + s->slots[k].off, key, len)) {
      *prev = s->slots[k].line;
      return 0;
    }
  s->slots[k] = (seen_slot){hash, line, s->keys.len, len};
  s->count++;
  bc_buf_put(&s->keys, key, len);
  return bc_buf_check(&s->keys, err);
}

/* ---- one row ---- */

static void bind_cell(sqlite3_stmt *s, int i, const cell *c) {
  switch (c->kind) {
  case CELL_TEXT:
    sqlite3_bind_text(s, i, c->text, -1, SQLITE_STATIC);
    break;
  case CELL_INT:
    sqlite3_bind_int64(s, i, c->i);
    break;
  case CELL_REAL:
    sqlite3_bind_double(s, i, c->d);
    break;
  default:
    sqlite3_bind_null(s, i);
  }
}

/* The key, with ", " between its parts (the empty ones left out), for a
 * message. */
static const char *key_text(char *buf, size_t size, const bc_buf *key) {
  size_t n = 0;
  buf[0] = '\0';
  for (size_t off = 0; off < key->len; off += strlen(key->data + off) + 1) {
    char b[80];
    if (!key->data[off])
      continue;
    snprintf(buf + n, size - n, "%s%s", n ? ", " : "",
             shown(b, key->data + off));
    n = strlen(buf);
  }
  return buf;
}

/* A period row (columns code, kind, year, number, starts, ends, label;
 * the optional ones NULL when the file leaves them out) through
 * bc_valid_period; false and a problem when it refuses it. */
static bool check_period(file_state *f, const cell *cells, int line) {
  const char *field;
  bc_error e;
  bool number = f->map[3] >= 0 && cells[3].kind == CELL_INT;
  bool label = f->map[6] >= 0 && cells[6].kind == CELL_TEXT;
  bc_period_row row = {cells[0].text, cells[1].text,  cells[2].i,
                       number ? cells[3].i : 0,
                       cells[4].text, cells[5].text,  label ? cells[6].text : NULL};
  if (!bc_valid_period(NULL, &row, &field, &e))
    return true;
  problem(f->im, f->path, line, field, "%s", e.message);
  return false;
}

/* An agency_certificate row (columns agency_code, role, spki_sha256,
 * issuer, subject, note) through bc_valid_cert_binding: which of the two
 * bindings, in what form; false and a problem when it refuses it. */
static bool check_binding(file_state *f, const cell *cells, int line) {
  const char *v[6], *field;
  bc_error e;
  for (int i = 0; i < 6; i++)
    v[i] = f->map[i] >= 0 && cells[i].kind == CELL_TEXT ? cells[i].text : NULL;
  bc_cert_binding_row row = {v[1], v[2], v[3], v[4], v[5]};
  if (!bc_valid_cert_binding(&row, &field, &e))
    return true;
  problem(f->im, f->path, line, field, "%s", e.message);
  return false;
}

/* Checks one record and writes it; returns 0 unless the database or
 * memory fails (bad rows are problems). */
static int import_row(file_state *f, const char *const *fields, int line) {
  importer *im = f->im;
  size_t before = im->res->problem_count;
  cell cells[MAX_COLUMNS];
  bool ok = true;
  int rc = 0, prev, param = 1;

  f->kind[0] = '\0';
  bc_buf_reset(&f->key);
  for (size_t i = 0; i < f->t->count; i++) {
    const bc_column *c = &f->t->columns[i];
    if (f->map[i] < 0)
      continue;
    ok &= read_cell(f, line, c, fields[f->map[i]], &cells[i], &rc);
    if (rc)
      return rc;
    if (c->key) {
      if (cells[i].kind == CELL_INT)
        bc_buf_printf(&f->key, "%lld", cells[i].i);
      else if (cells[i].kind == CELL_TEXT)
        bc_buf_puts(&f->key, cells[i].text);
      bc_buf_putc(&f->key, '\0'); /* NULL: the empty part */
    }
  }
  if ((rc = bc_buf_check(&f->key, im->err)))
    return rc;
  /* periods.csv: the row as a whole, by the judge of every entry point */
  if (ok && !strcmp(f->t->name, "period") && !check_period(f, cells, line))
    ok = false;
  if (ok && !strcmp(f->t->name, "agency_certificate") &&
      !check_binding(f, cells, line))
    ok = false;
  if (!ok || im->res->problem_count != before)
    return 0;
  if ((rc = seen_add(&f->seen, im->alloc, f->key.data, f->key.len, line, &prev,
                     im->err)))
    return rc;
  if (prev) {
    char keys[BC_ERROR_MESSAGE_SIZE];
    if (prev > 0)
      problem(im, f->path, line, NULL, "duplicates line %d (%s)", prev,
              key_text(keys, sizeof keys, &f->key));
    else /* narratives from .md files: -prev is the earlier file + 1 */
      problem(im, f->path, 0, NULL, "the same narrative as '%s' (%s)",
              f->md_files[-prev - 1], key_text(keys, sizeof keys, &f->key));
    return 0;
  }
  sqlite3_reset(f->exists);
  for (size_t i = 0, k = 1; i < f->t->count; i++)
    if (f->t->columns[i].key)
      bind_cell(f->exists, (int)k++, &cells[i]);
  rc = sqlite3_step(f->exists);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return bc_db_error(im->err, im->h, rc, im->db_path);
  if (rc == SQLITE_ROW)
    im->res->updated[f->ti]++;
  else
    im->res->inserted[f->ti]++;
  sqlite3_reset(f->exists);

  sqlite3_reset(f->upsert);
  for (size_t i = 0; i < f->t->count; i++) {
    const cell *c = &cells[i];
    if (f->map[i] < 0)
      continue;
    if (f->t->columns[i].type == BC_COL_VALUE) {
      cell none = {CELL_NULL, NULL, 0, 0};
      bind_cell(f->upsert, param++, c->kind == CELL_REAL ? c : &none);
      bind_cell(f->upsert, param++, c->kind == CELL_TEXT ? c : &none);
    } else {
      bind_cell(f->upsert, param++, c);
    }
  }
  rc = sqlite3_step(f->upsert);
  if ((rc & 0xff) == SQLITE_CONSTRAINT) {
    /* a rule of the schema these checks do not know: the row's problem */
    problem(im, f->path, line, NULL, "%s", sqlite3_errmsg(im->h));
    rc = SQLITE_DONE;
  }
  sqlite3_reset(f->upsert);
  if (rc != SQLITE_DONE)
    return bc_db_error(im->err, im->h, rc, im->db_path);
  return 0;
}

/* ---- one file ---- */

/* Maps the header's names to the table's columns; false with problems. */
static bool read_header(file_state *f, const bc_csv_record *rec) {
  size_t before = f->im->res->problem_count;
  char names[256] = "";
  for (size_t i = 0; i < f->t->count; i++) {
    f->map[i] = -1;
    snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s",
             i ? ", " : "", f->t->columns[i].name);
  }
  for (size_t k = 0; k < rec->count; k++) {
    size_t i = 0;
    char b[80];
    while (i < f->t->count && strcmp(f->t->columns[i].name, rec->fields[k]))
      i++;
    if (i == f->t->count)
      problem(f->im, f->path, rec->line, NULL,
              "unknown column '%s' (the columns of %s.csv are %s)",
              shown(b, rec->fields[k]), f->t->plural, names);
    else if (f->map[i] >= 0)
      problem(f->im, f->path, rec->line, NULL,
              "column '%s' is named twice (fields %d and %zu)", rec->fields[k],
              f->map[i] + 1, k + 1);
    else
      f->map[i] = (int)k;
  }
  for (size_t i = 0; i < f->t->count; i++)
    if (f->map[i] < 0 && (f->t->columns[i].required || f->t->columns[i].key))
      problem(f->im, f->path, rec->line, NULL, "no column '%s' (required)",
              f->t->columns[i].name);
  f->fields = rec->count;
  if (f->im->res->problem_count == before)
    return true;
  f->im->broken = true;
  return false;
}

static int prepare(importer *im, const char *sql, sqlite3_stmt **out) {
  int rc = sqlite3_prepare_v2(im->h, sql, -1, out, NULL);
  return rc == SQLITE_OK ? 0 : bc_db_error(im->err, im->h, rc, im->db_path);
}

/*
 * The statements for the header's columns, with names from bc_tables only:
 * "SELECT 1 FROM t WHERE k1 IS ?1 AND ..." (IS: a part of the key may be
 * NULL) and "INSERT INTO t (...) VALUES (...) ON CONFLICT DO UPDATE SET c =
 * excluded.c, ..." where a column the header leaves out keeps its value (or
 * gets its default). ON CONFLICT names no target: a table's only
 * uniqueness rules are its key, and agency_certificate's key is two UNIQUE
 * rules (one per kind of binding, since NULLs never collide).
 */
static int prepare_file(file_state *f) {
  const bc_table *t = f->t;
  bc_buf b;
  int rc, n = 0, k = 0;
  bool update = false;
  bc_buf_init(&b, f->im->alloc);
  bc_buf_printf(&b, "SELECT 1 FROM %s WHERE ", t->name);
  for (size_t i = 0; i < t->count; i++)
    if (t->columns[i].key)
      bc_buf_printf(&b, "%s%s IS ?%d", k ? " AND " : "", t->columns[i].name,
                    k + 1),
          k++;
  if (!(rc = bc_buf_check(&b, f->im->err)))
    rc = prepare(f->im, bc_buf_cstr(&b), &f->exists);
  bc_buf_reset(&b);
  bc_buf_printf(&b, "INSERT INTO %s (", t->name);
  for (size_t i = 0; i < t->count; i++)
    if (f->map[i] >= 0)
      bc_buf_printf(&b, "%s%s", n++ ? ", " : "",
                    t->columns[i].type == BC_COL_VALUE ? "num, text"
                                                       : t->columns[i].name);
  bc_buf_puts(&b, ") VALUES (");
  for (int i = 0, m = n + (t->columns[t->count - 1].type == BC_COL_VALUE);
       i < m; i++)
    bc_buf_printf(&b, "%s?%d", i ? ", " : "", i + 1);
  bc_buf_puts(&b, ") ON CONFLICT DO ");
  for (size_t i = 0; i < t->count; i++) {
    const char *c = t->columns[i].name;
    if (f->map[i] < 0 || t->columns[i].key)
      continue;
    bc_buf_puts(&b, update ? ", " : "UPDATE SET ");
    if (t->columns[i].type == BC_COL_VALUE)
      bc_buf_puts(&b, "num = excluded.num, text = excluded.text");
    else
      bc_buf_printf(&b, "%s = excluded.%s", c, c);
    update = true;
  }
  if (!update)
    bc_buf_puts(&b, "NOTHING");
  if (!rc && !(rc = bc_buf_check(&b, f->im->err)))
    rc = prepare(f->im, bc_buf_cstr(&b), &f->upsert);
  bc_buf_free(&b);
  return rc;
}

static void file_init(file_state *f, importer *im, const char *path, int ti) {
  memset(f, 0, sizeof *f);
  f->im = im;
  f->path = path;
  f->ti = ti;
  f->t = &bc_tables[ti];
  bc_buf_init(&f->seen.keys, im->alloc);
  bc_buf_init(&f->key, im->alloc);
  bc_buf_init(&f->pending, im->alloc);
}

static void file_free(file_state *f) {
  sqlite3_finalize(f->exists);
  sqlite3_finalize(f->upsert);
  bc_free(f->im->alloc, f->seen.slots);
  bc_buf_free(&f->seen.keys);
  bc_buf_free(&f->key);
  bc_buf_free(&f->pending);
}

/* Parent agencies not found on their row: there now? */
static int check_pending(file_state *f) {
  const pending *p = (const pending *)(void *)f->pending.data;
  size_t count = f->pending.len / sizeof *p;
  sqlite3_stmt *s = f->im->ref[BC_REF_AGENCY];
  for (size_t i = 0; i < count; i++) {
    int rc;
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, p[i].code, -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
      problem(f->im, f->path, p[i].line, "parent_code", "no agency '%s'",
              p[i].code);
    else if (rc != SQLITE_ROW)
      return bc_db_error(f->im->err, f->im->h, rc, f->im->db_path);
  }
  return 0;
}

/* What problems call standard input ("-" in the list of files). */
#define STDIN_NAME "<stdin>"

static int import_csv(importer *im, const char *path, int ti) {
  file_state f;
  bc_csv_reader r;
  bc_csv_record rec;
  char *data = NULL;
  size_t len = 0;
  int rc;

  if (!strcmp(path, "-")) {
    path = STDIN_NAME;
    file_init(&f, im, path, ti);
    rc = bc_file_read_fd(&data, &len, STDIN_FILENO, bc_tr("standard input"),
                         MAX_FILE_SIZE, BC_EINPUT, im->alloc, im->err);
  } else {
    file_init(&f, im, path, ti);
    rc = bc_file_read(&data, &len, path, MAX_FILE_SIZE, BC_EINPUT, im->alloc,
                      im->err);
  }
  if (rc) {
    file_free(&f);
    return file_problem(im, rc);
  }
  rc = bc_csv_open(&r, path, data, len, im->alloc, im->err);
  if (!rc) {
    rc = bc_csv_next(&r, &rec, im->err);
    if (rc == 0) {
      problem(im, path, 0, NULL, "the file is empty (it needs a header line)");
      im->broken = true;
    } else if (rc == 1) {
      rc = 0;
      if (read_header(&f, &rec) && !(rc = prepare_file(&f))) {
        while ((rc = bc_csv_next(&r, &rec, im->err)) == 1) {
          if (rec.count != f.fields) {
            problem(im, path, rec.line, NULL,
                    rec.count == 1 ? BC_NF_("%zu field, the header has %zu")
                                   : BC_NF_("%zu fields, the header has %zu"),
                    rec.count, f.fields);
          } else if ((rc = import_row(&f, rec.fields, rec.line))) {
            break;
          }
        }
        if (!rc)
          rc = check_pending(&f);
      }
    }
  }
  bc_csv_close(&r);
  bc_free(im->alloc, data);
  file_free(&f);
  return rc < 0 ? file_problem(im, rc) : 0;
}

/* ---- narratives from Markdown ---- */

/* The text of a .md file: BOM dropped, CRLF and CR as LF, NFC. */
static int read_markdown(importer *im,
                         const char *path,
                         bc_arena *arena,
                         const char **out) {
  char *data = NULL;
  size_t len = 0, bad, start;
  bc_buf b;
  int rc = bc_file_read(&data, &len, path, MAX_FILE_SIZE, BC_EINPUT, im->alloc,
                        im->err);
  if (rc)
    return rc;
  start = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3 : 0;
  bad = bc_utf8_check(data + start, len - start);
  if (bad != SIZE_MAX) {
    int line = 1;
    bad += start;
    for (size_t i = 0; i < bad; i++)
      line += data[i] == '\n';
    rc = bc_error_set(im->err, BC_EINPUT, "%s at byte %zu",
                      data[bad] ? bc_tr("invalid UTF-8") : bc_tr("NUL byte"), bad);
    bc_error_locate(im->err, path, line, 0);
    bc_free(im->alloc, data);
    return rc;
  }
  bc_buf_init(&b, im->alloc);
  for (size_t i = start; i < len; i++) {
    if (data[i] == '\r' && i + 1 < len && data[i + 1] == '\n')
      continue;
    bc_buf_putc(&b, data[i] == '\r' ? '\n' : data[i]);
  }
  bc_free(im->alloc, data);
  if (!(rc = bc_buf_check(&b, im->err)))
    rc = bc_utf8_nfc(out, &len, bc_buf_cstr(&b), b.len, arena, im->err);
  bc_buf_free(&b);
  return rc == BC_EDATA ? BC_EINPUT : rc;
}

/* Each .md file as the narrative KEY (its name without .md) of the
 * options' agency and period, through the narrative table's checks. */
static int import_markdown(importer *im,
                           const char *const *files,
                           const size_t *order,
                           size_t count,
                           const bc_import_options *o) {
  file_state f;
  bc_arena arena;
  int rc = 0;

  file_init(&f, im, NULL, BC_TABLE_NARRATIVE);
  for (size_t i = 0; i < f.t->count; i++)
    f.map[i] = (int)i;
  f.fields = f.t->count;
  bc_arena_init(&arena, im->alloc);
  f.md_files = bc_calloc(im->alloc, count, sizeof *f.md_files);
  if (!f.md_files) {
    rc = bc_error_oom(im->err);
    goto done;
  }
  for (size_t k = 0; k < count; k++)
    f.md_files[k] = files[order[k]];
  if ((rc = prepare_file(&f)))
    goto done;
  for (size_t k = 0; k < count && !rc; k++) {
    const char *path = files[order[k]], *base = strrchr(path, '/');
    const char *fields[4] = {o->agency, o->period, NULL, NULL};
    char key[80];
    size_t n;
    base = base ? base + 1 : path;
    n = strlen(base) - 3;
    snprintf(key, sizeof key, "%.*s", n < 72 ? (int)n : 72, base);
    f.path = path;
    fields[2] = key;
    if (!bc_pattern_match(BC_PAT_KEY, key)) {
      problem(im, path, 0, NULL,
              "the file name '%s' is not a narrative key (%s): rename the "
              "file",
              key, bc_pattern_rule(BC_PAT_KEY));
      continue;
    }
    rc = read_markdown(im, path, &arena, &fields[3]);
    if (rc)
      rc = file_problem(im, rc);
    else
      rc = import_row(&f, fields, -(int)(k + 1));
    bc_arena_release(&arena);
  }
done:
  bc_arena_release(&arena);
  bc_free(im->alloc, f.md_files);
  file_free(&f);
  return rc;
}

/* ---- the whole import ---- */

static bool is_markdown(const char *path) {
  size_t n = strlen(path);
  return n > 3 &&
         (!strcmp(path + n - 3, ".md") || !strcmp(path + n - 3, ".MD"));
}

/* The table a name given for standard input says: "values", "value" or
 * "values.csv"; -1 for any other. */
static int table_for_name(const char *name) {
  char file[80];
  if (strchr(name, '/') ||
      snprintf(file, sizeof file, "%s.csv", name) >= (int)sizeof file)
    return -1;
  return bc_table_for_file(file) >= 0 ? bc_table_for_file(file)
                                      : bc_table_for_file(name);
}

static int rank_of(const importer *im, const char *path) {
  if (!strcmp(path, "-"))
    return im->stdin_table ? table_for_name(im->stdin_table) : -1;
  return is_markdown(path) ? MARKDOWN : bc_table_for_file(path);
}

/* The files in import order (stable: the command line's within a rank);
 * a problem for each name import does not know. */
static void sort_files(importer *im,
                       const char *const *files,
                       size_t count,
                       size_t *order) {
  int stdin_seen = 0;
  for (size_t i = 0; i < count; i++) {
    size_t j = i;
    int r = rank_of(im, files[i]);
    if (!strcmp(files[i], "-") && stdin_seen++) {
      problem(im, NULL, 0, NULL, "standard input (-) is given twice");
      im->broken = true;
    } else if (r < 0 && !strcmp(files[i], "-")) {
      if (im->stdin_table)
        problem(im, NULL, 0, NULL,
                "standard input: no table is called '%s' (import takes %s)",
                im->stdin_table, bc_table_file_names());
      else
        problem(im, NULL, 0, NULL,
                "standard input (-) needs the name of its table (--table, "
                "e.g. values)");
      im->broken = true;
    } else if (r < 0) {
      problem(im, NULL, 0, NULL,
              "'%s': no table has this file name (import takes %s)", files[i],
              bc_table_file_names());
      im->broken = true;
    }
    while (j > 0 && rank_of(im, files[order[j - 1]]) > r) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
}

static int exec(importer *im, const char *sql) {
  int rc = sqlite3_exec(im->h, sql, NULL, NULL, NULL);
  return rc == SQLITE_OK ? 0 : bc_db_error(im->err, im->h, rc, im->db_path);
}

int bc_database_import(bc_import_result *result,
                       const char *db_path,
                       const char *const *files,
                       size_t count,
                       const bc_import_options *options,
                       bc_error *err) {
  static const bc_import_options none = BC_IMPORT_OPTIONS_INIT;
  const bc_allocator *alloc = options ? options->alloc : NULL;
  importer im = {db_path, NULL, alloc ? alloc : bc_allocator_default(),
                 result,  err,  {NULL},
                 false, NULL};
  size_t *order, first_md = count;
  int rc = 0;
  BC_ASSERT_ARG(err, result, "result is NULL");
  BC_ASSERT_ARG(err, db_path, "db_path is NULL");
  BC_ASSERT_ARG(err, files || count == 0, "files is NULL");
  BC_ASSERT_ARG(err, !options || options->version == BC_IMPORT_OPTIONS_VERSION,
                "options->version is not BC_IMPORT_OPTIONS_VERSION");

  memset(result, 0, sizeof *result);
  for (int i = 0; i < BC_TABLE_COUNT; i++)
    result->table[i] = bc_tables[i].name;
  if (!options)
    options = &none;
  im.stdin_table = options->stdin_table;
  order = bc_calloc(im.alloc, count ? count : 1, sizeof *order);
  if (!order)
    return bc_error_oom(err);
  sort_files(&im, files, count, order);
  while (first_md > 0 &&
         rank_of(&im, files[order[first_md - 1]]) == MARKDOWN)
    first_md--;
  if (first_md < count && (!options->agency || !options->period)) {
    problem(&im, NULL, 0, NULL,
            "narratives from .md files need --agency and --period");
    im.broken = true;
  }
  if (result->problem_count)
    goto report;

  if ((rc = bc_db_open_handle(&im.h, db_path, true, err)) ||
      (rc = exec(&im, "PRAGMA foreign_keys = ON")) ||
      (rc = exec(&im, "BEGIN IMMEDIATE")))
    goto done;
  if ((rc = exec(&im, "PRAGMA defer_foreign_keys = ON")))
    goto rollback;
  for (int i = 1; i < BC_REF_COUNT; i++)
    if ((rc = prepare(&im, ref_sql[i], &im.ref[i])))
      goto rollback;
  for (size_t k = 0; k < first_md; k++)
    if ((rc = import_csv(&im, files[order[k]],
                         rank_of(&im, files[order[k]]))))
      goto rollback;
  if (first_md < count && (rc = import_markdown(&im, files, order + first_md,
                                                count - first_md, options)))
    goto rollback;
  if (!result->problem_count) {
    if ((rc = exec(&im, "COMMIT")))
      goto rollback;
    goto done;
  }
rollback:
  sqlite3_exec(im.h, "ROLLBACK", NULL, NULL, NULL);
  if (rc)
    goto done;
report:
  rc = bc_error_set(err, im.broken ? BC_EINPUT : BC_EDATA,
                    result->problem_count == 1
                        ? BC_NF_("nothing was imported into '%s': %zu problem")
                        : BC_NF_("nothing was imported into '%s': %zu problems"),
                    db_path, result->problem_count);
done:
  for (int i = 0; i < BC_REF_COUNT; i++)
    sqlite3_finalize(im.ref[i]);
  sqlite3_close(im.h);
  bc_free(im.alloc, order);
  return rc;
}

void bc_import_options_init(bc_import_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_IMPORT_OPTIONS_VERSION;
}
