/* common/version.h: the list of library versions that each module adds its
 * own libraries to (render/version.c gathers them: bc_library_versions). */
#ifndef BC_COMMON_VERSION_H
#define BC_COMMON_VERSION_H

#include "baocao/version.h"

#include <stddef.h>

/* A module's part of the list: appends its libraries to out at *n while
 * *n < max, counting every one in *n. */
typedef void bc_versions_fn(bc_library_version *out, size_t max, size_t *n);

/* Appends name and version (copied, cut to fit; "?" when NULL). */
void bc_version_put(bc_library_version *out,
                    size_t max,
                    size_t *n,
                    const char *name,
                    const char *version);

/* utf8proc (common/utf8.c). */
bc_versions_fn bc_utf8_versions;

#endif
