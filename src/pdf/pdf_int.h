/* pdf/pdf_int.h: what the files of the pdf module share: the Flate of the
 * large streams, text strings and dates on libharu's object layer (pdf.c),
 * the structure tree and marked content of a tagged PDF (tags.c), and the
 * PDF/A-3 parts: document ID, XMP metadata, output intent (pdfa.c). */
#ifndef BC_PDF_INT_H
#define BC_PDF_INT_H

#include "pdf/pdf.h"
#include "common/pool.h"

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <libdeflate.h>

/* ---- pdf.c ---- */

/*
 * The Flate of a document's streams. bc_pdf__put_stream records what to
 * deflate, with the memory its deflate needs (the output, from the arena:
 * libdeflate_zlib_compress_bound); from bc_pdf__deflate_early on, a task
 * thread takes the streams as they are recorded (bc_pdf__deflate_take),
 * and bc_pdf__deflate_streams deflates what is left, shared among the
 * render's threads (common/pool.h). Each stream is deflated alone with a
 * compressor of the thread's own (libdeflate 1.14 has no allocator per
 * compressor: malloc; all made on the calling thread), so the bytes do
 * not depend on which thread deflates it. compress false: streams are
 * stored as they are, at once.
 */
/* A stream's bytes to deflate (raw), then deflated (data), which
 * bc_pdf__save writes from the arena (libharu's stream of the dictionary
 * stays empty). */
typedef struct bc_stream_data {
  HPDF_Dict dict;
  const unsigned char *raw; /* the caller's, or a copy of its own */
  size_t raw_len;
  bool copied;              /* raw is bc_pdf__put_stream_copy's, to free */
  unsigned char *data;      /* arena: libdeflate_zlib_compress_bound */
  size_t cap;
  size_t len;               /* 0 until deflated (or when it failed) */
} bc_stream_data;

typedef struct bc_deflater {
  bool compress;
  unsigned threads; /* 1 to BC_POOL_MAX_THREADS */
  struct libdeflate_compressor *c[BC_POOL_MAX_THREADS]; /* per worker */
  bc_arena *arena;
  /* With compress: every stream put so far. While a task takes streams
   * (early), the array (it moves as it grows) and what a taker reads or
   * writes in it are under lock. */
  bc_stream_data *streams;
  size_t stream_count, stream_cap;
  size_t taken;     /* streams[0..taken) are taken by a thread, or done */
  size_t busy;      /* streams being deflated */
  bool early;       /* a task takes streams as they are put */
  bool closed;      /* no more streams will come: the task ends */
  bool task_done;   /* the task called bc_pdf__deflate_take */
  pthread_t owner;  /* the thread of bc_pdf_write */
  pthread_mutex_t lock;
  pthread_cond_t work;    /* for the task: a stream put, or closed */
  pthread_cond_t settled; /* for the owner: task_done, or busy down to 0 */
} bc_deflater;

/* d ready, with the compressor of a task on a thread of its own (when
 * compress and threads > 1); 0 or BC_ENOMEM. Then bc_pdf__deflate_end,
 * whatever it returns. */
int bc_pdf__deflater_init(bc_deflater *d,
                          bool compress,
                          unsigned threads,
                          bc_arena *arena,
                          bc_error *err);
/* The task was started on a thread of its own: streams put from now on
 * are offered to it. */
void bc_pdf__deflate_early(bc_deflater *d);
/* On the task: says it has done its first part (bc_pdf__deflate_wait_task
 * returns), then deflates the streams put until bc_pdf__deflate_streams
 * or bc_pdf__deflate_end; at once when not on a thread of its own. */
void bc_pdf__deflate_take(bc_deflater *d);
/* On the owner: waits until the task has called bc_pdf__deflate_take. */
void bc_pdf__deflate_wait_task(bc_deflater *d);
/* Ends the task's taking (it returns after the stream it is on). Before
 * joining the task. */
void bc_pdf__deflate_stop(bc_deflater *d);
/* Frees everything but the arena's memory. After the join. */
void bc_pdf__deflate_end(bc_deflater *d);

/* data deflated now, on this thread, into memory from d's arena. */
int bc_pdf__deflate(bc_deflater *d,
                    const void *data,
                    size_t len,
                    const unsigned char **out,
                    size_t *out_len,
                    bc_error *err);

/* Deflates every stream put and not yet taken, on d->threads threads (the
 * task one of them when early), and waits for the task's; the bytes do not
 * depend on how many. No stream may be put after it. */
int bc_pdf__deflate_streams(bc_deflater *d, bc_error *err);

/* PNG Up prediction (PDF 7.4.4.4) of count rows of cols bytes of data
 * into rows (count * (cols + 1) bytes): each row the tag 2, then each byte
 * minus the one above it (zeros above the first row). */
void bc_pdf__png_up(unsigned char *rows,
                    const unsigned char *data,
                    size_t count,
                    size_t cols);

/* Puts data into the stream object dict, deflated unless compression is
 * off. Deflated, the bytes stay in d's arena (d->streams) for
 * bc_pdf__save, not copied into libharu's stream; they are deflated by
 * bc_pdf__deflate_streams, so data must stay as it is until then (else
 * bc_pdf__put_stream_copy, which deflates a copy of it, made with the
 * arena's allocator and freed once deflated). On the owner only. */
int bc_pdf__put_stream(bc_deflater *d,
                       HPDF_Dict dict,
                       const void *data,
                       size_t len,
                       bc_error *err);
int bc_pdf__put_stream_copy(bc_deflater *d,
                            HPDF_Dict dict,
                            const void *data,
                            size_t len,
                            bc_error *err);

/* A PDF text string in UTF-16BE with a byte order mark (PDF 7.9.2.2),
 * built in b; NULL when memory runs out. */
HPDF_Binary bc_pdf__text_string(HPDF_MMgr mm, const char *s, bc_buf *b);

/* The PDF date string of t in UTC: D:YYYYMMDDHHmmSSZ. */
HPDF_String bc_pdf__date(HPDF_MMgr mm, time_t t);

/* ---- save.c ---- */

/*
 * The document's bytes, in arena memory, as PDF 1.7 with one object
 * stream holding every object that is not a stream, and a cross-reference
 * stream (ISO 32000-1 7.5.7, 7.5.8) instead of libharu's table: the
 * trailer's entries (/Root, /Info, /ID) go in its dictionary.
 */
int bc_pdf__save(const unsigned char **data_out,
                 size_t *len_out,
                 HPDF_Doc doc,
                 bc_deflater *d,
                 bc_arena *arena,
                 bc_error *err);

/* ---- tags.c: a tagged PDF (ISO 32000-1 14.7-14.8) ---- */

typedef struct bc_tags bc_tags;

/* The state of the marked content of every page; from arena. */
int bc_pdf__tags_new(bc_tags **out,
                     const bc_pages *pages,
                     bc_arena *arena,
                     bc_error *err);

/* Marks the page's content in b: the rules as one layout artifact, then
 * each change of element between runs closes the marked content before it
 * and opens the next: an artifact for element 0 (page numbers, repeated
 * table headers), else the element's tag with the page's next MCID. Call
 * bc_pdf__tags_run before each run of page p, in order, and
 * bc_pdf__tags_end_page after the last. */
void bc_pdf__tags_rules_begin(bc_tags *t, bc_buf *b);
void bc_pdf__tags_rules_end(bc_tags *t, bc_buf *b);
int bc_pdf__tags_run(
    bc_tags *t, bc_buf *b, size_t page, uint32_t elem, bc_error *err);
void bc_pdf__tags_end_page(bc_tags *t, bc_buf *b);

/*
 * The structure tree of the marked content (StructTreeRoot with one
 * StructElem per element, the ParentTree, /StructParents on the pages),
 * the signature widgets as OBJR of their Form elements, /Tabs /S on pages
 * with widgets, and the catalog's /MarkInfo, /Lang (vi-VN) and
 * /ViewerPreferences /DisplayDocTitle.
 */
int bc_pdf__tags_write(HPDF_Doc doc,
                       const bc_tags *t,
                       const HPDF_Page *pdf_pages,
                       const HPDF_Dict *widgets,
                       bc_arena *arena,
                       bc_error *err);

/* ---- pdfa.c: PDF/A-3b (ISO 19005-3) ---- */

/* The document ID (PDF 14.4): a 128-bit hash (not a cryptographic one) of
 * what the document shows and carries. Same input, same ID. */
typedef struct bc_doc_id {
  uint64_t h[2];
} bc_doc_id;

void bc_pdf__id_init(bc_doc_id *id);
void bc_pdf__id_feed(bc_doc_id *id, const void *data, size_t len);
/* The 16 bytes of the ID. */
void bc_pdf__id_bytes(unsigned char out[16], const bc_doc_id *id);

/* The trailer's /ID: [<id> <id>] (the file has one version). */
int bc_pdf__write_id(HPDF_Doc doc, const unsigned char id[16], bc_error *err);

/*
 * The catalog's /Metadata (XMP, uncompressed, agreeing with the
 * information dictionary: title, author, subject, keywords, creator,
 * producer, dates; the document ID; PDF/A-3 level B) and /OutputIntents
 * (the sRGB profile, src/pdf/sRGB.icc). The Info entries must be set.
 */
int bc_pdf__write_pdfa(HPDF_Doc doc,
                       const bc_pdf_info *info,
                       const char *producer,
                       const unsigned char id[16],
                       bc_deflater *deflate_to,
                       bc_arena *arena,
                       bc_error *err);

#endif
