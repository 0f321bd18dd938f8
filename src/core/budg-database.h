/* budg-database.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "budg-types.h"

G_BEGIN_DECLS

#define BUDG_TYPE_DATABASE (budg_database_get_type ())

G_DECLARE_FINAL_TYPE (BudgDatabase, budg_database, BUDG, DATABASE, GObject)

/* The schema version this build writes; PRAGMA user_version of a current file. */
#define BUDG_DATABASE_SCHEMA_VERSION 8

BudgDatabase  *budg_database_open              (const char    *path,
                                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
char          *budg_database_get_default_path  (void);
const char    *budg_database_get_path          (BudgDatabase  *self);
sqlite3       *budg_database_get_handle        (BudgDatabase  *self);
int            budg_database_get_schema_version (BudgDatabase *self);

sqlite3_stmt  *budg_database_prepare           (BudgDatabase  *self,
                                                const char    *sql,
                                                GError       **error);
gboolean       budg_database_exec              (BudgDatabase  *self,
                                                const char    *sql,
                                                GError       **error);
gboolean       budg_database_step_done         (BudgDatabase  *self,
                                                sqlite3_stmt  *stmt,
                                                GError       **error);
gboolean       budg_database_in_transaction    (BudgDatabase  *self);
gboolean       budg_database_begin             (BudgDatabase  *self,
                                                GError       **error);
gboolean       budg_database_commit            (BudgDatabase  *self,
                                                GError       **error);
void           budg_database_rollback          (BudgDatabase  *self);
void           budg_database_set_error         (BudgDatabase  *self,
                                                GError       **error,
                                                const char    *what);
void           budg_database_emit_changed      (BudgDatabase  *self,
                                                const char    *table);

char          *budg_database_drop_indexes      (BudgDatabase  *self,
                                                const char    *table,
                                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean       budg_database_backup            (BudgDatabase  *self,
                                                const char    *destination,
                                                GError       **error);
gboolean       budg_database_restore           (BudgDatabase  *self,
                                                const char    *source,
                                                GError       **error);
gboolean       budg_database_check_integrity   (BudgDatabase  *self,
                                                GError       **error);

G_END_DECLS
