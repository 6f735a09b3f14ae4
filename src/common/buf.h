/* common/buf.h: a growable byte buffer with a sticky out-of-memory flag. */
#ifndef BC_COMMON_BUF_H
#define BC_COMMON_BUF_H

#include "baocao/alloc.h"
#include "common/error.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

/*
 * Appends never fail loudly: the first failed growth sets `failed`, later
 * appends do nothing, and the owner checks once with bc_buf_check (the
 * HarfBuzz buffer's allocation_successful idea). data is always
 * NUL-terminated when len > 0 or after bc_buf_cstr.
 */
typedef struct bc_buf {
  const bc_allocator *alloc;
  char *data;
  size_t len;
  size_t cap;
  bool failed;
} bc_buf;

void bc_buf_init(bc_buf *b, const bc_allocator *alloc);
void bc_buf_free(bc_buf *b);
void bc_buf_reset(bc_buf *b); /* len = 0, keeps memory */

bool bc_buf_reserve(bc_buf *b, size_t extra);
void bc_buf__put_grow(bc_buf *b, const void *data, size_t len);
void bc_buf__putc_grow(bc_buf *b, char c);
void bc_buf_printf(bc_buf *b, const char *fmt, ...) BC_PRINTF(2, 3);
/* v in decimal, as "%lld" writes it, without vsnprintf's cost. */
void bc_buf_put_int(bc_buf *b, long long v);

/* Inline, as bc_buf_putc: most appends fit without growing. */
static inline void bc_buf_put(bc_buf *b, const void *data, size_t len) {
  if (len < b->cap - b->len && !b->failed) { /* room for data and the NUL */
    if (len)
      memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
    return;
  }
  bc_buf__put_grow(b, data, len);
}

static inline void bc_buf_puts(bc_buf *b, const char *s) {
  bc_buf_put(b, s, strlen(s));
}

/* One byte; inline, since content streams are written a byte at a time. */
static inline void bc_buf_putc(bc_buf *b, char c) {
  if (b->len + 1 < b->cap && !b->failed) { /* room for c and the NUL */
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return;
  }
  bc_buf__putc_grow(b, c);
}

/* The contents as a C string ("" when empty); NULL only if failed. */
const char *bc_buf_cstr(bc_buf *b);

/* 0, or BC_ENOMEM set in err if any append failed. */
int bc_buf_check(const bc_buf *b, bc_error *err);

/* Hands the memory to the caller (free with b->alloc); b becomes empty. */
char *bc_buf_detach(bc_buf *b, size_t *len_out);

#endif
