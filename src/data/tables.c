/* data/tables.c: the columns of each CSV file, in the schema's order, and
 * the patterns codes must follow (as src/data/schema.sql's comments say). */
#include "data/tables.h"
#include "common/i18n.h"

#include "baocao/db.h"
#include "model/model.h"

#include <string.h>

_Static_assert(BC_TABLE_COUNT == BC_IMPORT_TABLES,
               "include/baocao/db.h counts the tables tables.c lists");
_Static_assert(BC_TABLE_NARRATIVE < BC_TABLE_COUNT, "narrative is a table");

/* Text the header must name; an empty cell is '' (the schema's NOT NULL
 * allows it: a signer whose name is left blank for the signature). */
#define TEXT(n)                                                                \
  {                                                                            \
    n, BC_COL_TEXT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_DEFAULT, false, true,   \
        ""                                                                     \
  }
/* Text the header may leave out; an empty cell is NULL. */
#define OPTIONAL(n)                                                            \
  {                                                                            \
    n, BC_COL_TEXT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_NULL, false, false,     \
        NULL                                                                   \
  }
#define KEY(n, p, r)                                                           \
  { n, BC_COL_TEXT, p, r, BC_EMPTY_ERROR, true, true, NULL }
#define REF(n, p, r)                                                           \
  { n, BC_COL_TEXT, p, r, BC_EMPTY_ERROR, false, true, NULL }
/* Part of the key that may be empty (NULL): the header must still name it. */
#define NULLABLE_KEY(n)                                                        \
  { n, BC_COL_TEXT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_NULL, true, true, NULL }

static const bc_column agency_columns[] = {
    KEY("code", BC_PAT_AGENCY, BC_REF_NONE),
    TEXT("name"),
    TEXT("full_name"),
    OPTIONAL("parent_name"),
    TEXT("symbol"),
    TEXT("place"),
    {"parent_code", BC_COL_TEXT, BC_PAT_AGENCY, BC_REF_AGENCY, BC_EMPTY_NULL,
     false, false, NULL},
};

static const bc_column section_columns[] = {
    KEY("code", BC_PAT_KEY, BC_REF_NONE),
    TEXT("name"),
    {"position", BC_COL_INT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_DEFAULT, false,
     false, "0"},
};

static const bc_column indicator_columns[] = {
    KEY("code", BC_PAT_INDICATOR, BC_REF_NONE),
    REF("section", BC_PAT_KEY, BC_REF_NONE),
    {"position", BC_COL_INT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_DEFAULT, false,
     false, "0"},
    TEXT("name"),
    {"unit", BC_COL_TEXT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_DEFAULT, false,
     false, ""},
    {"kind", BC_COL_TEXT, BC_PAT_INDICATOR_KIND, BC_REF_NONE, BC_EMPTY_DEFAULT,
     false, false, "number"},
};

static const bc_column period_columns[] = {
    KEY("code", BC_PAT_PERIOD, BC_REF_NONE),
    REF("kind", BC_PAT_PERIOD_KIND, BC_REF_NONE),
    {"year", BC_COL_INT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_ERROR, false, true,
     NULL},
    {"number", BC_COL_INT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_NULL, false,
     false, NULL},
    {"starts", BC_COL_FULL_DATE, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_ERROR,
     false, true, NULL},
    {"ends", BC_COL_FULL_DATE, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_ERROR, false,
     true, NULL},
    OPTIONAL("label"),
};

static const bc_column signer_columns[] = {
    {"id", BC_COL_INT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_ERROR, true, true,
     NULL},
    REF("agency_code", BC_PAT_AGENCY, BC_REF_AGENCY),
    OPTIONAL("authority"),
    TEXT("title"),
    TEXT("full_name"),
};

/* Each row binds by spki_sha256 or by issuer and subject (the other
 * NULL): the row's key is all five, judged as a whole by
 * bc_valid_cert_binding (import.c). */
static const bc_column certificate_columns[] = {
    KEY("agency_code", BC_PAT_AGENCY, BC_REF_AGENCY),
    KEY("role", BC_PAT_ROLE, BC_REF_NONE),
    NULLABLE_KEY("spki_sha256"),
    NULLABLE_KEY("issuer"),
    NULLABLE_KEY("subject"),
    OPTIONAL("note"),
};

static const bc_column report_columns[] = {
    KEY("agency_code", BC_PAT_AGENCY, BC_REF_AGENCY),
    KEY("period_code", BC_PAT_PERIOD, BC_REF_PERIOD),
    KEY("template", BC_PAT_TEMPLATE, BC_REF_NONE),
    {"number", BC_COL_INT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_NULL, false,
     false, NULL},
    {"issued_on", BC_COL_DATE, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_NULL, false,
     false, NULL},
    {"signer_id", BC_COL_INT, BC_PAT_NONE, BC_REF_SIGNER, BC_EMPTY_NULL, false,
     false, NULL},
    OPTIONAL("archive_unit"),
};

static const bc_column recipient_columns[] = {
    KEY("agency_code", BC_PAT_AGENCY, BC_REF_AGENCY),
    KEY("template", BC_PAT_TEMPLATE, BC_REF_NONE),
    {"position", BC_COL_INT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_ERROR, true,
     true, NULL},
    TEXT("text"),
};

static const bc_column value_columns[] = {
    KEY("agency_code", BC_PAT_AGENCY, BC_REF_AGENCY),
    KEY("period_code", BC_PAT_PERIOD, BC_REF_PERIOD),
    KEY("indicator_code", BC_PAT_INDICATOR, BC_REF_INDICATOR),
    {"value", BC_COL_VALUE, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_DEFAULT, false,
     true, ""},
};

static const bc_column narrative_columns[] = {
    KEY("agency_code", BC_PAT_AGENCY, BC_REF_AGENCY),
    KEY("period_code", BC_PAT_PERIOD, BC_REF_PERIOD),
    KEY("key", BC_PAT_KEY, BC_REF_NONE),
    {"markdown", BC_COL_TEXT, BC_PAT_NONE, BC_REF_NONE, BC_EMPTY_DEFAULT, false,
     true, ""},
};

#define TABLE(n, p, s, c)                                                      \
  { n, p, s, c, sizeof c / sizeof c[0] }

const bc_table bc_tables[BC_TABLE_COUNT] = {
    TABLE("agency", "agencies", "agency", agency_columns),
    TABLE("section", "sections", "section", section_columns),
    TABLE("indicator", "indicators", "indicator", indicator_columns),
    TABLE("period", "periods", "period", period_columns),
    TABLE("signer", "signers", "signer", signer_columns),
    TABLE("report", "reports", "report", report_columns),
    TABLE("recipient", "recipients", "recipient", recipient_columns),
    TABLE("indicator_value", "values", "value", value_columns),
    TABLE("narrative", "narratives", "narrative", narrative_columns),
    /* last: the indices before it stay what they were (schema 3) */
    TABLE("agency_certificate", "agency_certificates", "agency_certificate",
          certificate_columns),
};

static bool ascii_equal(const char *a, size_t n, const char *b) {
  if (strlen(b) != n)
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = a[i] >= 'A' && a[i] <= 'Z' ? (char)(a[i] - 'A' + 'a') : a[i];
    if (c != b[i])
      return false;
  }
  return true;
}

int bc_table_for_file(const char *path) {
  const char *base = strrchr(path, '/');
  size_t n;
  base = base ? base + 1 : path;
  n = strlen(base);
  if (n < 4 || !ascii_equal(base + n - 4, 4, ".csv"))
    return -1;
  n -= 4;
  for (int i = 0; i < BC_TABLE_COUNT; i++)
    if (ascii_equal(base, n, bc_tables[i].singular) ||
        ascii_equal(base, n, bc_tables[i].plural))
      return i;
  return -1;
}

const char *bc_table_file_names(void) {
  return "agency.csv or agencies.csv, section(s).csv, indicator(s).csv, "
         "period(s).csv, signer(s).csv, report(s).csv, recipient(s).csv, "
         "value(s).csv, narrative(s).csv, agency_certificate(s).csv, or "
         "KEY.md for a narrative";
}

const char *bc_pattern_rule(int pattern) {
  switch (pattern) {
  case BC_PAT_AGENCY:
    return bc_tr("ASCII letters, digits, - and _");
  case BC_PAT_PERIOD:
    return bc_tr("ASCII letters, digits, -, _ and .");
  case BC_PAT_KEY:
    return bc_tr("a-z, 0-9 and _");
  case BC_PAT_INDICATOR:
    return bc_tr("a-z, 0-9, _ and .");
  case BC_PAT_TEMPLATE:
    return bc_tr("a-z, 0-9, _, - and / between names");
  case BC_PAT_PERIOD_KIND:
    return bc_tr("one of quarter, half, nine_months, year, custom");
  case BC_PAT_INDICATOR_KIND:
    return bc_tr("one of number, percent, text, date");
  case BC_PAT_ROLE:
    return "one of " BC_CERT_ROLES;
  default:
    return "";
  }
}

static bool one_of(const char *s, const char *const *words) {
  for (; *words; words++)
    if (!strcmp(s, *words))
      return true;
  return false;
}

bool bc_pattern_match(int pattern, const char *s) {
  static const char *const period_kinds[] = {"quarter", "half",   "nine_months",
                                             "year",    "custom", NULL};
  static const char *const indicator_kinds[] = {"number", "percent", "text",
                                                "date", NULL};
  static const char *const roles[] = {"seal", "signer", NULL};
  size_t n = strlen(s);
  if (pattern == BC_PAT_PERIOD_KIND)
    return one_of(s, period_kinds);
  if (pattern == BC_PAT_INDICATOR_KIND)
    return one_of(s, indicator_kinds);
  if (pattern == BC_PAT_ROLE)
    return one_of(s, roles);
  if (pattern == BC_PAT_NONE)
    return true;
  if (!n || n > 64)
    return false;
  if (pattern == BC_PAT_TEMPLATE && (s[0] == '/' || s[n - 1] == '/'))
    return false;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    bool lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    bool upper = c >= 'A' && c <= 'Z';
    bool ok;
    switch (pattern) {
    case BC_PAT_AGENCY:
      ok = lower || upper || c == '-';
      break;
    case BC_PAT_PERIOD:
      ok = lower || upper || c == '-' || c == '.';
      break;
    case BC_PAT_INDICATOR:
      ok = lower || c == '.';
      break;
    case BC_PAT_TEMPLATE:
      ok = lower || c == '-' || (c == '/' && s[i + 1] != '/');
      break;
    default:
      ok = lower;
    }
    if (!ok)
      return false;
  }
  return true;
}
