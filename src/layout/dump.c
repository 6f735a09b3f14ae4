/* layout/dump.c: the page model as text, for goldens and tests. */
#include "layout/layout.h"

void bc_pages_dump(bc_buf *out, const bc_pages *pages) {
  static const char *const styles[] = {"R", "B", "I", "BI"};
  for (size_t p = 0; p < pages->count; p++) {
    const bc_page *pg = &pages->pages[p];
    for (size_t r = 0; r < pg->rule_count; r++) {
      const bc_rule *u = &pg->rules[r];
      bc_buf_printf(out,
                    "page %zu rule x0=%.2f y0=%.2f x1=%.2f y1=%.2f "
                    "width=%.2f\n",
                    p + 1, u->x0_pt, u->y0_pt, u->x1_pt, u->y1_pt, u->width_pt);
    }
    for (size_t r = 0; r < pg->run_count; r++) {
      const bc_run *run = &pg->runs[r];
      double w = 0;
      for (size_t i = 0; i < run->count; i++)
        w += run->glyphs[i].advance_pt;
      bc_buf_printf(
          out, "page %zu run x=%.2f y=%.2f w=%.2f size=%g style=%s \"", p + 1,
          run->x_pt, run->y_pt, w, run->size_pt, styles[run->style & 3u]);
      for (size_t i = 0; i < run->count; i++)
        bc_buf_put(out, run->glyphs[i].text, run->glyphs[i].text_len);
      bc_buf_puts(out, "\"\n");
    }
  }
}
