/* common/json.h: writing JSON values into a bc_buf (the manifest, the data
 * embedded in each PDF). */
#ifndef BC_COMMON_JSON_H
#define BC_COMMON_JSON_H

#include "common/buf.h"

#include <stdbool.h>

/* A JSON string of UTF-8 s (control characters escaped, a byte that is not
 * UTF-8 as U+FFFD), or null for NULL. */
void bc_json_string(bc_buf *out, const char *s);

/* "key": with a comma before it unless first. */
void bc_json_key(bc_buf *out, const char *key, bool first);

/* A finite double in the fewest digits (15-17) that read back as it; null
 * for NaN and infinities. */
void bc_json_number(bc_buf *out, double v);

#endif
