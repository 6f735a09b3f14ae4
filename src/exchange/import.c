/* exchange/import.c: bc_database_import_pdfs: the received PDFs of a folder read,
 * judged (signature, data, period) and handed to the database in one
 * transaction; a result line per file. */
#include "baocao/exchange.h"
#include "common/i18n.h"

#include "common/alloc.h"
#include "common/arena.h"
#include "common/error.h"
#include "data/data.h"
#include "exchange/received.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool ends_with_pdf(const char *name) {
  size_t n = strlen(name);
  return n > 4 && !strcasecmp(name + n - 4, ".pdf");
}

/* The files of the paths: each file as given, each directory's *.pdf in
 * name order. */
static int list_files(const char ***out,
                      size_t *count,
                      const bc_import_pdf_options *o,
                      bc_arena *arena,
                      bc_error *err) {
  const char **list = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < o->path_count; i++) {
    const char *p = o->paths[i];
    struct stat st;
    if (stat(p, &st) != 0)
      return bc_error_set(err, BC_EINPUT, "cannot open '%s': %s", p,
                          strerror(errno));
    if (!S_ISDIR(st.st_mode)) {
      if (!(list = bc_arena_grow(arena, list, n, &cap, sizeof *list)))
        return bc_error_oom(err);
      list[n++] = p;
      continue;
    }
    DIR *d = opendir(p);
    size_t first = n;
    struct dirent *e;
    if (!d)
      return bc_error_set(err, BC_EINPUT, "cannot open '%s': %s", p,
                          strerror(errno));
    while ((e = readdir(d))) {
      char *path;
      size_t len;
      if (e->d_name[0] == '.' || !ends_with_pdf(e->d_name))
        continue;
      len = strlen(p) + strlen(e->d_name) + 2;
      if (!(list = bc_arena_grow(arena, list, n, &cap, sizeof *list)) ||
          !(path = bc_arena_alloc(arena, len))) {
        closedir(d);
        return bc_error_oom(err);
      }
      snprintf(path, len, "%s/%s", p, e->d_name);
      list[n++] = path;
    }
    closedir(d);
    qsort(list + first, n - first, sizeof *list, cmp_str);
  }
  *out = list;
  *count = n;
  return 0;
}

/* Whether cert (the seal's) is one the table binds to the agency, as a
 * seal: by its SPKI fingerprint, or by issuer and subject. */
static bool bound(const bc_signature_report *cert,
                  const bc_agency_cert *list,
                  size_t n) {
  for (size_t i = 0; i < n; i++) {
    const bc_agency_cert *b = &list[i];
    if (strcmp(b->role, "seal"))
      continue;
    if (b->spki_sha256 ? !strcmp(b->spki_sha256, cert->spki_sha256)
                       : b->issuer && b->subject &&
                             !strcmp(b->issuer, cert->issuer) &&
                             !strcmp(b->subject, cert->subject))
      return true;
  }
  return false;
}

/* Why the signatures of p do not speak for its agency (design in
 * docs/signing.md, "Import"), in buf; false when they do. */
static int untrusted_reason(char *buf,
                            size_t size,
                            const bc_received_pdf *p,
                            const char *db_path,
                            bc_arena *arena,
                            bc_error *err) {
  const bc_signature_report *seal = NULL;
  bc_agency_cert *certs = NULL;
  size_t ncerts = 0;
  int rc;
  buf[0] = '\0';
  for (size_t i = 0; i < p->sig_count; i++) {
    const bc_signature_report *s = &p->sigs[i];
    if (!s->is_signed || s->removed)
      continue;
    if (s->chain != BC_CHAIN_TRUSTED) {
      snprintf(buf, size, "the signature %s is %s: %s", s->field,
               bc_chain_status_name(s->chain), s->chain_problem);
      return 0;
    }
    if (!strcmp(s->field, "ky_co_quan"))
      seal = s;
  }
  if (!seal) {
    snprintf(buf, size,
             "the agency's seal (ky_co_quan) is not signed; the signer's "
             "signature does not stand in for it");
    return 0;
  }
  if ((rc = bc_db_agency_certs_at(&certs, &ncerts, db_path,
                                  p->data.agency_code, arena, err)))
    return rc;
  if (!ncerts)
    snprintf(buf, size,
             "no certificate is bound to agency '%s' (table "
             "agency_certificate: baocao db import DB agency_certificates.csv)",
             p->data.agency_code);
  else if (!bound(seal, certs, ncerts))
    snprintf(buf, size,
             "the seal's certificate (%s, SPKI SHA-256 %s) is not bound to "
             "agency '%s'",
             seal->subject, seal->spki_sha256, p->data.agency_code);
  return 0;
}

/* The files judged, and the arena holding them and everything they
 * point to. */
struct bc_import_pdf_result {
  const bc_allocator *alloc;
  bc_arena arena;
  bc_import_pdf_file *files; /* in path order, directories expanded */
  size_t file_count;
  size_t imported, refused;
};

static void
refuse(bc_import_pdf_file *f, int code, const char *message, bc_arena *arena) {
  f->code = code;
  f->message = bc_arena_strdup(arena, message);
  if (!f->message)
    f->message = bc_tr("out of memory");
}

/* Judges every file into result (its arena), then hands the good ones to
 * the database. Returns with *judged true once every file was judged. */
static int import_pdfs(bc_import_pdf_result *result,
                       bool *judged,
                       const bc_import_pdf_options *o,
                       bc_error *err) {
  bc_arena *arena = &result->arena;
  const char **paths = NULL;
  size_t n = 0, accepted = 0;
  bc_received_pdf *pdfs;
  bc_received *items;
  size_t *item_file;
  bc_received_result *db_results;
  bc_trust *trust = NULL;
  const bc_trust_options no_trust = BC_TRUST_OPTIONS_INIT;
  int rc, first_code = 0;

  if ((rc = list_files(&paths, &n, o, arena, err)))
    return rc;
  result->files = bc_arena_calloc(arena, n + 1, sizeof *result->files);
  items = bc_arena_calloc(arena, n + 1, sizeof *items);
  pdfs = bc_arena_calloc(arena, n + 1, sizeof *pdfs);
  item_file = bc_arena_calloc(arena, n + 1, sizeof *item_file);
  db_results = bc_arena_calloc(arena, n + 1, sizeof *db_results);
  if (!result->files || !items || !pdfs || !item_file || !db_results)
    return bc_error_oom(err);
  result->file_count = n;
  if ((rc = bc_trust_load(&trust, o->trust ? o->trust : &no_trust, err)))
    return rc;

  for (size_t i = 0; i < n; i++) {
    bc_import_pdf_file *f = &result->files[i];
    bc_received_pdf *p = &pdfs[i];
    bc_error e;
    char msg[BC_ERROR_MESSAGE_SIZE];
    bc_error_clear(&e);
    f->path = paths[i];
    f->message = f->signer = f->agency = f->period = f->reason =
        f->untrusted = "";
    f->signature = bc_verdict_name(BC_VERDICT_UNSIGNED);
    rc = bc_received_read(p, paths[i], trust, arena, &e);
    if (rc == BC_ENOMEM) {
      bc_trust_free(trust);
      return bc_error_oom(err);
    }
    if (!rc && p->verdict == BC_VERDICT_SIGNED &&
        (rc = untrusted_reason(msg, sizeof msg, p, o->db_path, arena, err))) {
      bc_trust_free(trust);
      return rc;
    }
    if (!rc && p->verdict == BC_VERDICT_SIGNED && *msg &&
        !(f->untrusted = bc_arena_strdup(arena, msg))) {
      bc_trust_free(trust);
      return bc_error_oom(err);
    }
    if (rc) {
      refuse(f, rc, e.message, arena);
    } else {
      f->verdict = p->verdict;
      f->signature = bc_verdict_name(p->verdict);
      f->reason = p->reason;
      f->signer = p->signer;
      f->signatures = p->sigs;
      f->signature_count = p->sig_count;
      f->revisions = p->revisions;
      f->agency = p->data.agency_code;
      f->period = p->data.period_code;
      /* The policy: signed, with nothing changed after any signature;
       * unsigned only when asked; tampered never. */
      if (p->verdict == BC_VERDICT_INVALID) {
        snprintf(msg, sizeof msg,
                 "'%s' is refused: %s (a file whose signature does not check "
                 "out is never imported)",
                 paths[i], p->reason);
        refuse(f, BC_EVERIFY, msg, arena);
      } else if (p->verdict == BC_VERDICT_MODIFIED) {
        snprintf(msg, sizeof msg,
                 "'%s' is refused: %s (a file changed after it was signed is "
                 "never imported)",
                 paths[i], p->reason);
        refuse(f, BC_EVERIFY, msg, arena);
      } else if (p->verdict == BC_VERDICT_UNSIGNED && !o->accept_unsigned) {
        snprintf(msg, sizeof msg,
                 "'%s' is not signed (--accept-unsigned imports it anyway)",
                 paths[i]);
        refuse(f, BC_EVERIFY, msg, arena);
      } else if (*f->untrusted && !o->accept_untrusted) {
        snprintf(msg, sizeof msg,
                 "'%.200s' is refused: %.250s (--accept-untrusted imports it "
                 "anyway)",
                 paths[i], f->untrusted);
        refuse(f, BC_EUNTRUSTED, msg, arena);
      } else if (o->period && strcmp(o->period, p->data.period_code)) {
        snprintf(msg, sizeof msg, "'%s' holds data of period '%s', not '%s'",
                 paths[i], p->data.period_code, o->period);
        refuse(f, BC_EDATA, msg, arena);
      } else {
        if (p->verdict == BC_VERDICT_UNSIGNED)
          f->signature = bc_tr("not signed, imported because of --accept-unsigned");
        else if (*f->untrusted)
          f->signature = bc_tr("signed, imported because of --accept-untrusted");
        items[accepted] = p->data;
        item_file[accepted++] = i;
        continue;
      }
    }
    if (!first_code)
      first_code = f->code;
    result->refused++;
  }
  bc_trust_free(trust);
  *judged = true;
  if (result->refused && !o->keep_going)
    return bc_error_set(err, first_code,
                        "nothing was imported: %zu of %zu files refused "
                        "(--keep-going imports the others)",
                        result->refused, n);

  rc = bc_db_import_received(o->db_path, items, accepted, o->parent,
                             o->keep_going != 0, db_results, err);
  for (size_t k = 0; k < accepted; k++) {
    bc_import_pdf_file *f = &result->files[item_file[k]];
    if (db_results[k].code) {
      char msg[BC_ERROR_MESSAGE_SIZE];
      snprintf(msg, sizeof msg, "'%.200s': %.300s", f->path,
               db_results[k].message);
      refuse(f, db_results[k].code, msg, arena);
      result->refused++;
      if (!first_code)
        first_code = f->code;
    } else if (!rc) {
      f->inserted = db_results[k].inserted;
      f->unchanged = db_results[k].unchanged;
      result->imported++;
    }
  }
  if (rc == BC_EDATA && first_code)
    return bc_error_set(err, first_code,
                        "nothing was imported: %zu of %zu files refused "
                        "(--keep-going imports the others)",
                        result->refused, n);
  if (rc)
    result->imported = 0;
  return rc;
}

int bc_database_import_pdfs(bc_import_pdf_result **out,
                            const bc_import_pdf_options *o,
                            bc_error *err) {
  const bc_allocator *alloc;
  bc_import_pdf_result *result;
  bool judged = false;
  int rc;

  BC_ASSERT_ARG(err, out, "out is NULL");
  *out = NULL;
  BC_ASSERT_ARG(err, o, "options is NULL");
  BC_ASSERT_ARG(err, o->version == BC_IMPORT_PDF_OPTIONS_VERSION,
                "options->version is not BC_IMPORT_PDF_OPTIONS_VERSION");
  BC_ASSERT_ARG(err, o->db_path, "options->db_path is NULL");
  BC_ASSERT_ARG(err, o->paths || o->path_count == 0, "options->paths is NULL");
  BC_ASSERT_ARG(err,
                !o->trust || o->trust->version == BC_TRUST_OPTIONS_VERSION,
                "options->trust->version is not BC_TRUST_OPTIONS_VERSION");
  alloc = o->alloc ? o->alloc : bc_allocator_default();
  if (!(result = bc_calloc(alloc, 1, sizeof *result)))
    return bc_error_oom(err);
  result->alloc = alloc;
  bc_arena_init(&result->arena, alloc);
  rc = import_pdfs(result, &judged, o, err);
  if (judged)
    *out = result;
  else
    bc_import_pdf_result_free(result);
  return rc;
}

size_t bc_import_pdf_result_file_count(const bc_import_pdf_result *r) {
  return r->file_count;
}

const bc_import_pdf_file *
bc_import_pdf_result_file(const bc_import_pdf_result *r, size_t i) {
  return i < r->file_count ? &r->files[i] : NULL;
}

size_t bc_import_pdf_result_imported(const bc_import_pdf_result *r) {
  return r->imported;
}

size_t bc_import_pdf_result_refused(const bc_import_pdf_result *r) {
  return r->refused;
}

void bc_import_pdf_result_free(bc_import_pdf_result *r) {
  if (!r)
    return;
  bc_arena_release(&r->arena);
  bc_free(r->alloc, r);
}

void bc_import_pdf_options_init(bc_import_pdf_options *opts) {
  if (!opts)
    return;
  memset(opts, 0, sizeof *opts);
  opts->version = BC_IMPORT_PDF_OPTIONS_VERSION;
}
