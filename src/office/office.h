/* office/office.h: the report as an editable draft, a Word document (.docx,
 * Office Open XML) or an OpenDocument text (.odt), written from the
 * document tree with named styles, the Decree 30 frame, page numbers from
 * page 2 and the report's data inside the package. See docs/drafts.md. */
#ifndef BC_OFFICE_H
#define BC_OFFICE_H

#include "baocao/error.h"
#include "common/arena.h"
#include "layout/layout.h"
#include "markup/doc.h"
#include "text/text.h"
#include "common/version.h"

#include <stddef.h>
#include <time.h>

typedef enum bc_office_kind {
  BC_OFFICE_DOCX = 0, /* ISO/IEC 29500 WordprocessingML, as Word writes */
  BC_OFFICE_ODT       /* OpenDocument 1.3 text */
} bc_office_kind;

typedef struct bc_office_info {
  const char *title;     /* UTF-8: the trích yếu */
  const char *author;    /* UTF-8: the issuing agency */
  const char *subject;   /* UTF-8 */
  const char *generator; /* "baocao 0.1.0" */
  time_t created;        /* creation and modification date, UTC */
  /* The report's data (baocao-data.json), carried in the package: a
   * custom XML part in a .docx, a file listed in the manifest of an .odt.
   * NULL for none. */
  const unsigned char *data;
  size_t data_len;
} bc_office_info;

/* What a draft is set with, as the PDF is: its frame, and the fonts and
 * shaper its texts are measured and shaped with. */
typedef struct bc_office_setting {
  const bc_frame *frame;
  const bc_fontset *fonts;
  bc_shaper *shaper;
} bc_office_setting;

/*
 * Writes doc as a complete .docx or .odt into memory from arena: the same
 * bytes for the same input. Sizes, spacing and the frame's columns come
 * from set->frame; the rules under the cơ quan, the Tiêu ngữ and the trích
 * yếu, the widths of centred header texts and of table columns are
 * measured with set->fonts as the PDF's layout measures them. Every text
 * is shaped first, so a draft refuses what the PDF refuses. Errors:
 * BC_EDATA (a character the font lacks or that cannot be drawn),
 * BC_ENOMEM, BC_ERROR (the zip library failed). Thread-safe for distinct
 * shapers and arenas.
 */
int bc_office_write(const unsigned char **data_out,
                    size_t *len_out,
                    bc_office_kind kind,
                    const bc_doc *doc,
                    const bc_office_setting *set,
                    const bc_office_info *info,
                    bc_arena *arena,
                    bc_error *err);

/* The run-time version of libzip (bc_library_versions). */
bc_versions_fn bc_office_versions;

#endif
