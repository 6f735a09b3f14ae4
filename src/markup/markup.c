/* markup/markup.c: walks the cmark-gfm tree of the expanded Markdown and
 * converts it into bc_block/bc_span; list items become paragraphs that start
 * with the marker the author typed, as in Vietnamese official documents. */
#include "markup/markup.h"
#include "common/version.h"

#include "common/error.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <pthread.h>
#include <string.h>

typedef struct conv {
  bc_arena *arena;
  bc_error *err;
  const char *src; /* the Markdown, to read list markers back */
  size_t src_len;
  const size_t *line_starts;
  size_t line_count;
  /* growing arrays (arena) */
  bc_block *blocks;
  size_t block_count, block_cap;
  bc_span *spans;
  size_t span_count, span_cap;
  unsigned list_depth;      /* lists around the blocks being converted */
  unsigned pending_flags;   /* BC_LIST_* for the block that takes the
                               item's marker */
  unsigned block_flags;     /* BC_LIST_* of the block being collected */
} conv;

static int add_span(
    conv *c, const char *text, size_t len, unsigned style, unsigned flags) {
  bc_span *s;
  if (!len && !flags)
    return 0;
  c->spans = bc_arena_grow(c->arena, c->spans, c->span_count, &c->span_cap,
                           sizeof *c->spans);
  if (!c->spans)
    return bc_error_oom(c->err);
  s = &c->spans[c->span_count++];
  s->text = bc_arena_strndup(c->arena, text, len);
  if (!s->text)
    return bc_error_oom(c->err);
  s->len = len;
  s->style = style;
  s->flags = flags;
  return 0;
}

/* Converts the inline children of node, appending spans. */
static int add_inlines(conv *c, cmark_node *node, unsigned style) {
  int rc;
  for (cmark_node *n = cmark_node_first_child(node); n;
       n = cmark_node_next(n)) {
    cmark_node_type t = cmark_node_get_type(n);
    const char *lit;
    switch (t) {
    case CMARK_NODE_TEXT:
    case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
    case CMARK_NODE_CUSTOM_INLINE:
      lit = cmark_node_get_literal(n);
      if (lit && (rc = add_span(c, lit, strlen(lit), style, 0)))
        return rc;
      break;
    case CMARK_NODE_SOFTBREAK:
      if ((rc = add_span(c, " ", 1, style, 0)))
        return rc;
      break;
    case CMARK_NODE_LINEBREAK:
      if ((rc = add_span(c, "", 0, style, BC_SPAN_LINEBREAK)))
        return rc;
      break;
    case CMARK_NODE_EMPH:
      if ((rc = add_inlines(c, n, style | BC_DOC_ITALIC)))
        return rc;
      break;
    case CMARK_NODE_STRONG:
      if ((rc = add_inlines(c, n, style | BC_DOC_BOLD)))
        return rc;
      break;
    default: /* links, images, strikethrough: their text */
      if ((rc = add_inlines(c, n, style)))
        return rc;
      break;
    }
  }
  return 0;
}

static int begin_block(conv *c) {
  c->spans = NULL;
  c->span_count = c->span_cap = 0;
  c->block_flags = 0;
  return 0;
}

/* Starts the block with the item's marker, its label. */
static int add_marker(conv *c, const char *marker) {
  c->block_flags = c->pending_flags;
  c->pending_flags = 0;
  return add_span(c, marker, strlen(marker), 0, BC_SPAN_LABEL);
}

static int end_block(conv *c, bc_block_kind kind, int level, int line) {
  bc_block *b;
  if (!c->span_count)
    return 0;
  c->blocks = bc_arena_grow(c->arena, c->blocks, c->block_count, &c->block_cap,
                            sizeof *c->blocks);
  if (!c->blocks)
    return bc_error_oom(c->err);
  b = &c->blocks[c->block_count++];
  memset(b, 0, sizeof *b);
  b->kind = kind;
  b->level = level;
  b->spans = c->spans;
  b->span_count = c->span_count;
  b->source_line = line;
  b->list_depth = c->list_depth;
  b->list_flags = c->block_flags;
  return 0;
}

/* A GFM table: each cell's inlines become spans. */
static int convert_table(conv *c, cmark_node *t, int line) {
  size_t cols = cmark_gfm_extensions_get_table_columns(t), rows = 0;
  const uint8_t *al = cmark_gfm_extensions_get_table_alignments(t);
  bc_table *tb = bc_arena_calloc(c->arena, 1, sizeof *tb);
  bc_cell_align *align;
  bc_cell *cells;
  bc_block *b;
  int rc;

  for (cmark_node *r = cmark_node_first_child(t); r; r = cmark_node_next(r))
    rows++;
  if (!tb || !cols || !rows)
    return tb ? 0 : bc_error_oom(c->err);
  cells = bc_arena_calloc(c->arena, rows * cols, sizeof *cells);
  align = bc_arena_calloc(c->arena, cols, sizeof *align);
  if (!cells || !align)
    return bc_error_oom(c->err);
  for (size_t k = 0; k < cols; k++)
    align[k] = !al            ? BC_CELL_AUTO
               : al[k] == 'l' ? BC_CELL_LEFT
               : al[k] == 'c' ? BC_CELL_CENTER
               : al[k] == 'r' ? BC_CELL_RIGHT
                              : BC_CELL_AUTO;
  size_t r = 0;
  bool in_header = true;
  for (cmark_node *row = cmark_node_first_child(t); row;
       row = cmark_node_next(row), r++) {
    if (in_header && cmark_gfm_extensions_get_table_row_is_header(row))
      tb->header_rows++;
    else
      in_header = false;
    size_t k = 0;
    for (cmark_node *cell = cmark_node_first_child(row); cell && k < cols;
         cell = cmark_node_next(cell), k++) {
      begin_block(c);
      if ((rc = add_inlines(c, cell, 0)))
        return rc;
      cells[r * cols + k].spans = c->spans;
      cells[r * cols + k].span_count = c->span_count;
    }
  }
  tb->columns = cols;
  tb->rows = rows;
  tb->cells = cells;
  tb->align = align;
  c->blocks = bc_arena_grow(c->arena, c->blocks, c->block_count, &c->block_cap,
                            sizeof *c->blocks);
  if (!c->blocks)
    return bc_error_oom(c->err);
  b = &c->blocks[c->block_count++];
  memset(b, 0, sizeof *b);
  b->kind = BC_BLOCK_TABLE;
  b->table = tb;
  b->source_line = line;
  b->list_depth = c->list_depth;
  return 0;
}

/* The bullet character the author typed at the item's position. */
static char bullet_at(const conv *c, cmark_node *item) {
  int line = cmark_node_get_start_line(item);
  int col = cmark_node_get_start_column(item);
  if (line < 1 || (size_t)line > c->line_count || col < 1)
    return '-';
  size_t at = c->line_starts[line - 1] + (size_t)col - 1;
  /* The item may start at the indentation before its marker. */
  while (at < c->src_len && c->src[at] == ' ')
    at++;
  if (at < c->src_len &&
      (c->src[at] == '-' || c->src[at] == '+' || c->src[at] == '*'))
    return c->src[at];
  return '-';
}

static int convert_blocks(conv *c, cmark_node *parent, const char *marker);

static int convert_list(conv *c, cmark_node *list) {
  int number = cmark_node_get_list_start(list);
  bool ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
  char paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;
  unsigned first = BC_LIST_FIRST;
  int rc = 0;
  c->list_depth++;
  for (cmark_node *item = cmark_node_first_child(list); item;
       item = cmark_node_next(item)) {
    char marker[32];
    if (ordered) {
      snprintf(marker, sizeof marker, "%d%c ", number++, paren ? ')' : '.');
    } else {
      char b = bullet_at(c, item);
      snprintf(marker, sizeof marker, "%s ",
               b == '*'   ? "\xe2\x97\x8f" /* ● */
               : b == '+' ? "+"
                          : "-");
    }
    c->pending_flags = BC_LIST_ITEM | first;
    first = 0;
    if ((rc = convert_blocks(c, item, marker)))
      break;
  }
  c->pending_flags = 0;
  c->list_depth--;
  return rc;
}

/* Converts block children; marker (or NULL) starts the first paragraph. */
static int convert_blocks(conv *c, cmark_node *parent, const char *marker) {
  int rc;
  for (cmark_node *n = cmark_node_first_child(parent); n;
       n = cmark_node_next(n)) {
    int line = cmark_node_get_start_line(n);
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_PARAGRAPH:
    case CMARK_NODE_HEADING: {
      bool heading = cmark_node_get_type(n) == CMARK_NODE_HEADING;
      begin_block(c);
      if (marker) {
        if ((rc = add_marker(c, marker)))
          return rc;
        marker = NULL;
      }
      if ((rc = add_inlines(c, n, 0)) ||
          (rc = end_block(c, heading ? BC_BLOCK_HEADING : BC_BLOCK_PARAGRAPH,
                          heading ? cmark_node_get_heading_level(n) : 0, line)))
        return rc;
      break;
    }
    case CMARK_NODE_LIST:
      if (marker) {
        /* An item that starts with a nested list: show its own marker
         * alone, as the author wrote it. */
        begin_block(c);
        if ((rc = add_marker(c, marker)) ||
            (rc = end_block(c, BC_BLOCK_PARAGRAPH, 0, line)))
          return rc;
        marker = NULL;
      }
      if ((rc = convert_list(c, n)))
        return rc;
      break;
    case CMARK_NODE_BLOCK_QUOTE:
      if ((rc = convert_blocks(c, n, marker)))
        return rc;
      marker = NULL;
      break;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK: {
      /* Shown as text, line for line: data never becomes markup. */
      const char *lit = cmark_node_get_literal(n);
      size_t len = lit ? strlen(lit) : 0;
      begin_block(c);
      while (len && (lit[len - 1] == '\n' || lit[len - 1] == '\r'))
        len--;
      for (size_t i = 0, start = 0; i <= len; i++) {
        if (i == len || lit[i] == '\n') {
          if ((rc = add_span(c, lit + start, i - start, 0,
                             start ? BC_SPAN_LINEBREAK : 0)))
            return rc;
          start = i + 1;
        }
      }
      if ((rc = end_block(c, BC_BLOCK_PARAGRAPH, 0, line)))
        return rc;
      break;
    }
    case CMARK_NODE_THEMATIC_BREAK:
      break;
    default:
      if (strcmp(cmark_node_get_type_string(n), "table") == 0) {
        if ((rc = convert_table(c, n, line)))
          return rc;
        break;
      }
      if ((rc = convert_blocks(c, n, marker)))
        return rc;
      marker = NULL;
      break;
    }
  }
  return 0;
}

static void register_extensions(void) {
  cmark_gfm_core_extensions_ensure_registered();
}

void bc_markup_init(void) {
  /* cmark-gfm's registry is global and its own guard is not thread-safe:
   * bulk workers make their contexts at the same time. */
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, register_extensions);
}

/* The lines of s[0..len): their count, and (starts not NULL) where each
 * begins, starts[0] = 0. A memchr per line rather than a test per byte:
 * the whole report's Markdown, tens of KB, goes through here. */
static size_t find_line_starts(size_t *starts, const char *s, size_t len) {
  size_t n = 1;
  const char *q;
  if (starts)
    starts[0] = 0;
  for (size_t i = 0; i < len && (q = memchr(s + i, '\n', len - i)); n++) {
    i = (size_t)(q - s) + 1;
    if (starts)
      starts[n] = i;
  }
  return n;
}

int bc_markup_parse(bc_block **blocks_out,
                    size_t *count_out,
                    const char *markdown,
                    size_t len,
                    bc_arena *arena,
                    bc_error *err) {
  conv c;
  cmark_parser *parser = NULL;
  cmark_node *root = NULL;
  cmark_syntax_extension *table;
  size_t *starts, n_lines;
  int rc = 0;

  memset(&c, 0, sizeof c);
  c.arena = arena;
  c.err = err;
  c.src = markdown;
  c.src_len = len;
  n_lines = find_line_starts(NULL, markdown, len);
  starts = bc_arena_calloc(arena, n_lines, sizeof *starts);
  if (!starts)
    return bc_error_oom(err);
  find_line_starts(starts, markdown, len);
  c.line_starts = starts;
  c.line_count = n_lines;

  parser = cmark_parser_new(CMARK_OPT_DEFAULT);
  if (!parser)
    return bc_error_oom(err);
  table = cmark_find_syntax_extension("table");
  if (table)
    cmark_parser_attach_syntax_extension(parser, table);
  cmark_parser_feed(parser, markdown, len);
  root = cmark_parser_finish(parser);
  if (!root) {
    rc = bc_error_set(err, BC_ENOMEM, "cannot parse the Markdown");
    goto cleanup;
  }
  if ((rc = convert_blocks(&c, root, NULL)))
    goto cleanup;
  *blocks_out = c.blocks;
  *count_out = c.block_count;
cleanup:
  cmark_node_free(root);
  cmark_parser_free(parser);
  return rc;
}

void bc_markup_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "cmark-gfm", cmark_version_string());
}
