/* tests/check_model.c: template names over a report model, period labels,
 * Decree 30 short dates, Roman numerals. */
#include "common/arena.h"
#include "baocao/version.h"
#include "common/buf.h"
#include "model/model.h"

#include "testutil.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

START_TEST(test_model_model__period_labels) {
  char buf[128];
  bc_period p = {0};
  p.kind = BC_PERIOD_QUARTER;
  p.year = 2023;
  p.number = 3;
  bc_period_label(buf, sizeof buf, &p);
  ck_assert_str_eq(buf, "quý III năm 2023");
  p.kind = BC_PERIOD_HALF;
  bc_period_label(buf, sizeof buf, &p);
  ck_assert_str_eq(buf, "6 tháng đầu năm 2023");
  p.kind = BC_PERIOD_NINE_MONTHS;
  bc_period_label(buf, sizeof buf, &p);
  ck_assert_str_eq(buf, "9 tháng năm 2023");
  p.kind = BC_PERIOD_YEAR;
  bc_period_label(buf, sizeof buf, &p);
  ck_assert_str_eq(buf, "năm 2023");
  p.kind = BC_PERIOD_CUSTOM;
  p.starts = (bc_date){2024, 1, 1};
  p.ends = (bc_date){2024, 7, 31};
  bc_period_label(buf, sizeof buf, &p);
  ck_assert_str_eq(buf, "từ 01/01/2024 đến 31/7/2024");
}
END_TEST

/* model/valid.c: the one judge of every entry point (issue 19). */
START_TEST(test_model_valid__periods) {
  static const struct {
    bc_period_row row;
    const char *field;   /* NULL: accepted */
    const char *message;
  } cases[] = {
      {{"2023-Q3", "quarter", 2023, 3, "2023-07-01", "2023-09-30", NULL},
       NULL, NULL},
      {{"2011-nay", "custom", 2020, 0, "2011-01-01", "2020-05-26",
        "từ năm 2011 đến nay"},
       NULL, NULL},
      {{"2023-Q5", "quarter", 2023, 5, "2023-10-01", "2023-12-31", NULL},
       "number", "5 is not a quarter (1 to 4)"},
      {{"Q", "quarter", 2023, 0, "2023-10-01", "2023-12-31", NULL}, "number",
       "none, and a quarter needs one from 1 to 4"},
      {{"H", "half", 2023, 1, "2023-01-01", "2023-06-30", NULL}, "number",
       "1 is set for a period that is not a quarter"},
      {{"X", "year", -5, 0, "2023-01-01", "2023-12-31", NULL}, "year",
       "-5 is not a year from 1900 to 9999"},
      {{"X", "year", 2022, 0, "2023-01-01", "2023-12-31", NULL}, "year",
       "2022 is not the year the period starts in (2023-01-01)"},
      {{"X", "custom", 2023, 0, "2023-05-01", "2023-01-01", NULL}, "ends",
       "2023-01-01 is before starts 2023-05-01"},
      {{"X", "custom", 2023, 0, "2023-05", "2023-06-30", NULL}, "starts",
       "'2023-05' is not a whole date (YYYY-MM-DD)"},
      {{"X", "monthly", 2023, 0, "2023-05-01", "2023-06-30", NULL}, "kind",
       "'monthly' is not a kind of period (quarter, half, nine_months, year "
       "or custom)"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bc_period p;
    bc_error err;
    const char *field = "?";
    int rc;
    bc_error_clear(&err);
    rc = bc_valid_period(&p, &cases[i].row, &field, &err);
    if (!cases[i].field) {
      ck_assert_int_eq(rc, 0);
      ck_assert_ptr_null(field);
      ck_assert_int_eq(p.year, (int)cases[i].row.year);
      continue;
    }
    ck_assert_int_eq(rc, BC_EDATA);
    ck_assert_str_eq(field, cases[i].field);
    ck_assert_str_eq(err.message, cases[i].message);
  }
}
END_TEST

START_TEST(test_model_valid__values) {
  bc_error err;
  double r;
  ck_assert_int_eq(bc_valid_count(4, &err), 0);
  ck_assert_int_eq(bc_valid_count(0, &err), 0);
  ck_assert_int_eq(bc_valid_count(-5, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "-5 is negative: a count is 0 or more");
  ck_assert_int_eq(bc_valid_count(2.5, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "2.5 is not a whole number");
  ck_assert_int_eq(bc_valid_number(1.0 / 0.0, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "inf is not a finite number");
  ck_assert_int_eq(bc_valid_percent(&r, 1, 4, "n", &err), 0);
  ck_assert(r == 25);
  ck_assert_int_eq(bc_valid_percent(&r, 1, 0, "n", &err), BC_EDATA);
  ck_assert_str_eq(err.message, "divides by 'n', which is 0");
  ck_assert_int_eq(bc_valid_percent(&r, 60, 1e-320, "n", &err), BC_EDATA);
  ck_assert_str_eq(err.message, "divides by 'n', which is 9.99989e-321: the "
                                "percentage is not a finite number");
  ck_assert_int_eq(bc_valid_date(NULL, "2023-02-29", false, &err), BC_EDATA);
  ck_assert_str_eq(err.message,
                   "'2023-02-29' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
  ck_assert_int_eq(bc_valid_date(NULL, "2024-02-29", true, &err), 0);
  ck_assert_int_eq(bc_valid_date(NULL, "2011", false, &err), 0);
  ck_assert_int_eq(bc_valid_date(NULL, "0999", false, &err), BC_EDATA);
  ck_assert_int_eq(bc_valid_value("number", false, 0, NULL, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "no number (kind number)");
  ck_assert_int_eq(bc_valid_value("date", false, 0, "2023-08", &err), 0);
  ck_assert_int_eq(bc_valid_value("text", false, 0, "x", &err), 0);
  char name[1101 * 2 + 1];
  for (int i = 0; i < 1001; i++)
    memcpy(name + 2 * i, "\xC3\xA0", 2); /* "à" */
  name[2002] = '\0';
  ck_assert_int_eq(bc_valid_name(name, &err), BC_EDATA);
  ck_assert_str_eq(err.message,
                   "1001 characters long, more than the 1000 a name may have");
  name[2000] = '\0';
  ck_assert_int_eq(bc_valid_name(name, &err), 0);
}
END_TEST

/* A certificate bound to an agency (agency_certificate, issue 14). */
START_TEST(test_model_valid__cert_bindings) {
  static const char fp[] =
      "3f1a9c0d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e";
  static const struct {
    bc_cert_binding_row row;
    const char *field; /* NULL: accepted */
    const char *message;
  } cases[] = {
      {{"seal", fp, NULL, NULL, "USB token của văn thư, cấp 2024"}, NULL,
       NULL},
      {{"signer", NULL, "CN=Test Intermediate CA,O=Ban Co yeu,C=VN",
        "CN=Bùi Thông Nhứt,OU=Phòng Hành chính\\, Tổng hợp,"
        "O=Sở Thông tin và Truyền thông+L=Trà Vinh,C=VN,"
        "0.9.2342.19200300.100.1.1=CMND:123",
        NULL},
       NULL, NULL},
      {{"văn thư", fp, NULL, NULL, NULL}, "role",
       "'văn thư' is not one of seal, signer"},
      {{NULL, fp, NULL, NULL, NULL}, "role", "'' is not one of seal, signer"},
      {{"seal", NULL, NULL, NULL, NULL}, "spki_sha256",
       "binds no certificate: give spki_sha256, or issuer and subject"},
      {{"seal", fp, "CN=CA", "CN=X", NULL}, "issuer",
       "is set with spki_sha256: a row binds by fingerprint or by issuer and "
       "subject, not both"},
      {{"seal", fp, NULL, "CN=X", NULL}, "subject",
       "is set with spki_sha256: a row binds by fingerprint or by issuer and "
       "subject, not both"},
      {{"seal", NULL, "CN=CA", NULL, NULL}, "subject",
       "is empty: issuer and subject go together"},
      {{"seal", NULL, NULL, "CN=X", NULL}, "issuer",
       "is empty: issuer and subject go together"},
      {{"seal",
        "3F1A9C0D5E7B2A4C6D8E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E",
        NULL, NULL, NULL},
       "spki_sha256",
       "'3F1A9C0D5E7B2A4C6D8E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E' "
       "is not a SHA-256 fingerprint (64 lowercase hex digits)"},
      {{"seal", "3f1a9c", NULL, NULL, NULL}, "spki_sha256",
       "'3f1a9c' is not a SHA-256 fingerprint (64 lowercase hex digits)"},
      {{"seal",
        "3f1a9c0d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e  -",
        NULL, NULL, NULL},
       "spki_sha256",
       "'3f1a9c0d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e  -' "
       "is not a SHA-256 fingerprint (64 lowercase hex digits)"},
      {{"seal", NULL, "CN=CA", "subject=CN=X,C=VN", NULL}, "subject",
       "'subject=CN=X,C=VN' starts with the label 'subject=' that openssl "
       "prints before the name: leave it out"},
      {{"seal", NULL, "C = VN, O = Ban Co yeu, CN = CA", "CN=X", NULL},
       "issuer",
       "'C = VN, O = Ban Co yeu, CN = CA' is not a distinguished name as "
       "openssl prints it with -nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)"},
      {{"seal", NULL, "/C=VN/O=Ban Co yeu/CN=CA", "CN=X", NULL}, "issuer",
       "'/C=VN/O=Ban Co yeu/CN=CA' is not a distinguished name as openssl "
       "prints it with -nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)"},
      {{"seal", NULL, "CN=CA", "CN=X, O=Y", NULL}, "subject",
       "'CN=X, O=Y' is not a distinguished name as openssl prints it with "
       "-nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)"},
      {{"seal", NULL, "CN=CA", "CN=X,", NULL}, "subject",
       "'CN=X,' is not a distinguished name as openssl prints it with "
       "-nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)"},
      {{"seal", NULL, "CN=CA", "CN=X\\", NULL}, "subject",
       "'CN=X\\' is not a distinguished name as openssl prints it with "
       "-nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)"},
      {{"seal", NULL, "CN=CA", "", NULL}, "subject",
       "'' is not a distinguished name as openssl prints it with -nameopt "
       "RFC2253,-esc_msb (CN=...,O=...,C=VN)"},
      {{"seal", NULL, "CN=CA", "CN=X\nO=Y", NULL}, "subject",
       "'CN=X<U+000A>O=Y' holds a control character (openssl prints one as "
       "\\XX)"},
      {{"seal", NULL, "CN=C\xC3\x28", "CN=X", NULL}, "issuer",
       "invalid UTF-8 at byte 4"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bc_error err;
    const char *field = "?";
    int rc;
    bc_error_clear(&err);
    rc = bc_valid_cert_binding(&cases[i].row, &field, &err);
    if (!cases[i].field) {
      ck_assert_msg(rc == 0, "case %zu: %s", i, err.message);
      ck_assert_ptr_null(field);
      continue;
    }
    ck_assert_msg(rc == BC_EDATA, "case %zu accepted", i);
    ck_assert_str_eq(field, cases[i].field);
    ck_assert_str_eq(err.message, cases[i].message);
  }
  /* a name: at most BC_NAME_MAX characters, like every other */
  char dn[1100];
  bc_cert_binding_row row = {"signer", NULL, "CN=CA", dn, NULL};
  bc_error err;
  const char *field;
  memset(dn, 'a', sizeof dn);
  memcpy(dn, "CN=", 3);
  dn[1001] = '\0';
  ck_assert_int_eq(bc_valid_cert_binding(&row, &field, &err), BC_EDATA);
  ck_assert_str_eq(field, "subject");
  ck_assert_str_eq(err.message,
                   "1001 characters long, more than the 1000 a name may have");
  dn[1000] = '\0';
  ck_assert_int_eq(bc_valid_cert_binding(&row, &field, &err), 0);
}
END_TEST

START_TEST(test_model_model__short_dates_follow_the_decree) {
  char buf[32];
  bc_date_short(buf, sizeof buf, (bc_date){2023, 7, 26});
  ck_assert_str_eq(buf, "26/7/2023");
  bc_date_short(buf, sizeof buf, (bc_date){2023, 4, 7});
  ck_assert_str_eq(buf, "07/4/2023");
  bc_date_short(buf, sizeof buf, (bc_date){2022, 1, 27});
  ck_assert_str_eq(buf, "27/01/2022");
  bc_date_short(buf, sizeof buf, (bc_date){2022, 2, 5});
  ck_assert_str_eq(buf, "05/02/2022");
  bc_date_short(buf, sizeof buf, (bc_date){2022, 12, 30});
  ck_assert_str_eq(buf, "30/12/2022");
}
END_TEST

START_TEST(test_model_model__date_parse) {
  bc_date d;
  ck_assert(bc_date_parse(&d, "2023-09-28"));
  ck_assert_int_eq(d.year * 10000 + d.month * 100 + d.day, 20230928);
  ck_assert(bc_date_parse(&d, "2023-09"));
  ck_assert_int_eq(d.day, 0);
  ck_assert_int_eq(d.month, 9);
  ck_assert(bc_date_parse(&d, "2024-02-29"));
  ck_assert(!bc_date_parse(&d, "2023-02-29"));
  ck_assert(!bc_date_parse(&d, "2023-13-01"));
  ck_assert(!bc_date_parse(&d, "2023-9-1"));
  ck_assert(!bc_date_parse(&d, "28/9/2023"));
  ck_assert(!bc_date_parse(&d, "2023-09-28x"));
}
END_TEST

START_TEST(test_model_model__roman) {
  ck_assert_str_eq(bc_roman(1), "I");
  ck_assert_str_eq(bc_roman(4), "IV");
  ck_assert_str_eq(bc_roman(9), "IX");
  ck_assert_str_eq(bc_roman(14), "XIV");
  ck_assert_str_eq(bc_roman(39), "XXXIX");
  ck_assert_str_eq(bc_roman(0), "");
  ck_assert_str_eq(bc_roman(40), "");
}
END_TEST

static bc_indicator_value values[] = {
    {"tthc.so_hoa",
     "Số hồ sơ số hóa",
     "hồ sơ",
     "tthc",
     2,
     {BC_VALUE_NUMBER, 60, NULL, {0}, NULL, 0, false},
     "number"},
    {"cqs.ty_le",
     "Tỷ lệ",
     "%",
     "chinh_quyen_so",
     1,
     {BC_VALUE_NUMBER, 30.73, NULL, {0}, NULL, 0, false},
     "percent"},
    {"tthc.ghi_chu",
     "Ghi chú",
     "",
     "tthc",
     1,
     {BC_VALUE_TEXT, 0, "không có", {0}, NULL, 0, false},
     "text"},
};
static bc_narrative narratives[] = {{"the_che", "Không có."},
                                    {"chi_dao", "- Tham mưu."}};
static const char *const recipients[] = {"Sở Nội vụ (b/c)", "Ban Giám đốc Sở"};

static void make_model(bc_report_model *m, bc_arena *a) {
  memset(m, 0, sizeof *m);
  m->agency.code = "STTTT-TV";
  m->agency.name = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  m->agency.parent_name = "UBND TỈNH TRÀ VINH";
  m->agency.symbol = "STTTT";
  m->period.code = "2023-Q3";
  m->period.kind = BC_PERIOD_QUARTER;
  m->period.year = 2023;
  m->period.number = 3;
  m->signer.full_name = "Bùi Thông Nhứt";
  m->recipients = recipients;
  m->recipient_count = 2;
  m->values = values;
  m->value_count = 3;
  m->narratives = narratives;
  m->narrative_count = 2;
  ck_assert_int_eq(bc_model_finish(m, a, NULL), 0);
}

START_TEST(test_model_model__lookup_names) {
  bc_arena a;
  bc_report_model m;
  bc_value v;
  bc_arena_init(&a, bc_allocator_default());
  make_model(&m, &a);
#define LOOK(name) bc_model_lookup(&v, &m, name, strlen(name))
  ck_assert(LOOK("co_quan.ky_hieu") && !strcmp(v.text, "STTTT"));
  ck_assert(LOOK("ky.ten") && !strcmp(v.text, "quý III năm 2023"));
  ck_assert(LOOK("ky.quy") && v.number == 3);
  ck_assert(LOOK("ky.nam") && v.number == 2023);
  ck_assert(!LOOK("bao_cao.so"));         /* not assigned yet */
  ck_assert(!LOOK("co_quan.ten_day_du")); /* NULL in this model */
  ck_assert(LOOK("nguoi_ky.ho_ten") && !strcmp(v.text, "Bùi Thông Nhứt"));
  ck_assert(LOOK("tthc.so_hoa") && v.kind == BC_VALUE_NUMBER && v.number == 60);
  ck_assert(!LOOK("tthc.so_ho"));
  ck_assert(!LOOK("tthc.so_hoa.x"));
  ck_assert(LOOK("noi_nhan") && v.kind == BC_VALUE_LIST && v.count == 2);
  const bc_value *f = bc_record_get(&v.items[1], "noi_dung", 8);
  ck_assert_str_eq(f->text, "Ban Giám đốc Sở");
  /* chi_so: by section, then position: chinh_quyen_so, tthc(1), tthc(2). */
  ck_assert(LOOK("chi_so") && v.count == 3);
  ck_assert_str_eq(bc_record_get(&v.items[0], "ma", 2)->text, "cqs.ty_le");
  ck_assert_str_eq(bc_record_get(&v.items[1], "ma", 2)->text, "tthc.ghi_chu");
  ck_assert_str_eq(bc_record_get(&v.items[2], "ma", 2)->text, "tthc.so_hoa");
  ck_assert(bc_record_get(&v.items[2], "stt", 3)->number == 3);
  ck_assert_str_eq(bc_model_narrative(&m, "chi_dao", 7), "- Tham mưu.");
  ck_assert_ptr_null(bc_model_narrative(&m, "chi", 3));
  /* A one-off period's own name is ky.ten; there is no ky.ke_tiep. */
  bc_arena_release(&a);
  bc_arena_init(&a, bc_allocator_default());
  make_model(&m, &a);
  m.period.kind = BC_PERIOD_CUSTOM;
  m.period.label = "giai đoạn 2016 - 2020";
  bc_error err;
  ck_assert_int_eq(bc_model_finish(&m, &a, &err), 0);
  ck_assert(LOOK("ky.ten") && !strcmp(v.text, "giai đoạn 2016 - 2020"));
  ck_assert(!LOOK("ky.ke_tiep"));
#undef LOOK
  bc_arena_release(&a);
}
END_TEST

/* bc_model_json: the baocao-data document of a small report, byte for
 * byte: keys in the documented order, unknown dates and fields null,
 * number only for a quarter, a value's kind from the model, escapes; the
 * values in the order bc_model_finish sorts them (by code). */
START_TEST(test_model_json__small_report_exact) {
  bc_arena a;
  bc_report_model m;
  bc_buf b;
  char expected[2048];
  static bc_indicator_value more[] = {
      {"tthc.so_hoa",
       "Số hồ sơ \"số hóa\"",
       NULL,
       NULL,
       1,
       {BC_VALUE_NUMBER, 0.1, NULL, {0}, NULL, 0, false},
       NULL},
      {"tthc.ngay",
       "Ngày\tkhai trương",
       "",
       "tthc",
       2,
       {BC_VALUE_DATE, 0, NULL, {2023, 9, 0}, NULL, 0, false},
       NULL},
      {"tthc.rong",
       "Rỗng",
       "",
       "tthc",
       3,
       {BC_VALUE_NONE, 0, NULL, {0}, NULL, 0, false},
       "text"},
  };
  bc_arena_init(&a, bc_allocator_default());
  make_model(&m, &a);
  m.template_name = "cchc_quy";
  m.agency.full_name = "Sở Thông tin và Truyền thông tỉnh Trà Vinh";
  m.agency.place = "Trà Vinh";
  m.period.starts = (bc_date){2023, 7, 1};
  m.period.ends = (bc_date){2023, 9, 30};
  bc_buf_init(&b, bc_allocator_default());
  bc_model_json(&b, &m, "ab12");
  ck_assert(!b.failed);
  snprintf(expected, sizeof expected,
           "{\"format\":\"baocao-data\",\"version\":1,"
           "\"generator\":\"baocao %s\","
           "\"agency\":{\"code\":\"STTTT-TV\","
           "\"name\":\"SỞ THÔNG TIN VÀ TRUYỀN THÔNG\","
           "\"full_name\":\"Sở Thông tin và Truyền thông tỉnh Trà Vinh\","
           "\"parent_name\":\"UBND TỈNH TRÀ VINH\",\"symbol\":\"STTTT\","
           "\"place\":\"Trà Vinh\"},"
           "\"period\":{\"code\":\"2023-Q3\",\"kind\":\"quarter\","
           "\"year\":2023,\"number\":3,\"starts\":\"2023-07-01\","
           "\"ends\":\"2023-09-30\"},"
           "\"report\":{\"template\":\"cchc_quy\","
           "\"template_sha256\":\"ab12\",\"number\":null,"
           "\"issued_on\":null},"
           "\"values\":["
           "{\"code\":\"cqs.ty_le\",\"name\":\"Tỷ lệ\",\"unit\":\"%%\","
           "\"section\":\"chinh_quyen_so\",\"kind\":\"percent\","
           "\"value\":30.73},"
           "{\"code\":\"tthc.ghi_chu\",\"name\":\"Ghi chú\",\"unit\":\"\","
           "\"section\":\"tthc\",\"kind\":\"text\",\"value\":\"không có\"},"
           "{\"code\":\"tthc.so_hoa\",\"name\":\"Số hồ sơ số hóa\","
           "\"unit\":\"hồ sơ\",\"section\":\"tthc\",\"kind\":\"number\","
           "\"value\":60}"
           "]}\n",
           bc_version());
  ck_assert_str_eq(bc_buf_cstr(&b), expected);
  /* A numbered, dated year report; kinds from the values; escapes. */
  b.len = 0;
  m.period.kind = BC_PERIOD_YEAR;
  m.period.code = "2023";
  m.period.starts = (bc_date){2023, 1, 1};
  m.period.ends = (bc_date){2023, 12, 31};
  m.agency.parent_name = NULL;
  m.number = 45;
  m.issued_on = (bc_date){2024, 1, 5};
  m.values = more;
  m.value_count = 3;
  bc_model_json(&b, &m, "ab12");
  snprintf(expected, sizeof expected,
           "{\"format\":\"baocao-data\",\"version\":1,"
           "\"generator\":\"baocao %s\","
           "\"agency\":{\"code\":\"STTTT-TV\","
           "\"name\":\"SỞ THÔNG TIN VÀ TRUYỀN THÔNG\","
           "\"full_name\":\"Sở Thông tin và Truyền thông tỉnh Trà Vinh\","
           "\"parent_name\":null,\"symbol\":\"STTTT\","
           "\"place\":\"Trà Vinh\"},"
           "\"period\":{\"code\":\"2023\",\"kind\":\"year\","
           "\"year\":2023,\"number\":null,\"starts\":\"2023-01-01\","
           "\"ends\":\"2023-12-31\"},"
           "\"report\":{\"template\":\"cchc_quy\","
           "\"template_sha256\":\"ab12\",\"number\":45,"
           "\"issued_on\":\"2024-01-05\"},"
           "\"values\":["
           "{\"code\":\"tthc.so_hoa\",\"name\":\"Số hồ sơ \\\"số hóa\\\"\","
           "\"unit\":\"\",\"section\":\"\",\"kind\":\"number\","
           "\"value\":0.1},"
           "{\"code\":\"tthc.ngay\",\"name\":\"Ngày\\tkhai trương\","
           "\"unit\":\"\",\"section\":\"tthc\",\"kind\":\"date\","
           "\"value\":\"2023-09\"},"
           "{\"code\":\"tthc.rong\",\"name\":\"Rỗng\",\"unit\":\"\","
           "\"section\":\"tthc\",\"kind\":\"text\",\"value\":null}"
           "]}\n",
           bc_version());
  ck_assert_str_eq(bc_buf_cstr(&b), expected);
  bc_buf_free(&b);
  bc_arena_release(&a);
}
END_TEST

Suite *model_suite(void) {
  Suite *s = suite_create("model");
  TCase *tc = tcase_create("model");
  tcase_add_test(tc, test_model_model__period_labels);
  tcase_add_test(tc, test_model_valid__periods);
  tcase_add_test(tc, test_model_valid__values);
  tcase_add_test(tc, test_model_valid__cert_bindings);
  tcase_add_test(tc, test_model_model__short_dates_follow_the_decree);
  tcase_add_test(tc, test_model_model__date_parse);
  tcase_add_test(tc, test_model_model__roman);
  tcase_add_test(tc, test_model_model__lookup_names);
  suite_add_tcase(s, tc);
  tc = tcase_create("json");
  tcase_add_test(tc, test_model_json__small_report_exact);
  suite_add_tcase(s, tc);
  return s;
}
