/* cli/db.c: `baocao db`: create a database, load SQL files into it, import
 * CSV and Markdown, export CSV. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <stdlib.h>
#include <string.h>

static const char db_usage[] =
    N_("Usage: baocao db init FILE\n"
    "       baocao db upgrade FILE\n"
    "       baocao db load FILE SQL...\n"
    "       baocao db import-pdf --db FILE [options] PDF|DIR...\n"
    "       baocao db import FILE [--agency A --period P] CSV|MD...\n"
    "       baocao db export FILE DIR\n"
    "\n"
    "  init   creates an empty baocao database (schema version 4) at FILE;\n"
    "         FILE must not exist yet\n"
    "  upgrade brings a database of an earlier schema version to version 4,\n"
    "         in one transaction\n"
    "  load   runs each SQL file against the database, each in one\n"
    "         transaction: a file is loaded whole or not at all\n"
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
    "         Exit 5 for bad rows, 6 for a file that is not CSV or has a\n"
    "         bad header or name (see docs/data.md)\n"
    "  export writes every table into DIR as the CSV files import reads\n"
    "  import-pdf imports the data received report PDFs carry (see\n"
    "         baocao db import-pdf --help)\n"
    "\n"
    "Options (import):\n"
    "  --agency A   the agency of the narratives from .md files\n"
    "  --period P   their period\n");

/* `db import`: every problem on its own line, then the summary. */
static int db_import(const char *db,
                     const char **files,
                     size_t count,
                     const char *agency,
                     const char *period) {
  bc_import_options o = {agency, period};
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  int rc;

  if (!r) {
    fputs(_("baocao: out of memory\n"), stderr);
    return EXIT_NOMEM;
  }
  bc_error_clear(&err);
  for (size_t i = 0; i < count; i++) {
    size_t n = strlen(files[i]);
    if (n > 3 &&
        (!strcmp(files[i] + n - 3, ".md") ||
         !strcmp(files[i] + n - 3, ".MD")) &&
        (!agency || !period)) {
      fputs(_("baocao db import: .md files need --agency and --period (see "
            "baocao help db)\n"),
            stderr);
      free(r);
      return EXIT_USAGE;
    }
  }
  rc = bc_database_import(db, files, count, &o, r, &err);
  for (size_t i = 0; i < r->problems_kept; i++)
    fprintf(stderr, "baocao: %s\n", r->problems[i]);
  if (r->problem_count > r->problems_kept)
    fprintf(stderr, _("baocao: \xE2\x80\xA6 and %zu more\n"),
            r->problem_count - r->problems_kept);
  if (rc) {
    free(r);
    return cli_fail(&err);
  }
  for (int i = 0; i < BC_IMPORT_TABLES; i++)
    if (r->inserted[i] || r->updated[i])
      printf(_("%s: %s: %zu inserted, %zu updated\n"), db, r->table[i],
             r->inserted[i], r->updated[i]);
  free(r);
  return EXIT_OK;
}

static int db_export(const char *db, const char *dir) {
  size_t rows[BC_IMPORT_TABLES];
  bc_error err;
  size_t total = 0;
  bc_error_clear(&err);
  if (bc_database_export(db, dir, rows, &err))
    return cli_fail(&err);
  for (int i = 0; i < BC_IMPORT_TABLES; i++)
    total += rows[i];
  printf(_("%s: %zu rows written into %s/\n"), db, total, dir);
  return EXIT_OK;
}

int cmd_db(int argc, char **argv) {
  cli_option opts[] = {{"help", 'h', false, NULL},
                       {"agency", 0, true, NULL},
                       {"period", 0, true, NULL}};
  const size_t nopts = sizeof opts / sizeof opts[0];
  const char *pos[1024];
  size_t npos;
  bc_error err;
  int rc;

  if (argc >= 2 && !strcmp(argv[1], "import-pdf"))
    return cmd_db_import_pdf(argc - 1, argv + 1);
  if (!cli_parse(argc - 1, argv + 1, opts, nopts, pos, 1024, &npos, "db"))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    fputs(_(db_usage), stdout);
    return EXIT_OK;
  }
  bc_error_clear(&err);
  if (npos == 2 && !strcmp(pos[0], "init")) {
    if ((rc = bc_database_create(pos[1], &err)))
      return cli_fail(&err);
    printf(_("%s: created\n"), pos[1]);
    return EXIT_OK;
  }
  if (npos == 2 && !strcmp(pos[0], "upgrade")) {
    int from = 0;
    if ((rc = bc_database_upgrade(pos[1], &from, &err)))
      return cli_fail(&err);
    if (from == BC_DATABASE_SCHEMA_VERSION)
      printf(_("%s: already schema version %d\n"), pos[1], from);
    else
      printf(_("%s: upgraded from schema version %d to %d\n"), pos[1], from,
             BC_DATABASE_SCHEMA_VERSION);
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "load")) {
    for (size_t i = 2; i < npos; i++) {
      if ((rc = bc_database_load_sql(pos[1], pos[i], &err)))
        return cli_fail(&err);
      printf(_("%s: loaded %s\n"), pos[1], pos[i]);
    }
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "import"))
    return db_import(pos[1], pos + 2, npos - 2, cli_get(opts, nopts, "agency"),
                     cli_get(opts, nopts, "period"));
  if (npos == 3 && !strcmp(pos[0], "export"))
    return db_export(pos[1], pos[2]);
  fputs(_(db_usage), stderr);
  return EXIT_USAGE;
}
