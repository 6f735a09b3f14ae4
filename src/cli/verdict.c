/* cli/verdict.c: what `verify` and `db import-pdf` print about a file's
 * signatures: the lines for people and the JSON for scripts (the JSON
 * Schema is docs/verify.schema.json). */
#include "cli/cli.h"
#include "cli/i18n.h"

#include <stdio.h>
#include <string.h>

void cli_json_string(FILE *out, const char *s) {
  fputc('"', out);
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (*p == '"' || *p == '\\')
      fprintf(out, "\\%c", *p);
    else if (*p < 0x20)
      fprintf(out, "\\u%04x", *p);
    else
      fputc(*p, out);
  }
  fputc('"', out);
}

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

/* ", \"key\": \"value\"" */
static void put(FILE *out, const char *key, const char *value) {
  fprintf(out, ", \"%s\": ", key);
  cli_json_string(out, value);
}

void cli_json_signatures(FILE *out,
                         const bc_signature_report *sigs,
                         size_t count) {
  fputc('[', out);
  for (size_t i = 0; i < count; i++) {
    const bc_signature_report *s = &sigs[i];
    fputs(i ? ", {\"field\": " : "{\"field\": ", out);
    cli_json_string(out, s->field);
    fprintf(out, ", \"signed\": %s", s->is_signed ? "true" : "false");
    if (s->is_signed) {
      put(out, "signer", s->signer);
      put(out, "signed_at", s->signed_at);
      put(out, "subfilter", s->subfilter);
      fprintf(out,
              ", \"revision\": %zu, \"covered\": %zu, \"whole_file\": %s, "
              "\"valid\": %s",
              s->revision, s->covered, s->whole_file ? "true" : "false",
              s->intact ? "true" : "false");
      put(out, "problem", s->problem);
      put(out, "chain", chain_key(s->chain));
      put(out, "chain_problem", s->chain_problem);
      put(out, "checked_at", s->checked_at);
      fprintf(out, ", \"trusted_time\": %s",
              s->trusted_time ? "true" : "false");
      put(out, "timestamp_at", s->timestamp_at);
      put(out, "timestamp_problem", s->timestamp_problem);
      put(out, "revocation", s->revocation);
      put(out, "subject", s->subject);
      put(out, "issuer", s->issuer);
      put(out, "spki_sha256", s->spki_sha256);
      fprintf(out, ", \"removed\": %s, \"modified\": %s, \"changes\": [",
              s->removed ? "true" : "false", s->modified ? "true" : "false");
      for (size_t k = 0; k < s->change_count; k++) {
        fputs(k ? ", {\"what\": " : "{\"what\": ", out);
        cli_json_string(out, s->changes[k].what);
        fprintf(out, ", \"allowed\": %s}",
                s->changes[k].allowed ? "true" : "false");
      }
      fputc(']', out);
    }
    fputc('}', out);
  }
  fputc(']', out);
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
