/* cli/preview.c: `baocao preview`: one page as PNG, or drawn in the
 * terminal (terminal.c); --watch draws it again whenever a template or the
 * database changes. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* What one drawing needs; the same for every drawing of a watch. */
typedef struct preview_job {
  bc_context_options copts;
  bc_preview_options popts;
  bool terminal;
  bool colour;
  terminal_graphics graphics; /* with terminal: never AUTO */
  int format;                 /* BC_FORMAT_PDF: a PNG; else a whole draft */
  int verbosity;              /* CLI_QUIET, CLI_NORMAL, CLI_VERBOSE */
  FILE *status;               /* stdout, or stderr when stdout has the PNG */
} preview_job;

/* ---- drawing once ---- */

static long ms_since(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (long)(t1.tv_sec - t0->tv_sec) * 1000 +
         (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Draws the page; prints the problem and returns its exit code on
 * failure. A fresh context each time, so that changed templates are read
 * again. */
static int draw_once(const preview_job *job, bool watching) {
  bc_context *ctx = NULL;
  bc_preview_result *res = NULL;
  bc_error err;
  struct timespec t0;
  int rc;

  clock_gettime(CLOCK_MONOTONIC, &t0);
  bc_error_clear(&err);
  rc = bc_context_new(&ctx, &job->copts, &err);
  if (!rc && job->format != BC_FORMAT_PDF) {
    /* An editable draft: the whole report, written again each time. */
    bc_render_options ro = BC_RENDER_OPTIONS_INIT;
    bc_render_result rr;
    ro.db_path = job->popts.db_path;
    ro.agency = job->popts.agency;
    ro.period = job->popts.period;
    ro.template_name = job->popts.template_name;
    ro.output_path = job->popts.output_path;
    ro.format = job->format;
    ro.tones = job->popts.tones;
    rc = bc_render(&rr, ctx, &ro, &err);
    bc_context_free(ctx);
    if (rc)
      return cli_fail(&err);
    if (job->verbosity == CLI_QUIET)
      ;
    else if (watching)
      printf(_("rendered %s in %ld ms\n"), ro.output_path, ms_since(&t0));
    else
      printf(_("%s: %zu bytes\n"), ro.output_path, rr.bytes);
    cli_detail(job->verbosity, "preview", "done in %ld ms", ms_since(&t0));
    fflush(stdout);
    return EXIT_OK;
  }
  if (!rc)
    rc = bc_preview(&res, ctx, &job->popts, &err);
  bc_context_free(ctx);
  if (rc)
    return cli_fail(&err);
  long ms = ms_since(&t0);
  if (job->terminal) {
    if (watching && job->graphics == GRAPHICS_KITTY)
      fputs("\x1b_Ga=d,q=2\x1b\\", stdout); /* forget the last drawing */
    if (watching && (job->colour || job->graphics != GRAPHICS_BLOCKS))
      fputs("\x1b[H\x1b[2J", stdout); /* home, clear the screen */
    if (job->graphics == GRAPHICS_KITTY)
      draw_kitty(stdout, bc_preview_result_png(res),
                 bc_preview_result_png_len(res), terminal_columns());
    else if (job->graphics == GRAPHICS_SIXEL)
      draw_sixel(stdout, bc_preview_result_pixels(res),
                 bc_preview_result_width(res), bc_preview_result_height(res));
    else
      draw_blocks(stdout, bc_preview_result_pixels(res),
                  bc_preview_result_width(res), bc_preview_result_height(res),
                  job->colour);
  }
  if (job->verbosity == CLI_QUIET)
    ;
  else if (watching && job->terminal)
    printf(_("rendered page %zu in %ld ms\n"), job->popts.page, ms);
  else if (watching)
    printf(_("rendered page %zu in %ld ms: %s\n"), job->popts.page, ms,
           job->popts.output_path);
  else if (!job->terminal)
    fprintf(job->status, _("%s: page %zu of %zu, %u x %u pixels, %zu bytes\n"),
            job->popts.output_path ? job->popts.output_path
                                   : _("standard output"),
            job->popts.page, bc_preview_result_pages(res),
            bc_preview_result_width(res), bc_preview_result_height(res),
            bc_preview_result_bytes(res));
  cli_detail(job->verbosity, "preview", "%u x %u pixels at %.1f dpi in %ld ms",
             bc_preview_result_width(res), bc_preview_result_height(res),
             bc_preview_result_dpi(res), ms);
  bc_preview_result_free(res);
  fflush(stdout);
  return EXIT_OK;
}

/* ---- watching ---- */

/* Set by SIGINT/SIGTERM; the only state a signal handler may touch. */
static volatile sig_atomic_t stop_watching;

static void on_stop(int sig) {
  (void)sig;
  stop_watching = 1;
}

static uint64_t mix(uint64_t h, uint64_t v) {
  for (int i = 0; i < 8; i++, v >>= 8) {
    h ^= v & 0xFF;
    h *= 1099511628211ULL;
  }
  return h;
}

/*
 * A fingerprint of the files under path (name, inode, size, modification
 * time), summed so that the order readdir lists them in does not matter.
 * Hidden files and backups (editors' swap files) are left out, and so are
 * directories' own times, which those files change.
 */
static uint64_t fingerprint(const char *path, int depth) {
  struct stat st;
  uint64_t h = 1469598103934665603ULL, sum = 0;
  if (stat(path, &st) != 0)
    return 0;
  if (S_ISDIR(st.st_mode)) {
    DIR *d;
    struct dirent *e;
    if (depth == 0 || !(d = opendir(path)))
      return 0;
    while ((e = readdir(d))) {
      char child[4096];
      size_t n = strlen(e->d_name);
      if (e->d_name[0] == '.' || e->d_name[n - 1] == '~' ||
          snprintf(child, sizeof child, "%s/%s", path, e->d_name) >=
              (int)sizeof child)
        continue;
      sum += fingerprint(child, depth - 1);
    }
    closedir(d);
    return sum;
  }
  for (const char *p = path; *p; p++)
    h = mix(h, (unsigned char)*p);
  h = mix(h, (uint64_t)st.st_ino);
  h = mix(h, (uint64_t)st.st_size);
  h = mix(h, (uint64_t)st.st_mtim.tv_sec);
  return mix(h, (uint64_t)st.st_mtim.tv_nsec);
}

/* Everything a drawing reads that a user edits: the templates, the
 * database and its write-ahead log. */
static uint64_t inputs_fingerprint(const preview_job *job) {
  char wal[4096];
  uint64_t sum = fingerprint(job->copts.template_dir, 4) +
                 fingerprint(job->popts.db_path, 1);
  if (snprintf(wal, sizeof wal, "%s-wal", job->popts.db_path) < (int)sizeof wal)
    sum += fingerprint(wal, 1);
  return sum;
}

/* Draws, then polls every half second and draws again after a change,
 * until SIGINT or SIGTERM. Failed drawings are reported and watched on. */
static int watch(const preview_job *job) {
  struct sigaction sa;
  const struct timespec half = {0, 500000000L};

  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop; /* no SA_RESTART: the sleep ends at once */
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  uint64_t seen = inputs_fingerprint(job);
  draw_once(job, true);
  while (!stop_watching) {
    nanosleep(&half, NULL);
    if (stop_watching)
      break;
    uint64_t now = inputs_fingerprint(job);
    if (now != seen) {
      seen = now;
      draw_once(job, true);
    }
  }
  return EXIT_OK;
}

/* ---- the command ---- */

/* A whole number from lo to hi, or false. */
static bool parse_number(const char *s,
                         unsigned long lo,
                         unsigned long hi,
                         unsigned long *out) {
  char *end;
  unsigned long v;
  if (!s || *s < '0' || *s > '9')
    return false;
  v = strtoul(s, &end, 10);
  if (*end || v < lo || v > hi)
    return false;
  *out = v;
  return true;
}

int cmd_preview(int argc, char **argv) {
  cli_option opts[CLI_MAX_OPTIONS];
  const size_t n = cli_options(opts, "preview");
  const char *pos[1], *color, *output;
  size_t npos;
  cli_font_choice fonts;
  char tmpl_buf[4096], out_buf[512], suffix[64];
  unsigned long page = 1, dpi = 100;
  preview_job job = {BC_CONTEXT_OPTIONS_INIT,
                     BC_PREVIEW_OPTIONS_INIT,
                     false,
                     false,
                     GRAPHICS_BLOCKS,
                     BC_FORMAT_PDF,
                     CLI_NORMAL,
                     stdout};
  const char *format;

  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 0, &npos, "preview"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    cli_help(stdout, "preview");
    return EXIT_OK;
  }
  job.popts.db_path = cli_get(opts, n, "db");
  job.popts.agency = cli_get(opts, n, "agency");
  job.popts.period = cli_get(opts, n, "period");
  job.popts.template_name = cli_get(opts, n, "template");
  if (!cli_verbosity(&job.verbosity, opts, n, "preview"))
    return EXIT_USAGE;
  if (!cli_tones(cli_get(opts, n, "tone-style"), &job.popts.tones, "preview"))
    return EXIT_USAGE;
  if (!job.popts.db_path || !job.popts.agency || !job.popts.period) {
    fprintf(stderr, _("baocao preview: --db, --agency and --period are "
                    "required (see baocao help preview)\n"));
    return EXIT_USAGE;
  }
  if (cli_get(opts, n, "page") &&
      !parse_number(cli_get(opts, n, "page"), 1, 1000000, &page)) {
    fprintf(stderr, _("baocao preview: --page takes a page number from 1\n"));
    return EXIT_USAGE;
  }
  if (cli_get(opts, n, "dpi") &&
      !parse_number(cli_get(opts, n, "dpi"), 10, 1200, &dpi)) {
    fprintf(stderr, _("baocao preview: --dpi takes a whole number from 10 to "
                    "1200\n"));
    return EXIT_USAGE;
  }
  color = cli_get(opts, n, "color");
  if (!color)
    color = "auto";
  if (strcmp(color, "auto") && strcmp(color, "always") &&
      strcmp(color, "never")) {
    fprintf(stderr, _("baocao preview: --color takes auto, always or never\n"));
    return EXIT_USAGE;
  }
  if (!terminal_graphics_parse(
          cli_get(opts, n, "graphics") ? cli_get(opts, n, "graphics") : "auto",
          &job.graphics)) {
    fprintf(stderr, _("baocao preview: --graphics takes auto, kitty, sixel or "
                    "blocks\n"));
    return EXIT_USAGE;
  }
  job.popts.page = page;
  job.popts.dpi = (double)dpi;
  output = cli_get(opts, n, "output");
  /* png, or a draft format by name or by the extension of -o. */
  format = cli_get(opts, n, "format");
  if (format && strcmp(format, "png") && strcmp(format, "docx") &&
      strcmp(format, "odt")) {
    fprintf(stderr, _("baocao preview: --format takes png, docx or odt\n"));
    return EXIT_USAGE;
  }
  if (format && !strcmp(format, "png"))
    format = NULL; /* the default: an image of a page */
  if (!cli_format(&job.format, format,
                  output && strcmp(output, "-") ? output : NULL, "preview"))
    return EXIT_USAGE;
  if (job.format != BC_FORMAT_PDF &&
      (cli_get(opts, n, "terminal") || !output || !strcmp(output, "-"))) {
    fprintf(stderr, _("baocao preview: a %s draft is written to a file: give "
                    "-o FILE\n"),
            bc_format_name((bc_format)job.format));
    return EXIT_USAGE;
  }
  if (cli_get(opts, n, "terminal") && output) {
    fprintf(stderr, _("baocao preview: --terminal draws on stdout, not into "
                    "a file: leave out -o\n"));
    return EXIT_USAGE;
  }
  if (output && !strcmp(output, "-")) {
    /* -o -: the PNG on stdout, every other line on stderr. */
    if (cli_get(opts, n, "watch")) {
      fprintf(stderr, _("baocao preview: --watch draws again and again: give "
                      "-o FILE or --terminal, not -o -\n"));
      return EXIT_USAGE;
    }
    if (!cli_stdout_for_bytes("preview", "a PNG"))
      return EXIT_USAGE;
    job.status = stderr;
  }
  job.terminal = cli_get(opts, n, "terminal") != NULL;
  if (job.terminal) {
    const char *term = getenv("TERM");
    const char *no_color = getenv("NO_COLOR");
    /* https://no-color.org: only a value that is not empty counts. */
    job.colour = !strcmp(color, "always") ||
                 (!strcmp(color, "auto") && isatty(STDOUT_FILENO) && term &&
                  *term && strcmp(term, "dumb") &&
                  !(no_color && *no_color));
    if (job.graphics == GRAPHICS_AUTO)
      job.graphics = terminal_graphics_detect();
    if (job.graphics == GRAPHICS_BLOCKS) {
      /* A cell is about twice as tall as wide: one pixel across, two
       * down. */
      job.popts.width_px = terminal_columns();
      job.popts.keep_pixels = 1;
    } else {
      /* Real pixels: --dpi, else as wide as the window, else 100 dpi. */
      if (!cli_get(opts, n, "dpi"))
        job.popts.width_px = terminal_width_px();
      job.popts.keep_pixels = job.graphics == GRAPHICS_SIXEL;
      job.popts.keep_png = job.graphics == GRAPHICS_KITTY;
    }
  } else {
    if (!output) {
      snprintf(suffix, sizeof suffix, "-p%lu.png", page);
      if (!cli_default_output(out_buf, sizeof out_buf, job.popts.agency,
                              job.popts.period, suffix))
        return EXIT_OUTPUT;
      output = out_buf;
    }
    if (!strcmp(output, "-"))
      job.popts.output_fd = STDOUT_FILENO;
    else
      job.popts.output_path = output;
  }
  job.copts.temp_hook = cli_temp_hook();
  job.copts.threads = cli_render_threads();
  int fonts_rc = cli_fonts(&fonts, cli_get(opts, n, "font-dir"),
                           cli_get(opts, n, "font-family"), "preview");
  if (fonts_rc)
    return fonts_rc;
  job.copts.font_dir = fonts.dir;
  job.copts.font_family = fonts.family;
  job.copts.template_dir = cli_template_dir(cli_get(opts, n, "template-dir"),
                                            tmpl_buf, sizeof tmpl_buf);
  cli_detail(job.verbosity, "preview", "database %s, fonts %s, templates %s",
             job.popts.db_path, job.copts.font_dir, job.copts.template_dir);
  if (job.terminal)
    cli_detail(job.verbosity, "preview", "drawing with %s%s",
               job.graphics == GRAPHICS_KITTY   ? "kitty graphics"
               : job.graphics == GRAPHICS_SIXEL ? "sixel"
                                                : "block characters",
               job.graphics == GRAPHICS_BLOCKS && job.colour ? " in colour"
                                                             : "");
  if (cli_get(opts, n, "watch"))
    return watch(&job);
  return draw_once(&job, false);
}
