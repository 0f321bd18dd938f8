/* budg-ledger.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ledger"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-forecast.h"
#include "budg-ledger.h"
#include "budg-money.h"

/* The running state of one account while the rows are walked. */
typedef struct
{
  gint64   account_id;
  gint64   balance_minor;
  gboolean warns_below_zero;
  gboolean has_threshold;
  gint64   threshold_minor;
  GArray  *transactions;     /* DaySum, by date */
  guint    next_transaction;
} AccountState;

typedef struct
{
  char   date[11];
  gint64 amount_minor;
} DaySum;

static void
account_state_free (gpointer data)
{
  AccountState *state = data;

  g_clear_pointer (&state->transactions, g_array_unref);
  g_free (state);
}

static AccountState *
load_account_state (BudgDatabase  *database,
                    gint64         account_id,
                    const char    *from,
                    const char    *to,
                    GError       **error)
{
  g_autofree char *day_before = budg_date_add_days (from, -1);
  AccountState *state = g_new0 (AccountState, 1);
  sqlite3_stmt *stmt;
  int rc;

  state->account_id = account_id;
  state->transactions = g_array_new (FALSE, FALSE, sizeof (DaySum));

  if (!budg_forecast_balance_at (database, account_id, day_before, &state->balance_minor, error))
    goto failed;

  stmt = budg_database_prepare (database,
                                "SELECT warning_threshold_minor, kind NOT IN ('credit-card', 'loan')"
                                " FROM accounts WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      state->has_threshold = sqlite3_column_type (stmt, 0) != SQLITE_NULL;
      state->threshold_minor = sqlite3_column_int64 (stmt, 0);
      state->warns_below_zero = sqlite3_column_int (stmt, 1) != 0;
    }
  sqlite3_reset (stmt);

  stmt = budg_database_prepare (database,
                                "SELECT date, sum(amount_minor) FROM transactions"
                                " WHERE account_id = ?1 AND date BETWEEN ?2 AND ?3 GROUP BY date ORDER BY date",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DaySum sum;

      g_strlcpy (sum.date, (const char *) sqlite3_column_text (stmt, 0), sizeof sum.date);
      sum.amount_minor = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (state->transactions, sum);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("building the ledger"));
      goto failed;
    }

  return state;

failed:
  account_state_free (state);
  return NULL;
}

/* Brings @state to the moment just before the rows of @date: every recorded
 * transaction up to and including that day counts. */
static gboolean
advance_to (AccountState  *state,
            const char    *date,
            GError       **error)
{
  while (state->next_transaction < state->transactions->len)
    {
      const DaySum *sum = &g_array_index (state->transactions, DaySum, state->next_transaction);

      if (strcmp (sum->date, date) > 0)
        break;
      if (!budg_money_add (state->balance_minor, sum->amount_minor, &state->balance_minor, error))
        return FALSE;
      state->next_transaction++;
    }

  return TRUE;
}

static gboolean
is_low_balance (const AccountState *state,
                gint64              balance_minor)
{
  return (state->warns_below_zero && balance_minor < 0) ||
         (state->has_threshold && balance_minor < state->threshold_minor);
}

static gboolean
is_low (const AccountState *state)
{
  return is_low_balance (state, state->balance_minor);
}

typedef struct
{
  const char          *date;
  BudgDueBill         *due;        /* one of these two */
  BudgBalanceSnapshot *snapshot;
  guint                order;      /* position among the rows of its kind */
} PendingRow;

static int
compare_pending (gconstpointer a,
                 gconstpointer b)
{
  const PendingRow *pa = a;
  const PendingRow *pb = b;
  int cmp;

  if ((cmp = strcmp (pa->date, pb->date)) != 0)
    return cmp;
  /* Snapshots are end-of-day balances: after the day's bills. */
  if ((pa->snapshot != NULL) != (pb->snapshot != NULL))
    return pa->snapshot != NULL ? 1 : -1;

  return pa->order < pb->order ? -1 : pa->order > pb->order;
}

GPtrArray *
budg_ledger_build (BudgDatabase  *database,
                   BudgDueStore  *dues,
                   gint64         account_id,
                   const char    *from,
                   const char    *to,
                   GArray       **out_lows,
                   GError       **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) due_list = NULL;
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) pending = g_array_new (FALSE, FALSE, sizeof (PendingRow));
  g_autoptr(GHashTable) states = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, account_state_free);
  g_autoptr(GArray) lows = g_array_new (FALSE, FALSE, sizeof (BudgLedgerLow));
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (BUDG_IS_DUE_STORE (dues), NULL);

  if (!(start = budg_date_normalize (from, error)) || !(end = budg_date_normalize (to, error)))
    return NULL;

  due_list = budg_due_store_list (dues, start, end, account_id, TRUE, error);
  if (due_list == NULL)
    return NULL;

  stmt = budg_database_prepare (database,
                                "SELECT s.id, s.account_id, a.name, a.currency, s.date, s.amount_minor, s.note"
                                " FROM balance_snapshots s JOIN accounts a ON a.id = s.account_id"
                                " WHERE s.date BETWEEN ?1 AND ?2 AND a.archived = 0"
                                "   AND (?3 = 0 OR s.account_id = ?3)"
                                " ORDER BY s.date, a.sort_order, a.name COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, account_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgBalanceSnapshot *snapshot;

      snapshot = budg_balance_snapshot_new (sqlite3_column_int64 (stmt, 1),
                                            (const char *) sqlite3_column_text (stmt, 4),
                                            sqlite3_column_int64 (stmt, 5));
      budg_balance_snapshot_set_id (snapshot, sqlite3_column_int64 (stmt, 0));
      budg_balance_snapshot_set_account_name (snapshot, (const char *) sqlite3_column_text (stmt, 2));
      budg_balance_snapshot_set_currency (snapshot, (const char *) sqlite3_column_text (stmt, 3));
      budg_balance_snapshot_set_note (snapshot, (const char *) sqlite3_column_text (stmt, 6));
      g_ptr_array_add (snapshots, snapshot);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("building the ledger"));
      return NULL;
    }

  for (guint i = 0; i < due_list->len; i++)
    {
      BudgDueBill *due = g_ptr_array_index (due_list, i);
      PendingRow row = { budg_due_bill_get_due_date (due), due, NULL, i };

      g_array_append_val (pending, row);
    }
  for (guint i = 0; i < snapshots->len; i++)
    {
      BudgBalanceSnapshot *snapshot = g_ptr_array_index (snapshots, i);
      PendingRow row = { budg_balance_snapshot_get_date (snapshot), NULL, snapshot, i };

      g_array_append_val (pending, row);
    }
  g_array_sort (pending, compare_pending);

  for (guint i = 0; i < pending->len; i++)
    {
      const PendingRow *row = &g_array_index (pending, PendingRow, i);
      gint64 row_account = row->due != NULL ? budg_due_bill_get_account_id (row->due)
                                            : budg_balance_snapshot_get_account_id (row->snapshot);
      AccountState *state = g_hash_table_lookup (states, &row_account);

      if (state == NULL)
        {
          if (!(state = load_account_state (database, row_account, start, end, error)))
            return NULL;
          g_hash_table_insert (states, &state->account_id, state);
        }

      if (!advance_to (state, row->date, error))
        return NULL;

      if (row->due != NULL)
        {
          BudgDueStatus status = budg_due_bill_get_status (row->due);

          if (status != BUDG_DUE_STATUS_PAID && status != BUDG_DUE_STATUS_SKIPPED &&
              !budg_money_add (state->balance_minor, budg_due_bill_get_amount_minor (row->due),
                               &state->balance_minor, error))
            return NULL;
          g_ptr_array_add (rows, budg_ledger_row_new_for_due_bill (row->due, state->balance_minor,
                                                                   is_low (state)));
        }
      else
        {
          state->balance_minor = budg_balance_snapshot_get_amount_minor (row->snapshot);
          g_ptr_array_add (rows, budg_ledger_row_new_for_snapshot (row->snapshot, state->balance_minor,
                                                                   is_low (state)));
        }
    }

  if (out_lows != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      /* The lows come from the day-by-day forecast, so that a dip between
       * two rows (a recorded transaction) is not missed. */
      g_hash_table_iter_init (&iter, states);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          AccountState *state = value;
          g_autoptr(BudgForecast) forecast = NULL;
          BudgLedgerLow low = { 0 };

          forecast = budg_forecast_compute (database, dues, state->account_id, start, end, error);
          if (forecast == NULL)
            return NULL;
          low.account_id = state->account_id;
          g_strlcpy (low.currency, forecast->currency, sizeof low.currency);
          g_strlcpy (low.date, forecast->low.date, sizeof low.date);
          low.balance_minor = forecast->low.balance_minor;
          low.is_low = is_low_balance (state, low.balance_minor);
          g_array_append_val (lows, low);
        }
      *out_lows = g_steal_pointer (&lows);
    }

  return g_steal_pointer (&rows);
}

void
budg_ledger_default_range (BudgDatabase  *database,
                           const char    *today,
                           char         **out_from,
                           char         **out_to)
{
  g_autofree char *anchor = NULL;
  sqlite3_stmt *stmt;

  g_return_if_fail (BUDG_IS_DATABASE (database));

  stmt = budg_database_prepare (database,
                                "SELECT min(date) FROM balance_snapshots WHERE date >= ?1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
        anchor = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }

  if (anchor == NULL)
    anchor = g_strdup (today);

  *out_from = budg_date_add_days (anchor, -14);
  *out_to = budg_date_add_days (anchor, 28);
}
