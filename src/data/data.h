/* data/data.h: the SQLite database: opening it read-only with a schema
 * check, loading one report into a bc_report_model, the certificates bound
 * to an agency, creating a database and loading SQL files. Every statement
 * uses bound parameters. */
#ifndef BC_DATA_H
#define BC_DATA_H

#include "baocao/db.h"
#include "baocao/error.h"
#include "common/arena.h"
#include "common/file.h"
#include "model/model.h"
#include "common/version.h"

#include <stdbool.h>

#define BC_SCHEMA_VERSION BC_DATABASE_SCHEMA_VERSION
#define BC_APPLICATION_ID 1111703887 /* 'BCAO' */

typedef struct bc_db bc_db;

/*
 * Opens path read-only and checks that it is a baocao database of schema
 * version BC_SCHEMA_VERSION. Errors: BC_EDB (missing, unreadable, not
 * SQLite, locked), BC_ESCHEMA (another application or version), BC_ENOMEM.
 * One connection per thread; close with bc_db_close.
 */
int bc_db_open(bc_db **out, const char *path, bc_error *err);
void bc_db_close(bc_db *db);

/* The path the database was opened with (borrowed). */
const char *bc_db_path(const bc_db *db);

/*
 * Loads the report of agency for period into *out, with every string and
 * array from arena, and finishes the model (bc_model_finish). template may
 * be NULL when the agency has a single report for the period. A report
 * without a signer loads with signer.full_name NULL (the caller decides).
 * Errors: BC_ENOTFOUND (unknown agency, period or report, or several
 * templates and none chosen), BC_EDATA (a value of the wrong kind, a bad
 * date), BC_EDB, BC_ENOMEM.
 */
int bc_db_load_report(bc_report_model *out,
                      bc_db *db,
                      const char *agency,
                      const char *period,
                      const char *template_name,
                      bc_arena *arena,
                      bc_error *err);

/* One report of a period: which agency, which template. */
typedef struct bc_report_ref {
  const char *agency;
  const char *template_name;
} bc_report_ref;

/*
 * The reports of period, sorted by agency code (then template), with
 * strings from arena. An unknown period is BC_ENOTFOUND; a period without
 * reports gives *count = 0.
 */
int bc_db_list_reports(bc_report_ref **out,
                       size_t *count,
                       bc_db *db,
                       const char *period,
                       bc_arena *arena,
                       bc_error *err);

/* A certificate that may sign for an agency (table agency_certificate,
 * docs/data.md), a row as bc_valid_cert_binding judges it: role "seal"
 * (ký cơ quan) or "signer"; spki_sha256, the SHA-256 of its
 * SubjectPublicKeyInfo (DER) in 64 lowercase hex digits, NULL when bound
 * by issuer and subject; issuer and subject, NULL when bound by
 * spki_sha256, RFC 4514 as OpenSSL prints them with XN_FLAG_RFC2253 &
 * ~ASN1_STRFLGS_ESC_MSB, in NFC; note, NULL when none. */
typedef bc_cert_binding_row bc_agency_cert;

/*
 * Every certificate bound to agency_code (any role), sorted by role, then
 * fingerprint, then issuer and subject, with strings from arena; *count 0
 * (and *out NULL) when none, also for an agency the database does not
 * hold. Each row passes bc_valid_cert_binding again (a row written behind
 * baocao's back): BC_EDATA naming the agency and the column otherwise.
 * Errors: BC_EDATA, BC_EDB, BC_ENOMEM.
 */
int bc_db_agency_certs(bc_agency_cert **out,
                       size_t *count,
                       bc_db *db,
                       const char *agency_code,
                       bc_arena *arena,
                       bc_error *err);

/* The same from the database at db_path, opened read-only and closed
 * again (bc_db_open's errors too: BC_ESCHEMA for another version), its
 * connection's memory from arena's allocator. */
int bc_db_agency_certs_at(bc_agency_cert **out,
                          size_t *count,
                          const char *db_path,
                          const char *agency_code,
                          bc_arena *arena,
                          bc_error *err);

/* bc_database_create, bc_database_upgrade, bc_database_load_sql and
 * bc_database_load_sql_fd (baocao/db.h) are data/db.c's. */

/* The allocator options name (NULL options or alloc: the default). The
 * public functions check the options' version first (BC_ASSERT_ARG). */
const bc_allocator *bc_db__options(const bc_database_options *options);

/* One value of a received report (the data a PDF carries). */
typedef struct bc_received_value {
  const char *code, *name, *unit, *section;
  const char *kind; /* number, percent, text, date */
  bool is_number;
  double number;
  const char *text; /* text, or the ISO date of a date */
} bc_received_value;

/* The data of a received report PDF (docs/data-exchange.md), checked by
 * exchange; everything is NUL-terminated NFC UTF-8. */
typedef struct bc_received {
  const char *file;
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

/* What became of one received file in bc_db_import_received. */
typedef struct bc_received_result {
  int code; /* 0: imported; BC_EDATA: refused, message says why */
  char message[BC_ERROR_MESSAGE_SIZE];
  size_t inserted, unchanged; /* values */
  bool agency_created;
} bc_received_result;

/*
 * Writes the data of received reports into the baocao database at db_path
 * in one transaction, each file under its own savepoint: the period and
 * the agency when the database lacks them (a new agency gets parent_code,
 * which must exist, so that it counts in that agency's totals), each
 * indicator it lacks, and each value. A value that differs from the one
 * already there (or from an earlier file's), a period with other dates or
 * an indicator of another kind refuses the file (results[i].code
 * BC_EDATA): with keep_going the others are still imported, without it
 * nothing is, and the call fails with BC_EDATA. Errors: BC_EDB,
 * BC_ESCHEMA, BC_ENOTFOUND (parent_code), BC_ENOMEM.
 */
int bc_db_import_received(const char *db_path,
                          const bc_received *items,
                          size_t count,
                          const char *parent_code,
                          bool keep_going,
                          bc_received_result *results,
                          bc_error *err);
/*
 * For import and export: a connection to the baocao database at path
 * after the schema check (read-write or read-only), and an SQLite failure
 * as a bc_error naming the database (BC_EDB, BC_ESCHEMA, BC_ENOMEM).
 */
struct sqlite3;
int bc_db_open_handle(struct sqlite3 **out,
                      const char *path,
                      bool writable,
                      bc_error *err);
int bc_db_error(bc_error *err, struct sqlite3 *h, int rc, const char *path);

/*
 * model/valid.c's judge over every row of an open database: periods,
 * report dates, indicator values, certificate bindings, the lengths of
 * names (data/valid.c).
 * The first problem is BC_EDATA naming the table, the row's key and the
 * field: "period '2023-Q5' number: 5 is not a quarter (1 to 4)". For `db
 * load`, before it commits.
 */
int bc_db__check_all(struct sqlite3 *h, bc_error *err);

/*
 * The same judge over a received report's data, before import-pdf writes
 * it: its period, names, issue date and values. A problem refuses the
 * file: res->code BC_EDATA and res->message naming the field
 * ("period.ends: 2023-06-30 is before starts 2023-07-01"); returns it.
 */
int bc_db__check_received(const bc_received *r, bc_received_result *res);

/* bc_database_import (data/import.c) and bc_database_export
 * (data/export.c) are declared in baocao/db.h. */

/* The run-time version of SQLite (bc_library_versions). */
bc_versions_fn bc_data_versions;

#endif
