/* cli/db.c: `baocao db`: create a database, load SQL files into it. */
#include "cli/cli.h"

#include <string.h>

static const char db_usage[] =
    "Usage: baocao db init FILE\n"
    "       baocao db upgrade FILE\n"
    "       baocao db load FILE SQL...\n"
    "       baocao db import-pdf --db FILE [options] PDF|DIR...\n"
    "\n"
    "  init   creates an empty baocao database (schema version 2) at FILE;\n"
    "         FILE must not exist yet\n"
    "  upgrade brings a database of an earlier schema version to version 2,\n"
    "         in one transaction\n"
    "  load   runs each SQL file against the database, each in one\n"
    "         transaction: a file is loaded whole or not at all\n"
    "  import-pdf imports the data received report PDFs carry (see\n"
    "         baocao db import-pdf --help)\n";

int cmd_db(int argc, char **argv) {
  cli_option opts[] = {{"help", 'h', false, NULL}};
  const char *pos[64];
  size_t npos;
  bc_error err;
  int rc;

  if (argc >= 2 && !strcmp(argv[1], "import-pdf"))
    return cmd_db_import_pdf(argc - 1, argv + 1);
  if (!cli_parse(argc - 1, argv + 1, opts, 1, pos, 64, &npos, "db"))
    return EXIT_USAGE;
  if (cli_get(opts, 1, "help")) {
    fputs(db_usage, stdout);
    return EXIT_OK;
  }
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
    if (from == 2)
      printf("%s: already schema version 2\n", pos[1]);
    else
      printf("%s: upgraded from schema version %d to 2\n", pos[1], from);
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
  fputs(db_usage, stderr);
  return EXIT_USAGE;
}
