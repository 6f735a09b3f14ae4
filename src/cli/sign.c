/* cli/sign.c: `baocao sign` (fill a signature field from a PKCS#12 file)
 * and `baocao verify` (list the signature fields and check them). */
#include "cli/cli.h"
#include "cli/i18n.h"

#include "common/json.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    /* Opened without blocking and checked to be a regular file: a FIFO
     * would hang the open. */
    struct stat st;
    int fd = open(pin_file, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    FILE *f = NULL;
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
      close(fd);
      fprintf(stderr, _("baocao sign: the PIN file '%s' is not a regular file\n"),
              pin_file);
      return EXIT_TEMPLATE;
    }
    if (fd < 0 || !(f = fdopen(fd, "r"))) {
      if (fd >= 0)
        close(fd);
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
  cli_option opts[CLI_MAX_OPTIONS];
  const size_t n = cli_options(opts, "sign");
  const char *pos[1];
  size_t npos;
  cli_font_choice fonts;
  char tmpl_buf[4096], pin[256];
  bc_context_options copts = BC_CONTEXT_OPTIONS_INIT;
  bc_sign_options sopts = BC_SIGN_OPTIONS_INIT;
  bc_context *ctx = NULL;
  bc_error err;
  struct timespec t0;
  int rc, verbosity;

  cli_now(&t0);
  if (!cli_parse(argc - 1, argv + 1, opts, n, pos, 1, &npos, "sign"))
    return EXIT_USAGE;
  if (cli_get(opts, n, "help")) {
    cli_help(stdout, "sign");
    return EXIT_OK;
  }
  if (!cli_verbosity(&verbosity, opts, n, "sign"))
    return EXIT_USAGE;
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
  copts.temp_hook = cli_temp_hook();
  int fonts_rc = cli_fonts(&fonts, cli_get(opts, n, "font-dir"), NULL, "sign");
  if (fonts_rc)
    return fonts_rc;
  copts.font_dir = fonts.dir;
  copts.font_family = fonts.family;
  copts.template_dir = cli_template_dir(NULL, tmpl_buf, sizeof tmpl_buf);
  cli_detail(verbosity, "sign", "%s with %s %s, fonts %s", sopts.input,
             sopts.p12_path ? "the PKCS#12 file" : "the PKCS#11 key",
             sopts.p12_path ? sopts.p12_path : sopts.pkcs11_uri,
             copts.font_dir);
  bc_error_clear(&err);
  if ((rc = bc_context_new(&ctx, &copts, &err)))
    return cli_fail(&err);
  rc = bc_sign(ctx, &sopts, &err);
  memset(pin, 0, sizeof pin);
  bc_context_free(ctx);
  if (rc)
    return cli_fail(&err);
  if (verbosity > CLI_QUIET)
    printf(_("%s: field %s signed\n"), sopts.output, sopts.field);
  cli_detail(verbosity, "sign", "done in %.0f ms", cli_ms_since(&t0));
  return EXIT_OK;
}

int cmd_verify(int argc, char **argv) {
  cli_option opts[CLI_MAX_OPTIONS];
  const size_t nopts = cli_options(opts, "verify");
  const char *pos[1];
  size_t npos;
  bc_verify_result *r = NULL;
  bc_verify_options vopts = BC_VERIFY_OPTIONS_INIT;
  cli_trust_config trust;
  bc_error err;
  struct timespec t0;
  int rc, verbosity;

  cli_now(&t0);
  if (!cli_parse(argc - 1, argv + 1, opts, nopts, pos, 1, &npos, "verify"))
    return EXIT_USAGE;
  if (cli_get(opts, nopts, "help")) {
    cli_help(stdout, "verify");
    return EXIT_OK;
  }
  if (npos != 1) {
    fprintf(stderr, _("baocao verify: one PDF file is required (see baocao "
                    "help verify)\n"));
    return EXIT_USAGE;
  }
  bool json = cli_get(opts, nopts, "json") != NULL;
  if (!cli_verbosity(&verbosity, opts, nopts, "verify") ||
      !cli_trust(&trust, opts, nopts, "verify"))
    return EXIT_USAGE;
  cli_detail(verbosity, "verify", "trust anchors %s%s%s%s%s",
             trust.anchor ? trust.anchor : "(none)",
             trust.untrusted ? ", intermediates " : "",
             trust.untrusted ? trust.untrusted : "",
             trust.crl ? ", CRLs " : "", trust.crl ? trust.crl : "");
  bc_error_clear(&err);
  vopts.trust = &trust.options;
  if ((rc = bc_verify(&r, pos[0], &vopts, &err))) {
    if (json) {
      bc_buf b;
      int code = cli_exit_code(err.code);
      cli_json_begin(&b);
      cli_json_str(&b, "file", pos[0], true);
      cli_json_str(&b, "verdict", "unreadable", false);
      cli_json_str(&b, "reason", err.message, false);
      cli_json_error(&b, bc_error_key(err.code), code, &err, NULL, false);
      cli_fail(&err);
      return cli_json_end(&b, code);
    }
    return cli_fail(&err);
  }
  bc_verdict v = bc_verify_result_verdict(r);
  size_t n = bc_verify_result_count(r);
  if (json) {
    bc_buf b;
    cli_json_begin(&b);
    cli_json_str(&b, "file", pos[0], true);
    cli_json_size(&b, "size", bc_verify_result_file_size(r), false);
    cli_json_size(&b, "revisions", bc_verify_result_revisions(r), false);
    cli_json_str(&b, "verdict", cli_verdict_key(v), false);
    cli_json_str(&b, "reason", bc_verify_result_reason(r), false);
    bc_json_key(&b, "signatures", false);
    cli_json_signatures(&b, bc_verify_result_signature(r, 0), n);
    if (cli_json_end(&b, EXIT_OK) == EXIT_NOMEM) {
      bc_verify_result_free(r);
      return EXIT_NOMEM;
    }
  } else if (verbosity > CLI_QUIET) {
    printf(ngettext("%s: %zu bytes, %zu revision, %zu signature field(s)\n",
                    "%s: %zu bytes, %zu revisions, %zu signature field(s)\n",
                    bc_verify_result_revisions(r)),
           pos[0], bc_verify_result_file_size(r), bc_verify_result_revisions(r), n);
    for (size_t i = 0; i < n; i++)
      cli_print_signature(stdout, bc_verify_result_signature(r, i));
    if (*bc_verify_result_reason(r))
      printf("%s: %s\n", bc_verdict_name(v), bc_verify_result_reason(r));
    else
      printf("%s\n", bc_verdict_name(v));
  }
  if (v == BC_VERDICT_MODIFIED || v == BC_VERDICT_INVALID)
    fprintf(stderr, _("baocao: '%s' %s: %s\n"), pos[0],
            v == BC_VERDICT_MODIFIED ? _("was changed after it was signed")
                                     : _("has a signature that does not check out"),
            bc_verify_result_reason(r));
  rc = v == BC_VERDICT_MODIFIED || v == BC_VERDICT_INVALID ? EXIT_INVALID
                                                          : EXIT_OK;
  for (size_t i = 0; i < n && rc == EXIT_OK; i++) {
    const bc_signature_report *s = bc_verify_result_signature(r, i);
    if (s->is_signed && s->chain != BC_CHAIN_TRUSTED) {
      fprintf(stderr, _("baocao: '%s': signature %s: certificate %s: %s\n"),
              pos[0], s->field, bc_chain_status_name(s->chain),
              s->chain_problem);
      rc = EXIT_UNTRUSTED;
    }
  }
  bc_verify_result_free(r);
  cli_detail(verbosity, "verify", "done in %.0f ms", cli_ms_since(&t0));
  return rc;
}
