/* sign/pdfread.h: just enough of a PDF reader for signing and verifying:
 * classic cross-reference tables (with incremental updates), objects parsed
 * into a small value tree, and writing values back. A stream's bytes can
 * be read (not decoded). Every input is untrusted: offsets, lengths and nesting are
 * checked. */
#ifndef BC_SIGN_PDFREAD_H
#define BC_SIGN_PDFREAD_H

#include "baocao/error.h"
#include "common/arena.h"
#include "common/buf.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum pdf_kind {
  PDF_NULL = 0,
  PDF_BOOL,
  PDF_INT,
  PDF_REAL,
  PDF_NAME,   /* bytes without the slash, #xx decoded */
  PDF_STRING, /* bytes, escapes decoded (literal or hex) */
  PDF_ARRAY,
  PDF_DICT, /* items: key (PDF_NAME), value, key, value, ... */
  PDF_REF
} pdf_kind;

typedef struct pdf_value pdf_value;
struct pdf_value {
  pdf_kind kind;
  long long i;   /* BOOL, INT; REF: object number */
  int gen;       /* REF */
  double r;      /* REAL */
  const char *s; /* NAME, STRING (NUL-terminated copy) */
  size_t len;
  pdf_value *items; /* ARRAY, DICT */
  size_t count;
  size_t start, end; /* byte offsets of the value in the file */
};

typedef struct pdf_file {
  const unsigned char *data;
  size_t len;
  size_t *offsets;   /* by object number: where "N G obj" starts, 0 = none */
  size_t size;       /* entries in offsets */
  pdf_value trailer; /* of the last section: Root, Info, Size */
  size_t last_xref;  /* offset of the last cross-reference section */
  size_t revisions;  /* cross-reference sections seen */
  bc_arena *arena;
  const char *name; /* the file, for messages */
} pdf_file;

/*
 * Reads the cross-reference tables of data[0..len) (the last one and each
 * /Prev). Errors: BC_EPDF naming `name` ("is not a PDF", "is damaged: ...",
 * cross-reference streams), BC_ENOMEM.
 */
int pdf_open(pdf_file *f,
             const unsigned char *data,
             size_t len,
             const char *name,
             bc_arena *arena,
             bc_error *err);

/* Parses object num. BC_EPDF when it is missing or broken. */
int pdf_object(pdf_value **out, pdf_file *f, long long num, bc_error *err);

/*
 * The raw (not decoded) bytes of stream object num, which point into the
 * file, and its dictionary. BC_EPDF when it is not a stream, its /Length is
 * wrong or it runs past the end of the file.
 */
int pdf_stream(const unsigned char **data_out,
               size_t *len_out,
               const pdf_value **dict_out,
               pdf_file *f,
               long long num,
               bc_error *err);

/* Follows a reference (to depth 8); other values come back as they are. */
int pdf_resolve(const pdf_value **out,
                pdf_file *f,
                const pdf_value *v,
                bc_error *err);

/* The value for key in a dictionary, or NULL. */
const pdf_value *pdf_get(const pdf_value *dict, const char *key);

/* True when v is a name equal to s. */
bool pdf_is_name(const pdf_value *v, const char *s);

/* Writes v in PDF syntax (strings as hex, so any bytes are safe). */
void pdf_write_value(bc_buf *out, const pdf_value *v);

#endif
