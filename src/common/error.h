/* common/error.h: setting bc_error from inside the library (no allocation). */
#ifndef BC_COMMON_ERROR_H
#define BC_COMMON_ERROR_H

#include "baocao/error.h"

#if defined(__GNUC__)
#define BC_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define BC_PRINTF(f, a)
#endif

/*
 * Sets code and message (printf-style; the format is always a literal in
 * our code, data goes in as %s arguments). Returns code so callers can
 * write `return bc_error_set(err, BC_EDATA, ...)`. err may be NULL.
 */
int bc_error_set(bc_error *err, int code, const char *fmt, ...) BC_PRINTF(3, 4);

/*
 * The check at the top of every public entry point: when cond is false,
 * sets BC_EINVAL with "func: what" (what names the argument: "out is
 * NULL") and returns BC_EINVAL from the calling function. For functions
 * that return an int error code.
 */
#define BC_ASSERT_ARG(err, cond, what)                                         \
  do {                                                                         \
    if (!(cond))                                                               \
      return bc_error_set((err), BC_EINVAL, "%s: %s", __func__, (what));       \
  } while (0)

/* Sets BC_ENOMEM with a fixed message; returns BC_ENOMEM. */
int bc_error_oom(bc_error *err);

/* Fills file/line/column if no file is set yet. */
void bc_error_locate(bc_error *err, const char *file, int line, int column);

/* Fills agency/period if they are still empty. */
void bc_error_context(bc_error *err, const char *agency, const char *period);

#endif
