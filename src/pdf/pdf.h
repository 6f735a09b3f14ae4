/* pdf/pdf.h: writing the page model as PDF with libharu: embedded font
 * subsets drawn by glyph ID (Type0/Identity-H) with a ToUnicode built from
 * the text each glyph shows, document information, same bytes for the same
 * input. */
#ifndef BC_PDF_H
#define BC_PDF_H

#include "baocao/error.h"
#include "common/arena.h"
#include "layout/page.h"
#include "text/text.h"

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

typedef struct bc_pdf_info {
  const char *title;    /* UTF-8 */
  const char *author;   /* UTF-8: the issuing agency */
  const char *subject;  /* UTF-8 */
  const char *keywords; /* UTF-8, may be NULL */
  time_t created;       /* creation and modification date */
  bool compress;        /* Flate streams (default true) */
} bc_pdf_info;

/*
 * Writes pages as a complete PDF into memory from arena. Errors: BC_EFONT
 * (a subset that cannot be made), BC_ENOMEM, BC_ERROR (libharu failure,
 * with its error number). Thread-safe for distinct arenas.
 */
int bc_pdf_write(const unsigned char **data_out,
                 size_t *len_out,
                 const bc_pages *pages,
                 const bc_fontset *fonts,
                 const bc_pdf_info *info,
                 bc_arena *arena,
                 bc_error *err);

#endif
