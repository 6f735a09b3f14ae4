/* baocao/db.h: creating, upgrading and loading a baocao database; CSV
 * import and export. */
#ifndef BAOCAO_DB_H
#define BAOCAO_DB_H

#include "baocao/export.h"

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "baocao/temp.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * How the database functions that have no options of their own run
 * (create, upgrade, load_sql, load_sql_fd, export; bc_database_import
 * takes bc_import_options.alloc, bc_database_import_pdfs
 * bc_import_pdf_options.alloc). NULL options: the defaults.
 */
typedef struct bc_database_options {
  unsigned version;          /* BC_DATABASE_OPTIONS_VERSION */
  const bc_allocator *alloc; /* every allocation of the call (NULL:
                                bc_allocator_default()); SQLite's own
                                allocations do not go through it */
} bc_database_options;

#define BC_DATABASE_OPTIONS_VERSION 1
#define BC_DATABASE_OPTIONS_INIT { .version = BC_DATABASE_OPTIONS_VERSION }
BC_EXPORT void bc_database_options_init(bc_database_options *opts);

/* Creates an empty database with the current schema; BC_EIO if path
 * exists. */
BC_EXPORT int bc_database_create(const char *path,
                                 const bc_database_options *options,
                                 bc_error *err);

/* The schema version these headers describe. */
#define BC_DATABASE_SCHEMA_VERSION 4

/* The schema version the library reads and creates: what a caller built
 * against other headers (a libbaocao.so upgraded under it) asks. */
BC_EXPORT int bc_database_schema_version(void);

/* Upgrades a database of an earlier schema version in place, in one
 * transaction; *from_version is the version it had. */
BC_EXPORT int bc_database_upgrade(int *from_version,
                                  const char *path,
                                  const bc_database_options *options,
                                  bc_error *err);

/* Runs an SQL file against a baocao database in one transaction. */
BC_EXPORT int bc_database_load_sql(const char *db_path,
                                   const char *sql_path,
                                   const bc_database_options *options,
                                   bc_error *err);

/* The same for SQL read to its end from the open descriptor fd (a pipe;
 * `db load DB -` reads standard input), which stays open; errors call it
 * name ("<stdin>"). BC_EINPUT when it cannot be read or holds more than
 * 256 MB. */
BC_EXPORT int bc_database_load_sql_fd(const char *db_path,
                                      int fd,
                                      const char *name,
                                      const bc_database_options *options,
                                      bc_error *err);

/* ---- CSV import and export (docs/data.md) ---- */

#define BC_IMPORT_TABLES 10        /* agency ... agency_certificate */
#define BC_IMPORT_MAX_PROBLEMS 100 /* problems kept with their text */

typedef struct bc_import_options {
  unsigned version;   /* BC_IMPORT_OPTIONS_VERSION */
  const char *agency; /* the agency and period of narratives from .md */
  const char *period; /* files; NULL when there are none */
  const char *stdin_table; /* the table of the file "-", which is read from
                              standard input to its end: "values",
                              "value" or "values.csv"; its problems say
                              "<stdin>:LINE". NULL: a "-" is a problem */
  const bc_allocator *alloc; /* every allocation of the import (NULL:
                                bc_allocator_default()); SQLite's own
                                allocations do not go through it */
} bc_import_options;

#define BC_IMPORT_OPTIONS_VERSION 1
/* Zero defaults: the version and nothing else. */
#define BC_IMPORT_OPTIONS_INIT { .version = BC_IMPORT_OPTIONS_VERSION }
BC_EXPORT void bc_import_options_init(bc_import_options *opts);

/* Where a kept problem is, for scripts (`db import --json`). */
typedef struct bc_import_problem {
  char file[BC_ERROR_FIELD_SIZE]; /* the file, "" when none */
  int line;                       /* 1-based, 0 when none */
  int column;                     /* 1-based character column, 0 when none */
  char column_name[64];           /* the CSV column named, "" when none */
  size_t reason; /* where the reason starts in the problem's text */
} bc_import_problem;

typedef struct bc_import_result {
  const char *table[BC_IMPORT_TABLES]; /* "agency", ..., "agency_certificate" */
  size_t inserted[BC_IMPORT_TABLES];
  size_t updated[BC_IMPORT_TABLES];
  size_t problem_count; /* every problem found (bad rows, broken files) */
  size_t problems_kept; /* the first ones, at most BC_IMPORT_MAX_PROBLEMS */
  /* "values.csv:12: column 'value': 'abc' is not a number (...)" */
  char problems[BC_IMPORT_MAX_PROBLEMS][BC_ERROR_MESSAGE_SIZE];
  /* the same problems' parts: problems[i] + where[i].reason is the reason */
  bc_import_problem where[BC_IMPORT_MAX_PROBLEMS];
} bc_import_result;

/*
 * Imports CSV files, each filling the table its base name says
 * (agencies.csv, values.csv, ...), and Markdown files KEY.md as narratives
 * of options->agency and options->period, into the database at db_path:
 * in dependency order, in one transaction, a row whose key exists updating
 * it. A file "-" is CSV read from standard input (options->stdin_table
 * says its table; at most one). Every bad row is a problem in result; when there is any, nothing is
 * imported and the call fails with BC_EDATA (bad rows only) or BC_EINPUT
 * (a file that cannot be read or parsed as CSV, an unknown file name, a
 * bad header). Other errors: BC_EDB, BC_ESCHEMA, BC_ENOMEM.
 */
BC_EXPORT int bc_database_import(bc_import_result *result,
                                 const char *db_path,
                                 const char *const *files,
                                 size_t count,
                                 const bc_import_options *options,
                                 bc_error *err);

/*
 * Writes each table of the database at db_path into dir (created if
 * missing) as the CSV file import reads (agencies.csv, ..., narratives.csv),
 * each file atomically; rows[i] is the number of rows of table i.
 * temp_hook (may be NULL) is told each temporary file's name.
 * Errors: BC_EIO (dir or a file cannot be written), BC_EDB, BC_ESCHEMA,
 * BC_ENOMEM.
 */
BC_EXPORT int bc_database_export(size_t rows[BC_IMPORT_TABLES],
                                 const char *db_path,
                                 const char *dir,
                                 const bc_temp_hook *temp_hook,
                                 const bc_database_options *options,
                                 bc_error *err);

#ifdef __cplusplus
}
#endif

#endif
