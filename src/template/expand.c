/* template/expand.c: fills a compiled template from a report model: #each
 * scopes, conditions, values escaped for Markdown, narratives, partials and
 * the front matter in plain text; in audit mode, records the data problems
 * it meets and goes on. Parsing is parse.c's, formatting format.c's. */
#include "template/template_int.h"
#include "common/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/alloc.h"
#include "common/error.h"

/*
 * Scopes: one frame per open {{#each}}, on the C stack, innermost first.
 * A name is looked up in the items from the innermost out, then in the
 * model (an item of don_vi answers from its agency's data first); the
 * frames also answer @index, @stt, @first and @last.
 */
typedef struct frame {
  const bc_record *item;
  size_t index;
  size_t count;
  const struct frame *up;
} frame;

typedef struct expander {
  const bc_report_model *model;
  const bc_allocator *alloc;
  bc_buf out;
  bc_buf scratch[2]; /* formatter output, reused by every placeholder */
  size_t limit;      /* bytes of output allowed */
  bool plain;        /* front matter: no Markdown escaping */
  const char *file;  /* label of the unit being expanded, for errors */
  const frame *frames;
  bc_error *err;
  /* Audit mode (bc_template_audit): a problem in the data is recorded in
   * items, from arena, and expansion goes on as if it printed nothing. */
  bool audit;
  bc_arena *arena;
  bc_audit_item *items;
  size_t item_count, item_cap;
  /* While a narrative is expanded: where the template inserts it. */
  const char *via_file;
  int via_line, via_column;
} expander;

static int expand_nodes(expander *x, const bc_tnode *n);

static int fail_at(expander *x, int line, int column, int rc) {
  if (rc == BC_ENOMEM)
    return rc;
  bc_error_locate(x->err, x->file, line, column);
  bc_error_context(x->err, x->model->agency.code, x->model->period.code);
  return rc;
}

static int fail_node(expander *x, const bc_tnode *n, int rc) {
  return fail_at(x, n->line, n->column, rc);
}

static bool same(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/*
 * Audit mode: keeps the problem x->err now describes, at file:line:column
 * (and the narrative's insertion, if inside one), unless the same one is
 * kept already; then clears x->err so that expansion goes on.
 */
static int record(expander *x,
                  bc_audit_kind kind,
                  int code,
                  const char *name,
                  size_t name_len,
                  const char *file,
                  int line,
                  int column) {
  const char *message = x->err->message;
  bc_audit_item *it;
  for (size_t i = 0; i < x->item_count; i++) {
    it = &x->items[i];
    if (it->kind == kind && it->line == line && it->column == column &&
        it->via_line == x->via_line && it->via_column == x->via_column &&
        same(it->message, message) && same(it->file, file) &&
        same(it->via_file, x->via_file)) {
      bc_error_clear(x->err);
      return 0;
    }
  }
  it = bc_arena_grow(x->arena, x->items, x->item_count, &x->item_cap,
                     sizeof *x->items);
  if (!it)
    return bc_error_oom(x->err);
  x->items = it;
  it += x->item_count;
  memset(it, 0, sizeof *it);
  it->kind = kind;
  it->code = code;
  it->line = line;
  it->column = column;
  it->via_line = x->via_line;
  it->via_column = x->via_column;
  if (!(it->name = bc_arena_strndup(x->arena, name, name_len)) ||
      !(it->message = bc_arena_strdup(x->arena, message)) ||
      !(it->file = bc_arena_strdup(x->arena, file)) ||
      (x->via_file && !(it->via_file = bc_arena_strdup(x->arena, x->via_file))))
    return bc_error_oom(x->err);
  x->item_count++;
  bc_error_clear(x->err);
  return 0;
}

/* A problem in the data at line:column of the current file, described in
 * x->err: the expansion's error, or in audit mode an item and 0. */
static int problem(expander *x,
                   bc_audit_kind kind,
                   const char *name,
                   size_t name_len,
                   int line,
                   int column,
                   int rc) {
  if (!x->audit || rc == BC_ENOMEM)
    return fail_at(x, line, column, rc);
  return record(x, kind, rc, name, name_len, x->file, line, column);
}

/* The name a problem with a looked-up value is filed under: the indicator
 * it belongs to, else its own. */
static int value_problem(expander *x,
                         bc_audit_kind kind,
                         const bc_tsubject *s,
                         int line,
                         int column,
                         int rc) {
  if (s->indicator)
    return problem(x, kind, s->indicator, strlen(s->indicator), line, column,
                   rc);
  return problem(x, kind, s->name, s->len, line, column, rc);
}

static bool is_space_or_control(unsigned char c) {
  return c <= 0x20 || c == 0x7F;
}

static bool has_content(const char *s) {
  for (; *s; s++)
    if (!is_space_or_control((unsigned char)*s))
      return true;
  return false;
}

static bool is_ascii_punct(unsigned char c) {
  return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) ||
         (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E);
}

/*
 * Appends a value so that it stays text: in Markdown every ASCII
 * punctuation character gets a backslash (CommonMark allows one before any
 * of them, and then shows the character itself), so "*", "#", "|", "[",
 * "{{" and "1." at the start of a line cannot start markup; line breaks
 * and tabs become spaces. Other control characters stay, for the
 * typesetting to refuse by name: no character is dropped unseen.
 */
static void put_escaped(expander *x, const char *s, size_t len) {
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    bool control =
        c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
    if (!control && (x->plain || !is_ascii_punct(c)))
      continue;
    bc_buf_put(&x->out, s + run, i - run);
    if (control) {
      bc_buf_putc(&x->out, ' ');
    } else {
      bc_buf_putc(&x->out, '\\');
      bc_buf_putc(&x->out, (char)c);
    }
    run = i + 1;
  }
  bc_buf_put(&x->out, s + run, len - run);
}

/* Looks name up; v is BC_VALUE_NONE when it is missing. *record is the
 * #each item it came from, or NULL. */
static void resolve(const expander *x,
                    const bc_tname *name,
                    bc_value *v,
                    bc_tsubject *subject,
                    const bc_record **record) {
  memset(v, 0, sizeof *v);
  subject->name = name->s;
  subject->len = name->len;
  subject->indicator = NULL;
  subject->agency = NULL;
  *record = NULL;
  switch (name->kind) {
  case BC_TNAME_INDEX:
  case BC_TNAME_FIRST:
  case BC_TNAME_LAST:
  case BC_TNAME_STT:
    if (x->frames) {
      const frame *f = x->frames;
      v->kind = BC_VALUE_NUMBER;
      v->number = name->kind == BC_TNAME_INDEX   ? (double)f->index
                  : name->kind == BC_TNAME_STT   ? (double)f->index + 1
                  : name->kind == BC_TNAME_FIRST ? f->index == 0
                                                 : f->index + 1 == f->count;
    }
    return;
  case BC_TNAME_NARRATIVE:
    return;
  default:
    break;
  }
  for (const frame *f = x->frames; f; f = f->up) {
    const bc_value *fv = bc_record_get(f->item, name->s, name->len);
    if (fv) {
      const bc_value *code = bc_record_get(f->item, "ma", 2);
      *v = *fv;
      *record = f->item;
      if (f->item->model)
        subject->agency = f->item->model->agency.code;
      else if (code && code->kind == BC_VALUE_TEXT && code != fv)
        subject->indicator = code->text;
      return;
    }
    /* A don_vi item: that agency's data, and its missing values stay
     * missing (never the report's own). */
    if (f->item->model && bc_model_item_scoped(name->s, name->len)) {
      bc_model_lookup(v, f->item->model, name->s, name->len);
      *record = f->item;
      subject->agency = f->item->model->agency.code;
      return;
    }
  }
  bc_model_lookup(v, x->model, name->s, name->len);
}

/* Describes why name is missing in x->err; returns BC_EDATA. */
static int missing_message(const expander *x,
                           const bc_tname *name,
                           const bc_tsubject *s,
                           const bc_record *record) {
  int len = (int)s->len;
  const char *gap;
  const bc_report_model *other = NULL;
  const char *which = NULL;
  if (s->indicator)
    return bc_error_set(x->err, BC_EDATA,
                        "missing value '%.*s' of indicator '%s'", len, s->name,
                        s->indicator);
  if (name->kind != BC_TNAME_VALUE)
    return bc_error_set(x->err, BC_EDATA, "'%.*s' is only set inside {{#each}}",
                        len, s->name);
  if (s->agency)
    return bc_error_set(x->err, BC_EDATA,
                        name->reserved ? BC_NF_("missing value '%.*s' of agency '%s'")
                                       : BC_NF_("missing indicator '%.*s' of agency "
                                         "'%s'"),
                        len, s->name, s->agency);
  if ((gap = bc_model_aggregate_gap(x->model, s->name, s->len)))
    return bc_error_set(x->err, BC_EDATA,
                        "missing value '%.*s': agency '%s' has no number for "
                        "it",
                        len, s->name, gap);
  if (s->len > 8 && memcmp(s->name, "cung_ky.", 8) == 0) {
    other = x->model->same_period_last_year;
    which = "a year before";
  } else if (s->len > 9 && memcmp(s->name, "ky_truoc.", 9) == 0) {
    other = x->model->previous_period;
    which = "before";
  }
  if (which && !other)
    return bc_error_set(x->err, BC_EDATA,
                        which[0] == 'a'
                            ? BC_NF_("missing value '%.*s': the database has no "
                              "period of the same kind a year before %s")
                            : BC_NF_("missing value '%.*s': the database has no "
                              "period of the same kind before %s"),
                        len, s->name, x->model->period.code);
  if (other)
    return bc_error_set(x->err, BC_EDATA,
                        "missing indicator '%.*s' (period %s)", len, s->name,
                        other->period.code);
  if (record || name->reserved)
    return bc_error_set(x->err, BC_EDATA, "missing value '%.*s'", len, s->name);
  return bc_error_set(x->err, BC_EDATA, "missing indicator '%.*s'", len,
                      s->name);
}

static int missing(expander *x,
                   const bc_tnode *n,
                   const bc_tsubject *s,
                   const bc_record *record) {
  int rc = missing_message(x, &n->name, s, record);
  return value_problem(x, BC_AUDIT_MISSING_VALUE, s, n->line, n->column, rc);
}

/* bc_tref for put_value: a formatter's name argument, looked up like a
 * placeholder's name. */
static int
lookup_ref(void *ud, const bc_tname *name, bc_value *out, bc_error *err) {
  const expander *x = ud;
  bc_tsubject s;
  const bc_record *record;
  (void)err; /* missing_message writes x->err, the same error */
  resolve(x, name, out, &s, &record);
  if (out->kind != BC_VALUE_NONE)
    return 0;
  return missing_message(x, name, &s, record);
}

static const char *kind_name(bc_value_kind kind) {
  switch (kind) {
  case BC_VALUE_NUMBER:
    return bc_tr("a number");
  case BC_VALUE_TEXT:
    return bc_tr("text");
  case BC_VALUE_DATE:
    return bc_tr("a date");
  case BC_VALUE_LIST:
    return bc_tr("a list");
  default:
    return bc_tr("missing");
  }
}

/*
 * tong NAME over a list: the sum of NAME looked up in each item (the item
 * the innermost scope, as inside {{#each}}), into *v as a number. Every
 * item must have a number for it, as for tong.<code>: a missing one is a
 * missing value naming the item (or, when the placeholder has mac_dinh,
 * *gap and nothing else), a value of another kind is refused.
 */
static int sum_items(expander *x,
                     const bc_tnode *n,
                     bc_value *v,
                     const bc_tsubject *list_subject,
                     bool *gap) {
  const bc_tfmt *f = &n->fmts[0];
  double sum = 0;
  *gap = false;
  for (size_t i = 0; i < v->count; i++) {
    frame tmp = {&v->items[i], i, v->count, x->frames};
    const frame *saved = x->frames;
    const bc_record *record;
    const bc_value *code = bc_record_get(&v->items[i], "ma", 2);
    char item[200];
    bc_tsubject s;
    bc_value iv;
    x->frames = &tmp;
    resolve(x, &f->ref, &iv, &s, &record);
    x->frames = saved;
    if (code && code->kind == BC_VALUE_TEXT)
      snprintf(item, sizeof item, "item %zu ('%.120s')", i + 1, code->text);
    else
      snprintf(item, sizeof item, "item %zu", i + 1);
    if (iv.kind == BC_VALUE_NONE && n->fallback) {
      *gap = true;
      return 0;
    }
    if (iv.kind == BC_VALUE_NONE)
      return value_problem(
          x, BC_AUDIT_MISSING_VALUE, &s, f->line, f->column,
          bc_error_set(x->err, BC_EDATA,
                       "missing value '%.*s' of %s of '%.*s': 'tong' adds up "
                       "only when every item has a number",
                       (int)f->ref.len, f->ref.s, item, (int)list_subject->len,
                       list_subject->name));
    if (iv.kind != BC_VALUE_NUMBER)
      return value_problem(
          x, BC_AUDIT_INVALID_VALUE, &s, f->line, f->column,
          bc_error_set(x->err, BC_EDATA,
                       "formatter 'tong' adds numbers, '%.*s' of %s of "
                       "'%.*s' is %s",
                       (int)f->ref.len, f->ref.s, item, (int)list_subject->len,
                       list_subject->name, kind_name(iv.kind)));
    sum += iv.number;
  }
  if (bc_valid_number(sum, x->err))
    return value_problem(x, BC_AUDIT_INVALID_VALUE, list_subject, f->line,
                         f->column,
                         bc_error_set(x->err, BC_EDATA,
                                      "formatter 'tong' over '%.*s' gives a "
                                      "number too large to print",
                                      (int)list_subject->len,
                                      list_subject->name));
  memset(v, 0, sizeof *v);
  v->kind = BC_VALUE_NUMBER;
  v->number = sum;
  return 0;
}

static int put_value(expander *x, const bc_tnode *n) {
  bc_value v;
  bc_tsubject s;
  const bc_record *record;
  const bc_tfmt *fmts = n->fmts;
  size_t count = n->fmt_count;
  bc_tref ref;
  bc_tformat_call call;
  bc_tformat_result out;
  int rc;

  resolve(x, &n->name, &v, &s, &record);
  if (v.kind == BC_VALUE_NONE) {
    if (n->fallback) {
      put_escaped(x, n->fallback->text, n->fallback->text_len);
      return 0;
    }
    return missing(x, n, &s, record);
  }
  if (count && fmts[0].kind == BC_TFMT_TONG) {
    bool gap;
    if (v.kind != BC_VALUE_LIST) {
      char what[320];
      bc_template__describe(what, sizeof what, &s);
      return value_problem(x, BC_AUDIT_INVALID_VALUE, &s, fmts[0].line,
                           fmts[0].column,
                           bc_error_set(x->err, BC_EDATA,
                                        "formatter 'tong' adds up a list, %s "
                                        "is %s",
                                        what, kind_name(v.kind)));
    }
    if ((rc = sum_items(x, n, &v, &s, &gap)))
      return rc;
    if (gap) {
      put_escaped(x, n->fallback->text, n->fallback->text_len);
      return 0;
    }
    if (v.kind != BC_VALUE_NUMBER)
      return 0; /* audit mode: the problem is recorded */
  }
  if (v.kind == BC_VALUE_LIST) {
    char what[320];
    bc_template__describe(what, sizeof what, &s);
    return value_problem(x, BC_AUDIT_INVALID_VALUE, &s, n->line, n->column,
                         bc_error_set(x->err, BC_EDATA,
                                      "%s is a list; print its items with "
                                      "{{#each %.*s}}",
                                      what, (int)s.len, s.name));
  }
  ref.fn = lookup_ref;
  ref.ud = x;
  call.value = &v;
  call.fmts = fmts;
  call.count = count;
  call.ref = &ref;
  call.subject = &s;
  rc = bc_template__format(&out, x->scratch, &call, x->err);
  if (rc && out.ref_missing && n->fallback) {
    bc_error_clear(x->err);
    put_escaped(x, n->fallback->text, n->fallback->text_len);
    return 0;
  }
  if (rc) {
    if (out.ref_missing) {
      const bc_tfmt *f = &n->fmts[out.failed_at];
      bc_tsubject rs = {out.ref_missing->s, out.ref_missing->len, NULL, NULL};
      return value_problem(x, BC_AUDIT_MISSING_VALUE, &rs, f->line, f->column,
                           rc);
    }
    if (out.failed_at < n->fmt_count)
      return value_problem(x, BC_AUDIT_INVALID_VALUE, &s,
                           n->fmts[out.failed_at].line,
                           n->fmts[out.failed_at].column, rc);
    return value_problem(x, BC_AUDIT_INVALID_VALUE, &s, n->line, n->column, rc);
  }
  put_escaped(x, out.text, out.len);
  return 0;
}

static bool truthy(const expander *x, const bc_tname *name) {
  bc_value v;
  bc_tsubject s;
  const bc_record *record;
  if (name->kind == BC_TNAME_NARRATIVE) {
    const char *md = bc_model_narrative(x->model, name->s + 10, name->len - 10);
    return md && has_content(md);
  }
  resolve(x, name, &v, &s, &record);
  switch (v.kind) {
  case BC_VALUE_NUMBER:
    return v.number != 0;
  case BC_VALUE_TEXT:
    return v.text && has_content(v.text);
  case BC_VALUE_DATE:
    return true;
  case BC_VALUE_LIST:
    return v.count > 0;
  default:
    return false;
  }
}

/* One item of a sorted {{#each}}: its key (negated for giam_dan) and its
 * place in the list, which breaks ties so that equal keys keep the list's
 * order. */
typedef struct sort_key {
  double key;
  size_t index;
} sort_key;

static int cmp_sort_key(const void *a, const void *b) {
  const sort_key *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * The order of list's items under n's giam_dan/tang_dan: each item's key is
 * the sort's name looked up with the item as the innermost scope. *order
 * is NULL (list order) when n does not sort, or when a key is missing in
 * audit mode (the problem is recorded).
 */
static int sort_items(expander *x,
                      const bc_tnode *n,
                      const bc_value *list,
                      sort_key **order) {
  const bc_tfmt *f = n->fmts;
  sort_key *keys;
  *order = NULL;
  if (!n->fmt_count || !list->count)
    return 0;
  keys = bc_calloc(x->alloc, list->count, sizeof *keys);
  if (!keys)
    return bc_error_oom(x->err);
  for (size_t i = 0; i < list->count; i++) {
    frame tmp = {&list->items[i], i, list->count, x->frames};
    const frame *saved = x->frames;
    const bc_record *record;
    bc_tsubject s;
    bc_value v;
    int rc = 0;
    x->frames = &tmp;
    resolve(x, &f->ref, &v, &s, &record);
    x->frames = saved;
    if (v.kind == BC_VALUE_NONE)
      rc = value_problem(x, BC_AUDIT_MISSING_VALUE, &s, f->line, f->column,
                         missing_message(x, &f->ref, &s, record));
    else if (v.kind != BC_VALUE_NUMBER) {
      char what[320];
      bc_template__describe(what, sizeof what, &s);
      rc = value_problem(x, BC_AUDIT_INVALID_VALUE, &s, f->line, f->column,
                         bc_error_set(x->err, BC_EDATA,
                                      "formatter '%s' orders by numbers, %s "
                                      "is %s",
                                      bc_template__formatter_name(f->kind),
                                      what, kind_name(v.kind)));
    }
    if (rc || v.kind != BC_VALUE_NUMBER) {
      bc_free(x->alloc, keys);
      return rc;
    }
    keys[i].key = f->kind == BC_TFMT_GIAM_DAN ? -v.number : v.number;
    keys[i].index = i;
  }
  qsort(keys, list->count, sizeof *keys, cmp_sort_key);
  *order = keys;
  return 0;
}

static int expand_each(expander *x, const bc_tnode *n) {
  bc_value v;
  bc_tsubject s;
  const bc_record *record;
  sort_key *order;
  int rc;

  resolve(x, &n->name, &v, &s, &record);
  if (v.kind == BC_VALUE_NONE)
    return missing(x, n, &s, record);
  if (v.kind != BC_VALUE_LIST) {
    char what[320];
    bc_template__describe(what, sizeof what, &s);
    return value_problem(x, BC_AUDIT_INVALID_VALUE, &s, n->line, n->column,
                         bc_error_set(x->err, BC_EDATA,
                                      "{{#each}} needs a list, %s is %s", what,
                                      kind_name(v.kind)));
  }
  if ((rc = sort_items(x, n, &v, &order)))
    return rc;
  for (size_t i = 0; i < v.count; i++) {
    frame f;
    f.item = &v.items[order ? order[i].index : i];
    f.index = i;
    f.count = v.count;
    f.up = x->frames;
    x->frames = &f;
    rc = expand_nodes(x, n->body);
    x->frames = f.up;
    if (rc)
      break;
  }
  bc_free(x->alloc, order);
  return rc;
}

/* Ends what the last insertion wrote with a line break, so that the
 * template's next line starts a line of its own. */
static void end_line(expander *x, size_t before) {
  if (x->out.len > before && !x->out.failed &&
      x->out.data[x->out.len - 1] != '\n')
    bc_buf_putc(&x->out, '\n');
}

static int expand_partial(expander *x, const bc_tnode *n) {
  const char *saved = x->file;
  size_t before = x->out.len;
  int rc;
  x->file = n->unit->label;
  rc = expand_nodes(x, n->unit->first);
  x->file = saved;
  if (!rc && n->standalone)
    end_line(x, before);
  return rc;
}

/* {{{narrative.key}}}: the staff's Markdown, compiled here in inline mode
 * so that its own value placeholders are filled (and escaped). */
static int put_narrative(expander *x, const bc_tnode *n) {
  const char *key = n->name.s + 10;
  int klen = (int)(n->name.len - 10);
  const char *md = bc_model_narrative(x->model, key, (size_t)klen);
  const char *saved = x->file;
  size_t before = x->out.len;
  char label[BC_ERROR_FIELD_SIZE];
  bc_tnode *first = NULL;
  bc_arena scratch;
  int rc;

  if (!md)
    return problem(
        x, BC_AUDIT_MISSING_NARRATIVE, key, (size_t)klen, n->line, n->column,
        bc_error_set(x->err, BC_EDATA, "missing narrative '%.*s'", klen, key));
  if (x->audit && !has_content(md)) {
    /* Not an error for the render, which prints nothing there. */
    bc_error_set(x->err, BC_EDATA, "empty narrative '%.*s'", klen, key);
    if ((rc = record(x, BC_AUDIT_EMPTY_NARRATIVE, 0, key, (size_t)klen, x->file,
                     n->line, n->column)))
      return rc;
  }
  snprintf(label, sizeof label, "narrative '%.*s'", klen, key);
  bc_arena_init(&scratch, x->alloc);
  x->via_file = x->file;
  x->via_line = n->line;
  x->via_column = n->column;
  rc = bc_template__parse_inline(&first, md, strlen(md), label, BC_EDATA,
                                 &scratch, x->err);
  if (rc) {
    if (x->audit && rc != BC_ENOMEM)
      rc = record(x, BC_AUDIT_BROKEN_NARRATIVE, rc, key, (size_t)klen, label,
                  x->err->line, x->err->column);
    else if (rc != BC_ENOMEM)
      bc_error_context(x->err, x->model->agency.code, x->model->period.code);
    goto cleanup;
  }
  x->file = label;
  rc = expand_nodes(x, first);
  x->file = saved;
  if (!rc)
    end_line(x, before);
cleanup:
  x->via_file = NULL;
  x->via_line = x->via_column = 0;
  bc_arena_release(&scratch);
  return rc;
}

static int check_output(expander *x, const bc_tnode *n) {
  if (x->out.failed)
    return bc_error_oom(x->err);
  if (x->out.len <= x->limit)
    return 0;
  if (x->limit % ((size_t)1 << 20) == 0)
    return fail_node(x, n,
                     bc_error_set(x->err, BC_EDATA,
                                  "expanded report is larger than %zu MiB",
                                  x->limit >> 20));
  return fail_node(x, n,
                   bc_error_set(x->err, BC_EDATA,
                                "expanded report is larger than %zu bytes",
                                x->limit));
}

static int expand_nodes(expander *x, const bc_tnode *n) {
  int rc = 0;
  for (; n; n = n->next) {
    switch (n->kind) {
    case BC_TNODE_TEXT:
      bc_buf_put(&x->out, n->text, n->len);
      break;
    case BC_TNODE_VALUE:
      rc = put_value(x, n);
      break;
    case BC_TNODE_NARRATIVE:
      rc = put_narrative(x, n);
      break;
    case BC_TNODE_IF:
      rc = expand_nodes(x, truthy(x, &n->name) != n->negate ? n->body : n->alt);
      break;
    case BC_TNODE_EACH:
      rc = expand_each(x, n);
      break;
    case BC_TNODE_PARTIAL:
      rc = expand_partial(x, n);
      break;
    }
    if (rc || (rc = check_output(x, n)))
      return rc;
  }
  return 0;
}

/* Front matter (plain text) and body (Markdown) of one unit. */
static int expand_part(bc_expansion *out,
                       expander *x,
                       const bc_tunit *unit,
                       bc_arena *arena) {
  bc_meta_entry *meta;
  char *markdown;
  int rc;

  /* The front matter first, in the order an editor reads the file. */
  meta = bc_arena_calloc(arena, unit->meta_count + 1, sizeof *meta);
  if (!meta)
    return bc_error_oom(x->err);
  x->plain = true;
  x->file = unit->label;
  for (size_t i = 0; i < unit->meta_count; i++) {
    bc_buf_reset(&x->out);
    if ((rc = expand_nodes(x, unit->meta[i].first)))
      return rc;
    meta[i].key = unit->meta[i].key;
    meta[i].value =
        bc_arena_strndup(arena, x->out.len ? x->out.data : "", x->out.len);
    if (!meta[i].value)
      return bc_error_oom(x->err);
  }
  bc_buf_reset(&x->out);
  x->plain = false;
  if ((rc = expand_nodes(x, unit->first)))
    return rc;
  markdown = bc_arena_strndup(arena, x->out.len ? x->out.data : "", x->out.len);
  if (!markdown)
    return bc_error_oom(x->err);
  memset(out, 0, sizeof *out);
  out->markdown = markdown;
  out->markdown_len = x->out.len;
  out->meta = meta;
  out->meta_count = unit->meta_count;
  return 0;
}

/* Expands the main unit and the phụ lục; audit non-NULL turns audit mode
 * on and receives what it found. */
static int expand_template(bc_expansion *out,
                           bc_audit_report *audit,
                           const bc_template *t,
                           const bc_report_model *model,
                           size_t limit,
                           bc_arena *arena,
                           bc_error *err) {
  expander x;
  bc_expansion main, *appendices = NULL;
  int rc = 0;

  memset(&x, 0, sizeof x);
  x.model = model;
  x.alloc = arena->alloc;
  x.limit = limit;
  x.err = err;
  x.audit = audit != NULL;
  x.arena = arena;
  bc_buf_init(&x.out, x.alloc);
  bc_buf_init(&x.scratch[0], x.alloc);
  bc_buf_init(&x.scratch[1], x.alloc);

  if ((rc = expand_part(&main, &x, t->main, arena)))
    goto cleanup;
  appendices =
      bc_arena_calloc(arena, t->appendix_count + 1, sizeof *appendices);
  if (!appendices) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  for (size_t i = 0; i < t->appendix_count; i++)
    if ((rc = expand_part(&appendices[i], &x, t->appendices[i], arena)))
      goto cleanup;
  main.appendices = appendices;
  main.appendix_count = t->appendix_count;
  *out = main;
  if (audit) {
    audit->items = x.items;
    audit->count = x.item_count;
  }
cleanup:
  bc_buf_free(&x.out);
  bc_buf_free(&x.scratch[0]);
  bc_buf_free(&x.scratch[1]);
  return rc;
}

int bc_template__expand_limited(bc_expansion *out,
                                const bc_template *t,
                                const bc_report_model *model,
                                size_t limit,
                                bc_arena *arena,
                                bc_error *err) {
  return expand_template(out, NULL, t, model, limit, arena, err);
}

int bc_template_expand(bc_expansion *out,
                       const bc_template *t,
                       const bc_report_model *model,
                       bc_arena *arena,
                       bc_error *err) {
  return expand_template(out, NULL, t, model, BC_TEMPLATE_MAX_OUTPUT, arena,
                         err);
}

int bc_template__audit_limited(bc_audit_report *out,
                               const bc_template *t,
                               const bc_report_model *model,
                               size_t limit,
                               bc_arena *arena,
                               bc_error *err) {
  bc_audit_report r;
  int rc;
  memset(&r, 0, sizeof r);
  /* Each problem is recorded from err, which must start empty. */
  bc_error_clear(err);
  if ((rc = expand_template(&r.expansion, &r, t, model, limit, arena, err)))
    return rc;
  *out = r;
  return 0;
}

int bc_template_audit(bc_audit_report *out,
                      const bc_template *t,
                      const bc_report_model *model,
                      bc_arena *arena,
                      bc_error *err) {
  return bc_template__audit_limited(out, t, model, BC_TEMPLATE_MAX_OUTPUT,
                                    arena, err);
}

const char *bc_expansion_meta(const bc_expansion *e, const char *key) {
  for (size_t i = 0; i < e->meta_count; i++)
    if (strcmp(e->meta[i].key, key) == 0)
      return e->meta[i].value;
  return NULL;
}
