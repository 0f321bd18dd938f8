/* budg-checkpoints.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-checkpoints"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-checkpoints.h"
#include "budg-error.h"
#include "budg-money.h"

/* An insert adds to the day and month rows (creating them); a delete only
 * subtracts from rows that exist. It never inserts, because when an account
 * is deleted its checkpoint rows may already be gone by the time the cascade
 * deletes its transactions, and a new row would then point at no account.
 */
static const char triggers_sql[] =
  "DROP TRIGGER IF EXISTS checkpoints_insert;\n"
  "DROP TRIGGER IF EXISTS checkpoints_delete;\n"
  "DROP TRIGGER IF EXISTS checkpoints_update;\n"
  "CREATE TRIGGER checkpoints_insert AFTER INSERT ON transactions BEGIN\n"
  "  INSERT INTO account_day_totals (account_id, day, total_minor)\n"
  "    VALUES (NEW.account_id, NEW.date, NEW.amount_minor)\n"
  "    ON CONFLICT (account_id, day) DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO account_month_totals (account_id, month, total_minor)\n"
  "    VALUES (NEW.account_id, substr(NEW.date, 1, 7), NEW.amount_minor)\n"
  "    ON CONFLICT (account_id, month) DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n"
  "CREATE TRIGGER checkpoints_delete AFTER DELETE ON transactions BEGIN\n"
  "  UPDATE account_day_totals SET total_minor = total_minor - OLD.amount_minor\n"
  "    WHERE account_id = OLD.account_id AND day = OLD.date;\n"
  "  UPDATE account_month_totals SET total_minor = total_minor - OLD.amount_minor\n"
  "    WHERE account_id = OLD.account_id AND month = substr(OLD.date, 1, 7);\n"
  "END;\n"
  "CREATE TRIGGER checkpoints_update AFTER UPDATE OF account_id, date, amount_minor ON transactions BEGIN\n"
  "  UPDATE account_day_totals SET total_minor = total_minor - OLD.amount_minor\n"
  "    WHERE account_id = OLD.account_id AND day = OLD.date;\n"
  "  UPDATE account_month_totals SET total_minor = total_minor - OLD.amount_minor\n"
  "    WHERE account_id = OLD.account_id AND month = substr(OLD.date, 1, 7);\n"
  "  INSERT INTO account_day_totals (account_id, day, total_minor)\n"
  "    VALUES (NEW.account_id, NEW.date, NEW.amount_minor)\n"
  "    ON CONFLICT (account_id, day) DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "  INSERT INTO account_month_totals (account_id, month, total_minor)\n"
  "    VALUES (NEW.account_id, substr(NEW.date, 1, 7), NEW.amount_minor)\n"
  "    ON CONFLICT (account_id, month) DO UPDATE SET total_minor = total_minor + excluded.total_minor;\n"
  "END;\n";

static const char drop_triggers_sql[] =
  "DROP TRIGGER IF EXISTS checkpoints_insert;\n"
  "DROP TRIGGER IF EXISTS checkpoints_delete;\n"
  "DROP TRIGGER IF EXISTS checkpoints_update;\n";

const char *
budg_checkpoints_get_triggers_sql (void)
{
  return triggers_sql;
}

const char *
budg_checkpoints_get_drop_triggers_sql (void)
{
  return drop_triggers_sql;
}

/**
 * budg_checkpoints_rebuild:
 *
 * Recomputes every checkpoint from the transactions, for loaders that
 * suspended the triggers. Runs inside the caller's transaction if any.
 */
gboolean
budg_checkpoints_rebuild (BudgDatabase  *database,
                          GError       **error)
{
  static const char *const steps[] = {
    "DELETE FROM account_day_totals",
    "DELETE FROM account_month_totals",
    "INSERT INTO account_day_totals (account_id, day, total_minor)"
    " SELECT account_id, date, sum(amount_minor) FROM transactions GROUP BY account_id, date",
    "INSERT INTO account_month_totals (account_id, month, total_minor)"
    " SELECT account_id, substr(day, 1, 7), sum(total_minor) FROM account_day_totals"
    " GROUP BY account_id, substr(day, 1, 7)",
  };

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  if (!budg_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = budg_database_prepare (database, steps[i], error);

      if (stmt == NULL || !budg_database_step_done (database, stmt, error))
        {
          budg_database_rollback (database);
          return FALSE;
        }
    }

  return budg_database_commit (database, error);
}

static gboolean
sum_one (BudgDatabase  *database,
         sqlite3_stmt  *stmt,
         gint64        *inout_total,
         GError       **error)
{
  gboolean ok = FALSE;

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      /* SQLite's sum() already fails on integer overflow, and the result
       * fits, so only the addition to the running total needs a check. */
      ok = budg_money_add (*inout_total, sqlite3_column_int64 (stmt, 0), inout_total, error);
    }
  else
    budg_database_set_error (database, error, _("computing the running balance"));

  sqlite3_reset (stmt);

  return ok;
}

/**
 * budg_checkpoints_balance_after:
 *
 * The balance of @account_id right after the transaction (@date,
 * @transaction_id) in register order (date, then id). A balance snapshot
 * holds at the end of its day, so the baseline is the latest snapshot
 * strictly before @date; everything after it is summed from whole months,
 * then whole days, then the rows of @date itself up to @transaction_id.
 */
gboolean
budg_checkpoints_balance_after (BudgDatabase  *database,
                                gint64         account_id,
                                const char    *date,
                                gint64         transaction_id,
                                gint64        *out_balance,
                                GError       **error)
{
  g_autofree char *since = NULL;
  g_autofree char *since_month = NULL;
  g_autofree char *since_month_end = NULL;
  g_autofree char *date_month = NULL;
  g_autofree char *date_month_start = NULL;
  gint64 total = 0;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (date != NULL && strlen (date) == 10, FALSE);
  g_return_val_if_fail (out_balance != NULL, FALSE);

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
      since = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      total = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  /* Without a snapshot, "" sorts before every date and every month. */
  since_month = since != NULL ? g_strndup (since, 7) : g_strdup ("");
  date_month = g_strndup (date, 7);

  /* Whole months strictly between the snapshot's month and @date's. */
  stmt = budg_database_prepare (database,
                                "SELECT coalesce(sum(total_minor), 0) FROM account_month_totals"
                                " WHERE account_id = ?1 AND month > ?2 AND month < ?3",
                                error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, since_month, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, date_month, -1, SQLITE_STATIC);
    }
  if (!sum_one (database, stmt, &total, error))
    return FALSE;

  /* Whole days: the rest of the snapshot's month, and the start of @date's
   * month (one range when both are the same month). "-99" sorts after every
   * day of a month and "-00" before. */
  if (g_strcmp0 (since_month, date_month) == 0)
    {
      since_month_end = g_strdup (date);
      date_month_start = g_strdup (date);
    }
  else
    {
      since_month_end = g_strconcat (since_month, "-99", NULL);
      date_month_start = g_strconcat (date_month, "-00", NULL);
    }

  stmt = budg_database_prepare (database,
                                "SELECT (SELECT coalesce(sum(total_minor), 0) FROM account_day_totals"
                                "         WHERE account_id = ?1 AND day > ?2 AND day < ?3)"
                                "     + (SELECT coalesce(sum(total_minor), 0) FROM account_day_totals"
                                "         WHERE account_id = ?1 AND day > ?4 AND day >= ?5 AND day < ?6)",
                                error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, since != NULL ? since : "", -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, since_month_end, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, since_month_end, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, date_month_start, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, date, -1, SQLITE_STATIC);
    }
  if (!sum_one (database, stmt, &total, error))
    return FALSE;

  /* The rows of @date up to and including @transaction_id. */
  stmt = budg_database_prepare (database,
                                "SELECT coalesce(sum(amount_minor), 0) FROM transactions"
                                " WHERE account_id = ?1 AND date = ?2 AND id <= ?3",
                                error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, account_id);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, transaction_id);
    }
  if (!sum_one (database, stmt, &total, error))
    return FALSE;

  *out_balance = total;

  return TRUE;
}
