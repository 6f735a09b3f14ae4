/* common/alloc.c: the default allocator and checked allocation helpers. */
#include "common/alloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void *std_malloc(size_t size, void *ud) {
  (void)ud;
  return malloc(size ? size : 1);
}

static void *std_realloc(void *ptr, size_t size, void *ud) {
  (void)ud;
  return realloc(ptr, size ? size : 1);
}

static void std_free(void *ptr, void *ud) {
  (void)ud;
  free(ptr);
}

static const bc_allocator default_allocator = {std_malloc, std_realloc,
                                               std_free, NULL};

const bc_allocator *bc_allocator_default(void) {
  return &default_allocator;
}

void *bc_malloc(const bc_allocator *a, size_t size) {
  return a->malloc(size, a->ud);
}

void *bc_calloc(const bc_allocator *a, size_t count, size_t size) {
  void *p;
  if (size && count > SIZE_MAX / size)
    return NULL;
  p = a->malloc(count * size, a->ud);
  if (p)
    memset(p, 0, count * size);
  return p;
}

void *bc_realloc(const bc_allocator *a, void *ptr, size_t size) {
  return a->realloc(ptr, size, a->ud);
}

void bc_free(const bc_allocator *a, void *ptr) {
  if (ptr)
    a->free(ptr, a->ud);
}

char *bc_strndup(const bc_allocator *a, const char *s, size_t len) {
  char *p;
  if (len == SIZE_MAX)
    return NULL;
  p = a->malloc(len + 1, a->ud);
  if (!p)
    return NULL;
  memcpy(p, s, len);
  p[len] = '\0';
  return p;
}
