/* common/error.c: bc_error helpers; formatting into fixed buffers only. */
#include "common/error.h"

#include "common/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static void copy_field(char *dst, size_t size, const char *src) {
  size_t n = strlen(src);
  if (n >= size)
    n = size - 1;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

void bc_error_clear(bc_error *err) {
  if (!err)
    return;
  memset(err, 0, sizeof *err);
}

int bc_error_set(bc_error *err, int code, const char *fmt, ...) {
  va_list ap;
  if (!err)
    return code;
  err->code = code;
  va_start(ap, fmt);
  /* The format in the user's language (msgfmt --check-format keeps its
   * conversions those of the English one). */
  vsnprintf(err->message, sizeof err->message, bc_tr(fmt), ap);
  va_end(ap);
  /* One line: a message never carries a newline from the data it quotes. */
  for (char *p = err->message; *p; p++)
    if (*p == '\n' || *p == '\r')
      *p = ' ';
  return code;
}

int bc_error_oom(bc_error *err) {
  if (!err)
    return BC_ENOMEM;
  err->code = BC_ENOMEM;
  copy_field(err->message, sizeof err->message, bc_tr("out of memory"));
  return BC_ENOMEM;
}

void bc_error_locate(bc_error *err, const char *file, int line, int column) {
  if (!err || err->file[0] || !file)
    return;
  copy_field(err->file, sizeof err->file, file);
  err->line = line;
  err->column = column;
}

void bc_error_context(bc_error *err, const char *agency, const char *period) {
  if (!err)
    return;
  if (agency && !err->agency[0])
    copy_field(err->agency, sizeof err->agency, agency);
  if (period && !err->period[0])
    copy_field(err->period, sizeof err->period, period);
}

const char *bc_error_format(const bc_error *err, char *buf, size_t size) {
  size_t n = 0;
  int w;
  if (!size)
    return buf;
  buf[0] = '\0';
#define APPEND(...)                                                            \
  do {                                                                         \
    w = snprintf(buf + n, size - n, __VA_ARGS__);                              \
    if (w < 0 || (size_t)w >= size - n)                                        \
      return buf;                                                              \
    n += (size_t)w;                                                            \
  } while (0)
  if (err->file[0]) {
    APPEND("%s", err->file);
    if (err->line > 0)
      APPEND(":%d", err->line);
    if (err->line > 0 && err->column > 0)
      APPEND(":%d", err->column);
    APPEND(": ");
  }
  APPEND("%s", err->message[0] ? err->message : bc_error_code_name(err->code));
  if (err->agency[0] && err->period[0])
    APPEND(bc_tr(" (agency %s, period %s)"), err->agency, err->period);
  else if (err->agency[0])
    APPEND(bc_tr(" (agency %s)"), err->agency);
  else if (err->period[0])
    APPEND(bc_tr(" (period %s)"), err->period);
#undef APPEND
  return buf;
}

const char *bc_error_code_name(int code) {
  switch (code) {
  case BC_OK:
    return bc_tr("no error");
  case BC_ENOMEM:
    return bc_tr("out of memory");
  case BC_EIO:
    return bc_tr("output error");
  case BC_ENOTFOUND:
    return bc_tr("not found");
  case BC_ESYNTAX:
    return bc_tr("template error");
  case BC_EDATA:
    return bc_tr("missing or invalid data");
  case BC_EFONT:
    return bc_tr("font error");
  case BC_ESCHEMA:
    return bc_tr("not a baocao database");
  case BC_EDB:
    return bc_tr("database error");
  case BC_EINPUT:
    return bc_tr("input error");
  case BC_ELAYOUT:
    return bc_tr("layout error");
  case BC_ECERT:
    return bc_tr("certificate error");
  case BC_EPDF:
    return bc_tr("PDF error");
  case BC_ENET:
    return bc_tr("network service error");
  case BC_EUNTRUSTED:
    return bc_tr("untrusted signature");
  case BC_EINVAL:
    return bc_tr("invalid argument");
  default:
    return bc_tr("error");
  }
}

const char *bc_error_key(int code) {
  switch (code) {
  case BC_ENOMEM:
    return "out_of_memory";
  case BC_EIO:
    return "output";
  case BC_ENOTFOUND:
    return "not_found";
  case BC_ESYNTAX:
    return "template";
  case BC_EDATA:
    return "data";
  case BC_EFONT:
    return "font";
  case BC_ESCHEMA:
    return "schema";
  case BC_EDB:
    return "database";
  case BC_EINPUT:
    return "input";
  case BC_ELAYOUT:
    return "layout";
  case BC_ECERT:
    return "certificate";
  case BC_EPDF:
    return "pdf";
  case BC_EVERIFY:
    return "signature";
  case BC_ENET:
    return "network";
  case BC_EUNTRUSTED:
    return "untrusted";
  case BC_EINVAL:
    return "invalid_argument";
  default:
    return "internal";
  }
}
