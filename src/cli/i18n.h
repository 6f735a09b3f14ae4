/* cli/i18n.h: gettext for the command line's own text. */
#ifndef BC_CLI_I18N_H
#define BC_CLI_I18N_H
#include <libintl.h>
#define _(s) gettext(s)
#define N_(s) (s)
#endif
