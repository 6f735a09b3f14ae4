/* sign/sign_int.h: what sign.c, appearance.c and verify.c share. */
#ifndef BC_SIGN_INT_H
#define BC_SIGN_INT_H

#include "common/buf.h"
#include "sign/sign.h"

#include <openssl/x509.h>

/*
 * Objects of an appearance, written by sign.c as new objects numbered
 * from a base: in dictionary text, "@N" stands for "base+N 0 R".
 */
typedef struct bc_ap_object {
  const char *dict; /* the dictionary; for streams, the extra entries */
  const unsigned char *stream; /* NULL: not a stream */
  size_t stream_len;
} bc_ap_object;

typedef struct bc_appearance {
  const unsigned char *content; /* the form XObject's content stream */
  size_t content_len;
  const char *resources; /* its /Resources dictionary, with @N */
  bc_ap_object objects[8];
  size_t object_count;
} bc_appearance;

/*
 * The appearance of a signature in a box w x h points: req's image, or
 * text ("Ký bởi: …", "Cơ quan: …", "Thời gian ký: …") shaped with the
 * report's fonts, blue for the signer, red for the seal, set as large as
 * fits (5-11 pt).
 */
int bc_sign__appearance(bc_appearance *out,
                        const bc_sign_request *req,
                        const char *cn,
                        const char *org,
                        const char *when,
                        bool seal,
                        double w,
                        double h,
                        const bc_fontset *fonts,
                        bc_shaper *shaper,
                        bc_arena *arena,
                        bc_error *err);

/* Copies text, writing "@N" as "base+N 0 R". */
void bc_sign__refs(bc_buf *out, const char *text, long long base);

/* A certificate name entry (NID_commonName, ...) as UTF-8, or "". */
void bc_sign__name_entry(char *buf,
                         size_t size,
                         const X509_NAME *name,
                         int nid);

/* After signing: field is signed, intact and covers all of data. */
int bc_sign__check_bytes(const unsigned char *data,
                         size_t len,
                         const char *field,
                         bc_arena *arena,
                         bc_error *err);

#endif
