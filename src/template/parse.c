/* template/parse.c: template syntax to the nodes of template_int.h (text,
 * values, narratives, blocks, partials), with file:line:col on every
 * error. Front matter is frontmatter.c's, files and units compile.c's;
 * expansion lives in expand.c, formatters in format.c. */
#include "template/template_int.h"
#include "common/i18n.h"

#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "common/alloc.h"
#include "common/error.h"
#include "common/utf8.h"

bool bc_template__is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool bc_template__is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '@';
}

const char *bc_template__skip_blanks(const char *s, const char *end) {
  while (s < end && bc_template__is_blank(*s))
    s++;
  return s;
}

const char *bc_template__trim_end(const char *s, const char *e) {
  while (e > s && (bc_template__is_blank(e[-1]) || e[-1] == '\r'))
    e--;
  return e;
}

/* The end of a word: up to a blank, '|' or end. */
static const char *word_end(const char *s, const char *end) {
  while (s < end && !bc_template__is_blank(*s) && *s != '|')
    s++;
  return s;
}

bool bc_template__span_is(const char *s, const char *e, const char *lit) {
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

const char *bc_template__line_end(const char *s, const char *end) {
  const char *nl = memchr(s, '\n', (size_t)(end - s));
  return nl ? nl : end;
}

/* Moves the cursor to at and reports its line and column. Columns count
 * code points from 1 (a Vietnamese letter is one column, as in an
 * editor); a tab is one column. */
void bc_template__locate(bc_tparser *p,
                         const char *at,
                         int *line,
                         int *column) {
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

int bc_template__located(bc_tparser *p, int rc, int line, int column) {
  bc_error_locate(p->err, p->label, line, column);
  return rc;
}

/* An error at a position not yet passed. */
int bc_template__fail_here(bc_tparser *p, const char *at, int rc) {
  int line, column;
  bc_template__locate(p, at, &line, &column);
  return bc_template__located(p, rc, line, column);
}

static bc_tnode *
new_node(bc_tparser *p, bc_tnode_kind kind, int line, int column) {
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

static int add_text(bc_tparser *p, const char *s, const char *e) {
  bc_tnode *n;
  int line, column;
  if (s >= e)
    return 0;
  bc_template__locate(p, s, &line, &column);
  n = new_node(p, BC_TNODE_TEXT, line, column);
  if (!n)
    return bc_error_oom(p->err);
  n->text = s;
  n->len = (size_t)(e - s);
  return 0;
}

static int
parse_name(bc_tparser *p, bc_tname *out, const char *s, const char *e) {
  static const char *const reserved[] = {"co_quan.",  "ky.",   "bao_cao.",
                                         "nguoi_ky.", "tong.", "trung_binh."};
  size_t len = (size_t)(e - s);
  int n = (int)len;
  bool ok = len > 0;

  memset(out, 0, sizeof *out);
  for (size_t i = 0; ok && i < len; i++) {
    if (!bc_template__is_name_char(s[i]) || (s[i] == '@' && i > 0) ||
        (s[i] == '.' && (i == 0 || i + 1 == len || s[i + 1] == '.')))
      ok = false;
  }
  if (!ok)
    return bc_template__fail_here(
        p, s, bc_error_set(p->err, BC_ESYNTAX, "invalid name '%.*s'", n, s));
  out->s = s;
  out->len = len;
  if (s[0] == '@') {
    if (bc_template__span_is(s, e, "@index"))
      out->kind = BC_TNAME_INDEX;
    else if (bc_template__span_is(s, e, "@first"))
      out->kind = BC_TNAME_FIRST;
    else if (bc_template__span_is(s, e, "@last"))
      out->kind = BC_TNAME_LAST;
    else if (bc_template__span_is(s, e, "@stt"))
      out->kind = BC_TNAME_STT;
    else
      return bc_template__fail_here(
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
  if (bc_template__span_is(s, e, "noi_nhan") ||
      bc_template__span_is(s, e, "chi_so") ||
      bc_template__span_is(s, e, "nhom_chi_so") ||
      bc_template__span_is(s, e, "don_vi") ||
      bc_template__span_is(s, e, "so_don_vi"))
    out->reserved = true;
  return 0;
}

/* A double-quoted string at *q with \" and \\ escapes; *q moves past it. */
static int parse_string(bc_tparser *p,
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
  bc_template__locate(p, quote, &line, &column);
  for (;;) {
    if (s >= ce)
      return bc_template__located(
          p, bc_error_set(p->err, BC_ESYNTAX, "unterminated string"), line,
          column);
    if (*s == '"')
      break;
    if (*s == '\\') {
      if (s + 1 < ce && (s[1] == '"' || s[1] == '\\')) {
        buf[n++] = s[1];
        s += 2;
        continue;
      }
      return bc_template__fail_here(
          p, s,
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
static int parse_formatter(bc_tparser *p,
                           bc_tnode *node,
                           bc_tfmt *f,
                           const char **q_io,
                           const char *ce) {
  const char *q = bc_template__skip_blanks(*q_io + 1, ce);
  const char *fe = word_end(q, ce);
  bc_targ_kind arg;
  int strings = 0, numbers = 0, names = 0, rc;
  size_t ref_cap = 0;
  bool bad = false, ok;
  const char *name;

  bc_template__locate(p, q, &f->line, &f->column);
  if (fe == q)
    return bc_template__located(
        p, bc_error_set(p->err, BC_ESYNTAX, "missing formatter after '|'"),
        f->line, f->column);
  if (!bc_template__formatter_find(&f->kind, &arg, q, (size_t)(fe - q)))
    return bc_template__located(p,
                                bc_error_set(p->err, BC_ESYNTAX,
                                             "unknown formatter '%.*s'",
                                             (int)(fe - q), q),
                                f->line, f->column);
  name = bc_template__formatter_name(f->kind);
  f->decimals = -1;
  q = fe;
  for (;;) {
    q = bc_template__skip_blanks(q, ce);
    if (q >= ce || *q == '|')
      break;
    if (*q == '"') {
      strings++;
      if ((rc = parse_string(p, &q, ce, &f->text, &f->text_len)))
        return rc;
      continue;
    }
    const char *we = q;
    while (we < ce && !bc_template__is_blank(*we) && *we != '|' && *we != '"')
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
      return bc_template__located(
          p,
          bc_error_set(p->err, BC_ESYNTAX,
                       "formatter '%s' takes one text in double "
                       "quotes, e.g. %s \"không có\"",
                       name, name),
          f->line, f->column);
    return bc_template__located(p,
                                bc_error_set(p->err, BC_ESYNTAX,
                                             "formatter '%s' takes %s", name,
                                             formatter_usage(arg)),
                                f->line, f->column);
  }
  if (f->kind == BC_TFMT_DINH_DANG) {
    const char *fault = bc_template__pattern_fault(f->text, f->text_len);
    if (fault)
      return bc_template__located(
          p,
          bc_error_set(p->err, BC_ESYNTAX,
                       "formatter 'dinh_dang': '%c' in \"%.*s\" is "
                       "not d, dd, M, MM or yyyy; letters other "
                       "than those cannot be in a pattern",
                       *fault, (int)f->text_len, f->text),
          f->line, f->column);
  }
  if (f->kind == BC_TFMT_TONG && node->fmt_count)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "formatter 'tong' adds up a list: it comes "
                     "first, right after the list's name"),
        f->line, f->column);
  if (f->kind == BC_TFMT_MAC_DINH) {
    if (node->fallback)
      return bc_template__located(p,
                                  bc_error_set(p->err, BC_ESYNTAX,
                                               "formatter '%s' is given twice",
                                               name),
                                  f->line, f->column);
    node->fallback = f;
  }
  if (bc_tfmt_sorts(f->kind) != (node->kind == BC_TNODE_EACH))
    return bc_template__located(
        p,
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
static int parse_value(
    bc_tparser *p, const char *cs, const char *ce, int line, int column) {
  const char *ne = word_end(cs, ce), *q;
  bc_tnode *node;
  bc_tfmt *fmts;
  size_t nf = 0;
  int rc;

  if (ne == cs)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "placeholder has no name before '|'"),
        line, column);
  node = new_node(p, BC_TNODE_VALUE, line, column);
  if (!node)
    return bc_error_oom(p->err);
  if ((rc = parse_name(p, &node->name, cs, ne)))
    return rc;
  if (node->name.kind == BC_TNAME_NARRATIVE)
    return bc_template__located(
        p,
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
  q = bc_template__skip_blanks(ne, ce);
  while (q < ce) {
    if (*q != '|') {
      const char *we = word_end(q, ce);
      if (we == q)
        we = q + 1;
      return bc_template__fail_here(
          p, q,
          bc_error_set(p->err, BC_ESYNTAX, "unexpected '%.*s' in placeholder",
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
    bc_tparser *p, const char *at, int line, int column, const char **next) {
  const char *le = bc_template__line_end(at, p->end);
  const char *close = find_str(at + 3, le, "}}}");
  const char *cs, *ce, *ne, *q;
  bc_tnode *node;
  int rc;

  if (!close)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "'{{{' without '}}}' on the same line"),
        line, column);
  *next = close + 3;
  if (p->mode == BC_TPARSE_INLINE)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "only value placeholders are allowed in %s", p->where),
        line, column);
  cs = bc_template__skip_blanks(at + 3, close);
  ce = bc_template__trim_end(cs, close);
  ne = word_end(cs, ce);
  if (ne == cs)
    return bc_template__located(
        p, bc_error_set(p->err, BC_ESYNTAX, "empty placeholder"), line, column);
  if (ne - cs <= 10 || memcmp(cs, "narrative.", 10) != 0)
    return bc_template__located(
        p,
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
  q = bc_template__skip_blanks(ne, ce);
  if (q < ce) {
    if (*q == '|')
      return bc_template__fail_here(
          p, q,
          bc_error_set(p->err, BC_ESYNTAX,
                       "formatters cannot be applied to a "
                       "narrative"));
    return bc_template__fail_here(
        p, q,
        bc_error_set(p->err, BC_ESYNTAX, "unexpected '%.*s' in placeholder",
                     (int)(word_end(q, ce) - q), q));
  }
  return 0;
}

/* {{#if name}}, {{#unless name}}, {{#each name}} */
static int parse_open(
    bc_tparser *p, const char *cs, const char *ce, int line, int column) {
  const char *k = bc_template__skip_blanks(cs + 1, ce), *ke = k, *ns, *ne,
             *rest;
  const char *name;
  bc_tnode *node;
  bc_topen_block *b;
  int rc;

  while (ke < ce && *ke >= 'a' && *ke <= 'z')
    ke++;
  if (bc_template__span_is(k, ke, "if"))
    name = "if";
  else if (bc_template__span_is(k, ke, "unless"))
    name = "unless";
  else if (bc_template__span_is(k, ke, "each"))
    name = "each";
  else
    return bc_template__located(p,
                                bc_error_set(p->err, BC_ESYNTAX,
                                             "unknown block '{{#%.*s}}'",
                                             (int)(word_end(k, ce) - k), k),
                                line, column);
  ns = bc_template__skip_blanks(ke, ce);
  if (ns == ce)
    return bc_template__located(
        p, bc_error_set(p->err, BC_ESYNTAX, "{{#%s}} needs a name", name), line,
        column);
  ne = word_end(ns, ce);
  if (ne == ns)
    ne = ns + 1;
  rest = bc_template__skip_blanks(ne, ce);
  if (p->nblocks == BC_TEMPLATE_MAX_NESTING)
    return bc_template__located(
        p,
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
    rest = bc_template__skip_blanks(rest, ce);
  }
  if (rest < ce)
    return bc_template__fail_here(
        p, rest,
        bc_error_set(p->err, BC_ESYNTAX,
                     node->kind == BC_TNODE_EACH
                         ? BC_NF_("{{#%s}} takes a name and at most "
                                  "one order (| giam_dan name)")
                         : BC_NF_("{{#%s}} takes only a name"),
                     name));
  if (node->kind == BC_TNODE_EACH && node->name.kind == BC_TNAME_NARRATIVE)
    return bc_template__located(
        p,
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
static int parse_close(
    bc_tparser *p, const char *cs, const char *ce, int line, int column) {
  const char *k = bc_template__skip_blanks(cs + 1, ce), *ke = word_end(k, ce);
  const char *name = NULL;
  bc_topen_block *b;

  if (bc_template__span_is(k, ke, "if"))
    name = "if";
  else if (bc_template__span_is(k, ke, "unless"))
    name = "unless";
  else if (bc_template__span_is(k, ke, "each"))
    name = "each";
  if (!name)
    return bc_template__located(p,
                                bc_error_set(p->err, BC_ESYNTAX,
                                             "unknown closing tag '{{/%.*s}}'",
                                             (int)(ke - k), k),
                                line, column);
  if (bc_template__skip_blanks(ke, ce) < ce)
    return bc_template__located(p,
                                bc_error_set(p->err, BC_ESYNTAX,
                                             "{{/%s}} takes nothing after it",
                                             name),
                                line, column);
  if (!p->nblocks)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "{{/%s}} without {{#%s}}", name, name),
        line, column);
  b = &p->blocks[p->nblocks - 1];
  if (strcmp(b->name, name) != 0)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "{{/%s}} does not match {{#%s}} opened at "
                     "%d:%d",
                     name, b->name, b->node->line, b->node->column),
        line, column);
  p->tail = b->parent_tail;
  p->nblocks--;
  return 0;
}

static int parse_else(bc_tparser *p, int line, int column) {
  bc_topen_block *b = p->nblocks ? &p->blocks[p->nblocks - 1] : NULL;
  if (!b)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "{{else}} outside {{#if}} or {{#unless}}"),
        line, column);
  if (b->node->kind == BC_TNODE_EACH)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "{{else}} cannot be used in {{#each}}"),
        line, column);
  if (b->in_else)
    return bc_template__located(p,
                                bc_error_set(p->err, BC_ESYNTAX,
                                             "second {{else}} in one {{#%s}}",
                                             b->name),
                                line, column);
  b->in_else = true;
  p->tail = &b->node->alt;
  return 0;
}

/* {{> name}} */
static int parse_partial(bc_tparser *p,
                         const char *cs,
                         const char *ce,
                         int line,
                         int column,
                         bool standalone) {
  const char *s = bc_template__skip_blanks(cs + 1, ce);
  size_t len = (size_t)(ce - s);
  int n = (int)len;
  bc_tunit *unit;
  bc_tnode *node;
  int rc;

  if (!p->cc || !p->cc->root_dir)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "partial '%.*s' cannot be used: no template "
                     "directory",
                     n, s),
        line, column);
  if (!bc_template__valid_name(s, len))
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "invalid partial name '%.*s'", n, s),
        line, column);
  for (unit = p->cc->t->units; unit; unit = unit->next)
    if (!unit->appendix && unit->name && strlen(unit->name) == len &&
        memcmp(unit->name, s, len) == 0)
      break;
  if (unit && unit->compiling)
    return bc_template__located(p,
                                bc_error_set(p->err, BC_ESYNTAX,
                                             "partial '%.*s' includes itself",
                                             n, s),
                                line, column);
  if (p->depth + 1 + (unit ? unit->height : 0) > BC_TEMPLATE_MAX_INCLUDE)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "partials are nested deeper than %d levels",
                     BC_TEMPLATE_MAX_INCLUDE),
        line, column);
  if (!unit) {
    rc = bc_template__compile_file(p->cc, &unit, s, len, p->depth + 1, false);
    if (rc)
      return rc == BC_ENOMEM ? rc : bc_template__located(p, rc, line, column);
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
  return bc_template__span_is(cs, ce, "else");
}

/* One tag starting with "{{" at at; *next is set past it. */
static int
parse_tag(bc_tparser *p, const char *at, bool standalone, const char **next) {
  const char *end = p->end, *c, *close, *cs, *ce;
  int line, column;

  bc_template__locate(p, at, &line, &column);
  if (at + 2 < end && at[2] == '{')
    return parse_triple(p, at, line, column, next);
  c = bc_template__skip_blanks(at + 2, end);
  if (c < end && *c == '!') {
    close = find_str(c, end, "}}");
    if (!close)
      return bc_template__located(
          p, bc_error_set(p->err, BC_ESYNTAX, "comment is never closed"), line,
          column);
    *next = close + 2;
    return 0;
  }
  close = find_close(at + 2, end);
  if (!close) /* perhaps an unterminated string: let the parse say so */
    close = find_str(at + 2, bc_template__line_end(at, end), "}}");
  if (!close)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "'{{' without '}}' on the same line"),
        line, column);
  *next = close + 2;
  cs = bc_template__skip_blanks(at + 2, close);
  ce = bc_template__trim_end(cs, close);
  if (cs == ce)
    return bc_template__located(
        p, bc_error_set(p->err, BC_ESYNTAX, "empty placeholder"), line, column);
  if (*cs != '#' && *cs != '/' && *cs != '>' && !is_else(cs, ce))
    return parse_value(p, cs, ce, line, column);
  if (p->mode == BC_TPARSE_INLINE)
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "only value placeholders are allowed in %s", p->where),
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
  c = bc_template__skip_blanks(c, end);
  *comment = c < end && *c == '!';
  if (c >= end)
    return false;
  if (*c == '#' || *c == '/' || *c == '>' || *c == '!')
    return true;
  if (end - c >= 4 && memcmp(c, "else", 4) == 0) {
    c = bc_template__skip_blanks(c + 4, end);
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
    q = bc_template__skip_blanks(q, end);
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
int bc_template__parse_span(bc_tparser *p, const char *s) {
  const char *end = p->end, *text = s, *le = NULL, *b;
  bool line_start = true;
  int rc;

  while (s < end) {
    if (line_start && p->mode == BC_TPARSE_BODY) {
      const char *after, *q;
      line_start = false;
      if (standalone_line(s, end, &after)) {
        if ((rc = add_text(p, text, s)))
          return rc;
        q = bc_template__skip_blanks(s, after);
        while (q + 1 < after && q[0] == '{' && q[1] == '{') {
          if ((rc = parse_tag(p, q, true, &q)))
            return rc;
          q = bc_template__skip_blanks(q, after);
        }
        s = text = after;
        line_start = true;
        continue;
      }
    }
    if (!le || le < s)
      le = bc_template__line_end(s, end);
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

void bc_template__parser_init(bc_tparser *p,
                              bc_arena *arena,
                              const char *label,
                              const char *src,
                              size_t len,
                              bc_error *err) {
  memset(p, 0, offsetof(bc_tparser, blocks));
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

/* Checks the encoding, skips a byte-order mark, parses, and checks that
 * every block was closed. */
int bc_template__parse_source(bc_tparser *p,
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
    return bc_template__fail_here(p, src + bad, rc);
  }
  if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
    p->cur = s = src + 3; /* editors on Windows add it; it is no column */
  if (front_matter && (rc = bc_template__parse_front_matter(p, s, &s)))
    return rc;
  if ((rc = bc_template__parse_span(p, s)))
    return rc;
  if (p->nblocks) {
    const bc_topen_block *b = &p->blocks[p->nblocks - 1];
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX, "{{#%s}} opened here is never closed",
                     b->name),
        b->node->line, b->node->column);
  }
  return 0;
}

int bc_template__parse_inline(bc_tnode **out,
                              const char *src,
                              size_t len,
                              const char *label,
                              int bad_utf8_code,
                              bc_arena *arena,
                              bc_error *err) {
  bc_tparser p;
  int rc;
  bc_template__parser_init(&p, arena, label, src, len, err);
  p.mode = BC_TPARSE_INLINE;
  p.where = bc_tr("a narrative");
  rc = bc_template__parse_source(&p, src, len, bad_utf8_code, false);
  if (!rc)
    *out = p.first;
  return rc;
}
