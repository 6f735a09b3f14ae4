/* cli/json.c: the JSON that --json prints: one object per run on stdout,
 * written with common/json.h, and the error object every command shares
 * (docs/json.md, docs/json/baocao-error.schema.json). */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "common/json.h"

#include <string.h>

void cli_json_begin(bc_buf *b) {
  bc_buf_init(b, bc_allocator_default());
  bc_buf_putc(b, '{');
}

int cli_json_end(bc_buf *b, int rc) {
  bc_buf_puts(b, "}\n");
  if (b->failed) {
    bc_buf_free(b);
    fputs(_("baocao: out of memory\n"), stderr);
    return EXIT_NOMEM;
  }
  if (fwrite(b->data, 1, b->len, stdout) != b->len || fflush(stdout) != 0) {
    bc_buf_free(b);
    fputs(_("baocao: cannot write the JSON to standard output\n"), stderr);
    return rc ? rc : EXIT_OUTPUT;
  }
  bc_buf_free(b);
  return rc;
}

void cli_json_str(bc_buf *b, const char *key, const char *value, bool first) {
  bc_json_key(b, key, first);
  bc_json_string(b, value);
}

void cli_json_size(bc_buf *b, const char *key, size_t value, bool first) {
  bc_json_key(b, key, first);
  bc_buf_printf(b, "%zu", value);
}

void cli_json_bool(bc_buf *b, const char *key, bool value, bool first) {
  bc_json_key(b, key, first);
  bc_buf_puts(b, value ? "true" : "false");
}

void cli_json_double(bc_buf *b, const char *key, double value, bool first) {
  bc_json_key(b, key, first);
  bc_json_number(b, value);
}

/* "" as null */
static void str_or_null(bc_buf *b, const char *key, const char *value) {
  bc_json_key(b, key, false);
  bc_json_string(b, value && *value ? value : NULL);
}

static void int_or_null(bc_buf *b, const char *key, int value) {
  bc_json_key(b, key, false);
  if (value > 0)
    bc_buf_printf(b, "%d", value);
  else
    bc_buf_puts(b, "null");
}

void cli_json_error(bc_buf *b,
                    const char *code,
                    int exit_code,
                    const bc_error *err,
                    const char *message,
                    bool first) {
  bc_json_key(b, "error", first);
  bc_buf_putc(b, '{');
  cli_json_str(b, "code", code, true);
  bc_json_key(b, "exit", false);
  bc_buf_printf(b, "%d", exit_code);
  cli_json_str(b, "message", err ? err->message : message, false);
  str_or_null(b, "file", err ? err->file : NULL);
  int_or_null(b, "line", err ? err->line : 0);
  int_or_null(b, "column", err ? err->column : 0);
  str_or_null(b, "agency", err ? err->agency : NULL);
  str_or_null(b, "period", err ? err->period : NULL);
  bc_buf_putc(b, '}');
}

int cli_fail_json(const bc_error *err, bool json) {
  int rc = cli_fail(err);
  bc_buf b;
  if (!json)
    return rc;
  cli_json_begin(&b);
  cli_json_error(&b, bc_error_key(err->code), rc, err, NULL, true);
  return cli_json_end(&b, rc);
}

int cli_json_usage_error(const char *command) {
  bc_buf b;
  char message[160];
  snprintf(message, sizeof message,
           "bad command line: the reason is on standard error (see baocao "
           "help %s)",
           command);
  cli_json_begin(&b);
  cli_json_error(&b, "usage", EXIT_USAGE, NULL, message, true);
  return cli_json_end(&b, EXIT_USAGE);
}

bool cli_json_requested(int argc, char **argv) {
  for (int i = 0; i < argc; i++) {
    if (!strcmp(argv[i], "--"))
      return false;
    if (!strcmp(argv[i], "--json"))
      return true;
  }
  return false;
}
