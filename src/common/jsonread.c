/* common/jsonread.c: reading JSON through cJSON, the only file that includes
 * it, with the RFC 8259 checks cJSON leaves out (BC_JSON_STRICT). */
#include "common/json.h"

#include <cJSON.h>
#include <string.h>

/* A bc_json is a cJSON node; the type is opaque outside this file. */
static const cJSON *node(const bc_json *v) {
  return (const cJSON *)(const void *)v;
}

static const bc_json *value(const cJSON *c) {
  return (const bc_json *)(const void *)c;
}

static bool json_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* What cJSON lets through: a control character in a string, white space
 * that JSON does not allow (cJSON skips every byte up to the space), a
 * byte-order mark (cJSON skips it) and \u0000. */
static bool strict_text(const char *s, size_t len) {
  bool in_string = false;
  if (len >= 3 && !memcmp(s, "\xef\xbb\xbf", 3))
    return false;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (in_string) {
      if (c < 0x20)
        return false;
      if (c == '"')
        in_string = false;
      else if (c == '\\') {
        if (len - i >= 6 && !memcmp(s + i + 1, "u0000", 5))
          return false;
        i++; /* the escaped character is not a quote or a backslash */
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c < 0x20 && !json_space(c)) {
      return false;
    }
  }
  return true;
}

bc_json *bc_json_parse(const char *text, size_t len, bc_json_flags flags) {
  const char *end = NULL;
  cJSON *doc;
  if (!text || !len)
    return NULL;
  if ((flags & BC_JSON_STRICT) && !strict_text(text, len))
    return NULL;
  if (!(doc = cJSON_ParseWithLengthOpts(text, len, &end, false)))
    return NULL;
  if (flags & BC_JSON_STRICT) {
    for (const char *p = end; p < text + len; p++)
      if (!json_space((unsigned char)*p)) {
        cJSON_Delete(doc);
        return NULL;
      }
  }
  return (bc_json *)(void *)doc;
}

void bc_json_free(bc_json *doc) {
  cJSON_Delete((cJSON *)(void *)doc);
}

bc_json_type bc_json_type_of(const bc_json *v) {
  const cJSON *c = node(v);
  if (!c)
    return BC_JSON_TYPE_NONE;
  switch (c->type & 0xFF) {
  case cJSON_NULL:
    return BC_JSON_TYPE_NULL;
  case cJSON_False:
    return BC_JSON_TYPE_FALSE;
  case cJSON_True:
    return BC_JSON_TYPE_TRUE;
  case cJSON_Number:
    return BC_JSON_TYPE_NUMBER;
  case cJSON_String:
    return BC_JSON_TYPE_STRING;
  case cJSON_Array:
    return BC_JSON_TYPE_ARRAY;
  case cJSON_Object:
    return BC_JSON_TYPE_OBJECT;
  default:
    return BC_JSON_TYPE_NONE; /* cJSON_Raw and cJSON_Invalid: not parsed */
  }
}

const bc_json *bc_json_get(const bc_json *obj, const char *key) {
  if (bc_json_type_of(obj) != BC_JSON_TYPE_OBJECT)
    return NULL;
  return value(cJSON_GetObjectItemCaseSensitive(node(obj), key));
}

const char *bc_json_text(const bc_json *v) {
  return bc_json_type_of(v) == BC_JSON_TYPE_STRING ? node(v)->valuestring
                                                   : NULL;
}

double bc_json_double(const bc_json *v) {
  return bc_json_type_of(v) == BC_JSON_TYPE_NUMBER ? node(v)->valuedouble : 0;
}

const bc_json *bc_json_first(const bc_json *v) {
  bc_json_type t = bc_json_type_of(v);
  return t == BC_JSON_TYPE_ARRAY || t == BC_JSON_TYPE_OBJECT
             ? value(node(v)->child)
             : NULL;
}

const bc_json *bc_json_next(const bc_json *v) {
  return v ? value(node(v)->next) : NULL;
}

const char *bc_json_name(const bc_json *member) {
  return member ? node(member)->string : NULL;
}

size_t bc_json_count(const bc_json *v) {
  size_t n = 0;
  for (const bc_json *e = bc_json_first(v); e; e = bc_json_next(e))
    n++;
  return n;
}

void bc_json_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "cJSON", cJSON_Version());
}
