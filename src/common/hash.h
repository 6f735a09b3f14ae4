/* common/hash.h: FNV-1a (32-bit) over bytes, the one small hash for file
 * name suffixes, shards and the shaped-word cache. */
#ifndef BC_COMMON_HASH_H
#define BC_COMMON_HASH_H

#include <stddef.h>
#include <stdint.h>

#define BC_FNV1A_INIT 2166136261u

/* Continues the hash h over len bytes (start with BC_FNV1A_INIT). The
 * values are part of file names and shard numbers: never change them. */
static inline uint32_t bc_fnv1a(uint32_t h, const void *data, size_t len) {
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++)
    h = (h ^ p[i]) * 16777619u;
  return h;
}

#endif
