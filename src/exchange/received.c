/* exchange/received.c: reading a received report PDF: what its
 * signatures say (sign's verification of every revision), the
 * baocao-data.json attached to it (found through the /EmbeddedFiles name
 * tree and /AF, inflated with a size limit by pdf's reader; refused when
 * there are two) and the checks of every field of that untrusted
 * document, stricter than cJSON (read through common/json.h): no key
 * twice, no NUL in a string. */
#include "exchange/received.h"
#include "common/i18n.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"
#include "common/json.h"
#include "common/utf8.h"
#include "model/model.h"
#include "pdf/pdfread.h"
#include "sign/sign.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_PDF ((size_t)512 << 20)
#define MAX_DATA ((size_t)16 << 20)
#define MAX_VALUES 100000
#define MAX_TREE_DEPTH 16
#define MAX_MEMBERS 256

/* ---- the attachment ---- */

typedef struct specs {
  bc_pdf_obj items[4];
  int ids[4];
  size_t count;
  int seen[64]; /* tree nodes, against loops */
  size_t nseen;
} specs;

/* Whether a filespec is named BC_DATA_FILE_NAME (/UF or /F). */
static bool is_data_spec(bc_pdf_reader *r, bc_pdf_obj spec) {
  const char *uf = bc_pdf_text(r, bc_pdf_get(r, spec, "UF"));
  const char *f = bc_pdf_text(r, bc_pdf_get(r, spec, "F"));
  return (uf && !strcmp(uf, BC_DATA_FILE_NAME)) ||
         (f && !strcmp(f, BC_DATA_FILE_NAME));
}

static void add_spec(specs *s, bc_pdf_reader *r, bc_pdf_obj spec) {
  int id = bc_pdf_id(r, spec);
  for (size_t i = 0; i < s->count; i++)
    if (id && s->ids[i] == id)
      return;
  if (s->count < 4) {
    s->ids[s->count] = id;
    s->items[s->count] = spec;
  }
  s->count++;
}

/* Every entry named BC_DATA_FILE_NAME of a name tree node. */
static void find_in_tree(specs *s, bc_pdf_reader *r, bc_pdf_obj node,
                         int depth) {
  int id = bc_pdf_id(r, node);
  if (!bc_pdf_step(r, depth) || depth > MAX_TREE_DEPTH ||
      bc_pdf_kind_of(r, node) != BC_PDF_DICT)
    return;
  for (size_t i = 0; i < s->nseen && id; i++)
    if (s->seen[i] == id)
      return;
  if (id && s->nseen < 64)
    s->seen[s->nseen++] = id;
  bc_pdf_obj names = bc_pdf_get(r, node, "Names");
  size_t n = bc_pdf_count(r, names);
  for (size_t i = 0; i + 1 < n; i += 2) {
    size_t len = 0;
    const char *name = bc_pdf_string(r, bc_pdf_item(r, names, i), &len);
    bc_pdf_obj spec = bc_pdf_item(r, names, i + 1);
    if ((name && len == strlen(BC_DATA_FILE_NAME) &&
         !memcmp(name, BC_DATA_FILE_NAME, len)) ||
        is_data_spec(r, spec))
      add_spec(s, r, spec);
  }
  bc_pdf_obj kids = bc_pdf_get(r, node, "Kids");
  n = bc_pdf_count(r, kids);
  for (size_t i = 0; i < n; i++)
    find_in_tree(s, r, bc_pdf_item(r, kids, i), depth + 1);
}

/* The attached baocao-data.json, inflated, NUL-terminated. */
static int read_attachment(char **out,
                           size_t *len,
                           bc_pdf_reader *r,
                           const char *path,
                           bc_error *err) {
  specs s;
  int rc;
  memset(&s, 0, sizeof s);
  bc_pdf_obj root = bc_pdf_root(r);
  find_in_tree(&s, r, bc_pdf_get(r, bc_pdf_get(r, root, "Names"),
                                 "EmbeddedFiles"), 0);
  bc_pdf_obj af = bc_pdf_get(r, root, "AF");
  size_t naf = bc_pdf_count(r, af);
  for (size_t i = 0; i < naf && i < 4096; i++) {
    bc_pdf_obj spec = bc_pdf_item(r, af, i);
    if (is_data_spec(r, spec))
      add_spec(&s, r, spec);
  }
  if ((rc = bc_pdf_reader_check(r, err)))
    return rc;
  if (!s.count)
    return bc_error_set(err, BC_EPDF,
                        "'%s' carries no report data (no %s inside: not made "
                        "by baocao 0.2 or later)",
                        path, BC_DATA_FILE_NAME);
  if (s.count > 1)
    return bc_error_set(err, BC_EDATA,
                        "'%s' carries %zu files named %s: which one holds the "
                        "report is not clear",
                        path, s.count, BC_DATA_FILE_NAME);
  bc_pdf_obj file = bc_pdf_get(r, bc_pdf_get(r, s.items[0], "EF"), "F");
  if (bc_pdf_kind_of(r, file) != BC_PDF_STREAM) {
    if ((rc = bc_pdf_reader_check(r, err)))
      return rc;
    return bc_error_set(err, BC_EPDF, "'%s' is damaged: %s has no stream", path,
                        BC_DATA_FILE_NAME);
  }
  const unsigned char *data = bc_pdf_stream_decoded(r, file, MAX_DATA, len, err);
  if (!data)
    return err->code ? err->code : BC_EPDF;
  *out = (char *)data;
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
                      BC_DATA_FILE_NAME, x->where, bc_tr(what));
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
                const bc_json *obj,
                const char *key,
                bool nullable) {
  const bc_json *v = bc_json_get(obj, key);
  size_t len;
  field(x, key);
  if (nullable && (!v || bc_json_type_of(v) == BC_JSON_TYPE_NULL)) {
    *out = NULL;
    return 0;
  }
  if (!bc_json_text(v))
    return bad(x, nullable ? BC_N_("is not text or null")
                         : BC_N_("is missing or not text"));
  len = strlen(bc_json_text(v));
  int rc = bc_utf8_nfc(out, &len, bc_json_text(v), len, x->arena, x->err);
  if (rc == BC_EDATA)
    return bad(x, "is not valid UTF-8");
  return rc;
}

static int integer(int *out,
                   reader *x,
                   const bc_json *obj,
                   const char *key,
                   int lo,
                   int hi,
                   bool nullable) {
  const bc_json *v = bc_json_get(obj, key);
  field(x, key);
  if (nullable && (!v || bc_json_type_of(v) == BC_JSON_TYPE_NULL)) {
    *out = 0;
    return 0;
  }
  double d = bc_json_double(v);
  if (bc_json_type_of(v) != BC_JSON_TYPE_NUMBER || d != floor(d) || d < lo ||
      d > hi) {
    char what[80];
    snprintf(what, sizeof what, bc_tr("is not a whole number from %d to %d"), lo,
             hi);
    return bad(x, what);
  }
  *out = (int)d;
  return 0;
}

/* A date field: ISO YYYY-MM-DD (or YYYY-MM, YYYY when partial). */
static int iso_date(const char **out,
                    reader *x,
                    const bc_json *obj,
                    const char *key,
                    bool nullable,
                    bool partial) {
  bc_date d;
  int rc = text(out, x, obj, key, nullable);
  if (rc || !*out)
    return rc;
  if (!bc_date_parse(&d, *out) || (!partial && !d.day))
    return bad(x, partial ? BC_N_("is not a date (YYYY-MM-DD, YYYY-MM or YYYY)")
                          : BC_N_("is not a date (YYYY-MM-DD)"));
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

static const bc_json *object(const bc_json *doc, const char *key) {
  const bc_json *o = bc_json_get(doc, key);
  return bc_json_type_of(o) == BC_JSON_TYPE_OBJECT ? o : NULL;
}

static bool one_of(const char *s, const char *const *set, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strcmp(s, set[i]))
      return true;
  return false;
}

static int read_value(reader *x, const bc_json *item, size_t i) {
  static const char *const kinds[] = {"number", "percent", "text", "date"};
  bc_received_value *v = &x->r->values[i];
  const bc_json *value;
  int rc;
  if (bc_json_type_of(item) != BC_JSON_TYPE_OBJECT) {
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
    value = bc_json_get(item, "value");
    field(x, "value");
    if (bc_json_type_of(value) != BC_JSON_TYPE_NUMBER ||
        !isfinite(bc_json_double(value)))
      return bad(x, "is not a number");
    v->is_number = true;
    v->number = bc_json_double(value);
    return 0;
  }
  return !strcmp(v->kind, "date")
             ? iso_date(&v->text, x, item, "value", false, false)
             : text(&v->text, x, item, "value", false);
}

/* ---- what cJSON lets through ---- */

/* One open object or array of the strict scan. */
typedef struct frame {
  bool object;
  size_t index;       /* arrays: the item being read */
  const char *key;    /* objects: the member being read (decoded) */
  const char **keys;  /* objects: the members seen */
  size_t nkeys;
} frame;

typedef struct strict {
  reader *x;
  const char *s, *end;
  frame *stack;
  size_t depth, cap;
} strict;

/* The path of the value being read: "values[3].name". */
static void strict_path(strict *t, const char *tail) {
  size_t n = 0;
  char *w = t->x->where;
  size_t size = sizeof t->x->where;
  w[0] = '\0';
  for (size_t i = 0; i < t->depth && n < size; i++) {
    frame *f = &t->stack[i];
    if (f->object && f->key)
      n += (size_t)snprintf(w + n, size - n, "%s%s", n ? "." : "", f->key);
    else if (!f->object)
      n += (size_t)snprintf(w + n, size - n, "[%zu]", f->index);
  }
  if (tail && n < size)
    snprintf(w + n, size - n, "%s%s", n ? " " : "", tail);
  if (!w[0])
    snprintf(w, size, "the document");
}

/* Decodes the JSON string at t->s (after its quote) into arena memory;
 * *nul tells whether it holds U+0000. cJSON accepted the text, so it is
 * well formed. */
static const char *strict_string(strict *t, bool *nul) {
  bc_buf b;
  const char *p = t->s;
  *nul = false;
  bc_buf_init(&b, t->x->arena->alloc);
  while (p < t->end && *p != '"') {
    if (*p != '\\') {
      bc_buf_putc(&b, *p++);
      continue;
    }
    p++;
    if (p >= t->end)
      break;
    char c = *p++;
    if (c != 'u') {
      static const char from[] = "bfnrt", to[] = "\b\f\n\r\t";
      const char *k = strchr(from, c);
      bc_buf_putc(&b, k && c ? to[k - from] : c);
      continue;
    }
    unsigned cp = 0;
    for (int i = 0; i < 4 && p < t->end; i++)
      cp = cp * 16 + (unsigned)bc_hex_digit((unsigned char)*p++);
    if (cp >= 0xD800 && cp < 0xDC00 && p + 6 <= t->end && p[0] == '\\' &&
        p[1] == 'u') {
      unsigned lo = 0;
      for (int i = 2; i < 6; i++)
        lo = lo * 16 + (unsigned)bc_hex_digit((unsigned char)p[i]);
      if (lo >= 0xDC00 && lo < 0xE000) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
        p += 6;
      }
    }
    if (cp == 0)
      *nul = true;
    char u[4];
    size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (size_t i = n; i-- > 1; cp >>= 6)
      u[i] = (char)(0x80 | (cp & 0x3F));
    u[0] = (char)(n == 1 ? cp : (lead[n] | cp));
    bc_buf_put(&b, u, n);
  }
  t->s = p + 1;
  const char *out = b.failed ? NULL
                             : bc_arena_strndup(t->x->arena,
                                                b.data ? b.data : "", b.len);
  bc_buf_free(&b);
  return out;
}

static int strict_push(strict *t, bool object) {
  if (!(t->stack = bc_arena_grow(t->x->arena, t->stack, t->depth, &t->cap,
                                 sizeof *t->stack)))
    return bc_error_oom(t->x->err);
  memset(&t->stack[t->depth], 0, sizeof *t->stack);
  t->stack[t->depth++].object = object;
  return 0;
}

/* Refuses a key twice in one object and U+0000 in any string, naming the
 * field; the text already parsed as JSON. */
static int json_strict(reader *x, const char *json, size_t len) {
  strict t = {x, json, json + len, NULL, 0, 0};
  int rc;
  while (t.s < t.end) {
    char c = *t.s;
    frame *top = t.depth ? &t.stack[t.depth - 1] : NULL;
    if (c == '{' || c == '[') {
      t.s++;
      if ((rc = strict_push(&t, c == '{')))
        return rc;
    } else if (c == '}' || c == ']') {
      t.s++;
      t.depth--;
    } else if (c == ',') {
      t.s++;
      if (top && !top->object)
        top->index++;
    } else if (c == '"') {
      bool nul = false;
      const char *start = ++t.s, *p = start;
      /* Where it ends, and whether it holds \u0000; only keys are kept. */
      while (p < t.end && *p != '"') {
        if (*p == '\\' && p + 1 < t.end) {
          nul |= p[1] == 'u' && t.end - p >= 6 && !memcmp(p + 2, "0000", 4);
          p++;
        }
        p++;
      }
      const char *after = p + 1;
      while (after < t.end && strchr(" \t\r\n", *after))
        after++;
      bool is_key = top && top->object && after < t.end && *after == ':';
      const char *str = "";
      if (is_key) {
        bool ignored;
        if (!(str = strict_string(&t, &ignored)))
          return bc_error_oom(x->err);
      }
      t.s = p + 1;
      if (is_key) {
        top->key = NULL;
        if (nul) {
          strict_path(&t, NULL);
          return bad(x, "has a key with a NUL character (\\u0000)");
        }
        for (size_t i = 0; i < top->nkeys; i++)
          if (!strcmp(top->keys[i], str)) {
            top->key = str;
            strict_path(&t, NULL);
            return bad(x, "is there twice (a key may appear once)");
          }
        if (top->nkeys == MAX_MEMBERS) {
          strict_path(&t, NULL);
          return bad(x, "has more than 256 members");
        }
        size_t cap = top->nkeys;
        if (!(top->keys = bc_arena_grow(x->arena, top->keys, top->nkeys, &cap,
                                        sizeof *top->keys)))
          return bc_error_oom(x->err);
        top->keys[top->nkeys++] = str;
        top->key = str;
      } else if (nul) {
        strict_path(&t, NULL);
        return bad(x, "holds a NUL character (\\u0000)");
      }
    } else {
      t.s++;
    }
  }
  return 0;
}

static int read_document(bc_received *r,
                         const char *json,
                         size_t len,
                         bc_arena *arena,
                         bc_error *err) {
  static const char *const kinds[] = {"quarter", "half", "nine_months", "year",
                                      "custom"};
  reader x = {r, arena, err, "", ""};
  bc_json *doc = bc_json_parse(json, len, BC_JSON_CJSON);
  const bc_json *format, *version, *agency, *period, *report, *values;
  int rc = 0;
  if (!doc)
    return bc_error_set(err, BC_EDATA, "'%s': %s is not JSON", r->file,
                        BC_DATA_FILE_NAME);
  if ((rc = json_strict(&x, json, len)))
    goto done;
  format = bc_json_get(doc, "format");
  version = bc_json_get(doc, "version");
  if (!bc_json_text(format) || strcmp(bc_json_text(format), "baocao-data")) {
    rc = bc_error_set(err, BC_EDATA, "'%s': %s is not baocao-data", r->file,
                      BC_DATA_FILE_NAME);
    goto done;
  }
  if (bc_json_type_of(version) != BC_JSON_TYPE_NUMBER ||
      bc_json_double(version) != 1) {
    /* Printed as a number, never cast: 4294967297 is no int. */
    rc = bc_error_set(err, BC_EDATA,
                      "'%s': %s has version %.15g; this baocao reads version 1",
                      r->file, BC_DATA_FILE_NAME,
                      bc_json_double(version));
    goto done;
  }
  agency = object(doc, "agency");
  period = object(doc, "period");
  report = object(doc, "report");
  values = bc_json_get(doc, "values");
  if (!agency || !period || !report || bc_json_type_of(values) != BC_JSON_TYPE_ARRAY) {
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
  size_t n = bc_json_count(values);
  if (n > MAX_VALUES) {
    whole(&x, "values");
    rc = bad(&x, "has more than 100000 items");
    goto done;
  }
  r->values = bc_arena_calloc(arena, n + 1, sizeof *r->values);
  if (!r->values) {
    rc = bc_error_oom(err);
    goto done;
  }
  size_t i = 0;
  for (const bc_json *item = bc_json_first(values); item;
       item = bc_json_next(item), i++)
    if ((rc = read_value(&x, item, i)))
      goto done;
  r->value_count = i;
done:
  bc_json_free(doc);
  return rc;
}

static const char *dup(bc_arena *arena, const char *s, bool *ok) {
  const char *c = bc_arena_strdup(arena, s ? s : "");
  *ok &= c != NULL;
  return c;
}

/* The verification's result copied from the scratch arena into arena. */
static int keep_verification(bc_verification *v, bc_arena *arena,
                             bc_error *err) {
  bool ok = true;
  bc_signature_report *sigs = bc_arena_calloc(arena, v->count + 1, sizeof *sigs);
  if (!sigs)
    return bc_error_oom(err);
  for (size_t i = 0; i < v->count; i++) {
    bc_signature_report *s = &sigs[i];
    *s = v->sigs[i];
    s->field = dup(arena, s->field, &ok);
    s->signer = dup(arena, s->signer, &ok);
    s->signed_at = dup(arena, s->signed_at, &ok);
    s->problem = dup(arena, s->problem, &ok);
    s->subfilter = dup(arena, s->subfilter, &ok);
    s->chain_problem = dup(arena, s->chain_problem, &ok);
    s->checked_at = dup(arena, s->checked_at, &ok);
    s->timestamp_at = dup(arena, s->timestamp_at, &ok);
    s->timestamp_problem = dup(arena, s->timestamp_problem, &ok);
    s->revocation = dup(arena, s->revocation, &ok);
    s->subject = dup(arena, s->subject, &ok);
    s->issuer = dup(arena, s->issuer, &ok);
    s->spki_sha256 = dup(arena, s->spki_sha256, &ok);
    bc_signature_change *ch =
        bc_arena_calloc(arena, s->change_count + 1, sizeof *ch);
    ok &= ch != NULL;
    for (size_t k = 0; ch && k < s->change_count; k++) {
      ch[k].allowed = s->changes[k].allowed;
      ch[k].what = dup(arena, s->changes[k].what, &ok);
    }
    s->changes = ch;
  }
  v->sigs = sigs;
  v->reason = dup(arena, v->reason, &ok);
  return ok ? 0 : bc_error_oom(err);
}

int bc_received_read(bc_received_pdf *out,
                     const char *path,
                     bc_trust *trust,
                     bc_arena *arena,
                     bc_error *err) {
  char *data = NULL, *json = NULL;
  size_t len, json_len = 0;
  bc_arena scratch; /* the attachment and what the reader keeps */
  bc_pdf_reader *rd = NULL;
  bc_pdf_budget budget;
  bc_verification ver;
  int rc;
  memset(out, 0, sizeof *out);
  if (!(out->data.file = bc_arena_strdup(arena, path)))
    return bc_error_oom(err);
  if ((rc = bc_file_read(&data, &len, path, MAX_PDF, BC_EINPUT, arena->alloc,
                         err)))
    return rc;
  bc_arena_init(&scratch, arena->alloc);
  bc_pdf_budget_init(&budget, len);
  budget.alloc = arena->alloc;
  /* The signatures first: a file the reader refuses is refused whole. */
  if (!(rc = bc_verify_bytes(&ver, (const unsigned char *)data, len, path,
                             trust, &scratch, err)) &&
      !(rc = keep_verification(&ver, arena, err)) &&
      !(rc = bc_pdf_reader_open(&rd, (const unsigned char *)data, len, path,
                                &budget, err)) &&
      !(rc = read_attachment(&json, &json_len, rd, path, err)) &&
      !(rc = read_document(&out->data, json, json_len, arena, err))) {
    out->verdict = ver.verdict;
    out->reason = ver.reason;
    out->revisions = ver.revisions;
    out->sigs = ver.sigs;
    out->sig_count = ver.count;
    out->signer = "";
    size_t covered = 0;
    for (size_t i = 0; i < ver.count; i++)
      if (ver.sigs[i].is_signed && ver.sigs[i].covered >= covered) {
        covered = ver.sigs[i].covered;
        out->signer = ver.sigs[i].signer;
      }
  }
  bc_pdf_reader_free(rd);
  bc_arena_release(&scratch);
  bc_free(arena->alloc, data);
  return rc;
}
