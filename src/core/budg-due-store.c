/* budg-due-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-due-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-date.h"
#include "budg-due-store.h"
#include "budg-error.h"
#include "budg-recurrence.h"
#include "budg-transaction-store.h"

struct _BudgDueStore
{
  GObject               parent_instance;

  BudgDatabase         *database;
  BudgBillStore        *bills;
  BudgTransactionStore *transactions;
};

G_DEFINE_FINAL_TYPE (BudgDueStore, budg_due_store, G_TYPE_OBJECT)

/* Weekend shifts move a due date by up to two days, so the stored rows that
 * may belong to a window are looked up with this much margin. */
#define SHIFT_MARGIN_DAYS 3

static void
budg_due_store_dispose (GObject *object)
{
  BudgDueStore *self = (BudgDueStore *)object;

  g_clear_object (&self->transactions);
  g_clear_object (&self->bills);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_due_store_parent_class)->dispose (object);
}

static void
budg_due_store_class_init (BudgDueStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_due_store_dispose;
}

static void
budg_due_store_init (BudgDueStore *self)
{
}

/**
 * budg_due_store_new:
 *
 * Returns: (transfer full): a store for the occurrences of @bills
 */
BudgDueStore *
budg_due_store_new (BudgDatabase  *database,
                    BudgBillStore *bills)
{
  BudgDueStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (BUDG_IS_BILL_STORE (bills), NULL);

  self = g_object_new (BUDG_TYPE_DUE_STORE, NULL);
  self->database = g_object_ref (database);
  self->bills = g_object_ref (bills);
  self->transactions = budg_transaction_store_new (database);

  return self;
}

static BudgDueStatus
effective_status (const char *stored,
                  const char *due_date,
                  const char *today,
                  guint       lead_days)
{
  g_autofree char *horizon = NULL;
  BudgDueStatus status = BUDG_DUE_STATUS_UPCOMING;

  if (stored != NULL && budg_due_status_from_string (stored, &status) &&
      (status == BUDG_DUE_STATUS_PAID || status == BUDG_DUE_STATUS_SKIPPED))
    return status;

  if (strcmp (due_date, today) < 0)
    return BUDG_DUE_STATUS_OVERDUE;

  horizon = budg_date_add_days (today, (int) lead_days);
  if (horizon == NULL || strcmp (due_date, horizon) <= 0)
    return BUDG_DUE_STATUS_DUE;

  return BUDG_DUE_STATUS_UPCOMING;
}

static BudgDueBill *
due_from_bill (BudgBill   *bill,
               const char *occurrence_date,
               const char *due_date)
{
  BudgDueBill *due = budg_due_bill_new ();

  budg_due_bill_set_bill_id (due, budg_bill_get_id (bill));
  budg_due_bill_set_name (due, budg_bill_get_name (bill));
  budg_due_bill_set_occurrence_date (due, occurrence_date);
  budg_due_bill_set_due_date (due, due_date);
  budg_due_bill_set_amount_minor (due, budg_bill_get_signed_amount_minor (bill));
  budg_due_bill_set_currency (due, budg_bill_get_currency (bill));
  budg_due_bill_set_account_id (due, budg_bill_get_account_id (bill));
  budg_due_bill_set_account_name (due, budg_bill_get_account_name (bill));
  budg_due_bill_set_category_path (due, budg_bill_get_category_path (bill));
  budg_due_bill_set_autopay (due, budg_bill_get_autopay (bill));
  budg_due_bill_set_is_estimate (due, budg_bill_get_amount_max_minor (bill) != 0);

  return due;
}

static char *
occurrence_key (gint64      bill_id,
                const char *occurrence_date)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s", bill_id, occurrence_date);
}

static int
compare_due (gconstpointer a,
             gconstpointer b)
{
  BudgDueBill *da = *(BudgDueBill **) a;
  BudgDueBill *db = *(BudgDueBill **) b;
  int cmp;

  if ((cmp = strcmp (budg_due_bill_get_due_date (da), budg_due_bill_get_due_date (db))) != 0)
    return cmp;
  if (budg_due_bill_get_priority (da) != budg_due_bill_get_priority (db))
    return budg_due_bill_get_priority (da) < budg_due_bill_get_priority (db) ? -1 : 1;
  if ((cmp = g_utf8_collate (budg_due_bill_get_name (da), budg_due_bill_get_name (db))) != 0)
    return cmp;
  if (budg_due_bill_get_bill_id (da) != budg_due_bill_get_bill_id (db))
    return budg_due_bill_get_bill_id (da) < budg_due_bill_get_bill_id (db) ? -1 : 1;

  return strcmp (budg_due_bill_get_occurrence_date (da), budg_due_bill_get_occurrence_date (db));
}

/* Applies a stored due_bills row (the current statement row) to @due. */
static void
apply_row (BudgDueBill  *due,
           sqlite3_stmt *stmt,
           const char   *today,
           guint         lead_days)
{
  budg_due_bill_set_id (due, sqlite3_column_int64 (stmt, 0));
  budg_due_bill_set_due_date (due, (const char *) sqlite3_column_text (stmt, 3));
  budg_due_bill_set_amount_minor (due, sqlite3_column_int64 (stmt, 4));
  budg_due_bill_set_priority (due, sqlite3_column_int (stmt, 6));
  budg_due_bill_set_transaction_id (due, sqlite3_column_int64 (stmt, 7));
  budg_due_bill_set_status (due, effective_status ((const char *) sqlite3_column_text (stmt, 5),
                                                   (const char *) sqlite3_column_text (stmt, 3),
                                                   today, lead_days));
}

static gboolean
materialize (BudgDueStore  *self,
             BudgDueBill   *due,
             GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (budg_due_bill_get_id (due) != 0)
    return TRUE;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO due_bills (bill_id, occurrence_date, due_date, amount_minor,"
                                " status, priority) VALUES (?1, ?2, ?3, ?4, 'upcoming', ?5)"
                                " ON CONFLICT (bill_id, occurrence_date) DO NOTHING",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_due_bill_get_bill_id (due));
  sqlite3_bind_text (stmt, 2, budg_due_bill_get_occurrence_date (due), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, budg_due_bill_get_due_date (due), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, budg_due_bill_get_amount_minor (due));
  sqlite3_bind_int (stmt, 5, budg_due_bill_get_priority (due));
  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  stmt = budg_database_prepare (self->database,
                                "SELECT id FROM due_bills WHERE bill_id = ?1 AND occurrence_date = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_due_bill_get_bill_id (due));
  sqlite3_bind_text (stmt, 2, budg_due_bill_get_occurrence_date (due), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    budg_due_bill_set_id (due, sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      budg_database_set_error (self->database, error, _("saving the due bill"));
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
budg_due_store_list (BudgDueStore  *self,
                     const char    *from,
                     const char    *to,
                     gint64         account_id,
                     gboolean       materialize_rows,
                     GError       **error)
{
  g_autoptr(GPtrArray) dues = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) stored = NULL;
  g_autoptr(GHashTable) unclaimed = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *wide_from = NULL;
  g_autofree char *wide_to = NULL;
  g_autofree char *today = budg_date_today ();
  GListModel *bills;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), NULL);

  if (!(start = budg_date_normalize (from, error)) || !(end = budg_date_normalize (to, error)))
    return NULL;
  if (strcmp (start, end) > 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The range ends (%s) before it starts (%s)."), end, start);
      return NULL;
    }

  wide_from = budg_date_add_days (start, -SHIFT_MARGIN_DAYS);
  wide_to = budg_date_add_days (end, SHIFT_MARGIN_DAYS);

  /* The stored rows that may concern the window, by occurrence. A row moved
   * out of the window hides its occurrence; one moved in shows. */
  stored = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  /* Touched rows inside the window that no occurrence has claimed yet. */
  unclaimed = g_hash_table_new (g_str_hash, g_str_equal);
  stmt = budg_database_prepare (self->database,
                                "SELECT d.id, d.bill_id, d.occurrence_date, d.due_date, d.amount_minor,"
                                "       d.status, d.priority, ifnull(d.transaction_id, 0), d.touched"
                                " FROM due_bills d JOIN bills b ON b.id = d.bill_id"
                                " WHERE (?3 = 0 OR b.account_id = ?3)"
                                "   AND ((d.due_date BETWEEN ?1 AND ?2)"
                                "        OR (d.occurrence_date BETWEEN ?4 AND ?5))",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, end, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, account_id);
  sqlite3_bind_text (stmt, 4, wide_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, wide_to, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 bill_id = sqlite3_column_int64 (stmt, 1);
      const char *occurrence = (const char *) sqlite3_column_text (stmt, 2);
      const char *due_date = (const char *) sqlite3_column_text (stmt, 3);
      BudgBill *bill = budg_bill_store_lookup (self->bills, bill_id);
      BudgDueBill *due;
      char *key;

      if (bill == NULL)
        continue;

      due = due_from_bill (bill, occurrence, due_date);
      apply_row (due, stmt, today, budg_bill_get_lead_days (bill));

      key = occurrence_key (bill_id, occurrence);
      g_hash_table_insert (stored, key, due);

      /* Touched rows stand on their own; untouched ones only while their
       * bill's rule still gives them (checked below). */
      if (sqlite3_column_int (stmt, 8) != 0 && strcmp (due_date, start) >= 0 && strcmp (due_date, end) <= 0)
        g_hash_table_insert (unclaimed, key, due);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the due bills"));
      return NULL;
    }

  bills = G_LIST_MODEL (self->bills);
  for (guint i = 0; i < g_list_model_get_n_items (bills); i++)
    {
      g_autoptr(BudgBill) bill = g_list_model_get_item (bills, i);
      g_autoptr(GArray) occurrences = NULL;
      const char *settled = budg_bill_get_settled_through (bill);

      if (!budg_bill_get_active (bill) ||
          (account_id != 0 && budg_bill_get_account_id (bill) != account_id))
        continue;

      occurrences = budg_recurrence_expand (budg_bill_get_rrule (bill),
                                            budg_bill_get_start_date (bill),
                                            budg_bill_get_end_date (bill),
                                            budg_bill_get_count (bill),
                                            budg_bill_get_weekend_shift (bill),
                                            wide_from, wide_to, error);
      if (occurrences == NULL)
        return NULL;

      for (guint o = 0; o < occurrences->len; o++)
        {
          const BudgOccurrence *occurrence = &g_array_index (occurrences, BudgOccurrence, o);
          g_autofree char *key = occurrence_key (budg_bill_get_id (bill), occurrence->occurrence_date);
          BudgDueBill *row = g_hash_table_lookup (stored, key);
          BudgDueBill *due;

          if (settled != NULL && strcmp (occurrence->occurrence_date, settled) <= 0)
            continue;

          if (row != NULL)
            {
              /* Claimed: listed here if its (possibly moved) date is inside. */
              g_hash_table_remove (unclaimed, key);
              if (strcmp (budg_due_bill_get_due_date (row), start) >= 0 &&
                  strcmp (budg_due_bill_get_due_date (row), end) <= 0)
                g_ptr_array_add (dues, g_object_ref (row));
              continue;
            }

          if (strcmp (occurrence->due_date, start) < 0 || strcmp (occurrence->due_date, end) > 0)
            continue;

          due = due_from_bill (bill, occurrence->occurrence_date, occurrence->due_date);
          budg_due_bill_set_status (due, effective_status (NULL, occurrence->due_date, today,
                                                           budg_bill_get_lead_days (bill)));
          g_ptr_array_add (dues, due);
        }
    }

  /* Touched rows whose occurrence the rule no longer gives (or gives
   * outside the window) but whose date is inside still show. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, unclaimed);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (dues, g_object_ref (value));
  }

  g_ptr_array_sort (dues, compare_due);

  if (materialize_rows)
    {
      if (!budg_database_begin (self->database, error))
        return NULL;
      for (guint i = 0; i < dues->len; i++)
        if (!materialize (self, g_ptr_array_index (dues, i), error))
          {
            budg_database_rollback (self->database);
            return NULL;
          }
      /* Materializing changes nothing anyone sees, so it emits no signal. */
      if (!budg_database_commit (self->database, error))
        {
          budg_database_rollback (self->database);
          return NULL;
        }
    }

  return g_steal_pointer (&dues);
}

BudgDueBill *
budg_due_store_get (BudgDueStore  *self,
                    gint64         id,
                    GError       **error)
{
  g_autofree char *today = budg_date_today ();
  BudgDueBill *due = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), NULL);

  stmt = budg_database_prepare (self->database,
                                "SELECT id, bill_id, occurrence_date, due_date, amount_minor, status,"
                                " priority, ifnull(transaction_id, 0), touched FROM due_bills WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      BudgBill *bill = budg_bill_store_lookup (self->bills, sqlite3_column_int64 (stmt, 1));

      if (bill != NULL)
        {
          due = due_from_bill (bill, (const char *) sqlite3_column_text (stmt, 2),
                               (const char *) sqlite3_column_text (stmt, 3));
          apply_row (due, stmt, today, budg_bill_get_lead_days (bill));
        }
    }
  else if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the due bill"));
      sqlite3_reset (stmt);
      return NULL;
    }
  sqlite3_reset (stmt);

  if (due == NULL)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("There is no due bill with id %lld. List them with their ids first."), (long long) id);

  return due;
}

/* Writes the fields of @due that a person can change, and marks it touched. */
static gboolean
save_touched (BudgDueStore  *self,
              BudgDueBill   *due,
              const char    *status,
              GError       **error)
{
  sqlite3_stmt *stmt;

  if (!materialize (self, due, error))
    return FALSE;

  stmt = budg_database_prepare (self->database,
                                "UPDATE due_bills SET due_date = ?2, amount_minor = ?3, priority = ?4,"
                                " status = ifnull(?5, status), transaction_id = nullif(?6, 0), touched = 1"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_due_bill_get_id (due));
  sqlite3_bind_text (stmt, 2, budg_due_bill_get_due_date (due), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, budg_due_bill_get_amount_minor (due));
  sqlite3_bind_int (stmt, 4, budg_due_bill_get_priority (due));
  sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, budg_due_bill_get_transaction_id (due));

  return budg_database_step_done (self->database, stmt, error);
}

static gboolean
finish_change (BudgDueStore  *self,
               gboolean       ok,
               gboolean       transactions_changed,
               GError       **error)
{
  if (ok)
    {
      budg_database_emit_changed (self->database, "due_bills");
      if (transactions_changed)
        budg_database_emit_changed (self->database, "transactions");
      ok = budg_database_commit (self->database, error);
    }

  if (!ok)
    budg_database_rollback (self->database);

  return ok;
}

gint64
budg_due_store_pay (BudgDueStore  *self,
                    BudgDueBill   *due,
                    const char    *date,
                    gboolean       has_amount,
                    gint64         amount_minor,
                    GError       **error)
{
  g_autoptr(BudgTransaction) transaction = NULL;
  BudgBill *bill;
  gboolean ok;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), 0);
  g_return_val_if_fail (BUDG_IS_DUE_BILL (due), 0);

  bill = budg_bill_store_lookup (self->bills, budg_due_bill_get_bill_id (due));
  if (bill == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND, _("The bill of this due bill no longer exists."));
      return 0;
    }

  if (budg_due_bill_get_status (due) == BUDG_DUE_STATUS_PAID)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” due on %s is already paid."), budg_due_bill_get_name (due),
                   budg_due_bill_get_due_date (due));
      return 0;
    }

  transaction = budg_transaction_new (budg_bill_get_account_id (bill),
                                      date != NULL ? date : budg_due_bill_get_due_date (due),
                                      has_amount ? amount_minor : budg_due_bill_get_amount_minor (due));
  budg_transaction_set_payee (transaction, budg_bill_get_payee (bill) != NULL
                                           ? budg_bill_get_payee (bill) : budg_bill_get_name (bill));
  budg_transaction_set_category_id (transaction, budg_bill_get_category_id (bill));

  if (!budg_database_begin (self->database, error))
    return 0;

  ok = budg_transaction_store_add (self->transactions, transaction, error);
  if (ok)
    {
      budg_due_bill_set_transaction_id (due, budg_transaction_get_id (transaction));
      ok = save_touched (self, due, "paid", error);
    }

  if (!finish_change (self, ok, TRUE, error))
    {
      budg_due_bill_set_transaction_id (due, 0);
      return 0;
    }

  budg_due_bill_set_status (due, BUDG_DUE_STATUS_PAID);

  return budg_transaction_get_id (transaction);
}

gboolean
budg_due_store_unpay (BudgDueStore  *self,
                      BudgDueBill   *due,
                      GError       **error)
{
  g_autofree char *today = budg_date_today ();
  gint64 transaction_id;
  BudgBill *bill;
  gboolean ok;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_DUE_BILL (due), FALSE);

  transaction_id = budg_due_bill_get_transaction_id (due);
  if (budg_due_bill_get_status (due) != BUDG_DUE_STATUS_PAID)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” due on %s is not paid."), budg_due_bill_get_name (due),
                   budg_due_bill_get_due_date (due));
      return FALSE;
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;

  budg_due_bill_set_transaction_id (due, 0);
  ok = (transaction_id == 0 ||
        budg_transaction_store_delete (self->transactions, transaction_id, error)) &&
       save_touched (self, due, "upcoming", error);

  if (!finish_change (self, ok, TRUE, error))
    {
      budg_due_bill_set_transaction_id (due, transaction_id);
      return FALSE;
    }

  bill = budg_bill_store_lookup (self->bills, budg_due_bill_get_bill_id (due));
  budg_due_bill_set_status (due, effective_status (NULL, budg_due_bill_get_due_date (due), today,
                                                   bill != NULL ? budg_bill_get_lead_days (bill) : 0));

  return TRUE;
}

gboolean
budg_due_store_skip (BudgDueStore  *self,
                     BudgDueBill   *due,
                     gboolean       skipped,
                     GError       **error)
{
  g_autofree char *today = budg_date_today ();
  BudgBill *bill;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_DUE_BILL (due), FALSE);

  if (budg_due_bill_get_status (due) == BUDG_DUE_STATUS_PAID)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” due on %s is already paid; undo the payment before skipping it."),
                   budg_due_bill_get_name (due), budg_due_bill_get_due_date (due));
      return FALSE;
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;
  if (!finish_change (self, save_touched (self, due, skipped ? "skipped" : "upcoming", error), FALSE, error))
    return FALSE;

  bill = budg_bill_store_lookup (self->bills, budg_due_bill_get_bill_id (due));
  budg_due_bill_set_status (due, skipped ? BUDG_DUE_STATUS_SKIPPED
                                         : effective_status (NULL, budg_due_bill_get_due_date (due), today,
                                                             bill != NULL ? budg_bill_get_lead_days (bill) : 0));

  return TRUE;
}

gboolean
budg_due_store_move (BudgDueStore  *self,
                     BudgDueBill   *due,
                     BudgDueBill   *anchor,
                     gboolean       after,
                     GError       **error)
{
  g_autoptr(GPtrArray) day = NULL;
  g_autofree char *date = NULL;
  guint position = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_DUE_BILL (due), FALSE);
  g_return_val_if_fail (BUDG_IS_DUE_BILL (anchor), FALSE);

  if (budg_due_bill_get_bill_id (due) == budg_due_bill_get_bill_id (anchor) &&
      g_strcmp0 (budg_due_bill_get_occurrence_date (due), budg_due_bill_get_occurrence_date (anchor)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A due bill cannot move before or after itself."));
      return FALSE;
    }

  date = g_strdup (budg_due_bill_get_due_date (anchor));

  if (!budg_database_begin (self->database, error))
    return FALSE;

  /* The whole day, in its current order, without the moving row. */
  day = budg_due_store_list (self, date, date, 0, TRUE, error);
  if (day == NULL || !materialize (self, due, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  for (guint i = 0; i < day->len; i++)
    if (budg_due_bill_get_id (g_ptr_array_index (day, i)) == budg_due_bill_get_id (due))
      {
        g_ptr_array_remove_index (day, i);
        break;
      }

  for (guint i = 0; i < day->len; i++)
    if (budg_due_bill_get_id (g_ptr_array_index (day, i)) == budg_due_bill_get_id (anchor))
      {
        position = after ? i + 1 : i;
        break;
      }

  g_ptr_array_insert (day, position, g_object_ref (due));
  budg_due_bill_set_due_date (due, date);

  for (guint i = 0; ok && i < day->len; i++)
    {
      BudgDueBill *row = g_ptr_array_index (day, i);

      budg_due_bill_set_priority (row, (int) i);
      ok = save_touched (self, row, NULL, error);
    }

  return finish_change (self, ok, FALSE, error);
}

gboolean
budg_due_store_reschedule (BudgDueStore  *self,
                           BudgDueBill   *due,
                           const char    *date,
                           GError       **error)
{
  g_autoptr(GPtrArray) day = NULL;
  g_autofree char *clean = NULL;
  int priority = 0;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_DUE_BILL (due), FALSE);

  if (!(clean = budg_date_normalize (date, error)))
    return FALSE;

  if (!budg_database_begin (self->database, error))
    return FALSE;

  day = budg_due_store_list (self, clean, clean, 0, TRUE, error);
  if (day == NULL)
    {
      budg_database_rollback (self->database);
      return FALSE;
    }
  for (guint i = 0; i < day->len; i++)
    {
      BudgDueBill *row = g_ptr_array_index (day, i);

      if (budg_due_bill_get_id (row) != budg_due_bill_get_id (due))
        priority = MAX (priority, budg_due_bill_get_priority (row) + 1);
    }

  budg_due_bill_set_due_date (due, clean);
  budg_due_bill_set_priority (due, priority);

  return finish_change (self, save_touched (self, due, NULL, error), FALSE, error);
}

gboolean
budg_due_store_set_amount (BudgDueStore  *self,
                           BudgDueBill   *due,
                           gint64         amount_minor,
                           GError       **error)
{
  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_DUE_BILL (due), FALSE);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  budg_due_bill_set_amount_minor (due, amount_minor);

  return finish_change (self, save_touched (self, due, NULL, error), FALSE, error);
}

int
budg_due_store_process_autopay (BudgDueStore  *self,
                                const char    *today,
                                GError       **error)
{
  GListModel *bills;
  int paid = 0;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (self), -1);

  bills = G_LIST_MODEL (self->bills);

  if (!budg_database_begin (self->database, error))
    return -1;

  for (guint i = 0; i < g_list_model_get_n_items (bills); i++)
    {
      g_autoptr(BudgBill) bill = g_list_model_get_item (bills, i);
      g_autoptr(GPtrArray) dues = NULL;

      if (!budg_bill_get_active (bill) || !budg_bill_get_autopay (bill) ||
          strcmp (budg_bill_get_start_date (bill), today) > 0)
        continue;

      dues = budg_due_store_list (self, budg_bill_get_start_date (bill), today,
                                  budg_bill_get_account_id (bill), FALSE, error);
      if (dues == NULL)
        goto failed;

      for (guint d = 0; d < dues->len; d++)
        {
          BudgDueBill *due = g_ptr_array_index (dues, d);
          BudgDueStatus status = budg_due_bill_get_status (due);

          if (budg_due_bill_get_bill_id (due) != budg_bill_get_id (bill) ||
              status == BUDG_DUE_STATUS_PAID || status == BUDG_DUE_STATUS_SKIPPED)
            continue;

          if (budg_due_store_pay (self, due, NULL, FALSE, 0, error) == 0)
            goto failed;
          paid++;
        }
    }

  if (!budg_database_commit (self->database, error))
    goto failed;

  return paid;

failed:
  budg_database_rollback (self->database);
  return -1;
}
