/* baocao/error.h: error codes and the bc_error struct every fallible call
 * fills. */
#ifndef BAOCAO_ERROR_H
#define BAOCAO_ERROR_H

#include "baocao/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Return codes: 0 on success, one of these (negative) on failure. */
typedef enum bc_error_code {
  BC_OK = 0,
  BC_ERROR = -1,     /* anything not listed below */
  BC_ENOMEM = -2,    /* an allocation failed */
  BC_EIO = -3,       /* output cannot be written */
  BC_ENOTFOUND = -4, /* unknown agency, period or report */
  BC_ESYNTAX = -5,   /* a template cannot be parsed */
  BC_EDATA = -6,     /* a value the report needs is missing or invalid */
  BC_EFONT = -7,     /* a font file is missing or unusable */
  BC_ESCHEMA = -8,   /* not a baocao database, or another schema version */
  BC_EDB = -9,       /* the database cannot be opened or read */
  BC_EINPUT = -10,   /* an input file (template, SQL) cannot be read */
  BC_ELAYOUT = -11,  /* content that cannot be placed on a page */
  BC_ECERT = -12,    /* signing certificate or key unusable */
  BC_EPDF = -13,     /* a PDF that cannot be signed or read */
  BC_EVERIFY = -14,  /* signatures: one does not check out, the file was
                        changed after one, or (import) it has none */
  BC_ENET = -15,     /* a network service (time-stamping authority) failed */
  BC_EUNTRUSTED = -16, /* signatures that check out, but not from a trusted
                          certificate bound to the agency (import) */
  BC_EINVAL = -17      /* a caller's mistake: a NULL where an object is
                          required, an unknown options version; the
                          message names the function and the argument */
} bc_error_code;

#define BC_ERROR_MESSAGE_SIZE 512
#define BC_ERROR_FIELD_SIZE 256

/*
 * What went wrong and where. Filled by the first failing call; higher layers
 * may fill location fields that are still empty but never replace the
 * message. Fixed-size buffers: setting an error never allocates.
 */
typedef struct bc_error {
  int code;                            /* a bc_error_code */
  char message[BC_ERROR_MESSAGE_SIZE]; /* one line, no trailing newline */
  char file[BC_ERROR_FIELD_SIZE];      /* input file, "" if none */
  int line;                            /* 1-based, 0 if unknown */
  int column;                          /* 1-based, 0 if unknown */
  char agency[64];                     /* agency code, "" if none */
  char period[64];                     /* period code, "" if none */
} bc_error;

/* Resets err to "no error". */
BC_EXPORT void bc_error_clear(bc_error *err);

/*
 * Writes "file:line:col: message (agency A, period P)" (the parts that are
 * set) into buf, always NUL-terminated. Returns buf.
 */
BC_EXPORT const char *bc_error_format(const bc_error *err, char *buf, size_t size);

/* A short English name for a code ("template syntax", "missing data"). */
BC_EXPORT const char *bc_error_code_name(int code);

/* A stable snake_case token for a code, never translated, for scripts
 * (the bulk manifest's error_code, the "code" of --json errors): "data",
 * "template", "input", "not_found", "database", ...; "internal" for any
 * code not listed in docs/json.md. */
BC_EXPORT const char *bc_error_key(int code);

#ifdef __cplusplus
}
#endif

#endif
