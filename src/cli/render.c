/* cli/render.c: `baocao render`: one report to PDF, or as an editable
 * .docx or .odt draft. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "common/json.h"

#include <string.h>
#include <time.h>
#include <unistd.h>

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

/* The result as one JSON object (docs/json/baocao-render.schema.json). */
static int
print_json(const bc_render_options *o, const bc_render_result *r, bool stats) {
  bc_buf b;
  bool pdf = o->format == BC_FORMAT_PDF;
  cli_json_begin(&b);
  cli_json_str(&b, "output", o->output_path, true);
  cli_json_str(&b, "format", bc_format_name((bc_format)o->format), false);
  cli_json_str(&b, "agency", o->agency, false);
  cli_json_str(&b, "period", o->period, false);
  bc_json_key(&b, "template", false);
  bc_json_string(&b, o->template_name);
  bc_json_key(&b, "pages", false);
  if (pdf)
    bc_buf_printf(&b, "%zu", r->pages);
  else
    bc_buf_puts(&b, "null");
  cli_json_size(&b, "bytes", r->bytes, false);
  cli_json_str(&b, "sha256", r->sha256, false);
  if (stats && pdf) {
    bc_json_key(&b, "stats", false);
    bc_buf_putc(&b, '{');
    cli_json_size(&b, "lines", r->lines, true);
    cli_json_size(&b, "overfull", r->overfull, false);
    cli_json_size(&b, "loose", r->loose, false);
    cli_json_size(&b, "tight", r->tight, false);
    cli_json_size(&b, "widows", r->widows, false);
    cli_json_size(&b, "orphans", r->orphans, false);
    cli_json_double(&b, "space_p95", r->space_p95, false);
    cli_json_size(&b, "very_loose", r->very_loose, false);
    cli_json_double(&b, "expansion_max", r->expansion_max, false);
    bc_buf_putc(&b, '}');
  }
  return cli_json_end(&b, EXIT_OK);
}

int cmd_render(int argc, char **argv) {
  cli_option opts[CLI_MAX_OPTIONS];
  const size_t n = cli_options(opts, "render");
  const char *pos[1];
  size_t npos;
  cli_font_choice fonts;
  char tmpl_buf[4096], out_buf[512], suffix[8];
  bc_context_options copts = BC_CONTEXT_OPTIONS_INIT;
  bc_render_options ropts = BC_RENDER_OPTIONS_INIT;
  bc_render_result result;
  bc_context *ctx = NULL;
  bc_error err;
  struct timespec t0;
  FILE *status = stdout; /* stderr when stdout carries the file */
  const char *shown;
  int rc, verbosity;
  bool json;

  cli_now(&t0);
  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 0, &npos, "render"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    cli_help(stdout, "render");
    return EXIT_OK;
  }
  json = cli_get(opts, n, "json") != NULL;
  ropts.db_path = cli_get(opts, n, "db");
  ropts.agency = cli_get(opts, n, "agency");
  ropts.period = cli_get(opts, n, "period");
  ropts.template_name = cli_get(opts, n, "template");
  ropts.output_path = cli_get(opts, n, "output");
  ropts.first_fit = cli_get(opts, n, "first-fit") != NULL;
  ropts.blank_number_date = cli_get(opts, n, "blank-number-date") != NULL;
  ropts.no_expansion = cli_get(opts, n, "no-expansion") != NULL;
  if (!cli_verbosity(&verbosity, opts, n, "render") ||
      !cli_pdf_standard(cli_get(opts, n, "pdf-standard"), "render",
                        &ropts.pdf_standard) ||
      !cli_tones(cli_get(opts, n, "tone-style"), &ropts.tones, "render"))
    return EXIT_USAGE;
  if (!ropts.db_path || !ropts.agency || !ropts.period) {
    fprintf(stderr, _("baocao render: --db, --agency and --period are required "
                    "(see baocao help render)\n"));
    return EXIT_USAGE;
  }
  if (ropts.output_path && !strcmp(ropts.output_path, "-")) {
    /* -o -: the bytes on stdout, every other line on stderr. */
    ropts.output_path = NULL;
    ropts.output_fd = STDOUT_FILENO;
    status = stderr;
    if (json) {
      fputs(_("baocao render: -o - and --json both want standard output\n"),
            stderr);
      return EXIT_USAGE;
    }
  }
  if (!cli_format(&ropts.format, cli_get(opts, n, "format"), ropts.output_path,
                  "render"))
    return EXIT_USAGE;
  int fonts_rc = cli_fonts(&fonts, cli_get(opts, n, "font-dir"),
                           cli_get(opts, n, "font-family"), "render");
  if (fonts_rc)
    return fonts_rc;
  if (ropts.output_fd &&
      !cli_stdout_for_bytes("render",
                            ropts.format == BC_FORMAT_PDF ? "a PDF"
                            : ropts.format == BC_FORMAT_DOCX
                                ? "a .docx draft"
                                : "an .odt draft"))
    return EXIT_USAGE;
  if (!ropts.output_path && !ropts.output_fd) {
    snprintf(suffix, sizeof suffix, ".%s",
             bc_format_name((bc_format)ropts.format));
    if (!cli_default_output(out_buf, sizeof out_buf, ropts.agency, ropts.period,
                            suffix)) {
      bc_error_clear(&err);
      snprintf(err.message, sizeof err.message,
               "cannot create directory 'out'");
      err.code = BC_EIO;
      if (json) {
        bc_buf b;
        cli_json_begin(&b);
        cli_json_error(&b, bc_error_key(BC_EIO), EXIT_OUTPUT, &err, NULL, true);
        return cli_json_end(&b, EXIT_OUTPUT);
      }
      return EXIT_OUTPUT;
    }
    ropts.output_path = out_buf;
  }
  copts.temp_hook = cli_temp_hook();
  copts.threads = cli_render_threads();
  copts.font_dir = fonts.dir;
  copts.font_family = fonts.family;
  copts.template_dir = cli_template_dir(cli_get(opts, n, "template-dir"),
                                        tmpl_buf, sizeof tmpl_buf);
  shown = ropts.output_path ? ropts.output_path : _("standard output");
  cli_detail(verbosity, "render", "database %s, fonts %s, templates %s",
             ropts.db_path, copts.font_dir, copts.template_dir);
  cli_detail(verbosity, "render", "writing %s as %s", shown,
             bc_format_name((bc_format)ropts.format));
  bc_error_clear(&err);
  if ((rc = bc_context_new(&ctx, &copts, &err)))
    return cli_fail_json(&err, json);
  cli_detail(verbosity, "render", "fonts and templates loaded in %.0f ms",
             cli_ms_since(&t0));
  /* The file's digest is printed with --json and -v only. */
  ropts.no_sha256 = !json && verbosity < CLI_VERBOSE;
  rc = bc_render(&result, ctx, &ropts, &err);
  bc_context_free(ctx);
  if (rc)
    return cli_fail_json(&err, json);
  if (json)
    return print_json(&ropts, &result, cli_get(opts, n, "stats") != NULL);
  /* --stats is asked for: -q does not silence it. */
  if (ropts.format == BC_FORMAT_PDF && cli_get(opts, n, "stats"))
    fprintf(status,
            _("%s: %zu pages, %zu bytes, %zu lines, %zu overfull, %zu loose, "
              "%zu tight, %zu widows, %zu orphans; spaces p95 %.2fx, "
              "%zu over 1.6x; expansion up to %.1f%%\n"),
            shown, result.pages, result.bytes, result.lines, result.overfull,
            result.loose, result.tight, result.widows, result.orphans,
            result.space_p95, result.very_loose, result.expansion_max * 100);
  else if (verbosity == CLI_QUIET)
    ;
  else if (ropts.format != BC_FORMAT_PDF)
    fprintf(status, _("%s: %zu bytes\n"), shown, result.bytes);
  else
    fprintf(status, _("%s: %zu pages, %zu bytes\n"), shown, result.pages,
            result.bytes);
  cli_detail(verbosity, "render", "sha256 %s", result.sha256);
  cli_detail(verbosity, "render", "done in %.0f ms", cli_ms_since(&t0));
  return EXIT_OK;
}
