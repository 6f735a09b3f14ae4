/* layout/structure.c: the logical structure of the pages (page.h's
 * bc_struct_elem): the elements in reading order as the frame and the body
 * are placed, with body blocks put into the lists and the phụ lục they
 * belong to. The PDF writer turns it into the structure tree of a tagged
 * PDF; the runs and fields name their element.
 *
 * Design notes:
 *  1. Elements are made when their content is placed, so their order is
 *     the reading order and a parent always comes before its children.
 *  2. A list item is LI > (Lbl, LBody). An item that is one paragraph has
 *     its text in LBody; otherwise every block of the item, its first
 *     paragraph included, goes into LBody as P, H, Table or a nested L, so
 *     that no element holds both runs and children.
 */
#include "layout/layout_int.h"

#include "common/error.h"

int bc_layout__elem_add(uint32_t *out,
                        lay *l,
                        bc_struct_type type,
                        uint32_t parent) {
  bc_struct_elem *e;
  if (l->elem_count >= UINT32_MAX)
    return bc_error_set(l->err, BC_ELAYOUT,
                        "too many structure elements in one report");
  l->elems = bc_arena_grow(l->arena, l->elems, l->elem_count, &l->elem_cap,
                           sizeof *l->elems);
  if (!l->elems)
    return bc_error_oom(l->err);
  e = &l->elems[l->elem_count];
  e->type = type;
  e->parent = parent;
  if (out)
    *out = (uint32_t)l->elem_count;
  l->elem_count++;
  return 0;
}

int bc_layout__struct_begin(lay *l) {
  l->section = 0;
  l->list_open = 0;
  return bc_layout__elem_add(NULL, l, BC_STRUCT_DOCUMENT, 0);
}

void bc_layout__set_section(lay *l, uint32_t parent) {
  l->section = parent;
  l->list_open = 0;
}

/* Opens an item of the list at level k (1-based): in a new list when
 * new_list or none is open at that level; with an Lbl when label_out. */
static int open_item(lay *l, unsigned k, bool new_list, uint32_t *label_out) {
  uint32_t parent = k == 1 ? l->section : l->lists[k - 2].body;
  uint32_t list = l->lists[k - 1].list, item, body;
  int rc;
  if ((new_list || l->list_open < k) &&
      (rc = bc_layout__elem_add(&list, l, BC_STRUCT_L, parent)))
    return rc;
  if ((rc = bc_layout__elem_add(&item, l, BC_STRUCT_LI, list)) ||
      (label_out &&
       (rc = bc_layout__elem_add(label_out, l, BC_STRUCT_LBL, item))) ||
      (rc = bc_layout__elem_add(&body, l, BC_STRUCT_LBODY, item)))
    return rc;
  l->lists[k - 1].list = list;
  l->lists[k - 1].item = item;
  l->lists[k - 1].body = body;
  l->list_open = k;
  return 0;
}

/* Whether the block has runs besides its marker's. */
static bool has_text(const lay_block *b) {
  for (size_t i = 0; i < b->line_count; i++)
    if (b->lines[i].run_count > b->lines[i].label_runs)
      return true;
  return false;
}

/* Whether the item b begins (at list level d) is b alone: what follows
 * is a new item, or outside the list. */
static bool item_alone(const lay_block *next, unsigned d) {
  unsigned nd;
  if (!next)
    return true;
  nd = next->source->list_depth < LIST_DEPTH_MAX ? next->source->list_depth
                                                 : LIST_DEPTH_MAX;
  return nd < d || (nd == d && (next->source->list_flags & BC_LIST_ITEM));
}

int bc_layout__block_elems(lay_block *b, lay *l, const lay_block *next) {
  const bc_block *src = b->source;
  unsigned d =
      src->list_depth < LIST_DEPTH_MAX ? src->list_depth : LIST_DEPTH_MAX;
  bool item = (src->list_flags & BC_LIST_ITEM) && d > 0;
  bool label = item && b->line_count && b->lines[0].label_runs;
  uint32_t parent = l->section;
  bc_struct_type type;
  int rc;

  b->elem = b->label_elem = 0;
  /* Lists deeper than this block end; levels above it that the Markdown
   * skipped (an item that begins with a table) get an item of their own. */
  if (l->list_open > d)
    l->list_open = d;
  for (unsigned k = l->list_open + 1; k < d; k++)
    if ((rc = open_item(l, k, true, NULL)))
      return rc;
  if (item) {
    if ((rc = open_item(l, d, (src->list_flags & BC_LIST_FIRST) != 0,
                        label ? &b->label_elem : NULL)))
      return rc;
  } else if (d > 0 && l->list_open < d) {
    if ((rc = open_item(l, d, true, NULL)))
      return rc;
  }
  if (d > 0)
    parent = l->lists[d - 1].body;

  if (b->table)
    type = BC_STRUCT_TABLE;
  else if (src->kind == BC_BLOCK_HEADING)
    type = (bc_struct_type)(BC_STRUCT_H1 + (src->level < 1   ? 0
                                            : src->level > 6 ? 5
                                                             : src->level - 1));
  else
    type = BC_STRUCT_P;
  /* A marker with nothing after it (an item that begins with a nested
   * list) is the item's label only. */
  if (!b->table && !has_text(b))
    return 0;
  if (item && type == BC_STRUCT_P && item_alone(next, d)) {
    b->elem = parent; /* design note 2 */
    return 0;
  }
  return bc_layout__elem_add(&b->elem, l, type, parent);
}
