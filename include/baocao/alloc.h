/* baocao/alloc.h: the allocator hook every baocao allocation goes through. */
#ifndef BAOCAO_ALLOC_H
#define BAOCAO_ALLOC_H

#include "baocao/export.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * A table of allocation functions with a user pointer. Objects remember the
 * allocator they were made with. Tests pass a failing allocator to check
 * that every allocation failure is reported as BC_ENOMEM and leaks nothing.
 * Allocations made inside third-party libraries (SQLite, HarfBuzz, FreeType,
 * libharu, cmark-gfm) do not go through this table.
 */
typedef struct bc_allocator {
  void *(*malloc)(size_t size, void *ud);
  void *(*realloc)(void *ptr, size_t size, void *ud);
  void (*free)(void *ptr, void *ud);
  void *ud;
} bc_allocator;

/* The C library's malloc/realloc/free. Immutable; never NULL. */
BC_EXPORT const bc_allocator *bc_allocator_default(void);

#ifdef __cplusplus
}
#endif

#endif
