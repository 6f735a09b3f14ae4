/* render/render.c: the public API: a worker context (fonts, shapers, compiled
 * templates, rasteriser) and one pipeline data -> model -> template ->
 * markup -> layout whose pages go to one of two outputs: bc_render writes
 * them as PDF, bc_preview draws one of them as PNG. bc_render also writes
 * the document tree as an editable draft (office/), without layout.
 * bc_check is check.c's. */
#include "baocao/baocao.h"

#include "common/alloc.h"
#include "common/arena.h"
#include "common/error.h"
#include "common/file.h"
#include "common/i18n.h"
#include "common/pool.h"
#include "common/sha256.h"
#include "common/utf8.h"
#include "data/data.h"
#include "layout/layout.h"
#include "markup/markup.h"
#include "office/office.h"
#include "pdf/pdf.h"
#include "raster/raster.h"
#include "render/render_int.h"
#include "template/template.h"
#include "text/text.h"

#include <assert.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* Compiled templates, kept for the context's lifetime. */
typedef struct template_entry {
  char *name;
  bc_template *tmpl;
  char sha256[65]; /* of its files, for the data each PDF carries */
  /* The input digest's hash once fed all but the report's data, for the
   * render flags and format of prefix_key (input_digest): the same for
   * every report, so fed once. */
  bc_sha256_ctx prefix;
  char prefix_key[6]; /* the flags and the format; "" until fed */
  struct template_entry *next;
} template_entry;

struct bc_context {
  const bc_allocator *alloc;
  char *template_dir;
  bc_fontset *fonts;
  /* One shaper per thread a render uses (threads of them), each keeping
   * its word cache across renders; the first serves everything but the
   * line breaking of the other threads. */
  bc_shaper *shapers[BC_POOL_MAX_THREADS];
  bc_frame frame;
  template_entry *templates;
  bc_raster *raster; /* opened by the first preview */
  bc_db *db;         /* the last database used, kept open */
  dev_t db_dev;      /* which file it is, to notice a replaced one */
  ino_t db_ino;
  unsigned char font_digest[BC_SHA256_SIZE]; /* of the four font files */
  bool font_digest_known;
  unsigned threads; /* opts->threads, 1 to BC_POOL_MAX_THREADS */
  bc_sink sink, sink_no_fsync; /* the default ones, told of temporaries */
  /* The chunks of a render's arenas, kept for the next render. */
  bc_arena_keep chunks;
};

/* The most a context keeps of its renders' arena chunks: a 17-page
 * report uses about 4 MB. */
#define KEPT_CHUNK_BYTES (32u << 20)

int bc_context_new(bc_context **out,
                   const bc_context_options *opts,
                   bc_error *err) {
  const bc_allocator *a;
  bc_context *ctx;
  int rc;

  BC_ASSERT_ARG(err, out, "out is NULL");
  BC_ASSERT_ARG(err, opts, "opts is NULL");
  BC_ASSERT_ARG(err, opts->version == BC_CONTEXT_OPTIONS_VERSION,
                "opts->version is not BC_CONTEXT_OPTIONS_VERSION");
  BC_ASSERT_ARG(err, opts->template_dir,
                "opts->template_dir is NULL: the directory of the report "
                "templates is required");
  a = opts->alloc ? opts->alloc : bc_allocator_default();
  ctx = bc_calloc(a, 1, sizeof *ctx);
  if (!ctx)
    return bc_error_oom(err);
  ctx->alloc = a;
  bc_arena_keep_init(&ctx->chunks, a, KEPT_CHUNK_BYTES);
  ctx->threads = bc_pool_threads(opts->threads);
  ctx->sink = *bc_sink_default();
  ctx->sink_no_fsync = *bc_sink_no_fsync();
  if (opts->temp_hook) {
    ctx->sink.on_temp = ctx->sink_no_fsync.on_temp = opts->temp_hook->on_temp;
    ctx->sink.temp_ud = ctx->sink_no_fsync.temp_ud = opts->temp_hook->ud;
  }
  bc_frame_default(&ctx->frame);
  ctx->template_dir =
      bc_strndup(a, opts->template_dir, strlen(opts->template_dir));
  if (!ctx->template_dir) {
    rc = bc_error_oom(err);
    goto fail;
  }
  /* Neither a directory nor a family: the system's Liberation Serif,
   * so that BC_CONTEXT_OPTIONS_INIT plus template_dir is enough. */
  if (opts->font_family || !opts->font_dir)
    rc = bc_fontset_open_family(
        &ctx->fonts,
        opts->font_family ? opts->font_family : BC_FONT_FAMILY_DEFAULT, a, err);
  else
    rc = bc_fontset_open(&ctx->fonts, opts->font_dir, NULL, a, err);
  for (unsigned k = 0; !rc && k < ctx->threads; k++)
    rc = bc_shaper_new(&ctx->shapers[k], ctx->fonts, a, err);
  if (rc)
    goto fail;
  bc_fontset_prepare_subsets(
      ctx->fonts, opts->prepare_fonts ? 1 : BC_CONTEXT_PREPARE_FONTS_AFTER);
  bc_markup_init();
  *out = ctx;
  return 0;
fail:
  bc_context_free(ctx);
  return rc;
}

int bc_font_family_find(char *path,
                        size_t size,
                        unsigned *revision,
                        const char *family,
                        bc_error *err) {
  bc_font_file f;
  unsigned lowest = 0;
  int rc;
  BC_ASSERT_ARG(err, family, "family is NULL");
  for (int s = 0; s < BC_STYLE_COUNT; s++) {
    if ((rc = bc_font_system_find(&f, family, (bc_style)s, err)))
      return rc;
    if (s == 0 && path && size &&
        snprintf(path, size, "%s", f.path) >= (int)size)
      return bc_error_set(err, BC_EFONT, "font path too long");
    if (s == 0 || f.revision < lowest)
      lowest = f.revision;
  }
  if (revision)
    *revision = lowest;
  return 0;
}

void bc_font_family_release(void) {
  bc_font_system_release();
}

void bc_context_free(bc_context *ctx) {
  if (!ctx)
    return;
  for (template_entry *t = ctx->templates; t;) {
    template_entry *next = t->next;
    bc_template_free(t->tmpl);
    bc_free(ctx->alloc, t->name);
    bc_free(ctx->alloc, t);
    t = next;
  }
  bc_raster_free(ctx->raster);
  bc_db_close(ctx->db);
  for (unsigned k = 0; k < BC_POOL_MAX_THREADS; k++)
    bc_shaper_free(ctx->shapers[k]);
  bc_fontset_close(ctx->fonts);
  bc_free(ctx->alloc, ctx->template_dir);
  bc_arena_keep_free(&ctx->chunks);
  bc_free(ctx->alloc, ctx);
}

static int
template_digest(char hex[65], const bc_template *tmpl, bc_error *err);

int bc_context__template(const bc_template **out,
                         bc_context *ctx,
                         const char *name,
                         bc_error *err) {
  template_entry *e;
  int rc;
  for (e = ctx->templates; e; e = e->next)
    if (strcmp(e->name, name) == 0) {
      *out = e->tmpl;
      return 0;
    }
  e = bc_calloc(ctx->alloc, 1, sizeof *e);
  if (!e)
    return bc_error_oom(err);
  e->name = bc_strndup(ctx->alloc, name, strlen(name));
  if (!e->name) {
    bc_free(ctx->alloc, e);
    return bc_error_oom(err);
  }
  rc = bc_template_compile(&e->tmpl, ctx->template_dir, name, ctx->alloc, err);
  if (!rc && (rc = template_digest(e->sha256, e->tmpl, err)))
    bc_template_free(e->tmpl);
  if (rc) {
    bc_free(ctx->alloc, e->name);
    bc_free(ctx->alloc, e);
    return rc;
  }
  e->next = ctx->templates;
  ctx->templates = e;
  *out = e->tmpl;
  return 0;
}

/* 0, the default, is now (or SOURCE_DATE_EPOCH); so is -1, which version
 * 1's callers were told to pass. */
static time_t creation_time(long long requested) {
  const char *env;
  if (requested > 0)
    return (time_t)requested;
  env = getenv("SOURCE_DATE_EPOCH");
  if (env && *env) {
    char *end;
    long long v = strtoll(env, &end, 10);
    if (!*end && v >= 0)
      return (time_t)v;
  }
  return time(NULL);
}

/* Which report: what both outputs ask the pipeline for. */
typedef struct report_job {
  const char *db_path;
  const char *agency;
  const char *period;
  const char *template_name;
  bool first_fit;
  bool blank_number_date;
  bc_pdf_standard pdf_standard;
  bool no_expansion;
  int tones; /* bc_tones */
  int format; /* bc_format */
} report_job;

int bc_context__db(bc_db **out,
                   bc_context *ctx,
                   const char *path,
                   bc_error *err) {
  struct stat st;
  bool have_stat = stat(path, &st) == 0;
  int rc;
  if (ctx->db && strcmp(bc_db_path(ctx->db), path) == 0 && have_stat &&
      st.st_dev == ctx->db_dev && st.st_ino == ctx->db_ino) {
    *out = ctx->db;
    return 0;
  }
  bc_db_close(ctx->db);
  ctx->db = NULL;
  if ((rc = bc_db_open(&ctx->db, path, err)))
    return rc;
  ctx->db_dev = have_stat ? st.st_dev : 0;
  ctx->db_ino = have_stat ? st.st_ino : 0;
  *out = ctx->db;
  return 0;
}

int bc_render__document(bc_doc *doc,
                        const bc_report_model *model,
                        const bc_expansion *exp,
                        bc_arena *arena,
                        bc_error *err) {
  const char *md = NULL;
  size_t md_len = 0;
  int rc;
  /* One normalisation for everything the body shows: templates and
   * narratives may have been typed in decomposed form. */
  if ((rc = bc_utf8_nfc(&md, &md_len, exp->markdown, exp->markdown_len, arena,
                        err)))
    return rc;
  return bc_doc_build(doc, model, exp, md, md_len, arena, err);
}

/* The first half of the pipeline: the report's data and its template. */
static int load_report(bc_report_model *model,
                       const bc_template **tmpl,
                       bc_context *ctx,
                       const report_job *job,
                       bc_arena *arena,
                       bc_error *err) {
  bc_db *db;
  int rc;
  if ((rc = bc_context__db(&db, ctx, job->db_path, err)) ||
      (rc = bc_db_load_report(model, db, job->agency, job->period,
                              job->template_name, arena, err)))
    return rc;
  if (!model->signer.full_name) {
    /* data loads it (so that bc_check can list it); a report needs one. */
    rc = bc_error_set(err, BC_EDATA, "the report has no signer");
    bc_error_locate(err, bc_db_path(db), 0, 0);
    return rc;
  }
  if (job->blank_number_date) {
    /* The văn thư's part: number and date come at issue (the year stays). */
    model->number = 0;
    model->issued_on.month = model->issued_on.day = 0;
  }
  return bc_context__template(tmpl, ctx, model->template_name, err);
}

/* The tone style a report prints in: the caller's, else its template's
 * `kieu_dau`, else as typed. */
static bc_tone_style tone_style(int tones, const bc_expansion *exp) {
  const char *kieu_dau = bc_expansion_meta(exp, "kieu_dau");
  switch (tones) {
  case BC_TONES_NEW:
    return BC_TONE_NEW;
  case BC_TONES_OLD:
    return BC_TONE_OLD;
  case BC_TONES_AS_TYPED:
    return BC_TONE_KEEP;
  default:
    if (kieu_dau && !strcmp(kieu_dau, "moi"))
      return BC_TONE_NEW;
    if (kieu_dau && !strcmp(kieu_dau, "cu"))
      return BC_TONE_OLD;
    return BC_TONE_KEEP;
  }
}

/* The second half, shared by both outputs: template -> markup -> layout.
 * The document and the pages come from arena. */
static int lay_out(bc_pages *pages,
                   bc_doc *doc,
                   bc_context *ctx,
                   const report_job *job,
                   const bc_report_model *model,
                   const bc_template *tmpl,
                   bc_arena *arena,
                   bc_error *err) {
  bc_expansion exp;
  bc_frame frame = ctx->frame;
  int rc;

  frame.first_fit = job->first_fit;
  if (job->no_expansion)
    frame.expansion = frame.tracking = 0;
  if ((rc = bc_template_expand(&exp, tmpl, model, arena, err)) ||
      (rc = bc_render__document(doc, model, &exp, arena, err)) ||
      (rc = bc_doc_tones(doc, tone_style(job->tones, &exp), arena, err)) ||
      (rc = bc_layout_document_threads(pages, doc, &frame, ctx->fonts,
                                       ctx->shapers, ctx->threads, arena,
                                       err)))
    return rc;
  return 0;
}

static int build_pages(bc_pages *pages,
                       bc_doc *doc,
                       bc_context *ctx,
                       const report_job *job,
                       bc_arena *arena,
                       bc_error *err) {
  bc_report_model model;
  const bc_template *tmpl = NULL;
  int rc;
  if ((rc = load_report(&model, &tmpl, ctx, job, arena, err)))
    return rc;
  return lay_out(pages, doc, ctx, job, &model, tmpl, arena, err);
}

static void put_hash(void *ud, const void *data, size_t len) {
  bc_sha256_update(ud, data, len);
}

/* A template file into the hash: its name, a NUL, its length (8 bytes,
 * host order) and its text. */
static void
put_source(void *ud, const char *name, const char *source, size_t len) {
  uint64_t n = len;
  bc_sha256_update(ud, name, strlen(name));
  bc_sha256_update(ud, "", 1);
  bc_sha256_update(ud, &n, sizeof n);
  bc_sha256_update(ud, source, len);
}

/* The digest of what was fed to h since init, in hex; h freed. */
static int hash_hex(char hex[65], bc_sha256_ctx *h, bc_error *err) {
  unsigned char digest[BC_SHA256_SIZE];
  int rc = bc_sha256_final(h, digest, err);
  bc_sha256_free(h);
  if (!rc)
    bc_sha256_hex(hex, digest);
  return rc;
}

/*
 * The digest of everything the PDF is made from but its creation date:
 * baocao's version, the fonts, the options that change the layout, the
 * template's files and the report's data. Equal digests, equal PDFs. Fed
 * to the hash piece by piece, as they are, with nothing gathered; the
 * part before the data is fed once per template and flags and kept.
 */
static int input_digest(char hex[65],
                        bc_context *ctx,
                        const report_job *job,
                        const bc_report_model *model,
                        const bc_template *tmpl,
                        bc_error *err) {
  static const char version[] = "baocao " BC_VERSION " input 1";
  unsigned char digest[BC_SHA256_SIZE];
  char flags[6];
  template_entry *entry;
  bc_sha256_ctx h;
  int rc;
  if ((rc = bc_sha256_init(&h, err)))
    return rc;
  if (!ctx->font_digest_known) {
    /* the digest of the four files' digests */
    for (int s = 0; s < BC_STYLE_COUNT; s++) {
      size_t len;
      const unsigned char *data = bc_fontset_bytes(ctx->fonts, s, &len);
      bc_sha256(digest, data, len);
      bc_sha256_update(&h, digest, sizeof digest);
    }
    if ((rc = bc_sha256_final(&h, ctx->font_digest, err))) {
      bc_sha256_free(&h);
      return rc;
    }
    ctx->font_digest_known = true;
  }
  flags[0] = job->first_fit ? 'F' : 'T';
  flags[1] = job->blank_number_date ? 'B' : 'N';
  flags[2] = job->pdf_standard == BC_PDF_STANDARD_NONE ? 'P' : 'A';
  flags[3] = job->no_expansion ? 'X' : 'E';
  flags[4] = (char)('0' + job->tones);
  flags[5] = (char)('0' + job->format);
  for (entry = ctx->templates; entry && entry->tmpl != tmpl;)
    entry = entry->next;
  if (entry && !memcmp(entry->prefix_key, flags, sizeof flags)) {
    h = entry->prefix; /* a copy: the state is plain bytes */
  } else {
    bc_sha256_update(&h, version, sizeof version - 1);
    bc_sha256_update(&h, ctx->font_digest, sizeof ctx->font_digest);
    bc_sha256_update(&h, flags, 5);
    if (job->format != BC_FORMAT_PDF) { /* a PDF's digest is as it was */
      const char *format = bc_format_name((bc_format)job->format);
      bc_sha256_update(&h, format, strlen(format));
    }
    bc_template_sources(tmpl, put_source, &h);
    if (entry) {
      entry->prefix = h;
      memcpy(entry->prefix_key, flags, sizeof flags);
    }
  }
  bc_model_feed(model, put_hash, &h);
  return hash_hex(hex, &h, err);
}

/* SHA-256 of the template set: every file's name and text (main, partials,
 * phụ lục), as put_source frames them. */
static int
template_digest(char hex[65], const bc_template *tmpl, bc_error *err) {
  bc_sha256_ctx h;
  int rc;
  if ((rc = bc_sha256_init(&h, err)))
    return rc;
  bc_template_sources(tmpl, put_source, &h);
  return hash_hex(hex, &h, err);
}

/* The SHA-256 of a template the context compiled, kept with it. */
static const char *template_sha256(const bc_context *ctx,
                                   const bc_template *tmpl) {
  for (const template_entry *e = ctx->templates; e; e = e->next)
    if (e->tmpl == tmpl)
      return e->sha256;
  return NULL;
}

/* The report's data (docs/data-exchange.md), baocao-data.json, in memory
 * from arena: the PDF attaches it, a draft carries it in its package. */
static int report_data(const unsigned char **out,
                       size_t *len_out,
                       const bc_report_model *model,
                       const char *template_sha256,
                       bc_arena *arena,
                       bc_error *err) {
  bc_buf b;
  unsigned char *copy;
  int rc;
  bc_buf_init(&b, arena->alloc);
  bc_model_json(&b, model, template_sha256);
  if (!(rc = bc_buf_check(&b, err))) {
    if (!(copy = bc_arena_alloc(arena, b.len)))
      rc = bc_error_oom(err);
    else {
      memcpy(copy, b.data, b.len);
      *out = copy;
      *len_out = b.len;
    }
  }
  bc_buf_free(&b);
  return rc;
}

/* UTF-16 code units of a PDF text string, byte order mark aside: what
 * libharu's 65,535-byte limit allows. */
#define PDF_TEXT_MAX 32766

static size_t utf16_units(const char *s) {
  size_t n = 0;
  for (; s && *s; s++) {
    unsigned char c = (unsigned char)*s;
    n += (c & 0xC0) != 0x80;  /* a code point */
    n += c >= 0xF0;           /* beyond the BMP: a surrogate pair */
  }
  return n;
}

static int attach_data(bc_pdf_info *info,
                       const bc_report_model *model,
                       const char *template_sha256,
                       bc_arena *arena,
                       bc_error *err) {
  info->attachment_name = BC_DATA_FILE_NAME;
  info->attachment_mime = "application/json";
  info->attachment_description = "Số liệu của báo cáo (baocao-data 1)";
  return report_data(&info->attachment, &info->attachment_len, model,
                     template_sha256, arena, err);
}

/* What a draft is written from: the report's data, its template and the
 * date it carries. */
typedef struct draft_source {
  const bc_report_model *model;
  const bc_template *tmpl;
  time_t created;
} draft_source;

/* The report as an editable draft: the document tree, not the pages. */
static int draft_bytes(const unsigned char **out,
                       size_t *len_out,
                       bc_context *ctx,
                       const report_job *job,
                       const draft_source *src,
                       bc_arena *arena,
                       bc_error *err) {
  const bc_report_model *model = src->model;
  const bc_template *tmpl = src->tmpl;
  const bc_office_setting set = {&ctx->frame, ctx->fonts, ctx->shapers[0]};
  bc_expansion exp;
  bc_doc doc;
  bc_office_info info;
  int rc;
  memset(&info, 0, sizeof info);
  if ((rc = bc_template_expand(&exp, tmpl, model, arena, err)) ||
      (rc = bc_render__document(&doc, model, &exp, arena, err)) ||
      (rc = bc_doc_tones(&doc, tone_style(job->tones, &exp), arena, err)) ||
      (rc = report_data(&info.data, &info.data_len, model,
                        template_sha256(ctx, tmpl), arena, err)))
    return rc;
  info.title = doc.title;
  info.author = doc.author;
  info.subject = doc.subject;
  info.generator = "baocao " BC_VERSION;
  info.created = src->created;
  return bc_office_write(out, len_out,
                         job->format == BC_FORMAT_ODT ? BC_OFFICE_ODT
                                                      : BC_OFFICE_DOCX,
                         &doc, &set, &info, arena, err);
}

static const char *const format_names[] = {"pdf", "docx", "odt"};

const char *bc_format_name(bc_format format) {
  return (unsigned)format < 3 ? format_names[format] : "?";
}

int bc_format_from_name(const char *name) {
  for (int i = 0; i < 3; i++)
    if (name && !strcmp(name, format_names[i]))
      return i;
  return -1;
}

int bc_format_from_path(const char *path) {
  const char *dot = path ? strrchr(path, '.') : NULL;
  if (!dot || strchr(dot, '/'))
    return -1;
  for (int i = 0; i < 3; i++)
    if (!strcasecmp(dot + 1, format_names[i]))
      return i;
  return -1;
}

void bc_render__context(bc_error *err,
                        int rc,
                        const char *agency,
                        const char *period) {
  if (rc == BC_EDATA || rc == BC_ELAYOUT || rc == BC_ERROR)
    bc_error_context(err, agency, period);
}

/* The report bc_render_options ask for. */
static report_job render_job(const bc_render_options *opts) {
  return (report_job){opts->db_path,
                      opts->agency,
                      opts->period,
                      opts->template_name,
                      opts->first_fit != 0,
                      opts->blank_number_date != 0,
                      opts->pdf_standard,
                      opts->no_expansion != 0,
                      opts->tones,
                      opts->format};
}

int bc_render(bc_render_result *result,
              bc_context *ctx,
              const bc_render_options *opts,
              bc_error *err) {
  report_job job;
  bc_arena arena;
  bc_report_model model;
  const bc_template *tmpl = NULL;
  char input_hex[65] = "";
  bc_doc doc;
  bc_pages pages;
  bc_pdf_info info;
  const unsigned char *pdf = NULL;
  size_t pdf_len = 0;
  unsigned char digest[32];
  int rc;

  BC_ASSERT_ARG(err, ctx, "ctx is NULL");
  BC_ASSERT_ARG(err, opts, "opts is NULL");
  BC_ASSERT_ARG(err, opts->version == BC_RENDER_OPTIONS_VERSION,
                "opts->version is not BC_RENDER_OPTIONS_VERSION");
  BC_ASSERT_ARG(err, opts->db_path, "opts->db_path is NULL");
  BC_ASSERT_ARG(err, opts->agency, "opts->agency is NULL");
  BC_ASSERT_ARG(err, opts->period, "opts->period is NULL");
  job = render_job(opts);
  if (opts->pdf_standard != BC_PDF_STANDARD_A3B &&
      opts->pdf_standard != BC_PDF_STANDARD_NONE)
    return bc_error_set(err, BC_ERROR, "unknown PDF standard %d",
                        (int)opts->pdf_standard);
  if (opts->tones < BC_TONES_TEMPLATE || opts->tones > BC_TONES_AS_TYPED)
    return bc_error_set(err, BC_ERROR, "unknown tone style %d", opts->tones);
  if (opts->format < BC_FORMAT_PDF || opts->format > BC_FORMAT_ODT)
    return bc_error_set(err, BC_ERROR, "unknown output format %d",
                        opts->format);
  if (result)
    memset(result, 0, sizeof *result);
  /* A device, FIFO or link as the output fails before any work. */
  if (opts->output_path && (rc = bc_file_check_output(opts->output_path, err)))
    return rc;
  bc_arena_init_kept(&arena, &ctx->chunks);
  if ((rc = load_report(&model, &tmpl, ctx, &job, &arena, err)) ||
      ((opts->input_digest || opts->unless_input) &&
       (rc = input_digest(input_hex, ctx, &job, &model, tmpl, err))))
    goto cleanup;
  if (result)
    memcpy(result->input_sha256, input_hex, sizeof input_hex);
  if (opts->unless_input && !strcmp(opts->unless_input, input_hex)) {
    if (result)
      result->unchanged = 1;
    goto cleanup;
  }
  /* The bytes: an editable draft from the document tree, or the PDF of
   * the laid-out pages. */
  memset(&pages, 0, sizeof pages);
  if (job.format != BC_FORMAT_PDF) {
    const draft_source src = {&model, tmpl, creation_time(opts->created)};
    if ((rc = draft_bytes(&pdf, &pdf_len, ctx, &job, &src, &arena, err)))
      goto cleanup;
  } else {
    if ((rc = lay_out(&pages, &doc, ctx, &job, &model, tmpl, &arena, err)))
      goto cleanup;
    /* libharu holds a string of at most 65,535 bytes: the title in UTF-16
     * must fit (a name is checked at load, far shorter). */
    if (utf16_units(doc.title) > PDF_TEXT_MAX) {
      rc = bc_error_set(err, BC_EDATA,
                        "the subject line (trich_yeu) is %zu characters long, "
                        "more than the %d a PDF's title holds",
                        utf16_units(doc.title), PDF_TEXT_MAX);
      goto cleanup;
    }
    memset(&info, 0, sizeof info);
    info.title = doc.title;
    info.author = doc.author;
    info.subject = doc.subject;
    info.created = creation_time(opts->created);
    info.compress = true;
    info.threads = ctx->threads;
    info.plain = opts->pdf_standard == BC_PDF_STANDARD_NONE;
    if ((rc = attach_data(&info, &model, template_sha256(ctx, tmpl), &arena,
                          err)) ||
        (rc = bc_pdf_write(&pdf, &pdf_len, &pages, ctx->fonts, &info, &arena,
                           err)))
      goto cleanup;
  }
  if (opts->output_fd && !opts->output_path
          ? (rc = bc_file_write_fd(opts->output_fd, bc_tr("standard output"), pdf,
                                   pdf_len, NULL, err))
          : (rc = bc_file_write_atomic(
                 opts->output_path, pdf, pdf_len,
                 bc_context__sink(ctx, opts->no_fsync != 0), err)))
    goto cleanup;
  if (result) {
    if (!opts->no_sha256) {
      bc_sha256(digest, pdf, pdf_len);
      bc_sha256_hex(result->sha256, digest);
    }
    result->pages = pages.count;
    result->bytes = pdf_len;
    result->lines = pages.stats.lines;
    result->overfull = pages.stats.overfull;
    result->loose = pages.stats.loose;
    result->tight = pages.stats.tight;
    result->widows = pages.stats.widows;
    result->orphans = pages.stats.orphans;
    result->very_loose = pages.stats.very_loose;
    result->space_p95 = pages.stats.space_p95;
    result->expansion_max = pages.stats.expansion_max;
  }
cleanup:
  bc_render__context(err, rc, job.agency, job.period);
  bc_arena_release(&arena);
  return rc;
}

/* What bc_preview hands back (baocao/render.h). */
struct bc_preview_result {
  const bc_allocator *alloc; /* the context's: r, pixels and png */
  size_t pages;
  size_t bytes; /* the PNG written, 0 if none */
  unsigned width, height;
  double dpi;
  unsigned char *pixels; /* with keep_pixels, else NULL */
  unsigned char *png;    /* with keep_png, png_len bytes, else NULL */
  size_t png_len;
};

int bc_preview(bc_preview_result **out,
               bc_context *ctx,
               const bc_preview_options *opts,
               bc_error *err) {
  report_job job;
  bc_arena arena;
  bc_doc doc;
  bc_pages pages;
  bc_image img;
  const bc_page *page;
  const unsigned char *png = NULL;
  size_t png_len = 0;
  bc_preview_result *r = NULL;
  bool to_fd;
  double dpi;
  int rc;

  BC_ASSERT_ARG(err, out, "out is NULL");
  BC_ASSERT_ARG(err, ctx, "ctx is NULL");
  BC_ASSERT_ARG(err, opts, "opts is NULL");
  BC_ASSERT_ARG(err, opts->version == BC_PREVIEW_OPTIONS_VERSION,
                "opts->version is not BC_PREVIEW_OPTIONS_VERSION");
  BC_ASSERT_ARG(err, opts->db_path, "opts->db_path is NULL");
  BC_ASSERT_ARG(err, opts->agency, "opts->agency is NULL");
  BC_ASSERT_ARG(err, opts->period, "opts->period is NULL");
  job = (report_job){opts->db_path,       opts->agency, opts->period,
                     opts->template_name, false,        false,
                     BC_PDF_STANDARD_A3B, false,        opts->tones,
                     BC_FORMAT_PDF};
  to_fd = opts->output_fd && !opts->output_path;
  if (opts->tones < BC_TONES_TEMPLATE || opts->tones > BC_TONES_AS_TYPED)
    return bc_error_set(err, BC_ERROR, "unknown tone style %d", opts->tones);
  if (opts->output_path && (rc = bc_file_check_output(opts->output_path, err)))
    return rc;
  bc_arena_init_kept(&arena, &ctx->chunks);
  if ((rc = build_pages(&pages, &doc, ctx, &job, &arena, err)))
    goto cleanup;
  if (opts->page > pages.count) {
    rc = bc_error_set(err, BC_ENOTFOUND,
                      "page %zu is out of range: the report has %zu pages",
                      opts->page, pages.count);
    bc_error_context(err, job.agency, job.period);
    goto cleanup;
  }
  /* 0, the default, is the first page. */
  page = &pages.pages[opts->page ? opts->page - 1 : 0];
  dpi = opts->width_px  ? opts->width_px * 72.0 / page->width_pt
        : opts->dpi > 0 ? opts->dpi
                        : 100;
  if (!ctx->raster &&
      (rc = bc_raster_new(&ctx->raster, ctx->fonts, ctx->alloc, err)))
    goto cleanup;
  if ((rc = bc_raster_page(&img, ctx->raster, page, dpi, &arena, err)))
    goto cleanup;
  /* Everything that can fail before the file: a preview that fails
   * writes nothing. */
  if (!(r = bc_calloc(ctx->alloc, 1, sizeof *r))) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  r->alloc = ctx->alloc;
  if (opts->keep_pixels) {
    /* The image is bc_raster_page's: one byte per pixel, no padding. */
    assert(img.format == BC_PIXEL_GRAY && img.stride == img.width);
    r->pixels = bc_malloc(ctx->alloc, (size_t)img.width * img.height);
    if (!r->pixels) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
    memcpy(r->pixels, img.pixels, (size_t)img.width * img.height);
  }
  if ((opts->output_path || to_fd || opts->keep_png) &&
      (rc = bc_png_write(&png, &png_len, &img, &arena, err)))
    goto cleanup;
  if (opts->keep_png) {
    if (!(r->png = bc_malloc(ctx->alloc, png_len ? png_len : 1))) {
      rc = bc_error_oom(err);
      goto cleanup;
    }
    memcpy(r->png, png, png_len);
    r->png_len = png_len;
  }
  if (opts->output_path &&
      (rc = bc_file_write_atomic(opts->output_path, png, png_len,
                                 bc_context__sink(ctx, false), err)))
    goto cleanup;
  if (to_fd && (rc = bc_file_write_fd(opts->output_fd, bc_tr("standard output"), png,
                                      png_len, NULL, err)))
    goto cleanup;
  r->pages = pages.count;
  r->bytes = opts->output_path || to_fd ? png_len : 0;
  r->width = img.width;
  r->height = img.height;
  r->dpi = dpi;
  *out = r;
  r = NULL;
cleanup:
  bc_preview_result_free(r);
  bc_render__context(err, rc, job.agency, job.period);
  bc_arena_release(&arena);
  return rc;
}

/* Test-only (tests/golden): the pages bc_render would write as PDF for
 * opts, as bc_pages_dump prints them, appended to out. */
int bc_render__pages_dump(bc_buf *out,
                          bc_context *ctx,
                          const bc_render_options *opts,
                          bc_error *err) {
  report_job job = render_job(opts);
  bc_arena arena;
  bc_doc doc;
  bc_pages pages;
  int rc;
  job.format = BC_FORMAT_PDF;
  bc_arena_init_kept(&arena, &ctx->chunks);
  if (!(rc = build_pages(&pages, &doc, ctx, &job, &arena, err))) {
    bc_pages_dump(out, &pages);
    rc = bc_buf_check(out, err);
  }
  bc_render__context(err, rc, job.agency, job.period);
  bc_arena_release(&arena);
  return rc;
}

size_t bc_preview_result_pages(const bc_preview_result *r) {
  return r->pages;
}

size_t bc_preview_result_bytes(const bc_preview_result *r) {
  return r->bytes;
}

unsigned bc_preview_result_width(const bc_preview_result *r) {
  return r->width;
}

unsigned bc_preview_result_height(const bc_preview_result *r) {
  return r->height;
}

double bc_preview_result_dpi(const bc_preview_result *r) {
  return r->dpi;
}

const unsigned char *bc_preview_result_pixels(const bc_preview_result *r) {
  return r->pixels;
}

const unsigned char *bc_preview_result_png(const bc_preview_result *r) {
  return r->png;
}

size_t bc_preview_result_png_len(const bc_preview_result *r) {
  return r->png_len;
}

void bc_preview_result_free(bc_preview_result *r) {
  if (!r)
    return;
  bc_free(r->alloc, r->pixels);
  bc_free(r->alloc, r->png);
  bc_free(r->alloc, r);
}

const bc_allocator *bc_context__alloc(const bc_context *ctx) {
  return ctx->alloc;
}

const bc_sink *bc_context__sink(const bc_context *ctx, bool no_fsync) {
  return no_fsync ? &ctx->sink_no_fsync : &ctx->sink;
}

const bc_fontset *bc_context__fonts(const bc_context *ctx) {
  return ctx->fonts;
}

bc_shaper *bc_context__shaper(bc_context *ctx) {
  return ctx->shapers[0];
}

void bc_context_options_init(bc_context_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_CONTEXT_OPTIONS_VERSION;
}

void bc_render_options_init(bc_render_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_RENDER_OPTIONS_VERSION;
}

void bc_preview_options_init(bc_preview_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_PREVIEW_OPTIONS_VERSION;
}
