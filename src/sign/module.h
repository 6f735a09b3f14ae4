/* sign/module.h: the table through which the library calls the signing
 * module, baocao-sign.so (sign/module.c), which sign/load.c loads on the
 * first signature made or checked. */
#ifndef BC_SIGN_MODULE_H
#define BC_SIGN_MODULE_H

#include "sign/sign.h"

/* The function the module exports, returning its table. */
#define BC_SIGN_MODULE_ENTRY "bc_sign_module_entry"

/* What crosses the table, by size: the loader refuses a module whose
 * structs differ from its own. */
#define BC_SIGN_MODULE_SIZE_COUNT 5
#define BC_SIGN_MODULE_SIZES                                                 \
  {sizeof(bc_sign_request), sizeof(bc_verification),                       \
   sizeof(bc_signature_report), sizeof(bc_trust_options),                  \
   sizeof(bc_sign_module)}

/*
 * What the module does, as sign/sign.h declares it. version (BC_VERSION)
 * and sizes let the loader refuse a module built from other sources,
 * which would read its arguments wrongly.
 */
typedef struct bc_sign_module {
  const char *version;
  size_t sizes[BC_SIGN_MODULE_SIZE_COUNT];
  int (*sign_pdf)(const bc_sign_request *req,
                  const bc_fontset *fonts,
                  bc_shaper *shaper,
                  bc_arena *arena,
                  bc_error *err);
  int (*trust_load)(bc_trust **out, const bc_trust_options *opts, bc_error *err);
  void (*trust_free)(bc_trust *t);
  int (*verify_bytes)(bc_verification *out,
                      const unsigned char *data,
                      size_t len,
                      const char *name,
                      bc_trust *trust,
                      bc_arena *arena,
                      bc_error *err);
  bc_versions_fn *versions;
} bc_sign_module;

typedef const bc_sign_module *bc_sign_module_entry_fn(void);

#endif
