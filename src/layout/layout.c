/* layout/layout.c: the frame defaults, page assembly, single-line shaping
 * and wrapping helpers, and bc_layout_document, which breaks every
 * block's lines (on the render's threads), then runs header, body,
 * closing block and page numbers in that order (and so makes the structure
 * elements in reading order: structure.c). */
#include "layout/layout_int.h"

#include "common/error.h"
#include "common/pool.h"

#include <math.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

void bc_frame_default(bc_frame *f) {
  memset(f, 0, sizeof *f);
  f->page_width = MM_TO_PT(210.0);
  f->page_height = MM_TO_PT(297.0);
  f->margin_top = MM_TO_PT(20.0);
  f->margin_bottom = MM_TO_PT(20.0);
  f->margin_left = MM_TO_PT(30.0);
  f->margin_right = MM_TO_PT(20.0);
  f->body_size = 14;
  f->leading = 17;
  f->paragraph_space = 6;
  f->first_indent = MM_TO_PT(12.7);
  f->national_size = 12;
  f->motto_size = 13;
  f->agency_size = 13;
  f->number_size = 13;
  f->date_size = 14;
  f->title_size = 14;
  f->page_number_size = 14;
  f->recipients_label_size = 12;
  f->recipients_size = 11;
  f->signer_size = 14;
  f->signature_space = MM_TO_PT(30.0);
  f->rule_width = 0.6;
  f->table_size = 13;
  f->table_padding = 4;
  f->table_rule = 0.5;
  f->header_x = MM_TO_PT(22.0);
  f->header_left_width = MM_TO_PT(75.0);
  f->header_right_width = MM_TO_PT(100.0);
  f->header_step = 1.15;
  f->closing_left_width = MM_TO_PT(75.0);
  f->title_width = 0.85;
  f->short_rule = 0.4;
  f->appendix_rule = 0.3;
  f->first_fit = false;
  f->expansion = 0.02;
  f->tracking = 0.01;
}

double bc_layout__left(const lay *l) {
  return l->frame->margin_left;
}

double bc_layout__right(const lay *l) {
  return l->page_width - l->frame->margin_right;
}

double bc_layout__bottom(const lay *l) {
  return l->page_height - l->frame->margin_bottom;
}

void bc_layout__set_orientation(lay *l, bool landscape) {
  const bc_frame *f = l->frame;
  l->page_width = landscape ? f->page_height : f->page_width;
  l->page_height = landscape ? f->page_width : f->page_height;
}

double bc_layout__baseline_offset(const lay *l, double size, double leading) {
  const bc_face_info *fi = bc_fontset_info(l->fonts, BC_STYLE_REGULAR);
  double asc = (double)fi->ascender / fi->upem * size;
  double desc = -(double)fi->descender / fi->upem * size;
  return (leading - asc - desc) / 2 + asc;
}

int bc_layout__outline_add(lay *l, int level, const char *title) {
  l->outline = bc_arena_grow(l->arena, l->outline, l->outline_count,
                             &l->outline_cap, sizeof *l->outline);
  if (!l->outline)
    return bc_error_oom(l->err);
  bc_outline_entry *e = &l->outline[l->outline_count++];
  e->level = level;
  e->title = title;
  e->page = l->page_count - 1;
  e->y_pt = (float)(l->page_height - l->y);
  return 0;
}

int bc_layout__new_page(lay *l) {
  l->pages = bc_arena_grow(l->arena, l->pages, l->page_count, &l->page_cap,
                           sizeof *l->pages);
  if (!l->pages)
    return bc_error_oom(l->err);
  memset(&l->pages[l->page_count], 0, sizeof *l->pages);
  l->pages[l->page_count].width = l->page_width;
  l->pages[l->page_count].height = l->page_height;
  l->pages[l->page_count].number = ++l->page_number;
  l->page = l->page_count++;
  l->y = l->frame->margin_top;
  return 0;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The value at fraction q of v[0..n) sorted (nearest rank, as
 * bench/spacing.py takes it); 1 for none. Sorts v. */
static double percentile(double *v, size_t n, double q) {
  if (!n)
    return 1;
  qsort(v, n, sizeof *v, cmp_double);
  return v[(size_t)lround(q * (double)(n - 1))];
}

int bc_layout__add_run(lay *l, const bc_run *tmpl, double y_top) {
  page_builder *p = &l->pages[l->page];
  if (!tmpl->count)
    return 0;
  p->runs = bc_arena_grow(l->arena, p->runs, p->run_count, &p->run_cap,
                          sizeof *p->runs);
  if (!p->runs)
    return bc_error_oom(l->err);
  bc_run *r = &p->runs[p->run_count++];
  *r = *tmpl;
  r->y_pt = (float)(p->height - y_top);
  r->elem = l->elem;
  return 0;
}

int bc_layout__space_after(bc_run *run, bc_placed_glyph *spare, lay *l) {
  unsigned style = run->style & 3u;
  const bc_placed_glyph *last;
  bc_placed_glyph *g = spare;
  double sw;
  if (!run->count)
    return 0;
  last = &run->glyphs[run->count - 1];
  if (last->text_len == 1 && last->text[0] == ' ')
    return 0;
  if (!g) {
    if (!(g = bc_arena_calloc(l->arena, run->count + 1, sizeof *g)))
      return bc_error_oom(l->err);
    memcpy(g, run->glyphs, run->count * sizeof *g);
  }
  g[run->count].x_offset_pt = 0;
  g[run->count].y_offset_pt = 0;
  sw = bc_layout__fu(l, style, l->space_advance_fu[style], run->size_pt);
  g[run->count - 1].advance_pt -= (float)sw;
  g[run->count].gid = (uint16_t)l->space_gid[style];
  g[run->count].advance_pt = (float)sw;
  g[run->count].text = " ";
  g[run->count].text_len = 1;
  run->glyphs = g;
  run->count++;
  return 0;
}

size_t bc_layout__prefix_glyphs(const bc_run *run, size_t bytes) {
  size_t k = 0, used = 0;
  while (k < run->count && used + run->glyphs[k].text_len <= bytes) {
    used += run->glyphs[k].text_len;
    k++;
    /* the other glyphs of the last cluster go with it */
    while (k < run->count && !run->glyphs[k].text_len)
      k++;
  }
  return k;
}

void bc_layout__split_run(bc_run *head, bc_run *tail, size_t k) {
  double x = head->x_pt;
  for (size_t i = 0; i < k; i++)
    x += head->glyphs[i].advance_pt;
  *tail = *head;
  tail->x_pt = (float)x;
  tail->glyphs = head->glyphs + k;
  tail->count = head->count - k;
  head->count = k;
}

int bc_layout__add_line(
    lay *l, double x0, double y0, double x1, double y1, double width) {
  page_builder *p = &l->pages[l->page];
  p->rules = bc_arena_grow(l->arena, p->rules, p->rule_count, &p->rule_cap,
                           sizeof *p->rules);
  if (!p->rules)
    return bc_error_oom(l->err);
  bc_rule *r = &p->rules[p->rule_count++];
  r->x0_pt = (float)x0;
  r->x1_pt = (float)x1;
  r->y0_pt = (float)(p->height - y0);
  r->y1_pt = (float)(p->height - y1);
  r->width_pt = (float)width;
  return 0;
}

int bc_layout__add_rule(lay *l, double x0, double x1, double y, double width) {
  return bc_layout__add_line(l, x0, y, x1, y, width);
}

int bc_layout__check_long_clusters(lay *l, const bc_shaped *sh, size_t len) {
  for (size_t i = 0; i < sh->count; i++)
    if (bc_shaped_cluster_len(sh, i, len) > BC_CLUSTER_MAX)
      return bc_error_set(l->err, BC_ELAYOUT,
                          "a word of %zu bytes is too long", len);
  return 0;
}

/* Copies shaped glyphs into placed glyphs with their cluster texts. */
static int place_glyphs(bc_placed_glyph **out,
                        double *width_out,
                        lay *l,
                        const bc_shaped *sh,
                        const char *text,
                        size_t len,
                        unsigned style,
                        double size) {
  bc_placed_glyph *g;
  double width = 0;
  int rc;
  if ((rc = bc_layout__check_clusters(l, sh, len)))
    return rc;
  if (!(g = bc_arena_calloc(l->arena, sh->count ? sh->count : 1, sizeof *g)))
    return bc_error_oom(l->err);
  for (size_t i = 0; i < sh->count; i++) {
    const bc_glyph *s = &sh->glyphs[i];
    g[i].gid = (uint16_t)s->gid;
    g[i].advance_pt = (float)bc_layout__fu(l, style, s->x_advance, size);
    g[i].x_offset_pt = (float)bc_layout__fu(l, style, s->x_offset, size);
    g[i].y_offset_pt = (float)bc_layout__fu(l, style, s->y_offset, size);
    width += g[i].advance_pt;
    if ((g[i].text_len = (uint16_t)bc_shaped_cluster_len(sh, i, len)))
      g[i].text = text + s->cluster;
  }
  *out = g;
  *width_out = width;
  return 0;
}

int bc_layout__shape_run(bc_run *out,
                         double *width_out,
                         lay *l,
                         const char *text,
                         size_t len,
                         unsigned style,
                         double size,
                         double x) {
  bc_shaped sh;
  bc_placed_glyph *g = NULL;
  int rc;
  /* Glyphs point at their text: keep it as long as the pages. */
  text = bc_arena_strndup(l->arena, text, len);
  if (!text)
    return bc_error_oom(l->err);
  rc = bc_shaper_shape(&sh, l->shaper, (bc_style)style, text, len, l->arena,
                       l->err);
  if (rc)
    return rc;
  if ((rc = place_glyphs(&g, width_out, l, &sh, text, len, style, size)))
    return rc;
  memset(out, 0, sizeof *out);
  out->style = style;
  out->size_pt = (float)size;
  out->x_pt = (float)x;
  out->glyphs = g;
  out->count = sh.count;
  return 0;
}

/* Width of text[0..len) in one style, points. */
static int measure(double *out,
                   lay *l,
                   const char *text,
                   size_t len,
                   unsigned style,
                   double size) {
  bc_shaped sh;
  int rc = bc_shaper_shape(&sh, l->shaper, (bc_style)style, text, len, l->arena,
                           l->err);
  if (rc)
    return rc;
  *out = bc_layout__fu(l, style, sh.width, size);
  return 0;
}

int bc_layout__init(lay *l,
                    const bc_frame *frame,
                    const bc_fontset *fonts,
                    bc_shaper *shaper,
                    bc_arena *arena,
                    bc_error *err) {
  int rc;
  memset(l, 0, sizeof *l);
  l->frame = frame;
  l->fonts = fonts;
  l->shaper = shaper;
  l->arena = arena;
  l->err = err;
  bc_arena_init_like(&l->scratch, arena);
  bc_layout__set_orientation(l, false);
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    bc_shaped sh;
    if ((rc = bc_shaper_shape(&sh, shaper, (bc_style)s, " ", 1, arena, err)))
      return rc;
    l->space_gid[s] = sh.count ? sh.glyphs[0].gid : 0;
    l->space_advance_fu[s] = sh.width;
    l->upem[s] = bc_fontset_info(fonts, (bc_style)s)->upem;
  }
  return 0;
}

void bc_layout__fini(lay *l) {
  bc_layout__para_free(l);
  bc_arena_release(&l->scratch);
}

static int centred_width_in(lay *l,
                            double *widest_out,
                            size_t *lines_out,
                            const bc_centred_text *what) {
  bc_arena *arena = l->arena;
  bc_error *err = l->err;
  const unsigned style = what->style;
  const double size = what->size;
  double widest = 0;
  size_t total = 0;
  int rc;
  /* As frame.c's wrapped_block: each line-feed part wrapped on its own. */
  for (const char *part = what->text; part;) {
    const char *nl = strchr(part, '\n');
    size_t n = nl ? (size_t)(nl - part) : strlen(part);
    char *copy = bc_arena_strndup(arena, part, n);
    bc_wrap how = {(bc_style)style, size, what->width, what->width, true};
    bc_text_line *lines;
    size_t count;
    if (!copy)
      return bc_error_oom(err);
    if ((rc =
             bc_shaper_wrap(&lines, &count, l->shaper, copy, &how, arena, err)))
      return rc;
    for (size_t i = 0; i < count; i++) {
      double w;
      if ((rc = measure(&w, l, lines[i].text, lines[i].len, style, size)))
        return rc;
      if (w > widest)
        widest = w;
    }
    total += count;
    part = nl ? nl + 1 : NULL;
  }
  *widest_out = widest;
  *lines_out = total;
  return 0;
}

int bc_layout_centred_width(double *widest_out,
                            size_t *lines_out,
                            const bc_frame *frame,
                            const bc_fontset *fonts,
                            bc_shaper *shaper,
                            const bc_centred_text *what,
                            bc_arena *arena,
                            bc_error *err) {
  lay l;
  int rc = bc_layout__init(&l, frame, fonts, shaper, arena, err);
  if (!rc)
    rc = centred_width_in(&l, widest_out, lines_out, what);
  bc_layout__fini(&l);
  return rc;
}

/* ---- every block's lines, on the render's threads ----
 *
 * Breaking a block into lines (bc_layout__block_lines) reads the frame,
 * the fonts and the page width of its orientation, and writes only its
 * lay_block and what it allocates: the arena, the scratch arena, the
 * paragraph arrays, the shaper's word cache, the error. Pagination, the
 * structure, statistics and the outline come later, in block order. So
 * the blocks of the body and of every phụ lục are broken first, each
 * thread with a lay of its own for those five, and the results are the
 * same whichever thread breaks which block. */

/* The first chunk of a scratch arena another thread breaks lines with:
 * as much as most paragraphs need (Tây Ninh's longest, 0.26 MB). */
#define SCRATCH_FIRST (128u << 10)

/* One block to break into lines. */
typedef struct line_job {
  lay_block *out;
  const bc_block *block;
  bool landscape; /* the orientation of its pages */
} line_job;

/* A thread's lay: the document's, with its own scratch arena, paragraph
 * arrays, shaper and error, and its own arena but on the caller's thread
 * (worker 0), which uses the document's. */
typedef struct line_worker {
  lay l;
  bc_arena arena;
  bc_error err;
  size_t failed; /* the job that failed, or the job count */
  int rc;        /* its result */
} line_worker;

typedef struct line_run {
  const line_job *jobs;
  size_t count;
  line_worker *workers;
  atomic_size_t failed; /* the lowest job that failed so far, or count */
} line_run;

static int line_job_run(void *ud, size_t i, unsigned w) {
  line_run *r = ud;
  line_worker *wk = &r->workers[w];
  size_t low;
  int rc;
  /* One thread stops at the first block that fails: what comes after it
   * is not needed. A worker takes its jobs in increasing order, so its
   * first failure is its only one. */
  if (i > atomic_load_explicit(&r->failed, memory_order_relaxed))
    return 0;
  bc_layout__set_orientation(&wk->l, r->jobs[i].landscape);
  rc = bc_layout__block_lines(r->jobs[i].out, &wk->l, r->jobs[i].block);
  if (!rc)
    return 0;
  wk->failed = i;
  wk->rc = rc;
  low = atomic_load(&r->failed);
  while (i < low && !atomic_compare_exchange_weak(&r->failed, &low, i))
    ;
  return rc;
}

/*
 * Breaks the jobs' blocks on up to threads threads (shaper k on thread
 * k). *failed gets the lowest job that failed (count if none), *first_err
 * its error and the result its code; what the threads allocated is moved
 * into l's arena either way, so the lines live as long as the pages.
 */
static int all_lines(size_t *failed,
                     bc_error *first_err,
                     lay *l,
                     const line_job *jobs,
                     size_t count,
                     bc_shaper *const *shapers,
                     unsigned threads) {
  line_worker workers[BC_POOL_MAX_THREADS];
  line_run r;
  int rc = 0;

  threads = bc_pool_threads(threads);
  if (threads > count)
    threads = count ? (unsigned)count : 1;
  for (unsigned w = 0; w < threads; w++) {
    line_worker *wk = &workers[w];
    wk->l = *l;
    bc_arena_init_like(&wk->arena, l->arena);
    bc_arena_init_like(&wk->l.scratch, l->arena);
    wk->l.arena = w ? &wk->arena : l->arena;
    wk->l.shaper = shapers[w];
    wk->l.para = NULL;
    wk->err = *l->err;
    wk->l.err = &wk->err;
    wk->failed = count;
    wk->rc = 0;
    /* What another thread only needs for a while (the paragraph arrays,
     * the scratch arena's chunk, emptied and kept from paragraph to
     * paragraph) is taken here, on this thread: freed by that thread's
     * own, it would stay in its malloc arena (glibc's), of no use to the
     * rest of the render (it cost Tây Ninh 0.2 MB of peak memory). A
     * thread whose state cannot be made leaves its share to the others. */
    if (w && (bc_layout__para_new(&wk->l) ||
              !bc_arena_alloc(&wk->l.scratch, SCRATCH_FIRST))) {
      bc_layout__fini(&wk->l);
      bc_arena_release(&wk->arena);
      threads = w;
      break;
    }
    bc_arena_reset(&wk->l.scratch);
  }
  r.jobs = jobs;
  r.count = count;
  r.workers = workers;
  atomic_init(&r.failed, count);
  bc_pool_run(threads, count, line_job_run, &r);
  *failed = atomic_load(&r.failed);
  for (unsigned w = 0; w < threads; w++) {
    line_worker *wk = &workers[w];
    if (wk->failed == *failed && wk->failed < count) {
      *first_err = wk->err;
      rc = wk->rc;
    }
    bc_layout__fini(&wk->l);
    bc_arena_absorb(l->arena, &wk->arena);
  }
  return rc;
}

static int document_in(lay *l,
                       bc_pages *out,
                       const bc_doc *doc,
                       bc_shaper *const *shapers,
                       unsigned threads) {
  bc_arena *arena = l->arena;
  bc_error *err = l->err;
  lay_block *blocks, **ab;
  line_job *jobs;
  bc_error line_err;
  size_t count = doc->block_count, failed, k;
  bc_page *pages;
  int rc, line_rc;

  if ((rc = bc_layout__struct_begin(l)))
    return rc;
  for (size_t i = 0; i < doc->appendix_count; i++)
    count += doc->appendices[i].block_count;
  blocks = bc_arena_calloc(arena, doc->block_count + 1, sizeof *blocks);
  ab = bc_arena_calloc(arena, doc->appendix_count + 1, sizeof *ab);
  jobs = bc_arena_calloc(arena, count + 1, sizeof *jobs);
  if (!blocks || !ab || !jobs)
    return bc_error_oom(err);
  for (k = 0; k < doc->block_count; k++)
    jobs[k] = (line_job){&blocks[k], &doc->blocks[k], false};
  for (size_t i = 0; i < doc->appendix_count; i++) {
    const bc_appendix *a = &doc->appendices[i];
    if (!(ab[i] = bc_arena_calloc(arena, a->block_count + 1, sizeof *ab[i])))
      return bc_error_oom(err);
    for (size_t j = 0; j < a->block_count; j++)
      jobs[k++] = (line_job){&ab[i][j], &a->blocks[j], a->landscape};
  }
  line_rc = all_lines(&failed, &line_err, l, jobs, count, shapers, threads);
  /* A block's error where one thread, breaking each part's blocks just
   * before placing them, would have met it. */
  if (failed < doc->block_count) {
    *err = line_err;
    return line_rc;
  }

  if ((rc = bc_layout__new_page(l)) || (rc = bc_layout__frame_header(l, doc)) ||
      (rc = bc_layout__paginate(l, blocks, doc->block_count,
                                bc_layout__closing_height(l, doc))) ||
      (rc = bc_layout__frame_closing(l, doc)))
    return rc;
  /* Each phụ lục on pages of its own, numbered from 1 again. */
  k = doc->block_count;
  for (size_t i = 0; i < doc->appendix_count; i++) {
    const bc_appendix *a = &doc->appendices[i];
    if ((rc = bc_layout__frame_appendix(l, a)))
      return rc;
    if (failed >= k && failed < k + a->block_count) {
      *err = line_err;
      return line_rc;
    }
    if ((rc = bc_layout__paginate(l, ab[i], a->block_count, 0)))
      return rc;
    k += a->block_count;
  }
  if ((rc = bc_layout__frame_page_numbers(l)))
    return rc;

  pages = bc_arena_calloc(arena, l->page_count, sizeof *pages);
  if (!pages)
    return bc_error_oom(err);
  for (size_t i = 0; i < l->page_count; i++) {
    pages[i].width_pt = (float)l->pages[i].width;
    pages[i].height_pt = (float)l->pages[i].height;
    pages[i].runs = l->pages[i].runs;
    pages[i].run_count = l->pages[i].run_count;
    pages[i].rules = l->pages[i].rules;
    pages[i].rule_count = l->pages[i].rule_count;
  }
  out->pages = pages;
  out->count = l->page_count;
  out->outline = l->outline;
  out->outline_count = l->outline_count;
  if (l->field_count) {
    bc_sig_field *fields =
        bc_arena_calloc(arena, l->field_count, sizeof *fields);
    if (!fields)
      return bc_error_oom(err);
    memcpy(fields, l->fields, l->field_count * sizeof *fields);
    out->fields = fields;
    out->field_count = l->field_count;
  }
  out->stats = l->stats;
  out->elems = l->elems;
  out->elem_count = l->elem_count;
  out->stats.space_p95 = percentile(l->spaces, l->space_count, 0.95);
  return 0;
}

int bc_layout_document_threads(bc_pages *out,
                               const bc_doc *doc,
                               const bc_frame *frame,
                               const bc_fontset *fonts,
                               bc_shaper *const *shapers,
                               unsigned threads,
                               bc_arena *arena,
                               bc_error *err) {
  lay l;
  int rc = bc_layout__init(&l, frame, fonts, shapers[0], arena, err);
  if (!rc)
    rc = document_in(&l, out, doc, shapers, threads);
  bc_layout__fini(&l);
  return rc;
}

int bc_layout_document(bc_pages *out,
                       const bc_doc *doc,
                       const bc_frame *frame,
                       const bc_fontset *fonts,
                       bc_shaper *shaper,
                       bc_arena *arena,
                       bc_error *err) {
  return bc_layout_document_threads(out, doc, frame, fonts, &shaper, 1, arena,
                                    err);
}
