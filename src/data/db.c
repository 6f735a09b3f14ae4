/* data/db.c: every SQL statement baocao runs; read-only report loading with
 * a schema check, database creation and SQL-file loading. Strings leaving
 * this file are valid NFC UTF-8 copies in the caller's arena. */
#include "data/data.h"
#include "common/version.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"
#include "common/utf8.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern const char bc_schema_sql[];

enum {
  STMT_AGENCY,
  STMT_PERIOD,
  STMT_REPORT,
  STMT_SIGNER,
  STMT_RECIPIENTS,
  STMT_VALUES,
  STMT_NARRATIVES,
  STMT_LIST_REPORTS,
  STMT_SECTIONS,
  STMT_SAME_PERIOD_LAST_YEAR,
  STMT_PREVIOUS_PERIOD,
  STMT_MEMBERS,
  STMT_AGENCY_CERTS,
  STMT_COUNT
};

static const char *const statement_sql[STMT_COUNT] = {
    [STMT_AGENCY] = "SELECT name, full_name, parent_name, symbol, place "
                    "FROM agency WHERE code = ?1",
    [STMT_PERIOD] = "SELECT kind, year, number, starts, ends, label "
                    "FROM period WHERE code = ?1",
    [STMT_REPORT] = "SELECT template, number, issued_on, signer_id, "
                    "archive_unit FROM report WHERE agency_code = ?1 AND "
                    "period_code = ?2 AND (?3 IS NULL OR template = ?3) "
                    "ORDER BY template",
    [STMT_SIGNER] = "SELECT authority, title, full_name FROM signer "
                    "WHERE id = ?1",
    [STMT_RECIPIENTS] = "SELECT text FROM recipient WHERE agency_code = ?1 "
                        "AND template = ?2 ORDER BY position",
    [STMT_VALUES] =
        "SELECT i.code, i.name, i.unit, i.section, i.position, i.kind, "
        "v.num, v.text FROM indicator_value v "
        "JOIN indicator i ON i.code = v.indicator_code "
        "WHERE v.agency_code = ?1 AND v.period_code = ?2 "
        /* the same order as i.code's, the primary key's: no sort */
        "ORDER BY v.indicator_code",
    [STMT_LIST_REPORTS] = "SELECT agency_code, template FROM report "
                          "WHERE period_code = ?1 "
                          "ORDER BY agency_code, template",
    [STMT_NARRATIVES] = "SELECT key, markdown FROM narrative "
                        "WHERE agency_code = ?1 AND period_code = ?2 "
                        "ORDER BY key",
    [STMT_SECTIONS] = "SELECT code, name, position FROM section ORDER BY code",
    /* cung_ky: the period of the same kind one year earlier, day for day */
    [STMT_SAME_PERIOD_LAST_YEAR] =
        "SELECT p.code FROM period p JOIN period c ON c.code = ?1 "
        "WHERE p.kind = c.kind AND p.starts = date(c.starts, '-1 year') "
        "AND p.ends = date(c.ends, '-1 year') ORDER BY p.code LIMIT 1",
    /* ky_truoc: the period of the same kind that ended last before it */
    [STMT_PREVIOUS_PERIOD] =
        "SELECT p.code FROM period p JOIN period c ON c.code = ?1 "
        "WHERE p.kind = c.kind AND p.ends < c.starts "
        "ORDER BY p.ends DESC, p.code LIMIT 1",
    [STMT_MEMBERS] = "SELECT code FROM agency WHERE parent_code = ?1 "
                     "ORDER BY code",
    [STMT_AGENCY_CERTS] = "SELECT role, spki_sha256, issuer, subject, note "
                          "FROM agency_certificate WHERE agency_code = ?1 "
                          "ORDER BY role, spki_sha256, issuer, subject",
};

struct bc_db {
  const bc_allocator *alloc; /* of this struct */
  sqlite3 *handle;
  sqlite3_stmt *stmt[STMT_COUNT];
  char path[PATH_MAX];
};

/* Turns an SQLite failure into a bc_error that names the database. */
static int db_error(bc_error *err, sqlite3 *h, int rc, const char *path) {
  int primary = rc & 0xff;
  if (primary == SQLITE_NOMEM)
    return bc_error_oom(err);
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    return bc_error_set(err, BC_EDB,
                        "database '%s' is locked by another program", path);
  if (primary == SQLITE_NOTADB)
    return bc_error_set(err, BC_ESCHEMA,
                        "'%s' is not a baocao database (not an SQLite file)",
                        path);
  if (primary == SQLITE_CORRUPT)
    return bc_error_set(err, BC_EDB, "database '%s' is damaged: %s", path,
                        h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
  return bc_error_set(err, BC_EDB, "database '%s': %s", path,
                      h ? sqlite3_errmsg(h) : sqlite3_errstr(rc));
}

static int pragma_int(
    int *out, sqlite3 *h, const char *sql, const char *path, bc_error *err) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(h, sql, -1, &s, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step(s);
  if (rc != SQLITE_ROW) {
    rc = db_error(err, h, rc, path);
    sqlite3_finalize(s);
    return rc;
  }
  *out = sqlite3_column_int(s, 0);
  sqlite3_finalize(s);
  return 0;
}

/* Checks application_id and user_version of an open connection. */
static int check_schema(sqlite3 *h, const char *path, bc_error *err) {
  int app = 0, version = 0, rc;
  if ((rc = pragma_int(&app, h, "PRAGMA application_id", path, err)))
    return rc;
  if (app != BC_APPLICATION_ID)
    return bc_error_set(err, BC_ESCHEMA,
                        "'%s' is not a baocao database (application_id %d)",
                        path, app);
  if ((rc = pragma_int(&version, h, "PRAGMA user_version", path, err)))
    return rc;
  if (version > 0 && version < BC_SCHEMA_VERSION)
    return bc_error_set(err, BC_ESCHEMA,
                        "'%s' has schema version %d; this baocao reads "
                        "version %d (upgrade it with: baocao db upgrade %s)",
                        path, version, BC_SCHEMA_VERSION, path);
  if (version != BC_SCHEMA_VERSION)
    return bc_error_set(err, BC_ESCHEMA,
                        "'%s' has schema version %d; this baocao reads "
                        "version %d",
                        path, version, BC_SCHEMA_VERSION);
  return 0;
}

/* Whether the connection can read: SQLITE_OK, or the first read's code. */
static int probe(sqlite3 *h) {
  sqlite3_stmt *s = NULL;
  int rc = sqlite3_prepare_v2(h, "PRAGMA schema_version", -1, &s, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
    rc = SQLITE_OK;
  sqlite3_finalize(s);
  return rc;
}

/* "file:" and path percent-encoded, the query after it: an SQLite URI. */
static int
file_uri(char *out, size_t size, const char *path, const char *query) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = 0;
  int k = snprintf(out, size, "file:");
  if (k < 0 || (size_t)k >= size)
    return -1;
  n = (size_t)k;
  for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
    if (n + 4 >= size)
      return -1;
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
        (*p >= '0' && *p <= '9') || strchr("/-._~", *p)) {
      out[n++] = (char)*p;
    } else {
      out[n++] = '%';
      out[n++] = hex[*p >> 4];
      out[n++] = hex[*p & 15];
    }
  }
  k = snprintf(out + n, size - n, "?%s", query);
  return k < 0 || (size_t)k >= size - n ? -1 : 0;
}

/*
 * A WAL-mode database that is only read, in a directory this process cannot
 * write (a read-only file system, a read-only mount, a directory of
 * another user): SQLite needs to create PATH-shm beside it and fails with
 * SQLITE_CANTOPEN or SQLITE_READONLY at the first read. When PATH-wal is
 * absent or empty, every committed page is in the database file itself,
 * so it is opened again as immutable (no -shm, no locks). When PATH-wal
 * holds changes, immutable would miss them: the message says what to do.
 */
static int
reopen_read_only_wal(sqlite3 **h, const char *path, int flags, bc_error *err) {
  char wal[PATH_MAX + 8], uri[3 * PATH_MAX + 32];
  struct stat st;
  int rc;
  if (snprintf(wal, sizeof wal, "%s-wal", path) >= (int)sizeof wal ||
      file_uri(uri, sizeof uri, path, "immutable=1") != 0)
    return bc_error_set(err, BC_EDB, "database path is too long");
  if (stat(wal, &st) == 0 && st.st_size > 0)
    return bc_error_set(
        err, BC_EDB,
        "database '%s' is in WAL mode, SQLite cannot create '%s-shm' beside "
        "it (a read-only directory or file system), and '%s' holds changes "
        "not yet in the database: where it can be written, run "
        "sqlite3 '%s' 'PRAGMA journal_mode=DELETE' (or copy the database "
        "with its -wal file to a writable directory)",
        path, path, wal, path);
  sqlite3_close(*h);
  *h = NULL;
  rc = sqlite3_open_v2(uri, h, flags | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_extended_result_codes(*h, 1);
    rc = probe(*h);
  }
  return rc == SQLITE_OK ? 0 : db_error(err, *h, rc, path);
}

static int
open_handle(sqlite3 **out, const char *path, int flags, bc_error *err) {
  struct stat st;
  sqlite3 *h = NULL;
  int rc;
  if (stat(path, &st) != 0)
    return bc_error_set(err, BC_EDB, "database '%s' does not exist", path);
  if (!S_ISREG(st.st_mode))
    return bc_error_set(err, BC_EDB, "database '%s' is not a regular file",
                        path);
  rc = sqlite3_open_v2(path, &h, flags, NULL);
  if (rc != SQLITE_OK) {
    rc = db_error(err, h, rc, path);
    sqlite3_close(h);
    return rc;
  }
  sqlite3_extended_result_codes(h, 1);
  rc = probe(h);
  if ((flags & SQLITE_OPEN_READONLY) &&
      ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) &&
      (rc = reopen_read_only_wal(&h, path, flags, err))) {
    sqlite3_close(h);
    return rc;
  }
  sqlite3_busy_timeout(h, 2000);
  rc = check_schema(h, path, err);
  if (rc) {
    sqlite3_close(h);
    return rc;
  }
  *out = h;
  return 0;
}

/* bc_db_open with the struct from alloc. */
static int db_open(bc_db **out,
                   const char *path,
                   const bc_allocator *alloc,
                   bc_error *err) {
  bc_db *db = NULL;
  int rc;
  if (strlen(path) >= sizeof db->path)
    return bc_error_set(err, BC_EDB, "database path is too long");
  db = bc_calloc(alloc, 1, sizeof *db);
  if (!db)
    return bc_error_oom(err);
  db->alloc = alloc;
  memcpy(db->path, path, strlen(path) + 1);
  rc = open_handle(&db->handle, path,
                   SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, err);
  if (rc)
    goto fail;
  for (int i = 0; i < STMT_COUNT; i++) {
    int src = sqlite3_prepare_v3(db->handle, statement_sql[i], -1,
                                 SQLITE_PREPARE_PERSISTENT, &db->stmt[i], NULL);
    if (src != SQLITE_OK) {
      /* The schema version matched, so a statement that does not prepare
       * means the tables were changed by hand. */
      rc = (src & 0xff) == SQLITE_ERROR
               ? bc_error_set(err, BC_ESCHEMA,
                              "database '%s' does not match schema version "
                              "%d: %s",
                              path, BC_SCHEMA_VERSION,
                              sqlite3_errmsg(db->handle))
               : db_error(err, db->handle, src, path);
      goto fail;
    }
  }
  *out = db;
  return 0;
fail:
  bc_db_close(db);
  return rc;
}

int bc_db_open(bc_db **out, const char *path, bc_error *err) {
  return db_open(out, path, bc_allocator_default(), err);
}

void bc_db_close(bc_db *db) {
  if (!db)
    return;
  for (int i = 0; i < STMT_COUNT; i++)
    sqlite3_finalize(db->stmt[i]);
  sqlite3_close(db->handle);
  bc_free(db->alloc, db);
}

const char *bc_db_path(const bc_db *db) {
  return db->path;
}

/* ---- loading one report ---- */

typedef struct load_state {
  bc_db *db;
  bc_arena *arena;
  bc_error *err;
  const char *agency;
  const char *period;
} load_state;

/* err's message, now after "what: "; returns rc. */
static int prefix_error(bc_error *err, int rc, const char *what) {
  char msg[BC_ERROR_MESSAGE_SIZE];
  snprintf(msg, sizeof msg, "%s", err->message);
  return bc_error_set(err, rc, "%s: %s", what, msg);
}

/*
 * Copies column col as NFC text into the arena; NULL columns give NULL.
 * what names the field in errors ("agency name").
 */
static int column_text(const char **out,
                       load_state *ls,
                       sqlite3_stmt *s,
                       int col,
                       const char *what) {
  const unsigned char *t = sqlite3_column_text(s, col);
  size_t n;
  int rc;
  if (!t) {
    if (sqlite3_errcode(ls->db->handle) == SQLITE_NOMEM)
      return bc_error_oom(ls->err);
    *out = NULL;
    return 0;
  }
  n = (size_t)sqlite3_column_bytes(s, col);
  rc = bc_utf8_nfc(out, &n, (const char *)t, n, ls->arena, ls->err);
  return rc == BC_EDATA ? prefix_error(ls->err, rc, what) : rc;
}

/* column_text for a name: no longer than bc_valid_name allows. */
static int name_column(const char **out,
                       load_state *ls,
                       sqlite3_stmt *s,
                       int col,
                       const char *what) {
  int rc = column_text(out, ls, s, col, what);
  if (!rc && (rc = bc_valid_name(*out, ls->err)))
    return prefix_error(ls->err, rc, what);
  return rc;
}

static int step_error(load_state *ls, int rc) {
  return db_error(ls->err, ls->db->handle, rc, ls->db->path);
}

static sqlite3_stmt *bind2(bc_db *db, int which, const char *a, const char *b) {
  sqlite3_stmt *s = db->stmt[which];
  sqlite3_reset(s);
  sqlite3_clear_bindings(s);
  sqlite3_bind_text(s, 1, a, -1, SQLITE_STATIC);
  if (b)
    sqlite3_bind_text(s, 2, b, -1, SQLITE_STATIC);
  return s;
}

static int load_agency(bc_report_model *m, load_state *ls) {
  sqlite3_stmt *s = bind2(ls->db, STMT_AGENCY, ls->agency, NULL);
  int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE)
    return bc_error_set(ls->err, BC_ENOTFOUND, "unknown agency '%s'",
                        ls->agency);
  if (rc != SQLITE_ROW)
    return step_error(ls, rc);
  m->agency.code = bc_arena_strdup(ls->arena, ls->agency);
  if (!m->agency.code)
    return bc_error_oom(ls->err);
  if ((rc = name_column(&m->agency.name, ls, s, 0, "agency name")) ||
      (rc = name_column(&m->agency.full_name, ls, s, 1, "agency full_name")) ||
      (rc = name_column(&m->agency.parent_name, ls, s, 2,
                        "agency parent_name")) ||
      (rc = name_column(&m->agency.symbol, ls, s, 3, "agency symbol")) ||
      (rc = name_column(&m->agency.place, ls, s, 4, "agency place")))
    return rc;
  return 0;
}

static int parse_date_column(bc_date *out,
                             load_state *ls,
                             sqlite3_stmt *s,
                             int col,
                             const char *what,
                             bool required) {
  const char *t;
  int rc = column_text(&t, ls, s, col, what);
  if (rc)
    return rc;
  if (!t) {
    if (required)
      return bc_error_set(ls->err, BC_EDATA, "%s is not set", what);
    memset(out, 0, sizeof *out);
    return 0;
  }
  if ((rc = bc_valid_date(out, t, false, ls->err)))
    return prefix_error(ls->err, rc, what);
  return 0;
}

static int load_period(bc_report_model *m, load_state *ls) {
  sqlite3_stmt *s = bind2(ls->db, STMT_PERIOD, ls->period, NULL);
  bc_period_row row;
  const char *field;
  char what[160];
  int rc = sqlite3_step(s);
  if (rc == SQLITE_DONE)
    return bc_error_set(ls->err, BC_ENOTFOUND, "unknown period '%s'",
                        ls->period);
  if (rc != SQLITE_ROW)
    return step_error(ls, rc);
  memset(&row, 0, sizeof row);
  if (!(row.code = bc_arena_strdup(ls->arena, ls->period)))
    return bc_error_oom(ls->err);
  if ((rc = column_text(&row.kind, ls, s, 0, "period kind")) ||
      (rc = column_text(&row.starts, ls, s, 3, "period starts")) ||
      (rc = column_text(&row.ends, ls, s, 4, "period ends")) ||
      (rc = column_text(&row.label, ls, s, 5, "period label")))
    return rc;
  row.year = sqlite3_column_int64(s, 1);
  row.number = sqlite3_column_int64(s, 2);
  /* The same judge as db load, db import and import-pdf. */
  if ((rc = bc_valid_period(&m->period, &row, &field, ls->err))) {
    snprintf(what, sizeof what, "period '%s' %s", ls->period, field);
    return prefix_error(ls->err, rc, what);
  }
  return 0;
}

static int load_report_row(bc_report_model *m,
                           sqlite3_int64 *signer_id,
                           load_state *ls,
                           const char *template_name) {
  sqlite3_stmt *s = bind2(ls->db, STMT_REPORT, ls->agency, ls->period);
  int rc;
  if (template_name)
    sqlite3_bind_text(s, 3, template_name, -1, SQLITE_STATIC);
  rc = sqlite3_step(s);
  if (rc == SQLITE_DONE) {
    if (template_name)
      return bc_error_set(ls->err, BC_ENOTFOUND,
                          "no '%s' report for agency '%s' in period '%s'",
                          template_name, ls->agency, ls->period);
    return bc_error_set(ls->err, BC_ENOTFOUND,
                        "no report for agency '%s' in period '%s'", ls->agency,
                        ls->period);
  }
  if (rc != SQLITE_ROW)
    return step_error(ls, rc);
  if ((rc = column_text(&m->template_name, ls, s, 0, "report template")) ||
      (rc = parse_date_column(&m->issued_on, ls, s, 2, "report issued_on",
                              false)) ||
      (rc = column_text(&m->archive_unit, ls, s, 4, "report archive_unit")))
    return rc;
  if (sqlite3_column_type(s, 1) != SQLITE_NULL) {
    sqlite3_int64 n = sqlite3_column_int64(s, 1);
    if (n < 1 || n > 999999)
      return bc_error_set(ls->err, BC_EDATA,
                          "report number %lld is out of range", (long long)n);
    m->number = (int)n;
  }
  *signer_id = sqlite3_column_type(s, 3) == SQLITE_NULL
                   ? -1
                   : sqlite3_column_int64(s, 3);
  rc = sqlite3_step(s);
  if (rc == SQLITE_ROW)
    return bc_error_set(ls->err, BC_ENOTFOUND,
                        "agency '%s' has several reports in period '%s'; "
                        "choose one with --template",
                        ls->agency, ls->period);
  if (rc != SQLITE_DONE)
    return step_error(ls, rc);
  return 0;
}

/* A report without a signer loads with signer.full_name NULL: refusing it
 * is the render's business, and `baocao check` lists it with the rest. */
static int
load_signer(bc_report_model *m, load_state *ls, sqlite3_int64 signer_id) {
  sqlite3_stmt *s = ls->db->stmt[STMT_SIGNER];
  int rc;
  if (signer_id < 0)
    return 0;
  sqlite3_reset(s);
  sqlite3_bind_int64(s, 1, signer_id);
  rc = sqlite3_step(s);
  if (rc == SQLITE_DONE)
    return bc_error_set(ls->err, BC_EDATA, "signer %lld does not exist",
                        (long long)signer_id);
  if (rc != SQLITE_ROW)
    return step_error(ls, rc);
  if ((rc = name_column(&m->signer.authority, ls, s, 0, "signer authority")) ||
      (rc = name_column(&m->signer.title, ls, s, 1, "signer title")) ||
      (rc = name_column(&m->signer.full_name, ls, s, 2, "signer full_name")))
    return rc;
  return 0;
}

/* The first column of every row statement `which` gives for the keys a
 * and b (NULL: not bound), as NFC strings in the arena; what names the
 * column in errors. */
static int load_strings(const char ***out,
                        size_t *count,
                        load_state *ls,
                        int which,
                        const char *a,
                        const char *b,
                        const char *what) {
  sqlite3_stmt *s = bind2(ls->db, which, a, b);
  const char **list = NULL;
  size_t n = 0, cap = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (!(list = bc_arena_grow(ls->arena, list, n, &cap, sizeof *list)))
      return bc_error_oom(ls->err);
    if ((rc = column_text(&list[n], ls, s, 0, what)))
      return rc;
    n++;
  }
  sqlite3_reset(s);
  if (rc != SQLITE_DONE)
    return step_error(ls, rc);
  *out = list;
  *count = n;
  return 0;
}

static int load_recipients(bc_report_model *m, load_state *ls) {
  const char **list;
  int rc = load_strings(&list, &m->recipient_count, ls, STMT_RECIPIENTS,
                        ls->agency, m->template_name, "recipient text");
  m->recipients = list;
  return rc;
}

static int load_values(bc_report_model *m, load_state *ls) {
  sqlite3_stmt *s = bind2(ls->db, STMT_VALUES, ls->agency, ls->period);
  bc_indicator_value *list = NULL;
  size_t n = 0, cap = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    bc_indicator_value *v;
    const char *kind, *text;
    char what[160];
    if (!(list = bc_arena_grow(ls->arena, list, n, &cap, sizeof *list)))
      return bc_error_oom(ls->err);
    v = &list[n];
    if ((rc = column_text(&v->code, ls, s, 0, "indicator code")) ||
        (rc = column_text(&v->name, ls, s, 1, "indicator name")) ||
        (rc = column_text(&v->unit, ls, s, 2, "indicator unit")) ||
        (rc = column_text(&v->section, ls, s, 3, "indicator section")) ||
        (rc = column_text(&kind, ls, s, 5, "indicator kind")))
      return rc;
    v->position = sqlite3_column_int(s, 4);
    v->kind = kind;
    snprintf(what, sizeof what, "indicator '%s'", v->code);
    if ((rc = column_text(&text, ls, s, 7, what)))
      return rc;
    double num = sqlite3_column_double(s, 6);
    if ((rc = bc_valid_value(kind, sqlite3_column_type(s, 6) != SQLITE_NULL,
                             num, text, ls->err)))
      return prefix_error(ls->err, rc, what);
    if (strcmp(kind, "number") == 0 || strcmp(kind, "percent") == 0) {
      v->value.kind = BC_VALUE_NUMBER;
      v->value.number = num;
    } else if (strcmp(kind, "date") == 0) {
      bc_date_parse(&v->value.date, text);
      v->value.kind = BC_VALUE_DATE;
    } else {
      v->value.kind = BC_VALUE_TEXT;
      v->value.text = text;
    }
    n++;
  }
  if (rc != SQLITE_DONE)
    return step_error(ls, rc);
  m->values = list;
  m->value_count = n;
  return 0;
}

static int load_narratives(bc_report_model *m, load_state *ls) {
  sqlite3_stmt *s = bind2(ls->db, STMT_NARRATIVES, ls->agency, ls->period);
  bc_narrative *list = NULL;
  size_t n = 0, cap = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    char what[160];
    if (!(list = bc_arena_grow(ls->arena, list, n, &cap, sizeof *list)))
      return bc_error_oom(ls->err);
    if ((rc = column_text(&list[n].key, ls, s, 0, "narrative key")))
      return rc;
    snprintf(what, sizeof what, "narrative '%s'", list[n].key);
    if ((rc = column_text(&list[n].markdown, ls, s, 1, what)))
      return rc;
    if (!list[n].markdown)
      list[n].markdown = "";
    n++;
  }
  if (rc != SQLITE_DONE)
    return step_error(ls, rc);
  m->narratives = list;
  m->narrative_count = n;
  return 0;
}

static int load_sections(bc_report_model *m, load_state *ls) {
  sqlite3_stmt *s = bind2(ls->db, STMT_SECTIONS, NULL, NULL);
  bc_section *list = NULL;
  size_t n = 0, cap = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (!(list = bc_arena_grow(ls->arena, list, n, &cap, sizeof *list)))
      return bc_error_oom(ls->err);
    if ((rc = column_text(&list[n].code, ls, s, 0, "section code")) ||
        (rc = column_text(&list[n].name, ls, s, 1, "section name")))
      return rc;
    list[n].position = sqlite3_column_int(s, 2);
    n++;
  }
  if (rc != SQLITE_DONE)
    return step_error(ls, rc);
  m->sections = list;
  m->section_count = n;
  return 0;
}

enum {
  RELATED_PERIODS = 1, /* cung_ky and ky_truoc */
  RELATED_MEMBERS = 2  /* don_vi */
};

static int load_related(bc_report_model *m, load_state *ls, int what);

/*
 * An agency's values for a period, for comparisons and totals: agency,
 * period, values and what `what` asks for, finished. An error names the
 * agency and period it was loading.
 */
static int load_values_of(bc_report_model **out,
                          load_state *parent,
                          const char *agency,
                          const char *period,
                          const bc_report_model *like,
                          int what) {
  load_state ls = *parent;
  bc_report_model *m = bc_arena_calloc(parent->arena, 1, sizeof *m);
  int rc;
  if (!m)
    return bc_error_oom(parent->err);
  ls.agency = agency;
  ls.period = period;
  m->sections = like->sections;
  m->section_count = like->section_count;
  if ((rc = load_agency(m, &ls)) || (rc = load_period(m, &ls)) ||
      (rc = load_values(m, &ls)) || (rc = load_related(m, &ls, what)) ||
      (rc = bc_model_finish(m, ls.arena, ls.err))) {
    char where[BC_ERROR_MESSAGE_SIZE];
    snprintf(where, sizeof where, "agency '%s', period '%s'", agency, period);
    return rc == BC_ENOMEM ? rc : prefix_error(ls.err, rc, where);
  }
  *out = m;
  return 0;
}

/* Loads m's cung_ky and ky_truoc (RELATED_PERIODS) and its members
 * (RELATED_MEMBERS, each with its own cung_ky and ky_truoc). */
static int load_related(bc_report_model *m, load_state *ls, int what) {
  const char **codes;
  size_t n;
  bc_report_model *sub;
  int rc;
  if (what & RELATED_PERIODS) {
    const struct {
      int stmt;
      const bc_report_model **slot;
    } periods[] = {{STMT_SAME_PERIOD_LAST_YEAR, &m->same_period_last_year},
                   {STMT_PREVIOUS_PERIOD, &m->previous_period}};
    for (size_t i = 0; i < sizeof periods / sizeof periods[0]; i++) {
      if ((rc = load_strings(&codes, &n, ls, periods[i].stmt, m->period.code,
                             NULL, "code")))
        return rc;
      if (!n)
        continue;
      if ((rc = load_values_of(&sub, ls, m->agency.code, codes[0], m,
                               what & RELATED_MEMBERS)))
        return rc;
      *periods[i].slot = sub;
    }
  }
  if (what & RELATED_MEMBERS) {
    bc_report_model *members;
    if ((rc = load_strings(&codes, &n, ls, STMT_MEMBERS, m->agency.code, NULL,
                           "code")))
      return rc;
    members = bc_arena_calloc(ls->arena, n + 1, sizeof *members);
    if (!members)
      return bc_error_oom(ls->err);
    for (size_t i = 0; i < n; i++) {
      if ((rc = load_values_of(&sub, ls, codes[i], m->period.code, m,
                               (what & RELATED_PERIODS) ? RELATED_PERIODS : 0)))
        return rc;
      members[i] = *sub;
    }
    m->members = members;
    m->member_count = n;
  }
  return 0;
}

int bc_db_load_report(bc_report_model *out,
                      bc_db *db,
                      const char *agency,
                      const char *period,
                      const char *template_name,
                      bc_arena *arena,
                      bc_error *err) {
  load_state ls = {db, arena, err, agency, period};
  bc_report_model m;
  sqlite3_int64 signer_id = -1;
  int rc;

  memset(&m, 0, sizeof m);
  if ((rc = load_agency(&m, &ls)) || (rc = load_period(&m, &ls)) ||
      (rc = load_report_row(&m, &signer_id, &ls, template_name)) ||
      (rc = load_signer(&m, &ls, signer_id)) ||
      (rc = load_recipients(&m, &ls)) || (rc = load_values(&m, &ls)) ||
      (rc = load_narratives(&m, &ls)) || (rc = load_sections(&m, &ls)) ||
      (rc = load_related(&m, &ls, RELATED_PERIODS | RELATED_MEMBERS)) ||
      (rc = bc_model_finish(&m, arena, err)))
    goto done;
  *out = m;
done:
  for (int i = 0; i < STMT_COUNT; i++)
    sqlite3_reset(db->stmt[i]);
  if (rc) {
    bc_error_locate(err, db->path, 0, 0);
    if (rc != BC_ENOTFOUND)
      bc_error_context(err, agency, period);
  }
  return rc;
}

int bc_db_list_reports(bc_report_ref **out,
                       size_t *count,
                       bc_db *db,
                       const char *period,
                       bc_arena *arena,
                       bc_error *err) {
  load_state ls = {db, arena, err, NULL, period};
  bc_report_ref *list = NULL;
  size_t n = 0, cap = 0;
  sqlite3_stmt *s = bind2(db, STMT_PERIOD, period, NULL);
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  if (rc == SQLITE_DONE)
    return bc_error_set(err, BC_ENOTFOUND, "unknown period '%s'", period);
  if (rc != SQLITE_ROW)
    return step_error(&ls, rc);
  s = bind2(db, STMT_LIST_REPORTS, period, NULL);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    if (!(list = bc_arena_grow(arena, list, n, &cap, sizeof *list))) {
      rc = bc_error_oom(err);
      goto done;
    }
    if ((rc = column_text(&list[n].agency, &ls, s, 0, "report agency_code")) ||
        (rc =
             column_text(&list[n].template_name, &ls, s, 1, "report template")))
      goto done;
    n++;
  }
  if (rc != SQLITE_DONE) {
    rc = step_error(&ls, rc);
    goto done;
  }
  rc = 0;
  *out = list;
  *count = n;
done:
  sqlite3_reset(s);
  return rc;
}

/* ---- the certificates bound to an agency ---- */

int bc_db_agency_certs(bc_agency_cert **out,
                       size_t *count,
                       bc_db *db,
                       const char *agency_code,
                       bc_arena *arena,
                       bc_error *err) {
  load_state ls = {db, arena, err, agency_code, NULL};
  bc_agency_cert *list = NULL;
  size_t n = 0, cap = 0;
  sqlite3_stmt *s = bind2(db, STMT_AGENCY_CERTS, agency_code, NULL);
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    bc_agency_cert *c;
    const char *field;
    if (!(list = bc_arena_grow(arena, list, n, &cap, sizeof *list))) {
      rc = bc_error_oom(err);
      goto done;
    }
    c = &list[n];
    if ((rc = column_text(&c->role, &ls, s, 0, "agency_certificate role")) ||
        (rc = column_text(&c->spki_sha256, &ls, s, 1,
                          "agency_certificate spki_sha256")) ||
        (rc = column_text(&c->issuer, &ls, s, 2, "agency_certificate issuer")) ||
        (rc = column_text(&c->subject, &ls, s, 3,
                          "agency_certificate subject")) ||
        (rc = column_text(&c->note, &ls, s, 4, "agency_certificate note")))
      goto done;
    /* Rows written behind baocao's back pass the same judge as import. */
    if ((rc = bc_valid_cert_binding(c, &field, err))) {
      char what[160];
      snprintf(what, sizeof what, "agency_certificate of agency '%s' %s",
               agency_code, field);
      rc = prefix_error(err, rc, what);
      goto done;
    }
    n++;
  }
  if (rc != SQLITE_DONE) {
    rc = step_error(&ls, rc);
    goto done;
  }
  rc = 0;
  *out = list;
  *count = n;
done:
  sqlite3_reset(s);
  if (rc)
    bc_error_locate(err, db->path, 0, 0);
  return rc;
}

int bc_db_agency_certs_at(bc_agency_cert **out,
                          size_t *count,
                          const char *db_path,
                          const char *agency_code,
                          bc_arena *arena,
                          bc_error *err) {
  bc_db *db = NULL;
  int rc = db_open(&db, db_path, arena->alloc, err);
  if (!rc)
    rc = bc_db_agency_certs(out, count, db, agency_code, arena, err);
  bc_db_close(db);
  return rc;
}

/* ---- creating and loading ---- */

/* The longest name SQLite adds to a database's: "-journal". */
#define DB_SUFFIX_MAX 8

const bc_allocator *bc_db__options(const bc_database_options *options) {
  return options && options->alloc ? options->alloc : bc_allocator_default();
}

int bc_database_create(const char *path,
                       const bc_database_options *options,
                       bc_error *err) {
  const char *base;
  char tmp[PATH_MAX];
  sqlite3 *h = NULL;
  char *msg = NULL;
  int rc, fd;
  BC_ASSERT_ARG(err, path, "path is NULL");
  BC_ASSERT_ARG(err, !options || options->version == BC_DATABASE_OPTIONS_VERSION,
                "options->version is not BC_DATABASE_OPTIONS_VERSION");
  /* options->alloc goes unused: nothing of ours is allocated, SQLite's
   * memory is its own. */

  struct stat st;

  if (stat(path, &st) == 0)
    return bc_error_set(err, BC_EIO, "'%s' already exists", path);
  if ((rc = bc_file_check_output(path, err)))
    return rc;
  /* SQLite makes NAME-journal (and NAME-wal, NAME-shm) beside NAME. */
  base = strrchr(path, '/');
  base = base ? base + 1 : path;
  if (strlen(base) > NAME_MAX - DB_SUFFIX_MAX)
    return bc_error_set(err, BC_EIO,
                        "cannot create '%s': a database file name may be at "
                        "most %d bytes (SQLite adds '-journal' beside it)",
                        path, NAME_MAX - DB_SUFFIX_MAX);
  if (bc_file_temp_name_max(tmp, sizeof tmp, path,
                            NAME_MAX - DB_SUFFIX_MAX) != 0)
    return bc_error_set(err, BC_EIO, "path '%s' is too long", path);
  fd = mkstemp(tmp);
  if (fd < 0)
    return bc_error_set(err, BC_EIO, "cannot create '%s': %s", path,
                        strerror(errno));
  close(fd);
  rc = sqlite3_open_v2(tmp, &h, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec(h, bc_schema_sql, NULL, NULL, &msg);
  if (rc != SQLITE_OK) {
    rc = bc_error_set(err, BC_EDB, "cannot create '%s': %s", path,
                      msg ? msg : sqlite3_errstr(rc));
    sqlite3_free(msg);
    sqlite3_close(h);
    unlink(tmp);
    return rc;
  }
  sqlite3_close(h);
  if (chmod(tmp, 0644) != 0 || rename(tmp, path) != 0) {
    rc = bc_error_set(err, BC_EIO, "cannot create '%s': %s", path,
                      strerror(errno));
    unlink(tmp);
    return rc;
  }
  return 0;
}

/* From each schema version to the next; [v] upgrades version v to v+1. */
static const char *const upgrade_sql[BC_SCHEMA_VERSION] = {
    [1] = "ALTER TABLE agency ADD COLUMN parent_code TEXT "
          "REFERENCES agency(code);"
          "CREATE TABLE section (code TEXT PRIMARY KEY NOT NULL, "
          "name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0) STRICT;"
          "PRAGMA user_version = 2;",
    [2] = "ALTER TABLE period ADD COLUMN label TEXT;"
          "PRAGMA user_version = 3;",
    /* the same table as schema.sql's */
    [3] = "CREATE TABLE agency_certificate ("
          "agency_code TEXT NOT NULL REFERENCES agency(code), "
          "role TEXT NOT NULL CHECK (role IN ('seal', 'signer')), "
          "spki_sha256 TEXT, issuer TEXT, subject TEXT, note TEXT, "
          "CONSTRAINT one_binding CHECK ("
          "(spki_sha256 IS NOT NULL AND issuer IS NULL AND subject IS NULL) "
          "OR (spki_sha256 IS NULL AND issuer IS NOT NULL AND "
          "subject IS NOT NULL)), "
          "UNIQUE (agency_code, role, spki_sha256), "
          "UNIQUE (agency_code, role, issuer, subject)) STRICT;"
          "PRAGMA user_version = 4;",
};

int bc_database_upgrade(int *from_version,
                        const char *path,
                        const bc_database_options *options,
                        bc_error *err) {
  sqlite3 *h = NULL;
  int rc, app = 0, version = 0;
  struct stat st;
  BC_ASSERT_ARG(err, from_version, "from_version is NULL");
  BC_ASSERT_ARG(err, path, "path is NULL");
  BC_ASSERT_ARG(err, !options || options->version == BC_DATABASE_OPTIONS_VERSION,
                "options->version is not BC_DATABASE_OPTIONS_VERSION");
  /* options->alloc goes unused: nothing of ours is allocated, SQLite's
   * memory is its own. */

  if (stat(path, &st) != 0)
    return bc_error_set(err, BC_EDB, "database '%s' does not exist", path);
  if (!S_ISREG(st.st_mode))
    return bc_error_set(err, BC_EDB, "database '%s' is not a regular file",
                        path);
  rc = sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK) {
    rc = db_error(err, h, rc, path);
    goto done;
  }
  sqlite3_busy_timeout(h, 2000);
  if ((rc = pragma_int(&app, h, "PRAGMA application_id", path, err)))
    goto done;
  if (app != BC_APPLICATION_ID) {
    rc = bc_error_set(err, BC_ESCHEMA,
                      "'%s' is not a baocao database (application_id %d)", path,
                      app);
    goto done;
  }
  if ((rc = pragma_int(&version, h, "PRAGMA user_version", path, err)))
    goto done;
  *from_version = version;
  if (version < 1 || version > BC_SCHEMA_VERSION) {
    rc = bc_error_set(err, BC_ESCHEMA,
                      "'%s' has schema version %d; this baocao upgrades "
                      "versions 1 to %d",
                      path, version, BC_SCHEMA_VERSION);
    goto done;
  }
  if (version == BC_SCHEMA_VERSION)
    goto done;
  if (sqlite3_exec(h, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
    rc = db_error(err, h, sqlite3_extended_errcode(h), path);
    goto done;
  }
  for (int v = version; v < BC_SCHEMA_VERSION; v++) {
    if (sqlite3_exec(h, upgrade_sql[v], NULL, NULL, NULL) != SQLITE_OK) {
      rc = db_error(err, h, sqlite3_extended_errcode(h), path);
      sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
      goto done;
    }
  }
  if (sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    rc = db_error(err, h, sqlite3_extended_errcode(h), path);
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
  }
done:
  sqlite3_close(h);
  return rc;
}

static int line_of(const char *sql, const char *at) {
  int line = 1;
  for (const char *p = sql; p < at; p++)
    if (*p == '\n')
      line++;
  return line;
}

#define SQL_MAX_SIZE ((size_t)256 << 20)

/* Runs sql (len bytes, read from sql_path) in one transaction. */
static int run_sql(const char *db_path,
                   const char *sql_path,
                   const char *sql,
                   size_t len,
                   bc_error *err) {
  sqlite3 *h = NULL;
  const char *p, *end;
  int rc;

  if ((rc = open_handle(&h, db_path, SQLITE_OPEN_READWRITE, err)))
    goto cleanup;
  if (sqlite3_exec(h, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL) !=
      SQLITE_OK) {
    rc = db_error(err, h, sqlite3_errcode(h), db_path);
    goto cleanup;
  }
  p = sql;
  end = sql + len;
  while (p < end) {
    sqlite3_stmt *s = NULL;
    const char *tail = NULL;
    int src = sqlite3_prepare_v2(h, p, (int)(end - p), &s, &tail);
    if (src == SQLITE_OK && s) {
      while ((src = sqlite3_step(s)) == SQLITE_ROW)
        ;
      if (src == SQLITE_DONE)
        src = SQLITE_OK;
    }
    if (src != SQLITE_OK) {
      const char *at = p;
      while (at < end &&
             (*at == ' ' || *at == '\n' || *at == '\t' || *at == '\r'))
        at++;
      rc = bc_error_set(err, BC_EDB, "%s", sqlite3_errmsg(h));
      bc_error_locate(err, sql_path, line_of(sql, at), 0);
      sqlite3_finalize(s);
      sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
      goto cleanup;
    }
    sqlite3_finalize(s);
    if (!tail || tail == p)
      break;
    p = tail;
  }
  /* What the file left must pass the judge every other entry point uses. */
  if ((rc = bc_db__check_all(h, err))) {
    bc_error_locate(err, sql_path, 0, 0);
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
    goto cleanup;
  }
  if (sqlite3_exec(h, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    rc = db_error(err, h, sqlite3_errcode(h), db_path);
    sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
  }
cleanup:
  sqlite3_close(h);
  return rc;
}

int bc_database_load_sql(const char *db_path,
                         const char *sql_path,
                         const bc_database_options *options,
                         bc_error *err) {
  const bc_allocator *alloc;
  char *sql = NULL;
  size_t len = 0;
  int rc;
  BC_ASSERT_ARG(err, db_path, "db_path is NULL");
  BC_ASSERT_ARG(err, sql_path, "sql_path is NULL");
  BC_ASSERT_ARG(err, !options || options->version == BC_DATABASE_OPTIONS_VERSION,
                "options->version is not BC_DATABASE_OPTIONS_VERSION");
  alloc = bc_db__options(options);
  if ((rc = bc_file_read(&sql, &len, sql_path, SQL_MAX_SIZE, BC_EINPUT, alloc,
                         err)))
    return rc;
  rc = run_sql(db_path, sql_path, sql, len, err);
  bc_free(alloc, sql);
  return rc;
}

int bc_database_load_sql_fd(const char *db_path,
                            int fd,
                            const char *name,
                            const bc_database_options *options,
                            bc_error *err) {
  const bc_allocator *alloc;
  char *sql = NULL;
  size_t len = 0;
  int rc;
  BC_ASSERT_ARG(err, db_path, "db_path is NULL");
  BC_ASSERT_ARG(err, fd >= 0, "fd is negative");
  BC_ASSERT_ARG(err, name, "name is NULL");
  BC_ASSERT_ARG(err, !options || options->version == BC_DATABASE_OPTIONS_VERSION,
                "options->version is not BC_DATABASE_OPTIONS_VERSION");
  alloc = bc_db__options(options);
  if ((rc = bc_file_read_fd(&sql, &len, fd, name, SQL_MAX_SIZE, BC_EINPUT,
                            alloc, err)))
    return rc;
  rc = run_sql(db_path, name, sql, len, err);
  bc_free(alloc, sql);
  return rc;
}

/* ---- for import and export (data/import.c, data/export.c) ---- */

int bc_db_open_handle(struct sqlite3 **out,
                      const char *path,
                      bool writable,
                      bc_error *err) {
  return open_handle(
      out, path, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, err);
}

int bc_db_error(bc_error *err, struct sqlite3 *h, int rc, const char *path) {
  return db_error(err, h, rc, path);
}

void bc_data_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "SQLite", sqlite3_libversion());
}

void bc_database_options_init(bc_database_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_DATABASE_OPTIONS_VERSION;
}

int bc_database_schema_version(void) {
  return BC_SCHEMA_VERSION;
}
