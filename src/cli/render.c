/* cli/render.c: `baocao render`: one report to PDF, or as an editable
 * .docx or .odt draft. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <string.h>

static const char render_usage[] =
    N_("Usage: baocao render --db FILE --agency CODE --period CODE [options]\n"
    "\n"
    "Renders one agency's report for a period as a Decree 30 PDF, or as an\n"
    "editable draft (Word .docx, OpenDocument .odt) from the same data.\n"
    "\n"
    "  --db FILE            the baocao database (read only)\n"
    "  --agency CODE        agency code, e.g. STTTT-TV\n"
    "  --period CODE        period code, e.g. 2023-Q3\n"
    "  -o, --output FILE    the file to write (default out/AGENCY_PERIOD.pdf,\n"
    "                       .docx, .odt); written whole or not at all\n"
    "  --format FORMAT      pdf (default), docx or odt; without it, the\n"
    "                       extension of -o chooses\n"
    "  --template NAME      when the agency has several reports in the period\n"
    "  --font-dir DIR       the Liberation Serif files (default:\n"
    "                       $BAOCAO_FONT_DIR, else fonts/ in the data\n"
    "                       directory that `baocao help` names)\n"
    "  --template-dir DIR   the templates (default: $BAOCAO_TEMPLATE_DIR,\n"
    "                       else templates/ in the data directory)\n"
    "  --stats              print layout figures (pages, lines, spacing)\n"
    "  --blank-number-date  leave the number and the day and month blank for\n"
    "                       the văn thư, even when the database has them\n"
    "  --first-fit          break lines first fit instead of total fit\n"
    "                       (Knuth-Plass), to compare the two with --stats\n"
    "  --pdf-standard STD   a-3b (default): PDF/A-3b for archives, tagged for\n"
    "                       screen readers; none: a plain PDF 1.7\n"
    "  --no-expansion       justify with the spaces alone: no font expansion\n"
    "                       (glyphs up to 2 % wider or narrower, and letter\n"
    "                       spacing up to 0.01 em), to compare with --stats\n"
    "  --tone-style STYLE   where the tone mark of hòa/hoà, khỏe/khoẻ,\n"
    "                       thủy/thuỷ goes in everything the report prints:\n"
    "                       moi (hòa), cu (hoà) or giu (as typed); default:\n"
    "                       the template's kieu_dau, else as typed\n"
    "  -h, --help           this text\n"
    "\n"
    "Example:\n"
    "  baocao render --db samples/baocao.db --agency STTTT-TV \\\n"
    "      --period 2023-Q3 -o out/tra-vinh-2023-q3.pdf\n"
    "  baocao render --db samples/baocao.db --agency STTTT-TV \\\n"
    "      --period 2023-Q3 -o out/tra-vinh-2023-q3.docx\n");

bool cli_format(int *out,
                const char *flag,
                const char *output,
                const char *command) {
  int by_name = flag ? bc_format_from_name(flag) : -1;
  int by_path = output ? bc_format_from_path(output) : -1;
  if (flag && by_name < 0) {
    fprintf(stderr, _("baocao %s: --format takes pdf, docx or odt\n"), command);
    return false;
  }
  if (flag && by_path >= 0 && by_path != by_name) {
    fprintf(stderr, _("baocao %s: --format %s, but '%s' names a .%s file\n"),
            command, flag, output, bc_format_name((bc_format)by_path));
    return false;
  }
  *out = flag ? by_name : by_path >= 0 ? by_path : BC_FORMAT_PDF;
  return true;
}

bool cli_pdf_standard(const char *value,
                      const char *command,
                      bc_pdf_standard *out) {
  if (!value || !strcmp(value, "a-3b")) {
    *out = BC_PDF_STANDARD_A3B;
    return true;
  }
  if (!strcmp(value, "none")) {
    *out = BC_PDF_STANDARD_NONE;
    return true;
  }
  fprintf(stderr, _("baocao %s: --pdf-standard takes a-3b or none\n"), command);
  return false;
}

int cmd_render(int argc, char **argv) {
  cli_option opts[] = {
      {"db", 0, true, NULL},           {"agency", 0, true, NULL},
      {"period", 0, true, NULL},       {"output", 'o', true, NULL},
      {"template", 0, true, NULL},     {"font-dir", 0, true, NULL},
      {"template-dir", 0, true, NULL}, {"stats", 0, false, NULL},
      {"first-fit", 0, false, NULL},   {"blank-number-date", 0, false, NULL},
      {"no-expansion", 0, false, NULL}, {"tone-style", 0, true, NULL},
      {"help", 'h', false, NULL},       {"pdf-standard", 0, true, NULL},
      {"format", 0, true, NULL},
  };
  const size_t n = sizeof opts / sizeof opts[0];
  const char *pos[1];
  size_t npos;
  char font_buf[4096], tmpl_buf[4096], out_buf[512], suffix[8];
  bc_context_options copts = BC_CONTEXT_OPTIONS_INIT;
  bc_render_options ropts = BC_RENDER_OPTIONS_INIT;
  bc_render_result result;
  bc_context *ctx = NULL;
  bc_error err;
  int rc;

  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 0, &npos, "render"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    fputs(_(render_usage), stdout);
    return EXIT_OK;
  }
  ropts.db_path = cli_get(opts, n, "db");
  ropts.agency = cli_get(opts, n, "agency");
  ropts.period = cli_get(opts, n, "period");
  ropts.template_name = cli_get(opts, n, "template");
  ropts.output_path = cli_get(opts, n, "output");
  ropts.first_fit = cli_get(opts, n, "first-fit") != NULL;
  ropts.blank_number_date = cli_get(opts, n, "blank-number-date") != NULL;
  ropts.no_expansion = cli_get(opts, n, "no-expansion") != NULL;
  if (!cli_pdf_standard(cli_get(opts, n, "pdf-standard"), "render",
                        &ropts.pdf_standard) ||
      !cli_tones(cli_get(opts, n, "tone-style"), &ropts.tones, "render"))
    return EXIT_USAGE;
  if (!ropts.db_path || !ropts.agency || !ropts.period) {
    fprintf(stderr, _("baocao render: --db, --agency and --period are required "
                    "(see baocao help render)\n"));
    return EXIT_USAGE;
  }
  if (!cli_format(&ropts.format, cli_get(opts, n, "format"), ropts.output_path,
                  "render"))
    return EXIT_USAGE;
  if (!ropts.output_path) {
    snprintf(suffix, sizeof suffix, ".%s",
             bc_format_name((bc_format)ropts.format));
    if (!cli_default_output(out_buf, sizeof out_buf, ropts.agency, ropts.period,
                            suffix))
      return EXIT_OUTPUT;
    ropts.output_path = out_buf;
  }
  copts.font_dir =
      cli_font_dir(cli_get(opts, n, "font-dir"), font_buf, sizeof font_buf);
  copts.template_dir = cli_template_dir(cli_get(opts, n, "template-dir"),
                                        tmpl_buf, sizeof tmpl_buf);
  bc_error_clear(&err);
  if ((rc = bc_context_new(&ctx, &copts, &err)))
    return cli_fail(&err);
  rc = bc_render(&result, ctx, &ropts, &err);
  bc_context_free(ctx);
  if (rc)
    return cli_fail(&err);
  if (ropts.format != BC_FORMAT_PDF)
    printf(_("%s: %zu bytes\n"), ropts.output_path, result.bytes);
  else if (cli_get(opts, n, "stats"))
    printf(_("%s: %zu pages, %zu bytes, %zu lines, %zu overfull, %zu loose, "
           "%zu tight, %zu widows, %zu orphans; spaces p95 %.2fx, "
           "%zu over 1.6x; expansion up to %.1f%%\n"),
           ropts.output_path, result.pages, result.bytes, result.lines,
           result.overfull, result.loose, result.tight, result.widows,
           result.orphans, result.space_p95, result.very_loose,
           result.expansion_max * 100);
  else
    printf(_("%s: %zu pages, %zu bytes\n"), ropts.output_path, result.pages,
           result.bytes);
  return EXIT_OK;
}
