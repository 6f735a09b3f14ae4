/* render/render_int.h: what the files of the render module share: a
 * bc_context's parts and the pipeline steps bc_render and bc_check both
 * run. */
#ifndef BC_RENDER_INT_H
#define BC_RENDER_INT_H

#include "baocao/render.h"
#include "common/arena.h"
#include "common/buf.h"
#include "common/file.h"
#include "data/data.h"
#include "markup/markup.h"
#include "model/model.h"
#include "template/template.h"
#include "text/text.h"

const bc_allocator *bc_context__alloc(const bc_context *ctx);
/* The sink files are written through: the default one (or without the
 * flush), telling the context's temp_hook of each temporary file. */
const bc_sink *bc_context__sink(const bc_context *ctx, bool no_fsync);
const bc_fontset *bc_context__fonts(const bc_context *ctx);
bc_shaper *bc_context__shaper(bc_context *ctx);

/* The context's connection to the database at path, kept between calls
 * (and opened again when the file was replaced). Owned by the context. */
int bc_context__db(bc_db **out,
                   bc_context *ctx,
                   const char *path,
                   bc_error *err);

/* The compiled template for name, compiled on first use and kept by the
 * context. Errors: those of bc_template_compile. */
int bc_context__template(const bc_template **out,
                         bc_context *ctx,
                         const char *name,
                         bc_error *err);

/* The expanded report as the document tree: one NFC pass over the body,
 * then markup. Memory from arena. */
int bc_render__document(bc_doc *doc,
                        const bc_report_model *model,
                        const bc_expansion *exp,
                        bc_arena *arena,
                        bc_error *err);

/* Problems in the report's content say whose report it was (a broken
 * template file is the same for every agency: no context). */
void bc_render__context(bc_error *err,
                        int rc,
                        const char *agency,
                        const char *period);

/* Test-only (tests/golden/dump_pages.c): the pages bc_render would write
 * as PDF for opts (output ignored), as bc_pages_dump prints them,
 * appended to out. Errors: those of bc_render before the PDF. */
int bc_render__pages_dump(bc_buf *out,
                          bc_context *ctx,
                          const bc_render_options *opts,
                          bc_error *err);

#endif
