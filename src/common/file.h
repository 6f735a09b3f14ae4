/* common/file.h: reading whole files and writing them atomically. */
#ifndef BC_COMMON_FILE_H
#define BC_COMMON_FILE_H

#include "baocao/alloc.h"
#include "baocao/error.h"

#include <stdbool.h>
#include <stddef.h>

/*
 * Reads path into a NUL-terminated buffer allocated with alloc (caller
 * frees). The file is opened with O_NONBLOCK and checked with fstat before
 * a byte is read: a FIFO, socket, device or directory fails at once instead
 * of hanging. Fails with `code` (BC_EINPUT, BC_EFONT, ...) naming the path
 * when the file is missing, unreadable or not a regular file, and when it
 * is larger than max_size.
 */
int bc_file_read(char **data_out,
                 size_t *len_out,
                 const char *path,
                 size_t max_size,
                 int code,
                 const bc_allocator *alloc,
                 bc_error *err);

/*
 * The same check without the read, for inputs a library opens by path
 * (FreeType, HarfBuzz, OpenSSL's BIO): path opens without blocking and is
 * a regular file, else `code` naming it.
 */
int bc_file_check_input(const char *path, int code, bc_error *err);

/*
 * Whether path may be written: a new name, or a regular file to replace.
 * A device, FIFO, socket or directory is refused, and so is a symbolic
 * link (the rename would replace the link; following it could write where
 * the link's owner chose), each with BC_EIO naming path. A final name
 * longer than NAME_MAX is refused too. Called by bc_file_out_open, and by
 * commands before their work so that a bad target fails at once.
 */
int bc_file_check_output(const char *path, bc_error *err);

/* Length of ".tmp-XXXXXX", what a temporary name adds to its stem. */
#define BC_FILE_TEMP_SUFFIX_LEN 11

/*
 * The mkstemp template for path in tmp: "NAME.tmp-XXXXXX" in path's
 * directory, NAME cut short so that the name fits NAME_MAX. -1 when tmp is
 * too small.
 */
int bc_file_temp_name(char *tmp, size_t size, const char *path);

/* The same for a shorter limit than NAME_MAX (an SQLite database, whose
 * "-journal" must fit beside it); name_max is more than the suffix. */
int bc_file_temp_name_max(char *tmp,
                          size_t size,
                          const char *path,
                          size_t name_max);

/*
 * The output sink: everything baocao writes to disk goes through one, so
 * tests can make the Nth write fail or run out of space.
 */
typedef struct bc_sink {
  /* Writes len bytes; returns 0 or an errno value. */
  int (*write)(void *ud, int fd, const void *data, size_t len);
  void *ud;
  /* Leave the file in the page cache instead of flushing it to disk
   * before the rename: a killed process loses nothing, only a crash of
   * the machine can (bulk syncs the file system once at the end, and
   * its --resume checks every file's digest). */
  bool skip_fsync;
  /* When set, told each temporary file's name once it exists (created 1)
   * and once it is gone, renamed or removed (created 0), so that a signal
   * handler can remove it (bc_temp_hook, baocao/render.h). */
  void (*on_temp)(void *ud, const char *tmp_path, int created);
  void *temp_ud;
} bc_sink;

/* The sink that calls write(2) until done. */
const bc_sink *bc_sink_default(void);

/* The default sink without the flush to disk. */
const bc_sink *bc_sink_no_fsync(void);

/*
 * Writes data to path atomically: a temporary file beside path is written,
 * flushed to disk and renamed over path. On any failure the temporary file
 * is removed, path is untouched, and BC_EIO names path and the reason.
 * sink may be NULL for the default.
 */
int bc_file_write_atomic(const char *path,
                         const void *data,
                         size_t len,
                         const bc_sink *sink,
                         bc_error *err);

/*
 * The same, a piece at a time, for output too large to hold in memory at
 * once: open, write any number of times, then commit (flush unless the
 * sink skips it, rename) or abort (remove the temporary file). After a
 * failed write only abort is left to call. Errors as above.
 */
typedef struct bc_file_out {
  const bc_sink *sink;
  int fd;
  char path[4096];
  char tmp[4096 + 16];
} bc_file_out;

int bc_file_out_open(bc_file_out *f,
                     const char *path,
                     const bc_sink *sink,
                     bc_error *err);
int bc_file_out_write(bc_file_out *f,
                      const void *data,
                      size_t len,
                      bc_error *err);
int bc_file_out_commit(bc_file_out *f, bc_error *err);
void bc_file_out_abort(bc_file_out *f);

/*
 * Writes data to an open descriptor (standard output for `-o -`): no
 * temporary file, no rename, no flush; the descriptor stays open. The
 * caller holds the whole output before the first write, so a failure can
 * only cut it where the reader stopped reading. BC_EIO names `name`.
 * sink may be NULL for the default.
 */
int bc_file_write_fd(int fd,
                     const char *name,
                     const void *data,
                     size_t len,
                     const bc_sink *sink,
                     bc_error *err);

/*
 * Reads an open descriptor (a pipe: standard input for `db load DB -`)
 * to its end into a NUL-terminated buffer allocated with alloc (caller
 * frees). Fails with `code` naming `name` when it cannot be read or holds
 * more than max_size bytes. The descriptor stays open.
 */
int bc_file_read_fd(char **data_out,
                    size_t *len_out,
                    int fd,
                    const char *name,
                    size_t max_size,
                    int code,
                    const bc_allocator *alloc,
                    bc_error *err);

#endif
