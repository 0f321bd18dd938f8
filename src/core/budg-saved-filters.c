/* budg-saved-filters.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-saved-filters"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-error.h"
#include "budg-saved-filters.h"
#include "budg-validate.h"

GPtrArray *
budg_saved_filters_list (BudgDatabase  *database,
                         GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  stmt = budg_database_prepare (database, "SELECT name FROM saved_filters ORDER BY name COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the saved filters"));
      return NULL;
    }

  return g_steal_pointer (&names);
}

BudgTransactionQuery *
budg_saved_filters_load (BudgDatabase  *database,
                         const char    *name,
                         GError       **error)
{
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = budg_database_prepare (database, "SELECT query FROM saved_filters WHERE name = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND, _("There is no saved filter “%s”."), name);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      budg_database_set_error (database, error, _("reading the saved filter"));
      return NULL;
    }

  return budg_transaction_query_parse (text, error);
}

gboolean
budg_saved_filters_save (BudgDatabase                *database,
                         const char                  *name,
                         const BudgTransactionQuery  *query,
                         GError                     **error)
{
  g_autofree char *clean = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  if (!(clean = budg_validate_name (name, _("filter name"), error)))
    return FALSE;

  text = budg_transaction_query_to_string (query);
  stmt = budg_database_prepare (database,
                                "INSERT INTO saved_filters (name, query) VALUES (?1, ?2)"
                                " ON CONFLICT (name COLLATE NOCASE) DO UPDATE SET query = excluded.query",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, text, -1, SQLITE_STATIC);

  ok = budg_database_step_done (database, stmt, error);
  if (ok)
    budg_database_emit_changed (database, "saved_filters");

  return ok;
}

gboolean
budg_saved_filters_delete (BudgDatabase  *database,
                           const char    *name,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = budg_database_prepare (database, "DELETE FROM saved_filters WHERE name = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!budg_database_step_done (database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND, _("There is no saved filter “%s”."), name);
      return FALSE;
    }
  budg_database_emit_changed (database, "saved_filters");

  return TRUE;
}
