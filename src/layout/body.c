/* layout/body.c: body blocks into justified lines (words shaped, Knuth-Plass
 * breaks from text/linebreak.c, long words and addresses broken at safe
 * points) and their pagination.
 *
 * Design notes (pagination):
 *  1. A paragraph never leaves its first line alone at the bottom of a page
 *     (orphan) nor its last line alone at the top (widow), when it has the
 *     lines to avoid it (2 for orphans, 3 for widows).
 *  2. A heading stays on the page of the first two lines of what follows.
 *  3. Space after a block is dropped at the bottom of a page.
 */
#include "layout/layout_int.h"

#include "common/alloc.h"
#include "common/error.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Glue stretch for the end of a paragraph: effectively infinite. */
#define FILL 1e6
/* Breaking inside a web address costs about as much as a line with
 * spaces at twice their width: used when the paragraph needs it, not
 * to polish spacing (a break inside an address also splits it in
 * copied text). Breaking between any two characters costs more. */
#define PENALTY_ADDRESS 1000
#define PENALTY_ANYWHERE 3000

typedef struct frag {
  unsigned style;
  const char *text;
  size_t len;
  bc_shaped sh;
} frag;

/* A part of a fragment's glyphs that the line breaker moves as one. */
typedef struct piece {
  const frag *f;
  size_t first, count;
  size_t clusters; /* the characters among its glyphs (where tracking goes) */
  double width;
} piece;

/* What the breaker does not need to know about an item. */
typedef struct item_info {
  size_t piece_first; /* a box's pieces */
  size_t piece_count;
  size_t clusters; /* a box's characters, when the paragraph has tracking */
  unsigned style; /* a glue's space style */
} item_info;

/* The growing arrays of a para, kept in the lay between paragraphs. */
struct lay_para_arrays {
  bc_item *items;
  item_info *info;
  piece *pieces;
  frag **word;
  size_t item_cap, info_cap, piece_cap, word_cap;
};

typedef struct para {
  lay *l;
  double size;
  double measure;
  double expansion; /* how much wider or narrower glyphs may be drawn, as a
                       fraction (font expansion), 0 for none */
  double tracking;  /* how much space may be added after or taken from each
                       character (cluster), points, 0 for none */
  bc_item *items;  /* for bc_break_lines */
  item_info *info; /* in step with items */
  size_t item_count, item_cap, info_cap;
  piece *pieces;
  size_t piece_n, piece_cap;
  /* the word being collected; fragments live in the arena because pieces
   * point at them */
  frag **word;
  size_t word_n, word_cap;
  frag *frags; /* room for frags_left more fragments, in l->scratch */
  size_t frags_left;
  bool pending_space;
  unsigned space_style;
} para;

/*
 * Room for one more of count elements of size bytes in array (cap of
 * them): the block doubles (16 at first) by bc_realloc, outside the
 * arena, so that no old copy is left behind; bc_layout__fini frees it.
 * Returns the array, moved or not, or NULL when out of memory (array
 * still valid).
 */
static void *grow(lay *l, void *array, size_t count, size_t *cap, size_t size) {
  size_t n = *cap ? *cap * 2 : 16;
  void *p;
  if (count < *cap)
    return array;
  if (*cap > SIZE_MAX / 2 || n > SIZE_MAX / size ||
      !(p = bc_realloc(l->arena->alloc, array, n * size)))
    return NULL;
  *cap = n;
  return p;
}

static int add_item(para *p,
                    bc_item_kind kind,
                    double width,
                    double stretch,
                    double shrink,
                    int penalty,
                    unsigned style) {
  void *a;
  if (p->item_count >= p->item_cap || p->item_count >= p->info_cap) {
    if (!(a = grow(p->l, p->items, p->item_count, &p->item_cap,
                   sizeof *p->items)))
      return bc_error_oom(p->l->err);
    p->items = a;
    if (!(a = grow(p->l, p->info, p->item_count, &p->info_cap,
                   sizeof *p->info)))
      return bc_error_oom(p->l->err);
    p->info = a;
  }
  size_t i = p->item_count++;
  p->items[i] = (bc_item){kind, width, stretch, shrink, penalty};
  p->info[i] = (item_info){p->piece_n, 0, 0, style};
  return 0;
}

/* Glyph j of f ends its cluster. */
static bool cluster_end(const frag *f, size_t j) {
  return j + 1 == f->sh.count ||
         f->sh.glyphs[j + 1].cluster != f->sh.glyphs[j].cluster;
}

static int add_piece(para *p, const frag *f, size_t first, size_t count) {
  piece *pc;
  double w = 0;
  size_t clusters = 0;
  if (p->piece_n >= p->piece_cap) {
    void *a =
        grow(p->l, p->pieces, p->piece_n, &p->piece_cap, sizeof *p->pieces);
    if (!a)
      return bc_error_oom(p->l->err);
    p->pieces = a;
  }
  for (size_t i = first; i < first + count; i++) {
    w += f->sh.glyphs[i].x_advance;
    clusters += cluster_end(f, i);
  }
  pc = &p->pieces[p->piece_n++];
  pc->f = f;
  pc->first = first;
  pc->count = count;
  pc->clusters = clusters;
  pc->width = bc_layout__fu(p->l, f->style, w, p->size);
  return 0;
}

/* A space, tab or line feed: what separates words (one comparison for
 * most bytes). */
static inline bool is_separator(char c) {
  unsigned char u = (unsigned char)c;
  return u <= ' ' && (u == ' ' || u == '\t' || u == '\n');
}

static bool is_delimiter(char c) {
  return c == '/' || c == '.' || c == '-' || c == '?' || c == '&' || c == '=' ||
         c == '_' || c == '#';
}

static bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || c == '%';
}

/*
 * Emits the collected word as boxes. An ordinary word is one box. A web
 * address, or any word wider than the measure, may break after / . - ? & =
 * _ # (no hyphen is added); a part still wider than the measure breaks
 * between any two characters.
 */
static int flush_word(para *p) {
  double total = 0;
  bool url = false;
  int rc;
  if (!p->word_n)
    return 0;
  if (p->pending_space) {
    double w = bc_layout__fu(p->l, p->space_style,
                             p->l->space_advance_fu[p->space_style], p->size);
    if ((rc = add_item(p, BC_ITEM_GLUE, w, w / 2, w / 3, 0, p->space_style)))
      return rc;
  }
  p->pending_space = false;
  for (size_t k = 0; k < p->word_n; k++) {
    const frag *f = p->word[k];
    total += bc_layout__fu(p->l, f->style, f->sh.width, p->size);
    /* "://" (a loop: a word is a few bytes, shorter than memchr's call) */
    for (size_t i = 0; !url && i + 3 <= f->len; i++)
      url = f->text[i] == ':' && f->text[i + 1] == '/' && f->text[i + 2] == '/';
    if (f->len > 4 && !memcmp(f->text, "www.", 4))
      url = true;
  }
  if (!url && total <= p->measure) {
    if ((rc = add_item(p, BC_ITEM_BOX, total, 0, 0, 0, p->word[0]->style)))
      return rc;
    for (size_t k = 0; k < p->word_n; k++)
      if ((rc = add_piece(p, p->word[k], 0, p->word[k]->sh.count)))
        return rc;
    p->info[p->item_count - 1].piece_count = p->word_n;
    p->word_n = 0;
    return 0;
  }
  /* Walk the clusters, grouping them into boxes at the allowed breaks. */
  double box_w = 0;
  bool box_open = false;
  for (size_t k = 0; k < p->word_n; k++) {
    const frag *f = p->word[k];
    size_t i = 0;
    while (i < f->sh.count) {
      size_t cs = f->sh.glyphs[i].cluster, j = i + 1;
      size_t ce = bc_shaped_cluster_end(&f->sh, i, f->len);
      while (j < f->sh.count && f->sh.glyphs[j].cluster == cs)
        j++;
      double w = 0;
      for (size_t g = i; g < j; g++)
        w += f->sh.glyphs[g].x_advance;
      w = bc_layout__fu(p->l, f->style, w, p->size);
      /* A cluster that would overflow the current box starts a new one,
       * with a costly break: the emergency case. */
      if (box_open && box_w + w > p->measure) {
        if ((rc = add_item(p, BC_ITEM_PENALTY, 0, 0, 0, PENALTY_ANYWHERE,
                           f->style)))
          return rc;
        box_open = false;
      }
      if (!box_open) {
        if ((rc = add_item(p, BC_ITEM_BOX, 0, 0, 0, 0, f->style)))
          return rc;
        box_open = true;
        box_w = 0;
      }
      if ((rc = add_piece(p, f, i, j - i)))
        return rc;
      p->info[p->item_count - 1].piece_count++;
      p->items[p->item_count - 1].width += w;
      box_w += w;
      /* A break after a delimiter when a letter or digit follows, so that
       * "//" stays whole and a closing ")" or "." never starts a line. */
      char last = f->text[ce - 1];
      char next = j < f->sh.count     ? f->text[f->sh.glyphs[j].cluster]
                  : k + 1 < p->word_n ? p->word[k + 1]->text[0]
                                      : 0;
      if (is_delimiter(last) && is_alnum(next)) {
        if ((rc = add_item(p, BC_ITEM_PENALTY, 0, 0, 0, PENALTY_ADDRESS,
                           f->style)))
          return rc;
        box_open = false;
      }
      i = j;
    }
  }
  p->word_n = 0;
  return 0;
}

static int add_fragment(para *p, const char *text, size_t len, unsigned style) {
  frag *f;
  int rc;
  if (p->word_n >= p->word_cap) {
    void *a = grow(p->l, p->word, p->word_n, &p->word_cap, sizeof *p->word);
    if (!a)
      return bc_error_oom(p->l->err);
    p->word = a;
  }
  if (!p->frags_left) { /* a block of them: one allocation, not 32 */
    if (!(p->frags = bc_arena_alloc(&p->l->scratch, 32 * sizeof *p->frags)))
      return bc_error_oom(p->l->err);
    p->frags_left = 32;
  }
  f = p->frags++;
  p->frags_left--;
  p->word[p->word_n] = f;
  f->style = style;
  f->text = text;
  f->len = len;
  if ((rc = bc_shaper_shape(&f->sh, p->l->shaper, (bc_style)style, text, len,
                            &p->l->scratch, p->l->err)) ||
      (rc = bc_layout__check_clusters(p->l, &f->sh, len)))
    return rc;
  p->word_n++;
  return 0;
}

static int forced_break(para *p, unsigned style) {
  int rc;
  if ((rc = flush_word(p)) ||
      (rc = add_item(p, BC_ITEM_GLUE, 0, FILL, 0, 0, style)) ||
      (rc = add_item(p, BC_ITEM_PENALTY, 0, 0, 0, -BC_PENALTY_INF, style)))
    return rc;
  p->pending_space = false;
  return 0;
}

/* Turns spans into items. */
static int build_items(para *p,
                       const bc_span *spans,
                       size_t span_count,
                       unsigned block_style,
                       double indent) {
  int rc;
  if (indent > 0 && (rc = add_item(p, BC_ITEM_BOX, indent, 0, 0, 0, 0)))
    return rc;
  for (size_t s = 0; s < span_count; s++) {
    const bc_span *sp = &spans[s];
    unsigned style = (sp->style | block_style) & 3u;
    if ((sp->flags & BC_SPAN_LINEBREAK) && (rc = forced_break(p, style)))
      return rc;
    for (size_t i = 0; i < sp->len;) {
      if (is_separator(sp->text[i])) {
        if ((rc = flush_word(p)))
          return rc;
        /* A space counts only after a word: none at the start of a line. */
        if (p->item_count && p->items[p->item_count - 1].kind == BC_ITEM_BOX &&
            p->info[p->item_count - 1].piece_count) {
          p->pending_space = true;
          p->space_style = style;
        }
        i++;
        continue;
      }
      size_t j = i;
      while (j < sp->len && !is_separator(sp->text[j]))
        j++;
      if ((rc = add_fragment(p, sp->text + i, j - i, style)))
        return rc;
      i = j;
    }
  }
  return forced_break(p, 0);
}

/* How one line is set: its glue at ratio r (of its stretch when > 0, of
 * its shrink when < 0), its glyphs scaled by 1 + expansion and tracking
 * points added after each character but the last. */
typedef struct line_set {
  double r;
  double expansion;
  double tracking;
} line_set;

/* The characters (clusters) of a box: where tracking goes. */
static size_t box_clusters(const para *p, size_t i) {
  size_t n = 0;
  for (size_t k = 0; k < p->info[i].piece_count; k++)
    n += p->pieces[p->info[i].piece_first + k].clusters;
  return n;
}

/* Builds the runs of one line: items[from..to) set as ls says. */
static int emit_line(
    lay_line *out, para *p, size_t from, size_t to, line_set ls, double x0) {
  const double r = ls.r, scale = 1 + ls.expansion;
  size_t glyphs = 0, runs = 0;
  unsigned style = ~0u;
  /* Count glyphs and style changes to allocate once. */
  for (size_t i = from; i < to; i++) {
    if (p->items[i].kind == BC_ITEM_BOX) {
      for (size_t k = 0; k < p->info[i].piece_count; k++) {
        const piece *pc = &p->pieces[p->info[i].piece_first + k];
        glyphs += pc->count;
        if (pc->f->style != style && pc->count)
          runs++, style = pc->f->style;
      }
    } else if (p->items[i].kind == BC_ITEM_GLUE && p->items[i].width > 0) {
      glyphs++;
      if (p->info[i].style != style)
        runs++, style = p->info[i].style;
    }
  }
  /* Every field of the glyphs is set below; one more for a space after
   * the line (space_after_line). */
  bc_placed_glyph *g = bc_arena_alloc(p->l->arena, (glyphs + 1) * sizeof *g);
  bc_run *rr = bc_arena_calloc(p->l->arena, runs + 1, sizeof *rr);
  if (!g || !rr)
    return bc_error_oom(p->l->err);
  double x = x0, natural = 0, glue = 0, glue_set = 0;
  size_t ng = 0, nr = 0, last = SIZE_MAX; /* last character's glyph */
  bc_run *cur = NULL;                      /* rr[nr - 1] */
  style = ~0u;
  for (size_t i = from; i < to; i++) {
    const bc_item *it = &p->items[i];
    if (it->kind == BC_ITEM_BOX) {
      if (!p->info[i].piece_count)
        x += it->width; /* the first-line indent */
      natural += it->width;
      for (size_t k = 0; k < p->info[i].piece_count; k++) {
        const piece *pc = &p->pieces[p->info[i].piece_first + k];
        const frag *f = pc->f;
        if (!pc->count)
          continue;
        if (f->style != style) {
          style = f->style;
          rr[nr].style = style;
          rr[nr].size_pt = (float)p->size;
          rr[nr].x_pt = (float)x;
          rr[nr].expansion = (float)ls.expansion;
          rr[nr].tracking_pt = (float)ls.tracking;
          rr[nr].glyphs = &g[ng];
          cur = &rr[nr++];
        }
        for (size_t j = pc->first; j < pc->first + pc->count; j++) {
          const bc_glyph *s = &f->sh.glyphs[j];
          bc_placed_glyph *d = &g[ng++];
          d->gid = (uint16_t)s->gid;
          d->advance_pt =
              (float)(bc_layout__fu(p->l, style, s->x_advance, p->size) *
                      scale);
          /* Most glyphs have no offset: 0 either way. */
          d->x_offset_pt =
              s->x_offset ? (float)(bc_layout__fu(p->l, style, s->x_offset,
                                                  p->size) *
                                    scale)
                          : 0;
          d->y_offset_pt =
              s->y_offset
                  ? (float)bc_layout__fu(p->l, style, s->y_offset, p->size)
                  : 0;
          d->text_len = (uint16_t)bc_shaped_cluster_len(&f->sh, j, f->len);
          d->text = d->text_len ? f->text + s->cluster : NULL;
          if (ls.tracking != 0 && cluster_end(f, j)) {
            d->advance_pt += (float)ls.tracking;
            last = ng - 1;
          }
          x += d->advance_pt;
          cur->count++;
        }
      }
    } else if (it->kind == BC_ITEM_GLUE && it->width > 0) {
      double w = it->width;
      if (isfinite(r))
        w += r > 0 ? r * it->stretch : r * it->shrink;
      natural += it->width;
      glue += it->width;
      glue_set += w;
      unsigned gs = p->info[i].style;
      if (gs != style) {
        style = gs;
        rr[nr].style = style;
        rr[nr].size_pt = (float)p->size;
        rr[nr].x_pt = (float)x;
        rr[nr].expansion = (float)ls.expansion;
        rr[nr].tracking_pt = (float)ls.tracking;
        rr[nr].glyphs = &g[ng];
        cur = &rr[nr++];
      }
      bc_placed_glyph *d = &g[ng++];
      d->gid = (uint16_t)p->l->space_gid[gs];
      d->advance_pt = (float)w;
      d->x_offset_pt = d->y_offset_pt = 0;
      d->text = " ";
      d->text_len = 1;
      x += w;
      cur->count++;
    }
  }
  /* Nothing after the last character: the line ends at the margin. */
  if (last != SIZE_MAX) {
    g[last].advance_pt -= (float)ls.tracking;
    x -= ls.tracking;
  }
  out->runs = rr;
  out->run_count = nr;
  out->width = natural;
  out->right = x;
  out->ratio = r;
  out->space = glue > 0 ? glue_set / glue : 1;
  out->expansion = ls.expansion;
  out->tracking = ls.tracking;
  return 0;
}

/* bc_layout__space_after for the last run of a line emit_line made: its
 * glyph array has room for one more glyph after the run's. */
static int space_after_line(lay_line *line, lay *l) {
  bc_run *run = &line->runs[line->run_count - 1];
  return bc_layout__space_after(run, (bc_placed_glyph *)run->glyphs, l);
}

/*
 * How to set items[from..to) when the breaker's ratio for it is r (text.h's
 * bc_line_ratio, box stretch included): the glyphs scaled by r times the
 * expansion allowed and r times the tracking allowed after each character
 * (each at most its limit), rounded to 0,1 % and 0,001 pt, so that a PDF
 * writes them as short Tz and Tc operands; the glue takes what is left, so
 * the line still fills the measure exactly.
 */
static line_set set_line(const para *p, size_t from, size_t to, double r) {
  line_set ls = {0, 0, 0};
  double natural = 0, boxes = 0, stretch = 0, shrink = 0, d;
  size_t chars = 0;
  if (r == 0 || isnan(r))
    return ls;
  ls.expansion = p->expansion * fmax(-1.0, fmin(1.0, r));
  ls.expansion = round(ls.expansion * 1000) / 1000;
  ls.tracking = p->tracking * fmax(-1.0, fmin(1.0, r));
  ls.tracking = round(ls.tracking * 1000) / 1000;
  for (size_t i = from; i < to; i++) {
    const bc_item *it = &p->items[i];
    if (it->kind == BC_ITEM_PENALTY)
      continue;
    natural += it->width;
    if (it->kind == BC_ITEM_GLUE) {
      stretch += it->stretch;
      shrink += it->shrink;
    } else if (p->info[i].piece_count) {
      boxes += it->width;
      chars += ls.tracking != 0 ? p->info[i].clusters : 0;
    }
  }
  if (p->items[to].kind == BC_ITEM_PENALTY)
    natural += p->items[to].width;
  d = p->measure - natural - boxes * ls.expansion -
      (chars ? (double)(chars - 1) * ls.tracking : 0);
  if (!p->expansion && !p->tracking)
    ls.r = r; /* as the breaker said, whatever it is */
  else if (d > 0 && stretch > 0)
    ls.r = d / stretch;
  else if (d < 0 && shrink > 0)
    ls.r = d / shrink;
  else if (fabs(d) <= 0.0005 * (boxes + (double)chars) + 1e-9) {
    /* No glue to take it: what the rounding left goes to the tracking,
     * or the glyphs. More than that stays: an underfull line of one
     * long word, as without expansion. */
    if (chars > 1)
      ls.tracking += d / (double)(chars - 1);
    else if (boxes > 0)
      ls.expansion += d / boxes;
  }
  return ls;
}

/* Flattened text of a block, for centred headings and the outline. */
static int block_text(char **out, lay *l, const bc_block *b) {
  size_t n = 0;
  for (size_t i = 0; i < b->span_count; i++)
    n += b->spans[i].len + 1;
  char *t = bc_arena_alloc(l->arena, n + 1);
  if (!t)
    return bc_error_oom(l->err);
  n = 0;
  for (size_t i = 0; i < b->span_count; i++) {
    if ((b->spans[i].flags & BC_SPAN_LINEBREAK) && n)
      t[n++] = ' ';
    memcpy(t + n, b->spans[i].text, b->spans[i].len);
    n += b->spans[i].len;
  }
  t[n] = '\0';
  *out = t;
  return 0;
}

static int centred_lines(
    lay_block *out, lay *l, const bc_block *b, unsigned style, double size) {
  char *text;
  bc_text_line *lines;
  size_t count;
  double left = bc_layout__left(l), right = bc_layout__right(l);
  bc_wrap how = {(bc_style)style, size, right - left, right - left, true};
  int rc;
  if ((rc = block_text(&text, l, b)) ||
      (rc = bc_shaper_wrap(&lines, &count, l->shaper, text, &how, l->arena,
                           l->err)))
    return rc;
  out->lines = bc_arena_calloc(l->arena, count + 1, sizeof *out->lines);
  if (!out->lines)
    return bc_error_oom(l->err);
  for (size_t i = 0; i < count; i++) {
    bc_run *run = bc_arena_calloc(l->arena, 1, sizeof *run);
    double w;
    if (!run)
      return bc_error_oom(l->err);
    if ((rc = bc_layout__shape_run(run, &w, l, lines[i].text, lines[i].len,
                                   style, size, 0)))
      return rc;
    run->x_pt = (float)((left + right - w) / 2);
    if (i + 1 < count && (rc = bc_layout__space_after(run, NULL, l)))
      return rc;
    out->lines[i].runs = run;
    out->lines[i].run_count = 1;
    out->lines[i].width = w;
    out->lines[i].right = run->x_pt + w;
  }
  out->line_count = count;
  return 0;
}

static int break_spans(lay_line **lines_out,
                       size_t *count_out,
                       lay *l,
                       const bc_span *spans,
                       size_t span_count,
                       const bc_break_style *st,
                       int source_line) {
  para p;
  size_t *breaks, nbreaks;
  bc_break_params params;
  lay_line *lines;
  int rc;

  memset(&p, 0, sizeof p);
  p.l = l;
  p.size = st->size;
  p.measure = st->measure;
  *lines_out = NULL;
  *count_out = 0;
  if (!l->para && !(l->para = bc_arena_calloc(l->arena, 1, sizeof *l->para)))
    return bc_error_oom(l->err);
  /* The arrays of the last paragraph, emptied: nothing points into them
   * once its lines are made (emit_line copies what it needs). */
  p.items = l->para->items;
  p.info = l->para->info;
  p.pieces = l->para->pieces;
  p.word = l->para->word;
  p.item_cap = l->para->item_cap;
  p.info_cap = l->para->info_cap;
  p.piece_cap = l->para->piece_cap;
  p.word_cap = l->para->word_cap;
  rc = build_items(&p, spans, span_count, st->style, st->indent);
  /* A failed growth leaves its array as it was. */
  l->para->items = p.items;
  l->para->item_cap = p.item_cap;
  l->para->info = p.info;
  l->para->info_cap = p.info_cap;
  l->para->pieces = p.pieces;
  l->para->piece_cap = p.piece_cap;
  l->para->word = p.word;
  l->para->word_cap = p.word_cap;
  if (rc)
    return rc;
  bool empty = true;
  for (size_t i = 0; i < p.item_count && empty; i++)
    empty = !(p.items[i].kind == BC_ITEM_BOX && p.info[i].piece_count);
  if (empty)
    return 0; /* nothing but the indent: an empty paragraph */
  /* Font expansion and tracking where lines are justified by total fit:
   * each word may be drawn up to frame->expansion wider or narrower, with
   * up to frame->tracking em more or less after each character. */
  if (st->justify && !l->frame->first_fit &&
      (l->frame->expansion > 0 || l->frame->tracking > 0)) {
    p.expansion = l->frame->expansion;
    p.tracking = l->frame->tracking * p.size;
    for (size_t i = 0; i < p.item_count; i++)
      if (p.items[i].kind == BC_ITEM_BOX && p.info[i].piece_count) {
        if (p.tracking != 0) /* counted once, for set_line too */
          p.info[i].clusters = box_clusters(&p, i);
        p.items[i].stretch = p.items[i].shrink =
            p.items[i].width * p.expansion +
            (p.tracking > 0 ? (double)p.info[i].clusters * p.tracking : 0);
      }
  }
  params.line_width = p.measure;
  params.tolerance = 1.0;
  params.line_penalty = 10;
  params.fitness_demerits = 3000;
  /* Ragged text (headings, table cells) is best broken first fit: total
   * fit's demerits measure stretched spaces, which ragged lines never
   * have. */
  rc = l->frame->first_fit || !st->justify
           ? bc_break_lines_first_fit(&breaks, &nbreaks, p.items, p.item_count,
                                      &params, &l->scratch, l->err)
           : bc_break_lines(&breaks, &nbreaks, p.items, p.item_count, &params,
                            &l->scratch, l->err);
  if (rc) {
    if (rc == BC_ELAYOUT)
      bc_error_locate(l->err, "expanded Markdown", source_line, 0);
    return rc;
  }
  lines = bc_arena_calloc(l->arena, nbreaks, sizeof *lines);
  if (!lines)
    return bc_error_oom(l->err);
  size_t from = 0;
  for (size_t i = 0; i < nbreaks; i++) {
    size_t to = breaks[i];
    while (from < to && p.items[from].kind != BC_ITEM_BOX)
      from++;
    bool forced = p.items[to].kind == BC_ITEM_PENALTY &&
                  p.items[to].penalty <= -BC_PENALTY_INF;
    double r = bc_line_ratio(p.items, from, to, p.measure);
    /* Last lines and ragged text: spaces never stretch, but they shrink
     * when the breaker chose a line that needs it. */
    bool justify = st->justify && !forced;
    if ((rc = emit_line(&lines[i], &p, from, to,
                        set_line(&p, from, to, justify ? r : fmin(r, 0.0)),
                        st->x)))
      return rc;
    lines[i].justified = justify;
    /* A break at a space, or a forced one, separates words: the line keeps
     * its space; a break inside a web address does not. */
    if (i + 1 < nbreaks && lines[i].run_count &&
        (p.items[to].kind == BC_ITEM_GLUE || forced) &&
        (rc = space_after_line(&lines[i], l)))
      return rc;
    from = to + 1;
  }
  *lines_out = lines;
  *count_out = nbreaks;
  return 0;
}

int bc_layout__para_new(lay *l) {
  struct lay_para_arrays *a;
  if (l->para)
    return 0;
  if (!(a = bc_arena_calloc(l->arena, 1, sizeof *a)))
    return bc_error_oom(l->err);
  l->para = a;
  /* grow() from nothing: 16 of each; NULL leaves a cap at 0 */
  if (!(a->items = grow(l, NULL, 0, &a->item_cap, sizeof *a->items)) ||
      !(a->info = grow(l, NULL, 0, &a->info_cap, sizeof *a->info)) ||
      !(a->pieces = grow(l, NULL, 0, &a->piece_cap, sizeof *a->pieces)) ||
      !(a->word = grow(l, NULL, 0, &a->word_cap, sizeof *a->word)))
    return bc_error_oom(l->err);
  return 0;
}

void bc_layout__para_free(lay *l) {
  if (!l->para)
    return;
  bc_free(l->arena->alloc, l->para->items);
  bc_free(l->arena->alloc, l->para->info);
  bc_free(l->arena->alloc, l->para->pieces);
  bc_free(l->arena->alloc, l->para->word);
  l->para = NULL;
}

/* The paragraph's words (fragments, their shaped glyphs) and the breaker's
 * nodes are in l->scratch: its lines hold copies of what they need, so the
 * scratch arena is emptied for the next paragraph. */
int bc_layout__break_spans(lay_line **lines_out,
                           size_t *count_out,
                           lay *l,
                           const bc_span *spans,
                           size_t span_count,
                           const bc_break_style *st,
                           int source_line) {
  int rc =
      break_spans(lines_out, count_out, l, spans, span_count, st, source_line);
  bc_arena_reset(&l->scratch);
  return rc;
}

/* Splits a list item's first line after its marker (bytes long), so that
 * the marker is runs of its own: the item's label in the structure. */
static int split_label(lay_line *line, size_t bytes, lay *l) {
  size_t r = 0;
  while (r < line->run_count && bytes > 0) {
    bc_run *run = &line->runs[r];
    size_t len = 0, k;
    for (size_t i = 0; i < run->count; i++)
      len += run->glyphs[i].text_len;
    if (len <= bytes) {
      bytes -= len;
      r++;
      continue;
    }
    if ((k = bc_layout__prefix_glyphs(run, bytes)) > 0) {
      bc_run *runs =
          bc_arena_calloc(l->arena, line->run_count + 1, sizeof *runs);
      if (!runs)
        return bc_error_oom(l->err);
      memcpy(runs, line->runs, (r + 1) * sizeof *runs);
      memcpy(runs + r + 2, line->runs + r + 1,
             (line->run_count - r - 1) * sizeof *runs);
      bc_layout__split_run(&runs[r], &runs[r + 1], k);
      line->runs = runs;
      line->run_count++;
      r++;
    }
    break;
  }
  line->label_runs = r;
  return 0;
}

static int block_lines(lay_block *out, lay *l, const bc_block *b) {
  const bc_frame *fr = l->frame;
  bc_break_style st;

  memset(out, 0, sizeof *out);
  out->size = fr->body_size;
  out->leading = fr->leading;
  out->space_after = fr->paragraph_space;
  out->source = b;
  if (b->kind == BC_BLOCK_TABLE)
    return bc_layout__table_lines(out, l, b);
  st.style = 0;
  st.size = fr->body_size;
  st.measure = bc_layout__right(l) - bc_layout__left(l);
  st.indent = fr->first_indent;
  st.x = bc_layout__left(l);
  /* Headings are ragged right; paragraphs justified. */
  st.justify = b->kind != BC_BLOCK_HEADING;
  if (b->kind == BC_BLOCK_HEADING) {
    out->keep_with_next = true;
    st.style =
        b->level >= 4 ? (BC_STYLE_BOLD | BC_STYLE_ITALIC) : BC_STYLE_BOLD;
    if (b->level == 1)
      return centred_lines(out, l, b, BC_STYLE_BOLD, fr->body_size);
  }
  return bc_layout__break_spans(&out->lines, &out->line_count, l, b->spans,
                                b->span_count, &st, b->source_line);
}

int bc_layout__block_lines(lay_block *out, lay *l, const bc_block *b) {
  int rc = block_lines(out, l, b);
  if (!rc && (b->list_flags & BC_LIST_ITEM) && b->span_count &&
      (b->spans[0].flags & BC_SPAN_LABEL) && out->line_count)
    rc = split_label(&out->lines[0], b->spans[0].len, l);
  return rc;
}

static int place_line(lay *l, const lay_block *b, const lay_line *line) {
  double base = l->y + bc_layout__baseline_offset(l, b->size, b->leading);
  int rc;
  for (size_t r = 0; r < line->run_count; r++) {
    l->elem = r < line->label_runs ? b->label_elem : b->elem;
    if ((rc = bc_layout__add_run(l, &line->runs[r], base)))
      return rc;
  }
  l->y += b->leading;
  l->stats.lines++;
  /* Measured, not assumed: where the material really ends (a line never
   * ends with a space: the breaker discards glue at a break). */
  if (line->right > bc_layout__right(l) + 0.01)
    l->stats.overfull++;
  if (fabs(line->expansion) > l->stats.expansion_max)
    l->stats.expansion_max = fabs(line->expansion);
  if (!line->justified)
    return 0;
  l->stats.justified++;
  if (line->space > 1.5 + 1e-9)
    l->stats.loose++;
  if (line->space > 1.6 + 1e-9)
    l->stats.very_loose++;
  if (line->space < 0.8 - 1e-9)
    l->stats.tight++;
  l->spaces = bc_arena_grow(l->arena, l->spaces, l->space_count,
                            &l->space_cap, sizeof *l->spaces);
  if (!l->spaces)
    return bc_error_oom(l->err);
  l->spaces[l->space_count++] = line->space;
  return 0;
}

static int add_outline(lay *l, const lay_block *b) {
  char *title;
  int rc;
  if ((rc = block_text(&title, l, b->source)))
    return rc;
  return bc_layout__outline_add(l, b->source->level, title);
}

/* Lines that fit between the cursor and the bottom margin. */
static size_t lines_left(const lay *l, double leading) {
  double room = bc_layout__bottom(l) - l->y;
  return room < leading - 1e-6 ? 0 : (size_t)((room + 1e-6) / leading);
}

static bool at_page_top(const lay *l) {
  return l->y <= l->frame->margin_top + 1e-6;
}

/* What a heading must share its page with: the first two lines of a
 * paragraph, or a table's header and first row; 0 for nothing. */
static double first_height(const lay_block *b) {
  if (b->table)
    return bc_layout__table_head_height(b);
  return (b->line_count < 2 ? b->line_count : 2) * b->leading;
}

static bool is_empty(const lay_block *b) {
  return !b->table && !b->line_count;
}

int bc_layout__paginate(lay *l,
                        lay_block *blocks,
                        size_t count,
                        double tail_reserve) {
  int rc;
  size_t last = count;
  for (size_t i = 0; i < count; i++)
    if (!is_empty(&blocks[i]))
      last = i;
  for (size_t i = 0; i < count; i++) {
    lay_block *b = &blocks[i];
    size_t n = b->line_count;
    if (is_empty(b))
      continue;
    size_t after = i + 1;
    while (after < count && is_empty(&blocks[after]))
      after++;
    if ((rc = bc_layout__block_elems(b, l,
                                     after < count ? &blocks[after] : NULL)))
      return rc;
    /* Keep a heading with the first lines of what follows. */
    if (b->keep_with_next) {
      double next = 0;
      for (size_t j = i + 1; j < count; j++)
        if (!is_empty(&blocks[j])) {
          next = first_height(&blocks[j]);
          /* A short closing paragraph goes whole with the closing block
           * (below): the heading must then fit with all of it. */
          if (j == last && blocks[j].source->kind == BC_BLOCK_PARAGRAPH &&
              blocks[j].line_count <= 3)
            next = blocks[j].line_count * blocks[j].leading +
                   blocks[j].space_after + tail_reserve;
          break;
        }
      double need = n * b->leading + b->space_after + next;
      if (!at_page_top(l) && l->y + need > bc_layout__bottom(l) + 1e-6 &&
          (rc = bc_layout__new_page(l)))
        return rc;
      if ((rc = add_outline(l, b)))
        return rc;
    }
    if (b->table) {
      if ((rc = bc_layout__place_table(l, b)))
        return rc;
      l->y += b->space_after;
      continue;
    }
    /* The closing paragraph keeps its last two lines with the closing
     * block (Nơi nhận and the signature) that follows. */
    double reserve =
        i == last && b->source->kind == BC_BLOCK_PARAGRAPH ? tail_reserve : 0;
    size_t k = 0;
    while (k < n) {
      size_t fit = lines_left(l, b->leading), rest = n - k, m;
      if (fit >= rest && l->y + rest * b->leading + b->space_after + reserve <=
                             bc_layout__bottom(l) + 1e-6) {
        m = rest;
      } else if (fit >= rest) {
        /* Everything fits but the closing block: move the last two lines
         * on with it (the whole paragraph when it is that short, or when
         * the first page would keep a single line). */
        m = rest > 2 ? rest - 2 : 0;
        if (k == 0 && m < 2)
          m = 0;
        if (m == 0 && at_page_top(l))
          m = rest; /* nothing gained by moving: place */
      } else {
        m = fit;
        if (rest - m < 2 && rest >= 3)
          m = rest - 2; /* no widow */
        if (k == 0 && m < 2)
          m = 0; /* no orphan */
        if (m == 0 && at_page_top(l))
          m = fit ? fit : 1; /* a page too short for the rules: place */
      }
      for (size_t j = 0; j < m; j++)
        if ((rc = place_line(l, b, &b->lines[k + j])))
          return rc;
      /* Count what the rules could not prevent. */
      if (m == 1 && k == 0 && n > 1)
        l->stats.orphans++;
      if (m == 1 && k > 0 && k + m == n)
        l->stats.widows++;
      k += m;
      if (k < n && (rc = bc_layout__new_page(l)))
        return rc;
    }
    l->y += b->space_after;
  }
  return 0;
}
