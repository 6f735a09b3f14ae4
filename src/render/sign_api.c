/* render/sign_api.c: the public signing API over sign/: bc_sign with the
 * context's fonts, bc_verify reading the file into a result of its own,
 * and the names of verdicts and chain statuses. */
#include "baocao/baocao.h"

#include "common/alloc.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/file.h"
#include "common/i18n.h"
#include "raster/raster.h"
#include "render/render_int.h"
#include "sign/sign.h"

#include <string.h>
#include <time.h>

int bc_sign(bc_context *ctx, const bc_sign_options *opts, bc_error *err) {
  bc_arena arena;
  bc_sign_request req;
  int rc;
  BC_ASSERT_ARG(err, ctx, "ctx is NULL");
  BC_ASSERT_ARG(err, opts, "opts is NULL");
  BC_ASSERT_ARG(err, opts->version == BC_SIGN_OPTIONS_VERSION,
                "opts->version is not BC_SIGN_OPTIONS_VERSION");
  BC_ASSERT_ARG(err, opts->input, "opts->input is NULL");
  BC_ASSERT_ARG(err, opts->output, "opts->output is NULL");
  BC_ASSERT_ARG(err, opts->field, "opts->field is NULL");
  memset(&req, 0, sizeof req);
  req.input = opts->input;
  req.output = opts->output;
  req.sink = bc_context__sink(ctx, false);
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
  /* 0, the default, is now; so is -1, which version 1's callers passed. */
  req.now = opts->signing_time > 0 ? (time_t)opts->signing_time : time(NULL);
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
  rc = bc_sign__pdf(&req, bc_context__fonts(ctx), bc_context__shaper(ctx),
                    &arena, err);
cleanup:
  bc_arena_release(&arena);
  return rc;
}

struct bc_verify_result {
  const bc_allocator *alloc;
  bc_arena arena;
  char *data; /* the file's bytes, which v points into */
  bc_verification v;
};

int bc_verify(bc_verify_result **out,
              const char *path,
              const bc_verify_options *opts,
              bc_error *err) {
  static const bc_verify_options none = BC_VERIFY_OPTIONS_INIT;
  const bc_trust_options *trust;
  const bc_allocator *a;
  bc_verify_result *r;
  bc_trust *t = NULL;
  int rc;
  BC_ASSERT_ARG(err, out, "out is NULL");
  BC_ASSERT_ARG(err, path, "path is NULL");
  if (!opts)
    opts = &none;
  BC_ASSERT_ARG(err, opts->version == BC_VERIFY_OPTIONS_VERSION,
                "opts->version is not BC_VERIFY_OPTIONS_VERSION");
  trust = opts->trust;
  BC_ASSERT_ARG(err, !trust || trust->version == BC_TRUST_OPTIONS_VERSION,
                "opts->trust->version is not BC_TRUST_OPTIONS_VERSION");
  a = opts->alloc ? opts->alloc : bc_allocator_default();
  if (!(r = bc_calloc(a, 1, sizeof *r)))
    return bc_error_oom(err);
  r->alloc = a;
  bc_arena_init(&r->arena, a);
  size_t len = 0;
  if ((trust && (rc = bc_trust_load(&t, trust, err))) ||
      (rc = bc_file_read(&r->data, &len, path, BC_SIGN_MAX_PDF, BC_EINPUT, a,
                         err)) ||
      (rc = bc_verify_bytes(&r->v, (const unsigned char *)r->data, len, path,
                            t, &r->arena, err))) {
    bc_trust_free(t);
    bc_verify_result_free(r);
    return rc;
  }
  bc_trust_free(t);
  *out = r;
  return 0;
}

size_t bc_verify_result_count(const bc_verify_result *r) {
  return r->v.count;
}

const bc_signature_report *bc_verify_result_signature(const bc_verify_result *r,
                                           size_t i) {
  return i < r->v.count ? &r->v.sigs[i] : NULL;
}

size_t bc_verify_result_file_size(const bc_verify_result *r) {
  return r->v.file_size;
}

size_t bc_verify_result_revisions(const bc_verify_result *r) {
  return r->v.revisions;
}

bc_verdict bc_verify_result_verdict(const bc_verify_result *r) {
  return r->v.verdict;
}

const char *bc_verify_result_reason(const bc_verify_result *r) {
  return r->v.reason;
}

void bc_verify_result_free(bc_verify_result *r) {
  if (!r)
    return;
  bc_arena_release(&r->arena);
  bc_free(r->alloc, r->data);
  bc_free(r->alloc, r);
}

void bc_sign_options_init(bc_sign_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_SIGN_OPTIONS_VERSION;
}

void bc_trust_options_init(bc_trust_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_TRUST_OPTIONS_VERSION;
}

void bc_verify_options_init(bc_verify_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_VERIFY_OPTIONS_VERSION;
}

/* The names of verdicts and chain statuses (no OpenSSL: here, not in the
 * signing module). */
const char *bc_verdict_name(bc_verdict v) {
  switch (v) {
  case BC_VERDICT_SIGNED:
    return bc_tr("signed");
  case BC_VERDICT_MODIFIED:
    return bc_tr("modified after signing");
  case BC_VERDICT_INVALID:
    return bc_tr("invalid");
  default:
    return bc_tr("not signed");
  }
}

const char *bc_chain_status_name(bc_chain_status s) {
  switch (s) {
  case BC_CHAIN_TRUSTED:
    return bc_tr("trusted");
  case BC_CHAIN_REVOCATION_UNKNOWN:
    return bc_tr("revocation unknown");
  case BC_CHAIN_NOT_FOR_SIGNING:
    return bc_tr("not for signing");
  case BC_CHAIN_UNTRUSTED:
    return bc_tr("untrusted");
  case BC_CHAIN_NOT_YET_VALID:
    return bc_tr("not yet valid");
  case BC_CHAIN_EXPIRED:
    return bc_tr("expired");
  case BC_CHAIN_REVOKED:
    return bc_tr("revoked");
  default:
    return bc_tr("not checked");
  }
}
