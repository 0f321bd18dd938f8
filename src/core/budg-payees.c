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

/**
 * budg_payees_complete:
 * @text: what the user typed so far
 * @limit: at most this many names
 *
 * Names that start with @text come before names that only contain it; each
 * group is ordered by how often the payee was used. Matching is
 * case-insensitive (for ASCII letters, as SQLite's LIKE is).
 *
 * Returns: (transfer container) (nullable): owned names, or %NULL with @error set
 */
GPtrArray *
budg_payees_complete (BudgDatabase  *database,
                      const char    *text,
                      guint          limit,
                      GError       **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) escaped = g_string_new (NULL);
  g_autofree char *prefix = NULL;
  g_autofree char *infix = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (escaped, '\\');
      g_string_append_c (escaped, *p);
    }
  prefix = g_strconcat (escaped->str, "%", NULL);
  infix = g_strconcat ("%", escaped->str, "%", NULL);

  stmt = budg_database_prepare (database,
                                "SELECT p.name FROM payees p"
                                " WHERE p.name LIKE ?2 ESCAPE '\\'"
                                " ORDER BY p.name NOT LIKE ?1 ESCAPE '\\',"
                                "  (SELECT count(*) FROM transactions t WHERE t.payee_id = p.id) DESC,"
                                "  p.name COLLATE NOCASE"
                                " LIMIT ?3",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, prefix, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, infix, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64) limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("looking up payees"));
      return NULL;
    }

  return g_steal_pointer (&names);
}

/**
 * budg_payees_last_category:
 *
 * What the user filed this payee under last time, to suggest it again.
 * Sets @out_category_id to 0 when the payee is unknown or never had one.
 */
gboolean
budg_payees_last_category (BudgDatabase  *database,
                           const char    *name,
                           gint64        *out_category_id,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (out_category_id != NULL, FALSE);

  *out_category_id = 0;
  stmt = budg_database_prepare (database,
                                "SELECT t.category_id FROM transactions t"
                                " WHERE t.payee_id = (SELECT id FROM payees WHERE name = ?1 COLLATE NOCASE)"
                                "   AND t.category_id IS NOT NULL"
                                " ORDER BY t.date DESC, t.id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_category_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("looking up the payee"));
      return FALSE;
    }

  return TRUE;
}
