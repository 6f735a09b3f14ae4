/* cli/db.c: `baocao db`: create a database, load SQL files into it, import
 * CSV and Markdown, export CSV. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char db_usage[] =
    "Usage: baocao db init FILE\n"
    "       baocao db upgrade FILE\n"
    "       baocao db load FILE SQL...|-\n"
    "       baocao db import-pdf --db FILE [options] PDF|DIR...\n"
    "       baocao db import FILE [--agency A --period P] [--table T]\n"
    "                        CSV|MD|-...\n"
    "       baocao db export FILE DIR\n"
    "\n"
    "  init   creates an empty baocao database (schema version 4) at FILE;\n"
    "         FILE must not exist yet\n"
    "  upgrade brings a database of an earlier schema version to version 4,\n"
    "         in one transaction\n"
    "  load   runs each SQL file against the database, each in one\n"
    "         transaction: a file is loaded whole or not at all; - reads\n"
    "         the SQL from standard input\n"
    "  import checks every row of the CSV files and writes them all in one\n"
    "         transaction, or nothing when any row is bad (each bad row is\n"
    "         named: file:line: column 'x': reason). The file name says\n"
    "         the table: agencies.csv, sections.csv, indicators.csv,\n"
    "         periods.csv, signers.csv, reports.csv, recipients.csv,\n"
    "         values.csv, narratives.csv, agency_certificates.csv (the\n"
    "         certificates that may sign for an agency; or the singular);\n"
    "         the first line names the columns. A row whose key exists\n"
    "         updates it.\n"
    "         KEY.md is narrative KEY of --agency and --period.\n"
    "         - reads one CSV from standard input: --table names its table\n"
    "         (values, or values.csv)\n"
    "         Exit 5 for bad rows, 6 for a file that is not CSV or has a\n"
    "         bad header or name (see docs/data.md)\n"
    "  export writes every table into DIR as the CSV files import reads\n"
    "  import-pdf imports the data received report PDFs carry (see\n"
    "         baocao db import-pdf --help)\n"
    "\n"
    "Options (import):\n"
    "  --agency A   the agency of the narratives from .md files\n"
    "  --period P   their period\n"
    "  --table T    the table of the CSV read from standard input (-)\n"
    "Options (every db command):\n" CLI_VERBOSITY_USAGE;

/* `db import`: every problem on its own line, then the summary. */
static int db_import(const char *db,
                     const char **files,
                     size_t count,
                     const bc_import_options *opts,
                     int verbosity) {
  const char *agency = opts->agency, *period = opts->period;
  size_t dashes = 0;
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  int rc;

  if (!r) {
    fputs("baocao: out of memory\n", stderr);
    return EXIT_NOMEM;
  }
  bc_error_clear(&err);
  for (size_t i = 0; i < count; i++) {
    size_t n = strlen(files[i]);
    if (n > 3 &&
        (!strcmp(files[i] + n - 3, ".md") ||
         !strcmp(files[i] + n - 3, ".MD")) &&
        (!agency || !period)) {
      fputs("baocao db import: .md files need --agency and --period (see "
            "baocao help db)\n",
            stderr);
      free(r);
      return EXIT_USAGE;
    }
    dashes += !strcmp(files[i], "-");
  }
  if (dashes > 1 || (dashes && !opts->stdin_table)) {
    fputs(dashes > 1 ? "baocao db import: standard input (-) can be read "
                       "once\n"
                     : "baocao db import: standard input (-) needs the name "
                       "of its table: --table TABLE, e.g. --table values "
                       "(see baocao help db)\n",
          stderr);
    free(r);
    return EXIT_USAGE;
  }
  if (!dashes && opts->stdin_table) {
    fputs("baocao db import: --table names the table of standard input (-), "
          "which is not among the files\n",
          stderr);
    free(r);
    return EXIT_USAGE;
  }
  rc = bc_database_import(db, files, count, opts, r, &err);
  for (size_t i = 0; i < r->problems_kept; i++)
    fprintf(stderr, "baocao: %s\n", r->problems[i]);
  if (r->problem_count > r->problems_kept)
    fprintf(stderr, "baocao: \xE2\x80\xA6 and %zu more\n",
            r->problem_count - r->problems_kept);
  if (rc) {
    free(r);
    return cli_fail(&err);
  }
  for (int i = 0; i < BC_IMPORT_TABLES && verbosity > CLI_QUIET; i++)
    if (r->inserted[i] || r->updated[i])
      printf("%s: %s: %zu inserted, %zu updated\n", db, r->table[i],
             r->inserted[i], r->updated[i]);
  free(r);
  return EXIT_OK;
}

static int db_export(const char *db, const char *dir, int verbosity) {
  size_t rows[BC_IMPORT_TABLES];
  bc_error err;
  size_t total = 0;
  bc_error_clear(&err);
  if (bc_database_export(db, dir, rows, &err))
    return cli_fail(&err);
  for (int i = 0; i < BC_IMPORT_TABLES; i++)
    total += rows[i];
  if (verbosity > CLI_QUIET)
    printf("%s: %zu rows written into %s/\n", db, total, dir);
  return EXIT_OK;
}

int cmd_db(int argc, char **argv) {
  cli_option opts[] = {{"help", 'h', false, NULL},
                       {"agency", 0, true, NULL},
                       {"period", 0, true, NULL},
                       {"table", 0, true, NULL},
                       CLI_VERBOSITY_OPTIONS};
  const size_t nopts = sizeof opts / sizeof opts[0];
  const char *pos[1024];
  size_t npos;
  bc_error err;
  struct timespec t0;
  int rc, verbosity;

  cli_now(&t0);
  if (argc >= 2 && !strcmp(argv[1], "import-pdf"))
    return cmd_db_import_pdf(argc - 1, argv + 1);
  if (!cli_parse(argc - 1, argv + 1, opts, nopts, pos, 1024, &npos, "db"))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    fputs(db_usage, stdout);
    return EXIT_OK;
  }
  if (!cli_verbosity(&verbosity, opts, nopts, "db"))
    return EXIT_USAGE;
  bc_error_clear(&err);
  if (npos == 2 && !strcmp(pos[0], "init")) {
    if ((rc = bc_database_create(pos[1], &err)))
      return cli_fail(&err);
    if (verbosity > CLI_QUIET)
      printf("%s: created\n", pos[1]);
    cli_detail(verbosity, "db init", "schema version %d in %.0f ms",
               BC_DATABASE_SCHEMA_VERSION, cli_ms_since(&t0));
    return EXIT_OK;
  }
  if (npos == 2 && !strcmp(pos[0], "upgrade")) {
    int from = 0;
    if ((rc = bc_database_upgrade(pos[1], &from, &err)))
      return cli_fail(&err);
    cli_detail(verbosity, "db upgrade", "done in %.0f ms", cli_ms_since(&t0));
    if (verbosity == CLI_QUIET)
      ;
    else if (from == BC_DATABASE_SCHEMA_VERSION)
      printf("%s: already schema version %d\n", pos[1], from);
    else
      printf("%s: upgraded from schema version %d to %d\n", pos[1], from,
             BC_DATABASE_SCHEMA_VERSION);
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "load")) {
    size_t dashes = 0;
    for (size_t i = 2; i < npos; i++)
      dashes += !strcmp(pos[i], "-");
    if (dashes > 1) {
      fputs("baocao db load: standard input (-) can be read once\n", stderr);
      return EXIT_USAGE;
    }
    for (size_t i = 2; i < npos; i++) {
      /* - is standard input; ./- a file of that name */
      bool from_stdin = !strcmp(pos[i], "-");
      const char *name = from_stdin ? "<stdin>" : pos[i];
      struct timespec t1;
      cli_now(&t1);
      if ((rc = from_stdin ? bc_database_load_sql_fd(pos[1], STDIN_FILENO,
                                                     name, &err)
                           : bc_database_load_sql(pos[1], pos[i], &err)))
        return cli_fail(&err);
      if (verbosity > CLI_QUIET)
        printf("%s: loaded %s\n", pos[1], name);
      cli_detail(verbosity, "db load", "%s in %.0f ms", name,
                 cli_ms_since(&t1));
    }
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "import")) {
    bc_import_options io = {cli_get(opts, nopts, "agency"),
                            cli_get(opts, nopts, "period"),
                            cli_get(opts, nopts, "table")};
    rc = db_import(pos[1], pos + 2, npos - 2, &io, verbosity);
    cli_detail(verbosity, "db import", "done in %.0f ms", cli_ms_since(&t0));
    return rc;
  }
  if (npos == 3 && !strcmp(pos[0], "export")) {
    rc = db_export(pos[1], pos[2], verbosity);
    cli_detail(verbosity, "db export", "done in %.0f ms", cli_ms_since(&t0));
    return rc;
  }
  fputs(db_usage, stderr);
  return EXIT_USAGE;
}
