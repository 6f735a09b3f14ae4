/* text/linebreak.c: total-fit line breaking after Knuth & Plass (1981),
 * "Breaking Paragraphs into Lines", without hyphenation (Vietnamese
 * syllables are not hyphenated).
 *
 * Design notes:
 *  1. Legal breaks: a glue right after a box, or a penalty < BC_PENALTY_INF.
 *     The break item and the glue/penalties after it up to the next box are
 *     discarded; a forced penalty (<= -BC_PENALTY_INF) ends a line.
 *  2. A line's adjustment ratio r is (measure - natural) / stretch (or
 *     / shrink when too long). r < -1 is never allowed: no line is overfull.
 *     A box's stretch and shrink are font expansion (pdfTeX's, as microtype
 *     uses it): how much wider or narrower its glyphs may be drawn. Glue and
 *     boxes then share the adjustment at one ratio while |r| <= 1; beyond,
 *     the glyphs stay at their limit and the glue alone takes the rest, so
 *     r is the glue's ratio there (design note 5).
 *  3. Demerits are (line_penalty + 100|r|^3)^2 (+/- penalty^2), plus
 *     fitness_demerits when adjacent lines differ by more than one fitness
 *     class (tight < -0.5 <= normal <= 0.5 < loose <= 1 < very loose).
 *  4. Passes: params->tolerance, then 10, then unbounded, so a paragraph
 *     whose boxes fit the measure always breaks (possibly underfull lines).
 *  5. With glue stretch G, box stretch F and a line short by d > 0:
 *     r = d / (G + F) when d <= G + F, else (d - F) / G. Both are 1 at
 *     d = G + F, so badness grows smoothly; shrinking is the same with the
 *     shrinks. Items without box stretch give the classic r = d / G.
 */
#include "text/text.h"

#include "common/error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Totals over items: width, and the stretch and shrink of glue (g) and of
 * boxes (font expansion, f). */
typedef struct kp_totals {
  double width, stretch, shrink, fstretch, fshrink;
} kp_totals;

typedef struct kp_node {
  size_t position; /* item index of the break */
  size_t line;     /* number of lines up to this break */
  int fitness;
  kp_totals sum; /* totals at the start of the next line */
  double demerits;
  struct kp_node *prev; /* best previous break */
  struct kp_node *next; /* active list */
} kp_node;

typedef struct kp_sums {
  kp_totals *at; /* prefix sums, [i] excludes item i */
  bool monotone; /* no item's width, stretch or shrink is negative (or NaN) */
} kp_sums;

static bool is_break(const bc_item *items, size_t i) {
  if (items[i].kind == BC_ITEM_PENALTY)
    return items[i].penalty < BC_PENALTY_INF;
  if (items[i].kind == BC_ITEM_GLUE)
    return i > 0 && items[i - 1].kind == BC_ITEM_BOX;
  return false;
}

static bool is_forced(const bc_item *it) {
  return it->kind == BC_ITEM_PENALTY && it->penalty <= -BC_PENALTY_INF;
}

/* Index of the first item of the line after a break at b. */
static size_t line_start(const bc_item *items, size_t count, size_t b) {
  size_t j = b + 1;
  while (j < count && items[j].kind != BC_ITEM_BOX && !is_forced(&items[j]))
    j++;
  return j;
}

static int fitness_of(double r) {
  if (r < -0.5)
    return 0;
  if (r <= 0.5)
    return 1;
  if (r <= 1)
    return 2;
  return 3;
}

/* Design note 5. Inline: kp_pass calls it for every active node at
 * every break. */
static inline double ratio(double natural, const kp_totals *t, double measure) {
  double d = measure - natural;
  if (d > 0) {
    if (d <= t->stretch + t->fstretch)
      return d / (t->stretch + t->fstretch);
    return t->stretch > 0 ? (d - t->fstretch) / t->stretch : INFINITY;
  }
  if (d < 0) {
    if (-d <= t->shrink + t->fshrink)
      return d / (t->shrink + t->fshrink);
    return t->shrink > 0 ? (d + t->fshrink) / t->shrink : -INFINITY;
  }
  return 0;
}

static void add_item(kp_totals *t, const bc_item *it) {
  if (it->kind == BC_ITEM_PENALTY)
    return;
  t->width += it->width;
  if (it->kind == BC_ITEM_GLUE) {
    t->stretch += it->stretch;
    t->shrink += it->shrink;
  } else {
    t->fstretch += it->stretch;
    t->fshrink += it->shrink;
  }
}

double
bc_line_ratio(const bc_item *items, size_t from, size_t to, double line_width) {
  kp_totals t = {0, 0, 0, 0, 0};
  for (size_t i = from; i < to; i++)
    add_item(&t, &items[i]);
  if (items[to].kind == BC_ITEM_PENALTY)
    t.width += items[to].width;
  return ratio(t.width, &t, line_width);
}

static kp_node *new_node(bc_arena *arena,
                         size_t position,
                         size_t line,
                         int fitness,
                         double demerits,
                         kp_node *prev) {
  kp_node *n = bc_arena_alloc(arena, sizeof *n); /* every field set */
  if (!n)
    return NULL;
  n->next = NULL;
  n->position = position;
  n->line = line;
  n->fitness = fitness;
  n->demerits = demerits;
  n->prev = prev;
  return n;
}

static void
set_totals(kp_node *n, const kp_sums *s, const bc_item *items, size_t count) {
  size_t j =
      n->position == SIZE_MAX ? 0 : line_start(items, count, n->position);
  n->sum = s->at[j];
}

/*
 * One pass at a tolerance; returns the final node or NULL (no solution).
 *
 * The active list is kept oldest first: by position, so that the lines
 * from its nodes to a break get shorter along it. When every item's
 * width, stretch and shrink are >= 0 (s->monotone), the prefix sums
 * never decrease, and so neither do the rounded differences: a node
 * after one whose line is too short (r > tolerance, in the branch of
 * ratio() where the glue takes what the boxes cannot) has a line at
 * least as short, with an r at least as large. The walk stops there,
 * where the nodes it would still visit could neither be chosen nor be
 * deactivated (a forced break is walked whole). Ties go to the node
 * nearest the break (<=), as they did when the list was newest first:
 * the breaks are those of the whole walk.
 */
static int kp_pass(kp_node **best_out,
                   const bc_item *items,
                   size_t count,
                   const kp_sums *s,
                   const bc_break_params *p,
                   double tolerance,
                   bc_arena *arena,
                   bc_error *err) {
  kp_node *active = new_node(arena, SIZE_MAX, 0, 1, 0, NULL), *tail = active;
  const double measure = p->line_width;
  if (!active)
    return bc_error_oom(err);
  set_totals(active, s, items, count);

  for (size_t b = 0; b < count && active; b++) {
    if (!is_break(items, b))
      continue;
    const bc_item *it = &items[b];
    const bool forced = is_forced(it), stop = s->monotone && !forced;
    const double pw = it->kind == BC_ITEM_PENALTY ? it->width : 0;
    const kp_totals e = s->at[b];
    double extra = 0; /* the penalty's demerits, added to each line's */
    if (it->kind == BC_ITEM_PENALTY && it->penalty > 0)
      extra = (double)it->penalty * it->penalty;
    else if (it->kind == BC_ITEM_PENALTY && !forced && it->penalty < 0)
      extra = -(double)it->penalty * it->penalty;
    kp_node *best[4] = {NULL, NULL, NULL, NULL};
    double best_d[4] = {INFINITY, INFINITY, INFINITY, INFINITY};
    double best_r[4] = {0, 0, 0, 0};
    kp_node *prev_a = NULL;

    for (kp_node *a = active; a;) {
      kp_node *next = a->next;
      kp_totals line = {e.width - a->sum.width + pw, e.stretch - a->sum.stretch,
                        e.shrink - a->sum.shrink, e.fstretch - a->sum.fstretch,
                        e.fshrink - a->sum.fshrink};
      double r = ratio(line.width, &line, measure);
      bool deactivate = r < -1 || forced;
      if (r >= -1 && r <= tolerance) {
        double bad = 100.0 * fabs(r * r * r);
        bad = isinf(r) || bad > 1e4 ? 1e4 : bad; /* as fmin: no NaN here */
        double d = p->line_penalty + bad;
        d = d * d;
        d += extra;
        int fc = fitness_of(r);
        if (abs(fc - a->fitness) > 1)
          d += p->fitness_demerits;
        d += a->demerits;
        if (d <= best_d[fc]) {
          best_d[fc] = d;
          best[fc] = a;
          best_r[fc] = r;
        }
      }
      if (deactivate) {
        if (prev_a)
          prev_a->next = next;
        else
          active = next;
        if (tail == a)
          tail = prev_a;
      } else {
        prev_a = a;
      }
      if (stop && r > tolerance &&
          measure - line.width > line.stretch + line.fstretch)
        break; /* the rest are newer: shorter still */
      a = next;
    }
    double dmin = best_d[0]; /* the least, as fmin: no NaN here */
    for (int fc = 1; fc < 4; fc++)
      dmin = best_d[fc] < dmin ? best_d[fc] : dmin;
    for (int fc = 0; fc < 4; fc++) {
      if (!best[fc] || best_d[fc] > dmin + p->fitness_demerits)
        continue;
      kp_node *n = new_node(arena, b, best[fc]->line + 1,
                            fitness_of(best_r[fc]), best_d[fc], best[fc]);
      if (!n)
        return bc_error_oom(err);
      set_totals(n, s, items, count);
      if (tail)
        tail->next = n;
      else
        active = n;
      tail = n;
    }
  }
  kp_node *best = NULL;
  for (kp_node *a = active; a; a = a->next)
    if (a->position == count - 1 && (!best || a->demerits <= best->demerits))
      best = a;
  *best_out = best;
  return 0;
}

int bc_break_lines(size_t **breaks_out,
                   size_t *count_out,
                   const bc_item *items,
                   size_t count,
                   const bc_break_params *p,
                   bc_arena *arena,
                   bc_error *err) {
  kp_sums s;
  kp_node *best = NULL;
  const double passes[] = {p->tolerance, 2.0, 10.0, INFINITY};
  int rc;

  if (!count || !is_forced(&items[count - 1]))
    return bc_error_set(err, BC_ELAYOUT,
                        "a paragraph must end with a forced break");
  for (size_t i = 0; i < count; i++)
    if (items[i].kind == BC_ITEM_BOX && items[i].width > p->line_width + 1e-6)
      return bc_error_set(err, BC_ELAYOUT,
                          "a word %.1f pt wide does not fit a %.1f pt line",
                          items[i].width, p->line_width);
  s.at = bc_arena_alloc(arena, (count + 1) * sizeof *s.at);
  if (!s.at)
    return bc_error_oom(err);
  memset(&s.at[0], 0, sizeof s.at[0]); /* the others are set below */
  s.monotone = true;
  for (size_t i = 0; i < count; i++) {
    s.at[i + 1] = s.at[i];
    add_item(&s.at[i + 1], &items[i]);
    if (items[i].kind != BC_ITEM_PENALTY &&
        !(items[i].width >= 0 && items[i].stretch >= 0 &&
          items[i].shrink >= 0))
      s.monotone = false;
  }
  for (size_t pass = 0; pass < sizeof passes / sizeof passes[0] && !best;
       pass++) {
    if (pass > 0 && passes[pass] <= passes[pass - 1])
      continue;
    if ((rc = kp_pass(&best, items, count, &s, p, passes[pass], arena, err)))
      return rc;
  }
  if (!best)
    return bc_error_set(err, BC_ELAYOUT, "the paragraph cannot be broken");
  size_t *breaks = bc_arena_calloc(arena, best->line, sizeof *breaks);
  if (!breaks)
    return bc_error_oom(err);
  for (kp_node *n = best; n && n->position != SIZE_MAX; n = n->prev)
    breaks[n->line - 1] = n->position;
  *breaks_out = breaks;
  *count_out = best->line;
  return 0;
}

int bc_break_lines_first_fit(size_t **breaks_out,
                             size_t *count_out,
                             const bc_item *items,
                             size_t count,
                             const bc_break_params *p,
                             bc_arena *arena,
                             bc_error *err) {
  size_t *breaks = NULL, n = 0, cap = 0, start = 0;
  if (!count || !is_forced(&items[count - 1]))
    return bc_error_set(err, BC_ELAYOUT,
                        "a paragraph must end with a forced break");
  while (start < count) {
    double w = 0;
    size_t best = SIZE_MAX;
    for (size_t i = start; i < count; i++) {
      const bc_item *it = &items[i];
      if (is_break(items, i)) {
        double total = w + (it->kind == BC_ITEM_PENALTY ? it->width : 0);
        if (total <= p->line_width + 1e-6 || best == SIZE_MAX)
          best = i;
        if (total > p->line_width + 1e-6 || is_forced(it))
          break;
      }
      if (it->kind != BC_ITEM_PENALTY)
        w += it->width;
    }
    if (best == SIZE_MAX)
      best = count - 1;
    breaks = bc_arena_grow(arena, breaks, n, &cap, sizeof *breaks);
    if (!breaks)
      return bc_error_oom(err);
    breaks[n++] = best;
    start = line_start(items, count, best);
  }
  *breaks_out = breaks;
  *count_out = n;
  return 0;
}
