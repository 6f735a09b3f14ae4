/* template/format.c: the Vietnamese formatters (so, dem, phantram, ngay,
 * ngay_dai, ngay_thang, nam, dinh_dang, la_ma, hoa, hoa_dau, mac_dinh),
 * the comparing and adding ones (ti_le, hieu, so_voi, chenh_lech, cong)
 * and the default printing of numbers and dates (partial ones too).
 * Escaping for Markdown and looking names up are expand.c's job. */
#include "template/template_int.h"
#include "common/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/error.h"
#include "common/utf8.h"

/* Room for the longest number: 309 integer digits, 103 group separators,
 * sign, comma and up to 20 decimals. */
#define NUMBER_CHARS 512
#define MAX_DECIMALS 20

static const struct {
  const char *name;
  bc_tfmt_kind kind;
  bc_targ_kind arg;
} formatters[] = {
    {"so", BC_TFMT_SO, BC_TARG_DECIMALS},
    {"dem", BC_TFMT_DEM, BC_TARG_NONE},
    {"phantram", BC_TFMT_PHANTRAM, BC_TARG_DECIMALS},
    {"ngay", BC_TFMT_NGAY, BC_TARG_NONE},
    {"ngay_dai", BC_TFMT_NGAY_DAI, BC_TARG_NONE},
    {"la_ma", BC_TFMT_LA_MA, BC_TARG_NONE},
    {"hoa", BC_TFMT_HOA, BC_TARG_NONE},
    {"hoa_dau", BC_TFMT_HOA_DAU, BC_TARG_NONE},
    {"mac_dinh", BC_TFMT_MAC_DINH, BC_TARG_TEXT},
    {"ti_le", BC_TFMT_TI_LE, BC_TARG_NAME},
    {"hieu", BC_TFMT_HIEU, BC_TARG_NAME},
    {"so_voi", BC_TFMT_SO_VOI, BC_TARG_NAME_TEXT},
    {"chenh_lech", BC_TFMT_CHENH_LECH, BC_TARG_NAME_UNIT},
    {"giam_dan", BC_TFMT_GIAM_DAN, BC_TARG_NAME},
    {"tang_dan", BC_TFMT_TANG_DAN, BC_TARG_NAME},
    {"nam", BC_TFMT_NAM, BC_TARG_NONE},
    {"ngay_thang", BC_TFMT_NGAY_THANG, BC_TARG_NONE},
    {"dinh_dang", BC_TFMT_DINH_DANG, BC_TARG_TEXT},
    {"tong", BC_TFMT_TONG, BC_TARG_NAME},
    {"cong", BC_TFMT_CONG, BC_TARG_NAMES},
};

bool bc_template__formatter_find(bc_tfmt_kind *kind_out,
                                 bc_targ_kind *arg_out,
                                 const char *name,
                                 size_t len) {
  for (size_t i = 0; i < sizeof formatters / sizeof formatters[0]; i++) {
    if (strlen(formatters[i].name) == len &&
        memcmp(formatters[i].name, name, len) == 0) {
      *kind_out = formatters[i].kind;
      *arg_out = formatters[i].arg;
      return true;
    }
  }
  return false;
}

const char *bc_template__formatter_name(bc_tfmt_kind kind) {
  for (size_t i = 0; i < sizeof formatters / sizeof formatters[0]; i++)
    if (formatters[i].kind == kind)
      return formatters[i].name;
  return "?";
}

void bc_template__describe(char *buf, size_t size, const bc_tsubject *s) {
  int n = (int)(s->len > 200 ? 200 : s->len);
  if (s->indicator)
    snprintf(buf, size, "'%.*s' of indicator '%s'", n, s->name, s->indicator);
  else if (s->agency)
    snprintf(buf, size, "'%.*s' of agency '%s'", n, s->name, s->agency);
  else
    snprintf(buf, size, "'%.*s'", n, s->name);
}

/*
 * Numbers.
 *
 * Binary doubles cannot hold 1.005 exactly (it is 1.00499999999999989...),
 * so rounding the double itself would print "1,00" for `so 2`. We first
 * take the decimal digits a person typed: integers below 2^53 exactly, any
 * other value as its 15 significant digits (every double round-trips
 * through 15 digits to the decimal it came from), and round that decimal
 * string half away from zero.
 */
static size_t
format_number_chars(char *out, double v, int decimals, bool group) {
  char sig[64];  /* significant digits, most significant first */
  char dig[400]; /* integer digits, then fraction digits */
  int nsig = 0;  /* digits in sig */
  int point = 0; /* sig[0] has place value 10^(point - 1) */
  int nint, nfrac, total, t;
  bool trim = decimals < 0;
  bool zero = true;
  double a = fabs(v);
  size_t n = 0;

  if (isnan(v)) {
    memcpy(out, "NaN", 4);
    return 3;
  }
  if (isinf(v)) {
    strcpy(out, v < 0 ? "-inf" : "inf");
    return strlen(out);
  }
  nfrac = trim ? 6 : decimals > MAX_DECIMALS ? MAX_DECIMALS : decimals;
  if (a == 0) {
    nsig = 0;
  } else if (a < 9007199254740992.0 && a == floor(a)) {
    nsig = snprintf(sig, sizeof sig, "%.0f", a);
    point = nsig;
  } else {
    char e[64];
    snprintf(e, sizeof e, "%.14e", a); /* d.dddddddddddddde+XX */
    sig[0] = e[0];
    memcpy(sig + 1, e + 2, 14);
    nsig = 15;
    point = (int)strtol(e + 17, NULL, 10) + 1;
  }

  nint = point > 0 ? point : 0;
  total = nint + nfrac;
  for (int j = 0; j < total; j++) {
    t = point - nint + j;
    dig[j + 1] = t >= 0 && t < nsig ? sig[t] : '0';
  }
  /* dig[0] is room for a carry out of the top digit. */
  dig[0] = '0';
  t = point + nfrac; /* the first digit dropped */
  if (t >= 0 && t < nsig && sig[t] >= '5') {
    int j = total;
    while (j > 0 && dig[j] == '9')
      dig[j--] = '0';
    dig[j]++;
  }
  char *d = dig + 1;
  if (dig[0] != '0') {
    d = dig;
    nint++;
    total++;
  }
  if (trim)
    while (nfrac > 0 && d[nint + nfrac - 1] == '0')
      nfrac--;
  total = nint + nfrac;
  for (int j = 0; j < total; j++)
    if (d[j] != '0')
      zero = false;

  if (v < 0 && !zero)
    out[n++] = '-';
  if (nint == 0) {
    out[n++] = '0';
  } else {
    for (int j = 0; j < nint; j++) {
      if (group && j > 0 && (nint - j) % 3 == 0)
        out[n++] = '.';
      out[n++] = d[j];
    }
  }
  if (nfrac > 0) {
    out[n++] = ',';
    memcpy(out + n, d + nint, (size_t)nfrac);
    n += (size_t)nfrac;
  }
  out[n] = '\0';
  return n;
}

void bc_format_number(bc_buf *out, double value, int decimals, bool group) {
  char s[NUMBER_CHARS];
  size_t n = format_number_chars(s, value, decimals, group);
  bc_buf_put(out, s, n);
}

/* Whole within what a double can tell from binary noise. */
static bool is_whole(double v) {
  return isfinite(v) && fabs(v - round(v)) <= 1e-9 * fmax(1.0, fabs(v));
}

static size_t format_count_chars(char *out, double value) {
  double r;
  if (!is_whole(value))
    return format_number_chars(out, value, -1, true);
  r = round(value);
  if (fabs(r) >= 1 && fabs(r) <= 9) {
    /* Vietnamese official writing pads small counts: 04 phòng, 01 tin. */
    return (size_t)snprintf(out, NUMBER_CHARS, "%s0%d", r < 0 ? "-" : "",
                            (int)fabs(r));
  }
  return format_number_chars(out, r, 0, true);
}

void bc_format_count(bc_buf *out, double value) {
  char s[NUMBER_CHARS];
  size_t n = format_count_chars(s, value);
  bc_buf_put(out, s, n);
}

void bc_format_percent(bc_buf *out, double value, int decimals) {
  bc_format_number(out, value, decimals, true);
  bc_buf_putc(out, '%');
}

void bc_format_date_long(bc_buf *out, bc_date d, bool blanks) {
  /* A partial date says what is known: "năm 2011", "tháng 8 năm 2023". */
  if (!blanks && !d.day) {
    if (d.month)
      bc_buf_printf(out, d.month < 3 ? "tháng %02d năm %d" : "tháng %d năm %d",
                    d.month, d.year);
    else
      bc_buf_printf(out, "năm %d", d.year);
    return;
  }
  /* The report's own date: unknown parts stay blank for the clerk to fill
   * in by hand ("ngày    tháng 9 năm 2023"), as bc_date_short does. */
  bc_buf_puts(out, "ngày ");
  if (d.day > 0)
    bc_buf_printf(out, "%02d", d.day);
  else
    bc_buf_puts(out, "  ");
  bc_buf_puts(out, " tháng ");
  if (d.month > 0)
    bc_buf_printf(out, d.month < 3 ? "%02d" : "%d", d.month);
  else
    bc_buf_puts(out, "  ");
  bc_buf_puts(out, " năm ");
  if (d.year > 0)
    bc_buf_printf(out, "%d", d.year);
  else
    bc_buf_puts(out, "    ");
}

/* "26/7/2023"; a partial date what is known, "8/2023" or "2011" (with
 * blanks, the clerk's room: "  /9/2023"). */
static void format_date_short(bc_buf *out, bc_date d, bool blanks) {
  char s[64];
  size_t n;
  if (!blanks && !d.day) {
    if (d.month)
      bc_buf_printf(out, d.month < 3 ? "%02d/%d" : "%d/%d", d.month, d.year);
    else
      bc_buf_printf(out, "%d", d.year);
    return;
  }
  n = bc_date_short(s, sizeof s, d);
  bc_buf_put(out, s, n < sizeof s ? n : sizeof s - 1);
}

const char *bc_template__pattern_fault(const char *p, size_t len) {
  for (size_t i = 0; i < len;) {
    char c = p[i];
    size_t run = 1;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
      i++;
      continue;
    }
    while (i + run < len && p[i + run] == c)
      run++;
    if (!((c == 'd' && run <= 2) || (c == 'M' && run <= 2) ||
          (c == 'y' && run == 4)))
      return p + i;
    i += run;
  }
  return NULL;
}

/* dinh_dang: the pattern's d, dd, M, MM and yyyy replaced by the date's
 * parts; everything else as written. False when the pattern asks for a
 * part the date does not have (*missing: "day" or "month"). */
static bool format_pattern(bc_buf *out,
                           bc_date d,
                           const char *p,
                           size_t len,
                           const char **missing) {
  for (size_t i = 0; i < len;) {
    char c = p[i];
    size_t run = 1;
    if (c != 'd' && c != 'M' && c != 'y') {
      bc_buf_putc(out, c);
      i++;
      continue;
    }
    while (i + run < len && p[i + run] == c)
      run++;
    if ((c == 'd' && !d.day) || (c == 'M' && !d.month)) {
      *missing = c == 'd' ? "day" : "month";
      return false;
    }
    if (c == 'y')
      bc_buf_printf(out, "%d", d.year);
    else
      bc_buf_printf(out, run == 2 ? "%02d" : "%d", c == 'd' ? d.day : d.month);
    i += run;
  }
  return true;
}

/* The pipeline's current value. */
typedef enum stage_kind { STAGE_NUMBER, STAGE_DATE, STAGE_TEXT } stage_kind;

typedef struct stage {
  stage_kind kind;
  double number;
  bc_date date;
  bool blanks; /* the date's unknown parts print as blanks */
  const char *text;
  size_t len;
  int buf; /* scratch buffer holding text, or -1 */
} stage;

static const char *stage_kind_name(stage_kind k) {
  switch (k) {
  case STAGE_NUMBER:
    return bc_tr("a number");
  case STAGE_DATE:
    return bc_tr("a date");
  default:
    return bc_tr("text");
  }
}

static bool is_space_or_control(unsigned char c) {
  return c <= 0x20 || c == 0x7F;
}

/* The buffer not holding the current text, emptied. */
static bc_buf *next_buf(stage *st, bc_buf scratch[2], int *index) {
  *index = st->buf == 0 ? 1 : 0;
  bc_buf_reset(&scratch[*index]);
  return &scratch[*index];
}

static int set_text(stage *st, bc_buf scratch[2], int index, bc_error *err) {
  bc_buf *b = &scratch[index];
  if (b->failed)
    return bc_error_oom(err);
  st->kind = STAGE_TEXT;
  st->text = b->len ? b->data : "";
  st->len = b->len;
  st->buf = index;
  return 0;
}

/* Prints a number or date the way an unformatted placeholder does. */
static int to_text(stage *st, bc_buf scratch[2], bc_error *err) {
  int index;
  bc_buf *b;
  if (st->kind == STAGE_TEXT)
    return 0;
  b = next_buf(st, scratch, &index);
  if (st->kind == STAGE_NUMBER)
    bc_format_number(b, st->number, -1, false);
  else
    format_date_short(b, st->date, st->blanks);
  return set_text(st, scratch, index, err);
}

static int wrong_kind(const bc_tfmt *f,
                      const char *needs,
                      const stage *st,
                      const bc_tsubject *subject,
                      bc_error *err) {
  char what[320];
  bc_template__describe(what, sizeof what, subject);
  return bc_error_set(err, BC_EDATA, "formatter '%s' needs %s, %s is %s",
                      bc_template__formatter_name(f->kind), needs, what,
                      stage_kind_name(st->kind));
}

static int wrong_number(const bc_tfmt *f,
                        const char *needs,
                        double v,
                        const bc_tsubject *subject,
                        bc_error *err) {
  char what[320], num[NUMBER_CHARS];
  bc_template__describe(what, sizeof what, subject);
  format_number_chars(num, v, -1, true);
  return bc_error_set(err, BC_EDATA, "formatter '%s' needs %s, %s is %s",
                      bc_template__formatter_name(f->kind), needs, what, num);
}

/* The number name gives a comparing or adding formatter, through ref. */
static int ref_number(double *out,
                      const bc_tfmt *f,
                      const bc_tname *name,
                      const bc_tref *ref,
                      const bc_tname **ref_missing,
                      bc_error *err) {
  bc_value v;
  bc_tsubject s = {0};
  int rc = ref->fn(ref->ud, name, &v, err);
  if (rc) {
    if (rc == BC_EDATA)
      *ref_missing = name;
    return rc;
  }
  s.name = name->s;
  s.len = name->len;
  if (v.kind != BC_VALUE_NUMBER || !isfinite(v.number)) {
    char what[320];
    bc_template__describe(what, sizeof what, &s);
    return bc_error_set(err, BC_EDATA,
                        f->kind == BC_TFMT_CONG
                            ? BC_NF_("formatter '%s' adds %s, which is not a number")
                            : BC_NF_("formatter '%s' compares with %s, "
                              "which is not a number"),
                        bc_template__formatter_name(f->kind), what);
  }
  *out = v.number;
  return 0;
}

/* A number a formatter made (a rate, a difference, a sum): it must be
 * finite, or the report would print "inf". */
static int finite_result(const bc_tfmt *f,
                         double v,
                         const bc_tsubject *subject,
                         bc_error *err) {
  char what[320];
  if (!bc_valid_number(v, err))
    return 0;
  bc_template__describe(what, sizeof what, subject);
  return bc_error_set(err, BC_EDATA,
                      "formatter '%s' on %s gives a number too large to "
                      "print",
                      bc_template__formatter_name(f->kind), what);
}

/* A printed number that is all zeros ("0", "0,0"): the change it shows
 * rounded away. */
static bool rounds_to_zero(const char *num) {
  return strspn(num, "0,") == strlen(num);
}

/* so_voi: "tăng 12,5% so với cùng kỳ", "giảm 3,0% so với cùng kỳ", "bằng
 * cùng kỳ"; a change that rounds to 0 is "tăng dưới 0,1% so với ...". */
static int compare_percent(
    bc_buf *b, const bc_tfmt *f, double value, double base, bc_error *err) {
  int decimals = f->decimals < 0 ? 1 : f->decimals;
  double change, step = pow(10, -decimals);
  char num[NUMBER_CHARS];
  if (value == base) {
    bc_buf_puts(b, "bằng ");
    bc_buf_put(b, f->text, f->text_len);
    return 0;
  }
  if (base == 0) {
    int n = (int)(f->ref.len > 200 ? 200 : f->ref.len);
    return bc_error_set(err, BC_EDATA,
                        "formatter 'so_voi' cannot give a percentage of 0 "
                        "('%.*s' is 0); use chenh_lech",
                        n, f->ref.s);
  }
  {
    /* The same judge as ti_le: a base so near 0 that the change is
     * infinite is refused, not printed as "tăng inf%". */
    char whole[220], msg[BC_ERROR_MESSAGE_SIZE];
    snprintf(whole, sizeof whole, "%.*s",
             (int)(f->ref.len > 200 ? 200 : f->ref.len), f->ref.s);
    if (bc_valid_percent(&change, value - base, fabs(base), whole, err)) {
      snprintf(msg, sizeof msg, "%s", err->message);
      return bc_error_set(err, BC_EDATA, "formatter 'so_voi' %s", msg);
    }
  }
  bc_buf_puts(b, change > 0 ? "tăng " : "giảm ");
  format_number_chars(num, fabs(change), decimals, true);
  if (rounds_to_zero(num)) {
    bc_buf_puts(b, "dưới ");
    bc_format_percent(b, step, decimals);
  } else {
    bc_buf_puts(b, num);
    bc_buf_putc(b, '%');
  }
  bc_buf_puts(b, " so với ");
  bc_buf_put(b, f->text, f->text_len);
  return 0;
}

/* chenh_lech: "tăng 3 hồ sơ", "giảm 1.250 hồ sơ", "không thay đổi". */
static void
compare_amount(bc_buf *b, const bc_tfmt *f, double value, double base) {
  char num[NUMBER_CHARS];
  double diff = value - base;
  format_number_chars(num, fabs(diff), f->decimals, true);
  if (rounds_to_zero(num)) {
    bc_buf_puts(b, "không thay đổi");
    return;
  }
  bc_buf_puts(b, diff > 0 ? "tăng " : "giảm ");
  bc_buf_puts(b, num);
  if (f->text && f->text_len) {
    bc_buf_putc(b, ' ');
    bc_buf_put(b, f->text, f->text_len);
  }
}

int bc_template__format(bc_tformat_result *out,
                        bc_buf scratch[2],
                        const bc_tformat_call *call,
                        bc_error *err) {
  const bc_value *value = call->value;
  const bc_tfmt *fmts = call->fmts;
  size_t count = call->count;
  const bc_tref *ref = call->ref;
  const bc_tsubject *subject = call->subject;
  size_t *failed_at = &out->failed_at;
  const bc_tname **ref_missing = &out->ref_missing;
  stage st = {0};
  int rc, index = 0;
  bc_buf *b;
  double base;

  *ref_missing = NULL;
  st.buf = -1;
  *failed_at = count;
  switch (value->kind) {
  case BC_VALUE_NUMBER:
    if (!isfinite(value->number)) {
      char what[320];
      bc_template__describe(what, sizeof what, subject);
      return bc_error_set(err, BC_EDATA, "%s is not a finite number", what);
    }
    st.kind = STAGE_NUMBER;
    st.number = value->number;
    break;
  case BC_VALUE_DATE:
    st.kind = STAGE_DATE;
    st.date = value->date;
    st.blanks = value->blanks;
    break;
  default: {
    /* Text prints as it is, without the spaces and line breaks around it. */
    const char *s = value->text ? value->text : "";
    size_t n = strlen(s);
    while (n && is_space_or_control((unsigned char)*s)) {
      s++;
      n--;
    }
    while (n && is_space_or_control((unsigned char)s[n - 1]))
      n--;
    st.kind = STAGE_TEXT;
    st.text = s;
    st.len = n;
    break;
  }
  }

  for (size_t i = 0; i < count; i++) {
    const bc_tfmt *f = &fmts[i];
    *failed_at = i;
    switch (f->kind) {
    case BC_TFMT_MAC_DINH:
    case BC_TFMT_GIAM_DAN:
    case BC_TFMT_TANG_DAN:
    case BC_TFMT_TONG: /* expand.c added the list up before */
      continue;
    case BC_TFMT_TI_LE:
    case BC_TFMT_HIEU:
      if (st.kind != STAGE_NUMBER)
        return wrong_kind(f, "a number", &st, subject, err);
      if ((rc = ref_number(&base, f, &f->ref, ref, ref_missing, err)))
        return rc;
      if (f->kind == BC_TFMT_HIEU) {
        st.number -= base;
      } else {
        /* A denominator of 0, or so near it that the rate is infinite
         * (1e-320 gave "inf%"), is refused by the one judge. */
        char whole[220], msg[BC_ERROR_MESSAGE_SIZE];
        snprintf(whole, sizeof whole, "%.*s",
                 (int)(f->ref.len > 200 ? 200 : f->ref.len), f->ref.s);
        if ((rc = bc_valid_percent(&st.number, st.number, base, whole, err))) {
          snprintf(msg, sizeof msg, "%s", err->message);
          return bc_error_set(err, rc, "formatter 'ti_le' %s", msg);
        }
      }
      if ((rc = finite_result(f, st.number, subject, err)))
        return rc;
      continue;
    case BC_TFMT_CONG:
      if (st.kind != STAGE_NUMBER)
        return wrong_kind(f, "a number", &st, subject, err);
      for (size_t k = 0; k < f->ref_count; k++) {
        if ((rc = ref_number(&base, f, &f->refs[k], ref, ref_missing, err)))
          return rc;
        st.number += base;
      }
      if ((rc = finite_result(f, st.number, subject, err)))
        return rc;
      continue;
    case BC_TFMT_SO_VOI:
    case BC_TFMT_CHENH_LECH:
      if (st.kind != STAGE_NUMBER)
        return wrong_kind(f, "a number", &st, subject, err);
      if ((rc = ref_number(&base, f, &f->ref, ref, ref_missing, err)))
        return rc;
      if ((rc = finite_result(f, st.number - base, subject, err)))
        return rc;
      b = next_buf(&st, scratch, &index);
      if (f->kind == BC_TFMT_CHENH_LECH)
        compare_amount(b, f, st.number, base);
      else if ((rc = compare_percent(b, f, st.number, base, err)))
        return rc;
      break;
    case BC_TFMT_SO:
    case BC_TFMT_DEM:
    case BC_TFMT_PHANTRAM:
    case BC_TFMT_LA_MA:
      if (st.kind != STAGE_NUMBER)
        return wrong_kind(f, "a number", &st, subject, err);
      if (f->kind == BC_TFMT_DEM && bc_valid_count(st.number, err))
        return wrong_number(f, "a count (a whole number, 0 or more)",
                            st.number, subject, err);
      if (f->kind == BC_TFMT_LA_MA && !is_whole(st.number))
        return wrong_number(f, "a whole number", st.number, subject, err);
      b = next_buf(&st, scratch, &index);
      if (f->kind == BC_TFMT_SO) {
        bc_format_number(b, st.number, f->decimals, true);
      } else if (f->kind == BC_TFMT_DEM) {
        bc_format_count(b, st.number);
      } else if (f->kind == BC_TFMT_PHANTRAM) {
        bc_format_percent(b, st.number, f->decimals);
      } else {
        double r = round(st.number);
        if (r < 1 || r > 39)
          return wrong_number(f, "a whole number from 1 to 39", st.number,
                              subject, err);
        bc_buf_puts(b, bc_roman((int)r));
      }
      break;
    case BC_TFMT_NGAY:
    case BC_TFMT_NGAY_DAI:
    case BC_TFMT_NAM:
    case BC_TFMT_NGAY_THANG:
    case BC_TFMT_DINH_DANG: {
      const char *missing = NULL;
      if (st.kind != STAGE_DATE)
        return wrong_kind(f, "a date", &st, subject, err);
      b = next_buf(&st, scratch, &index);
      if (f->kind == BC_TFMT_NGAY)
        format_date_short(b, st.date, st.blanks);
      else if (f->kind == BC_TFMT_NGAY_DAI)
        bc_format_date_long(b, st.date, st.blanks);
      else if (f->kind == BC_TFMT_NAM)
        bc_buf_printf(b, "%d", st.date.year);
      else if (f->kind == BC_TFMT_NGAY_THANG && st.date.day)
        bc_buf_printf(b, st.date.month < 3 ? "%02d/%02d" : "%02d/%d",
                      st.date.day, st.date.month);
      else if (f->kind == BC_TFMT_NGAY_THANG)
        missing = "day";
      else
        format_pattern(b, st.date, f->text, f->text_len, &missing);
      if (missing) {
        char what[320], shown[32];
        bc_template__describe(what, sizeof what, subject);
        if (st.date.month)
          snprintf(shown, sizeof shown, "%d/%d", st.date.month, st.date.year);
        else
          snprintf(shown, sizeof shown, "%d", st.date.year);
        return bc_error_set(err, BC_EDATA,
                            "formatter '%s' needs the %s of the date, %s is "
                            "%s",
                            bc_template__formatter_name(f->kind), missing, what,
                            shown);
      }
      break;
    }
    case BC_TFMT_HOA:
    case BC_TFMT_HOA_DAU: {
      if ((rc = to_text(&st, scratch, err)))
        return rc;
      b = next_buf(&st, scratch, &index);
      bc_utf8_upper(b, st.text, st.len, f->kind == BC_TFMT_HOA_DAU);
      break;
    }
    }
    if ((rc = set_text(&st, scratch, index, err)))
      return rc;
  }
  *failed_at = count;
  if ((rc = to_text(&st, scratch, err)))
    return rc;
  out->text = st.text;
  out->len = st.len;
  return 0;
}
