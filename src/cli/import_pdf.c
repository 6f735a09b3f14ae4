/* cli/import_pdf.c: `baocao db import-pdf`: the data of received report
 * PDFs into an upper level's database, a line per file. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "baocao/exchange.h"
#include "common/json.h"

#include <stdio.h>
#include <string.h>

/* The result as one JSON object (docs/json/baocao-import-pdf.schema.json);
 * returns rc. r is NULL when the call failed before judging the files. */
static int print_json(const bc_import_pdf_result *r,
                      const bc_import_pdf_options *o,
                      const bc_error *failed,
                      int rc) {
  bc_buf b;
  cli_json_begin(&b);
  cli_json_str(&b, "database", o->db_path, true);
  cli_json_bool(&b, "committed", !failed, false);
  cli_json_size(&b, "imported",
                failed || !r ? 0 : bc_import_pdf_result_imported(r), false);
  cli_json_size(&b, "refused", r ? bc_import_pdf_result_refused(r) : 0, false);
  if (failed)
    cli_json_error(&b, bc_error_key(failed->code), rc, failed, NULL, false);
  bc_buf_puts(&b, ",\"files\":[");
  for (size_t i = 0; r && i < bc_import_pdf_result_file_count(r); i++) {
    const bc_import_pdf_file *f = bc_import_pdf_result_file(r, i);
    bc_buf_puts(&b, i ? ",{" : "{");
    cli_json_str(&b, "path", f->path, true);
    cli_json_bool(&b, "imported", !f->code && !failed, false);
    cli_json_str(&b, "message", f->message, false);
    cli_json_str(&b, "untrusted", f->untrusted, false);
    cli_json_bool(&b, "accepted_untrusted", !f->code && *f->untrusted, false);
    cli_json_str(&b, "verdict",
                 f->revisions ? cli_verdict_key(f->verdict) : "unreadable",
                 false);
    cli_json_str(&b, "reason", f->reason, false);
    cli_json_str(&b, "agency", f->agency, false);
    cli_json_str(&b, "period", f->period, false);
    cli_json_size(&b, "inserted", f->inserted, false);
    cli_json_size(&b, "unchanged", f->unchanged, false);
    cli_json_size(&b, "revisions", f->revisions, false);
    bc_json_key(&b, "signatures", false);
    cli_json_signatures(&b, f->signatures, f->signature_count);
    bc_buf_putc(&b, '}');
  }
  bc_buf_putc(&b, ']');
  return cli_json_end(&b, rc);
}

int cmd_db_import_pdf(int argc, char **argv) {
  cli_option opts[CLI_MAX_OPTIONS];
  cli_trust_config trust;
  const size_t nopts = cli_options(opts, "db import-pdf");
  const char *pos[4096];
  size_t npos;
  bc_import_pdf_options o = BC_IMPORT_PDF_OPTIONS_INIT;
  bc_import_pdf_result *r = NULL;
  size_t files = 0, imported = 0, refused = 0;
  bc_error err;
  struct timespec t0;
  int rc, verbosity;

  cli_now(&t0);
  if (!cli_parse(argc - 1, argv + 1, opts, nopts, pos, 4096, &npos,
                 "db import-pdf"))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    cli_help(stdout, "db import-pdf");
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
  if (!cli_verbosity(&verbosity, opts, nopts, "db import-pdf") ||
      !cli_trust(&trust, opts, nopts, "db import-pdf"))
    return EXIT_USAGE;
  cli_detail(verbosity, "db import-pdf", "into %s, trust anchors %s",
             o.db_path, trust.anchor ? trust.anchor : "(none)");
  o.trust = &trust.options;
  bool json = cli_get(opts, nopts, "json") != NULL;
  bc_error_clear(&err);
  rc = bc_database_import_pdfs(&r, &o, &err);
  if (json && rc)
    print_json(r, &o, &err, cli_exit_code(err.code));
  if (r) {
    files = bc_import_pdf_result_file_count(r);
    imported = bc_import_pdf_result_imported(r);
    refused = bc_import_pdf_result_refused(r);
  }
  for (size_t i = 0; i < files; i++) {
    const bc_import_pdf_file *f = bc_import_pdf_result_file(r, i);
    if (f->code)
      fprintf(stderr, _("baocao: %s\n"), f->message);
    else if (!rc && !json && verbosity > CLI_QUIET)
      printf(_("%s: %s %s: %zu values imported, %zu already there; %s%s%s%s%s\n"),
             f->path, f->agency, f->period, f->inserted, f->unchanged,
             f->signature, *f->signer ? _(" by ") : "", f->signer,
             *f->untrusted ? ": " : "", f->untrusted);
  }
  if (rc) {
    bc_import_pdf_result_free(r);
    return cli_fail(&err);
  }
  cli_detail(verbosity, "db import-pdf", "done in %.0f ms", cli_ms_since(&t0));
  if (!json && verbosity > CLI_QUIET)
    printf(ngettext("%zu file: %zu imported, %zu refused\n",
                    "%zu files: %zu imported, %zu refused\n", files),
           files, imported, refused);
  rc = refused ? EXIT_PARTIAL : EXIT_OK;
  if (json)
    rc = print_json(r, &o, NULL, rc);
  bc_import_pdf_result_free(r);
  return rc;
}
