/* common/i18n.h: the library's messages translated through gettext (text
 * domain "baocao", bound by the program; unbound, every message stays
 * English). */
#ifndef BC_COMMON_I18N_H
#define BC_COMMON_I18N_H

#include <libintl.h>

#define BC_TEXT_DOMAIN "baocao"

/* msgid in the user's language (borrowed, static). "" stays "" (gettext
 * would return the catalogue's header). */
#if defined(__GNUC__)
__attribute__((format_arg(1)))
#endif
static inline const char *bc_tr(const char *msgid) {
  return msgid && msgid[0] ? dgettext(BC_TEXT_DOMAIN, msgid) : msgid;
}

/* Marks a literal for xgettext where it is translated later with bc_tr;
 * BC_NF_ a printf format (the branches of a `cond ? "a %s" : "b %s"` given
 * to bc_error_set, whose first branch alone xgettext would find). */
#define BC_N_(s) (s)
#define BC_NF_(s) (s)

#endif
