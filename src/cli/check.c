/* cli/check.c: `baocao check`: what would stop or spoil each report of a
 * period, listed per agency before a bulk run. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "common/error.h"
#include "common/json.h"

#include <string.h>

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
  const bc_check_report *rep = bc_check_result_report(r, i);
  const bc_check_report *prev = i ? bc_check_result_report(r, i - 1) : NULL;
  const bc_check_report *next = bc_check_result_report(r, i + 1);
  bool several = (prev && !strcmp(prev->agency, rep->agency)) ||
                 (next && !strcmp(next->agency, rep->agency));
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

/* The kind's key in the JSON (docs/json/baocao-check.schema.json). */
static const char *kind_key(bc_check_kind k) {
  switch (k) {
  case BC_CHECK_MISSING_VALUE:
    return "missing_value";
  case BC_CHECK_MISSING_NARRATIVE:
    return "missing_narrative";
  case BC_CHECK_EMPTY_NARRATIVE:
    return "empty_narrative";
  case BC_CHECK_INVALID_VALUE:
    return "invalid_value";
  case BC_CHECK_BROKEN_NARRATIVE:
    return "broken_narrative";
  case BC_CHECK_NO_SIGNER:
    return "no_signer";
  case BC_CHECK_NO_RECIPIENTS:
    return "no_recipients";
  default:
    return "failed";
  }
}

/* A position as "file", "line", "column" (null when it has none). */
static void
put_position(bc_buf *b, const char *file, int line, int column, bool first) {
  bc_json_key(b, "file", first);
  bc_json_string(b, file);
  bc_json_key(b, "line", false);
  if (file && line > 0)
    bc_buf_printf(b, "%d", line);
  else
    bc_buf_puts(b, "null");
  bc_json_key(b, "column", false);
  if (file && column > 0)
    bc_buf_printf(b, "%d", column);
  else
    bc_buf_puts(b, "null");
}

/* Every report, complete or not, with its problems. */
static int print_json(const bc_check_result *r, const char *period, int rc) {
  bc_buf b;
  char line[4096];
  cli_json_begin(&b);
  cli_json_str(&b, "period", period, true);
  const size_t total = bc_check_result_report_count(r);
  const size_t incomplete = bc_check_result_incomplete(r);
  cli_json_size(&b, "total", total, false);
  cli_json_size(&b, "complete", total - incomplete, false);
  cli_json_size(&b, "incomplete", incomplete, false);
  bc_json_key(&b, "reports", false);
  bc_buf_putc(&b, '[');
  for (size_t i = 0; i < total; i++) {
    const bc_check_report *rep = bc_check_result_report(r, i);
    bc_buf_puts(&b, i ? ",{" : "{");
    cli_json_str(&b, "agency", rep->agency, true);
    bc_json_key(&b, "template", false);
    bc_json_string(&b, rep->template_name);
    cli_json_bool(&b, "complete", rep->problem_count == 0, false);
    bc_json_key(&b, "problems", false);
    bc_buf_putc(&b, '[');
    for (size_t k = 0; k < rep->problem_count; k++) {
      const bc_check_problem *p = &rep->problems[k];
      bc_buf_puts(&b, k ? ",{" : "{");
      cli_json_str(&b, "kind", kind_key(p->kind), true);
      bc_json_key(&b, "code", false);
      bc_json_string(&b, p->code ? bc_error_key(p->code) : NULL);
      bc_json_key(&b, "name", false);
      bc_json_string(&b, p->name);
      cli_json_str(&b, "message", p->message, false);
      cli_json_str(&b, "text", bc_check_problem_format(p, line, sizeof line),
                   false);
      put_position(&b, p->file, p->line, p->column, false);
      bc_json_key(&b, "via", false);
      if (p->via_file) {
        bc_buf_putc(&b, '{');
        put_position(&b, p->via_file, p->via_line, p->via_column, true);
        bc_buf_putc(&b, '}');
      } else {
        bc_buf_puts(&b, "null");
      }
      bc_buf_putc(&b, '}');
    }
    bc_buf_puts(&b, "]}");
  }
  bc_buf_putc(&b, ']');
  return cli_json_end(&b, rc);
}

int cmd_check(int argc, char **argv) {
  cli_option opts[CLI_MAX_OPTIONS];
  const size_t n = cli_options(opts, "check");
  const char *pos[1];
  size_t npos;
  cli_font_choice fonts;
  char tmpl_buf[4096];
  const char **codes = NULL, *agencies;
  char *codes_copy = NULL;
  bc_context_options copts = BC_CONTEXT_OPTIONS_INIT;
  bc_check_options kopts = BC_CHECK_OPTIONS_INIT;
  bc_check_result *result = NULL;
  size_t total, incomplete;
  bc_context *ctx = NULL;
  bc_error err;
  struct timespec t0;
  int rc, code, verbosity;
  bool json;

  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 0, &npos, "check"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    cli_help(stdout, "check");
    return EXIT_OK;
  }
  cli_now(&t0);
  if (!cli_verbosity(&verbosity, opts, n, "check"))
    return EXIT_USAGE;
  kopts.db_path = cli_get(opts, n, "db");
  kopts.period = cli_get(opts, n, "period");
  agencies = cli_get(opts, n, "agencies");
  json = cli_get(opts, n, "json") != NULL;
  if (!kopts.db_path || !kopts.period) {
    fprintf(stderr, _("baocao check: --db and --period are required "
                    "(see baocao help check)\n"));
    return EXIT_USAGE;
  }
  bc_error_clear(&err);
  if (agencies) {
    if (!split_codes(&codes, &kopts.agency_count, &codes_copy, agencies)) {
      bc_error_set(&err, BC_ENOMEM, "out of memory");
      return cli_fail_json(&err, json);
    }
    kopts.agencies = codes;
    if (kopts.agency_count == 0) {
      fprintf(stderr, _("baocao check: --agencies takes agency codes separated "
                      "by commas\n"));
      code = EXIT_USAGE;
      goto cleanup;
    }
  }
  if ((code = cli_fonts(&fonts, cli_get(opts, n, "font-dir"),
                        cli_get(opts, n, "font-family"), "check")))
    goto cleanup;
  copts.font_dir = fonts.dir;
  copts.font_family = fonts.family;
  copts.template_dir = cli_template_dir(cli_get(opts, n, "template-dir"),
                                        tmpl_buf, sizeof tmpl_buf);
  cli_detail(verbosity, "check", "database %s, fonts %s, templates %s",
             kopts.db_path, copts.font_dir, copts.template_dir);
  if ((rc = bc_context_new(&ctx, &copts, &err)) ||
      (rc = bc_check(&result, ctx, &kopts, &err))) {
    code = cli_fail_json(&err, json);
    goto cleanup;
  }
  total = bc_check_result_report_count(result);
  incomplete = bc_check_result_incomplete(result);
  code = incomplete ? EXIT_INCOMPLETE : EXIT_OK;
  if (json) {
    code = print_json(result, kopts.period, code);
    bc_check_result_free(result);
    goto cleanup;
  }
  for (size_t i = 0; i < total && verbosity > CLI_QUIET; i++) {
    const bc_check_report *rep = bc_check_result_report(result, i);
    if (rep->problem_count)
      print_report(result, i, kopts.period);
    else
      cli_detail(verbosity, "check", "%s %s%s%s: complete", rep->agency,
                 kopts.period, rep->template_name ? " " : "",
                 rep->template_name ? rep->template_name : "");
  }
  if (verbosity > CLI_QUIET)
    printf(ngettext("%zu report: %zu complete, %zu with problems\n",
                    "%zu reports: %zu complete, %zu with problems\n", total),
           total, total - incomplete, incomplete);
  cli_detail(verbosity, "check", "done in %.0f ms", cli_ms_since(&t0));
  bc_check_result_free(result);
cleanup:
  bc_context_free(ctx);
  bc_allocator_default()->free(codes, bc_allocator_default()->ud);
  bc_allocator_default()->free(codes_copy, bc_allocator_default()->ud);
  return code;
}
