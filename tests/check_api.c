/* tests/check_api.c: the public API's conventions: every int entry point
 * refuses NULLs and a wrong options version with BC_EINVAL and a message
 * naming itself and the argument (a table of calls), and the options'
 * _init functions. */
#include "baocao/baocao.h"
#include "testutil.h"

#include <check.h>
#include <stddef.h>
#include <string.h>

/* The rows below spell a good options struct and then override the one
 * field they get wrong (.version = 2 after .version = ...): C11 says the
 * last one counts, which is what the rows mean. */
#pragma GCC diagnostic ignored "-Woverride-init"

/* Never dereferenced: the checks refuse the call before the context is
 * used; a missing check crashes here, which fails the test. */
static max_align_t fake_context_storage;
#define CTX ((bc_context *)&fake_context_storage)

#define CONTEXT_OPTS(...)                                                      \
  (&(bc_context_options){.version = BC_CONTEXT_OPTIONS_VERSION, __VA_ARGS__})
#define RENDER_OPTS(...)                                                       \
  (&(bc_render_options){.version = BC_RENDER_OPTIONS_VERSION,                \
                        .db_path = "x.db", .agency = "A", .period = "P",      \
                        __VA_ARGS__})
#define PREVIEW_OPTS(...)                                                      \
  (&(bc_preview_options){.version = BC_PREVIEW_OPTIONS_VERSION,              \
                         .db_path = "x.db", .agency = "A", .period = "P",     \
                         __VA_ARGS__})
#define CHECK_OPTS(...)                                                        \
  (&(bc_check_options){.version = BC_CHECK_OPTIONS_VERSION,                  \
                       .db_path = "x.db", .period = "P", __VA_ARGS__})
#define BULK_OPTS(...)                                                         \
  (&(bc_bulk_options){.version = BC_BULK_OPTIONS_VERSION, .db_path = "x.db", \
                      .period = "P", .out_dir = "out", .font_dir = "fonts",   \
                      .template_dir = "templates", __VA_ARGS__})
#define SIGN_OPTS(...)                                                         \
  (&(bc_sign_options){.version = BC_SIGN_OPTIONS_VERSION, .input = "in.pdf", \
                      .output = "out.pdf", .field = "ky_co_quan",            \
                      __VA_ARGS__})
#define IMPORT_PDF_OPTS(...)                                                   \
  (&(bc_import_pdf_options){.version = BC_IMPORT_PDF_OPTIONS_VERSION,        \
                            .db_path = "x.db", __VA_ARGS__})
#define BAD_TRUST (&(bc_trust_options){.version = 99})
#define BAD_DATABASE (&(bc_database_options){.version = 99})
#define BAD_IMPORT (&(bc_import_options){.version = 99})
#define BAD_VERIFY (&(bc_verify_options){.version = 99})
#define VERIFY_BAD_TRUST                                                       \
  (&(bc_verify_options){.version = BC_VERIFY_OPTIONS_VERSION,                \
                        .trust = BAD_TRUST})

/* X(id, function, (arguments; err is the bc_error *), "what the message
 * says after 'function: '"). Each row is one call that must be refused. */
#define API_CALLS(X)                                                           \
  X(context_out, bc_context_new,                                              \
    (NULL, CONTEXT_OPTS(.template_dir = "t"), err), "out is NULL")            \
  X(context_opts, bc_context_new, (&context, NULL, err), "opts is NULL")      \
  X(context_version, bc_context_new,                                          \
    (&context, CONTEXT_OPTS(.version = 99, .template_dir = "t"), err),        \
    "opts->version is not BC_CONTEXT_OPTIONS_VERSION")                        \
  X(context_template_dir, bc_context_new, (&context, CONTEXT_OPTS(0), err),   \
    "opts->template_dir is NULL: the directory of the report templates is "   \
    "required")                                                               \
  X(family_family, bc_font_family_find, (NULL, 0, NULL, NULL, err),           \
    "family is NULL")                                                         \
  X(render_ctx, bc_render, (NULL, NULL, RENDER_OPTS(0), err), "ctx is NULL")  \
  X(render_opts, bc_render, (NULL, CTX, NULL, err), "opts is NULL")           \
  X(render_version, bc_render, (NULL, CTX, RENDER_OPTS(.version = 2), err),   \
    "opts->version is not BC_RENDER_OPTIONS_VERSION")                         \
  X(render_db, bc_render, (NULL, CTX, RENDER_OPTS(.db_path = NULL), err),     \
    "opts->db_path is NULL")                                                  \
  X(render_agency, bc_render, (NULL, CTX, RENDER_OPTS(.agency = NULL), err),  \
    "opts->agency is NULL")                                                   \
  X(render_period, bc_render, (NULL, CTX, RENDER_OPTS(.period = NULL), err),  \
    "opts->period is NULL")                                                   \
  X(preview_out, bc_preview, (NULL, CTX, PREVIEW_OPTS(0), err),              \
    "out is NULL")                                                            \
  X(preview_ctx, bc_preview, (&preview, NULL, PREVIEW_OPTS(0), err),          \
    "ctx is NULL")                                                            \
  X(preview_opts, bc_preview, (&preview, CTX, NULL, err), "opts is NULL")     \
  X(preview_version, bc_preview,                                              \
    (&preview, CTX, PREVIEW_OPTS(.version = 0), err),                         \
    "opts->version is not BC_PREVIEW_OPTIONS_VERSION")                        \
  X(preview_db, bc_preview,                                                   \
    (&preview, CTX, PREVIEW_OPTS(.db_path = NULL), err),                      \
    "opts->db_path is NULL")                                                  \
  X(preview_agency, bc_preview,                                               \
    (&preview, CTX, PREVIEW_OPTS(.agency = NULL), err),                       \
    "opts->agency is NULL")                                                   \
  X(preview_period, bc_preview,                                               \
    (&preview, CTX, PREVIEW_OPTS(.period = NULL), err),                       \
    "opts->period is NULL")                                                   \
  X(check_out, bc_check, (NULL, CTX, CHECK_OPTS(0), err), "out is NULL")     \
  X(check_ctx, bc_check, (&check, NULL, CHECK_OPTS(0), err), "ctx is NULL")   \
  X(check_opts, bc_check, (&check, CTX, NULL, err), "opts is NULL")           \
  X(check_version, bc_check, (&check, CTX, CHECK_OPTS(.version = 7), err),    \
    "opts->version is not BC_CHECK_OPTIONS_VERSION")                          \
  X(check_db, bc_check, (&check, CTX, CHECK_OPTS(.db_path = NULL), err),      \
    "opts->db_path is NULL")                                                  \
  X(check_period, bc_check, (&check, CTX, CHECK_OPTS(.period = NULL), err),   \
    "opts->period is NULL")                                                   \
  X(check_agencies, bc_check,                                                 \
    (&check, CTX, CHECK_OPTS(.agency_count = 1), err),                        \
    "opts->agencies is NULL")                                                 \
  X(bulk_summary, bc_bulk_run, (NULL, BULK_OPTS(0), err),                     \
    "summary is NULL")                                                        \
  X(bulk_opts, bc_bulk_run, (&bulk, NULL, err), "opts is NULL")               \
  X(bulk_version, bc_bulk_run, (&bulk, BULK_OPTS(.version = 3), err),         \
    "opts->version is not BC_BULK_OPTIONS_VERSION")                           \
  X(bulk_db, bc_bulk_run, (&bulk, BULK_OPTS(.db_path = NULL), err),           \
    "opts->db_path is NULL")                                                  \
  X(bulk_period, bc_bulk_run, (&bulk, BULK_OPTS(.period = NULL), err),        \
    "opts->period is NULL")                                                   \
  X(bulk_out_dir, bc_bulk_run, (&bulk, BULK_OPTS(.out_dir = NULL), err),      \
    "opts->out_dir is NULL")                                                  \
  X(bulk_fonts, bc_bulk_run, (&bulk, BULK_OPTS(.font_dir = NULL), err),       \
    "opts->font_dir and opts->font_family are NULL")                          \
  X(bulk_templates, bc_bulk_run,                                              \
    (&bulk, BULK_OPTS(.template_dir = NULL), err),                            \
    "opts->template_dir is NULL")                                             \
  X(bulk_agencies, bc_bulk_run, (&bulk, BULK_OPTS(.agency_count = 2), err),   \
    "opts->agencies is NULL")                                                 \
  X(sign_ctx, bc_sign, (NULL, SIGN_OPTS(0), err), "ctx is NULL")              \
  X(sign_opts, bc_sign, (CTX, NULL, err), "opts is NULL")                     \
  X(sign_version, bc_sign, (CTX, SIGN_OPTS(.version = 99), err),              \
    "opts->version is not BC_SIGN_OPTIONS_VERSION")                           \
  X(sign_input, bc_sign, (CTX, SIGN_OPTS(.input = NULL), err),                \
    "opts->input is NULL")                                                    \
  X(sign_output, bc_sign, (CTX, SIGN_OPTS(.output = NULL), err),              \
    "opts->output is NULL")                                                   \
  X(sign_field, bc_sign, (CTX, SIGN_OPTS(.field = NULL), err),                \
    "opts->field is NULL")                                                    \
  X(verify_out, bc_verify, (NULL, "a.pdf", NULL, err), "out is NULL")         \
  X(verify_path, bc_verify, (&verify, NULL, NULL, err), "path is NULL")       \
  X(verify_version, bc_verify, (&verify, "a.pdf", BAD_VERIFY, err),           \
    "opts->version is not BC_VERIFY_OPTIONS_VERSION")                         \
  X(verify_trust, bc_verify, (&verify, "a.pdf", VERIFY_BAD_TRUST, err),       \
    "opts->trust->version is not BC_TRUST_OPTIONS_VERSION")                   \
  X(import_pdfs_out, bc_database_import_pdfs,                                 \
    (NULL, IMPORT_PDF_OPTS(0), err),                                          \
    "out is NULL")                                                            \
  X(import_pdfs_options, bc_database_import_pdfs, (&import_pdf, NULL, err),   \
    "options is NULL")                                                        \
  X(import_pdfs_version, bc_database_import_pdfs,                             \
    (&import_pdf, IMPORT_PDF_OPTS(.version = 2), err),                        \
    "options->version is not BC_IMPORT_PDF_OPTIONS_VERSION")                  \
  X(import_pdfs_db, bc_database_import_pdfs,                                  \
    (&import_pdf, IMPORT_PDF_OPTS(.db_path = NULL), err),                     \
    "options->db_path is NULL")                                               \
  X(import_pdfs_paths, bc_database_import_pdfs,                               \
    (&import_pdf, IMPORT_PDF_OPTS(.path_count = 1), err),                     \
    "options->paths is NULL")                                                 \
  X(import_pdfs_trust, bc_database_import_pdfs,                               \
    (&import_pdf, IMPORT_PDF_OPTS(.trust = BAD_TRUST), err),                  \
    "options->trust->version is not BC_TRUST_OPTIONS_VERSION")                \
  X(db_create, bc_database_create, (NULL, NULL, err), "path is NULL")         \
  X(db_options_version, bc_database_create, ("x.db", BAD_DATABASE, err),      \
    "options->version is not BC_DATABASE_OPTIONS_VERSION")                    \
  X(db_upgrade_path, bc_database_upgrade, (&from, NULL, NULL, err),           \
    "path is NULL")                                                           \
  X(db_upgrade_from, bc_database_upgrade, (NULL, "x.db", NULL, err),          \
    "from_version is NULL")                                                   \
  X(db_upgrade_version, bc_database_upgrade,                                  \
    (&from, "x.db", BAD_DATABASE, err),                                       \
    "options->version is not BC_DATABASE_OPTIONS_VERSION")                    \
  X(db_load_db, bc_database_load_sql, (NULL, "a.sql", NULL, err),             \
    "db_path is NULL")                                                        \
  X(db_load_sql, bc_database_load_sql, ("x.db", NULL, NULL, err),             \
    "sql_path is NULL")                                                       \
  X(db_load_version, bc_database_load_sql,                                    \
    ("x.db", "a.sql", BAD_DATABASE, err),                                     \
    "options->version is not BC_DATABASE_OPTIONS_VERSION")                    \
  X(db_load_fd_db, bc_database_load_sql_fd, (NULL, 0, "<stdin>", NULL, err),  \
    "db_path is NULL")                                                        \
  X(db_load_fd_fd, bc_database_load_sql_fd,                                   \
    ("x.db", -1, "<stdin>", NULL, err), "fd is negative")                     \
  X(db_load_fd_name, bc_database_load_sql_fd, ("x.db", 0, NULL, NULL, err),   \
    "name is NULL")                                                           \
  X(db_load_fd_version, bc_database_load_sql_fd,                              \
    ("x.db", 0, "<stdin>", BAD_DATABASE, err),                                \
    "options->version is not BC_DATABASE_OPTIONS_VERSION")                    \
  X(db_import_db, bc_database_import, (imported, NULL, files, 1, NULL, err),  \
    "db_path is NULL")                                                        \
  X(db_import_files, bc_database_import,                                      \
    (imported, "x.db", NULL, 1, NULL, err), "files is NULL")                  \
  X(db_import_result, bc_database_import,                                     \
    (NULL, "x.db", files, 1, NULL, err), "result is NULL")                    \
  X(db_import_version, bc_database_import,                                    \
    (imported, "x.db", files, 1, BAD_IMPORT, err),                            \
    "options->version is not BC_IMPORT_OPTIONS_VERSION")                      \
  X(db_export_db, bc_database_export, (rows, NULL, "dir", NULL, NULL, err),   \
    "db_path is NULL")                                                        \
  X(db_export_dir, bc_database_export, (rows, "x.db", NULL, NULL, NULL, err), \
    "dir is NULL")                                                            \
  X(db_export_rows, bc_database_export,                                       \
    (NULL, "x.db", "dir", NULL, NULL, err),                                   \
    "rows is NULL")                                                           \
  X(db_export_version, bc_database_export,                                    \
    (rows, "x.db", "dir", NULL, BAD_DATABASE, err),                           \
    "options->version is not BC_DATABASE_OPTIONS_VERSION")

/* What the calls write into when the check is missing (it is not). */
static bc_context *context;
static bc_check_result *check;
static bc_preview_result *preview;
static bc_bulk_summary bulk;
static bc_verify_result *verify;
static bc_import_pdf_result *import_pdf;
static bc_import_result imported[1];
static int from;
static size_t rows[BC_IMPORT_TABLES];
static const char *const files[] = {"agencies.csv"};

#define DEFINE_CALL(id, fn, args, what)                                        \
  static int call_##id(bc_error *err) { return fn args; }
API_CALLS(DEFINE_CALL)
#undef DEFINE_CALL

static const struct {
  const char *id;
  int (*call)(bc_error *err);
  const char *message;
} calls[] = {
#define ROW(id, fn, args, what) {#id, call_##id, #fn ": " what},
    API_CALLS(ROW)
#undef ROW
};

/* Each call: BC_EINVAL and exactly "function: argument ...", and the same
 * code with err NULL. */
START_TEST(test_api_einval__every_entry_point) {
  for (size_t i = 0; i < sizeof calls / sizeof calls[0]; i++) {
    bc_error err;
    bc_error_clear(&err);
    int rc = calls[i].call(&err);
    ck_assert_msg(rc == BC_EINVAL, "%s: %d, not BC_EINVAL", calls[i].id, rc);
    ck_assert_int_eq(err.code, BC_EINVAL);
    ck_assert_msg(strcmp(err.message, calls[i].message) == 0,
                  "%s: '%s', not '%s'", calls[i].id, err.message,
                  calls[i].message);
    ck_assert_msg(calls[i].call(NULL) == BC_EINVAL, "%s without err",
                  calls[i].id);
  }
  ck_assert_ptr_null(context);
  ck_assert_ptr_null(verify);
  ck_assert_ptr_null(check);
  ck_assert_ptr_null(preview);
  ck_assert_ptr_null(import_pdf);
  ck_assert_str_eq(bc_error_key(BC_EINVAL), "invalid_argument");
}
END_TEST

/* What the library reads and creates is what its headers say. */
START_TEST(test_api_schema__version) {
  ck_assert_int_eq(bc_database_schema_version(), BC_DATABASE_SCHEMA_VERSION);
  ck_assert_int_eq(bc_database_schema_version(), 4);
}
END_TEST

/* bc_x_options_init clears every byte but the version, whatever was there,
 * and BC_X_OPTIONS_INIT sets the version. */
#define CHECK_INIT(type, init, VERSION, INIT)                                  \
  do {                                                                         \
    type o, zero, m = INIT;                                                    \
    memset(&o, 0xa5, sizeof o);                                                \
    memset(&zero, 0, sizeof zero);                                             \
    zero.version = VERSION;                                                    \
    init(&o);                                                                  \
    ck_assert_mem_eq(&o, &zero, sizeof o);                                     \
    init(NULL);                                                                \
    ck_assert_uint_eq(m.version, VERSION);                                     \
  } while (0)

START_TEST(test_api_options__init) {
  CHECK_INIT(bc_context_options, bc_context_options_init,
             BC_CONTEXT_OPTIONS_VERSION, BC_CONTEXT_OPTIONS_INIT);
  CHECK_INIT(bc_render_options, bc_render_options_init,
             BC_RENDER_OPTIONS_VERSION, BC_RENDER_OPTIONS_INIT);
  CHECK_INIT(bc_preview_options, bc_preview_options_init,
             BC_PREVIEW_OPTIONS_VERSION, BC_PREVIEW_OPTIONS_INIT);
  CHECK_INIT(bc_check_options, bc_check_options_init,
             BC_CHECK_OPTIONS_VERSION, BC_CHECK_OPTIONS_INIT);
  CHECK_INIT(bc_bulk_options, bc_bulk_options_init,
             BC_BULK_OPTIONS_VERSION, BC_BULK_OPTIONS_INIT);
  CHECK_INIT(bc_sign_options, bc_sign_options_init,
             BC_SIGN_OPTIONS_VERSION, BC_SIGN_OPTIONS_INIT);
  CHECK_INIT(bc_trust_options, bc_trust_options_init,
             BC_TRUST_OPTIONS_VERSION, BC_TRUST_OPTIONS_INIT);
  CHECK_INIT(bc_import_pdf_options, bc_import_pdf_options_init,
             BC_IMPORT_PDF_OPTIONS_VERSION, BC_IMPORT_PDF_OPTIONS_INIT);
  CHECK_INIT(bc_verify_options, bc_verify_options_init,
             BC_VERIFY_OPTIONS_VERSION, BC_VERIFY_OPTIONS_INIT);
  CHECK_INIT(bc_database_options, bc_database_options_init,
             BC_DATABASE_OPTIONS_VERSION, BC_DATABASE_OPTIONS_INIT);
  CHECK_INIT(bc_import_options, bc_import_options_init,
             BC_IMPORT_OPTIONS_VERSION, BC_IMPORT_OPTIONS_INIT);
  /* The zero defaults that replaced non-zero ones. */
  bc_render_options r = BC_RENDER_OPTIONS_INIT;
  ck_assert_int_eq(r.created, 0); /* now, or SOURCE_DATE_EPOCH */
  ck_assert_int_eq(r.pdf_standard, BC_PDF_STANDARD_A3B);
  ck_assert_int_eq(r.format, BC_FORMAT_PDF);
  bc_preview_options p = BC_PREVIEW_OPTIONS_INIT;
  ck_assert_uint_eq(p.page, 0); /* the first page */
  bc_sign_options s = BC_SIGN_OPTIONS_INIT;
  ck_assert_int_eq(s.signing_time, 0); /* now */
}
END_TEST

Suite *api_suite(void) {
  Suite *s = suite_create("api");
  TCase *tc = tcase_create("conventions");
  tcase_add_test(tc, test_api_einval__every_entry_point);
  tcase_add_test(tc, test_api_options__init);
  tcase_add_test(tc, test_api_schema__version);
  suite_add_tcase(s, tc);
  return s;
}
