/* cli/cli.h: the baocao command line: subcommands, option parsing, exit
 * codes and the one line printed for an error. */
#ifndef BC_CLI_H
#define BC_CLI_H

#include "baocao/baocao.h"
#include "common/buf.h"

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

/* Exit codes: one per kind of failure, documented in `baocao --help`. */
enum {
  EXIT_OK = 0,
  EXIT_INTERNAL = 1, /* a bug or an unexpected library failure */
  EXIT_USAGE = 2,    /* bad command line */
  EXIT_DATABASE = 3, /* database missing, unreadable, not baocao's */
  EXIT_NOTFOUND = 4, /* unknown agency, period, report or page */
  EXIT_DATA = 5,     /* missing indicator or invalid value */
  EXIT_TEMPLATE = 6, /* template or other input file missing or broken */
  EXIT_FONT = 7,     /* font missing or unusable */
  EXIT_OUTPUT = 8,   /* output cannot be written */
  EXIT_NOMEM = 9,    /* out of memory */
  EXIT_LAYOUT = 10,  /* content that cannot be typeset */
  EXIT_CERT = 11,    /* signing certificate or key unusable */
  EXIT_PDF = 12,     /* a PDF that cannot be signed or read */
  EXIT_INVALID = 13, /* verify: a signature does not check out */
  /* check: some report of the period has problems */
  EXIT_INCOMPLETE = 14,
  EXIT_PARTIAL = 15, /* bulk: some reports failed, the others were written */
  EXIT_NETWORK = 16, /* a time-stamping authority did not answer or refused */
  EXIT_UNTRUSTED = 17 /* verify, import-pdf: signatures that check out, but
                         not from a trusted certificate (import: bound to the
                         agency) */
};

/* An option: --name (and -s) taking a value or not, with its help. The
 * tables of help.c are the one source of the options each command parses
 * (a copy, through cli_options), of --help, of the man pages and of the
 * shell completions. */
typedef struct cli_option {
  const char *name;   /* "db" for --db */
  char short_name;    /* 'o' for -o, or 0 */
  const char *arg;    /* "FILE" for --db FILE; NULL: a flag */
  const char *help;   /* N_(): one line, wrapped when printed */
  const char *values; /* the values it takes ("pdf docx odt"), or NULL */
  const char *value;  /* filled: the value, or "" for a flag that is set */
} cli_option;

/* ---- the help table (help.c) ---- */

#define CLI_MAX_OPTIONS 32

/* What the words after a command's options are, for the completions. */
typedef enum cli_operands {
  CLI_OPERANDS_NONE,      /* none: only options */
  CLI_OPERANDS_FILES,     /* files or directories */
  CLI_OPERANDS_SUBCOMMAND /* a subcommand, "db init": "db" + ' ' + "init" */
} cli_operands;

typedef struct cli_example {
  const char *what;    /* N_(): for the man page, or NULL: as the last */
  const char *command; /* one line, wrapped when printed */
} cli_example;

typedef struct cli_command {
  const char *name;                /* "render", "db import" */
  const char *summary;             /* N_(): one line */
  const char *const *synopsis;     /* "baocao render --db FILE ...", NULL */
  const char *const *description;  /* N_() paragraphs, NULL */
  const cli_option *options;
  size_t option_count;
  const char *const *notes;        /* N_() paragraphs after the options */
  const cli_example *examples;     /* ends with {NULL, NULL} */
  cli_operands operands;
} cli_command;

typedef struct cli_exit_status {
  int code;
  const char *text; /* N_() */
} cli_exit_status;

/* An environment variable or a file, and what it is for. */
typedef struct cli_note {
  const char *name;
  const char *text; /* N_() */
} cli_note;

extern const cli_command cli_commands[];
extern const size_t cli_command_count;
extern const cli_exit_status cli_exit_codes[];
extern const size_t cli_exit_code_count;
extern const cli_note cli_environment[];
extern const size_t cli_environment_count;
extern const cli_note cli_files[];
extern const size_t cli_file_count;
extern const char cli_main_description[];

/* The command of that name ("db import" for a subcommand), or NULL. */
const cli_command *cli_command_find(const char *name);
/* Copies the command's options into out[CLI_MAX_OPTIONS] for cli_parse;
 * returns how many. */
size_t cli_options(cli_option *out, const char *command);
/* `baocao COMMAND --help` on out; false for an unknown command. */
bool cli_help(FILE *out, const char *command);
/* `baocao --help` on out. */
void cli_usage(FILE *out);
/* Where the command of an example goes on to a new line, its lines being
 * at most width columns (the first from column col, the others from
 * indent, each but the last ending with " \"): the byte offsets of the
 * words that start a line, an option kept with its value, at most max.
 * Returns how many. */
size_t cli_command_breaks(const char *command,
                          size_t col,
                          size_t indent,
                          size_t width,
                          size_t *breaks,
                          size_t max);
/* The version the binary was built with (the data directory:
 * cli_data_dir, main.c). */
const char *cli_version(void);

/* `baocao help --man [COMMAND]` (man.c): the man page in roff. */
int cli_man(FILE *out, const char *command);
/* `baocao help --completion bash|zsh|fish` (completion.c). */
int cli_completion(FILE *out, const char *shell);

/*
 * Parses argv[0..argc) against options; other words go to positional
 * (at most max_positional). Prints the problem and returns false on an
 * unknown option, a missing value or too many words.
 */
bool cli_parse(int argc,
               char **argv,
               cli_option *options,
               size_t count,
               const char **positional,
               size_t max_positional,
               size_t *positional_count,
               const char *command);

/* The option's value or NULL. */
const char *cli_get(const cli_option *options, size_t count, const char *name);

/* ---- the same on every command (main.c) ---- */

enum { CLI_QUIET = -1, CLI_NORMAL = 0, CLI_VERBOSE = 1 };

/* CLI_QUIET, CLI_NORMAL or CLI_VERBOSE from the -q and -v options in
 * opts; prints the problem and returns false when both are given. */
bool cli_verbosity(int *out,
                   const cli_option *opts,
                   size_t n,
                   const char *command);

/* With CLI_VERBOSE, "baocao COMMAND: <text>" on stderr; nothing
 * otherwise. */
void cli_detail(int verbosity, const char *command, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Milliseconds since t0 (CLOCK_MONOTONIC); cli_now fills t0. */
void cli_now(struct timespec *t0);
double cli_ms_since(const struct timespec *t0);

/* For `-o -`: true when standard output is not a terminal; otherwise
 * prints why the bytes of `what` ("a PDF") are not written to it and
 * returns false (exit EXIT_USAGE). */
bool cli_stdout_for_bytes(const char *command, const char *what);

/* `baocao db import-pdf` (cli/import_pdf.c), argv[0] being "import-pdf". */
int cmd_db_import_pdf(int argc, char **argv);

/* ---- --json (json.c; docs/json.md) ---- */

/* One JSON object for stdout: begin opens it in b; end closes it, writes
 * it with a newline to stdout and frees b, returning rc (EXIT_NOMEM when
 * b ran out of memory). The members go through common/json.h or these. */
void cli_json_begin(bc_buf *b);
int cli_json_end(bc_buf *b, int rc);
void cli_json_str(bc_buf *b, const char *key, const char *value, bool first);
void cli_json_size(bc_buf *b, const char *key, size_t value, bool first);
void cli_json_bool(bc_buf *b, const char *key, bool value, bool first);
void cli_json_double(bc_buf *b, const char *key, double value, bool first);

/* "error": {"code", "exit", "message", "file", "line", "column", "agency",
 * "period"} from err, or from message with the positions null when err is
 * NULL. */
void cli_json_error(bc_buf *b,
                    const char *code,
                    int exit_code,
                    const bc_error *err,
                    const char *message,
                    bool first);

/* cli_fail, then with json {"error": {...}} on stdout. Returns the exit
 * code. */
int cli_fail_json(const bc_error *err, bool json);

/* {"error": {"code": "usage", "exit": 2, ...}} on stdout (the reason went
 * to stderr); returns EXIT_USAGE. main calls it when a command run with
 * --json fails with EXIT_USAGE. */
int cli_json_usage_error(const char *command);

/* --json among the arguments (before any "--"). */
bool cli_json_requested(int argc, char **argv);

/* Signatures as `verify` and `db import-pdf` print them (verdict.c):
 * the verdict's JSON name, the list as JSON, and one
 * signature with the changes after it as lines. */
const char *cli_verdict_key(bc_verdict v);
void cli_json_signatures(bc_buf *b,
                         const bc_signature_report *sigs,
                         size_t count);
void cli_print_signature(FILE *out, const bc_signature_report *s);

/* The hook that tells the CLI each temporary file the library makes
 * (signals.c), for every context, bulk run and export. */
const bc_temp_hook *cli_temp_hook(void);
/* SIGINT, SIGTERM and SIGHUP (unless ignored when we started) remove the
 * temporary files cli_temp_hook knows of, then kill the process with the
 * default action, so that the exit status names the signal. */
void cli_signals_install(void);

/* Prints "baocao: <error>" and returns the exit code for err->code. */
int cli_fail(const bc_error *err);
/* The exit code for a bc_error_code. */
int cli_exit_code(int code);

/* --tone-style VALUE (moi, cu or giu) as a bc_tones in *out (unchanged
 * when value is NULL); prints the problem and returns false otherwise. */
bool cli_tones(const char *value, int *out, const char *command);

/* The data directory: ../share/baocao beside the executable when that
 * directory exists (an installed baocao, any prefix), else the build's
 * BC_DATA_DIR (the source tree). */
const char *cli_data_dir(void);

/* The template directory: the flag, else $BAOCAO_TEMPLATE_DIR, else
 * templates/ in the data directory (written into buf). */
const char *cli_template_dir(const char *flag, char *buf, size_t size);
/* The threads one render uses (bc_context_options.threads): the CPUs
 * this process may use (bc_pool_cpus: taskset, a container's quota), at
 * most 4. */
unsigned cli_render_threads(void);

/* Where the fonts come from: a directory or a system family, for
 * bc_context_options.font_dir and font_family. */
typedef struct cli_font_choice {
  const char *dir;    /* or NULL */
  const char *family; /* or NULL */
  char buf[4096];
} cli_font_choice;

/*
 * --font-dir, else --font-family, else $BAOCAO_FONT_DIR, else Liberation
 * Serif 2 from the system (fontconfig: Debian's fonts-liberation2), else
 * fonts/ in the data directory (the bundled copy). Returns EXIT_OK, or
 * prints the problem and returns EXIT_USAGE when both flags are given or
 * the family is empty, EXIT_FONT when neither the system nor the data
 * directory has Liberation Serif.
 */
int cli_fonts(cli_font_choice *c,
              const char *flag_dir,
              const char *flag_family,
              const char *command);

/*
 * The default output path out/AGENCY_PERIOD<suffix> in buf, creating out/.
 * Codes become file names through bc_file_name, so that data never
 * becomes a path. Prints the problem and returns false when out/ cannot be
 * created.
 */
bool cli_default_output(char *buf,
                        size_t size,
                        const char *agency,
                        const char *period,
                        const char *suffix);

/* The value of --pdf-standard (cli/render.c): a-3b (also when value is
 * NULL) or none. Prints the problem and returns false otherwise. */
bool cli_pdf_standard(const char *value,
                      const char *command,
                      bc_pdf_standard *out);

/* The output format from --format (flag, may be NULL) and the output
 * path's extension (may be NULL), for render and preview (render.c):
 * the flag, else the extension, else PDF. Prints the problem and returns
 * false for an unknown format or one the extension contradicts. */
bool cli_format(int *out,
                const char *flag,
                const char *output,
                const char *command);

/* ---- trust for verify and import-pdf (trust.c) ---- */

typedef struct cli_trust_config {
  bc_trust_options options; /* points into this struct */
  const char *anchor, *untrusted, *crl;
  char dir[4096];
} cli_trust_config;

/* c from the CLI_TRUST_OPTIONS in opts; prints the problem and returns
 * false for a bad --ocsp-timeout. */
bool cli_trust(cli_trust_config *c,
               const cli_option *opts,
               size_t n,
               const char *command);

/* ---- the terminal (terminal.c) ---- */

/* COLUMNS, else the window's width, else 100. */
/* Asks for a secret (a PIN) on /dev/tty without echo, into buf. buf is
 * "" when there is no terminal. Returns EXIT_OK. */
int cli_read_secret(char *buf, size_t size, const char *prompt);

unsigned terminal_columns(void);
/* The window's width in pixels, or 0 when the terminal does not say. */
unsigned terminal_width_px(void);

typedef enum terminal_graphics {
  GRAPHICS_AUTO = 0,
  GRAPHICS_KITTY,
  GRAPHICS_SIXEL,
  GRAPHICS_BLOCKS
} terminal_graphics;

/* auto, kitty, sixel or blocks; false for anything else. */
bool terminal_graphics_parse(const char *name, terminal_graphics *out);
/* What stdout's terminal understands: kitty's graphics protocol when the
 * terminal is kitty, WezTerm or ghostty; sixel when it says so to a
 * device-attributes query (0.2 s at most); block characters otherwise,
 * and always when stdin or stdout is not a terminal. */
terminal_graphics terminal_graphics_detect(void);

/* Two pixel rows per line of text: upper half blocks in 24-bit grey, or
 * without colour one of " ░▒▓█" for the two pixels' mean darkness. */
void draw_blocks(FILE *f,
                 const unsigned char *pixels,
                 unsigned width,
                 unsigned height,
                 bool colour);
/* The grey image as sixel, 16 greys, one pixel per pixel. */
void draw_sixel(FILE *f,
                const unsigned char *pixels,
                unsigned width,
                unsigned height);
/* The PNG through kitty's graphics protocol, scaled to columns cells. */
void draw_kitty(FILE *f,
                const unsigned char *png,
                size_t len,
                unsigned columns);

int cmd_render(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_preview(int argc, char **argv);
int cmd_bulk(int argc, char **argv);
int cmd_db(int argc, char **argv);
int cmd_sign(int argc, char **argv);
int cmd_verify(int argc, char **argv);

#endif
