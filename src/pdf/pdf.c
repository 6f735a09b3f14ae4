/* pdf/pdf.c: the page model to PDF 1.7 bytes. libharu provides the
 * document, pages, streams, compression and information dictionary; this
 * file adds one Type0/CIDFontType2 font per face used (its values from
 * fontobj.c), embedding an hb-subset whose glyphs are renumbered 0..n-1
 * with CID = code = the subset's GID (one-byte codes through an embedded
 * CMap when a face draws at most 256 glyphs, else Identity-H), widths of
 * the used glyphs and a ToUnicode CMap mapping each code to the text of its
 * cluster (the stock libharu UTF-8
 * path writes a malformed ToUnicode: see ../shared/docs/design.md), the
 * outline, the signature fields and the data file. The tags are tags.c's,
 * the PDF/A-3 parts pdfa.c's.
 *
 * Design notes:
 *  1. Text positions are exact: each TJ adjustment is an integer in 1/1000
 *     em chosen from the running difference between where a reader puts
 *     the pen and where the layout put it, so rounding never drifts. The
 *     W widths have 2 decimals (a font's 2048 units are not whole
 *     thousandths), so that adjustments are for kerning and justification,
 *     not for rounding: whole-thousandth widths put a +-1 between every few
 *     glyphs, 6 % of the content streams' deflated bytes. A justified
 *     line's wider spaces are one Tw (the space glyph's code is 32 in a
 *     one-byte font), not an adjustment after each: 24 % of them.
 *  2. Output depends only on the input: subset tags are hashes of the glyph
 *     sets, dates come from bc_pdf_info, objects are made in a fixed order,
 *     the trailer /ID is a hash of the information, data file and page
 *     contents (pdfa.c).
 *  3. A glyph keeps the text of the first cluster it was drawn for; the
 *     second and later glyphs of one cluster map to nothing.
 *  4. Threads (bc_pdf_info.threads, common/pool.h), same bytes for any
 *     count. The content streams draw with the subsets' glyph IDs, so
 *     they seem to need the subsets first; but those IDs follow from the
 *     glyph sets and the faces' glyf tables (bc_fontset_subset_ids), so
 *     the fonts' values are made first (bc_pdf_font_plan) and hb-subset
 *     runs on a second thread (make_subsets) while this one makes
 *     libharu's objects and writes the pages; after the join each
 *     FontFile2 gets its bytes (attach_file), the foreseen IDs checked.
 *     Each stream is deflated alone (level 6, one compressor a thread:
 *     the same bytes on any thread), with its output buffer made when it
 *     is put (compress_bound is known then). The subset task, its subsets
 *     made, goes on to deflate the streams put meanwhile (a page's is
 *     final once written) and those put after, taking them in order under
 *     a lock (bc_pdf__deflate_take); at the end this thread takes what is
 *     left alongside it (bc_pdf__deflate_streams, with a pool for more
 *     than 2 threads), then waits for the task's last. With 1 thread, or
 *     no second thread started, the task ran here before the pages and
 *     every stream is deflated at the end here, in order. On an error
 *     bc_pdf__deflate_stop ends the task's taking before the join.
 *     libharu's objects are made on this thread alone, in one order:
 *     their numbers decide the bytes. Nothing run on another thread
 *     touches the arena or the allocator.
 */
#include "pdf/pdf_int.h"
#include "pdf/pdfread.h"
#include "common/version.h"

#include "common/alloc.h"
#include "common/buf.h"
#include "common/error.h"
#include "common/utf8.h"

#include <math.h>
#include <zlib.h>
#include <stdio.h>
#include <string.h>

/* What one face contributes to the document. */
typedef struct face_use {
  bool used;
  bc_glyph_set glyphs;
  HPDF_Dict font; /* the Type0 font */
  char name[8];   /* resource name /F0../F3 */
  /* its values (codes, code_bytes, space_gid: how a glyph is drawn), but
   * for the file until attached */
  bc_pdf_font f;
  bc_pdf_font_subset job;  /* the subset, made by make_subsets */
  HPDF_Dict file;          /* the FontFile2 stream */
} face_use;

typedef struct pdf_ctx {
  HPDF_STATUS status; /* first libharu error */
  HPDF_STATUS detail;
} pdf_ctx;

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *ud) {
  pdf_ctx *c = ud;
  if (!c->status) {
    c->status = error_no;
    c->detail = detail_no;
  }
}

static int hpdf_error(bc_error *err, const pdf_ctx *c) {
  if (c->status == HPDF_FAILD_TO_ALLOC_MEM)
    return bc_error_oom(err);
  return bc_error_set(err, BC_ERROR, "libharu error 0x%04X (detail %u)",
                      (unsigned)c->status, (unsigned)c->detail);
}

/* Appends x with at most 3 decimals and no trailing zeros: "%.3f" with
 * the zeros stripped. snprintf costs about 2,000 instructions a number
 * (a sixth of a report's content streams), so the thousandths are
 * rounded here, and only a value within 1e-6 of a tie (where x * 1000,
 * itself rounded, could round the other way from the exact binary value
 * snprintf rounds), or out of range, goes to snprintf. */
static void put_num(bc_buf *b, double x) {
  char s[32];
  double t = x * 1000, f = fabs(t) - floor(fabs(t));
  if (fabs(x) < 5e-4) {
    bc_buf_putc(b, '0');
    return;
  }
  if (fabs(t) < 1e9 && fabs(f - 0.5) > 1e-6) {
    long long m = llround(t);
    long long whole = m / 1000, frac = m % 1000;
    int n = 0;
    if (m < 0) {
      bc_buf_putc(b, '-');
      whole = -whole;
      frac = -frac;
    }
    bc_buf_put_int(b, whole);
    if (frac) {
      s[n++] = '.';
      s[n++] = (char)('0' + frac / 100);
      s[n++] = (char)('0' + frac / 10 % 10);
      s[n++] = (char)('0' + frac % 10);
      while (s[n - 1] == '0')
        n--;
      bc_buf_put(b, s, (size_t)n);
    }
    return;
  }
  int n = snprintf(s, sizeof s, "%.3f", x);
  while (n > 0 && s[n - 1] == '0')
    n--;
  if (n > 0 && s[n - 1] == '.')
    n--;
  bc_buf_put(b, s, (size_t)n);
}

/* ---- collecting the glyphs of every face ---- */

static int collect(face_use *uses,
                   const bc_pages *pages,
                   const bc_fontset *fonts,
                   bc_arena *arena,
                   bc_error *err) {
  int rc;
  for (int s = 0; s < BC_STYLE_COUNT; s++)
    snprintf(uses[s].name, sizeof uses[s].name, "F%d", s);
  for (size_t p = 0; p < pages->count; p++) {
    const bc_page *pg = &pages->pages[p];
    for (size_t r = 0; r < pg->run_count; r++) {
      const bc_run *run = &pg->runs[r];
      face_use *u = &uses[run->style & 3u];
      if (!u->used) {
        if ((rc = bc_glyph_set_init(&u->glyphs, fonts,
                                    (bc_style)(run->style & 3u), arena, err)))
          return rc;
        u->used = true;
      }
      for (size_t i = 0; i < run->count; i++) {
        const bc_placed_glyph *g = &run->glyphs[i];
        if ((rc = bc_glyph_set_add(&u->glyphs, g->gid, g->text, g->text_len,
                                   err)))
          return rc;
      }
    }
  }
  return 0;
}

/* ---- streams ---- */

/*
 * Our own Flate for every stream (font subsets, page contents, ToUnicode,
 * the object and cross-reference streams): libdeflate, not zlib; each
 * stream on its own, so that they can be deflated on several threads
 * (design note 4) and the bytes do not depend on which. libharu
 * deflates with zlib at its default level (6), which took a third of a
 * report's time, so zlib at level 3 came first. libdeflate at level 6
 * makes the Tây Ninh report's streams 10 % smaller than zlib at level 3
 * (87.9 KB against 97.6 KB of deflated streams) in no more time (about
 * 3.5 ms of CPU against 3.6 ms for its 336 KB, on a loaded 2-core
 * machine); its levels 10-12 save 4 % more for 8-17 times the time
 * (docs/performance.md). The stream's bytes are the same on every
 * machine for the same libdeflate.
 */
#define DEFLATE_LEVEL 6

/* libharu drops a /Filter key from a stream it did not filter itself, so
 * the key goes in through the dictionary's write hook. */
static HPDF_STATUS write_flate_filter(HPDF_Dict dict, HPDF_Stream stream) {
  (void)dict;
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

/* d's compressor of worker w, made on the calling thread. */
static int compressor(bc_deflater *d, unsigned w, bc_error *err) {
  if (!d->c[w] && !(d->c[w] = libdeflate_alloc_compressor(DEFLATE_LEVEL)))
    return bc_error_oom(err);
  return 0;
}

int bc_pdf__deflate(bc_deflater *d,
                    const void *data,
                    size_t len,
                    const unsigned char **out,
                    size_t *out_len,
                    bc_error *err) {
  unsigned char *buf;
  size_t cap, n;
  int rc;
  if ((rc = compressor(d, 0, err)))
    return rc;
  cap = libdeflate_zlib_compress_bound(d->c[0], len);
  if (!(buf = bc_arena_alloc(d->arena, cap)))
    return bc_error_oom(err);
  if (!(n = libdeflate_zlib_compress(d->c[0], data, len, buf, cap)))
    return bc_error_set(err, BC_ERROR, "libdeflate: cannot deflate a stream");
  *out = buf;
  *out_len = n;
  return 0;
}

/* Frees the copies bc_pdf__put_stream_copy made; no stream is being
 * deflated. */
static void free_copies(bc_deflater *d) {
  for (size_t i = 0; i < d->stream_count; i++)
    if (d->streams[i].copied) {
      bc_free(d->arena->alloc, (void *)d->streams[i].raw);
      d->streams[i].copied = false;
      d->streams[i].raw = NULL;
    }
}

int bc_pdf__deflater_init(bc_deflater *d,
                          bool compress,
                          unsigned threads,
                          bc_arena *arena,
                          bc_error *err) {
  memset(d, 0, sizeof *d);
  d->compress = compress;
  d->threads = bc_pool_threads(threads);
  d->arena = arena;
  d->owner = pthread_self();
  pthread_mutex_init(&d->lock, NULL);
  pthread_cond_init(&d->work, NULL);
  pthread_cond_init(&d->settled, NULL);
  /* The task's compressor: the last worker's. */
  return compress && d->threads > 1 ? compressor(d, d->threads - 1, err) : 0;
}

void bc_pdf__deflate_early(bc_deflater *d) {
  pthread_mutex_lock(&d->lock);
  d->early = true;
  pthread_mutex_unlock(&d->lock);
}

/* Deflates with worker w's compressor the streams put and not taken,
 * until none is left; d->lock held on entry and on return, not while
 * deflating. No allocator, no arena: the stream's memory was made when
 * it was put. */
static void take_all(bc_deflater *d, unsigned w) {
  while (d->taken < d->stream_count) {
    size_t i = d->taken++;
    bc_stream_data sd = d->streams[i]; /* the array moves as it grows */
    d->busy++;
    pthread_mutex_unlock(&d->lock);
    sd.len = libdeflate_zlib_compress(d->c[w], sd.raw, sd.raw_len, sd.data,
                                      sd.cap);
    pthread_mutex_lock(&d->lock);
    d->streams[i].len = sd.len;
    if (--d->busy == 0)
      pthread_cond_broadcast(&d->settled);
  }
}

void bc_pdf__deflate_take(bc_deflater *d) {
  bool own_thread = !pthread_equal(pthread_self(), d->owner);
  pthread_mutex_lock(&d->lock);
  d->task_done = true;
  pthread_cond_broadcast(&d->settled);
  while (own_thread) {
    if (d->compress)
      take_all(d, d->threads - 1);
    if (d->closed)
      break;
    pthread_cond_wait(&d->work, &d->lock);
  }
  pthread_mutex_unlock(&d->lock);
}

void bc_pdf__deflate_wait_task(bc_deflater *d) {
  pthread_mutex_lock(&d->lock);
  while (!d->task_done)
    pthread_cond_wait(&d->settled, &d->lock);
  pthread_mutex_unlock(&d->lock);
}

/* A pool job (common/pool.h): worker takes streams until none is left. */
static int deflate_job(void *ud, size_t index, unsigned worker) {
  bc_deflater *d = ud;
  (void)index;
  pthread_mutex_lock(&d->lock);
  take_all(d, worker);
  pthread_mutex_unlock(&d->lock);
  return 0;
}

int bc_pdf__deflate_streams(bc_deflater *d, bc_error *err) {
  /* The task, when early, is on the last worker's compressor. */
  unsigned workers = d->early ? d->threads - 1 : d->threads;
  size_t left;
  int rc = 0;
  pthread_mutex_lock(&d->lock);
  d->closed = true;
  pthread_cond_broadcast(&d->work);
  left = d->stream_count - d->taken;
  pthread_mutex_unlock(&d->lock);
  if (workers > left)
    workers = (unsigned)left;
  for (unsigned w = 0; w < workers && !rc; w++)
    rc = compressor(d, w, err);
  if (rc)
    return rc;
  if (workers)
    bc_pool_run(workers, workers, deflate_job, d);
  pthread_mutex_lock(&d->lock);
  while (d->busy)
    pthread_cond_wait(&d->settled, &d->lock);
  pthread_mutex_unlock(&d->lock);
  /* What only the deflating needed goes before bc_pdf__save's buffers
   * come: the copies, the other workers' compressors (about 250 KB
   * each). */
  free_copies(d);
  for (unsigned w = 1; w < BC_POOL_MAX_THREADS; w++) {
    libdeflate_free_compressor(d->c[w]); /* NULL: nothing */
    d->c[w] = NULL;
  }
  for (size_t i = 0; i < d->stream_count; i++)
    if (!d->streams[i].len)
      return bc_error_set(err, BC_ERROR, "libdeflate: cannot deflate a stream");
  return 0;
}

void bc_pdf__deflate_stop(bc_deflater *d) {
  pthread_mutex_lock(&d->lock);
  d->closed = true;
  d->taken = d->stream_count; /* what is left stays undeflated */
  pthread_cond_broadcast(&d->work);
  pthread_mutex_unlock(&d->lock);
}

void bc_pdf__deflate_end(bc_deflater *d) {
  free_copies(d);
  for (unsigned w = 0; w < BC_POOL_MAX_THREADS; w++)
    libdeflate_free_compressor(d->c[w]); /* NULL: nothing */
  pthread_cond_destroy(&d->settled);
  pthread_cond_destroy(&d->work);
  pthread_mutex_destroy(&d->lock);
}

void bc_pdf__png_up(unsigned char *rows,
                    const unsigned char *data,
                    size_t count,
                    size_t cols) {
  for (size_t i = 0; i < count; i++) {
    const unsigned char *r = data + i * cols, *above = i ? r - cols : NULL;
    unsigned char *out = rows + i * (cols + 1);
    out[0] = 2; /* Up */
    for (size_t c = 0; c < cols; c++)
      out[1 + c] = (unsigned char)(r[c] - (above ? above[c] : 0));
  }
}

/* put_stream's record of raw (copied: raw is a copy of its own). */
static int put_stream(bc_deflater *d,
                      HPDF_Dict dict,
                      const void *raw,
                      size_t len,
                      bool copied,
                      bc_error *err) {
  bc_stream_data *streams;
  size_t out_cap;
  unsigned char *out;
  int rc;
  if ((rc = compressor(d, 0, err)))
    return rc;
  out_cap = libdeflate_zlib_compress_bound(d->c[0], len);
  if (!(out = bc_arena_alloc(d->arena, out_cap)))
    return bc_error_oom(err);
  /* The task reads the array and writes its streams' len, the grow copies
   * it: under lock. */
  pthread_mutex_lock(&d->lock);
  streams = d->stream_count < d->stream_cap
                ? d->streams
                : bc_arena_grow(d->arena, d->streams, d->stream_count,
                                &d->stream_cap, sizeof *d->streams);
  if (streams) {
    d->streams = streams;
    d->streams[d->stream_count++] = (bc_stream_data){
        .dict = dict,
        .raw = raw,
        .raw_len = len,
        .copied = copied,
        .data = out,
        .cap = out_cap,
    };
    pthread_cond_signal(&d->work);
  }
  pthread_mutex_unlock(&d->lock);
  if (!streams)
    return bc_error_oom(err);
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = write_flate_filter;
  return 0;
}

int bc_pdf__put_stream(bc_deflater *d,
                       HPDF_Dict dict,
                       const void *data,
                       size_t len,
                       bc_error *err) {
  if (!d->compress || len == 0) {
    dict->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Stream_Write(dict->stream, data, (HPDF_UINT)len);
    return 0;
  }
  return put_stream(d, dict, data, len, false, err);
}

int bc_pdf__put_stream_copy(bc_deflater *d,
                            HPDF_Dict dict,
                            const void *data,
                            size_t len,
                            bc_error *err) {
  void *copy;
  int rc;
  if (!d->compress || len == 0)
    return bc_pdf__put_stream(d, dict, data, len, err);
  if (!(copy = bc_malloc(d->arena->alloc, len)))
    return bc_error_oom(err);
  memcpy(copy, data, len);
  if ((rc = put_stream(d, dict, copy, len, true, err)))
    bc_free(d->arena->alloc, copy);
  return rc;
}

/* ---- fonts ---- */

/* The CIDFont's /W: the text bc_pdf_font_w made, in dict->attr. */
static HPDF_STATUS write_widths(HPDF_Dict dict, HPDF_Stream stream) {
  HPDF_Stream_WriteStr(stream, dict->attr);
  return HPDF_Stream_WriteStr(stream, "\012");
}

/* What the one-byte fonts share: the embedded CMap, and a CIDToGIDMap
 * for the fonts whose space is the same glyph of their subsets (in the
 * samples, all four). */
typedef struct font_shared {
  HPDF_Dict cmap;
  uint32_t space[BC_STYLE_COUNT];
  HPDF_Dict map[BC_STYLE_COUNT];
  size_t count;
} font_shared;

/* The CIDSystemInfo Adobe-Identity-0 of the CIDFonts and of the one-byte
 * fonts' CMap. */
static HPDF_Dict identity_system_info(HPDF_MMgr mm) {
  HPDF_Dict info = HPDF_Dict_New(mm);
  HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe", NULL));
  HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm, "Identity", NULL));
  HPDF_Dict_AddNumber(info, "Supplement", 0);
  return info;
}

/* The CMap stream: its dictionary's /CMapName, /CIDSystemInfo and /WMode
 * are the stream's (ISO 19005-2 6.2.11.3.3). */
static int one_byte_cmap(font_shared *sh,
                         HPDF_Doc doc,
                         bc_deflater *deflate_to,
                         bc_error *err) {
  HPDF_MMgr mm = doc->mmgr;
  const char *text;
  size_t len;
  if (sh->cmap)
    return 0;
  if (!(sh->cmap = HPDF_DictStream_New(mm, doc->xref)))
    return bc_error_oom(err);
  HPDF_Dict_AddName(sh->cmap, "Type", "CMap");
  HPDF_Dict_AddName(sh->cmap, "CMapName", BC_PDF_ONE_BYTE_CMAP);
  HPDF_Dict_Add(sh->cmap, "CIDSystemInfo", identity_system_info(mm));
  HPDF_Dict_AddNumber(sh->cmap, "WMode", 0);
  text = bc_pdf_one_byte_cmap(&len);
  return bc_pdf__put_stream(deflate_to, sh->cmap, text, len, err);
}

/* The CIDToGIDMap's filter: PNG Up prediction of its 2-byte rows (PDF
 * 7.4.4.4) makes its 512 bytes deflate to about 30 instead of 350. */
static HPDF_STATUS write_map_filter(HPDF_Dict dict, HPDF_Stream stream) {
  (void)dict;
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode /DecodeParms "
                                      "<< /Predictor 12 /Columns 2 >>\012");
}

/* The CIDToGIDMap stream for a space that is glyph `space` of the subset. */
static int cid_to_gid_map(HPDF_Dict *out,
                          font_shared *sh,
                          uint32_t space,
                          HPDF_Doc doc,
                          bc_deflater *deflate_to,
                          bc_error *err) {
  unsigned char map[512], rows[768];
  int rc;
  for (size_t i = 0; i < sh->count; i++)
    if (sh->space[i] == space) {
      *out = sh->map[i];
      return 0;
    }
  if (sh->count == BC_STYLE_COUNT ||
      !(*out = HPDF_DictStream_New(doc->mmgr, doc->xref)))
    return bc_error_oom(err);
  sh->space[sh->count] = space;
  sh->map[sh->count++] = *out;
  bc_pdf_cid_to_gid_map(map, space);
  if (!deflate_to->compress)
    return bc_pdf__put_stream(deflate_to, *out, map, sizeof map, err);
  bc_pdf__png_up(rows, map, 256, 2);
  if ((rc = bc_pdf__put_stream_copy(deflate_to, *out, rows, sizeof rows, err)))
    return rc;
  (*out)->write_fn = write_map_filter;
  return 0;
}

/* What the task of bc_pdf_write works on. */
typedef struct write_task {
  face_use *uses;
  bc_deflater *deflater;
} write_task;

/* The subsets of the faces used, then the streams put meanwhile and until
 * bc_pdf__deflate_streams: a task (common/pool.h), on a thread of its own
 * while the page contents are written. */
static int make_subsets(void *ud) {
  write_task *t = ud;
  for (unsigned s = 0; s < BC_STYLE_COUNT; s++)
    if (t->uses[s].used)
      bc_pdf_font_subset_run(&t->uses[s].job);
  bc_pdf__deflate_take(t->deflater);
  return 0;
}

/* The font's objects, in the order of the file; the FontFile2 stream
 * gets its bytes from attach_file. */
static int make_font(face_use *u,
                     font_shared *shared,
                     HPDF_Doc doc,
                     bc_deflater *deflate_to,
                     bc_arena *arena,
                     bc_error *err) {
  HPDF_MMgr mm = doc->mmgr;
  HPDF_Xref xref = doc->xref;
  HPDF_Dict map = NULL;
  const bc_pdf_font f = u->f; /* but f.file */
  int rc;

  if (f.code_bytes == 1 &&
      ((rc = one_byte_cmap(shared, doc, deflate_to, err)) ||
       (f.space_sub_gid != 32 &&
        (rc = cid_to_gid_map(&map, shared, f.space_sub_gid, doc, deflate_to,
                             err)))))
    return rc;

  /* FontFile2: the subset itself. */
  HPDF_Dict file = u->file = HPDF_DictStream_New(mm, xref);
  if (!file)
    return bc_error_oom(err);

  /* FontDescriptor. */
  HPDF_Dict fd = HPDF_Dict_New(mm);
  HPDF_Xref_Add(xref, fd);
  HPDF_Dict_AddName(fd, "Type", "FontDescriptor");
  HPDF_Dict_AddName(fd, "FontName", f.base_font);
  HPDF_Dict_AddNumber(fd, "Flags", f.flags);
  HPDF_Array bbox = HPDF_Array_New(mm);
  HPDF_Dict_Add(fd, "FontBBox", bbox);
  for (int i = 0; i < 4; i++)
    HPDF_Array_AddNumber(bbox, (HPDF_INT32)f.bbox[i]);
  HPDF_Dict_AddReal(fd, "ItalicAngle", (HPDF_REAL)f.italic_angle);
  HPDF_Dict_AddNumber(fd, "Ascent", (HPDF_INT32)f.ascent);
  HPDF_Dict_AddNumber(fd, "Descent", (HPDF_INT32)f.descent);
  HPDF_Dict_AddNumber(fd, "CapHeight", (HPDF_INT32)f.cap_height);
  HPDF_Dict_AddNumber(fd, "StemV", f.stem_v);
  HPDF_Dict_Add(fd, "FontFile2", file);

  /* CIDFontType2: CID = GID but for a one-byte space (fontobj.c), and
   * the widths of the glyphs drawn. */
  HPDF_Dict cid = HPDF_Dict_New(mm);
  HPDF_Xref_Add(xref, cid);
  HPDF_Dict_AddName(cid, "Type", "Font");
  HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
  HPDF_Dict_AddName(cid, "BaseFont", f.base_font);
  HPDF_Dict_Add(cid, "CIDSystemInfo", identity_system_info(mm));
  HPDF_Dict_Add(cid, "FontDescriptor", fd);
  if (map)
    HPDF_Dict_Add(cid, "CIDToGIDMap", map);
  else
    HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
  /* The W array through the write hook: libharu's reals are floats,
   * written with 5 decimals (556.15 as 556.15002). */
  bc_buf wb;
  bc_buf_init(&wb, arena->alloc);
  bc_pdf_font_w(&wb, &f);
  if (!(rc = bc_buf_check(&wb, err)) &&
      !(cid->attr = bc_arena_strndup(arena, wb.data, wb.len)))
    rc = bc_error_oom(err);
  bc_buf_free(&wb);
  if (rc)
    return rc;
  cid->write_fn = write_widths;

  /* ToUnicode. */
  HPDF_Dict tu = HPDF_DictStream_New(mm, xref);
  if (!tu)
    return bc_error_oom(err);
  if ((rc = bc_pdf__put_stream(deflate_to, tu, f.tounicode, f.tounicode_len,
                               err)))
    return rc;

  /* Type0. */
  HPDF_Dict t0 = HPDF_Dict_New(mm);
  HPDF_Xref_Add(xref, t0);
  HPDF_Dict_AddName(t0, "Type", "Font");
  HPDF_Dict_AddName(t0, "Subtype", "Type0");
  HPDF_Dict_AddName(t0, "BaseFont", f.base_font);
  if (f.code_bytes == 1)
    HPDF_Dict_Add(t0, "Encoding", shared->cmap);
  else
    HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
  HPDF_Array desc = HPDF_Array_New(mm);
  HPDF_Array_Add(desc, cid);
  HPDF_Dict_Add(t0, "DescendantFonts", desc);
  HPDF_Dict_Add(t0, "ToUnicode", tu);
  u->font = t0;
  return 0;
}

/* The subset, made, into the font's FontFile2 stream. */
static int attach_file(face_use *u,
                       bc_deflater *deflate_to,
                       bc_arena *arena,
                       bc_error *err) {
  int rc;
  if ((rc = bc_pdf_font_attach(&u->f, &u->job, arena, err)) ||
      (rc = bc_pdf__put_stream(deflate_to, u->file, u->f.file, u->f.file_len,
                               err)))
    return rc;
  HPDF_Dict_AddNumber(u->file, "Length1", (HPDF_INT32)u->f.file_len);
  return 0;
}

/* ---- content streams ---- */

/* A glyph's code (its CID) as the one or two bytes of a literal string:
 * half the size of hex, so half the bytes to deflate. Delimiters and line
 * ends are escaped (a bare CR would be read as LF). */
static void put_gid(bc_buf *b, const face_use *u, unsigned gid) {
  unsigned code = u->f.codes[gid];
  unsigned char bytes[2] = {(unsigned char)(code >> 8), (unsigned char)code};
  for (unsigned i = 2 - u->f.code_bytes; i < 2; i++) {
    unsigned char c = bytes[i];
    if (c == '(' || c == ')' || c == '\\') {
      bc_buf_putc(b, '\\');
      bc_buf_putc(b, (char)c);
    } else if (c == '\r') {
      bc_buf_put(b, "\\r", 2);
    } else if (c == '\n') {
      bc_buf_put(b, "\\n", 2);
    } else {
      bc_buf_putc(b, (char)c);
    }
  }
}

/* One run as a text object; see design note 1. */
/* Word spacing for a run drawn with one TJ: the extra width (beyond the
 * glyph's own and the tracking) that layout gave the run's spaces, the
 * median of its first 64 (a justified line's last space keeps its natural
 * width), in unscaled text space as Tw takes it and rounded as put_num
 * writes it; the current value (tw) when the font has no one-byte space
 * or the run fewer than two spaces. Tw applies to one-byte code 32 only
 * (PDF 9.3.3): the space glyph's code (fontobj.c). The TJ adjustments
 * correct what is left. */
static double word_spacing(const bc_run *run,
                           const face_use *u,
                           const bc_fontset *fonts,
                           double unit,
                           double scale,
                           double tc,
                           double tw) {
  double d[64];
  size_t n = 0;
  if (u->f.code_bytes != 1 || u->f.space_gid == BC_PDF_NO_GLYPH)
    return tw;
  double w = bc_glyph_set_width(&u->glyphs, fonts, u->f.space_gid);
  for (size_t i = 0; i < run->count && n < 64; i++) {
    if (run->glyphs[i].gid != u->f.space_gid)
      continue;
    double x = run->glyphs[i].advance_pt / unit - w - tc * scale / unit;
    size_t j = n++;
    for (; j > 0 && d[j - 1] > x; j--)
      d[j] = d[j - 1];
    d[j] = x;
  }
  if (n < 2)
    return tw;
  return round(d[n / 2] * unit / scale * 1000) / 1000;
}

/* The text state a page's content stream has set: it outlives BT and ET
 * (PDF 9.3.1), so a run sets only what differs from the run before. */
typedef struct text_state {
  const face_use *font; /* NULL: none yet */
  double size, tz, tc, tw;
} text_state;

#define TEXT_STATE_INIT {NULL, 0, 100, 0, 0}

static void put_run(bc_buf *b,
                    const bc_run *run,
                    const face_use *u,
                    const bc_fontset *fonts,
                    text_state *ts) {
  bool offsets = false;
  for (size_t i = 0; i < run->count; i++)
    offsets |=
        run->glyphs[i].x_offset_pt != 0 || run->glyphs[i].y_offset_pt != 0;
  /* Font expansion: the glyphs drawn wider or narrower with Tz, which
   * scales every horizontal move in the run too (PDF 9.3.4), so the pen
   * below is kept in scaled units. Tracking: Tc after every glyph, and
   * word spacing: Tw after every space, in unscaled text space. All three
   * with 3 decimals as put_num writes them. */
  double scale = 1 + (double)run->expansion;
  double tz = round(100 * scale * 1000) / 1000;
  double tc = round(run->tracking_pt / scale * 1000) / 1000;
  /* pen_pdf: where the reader's pen is, in 1/1000 em of this size;
   * pen_true: where the layout wants it. */
  double unit = run->size_pt / 1000.0 * scale;
  double tw = offsets ? ts->tw
                      : word_spacing(run, u, fonts, unit, scale, tc, ts->tw);
  bc_buf_puts(b, "BT ");
  if (ts->font != u || ts->size != run->size_pt) {
    bc_buf_putc(b, '/');
    bc_buf_puts(b, u->name);
    bc_buf_putc(b, ' ');
    put_num(b, run->size_pt);
    bc_buf_puts(b, " Tf ");
    ts->font = u;
    ts->size = run->size_pt;
  }
  if (ts->tz != tz) {
    put_num(b, tz);
    bc_buf_puts(b, " Tz ");
    ts->tz = tz;
  }
  if (ts->tc != tc) {
    put_num(b, tc);
    bc_buf_puts(b, " Tc ");
    ts->tc = tc;
  }
  if (ts->tw != tw) {
    put_num(b, tw);
    bc_buf_puts(b, " Tw ");
    ts->tw = tw;
  }
  if (offsets) {
    /* Marks placed by HarfBuzz: each glyph at its own position. */
    double x = run->x_pt;
    for (size_t i = 0; i < run->count; i++) {
      const bc_placed_glyph *g = &run->glyphs[i];
      bc_buf_puts(b, "1 0 0 1 ");
      put_num(b, x + g->x_offset_pt);
      bc_buf_putc(b, ' ');
      put_num(b, run->y_pt + g->y_offset_pt);
      bc_buf_puts(b, " Tm (");
      put_gid(b, u, g->gid);
      bc_buf_puts(b, ") Tj ");
      x += g->advance_pt;
    }
    bc_buf_puts(b, "ET\n");
    return;
  }
  put_num(b, run->x_pt);
  bc_buf_putc(b, ' ');
  put_num(b, run->y_pt);
  bc_buf_puts(b, " Td [(");
  double pen_true = 0, pen_pdf = 0;
  for (size_t i = 0; i < run->count; i++) {
    const bc_placed_glyph *g = &run->glyphs[i];
    put_gid(b, u, g->gid);
    pen_pdf += bc_glyph_set_width(&u->glyphs, fonts, g->gid) + tc * scale / unit;
    if (g->gid == u->f.space_gid)
      pen_pdf += tw * scale / unit;
    pen_true += g->advance_pt / unit;
    long adj = lround(pen_pdf - pen_true);
    if (adj != 0 && i + 1 < run->count) {
      bc_buf_puts(b, ") ");
      bc_buf_put_int(b, adj);
      bc_buf_puts(b, " (");
      pen_pdf -= adj;
    }
  }
  bc_buf_puts(b, ")] TJ ET\n");
}

static void put_rule(bc_buf *b, const bc_rule *r) {
  bc_buf_puts(b, "q ");
  put_num(b, r->width_pt);
  bc_buf_puts(b, " w 0 G 0 J ");
  put_num(b, r->x0_pt);
  bc_buf_putc(b, ' ');
  put_num(b, r->y0_pt);
  bc_buf_puts(b, " m ");
  put_num(b, r->x1_pt);
  bc_buf_putc(b, ' ');
  put_num(b, r->y1_pt);
  bc_buf_puts(b, " l S Q\n");
}

/* ---- document information ---- */

HPDF_Binary bc_pdf__text_string(HPDF_MMgr mm, const char *s, bc_buf *b) {
  bc_buf_reset(b);
  bc_buf_put(b, "\xFE\xFF", 2);
  for (size_t i = 0, len = strlen(s); i < len;) {
    uint32_t cp;
    size_t n = bc_utf8_decode(s + i, len - i, &cp);
    unsigned char u[4];
    if (!n) {
      cp = 0xFFFD;
      n = 1;
    }
    if (cp >= 0x10000) {
      uint32_t v = cp - 0x10000, hi = 0xD800 + (v >> 10),
               lo = 0xDC00 + (v & 0x3FF);
      u[0] = (unsigned char)(hi >> 8);
      u[1] = (unsigned char)hi;
      u[2] = (unsigned char)(lo >> 8);
      u[3] = (unsigned char)lo;
      bc_buf_put(b, u, 4);
    } else {
      u[0] = (unsigned char)(cp >> 8);
      u[1] = (unsigned char)cp;
      bc_buf_put(b, u, 2);
    }
    i += n;
  }
  if (b->failed)
    return NULL;
  return HPDF_Binary_New(mm, (HPDF_BYTE *)b->data, (HPDF_UINT)b->len);
}

/* The information dictionary. Its dates are written as bc_pdf__date
 * writes them (libharu's "Z00'00'" is not the form XMP dates are compared
 * with). */
static int set_info(HPDF_Doc doc,
                    const bc_pdf_info *info,
                    const char *producer,
                    bc_arena *arena,
                    bc_error *err) {
  bc_buf b;
  const struct {
    const char *key;
    const char *value;
  } texts[] = {{"Title", info->title},
               {"Author", info->author},
               {"Subject", info->subject},
               {"Keywords", info->keywords}};

  HPDF_SetInfoAttr(doc, HPDF_INFO_CREATOR, "baocao");
  HPDF_SetInfoAttr(doc, HPDF_INFO_PRODUCER, producer);
  if (!doc->info)
    return bc_error_oom(err);
  HPDF_Dict_Add(doc->info, "CreationDate",
                bc_pdf__date(doc->mmgr, info->created));
  HPDF_Dict_Add(doc->info, "ModDate", bc_pdf__date(doc->mmgr, info->created));
  bc_buf_init(&b, arena->alloc);
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    if (!texts[i].value || !texts[i].value[0])
      continue;
    HPDF_Binary v = bc_pdf__text_string(doc->mmgr, texts[i].value, &b);
    if (!v) {
      bc_buf_free(&b);
      return bc_error_oom(err);
    }
    HPDF_Dict_Add(doc->info, texts[i].key, v);
  }
  bc_buf_free(&b);
  return 0;
}

/*
 * The outline (bookmarks) from the headings: entries nest by level, each
 * points at its page and height. Built on the object layer so that titles
 * are UTF-16 text strings (libharu's outline API writes bytes as they are).
 */
static int write_outline(HPDF_Doc doc,
                         const bc_pages *pages,
                         const HPDF_Page *pdf_pages,
                         bc_arena *arena,
                         bc_error *err) {
  enum { MAX_DEPTH = 8 };
  HPDF_MMgr mm = doc->mmgr;
  HPDF_Dict root, parent[MAX_DEPTH + 1], last[MAX_DEPTH + 1];
  int level_of[MAX_DEPTH + 1], count[MAX_DEPTH + 1], depth = 0;
  bc_buf b;
  int rc = 0;

  if (!pages->outline_count)
    return 0;
  root = HPDF_Dict_New(mm);
  if (!root || HPDF_Xref_Add(doc->xref, root) != HPDF_OK)
    return bc_error_oom(err);
  HPDF_Dict_AddName(root, "Type", "Outlines");
  memset(last, 0, sizeof last);
  memset(count, 0, sizeof count);
  parent[0] = root;
  level_of[0] = 0;
  bc_buf_init(&b, arena->alloc);
  for (size_t i = 0; i < pages->outline_count; i++) {
    const bc_outline_entry *e = &pages->outline[i];
    /* Close the levels this entry is not inside of. */
    while (depth > 0 && level_of[depth] >= e->level) {
      HPDF_Dict_AddNumber(parent[depth], "Count", count[depth]);
      depth--;
    }
    /* Every object goes into the xref or its parent as soon as it exists,
     * so that libharu frees it with the document whatever fails next. */
    HPDF_Binary title = bc_pdf__text_string(mm, e->title, &b);
    if (!title) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
    HPDF_Dict item = HPDF_Dict_New(mm);
    if (!item) {
      HPDF_Obj_Free(mm, title);
      rc = bc_error_oom(err);
      goto cleanup;
    }
    if (HPDF_Xref_Add(doc->xref, item) != HPDF_OK) { /* frees item */
      HPDF_Obj_Free(mm, title);
      rc = bc_error_oom(err);
      goto cleanup;
    }
    HPDF_Array dest = HPDF_Array_New(mm);
    if (HPDF_Dict_Add(item, "Title", title) != HPDF_OK || !dest ||
        HPDF_Dict_Add(item, "Dest", dest) != HPDF_OK) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
    HPDF_Dict_Add(item, "Parent", parent[depth]);
    HPDF_Array_Add(dest, pdf_pages[e->page]);
    HPDF_Array_AddName(dest, "XYZ");
    HPDF_Array_AddNumber(dest, 0);
    HPDF_Array_AddReal(dest, e->y_pt);
    HPDF_Array_AddNumber(dest, 0);
    if (last[depth]) {
      HPDF_Dict_Add(last[depth], "Next", item);
      HPDF_Dict_Add(item, "Prev", last[depth]);
    } else {
      HPDF_Dict_Add(parent[depth], "First", item);
    }
    HPDF_Dict_Add(parent[depth], "Last", item);
    last[depth] = item;
    count[depth]++;
    if (depth < MAX_DEPTH) {
      depth++;
      parent[depth] = item;
      level_of[depth] = e->level;
      last[depth] = NULL;
      count[depth] = 0;
    }
  }
  /* Close what is still open; entries with no children get no Count. */
  for (; depth > 0; depth--)
    if (count[depth])
      HPDF_Dict_AddNumber(parent[depth], "Count", count[depth]);
  HPDF_Dict_AddNumber(root, "Count", count[0]);
  HPDF_Dict_Add(doc->catalog, "Outlines", root);
  HPDF_Catalog_SetPageMode(doc->catalog, HPDF_PAGE_MODE_USE_OUTLINE);
cleanup:
  bc_buf_free(&b);
  return rc;
}

/*
 * Empty signature fields: one widget annotation per field (merged with its
 * field dictionary), listed in the page's /Annots and the AcroForm's
 * /Fields, so that any PDF signer (pdfsig -sign NAME, e-office software,
 * baocao sign) can sign into them in an incremental update. Each is
 * printed and has an appearance, an empty one until it is signed (PDF/A:
 * ISO 19005-3 6.3.3), and says what it is for in /TU. widgets[i] gets the
 * widget of field i.
 */
static int write_fields(HPDF_Dict *widgets,
                        HPDF_Doc doc,
                        const bc_pages *pages,
                        const HPDF_Page *pdf_pages,
                        bc_arena *arena,
                        bc_error *err) {
  HPDF_MMgr mm = doc->mmgr;
  HPDF_Dict form;
  HPDF_Array fields;
  bc_buf b;
  int rc = 0;
  if (!pages->field_count)
    return 0;
  form = HPDF_Dict_New(mm);
  if (!form || HPDF_Xref_Add(doc->xref, form) != HPDF_OK)
    return bc_error_oom(err);
  fields = HPDF_Array_New(mm);
  if (!fields || HPDF_Dict_Add(form, "Fields", fields) != HPDF_OK)
    return bc_error_oom(err);
  bc_buf_init(&b, arena->alloc);
  for (size_t i = 0; i < pages->field_count && !rc; i++) {
    const bc_sig_field *f = &pages->fields[i];
    HPDF_Page page = pdf_pages[f->page];
    HPDF_Array annots = HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY);
    HPDF_Dict w = HPDF_Dict_New(mm), ap, blank;
    HPDF_Array rect, bbox;
    if (!w || HPDF_Xref_Add(doc->xref, w) != HPDF_OK) {
      rc = bc_error_oom(err);
      break;
    }
    widgets[i] = w;
    if (!annots) {
      annots = HPDF_Array_New(mm);
      if (!annots || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK) {
        rc = bc_error_oom(err);
        break;
      }
    }
    if (!(rect = HPDF_Array_New(mm)) ||
        HPDF_Dict_Add(w, "Rect", rect) != HPDF_OK) {
      rc = bc_error_oom(err);
      break;
    }
    HPDF_Array_AddReal(rect, f->x0_pt);
    HPDF_Array_AddReal(rect, f->y0_pt);
    HPDF_Array_AddReal(rect, f->x1_pt);
    HPDF_Array_AddReal(rect, f->y1_pt);
    HPDF_Dict_AddName(w, "Type", "Annot");
    HPDF_Dict_AddName(w, "Subtype", "Widget");
    HPDF_Dict_AddName(w, "FT", "Sig");
    HPDF_Dict_Add(w, "T", HPDF_String_New(mm, f->name, NULL));
    if (f->label) {
      HPDF_Binary tu = bc_pdf__text_string(mm, f->label, &b);
      if (!tu || HPDF_Dict_Add(w, "TU", tu) != HPDF_OK) {
        rc = bc_error_oom(err);
        break;
      }
    }
    HPDF_Dict_AddNumber(w, "F", 4); /* printed */
    HPDF_Dict_Add(w, "P", page);
    if (!(ap = HPDF_Dict_New(mm)) || HPDF_Dict_Add(w, "AP", ap) != HPDF_OK ||
        !(blank = HPDF_DictStream_New(mm, doc->xref)) ||
        HPDF_Dict_Add(ap, "N", blank) != HPDF_OK ||
        !(bbox = HPDF_Array_New(mm)) ||
        HPDF_Dict_Add(blank, "BBox", bbox) != HPDF_OK) {
      rc = bc_error_oom(err);
      break;
    }
    /* The empty appearance: a form XObject the size of the box. */
    blank->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Dict_AddName(blank, "Type", "XObject");
    HPDF_Dict_AddName(blank, "Subtype", "Form");
    HPDF_Array_AddNumber(bbox, 0);
    HPDF_Array_AddNumber(bbox, 0);
    HPDF_Array_AddReal(bbox, f->x1_pt - f->x0_pt);
    HPDF_Array_AddReal(bbox, f->y1_pt - f->y0_pt);
    HPDF_Array_Add(annots, w);
    HPDF_Array_Add(fields, w);
  }
  bc_buf_free(&b);
  if (rc)
    return rc;
  return HPDF_Dict_Add(doc->catalog, "AcroForm", form) == HPDF_OK
             ? 0
             : bc_error_oom(err);
}

HPDF_String bc_pdf__date(HPDF_MMgr mm, time_t t) {
  struct tm tm;
  char s[80];
  gmtime_r(&t, &tm);
  snprintf(s, sizeof s, "D:%04d%02d%02d%02d%02d%02dZ", tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
  return HPDF_String_New(mm, s, NULL);
}

/*
 * The associated data file: an /EmbeddedFile stream (deflated, with its
 * /Subtype MIME type and /Params /Size and /ModDate), a /Filespec with
 * /AFRelationship /Data, named in the catalog's /Names /EmbeddedFiles tree
 * (what pdfdetach and viewers list) and in its /AF array. Each object is
 * attached to its parent as soon as it exists, so that libharu frees it
 * with the document whatever fails later.
 */
static int write_attachment(HPDF_Doc doc,
                            const bc_pdf_info *info,
                            bc_deflater *deflate_to,
                            bc_arena *arena,
                            bc_error *err) {
  HPDF_MMgr mm = doc->mmgr;
  HPDF_Dict file, params, spec, ef, names, tree;
  HPDF_Array af, list;
  HPDF_Binary text;
  bc_buf b;
  bool ok;
  if (!info->attachment)
    return 0;
  ok = (names = HPDF_Dict_New(mm)) &&
       HPDF_Dict_Add(doc->catalog, "Names", names) == HPDF_OK &&
       (tree = HPDF_Dict_New(mm)) &&
       HPDF_Dict_Add(names, "EmbeddedFiles", tree) == HPDF_OK &&
       (list = HPDF_Array_New(mm)) &&
       HPDF_Dict_Add(tree, "Names", list) == HPDF_OK &&
       (af = HPDF_Array_New(mm)) &&
       HPDF_Dict_Add(doc->catalog, "AF", af) == HPDF_OK &&
       (spec = HPDF_Dict_New(mm)) &&
       HPDF_Xref_Add(doc->xref, spec) == HPDF_OK &&
       HPDF_Array_Add(list, HPDF_String_New(mm, info->attachment_name, NULL)) ==
           HPDF_OK &&
       HPDF_Array_Add(list, spec) == HPDF_OK &&
       HPDF_Array_Add(af, spec) == HPDF_OK && (ef = HPDF_Dict_New(mm)) &&
       HPDF_Dict_Add(spec, "EF", ef) == HPDF_OK &&
       (file = HPDF_DictStream_New(mm, doc->xref)) &&
       HPDF_Dict_Add(ef, "F", file) == HPDF_OK &&
       HPDF_Dict_Add(ef, "UF", file) == HPDF_OK &&
       (params = HPDF_Dict_New(mm)) &&
       HPDF_Dict_Add(file, "Params", params) == HPDF_OK &&
       HPDF_Dict_AddName(spec, "Type", "Filespec") == HPDF_OK &&
       HPDF_Dict_Add(spec, "F",
                     HPDF_String_New(mm, info->attachment_name, NULL)) ==
           HPDF_OK &&
       HPDF_Dict_AddName(spec, "AFRelationship", "Data") == HPDF_OK &&
       HPDF_Dict_AddName(file, "Type", "EmbeddedFile") == HPDF_OK &&
       HPDF_Dict_AddName(file, "Subtype", info->attachment_mime) == HPDF_OK &&
       HPDF_Dict_AddNumber(params, "Size", (HPDF_INT32)info->attachment_len) ==
           HPDF_OK &&
       HPDF_Dict_Add(params, "ModDate", bc_pdf__date(mm, info->created)) ==
           HPDF_OK;
  if (!ok)
    return bc_error_oom(err);
  bc_buf_init(&b, arena->alloc);
  ok = (text = bc_pdf__text_string(mm, info->attachment_name, &b)) &&
       HPDF_Dict_Add(spec, "UF", text) == HPDF_OK &&
       (!info->attachment_description ||
        ((text = bc_pdf__text_string(mm, info->attachment_description, &b)) &&
         HPDF_Dict_Add(spec, "Desc", text) == HPDF_OK));
  bc_buf_free(&b);
  if (!ok)
    return bc_error_oom(err);
  return bc_pdf__put_stream(deflate_to, file, info->attachment,
                            info->attachment_len, err);
}

/* The content of page p: its rules, then its runs; with tags (a tagged
 * PDF), in marked content (tags.c). */
static int put_content(bc_buf *b,
                       const bc_pages *pages,
                       size_t p,
                       const face_use *uses,
                       const bc_fontset *fonts,
                       bc_tags *tags,
                       bc_error *err) {
  const bc_page *pg = &pages->pages[p];
  text_state ts = TEXT_STATE_INIT;
  int rc;
  if (tags && pg->rule_count)
    bc_pdf__tags_rules_begin(tags, b);
  for (size_t r = 0; r < pg->rule_count; r++)
    put_rule(b, &pg->rules[r]);
  if (tags && pg->rule_count)
    bc_pdf__tags_rules_end(tags, b);
  for (size_t r = 0; r < pg->run_count; r++) {
    const bc_run *run = &pg->runs[r];
    if (tags && (rc = bc_pdf__tags_run(tags, b, p, run->elem, err)))
      return rc;
    put_run(b, run, &uses[run->style & 3u], fonts, &ts);
  }
  if (tags)
    bc_pdf__tags_end_page(tags, b);
  return bc_buf_check(b, err);
}

/* What the document ID is made of besides the pages' content: the
 * information, and the data file. */
static void id_feed_info(bc_doc_id *id, const bc_pdf_info *info) {
  const char *texts[] = {info->title, info->author, info->subject,
                         info->keywords};
  char created[32];
  int n = snprintf(created, sizeof created, "%lld", (long long)info->created);
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
    bc_pdf__id_feed(id, texts[i] ? texts[i] : "",
                    texts[i] ? strlen(texts[i]) + 1 : 1);
  bc_pdf__id_feed(id, created, (size_t)n);
  if (info->attachment)
    bc_pdf__id_feed(id, info->attachment, info->attachment_len);
}

int bc_pdf_write(const unsigned char **data_out,
                 size_t *len_out,
                 const bc_pages *pages,
                 const bc_fontset *fonts,
                 const bc_pdf_info *info,
                 bc_arena *arena,
                 bc_error *err) {
  pdf_ctx ctx = {0, 0};
  face_use uses[BC_STYLE_COUNT];
  HPDF_Page *pdf_pages;
  HPDF_Doc doc = NULL;
  bc_buf content;
  unsigned char *data = NULL;
  HPDF_UINT32 size;
  bc_deflater deflate_to;
  bc_task subsets;
  write_task task = {uses, &deflate_to};
  bc_tags *tags = NULL;
  HPDF_Dict *widgets;
  font_shared shared = {NULL, {0}, {NULL}, 0}; /* the one-byte fonts' */
  bc_doc_id id;
  unsigned char id_bytes[16];
  char producer[64];
  int rc = 0;

  memset(uses, 0, sizeof uses);
  memset(&subsets, 0, sizeof subsets); /* joined before started: nothing */
  rc = bc_pdf__deflater_init(&deflate_to, info->compress, info->threads,
                             arena, err);
  bc_buf_init(&content, arena->alloc);
  bc_pdf__id_init(&id);
  id_feed_info(&id, info);
  snprintf(producer, sizeof producer, "baocao %s (libharu %s)", BC_VERSION,
           HPDF_GetVersion());
  if (rc || (rc = collect(uses, pages, fonts, arena, err)) ||
      (!info->plain && (rc = bc_pdf__tags_new(&tags, pages, arena, err))))
    goto cleanup;
  for (unsigned s = 0; s < BC_STYLE_COUNT; s++)
    if (uses[s].used &&
        (rc = bc_pdf_font_plan(&uses[s].f, &uses[s].job, &uses[s].glyphs, fonts,
                               arena, err)))
      goto cleanup;
  /* From here to bc_pdf__deflate_wait_task the task uses the jobs, this
   * thread the rest; the streams under the deflater's lock. */
  bc_task_start(&subsets, info->threads > 1, make_subsets, &task);
  if (subsets.started)
    bc_pdf__deflate_early(&deflate_to);
  doc = HPDF_NewEx(on_error, NULL, NULL, 0, &ctx);
  if (!doc) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  /* No HPDF_SetCompressionMode: every stream of the file is one of ours,
   * deflated by put_stream. */
  if ((rc = set_info(doc, info, producer, arena, err)))
    goto cleanup;
  for (unsigned s = 0; s < BC_STYLE_COUNT; s++)
    if (uses[s].used &&
        (rc = make_font(&uses[s], &shared, doc, &deflate_to, arena, err)))
      goto cleanup;
  if (ctx.status) {
    rc = hpdf_error(err, &ctx);
    goto cleanup;
  }

  pdf_pages = bc_arena_calloc(arena, pages->count + 1, sizeof *pdf_pages);
  widgets = bc_arena_calloc(arena, pages->field_count + 1, sizeof *widgets);
  if (!pdf_pages || !widgets) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  for (size_t p = 0; p < pages->count; p++) {
    const bc_page *pg = &pages->pages[p];
    HPDF_Page page = HPDF_AddPage(doc);
    if (!page) {
      rc = hpdf_error(err, &ctx);
      goto cleanup;
    }
    pdf_pages[p] = page;
    HPDF_Page_SetWidth(page, pg->width_pt);
    HPDF_Page_SetHeight(page, pg->height_pt);
    HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
    HPDF_Dict fontres = HPDF_Dict_New(doc->mmgr);
    if (!res || !fontres) {
      rc = hpdf_error(err, &ctx);
      goto cleanup;
    }
    HPDF_Dict_Add(res, "Font", fontres);
    bool on_page[BC_STYLE_COUNT] = {false, false, false, false};
    for (size_t r = 0; r < pg->run_count; r++)
      on_page[pg->runs[r].style & 3u] = true;
    for (unsigned s = 0; s < BC_STYLE_COUNT; s++)
      if (on_page[s])
        HPDF_Dict_Add(fontres, uses[s].name, uses[s].font);

    bc_buf_reset(&content);
    if ((rc = put_content(&content, pages, p, uses, fonts, tags, err)))
      goto cleanup;
    bc_pdf__id_feed(&id, content.data, content.len);
    HPDF_PageAttr attr = (HPDF_PageAttr)page->attr;
    if ((rc = bc_pdf__put_stream_copy(&deflate_to, attr->contents,
                                      content.data, content.len, err)))
      goto cleanup;
    if (ctx.status) {
      rc = hpdf_error(err, &ctx);
      goto cleanup;
    }
  }

  bc_pdf__id_bytes(id_bytes, &id);
  if ((rc = write_outline(doc, pages, pdf_pages, arena, err)) ||
      (rc = write_fields(widgets, doc, pages, pdf_pages, arena, err)) ||
      (rc = write_attachment(doc, info, &deflate_to, arena, err)) ||
      (rc = bc_pdf__write_id(doc, id_bytes, err)) ||
      (tags && (rc = bc_pdf__tags_write(doc, tags, pdf_pages, widgets, arena,
                                        err))) ||
      (!info->plain && (rc = bc_pdf__write_pdfa(doc, info, producer, id_bytes,
                                                &deflate_to, arena, err))))
    goto cleanup;
  bc_pdf__deflate_wait_task(&deflate_to);
  for (unsigned s = 0; s < BC_STYLE_COUNT; s++)
    if (uses[s].used && (rc = attach_file(&uses[s], &deflate_to, arena, err)))
      goto cleanup;
  if (ctx.status) {
    rc = hpdf_error(err, &ctx);
    goto cleanup;
  }
  doc->pdf_version = HPDF_VER_17; /* libharu's default is 1.3 */
  if (info->compress) { /* an object stream and a cross-reference stream */
    if (!(rc = bc_pdf__deflate_streams(&deflate_to, err)))
      rc = bc_pdf__save(data_out, len_out, doc, &deflate_to, arena, err);
    if (!rc && ctx.status)
      rc = hpdf_error(err, &ctx);
    goto cleanup;
  }
  if (HPDF_SaveToStream(doc) != HPDF_OK) {
    rc = hpdf_error(err, &ctx);
    goto cleanup;
  }
  size = HPDF_GetStreamSize(doc);
  data = bc_arena_alloc(arena, size ? size : 1);
  if (!data) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  HPDF_UINT32 got = size;
  if (HPDF_ReadFromStream(doc, data, &got) != HPDF_OK && !got) {
    rc = hpdf_error(err, &ctx);
    goto cleanup;
  }
  if (got != size) {
    rc = bc_error_set(err, BC_ERROR, "libharu returned %u of %u bytes",
                      (unsigned)got, (unsigned)size);
    goto cleanup;
  }
  *data_out = data;
  *len_out = size;
cleanup:
  bc_pdf__deflate_stop(&deflate_to);
  bc_task_join(&subsets);
  for (unsigned s = 0; s < BC_STYLE_COUNT; s++)
    bc_pdf_font_subset_free(&uses[s].job);
  bc_pdf__deflate_end(&deflate_to);
  bc_buf_free(&content);
  if (doc)
    HPDF_Free(doc);
  return rc;
}

void bc_pdf_versions(bc_library_version *out, size_t max, size_t *n) {
  bc_version_put(out, max, n, "libharu", HPDF_GetVersion());
  bc_version_put(out, max, n, "zlib", zlibVersion());
  bc_version_put(out, max, n, "libdeflate", LIBDEFLATE_VERSION_STRING);
  bc_pdfread_versions(out, max, n);
}
