/* layout/page.h: the page model shared by the PDF and PNG backends: glyph
 * runs at absolute positions and rules, in PDF points with the origin at
 * the bottom-left corner of the page, and the logical structure each run
 * belongs to (for a tagged PDF). */
#ifndef BC_PAGE_H
#define BC_PAGE_H

#include <stddef.h>
#include <stdint.h>

/* One glyph as drawn. */
/* 24 bytes, not 32: a long report's pages hold some 40,000 of them. */
typedef struct bc_placed_glyph {
  float advance_pt;  /* pen movement after this glyph, justification included */
  float x_offset_pt; /* HarfBuzz offsets (marks), usually 0 */
  float y_offset_pt;
  uint16_t gid;      /* an OpenType glyph ID: 16 bits */
  uint16_t text_len; /* 0 for the second and later glyphs of a cluster; at
                        most BC_CLUSTER_MAX */
  const char *text;  /* the characters this glyph shows (its cluster); */
} bc_placed_glyph;

/* The longest cluster (bytes of text one glyph shows) a page holds. */
#define BC_CLUSTER_MAX UINT16_MAX

/* Glyphs of one face and size on one baseline. */
typedef struct bc_run {
  unsigned style; /* bc_style: 1 bold, 2 italic */
  float size_pt;
  float x_pt; /* pen position of the first glyph */
  float y_pt; /* baseline */
  const bc_placed_glyph *glyphs;
  size_t count;
  uint32_t elem; /* the structure element it is content of (an index into
                    bc_pages.elems); 0: an artifact (page numbers, a
                    table's header rows repeated on a later page) */
  float expansion; /* glyphs drawn 1 + expansion as wide as the font has
                      them (font expansion, |expansion| <= 0.02); their
                      advances and offsets above include it. 0: natural */
  float tracking_pt; /* space added after each character (in the advances
                        above; a PDF writes it as Tc), 0 for none */
} bc_run;

/* A solid horizontal or vertical line. */
typedef struct bc_rule {
  float x0_pt, y0_pt, x1_pt, y1_pt;
  float width_pt;
} bc_rule;

/* A heading, for the PDF outline (bookmarks). */
typedef struct bc_outline_entry {
  int level;         /* 1.. */
  const char *title; /* NUL-terminated UTF-8 */
  size_t page;       /* 0-based */
  float y_pt;        /* top of the heading */
} bc_outline_entry;

/* An empty signature field (a widget annotation) where the decree puts a
 * signature: the signer's over the blank of the signature block, the
 * agency's seal over the left third of it (decree30-layout.md §10). */
typedef struct bc_sig_field {
  const char *name; /* ky_nguoi_co_tham_quyen, ky_co_quan */
  size_t page;      /* 0-based */
  float x0_pt, y0_pt, x1_pt, y1_pt;
  const char *label; /* what it is for, in Vietnamese (the field's /TU) */
  uint32_t elem;     /* its Form structure element */
} bc_sig_field;

/*
 * Logical structure (ISO 32000-1 14.7-14.8, the standard structure types
 * of 14.8.4): elements in reading order, each naming its parent, which
 * comes before it. Element 0 is the document; it holds no content itself.
 * Only elements without children hold runs, so an element's content is
 * its children or its runs, never both.
 */
typedef enum bc_struct_type {
  BC_STRUCT_DOCUMENT = 0,
  BC_STRUCT_SECT, /* a phụ lục */
  BC_STRUCT_DIV,  /* the header block, Nơi nhận, the signature block */
  BC_STRUCT_H1,   /* the title; body headings by their level */
  BC_STRUCT_H2,
  BC_STRUCT_H3,
  BC_STRUCT_H4,
  BC_STRUCT_H5,
  BC_STRUCT_H6,
  BC_STRUCT_P,
  BC_STRUCT_L,
  BC_STRUCT_LI,
  BC_STRUCT_LBL, /* a list item's marker */
  BC_STRUCT_LBODY,
  BC_STRUCT_TABLE,
  BC_STRUCT_TR,
  BC_STRUCT_TH, /* a header row's cell: it heads its column */
  BC_STRUCT_TD,
  BC_STRUCT_FORM, /* a signature field */
  BC_STRUCT_COUNT
} bc_struct_type;

typedef struct bc_struct_elem {
  bc_struct_type type;
  uint32_t parent; /* index of the parent element (0 for the document's own
                      children, and for the document) */
} bc_struct_elem;

typedef struct bc_page {
  float width_pt;
  float height_pt;
  const bc_run *runs;
  size_t run_count;
  const bc_rule *rules;
  size_t rule_count;
} bc_page;

/* Figures about the typesetting, for --stats and the bench. */
typedef struct bc_layout_stats {
  size_t lines;    /* body lines */
  size_t overfull; /* lines wider than the measure (always 0) */
  size_t loose;    /* justified lines with spaces beyond 1.5x */
  size_t tight;    /* justified lines with spaces below 0.8x */
  size_t widows;   /* last line of a paragraph alone at a page top */
  size_t orphans;  /* first line of a paragraph alone at a page bottom */
  size_t very_loose; /* justified lines with spaces beyond 1.6x */
  size_t justified;  /* justified body lines */
  double space_p95;  /* 95th percentile of their spaces over the natural
                        space (1: natural) */
  double expansion_max; /* the widest |font expansion| of a line */
} bc_layout_stats;

typedef struct bc_pages {
  const bc_page *pages;
  size_t count;
  const bc_outline_entry *outline;
  size_t outline_count;
  const bc_sig_field *fields;
  size_t field_count;
  bc_layout_stats stats;
  const bc_struct_elem *elems; /* [0] is the document */
  size_t elem_count;
} bc_pages;

/* The field names, stable: e-office software and `baocao sign` use them. */
#define BC_FIELD_SIGNER "ky_nguoi_co_tham_quyen"
#define BC_FIELD_SEAL "ky_co_quan"

#endif
