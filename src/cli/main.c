/* cli/main.c: `baocao` entry point: dispatches subcommands, prints help,
 * maps library error codes to exit codes. Only the CLI prints. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef BC_VERSION
#define BC_VERSION "0.0.0"
#endif
#ifndef BC_DATA_DIR
#define BC_DATA_DIR "."
#endif
#ifndef BC_LOCALE_DIR
#define BC_LOCALE_DIR "locale"
#endif

static const char usage[] =
    N_("Usage: baocao <command> [options]\n"
    "\n"
    "Turns indicator data kept in SQLite into Vietnamese administrative\n"
    "reports (báo cáo) as PDF, laid out as Decree 30/2020/NĐ-CP prescribes.\n"
    "\n"
    "Commands:\n"
    "  render   render one agency's report for a period to PDF, or a draft\n"
    "           to edit (.docx, .odt)\n"
    "  preview  draw one page as PNG, or in the terminal; --watch redraws\n"
    "  check    list what would stop or spoil each report of a period\n"
    "  bulk     render every agency's report for a period, in parallel\n"
    "  db       create a database, load SQL, import and export CSV\n"
    "  sign     sign a field of a rendered report (PKCS#12)\n"
    "  verify   list the signature fields of a PDF and check them\n"
    "  help     this text, or `baocao help <command>`\n"
    "\n"
    "Exit codes:\n"
    "  0 success              6 template or input file missing or broken\n"
    "  1 internal error       7 font missing or unusable\n"
    "  2 bad command line     8 output cannot be written\n"
    "  3 database problem     9 out of memory\n"
    "  4 unknown agency, period, report, page or field\n"
    "  5 missing or invalid data   10 content cannot be typeset\n"
    "  11 certificate or key unusable   12 PDF cannot be signed or read\n"
    "  13 a signature does not check out (verify)\n"
    "  14 some report has problems (check)\n"
    "  15 some reports failed, the others were written (bulk)\n"
    "  16 a time-stamping authority did not answer or refused (sign)\n"
    "\n");
/* The last lines of usage, naming the data directory. */
static const char usage_environment[] =
    N_("Environment: BAOCAO_FONT_DIR, BAOCAO_TEMPLATE_DIR (defaults under\n"
       "the data directory %s), SOURCE_DATE_EPOCH (fixed dates).\n");

static void print_usage(FILE *out) {
  fputs(_(usage), out);
  fprintf(out, _(usage_environment), BC_DATA_DIR);
}

int cli_fail(const bc_error *err) {
  char line[BC_ERROR_MESSAGE_SIZE + 2 * BC_ERROR_FIELD_SIZE];
  fprintf(stderr, "baocao: %s\n", bc_error_format(err, line, sizeof line));
  switch (err->code) {
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
  snprintf(buf, size, "%s/%s", BC_DATA_DIR, sub);
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

const char *cli_font_dir(const char *flag, char *buf, size_t size) {
  return dir_default(flag, "BAOCAO_FONT_DIR", "fonts", buf, size);
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
        if (options[k].short_name == a[1] && (!a[2] || options[k].has_value))
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
    if (!o->has_value) {
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
  if (argc < 2) {
    print_usage(stderr);
    return EXIT_USAGE;
  }
  const char *cmd = argv[1];
  if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
    print_usage(stdout);
    return EXIT_OK;
  }
  if (!strcmp(cmd, "--version")) {
    printf("baocao %s\n", BC_VERSION);
    return EXIT_OK;
  }
  if (!strcmp(cmd, "help")) {
    if (argc > 2) {
      char *help_argv[] = {argv[2], (char *)"--help", NULL};
      if ((c = find_command(argv[2])))
        return c->run(2, help_argv);
      fprintf(stderr, _("baocao: no command '%s'\n"), argv[2]);
      return EXIT_USAGE;
    }
    print_usage(stdout);
    return EXIT_OK;
  }
  if ((c = find_command(cmd)))
    return c->run(argc - 1, argv + 1);
  fprintf(stderr, _("baocao: no command '%s' (see baocao --help)\n"), cmd);
  return EXIT_USAGE;
}
