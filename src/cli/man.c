/* cli/man.c: `baocao help --man [COMMAND]`: baocao(1) and baocao-CMD(1)
 * in roff, from the help table of help.c; the build writes them into
 * man/ (CMakeLists.txt). */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The page being written: whether the next byte starts a line. */
typedef struct roff {
  FILE *out;
  bool bol;
} roff;

/* A request or escapes, as they are. */
static void raw(roff *r, const char *s) {
  size_t n = strlen(s);
  fputs(s, r->out);
  if (n)
    r->bol = s[n - 1] == '\n';
}

static void newline(roff *r) {
  if (!r->bol)
    raw(r, "\n");
}

/* A request on a line of its own: ".SH", ".TP" ... */
static void request(roff *r, const char *s) {
  newline(r);
  raw(r, s);
  raw(r, "\n");
}

/* The UTF-8 sequence at s as a code point; *len its bytes (1 for a
 * malformed one, drawn as U+FFFD). */
static unsigned long code_point(const unsigned char *s, size_t *len) {
  unsigned long c = s[0];
  size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (n == 1) {
    *len = 1;
    return c < 0x80 ? c : 0xFFFD;
  }
  c &= 0x3F >> (n - 1);
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    c = c << 6 | (s[i] & 0x3F);
  }
  *len = n;
  return c;
}

/*
 * Text, escaped: a backslash is \e, a dot or quote that would start a
 * line gets \& before it, other than ASCII is \[uXXXX], and a hyphen that
 * starts a word (an option: --watch, -o) is the minus sign \- (all of
 * them when code). With backticks, `this` is bold.
 */
static void text(roff *r, const char *s, bool code) {
  const unsigned char *p = (const unsigned char *)s;
  bool bold = false;
  unsigned char prev = ' ';
  while (*p) {
    size_t len = 1;
    if (r->bol && (*p == '.' || *p == '\''))
      fputs("\\&", r->out);
    if (*p == '\\')
      fputs("\\e", r->out);
    else if (*p == '-' && (code || strchr(" ([|/-'\"`", prev)))
      fputs("\\-", r->out);
    else if (*p == '`' && !code) {
      fputs(bold ? "\\fR" : "\\fB", r->out);
      bold = !bold;
    } else if (*p == '\n') {
      fputc(' ', r->out);
    } else if (*p < 0x80) {
      fputc(*p, r->out);
    } else {
      fprintf(r->out, "\\[u%04lX]", code_point(p, &len));
    }
    r->bol = false;
    prev = *p;
    p += len;
  }
  if (bold)
    fputs("\\fR", r->out);
}

/* One synopsis line: the command bold, options bold, metavariables
 * (FILE, PDF|DIR) italic, the rest as it is. */
static void synopsis(roff *r, const char *line) {
  const char *p = line;
  int word = 0;
  while (*p) {
    size_t len = strcspn(p, " ");
    char token[256];
    size_t a = 0, b;
    if (len >= sizeof token)
      len = sizeof token - 1;
    memcpy(token, p, len);
    token[len] = '\0';
    /* [( before, ])... after, the core between */
    while (token[a] && strchr("[(|", token[a]))
      a++;
    b = len;
    while (b > a && strchr("]).", token[b - 1]))
      b--;
    if (word)
      raw(r, " ");
    char before[256], core[256];
    memcpy(before, token, a);
    before[a] = '\0';
    memcpy(core, token + a, b - a);
    core[b - a] = '\0';
    text(r, before, true);
    if (core[0]) {
      bool cmd = word == 0 ||
                 (word <= 2 && strncmp(line, "baocao db ", 10) == 0) ||
                 (word == 1 && core[0] >= 'a' && core[0] <= 'z');
      const char *font = cmd || core[0] == '-'              ? "\\fB"
                         : core[0] >= 'A' && core[0] <= 'Z' ? "\\fI"
                                                            : NULL;
      if (font)
        raw(r, font);
      text(r, core, true);
      if (font)
        raw(r, "\\fR");
    }
    text(r, token + b, true);
    word++;
    p += len;
    while (*p == ' ')
      p++;
  }
  raw(r, "\n");
}

/* SYNOPSIS: each line's continuation indented under the command. */
static void synopses_section(roff *r, const char *const *lines) {
  request(r, ".SH SYNOPSIS");
  request(r, ".in +4n");
  for (size_t i = 0; lines[i]; i++) {
    if (i)
      request(r, ".br");
    request(r, ".ti -4n");
    synopsis(r, lines[i]);
  }
  request(r, ".in");
}

static void paragraphs(roff *r, const char *const *list, bool first_pp) {
  for (size_t i = 0; list[i]; i++) {
    if (i || first_pp)
      request(r, ".PP");
    text(r, _(list[i]), false);
    raw(r, "\n");
  }
}

/* .TP with "\-o, \-\-output FILE" and the help. */
static void options(roff *r, const cli_command *c) {
  for (size_t i = 0; i < c->option_count; i++) {
    const cli_option *o = &c->options[i];
    char flag[4] = {'-', o->short_name, 0, 0};
    request(r, ".TP");
    if (o->short_name) {
      raw(r, "\\fB");
      text(r, flag, true);
      raw(r, "\\fR, ");
    }
    raw(r, "\\fB\\-\\-");
    text(r, o->name, true);
    raw(r, "\\fR");
    if (o->arg) {
      raw(r, " \\fI");
      text(r, o->arg, true);
      raw(r, "\\fR");
    }
    raw(r, "\n");
    text(r, _(o->help), false);
    raw(r, "\n");
  }
}

/* Each example: what it does, then the command, in lines of at most 70
 * columns ending with " \" where it goes on (as in --help). */
static void examples(roff *r, const cli_example *e) {
  for (size_t i = 0; e[i].command; i++) {
    const char *c = e[i].command, *p = c;
    size_t breaks[16], nb, k = 0;
    if (e[i].what || i == 0) {
      request(r, ".PP");
      if (e[i].what) {
        text(r, _(e[i].what), false);
        raw(r, "\n");
      }
    }
    request(r, ".RS 4");
    request(r, ".nf");
    raw(r, "\\f(CR");
    nb = cli_command_breaks(c, 0, 4, 70, breaks, 16);
    while (*p) {
      size_t len = strcspn(p, " ");
      char word[256];
      if (k < nb && (size_t)(p - c) == breaks[k]) {
        raw(r, " \\e\n    ");
        k++;
      } else if (p != c) {
        raw(r, " ");
      }
      if (len >= sizeof word)
        len = sizeof word - 1;
      memcpy(word, p, len);
      word[len] = '\0';
      text(r, word, true);
      p += len;
      while (*p == ' ')
        p++;
    }
    raw(r, "\\fR\n");
    request(r, ".fi");
    request(r, ".RE");
  }
}

/* NAME-1 in bold with its section, e.g. baocao-render(1). */
static void page_ref(roff *r, const char *command, bool last) {
  raw(r, "\\fBbaocao");
  if (command) {
    raw(r, "\\-");
    text(r, command, true);
  }
  raw(r, last ? "\\fR(1)\n" : "\\fR(1),\n");
}

static void title(roff *r, const char *command, const char *summary) {
  char date[32] = "";
  const char *env = getenv("SOURCE_DATE_EPOCH");
  time_t t = time(NULL);
  struct tm tm;
  if (env && *env) {
    char *end;
    long long v = strtoll(env, &end, 10);
    if (!*end && v >= 0)
      t = (time_t)v;
  }
  if (gmtime_r(&t, &tm))
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
  raw(r, ".\\\" Written by `baocao help --man");
  if (command) {
    raw(r, " ");
    raw(r, command);
  }
  raw(r, "` from the help table (src/cli/help.c).\n");
  raw(r, ".TH \"BAOCAO");
  if (command) {
    char upper[64];
    size_t i = 0;
    for (; command[i] && i + 1 < sizeof upper; i++)
      upper[i] = command[i] >= 'a' && command[i] <= 'z'
                     ? (char)(command[i] - 'a' + 'A')
                     : command[i];
    upper[i] = '\0';
    raw(r, "\\-");
    text(r, upper, true);
  }
  fprintf(r->out, "\" 1 \"%s\" \"baocao %s\" \"User Commands\"\n", date,
          cli_version());
  /* No hyphenation, ragged right: option names stay whole. */
  request(r, ".nh");
  request(r, ".ad l");
  request(r, ".SH NAME");
  raw(r, "baocao");
  if (command) {
    raw(r, "\\-");
    text(r, command, true);
  }
  raw(r, " \\- ");
  text(r, _(summary), false);
  raw(r, "\n");
}

/* One .TP item: name in font ("\\fB" bold, "\\fI" italic), then its text. */
static void tagged(roff *r, const char *font, const char *name,
                   const char *desc) {
  request(r, ".TP");
  raw(r, font);
  text(r, name, true);
  raw(r, "\\fR\n");
  text(r, _(desc), false);
  raw(r, "\n");
}

/* EXIT STATUS, ENVIRONMENT and FILES: the same on every page. */
static void shared_sections(roff *r) {
  request(r, ".SH \"EXIT STATUS\"");
  for (size_t i = 0; i < cli_exit_code_count; i++) {
    request(r, ".TP");
    fprintf(r->out, ".B %d\n", cli_exit_codes[i].code);
    r->bol = true;
    text(r, _(cli_exit_codes[i].text), false);
    raw(r, "\n");
  }
  request(r, ".SH ENVIRONMENT");
  for (size_t i = 0; i < cli_environment_count; i++)
    tagged(r, "\\fB", cli_environment[i].name, cli_environment[i].text);
  request(r, ".SH FILES");
  for (size_t i = 0; i < cli_file_count; i++)
    tagged(r, "\\fI", cli_files[i].name, cli_files[i].text);
  request(r, ".PP");
  text(r,
       _("DATADIR is the data directory: the last line of `baocao --help` "
         "names it."),
       false);
  raw(r, "\n");
}

static bool is_sub(const cli_command *s, const char *parent) {
  size_t len = strlen(parent);
  return !strncmp(s->name, parent, len) && s->name[len] == ' ';
}

/* The other pages: baocao(1) and the other commands'. */
static void see_also(roff *r, const char *command) {
  const char *names[64];
  size_t n = 0;
  request(r, ".SH \"SEE ALSO\"");
  if (command)
    names[n++] = NULL;
  for (size_t i = 0; i < cli_command_count && n < 64; i++)
    if (!strchr(cli_commands[i].name, ' ') &&
        (!command || strcmp(cli_commands[i].name, command)))
      names[n++] = cli_commands[i].name;
  for (size_t i = 0; i < n; i++)
    page_ref(r, names[i], i + 1 == n);
  request(r, ".PP");
  text(r,
       _("docs/ in baocao's sources: data.md, templates.md, bulk.md, "
         "signing.md, errors.md."),
       false);
  raw(r, "\n");
}

static int main_page(roff *r) {
  static const char *const synopses[] = {
      "baocao COMMAND [options]", "baocao help [COMMAND]", "baocao --help",
      "baocao --version", NULL};
  const char *const description[] = {cli_main_description, NULL};
  title(r, NULL,
        N_("Vietnamese administrative reports from SQLite, as Decree 30 "
           "PDFs"));
  synopses_section(r, synopses);
  request(r, ".SH DESCRIPTION");
  paragraphs(r, description, false);
  request(r, ".PP");
  text(r,
       _("Each command has its own page, e.g. baocao-render(1), and its "
         "own --help."),
       false);
  raw(r, "\n");
  request(r, ".SH COMMANDS");
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *c = &cli_commands[i];
    if (strchr(c->name, ' '))
      continue;
    request(r, ".TP");
    raw(r, "\\fB");
    text(r, c->name, true);
    raw(r, "\\fR\n");
    text(r, _(c->summary), false);
    raw(r, "; ");
    page_ref(r, c->name, true);
  }
  request(r, ".TP");
  raw(r, "\\fBhelp\\fR [\\fICOMMAND\\fR]\n");
  text(r, _("the commands and exit codes, or a command's help"), false);
  raw(r, "\n");
  request(r, ".SH OPTIONS");
  request(r, ".TP");
  raw(r, "\\fB\\-h\\fR, \\fB\\-\\-help\\fR\n");
  text(r, _("the commands, exit codes, environment and data directory"), false);
  raw(r, "\n");
  request(r, ".TP");
  raw(r, "\\fB\\-\\-version\\fR\n");
  text(r, _("the version"), false);
  raw(r, "\n");
  shared_sections(r);
  request(r, ".SH EXAMPLES");
  for (size_t i = 0; i < cli_command_count; i++)
    if (!strcmp(cli_commands[i].name, "render") ||
        !strcmp(cli_commands[i].name, "bulk"))
      examples(r, cli_commands[i].examples);
  see_also(r, NULL);
  return EXIT_OK;
}

static int command_page(roff *r, const cli_command *c) {
  title(r, c->name, c->summary);
  synopses_section(r, c->synopsis);
  request(r, ".SH DESCRIPTION");
  paragraphs(r, c->description, false);
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *s = &cli_commands[i];
    if (!is_sub(s, c->name))
      continue;
    newline(r);
    raw(r, ".SS \"");
    text(r, s->synopsis[0], true);
    raw(r, "\"\n");
    paragraphs(r, s->description, false);
    paragraphs(r, s->notes, true);
  }
  request(r, ".SH OPTIONS");
  if (c->operands == CLI_OPERANDS_SUBCOMMAND) {
    for (size_t i = 0; i < cli_command_count; i++) {
      const cli_command *s = &cli_commands[i];
      if (!is_sub(s, c->name))
        continue;
      newline(r);
      raw(r, ".SS \"");
      text(r, s->name, true);
      raw(r, "\"\n");
      options(r, s);
    }
  } else {
    options(r, c);
  }
  paragraphs(r, c->notes, true);
  shared_sections(r);
  request(r, ".SH EXAMPLES");
  examples(r, c->examples);
  for (size_t i = 0; i < cli_command_count; i++)
    if (is_sub(&cli_commands[i], c->name))
      examples(r, cli_commands[i].examples);
  see_also(r, c->name);
  return EXIT_OK;
}

int cli_man(FILE *out, const char *command) {
  roff r = {out, true};
  const cli_command *c = NULL;
  if (command && (!(c = cli_command_find(command)) || strchr(command, ' '))) {
    fprintf(stderr, "baocao: no command '%s'\n", command);
    return EXIT_USAGE;
  }
  return c ? command_page(&r, c) : main_page(&r);
}
