/* exchange/received.h: a received report PDF: whether its signatures cover
 * it, and the baocao-data document it carries (docs/data-exchange.md),
 * checked and copied into plain C data. */
#ifndef BC_EXCHANGE_RECEIVED_H
#define BC_EXCHANGE_RECEIVED_H

#include "baocao/error.h"
#include "common/arena.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum bc_signature_state {
  BC_SIGNATURE_NONE = 0,      /* no field is signed */
  BC_SIGNATURE_WHOLE,         /* every signature checks out and the last
                                 covers the whole file */
  BC_SIGNATURE_CHANGED_AFTER, /* the signatures check out, but bytes were
                                 added after the last one */
  BC_SIGNATURE_BROKEN         /* a signature does not check out */
} bc_signature_state;

typedef struct bc_received_value {
  const char *code, *name, *unit, *section;
  const char *kind; /* number, percent, text, date */
  bool is_number;
  double number;
  const char *text; /* text, or the ISO date of a date */
} bc_received_value;

/* Everything below is NUL-terminated NFC UTF-8 from the arena. */
typedef struct bc_received {
  const char *file;
  bc_signature_state signature;
  size_t signatures;   /* signed fields */
  const char *signer;  /* the last signature's certificate CN, or "" */
  const char *problem; /* why BROKEN, or "" */
  const char *agency_code, *agency_name, *agency_full_name,
      *agency_parent_name /* may be NULL */, *agency_symbol, *agency_place;
  const char *period_code, *period_kind, *period_starts, *period_ends;
  int period_year, period_number; /* number 0 unless a quarter */
  const char *template_name, *template_sha256;
  int report_number;         /* 0 when not assigned */
  const char *report_issued; /* ISO date, or NULL */
  bc_received_value *values;
  size_t value_count;
} bc_received;

/*
 * Reads the PDF at path: its signature fields (each checked) and its
 * baocao-data.json, validated field by field (format, version, codes,
 * kinds, dates, UTF-8). Errors, each naming path and what is wrong:
 * BC_EPDF (not a PDF, damaged, no baocao data: from another tool or an
 * older baocao), BC_EDATA (data that does not follow the format), BC_EINPUT
 * (cannot be read), BC_ENOMEM.
 */
int bc_received_read(bc_received *out,
                     const char *path,
                     bc_arena *arena,
                     bc_error *err);

/* "signed by X, covers the whole file", "not signed", ... for messages. */
const char *bc_signature_state_text(bc_signature_state state);

#endif
