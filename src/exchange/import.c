/* exchange/import.c: bc_import_pdfs: the received PDFs of a folder read,
 * judged (signature, data, period) and handed to the database in one
 * transaction; a result line per file. */
#include "baocao/exchange.h"

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

static void
refuse(bc_import_pdf_file *f, int code, const char *message, bc_arena *arena) {
  f->code = code;
  f->message = bc_arena_strdup(arena, message);
  if (!f->message)
    f->message = "out of memory";
}

int bc_import_pdfs(bc_import_pdf_result *result,
                   const bc_import_pdf_options *o,
                   bc_error *err) {
  bc_arena *arena;
  const char **paths = NULL;
  size_t n = 0, accepted = 0;
  bc_received_pdf *pdfs;
  bc_received *items;
  size_t *item_file;
  bc_received_result *db_results;
  int rc, first_code = 0;

  memset(result, 0, sizeof *result);
  if (o->version != BC_IMPORT_PDF_OPTIONS_VERSION)
    return bc_error_set(err, BC_ERROR, "unknown bc_import_pdf_options version");
  arena = bc_malloc(bc_allocator_default(), sizeof *arena);
  if (!arena)
    return bc_error_oom(err);
  bc_arena_init(arena, bc_allocator_default());
  result->priv = arena;
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

  for (size_t i = 0; i < n; i++) {
    bc_import_pdf_file *f = &result->files[i];
    bc_received_pdf *p = &pdfs[i];
    bc_error e;
    char msg[BC_ERROR_MESSAGE_SIZE];
    bc_error_clear(&e);
    f->path = paths[i];
    f->message = f->signer = f->agency = f->period = f->reason = "";
    f->signature = bc_verdict_name(BC_VERDICT_UNSIGNED);
    rc = bc_received_read(p, paths[i], arena, &e);
    if (rc == BC_ENOMEM)
      return bc_error_oom(err);
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
      } else if (o->period && strcmp(o->period, p->data.period_code)) {
        snprintf(msg, sizeof msg, "'%s' holds data of period '%s', not '%s'",
                 paths[i], p->data.period_code, o->period);
        refuse(f, BC_EDATA, msg, arena);
      } else {
        if (p->verdict == BC_VERDICT_UNSIGNED)
          f->signature = "not signed, imported because of --accept-unsigned";
        items[accepted] = p->data;
        item_file[accepted++] = i;
        continue;
      }
    }
    if (!first_code)
      first_code = f->code;
    result->refused++;
  }
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

void bc_import_pdf_result_free(bc_import_pdf_result *result) {
  bc_arena *arena = result ? result->priv : NULL;
  if (arena) {
    bc_arena_release(arena);
    bc_free(bc_allocator_default(), arena);
  }
  if (result)
    memset(result, 0, sizeof *result);
}
