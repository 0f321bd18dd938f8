/* budg-report.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-budget-store.h"
#include "budg-category-totals.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-money.h"
#include "budg-period.h"
#include "budg-report.h"
#include "budg-validate.h"

/* The state of one report being built: the lookup tables every report
 * needs, the exchange rates used so far and the rows, found by their key,
 * month and currency. */
typedef struct
{
  BudgDatabase          *database;
  const BudgReportQuery *query;
  char                  *from;
  char                  *to;
  GHashTable            *categories;
  GHashTable            *accounts;
  GHashTable            *rates;
  GHashTable            *index;
  GPtrArray             *rows;
} Report;

void
budg_report_row_free (BudgReportRow *row)
{
  if (row == NULL)
    return;

  g_free (row->key);
  g_free (row->label);
  g_free (row->month);
  g_free (row);
}

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->from, g_free);
  g_clear_pointer (&report->to, g_free);
  g_clear_pointer (&report->categories, g_hash_table_unref);
  g_clear_pointer (&report->accounts, g_hash_table_unref);
  g_clear_pointer (&report->rates, g_hash_table_unref);
  g_clear_pointer (&report->index, g_hash_table_unref);
  g_clear_pointer (&report->rows, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Report, report_clear)

static gboolean
report_init (Report                 *report,
             BudgDatabase           *database,
             const BudgReportQuery  *query,
             GError                **error)
{
  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  report->database = database;
  report->query = query;
  report->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  report->index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  report->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_report_row_free);

  if (query->from == NULL || query->to == NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("A report needs the first and the last day it covers."));
      return FALSE;
    }

  if (!(report->from = budg_date_normalize (query->from, error)) ||
      !(report->to = budg_date_normalize (query->to, error)))
    return FALSE;

  if (strcmp (report->from, report->to) > 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The report starts on %s, after its end on %s. Swap the dates."),
                   report->from, report->to);
      return FALSE;
    }

  if (query->currency != NULL && !budg_validate_currency (query->currency, error))
    return FALSE;

  if (!(report->categories = budg_category_totals_read_categories (database, error)) ||
      !(report->accounts = budg_category_totals_read_accounts (database, error)))
    return FALSE;

  return TRUE;
}

/* The day a month's amounts are converted on: its last day, or the end of
 * the report when that comes first. */
static char *
rate_date (Report     *report,
           const char *month)
{
  BudgPeriod period;
  g_autofree char *last = NULL;

  if (month == NULL || !budg_period_parse (month, &period, NULL))
    return g_strdup (report->to);

  last = budg_period_dup_last_iso (&period);
  if (strcmp (last, report->to) > 0)
    return g_strdup (report->to);

  return g_steal_pointer (&last);
}

/* Converts @amount_minor into the query's currency when there is one;
 * @inout_currency becomes the currency of the result. */
static gboolean
report_convert (Report      *report,
                gint64       amount_minor,
                const char  *month,
                char         inout_currency[4],
                gint64      *out_minor,
                GError     **error)
{
  const char *target = report->query->currency;
  g_autofree char *date = NULL;
  g_autofree char *key = NULL;
  BudgExchangeRate *rate;

  if (target == NULL || g_str_equal (target, inout_currency))
    {
      *out_minor = amount_minor;
      return TRUE;
    }

  /* Nothing needs no rate. */
  if (amount_minor == 0)
    {
      *out_minor = 0;
      g_strlcpy (inout_currency, target, 4);
      return TRUE;
    }

  date = rate_date (report, month);
  key = g_strdup_printf ("%s@%s", inout_currency, date);
  rate = g_hash_table_lookup (report->rates, key);
  if (rate == NULL)
    {
      rate = g_new0 (BudgExchangeRate, 1);
      if (!budg_exchange_rates_lookup (report->database, inout_currency, target, date, rate, error))
        {
          g_free (rate);
          return FALSE;
        }
      g_hash_table_insert (report->rates, g_steal_pointer (&key), rate);
    }

  if (!budg_exchange_rate_apply (rate, amount_minor, inout_currency, target, out_minor, error))
    return FALSE;

  g_strlcpy (inout_currency, target, 4);

  return TRUE;
}

/* The row for (@key, @month, @currency), created on first use. */
static BudgReportRow *
report_row (Report     *report,
            const char *key,
            const char *label,
            const char *month,
            gint64      id,
            const char *currency)
{
  g_autofree char *index_key = g_strdup_printf ("%s\x1f%s\x1f%s", key != NULL ? key : "\x1e",
                                                month != NULL ? month : "", currency);
  BudgReportRow *row = g_hash_table_lookup (report->index, index_key);

  if (row != NULL)
    return row;

  row = g_new0 (BudgReportRow, 1);
  row->key = g_strdup (key);
  row->label = g_strdup (label != NULL ? label : key);
  row->month = g_strdup (month);
  row->id = id;
  g_strlcpy (row->currency, currency, sizeof row->currency);
  g_ptr_array_add (report->rows, row);
  g_hash_table_insert (report->index, g_steal_pointer (&index_key), row);

  return row;
}

static GPtrArray *
report_finish (Report           *report,
               GCompareFunc      compare,
               gboolean          drop_zero)
{
  GPtrArray *rows = g_steal_pointer (&report->rows);

  if (drop_zero)
    {
      for (guint i = rows->len; i > 0; i--)
        {
          BudgReportRow *row = g_ptr_array_index (rows, i - 1);

          if (row->amount_minor == 0 && row->income_minor == 0 &&
              row->expense_minor == 0 && row->budgeted_minor == 0)
            g_ptr_array_remove_index (rows, i - 1);
        }
    }

  g_ptr_array_sort (rows, compare);

  return rows;
}

static int
compare_text (const char *a,
              const char *b)
{
  /* Rows without a key (uncategorized, no payee) come last. */
  if (a == NULL || b == NULL)
    return (a == NULL) - (b == NULL);

  return g_utf8_collate (a, b);
}

/* By month, then the largest amount first, then by label. */
static int
compare_by_amount (gconstpointer a,
                   gconstpointer b)
{
  const BudgReportRow *row_a = *(BudgReportRow **) a;
  const BudgReportRow *row_b = *(BudgReportRow **) b;
  int cmp = g_strcmp0 (row_a->month, row_b->month);

  if (cmp != 0)
    return cmp;
  if (row_a->amount_minor != row_b->amount_minor)
    return row_a->amount_minor > row_b->amount_minor ? -1 : 1;
  if ((cmp = compare_text (row_a->key, row_b->key)) != 0)
    return cmp;

  return strcmp (row_a->currency, row_b->currency);
}

/* By key (a month or a year, a category, an account), then month. */
static int
compare_by_key (gconstpointer a,
                gconstpointer b)
{
  const BudgReportRow *row_a = *(BudgReportRow **) a;
  const BudgReportRow *row_b = *(BudgReportRow **) b;
  int cmp = compare_text (row_a->key, row_b->key);

  if (cmp != 0)
    return cmp;
  if ((cmp = g_strcmp0 (row_a->month, row_b->month)) != 0)
    return cmp;

  return strcmp (row_a->currency, row_b->currency);
}

/* By month, then key. */
static int
compare_by_month (gconstpointer a,
                  gconstpointer b)
{
  const BudgReportRow *row_a = *(BudgReportRow **) a;
  const BudgReportRow *row_b = *(BudgReportRow **) b;
  int cmp = g_strcmp0 (row_a->month, row_b->month);

  if (cmp != 0)
    return cmp;
  if ((cmp = compare_text (row_a->key, row_b->key)) != 0)
    return cmp;

  return strcmp (row_a->currency, row_b->currency);
}

/* What a total in @category_id is reported under for @group. */
static void
category_key (Report           *report,
              BudgReportGroup   group,
              gint64            category_id,
              const char       *month,
              const char      **out_key,
              const char      **out_label,
              gint64           *out_id,
              char              year[5])
{
  BudgCategoryInfo *info = g_hash_table_lookup (report->categories, &category_id);

  *out_id = 0;

  switch (group)
    {
    case BUDG_REPORT_GROUP_MONTH:
      *out_key = *out_label = month;
      return;

    case BUDG_REPORT_GROUP_YEAR:
      g_strlcpy (year, month, 5);
      *out_key = *out_label = year;
      return;

    case BUDG_REPORT_GROUP_PARENT:
      if (info != NULL && info->parent_id != 0)
        {
          BudgCategoryInfo *parent = g_hash_table_lookup (report->categories, &info->parent_id);

          if (parent != NULL)
            info = parent;
        }
      break;

    case BUDG_REPORT_GROUP_CATEGORY:
    case BUDG_REPORT_GROUP_PAYEE:
    case BUDG_REPORT_GROUP_ACCOUNT:
    default:
      break;
    }

  if (info == NULL)
    {
      *out_key = NULL;
      *out_label = _("Uncategorized");
      return;
    }

  *out_key = *out_label = info->path;
  *out_id = info->id;
}

/* Spending by payee reads the transactions of the range: payees are not in
 * the monthly totals. The same linear rule counts split parts. */
#define PAYEE_KEY(row) \
  "coalesce(" row ".category_id, CASE WHEN " row ".amount_minor > 0 THEN -1 ELSE 0 END)"

static gboolean
spending_by_payee (Report  *report,
                   GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (report->database,
                                "SELECT t.payee_id, p.name, substr(t.date, 1, 7), " PAYEE_KEY ("t") ","
                                "       t.account_id, sum(t.amount_minor)"
                                " FROM transactions t LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE t.date >= ?1 AND t.date <= ?2 AND t.transfer_id IS NULL"
                                " GROUP BY t.payee_id, 3, 4, t.account_id"
                                " UNION ALL"
                                " SELECT t.payee_id, p.name, substr(t.date, 1, 7), " PAYEE_KEY ("s") ","
                                "       t.account_id, sum(s.amount_minor)"
                                " FROM transactions t JOIN splits s ON s.transaction_id = t.id"
                                " LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE t.date >= ?1 AND t.date <= ?2 AND t.transfer_id IS NULL"
                                " GROUP BY t.payee_id, 3, 4, t.account_id"
                                " UNION ALL"
                                " SELECT t.payee_id, p.name, substr(t.date, 1, 7), " PAYEE_KEY ("t") ","
                                "       t.account_id, -sum(s.amount_minor)"
                                " FROM transactions t JOIN splits s ON s.transaction_id = t.id"
                                " LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE t.date >= ?1 AND t.date <= ?2 AND t.transfer_id IS NULL"
                                " GROUP BY t.payee_id, 3, 4, t.account_id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, report->from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, report->to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 payee_id = sqlite3_column_int64 (stmt, 0);
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *month = (const char *) sqlite3_column_text (stmt, 2);
      gint64 category_id = sqlite3_column_int64 (stmt, 3);
      gint64 account_id = sqlite3_column_int64 (stmt, 4);
      gint64 total = sqlite3_column_int64 (stmt, 5);
      BudgAccountInfo *account = g_hash_table_lookup (report->accounts, &account_id);
      BudgReportRow *row;
      char currency[4];
      gint64 amount;

      if (account == NULL || total == 0 ||
          budg_category_totals_is_income (report->categories, category_id))
        continue;

      g_strlcpy (currency, account->currency, sizeof currency);
      if (!report_convert (report, -total, month, currency, &amount, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }

      row = report_row (report, name, name != NULL ? name : _("No payee"),
                        report->query->by_month ? month : NULL, payee_id, currency);
      if (!budg_money_add (row->amount_minor, amount, &row->amount_minor, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (report->database, error, _("adding up the spending"));
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_report_spending:
 * @query: grouped by category, parent, payee, month or year; optionally per
 *   month
 *
 * Spending, reported positive: the money out of expense categories (and
 * without a category) net of refunds, transfers left out, split parts in
 * their own categories.
 *
 * Returns: (transfer container): #BudgReportRow, largest first (by month
 *   first with @by_month; in time order by month or year), or %NULL with
 *   @error set
 */
GPtrArray *
budg_report_spending (BudgDatabase           *database,
                      const BudgReportQuery  *query,
                      GError                **error)
{
  g_auto(Report) report = { 0 };
  g_autoptr(GArray) totals = NULL;
  gboolean by_time;

  if (!report_init (&report, database, query, error))
    return NULL;

  by_time = query->group == BUDG_REPORT_GROUP_MONTH || query->group == BUDG_REPORT_GROUP_YEAR;

  if (query->group == BUDG_REPORT_GROUP_ACCOUNT)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Spending is grouped by category, parent category, payee, month or year."));
      return NULL;
    }

  if (query->group == BUDG_REPORT_GROUP_PAYEE)
    {
      if (!spending_by_payee (&report, error))
        return NULL;
      return report_finish (&report, compare_by_amount, TRUE);
    }

  if (!(totals = budg_category_totals_collect (database, report.from, report.to, FALSE, error)))
    return NULL;

  for (guint i = 0; i < totals->len; i++)
    {
      const BudgCategoryTotal *total = &g_array_index (totals, BudgCategoryTotal, i);
      BudgAccountInfo *account = g_hash_table_lookup (report.accounts, &total->account_id);
      BudgReportRow *row;
      const char *key;
      const char *label;
      char currency[4];
      char year[5];
      gint64 amount;
      gint64 id;

      if (account == NULL || budg_category_totals_is_income (report.categories, total->category_id))
        continue;

      g_strlcpy (currency, account->currency, sizeof currency);
      if (!report_convert (&report, -total->total_minor, total->period, currency, &amount, error))
        return NULL;

      category_key (&report, query->group, total->category_id, total->period, &key, &label, &id, year);
      row = report_row (&report, key, label, query->by_month && !by_time ? total->period : NULL, id, currency);
      if (!budg_money_add (row->amount_minor, amount, &row->amount_minor, error))
        return NULL;
    }

  return report_finish (&report, by_time ? compare_by_key : compare_by_amount, TRUE);
}

/* The months (or years) of the report, so that periods without any money
 * still get a row. */
static GPtrArray *
report_periods (Report          *report,
                BudgReportGroup  group)
{
  GPtrArray *periods = g_ptr_array_new_with_free_func (g_free);
  BudgPeriod period;
  BudgPeriod last;

  budg_period_for_iso (BUDG_PERIOD_MONTH, report->from, &period, NULL);
  budg_period_for_iso (BUDG_PERIOD_MONTH, report->to, &last, NULL);

  for (; budg_period_compare (&period, &last) <= 0; budg_period_add (&period, 1))
    {
      char *text = budg_period_to_string (&period);

      if (group == BUDG_REPORT_GROUP_YEAR)
        text[4] = '\0';
      if (periods->len == 0 || strcmp (g_ptr_array_index (periods, periods->len - 1), text) != 0)
        g_ptr_array_add (periods, text);
      else
        g_free (text);
    }

  return periods;
}

/* Adds income and expense per month or year into the report's rows. */
static gboolean
add_income_expense (Report          *report,
                    BudgReportGroup  group,
                    GError         **error)
{
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GPtrArray) periods = report_periods (report, group);
  g_autoptr(GPtrArray) currencies = g_ptr_array_new_with_free_func (g_free);

  if (!(totals = budg_category_totals_collect (report->database, report->from, report->to, FALSE, error)))
    return FALSE;

  if (report->query->currency != NULL)
    g_ptr_array_add (currencies, g_strdup (report->query->currency));

  for (guint i = 0; i < totals->len; i++)
    {
      const BudgCategoryTotal *total = &g_array_index (totals, BudgCategoryTotal, i);
      BudgAccountInfo *account = g_hash_table_lookup (report->accounts, &total->account_id);
      BudgReportRow *row;
      char currency[4];
      char key[8];
      gint64 amount;

      if (account == NULL)
        continue;

      g_strlcpy (currency, account->currency, sizeof currency);
      if (!report_convert (report, total->total_minor, total->period, currency, &amount, error))
        return FALSE;

      g_strlcpy (key, total->period, group == BUDG_REPORT_GROUP_YEAR ? 5 : sizeof key);
      row = report_row (report, key, NULL, NULL, 0, currency);
      if (budg_category_totals_is_income (report->categories, total->category_id))
        {
          if (!budg_money_add (row->income_minor, amount, &row->income_minor, error))
            return FALSE;
        }
      else if (!budg_money_subtract (row->expense_minor, amount, &row->expense_minor, error))
        return FALSE;

      if (!g_ptr_array_find_with_equal_func (currencies, currency, g_str_equal, NULL))
        g_ptr_array_add (currencies, g_strdup (currency));
    }

  for (guint c = 0; c < currencies->len; c++)
    for (guint p = 0; p < periods->len; p++)
      report_row (report, g_ptr_array_index (periods, p), NULL, NULL, 0, g_ptr_array_index (currencies, c));

  for (guint i = 0; i < report->rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (report->rows, i);

      if (!budg_money_subtract (row->income_minor, row->expense_minor, &row->amount_minor, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * budg_report_income_expense:
 * @query: grouped by month (the default for anything else) or year
 *
 * Income and spending per month or year, every period of the range
 * included. Income is money in under income categories (and money in
 * without a category), net; expense is spending as budg_report_spending()
 * counts it; @amount_minor is income minus expense.
 *
 * Returns: (transfer container): #BudgReportRow in time order, or %NULL
 *   with @error set
 */
GPtrArray *
budg_report_income_expense (BudgDatabase           *database,
                            const BudgReportQuery  *query,
                            GError                **error)
{
  g_auto(Report) report = { 0 };

  if (!report_init (&report, database, query, error) ||
      !add_income_expense (&report, query->group == BUDG_REPORT_GROUP_YEAR ? BUDG_REPORT_GROUP_YEAR
                                                                          : BUDG_REPORT_GROUP_MONTH,
                           error))
    return NULL;

  return report_finish (&report, compare_by_key, FALSE);
}

typedef struct
{
  char   date[11];
  gint64 amount_minor;
} DatedAmount;

static gboolean
read_dated (BudgDatabase  *database,
            sqlite3_stmt  *stmt,
            GArray        *out,
            GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DatedAmount item;

      g_strlcpy (item.date, (const char *) sqlite3_column_text (stmt, 0), sizeof item.date);
      item.amount_minor = sqlite3_column_int64 (stmt, 1);
      g_array_append_val (out, item);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("computing balances"));
      return FALSE;
    }

  return TRUE;
}

/* The balance of @account_id at the end of each of @dates (ascending): the
 * latest balance snapshot on or before the date plus the transactions after
 * it, as the account list counts it. One pass over the day totals of the
 * range, which the (account_id, date, …) index yields in order. */
static gboolean
account_balances (BudgDatabase  *database,
                  gint64         account_id,
                  GPtrArray     *dates,
                  gint64        *out_balances,
                  GError       **error)
{
  g_autoptr(GArray) snapshots = g_array_new (FALSE, FALSE, sizeof (DatedAmount));
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (DatedAmount));
  const char *first = g_ptr_array_index (dates, 0);
  const char *last = g_ptr_array_index (dates, dates->len - 1);
  const char *base_date = "";
  gint64 balance = 0;
  guint snapshot = 0;
  guint day = 0;
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (database,
                                "SELECT date, amount_minor FROM balance_snapshots"
                                " WHERE account_id = ?1 AND date <= ?2 ORDER BY date",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, last, -1, SQLITE_TRANSIENT);
  if (!read_dated (database, stmt, snapshots, error))
    return FALSE;

  /* Start from the latest snapshot on or before the first date. */
  while (snapshot < snapshots->len &&
         strcmp (g_array_index (snapshots, DatedAmount, snapshot).date, first) <= 0)
    snapshot++;
  if (snapshot > 0)
    {
      base_date = g_array_index (snapshots, DatedAmount, snapshot - 1).date;
      balance = g_array_index (snapshots, DatedAmount, snapshot - 1).amount_minor;
    }

  stmt = budg_database_prepare (database,
                                "SELECT date, sum(amount_minor) FROM transactions"
                                " WHERE account_id = ?1 AND date > ?2 AND date <= ?3"
                                " GROUP BY date ORDER BY date",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, base_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, last, -1, SQLITE_TRANSIENT);
  if (!read_dated (database, stmt, days, error))
    return FALSE;

  for (guint i = 0; i < dates->len; i++)
    {
      const char *until = g_ptr_array_index (dates, i);

      for (;;)
        {
          const DatedAmount *next_day = day < days->len ? &g_array_index (days, DatedAmount, day) : NULL;
          const DatedAmount *next_snapshot = snapshot < snapshots->len
                                             ? &g_array_index (snapshots, DatedAmount, snapshot) : NULL;

          if (next_day != NULL && strcmp (next_day->date, until) > 0)
            next_day = NULL;
          if (next_snapshot != NULL && strcmp (next_snapshot->date, until) > 0)
            next_snapshot = NULL;
          if (next_day == NULL && next_snapshot == NULL)
            break;

          /* A snapshot is the balance at the end of its day: it replaces
           * everything up to then, that day's transactions included. */
          if (next_snapshot != NULL && (next_day == NULL || strcmp (next_snapshot->date, next_day->date) <= 0))
            {
              balance = next_snapshot->amount_minor;
              if (next_day != NULL && strcmp (next_snapshot->date, next_day->date) == 0)
                day++;
              snapshot++;
            }
          else
            {
              if (!budg_money_add (balance, next_day->amount_minor, &balance, error))
                return FALSE;
              day++;
            }
        }

      out_balances[i] = balance;
    }

  return TRUE;
}

/* The end of each month of the report (the report's end for the last). */
static GPtrArray *
month_ends (Report *report)
{
  GPtrArray *dates = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) months = report_periods (report, BUDG_REPORT_GROUP_MONTH);

  for (guint i = 0; i < months->len; i++)
    g_ptr_array_add (dates, rate_date (report, g_ptr_array_index (months, i)));

  return dates;
}

static int
compare_account_rows (gconstpointer a,
                      gconstpointer b)
{
  const BudgReportRow *row_a = *(BudgReportRow **) a;
  const BudgReportRow *row_b = *(BudgReportRow **) b;

  if (row_a->id != row_b->id)
    return row_a->id < row_b->id ? -1 : 1;

  return g_strcmp0 (row_a->month, row_b->month);
}

/**
 * budg_report_balances:
 *
 * The balance of every account at the end of each month of the range (the
 * last month ends at @to), in the account's currency or converted.
 *
 * Returns: (transfer container): #BudgReportRow keyed by account name with
 *   the month set, by account then month, or %NULL with @error set
 */
GPtrArray *
budg_report_balances (BudgDatabase           *database,
                      const BudgReportQuery  *query,
                      GError                **error)
{
  g_auto(Report) report = { 0 };
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree gint64 *balances = NULL;
  GHashTableIter iter;
  gpointer value;

  if (!report_init (&report, database, query, error))
    return NULL;

  months = report_periods (&report, BUDG_REPORT_GROUP_MONTH);
  dates = month_ends (&report);
  balances = g_new0 (gint64, dates->len);

  g_hash_table_iter_init (&iter, report.accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BudgAccountInfo *account = value;

      if (!account_balances (database, account->id, dates, balances, error))
        return NULL;

      for (guint i = 0; i < dates->len; i++)
        {
          const char *month = g_ptr_array_index (months, i);
          char currency[4];
          gint64 amount;
          BudgReportRow *row;

          g_strlcpy (currency, account->currency, sizeof currency);
          if (!report_convert (&report, balances[i], month, currency, &amount, error))
            return NULL;

          row = report_row (&report, account->name, account->name, month, account->id, currency);
          row->amount_minor = amount;
        }
    }

  return report_finish (&report, compare_account_rows, FALSE);
}

/**
 * budg_report_net_worth:
 * @query: with the currency to count in
 *
 * The sum of every account's balance at the end of each month of the range
 * (the last month ends at @to), converted at the rates of those days.
 *
 * Returns: (transfer container): #BudgReportRow keyed by month, in time
 *   order, or %NULL with @error set
 */
GPtrArray *
budg_report_net_worth (BudgDatabase           *database,
                       const BudgReportQuery  *query,
                       GError                **error)
{
  g_auto(Report) report = { 0 };
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GPtrArray) dates = NULL;
  g_autofree gint64 *balances = NULL;
  GHashTableIter iter;
  gpointer value;

  if (query != NULL && query->currency == NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Net worth adds up every account, so it needs one currency to count in."));
      return NULL;
    }

  if (!report_init (&report, database, query, error))
    return NULL;

  months = report_periods (&report, BUDG_REPORT_GROUP_MONTH);
  dates = month_ends (&report);
  balances = g_new0 (gint64, dates->len);

  for (guint i = 0; i < months->len; i++)
    report_row (&report, g_ptr_array_index (months, i), NULL, NULL, 0, query->currency);

  g_hash_table_iter_init (&iter, report.accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      BudgAccountInfo *account = value;

      if (!account_balances (database, account->id, dates, balances, error))
        return NULL;

      for (guint i = 0; i < dates->len; i++)
        {
          const char *month = g_ptr_array_index (months, i);
          BudgReportRow *row;
          char currency[4];
          gint64 amount;

          g_strlcpy (currency, account->currency, sizeof currency);
          if (!report_convert (&report, balances[i], month, currency, &amount, error))
            return NULL;

          row = report_row (&report, month, NULL, NULL, 0, currency);
          if (!budg_money_add (row->amount_minor, amount, &row->amount_minor, error))
            return NULL;
        }
    }

  return report_finish (&report, compare_by_key, FALSE);
}

/* The monthly budget statuses of the report's months. */
static GPtrArray *
budget_statuses (Report  *report,
                 GError **error)
{
  g_autoptr(BudgBudgetStore) store = budg_budget_store_new (report->database);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  BudgPeriod period;

  budg_period_for_iso (BUDG_PERIOD_MONTH, report->from, &period, NULL);
  first = budg_period_to_string (&period);
  budg_period_for_iso (BUDG_PERIOD_MONTH, report->to, &period, NULL);
  last = budg_period_to_string (&period);

  return budg_budget_store_status_range (store, first, last, error);
}

/**
 * budg_report_budget:
 *
 * Budget against actual spending for each month of the range and each
 * monthly (or yearly) budget: @budgeted_minor against @amount_minor (spent).
 * Whole months count, even where the range starts or ends inside one.
 *
 * Returns: (transfer container): #BudgReportRow keyed by category path with
 *   the month set, by month then category, or %NULL with @error set
 */
GPtrArray *
budg_report_budget (BudgDatabase           *database,
                    const BudgReportQuery  *query,
                    GError                **error)
{
  g_auto(Report) report = { 0 };
  g_autoptr(GPtrArray) statuses = NULL;

  if (!report_init (&report, database, query, error) ||
      !(statuses = budget_statuses (&report, error)))
    return NULL;

  for (guint i = 0; i < statuses->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
      BudgReportRow *row;
      char currency[4];
      gint64 budgeted;
      gint64 spent;

      g_strlcpy (currency, status->currency, sizeof currency);
      if (!report_convert (&report, status->budgeted_minor, status->period, currency, &budgeted, error))
        return NULL;
      g_strlcpy (currency, status->currency, sizeof currency);
      if (!report_convert (&report, status->spent_minor, status->period, currency, &spent, error))
        return NULL;

      row = report_row (&report, status->category_path, NULL, status->period, status->category_id, currency);
      row->budgeted_minor += budgeted;
      row->amount_minor += spent;
    }

  return report_finish (&report, compare_by_month, FALSE);
}

/**
 * budg_report_summary:
 * @query: by month (the default) or year
 *
 * A monthly or yearly summary: income, spending, their difference
 * (@amount_minor) and what the budgets of the period gave.
 *
 * Returns: (transfer container): #BudgReportRow keyed by month or year, in
 *   time order, or %NULL with @error set
 */
GPtrArray *
budg_report_summary (BudgDatabase           *database,
                     const BudgReportQuery  *query,
                     GError                **error)
{
  g_auto(Report) report = { 0 };
  g_autoptr(GPtrArray) statuses = NULL;
  BudgReportGroup group;

  if (!report_init (&report, database, query, error))
    return NULL;

  group = query->group == BUDG_REPORT_GROUP_YEAR ? BUDG_REPORT_GROUP_YEAR : BUDG_REPORT_GROUP_MONTH;

  if (!add_income_expense (&report, group, error) ||
      !(statuses = budget_statuses (&report, error)))
    return NULL;

  for (guint i = 0; i < statuses->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
      BudgReportRow *row;
      char currency[4];
      char key[8];
      gint64 budgeted;

      g_strlcpy (currency, status->currency, sizeof currency);
      if (!report_convert (&report, status->budgeted_minor, status->period, currency, &budgeted, error))
        return NULL;

      g_strlcpy (key, status->period, group == BUDG_REPORT_GROUP_YEAR ? 5 : sizeof key);
      row = report_row (&report, key, NULL, NULL, 0, currency);
      if (!budg_money_add (row->budgeted_minor, budgeted, &row->budgeted_minor, error))
        return NULL;
    }

  return report_finish (&report, compare_by_key, FALSE);
}
