/* common/json.c: writing JSON: strings (escaped, NULL as null), keys and
 * numbers that read back as the same double. */
#include "common/json.h"

#include "common/utf8.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void bc_json_string(bc_buf *out, const char *s) {
  static const char hex[] = "0123456789abcdef";
  size_t len = s ? strlen(s) : 0;
  if (!s) {
    bc_buf_puts(out, "null");
    return;
  }
  bc_buf_putc(out, '"');
  for (size_t i = 0; i < len;) {
    unsigned char c = (unsigned char)s[i];
    uint32_t cp;
    size_t k;
    if (c == '"' || c == '\\') {
      bc_buf_putc(out, '\\');
      bc_buf_putc(out, (char)c);
      i++;
    } else if (c == '\n' || c == '\r' || c == '\t') {
      bc_buf_putc(out, '\\');
      bc_buf_putc(out, c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
      i++;
    } else if (c < 0x20 || c == 0x7f) {
      char esc[7] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15], 0};
      bc_buf_puts(out, esc);
      i++;
    } else if (c < 0x80) { /* a run of bytes that need no escape */
      size_t j = i + 1;
      while (j < len && (unsigned char)s[j] >= 0x20 &&
             (unsigned char)s[j] < 0x7f && s[j] != '"' && s[j] != '\\')
        j++;
      bc_buf_put(out, s + i, j - i);
      i = j;
    } else if ((k = bc_utf8_decode(s + i, len - i, &cp)) != 0) {
      bc_buf_put(out, s + i, k);
      i += k;
    } else {
      bc_buf_puts(out, "\xef\xbf\xbd"); /* U+FFFD for a byte that is not
                                           UTF-8 */
      i++;
    }
  }
  bc_buf_putc(out, '"');
}

void bc_json_key(bc_buf *out, const char *key, bool first) {
  if (!first)
    bc_buf_putc(out, ',');
  bc_json_string(out, key);
  bc_buf_putc(out, ':');
}

void bc_json_number(bc_buf *out, double v) {
  char s[40];
  if (!isfinite(v)) {
    bc_buf_puts(out, "null");
    return;
  }
  /* the shortest of 15, 16, 17 significant digits that reads back */
  for (int digits = 15; digits <= 17; digits++) {
    snprintf(s, sizeof s, "%.*g", digits, v);
    if (strtod(s, NULL) == v)
      break;
  }
  bc_buf_puts(out, s);
}
