/* common/utf8.c: strict UTF-8 decoding (RFC 3629); NFC, case mapping and
 * safe file names through utf8proc. */
#include "common/utf8.h"
#include "common/i18n.h"
#include "common/version.h"

#include "common/hash.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

size_t bc_utf8_decode(const char *str, size_t len, uint32_t *cp_out) {
  const unsigned char *s = (const unsigned char *)str;
  uint32_t cp;
  size_t n, i;
  if (!len)
    return 0;
  if (s[0] < 0x80) {
    *cp_out = s[0];
    return 1;
  } else if (s[0] >= 0xC2 && s[0] <= 0xDF) {
    n = 2;
    cp = s[0] & 0x1F;
  } else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
    n = 3;
    cp = s[0] & 0x0F;
  } else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
    n = 4;
    cp = s[0] & 0x07;
  } else {
    return 0;
  }
  if (len < n)
    return 0;
  for (i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80)
      return 0;
    cp = (cp << 6) | (s[i] & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
      (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  *cp_out = cp;
  return n;
}

/*
 * One multi-byte sequence at s[0..len) (s[0] >= 0x80), for the loops that
 * go through whole texts (bc_utf8_check, normalise): the two- and
 * three-byte forms, all of Vietnamese, without a loop; the rest by
 * bc_utf8_decode. Same result as bc_utf8_decode.
 */
static inline size_t
decode_multi(const unsigned char *s, size_t len, uint32_t *cp_out) {
  if (s[0] >= 0xC2 && s[0] <= 0xDF && len >= 2 && (s[1] & 0xC0) == 0x80) {
    *cp_out = ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    return 2;
  }
  if ((s[0] & 0xF0) == 0xE0 && len >= 3 && (s[1] & 0xC0) == 0x80 &&
      (s[2] & 0xC0) == 0x80) {
    uint32_t cp = ((uint32_t)(s[0] & 0x0F) << 12) |
                  ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))
      return 0;
    *cp_out = cp;
    return 3;
  }
  return bc_utf8_decode((const char *)s, len, cp_out);
}

size_t bc_utf8_encode(uint32_t cp, char *out) {
  unsigned char *o = (unsigned char *)out;
  if (cp < 0x80) {
    o[0] = (unsigned char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (unsigned char)(0xC0 | (cp >> 6));
    o[1] = (unsigned char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp >= 0xD800 && cp <= 0xDFFF)
    return 0;
  if (cp < 0x10000) {
    o[0] = (unsigned char)(0xE0 | (cp >> 12));
    o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (unsigned char)(0x80 | (cp & 0x3F));
    return 3;
  }
  if (cp <= 0x10FFFF) {
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
  }
  return 0;
}

size_t bc_utf8_check(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    size_t n;
    if ((unsigned char)s[i] < 0x80) {
      if (!s[i])
        return i;
      i++;
      continue;
    }
    n = decode_multi((const unsigned char *)s + i, len - i, &cp);
    if (!n)
      return i;
    i += n;
  }
  return SIZE_MAX;
}

size_t bc_utf8_length(const char *s, size_t len) {
  size_t count = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      count++;
  return count;
}

/* The five Vietnamese tone marks (dấu thanh) as combining characters. */
static bool is_tone(utf8proc_int32_t c) {
  return c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 ||
         c == 0x0323;
}

static bool is_mark(utf8proc_int32_t c) {
  return c >= 0x0300 && c <= 0x036F;
}

static bool is_letter(utf8proc_int32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == 0x0110 ||
         c == 0x0111 || is_mark(c);
}

/* The letter as a lower-case ASCII letter for matching (đ counts as a
 * consonant like d). */
static char lower_ascii(utf8proc_int32_t c) {
  if (c == 0x0110 || c == 0x0111)
    return 'd';
  if (c >= 'A' && c <= 'Z')
    return (char)(c - 'A' + 'a');
  return c >= 'a' && c <= 'z' ? (char)c : 0;
}

static bool is_vowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/*
 * The placement of the tone mark in open syllables ending in oa, oe, uy,
 * the one place where two spellings are both correct Vietnamese: on the
 * first vowel in the newer style (hòa, khỏe, thủy, as the decree's own
 * text writes them), on the second in the older one (hoà, khoẻ, thuỷ).
 * "qu" keeps its u out of the vowel (quý), and closed syllables (hoàn,
 * quyết) are the same in both. w[0..n) is one syllable in NFD.
 */
static void place_tone(utf8proc_int32_t *w, size_t n, bc_tone_style style) {
  size_t base[8], nb = 0, tone = SIZE_MAX;
  char letters[8];
  for (size_t i = 0; i < n; i++) {
    if (is_mark(w[i])) {
      if (is_tone(w[i])) {
        if (tone != SIZE_MAX)
          return; /* two tones: a typing error, left as typed (moving one
                     would move the other the next time, text changing at
                     each normalisation) */
        tone = i;
      } else if (nb)
        return; /* a vowel with ^, breve or horn: not oa/oe/uy */
      continue;
    }
    if (nb == 8)
      return;
    letters[nb] = lower_ascii(w[i]);
    base[nb++] = i;
  }
  if (tone == SIZE_MAX || nb < 2)
    return;
  size_t v = 0;
  while (v < nb && letters[v] && !is_vowel(letters[v]))
    v++;
  if (v + 2 != nb || !letters[v] || !letters[v + 1])
    return;
  char a = letters[v], b = letters[v + 1];
  if (!((a == 'o' && (b == 'a' || b == 'e')) || (a == 'u' && b == 'y')))
    return;
  if (v == 1 && letters[0] == 'q')
    return; /* qu + y: quý */
  utf8proc_int32_t mark = w[tone];
  if (style == BC_TONE_NEW && tone > base[v + 1]) {
    /* From after the second vowel to right after the first. */
    for (size_t i = tone; i > base[v] + 1; i--)
      w[i] = w[i - 1];
    w[base[v] + 1] = mark;
  } else if (style == BC_TONE_OLD && tone < base[v + 1]) {
    /* From after the first vowel to right after the second. */
    for (size_t i = tone; i < base[v + 1]; i++)
      w[i] = w[i + 1];
    w[base[v + 1]] = mark;
  }
}

/* NFC of cps[0..n) in place, tone marks placed first as style says; the
 * new length or a negative utf8proc error. cps must have room for the
 * UTF-8 result, which is never longer than 4 bytes per code point. */
static utf8proc_ssize_t
compose(utf8proc_int32_t *cps, utf8proc_ssize_t m, bc_tone_style style) {
  const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
  /* Still decomposed here: settle where each tone mark sits. */
  for (utf8proc_ssize_t i = 0; i < m && style != BC_TONE_KEEP;) {
    utf8proc_ssize_t j = i;
    while (j < m && is_letter(cps[j]))
      j++;
    if (j > i)
      place_tone(cps + i, (size_t)(j - i), style);
    i = j > i ? j : i + 1;
  }
  if (m >= 0)
    m = utf8proc_normalize_utf32(cps, m, opts);
  if (m >= 0)
    m = utf8proc_reencode(cps, m, opts);
  return m;
}

/* The whole text through utf8proc: decompose, place tones, compose. */
static int nfc_slow(const char **out,
                    size_t *out_len,
                    const char *s,
                    size_t len,
                    bc_tone_style style,
                    bc_arena *arena,
                    bc_error *err) {
  const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_DECOMPOSE;
  utf8proc_ssize_t n, m;
  utf8proc_int32_t *cps;
  n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                         NULL, 0, opts);
  if (n < 0)
    return bc_error_set(err, BC_EDATA, "cannot normalise text: %s",
                        utf8proc_errmsg(n));
  cps = bc_arena_calloc(arena, (size_t)n + 1, sizeof *cps);
  if (!cps)
    return bc_error_oom(err);
  m = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                         cps, n, opts);
  if (m >= 0)
    m = compose(cps, m, style);
  if (m < 0)
    return bc_error_set(err, BC_EDATA, "cannot normalise text: %s",
                        utf8proc_errmsg(m));
  *out = (const char *)cps;
  *out_len = (size_t)m;
  return 0;
}

/*
 * Code points that NFC leaves alone whatever surrounds them (quick check
 * "yes", canonical combining class 0, never composed with what comes
 * before): Latin, Latin-1, Latin Extended A and B, Latin Extended
 * Additional (all of Vietnamese in precomposed form), punctuation and
 * currency signs. Text made only of these is NFC already.
 */
static bool nfc_inert(uint32_t cp) {
  return cp < 0x0300 || (cp >= 0x1E00 && cp <= 0x1EFF) ||
         (cp >= 0x2002 && cp <= 0x206F) || (cp >= 0x20A0 && cp <= 0x20CF);
}

/* Bytes that may belong to a syllable: ASCII letters and anything
 * non-ASCII (in inert text, a non-ASCII non-letter such as "–" only makes
 * the piece handed to utf8proc longer, never wrong). */
static bool syllable_byte(unsigned char c) {
  return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The end of a syllable where a tone may sit on the other vowel of oa,
 * oe, uy: o or u before a letter with a mark (hoà, thuỷ), or a letter
 * with a mark (the last byte of its UTF-8) before a, e or y (hòa, thủy).
 * Also catches many syllables that need nothing (của, đóa): they only go
 * through utf8proc for nothing. */
static bool tone_candidate(const char *s, size_t i) {
  unsigned char c = (unsigned char)s[i], d = (unsigned char)s[i + 1];
  if ((c == 'o' || c == 'O' || c == 'u' || c == 'U') && d >= 0x80)
    return true;
  return c >= 0x80 && c < 0xC0 &&
         (d == 'a' || d == 'e' || d == 'y' || d == 'A' || d == 'E' ||
          d == 'Y');
}

/* NFC of s[0..len) with tones placed as style says (bc_utf8_nfc,
 * bc_utf8_tones). */
static int normalise(const char **out,
                     size_t *out_len,
                     const char *s,
                     size_t len,
                     bc_tone_style style,
                     bc_arena *arena,
                     bc_error *err) {
  size_t n = 0, copied = 0, cap;
  bool inert = true;
  char *dst;

  /* One pass checks the UTF-8 (all of it: utf8proc takes NUL bytes for
   * text and names no offset) and whether the text is inert. */
  for (size_t i = 0; i < len;) {
    const unsigned char *u = (const unsigned char *)s + i;
    uint32_t cp;
    size_t k;
    if (u[0] < 0x80) {
      if (!u[0])
        return bc_error_set(err, BC_EDATA, "NUL byte at byte %zu", i);
      i++;
      continue;
    }
    /* Vietnamese letters without decoding: U+0080-U+02FF (C2-CB and a
     * continuation byte) and U+1E00-U+1EFF (E1, B8-BB, a continuation
     * byte) are valid and inert. */
    if (u[0] >= 0xC2 && u[0] <= 0xCB && len - i >= 2 &&
        (u[1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    if (u[0] == 0xE1 && len - i >= 3 && u[1] >= 0xB8 && u[1] <= 0xBB &&
        (u[2] & 0xC0) == 0x80) {
      i += 3;
      continue;
    }
    if (!(k = decode_multi(u, len - i, &cp)))
      return bc_error_set(err, BC_EDATA, "invalid UTF-8 at byte %zu", i);
    inert = inert && nfc_inert(cp);
    i += k;
  }
  if (!inert)
    return nfc_slow(out, out_len, s, len, style, arena, err);
  /* Inert text is NFC already: a copy, in which only a syllable where a
   * tone may have to move goes through utf8proc, one syllable at a time.
   * Moving a tone changes a syllable's length by one byte at most (ù/ỳ),
   * so the copy has room for half as much again. */
  cap = len + len / 2 + 1;
  dst = bc_arena_alloc(arena, cap);
  if (!dst)
    return bc_error_oom(err);
  for (size_t i = 0; style != BC_TONE_KEEP && i + 1 < len; i++) {
    size_t a = i, b = i + 1;
    utf8proc_int32_t cps[64];
    utf8proc_ssize_t m;
    if (!tone_candidate(s, i))
      continue;
    while (a > copied && syllable_byte((unsigned char)s[a - 1]))
      a--;
    while (b < len && syllable_byte((unsigned char)s[b]))
      b++;
    m = utf8proc_decompose((const utf8proc_uint8_t *)s + a,
                           (utf8proc_ssize_t)(b - a), cps, 64,
                           UTF8PROC_STABLE | UTF8PROC_DECOMPOSE);
    if (m < 0 || m > 64) /* a long word */
      return nfc_slow(out, out_len, s, len, style, arena, err);
    if ((m = compose(cps, m, style)) < 0)
      return bc_error_set(err, BC_EDATA, "cannot normalise text: %s",
                          utf8proc_errmsg(m));
    if (n + (a - copied) + (size_t)m + (len - b) >= cap)
      return nfc_slow(out, out_len, s, len, style, arena, err);
    memcpy(dst + n, s + copied, a - copied);
    n += a - copied;
    memcpy(dst + n, cps, (size_t)m);
    n += (size_t)m;
    copied = b;
    i = b - 1;
  }
  memcpy(dst + n, s + copied, len - copied);
  n += len - copied;
  dst[n] = '\0';
  *out = dst;
  *out_len = n;
  return 0;
}

int bc_utf8_nfc(const char **out,
                size_t *out_len,
                const char *s,
                size_t len,
                bc_arena *arena,
                bc_error *err) {
  return normalise(out, out_len, s, len, BC_TONE_KEEP, arena, err);
}

int bc_utf8_tones(const char **out,
                  size_t *out_len,
                  const char *s,
                  size_t len,
                  bc_tone_style style,
                  bc_arena *arena,
                  bc_error *err) {
  return normalise(out, out_len, s, len, style, arena, err);
}

/* How the letters after the first are cased. */
typedef enum case_rest { REST_UPPER, REST_KEEP, REST_LOWER } case_rest;

/* The first letter in capitals, the others as rest says. Bytes that are
 * not UTF-8 pass through. */
static void case_map(bc_buf *out, const char *s, size_t len, case_rest rest) {
  bool first = true;
  size_t i = 0;
  while (i < len) {
    uint32_t cp;
    char enc[4];
    size_t n = bc_utf8_decode(s + i, len - i, &cp);
    if (!n) {
      bc_buf_put(out, s + i, 1);
      i++;
      continue;
    }
    utf8proc_int32_t c = (utf8proc_int32_t)cp;
    utf8proc_category_t cat = utf8proc_category(c);
    bool letter = cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
    if (first || rest == REST_UPPER)
      c = utf8proc_toupper(c);
    else if (rest == REST_LOWER)
      c = utf8proc_tolower(c);
    if (letter)
      first = false;
    bc_buf_put(out, enc, bc_utf8_encode((uint32_t)c, enc));
    i += n;
  }
}

void bc_utf8_upper(bc_buf *out, const char *s, size_t len, bool first_only) {
  case_map(out, s, len, first_only ? REST_KEEP : REST_UPPER);
}

void bc_utf8_sentence(bc_buf *out, const char *s, size_t len) {
  case_map(out, s, len, REST_LOWER);
}

const char *bc_utf8_undrawable(uint32_t cp) {
  const utf8proc_property_t *p;
  if (cp < 0x80) /* the fast path: ASCII */
    return cp < 0x20 || cp == 0x7F ? bc_tr("is a control character") : NULL;
  p = utf8proc_get_property((utf8proc_int32_t)cp);
  if (p->category == UTF8PROC_CATEGORY_CC)
    return bc_tr("is a control character");
  switch (p->bidi_class) {
  case UTF8PROC_BIDI_CLASS_LRE:
  case UTF8PROC_BIDI_CLASS_LRO:
  case UTF8PROC_BIDI_CLASS_RLE:
  case UTF8PROC_BIDI_CLASS_RLO:
  case UTF8PROC_BIDI_CLASS_PDF:
  case UTF8PROC_BIDI_CLASS_LRI:
  case UTF8PROC_BIDI_CLASS_RLI:
  case UTF8PROC_BIDI_CLASS_FSI:
  case UTF8PROC_BIDI_CLASS_PDI:
    return bc_tr("is a text direction control");
  default:
    break;
  }
  if (cp == 0x200E || cp == 0x200F || cp == 0x061C) /* LRM, RLM, ALM */
    return bc_tr("is a text direction control");
  if (p->bidi_class == UTF8PROC_BIDI_CLASS_R ||
      p->bidi_class == UTF8PROC_BIDI_CLASS_AL)
    return bc_tr("is written right to left");
  if (p->ignorable)
    return bc_tr("is an invisible format character");
  return NULL;
}

void bc_utf8_quote(char *out, size_t size, const char *s, size_t len) {
  static const char ellipsis[] = "\xE2\x80\xA6";
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    char piece[16];
    uint32_t cp;
    size_t n = bc_utf8_decode(s + i, len - i, &cp), pn;
    const char *why;
    if (!n)
      break;
    why = bc_utf8_undrawable(cp);
    if (why && strcmp(why, "is written right to left") != 0) {
      pn = (size_t)snprintf(piece, sizeof piece, "<U+%04X>", (unsigned)cp);
    } else {
      memcpy(piece, s + i, n);
      pn = n;
    }
    /* room for this piece, and for the ellipsis if more follows */
    if (o + pn + (i + n < len ? sizeof ellipsis - 1 : 0) + 1 > size) {
      if (o + sizeof ellipsis <= size) {
        memcpy(out + o, ellipsis, sizeof ellipsis - 1);
        o += sizeof ellipsis - 1;
      }
      break;
    }
    memcpy(out + o, piece, pn);
    o += pn;
    i += n;
  }
  if (size)
    out[o < size ? o : size - 1] = '\0';
}

int bc_hex_digit(int c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* ---- file names ---- */

static bool name_char(uint32_t cp, size_t at) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= '0' && cp <= '9') || cp == '-' || cp == '_' ||
           (cp == '.' && at > 0);
  switch (utf8proc_category((utf8proc_int32_t)cp)) {
  case UTF8PROC_CATEGORY_LU:
  case UTF8PROC_CATEGORY_LL:
  case UTF8PROC_CATEGORY_LT:
  case UTF8PROC_CATEGORY_LO:
  case UTF8PROC_CATEGORY_ND:
    return true;
  default:
    return false;
  }
}

size_t bc_utf8_file_name(char *out, size_t size, const char *code) {
  const size_t room = size - 10; /* for "-" + 8 hex digits + NUL */
  size_t len = strlen(code), n = 0, i = 0;
  bool changed = len == 0;
  while (i < len) {
    uint32_t cp = 0;
    size_t k = bc_utf8_decode(code + i, len - i, &cp);
    if (k == 0 || !name_char(cp, n)) {
      k = k ? k : 1;
      changed = true;
      if (n + 1 > room)
        break;
      out[n++] = '_';
    } else {
      if (n + k > room)
        break;
      memcpy(out + n, code + i, k);
      n += k;
    }
    i += k;
  }
  if (i < len || changed)
    n += (size_t)snprintf(out + n, size - n, "-%08x", (unsigned)bc_fnv1a(BC_FNV1A_INIT, code, len));
  out[n] = '\0';
  return n;
}

void bc_utf8_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "utf8proc", utf8proc_version());
}
