/* tests/testpki.c: the throwaway PKI and the HTTP responder of
 * testpki.h. */
#include "testpki.h"
#include "testutil.h"

#include <arpa/inet.h>
#include <check.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static const char sign_cnf[] =
    "[v3_sign]\n"
    "basicConstraints = CA:FALSE\n"
    "keyUsage = critical,digitalSignature,nonRepudiation\n"
    "extendedKeyUsage = emailProtection,1.3.6.1.5.5.7.3.36\n"
    "subjectKeyIdentifier = hash\n"
    "authorityKeyIdentifier = keyid\n"
    "[v3_tls]\n"
    "basicConstraints = CA:FALSE\n"
    "keyUsage = critical,digitalSignature,keyEncipherment\n"
    "extendedKeyUsage = serverAuth\n"
    "[v3_nosign]\n"
    "basicConstraints = CA:FALSE\n"
    "keyUsage = critical,keyEncipherment\n"
    "[v3_tsa]\n"
    "basicConstraints = CA:FALSE\n"
    "keyUsage = critical,digitalSignature,nonRepudiation\n"
    "extendedKeyUsage = critical,timeStamping\n"
    "[v3_ocsp]\n"
    "basicConstraints = CA:FALSE\n"
    "keyUsage = critical,digitalSignature\n"
    "extendedKeyUsage = critical,OCSPSigning\n";

const char *tu_pki_path(char *buf, size_t size, const tu_pki *p,
                        const char *name) {
  snprintf(buf, size, "%s/%s", p->dir, name);
  return buf;
}

void tu_pki_run(const tu_pki *p, char **out, const char *command) {
  char cmd[4096];
  snprintf(cmd, sizeof cmd, "cd '%s' && export OPENSSL_CONF=/dev/null && %s",
           p->dir, command);
  ck_assert_msg(tu_run(out, cmd) == 0, "failed: %s", command);
}

void tu_pki_make(tu_pki *p, const char *name, const char *extra_cnf) {
  char path[700];
  FILE *fp;
  snprintf(p->dir, sizeof p->dir, "%s/%s", tu_tmpdir(), name);
  ck_assert(mkdir(p->dir, 0700) == 0 || errno == EEXIST);
  fp = fopen(tu_pki_path(path, sizeof path, p, "sign.cnf"), "wb");
  ck_assert_ptr_nonnull(fp);
  fputs(sign_cnf, fp);
  if (extra_cnf)
    fputs(extra_cnf, fp);
  fclose(fp);
  tu_pki_run(p, NULL, "openssl req -x509 -newkey rsa:2048 -nodes "
                      "-keyout root.key -out root.crt -days 3650 -sha256 "
                      "-subj '/CN=Test Root CA/O=Test PKI/C=VN' -utf8 "
                      "-addext 'basicConstraints=critical,CA:TRUE' "
                      "-addext 'keyUsage=critical,keyCertSign,cRLSign' "
                      "-addext 'subjectKeyIdentifier=hash' 2>/dev/null");
  tu_pki_path(p->root, sizeof p->root, p, "root.crt");
}

void tu_pki_leaf(const tu_pki *p,
                 const char *name,
                 const char *subject,
                 const char *ext,
                 char spki[65]) {
  char cmd[2048], *out = NULL;
  snprintf(cmd, sizeof cmd,
           "openssl req -new -newkey rsa:2048 -nodes -keyout %s.key "
           "-subj '%s' -utf8 -out %s.csr 2>/dev/null && "
           "openssl x509 -req -in %s.csr -CA root.crt -CAkey root.key "
           "-CAcreateserial -days 730 -sha256 -extfile sign.cnf "
           "-extensions %s -out %s.crt 2>/dev/null && "
           "openssl pkcs12 -export -inkey %s.key -in %s.crt "
           "-certfile root.crt -out %s.p12 -passout pass:matkhau",
           name, subject, name, name, ext, name, name, name, name);
  tu_pki_run(p, NULL, cmd);
  if (!spki)
    return;
  snprintf(cmd, sizeof cmd,
           "openssl x509 -in %s.crt -noout -pubkey | "
           "openssl pkey -pubin -outform DER | sha256sum",
           name);
  tu_pki_run(p, &out, cmd);
  ck_assert_ptr_nonnull(out);
  ck_assert_uint_ge(strlen(out), 64);
  memcpy(spki, out, 64);
  spki[64] = '\0';
  free(out);
}

/* ---- the HTTP responder ---- */

struct tu_http {
  int fd, requests, answered;
  tu_http_handler handler;
  void *ud;
  pthread_t thread;
};

/* Reads one request from c: headers, then Content-Length bytes. Returns
 * the body (malloc'd) and its length, the request's Content-Type in ct;
 * NULL when the request is cut short. */
static unsigned char *read_request(int c, size_t *len, char ct[128]) {
  size_t cap = 1 << 16, n = 0, want = 0, head = 0;
  unsigned char *buf = malloc(cap);
  ct[0] = '\0';
  while (buf) {
    ssize_t k = read(c, buf + n, cap - n - 1);
    if (k <= 0)
      break;
    n += (size_t)k;
    buf[n] = '\0';
    if (!head) {
      char *end = strstr((char *)buf, "\r\n\r\n");
      if (!end)
        continue;
      head = (size_t)(end - (char *)buf) + 4;
      for (char *line = (char *)buf; line && line < end;
           line = strstr(line, "\r\n") ? strstr(line, "\r\n") + 2 : NULL) {
        if (!strncasecmp(line, "Content-Length:", 15))
          want = strtoul(line + 15, NULL, 10);
        else if (!strncasecmp(line, "Content-Type:", 13))
          sscanf(line + 13, " %127[^\r\n;]", ct);
      }
      if (head + want >= cap) {
        cap = head + want + 1;
        unsigned char *more = realloc(buf, cap);
        if (!more)
          break;
        buf = more;
      }
    }
    if (head && n >= head + want) {
      memmove(buf, buf + head, want);
      *len = want;
      return buf;
    }
  }
  free(buf);
  return NULL;
}

static void *serve(void *arg) {
  tu_http *h = arg;
  for (int i = 0; i < h->requests; i++) {
    struct pollfd pfd = {h->fd, POLLIN, 0};
    if (poll(&pfd, 1, 60000) != 1)
      break;
    int c = accept(h->fd, NULL, NULL);
    if (c < 0)
      break;
    size_t len = 0, reply_len = 0;
    char ct[128], head[256];
    unsigned char *body = read_request(c, &len, ct), *reply = NULL;
    if (body)
      h->handler(&reply, &reply_len, body, len, h->ud);
    if (reply) {
      /* application/timestamp-query -> -reply, ocsp-request -> -response */
      char rct[160];
      char *q = strstr(ct, "-query"), *r = strstr(ct, "-request");
      if (q)
        snprintf(rct, sizeof rct, "%.*s-reply", (int)(q - ct), ct);
      else if (r)
        snprintf(rct, sizeof rct, "%.*s-response", (int)(r - ct), ct);
      else
        snprintf(rct, sizeof rct, "application/octet-stream");
      int n = snprintf(head, sizeof head,
                       "HTTP/1.0 200 OK\r\nContent-Type: %s\r\n"
                       "Content-Length: %zu\r\nConnection: close\r\n\r\n",
                       rct, reply_len);
      if (write(c, head, (size_t)n) == n &&
          write(c, reply, reply_len) == (ssize_t)reply_len)
        h->answered++;
    }
    free(reply);
    free(body);
    close(c);
  }
  return NULL;
}

tu_http *tu_http_start(char url_out[64],
                       int requests,
                       tu_http_handler handler,
                       void *ud) {
  tu_http *h = calloc(1, sizeof *h);
  struct sockaddr_in a;
  socklen_t alen = sizeof a;
  ck_assert_ptr_nonnull(h);
  h->requests = requests;
  h->handler = handler;
  h->ud = ud;
  h->fd = socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_ge(h->fd, 0);
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(bind(h->fd, (struct sockaddr *)&a, sizeof a), 0);
  ck_assert_int_eq(listen(h->fd, 4), 0);
  ck_assert_int_eq(getsockname(h->fd, (struct sockaddr *)&a, &alen), 0);
  snprintf(url_out, 64, "http://127.0.0.1:%u/", (unsigned)ntohs(a.sin_port));
  ck_assert_int_eq(pthread_create(&h->thread, NULL, serve, h), 0);
  return h;
}

int tu_http_stop(tu_http *h) {
  int answered;
  pthread_join(h->thread, NULL);
  close(h->fd);
  answered = h->answered;
  free(h);
  return answered;
}
