/* template/template_int.h: the compiled template tree, the parser's state
 * and the helpers that parse.c, frontmatter.c, compile.c, expand.c and
 * format.c share; only src/template/ and its tests include it. */
#ifndef BC_TEMPLATE_INT_H
#define BC_TEMPLATE_INT_H

#include "template/template.h"

#include <stdbool.h>
#include <stddef.h>

#define BC_TEMPLATE_MAX_INCLUDE 16 /* partials inside partials */
#define BC_TEMPLATE_MAX_NESTING 64 /* open blocks in one file */
#define BC_TEMPLATE_MAX_FILE ((size_t)16 << 20)
#define BC_TEMPLATE_MAX_OUTPUT ((size_t)64 << 20)

/*
 * Design notes.
 *
 * 1. A compiled template is a set of units (the main file and each partial,
 *    compiled once however often it is included), each a singly linked list
 *    of nodes; blocks hold their bodies as child lists. Everything lives in
 *    the template's arena and nothing is written after compile, so threads
 *    may expand one template at once.
 * 2. Text nodes point into the arena's copy of the source; standalone block
 *    lines have already been cut out of them, so expansion only copies.
 * 3. Positions are 1-based; columns count code points (what an editor
 *    shows), not bytes. A node's position is its opening "{{".
 * 4. Narratives are compiled per expansion in inline mode (values and
 *    comments only) into a scratch arena.
 */

typedef enum bc_tfmt_kind {
  BC_TFMT_SO = 0,
  BC_TFMT_DEM,
  BC_TFMT_PHANTRAM,
  BC_TFMT_NGAY,
  BC_TFMT_NGAY_DAI,
  BC_TFMT_LA_MA,
  BC_TFMT_HOA,
  BC_TFMT_HOA_DAU,
  BC_TFMT_MAC_DINH,
  BC_TFMT_TI_LE,      /* value / name * 100 */
  BC_TFMT_HIEU,       /* value - name */
  BC_TFMT_SO_VOI,     /* "tăng 12,5% so với <text>" */
  BC_TFMT_CHENH_LECH, /* "giảm 3 <text>" */
  BC_TFMT_GIAM_DAN,   /* {{#each}}: items by name, largest first */
  BC_TFMT_TANG_DAN,   /* {{#each}}: items by name, smallest first */
  BC_TFMT_NAM,        /* a date's year: "2011" */
  BC_TFMT_NGAY_THANG, /* day and month: "15/01" */
  BC_TFMT_DINH_DANG,  /* a date by a pattern: "d.M.yyyy" */
  BC_TFMT_TONG,       /* a list's items: the sum of name over them */
  BC_TFMT_CONG        /* value + name + name ... */
} bc_tfmt_kind;

/* What a formatter takes after its name. */
typedef enum bc_targ_kind {
  BC_TARG_NONE = 0,  /* nothing */
  BC_TARG_DECIMALS,  /* an optional integer 0..6 */
  BC_TARG_TEXT,      /* exactly one double-quoted string */
  BC_TARG_NAME,      /* exactly one name */
  BC_TARG_NAME_TEXT, /* a name, a string, optional decimals */
  BC_TARG_NAME_UNIT, /* a name, an optional string, optional decimals */
  BC_TARG_NAMES      /* one name or more */
} bc_targ_kind;

typedef enum bc_tname_kind {
  BC_TNAME_VALUE = 0, /* item fields of the open #each blocks, then model */
  BC_TNAME_INDEX,     /* @index */
  BC_TNAME_FIRST,     /* @first */
  BC_TNAME_LAST,      /* @last */
  BC_TNAME_STT,       /* @stt: @index + 1 */
  BC_TNAME_NARRATIVE  /* narrative.<key> */
} bc_tname_kind;

typedef struct bc_tname {
  const char *s; /* the whole name, in the source (not NUL-terminated) */
  size_t len;
  bc_tname_kind kind;
  bool reserved; /* co_quan., ky., ... (not an indicator) for messages */
} bc_tname;

typedef struct bc_tfmt {
  bc_tfmt_kind kind;
  int decimals;     /* -1 when not given */
  const char *text; /* mac_dinh, so_voi, chenh_lech: the literal, escapes
                       resolved; NULL when not given */
  size_t text_len;
  bc_tname ref; /* BC_TARG_NAME*: the other value (ref.s NULL otherwise) */
  const bc_tname *refs; /* BC_TARG_NAMES: every name, ref is refs[0] */
  size_t ref_count;
  int line;
  int column; /* of the formatter's name */
} bc_tfmt;

/* Formatters that order the items of {{#each}} rather than print. */
static inline bool bc_tfmt_sorts(bc_tfmt_kind kind) {
  return kind == BC_TFMT_GIAM_DAN || kind == BC_TFMT_TANG_DAN;
}

typedef enum bc_tnode_kind {
  BC_TNODE_TEXT = 0,
  BC_TNODE_VALUE,     /* {{ name | fmt ... }} */
  BC_TNODE_NARRATIVE, /* {{{ narrative.key }}} */
  BC_TNODE_IF,        /* {{#if}} and {{#unless}} (negate) */
  BC_TNODE_EACH,      /* {{#each}} */
  BC_TNODE_PARTIAL    /* {{> name}} */
} bc_tnode_kind;

typedef struct bc_tnode bc_tnode;
typedef struct bc_tunit bc_tunit;

struct bc_tnode {
  bc_tnode_kind kind;
  int line;
  int column;
  bc_tnode *next;
  const char *text; /* TEXT */
  size_t len;
  bc_tname name;           /* VALUE, NARRATIVE, IF, EACH */
  const bc_tfmt *fmts;     /* VALUE; EACH: its sort, if any */
  size_t fmt_count;        /* VALUE; EACH: 0 or 1 */
  const bc_tfmt *fallback; /* VALUE: its mac_dinh, or NULL */
  bool negate;             /* IF: {{#unless}} */
  bool standalone;         /* PARTIAL: alone on its line */
  bc_tnode *body;          /* IF: then part; EACH: the loop body */
  bc_tnode *alt;           /* IF: else part */
  const bc_tunit *unit;    /* PARTIAL */
};

typedef struct bc_tmeta {
  const char *key;
  bc_tnode *first; /* inline nodes of the value */
} bc_tmeta;

#define BC_TEMPLATE_MAX_META 5
#define BC_TEMPLATE_MAX_APPENDICES 20

struct bc_tunit {
  const char *name;   /* partial name; the template's name or NULL for main */
  const char *label;  /* file name used in errors */
  const char *source; /* the file's text, as read */
  size_t source_len;
  bc_tnode *first;
  int height;     /* longest chain of partials below this unit */
  bool compiling; /* on the include stack (compile time only) */
  bool appendix;  /* a phụ lục named by the main file's front matter */
  bc_tmeta meta[BC_TEMPLATE_MAX_META]; /* front matter, file order */
  size_t meta_count;
  bc_tunit *next; /* every unit of the template */
};

struct bc_template {
  const bc_allocator *alloc;
  bc_arena arena; /* every node, string and unit */
  bc_tunit *main;
  bc_tunit *units;
  const bc_tunit *appendices[BC_TEMPLATE_MAX_APPENDICES]; /* phu_luc order */
  size_t appendix_count;
};

/* What a value was looked up as, for error messages. */
typedef struct bc_tsubject {
  const char *name;
  size_t len;
  const char *indicator; /* code of the #each item it came from, or NULL */
  const char *agency;    /* the don_vi item's agency it was looked up in */
} bc_tsubject;

/* The parser's state, shared by parse.c (the syntax), frontmatter.c and
 * compile.c (files and units). */

typedef enum bc_tparse_mode {
  BC_TPARSE_BODY,  /* everything */
  BC_TPARSE_INLINE /* values and comments only: narratives, front matter */
} bc_tparse_mode;

/* Shared by the main file and every partial it pulls in. */
typedef struct bc_tcompiler {
  bc_template *t;
  const char *root_dir; /* NULL: partials are not available */
  bc_error *err;
} bc_tcompiler;

typedef struct bc_topen_block {
  bc_tnode *node;
  bc_tnode **parent_tail; /* where the parent list continues */
  const char *name;       /* "if", "unless", "each" */
  bool in_else;
} bc_topen_block;

typedef struct bc_tparser {
  bc_tcompiler *cc; /* NULL for narratives */
  bc_arena *arena;
  bc_tunit *unit; /* NULL for narratives */
  const char *label;
  const char *where; /* for inline mode messages: "a narrative" */
  bc_tparse_mode mode;
  int depth; /* include depth of this file; the main file is 0 */
  const char *end;
  /* The position cursor: it only moves forward, so counting lines and
   * columns costs one pass over the source in all. */
  const char *cur;
  int line;
  int column;
  bc_tnode *first;
  bc_tnode **tail;
  bc_topen_block blocks[BC_TEMPLATE_MAX_NESTING];
  int nblocks;
  bc_error *err;
} bc_tparser;

/* parse.c */

/* Characters and spans of a line: blanks are ' ' and '\t'; names are
 * a-z A-Z 0-9 _ . @; trim_end also drops '\r'; line_end is the '\n'
 * ending the line at s, or end. */
bool bc_template__is_blank(char c);
bool bc_template__is_name_char(char c);
const char *bc_template__skip_blanks(const char *s, const char *end);
const char *bc_template__trim_end(const char *s, const char *e);
bool bc_template__span_is(const char *s, const char *e, const char *lit);
const char *bc_template__line_end(const char *s, const char *end);

/* Moves p's cursor forward to at and reports its line and column. */
void bc_template__locate(bc_tparser *p, const char *at, int *line, int *column);
/* Sets p's file and the position on its error; returns rc. */
int bc_template__located(bc_tparser *p, int rc, int line, int column);
/* An error at at, a position not yet passed; returns rc. */
int bc_template__fail_here(bc_tparser *p, const char *at, int rc);

/* A parser over src..src+len for nodes from arena, at line 1, column 1. */
void bc_template__parser_init(bc_tparser *p,
                              bc_arena *arena,
                              const char *label,
                              const char *src,
                              size_t len,
                              bc_error *err);
/* The text from s to p->end: text nodes and tags. */
int bc_template__parse_span(bc_tparser *p, const char *s);
/* Checks the encoding, skips a byte-order mark, parses the front matter
 * (when front_matter) and the body, and checks that every block was
 * closed. */
int bc_template__parse_source(bc_tparser *p,
                              const char *src,
                              size_t len,
                              int bad_utf8_code,
                              bool front_matter);

/*
 * Compiles text in inline mode (value placeholders and comments only) into
 * nodes from arena; used for narratives. label names it in errors;
 * bad_utf8_code is the code for invalid UTF-8 (BC_EDATA for data).
 */
int bc_template__parse_inline(bc_tnode **out,
                              const char *src,
                              size_t len,
                              const char *label,
                              int bad_utf8_code,
                              bc_arena *arena,
                              bc_error *err);

/* frontmatter.c */

/* The "---" front matter at s, the very top of the main file or of an
 * appendix; *body is set to what follows it (s when there is none). */
int bc_template__parse_front_matter(bc_tparser *p,
                                    const char *s,
                                    const char **body);

/* compile.c */

/* Partial and template names: a-z 0-9 _ - /, no leading, trailing or
 * doubled '/'. */
bool bc_template__valid_name(const char *s, size_t len);
/* A new unit of cc's template for root_dir/name.md, read and compiled at
 * include depth depth; an appendix has front matter of its own. */
int bc_template__compile_file(bc_tcompiler *cc,
                              bc_tunit **out,
                              const char *name,
                              size_t len,
                              int depth,
                              bool appendix);

/* format.c */

/* Finds a formatter by name; false if there is none. */
bool bc_template__formatter_find(bc_tfmt_kind *kind_out,
                                 bc_targ_kind *arg_out,
                                 const char *name,
                                 size_t len);
const char *bc_template__formatter_name(bc_tfmt_kind kind);

/* "'tthc.so_hoa'" or "'gia_tri' of indicator 'tthc.so_hoa'". */
void bc_template__describe(char *buf, size_t size, const bc_tsubject *subject);

/* How a formatter's name argument (ti_le x) is looked up: fn sets *out
 * and returns 0, or describes the missing value in err and returns
 * BC_EDATA. */
typedef struct bc_tref {
  int (*fn)(void *ud, const bc_tname *name, bc_value *out, bc_error *err);
  void *ud;
} bc_tref;

/* A dinh_dang pattern: NULL when it is good, else the first character
 * that is not d, dd, M, MM, yyyy or a character that is no ASCII letter. */
const char *bc_template__pattern_fault(const char *pattern, size_t len);

/* What bc_template__format formats: a present, non-list value and the
 * formatters of its tag, with how their name arguments are looked up. */
typedef struct bc_tformat_call {
  const bc_value *value;
  const bc_tfmt *fmts;
  size_t count; /* entries in fmts */
  const bc_tref *ref;
  const bc_tsubject *subject; /* names the value in messages */
} bc_tformat_call;

/* What bc_template__format returns besides its code. */
typedef struct bc_tformat_result {
  const char *text; /* plain (unescaped), in scratch or in the value */
  size_t len;
  size_t failed_at;            /* on BC_EDATA: see bc_template__format */
  const bc_tname *ref_missing; /* on BC_EDATA: the missing name, or NULL */
} bc_tformat_result;

/*
 * Runs call->value through call->fmts (mac_dinh is skipped) and returns
 * the plain (unescaped) text in out->text, which points into
 * scratch[0..1] or into the value itself. On BC_EDATA, out->failed_at is
 * the index of the formatter at fault, or call->count when the value
 * itself is bad (not a finite number); out->ref_missing is the
 * formatter's name argument that was missing, or NULL. Returns 0,
 * BC_EDATA or BC_ENOMEM.
 */
int bc_template__format(bc_tformat_result *out,
                        bc_buf scratch[2],
                        const bc_tformat_call *call,
                        bc_error *err);

/* expand.c */

/* bc_template_expand with another output limit (tests). */
int bc_template__expand_limited(bc_expansion *out,
                                const bc_template *t,
                                const bc_report_model *model,
                                size_t limit,
                                bc_arena *arena,
                                bc_error *err);

/* bc_template_audit with another output limit (tests). */
int bc_template__audit_limited(bc_audit_report *out,
                               const bc_template *t,
                               const bc_report_model *model,
                               size_t limit,
                               bc_arena *arena,
                               bc_error *err);

#endif
