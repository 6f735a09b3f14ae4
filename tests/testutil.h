/* tests/testutil.h: helpers shared by the Check suites (paths, a failing
 * allocator, running a command and capturing its output, whole files). */
#ifndef BC_TESTUTIL_H
#define BC_TESTUTIL_H

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "common/arena.h"
#include "text/text.h"

#include <check.h>
#include <stdatomic.h>
#include <stddef.h>

/* One suite per module; check_main.c runs them by name. */
Suite *common_suite(void);
Suite *model_suite(void);
Suite *data_suite(void);
Suite *import_suite(void);
Suite *template_suite(void);
Suite *markup_suite(void);
Suite *text_suite(void);
Suite *layout_suite(void);
Suite *pdf_suite(void);
Suite *raster_suite(void);
Suite *office_suite(void);
Suite *sign_suite(void);
Suite *render_suite(void);
Suite *exchange_suite(void);
Suite *api_suite(void);

/* BC_SOURCE_DIR "/" rel, in a static buffer per call site's array. */
const char *tu_source_path(char *buf, size_t size, const char *rel);

/* A temporary directory created once per process (removed at exit). */
const char *tu_tmpdir(void);

/*
 * An allocator that fails allocation number `fail_at` (0-based) and, when
 * persistent, every one after it. fail_at < 0 never fails. It counts
 * allocations and live blocks so tests can check nothing leaked.
 */
typedef struct tu_failing_alloc {
  bc_allocator base;
  long fail_at;
  int persistent;
  /* Atomic: a render on several threads allocates from all of them. */
  atomic_long count; /* allocations attempted */
  atomic_long live;  /* blocks not yet freed */
  atomic_int failed; /* a failure was injected */
} tu_failing_alloc;

void tu_failing_alloc_init(tu_failing_alloc *fa, long fail_at, int persistent);

/* An operation under test: runs with alloc, fills err, returns its code. */
typedef int (*tu_alloc_op)(const bc_allocator *alloc, bc_error *err, void *ud);

/*
 * Runs op with a failing allocator for fail_at = 0, 1, 2, ... until a run
 * sees no failure; that run must succeed. Every run that saw one must
 * return BC_ENOMEM with the fixed message, and every run must free all it
 * allocated. Returns the number of runs.
 */
long tu_every_allocation_failure(int persistent, tu_alloc_op op, void *ud);

/* The shipped fonts, a shaper and an arena, shared by the text, layout and
 * pdf suites: tu_fonts_open in a fixture's setup, tu_fonts_close in its
 * teardown. */
typedef struct tu_fonts {
  bc_fontset *fonts;
  bc_shaper *shaper;
  bc_arena arena;
} tu_fonts;

void tu_fonts_open(tu_fonts *t);
void tu_fonts_close(tu_fonts *t);

/* Runs a shell command; returns its exit status and its stdout (malloc'd,
 * caller frees) in *out when out is not NULL. */
int tu_run(char **out, const char *command);

/* A whole file (malloc'd, NUL-terminated; the test fails when it cannot be
 * read or is empty), and a whole file written. */
unsigned char *tu_file_read(const char *path, size_t *len);
void tu_file_write(const char *path, const void *data, size_t len);

/* The first s in data[0..len), or NULL. */
const char *tu_find_bytes(const unsigned char *data, size_t len,
                          const char *s);

#endif
