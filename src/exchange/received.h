/* exchange/received.h: a received report PDF: what its signatures say
 * about it (sign's verification), and the baocao-data document it carries
 * (docs/data-exchange.md), checked strictly and copied into plain C data
 * (data/data.h's bc_received). */
#ifndef BC_EXCHANGE_RECEIVED_H
#define BC_EXCHANGE_RECEIVED_H

#include "baocao/error.h"
#include "baocao/sign.h"
#include "common/arena.h"
#include "data/data.h"
#include "sign/sign.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct bc_received_pdf {
  bc_received data;
  bc_verdict verdict;
  const char *reason; /* why not BC_VERDICT_SIGNED, or "" */
  const char *signer; /* the CN of the signature covering most, or "" */
  size_t revisions;
  const bc_signature_report *sigs; /* as bc_verify gives them */
  size_t sig_count;
} bc_received_pdf;

/*
 * Reads the PDF at path: its signatures (every revision, as bc_verify
 * does) and its baocao-data.json, refused when there is more than one,
 * validated field by field (format, version, codes, kinds, dates, UTF-8,
 * no NUL, no key twice, numbers in range). Errors, each naming path and
 * what is wrong: BC_EPDF (not a PDF, damaged, refused by the reader's
 * budget, no baocao data: from another tool or an older baocao),
 * BC_EDATA (data that does not follow the format), BC_EINPUT (cannot be
 * read), BC_ENOMEM.
 */
int bc_received_read(bc_received_pdf *out,
                     const char *path,
                     bc_trust *trust,
                     bc_arena *arena,
                     bc_error *err);

#endif
