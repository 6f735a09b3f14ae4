/* pdf/revisions.c: what changed between a signed revision of a PDF and a
 * later document, each change named and judged allowed or a modification,
 * in the manner of pyHanko's diff analysis (rules for form fields, file
 * structure and metadata): the later document is walked from its catalog
 * in step with the signed one, and every difference must be explained by a
 * rule that allows it.
 *
 * Design notes:
 *  1. Equality is structural: two values are the same when they have the
 *     same kind and value, arrays item by item, dictionaries key by key,
 *     streams by dictionary and stored bytes; references are followed.
 *     A pair of indirect objects is compared once (remembered by their
 *     numbers), and taken as equal while its comparison is under way, so
 *     loops end and shared objects cost one visit. The links back up the
 *     tree (/P, /Parent) are not followed, and a page met on the way (an
 *     outline's destination) is the same page when it is the same object:
 *     pages and fields are compared on their own.
 *  2. Allowed: a signature field that was empty getting /V, /AP, /M and
 *     /AS;
 *     new signature fields (with their widgets, added to a page's
 *     /Annots and to /Fields); /SigFlags; entries added to the form's /DR;
 *     the catalog's /DSS. Everything else reachable from the catalog or
 *     /Info that differs is a modification, named by where it is. What is
 *     not reachable changes nothing a reader shows, so it is not looked
 *     at. */
#include "pdf/pdfread.h"
#include "common/i18n.h"

#include "common/error.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct memo_entry {
  uint64_t key; /* then << 32 | now; 0: empty */
  int state;    /* 1 equal (or in progress), 2 different */
} memo_entry;

typedef struct cmp {
  bc_pdf_reader *a, *b; /* then, now */
  bc_arena *arena;
  bc_pdf_change *list;
  size_t count, cap;
  memo_entry *memo;
  size_t memo_size, memo_used;
  int failed; /* BC_ENOMEM */
} cmp;

static void add_change(cmp *c, bool allowed, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_change(cmp *c, bool allowed, const char *fmt, ...) {
  char buf[256];
  bc_pdf_change *ch;
  va_list ap;
  if (c->failed)
    return;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, bc_tr(fmt), ap);
  va_end(ap);
  /* The same sentence twice says nothing new. */
  for (size_t i = 0; i < c->count; i++)
    if (!strcmp(c->list[i].what, buf))
      return;
  if (!(c->list = bc_arena_grow(c->arena, c->list, c->count, &c->cap,
                                sizeof *c->list)) ||
      !(ch = &c->list[c->count], ch->what = bc_arena_strdup(c->arena, buf))) {
    c->failed = BC_ENOMEM;
    return;
  }
  ch->allowed = allowed;
  c->count++;
}

/* ---- the memo of compared pairs (design note 1) ---- */

static memo_entry *memo_find(cmp *c, uint64_t key) {
  if (c->memo_used * 2 >= c->memo_size) {
    size_t size = c->memo_size ? c->memo_size * 2 : 1024;
    memo_entry *m = bc_arena_calloc(c->arena, size, sizeof *m);
    if (!m) {
      c->failed = BC_ENOMEM;
      return NULL;
    }
    for (size_t i = 0; i < c->memo_size; i++)
      if (c->memo[i].key) {
        size_t j = (size_t)(c->memo[i].key * 0x9E3779B97F4A7C15ull) & (size - 1);
        while (m[j].key)
          j = (j + 1) & (size - 1);
        m[j] = c->memo[i];
      }
    c->memo = m;
    c->memo_size = size;
  }
  size_t j = (size_t)(key * 0x9E3779B97F4A7C15ull) & (c->memo_size - 1);
  while (c->memo[j].key && c->memo[j].key != key)
    j = (j + 1) & (c->memo_size - 1);
  if (!c->memo[j].key) {
    c->memo[j].key = key;
    c->memo_used++;
  }
  return &c->memo[j];
}

/* What a signature field may gain when it is signed (design note 2); /AS
 * names the appearance chosen, as poppler's pdfsig sets it. */
static const char *const signing_keys[] = {"V", "AP", "M", "AS"};

/* ---- structural equality ---- */

static bool same(cmp *c, bc_pdf_obj x, bc_pdf_obj y, int depth);

static bool same_scalar(cmp *c, bc_pdf_obj x, bc_pdf_obj y) {
  bc_buf bx, by;
  bool eq;
  bc_buf_init(&bx, c->arena->alloc);
  bc_buf_init(&by, c->arena->alloc);
  bc_pdf_unparse(&bx, c->a, x);
  bc_pdf_unparse(&by, c->b, y);
  eq = bx.len == by.len && (!bx.len || !memcmp(bx.data, by.data, bx.len));
  if (bx.failed || by.failed)
    c->failed = BC_ENOMEM;
  bc_buf_free(&bx);
  bc_buf_free(&by);
  return eq;
}

/* /P (an annotation's page) and /Parent (a page's or a field's parent)
 * point back up the tree: the pages and fields are compared on their
 * own, and following these would make every comparison one of the whole
 * document (design note 1). */
static bool back_link(const char *key) {
  return !strcmp(key, "P") || !strcmp(key, "Parent");
}

static bool same_dict(cmp *c, bc_pdf_obj x, bc_pdf_obj y, int depth) {
  size_t nx, ny;
  bool eq = true;
  bc_arena keys; /* freed here: a walk must not grow with what it visits */
  bc_arena_init(&keys, c->arena->alloc);
  const char **kx = bc_pdf_keys(c->a, x, &keys, &nx);
  bc_pdf_keys(c->b, y, &keys, &ny);
  eq = nx == ny;
  for (size_t i = 0; i < nx && eq; i++) {
    if (!bc_pdf_has(c->b, y, kx[i])) {
      eq = false;
      break;
    }
    if (back_link(kx[i]))
      continue;
    bc_pdf_obj vx = bc_pdf_get(c->a, x, kx[i]);
    bc_pdf_obj vy = bc_pdf_get(c->b, y, kx[i]);
    /* An object reference of the structure tree (OBJR) names an annotation,
     * and annotations are compared on their own (compare_annots): here it
     * is the same when it is the same object, so that a signature field
     * being signed does not change the tags. */
    if (!strcmp(kx[i], "Obj") && bc_pdf_id(c->a, vx) && bc_pdf_id(c->b, vy))
      eq = bc_pdf_id(c->a, vx) == bc_pdf_id(c->b, vy);
    else
      eq = same(c, vx, vy, depth + 1);
    bc_pdf_release(c->a, vx);
    bc_pdf_release(c->b, vy);
  }
  bc_arena_release(&keys);
  return eq;
}

static bool same_direct(cmp *c, bc_pdf_obj x, bc_pdf_obj y, int depth) {
  bc_pdf_kind k = bc_pdf_kind_of(c->a, x);
  if (k != bc_pdf_kind_of(c->b, y))
    return false;
  switch (k) {
  case BC_PDF_ARRAY: {
    size_t n = bc_pdf_count(c->a, x);
    if (n != bc_pdf_count(c->b, y))
      return false;
    for (size_t i = 0; i < n; i++) {
      bc_pdf_obj ix = bc_pdf_item(c->a, x, i), iy = bc_pdf_item(c->b, y, i);
      bool eq = same(c, ix, iy, depth + 1);
      bc_pdf_release(c->a, ix);
      bc_pdf_release(c->b, iy);
      if (!eq)
        return false;
    }
    return true;
  }
  case BC_PDF_DICT:
    return same_dict(c, x, y, depth);
  case BC_PDF_STREAM: {
    size_t lx = 0, ly = 0;
    if (!same_dict(c, x, y, depth))
      return false;
    const unsigned char *dx = bc_pdf_stream_raw(c->a, x, &lx);
    const unsigned char *dy = bc_pdf_stream_raw(c->b, y, &ly);
    return dx && dy && lx == ly && !memcmp(dx, dy, lx);
  }
  case BC_PDF_NONE:
    return true;
  default:
    return same_scalar(c, x, y);
  }
}

static bool same(cmp *c, bc_pdf_obj x, bc_pdf_obj y, int depth) {
  if (c->failed || !bc_pdf_step(c->a, depth) || !bc_pdf_step(c->b, depth))
    return true; /* the error is reported; the answer no longer matters */
  int ix = bc_pdf_id(c->a, x), iy = bc_pdf_id(c->b, y);
  if (!ix && !iy)
    return same_direct(c, x, y, depth);
  memo_entry *m =
      memo_find(c, ((uint64_t)(uint32_t)ix << 32) | (uint32_t)iy | (1ull << 63));
  if (!m)
    return true;
  if (m->state)
    return m->state == 1;
  m->state = 1; /* in progress: equal (design note 1) */
  bool eq;
  /* A page met on the way (an outline's or a link's destination) is the
   * same page when it is the same object: pages are compared on their
   * own, in order (compare_page). */
  bc_pdf_obj tx = ix ? bc_pdf_get(c->a, x, "Type") : 0;
  bc_pdf_obj ty = iy ? bc_pdf_get(c->b, y, "Type") : 0;
  bool pages = tx && ty && bc_pdf_is_name(c->a, tx, "Page") &&
               bc_pdf_is_name(c->b, ty, "Page");
  bc_pdf_release(c->a, tx);
  bc_pdf_release(c->b, ty);
  if (pages && depth > 0)
    eq = ix == iy;
  else
    eq = same_direct(c, x, y, depth);
  /* The table may have grown meanwhile: find the entry again. */
  m = memo_find(c, ((uint64_t)(uint32_t)ix << 32) | (uint32_t)iy | (1ull << 63));
  if (m)
    m->state = eq ? 1 : 2;
  return eq;
}

static bool same_key(cmp *c, bc_pdf_obj x, bc_pdf_obj y, const char *key) {
  bc_pdf_obj vx = bc_pdf_get(c->a, x, key), vy = bc_pdf_get(c->b, y, key);
  bool eq = same(c, vx, vy, 1);
  bc_pdf_release(c->a, vx);
  bc_pdf_release(c->b, vy);
  return eq;
}

/* Every key of x but those in skip is the same in y, and y has no other
 * key but those in skip; else *diff names a key that differs. */
static bool same_except(cmp *c,
                        bc_pdf_obj x,
                        bc_pdf_obj y,
                        const char *const *skip,
                        size_t nskip,
                        const char **diff) {
  size_t nx, ny;
  const char **kx = bc_pdf_keys(c->a, x, c->arena, &nx);
  const char **ky = bc_pdf_keys(c->b, y, c->arena, &ny);
  for (size_t i = 0; i < ny; i++) {
    bool skipped = false;
    for (size_t k = 0; k < nskip; k++)
      skipped |= !strcmp(ky[i], skip[k]);
    if (!skipped && !bc_pdf_has(c->a, x, ky[i])) {
      *diff = ky[i];
      return false;
    }
  }
  for (size_t i = 0; i < nx; i++) {
    bool skipped = false;
    for (size_t k = 0; k < nskip; k++)
      skipped |= !strcmp(kx[i], skip[k]);
    if (!skipped && !back_link(kx[i]) && !same_key(c, x, y, kx[i])) {
      *diff = kx[i];
      return false;
    }
  }
  return true;
}

/* ---- fields ---- */

typedef struct field {
  int id;
  bc_pdf_obj h;
  const char *name;
  bool sig, is_signed;
} field;

typedef struct fieldset {
  field *items;
  size_t count, cap;
} fieldset;

static const char *field_name(bc_pdf_reader *r, bc_pdf_obj f) {
  const char *t = bc_pdf_text(r, bc_pdf_get(r, f, "T"));
  return t && *t ? t : "(no name)";
}

/* The terminal fields under the array kids. */
static int collect_fields(fieldset *out,
                          bc_pdf_reader *r,
                          bc_pdf_obj kids,
                          bool inherited_sig,
                          int depth,
                          bc_arena *arena) {
  size_t n = bc_pdf_count(r, kids);
  for (size_t i = 0; i < n; i++) {
    bc_pdf_obj f = bc_pdf_item(r, kids, i);
    if (!bc_pdf_step(r, depth))
      return 0;
    if (bc_pdf_kind_of(r, f) != BC_PDF_DICT)
      continue;
    int id = bc_pdf_id(r, f);
    bool dup = false;
    for (size_t k = 0; k < out->count && id; k++)
      dup |= out->items[k].id == id;
    if (dup)
      continue; /* a loop, or listed twice */
    bool sig = bc_pdf_is_name(r, bc_pdf_get(r, f, "FT"), "Sig") ||
               (!bc_pdf_has(r, f, "FT") && inherited_sig);
    bc_pdf_obj sub = bc_pdf_get(r, f, "Kids");
    bool has_field_kids = false;
    for (size_t k = 0; k < bc_pdf_count(r, sub) && !has_field_kids; k++)
      has_field_kids = bc_pdf_has(r, bc_pdf_item(r, sub, k), "T");
    if (has_field_kids) {
      int rc = collect_fields(out, r, sub, sig, depth + 1, arena);
      if (rc)
        return rc;
      continue;
    }
    if (!(out->items = bc_arena_grow(arena, out->items, out->count, &out->cap,
                                     sizeof *out->items)))
      return BC_ENOMEM;
    field *fl = &out->items[out->count++];
    fl->id = id;
    fl->h = f;
    fl->name = field_name(r, f);
    fl->sig = sig;
    fl->is_signed = bc_pdf_kind_of(r, bc_pdf_get(r, f, "V")) == BC_PDF_DICT;
  }
  return 0;
}

static int form_fields(fieldset *out, bc_pdf_reader *r, bc_arena *arena) {
  return collect_fields(
      out, r, bc_pdf_get(r, bc_pdf_get(r, bc_pdf_root(r), "AcroForm"), "Fields"),
      false, 0, arena);
}

int bc_pdf_fields(bc_pdf_field **out,
                  size_t *count,
                  bc_pdf_reader *r,
                  bc_arena *arena,
                  bc_error *err) {
  fieldset s = {0};
  bc_pdf_field *list;
  int rc;
  if (form_fields(&s, r, arena))
    return bc_error_oom(err);
  if ((rc = bc_pdf_reader_check(r, err)))
    return rc;
  if (!(list = bc_arena_calloc(arena, s.count + 1, sizeof *list)))
    return bc_error_oom(err);
  for (size_t i = 0; i < s.count; i++) {
    list[i].id = s.items[i].id;
    list[i].field = s.items[i].h;
    list[i].value = s.items[i].is_signed ? bc_pdf_get(r, s.items[i].h, "V") : 0;
    list[i].name = s.items[i].name;
    list[i].sig = s.items[i].sig;
  }
  *out = list;
  *count = s.count;
  return bc_pdf_reader_check(r, err);
}

static const field *find_field(const fieldset *s, const field *f) {
  for (size_t i = 0; i < s->count; i++)
    if (f->id ? s->items[i].id == f->id
              : !strcmp(s->items[i].name, f->name))
      return &s->items[i];
  return NULL;
}

/* The form: every field of the signed revision still there and the same,
 * or a signature field signed since; new fields only signature fields. */
static void compare_form(cmp *c,
                         bc_pdf_obj ca,
                         bc_pdf_obj cb,
                         fieldset *fa,
                         fieldset *fb) {
  bc_pdf_obj a = bc_pdf_get(c->a, ca, "AcroForm");
  bc_pdf_obj b = bc_pdf_get(c->b, cb, "AcroForm");
  bool has_a = bc_pdf_kind_of(c->a, a) == BC_PDF_DICT;
  bool has_b = bc_pdf_kind_of(c->b, b) == BC_PDF_DICT;
  for (size_t i = 0; i < fa->count; i++) {
    const field *x = &fa->items[i], *y = find_field(fb, x);
    if (!y) {
      if (!x->sig)
        add_change(c, false, "field %s removed", x->name);
      else if (x->is_signed)
        add_change(c, false, "signature %s removed", x->name);
      else
        add_change(c, false, "signature field %s removed", x->name);
      continue;
    }
    const char *diff = "";
    if (same(c, x->h, y->h, 1))
      continue;
    if (x->sig && !x->is_signed && y->is_signed &&
        same_except(c, x->h, y->h, signing_keys, 4, &diff))
      add_change(c, true, "signature %s added", y->name);
    else if (x->sig && x->is_signed && !y->is_signed)
      add_change(c, false, "signature %s removed (its /V)", x->name);
    else if (x->sig && x->is_signed)
      add_change(c, false, "signature %s changed", x->name);
    else
      add_change(c, false, "field %s changed%s%s", x->name,
                 *diff ? " /" : "", diff);
  }
  for (size_t i = 0; i < fb->count; i++)
    if (!find_field(fa, &fb->items[i]))
      add_change(c, fb->items[i].sig,
                 fb->items[i].sig ? BC_NF_("signature field %s added")
                                  : BC_NF_("field %s added"),
                 fb->items[i].name);
  /* After the fields, so that the first change named is the signature. */
  if (has_a && !has_b)
    add_change(c, false, "the form (/AcroForm) removed");
  else if (!has_a && has_b && bc_pdf_count(c->b, bc_pdf_get(c->b, b, "Fields")))
    add_change(c, true, "a form (/AcroForm) added");
  if (!has_a || !has_b)
    return;
  /* The form's own entries. */
  size_t n;
  const char **keys = bc_pdf_keys(c->b, b, c->arena, &n);
  for (size_t i = 0; i < n; i++)
    if (!bc_pdf_has(c->a, a, keys[i]) && strcmp(keys[i], "SigFlags") &&
        strcmp(keys[i], "DR"))
      add_change(c, false, "the form's /%s added", keys[i]);
  keys = bc_pdf_keys(c->a, a, c->arena, &n);
  for (size_t i = 0; i < n; i++) {
    const char *k = keys[i];
    if (!strcmp(k, "Fields") || !strcmp(k, "SigFlags"))
      continue;
    if (!bc_pdf_has(c->b, b, k)) {
      add_change(c, false, "the form's /%s removed", k);
    } else if (!strcmp(k, "DR")) {
      /* Resources may be added for new appearances, not changed. */
      bc_pdf_obj da = bc_pdf_get(c->a, a, k), db = bc_pdf_get(c->b, b, k);
      size_t m;
      const char **sub = bc_pdf_keys(c->a, da, c->arena, &m);
      for (size_t j = 0; j < m; j++) {
        bc_pdf_obj sa = bc_pdf_get(c->a, da, sub[j]);
        bc_pdf_obj sb = bc_pdf_get(c->b, db, sub[j]);
        size_t q;
        const char **names = bc_pdf_keys(c->a, sa, c->arena, &q);
        bool ok = bc_pdf_kind_of(c->a, sa) == BC_PDF_DICT
                      ? bc_pdf_kind_of(c->b, sb) == BC_PDF_DICT
                      : same(c, sa, sb, 1);
        for (size_t t = 0; t < q && ok; t++)
          ok = bc_pdf_has(c->b, sb, names[t]) && same_key(c, sa, sb, names[t]);
        if (!ok)
          add_change(c, false, "the form's resources (/DR /%s) changed",
                     sub[j]);
      }
    } else if (!same_key(c, a, b, k)) {
      add_change(c, false, "the form's /%s changed", k);
    }
  }
}

/* ---- pages ---- */

typedef struct pagelist {
  bc_pdf_obj *items;
  size_t count, cap;
  int *seen; /* node ids, against loops */
  size_t nseen, seen_cap;
} pagelist;

static int collect_pages(pagelist *out,
                         bc_pdf_reader *r,
                         bc_pdf_obj node,
                         int depth,
                         bc_arena *arena) {
  int id = bc_pdf_id(r, node);
  if (!bc_pdf_step(r, depth))
    return 0;
  for (size_t i = 0; i < out->nseen && id; i++)
    if (out->seen[i] == id)
      return 0;
  if (id) {
    if (!(out->seen = bc_arena_grow(arena, out->seen, out->nseen,
                                    &out->seen_cap, sizeof *out->seen)))
      return BC_ENOMEM;
    out->seen[out->nseen++] = id;
  }
  bc_pdf_obj kids = bc_pdf_get(r, node, "Kids");
  if (bc_pdf_kind_of(r, kids) == BC_PDF_ARRAY &&
      !bc_pdf_is_name(r, bc_pdf_get(r, node, "Type"), "Page")) {
    size_t n = bc_pdf_count(r, kids);
    for (size_t i = 0; i < n; i++) {
      int rc = collect_pages(out, r, bc_pdf_item(r, kids, i), depth + 1, arena);
      if (rc)
        return rc;
    }
    return 0;
  }
  if (bc_pdf_kind_of(r, node) != BC_PDF_DICT)
    return 0;
  if (!(out->items = bc_arena_grow(arena, out->items, out->count, &out->cap,
                                   sizeof *out->items)))
    return BC_ENOMEM;
  out->items[out->count++] = node;
  return 0;
}

/* A page's value for key, inherited from its parents when absent. */
static bc_pdf_obj inherited(bc_pdf_reader *r, bc_pdf_obj page, const char *key) {
  for (int depth = 0; depth < 32 && page; depth++) {
    if (bc_pdf_has(r, page, key))
      return bc_pdf_get(r, page, key);
    page = bc_pdf_get(r, page, "Parent");
  }
  return 0;
}

/* Whether annotation w is the widget of a signature field signed or added
 * since, as the form's comparison found (its field or itself). */
static bool signing_widget(cmp *c, bc_pdf_obj w, const fieldset *fa,
                           const fieldset *fb) {
  bc_pdf_obj f = bc_pdf_has(c->b, w, "T") ? w : bc_pdf_get(c->b, w, "Parent");
  int id = bc_pdf_id(c->b, f);
  if (!bc_pdf_is_name(c->b, bc_pdf_get(c->b, w, "Subtype"), "Widget"))
    return false;
  for (size_t i = 0; i < fb->count; i++) {
    const field *y = &fb->items[i];
    if (!y->sig || !(id ? y->id == id : false))
      continue;
    const field *x = find_field(fa, y);
    return !x || (!x->is_signed && y->is_signed);
  }
  return false;
}

static void compare_annots(cmp *c, size_t page, bc_pdf_obj pa, bc_pdf_obj pb,
                           const fieldset *fa, const fieldset *fb) {
  bc_pdf_obj aa = bc_pdf_get(c->a, pa, "Annots");
  bc_pdf_obj ab = bc_pdf_get(c->b, pb, "Annots");
  size_t na = bc_pdf_count(c->a, aa), nb = bc_pdf_count(c->b, ab);
  const char *diff = "";
  if (same(c, aa, ab, 1))
    return;
  for (size_t i = 0; i < na; i++) {
    bc_pdf_obj x = bc_pdf_item(c->a, aa, i), y = 0;
    int id = bc_pdf_id(c->a, x);
    for (size_t j = 0; j < nb && !y; j++) {
      bc_pdf_obj t = bc_pdf_item(c->b, ab, j);
      if (id ? bc_pdf_id(c->b, t) == id : j == i)
        y = t;
      else
        bc_pdf_release(c->b, t);
    }
    if (!y) {
      add_change(c, false, "page %zu annotation removed", page);
    } else if (!same(c, x, y, 1) &&
               !(signing_widget(c, y, fa, fb) &&
                 same_except(c, x, y, signing_keys, 4, &diff))) {
      add_change(c, false, "page %zu annotation changed", page);
    }
  }
  for (size_t j = 0; j < nb; j++) {
    bc_pdf_obj y = bc_pdf_item(c->b, ab, j);
    int id = bc_pdf_id(c->b, y);
    bool found = false;
    for (size_t i = 0; i < na && !found; i++) {
      bc_pdf_obj x = bc_pdf_item(c->a, aa, i);
      found = id ? bc_pdf_id(c->a, x) == id : i == j;
      bc_pdf_release(c->a, x);
    }
    if (!found && !signing_widget(c, y, fa, fb))
      add_change(c, false, "page %zu annotation added", page);
    bc_pdf_release(c->b, y);
  }
}

static void compare_page(cmp *c, size_t page, bc_pdf_obj pa, bc_pdf_obj pb,
                         const fieldset *fa, const fieldset *fb) {
  static const char *const inherit[] = {"Resources", "MediaBox", "CropBox",
                                        "Rotate"};
  size_t n;
  const char **keys;
  if (!same_key(c, pa, pb, "Contents"))
    add_change(c, false, "page %zu content changed", page);
  for (size_t i = 0; i < 4; i++) {
    bc_pdf_obj x = inherited(c->a, pa, inherit[i]);
    bc_pdf_obj y = inherited(c->b, pb, inherit[i]);
    if (!same(c, x, y, 1))
      add_change(c, false,
                 i == 0 ? BC_NF_("page %zu resources changed")
                        : BC_NF_("page %zu box or rotation changed"),
                 page);
  }
  compare_annots(c, page, pa, pb, fa, fb);
  /* Every other entry of the page itself. */
  for (int side = 0; side < 2; side++) {
    bc_pdf_reader *r = side ? c->b : c->a;
    keys = bc_pdf_keys(r, side ? pb : pa, c->arena, &n);
    for (size_t i = 0; i < n; i++) {
      const char *k = keys[i];
      bool skip = !strcmp(k, "Contents") || !strcmp(k, "Annots") ||
                  !strcmp(k, "Parent");
      for (size_t j = 0; j < 4; j++)
        skip |= !strcmp(k, inherit[j]);
      if (skip || (side && bc_pdf_has(c->a, pa, k)))
        continue;
      if (!same_key(c, pa, pb, k))
        add_change(c, false, "page %zu changed (/%s)", page, k);
    }
  }
}

/* ---- attachments ---- */

typedef struct named {
  const char *name;
  bc_pdf_obj spec;
} named;

typedef struct namelist {
  named *items;
  size_t count, cap;
} namelist;

static size_t compare_named(cmp *c, namelist *pa, namelist *pb);

static int collect_names(namelist *out, bc_pdf_reader *r, bc_pdf_obj node,
                         int depth, bc_arena *arena) {
  if (!bc_pdf_step(r, depth) || depth > 16)
    return 0;
  bc_pdf_obj names = bc_pdf_get(r, node, "Names");
  size_t n = bc_pdf_count(r, names);
  for (size_t i = 0; i + 1 < n; i += 2) {
    const char *name = bc_pdf_text(r, bc_pdf_item(r, names, i));
    if (!(out->items = bc_arena_grow(arena, out->items, out->count, &out->cap,
                                     sizeof *out->items)))
      return BC_ENOMEM;
    out->items[out->count].name = name ? name : "?";
    out->items[out->count++].spec = bc_pdf_item(r, names, i + 1);
  }
  bc_pdf_obj kids = bc_pdf_get(r, node, "Kids");
  n = bc_pdf_count(r, kids);
  for (size_t i = 0; i < n; i++) {
    int rc = collect_names(out, r, bc_pdf_item(r, kids, i), depth + 1, arena);
    if (rc)
      return rc;
  }
  return 0;
}

static void compare_attachments(cmp *c, bc_pdf_obj ta, bc_pdf_obj tb) {
  namelist la = {0}, lb = {0};
  if (same(c, ta, tb, 1))
    return;
  if (collect_names(&la, c->a, ta, 0, c->arena) ||
      collect_names(&lb, c->b, tb, 0, c->arena)) {
    c->failed = BC_ENOMEM;
    return;
  }
  /* Same names, same files, but a different tree: say so all the same. */
  if (!compare_named(c, &la, &lb))
    add_change(c, false, "the attached files' name tree changed");
}

/* Files by name: each changed, removed or added; how many differ. */
static size_t compare_named(cmp *c, namelist *pa, namelist *pb) {
  namelist la = *pa, lb = *pb;
  size_t found_any = 0;
  for (size_t i = 0; i < la.count; i++) {
    bool found = false;
    for (size_t j = 0; j < lb.count; j++) {
      if (strcmp(la.items[i].name, lb.items[j].name))
        continue;
      found = true;
      if (!same(c, la.items[i].spec, lb.items[j].spec, 1)) {
        add_change(c, false, "attached %s changed", la.items[i].name);
        found_any++;
      }
    }
    if (!found) {
      add_change(c, false, "attached %s removed", la.items[i].name);
      found_any++;
    }
  }
  for (size_t j = 0; j < lb.count; j++) {
    bool found = false;
    for (size_t i = 0; i < la.count && !found; i++)
      found = !strcmp(la.items[i].name, lb.items[j].name);
    if (!found) {
      add_change(c, false, "attached %s added", lb.items[j].name);
      found_any++;
    }
  }
  return found_any;
}

/* The catalog's /AF: each file named as the name tree names it, so that
 * one change reads as one sentence. */
static void compare_af(cmp *c, bc_pdf_obj aa, bc_pdf_obj ab) {
  namelist la = {0}, lb = {0};
  for (int side = 0; side < 2; side++) {
    bc_pdf_reader *r = side ? c->b : c->a;
    bc_pdf_obj arr = side ? ab : aa;
    namelist *l = side ? &lb : &la;
    size_t n = bc_pdf_count(r, arr);
    for (size_t i = 0; i < n && i < 4096; i++) {
      bc_pdf_obj spec = bc_pdf_item(r, arr, i);
      const char *name = bc_pdf_text(r, bc_pdf_get(r, spec, "UF"));
      if (!name)
        name = bc_pdf_text(r, bc_pdf_get(r, spec, "F"));
      if (!(l->items = bc_arena_grow(c->arena, l->items, l->count, &l->cap,
                                     sizeof *l->items))) {
        c->failed = BC_ENOMEM;
        return;
      }
      l->items[l->count].name = name ? name : "(no name)";
      l->items[l->count++].spec = spec;
    }
  }
  if (!compare_named(c, &la, &lb))
    add_change(c, false, "the associated files (/AF) changed");
}

/* ---- the catalog ---- */

int bc_pdf_compare(bc_pdf_change **out,
                   size_t *count,
                   bc_pdf_reader *then,
                   bc_pdf_reader *now,
                   bc_arena *arena,
                   bc_error *err) {
  cmp c = {then, now, arena, NULL, 0, 0, NULL, 0, 0, 0};
  fieldset fa = {0}, fb = {0};
  pagelist pla = {0}, plb = {0};
  int rc;
  bc_pdf_obj ca = bc_pdf_root(then), cb = bc_pdf_root(now);
  bc_pdf_obj ta = bc_pdf_trailer(then), tb = bc_pdf_trailer(now);

  if (!same_key(&c, ta, tb, "Info"))
    add_change(&c, false, "the document information (/Info) changed");
  if ((rc = form_fields(&fa, then, arena)) ||
      (rc = form_fields(&fb, now, arena)))
    return bc_error_oom(err);
  compare_form(&c, ca, cb, &fa, &fb);
  /* Pages, in order. */
  if ((rc = collect_pages(&pla, then, bc_pdf_get(then, ca, "Pages"), 0,
                          arena)) ||
      (rc = collect_pages(&plb, now, bc_pdf_get(now, cb, "Pages"), 0, arena)))
    return bc_error_oom(err);
  if (pla.count != plb.count)
    add_change(&c, false, "pages added or removed (%zu before, %zu now)",
               pla.count, plb.count);
  for (size_t i = 0; i < pla.count && i < plb.count; i++)
    compare_page(&c, i + 1, pla.items[i], plb.items[i], &fa, &fb);
  /* The catalog's other entries. */
  for (int side = 0; side < 2; side++) {
    bc_pdf_reader *r = side ? now : then;
    size_t n;
    const char **keys = bc_pdf_keys(r, side ? cb : ca, arena, &n);
    for (size_t i = 0; i < n; i++) {
      const char *k = keys[i];
      if (!strcmp(k, "Pages") || !strcmp(k, "AcroForm") ||
          (side && bc_pdf_has(then, ca, k)))
        continue;
      bool in_a = bc_pdf_has(then, ca, k), in_b = bc_pdf_has(now, cb, k);
      if (!strcmp(k, "DSS")) {
        if (!same_key(&c, ca, cb, k))
          add_change(&c, in_b,
                     in_b ? BC_NF_("validation data (/DSS) added or changed")
                          : BC_NF_("validation data (/DSS) removed"));
      } else if (!strcmp(k, "Names")) {
        bc_pdf_obj na = bc_pdf_get(then, ca, k), nb = bc_pdf_get(now, cb, k);
        size_t m;
        const char **sub = bc_pdf_keys(then, na, arena, &m);
        for (size_t j = 0; j < m; j++) {
          if (!strcmp(sub[j], "EmbeddedFiles"))
            compare_attachments(&c, bc_pdf_get(then, na, sub[j]),
                                bc_pdf_get(now, nb, sub[j]));
          else if (!same_key(&c, na, nb, sub[j]))
            add_change(&c, false, "the catalog's /Names /%s changed", sub[j]);
        }
        sub = bc_pdf_keys(now, nb, arena, &m);
        for (size_t j = 0; j < m; j++)
          if (!bc_pdf_has(then, na, sub[j])) {
            if (!strcmp(sub[j], "EmbeddedFiles"))
              compare_attachments(&c, 0, bc_pdf_get(now, nb, sub[j]));
            else
              add_change(&c, false, "the catalog's /Names /%s added", sub[j]);
          }
      } else if (!same_key(&c, ca, cb, k)) {
        if (!strcmp(k, "Metadata"))
          add_change(&c, false,
                     in_a && in_b ? BC_NF_("the metadata (/Metadata) changed")
                     : in_a       ? BC_NF_("the metadata (/Metadata) removed")
                                  : BC_NF_("the metadata (/Metadata) added"));
        else if (!strcmp(k, "AF"))
          compare_af(&c, bc_pdf_get(then, ca, k), bc_pdf_get(now, cb, k));
        else
          add_change(&c, false, "the catalog's /%s changed", k);
      }
    }
  }
  if ((rc = bc_pdf_reader_check(then, err)) ||
      (rc = bc_pdf_reader_check(now, err)))
    return rc;
  if (c.failed)
    return bc_error_oom(err);
  *out = c.list;
  *count = c.count;
  return 0;
}
