/* sign/load.c: the library's side of the signing module: loads
 * baocao-sign.so (sign/module.c, which links OpenSSL and libp11) on the
 * first signature made or checked, and calls it through its table.
 *
 * Design notes:
 *  1. Why a module: a process that only renders never loads libcrypto,
 *     whose relocations cost every `baocao render` about 1 ms and 1.6 MB
 *     of resident pages (docs/performance.md). The functions below have
 *     the names and contracts of sign/sign.h, so callers do not know.
 *  2. Where: beside the file this code is in (the executable, from
 *     /proc/self/exe, or the shared library), as in a build tree; else
 *     in BC_SIGN_MODULE_RELDIR from there (an installed bin/baocao:
 *     ../lib/<triplet>/baocao); else in baocao/ there (an installed
 *     library). Never from the environment or the working directory.
 *  3. The module stays loaded (RTLD_NODELETE); finding it again is a
 *     dlopen of a loaded file: no state of our own is kept.
 *  4. Test programs link the files of sign/ themselves; then this file is not
 *     linked (its names are already defined) and nothing is loaded. */
#define _GNU_SOURCE /* dl_iterate_phdr, RTLD_NODELETE */
#include "sign/module.h"

#include "common/error.h"
#include "common/i18n.h"
#include "common/version.h"

#include <dlfcn.h>
#include <limits.h>
#include <link.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef BC_SIGN_MODULE_RELDIR
#define BC_SIGN_MODULE_RELDIR "../lib/baocao"
#endif
#define MODULE_FILE "baocao-sign.so"

typedef struct find_self {
  uintptr_t addr;
  char path[PATH_MAX]; /* "" for the executable */
  int found;
} find_self;

static int holds_addr(struct dl_phdr_info *info, size_t size, void *ud) {
  find_self *f = ud;
  (void)size;
  for (int i = 0; i < info->dlpi_phnum; i++) {
    const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
    uintptr_t start = (uintptr_t)info->dlpi_addr + ph->p_vaddr;
    if (ph->p_type == PT_LOAD && f->addr >= start &&
        f->addr < start + ph->p_memsz) {
      snprintf(f->path, sizeof f->path, "%s",
               info->dlpi_name ? info->dlpi_name : "");
      f->found = 1;
      return 1;
    }
  }
  return 0;
}

/* The directory of the file this code is in, into dir; 0 or -1. */
static int own_dir(char *dir, size_t size) {
  find_self f;
  char real[PATH_MAX];
  memset(&f, 0, sizeof f);
  f.addr = (uintptr_t)(void *)&own_dir;
  dl_iterate_phdr(holds_addr, &f);
  if (!f.found || !f.path[0]) { /* the executable */
    ssize_t n = readlink("/proc/self/exe", f.path, sizeof f.path - 1);
    if (n <= 0)
      return -1;
    f.path[n] = '\0';
  }
  if (!realpath(f.path, real))
    return -1;
  char *slash = strrchr(real, '/');
  if (!slash || (size_t)(slash - real) >= size)
    return -1;
  memcpy(dir, real, (size_t)(slash - real));
  dir[slash - real] = '\0';
  return 0;
}

static int module(const bc_sign_module **out, bc_error *err) {
  static const char reldir[] = "/" BC_SIGN_MODULE_RELDIR;
  const char *const places[] = {"", reldir, "/baocao"};
  static const size_t sizes[] = BC_SIGN_MODULE_SIZES;
  char dir[PATH_MAX], path[PATH_MAX + 64];
  const char *found = NULL;
  if (own_dir(dir, sizeof dir) != 0)
    return bc_error_set(err, BC_ERROR,
                        "cannot find where baocao is installed, to load "
                        "its signing module %s",
                        MODULE_FILE);
  for (size_t i = 0; i < sizeof places / sizeof *places && !found; i++) {
    snprintf(path, sizeof path, "%s%s/%s", dir, places[i], MODULE_FILE);
    if (access(path, F_OK) == 0)
      found = path;
  }
  if (!found)
    return bc_error_set(err, BC_ERROR,
                        "the signing module %s is not installed (looked in "
                        "%s, %s/%s and %s/baocao)",
                        MODULE_FILE, dir, dir, BC_SIGN_MODULE_RELDIR, dir);
  void *lib = dlopen(found, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE);
  if (!lib)
    return bc_error_set(err, BC_ERROR, "cannot load the signing module: %s",
                        dlerror());
  bc_sign_module_entry_fn *entry;
  *(void **)&entry = dlsym(lib, BC_SIGN_MODULE_ENTRY);
  const bc_sign_module *m = entry ? entry() : NULL;
  dlclose(lib); /* RTLD_NODELETE: it stays */
  if (!m || strcmp(m->version, BC_VERSION) != 0 ||
      memcmp(m->sizes, sizes, sizeof sizes) != 0)
    return bc_error_set(err, BC_ERROR,
                        "%s is not the signing module of this baocao (%s)",
                        found, BC_VERSION);
  *out = m;
  return 0;
}

int bc_sign__pdf(const bc_sign_request *req,
                 const bc_fontset *fonts,
                 bc_shaper *shaper,
                 bc_arena *arena,
                 bc_error *err) {
  const bc_sign_module *m;
  int rc = module(&m, err);
  return rc ? rc : m->sign_pdf(req, fonts, shaper, arena, err);
}

int bc_trust_load(bc_trust **out, const bc_trust_options *opts, bc_error *err) {
  const bc_sign_module *m;
  int rc = module(&m, err);
  return rc ? rc : m->trust_load(out, opts, err);
}

void bc_trust_free(bc_trust *t) {
  const bc_sign_module *m;
  bc_error err;
  /* A trust store comes from the module, so it is loaded already. */
  if (t && module(&m, &err) == 0)
    m->trust_free(t);
}

int bc_verify_bytes(bc_verification *out,
                    const unsigned char *data,
                    size_t len,
                    const char *name,
                    bc_trust *trust,
                    bc_arena *arena,
                    bc_error *err) {
  const bc_sign_module *m;
  int rc = module(&m, err);
  return rc ? rc : m->verify_bytes(out, data, len, name, trust, arena, err);
}

void bc_sign_versions(bc_library_version *out, size_t max, size_t *n) {
  const bc_sign_module *m;
  bc_error err;
  if (module(&m, &err) == 0)
    m->versions(out, max, n);
  else
    bc_version_put(out, max, n, "OpenSSL", bc_tr("signing module not found"));
}
