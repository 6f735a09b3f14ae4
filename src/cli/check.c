/* cli/check.c: `baocao check`: what would stop or spoil each report of a
 * period, listed per agency before a bulk run. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <string.h>

static const char check_usage[] =
    N_("Usage: baocao check --db FILE --period CODE [options]\n"
    "\n"
    "Checks every report of a period before a bulk run and lists, per\n"
    "agency, what would stop or spoil it: missing indicator values and\n"
    "narratives (with the template file:line:col that uses them), empty\n"
    "narratives, values of the wrong kind, no signer, no recipients, and\n"
    "any other error the render would stop with. Exits 0 only when every\n"
    "report is complete, 14 when some are not.\n"
    "\n"
    "  --db FILE            the baocao database (read only)\n"
    "  --period CODE        period code, e.g. 2023-Q3\n"
    "  --agencies A,B,...   only these agencies (default: every agency with\n"
    "                       a report in the period)\n"
    "  --template-dir DIR   the templates (default: $BAOCAO_TEMPLATE_DIR,\n"
    "                       else templates/ in the data directory)\n"
    "  --font-dir DIR       the Liberation Serif files (default:\n"
    "                       $BAOCAO_FONT_DIR, else fonts/ in the data\n"
    "                       directory that `baocao help` names)\n"
    "  -q, --quiet          print only the summary line\n"
    "  -h, --help           this text\n"
    "\n"
    "Example:\n"
    "  baocao check --db samples/baocao.db --period 2023-Q3\n");

/* Splits "A,B,,C" into codes (empty ones dropped), pointing into a copy
 * of value; the caller frees *codes and *copy. False when out of memory. */
static bool split_codes(const char ***codes,
                        size_t *count,
                        char **copy,
                        const char *value) {
  const bc_allocator *a = bc_allocator_default();
  size_t len = strlen(value), n = 1, k = 0;
  const char **list;
  char *s;
  for (const char *p = value; *p; p++)
    if (*p == ',')
      n++;
  list = a->malloc(n * sizeof *list, a->ud);
  s = a->malloc(len + 1, a->ud);
  if (!list || !s) {
    a->free(list, a->ud);
    a->free(s, a->ud);
    return false;
  }
  memcpy(s, value, len + 1);
  for (char *p = s, *end; p; p = end) {
    end = strchr(p, ',');
    if (end)
      *end++ = '\0';
    if (*p)
      list[k++] = p;
  }
  *codes = list;
  *count = k;
  *copy = s;
  return true;
}

/* "AGENCY PERIOD: n problems", naming the template when the agency has
 * several reports in the period, then one indented line per problem. */
static void
print_report(const bc_check_result *r, size_t i, const char *period) {
  const bc_check_report *rep = &r->reports[i];
  bool several = (i > 0 && !strcmp(r->reports[i - 1].agency, rep->agency)) ||
                 (i + 1 < r->report_count &&
                  !strcmp(r->reports[i + 1].agency, rep->agency));
  char line[4096];
  printf("%s %s", rep->agency, period);
  if (several && rep->template_name)
    printf(" (%s)", rep->template_name);
  printf(ngettext(": %zu problem\n", ": %zu problems\n", rep->problem_count),
         rep->problem_count);
  for (size_t k = 0; k < rep->problem_count; k++)
    printf("  %s\n",
           bc_check_problem_format(&rep->problems[k], line, sizeof line));
}

int cmd_check(int argc, char **argv) {
  cli_option opts[] = {
      {"db", 0, true, NULL},       {"period", 0, true, NULL},
      {"agencies", 0, true, NULL}, {"template-dir", 0, true, NULL},
      {"font-dir", 0, true, NULL}, {"quiet", 'q', false, NULL},
      {"help", 'h', false, NULL},
  };
  const size_t n = sizeof opts / sizeof opts[0];
  const char *pos[1];
  size_t npos;
  char font_buf[4096], tmpl_buf[4096];
  const char **codes = NULL, *agencies;
  char *codes_copy = NULL;
  bc_context_options copts = BC_CONTEXT_OPTIONS_INIT;
  bc_check_options kopts = BC_CHECK_OPTIONS_INIT;
  bc_check_result result;
  bc_context *ctx = NULL;
  bc_error err;
  int rc, code;

  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 0, &npos, "check"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    fputs(_(check_usage), stdout);
    return EXIT_OK;
  }
  kopts.db_path = cli_get(opts, n, "db");
  kopts.period = cli_get(opts, n, "period");
  agencies = cli_get(opts, n, "agencies");
  if (!kopts.db_path || !kopts.period) {
    fprintf(stderr, _("baocao check: --db and --period are required "
                    "(see baocao help check)\n"));
    return EXIT_USAGE;
  }
  bc_error_clear(&err);
  if (agencies) {
    if (!split_codes(&codes, &kopts.agency_count, &codes_copy, agencies)) {
      fputs(_("baocao: out of memory\n"), stderr);
      return EXIT_NOMEM;
    }
    kopts.agencies = codes;
    if (kopts.agency_count == 0) {
      fprintf(stderr, _("baocao check: --agencies takes agency codes separated "
                      "by commas\n"));
      code = EXIT_USAGE;
      goto cleanup;
    }
  }
  copts.font_dir =
      cli_font_dir(cli_get(opts, n, "font-dir"), font_buf, sizeof font_buf);
  copts.template_dir = cli_template_dir(cli_get(opts, n, "template-dir"),
                                        tmpl_buf, sizeof tmpl_buf);
  if ((rc = bc_context_new(&ctx, &copts, &err)) ||
      (rc = bc_check(&result, ctx, &kopts, &err))) {
    code = cli_fail(&err);
    goto cleanup;
  }
  if (!cli_get(opts, n, "quiet"))
    for (size_t i = 0; i < result.report_count; i++)
      if (result.reports[i].problem_count)
        print_report(&result, i, kopts.period);
  printf(ngettext("%zu report: %zu complete, %zu with problems\n",
                  "%zu reports: %zu complete, %zu with problems\n",
                  result.report_count),
         result.report_count, result.report_count - result.incomplete,
         result.incomplete);
  code = result.incomplete ? EXIT_INCOMPLETE : EXIT_OK;
  bc_check_result_free(&result);
cleanup:
  bc_context_free(ctx);
  bc_allocator_default()->free(codes, bc_allocator_default()->ud);
  bc_allocator_default()->free(codes_copy, bc_allocator_default()->ud);
  return code;
}
