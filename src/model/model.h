/* model/model.h: the in-memory report (agency, period, signer, recipients,
 * indicator values, narratives) and the names templates look values up by.
 * Plain types, no I/O: data fills it, template reads it. */
#ifndef BC_MODEL_H
#define BC_MODEL_H

#include "baocao/error.h"
#include "common/buf.h"

#include <stdbool.h>
#include <stddef.h>

/* A calendar date; month or day 0 means "not known yet" (blank in print). */
typedef struct bc_date {
  int year;
  int month;
  int day;
} bc_date;

typedef enum bc_value_kind {
  BC_VALUE_NONE = 0, /* missing */
  BC_VALUE_NUMBER,
  BC_VALUE_TEXT,
  BC_VALUE_DATE,
  BC_VALUE_LIST /* of records, for {{#each}} */
} bc_value_kind;

typedef struct bc_record bc_record;
typedef struct bc_report_model bc_report_model;

/* A value a template can print or test. Strings are borrowed. */
typedef struct bc_value {
  bc_value_kind kind;
  double number;          /* BC_VALUE_NUMBER */
  const char *text;       /* BC_VALUE_TEXT, NUL-terminated UTF-8 */
  bc_date date;           /* BC_VALUE_DATE; a partial date (year, or year
                             and month) prints what is known: "2011",
                             "8/2023" */
  const bc_record *items; /* BC_VALUE_LIST */
  size_t count;           /* BC_VALUE_LIST */
  bool blanks;            /* BC_VALUE_DATE: unknown parts are blanks for
                             the văn thư to fill in ("  /9/2023"): the
                             report's own issue date, bao_cao.ngay */
} bc_value;

typedef struct bc_field {
  const char *name;
  bc_value value;
} bc_field;

/* One item of a list: named fields, looked up linearly. An item of
 * don_vi also carries that agency's data: names its fields lack are looked
 * up there (its indicators, cung_ky., ky_truoc.). */
struct bc_record {
  const bc_field *fields;
  size_t count;
  const bc_report_model *model; /* don_vi items; NULL otherwise */
};

typedef enum bc_period_kind {
  BC_PERIOD_QUARTER = 0, /* number = 1..4 */
  BC_PERIOD_HALF,        /* 6 tháng đầu năm */
  BC_PERIOD_NINE_MONTHS, /* 9 tháng */
  BC_PERIOD_YEAR,
  BC_PERIOD_CUSTOM /* từ <starts> đến <ends> */
} bc_period_kind;

typedef struct bc_period {
  const char *code; /* 2023-Q3 */
  bc_period_kind kind;
  int year;
  int number; /* quarter 1..4, else 0 */
  bc_date starts;
  bc_date ends;
  const char *label; /* its own name in running text ("giai đoạn
                        2016-2020"), NULL: the generated one */
} bc_period;

/* Issuing body (cơ quan ban hành). */
typedef struct bc_agency {
  const char *code;        /* STTTT-TV */
  const char *name;        /* SỞ THÔNG TIN VÀ TRUYỀN THÔNG */
  const char *parent_name; /* UBND TỈNH TRÀ VINH, NULL if none */
  const char *symbol;      /* STTTT, as in Số: .../BC-STTTT */
  const char *place;       /* Trà Vinh (địa danh) */
  const char *full_name; /* Sở Thông tin và Truyền thông (running text) */
} bc_agency;

/* Signer (người ký): capacity lines, title, name. */
typedef struct bc_signer {
  const char *authority; /* "KT. GIÁM ĐỐC"; lines split on '\n'; may be NULL */
  const char *title;     /* "PHÓ GIÁM ĐỐC" */
  const char *full_name; /* "Bùi Thông Nhứt"; NULL: the report has no
                            signer yet (render refuses it) */
} bc_signer;

typedef struct bc_indicator_value {
  const char *code;    /* tthc.so_hoa */
  const char *name;    /* human name, for tables and messages */
  const char *unit;    /* hồ sơ, %, đồng; may be "" */
  const char *section; /* area, for grouped tables: the_che, tthc, ... */
  int position;        /* order within the section */
  bc_value value;
  const char *kind; /* number, percent, text, date; NULL: from value */
} bc_indicator_value;

/* Lĩnh vực: a section of indicators with its name, for grouped tables. */
typedef struct bc_section {
  const char *code; /* the_che */
  const char *name; /* Cải cách thể chế */
  int position;
} bc_section;

typedef struct bc_narrative {
  const char *key;      /* chi_dao */
  const char *markdown; /* staff-written text; may cite indicators */
} bc_narrative;

struct bc_report_model {
  bc_agency agency;
  bc_period period;
  const char *template_name; /* cchc_quy */
  int number;                /* số văn bản; 0 = not assigned yet */
  bc_date issued_on;         /* fields 0 = not set yet */
  const char *archive_unit;  /* "VP" in "Lưu: VT, VP." */
  bc_signer signer;
  const char *const *recipients; /* Nơi nhận lines without "- " and ";" */
  size_t recipient_count;
  bc_indicator_value *values; /* sorted by code (strcmp) after finish */
  size_t value_count;
  bc_narrative *narratives; /* sorted by key (strcmp) after finish */
  size_t narrative_count;
  const bc_section *sections; /* every named section, sorted by code */
  size_t section_count;
  /* The same agency in other periods, with values only (no report row):
   * NULL when the database has no such period. */
  const bc_report_model *same_period_last_year; /* cung_ky */
  const bc_report_model *previous_period;       /* ky_truoc */
  /* Đơn vị trực thuộc: agencies whose parent_code is this agency, by code,
   * each with its values for the same period (and its own cung_ky and
   * ky_truoc); their totals are tong.<code>. */
  const bc_report_model *members;
  size_t member_count;
  /* Derived by bc_model_finish: */
  const char *period_label;      /* "quý III năm 2023" */
  const char *next_period_label; /* "quý IV năm 2023"; NULL for custom */
  bc_value recipient_list;       /* noi_nhan */
  bc_value indicator_list;       /* chi_so, in section/position order */
  bc_value group_list;           /* nhom_chi_so: chi_so by section */
  bc_value member_list;          /* don_vi */
};

typedef struct bc_arena bc_arena;

/*
 * Sorts values (by code) and narratives (by key) for lookup and builds the
 * derived fields, with memory from arena. The chi_so list is ordered by
 * section (its position, then code), position, code. Sub-models
 * (same_period_last_year, previous_period, members) must be finished
 * before. Returns 0 or BC_ENOMEM.
 */
int bc_model_finish(bc_report_model *model, bc_arena *arena, bc_error *err);

/*
 * Looks a dotted name up the way templates see it:
 *   co_quan.ten, co_quan.ten_day_du, co_quan.chu_quan, co_quan.ky_hieu,
 *   co_quan.dia_danh, co_quan.ma
 *   ky.ma, ky.ten ("quý III năm 2023"), ky.nam, ky.quy, ky.tu_ngay, ky.den_ngay
 *   bao_cao.so, bao_cao.ngay
 *   nguoi_ky.tham_quyen, nguoi_ky.chuc_vu, nguoi_ky.ho_ten
 *   ky.ke_tiep ("quý IV năm 2023": the period after, for plans)
 *   noi_nhan (list: stt, noi_dung)
 *   chi_so (list: stt, ma, ten, don_vi, gia_tri, cung_ky, ky_truoc)
 *   nhom_chi_so (list: stt, ma, ten, chi_so)
 *   cung_ky.<name>, ky_truoc.<name>: <name> in that period
 *   don_vi (list: stt, ma, ten, ten_viet_tat, then the agency's data),
 *   so_don_vi, tong.<code>, trung_binh.<code> over don_vi
 *   anything else: the indicator with that code.
 * Unset values (no number yet, no signer) come back as BC_VALUE_NONE.
 * Narratives are not values: see bc_model_narrative. Values borrow from the
 * model. Returns true when the name is known and set.
 */
bool bc_model_lookup(bc_value *out,
                     const bc_report_model *model,
                     const char *name,
                     size_t name_len);

/*
 * For a tong./trung_binh. name that bc_model_lookup finds missing: the code
 * of the first member agency without a number for it, or NULL (no members,
 * or not such a name).
 */
const char *bc_model_aggregate_gap(const bc_report_model *model,
                                   const char *name,
                                   size_t len);

/*
 * True when a name missing from a don_vi item's agency stops there rather
 * than being looked up in the enclosing report: indicator codes and the
 * agency's own fields, not totals, lists or the report's own fields.
 */
bool bc_model_item_scoped(const char *name, size_t len);

/* The indicator with this code, or NULL. */
const bc_indicator_value *
bc_model_indicator(const bc_report_model *model, const char *code, size_t len);

/* The narrative's Markdown for key, or NULL when there is none. */
const char *bc_model_narrative(const bc_report_model *model,
                               const char *key,
                               size_t key_len);

/* Finds a field in a record, or NULL. */
const bc_value *
bc_record_get(const bc_record *record, const char *name, size_t name_len);

/*
 * The period in running text: "quý III năm 2023", "6 tháng đầu năm 2023",
 * "9 tháng năm 2023", "năm 2023", "từ 01/01/2024 đến 31/7/2024" (ky.ten,
 * unless the period has a label of its own, which bc_model_finish takes).
 * Writes at most size bytes (NUL-terminated); returns the length it needed.
 */
size_t bc_period_label(char *buf, size_t size, const bc_period *period);

/* Roman numeral for 1..39 ("III"); "" outside. */
const char *bc_roman(int n);

/* "26/7/2023", "05/01/2024": day two digits, month padded only for 1-2
 * (the Decree 30 rule); blanks for unknown parts. Returns length needed. */
size_t bc_date_short(char *buf, size_t size, bc_date date);

/* Parses "2023-09-28", "2023-09" (day unknown) or "2023"; false if bad. */
bool bc_date_parse(bc_date *out, const char *s);

/* <0, 0, >0 as a is before, the same as or after b (unknown parts 0). */
int bc_date_cmp(bc_date a, bc_date b);

/* ---- validation (valid.c) ----
 *
 * The one judge of what data may hold, called by every entry point (SQL
 * load, CSV import, received PDFs) and by the render's load: what one of
 * them refuses, none accepts. Each returns 0 or BC_EDATA with a message
 * about the value ("5 is not a quarter (1 to 4)"); the caller puts where
 * it was in front (file, line, table, field). */

#define BC_YEAR_MIN 1900
#define BC_YEAR_MAX 9999
/* Characters a name may hold (agency, signer, section, indicator, period
 * label): far more than any real one, far less than what breaks a PDF. */
#define BC_NAME_MAX 1000

/* A period as stored: the columns of the period table. */
typedef struct bc_period_row {
  const char *code;
  const char *kind;   /* quarter, half, nine_months, year, custom */
  long long year;
  long long number;   /* 0: NULL */
  const char *starts; /* ISO dates */
  const char *ends;
  const char *label;  /* NULL: none */
} bc_period_row;

/* The period kind named kind ("quarter" ...); false when there is none. */
bool bc_period_kind_parse(bc_period_kind *out, const char *kind);

/*
 * A date "YYYY-MM-DD" (full) or also "YYYY-MM", "YYYY", years
 * BC_YEAR_MIN..BC_YEAR_MAX; *out (may be NULL) gets it.
 */
int bc_valid_date(bc_date *out, const char *text, bool full, bc_error *err);

/*
 * A period: a known kind; a year in range, the year its dates start in
 * (not for custom); a quarter numbered 1 to 4, no number for the other
 * kinds; whole dates, the end not before the start; a label no longer than
 * a name. *field (may be NULL) gets the column at fault ("number",
 * "ends"...); *out (may be NULL) the period, strings borrowed from row.
 */
int bc_valid_period(bc_period *out,
                    const bc_period_row *row,
                    const char **field,
                    bc_error *err);

/* A finite number (not inf, not NaN). */
int bc_valid_number(double v, bc_error *err);

/* A count: a finite whole number, 0 or more. */
int bc_valid_count(double v, bc_error *err);

/* part as a percentage of whole (named whole_name in messages) into *out:
 * whole not 0 and the result finite. */
int bc_valid_percent(double *out,
                     double part,
                     double whole,
                     const char *whole_name,
                     bc_error *err);

/* A name of at most BC_NAME_MAX characters (NULL passes). */
int bc_valid_name(const char *text, bc_error *err);

/* An indicator value of kind (number, percent: a finite number; date: a
 * date, whole or partial; text: some text). */
int bc_valid_value(const char *kind,
                   bool has_number,
                   double number,
                   const char *text,
                   bc_error *err);

/* A certificate bound to an agency, as stored: the columns of the
 * agency_certificate table (docs/data.md). */
typedef struct bc_cert_binding_row {
  const char *role;        /* seal (ký cơ quan) or signer */
  const char *spki_sha256; /* NULL: bound by issuer and subject */
  const char *issuer;      /* NULL: bound by spki_sha256 */
  const char *subject;     /* NULL: bound by spki_sha256 */
  const char *note;        /* NULL: none */
} bc_cert_binding_row;

/* The words a binding's role may be, for messages: "seal, signer". */
#define BC_CERT_ROLES "seal, signer"

/*
 * A certificate binding: role seal or signer; either spki_sha256 alone,
 * 64 lowercase hex digits, or issuer and subject together, each a
 * distinguished name as OpenSSL prints it in RFC 4514 form (type=value
 * joined by ',' or '+', no spaces around them, no control characters) of
 * at most BC_NAME_MAX characters; a note no longer than a name. *field (may
 * be NULL) gets the column at fault ("spki_sha256", "subject"...), NULL
 * when the row passes.
 */
int bc_valid_cert_binding(const bc_cert_binding_row *row,
                          const char **field,
                          bc_error *err);

/*
 * Feeds everything the database gave the model (not the derived fields) to
 * put, as length-prefixed fields in a fixed order: two models that feed
 * the same bytes print the same report. For bulk --resume, which hashes
 * them to tell whether a report's data changed.
 */
void bc_model_feed(const bc_report_model *model,
                   void (*put)(void *ud, const void *data, size_t len),
                   void *ud);

/* The name of that document inside the PDF. */
#define BC_DATA_FILE_NAME "baocao-data.json"

/*
 * The report's data as the JSON document embedded in its PDF (format
 * "baocao-data", version 1, specified in docs/data-exchange.md): agency,
 * period, report number and date, template name and template_sha256, and
 * every indicator value of the agency for the period. Same model, same
 * bytes.
 */
void bc_model_json(bc_buf *out,
                   const bc_report_model *model,
                   const char *template_sha256);

#endif
