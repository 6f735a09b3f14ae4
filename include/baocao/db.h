/* baocao/db.h: creating a baocao database and loading SQL into it. */
#ifndef BAOCAO_DB_H
#define BAOCAO_DB_H

#include "baocao/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Creates an empty database with the current schema; BC_EIO if path
 * exists. */
int bc_database_create(const char *path, bc_error *err);

/* Runs an SQL file against a baocao database in one transaction. */
int bc_database_load_sql(const char *db_path,
                         const char *sql_path,
                         bc_error *err);

#ifdef __cplusplus
}
#endif

#endif
