/* text/system.c: finding a font family's four faces among the system's fonts
 * through fontconfig, by its exact name (a substitute is an error). */
#include "text/text_int.h"

#include "common/error.h"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define DEBIAN_LIBERATION2_DIR "/usr/share/fonts/truetype/liberation2"

static const char *const style_names[BC_STYLE_COUNT] = {
    "regular", "bold", "italic", "bold italic"};

/* Whether two family names are the same as fontconfig compares them:
 * ASCII case and blanks aside. */
static bool same_family(const char *a, const char *b) {
  for (;;) {
    while (*a == ' ')
      a++;
    while (*b == ' ')
      b++;
    char ca = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
    char cb = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
    if (ca != cb)
      return false;
    if (!ca)
      return true;
    a++;
    b++;
  }
}

/* Whether the matched pattern names family among its families (a font
 * may carry its family name in several languages). */
static bool has_family(FcPattern *match, const char *family) {
  FcChar8 *name;
  for (int i = 0;
       FcPatternGetString(match, FC_FAMILY, i, &name) == FcResultMatch; i++)
    if (same_family((const char *)name, family))
      return true;
  return false;
}

/* The head table's fontRevision (16.16) of the TrueType file at path, or
 * 0 when it is not one or cannot be read. */
static uint32_t truetype_revision(const char *path) {
  unsigned char dir[12 + 64 * 16], rev[4];
  uint32_t result = 0;
  unsigned tables;
  ssize_t n;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return 0;
  n = pread(fd, dir, sizeof dir, 0);
  if (n >= 12 && bc_be32(dir) == 0x00010000u) {
    tables = bc_be16(dir + 4);
    for (unsigned i = 0; i < tables && 12 + (i + 1) * 16 <= (size_t)n; i++) {
      const unsigned char *rec = dir + 12 + i * 16;
      if (memcmp(rec, "head", 4))
        continue;
      if (pread(fd, rev, 4, (off_t)bc_be32(rec + 8) + 4) == 4)
        result = bc_be32(rev);
      break;
    }
  }
  close(fd);
  return result;
}

const char *bc_font_system_known_dir(const char *dir_override) {
  const char *dir = dir_override ? dir_override : DEBIAN_LIBERATION2_DIR;
  char path[512];
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    if (snprintf(path, sizeof path, "%s/%s", dir, bc_default_font_files[s]) >=
            (int)sizeof path ||
        truetype_revision(path) < 0x20000u)
      return NULL;
  }
  return dir;
}

int bc_font_system_find(bc_font_file *out,
                        const char *family,
                        bc_style style,
                        bc_error *err) {
  FcPattern *pat = NULL, *match = NULL;
  FcResult result;
  FcChar8 *file;
  int weight = 0, slant = 0, index = 0, revision = 0;
  FcBool embolden = FcFalse;
  bool bold = (style & BC_STYLE_BOLD) != 0,
       italic = (style & BC_STYLE_ITALIC) != 0;
  int rc = 0;

  memset(out, 0, sizeof *out);
  if (!family || !*family)
    return bc_error_set(err, BC_EFONT, "no font family named");
  if (!FcInit())
    return bc_error_set(err, BC_EFONT,
                        "fontconfig cannot load its "
                        "configuration");
  pat = FcPatternCreate();
  if (!pat || !FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)family) ||
      !FcPatternAddInteger(pat, FC_WEIGHT,
                           bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR) ||
      !FcPatternAddInteger(pat, FC_SLANT,
                           italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN) ||
      !FcPatternAddBool(pat, FC_SCALABLE, FcTrue)) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  /* The default configuration (NULL): loaded once by FcInit, shared, and
   * thread-safe for matching. */
  if (!FcConfigSubstitute(NULL, pat, FcMatchPattern)) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  FcDefaultSubstitute(pat);
  match = FcFontMatch(NULL, pat, &result);
  /* fontconfig always finds something; only the family it asked for will
   * do, since another one has other widths and other line breaks. */
  if (!match || !has_family(match, family)) {
    rc = bc_error_set(err, BC_EFONT,
                      "font family '%s' is not installed (fontconfig has "
                      "no family of that name; fc-list : family lists them)",
                      family);
    goto cleanup;
  }
  FcPatternGetInteger(match, FC_WEIGHT, 0, &weight);
  FcPatternGetInteger(match, FC_SLANT, 0, &slant);
  FcPatternGetBool(match, FC_EMBOLDEN, 0, &embolden);
  if ((weight >= FC_WEIGHT_DEMIBOLD) != bold ||
      (slant != FC_SLANT_ROMAN) != italic || embolden) {
    rc = bc_error_set(err, BC_EFONT, "font family '%s' has no %s face", family,
                      style_names[style]);
    goto cleanup;
  }
  if (FcPatternGetString(match, FC_FILE, 0, &file) != FcResultMatch) {
    rc = bc_error_set(err, BC_EFONT,
                      "fontconfig names no file for the %s "
                      "face of '%s'",
                      style_names[style], family);
    goto cleanup;
  }
  if (snprintf(out->path, sizeof out->path, "%s", (const char *)file) >=
      (int)sizeof out->path) {
    rc = bc_error_set(err, BC_EFONT, "font path too long");
    goto cleanup;
  }
  FcPatternGetInteger(match, FC_INDEX, 0, &index);
  FcPatternGetInteger(match, FC_FONTVERSION, 0, &revision);
  /* The upper bits number a variable font's named instance: its outlines
   * are the default instance's, not the style asked for. */
  if (index < 0 || index > 0xffff) {
    rc = bc_error_set(err, BC_EFONT,
                      "the %s face of '%s' is an instance of a variable font "
                      "('%s'), which baocao cannot embed",
                      style_names[style], family, out->path);
    goto cleanup;
  }
  out->index = index;
  out->revision = revision > 0 ? (unsigned)revision : 0;
cleanup:
  if (match)
    FcPatternDestroy(match);
  if (pat)
    FcPatternDestroy(pat);
  return rc;
}

void bc_font_system_release(void) {
  /* fontconfig keeps parts of its configuration behind offsets rather than
   * pointers, so LeakSanitizer reports them lost (288 bytes with Debian
   * 12's 2.14.1) unless the configuration is freed. */
  FcFini();
}
