/* tests/check_text.c: fonts (opening, metrics, missing glyphs, subsets,
 * families among the system's fonts), HarfBuzz shaping of Vietnamese, and
 * Knuth-Plass line breaking. */
#include "common/arena.h"
#include "text/text.h"
#include "text/text_int.h" /* the prepared faces */
#include "testutil.h"

#include <check.h>
#include <hb.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static tu_fonts tf;

static void setup(void) {
  tu_fonts_open(&tf);
}

static void teardown(void) {
  tu_fonts_close(&tf);
}

START_TEST(test_text_font__metrics) {
  const bc_face_info *r = bc_fontset_info(tf.fonts, BC_STYLE_REGULAR);
  const bc_face_info *bi = bc_fontset_info(tf.fonts, BC_STYLE_BOLD_ITALIC);
  ck_assert_str_eq(r->postscript_name, "LiberationSerif");
  ck_assert_str_eq(bi->postscript_name, "LiberationSerif-BoldItalic");
  ck_assert_uint_eq(r->upem, 2048);
  ck_assert(r->ascender > 0 && r->descender < 0 && r->cap_height > 0);
  ck_assert(!r->bold && !r->italic && bi->bold && bi->italic);
  ck_assert(bi->italic_angle < 0);
}
END_TEST

START_TEST(test_text_font__open_errors) {
  bc_fontset *fs = NULL;
  bc_error err;
  char dir[512], msg[700];
  const char *files[] = {"LiberationSerif-Bold.ttf", "LiberationSerif-Bold.ttf",
                         "LiberationSerif-Italic.ttf",
                         "LiberationSerif-BoldItalic.ttf"};
  ck_assert_int_eq(bc_fontset_open(&fs, "/nonexistent-fonts", NULL,
                                   bc_allocator_default(), &err),
                   BC_EFONT);
  ck_assert_str_eq(err.message,
                   "font directory '/nonexistent-fonts' does not exist");
  tu_source_path(dir, sizeof dir, "fonts");
  ck_assert_int_eq(
      bc_fontset_open(&fs, dir, files, bc_allocator_default(), &err), BC_EFONT);
  snprintf(msg, sizeof msg,
           "font '%s/LiberationSerif-Bold.ttf' is not the regular face", dir);
  ck_assert_str_eq(err.message, msg);
  ck_assert_ptr_null(fs);
}
END_TEST

/* Whether two files have the same bytes. */
static bool same_file(const char *a, const char *b) {
  FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
  bool same = fa && fb;
  while (same) {
    int ca = getc(fa), cb = getc(fb);
    if (ca != cb)
      same = false;
    else if (ca == EOF)
      break;
  }
  if (fa)
    fclose(fa);
  if (fb)
    fclose(fb);
  return same;
}

/* Debian's fonts-liberation2 (build.sh installs it) is found by name, in
 * each style, and its files are the bundled ones. */
START_TEST(test_text_system__finds_liberation_serif_2) {
  static const char *const names[] = {
      "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
      "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf"};
  bc_font_file f;
  bc_error err;
  char bundled[512], rel[64];
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    ck_assert_int_eq(
        bc_font_system_find(&f, "Liberation Serif", (bc_style)s, &err), 0);
    const char *base = strrchr(f.path, '/');
    ck_assert_ptr_nonnull(base);
    ck_assert_str_eq(base + 1, names[s]);
    ck_assert_int_eq(f.index, 0);
    ck_assert_uint_ge(f.revision, 0x20000);
    snprintf(rel, sizeof rel, "fonts/%s", names[s]);
    ck_assert_msg(same_file(f.path, tu_source_path(bundled, sizeof bundled,
                                                   rel)),
                  "%s differs from fonts/%s", f.path, names[s]);
  }
  /* Case and blanks aside, as fontconfig compares names. */
  ck_assert_int_eq(
      bc_font_system_find(&f, "liberationserif", BC_STYLE_BOLD, &err), 0);
}
END_TEST

/* Copies src to dst, with the 4 bytes at off replaced by patch when patch
 * is not NULL. */
static void copy_patched(const char *src, const char *dst, long off,
                         const unsigned char *patch) {
  size_t len;
  unsigned char *data = tu_file_read(src, &len);
  if (patch) {
    ck_assert_uint_le((size_t)off + 4, len);
    memcpy(data + off, patch, 4);
  }
  tu_file_write(dst, data, len);
  free(data);
}

/* The head table's offset in a TrueType file (its table directory). */
static long head_offset(const char *path) {
  unsigned char d[12 + 64 * 16];
  FILE *f = fopen(path, "rb");
  size_t n;
  ck_assert_ptr_nonnull(f);
  n = fread(d, 1, sizeof d, f);
  fclose(f);
  for (size_t i = 12; i + 16 <= n; i += 16)
    if (!memcmp(d + i, "head", 4))
      return (long)d[i + 8] << 24 | d[i + 9] << 16 | d[i + 10] << 8 | d[i + 11];
  ck_abort_msg("%s has no head table", path);
  return -1;
}

/* The Debian directory is found without fontconfig when the four files are
 * there at 2.0 or later; a missing file, a 1.x file or a file that is not
 * TrueType means NULL (fontconfig is asked then). */
START_TEST(test_text_system__known_dir) {
  static const unsigned char v1[4] = {0, 1, 0x80, 0}; /* 1.5 */
  char fonts[512], dir[600], src[700], dst[700];
  snprintf(dir, sizeof dir, "%s/known-fonts", tu_tmpdir());
  mkdir(dir, 0755);
  tu_source_path(fonts, sizeof fonts, "fonts");
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    snprintf(src, sizeof src, "%s/%s", fonts, bc_default_font_files[s]);
    snprintf(dst, sizeof dst, "%s/%s", dir, bc_default_font_files[s]);
    copy_patched(src, dst, 0, NULL);
  }
  ck_assert_str_eq(bc_font_system_known_dir(dir), dir);
  if (access("/usr/share/fonts/truetype/liberation2/"
             "LiberationSerif-Regular.ttf", F_OK) == 0) /* build.sh's */
    ck_assert_str_eq(bc_font_system_known_dir(NULL),
                     "/usr/share/fonts/truetype/liberation2");
  snprintf(src, sizeof src, "%s/%s", fonts, bc_default_font_files[2]);
  snprintf(dst, sizeof dst, "%s/%s", dir, bc_default_font_files[2]);
  copy_patched(src, dst, head_offset(src) + 4, v1);
  ck_assert_ptr_null(bc_font_system_known_dir(dir));
  tu_file_write(dst, "", 0);
  ck_assert_ptr_null(bc_font_system_known_dir(dir));
  unlink(dst);
  ck_assert_ptr_null(bc_font_system_known_dir(dir));
  ck_assert_ptr_null(bc_font_system_known_dir("/nonexistent-fonts"));
}
END_TEST

START_TEST(test_text_system__no_substitute) {
  bc_font_file f;
  bc_fontset *fs = NULL;
  bc_error err;
  ck_assert_int_eq(
      bc_font_system_find(&f, "No Such Family Serif", BC_STYLE_REGULAR, &err),
      BC_EFONT);
  ck_assert_str_eq(err.message,
                   "font family 'No Such Family Serif' is not installed "
                   "(fontconfig has no family of that name; fc-list : family "
                   "lists them)");
  ck_assert_int_eq(bc_font_system_find(&f, "", BC_STYLE_REGULAR, &err),
                   BC_EFONT);
  ck_assert_int_eq(bc_fontset_open_family(&fs, "No Such Family Serif",
                                          bc_allocator_default(), &err),
                   BC_EFONT);
  ck_assert_ptr_null(fs);
}
END_TEST

START_TEST(test_text_system__open_family) {
  bc_fontset *fs = NULL;
  bc_error err;
  ck_assert_int_eq(bc_fontset_open_family(&fs, "Liberation Serif",
                                          bc_allocator_default(), &err),
                   0);
  ck_assert_str_eq(bc_fontset_info(fs, BC_STYLE_REGULAR)->postscript_name,
                   "LiberationSerif");
  ck_assert_str_eq(bc_fontset_info(fs, BC_STYLE_BOLD_ITALIC)->postscript_name,
                   "LiberationSerif-BoldItalic");
  ck_assert(bc_fontset_info(fs, BC_STYLE_BOLD_ITALIC)->bold);
  bc_fontset_close(fs);
}
END_TEST

START_TEST(test_text_shape__vietnamese_nfc_is_one_glyph_per_letter) {
  bc_shaped sh;
  bc_error err;
  const char *t = "Nguyễn Thị Ánh đơn vị ưu";
  ck_assert_int_eq(bc_shaper_shape(&sh, tf.shaper, BC_STYLE_BOLD_ITALIC, t,
                                   strlen(t), &tf.arena, &err),
                   0);
  ck_assert_uint_eq(sh.count, 24); /* code points, all precomposed glyphs */
  for (size_t i = 0; i < sh.count; i++) {
    ck_assert_uint_ne(sh.glyphs[i].gid, 0);
    ck_assert_int_eq(sh.glyphs[i].y_offset, 0);
  }
  ck_assert_uint_eq(sh.glyphs[1].cluster, 1); /* g */
  ck_assert_uint_eq(sh.glyphs[5].cluster, 7); /* n after "ễ" (3 bytes) */
  int32_t sum = 0;
  for (size_t i = 0; i < sh.count; i++)
    sum += sh.glyphs[i].x_advance;
  ck_assert_int_eq(sum, sh.width);
}
END_TEST

START_TEST(test_text_shape__kerning_is_applied) {
  bc_shaped av, a, v;
  bc_error err;
  ck_assert_int_eq(bc_shaper_shape(&av, tf.shaper, BC_STYLE_REGULAR, "AV", 2,
                                   &tf.arena, &err),
                   0);
  ck_assert_int_eq(
      bc_shaper_shape(&a, tf.shaper, BC_STYLE_REGULAR, "A", 1, &tf.arena, &err),
      0);
  ck_assert_int_eq(
      bc_shaper_shape(&v, tf.shaper, BC_STYLE_REGULAR, "V", 1, &tf.arena, &err),
      0);
  ck_assert_int_lt(av.width, a.width + v.width);
}
END_TEST

START_TEST(test_text_shape__cache_grows_and_empties) {
  /* 20,000 different words: the cache's table doubles from 2048 slots to
   * 32768 and is emptied once full. Each word is shaped again at once
   * (from the cache) and its half-way word too (from the cache, moved by
   * a doubling, or anew after the emptying): the same glyphs every time.
   * Digits have one width, so a wrong entry shows in the glyph IDs. */
  enum { N = 20000 };
  static bc_shaped first[N];
  bc_shaped again;
  bc_error err;
  char w[32];
  for (int i = 0; i < N; i++) {
    int len = snprintf(w, sizeof w, "từ%d", i);
    ck_assert_int_eq(bc_shaper_shape(&first[i], tf.shaper, BC_STYLE_REGULAR, w,
                                     (size_t)len, &tf.arena, &err),
                     0);
    for (int j = i; j >= i / 2; j -= (i - i / 2) ? i - i / 2 : 1) {
      len = snprintf(w, sizeof w, "từ%d", j);
      ck_assert_int_eq(bc_shaper_shape(&again, tf.shaper, BC_STYLE_REGULAR, w,
                                       (size_t)len, &tf.arena, &err),
                       0);
      ck_assert_uint_eq(again.count, first[j].count);
      ck_assert_int_eq(again.width, first[j].width);
      ck_assert(!memcmp(again.glyphs, first[j].glyphs,
                        again.count * sizeof *again.glyphs));
    }
  }
}
END_TEST

START_TEST(test_text_shape__cluster_ends_and_lengths) {
  /* Two glyphs from bytes 0-2, three from 3-4, one from 5-7. */
  static const bc_glyph g[] = {{.cluster = 0}, {.cluster = 0}, {.cluster = 3},
                               {.cluster = 3}, {.cluster = 3}, {.cluster = 5}};
  bc_shaped sh = {g, 6, 0};
  static const size_t end[] = {3, 3, 5, 5, 5, 8};
  static const uint32_t len[] = {3, 0, 2, 0, 0, 3};
  for (size_t i = 0; i < 6; i++) {
    ck_assert_uint_eq(bc_shaped_cluster_end(&sh, i, 8), end[i]);
    ck_assert_uint_eq(bc_shaped_cluster_len(&sh, i, 8), len[i]);
  }
  /* Shaped Vietnamese: one glyph a letter, "ễ" three bytes. */
  bc_shaped v;
  bc_error err;
  ck_assert_int_eq(bc_shaper_shape(&v, tf.shaper, BC_STYLE_REGULAR, "Nguyễn",
                                   8, &tf.arena, &err),
                   0);
  ck_assert_uint_eq(v.count, 6);
  ck_assert_uint_eq(bc_shaped_cluster_len(&v, 4, 8), 3);
  ck_assert_uint_eq(bc_shaped_cluster_end(&v, 4, 8), 7);
  ck_assert_uint_eq(bc_shaped_cluster_len(&v, 5, 8), 1);
}
END_TEST

START_TEST(test_text_shape__missing_glyph_is_an_error) {
  bc_shaped sh;
  bc_error err;
  const char *t = "chữ \xF0\x9F\x98\x80";
  bc_error_clear(&err);
  ck_assert_int_eq(bc_shaper_shape(&sh, tf.shaper, BC_STYLE_REGULAR, t,
                                   strlen(t), &tf.arena, &err),
                   BC_EDATA);
  ck_assert_str_eq(err.message, "character U+1F600 in \"chữ \xF0\x9F\x98\x80\" "
                                "is not in font LiberationSerif");
}
END_TEST

/* What would be drawn as nothing or in the wrong order is an error naming
 * the character and its word, never dropped. */
START_TEST(test_text_shape__undrawable_characters_are_errors) {
  static const struct {
    const char *text, *message;
  } cases[] = {
      {"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D", /* Hebrew */
       "character U+05E9 in \"\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D\" is written "
       "right to left"},
      {"s\xC3\xB4\xD9\x85", /* Arabic after Latin */
       "character U+0645 in \"s\xC3\xB4\xD9\x85\" is written right to left"},
      {"a\xE2\x80\x8B"
       "b", /* zero-width space */
       "character U+200B in \"a<U+200B>b\" is an invisible format character"},
      {"c\xC2\xAD"
       "d", /* soft hyphen */
       "character U+00AD in \"c<U+00AD>d\" is an invisible format character"},
      {"\xEF\xBB\xBFx", /* byte order mark */
       "character U+FEFF in \"<U+FEFF>x\" is an invisible format character"},
      {"a\xE2\x80\xAE"
       "b", /* right-to-left override */
       "character U+202E in \"a<U+202E>b\" is a text direction control"},
      {"x\x01y", "character U+0001 in \"x<U+0001>y\" is a control character"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bc_shaped sh;
    bc_error err;
    bc_error_clear(&err);
    ck_assert_int_eq(bc_shaper_shape(&sh, tf.shaper, BC_STYLE_REGULAR,
                                     cases[i].text, strlen(cases[i].text),
                                     &tf.arena, &err),
                     BC_EDATA);
    ck_assert_str_eq(err.message, cases[i].message);
  }
  /* Combining marks and the no-break space are drawn. */
  bc_shaped sh;
  bc_error err;
  const char *ok = "a\xCC\x86\xCC\x82\xC2\xA0\xE2\x80\x94";
  ck_assert_int_eq(bc_shaper_shape(&sh, tf.shaper, BC_STYLE_REGULAR, ok,
                                   strlen(ok), &tf.arena, &err),
                   0);
}
END_TEST

/* "Độc lập" shaped in bold, its glyph IDs in gids and the subset of them
 * in sub; returns the text. */
static const char *subset_doc_lap(bc_font_subset *sub,
                                  bc_shaped *sh,
                                  uint32_t gids[64],
                                  bool renumber) {
  bc_error err;
  const char *t = "Độc lập";
  ck_assert_int_eq(bc_shaper_shape(sh, tf.shaper, BC_STYLE_BOLD, t, strlen(t),
                                   &tf.arena, &err),
                   0);
  for (size_t i = 0; i < sh->count; i++)
    gids[i] = sh->glyphs[i].gid;
  ck_assert_int_eq(bc_fontset_subset(sub, tf.fonts, BC_STYLE_BOLD, gids,
                                     sh->count, renumber, &tf.arena, &err),
                   0);
  return t;
}

START_TEST(test_text_subset__keeps_only_used_glyphs) {
  bc_shaped sh;
  bc_error err;
  bc_font_subset sub;
  const unsigned char *data;
  size_t len;
  uint32_t gids[64];
  const char *t = subset_doc_lap(&sub, &sh, gids, false);
  data = sub.data;
  len = sub.len;
  ck_assert_ptr_null(sub.new_gids);
  ck_assert_uint_lt(len, 40000); /* the full face is 370 KB */
  hb_blob_t *blob = hb_blob_create((const char *)data, (unsigned)len,
                                   HB_MEMORY_MODE_READONLY, NULL, NULL);
  hb_face_t *face = hb_face_create(blob, 0);
  hb_font_t *font = hb_font_create(face);
  /* Glyph IDs are kept: each used glyph still has its outline. */
  for (size_t i = 0; i < sh.count; i++) {
    hb_glyph_extents_t ext;
    if (t[sh.glyphs[i].cluster] == ' ')
      continue;
    ck_assert(hb_font_get_glyph_extents(font, gids[i], &ext));
    ck_assert_int_gt(ext.width, 0);
  }
  /* An unused glyph has none. */
  hb_codepoint_t z;
  bc_shaped zsh;
  ck_assert_int_eq(
      bc_shaper_shape(&zsh, tf.shaper, BC_STYLE_BOLD, "Z", 1, &tf.arena, &err),
      0);
  z = zsh.glyphs[0].gid;
  hb_glyph_extents_t ext;
  ck_assert(!hb_font_get_glyph_extents(font, z, &ext) || ext.width == 0);
  hb_font_destroy(font);
  hb_face_destroy(face);
  hb_blob_destroy(blob);
}
END_TEST

/* Renumbered: the subset's glyphs are 0..n-1, each used glyph with the
 * outline and advance it has in the face, in the order of the face's IDs;
 * the composite letters of "Độc lập" bring their components along. */
/* Subsets from prepared faces (hb_subset_preprocess) have the same bytes
 * and the same new glyph IDs as from the faces as loaded; the face is
 * prepared on the subset bc_fontset_prepare_subsets named, not before. */
START_TEST(test_text_subset__prepared_faces_same_bytes) {
  tu_fonts tp;
  bc_error err;
  const char *texts[] = {"Độc lập - Tự do - Hạnh phúc", "Số: 12/BC-UBND"};
  tu_fonts_open(&tp);
  bc_fontset_prepare_subsets(tp.fonts, 2);
  for (int style = 0; style < BC_STYLE_COUNT; style++) {
    bc_shaped sh;
    uint32_t gids[64];
    ck_assert_int_eq(bc_shaper_shape(&sh, tf.shaper, (bc_style)style,
                                     texts[style % 2], strlen(texts[style % 2]),
                                     &tf.arena, &err),
                     0);
    ck_assert_uint_le(sh.count, 64);
    for (size_t i = 0; i < sh.count; i++)
      gids[i] = sh.glyphs[i].gid;
    for (int call = 1; call <= 4; call++) {
      bool renumber = call % 2 == 0;
      bc_font_subset a, b;
      ck_assert_int_eq(bc_fontset_subset(&a, tf.fonts, (bc_style)style, gids,
                                         sh.count, renumber, &tf.arena, &err),
                       0);
      ck_assert_int_eq(bc_fontset_subset(&b, tp.fonts, (bc_style)style, gids,
                                         sh.count, renumber, &tp.arena, &err),
                       0);
      if (call == 1)
        ck_assert_ptr_null(tp.fonts->subset->prepared[style]);
      else
        ck_assert_ptr_nonnull(tp.fonts->subset->prepared[style]);
      ck_assert_ptr_null(tf.fonts->subset->prepared[style]);
      ck_assert_uint_eq(a.len, b.len);
      ck_assert_int_eq(memcmp(a.data, b.data, a.len), 0);
      ck_assert_uint_eq(a.glyph_count, b.glyph_count);
      ck_assert_int_eq(renumber, a.new_gids != NULL);
      ck_assert_int_eq(renumber, b.new_gids != NULL);
      for (size_t i = 0; renumber && i < sh.count; i++)
        ck_assert_uint_eq(a.new_gids[i], b.new_gids[i]);
    }
  }
  ck_assert_ptr_ne(tp.fonts->subset->prepared[BC_STYLE_BOLD],
                   hb_face_get_empty());
  tu_fonts_close(&tp);
}
END_TEST

/* The IDs bc_fontset_subset_ids foresees are the ones hb-subset gives,
 * composite letters' components counted (the subsets of these texts
 * hold more glyphs than were drawn); bc_fontset_subset_bare makes the
 * same bytes as bc_fontset_subset. */
START_TEST(test_text_subset__ids_foreseen) {
  bc_error err;
  const char *texts[] = {"Độc lập - Tự do - Hạnh phúc: ỆẶỬ ữ ỹ ậ",
                         "Số: 12/BC-UBND ngày 31 tháng 7 năm 2024"};
  unsigned more = 0;
  for (int style = 0; style < BC_STYLE_COUNT; style++) {
    bc_shaped sh;
    uint32_t gids[128], ids[128], bare_ids[128], count = 0;
    size_t n = 0;
    bool known = false;
    bc_font_subset made, bare;
    ck_assert_int_eq(bc_shaper_shape(&sh, tf.shaper, (bc_style)style,
                                     texts[style % 2], strlen(texts[style % 2]),
                                     &tf.arena, &err),
                     0);
    ck_assert_uint_le(sh.count, 128);
    /* Increasing and distinct, as bc_glyph_set_list makes them. */
    for (uint32_t g = 0; g < 65536; g++)
      for (size_t i = 0; i < sh.count; i++)
        if (sh.glyphs[i].gid == g) {
          gids[n++] = g;
          break;
        }
    ck_assert_int_eq(bc_fontset_subset_ids(ids, &count, &known, tf.fonts,
                                           (bc_style)style, gids, n, &tf.arena,
                                           &err),
                     0);
    ck_assert(known);
    ck_assert_int_eq(bc_fontset_subset(&made, tf.fonts, (bc_style)style, gids,
                                       n, true, &tf.arena, &err),
                     0);
    ck_assert_uint_eq(count, made.glyph_count);
    for (size_t i = 0; i < n; i++)
      ck_assert_uint_eq(ids[i], made.new_gids[i]);
    more += count > n + 1; /* .notdef and the drawn glyphs, and more */
    ck_assert_int_eq(bc_fontset_subset_bare(&bare, tf.fonts, (bc_style)style,
                                            gids, n, bare_ids, &err),
                     0);
    ck_assert_ptr_eq(bare.new_gids, bare_ids);
    ck_assert_uint_eq(bare.glyph_count, made.glyph_count);
    ck_assert_uint_eq(bare.len, made.len);
    ck_assert_int_eq(memcmp(bare.data, made.data, made.len), 0);
    ck_assert_int_eq(memcmp(bare_ids, made.new_gids, n * sizeof *ids), 0);
    bc_fontset_subset_free(&bare);
    ck_assert_ptr_null(bare.owner);
  }
  ck_assert_uint_gt(more, 0);
}
END_TEST

START_TEST(test_text_subset__renumbers_in_order) {
  bc_shaped sh;
  bc_font_subset sub;
  uint32_t gids[64];
  size_t full_len;
  const char *t = subset_doc_lap(&sub, &sh, gids, true);
  ck_assert_ptr_nonnull(sub.new_gids);
  const unsigned char *full =
      bc_fontset_bytes(tf.fonts, BC_STYLE_BOLD, &full_len);
  hb_blob_t *fb = hb_blob_create((const char *)full, (unsigned)full_len,
                                 HB_MEMORY_MODE_READONLY, NULL, NULL);
  hb_blob_t *sb = hb_blob_create((const char *)sub.data, (unsigned)sub.len,
                                 HB_MEMORY_MODE_READONLY, NULL, NULL);
  hb_face_t *fface = hb_face_create(fb, 0), *sface = hb_face_create(sb, 0);
  hb_font_t *ffont = hb_font_create(fface), *sfont = hb_font_create(sface);
  ck_assert_uint_eq(hb_face_get_glyph_count(sface), sub.glyph_count);
  /* .notdef, the space and 6 letters, and the parts of ộ and ậ. */
  ck_assert_uint_gt(sub.glyph_count, 8);
  ck_assert_uint_lt(sub.glyph_count, 20);
  for (size_t i = 0; i < sh.count; i++) {
    hb_glyph_extents_t a, b;
    ck_assert_uint_gt(sub.new_gids[i], 0);
    ck_assert_uint_lt(sub.new_gids[i], sub.glyph_count);
    for (size_t j = 0; j < sh.count; j++)
      ck_assert((gids[i] < gids[j]) == (sub.new_gids[i] < sub.new_gids[j]));
    ck_assert_int_eq(hb_font_get_glyph_h_advance(ffont, gids[i]),
                     hb_font_get_glyph_h_advance(sfont, sub.new_gids[i]));
    if (t[sh.glyphs[i].cluster] == ' ')
      continue;
    ck_assert(hb_font_get_glyph_extents(ffont, gids[i], &a));
    ck_assert(hb_font_get_glyph_extents(sfont, sub.new_gids[i], &b));
    ck_assert_int_eq(a.x_bearing, b.x_bearing);
    ck_assert_int_eq(a.y_bearing, b.y_bearing);
    ck_assert_int_eq(a.width, b.width);
    ck_assert_int_eq(a.height, b.height);
  }
  hb_font_destroy(ffont);
  hb_font_destroy(sfont);
  hb_face_destroy(fface);
  hb_face_destroy(sface);
  hb_blob_destroy(fb);
  hb_blob_destroy(sb);
}
END_TEST

/* Items for words of the given widths, glue 3 +1.5 -1, a final fill. */
static size_t make_items(bc_item *items, const double *widths, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    if (i)
      items[k++] = (bc_item){BC_ITEM_GLUE, 3, 1.5, 1, 0};
    items[k++] = (bc_item){BC_ITEM_BOX, widths[i], 0, 0, 0};
  }
  items[k++] = (bc_item){BC_ITEM_GLUE, 0, 1e6, 0, 0};
  items[k++] = (bc_item){BC_ITEM_PENALTY, 0, 0, 0, -BC_PENALTY_INF};
  return k;
}

START_TEST(test_text_linebreak__no_line_overfull) {
  double widths[200];
  bc_item items[500];
  size_t *breaks, nb;
  bc_error err;
  bc_break_params p = {100, 2.0, 10, 3000};
  for (int i = 0; i < 200; i++)
    widths[i] = 5 + (i * 37) % 23; /* 5..27 pt words */
  size_t n = make_items(items, widths, 200);
  ck_assert_int_eq(bc_break_lines(&breaks, &nb, items, n, &p, &tf.arena, &err),
                   0);
  ck_assert_uint_gt(nb, 20);
  ck_assert_uint_eq(breaks[nb - 1], n - 1);
  size_t from = 0;
  for (size_t i = 0; i < nb; i++) {
    while (items[from].kind != BC_ITEM_BOX)
      from++;
    double r = bc_line_ratio(items, from, breaks[i], p.line_width);
    ck_assert(r >= -1.0); /* never overfull */
    if (i + 1 < nb)
      ck_assert(r <= 10.0); /* within a pass's tolerance */
    from = breaks[i] + 1;
  }
}
END_TEST

/* Design note 5 of linebreak.c: boxes with stretch (font expansion) share
 * the adjustment at one ratio up to 1, then the glue alone takes the
 * rest; without box stretch the ratio is the classic one. */
START_TEST(test_text_linebreak__box_stretch_shares_the_ratio) {
  bc_item items[] = {{BC_ITEM_BOX, 40, 2, 2, 0},
                     {BC_ITEM_GLUE, 4, 2, 1, 0},
                     {BC_ITEM_BOX, 40, 2, 2, 0},
                     {BC_ITEM_PENALTY, 0, 0, 0, -BC_PENALTY_INF}};
  /* natural 84; glue stretch 2, box stretch 4, glue shrink 1, box 4 */
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 84) - 0) < 1e-12);
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 87) - 0.5) < 1e-12);
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 90) - 1.0) < 1e-12);
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 92) - 2.0) < 1e-12);
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 81.5) - -0.5) < 1e-12);
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 79) - -1.0) < 1e-12);
  ck_assert(bc_line_ratio(items, 0, 3, 78) < -1.0); /* overfull */
  items[0].stretch = items[0].shrink = items[2].stretch = items[2].shrink = 0;
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 87) - 1.5) < 1e-12);
  ck_assert(fabs(bc_line_ratio(items, 0, 3, 83.5) - -0.5) < 1e-12);
}
END_TEST

/* A line of boxes only: box stretch can fill it where glue alone could
 * not (the breaker then needs no looser pass). */
START_TEST(test_text_linebreak__box_stretch_fills_a_line_without_glue) {
  bc_item items[] = {{BC_ITEM_BOX, 98, 2, 2, 0},
                     {BC_ITEM_PENALTY, 0, 0, 0, -BC_PENALTY_INF}};
  size_t *breaks, nb;
  bc_error err;
  bc_break_params p = {100, 2.0, 10, 3000};
  ck_assert(fabs(bc_line_ratio(items, 0, 1, 100) - 1.0) < 1e-12);
  items[0].stretch = 0;
  ck_assert(isinf(bc_line_ratio(items, 0, 1, 100)));
  items[0].stretch = 2;
  ck_assert_int_eq(bc_break_lines(&breaks, &nb, items, 2, &p, &tf.arena, &err),
                   0);
  ck_assert_uint_eq(nb, 1);
}
END_TEST

START_TEST(test_text_linebreak__word_wider_than_measure) {
  double widths[] = {40, 140};
  bc_item items[10];
  size_t *breaks, nb;
  bc_error err;
  bc_break_params p = {100, 2.0, 10, 3000};
  size_t n = make_items(items, widths, 2);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_break_lines(&breaks, &nb, items, n, &p, &tf.arena, &err),
                   BC_ELAYOUT);
  ck_assert_str_eq(err.message,
                   "a word 140.0 pt wide does not fit a 100.0 pt line");
}
END_TEST

START_TEST(test_text_linebreak__forced_breaks) {
  bc_item items[] = {{BC_ITEM_BOX, 10, 0, 0, 0},
                     {BC_ITEM_GLUE, 0, 1e6, 0, 0},
                     {BC_ITEM_PENALTY, 0, 0, 0, -BC_PENALTY_INF},
                     {BC_ITEM_BOX, 10, 0, 0, 0},
                     {BC_ITEM_GLUE, 0, 1e6, 0, 0},
                     {BC_ITEM_PENALTY, 0, 0, 0, -BC_PENALTY_INF}};
  size_t *breaks, nb;
  bc_error err;
  bc_break_params p = {100, 2.0, 10, 3000};
  ck_assert_int_eq(bc_break_lines(&breaks, &nb, items, 6, &p, &tf.arena, &err),
                   0);
  ck_assert_uint_eq(nb, 2);
  ck_assert_uint_eq(breaks[0], 2);
  ck_assert_uint_eq(breaks[1], 5);
}
END_TEST

/* A pseudo-random number below n (a 64-bit LCG): the same each run. */
static unsigned rnd(unsigned long *seed, unsigned n) {
  *seed = *seed * 6364136223846793005UL + 1442695040888963407UL;
  return (unsigned)((*seed >> 33) % n);
}

/* The walk over the active breaks stops at the first one whose line is
 * too short (all items >= 0): it chooses the breaks the whole walk does.
 * A zero-width box with a stretch of -1e-300 in front, which moves no
 * ratio, makes the breaker walk every active break: random paragraphs
 * (some ragged enough for the looser passes, some with penalties and font
 * expansion) break the same both ways. */
START_TEST(test_text_linebreak__early_stop_keeps_the_breaks) {
  enum { MAX = 400 };
  static bc_item items[MAX], whole[MAX + 1];
  unsigned long seed = 12345;
  for (int para = 0; para < 300; para++) {
    size_t n = 0, *b1, *b2, n1, n2;
    bc_error err;
    bc_break_params p = {200 + rnd(&seed, 200), 1.0, 10, 3000};
    double expansion = rnd(&seed, 2) ? 0.02 : 0;
    size_t words = 1 + rnd(&seed, 120);
    for (size_t w = 0; w < words && n + 4 < MAX; w++) {
      double width = 5 + rnd(&seed, 60);
      width += rnd(&seed, 100) / 100.0;
      if (w) {
        double g = 3 + rnd(&seed, 3);
        items[n++] = (bc_item){BC_ITEM_GLUE, g, g / 2, g / 3, 0};
      }
      items[n++] = (bc_item){BC_ITEM_BOX, width, width * expansion,
                             width * expansion, 0};
      if (!rnd(&seed, 8)) {
        double pw = rnd(&seed, 2) ? 0 : 3;
        items[n++] = (bc_item){BC_ITEM_PENALTY, pw, 0, 0,
                               (int)rnd(&seed, 3000) - 500};
      }
    }
    items[n++] = (bc_item){BC_ITEM_GLUE, 0, 1e6, 0, 0};
    items[n++] = (bc_item){BC_ITEM_PENALTY, 0, 0, 0, -BC_PENALTY_INF};
    whole[0] = (bc_item){BC_ITEM_BOX, 0, -1e-300, 0, 0};
    memcpy(whole + 1, items, n * sizeof *items);
    ck_assert_int_eq(
        bc_break_lines(&b1, &n1, items, n, &p, &tf.arena, &err), 0);
    ck_assert_int_eq(
        bc_break_lines(&b2, &n2, whole, n + 1, &p, &tf.arena, &err), 0);
    ck_assert_uint_eq(n1, n2);
    for (size_t i = 0; i < n1; i++)
      ck_assert_uint_eq(b1[i] + 1, b2[i]);
  }
}
END_TEST

Suite *text_suite(void) {
  Suite *s = suite_create("text");
  TCase *tc = tcase_create("font");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_text_font__metrics);
  tcase_add_test(tc, test_text_font__open_errors);
  suite_add_tcase(s, tc);
  tc = tcase_create("system");
  tcase_add_checked_fixture(tc, NULL, bc_font_system_release);
  tcase_add_test(tc, test_text_system__finds_liberation_serif_2);
  tcase_add_test(tc, test_text_system__no_substitute);
  tcase_add_test(tc, test_text_system__known_dir);
  tcase_add_test(tc, test_text_system__open_family);
  suite_add_tcase(s, tc);
  tc = tcase_create("shape");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_text_shape__vietnamese_nfc_is_one_glyph_per_letter);
  tcase_add_test(tc, test_text_shape__kerning_is_applied);
  tcase_add_test(tc, test_text_shape__missing_glyph_is_an_error);
  tcase_add_test(tc, test_text_shape__cluster_ends_and_lengths);
  tcase_add_test(tc, test_text_shape__cache_grows_and_empties);
  tcase_add_test(tc, test_text_shape__undrawable_characters_are_errors);
  suite_add_tcase(s, tc);
  tc = tcase_create("subset");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_text_subset__keeps_only_used_glyphs);
  tcase_add_test(tc, test_text_subset__renumbers_in_order);
  tcase_add_test(tc, test_text_subset__ids_foreseen);
  tcase_add_test(tc, test_text_subset__prepared_faces_same_bytes);
  suite_add_tcase(s, tc);
  tc = tcase_create("linebreak");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_text_linebreak__no_line_overfull);
  tcase_add_test(tc, test_text_linebreak__word_wider_than_measure);
  tcase_add_test(tc, test_text_linebreak__box_stretch_shares_the_ratio);
  tcase_add_test(tc, test_text_linebreak__box_stretch_fills_a_line_without_glue);
  tcase_add_test(tc, test_text_linebreak__forced_breaks);
  tcase_add_test(tc, test_text_linebreak__early_stop_keeps_the_breaks);
  suite_add_tcase(s, tc);
  return s;
}
