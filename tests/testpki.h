/* tests/testpki.h: a throwaway PKI made with the openssl command (a root
 * CA and leaves issued by it, as PKCS#12) and a one-thread HTTP responder
 * on 127.0.0.1 for the time-stamping and OCSP requests of the sign and
 * exchange suites. */
#ifndef BC_TESTPKI_H
#define BC_TESTPKI_H

#include <stddef.h>

/* A PKI in its own directory: root.crt and root.key (CN "Test Root CA"),
 * sign.cnf with the extension sections leaves are issued with: v3_sign
 * (digitalSignature, nonRepudiation; emailProtection, documentSigning),
 * v3_tls (serverAuth only), v3_nosign (keyEncipherment only), v3_tsa
 * (timeStamping), v3_ocsp (OCSPSigning). */
typedef struct tu_pki {
  char dir[600];
  char root[700]; /* root.crt */
} tu_pki;

/* Makes tu_tmpdir()/name with its root CA (again each time: a fork of a
 * test makes its own). extra_cnf (or NULL) is appended to sign.cnf, e.g.
 * an authorityInfoAccess for an OCSP responder in section v3_aia. */
void tu_pki_make(tu_pki *p, const char *name, const char *extra_cnf);

/* Runs command in p->dir (OpenSSL's configuration file ignored); its
 * standard output in *out (malloc'd) when out is not NULL. Fails the test
 * when the command does. */
void tu_pki_run(const tu_pki *p, char **out, const char *command);

/* name.key, name.crt (issued by the root with section ext of sign.cnf,
 * valid 730 days) and name.p12 (password "matkhau", with the root); the
 * SHA-256 of its SubjectPublicKeyInfo into spki (hex) when not NULL. */
void tu_pki_leaf(const tu_pki *p,
                 const char *name,
                 const char *subject,
                 const char *ext,
                 char spki[65]);

/* p->dir "/" name into buf. */
const char *tu_pki_path(char *buf, size_t size, const tu_pki *p,
                        const char *name);

/* Answers one POSTed body: the reply's bytes in *reply (malloc'd; NULL:
 * close without answering) and its length. */
typedef void (*tu_http_handler)(unsigned char **reply,
                                size_t *reply_len,
                                const unsigned char *body,
                                size_t body_len,
                                void *ud);

/* A server on 127.0.0.1 that answers `requests` POSTs with handler, one
 * at a time, in a thread of its own, then stops (or after 60 s without a
 * request). */
typedef struct tu_http tu_http;

/* Starts it; its URL is "http://127.0.0.1:PORT/" (url_out, 64 bytes). */
tu_http *tu_http_start(char url_out[64],
                       int requests,
                       tu_http_handler handler,
                       void *ud);
/* Waits for it to stop; the number of requests it answered. */
int tu_http_stop(tu_http *h);

#endif
