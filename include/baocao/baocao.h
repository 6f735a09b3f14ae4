/* baocao/baocao.h: the whole public API of libbaocao. */
/*
 * Conventions (docs/architecture.md, "Public API conventions"): every
 * options struct starts with its version and defaults every field to
 * zero, so BC_X_OPTIONS_INIT or bc_x_options_init() and the fields one
 * means are enough; a function that returns an error code refuses a NULL
 * it cannot go without or another options version with BC_EINVAL and the
 * message "function: argument"; only BC_EXPORT functions are exported.
 */
#ifndef BAOCAO_BAOCAO_H
#define BAOCAO_BAOCAO_H

#include "baocao/alloc.h"
#include "baocao/bulk.h"
#include "baocao/check.h"
#include "baocao/db.h"
#include "baocao/error.h"
#include "baocao/exchange.h"
#include "baocao/render.h"
#include "baocao/sign.h"
#include "baocao/temp.h"
#include "baocao/version.h"

#endif
