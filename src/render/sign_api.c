/* render/sign_api.c: the public signing API over sign/: bc_sign with the
 * context's fonts, bc_verify with its own arena. */
#include "baocao/baocao.h"

#include "common/alloc.h"
#include "common/arena.h"
#include "common/error.h"
#include "raster/raster.h"
#include "render/render_int.h"
#include "sign/sign.h"

#include <string.h>
#include <time.h>

int bc_sign(bc_context *ctx, const bc_sign_options *opts, bc_error *err) {
  bc_arena arena;
  bc_sign_request req;
  int rc;
  if (opts->version != BC_SIGN_OPTIONS_VERSION)
    return bc_error_set(err, BC_ERROR, "unknown bc_sign_options version %u",
                        opts->version);
  memset(&req, 0, sizeof req);
  req.input = opts->input;
  req.output = opts->output;
  req.field = opts->field;
  req.p12_path = opts->p12_path;
  req.password = opts->password ? opts->password : "";
  req.reason = opts->reason;
  req.pkcs11_uri = opts->pkcs11_uri;
  req.pkcs11_module = opts->pkcs11_module;
  req.pin = opts->pin;
  req.chain_path = opts->chain_path;
  req.tsa_url = opts->tsa_url;
  req.tsa_timeout_s = opts->tsa_timeout_s;
  req.cades = opts->cades != 0;
  req.now = opts->signing_time >= 0 ? (time_t)opts->signing_time : time(NULL);
  bc_arena_init(&arena, bc_context__alloc(ctx));
  if (opts->image_path) {
    bc_image img;
    if ((rc = bc_png_read(&img, opts->image_path, &arena, err)))
      goto cleanup;
    /* RGBA rows, packed: what the appearance takes. */
    unsigned char *rgba =
        bc_arena_alloc(&arena, (size_t)img.width * 4 * img.height + 1);
    if (!rgba) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
    for (unsigned y = 0; y < img.height; y++)
      memcpy(rgba + (size_t)y * img.width * 4, img.pixels + y * img.stride,
             (size_t)img.width * 4);
    req.image_rgba = rgba;
    req.image_width = img.width;
    req.image_height = img.height;
  }
  rc = bc_sign_pdf(&req, bc_context__fonts(ctx), bc_context__shaper(ctx),
                   &arena, err);
cleanup:
  bc_arena_release(&arena);
  return rc;
}

struct bc_verify_result {
  const bc_allocator *alloc;
  bc_arena arena;
  bc_signature_report *fields;
  size_t count;
  size_t file_size;
};

int bc_verify(bc_verify_result **out, const char *path, bc_error *err) {
  const bc_allocator *a = bc_allocator_default();
  bc_verify_result *r = bc_calloc(a, 1, sizeof *r);
  bc_field_report *list;
  size_t n;
  int rc;
  if (!r)
    return bc_error_oom(err);
  r->alloc = a;
  bc_arena_init(&r->arena, a);
  rc = bc_verify_pdf(&list, &n, &r->file_size, path, &r->arena, err);
  if (!rc) {
    r->fields = bc_arena_calloc(&r->arena, n + 1, sizeof *r->fields);
    if (!r->fields)
      rc = bc_error_oom(err);
  }
  if (rc) {
    bc_verify_result_free(r);
    return rc;
  }
  for (size_t i = 0; i < n; i++) {
    bc_signature_report *f = &r->fields[i];
    f->field = list[i].name;
    f->is_signed = list[i].is_signed;
    f->signer = list[i].signer;
    f->signed_at = list[i].signed_at;
    f->covered = list[i].covered;
    f->whole_file = list[i].whole_file;
    f->intact = list[i].intact;
    f->problem = list[i].problem;
  }
  r->count = n;
  *out = r;
  return 0;
}

size_t bc_verify_count(const bc_verify_result *r) {
  return r->count;
}

const bc_signature_report *bc_verify_field(const bc_verify_result *r,
                                           size_t i) {
  return i < r->count ? &r->fields[i] : NULL;
}

size_t bc_verify_file_size(const bc_verify_result *r) {
  return r->file_size;
}

void bc_verify_result_free(bc_verify_result *r) {
  if (!r)
    return;
  bc_arena_release(&r->arena);
  bc_free(r->alloc, r);
}
