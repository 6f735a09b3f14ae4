/* tests/check_template.c: the template engine: parsing (parse.c),
 * expansion and its audit mode (expand.c) and the formatters (format.c). */
#include "template/template.h"

#include <check.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common/alloc.h"
#include "template/template_int.h"
#include "testutil.h"

/* ---- a small report model, built by hand ---------------------------- */

typedef struct fixture {
  bc_arena arena; /* the model's memory */
  bc_arena out;   /* expansions */
  bc_report_model m;
  bc_indicator_value values[20];
  bc_narrative narratives[8];
  const char *recipients[3];
  /* compare_init: cung_ky, ky_truoc and three member agencies */
  bc_report_model others[5];
  bc_indicator_value other_values[5][3];
  bc_section sections[2];
} fixture;

static void add_value(fixture *f,
                      const char *code,
                      const char *section,
                      int position,
                      bc_value v) {
  bc_indicator_value *iv = &f->values[f->m.value_count++];
  iv->code = code;
  iv->name = code;
  iv->unit = "";
  iv->section = section;
  iv->position = position;
  iv->value = v;
}

static bc_value num(double n) {
  bc_value v = {0};
  v.kind = BC_VALUE_NUMBER;
  v.number = n;
  return v;
}

static bc_value text(const char *s) {
  bc_value v = {0};
  v.kind = BC_VALUE_TEXT;
  v.text = s;
  return v;
}

static bc_value date(int y, int m, int d) {
  bc_value v = {0};
  v.kind = BC_VALUE_DATE;
  v.date.year = y;
  v.date.month = m;
  v.date.day = d;
  return v;
}

static void add_narrative(fixture *f, const char *key, const char *md) {
  bc_narrative *n = &f->narratives[f->m.narrative_count++];
  n->key = key;
  n->markdown = md;
}

static void fixture_init(fixture *f) {
  bc_report_model *m = &f->m;
  bc_value none = {0};
  bc_error err;

  memset(f, 0, sizeof *f);
  bc_arena_init(&f->arena, bc_allocator_default());
  bc_arena_init(&f->out, bc_allocator_default());
  m->agency.code = "STTTT-TV";
  m->agency.name = "SỞ THÔNG TIN VÀ TRUYỀN THÔNG";
  m->agency.parent_name = "UBND TỈNH TRÀ VINH";
  m->agency.symbol = "STTTT";
  m->agency.place = "Trà Vinh";
  m->agency.full_name = "Sở Thông tin và Truyền thông";
  m->period.code = "2023-Q3";
  m->period.kind = BC_PERIOD_QUARTER;
  m->period.year = 2023;
  m->period.number = 3;
  m->period.starts = date(2023, 7, 1).date;
  m->period.ends = date(2023, 9, 30).date;
  m->template_name = "cchc_quy";
  m->issued_on = date(2023, 9, 0).date;
  m->archive_unit = "VP";
  m->signer.authority = "KT. GIÁM ĐỐC";
  m->signer.title = "PHÓ GIÁM ĐỐC";
  m->signer.full_name = "Bùi Thông Nhứt";
  f->recipients[0] = "Sở Nội vụ (b/c)";
  f->recipients[1] = "Ban Giám đốc Sở";
  m->recipients = f->recipients;
  m->recipient_count = 2;
  m->values = f->values;
  m->narratives = f->narratives;

  add_value(f, "tthc.so_hoa", "tthc", 1, num(60));
  add_value(f, "tthc.dvc", "tthc", 2, num(1858));
  add_value(f, "tthc.ty_le", "tthc", 3, num(30.73));
  add_value(f, "tthc.thieu", "tthc", 4, none);
  add_value(f, "tc.du_toan", "tc", 1, num(2132000000));
  add_value(f, "kh.ngay", "kh", 1, date(2023, 7, 26));
  add_value(f, "kh.ten", "kh", 2, text("Kế hoạch số 68/KH-UBND"));
  add_value(f, "x.zero", "x", 1, num(0));
  add_value(f, "x.empty", "x", 2, text("  \t"));
  add_value(f, "x.nan", "x", 3, num(NAN));
  add_value(f, "x.ratio", "x", 4, num(39.18));
  add_value(f, "x.markup", "x", 5,
            text("  *đậm* # [link](u) | {{a}} \\ `c`\r\nhết\t "));
  add_value(f, "x.phong", "x", 6, num(4));
  add_value(f, "x.thang", "x", 7, date(2023, 9, 0));

  add_narrative(f, "chi_dao",
                "- Quý III năm 2023 số hóa được {{tthc.so_hoa}} hồ sơ "
                "(*{{tthc.ty_le | phantram}}*)");
  add_narrative(f, "trong", "  \n\t");
  add_narrative(f, "loi_cu_phap", "Dòng một\nCó {{tthc.so_hoa | so3}} hồ sơ");
  add_narrative(f, "khoi", "Có {{#if tthc.so_hoa}}x{{/if}}");
  add_narrative(f, "thieu", "Có {{tthc.khong_co}} hồ sơ");
  add_narrative(f, "xuong_dong", "# Tiêu đề\n\nĐoạn {{kh.ten}}.\n");
  bc_error_clear(&err);
  ck_assert_int_eq(bc_model_finish(m, &f->arena, &err), 0);
}

static void fixture_free(fixture *f) {
  bc_arena_release(&f->out);
  bc_arena_release(&f->arena);
}

/* Another model of the fixture's agency or of a member: its agency, period
 * code and number, and up to three values. */
typedef struct other_report {
  const char *agency, *name, *period;
  int quarter;
  double so_hoa, dvc, diem; /* NAN: none */
} other_report;

static bc_report_model *add_other(fixture *f,
                                  size_t i,
                                  const other_report *r) {
  bc_report_model *o = &f->others[i];
  const double nums[3] = {r->so_hoa, r->dvc, r->diem};
  static const char *const codes[3] = {"tthc.so_hoa", "tthc.dvc", "cq.diem"};
  bc_error err;
  o->agency = f->m.agency;
  o->agency.code = r->agency;
  o->agency.full_name = r->name;
  o->period = f->m.period;
  o->period.code = r->period;
  o->period.number = r->quarter;
  o->values = f->other_values[i];
  for (int k = 0; k < 3; k++) {
    if (isnan(nums[k]))
      continue;
    bc_indicator_value *iv = &f->other_values[i][o->value_count++];
    iv->code = codes[k];
    iv->name = codes[k];
    iv->unit = "";
    iv->section = "tthc";
    iv->value = num(nums[k]);
  }
  ck_assert_int_eq(bc_model_finish(o, &f->arena, &err), 0);
  return o;
}

/* The fixture (2023-Q3, tthc.so_hoa 60, tthc.dvc 1858) with cung_ky
 * 2022-Q3 (so_hoa 48, no dvc), ky_truoc 2023-Q2 (so_hoa 60, dvc 1900) and
 * members A (so_hoa 10, dvc 100, diem 80), B (20, 300, 95), C (30, 50, 80). */
static void compare_init(fixture *f) {
  bc_error err;
  fixture_init(f);
  f->m.same_period_last_year = add_other(
      f, 0, &(other_report){"STTTT-TV", "Sở", "2022-Q3", 3, 48, NAN, NAN});
  f->m.previous_period = add_other(
      f, 1, &(other_report){"STTTT-TV", "Sở", "2023-Q2", 2, 60, 1900, NAN});
  add_other(f, 2, &(other_report){"A", "Sở A", "2023-Q3", 3, 10, 100, 80});
  add_other(f, 3, &(other_report){"B", "Sở B", "2023-Q3", 3, 20, 300, 95});
  add_other(f, 4, &(other_report){"C", "Sở C", "2023-Q3", 3, 30, 50, 80});
  f->m.members = &f->others[2];
  f->m.member_count = 3;
  f->sections[0].code = "kh";
  f->sections[0].name = "Kế hoạch";
  f->sections[0].position = 2;
  f->sections[1].code = "tthc";
  f->sections[1].name = "Thủ tục hành chính";
  f->sections[1].position = 1;
  f->m.sections = f->sections;
  f->m.section_count = 2;
  ck_assert_int_eq(bc_model_finish(&f->m, &f->arena, &err), 0);
}

/* compare_init's model with a year-only date, a negative number and a
 * denominator near 0 (issue 19's values at the edges). */
static void edges_init(fixture *f) {
  bc_error err;
  compare_init(f);
  add_value(f, "x.nam", "x", 8, date(2011, 0, 0));
  add_value(f, "x.am", "x", 9, num(-5));
  add_value(f, "x.nho", "x", 10, num(1e-320));
  add_value(f, "x.lon", "x", 11, num(1.5e308));
  ck_assert_int_eq(bc_model_finish(&f->m, &f->arena, &err), 0);
}

/* ---- helpers ------------------------------------------------------- */

static const char *root_dir(void) {
  static char path[512];
  if (!path[0]) {
    snprintf(path, sizeof path, "%s/tpl", tu_tmpdir());
    mkdir(path, 0755);
  }
  return path;
}

/* Writes root_dir()/rel, making its directories. */
static void write_file(const char *rel, const char *content) {
  char path[1024];
  FILE *fp;
  snprintf(path, sizeof path, "%s/%s", root_dir(), rel);
  for (char *s = strchr(path + strlen(root_dir()) + 1, '/'); s;
       s = strchr(s + 1, '/')) {
    *s = '\0';
    ck_assert(mkdir(path, 0755) == 0 || errno == EEXIST);
    *s = '/';
  }
  fp = fopen(path, "wb");
  ck_assert_ptr_nonnull(fp);
  ck_assert_int_eq(fputs(content, fp) >= 0, 1);
  fclose(fp);
}

static int run(fixture *f, const char *src, bc_expansion *e, bc_error *err) {
  bc_template *t = NULL;
  int rc;
  bc_error_clear(err);
  rc = bc_template_compile_string(&t, src, strlen(src), "test.md", root_dir(),
                                  NULL, err);
  if (!rc)
    rc = bc_template_expand(e, t, &f->m, &f->out, err);
  bc_template_free(t);
  return rc;
}

static char errbuf[2048];

static const char *errstr(const bc_error *err) {
  return bc_error_format(err, errbuf, sizeof errbuf);
}

/* Expands src over the model init builds; checks the Markdown or the error. */
#define EXPANDS_WITH(init, src, expected)                                      \
  do {                                                                         \
    fixture f_;                                                                \
    bc_expansion e_;                                                           \
    bc_error err_;                                                             \
    init(&f_);                                                                 \
    int rc_ = run(&f_, (src), &e_, &err_);                                     \
    ck_assert_msg(rc_ == 0, "unexpected error: %s", errstr(&err_));            \
    ck_assert_str_eq(e_.markdown, (expected));                                 \
    ck_assert_uint_eq(e_.markdown_len, strlen(expected));                      \
    fixture_free(&f_);                                                         \
  } while (0)

#define FAILS_WITH(init, src, want, expected)                                  \
  do {                                                                         \
    fixture f_;                                                                \
    bc_expansion e_;                                                           \
    bc_error err_;                                                             \
    init(&f_);                                                                 \
    int rc_ = run(&f_, (src), &e_, &err_);                                     \
    ck_assert_int_eq(rc_, (want));                                             \
    ck_assert_int_eq(err_.code, (want));                                       \
    ck_assert_str_eq(errstr(&err_), (expected));                               \
    fixture_free(&f_);                                                         \
  } while (0)

#define CHECK_EXPANDS(src, expected) EXPANDS_WITH(fixture_init, src, expected)
#define CHECK_FAILS(src, want, expected)                                       \
  FAILS_WITH(fixture_init, src, want, expected)
/* The same over compare_init's model (other periods, member agencies). */
#define CHECK_COMPARES(src, expected) EXPANDS_WITH(compare_init, src, expected)
#define CHECK_COMPARE_FAILS(src, want, expected)                               \
  FAILS_WITH(compare_init, src, want, expected)

#define CHECK_EDGES(src, expected) EXPANDS_WITH(edges_init, src, expected)
#define CHECK_EDGE_FAILS(src, want, expected)                                  \
  FAILS_WITH(edges_init, src, want, expected)

#define CTX " (agency STTTT-TV, period 2023-Q3)"

/* ---- parse.c ------------------------------------------------------- */

START_TEST(test_template_parse__plain_text) {
  CHECK_EXPANDS("", "");
  CHECK_EXPANDS("Chỉ có chữ.\n\nHai đoạn { } }} {x}\n",
                "Chỉ có chữ.\n\nHai đoạn { } }} {x}\n");
}
END_TEST

START_TEST(test_template_parse__spaces_optional) {
  CHECK_EXPANDS("{{tthc.so_hoa}}|{{ tthc.so_hoa }}|{{\ttthc.so_hoa|so}}|"
                "{{ tthc.so_hoa |so 1| mac_dinh \"x\" }}",
                "60|60|60|60\\,0");
}
END_TEST

START_TEST(test_template_parse__standalone_lines) {
  /* Block tags alone on their line leave no line behind; indentation and
   * trailing blanks go with them. */
  CHECK_EXPANDS("A\n{{#if tthc.so_hoa}}\n  B\n  {{else}}  \nC\n{{/if}}\nD\n",
                "A\n  B\nD\n");
  CHECK_EXPANDS("A\n{{! ghi chú }}\n{{#unless x.zero}}\nB\n{{/unless}}\n",
                "A\nB\n");
  /* several block tags on one line */
  CHECK_EXPANDS("A\n{{#if x.zero}}X{{/if}}\n{{#if x.zero}}{{/if}}\nB",
                "A\n\nB");
  CHECK_EXPANDS("{{#if tthc.so_hoa}}{{#if tthc.dvc}}\nC\n{{/if}} {{/if}}\nD",
                "C\nD");
  /* a multi-line comment alone takes its lines */
  CHECK_EXPANDS("A\n{{! một\nhai }}\nB\n", "A\nB\n");
  /* CRLF line ends */
  CHECK_EXPANDS("A\r\n{{#if tthc.so_hoa}}\r\nB\r\n{{/if}}\r\nC\r\n",
                "A\r\nB\r\nC\r\n");
  /* not alone: the tags are inline and the text stays */
  CHECK_EXPANDS("A {{#if tthc.so_hoa}}B{{/if}}\nC\n", "A B\nC\n");
  CHECK_EXPANDS("{{#if tthc.so_hoa}}{{tthc.so_hoa}}\n{{/if}}", "60\n");
  /* at the end of the file without a line break */
  CHECK_EXPANDS("A\n{{#if x.zero}}\nB\n{{/if}}", "A\n");
  /* value tags are never standalone */
  CHECK_EXPANDS("A\n{{tthc.so_hoa}}\nB", "A\n60\nB");
}
END_TEST

START_TEST(test_template_parse__comment) {
  CHECK_EXPANDS("a{{! {{#if x không phải khối }}b", "ab");
  /* like Mustache, a comment ends at the first "}}" */
  CHECK_EXPANDS("a{{! x }} y }}b", "a y }}b");
  CHECK_EXPANDS("a{{ ! ghi chú }}b", "ab");
  CHECK_FAILS("Dòng\nab {{! không đóng\n", BC_ESYNTAX,
              "test.md:2:4: comment is never closed");
}
END_TEST

START_TEST(test_template_parse__unclosed_if) {
  CHECK_FAILS("Mở đầu\n{{#if tthc.so_hoa}}\nB\n", BC_ESYNTAX,
              "test.md:2:1: {{#if}} opened here is never closed");
  CHECK_FAILS("{{#each noi_nhan}}\n  {{#unless x.zero}}\n{{/each}}\n",
              BC_ESYNTAX,
              "test.md:3:1: {{/each}} does not match {{#unless}} opened "
              "at 2:3");
  CHECK_FAILS("{{#if a}}{{#each noi_nhan}}x{{/each}}", BC_ESYNTAX,
              "test.md:1:1: {{#if}} opened here is never closed");
}
END_TEST

START_TEST(test_template_parse__close_errors) {
  CHECK_FAILS("x\n {{/if}}", BC_ESYNTAX,
              "test.md:2:2: {{/if}} without {{#if}}");
  CHECK_FAILS("{{#if a}}{{/end}}", BC_ESYNTAX,
              "test.md:1:10: unknown closing tag '{{/end}}'");
  CHECK_FAILS("{{#if a}}{{/if a}}", BC_ESYNTAX,
              "test.md:1:10: {{/if}} takes nothing after it");
  CHECK_FAILS("{{else}}", BC_ESYNTAX,
              "test.md:1:1: {{else}} outside {{#if}} or {{#unless}}");
  CHECK_FAILS("{{#each noi_nhan}}{{else}}{{/each}}", BC_ESYNTAX,
              "test.md:1:19: {{else}} cannot be used in {{#each}}");
  CHECK_FAILS("{{#unless a}}{{else}}{{else}}{{/unless}}", BC_ESYNTAX,
              "test.md:1:22: second {{else}} in one {{#unless}}");
}
END_TEST

START_TEST(test_template_parse__open_errors) {
  CHECK_FAILS("{{#when a}}", BC_ESYNTAX,
              "test.md:1:1: unknown block '{{#when}}'");
  CHECK_FAILS("{{#if}}", BC_ESYNTAX, "test.md:1:1: {{#if}} needs a name");
  CHECK_FAILS("{{#each  }}", BC_ESYNTAX, "test.md:1:1: {{#each}} needs a name");
  CHECK_FAILS("{{#if a | so}}", BC_ESYNTAX,
              "test.md:1:9: {{#if}} takes only a name");
  CHECK_FAILS("{{#if a b}}", BC_ESYNTAX,
              "test.md:1:9: {{#if}} takes only a name");
  CHECK_FAILS("{{#each narrative.chi_dao}}{{/each}}", BC_ESYNTAX,
              "test.md:1:1: {{#each}} cannot loop over a narrative");
}
END_TEST

START_TEST(test_template_parse__nesting_limit) {
  char src[4096] = "";
  for (int i = 0; i < 64; i++)
    strcat(src, "{{#if tthc.so_hoa}}\n");
  strcat(src, "sâu\n");
  for (int i = 0; i < 64; i++)
    strcat(src, "{{/if}}\n");
  CHECK_EXPANDS(src, "sâu\n");

  src[0] = '\0';
  for (int i = 0; i < 65; i++)
    strcat(src, "{{#if tthc.so_hoa}}\n");
  CHECK_FAILS(src, BC_ESYNTAX,
              "test.md:65:1: blocks are nested deeper than 64 levels");
}
END_TEST

START_TEST(test_template_parse__unknown_formatter_column) {
  /* Columns count code points, as an editor shows them. */
  CHECK_FAILS("Dòng một\nSố hóa được {{tthc.so_hoa | phantramm}} hồ sơ",
              BC_ESYNTAX, "test.md:2:29: unknown formatter 'phantramm'");
  CHECK_FAILS("{{a | so3}}", BC_ESYNTAX,
              "test.md:1:7: unknown formatter 'so3'");
  CHECK_FAILS("{{a |}}", BC_ESYNTAX,
              "test.md:1:6: missing formatter after '|'");
  CHECK_FAILS("{{a | so |}}", BC_ESYNTAX,
              "test.md:1:11: missing formatter after '|'");
}
END_TEST

START_TEST(test_template_parse__formatter_arguments) {
  CHECK_FAILS("{{a | so 7}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'so' takes an optional number of "
              "decimals from 0 to 6");
  CHECK_FAILS("{{a | phantram \"1\"}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'phantram' takes an optional number "
              "of decimals from 0 to 6");
  CHECK_FAILS("{{a | so 1 2}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'so' takes an optional number of "
              "decimals from 0 to 6");
  CHECK_FAILS("{{a | so -1}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'so' takes an optional number of "
              "decimals from 0 to 6");
  CHECK_FAILS("{{a | hoa 1}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'hoa' takes no argument");
  CHECK_FAILS("{{a | mac_dinh}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'mac_dinh' takes one text in double "
              "quotes, e.g. mac_dinh \"không có\"");
  CHECK_FAILS("{{a | mac_dinh khong}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'mac_dinh' takes one text in double "
              "quotes, e.g. mac_dinh \"không có\"");
  CHECK_FAILS("{{a | mac_dinh \"x\" \"y\"}}", BC_ESYNTAX,
              "test.md:1:7: formatter 'mac_dinh' takes one text in double "
              "quotes, e.g. mac_dinh \"không có\"");
  CHECK_FAILS("{{a | mac_dinh \"x\" | mac_dinh \"y\"}}", BC_ESYNTAX,
              "test.md:1:22: formatter 'mac_dinh' is given twice");
  CHECK_FAILS("{{a | mac_dinh \"chưa có}}", BC_ESYNTAX,
              "test.md:1:16: unterminated string");
  CHECK_FAILS("{{a | mac_dinh \"a\\nb\"}}", BC_ESYNTAX,
              "test.md:1:18: only \\\" and \\\\ may follow a backslash in a "
              "string");
  /* quotes, backslashes and braces inside the string */
  CHECK_EXPANDS("{{a | mac_dinh \"\\\"}}\\\\\"}}", "\\\"\\}\\}\\\\");
  CHECK_EXPANDS("{{tthc.ty_le | so 0}}|{{tthc.ty_le|phantram 1}}|"
                "{{tthc.ty_le | so 06}}",
                "31|30\\,7\\%|30\\,730000");
}
END_TEST

START_TEST(test_template_parse__names) {
  CHECK_FAILS("{{tên}}", BC_ESYNTAX, "test.md:1:3: invalid name 'tên'");
  CHECK_FAILS("{{ a..b }}", BC_ESYNTAX, "test.md:1:4: invalid name 'a..b'");
  CHECK_FAILS("{{.a}}", BC_ESYNTAX, "test.md:1:3: invalid name '.a'");
  CHECK_FAILS("{{a.}}", BC_ESYNTAX, "test.md:1:3: invalid name 'a.'");
  CHECK_FAILS("{{a@b}}", BC_ESYNTAX, "test.md:1:3: invalid name 'a@b'");
  CHECK_FAILS("{{@foo}}", BC_ESYNTAX, "test.md:1:3: unknown name '@foo'");
  CHECK_FAILS("{{#if tthc-x}}{{/if}}", BC_ESYNTAX,
              "test.md:1:7: invalid name 'tthc-x'");
  CHECK_FAILS("ab{{ }}", BC_ESYNTAX, "test.md:1:3: empty placeholder");
  CHECK_FAILS("{{ | so }}", BC_ESYNTAX,
              "test.md:1:1: placeholder has no name before '|'");
  CHECK_FAILS("{{a b}}", BC_ESYNTAX,
              "test.md:1:5: unexpected 'b' in placeholder");
  CHECK_FAILS("{{a \"b\"}}", BC_ESYNTAX,
              "test.md:1:5: unexpected '\"b\"' in placeholder");
  /* indicator codes with digits and dots are names */
  CHECK_FAILS("{{cchc.2023.x_1}}", BC_EDATA,
              "test.md:1:1: missing indicator 'cchc.2023.x_1'" CTX);
}
END_TEST

START_TEST(test_template_parse__unclosed_tag) {
  CHECK_FAILS("Có {{tthc.so_hoa\n}} hồ sơ", BC_ESYNTAX,
              "test.md:1:4: '{{' without '}}' on the same line");
  CHECK_FAILS("{{", BC_ESYNTAX,
              "test.md:1:1: '{{' without '}}' on the same line");
  CHECK_FAILS("x {{{narrative.chi_dao}}", BC_ESYNTAX,
              "test.md:1:3: '{{{' without '}}}' on the same line");
}
END_TEST

START_TEST(test_template_parse__triple_braces) {
  CHECK_FAILS("\n  {{{tthc.so_hoa}}}", BC_ESYNTAX,
              "test.md:2:3: only narratives can be inserted as Markdown: "
              "'tthc.so_hoa'");
  CHECK_FAILS("{{{ narrative.chi_dao | hoa }}}", BC_ESYNTAX,
              "test.md:1:23: formatters cannot be applied to a narrative");
  CHECK_FAILS("{{{}}}", BC_ESYNTAX, "test.md:1:1: empty placeholder");
  CHECK_FAILS("{{narrative.chi_dao}}", BC_ESYNTAX,
              "test.md:1:1: narratives are inserted with triple braces: "
              "{{{narrative.chi_dao}}}");
}
END_TEST

START_TEST(test_template_parse__front_matter) {
  fixture f;
  bc_expansion e;
  bc_error err;
  fixture_init(&f);
  ck_assert_int_eq(run(&f,
                       "---\n"
                       "trich_yeu: Công tác cải cách hành chính {{ky.ten}}\n"
                       "\n"
                       "loai:   BÁO CÁO  \r\n"
                       "ky_hieu_loai: BC\n"
                       "---  \n"
                       "Thân {{kh.ten}}\n",
                       &e, &err),
                   0);
  ck_assert_uint_eq(e.meta_count, 3);
  ck_assert_str_eq(e.meta[0].key, "trich_yeu");
  ck_assert_str_eq(e.meta[0].value,
                   "Công tác cải cách hành chính quý III năm 2023");
  ck_assert_str_eq(e.meta[1].key, "loai");
  ck_assert_str_eq(bc_expansion_meta(&e, "loai"), "BÁO CÁO");
  ck_assert_str_eq(bc_expansion_meta(&e, "ky_hieu_loai"), "BC");
  ck_assert_ptr_null(bc_expansion_meta(&e, "khac"));
  ck_assert_str_eq(e.markdown, "Thân Kế hoạch số 68\\/KH\\-UBND\n");

  /* no front matter: no fields; "---" later is Markdown */
  ck_assert_int_eq(run(&f, "A\n---\nB", &e, &err), 0);
  ck_assert_uint_eq(e.meta_count, 0);
  ck_assert_ptr_null(bc_expansion_meta(&e, "trich_yeu"));
  ck_assert_str_eq(e.markdown, "A\n---\nB");
  fixture_free(&f);
}
END_TEST

START_TEST(test_template_parse__front_matter_errors) {
  CHECK_FAILS("---\ntrich_yeu: x\n", BC_ESYNTAX,
              "test.md:1:1: front matter opened here is never closed");
  CHECK_FAILS("---\ntrich_yeu: x\n  tieu_de: y\n---\n", BC_ESYNTAX,
              "test.md:3:3: unknown front-matter key 'tieu_de'");
  CHECK_FAILS("---\nloai: x\nloai: y\n---\n", BC_ESYNTAX,
              "test.md:3:1: front-matter key 'loai' is set twice");
  CHECK_FAILS("---\ntrich_yeu x\n---\n", BC_ESYNTAX,
              "test.md:2:1: expected 'key: value' in front matter");
  CHECK_FAILS("---\ntrich_yeu: {{#if a}}x{{/if}}\n---\n", BC_ESYNTAX,
              "test.md:2:12: only value placeholders are allowed in front "
              "matter");
  CHECK_FAILS("---\ntrich_yeu: Về {{ky.ten | hoaa}}\n---\n", BC_ESYNTAX,
              "test.md:2:26: unknown formatter 'hoaa'");
  CHECK_FAILS("---\ntrich_yeu: {{{narrative.chi_dao}}}\n---\n", BC_ESYNTAX,
              "test.md:2:12: only value placeholders are allowed in front "
              "matter");
  CHECK_FAILS("---\ntrich_yeu: Về {{tthc.khong}}\n---\n", BC_EDATA,
              "test.md:2:15: missing indicator 'tthc.khong'" CTX);
}
END_TEST

START_TEST(test_template_parse__encoding) {
  CHECK_FAILS("Dòng một\nCó \xC3 lỗi", BC_ESYNTAX,
              "test.md:2:4: text is not valid UTF-8 (save it as UTF-8)");
  {
    fixture f;
    bc_template *t = NULL;
    bc_error err;
    bc_expansion e;
    static const char src[] = "ab\0c";
    fixture_init(&f);
    bc_error_clear(&err);
    ck_assert_int_eq(
        bc_template_compile_string(&t, src, 4, "nul.md", NULL, NULL, &err),
        BC_ESYNTAX);
    ck_assert_str_eq(errstr(&err), "nul.md:1:3: text contains a NUL byte");
    /* a byte-order mark is skipped and does not count as a column */
    bc_error_clear(&err);
    ck_assert_int_eq(bc_template_compile_string(
                         &t, "\xEF\xBB\xBF---\nloai: X\n---\nA {{x.zero}}",
                         strlen("\xEF\xBB\xBF---\nloai: X\n---\nA {{x.zero}}"),
                         "bom.md", NULL, NULL, &err),
                     0);
    ck_assert_int_eq(bc_template_expand(&e, t, &f.m, &f.out, &err), 0);
    ck_assert_str_eq(e.markdown, "A 0");
    ck_assert_str_eq(bc_expansion_meta(&e, "loai"), "X");
    bc_template_free(t);
    CHECK_FAILS("\xEF\xBB\xBF{{a |}}", BC_ESYNTAX,
                "test.md:1:6: missing formatter after '|'");
    fixture_free(&f);
  }
}
END_TEST

START_TEST(test_template_parse__partials) {
  char expected[1024];
  write_file("p/dong.md", "Dòng {{ky.quy | la_ma}}\n");
  write_file("p/khong_xuong_dong.md", "Không xuống dòng");
  write_file("p/long.md", "{{#if tthc.so_hoa}}\n{{> p/dong}}\n{{/if}}\n");
  CHECK_EXPANDS("A\n{{> p/dong}}\nB\n", "A\nDòng III\nB\n");
  CHECK_EXPANDS("A\n  {{>p/long}}  \nB\n", "A\nDòng III\nB\n");
  /* a standalone partial always ends its line */
  CHECK_EXPANDS("A\n{{> p/khong_xuong_dong}}\nB\n", "A\nKhông xuống dòng\nB\n");
  /* inline, it is inserted as it is */
  CHECK_EXPANDS("A {{> p/khong_xuong_dong}}. B\n", "A Không xuống dòng. B\n");
  /* the same partial twice, and inside #each */
  CHECK_EXPANDS("{{#each noi_nhan}}\n{{> p/dong}}\n{{/each}}",
                "Dòng III\nDòng III\n");

  snprintf(expected, sizeof expected,
           "test.md:2:1: cannot open '%s/p/khong_co.md': No such file or "
           "directory",
           root_dir());
  CHECK_FAILS("A\n{{> p/khong_co}}\n", BC_EINPUT, expected);

  write_file("p/loi.md", "Một\n{{#if a}}\n");
  snprintf(expected, sizeof expected,
           "%s/p/loi.md:2:1: {{#if}} opened here is never closed", root_dir());
  CHECK_FAILS("{{> p/loi}}", BC_ESYNTAX, expected);

  write_file("p/thieu.md", "\n  {{tthc.khong}}\n");
  snprintf(expected, sizeof expected,
           "%s/p/thieu.md:2:3: missing indicator 'tthc.khong'" CTX, root_dir());
  CHECK_FAILS("A\n{{> p/thieu}}", BC_EDATA, expected);

  CHECK_FAILS("{{> ../etc/passwd}}", BC_ESYNTAX,
              "test.md:1:1: invalid partial name '../etc/passwd'");
  CHECK_FAILS("{{> /etc/passwd}}", BC_ESYNTAX,
              "test.md:1:1: invalid partial name '/etc/passwd'");
  CHECK_FAILS("{{> P/Dong}}", BC_ESYNTAX,
              "test.md:1:1: invalid partial name 'P/Dong'");
  CHECK_FAILS("{{> p//dong}}", BC_ESYNTAX,
              "test.md:1:1: invalid partial name 'p//dong'");
  CHECK_FAILS("{{>}}", BC_ESYNTAX, "test.md:1:1: invalid partial name ''");
}
END_TEST

START_TEST(test_template_parse__appendices) {
  char expected[1024];
  fixture f;
  bc_expansion e;
  bc_error err;
  write_file("pl/mot.md", "---\ntieu_de: Bảng {{ky.ten}}\nhuong: ngang\n---\n"
                          "| STT | {{tthc.so_hoa}} |\n");
  write_file("pl/hai.md", "---\ntieu_de: Hai\n---\nNội dung {{ky.quy}}.\n");
  fixture_init(&f);
  ck_assert_int_eq(run(&f,
                       "---\ntrich_yeu: T\nphu_luc: pl/mot, pl/hai\n---\n"
                       "Thân.\n",
                       &e, &err),
                   0);
  ck_assert_str_eq(e.markdown, "Thân.\n");
  ck_assert_uint_eq(e.appendix_count, 2);
  ck_assert_str_eq(bc_expansion_meta(&e.appendices[0], "tieu_de"),
                   "Bảng quý III năm 2023");
  ck_assert_str_eq(bc_expansion_meta(&e.appendices[0], "huong"), "ngang");
  ck_assert_str_eq(e.appendices[0].markdown, "| STT | 60 |\n");
  ck_assert_ptr_null(bc_expansion_meta(&e.appendices[1], "huong"));
  ck_assert_str_eq(e.appendices[1].markdown, "Nội dung 3.\n");
  ck_assert_ptr_null(bc_expansion_meta(&e, "phu_luc")); /* not text */
  fixture_free(&f);

  write_file("pl/khong_tieu_de.md", "Chỉ có thân.\n");
  snprintf(expected, sizeof expected,
           "%s/pl/khong_tieu_de.md:1:1: an appendix needs a title: "
           "'tieu_de: ...' in its front matter",
           root_dir());
  CHECK_FAILS("---\ntrich_yeu: T\nphu_luc: pl/khong_tieu_de\n---\n", BC_ESYNTAX,
              expected);
  write_file("pl/huong.md", "---\ntieu_de: X\nhuong: doc-ngang\n---\n");
  snprintf(expected, sizeof expected,
           "%s/pl/huong.md:3:8: huong is 'doc' (portrait) or 'ngang' "
           "(landscape), not 'doc-ngang'",
           root_dir());
  CHECK_FAILS("---\ntrich_yeu: T\nphu_luc: pl/huong\n---\n", BC_ESYNTAX,
              expected);
  write_file("pl/trich_yeu.md", "---\ntieu_de: X\ntrich_yeu: Y\n---\n");
  snprintf(expected, sizeof expected,
           "%s/pl/trich_yeu.md:3:1: unknown front-matter key 'trich_yeu'",
           root_dir());
  CHECK_FAILS("---\ntrich_yeu: T\nphu_luc: pl/trich_yeu\n---\n", BC_ESYNTAX,
              expected);
  CHECK_FAILS("---\ntrich_yeu: T\nphu_luc: ../x\n---\n", BC_ESYNTAX,
              "test.md:3:10: invalid appendix name '../x'");
  snprintf(expected, sizeof expected,
           "test.md:2:10: cannot open '%s/pl/khong_co.md': No such file or "
           "directory",
           root_dir());
  CHECK_FAILS("---\nphu_luc: pl/khong_co\n---\n", BC_EINPUT, expected);
}
END_TEST

START_TEST(test_template_parse__partial_without_root) {
  bc_template *t = NULL;
  bc_error err;
  bc_error_clear(&err);
  ck_assert_int_eq(bc_template_compile_string(&t, "x\n{{> p/dong}}", 14, "s.md",
                                              NULL, NULL, &err),
                   BC_ESYNTAX);
  ck_assert_str_eq(errstr(&err), "s.md:2:1: partial 'p/dong' cannot be "
                                 "used: no template directory");
  ck_assert_ptr_null(t);
}
END_TEST

START_TEST(test_template_parse__partial_cycles) {
  char expected[1024];
  write_file("c/a.md", "A\n{{> c/b}}\n");
  write_file("c/b.md", "B\n\n  {{> c/a}}\n");
  write_file("c/tu.md", "{{> c/tu}}");
  snprintf(expected, sizeof expected,
           "%s/c/b.md:3:3: partial 'c/a' includes itself", root_dir());
  CHECK_FAILS("{{> c/a}}", BC_ESYNTAX, expected);
  snprintf(expected, sizeof expected,
           "%s/c/tu.md:1:1: partial 'c/tu' includes itself", root_dir());
  CHECK_FAILS("{{> c/tu}}", BC_ESYNTAX, expected);

  /* through bc_template_compile, the main file counts too */
  {
    bc_template *t = NULL;
    bc_error err;
    bc_error_clear(&err);
    write_file("c/main.md", "{{> c/con}}");
    write_file("c/con.md", "{{> c/main}}");
    ck_assert_int_eq(bc_template_compile(&t, root_dir(), "c/main", NULL, &err),
                     BC_ESYNTAX);
    snprintf(expected, sizeof expected,
             "%s/c/con.md:1:1: partial 'c/main' includes itself", root_dir());
    ck_assert_str_eq(errstr(&err), expected);
  }
}
END_TEST

START_TEST(test_template_parse__include_depth) {
  char name[64], body[128], expected[1024];
  /* main -> d/1 -> ... -> d/16: 16 levels is allowed */
  for (int i = 1; i <= 17; i++) {
    snprintf(name, sizeof name, "d/%d.md", i);
    if (i < 17)
      snprintf(body, sizeof body, "%d\n{{> d/%d}}\n", i, i + 1);
    else
      snprintf(body, sizeof body, "cuối\n");
    write_file(name, body);
  }
  CHECK_EXPANDS("{{> d/2}}", "2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n"
                             "15\n16\ncuối\n");
  snprintf(expected, sizeof expected,
           "%s/d/16.md:2:1: partials are nested deeper than 16 levels",
           root_dir());
  CHECK_FAILS("{{> d/1}}", BC_ESYNTAX, expected);

  /* A partial compiled once at a shallow place and used again deeper
   * down: its own depth still counts. */
  write_file("h/la.md", "{{> h/l2}}");
  write_file("h/l2.md", "{{> h/l3}}");
  write_file("h/l3.md", "lá");
  for (int i = 1; i <= 14; i++) {
    snprintf(name, sizeof name, "h/%d.md", i);
    if (i < 14)
      snprintf(body, sizeof body, "{{> h/%d}}", i + 1);
    else
      snprintf(body, sizeof body, "{{> h/la}}");
    write_file(name, body);
  }
  CHECK_EXPANDS("{{> h/la}} {{> h/2}}", "lá\nlá\n");
  snprintf(expected, sizeof expected,
           "%s/h/14.md:1:1: partials are nested deeper than 16 levels",
           root_dir());
  CHECK_FAILS("{{> h/la}} {{> h/1}}", BC_ESYNTAX, expected);
}
END_TEST

START_TEST(test_template_parse__compile_file) {
  fixture f;
  bc_template *t = NULL;
  bc_expansion e;
  bc_error err;
  char expected[1024];

  write_file("cchc_quy.md", "---\ntrich_yeu: Công tác CCHC {{ky.ten}}\n---\n"
                            "## I. CHỈ ĐẠO\n\n{{{narrative.chi_dao}}}\n\n"
                            "{{> cchc/the_che}}\n");
  write_file("cchc/the_che.md", "### 1. Thể chế\n\n- Dự toán: "
                                "{{tc.du_toan | so}} đồng.\n");
  fixture_init(&f);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_template_compile(&t, root_dir(), "cchc_quy", NULL, &err),
                   0);
  ck_assert_int_eq(bc_template_expand(&e, t, &f.m, &f.out, &err), 0);
  ck_assert_str_eq(bc_expansion_meta(&e, "trich_yeu"),
                   "Công tác CCHC quý III năm 2023");
  ck_assert_str_eq(e.markdown,
                   "## I. CHỈ ĐẠO\n\n"
                   "- Quý III năm 2023 số hóa được 60 hồ sơ (*30\\,73\\%*)\n"
                   "\n\n"
                   "### 1. Thể chế\n\n- Dự toán: 2\\.132\\.000\\.000 đồng.\n");
  /* the same template again gives the same text */
  {
    bc_expansion e2;
    ck_assert_int_eq(bc_template_expand(&e2, t, &f.m, &f.out, &err), 0);
    ck_assert_str_eq(e2.markdown, e.markdown);
  }
  bc_template_free(t);
  t = NULL;

  bc_error_clear(&err);
  ck_assert_int_eq(
      bc_template_compile(&t, root_dir(), "../cchc_quy", NULL, &err),
      BC_EINPUT);
  ck_assert_str_eq(errstr(&err), "invalid template name '../cchc_quy'");
  bc_error_clear(&err);
  ck_assert_int_eq(bc_template_compile(&t, root_dir(), "khong_co", NULL, &err),
                   BC_EINPUT);
  snprintf(expected, sizeof expected,
           "cannot open '%s/khong_co.md': No such file or directory",
           root_dir());
  ck_assert_str_eq(errstr(&err), expected);
  ck_assert_ptr_null(t);
  bc_template_free(NULL);
  fixture_free(&f);
}
END_TEST

/* ---- expand.c ------------------------------------------------------ */

/* Sums over any list (issue 19): tong NAME adds NAME up over a list's
 * items as {{#each}} sees them, with tong.<code>'s rule that every item
 * has a number; cong adds named values. */
START_TEST(test_template_expand__sums_over_lists) {
  /* over don_vi it is tong.<code> */
  CHECK_COMPARES("{{don_vi | tong tthc.so_hoa}} = {{tong.tthc.so_hoa}}; "
                 "{{don_vi | tong tthc.dvc | so}}",
                 "60 = 60; 450");
  /* over chi_so: gia_tri of each item, after a filter of one's own */
  CHECK_COMPARES("{{nhom_chi_so | tong stt}}", "10");
  CHECK_COMPARES("{{tthc.so_hoa | cong tthc.dvc tc.du_toan | so}}",
                 "2\\.132\\.001\\.918");
  CHECK_COMPARES("{{tthc.so_hoa | cong tthc.dvc | ti_le tc.du_toan | "
                 "phantram 4}}",
                 "0\\,0001\\%");
  CHECK_COMPARE_FAILS(
      "{{chi_so | tong gia_tri}}", BC_EDATA,
      "test.md:1:12: missing value 'gia_tri' of item 4 ('tthc.thieu') of "
      "'chi_so': 'tong' adds up only when every item has a number" CTX);
  /* a value of another kind in an item: refused by name */
  CHECK_COMPARE_FAILS(
      "{{#each nhom_chi_so}}{{#if @first}}{{chi_so | tong gia_tri | mac_dinh "
      "\"?\"}}{{/if}}{{/each}}|{{nhom_chi_so | tong ten}}",
      BC_EDATA,
      "test.md:1:109: formatter 'tong' adds numbers, 'ten' of item 1 "
      "('tthc') of 'nhom_chi_so' is text" CTX);
  CHECK_COMPARES("{{don_vi | tong cq.diem}}", "255");
  CHECK_COMPARE_FAILS("{{don_vi | tong tthc.thieu}}", BC_EDATA,
                      "test.md:1:12: missing value 'tthc.thieu' of item 1 "
                      "('A') of 'don_vi': 'tong' adds up only when every item "
                      "has a number" CTX);
  CHECK_COMPARES("{{don_vi | tong tthc.thieu | mac_dinh \"chưa đủ\"}}",
                 "chưa đủ");
  CHECK_COMPARE_FAILS("{{tthc.so_hoa | cong tthc.thieu}}", BC_EDATA,
                      "test.md:1:17: missing indicator 'tthc.thieu'" CTX);
  CHECK_COMPARES("{{tthc.so_hoa | cong tthc.thieu | mac_dinh \"—\"}}", "—");
  CHECK_COMPARE_FAILS("{{tthc.so_hoa | cong kh.ten}}", BC_EDATA,
                      "test.md:1:17: formatter 'cong' adds 'kh.ten', which is "
                      "not a number" CTX);
  CHECK_COMPARE_FAILS("{{tthc.so_hoa | tong x}}", BC_EDATA,
                      "test.md:1:17: formatter 'tong' adds up a list, "
                      "'tthc.so_hoa' is a number" CTX);
  CHECK_COMPARE_FAILS("{{don_vi | so | tong x}}", BC_ESYNTAX,
                      "test.md:1:17: formatter 'tong' adds up a list: it comes "
                      "first, right after the list's name");
  CHECK_COMPARE_FAILS("{{tthc.so_hoa | cong}}", BC_ESYNTAX,
                      "test.md:1:17: formatter 'cong' takes one name or more");
}
END_TEST

START_TEST(test_template_expand__model_names) {
  CHECK_EXPANDS("{{co_quan.ten}}|{{co_quan.ten_day_du}}|{{co_quan.chu_quan}}|"
                "{{co_quan.ky_hieu}}|{{co_quan.dia_danh}}|{{co_quan.ma}}",
                "SỞ THÔNG TIN VÀ TRUYỀN THÔNG|Sở Thông tin và Truyền "
                "thông|UBND TỈNH TRÀ VINH|STTTT|Trà Vinh|STTTT\\-TV");
  CHECK_EXPANDS("{{ky.ma}}|{{ky.ten}}|{{ky.nam}}|{{ky.quy}}|{{ky.quy | la_ma}}"
                "|{{ky.tu_ngay}}|{{ky.den_ngay | ngay_dai}}",
                "2023\\-Q3|quý III năm 2023|2023|3|III|01\\/7\\/2023|ngày "
                "30 tháng 9 năm 2023");
  CHECK_EXPANDS("{{nguoi_ky.tham_quyen}}|{{nguoi_ky.chuc_vu}}|"
                "{{nguoi_ky.ho_ten}}",
                "KT\\. GIÁM ĐỐC|PHÓ GIÁM ĐỐC|Bùi Thông Nhứt");
  /* The report's own date keeps the văn thư's blanks; any other partial
   * date prints what is known (issue 19). */
  CHECK_EXPANDS("{{bao_cao.ngay | ngay_dai}}|{{bao_cao.ngay}}|{{x.thang | "
                "ngay}}|{{x.thang | ngay_dai}}|{{x.thang}}",
                "ngày    tháng 9 năm 2023|  \\/9\\/2023|9\\/2023|tháng 9 năm "
                "2023|9\\/2023");
}
END_TEST

START_TEST(test_template_expand__default_printing) {
  CHECK_EXPANDS("{{tthc.dvc}} {{tthc.ty_le}} {{tc.du_toan}} {{kh.ngay}}",
                "1858 30\\,73 2132000000 26\\/7\\/2023");
  CHECK_EXPANDS("{{tthc.dvc | so}} {{tthc.ty_le | so 1}} {{x.phong | dem}} "
                "{{tthc.dvc | dem}} {{x.ratio | phantram 1}} "
                "{{tthc.ty_le | phantram}}",
                "1\\.858 30\\,7 04 1\\.858 39\\,2\\% 30\\,73\\%");
}
END_TEST

START_TEST(test_template_expand__escaping) {
  /* Values are text: every ASCII punctuation mark gets a backslash, line
   * breaks and tabs become spaces, the ends are trimmed. */
  CHECK_EXPANDS("- {{x.markup}}\n",
                "- \\*đậm\\* \\# \\[link\\]\\(u\\) \\| \\{\\{a\\}\\} \\\\ "
                "\\`c\\`  hết\n");
  /* in front matter, nothing but the line breaks changes */
  {
    fixture f;
    bc_expansion e;
    bc_error err;
    fixture_init(&f);
    ck_assert_int_eq(run(&f,
                         "---\ntrich_yeu: {{x.markup}} {{kh.ten}} "
                         "{{tthc.ty_le | phantram}} {{x.khong | mac_dinh "
                         "\"*không*\"}}\n---\n",
                         &e, &err),
                     0);
    ck_assert_str_eq(bc_expansion_meta(&e, "trich_yeu"),
                     "*đậm* # [link](u) | {{a}} \\ `c`  hết Kế hoạch số "
                     "68/KH-UBND 30,73% *không*");
    ck_assert_str_eq(e.markdown, "");
    fixture_free(&f);
  }
}
END_TEST

START_TEST(test_template_expand__missing_values) {
  CHECK_FAILS("Dòng 1\nSố hóa {{tthc.khong_co | so}} hồ sơ", BC_EDATA,
              "test.md:2:8: missing indicator 'tthc.khong_co'" CTX);
  CHECK_FAILS("{{tthc.thieu}}", BC_EDATA,
              "test.md:1:1: missing indicator 'tthc.thieu'" CTX);
  CHECK_FAILS("Số: {{bao_cao.so}}", BC_EDATA,
              "test.md:1:5: missing value 'bao_cao.so'" CTX);
  CHECK_FAILS("{{co_quan.khac}}", BC_EDATA,
              "test.md:1:1: missing value 'co_quan.khac'" CTX);
  CHECK_FAILS("{{#each noi_nhan}}{{ten}}{{/each}}", BC_EDATA,
              "test.md:1:19: missing indicator 'ten'" CTX);
  CHECK_FAILS("{{#each chi_so}}{{gia_tri}};{{/each}}", BC_EDATA,
              "test.md:1:17: missing value 'gia_tri' of indicator "
              "'tthc.thieu'" CTX);
  CHECK_FAILS("{{@index}}", BC_EDATA,
              "test.md:1:1: '@index' is only set inside {{#each}}" CTX);
  CHECK_FAILS("{{#each khong_co}}{{/each}}", BC_EDATA,
              "test.md:1:1: missing indicator 'khong_co'" CTX);
}
END_TEST

START_TEST(test_template_expand__mac_dinh) {
  CHECK_EXPANDS("{{tthc.thieu | mac_dinh \"chưa có số liệu (*)\"}}",
                "chưa có số liệu \\(\\*\\)");
  CHECK_EXPANDS("{{tthc.thieu | so 2 | mac_dinh \"—\" | hoa}}", "—");
  CHECK_EXPANDS("{{tthc.dvc | mac_dinh \"—\" | so}}", "1\\.858");
  CHECK_EXPANDS("{{bao_cao.so | mac_dinh \"\"}}/BC", "/BC");
  /* it does not excuse a value of the wrong kind */
  CHECK_FAILS("{{kh.ten | mac_dinh \"—\" | so}}", BC_EDATA,
              "test.md:1:27: formatter 'so' needs a number, 'kh.ten' is "
              "text" CTX);
}
END_TEST

START_TEST(test_template_expand__formatter_errors) {
  CHECK_FAILS("Ngày {{kh.ten | so}}", BC_EDATA,
              "test.md:1:17: formatter 'so' needs a number, 'kh.ten' is "
              "text" CTX);
  CHECK_FAILS("{{tthc.so_hoa | ngay}}", BC_EDATA,
              "test.md:1:17: formatter 'ngay' needs a date, 'tthc.so_hoa' "
              "is a number" CTX);
  CHECK_FAILS("{{kh.ngay | dem}}", BC_EDATA,
              "test.md:1:13: formatter 'dem' needs a number, 'kh.ngay' is "
              "a date" CTX);
  CHECK_FAILS("{{x.ratio | dem}}", BC_EDATA,
              "test.md:1:13: formatter 'dem' needs a count (a whole number, 0 or more), 'x.ratio' "
              "is 39,18" CTX);
  CHECK_FAILS("{{tthc.dvc | la_ma}}", BC_EDATA,
              "test.md:1:14: formatter 'la_ma' needs a whole number from 1 "
              "to 39, 'tthc.dvc' is 1.858" CTX);
  CHECK_FAILS("{{x.zero | la_ma}}", BC_EDATA,
              "test.md:1:12: formatter 'la_ma' needs a whole number from 1 "
              "to 39, 'x.zero' is 0" CTX);
  CHECK_FAILS("{{tthc.dvc | so | so}}", BC_EDATA,
              "test.md:1:19: formatter 'so' needs a number, 'tthc.dvc' is "
              "text" CTX);
  CHECK_FAILS("x {{x.nan | so}}", BC_EDATA,
              "test.md:1:3: 'x.nan' is not a finite number" CTX);
  CHECK_FAILS("{{#each chi_so}}{{#if @first}}{{gia_tri | so}}{{/if}}{{/each}}",
              BC_EDATA,
              "test.md:1:43: formatter 'so' needs a number, 'gia_tri' of "
              "indicator 'kh.ngay' is a date" CTX);
}
END_TEST

START_TEST(test_template_expand__case) {
  CHECK_EXPANDS("{{ky.ten | hoa}}|{{ky.ten | hoa_dau}}|{{co_quan.ten_day_du | "
                "hoa}}|{{tthc.ty_le | hoa}}|{{kh.ngay | ngay_dai | hoa_dau}}",
                "QUÝ III NĂM 2023|Quý III năm 2023|SỞ THÔNG TIN VÀ TRUYỀN "
                "THÔNG|30\\,73|Ngày 26 tháng 7 năm 2023");
  CHECK_EXPANDS("{{x.markup | hoa}}",
                "\\*ĐẬM\\* \\# \\[LINK\\]\\(U\\) \\| \\{\\{A\\}\\} \\\\ "
                "\\`C\\`  HẾT");
}
END_TEST

START_TEST(test_template_expand__conditions) {
  CHECK_EXPANDS("{{#if tthc.so_hoa}}a{{/if}}{{#if x.zero}}b{{/if}}"
                "{{#if x.empty}}c{{/if}}{{#if tthc.thieu}}d{{/if}}"
                "{{#if khong.co}}e{{/if}}{{#if kh.ten}}f{{/if}}"
                "{{#if kh.ngay}}g{{/if}}{{#if noi_nhan}}h{{/if}}"
                "{{#if bao_cao.so}}i{{/if}}{{#if ky.quy}}j{{/if}}",
                "afghj");
  CHECK_EXPANDS("{{#unless x.zero}}a{{else}}b{{/unless}}"
                "{{#unless tthc.so_hoa}}c{{else}}d{{/unless}}"
                "{{#if x.zero}}e{{else}}f{{/if}}",
                "adf");
  CHECK_EXPANDS("{{#if narrative.chi_dao}}a{{/if}}{{#if narrative.trong}}b"
                "{{/if}}{{#if narrative.khong}}c{{/if}}"
                "{{#unless narrative.trong}}d{{/unless}}",
                "ad");
  /* a missing value inside a false branch is never looked at */
  CHECK_EXPANDS("{{#if tthc.thieu}}{{tthc.thieu}}{{else}}—{{/if}}", "—");
}
END_TEST

START_TEST(test_template_expand__each) {
  CHECK_EXPANDS("{{#each noi_nhan}}\n"
                "- {{noi_dung}}{{#if @last}}.{{else}};{{/if}} "
                "({{@index}}/{{stt | dem}}/{{#if @first}}đầu{{/if}} "
                "{{co_quan.ky_hieu}})\n"
                "{{/each}}",
                "- Sở Nội vụ \\(b\\/c\\); (0/01/đầu STTTT)\n"
                "- Ban Giám đốc Sở. (1/02/ STTTT)\n");
  /* nested: inner items first, then the outer ones, then the model */
  CHECK_EXPANDS("{{#each noi_nhan}}{{#each chi_so}}{{#if @first}}"
                "{{noi_dung}}:{{ma}}:{{@index}}{{/if}}{{/each}};{{/each}}",
                "Sở Nội vụ \\(b\\/c\\):kh\\.ngay:0;Ban Giám đốc Sở:"
                "kh\\.ngay:0;");
  CHECK_FAILS("{{#each tthc.so_hoa}}x{{/each}}", BC_EDATA,
              "test.md:1:1: {{#each}} needs a list, 'tthc.so_hoa' is a "
              "number" CTX);
  CHECK_FAILS("Nơi nhận: {{noi_nhan}}", BC_EDATA,
              "test.md:1:11: 'noi_nhan' is a list; print its items with "
              "{{#each noi_nhan}}" CTX);
}
END_TEST

START_TEST(test_template_expand__each_table) {
  fixture f;
  bc_expansion e;
  bc_error err;
  fixture_init(&f);
  /* a model with only three indicators: a GFM table over chi_so */
  f.m.value_count = 0;
  add_value(&f, "b.hai", "b", 1, num(1304669823));
  add_value(&f, "a.mot", "a", 2, num(44.778));
  add_value(&f, "a.ba", "a", 1, text("x | y"));
  ck_assert_int_eq(bc_model_finish(&f.m, &f.arena, &err), 0);
  ck_assert_int_eq(run(&f,
                       "| STT | Mã | Giá trị |\n|---|---|---|\n"
                       "{{#each chi_so}}\n"
                       "| {{stt}} | {{ma}} | {{gia_tri}} |\n"
                       "{{/each}}\n",
                       &e, &err),
                   0);
  ck_assert_str_eq(e.markdown, "| STT | Mã | Giá trị |\n|---|---|---|\n"
                               "| 1 | a\\.ba | x \\| y |\n"
                               "| 2 | a\\.mot | 44\\,778 |\n"
                               "| 3 | b\\.hai | 1304669823 |\n");
  fixture_free(&f);
}
END_TEST

START_TEST(test_template_expand__narratives) {
  /* inserted as Markdown, its own values filled and escaped, ending its
   * line */
  CHECK_EXPANDS("## I. CHỈ ĐẠO\n\n{{{narrative.chi_dao}}}\n## II.\n",
                "## I. CHỈ ĐẠO\n\n- Quý III năm 2023 số hóa được 60 hồ sơ "
                "(*30\\,73\\%*)\n\n## II.\n");
  CHECK_EXPANDS("{{{ narrative.xuong_dong }}}",
                "# Tiêu đề\n\nĐoạn Kế hoạch số 68\\/KH\\-UBND.\n");
  CHECK_EXPANDS("A\n{{{narrative.trong}}}\nB", "A\n  \n\t\n\nB");
  CHECK_EXPANDS("{{#each noi_nhan}}{{#if @first}}{{{narrative.chi_dao}}}"
                "{{/if}}{{/each}}",
                "- Quý III năm 2023 số hóa được 60 hồ sơ (*30\\,73\\%*)\n");
  CHECK_FAILS("A\n\n{{{narrative.khong}}}\n", BC_EDATA,
              "test.md:3:1: missing narrative 'khong'" CTX);
  CHECK_FAILS("{{{narrative.loi_cu_phap}}}", BC_ESYNTAX,
              "narrative 'loi_cu_phap':2:20: unknown formatter 'so3'" CTX);
  CHECK_FAILS("{{{narrative.khoi}}}", BC_ESYNTAX,
              "narrative 'khoi':1:4: only value placeholders are allowed "
              "in a narrative" CTX);
  CHECK_FAILS("x\n{{{narrative.thieu}}}", BC_EDATA,
              "narrative 'thieu':1:4: missing indicator 'tthc.khong_co'" CTX);
}
END_TEST

START_TEST(test_template_expand__narrative_restrictions) {
  fixture f;
  bc_expansion e;
  bc_error err;
  static const char *const bad[] = {"{{#each noi_nhan}}{{/each}}",
                                    "{{> p/dong}}", "{{{narrative.khac}}}",
                                    "{{else}}", "{{/if}}"};
  fixture_init(&f);
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    f.narratives[0].markdown = bad[i]; /* "chi_dao" sorts first */
    ck_assert_str_eq(f.narratives[0].key, "chi_dao");
    ck_assert_int_eq(run(&f, "{{{narrative.chi_dao}}}", &e, &err), BC_ESYNTAX);
    ck_assert_str_eq(errstr(&err), "narrative 'chi_dao':1:1: only value "
                                   "placeholders are allowed in a "
                                   "narrative" CTX);
  }
  /* comments are fine; bad UTF-8 is bad data */
  f.narratives[0].markdown = "a{{! ghi chú }}b";
  ck_assert_int_eq(run(&f, "{{{narrative.chi_dao}}}", &e, &err), 0);
  ck_assert_str_eq(e.markdown, "ab\n");
  f.narratives[0].markdown = "ab\n\xFF";
  ck_assert_int_eq(run(&f, "{{{narrative.chi_dao}}}", &e, &err), BC_EDATA);
  ck_assert_str_eq(errstr(&err), "narrative 'chi_dao':2:1: text is not "
                                 "valid UTF-8 (save it as UTF-8)" CTX);
  fixture_free(&f);
}
END_TEST

START_TEST(test_template_expand__output_limit) {
  fixture f;
  bc_template *t = NULL;
  bc_expansion e;
  bc_error err;
  const char *src = "Đầu\n{{#each chi_so}}\n{{ma}}\n{{/each}}\n";
  fixture_init(&f);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_template_compile_string(&t, src, strlen(src), "big.md",
                                              NULL, NULL, &err),
                   0);
  ck_assert_int_eq(bc_template__expand_limited(&e, t, &f.m, 40, &f.out, &err),
                   BC_EDATA);
  ck_assert_str_eq(errstr(&err), "big.md:3:1: expanded report is larger "
                                 "than 40 bytes" CTX);
  bc_template_free(t);

  /* the real limit: 64 MiB */
  {
    char part[2100], expected[1024];
    memset(part, 'x', 2000);
    strcpy(part + 2000, "\n");
    write_file("lon/dong.md", part);
    snprintf(expected, sizeof expected,
             "%s/lon/dong.md:1:1: expanded report is larger than 64 MiB" CTX,
             root_dir());
    CHECK_FAILS("{{#each chi_so}}{{#each chi_so}}{{#each chi_so}}"
                "{{#each chi_so}}{{> lon/dong}}{{/each}}{{/each}}{{/each}}"
                "{{/each}}",
                BC_EDATA, expected);
  }
  fixture_free(&f);
}
END_TEST

/* Every allocation failure during compile and expand comes back as
 * BC_ENOMEM with nothing leaked. */
static void oom_run(int persistent) {
  static const char src[] =
      "---\ntrich_yeu: {{ky.ten | hoa_dau}} {{kh.ten}}\n---\n"
      "# {{co_quan.ten}}\n"
      "{{#each noi_nhan}}\n"
      "- {{noi_dung}}{{#if @last}}.{{else}};{{/if}}\n"
      "{{/each}}\n"
      "{{> oom/phan}}\n"
      "{{{narrative.chi_dao}}}\n"
      "{{tthc.thieu | mac_dinh \"không có\"}} {{tc.du_toan | so}} "
      "{{x.markup | hoa}}\n";
  fixture f;
  long n;
  int rc = -1;
  const char *expected = NULL;

  write_file("oom/phan.md", "Phần {{ky.quy | la_ma}} {{kh.ngay | ngay_dai}}\n");
  fixture_init(&f);
  for (n = 0; rc != 0; n++) {
    tu_failing_alloc fa;
    bc_template *t = NULL;
    bc_arena arena;
    bc_expansion e;
    bc_error err;
    tu_failing_alloc_init(&fa, n, persistent);
    bc_arena_init(&arena, &fa.base);
    bc_error_clear(&err);
    rc = bc_template_compile_string(&t, src, strlen(src), "oom.md", root_dir(),
                                    &fa.base, &err);
    if (!rc)
      rc = bc_template_expand(&e, t, &f.m, &arena, &err);
    if (rc) {
      ck_assert_msg(rc == BC_ENOMEM, "n=%ld: %s", n, errstr(&err));
      ck_assert_int_eq(err.code, BC_ENOMEM);
      ck_assert_str_eq(err.message, "out of memory");
      ck_assert(fa.failed);
    } else {
      ck_assert_str_eq(bc_expansion_meta(&e, "trich_yeu"),
                       "Quý III năm 2023 Kế hoạch số 68/KH-UBND");
      expected = strstr(e.markdown, "Phần III ngày 26 tháng 7 năm 2023\n");
      ck_assert_ptr_nonnull(expected);
    }
    bc_template_free(t);
    bc_arena_release(&arena);
    ck_assert_int_eq(fa.live, 0);
    ck_assert_int_lt(n, 10000);
  }
  ck_assert_int_gt(n, 10);
  fixture_free(&f);
}

START_TEST(test_template_expand__alloc_failures) {
  oom_run(1);
  oom_run(0);
}
END_TEST

/* ---- expand.c: audit mode ------------------------------------------ */

static int
audit_run(fixture *f, const char *src, bc_audit_report *r, bc_error *err) {
  bc_template *t = NULL;
  int rc;
  bc_error_clear(err);
  rc = bc_template_compile_string(&t, src, strlen(src), "test.md", root_dir(),
                                  NULL, err);
  if (!rc)
    rc = bc_template_audit(r, t, &f->m, &f->out, err);
  bc_template_free(t);
  return rc;
}

static const char *const audit_kinds[] = {"missing", "no-narrative", "empty",
                                          "invalid", "broken"};

/* The items one per line: "file:line:col[ via file:line:col]: message
 * [kind name code]". */
static char *audit_items(const bc_audit_report *r) {
  static char buf[8192];
  size_t n = 0;
  buf[0] = '\0';
  for (size_t i = 0; i < r->count; i++) {
    const bc_audit_item *it = &r->items[i];
    n += (size_t)snprintf(buf + n, sizeof buf - n, "%s:%d:%d", it->file,
                          it->line, it->column);
    if (it->via_file)
      n += (size_t)snprintf(buf + n, sizeof buf - n, " via %s:%d:%d",
                            it->via_file, it->via_line, it->via_column);
    n += (size_t)snprintf(buf + n, sizeof buf - n, ": %s [%s %s %d]\n",
                          it->message, audit_kinds[it->kind], it->name,
                          it->code);
    ck_assert_uint_lt(n, sizeof buf);
  }
  return buf;
}

#define CHECK_AUDIT(src, expected_items)                                       \
  do {                                                                         \
    fixture f_;                                                                \
    bc_audit_report r_;                                                        \
    bc_error err_;                                                             \
    fixture_init(&f_);                                                         \
    int rc_ = audit_run(&f_, (src), &r_, &err_);                               \
    ck_assert_msg(rc_ == 0, "unexpected error: %s", errstr(&err_));            \
    ck_assert_int_eq(err_.code, 0);                                            \
    ck_assert_str_eq(audit_items(&r_), (expected_items));                      \
    fixture_free(&f_);                                                         \
  } while (0)

/* Every problem of main file, front matter, partial and narratives, each
 * where it is, and the expansion goes on around them. */
START_TEST(test_template_expand__audit_every_problem) {
  fixture f;
  bc_audit_report r;
  bc_error err;
  char expected[4096];
  write_file("audit/phan.md", "Phần\n{{x.nhieu}} và {{kh.ten | ngay}}.\n");
  fixture_init(&f);
  ck_assert_int_eq(audit_run(&f,
                             "---\n"
                             "trich_yeu: {{ky.ten}} {{tieu_de.khong_co}}\n"
                             "---\n"
                             "A {{tthc.khong_co | so}} B {{tthc.so_hoa}}\n"
                             "{{> audit/phan}}\n"
                             "{{{narrative.thieu}}}\n"
                             "{{{narrative.trong}}}\n"
                             "{{{narrative.khong}}}\n"
                             "C {{tthc.thieu}} D\n",
                             &r, &err),
                   0);
  snprintf(expected, sizeof expected,
           "test.md:2:23: missing indicator 'tieu_de.khong_co' [missing "
           "tieu_de.khong_co -6]\n"
           "test.md:4:3: missing indicator 'tthc.khong_co' [missing "
           "tthc.khong_co -6]\n"
           "%s/audit/phan.md:2:1: missing indicator 'x.nhieu' [missing "
           "x.nhieu -6]\n"
           "%s/audit/phan.md:2:27: formatter 'ngay' needs a date, 'kh.ten' "
           "is text [invalid kh.ten -6]\n"
           "narrative 'thieu':1:4 via test.md:6:1: missing indicator "
           "'tthc.khong_co' [missing tthc.khong_co -6]\n"
           "test.md:7:1: empty narrative 'trong' [empty trong 0]\n"
           "test.md:8:1: missing narrative 'khong' [no-narrative khong -6]\n"
           "test.md:9:3: missing indicator 'tthc.thieu' [missing tthc.thieu "
           "-6]\n",
           root_dir(), root_dir());
  ck_assert_str_eq(audit_items(&r), expected);
  ck_assert_int_eq(r.items[0].code, BC_EDATA);
  ck_assert_ptr_null(r.items[0].via_file);
  /* what could be printed is, the problems print nothing */
  ck_assert_str_eq(bc_expansion_meta(&r.expansion, "trich_yeu"),
                   "quý III năm 2023 ");
  ck_assert_str_eq(r.expansion.markdown,
                   "A  B 60\nPhần\n và .\nCó  hồ sơ\n\n  \n\t\n\n\nC  D\n");
  ck_assert_int_eq(err.code, 0);
  fixture_free(&f);
}
END_TEST

/* What the template says to print instead is not a problem; with no
 * problem the audit expands exactly as bc_template_expand does. */
START_TEST(test_template_expand__audit_excused) {
  static const char src[] =
      "{{#if tthc.thieu}}{{tthc.thieu}}{{else}}—{{/if}} "
      "{{#unless tthc.thieu}}x{{else}}{{tthc.thieu | so}}{{/unless}} "
      "{{tthc.thieu | mac_dinh \"chưa có\"}} {{tthc.khong | so | "
      "mac_dinh \"—\"}} {{bao_cao.so | mac_dinh \"\"}}\n"
      "{{#if narrative.trong}}{{{narrative.trong}}}{{/if}}"
      "{{#if narrative.khong}}{{{narrative.khong}}}{{/if}}"
      "{{#each noi_nhan}}{{#if @last}}{{noi_dung}}{{/if}}{{/each}}\n"
      "{{{narrative.chi_dao}}}";
  fixture f;
  bc_audit_report r;
  bc_expansion e;
  bc_error err;
  fixture_init(&f);
  ck_assert_int_eq(audit_run(&f, src, &r, &err), 0);
  ck_assert_uint_eq(r.count, 0);
  ck_assert_int_eq(run(&f, src, &e, &err), 0);
  ck_assert_str_eq(r.expansion.markdown, e.markdown);
  ck_assert_uint_eq(r.expansion.markdown_len, e.markdown_len);
  fixture_free(&f);
}
END_TEST

/* Lists, kinds and loops: a problem met at one place on every pass of a
 * loop is recorded once; values of #each items are named by their
 * indicator. */
START_TEST(test_template_expand__audit_values) {
  /* tong: the first item without a number, as the render stops at it; with
   * mac_dinh, nothing */
  CHECK_AUDIT("{{noi_nhan | tong stt}}|{{noi_nhan | tong khong_co}}|"
              "{{noi_nhan | tong khong_co | mac_dinh \"-\"}}",
              "test.md:1:38: missing value 'khong_co' of item 1 of 'noi_nhan': "
              "'tong' adds up only when every item has a number [missing "
              "khong_co -6]\n");
  CHECK_AUDIT("{{#each noi_nhan}}{{khong_co}} {{noi_dung | so}};{{/each}}",
              "test.md:1:19: missing indicator 'khong_co' [missing khong_co "
              "-6]\n"
              "test.md:1:45: formatter 'so' needs a number, 'noi_dung' is "
              "text [invalid noi_dung -6]\n");
  /* chi_so: by section, then position */
  CHECK_AUDIT("{{#each chi_so}}{{gia_tri | dem}}{{/each}}",
              "test.md:1:29: formatter 'dem' needs a number, 'gia_tri' of "
              "indicator 'kh.ngay' is a date [invalid kh.ngay -6]\n"
              "test.md:1:29: formatter 'dem' needs a number, 'gia_tri' of "
              "indicator 'kh.ten' is text [invalid kh.ten -6]\n"
              "test.md:1:29: formatter 'dem' needs a count (a whole number, 0 or more), 'gia_tri' "
              "of indicator 'tthc.ty_le' is 30,73 [invalid tthc.ty_le -6]\n"
              "test.md:1:17: missing value 'gia_tri' of indicator "
              "'tthc.thieu' [missing tthc.thieu -6]\n"
              "test.md:1:29: formatter 'dem' needs a number, 'gia_tri' of "
              "indicator 'x.empty' is text [invalid x.empty -6]\n"
              "test.md:1:17: 'gia_tri' of indicator 'x.nan' is not a finite "
              "number [invalid x.nan -6]\n"
              "test.md:1:29: formatter 'dem' needs a count (a whole number, 0 or more), 'gia_tri' "
              "of indicator 'x.ratio' is 39,18 [invalid x.ratio -6]\n"
              "test.md:1:29: formatter 'dem' needs a number, 'gia_tri' of "
              "indicator 'x.markup' is text [invalid x.markup -6]\n"
              "test.md:1:29: formatter 'dem' needs a number, 'gia_tri' of "
              "indicator 'x.thang' is a date [invalid x.thang -6]\n");
  CHECK_AUDIT(
      "{{noi_nhan}} {{#each tthc.so_hoa}}x{{/each}} "
      "{{#each khong}}{{ten}}{{/each}} {{@index}} {{tthc.so_hoa | ngay}}",
      "test.md:1:1: 'noi_nhan' is a list; print its items with "
      "{{#each noi_nhan}} [invalid noi_nhan -6]\n"
      "test.md:1:14: {{#each}} needs a list, 'tthc.so_hoa' is a number "
      "[invalid tthc.so_hoa -6]\n"
      "test.md:1:46: missing indicator 'khong' [missing khong -6]\n"
      "test.md:1:78: '@index' is only set inside {{#each}} [missing "
      "@index -6]\n"
      "test.md:1:105: formatter 'ngay' needs a date, 'tthc.so_hoa' is "
      "a number [invalid tthc.so_hoa -6]\n");
}
END_TEST

/* A narrative that does not parse is recorded with the error the render
 * stops with, and the rest is still audited. */
START_TEST(test_template_expand__audit_broken_narratives) {
  fixture f;
  bc_audit_report r;
  bc_error err;
  fixture_init(&f);
  f.narratives[0].markdown = "ab\n\xFF"; /* chi_dao */
  ck_assert_int_eq(audit_run(&f,
                             "{{{narrative.loi_cu_phap}}}\n"
                             "x {{{narrative.khoi}}}\n"
                             "{{{narrative.chi_dao}}}\n"
                             "{{{narrative.thieu}}}\n"
                             "{{tthc.khong}}\n",
                             &r, &err),
                   0);
  ck_assert_str_eq(audit_items(&r),
                   "narrative 'loi_cu_phap':2:20 via test.md:1:1: unknown "
                   "formatter 'so3' [broken loi_cu_phap -5]\n"
                   "narrative 'khoi':1:4 via test.md:2:3: only value "
                   "placeholders are allowed in a narrative [broken khoi -5]\n"
                   "narrative 'chi_dao':2:1 via test.md:3:1: text is not valid "
                   "UTF-8 (save it as UTF-8) [broken chi_dao -6]\n"
                   "narrative 'thieu':1:4 via test.md:4:1: missing indicator "
                   "'tthc.khong_co' [missing tthc.khong_co -6]\n"
                   "test.md:5:1: missing indicator 'tthc.khong' [missing "
                   "tthc.khong -6]\n");
  fixture_free(&f);
}
END_TEST

/* The output limit stops an audit as it stops an expansion. */
START_TEST(test_template_expand__audit_output_limit) {
  fixture f;
  bc_template *t = NULL;
  bc_audit_report r;
  bc_error err;
  const char *src = "{{khong}}\n{{#each chi_so}}\n{{ma}}\n{{/each}}\n";
  fixture_init(&f);
  bc_error_clear(&err);
  ck_assert_int_eq(bc_template_compile_string(&t, src, strlen(src), "big.md",
                                              NULL, NULL, &err),
                   0);
  ck_assert_int_eq(bc_template__audit_limited(&r, t, &f.m, 40, &f.out, &err),
                   BC_EDATA);
  ck_assert_str_eq(errstr(&err), "big.md:3:1: expanded report is larger "
                                 "than 40 bytes" CTX);
  bc_template_free(t);
  fixture_free(&f);
}
END_TEST

/* Every allocation failure in compile and audit (recording included) is
 * BC_ENOMEM with nothing leaked. */
static int audit_op(const bc_allocator *alloc, bc_error *err, void *ud) {
  static const char src[] =
      "---\ntrich_yeu: {{ky.ten | hoa_dau}} {{tieu_de.khong}}\n---\n"
      "{{#each noi_nhan}}\n"
      "- {{noi_dung}} {{khong_co}} {{noi_dung | so}}\n"
      "{{/each}}\n"
      "{{> oom/phan}}\n"
      "{{{narrative.chi_dao}}}\n{{{narrative.thieu}}}\n"
      "{{{narrative.trong}}}\n{{{narrative.khong}}}\n"
      "{{{narrative.loi_cu_phap}}}\n"
      "{{tthc.thieu}} {{tc.du_toan | so}} {{x.markup | hoa}}\n";
  fixture *f = ud;
  bc_template *t = NULL;
  bc_arena arena;
  bc_audit_report r;
  int rc;
  bc_arena_init(&arena, alloc);
  rc = bc_template_compile_string(&t, src, strlen(src), "oom.md", root_dir(),
                                  alloc, err);
  if (!rc)
    rc = bc_template_audit(&r, t, &f->m, &arena, err);
  if (!rc) {
    ck_assert_uint_eq(r.count, 8);
    ck_assert_str_eq(r.items[7].message, "missing indicator 'tthc.thieu'");
  }
  bc_template_free(t);
  bc_arena_release(&arena);
  return rc;
}

START_TEST(test_template_expand__audit_alloc_failures) {
  fixture f;
  write_file("oom/phan.md", "Phần {{ky.quy | la_ma}} {{kh.ngay | ngay_dai}}\n");
  fixture_init(&f);
  ck_assert_int_gt(tu_every_allocation_failure(1, audit_op, &f), 10);
  ck_assert_int_gt(tu_every_allocation_failure(0, audit_op, &f), 10);
  fixture_free(&f);
}
END_TEST

/* ---- format.c ------------------------------------------------------ */

static char fmtbuf[1024];

static const char *fmt_number(double v, int decimals, bool group) {
  bc_buf b;
  bc_buf_init(&b, bc_allocator_default());
  bc_format_number(&b, v, decimals, group);
  ck_assert_int_eq(b.failed, 0);
  snprintf(fmtbuf, sizeof fmtbuf, "%s", bc_buf_cstr(&b));
  bc_buf_free(&b);
  return fmtbuf;
}

static const char *fmt_count(double v) {
  bc_buf b;
  bc_buf_init(&b, bc_allocator_default());
  bc_format_count(&b, v);
  snprintf(fmtbuf, sizeof fmtbuf, "%s", bc_buf_cstr(&b));
  bc_buf_free(&b);
  return fmtbuf;
}

static const char *fmt_percent(double v, int decimals) {
  bc_buf b;
  bc_buf_init(&b, bc_allocator_default());
  bc_format_percent(&b, v, decimals);
  snprintf(fmtbuf, sizeof fmtbuf, "%s", bc_buf_cstr(&b));
  bc_buf_free(&b);
  return fmtbuf;
}

static const char *fmt_date_long(int y, int m, int d) {
  bc_buf b;
  bc_buf_init(&b, bc_allocator_default());
  bc_format_date_long(&b, date(y, m, d).date, true);
  snprintf(fmtbuf, sizeof fmtbuf, "%s", bc_buf_cstr(&b));
  bc_buf_free(&b);
  return fmtbuf;
}

/* Dates as reports write them (issue 19): a year alone, day and month
 * without a year, dotted dates by a pattern, partial dates printing what
 * is known. */
START_TEST(test_template_format__dates_and_years) {
  CHECK_EDGES("{{x.nam}}|{{x.nam | ngay}}|{{x.nam | ngay_dai}}|{{x.nam | nam}}",
              "2011|2011|năm 2011|2011");
  CHECK_EDGES("{{x.thang}}|{{x.thang | ngay_dai}}|{{x.thang | nam}}|"
              "{{x.thang | dinh_dang \"M/yyyy\"}}",
              "9\\/2023|tháng 9 năm 2023|2023|9\\/2023");
  CHECK_EDGES("ngày {{kh.ngay | ngay_thang}}; {{ky.tu_ngay | ngay_thang}}",
              "ngày 26\\/7; 01\\/7");
  CHECK_EDGES("{{kh.ngay | dinh_dang \"d.M.yyyy\"}}|"
              "{{ky.tu_ngay | dinh_dang \"d.M\"}}-{{ky.den_ngay | "
              "dinh_dang \"d.M.yyyy\"}}|{{kh.ngay | dinh_dang "
              "\"dd/MM/yyyy\"}}|{{kh.ngay | dinh_dang \"yyyy-MM-dd\"}}",
              "26\\.7\\.2023|1\\.7-30\\.9\\.2023|26\\/07\\/2023|"
              "2023\\-07\\-26");
  CHECK_EDGES("{{ky.nam}} {{ky.tu_ngay | nam}}", "2023 2023");
  CHECK_EDGE_FAILS("{{x.nam | ngay_thang}}", BC_EDATA,
                   "test.md:1:11: formatter 'ngay_thang' needs the day of the "
                   "date, 'x.nam' is 2011" CTX);
  CHECK_EDGE_FAILS("{{x.thang | dinh_dang \"d.M.yyyy\"}}", BC_EDATA,
                   "test.md:1:13: formatter 'dinh_dang' needs the day of the "
                   "date, 'x.thang' is 9/2023" CTX);
  CHECK_EDGE_FAILS("{{kh.ngay | dinh_dang \"ngày d\"}}", BC_ESYNTAX,
                   "test.md:1:13: formatter 'dinh_dang': 'n' in \"ngày d\" "
                   "is not d, dd, M, MM or yyyy; letters other than those "
                   "cannot be in a pattern");
  CHECK_EDGE_FAILS("{{kh.ngay | dinh_dang \"d.M.yy\"}}", BC_ESYNTAX,
                   "test.md:1:13: formatter 'dinh_dang': 'y' in \"d.M.yy\" "
                   "is not d, dd, M, MM or yyyy; letters other than those "
                   "cannot be in a pattern");
  CHECK_EDGE_FAILS("{{tthc.so_hoa | nam}}", BC_EDATA,
                   "test.md:1:17: formatter 'nam' needs a date, "
                   "'tthc.so_hoa' is a number" CTX);
}
END_TEST

/* Values at the edges (issue 19): a negative count, a denominator so
 * near 0 that the rate is infinite, sums too large to print. */
START_TEST(test_template_format__values_at_the_edges) {
  CHECK_EDGE_FAILS("{{x.am | dem}}", BC_EDATA,
                   "test.md:1:10: formatter 'dem' needs a count (a whole "
                   "number, 0 or more), 'x.am' is -5" CTX);
  CHECK_EDGES("{{x.am}} {{x.am | so}}", "\\-5 \\-5");
  CHECK_EDGE_FAILS("{{tthc.so_hoa | ti_le x.nho | phantram 2}}", BC_EDATA,
                   "test.md:1:17: formatter 'ti_le' divides by 'x.nho', "
                   "which is 9.99989e-321: the percentage is not a finite "
                   "number" CTX);
  CHECK_EDGE_FAILS("{{tthc.so_hoa | ti_le x.zero}}", BC_EDATA,
                   "test.md:1:17: formatter 'ti_le' divides by 'x.zero', "
                   "which is 0" CTX);
  CHECK_EDGE_FAILS("{{x.lon | cong x.lon}}", BC_EDATA,
                   "test.md:1:11: formatter 'cong' on 'x.lon' gives a number "
                   "too large to print" CTX);
  CHECK_EDGE_FAILS("{{tthc.so_hoa | so_voi x.nho \"x\"}}", BC_EDATA,
                   "test.md:1:17: formatter 'so_voi' divides by 'x.nho', "
                   "which is 9.99989e-321: the percentage is not a finite "
                   "number" CTX);
  CHECK_EDGE_FAILS("{{x.lon | hieu x.am | cong x.lon}}", BC_EDATA,
                   "test.md:1:23: formatter 'cong' on 'x.lon' gives a number "
                   "too large to print" CTX);
}
END_TEST

START_TEST(test_template_format__default_numbers) {
  ck_assert_str_eq(fmt_number(37126, -1, false), "37126");
  ck_assert_str_eq(fmt_number(44.778, -1, false), "44,778");
  ck_assert_str_eq(fmt_number(30.73, -1, false), "30,73");
  ck_assert_str_eq(fmt_number(0.4, -1, false), "0,4");
  ck_assert_str_eq(fmt_number(0, -1, false), "0");
  ck_assert_str_eq(fmt_number(-0.0, -1, false), "0");
  ck_assert_str_eq(fmt_number(0.1 + 0.2, -1, false), "0,3");
  ck_assert_str_eq(fmt_number(1234567.891, -1, false), "1234567,891");
  ck_assert_str_eq(fmt_number(-12.5, -1, false), "-12,5");
  ck_assert_str_eq(fmt_number(0.0000004, -1, false), "0");
  ck_assert_str_eq(fmt_number(0.0000005, -1, false), "0,000001");
  ck_assert_str_eq(fmt_number(-0.0000004, -1, false), "0");
  ck_assert_str_eq(fmt_number(1e-320, -1, false), "0");
  ck_assert_str_eq(fmt_number(9007199254740991.0, -1, false),
                   "9007199254740991");
}
END_TEST

START_TEST(test_template_format__so) {
  ck_assert_str_eq(fmt_number(2132000000, -1, true), "2.132.000.000");
  ck_assert_str_eq(fmt_number(1304669823, -1, true), "1.304.669.823");
  ck_assert_str_eq(fmt_number(3.514, -1, true), "3,514");
  ck_assert_str_eq(fmt_number(3514, -1, true), "3.514");
  ck_assert_str_eq(fmt_number(44.778, -1, true), "44,778");
  ck_assert_str_eq(fmt_number(999, -1, true), "999");
  ck_assert_str_eq(fmt_number(100000, -1, true), "100.000");
  ck_assert_str_eq(fmt_number(-1234567.891, 1, true), "-1.234.567,9");
  ck_assert_str_eq(fmt_number(1e21, -1, true), "1.000.000.000.000.000.000.000");
  ck_assert_str_eq(fmt_number(91.08, 2, true), "91,08");
  ck_assert_str_eq(fmt_number(30, 2, true), "30,00");
  ck_assert_str_eq(fmt_number(0.05, 3, true), "0,050");
}
END_TEST

START_TEST(test_template_format__rounding) {
  /* half away from zero, on the decimal the value was written as */
  ck_assert_str_eq(fmt_number(1.005, 2, true), "1,01");
  ck_assert_str_eq(fmt_number(2.675, 2, true), "2,68");
  ck_assert_str_eq(fmt_number(1.045, 2, true), "1,05");
  ck_assert_str_eq(fmt_number(-1.005, 2, true), "-1,01");
  ck_assert_str_eq(fmt_number(0.125, 2, true), "0,13");
  ck_assert_str_eq(fmt_number(0.5, 0, true), "1");
  ck_assert_str_eq(fmt_number(1.5, 0, true), "2");
  ck_assert_str_eq(fmt_number(2.5, 0, true), "3");
  ck_assert_str_eq(fmt_number(-2.5, 0, true), "-3");
  ck_assert_str_eq(fmt_number(0.4, 0, true), "0");
  ck_assert_str_eq(fmt_number(-0.001, 2, true), "0,00");
  ck_assert_str_eq(fmt_number(9.995, 2, true), "10,00");
  ck_assert_str_eq(fmt_number(999999.5, 0, true), "1.000.000");
  ck_assert_str_eq(fmt_number(99.99999, -1, true), "99,99999");
  ck_assert_str_eq(fmt_number(99.9999996, -1, true), "100");
  ck_assert_str_eq(fmt_number(39.18, 1, true), "39,2");
  ck_assert_str_eq(fmt_number(0.045, 1, true), "0,0");
  ck_assert_str_eq(fmt_number(0.05, 1, true), "0,1");
}
END_TEST

START_TEST(test_template_format__dem) {
  ck_assert_str_eq(fmt_count(4), "04");
  ck_assert_str_eq(fmt_count(1), "01");
  ck_assert_str_eq(fmt_count(9), "09");
  ck_assert_str_eq(fmt_count(0), "0");
  ck_assert_str_eq(fmt_count(10), "10");
  ck_assert_str_eq(fmt_count(28), "28");
  ck_assert_str_eq(fmt_count(1858), "1.858");
  ck_assert_str_eq(fmt_count(-3), "-03");
  ck_assert_str_eq(fmt_count(3.0000000000000004), "03");
}
END_TEST

START_TEST(test_template_format__phantram) {
  ck_assert_str_eq(fmt_percent(30.73, -1), "30,73%");
  ck_assert_str_eq(fmt_percent(100, -1), "100%");
  ck_assert_str_eq(fmt_percent(39.18, 1), "39,2%");
  ck_assert_str_eq(fmt_percent(56.888, 0), "57%");
}
END_TEST

START_TEST(test_template_format__dates) {
  ck_assert_str_eq(fmt_date_long(2023, 7, 26), "ngày 26 tháng 7 năm 2023");
  ck_assert_str_eq(fmt_date_long(2024, 1, 5), "ngày 05 tháng 01 năm 2024");
  ck_assert_str_eq(fmt_date_long(2022, 2, 27), "ngày 27 tháng 02 năm 2022");
  ck_assert_str_eq(fmt_date_long(2023, 12, 1), "ngày 01 tháng 12 năm 2023");
  ck_assert_str_eq(fmt_date_long(2023, 9, 0), "ngày    tháng 9 năm 2023");
  ck_assert_str_eq(fmt_date_long(2023, 0, 0), "ngày    tháng    năm 2023");
  CHECK_EXPANDS("{{kh.ngay | ngay}}", "26\\/7\\/2023");
}
END_TEST

START_TEST(test_template_format__dates_in_templates) {
  fixture f;
  bc_expansion e;
  bc_error err;
  fixture_init(&f);
  f.values[0].value = date(2023, 4, 7); /* sorted: kh.ngay is first */
  ck_assert_str_eq(f.values[0].code, "kh.ngay");
  ck_assert_int_eq(run(&f,
                       "---\nloai: {{kh.ngay | ngay}}\n---\n"
                       "{{kh.ngay}} {{kh.ngay | ngay_dai}}",
                       &e, &err),
                   0);
  ck_assert_str_eq(bc_expansion_meta(&e, "loai"), "07/4/2023");
  ck_assert_str_eq(e.markdown, "07\\/4\\/2023 ngày 07 tháng 4 năm 2023");
  f.values[0].value = date(2022, 1, 27);
  ck_assert_int_eq(run(&f, "{{kh.ngay | ngay}}", &e, &err), 0);
  ck_assert_str_eq(e.markdown, "27\\/01\\/2022");
  fixture_free(&f);
}
END_TEST

/* ---- comparisons, totals, groups ------------------------------------ */

START_TEST(test_template_compare__formatters) {
  /* 60 against 48 a year before: +25 %; against 60 the quarter before. */
  CHECK_COMPARES("{{tthc.so_hoa | so_voi cung_ky.tthc.so_hoa \"cùng kỳ\"}}",
                 "tăng 25\\,0\\% so với cùng kỳ");
  CHECK_COMPARES("{{tthc.so_hoa | so_voi ky_truoc.tthc.so_hoa \"quý trước\"}}",
                 "bằng quý trước");
  CHECK_COMPARES("{{tthc.dvc | so_voi ky_truoc.tthc.dvc \"quý trước\" 2}}",
                 "giảm 2\\,21\\% so với quý trước");
  CHECK_COMPARES("{{tthc.dvc | chenh_lech ky_truoc.tthc.dvc \"hồ sơ\"}}",
                 "giảm 42 hồ sơ");
  CHECK_COMPARES("{{tthc.so_hoa | chenh_lech cung_ky.tthc.so_hoa}}", "tăng 12");
  CHECK_COMPARES("{{tthc.so_hoa | chenh_lech ky_truoc.tthc.so_hoa \"hồ sơ\"}}",
                 "không thay đổi");
  /* a change too small for the decimals asked for */
  CHECK_COMPARES("{{tc.du_toan | so_voi tc.du_toan \"x\"}}|"
                 "{{tthc.dvc | so_voi tthc.dvc \"x\"}}",
                 "bằng x|bằng x");
  CHECK_COMPARES("{{x.ratio | hieu tthc.ty_le | so 2}}", "8\\,45");
  CHECK_COMPARES("{{tthc.so_hoa | ti_le tthc.dvc | phantram 2}}", "3\\,23\\%");
  CHECK_COMPARES("{{tthc.so_hoa | ti_le tthc.dvc | so_voi tthc.ty_le \"y\"}}",
                 "giảm 89\\,5\\% so với y");
  /* the period vocabulary of the other periods */
  CHECK_COMPARES("{{cung_ky.ky.ten}}, {{ky_truoc.ky.ten}}, {{ky.ke_tiep}}",
                 "quý III năm 2023, quý II năm 2023, quý IV năm 2023");
}
END_TEST

START_TEST(test_template_compare__errors) {
  CHECK_COMPARE_FAILS("{{tthc.dvc | so_voi cung_ky.tthc.dvc \"cùng kỳ\"}}",
                      BC_EDATA,
                      "test.md:1:14: missing indicator 'cung_ky.tthc.dvc' "
                      "(period 2022-Q3)" CTX);
  CHECK_COMPARES("{{tthc.dvc | so_voi cung_ky.tthc.dvc \"cùng kỳ\" | mac_dinh "
                 "\"chưa có số liệu cùng kỳ\"}}",
                 "chưa có số liệu cùng kỳ");
  CHECK_COMPARE_FAILS("{{tthc.so_hoa | so_voi x.zero \"z\"}}", BC_EDATA,
                      "test.md:1:17: formatter 'so_voi' cannot give a "
                      "percentage of 0 ('x.zero' is 0); use chenh_lech" CTX);
  CHECK_COMPARE_FAILS("{{tthc.so_hoa | ti_le x.zero}}", BC_EDATA,
                      "test.md:1:17: formatter 'ti_le' divides by 'x.zero', "
                      "which is 0" CTX);
  CHECK_COMPARE_FAILS("{{tthc.so_hoa | ti_le kh.ten}}", BC_EDATA,
                      "test.md:1:17: formatter 'ti_le' compares with "
                      "'kh.ten', which is not a number" CTX);
  CHECK_COMPARE_FAILS("{{kh.ten | ti_le tthc.dvc}}", BC_EDATA,
                      "test.md:1:12: formatter 'ti_le' needs a number, "
                      "'kh.ten' is text" CTX);
  CHECK_COMPARE_FAILS("{{a | so_voi b}}", BC_ESYNTAX,
                      "test.md:1:7: formatter 'so_voi' takes a name, a text "
                      "in double quotes and an optional number of decimals "
                      "from 0 to 6");
  CHECK_COMPARE_FAILS("{{a | ti_le}}", BC_ESYNTAX,
                      "test.md:1:7: formatter 'ti_le' takes one name");
  CHECK_COMPARE_FAILS("{{a | ti_le narrative.x}}", BC_ESYNTAX,
                      "test.md:1:7: formatter 'ti_le' takes one name");
  CHECK_COMPARE_FAILS("{{a | giam_dan b}}", BC_ESYNTAX,
                      "test.md:1:7: formatter 'giam_dan' orders the items of "
                      "{{#each}}; it cannot print a value");
  CHECK_COMPARE_FAILS("{{#each don_vi | so}}{{/each}}", BC_ESYNTAX,
                      "test.md:1:18: {{#each}} takes only giam_dan or "
                      "tang_dan, not 'so'");
  CHECK_COMPARE_FAILS("{{#if don_vi | giam_dan x}}{{/if}}", BC_ESYNTAX,
                      "test.md:1:14: {{#if}} takes only a name");
  /* no ky_truoc period in the database */
  {
    fixture f;
    bc_expansion e;
    bc_error err;
    compare_init(&f);
    f.m.previous_period = NULL;
    ck_assert_int_eq(run(&f, "{{ky_truoc.tthc.dvc}}", &e, &err), BC_EDATA);
    ck_assert_str_eq(errstr(&err),
                     "test.md:1:1: missing value 'ky_truoc.tthc.dvc': the "
                     "database has no period of the same kind before "
                     "2023-Q3" CTX);
    fixture_free(&f);
  }
}
END_TEST

START_TEST(test_template_compare__members) {
  CHECK_COMPARES("{{so_don_vi}}: {{tong.tthc.so_hoa}} {{tong.tthc.dvc | so}} "
                 "{{trung_binh.cq.diem | so 2}}",
                 "3: 60 450 85\\,00");
  CHECK_COMPARES("{{#each don_vi}}{{stt}}. {{ten}} ({{ma}}): {{tthc.so_hoa}}, "
                 "{{tthc.so_hoa | ti_le tong.tthc.so_hoa | phantram 1}};"
                 "{{/each}}",
                 "1. Sở A (A): 10, 16\\,7\\%;2. Sở B (B): 20, "
                 "33\\,3\\%;3. Sở C (C): 30, 50\\,0\\%;");
  /* ranking: largest first, ties in list order, @stt the rank */
  CHECK_COMPARES("{{#each don_vi | giam_dan cq.diem}}{{@stt}}:{{ma}} "
                 "{{/each}}|{{#each don_vi | tang_dan tthc.dvc}}{{ma}}"
                 "{{/each}}",
                 "1:B 2:A 3:C |CAB");
  /* a member's missing value stays missing: never the report's own */
  CHECK_COMPARE_FAILS("{{#each don_vi}}{{tthc.ty_le}}{{/each}}", BC_EDATA,
                      "test.md:1:17: missing indicator 'tthc.ty_le' of agency "
                      "'A'" CTX);
  /* the agency's own fields from the member, the report's from the report */
  CHECK_COMPARES("{{#each don_vi}}{{co_quan.ma}}:{{ky.ma}}:{{nguoi_ky.ho_ten}} "
                 "{{/each}}",
                 "A:2023\\-Q3:Bùi Thông Nhứt B:2023\\-Q3:Bùi Thông Nhứt "
                 "C:2023\\-Q3:Bùi Thông Nhứt ");
  CHECK_COMPARE_FAILS("{{tong.tthc.ty_le}}", BC_EDATA,
                      "test.md:1:1: missing value 'tong.tthc.ty_le': agency "
                      "'A' has no number for it" CTX);
  CHECK_COMPARE_FAILS("{{#each don_vi | giam_dan tthc.ty_le}}{{/each}}",
                      BC_EDATA,
                      "test.md:1:18: missing indicator 'tthc.ty_le' of "
                      "agency 'A'" CTX);
}
END_TEST

START_TEST(test_template_compare__groups) {
  /* sections by position (tthc 1, kh 2, then unnamed ones by code), items
   * numbered within their section, with cung_ky and ky_truoc */
  CHECK_COMPARES("{{#each nhom_chi_so}}{{stt | la_ma}} {{ten}}:"
                 "{{#each chi_so}} {{stt}}.{{ma}}{{#if cung_ky}}({{cung_ky}}/"
                 "{{ky_truoc}}){{/if}}{{/each}}\n{{/each}}",
                 "I Thủ tục hành chính: 1.tthc\\.so\\_hoa(48/60) 2.tthc\\.dvc "
                 "3.tthc\\.ty\\_le 4.tthc\\.thieu\n"
                 "II Kế hoạch: 1.kh\\.ngay 2.kh\\.ten\n"
                 "III tc: 1.tc\\.du\\_toan\n"
                 "IV x: 1.x\\.zero 2.x\\.empty 3.x\\.nan 4.x\\.ratio "
                 "5.x\\.markup 6.x\\.phong 7.x\\.thang\n");
}
END_TEST

Suite *template_suite(void) {
  Suite *s = suite_create("template");
  TCase *parse = tcase_create("parse");
  TCase *expand = tcase_create("expand");
  TCase *format = tcase_create("format");

  tcase_add_test(parse, test_template_parse__plain_text);
  tcase_add_test(parse, test_template_parse__spaces_optional);
  tcase_add_test(parse, test_template_parse__standalone_lines);
  tcase_add_test(parse, test_template_parse__comment);
  tcase_add_test(parse, test_template_parse__unclosed_if);
  tcase_add_test(parse, test_template_parse__close_errors);
  tcase_add_test(parse, test_template_parse__open_errors);
  tcase_add_test(parse, test_template_parse__nesting_limit);
  tcase_add_test(parse, test_template_parse__unknown_formatter_column);
  tcase_add_test(parse, test_template_parse__formatter_arguments);
  tcase_add_test(parse, test_template_parse__names);
  tcase_add_test(parse, test_template_parse__unclosed_tag);
  tcase_add_test(parse, test_template_parse__triple_braces);
  tcase_add_test(parse, test_template_parse__front_matter);
  tcase_add_test(parse, test_template_parse__front_matter_errors);
  tcase_add_test(parse, test_template_parse__encoding);
  tcase_add_test(parse, test_template_parse__partials);
  tcase_add_test(parse, test_template_parse__partial_without_root);
  tcase_add_test(parse, test_template_parse__appendices);
  tcase_add_test(parse, test_template_parse__partial_cycles);
  tcase_add_test(parse, test_template_parse__include_depth);
  tcase_add_test(parse, test_template_parse__compile_file);

  tcase_add_test(expand, test_template_expand__model_names);
  tcase_add_test(expand, test_template_expand__sums_over_lists);
  tcase_add_test(expand, test_template_expand__default_printing);
  tcase_add_test(expand, test_template_expand__escaping);
  tcase_add_test(expand, test_template_expand__missing_values);
  tcase_add_test(expand, test_template_expand__mac_dinh);
  tcase_add_test(expand, test_template_expand__formatter_errors);
  tcase_add_test(expand, test_template_expand__case);
  tcase_add_test(expand, test_template_expand__conditions);
  tcase_add_test(expand, test_template_expand__each);
  tcase_add_test(expand, test_template_expand__each_table);
  tcase_add_test(expand, test_template_expand__narratives);
  tcase_add_test(expand, test_template_expand__narrative_restrictions);
  tcase_add_test(expand, test_template_expand__output_limit);
  tcase_add_test(expand, test_template_expand__alloc_failures);
  tcase_add_test(expand, test_template_expand__audit_every_problem);
  tcase_add_test(expand, test_template_expand__audit_excused);
  tcase_add_test(expand, test_template_expand__audit_values);
  tcase_add_test(expand, test_template_expand__audit_broken_narratives);
  tcase_add_test(expand, test_template_expand__audit_output_limit);
  tcase_add_test(expand, test_template_expand__audit_alloc_failures);
  tcase_set_timeout(expand, 120);

  tcase_add_test(format, test_template_format__default_numbers);
  tcase_add_test(format, test_template_format__dates_and_years);
  tcase_add_test(format, test_template_format__values_at_the_edges);
  tcase_add_test(format, test_template_compare__formatters);
  tcase_add_test(format, test_template_compare__errors);
  tcase_add_test(format, test_template_compare__members);
  tcase_add_test(format, test_template_compare__groups);
  tcase_add_test(format, test_template_format__so);
  tcase_add_test(format, test_template_format__rounding);
  tcase_add_test(format, test_template_format__dem);
  tcase_add_test(format, test_template_format__phantram);
  tcase_add_test(format, test_template_format__dates);
  tcase_add_test(format, test_template_format__dates_in_templates);

  suite_add_tcase(s, parse);
  suite_add_tcase(s, expand);
  suite_add_tcase(s, format);
  return s;
}
