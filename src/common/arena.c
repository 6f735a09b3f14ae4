/* common/arena.c: chunked bump allocation over a bc_allocator. */
#include "common/arena.h"

#include "common/alloc.h"

#include <assert.h>
#include <stdalign.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define ARENA_FIRST_CHUNK 16384
#define ARENA_MAX_CHUNK (4u << 20)

struct bc_arena_chunk {
  bc_arena_chunk *next;
  size_t size; /* usable bytes after the header */
  size_t used;
  alignas(max_align_t) unsigned char data[];
};

void bc_arena_keep_init(bc_arena_keep *keep,
                        const bc_allocator *alloc,
                        size_t limit) {
  keep->alloc = alloc;
  pthread_mutex_init(&keep->lock, NULL);
  keep->chunks = NULL;
  keep->bytes = 0;
  keep->limit = limit;
}

void bc_arena_keep_free(bc_arena_keep *keep) {
  bc_arena_chunk *c = keep->chunks;
  while (c) {
    bc_arena_chunk *next = c->next;
    bc_free(keep->alloc, c);
    c = next;
  }
  keep->chunks = NULL;
  keep->bytes = 0;
  pthread_mutex_destroy(&keep->lock);
}

/* The smallest kept chunk of at least size bytes, taken out of keep, or
 * NULL. */
static bc_arena_chunk *take_kept(bc_arena_keep *keep, size_t size) {
  bc_arena_chunk **best = NULL, *c;
  pthread_mutex_lock(&keep->lock);
  for (bc_arena_chunk **p = &keep->chunks; *p; p = &(*p)->next)
    if ((*p)->size >= size && (!best || (*p)->size < (*best)->size))
      best = p;
  if ((c = best ? *best : NULL)) {
    *best = c->next;
    keep->bytes -= c->size;
  }
  pthread_mutex_unlock(&keep->lock);
  return c;
}

/* c back to arena's keep while it holds less than its limit, else to the
 * allocator. */
static void free_chunk(bc_arena *arena, bc_arena_chunk *c) {
  bc_arena_keep *keep = arena->keep;
  if (keep) {
    pthread_mutex_lock(&keep->lock);
    if (c->size <= keep->limit - keep->bytes) {
      c->next = keep->chunks;
      keep->chunks = c;
      keep->bytes += c->size;
      c = NULL;
    }
    pthread_mutex_unlock(&keep->lock);
  }
  if (c)
    bc_free(arena->alloc, c);
}

void bc_arena_init(bc_arena *arena, const bc_allocator *alloc) {
  arena->alloc = alloc;
  arena->head = NULL;
  arena->keep = NULL;
  arena->chunk_size = ARENA_FIRST_CHUNK;
  arena->used_bytes = 0;
}

void bc_arena_init_kept(bc_arena *arena, bc_arena_keep *keep) {
  bc_arena_init(arena, keep->alloc);
  arena->keep = keep;
}

void bc_arena_init_like(bc_arena *arena, const bc_arena *other) {
  bc_arena_init(arena, other->alloc);
  arena->keep = other->keep;
}

void bc_arena_release(bc_arena *arena) {
  bc_arena_chunk *c = arena->head;
  while (c) {
    bc_arena_chunk *next = c->next;
    free_chunk(arena, c);
    c = next;
  }
  arena->head = NULL;
  arena->chunk_size = ARENA_FIRST_CHUNK;
  arena->used_bytes = 0;
}

void bc_arena_reset(bc_arena *arena) {
  bc_arena_chunk *keep = NULL, *c = arena->head;
  while (c) {
    bc_arena_chunk *next = c->next;
    if (!keep || c->size > keep->size) {
      if (keep)
        free_chunk(arena, keep);
      keep = c;
    } else {
      free_chunk(arena, c);
    }
    c = next;
  }
  if (keep) {
    keep->next = NULL;
    keep->used = 0;
  }
  arena->head = keep;
  arena->used_bytes = 0;
}

void bc_arena_absorb(bc_arena *into, bc_arena *from) {
  bc_arena_chunk *last = from->head;
  if (!last)
    return;
  assert(into->alloc == from->alloc && into->keep == from->keep);
  while (last->next)
    last = last->next;
  /* from's chunks after into's first, the one it allocates from */
  if (into->head) {
    last->next = into->head->next;
    into->head->next = from->head;
  } else {
    into->head = from->head;
  }
  into->used_bytes += from->used_bytes;
  from->head = NULL;
  from->chunk_size = ARENA_FIRST_CHUNK;
  from->used_bytes = 0;
}

void *bc_arena_alloc(bc_arena *arena, size_t size) {
  const size_t align = alignof(max_align_t);
  bc_arena_chunk *c = arena->head;
  size_t need;
  if (size > SIZE_MAX - align)
    return NULL;
  need = (size + align - 1) & ~(align - 1);
  if (!need)
    need = align;
  if (!c || c->size - c->used < need) {
    size_t csize = arena->chunk_size;
    bool own = need >= csize; /* a chunk the request fills */
    if (need > csize) {
      /* A large request gets a chunk of its own, put behind the current one
       * so that the current chunk's free space stays usable. */
      if (need > SIZE_MAX - sizeof *c)
        return NULL;
      csize = need;
    }
    bc_arena_chunk *n = arena->keep ? take_kept(arena->keep, csize) : NULL;
    if (n) {
      csize = n->size; /* all of it, perhaps more than asked */
    } else {
      if (!(n = bc_malloc(arena->alloc, sizeof *n + csize)))
        return NULL;
      n->size = csize;
    }
    n->used = 0;
    /* Behind the current chunk when that leaves more room at the head
     * (a kept chunk may be larger than the request). */
    if (c && own && c->size - c->used >= align &&
        n->size - need < c->size - c->used) {
      n->next = c->next;
      c->next = n;
      n->used = need;
      arena->used_bytes += need;
      return n->data;
    }
    n->next = c;
    arena->head = n;
    if (arena->chunk_size < ARENA_MAX_CHUNK)
      arena->chunk_size *= 2;
    c = n;
  }
  void *p = c->data + c->used;
  c->used += need;
  arena->used_bytes += need;
  return p;
}

void *bc_arena_calloc(bc_arena *arena, size_t count, size_t size) {
  void *p;
  if (size && count > SIZE_MAX / size)
    return NULL;
  p = bc_arena_alloc(arena, count * size);
  if (p)
    memset(p, 0, count * size);
  return p;
}

char *bc_arena_strndup(bc_arena *arena, const char *s, size_t len) {
  char *p;
  if (len == SIZE_MAX)
    return NULL;
  p = bc_arena_alloc(arena, len + 1);
  if (!p)
    return NULL;
  if (len)
    memcpy(p, s, len);
  p[len] = '\0';
  return p;
}

char *bc_arena_strdup(bc_arena *arena, const char *s) {
  return bc_arena_strndup(arena, s, strlen(s));
}

void *bc_arena_grow(
    bc_arena *arena, void *array, size_t count, size_t *cap, size_t size) {
  size_t n;
  void *p;
  if (count < *cap)
    return array;
  if (*cap > SIZE_MAX / 2)
    return NULL;
  n = *cap ? *cap * 2 : 16;
  if (size && n > SIZE_MAX / size)
    return NULL;
  p = bc_arena_alloc(arena, n * size);
  if (!p)
    return NULL;
  /* the old elements copied, only the new ones zeroed */
  if (count)
    memcpy(p, array, count * size);
  if (n > count)
    memset((char *)p + count * size, 0, (n - count) * size);
  *cap = n;
  return p;
}
