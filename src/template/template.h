/* template/template.h: compiling report templates (file:line:col errors),
 * expanding them against a report model into Markdown, and the Vietnamese
 * formatters. The language is specified in docs/templates.md. */
#ifndef BC_TEMPLATE_H
#define BC_TEMPLATE_H

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "common/arena.h"
#include "common/buf.h"
#include "model/model.h"

#include <stdbool.h>
#include <stddef.h>

/* A compiled template with its partials; immutable, shareable by threads. */
typedef struct bc_template bc_template;

/*
 * Reads <root_dir>/<name>.md and every partial it names, and compiles them.
 * name follows the partial-name rules (a-z 0-9 _ - /, no "..").
 * Errors: BC_EINPUT (file missing/unreadable, bad name), BC_ESYNTAX (with
 * file, line, column set in err), BC_ENOMEM. The caller frees *out with
 * bc_template_free.
 */
int bc_template_compile(bc_template **out,
                        const char *root_dir,
                        const char *name,
                        const bc_allocator *alloc,
                        bc_error *err);

/*
 * Compiles source text; file_label names it in errors ("test.md").
 * root_dir is where partials are read from, or NULL to forbid partials.
 */
int bc_template_compile_string(bc_template **out,
                               const char *source,
                               size_t len,
                               const char *file_label,
                               const char *root_dir,
                               const bc_allocator *alloc,
                               bc_error *err);

void bc_template_free(bc_template *t);

/* Calls fn with the name ("" for the main file) and text of every file the
 * template was compiled from (main, partials, phụ lục), in a fixed order:
 * to tell whether a template changed. */
void bc_template_sources(
    const bc_template *t,
    void (*fn)(void *ud, const char *name, const char *source, size_t len),
    void *ud);

/* One front-matter field after expansion (plain text, not Markdown). */
typedef struct bc_meta_entry {
  const char *key;
  const char *value;
} bc_meta_entry;

/* The result of an expansion; all memory belongs to the arena. */
typedef struct bc_expansion {
  const char *markdown; /* NUL-terminated body */
  size_t markdown_len;
  const bc_meta_entry *meta; /* front matter, in file order */
  size_t meta_count;
  /* Phụ lục named by `phu_luc:`, in order; each has its own markdown and
   * front matter (tieu_de, huong) and no appendices of its own. */
  const struct bc_expansion *appendices;
  size_t appendix_count;
} bc_expansion;

/*
 * Fills the template with values from model. Values are escaped so that
 * they cannot become Markdown; narratives are inserted as Markdown after
 * their own value placeholders are filled. Errors: BC_EDATA (missing value,
 * wrong kind for a formatter; file/line/column and agency/period set),
 * BC_ESYNTAX (in a narrative), BC_ENOMEM. Thread-safe for distinct arenas.
 */
int bc_template_expand(bc_expansion *out,
                       const bc_template *t,
                       const bc_report_model *model,
                       bc_arena *arena,
                       bc_error *err);

/* What kind of problem an audit found. */
typedef enum bc_audit_kind {
  BC_AUDIT_MISSING_VALUE = 0, /* printed with no value, no mac_dinh, no #if */
  BC_AUDIT_MISSING_NARRATIVE, /* {{{narrative.x}}} with no narrative x */
  BC_AUDIT_EMPTY_NARRATIVE,   /* a narrative of spaces only: prints nothing */
  BC_AUDIT_INVALID_VALUE,     /* a value a formatter or block rejects */
  BC_AUDIT_BROKEN_NARRATIVE   /* a narrative that does not parse */
} bc_audit_kind;

/* One problem, where the template (or a narrative) meets it. */
typedef struct bc_audit_item {
  bc_audit_kind kind;
  int code;            /* what bc_template_expand fails with there (BC_EDATA,
                          BC_ESYNTAX); 0 when it does not fail */
  const char *name;    /* the indicator code, value name or narrative key */
  const char *message; /* the expansion's message, without position:
                          "missing indicator 'tthc.so_hoa'" */
  const char *file;    /* the template file, or "narrative 'key'" */
  int line;
  int column;
  /* Inside a narrative: where the template inserts it; else NULL, 0, 0. */
  const char *via_file;
  int via_line;
  int via_column;
} bc_audit_item;

/* What bc_template_audit found; all memory belongs to the arena. */
typedef struct bc_audit_report {
  const bc_audit_item *items; /* in expansion order, each problem once */
  size_t count;
  /* The expansion with the problems left out (a missing value prints
   * nothing); exactly bc_template_expand's when no item has a code. */
  bc_expansion expansion;
} bc_audit_report;

/*
 * Expands everything bc_template_expand does (main file, partials, phụ
 * lục, narratives) but, instead of failing on a missing value, a missing
 * or broken narrative or a value a formatter rejects, records each with
 * its position and goes on; it also records empty narratives, which
 * expand to nothing. A problem repeated at one position (in a loop) is
 * recorded once. Errors: BC_ENOMEM, and BC_EDATA for an expansion larger
 * than the output limit (which stops it). Thread-safe for distinct arenas.
 */
int bc_template_audit(bc_audit_report *out,
                      const bc_template *t,
                      const bc_report_model *model,
                      bc_arena *arena,
                      bc_error *err);

/* The value of a front-matter key, or NULL. */
const char *bc_expansion_meta(const bc_expansion *e, const char *key);

/*
 * Formatters, also used directly by tests and other modules. Each appends
 * to out (check out with bc_buf_check).
 *   decimals < 0: as many as needed, at most 6, trailing zeros dropped.
 */
void bc_format_number(bc_buf *out, double value, int decimals, bool group);
void bc_format_count(bc_buf *out, double value); /* dem */
void bc_format_percent(bc_buf *out, double value, int decimals);
/* ngay_dai: "ngày 26 tháng 7 năm 2023"; a partial date what is known
 * ("tháng 8 năm 2023", "năm 2011"), or with blanks the clerk's room
 * ("ngày    tháng 9 năm 2023"). */
void bc_format_date_long(bc_buf *out, bc_date date, bool blanks);

#endif
