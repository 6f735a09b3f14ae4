/* text/subset.c: embedding subsets made with hb-subset, glyph IDs retained
 * so that a PDF CIDFont can map CID = GID (Identity). */
#include "text/text_int.h"

#include "common/error.h"

#include <hb-subset.h>
#include <string.h>

int bc_fontset_subset(const unsigned char **data_out,
                      size_t *len_out,
                      const bc_fontset *fs,
                      bc_style style,
                      const uint32_t *gids,
                      size_t count,
                      bc_arena *arena,
                      bc_error *err) {
  const bc_face *face = &fs->faces[style];
  hb_subset_input_t *in = NULL;
  hb_face_t *sub = NULL;
  hb_blob_t *blob = NULL;
  const char *data;
  unsigned int len = 0;
  unsigned char *copy;
  int rc = 0;

  in = hb_subset_input_create_or_fail();
  if (!in)
    return bc_error_oom(err);
  hb_set_t *glyphs = hb_subset_input_glyph_set(in);
  hb_set_add(glyphs, 0);
  for (size_t i = 0; i < count; i++)
    hb_set_add(glyphs, gids[i]);
  /* A PDF draws by glyph ID: no hinting, no layout tables, no cmap needed
   * beyond what hb-subset keeps. */
  hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
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
  sub = hb_subset_or_fail(face->hb_face, in);
  if (!sub) {
    rc = bc_error_set(err, BC_EFONT, "cannot subset font %s",
                      face->info.postscript_name);
    goto cleanup;
  }
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
  *data_out = copy;
  *len_out = len;
cleanup:
  hb_blob_destroy(blob);
  hb_face_destroy(sub);
  hb_subset_input_destroy(in);
  return rc;
}
