/* text/subset.c: embedding subsets made with hb-subset, glyph IDs kept (a
 * PDF CIDFont maps CID = GID) or renumbered 0..n-1 (one-byte codes). */
#include "text/text_int.h"

#include "common/error.h"

#include <hb-subset.h>
#include <string.h>

/* Each gids[i]'s ID in the subset, from the plan's map. */
static int new_ids(bc_font_subset *out,
                   const hb_subset_plan_t *plan,
                   const uint32_t *gids,
                   size_t count,
                   bc_arena *arena,
                   bc_error *err) {
  const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
  uint32_t *ids = bc_arena_calloc(arena, count + 1, sizeof *ids);
  if (!ids)
    return bc_error_oom(err);
  for (size_t i = 0; i < count; i++) {
    hb_codepoint_t g = hb_map_get(map, gids[i]);
    if (g == HB_MAP_VALUE_INVALID)
      return bc_error_set(err, BC_EFONT, "glyph %u is not in the subset",
                          (unsigned)gids[i]);
    ids[i] = g;
  }
  out->new_gids = ids;
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

int bc_fontset_subset(bc_font_subset *out,
                      const bc_fontset *fs,
                      bc_style style,
                      const uint32_t *gids,
                      size_t count,
                      bool renumber,
                      bc_arena *arena,
                      bc_error *err) {
  const bc_face *face = &fs->faces[style];
  hb_subset_input_t *in = NULL;
  hb_subset_plan_t *plan = NULL;
  hb_face_t *sub = NULL;
  hb_blob_t *blob = NULL;
  const char *data;
  unsigned int len = 0;
  unsigned char *copy;
  int rc = 0;

  memset(out, 0, sizeof *out);
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
   * glyphs among them), and its hmtx and loca hold only them. */
  hb_subset_input_set_flags(in, (renumber ? 0u : HB_SUBSET_FLAGS_RETAIN_GIDS) |
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
  if (renumber && (rc = new_ids(out, plan, gids, count, arena, err)))
    goto cleanup;
  out->glyph_count = hb_face_get_glyph_count(sub);
  blob = hb_face_reference_blob(sub);
  data = hb_blob_get_data(blob, &len);
  if (!len) {
    rc = bc_error_set(err, BC_EFONT, "empty subset of font %s",
                      face->info.postscript_name);
    goto cleanup;
  }
  copy = bc_arena_alloc(arena, len);
  if (!copy) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  memcpy(copy, data, len);
  out->data = copy;
  out->len = len;
cleanup:
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  hb_subset_plan_destroy(plan);
  hb_subset_input_destroy(in);
  return rc;
}
