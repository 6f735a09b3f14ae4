/* tests/golden/dump_pages.c: prints a report's page model (bc_pages_dump)
 * for the golden tests: dump_pages FONT_DIR TEMPLATE_DIR DB AGENCY PERIOD. */
#include "baocao/baocao.h"
#include "common/buf.h"
#include "common/error.h"
#include "render/render_int.h"

#include <stdio.h>

int main(int argc, char **argv) {
  bc_context_options co = BC_CONTEXT_OPTIONS_INIT;
  bc_render_options o = BC_RENDER_OPTIONS_INIT;
  bc_context *ctx = NULL;
  bc_error err;
  bc_buf b;
  int rc;
  if (argc != 6) {
    fprintf(stderr,
            "usage: dump_pages FONT_DIR TEMPLATE_DIR DB AGENCY PERIOD\n");
    return 2;
  }
  bc_error_clear(&err);
  co.font_dir = argv[1];
  co.template_dir = argv[2];
  o.db_path = argv[3];
  o.agency = argv[4];
  o.period = argv[5];
  o.created = 1700000000; /* the pages do not depend on it; fixed anyway */
  bc_buf_init(&b, bc_allocator_default());
  if (!(rc = bc_context_new(&ctx, &co, &err)))
    rc = bc_render__pages_dump(&b, ctx, &o, &err);
  if (!rc && fwrite(b.data, 1, b.len, stdout) != b.len)
    rc = bc_error_set(&err, BC_EIO, "cannot write the dump");
  if (rc)
    fprintf(stderr, "dump_pages: %s\n", err.message);
  bc_buf_free(&b);
  bc_context_free(ctx);
  bc_font_family_release();
  return rc ? 1 : 0;
}
