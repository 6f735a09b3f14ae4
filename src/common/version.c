/* common/version.c: appending to the list of library versions (each
 * module reports its own libraries; render/version.c gathers them). */
#include "common/version.h"

#include <stdio.h>

void bc_version_put(bc_library_version *out,
                    size_t max,
                    size_t *n,
                    const char *name,
                    const char *version) {
  if (*n < max) {
    out[*n].name = name;
    snprintf(out[*n].version, sizeof out[*n].version, "%s",
             version && *version ? version : "?");
  }
  (*n)++;
}
