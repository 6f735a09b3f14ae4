/* model/json.c: the report's data as the "baocao-data" JSON document that
 * each rendered PDF carries (docs/data-exchange.md). */
#include "model/model.h"

#include "common/json.h"

#include <stdio.h>

#ifndef BC_VERSION
#define BC_VERSION "unknown"
#endif

static const char *period_kind_name(bc_period_kind kind) {
  static const char *const names[] = {"quarter", "half", "nine_months", "year",
                                      "custom"};
  return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind]
                                                         : "custom";
}

/* ISO 8601 with unknown parts left out: 2023-09-28, 2023-09, 2023. */
static void put_date(bc_buf *out, bc_date d) {
  char s[32];
  if (!d.year) {
    bc_buf_puts(out, "null");
    return;
  }
  if (!d.month)
    snprintf(s, sizeof s, "%04d", d.year);
  else if (!d.day)
    snprintf(s, sizeof s, "%04d-%02d", d.year, d.month);
  else
    snprintf(s, sizeof s, "%04d-%02d-%02d", d.year, d.month, d.day);
  bc_json_string(out, s);
}

static const char *value_kind(const bc_indicator_value *iv) {
  if (iv->kind)
    return iv->kind;
  return iv->value.kind == BC_VALUE_TEXT   ? "text"
         : iv->value.kind == BC_VALUE_DATE ? "date"
                                           : "number";
}

static void put_value(bc_buf *out, const bc_value *v) {
  switch (v->kind) {
  case BC_VALUE_NUMBER:
    bc_json_number(out, v->number);
    break;
  case BC_VALUE_TEXT:
    bc_json_string(out, v->text);
    break;
  case BC_VALUE_DATE:
    put_date(out, v->date);
    break;
  default:
    bc_buf_puts(out, "null");
    break;
  }
}

void bc_model_json(bc_buf *out,
                   const bc_report_model *m,
                   const char *template_sha256) {
  bc_buf_putc(out, '{');
  bc_json_key(out, "format", true);
  bc_json_string(out, "baocao-data");
  bc_json_key(out, "version", false);
  bc_buf_puts(out, "1");
  bc_json_key(out, "generator", false);
  bc_json_string(out, "baocao " BC_VERSION);

  bc_json_key(out, "agency", false);
  bc_buf_putc(out, '{');
  bc_json_key(out, "code", true);
  bc_json_string(out, m->agency.code);
  bc_json_key(out, "name", false);
  bc_json_string(out, m->agency.name);
  bc_json_key(out, "full_name", false);
  bc_json_string(out, m->agency.full_name);
  bc_json_key(out, "parent_name", false);
  bc_json_string(out, m->agency.parent_name);
  bc_json_key(out, "symbol", false);
  bc_json_string(out, m->agency.symbol);
  bc_json_key(out, "place", false);
  bc_json_string(out, m->agency.place);
  bc_buf_putc(out, '}');

  bc_json_key(out, "period", false);
  bc_buf_putc(out, '{');
  bc_json_key(out, "code", true);
  bc_json_string(out, m->period.code);
  bc_json_key(out, "kind", false);
  bc_json_string(out, period_kind_name(m->period.kind));
  bc_json_key(out, "year", false);
  bc_json_number(out, m->period.year);
  bc_json_key(out, "number", false);
  if (m->period.kind == BC_PERIOD_QUARTER)
    bc_json_number(out, m->period.number);
  else
    bc_buf_puts(out, "null");
  bc_json_key(out, "starts", false);
  put_date(out, m->period.starts);
  bc_json_key(out, "ends", false);
  put_date(out, m->period.ends);
  bc_buf_putc(out, '}');

  bc_json_key(out, "report", false);
  bc_buf_putc(out, '{');
  bc_json_key(out, "template", true);
  bc_json_string(out, m->template_name);
  bc_json_key(out, "template_sha256", false);
  bc_json_string(out, template_sha256);
  bc_json_key(out, "number", false);
  if (m->number > 0)
    bc_json_number(out, m->number);
  else
    bc_buf_puts(out, "null");
  bc_json_key(out, "issued_on", false);
  put_date(out, m->issued_on);
  bc_buf_putc(out, '}');

  bc_json_key(out, "values", false);
  bc_buf_putc(out, '[');
  for (size_t i = 0; i < m->value_count; i++) {
    const bc_indicator_value *iv = &m->values[i];
    if (i)
      bc_buf_putc(out, ',');
    bc_buf_putc(out, '{');
    bc_json_key(out, "code", true);
    bc_json_string(out, iv->code);
    bc_json_key(out, "name", false);
    bc_json_string(out, iv->name);
    bc_json_key(out, "unit", false);
    bc_json_string(out, iv->unit ? iv->unit : "");
    bc_json_key(out, "section", false);
    bc_json_string(out, iv->section ? iv->section : "");
    bc_json_key(out, "kind", false);
    bc_json_string(out, value_kind(iv));
    bc_json_key(out, "value", false);
    put_value(out, &iv->value);
    bc_buf_putc(out, '}');
  }
  bc_buf_puts(out, "]}\n");
}
