/* common/dl.h: a shared library loaded when first needed rather than
 * linked, and the table of the functions of it a module calls (pdf's
 * libqpdf, office's libzip). */
#ifndef BC_COMMON_DL_H
#define BC_COMMON_DL_H

#include "common/error.h"

#include <stddef.h>

/* One function of a table: its name in the library, and the offset of
 * its pointer in the table (offsetof). */
typedef struct bc_dl_function {
  const char *name;
  size_t at;
} bc_dl_function;

/*
 * Loads soname (dlopen, RTLD_NODELETE: once loaded it stays, so a later
 * call finds it at once and the table outlives the handle, which is
 * closed again) and puts the address of each of the count functions at
 * table + fns[i].at. library and purpose name it in the message ("cannot
 * load libqpdf, which reads PDFs: ..."); purpose is translated. No state
 * of its own: each caller keeps its table. Errors: BC_ERROR.
 */
int bc_dl_load(void *table,
               const bc_dl_function *fns,
               size_t count,
               const char *soname,
               const char *library,
               const char *purpose,
               bc_error *err);

#endif
