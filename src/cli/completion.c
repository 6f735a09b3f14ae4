/* cli/completion.c: `baocao help --completion bash|zsh|fish`: the shell
 * completion scripts, from the help table of help.c; the build writes
 * them into completions/ (CMakeLists.txt). */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <string.h>

/* What an option's value completes to. */
typedef enum value_kind {
  VALUE_NONE,  /* a flag */
  VALUE_TEXT,  /* something to type: a code, a number, a URL */
  VALUE_WORDS, /* one of o->values */
  VALUE_FILE,
  VALUE_DIR
} value_kind;

static value_kind kind_of(const cli_option *o) {
  static const char *const files[] = {"FILE", "FILE|DIR", "PNG", "LIB", NULL};
  if (!o->arg)
    return VALUE_NONE;
  if (o->values)
    return VALUE_WORDS;
  if (!strcmp(o->arg, "DIR"))
    return VALUE_DIR;
  for (size_t i = 0; files[i]; i++)
    if (!strcmp(o->arg, files[i]))
      return VALUE_FILE;
  return VALUE_TEXT;
}

static bool top_level(const cli_command *c) {
  return !strchr(c->name, ' ');
}

/* s without its first len bytes and a space: "init" of "db init". */
static const char *sub_name(const cli_command *c, const char *parent) {
  size_t len = strlen(parent);
  if (strncmp(c->name, parent, len) || c->name[len] != ' ')
    return NULL;
  return c->name + len + 1;
}

/*
 * The help's first words, for a shell's menu: up to the first "; ",
 * " (" or ": " when that leaves some words, then at most 60 bytes,
 * cut at a space.
 */
static void short_help(char *buf, size_t size, const char *help) {
  static const char *const stops[] = {"; ", " (", ": ", NULL};
  size_t n = strlen(help);
  for (size_t i = 0; stops[i]; i++) {
    const char *s = strstr(help, stops[i]);
    if (s && (size_t)(s - help) >= 12 && (size_t)(s - help) < n)
      n = (size_t)(s - help);
  }
  if (n > 60) {
    n = 60;
    while (n > 0 && help[n] != ' ')
      n--;
  }
  if (n >= size)
    n = size - 1;
  memcpy(buf, help, n);
  buf[n] = '\0';
}

/* s inside '...' of sh, zsh or fish: ' and (for fish and zsh's
 * brackets) \ escaped; for zsh also ] and : where they end something. */
static void quoted(FILE *out, const char *s, const char *also) {
  for (; *s; s++) {
    if (*s == '\'')
      fputs("'\\''", out);
    else if (also && strchr(also, *s))
      fprintf(out, "\\%c", *s);
    else
      fputc(*s, out);
  }
}

/* ---- bash ---- */

static void bash_option_words(FILE *out, const cli_command *c) {
  for (size_t i = 0; i < c->option_count; i++) {
    if (c->options[i].short_name)
      fprintf(out, "-%c ", c->options[i].short_name);
    fprintf(out, "--%s%s", c->options[i].name,
            i + 1 < c->option_count ? " " : "");
  }
}

/* "render/--db"|"render/-o" ...: the case labels of a kind. */
static bool bash_labels(FILE *out,
                        const cli_command *c,
                        value_kind kind,
                        const char *values) {
  bool any = false;
  for (size_t i = 0; i < c->option_count; i++) {
    const cli_option *o = &c->options[i];
    if (kind_of(o) != kind || (values && strcmp(o->values, values)))
      continue;
    if (o->short_name)
      fprintf(out, "%s'%s/-%c'", any ? "|" : "    ", c->name, o->short_name);
    fprintf(out, "%s'%s/--%s'", any || o->short_name ? "|" : "    ", c->name,
            o->name);
    any = true;
  }
  return any;
}

static int bash(FILE *out) {
  fputs("# bash completion for baocao: written by `baocao help --completion "
        "bash`\n# from its help table (src/cli/help.c).\n\n",
        out);
  fputs("_baocao_options() {\n  case $1 in\n", out);
  for (size_t i = 0; i < cli_command_count; i++) {
    fprintf(out, "    '%s') echo '", cli_commands[i].name);
    bash_option_words(out, &cli_commands[i]);
    fputs("' ;;\n", out);
  }
  fputs("  esac\n}\n\n", out);
  fputs("_baocao_compgen() { # compgen ARGS...: COMPREPLY, one per line\n"
        "  mapfile -t COMPREPLY < <(compgen \"$@\" -- \"$cur\")\n"
        "  [ -n \"$pre\" ] && COMPREPLY=(\"${COMPREPLY[@]/#/$pre}\")\n"
        "  return 0\n"
        "}\n\n"
        "_baocao() {\n"
        "  local cur=${COMP_WORDS[COMP_CWORD]} prev= opt pre= cmd= sub= i w\n"
        "  COMPREPLY=()\n"
        "  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD-1]}\n"
        "  # --opt=value: split at = into three words, or one\n"
        "  if [[ $cur == = ]]; then opt=$prev cur=\n"
        "  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then "
        "opt=${COMP_WORDS[COMP_CWORD-2]}\n"
        "  elif [[ $cur == --*=* ]]; then opt=${cur%%=*} pre=${cur%%=*}= "
        "cur=${cur#*=}\n"
        "  else opt=$prev; fi\n"
        "  # the command, and db's subcommand: the first words that are not\n"
        "  # options\n"
        "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
        "    w=${COMP_WORDS[i]}\n"
        "    [[ $w == -* || $w == = ]] && continue\n"
        "    if [[ -z $cmd ]]; then cmd=$w\n"
        "    elif [[ ($cmd == db || $cmd == help) && -z $sub ]]; then sub=$w\n"
        "    else break; fi\n"
        "  done\n"
        "  case $cmd in\n"
        "    '')\n"
        "      [[ $cur == -* ]] && { _baocao_compgen -W '--help --version'; "
        "return; }\n",
        out);
  fputs("      _baocao_compgen -W '", out);
  for (size_t i = 0; i < cli_command_count; i++)
    if (top_level(&cli_commands[i]))
      fprintf(out, "%s ", cli_commands[i].name);
  fputs("help'\n      return ;;\n", out);
  /* help COMMAND [SUBCOMMAND], db SUBCOMMAND */
  fputs("    help)\n      if [[ -z $sub ]]; then _baocao_compgen -W '", out);
  for (size_t i = 0, first = 1; i < cli_command_count; i++)
    if (top_level(&cli_commands[i])) {
      fprintf(out, "%s%s", first ? "" : " ", cli_commands[i].name);
      first = 0;
    }
  fputs("'\n      elif [[ $sub == db ]]; then _baocao_compgen -W '", out);
  for (size_t i = 0, first = 1; i < cli_command_count; i++)
    if (sub_name(&cli_commands[i], "db")) {
      fprintf(out, "%s%s", first ? "" : " ", sub_name(&cli_commands[i], "db"));
      first = 0;
    }
  fputs("'\n      fi\n      return ;;\n", out);
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *c = &cli_commands[i];
    if (c->operands != CLI_OPERANDS_SUBCOMMAND)
      continue;
    fprintf(out, "    %s)\n      if [[ -z $sub ]]; then\n", c->name);
    fprintf(out,
            "        if [[ $cur == -* ]]; then _baocao_compgen -W "
            "\"$(_baocao_options %s)\"\n",
            c->name);
    fputs("        else _baocao_compgen -W '", out);
    for (size_t k = 0, first = 1; k < cli_command_count; k++)
      if (sub_name(&cli_commands[k], c->name)) {
        fprintf(out, "%s%s", first ? "" : " ",
                sub_name(&cli_commands[k], c->name));
        first = 0;
      }
    fputs("'; fi\n        return\n      fi\n", out);
    fprintf(out, "      cmd=\"%s $sub\" ;;\n", c->name);
  }
  fputs("  esac\n  # an option's value\n  case \"$cmd/$opt\" in\n", out);
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *c = &cli_commands[i];
    if (bash_labels(out, c, VALUE_FILE, NULL))
      fputs(") compopt -o filenames 2>/dev/null; _baocao_compgen -f; "
            "return ;;\n",
            out);
    if (bash_labels(out, c, VALUE_DIR, NULL))
      fputs(") compopt -o filenames 2>/dev/null; _baocao_compgen -d; "
            "return ;;\n",
            out);
    if (bash_labels(out, c, VALUE_TEXT, NULL))
      fputs(") return ;;\n", out);
    for (size_t k = 0; k < c->option_count; k++) {
      const cli_option *o = &c->options[k];
      bool seen = false;
      if (kind_of(o) != VALUE_WORDS)
        continue;
      for (size_t j = 0; j < k; j++)
        seen |=
            c->options[j].values && !strcmp(c->options[j].values, o->values);
      if (seen)
        continue;
      bash_labels(out, c, VALUE_WORDS, o->values);
      fprintf(out, ") _baocao_compgen -W '%s'; return ;;\n", o->values);
    }
  }
  fputs("  esac\n"
        "  [[ -n $pre ]] && return\n"
        "  if [[ $cur == -* ]]; then\n"
        "    _baocao_compgen -W \"$(_baocao_options \"$cmd\")\"\n"
        "    return\n"
        "  fi\n"
        "  # the words after the options\n"
        "  case $cmd in\n",
        out);
  for (size_t i = 0, first = 1; i < cli_command_count; i++)
    if (cli_commands[i].operands == CLI_OPERANDS_FILES) {
      fprintf(out, "%s'%s'", first ? "    " : "|", cli_commands[i].name);
      first = 0;
    }
  fputs(") compopt -o filenames 2>/dev/null; _baocao_compgen -f ;;\n"
        "    *) _baocao_compgen -W \"$(_baocao_options \"$cmd\")\" ;;\n"
        "  esac\n"
        "}\n"
        "complete -F _baocao baocao\n",
        out);
  return EXIT_OK;
}

/* ---- zsh ---- */

static const char *zsh_action(const cli_option *o, char *buf, size_t size) {
  switch (kind_of(o)) {
  case VALUE_FILE:
    return "_files";
  case VALUE_DIR:
    return "_files -/";
  case VALUE_WORDS:
    snprintf(buf, size, "(%s)", o->values);
    return buf;
  default:
    return " ";
  }
}

/* '(-o --output)'{-o+,--output}'[the file to write]:FILE:_files' */
static void zsh_option(FILE *out, const cli_option *o) {
  char help[128], action[256];
  const char *act = zsh_action(o, action, sizeof action);
  short_help(help, sizeof help, _(o->help));
  fputs("    ", out);
  if (!strcmp(o->name, "help"))
    fputs("'(- *)'", out);
  else if (o->short_name)
    fprintf(out, "'(-%c --%s)'", o->short_name, o->name);
  if (o->short_name)
    fprintf(out, "{-%c%s,--%s}'", o->short_name, o->arg ? "+" : "", o->name);
  else
    fprintf(out, "'--%s", o->name);
  fputc('[', out);
  quoted(out, help, "\\[]:");
  fputc(']', out);
  if (o->arg) {
    fputc(':', out);
    quoted(out, o->arg, "\\:");
    fputc(':', out);
    quoted(out, act, NULL);
  }
  fputs("' \\\n", out);
}

static void zsh_describe(FILE *out, const char *parent) {
  char help[128];
  fputs("      local -a commands=(\n", out);
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *c = &cli_commands[i];
    const char *name = parent         ? sub_name(c, parent)
                       : top_level(c) ? c->name
                                      : NULL;
    if (!name)
      continue;
    short_help(help, sizeof help, _(c->summary));
    fprintf(out, "        '%s:", name);
    quoted(out, help, "\\");
    fputs("'\n", out);
  }
  if (!parent) {
    fputs("        'help:", out);
    quoted(out, _("this text, or `baocao help <command>`"), "\\");
    fputs("'\n", out);
  }
  fputs("      )\n", out);
}

static int zsh(FILE *out) {
  fputs("#compdef baocao\n# zsh completion for baocao: written by `baocao "
        "help --completion zsh`\n# from its help table (src/cli/help.c).\n\n",
        out);
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *c = &cli_commands[i];
    fputs("_baocao_", out);
    for (const char *p = c->name; *p; p++)
      fputc(*p == ' ' || *p == '-' ? '_' : *p, out);
    fputs("() {\n  _arguments -s -S \\\n", out);
    for (size_t k = 0; k < c->option_count; k++)
      zsh_option(out, &c->options[k]);
    if (c->operands == CLI_OPERANDS_FILES)
      fputs("    '*:file:_files'\n}\n\n", out);
    else
      fputs("    && return 0\n}\n\n", out);
  }
  fputs("_baocao() {\n"
        "  local curcontext=$curcontext state state_descr line ret=1\n"
        "  typeset -A opt_args\n"
        "  _arguments -C \\\n"
        "    '(- *)'{-h,--help}'[the commands, exit codes and environment]' "
        "\\\n"
        "    '(- *)--version[the version]' \\\n"
        "    '1:command:->command' \\\n"
        "    '*::argument:->argument' && ret=0\n"
        "  case $state in\n"
        "    command)\n",
        out);
  zsh_describe(out, NULL);
  fputs("      _describe -t commands 'baocao command' commands && ret=0 ;;\n"
        "    argument)\n"
        "      curcontext=${curcontext%:*:*}:baocao-$words[1]:\n"
        "      case $words[1] in\n"
        "        help)\n"
        "          if (( CURRENT == 2 )); then\n",
        out);
  zsh_describe(out, NULL);
  fputs("            _describe -t commands 'baocao command' commands && "
        "ret=0\n"
        "          elif (( CURRENT == 3 )) && [[ $words[2] == db ]]; then\n",
        out);
  zsh_describe(out, "db");
  fputs("            _describe -t commands 'db command' commands && ret=0\n"
        "          fi ;;\n"
        "        db)\n"
        "          if (( CURRENT == 2 )); then\n",
        out);
  zsh_describe(out, "db");
  fputs("            _describe -t commands 'db command' commands && ret=0\n"
        "          else\n"
        "            shift words; (( CURRENT-- ))\n"
        "            curcontext=${curcontext%:*}-$words[1]:\n"
        "            case $words[1] in\n",
        out);
  for (size_t i = 0; i < cli_command_count; i++) {
    const char *sub = sub_name(&cli_commands[i], "db");
    if (!sub)
      continue;
    fprintf(out, "              %s) _baocao_db_", sub);
    for (const char *p = sub; *p; p++)
      fputc(*p == '-' ? '_' : *p, out);
    fputs(" && ret=0 ;;\n", out);
  }
  fputs("            esac\n          fi ;;\n", out);
  for (size_t i = 0; i < cli_command_count; i++)
    if (top_level(&cli_commands[i]) &&
        cli_commands[i].operands != CLI_OPERANDS_SUBCOMMAND)
      fprintf(out, "        %s) _baocao_%s && ret=0 ;;\n", cli_commands[i].name,
              cli_commands[i].name);
  fputs("      esac ;;\n"
        "  esac\n"
        "  return ret\n"
        "}\n\n"
        "_baocao \"$@\"\n",
        out);
  return EXIT_OK;
}

/* ---- fish ---- */

static void fish_condition(FILE *out, const char *command) {
  fprintf(out, "complete -c baocao -n '__baocao_is \"%s\"'", command);
}

static int fish(FILE *out) {
  char help[128];
  fputs("# fish completion for baocao: written by `baocao help --completion "
        "fish`\n# from its help table (src/cli/help.c).\n\n"
        "# The command so far: \"\", \"render\", \"db\", \"db init\", "
        "\"help\" ...\n"
        "function __baocao_command\n"
        "    set -l words (commandline -opc)\n"
        "    set -e words[1]\n"
        "    set -l cmd\n"
        "    for w in $words\n"
        "        string match -q -- '-*' $w; and continue\n"
        "        if test -z \"$cmd\"\n"
        "            set cmd $w\n"
        "        else if test \"$cmd\" = db\n"
        "            set cmd \"db $w\"\n"
        "            break\n"
        "        else\n"
        "            break\n"
        "        end\n"
        "    end\n"
        "    echo $cmd\n"
        "end\n\n"
        "function __baocao_is\n"
        "    set -l c (__baocao_command)\n"
        "    test \"$c\" = \"$argv[1]\"\n"
        "end\n\n"
        "complete -c baocao -f\n",
        out);
  fish_condition(out, "");
  fputs(" -s h -l help -d 'the commands, exit codes and environment'\n", out);
  fish_condition(out, "");
  fputs(" -l version -d 'the version'\n", out);
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *c = &cli_commands[i];
    const char *name = top_level(c) ? c->name : sub_name(c, "db");
    short_help(help, sizeof help, _(c->summary));
    fish_condition(out, top_level(c) ? "" : "db");
    fprintf(out, " -a %s -d '", name);
    quoted(out, help, NULL);
    fputs("'\n", out);
    if (top_level(c)) {
      fish_condition(out, "help");
      fprintf(out, " -a %s -d '", name);
      quoted(out, help, NULL);
      fputs("'\n", out);
    }
  }
  fish_condition(out, "");
  fputs(" -a help -d 'this text, or `baocao help <command>`'\n", out);
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *c = &cli_commands[i];
    fprintf(out, "\n# %s\n", c->name);
    for (size_t k = 0; k < c->option_count; k++) {
      const cli_option *o = &c->options[k];
      fish_condition(out, c->name);
      if (o->short_name)
        fprintf(out, " -s %c", o->short_name);
      fprintf(out, " -l %s", o->name);
      switch (kind_of(o)) {
      case VALUE_FILE:
        fputs(" -r -F", out);
        break;
      case VALUE_DIR:
        fputs(" -x -a '(__fish_complete_directories (commandline -ct))'", out);
        break;
      case VALUE_WORDS:
        fprintf(out, " -x -a '%s'", o->values);
        break;
      case VALUE_TEXT:
        fputs(" -x", out);
        break;
      default:
        break;
      }
      short_help(help, sizeof help, _(o->help));
      fputs(" -d '", out);
      quoted(out, help, NULL);
      fputs("'\n", out);
    }
    if (c->operands == CLI_OPERANDS_FILES) {
      fish_condition(out, c->name);
      fputs(" -F\n", out);
    }
  }
  return EXIT_OK;
}

int cli_completion(FILE *out, const char *shell) {
  if (!strcmp(shell, "bash"))
    return bash(out);
  if (!strcmp(shell, "zsh"))
    return zsh(out);
  if (!strcmp(shell, "fish"))
    return fish(out);
  fprintf(stderr, "baocao: no completion for '%s': bash, zsh or fish\n", shell);
  return EXIT_USAGE;
}
