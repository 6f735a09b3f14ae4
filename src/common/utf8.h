/* common/utf8.h: UTF-8 decoding, validation, NFC, case mapping and safe
 * file names; the only user of utf8proc. */
#ifndef BC_COMMON_UTF8_H
#define BC_COMMON_UTF8_H

#include "baocao/error.h"
#include "common/arena.h"
#include "common/buf.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Decodes one code point from s[0..len). Returns the number of bytes used
 * (1-4) and stores the code point, or returns 0 for an invalid, overlong,
 * surrogate or truncated sequence.
 */
size_t bc_utf8_decode(const char *s, size_t len, uint32_t *cp_out);

/* Encodes cp into out (4 bytes room); returns bytes written, 0 if invalid. */
size_t bc_utf8_encode(uint32_t cp, char *out);

/*
 * SIZE_MAX when s[0..len) is valid UTF-8 without NUL bytes, else the byte
 * offset of the first bad byte.
 */
size_t bc_utf8_check(const char *s, size_t len);

/* Number of code points in valid UTF-8. */
size_t bc_utf8_length(const char *s, size_t len);

/*
 * NFC of s[0..len) (TCVN 6909 / Unicode composed form: "ê" + U+0301 becomes
 * "ế"): the same characters typed in another encoding are the same text.
 * Spelling is kept: "hoà" and "hòa" stay as they were typed (both are
 * correct; bc_utf8_tones chooses one). The result is NUL-terminated, from
 * arena. Fails with BC_EDATA naming the byte offset of invalid UTF-8 or a
 * NUL byte, or BC_ENOMEM.
 */
int bc_utf8_nfc(const char **out,
                size_t *out_len,
                const char *s,
                size_t len,
                bc_arena *arena,
                bc_error *err);

/* Where the tone mark of an open syllable ending in oa, oe, uy goes. */
typedef enum bc_tone_style {
  BC_TONE_KEEP = 0, /* as typed */
  BC_TONE_NEW,      /* kiểu mới, on the first vowel: hòa, khỏe, thủy */
  BC_TONE_OLD       /* kiểu cũ, on the second vowel: hoà, khoẻ, thuỷ */
} bc_tone_style;

/*
 * bc_utf8_nfc, then every open syllable ending in oa, oe or uy with its
 * tone mark where style puts it (quý, hoàn, quyết, huỳnh are the same in
 * both styles and left alone; a syllable with two tone marks is left as
 * typed). For an agency that writes one style throughout.
 */
int bc_utf8_tones(const char **out,
                  size_t *out_len,
                  const char *s,
                  size_t len,
                  bc_tone_style style,
                  bc_arena *arena,
                  bc_error *err);

/* Appends s in capitals (Vietnamese-aware: "đ" -> "Đ", "ư" -> "Ư").
 * first_only: only the first letter. s must be valid UTF-8. */
void bc_utf8_upper(bc_buf *out, const char *s, size_t len, bool first_only);

/* Appends s in sentence case: the first letter a capital, every other
 * letter small ("BÁO CÁO" -> "Báo cáo"). s must be valid UTF-8. */
void bc_utf8_sentence(bc_buf *out, const char *s, size_t len);

/*
 * Why cp cannot be drawn as left-to-right text, or NULL when it can (the
 * font may still lack it): "is a control character" (Cc), "is written
 * right to left" (Hebrew, Arabic and the other right-to-left letters, and
 * the direction controls), "is an invisible format character" (zero-width
 * space, soft hyphen, joiners, byte order mark, variation selectors: the
 * default-ignorable code points, which would be drawn as nothing).
 */
const char *bc_utf8_undrawable(uint32_t cp);

/* s[0..len) to show in a message, into out (size bytes, NUL-terminated,
 * cut with "…" when longer), with control, format and direction
 * characters as <U+XXXX>. s should be valid UTF-8 (it stops at a bad
 * byte). Never allocates. */
void bc_utf8_quote(char *out, size_t size, const char *s, size_t len);

/* The value of an ASCII hex digit (either case), or -1. */
int bc_hex_digit(int c);

/*
 * A file name made from a code that comes from the database (an agency
 * code such as "SKHĐT-AG"): letters and digits (Vietnamese ones too), '-',
 * '_' and '.' (not first) are kept, anything else (/, .., spaces, control
 * characters, invalid UTF-8) becomes '_'. When anything was replaced or the
 * name had to be cut to fit, "-" and 8 hex digits of a hash of the whole
 * code follow, so that two different codes never share a file. Writes at
 * most size bytes (size >= 16), NUL-terminated; returns the length.
 */
size_t bc_utf8_file_name(char *out, size_t size, const char *code);

#endif
