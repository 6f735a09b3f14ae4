/* cli/bulk.c: `baocao bulk`: every agency's report for a period, with a
 * progress bar on a terminal and one line per report otherwise. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "common/json.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct progress_view {
  bool bar;     /* stderr is a terminal: redraw one line */
  bool quiet;   /* failures only */
  bool verbose; /* a line per report, also under the bar */
  double drawn_at;
  bool bar_shown;
  bool json;       /* no line per report on stdout; failures kept */
  bc_buf failures; /* with json: the failed reports as JSON objects */
} progress_view;

static void clear_bar(progress_view *v) {
  if (v->bar_shown) {
    fputs("\r\033[K", stderr);
    v->bar_shown = false;
  }
}

static void draw_bar(progress_view *v, const bc_bulk_progress *p) {
  char bar[31];
  size_t width = sizeof bar - 1;
  size_t filled = p->total ? p->done * width / p->total : width;
  double rate = p->seconds > 0 ? p->done / p->seconds : 0;
  double eta = rate > 0 ? (p->total - p->done) / rate : 0;
  memset(bar, '#', filled);
  memset(bar + filled, '.', width - filled);
  bar[width] = '\0';
  fputs("\r\033[K", stderr);
  fprintf(stderr, _("[%s] %zu/%zu  %.1f/s  ETA %d:%02d"), bar, p->done,
          p->total, rate, (int)eta / 60, (int)eta % 60);
  if (p->failed)
    fprintf(stderr, _("  %zu failed"), p->failed);
  v->bar_shown = true;
  v->drawn_at = p->seconds;
}

static void on_item(void *ud,
                    const bc_bulk_item *item,
                    const bc_bulk_progress *p) {
  progress_view *v = ud;
  char line[BC_ERROR_MESSAGE_SIZE + 2 * BC_ERROR_FIELD_SIZE];
  if (item->status == BC_BULK_FAILED) {
    clear_bar(v);
    fprintf(stderr, _("baocao: %s: failed: %s\n"), item->agency,
            bc_error_format(item->error, line, sizeof line));
    if (v->json) {
      bc_buf_puts(&v->failures, v->failures.len ? ",{" : "{");
      cli_json_str(&v->failures, "agency", item->agency, true);
      bc_json_key(&v->failures, "template", false);
      bc_json_string(&v->failures, item->template_name);
      cli_json_error(&v->failures, bc_error_key(item->error->code),
                     cli_exit_code(item->error->code), item->error, NULL,
                     false);
      bc_buf_putc(&v->failures, '}');
    }
  } else if (!v->quiet && !v->json && (!v->bar || v->verbose)) {
    clear_bar(v);
    printf(item->status == BC_BULK_CURRENT
               ? _("current %s %s: %zu pages, %zu bytes, %.0f ms\n")
               : _("rendered %s %s: %zu pages, %zu bytes, %.0f ms\n"),
           item->agency, item->output_path, item->pages, item->bytes,
           item->ms);
    fflush(stdout);
  }
  if (v->bar && !v->quiet &&
      (p->done == p->total || p->seconds - v->drawn_at >= 0.1 ||
       !v->bar_shown))
    draw_bar(v, p);
}

/* "A,B,C" into a list, in place. */
static size_t split_agencies(char *list, const char **out, size_t max) {
  size_t n = 0;
  for (char *tok = strtok(list, ","); tok && n < max; tok = strtok(NULL, ","))
    if (*tok)
      out[n++] = tok;
  return n;
}

static bool parse_shard(const char *s, unsigned *k, unsigned *n) {
  char *end;
  unsigned long a, b;
  errno = 0;
  a = strtoul(s, &end, 10);
  if (end == s || *end != '/')
    return false;
  s = end + 1;
  b = strtoul(s, &end, 10);
  if (end == s || *end || errno || b < 1 || b > 1000000 || a < 1 || a > b)
    return false;
  *k = (unsigned)a;
  *n = (unsigned)b;
  return true;
}

/* The summary as one JSON object (docs/json/baocao-bulk.schema.json). */
static int print_json(const bc_bulk_summary *sum,
                      const bc_bulk_options *bo,
                      progress_view *v,
                      int rc) {
  bc_buf b;
  cli_json_begin(&b);
  cli_json_str(&b, "period", bo->period, true);
  cli_json_str(&b, "format", bc_format_name((bc_format)bo->format), false);
  cli_json_str(&b, "out_dir", bo->out_dir, false);
  cli_json_str(&b, "manifest", sum->manifest_path, false);
  bc_json_key(&b, "shard", false);
  if (bo->shard_count)
    bc_buf_printf(&b, "{\"index\":%u,\"count\":%u}", bo->shard_index,
                  bo->shard_count);
  else
    bc_buf_puts(&b, "null");
  cli_json_size(&b, "total", sum->total, false);
  cli_json_size(&b, "rendered", sum->rendered, false);
  cli_json_size(&b, "current", sum->current, false);
  cli_json_size(&b, "failed", sum->failed, false);
  cli_json_size(&b, "pages", sum->pages, false);
  cli_json_size(&b, "bytes", sum->bytes, false);
  cli_json_double(&b, "seconds", sum->seconds, false);
  bc_json_key(&b, "workers", false);
  bc_buf_printf(&b, "%u", sum->workers);
  bc_json_key(&b, "failures", false);
  bc_buf_putc(&b, '[');
  if (v->failures.len)
    bc_buf_put(&b, v->failures.data, v->failures.len);
  bc_buf_putc(&b, ']');
  if (v->failures.failed)
    b.failed = true;
  return cli_json_end(&b, rc);
}

int cmd_bulk(int argc, char **argv) {
  cli_option opts[CLI_MAX_OPTIONS];
  const size_t n = cli_options(opts, "bulk");
  const char *pos[1];
  size_t npos;
  cli_font_choice fonts;
  char tmpl_buf[4096], dir_buf[PATH_MAX], name[128];
  char *agency_list = NULL;
  const char **agencies = NULL;
  const char *jobs, *shard;
  bc_bulk_options bo = BC_BULK_OPTIONS_INIT;
  bc_bulk_summary sum;
  progress_view view = {false, false, false, 0, false, false, {0}};
  bc_error err;
  struct timespec t0;
  int rc = EXIT_OK, verbosity;

  bc_buf_init(&view.failures, bc_allocator_default());
  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 0, &npos, "bulk"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    cli_help(stdout, "bulk");
    return EXIT_OK;
  }
  cli_now(&t0);
  if (!cli_verbosity(&verbosity, opts, n, "bulk"))
    return EXIT_USAGE;
  bo.db_path = cli_get(opts, n, "db");
  bo.period = cli_get(opts, n, "period");
  if (!bo.db_path || !bo.period) {
    fprintf(stderr, _("baocao bulk: --db and --period are required "
                    "(see baocao help bulk)\n"));
    return EXIT_USAGE;
  }
  if ((jobs = cli_get(opts, n, "jobs"))) {
    char *end;
    long j = strtol(jobs, &end, 10);
    if (end == jobs || *end || j < 1 || j > 256) {
      fprintf(stderr, _("baocao bulk: --jobs '%s' is not a number from 1 to "
                      "256\n"), jobs);
      return EXIT_USAGE;
    }
    bo.workers = (unsigned)j;
  }
  if ((shard = cli_get(opts, n, "shard")) &&
      !parse_shard(shard, &bo.shard_index, &bo.shard_count)) {
    fprintf(stderr, _("baocao bulk: --shard '%s' is not K/N with 1 <= K <= N\n"),
            shard);
    return EXIT_USAGE;
  }
  if (!cli_pdf_standard(cli_get(opts, n, "pdf-standard"), "bulk",
                        &bo.pdf_standard))
    return EXIT_USAGE;
  if (cli_get(opts, n, "agencies")) {
    const char *list = cli_get(opts, n, "agencies");
    size_t max = strlen(list) / 2 + 1;
    agency_list = strdup(list);
    agencies = calloc(max, sizeof *agencies);
    if (!agency_list || !agencies) {
      fprintf(stderr, _("baocao: out of memory\n"));
      rc = EXIT_NOMEM;
      goto done;
    }
    bo.agency_count = split_agencies(agency_list, agencies, max);
    bo.agencies = agencies;
    if (bo.agency_count == 0) {
      fprintf(stderr, _("baocao bulk: --agencies lists no agency\n"));
      rc = EXIT_USAGE;
      goto done;
    }
  }
  if (!cli_format(&bo.format, cli_get(opts, n, "format"), NULL, "bulk")) {
    rc = EXIT_USAGE;
    goto done;
  }
  bo.out_dir = cli_get(opts, n, "out-dir");
  if (!bo.out_dir) {
    bc_file_name(name, sizeof name, bo.period);
    snprintf(dir_buf, sizeof dir_buf, "out/%s", name);
    bo.out_dir = dir_buf;
  }
  bo.manifest_path = cli_get(opts, n, "manifest");
  bo.resume = cli_get(opts, n, "resume") != NULL;
  if ((rc = cli_fonts(&fonts, cli_get(opts, n, "font-dir"),
                      cli_get(opts, n, "font-family"), "bulk")))
    goto done;
  bo.font_dir = fonts.dir;
  bo.font_family = fonts.family;
  bo.template_dir = cli_template_dir(cli_get(opts, n, "template-dir"),
                                     tmpl_buf, sizeof tmpl_buf);
  view.quiet = verbosity == CLI_QUIET;
  view.verbose = verbosity == CLI_VERBOSE;
  cli_detail(verbosity, "bulk", "database %s, fonts %s, templates %s",
             bo.db_path, bo.font_dir, bo.template_dir);
  cli_detail(verbosity, "bulk", "into %s as %s%s%s", bo.out_dir,
             bc_format_name((bc_format)bo.format),
             bo.manifest_path ? ", manifest " : "",
             bo.manifest_path ? bo.manifest_path : "");
  view.bar = isatty(STDERR_FILENO);
  view.json = cli_get(opts, n, "json") != NULL;
  bo.on_item = on_item;
  bo.temp_hook = cli_temp_hook();
  bo.on_item_ud = &view;

  bc_error_clear(&err);
  if (bc_bulk_run(&sum, &bo, &err)) {
    clear_bar(&view);
    rc = cli_fail_json(&err, view.json);
    goto done;
  }
  clear_bar(&view);
  if ((!view.quiet || sum.failed) && !view.json)
    fprintf(stderr,
            ngettext("baocao bulk: %zu reports: %zu rendered, %zu current, "
                     "%zu failed in %.1f s (%.1f/s, %u worker); %zu pages, "
                     "%zu bytes; manifest %s\n",
                     "baocao bulk: %zu reports: %zu rendered, %zu current, "
                     "%zu failed in %.1f s (%.1f/s, %u workers); %zu pages, "
                     "%zu bytes; manifest %s\n",
                     sum.workers),
            sum.total, sum.rendered, sum.current, sum.failed, sum.seconds,
            sum.seconds > 0 ? (sum.rendered + sum.current) / sum.seconds : 0.0,
            sum.workers, sum.pages, sum.bytes, sum.manifest_path);
  cli_detail(verbosity, "bulk", "done in %.0f ms", cli_ms_since(&t0));
  rc = sum.failed ? EXIT_PARTIAL : EXIT_OK;
  if (view.json)
    rc = print_json(&sum, &bo, &view, rc);
done:
  bc_buf_free(&view.failures);
  free(agencies);
  free(agency_list);
  return rc;
}
