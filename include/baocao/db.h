/* baocao/db.h: creating, upgrading and loading a baocao database. */
#ifndef BAOCAO_DB_H
#define BAOCAO_DB_H

#include "baocao/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Creates an empty database with the current schema; BC_EIO if path
 * exists. */
int bc_database_create(const char *path, bc_error *err);

/* Upgrades a database of an earlier schema version in place, in one
 * transaction; *from_version is the version it had. */
int bc_database_upgrade(const char *path, int *from_version, bc_error *err);

/* Runs an SQL file against a baocao database in one transaction. */
int bc_database_load_sql(const char *db_path,
                         const char *sql_path,
                         bc_error *err);

#ifdef __cplusplus
}
#endif

#endif
