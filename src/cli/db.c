/* cli/db.c: `baocao db`: create a database, load SQL files into it, import
 * CSV and Markdown, export CSV. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "common/json.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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
                     const bc_import_options *opts,
                     int verbosity,
                     bool json) {
  const char *agency = opts->agency, *period = opts->period;
  size_t dashes = 0;
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
    fputs(_("baocao db import: --table names the table of standard input (-), "
          "which is not among the files\n"),
          stderr);
    free(r);
    return EXIT_USAGE;
  }
  rc = bc_database_import(r, db, files, count, opts, &err);
  for (size_t i = 0; i < r->problems_kept; i++)
    fprintf(stderr, _("baocao: %s\n"), r->problems[i]);
  if (r->problem_count > r->problems_kept)
    fprintf(stderr, _("baocao: \xE2\x80\xA6 and %zu more\n"),
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
  for (int i = 0; i < BC_IMPORT_TABLES && verbosity > CLI_QUIET; i++)
    if (r->inserted[i] || r->updated[i])
      printf(_("%s: %s: %zu inserted, %zu updated\n"), db, r->table[i],
             r->inserted[i], r->updated[i]);
  free(r);
  return EXIT_OK;
}

static int db_export(const char *db, const char *dir, int verbosity, bool json) {
  size_t rows[BC_IMPORT_TABLES];
  bc_error err;
  size_t total = 0;
  bc_error_clear(&err);
  if (bc_database_export(rows, db, dir, cli_temp_hook(), NULL, &err))
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
  if (verbosity > CLI_QUIET)
    printf(_("%s: %zu rows written into %s/\n"), db, total, dir);
  return EXIT_OK;
}

/* `db load`: each file in its own transaction, in order; with json the
 * files loaded, and the error of the one that was not. */
static int
db_load(const char *db,
        const char **files,
        size_t count,
        int verbosity,
        bool json) {
  bc_error err;
  bc_buf b;
  size_t dashes = 0;
  int rc = EXIT_OK;
  bc_error_clear(&err);
  for (size_t i = 0; i < count; i++)
    dashes += !strcmp(files[i], "-");
  if (dashes > 1) {
    fputs(_("baocao db load: standard input (-) can be read once\n"), stderr);
    return EXIT_USAGE;
  }
  if (json) {
    cli_json_begin(&b);
    cli_json_str(&b, "database", db, true);
    cli_json_str(&b, "action", "load", false);
    bc_json_key(&b, "loaded", false);
    bc_buf_putc(&b, '[');
  }
  for (size_t i = 0; i < count; i++) {
    /* - is standard input; ./- a file of that name */
    bool from_stdin = !strcmp(files[i], "-");
    const char *name = from_stdin ? "<stdin>" : files[i];
    struct timespec t1;
    cli_now(&t1);
    if (from_stdin ? bc_database_load_sql_fd(db, STDIN_FILENO, name, NULL, &err)
                   : bc_database_load_sql(db, files[i], NULL, &err)) {
      rc = cli_fail(&err);
      break;
    }
    if (json) {
      if (i)
        bc_buf_putc(&b, ',');
      bc_json_string(&b, name);
    } else if (verbosity > CLI_QUIET) {
      printf(_("%s: loaded %s\n"), db, name);
    }
    cli_detail(verbosity, "db load", "%s in %.0f ms", name, cli_ms_since(&t1));
  }
  if (!json)
    return rc;
  bc_buf_putc(&b, ']');
  if (rc)
    cli_json_error(&b, bc_error_key(err.code), rc, &err, NULL, false);
  return cli_json_end(&b, rc);
}

/* `baocao db` alone: its help on stderr, exit 2. */
static int db_usage(void) {
  cli_help(stderr, "db");
  return EXIT_USAGE;
}

int cmd_db(int argc, char **argv) {
  cli_option opts[CLI_MAX_OPTIONS];
  const char *pos[1024];
  char name[64];
  size_t npos, nopts;
  bc_error err;
  struct timespec t0;
  int rc, verbosity;
  bool json;

  cli_now(&t0);
  if (argc < 2)
    return db_usage();
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    cli_help(stdout, "db");
    return EXIT_OK;
  }
  if (!strcmp(argv[1], "import-pdf"))
    return cmd_db_import_pdf(argc - 1, argv + 1);
  /* Each subcommand parses its own options (help.c: "db init" ...). */
  snprintf(name, sizeof name, "db %s", argv[1]);
  if (argv[1][0] == '-' || strchr(argv[1], ' ') || !cli_command_find(name)) {
    fprintf(stderr, _("baocao db: no command '%s' (see baocao help db)\n"),
            argv[1]);
    return EXIT_USAGE;
  }
  nopts = cli_options(opts, name);
  if (!cli_parse(argc - 2, argv + 2, opts, nopts, pos + 1, 1023, &npos,
                 name))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    cli_help(stdout, name);
    return EXIT_OK;
  }
  if (!cli_verbosity(&verbosity, opts, nopts, name))
    return EXIT_USAGE;
  pos[0] = argv[1];
  npos++;
  json = cli_get(opts, nopts, "json") != NULL;
  bc_error_clear(&err);
  if (npos == 2 && !strcmp(pos[0], "init")) {
    char more[64];
    if ((rc = bc_database_create(pos[1], NULL, &err)))
      return cli_fail_json(&err, json);
    snprintf(more, sizeof more, ",\"schema_version\":%d",
             BC_DATABASE_SCHEMA_VERSION);
    if (json)
      return simple_json(pos[1], "init", more);
    if (verbosity > CLI_QUIET)
      printf(_("%s: created\n"), pos[1]);
    cli_detail(verbosity, "db init", "schema version %d in %.0f ms",
               BC_DATABASE_SCHEMA_VERSION, cli_ms_since(&t0));
    return EXIT_OK;
  }
  if (npos == 2 && !strcmp(pos[0], "upgrade")) {
    int from = 0;
    char more[64];
    if ((rc = bc_database_upgrade(&from, pos[1], NULL, &err)))
      return cli_fail_json(&err, json);
    snprintf(more, sizeof more, ",\"from_version\":%d,\"schema_version\":%d",
             from, BC_DATABASE_SCHEMA_VERSION);
    if (json)
      return simple_json(pos[1], "upgrade", more);
    cli_detail(verbosity, "db upgrade", "done in %.0f ms", cli_ms_since(&t0));
    if (verbosity == CLI_QUIET)
      ;
    else if (from == BC_DATABASE_SCHEMA_VERSION)
      printf(_("%s: already schema version %d\n"), pos[1], from);
    else
      printf(_("%s: upgraded from schema version %d to %d\n"), pos[1], from,
             BC_DATABASE_SCHEMA_VERSION);
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "load"))
    return db_load(pos[1], pos + 2, npos - 2, verbosity, json);
  if (npos >= 3 && !strcmp(pos[0], "import")) {
    bc_import_options io = BC_IMPORT_OPTIONS_INIT;
    io.agency = cli_get(opts, nopts, "agency");
    io.period = cli_get(opts, nopts, "period");
    io.stdin_table = cli_get(opts, nopts, "table");
    rc = db_import(pos[1], pos + 2, npos - 2, &io, verbosity, json);
    cli_detail(verbosity, "db import", "done in %.0f ms", cli_ms_since(&t0));
    return rc;
  }
  if (npos == 3 && !strcmp(pos[0], "export")) {
    rc = db_export(pos[1], pos[2], verbosity, json);
    cli_detail(verbosity, "db export", "done in %.0f ms", cli_ms_since(&t0));
    return rc;
  }
  /* the wrong number of words: the subcommand's help */
  cli_help(stderr, name);
  return EXIT_USAGE;
}
