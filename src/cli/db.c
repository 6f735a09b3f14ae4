/* cli/db.c: `baocao db`: create a database, load SQL files into it, import
 * CSV and Markdown, export CSV. */
#include "cli/cli.h"

#include "common/json.h"

#include <stdlib.h>
#include <string.h>

static const char db_usage[] =
    "Usage: baocao db init FILE\n"
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
    "  --period P   their period\n"
    "Options (init, upgrade, load, import, export):\n"
    "  --json       print the result, or the error and the bad rows, as\n"
    "               one JSON object on stdout (docs/json.md)\n";

/* `db import --json`: the tables written, or the problems and the error
 * (docs/json/baocao-db.schema.json). */
static int import_json(const char *db,
                       const bc_import_result *r,
                       const bc_error *failed,
                       int rc) {
  bc_buf b;
  size_t inserted = 0, updated = 0;
  bool first = true;
  cli_json_begin(&b);
  cli_json_str(&b, "database", db, true);
  cli_json_str(&b, "action", "import", false);
  cli_json_bool(&b, "committed", !failed, false);
  bc_json_key(&b, "tables", false);
  bc_buf_putc(&b, '[');
  for (int i = 0; i < BC_IMPORT_TABLES && !failed; i++) {
    if (!r->inserted[i] && !r->updated[i])
      continue;
    bc_buf_puts(&b, first ? "{" : ",{");
    first = false;
    cli_json_str(&b, "table", r->table[i], true);
    cli_json_size(&b, "inserted", r->inserted[i], false);
    cli_json_size(&b, "updated", r->updated[i], false);
    bc_buf_putc(&b, '}');
    inserted += r->inserted[i];
    updated += r->updated[i];
  }
  bc_buf_putc(&b, ']');
  cli_json_size(&b, "inserted", inserted, false);
  cli_json_size(&b, "updated", updated, false);
  cli_json_size(&b, "problem_count", r->problem_count, false);
  bc_json_key(&b, "problems", false);
  bc_buf_putc(&b, '[');
  for (size_t i = 0; i < r->problems_kept; i++) {
    const bc_import_problem *w = &r->where[i];
    bc_buf_puts(&b, i ? ",{" : "{");
    bc_json_key(&b, "file", true);
    bc_json_string(&b, *w->file ? w->file : NULL);
    bc_json_key(&b, "line", false);
    bc_buf_printf(&b, w->line > 0 ? "%d" : "null", w->line);
    bc_json_key(&b, "column", false);
    bc_buf_printf(&b, w->column > 0 ? "%d" : "null", w->column);
    bc_json_key(&b, "column_name", false);
    bc_json_string(&b, *w->column_name ? w->column_name : NULL);
    cli_json_str(&b, "message", r->problems[i] + w->reason, false);
    cli_json_str(&b, "text", r->problems[i], false);
    bc_buf_putc(&b, '}');
  }
  bc_buf_putc(&b, ']');
  if (failed)
    cli_json_error(&b, bc_error_key(failed->code), rc, failed, NULL, false);
  return cli_json_end(&b, rc);
}

/* A one-action result: {"database", "action", ...more}. */
static int simple_json(const char *db, const char *action, const char *more) {
  bc_buf b;
  cli_json_begin(&b);
  cli_json_str(&b, "database", db, true);
  cli_json_str(&b, "action", action, false);
  bc_buf_puts(&b, more);
  return cli_json_end(&b, EXIT_OK);
}

/* `db import`: every problem on its own line, then the summary. */
static int db_import(const char *db,
                     const char **files,
                     size_t count,
                     const char *agency,
                     const char *period,
                     bool json) {
  bc_import_options o = {agency, period};
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
  }
  rc = bc_database_import(db, files, count, &o, r, &err);
  for (size_t i = 0; i < r->problems_kept; i++)
    fprintf(stderr, "baocao: %s\n", r->problems[i]);
  if (r->problem_count > r->problems_kept)
    fprintf(stderr, "baocao: \xE2\x80\xA6 and %zu more\n",
            r->problem_count - r->problems_kept);
  if (json) {
    rc = import_json(db, r, rc ? &err : NULL, rc ? cli_fail(&err) : EXIT_OK);
    free(r);
    return rc;
  }
  if (rc) {
    free(r);
    return cli_fail(&err);
  }
  for (int i = 0; i < BC_IMPORT_TABLES; i++)
    if (r->inserted[i] || r->updated[i])
      printf("%s: %s: %zu inserted, %zu updated\n", db, r->table[i],
             r->inserted[i], r->updated[i]);
  free(r);
  return EXIT_OK;
}

static int db_export(const char *db, const char *dir, bool json) {
  size_t rows[BC_IMPORT_TABLES];
  bc_error err;
  size_t total = 0;
  bc_error_clear(&err);
  if (bc_database_export(db, dir, rows, &err))
    return cli_fail_json(&err, json);
  for (int i = 0; i < BC_IMPORT_TABLES; i++)
    total += rows[i];
  if (json) {
    bc_buf more;
    bc_buf_init(&more, bc_allocator_default());
    cli_json_str(&more, "directory", dir, false);
    cli_json_size(&more, "rows", total, false);
    int rc = more.failed ? EXIT_NOMEM
                         : simple_json(db, "export", bc_buf_cstr(&more));
    bc_buf_free(&more);
    return rc;
  }
  printf("%s: %zu rows written into %s/\n", db, total, dir);
  return EXIT_OK;
}

/* `db load`: each file in its own transaction, in order; with json the
 * files loaded, and the error of the one that was not. */
static int
db_load(const char *db, const char **files, size_t count, bool json) {
  bc_error err;
  bc_buf b;
  int rc = EXIT_OK;
  bc_error_clear(&err);
  if (json) {
    cli_json_begin(&b);
    cli_json_str(&b, "database", db, true);
    cli_json_str(&b, "action", "load", false);
    bc_json_key(&b, "loaded", false);
    bc_buf_putc(&b, '[');
  }
  for (size_t i = 0; i < count; i++) {
    if (bc_database_load_sql(db, files[i], &err)) {
      rc = cli_fail(&err);
      break;
    }
    if (json) {
      if (i)
        bc_buf_putc(&b, ',');
      bc_json_string(&b, files[i]);
    } else {
      printf("%s: loaded %s\n", db, files[i]);
    }
  }
  if (!json)
    return rc;
  bc_buf_putc(&b, ']');
  if (rc)
    cli_json_error(&b, bc_error_key(err.code), rc, &err, NULL, false);
  return cli_json_end(&b, rc);
}

int cmd_db(int argc, char **argv) {
  cli_option opts[] = {{"help", 'h', false, NULL},
                       {"agency", 0, true, NULL},
                       {"period", 0, true, NULL},
                       {"json", 0, false, NULL}};
  const size_t nopts = sizeof opts / sizeof opts[0];
  const char *pos[1024];
  size_t npos;
  bc_error err;
  int rc;
  bool json;

  if (argc >= 2 && !strcmp(argv[1], "import-pdf"))
    return cmd_db_import_pdf(argc - 1, argv + 1);
  if (!cli_parse(argc - 1, argv + 1, opts, nopts, pos, 1024, &npos, "db"))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    fputs(db_usage, stdout);
    return EXIT_OK;
  }
  json = cli_get(opts, nopts, "json") != NULL;
  bc_error_clear(&err);
  if (npos == 2 && !strcmp(pos[0], "init")) {
    char more[64];
    if ((rc = bc_database_create(pos[1], &err)))
      return cli_fail_json(&err, json);
    snprintf(more, sizeof more, ",\"schema_version\":%d",
             BC_DATABASE_SCHEMA_VERSION);
    if (json)
      return simple_json(pos[1], "init", more);
    printf("%s: created\n", pos[1]);
    return EXIT_OK;
  }
  if (npos == 2 && !strcmp(pos[0], "upgrade")) {
    int from = 0;
    char more[64];
    if ((rc = bc_database_upgrade(pos[1], &from, &err)))
      return cli_fail_json(&err, json);
    snprintf(more, sizeof more, ",\"from_version\":%d,\"schema_version\":%d",
             from, BC_DATABASE_SCHEMA_VERSION);
    if (json)
      return simple_json(pos[1], "upgrade", more);
    if (from == BC_DATABASE_SCHEMA_VERSION)
      printf("%s: already schema version %d\n", pos[1], from);
    else
      printf("%s: upgraded from schema version %d to %d\n", pos[1], from,
             BC_DATABASE_SCHEMA_VERSION);
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "load"))
    return db_load(pos[1], pos + 2, npos - 2, json);
  if (npos >= 3 && !strcmp(pos[0], "import"))
    return db_import(pos[1], pos + 2, npos - 2, cli_get(opts, nopts, "agency"),
                     cli_get(opts, nopts, "period"), json);
  if (npos == 3 && !strcmp(pos[0], "export"))
    return db_export(pos[1], pos[2], json);
  fputs(db_usage, stderr);
  return EXIT_USAGE;
}
