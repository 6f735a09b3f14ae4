/* pdf/pdfread.h: reading PDFs that nobody vouches for, through libqpdf:
 * classic and stream cross-reference tables, object streams, incremental
 * updates; each revision of a file opened as a document of its own; a
 * budget on objects visited, nesting, decompressed bytes and time; Flate
 * (zlib) both ways, so that sign and exchange need no zlib of their own;
 * and the comparison of a later revision with a signed one (revisions.c).
 *
 * Objects are handles (bc_pdf_obj) into a reader; getters follow
 * references, count against the budget and never fail: a handle of kind
 * BC_PDF_NONE stands for a missing key, a wrong index or an error, and
 * the first error sticks to the reader (bc_pdf_reader_check). */
#ifndef BC_PDF_PDFREAD_H
#define BC_PDF_PDFREAD_H

#include "baocao/error.h"
#include "common/arena.h"
#include "common/buf.h"
#include "common/version.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Limits for one file and every revision opened from it; zero fields take
 * the defaults of bc_pdf_budget_init. Counters are shared by the readers
 * that point at the same budget.
 */
typedef struct bc_pdf_budget {
  size_t max_objects;      /* handles made: objects and values visited */
  size_t max_decoded;      /* bytes inflated in all, by us or by qpdf */
  size_t max_stream;       /* bytes one stream may inflate to */
  int max_depth;           /* nesting of a walk (trees, comparisons) */
  double max_seconds;      /* CPU time, from bc_pdf_budget_init */
  size_t max_revisions;    /* revisions of one file */
  size_t objects, decoded; /* used so far */
  bool spent;              /* a limit was reached: the file is refused */
  const unsigned char *scanned; /* bytes the pre-scan has measured */
  size_t scanned_len;
  double started;          /* CPU seconds when it was made */
  const bc_allocator *alloc; /* the readers' and the pre-scan's memory;
                                NULL (bc_pdf_budget_init): the default.
                                qpdf's own allocations do not go
                                through it */
} bc_pdf_budget;

/* The defaults, scaled by the file's size: 2,000,000 objects, a stream at
 * most 16 MB + 8 x the size, all streams 64 MB + 32 x the size, depth 64,
 * 64 revisions, 1.5 s. */
void bc_pdf_budget_init(bc_pdf_budget *b, size_t file_len);

typedef struct bc_pdf_reader bc_pdf_reader;
typedef unsigned bc_pdf_obj; /* 0: none */

typedef enum bc_pdf_kind {
  BC_PDF_NONE = 0, /* missing, or an error */
  BC_PDF_NULL,
  BC_PDF_BOOL,
  BC_PDF_INT,
  BC_PDF_REAL,
  BC_PDF_STRING,
  BC_PDF_NAME,
  BC_PDF_ARRAY,
  BC_PDF_DICT,
  BC_PDF_STREAM,
  BC_PDF_OTHER
} bc_pdf_kind;

/*
 * Opens data[0..len) (which must outlive the reader) as a PDF, with
 * qpdf's recovery of damaged files off: a file qpdf has to repair, or
 * warns about, is refused. Before qpdf reads it, every Flate stream of
 * the file is measured (bc_pdf_scan_streams), so that qpdf never inflates
 * a bomb. budget may be shared by several readers of one file. Errors:
 * BC_EPDF naming `name` ("is not a PDF file", "is damaged: ...", "is
 * refused: ..."), BC_ENOMEM. Free with bc_pdf_reader_free.
 */
int bc_pdf_reader_open(bc_pdf_reader **out,
                       const unsigned char *data,
                       size_t len,
                       const char *name,
                       bc_pdf_budget *budget,
                       bc_error *err);
void bc_pdf_reader_free(bc_pdf_reader *r);

/* The first error met since the reader was opened (0: none), copied into
 * err; also reports qpdf warnings met on the way as damage. */
int bc_pdf_reader_check(bc_pdf_reader *r, bc_error *err);

/* The bytes the reader was opened on, and the name. */
size_t bc_pdf_reader_size(const bc_pdf_reader *r);
const char *bc_pdf_reader_name(const bc_pdf_reader *r);

/* Where the last startxref points, and whether a cross-reference stream
 * (not a table) is there. */
size_t bc_pdf_reader_startxref(const bc_pdf_reader *r);
bool bc_pdf_reader_xref_is_stream(const bc_pdf_reader *r);

bc_pdf_obj bc_pdf_trailer(bc_pdf_reader *r);
bc_pdf_obj bc_pdf_root(bc_pdf_reader *r);

bc_pdf_kind bc_pdf_kind_of(bc_pdf_reader *r, bc_pdf_obj o);
/* The value under key of a dictionary (or a stream's dictionary),
 * references followed. */
bc_pdf_obj bc_pdf_get(bc_pdf_reader *r, bc_pdf_obj dict, const char *key);
bool bc_pdf_has(bc_pdf_reader *r, bc_pdf_obj dict, const char *key);
/* The keys of a dictionary, without the slash, from arena (NULL and 0
 * when not a dictionary). */
const char **bc_pdf_keys(bc_pdf_reader *r,
                         bc_pdf_obj dict,
                         bc_arena *arena,
                         size_t *count);
size_t bc_pdf_count(bc_pdf_reader *r, bc_pdf_obj array);
bc_pdf_obj bc_pdf_item(bc_pdf_reader *r, bc_pdf_obj array, size_t i);
/* An integer, or false when o is not one (out untouched). */
bool bc_pdf_int(bc_pdf_reader *r, bc_pdf_obj o, long long *out);
/* An integer or a real as a double; 0 otherwise. */
double bc_pdf_number(bc_pdf_reader *r, bc_pdf_obj o);
bool bc_pdf_is_name(bc_pdf_reader *r, bc_pdf_obj o, const char *name);
/* A name without its slash, or a string's bytes (NUL-terminated, *len
 * without it), from the reader's arena; NULL when o is not one. */
const char *bc_pdf_name(bc_pdf_reader *r, bc_pdf_obj o);
const char *bc_pdf_string(bc_pdf_reader *r, bc_pdf_obj o, size_t *len);
/* A text string (PDFDocEncoding or UTF-16) as UTF-8, or NULL. */
const char *bc_pdf_text(bc_pdf_reader *r, bc_pdf_obj o);
/* The object number of an indirect object, 0 for a direct one. */
int bc_pdf_id(bc_pdf_reader *r, bc_pdf_obj o);
/* Object num, generation 0 (kind BC_PDF_NULL when it does not exist). */
bc_pdf_obj bc_pdf_object(bc_pdf_reader *r, int num);
/* A stream's bytes as stored (not decoded), from the reader's arena. */
const unsigned char *
bc_pdf_stream_raw(bc_pdf_reader *r, bc_pdf_obj stream, size_t *len);
/*
 * A stream's bytes decoded: no filter, or FlateDecode (no predictor), at
 * most max bytes, NUL-terminated, from the reader's arena. NULL with the
 * reason in err (BC_EPDF: another filter, damaged, larger than max).
 */
const unsigned char *bc_pdf_stream_decoded(bc_pdf_reader *r,
                                           bc_pdf_obj stream,
                                           size_t max,
                                           size_t *len,
                                           bc_error *err);
/* o in PDF syntax (references as N G R, strings escaped), appended. */
void bc_pdf_unparse(bc_buf *out, bc_pdf_reader *r, bc_pdf_obj o);
/* Handles of a walk can be given back once they are no longer needed. */
void bc_pdf_release(bc_pdf_reader *r, bc_pdf_obj o);
/* Counts one step of a walk against the budget (objects, time); false
 * (and the reader's error set) once it is spent. depth is checked too. */
bool bc_pdf_step(bc_pdf_reader *r, int depth);

/* ---- Flate, for everyone (zlib is this module's) ---- */

/*
 * Inflates a zlib stream into at most max bytes, NUL-terminated, from
 * arena. BC_EPDF "damaged" or "larger than" (naming what), BC_ENOMEM.
 */
int bc_pdf_inflate(unsigned char **out,
                   size_t *out_len,
                   const unsigned char *in,
                   size_t in_len,
                   size_t max,
                   const char *what,
                   bc_arena *arena,
                   bc_error *err);
/* Deflates data at level (0-9) into arena memory. BC_ENOMEM. */
int bc_pdf_deflate(unsigned char **out,
                   size_t *out_len,
                   const void *data,
                   size_t len,
                   int level,
                   bc_arena *arena,
                   bc_error *err);

/*
 * The pre-scan of bc_pdf_reader_open: every stream of data (the bytes
 * after each `stream` keyword) that starts as a zlib stream is inflated
 * into nothing, through up to four nested zlib layers, and its size
 * counted. BC_EPDF when one stream inflates to more than
 * budget->max_stream or all to more than budget->max_decoded.
 */
int bc_pdf_scan_streams(const unsigned char *data,
                        size_t len,
                        const char *name,
                        bc_pdf_budget *budget,
                        bc_error *err);

/* ---- revisions ---- */

/*
 * The ends of the file's revisions: each offset just after a `%%EOF`
 * marker and its end of line, in increasing order, from arena; at most
 * budget->max_revisions (BC_EPDF beyond).
 */
int bc_pdf_revision_ends(size_t **out,
                         size_t *count,
                         const unsigned char *data,
                         size_t len,
                         const char *name,
                         size_t max_revisions,
                         bc_arena *arena,
                         bc_error *err);

/* A terminal field of a document's form (a field with kids that are
 * fields is not one; kids without /T are its widgets). */
typedef struct bc_pdf_field {
  int id;           /* object number, 0 if direct */
  bc_pdf_obj field; /* the field dictionary */
  bc_pdf_obj value; /* /V when it is a dictionary, else 0 */
  const char *name; /* /T as UTF-8 ("(no name)" when none) */
  bool sig;         /* /FT /Sig, its own or inherited */
} bc_pdf_field;

/* The terminal fields of r's /AcroForm /Fields, in order, loops and
 * repeats left out; from arena. Errors: the reader's, BC_ENOMEM. */
int bc_pdf_fields(bc_pdf_field **out,
                  size_t *count,
                  bc_pdf_reader *r,
                  bc_arena *arena,
                  bc_error *err);

/* One change found between a signed revision and a later document. */
typedef struct bc_pdf_change {
  bool allowed;     /* a later signature, its appearance, DSS, ... */
  const char *what; /* "page 1 content changed", "signature ky_co_quan
                       removed", "signature ky_co_quan added" */
} bc_pdf_change;

/*
 * Compares the later document `now` with the signed revision `then` and
 * lists every change, each allowed (a signature field that was empty
 * given its value and appearance, /Fields grown by new signature fields
 * with their widgets, /SigFlags, a DSS dictionary, document timestamps)
 * or a modification (page content, resources, annotations, the attached
 * files, metadata, /Info, a field or /AcroForm removed, /V removed, any
 * other catalog entry). Changes from arena. Errors: the readers' (budget,
 * damage), BC_ENOMEM.
 */
int bc_pdf_compare(bc_pdf_change **out,
                   size_t *count,
                   bc_pdf_reader *then,
                   bc_pdf_reader *now,
                   bc_arena *arena,
                   bc_error *err);

/* The run-time version of libqpdf (bc_library_versions). */
bc_versions_fn bc_pdfread_versions;

#endif
