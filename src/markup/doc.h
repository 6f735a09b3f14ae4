/* markup/doc.h: the document tree layout typesets: the Decree 30 header
 * fields, body blocks made of styled spans, Nơi nhận and the signer. */
#ifndef BC_DOC_H
#define BC_DOC_H

#include <stddef.h>

/* Span style bits; the same values as text's bc_style. */
#define BC_DOC_BOLD 1u
#define BC_DOC_ITALIC 2u

/* A span flag: a forced line break before this span's text. */
#define BC_SPAN_LINEBREAK 1u

typedef struct bc_span {
  const char *text; /* NFC UTF-8, not NUL-terminated */
  size_t len;
  unsigned style; /* BC_DOC_BOLD | BC_DOC_ITALIC */
  unsigned flags; /* BC_SPAN_* */
} bc_span;

typedef enum bc_block_kind {
  BC_BLOCK_PARAGRAPH = 0,
  BC_BLOCK_HEADING /* level 1 part (centred), 2 section, 3 item, 4 point */
} bc_block_kind;

typedef struct bc_block {
  bc_block_kind kind;
  int level; /* headings: 1..6 */
  const bc_span *spans;
  size_t span_count;
  int source_line; /* line in the expanded Markdown */
} bc_block;

/* Everything the layout needs, already worded; memory from the arena. */
typedef struct bc_doc {
  /* Header, left column (ô 2, ô 3). */
  const char *parent_name; /* UBND TỈNH TRÀ VINH, or NULL */
  const char *agency_name; /* SỞ THÔNG TIN VÀ TRUYỀN THÔNG */
  const char *number_line; /* "Số:       /BC-STTTT" or "Số: 05/BC-STTTT" */
  /* Header, right column (ô 1, ô 4). */
  const char *place_date; /* "Trà Vinh, ngày      tháng 9 năm 2023" */
  /* Title (ô 5a). */
  const char *doc_type; /* BÁO CÁO */
  const char *subject;  /* trích yếu */
  /* Body (ô 6). */
  const bc_block *blocks;
  size_t block_count;
  /* Nơi nhận (ô 9b): full lines with "- " and the final ";" or ".". */
  const char *const *recipients;
  size_t recipient_count;
  /* Signature block (ô 7a, 7b): capacity lines, then the name. */
  const char *const *signer_lines; /* "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC" */
  size_t signer_line_count;
  const char *signer_name;
  /* Document information. */
  const char *title; /* "BÁO CÁO Công tác cải cách ..." for PDF /Title */
  const char *author; /* the agency in running text */
} bc_doc;

#endif
