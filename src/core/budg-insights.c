/* budg-insights.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-insights"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-budget-store.h"
#include "budg-error.h"
#include "budg-category-totals.h"
#include "budg-date.h"
#include "budg-insights.h"
#include "budg-money.h"
#include "budg-period.h"

__extension__ typedef __int128 BudgInt128;

/* At most this many insights of each kind, the strongest first. */
#define MAX_PER_KIND 3
/* A category "rose" when its month is this much above its average… */
#define RISE_MIN_PERCENT 20
/* …a transaction is "large" at this multiple of the payee's median… */
#define LARGE_MIN_FACTOR 2
#define LARGE_MIN_HISTORY 4
#define LARGE_RECENT_DAYS 30
#define LARGE_HISTORY_DAYS 365
/* …and payments "recur monthly" 25 to 35 days apart, within 10 % of the
 * latest amount, at least three times, the latest within the last 40 days,
 * making up most of what the payee was paid (a shop visited now and then
 * does not look like a bill). */
#define RECURRING_MIN_GAP 25
#define RECURRING_MAX_GAP 35
#define RECURRING_TOLERANCE_PERCENT 10
#define RECURRING_MIN_COUNT 3
#define RECURRING_RECENT_DAYS 40
#define RECURRING_WINDOW_DAYS 200
#define RECURRING_SHARE_PERCENT 75
/* Differences smaller than ten major units (10.00 USD, 10 JPY…) are noise. */
#define MIN_MAJOR_UNITS 10

static const char * const kind_names[] = {
  "category-rise",
  "budget-pace",
  "large-transaction",
  "unrecorded-bill",
};

const char *
budg_insight_kind_to_string (BudgInsightKind kind)
{
  g_return_val_if_fail (kind <= BUDG_INSIGHT_UNRECORDED_BILL, NULL);

  return kind_names[kind];
}

void
budg_insight_free (BudgInsight *insight)
{
  if (insight == NULL)
    return;

  g_free (insight->text);
  g_free (insight->subject);
  g_free (insight->period);
  g_free (insight);
}

static BudgInsight *
insight_new (BudgInsightKind  kind,
             const char      *subject,
             const char      *period,
             const char      *currency)
{
  BudgInsight *insight = g_new0 (BudgInsight, 1);

  insight->kind = kind;
  insight->subject = g_strdup (subject);
  insight->period = g_strdup (period);
  g_strlcpy (insight->currency, currency, sizeof insight->currency);

  return insight;
}

static gint64
min_difference (const char *currency)
{
  gint64 value = MIN_MAJOR_UNITS;

  for (int i = budg_currency_get_minor_units (currency); i > 0; i--)
    value *= 10;

  return value;
}

/* How far @amount is above @reference, in whole percent, rounded. */
static int
percent_above (gint64 amount,
               gint64 reference)
{
  BudgInt128 difference = (BudgInt128) amount - reference;

  if (reference <= 0)
    return 0;

  return (int) MIN ((difference * 200 + reference) / (2 * (BudgInt128) reference), G_MAXINT);
}

static char *
format_month (const char *month)
{
  BudgPeriod period;
  GDate first;
  char buffer[64];

  if (!budg_period_parse (month, &period, NULL))
    return g_strdup (month);

  budg_period_get_first_day (&period, &first);
  /* TRANSLATORS: a month and year in a sentence, see strftime(3) */
  if (g_date_strftime (buffer, sizeof buffer, _("%B %Y"), &first) == 0)
    return g_strdup (month);

  return g_strdup (buffer);
}

static int
compare_insights (gconstpointer a,
                  gconstpointer b)
{
  const BudgInsight *insight_a = *(BudgInsight **) a;
  const BudgInsight *insight_b = *(BudgInsight **) b;

  if (insight_a->kind != insight_b->kind)
    return insight_a->kind < insight_b->kind ? -1 : 1;
  if (insight_a->percent != insight_b->percent)
    return insight_a->percent > insight_b->percent ? -1 : 1;
  if (insight_a->count != insight_b->count)
    return insight_a->count > insight_b->count ? -1 : 1;
  if (insight_a->amount_minor != insight_b->amount_minor)
    return insight_a->amount_minor > insight_b->amount_minor ? -1 : 1;

  return g_strcmp0 (insight_a->subject, insight_b->subject);
}

/* Keeps the strongest MAX_PER_KIND of @found (all of one kind). */
static void
take_strongest (GPtrArray *found,
                GPtrArray *insights)
{
  g_ptr_array_sort (found, compare_insights);

  for (guint i = 0; i < found->len && i < MAX_PER_KIND; i++)
    g_ptr_array_add (insights, g_steal_pointer (&found->pdata[i]));
}

typedef struct
{
  gint64 category_id;
  char   currency[4];
  gint64 month[4];       /* spending of the three months before, then of the month */
} CategoryMonths;

/* The categories whose spending in the last complete month rose most above
 * the average of the three months before it. */
static gboolean
find_category_rises (BudgDatabase  *database,
                     const GDate   *today,
                     GPtrArray     *insights,
                     GError       **error)
{
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) accounts = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_insight_free);
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *month_label = NULL;
  BudgPeriod month;
  BudgPeriod first;
  GHashTableIter iter;
  gpointer value;

  budg_period_for_date (BUDG_PERIOD_MONTH, today, &month);
  budg_period_add (&month, -1);
  first = month;
  budg_period_add (&first, -3);
  from = budg_period_dup_first_iso (&first);
  to = budg_period_dup_last_iso (&month);
  month_text = budg_period_to_string (&month);

  if (!(categories = budg_category_totals_read_categories (database, error)) ||
      !(accounts = budg_category_totals_read_accounts (database, error)) ||
      !(totals = budg_category_totals_collect (database, from, to, FALSE, error)))
    return FALSE;

  for (guint i = 0; i < totals->len; i++)
    {
      const BudgCategoryTotal *total = &g_array_index (totals, BudgCategoryTotal, i);
      BudgAccountInfo *account = g_hash_table_lookup (accounts, &total->account_id);
      g_autofree char *key = NULL;
      CategoryMonths *row;
      BudgPeriod period;
      gint64 index;

      if (account == NULL || total->category_id <= 0 ||
          budg_category_totals_is_income (categories, total->category_id) ||
          !budg_period_parse (total->period, &period, NULL))
        continue;

      index = budg_period_get_ordinal (&period) - budg_period_get_ordinal (&first);
      if (index < 0 || index > 3)
        continue;

      key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", total->category_id, account->currency);
      row = g_hash_table_lookup (rows, key);
      if (row == NULL)
        {
          row = g_new0 (CategoryMonths, 1);
          row->category_id = total->category_id;
          g_strlcpy (row->currency, account->currency, sizeof row->currency);
          g_hash_table_insert (rows, g_steal_pointer (&key), row);
        }
      if (!budg_money_subtract (row->month[index], total->total_minor, &row->month[index], error))
        return FALSE;
    }

  month_label = format_month (month_text);

  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      CategoryMonths *row = value;
      BudgCategoryInfo *info = g_hash_table_lookup (categories, &row->category_id);
      BudgInsight *insight;
      g_autofree char *spent = NULL;
      g_autofree char *average_text = NULL;
      BudgInt128 sum = (BudgInt128) row->month[0] + row->month[1] + row->month[2];
      gint64 average;

      if (info == NULL || sum <= 0)
        continue;

      /* The average, rounded half up (it is positive). */
      average = (gint64) ((sum * 2 + 3) / 6);
      if (row->month[3] - average < min_difference (row->currency) ||
          percent_above (row->month[3], average) < RISE_MIN_PERCENT)
        continue;

      insight = insight_new (BUDG_INSIGHT_CATEGORY_RISE, info->path, month_text, row->currency);
      insight->amount_minor = row->month[3];
      insight->reference_minor = average;
      insight->percent = percent_above (row->month[3], average);
      spent = budg_money_format (row->month[3], row->currency);
      average_text = budg_money_format (average, row->currency);
      /* TRANSLATORS: "Spending on Food:Dining Out rose to $412.00 in October 2026, 48% above its 3-month average of $278.00." */
      insight->text = g_strdup_printf (_("Spending on %s rose to %s in %s, %d%% above its 3-month average of %s."),
                                       info->path, spent, month_label, insight->percent, average_text);
      g_ptr_array_add (found, insight);
    }

  take_strongest (found, insights);

  return TRUE;
}

/* Monthly budgets of the current month that are over, or heading over at
 * the pace of the days gone by. */
static gboolean
find_budget_paces (BudgDatabase  *database,
                   const GDate   *today,
                   GPtrArray     *insights,
                   GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BudgBudgetStore) store = budg_budget_store_new (database);
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_insight_free);
  g_autofree char *month_text = NULL;
  g_autofree char *month_label = NULL;
  BudgPeriod month;
  guint day = g_date_get_day (today);
  guint days = g_date_get_days_in_month (g_date_get_month (today), g_date_get_year (today));

  budg_period_for_date (BUDG_PERIOD_MONTH, today, &month);
  month_text = budg_period_to_string (&month);
  month_label = format_month (month_text);

  if (!(statuses = budg_budget_store_status (store, month_text, &local_error)))
    {
      /* A budget that cannot be computed (say, spending in a currency with
       * no exchange rate yet) only leaves out this kind of insight; the
       * Budgets view says what is missing. */
      if (!g_error_matches (local_error, BUDG_ERROR, BUDG_ERROR_DATABASE))
        {
          g_debug ("Budget insights left out: %s", local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; i < statuses->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
      gint64 limit = status->budgeted_minor + status->rollover_minor;
      g_autofree char *limit_text = NULL;
      BudgInsight *insight;

      if (status->spent_minor <= 0 || limit <= 0)
        continue;

      limit_text = budg_money_format (limit, status->currency);

      if (status->spent_minor > limit)
        {
          g_autofree char *over = budg_money_format (status->spent_minor - limit, status->currency);

          insight = insight_new (BUDG_INSIGHT_BUDGET_PACE, status->category_path, month_text, status->currency);
          insight->amount_minor = status->spent_minor;
          /* TRANSLATORS: "Food:Groceries is already $42.00 over its budget of $500.00 for November 2026." */
          insight->text = g_strdup_printf (_("%s is already %s over its budget of %s for %s."),
                                           status->category_path, over, limit_text, month_label);
        }
      else
        {
          /* Spent so far × days in the month ÷ days gone, rounded up. */
          BudgInt128 projected = ((BudgInt128) status->spent_minor * days + day - 1) / day;
          g_autofree char *projected_text = NULL;
          g_autofree char *over = NULL;

          if (projected <= limit || projected > G_MAXINT64)
            continue;

          insight = insight_new (BUDG_INSIGHT_BUDGET_PACE, status->category_path, month_text, status->currency);
          insight->amount_minor = (gint64) projected;
          projected_text = budg_money_format (insight->amount_minor, status->currency);
          over = budg_money_format (insight->amount_minor - limit, status->currency);
          /* TRANSLATORS: "At the current pace, Food:Groceries will reach $620.00 by the end of November 2026, $120.00 over its budget of $500.00." */
          insight->text = g_strdup_printf (_("At the current pace, %s will reach %s by the end of %s, %s over its budget of %s."),
                                           status->category_path, projected_text, month_label, over, limit_text);
        }

      insight->reference_minor = limit;
      insight->percent = percent_above (insight->amount_minor, limit);
      g_ptr_array_add (found, insight);
    }

  take_strongest (found, insights);

  return TRUE;
}

typedef struct
{
  gint64 id;
  gint64 payee_id;
  char   date[11];
  gint64 amount_minor;   /* the size: money out made positive */
  char   currency[4];
} Payment;

static int
compare_amounts (gconstpointer a,
                 gconstpointer b)
{
  gint64 amount_a = *(const gint64 *) a;
  gint64 amount_b = *(const gint64 *) b;

  return amount_a < amount_b ? -1 : amount_a > amount_b;
}

/* The median of @amounts (sorted in place): the middle one, or the mean of
 * the two middle ones rounded down. */
static gint64
median (GArray *amounts)
{
  guint n = amounts->len;

  g_array_sort (amounts, compare_amounts);

  if (n % 2 == 1)
    return g_array_index (amounts, gint64, n / 2);

  return (gint64) (((BudgInt128) g_array_index (amounts, gint64, n / 2 - 1) +
                    g_array_index (amounts, gint64, n / 2)) / 2);
}

/* Money out since @since, by payee, then date: what both the large
 * transaction and the recurring payment checks look at. */
static GArray *
read_payments (BudgDatabase  *database,
               const char    *since,
               const char    *until,
               GHashTable    *names,
               GError       **error)
{
  g_autoptr(GArray) payments = g_array_new (FALSE, FALSE, sizeof (Payment));
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database,
                                "SELECT t.id, t.payee_id, p.name, t.date, -t.amount_minor, a.currency"
                                " FROM transactions t JOIN payees p ON p.id = t.payee_id"
                                " JOIN accounts a ON a.id = t.account_id"
                                " WHERE t.date >= ?1 AND t.date <= ?2 AND t.amount_minor < 0"
                                "   AND t.transfer_id IS NULL"
                                " ORDER BY t.payee_id, a.currency, t.date, t.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, since, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, until, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Payment payment = { 0 };

      payment.id = sqlite3_column_int64 (stmt, 0);
      payment.payee_id = sqlite3_column_int64 (stmt, 1);
      g_strlcpy (payment.date, (const char *) sqlite3_column_text (stmt, 3), sizeof payment.date);
      payment.amount_minor = sqlite3_column_int64 (stmt, 4);
      g_strlcpy (payment.currency, (const char *) sqlite3_column_text (stmt, 5), sizeof payment.currency);
      g_array_append_val (payments, payment);

      if (!g_hash_table_contains (names, &payment.payee_id))
        g_hash_table_insert (names, g_memdup2 (&payment.payee_id, sizeof payment.payee_id),
                             g_strdup ((const char *) sqlite3_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the transactions"));
      return NULL;
    }

  return g_steal_pointer (&payments);
}

/* Transactions of the last LARGE_RECENT_DAYS days far above what the payee
 * usually takes (the median of its payments in the year before). */
static gboolean
find_large_transactions (BudgDatabase  *database,
                         const char    *today,
                         GPtrArray     *insights,
                         GError       **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_insight_free);
  g_autoptr(GArray) payments = NULL;
  g_autofree char *recent = budg_date_add_days (today, -(LARGE_RECENT_DAYS - 1));
  g_autofree char *since = budg_date_add_days (recent, -LARGE_HISTORY_DAYS);

  if (recent == NULL || since == NULL)
    return TRUE;

  if (!(payments = read_payments (database, since, today, names, error)))
    return FALSE;

  for (guint start = 0; start < payments->len;)
    {
      const Payment *first = &g_array_index (payments, Payment, start);
      g_autoptr(GArray) history = g_array_new (FALSE, FALSE, sizeof (gint64));
      guint end = start;
      gint64 usual;

      /* One payee in one currency at a time. */
      while (end < payments->len &&
             g_array_index (payments, Payment, end).payee_id == first->payee_id &&
             strcmp (g_array_index (payments, Payment, end).currency, first->currency) == 0)
        end++;

      for (guint i = start; i < end; i++)
        {
          const Payment *payment = &g_array_index (payments, Payment, i);

          if (strcmp (payment->date, recent) < 0)
            g_array_append_val (history, payment->amount_minor);
        }

      if (history->len >= LARGE_MIN_HISTORY && (usual = median (history)) > 0)
        {
          const Payment *largest = NULL;

          /* One sentence per payee: its largest recent payment. */
          for (guint i = start; i < end; i++)
            {
              const Payment *payment = &g_array_index (payments, Payment, i);

              if (strcmp (payment->date, recent) >= 0 &&
                  (largest == NULL || payment->amount_minor > largest->amount_minor))
                largest = payment;
            }

          if (largest != NULL &&
              (BudgInt128) largest->amount_minor >= (BudgInt128) usual * LARGE_MIN_FACTOR &&
              largest->amount_minor - usual >= min_difference (largest->currency))
            {
              const Payment *payment = largest;
              const char *payee = g_hash_table_lookup (names, &payment->payee_id);
              g_autofree char *amount = NULL;
              g_autofree char *usual_text = NULL;
              g_autofree char *date = NULL;
              BudgInsight *insight;

              insight = insight_new (BUDG_INSIGHT_LARGE_TRANSACTION, payee, payment->date, payment->currency);
              insight->amount_minor = payment->amount_minor;
              insight->reference_minor = usual;
              insight->percent = percent_above (payment->amount_minor, usual);
              insight->transaction_id = payment->id;
              amount = budg_money_format (payment->amount_minor, payment->currency);
              usual_text = budg_money_format (usual, payment->currency);
              date = budg_date_format_short (payment->date);
              /* TRANSLATORS: "The $240.00 paid to Corner Garage on 11/14/26 is 300% more than the usual $60.00." */
              insight->text = g_strdup_printf (_("The %s paid to %s on %s is %d%% more than the usual %s."),
                                               amount, payee, date, insight->percent, usual_text);
              g_ptr_array_add (found, insight);
            }
        }

      start = end;
    }

  take_strongest (found, insights);

  return TRUE;
}

static gboolean
read_billed_payees (BudgDatabase  *database,
                    GHashTable    *billed,
                    GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database,
                                "SELECT DISTINCT payee_id FROM bills WHERE payee_id IS NOT NULL", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_hash_table_add (billed, g_memdup2 (&id, sizeof id));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the bills"));
      return FALSE;
    }

  return TRUE;
}

static gint64
days_between (const char *from,
              const char *to)
{
  GDate a;
  GDate b;

  if (!budg_date_parse (from, &a, NULL) || !budg_date_parse (to, &b, NULL))
    return G_MAXINT;

  return (gint64) g_date_get_julian (&b) - (gint64) g_date_get_julian (&a);
}

/* Payments to one payee that come about monthly with about the same amount,
 * where no bill names that payee. */
static gboolean
find_unrecorded_bills (BudgDatabase  *database,
                       const char    *today,
                       GPtrArray     *insights,
                       GError       **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) billed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_insight_free);
  g_autoptr(GArray) payments = NULL;
  g_autofree char *since = budg_date_add_days (today, -RECURRING_WINDOW_DAYS);

  if (since == NULL)
    return TRUE;

  if (!read_billed_payees (database, billed, error) ||
      !(payments = read_payments (database, since, today, names, error)))
    return FALSE;

  for (guint start = 0; start < payments->len;)
    {
      const Payment *first = &g_array_index (payments, Payment, start);
      g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
      const Payment *latest;
      const Payment *previous;
      guint end = start;

      while (end < payments->len &&
             g_array_index (payments, Payment, end).payee_id == first->payee_id &&
             strcmp (g_array_index (payments, Payment, end).currency, first->currency) == 0)
        end++;

      if (end - start < RECURRING_MIN_COUNT || g_hash_table_contains (billed, &first->payee_id))
        {
          start = end;
          continue;
        }

      /* Walk back from the latest payment through ones of a similar amount,
       * each about a month before the one after it. */
      latest = &g_array_index (payments, Payment, end - 1);
      previous = latest;
      g_array_append_val (chain, latest->amount_minor);
      for (guint i = end - 1; i > start; i--)
        {
          const Payment *payment = &g_array_index (payments, Payment, i - 1);
          BudgInt128 difference = (BudgInt128) payment->amount_minor - latest->amount_minor;
          gint64 gap = days_between (payment->date, previous->date);

          if (difference < 0)
            difference = -difference;
          if (difference * 100 > (BudgInt128) latest->amount_minor * RECURRING_TOLERANCE_PERCENT ||
              gap < RECURRING_MIN_GAP)
            continue;
          if (gap > RECURRING_MAX_GAP)
            break;

          g_array_append_val (chain, payment->amount_minor);
          previous = payment;
        }

      if (chain->len >= RECURRING_MIN_COUNT &&
          chain->len * 100 >= (end - start) * RECURRING_SHARE_PERCENT &&
          days_between (latest->date, today) <= RECURRING_RECENT_DAYS)
        {
          const char *payee = g_hash_table_lookup (names, &latest->payee_id);
          g_autofree char *amount = NULL;
          g_autofree char *first_date = NULL;
          BudgInsight *insight;

          insight = insight_new (BUDG_INSIGHT_UNRECORDED_BILL, payee, previous->date, latest->currency);
          insight->amount_minor = median (chain);
          insight->count = chain->len;
          insight->transaction_id = latest->id;
          amount = budg_money_format (insight->amount_minor, latest->currency);
          first_date = budg_date_format_short (previous->date);
          insight->text = g_strdup_printf (ngettext ("You paid %s about %s every month, %u time since %s, but there is no bill for it. Add it as a bill to see it coming.",
                                                     "You paid %s about %s every month, %u times since %s, but there is no bill for it. Add it as a bill to see it coming.",
                                                     insight->count),
                                           payee, amount, insight->count, first_date);
          g_ptr_array_add (found, insight);
        }

      start = end;
    }

  take_strongest (found, insights);

  return TRUE;
}

/**
 * budg_insights_compute:
 * @today: (nullable): the day to look from, "YYYY-MM-DD"; %NULL for today
 *
 * Plain sentences computed from the data: the categories that rose most in
 * the last complete month against their 3-month average, budgets of the
 * current month that are over or will be at the current pace, recent
 * transactions far above the payee's usual (median) amount, and payments
 * that recur monthly but have no bill. At most three of each, strongest
 * first.
 *
 * Returns: (transfer container): #BudgInsight by kind, or %NULL with @error set
 */
GPtrArray *
budg_insights_compute (BudgDatabase  *database,
                       const char    *today,
                       GError       **error)
{
  g_autoptr(GPtrArray) insights = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_insight_free);
  g_autofree char *today_iso = NULL;
  GDate day;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  today_iso = today != NULL ? budg_date_normalize (today, error) : budg_date_today ();
  if (today_iso == NULL || !budg_date_parse (today_iso, &day, error))
    return NULL;

  if (!find_category_rises (database, &day, insights, error) ||
      !find_budget_paces (database, &day, insights, error) ||
      !find_large_transactions (database, today_iso, insights, error) ||
      !find_unrecorded_bills (database, today_iso, insights, error))
    return NULL;

  return g_steal_pointer (&insights);
}
