/* text/subset.c: embedding subsets made with hb-subset, glyph IDs kept (a
 * PDF CIDFont maps CID = GID) or renumbered 0..n-1 (one-byte codes). */
#include "text/text_int.h"

#include "common/error.h"

#include <hb-subset.h>
#include <string.h>

/* Each gids[i]'s ID in the subset, from the plan's map, into ids. */
static int new_ids(uint32_t *ids,
                   const hb_subset_plan_t *plan,
                   const uint32_t *gids,
                   size_t count,
                   bc_error *err) {
  const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
  for (size_t i = 0; i < count; i++) {
    hb_codepoint_t g = hb_map_get(map, gids[i]);
    if (g == HB_MAP_VALUE_INVALID)
      return bc_error_set(err, BC_EFONT, "glyph %u is not in the subset",
                          (unsigned)gids[i]);
    ids[i] = g;
  }
  return 0;
}

void bc_fontset_prepare_subsets(bc_fontset *fs, unsigned after) {
  fs->subset->after = after;
}

/* The face hb-subset plans from: the prepared one once the face has had
 * `after` subsets (prepared then, on that call), else the face as
 * loaded. A face HarfBuzz cannot prepare (out of memory: it returns its
 * empty face) is subset as loaded from then on. */
static hb_face_t *subset_source(const bc_fontset *fs, bc_style style) {
  bc_subset_faces *sf = fs->subset;
  hb_face_t *face = fs->faces[style].hb_face;
  if (sf->prepared[style])
    return sf->prepared[style] == hb_face_get_empty() ? face
                                                      : sf->prepared[style];
  if (sf->after && ++sf->uses[style] >= sf->after) {
    sf->prepared[style] = hb_subset_preprocess(face);
    if (hb_face_get_glyph_count(sf->prepared[style]) == 0) {
      hb_face_destroy(sf->prepared[style]);
      sf->prepared[style] = hb_face_get_empty();
      return face;
    }
    return sf->prepared[style];
  }
  return face;
}

/* The subset of gids as HarfBuzz made it (*blob_out, to destroy), with
 * ids NULL: IDs kept, else renumbered and ids[i] gids[i]'s new ID. No
 * arena. */
static int subset_make(hb_blob_t **blob_out,
                       uint32_t *glyph_count,
                       const bc_fontset *fs,
                       bc_style style,
                       const uint32_t *gids,
                       size_t count,
                       uint32_t *ids,
                       bc_error *err) {
  const bc_face *face = &fs->faces[style];
  hb_subset_input_t *in = NULL;
  hb_subset_plan_t *plan = NULL;
  hb_face_t *sub = NULL;
  hb_blob_t *blob = NULL;
  int rc = 0;

  *blob_out = NULL;
  in = hb_subset_input_create_or_fail();
  if (!in)
    return bc_error_oom(err);
  hb_set_t *glyphs = hb_subset_input_glyph_set(in);
  hb_set_add(glyphs, 0);
  for (size_t i = 0; i < count; i++)
    hb_set_add(glyphs, gids[i]);
  /* A PDF draws by glyph ID: no hinting, no layout tables, no cmap needed
   * beyond what hb-subset keeps. Renumbered, the subset's glyphs keep the
   * order of their IDs in the face (with the components of composite
   * glyphs among them: bc_fontset_subset_ids), and its hmtx and loca
   * hold only them. */
  hb_subset_input_set_flags(in, (ids ? 0u : HB_SUBSET_FLAGS_RETAIN_GIDS) |
                                    HB_SUBSET_FLAGS_NO_HINTING);
  hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
  hb_set_add(drop, HB_TAG('G', 'S', 'U', 'B'));
  hb_set_add(drop, HB_TAG('G', 'P', 'O', 'S'));
  hb_set_add(drop, HB_TAG('G', 'D', 'E', 'F'));
  hb_set_add(drop, HB_TAG('k', 'e', 'r', 'n'));
  hb_set_add(drop, HB_TAG('D', 'S', 'I', 'G'));
  if (!hb_set_allocation_successful(glyphs) ||
      !hb_set_allocation_successful(drop)) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  plan = hb_subset_plan_create_or_fail(subset_source(fs, style), in);
  if (plan)
    sub = hb_subset_plan_execute_or_fail(plan);
  if (!sub) {
    rc = bc_error_set(err, BC_EFONT, "cannot subset font %s",
                      face->info.postscript_name);
    goto cleanup;
  }
  if (ids && (rc = new_ids(ids, plan, gids, count, err)))
    goto cleanup;
  *glyph_count = hb_face_get_glyph_count(sub);
  blob = hb_face_reference_blob(sub);
  if (!hb_blob_get_length(blob)) {
    rc = bc_error_set(err, BC_EFONT, "empty subset of font %s",
                      face->info.postscript_name);
    goto cleanup;
  }
  *blob_out = blob;
  blob = NULL;
cleanup:
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  hb_subset_plan_destroy(plan);
  hb_subset_input_destroy(in);
  return rc;
}

int bc_fontset_subset_bare(bc_font_subset *out,
                           const bc_fontset *fs,
                           bc_style style,
                           const uint32_t *gids,
                           size_t count,
                           uint32_t *new_gids,
                           bc_error *err) {
  hb_blob_t *blob;
  unsigned int len = 0;
  int rc;
  memset(out, 0, sizeof *out);
  if ((rc = subset_make(&blob, &out->glyph_count, fs, style, gids, count,
                        new_gids, err)))
    return rc;
  out->data = (const unsigned char *)hb_blob_get_data(blob, &len);
  out->len = len;
  out->new_gids = new_gids;
  out->owner = blob;
  return 0;
}

int bc_fontset_subset(bc_font_subset *out,
                      const bc_fontset *fs,
                      bc_style style,
                      const uint32_t *gids,
                      size_t count,
                      bool renumber,
                      bc_arena *arena,
                      bc_error *err) {
  uint32_t *ids = NULL;
  unsigned char *copy;
  int rc;

  memset(out, 0, sizeof *out);
  if (renumber && !(ids = bc_arena_calloc(arena, count + 1, sizeof *ids)))
    return bc_error_oom(err);
  if ((rc = bc_fontset_subset_bare(out, fs, style, gids, count, ids, err)))
    return rc;
  /* HarfBuzz's bytes into the arena. */
  copy = bc_arena_alloc(arena, out->len);
  if (copy)
    memcpy(copy, out->data, out->len);
  bc_fontset_subset_free(out);
  out->data = copy;
  if (!copy) {
    memset(out, 0, sizeof *out);
    return bc_error_oom(err);
  }
  return 0;
}

void bc_fontset_subset_free(bc_font_subset *sub) {
  hb_blob_destroy(sub->owner); /* NULL: nothing */
  sub->owner = NULL;
}

/* ---- the subset's glyph IDs, from the glyf table ---- */

/* What hb-subset's glyf closure reads. */
typedef struct glyf_view {
  const unsigned char *glyf, *loca;
  unsigned glyf_len, loca_len;
  bool long_loca;
  unsigned num_glyphs;
} glyf_view;

/* hb-subset's limit on the nesting of composite glyphs
 * (HB_MAX_NESTING_LEVEL). */
#define MAX_NESTING 64

/* Composite glyph record flags (OpenType glyf). */
#define ARG_1_AND_2_ARE_WORDS 0x0001
#define WE_HAVE_A_SCALE 0x0008
#define MORE_COMPONENTS 0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO 0x0080

/* Keeps gid and, for a composite glyph, its components, as hb-subset's
 * add_gid_and_children does (glyf.hh): a glyph whose offsets are out of
 * order or range, or shorter than its header, has none, and the records
 * stop at the first that does not fit in the glyph. */
static void keep_glyph(unsigned char *keep,
                       const glyf_view *v,
                       uint32_t gid,
                       unsigned depth) {
  size_t start, end, at;
  if (depth > MAX_NESTING || gid >= v->num_glyphs || keep[gid])
    return;
  keep[gid] = 1;
  if (v->long_loca) {
    start = bc_be32(v->loca + 4 * (size_t)gid);
    end = bc_be32(v->loca + 4 * (size_t)gid + 4);
  } else {
    start = 2 * (size_t)bc_be16(v->loca + 2 * (size_t)gid);
    end = 2 * (size_t)bc_be16(v->loca + 2 * (size_t)gid + 2);
  }
  if (start > end || end > v->glyf_len || end - start < 10 ||
      !(v->glyf[start] & 0x80)) /* numberOfContours >= 0: not composite */
    return;
  for (at = start + 10; at + 4 <= end;) {
    unsigned flags = bc_be16(v->glyf + at);
    size_t size = 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2) +
                  (flags & WE_HAVE_A_SCALE            ? 2
                   : flags & WE_HAVE_AN_X_AND_Y_SCALE ? 4
                   : flags & WE_HAVE_A_TWO_BY_TWO     ? 8
                                                      : 0);
    if (at + size > end)
      return;
    keep_glyph(keep, v, bc_be16(v->glyf + at + 2), depth + 1);
    if (!(flags & MORE_COMPONENTS))
      return;
    at += size;
  }
}

static bool has_table(hb_face_t *face, hb_tag_t tag) {
  hb_blob_t *b = hb_face_reference_table(face, tag);
  bool has = hb_blob_get_length(b) > 0;
  hb_blob_destroy(b);
  return has;
}

int bc_fontset_subset_ids(uint32_t *new_gids,
                          uint32_t *glyph_count,
                          bool *known,
                          const bc_fontset *fs,
                          bc_style style,
                          const uint32_t *gids,
                          size_t count,
                          bc_arena *arena,
                          bc_error *err) {
  hb_face_t *face = fs->faces[style].hb_face;
  hb_blob_t *glyf = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
  hb_blob_t *loca = hb_face_reference_table(face, HB_TAG('l', 'o', 'c', 'a'));
  hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
  unsigned head_len = 0, entries;
  const unsigned char *h =
      (const unsigned char *)hb_blob_get_data(head, &head_len);
  unsigned char *keep;
  glyf_view v;
  uint32_t n = 0;
  int rc = 0;

  *known = false;
  v.glyf = (const unsigned char *)hb_blob_get_data(glyf, &v.glyf_len);
  v.loca = (const unsigned char *)hb_blob_get_data(loca, &v.loca_len);
  /* Outlines that only glyf holds, and no closure but glyf's. */
  if (!v.glyf_len || head_len < 54 ||
      has_table(face, HB_TAG('C', 'F', 'F', ' ')) ||
      has_table(face, HB_TAG('C', 'F', 'F', '2')) ||
      has_table(face, HB_TAG('C', 'O', 'L', 'R')) ||
      has_table(face, HB_TAG('M', 'A', 'T', 'H')))
    goto cleanup;
  v.long_loca = bc_be16(h + 50) != 0; /* indexToLocFormat */
  entries = v.loca_len / (v.long_loca ? 4 : 2);
  v.num_glyphs = hb_face_get_glyph_count(face);
  if (entries < 2)
    goto cleanup;
  if (v.num_glyphs > entries - 1)
    v.num_glyphs = entries - 1;
  if (!(keep = bc_arena_calloc(arena, v.num_glyphs + 1, 1))) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  keep_glyph(keep, &v, 0, 0);
  for (size_t i = 0; i < count; i++)
    keep_glyph(keep, &v, gids[i], 0);
  /* gids increase: each one's ID is the count of kept glyphs below it. */
  size_t i = 0;
  for (uint32_t g = 0; g < v.num_glyphs; g++) {
    if (i < count && gids[i] == g)
      new_gids[i++] = n;
    n += keep[g];
  }
  *glyph_count = n;
  *known = i == count; /* else a glyph beyond loca: hb-subset's error */
cleanup:
  hb_blob_destroy(glyf);
  hb_blob_destroy(loca);
  hb_blob_destroy(head);
  return rc;
}
