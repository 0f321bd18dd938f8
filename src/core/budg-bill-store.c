/* budg-bill-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-bill-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-bill-store.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-payees.h"
#include "budg-recurrence.h"
#include "budg-validate.h"

struct _BudgBillStore
{
  GObject       parent_instance;

  BudgDatabase *database;
  GPtrArray    *bills;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudgBillStore, budg_bill_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

#define MAX_LEAD_DAYS 365

gboolean
budg_bill_store_reload (BudgBillStore  *self,
                        GError        **error)
{
  g_autoptr(GPtrArray) bills = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  guint old_len;
  int rc;

  g_return_val_if_fail (BUDG_IS_BILL_STORE (self), FALSE);

  stmt = budg_database_prepare (self->database,
                                "SELECT b.id, b.name, p.name, b.account_id, a.name, a.currency,"
                                "       ifnull(b.category_id, 0),"
                                "       CASE WHEN c.id IS NULL THEN NULL WHEN pc.id IS NULL THEN c.name"
                                "            ELSE pc.name || ':' || c.name END,"
                                "       b.amount_minor, ifnull(b.amount_max_minor, 0), b.is_income, b.rrule,"
                                "       b.start_date, b.end_date, ifnull(b.occurrence_count, 0), b.weekend_shift,"
                                "       b.autopay, b.lead_days, b.notes, b.active, b.settled_through"
                                " FROM bills b JOIN accounts a ON a.id = b.account_id"
                                " LEFT JOIN payees p ON p.id = b.payee_id"
                                " LEFT JOIN categories c ON c.id = b.category_id"
                                " LEFT JOIN categories pc ON pc.id = c.parent_id"
                                " ORDER BY b.name COLLATE NOCASE, b.id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BudgBill *bill = budg_bill_store_lookup (self, id);
      BudgWeekendShift shift = BUDG_WEEKEND_SHIFT_NONE;

      if (bill != NULL)
        g_object_ref (bill);
      else
        {
          bill = budg_bill_new ((const char *) sqlite3_column_text (stmt, 1),
                                sqlite3_column_int64 (stmt, 3),
                                sqlite3_column_int64 (stmt, 8),
                                (const char *) sqlite3_column_text (stmt, 11),
                                (const char *) sqlite3_column_text (stmt, 12));
          budg_bill_set_id (bill, id);
        }

      budg_weekend_shift_from_string ((const char *) sqlite3_column_text (stmt, 15), &shift);

      budg_bill_set_name (bill, (const char *) sqlite3_column_text (stmt, 1));
      budg_bill_set_payee (bill, (const char *) sqlite3_column_text (stmt, 2));
      budg_bill_set_account_id (bill, sqlite3_column_int64 (stmt, 3));
      budg_bill_set_account_name (bill, (const char *) sqlite3_column_text (stmt, 4));
      budg_bill_set_currency (bill, (const char *) sqlite3_column_text (stmt, 5));
      budg_bill_set_category_id (bill, sqlite3_column_int64 (stmt, 6));
      budg_bill_set_category_path (bill, (const char *) sqlite3_column_text (stmt, 7));
      budg_bill_set_amount_minor (bill, sqlite3_column_int64 (stmt, 8));
      budg_bill_set_amount_max_minor (bill, sqlite3_column_int64 (stmt, 9));
      budg_bill_set_is_income (bill, sqlite3_column_int (stmt, 10) != 0);
      budg_bill_set_rrule (bill, (const char *) sqlite3_column_text (stmt, 11));
      budg_bill_set_start_date (bill, (const char *) sqlite3_column_text (stmt, 12));
      budg_bill_set_end_date (bill, (const char *) sqlite3_column_text (stmt, 13));
      budg_bill_set_count (bill, (guint) sqlite3_column_int64 (stmt, 14));
      budg_bill_set_weekend_shift (bill, shift);
      budg_bill_set_autopay (bill, sqlite3_column_int (stmt, 16) != 0);
      budg_bill_set_lead_days (bill, (guint) sqlite3_column_int (stmt, 17));
      budg_bill_set_notes (bill, (const char *) sqlite3_column_text (stmt, 18));
      budg_bill_set_active (bill, sqlite3_column_int (stmt, 19) != 0);
      budg_bill_set_settled_through (bill, (const char *) sqlite3_column_text (stmt, 20));
      g_ptr_array_add (bills, bill);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the bills"));
      return FALSE;
    }

  old_len = self->bills->len;
  g_ptr_array_unref (self->bills);
  self->bills = g_steal_pointer (&bills);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->bills->len);

  return TRUE;
}

static void
database_changed_cb (BudgBillStore *self,
                     const char    *table,
                     BudgDatabase  *database)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (table, "bills") != 0 &&
      g_strcmp0 (table, "accounts") != 0 &&
      g_strcmp0 (table, "categories") != 0 &&
      g_strcmp0 (table, "*") != 0)
    return;

  if (!budg_bill_store_reload (self, &error))
    g_warning ("Could not reload the bills: %s", error->message);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return BUDG_TYPE_BILL;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return BUDG_BILL_STORE (model)->bills->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  BudgBillStore *self = BUDG_BILL_STORE (model);

  if (position >= self->bills->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->bills, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
budg_bill_store_dispose (GObject *object)
{
  BudgBillStore *self = (BudgBillStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_bill_store_parent_class)->dispose (object);
}

static void
budg_bill_store_finalize (GObject *object)
{
  BudgBillStore *self = (BudgBillStore *)object;

  g_clear_pointer (&self->bills, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_bill_store_parent_class)->finalize (object);
}

static void
budg_bill_store_class_init (BudgBillStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_bill_store_dispose;
  object_class->finalize = budg_bill_store_finalize;
}

static void
budg_bill_store_init (BudgBillStore *self)
{
  self->bills = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * budg_bill_store_new:
 *
 * Returns: (transfer full): an empty store; call budg_bill_store_reload()
 */
BudgBillStore *
budg_bill_store_new (BudgDatabase *database)
{
  BudgBillStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_BILL_STORE, NULL);
  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

BudgBill *
budg_bill_store_lookup (BudgBillStore *self,
                        gint64         id)
{
  g_return_val_if_fail (BUDG_IS_BILL_STORE (self), NULL);

  for (guint i = 0; i < self->bills->len; i++)
    {
      BudgBill *bill = g_ptr_array_index (self->bills, i);

      if (budg_bill_get_id (bill) == id)
        return bill;
    }

  return NULL;
}

/**
 * budg_bill_store_find:
 * @id_or_name: a bill id or name, in any case
 *
 * Returns: (transfer none) (nullable): the bill, or %NULL with @error set
 */
BudgBill *
budg_bill_store_find (BudgBillStore  *self,
                      const char     *id_or_name,
                      GError        **error)
{
  g_autofree char *key = NULL;
  guint64 id;

  g_return_val_if_fail (BUDG_IS_BILL_STORE (self), NULL);

  if (id_or_name != NULL && g_utf8_validate (id_or_name, -1, NULL))
    {
      g_autofree char *name = g_strstrip (g_strdup (id_or_name));

      key = g_utf8_casefold (name, -1);
      for (guint i = 0; i < self->bills->len; i++)
        {
          BudgBill *bill = g_ptr_array_index (self->bills, i);
          g_autofree char *other = g_utf8_casefold (budg_bill_get_name (bill), -1);

          if (g_strcmp0 (key, other) == 0)
            return bill;
        }

      if (g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT64, &id, NULL))
        {
          BudgBill *bill = budg_bill_store_lookup (self, (gint64) id);

          if (bill != NULL)
            return bill;
        }
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
               _("There is no bill “%s”. Check the name or id in the list of bills."),
               id_or_name != NULL && g_utf8_validate (id_or_name, -1, NULL) ? id_or_name : "?");

  return NULL;
}

/* The checked, normalized values of a bill, ready to be written. */
typedef struct
{
  char             *name;
  char             *payee;
  gint64            account_id;
  gint64            category_id;
  gint64            amount_minor;
  gint64            amount_max_minor;
  gboolean          is_income;
  char             *rrule;
  char             *start_date;
  char             *end_date;
  guint             count;
  BudgWeekendShift  shift;
  gboolean          autopay;
  guint             lead_days;
  char             *notes;
  gboolean          active;
  char             *settled_through;
} BillValues;

static void
bill_values_clear (BillValues *values)
{
  g_clear_pointer (&values->name, g_free);
  g_clear_pointer (&values->payee, g_free);
  g_clear_pointer (&values->rrule, g_free);
  g_clear_pointer (&values->start_date, g_free);
  g_clear_pointer (&values->end_date, g_free);
  g_clear_pointer (&values->notes, g_free);
  g_clear_pointer (&values->settled_through, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BillValues, bill_values_clear)

static gboolean
row_exists (BudgBillStore  *self,
            const char     *sql,
            gint64          id,
            gboolean       *out_exists,
            GError        **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (self->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("saving the bill"));
      return FALSE;
    }
  *out_exists = rc == SQLITE_ROW;

  return TRUE;
}

static gboolean
check_values (BudgBillStore  *self,
              BudgBill       *bill,
              BillValues     *values,
              GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *end_date = budg_bill_get_end_date (bill);
  const char *settled = budg_bill_get_settled_through (bill);
  gboolean exists;

  if (!(values->name = budg_validate_name (budg_bill_get_name (bill), _("bill"), error)))
    return FALSE;

  values->payee = budg_validate_optional (budg_bill_get_payee (bill), _("payee"), &local_error);
  if (local_error == NULL)
    values->notes = budg_validate_optional (budg_bill_get_notes (bill), _("notes"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  values->account_id = budg_bill_get_account_id (bill);
  if (!row_exists (self, "SELECT 1 FROM accounts WHERE id = ?1", values->account_id, &exists, error))
    return FALSE;
  if (!exists)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("The account of the bill “%s” does not exist. Choose an existing account."),
                   values->name);
      return FALSE;
    }

  values->category_id = budg_bill_get_category_id (bill);
  if (values->category_id != 0)
    {
      if (!row_exists (self, "SELECT 1 FROM categories WHERE id = ?1", values->category_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                       _("The category of the bill “%s” does not exist. Choose an existing category."),
                       values->name);
          return FALSE;
        }
    }

  values->amount_minor = budg_bill_get_amount_minor (bill);
  values->amount_max_minor = budg_bill_get_amount_max_minor (bill);
  if (values->amount_minor <= 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The amount of a bill is its size and must be more than zero; mark a deposit as income instead of making it negative."));
      return FALSE;
    }
  if (values->amount_max_minor != 0 && values->amount_max_minor < values->amount_minor)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The top of the estimated range is below the expected amount. Give a range that contains the amount."));
      return FALSE;
    }

  values->rrule = g_strstrip (g_strdup (budg_bill_get_rrule (bill) != NULL ? budg_bill_get_rrule (bill) : ""));
  if (g_str_has_prefix (values->rrule, "RRULE:"))
    memmove (values->rrule, values->rrule + strlen ("RRULE:"), strlen (values->rrule) - strlen ("RRULE:") + 1);
  if (!budg_recurrence_validate (values->rrule, error))
    return FALSE;

  if (!(values->start_date = budg_date_normalize (budg_bill_get_start_date (bill), error)))
    return FALSE;
  if (end_date != NULL)
    {
      if (!(values->end_date = budg_date_normalize (end_date, error)))
        return FALSE;
      if (strcmp (values->end_date, values->start_date) < 0)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The bill ends (%s) before it starts (%s). Choose an end on or after the start."),
                       values->end_date, values->start_date);
          return FALSE;
        }
    }
  values->count = budg_bill_get_count (bill);
  if (values->count > 0 && values->end_date != NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Give the bill an end date or a number of times, not both."));
      return FALSE;
    }
  if (settled != NULL && !(values->settled_through = budg_date_normalize (settled, error)))
    return FALSE;

  values->lead_days = budg_bill_get_lead_days (bill);
  if (values->lead_days > MAX_LEAD_DAYS)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A reminder can come at most %d days ahead."), MAX_LEAD_DAYS);
      return FALSE;
    }

  values->is_income = budg_bill_get_is_income (bill);
  values->shift = budg_bill_get_weekend_shift (bill);
  values->autopay = budg_bill_get_autopay (bill);
  values->active = budg_bill_get_active (bill);

  return TRUE;
}

static gboolean
bind_values (BudgBillStore  *self,
             sqlite3_stmt   *stmt,
             BillValues     *values,
             GError        **error)
{
  gint64 payee_id = 0;

  if (values->payee != NULL && !budg_payees_ensure (self->database, values->payee, &payee_id, error))
    return FALSE;

  sqlite3_bind_text (stmt, 2, values->name, -1, SQLITE_TRANSIENT);
  if (payee_id != 0)
    sqlite3_bind_int64 (stmt, 3, payee_id);
  sqlite3_bind_int64 (stmt, 4, values->account_id);
  if (values->category_id != 0)
    sqlite3_bind_int64 (stmt, 5, values->category_id);
  sqlite3_bind_int64 (stmt, 6, values->amount_minor);
  if (values->amount_max_minor != 0)
    sqlite3_bind_int64 (stmt, 7, values->amount_max_minor);
  sqlite3_bind_int (stmt, 8, values->amount_max_minor != 0);
  sqlite3_bind_int (stmt, 9, values->is_income ? 1 : 0);
  sqlite3_bind_text (stmt, 10, values->rrule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, values->start_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 12, values->end_date, -1, SQLITE_TRANSIENT);
  if (values->count > 0)
    sqlite3_bind_int64 (stmt, 13, values->count);
  sqlite3_bind_text (stmt, 14, budg_weekend_shift_to_string (values->shift), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 15, values->autopay ? 1 : 0);
  sqlite3_bind_int (stmt, 16, (int) values->lead_days);
  sqlite3_bind_text (stmt, 17, values->notes, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 18, values->active ? 1 : 0);
  sqlite3_bind_text (stmt, 19, values->settled_through, -1, SQLITE_TRANSIENT);

  return TRUE;
}

static gboolean
insert_bill (BudgBillStore  *self,
             BillValues     *values,
             gint64         *out_id,
             GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO bills (id, name, payee_id, account_id, category_id, amount_minor,"
                                " amount_max_minor, is_estimate, is_income, rrule, start_date, end_date,"
                                " occurrence_count, weekend_shift, autopay, lead_days, notes, active,"
                                " settled_through)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                                " ?16, ?17, ?18, ?19)",
                                error);
  if (stmt == NULL || !bind_values (self, stmt, values, error) ||
      !budg_database_step_done (self->database, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));

  return TRUE;
}

BudgBill *
budg_bill_store_create (BudgBillStore  *self,
                        BudgBill       *draft,
                        GError        **error)
{
  g_auto(BillValues) values = { 0 };
  gint64 id;

  g_return_val_if_fail (BUDG_IS_BILL_STORE (self), NULL);
  g_return_val_if_fail (BUDG_IS_BILL (draft), NULL);

  if (!check_values (self, draft, &values, error))
    return NULL;

  if (!budg_database_begin (self->database, error))
    return NULL;

  if (!insert_bill (self, &values, &id, error))
    {
      budg_database_rollback (self->database);
      return NULL;
    }

  budg_database_emit_changed (self->database, "bills");

  if (!budg_database_commit (self->database, error))
    {
      budg_database_rollback (self->database);
      return NULL;
    }

  return budg_bill_store_lookup (self, id);
}

/* Occurrences nobody acted on are only a cache of the rule; they go when the
 * rule changes and come back as the new rule says. */
static gboolean
forget_untouched (BudgBillStore  *self,
                  gint64          bill_id,
                  const char     *from_occurrence,
                  GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "DELETE FROM due_bills WHERE bill_id = ?1 AND touched = 0"
                                " AND occurrence_date >= ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, bill_id);
  sqlite3_bind_text (stmt, 2, from_occurrence != NULL ? from_occurrence : "", -1, SQLITE_TRANSIENT);

  return budg_database_step_done (self->database, stmt, error);
}

gboolean
budg_bill_store_update (BudgBillStore  *self,
                        BudgBill       *bill,
                        BudgBill       *values_bill,
                        GError        **error)
{
  g_auto(BillValues) values = { 0 };
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_BILL_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_BILL (bill), FALSE);
  g_return_val_if_fail (BUDG_IS_BILL (values_bill), FALSE);

  if (!check_values (self, values_bill, &values, error))
    return FALSE;

  if (!budg_database_begin (self->database, error))
    return FALSE;

  stmt = budg_database_prepare (self->database,
                                "UPDATE bills SET name = ?2, payee_id = ?3, account_id = ?4, category_id = ?5,"
                                " amount_minor = ?6, amount_max_minor = ?7, is_estimate = ?8, is_income = ?9,"
                                " rrule = ?10, start_date = ?11, end_date = ?12, occurrence_count = ?13,"
                                " weekend_shift = ?14, autopay = ?15, lead_days = ?16, notes = ?17,"
                                " active = ?18, settled_through = ?19 WHERE id = ?1",
                                error);
  if (stmt == NULL || !bind_values (self, stmt, &values, error))
    goto failed;
  sqlite3_bind_int64 (stmt, 1, budg_bill_get_id (bill));
  if (!budg_database_step_done (self->database, stmt, error) ||
      !forget_untouched (self, budg_bill_get_id (bill), NULL, error))
    goto failed;

  budg_database_emit_changed (self->database, "bills");
  budg_database_emit_changed (self->database, "due_bills");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

BudgBill *
budg_bill_store_update_from (BudgBillStore  *self,
                             BudgBill       *bill,
                             BudgBill       *values_bill,
                             const char     *occurrence_date,
                             GError        **error)
{
  g_autoptr(BudgBill) next = NULL;
  g_auto(BillValues) values = { 0 };
  g_autofree char *from = NULL;
  g_autofree char *day_before = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (BUDG_IS_BILL_STORE (self), NULL);
  g_return_val_if_fail (BUDG_IS_BILL (bill), NULL);
  g_return_val_if_fail (BUDG_IS_BILL (values_bill), NULL);

  if (!(from = budg_date_normalize (occurrence_date, error)))
    return NULL;

  /* Starting the new series on the chosen occurrence keeps the rhythm of
   * rules such as "every other month". */
  next = budg_bill_copy (values_bill);
  budg_bill_set_start_date (next, from);
  if (!check_values (self, next, &values, error))
    return NULL;

  if (strcmp (from, budg_bill_get_start_date (bill)) <= 0)
    {
      /* From the first occurrence on is the whole series. */
      if (!budg_bill_store_update (self, bill, next, error))
        return NULL;
      return bill;
    }

  day_before = budg_date_add_days (from, -1);

  if (!budg_database_begin (self->database, error))
    return NULL;

  if (!insert_bill (self, &values, &id, error) ||
      !forget_untouched (self, budg_bill_get_id (bill), from, error))
    goto failed;

  /* What someone did to the later occurrences follows them to the new bill. */
  stmt = budg_database_prepare (self->database,
                                "UPDATE due_bills SET bill_id = ?2 WHERE bill_id = ?1 AND occurrence_date >= ?3",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, budg_bill_get_id (bill));
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, from, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "UPDATE bills SET end_date = ?2, occurrence_count = NULL WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, budg_bill_get_id (bill));
  sqlite3_bind_text (stmt, 2, day_before, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  budg_database_emit_changed (self->database, "bills");
  budg_database_emit_changed (self->database, "due_bills");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return budg_bill_store_lookup (self, id);

failed:
  budg_database_rollback (self->database);
  return NULL;
}

gboolean
budg_bill_store_delete (BudgBillStore  *self,
                        BudgBill       *bill,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_BILL_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_BILL (bill), FALSE);

  stmt = budg_database_prepare (self->database, "DELETE FROM bills WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_bill_get_id (bill));
  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  budg_database_emit_changed (self->database, "bills");
  budg_database_emit_changed (self->database, "due_bills");

  return TRUE;
}
