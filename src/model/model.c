/* model/model.c: name lookup over a loaded report, derived lists, period
 * labels, the Decree 30 short date and the model's bytes for a digest. */
#include "model/model.h"

#include "common/arena.h"
#include "common/error.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool name_is(const char *name, size_t len, const char *lit) {
  return strlen(lit) == len && memcmp(name, lit, len) == 0;
}

static bc_value text_value(const char *s) {
  bc_value v = {0};
  if (s) {
    v.kind = BC_VALUE_TEXT;
    v.text = s;
  }
  return v;
}

static bc_value number_value(double n) {
  bc_value v = {0};
  v.kind = BC_VALUE_NUMBER;
  v.number = n;
  return v;
}

static bc_value date_value(bc_date d) {
  bc_value v = {0};
  if (d.year) {
    v.kind = BC_VALUE_DATE;
    v.date = d;
  }
  return v;
}

static int cmp_value_code(const void *a, const void *b) {
  return strcmp(((const bc_indicator_value *)a)->code,
                ((const bc_indicator_value *)b)->code);
}

static int cmp_narrative_key(const void *a, const void *b) {
  return strcmp(((const bc_narrative *)a)->key, ((const bc_narrative *)b)->key);
}

static int cmp_section_code(const void *a, const void *b) {
  return strcmp(((const bc_section *)a)->code, ((const bc_section *)b)->code);
}

/* A section's row, or NULL when it has none (grouped under its code). */
static const bc_section *find_section(const bc_report_model *m,
                                      const char *code) {
  bc_section key;
  if (!code || !m->section_count)
    return NULL;
  key.code = code;
  return bsearch(&key, m->sections, m->section_count, sizeof *m->sections,
                 cmp_section_code);
}

/* chi_so order: section (by its position, then code), position, code. The
 * sections' positions come through this sort's context. */
typedef struct ordered_value {
  const bc_indicator_value *value;
  int section_position;
} ordered_value;

static int cmp_value_order(const void *a, const void *b) {
  const ordered_value *oa = a, *ob = b;
  const bc_indicator_value *x = oa->value, *y = ob->value;
  int c;
  if (oa->section_position != ob->section_position)
    return oa->section_position < ob->section_position ? -1 : 1;
  c = strcmp(x->section ? x->section : "", y->section ? y->section : "");
  if (c)
    return c;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return strcmp(x->code, y->code);
}

/* A bounded string compare for bsearch on (name, len) keys. */
static int cmp_key(const char *key, size_t len, const char *s) {
  size_t n = strlen(s);
  int c = memcmp(key, s, len < n ? len : n);
  if (c)
    return c;
  return len < n ? -1 : len > n ? 1 : 0;
}

const bc_indicator_value *
bc_model_indicator(const bc_report_model *model, const char *code, size_t len) {
  size_t lo = 0, hi = model->value_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(code, len, model->values[mid].code);
    if (!c)
      return &model->values[mid];
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

const char *bc_model_narrative(const bc_report_model *model,
                               const char *key,
                               size_t key_len) {
  size_t lo = 0, hi = model->narrative_count;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = cmp_key(key, key_len, model->narratives[mid].key);
    if (!c)
      return model->narratives[mid].markdown;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return NULL;
}

const bc_value *
bc_record_get(const bc_record *record, const char *name, size_t name_len) {
  for (size_t i = 0; i < record->count; i++)
    if (name_is(name, name_len, record->fields[i].name))
      return &record->fields[i].value;
  return NULL;
}

static bool prefixed(const char *name,
                     size_t len,
                     const char *prefix,
                     const char **rest,
                     size_t *rest_len) {
  size_t n = strlen(prefix);
  if (len <= n || memcmp(name, prefix, n) != 0)
    return false;
  *rest = name + n;
  *rest_len = len - n;
  return true;
}

/*
 * The sum of code over the members into *sum; returns the first member
 * without a number for it (*sum then partial), or NULL when all have one.
 */
static const bc_report_model *member_sum(double *sum,
                                         const bc_report_model *m,
                                         const char *code,
                                         size_t len) {
  *sum = 0;
  for (size_t i = 0; i < m->member_count; i++) {
    const bc_indicator_value *iv =
        bc_model_indicator(&m->members[i], code, len);
    if (!iv || iv->value.kind != BC_VALUE_NUMBER)
      return &m->members[i];
    *sum += iv->value.number;
  }
  return NULL;
}

/* The sum (or mean) of code over the members; missing unless every member
 * has a number for it. */
static bc_value
aggregate(const bc_report_model *m, const char *code, size_t len, bool mean) {
  bc_value v = {0};
  double sum;
  if (!m->member_count || member_sum(&sum, m, code, len))
    return v;
  return number_value(mean ? sum / (double)m->member_count : sum);
}

const char *
bc_model_aggregate_gap(const bc_report_model *m, const char *name, size_t len) {
  const bc_report_model *gap;
  const char *k;
  size_t kl;
  double sum;
  if (!prefixed(name, len, "tong.", &k, &kl) &&
      !prefixed(name, len, "trung_binh.", &k, &kl))
    return NULL;
  gap = member_sum(&sum, m, k, kl);
  return gap ? gap->agency.code : NULL;
}

bool bc_model_item_scoped(const char *name, size_t len) {
  static const char *const outer[] = {
      "tong.",     "trung_binh.", "bao_cao.", "nguoi_ky.",  "don_vi",
      "so_don_vi", "noi_nhan",    "chi_so",   "nhom_chi_so"};
  for (size_t i = 0; i < sizeof outer / sizeof outer[0]; i++) {
    size_t n = strlen(outer[i]);
    if (len >= n && memcmp(name, outer[i], n) == 0 &&
        (outer[i][n - 1] == '.' || len == n))
      return false;
  }
  return true;
}

bool bc_model_lookup(bc_value *out,
                     const bc_report_model *m,
                     const char *name,
                     size_t len) {
  const char *k;
  size_t kl;
  bc_value v = {0};

  if (prefixed(name, len, "co_quan.", &k, &kl)) {
    if (name_is(k, kl, "ten"))
      v = text_value(m->agency.name);
    else if (name_is(k, kl, "ten_day_du"))
      v = text_value(m->agency.full_name);
    else if (name_is(k, kl, "chu_quan"))
      v = text_value(m->agency.parent_name);
    else if (name_is(k, kl, "ky_hieu"))
      v = text_value(m->agency.symbol);
    else if (name_is(k, kl, "dia_danh"))
      v = text_value(m->agency.place);
    else if (name_is(k, kl, "ma"))
      v = text_value(m->agency.code);
  } else if (prefixed(name, len, "ky.", &k, &kl)) {
    if (name_is(k, kl, "ma"))
      v = text_value(m->period.code);
    else if (name_is(k, kl, "ten"))
      v = text_value(m->period_label);
    else if (name_is(k, kl, "nam"))
      v = number_value(m->period.year);
    else if (name_is(k, kl, "quy") && m->period.kind == BC_PERIOD_QUARTER)
      v = number_value(m->period.number);
    else if (name_is(k, kl, "ke_tiep"))
      v = text_value(m->next_period_label);
    else if (name_is(k, kl, "tu_ngay"))
      v = date_value(m->period.starts);
    else if (name_is(k, kl, "den_ngay"))
      v = date_value(m->period.ends);
  } else if (prefixed(name, len, "bao_cao.", &k, &kl)) {
    if (name_is(k, kl, "so") && m->number > 0)
      v = number_value(m->number);
    else if (name_is(k, kl, "ngay")) {
      v = date_value(m->issued_on);
      v.blanks = true;
    }
  } else if (prefixed(name, len, "nguoi_ky.", &k, &kl)) {
    if (name_is(k, kl, "tham_quyen"))
      v = text_value(m->signer.authority);
    else if (name_is(k, kl, "chuc_vu"))
      v = text_value(m->signer.title);
    else if (name_is(k, kl, "ho_ten"))
      v = text_value(m->signer.full_name);
  } else if (prefixed(name, len, "cung_ky.", &k, &kl)) {
    if (m->same_period_last_year)
      return bc_model_lookup(out, m->same_period_last_year, k, kl);
  } else if (prefixed(name, len, "ky_truoc.", &k, &kl)) {
    if (m->previous_period)
      return bc_model_lookup(out, m->previous_period, k, kl);
  } else if (prefixed(name, len, "tong.", &k, &kl)) {
    v = aggregate(m, k, kl, false);
  } else if (prefixed(name, len, "trung_binh.", &k, &kl)) {
    v = aggregate(m, k, kl, true);
  } else if (name_is(name, len, "noi_nhan")) {
    v = m->recipient_list;
  } else if (name_is(name, len, "chi_so")) {
    v = m->indicator_list;
  } else if (name_is(name, len, "nhom_chi_so")) {
    v = m->group_list;
  } else if (name_is(name, len, "don_vi")) {
    v = m->member_list;
  } else if (name_is(name, len, "so_don_vi")) {
    v = number_value((double)m->member_count);
  } else {
    const bc_indicator_value *iv = bc_model_indicator(m, name, len);
    if (iv)
      v = iv->value;
  }
  *out = v;
  return v.kind != BC_VALUE_NONE;
}

const char *bc_roman(int n) {
  static const char *const numerals[] = {
      "",       "I",     "II",     "III",     "IV",    "V",      "VI",
      "VII",    "VIII",  "IX",     "X",       "XI",    "XII",    "XIII",
      "XIV",    "XV",    "XVI",    "XVII",    "XVIII", "XIX",    "XX",
      "XXI",    "XXII",  "XXIII",  "XXIV",    "XXV",   "XXVI",   "XXVII",
      "XXVIII", "XXIX",  "XXX",    "XXXI",    "XXXII", "XXXIII", "XXXIV",
      "XXXV",   "XXXVI", "XXXVII", "XXXVIII", "XXXIX"};
  if (n < 1 || n > 39)
    return "";
  return numerals[n];
}

size_t bc_date_short(char *buf, size_t size, bc_date d) {
  char day[16], month[16], year[16];
  int n;
  if (d.day > 0)
    snprintf(day, sizeof day, "%02d", d.day);
  else
    snprintf(day, sizeof day, "  ");
  if (d.month > 0)
    snprintf(month, sizeof month, d.month < 3 ? "%02d" : "%d", d.month);
  else
    snprintf(month, sizeof month, "  ");
  if (d.year > 0)
    snprintf(year, sizeof year, "%d", d.year);
  else
    snprintf(year, sizeof year, "    ");
  n = snprintf(buf, size, "%s/%s/%s", day, month, year);
  return n < 0 ? 0 : (size_t)n;
}

static bool parse_digits(const char **p, int count, int *out) {
  int v = 0;
  for (int i = 0; i < count; i++) {
    if ((*p)[i] < '0' || (*p)[i] > '9')
      return false;
    v = v * 10 + ((*p)[i] - '0');
  }
  *p += count;
  *out = v;
  return true;
}

static int days_in_month(int year, int month) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

int bc_date_cmp(bc_date a, bc_date b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  return a.day < b.day ? -1 : a.day > b.day;
}

bool bc_date_parse(bc_date *out, const char *s) {
  bc_date d = {0};
  const char *p = s;
  if (!parse_digits(&p, 4, &d.year) || d.year < BC_YEAR_MIN)
    return false;
  if (*p == '-') {
    p++;
    if (!parse_digits(&p, 2, &d.month) || d.month < 1 || d.month > 12)
      return false;
    if (*p == '-') {
      p++;
      if (!parse_digits(&p, 2, &d.day) || d.day < 1 ||
          d.day > days_in_month(d.year, d.month))
        return false;
    }
  }
  if (*p)
    return false;
  *out = d;
  return true;
}

size_t bc_period_label(char *buf, size_t size, const bc_period *p) {
  char a[32], b[32];
  int n;
  switch (p->kind) {
  case BC_PERIOD_QUARTER:
    n = snprintf(buf, size, "quý %s năm %d", bc_roman(p->number), p->year);
    break;
  case BC_PERIOD_HALF:
    n = snprintf(buf, size, "6 tháng đầu năm %d", p->year);
    break;
  case BC_PERIOD_NINE_MONTHS:
    n = snprintf(buf, size, "9 tháng năm %d", p->year);
    break;
  case BC_PERIOD_YEAR:
    n = snprintf(buf, size, "năm %d", p->year);
    break;
  default:
    bc_date_short(a, sizeof a, p->starts);
    bc_date_short(b, sizeof b, p->ends);
    n = snprintf(buf, size, "từ %s đến %s", a, b);
    break;
  }
  return n < 0 ? 0 : (size_t)n;
}

/* The period after p, for plans ("phương hướng quý IV năm 2023"): the
 * next quarter, the second half, the last quarter, the next year; 0 when
 * there is none (custom ranges). */
static size_t next_period_label(char *buf, size_t size, const bc_period *p) {
  int n = 0;
  switch (p->kind) {
  case BC_PERIOD_QUARTER:
    n = p->number < 4 ? snprintf(buf, size, "quý %s năm %d",
                                 bc_roman(p->number + 1), p->year)
                      : snprintf(buf, size, "quý I năm %d", p->year + 1);
    break;
  case BC_PERIOD_HALF:
    n = snprintf(buf, size, "6 tháng cuối năm %d", p->year);
    break;
  case BC_PERIOD_NINE_MONTHS:
    n = snprintf(buf, size, "quý IV năm %d", p->year);
    break;
  case BC_PERIOD_YEAR:
    n = snprintf(buf, size, "năm %d", p->year + 1);
    break;
  default:
    break;
  }
  return n < 0 ? 0 : (size_t)n;
}

static bc_value list_value(const bc_record *items, size_t count) {
  bc_value v = {0};
  v.kind = BC_VALUE_LIST;
  v.items = items;
  v.count = count;
  return v;
}

/* The value of code in another period's model, or none. */
static bc_value value_in(const bc_report_model *other, const char *code) {
  bc_value none = {0};
  const bc_indicator_value *iv =
      other ? bc_model_indicator(other, code, strlen(code)) : NULL;
  return iv ? iv->value : none;
}

static bc_field make_field(const char *name, bc_value v) {
  bc_field f;
  f.name = name;
  f.value = v;
  return f;
}

/* period_label (the period's own label, else "quý III năm 2023") and
 * next_period_label (NULL when there is none). */
static int
build_period_labels(bc_report_model *m, bc_arena *arena, bc_error *err) {
  char label[128];
  size_t n;

  n = bc_period_label(label, sizeof label, &m->period);
  m->period_label =
      m->period.label
          ? m->period.label
          : bc_arena_strndup(arena, label,
                             n < sizeof label ? n : sizeof label - 1);
  if (!m->period_label)
    return bc_error_oom(err);
  n = next_period_label(label, sizeof label, &m->period);
  m->next_period_label =
      n ? bc_arena_strndup(arena, label,
                           n < sizeof label ? n : sizeof label - 1)
        : NULL;
  if (n && !m->next_period_label)
    return bc_error_oom(err);
  return 0;
}

/* noi_nhan: stt, noi_dung */
static int
build_recipient_list(bc_report_model *m, bc_arena *arena, bc_error *err) {
  bc_record *rec = bc_arena_calloc(arena, m->recipient_count + 1, sizeof *rec);
  bc_field *fields =
      bc_arena_calloc(arena, m->recipient_count * 2 + 1, sizeof *fields);
  if (!rec || !fields)
    return bc_error_oom(err);
  for (size_t i = 0; i < m->recipient_count; i++) {
    fields[2 * i] = make_field("stt", number_value((double)(i + 1)));
    fields[2 * i + 1] = make_field("noi_dung", text_value(m->recipients[i]));
    rec[i].fields = &fields[2 * i];
    rec[i].count = 2;
  }
  m->recipient_list = list_value(rec, m->recipient_count);
  return 0;
}

/* chi_so: stt, ma, ten, don_vi, gia_tri, cung_ky, ky_truoc in
 * section/position order; nhom_chi_so: the same items, by section, each
 * numbered from 1 within its section. */
static int
build_indicator_lists(bc_report_model *m, bc_arena *arena, bc_error *err) {
  enum { ITEM_FIELDS = 7 };
  ordered_value *order =
      bc_arena_calloc(arena, m->value_count + 1, sizeof *order);
  bc_record *rec = bc_arena_calloc(arena, 2 * m->value_count + 1, sizeof *rec);
  bc_field *fields = bc_arena_calloc(
      arena, 2 * m->value_count * ITEM_FIELDS + 1, sizeof *fields);
  if (!order || !rec || !fields)
    return bc_error_oom(err);
  for (size_t i = 0; i < m->value_count; i++) {
    const bc_section *sec = find_section(m, m->values[i].section);
    order[i].value = &m->values[i];
    order[i].section_position = sec ? sec->position : INT_MAX;
  }
  if (m->value_count)
    qsort(order, m->value_count, sizeof *order, cmp_value_order);
  size_t group_count = 0, in_group = 0;
  for (size_t i = 0; i < m->value_count; i++) {
    const bc_indicator_value *iv = order[i].value;
    if (i == 0 ||
        strcmp(iv->section ? iv->section : "", order[i - 1].value->section
                                                   ? order[i - 1].value->section
                                                   : "") != 0) {
      group_count++;
      in_group = 0;
    }
    in_group++;
    for (int copy = 0; copy < 2; copy++) {
      size_t r = (size_t)copy * m->value_count + i;
      bc_field *f = &fields[r * ITEM_FIELDS];
      f[0] = make_field("stt", number_value((double)(copy ? in_group : i + 1)));
      f[1] = make_field("ma", text_value(iv->code));
      f[2] = make_field("ten", text_value(iv->name));
      f[3] = make_field("don_vi", text_value(iv->unit));
      f[4] = make_field("gia_tri", iv->value);
      f[5] =
          make_field("cung_ky", value_in(m->same_period_last_year, iv->code));
      f[6] = make_field("ky_truoc", value_in(m->previous_period, iv->code));
      rec[r].fields = f;
      rec[r].count = ITEM_FIELDS;
    }
  }
  m->indicator_list = list_value(rec, m->value_count);

  bc_record *groups = bc_arena_calloc(arena, group_count + 1, sizeof *groups);
  bc_field *gfields =
      bc_arena_calloc(arena, group_count * 4 + 1, sizeof *gfields);
  if (!groups || !gfields)
    return bc_error_oom(err);
  for (size_t i = 0, g = 0; i < m->value_count; g++) {
    const char *code = order[i].value->section ? order[i].value->section : "";
    const bc_section *sec = find_section(m, code);
    size_t j = i;
    while (j < m->value_count &&
           strcmp(order[j].value->section ? order[j].value->section : "",
                  code) == 0)
      j++;
    bc_field *f = &gfields[4 * g];
    f[0] = make_field("stt", number_value((double)(g + 1)));
    f[1] = make_field("ma", text_value(code));
    f[2] = make_field("ten", text_value(sec ? sec->name : code));
    f[3] = make_field("chi_so", list_value(&rec[m->value_count + i], j - i));
    groups[g].fields = f;
    groups[g].count = 4;
    i = j;
  }
  m->group_list = list_value(groups, group_count);
  return 0;
}

/* don_vi: stt, ma, ten, ten_viet_tat, then the member's own data */
static int
build_member_list(bc_report_model *m, bc_arena *arena, bc_error *err) {
  bc_record *members =
      bc_arena_calloc(arena, m->member_count + 1, sizeof *members);
  bc_field *mfields =
      bc_arena_calloc(arena, m->member_count * 4 + 1, sizeof *mfields);
  if (!members || !mfields)
    return bc_error_oom(err);
  for (size_t i = 0; i < m->member_count; i++) {
    const bc_report_model *sub = &m->members[i];
    bc_field *f = &mfields[4 * i];
    f[0] = make_field("stt", number_value((double)(i + 1)));
    f[1] = make_field("ma", text_value(sub->agency.code));
    f[2] = make_field("ten", text_value(sub->agency.full_name));
    f[3] = make_field("ten_viet_tat", text_value(sub->agency.symbol));
    members[i].fields = f;
    members[i].count = 4;
    members[i].model = sub;
  }
  m->member_list = list_value(members, m->member_count);
  return 0;
}

int bc_model_finish(bc_report_model *m, bc_arena *arena, bc_error *err) {
  int rc;

  if (m->value_count)
    qsort(m->values, m->value_count, sizeof *m->values, cmp_value_code);
  if (m->narrative_count)
    qsort(m->narratives, m->narrative_count, sizeof *m->narratives,
          cmp_narrative_key);
  if ((rc = build_period_labels(m, arena, err)) ||
      (rc = build_recipient_list(m, arena, err)) ||
      (rc = build_indicator_lists(m, arena, err)))
    return rc;
  return build_member_list(m, arena, err);
}

/* ---- feeding a digest ---- */

typedef struct feeder {
  void (*put)(void *ud, const void *data, size_t len);
  void *ud;
} feeder;

/* A length prefix keeps ("ab", "c") apart from ("a", "bc"); NULL is not "". */
static void feed_str(const feeder *f, const char *s) {
  unsigned char tag = s ? 's' : 'n';
  uint64_t len = s ? strlen(s) : 0;
  f->put(f->ud, &tag, 1);
  f->put(f->ud, &len, sizeof len);
  if (len)
    f->put(f->ud, s, (size_t)len);
}

static void feed_int(const feeder *f, long long v) {
  int64_t x = v;
  f->put(f->ud, &x, sizeof x);
}

static void feed_date(const feeder *f, bc_date d) {
  feed_int(f, d.year);
  feed_int(f, d.month);
  feed_int(f, d.day);
}

static void feed_value(const feeder *f, const bc_value *v) {
  feed_int(f, v->kind);
  switch (v->kind) {
  case BC_VALUE_NUMBER:
    f->put(f->ud, &v->number, sizeof v->number);
    break;
  case BC_VALUE_TEXT:
    feed_str(f, v->text);
    break;
  case BC_VALUE_DATE:
    feed_date(f, v->date);
    break;
  case BC_VALUE_LIST:
    feed_int(f, (long long)v->count);
    for (size_t i = 0; i < v->count; i++) {
      feed_int(f, (long long)v->items[i].count);
      for (size_t j = 0; j < v->items[i].count; j++) {
        feed_str(f, v->items[i].fields[j].name);
        feed_value(f, &v->items[i].fields[j].value);
      }
    }
    break;
  case BC_VALUE_NONE:
    break;
  }
}

static void feed_model(const feeder *fp, const bc_report_model *m);

/* Another period's or a member's model; NULL is fed as such. */
static void feed_sub(const feeder *f, const bc_report_model *m) {
  feed_int(f, m != NULL);
  if (m)
    feed_model(f, m);
}

void bc_model_feed(const bc_report_model *m,
                   void (*put)(void *ud, const void *data, size_t len),
                   void *ud) {
  const feeder f = {put, ud};
  feed_model(&f, m);
}

static void feed_model(const feeder *fp, const bc_report_model *m) {
  const feeder f = *fp;
  feed_str(&f, m->agency.code);
  feed_str(&f, m->agency.name);
  feed_str(&f, m->agency.parent_name);
  feed_str(&f, m->agency.symbol);
  feed_str(&f, m->agency.place);
  feed_str(&f, m->agency.full_name);
  feed_str(&f, m->period.code);
  feed_int(&f, m->period.kind);
  feed_int(&f, m->period.year);
  feed_int(&f, m->period.number);
  feed_date(&f, m->period.starts);
  feed_date(&f, m->period.ends);
  feed_str(&f, m->period.label);
  feed_str(&f, m->template_name);
  feed_int(&f, m->number);
  feed_date(&f, m->issued_on);
  feed_str(&f, m->archive_unit);
  feed_str(&f, m->signer.authority);
  feed_str(&f, m->signer.title);
  feed_str(&f, m->signer.full_name);
  feed_int(&f, (long long)m->recipient_count);
  for (size_t i = 0; i < m->recipient_count; i++)
    feed_str(&f, m->recipients[i]);
  feed_int(&f, (long long)m->value_count);
  for (size_t i = 0; i < m->value_count; i++) {
    const bc_indicator_value *v = &m->values[i];
    feed_str(&f, v->code);
    feed_str(&f, v->name);
    feed_str(&f, v->unit);
    feed_str(&f, v->section);
    feed_int(&f, v->position);
    feed_value(&f, &v->value);
  }
  feed_int(&f, (long long)m->narrative_count);
  for (size_t i = 0; i < m->narrative_count; i++) {
    feed_str(&f, m->narratives[i].key);
    feed_str(&f, m->narratives[i].markdown);
  }
  feed_int(&f, (long long)m->section_count);
  for (size_t i = 0; i < m->section_count; i++) {
    feed_str(&f, m->sections[i].code);
    feed_str(&f, m->sections[i].name);
    feed_int(&f, m->sections[i].position);
  }
  feed_sub(&f, m->same_period_last_year);
  feed_sub(&f, m->previous_period);
  feed_int(&f, (long long)m->member_count);
  for (size_t i = 0; i < m->member_count; i++)
    feed_model(&f, &m->members[i]);
}
