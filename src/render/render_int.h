/* render/render_int.h: what the files of the render module share about a
 * bc_context. */
#ifndef BC_RENDER_INT_H
#define BC_RENDER_INT_H

#include "baocao/render.h"
#include "text/text.h"

const bc_allocator *bc_context__alloc(const bc_context *ctx);
const bc_fontset *bc_context__fonts(const bc_context *ctx);
bc_shaper *bc_context__shaper(bc_context *ctx);

#endif
