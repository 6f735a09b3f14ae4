/* cli/import_pdf.c: `baocao db import-pdf`: the data of received report
 * PDFs into an upper level's database, a line per file. */
#include "cli/cli.h"

#include "baocao/exchange.h"

#include <stdio.h>
#include <string.h>

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
  cli_option opts[CLI_MAX_OPTIONS];
  cli_trust_config trust;
  const size_t nopts = cli_options(opts, "db import-pdf");
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
    cli_help(stdout, "db import-pdf");
    return EXIT_OK;
  }
  if (!cli_get(opts, nopts, "db") || !npos) {
    fputs("baocao db import-pdf: --db and at least one PDF or directory are "
          "required (see baocao db import-pdf --help)\n",
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
      printf("%s: %s %s: %zu values imported, %zu already there; %s%s%s%s%s\n",
             f->path, f->agency, f->period, f->inserted, f->unchanged,
             f->signature, *f->signer ? " by " : "", f->signer,
             *f->untrusted ? ": " : "", f->untrusted);
  }
  if (rc) {
    bc_import_pdf_result_free(&r);
    return cli_fail(&err);
  }
  if (!json)
    printf("%zu file%s: %zu imported, %zu refused\n", r.file_count,
           r.file_count == 1 ? "" : "s", r.imported, r.refused);
  rc = r.refused ? EXIT_PARTIAL : EXIT_OK;
  bc_import_pdf_result_free(&r);
  return rc;
}
