/* tests/check_import.c: the CSV reader and writer, `db import` (every kind
 * of bad row, all or nothing, upsert, narratives from Markdown, allocation
 * failures) and `db export`. */
#include "common/buf.h"
#include "data/csv.h"
#include "data/data.h"
#include "testutil.h"

#include <check.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- the reader ---- */

typedef struct csv_fixture {
  bc_csv_reader r;
  bc_csv_record rec;
  bc_error err;
} csv_fixture;

static int csv_open(csv_fixture *f, const char *text) {
  bc_error_clear(&f->err);
  return bc_csv_open(&f->r, "t.csv", text, strlen(text), bc_allocator_default(),
                     &f->err);
}

/* The next record's fields joined with '|', or "END", or the error. */
static const char *csv_next(csv_fixture *f, char *buf, size_t size) {
  char e[BC_ERROR_MESSAGE_SIZE + 2 * BC_ERROR_FIELD_SIZE];
  int rc = bc_csv_next(&f->r, &f->rec, &f->err);
  if (rc < 0) {
    snprintf(buf, size, "ERROR %s", bc_error_format(&f->err, e, sizeof e));
    return buf;
  }
  if (rc == 0)
    return "END";
  buf[0] = '\0';
  for (size_t i = 0; i < f->rec.count; i++)
    snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? "|" : "",
             f->rec.fields[i]);
  return buf;
}

START_TEST(test_import_csv__quotes_crlf_and_embedded_newlines) {
  csv_fixture f;
  char b[256];
  ck_assert_int_eq(csv_open(&f,
                            "a,b,c\r\n"
                            "\"x, y\",\"say \"\"hi\"\"\",\"two\r\nlines\"\r\n"
                            "\r\n"
                            "1,,3,\n"
                            "\"\",last"),
                   0);
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "a|b|c");
  ck_assert_int_eq(f.rec.line, 1);
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "x, y|say \"hi\"|two\nlines");
  ck_assert_int_eq(f.rec.line, 2);
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "1||3|");
  ck_assert_int_eq(f.rec.line, 5);
  ck_assert_uint_eq(f.rec.count, 4);
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "|last");
  ck_assert_int_eq(f.rec.line, 6);
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "END");
  bc_csv_close(&f.r);
}
END_TEST

START_TEST(test_import_csv__bom_semicolons_and_nfc) {
  csv_fixture f;
  char b[256];
  /* Excel in a comma-decimal locale: BOM, ';' between fields; "Việt"
   * typed as e + U+0302 + U+0323 and "hoà" decomposed, which composes
   * with its tone where it was typed */
  ck_assert_int_eq(csv_open(&f, "\xEF\xBB\xBFma;so\n"
                                "Vie\xCC\x82\xCC\xA3t;\"1,5\"\n"
                                "hoa\xCC\x80;2,5\n"),
                   0);
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "ma|so");
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "Việt|1,5");
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "hoà|2,5");
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "END");
  bc_csv_close(&f.r);
}
END_TEST

START_TEST(test_import_csv__errors_name_line_and_byte) {
  csv_fixture f;
  char b[512];
  ck_assert_int_eq(csv_open(&f, "a,b\n1,2\nx,\xC3\x28\n"), BC_EINPUT);
  ck_assert_str_eq(f.err.file, "t.csv");
  ck_assert_int_eq(f.err.line, 3);
  ck_assert_str_eq(f.err.message, "invalid UTF-8 at byte 10");
  bc_csv_close(&f.r);

  ck_assert_int_eq(
      bc_csv_open(&f.r, "t.csv", "a,\0b", 4, bc_allocator_default(), &f.err),
      BC_EINPUT);
  ck_assert_str_eq(f.err.message, "NUL byte at byte 2");
  bc_csv_close(&f.r);

  ck_assert_int_eq(csv_open(&f, "a,b\n\"open,\nno close\n"), 0);
  csv_next(&f, b, sizeof b);
  ck_assert_str_eq(csv_next(&f, b, sizeof b),
                   "ERROR t.csv:2: a quoted field is never closed (its quote "
                   "opens on line 2)");
  bc_csv_close(&f.r);

  ck_assert_int_eq(csv_open(&f, "\"a\"x,b\n"), 0);
  ck_assert_str_eq(csv_next(&f, b, sizeof b),
                   "ERROR t.csv:1: 'x' after a closing quote (a field with "
                   "quotes must be quoted whole)");
  bc_csv_close(&f.r);

  ck_assert_int_eq(csv_open(&f, "a,b\r\n1,x\"y\r\n"), 0);
  csv_next(&f, b, sizeof b);
  ck_assert_str_eq(csv_next(&f, b, sizeof b),
                   "ERROR t.csv:2: a quote inside an unquoted field (quote the "
                   "field and double the quote)");
  bc_csv_close(&f.r);
}
END_TEST

START_TEST(test_import_csv__bounded) {
  csv_fixture f;
  char b[512];
  ck_assert_int_eq(csv_open(&f, "a,b,c\n12345,\"1234\n5\"\n"), 0);
  f.r.max_columns = 2;
  ck_assert_str_eq(csv_next(&f, b, sizeof b),
                   "ERROR t.csv:1: more than 2 fields in a record");
  bc_csv_close(&f.r);
  ck_assert_int_eq(csv_open(&f, "1234,5\n123456\n"), 0);
  f.r.max_field = 5;
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "1234|5");
  ck_assert_str_eq(csv_next(&f, b, sizeof b),
                   "ERROR t.csv:2: a field is longer than 5 bytes");
  bc_csv_close(&f.r);
  ck_assert_int_eq(csv_open(&f, "\"1234\n56\"\n"), 0);
  f.r.max_field = 5;
  ck_assert_str_eq(csv_next(&f, b, sizeof b),
                   "ERROR t.csv:1: a field is longer than 5 bytes");
  bc_csv_close(&f.r);
}
END_TEST

START_TEST(test_import_csv__writer_quotes_when_needed) {
  static const char *const fields[] = {
      "plain", "a,b", "say \"x\"", "two\nlines", "", " pad", "x;y", "Việt"};
  const size_t n = sizeof fields / sizeof fields[0];
  bc_buf out;
  csv_fixture f;
  char b[256];
  bc_buf_init(&out, bc_allocator_default());
  for (size_t i = 0; i < n; i++)
    bc_csv_put(&out, fields[i], strlen(fields[i]), i == 0);
  bc_csv_end(&out);
  ck_assert_str_eq(bc_buf_cstr(&out), "plain,\"a,b\",\"say \"\"x\"\"\","
                                      "\"two\nlines\",,\" pad\",\"x;y\","
                                      "Việt\r\n");
  /* and it reads back */
  ck_assert_int_eq(csv_open(&f, bc_buf_cstr(&out)), 0);
  ck_assert_str_eq(csv_next(&f, b, sizeof b),
                   "plain|a,b|say \"x\"|two\nlines|| pad|x;y|Việt");
  bc_csv_close(&f.r);
  /* Found by fuzz_csv: a record of one empty field, and a first field
   * starting with a BOM, are quoted, or they would not read back. */
  bc_buf_reset(&out);
  bc_csv_put(&out,
             "\xEF\xBB\xBF"
             "a",
             4, true);
  bc_csv_end(&out);
  bc_csv_put(&out, "", 0, true);
  bc_csv_end(&out);
  ck_assert_str_eq(bc_buf_cstr(&out), "\"\xEF\xBB\xBF"
                                      "a\"\r\n\"\"\r\n");
  ck_assert_int_eq(csv_open(&f, bc_buf_cstr(&out)), 0);
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "\xEF\xBB\xBF"
                                              "a");
  ck_assert_str_eq(csv_next(&f, b, sizeof b), "");
  bc_csv_close(&f.r);
  bc_buf_free(&out);
}
END_TEST

/* ---- import ---- */

static const char base_sql[] =
    "INSERT INTO agency (code, name, full_name, symbol, place) VALUES "
    "('A1', 'SỞ A', 'Sở A', 'SA', 'Nơi A');\n"
    "INSERT INTO period (code, kind, year, number, starts, ends) VALUES ('2023-Q3', 'quarter', 2023, 3, "
    "'2023-07-01', '2023-09-30');\n"
    "INSERT INTO indicator (code, section, name, unit, kind) VALUES "
    "('a.so', 'a', 'Số', 'hồ sơ', 'number'), "
    "('a.tyle', 'a', 'Tỷ lệ', '%', 'percent'), "
    "('a.ngay', 'a', 'Ngày', '', 'date'), "
    "('a.chu', 'a', 'Chữ', '', 'text');\n";

static char db[512];

#define FP "3f1a9c0d5e7b2a4c6d8e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e"

static void write_file(const char *name, const char *text) {
  char path[600];
  FILE *fp;
  snprintf(path, sizeof path, "%s/%s", tu_tmpdir(), name);
  fp = fopen(path, "wb");
  ck_assert_ptr_nonnull(fp);
  fputs(text, fp);
  fclose(fp);
}

static const char *tmp(char *buf, size_t size, const char *name) {
  snprintf(buf, size, "%s/%s", tu_tmpdir(), name);
  return buf;
}

/* A fresh database with base_sql at db. */
static void fresh_db(const char *name) {
  char sql[600];
  bc_error err;
  tmp(db, sizeof db, name);
  unlink(db);
  write_file("base.sql", base_sql);
  ck_assert_int_eq(bc_database_create(db, NULL, &err), 0);
  ck_assert_int_eq(
      bc_database_load_sql(db, tmp(sql, sizeof sql, "base.sql"), NULL, &err), 0);
}

/* Imports the files (names in tu_tmpdir) into db. */
static int import(bc_import_result *r,
                  bc_error *err,
                  const char *agency,
                  const char *f1,
                  const char *f2) {
  char p1[600], p2[600];
  const char *files[2] = {tmp(p1, sizeof p1, f1),
                          f2 ? tmp(p2, sizeof p2, f2) : NULL};
  bc_import_options o = {.version = BC_IMPORT_OPTIONS_VERSION,
                         .agency = agency,
                         .period = agency ? "2023-Q3" : NULL};
  bc_error_clear(err);
  return bc_database_import(r, db, files, f2 ? 2 : 1, &o, err);
}

/* The problem at i without the temporary directory. */
static const char *problem_at(const bc_import_result *r, size_t i) {
  const char *p = r->problems[i], *dir = tu_tmpdir();
  ck_assert_uint_lt(i, r->problems_kept);
  if (!strncmp(p, dir, strlen(dir)))
    p += strlen(dir) + 1;
  return p;
}

/* One value of the database as text, by SQL (a constant in the test). */
static const char *query(char *buf, size_t size, const char *sql) {
  sqlite3 *h;
  sqlite3_stmt *s;
  ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &s, NULL), SQLITE_OK);
  if (sqlite3_step(s) == SQLITE_ROW)
    snprintf(buf, size, "%s",
             sqlite3_column_text(s, 0) ? (const char *)sqlite3_column_text(s, 0)
                                       : "NULL");
  else
    snprintf(buf, size, "NONE");
  sqlite3_finalize(s);
  sqlite3_close(h);
  return buf;
}

/* A one-off period with a name of its own (schema 3's period.label). */
START_TEST(test_import_db__period_label) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  char b[256];
  fresh_db("label.db");
  write_file("periods.csv", "code,kind,year,starts,ends,label\n"
                            "2011-nay,custom,2020,2011-01-01,2020-05-26,"
                            "từ năm 2011 đến nay\n"
                            "2016-2020,custom,2020,2016-01-01,2020-12-31,\n");
  ck_assert_int_eq(import(r, &err, NULL, "periods.csv", NULL), 0);
  ck_assert_str_eq(
      query(b, sizeof b, "SELECT label FROM period WHERE code = '2011-nay'"),
      "từ năm 2011 đến nay");
  ck_assert_str_eq(
      query(b, sizeof b, "SELECT label FROM period WHERE code = '2016-2020'"),
      "NULL");
  free(r);
}
END_TEST

START_TEST(test_import_db__numbers_by_kind) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  char b[128];
  fresh_db("numbers.db");
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "A1,2023-Q3,a.so,\"-1234,5\"\n"
                           "A1,2023-Q3,a.tyle,\"30,73%\"\n"
                           "A1,2023-Q3,a.ngay,2023-08\n"
                           "A1,2023-Q3,a.chu,\"chữ, có dấu phẩy\"\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", NULL), 0);
  ck_assert_uint_eq(r->inserted[7], 4);
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT num FROM indicator_value WHERE "
                         "indicator_code = 'a.so'"),
                   "-1234.5");
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT num FROM indicator_value WHERE "
                         "indicator_code = 'a.tyle'"),
                   "30.73");
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT text FROM indicator_value WHERE "
                         "indicator_code = 'a.ngay'"),
                   "2023-08");

  /* what a number is not */
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "A1,2023-Q3,a.so,1.234.567\n"
                           "A1,2023-Q3,a.so,1 000\n"
                           "A1,2023-Q3,a.so,+1\n"
                           "A1,2023-Q3,a.so,1e3\n"
                           "A1,2023-Q3,a.so,5%\n"
                           "A1,2023-Q3,a.so,.5\n"
                           "A1,2023-Q3,a.so,\n"
                           "A1,2023-Q3,a.tyle,%5\n"
                           "A1,2023-Q3,a.ngay,30/8/2023\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", NULL), BC_EDATA);
  ck_assert_uint_eq(r->problem_count, 9);
  ck_assert_str_eq(problem_at(r, 0),
                   "values.csv:2: column 'value': '1.234.567' is not a "
                   "number (indicator a.so is a number)");
  ck_assert_str_eq(problem_at(r, 4),
                   "values.csv:6: column 'value': '5%' is not a number "
                   "(indicator a.so is a number)");
  ck_assert_str_eq(problem_at(r, 6),
                   "values.csv:8: column 'value': is empty (indicator a.so "
                   "is a number)");
  ck_assert_str_eq(problem_at(r, 7),
                   "values.csv:9: column 'value': '%5' is not a number "
                   "(indicator a.tyle is a percent)");
  ck_assert_str_eq(problem_at(r, 8),
                   "values.csv:10: column 'value': '30/8/2023' is not a date "
                   "(YYYY-MM-DD, YYYY-MM or YYYY) (indicator a.ngay is a "
                   "date)");
  free(r);
}
END_TEST

START_TEST(test_import_db__every_bad_row_is_named) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  fresh_db("rows.db");
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "A1,2023-Q3,a.so,1\n"
                           "A9,2023-Q3,a.so,2\n"
                           "A1,2099-Q1,a.so,3\n"
                           "A1,2023-Q3,khong.co,4\n"
                           "A1,2023-Q3,a.so,5\n"
                           "A1,2023-Q3\n"
                           "A 1,2023-Q3,A.SO,6\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", NULL), BC_EDATA);
  ck_assert_ptr_nonnull(strstr(err.message, "rows.db': 7 problems"));
  ck_assert_str_eq(strstr(err.message, "nothing was imported into '"),
                   err.message);
  ck_assert_uint_eq(r->problem_count, 7);
  ck_assert_str_eq(problem_at(r, 0),
                   "values.csv:3: column 'agency_code': no agency 'A9'");
  ck_assert_str_eq(problem_at(r, 1),
                   "values.csv:4: column 'period_code': no period '2099-Q1'");
  ck_assert_str_eq(
      problem_at(r, 2),
      "values.csv:5: column 'indicator_code': no indicator 'khong.co'");
  ck_assert_str_eq(problem_at(r, 3),
                   "values.csv:6: duplicates line 2 (A1, 2023-Q3, a.so)");
  ck_assert_str_eq(problem_at(r, 4),
                   "values.csv:7: 2 fields, the header has 4");
  ck_assert_str_eq(problem_at(r, 5),
                   "values.csv:8: column 'agency_code': 'A 1' is not a code "
                   "(ASCII letters, digits, - and _)");
  ck_assert_str_eq(problem_at(r, 6),
                   "values.csv:8: column 'indicator_code': 'A.SO' is not a "
                   "code (a-z, 0-9, _ and .)");
  /* the same problems' parts, for db import --json */
  {
    const bc_import_problem *w = &r->where[0];
    char path[600];
    ck_assert_str_eq(w->file, tmp(path, sizeof path, "values.csv"));
    ck_assert_int_eq(w->line, 3);
    ck_assert_int_eq(w->column, 0);
    ck_assert_str_eq(w->column_name, "agency_code");
    ck_assert_str_eq(r->problems[0] + w->reason, "no agency 'A9'");
    w = &r->where[4];
    ck_assert_int_eq(w->line, 7);
    ck_assert_str_eq(w->column_name, "");
    ck_assert_str_eq(r->problems[4] + w->reason, "2 fields, the header has 4");
  }

  /* other tables' checks */
  write_file("periods.csv", "code,kind,year,number,starts,ends\n"
                            "2023-Q4,quy,2023,4,2023-10-01,2023-12-31\n"
                            "2023-H2,half,hai,,2023-07-01,2023-12-31\n"
                            "2023,year,2023,,2023-01-01,2022-12-31\n"
                            "2024,year,2024,,2024-02-30,2024-12-31\n"
                            "2023-Q5,quarter,2023,5,2023-10-01,2023-12-31\n"
                            "X-5,year,-5,,2023-01-01,2023-12-31\n"
                            "2022-Q1,quarter,2022,,2022-01-01,2022-03-31\n"
                            "2022-H1,half,2022,1,2022-01-01,2022-06-30\n"
                            "2021,year,2022,,2021-01-01,2021-12-31\n");
  ck_assert_int_eq(import(r, &err, NULL, "periods.csv", NULL), BC_EDATA);
  ck_assert_uint_eq(r->problem_count, 9);
  ck_assert_str_eq(problem_at(r, 0),
                   "periods.csv:2: column 'kind': 'quy' is not one of "
                   "quarter, half, nine_months, year, custom");
  ck_assert_str_eq(problem_at(r, 1),
                   "periods.csv:3: column 'year': 'hai' is not a whole number");
  ck_assert_str_eq(problem_at(r, 2),
                   "periods.csv:4: column 'ends': 2022-12-31 is before starts "
                   "2023-01-01");
  ck_assert_str_eq(problem_at(r, 3),
                   "periods.csv:5: column 'starts': '2024-02-30' is not a "
                   "date (YYYY-MM-DD)");
  /* What render refused and import took (issue 19): the same judge now. */
  ck_assert_str_eq(problem_at(r, 4),
                   "periods.csv:6: column 'number': 5 is not a quarter (1 to "
                   "4)");
  ck_assert_str_eq(problem_at(r, 5),
                   "periods.csv:7: column 'year': -5 is not a year from 1900 "
                   "to 9999");
  ck_assert_str_eq(problem_at(r, 6),
                   "periods.csv:8: column 'number': none, and a quarter needs "
                   "one from 1 to 4");
  ck_assert_str_eq(problem_at(r, 7),
                   "periods.csv:9: column 'number': 1 is set for a period "
                   "that is not a quarter");
  ck_assert_str_eq(problem_at(r, 8),
                   "periods.csv:10: column 'year': 2022 is not the year the "
                   "period starts in (2021-01-01)");

  /* A name far longer than any agency's: refused by name, not by libharu
   * out of memory at render time. */
  {
    static char agencies[40000];
    size_t n = (size_t)snprintf(agencies, sizeof agencies,
                                "code,name,full_name,symbol,place\n"
                                "A7,SỞ BẢY,");
    for (int i = 0; i < 1100; i++)
      agencies[n++] = 'x';
    snprintf(agencies + n, sizeof agencies - n, ",SB,Huế\n");
    write_file("agencies.csv", agencies);
    ck_assert_int_eq(import(r, &err, NULL, "agencies.csv", NULL), BC_EDATA);
    ck_assert_uint_eq(r->problem_count, 1);
    ck_assert_str_eq(problem_at(r, 0),
                     "agencies.csv:2: column 'full_name': 1100 characters "
                     "long, more than the 1000 a name may have");
  }

  write_file("reports.csv", "agency_code,period_code,template,signer_id\n"
                            "A1,2023-Q3,../etc,\n"
                            "A1,2023-Q3,cchc_quy,7\n"
                            ",2023-Q3,cchc_quy,\n");
  ck_assert_int_eq(import(r, &err, NULL, "reports.csv", NULL), BC_EDATA);
  ck_assert_uint_eq(r->problem_count, 3);
  ck_assert_str_eq(problem_at(r, 0),
                   "reports.csv:2: column 'template': '../etc' is not a code "
                   "(a-z, 0-9, _, - and / between names)");
  ck_assert_str_eq(problem_at(r, 1),
                   "reports.csv:3: column 'signer_id': no signer 7");
  ck_assert_str_eq(problem_at(r, 2),
                   "reports.csv:4: column 'agency_code': is empty");
  free(r);
}
END_TEST

START_TEST(test_import_db__bad_files_and_headers) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  fresh_db("files.db");
  write_file("things.csv", "a\n");
  ck_assert_int_eq(import(r, &err, NULL, "things.csv", NULL), BC_EINPUT);
  ck_assert_uint_eq(r->problem_count, 1);
  ck_assert_ptr_nonnull(strstr(r->problems[0], "things.csv': no table has "
                                               "this file name (import takes "
                                               "agency.csv or agencies.csv"));
  write_file("sections.csv", "code,name,colour,name\n");
  ck_assert_int_eq(import(r, &err, NULL, "sections.csv", NULL), BC_EINPUT);
  ck_assert_uint_eq(r->problem_count, 2);
  ck_assert_str_eq(problem_at(r, 0),
                   "sections.csv:1: unknown column 'colour' (the columns of "
                   "sections.csv are code, name, position)");
  ck_assert_str_eq(problem_at(r, 1), "sections.csv:1: column 'name' is named "
                                     "twice (fields 2 and 4)");
  write_file("Sections.csv", "name\n");
  ck_assert_int_eq(import(r, &err, NULL, "Sections.csv", NULL), BC_EINPUT);
  ck_assert_str_eq(problem_at(r, 0),
                   "Sections.csv:1: no column 'code' (required)");
  write_file("section.csv", "");
  ck_assert_int_eq(import(r, &err, NULL, "section.csv", NULL), BC_EINPUT);
  ck_assert_str_eq(problem_at(r, 0),
                   "section.csv: the file is empty (it needs a header line)");
  /* a broken file among good ones: BC_EINPUT, the others still checked */
  write_file("sections.csv", "code,name\nx,\"open\n");
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "A1,2023-Q3,a.so,x\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", "sections.csv"),
                   BC_EINPUT);
  ck_assert_uint_eq(r->problem_count, 2);
  ck_assert_str_eq(problem_at(r, 0),
                   "sections.csv:2: a quoted field is never closed (its quote "
                   "opens on line 2)");
  ck_assert_int_eq(import(r, &err, NULL, "missing.csv", NULL), BC_EINPUT);
  ck_assert_ptr_nonnull(strstr(r->problems[0], "missing.csv"));
  free(r);
}
END_TEST

START_TEST(test_import_db__all_or_nothing_in_dependency_order) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  char *before, *after, b[128];
  size_t n1, n2;
  fresh_db("atomic.db");
  /* the values name an agency only agencies.csv adds: order by table, not
   * by the command line; a later agency is a parent of an earlier one */
  write_file("agencies.csv", "code,name,full_name,symbol,place,parent_code\n"
                             "B1,SỞ B,Sở B,SB,Nơi B,T1\n"
                             "T1,UBND TỈNH,Ủy ban,UBND,Tỉnh,\n");
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "B1,2023-Q3,a.so,7\n"
                           "A1,2023-Q3,a.so,abc\n");
  before = (char *)tu_file_read(db, &n1);
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", "agencies.csv"),
                   BC_EDATA);
  ck_assert_uint_eq(r->problem_count, 1);
  after = (char *)tu_file_read(db, &n2);
  ck_assert_uint_eq(n1, n2);
  ck_assert_int_eq(memcmp(before, after, n1), 0);
  free(after);
  ck_assert_str_eq(query(b, sizeof b, "SELECT count(*) FROM agency"), "1");

  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "B1,2023-Q3,a.so,7\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", "agencies.csv"), 0);
  ck_assert_uint_eq(r->inserted[0], 2);
  ck_assert_uint_eq(r->inserted[7], 1);
  ck_assert_str_eq(
      query(b, sizeof b, "SELECT parent_code FROM agency WHERE code = 'B1'"),
      "T1");

  /* a parent that is nowhere */
  write_file("agencies.csv", "code,name,full_name,symbol,place,parent_code\n"
                             "B2,SỞ B,Sở B,SB,Nơi B,T9\n");
  ck_assert_int_eq(import(r, &err, NULL, "agencies.csv", NULL), BC_EDATA);
  ck_assert_str_eq(problem_at(r, 0),
                   "agencies.csv:2: column 'parent_code': no agency 'T9'");
  free(before);
  free(r);
}
END_TEST

START_TEST(test_import_db__upsert_updates_and_keeps_left_out_columns) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  char b[128];
  fresh_db("upsert.db");
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "A1,2023-Q3,a.so,1\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", NULL), 0);
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "A1,2023-Q3,a.so,2\n"
                           "A1,2023-Q3,a.chu,mới\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", NULL), 0);
  ck_assert_uint_eq(r->inserted[7], 1);
  ck_assert_uint_eq(r->updated[7], 1);
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT num FROM indicator_value WHERE "
                         "indicator_code = 'a.so'"),
                   "2.0");
  /* columns left out keep their value; new rows get the defaults */
  write_file("indicators.csv", "code,section,name\n"
                               "a.so,a,Số mới\n"
                               "b.moi,b,Mới\n");
  ck_assert_int_eq(import(r, &err, NULL, "indicators.csv", NULL), 0);
  ck_assert_uint_eq(r->inserted[2], 1);
  ck_assert_uint_eq(r->updated[2], 1);
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT name || '|' || unit || '|' || kind FROM "
                         "indicator WHERE code = 'a.so'"),
                   "Số mới|hồ sơ|number");
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT position || '|' || unit || '|' || kind FROM "
                         "indicator WHERE code = 'b.moi'"),
                   "0||number");
  /* only key columns: nothing to update */
  write_file("recipients.csv", "agency_code,template,position,text\n"
                               "A1,cchc_quy,1,Sở Nội vụ\n");
  ck_assert_int_eq(import(r, &err, NULL, "recipients.csv", NULL), 0);
  ck_assert_int_eq(import(r, &err, NULL, "recipients.csv", NULL), 0);
  ck_assert_uint_eq(r->updated[6], 1);
  free(r);
}
END_TEST

START_TEST(test_import_db__narratives_from_markdown) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  char b[128], p1[600], p2[600];
  const char *two[2];
  bc_import_options o = {.version = BC_IMPORT_OPTIONS_VERSION,
                         .agency = "A1",
                         .period = "2023-Q3"};
  fresh_db("markdown.db");
  mkdir(tmp(p1, sizeof p1, "md"), 0777);
  /* BOM, CRLF, decomposed "Việt" */
  write_file("chi_dao.md", "\xEF\xBB\xBFVie\xCC\x82\xCC\xA3t Nam\r\n\r\nhai");
  ck_assert_int_eq(import(r, &err, "A1", "chi_dao.md", NULL), 0);
  ck_assert_uint_eq(r->inserted[8], 1);
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT markdown FROM narrative WHERE key = "
                         "'chi_dao'"),
                   "Việt Nam\n\nhai");
  write_file("chi-dao.md", "x");
  ck_assert_int_eq(import(r, &err, "A1", "chi-dao.md", NULL), BC_EDATA);
  ck_assert_str_eq(problem_at(r, 0),
                   "chi-dao.md: the file name 'chi-dao' is not a narrative "
                   "key (a-z, 0-9 and _): rename the file");
  write_file("the_che.md", "d\xC3\xB2ng 1\nd\xC3ng 2\n");
  ck_assert_int_eq(import(r, &err, "A1", "the_che.md", NULL), BC_EINPUT);
  ck_assert_str_eq(problem_at(r, 0), "the_che.md:2: invalid UTF-8 at byte 9");
  ck_assert_int_eq(import(r, &err, NULL, "chi_dao.md", NULL), BC_EINPUT);
  ck_assert_str_eq(r->problems[0],
                   "narratives from .md files need --agency and --period");
  /* the same key twice */
  write_file("md/chi_dao.md", "y");
  two[0] = tmp(p1, sizeof p1, "chi_dao.md");
  two[1] = tmp(p2, sizeof p2, "md/chi_dao.md");
  ck_assert_int_eq(bc_database_import(r, db, two, 2, &o, &err), BC_EDATA);
  ck_assert_ptr_nonnull(strstr(r->problems[0], "md/chi_dao.md: the same "
                                               "narrative as '"));
  ck_assert_ptr_nonnull(
      strstr(r->problems[0], "chi_dao.md' (A1, 2023-Q3, chi_dao)"));
  /* an unknown agency */
  o.agency = "A9";
  ck_assert_int_eq(bc_database_import(r, db, two, 1, &o, &err), BC_EDATA);
  ck_assert_ptr_nonnull(strstr(r->problems[0], "chi_dao.md: column "
                                               "'agency_code': no agency "
                                               "'A9'"));
  free(r);
}
END_TEST

/* A rule of the database the checks do not know (here a trigger): the
 * row's problem, with SQLite's message. */
START_TEST(test_import_db__schema_rules_are_row_problems) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  char sql[600];
  fresh_db("trigger.db");
  write_file("trigger.sql", "CREATE TRIGGER no_x BEFORE INSERT ON section "
                            "WHEN NEW.code = 'x' BEGIN SELECT RAISE(ABORT, "
                            "'no section x'); END;");
  ck_assert_int_eq(
      bc_database_load_sql(db, tmp(sql, sizeof sql, "trigger.sql"), NULL, &err), 0);
  write_file("sections.csv", "code,name\ny,Y\nx,X\n");
  ck_assert_int_eq(import(r, &err, NULL, "sections.csv", NULL), BC_EDATA);
  ck_assert_uint_eq(r->problem_count, 1);
  ck_assert_str_eq(problem_at(r, 0), "sections.csv:3: no section x");
  free(r);
}
END_TEST

/* More than BC_IMPORT_MAX_PROBLEMS: the first ones are kept, all counted. */
START_TEST(test_import_db__problems_are_capped) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  bc_buf text;
  fresh_db("cap.db");
  bc_buf_init(&text, bc_allocator_default());
  bc_buf_puts(&text, "agency_code,period_code,indicator_code,value\n");
  for (int i = 0; i < 150; i++)
    bc_buf_printf(&text, "A1,2023-Q3,a.so,x%d\n", i);
  write_file("values.csv", bc_buf_cstr(&text));
  bc_buf_free(&text);
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", NULL), BC_EDATA);
  ck_assert_uint_eq(r->problem_count, 150);
  ck_assert_uint_eq(r->problems_kept, BC_IMPORT_MAX_PROBLEMS);
  free(r);
}
END_TEST

/* The four files import_with and database_with import, in a/ (not NFC
 * in places, as a user's files may be). */
static void write_a_files(void) {
  char dir[600];
  mkdir(tmp(dir, sizeof dir, "a"), 0777);
  write_file("a/agencies.csv", "code,name,full_name,symbol,place,parent_code\n"
                               "B1,SỞ B,Sở B,SB,Nơi B,T1\n"
                               "T1,UBND TỈNH,Ủy ban,UBND,Tỉnh,\n");
  write_file("a/values.csv", "agency_code,period_code,indicator_code,value\n"
                             "B1,2023-Q3,a.so,7\n"
                             "A1,2023-Q3,a.chu,Vie\xCC\x82\xCC\xA3t\n");
  write_file("a/notes.md", "Ghi chú: hoa\xCC\x80\n");
  write_file("a/agency_certificates.csv",
             "agency_code,role,spki_sha256,issuer,subject,note\n"
             "B1,seal," FP ",,,\n"
             "B1,signer,,CN=CA,\"CN=Tra\xCC\x82\xCC\x80n B,C=VN\",cấp 2024\n");
}

static int import_with(const bc_allocator *alloc, bc_error *err, void *ud) {
  char p[4][600];
  const char *files[4] = {tmp(p[0], sizeof p[0], "a/values.csv"),
                          tmp(p[1], sizeof p[1], "a/agencies.csv"),
                          tmp(p[2], sizeof p[2], "a/notes.md"),
                          tmp(p[3], sizeof p[3], "a/agency_certificates.csv")};
  bc_import_options o = {.version = BC_IMPORT_OPTIONS_VERSION,
                         .agency = "A1",
                         .period = "2023-Q3",
                         .alloc = alloc};
  return bc_database_import(ud, db, files, 4, &o, err);
}

START_TEST(test_import_db__allocation_failures) {
  bc_import_result *r = calloc(1, sizeof *r);
  fresh_db("alloc.db");
  write_a_files();
  ck_assert_int_gt(tu_every_allocation_failure(1, import_with, r), 2);
  ck_assert_int_gt(tu_every_allocation_failure(0, import_with, r), 2);
  ck_assert_uint_eq(r->problem_count, 0);
  free(r);
}
END_TEST

/* A database made from nothing through alloc: created, base.sql loaded,
 * the four files of a/ imported, every table exported. */
static int database_with(const bc_allocator *alloc, bc_error *err, void *ud) {
  bc_database_options dbo = BC_DATABASE_OPTIONS_INIT;
  bc_import_options o = {.version = BC_IMPORT_OPTIONS_VERSION,
                         .agency = "A1",
                         .period = "2023-Q3",
                         .alloc = alloc};
  bc_import_result *r = ud;
  char path[600], sql[600], out[600], p[4][600];
  const char *files[4] = {tmp(p[0], sizeof p[0], "a/values.csv"),
                          tmp(p[1], sizeof p[1], "a/agencies.csv"),
                          tmp(p[2], sizeof p[2], "a/notes.md"),
                          tmp(p[3], sizeof p[3], "a/agency_certificates.csv")};
  size_t rows[BC_IMPORT_TABLES];
  int rc, from = 0;
  dbo.alloc = alloc;
  tmp(path, sizeof path, "oom.db");
  unlink(path);
  if ((rc = bc_database_create(path, &dbo, err)) ||
      (rc = bc_database_upgrade(&from, path, &dbo, err)) ||
      (rc = bc_database_load_sql(path, tmp(sql, sizeof sql, "base.sql"), &dbo,
                                 err)) ||
      (rc = bc_database_import(r, path, files, 4, &o, err)) ||
      (rc = bc_database_export(rows, path, tmp(out, sizeof out, "oomexport"),
                               NULL, &dbo, err)))
    return rc;
  ck_assert_int_eq(from, BC_DATABASE_SCHEMA_VERSION);
  ck_assert_uint_eq(rows[0], 3); /* A1, B1, T1 */
  ck_assert_uint_eq(rows[9], 2); /* B1's seal and signer */
  return 0;
}

/* Every allocation of create, upgrade, load_sql, import and export fails in
 * turn: BC_ENOMEM, nothing leaked (transient, then persistent). */
START_TEST(test_import_db__database_allocation_failures) {
  bc_import_result *r = calloc(1, sizeof *r);
  char dir[600];
  bc_database_options bad = BC_DATABASE_OPTIONS_INIT;
  bc_error err;
  long runs;
  fresh_db("alloc2.db"); /* writes base.sql */
  write_a_files();
  runs = tu_every_allocation_failure(0, database_with, r);
  printf("database: %ld allocation indices failed in turn, each clean\n",
         runs - 1);
  ck_assert_int_gt(runs, 30);
  ck_assert_int_eq(tu_every_allocation_failure(1, database_with, r), runs);
  ck_assert_uint_eq(r->problem_count, 0);
  free(r);
  /* An unknown options version is refused before anything is done. */
  bad.version = 99;
  ck_assert_int_eq(bc_database_create(tmp(dir, sizeof dir, "never.db"), &bad,
                                      &err),
                   BC_EINVAL);
  ck_assert_str_eq(err.message, "bc_database_create: options->version is not "
                                "BC_DATABASE_OPTIONS_VERSION");
  ck_assert_int_ne(access(dir, F_OK), 0);
}
END_TEST

/* Certificates bound to an agency (schema 4, issue 14): either binding,
 * a note updated by its key, every bad row named with its reason. */
START_TEST(test_import_db__agency_certificates) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  char b[256];
  fresh_db("certs.db");
  /* the subject typed decomposed ("ầ" as a + U+0302 + U+0300): NFC */
  write_file("agency_certificates.csv",
             "agency_code,role,spki_sha256,issuer,subject,note\n"
             "A1,seal," FP ",,,USB token của văn thư\n"
             "A1,signer,,\"CN=Test Intermediate CA,O=Ban Co yeu,C=VN\","
             "\"CN=Tra\xCC\x82\xCC\x80n B,O=Sở A,C=VN\",\n");
  ck_assert_int_eq(import(r, &err, NULL, "agency_certificates.csv", NULL), 0);
  ck_assert_str_eq(r->table[9], "agency_certificate");
  ck_assert_uint_eq(r->inserted[9], 2);
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT subject FROM agency_certificate WHERE "
                         "role = 'signer'"),
                   "CN=Trần B,O=Sở A,C=VN");
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT issuer IS NULL AND subject IS NULL FROM "
                         "agency_certificate WHERE role = 'seal'"),
                   "1");
  /* the same keys again: the notes are updated, no row added; the header
   * may leave the note out */
  write_file("agency_certificates.csv",
             "agency_code,role,spki_sha256,issuer,subject,note\n"
             "A1,seal," FP ",,,cấp lại 2025\n"
             "A1,signer,,\"CN=Test Intermediate CA,O=Ban Co yeu,C=VN\","
             "\"CN=Trần B,O=Sở A,C=VN\",người ký\n");
  ck_assert_int_eq(import(r, &err, NULL, "agency_certificates.csv", NULL), 0);
  ck_assert_uint_eq(r->inserted[9], 0);
  ck_assert_uint_eq(r->updated[9], 2);
  ck_assert_str_eq(query(b, sizeof b,
                         "SELECT count(*) || ' ' || group_concat(note, '|') "
                         "FROM (SELECT note FROM agency_certificate "
                         "ORDER BY role)"),
                   "2 cấp lại 2025|người ký");
  write_file("agency_certificate.csv",
             "agency_code,role,spki_sha256,issuer,subject\n"
             "A1,signer," FP ",,\n");
  ck_assert_int_eq(import(r, &err, NULL, "agency_certificate.csv", NULL), 0);
  ck_assert_uint_eq(r->inserted[9], 1);
  /* every bad row named with its reason; nothing imported */
  write_file("agency_certificates.csv",
             "agency_code,role,spki_sha256,issuer,subject,note\n"
             "A1,boss," FP ",,,\n"
             "ZZ,seal," FP ",,,\n"
             "A1,seal,3F1A9C0D5E7B2A4C6D8E0F1A2B3C4D5E6F708192A3B4C5D6E7F809"
             "1A2B3C4D5E,,,\n"
             "A1,seal," FP ",CN=CA,CN=X,\n"
             "A1,seal,,,,\n"
             "A1,seal,,CN=CA,,\n"
             "A1,seal,,CN=CA,subject=CN=X,\n"
             "A1,seal,,\"C = VN, CN = CA\",CN=X,\n"
             "A1,signer,,CN=CA,CN=Y,\n"
             "A1,signer,,CN=CA,CN=Y,again\n");
  ck_assert_int_eq(import(r, &err, NULL, "agency_certificates.csv", NULL),
                   BC_EDATA);
  ck_assert_uint_eq(r->problem_count, 9);
  ck_assert_str_eq(problem_at(r, 0),
                   "agency_certificates.csv:2: column 'role': 'boss' is not "
                   "one of seal, signer");
  ck_assert_str_eq(problem_at(r, 1),
                   "agency_certificates.csv:3: column 'agency_code': no "
                   "agency 'ZZ'");
  ck_assert_str_eq(problem_at(r, 2),
                   "agency_certificates.csv:4: column 'spki_sha256': "
                   "'3F1A9C0D5E7B2A4C6D8E0F1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B"
                   "3C4D5E' is not a SHA-256 fingerprint (64 lowercase hex "
                   "digits)");
  ck_assert_str_eq(problem_at(r, 3),
                   "agency_certificates.csv:5: column 'issuer': is set with "
                   "spki_sha256: a row binds by fingerprint or by issuer and "
                   "subject, not both");
  ck_assert_str_eq(problem_at(r, 4),
                   "agency_certificates.csv:6: column 'spki_sha256': binds no "
                   "certificate: give spki_sha256, or issuer and subject");
  ck_assert_str_eq(problem_at(r, 5),
                   "agency_certificates.csv:7: column 'subject': is empty: "
                   "issuer and subject go together");
  ck_assert_str_eq(problem_at(r, 6),
                   "agency_certificates.csv:8: column 'subject': "
                   "'subject=CN=X' starts with the label 'subject=' that "
                   "openssl prints before the name: leave it out");
  ck_assert_str_eq(problem_at(r, 7),
                   "agency_certificates.csv:9: column 'issuer': 'C = VN, CN = "
                   "CA' is not a distinguished name as openssl prints it with "
                   "-nameopt RFC2253,-esc_msb (CN=...,O=...,C=VN)");
  ck_assert_str_eq(problem_at(r, 8),
                   "agency_certificates.csv:11: duplicates line 10 (A1, "
                   "signer, CN=CA, CN=Y)");
  ck_assert_str_eq(
      query(b, sizeof b, "SELECT count(*) FROM agency_certificate"), "3");
  /* the header must name every part of the key */
  write_file("agency_certificates.csv", "agency_code,role,spki_sha256\n"
                                        "A1,seal," FP "\n");
  ck_assert_int_eq(import(r, &err, NULL, "agency_certificates.csv", NULL),
                   BC_EINPUT);
  ck_assert_str_eq(problem_at(r, 0), "agency_certificates.csv:1: no column "
                                     "'issuer' (required)");
  ck_assert_str_eq(problem_at(r, 1), "agency_certificates.csv:1: no column "
                                     "'subject' (required)");
  free(r);
}
END_TEST

/* ---- export ---- */

START_TEST(test_import_export__numbers_and_round_trip) {
  bc_import_result *r = calloc(1, sizeof *r);
  bc_error err;
  size_t rows[BC_IMPORT_TABLES], n1, n2;
  char out[600], path[700], sql[600];
  char *a, *b;
  fresh_db("export.db");
  write_file("values.csv", "agency_code,period_code,indicator_code,value\n"
                           "A1,2023-Q3,a.so,0.1\n"
                           "A1,2023-Q3,a.tyle,-2.5\n"
                           "A1,2023-Q3,a.chu,\"có \"\"ngoặc\"\", phẩy\"\n");
  ck_assert_int_eq(import(r, &err, NULL, "values.csv", NULL), 0);
  write_file("agency_certificates.csv",
             "agency_code,role,spki_sha256,issuer,subject,note\n"
             "A1,signer,,\"CN=CA,O=Ban Co yeu,C=VN\",\"CN=Trần B,O=Sở A\\, "
             "Tỉnh X,C=VN\",\"cấp 2024, \"\"USB\"\"\"\n"
             "A1,seal," FP ",,,\n");
  ck_assert_int_eq(import(r, &err, NULL, "agency_certificates.csv", NULL), 0);
  write_file("big.sql", "UPDATE indicator_value SET num = 1e20 WHERE "
                        "indicator_code = 'a.so';");
  ck_assert_int_eq(
      bc_database_load_sql(db, tmp(sql, sizeof sql, "big.sql"), NULL, &err), 0);
  ck_assert_int_eq(
      bc_database_export(rows, db, tmp(out, sizeof out, "export1"), NULL, NULL, &err), 0);
  ck_assert_uint_eq(rows[0], 1);
  ck_assert_uint_eq(rows[7], 3);
  ck_assert_uint_eq(rows[9], 2);
  snprintf(path, sizeof path, "%s/agency_certificates.csv", out);
  a = (char *)tu_file_read(path, &n1);
  ck_assert_str_eq(a, "\xEF\xBB\xBF"
                      "agency_code,role,spki_sha256,issuer,subject,note\r\n"
                      "A1,seal," FP ",,,\r\n"
                      "A1,signer,,\"CN=CA,O=Ban Co yeu,C=VN\",\"CN=Trần B,"
                      "O=Sở A\\, Tỉnh X,C=VN\",\"cấp 2024, \"\"USB\"\"\"\r\n");
  free(a);
  snprintf(path, sizeof path, "%s/values.csv", out);
  a = (char *)tu_file_read(path, &n1);
  ck_assert_str_eq(a, "\xEF\xBB\xBF"
                      "agency_code,period_code,indicator_code,value\r\n"
                      "A1,2023-Q3,a.chu,\"có \"\"ngoặc\"\", phẩy\"\r\n"
                      "A1,2023-Q3,a.so,100000000000000000000\r\n"
                      "A1,2023-Q3,a.tyle,-2.5\r\n");
  /* into a fresh database and out again: the same bytes */
  tmp(db, sizeof db, "export2.db");
  unlink(db);
  ck_assert_int_eq(bc_database_create(db, NULL, &err), 0);
  {
    char p[BC_IMPORT_TABLES][700];
    const char *files[BC_IMPORT_TABLES];
    static const char *const names[BC_IMPORT_TABLES] = {
        "agencies", "sections",   "indicators", "periods",
        "signers",  "reports",    "recipients", "values",
        "narratives", "agency_certificates"};
    for (int i = 0; i < BC_IMPORT_TABLES; i++) {
      snprintf(p[i], sizeof p[i], "%s/%s.csv", out, names[i]);
      files[i] = p[i];
    }
    ck_assert_int_eq(
        bc_database_import(r, db, files, BC_IMPORT_TABLES, NULL, &err), 0);
  }
  ck_assert_int_eq(
      bc_database_export(rows, db, tmp(out, sizeof out, "export2"), NULL, NULL, &err), 0);
  snprintf(path, sizeof path, "%s/values.csv", out);
  b = (char *)tu_file_read(path, &n2);
  ck_assert_uint_eq(n1, n2);
  ck_assert_int_eq(memcmp(a, b, n1), 0);
  free(a);
  free(b);
  ck_assert_uint_eq(rows[9], 2);
  a = (char *)tu_file_read(
      tmp(path, sizeof path, "export1/agency_certificates.csv"), &n1);
  b = (char *)tu_file_read(
      tmp(path, sizeof path, "export2/agency_certificates.csv"), &n2);
  ck_assert_uint_eq(n1, n2);
  ck_assert_int_eq(memcmp(a, b, n1), 0);
  free(a);
  free(b);
  /* a directory that cannot be made */
  write_file("plain", "x");
  snprintf(path, sizeof path, "%s/plain/sub", tu_tmpdir());
  ck_assert_int_eq(bc_database_export(rows, db, path, NULL, NULL, &err), BC_EIO);
  ck_assert_ptr_nonnull(strstr(err.message, "cannot create directory"));
  bc_error_clear(&err);
  ck_assert_int_eq(
      bc_database_export(rows, db, tmp(path, sizeof path, "plain"), NULL, NULL, &err),
      BC_EIO);
  ck_assert_ptr_nonnull(strstr(err.message, "not a directory"));
  free(r);
}
END_TEST

Suite *import_suite(void) {
  Suite *s = suite_create("import");
  TCase *tc = tcase_create("csv");
  tcase_add_test(tc, test_import_csv__quotes_crlf_and_embedded_newlines);
  tcase_add_test(tc, test_import_csv__bom_semicolons_and_nfc);
  tcase_add_test(tc, test_import_csv__errors_name_line_and_byte);
  tcase_add_test(tc, test_import_csv__bounded);
  tcase_add_test(tc, test_import_csv__writer_quotes_when_needed);
  suite_add_tcase(s, tc);
  tc = tcase_create("db");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_import_db__numbers_by_kind);
  tcase_add_test(tc, test_import_db__period_label);
  tcase_add_test(tc, test_import_db__agency_certificates);
  tcase_add_test(tc, test_import_db__every_bad_row_is_named);
  tcase_add_test(tc, test_import_db__bad_files_and_headers);
  tcase_add_test(tc, test_import_db__all_or_nothing_in_dependency_order);
  tcase_add_test(tc, test_import_db__upsert_updates_and_keeps_left_out_columns);
  tcase_add_test(tc, test_import_db__narratives_from_markdown);
  tcase_add_test(tc, test_import_db__schema_rules_are_row_problems);
  tcase_add_test(tc, test_import_db__problems_are_capped);
  tcase_add_test(tc, test_import_db__allocation_failures);
  tcase_add_test(tc, test_import_db__database_allocation_failures);
  tcase_add_test(tc, test_import_export__numbers_and_round_trip);
  suite_add_tcase(s, tc);
  return s;
}
