/* cli/trust.c: where verify and db import-pdf take trust from: --trust,
 * else BAOCAO_TRUST, else the data directory's trust/ (docs/signing.md),
 * and --untrusted, --crl, --ocsp, --ocsp-timeout. */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool cli_trust(cli_trust_config *c,
               const cli_option *opts,
               size_t n,
               const char *command) {
  const char *flag = cli_get(opts, n, "trust");
  const char *env = getenv("BAOCAO_TRUST");
  const char *timeout = cli_get(opts, n, "ocsp-timeout");
  struct stat st;
  bc_trust_options init = BC_TRUST_OPTIONS_INIT;
  memset(c, 0, sizeof *c);
  c->options = init;
  if (flag)
    c->anchor = flag;
  else if (env && *env)
    c->anchor = env;
  else {
    snprintf(c->dir, sizeof c->dir, "%s/trust", cli_data_dir());
    if (stat(c->dir, &st) == 0 && S_ISDIR(st.st_mode))
      c->anchor = c->dir;
  }
  c->untrusted = cli_get(opts, n, "untrusted");
  c->crl = cli_get(opts, n, "crl");
  if (c->anchor) {
    c->options.anchors = &c->anchor;
    c->options.anchor_count = 1;
  }
  if (c->untrusted) {
    c->options.untrusted = &c->untrusted;
    c->options.untrusted_count = 1;
  }
  if (c->crl) {
    c->options.crls = &c->crl;
    c->options.crl_count = 1;
  }
  c->options.ocsp = cli_get(opts, n, "ocsp") != NULL;
  if (timeout) {
    char *end;
    long s = strtol(timeout, &end, 10);
    if (*end || s < 1 || s > 600) {
      fprintf(stderr,
              _("baocao %s: --ocsp-timeout takes whole seconds from 1 to 600\n"),
              command);
      return false;
    }
    c->options.ocsp_timeout_s = (int)s;
  }
  return true;
}
