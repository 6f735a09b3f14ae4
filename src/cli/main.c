/* cli/main.c: `baocao` entry point: dispatches subcommands, prints help,
 * maps library error codes to exit codes. Only the CLI prints. */
#define _DEFAULT_SOURCE /* realpath */
#include "cli/cli.h"
#include "cli/i18n.h"
#include "common/pool.h"
#include "text/text.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef BC_DATA_DIR
#define BC_DATA_DIR "."
#endif
#ifndef BC_RELATIVE_DATA_DIR
#define BC_RELATIVE_DATA_DIR "../share/baocao"
#endif

int cli_fail(const bc_error *err) {
  char line[BC_ERROR_MESSAGE_SIZE + 2 * BC_ERROR_FIELD_SIZE];
  fprintf(stderr, "baocao: %s\n", bc_error_format(err, line, sizeof line));
  return cli_exit_code(err->code);
}

int cli_exit_code(int code) {
  switch (code) {
  case BC_EDB:
  case BC_ESCHEMA:
    return EXIT_DATABASE;
  case BC_ENOTFOUND:
    return EXIT_NOTFOUND;
  case BC_EDATA:
    return EXIT_DATA;
  case BC_ESYNTAX:
  case BC_EINPUT:
    return EXIT_TEMPLATE;
  case BC_EFONT:
    return EXIT_FONT;
  case BC_EIO:
    return EXIT_OUTPUT;
  case BC_ENOMEM:
    return EXIT_NOMEM;
  case BC_ELAYOUT:
    return EXIT_LAYOUT;
  case BC_ECERT:
    return EXIT_CERT;
  case BC_EPDF:
    return EXIT_PDF;
  case BC_EVERIFY:
    return EXIT_INVALID;
  case BC_ENET:
    return EXIT_NETWORK;
  case BC_EUNTRUSTED:
    return EXIT_UNTRUSTED;
  default:
    return EXIT_INTERNAL;
  }
}

const char *cli_data_dir(void) {
  /* Computed once: the CLI's one path cache (main thread, before any
   * worker starts). */
  static char dir[PATH_MAX];
  char exe[PATH_MAX], beside[PATH_MAX + sizeof BC_RELATIVE_DATA_DIR];
  struct stat st;
  ssize_t n;
  char *slash;
  if (dir[0])
    return dir;
  n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    exe[n] = '\0';
    if ((slash = strrchr(exe, '/'))) {
      *slash = '\0';
      snprintf(beside, sizeof beside, "%s/%s", exe, BC_RELATIVE_DATA_DIR);
      if (realpath(beside, dir) && stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        return dir;
    }
  }
  snprintf(dir, sizeof dir, "%s", BC_DATA_DIR);
  return dir;
}

static const char *dir_default(const char *flag,
                               const char *env,
                               const char *sub,
                               char *buf,
                               size_t size) {
  const char *e;
  if (flag)
    return flag;
  e = getenv(env);
  if (e && *e)
    return e;
  snprintf(buf, size, "%s/%s", cli_data_dir(), sub);
  return buf;
}

bool cli_tones(const char *value, int *out, const char *command) {
  if (!value)
    return true;
  if (!strcmp(value, "moi"))
    *out = BC_TONES_NEW;
  else if (!strcmp(value, "cu"))
    *out = BC_TONES_OLD;
  else if (!strcmp(value, "giu"))
    *out = BC_TONES_AS_TYPED;
  else {
    fprintf(stderr,
            _("baocao %s: --tone-style is moi (hòa, khỏe, thủy), cu (hoà, "
            "khoẻ, thuỷ) or giu (as typed), not '%s'\n"),
            command, value);
    return false;
  }
  return true;
}

/*
 * Liberation Serif 2 among the system's fonts: first where Debian's
 * fonts-liberation2 puts it (bc_font_system_known_dir: fontconfig is not
 * loaded, unless FONTCONFIG_FILE or FONTCONFIG_PATH says which
 * configuration to load), else through fontconfig, all four faces
 * at version 2.0 or later, into c: as the directory that holds them under
 * the names of fonts/ (Debian's fonts-liberation2), so that the context
 * opens the same files without asking fontconfig again (its four lookups
 * cost as much as these; bulk's workers ask none), else as the family
 * name. false when the system lacks it. Liberation 1.x has the same widths
 * but other outlines, so other PDF bytes: it does not replace the bundled
 * copy.
 */
static bool system_default_fonts(cli_font_choice *c) {
  bc_font_file f[BC_STYLE_COUNT];
  bc_error err = {0};
  const char *slash;
  size_t dir_len;
  bool same_dir = true;
  /* A configuration of fontconfig's own choosing (FONTCONFIG_FILE or
   * _PATH) is asked; else Debian's directory first, without loading it. */
  const char *known = getenv("FONTCONFIG_FILE") || getenv("FONTCONFIG_PATH")
                          ? NULL
                          : bc_font_system_known_dir(NULL);
  if (known && strlen(known) < sizeof c->buf) {
    memcpy(c->buf, known, strlen(known) + 1);
    c->dir = c->buf;
    return true;
  }
  for (int s = 0; s < BC_STYLE_COUNT; s++)
    if (bc_font_system_find(&f[s], BC_FONT_FAMILY_DEFAULT, (bc_style)s,
                            &err) != 0 ||
        f[s].revision < 0x20000)
      return false;
  slash = strrchr(f[0].path, '/');
  dir_len = slash ? (size_t)(slash - f[0].path) : 0;
  for (int s = 0; s < BC_STYLE_COUNT && same_dir; s++)
    same_dir = dir_len && f[s].index == 0 &&
               !strncmp(f[s].path, f[0].path, dir_len + 1) &&
               !strcmp(f[s].path + dir_len + 1, bc_default_font_files[s]);
  if (same_dir && dir_len < sizeof c->buf) {
    memcpy(c->buf, f[0].path, dir_len);
    c->buf[dir_len] = '\0';
    c->dir = c->buf;
  } else
    c->family = BC_FONT_FAMILY_DEFAULT;
  return true;
}

int cli_fonts(cli_font_choice *c,
              const char *flag_dir,
              const char *flag_family,
              const char *command) {
  const char *env = getenv("BAOCAO_FONT_DIR");
  struct stat st;
  memset(c, 0, sizeof *c);
  if (flag_dir && flag_family) {
    fprintf(stderr,
            _("baocao %s: --font-dir and --font-family exclude each other\n"),
            command);
    return EXIT_USAGE;
  }
  if (flag_family && !*flag_family) {
    fprintf(stderr, _("baocao %s: --font-family needs a family name\n"), command);
    return EXIT_USAGE;
  }
  if (flag_dir)
    c->dir = flag_dir;
  else if (flag_family)
    c->family = flag_family;
  else if (env && *env)
    c->dir = env;
  else if (system_default_fonts(c))
    ; /* Debian's fonts-liberation2 (the same files as fonts/) */
  else {
    if (snprintf(c->buf, sizeof c->buf, "%s/fonts", cli_data_dir()) >=
        (int)sizeof c->buf) {
      fprintf(stderr, _("baocao %s: the data directory's path is too long\n"),
              command);
      return EXIT_FONT;
    }
    if (stat(c->buf, &st) != 0 || !S_ISDIR(st.st_mode)) {
      fprintf(stderr,
              _("baocao: Liberation Serif 2 is not among the system's fonts "
              "(Debian: apt install fonts-liberation2) and '%s' does not "
              "exist\n"),
              c->buf);
      return EXIT_FONT;
    }
    c->dir = c->buf;
  }
  return EXIT_OK;
}

unsigned cli_render_threads(void) {
  size_t cpus = bc_pool_cpus();
  return cpus > 4 ? 4 : (unsigned)cpus;
}

const char *cli_template_dir(const char *flag, char *buf, size_t size) {
  return dir_default(flag, "BAOCAO_TEMPLATE_DIR", "templates", buf, size);
}

bool cli_default_output(char *buf,
                        size_t size,
                        const char *agency,
                        const char *period,
                        const char *suffix) {
  char a[128], p[64];
  bc_file_name(a, sizeof a, agency);
  bc_file_name(p, sizeof p, period);
  snprintf(buf, size, "out/%s_%s%s", a, p, suffix);
  if (mkdir("out", 0755) != 0 && errno != EEXIST) {
    fprintf(stderr, _("baocao: cannot create directory 'out': %s\n"),
            strerror(errno));
    return false;
  }
  return true;
}

bool cli_verbosity(int *out,
                   const cli_option *opts,
                   size_t n,
                   const char *command) {
  bool quiet = cli_get(opts, n, "quiet") != NULL;
  bool verbose = cli_get(opts, n, "verbose") != NULL;
  if (quiet && verbose) {
    fprintf(stderr, _("baocao %s: -q and -v contradict each other: give one\n"),
            command);
    return false;
  }
  *out = quiet ? CLI_QUIET : verbose ? CLI_VERBOSE : CLI_NORMAL;
  return true;
}

void cli_detail(int verbosity, const char *command, const char *fmt, ...) {
  va_list ap;
  if (verbosity < CLI_VERBOSE)
    return;
  fprintf(stderr, "baocao %s: ", command);
  va_start(ap, fmt);
  vfprintf(stderr, _(fmt), ap);
  va_end(ap);
  fputc('\n', stderr);
}

void cli_now(struct timespec *t0) {
  clock_gettime(CLOCK_MONOTONIC, t0);
}

double cli_ms_since(const struct timespec *t0) {
  struct timespec t1;
  clock_gettime(CLOCK_MONOTONIC, &t1);
  return (double)(t1.tv_sec - t0->tv_sec) * 1000.0 +
         (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

bool cli_stdout_for_bytes(const char *command, const char *what) {
  if (!isatty(STDOUT_FILENO))
    return true;
  fprintf(stderr,
          _("baocao %s: standard output is a terminal: refusing to write %s "
          "to it (redirect it to a file or a pipe, or give -o FILE)\n"),
          command, what);
  return false;
}

bool cli_parse(int argc,
               char **argv,
               cli_option *options,
               size_t count,
               const char **positional,
               size_t max_positional,
               size_t *positional_count,
               const char *command) {
  size_t npos = 0;
  bool only_words = false;
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    cli_option *o = NULL;
    const char *inline_value = NULL;
    if (!only_words && strcmp(a, "--") == 0) {
      only_words = true;
      continue;
    }
    if (!only_words && a[0] == '-' && a[1] == '-' && a[2]) {
      const char *eq = strchr(a + 2, '=');
      size_t n = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
      for (size_t k = 0; k < count; k++)
        if (strlen(options[k].name) == n && !memcmp(options[k].name, a + 2, n))
          o = &options[k];
      if (eq)
        inline_value = eq + 1;
    } else if (!only_words && a[0] == '-' && a[1] && a[1] != '-') {
      /* -j 2, or -j2 for an option that takes a value */
      for (size_t k = 0; k < count; k++)
        if (options[k].short_name == a[1] && (!a[2] || options[k].arg))
          o = &options[k];
      if (o && a[2])
        inline_value = a + 2;
    } else {
      if (npos == max_positional) {
        fprintf(stderr,
                _("baocao %s: unexpected argument '%s' (see baocao help %s)\n"),
                command, a, command);
        return false;
      }
      positional[npos++] = a;
      continue;
    }
    if (!o) {
      fprintf(stderr, _("baocao %s: unknown option '%s' (see baocao help %s)\n"),
              command, a, command);
      return false;
    }
    if (!o->arg) {
      if (inline_value) {
        fprintf(stderr, _("baocao %s: option '--%s' takes no value\n"), command,
                o->name);
        return false;
      }
      o->value = "";
    } else if (inline_value) {
      o->value = inline_value;
    } else if (i + 1 < argc) {
      o->value = argv[++i];
    } else {
      fprintf(stderr, _("baocao %s: option '--%s' needs a value\n"), command,
              o->name);
      return false;
    }
  }
  *positional_count = npos;
  return true;
}

const char *cli_get(const cli_option *options, size_t count, const char *name) {
  for (size_t k = 0; k < count; k++)
    if (strcmp(options[k].name, name) == 0)
      return options[k].value;
  return NULL;
}

static const struct command {
  const char *name;
  int (*run)(int argc, char **argv);
} commands[] = {
    {"render", cmd_render}, {"preview", cmd_preview}, {"check", cmd_check},
    {"bulk", cmd_bulk},     {"db", cmd_db},           {"sign", cmd_sign},
    {"verify", cmd_verify},
};

static const struct command *find_command(const char *name) {
  for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
    if (!strcmp(commands[i].name, name))
      return &commands[i];
  return NULL;
}

/*
 * `baocao help`, `baocao help COMMAND [SUBCOMMAND]`, and the two forms the
 * build runs (not in the usage): `help --man [COMMAND]` writes a man page
 * and `help --completion bash|zsh|fish` a completion script.
 */
static int help(int argc, char **argv) {
  char name[64];
  if (argc == 0) {
    cli_usage(stdout);
    return EXIT_OK;
  }
  if (!strcmp(argv[0], "--man") && argc <= 2)
    return cli_man(stdout, argc == 2 ? argv[1] : NULL);
  if (!strcmp(argv[0], "--completion") && argc == 2)
    return cli_completion(stdout, argv[1]);
  if (argc <= 2 && !strchr(argv[0], ' ') &&
      (argc == 1 || !strchr(argv[1], ' '))) {
    snprintf(name, sizeof name, "%s%s%s", argv[0], argc == 2 ? " " : "",
             argc == 2 ? argv[1] : "");
    if (cli_help(stdout, name))
      return EXIT_OK;
  }
  fprintf(stderr, _("baocao: no command '%s%s%s'\n"), argv[0],
          argc > 1 ? " " : "", argc > 1 ? argv[1] : "");
  return EXIT_USAGE;
}

/* The messages' catalogue: ../share/locale beside the executable when
 * installed (any prefix), else the build tree's, compiled in. */
static void setup_messages(void) {
  char dir[PATH_MAX]; /* bindtextdomain keeps its own copy */
  char exe[PATH_MAX];
  const char *use = BC_LOCALE_DIR;
  struct stat st;
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n > 0) {
    char *slash;
    exe[n] = '\0';
    if ((slash = strrchr(exe, '/'))) {
      *slash = '\0';
      if ((size_t)snprintf(dir, sizeof dir, "%s/../share/locale", exe) <
              sizeof dir &&
          stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
        use = dir;
    }
  }
  /* Only the language of messages (LC_MESSAGES) and the character set they
   * are shown in (LC_CTYPE, which also converts the C library's own
   * messages, strerror's) come from the environment. Every other category
   * stays "C": with LC_NUMERIC vi_VN, printf writes 0,5 for 0.5, into the
   * PDF's content streams and the JSON; a report's bytes are the same in
   * every language. */
  setlocale(LC_CTYPE, "");
  setlocale(LC_MESSAGES, "");
  bindtextdomain("baocao", use);
  bind_textdomain_codeset("baocao", "UTF-8");
  textdomain("baocao");
}

int main(int argc, char **argv) {
  const struct command *c;
  setup_messages();
  /* A file size limit (ulimit -f) fails the write with EFBIG, reported
   * and cleaned up like a full disk, instead of killing the process with
   * a temporary file left behind. */
  signal(SIGXFSZ, SIG_IGN);
  cli_signals_install();
  if (argc < 2) {
    cli_usage(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    cli_usage(stdout);
    return EXIT_OK;
  }
  if (!strcmp(cmd, "--version")) {
    bc_library_version libs[BC_LIBRARY_VERSIONS_MAX];
    size_t count = bc_library_versions(libs, BC_LIBRARY_VERSIONS_MAX);
    printf("baocao %s\n", cli_version());
    printf("data: %s\n", cli_data_dir());
    /* One "name version" a line, as each library says at run time. */
    for (size_t i = 0; i < count && i < BC_LIBRARY_VERSIONS_MAX; i++)
      printf("%s %s\n", libs[i].name, libs[i].version);
    return EXIT_OK;
  }
  if (!strcmp(cmd, "help"))
    return help(argc - 2, argv + 2);
  if ((c = find_command(cmd))) {
    int rc = c->run(argc - 1, argv + 1);
    bc_font_family_release();
    /* a bad command line with --json: the reason went to stderr, the
     * script gets an error object like any other failure's */
    if (rc == EXIT_USAGE && cli_json_requested(argc - 2, argv + 2))
      return cli_json_usage_error(c->name);
    return rc;
  }
  fprintf(stderr, _("baocao: no command '%s' (see baocao --help)\n"), cmd);
  return EXIT_USAGE;
}
