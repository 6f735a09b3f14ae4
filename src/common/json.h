/* common/json.h: JSON. Writing values into a bc_buf (the manifest, the data
 * embedded in each PDF: json.c) and reading a document through cJSON, which
 * no other module includes (jsonread.c). */
#ifndef BC_COMMON_JSON_H
#define BC_COMMON_JSON_H

#include "common/buf.h"
#include "common/version.h"

#include <stdbool.h>
#include <stddef.h>

/* ---- writing ---- */

/* A JSON string of UTF-8 s (control characters escaped, a byte that is not
 * UTF-8 as U+FFFD), or null for NULL. */
void bc_json_string(bc_buf *out, const char *s);

/* "key": with a comma before it unless first. */
void bc_json_key(bc_buf *out, const char *key, bool first);

/* A finite double in the fewest digits (15-17) that read back as it; null
 * for NaN and infinities. */
void bc_json_number(bc_buf *out, double v);

/* ---- reading ---- */

/* A parsed value: the document bc_json_parse returns, or a value inside it
 * (which lives as long as the document). */
typedef struct bc_json bc_json;

typedef enum bc_json_type {
  BC_JSON_TYPE_NONE, /* no value: a NULL bc_json, an absent member */
  BC_JSON_TYPE_NULL,
  BC_JSON_TYPE_FALSE,
  BC_JSON_TYPE_TRUE,
  BC_JSON_TYPE_NUMBER,
  BC_JSON_TYPE_STRING,
  BC_JSON_TYPE_ARRAY,
  BC_JSON_TYPE_OBJECT
} bc_json_type;

typedef enum bc_json_flags {
  /* cJSON as it is: it takes control characters in strings, any byte up to
   * the space as white space, a leading byte-order mark, text after the
   * value, and \u0000 (the string then ends there). */
  BC_JSON_CJSON = 0,
  /* Also refuse all of these: the text is one RFC 8259 value, then only
   * space, tab, CR or LF, and no string holds U+0000. */
  BC_JSON_STRICT = 1
} bc_json_flags;

/* Parses len bytes of text (no NUL needed); NULL when they are not JSON
 * as flags judge it. cJSON allocates with malloc (its hooks are
 * process-wide), so NULL may also be a failed allocation. Free the
 * document with bc_json_free (NULL is fine). */
bc_json *bc_json_parse(const char *text, size_t len, bc_json_flags flags);
void bc_json_free(bc_json *doc);

/* The type of v; BC_JSON_TYPE_NONE for NULL. */
bc_json_type bc_json_type_of(const bc_json *v);
/* The member key of object obj (case-sensitive; the first of the name),
 * or NULL when there is none or obj is not an object. */
const bc_json *bc_json_get(const bc_json *obj, const char *key);
/* A string's UTF-8 text (cut at a U+0000, which BC_JSON_STRICT refuses),
 * or NULL when v is not a string. */
const char *bc_json_text(const bc_json *v);
/* A number's value, or 0 when v is not a number. */
double bc_json_double(const bc_json *v);
/* The first element of an array or member of an object, then the next
 * one; NULL after the last (or for anything else). */
const bc_json *bc_json_first(const bc_json *v);
const bc_json *bc_json_next(const bc_json *v);
/* An object member's key (from bc_json_first/next), else NULL. */
const char *bc_json_name(const bc_json *member);
/* How many elements an array (or members an object) has; 0 otherwise. */
size_t bc_json_count(const bc_json *v);

/* cJSON (bc_library_versions). */
bc_versions_fn bc_json_versions;

#endif
