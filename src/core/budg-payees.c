/* budg-payees.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-payees"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-payees.h"

/**
 * budg_payees_ensure:
 * @name: a validated, trimmed payee name
 *
 * Finds the payee called @name, creating it on first use. Payees are shared
 * by name without regard to case, so "ACME" and "acme" are one payee.
 */
gboolean
budg_payees_ensure (BudgDatabase  *database,
                    const char    *name,
                    gint64        *out_id,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = budg_database_prepare (database,
                                "INSERT INTO payees (name) VALUES (?1) ON CONFLICT DO NOTHING", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (database, stmt, error))
    return FALSE;

  stmt = budg_database_prepare (database,
                                "SELECT id FROM payees WHERE name = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      budg_database_set_error (database, error, _("saving the payee"));
      return FALSE;
    }

  return TRUE;
}

gboolean
budg_payees_count (BudgDatabase  *database,
                   gint64        *out_count,
                   GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  stmt = budg_database_prepare (database, "SELECT count(*) FROM payees", error);
  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      budg_database_set_error (database, error, _("counting the payees"));
      sqlite3_reset (stmt);
      return FALSE;
    }

  *out_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}
