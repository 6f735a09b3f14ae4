/* common/file.c: whole-file reads and atomic writes (temp file + rename). */
#include "common/file.h"

#include "common/alloc.h"
#include "common/error.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int bc_file_read(char **data_out,
                 size_t *len_out,
                 const char *path,
                 size_t max_size,
                 int code,
                 const bc_allocator *alloc,
                 bc_error *err) {
  FILE *f = NULL;
  char *data = NULL;
  size_t len = 0, cap = 0;
  int rc = 0;
  struct stat st;

  f = fopen(path, "rb");
  if (!f)
    return bc_error_set(err, code, "cannot open '%s': %s", path,
                        strerror(errno));
  if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
    rc = bc_error_set(err, code, "'%s' is a directory", path);
    goto cleanup;
  }
  for (;;) {
    if (cap - len < 4096) {
      size_t ncap = cap ? cap * 2 : 8192;
      char *p = bc_realloc(alloc, data, ncap + 1);
      if (!p) {
        rc = bc_error_oom(err);
        goto cleanup;
      }
      data = p;
      cap = ncap;
    }
    size_t n = fread(data + len, 1, cap - len, f);
    len += n;
    if (len > max_size) {
      rc = bc_error_set(err, code, "'%s' is larger than %zu bytes", path,
                        max_size);
      goto cleanup;
    }
    if (n == 0) {
      if (ferror(f)) {
        rc = bc_error_set(err, code, "cannot read '%s': %s", path,
                          strerror(errno));
        goto cleanup;
      }
      break;
    }
  }
  data[len] = '\0';
  *data_out = data;
  *len_out = len;
  data = NULL;
cleanup:
  bc_free(alloc, data);
  fclose(f);
  return rc;
}

static int default_write(void *ud, int fd, const void *data, size_t len) {
  const char *p = data;
  (void)ud;
  while (len) {
    ssize_t n = write(fd, p, len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      return errno;
    }
    if (n == 0)
      return EIO;
    p += n;
    len -= (size_t)n;
  }
  return 0;
}

static const bc_sink default_sink = {default_write, NULL, false};
static const bc_sink no_fsync_sink = {default_write, NULL, true};

const bc_sink *bc_sink_default(void) {
  return &default_sink;
}

const bc_sink *bc_sink_no_fsync(void) {
  return &no_fsync_sink;
}

int bc_file_out_open(bc_file_out *f,
                     const char *path,
                     const bc_sink *sink,
                     bc_error *err) {
  struct stat st;
  f->sink = sink ? sink : &default_sink;
  f->fd = -1;
  f->tmp[0] = '\0';
  if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
    return bc_error_set(err, BC_EIO, "cannot write '%s': it is a directory",
                        path);
  if (snprintf(f->path, sizeof f->path, "%s", path) >= (int)sizeof f->path ||
      snprintf(f->tmp, sizeof f->tmp, "%s.tmp-XXXXXX", path) >=
          (int)sizeof f->tmp) {
    f->tmp[0] = '\0';
    return bc_error_set(err, BC_EIO, "cannot write '%s': path too long", path);
  }
  f->fd = mkstemp(f->tmp);
  if (f->fd < 0) {
    f->tmp[0] = '\0';
    return bc_error_set(err, BC_EIO, "cannot write '%s': %s", path,
                        strerror(errno));
  }
  /* mkstemp makes the file 0600; a report is an ordinary readable file. */
  if (fchmod(f->fd, 0644) != 0) {
    int e = errno;
    bc_file_out_abort(f);
    return bc_error_set(err, BC_EIO, "cannot write '%s': %s", path,
                        strerror(e));
  }
  return 0;
}

int bc_file_out_write(bc_file_out *f,
                      const void *data,
                      size_t len,
                      bc_error *err) {
  int e = len ? f->sink->write(f->sink->ud, f->fd, data, len) : 0;
  return e ? bc_error_set(err, BC_EIO, "cannot write '%s': %s", f->path,
                          strerror(e))
           : 0;
}

int bc_file_out_commit(bc_file_out *f, bc_error *err) {
  int e = 0;
  if (!f->sink->skip_fsync && fsync(f->fd) != 0)
    e = errno;
  if (close(f->fd) != 0 && !e)
    e = errno;
  f->fd = -1;
  if (!e && rename(f->tmp, f->path) != 0)
    e = errno;
  if (e) {
    bc_file_out_abort(f);
    return bc_error_set(err, BC_EIO, "cannot write '%s': %s", f->path,
                        strerror(e));
  }
  f->tmp[0] = '\0';
  return 0;
}

void bc_file_out_abort(bc_file_out *f) {
  if (f->fd >= 0)
    close(f->fd);
  f->fd = -1;
  if (f->tmp[0])
    unlink(f->tmp);
  f->tmp[0] = '\0';
}

int bc_file_write_atomic(const char *path,
                         const void *data,
                         size_t len,
                         const bc_sink *sink,
                         bc_error *err) {
  bc_file_out f;
  int rc;
  if ((rc = bc_file_out_open(&f, path, sink, err)))
    return rc;
  if ((rc = bc_file_out_write(&f, data, len, err))) {
    bc_file_out_abort(&f);
    return rc;
  }
  return bc_file_out_commit(&f, err);
}

/* ---- descriptors: `-o -` and `db load DB -` ---- */

int bc_file_write_fd(int fd,
                     const char *name,
                     const void *data,
                     size_t len,
                     const bc_sink *sink,
                     bc_error *err) {
  int e;
  if (!sink)
    sink = &default_sink;
  e = len ? sink->write(sink->ud, fd, data, len) : 0;
  return e ? bc_error_set(err, BC_EIO, "cannot write %s: %s", name,
                          strerror(e))
           : 0;
}

int bc_file_read_fd(char **data_out,
                    size_t *len_out,
                    int fd,
                    const char *name,
                    size_t max_size,
                    int code,
                    const bc_allocator *alloc,
                    bc_error *err) {
  char *data = NULL;
  size_t len = 0, cap = 0;
  int rc = 0;

  for (;;) {
    if (cap - len < 4096) {
      size_t ncap = cap ? cap * 2 : 8192;
      char *p = bc_realloc(alloc, data, ncap + 1);
      if (!p) {
        rc = bc_error_oom(err);
        goto cleanup;
      }
      data = p;
      cap = ncap;
    }
    ssize_t n = read(fd, data + len, cap - len);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      rc = bc_error_set(err, code, "cannot read %s: %s", name,
                        strerror(errno));
      goto cleanup;
    }
    if (n == 0)
      break;
    len += (size_t)n;
    if (len > max_size) {
      rc = bc_error_set(err, code, "%s is larger than %zu bytes", name,
                        max_size);
      goto cleanup;
    }
  }
  data[len] = '\0';
  *data_out = data;
  *len_out = len;
  data = NULL;
cleanup:
  bc_free(alloc, data);
  return rc;
}
