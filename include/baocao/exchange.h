/* baocao/exchange.h: importing the data that received report PDFs carry
 * (each PDF baocao renders holds baocao-data.json) into an upper level's
 * database. */
#ifndef BAOCAO_EXCHANGE_H
#define BAOCAO_EXCHANGE_H

#include "baocao/export.h"

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "baocao/sign.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BC_IMPORT_PDF_OPTIONS_VERSION 1

typedef struct bc_import_pdf_options {
  unsigned version;         /* BC_IMPORT_PDF_OPTIONS_VERSION */
  const char *db_path;      /* the upper level's database */
  const char *const *paths; /* PDF files, or directories: their *.pdf */
  size_t path_count;
  const char *period;  /* refuse data of another period; NULL: any */
  const char *parent;  /* parent_code of the agencies it creates */
  int accept_unsigned; /* also import files that are not signed (a file
                          whose signature does not check out, or that was
                          changed after it was signed, never is) */
  int keep_going;      /* import the good files when some are refused */
  /* Trust (docs/signing.md): every signature must come from a trusted
   * certificate, and the seal (ky_co_quan) from one bound to the agency
   * whose data the file carries (table agency_certificate). NULL: no
   * anchors, so no signed file is trusted. */
  const bc_trust_options *trust;
  int accept_untrusted; /* import signed files that fail that, saying so
                           (never one whose signature does not check out
                           or that was changed after it was signed) */
  const bc_allocator *alloc; /* the result's memory and every allocation
                                of the call (NULL: bc_allocator_default());
                                SQLite's, OpenSSL's, qpdf's and zlib's own
                                allocations do not go through it */
} bc_import_pdf_options;

/* Zero defaults (docs/architecture.md, "Public API conventions"): the
 * version and nothing else. */
#define BC_IMPORT_PDF_OPTIONS_INIT { .version = BC_IMPORT_PDF_OPTIONS_VERSION }
BC_EXPORT void bc_import_pdf_options_init(bc_import_pdf_options *opts);

typedef struct bc_import_pdf_file {
  const char *path;
  int code;              /* 0: imported; else the BC_E* it was refused for */
  const char *message;   /* why it was refused (one line), or "" */
  const char *signature; /* bc_verdict_name(verdict), or "not signed,
                            imported because of --accept-unsigned", or
                            "signed, imported because of --accept-untrusted" */
  const char *untrusted; /* why the signatures are not trusted for this
                            agency (imported anyway with accept_untrusted,
                            else the refusal), or "" */
  const char *signer;    /* the CN of the signature covering most, or "" */
  const char *agency, *period; /* from its data, or "" */
  size_t inserted, unchanged;  /* values */
  bc_verdict verdict;          /* what its signatures say */
  const char *reason;          /* why not BC_VERDICT_SIGNED, or "" */
  const bc_signature_report *signatures; /* as bc_verify gives them */
  size_t signature_count;
  size_t revisions;
} bc_import_pdf_file;

/* What bc_database_import_pdfs did with each file. Opaque; read it with
 * the getters below, free it with bc_import_pdf_result_free. */
typedef struct bc_import_pdf_result bc_import_pdf_result;

/*
 * Reads every PDF, checks its signatures and data, and imports the good
 * ones in one transaction (see bc_db_import_received). Returns 0 when the
 * import was committed: every file, or with keep_going the files not
 * refused (bc_import_pdf_result_refused tells). When a file is refused without
 * keep_going nothing is imported and the call returns that file's code
 * (BC_EPDF for the PDF, BC_EVERIFY for its signatures, BC_EUNTRUSTED for
 * their certificates, BC_EDATA for its data, a period
 * other than `period` or a conflict) with err naming it. Errors before any
 * file is read: BC_EINPUT (a path that cannot be read, or a file of
 * trust), BC_ECERT (a file of trust without certificates), BC_EDB,
 * BC_ESCHEMA, BC_ENOTFOUND (parent).
 * *out is set once every file was judged: on success, and also when the
 * call fails because a file was refused or the database refused the
 * import (each file's line says why); after any other error it is NULL.
 * Free it with bc_import_pdf_result_free.
 */
BC_EXPORT int bc_database_import_pdfs(bc_import_pdf_result **out,
                                      const bc_import_pdf_options *options,
                                      bc_error *err);

/* The files, in path order with directories expanded. */
BC_EXPORT size_t bc_import_pdf_result_file_count(const bc_import_pdf_result *r);
/* File i, or NULL when i is not below the count. It and everything it
 * points to belong to r. */
BC_EXPORT const bc_import_pdf_file *
bc_import_pdf_result_file(const bc_import_pdf_result *r, size_t i);
/* The files imported (0 when the call failed) and refused. */
BC_EXPORT size_t bc_import_pdf_result_imported(const bc_import_pdf_result *r);
BC_EXPORT size_t bc_import_pdf_result_refused(const bc_import_pdf_result *r);
/* Frees r and everything it holds. Accepts NULL. */
BC_EXPORT void bc_import_pdf_result_free(bc_import_pdf_result *r);

#ifdef __cplusplus
}
#endif

#endif
