/* sign/module.c: the entry of the signing module, baocao-sign.so: the
 * table of sign/module.h over the functions of the files of sign/. Compiled into the
 * module only (the library has sign/load.c instead). */
#include "sign/module.h"

/* The one symbol the module exports (its version script hides the rest). */
__attribute__((visibility("default"))) const bc_sign_module *
bc_sign_module_entry(void);

const bc_sign_module *bc_sign_module_entry(void) {
  static const bc_sign_module table = {
      BC_VERSION,    BC_SIGN_MODULE_SIZES, bc_sign__pdf,     bc_trust_load,
      bc_trust_free, bc_verify_bytes,      bc_sign_versions,
  };
  return &table;
}
