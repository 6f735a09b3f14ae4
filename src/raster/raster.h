/* raster/raster.h: the page model drawn as an 8-bit grey image with
 * FreeType (the second renderer of the pages the PDF backend writes), and
 * PNG images written and read with libpng. */
#ifndef BC_RASTER_H
#define BC_RASTER_H

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "common/arena.h"
#include "layout/page.h"
#include "text/text.h"
#include "common/version.h"

#include <stddef.h>

/* Bytes per pixel. */
typedef enum bc_pixel_format {
  BC_PIXEL_GRAY = 1, /* 8-bit grey: 0 black, 255 white */
  BC_PIXEL_RGBA = 4  /* 8-bit R, G, B, A, not premultiplied */
} bc_pixel_format;

/* An image in memory, rows top to bottom. The pixels belong to whoever
 * made them (an arena, for every function below). */
typedef struct bc_image {
  unsigned width; /* pixels */
  unsigned height;
  bc_pixel_format format;
  size_t stride; /* bytes from one row to the next */
  unsigned char *pixels;
} bc_image;

/* The largest width or height bc_raster_page draws and bc_png_read
 * accepts: a page at 1200 dpi fits, a decompression bomb does not. */
#define BC_IMAGE_MAX_SIDE 20000u

/*
 * A worker's rasteriser: its own FreeType library and the four faces of a
 * font set, opened once and reused for every page. FreeType objects are not
 * thread-safe, so one per thread; the font set itself stays shared and
 * read-only. FreeType's memory comes from alloc.
 */
typedef struct bc_raster bc_raster;

/*
 * Opens the faces of fonts (from their paths); fonts must outlive the
 * rasteriser. Errors: BC_EFONT naming the file, BC_ENOMEM. Free with
 * bc_raster_free.
 */
int bc_raster_new(bc_raster **out,
                  const bc_fontset *fonts,
                  const bc_allocator *alloc,
                  bc_error *err);
void bc_raster_free(bc_raster *r);

/*
 * Draws page at dpi pixels per inch into a grey image whose pixels come
 * from arena: white, every glyph anti-aliased (unhinted outlines at
 * size_pt * dpi / 72 pixels per em), every rule solid black. The image is
 * ceil(width_pt * dpi / 72) pixels wide, as pdftoppm makes it. Errors:
 * BC_ERROR (dpi outside 1..2400 or an image larger than BC_IMAGE_MAX_SIDE),
 * BC_EFONT (a glyph the font lacks), BC_ENOMEM. Not thread-safe for one r.
 */
int bc_raster_page(bc_image *out,
                   bc_raster *r,
                   const bc_page *page,
                   double dpi,
                   bc_arena *arena,
                   bc_error *err);

/*
 * Encodes img (grey or RGBA) as PNG into memory from arena. libpng's own
 * memory comes from arena's allocator. Errors: BC_ENOMEM, BC_ERROR (a
 * libpng failure, with its message). Thread-safe for distinct arenas.
 */
int bc_png_write(const unsigned char **data_out,
                 size_t *len_out,
                 const bc_image *img,
                 bc_arena *arena,
                 bc_error *err);

/*
 * Decodes a PNG of any colour type and depth into 8-bit RGBA from arena
 * (palette, grey and transparency expanded; 16-bit scaled; interlacing
 * undone; values as stored, no gamma correction). libpng's own memory
 * comes from arena's allocator. name is the file the bytes came from, for
 * messages. Errors: BC_EINPUT naming it ("'x.png' is not a PNG file",
 * "... is truncated", "... is not a usable PNG: <libpng's reason>", also
 * for an image wider or taller than BC_IMAGE_MAX_SIDE or of more than 16
 * million pixels), BC_ENOMEM. Thread-safe for distinct arenas.
 */
int bc_png_decode(bc_image *out,
                  const unsigned char *data,
                  size_t len,
                  const char *name,
                  bc_arena *arena,
                  bc_error *err);

/*
 * Reads the PNG file at path (at most 64 MiB) and decodes it as
 * bc_png_decode does. Errors: BC_EINPUT naming the file (missing,
 * unreadable, not a usable PNG), BC_ENOMEM.
 */
int bc_png_read(bc_image *out,
                const char *path,
                bc_arena *arena,
                bc_error *err);

/* The run-time version of libpng (bc_library_versions). */
bc_versions_fn bc_raster_versions;

#endif
