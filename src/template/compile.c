/* template/compile.c: templates from files or strings: units read and
 * compiled (partials and appendices once each), the template's lifetime. */
#include "template/template_int.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "common/alloc.h"
#include "common/error.h"
#include "common/file.h"

/* Partial and template names: a-z 0-9 _ - /, no leading, trailing or
 * doubled '/', so ".." and absolute paths cannot occur. */
bool bc_template__valid_name(const char *s, size_t len) {
  if (!len || s[0] == '/' || s[len - 1] == '/')
    return false;
  for (size_t i = 0; i < len; i++) {
    char c = s[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
          c == '-' || c == '/'))
      return false;
    if (c == '/' && s[i + 1] == '/')
      return false;
  }
  return true;
}

static int compile_unit(bc_tcompiler *cc,
                        bc_tunit *unit,
                        const char *src,
                        size_t len,
                        int depth,
                        bool front_matter) {
  bc_tparser p;
  int rc;
  bc_template__parser_init(&p, &cc->t->arena, unit->label, src, len, cc->err);
  p.cc = cc;
  p.unit = unit;
  p.mode = BC_TPARSE_BODY;
  p.depth = depth;
  rc = bc_template__parse_source(&p, src, len, BC_ESYNTAX, front_matter);
  if (!rc)
    unit->first = p.first;
  return rc;
}

/* A new unit for root_dir/name.md, read and compiled; an appendix has
 * front matter of its own. */
int bc_template__compile_file(bc_tcompiler *cc,
                              bc_tunit **out,
                              const char *name,
                              size_t len,
                              int depth,
                              bool appendix) {
  bc_template *t = cc->t;
  size_t root_len = strlen(cc->root_dir);
  char *path = NULL, *data = NULL, *src;
  size_t n = 0;
  bc_tunit *unit;
  int rc = 0;

  while (root_len > 1 && cc->root_dir[root_len - 1] == '/')
    root_len--;
  unit = bc_arena_calloc(&t->arena, 1, sizeof *unit);
  path = bc_arena_alloc(&t->arena, root_len + len + 5);
  if (!unit || !path)
    return bc_error_oom(cc->err);
  memcpy(path, cc->root_dir, root_len);
  path[root_len] = '/';
  memcpy(path + root_len + 1, name, len);
  memcpy(path + root_len + 1 + len, ".md", 4);
  unit->name = bc_arena_strndup(&t->arena, name, len);
  if (!unit->name)
    return bc_error_oom(cc->err);
  unit->label = path;
  unit->appendix = appendix;
  unit->next = t->units;
  t->units = unit;

  rc = bc_file_read(&data, &n, path, BC_TEMPLATE_MAX_FILE, BC_EINPUT, t->alloc,
                    cc->err);
  if (rc)
    goto cleanup;
  src = bc_arena_strndup(&t->arena, data, n);
  if (!src) {
    rc = bc_error_oom(cc->err);
    goto cleanup;
  }
  unit->source = src;
  unit->source_len = n;
  unit->compiling = true;
  rc = compile_unit(cc, unit, src, n, depth, depth == 0 || appendix);
  unit->compiling = false;
  if (!rc)
    *out = unit;
cleanup:
  bc_free(t->alloc, data);
  return rc;
}

static int
template_new(bc_template **out, const bc_allocator *alloc, bc_error *err) {
  bc_template *t = bc_calloc(alloc, 1, sizeof *t);
  if (!t)
    return bc_error_oom(err);
  t->alloc = alloc;
  bc_arena_init(&t->arena, alloc);
  *out = t;
  return 0;
}

int bc_template_compile(bc_template **out,
                        const char *root_dir,
                        const char *name,
                        const bc_allocator *alloc,
                        bc_error *err) {
  bc_template *t = NULL;
  bc_tcompiler cc;
  bc_tunit *unit = NULL;
  int rc;

  assert(out && root_dir && name);
  if (!alloc)
    alloc = bc_allocator_default();
  if (!bc_template__valid_name(name, strlen(name)))
    return bc_error_set(err, BC_EINPUT, "invalid template name '%s'", name);
  if ((rc = template_new(&t, alloc, err)))
    return rc;
  cc.t = t;
  cc.root_dir = root_dir;
  cc.err = err;
  if ((rc =
           bc_template__compile_file(&cc, &unit, name, strlen(name), 0, false)))
    goto cleanup;
  t->main = unit;
  *out = t;
  t = NULL;
cleanup:
  bc_template_free(t);
  return rc;
}

int bc_template_compile_string(bc_template **out,
                               const char *source,
                               size_t len,
                               const char *file_label,
                               const char *root_dir,
                               const bc_allocator *alloc,
                               bc_error *err) {
  bc_template *t = NULL;
  bc_tcompiler cc;
  bc_tunit *unit;
  char *src;
  int rc;

  assert(out && (source || !len));
  if (!alloc)
    alloc = bc_allocator_default();
  if ((rc = template_new(&t, alloc, err)))
    return rc;
  unit = bc_arena_calloc(&t->arena, 1, sizeof *unit);
  src = bc_arena_strndup(&t->arena, len ? source : "", len);
  if (unit)
    unit->label = bc_arena_strdup(&t->arena, file_label ? file_label : "");
  if (!unit || !src || !unit->label) {
    rc = bc_error_oom(err);
    goto cleanup;
  }
  unit->source = src;
  unit->source_len = len;
  unit->next = t->units;
  t->units = unit;
  cc.t = t;
  cc.root_dir = root_dir;
  cc.err = err;
  unit->compiling = true;
  rc = compile_unit(&cc, unit, src, len, 0, true);
  unit->compiling = false;
  if (rc)
    goto cleanup;
  t->main = unit;
  *out = t;
  t = NULL;
cleanup:
  bc_template_free(t);
  return rc;
}

void bc_template_free(bc_template *t) {
  const bc_allocator *alloc;
  if (!t)
    return;
  alloc = t->alloc;
  bc_arena_release(&t->arena);
  bc_free(alloc, t);
}

void bc_template_sources(
    const bc_template *t,
    void (*fn)(void *ud, const char *name, const char *source, size_t len),
    void *ud) {
  /* The unit's name, not its path: the same files reached through another
   * spelling of the template directory are the same template. */
  for (const bc_tunit *u = t->units; u; u = u->next)
    fn(ud, u->name ? u->name : "", u->source ? u->source : "", u->source_len);
}
