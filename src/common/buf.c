/* common/buf.c: growable byte buffer. */
#include "common/buf.h"

#include "common/alloc.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

void bc_buf_init(bc_buf *b, const bc_allocator *alloc) {
  b->alloc = alloc;
  b->data = NULL;
  b->len = 0;
  b->cap = 0;
  b->failed = false;
}

void bc_buf_free(bc_buf *b) {
  bc_free(b->alloc, b->data);
  b->data = NULL;
  b->len = b->cap = 0;
  b->failed = false;
}

void bc_buf_reset(bc_buf *b) {
  b->len = 0;
  if (b->data)
    b->data[0] = '\0';
}

bool bc_buf_reserve(bc_buf *b, size_t extra) {
  size_t need, cap;
  char *p;
  if (b->failed)
    return false;
  if (extra > SIZE_MAX - b->len - 1) {
    b->failed = true;
    return false;
  }
  need = b->len + extra + 1;
  if (need <= b->cap)
    return true;
  cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap = cap > SIZE_MAX / 2 ? need : cap * 2;
  p = bc_realloc(b->alloc, b->data, cap);
  if (!p) {
    b->failed = true;
    return false;
  }
  b->data = p;
  b->cap = cap;
  return true;
}

void bc_buf__put_grow(bc_buf *b, const void *data, size_t len) {
  if (!bc_buf_reserve(b, len))
    return;
  if (len)
    memcpy(b->data + b->len, data, len);
  b->len += len;
  b->data[b->len] = '\0';
}

void bc_buf__putc_grow(bc_buf *b, char c) {
  bc_buf_put(b, &c, 1);
}

void bc_buf_put_int(bc_buf *b, long long v) {
  char s[24], *p = s + sizeof s;
  /* unsigned arithmetic: LLONG_MIN has no positive counterpart */
  unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
  do {
    *--p = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (v < 0)
    *--p = '-';
  bc_buf_put(b, p, (size_t)(s + sizeof s - p));
}

void bc_buf_printf(bc_buf *b, const char *fmt, ...) {
  va_list ap;
  char small[256];
  int n;
  va_start(ap, fmt);
  n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->failed = true;
    return;
  }
  if ((size_t)n < sizeof small) {
    bc_buf_put(b, small, (size_t)n);
    return;
  }
  if (!bc_buf_reserve(b, (size_t)n))
    return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

const char *bc_buf_cstr(bc_buf *b) {
  if (b->failed)
    return NULL;
  if (!b->data && !bc_buf_reserve(b, 0))
    return NULL;
  b->data[b->len] = '\0';
  return b->data;
}

int bc_buf_check(const bc_buf *b, bc_error *err) {
  return b->failed ? bc_error_oom(err) : 0;
}

char *bc_buf_detach(bc_buf *b, size_t *len_out) {
  char *p = b->data;
  if (len_out)
    *len_out = b->len;
  b->data = NULL;
  b->len = b->cap = 0;
  return p;
}
