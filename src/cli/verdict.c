/* cli/verdict.c: what `verify` and `db import-pdf` print about a file's
 * signatures: the lines for people and the JSON for scripts (the JSON
 * Schema is docs/json/baocao-verify.schema.json). */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <stdio.h>
#include <string.h>

const char *cli_verdict_key(bc_verdict v) {
  switch (v) {
  case BC_VERDICT_SIGNED:
    return "signed";
  case BC_VERDICT_MODIFIED:
    return "modified";
  case BC_VERDICT_INVALID:
    return "invalid";
  default:
    return "unsigned";
  }
}

/* The chain status as a JSON token: "trusted", "revocation_unknown", ... */
static const char *chain_key(bc_chain_status c) {
  static const char *const keys[] = {
      "not_checked", "trusted",       "revocation_unknown", "not_for_signing",
      "untrusted",   "not_yet_valid", "expired",            "revoked"};
  return (unsigned)c < sizeof keys / sizeof keys[0] ? keys[c] : "not_checked";
}

void cli_json_signatures(bc_buf *b,
                         const bc_signature_report *sigs,
                         size_t count) {
  bc_buf_putc(b, '[');
  for (size_t i = 0; i < count; i++) {
    const bc_signature_report *s = &sigs[i];
    bc_buf_puts(b, i ? ",{" : "{");
    cli_json_str(b, "field", s->field, true);
    cli_json_bool(b, "signed", s->is_signed, false);
    if (s->is_signed) {
      cli_json_str(b, "signer", s->signer, false);
      cli_json_str(b, "signed_at", s->signed_at, false);
      cli_json_str(b, "subfilter", s->subfilter, false);
      cli_json_size(b, "revision", s->revision, false);
      cli_json_size(b, "covered", s->covered, false);
      cli_json_bool(b, "whole_file", s->whole_file, false);
      cli_json_bool(b, "valid", s->intact, false);
      cli_json_str(b, "problem", s->problem, false);
      cli_json_str(b, "chain", chain_key(s->chain), false);
      cli_json_str(b, "chain_problem", s->chain_problem, false);
      cli_json_str(b, "checked_at", s->checked_at, false);
      cli_json_bool(b, "trusted_time", s->trusted_time, false);
      cli_json_str(b, "timestamp_at", s->timestamp_at, false);
      cli_json_str(b, "timestamp_problem", s->timestamp_problem, false);
      cli_json_str(b, "revocation", s->revocation, false);
      cli_json_str(b, "subject", s->subject, false);
      cli_json_str(b, "issuer", s->issuer, false);
      cli_json_str(b, "spki_sha256", s->spki_sha256, false);
      cli_json_bool(b, "removed", s->removed, false);
      cli_json_bool(b, "modified", s->modified, false);
      bc_buf_puts(b, ",\"changes\":[");
      for (size_t k = 0; k < s->change_count; k++) {
        bc_buf_puts(b, k ? ",{" : "{");
        cli_json_str(b, "what", s->changes[k].what, true);
        cli_json_bool(b, "allowed", s->changes[k].allowed, false);
        bc_buf_putc(b, '}');
      }
      bc_buf_putc(b, ']');
    }
    bc_buf_putc(b, '}');
  }
  bc_buf_putc(b, ']');
}

void cli_print_signature(FILE *out, const bc_signature_report *s) {
  if (!s->is_signed) {
    fprintf(out, _("  %s: not signed\n"), s->field);
    return;
  }
  fprintf(out,
          s->removed ? _("  %s: REMOVED, was signed by %s at %s; ")
                     : _("  %s: signed by %s at %s; "),
          s->field, s->signer[0] ? s->signer : "?",
          s->signed_at[0] ? s->signed_at : "?");
  if (s->whole_file)
    fputs(_("covers the whole file; "), out);
  else if (s->revision)
    fprintf(out, _("covers bytes 0-%zu (revision %zu); "), s->covered,
            s->revision);
  fprintf(out, "%s\n", s->intact ? _("intact") : s->problem);
  if (s->intact && s->chain != BC_CHAIN_NOT_CHECKED) {
    fprintf(out, _("    certificate: %s"), bc_chain_status_name(s->chain));
    if (*s->chain_problem)
      fprintf(out, " (%s)", s->chain_problem);
    fprintf(out, _("; %s, issued by %s\n"), s->subject, s->issuer);
    fprintf(out, _("    time: %s %s; revocation: %s\n"), s->checked_at,
            s->trusted_time ? _("from the timestamp") : _("as the file claims"),
            s->revocation);
    if (*s->timestamp_problem)
      fprintf(out, _("    timestamp not used: %s\n"), s->timestamp_problem);
  }
  for (size_t k = 0; k < s->change_count; k++)
    fprintf(out, _("    then: %s (%s)\n"), s->changes[k].what,
            s->changes[k].allowed ? _("allowed") : _("a modification"));
}
