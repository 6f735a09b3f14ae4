/* baocao/bulk.h: rendering every report of a period with worker threads,
 * a manifest of what was done, resuming and sharding. */
#ifndef BAOCAO_BULK_H
#define BAOCAO_BULK_H

#include "baocao/export.h"

#include "baocao/alloc.h"
#include "baocao/error.h"
#include "baocao/render.h"

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* What happened to one report of a bulk run. */
typedef enum bc_bulk_status {
  BC_BULK_RENDERED = 0, /* written now */
  BC_BULK_CURRENT,      /* --resume: the file on disk is current, kept */
  BC_BULK_FAILED        /* error says why; no file written */
} bc_bulk_status;

/* One report's outcome: a manifest line. */
typedef struct bc_bulk_item {
  const char *agency;
  const char *template_name;
  const char *output_path;
  bc_bulk_status status;
  size_t pages;
  size_t bytes;
  char sha256[65];       /* of the PDF, lower-case hex; "" if failed */
  char input_sha256[65]; /* of what the PDF was made from: data, template,
                            fonts, options; "" if not known */
  double ms;             /* time spent on it by its worker */
  const bc_error *error; /* BC_BULK_FAILED only */
} bc_bulk_item;

/* Where the run stands, after each report. */
typedef struct bc_bulk_progress {
  size_t total;   /* reports in this run (this shard) */
  size_t done;    /* finished, in any way */
  size_t failed;  /* of done */
  size_t current; /* of done: kept by --resume */
  double seconds; /* since the run started */
} bc_bulk_progress;

typedef struct bc_bulk_options {
  unsigned version;
  const char *db_path;
  const char *period;             /* period code, 2023-Q3 */
  const char *const *agencies;    /* only these agency codes; NULL: all that
                                     have a report in the period */
  size_t agency_count;
  const char *out_dir;            /* created if missing; PDFs are named
                                     AGENCY.pdf (AGENCY+TEMPLATE.pdf when an
                                     agency has several reports); drafts
                                     AGENCY.docx or AGENCY.odt */
  const char *manifest_path;      /* NULL: out_dir/manifest.jsonl, or
                                     manifest-K-of-N.jsonl for a shard */
  unsigned workers;               /* threads; 0: one per CPU this process
                                     may use (affinity, cgroup quota) */
  int resume;                     /* keep reports whose file and manifest
                                     line are complete and current */
  unsigned shard_index;           /* 1..shard_count, or 0 with shard_count
                                     0 for the whole run */
  unsigned shard_count;
  const char *font_dir;
  const char *template_dir;
  long long created;              /* as bc_render_options.created */
  /* Called after each report, from the worker that finished it, one call
   * at a time (the run holds a lock): print progress here, quickly. */
  void (*on_item)(void *ud,
                  const bc_bulk_item *item,
                  const bc_bulk_progress *progress);
  void *on_item_ud;
  const bc_allocator *alloc;      /* NULL: the C library's */
  bc_pdf_standard pdf_standard;   /* as bc_render_options.pdf_standard */
  int format;                     /* a bc_format (baocao/render.h): PDF, or
                                     editable drafts (pages 0) */
  const bc_temp_hook *temp_hook;  /* told each temporary file's name, from
                                     any worker (baocao/temp.h), or NULL */
  const char *font_family;        /* as bc_context_options.font_family:
                                     NULL for font_dir's files, else this
                                     family from the system's fonts */
} bc_bulk_options;

#define BC_BULK_OPTIONS_VERSION 1
/* Zero defaults (docs/architecture.md, "Public API conventions"): the
 * version and nothing else. */
#define BC_BULK_OPTIONS_INIT { .version = BC_BULK_OPTIONS_VERSION }
BC_EXPORT void bc_bulk_options_init(bc_bulk_options *opts);

/* The run's totals. */
typedef struct bc_bulk_summary {
  size_t total;    /* reports in this run (this shard) */
  size_t rendered; /* written now */
  size_t current;  /* kept by --resume */
  size_t failed;
  size_t pages;    /* in the PDFs written now */
  size_t bytes;    /* of the PDFs written now */
  unsigned workers;
  double seconds;
  char manifest_path[4096];
} bc_bulk_summary;

/*
 * Renders every report of the period (or of the listed agencies; in a
 * shard, only the reports whose agency code hashes into it) with opts->
 * workers threads, each with its own context: fonts, templates, shaped
 * words and database connection are loaded once per worker. Every PDF is
 * written atomically. A report that fails (bad data, missing indicator, no
 * signer) is a failed manifest line, never a file; the run goes on.
 *
 * The manifest is JSON Lines, one object per report: agency, template,
 * period, output, status ("rendered", "current", "failed"), pages, bytes,
 * sha256, input_sha256, ms, error and error_code (data, template, input,
 * layout, font, output, not_found, database, schema, out_of_memory,
 * internal). Lines are appended as reports finish, so a killed run leaves
 * a manifest --resume can read; at the end, after every PDF has been
 * flushed to disk, the manifest is rewritten whole, in agency order. A
 * run limited by agencies keeps the other reports' lines.
 *
 * Returns 0 when the run went through, whether or not reports failed (see
 * summary->failed); an error only when it could not run: the database
 * (BC_EDB, BC_ESCHEMA), an unknown period or agency (BC_ENOTFOUND), fonts
 * (BC_EFONT), the output directory or manifest (BC_EIO), BC_ENOMEM.
 */
BC_EXPORT int bc_bulk_run(bc_bulk_summary *summary,
                const bc_bulk_options *opts,
                bc_error *err);

/*
 * The file name baocao gives a code from the database (an agency or a
 * period): letters and digits, Vietnamese ones too, '-', '_' and '.' kept,
 * anything else '_', and a short hash of the code appended when anything
 * was changed, so no code can name a path outside the output directory
 * and two codes never share a name. size >= 16; returns the length.
 */
BC_EXPORT size_t bc_file_name(char *out, size_t size, const char *code);

/* The shard (1..count) a code belongs to: stable across runs, machines and
 * versions (FNV-1a of the code's bytes, modulo count, plus one). */
BC_EXPORT unsigned bc_shard_of(const char *code, unsigned count);

#ifdef __cplusplus
}
#endif

#endif
