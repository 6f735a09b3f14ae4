/* tests/check_data.c: database creation, SQL loading in one transaction,
 * the schema check and upgrade, loading a report into the model, listing
 * the reports of a period, the certificates bound to an agency. */
#include "common/arena.h"
#include "data/data.h"
#include "testutil.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char fixture[] =
    "INSERT INTO agency (code, name, full_name, parent_name, symbol, place) "
    "VALUES ('A1', 'SỞ THỬ', 'Sở Thử', 'UBND TỈNH X', "
    "'ST', 'Xã Y');\n"
    "INSERT INTO signer VALUES (1, 'A1', 'KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC', "
    "'Nguyễn Văn A');\n"
    "INSERT INTO period (code, kind, year, number, starts, ends) VALUES ('2023-Q3', 'quarter', 2023, 3, '2023-07-01', "
    "'2023-09-30');\n"
    "INSERT INTO report VALUES ('A1', '2023-Q3', 'cchc_quy', NULL, '2023-09', "
    "1, 'VP');\n"
    "INSERT INTO recipient VALUES ('A1', 'cchc_quy', 2, 'Thứ hai');\n"
    "INSERT INTO recipient VALUES ('A1', 'cchc_quy', 1, 'Thứ nhất');\n"
    "INSERT INTO indicator VALUES ('b.so', 'b', 1, 'Số', 'hồ sơ', 'number');\n"
    "INSERT INTO indicator VALUES ('a.ngay', 'a', 1, 'Ngày', '', 'date');\n"
    "INSERT INTO indicator VALUES ('a.chu', 'a', 2, 'Chữ', '', 'text');\n"
    "INSERT INTO indicator_value VALUES ('A1', '2023-Q3', 'b.so', 60, NULL);\n"
    "INSERT INTO indicator_value VALUES ('A1', '2023-Q3', 'a.ngay', NULL, "
    "'2023-08-30');\n"
    "INSERT INTO indicator_value VALUES ('A1', '2023-Q3', 'a.chu', NULL, "
    "'chữ **đậm**');\n"
    "INSERT INTO narrative VALUES ('A1', '2023-Q3', 'the_che', "
    "'Vie\xCC\x82\xCC\xA3t');\n";

static char db_path[512];

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  fclose(f);
}

/* A fresh database holding the fixture, at db_path. */
static void make_db(const char *name) {
  char sql[512];
  bc_error err;
  snprintf(db_path, sizeof db_path, "%s/%s.db", tu_tmpdir(), name);
  snprintf(sql, sizeof sql, "%s/%s.sql", tu_tmpdir(), name);
  unlink(db_path);
  write_file(sql, fixture);
  ck_assert_int_eq(bc_database_create(db_path, NULL, &err), 0);
  ck_assert_int_eq(bc_database_load_sql(db_path, sql, NULL, &err), 0);
}

static int run_sql(const char *text, bc_error *err) {
  char sql[512];
  snprintf(sql, sizeof sql, "%s/extra.sql", tu_tmpdir());
  write_file(sql, text);
  return bc_database_load_sql(db_path, sql, NULL, err);
}

/* SQL run behind baocao's back (another tool): what the render's own
 * load must still refuse. */
static void run_raw(const char *text) {
  sqlite3 *h;
  ck_assert_int_eq(sqlite3_open(db_path, &h), SQLITE_OK);
  ck_assert_int_eq(sqlite3_exec(h, text, NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(h);
}

/* The render's load of A1, 2023-Q3: BC_EDATA with this message. */
static void load_refuses(const char *message) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_report_model m;
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err),
                   BC_EDATA);
  ck_assert_str_eq(err.message, message);
  bc_db_close(db);
  bc_arena_release(&a);
}

START_TEST(test_data_db__loads_a_report) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_report_model m;
  make_db("load");
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err),
                   0);
  ck_assert_str_eq(m.agency.name, "SỞ THỬ");
  ck_assert_str_eq(m.agency.place, "Xã Y");
  ck_assert_str_eq(m.template_name, "cchc_quy");
  ck_assert_int_eq(m.number, 0);
  ck_assert_int_eq(m.issued_on.month, 9);
  ck_assert_int_eq(m.issued_on.day, 0);
  ck_assert_str_eq(m.signer.authority, "KT. GIÁM ĐỐC");
  ck_assert_uint_eq(m.recipient_count, 2);
  ck_assert_str_eq(m.recipients[0], "Thứ nhất"); /* by position */
  ck_assert_uint_eq(m.value_count, 3);
  ck_assert_str_eq(m.period_label, "quý III năm 2023");
  const bc_indicator_value *v = bc_model_indicator(&m, "a.ngay", 6);
  ck_assert(v && v->value.kind == BC_VALUE_DATE && v->value.date.day == 30);
  v = bc_model_indicator(&m, "a.chu", 5);
  ck_assert(v && v->value.kind == BC_VALUE_TEXT);
  ck_assert_str_eq(v->value.text, "chữ **đậm**");
  /* Strings from the database come out NFC. */
  ck_assert_str_eq(bc_model_narrative(&m, "the_che", 7), "Việt");
  /* The statements are reusable: load again on the same connection. */
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err),
                   0);
  bc_db_close(db);
  bc_arena_release(&a);
}
END_TEST

START_TEST(test_data_db__not_found) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_report_model m;
  make_db("notfound");
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_db_load_report(&m, db, "B2", "2023-Q3", NULL, &a, &err),
                   BC_ENOTFOUND);
  ck_assert_str_eq(err.message, "unknown agency 'B2'");
  bc_error_clear(&err);
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q4", NULL, &a, &err),
                   BC_ENOTFOUND);
  ck_assert_str_eq(err.message, "unknown period '2023-Q4'");
  bc_error_clear(&err);
  ck_assert_int_eq(
      bc_db_load_report(&m, db, "A1", "2023-Q3", "dan_van", &a, &err),
      BC_ENOTFOUND);
  ck_assert_str_eq(err.message,
                   "no 'dan_van' report for agency 'A1' in period '2023-Q3'");
  bc_db_close(db);
  bc_arena_release(&a);
}
END_TEST

START_TEST(test_data_db__several_reports_need_a_template) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_report_model m;
  make_db("several");
  ck_assert_int_eq(run_sql("INSERT INTO report VALUES ('A1', '2023-Q3', "
                           "'dan_van', 5, '2023-09-28', 1, 'VP');",
                           &err),
                   0);
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err),
                   BC_ENOTFOUND);
  ck_assert_str_eq(err.message, "agency 'A1' has several reports in period "
                                "'2023-Q3'; choose one with --template");
  ck_assert_int_eq(
      bc_db_load_report(&m, db, "A1", "2023-Q3", "dan_van", &a, &err), 0);
  ck_assert_int_eq(m.number, 5);
  ck_assert_int_eq(m.issued_on.day, 28);
  bc_db_close(db);
  bc_arena_release(&a);
}
END_TEST

/* Bad values, dates, periods and names: `db load` refuses them (nothing
 * is written), and the render's load refuses them when they got in some
 * other way, with the same judge (model/valid.c) and the same words. */
START_TEST(test_data_db__bad_values) {
  static const struct {
    const char *sql;
    const char *load;   /* db load's message */
    const char *render; /* the render's */
  } cases[] = {
      {"UPDATE indicator_value SET num = NULL, text = '60' "
       "WHERE indicator_code = 'b.so';",
       "indicator 'b.so' of agency 'A1', period '2023-Q3': no number (kind "
       "number)",
       "indicator 'b.so': no number (kind number)"},
      {"UPDATE indicator_value SET num = 1e999 WHERE indicator_code = 'b.so';",
       "indicator 'b.so' of agency 'A1', period '2023-Q3': inf is not a "
       "finite number",
       "indicator 'b.so': inf is not a finite number"},
      {"UPDATE indicator_value SET text = '30/8/2023' "
       "WHERE indicator_code = 'a.ngay';",
       "indicator 'a.ngay' of agency 'A1', period '2023-Q3': '30/8/2023' is "
       "not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
       "indicator 'a.ngay': '30/8/2023' is not a date (YYYY-MM-DD, YYYY-MM or "
       "YYYY)"},
      {"UPDATE period SET number = 5;",
       "period '2023-Q3' number: 5 is not a quarter (1 to 4)",
       "period '2023-Q3' number: 5 is not a quarter (1 to 4)"},
      {"UPDATE period SET ends = '2023-06-30';",
       "period '2023-Q3' ends: 2023-06-30 is before starts 2023-07-01",
       "period '2023-Q3' ends: 2023-06-30 is before starts 2023-07-01"},
      {"UPDATE period SET year = -5;",
       "period '2023-Q3' year: -5 is not a year from 1900 to 9999",
       "period '2023-Q3' year: -5 is not a year from 1900 to 9999"},
      {"UPDATE report SET issued_on = '2023-02-30';",
       "report of agency 'A1', period '2023-Q3' issued_on: '2023-02-30' is "
       "not a date (YYYY-MM-DD, YYYY-MM or YYYY)",
       "report issued_on: '2023-02-30' is not a date (YYYY-MM-DD, YYYY-MM or "
       "YYYY)"},
      {"UPDATE agency SET full_name = (SELECT group_concat('Sở', ' ') FROM "
       "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
       "WHERE x < 11000) SELECT x FROM c));",
       "agency 'A1' full_name: 32999 characters long, more than the 1000 a "
       "name may have",
       "agency full_name: 32999 characters long, more than the 1000 a name "
       "may have"},
  };
  char msg[600], sql[512];
  snprintf(sql, sizeof sql, "%s/extra.sql", tu_tmpdir());
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bc_error err;
    make_db("bad");
    bc_error_clear(&err);
    ck_assert_int_eq(run_sql(cases[i].sql, &err), BC_EDATA);
    snprintf(msg, sizeof msg, "%s", cases[i].load);
    ck_assert_str_eq(err.message, msg);
    ck_assert_str_eq(err.file, sql);
    { /* nothing was written: the report still loads */
      bc_db *db;
      bc_arena a;
      bc_report_model m;
      bc_arena_init(&a, bc_allocator_default());
      ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
      ck_assert_int_eq(
          bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err), 0);
      bc_db_close(db);
      bc_arena_release(&a);
    }
    run_raw(cases[i].sql);
    load_refuses(cases[i].render);
  }
}
END_TEST

START_TEST(test_data_db__schema_checks) {
  bc_db *db = NULL;
  bc_error err;
  char path[512], msg[600];
  snprintf(path, sizeof path, "%s/missing.db", tu_tmpdir());
  ck_assert_int_eq(bc_db_open(&db, path, &err), BC_EDB);
  snprintf(msg, sizeof msg, "database '%s' does not exist", path);
  ck_assert_str_eq(err.message, msg);
  snprintf(path, sizeof path, "%s/text.db", tu_tmpdir());
  write_file(path, "hello, this is text and not a database at all........."
                   "................................................");
  ck_assert_int_eq(bc_db_open(&db, path, &err), BC_ESCHEMA);
  snprintf(msg, sizeof msg,
           "'%s' is not a baocao database (not an SQLite file)", path);
  ck_assert_str_eq(err.message, msg);
  ck_assert_ptr_null(db);
  /* Creating over an existing file is refused. */
  ck_assert_int_eq(bc_database_create(path, NULL, &err), BC_EIO);
}
END_TEST

START_TEST(test_data_db__sql_file_is_all_or_nothing) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_report_model m;
  char msg[600];
  make_db("atomic");
  bc_error_clear(&err);
  /* The second statement breaks a foreign key: the first must not stay. */
  ck_assert_int_eq(run_sql("UPDATE agency SET name = 'ĐỔI';\n\n"
                           "INSERT INTO signer VALUES (2, 'NOPE', NULL, 'X', "
                           "'Y');\n",
                           &err),
                   BC_EDB);
  snprintf(msg, sizeof msg, "%s/extra.sql", tu_tmpdir());
  ck_assert_str_eq(err.file, msg);
  ck_assert_int_eq(err.line, 3);
  ck_assert_str_eq(err.message, "FOREIGN KEY constraint failed");
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err),
                   0);
  ck_assert_str_eq(m.agency.name, "SỞ THỬ");
  bc_db_close(db);
  bc_arena_release(&a);
}
END_TEST

START_TEST(test_data_db__lists_the_reports_of_a_period) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_report_ref *refs = NULL;
  size_t n = 99;
  make_db("list");
  /* Agencies inserted out of order, a second report type for A1, and
   * periods with other reports and with none. */
  ck_assert_int_eq(
      run_sql("INSERT INTO agency (code, name, full_name, parent_name, symbol, "
              "place) VALUES ('C3', 'C', 'C', NULL, 'C', 'C');\n"
              "INSERT INTO agency (code, name, full_name, parent_name, symbol, "
              "place) VALUES ('B2', 'B', 'B', NULL, 'B', 'B');\n"
              "INSERT INTO period (code, kind, year, number, starts, ends) VALUES ('2023-Q4', 'quarter', 2023, 4, "
              "'2023-10-01', '2023-12-31');\n"
              "INSERT INTO period (code, kind, year, number, starts, ends) VALUES ('2024', 'year', 2024, NULL, "
              "'2024-01-01', '2024-12-31');\n"
              "INSERT INTO report VALUES ('C3', '2023-Q3', 'cchc_quy', NULL, "
              "NULL, NULL, NULL);\n"
              "INSERT INTO report VALUES ('A1', '2023-Q3', 'dan_van', NULL, "
              "NULL, 1, NULL);\n"
              "INSERT INTO report VALUES ('B2', '2023-Q3', 'cchc_quy', NULL, "
              "NULL, NULL, NULL);\n"
              "INSERT INTO report VALUES ('B2', '2023-Q4', 'cchc_quy', NULL, "
              "NULL, NULL, NULL);\n",
              &err),
      0);
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_db_list_reports(&refs, &n, db, "2023-Q3", &a, &err), 0);
  ck_assert_uint_eq(n, 4);
  ck_assert_str_eq(refs[0].agency, "A1");
  ck_assert_str_eq(refs[0].template_name, "cchc_quy");
  ck_assert_str_eq(refs[1].agency, "A1");
  ck_assert_str_eq(refs[1].template_name, "dan_van");
  ck_assert_str_eq(refs[2].agency, "B2");
  ck_assert_str_eq(refs[3].agency, "C3");
  /* only the period's own reports */
  ck_assert_int_eq(bc_db_list_reports(&refs, &n, db, "2023-Q4", &a, &err), 0);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(refs[0].agency, "B2");
  /* a period without reports is empty, an unknown one an error */
  ck_assert_int_eq(bc_db_list_reports(&refs, &n, db, "2024", &a, &err), 0);
  ck_assert_uint_eq(n, 0);
  n = 99;
  ck_assert_int_eq(bc_db_list_reports(&refs, &n, db, "2099-Q1", &a, &err),
                   BC_ENOTFOUND);
  ck_assert_str_eq(err.message, "unknown period '2099-Q1'");
  ck_assert_uint_eq(n, 99);
  /* the statements are still usable afterwards */
  bc_report_model m;
  ck_assert_int_eq(
      bc_db_load_report(&m, db, "A1", "2023-Q3", "cchc_quy", &a, &err), 0);
  bc_db_close(db);
  bc_arena_release(&a);
}
END_TEST

/* A report without a signer loads: refusing it is the render's business
 * (and bc_check lists it with the report's other problems). */
START_TEST(test_data_db__loads_a_report_without_signer) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_report_model m;
  make_db("nosigner");
  ck_assert_int_eq(run_sql("UPDATE report SET signer_id = NULL;", &err), 0);
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err),
                   0);
  ck_assert_ptr_null(m.signer.full_name);
  ck_assert_ptr_null(m.signer.title);
  ck_assert_uint_eq(m.value_count, 3);
  bc_db_close(db);
  bc_arena_release(&a);
}
END_TEST

/* ---- the certificates bound to an agency (issue 14) ---- */

#define FP_SEAL "3f1a9c0d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e"
#define FP_SIGNER                                                              \
  "00a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f"

static const char bindings[] =
    "INSERT INTO agency (code, name, full_name, symbol, place) "
    "VALUES ('B2', 'SỞ KHÁC', 'Sở Khác', 'SK', 'Xã Z');\n"
    "INSERT INTO agency_certificate VALUES ('A1', 'signer', NULL, "
    "'CN=Test Intermediate CA,O=Ban Co yeu,C=VN', "
    "'CN=Nguyễn Văn A,O=Sở Thử,C=VN', NULL);\n"
    "INSERT INTO agency_certificate VALUES ('A1', 'signer', '" FP_SIGNER
    "', NULL, NULL, NULL);\n"
    "INSERT INTO agency_certificate VALUES ('A1', 'seal', '" FP_SEAL
    "', NULL, NULL, 'USB token của văn thư, cấp 2024');\n"
    /* the same key for another agency: its own row */
    "INSERT INTO agency_certificate VALUES ('B2', 'seal', '" FP_SEAL
    "', NULL, NULL, NULL);\n";

START_TEST(test_data_db__agency_certs) {
  bc_db *db;
  bc_error err;
  bc_arena a;
  bc_agency_cert *c = NULL;
  size_t n = 99;
  make_db("certs");
  bc_error_clear(&err);
  ck_assert_int_eq(run_sql(bindings, &err), 0);
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  ck_assert_int_eq(bc_db_agency_certs(&c, &n, db, "A1", &a, &err), 0);
  /* by role, then fingerprint (NULL first), then issuer and subject */
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(c[0].role, "seal");
  ck_assert_str_eq(c[0].spki_sha256, FP_SEAL);
  ck_assert_ptr_null(c[0].issuer);
  ck_assert_ptr_null(c[0].subject);
  ck_assert_str_eq(c[0].note, "USB token của văn thư, cấp 2024");
  ck_assert_str_eq(c[1].role, "signer");
  ck_assert_ptr_null(c[1].spki_sha256);
  ck_assert_str_eq(c[1].issuer, "CN=Test Intermediate CA,O=Ban Co yeu,C=VN");
  ck_assert_str_eq(c[1].subject, "CN=Nguyễn Văn A,O=Sở Thử,C=VN");
  ck_assert_ptr_null(c[1].note);
  ck_assert_str_eq(c[2].role, "signer");
  ck_assert_str_eq(c[2].spki_sha256, FP_SIGNER);
  /* only the agency's own rows */
  ck_assert_int_eq(bc_db_agency_certs(&c, &n, db, "B2", &a, &err), 0);
  ck_assert_uint_eq(n, 1);
  ck_assert_str_eq(c[0].spki_sha256, FP_SEAL);
  /* none: an agency without bindings, one the database does not hold, and
   * a code that would be SQL if it were pasted into the statement */
  ck_assert_int_eq(bc_db_agency_certs(&c, &n, db, "C3", &a, &err), 0);
  ck_assert_uint_eq(n, 0);
  ck_assert_ptr_null(c);
  n = 99;
  ck_assert_int_eq(bc_db_agency_certs(&c, &n, db, "' OR 1=1 --", &a, &err), 0);
  ck_assert_uint_eq(n, 0);
  /* the statements are still usable for a report */
  bc_report_model m;
  ck_assert_int_eq(bc_db_load_report(&m, db, "A1", "2023-Q3", NULL, &a, &err),
                   0);
  bc_db_close(db);
  /* by path: the same rows */
  ck_assert_int_eq(bc_db_agency_certs_at(&c, &n, db_path, "A1", &a, &err), 0);
  ck_assert_uint_eq(n, 3);
  ck_assert_str_eq(c[2].spki_sha256, FP_SIGNER);
  bc_arena_release(&a);
}
END_TEST

static int certs_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  bc_db *db = ud;
  bc_arena a;
  bc_agency_cert *c;
  size_t n;
  int rc;
  bc_arena_init(&a, alloc);
  rc = bc_db_agency_certs(&c, &n, db, "A1", &a, err);
  ck_assert(rc || n == 3);
  bc_arena_release(&a);
  return rc;
}

START_TEST(test_data_db__agency_certs_out_of_memory) {
  bc_db *db;
  bc_error err;
  make_db("certs_oom");
  ck_assert_int_eq(run_sql(bindings, &err), 0);
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  ck_assert_int_gt(tu_every_allocation_failure(0, certs_op, db), 1);
  ck_assert_int_gt(tu_every_allocation_failure(1, certs_op, db), 1);
  bc_db_close(db);
}
END_TEST

/* Every way in judges the rows: `db load` (the SQL's statements, then
 * bc_db__check_all) and, for rows written behind baocao's back, the
 * lookup itself. */
START_TEST(test_data_db__agency_certs_judged) {
  static const struct {
    const char *sql;
    int code;
    const char *message;
  } cases[] = {
      {"INSERT INTO agency_certificate VALUES ('A1', 'seal', "
       "'3F1A9C0D5E7B2A4C6D8E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E', "
       "NULL, NULL, NULL);",
       BC_EDATA,
       "agency_certificate of agency 'A1' spki_sha256: "
       "'3F1A9C0D5E7B2A4C6D8E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D5E' is "
       "not a SHA-256 fingerprint (64 lowercase hex digits)"},
      {"INSERT INTO agency_certificate VALUES ('A1', 'signer', NULL, "
       "'C = VN, CN = CA', 'CN=X', NULL);",
       BC_EDATA,
       "agency_certificate of agency 'A1' issuer: 'C = VN, CN = CA' is not a "
       "distinguished name as openssl prints it with -nameopt "
       "RFC2253,-esc_msb (CN=...,O=...,C=VN)"},
      /* the schema's own rules */
      {"INSERT INTO agency_certificate VALUES ('A1', 'seal', '" FP_SEAL
       "', 'CN=CA', 'CN=X', NULL);",
       BC_EDB, "CHECK constraint failed: one_binding"},
      {"INSERT INTO agency_certificate VALUES ('A1', 'seal', NULL, NULL, "
       "NULL, NULL);",
       BC_EDB, "CHECK constraint failed: one_binding"},
      {"INSERT INTO agency_certificate VALUES ('A1', 'boss', '" FP_SEAL
       "', NULL, NULL, NULL);",
       BC_EDB, "CHECK constraint failed: role IN ('seal', 'signer')"},
      {"INSERT INTO agency_certificate VALUES ('ZZ', 'seal', '" FP_SEAL
       "', NULL, NULL, NULL);",
       BC_EDB, "FOREIGN KEY constraint failed"},
      {"INSERT INTO agency_certificate VALUES ('A1', 'seal', '" FP_SEAL
       "', NULL, NULL, 'a');\n"
       "INSERT INTO agency_certificate VALUES ('A1', 'seal', '" FP_SEAL
       "', NULL, NULL, 'b');",
       BC_EDB,
       "UNIQUE constraint failed: agency_certificate.agency_code, "
       "agency_certificate.role, agency_certificate.spki_sha256"},
      {"INSERT INTO agency_certificate VALUES ('A1', 'seal', NULL, 'CN=CA', "
       "'CN=X', NULL);\n"
       "INSERT INTO agency_certificate VALUES ('A1', 'seal', NULL, 'CN=CA', "
       "'CN=X', NULL);",
       BC_EDB,
       "UNIQUE constraint failed: agency_certificate.agency_code, "
       "agency_certificate.role, agency_certificate.issuer, "
       "agency_certificate.subject"},
  };
  bc_error err;
  bc_db *db;
  bc_arena a;
  bc_agency_cert *c;
  size_t n;
  make_db("certs_judged");
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    bc_error_clear(&err);
    ck_assert_int_eq(run_sql(cases[i].sql, &err), cases[i].code);
    ck_assert_str_eq(err.message, cases[i].message);
  }
  /* nothing stayed; another role for the same key is its own row */
  ck_assert_int_eq(
      run_sql("INSERT INTO agency_certificate VALUES ('A1', 'seal', '" FP_SEAL
              "', NULL, NULL, NULL);\n"
              "INSERT INTO agency_certificate VALUES ('A1', 'signer', '" FP_SEAL
              "', NULL, NULL, NULL);",
              &err),
      0);
  /* a row written by another tool: the lookup refuses it */
  run_raw("INSERT INTO agency_certificate VALUES ('A1', 'seal', 'abc', NULL, "
          "NULL, NULL);");
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), 0);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_db_agency_certs(&c, &n, db, "A1", &a, &err), BC_EDATA);
  ck_assert_str_eq(err.message, "agency_certificate of agency 'A1' "
                                "spki_sha256: 'abc' is not a SHA-256 "
                                "fingerprint (64 lowercase hex digits)");
  ck_assert_str_eq(err.file, db_path);
  bc_db_close(db);
  bc_arena_release(&a);
}
END_TEST

/* `db upgrade` brings version 3 to 4: the table with the same rules. */
START_TEST(test_data_db__upgrade_adds_agency_certificate) {
  bc_db *db = NULL;
  bc_error err;
  bc_arena a;
  bc_agency_cert *c;
  size_t n;
  int from = 0;
  char msg[1200];
  make_db("upgrade");
  run_raw("DROP TABLE agency_certificate; PRAGMA user_version = 3;");
  ck_assert_int_eq(bc_db_open(&db, db_path, &err), BC_ESCHEMA);
  snprintf(msg, sizeof msg,
           "'%s' has schema version 3; this baocao reads version 4 (upgrade "
           "it with: baocao db upgrade %s)",
           db_path, db_path);
  ck_assert_str_eq(err.message, msg);
  ck_assert_int_eq(bc_database_upgrade(&from, db_path, NULL, &err), 0);
  ck_assert_int_eq(from, 3);
  ck_assert_int_eq(bc_database_upgrade(&from, db_path, NULL, &err), 0);
  ck_assert_int_eq(from, 4);
  bc_error_clear(&err);
  ck_assert_int_eq(run_sql(bindings, &err), 0);
  ck_assert_int_eq(
      run_sql("INSERT INTO agency_certificate VALUES ('A1', 'seal', '" FP_SEAL
              "', NULL, NULL, 'again');",
              &err),
      BC_EDB);
  ck_assert_str_eq(err.message,
                   "UNIQUE constraint failed: agency_certificate.agency_code, "
                   "agency_certificate.role, agency_certificate.spki_sha256");
  ck_assert_int_eq(run_sql("INSERT INTO agency_certificate VALUES ('A1', "
                           "'seal', NULL, NULL, NULL, NULL);",
                           &err),
                   BC_EDB);
  ck_assert_str_eq(err.message, "CHECK constraint failed: one_binding");
  bc_arena_init(&a, bc_allocator_default());
  ck_assert_int_eq(bc_db_agency_certs_at(&c, &n, db_path, "A1", &a, &err), 0);
  ck_assert_uint_eq(n, 3);
  bc_arena_release(&a);
}
END_TEST

Suite *data_suite(void) {
  Suite *s = suite_create("data");
  TCase *tc = tcase_create("db");
  tcase_add_test(tc, test_data_db__loads_a_report);
  tcase_add_test(tc, test_data_db__not_found);
  tcase_add_test(tc, test_data_db__several_reports_need_a_template);
  tcase_add_test(tc, test_data_db__bad_values);
  tcase_add_test(tc, test_data_db__schema_checks);
  tcase_add_test(tc, test_data_db__sql_file_is_all_or_nothing);
  tcase_add_test(tc, test_data_db__lists_the_reports_of_a_period);
  tcase_add_test(tc, test_data_db__loads_a_report_without_signer);
  tcase_add_test(tc, test_data_db__agency_certs);
  tcase_add_test(tc, test_data_db__agency_certs_out_of_memory);
  tcase_add_test(tc, test_data_db__agency_certs_judged);
  tcase_add_test(tc, test_data_db__upgrade_adds_agency_certificate);
  suite_add_tcase(s, tc);
  return s;
}
