/* cli/help.c: the table of commands and their options: the one source of
 * --help, `baocao help`, the man pages (man.c) and the shell completions
 * (completion.c), and the options every command parses. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <string.h>

#ifndef BC_VERSION
#define BC_VERSION "0.0.0"
#endif

/* What every command shares, after the description in `baocao --help`. */
static const char main_conventions[] =
    N_("Every command takes -q (print nothing but errors) "
       "and -v (more on stderr: the paths used, timings); render and preview "
       "-o - write to standard output; --json (check, render, bulk, db, "
       "verify) prints one JSON object on stdout, an error included, with the "
       "same exit code (docs/json.md). --version prints the versions of "
       "baocao and of its libraries.");

/* ---- options shared by several commands ---- */

#define OPT_HELP                                                               \
  { "help", 'h', NULL, N_("print this help"), NULL, NULL }
#define OPT_DB                                                                 \
  { "db", 0, "FILE", N_("the baocao database (read only)"), NULL, NULL }
#define OPT_AGENCY                                                             \
  { "agency", 0, "CODE", N_("agency code, e.g. STTTT-TV"), NULL, NULL }
#define OPT_PERIOD                                                             \
  { "period", 0, "CODE", N_("period code, e.g. 2023-Q3"), NULL, NULL }
#define OPT_TEMPLATE                                                           \
  {                                                                            \
    "template", 0, "NAME",                                                     \
        N_("when the agency has several reports in the period"), NULL, NULL    \
  }
#define OPT_FONT_DIR                                                           \
  {                                                                            \
    "font-dir", 0, "DIR",                                                      \
        N_("the four Liberation Serif files (default: $BAOCAO_FONT_DIR, else " \
           "Liberation Serif 2 from the system, else fonts/ in the data "      \
           "directory)"),                                                      \
        NULL, NULL                                                             \
  }
#define OPT_FONT_FAMILY                                                        \
  {                                                                            \
    "font-family", 0, "NAME",                                                  \
        N_("this family from the system's fonts (fontconfig) instead, e.g. "   \
           "\"Times New Roman\": its four faces, by exactly that name"),        \
        NULL, NULL                                                             \
  }
#define OPT_TEMPLATE_DIR                                                       \
  {                                                                            \
    "template-dir", 0, "DIR",                                                  \
        N_("the templates (default: $BAOCAO_TEMPLATE_DIR, else templates/ in " \
           "the data directory)"),                                             \
        NULL, NULL                                                             \
  }
/* -q and -v, the same on every command (main.c: cli_verbosity). */
/* clang-format off */
#define OPT_VERBOSITY                                                          \
  {"quiet", 'q', NULL, N_("print nothing but errors"), NULL, NULL},            \
  {"verbose", 'v', NULL,                                                       \
   N_("say more on stderr: the files and directories used, timings"), NULL,    \
   NULL}
/* clang-format on */
#define OPT_JSON                                                               \
  {                                                                            \
    "json", 0, NULL,                                                           \
        N_("print the result, or the error, as one JSON object on stdout "     \
           "(docs/json.md)"),                                                  \
        NULL, NULL                                                             \
  }
#define VALUES_TONES "moi cu giu"
#define VALUES_PDF_STANDARD "a-3b none"

/* verify and db import-pdf: where trust comes from (trust.c). */
/* clang-format off */
#define OPT_TRUST                                                              \
  {"trust", 0, "FILE|DIR",                                                     \
   N_("trust anchors: CA certificates (PEM or DER; a directory of *.pem, "     \
      "*.crt, *.cer, *.der); default $BAOCAO_TRUST, else trust/ in the data "  \
      "directory"),                                                            \
   NULL, NULL},                                                                \
  {"untrusted", 0, "FILE",                                                     \
   N_("intermediate CA certificates to build chains with"), NULL, NULL},       \
  {"crl", 0, "FILE", N_("CRLs (PEM or DER) of the signers' issuers"),          \
   NULL, NULL},                                                                \
  {"ocsp", 0, NULL, N_("ask the OCSP responder each certificate names"),       \
   NULL, NULL},                                                                \
  {"ocsp-timeout", 0, "S", N_("seconds to wait for it (default 10)"),          \
   NULL, NULL}
/* clang-format on */

/* ---- render ---- */

static const cli_option render_options[] = {
    OPT_DB,
    OPT_AGENCY,
    OPT_PERIOD,
    {"output", 'o', "FILE",
     N_("the file to write (default out/AGENCY_PERIOD.pdf, .docx, .odt); "
        "written whole or not at all; -: standard output (not a terminal), "
        "the status line on stderr"),
     NULL, NULL},
    {"format", 0, "FORMAT",
     N_("pdf (default), docx or odt; without it, the extension of -o "
        "chooses"),
     "pdf docx odt", NULL},
    OPT_TEMPLATE,
    OPT_FONT_DIR,
    OPT_FONT_FAMILY,
    OPT_TEMPLATE_DIR,
    {"stats", 0, NULL, N_("print layout figures (pages, lines, spacing)"), NULL,
     NULL},
    {"blank-number-date", 0, NULL,
     N_("leave the number and the day and month blank for the văn thư, even "
        "when the database has them"),
     NULL, NULL},
    {"first-fit", 0, NULL,
     N_("break lines first fit instead of total fit (Knuth-Plass), to "
        "compare the two with --stats"),
     NULL, NULL},
    {"pdf-standard", 0, "STD",
     N_("a-3b (default): PDF/A-3b for archives, tagged for screen readers; "
        "none: a plain PDF 1.7"),
     VALUES_PDF_STANDARD, NULL},
    {"no-expansion", 0, NULL,
     N_("justify with the spaces alone: no font expansion (glyphs up to 2 % "
        "wider or narrower, and letter spacing up to 0.01 em), to compare "
        "with --stats"),
     NULL, NULL},
    {"tone-style", 0, "STYLE",
     N_("where the tone mark of hòa/hoà, khỏe/khoẻ, thủy/thuỷ goes in "
        "everything the report prints: moi (hòa), cu (hoà) or giu (as "
        "typed); default: the template's kieu_dau, else as typed"),
     VALUES_TONES, NULL},
    OPT_JSON,
    OPT_VERBOSITY,
    OPT_HELP,
};

static const char *const render_synopsis[] = {
    "baocao render --db FILE --agency CODE --period CODE [options]", NULL};
static const char *const render_description[] = {
    N_("Renders one agency's report for a period as a Decree 30 PDF, or as "
       "an editable draft (Word .docx, OpenDocument .odt) from the same "
       "data."),
    NULL};
static const cli_example render_examples[] = {
    {N_("The Trà Vinh sample report of 2023-Q3 as PDF:"),
     "baocao render --db samples/baocao.db --agency STTTT-TV --period "
     "2023-Q3 -o out/tra-vinh-2023-q3.pdf"},
    {N_("The same report as a Word draft to edit:"),
     "baocao render --db samples/baocao.db --agency STTTT-TV --period "
     "2023-Q3 -o out/tra-vinh-2023-q3.docx"},
    {NULL, NULL}};

/* ---- preview ---- */

static const cli_option preview_options[] = {
    OPT_DB,
    OPT_AGENCY,
    OPT_PERIOD,
    {"page", 0, "N", N_("the page to draw, from 1 (default 1)"), NULL, NULL},
    {"dpi", 0, "N", N_("pixels per inch, 10 to 1200 (default 100)"), NULL,
     NULL},
    {"output", 'o', "FILE",
     N_("the PNG to write (default out/AGENCY_PERIOD-pN.png), written whole "
        "or not at all; -: the PNG on standard output (not a terminal: "
        "--terminal draws there), the status line on stderr"),
     NULL, NULL},
    {"terminal", 0, NULL,
     N_("draw the page in the terminal: with kitty's graphics protocol "
        "(kitty, WezTerm, ghostty), sixel (when the terminal says it has "
        "it), else block characters as wide as the terminal (COLUMNS, else "
        "the window's width, else 100 columns)"),
     NULL, NULL},
    {"graphics", 0, "HOW",
     N_("auto (default), kitty, sixel or blocks; images are --dpi, else as "
        "wide as the window in pixels, else 100 dpi"),
     "auto kitty sixel blocks", NULL},
    {"color", 0, "WHEN",
     N_("grey levels as 24-bit colours: auto (when stdout is a terminal, "
        "TERM is not dumb and NO_COLOR is unset), always or never (the "
        "characters  ░▒▓█)"),
     "auto always never", NULL},
    {"watch", 0, NULL,
     N_("draw again whenever a template or the database changes, one line "
        "per drawing, until Ctrl-C"),
     NULL, NULL},
    {"format", 0, "FORMAT",
     N_("png (default), or docx or odt: write the whole report as an "
        "editable draft to -o instead (with --watch, again after every "
        "change); -o FILE.docx or FILE.odt chooses it too"),
     "png docx odt", NULL},
    OPT_TEMPLATE,
    {"tone-style", 0, "STYLE",
     N_("moi (hòa), cu (hoà) or giu (as typed), as for render"), VALUES_TONES,
     NULL},
    OPT_FONT_DIR,
    OPT_FONT_FAMILY,
    OPT_TEMPLATE_DIR,
    OPT_VERBOSITY,
    OPT_HELP,
};

static const char *const preview_synopsis[] = {
    "baocao preview --db FILE --agency CODE --period CODE [options]", NULL};
static const char *const preview_description[] = {
    N_("Draws one page of the report as a PNG image, or in the terminal, "
       "from the same pages `baocao render` writes as PDF."),
    NULL};
static const cli_example preview_examples[] = {
    {N_("Page 2 as a PNG image:"),
     "baocao preview --db samples/baocao.db --agency STTTT-TV --period "
     "2023-Q3 --page 2 -o page2.png"},
    {N_("The first page in the terminal, drawn again after every change:"),
     "baocao preview --db samples/baocao.db --agency STTTT-TV --period "
     "2023-Q3 --terminal --watch"},
    {N_("A Word draft written again after every change:"),
     "baocao preview --db samples/baocao.db --agency STTTT-TV --period "
     "2023-Q3 --watch -o draft.docx"},
    {NULL, NULL}};

/* ---- check ---- */

static const cli_option check_options[] = {
    OPT_DB,
    OPT_PERIOD,
    {"agencies", 0, "A,B,...",
     N_("only these agencies (default: every agency with a report in the "
        "period)"),
     NULL, NULL},
    OPT_TEMPLATE_DIR,
    OPT_FONT_DIR,
    OPT_FONT_FAMILY,
    OPT_JSON,
    OPT_VERBOSITY,
    OPT_HELP,
};

static const char *const check_synopsis[] = {
    "baocao check --db FILE --period CODE [options]", NULL};
static const char *const check_description[] = {
    N_("Checks every report of a period before a bulk run and lists, per "
       "agency, what would stop or spoil it: missing indicator values and "
       "narratives (with the template file:line:col that uses them), empty "
       "narratives, values of the wrong kind, no signer, no recipients, and "
       "any other error the render would stop with. Exits 0 only when every "
       "report is complete, 14 when some are not."),
    NULL};
static const cli_example check_examples[] = {
    {N_("Every report of 2023-Q3:"),
     "baocao check --db samples/baocao.db --period 2023-Q3"},
    {NULL, NULL}};

/* ---- bulk ---- */

static const cli_option bulk_options[] = {
    OPT_DB,
    OPT_PERIOD,
    {"agencies", 0, "A,B,...", N_("only these agency codes"), NULL, NULL},
    {"jobs", 'j', "N",
     N_("worker threads (default: one per CPU this process may use, after "
        "taskset and container limits)"),
     NULL, NULL},
    {"out-dir", 0, "DIR",
     N_("where the PDFs go (default out/PERIOD); each is AGENCY.pdf "
        "(AGENCY+TEMPLATE.pdf for an agency with several reports), written "
        "whole or not at all"),
     NULL, NULL},
    {"format", 0, "FORMAT",
     N_("pdf (default), or docx or odt: editable drafts, AGENCY.docx or "
        "AGENCY.odt"),
     "pdf docx odt", NULL},
    {"manifest", 0, "FILE",
     N_("JSON Lines, one line per report: agency, template, period, output, "
        "status, pages, bytes, sha256, input_sha256, ms, error (default "
        "DIR/manifest.jsonl, DIR/manifest-K-of-N.jsonl with --shard)"),
     NULL, NULL},
    {"resume", 0, NULL,
     N_("keep the reports whose PDF and manifest line are complete and "
        "whose data, template and fonts have not changed; render the rest"),
     NULL, NULL},
    {"shard", 0, "K/N",
     N_("render only share K of N (1 <= K <= N), chosen by a stable hash of "
        "the agency code: N machines split a run with no coordinator"),
     NULL, NULL},
    OPT_FONT_DIR,
    OPT_FONT_FAMILY,
    OPT_TEMPLATE_DIR,
    {"pdf-standard", 0, "STD",
     N_("a-3b (default): PDF/A-3b, tagged; none: a plain PDF 1.7"),
     VALUES_PDF_STANDARD, NULL},
    OPT_JSON,
    OPT_VERBOSITY,
    OPT_HELP,
};

static const char *const bulk_synopsis[] = {
    "baocao bulk --db FILE --period CODE [options]", NULL};
static const char *const bulk_description[] = {
    N_("Renders the report of every agency that has one for the period, "
       "with one worker thread per CPU. One agency's bad data fails that "
       "agency only: the run goes on, and exits with 15 at the end if any "
       "failed."),
    NULL};
static const cli_example bulk_examples[] = {
    {N_("Every report of 2023-Q3 into out/2023-Q3/:"),
     "baocao bulk --db samples/baocao.db --period 2023-Q3"},
    {N_("The third of eight machines' share, keeping what an earlier run "
        "finished:"),
     "baocao bulk --db all.db --period 2023-Q3 --shard 3/8 --resume"},
    {NULL, NULL}};

/* ---- db and its subcommands ---- */

static const cli_option db_options[] = {OPT_VERBOSITY, OPT_HELP};
static const char *const db_synopsis[] = {
    "baocao db init FILE",
    "baocao db upgrade FILE",
    "baocao db load FILE SQL...",
    "baocao db import-pdf --db FILE [options] PDF|DIR...",
    "baocao db import FILE [--agency A --period P] CSV|MD...",
    "baocao db export FILE DIR",
    NULL};
static const char *const db_description[] = {
    N_("Creates and fills the database the other commands read: an empty "
       "database, SQL files, CSV and Markdown files, and the data of report "
       "PDFs received from lower levels; and writes its tables back out as "
       "CSV."),
    NULL};
static const cli_example db_examples[] = {
    {N_("The sample database, from the SQL files of samples/:"),
     "baocao db init samples/baocao.db"},
    {NULL, "baocao db load samples/baocao.db samples/*.sql"},
    {N_("Every table as CSV, edited and imported back:"),
     "baocao db export samples/baocao.db csv"},
    {NULL, "baocao db import samples/baocao.db csv/values.csv"},
    {NULL, NULL}};

static const cli_option db_plain_options[] = {OPT_JSON, OPT_VERBOSITY,
                                                OPT_HELP};

static const char *const db_init_synopsis[] = {"baocao db init FILE", NULL};
static const char *const db_init_description[] = {
    N_("Creates an empty baocao database (schema version 4) at FILE; FILE "
       "must not exist yet."),
    NULL};

static const char *const db_upgrade_synopsis[] = {"baocao db upgrade FILE",
                                                  NULL};
static const char *const db_upgrade_description[] = {
    N_("Brings a database of an earlier schema version to version 4, in one "
       "transaction."),
    NULL};

static const char *const db_load_synopsis[] = {"baocao db load FILE SQL...",
                                               NULL};
static const char *const db_load_description[] = {
    N_("Runs each SQL file against the database, each in one transaction: "
       "a file is loaded whole or not at all."),
    NULL};

static const cli_option db_import_options[] = {
    {"agency", 0, "A", N_("the agency of the narratives from .md files"), NULL,
     NULL},
    {"period", 0, "P", N_("their period"), NULL, NULL},
    {"table", 0, "TABLE",
     N_("the table of the CSV read from standard input (-), e.g. values"),
     NULL, NULL},
    OPT_JSON,
    OPT_VERBOSITY,
    OPT_HELP,
};
static const char *const db_import_synopsis[] = {
    "baocao db import FILE [--agency A --period P] CSV|MD...", NULL};
static const char *const db_import_description[] = {
    N_("Checks every row of the CSV files and writes them all in one "
       "transaction, or nothing when any row is bad (each bad row is named: "
       "file:line: column 'x': reason)."),
    N_("The file name says the table: agencies.csv, sections.csv, "
       "indicators.csv, periods.csv, signers.csv, reports.csv, "
       "recipients.csv, values.csv, narratives.csv, agency_certificates.csv "
       "(the certificates that may sign for an agency; or the singular); "
       "the first line names the columns. A row whose key exists updates "
       "it. KEY.md is narrative KEY of --agency and --period."),
    N_("Exit 5 for bad rows, 6 for a file that is not CSV or has a bad "
       "header or name (see docs/data.md)."),
    NULL};

static const char *const db_export_synopsis[] = {"baocao db export FILE DIR",
                                                 NULL};
static const char *const db_export_description[] = {
    N_("Writes every table into DIR as the CSV files import reads."), NULL};

static const cli_option db_import_pdf_options[] = {
    {"db", 0, "FILE", N_("the database to import into (baocao db init)"), NULL,
     NULL},
    {"period", 0, "CODE", N_("refuse files that hold another period's data"),
     NULL, NULL},
    {"parent", 0, "CODE",
     N_("agencies the database does not have yet are added under this one "
        "(their values count in its tong.)"),
     NULL, NULL},
    {"accept-unsigned", 0, NULL, N_("also import files that are not signed"),
     NULL, NULL},
    {"accept-untrusted", 0, NULL,
     N_("also import signed files whose certificates are not trusted or not "
        "bound to the agency (said so)"),
     NULL, NULL},
    {"keep-going", 0, NULL,
     N_("import the good files when some are refused (exit 15); without it "
        "one refused file imports nothing"),
     NULL, NULL},
    {"json", 0, NULL, N_("print the result as JSON (docs/json.md)"),
     NULL, NULL},
    OPT_TRUST,
    OPT_VERBOSITY,
    OPT_HELP,
};
static const char *const db_import_pdf_synopsis[] = {
    "baocao db import-pdf --db FILE [options] PDF|DIR...", NULL};
static const char *const db_import_pdf_description[] = {
    N_("Imports the data that report PDFs rendered by baocao carry (their "
       "baocao-data.json) into an upper level's database, e.g. the sở's "
       "reports into UBND tỉnh's, so that its report totals them. A "
       "directory means its *.pdf files. Everything is imported in one "
       "transaction."),
    NULL};
static const char *const db_import_pdf_notes[] = {
    N_("A file is imported when its data is covered by a valid signature "
       "and nothing after that signature was changed but other signatures. "
       "A file whose signature does not check out, that was changed after "
       "signing or whose signature was removed is refused whatever the "
       "options (exit 13). A value that differs from the one the database "
       "already has refuses the file: nothing is ever overwritten."),
    N_("A signed file is imported only when every signature comes from a "
       "trusted certificate and the agency's seal (ky_co_quan) from one "
       "bound to the agency whose data it carries (baocao db import DB "
       "agency_certificates.csv); the signer's signature does not stand in "
       "for the seal. Otherwise it is refused (exit 17) unless "
       "--accept-untrusted."),
    NULL};
static const cli_example db_import_pdf_examples[] = {
    {N_("The signed reports of the sở received into inbox/:"),
     "baocao db import-pdf --db tinh.db --period 2023-Q3 inbox"},
    {NULL, NULL}};

/* ---- sign and verify ---- */

static const cli_option sign_options[] = {
    {"p12", 0, "FILE", N_("PKCS#12 file with the key and certificate"), NULL,
     NULL},
    {"password", 0, "PW", N_("its password (or BAOCAO_P12_PASSWORD, or none)"),
     NULL, NULL},
    {"pkcs11", 0, "URI",
     N_("the key on a USB token or smart card, as an RFC 7512 URI: "
        "'pkcs11:token=LABEL;object=KEY' (its certificate is the token's one "
        "with the same id or label; CA certificates on the token are sent)"),
     NULL, NULL},
    {"module", 0, "LIB",
     N_("the token's PKCS#11 library (or module-path in the URI, or "
        "BAOCAO_PKCS11_MODULE)"),
     NULL, NULL},
    {"pin-file", 0, "FILE",
     N_("the token's PIN from the first line of FILE (or BAOCAO_PKCS11_PIN; "
        "else asked on the terminal)"),
     NULL, NULL},
    {"chain", 0, "FILE",
     N_("more certificates (PEM) to send with the signature, e.g. the CA's "
        "intermediates"),
     NULL, NULL},
    {"tsa", 0, "URL",
     N_("add a signature timestamp (RFC 3161, PAdES B-T) from this http:// "
        "time-stamping authority"),
     NULL, NULL},
    {"tsa-timeout", 0, "S", N_("seconds to wait for it (default 10)"), NULL,
     NULL},
    {"subfilter", 0, "NAME",
     N_("adbe.pkcs7.detached (default: what Vietnamese e-office verifiers "
        "accept) or ETSI.CAdES.detached"),
     "adbe.pkcs7.detached ETSI.CAdES.detached", NULL},
    {"field", 0, "NAME",
     N_("ky_nguoi_co_tham_quyen (signer) or ky_co_quan (the agency's seal)"),
     "ky_nguoi_co_tham_quyen ky_co_quan", NULL},
    {"output", 'o', "FILE", N_("the signed copy (written whole or not at all)"),
     NULL, NULL},
    {"image", 0, "PNG",
     N_("show this image (signature or seal) instead of the signer, agency "
        "and time as text"),
     NULL, NULL},
    {"reason", 0, "TEXT", N_("the reason recorded in the signature"), NULL,
     NULL},
    {"font-dir", 0, "DIR",
     N_("fonts for the text appearance (default: $BAOCAO_FONT_DIR, else "
        "Liberation Serif 2 from the system, else fonts/ in the data "
        "directory)"),
     NULL, NULL},
    OPT_VERBOSITY,
    OPT_HELP,
};
static const char *const sign_synopsis[] = {
    "baocao sign (--p12 FILE | --pkcs11 URI) --field NAME IN.pdf -o OUT.pdf "
    "[options]",
    NULL};
static const char *const sign_description[] = {
    N_("Signs a field of a report rendered by baocao with a detached CMS "
       "signature (SHA-256, PAdES B-B signed attributes, the signer's "
       "chain), as an incremental update: IN.pdf's bytes are kept as they "
       "are, so the signer and then the seal can sign one after the other "
       "and both signatures stay valid."),
    NULL};
static const cli_example sign_examples[] = {
    {N_("The signer signs, then the văn thư adds the agency's seal:"),
     "baocao sign --p12 giam-doc.p12 --field ky_nguoi_co_tham_quyen "
     "report.pdf -o signed.pdf"},
    {NULL, "baocao sign --p12 so.p12 --field ky_co_quan --image seal.png "
           "signed.pdf -o sealed.pdf"},
    {NULL, NULL}};

static const cli_option verify_options[] = {
    OPT_TRUST,
    {"json", 0, NULL, N_("print the result as JSON (docs/json.md)"),
     NULL, NULL},
    OPT_VERBOSITY,
    OPT_HELP,
};
static const char *const verify_synopsis[] = {
    "baocao verify [options] FILE.pdf", NULL};
static const char *const verify_description[] = {
    N_("Reads every revision of FILE.pdf and lists its signatures: signed or "
       "not, by whom and when, which revision each covers, whether it checks "
       "out over those bytes, every change made after it (another signature "
       "and its appearance are allowed; page content, the attached data, "
       "annotations, a removed signature are not), and what the signer's "
       "certificate is worth: its chain to the trust anchors at the signing "
       "time (the timestamp's, else the time the file claims), its key "
       "usage, and its revocation when --crl or --ocsp asks."),
    NULL};
static const char *const verify_notes[] = {
    N_("Exits 0 when every signature checks out, nothing after one was "
       "changed and every signer's certificate is trusted (or there is no "
       "signature); 13 when a signature does not check out or something was "
       "changed after one; 17 when the signatures check out but a "
       "certificate is not trusted (untrusted, expired or not yet valid at "
       "the signing time, not for signing, revoked, or its revocation "
       "unknown)."),
    NULL};
static const cli_example verify_examples[] = {
    {N_("The signatures of a received report, revocation asked by OCSP:"),
     "baocao verify --ocsp sealed.pdf"},
    {NULL, NULL}};

/* ---- the table ---- */

#define COUNT(a) (sizeof a / sizeof a[0])
/* The options and their count, which must fit CLI_MAX_OPTIONS (checked
 * when compiling: a negative array size otherwise). */
#define OPTIONS(a)                                                             \
  a, COUNT(a) + 0 * sizeof(char[COUNT(a) <= CLI_MAX_OPTIONS ? 1 : -1])
static const char *const no_notes[] = {NULL};
static const cli_example no_examples[] = {{NULL, NULL}};

const cli_command cli_commands[] = {
    {"render",
     N_("render one agency's report for a period to PDF, or a draft to edit "
        "(.docx, .odt)"),
     render_synopsis, render_description, OPTIONS(render_options), no_notes,
     render_examples, CLI_OPERANDS_NONE},
    {"preview", N_("draw one page as PNG, or in the terminal; --watch redraws"),
     preview_synopsis, preview_description, OPTIONS(preview_options), no_notes,
     preview_examples, CLI_OPERANDS_NONE},
    {"check", N_("list what would stop or spoil each report of a period"),
     check_synopsis, check_description, OPTIONS(check_options), no_notes,
     check_examples, CLI_OPERANDS_NONE},
    {"bulk", N_("render every agency's report for a period, in parallel"),
     bulk_synopsis, bulk_description, OPTIONS(bulk_options), no_notes,
     bulk_examples, CLI_OPERANDS_NONE},
    {"db", N_("create a database, load SQL, import and export CSV"),
     db_synopsis, db_description, OPTIONS(db_options), no_notes, db_examples,
     CLI_OPERANDS_SUBCOMMAND},
    {"db init", N_("create an empty database"), db_init_synopsis,
     db_init_description, OPTIONS(db_plain_options), no_notes, no_examples,
     CLI_OPERANDS_FILES},
    {"db upgrade",
     N_("bring a database of an earlier schema version to this one"),
     db_upgrade_synopsis, db_upgrade_description, OPTIONS(db_plain_options),
     no_notes, no_examples, CLI_OPERANDS_FILES},
    {"db load", N_("run SQL files against a database"), db_load_synopsis,
     db_load_description, OPTIONS(db_plain_options), no_notes, no_examples,
     CLI_OPERANDS_FILES},
    {"db import", N_("import CSV files and Markdown narratives"),
     db_import_synopsis, db_import_description, OPTIONS(db_import_options),
     no_notes, no_examples, CLI_OPERANDS_FILES},
    {"db export", N_("write every table as CSV files"), db_export_synopsis,
     db_export_description, OPTIONS(db_plain_options), no_notes, no_examples,
     CLI_OPERANDS_FILES},
    {"db import-pdf", N_("import the data that received report PDFs carry"),
     db_import_pdf_synopsis, db_import_pdf_description,
     OPTIONS(db_import_pdf_options), db_import_pdf_notes,
     db_import_pdf_examples, CLI_OPERANDS_FILES},
    {"sign", N_("sign a field of a rendered report (PKCS#12 or a token)"),
     sign_synopsis, sign_description, OPTIONS(sign_options), no_notes,
     sign_examples, CLI_OPERANDS_FILES},
    {"verify", N_("list the signature fields of a PDF and check them"),
     verify_synopsis, verify_description, OPTIONS(verify_options), verify_notes,
     verify_examples, CLI_OPERANDS_FILES},
};
const size_t cli_command_count = COUNT(cli_commands);

const cli_exit_status cli_exit_codes[] = {
    {EXIT_OK, N_("success")},
    {EXIT_INTERNAL, N_("internal error (a bug, or an unexpected library "
                       "failure)")},
    {EXIT_USAGE, N_("bad command line")},
    {EXIT_DATABASE, N_("database problem: missing, unreadable, damaged, not "
                       "baocao's, another schema version")},
    {EXIT_NOTFOUND, N_("unknown agency, period, report, page or field")},
    {EXIT_DATA, N_("missing or invalid data")},
    {EXIT_TEMPLATE, N_("template or input file missing or broken")},
    {EXIT_FONT, N_("font missing or unusable")},
    {EXIT_OUTPUT, N_("output cannot be written")},
    {EXIT_NOMEM, N_("out of memory")},
    {EXIT_LAYOUT, N_("content cannot be typeset")},
    {EXIT_CERT, N_("certificate or key unusable")},
    {EXIT_PDF, N_("PDF cannot be signed or read")},
    {EXIT_INVALID, N_("a signature does not check out (verify), or a file "
                      "is refused for its signatures (db import-pdf)")},
    {EXIT_INCOMPLETE, N_("some report has problems (check)")},
    {EXIT_PARTIAL, N_("some reports failed, the others were written (bulk); "
                      "some files refused, the others imported (db "
                      "import-pdf --keep-going)")},
    {EXIT_NETWORK, N_("a time-stamping authority did not answer or refused "
                      "(sign)")},
    {EXIT_UNTRUSTED, N_("signatures that check out, but not from a trusted "
                        "certificate, or a seal not bound to the agency "
                        "(verify, db import-pdf)")},
};
const size_t cli_exit_code_count = COUNT(cli_exit_codes);

const cli_note cli_environment[] = {
    {"BAOCAO_FONT_DIR",
     N_("the directory of the Liberation Serif files (default: Liberation "
        "Serif 2 from the system, else fonts/ in the data directory)")},
    {"BAOCAO_TEMPLATE_DIR",
     N_("the directory of the templates (default: templates/ in the data "
        "directory)")},
    {"BAOCAO_TRUST",
     N_("the trust anchors of verify and db import-pdf, a file or a "
        "directory (default: trust/ in the data directory)")},
    {"BAOCAO_P12_PASSWORD", N_("the password of sign --p12")},
    {"BAOCAO_PKCS11_MODULE", N_("the PKCS#11 library of sign --pkcs11")},
    {"BAOCAO_PKCS11_PIN", N_("the token's PIN for sign --pkcs11")},
    {"SOURCE_DATE_EPOCH",
     N_("seconds since 1970 to write as the creation date of the output, "
        "for files that are the same bytes every time")},
    {"NO_COLOR", N_("when set, preview --color auto draws without colours")},
    {"COLUMNS", N_("the terminal's width for preview --terminal")},
    {"LANGUAGE, LC_ALL, LC_MESSAGES, LANG",
     N_("the language of messages and help: Vietnamese for vi, else "
        "English")},
};
const size_t cli_environment_count = COUNT(cli_environment);

const cli_note cli_files[] = {
    {"DATADIR/fonts/",
     N_("the Liberation Serif fonts (Regular, Bold, Italic, Bold Italic)")},
    {"DATADIR/templates/", N_("the report templates, NAME.md")},
    {"DATADIR/trust/",
     N_("the CA certificates verify and db import-pdf trust")},
    {"out/AGENCY_PERIOD.pdf",
     N_("where render writes when -o is not given (bulk: out/PERIOD/)")},
};
const size_t cli_file_count = COUNT(cli_files);

const char *cli_version(void) {
  return BC_VERSION;
}

const cli_command *cli_command_find(const char *name) {
  for (size_t i = 0; i < cli_command_count; i++)
    if (!strcmp(cli_commands[i].name, name))
      return &cli_commands[i];
  return NULL;
}

size_t cli_options(cli_option *out, const char *command) {
  const cli_command *c = cli_command_find(command);
  size_t n = c ? c->option_count : 0;
  if (n > CLI_MAX_OPTIONS)
    n = CLI_MAX_OPTIONS;
  if (n)
    memcpy(out, c->options, n * sizeof *out);
  return n;
}

/* ---- printing --help ---- */

/* Columns a UTF-8 string takes: its code points. */
static size_t columns(const char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80)
      n++;
  return n;
}

/*
 * text's words on lines of at most width columns: the first continues at
 * column col (what the caller already printed), the others start with
 * indent spaces. With a continuation (" \\"), a line ends with it when
 * another follows, as shell commands do. Ends with a newline.
 */
static void wrap(FILE *out,
                 const char *text,
                 size_t col,
                 size_t indent,
                 size_t width,
                 const char *continuation) {
  const char *p = text;
  size_t extra = continuation ? columns(continuation, strlen(continuation)) : 0;
  bool first = true;
  while (*p) {
    size_t len = strcspn(p, " "), w = columns(p, len);
    if (!first && col + 1 + w + extra > width) {
      fprintf(out, "%s\n%*s", continuation ? continuation : "", (int)indent,
              "");
      col = indent;
      first = true;
    }
    if (!first) {
      fputc(' ', out);
      col++;
    }
    fwrite(p, 1, len, out);
    col += w;
    first = false;
    p += len;
    while (*p == ' ')
      p++;
  }
  fputc('\n', out);
}

#define HELP_WIDTH 78
#define OPTION_COLUMN 23

/* "-o, --output FILE" */
static size_t option_label(char *buf, size_t size, const cli_option *o) {
  int n;
  if (o->short_name)
    n = snprintf(buf, size, "-%c, --%s%s%s", o->short_name, o->name,
                 o->arg ? " " : "", o->arg ? o->arg : "");
  else
    n = snprintf(buf, size, "--%s%s%s", o->name, o->arg ? " " : "",
                 o->arg ? o->arg : "");
  return n < 0 ? 0 : (size_t)n;
}

static void print_options(FILE *out, const cli_command *c) {
  char label[128];
  for (size_t i = 0; i < c->option_count; i++) {
    size_t n = option_label(label, sizeof label, &c->options[i]);
    fprintf(out, "  %s", label);
    if (2 + n + 1 > OPTION_COLUMN)
      fprintf(out, "\n%*s", OPTION_COLUMN, "");
    else
      fprintf(out, "%*s", (int)(OPTION_COLUMN - 2 - n), "");
    wrap(out, _(c->options[i].help), OPTION_COLUMN, OPTION_COLUMN, HELP_WIDTH,
         NULL);
  }
}

static void print_paragraphs(FILE *out, const char *const *paragraphs) {
  for (size_t i = 0; paragraphs[i]; i++) {
    fputc('\n', out);
    wrap(out, _(paragraphs[i]), 0, 0, HELP_WIDTH, NULL);
  }
}

static void print_synopsis(FILE *out, const cli_command *c) {
  const char *usage = _("Usage: ");
  size_t indent = columns(usage, strlen(usage));
  for (size_t i = 0; c->synopsis[i]; i++) {
    if (i == 0)
      fputs(usage, out);
    else
      fprintf(out, "%*s", (int)indent, "");
    wrap(out, c->synopsis[i], indent, indent + 4, HELP_WIDTH, NULL);
  }
}

size_t cli_command_breaks(const char *command,
                          size_t col,
                          size_t indent,
                          size_t width,
                          size_t *breaks,
                          size_t max) {
  const char *p = command;
  size_t n = 0;
  bool first = true;
  while (*p == ' ')
    p++;
  while (*p) {
    /* a unit: a word, or an option with its value */
    const char *start = p;
    size_t len = strcspn(p, " ");
    const char *next = p + len;
    while (*next == ' ')
      next++;
    if (*p == '-' && *next && *next != '-') {
      len = (size_t)(next - p) + strcspn(next, " ");
      next = p + len;
      while (*next == ' ')
        next++;
    }
    size_t w = columns(start, len);
    if (!first && col + 1 + w + 2 > width && n < max) {
      breaks[n++] = (size_t)(start - command);
      col = indent + w;
    } else {
      col += (first ? 0 : 1) + w;
    }
    first = false;
    p = next;
  }
  return n;
}

static void print_examples(FILE *out, const cli_example *e) {
  size_t n = 0;
  while (e[n].command)
    n++;
  if (!n)
    return;
  fprintf(out, "\n%s\n", n == 1 ? _("Example:") : _("Examples:"));
  for (size_t i = 0; i < n; i++) {
    const char *c = e[i].command, *p = c;
    size_t breaks[16], nb, k = 0;
    nb = cli_command_breaks(c, 2, 6, HELP_WIDTH, breaks, 16);
    fputs("  ", out);
    while (*p) {
      size_t len = strcspn(p, " ");
      if (k < nb && (size_t)(p - c) == breaks[k]) {
        fputs(" \\\n      ", out);
        k++;
      } else if (p != c) {
        fputc(' ', out);
      }
      fwrite(p, 1, len, out);
      p += len;
      while (*p == ' ')
        p++;
    }
    fputc('\n', out);
  }
}

/* `baocao db --help`: the subcommands, each with its summary. */
static void print_subcommands(FILE *out, const cli_command *c) {
  size_t len = strlen(c->name);
  fprintf(out, "\n%s\n", _("Commands:"));
  for (size_t i = 0; i < cli_command_count; i++) {
    const cli_command *s = &cli_commands[i];
    if (strncmp(s->name, c->name, len) || s->name[len] != ' ')
      continue;
    fprintf(out, "  %-12s", s->name + len + 1);
    wrap(out, _(s->summary), 14, 14, HELP_WIDTH, NULL);
  }
  fputc('\n', out);
  fprintf(out, _("Each one's options: baocao help %s COMMAND.\n"), c->name);
}

bool cli_help(FILE *out, const char *command) {
  const cli_command *c = cli_command_find(command);
  if (!c)
    return false;
  print_synopsis(out, c);
  print_paragraphs(out, c->description);
  if (c->operands == CLI_OPERANDS_SUBCOMMAND)
    print_subcommands(out, c);
  fputc('\n', out);
  print_options(out, c);
  print_paragraphs(out, c->notes);
  print_examples(out, c->examples);
  return true;
}

void cli_usage(FILE *out) {
  char line[256];
  fprintf(out, "%s%s\n", _("Usage: "), _("baocao <command> [options]"));
  fputc('\n', out);
  wrap(out, _(cli_main_description), 0, 0, HELP_WIDTH, NULL);
  fputc('\n', out);
  wrap(out, _(main_conventions), 0, 0, HELP_WIDTH, NULL);
  fprintf(out, "\n%s\n", _("Commands:"));
  for (size_t i = 0; i < cli_command_count; i++) {
    if (strchr(cli_commands[i].name, ' '))
      continue;
    fprintf(out, "  %-9s", cli_commands[i].name);
    wrap(out, _(cli_commands[i].summary), 11, 11, HELP_WIDTH, NULL);
  }
  fprintf(out, "  %-9s", "help");
  wrap(out, _("this text, or `baocao help <command>`"), 11, 11, HELP_WIDTH,
       NULL);
  fprintf(out, "\n%s\n", _("Exit codes:"));
  for (size_t i = 0; i < cli_exit_code_count; i++) {
    fprintf(out, "  %2d ", cli_exit_codes[i].code);
    wrap(out, _(cli_exit_codes[i].text), 5, 5, HELP_WIDTH, NULL);
  }
  fprintf(out, "\n%s\n", _("Environment:"));
  for (size_t i = 0; i < cli_environment_count; i++) {
    fprintf(out, "  %s\n%*s", cli_environment[i].name, 6, "");
    wrap(out, _(cli_environment[i].text), 6, 6, HELP_WIDTH, NULL);
  }
  fputc('\n', out);
  snprintf(line, sizeof line, _("The data directory is %s."), cli_data_dir());
  wrap(out, line, 0, 0, HELP_WIDTH, NULL);
}

const char cli_main_description[] =
    N_("Turns indicator data kept in SQLite into Vietnamese administrative "
       "reports (báo cáo) as PDF, laid out as Decree 30/2020/NĐ-CP "
       "prescribes.");

