/* text/wrap.c: greedy filling of words into lines of a given width, for
 * layout's headers and titles and sign's appearance text. */
#include "text/text_int.h"

#include "common/error.h"

#include <string.h>

/* Width of text[0..len) in points at size. */
static int measure(double *out,
                   bc_shaper *sh,
                   const char *text,
                   size_t len,
                   const bc_wrap *how,
                   bc_arena *arena,
                   bc_error *err) {
  const bc_fontset *fs = bc_text__shaper_fonts(sh);
  bc_shaped s;
  int rc = bc_shaper_shape(&s, sh, how->style, text, len, arena, err);
  if (rc)
    return rc;
  *out = s.width * how->size / bc_fontset_info(fs, how->style)->upem;
  return 0;
}

/* The words of a text: where each starts, its length, its width. */
typedef struct words {
  const char *text;
  const size_t *starts;
  const size_t *lens;
  const double *widths;
  size_t n;
  double space; /* the width of one space */
} words;

/* Greedy fill of words at widths; returns the number of lines and, when
 * lines is not NULL, fills it. */
static size_t greedy(bc_text_line *lines,
                     const words *w,
                     double first_width,
                     double rest_width) {
  size_t count = 0, i = 0;
  while (i < w->n) {
    double limit = count ? rest_width : first_width;
    double x = w->widths[i];
    size_t j = i + 1;
    while (j < w->n && x + w->space + w->widths[j] <= limit + 1e-6) {
      x += w->space + w->widths[j];
      j++;
    }
    if (lines) {
      lines[count].text = w->text + w->starts[i];
      lines[count].len = w->starts[j - 1] + w->lens[j - 1] - w->starts[i];
    }
    count++;
    i = j;
  }
  return count;
}

int bc_shaper_wrap(bc_text_line **lines_out,
                   size_t *count_out,
                   bc_shaper *sh,
                   const char *text,
                   const bc_wrap *how,
                   bc_arena *arena,
                   bc_error *err) {
  size_t n = 0, len = strlen(text);
  size_t *starts, *lens;
  double *widths, widest = 0;
  double first_width = how->first_width, rest_width = how->rest_width;
  bc_text_line *lines;
  words w;
  int rc;

  for (size_t i = 0; i < len; i++)
    if (text[i] != ' ' && (i == 0 || text[i - 1] == ' '))
      n++;
  starts = bc_arena_calloc(arena, n + 1, sizeof *starts);
  lens = bc_arena_calloc(arena, n + 1, sizeof *lens);
  widths = bc_arena_calloc(arena, n + 1, sizeof *widths);
  if (!starts || !lens || !widths)
    return bc_error_oom(err);
  n = 0;
  for (size_t i = 0; i < len;) {
    if (text[i] == ' ') {
      i++;
      continue;
    }
    size_t j = i;
    while (j < len && text[j] != ' ')
      j++;
    starts[n] = i;
    lens[n] = j - i;
    if ((rc = measure(&widths[n], sh, text + i, j - i, how, arena, err)))
      return rc;
    if (widths[n] > widest)
      widest = widths[n];
    n++;
    i = j;
  }
  w = (words){text, starts, lens, widths, n, 0};
  if ((rc = measure(&w.space, sh, " ", 1, how, arena, err)))
    return rc;
  lines = bc_arena_calloc(arena, n + 1, sizeof *lines);
  if (!lines)
    return bc_error_oom(err);
  size_t count = greedy(NULL, &w, first_width, rest_width);
  if (how->balanced && count > 1) {
    /* The narrowest measure that still gives the same number of lines. */
    double lo = widest, hi = first_width;
    for (int k = 0; k < 30; k++) {
      double mid = (lo + hi) / 2;
      if (greedy(NULL, &w, mid, mid) <= count)
        hi = mid;
      else
        lo = mid;
    }
    first_width = rest_width = hi;
  }
  *count_out = greedy(lines, &w, first_width, rest_width);
  *lines_out = lines;
  return 0;
}
