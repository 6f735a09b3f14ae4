/* baocao/version.h: baocao's version and the versions of the libraries it
 * runs with, as each reports itself at run time (`baocao --version`). */
#ifndef BAOCAO_VERSION_H
#define BAOCAO_VERSION_H

#include "baocao/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One library: its name ("HarfBuzz") and the version it reports. */
typedef struct bc_library_version {
  const char *name;  /* static */
  char version[48];  /* "6.0.0", NUL-terminated */
} bc_library_version;

/* At most this many libraries (bc_library_versions). */
#define BC_LIBRARY_VERSIONS_MAX 16

/* baocao's own version, "0.1.0" (static). */
BC_EXPORT const char *bc_version(void);

/*
 * Fills out[0..max) with the libraries baocao is linked with, in pipeline
 * order, each asked at run time (the shared library loaded, which may be
 * newer than the headers it was built with). A library that does not say
 * its version (libp11) is left out. Returns how many there are, which may
 * be more than max (then only max are filled). Thread-safe; allocates
 * only what FreeType needs to say its version, and gives "?" for it when
 * that fails.
 */
BC_EXPORT size_t bc_library_versions(bc_library_version *out, size_t max);

#ifdef __cplusplus
}
#endif

#endif
