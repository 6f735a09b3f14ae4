/* model/valid.c: the one judge of dates, periods, numbers, counts,
 * percentages, name lengths and certificate bindings, for every way data comes in (SQL load,
 * CSV import, received PDFs) and for the render's own load, so that what
 * one entry point refuses none accepts. Messages say what is wrong with
 * the value; callers say where it was (file, line, table, field). */
#include "model/model.h"
#include "common/i18n.h"

#include "common/error.h"
#include "common/utf8.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

int bc_valid_date(bc_date *out, const char *text, bool full, bc_error *err) {
  bc_date d;
  char shown[80];
  if (!text)
    return bc_error_set(err, BC_EDATA, "no date");
  bc_utf8_quote(shown, sizeof shown, text, strlen(text));
  if (!bc_date_parse(&d, text) || d.year > BC_YEAR_MAX)
    return bc_error_set(err, BC_EDATA, "'%s' is not a date (%s)", shown,
                        full ? "YYYY-MM-DD"
                             : "YYYY-MM-DD, YYYY-MM or YYYY");
  if (full && !d.day)
    return bc_error_set(err, BC_EDATA, "'%s' is not a whole date (YYYY-MM-DD)",
                        shown);
  if (out)
    *out = d;
  return 0;
}

static const char *const period_kinds[] = {"quarter", "half", "nine_months",
                                           "year", "custom"};

bool bc_period_kind_parse(bc_period_kind *out, const char *kind) {
  for (size_t i = 0; kind && i < sizeof period_kinds / sizeof *period_kinds;
       i++)
    if (!strcmp(kind, period_kinds[i])) {
      if (out)
        *out = (bc_period_kind)i;
      return true;
    }
  return false;
}

/* Sets *field and the message; returns BC_EDATA. */
static int period_problem(const char **field,
                          const char *which,
                          bc_error *err,
                          const char *fmt,
                          ...) BC_PRINTF(4, 5);

static int period_problem(const char **field,
                          const char *which,
                          bc_error *err,
                          const char *fmt,
                          ...) {
  char msg[BC_ERROR_MESSAGE_SIZE];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, bc_tr(fmt), ap);
  va_end(ap);
  if (field)
    *field = which;
  return bc_error_set(err, BC_EDATA, "%s", msg);
}

int bc_valid_period(bc_period *out,
                    const bc_period_row *row,
                    const char **field,
                    bc_error *err) {
  bc_period p;
  int rc;
  memset(&p, 0, sizeof p);
  if (field)
    *field = NULL;
  p.code = row->code;
  p.label = row->label;
  if (!bc_period_kind_parse(&p.kind, row->kind)) {
    char shown[80];
    bc_utf8_quote(shown, sizeof shown, row->kind ? row->kind : "",
                  row->kind ? strlen(row->kind) : 0);
    return period_problem(field, "kind", err,
                          "'%s' is not a kind of period (quarter, half, "
                          "nine_months, year or custom)",
                          shown);
  }
  if (row->year < BC_YEAR_MIN || row->year > BC_YEAR_MAX)
    return period_problem(field, "year", err,
                          "%lld is not a year from %d to %d", row->year,
                          BC_YEAR_MIN, BC_YEAR_MAX);
  p.year = (int)row->year;
  if (p.kind == BC_PERIOD_QUARTER && !row->number)
    return period_problem(field, "number", err,
                          "none, and a quarter needs one from 1 to 4");
  if (p.kind == BC_PERIOD_QUARTER && (row->number < 1 || row->number > 4))
    return period_problem(field, "number", err,
                          "%lld is not a quarter (1 to 4)", row->number);
  if (p.kind != BC_PERIOD_QUARTER && row->number)
    return period_problem(field, "number", err,
                          "%lld is set for a period that is not a quarter",
                          row->number);
  p.number = (int)row->number;
  if ((rc = bc_valid_date(&p.starts, row->starts, true, err))) {
    if (field)
      *field = "starts";
    return rc;
  }
  if ((rc = bc_valid_date(&p.ends, row->ends, true, err))) {
    if (field)
      *field = "ends";
    return rc;
  }
  if (bc_date_cmp(p.ends, p.starts) < 0)
    return period_problem(field, "ends", err, "%s is before starts %s",
                          row->ends, row->starts);
  if (p.kind != BC_PERIOD_CUSTOM && p.starts.year != p.year)
    return period_problem(field, "year", err,
                          "%d is not the year the period starts in (%s)",
                          p.year, row->starts);
  if (row->label && (rc = bc_valid_name(row->label, err))) {
    if (field)
      *field = "label";
    return rc;
  }
  if (out)
    *out = p;
  return 0;
}

int bc_valid_number(double v, bc_error *err) {
  if (!isfinite(v))
    return bc_error_set(err, BC_EDATA, "%s is not a finite number",
                        isnan(v) ? "NaN" : v < 0 ? "-inf" : "inf");
  return 0;
}

int bc_valid_count(double v, bc_error *err) {
  int rc = bc_valid_number(v, err);
  if (rc)
    return rc;
  if (v < 0)
    return bc_error_set(err, BC_EDATA, "%.15g is negative: a count is 0 or more",
                        v);
  if (fabs(v - round(v)) > 1e-9 * fmax(1.0, fabs(v)))
    return bc_error_set(err, BC_EDATA, "%.15g is not a whole number", v);
  return 0;
}

int bc_valid_percent(double *out,
                     double part,
                     double whole,
                     const char *whole_name,
                     bc_error *err) {
  double r;
  if (whole == 0)
    return bc_error_set(err, BC_EDATA, "divides by '%s', which is 0",
                        whole_name);
  r = part / whole * 100;
  if (!isfinite(r))
    return bc_error_set(err, BC_EDATA,
                        "divides by '%s', which is %.6g: the percentage is "
                        "not a finite number",
                        whole_name, whole);
  *out = r;
  return 0;
}

int bc_valid_name(const char *text, bc_error *err) {
  size_t n = text ? bc_utf8_length(text, strlen(text)) : 0;
  if (n > BC_NAME_MAX)
    return bc_error_set(err, BC_EDATA,
                        "%zu characters long, more than the %d a name may "
                        "have",
                        n, BC_NAME_MAX);
  return 0;
}

int bc_valid_value(const char *kind,
                   bool has_number,
                   double number,
                   const char *text,
                   bc_error *err) {
  if (!strcmp(kind, "number") || !strcmp(kind, "percent")) {
    if (!has_number)
      return bc_error_set(err, BC_EDATA, "no number (kind %s)", kind);
    return bc_valid_number(number, err);
  }
  if (!strcmp(kind, "date"))
    return bc_valid_date(NULL, text, false, err);
  if (!text)
    return bc_error_set(err, BC_EDATA, "no text (kind %s)", kind);
  return 0;
}

/* A distinguished name as X509_NAME_print_ex prints it with
 * XN_FLAG_RFC2253 (and UTF-8 kept): attribute types (keywords such as CN,
 * emailAddress, or dotted OIDs) each followed by '=' and a value that runs
 * to the next ',' or '+' not escaped with '\'. No spaces around the
 * separators: the other forms openssl prints ("C = VN, O = ...",
 * "/C=VN/O=...") and the "subject=" before the name are refused, since the
 * name is compared byte for byte. */
static int valid_dn(const char *s, bc_error *err) {
  static const char *const labels[] = {"subject=", "issuer="};
  char shown[80];
  size_t len = strlen(s), bad = bc_utf8_check(s, len);
  const char *p = s;
  if (bad != SIZE_MAX)
    return bc_error_set(err, BC_EDATA, "invalid UTF-8 at byte %zu", bad);
  if (bc_valid_name(s, err))
    return BC_EDATA;
  bc_utf8_quote(shown, sizeof shown, s, len);
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
      return bc_error_set(err, BC_EDATA,
                          "'%s' holds a control character (openssl prints "
                          "one as \\XX)",
                          shown);
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (!strncmp(s, labels[i], strlen(labels[i])))
      return bc_error_set(err, BC_EDATA,
                          "'%s' starts with the label '%s' that openssl "
                          "prints before the name: leave it out",
                          shown, labels[i]);
  for (;;) {
    const char *type = p;
    if ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
      while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') ||
             (*p >= '0' && *p <= '9') || *p == '-')
        p++;
    else
      while ((*p >= '0' && *p <= '9') || (*p == '.' && p > type))
        p++;
    if (p == type || *p != '=')
      break;
    for (p++; *p && *p != ',' && *p != '+'; p++)
      if (*p == '\\' && !*++p)
        goto bad; /* a trailing backslash escapes nothing */
    if (!*p)
      return 0;
    p++;
  }
bad:
  return bc_error_set(err, BC_EDATA,
                      "'%s' is not a distinguished name as openssl prints it "
                      "with -nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)",
                      shown);
}

static bool is_sha256_hex(const char *s) {
  size_t n = 0;
  while ((s[n] >= '0' && s[n] <= '9') || (s[n] >= 'a' && s[n] <= 'f'))
    n++;
  return n == 64 && !s[n];
}

int bc_valid_cert_binding(const bc_cert_binding_row *row,
                          const char **field,
                          bc_error *err) {
  const char *f = "role", *s = row->spki_sha256;
  char shown[80];
  int rc;
  if (!row->role || (strcmp(row->role, "seal") && strcmp(row->role, "signer"))) {
    bc_utf8_quote(shown, sizeof shown, row->role ? row->role : "",
                  row->role ? strlen(row->role) : 0);
    rc = bc_error_set(err, BC_EDATA, "'%s' is not one of %s", shown,
                      BC_CERT_ROLES);
    goto fail;
  }
  if (s) {
    f = row->issuer ? "issuer" : "subject";
    if (row->issuer || row->subject) {
      rc = bc_error_set(err, BC_EDATA,
                        "is set with spki_sha256: a row binds by fingerprint "
                        "or by issuer and subject, not both");
      goto fail;
    }
    f = "spki_sha256";
    if (!is_sha256_hex(s)) {
      bc_utf8_quote(shown, sizeof shown, s, strlen(s));
      rc = bc_error_set(err, BC_EDATA,
                        "'%s' is not a SHA-256 fingerprint (64 lowercase hex "
                        "digits)",
                        shown);
      goto fail;
    }
  } else if (!row->issuer && !row->subject) {
    f = "spki_sha256";
    rc = bc_error_set(err, BC_EDATA,
                      "binds no certificate: give spki_sha256, or issuer "
                      "and subject");
    goto fail;
  } else {
    f = row->issuer ? "subject" : "issuer";
    if (!row->issuer || !row->subject) {
      rc = bc_error_set(err, BC_EDATA,
                        "is empty: issuer and subject go together");
      goto fail;
    }
    f = "issuer";
    if ((rc = valid_dn(row->issuer, err)))
      goto fail;
    f = "subject";
    if ((rc = valid_dn(row->subject, err)))
      goto fail;
  }
  f = "note";
  if ((rc = bc_valid_name(row->note, err)))
    goto fail;
  f = NULL;
fail:
  if (field)
    *field = f;
  return rc;
}
