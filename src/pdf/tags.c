/* pdf/tags.c: a tagged PDF (ISO 32000-1 14.7-14.8, designed to PDF/UA-1):
 * the runs of each page in marked content with an MCID, artifacts for what
 * is not content (rules, page numbers, repeated table headers), and the
 * structure tree of the page model's elements with its ParentTree.
 *
 * Design notes:
 *  1. Consecutive runs of one element share one marked-content sequence,
 *     so a paragraph has one MCID per page it is on.
 *  2. An element's kids are its child elements in index order (the
 *     reading order of the page model), then its content: MCIDs in page
 *     order (integers on its /Pg page, MCR dictionaries on others) and the
 *     widget of a Form element (OBJR). The page model gives an element
 *     children or content, not both.
 *  3. PDF/A keeps arrays to 8191 entries (ISO 19005-1 6.1.12, libharu
 *     enforces it): an element with more children (a table of 10,000
 *     rows) gets them in groups, TBody in a table and NonStruct elsewhere
 *     (14.8.4.2: grouping without meaning); the ParentTree's number tree
 *     gets leaves of a limited size under /Kids.
 */
#include "pdf/pdf_int.h"

#include "common/error.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

/* Kids of one array, and entries of one ParentTree leaf (2 per key). */
#define KIDS_MAX 8000
#define NUMS_KEYS_MAX 2000

/* The tag of each structure type (14.8.4, Tables 333-341). */
static const char *const type_names[BC_STRUCT_COUNT] = {
    [BC_STRUCT_DOCUMENT] = "Document",
    [BC_STRUCT_SECT] = "Sect",
    [BC_STRUCT_DIV] = "Div",
    [BC_STRUCT_H1] = "H1",
    [BC_STRUCT_H2] = "H2",
    [BC_STRUCT_H3] = "H3",
    [BC_STRUCT_H4] = "H4",
    [BC_STRUCT_H5] = "H5",
    [BC_STRUCT_H6] = "H6",
    [BC_STRUCT_P] = "P",
    [BC_STRUCT_L] = "L",
    [BC_STRUCT_LI] = "LI",
    [BC_STRUCT_LBL] = "Lbl",
    [BC_STRUCT_LBODY] = "LBody",
    [BC_STRUCT_TABLE] = "Table",
    [BC_STRUCT_TR] = "TR",
    [BC_STRUCT_TH] = "TH",
    [BC_STRUCT_TD] = "TD",
    [BC_STRUCT_FORM] = "Form"};

/* The element of each MCID of one page. */
typedef struct page_marks {
  uint32_t *elem;
  size_t count, cap;
} page_marks;

struct bc_tags {
  const bc_pages *pages;
  bc_arena *arena;
  page_marks *marks; /* [page count] */
  bool open;         /* a marked-content sequence of runs is open */
  uint32_t open_elem;
};

int bc_pdf__tags_new(bc_tags **out,
                     const bc_pages *pages,
                     bc_arena *arena,
                     bc_error *err) {
  bc_tags *t = bc_arena_calloc(arena, 1, sizeof *t);
  if (!t ||
      !(t->marks = bc_arena_calloc(arena, pages->count + 1, sizeof *t->marks)))
    return bc_error_oom(err);
  if (!pages->elem_count)
    return bc_error_set(err, BC_ERROR, "the pages have no structure");
  t->pages = pages;
  t->arena = arena;
  *out = t;
  return 0;
}

void bc_pdf__tags_rules_begin(bc_tags *t, bc_buf *b) {
  (void)t;
  bc_buf_puts(b, "/Artifact <</Type /Layout>> BDC\n");
}

void bc_pdf__tags_rules_end(bc_tags *t, bc_buf *b) {
  (void)t;
  bc_buf_puts(b, "EMC\n");
}

int bc_pdf__tags_run(bc_tags *t, bc_buf *b, size_t page, uint32_t elem) {
  page_marks *m = &t->marks[page];
  assert(elem < t->pages->elem_count);
  if (t->open && t->open_elem == elem)
    return 0;
  if (t->open)
    bc_buf_puts(b, "EMC\n");
  t->open = true;
  t->open_elem = elem;
  if (!elem) {
    bc_buf_puts(b, "/Artifact <</Type /Pagination>> BDC\n");
    return 0;
  }
  m->elem =
      bc_arena_grow(t->arena, m->elem, m->count, &m->cap, sizeof *m->elem);
  if (!m->elem)
    return BC_ENOMEM; /* the caller's bc_buf_check names it */
  bc_buf_printf(b, "/%s <</MCID %zu>> BDC\n",
                type_names[t->pages->elems[elem].type], m->count);
  m->elem[m->count++] = elem;
  return 0;
}

void bc_pdf__tags_end_page(bc_tags *t, bc_buf *b) {
  if (t->open)
    bc_buf_puts(b, "EMC\n");
  t->open = false;
}

/* ---- the structure tree ---- */

typedef enum kid_kind { KID_ELEM, KID_MCID, KID_WIDGET } kid_kind;

typedef struct kid {
  kid_kind kind;
  uint32_t a; /* element; page of an MCID; field */
  uint32_t b; /* the MCID */
} kid;

typedef struct tree {
  HPDF_Doc doc;
  HPDF_MMgr mm;
  const bc_pages *pages;
  const bc_tags *tags;
  const HPDF_Page *pdf_pages;
  const HPDF_Dict *widgets;
  size_t n;           /* elements */
  HPDF_Dict *dicts;   /* [n] */
  HPDF_Dict *parents; /* [n]: the dictionary each element's /P names */
  size_t *first;      /* [n + 1]: element e's kids are kids[first[e]..] */
  kid *kids;
} tree;

/* Places every kid in the order of design note 2, by counting. */
static int place_kids(tree *tr, bc_arena *arena, bc_error *err) {
  const bc_pages *pg = tr->pages;
  const bc_tags *t = tr->tags;
  size_t *fill, total = 0;
  fill = bc_arena_calloc(arena, tr->n + 1, sizeof *fill);
  tr->first = bc_arena_calloc(arena, tr->n + 1, sizeof *tr->first);
  if (!fill || !tr->first)
    return bc_error_oom(err);
  for (size_t e = 1; e < tr->n; e++)
    fill[pg->elems[e].parent]++;
  for (size_t p = 0; p < pg->count; p++)
    for (size_t m = 0; m < t->marks[p].count; m++)
      fill[t->marks[p].elem[m]]++;
  for (size_t f = 0; f < pg->field_count; f++)
    fill[pg->fields[f].elem]++;
  for (size_t e = 0; e < tr->n; e++) {
    size_t count = fill[e];
    tr->first[e] = fill[e] = total;
    total += count;
  }
  tr->first[tr->n] = total;
  tr->kids = bc_arena_calloc(arena, total + 1, sizeof *tr->kids);
  if (!tr->kids)
    return bc_error_oom(err);
  for (size_t e = 1; e < tr->n; e++)
    tr->kids[fill[pg->elems[e].parent]++] = (kid){KID_ELEM, (uint32_t)e, 0};
  for (size_t p = 0; p < pg->count; p++)
    for (size_t m = 0; m < t->marks[p].count; m++)
      tr->kids[fill[t->marks[p].elem[m]]++] =
          (kid){KID_MCID, (uint32_t)p, (uint32_t)m};
  for (size_t f = 0; f < pg->field_count; f++)
    tr->kids[fill[pg->fields[f].elem]++] = (kid){KID_WIDGET, (uint32_t)f, 0};
  return 0;
}

/* The page of an element's first content kid, or SIZE_MAX. */
static size_t content_page(const tree *tr, size_t e) {
  for (size_t i = tr->first[e]; i < tr->first[e + 1]; i++) {
    if (tr->kids[i].kind == KID_MCID)
      return tr->kids[i].a;
    if (tr->kids[i].kind == KID_WIDGET)
      return tr->pages->fields[tr->kids[i].a].page;
  }
  return SIZE_MAX;
}

/* The object for a kid: the element, an MCID (an integer on the element's
 * page pg, else a marked-content reference), or a widget's OBJR. */
static void *kid_value(const tree *tr, const kid *k, size_t pg) {
  HPDF_Dict d;
  if (k->kind == KID_ELEM)
    return tr->dicts[k->a];
  if (k->kind == KID_MCID && k->a == pg)
    return HPDF_Number_New(tr->mm, (HPDF_INT32)k->b);
  if (!(d = HPDF_Dict_New(tr->mm)))
    return NULL;
  if (k->kind == KID_MCID) {
    HPDF_Dict_AddName(d, "Type", "MCR");
    HPDF_Dict_Add(d, "Pg", tr->pdf_pages[k->a]);
    HPDF_Dict_AddNumber(d, "MCID", (HPDF_INT32)k->b);
  } else {
    HPDF_Dict_AddName(d, "Type", "OBJR");
    HPDF_Dict_Add(d, "Obj", tr->widgets[k->a]);
  }
  return d;
}

/* Kids [from, to) of element e into dict's /K: one kid as it is, more in
 * an array. */
static int put_kids(tree *tr,
                    HPDF_Dict dict,
                    size_t from,
                    size_t to,
                    size_t pg,
                    bc_error *err) {
  HPDF_Array a;
  if (to - from == 1)
    return HPDF_Dict_Add(dict, "K", kid_value(tr, &tr->kids[from], pg)) ==
                   HPDF_OK
               ? 0
               : bc_error_oom(err);
  if (!(a = HPDF_Array_New(tr->mm)) || HPDF_Dict_Add(dict, "K", a) != HPDF_OK)
    return bc_error_oom(err);
  for (size_t i = from; i < to; i++)
    HPDF_Array_Add(a, kid_value(tr, &tr->kids[i], pg));
  return 0;
}

/* Design note 3: more than KIDS_MAX children go into groups, which become
 * the children's parents. */
static int put_groups(tree *tr, size_t e, bc_error *err) {
  HPDF_Array a;
  const char *group =
      tr->pages->elems[e].type == BC_STRUCT_TABLE ? "TBody" : "NonStruct";
  int rc;
  if (!(a = HPDF_Array_New(tr->mm)) ||
      HPDF_Dict_Add(tr->dicts[e], "K", a) != HPDF_OK)
    return bc_error_oom(err);
  for (size_t i = tr->first[e]; i < tr->first[e + 1]; i += KIDS_MAX) {
    size_t to =
        i + KIDS_MAX < tr->first[e + 1] ? i + KIDS_MAX : tr->first[e + 1];
    HPDF_Dict g = HPDF_Dict_New(tr->mm);
    if (!g || HPDF_Xref_Add(tr->doc->xref, g) != HPDF_OK)
      return bc_error_oom(err);
    HPDF_Array_Add(a, g);
    HPDF_Dict_AddName(g, "S", group);
    HPDF_Dict_Add(g, "P", tr->dicts[e]);
    for (size_t k = i; k < to; k++) {
      if (tr->kids[k].kind != KID_ELEM)
        return bc_error_set(err, BC_ELAYOUT,
                            "a %s element with more than %d parts cannot be "
                            "tagged",
                            type_names[tr->pages->elems[e].type], KIDS_MAX);
      tr->parents[tr->kids[k].a] = g;
    }
    if ((rc = put_kids(tr, g, i, to, SIZE_MAX, err)))
      return rc;
  }
  return 0;
}

/* Fills element e's dictionary: /S, /P, /T, /A, /Pg, /K. */
static int put_elem(tree *tr, size_t e, bc_buf *text, bc_error *err) {
  const bc_struct_elem *el = &tr->pages->elems[e];
  HPDF_Dict d = tr->dicts[e];
  size_t from = tr->first[e], to = tr->first[e + 1];
  size_t pg = content_page(tr, e);
  HPDF_Dict_AddName(d, "S", type_names[el->type]);
  HPDF_Dict_Add(d, "P", tr->parents[e]);
  if (el->title) {
    HPDF_Binary title = bc_pdf__text_string(tr->mm, el->title, text);
    if (!title || HPDF_Dict_Add(d, "T", title) != HPDF_OK)
      return bc_error_oom(err);
  }
  if (el->type == BC_STRUCT_TH) {
    /* A header row's cell heads its column (14.8.5.7, Table 349). */
    HPDF_Dict attr = HPDF_Dict_New(tr->mm);
    if (!attr || HPDF_Dict_Add(d, "A", attr) != HPDF_OK)
      return bc_error_oom(err);
    HPDF_Dict_AddName(attr, "O", "Table");
    HPDF_Dict_AddName(attr, "Scope", "Column");
  }
  if (pg != SIZE_MAX)
    HPDF_Dict_Add(d, "Pg", tr->pdf_pages[pg]);
  if (from == to)
    return 0;
  if (to - from > KIDS_MAX)
    return put_groups(tr, e, err);
  return put_kids(tr, d, from, to, pg, err);
}

/* The ParentTree (14.7.4.4): for each page, the element of each of its
 * MCIDs; for each widget, its Form element. A number tree with one leaf,
 * or leaves under /Kids when it is large (design note 3). */
static int put_parent_tree(tree *tr, HPDF_Dict root, bc_error *err) {
  const bc_pages *pg = tr->pages;
  size_t keys = pg->count + pg->field_count;
  HPDF_Dict pt = HPDF_Dict_New(tr->mm), leaf = NULL;
  HPDF_Array kids = NULL, nums = NULL, limits;
  if (!pt || HPDF_Xref_Add(tr->doc->xref, pt) != HPDF_OK ||
      HPDF_Dict_Add(root, "ParentTree", pt) != HPDF_OK)
    return bc_error_oom(err);
  if (keys > NUMS_KEYS_MAX && (!(kids = HPDF_Array_New(tr->mm)) ||
                               HPDF_Dict_Add(pt, "Kids", kids) != HPDF_OK))
    return bc_error_oom(err);
  for (size_t key = 0; key < keys; key++) {
    if (key % NUMS_KEYS_MAX == 0) {
      leaf = pt;
      if (kids) {
        size_t last =
            key + NUMS_KEYS_MAX - 1 < keys ? key + NUMS_KEYS_MAX - 1 : keys - 1;
        if (!(leaf = HPDF_Dict_New(tr->mm)) ||
            HPDF_Xref_Add(tr->doc->xref, leaf) != HPDF_OK ||
            HPDF_Array_Add(kids, leaf) != HPDF_OK ||
            !(limits = HPDF_Array_New(tr->mm)) ||
            HPDF_Dict_Add(leaf, "Limits", limits) != HPDF_OK)
          return bc_error_oom(err);
        HPDF_Array_AddNumber(limits, (HPDF_INT32)key);
        HPDF_Array_AddNumber(limits, (HPDF_INT32)last);
      }
      if (!(nums = HPDF_Array_New(tr->mm)) ||
          HPDF_Dict_Add(leaf, "Nums", nums) != HPDF_OK)
        return bc_error_oom(err);
    }
    HPDF_Array_AddNumber(nums, (HPDF_INT32)key);
    if (key < pg->count) {
      const page_marks *m = &tr->tags->marks[key];
      HPDF_Array a = HPDF_Array_New(tr->mm);
      if (!a || HPDF_Array_Add(nums, a) != HPDF_OK)
        return bc_error_oom(err);
      for (size_t i = 0; i < m->count; i++)
        HPDF_Array_Add(a, tr->dicts[m->elem[i]]);
    } else {
      HPDF_Array_Add(nums, tr->dicts[pg->fields[key - pg->count].elem]);
    }
  }
  return HPDF_Dict_AddNumber(root, "ParentTreeNextKey", (HPDF_INT32)keys) ==
                 HPDF_OK
             ? 0
             : bc_error_oom(err);
}

int bc_pdf__tags_write(HPDF_Doc doc,
                       const bc_tags *t,
                       const HPDF_Page *pdf_pages,
                       const HPDF_Dict *widgets,
                       bc_arena *arena,
                       bc_error *err) {
  const bc_pages *pg = t->pages;
  tree tr;
  HPDF_Dict root, mark, prefs;
  bc_buf text;
  int rc = 0;

  memset(&tr, 0, sizeof tr);
  tr.doc = doc;
  tr.mm = doc->mmgr;
  tr.pages = pg;
  tr.tags = t;
  tr.pdf_pages = pdf_pages;
  tr.widgets = widgets;
  tr.n = pg->elem_count;
  tr.dicts = bc_arena_calloc(arena, tr.n, sizeof *tr.dicts);
  tr.parents = bc_arena_calloc(arena, tr.n, sizeof *tr.parents);
  if (!tr.dicts || !tr.parents)
    return bc_error_oom(err);
  if ((rc = place_kids(&tr, arena, err)))
    return rc;
  root = HPDF_Dict_New(tr.mm);
  if (!root || HPDF_Xref_Add(doc->xref, root) != HPDF_OK ||
      HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root) != HPDF_OK)
    return bc_error_oom(err);
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  for (size_t e = 0; e < tr.n; e++) {
    tr.dicts[e] = HPDF_Dict_New(tr.mm);
    if (!tr.dicts[e] || HPDF_Xref_Add(doc->xref, tr.dicts[e]) != HPDF_OK)
      return bc_error_oom(err);
    tr.parents[e] = e ? tr.dicts[pg->elems[e].parent] : root;
  }
  HPDF_Dict_Add(root, "K", tr.dicts[0]);
  /* In index order: a parent's groups are made before its children's /P
   * is written (design note 3). */
  bc_buf_init(&text, arena->alloc);
  for (size_t e = 0; e < tr.n && !rc; e++)
    rc = put_elem(&tr, e, &text, err);
  bc_buf_free(&text);
  if (rc || (rc = put_parent_tree(&tr, root, err)))
    return rc;

  for (size_t p = 0; p < pg->count; p++) {
    HPDF_Dict_AddNumber(pdf_pages[p], "StructParents", (HPDF_INT32)p);
    if (HPDF_Dict_GetItem(pdf_pages[p], "Annots", HPDF_OCLASS_ARRAY))
      HPDF_Dict_AddName(pdf_pages[p], "Tabs", "S"); /* PDF/UA-1 7.18.3 */
  }
  for (size_t f = 0; f < pg->field_count; f++)
    HPDF_Dict_AddNumber(widgets[f], "StructParent",
                        (HPDF_INT32)(pg->count + f));

  if (!(mark = HPDF_Dict_New(tr.mm)) ||
      HPDF_Dict_Add(doc->catalog, "MarkInfo", mark) != HPDF_OK ||
      !(prefs = HPDF_Dict_New(tr.mm)) ||
      HPDF_Dict_Add(doc->catalog, "ViewerPreferences", prefs) != HPDF_OK)
    return bc_error_oom(err);
  HPDF_Dict_Add(mark, "Marked", HPDF_Boolean_New(tr.mm, HPDF_TRUE));
  HPDF_Dict_Add(prefs, "DisplayDocTitle", HPDF_Boolean_New(tr.mm, HPDF_TRUE));
  HPDF_Dict_Add(doc->catalog, "Lang", HPDF_String_New(tr.mm, "vi-VN", NULL));
  return 0;
}
