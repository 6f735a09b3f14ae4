/* cli/import_pdf.c: `baocao db import-pdf`: the data of received report
 * PDFs into an upper level's database, a line per file. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "baocao/exchange.h"

#include <stdio.h>
#include <string.h>

static const char import_pdf_usage[] =
    /* Not translated yet: CLI_TRUST_USAGE sits inside. */
    "Usage: baocao db import-pdf --db FILE [options] PDF|DIR...\n"
    "\n"
    "Imports the data that report PDFs rendered by baocao carry (their\n"
    "baocao-data.json) into an upper level's database, e.g. the sở's\n"
    "reports into UBND tỉnh's, so that its report totals them. A directory\n"
    "means its *.pdf files. Everything is imported in one transaction.\n"
    "\n"
    "  --db FILE          the database to import into (baocao db init)\n"
    "  --period CODE      refuse files that hold another period's data\n"
    "  --parent CODE      agencies the database does not have yet are added\n"
    "                     under this one (their values count in its tong.)\n"
    "  --accept-unsigned  also import files that are not signed\n"
    "  --accept-untrusted also import signed files whose certificates are\n"
    "                     not trusted or not bound to the agency (said so)\n"
    "  --keep-going       import the good files when some are refused\n"
    "                     (exit 15); without it one refused file imports\n"
    "                     nothing\n"
    "  --json             print the result as JSON (docs/verify.schema.json)\n"
    "  -h, --help         this text\n"
    "Trust (as for baocao verify):\n" CLI_TRUST_USAGE
    "\n"
    "A file is imported when its data is covered by a valid signature and\n"
    "nothing after that signature was changed but other signatures. A file\n"
    "whose signature does not check out, that was changed after signing or\n"
    "whose signature was removed is refused whatever the options (exit 13).\n"
    "A value that differs from the one the database already has refuses\n"
    "the file: nothing is ever overwritten.\n"
    "\n"
    "A signed file is imported only when every signature comes from a\n"
    "trusted certificate and the agency's seal (ky_co_quan) from one bound\n"
    "to the agency whose data it carries (baocao db import DB\n"
    "agency_certificates.csv); the signer's signature does not stand in for\n"
    "the seal. Otherwise it is refused (exit 17) unless --accept-untrusted.\n";

/* The result as one JSON object (docs/verify.schema.json, "import"). */
static void print_json(const bc_import_pdf_result *r,
                       const bc_import_pdf_options *o,
                       const bc_error *failed) {
  fputs("{\"database\": ", stdout);
  cli_json_string(stdout, o->db_path);
  fprintf(stdout, ", \"committed\": %s, \"imported\": %zu, \"refused\": %zu",
          failed ? "false" : "true", failed ? 0 : r->imported, r->refused);
  if (failed) {
    fputs(", \"error\": ", stdout);
    cli_json_string(stdout, failed->message);
  }
  fputs(", \"files\": [", stdout);
  for (size_t i = 0; i < r->file_count; i++) {
    const bc_import_pdf_file *f = &r->files[i];
    fputs(i ? ", {\"path\": " : "{\"path\": ", stdout);
    cli_json_string(stdout, f->path);
    fprintf(stdout, ", \"imported\": %s, \"message\": ",
            !f->code && !failed ? "true" : "false");
    cli_json_string(stdout, f->message);
    fputs(", \"untrusted\": ", stdout);
    cli_json_string(stdout, f->untrusted);
    fprintf(stdout, ", \"accepted_untrusted\": %s",
            !f->code && *f->untrusted ? "true" : "false");
    fprintf(stdout, ", \"verdict\": \"%s\", \"reason\": ",
            f->revisions ? cli_verdict_key(f->verdict) : "unreadable");
    cli_json_string(stdout, f->reason);
    fputs(", \"agency\": ", stdout);
    cli_json_string(stdout, f->agency);
    fputs(", \"period\": ", stdout);
    cli_json_string(stdout, f->period);
    fprintf(stdout,
            ", \"inserted\": %zu, \"unchanged\": %zu, \"revisions\": %zu, "
            "\"signatures\": ",
            f->inserted, f->unchanged, f->revisions);
    cli_json_signatures(stdout, f->signatures, f->signature_count);
    fputc('}', stdout);
  }
  fputs("]}\n", stdout);
}

int cmd_db_import_pdf(int argc, char **argv) {
  cli_option opts[] = {
      {"db", 0, true, NULL},          {"period", 0, true, NULL},
      {"parent", 0, true, NULL},      {"accept-unsigned", 0, false, NULL},
      {"keep-going", 0, false, NULL}, {"json", 0, false, NULL},
      {"help", 'h', false, NULL},     {"accept-untrusted", 0, false, NULL},
      CLI_TRUST_OPTIONS};
  cli_trust_config trust;
  const size_t nopts = sizeof opts / sizeof opts[0];
  const char *pos[4096];
  size_t npos;
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result r;
  bc_error err;
  int rc;

  if (!cli_parse(argc - 1, argv + 1, opts, nopts, pos, 4096, &npos,
                 "db import-pdf"))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    fputs(_(import_pdf_usage), stdout);
    return EXIT_OK;
  }
  if (!cli_get(opts, nopts, "db") || !npos) {
    fputs(_("baocao db import-pdf: --db and at least one PDF or directory are "
          "required (see baocao db import-pdf --help)\n"),
          stderr);
    return EXIT_USAGE;
  }
  o.db_path = cli_get(opts, nopts, "db");
  o.paths = pos;
  o.path_count = npos;
  o.period = cli_get(opts, nopts, "period");
  o.parent = cli_get(opts, nopts, "parent");
  o.accept_unsigned = cli_get(opts, nopts, "accept-unsigned") != NULL;
  o.keep_going = cli_get(opts, nopts, "keep-going") != NULL;
  o.accept_untrusted = cli_get(opts, nopts, "accept-untrusted") != NULL;
  if (!cli_trust(&trust, opts, nopts, "db import-pdf"))
    return EXIT_USAGE;
  o.trust = &trust.options;
  bool json = cli_get(opts, nopts, "json") != NULL;
  bc_error_clear(&err);
  rc = bc_import_pdfs(&r, &o, &err);
  if (json)
    print_json(&r, &o, rc ? &err : NULL);
  for (size_t i = 0; i < r.file_count; i++) {
    const bc_import_pdf_file *f = &r.files[i];
    if (f->code)
      fprintf(stderr, "baocao: %s\n", f->message);
    else if (!rc && !json)
      printf(_("%s: %s %s: %zu values imported, %zu already there; %s%s%s%s%s\n"),
             f->path, f->agency, f->period, f->inserted, f->unchanged,
             f->signature, *f->signer ? _(" by ") : "", f->signer,
             *f->untrusted ? ": " : "", f->untrusted);
  }
  if (rc) {
    bc_import_pdf_result_free(&r);
    return cli_fail(&err);
  }
  if (!json)
    printf(ngettext("%zu file: %zu imported, %zu refused\n",
                    "%zu files: %zu imported, %zu refused\n", r.file_count),
           r.file_count, r.imported, r.refused);
  rc = r.refused ? EXIT_PARTIAL : EXIT_OK;
  bc_import_pdf_result_free(&r);
  return rc;
}
