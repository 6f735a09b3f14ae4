/* tests/check_main.c: runs one Check suite by name (ctest runs each). */
#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SUITES(X)                                                              \
  X(common)                                                                    \
  X(model)                                                                     \
  X(data)                                                                      \
  X(import) X(template) X(markup) X(text) X(layout) X(pdf) X(raster)          \
      X(office) X(sign) X(render) X(exchange) X(api)

int main(int argc, char **argv) {
  static const struct {
    const char *name;
    Suite *(*make)(void);
  } suites[] = {
#define ENTRY(name) {#name, name##_suite},
      SUITES(ENTRY)
#undef ENTRY
  };
  SRunner *runner = NULL;
  for (size_t i = 0; i < sizeof suites / sizeof suites[0]; i++) {
    if (argc > 1 && strcmp(argv[1], suites[i].name) != 0)
      continue;
    if (!runner)
      runner = srunner_create(suites[i].make());
    else
      srunner_add_suite(runner, suites[i].make());
  }
  if (!runner) {
    fprintf(stderr, "unknown suite '%s'\n", argc > 1 ? argv[1] : "");
    return 2;
  }
  srunner_run_all(runner, CK_NORMAL);
  int failed = srunner_ntests_failed(runner);
  srunner_free(runner);
  return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
