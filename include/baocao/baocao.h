/* baocao/baocao.h: the whole public API of libbaocao. */
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
