/* budg-reconcile.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-reconcile"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-reconcile.h"

void
budg_reconcile_summary_clear (BudgReconcileSummary *summary)
{
  g_return_if_fail (summary != NULL);

  g_clear_pointer (&summary->opening_date, g_free);
  memset (summary, 0, sizeof *summary);
}

static gboolean
read_currency (BudgDatabase  *database,
               gint64         account_id,
               char         **out_currency,
               GError       **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, "SELECT currency FROM accounts WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_currency = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("The account to reconcile does not exist."));
  else
    budg_database_set_error (database, error, _("reconciling"));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

/**
 * budg_reconcile_compute:
 *
 * The statement covers everything up to @statement_date. Its starting point
 * is the latest balance snapshot before that date (a previous statement or
 * a balance the user recorded), so a snapshot *on* the statement date is the
 * thing being checked, not the start.
 */
gboolean
budg_reconcile_compute (BudgDatabase          *database,
                        gint64                 account_id,
                        const char            *statement_date,
                        gint64                 statement_balance_minor,
                        BudgReconcileSummary  *out_summary,
                        GError               **error)
{
  g_autofree char *date = NULL;
  g_autofree char *currency = NULL;
  BudgReconcileSummary summary = { 0 };
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (out_summary != NULL, FALSE);

  if (!(date = budg_date_normalize (statement_date, error)) ||
      !read_currency (database, account_id, &currency, error))
    return FALSE;

  stmt = budg_database_prepare (database,
                                "SELECT date, amount_minor FROM balance_snapshots"
                                " WHERE account_id = ?1 AND date < ?2 ORDER BY date DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      summary.opening_date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      summary.opening_balance_minor = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  stmt = budg_database_prepare (database,
                                "SELECT coalesce(sum(CASE WHEN status != 'pending' THEN amount_minor END), 0),"
                                "       count(CASE WHEN status = 'cleared' THEN 1 END),"
                                "       count(CASE WHEN status = 'pending' THEN 1 END)"
                                " FROM transactions WHERE account_id = ?1 AND date > ?2 AND date <= ?3",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, summary.opening_date != NULL ? summary.opening_date : "", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 cleared = sqlite3_column_int64 (stmt, 0);

      summary.n_cleared = sqlite3_column_int (stmt, 1);
      summary.n_pending = sqlite3_column_int (stmt, 2);
      sqlite3_reset (stmt);

      summary.statement_balance_minor = statement_balance_minor;
      if (!budg_money_add (summary.opening_balance_minor, cleared, &summary.cleared_balance_minor, error) ||
          !budg_money_subtract (statement_balance_minor, summary.cleared_balance_minor,
                                &summary.difference_minor, error))
        goto failed;
    }
  else
    {
      sqlite3_reset (stmt);
      budg_database_set_error (database, error, _("reconciling"));
      goto failed;
    }

  *out_summary = summary;

  return TRUE;

failed:
  budg_reconcile_summary_clear (&summary);
  return FALSE;
}

gboolean
budg_reconcile_finish (BudgDatabase  *database,
                       gint64         account_id,
                       const char    *statement_date,
                       gint64         statement_balance_minor,
                       guint         *out_count,
                       GError       **error)
{
  g_autofree char *date = NULL;
  g_autofree char *currency = NULL;
  BudgReconcileSummary summary = { 0 };
  sqlite3_stmt *stmt;
  guint count;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  if (!(date = budg_date_normalize (statement_date, error)) ||
      !read_currency (database, account_id, &currency, error))
    return FALSE;

  if (!budg_database_begin (database, error))
    return FALSE;

  if (!budg_reconcile_compute (database, account_id, date, statement_balance_minor, &summary, error))
    goto failed;

  if (summary.difference_minor != 0)
    {
      g_autofree char *cleared = budg_money_format (summary.cleared_balance_minor, currency);
      g_autofree char *statement = budg_money_format (statement_balance_minor, currency);
      g_autofree char *difference = budg_money_format (summary.difference_minor, currency);

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The cleared transactions come to %s but the statement says %s (a difference of %s). "
                     "Tick the transactions the statement shows, or correct them, until the difference is zero."),
                   cleared, statement, difference);
      budg_reconcile_summary_clear (&summary);
      goto failed;
    }

  stmt = budg_database_prepare (database,
                                "UPDATE transactions SET status = 'reconciled'"
                                " WHERE account_id = ?1 AND date <= ?2 AND status = 'cleared'",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  if (!budg_database_step_done (database, stmt, error))
    goto failed;
  count = sqlite3_changes (budg_database_get_handle (database));

  stmt = budg_database_prepare (database,
                                "INSERT INTO reconciliations (account_id, statement_date,"
                                " statement_balance_minor, transaction_count) VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, statement_balance_minor);
  sqlite3_bind_int (stmt, 4, count);
  if (!budg_database_step_done (database, stmt, error))
    goto failed;

  budg_database_emit_changed (database, "transactions");
  budg_database_emit_changed (database, "reconciliations");
  budg_reconcile_summary_clear (&summary);

  if (!budg_database_commit (database, error))
    goto failed;

  if (out_count != NULL)
    *out_count = count;

  return TRUE;

failed:
  budg_reconcile_summary_clear (&summary);
  budg_database_rollback (database);
  return FALSE;
}

gboolean
budg_reconcile_get_last (BudgDatabase  *database,
                         gint64         account_id,
                         char         **out_date,
                         gint64        *out_balance_minor,
                         GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (out_date != NULL, FALSE);

  *out_date = NULL;
  stmt = budg_database_prepare (database,
                                "SELECT statement_date, statement_balance_minor FROM reconciliations"
                                " WHERE account_id = ?1 ORDER BY statement_date DESC, id DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      if (out_balance_minor != NULL)
        *out_balance_minor = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the last reconciliation"));
      return FALSE;
    }

  return TRUE;
}
