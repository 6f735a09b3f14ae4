/* common/dl.c: a shared library loaded when first needed and its table
 * of functions (common/dl.h). */
#include "common/dl.h"

#include "common/i18n.h"

#include <dlfcn.h>
#include <string.h>

int bc_dl_load(void *table,
               const bc_dl_function *fns,
               size_t count,
               const char *soname,
               const char *library,
               const char *purpose,
               bc_error *err) {
  void *lib = dlopen(soname, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (!lib) {
    const char *why = dlerror();
    return bc_error_set(err, BC_ERROR, "cannot load %s, which %s: %s", library,
                        bc_tr(purpose), why ? why : soname);
  }
  for (size_t i = 0; i < count; i++) {
    void *fn = dlsym(lib, fns[i].name);
    if (!fn) {
      dlclose(lib);
      return bc_error_set(err, BC_ERROR, "%s has no function %s", soname,
                          fns[i].name);
    }
    /* POSIX: a function's address converts to and from void *. */
    memcpy((char *)table + fns[i].at, &fn, sizeof fn);
  }
  dlclose(lib); /* RTLD_NODELETE: it stays */
  return 0;
}
