/* budg-migrations.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include <glib.h>

G_BEGIN_DECLS

/* 'Budg' in ASCII: PRAGMA application_id of every Budg database, so that a
 * random SQLite file is told apart from ours.
 */
#define BUDG_APPLICATION_ID 0x42756467

const char *budg_migrations_get_sql             (int       version);
char       *budg_migrations_build_audit_triggers (sqlite3  *db,
                                                  GError  **error);
char       *budg_migrations_build_drop_audit_triggers (void);

G_END_DECLS
