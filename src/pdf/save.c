/* pdf/save.c: libharu's objects to the file's bytes, with an object stream
 * and a cross-reference stream (PDF 1.5 and later) instead of libharu's
 * one object after another and its cross-reference table.
 *
 * Design notes:
 *  1. Every object that is not a stream goes into one object stream,
 *     deflated: the structure tree, pages, fonts' dictionaries, outline
 *     and fields are a third of a tagged report's bytes written plainly
 *     (each "n 0 obj ... endobj" with its 20-byte table row), and compress
 *     to a sixth of that together. Streams stay outside (they cannot be in
 *     one), written first so that their /Length objects, which libharu
 *     sets while writing a stream, hold their values when the object
 *     stream is written after them.
 *  2. The cross-reference stream's rows are [type, offset or object
 *     stream, generation or index], each field as wide as its largest
 *     value needs, PNG "Up" predicted before deflate (PDF 7.4.4.4) so that
 *     the rising offsets compress to almost nothing.
 *  3. Same objects, same bytes: the order is libharu's object numbers.
 *  4. A reader of an incremental update (sign.c) finds the trailer's
 *     entries in the stream's dictionary and appends a cross-reference
 *     stream of its own (docs/signing.md).
 *  5. The other streams come deflated (pdf.c's design note 4: on the
 *     render's threads, as they are put and before this runs); the
 *     object stream and the cross-reference stream are deflated here,
 *     on this thread: each needs every object before it.
 */
#include "pdf/pdf_int.h"

#include "common/buf.h"
#include "common/error.h"

#include <string.h>

/* libharu's stream writing into a bc_buf (stream->attr). */
static HPDF_STATUS to_buf(HPDF_Stream stream,
                          const HPDF_BYTE *ptr,
                          HPDF_UINT size) {
  bc_buf_put(stream->attr, ptr, size);
  return HPDF_OK;
}

static bool is_stream(const void *obj) {
  const HPDF_Obj_Header *h = obj;
  return (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT &&
         ((const HPDF_Dict_Rec *)obj)->stream;
}

/* Bytes that v needs, at least 1. */
static int width_of(size_t v) {
  int w = 1;
  while (w < 8 && (v >> (8 * w)))
    w++;
  return w;
}

static void put_be(unsigned char *p, size_t v, int w) {
  for (int i = w - 1; i >= 0; i--, v >>= 8)
    p[i] = (unsigned char)(v & 0xFF);
}

/* The deflated bytes bc_pdf__put_stream kept for dict, or NULL. */
static const bc_stream_data *own_data(const bc_deflater *d, const void *dict) {
  for (size_t i = 0; i < d->stream_count; i++)
    if (d->streams[i].dict == dict)
      return &d->streams[i];
  return NULL;
}

/*
 * A stream whose bytes are in sd, as libharu's HPDF_Dict_Write writes a
 * stream with no filter of its own (the same bytes), without copying the
 * bytes into its stream and out again: the dictionary (with its stream
 * hidden, so that libharu writes the dictionary alone), then the bytes,
 * and the indirect /Length set to their length.
 */
static HPDF_STATUS put_own_stream(bc_buf *out,
                                  HPDF_Stream to_out,
                                  HPDF_Dict dict,
                                  const bc_stream_data *sd) {
  HPDF_Stream kept = dict->stream;
  HPDF_Number length = HPDF_Dict_GetItem(dict, "Length", HPDF_OCLASS_NUMBER);
  HPDF_STATUS ret;
  if (!length)
    return HPDF_SetError(dict->error, HPDF_DICT_STREAM_LENGTH_NOT_FOUND, 0);
  dict->stream = NULL;
  ret = HPDF_Dict_Write(dict, to_out, NULL);
  dict->stream = kept;
  if (ret != HPDF_OK)
    return ret;
  bc_buf_puts(out, "\012stream\015\012");
  bc_buf_put(out, sd->data, sd->len);
  HPDF_Number_SetValue(length, (HPDF_INT32)sd->len);
  bc_buf_puts(out, "\012endstream");
  return HPDF_OK;
}

int bc_pdf__save(const unsigned char **data_out,
                 size_t *len_out,
                 HPDF_Doc doc,
                 bc_deflater *d,
                 bc_arena *arena,
                 bc_error *err) {
  HPDF_Xref xref = doc->xref;
  size_t n = xref->entries->count; /* objects 0..n-1; 0 is the free head */
  size_t objstm = n, xrefstm = n + 1, size = n + 2, members = 0;
  size_t *offset, *index; /* per object: file offset, or place in objstm */
  bc_buf out, body, head;
  HPDF_Stream to_out = NULL, to_body = NULL;
  const unsigned char *z;
  size_t zlen;
  unsigned char *rows, *data, *copy;
  size_t first, len, cols, row;
  int w2, w3, rc = 0;
  HPDF_Array w;
  HPDF_Dict parms;

  bc_buf_init(&out, arena->alloc);
  bc_buf_init(&body, arena->alloc);
  bc_buf_init(&head, arena->alloc);
  offset = bc_arena_calloc(arena, size, sizeof *offset);
  index = bc_arena_calloc(arena, size, sizeof *index);
  to_out = HPDF_CallbackWriter_New(doc->mmgr, to_buf, &out);
  to_body = HPDF_CallbackWriter_New(doc->mmgr, to_buf, &body);
  if (!offset || !index || !to_out || !to_body) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  if (xref->start_offset != 0 || xref->prev ||
      HPDF_Dict_Add(doc->trailer, "Root", doc->catalog) != HPDF_OK ||
      (doc->info && HPDF_Dict_Add(doc->trailer, "Info", doc->info) != HPDF_OK)) {
    rc = bc_error_set(err, BC_ERROR, "libharu: cannot prepare the trailer");
    goto cleanup;
  }

  /* The header, then the streams (libharu sets their /Length objects). */
  bc_buf_puts(&out, "%PDF-1.7\n%\267\276\255\252\n");
  for (size_t i = 1; i < n; i++) {
    HPDF_XrefEntry e = HPDF_Xref_GetEntry(xref, (HPDF_UINT)i);
    if (!is_stream(e->obj))
      continue;
    const bc_stream_data *sd = own_data(d, e->obj);
    offset[i] = out.len;
    bc_buf_put_int(&out, (long long)i);
    bc_buf_puts(&out, " 0 obj\n");
    if ((sd ? put_own_stream(&out, to_out, e->obj, sd)
            : HPDF_Obj_WriteValue(e->obj, to_out, NULL)) != HPDF_OK)
      goto libharu;
    bc_buf_puts(&out, "\nendobj\n");
  }

  /* The object stream: "number offset" pairs, then the objects. */
  for (size_t i = 1; i < n; i++) {
    HPDF_XrefEntry e = HPDF_Xref_GetEntry(xref, (HPDF_UINT)i);
    if (is_stream(e->obj))
      continue;
    index[i] = members++;
    bc_buf_put_int(&head, (long long)i); /* "%zu %zu " */
    bc_buf_putc(&head, ' ');
    bc_buf_put_int(&head, (long long)body.len);
    bc_buf_putc(&head, ' ');
    if (HPDF_Obj_WriteValue(e->obj, to_body, NULL) != HPDF_OK)
      goto libharu;
    bc_buf_putc(&body, '\n');
  }
  if ((rc = bc_buf_check(&head, err)) || (rc = bc_buf_check(&body, err)))
    goto cleanup;
  /* The pairs go before the objects in the objects' buffer (moved up in
   * place, not copied into a second one), and each buffer is freed once
   * used: the render's peak memory is here. */
  first = head.len;
  len = body.len;
  bc_buf_put(&body, head.data, first); /* room for the pairs */
  if ((rc = bc_buf_check(&body, err)))
    goto cleanup;
  memmove(body.data + first, body.data, len);
  memcpy(body.data, head.data, first);
  bc_buf_free(&head);
  if ((rc = bc_pdf__deflate(d, body.data, body.len, &z, &zlen, err)))
    goto cleanup;
  bc_buf_free(&body);
  offset[objstm] = out.len;
  bc_buf_printf(&out,
                "%zu 0 obj\n<< /Type /ObjStm /N %zu /First %zu /Filter "
                "/FlateDecode /Length %zu >>\nstream\n",
                objstm, members, first, zlen);
  bc_buf_put(&out, z, zlen);
  bc_buf_puts(&out, "\nendstream\nendobj\n");

  /* The cross-reference stream: one row per object, itself included. */
  offset[xrefstm] = out.len;
  w2 = width_of(out.len);
  w3 = width_of(members > 0xFFFF ? members : 0xFFFF);
  cols = (size_t)(1 + w2 + w3);
  row = cols + 1;
  rows = bc_arena_calloc(arena, size, row);
  data = bc_arena_calloc(arena, size, cols);
  if (!rows || !data) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  for (size_t i = 0; i < size; i++) {
    unsigned char *r = data + i * cols;
    if (i == 0) { /* the head of the free list: generation 65535 */
      put_be(r + 1 + w2, 0xFFFF, w3);
    } else if (i < n && !is_stream(HPDF_Xref_GetEntry(xref, (HPDF_UINT)i)->obj)) {
      r[0] = 2;
      put_be(r + 1, objstm, w2);
      put_be(r + 1 + w2, index[i], w3);
    } else {
      r[0] = 1;
      put_be(r + 1, offset[i], w2);
    }
  }
  bc_pdf__png_up(rows, data, size, cols);
  if ((rc = bc_pdf__deflate(d, rows, size * row, &z, &zlen, err)))
    goto cleanup;
  w = HPDF_Array_New(doc->mmgr);
  parms = HPDF_Dict_New(doc->mmgr);
  if (!w || !parms || HPDF_Dict_AddName(doc->trailer, "Type", "XRef") ||
      HPDF_Dict_AddNumber(doc->trailer, "Size", (HPDF_INT32)size) ||
      HPDF_Dict_Add(doc->trailer, "W", w) || HPDF_Array_AddNumber(w, 1) ||
      HPDF_Array_AddNumber(w, w2) || HPDF_Array_AddNumber(w, w3) ||
      HPDF_Dict_AddName(doc->trailer, "Filter", "FlateDecode") ||
      HPDF_Dict_Add(doc->trailer, "DecodeParms", parms) ||
      HPDF_Dict_AddNumber(parms, "Columns", (HPDF_INT32)cols) ||
      HPDF_Dict_AddNumber(parms, "Predictor", 12) ||
      HPDF_Dict_AddNumber(doc->trailer, "Length", (HPDF_INT32)zlen))
    goto libharu;
  bc_buf_printf(&out, "%zu 0 obj\n", xrefstm);
  if (HPDF_Dict_Write(doc->trailer, to_out, NULL) != HPDF_OK)
    goto libharu;
  bc_buf_puts(&out, "\nstream\n");
  bc_buf_put(&out, z, zlen);
  bc_buf_printf(&out, "\nendstream\nendobj\nstartxref\n%zu\n%%%%EOF\n",
                offset[xrefstm]);
  if ((rc = bc_buf_check(&out, err)))
    goto cleanup;
  copy = bc_arena_alloc(arena, out.len);
  if (!copy) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  memcpy(copy, out.data, out.len);
  *data_out = copy;
  *len_out = out.len;
  goto cleanup;
libharu:
  rc = doc->error.error_no == HPDF_FAILD_TO_ALLOC_MEM
           ? bc_error_oom(err)
           : bc_error_set(err, BC_ERROR, "libharu error 0x%04X writing the file",
                          (unsigned)doc->error.error_no);
cleanup:
  if (to_out)
    HPDF_Stream_Free(to_out);
  if (to_body)
    HPDF_Stream_Free(to_body);
  bc_buf_free(&out);
  bc_buf_free(&body);
  bc_buf_free(&head);
  return rc;
}
