/* template/frontmatter.c: the "---" front matter of a main template or an
 * appendix: its keys, their values and the phu_luc list it compiles. */
#include "template/template_int.h"
#include "common/i18n.h"

#include <stddef.h>
#include <string.h>

#include "common/error.h"

static bool fm_delimiter(const char *s, const char *end, const char **after) {
  const char *q;
  if (end - s < 3 || memcmp(s, "---", 3) != 0)
    return false;
  q = s + 3;
  while (q < end && (bc_template__is_blank(*q) || *q == '\r'))
    q++;
  if (q < end && *q != '\n')
    return false;
  *after = q < end ? q + 1 : end;
  return true;
}

/* phu_luc: a comma-separated list of appendix templates, compiled now. */
static int parse_appendix_list(bc_tparser *p, const char *v, const char *ve) {
  bc_tcompiler *cc = p->cc;
  bc_template *t = cc->t;
  int rc;
  if (!cc->root_dir)
    return bc_template__fail_here(
        p, v,
        bc_error_set(p->err, BC_ESYNTAX,
                     "phu_luc cannot be used: no template "
                     "directory"));
  while (v < ve) {
    const char *e = v, *ne;
    while (e < ve && *e != ',')
      e++;
    ne = bc_template__trim_end(v, e);
    size_t len = (size_t)(ne - v);
    bc_tunit *unit;
    if (!bc_template__valid_name(v, len))
      return bc_template__fail_here(p, v,
                                    bc_error_set(p->err, BC_ESYNTAX,
                                                 "invalid appendix name '%.*s'",
                                                 (int)len, v));
    if (t->appendix_count == BC_TEMPLATE_MAX_APPENDICES)
      return bc_template__fail_here(p, v,
                                    bc_error_set(p->err, BC_ESYNTAX,
                                                 "more than %d appendices",
                                                 BC_TEMPLATE_MAX_APPENDICES));
    if ((rc = bc_template__compile_file(cc, &unit, v, len, 1, true)))
      return rc == BC_ENOMEM ? rc : bc_template__fail_here(p, v, rc);
    t->appendices[t->appendix_count++] = unit;
    v = e < ve ? bc_template__skip_blanks(e + 1, ve) : ve;
  }
  return 0;
}

/* "---" lines at the very top of the main file or of an appendix, with
 * key: value lines. */
int bc_template__parse_front_matter(bc_tparser *p,
                                    const char *s,
                                    const char **body) {
  static const char *const main_keys[] = {"trich_yeu", "loai", "ky_hieu_loai",
                                          "phu_luc", "kieu_dau"};
  static const char *const appendix_keys[] = {"tieu_de", "huong"};
  bc_tunit *unit = p->unit;
  const char *const *keys = unit->appendix ? appendix_keys : main_keys;
  size_t nkeys = unit->appendix ? 2 : 5;
  const char *end = p->end, *after;
  int open_line, open_column, rc;

  *body = s;
  if (!fm_delimiter(s, end, &after))
    goto done;
  bc_template__locate(p, s, &open_line, &open_column);
  for (s = after;; s = after) {
    const char *le, *k, *ke, *q, *v, *ve, *key = NULL;
    bc_tparser vp;
    if (s >= end)
      return bc_template__located(
          p,
          bc_error_set(p->err, BC_ESYNTAX,
                       "front matter opened here is never "
                       "closed"),
          open_line, open_column);
    if (fm_delimiter(s, end, &after)) {
      *body = after;
      goto done;
    }
    le = bc_template__line_end(s, end);
    after = le < end ? le + 1 : end;
    k = bc_template__skip_blanks(s, le);
    if (bc_template__trim_end(k, le) == k)
      continue;
    ke = k;
    while (ke < le && bc_template__is_name_char(*ke) && *ke != '.' &&
           *ke != '@')
      ke++;
    q = bc_template__skip_blanks(ke, le);
    if (ke == k || q == le || *q != ':')
      return bc_template__fail_here(
          p, k,
          bc_error_set(p->err, BC_ESYNTAX,
                       "expected 'key: value' in front "
                       "matter"));
    for (size_t i = 0; i < nkeys; i++)
      if (bc_template__span_is(k, ke, keys[i]))
        key = keys[i];
    if (!key)
      return bc_template__fail_here(
          p, k,
          bc_error_set(p->err, BC_ESYNTAX, "unknown front-matter key '%.*s'",
                       (int)(ke - k), k));
    for (size_t i = 0; i < unit->meta_count; i++)
      if (unit->meta[i].key == key)
        return bc_template__fail_here(
            p, k,
            bc_error_set(p->err, BC_ESYNTAX,
                         "front-matter key '%s' is set twice", key));
    v = bc_template__skip_blanks(q + 1, le);
    ve = bc_template__trim_end(v, le);
    if (key == main_keys[3]) { /* phu_luc: names, not text */
      if ((rc = parse_appendix_list(p, v, ve)))
        return rc;
      continue;
    }
    if (key == main_keys[4] && !bc_template__span_is(v, ve, "moi") &&
        !bc_template__span_is(v, ve, "cu"))
      return bc_template__fail_here(
          p, v,
          bc_error_set(p->err, BC_ESYNTAX,
                       "kieu_dau is 'moi' (hòa, khỏe, thủy) or "
                       "'cu' (hoà, khoẻ, thuỷ), not '%.*s'",
                       (int)(ve - v), v));
    if (key == appendix_keys[1] && !bc_template__span_is(v, ve, "doc") &&
        !bc_template__span_is(v, ve, "ngang"))
      return bc_template__fail_here(
          p, v,
          bc_error_set(p->err, BC_ESYNTAX,
                       "huong is 'doc' (portrait) or 'ngang' "
                       "(landscape), not '%.*s'",
                       (int)(ve - v), v));

    bc_template__parser_init(&vp, p->arena, p->label, v, (size_t)(ve - v),
                             p->err);
    vp.cc = p->cc;
    vp.unit = p->unit;
    vp.where = bc_tr("front matter");
    vp.mode = BC_TPARSE_INLINE;
    vp.depth = p->depth;
    bc_template__locate(p, v, &vp.line, &vp.column);
    if ((rc = bc_template__parse_span(&vp, v)))
      return rc;
    unit->meta[unit->meta_count].key = key;
    unit->meta[unit->meta_count].first = vp.first;
    unit->meta_count++;
  }
done:
  if (unit->appendix) {
    for (size_t i = 0; i < unit->meta_count; i++)
      if (unit->meta[i].key == appendix_keys[0])
        return 0;
    return bc_template__located(
        p,
        bc_error_set(p->err, BC_ESYNTAX,
                     "an appendix needs a title: 'tieu_de: ...' "
                     "in its front matter"),
        1, 1);
  }
  return 0;
}
