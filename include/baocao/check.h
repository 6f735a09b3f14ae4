/* baocao/check.h: checking every report of a period before a bulk run:
 * what would stop or spoil each one, listed per agency. */
#ifndef BAOCAO_CHECK_H
#define BAOCAO_CHECK_H

#include "baocao/export.h"

#include "baocao/error.h"
#include "baocao/render.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What is wrong with a report. */
typedef enum bc_check_kind {
  BC_CHECK_MISSING_VALUE = 1, /* the templates print a value with no data
                                 (and no mac_dinh or #if for that case) */
  BC_CHECK_MISSING_NARRATIVE, /* {{{narrative.x}}} with no narrative x */
  BC_CHECK_EMPTY_NARRATIVE,   /* a narrative of spaces only */
  BC_CHECK_INVALID_VALUE,     /* a value a formatter or block rejects
                                 (`ngay` on a number, a list printed) */
  BC_CHECK_BROKEN_NARRATIVE,  /* a narrative that does not parse */
  BC_CHECK_NO_SIGNER,         /* report.signer_id is NULL */
  BC_CHECK_NO_RECIPIENTS,     /* Nơi nhận holds only the "Lưu" line */
  BC_CHECK_FAILED             /* anything else that stops the render: the
                                 database rejects a value or a string, the
                                 template does not compile, no report */
} bc_check_kind;

/* One problem. Strings belong to the bc_check_result. */
typedef struct bc_check_problem {
  bc_check_kind kind;
  int code;             /* the code the render fails with (BC_EDATA,
                           BC_ESYNTAX, ...); 0 when it does not fail
                           (an empty narrative, no recipients) */
  const char *name;     /* the indicator code, value name or narrative key;
                           NULL for the other kinds */
  const char *message;  /* one line: "missing indicator 'tthc.so_hoa'";
                           for BC_CHECK_FAILED the whole error line as
                           `baocao render` prints it */
  const char *file;     /* the template file or "narrative 'key'" where the
                           problem is, NULL when it has no position */
  int line;             /* 1-based, 0 with no position */
  int column;           /* 1-based, in code points, 0 with no position */
  const char *via_file; /* inside a narrative: the template file that
                           inserts it, with via_line and via_column;
                           else NULL */
  int via_line;
  int via_column;
} bc_check_problem;

/* One report of the period and what is wrong with it. */
typedef struct bc_check_report {
  const char *agency;               /* agency code */
  const char *template_name;        /* the report's template; NULL for a
                                       requested agency that has no report */
  const bc_check_problem *problems; /* in template order, then no signer,
                                       no recipients */
  size_t problem_count;             /* 0: the report is complete */
} bc_check_report;

/* What bc_check found: its reports, by agency code, then template.
 * Opaque; read it with the getters below, free it with
 * bc_check_result_free. */
typedef struct bc_check_result bc_check_result;

typedef struct bc_check_options {
  unsigned version;
  const char *db_path;
  const char *period;          /* period code, 2023-Q3 */
  const char *const *agencies; /* only these agency codes; NULL: every
                                  agency with a report in the period */
  size_t agency_count;
} bc_check_options;

#define BC_CHECK_OPTIONS_VERSION 1
/* Zero defaults (docs/architecture.md, "Public API conventions"): the
 * version and nothing else. */
#define BC_CHECK_OPTIONS_INIT { .version = BC_CHECK_OPTIONS_VERSION }
BC_EXPORT void bc_check_options_init(bc_check_options *opts);

/*
 * Checks every report of opts->period (or of the agencies named) the way
 * bc_render would run it, up to the document tree: loads its data, expands
 * its templates (main, partials, phụ lục, narratives) in audit mode and
 * builds the document, and lists for each report every missing value,
 * missing or empty narrative and rejected value with its template
 * position, a missing signer, missing recipients, and the error of any
 * other step that would fail. Typesetting is not run: a character the
 * fonts lack is not found. A requested agency with no report in the period
 * gets one BC_CHECK_FAILED problem (render's "no report" or "unknown
 * agency"). Problems are not errors: the call succeeds and sets *out.
 * Errors (*out untouched): BC_EDB, BC_ESCHEMA (database), BC_ENOTFOUND
 * (unknown period), BC_ENOMEM. Allocates through ctx's allocator. Free
 * *out with bc_check_result_free. Not thread-safe for one context.
 */
BC_EXPORT int bc_check(bc_check_result **out,
                       bc_context *ctx,
                       const bc_check_options *opts,
                       bc_error *err);

/* The number of reports checked. */
BC_EXPORT size_t bc_check_result_report_count(const bc_check_result *r);
/* Report i (by agency code, then template), or NULL when i is not below
 * the count. It and its strings belong to r. */
BC_EXPORT const bc_check_report *
bc_check_result_report(const bc_check_result *r, size_t i);
/* The reports with at least one problem. */
BC_EXPORT size_t bc_check_result_incomplete(const bc_check_result *r);
/* Frees r and everything it holds. Accepts NULL. */
BC_EXPORT void bc_check_result_free(bc_check_result *r);

/*
 * Writes a problem as one line, as `baocao check` prints it: its message,
 * then its position: "missing indicator 'tthc.so_hoa' (narrative
 * 'tthc_so_hoa':1:40 via templates/cchc/tthc.md:12:71)". Always
 * NUL-terminated. Returns buf.
 */
BC_EXPORT const char *
bc_check_problem_format(const bc_check_problem *p, char *buf, size_t size);

#ifdef __cplusplus
}
#endif

#endif
