/* cli/cli.h: the baocao command line: subcommands, option parsing, exit
 * codes and the one line printed for an error. */
#ifndef BC_CLI_H
#define BC_CLI_H

#include "baocao/baocao.h"

#include <stdbool.h>
#include <stdio.h>

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

/* An option: --name (and -s) taking a value or not. */
typedef struct cli_option {
  const char *name; /* "db" for --db */
  char short_name;  /* 'o' for -o, or 0 */
  bool has_value;
  const char *value; /* filled: the value, or "" for a flag that is set */
} cli_option;

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

/* `baocao db import-pdf` (cli/import_pdf.c), argv[0] being "import-pdf". */
int cmd_db_import_pdf(int argc, char **argv);

/* Signatures as `verify` and `db import-pdf` print them (verdict.c):
 * a JSON string, the verdict's JSON name, the list as JSON, and one
 * signature with the changes after it as lines. */
void cli_json_string(FILE *out, const char *s);
const char *cli_verdict_key(bc_verdict v);
void cli_json_signatures(FILE *out,
                         const bc_signature_report *sigs,
                         size_t count);
void cli_print_signature(FILE *out, const bc_signature_report *s);

/* Prints "baocao: <error>" and returns the exit code for err->code. */
int cli_fail(const bc_error *err);

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

#define CLI_FONT_USAGE                                                         \
  "  --font-dir DIR       the four Liberation Serif files (default:\n"         \
  "                       $BAOCAO_FONT_DIR, else Liberation Serif 2 from\n"    \
  "                       the system, else fonts/ in the data directory)\n"    \
  "  --font-family NAME   this family from the system's fonts (fontconfig)\n"  \
  "                       instead, e.g. \"Times New Roman\": its four\n"       \
  "                       faces, by exactly that name\n"

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

#define CLI_TRUST_OPTIONS                                                      \
  {"trust", 0, true, NULL}, {"untrusted", 0, true, NULL},                      \
      {"crl", 0, true, NULL}, {"ocsp", 0, false, NULL},                        \
      {"ocsp-timeout", 0, true, NULL}

#define CLI_TRUST_USAGE                                                        \
  "  --trust FILE|DIR     trust anchors: CA certificates (PEM or DER; a\n"     \
  "                       directory of *.pem, *.crt, *.cer, *.der); default\n" \
  "                       $BAOCAO_TRUST, else trust/ in the data directory\n"  \
  "  --untrusted FILE     intermediate CA certificates to build chains with\n" \
  "  --crl FILE           CRLs (PEM or DER) of the signers' issuers\n"         \
  "  --ocsp               ask the OCSP responder each certificate names\n"     \
  "  --ocsp-timeout S     seconds to wait for it (default 10)\n"

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
