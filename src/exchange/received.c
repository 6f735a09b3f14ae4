/* exchange/received.c: reading a received report PDF: its signatures
 * (sign/verify), the baocao-data.json attached to it (found through the
 * /EmbeddedFiles name tree, inflated with a size limit) and the checks of
 * every field of that untrusted document. */
#include "exchange/received.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"
#include "common/utf8.h"
#include "model/model.h"
#include "sign/pdfread.h"
#include "sign/sign_int.h"

#include <cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <zlib.h>

#define MAX_PDF ((size_t)512 << 20)
#define MAX_DATA ((size_t)16 << 20)
#define MAX_VALUES 100000
#define MAX_TREE_DEPTH 8

const char *bc_signature_state_text(bc_signature_state state) {
  switch (state) {
  case BC_SIGNATURE_WHOLE:
    return "signed, the signature covers the whole file";
  case BC_SIGNATURE_CHANGED_AFTER:
    return "changed after it was signed: the last signature does not cover "
           "the whole file";
  case BC_SIGNATURE_BROKEN:
    return "its signature does not check out";
  default:
    return "not signed";
  }
}

/* ---- the attachment ---- */

/* The filespec named BC_DATA_FILE_NAME in a name tree node, or NULL. */
static int find_in_tree(const pdf_value **out,
                        pdf_file *f,
                        const pdf_value *node,
                        int depth,
                        bc_error *err) {
  const pdf_value *names, *kids;
  int rc;
  if ((rc = pdf_resolve(&node, f, node, err)))
    return rc;
  if (depth > MAX_TREE_DEPTH || !node || node->kind != PDF_DICT)
    return 0;
  if ((rc = pdf_resolve(&names, f, pdf_get(node, "Names"), err)))
    return rc;
  if (names && names->kind == PDF_ARRAY)
    for (size_t i = 0; i + 1 < names->count; i += 2)
      if (names->items[i].kind == PDF_STRING &&
          names->items[i].len == strlen(BC_DATA_FILE_NAME) &&
          !memcmp(names->items[i].s, BC_DATA_FILE_NAME, names->items[i].len))
        return pdf_resolve(out, f, &names->items[i + 1], err);
  if ((rc = pdf_resolve(&kids, f, pdf_get(node, "Kids"), err)))
    return rc;
  if (kids && kids->kind == PDF_ARRAY)
    for (size_t i = 0; i < kids->count && !*out; i++)
      if ((rc = find_in_tree(out, f, &kids->items[i], depth + 1, err)))
        return rc;
  return 0;
}

static int inflate_data(char **out,
                        size_t *out_len,
                        const unsigned char *in,
                        size_t in_len,
                        const char *path,
                        bc_arena *arena,
                        bc_error *err) {
  z_stream z;
  size_t cap = in_len * 4 + 1024, len = 0;
  char *buf;
  int zr;
  if (cap > MAX_DATA)
    cap = MAX_DATA;
  memset(&z, 0, sizeof z);
  if (inflateInit(&z) != Z_OK)
    return bc_error_oom(err);
  for (;;) {
    if (!(buf = bc_arena_alloc(arena, cap + 1))) {
      inflateEnd(&z);
      return bc_error_oom(err);
    }
    inflateReset(&z);
    z.next_in = (Bytef *)in;
    z.avail_in = (uInt)in_len;
    z.next_out = (Bytef *)buf;
    z.avail_out = (uInt)cap;
    zr = inflate(&z, Z_FINISH);
    len = cap - z.avail_out;
    if (zr == Z_STREAM_END)
      break;
    if ((zr != Z_BUF_ERROR && zr != Z_OK) || z.avail_in == 0 ||
        cap >= MAX_DATA) {
      inflateEnd(&z);
      return bc_error_set(err, BC_EPDF,
                          zr == Z_DATA_ERROR || z.avail_in == 0
                              ? "'%s' is damaged: its %s cannot be inflated"
                              : "'%s': its %s is larger than 16 MB",
                          path, BC_DATA_FILE_NAME);
    }
    cap = cap * 4 > MAX_DATA ? MAX_DATA : cap * 4;
  }
  inflateEnd(&z);
  buf[len] = '\0';
  *out = buf;
  *out_len = len;
  return 0;
}

/* The attached baocao-data.json, inflated, NUL-terminated. */
static int read_attachment(
    char **out, size_t *len, pdf_file *f, const char *path, bc_error *err) {
  const pdf_value *root, *names, *tree, *spec = NULL, *ef, *file, *filter,
                                        *dict;
  const unsigned char *raw;
  size_t raw_len;
  int rc;
  if ((rc = pdf_resolve(&root, f, pdf_get(&f->trailer, "Root"), err)) ||
      (rc = pdf_resolve(&names, f, pdf_get(root, "Names"), err)) ||
      (rc = pdf_resolve(&tree, f, pdf_get(names, "EmbeddedFiles"), err)) ||
      (tree && (rc = find_in_tree(&spec, f, tree, 0, err))))
    return rc;
  if (!spec)
    return bc_error_set(err, BC_EPDF,
                        "'%s' carries no report data (no %s inside: not made "
                        "by baocao 0.2 or later)",
                        path, BC_DATA_FILE_NAME);
  if ((rc = pdf_resolve(&ef, f, pdf_get(spec, "EF"), err)))
    return rc;
  file = pdf_get(ef, "F");
  if (!file || file->kind != PDF_REF)
    return bc_error_set(err, BC_EPDF, "'%s' is damaged: %s has no stream", path,
                        BC_DATA_FILE_NAME);
  if ((rc = pdf_stream(&raw, &raw_len, &dict, f, file->i, err)) ||
      (rc = pdf_resolve(&filter, f, pdf_get(dict, "Filter"), err)))
    return rc;
  if (filter && filter->kind == PDF_ARRAY && filter->count == 1)
    filter = &filter->items[0];
  if (!filter) {
    char *copy = bc_arena_alloc(f->arena, raw_len + 1);
    if (!copy)
      return bc_error_oom(err);
    memcpy(copy, raw, raw_len);
    copy[raw_len] = '\0';
    *out = copy;
    *len = raw_len;
    return 0;
  }
  if (!pdf_is_name(filter, "FlateDecode"))
    return bc_error_set(err, BC_EPDF,
                        "'%s': %s is encoded in a way baocao does not read",
                        path, BC_DATA_FILE_NAME);
  return inflate_data(out, len, raw, raw_len, path, f->arena, err);
}

/* ---- signatures ---- */

static int read_signatures(bc_received *r,
                           pdf_file *f,
                           const unsigned char *data,
                           size_t len,
                           bc_arena *arena,
                           bc_error *err) {
  const pdf_value *root;
  bc_field_report *list;
  size_t n, covered = 0;
  int rc;
  r->signature = BC_SIGNATURE_NONE;
  r->signer = "";
  r->problem = "";
  if ((rc = pdf_resolve(&root, f, pdf_get(&f->trailer, "Root"), err)))
    return rc;
  if (!pdf_get(root, "AcroForm"))
    return 0;
  if ((rc = bc_sign__verify_bytes(&list, &n, data, len, r->file, arena, err)))
    return rc;
  for (size_t i = 0; i < n; i++) {
    if (!list[i].is_signed)
      continue;
    r->signatures++;
    if (!list[i].intact && r->signature != BC_SIGNATURE_BROKEN) {
      r->signature = BC_SIGNATURE_BROKEN;
      r->problem = list[i].problem;
    }
    if (list[i].covered >= covered) {
      covered = list[i].covered;
      r->signer = list[i].signer;
    }
  }
  if (r->signatures && r->signature != BC_SIGNATURE_BROKEN)
    r->signature =
        covered == len ? BC_SIGNATURE_WHOLE : BC_SIGNATURE_CHANGED_AFTER;
  return 0;
}

/* ---- the document ---- */

typedef struct reader {
  bc_received *r;
  bc_arena *arena;
  bc_error *err;
  char prefix[48]; /* the object being read: "agency.", "values[3]." */
  char where[96];  /* the field being read, for messages */
} reader;

/* Names the field being read: the object's prefix and key. */
static void field(reader *x, const char *key) {
  snprintf(x->where, sizeof x->where, "%s%s", x->prefix, key);
}

static int bad(reader *x, const char *what) {
  return bc_error_set(x->err, BC_EDATA, "'%s': %s: %s %s", x->r->file,
                      BC_DATA_FILE_NAME, x->where, what);
}

static bool all_of(const char *s, const char *extra, bool upper) {
  if (!*s)
    return false;
  for (; *s; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
          (upper && *s >= 'A' && *s <= 'Z') || strchr(extra, *s)))
      return false;
  return true;
}

/* Member key of obj as NFC text; NULL allowed when nullable. */
static int text(const char **out,
                reader *x,
                const cJSON *obj,
                const char *key,
                bool nullable) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  size_t len;
  field(x, key);
  if (nullable && (!v || cJSON_IsNull(v))) {
    *out = NULL;
    return 0;
  }
  if (!cJSON_IsString(v) || !v->valuestring)
    return bad(x, nullable ? "is not text or null" : "is missing or not text");
  len = strlen(v->valuestring);
  int rc = bc_utf8_nfc(out, &len, v->valuestring, len, x->arena, x->err);
  if (rc == BC_EDATA)
    return bad(x, "is not valid UTF-8");
  return rc;
}

static int integer(int *out,
                   reader *x,
                   const cJSON *obj,
                   const char *key,
                   int lo,
                   int hi,
                   bool nullable) {
  const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
  field(x, key);
  if (nullable && (!v || cJSON_IsNull(v))) {
    *out = 0;
    return 0;
  }
  if (!cJSON_IsNumber(v) || v->valuedouble != floor(v->valuedouble) ||
      v->valuedouble < lo || v->valuedouble > hi) {
    char what[80];
    snprintf(what, sizeof what, "is not a whole number from %d to %d", lo, hi);
    return bad(x, what);
  }
  *out = (int)v->valuedouble;
  return 0;
}

/* A date field: ISO YYYY-MM-DD (or YYYY-MM, YYYY when partial). */
static int iso_date(const char **out,
                    reader *x,
                    const cJSON *obj,
                    const char *key,
                    bool nullable,
                    bool partial) {
  bc_date d;
  int rc = text(out, x, obj, key, nullable);
  if (rc || !*out)
    return rc;
  if (!bc_date_parse(&d, *out) || (!partial && !d.day))
    return bad(x, partial ? "is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
                          : "is not a date (YYYY-MM-DD)");
  return 0;
}

/* Names a whole object or field, for a message about it. */
static void whole(reader *x, const char *name) {
  snprintf(x->where, sizeof x->where, "%s", name);
}

/* The fields read next belong to this object ("agency."). */
static void at(reader *x, const char *prefix) {
  snprintf(x->prefix, sizeof x->prefix, "%s", prefix);
}

static const cJSON *object(const cJSON *doc, const char *key) {
  const cJSON *o = cJSON_GetObjectItemCaseSensitive(doc, key);
  return cJSON_IsObject(o) ? o : NULL;
}

static bool one_of(const char *s, const char *const *set, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(s, set[i]))
      return true;
  return false;
}

static int read_value(reader *x, const cJSON *item, size_t i) {
  static const char *const kinds[] = {"number", "percent", "text", "date"};
  bc_received_value *v = &x->r->values[i];
  const cJSON *value;
  int rc;
  if (!cJSON_IsObject(item)) {
    snprintf(x->where, sizeof x->where, "values[%zu]", i);
    return bad(x, "is not an object");
  }
  snprintf(x->prefix, sizeof x->prefix, "values[%zu].", i);
  if ((rc = text(&v->code, x, item, "code", false)))
    return rc;
  if (!all_of(v->code, "_.", false) || strlen(v->code) > 128)
    return bad(x, "is not an indicator code (a-z 0-9 _ .)");
  if ((rc = text(&v->name, x, item, "name", false)) ||
      (rc = text(&v->unit, x, item, "unit", false)) ||
      (rc = text(&v->section, x, item, "section", false)))
    return rc;
  if (*v->section && !all_of(v->section, "_", false))
    return bad(x, "is not a section code (a-z 0-9 _)");
  if ((rc = text(&v->kind, x, item, "kind", false)))
    return rc;
  if (!one_of(v->kind, kinds, 4))
    return bad(x, "is not number, percent, text or date");
  if (!strcmp(v->kind, "number") || !strcmp(v->kind, "percent")) {
    value = cJSON_GetObjectItemCaseSensitive(item, "value");
    field(x, "value");
    if (!cJSON_IsNumber(value) || !isfinite(value->valuedouble))
      return bad(x, "is not a number");
    v->is_number = true;
    v->number = value->valuedouble;
    return 0;
  }
  return !strcmp(v->kind, "date")
             ? iso_date(&v->text, x, item, "value", false, false)
             : text(&v->text, x, item, "value", false);
}

static int read_document(bc_received *r,
                         const char *json,
                         size_t len,
                         bc_arena *arena,
                         bc_error *err) {
  static const char *const kinds[] = {"quarter", "half", "nine_months", "year",
                                      "custom"};
  reader x = {r, arena, err, "", ""};
  cJSON *doc = cJSON_ParseWithLength(json, len);
  const cJSON *format, *version, *agency, *period, *report, *values;
  int rc = 0, v = 0;
  if (!doc)
    return bc_error_set(err, BC_EDATA, "'%s': %s is not JSON", r->file,
                        BC_DATA_FILE_NAME);
  format = cJSON_GetObjectItemCaseSensitive(doc, "format");
  version = cJSON_GetObjectItemCaseSensitive(doc, "version");
  if (!cJSON_IsString(format) || strcmp(format->valuestring, "baocao-data")) {
    rc = bc_error_set(err, BC_EDATA, "'%s': %s is not baocao-data", r->file,
                      BC_DATA_FILE_NAME);
    goto done;
  }
  if (!cJSON_IsNumber(version) || (v = (int)version->valuedouble) != 1) {
    rc = bc_error_set(err, BC_EDATA,
                      "'%s': %s has version %d; this baocao reads version 1",
                      r->file, BC_DATA_FILE_NAME, v);
    goto done;
  }
  agency = object(doc, "agency");
  period = object(doc, "period");
  report = object(doc, "report");
  values = cJSON_GetObjectItemCaseSensitive(doc, "values");
  if (!agency || !period || !report || !cJSON_IsArray(values)) {
    whole(&x, !agency   ? "agency"
              : !period ? "period"
              : !report ? "report"
                        : "values");
    rc = bad(&x, "is missing or of the wrong type");
    goto done;
  }
  /* agency */
  at(&x, "agency.");
  if ((rc = text(&r->agency_code, &x, agency, "code", false)))
    goto done;
  if (!all_of(r->agency_code, "-_", true) || strlen(r->agency_code) > 64) {
    rc = bad(&x, "is not an agency code (letters, digits, - _)");
    goto done;
  }
  if ((rc = text(&r->agency_name, &x, agency, "name", false)) ||
      (rc = text(&r->agency_full_name, &x, agency, "full_name", false)) ||
      (rc = text(&r->agency_parent_name, &x, agency, "parent_name", true)) ||
      (rc = text(&r->agency_symbol, &x, agency, "symbol", false)) ||
      (rc = text(&r->agency_place, &x, agency, "place", false)))
    goto done;
  /* period */
  at(&x, "period.");
  if ((rc = text(&r->period_code, &x, period, "code", false)))
    goto done;
  if (!all_of(r->period_code, "-_.", true) || strlen(r->period_code) > 64) {
    rc = bad(&x, "is not a period code");
    goto done;
  }
  if ((rc = text(&r->period_kind, &x, period, "kind", false)))
    goto done;
  if (!one_of(r->period_kind, kinds, 5)) {
    rc = bad(&x, "is not quarter, half, nine_months, year or custom");
    goto done;
  }
  bool quarter = !strcmp(r->period_kind, "quarter");
  if ((rc = integer(&r->period_year, &x, period, "year", 1900, 9999, false)) ||
      (rc = integer(&r->period_number, &x, period, "number", 1, 4, !quarter)) ||
      (rc = iso_date(&r->period_starts, &x, period, "starts", false, false)) ||
      (rc = iso_date(&r->period_ends, &x, period, "ends", false, false)))
    goto done;
  if (!quarter && r->period_number) {
    whole(&x, "period.number");
    rc = bad(&x, "is set for a period that is not a quarter");
    goto done;
  }
  /* report */
  at(&x, "report.");
  if ((rc = text(&r->template_name, &x, report, "template", false)))
    goto done;
  if (!all_of(r->template_name, "_-/", false)) {
    rc = bad(&x, "is not a template name");
    goto done;
  }
  if ((rc = text(&r->template_sha256, &x, report, "template_sha256", false)))
    goto done;
  if (strlen(r->template_sha256) != 64 ||
      strspn(r->template_sha256, "0123456789abcdef") != 64) {
    rc = bad(&x, "is not a SHA-256 in hex");
    goto done;
  }
  if ((rc =
           integer(&r->report_number, &x, report, "number", 1, 999999, true)) ||
      (rc = iso_date(&r->report_issued, &x, report, "issued_on", true, true)))
    goto done;
  /* values */
  int n = cJSON_GetArraySize(values);
  if (n > MAX_VALUES) {
    whole(&x, "values");
    rc = bad(&x, "has more than 100000 items");
    goto done;
  }
  r->values = bc_arena_calloc(arena, (size_t)n + 1, sizeof *r->values);
  if (!r->values) {
    rc = bc_error_oom(err);
    goto done;
  }
  size_t i = 0;
  for (const cJSON *item = values->child; item; item = item->next, i++)
    if ((rc = read_value(&x, item, i)))
      goto done;
  r->value_count = i;
done:
  cJSON_Delete(doc);
  return rc;
}

int bc_received_read(bc_received *out,
                     const char *path,
                     bc_arena *arena,
                     bc_error *err) {
  char *data = NULL, *json = NULL;
  size_t len, json_len = 0;
  bc_arena scratch; /* the parsed PDF and the inflated JSON: dropped here */
  pdf_file f;
  int rc;
  memset(out, 0, sizeof *out);
  if (!(out->file = bc_arena_strdup(arena, path)))
    return bc_error_oom(err);
  if ((rc = bc_file_read(&data, &len, path, MAX_PDF, BC_EINPUT, arena->alloc,
                         err)))
    return rc;
  bc_arena_init(&scratch, arena->alloc);
  if (!(rc = pdf_open(&f, (const unsigned char *)data, len, path, &scratch,
                      err)) &&
      !(rc = read_attachment(&json, &json_len, &f, path, err)) &&
      !(rc = read_signatures(out, &f, (const unsigned char *)data, len,
                             &scratch, err)) &&
      !(rc = read_document(out, json, json_len, arena, err))) {
    out->signer = bc_arena_strdup(arena, out->signer);
    out->problem = bc_arena_strdup(arena, out->problem);
    if (!out->signer || !out->problem)
      rc = bc_error_oom(err);
  }
  bc_arena_release(&scratch);
  bc_free(arena->alloc, data);
  return rc;
}
