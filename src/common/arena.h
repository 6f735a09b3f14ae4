/* common/arena.h: a per-document bump allocator; one call frees everything. */
#ifndef BC_COMMON_ARENA_H
#define BC_COMMON_ARENA_H

#include "baocao/alloc.h"

#include <pthread.h>
#include <stddef.h>

typedef struct bc_arena_chunk bc_arena_chunk;

/*
 * Chunks kept from one job for the next (a context's renders): an arena
 * made with bc_arena_init_kept takes its chunks from here before the
 * allocator and gives them back here when released, up to limit bytes in
 * all. Pages a render has written once are not faulted in again by the
 * next (glibc gives back to the kernel what it mapped for a chunk of 128
 * KB and more). Thread-safe: a job's threads share one.
 */
typedef struct bc_arena_keep {
  const bc_allocator *alloc;
  pthread_mutex_t lock;
  bc_arena_chunk *chunks; /* free, any order */
  size_t bytes, limit;
} bc_arena_keep;

void bc_arena_keep_init(bc_arena_keep *keep,
                        const bc_allocator *alloc,
                        size_t limit);
/* Frees the chunks kept; no arena may use keep any more. */
void bc_arena_keep_free(bc_arena_keep *keep);

/*
 * Everything made for one report (model, expanded Markdown, document tree,
 * shaped lines, pages) comes from one arena owned by the render job. Not
 * thread-safe: one arena per job.
 */
typedef struct bc_arena {
  const bc_allocator *alloc;
  bc_arena_chunk *head;
  bc_arena_keep *keep; /* NULL: chunks from and back to alloc */
  size_t chunk_size; /* size of the next ordinary chunk */
  size_t used_bytes; /* total handed out, for statistics */
} bc_arena;

void bc_arena_init(bc_arena *arena, const bc_allocator *alloc);
/* An arena whose chunks come from and go back to keep (keep's
 * allocator). */
void bc_arena_init_kept(bc_arena *arena, bc_arena_keep *keep);
/* An arena like other: the same allocator, and other's keep if any. */
void bc_arena_init_like(bc_arena *arena, const bc_arena *other);
/* Frees every chunk (to its keep, if any); the arena may be used again
 * afterwards. */
void bc_arena_release(bc_arena *arena);

/* Empties the arena for reuse: its largest chunk is kept, the others
 * freed. What it handed out is no longer valid. For scratch memory that
 * one step of a job needs and the next can reuse. */
void bc_arena_reset(bc_arena *arena);

/*
 * Moves every chunk of from into into, which then frees them: what from
 * handed out lives as long as into's memory. from is left empty, as after
 * bc_arena_release. Both must use the same allocator. into's current
 * chunk stays current. For the scratch arenas of a job's threads, whose
 * results the job keeps (layout's line breaking).
 */
void bc_arena_absorb(bc_arena *into, bc_arena *from);

/* size bytes aligned for any type, or NULL when out of memory. */
void *bc_arena_alloc(bc_arena *arena, size_t size);
/* Zeroed count * size bytes, NULL on overflow or out of memory. */
void *bc_arena_calloc(bc_arena *arena, size_t count, size_t size);
/* A NUL-terminated copy of s[0..len). */
char *bc_arena_strndup(bc_arena *arena, const char *s, size_t len);
char *bc_arena_strdup(bc_arena *arena, const char *s);

/*
 * Room for one more element in an arena array holding count elements of
 * size bytes: when count reaches *cap, a block twice as large (16 at
 * first) is taken and the elements copied. Returns the array, moved or
 * not, or NULL when out of memory. The old block stays until the arena is
 * released.
 */
void *bc_arena_grow(
    bc_arena *arena, void *array, size_t count, size_t *cap, size_t size);

#endif
