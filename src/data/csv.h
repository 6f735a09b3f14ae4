/* data/csv.h: reading RFC 4180 CSV (quotes, CRLF or LF, a BOM, ';' from
 * Excel in comma-decimal locales) into NFC fields, and writing it. */
#ifndef BC_DATA_CSV_H
#define BC_DATA_CSV_H

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "common/arena.h"
#include "common/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* The largest field and the most columns a record may have. */
#define BC_CSV_MAX_FIELD ((size_t)1 << 20)
#define BC_CSV_MAX_COLUMNS 64

/*
 * A reader over text held in memory (the caller keeps it alive). Fields are
 * separated by ',' or, when the first line has ';' and no ',' outside
 * quotes, by ';'. A record ends at LF, CRLF or a lone CR outside quotes;
 * blank lines are skipped. Inside quotes "" is one quote and CRLF or CR
 * become LF.
 */
typedef struct bc_csv_reader {
  const char *name; /* the file, for errors */
  const char *data;
  size_t len;
  size_t pos;
  int line; /* the line of data[pos], 1-based */
  char delimiter;
  size_t max_field;
  size_t max_columns;
  bc_buf text;    /* the current record's raw fields, NUL-separated */
  bc_buf offsets; /* size_t offsets into text, one per field */
  bc_arena arena; /* NFC copies and the field array of the record */
} bc_csv_reader;

/* One record: fields valid until the next call on the reader. */
typedef struct bc_csv_record {
  size_t count;
  const char **fields; /* NUL-terminated, NFC, no NUL bytes inside */
  int line;            /* the line the record starts on */
} bc_csv_record;

/*
 * Starts reading data[0..len): skips a UTF-8 BOM and checks that all of it
 * is valid UTF-8 without NUL bytes. Errors (BC_EINPUT, located at name and
 * the line): `invalid UTF-8 at byte N` (N counted from 0 at the start of
 * the file), `NUL byte at byte N`. The reader must be closed either way.
 */
int bc_csv_open(bc_csv_reader *r,
                const char *name,
                const char *data,
                size_t len,
                const bc_allocator *alloc,
                bc_error *err);

/*
 * The next record: returns 1 with *rec filled, 0 at the end of the data,
 * or an error (BC_EINPUT located at name:line, or BC_ENOMEM): a quote that
 * is never closed, text after a closing quote, a quote inside an unquoted
 * field, a field over max_field bytes, more than max_columns fields. After
 * an error the reader only closes.
 */
int bc_csv_next(bc_csv_reader *r, bc_csv_record *rec, bc_error *err);

void bc_csv_close(bc_csv_reader *r);

/*
 * Appends one field to out, after a ',' unless it is the first of its
 * record, quoted when it holds ',', '"', CR, LF or ';', starts or ends
 * with a space or starts with a BOM, or is an empty first field: what is
 * written reads back the same.
 */
void bc_csv_put(bc_buf *out, const char *s, size_t len, bool first);

/* Ends a record with CRLF (RFC 4180). */
void bc_csv_end(bc_buf *out);

#endif
