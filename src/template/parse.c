/* template/parse.c: template source to the compiled tree of template_int.h
 * (front matter, tags, blocks, partials), with file:line:col on every
 * error. Expansion lives in expand.c, formatters in format.c. */
#include "template/template_int.h"
#include "common/i18n.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"
#include "common/utf8.h"

typedef enum parse_mode {
  MODE_BODY,  /* everything */
  MODE_INLINE /* values and comments only: narratives, front matter */
} parse_mode;

/* Shared by the main file and every partial it pulls in. */
typedef struct compiler {
  bc_template *t;
  const char *root_dir; /* NULL: partials are not available */
  bc_error *err;
} compiler;

typedef struct open_block {
  bc_tnode *node;
  bc_tnode **parent_tail; /* where the parent list continues */
  const char *name;       /* "if", "unless", "each" */
  bool in_else;
} open_block;

typedef struct parser {
  compiler *cc; /* NULL for narratives */
  bc_arena *arena;
  bc_tunit *unit; /* NULL for narratives */
  const char *label;
  const char *where; /* for inline mode messages: "a narrative" */
  parse_mode mode;
  int depth; /* include depth of this file; the main file is 0 */
  const char *end;
  /* The position cursor: it only moves forward, so counting lines and
   * columns costs one pass over the source in all. */
  const char *cur;
  int line;
  int column;
  bc_tnode *first;
  bc_tnode **tail;
  open_block blocks[BC_TEMPLATE_MAX_NESTING];
  int nblocks;
  bc_error *err;
} parser;

static bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

static bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '@';
}

static const char *skip_blanks(const char *s, const char *end) {
  while (s < end && is_blank(*s))
    s++;
  return s;
}

static const char *trim_end(const char *s, const char *e) {
  while (e > s && (is_blank(e[-1]) || e[-1] == '\r'))
    e--;
  return e;
}

/* The end of a word: up to a blank, '|' or end. */
static const char *word_end(const char *s, const char *end) {
  while (s < end && !is_blank(*s) && *s != '|')
    s++;
  return s;
}

static bool span_is(const char *s, const char *e, const char *lit) {
  size_t n = strlen(lit);
  return (size_t)(e - s) == n && memcmp(s, lit, n) == 0;
}

static const char *find_str(const char *s, const char *end, const char *lit) {
  size_t n = strlen(lit);
  while ((size_t)(end - s) >= n) {
    const char *q = memchr(s, lit[0], (size_t)(end - s) - n + 1);
    if (!q)
      return NULL;
    if (memcmp(q, lit, n) == 0)
      return q;
    s = q + 1;
  }
  return NULL;
}

/* "}}" ending a tag on its line; a "}}" inside a quoted string does not
 * count. NULL when the line ends first. */
static const char *find_close(const char *c, const char *end) {
  bool quoted = false;
  for (; c < end; c++) {
    if (*c == '\n')
      return NULL;
    if (quoted) {
      if (*c == '\\' && c + 1 < end && c[1] != '\n')
        c++;
      else if (*c == '"')
        quoted = false;
    } else if (*c == '"') {
      quoted = true;
    } else if (*c == '}' && c + 1 < end && c[1] == '}') {
      return c;
    }
  }
  return NULL;
}

static const char *line_end_of(const char *s, const char *end) {
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  return nl ? nl : end;
}

/* Moves the cursor to at and reports its line and column. Columns count
 * code points from 1 (a Vietnamese letter is one column, as in an
 * editor); a tab is one column. */
static void locate(parser *p, const char *at, int *line, int *column) {
  const unsigned char *q = (const unsigned char *)p->cur;
  assert(at >= p->cur);
  for (; q < (const unsigned char *)at; q++) {
    if (*q == '\n') {
      p->line++;
      p->column = 1;
    } else if ((*q & 0xC0) != 0x80) {
      p->column++;
    }
  }
  p->cur = at;
  *line = p->line;
  *column = p->column;
}

static int located(parser *p, int rc, int line, int column) {
  bc_error_locate(p->err, p->label, line, column);
  return rc;
}

/* An error at a position not yet passed. */
static int fail_here(parser *p, const char *at, int rc) {
  int line, column;
  locate(p, at, &line, &column);
  return located(p, rc, line, column);
}

static bc_tnode *new_node(parser *p, bc_tnode_kind kind, int line, int column) {
  bc_tnode *n = bc_arena_calloc(p->arena, 1, sizeof *n);
  if (!n)
    return NULL;
  n->kind = kind;
  n->line = line;
  n->column = column;
  *p->tail = n;
  p->tail = &n->next;
  return n;
}

static int add_text(parser *p, const char *s, const char *e) {
  bc_tnode *n;
  int line, column;
  if (s >= e)
    return 0;
  locate(p, s, &line, &column);
  n = new_node(p, BC_TNODE_TEXT, line, column);
  if (!n)
    return bc_error_oom(p->err);
  n->text = s;
  n->len = (size_t)(e - s);
  return 0;
}

static int parse_name(parser *p, bc_tname *out, const char *s, const char *e) {
  static const char *const reserved[] = {"co_quan.",  "ky.",   "bao_cao.",
                                         "nguoi_ky.", "tong.", "trung_binh."};
  size_t len = (size_t)(e - s);
  int n = (int)len;
  bool ok = len > 0;

  memset(out, 0, sizeof *out);
  for (size_t i = 0; ok && i < len; i++) {
    if (!is_name_char(s[i]) || (s[i] == '@' && i > 0) ||
        (s[i] == '.' && (i == 0 || i + 1 == len || s[i + 1] == '.')))
      ok = false;
  }
  if (!ok)
    return fail_here(
        p, s, bc_error_set(p->err, BC_ESYNTAX, "invalid name '%.*s'", n, s));
  out->s = s;
  out->len = len;
  if (s[0] == '@') {
    if (span_is(s, e, "@index"))
      out->kind = BC_TNAME_INDEX;
    else if (span_is(s, e, "@first"))
      out->kind = BC_TNAME_FIRST;
    else if (span_is(s, e, "@last"))
      out->kind = BC_TNAME_LAST;
    else if (span_is(s, e, "@stt"))
      out->kind = BC_TNAME_STT;
    else
      return fail_here(
          p, s, bc_error_set(p->err, BC_ESYNTAX, "unknown name '%.*s'", n, s));
    out->reserved = true;
    return 0;
  }
  if (len > 10 && memcmp(s, "narrative.", 10) == 0) {
    out->kind = BC_TNAME_NARRATIVE;
    return 0;
  }
  out->kind = BC_TNAME_VALUE;
  for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
    if (len > strlen(reserved[i]) &&
        memcmp(s, reserved[i], strlen(reserved[i])) == 0)
      out->reserved = true;
  if (span_is(s, e, "noi_nhan") || span_is(s, e, "chi_so") ||
      span_is(s, e, "nhom_chi_so") || span_is(s, e, "don_vi") ||
      span_is(s, e, "so_don_vi"))
    out->reserved = true;
  return 0;
}

/* A double-quoted string at *q with \" and \\ escapes; *q moves past it. */
static int parse_string(parser *p,
                        const char **q,
                        const char *ce,
                        const char **text_out,
                        size_t *len_out) {
  const char *s = *q + 1;
  char *buf = bc_arena_alloc(p->arena, (size_t)(ce - *q) + 1);
  size_t n = 0;
  const char *quote = *q;
  int line, column;

  if (!buf)
    return bc_error_oom(p->err);
  locate(p, quote, &line, &column);
  for (;;) {
    if (s >= ce)
      return located(p, bc_error_set(p->err, BC_ESYNTAX, "unterminated string"),
                     line, column);
    if (*s == '"')
      break;
    if (*s == '\\') {
      if (s + 1 < ce && (s[1] == '"' || s[1] == '\\')) {
        buf[n++] = s[1];
        s += 2;
        continue;
      }
      return fail_here(p, s,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "only \\\" and \\\\ may follow a "
                                    "backslash in a string"));
    }
    buf[n++] = *s++;
  }
  buf[n] = '\0';
  *text_out = buf;
  *len_out = n;
  *q = s + 1;
  return 0;
}

/* The usage line of a formatter that takes arguments, for errors. */
static const char *formatter_usage(bc_targ_kind arg) {
  switch (arg) {
  case BC_TARG_DECIMALS:
    return bc_tr("an optional number of decimals from 0 to 6");
  case BC_TARG_TEXT:
    return bc_tr("one text in double quotes");
  case BC_TARG_NAME:
    return bc_tr("one name");
  case BC_TARG_NAME_TEXT:
    return bc_tr("a name, a text in double quotes and an optional number of "
           "decimals from 0 to 6");
  case BC_TARG_NAME_UNIT:
    return bc_tr("a name, an optional text in double quotes and an optional "
           "number of decimals from 0 to 6");
  case BC_TARG_NAMES:
    return bc_tr("one name or more");
  default:
    return bc_tr("no argument");
  }
}

/* One formatter with its arguments, from the '|' at *q. Arguments are
 * strings ("..."), numbers of decimals (0-6) and names, in any order. */
static int parse_formatter(
    parser *p, bc_tnode *node, bc_tfmt *f, const char **q_io, const char *ce) {
  const char *q = skip_blanks(*q_io + 1, ce);
  const char *fe = word_end(q, ce);
  bc_targ_kind arg;
  int strings = 0, numbers = 0, names = 0, rc;
  size_t ref_cap = 0;
  bool bad = false, ok;
  const char *name;

  locate(p, q, &f->line, &f->column);
  if (fe == q)
    return located(
        p, bc_error_set(p->err, BC_ESYNTAX, "missing formatter after '|'"),
        f->line, f->column);
  if (!bc_template__formatter_find(&f->kind, &arg, q, (size_t)(fe - q)))
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX, "unknown formatter '%.*s'",
                                (int)(fe - q), q),
                   f->line, f->column);
  name = bc_template__formatter_name(f->kind);
  f->decimals = -1;
  q = fe;
  for (;;) {
    q = skip_blanks(q, ce);
    if (q >= ce || *q == '|')
      break;
    if (*q == '"') {
      strings++;
      if ((rc = parse_string(p, &q, ce, &f->text, &f->text_len)))
        return rc;
      continue;
    }
    const char *we = q;
    while (we < ce && !is_blank(*we) && *we != '|' && *we != '"')
      we++;
    if (*q >= '0' && *q <= '9') {
      int d = 0;
      numbers++;
      for (const char *c = q; c < we; c++)
        if (*c < '0' || *c > '9' || c - q >= 2)
          bad = true;
        else
          d = d * 10 + (*c - '0');
      bad = bad || d > 6;
      f->decimals = d;
    } else if ((*q >= 'a' && *q <= 'z') || *q == '@') {
      bc_tname *list;
      names++;
      if ((rc = parse_name(p, &f->ref, q, we)))
        return rc;
      if (f->ref.kind == BC_TNAME_NARRATIVE)
        bad = true;
      /* cong's names, in order */
      list = bc_arena_grow(p->arena, (void *)f->refs, f->ref_count, &ref_cap,
                           sizeof *list);
      if (!list)
        return bc_error_oom(p->err);
      list[f->ref_count++] = f->ref;
      f->refs = list;
      f->ref = list[0];
    } else {
      bad = true;
    }
    q = we;
  }
  switch (arg) {
  case BC_TARG_NONE:
    ok = !strings && !numbers && !names;
    break;
  case BC_TARG_DECIMALS:
    ok = !strings && numbers <= 1 && !names;
    break;
  case BC_TARG_TEXT:
    ok = strings == 1 && !numbers && !names;
    break;
  case BC_TARG_NAME:
    ok = !strings && !numbers && names == 1;
    break;
  case BC_TARG_NAME_TEXT:
    ok = strings == 1 && numbers <= 1 && names == 1;
    break;
  case BC_TARG_NAMES:
    ok = !strings && !numbers && names >= 1;
    break;
  default:
    ok = strings <= 1 && numbers <= 1 && names == 1;
    break;
  }
  if (!ok || bad) {
    if (arg == BC_TARG_TEXT)
      return located(p,
                     bc_error_set(p->err, BC_ESYNTAX,
                                  "formatter '%s' takes one text in double "
                                  "quotes, e.g. %s \"không có\"",
                                  name, name),
                     f->line, f->column);
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX, "formatter '%s' takes %s",
                                name, formatter_usage(arg)),
                   f->line, f->column);
  }
  if (f->kind == BC_TFMT_DINH_DANG) {
    const char *fault = bc_template__pattern_fault(f->text, f->text_len);
    if (fault)
      return located(p,
                     bc_error_set(p->err, BC_ESYNTAX,
                                  "formatter 'dinh_dang': '%c' in \"%.*s\" is "
                                  "not d, dd, M, MM or yyyy; letters other "
                                  "than those cannot be in a pattern",
                                  *fault, (int)f->text_len, f->text),
                     f->line, f->column);
  }
  if (f->kind == BC_TFMT_TONG && node->fmt_count)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "formatter 'tong' adds up a list: it comes "
                                "first, right after the list's name"),
                   f->line, f->column);
  if (f->kind == BC_TFMT_MAC_DINH) {
    if (node->fallback)
      return located(p,
                     bc_error_set(p->err, BC_ESYNTAX,
                                  "formatter '%s' is given twice", name),
                     f->line, f->column);
    node->fallback = f;
  }
  if (bc_tfmt_sorts(f->kind) != (node->kind == BC_TNODE_EACH))
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                bc_tfmt_sorts(f->kind)
                                    ? BC_NF_("formatter '%s' orders the items of "
                                      "{{#each}}; it cannot print a value")
                                    : BC_NF_("{{#each}} takes only giam_dan or "
                                      "tang_dan, not '%s'"),
                                name),
                   f->line, f->column);
  *q_io = q;
  return 0;
}

/* {{ name | fmt args | ... }}; cs..ce is the trimmed inside. */
static int
parse_value(parser *p, const char *cs, const char *ce, int line, int column) {
  const char *ne = word_end(cs, ce), *q;
  bc_tnode *node;
  bc_tfmt *fmts;
  size_t nf = 0;
  int rc;

  if (ne == cs)
    return located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "placeholder has no name before '|'"),
        line, column);
  node = new_node(p, BC_TNODE_VALUE, line, column);
  if (!node)
    return bc_error_oom(p->err);
  if ((rc = parse_name(p, &node->name, cs, ne)))
    return rc;
  if (node->name.kind == BC_TNAME_NARRATIVE)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "narratives are inserted with triple braces: "
                                "{{{%.*s}}}",
                                (int)node->name.len, node->name.s),
                   line, column);
  /* Every formatter starts with a '|', so this bounds their number. */
  for (q = ne; q < ce; q++)
    if (*q == '|')
      nf++;
  fmts = nf ? bc_arena_calloc(p->arena, nf, sizeof *fmts) : NULL;
  if (nf && !fmts)
    return bc_error_oom(p->err);
  node->fmts = fmts;
  q = skip_blanks(ne, ce);
  while (q < ce) {
    if (*q != '|') {
      const char *we = word_end(q, ce);
      if (we == q)
        we = q + 1;
      return fail_here(p, q,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "unexpected '%.*s' in placeholder",
                                    (int)(we - q), q));
    }
    if ((rc = parse_formatter(p, node, &fmts[node->fmt_count], &q, ce)))
      return rc;
    node->fmt_count++;
  }
  return 0;
}

/* {{{ narrative.key }}} */
static int parse_triple(
    parser *p, const char *at, int line, int column, const char **next) {
  const char *le = line_end_of(at, p->end);
  const char *close = find_str(at + 3, le, "}}}");
  const char *cs, *ce, *ne, *q;
  bc_tnode *node;
  int rc;

  if (!close)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "'{{{' without '}}}' on the same line"),
                   line, column);
  *next = close + 3;
  if (p->mode == MODE_INLINE)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "only value placeholders are allowed in %s",
                                p->where),
                   line, column);
  cs = skip_blanks(at + 3, close);
  ce = trim_end(cs, close);
  ne = word_end(cs, ce);
  if (ne == cs)
    return located(p, bc_error_set(p->err, BC_ESYNTAX, "empty placeholder"),
                   line, column);
  if (ne - cs <= 10 || memcmp(cs, "narrative.", 10) != 0)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "only narratives can be inserted as "
                                "Markdown: '%.*s'",
                                (int)(ne - cs), cs),
                   line, column);
  node = new_node(p, BC_TNODE_NARRATIVE, line, column);
  if (!node)
    return bc_error_oom(p->err);
  if ((rc = parse_name(p, &node->name, cs, ne)))
    return rc;
  q = skip_blanks(ne, ce);
  if (q < ce) {
    if (*q == '|')
      return fail_here(p, q,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "formatters cannot be applied to a "
                                    "narrative"));
    return fail_here(p, q,
                     bc_error_set(p->err, BC_ESYNTAX,
                                  "unexpected '%.*s' in placeholder",
                                  (int)(word_end(q, ce) - q), q));
  }
  return 0;
}

/* {{#if name}}, {{#unless name}}, {{#each name}} */
static int
parse_open(parser *p, const char *cs, const char *ce, int line, int column) {
  const char *k = skip_blanks(cs + 1, ce), *ke = k, *ns, *ne, *rest;
  const char *name;
  bc_tnode *node;
  open_block *b;
  int rc;

  while (ke < ce && *ke >= 'a' && *ke <= 'z')
    ke++;
  if (span_is(k, ke, "if"))
    name = "if";
  else if (span_is(k, ke, "unless"))
    name = "unless";
  else if (span_is(k, ke, "each"))
    name = "each";
  else
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX, "unknown block '{{#%.*s}}'",
                                (int)(word_end(k, ce) - k), k),
                   line, column);
  ns = skip_blanks(ke, ce);
  if (ns == ce)
    return located(
        p, bc_error_set(p->err, BC_ESYNTAX, "{{#%s}} needs a name", name), line,
        column);
  ne = word_end(ns, ce);
  if (ne == ns)
    ne = ns + 1;
  rest = skip_blanks(ne, ce);
  if (p->nblocks == BC_TEMPLATE_MAX_NESTING)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "blocks are nested deeper than %d levels",
                                BC_TEMPLATE_MAX_NESTING),
                   line, column);
  node =
      new_node(p, name[0] == 'e' ? BC_TNODE_EACH : BC_TNODE_IF, line, column);
  if (!node)
    return bc_error_oom(p->err);
  node->negate = name[0] == 'u';
  if ((rc = parse_name(p, &node->name, ns, ne)))
    return rc;
  if (rest < ce && *rest == '|' && node->kind == BC_TNODE_EACH) {
    bc_tfmt *sort = bc_arena_calloc(p->arena, 1, sizeof *sort);
    if (!sort)
      return bc_error_oom(p->err);
    if ((rc = parse_formatter(p, node, sort, &rest, ce)))
      return rc;
    node->fmts = sort;
    node->fmt_count = 1;
    rest = skip_blanks(rest, ce);
  }
  if (rest < ce)
    return fail_here(p, rest,
                     bc_error_set(p->err, BC_ESYNTAX,
                                  node->kind == BC_TNODE_EACH
                                      ? BC_NF_("{{#%s}} takes a name and at most "
                                        "one order (| giam_dan name)")
                                      : BC_NF_("{{#%s}} takes only a name"),
                                  name));
  if (node->kind == BC_TNODE_EACH && node->name.kind == BC_TNAME_NARRATIVE)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "{{#each}} cannot loop over a narrative"),
                   line, column);
  b = &p->blocks[p->nblocks++];
  b->node = node;
  b->parent_tail = p->tail;
  b->name = name;
  b->in_else = false;
  p->tail = &node->body;
  return 0;
}

/* {{/if}}, {{/unless}}, {{/each}} */
static int
parse_close(parser *p, const char *cs, const char *ce, int line, int column) {
  const char *k = skip_blanks(cs + 1, ce), *ke = word_end(k, ce);
  const char *name = NULL;
  open_block *b;

  if (span_is(k, ke, "if"))
    name = "if";
  else if (span_is(k, ke, "unless"))
    name = "unless";
  else if (span_is(k, ke, "each"))
    name = "each";
  if (!name)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "unknown closing tag '{{/%.*s}}'",
                                (int)(ke - k), k),
                   line, column);
  if (skip_blanks(ke, ce) < ce)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "{{/%s}} takes nothing after it", name),
                   line, column);
  if (!p->nblocks)
    return located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "{{/%s}} without {{#%s}}", name, name),
        line, column);
  b = &p->blocks[p->nblocks - 1];
  if (strcmp(b->name, name) != 0)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "{{/%s}} does not match {{#%s}} opened at "
                                "%d:%d",
                                name, b->name, b->node->line, b->node->column),
                   line, column);
  p->tail = b->parent_tail;
  p->nblocks--;
  return 0;
}

static int parse_else(parser *p, int line, int column) {
  open_block *b = p->nblocks ? &p->blocks[p->nblocks - 1] : NULL;
  if (!b)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "{{else}} outside {{#if}} or {{#unless}}"),
                   line, column);
  if (b->node->kind == BC_TNODE_EACH)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "{{else}} cannot be used in {{#each}}"),
                   line, column);
  if (b->in_else)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "second {{else}} in one {{#%s}}", b->name),
                   line, column);
  b->in_else = true;
  p->tail = &b->node->alt;
  return 0;
}

/* Partial and template names: a-z 0-9 _ - /, no leading, trailing or
 * doubled '/', so ".." and absolute paths cannot occur. */
static bool valid_partial_name(const char *s, size_t len) {
  if (!len || s[0] == '/' || s[len - 1] == '/')
    return false;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-' || c == '/'))
      return false;
    if (c == '/' && s[i + 1] == '/')
      return false;
  }
  return true;
}

static int compile_unit(compiler *cc,
                        bc_tunit *unit,
                        const char *src,
                        size_t len,
                        int depth,
                        bool front_matter);

/* A new unit for root_dir/name.md, read and compiled; an appendix has
 * front matter of its own. */
static int compile_file(compiler *cc,
                        bc_tunit **out,
                        const char *name,
                        size_t len,
                        int depth,
                        bool appendix) {
  bc_template *t = cc->t;
  size_t root_len = strlen(cc->root_dir);
  char *path = NULL, *data = NULL, *src;
  size_t n = 0;
  bc_tunit *unit;
  int rc = 0;

  while (root_len > 1 && cc->root_dir[root_len - 1] == '/')
    root_len--;
  unit = bc_arena_calloc(&t->arena, 1, sizeof *unit);
  path = bc_arena_alloc(&t->arena, root_len + len + 5);
  if (!unit || !path)
    return bc_error_oom(cc->err);
  memcpy(path, cc->root_dir, root_len);
  path[root_len] = '/';
  memcpy(path + root_len + 1, name, len);
  memcpy(path + root_len + 1 + len, ".md", 4);
  unit->name = bc_arena_strndup(&t->arena, name, len);
  if (!unit->name)
    return bc_error_oom(cc->err);
  unit->label = path;
  unit->appendix = appendix;
  unit->next = t->units;
  t->units = unit;

  rc = bc_file_read(&data, &n, path, BC_TEMPLATE_MAX_FILE, BC_EINPUT, t->alloc,
                    cc->err);
  if (rc)
    goto cleanup;
  src = bc_arena_strndup(&t->arena, data, n);
  if (!src) {
    rc = bc_error_oom(cc->err);
    goto cleanup;
  }
  unit->source = src;
  unit->source_len = n;
  unit->compiling = true;
  rc = compile_unit(cc, unit, src, n, depth, depth == 0 || appendix);
  unit->compiling = false;
  if (!rc)
    *out = unit;
cleanup:
  bc_free(t->alloc, data);
  return rc;
}

/* {{> name}} */
static int parse_partial(parser *p,
                         const char *cs,
                         const char *ce,
                         int line,
                         int column,
                         bool standalone) {
  const char *s = skip_blanks(cs + 1, ce);
  size_t len = (size_t)(ce - s);
  int n = (int)len;
  bc_tunit *unit;
  bc_tnode *node;
  int rc;

  if (!p->cc || !p->cc->root_dir)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "partial '%.*s' cannot be used: no template "
                                "directory",
                                n, s),
                   line, column);
  if (!valid_partial_name(s, len))
    return located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "invalid partial name '%.*s'", n, s),
        line, column);
  for (unit = p->cc->t->units; unit; unit = unit->next)
    if (!unit->appendix && unit->name && strlen(unit->name) == len &&
        memcmp(unit->name, s, len) == 0)
      break;
  if (unit && unit->compiling)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "partial '%.*s' includes itself", n, s),
                   line, column);
  if (p->depth + 1 + (unit ? unit->height : 0) > BC_TEMPLATE_MAX_INCLUDE)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "partials are nested deeper than %d levels",
                                BC_TEMPLATE_MAX_INCLUDE),
                   line, column);
  if (!unit) {
    rc = compile_file(p->cc, &unit, s, len, p->depth + 1, false);
    if (rc)
      return rc == BC_ENOMEM ? rc : located(p, rc, line, column);
  }
  if (p->unit->height < unit->height + 1)
    p->unit->height = unit->height + 1;
  node = new_node(p, BC_TNODE_PARTIAL, line, column);
  if (!node)
    return bc_error_oom(p->err);
  node->unit = unit;
  node->standalone = standalone;
  return 0;
}

static bool is_else(const char *cs, const char *ce) {
  return span_is(cs, ce, "else");
}

/* One tag starting with "{{" at at; *next is set past it. */
static int
parse_tag(parser *p, const char *at, bool standalone, const char **next) {
  const char *end = p->end, *c, *close, *cs, *ce;
  int line, column;

  locate(p, at, &line, &column);
  if (at + 2 < end && at[2] == '{')
    return parse_triple(p, at, line, column, next);
  c = skip_blanks(at + 2, end);
  if (c < end && *c == '!') {
    close = find_str(c, end, "}}");
    if (!close)
      return located(
          p, bc_error_set(p->err, BC_ESYNTAX, "comment is never closed"), line,
          column);
    *next = close + 2;
    return 0;
  }
  close = find_close(at + 2, end);
  if (!close) /* perhaps an unterminated string: let the parse say so */
    close = find_str(at + 2, line_end_of(at, end), "}}");
  if (!close)
    return located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "'{{' without '}}' on the same line"),
        line, column);
  *next = close + 2;
  cs = skip_blanks(at + 2, close);
  ce = trim_end(cs, close);
  if (cs == ce)
    return located(p, bc_error_set(p->err, BC_ESYNTAX, "empty placeholder"),
                   line, column);
  if (*cs != '#' && *cs != '/' && *cs != '>' && !is_else(cs, ce))
    return parse_value(p, cs, ce, line, column);
  if (p->mode == MODE_INLINE)
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "only value placeholders are allowed in %s",
                                p->where),
                   line, column);
  if (*cs == '#')
    return parse_open(p, cs, ce, line, column);
  if (*cs == '/')
    return parse_close(p, cs, ce, line, column);
  if (*cs == '>')
    return parse_partial(p, cs, ce, line, column, standalone);
  return parse_else(p, line, column);
}

/* Whether the tag inside starting at c is a block-type tag (one that takes
 * its line with it when alone on it). */
static bool is_block_tag(const char *c, const char *end, bool *comment) {
  c = skip_blanks(c, end);
  *comment = c < end && *c == '!';
  if (c >= end)
    return false;
  if (*c == '#' || *c == '/' || *c == '>' || *c == '!')
    return true;
  if (end - c >= 4 && memcmp(c, "else", 4) == 0) {
    c = skip_blanks(c + 4, end);
    return end - c >= 2 && c[0] == '}' && c[1] == '}';
  }
  return false;
}

/*
 * A line holding only blanks and block tags ({{#if}}, {{else}}, {{/if}},
 * {{#each}}, {{> p}}, {{! }}, one or more) is "standalone": it produces no
 * text of its own, not even its line break. *after is the start of the
 * next line (or the end).
 */
static bool
standalone_line(const char *s, const char *end, const char **after) {
  const char *q = s, *close;
  int tags = 0;
  bool comment;
  for (;;) {
    q = skip_blanks(q, end);
    if (q == end)
      break;
    if (*q == '\n') {
      q++;
      break;
    }
    if (*q == '\r' && q + 1 < end && q[1] == '\n') {
      q += 2;
      break;
    }
    if (end - q < 2 || q[0] != '{' || q[1] != '{' ||
        (end - q > 2 && q[2] == '{'))
      return false;
    if (!is_block_tag(q + 2, end, &comment))
      return false;
    close = comment ? find_str(q + 2, end, "}}") : find_close(q + 2, end);
    if (!close)
      return false;
    q = close + 2;
    tags++;
  }
  if (!tags)
    return false;
  *after = q;
  return true;
}

/* The text from s to p->end: text nodes and tags. */
static int parse_span(parser *p, const char *s) {
  const char *end = p->end, *text = s, *le = NULL, *b;
  bool line_start = true;
  int rc;

  while (s < end) {
    if (line_start && p->mode == MODE_BODY) {
      const char *after, *q;
      line_start = false;
      if (standalone_line(s, end, &after)) {
        if ((rc = add_text(p, text, s)))
          return rc;
        q = skip_blanks(s, after);
        while (q + 1 < after && q[0] == '{' && q[1] == '{') {
          if ((rc = parse_tag(p, q, true, &q)))
            return rc;
          q = skip_blanks(q, after);
        }
        s = text = after;
        line_start = true;
        continue;
      }
    }
    if (!le || le < s)
      le = line_end_of(s, end);
    b = NULL;
    for (const char *q = s; q < le;) {
      const char *brace = memchr(q, '{', (size_t)(le - q));
      if (!brace || brace + 1 >= le)
        break;
      if (brace[1] == '{') {
        b = brace;
        break;
      }
      q = brace + 1;
    }
    if (b) {
      if ((rc = add_text(p, text, b)) || (rc = parse_tag(p, b, false, &s)))
        return rc;
      text = s;
      continue;
    }
    s = le < end ? le + 1 : end;
    line_start = true;
  }
  return add_text(p, text, end);
}

static void parser_init(parser *p,
                        bc_arena *arena,
                        const char *label,
                        const char *src,
                        size_t len,
                        bc_error *err) {
  memset(p, 0, offsetof(parser, blocks));
  p->nblocks = 0;
  p->arena = arena;
  p->label = label;
  p->end = src + len;
  p->cur = src;
  p->line = 1;
  p->column = 1;
  p->tail = &p->first;
  p->err = err;
}

static bool fm_delimiter(const char *s, const char *end, const char **after) {
  const char *q;
  if (end - s < 3 || memcmp(s, "---", 3) != 0)
    return false;
  q = s + 3;
  while (q < end && (is_blank(*q) || *q == '\r'))
    q++;
  if (q < end && *q != '\n')
    return false;
  *after = q < end ? q + 1 : end;
  return true;
}

/* phu_luc: a comma-separated list of appendix templates, compiled now. */
static int parse_appendix_list(parser *p, const char *v, const char *ve) {
  compiler *cc = p->cc;
  bc_template *t = cc->t;
  int rc;
  if (!cc->root_dir)
    return fail_here(p, v,
                     bc_error_set(p->err, BC_ESYNTAX,
                                  "phu_luc cannot be used: no template "
                                  "directory"));
  while (v < ve) {
    const char *e = v, *ne;
    while (e < ve && *e != ',')
      e++;
    ne = trim_end(v, e);
    size_t len = (size_t)(ne - v);
    bc_tunit *unit;
    if (!valid_partial_name(v, len))
      return fail_here(p, v,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "invalid appendix name '%.*s'", (int)len,
                                    v));
    if (t->appendix_count == BC_TEMPLATE_MAX_APPENDICES)
      return fail_here(p, v,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "more than %d appendices",
                                    BC_TEMPLATE_MAX_APPENDICES));
    if ((rc = compile_file(cc, &unit, v, len, 1, true)))
      return rc == BC_ENOMEM ? rc : fail_here(p, v, rc);
    t->appendices[t->appendix_count++] = unit;
    v = e < ve ? skip_blanks(e + 1, ve) : ve;
  }
  return 0;
}

/* "---" lines at the very top of the main file or of an appendix, with
 * key: value lines. */
static int parse_front_matter(parser *p, const char *s, const char **body) {
  static const char *const main_keys[] = {"trich_yeu", "loai", "ky_hieu_loai",
                                          "phu_luc", "kieu_dau"};
  static const char *const appendix_keys[] = {"tieu_de", "huong"};
  bc_tunit *unit = p->unit;
  const char *const *keys = unit->appendix ? appendix_keys : main_keys;
  size_t nkeys = unit->appendix ? 2 : 5;
  const char *end = p->end, *after;
  int open_line, open_column, rc;

  *body = s;
  if (!fm_delimiter(s, end, &after))
    goto done;
  locate(p, s, &open_line, &open_column);
  for (s = after;; s = after) {
    const char *le, *k, *ke, *q, *v, *ve, *key = NULL;
    parser vp;
    if (s >= end)
      return located(p,
                     bc_error_set(p->err, BC_ESYNTAX,
                                  "front matter opened here is never "
                                  "closed"),
                     open_line, open_column);
    if (fm_delimiter(s, end, &after)) {
      *body = after;
      goto done;
    }
    le = line_end_of(s, end);
    after = le < end ? le + 1 : end;
    k = skip_blanks(s, le);
    if (trim_end(k, le) == k)
      continue;
    ke = k;
    while (ke < le && is_name_char(*ke) && *ke != '.' && *ke != '@')
      ke++;
    q = skip_blanks(ke, le);
    if (ke == k || q == le || *q != ':')
      return fail_here(p, k,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "expected 'key: value' in front "
                                    "matter"));
    for (size_t i = 0; i < nkeys; i++)
      if (span_is(k, ke, keys[i]))
        key = keys[i];
    if (!key)
      return fail_here(p, k,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "unknown front-matter key '%.*s'",
                                    (int)(ke - k), k));
    for (size_t i = 0; i < unit->meta_count; i++)
      if (unit->meta[i].key == key)
        return fail_here(p, k,
                         bc_error_set(p->err, BC_ESYNTAX,
                                      "front-matter key '%s' is set twice",
                                      key));
    v = skip_blanks(q + 1, le);
    ve = trim_end(v, le);
    if (key == main_keys[3]) { /* phu_luc: names, not text */
      if ((rc = parse_appendix_list(p, v, ve)))
        return rc;
      continue;
    }
    if (key == main_keys[4] && !span_is(v, ve, "moi") &&
        !span_is(v, ve, "cu"))
      return fail_here(p, v,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "kieu_dau is 'moi' (hòa, khỏe, thủy) or "
                                    "'cu' (hoà, khoẻ, thuỷ), not '%.*s'",
                                    (int)(ve - v), v));
    if (key == appendix_keys[1] && !span_is(v, ve, "doc") &&
        !span_is(v, ve, "ngang"))
      return fail_here(p, v,
                       bc_error_set(p->err, BC_ESYNTAX,
                                    "huong is 'doc' (portrait) or 'ngang' "
                                    "(landscape), not '%.*s'",
                                    (int)(ve - v), v));

    parser_init(&vp, p->arena, p->label, v, (size_t)(ve - v), p->err);
    vp.cc = p->cc;
    vp.unit = p->unit;
    vp.where = bc_tr("front matter");
    vp.mode = MODE_INLINE;
    vp.depth = p->depth;
    locate(p, v, &vp.line, &vp.column);
    if ((rc = parse_span(&vp, v)))
      return rc;
    unit->meta[unit->meta_count].key = key;
    unit->meta[unit->meta_count].first = vp.first;
    unit->meta_count++;
  }
done:
  if (unit->appendix) {
    for (size_t i = 0; i < unit->meta_count; i++)
      if (unit->meta[i].key == appendix_keys[0])
        return 0;
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "an appendix needs a title: 'tieu_de: ...' "
                                "in its front matter"),
                   1, 1);
  }
  return 0;
}

/* Checks the encoding, skips a byte-order mark, parses, and checks that
 * every block was closed. */
static int parse_source(parser *p,
                        const char *src,
                        size_t len,
                        int bad_utf8_code,
                        bool front_matter) {
  size_t bad = bc_utf8_check(src, len);
  const char *s = src;
  int rc;

  if (bad != SIZE_MAX) {
    if (!src[bad])
      rc = bc_error_set(p->err, bad_utf8_code, "text contains a NUL byte");
    else
      rc = bc_error_set(p->err, bad_utf8_code,
                        "text is not valid UTF-8 (save it as UTF-8)");
    return fail_here(p, src + bad, rc);
  }
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    p->cur = s = src + 3; /* editors on Windows add it; it is no column */
  if (front_matter && (rc = parse_front_matter(p, s, &s)))
    return rc;
  if ((rc = parse_span(p, s)))
    return rc;
  if (p->nblocks) {
    const open_block *b = &p->blocks[p->nblocks - 1];
    return located(p,
                   bc_error_set(p->err, BC_ESYNTAX,
                                "{{#%s}} opened here is never closed", b->name),
                   b->node->line, b->node->column);
  }
  return 0;
}

static int compile_unit(compiler *cc,
                        bc_tunit *unit,
                        const char *src,
                        size_t len,
                        int depth,
                        bool front_matter) {
  parser p;
  int rc;
  parser_init(&p, &cc->t->arena, unit->label, src, len, cc->err);
  p.cc = cc;
  p.unit = unit;
  p.mode = MODE_BODY;
  p.depth = depth;
  rc = parse_source(&p, src, len, BC_ESYNTAX, front_matter);
  if (!rc)
    unit->first = p.first;
  return rc;
}

int bc_template__parse_inline(bc_tnode **out,
                              const char *src,
                              size_t len,
                              const char *label,
                              int bad_utf8_code,
                              bc_arena *arena,
                              bc_error *err) {
  parser p;
  int rc;
  parser_init(&p, arena, label, src, len, err);
  p.mode = MODE_INLINE;
  p.where = bc_tr("a narrative");
  rc = parse_source(&p, src, len, bad_utf8_code, false);
  if (!rc)
    *out = p.first;
  return rc;
}

static int
template_new(bc_template **out, const bc_allocator *alloc, bc_error *err) {
  bc_template *t = bc_calloc(alloc, 1, sizeof *t);
  if (!t)
    return bc_error_oom(err);
  t->alloc = alloc;
  bc_arena_init(&t->arena, alloc);
  *out = t;
  return 0;
}

int bc_template_compile(bc_template **out,
                        const char *root_dir,
                        const char *name,
                        const bc_allocator *alloc,
                        bc_error *err) {
  bc_template *t = NULL;
  compiler cc;
  bc_tunit *unit = NULL;
  int rc;

  assert(out && root_dir && name);
  if (!alloc)
    alloc = bc_allocator_default();
  if (!valid_partial_name(name, strlen(name)))
    return bc_error_set(err, BC_EINPUT, "invalid template name '%s'", name);
  if ((rc = template_new(&t, alloc, err)))
    return rc;
  cc.t = t;
  cc.root_dir = root_dir;
  cc.err = err;
  if ((rc = compile_file(&cc, &unit, name, strlen(name), 0, false)))
    goto cleanup;
  t->main = unit;
  *out = t;
  t = NULL;
cleanup:
  bc_template_free(t);
  return rc;
}

int bc_template_compile_string(bc_template **out,
                               const char *source,
                               size_t len,
                               const char *file_label,
                               const char *root_dir,
                               const bc_allocator *alloc,
                               bc_error *err) {
  bc_template *t = NULL;
  compiler cc;
  bc_tunit *unit;
  char *src;
  int rc;

  assert(out && (source || !len));
  if (!alloc)
    alloc = bc_allocator_default();
  if ((rc = template_new(&t, alloc, err)))
    return rc;
  unit = bc_arena_calloc(&t->arena, 1, sizeof *unit);
  src = bc_arena_strndup(&t->arena, len ? source : "", len);
  if (unit)
    unit->label = bc_arena_strdup(&t->arena, file_label ? file_label : "");
  if (!unit || !src || !unit->label) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  unit->source = src;
  unit->source_len = len;
  unit->next = t->units;
  t->units = unit;
  cc.t = t;
  cc.root_dir = root_dir;
  cc.err = err;
  unit->compiling = true;
  rc = compile_unit(&cc, unit, src, len, 0, true);
  unit->compiling = false;
  if (rc)
    goto cleanup;
  t->main = unit;
  *out = t;
  t = NULL;
cleanup:
  bc_template_free(t);
  return rc;
}

void bc_template_free(bc_template *t) {
  const bc_allocator *alloc;
  if (!t)
    return;
  alloc = t->alloc;
  bc_arena_release(&t->arena);
  bc_free(alloc, t);
}

void bc_template_sources(
    const bc_template *t,
    void (*fn)(void *ud, const char *name, const char *source, size_t len),
    void *ud) {
  /* The unit's name, not its path: the same files reached through another
   * spelling of the template directory are the same template. */
  for (const bc_tunit *u = t->units; u; u = u->next)
    fn(ud, u->name ? u->name : "", u->source ? u->source : "", u->source_len);
}
