/* text/shape.c: shaping one run of text with HarfBuzz into glyph IDs and
 * positions in font units, with a cache of shaped words; a missing glyph
 * is an error naming the character, never a silent .notdef box. */
#include "text/text_int.h"
#include "common/i18n.h"

#include "common/alloc.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/hash.h"
#include "common/utf8.h"

#include <string.h>

/*
 * Shaped words, kept across the reports a worker renders: official text
 * repeats its syllables (của, và, cải cách) thousands of times. Open
 * addressing on FNV-1a of style and bytes; entries and glyphs live in the
 * cache's own arena. When the cache is full it is emptied whole, so its
 * memory stays flat however long the run. The table starts small and
 * doubles as it fills, up to CACHE_SLOTS: one report needs a few thousand
 * entries, and a table of the largest size, zeroed whole, cost every
 * process 1 MB and 256 page faults at start. Callers get copies in their own
 * arena, so emptying it never leaves a dangling pointer. Out of memory is
 * reported as for any other allocation (the allocation-failure tests
 * want every failure seen).
 */
#define CACHE_SLOTS 32768u      /* the most slots, a power of two */
#define CACHE_FIRST_SLOTS 2048u /* the first table's, a power of two */
#define CACHE_MAX_WORD 64                  /* longer runs are not kept */

typedef struct cached_word {
  uint32_t hash; /* 0: empty slot */
  uint32_t count;
  int32_t width;
  uint8_t style;
  uint8_t len;
  const char *text;
  const bc_glyph *glyphs;
} cached_word;

struct bc_shaper {
  const bc_allocator *alloc;
  const bc_fontset *fs;
  hb_buffer_t *buf;
  hb_language_t vietnamese; /* looked up once: HarfBuzz interns it in a
                               global list, best done before threads run */
  hb_shape_plan_t *plans[BC_STYLE_COUNT]; /* NULL: not made yet */
  cached_word *slots; /* slot_count */
  uint32_t slot_count;
  size_t entries; /* at most slot_count / 2: load factor 1/2 */
  bc_arena cache_arena;
};

static uint32_t word_hash(bc_style style, const char *text, size_t len) {
  uint32_t h = bc_fnv1a(BC_FNV1A_INIT ^ (uint32_t)style, text, len);
  return h ? h : 1;
}

/* The slot holding the word, or the empty slot where it would go. */
static cached_word *cache_slot(bc_shaper *sh,
                               uint32_t hash,
                               bc_style style,
                               const char *text,
                               size_t len) {
  const uint32_t mask = sh->slot_count - 1;
  for (uint32_t i = hash & mask;; i = (i + 1) & mask) {
    cached_word *w = &sh->slots[i];
    if (!w->hash || (w->hash == hash && w->style == style && w->len == len &&
                     !memcmp(w->text, text, len)))
      return w;
  }
}

static void cache_clear(bc_shaper *sh) {
  memset(sh->slots, 0, sh->slot_count * sizeof *sh->slots);
  sh->entries = 0;
  bc_arena_release(&sh->cache_arena);
}

/* The table at twice its size, every entry moved into it; false when out
 * of memory (the old table is kept). */
static bool cache_grow(bc_shaper *sh) {
  cached_word *old = sh->slots;
  uint32_t old_count = sh->slot_count;
  cached_word *slots = bc_calloc(sh->alloc, 2 * (size_t)old_count, sizeof *slots);
  if (!slots)
    return false;
  sh->slots = slots;
  sh->slot_count = 2 * old_count;
  for (uint32_t i = 0; i < old_count; i++)
    if (old[i].hash)
      *cache_slot(sh, old[i].hash, (bc_style)old[i].style, old[i].text,
                  old[i].len) = old[i];
  bc_free(sh->alloc, old);
  return true;
}

/* Keeps a shaped word. */
static int cache_put(bc_shaper *sh,
                      uint32_t hash,
                      bc_style style,
                      const char *text,
                      size_t len,
                      const bc_shaped *shaped,
                      bc_error *err) {
  cached_word *w;
  char *t;
  bc_glyph *g;
  if (sh->entries >= sh->slot_count / 2) {
    if (sh->slot_count >= CACHE_SLOTS)
      cache_clear(sh);
    else if (!cache_grow(sh))
      return bc_error_oom(err);
  }
  w = cache_slot(sh, hash, style, text, len);
  t = bc_arena_strndup(&sh->cache_arena, text, len);
  g = bc_arena_alloc(&sh->cache_arena, (shaped->count ? shaped->count : 1) *
                                           sizeof *g);
  if (!t || !g)
    return bc_error_oom(err);
  memcpy(g, shaped->glyphs, shaped->count * sizeof *g);
  w->hash = hash;
  w->style = (uint8_t)style;
  w->len = (uint8_t)len;
  w->text = t;
  w->glyphs = g;
  w->count = (uint32_t)shaped->count;
  w->width = shaped->width;
  sh->entries++;
  return 0;
}

int bc_shaper_new(bc_shaper **out,
                  const bc_fontset *fs,
                  const bc_allocator *alloc,
                  bc_error *err) {
  bc_shaper *sh = bc_calloc(alloc, 1, sizeof *sh);
  if (!sh)
    return bc_error_oom(err);
  sh->alloc = alloc;
  sh->fs = fs;
  bc_arena_init(&sh->cache_arena, alloc);
  sh->slot_count = CACHE_FIRST_SLOTS;
  sh->slots = bc_calloc(alloc, sh->slot_count, sizeof *sh->slots);
  sh->vietnamese = hb_language_from_string("vi", -1);
  sh->buf = hb_buffer_create();
  if (!sh->slots || !hb_buffer_allocation_successful(sh->buf)) {
    bc_shaper_free(sh);
    return bc_error_oom(err);
  }
  *out = sh;
  return 0;
}

const bc_fontset *bc_text__shaper_fonts(const bc_shaper *sh) {
  return sh->fs;
}

void bc_shaper_free(bc_shaper *sh) {
  if (!sh)
    return;
  for (int i = 0; i < BC_STYLE_COUNT; i++)
    hb_shape_plan_destroy(sh->plans[i]);
  hb_buffer_destroy(sh->buf);
  bc_arena_release(&sh->cache_arena);
  bc_free(sh->alloc, sh->slots);
  bc_free(sh->alloc, sh);
}

/* A character of text that cannot be drawn: the character, why, and the
 * word it is in (to find it in the data). */
static int undrawable(bc_error *err,
                      uint32_t cp,
                      const char *why,
                      const char *font,
                      const char *text,
                      size_t len) {
  char word[96];
  bc_utf8_quote(word, sizeof word, text, len);
  return bc_error_set(err, BC_EDATA, "character U+%04X in \"%s\" %s%s",
                      (unsigned)cp, word, why, font ? font : "");
}

static int shape_with_harfbuzz(bc_shaped *out,
                               bc_shaper *sh,
                               bc_style style,
                               const char *text,
                               size_t len,
                               bc_arena *arena,
                               bc_error *err);

int bc_shaper_shape(bc_shaped *out,
                    bc_shaper *sh,
                    bc_style style,
                    const char *text,
                    size_t len,
                    bc_arena *arena,
                    bc_error *err) {
  bc_glyph *glyphs;

  uint32_t hash = 0;
  int rc;

  if (len > (1u << 30))
    return bc_error_set(err, BC_ELAYOUT, "a word of %zu bytes is too long",
                        len);
  if (len <= CACHE_MAX_WORD) {
    const cached_word *w =
        cache_slot(sh, hash = word_hash(style, text, len), style, text, len);
    if (w->hash) {
      glyphs = bc_arena_alloc(arena, (w->count ? w->count : 1) * sizeof *glyphs);
      if (!glyphs)
        return bc_error_oom(err);
      memcpy(glyphs, w->glyphs, w->count * sizeof *glyphs);
      out->glyphs = glyphs;
      out->count = w->count;
      out->width = w->width;
      return 0;
    }
  }
  if ((rc = shape_with_harfbuzz(out, sh, style, text, len, arena, err)))
    return rc;
  return hash ? cache_put(sh, hash, style, text, len, out, err) : 0;
}

static int shape_with_harfbuzz(bc_shaped *out,
                               bc_shaper *sh,
                               bc_style style,
                               const char *text,
                               size_t len,
                               bc_arena *arena,
                               bc_error *err) {
  const bc_face *face = &sh->fs->faces[style];
  hb_glyph_info_t *info;
  hb_glyph_position_t *pos;
  unsigned int n;
  bc_glyph *glyphs;
  int32_t width = 0;

  /* What HarfBuzz would draw as nothing, or in the wrong order. */
  for (size_t i = 0; i < len;) {
    uint32_t cp;
    size_t used = bc_utf8_decode(text + i, len - i, &cp);
    const char *why = used ? bc_utf8_undrawable(cp) : NULL;
    if (why)
      return undrawable(err, cp, why, NULL, text, len);
    i += used ? used : 1;
  }
  hb_buffer_clear_contents(sh->buf);
  hb_buffer_add_utf8(sh->buf, text, (int)len, 0, (int)len);
  /* Vietnamese is Latin script, left to right; guessing would also pick up
   * the language from the locale, which must not change the output. */
  hb_buffer_set_direction(sh->buf, HB_DIRECTION_LTR);
  hb_buffer_set_script(sh->buf, HB_SCRIPT_LATIN);
  hb_buffer_set_language(sh->buf, sh->vietnamese);
  hb_buffer_set_cluster_level(sh->buf,
                              HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  /* The plan for the face and these properties, made once: hb_shape
   * looks it up in the face's cache at each call, building its key
   * afresh (a fifth of the shaping of a word). */
  if (!sh->plans[style]) {
    hb_segment_properties_t props;
    hb_buffer_get_segment_properties(sh->buf, &props);
    sh->plans[style] =
        hb_shape_plan_create_cached(face->hb_face, &props, NULL, 0, NULL);
  }
  if (!hb_shape_plan_execute(sh->plans[style], face->hb_font, sh->buf, NULL,
                             0)) {
    /* Only an empty plan (HarfBuzz out of memory) fails: made again next
     * time. */
    hb_shape_plan_destroy(sh->plans[style]);
    sh->plans[style] = NULL;
    return bc_error_oom(err);
  }
  if (!hb_buffer_allocation_successful(sh->buf))
    return bc_error_oom(err);
  info = hb_buffer_get_glyph_infos(sh->buf, &n);
  pos = hb_buffer_get_glyph_positions(sh->buf, &n);
  glyphs = bc_arena_calloc(arena, n ? n : 1, sizeof *glyphs);
  if (!glyphs)
    return bc_error_oom(err);
  for (unsigned int i = 0; i < n; i++) {
    if (info[i].codepoint == 0) {
      uint32_t cp = 0;
      size_t at = info[i].cluster;
      bc_utf8_decode(text + at, len - at, &cp);
      return undrawable(err, cp, bc_tr("is not in font "), face->info.postscript_name,
                        text, len);
    }
    glyphs[i].gid = info[i].codepoint;
    glyphs[i].cluster = info[i].cluster;
    glyphs[i].x_advance = pos[i].x_advance;
    glyphs[i].x_offset = pos[i].x_offset;
    glyphs[i].y_offset = pos[i].y_offset;
    width += pos[i].x_advance;
  }
  out->glyphs = glyphs;
  out->count = n;
  out->width = width;
  return 0;
}

