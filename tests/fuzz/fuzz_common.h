/* tests/fuzz/fuzz_common.h: what the fuzz targets share: a scratch
 * directory, the sample database built from samples/, and the Trà Vinh
 * report's model loaded from it. */
#ifndef BC_FUZZ_COMMON_H
#define BC_FUZZ_COMMON_H

#include "common/arena.h"
#include "model/model.h"

#include <stddef.h>
#include <stdint.h>

/* A directory of its own for this process, removed at exit. */
const char *fz_tmpdir(void);

/* BC_SOURCE_DIR "/" rel in buf. */
const char *fz_source_path(char *buf, size_t size, const char *rel);

/* The sample database (the SQL files of samples/) with extra SQL run on it (may
 * be NULL), created once per process; its path. Aborts on failure. */
const char *fz_sample_db(const char *extra_sql);

/* The STTTT-TV 2023-Q3 report of the sample database (with extra_sql),
 * in an arena kept for the process, which it returns for more of the
 * same lifetime. Aborts on failure. */
bc_arena *fz_load_model(bc_report_model *model, const char *extra_sql);

/* Aborts with a message: an invariant of the code under test broke. */
_Noreturn void fz_fail(const char *fmt, ...);

/* rc is 0 or a bc_error_code, and a failure carries a message. */
void fz_check_error(int rc, const char *message);

#endif
