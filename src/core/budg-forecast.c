/* budg-forecast.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-forecast"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-forecast.h"
#include "budg-money.h"

/* A forecast longer than this is surely a typing mistake in a date. */
#define MAX_FORECAST_DAYS (366 * 20)

gboolean
budg_forecast_balance_at (BudgDatabase  *database,
                          gint64         account_id,
                          const char    *date,
                          gint64        *out_balance_minor,
                          GError       **error)
{
  g_autofree char *since = NULL;
  sqlite3_stmt *stmt;
  gint64 balance = 0;
  gboolean ok;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  stmt = budg_database_prepare (database,
                                "SELECT date, amount_minor FROM balance_snapshots"
                                " WHERE account_id = ?1 AND date <= ?2 ORDER BY date DESC LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      since = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      balance = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  stmt = budg_database_prepare (database,
                                "SELECT coalesce(sum(amount_minor), 0) FROM transactions"
                                " WHERE account_id = ?1 AND date > ?2 AND date <= ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, since != NULL ? since : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      budg_database_set_error (database, error, _("computing the balance"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  ok = budg_money_add (balance, sqlite3_column_int64 (stmt, 0), out_balance_minor, error);
  sqlite3_reset (stmt);

  return ok;
}

void
budg_forecast_free (BudgForecast *forecast)
{
  if (forecast == NULL)
    return;

  g_free (forecast->account_name);
  g_free (forecast->currency);
  g_clear_pointer (&forecast->days, g_array_unref);
  g_free (forecast);
}

/* Adds the rows of a (date, amount) query to @by_day, keyed by date. */
static gboolean
sum_by_day (BudgDatabase  *database,
            const char    *sql,
            gint64         account_id,
            const char    *from,
            const char    *to,
            GHashTable    *by_day,
            GError       **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *amount = g_new (gint64, 1);

      *amount = sqlite3_column_int64 (stmt, 1);
      g_hash_table_insert (by_day, g_strdup ((const char *) sqlite3_column_text (stmt, 0)), amount);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("computing the forecast"));
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_forecast_compute:
 * @from: the first day, ISO
 * @to: the last day, ISO, on or after @from
 *
 * Returns: (transfer full) (nullable): the forecast, or %NULL with @error set
 */
BudgForecast *
budg_forecast_compute (BudgDatabase  *database,
                       BudgDueStore  *dues,
                       gint64         account_id,
                       const char    *from,
                       const char    *to,
                       GError       **error)
{
  g_autoptr(BudgForecast) forecast = g_new0 (BudgForecast, 1);
  g_autoptr(GHashTable) transactions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) snapshots = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) bills = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) due_list = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *day_before = NULL;
  GDate first;
  GDate last;
  GDate day;
  sqlite3_stmt *stmt;
  gint64 balance;
  int n_days;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (BUDG_IS_DUE_STORE (dues), NULL);

  if (!(start = budg_date_normalize (from, error)) || !(end = budg_date_normalize (to, error)))
    return NULL;
  budg_date_parse (start, &first, NULL);
  budg_date_parse (end, &last, NULL);
  n_days = g_date_days_between (&first, &last) + 1;
  if (n_days < 1 || n_days > MAX_FORECAST_DAYS)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A forecast runs from a first day to a later last day, at most twenty years; %s to %s is not such a range."),
                   start, end);
      return NULL;
    }

  stmt = budg_database_prepare (database, "SELECT name, currency FROM accounts WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      forecast->account_name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      forecast->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no account with id %lld."), (long long) account_id);
      return NULL;
    }
  forecast->account_id = account_id;

  day_before = budg_date_add_days (start, -1);
  if (!budg_forecast_balance_at (database, account_id, day_before, &balance, error))
    return NULL;
  forecast->opening_balance_minor = balance;

  if (!sum_by_day (database,
                   "SELECT date, sum(amount_minor) FROM transactions"
                   " WHERE account_id = ?1 AND date BETWEEN ?2 AND ?3 GROUP BY date",
                   account_id, start, end, transactions, error) ||
      !sum_by_day (database,
                   "SELECT date, amount_minor FROM balance_snapshots"
                   " WHERE account_id = ?1 AND date BETWEEN ?2 AND ?3",
                   account_id, start, end, snapshots, error))
    return NULL;

  due_list = budg_due_store_list (dues, start, end, account_id, FALSE, error);
  if (due_list == NULL)
    return NULL;
  for (guint i = 0; i < due_list->len; i++)
    {
      BudgDueBill *due = g_ptr_array_index (due_list, i);
      BudgDueStatus status = budg_due_bill_get_status (due);
      gint64 *sum;

      /* Paid ones are in the transactions already; skipped ones never happen. */
      if (status == BUDG_DUE_STATUS_PAID || status == BUDG_DUE_STATUS_SKIPPED)
        continue;

      sum = g_hash_table_lookup (bills, budg_due_bill_get_due_date (due));
      if (sum == NULL)
        {
          sum = g_new0 (gint64, 1);
          g_hash_table_insert (bills, g_strdup (budg_due_bill_get_due_date (due)), sum);
        }
      if (!budg_money_add (*sum, budg_due_bill_get_amount_minor (due), sum, error))
        return NULL;
    }

  forecast->days = g_array_sized_new (FALSE, FALSE, sizeof (BudgForecastDay), n_days);
  day = first;
  for (int i = 0; i < n_days; i++, g_date_add_days (&day, 1))
    {
      BudgForecastDay entry;
      gint64 *amount;

      g_snprintf (entry.date, sizeof entry.date, "%04u-%02u-%02u",
                  g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));

      if ((amount = g_hash_table_lookup (transactions, entry.date)) != NULL &&
          !budg_money_add (balance, *amount, &balance, error))
        return NULL;
      if ((amount = g_hash_table_lookup (bills, entry.date)) != NULL &&
          !budg_money_add (balance, *amount, &balance, error))
        return NULL;
      /* What the bank says at the end of the day is the balance. */
      if ((amount = g_hash_table_lookup (snapshots, entry.date)) != NULL)
        balance = *amount;

      entry.balance_minor = balance;
      g_array_append_val (forecast->days, entry);

      if (i == 0 || balance < forecast->low.balance_minor)
        forecast->low = entry;
    }

  return g_steal_pointer (&forecast);
}
