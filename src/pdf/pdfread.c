/* pdf/pdfread.c: the reader of untrusted PDFs over libqpdf's C API (object
 * handles), with recovery off and warnings taken as damage; the budget
 * every step of a walk is counted against; the pre-scan that measures
 * every Flate stream before qpdf may inflate one; Flate both ways; the
 * ends of a file's revisions.
 *
 * Design notes:
 *  1. qpdf inflates two kinds of stream by itself, in full and without a
 *     limit: cross-reference streams while opening, object streams when
 *     one of their objects is first used. No qpdf call of ours decodes
 *     anything else (stream bytes are asked for raw and inflated here,
 *     with a limit). So the pre-scan bounds what qpdf can be made to
 *     allocate: no stream may inflate to more than max_stream bytes and
 *     all together to more than max_decoded, or the file is refused
 *     before qpdf sees it.
 *  2. Every handle made by a getter counts as one object visited; qpdf's
 *     own parse of an object is bounded by the object's bytes. Walks
 *     remember what they visited (revisions.c), so a loop or a thousand
 *     references to one large array cost one visit each.
 *  3. The first error sticks: getters return BC_PDF_NONE after it, and
 *     the caller learns it at bc_pdf_reader_check.
 *  4. libqpdf is loaded (dlopen) when a reader is opened, not linked: with
 *     libstdc++, GnuTLS and the nine libraries behind them it was 12 of
 *     the 40 shared libraries every baocao process loaded, two thirds of
 *     the dynamic linker's work and 5 ms of each `baocao render`, which
 *     never reads a PDF (docs/performance.md). Each reader holds its own
 *     table of the functions (common/dl.h: no global state; RTLD_NODELETE
 *     keeps the library mapped once loaded, so later readers find it at
 *     once and its strings outlive the handle). BC_QPDF_SONAME is the soname of the
 *     libqpdf the build compiled against (CMakeLists.txt); the types are
 *     the header's own (__typeof__), so a mismatch does not compile. */
#include "pdf/pdfread.h"
#include "common/version.h"

#include "common/alloc.h"
#include "common/dl.h"
#include "common/error.h"
#include "common/i18n.h"
#include "common/utf8.h"

#include <qpdf/qpdf-c.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

/* libqpdf's functions this file calls, without their qpdf_ prefix. */
#define QPDF_FUNCTIONS(X)                                                      \
  X(init)                                                                      \
  X(cleanup)                                                                   \
  X(silence_errors)                                                            \
  X(set_suppress_warnings)                                                     \
  X(set_attempt_recovery)                                                      \
  X(read_memory)                                                               \
  X(is_encrypted)                                                              \
  X(has_error)                                                                 \
  X(get_error)                                                                 \
  X(get_error_message_detail)                                                  \
  X(more_warnings)                                                             \
  X(next_warning)                                                              \
  X(get_trailer)                                                               \
  X(get_object_by_id)                                                          \
  X(get_qpdf_version)                                                          \
  X(oh_release)                                                                \
  X(oh_get_type_code)                                                          \
  X(oh_get_dict)                                                               \
  X(oh_has_key)                                                                \
  X(oh_get_key)                                                                \
  X(oh_begin_dict_key_iter)                                                    \
  X(oh_dict_more_keys)                                                         \
  X(oh_dict_next_key)                                                          \
  X(oh_get_array_n_items)                                                      \
  X(oh_get_array_item)                                                         \
  X(oh_get_int_value)                                                          \
  X(oh_get_numeric_value)                                                      \
  X(oh_get_name)                                                               \
  X(oh_get_binary_string_value)                                                \
  X(oh_get_binary_utf8_value)                                                  \
  X(oh_is_indirect)                                                            \
  X(oh_get_object_id)                                                          \
  X(oh_get_stream_data)                                                        \
  X(oh_unparse)

/* libqpdf, loaded (design note 4). */
typedef struct qpdf_api {
#define QPDF_FIELD(f) __typeof__(qpdf_##f) *f;
  QPDF_FUNCTIONS(QPDF_FIELD)
#undef QPDF_FIELD
} qpdf_api;

static int qpdf_api_open(qpdf_api *api, bc_error *err) {
  static const bc_dl_function fns[] = {
#define QPDF_ENTRY(f) {"qpdf_" #f, offsetof(qpdf_api, f)},
      QPDF_FUNCTIONS(QPDF_ENTRY)
#undef QPDF_ENTRY
  };
  return bc_dl_load(api, fns, sizeof fns / sizeof *fns, BC_QPDF_SONAME,
                    "libqpdf", BC_N_("reads PDFs"), err);
}

struct bc_pdf_reader {
  qpdf_api qpdf; /* design note 4 */
  qpdf_data q;
  const unsigned char *data;
  size_t len;
  const char *name;
  bc_pdf_budget *budget;
  const bc_allocator *alloc; /* of the reader and its arena */
  bc_arena arena;
  size_t startxref;
  bool xref_stream;
  bc_error err; /* the first error, sticky */
  int failed;
};

static double cpu_seconds(void) {
  return (double)clock() / CLOCKS_PER_SEC;
}

void bc_pdf_budget_init(bc_pdf_budget *b, size_t file_len) {
  memset(b, 0, sizeof *b);
  b->max_objects = 2000000;
  b->max_stream = ((size_t)16 << 20) + 8 * file_len;
  b->max_decoded = ((size_t)64 << 20) + 32 * file_len;
  b->max_depth = 64;
  b->max_seconds = 1.5;
  b->max_revisions = 64;
  b->started = cpu_seconds();
}

/* ---- errors ---- */

static void fail(bc_pdf_reader *r, int code, const char *fmt, const char *a) {
  if (r->failed)
    return;
  r->failed = bc_error_set(&r->err, code, fmt, r->name, a);
}

static void oom(bc_pdf_reader *r) {
  if (!r->failed)
    r->failed = bc_error_oom(&r->err);
}

/* A qpdf error since the last call, as damage; true when there was one. */
static bool qpdf_failed(bc_pdf_reader *r) {
  if (!r->qpdf.has_error(r->q))
    return false;
  qpdf_error e = r->qpdf.get_error(r->q);
  const char *detail = e ? r->qpdf.get_error_message_detail(r->q, e) : "";
  fail(r, BC_EPDF, "'%s' is damaged: %s", detail && *detail ? detail : "?");
  return true;
}

int bc_pdf_reader_check(bc_pdf_reader *r, bc_error *err) {
  qpdf_failed(r);
  if (!r->failed && r->qpdf.more_warnings(r->q)) {
    qpdf_error w = r->qpdf.next_warning(r->q);
    const char *detail = w ? r->qpdf.get_error_message_detail(r->q, w) : "";
    fail(r, BC_EPDF, "'%s' is damaged: %s", detail && *detail ? detail : "?");
  }
  if (!r->failed)
    return 0;
  *err = r->err;
  return r->failed;
}

bool bc_pdf_step(bc_pdf_reader *r, int depth) {
  bc_pdf_budget *b = r->budget;
  if (r->failed)
    return false;
  if (b->spent) {
    fail(r, BC_EPDF, "'%s' is refused: %s", "its reading budget is spent");
    return false;
  }
  if (depth > b->max_depth) {
    b->spent = true;
    fail(r, BC_EPDF, "'%s' is refused: objects nested more than %s deep",
         "64");
    return false;
  }
  if (++b->objects > b->max_objects) {
    b->spent = true;
    fail(r, BC_EPDF,
         "'%s' is refused: more than %s objects visited (a loop or an "
         "amplification)",
         "2,000,000");
    return false;
  }
  if ((b->objects & 1023) == 0 &&
      cpu_seconds() - b->started > b->max_seconds) {
    b->spent = true;
    fail(r, BC_EPDF, "'%s' is refused: reading it takes more than %s s",
         "1.5");
    return false;
  }
  return true;
}

/* ---- Flate ---- */

int bc_pdf_inflate(unsigned char **out,
                   size_t *out_len,
                   const unsigned char *in,
                   size_t in_len,
                   size_t max,
                   const char *what,
                   bc_arena *arena,
                   bc_error *err) {
  z_stream z;
  size_t cap = in_len * 4 + 1024, len;
  unsigned char *buf;
  int zr;
  if (cap > max)
    cap = max;
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
    z.avail_in = (uInt)(in_len > UINT32_MAX ? UINT32_MAX : in_len);
    z.next_out = buf;
    z.avail_out = (uInt)cap;
    zr = inflate(&z, Z_FINISH);
    len = cap - z.avail_out;
    if (zr == Z_STREAM_END)
      break;
    if ((zr != Z_BUF_ERROR && zr != Z_OK) || z.avail_in == 0 || cap >= max) {
      inflateEnd(&z);
      if (zr == Z_DATA_ERROR || zr == Z_NEED_DICT || z.avail_in == 0)
        return bc_error_set(err, BC_EPDF, "%s is damaged: it cannot be inflated",
                            what);
      return bc_error_set(err, BC_EPDF, "%s is larger than %zu MB", what,
                          max >> 20);
    }
    cap = cap > max / 4 ? max : cap * 4;
  }
  inflateEnd(&z);
  buf[len] = '\0';
  *out = buf;
  *out_len = len;
  return 0;
}

int bc_pdf_deflate(unsigned char **out,
                   size_t *out_len,
                   const void *data,
                   size_t len,
                   int level,
                   bc_arena *arena,
                   bc_error *err) {
  uLongf clen = compressBound((uLong)len);
  unsigned char *c = bc_arena_alloc(arena, clen ? clen : 1);
  if (!c)
    return bc_error_oom(err);
  if (compress2(c, &clen, data, (uLong)len, level) != Z_OK)
    return bc_error_oom(err);
  *out = c;
  *out_len = clen;
  return 0;
}

/* The first n-byte needle in [p, end), or NULL (memmem is not POSIX). */
static const unsigned char *find_bytes(const unsigned char *p,
                                       const unsigned char *end,
                                       const char *needle,
                                       size_t n) {
  while (p + n <= end) {
    const unsigned char *k = memchr(p, needle[0], (size_t)(end - p) - n + 1);
    if (!k)
      return NULL;
    if (!memcmp(k, needle, n))
      return k;
    p = k + 1;
  }
  return NULL;
}

/* ---- the pre-scan (design note 1) ---- */

#define SCAN_LEVELS 4
#define SCAN_CHUNK 65536

typedef struct scan_level {
  z_stream z;
  bool ready; /* inflateInit done (once; inflateReset for each stream) */
  bool active, decided;
  size_t out;
} scan_level;

typedef struct scanner {
  scan_level lv[SCAN_LEVELS];
  unsigned char buf[SCAN_LEVELS][SCAN_CHUNK];
  size_t limit;
  bool over, failed;
} scanner;

static bool zlib_header(const unsigned char *p, size_t n) {
  return n >= 2 && (p[0] & 0x0f) == 8 && (p[0] >> 4) <= 7 &&
         ((p[0] << 8) | p[1]) % 31 == 0;
}

/* Level k made ready for a new stream: set up once, reset after. */
static bool scan_start(scanner *s, int k) {
  scan_level *l = &s->lv[k];
  if (!l->ready) {
    memset(&l->z, 0, sizeof l->z);
    if (inflateInit(&l->z) != Z_OK) {
      s->failed = true;
      return false;
    }
    l->ready = true;
  } else if (inflateReset(&l->z) != Z_OK) {
    return false;
  }
  l->active = l->decided = true;
  l->out = 0;
  return true;
}

/* Feeds n bytes to level k, whose output feeds level k+1 when it is a
 * zlib stream too. Stops at the end of the stream, an error or the
 * limit. */
static void scan_feed(scanner *s, int k, const unsigned char *in, size_t n) {
  scan_level *l = &s->lv[k];
  l->z.next_in = (Bytef *)in;
  l->z.avail_in = (uInt)n;
  while (l->active && !s->over) {
    l->z.next_out = s->buf[k];
    l->z.avail_out = SCAN_CHUNK;
    int zr = inflate(&l->z, Z_NO_FLUSH);
    size_t m = SCAN_CHUNK - l->z.avail_out;
    l->out += m;
    if (l->out > s->limit)
      s->over = true;
    if (m && k + 1 < SCAN_LEVELS) {
      scan_level *next = &s->lv[k + 1];
      if (!next->decided) {
        next->decided = true;
        if (zlib_header(s->buf[k], m))
          scan_start(s, k + 1);
      }
      if (next->active)
        scan_feed(s, k + 1, s->buf[k], m);
    }
    if (zr != Z_OK || (l->z.avail_in == 0 && m < SCAN_CHUNK))
      break;
  }
}

/* The largest output of any level of the stream starting at p. */
static size_t scan_one(scanner *s, const unsigned char *p, size_t n) {
  size_t most = 0;
  for (int k = 0; k < SCAN_LEVELS; k++) {
    s->lv[k].active = s->lv[k].decided = false;
    s->lv[k].out = 0;
  }
  s->over = false;
  if (!scan_start(s, 0))
    return 0;
  while (n && !s->over) {
    size_t part = n > (1u << 30) ? (1u << 30) : n;
    scan_feed(s, 0, p, part);
    /* inflate stops at the stream's end: the rest is not this stream. */
    if (s->lv[0].z.avail_in)
      break;
    p += part;
    n -= part;
  }
  for (int k = 0; k < SCAN_LEVELS; k++)
    if (s->lv[k].out > most)
      most = s->lv[k].out;
  return most;
}

int bc_pdf_scan_streams(const unsigned char *data,
                        size_t len,
                        const char *name,
                        bc_pdf_budget *budget,
                        bc_error *err) {
  const bc_allocator *a =
      budget->alloc ? budget->alloc : bc_allocator_default();
  scanner *s = bc_calloc(a, 1, sizeof *s);
  const unsigned char *p = data, *end = data + len;
  size_t streams = 0;
  int rc = 0;
  if (!s)
    return bc_error_oom(err);
  s->limit = budget->max_stream;
  while (p < end) {
    const unsigned char *k = find_bytes(p, end, "stream", 6);
    if (!k)
      break;
    p = k + 6;
    if (k >= data + 3 && !memcmp(k - 3, "end", 3))
      continue;
    if (p < end && *p == '\r')
      p++;
    if (p >= end || *p != '\n')
      continue;
    p++;
    if (!zlib_header(p, (size_t)(end - p)))
      continue;
    size_t n = scan_one(s, p, (size_t)(end - p));
    if (s->failed) {
      rc = bc_error_oom(err);
      break;
    }
    budget->decoded += n;
    if (n > budget->max_stream || budget->decoded > budget->max_decoded)
      budget->spent = true;
    if (n > budget->max_stream) {
      rc = bc_error_set(err, BC_EPDF,
                        "'%s' is refused: the stream at byte %zu inflates to "
                        "more than %zu MB (a compression bomb)",
                        name, (size_t)(p - data), budget->max_stream >> 20);
      break;
    }
    if (budget->decoded > budget->max_decoded) {
      rc = bc_error_set(err, BC_EPDF,
                        "'%s' is refused: its streams inflate to more than "
                        "%zu MB (a compression bomb)",
                        name, budget->max_decoded >> 20);
      break;
    }
    if ((++streams & 255) == 0 &&
        cpu_seconds() - budget->started > budget->max_seconds) {
      budget->spent = true;
      rc = bc_error_set(err, BC_EPDF,
                        "'%s' is refused: reading it takes more than 1.5 s",
                        name);
      break;
    }
  }
  for (int k = 0; k < SCAN_LEVELS; k++)
    if (s->lv[k].ready)
      inflateEnd(&s->lv[k].z);
  bc_free(a, s);
  return rc;
}

/* ---- revisions ---- */

static bool is_ws(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

/* True when "startxref N" comes right before the %%EOF at e. */
static bool after_startxref(const unsigned char *data, size_t e) {
  size_t i = e;
  while (i > 0 && is_ws(data[i - 1]))
    i--;
  size_t digits = i;
  while (i > 0 && data[i - 1] >= '0' && data[i - 1] <= '9')
    i--;
  if (i == digits)
    return false;
  while (i > 0 && is_ws(data[i - 1]))
    i--;
  return i >= 9 && !memcmp(data + i - 9, "startxref", 9);
}

int bc_pdf_revision_ends(size_t **out,
                         size_t *count,
                         const unsigned char *data,
                         size_t len,
                         const char *name,
                         size_t max_revisions,
                         bc_arena *arena,
                         bc_error *err) {
  size_t *ends = NULL, n = 0, cap = 0;
  const unsigned char *p = data, *end = data + len;
  while (p < end) {
    const unsigned char *k = find_bytes(p, end, "%%EOF", 5);
    if (!k)
      break;
    p = k + 5;
    if (!after_startxref(data, (size_t)(k - data)))
      continue;
    if (p < end && *p == '\r')
      p++;
    if (p < end && *p == '\n')
      p++;
    if (n == max_revisions)
      return bc_error_set(err, BC_EPDF,
                          "'%s' is refused: more than %zu revisions", name,
                          max_revisions);
    if (!(ends = bc_arena_grow(arena, ends, n, &cap, sizeof *ends)))
      return bc_error_oom(err);
    ends[n++] = (size_t)(p - data);
  }
  *out = ends;
  *count = n;
  return 0;
}

/* ---- opening ---- */

/* The offset the last startxref gives, or SIZE_MAX. */
static size_t find_startxref(const unsigned char *data, size_t len) {
  size_t from = len > 2048 ? len - 2048 : 0, found = SIZE_MAX;
  for (size_t i = from; i + 9 <= len; i++)
    if (!memcmp(data + i, "startxref", 9))
      found = i;
  if (found == SIZE_MAX)
    return SIZE_MAX;
  size_t i = found + 9, v = 0;
  while (i < len && is_ws(data[i]))
    i++;
  if (i >= len || data[i] < '0' || data[i] > '9')
    return SIZE_MAX;
  while (i < len && data[i] >= '0' && data[i] <= '9' && v < len)
    v = v * 10 + (size_t)(data[i++] - '0');
  return v < len ? v : SIZE_MAX;
}

int bc_pdf_reader_open(bc_pdf_reader **out,
                       const unsigned char *data,
                       size_t len,
                       const char *name,
                       bc_pdf_budget *budget,
                       bc_error *err) {
  bc_pdf_reader *r;
  int rc;
  *out = NULL;
  if (len < 8 || memcmp(data, "%PDF-", 5) != 0)
    return bc_error_set(err, BC_EPDF, "'%s' is not a PDF file", name);
  size_t sx = find_startxref(data, len);
  if (sx == SIZE_MAX)
    return bc_error_set(err, BC_EPDF,
                        "'%s' is damaged: no startxref at the end", name);
  /* A revision is a prefix of a file measured already. */
  if (!(budget->scanned == data && len <= budget->scanned_len)) {
    if ((rc = bc_pdf_scan_streams(data, len, name, budget, err)))
      return rc;
    budget->scanned = data;
    budget->scanned_len = len;
  }
  const bc_allocator *a =
      budget->alloc ? budget->alloc : bc_allocator_default();
  if (!(r = bc_calloc(a, 1, sizeof *r)))
    return bc_error_oom(err);
  r->alloc = a;
  bc_arena_init(&r->arena, a);
  r->data = data;
  r->len = len;
  r->name = name;
  r->budget = budget;
  r->startxref = sx;
  r->xref_stream = memcmp(data + sx, "xref", len - sx >= 4 ? 4 : len - sx);
  if ((rc = qpdf_api_open(&r->qpdf, err)) || !(r->q = r->qpdf.init())) {
    bc_arena_release(&r->arena);
    bc_free(a, r);
    return rc ? rc : bc_error_oom(err);
  }
  r->qpdf.silence_errors(r->q);
  r->qpdf.set_suppress_warnings(r->q, QPDF_TRUE);
  r->qpdf.set_attempt_recovery(r->q, QPDF_FALSE);
  r->qpdf.read_memory(r->q, name, (const char *)data, (unsigned long long)len,
                   NULL);
  bc_error_clear(&r->err);
  if (bc_pdf_reader_check(r, err) == 0 && r->qpdf.is_encrypted(r->q))
    fail(r, BC_EPDF, "'%s' is encrypted, which baocao does not read%s", "");
  if ((rc = bc_pdf_reader_check(r, err))) {
    bc_pdf_reader_free(r);
    return rc;
  }
  *out = r;
  return 0;
}

void bc_pdf_reader_free(bc_pdf_reader *r) {
  if (!r)
    return;
  r->qpdf.cleanup(&r->q);
  bc_arena_release(&r->arena);
  bc_free(r->alloc, r);
}

size_t bc_pdf_reader_size(const bc_pdf_reader *r) {
  return r->len;
}

const char *bc_pdf_reader_name(const bc_pdf_reader *r) {
  return r->name;
}

size_t bc_pdf_reader_startxref(const bc_pdf_reader *r) {
  return r->startxref;
}

bool bc_pdf_reader_xref_is_stream(const bc_pdf_reader *r) {
  return r->xref_stream;
}

/* ---- objects ---- */

/* A new handle, counted (design note 2); 0 after an error. */
static bc_pdf_obj made(bc_pdf_reader *r, qpdf_oh h) {
  if (qpdf_failed(r) || !bc_pdf_step(r, 0)) {
    if (h)
      r->qpdf.oh_release(r->q, h);
    return 0;
  }
  return h;
}

bc_pdf_obj bc_pdf_trailer(bc_pdf_reader *r) {
  return r->failed ? 0 : made(r, r->qpdf.get_trailer(r->q));
}

bc_pdf_obj bc_pdf_root(bc_pdf_reader *r) {
  return bc_pdf_get(r, bc_pdf_trailer(r), "Root");
}

bc_pdf_kind bc_pdf_kind_of(bc_pdf_reader *r, bc_pdf_obj o) {
  if (!o || r->failed)
    return BC_PDF_NONE;
  enum qpdf_object_type_e t = r->qpdf.oh_get_type_code(r->q, o);
  if (qpdf_failed(r))
    return BC_PDF_NONE;
  switch (t) {
  case ot_null:
    return BC_PDF_NULL;
  case ot_boolean:
    return BC_PDF_BOOL;
  case ot_integer:
    return BC_PDF_INT;
  case ot_real:
    return BC_PDF_REAL;
  case ot_string:
    return BC_PDF_STRING;
  case ot_name:
    return BC_PDF_NAME;
  case ot_array:
    return BC_PDF_ARRAY;
  case ot_dictionary:
    return BC_PDF_DICT;
  case ot_stream:
    return BC_PDF_STREAM;
  default:
    return BC_PDF_OTHER;
  }
}

/* The dictionary of o: itself, or a stream's; 0 otherwise. The handle
 * must be released when it differs from o. */
static qpdf_oh dict_of(bc_pdf_reader *r, bc_pdf_obj o) {
  bc_pdf_kind k = bc_pdf_kind_of(r, o);
  if (k == BC_PDF_DICT)
    return o;
  if (k != BC_PDF_STREAM)
    return 0;
  qpdf_oh d = r->qpdf.oh_get_dict(r->q, o);
  return qpdf_failed(r) ? 0 : d;
}

bc_pdf_obj bc_pdf_get(bc_pdf_reader *r, bc_pdf_obj dict, const char *key) {
  char k[128];
  qpdf_oh d = dict_of(r, dict);
  if (!d)
    return 0;
  snprintf(k, sizeof k, "/%s", key);
  qpdf_oh v = 0;
  if (r->qpdf.oh_has_key(r->q, d, k))
    v = r->qpdf.oh_get_key(r->q, d, k);
  if (d != dict)
    r->qpdf.oh_release(r->q, d);
  return v ? made(r, v) : 0;
}

bool bc_pdf_has(bc_pdf_reader *r, bc_pdf_obj dict, const char *key) {
  char k[128];
  qpdf_oh d = dict_of(r, dict);
  bool has;
  if (!d)
    return false;
  snprintf(k, sizeof k, "/%s", key);
  has = r->qpdf.oh_has_key(r->q, d, k);
  if (d != dict)
    r->qpdf.oh_release(r->q, d);
  return has && !qpdf_failed(r);
}

const char **bc_pdf_keys(bc_pdf_reader *r,
                         bc_pdf_obj dict,
                         bc_arena *arena,
                         size_t *count) {
  const char **keys = NULL;
  size_t n = 0, cap = 0;
  qpdf_oh d = dict_of(r, dict);
  *count = 0;
  if (!d)
    return NULL;
  r->qpdf.oh_begin_dict_key_iter(r->q, d);
  while (!r->failed && r->qpdf.oh_dict_more_keys(r->q)) {
    const char *k = r->qpdf.oh_dict_next_key(r->q);
    char *copy;
    if (!bc_pdf_step(r, 0))
      break;
    if (!(keys = bc_arena_grow(arena, keys, n, &cap, sizeof *keys)) ||
        !(copy = bc_arena_strdup(arena, k[0] == '/' ? k + 1 : k))) {
      oom(r);
      break;
    }
    keys[n++] = copy;
  }
  if (d != dict)
    r->qpdf.oh_release(r->q, d);
  if (qpdf_failed(r) || r->failed)
    return NULL;
  *count = n;
  return keys;
}

size_t bc_pdf_count(bc_pdf_reader *r, bc_pdf_obj array) {
  if (bc_pdf_kind_of(r, array) != BC_PDF_ARRAY)
    return 0;
  int n = r->qpdf.oh_get_array_n_items(r->q, array);
  return qpdf_failed(r) || n < 0 ? 0 : (size_t)n;
}

bc_pdf_obj bc_pdf_item(bc_pdf_reader *r, bc_pdf_obj array, size_t i) {
  if (i >= bc_pdf_count(r, array) || i > INT32_MAX)
    return 0;
  return made(r, r->qpdf.oh_get_array_item(r->q, array, (int)i));
}

bool bc_pdf_int(bc_pdf_reader *r, bc_pdf_obj o, long long *out) {
  if (bc_pdf_kind_of(r, o) != BC_PDF_INT)
    return false;
  long long v = r->qpdf.oh_get_int_value(r->q, o);
  if (qpdf_failed(r))
    return false;
  *out = v;
  return true;
}

double bc_pdf_number(bc_pdf_reader *r, bc_pdf_obj o) {
  bc_pdf_kind k = bc_pdf_kind_of(r, o);
  if (k != BC_PDF_INT && k != BC_PDF_REAL)
    return 0;
  double v = r->qpdf.oh_get_numeric_value(r->q, o);
  return qpdf_failed(r) ? 0 : v;
}

bool bc_pdf_is_name(bc_pdf_reader *r, bc_pdf_obj o, const char *name) {
  const char *n = bc_pdf_name(r, o);
  return n && !strcmp(n, name);
}

static const char *keep(bc_pdf_reader *r, const char *s, size_t len) {
  char *c = bc_arena_strndup(&r->arena, s, len);
  if (!c)
    oom(r);
  return c;
}

const char *bc_pdf_name(bc_pdf_reader *r, bc_pdf_obj o) {
  if (bc_pdf_kind_of(r, o) != BC_PDF_NAME)
    return NULL;
  const char *n = r->qpdf.oh_get_name(r->q, o);
  if (qpdf_failed(r) || !n)
    return NULL;
  if (n[0] == '/')
    n++;
  return keep(r, n, strlen(n));
}

const char *bc_pdf_string(bc_pdf_reader *r, bc_pdf_obj o, size_t *len) {
  size_t n = 0;
  if (bc_pdf_kind_of(r, o) != BC_PDF_STRING)
    return NULL;
  const char *s = r->qpdf.oh_get_binary_string_value(r->q, o, &n);
  if (qpdf_failed(r) || !s)
    return NULL;
  if (len)
    *len = n;
  return keep(r, s, n);
}

const char *bc_pdf_text(bc_pdf_reader *r, bc_pdf_obj o) {
  size_t n = 0;
  if (bc_pdf_kind_of(r, o) != BC_PDF_STRING)
    return NULL;
  const char *s = r->qpdf.oh_get_binary_utf8_value(r->q, o, &n);
  if (qpdf_failed(r) || !s)
    return NULL;
  return keep(r, s, strnlen(s, n));
}

int bc_pdf_id(bc_pdf_reader *r, bc_pdf_obj o) {
  if (!o || r->failed)
    return 0;
  if (!r->qpdf.oh_is_indirect(r->q, o))
    return 0;
  int id = r->qpdf.oh_get_object_id(r->q, o);
  return qpdf_failed(r) ? 0 : id;
}

bc_pdf_obj bc_pdf_object(bc_pdf_reader *r, int num) {
  if (r->failed || num <= 0)
    return 0;
  return made(r, r->qpdf.get_object_by_id(r->q, num, 0));
}

const unsigned char *
bc_pdf_stream_raw(bc_pdf_reader *r, bc_pdf_obj stream, size_t *len) {
  unsigned char *buf = NULL;
  size_t n = 0;
  if (bc_pdf_kind_of(r, stream) != BC_PDF_STREAM)
    return NULL;
  r->qpdf.oh_get_stream_data(r->q, stream, qpdf_dl_none, NULL, &buf, &n);
  if (qpdf_failed(r)) {
    free(buf);
    return NULL;
  }
  const char *c = keep(r, buf ? (const char *)buf : "", n);
  free(buf);
  *len = n;
  return (const unsigned char *)c;
}

const unsigned char *bc_pdf_stream_decoded(bc_pdf_reader *r,
                                           bc_pdf_obj stream,
                                           size_t max,
                                           size_t *len,
                                           bc_error *err) {
  size_t raw_len = 0;
  const unsigned char *raw = bc_pdf_stream_raw(r, stream, &raw_len);
  bc_pdf_obj filter = bc_pdf_get(r, stream, "Filter");
  unsigned char *out = NULL;
  char what[160];
  if (!raw) {
    if (!bc_pdf_reader_check(r, err))
      bc_error_set(err, BC_EPDF, "'%s' is damaged: a stream is missing",
                   r->name);
    return NULL;
  }
  if (bc_pdf_kind_of(r, filter) == BC_PDF_ARRAY && bc_pdf_count(r, filter) == 1)
    filter = bc_pdf_item(r, filter, 0);
  if (bc_pdf_kind_of(r, filter) == BC_PDF_NONE ||
      bc_pdf_kind_of(r, filter) == BC_PDF_NULL) {
    if (raw_len > max) {
      bc_error_set(err, BC_EPDF, "'%s': a stream is larger than %zu MB",
                   r->name, max >> 20);
      return NULL;
    }
    *len = raw_len;
    return raw;
  }
  if (!bc_pdf_is_name(r, filter, "FlateDecode") ||
      bc_pdf_has(r, stream, "DecodeParms")) {
    bc_error_set(err, BC_EPDF,
                 "'%s': a stream is encoded in a way baocao does not read",
                 r->name);
    return NULL;
  }
  snprintf(what, sizeof what, "'%.100s': a stream", r->name);
  if (bc_pdf_inflate(&out, len, raw, raw_len, max, what, &r->arena, err))
    return NULL;
  r->budget->decoded += *len;
  return out;
}

void bc_pdf_unparse(bc_buf *out, bc_pdf_reader *r, bc_pdf_obj o) {
  if (!o || r->failed)
    return;
  const char *s = r->qpdf.oh_unparse(r->q, o);
  if (!qpdf_failed(r) && s)
    bc_buf_puts(out, s);
}

void bc_pdf_release(bc_pdf_reader *r, bc_pdf_obj o) {
  if (o)
    r->qpdf.oh_release(r->q, o);
}

void bc_pdfread_versions(bc_library_version *out, size_t max, size_t *n) {
  qpdf_api api;
  bc_error err = {0};
  /* loaded for the question: `baocao --version` is no render */
  bc_version_put(out, max, n, "libqpdf",
                 qpdf_api_open(&api, &err) ? "?" : api.get_qpdf_version());
  bc_error_clear(&err);
}
