/* cli/sign.c: `baocao sign` (fill a signature field from a PKCS#12 file)
 * and `baocao verify` (list the signature fields and check them). */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <stdlib.h>
#include <string.h>

static const char sign_usage[] =
    N_("Usage: baocao sign (--p12 FILE | --pkcs11 URI) --field NAME IN.pdf\n"
    "                   -o OUT.pdf [options]\n"
    "\n"
    "Signs a field of a report rendered by baocao with a detached CMS\n"
    "signature (SHA-256, PAdES B-B signed attributes, the signer's chain),\n"
    "as an incremental update: IN.pdf's bytes are kept as they are, so the\n"
    "signer and then the seal can sign one after the other and both\n"
    "signatures stay valid.\n"
    "\n"
    "  --p12 FILE           PKCS#12 file with the key and certificate\n"
    "  --password PW        its password (or BAOCAO_P12_PASSWORD, or none)\n"
    "  --pkcs11 URI         the key on a USB token or smart card, as an RFC\n"
    "                       7512 URI: 'pkcs11:token=LABEL;object=KEY' (its\n"
    "                       certificate is the token's one with the same id\n"
    "                       or label; CA certificates on the token are sent)\n"
    "  --module LIB         the token's PKCS#11 library (or module-path in\n"
    "                       the URI, or BAOCAO_PKCS11_MODULE)\n"
    "  --pin-file FILE      the token's PIN from the first line of FILE (or\n"
    "                       BAOCAO_PKCS11_PIN; else asked on the terminal)\n"
    "  --chain FILE         more certificates (PEM) to send with the\n"
    "                       signature, e.g. the CA's intermediates\n"
    "  --tsa URL            add a signature timestamp (RFC 3161, PAdES B-T)\n"
    "                       from this http:// time-stamping authority\n"
    "  --tsa-timeout S      seconds to wait for it (default 10)\n"
    "  --subfilter NAME     adbe.pkcs7.detached (default: what Vietnamese\n"
    "                       e-office verifiers accept) or ETSI.CAdES.detached\n"
    "  --field NAME         ky_nguoi_co_tham_quyen (signer) or ky_co_quan\n"
    "                       (the agency's seal)\n"
    "  -o, --output FILE    the signed copy (written whole or not at all)\n"
    "  --image PNG          show this image (signature or seal) instead of\n"
    "                       the signer, agency and time as text\n"
    "  --reason TEXT        the reason recorded in the signature\n"
    "  --font-dir DIR       fonts for the text appearance (default:\n"
    "                       $BAOCAO_FONT_DIR, else fonts/ in the data\n"
    "                       directory that `baocao help` names)\n"
    "  -h, --help           this text\n");

static const char verify_usage[] =
    /* Not translated yet: CLI_TRUST_USAGE sits inside. */
    "Usage: baocao verify [options] FILE.pdf\n"
    "\n"
    "Reads every revision of FILE.pdf and lists its signatures: signed or\n"
    "not, by whom and when, which revision each covers, whether it checks\n"
    "out over those bytes, every change made after it (another signature\n"
    "and its appearance are allowed; page content, the attached data,\n"
    "annotations, a removed signature are not), and what the signer's\n"
    "certificate is worth: its chain to the trust anchors at the signing\n"
    "time (the timestamp's, else the time the file claims), its key usage,\n"
    "and its revocation when --crl or --ocsp asks.\n"
    "\n" CLI_TRUST_USAGE
    "  --json               print the result as JSON\n"
    "                       (docs/verify.schema.json)\n"
    "  -h, --help           this text\n"
    "\n"
    "Exits 0 when every signature checks out, nothing after one was changed\n"
    "and every signer's certificate is trusted (or there is no signature);\n"
    "13 when a signature does not check out or something was changed after\n"
    "one; 17 when the signatures check out but a certificate is not trusted\n"
    "(untrusted, expired or not yet valid at the signing time, not for\n"
    "signing, revoked, or its revocation unknown).\n";

/*
 * The token's PIN: the first line of pin_file, else BAOCAO_PKCS11_PIN,
 * else (when the URI has no pin-value) asked on the terminal without
 * echo. "" when there is none to give: the token may need no login.
 */
static int cli_token_pin(char *pin,
                         size_t size,
                         const char *pin_file,
                         const char *uri) {
  pin[0] = '\0';
  if (pin_file) {
    FILE *f = fopen(pin_file, "r");
    if (!f) {
      fprintf(stderr, _("baocao sign: cannot read the PIN file '%s'\n"),
              pin_file);
      return EXIT_TEMPLATE;
    }
    if (!fgets(pin, (int)size, f))
      pin[0] = '\0';
    fclose(f);
    pin[strcspn(pin, "\r\n")] = '\0';
    return EXIT_OK;
  }
  const char *env = getenv("BAOCAO_PKCS11_PIN");
  if (env && *env) {
    snprintf(pin, size, "%s", env);
    return EXIT_OK;
  }
  if (strstr(uri, "pin-value="))
    return EXIT_OK;
  return cli_read_secret(pin, size, "PIN của token: ");
}

int cmd_sign(int argc, char **argv) {
  cli_option opts[] = {
      {"p12", 0, true, NULL},      {"password", 0, true, NULL},
      {"field", 0, true, NULL},    {"output", 'o', true, NULL},
      {"image", 0, true, NULL},    {"reason", 0, true, NULL},
      {"font-dir", 0, true, NULL}, {"help", 'h', false, NULL},
      {"pkcs11", 0, true, NULL},   {"module", 0, true, NULL},
      {"pin-file", 0, true, NULL}, {"chain", 0, true, NULL},
      {"tsa", 0, true, NULL},      {"tsa-timeout", 0, true, NULL},
      {"subfilter", 0, true, NULL},
  };
  const size_t n = sizeof opts / sizeof opts[0];
  const char *pos[1];
  size_t npos;
  char font_buf[4096], tmpl_buf[4096], pin[256];
  bc_context_options copts = BC_CONTEXT_OPTIONS_INIT;
  bc_sign_options sopts = BC_SIGN_OPTIONS_INIT;
  bc_context *ctx = NULL;
  bc_error err;
  int rc;

  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 1, &npos, "sign"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    fputs(_(sign_usage), stdout);
    return EXIT_OK;
  }
  sopts.p12_path = cli_get(opts, n, "p12");
  sopts.field = cli_get(opts, n, "field");
  sopts.output = cli_get(opts, n, "output");
  sopts.image_path = cli_get(opts, n, "image");
  sopts.reason = cli_get(opts, n, "reason");
  sopts.password = cli_get(opts, n, "password");
  if (!sopts.password)
    sopts.password = getenv("BAOCAO_P12_PASSWORD");
  sopts.pkcs11_uri = cli_get(opts, n, "pkcs11");
  sopts.pkcs11_module = cli_get(opts, n, "module");
  if (!sopts.pkcs11_module)
    sopts.pkcs11_module = getenv("BAOCAO_PKCS11_MODULE");
  sopts.chain_path = cli_get(opts, n, "chain");
  sopts.tsa_url = cli_get(opts, n, "tsa");
  const char *timeout = cli_get(opts, n, "tsa-timeout");
  if (timeout) {
    char *end;
    long t = strtol(timeout, &end, 10);
    if (*end || t < 1 || t > 600) {
      fprintf(stderr, _("baocao sign: --tsa-timeout '%s' is not a number of "
                      "seconds from 1 to 600\n"),
              timeout);
      return EXIT_USAGE;
    }
    sopts.tsa_timeout_s = (int)t;
  }
  const char *subfilter = cli_get(opts, n, "subfilter");
  if (subfilter && strcmp(subfilter, "adbe.pkcs7.detached") != 0 &&
      strcmp(subfilter, "ETSI.CAdES.detached") != 0) {
    fprintf(stderr, _("baocao sign: --subfilter '%s' is neither "
                    "adbe.pkcs7.detached nor ETSI.CAdES.detached\n"),
            subfilter);
    return EXIT_USAGE;
  }
  sopts.cades = subfilter && !strcmp(subfilter, "ETSI.CAdES.detached");
  if (npos != 1 || !sopts.field || !sopts.output ||
      !sopts.p12_path == !sopts.pkcs11_uri) {
    fprintf(stderr, _("baocao sign: IN.pdf, one of --p12 and --pkcs11, --field "
                    "and -o are required (see baocao help sign)\n"));
    return EXIT_USAGE;
  }
  if (sopts.pkcs11_uri) {
    int prc = cli_token_pin(pin, sizeof pin, cli_get(opts, n, "pin-file"),
                            sopts.pkcs11_uri);
    if (prc)
      return prc;
    sopts.pin = pin[0] ? pin : NULL;
  }
  sopts.input = pos[0];
  copts.font_dir =
      cli_font_dir(cli_get(opts, n, "font-dir"), font_buf, sizeof font_buf);
  copts.template_dir = cli_template_dir(NULL, tmpl_buf, sizeof tmpl_buf);
  bc_error_clear(&err);
  if ((rc = bc_context_new(&ctx, &copts, &err)))
    return cli_fail(&err);
  rc = bc_sign(ctx, &sopts, &err);
  memset(pin, 0, sizeof pin);
  bc_context_free(ctx);
  if (rc)
    return cli_fail(&err);
  printf(_("%s: field %s signed\n"), sopts.output, sopts.field);
  return EXIT_OK;
}

int cmd_verify(int argc, char **argv) {
  cli_option opts[] = {{"json", 0, false, NULL}, {"help", 'h', false, NULL},
                       CLI_TRUST_OPTIONS};
  const size_t nopts = sizeof opts / sizeof opts[0];
  const char *pos[1];
  size_t npos;
  bc_verify_result *r = NULL;
  cli_trust_config trust;
  bc_error err;
  int rc;

  if (!cli_parse(argc - 1, argv + 1, opts, nopts, pos, 1, &npos, "verify"))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    fputs(_(verify_usage), stdout);
    return EXIT_OK;
  }
  if (npos != 1) {
    fprintf(stderr, _("baocao verify: one PDF file is required (see baocao "
                    "help verify)\n"));
    return EXIT_USAGE;
  }
  bool json = cli_get(opts, nopts, "json") != NULL;
  if (!cli_trust(&trust, opts, nopts, "verify"))
    return EXIT_USAGE;
  bc_error_clear(&err);
  if ((rc = bc_verify(&r, pos[0], &trust.options, &err))) {
    if (json) {
      fputs("{\"file\": ", stdout);
      cli_json_string(stdout, pos[0]);
      fputs(", \"verdict\": \"unreadable\", \"reason\": ", stdout);
      cli_json_string(stdout, err.message);
      fputs("}\n", stdout);
    }
    return cli_fail(&err);
  }
  bc_verdict v = bc_verify_verdict(r);
  size_t n = bc_verify_count(r);
  if (json) {
    fputs("{\"file\": ", stdout);
    cli_json_string(stdout, pos[0]);
    fprintf(stdout, ", \"size\": %zu, \"revisions\": %zu, \"verdict\": \"%s\", "
                    "\"reason\": ",
            bc_verify_file_size(r), bc_verify_revisions(r), cli_verdict_key(v));
    cli_json_string(stdout, bc_verify_reason(r));
    fputs(", \"signatures\": ", stdout);
    cli_json_signatures(stdout, bc_verify_field(r, 0), n);
    fputs("}\n", stdout);
  } else {
    printf(ngettext("%s: %zu bytes, %zu revision, %zu signature field(s)\n",
                    "%s: %zu bytes, %zu revisions, %zu signature field(s)\n",
                    bc_verify_revisions(r)),
           pos[0], bc_verify_file_size(r), bc_verify_revisions(r), n);
    for (size_t i = 0; i < n; i++)
      cli_print_signature(stdout, bc_verify_field(r, i));
    if (*bc_verify_reason(r))
      printf("%s: %s\n", bc_verdict_name(v), bc_verify_reason(r));
    else
      printf("%s\n", bc_verdict_name(v));
  }
  if (v == BC_VERDICT_MODIFIED || v == BC_VERDICT_INVALID)
    fprintf(stderr, _("baocao: '%s' %s: %s\n"), pos[0],
            v == BC_VERDICT_MODIFIED ? _("was changed after it was signed")
                                     : _("has a signature that does not check out"),
            bc_verify_reason(r));
  rc = v == BC_VERDICT_MODIFIED || v == BC_VERDICT_INVALID ? EXIT_INVALID
                                                          : EXIT_OK;
  for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
    const bc_signature_report *s = bc_verify_field(r, i);
    if (s->is_signed && s->chain != BC_CHAIN_TRUSTED) {
      fprintf(stderr, _("baocao: '%s': signature %s: certificate %s: %s\n"),
              pos[0], s->field, bc_chain_status_name(s->chain),
              s->chain_problem);
      rc = EXIT_UNTRUSTED;
    }
  }
  bc_verify_result_free(r);
  return rc;
}
