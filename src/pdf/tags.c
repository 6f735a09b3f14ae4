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
 *  3. PDF/A keeps arrays to 8191 entries (ISO 19005-1 6.1.12): an element
 *     with more children (a table of 10,000 rows) gets them in groups,
 *     TBody in a table and NonStruct elsewhere (14.8.4.2: grouping without
 *     meaning); the ParentTree's number tree gets leaves of a limited size
 *     under /Kids.
 *  4. A report has hundreds of elements, a big table tens of thousands.
 *     Built from libharu objects each would cost about ten allocations
 *     (entries, names, numbers, a proxy per reference), so each element,
 *     group and ParentTree leaf is an empty libharu dictionary, numbered by
 *     the xref, whose entries its write_fn writes from the tree below when
 *     the file is saved (the hook pdf.c uses for /Filter), on one line.
 */
#include "pdf/pdf_int.h"

#include "common/error.h"

#include <assert.h>
#include <stdarg.h>
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

int bc_pdf__tags_run(
    bc_tags *t, bc_buf *b, size_t page, uint32_t elem, bc_error *err) {
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
    return bc_error_oom(err);
  bc_buf_putc(b, '/');
  bc_buf_puts(b, type_names[t->pages->elems[elem].type]);
  bc_buf_puts(b, " <</MCID ");
  bc_buf_put_int(b, (long long)m->count);
  bc_buf_puts(b, ">> BDC\n");
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

/* A group of KIDS_MAX kids of one element (design note 3). */
typedef struct group {
  uint32_t elem;
  size_t from, to; /* kids[from..to) */
  uint32_t id;     /* its object number */
} group;

/* What the write_fn of the dictionaries reads; from the arena, alive
 * until the document is saved. Object numbers, not libharu objects. */
typedef struct tree {
  const bc_pages *pages;
  const bc_tags *tags;
  size_t n;             /* elements */
  uint32_t *page_ids;   /* [page count] */
  uint32_t *widget_ids; /* [field count] */
  uint32_t *elem_ids;   /* [n] */
  uint32_t *parent_ids; /* [n]: the root, an element or a group */
  size_t *first;        /* [n + 1]: element e's kids are kids[first[e]..] */
  kid *kids;
  group *groups;
  size_t group_count;
  size_t keys; /* of the ParentTree: pages, then widgets */
} tree;

/* What one dictionary is (its attr). */
typedef enum node_kind { NODE_ELEM, NODE_GROUP, NODE_NUMS } node_kind;

typedef struct node {
  const tree *tr;
  node_kind kind;
  size_t index; /* element, group, or first key of a ParentTree leaf */
} node;

static uint32_t obj_num(const void *obj) {
  return ((const HPDF_Obj_Header *)obj)->obj_id & 0x00FFFFFF;
}

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

/* ---- writing (at save time, from write_fn) ---- */

static HPDF_STATUS put(HPDF_Stream s, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* vsnprintf for the only conversions used here, %s, %u and %zu: a
 * tagged report writes a few thousand of these, and vsnprintf was a
 * third of their cost. */
static HPDF_STATUS put(HPDF_Stream s, const char *fmt, ...) {
  char buf[128], digits[24];
  size_t n = 0, len;
  const char *text;
  va_list ap;
  va_start(ap, fmt);
  for (const char *f = fmt; *f; f++) {
    if (*f != '%') {
      text = f;
      len = 1;
    } else if (*++f == 's') {
      text = va_arg(ap, const char *);
      len = strlen(text);
    } else {
      unsigned long long v = *f == 'z' ? va_arg(ap, size_t)
                                       : va_arg(ap, unsigned);
      f += *f == 'z';
      assert(*f == 'u');
      len = 0;
      do {
        digits[sizeof digits - ++len] = (char)('0' + v % 10);
        v /= 10;
      } while (v);
      text = digits + sizeof digits - len;
    }
    if (len >= sizeof buf - n) {
      assert(!"tags.c: put's buffer is too small");
      va_end(ap);
      return HPDF_INVALID_PARAMETER;
    }
    memcpy(buf + n, text, len);
    n += len;
  }
  va_end(ap);
  return HPDF_Stream_Write(s, (const HPDF_BYTE *)buf, (HPDF_UINT)n);
}

/* One kid: an element or group by reference, an MCID (an integer on the
 * element's page pg, else a marked-content reference), a widget's
 * object reference. */
static HPDF_STATUS
put_kid(HPDF_Stream s, const tree *tr, const kid *k, size_t pg) {
  if (k->kind == KID_ELEM)
    return put(s, " %u 0 R", (unsigned)tr->elem_ids[k->a]);
  if (k->kind == KID_MCID && k->a == pg)
    return put(s, " %u", (unsigned)k->b);
  if (k->kind == KID_MCID)
    return put(s, " <</Type/MCR/Pg %u 0 R/MCID %u>>",
               (unsigned)tr->page_ids[k->a], (unsigned)k->b);
  return put(s, " <</Type/OBJR/Obj %u 0 R>>", (unsigned)tr->widget_ids[k->a]);
}

/* /K with kids [from, to): one as it is, more in an array. */
static HPDF_STATUS
put_kids(HPDF_Stream s, const tree *tr, size_t from, size_t to, size_t pg) {
  HPDF_STATUS ret = HPDF_Stream_WriteStr(s, to - from > 1 ? "/K[" : "/K");
  for (size_t i = from; i < to && ret == HPDF_OK; i++)
    ret = put_kid(s, tr, &tr->kids[i], pg);
  if (ret == HPDF_OK && to - from > 1)
    ret = HPDF_Stream_WriteStr(s, "]");
  return ret;
}

/* An element: /S, /P, /A, /Pg, /K (its groups when it has them). */
static HPDF_STATUS put_elem(HPDF_Stream s, const tree *tr, size_t e) {
  const bc_struct_elem *el = &tr->pages->elems[e];
  size_t from = tr->first[e], to = tr->first[e + 1];
  size_t pg = content_page(tr, e);
  HPDF_STATUS ret;
  ret = put(s, "/S/%s/P %u 0 R", type_names[el->type],
            (unsigned)tr->parent_ids[e]);
  /* A header row's cell heads its column (14.8.5.7, Table 349). */
  if (ret == HPDF_OK && el->type == BC_STRUCT_TH)
    ret = HPDF_Stream_WriteStr(s, "/A<</O/Table/Scope/Column>>");
  if (ret == HPDF_OK && pg != SIZE_MAX)
    ret = put(s, "/Pg %u 0 R", (unsigned)tr->page_ids[pg]);
  if (ret != HPDF_OK || from == to)
    return ret;
  if (to - from <= KIDS_MAX)
    return put_kids(s, tr, from, to, pg);
  ret = HPDF_Stream_WriteStr(s, "/K[");
  for (size_t g = 0; g < tr->group_count && ret == HPDF_OK; g++)
    if (tr->groups[g].elem == e)
      ret = put(s, " %u 0 R", (unsigned)tr->groups[g].id);
  return ret == HPDF_OK ? HPDF_Stream_WriteStr(s, "]") : ret;
}

/* A ParentTree leaf: keys [first, first + NUMS_KEYS_MAX) of the tree:
 * each page's array of the element of each of its MCIDs, each widget's
 * Form element. */
static HPDF_STATUS
put_nums(HPDF_Stream s, const tree *tr, size_t first, bool limits) {
  const bc_pages *pg = tr->pages;
  size_t last =
      first + NUMS_KEYS_MAX < tr->keys ? first + NUMS_KEYS_MAX : tr->keys;
  HPDF_STATUS ret = HPDF_OK;
  if (limits)
    ret = put(s, "/Limits[%zu %zu]", first, last - 1);
  if (ret == HPDF_OK)
    ret = HPDF_Stream_WriteStr(s, "/Nums[");
  for (size_t key = first; key < last && ret == HPDF_OK; key++) {
    if (key < pg->count) {
      const page_marks *m = &tr->tags->marks[key];
      ret = put(s, "%s%zu[", key > first ? " " : "", key);
      for (size_t i = 0; i < m->count && ret == HPDF_OK; i++)
        ret = put(s, "%s%u 0 R", i ? " " : "",
                  (unsigned)tr->elem_ids[m->elem[i]]);
      if (ret == HPDF_OK)
        ret = HPDF_Stream_WriteStr(s, "]");
    } else {
      ret = put(s, "%s%zu %u 0 R", key > first ? " " : "", key,
                (unsigned)tr->elem_ids[pg->fields[key - pg->count].elem]);
    }
  }
  return ret == HPDF_OK ? HPDF_Stream_WriteStr(s, "]") : ret;
}

static HPDF_STATUS write_node(HPDF_Dict dict, HPDF_Stream s) {
  const node *n = dict->attr;
  const tree *tr = n->tr;
  const group *g;
  switch (n->kind) {
  case NODE_ELEM:
    return put_elem(s, tr, n->index);
  case NODE_GROUP:
    g = &tr->groups[n->index];
    return put(s, "/S/%s/P %u 0 R",
               tr->pages->elems[g->elem].type == BC_STRUCT_TABLE ? "TBody"
                                                                 : "NonStruct",
               (unsigned)tr->elem_ids[g->elem]) ||
                   put_kids(s, tr, g->from, g->to, SIZE_MAX)
               ? HPDF_FAILD_TO_ALLOC_MEM
               : HPDF_OK;
  case NODE_NUMS:
    return put_nums(s, tr, n->index, tr->keys > NUMS_KEYS_MAX);
  }
  return HPDF_INVALID_OBJECT;
}

/* ---- building (from bc_pdf__tags_write) ---- */

/* An empty dictionary in the xref that write_node fills when saved;
 * *id_out gets its object number. */
static int new_node(HPDF_Dict *out,
                    uint32_t *id_out,
                    HPDF_Doc doc,
                    const tree *tr,
                    node_kind kind,
                    size_t index,
                    bc_arena *arena,
                    bc_error *err) {
  node *n = bc_arena_alloc(arena, sizeof *n);
  HPDF_Dict d;
  if (!n || !(d = HPDF_Dict_New(doc->mmgr)) ||
      HPDF_Xref_Add(doc->xref, d) != HPDF_OK) /* frees d */
    return bc_error_oom(err);
  n->tr = tr;
  n->kind = kind;
  n->index = index;
  d->attr = n; /* arena memory: libharu does not free attr */
  d->write_fn = write_node;
  if (out)
    *out = d;
  if (id_out)
    *id_out = obj_num(d);
  return 0;
}

/* Groups for the elements with more than KIDS_MAX children, which become
 * the children's parents (design note 3). */
static int make_groups(tree *tr, HPDF_Doc doc, bc_arena *arena, bc_error *err) {
  size_t count = 0, g = 0;
  int rc;
  for (size_t e = 0; e < tr->n; e++)
    if (tr->first[e + 1] - tr->first[e] > KIDS_MAX)
      count += (tr->first[e + 1] - tr->first[e] + KIDS_MAX - 1) / KIDS_MAX;
  if (!count)
    return 0;
  if (!(tr->groups = bc_arena_calloc(arena, count, sizeof *tr->groups)))
    return bc_error_oom(err);
  for (size_t e = 0; e < tr->n; e++) {
    if (tr->first[e + 1] - tr->first[e] <= KIDS_MAX)
      continue;
    for (size_t i = tr->first[e]; i < tr->first[e + 1]; i += KIDS_MAX, g++) {
      group *gr = &tr->groups[g];
      gr->elem = (uint32_t)e;
      gr->from = i;
      gr->to =
          i + KIDS_MAX < tr->first[e + 1] ? i + KIDS_MAX : tr->first[e + 1];
      if ((rc = new_node(NULL, &gr->id, doc, tr, NODE_GROUP, g, arena, err)))
        return rc;
      for (size_t k = gr->from; k < gr->to; k++) {
        if (tr->kids[k].kind != KID_ELEM)
          return bc_error_set(err, BC_ELAYOUT,
                              "a %s element with more than %d parts cannot "
                              "be tagged",
                              type_names[tr->pages->elems[e].type], KIDS_MAX);
        tr->parent_ids[tr->kids[k].a] = gr->id;
      }
    }
  }
  tr->group_count = count;
  return 0;
}

/* The ParentTree (14.7.4.4): one leaf, or leaves under /Kids when it is
 * large (design note 3). */
static int make_parent_tree(
    HPDF_Dict root, tree *tr, HPDF_Doc doc, bc_arena *arena, bc_error *err) {
  HPDF_Dict pt, leaf;
  HPDF_Array kids;
  int rc;
  if (tr->keys <= NUMS_KEYS_MAX) {
    if ((rc = new_node(&pt, NULL, doc, tr, NODE_NUMS, 0, arena, err)))
      return rc;
  } else if (!(pt = HPDF_Dict_New(doc->mmgr)) ||
             HPDF_Xref_Add(doc->xref, pt) != HPDF_OK ||
             !(kids = HPDF_Array_New(doc->mmgr)) ||
             HPDF_Dict_Add(pt, "Kids", kids) != HPDF_OK) {
    return bc_error_oom(err);
  } else {
    for (size_t key = 0; key < tr->keys; key += NUMS_KEYS_MAX)
      if ((rc = new_node(&leaf, NULL, doc, tr, NODE_NUMS, key, arena, err)) ||
          (rc = HPDF_Array_Add(kids, leaf) == HPDF_OK ? 0 : bc_error_oom(err)))
        return rc;
  }
  if (HPDF_Dict_Add(root, "ParentTree", pt) != HPDF_OK ||
      HPDF_Dict_AddNumber(root, "ParentTreeNextKey", (HPDF_INT32)tr->keys) !=
          HPDF_OK)
    return bc_error_oom(err);
  return 0;
}

int bc_pdf__tags_write(HPDF_Doc doc,
                       const bc_tags *t,
                       const HPDF_Page *pdf_pages,
                       const HPDF_Dict *widgets,
                       bc_arena *arena,
                       bc_error *err) {
  const bc_pages *pg = t->pages;
  tree *tr = bc_arena_calloc(arena, 1, sizeof *tr);
  HPDF_Dict root, mark, prefs, doc_elem = NULL;
  int rc = 0;

  if (!tr)
    return bc_error_oom(err);
  tr->pages = pg;
  tr->tags = t;
  tr->n = pg->elem_count;
  tr->keys = pg->count + pg->field_count;
  tr->page_ids = bc_arena_calloc(arena, pg->count + 1, sizeof *tr->page_ids);
  tr->widget_ids =
      bc_arena_calloc(arena, pg->field_count + 1, sizeof *tr->widget_ids);
  tr->elem_ids = bc_arena_calloc(arena, tr->n, sizeof *tr->elem_ids);
  tr->parent_ids = bc_arena_calloc(arena, tr->n, sizeof *tr->parent_ids);
  if (!tr->page_ids || !tr->widget_ids || !tr->elem_ids || !tr->parent_ids)
    return bc_error_oom(err);
  for (size_t p = 0; p < pg->count; p++)
    tr->page_ids[p] = obj_num(pdf_pages[p]);
  for (size_t f = 0; f < pg->field_count; f++)
    tr->widget_ids[f] = obj_num(widgets[f]);
  if ((rc = place_kids(tr, arena, err)))
    return rc;

  root = HPDF_Dict_New(doc->mmgr);
  if (!root || HPDF_Xref_Add(doc->xref, root) != HPDF_OK ||
      HPDF_Dict_Add(doc->catalog, "StructTreeRoot", root) != HPDF_OK)
    return bc_error_oom(err);
  HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
  for (size_t e = 0; e < tr->n && !rc; e++) {
    rc = new_node(e ? NULL : &doc_elem, &tr->elem_ids[e], doc, tr, NODE_ELEM, e,
                  arena, err);
    tr->parent_ids[e] = e ? tr->elem_ids[pg->elems[e].parent] : obj_num(root);
  }
  if (rc || (rc = make_groups(tr, doc, arena, err)) ||
      (rc = make_parent_tree(root, tr, doc, arena, err)))
    return rc;
  if (HPDF_Dict_Add(root, "K", doc_elem) != HPDF_OK)
    return bc_error_oom(err);

  for (size_t p = 0; p < pg->count; p++) {
    HPDF_Dict_AddNumber(pdf_pages[p], "StructParents", (HPDF_INT32)p);
    if (HPDF_Dict_GetItem(pdf_pages[p], "Annots", HPDF_OCLASS_ARRAY))
      HPDF_Dict_AddName(pdf_pages[p], "Tabs", "S"); /* PDF/UA-1 7.18.3 */
  }
  for (size_t f = 0; f < pg->field_count; f++)
    HPDF_Dict_AddNumber(widgets[f], "StructParent",
                        (HPDF_INT32)(pg->count + f));

  if (!(mark = HPDF_Dict_New(doc->mmgr)) ||
      HPDF_Dict_Add(doc->catalog, "MarkInfo", mark) != HPDF_OK ||
      !(prefs = HPDF_Dict_New(doc->mmgr)) ||
      HPDF_Dict_Add(doc->catalog, "ViewerPreferences", prefs) != HPDF_OK)
    return bc_error_oom(err);
  HPDF_Dict_Add(mark, "Marked", HPDF_Boolean_New(doc->mmgr, HPDF_TRUE));
  HPDF_Dict_Add(prefs, "DisplayDocTitle",
                HPDF_Boolean_New(doc->mmgr, HPDF_TRUE));
  HPDF_Dict_Add(doc->catalog, "Lang",
                HPDF_String_New(doc->mmgr, "vi-VN", NULL));
  return 0;
}
