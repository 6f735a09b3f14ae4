/* cli/completion.c: `baocao help --completion bash|zsh|fish`: the shell
 * completion scripts, from the help table of help.c. */
#include "cli/cli.h"

int cli_completion(FILE *out, const char *shell) {
  (void)out;
  (void)shell;
  return EXIT_USAGE;
}
