/* budg-reminders.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-reminders"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-budget-store.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-period.h"
#include "budg-reminders.h"

/* How far back an unpaid occurrence is still worth a notification. An older
 * one was notified when it became overdue if Budg was running then; if it
 * was not, a flood of year-old bills at the first check helps nobody, and
 * the Bills view lists them all anyway. */
#define OVERDUE_LOOKBACK_DAYS 31

/* Large transactions are news for a week: one imported from an older
 * statement is history, not something to be told about. */
#define LARGE_TRANSACTION_LOOKBACK_DAYS 7

/**
 * budg_reminder_free:
 * @reminder: (transfer full) (nullable): a reminder
 */
void
budg_reminder_free (BudgReminder *reminder)
{
  if (reminder == NULL)
    return;

  g_free (reminder->occurrence);
  g_free (reminder->due_date);
  g_free (reminder->name);
  g_free (reminder->currency);
  g_free (reminder);
}

/**
 * budg_reminder_kind_to_string:
 *
 * Returns: the name stored in reminders_sent.kind
 */
const char *
budg_reminder_kind_to_string (BudgReminderKind kind)
{
  switch (kind)
    {
    case BUDG_REMINDER_BILL_UPCOMING:
      return "bill-upcoming";
    case BUDG_REMINDER_BILL_DUE_TODAY:
      return "bill-due-today";
    case BUDG_REMINDER_BILL_OVERDUE:
      return "bill-overdue";
    case BUDG_REMINDER_BUDGET_WARNING:
      return "budget-warning";
    case BUDG_REMINDER_BUDGET_LIMIT:
      return "budget-limit";
    case BUDG_REMINDER_LARGE_TRANSACTION:
      return "transaction-large";
    case BUDG_REMINDER_BANK_NEEDS_LOGIN:
      return "bank-needs-login";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * budg_reminder_is_bill:
 *
 * Returns: whether @reminder is about a bill (and not a budget)
 */
gboolean
budg_reminder_is_bill (const BudgReminder *reminder)
{
  g_return_val_if_fail (reminder != NULL, FALSE);

  return reminder->kind == BUDG_REMINDER_BILL_UPCOMING ||
         reminder->kind == BUDG_REMINDER_BILL_DUE_TODAY ||
         reminder->kind == BUDG_REMINDER_BILL_OVERDUE;
}

/**
 * budg_reminders_is_quiet:
 * @settings: the user's choices
 * @hour: the local hour, 0–23
 *
 * Returns: whether @hour is inside the quiet hours; a range whose start and
 *   end are the same hour is empty
 */
gboolean
budg_reminders_is_quiet (const BudgReminderSettings *settings,
                         guint                       hour)
{
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!settings->quiet_hours || settings->quiet_start == settings->quiet_end)
    return FALSE;

  if (settings->quiet_start < settings->quiet_end)
    return hour >= settings->quiet_start && hour < settings->quiet_end;

  /* 22 to 7: the night wraps past midnight. */
  return hour >= settings->quiet_start || hour < settings->quiet_end;
}

/**
 * budg_reminders_next_check:
 * @settings: the user's choices
 * @now: the local time of the check just made
 *
 * When a long-running Budg checks next: at the next local midnight, when
 * new bills come due, or at the end of the quiet hours when they hold
 * reminders back at @now, whichever comes first.
 *
 * Returns: (transfer full): the local time of the next check
 */
GDateTime *
budg_reminders_next_check (const BudgReminderSettings *settings,
                           GDateTime                  *now)
{
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                           g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  midnight = g_date_time_add_days (today, 1);

  if (!budg_reminders_is_quiet (settings, (guint) g_date_time_get_hour (now)))
    return g_steal_pointer (&midnight);

  end = g_date_time_add_hours (today, (int) settings->quiet_end);
  if (g_date_time_compare (end, now) <= 0)
    {
      g_autoptr(GDateTime) tomorrow = g_date_time_add_days (end, 1);

      g_date_time_unref (end);
      end = g_steal_pointer (&tomorrow);
    }

  return g_date_time_compare (end, midnight) < 0 ? g_steal_pointer (&end) : g_steal_pointer (&midnight);
}

static gboolean
kind_for_due (const BudgReminderSettings *settings,
              const char                 *due_date,
              const char                 *today,
              guint                       lead_days,
              BudgReminderKind           *out_kind)
{
  int cmp = strcmp (due_date, today);

  if (cmp < 0)
    {
      *out_kind = BUDG_REMINDER_BILL_OVERDUE;
      return settings->bills_overdue;
    }

  if (cmp == 0)
    {
      *out_kind = BUDG_REMINDER_BILL_DUE_TODAY;
      return settings->bills_due_today;
    }

  if (lead_days > 0 && settings->bills_upcoming)
    {
      g_autofree char *horizon = budg_date_add_days (today, (int) lead_days);

      *out_kind = BUDG_REMINDER_BILL_UPCOMING;
      return horizon != NULL && strcmp (due_date, horizon) <= 0;
    }

  return FALSE;
}

static gboolean
query_exists (BudgDatabase  *database,
              const char    *sql,
              const char    *text1,
              gint64         id,
              const char    *text3,
              gboolean      *out_exists,
              GError       **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, text1, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, text3, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the reminders"));
      return FALSE;
    }

  *out_exists = rc == SQLITE_ROW;

  return TRUE;
}

static gboolean
collect_budgets (BudgContext                 *context,
                 const BudgReminderSettings  *settings,
                 const char                  *today,
                 GPtrArray                   *reminders,
                 GError                     **error)
{
  BudgDatabase *database = budg_context_get_database (context);
  g_autoptr(BudgBudgetStore) store = budg_budget_store_new (database);
  const BudgPeriodKind kinds[] = { BUDG_PERIOD_MONTH, BUDG_PERIOD_WEEK };

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(GPtrArray) statuses = NULL;
      g_autofree char *period_name = NULL;
      BudgPeriod period;

      if (!budg_period_for_iso (kinds[k], today, &period, error))
        return FALSE;
      period_name = budg_period_to_string (&period);

      /* The status of a month lists the monthly and yearly budgets, that
       * of a week the weekly ones. */
      statuses = budg_budget_store_status (store, period_name, error);
      if (statuses == NULL)
        return FALSE;

      for (guint i = 0; i < statuses->len; i++)
        {
          const BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
          gint64 limit = status->budgeted_minor + status->rollover_minor;
          BudgReminderKind kind;
          BudgReminder *reminder;
          gboolean exists = FALSE;

          if (limit <= 0)
            continue;

          /* A ratio, not an amount: double is fine here, and cannot
           * overflow the way spent × 100 could. */
          if (status->spent_minor > limit)
            kind = BUDG_REMINDER_BUDGET_LIMIT;
          else if ((double) status->spent_minor * 100.0 >= (double) limit * settings->budget_warning_percent)
            kind = BUDG_REMINDER_BUDGET_WARNING;
          else
            continue;

          if (!query_exists (database,
                             "SELECT 1 FROM reminders_sent"
                             " WHERE kind = ?1 AND subject_id = ?2 AND occurrence = ?3",
                             budg_reminder_kind_to_string (kind), status->category_id,
                             status->period, &exists, error))
            return FALSE;
          if (exists)
            continue;

          reminder = g_new0 (BudgReminder, 1);
          reminder->kind = kind;
          reminder->subject_id = status->category_id;
          reminder->occurrence = g_strdup (status->period);
          reminder->name = g_strdup (status->category_path);
          reminder->amount_minor = status->spent_minor;
          reminder->limit_minor = limit;
          reminder->currency = g_strdup (status->currency);
          g_ptr_array_add (reminders, reminder);
        }
    }

  return TRUE;
}

static gboolean
collect_large_transactions (BudgContext                 *context,
                            const BudgReminderSettings  *settings,
                            const char                  *today,
                            GPtrArray                   *reminders,
                            GError                     **error)
{
  BudgDatabase *database = budg_context_get_database (context);
  g_autofree char *from = budg_date_add_days (today, -LARGE_TRANSACTION_LOOKBACK_DAYS);
  sqlite3_stmt *stmt;
  int rc;

  /* Transfers move money between one's own accounts: nothing was spent.
   * The threshold in SQL is the smallest it can be (a currency without
   * minor units); each currency's own scale is applied below. */
  stmt = budg_database_prepare (database,
                                "SELECT t.id, t.date, t.amount_minor, a.currency, coalesce(p.name, a.name)"
                                " FROM transactions t JOIN accounts a ON a.id = t.account_id"
                                " LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE t.date BETWEEN ?1 AND ?2 AND t.transfer_id IS NULL"
                                "   AND abs(t.amount_minor) >= ?3"
                                "   AND NOT EXISTS (SELECT 1 FROM reminders_sent r"
                                "                   WHERE r.kind = 'transaction-large'"
                                "                     AND r.subject_id = t.id)"
                                " ORDER BY t.date, t.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, settings->large_transaction);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 amount = sqlite3_column_int64 (stmt, 2);
      const char *currency = (const char *) sqlite3_column_text (stmt, 3);
      gint64 threshold = settings->large_transaction;
      BudgReminder *reminder;

      for (int i = 0; i < budg_currency_get_minor_units (currency); i++)
        threshold *= 10;
      if (ABS (amount) < threshold)
        continue;

      reminder = g_new0 (BudgReminder, 1);
      reminder->kind = BUDG_REMINDER_LARGE_TRANSACTION;
      reminder->subject_id = sqlite3_column_int64 (stmt, 0);
      reminder->occurrence = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      reminder->name = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      reminder->amount_minor = amount;
      reminder->currency = g_strdup (currency);
      g_ptr_array_add (reminders, reminder);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the transactions"));
      return FALSE;
    }

  return TRUE;
}

/* A connection that needs its login again is one event until a sync
 * succeeds: the time of the last good sync names it, so the next time the
 * bank asks is another event. */
static gboolean
collect_banks (BudgContext  *context,
               GPtrArray    *reminders,
               GError      **error)
{
  BudgDatabase *database = budg_context_get_database (context);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database,
                                "SELECT i.rowid, coalesce(i.institution_name, i.item_id),"
                                "       coalesce(i.last_sync_at, i.created_at)"
                                " FROM plaid_items i"
                                " WHERE i.state = 'needs-login'"
                                "   AND NOT EXISTS (SELECT 1 FROM reminders_sent r"
                                "                   WHERE r.kind = 'bank-needs-login'"
                                "                     AND r.subject_id = i.rowid"
                                "                     AND r.occurrence = coalesce(i.last_sync_at, i.created_at))"
                                " ORDER BY i.rowid",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgReminder *reminder = g_new0 (BudgReminder, 1);

      reminder->kind = BUDG_REMINDER_BANK_NEEDS_LOGIN;
      reminder->subject_id = sqlite3_column_int64 (stmt, 0);
      reminder->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      reminder->occurrence = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (reminders, reminder);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the bank connections"));
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_reminders_collect:
 * @context: the open database
 * @settings: the user's choices
 * @today: the local date, "YYYY-MM-DD"
 * @hour: the local hour, 0–23
 * @error: return location for a #GError
 *
 * Lists what is to be notified now: for each unpaid, unskipped occurrence
 * of an active bill, its event of the day (due within the bill's lead days,
 * due today, or overdue) when that kind is on, that event was not notified
 * yet, and the occurrence is not snoozed past @today. Income and autopay
 * bills are left out: nobody has to act on them. Then, with budgets on,
 * each budget of the current month or week that reached its warning level
 * or went over, once per period and level; and with a large-transaction
 * threshold, each transaction of the last week at least that large, once;
 * with banks on, each bank connection that needs the user to log in
 * again, once until it syncs again. Nothing is listed during the
 * quiet hours; the next check after them picks it up.
 *
 * Nothing is recorded: call budg_reminders_mark_sent() once sent.
 *
 * Returns: (transfer full) (element-type BudgReminder): the bill
 *   reminders in date order, then the budget ones, the transactions and
 *   the banks, or %NULL with @error set
 */
GPtrArray *
budg_reminders_collect (BudgContext                 *context,
                        const BudgReminderSettings  *settings,
                        const char                  *today,
                        guint                        hour,
                        GError                     **error)
{
  g_autoptr(GPtrArray) reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_reminder_free);
  g_autoptr(GPtrArray) dues = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  BudgDatabase *database;
  BudgBillStore *bills;
  GListModel *model;
  guint max_lead = 0;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (settings != NULL, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (budg_reminders_is_quiet (settings, hour))
    return g_steal_pointer (&reminders);

  database = budg_context_get_database (context);
  bills = budg_context_get_bills (context);
  model = G_LIST_MODEL (bills);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(BudgBill) bill = g_list_model_get_item (model, i);

      max_lead = MAX (max_lead, budg_bill_get_lead_days (bill));
    }

  from = budg_date_add_days (today, -OVERDUE_LOOKBACK_DAYS);
  to = budg_date_add_days (today, (int) max_lead);
  if (from == NULL || to == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a date; write it as YYYY-MM-DD."), today);
      return NULL;
    }

  dues = budg_due_store_list (budg_context_get_dues (context), from, to, 0, FALSE, error);
  if (dues == NULL)
    return NULL;

  for (guint i = 0; i < dues->len; i++)
    {
      BudgDueBill *due = g_ptr_array_index (dues, i);
      BudgDueStatus status = budg_due_bill_get_status (due);
      BudgBill *bill = budg_bill_store_lookup (bills, budg_due_bill_get_bill_id (due));
      const char *occurrence = budg_due_bill_get_occurrence_date (due);
      BudgReminderKind kind;
      BudgReminder *reminder;
      gboolean exists = FALSE;

      /* Paid and skipped are stored; the other statuses the store computed
       * for the real today, which is not necessarily @today. */
      if (bill == NULL || status == BUDG_DUE_STATUS_PAID || status == BUDG_DUE_STATUS_SKIPPED ||
          budg_bill_get_is_income (bill) || budg_bill_get_autopay (bill))
        continue;

      if (!kind_for_due (settings, budg_due_bill_get_due_date (due), today,
                         budg_bill_get_lead_days (bill), &kind))
        continue;

      if (!query_exists (database,
                         "SELECT 1 FROM reminder_snoozes"
                         " WHERE until > ?1 AND bill_id = ?2 AND occurrence_date = ?3",
                         today, budg_due_bill_get_bill_id (due), occurrence, &exists, error))
        return NULL;
      if (exists)
        continue;

      if (!query_exists (database,
                         "SELECT 1 FROM reminders_sent"
                         " WHERE kind = ?1 AND subject_id = ?2 AND occurrence = ?3",
                         budg_reminder_kind_to_string (kind), budg_due_bill_get_bill_id (due),
                         occurrence, &exists, error))
        return NULL;
      if (exists)
        continue;

      reminder = g_new0 (BudgReminder, 1);
      reminder->kind = kind;
      reminder->subject_id = budg_due_bill_get_bill_id (due);
      reminder->occurrence = g_strdup (occurrence);
      reminder->due_date = g_strdup (budg_due_bill_get_due_date (due));
      reminder->name = g_strdup (budg_due_bill_get_name (due));
      reminder->amount_minor = budg_due_bill_get_amount_minor (due);
      reminder->currency = g_strdup (budg_due_bill_get_currency (due));
      g_ptr_array_add (reminders, reminder);
    }

  if (settings->budgets && !collect_budgets (context, settings, today, reminders, error))
    return NULL;

  if (settings->large_transaction > 0 &&
      !collect_large_transactions (context, settings, today, reminders, error))
    return NULL;

  if (settings->banks && !collect_banks (context, reminders, error))
    return NULL;

  return g_steal_pointer (&reminders);
}

/**
 * budg_reminders_mark_sent:
 * @context: the open database
 * @reminders: (element-type BudgReminder): what was notified
 * @error: return location for a #GError
 *
 * Records @reminders as notified, in one transaction, so that no later
 * check notifies the same event of the same occurrence again.
 *
 * Returns: %TRUE on success
 */
gboolean
budg_reminders_mark_sent (BudgContext  *context,
                          GPtrArray    *reminders,
                          GError      **error)
{
  BudgDatabase *database;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (reminders != NULL, FALSE);

  database = budg_context_get_database (context);

  if (!budg_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < reminders->len; i++)
    {
      BudgReminder *reminder = g_ptr_array_index (reminders, i);
      sqlite3_stmt *stmt;

      stmt = budg_database_prepare (database,
                                    "INSERT OR IGNORE INTO reminders_sent (kind, subject_id, occurrence)"
                                    " VALUES (?1, ?2, ?3)",
                                    error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_text (stmt, 1, budg_reminder_kind_to_string (reminder->kind), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, reminder->subject_id);
      sqlite3_bind_text (stmt, 3, reminder->occurrence, -1, SQLITE_TRANSIENT);
      if (!budg_database_step_done (database, stmt, error))
        goto failed;
    }

  if (budg_database_commit (database, error))
    return TRUE;

failed:
  budg_database_rollback (database);
  return FALSE;
}

/**
 * budg_reminders_snooze:
 * @context: the open database
 * @bill_id: the bill
 * @occurrence_date: its occurrence
 * @until: the first date on which it may be notified again
 * @error: return location for a #GError
 *
 * Holds back the reminders of one occurrence until @until. What was already
 * notified of it is forgotten, so that on @until its event of that day is
 * notified again, even if it is the one that was snoozed.
 *
 * Returns: %TRUE on success
 */
gboolean
budg_reminders_snooze (BudgContext  *context,
                       gint64        bill_id,
                       const char   *occurrence_date,
                       const char   *until,
                       GError      **error)
{
  BudgDatabase *database;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (occurrence_date != NULL, FALSE);
  g_return_val_if_fail (until != NULL, FALSE);

  database = budg_context_get_database (context);

  if (!budg_database_begin (database, error))
    return FALSE;

  stmt = budg_database_prepare (database,
                                "DELETE FROM reminders_sent WHERE kind LIKE 'bill-%'"
                                " AND subject_id = ?1 AND occurrence = ?2",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  sqlite3_bind_text (stmt, 2, occurrence_date, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (database, stmt, error))
    goto failed;

  stmt = budg_database_prepare (database,
                                "INSERT OR REPLACE INTO reminder_snoozes (bill_id, occurrence_date, until)"
                                " VALUES (?1, ?2, ?3)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  sqlite3_bind_text (stmt, 2, occurrence_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, until, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (database, stmt, error))
    goto failed;

  if (budg_database_commit (database, error))
    return TRUE;

failed:
  budg_database_rollback (database);
  return FALSE;
}

/**
 * budg_reminders_group:
 * @reminders: (element-type BudgReminder): what is to be notified
 * @threshold: from this many bill reminders, one notification holds them
 *   all; 0 never groups
 *
 * Budget, transaction and bank reminders always go out one by one: each says
 * something of its own, where many bills due are one thing to do.
 *
 * Returns: (transfer full) (element-type GPtrArray): one array per
 *   notification, each borrowing its reminders from @reminders
 */
GPtrArray *
budg_reminders_group (GPtrArray *reminders,
                      guint      threshold)
{
  GPtrArray *groups = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) bills = NULL;
  guint n_bills = 0;

  g_return_val_if_fail (reminders != NULL, groups);

  for (guint i = 0; i < reminders->len; i++)
    n_bills += budg_reminder_is_bill (g_ptr_array_index (reminders, i)) ? 1 : 0;

  if (threshold > 0 && n_bills >= threshold)
    bills = g_ptr_array_new ();

  for (guint i = 0; i < reminders->len; i++)
    {
      BudgReminder *reminder = g_ptr_array_index (reminders, i);
      GPtrArray *one;

      if (bills != NULL && budg_reminder_is_bill (reminder))
        {
          g_ptr_array_add (bills, reminder);
          continue;
        }

      one = g_ptr_array_new ();
      g_ptr_array_add (one, reminder);
      g_ptr_array_add (groups, one);
    }

  if (bills != NULL)
    g_ptr_array_insert (groups, 0, g_steal_pointer (&bills));

  return groups;
}

/**
 * budg_reminders_find_due:
 * @context: the open database
 * @bill_id: the bill
 * @occurrence_date: its occurrence
 * @due_date: the date it was due on when it was notified
 * @error: return location for a #GError
 *
 * Finds the occurrence a notification was about, to act on it.
 *
 * Returns: (transfer full): the due bill, or %NULL with @error set
 */
BudgDueBill *
budg_reminders_find_due (BudgContext  *context,
                         gint64        bill_id,
                         const char   *occurrence_date,
                         const char   *due_date,
                         GError      **error)
{
  g_autoptr(GPtrArray) dues = NULL;
  const char *from;
  const char *to;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (occurrence_date != NULL, NULL);
  g_return_val_if_fail (due_date != NULL, NULL);

  /* The occurrence may have been moved since; between both dates is where
   * it was and where the rule puts it. */
  from = strcmp (occurrence_date, due_date) < 0 ? occurrence_date : due_date;
  to = strcmp (occurrence_date, due_date) < 0 ? due_date : occurrence_date;

  dues = budg_due_store_list (budg_context_get_dues (context), from, to, 0, FALSE, error);
  if (dues == NULL)
    return NULL;

  for (guint i = 0; i < dues->len; i++)
    {
      BudgDueBill *due = g_ptr_array_index (dues, i);

      if (budg_due_bill_get_bill_id (due) == bill_id &&
          g_strcmp0 (budg_due_bill_get_occurrence_date (due), occurrence_date) == 0)
        return g_object_ref (due);
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
               _("The bill due on %s is no longer in the Bills view; it may have been deleted."),
               due_date);

  return NULL;
}
