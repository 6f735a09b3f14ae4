/* raster/png.c: PNG encoding of page images and decoding of any PNG into
 * RGBA, with libpng (used by this module only). libpng reports errors by
 * longjmp: each setjmp sits in a small function of its own that touches no
 * local state after the jump, and the caller frees everything. */
#include "raster/raster.h"
#include "common/version.h"

#include "common/alloc.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/file.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>

/* The largest PNG file bc_png_read reads, and the most pixels it decodes. */
#define PNG_MAX_FILE (64u << 20)
#define PNG_MAX_PIXELS (16u << 20)

/* What libpng's callbacks share with us. */
typedef struct png_io {
  const bc_allocator *alloc;
  int oom;                   /* an allocation failed */
  int truncated;             /* the data ended early */
  char message[160];         /* libpng's error message */
  bc_buf out;                /* writing: the PNG so far */
  const unsigned char *data; /* reading */
  size_t len, pos;
} png_io;

static png_voidp on_malloc(png_structp png, png_alloc_size_t size) {
  png_io *io = png_get_mem_ptr(png);
  void *p = bc_malloc(io->alloc, size);
  if (!p)
    io->oom = 1;
  return p;
}

static void on_free(png_structp png, png_voidp p) {
  png_io *io = png_get_mem_ptr(png);
  bc_free(io->alloc, p);
}

static void on_error(png_structp png, png_const_charp msg) {
  png_io *io = png_get_error_ptr(png);
  snprintf(io->message, sizeof io->message, "%s", msg);
  png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg) {
  /* The library never prints; warnings change nothing we return. */
  (void)png;
  (void)msg;
}

/* ---- writing ---- */

static void on_write(png_structp png, png_bytep data, size_t len) {
  png_io *io = png_get_io_ptr(png);
  bc_buf_put(&io->out, data, len);
  if (io->out.failed) {
    io->oom = 1;
    png_error(png, "out of memory");
  }
}

static void on_flush(png_structp png) {
  (void)png;
}

/* All libpng calls of a write; 0, or -1 after a longjmp. */
static int encode(png_structp png, png_infop info, const bc_image *img) {
  if (setjmp(png_jmpbuf(png)))
    return -1;
  png_set_IHDR(png, info, img->width, img->height, 8,
               img->format == BC_PIXEL_GRAY ? PNG_COLOR_TYPE_GRAY
                                            : PNG_COLOR_TYPE_RGB_ALPHA,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
               PNG_FILTER_TYPE_DEFAULT);
  /* A page of text, mostly white: unfiltered rows at level 3 take half the
   * time of libpng's defaults (adaptive filters, level 6) for 6% more
   * bytes (measured on the Trà Vinh sample at 100 dpi). */
  png_set_compression_level(png, 3);
  png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_write_info(png, info);
  for (unsigned y = 0; y < img->height; y++)
    png_write_row(png, img->pixels + (size_t)y * img->stride);
  png_write_end(png, info);
  return 0;
}

int bc_png_write(const unsigned char **data_out,
                 size_t *len_out,
                 const bc_image *img,
                 bc_arena *arena,
                 bc_error *err) {
  png_io io;
  png_structp png = NULL;
  png_infop info = NULL;
  unsigned char *copy;
  int rc = 0;

  memset(&io, 0, sizeof io);
  io.alloc = arena->alloc;
  bc_buf_init(&io.out, arena->alloc);
  png = png_create_write_struct_2(PNG_LIBPNG_VER_STRING, &io, on_error,
                                  on_warning, &io, on_malloc, on_free);
  if (!png || !(info = png_create_info_struct(png))) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  png_set_write_fn(png, &io, on_write, on_flush);
  if (encode(png, info, img) != 0) {
    rc = io.oom
             ? bc_error_oom(err)
             : bc_error_set(err, BC_ERROR, "cannot encode PNG: %s", io.message);
    goto cleanup;
  }
  if (io.oom) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  copy = bc_arena_alloc(arena, io.out.len);
  if (!copy) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  memcpy(copy, io.out.data, io.out.len);
  *data_out = copy;
  *len_out = io.out.len;
cleanup:
  if (png)
    png_destroy_write_struct(&png, info ? &info : NULL);
  bc_buf_free(&io.out);
  return rc;
}

/* ---- reading ---- */

static void on_read(png_structp png, png_bytep data, size_t len) {
  png_io *io = png_get_io_ptr(png);
  if (len > io->len - io->pos) {
    io->truncated = 1;
    png_error(png, "the file ends early");
  }
  memcpy(data, io->data + io->pos, len);
  io->pos += len;
}

/* All libpng calls of a read; 0, or -1 after a longjmp (or a size
 * refused: io->message says so). Pixels come from arena. */
static int decode(bc_image *out,
                  png_structp png,
                  png_infop info,
                  png_io *io,
                  bc_arena *arena) {
  png_uint_32 width, height;
  int depth, color, interlace, passes;
  unsigned char *pixels;

  if (setjmp(png_jmpbuf(png)))
    return -1;
  png_set_user_limits(png, BC_IMAGE_MAX_SIDE, BC_IMAGE_MAX_SIDE);
  /* Bounds the memory an ancillary chunk (iCCP, zTXt) may take. */
  png_set_chunk_malloc_max(png, 8u << 20);
  png_read_info(png, info);
  png_get_IHDR(png, info, &width, &height, &depth, &color, &interlace, NULL,
               NULL);
  if ((size_t)width * height > PNG_MAX_PIXELS) {
    snprintf(io->message, sizeof io->message, "%u x %u pixels is more than %u",
             (unsigned)width, (unsigned)height, PNG_MAX_PIXELS);
    return -1;
  }
  /* Any colour type and depth to 8-bit RGBA. */
  png_set_expand(png);
  png_set_scale_16(png);
  png_set_gray_to_rgb(png);
  png_set_add_alpha(png, 0xFF, PNG_FILLER_AFTER);
  passes = png_set_interlace_handling(png);
  png_read_update_info(png, info);
  if (png_get_rowbytes(png, info) != (size_t)width * 4)
    png_error(png, "unexpected row size");
  pixels = bc_arena_alloc(arena, (size_t)width * 4 * height);
  if (!pixels) {
    io->oom = 1;
    png_error(png, "out of memory");
  }
  for (int pass = 0; pass < passes; pass++)
    for (png_uint_32 y = 0; y < height; y++)
      png_read_row(png, pixels + (size_t)y * width * 4, NULL);
  /* Up to IEND: a truncated or damaged tail is an error too. */
  png_read_end(png, NULL);
  out->width = width;
  out->height = height;
  out->format = BC_PIXEL_RGBA;
  out->stride = (size_t)width * 4;
  out->pixels = pixels;
  return 0;
}

int bc_png_decode(bc_image *out,
                  const unsigned char *data,
                  size_t len,
                  const char *name,
                  bc_arena *arena,
                  bc_error *err) {
  png_io io;
  png_structp png = NULL;
  png_infop info = NULL;
  bc_image img;
  int rc = 0;

  if (len < 8 || png_sig_cmp(data, 0, 8) != 0)
    return bc_error_set(err, BC_EINPUT, "'%s' is not a PNG file", name);
  memset(&io, 0, sizeof io);
  io.alloc = arena->alloc;
  io.data = data;
  io.len = len;
  png = png_create_read_struct_2(PNG_LIBPNG_VER_STRING, &io, on_error,
                                 on_warning, &io, on_malloc, on_free);
  if (!png || !(info = png_create_info_struct(png))) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  png_set_read_fn(png, &io, on_read);
  if (decode(&img, png, info, &io, arena) != 0) {
    if (io.oom)
      rc = bc_error_oom(err);
    else if (io.truncated)
      rc = bc_error_set(err, BC_EINPUT, "'%s' is truncated", name);
    else
      rc = bc_error_set(err, BC_EINPUT, "'%s' is not a usable PNG: %s", name,
                        io.message);
    goto cleanup;
  }
  if (io.oom) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  *out = img;
cleanup:
  if (png)
    png_destroy_read_struct(&png, info ? &info : NULL, NULL);
  return rc;
}

int bc_png_read(bc_image *out,
                const char *path,
                bc_arena *arena,
                bc_error *err) {
  char *data = NULL;
  size_t len = 0;
  int rc;

  if ((rc = bc_file_read(&data, &len, path, PNG_MAX_FILE, BC_EINPUT,
                         arena->alloc, err)))
    return rc;
  rc = bc_png_decode(out, (const unsigned char *)data, len, path, arena, err);
  bc_free(arena->alloc, data);
  return rc;
}

void bc_raster_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "libpng", png_get_libpng_ver(NULL));
}
