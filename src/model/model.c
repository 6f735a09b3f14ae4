/* model/model.c: name lookup over a loaded report, derived lists, period
 * labels, the Decree 30 short date and the model's bytes for a digest. */
#include "model/model.h"

#include "common/arena.h"
#include "common/error.h"

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

static int cmp_value_order(const void *a, const void *b) {
  const bc_indicator_value *x = *(const bc_indicator_value *const *)a;
  const bc_indicator_value *y = *(const bc_indicator_value *const *)b;
  int c = strcmp(x->section ? x->section : "", y->section ? y->section : "");
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
    else if (name_is(k, kl, "tu_ngay"))
      v = date_value(m->period.starts);
    else if (name_is(k, kl, "den_ngay"))
      v = date_value(m->period.ends);
  } else if (prefixed(name, len, "bao_cao.", &k, &kl)) {
    if (name_is(k, kl, "so") && m->number > 0)
      v = number_value(m->number);
    else if (name_is(k, kl, "ngay"))
      v = date_value(m->issued_on);
  } else if (prefixed(name, len, "nguoi_ky.", &k, &kl)) {
    if (name_is(k, kl, "tham_quyen"))
      v = text_value(m->signer.authority);
    else if (name_is(k, kl, "chuc_vu"))
      v = text_value(m->signer.title);
    else if (name_is(k, kl, "ho_ten"))
      v = text_value(m->signer.full_name);
  } else if (name_is(name, len, "noi_nhan")) {
    v = m->recipient_list;
  } else if (name_is(name, len, "chi_so")) {
    v = m->indicator_list;
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

bool bc_date_parse(bc_date *out, const char *s) {
  bc_date d = {0};
  const char *p = s;
  if (!parse_digits(&p, 4, &d.year) || d.year < 1900)
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

static bc_field make_field(const char *name, bc_value v) {
  bc_field f;
  f.name = name;
  f.value = v;
  return f;
}

int bc_model_finish(bc_report_model *m, bc_arena *arena, bc_error *err) {
  char label[128];
  size_t n;

  if (m->value_count)
    qsort(m->values, m->value_count, sizeof *m->values, cmp_value_code);
  if (m->narrative_count)
    qsort(m->narratives, m->narrative_count, sizeof *m->narratives,
          cmp_narrative_key);

  n = bc_period_label(label, sizeof label, &m->period);
  m->period_label =
      bc_arena_strndup(arena, label, n < sizeof label ? n : sizeof label - 1);
  if (!m->period_label)
    return bc_error_oom(err);

  /* noi_nhan: stt, noi_dung */
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
  m->recipient_list.kind = BC_VALUE_LIST;
  m->recipient_list.items = rec;
  m->recipient_list.count = m->recipient_count;

  /* chi_so: stt, ma, ten, don_vi, gia_tri in section/position order */
  const bc_indicator_value **order =
      bc_arena_calloc(arena, m->value_count + 1, sizeof *order);
  rec = bc_arena_calloc(arena, m->value_count + 1, sizeof *rec);
  fields = bc_arena_calloc(arena, m->value_count * 5 + 1, sizeof *fields);
  if (!order || !rec || !fields)
    return bc_error_oom(err);
  for (size_t i = 0; i < m->value_count; i++)
    order[i] = &m->values[i];
  if (m->value_count)
    qsort(order, m->value_count, sizeof *order, cmp_value_order);
  for (size_t i = 0; i < m->value_count; i++) {
    bc_field *f = &fields[5 * i];
    f[0] = make_field("stt", number_value((double)(i + 1)));
    f[1] = make_field("ma", text_value(order[i]->code));
    f[2] = make_field("ten", text_value(order[i]->name));
    f[3] = make_field("don_vi", text_value(order[i]->unit));
    f[4] = make_field("gia_tri", order[i]->value);
    rec[i].fields = f;
    rec[i].count = 5;
  }
  m->indicator_list.kind = BC_VALUE_LIST;
  m->indicator_list.items = rec;
  m->indicator_list.count = m->value_count;
  return 0;
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

void bc_model_feed(const bc_report_model *m,
                   void (*put)(void *ud, const void *data, size_t len),
                   void *ud) {
  const feeder f = {put, ud};
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
}
