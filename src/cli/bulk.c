/* cli/bulk.c: `baocao bulk`: every agency's report for a period, with a
 * progress bar on a terminal and one line per report otherwise. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char bulk_usage[] =
    N_("Usage: baocao bulk --db FILE --period CODE [options]\n"
    "\n"
    "Renders the report of every agency that has one for the period, with\n"
    "one worker thread per CPU. One agency's bad data fails that agency\n"
    "only: the run goes on, and exits with 15 at the end if any failed.\n"
    "\n"
    "  --db FILE            the baocao database (read only)\n"
    "  --period CODE        period code, e.g. 2023-Q3\n"
    "  --agencies A,B,...   only these agency codes\n"
    "  -j, --jobs N         worker threads (default: one per CPU this process\n"
    "                       may use, after taskset and container limits)\n"
    "  --out-dir DIR        where the PDFs go (default out/PERIOD); each is\n"
    "                       AGENCY.pdf (AGENCY+TEMPLATE.pdf for an agency\n"
    "                       with several reports), written whole or not at all\n"
    "  --format FORMAT      pdf (default), or docx or odt: editable drafts,\n"
    "                       AGENCY.docx or AGENCY.odt\n"
    "  --manifest FILE      JSON Lines, one line per report: agency,\n"
    "                       template, period, output, status, pages, bytes,\n"
    "                       sha256, input_sha256, ms, error (default\n"
    "                       DIR/manifest.jsonl, DIR/manifest-K-of-N.jsonl\n"
    "                       with --shard)\n"
    "  --resume             keep the reports whose PDF and manifest line are\n"
    "                       complete and whose data, template and fonts have\n"
    "                       not changed; render the rest\n"
    "  --shard K/N          render only share K of N (1 <= K <= N), chosen\n"
    "                       by a stable hash of the agency code: N machines\n"
    "                       split a run with no coordinator\n"
    "  --font-dir DIR       the Liberation Serif files (default:\n"
    "                       $BAOCAO_FONT_DIR, else fonts/ in the data\n"
    "                       directory that `baocao help` names)\n"
    "  --template-dir DIR   the templates (default: $BAOCAO_TEMPLATE_DIR,\n"
    "                       else templates/ in the data directory)\n"
    "  --pdf-standard STD   a-3b (default): PDF/A-3b, tagged; none: a plain\n"
    "                       PDF 1.7\n"
    "  -q, --quiet          no progress, only failures\n"
    "  -h, --help           this text\n"
    "\n"
    "Examples:\n"
    "  baocao bulk --db samples/baocao.db --period 2023-Q3\n"
    "  baocao bulk --db all.db --period 2023-Q3 --shard 3/8 --resume\n");

typedef struct progress_view {
  bool bar;   /* stderr is a terminal: redraw one line */
  bool quiet; /* failures only */
  double drawn_at;
  bool bar_shown;
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
  } else if (!v->quiet && !v->bar) {
    printf(item->status == BC_BULK_CURRENT
               ? _("current %s %s: %zu pages, %zu bytes, %.0f ms\n")
               : _("rendered %s %s: %zu pages, %zu bytes, %.0f ms\n"),
           item->agency, item->output_path, item->pages, item->bytes,
           item->ms);
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

int cmd_bulk(int argc, char **argv) {
  cli_option opts[] = {
      {"db", 0, true, NULL},         {"period", 0, true, NULL},
      {"agencies", 0, true, NULL},   {"jobs", 'j', true, NULL},
      {"out-dir", 0, true, NULL},    {"manifest", 0, true, NULL},
      {"resume", 0, false, NULL},    {"shard", 0, true, NULL},
      {"font-dir", 0, true, NULL},   {"template-dir", 0, true, NULL},
      {"quiet", 'q', false, NULL},   {"help", 'h', false, NULL},
      {"pdf-standard", 0, true, NULL}, {"format", 0, true, NULL},
  };
  const size_t n = sizeof opts / sizeof opts[0];
  const char *pos[1];
  size_t npos;
  char font_buf[4096], tmpl_buf[4096], dir_buf[PATH_MAX], name[128];
  char *agency_list = NULL;
  const char **agencies = NULL;
  const char *jobs, *shard;
  bc_bulk_options bo = BC_BULK_OPTIONS_INIT;
  bc_bulk_summary sum;
  progress_view view = {false, false, 0, false};
  bc_error err;
  int rc = EXIT_OK;

  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 0, &npos, "bulk"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    fputs(_(bulk_usage), stdout);
    return EXIT_OK;
  }
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
  bo.font_dir =
      cli_font_dir(cli_get(opts, n, "font-dir"), font_buf, sizeof font_buf);
  bo.template_dir = cli_template_dir(cli_get(opts, n, "template-dir"),
                                     tmpl_buf, sizeof tmpl_buf);
  view.quiet = cli_get(opts, n, "quiet") != NULL;
  view.bar = isatty(STDERR_FILENO);
  bo.on_item = on_item;
  bo.on_item_ud = &view;

  bc_error_clear(&err);
  if (bc_bulk_run(&sum, &bo, &err)) {
    clear_bar(&view);
    rc = cli_fail(&err);
    goto done;
  }
  clear_bar(&view);
  if (!view.quiet || sum.failed)
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
  rc = sum.failed ? EXIT_PARTIAL : EXIT_OK;
done:
  free(agencies);
  free(agency_list);
  return rc;
}
