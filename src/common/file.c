/* common/file.c: whole-file reads and atomic writes (temp file + rename). */
#include "common/file.h"

#include "common/alloc.h"
#include "common/error.h"
#include "common/i18n.h"

#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not a regular one is, for messages. */
static const char *file_kind(mode_t mode) {
  if (S_ISDIR(mode))
    return bc_tr("a directory");
  if (S_ISFIFO(mode))
    return bc_tr("a FIFO (named pipe)");
  if (S_ISSOCK(mode))
    return bc_tr("a socket");
  if (S_ISCHR(mode))
    return bc_tr("a character device");
  if (S_ISBLK(mode))
    return bc_tr("a block device");
  if (S_ISLNK(mode))
    return bc_tr("a symbolic link");
  return bc_tr("not a regular file");
}

/* Opens path for reading without blocking (a FIFO with no writer would
 * otherwise hang open(2) forever) and checks with fstat that it is a
 * regular file; the descriptor is left blocking again. */
static int open_input(int *fd_out, const char *path, int code, bc_error *err) {
  struct stat st;
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return bc_error_set(err, code, "cannot open '%s': %s", path,
                        strerror(errno));
  if (fstat(fd, &st) != 0) {
    int e = errno;
    close(fd);
    return bc_error_set(err, code, "cannot open '%s': %s", path, strerror(e));
  }
  if (!S_ISREG(st.st_mode)) {
    close(fd);
    return bc_error_set(err, code, "'%s' is %s, not a regular file", path,
                        file_kind(st.st_mode));
  }
  (void)fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  *fd_out = fd;
  return 0;
}

int bc_file_check_input(const char *path, int code, bc_error *err) {
  int fd = -1, rc = open_input(&fd, path, code, err);
  if (!rc)
    close(fd);
  return rc;
}

/* What read_all reads: an open descriptor, and what it is in messages. */
typedef struct read_source {
  int fd;
  const char *name; /* a path, or words such as "standard input" */
  bool quoted;      /* name is a path: quote it */
} read_source;

/* Reads from->fd to its end into a NUL-terminated buffer of at most
 * max_size bytes. */
static int read_all(char **data_out,
                    size_t *len_out,
                    const read_source *from,
                    size_t max_size,
                    int code,
                    const bc_allocator *alloc,
                    bc_error *err) {
  const int fd = from->fd;
  const char *const name = from->name;
  const bool quoted = from->quoted;
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
      rc = quoted ? bc_error_set(err, code, "cannot read '%s': %s", name,
                                 strerror(errno))
                  : bc_error_set(err, code, "cannot read %s: %s", name,
                                 strerror(errno));
      goto cleanup;
    }
    len += (size_t)n;
    if (len > max_size) {
      rc = quoted ? bc_error_set(err, code, "'%s' is larger than %zu bytes",
                                 name, max_size)
                  : bc_error_set(err, code, "%s is larger than %zu bytes",
                                 name, max_size);
      goto cleanup;
    }
    if (n == 0)
      break;
  }
  data[len] = '\0';
  *data_out = data;
  *len_out = len;
  data = NULL;
cleanup:
  bc_free(alloc, data);
  return rc;
}

int bc_file_read(char **data_out,
                 size_t *len_out,
                 const char *path,
                 size_t max_size,
                 int code,
                 const bc_allocator *alloc,
                 bc_error *err) {
  int rc, fd = -1;
  if ((rc = open_input(&fd, path, code, err)))
    return rc;
  rc = read_all(data_out, len_out, &(read_source){fd, path, true}, max_size,
                code, alloc, err);
  close(fd);
  return rc;
}

int bc_file_check_output(const char *path, bc_error *err) {
  struct stat st, target;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  if (!*base)
    return bc_error_set(err, BC_EIO, "cannot write '%s': it is a directory",
                        path);
  if (strlen(base) > NAME_MAX)
    return bc_error_set(err, BC_EIO,
                        "cannot write '%s': the file name is longer than %d "
                        "bytes",
                        path, NAME_MAX);
  if (lstat(path, &st) != 0)
    return 0; /* a new path (a missing directory fails at the write) */
  if (S_ISREG(st.st_mode))
    return 0;
  if (S_ISLNK(st.st_mode)) {
    if (stat(path, &target) != 0)
      return bc_error_set(err, BC_EIO,
                          "will not write '%s': it is a symbolic link to a "
                          "missing file (baocao replaces only regular files)",
                          path);
    return bc_error_set(err, BC_EIO,
                        "will not write '%s': it is a symbolic link to %s "
                        "(baocao replaces only regular files; give the path "
                        "it points to)",
                        path,
                        S_ISREG(target.st_mode) ? "a regular file"
                                                : file_kind(target.st_mode));
  }
  if (S_ISDIR(st.st_mode))
    return bc_error_set(err, BC_EIO, "cannot write '%s': it is a directory",
                        path);
  return bc_error_set(err, BC_EIO,
                      "will not write '%s': it is %s (baocao replaces only "
                      "regular files)",
                      path, file_kind(st.st_mode));
}

int bc_file_temp_name(char *tmp, size_t size, const char *path) {
  return bc_file_temp_name_max(tmp, size, path, NAME_MAX);
}

int bc_file_temp_name_max(char *tmp,
                          size_t size,
                          const char *path,
                          size_t name_max) {
  /* "NAME.tmp-XXXXXX" beside NAME, the stem cut so that the temporary
   * name fits name_max however long NAME is (bulk finds a killed run's
   * temporaries by that stem). */
  const char *base = strrchr(path, '/');
  size_t dir_len = base ? (size_t)(base - path) + 1 : 0;
  size_t stem = strlen(path + dir_len);
  if (stem > name_max - BC_FILE_TEMP_SUFFIX_LEN)
    stem = name_max - BC_FILE_TEMP_SUFFIX_LEN;
  if (dir_len + stem + BC_FILE_TEMP_SUFFIX_LEN + 1 > size)
    return -1;
  memcpy(tmp, path, dir_len + stem);
  memcpy(tmp + dir_len + stem, ".tmp-XXXXXX", BC_FILE_TEMP_SUFFIX_LEN + 1);
  return 0;
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

static const bc_sink default_sink = {default_write, NULL, false, NULL, NULL};
static const bc_sink no_fsync_sink = {default_write, NULL, true, NULL, NULL};

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
  int rc;
  f->sink = sink ? sink : &default_sink;
  f->fd = -1;
  f->tmp[0] = '\0';
  if ((rc = bc_file_check_output(path, err)))
    return rc;
  if (snprintf(f->path, sizeof f->path, "%s", path) >= (int)sizeof f->path ||
      bc_file_temp_name(f->tmp, sizeof f->tmp, path) != 0) {
    f->tmp[0] = '\0';
    return bc_error_set(err, BC_EIO, "cannot write '%s': path too long", path);
  }
  f->fd = mkstemp(f->tmp);
  if (f->fd < 0) {
    f->tmp[0] = '\0';
    return bc_error_set(err, BC_EIO, "cannot write '%s': %s", path,
                        strerror(errno));
  }
  if (f->sink->on_temp)
    f->sink->on_temp(f->sink->temp_ud, f->tmp, 1);
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
  if (f->sink->on_temp)
    f->sink->on_temp(f->sink->temp_ud, f->tmp, 0);
  f->tmp[0] = '\0';
  return 0;
}

void bc_file_out_abort(bc_file_out *f) {
  if (f->fd >= 0)
    close(f->fd);
  f->fd = -1;
  if (f->tmp[0]) {
    unlink(f->tmp);
    if (f->sink->on_temp)
      f->sink->on_temp(f->sink->temp_ud, f->tmp, 0);
  }
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
  return read_all(data_out, len_out, &(read_source){fd, name, false},
                  max_size, code, alloc, err);
}
