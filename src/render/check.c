/* render/check.c: bc_check: each report of a period run through the
 * render's steps up to the document tree (data, template in audit mode,
 * markup) with every problem listed instead of the first one failing; no
 * typesetting, so the fonts are not used. */
#include "baocao/check.h"
#include "common/i18n.h"

#include "common/alloc.h"
#include "common/arena.h"
#include "common/error.h"
#include "data/data.h"
#include "render/render_int.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The result: the arena holding all of it, and its reports. */
struct bc_check_result {
  const bc_allocator *alloc;
  bc_arena arena;
  const bc_check_report *reports;
  size_t report_count;
  size_t incomplete;
};

typedef struct checker {
  bc_context *ctx;
  bc_db *db;
  const char *period;
  bc_arena *arena; /* the result's */
  bc_error *err;   /* only for what stops bc_check: out of memory */
} checker;

/* One report's problems, growing in the result's arena. */
typedef struct problem_list {
  bc_check_problem *items;
  size_t count, cap;
} problem_list;

static int dup_or_null(const char **out, bc_arena *arena, const char *s) {
  *out = NULL;
  if (s && !(*out = bc_arena_strdup(arena, s)))
    return BC_ENOMEM;
  return 0;
}

/* Appends a copy of p, its strings in the result's arena. */
static int add(checker *c, problem_list *l, const bc_check_problem *p) {
  bc_check_problem *items, *q;
  items = bc_arena_grow(c->arena, l->items, l->count, &l->cap, sizeof *items);
  if (!items)
    return bc_error_oom(c->err);
  l->items = items;
  q = &items[l->count];
  *q = *p;
  if (dup_or_null(&q->name, c->arena, p->name) ||
      dup_or_null(&q->message, c->arena, p->message) ||
      dup_or_null(&q->file, c->arena, p->file) ||
      dup_or_null(&q->via_file, c->arena, p->via_file))
    return bc_error_oom(c->err);
  l->count++;
  return 0;
}

static int add_simple(checker *c,
                      problem_list *l,
                      bc_check_kind kind,
                      int code,
                      const char *message) {
  bc_check_problem p;
  memset(&p, 0, sizeof p);
  p.kind = kind;
  p.code = code;
  p.message = message;
  return add(c, l, &p);
}

/* A step that would stop the render: its error line as render prints it.
 * Out of memory stops bc_check instead. */
static int add_failure(
    checker *c, problem_list *l, bc_error *e, int rc, const char *agency) {
  char line[BC_ERROR_MESSAGE_SIZE + 2 * BC_ERROR_FIELD_SIZE];
  if (rc == BC_ENOMEM)
    return bc_error_oom(c->err);
  bc_render__context(e, rc, agency, c->period);
  return add_simple(c, l, BC_CHECK_FAILED, rc,
                    bc_error_format(e, line, sizeof line));
}

static bc_check_kind check_kind(bc_audit_kind kind) {
  switch (kind) {
  case BC_AUDIT_MISSING_VALUE:
    return BC_CHECK_MISSING_VALUE;
  case BC_AUDIT_MISSING_NARRATIVE:
    return BC_CHECK_MISSING_NARRATIVE;
  case BC_AUDIT_EMPTY_NARRATIVE:
    return BC_CHECK_EMPTY_NARRATIVE;
  case BC_AUDIT_INVALID_VALUE:
    return BC_CHECK_INVALID_VALUE;
  default:
    return BC_CHECK_BROKEN_NARRATIVE;
  }
}

static int add_audit(checker *c, problem_list *l, const bc_audit_item *it) {
  bc_check_problem p;
  memset(&p, 0, sizeof p);
  p.kind = check_kind(it->kind);
  p.code = it->code;
  p.name = it->name;
  p.message = it->message;
  p.file = it->file;
  p.line = it->line;
  p.column = it->column;
  p.via_file = it->via_file;
  p.via_line = it->via_line;
  p.via_column = it->via_column;
  return add(c, l, &p);
}

/*
 * One report, as bc_render would run it: the model, the template in audit
 * mode, and (when nothing found so far stops the render) the document
 * tree. All but out of memory becomes a problem of out. template_name NULL
 * for an agency without a report: the load says why.
 */
static int check_report(bc_check_report *out,
                        checker *c,
                        const char *agency,
                        const char *template_name) {
  const bc_allocator *alloc = bc_context__alloc(c->ctx);
  bc_arena scratch; /* this report's model, expansion and document */
  bc_report_model model;
  const bc_template *tmpl = NULL;
  bc_audit_report audit;
  bc_doc doc;
  bc_error e;
  problem_list l = {NULL, 0, 0};
  bool stops = false;
  int rc;

  bc_arena_init(&scratch, alloc);
  memset(out, 0, sizeof *out);
  if (!(out->agency = bc_arena_strdup(c->arena, agency)) ||
      dup_or_null(&out->template_name, c->arena, template_name)) {
    rc = bc_error_oom(c->err);
    goto cleanup;
  }
  bc_error_clear(&e);
  if ((rc = bc_db_load_report(&model, c->db, agency, c->period, template_name,
                              &scratch, &e)) ||
      (rc = bc_context__template(&tmpl, c->ctx, model.template_name, &e)) ||
      (rc = bc_template_audit(&audit, tmpl, &model, &scratch, &e))) {
    rc = add_failure(c, &l, &e, rc, agency);
    goto cleanup;
  }
  for (size_t i = 0; i < audit.count; i++) {
    if ((rc = add_audit(c, &l, &audit.items[i])))
      goto cleanup;
    if (audit.items[i].code)
      stops = true;
  }
  if (!model.signer.full_name)
    stops = true;
  /* The markup step checks the front matter (trich_yeu, tieu_de). The
   * render never gets there past a problem that stops it, and the holes
   * that problem left could only give false ones (an empty trich_yeu). */
  if (!stops) {
    rc = bc_render__document(&doc, &model, &audit.expansion, &scratch, &e);
    if (rc && (rc = add_failure(c, &l, &e, rc, agency)))
      goto cleanup;
  }
  if (!model.signer.full_name &&
      (rc = add_simple(c, &l, BC_CHECK_NO_SIGNER, BC_EDATA, bc_tr("no signer"))))
    goto cleanup;
  if (model.recipient_count == 0 &&
      (rc = add_simple(c, &l, BC_CHECK_NO_RECIPIENTS, 0, bc_tr("no recipients"))))
    goto cleanup;
  rc = 0;
cleanup:
  if (!rc) {
    out->problems = l.items;
    out->problem_count = l.count;
  }
  bc_arena_release(&scratch);
  return rc;
}

static int compare_codes(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int compare_reports(const void *a, const void *b) {
  const bc_check_report *x = a, *y = b;
  int d = strcmp(x->agency, y->agency);
  if (d || x->template_name == y->template_name)
    return d;
  if (!x->template_name || !y->template_name)
    return x->template_name ? 1 : -1;
  return strcmp(x->template_name, y->template_name);
}

/*
 * The reports to check: every one of the period, or those of the requested
 * agencies (each once), plus an entry without template for each requested
 * agency that has none, so that it is reported too.
 */
static int select_reports(bc_check_report **out,
                          size_t *count,
                          checker *c,
                          const bc_report_ref *refs,
                          size_t ref_count,
                          const bc_check_options *opts) {
  bc_check_report *reports;
  const char **wanted = NULL;
  bool *seen = NULL;
  size_t n = 0, nwanted = 0;
  int rc;

  if (!opts->agencies) {
    reports = bc_arena_calloc(c->arena, ref_count + 1, sizeof *reports);
    if (!reports)
      return bc_error_oom(c->err);
    for (size_t i = 0; i < ref_count; i++)
      if ((rc = check_report(&reports[i], c, refs[i].agency,
                             refs[i].template_name)))
        return rc;
    *out = reports;
    *count = ref_count;
    return 0;
  }
  wanted = bc_arena_calloc(c->arena, opts->agency_count + 1, sizeof *wanted);
  seen = bc_arena_calloc(c->arena, opts->agency_count + 1, sizeof *seen);
  reports = bc_arena_calloc(c->arena, ref_count + opts->agency_count + 1,
                            sizeof *reports);
  if (!wanted || !seen || !reports)
    return bc_error_oom(c->err);
  memcpy(wanted, opts->agencies, opts->agency_count * sizeof *wanted);
  qsort(wanted, opts->agency_count, sizeof *wanted, compare_codes);
  for (size_t i = 0; i < opts->agency_count; i++)
    if (nwanted == 0 || strcmp(wanted[nwanted - 1], wanted[i]) != 0)
      wanted[nwanted++] = wanted[i];
  for (size_t i = 0; i < ref_count; i++) {
    const char **w = bsearch(&refs[i].agency, wanted, nwanted, sizeof *wanted,
                             compare_codes);
    if (!w)
      continue;
    seen[w - wanted] = true;
    if ((rc = check_report(&reports[n++], c, refs[i].agency,
                           refs[i].template_name)))
      return rc;
  }
  for (size_t i = 0; i < nwanted; i++)
    if (!seen[i] && (rc = check_report(&reports[n++], c, wanted[i], NULL)))
      return rc;
  qsort(reports, n, sizeof *reports, compare_reports);
  *out = reports;
  *count = n;
  return 0;
}

int bc_check(bc_check_result **out,
             bc_context *ctx,
             const bc_check_options *opts,
             bc_error *err) {
  const bc_allocator *alloc;
  bc_check_result *mem = NULL;
  checker c;
  bc_db *db = NULL;
  bc_report_ref *refs = NULL;
  bc_check_report *reports = NULL;
  size_t ref_count = 0, count = 0, incomplete = 0;
  int rc;

  BC_ASSERT_ARG(err, out, "out is NULL");
  *out = NULL;
  BC_ASSERT_ARG(err, ctx, "ctx is NULL");
  BC_ASSERT_ARG(err, opts, "opts is NULL");
  BC_ASSERT_ARG(err, opts->version == BC_CHECK_OPTIONS_VERSION,
                "opts->version is not BC_CHECK_OPTIONS_VERSION");
  BC_ASSERT_ARG(err, opts->db_path, "opts->db_path is NULL");
  BC_ASSERT_ARG(err, opts->period, "opts->period is NULL");
  BC_ASSERT_ARG(err, opts->agencies || opts->agency_count == 0,
                "opts->agencies is NULL");
  alloc = bc_context__alloc(ctx);
  mem = bc_calloc(alloc, 1, sizeof *mem);
  if (!mem)
    return bc_error_oom(err);
  mem->alloc = alloc;
  bc_arena_init(&mem->arena, alloc);
  memset(&c, 0, sizeof c);
  c.ctx = ctx;
  c.period = opts->period;
  c.arena = &mem->arena;
  c.err = err;
  if ((rc = bc_context__db(&db, ctx, opts->db_path, err)))
    goto cleanup;
  c.db = db;
  if ((rc = bc_db_list_reports(&refs, &ref_count, db, opts->period, &mem->arena,
                               err))) {
    bc_error_locate(err, bc_db_path(db), 0, 0);
    goto cleanup;
  }
  if ((rc = select_reports(&reports, &count, &c, refs, ref_count, opts)))
    goto cleanup;
  for (size_t i = 0; i < count; i++)
    if (reports[i].problem_count)
      incomplete++;
  mem->reports = reports;
  mem->report_count = count;
  mem->incomplete = incomplete;
  *out = mem;
  mem = NULL;
cleanup:
  bc_check_result_free(mem);
  return rc;
}

size_t bc_check_result_report_count(const bc_check_result *r) {
  return r->report_count;
}

const bc_check_report *bc_check_result_report(const bc_check_result *r,
                                              size_t i) {
  return i < r->report_count ? &r->reports[i] : NULL;
}

size_t bc_check_result_incomplete(const bc_check_result *r) {
  return r->incomplete;
}

void bc_check_result_free(bc_check_result *r) {
  if (!r)
    return;
  bc_arena_release(&r->arena);
  bc_free(r->alloc, r);
}

/* Appends to buf[*n..size) like snprintf, keeping it NUL-terminated. */
static void append(char *buf, size_t size, size_t *n, const char *fmt, ...)
    BC_PRINTF(4, 5);

static void append(char *buf, size_t size, size_t *n, const char *fmt, ...) {
  va_list ap;
  int w;
  if (*n >= size - 1)
    return;
  va_start(ap, fmt);
  w = vsnprintf(buf + *n, size - *n, fmt, ap);
  va_end(ap);
  if (w > 0)
    *n = (size_t)w >= size - *n ? size - 1 : *n + (size_t)w;
}

/* "file:line:col", leaving out the parts that are 0. */
static void append_position(
    char *buf, size_t size, size_t *n, const char *file, int line, int column) {
  append(buf, size, n, "%s", file);
  if (line > 0)
    append(buf, size, n, ":%d", line);
  if (line > 0 && column > 0)
    append(buf, size, n, ":%d", column);
}

const char *
bc_check_problem_format(const bc_check_problem *p, char *buf, size_t size) {
  size_t n = 0;
  if (!size)
    return buf;
  buf[0] = '\0';
  append(buf, size, &n, "%s", p->message);
  if (!p->file)
    return buf;
  append(buf, size, &n, " (");
  append_position(buf, size, &n, p->file, p->line, p->column);
  if (p->via_file) {
    append(buf, size, &n, "%s", bc_tr(" via "));
    append_position(buf, size, &n, p->via_file, p->via_line, p->via_column);
  }
  append(buf, size, &n, ")");
  return buf;
}

void bc_check_options_init(bc_check_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_CHECK_OPTIONS_VERSION;
}
