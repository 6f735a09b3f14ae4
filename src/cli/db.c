/* cli/db.c: `baocao db`: create a database, load SQL files into it, import
 * CSV and Markdown, export CSV. */
#include "cli/cli.h"

#include <stdlib.h>
#include <string.h>

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

static int db_export(const char *db, const char *dir) {
  size_t rows[BC_IMPORT_TABLES];
  bc_error err;
  size_t total = 0;
  bc_error_clear(&err);
  if (bc_database_export(db, dir, rows, &err))
    return cli_fail(&err);
  for (int i = 0; i < BC_IMPORT_TABLES; i++)
    total += rows[i];
  printf("%s: %zu rows written into %s/\n", db, total, dir);
  return EXIT_OK;
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
  int rc;

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
    fprintf(stderr, "baocao db: no command '%s' (see baocao help db)\n",
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
  pos[0] = argv[1];
  npos++;
  bc_error_clear(&err);
  if (npos == 2 && !strcmp(pos[0], "init")) {
    if ((rc = bc_database_create(pos[1], &err)))
      return cli_fail(&err);
    printf("%s: created\n", pos[1]);
    return EXIT_OK;
  }
  if (npos == 2 && !strcmp(pos[0], "upgrade")) {
    int from = 0;
    if ((rc = bc_database_upgrade(pos[1], &from, &err)))
      return cli_fail(&err);
    if (from == BC_DATABASE_SCHEMA_VERSION)
      printf("%s: already schema version %d\n", pos[1], from);
    else
      printf("%s: upgraded from schema version %d to %d\n", pos[1], from,
             BC_DATABASE_SCHEMA_VERSION);
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "load")) {
    for (size_t i = 2; i < npos; i++) {
      if ((rc = bc_database_load_sql(pos[1], pos[i], &err)))
        return cli_fail(&err);
      printf("%s: loaded %s\n", pos[1], pos[i]);
    }
    return EXIT_OK;
  }
  if (npos >= 3 && !strcmp(pos[0], "import"))
    return db_import(pos[1], pos + 2, npos - 2, cli_get(opts, nopts, "agency"),
                     cli_get(opts, nopts, "period"));
  if (npos == 3 && !strcmp(pos[0], "export"))
    return db_export(pos[1], pos[2]);
  /* the wrong number of words: the subcommand's help */
  cli_help(stderr, name);
  return EXIT_USAGE;
}
