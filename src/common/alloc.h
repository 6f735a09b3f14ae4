/* common/alloc.h: allocation through a bc_allocator, with overflow checks. */
#ifndef BC_COMMON_ALLOC_H
#define BC_COMMON_ALLOC_H

#include "baocao/alloc.h"

#include <stddef.h>

/* NULL on failure or when count * size overflows. Memory is zeroed. */
void *bc_calloc(const bc_allocator *a, size_t count, size_t size);
void *bc_malloc(const bc_allocator *a, size_t size);
/* NULL on failure; ptr is then still valid and owned by the caller. */
void *bc_realloc(const bc_allocator *a, void *ptr, size_t size);
void bc_free(const bc_allocator *a, void *ptr);
/* A NUL-terminated copy of s[0..len). */
char *bc_strndup(const bc_allocator *a, const char *s, size_t len);

#endif
