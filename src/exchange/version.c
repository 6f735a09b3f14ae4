/* exchange/version.c: bc_version and bc_library_versions, gathering each
 * module's libraries (every library is asked by the module that owns it;
 * exchange is the last module of the library, the one that sees them all). */
#include "baocao/version.h"

#include "common/json.h"
#include "common/version.h"
#include "data/data.h"
#include "markup/markup.h"
#include "office/office.h"
#include "pdf/pdf.h"
#include "raster/raster.h"
#include "sign/sign.h"
#include "text/text.h"

#ifndef BC_VERSION
#define BC_VERSION "0.0.0"
#endif

const char *bc_version(void) {
  return BC_VERSION;
}

size_t bc_library_versions(bc_library_version *out, size_t max) {
  /* In pipeline order (docs/architecture.md), but cJSON (common's since
   * the manifest reads JSON too) last, where it always was. */
  static bc_versions_fn *const modules[] = {
      bc_utf8_versions,   bc_data_versions,   bc_markup_versions,
      bc_text_versions,   bc_pdf_versions,    bc_raster_versions,
      bc_office_versions, bc_sign_versions,   bc_json_versions,
  };
  size_t n = 0;
  for (size_t i = 0; i < sizeof modules / sizeof modules[0]; i++)
    modules[i](out, max, &n);
  return n;
}
