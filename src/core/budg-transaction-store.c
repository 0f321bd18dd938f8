/* budg-transaction-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-transaction-store"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-checkpoints.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-payees.h"
#include "budg-transaction-store.h"
#include "budg-validate.h"

struct _BudgTransactionStore
{
  GObject       parent_instance;

  BudgDatabase *database;
};

G_DEFINE_FINAL_TYPE (BudgTransactionStore, budg_transaction_store, G_TYPE_OBJECT)

/* One SELECT for every read, so rows always carry the same columns. */
#define SELECT_COLUMNS \
  "SELECT t.id, t.account_id, a.name, a.currency, t.date, t.amount_minor, p.name," \
  "       ifnull(t.category_id, 0)," \
  "       CASE WHEN c.id IS NULL THEN NULL" \
  "            WHEN pc.id IS NULL THEN c.name" \
  "            ELSE pc.name || ':' || c.name END," \
  "       t.memo, t.status, t.external_id, t.source, ifnull(t.transfer_id, 0)," \
  "       (SELECT count(*) FROM splits s WHERE s.transaction_id = t.id)," \
  "       (SELECT ta.name FROM transactions tt JOIN accounts ta ON ta.id = tt.account_id" \
  "         WHERE tt.id = t.transfer_id)" \
  " FROM transactions t" \
  " JOIN accounts a ON a.id = t.account_id" \
  " LEFT JOIN payees p ON p.id = t.payee_id" \
  " LEFT JOIN categories c ON c.id = t.category_id" \
  " LEFT JOIN categories pc ON pc.id = c.parent_id"

static BudgTransaction *
transaction_from_row (sqlite3_stmt *stmt)
{
  BudgTransaction *transaction;
  BudgTransactionStatus status = BUDG_TRANSACTION_STATUS_PENDING;

  transaction = budg_transaction_new (sqlite3_column_int64 (stmt, 1),
                                      (const char *) sqlite3_column_text (stmt, 4),
                                      sqlite3_column_int64 (stmt, 5));
  budg_transaction_set_id (transaction, sqlite3_column_int64 (stmt, 0));
  budg_transaction_set_account_name (transaction, (const char *) sqlite3_column_text (stmt, 2));
  budg_transaction_set_currency (transaction, (const char *) sqlite3_column_text (stmt, 3));
  budg_transaction_set_payee (transaction, (const char *) sqlite3_column_text (stmt, 6));
  budg_transaction_set_category_id (transaction, sqlite3_column_int64 (stmt, 7));
  budg_transaction_set_category_path (transaction, (const char *) sqlite3_column_text (stmt, 8));
  budg_transaction_set_memo (transaction, (const char *) sqlite3_column_text (stmt, 9));
  budg_transaction_status_from_string ((const char *) sqlite3_column_text (stmt, 10), &status);
  budg_transaction_set_status (transaction, status);
  budg_transaction_set_external_id (transaction, (const char *) sqlite3_column_text (stmt, 11));
  budg_transaction_set_source (transaction, (const char *) sqlite3_column_text (stmt, 12));
  budg_transaction_set_transfer_id (transaction, sqlite3_column_int64 (stmt, 13));
  budg_transaction_set_split_count (transaction, sqlite3_column_int (stmt, 14));
  budg_transaction_set_transfer_account_name (transaction, (const char *) sqlite3_column_text (stmt, 15));

  return transaction;
}

static void
budg_transaction_store_dispose (GObject *object)
{
  BudgTransactionStore *self = (BudgTransactionStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_transaction_store_parent_class)->dispose (object);
}

static void
budg_transaction_store_class_init (BudgTransactionStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_transaction_store_dispose;
}

static void
budg_transaction_store_init (BudgTransactionStore *self)
{
}

/**
 * budg_transaction_store_new:
 *
 * Returns: (transfer full): a store reading and writing @database
 */
BudgTransactionStore *
budg_transaction_store_new (BudgDatabase *database)
{
  BudgTransactionStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_TRANSACTION_STORE, NULL);
  self->database = g_object_ref (database);

  return self;
}

static gboolean
lookup_id (BudgTransactionStore  *self,
           const char            *sql,
           gint64                 id,
           gboolean              *out_found,
           GError               **error)
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
      budg_database_set_error (self->database, error, _("saving the transaction"));
      return FALSE;
    }

  *out_found = rc == SQLITE_ROW;

  return TRUE;
}

static gboolean
lookup_account_of (BudgTransactionStore  *self,
                   gint64                 transaction_id,
                   gint64                *out_account_id,
                   GError               **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (self->database,
                                              "SELECT account_id FROM transactions WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transaction_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_account_id = sqlite3_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("The other side of the transfer is missing. Delete this transaction and enter the transfer again."));
  else
    budg_database_set_error (self->database, error, _("reading the transfer"));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

static void
clear_object_nullable (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

gboolean
budg_transaction_store_add (BudgTransactionStore  *self,
                            BudgTransaction       *transaction,
                            GError               **error)
{
  g_autofree char *date = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *memo = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(BudgTransaction) stored = NULL;
  gint64 account_id;
  gint64 category_id;
  gint64 payee_id = 0;
  gint64 id;
  gboolean found;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_TRANSACTION (transaction), FALSE);

  account_id = budg_transaction_get_account_id (transaction);
  category_id = budg_transaction_get_category_id (transaction);

  if (!(date = budg_date_normalize (budg_transaction_get_date (transaction), error)))
    return FALSE;

  payee = budg_validate_optional (budg_transaction_get_payee (transaction), _("payee"), &local_error);
  if (local_error == NULL)
    memo = budg_validate_optional (budg_transaction_get_memo (transaction), _("memo"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!lookup_id (self, "SELECT 1 FROM accounts WHERE id = ?1", account_id, &found, error))
    return FALSE;
  if (!found)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("The transaction’s account does not exist. Choose an existing account."));
      return FALSE;
    }

  if (category_id != 0)
    {
      if (!lookup_id (self, "SELECT 1 FROM categories WHERE id = ?1", category_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                       _("The transaction’s category does not exist. Choose an existing category."));
          return FALSE;
        }
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (payee != NULL && !budg_payees_ensure (self->database, payee, &payee_id, error))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO transactions (account_id, date, amount_minor, payee_id,"
                                " category_id, memo, status, external_id, source)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                error);
  if (stmt == NULL)
    goto failed;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, budg_transaction_get_amount_minor (transaction));
  if (payee_id != 0)
    sqlite3_bind_int64 (stmt, 4, payee_id);
  if (category_id != 0)
    sqlite3_bind_int64 (stmt, 5, category_id);
  sqlite3_bind_text (stmt, 6, memo, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, budg_transaction_status_to_string (budg_transaction_get_status (transaction)),
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, budg_transaction_get_external_id (transaction), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 9, budg_transaction_get_source (transaction), -1, SQLITE_TRANSIENT);

  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));

  budg_database_emit_changed (self->database, "transactions");
  if (payee_id != 0)
    budg_database_emit_changed (self->database, "payees");

  if (!budg_database_commit (self->database, error))
    goto failed;

  /* Read back what was stored, so the caller sees names and paths too. */
  stored = budg_transaction_store_get (self, id, NULL);
  budg_transaction_set_id (transaction, id);
  budg_transaction_set_date (transaction, date);
  budg_transaction_set_payee (transaction, payee);
  budg_transaction_set_memo (transaction, memo);
  if (stored != NULL)
    {
      budg_transaction_set_account_name (transaction, budg_transaction_get_account_name (stored));
      budg_transaction_set_currency (transaction, budg_transaction_get_currency (stored));
      budg_transaction_set_category_path (transaction, budg_transaction_get_category_path (stored));
    }

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

/**
 * budg_transaction_store_get:
 *
 * Returns: (transfer full) (nullable): the transaction, or %NULL with @error set
 */
BudgTransaction *
budg_transaction_store_get (BudgTransactionStore  *self,
                            gint64                 id,
                            GError               **error)
{
  BudgTransaction *transaction = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);

  stmt = budg_database_prepare (self->database, SELECT_COLUMNS " WHERE t.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    transaction = transaction_from_row (stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("There is no transaction with id %lld."), (long long) id);
  else
    budg_database_set_error (self->database, error, _("reading the transaction"));
  sqlite3_reset (stmt);

  return transaction;
}

BudgDatabase *
budg_transaction_store_get_database (BudgTransactionStore *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);

  return self->database;
}

/* A list of ids travels as one JSON array parameter unpacked by
 * json_each(), so one cached statement serves any number of ids. */
static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_sized_new (n_ids * 8 + 2);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

static gboolean
exec_ids (BudgTransactionStore  *self,
          const char            *sql,
          const char            *ids_json,
          GError               **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (self->database, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, ids_json, -1, SQLITE_STATIC);

  return budg_database_step_done (self->database, stmt, error);
}

/**
 * budg_transaction_store_get_many:
 *
 * Returns: (transfer container) (nullable): refs aligned with @ids, %NULL
 *   where a row is gone, or %NULL with @error set
 */
GPtrArray *
budg_transaction_store_get_many (BudgTransactionStore  *self,
                                 const gint64          *ids,
                                 guint                  n_ids,
                                 GError               **error)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) positions = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  result = g_ptr_array_new_full (n_ids, clear_object_nullable);
  g_ptr_array_set_size (result, n_ids);
  if (n_ids == 0)
    return g_steal_pointer (&result);

  positions = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_insert (positions, (gpointer) &ids[i], GUINT_TO_POINTER (i + 1));

  json = ids_to_json (ids, n_ids);
  stmt = budg_database_prepare (self->database,
                                SELECT_COLUMNS " WHERE t.id IN (SELECT value FROM json_each(?1))",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &id));

      if (position != 0 && g_ptr_array_index (result, position - 1) == NULL)
        g_ptr_array_index (result, position - 1) = transaction_from_row (stmt);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transactions"));
      return NULL;
    }

  /* An id listed twice gets the same row twice. */
  for (guint i = 0; i < n_ids; i++)
    if (g_ptr_array_index (result, i) == NULL)
      {
        guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, &ids[i]));

        if (position != 0 && position - 1 != i && g_ptr_array_index (result, position - 1) != NULL)
          g_ptr_array_index (result, i) = g_object_ref (g_ptr_array_index (result, position - 1));
      }

  return g_steal_pointer (&result);
}

/* What update() needs to know about the stored row. */
typedef struct
{
  gint64  account_id;
  gint64  amount_minor;
  gint64  transfer_id;
  guint   split_count;
  char   *currency;
} StoredRow;

static void
stored_row_clear (StoredRow *row)
{
  g_clear_pointer (&row->currency, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StoredRow, stored_row_clear)

static gboolean
read_stored_row (BudgTransactionStore  *self,
                 gint64                 id,
                 StoredRow             *row,
                 GError               **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT t.account_id, t.amount_minor, ifnull(t.transfer_id, 0),"
                                " (SELECT count(*) FROM splits s WHERE s.transaction_id = t.id), a.currency"
                                " FROM transactions t JOIN accounts a ON a.id = t.account_id WHERE t.id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      row->account_id = sqlite3_column_int64 (stmt, 0);
      row->amount_minor = sqlite3_column_int64 (stmt, 1);
      row->transfer_id = sqlite3_column_int64 (stmt, 2);
      row->split_count = sqlite3_column_int (stmt, 3);
      row->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("There is no transaction with id %lld."), (long long) id);
  else
    budg_database_set_error (self->database, error, _("reading the transaction"));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

static gboolean
read_account_currency (BudgTransactionStore  *self,
                       gint64                 account_id,
                       char                 **out_currency,
                       GError               **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (self->database,
                                              "SELECT currency FROM accounts WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_currency = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  else if (rc == SQLITE_DONE)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("The transaction’s account does not exist. Choose an existing account."));
  else
    budg_database_set_error (self->database, error, _("reading the account"));
  sqlite3_reset (stmt);

  return rc == SQLITE_ROW;
}

static gboolean
check_splits_sum (GPtrArray   *splits,
                  gint64       amount_minor,
                  const char  *currency,
                  GError     **error)
{
  gint64 sum = 0;

  for (guint i = 0; i < splits->len; i++)
    {
      BudgSplit *split = g_ptr_array_index (splits, i);

      if (!budg_money_add (sum, split->amount_minor, &sum, error))
        return FALSE;
    }

  if (sum != amount_minor)
    {
      gint64 gap = 0;
      g_autofree char *gap_text = NULL;
      g_autofree char *sum_text = budg_money_format (sum, currency);
      g_autofree char *amount_text = budg_money_format (amount_minor, currency);

      if (!budg_money_subtract (amount_minor, sum, &gap, error))
        return FALSE;
      gap_text = budg_money_format (gap < 0 ? -gap : gap, currency);

      /* Speak in the direction of the transaction: for money out, parts
       * that spend more than the total are "too much". */
      if ((gap > 0) == (amount_minor >= 0))
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("The parts add up to %s, %s short of the transaction’s %s. Add a part or change an amount."),
                     sum_text, gap_text, amount_text);
      else
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("The parts add up to %s, %s more than the transaction’s %s. Change an amount."),
                     sum_text, gap_text, amount_text);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_splits (BudgTransactionStore  *self,
              gint64                 id,
              GPtrArray             *splits,
              GError               **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database, "DELETE FROM splits WHERE transaction_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  for (guint i = 0; splits != NULL && i < splits->len; i++)
    {
      BudgSplit *split = g_ptr_array_index (splits, i);
      g_autofree char *memo = NULL;
      g_autoptr(GError) local_error = NULL;

      memo = budg_validate_optional (split->memo, _("memo"), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      stmt = budg_database_prepare (self->database,
                                    "INSERT INTO splits (transaction_id, category_id, amount_minor, memo, position)"
                                    " VALUES (?1, nullif(?2, 0), ?3, ?4, ?5)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, split->category_id);
      sqlite3_bind_int64 (stmt, 3, split->amount_minor);
      sqlite3_bind_text (stmt, 4, memo, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 5, i);
      if (!budg_database_step_done (self->database, stmt, error))
        {
          if (g_error_matches (*error, BUDG_ERROR, BUDG_ERROR_DATABASE) && split->category_id != 0)
            {
              g_clear_error (error);
              g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                           _("A part’s category does not exist. Choose an existing category."));
            }
          return FALSE;
        }
    }

  if (splits != NULL && splits->len > 0)
    {
      stmt = budg_database_prepare (self->database,
                                    "UPDATE transactions SET category_id = NULL WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      if (!budg_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  budg_database_emit_changed (self->database, "splits");

  return TRUE;
}

/**
 * budg_transaction_store_set_splits:
 *
 * Divides transaction @id across the parts in @splits (an array of
 * #BudgSplit), or removes its parts when @splits is %NULL or empty.
 */
gboolean
budg_transaction_store_set_splits (BudgTransactionStore  *self,
                                   gint64                 id,
                                   GPtrArray             *splits,
                                   GError               **error)
{
  g_auto(StoredRow) row = { 0 };

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);

  if (!read_stored_row (self, id, &row, error))
    return FALSE;

  if (splits != NULL && splits->len > 0)
    {
      if (row.transfer_id != 0)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("A transfer cannot be split. Split the transactions on either side instead."));
          return FALSE;
        }
      if (!check_splits_sum (splits, row.amount_minor, row.currency, error))
        return FALSE;
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!write_splits (self, id, splits, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }
  budg_database_emit_changed (self->database, "transactions");

  return budg_database_commit (self->database, error);
}

/**
 * budg_transaction_store_get_splits:
 *
 * Returns: (transfer container) (nullable): the parts in order, each with
 *   its category path; empty when the transaction is not split
 */
GPtrArray *
budg_transaction_store_get_splits (BudgTransactionStore  *self,
                                   gint64                 id,
                                   GError               **error)
{
  g_autoptr(GPtrArray) splits = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);

  stmt = budg_database_prepare (self->database,
                                "SELECT ifnull(s.category_id, 0), s.amount_minor, s.memo,"
                                "       CASE WHEN c.id IS NULL THEN NULL"
                                "            WHEN pc.id IS NULL THEN c.name"
                                "            ELSE pc.name || ':' || c.name END"
                                " FROM splits s"
                                " LEFT JOIN categories c ON c.id = s.category_id"
                                " LEFT JOIN categories pc ON pc.id = c.parent_id"
                                " WHERE s.transaction_id = ?1 ORDER BY s.position, s.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgSplit *split = budg_split_new (sqlite3_column_int64 (stmt, 0),
                                         sqlite3_column_int64 (stmt, 1),
                                         (const char *) sqlite3_column_text (stmt, 2));

      split->category_path = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (splits, split);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the split"));
      return NULL;
    }

  return g_steal_pointer (&splits);
}

static gboolean
update_row (BudgTransactionStore  *self,
            gint64                 id,
            gint64                 account_id,
            const char            *date,
            gint64                 amount_minor,
            gint64                 payee_id,
            gint64                 category_id,
            const char            *memo,
            BudgTransactionStatus  status,
            GError               **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "UPDATE transactions SET account_id = ?2, date = ?3, amount_minor = ?4,"
                                " payee_id = nullif(?5, 0), category_id = nullif(?6, 0), memo = ?7, status = ?8"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  sqlite3_bind_text (stmt, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, amount_minor);
  sqlite3_bind_int64 (stmt, 5, payee_id);
  sqlite3_bind_int64 (stmt, 6, category_id);
  sqlite3_bind_text (stmt, 7, memo, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 8, budg_transaction_status_to_string (status), -1, SQLITE_STATIC);

  return budg_database_step_done (self->database, stmt, error);
}

static gboolean
update_internal (BudgTransactionStore  *self,
                 BudgTransaction       *transaction,
                 gboolean               replace_splits,
                 GPtrArray             *splits,
                 GError               **error)
{
  g_auto(StoredRow) row = { 0 };
  g_autofree char *date = NULL;
  g_autofree char *payee = NULL;
  g_autofree char *memo = NULL;
  g_autofree char *currency = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id = budg_transaction_get_id (transaction);
  gint64 account_id = budg_transaction_get_account_id (transaction);
  gint64 amount = budg_transaction_get_amount_minor (transaction);
  gint64 category_id = budg_transaction_get_category_id (transaction);
  gboolean split_after;
  gint64 payee_id = 0;
  gint64 other_account = 0;
  gboolean found;

  if (!read_stored_row (self, id, &row, error))
    return FALSE;

  if (!(date = budg_date_normalize (budg_transaction_get_date (transaction), error)))
    return FALSE;

  payee = budg_validate_optional (budg_transaction_get_payee (transaction), _("payee"), &local_error);
  if (local_error == NULL)
    memo = budg_validate_optional (budg_transaction_get_memo (transaction), _("memo"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (!read_account_currency (self, account_id, &currency, error))
    return FALSE;

  if (category_id != 0)
    {
      if (!lookup_id (self, "SELECT 1 FROM categories WHERE id = ?1", category_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                       _("The transaction’s category does not exist. Choose an existing category."));
          return FALSE;
        }
    }

  split_after = replace_splits ? (splits != NULL && splits->len > 0) : row.split_count > 0;
  if (split_after && category_id != 0 && !replace_splits)
    {
      /* Choosing a category for a split transaction replaces its parts. */
      replace_splits = TRUE;
      split_after = FALSE;
      splits = NULL;
    }

  if (split_after)
    {
      if (row.transfer_id != 0)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("A transfer cannot be split. Split the transactions on either side instead."));
          return FALSE;
        }
      if (replace_splits)
        {
          if (!check_splits_sum (splits, amount, currency, error))
            return FALSE;
        }
      else if (amount != row.amount_minor)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("This transaction is split, so its amount can only change together with its parts. Edit the parts too."));
          return FALSE;
        }
      category_id = 0;
    }

  if (row.transfer_id != 0)
    {
      if (!lookup_account_of (self, row.transfer_id, &other_account, error))
        return FALSE;
      if (other_account == account_id)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("Both sides of a transfer are in the same account. Choose another account."));
          return FALSE;
        }
      /* A transfer moves money between accounts; it is neither income nor spending. */
      category_id = 0;
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (payee != NULL && !budg_payees_ensure (self->database, payee, &payee_id, error))
    goto failed;

  if (!update_row (self, id, account_id, date, amount, payee_id, category_id, memo,
                   budg_transaction_get_status (transaction), error))
    goto failed;

  if (replace_splits && !write_splits (self, id, splits, error))
    goto failed;

  if (row.transfer_id != 0)
    {
      g_autofree char *other_currency = NULL;
      sqlite3_stmt *stmt;

      if (!read_account_currency (self, other_account, &other_currency, error))
        goto failed;

      /* The other side follows the date, and the amount when there is no
       * exchange between the two: across currencies each side keeps what
       * its own account saw. */
      stmt = budg_database_prepare (self->database,
                                    "UPDATE transactions SET date = ?2,"
                                    " amount_minor = CASE WHEN ?3 THEN -?4 ELSE amount_minor END"
                                    " WHERE id = ?1",
                                    error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, row.transfer_id);
      sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, g_strcmp0 (currency, other_currency) == 0);
      sqlite3_bind_int64 (stmt, 4, amount);
      if (!budg_database_step_done (self->database, stmt, error))
        goto failed;
    }

  budg_database_emit_changed (self->database, "transactions");
  if (payee_id != 0)
    budg_database_emit_changed (self->database, "payees");

  if (!budg_database_commit (self->database, error))
    goto failed;

  budg_transaction_set_date (transaction, date);
  budg_transaction_set_payee (transaction, payee);
  budg_transaction_set_memo (transaction, memo);
  budg_transaction_set_category_id (transaction, category_id);

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

gboolean
budg_transaction_store_update (BudgTransactionStore  *self,
                               BudgTransaction       *transaction,
                               GError               **error)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_TRANSACTION (transaction), FALSE);

  return update_internal (self, transaction, FALSE, NULL, error);
}

/**
 * budg_transaction_store_update_with_splits:
 * @splits: (nullable): the new parts (BudgSplit), or %NULL / empty for none
 *
 * Like budg_transaction_store_update(), replacing the split parts in the
 * same database transaction, so the amount and its parts change together.
 */
gboolean
budg_transaction_store_update_with_splits (BudgTransactionStore  *self,
                                           BudgTransaction       *transaction,
                                           GPtrArray             *splits,
                                           GError               **error)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_TRANSACTION (transaction), FALSE);

  return update_internal (self, transaction, TRUE, splits, error);
}

/* The pair of a transfer: @id and its other side, when there is one. */
static gboolean
collect_with_transfers (BudgTransactionStore  *self,
                        const gint64          *ids,
                        guint                  n_ids,
                        GArray               **out_all,
                        GError               **error)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autofree char *json = ids_to_json (ids, n_ids);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT id, ifnull(transfer_id, 0) FROM transactions"
                                " WHERE id IN (SELECT value FROM json_each(?1))",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 pair[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      for (guint k = 0; k < 2; k++)
        if (pair[k] != 0 && !g_hash_table_contains (seen, &pair[k]))
          {
            g_hash_table_add (seen, g_memdup2 (&pair[k], sizeof (gint64)));
            g_array_append_val (all, pair[k]);
          }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("deleting the transactions"));
      return FALSE;
    }

  *out_all = g_steal_pointer (&all);

  return TRUE;
}

struct _BudgDeletedTransactions
{
  GPtrArray *rows;        /* of DeletedRow */
  guint      requested;   /* how many the user chose (transfer sides not counted twice) */
};

typedef struct
{
  gint64     id;
  gint64     account_id;
  char      *date;
  gint64     amount_minor;
  char      *payee;
  gint64     category_id;
  char      *memo;
  char      *status;
  char      *external_id;
  char      *source;
  gint64     transfer_id;
  GPtrArray *splits;      /* of BudgSplit */
  GArray    *due_bills;   /* of DueLink */
} DeletedRow;

typedef struct
{
  gint64  due_bill_id;
  char   *status;
} DueLink;

static void
deleted_row_free (DeletedRow *row)
{
  g_free (row->date);
  g_free (row->payee);
  g_free (row->memo);
  g_free (row->status);
  g_free (row->external_id);
  g_free (row->source);
  g_clear_pointer (&row->splits, g_ptr_array_unref);
  if (row->due_bills != NULL)
    {
      for (guint i = 0; i < row->due_bills->len; i++)
        g_free (g_array_index (row->due_bills, DueLink, i).status);
      g_array_unref (row->due_bills);
    }
  g_free (row);
}

guint
budg_deleted_transactions_get_count (BudgDeletedTransactions *deleted)
{
  g_return_val_if_fail (deleted != NULL, 0);

  return deleted->requested;
}

void
budg_deleted_transactions_free (BudgDeletedTransactions *deleted)
{
  if (deleted == NULL)
    return;

  g_ptr_array_unref (deleted->rows);
  g_free (deleted);
}

static gboolean
snapshot_rows (BudgTransactionStore     *self,
               GArray                   *ids,
               BudgDeletedTransactions  *deleted,
               GError                  **error)
{
  g_autofree char *json = ids_to_json ((const gint64 *) ids->data, ids->len);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT t.id, t.account_id, t.date, t.amount_minor, p.name,"
                                " ifnull(t.category_id, 0), t.memo, t.status, t.external_id, t.source,"
                                " ifnull(t.transfer_id, 0)"
                                " FROM transactions t LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE t.id IN (SELECT value FROM json_each(?1)) ORDER BY t.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DeletedRow *row = g_new0 (DeletedRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->account_id = sqlite3_column_int64 (stmt, 1);
      row->date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->amount_minor = sqlite3_column_int64 (stmt, 3);
      row->payee = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      row->category_id = sqlite3_column_int64 (stmt, 5);
      row->memo = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
      row->status = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      row->external_id = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
      row->source = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
      row->transfer_id = sqlite3_column_int64 (stmt, 10);
      row->due_bills = g_array_new (FALSE, FALSE, sizeof (DueLink));
      g_ptr_array_add (deleted->rows, row);
      g_hash_table_insert (by_id, &row->id, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto sqlite_failed;

  for (guint i = 0; i < deleted->rows->len; i++)
    {
      DeletedRow *row = g_ptr_array_index (deleted->rows, i);

      if (!(row->splits = budg_transaction_store_get_splits (self, row->id, error)))
        return FALSE;
    }

  stmt = budg_database_prepare (self->database,
                                "SELECT id, transaction_id, status FROM due_bills"
                                " WHERE transaction_id IN (SELECT value FROM json_each(?1))",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 transaction_id = sqlite3_column_int64 (stmt, 1);
      DeletedRow *row = g_hash_table_lookup (by_id, &transaction_id);
      DueLink link = { sqlite3_column_int64 (stmt, 0),
                       g_strdup ((const char *) sqlite3_column_text (stmt, 2)) };

      if (row != NULL)
        g_array_append_val (row->due_bills, link);
      else
        g_free (link.status);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto sqlite_failed;

  return TRUE;

sqlite_failed:
  budg_database_set_error (self->database, error, _("deleting the transactions"));
  return FALSE;
}

/**
 * budg_transaction_store_delete_many:
 *
 * Returns: (transfer full) (nullable): what budg_transaction_store_restore()
 *   needs to undo the delete, or %NULL with @error set (nothing deleted)
 */
BudgDeletedTransactions *
budg_transaction_store_delete_many (BudgTransactionStore  *self,
                                    const gint64          *ids,
                                    guint                  n_ids,
                                    GError               **error)
{
  g_autoptr(BudgDeletedTransactions) deleted = NULL;
  g_autoptr(GArray) all = NULL;
  g_autofree char *json = NULL;
  guint requested = 0;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  deleted = g_new0 (BudgDeletedTransactions, 1);
  deleted->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) deleted_row_free);

  if (!budg_database_begin (self->database, error))
    return NULL;

  if (!collect_with_transfers (self, ids, n_ids, &all, error) ||
      !snapshot_rows (self, all, deleted, error))
    goto failed;

  if (deleted->rows->len == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   n_ids == 1 ? _("There is no transaction with id %lld.")
                              : _("None of the transactions exist any more."),
                   n_ids == 1 ? (long long) ids[0] : 0LL);
      goto failed;
    }

  /* Count what the user chose: a transfer is one thing to them. */
  for (guint i = 0; i < deleted->rows->len; i++)
    {
      DeletedRow *row = g_ptr_array_index (deleted->rows, i);

      if (row->transfer_id == 0 || row->id < row->transfer_id)
        requested++;
    }
  deleted->requested = requested;

  json = ids_to_json ((const gint64 *) all->data, all->len);
  if (!exec_ids (self, "UPDATE transactions SET transfer_id = NULL"
                       " WHERE id IN (SELECT value FROM json_each(?1))", json, error) ||
      !exec_ids (self, "DELETE FROM transactions WHERE id IN (SELECT value FROM json_each(?1))",
                 json, error))
    goto failed;

  budg_database_emit_changed (self->database, "transactions");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return g_steal_pointer (&deleted);

failed:
  budg_database_rollback (self->database);
  return NULL;
}

gboolean
budg_transaction_store_delete (BudgTransactionStore  *self,
                               gint64                 id,
                               GError               **error)
{
  g_autoptr(BudgDeletedTransactions) deleted = NULL;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);

  deleted = budg_transaction_store_delete_many (self, &id, 1, error);

  return deleted != NULL;
}

gboolean
budg_transaction_store_restore (BudgTransactionStore     *self,
                                BudgDeletedTransactions  *deleted,
                                GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);
  g_return_val_if_fail (deleted != NULL, FALSE);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  /* Rows first without their transfer links, since the other side may not
   * be back yet; then the links, splits and due bills. */
  for (guint i = 0; i < deleted->rows->len; i++)
    {
      DeletedRow *row = g_ptr_array_index (deleted->rows, i);
      gint64 payee_id = 0;
      gboolean found;

      if (!lookup_id (self, "SELECT 1 FROM accounts WHERE id = ?1", row->account_id, &found, error))
        goto failed;
      if (!found)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                       _("The account of the deleted transactions is gone, so they cannot come back."));
          goto failed;
        }

      if (row->payee != NULL && !budg_payees_ensure (self->database, row->payee, &payee_id, error))
        goto failed;

      stmt = budg_database_prepare (self->database,
                                    "INSERT INTO transactions (id, account_id, date, amount_minor, payee_id,"
                                    " category_id, memo, status, external_id, source)"
                                    " VALUES (?1, ?2, ?3, ?4, nullif(?5, 0),"
                                    " (SELECT id FROM categories WHERE id = ?6), ?7, ?8, ?9, ?10)",
                                    error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, row->id);
      sqlite3_bind_int64 (stmt, 2, row->account_id);
      sqlite3_bind_text (stmt, 3, row->date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, row->amount_minor);
      sqlite3_bind_int64 (stmt, 5, payee_id);
      sqlite3_bind_int64 (stmt, 6, row->category_id);
      sqlite3_bind_text (stmt, 7, row->memo, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, row->status, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 9, row->external_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, row->source, -1, SQLITE_STATIC);
      if (!budg_database_step_done (self->database, stmt, error))
        goto failed;
    }

  for (guint i = 0; i < deleted->rows->len; i++)
    {
      DeletedRow *row = g_ptr_array_index (deleted->rows, i);

      if (row->transfer_id != 0)
        {
          stmt = budg_database_prepare (self->database,
                                        "UPDATE transactions SET transfer_id = ?2 WHERE id = ?1"
                                        " AND EXISTS (SELECT 1 FROM transactions WHERE id = ?2)",
                                        error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, row->id);
          sqlite3_bind_int64 (stmt, 2, row->transfer_id);
          if (!budg_database_step_done (self->database, stmt, error))
            goto failed;
        }

      if (row->splits->len > 0)
        {
          /* A category deleted in the meantime makes its parts uncategorized. */
          for (guint k = 0; k < row->splits->len; k++)
            {
              BudgSplit *split = g_ptr_array_index (row->splits, k);
              gboolean found = TRUE;

              if (split->category_id != 0 &&
                  !lookup_id (self, "SELECT 1 FROM categories WHERE id = ?1", split->category_id, &found, error))
                goto failed;
              if (!found)
                split->category_id = 0;
            }
          if (!write_splits (self, row->id, row->splits, error))
            goto failed;
        }

      for (guint k = 0; k < row->due_bills->len; k++)
        {
          DueLink *link = &g_array_index (row->due_bills, DueLink, k);

          stmt = budg_database_prepare (self->database,
                                        "UPDATE due_bills SET transaction_id = ?2, status = ?3 WHERE id = ?1",
                                        error);
          if (stmt == NULL)
            goto failed;
          sqlite3_bind_int64 (stmt, 1, link->due_bill_id);
          sqlite3_bind_int64 (stmt, 2, row->id);
          sqlite3_bind_text (stmt, 3, link->status, -1, SQLITE_STATIC);
          if (!budg_database_step_done (self->database, stmt, error))
            goto failed;
          budg_database_emit_changed (self->database, "due_bills");
        }
    }

  budg_database_emit_changed (self->database, "transactions");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

gboolean
budg_transaction_store_set_category_many (BudgTransactionStore  *self,
                                          const gint64          *ids,
                                          guint                  n_ids,
                                          gint64                 category_id,
                                          GError               **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (category_id != 0)
    {
      if (!lookup_id (self, "SELECT 1 FROM categories WHERE id = ?1", category_id, &found, error))
        return FALSE;
      if (!found)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                       _("The category does not exist. Choose an existing category."));
          return FALSE;
        }
    }

  json = ids_to_json (ids, n_ids);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  /* Transfers keep no category; the other rows lose their split parts. */
  if (!exec_ids (self, "DELETE FROM splits WHERE transaction_id IN (SELECT value FROM json_each(?1))"
                       " AND transaction_id IN (SELECT id FROM transactions WHERE transfer_id IS NULL)",
                 json, error))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "UPDATE transactions SET category_id = nullif(?2, 0)"
                                " WHERE id IN (SELECT value FROM json_each(?1)) AND transfer_id IS NULL",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, category_id);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  budg_database_emit_changed (self->database, "transactions");

  return budg_database_commit (self->database, error);

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

gboolean
budg_transaction_store_set_status_many (BudgTransactionStore   *self,
                                        const gint64           *ids,
                                        guint                   n_ids,
                                        BudgTransactionStatus   status,
                                        GError                **error)
{
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);
  g_return_val_if_fail (status <= BUDG_TRANSACTION_STATUS_RECONCILED, FALSE);

  json = ids_to_json (ids, n_ids);
  stmt = budg_database_prepare (self->database,
                                "UPDATE transactions SET status = ?2"
                                " WHERE id IN (SELECT value FROM json_each(?1))",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, budg_transaction_status_to_string (status), -1, SQLITE_STATIC);

  if (!budg_database_begin (self->database, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }
  if (!budg_database_step_done (self->database, stmt, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }
  budg_database_emit_changed (self->database, "transactions");

  return budg_database_commit (self->database, error);
}

gboolean
budg_transaction_store_add_transfer (BudgTransactionStore  *self,
                                     gint64                 from_account_id,
                                     gint64                 to_account_id,
                                     const char            *date,
                                     gint64                 from_amount_minor,
                                     gint64                 to_amount_minor,
                                     const char            *memo,
                                     gint64                *out_from_id,
                                     gint64                *out_to_id,
                                     GError               **error)
{
  g_autofree char *from_currency = NULL;
  g_autofree char *to_currency = NULL;
  g_autoptr(BudgTransaction) from = NULL;
  g_autoptr(BudgTransaction) to = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);

  if (from_account_id == to_account_id)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A transfer needs two different accounts. Choose another account to move the money to."));
      return FALSE;
    }
  if (from_amount_minor <= 0 || to_amount_minor < 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A transfer moves a positive amount. Enter the amount without a minus sign."));
      return FALSE;
    }

  if (!read_account_currency (self, from_account_id, &from_currency, error) ||
      !read_account_currency (self, to_account_id, &to_currency, error))
    return FALSE;

  if (to_amount_minor == 0)
    {
      if (g_strcmp0 (from_currency, to_currency) != 0)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The accounts have different currencies (%s and %s). Enter the amount received too."),
                       from_currency, to_currency);
          return FALSE;
        }
      to_amount_minor = from_amount_minor;
    }

  from = budg_transaction_new (from_account_id, date, -from_amount_minor);
  to = budg_transaction_new (to_account_id, date, to_amount_minor);
  budg_transaction_set_memo (from, memo);
  budg_transaction_set_memo (to, memo);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!budg_transaction_store_add (self, from, error) ||
      !budg_transaction_store_add (self, to, error))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "UPDATE transactions SET transfer_id = CASE id WHEN ?1 THEN ?2 ELSE ?1 END"
                                " WHERE id IN (?1, ?2)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, budg_transaction_get_id (from));
  sqlite3_bind_int64 (stmt, 2, budg_transaction_get_id (to));
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  if (!budg_database_commit (self->database, error))
    goto failed;

  if (out_from_id != NULL)
    *out_from_id = budg_transaction_get_id (from);
  if (out_to_id != NULL)
    *out_to_id = budg_transaction_get_id (to);

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

gboolean
budg_transaction_store_balance_after (BudgTransactionStore  *self,
                                      gint64                 account_id,
                                      const char            *date,
                                      gint64                 id,
                                      gint64                *out_balance,
                                      GError               **error)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);

  return budg_checkpoints_balance_after (self->database, account_id, date, id, out_balance, error);
}

/* Escapes LIKE wildcards so that a search for "100%" finds that text. */
static char *
like_pattern (const char *search)
{
  GString *pattern = g_string_new ("%");

  for (const char *p = search; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (pattern, FALSE);
}

static gboolean
has_text (const char *text)
{
  return text != NULL && text[0] != '\0';
}

/* The ids of categories whose path matches ?4, and of @category_id with its
 * children; both small sets SQLite builds once per statement. */
#define SEARCH_CATEGORIES \
  "(SELECT c.id FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id" \
  "  WHERE ifnull(pc.name || ':', '') || c.name LIKE ?4 ESCAPE '\\')"
#define FILTER_CATEGORIES \
  "(SELECT id FROM categories WHERE id = ?6 OR parent_id = ?6)"

/* Builds the WHERE clause from fixed fragments only; values are bound as
 * numbered parameters ?1…?8 by bind_query(). It names only the
 * transactions table (as t), so an id query reads no other row. */
static void
append_where_full (GString                    *sql,
                   const BudgTransactionQuery *query,
                   gboolean                    account_unindexed)
{
  g_string_append (sql, " WHERE 1");
  /* The unary plus keeps SQLite from choosing the account index (a range
   * of up to every row) over a more selective one, which without
   * statistics it otherwise may. */
  if (query->account_id != 0)
    g_string_append (sql, account_unindexed ? " AND +t.account_id = ?1" : " AND t.account_id = ?1");
  if (has_text (query->from_date))
    g_string_append (sql, " AND t.date >= ?2");
  if (has_text (query->to_date))
    g_string_append (sql, " AND t.date <= ?3");
  /* Each way a search can match walks its own index (payees, categories,
   * split parts, memos); SQLite unions the ids once per statement instead
   * of testing every row of the table. */
  if (has_text (query->search))
    g_string_append (sql,
                     " AND t.id IN ("
                     "  SELECT id FROM transactions"
                     "   WHERE payee_id IN (SELECT id FROM payees WHERE name LIKE ?4 ESCAPE '\\')"
                     "  UNION SELECT id FROM transactions WHERE category_id IN " SEARCH_CATEGORIES
                     "  UNION SELECT transaction_id FROM splits"
                     "   WHERE category_id IN " SEARCH_CATEGORIES " OR memo LIKE ?4 ESCAPE '\\'"
                     "  UNION SELECT id FROM transactions"
                     "   WHERE memo IS NOT NULL AND memo LIKE ?4 ESCAPE '\\')");
  if (has_text (query->payee))
    g_string_append (sql, " AND t.payee_id IN (SELECT id FROM payees WHERE name LIKE ?5 ESCAPE '\\')");
  if (query->category_id != 0)
    g_string_append (sql,
                     " AND (t.category_id IN " FILTER_CATEGORIES
                     "      OR t.id IN (SELECT transaction_id FROM splits WHERE category_id IN "
                     FILTER_CATEGORIES "))");
  if (query->uncategorized)
    g_string_append (sql, " AND t.category_id IS NULL AND t.transfer_id IS NULL"
                          " AND t.id NOT IN (SELECT transaction_id FROM splits)");
  if (query->status_mask != 0 && (query->status_mask & 0x7) != 0x7)
    {
      gboolean first = TRUE;

      g_string_append (sql, " AND t.status IN (");
      for (BudgTransactionStatus status = BUDG_TRANSACTION_STATUS_PENDING;
           status <= BUDG_TRANSACTION_STATUS_RECONCILED; status++)
        if (query->status_mask & (1u << status))
          {
            g_string_append_printf (sql, "%s'%s'", first ? "" : ", ",
                                    budg_transaction_status_to_string (status));
            first = FALSE;
          }
      g_string_append_c (sql, ')');
    }
  /* On the absolute amount, written as ranges of the signed amount so
   * that the amount index applies: one exact size is two lookups. */
  if (query->has_min_amount && query->has_max_amount)
    g_string_append (sql, " AND (t.amount_minor BETWEEN ?7 AND ?8 OR t.amount_minor BETWEEN -?8 AND -?7)");
  else if (query->has_min_amount)
    g_string_append (sql, " AND (t.amount_minor >= ?7 OR t.amount_minor <= -?7)");
  else if (query->has_max_amount)
    g_string_append (sql, " AND t.amount_minor BETWEEN -?8 AND ?8");
}

static void
append_where (GString                    *sql,
              const BudgTransactionQuery *query)
{
  append_where_full (sql, query, FALSE);
}

static gboolean
check_query (const BudgTransactionQuery  *query,
             GError                     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (has_text (query->from_date) && !(from = budg_date_normalize (query->from_date, error)))
    return FALSE;
  if (has_text (query->to_date) && !(to = budg_date_normalize (query->to_date, error)))
    return FALSE;
  if ((query->search != NULL && !g_utf8_validate (query->search, -1, NULL)) ||
      (query->payee != NULL && !g_utf8_validate (query->payee, -1, NULL)))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The search text is not valid text (invalid UTF-8)."));
      return FALSE;
    }
  if ((query->has_min_amount && query->min_amount_minor < 0) ||
      (query->has_max_amount && query->max_amount_minor < 0) ||
      (query->has_min_amount && query->min_amount_minor == G_MININT64))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Amount limits are sizes without a sign. Leave out the minus sign."));
      return FALSE;
    }
  if ((guint) query->sort > BUDG_TRANSACTION_SORT_CATEGORY)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Transactions can be sorted by date, amount, payee or category."));
      return FALSE;
    }

  return TRUE;
}

static void
bind_query (sqlite3_stmt               *stmt,
            const BudgTransactionQuery *query)
{
  if (query->account_id != 0)
    sqlite3_bind_int64 (stmt, 1, query->account_id);
  if (has_text (query->from_date))
    sqlite3_bind_text (stmt, 2, g_strstrip (g_strdup (query->from_date)), -1, g_free);
  if (has_text (query->to_date))
    sqlite3_bind_text (stmt, 3, g_strstrip (g_strdup (query->to_date)), -1, g_free);
  if (has_text (query->search))
    sqlite3_bind_text (stmt, 4, like_pattern (query->search), -1, g_free);
  if (has_text (query->payee))
    sqlite3_bind_text (stmt, 5, like_pattern (query->payee), -1, g_free);
  if (query->category_id != 0)
    sqlite3_bind_int64 (stmt, 6, query->category_id);
  if (query->has_min_amount)
    sqlite3_bind_int64 (stmt, 7, query->min_amount_minor);
  if (query->has_max_amount)
    sqlite3_bind_int64 (stmt, 8, query->max_amount_minor);
}

static gboolean
collect_ids (BudgTransactionStore        *self,
             const char                  *sql,
             const BudgTransactionQuery  *query,
             gint64                       group_id,
             GArray                      *ids,
             GError                     **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (self->database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query);
  if (group_id != 0)
    sqlite3_bind_int64 (stmt, 9, group_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transactions"));
      return FALSE;
    }

  return TRUE;
}

/* A search, possibly within one account and dates, and nothing else. */
static gboolean
is_plain_search (const BudgTransactionQuery *query)
{
  return has_text (query->search) && !has_text (query->payee) && query->category_id == 0 &&
         !query->uncategorized && (query->status_mask == 0 || (query->status_mask & 0x7) == 0x7) &&
         !query->has_min_amount && !query->has_max_amount;
}

/* Each way a search can match reads (date, id) straight from its index
 * (payee and category indexes carry the date; memos and split parts are
 * few), so the matches come sorted by date without a lookup into the table
 * for each of them, which costs more than the search itself. */
static GString *
build_search_by_date (const BudgTransactionQuery *query)
{
  GString *sql = g_string_new ("SELECT id FROM (");
  g_autoptr(GString) range = g_string_new (NULL);

  if (query->account_id != 0)
    g_string_append (range, " AND +t.account_id = ?1");
  if (has_text (query->from_date))
    g_string_append (range, " AND t.date >= ?2");
  if (has_text (query->to_date))
    g_string_append (range, " AND t.date <= ?3");

  g_string_append_printf (sql,
                          "SELECT t.date, t.id FROM transactions t"
                          " WHERE t.payee_id IN (SELECT id FROM payees WHERE name LIKE ?4 ESCAPE '\\')%1$s"
                          " UNION SELECT t.date, t.id FROM transactions t"
                          " WHERE t.category_id IN " SEARCH_CATEGORIES "%1$s"
                          " UNION SELECT t.date, t.id FROM splits s JOIN transactions t ON t.id = s.transaction_id"
                          " WHERE (s.category_id IN " SEARCH_CATEGORIES " OR s.memo LIKE ?4 ESCAPE '\\')%1$s"
                          " UNION SELECT t.date, t.id FROM transactions t"
                          " WHERE t.memo IS NOT NULL AND t.memo LIKE ?4 ESCAPE '\\'%1$s"
                          ") ORDER BY date, id",
                          range->str);

  return sql;
}

/* Category order is by path. The categories are few, so each one's rows are
 * read in turn (each an index range in id order), instead of asking SQLite
 * to sort every row by a computed path. Uncategorized rows (including
 * splits and transfers) come first. */
static gboolean
collect_by_category (BudgTransactionStore        *self,
                     const BudgTransactionQuery  *query,
                     GArray                      *ids,
                     GError                     **error)
{
  g_autoptr(GString) none_sql = g_string_new ("SELECT t.id FROM transactions t");
  g_autoptr(GString) one_sql = g_string_new ("SELECT t.id FROM transactions t");
  g_autoptr(GArray) categories = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  append_where (none_sql, query);
  g_string_append (none_sql, " AND t.category_id IS NULL ORDER BY t.id");
  if (!collect_ids (self, none_sql->str, query, 0, ids, error))
    return FALSE;

  stmt = budg_database_prepare (self->database,
                                "SELECT c.id FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id"
                                " ORDER BY ifnull(pc.name, c.name) COLLATE NOCASE, pc.id IS NOT NULL,"
                                " c.name COLLATE NOCASE, c.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (categories, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the categories"));
      return FALSE;
    }

  append_where (one_sql, query);
  g_string_append (one_sql, " AND t.category_id = ?9 ORDER BY t.id");
  for (guint i = 0; i < categories->len; i++)
    if (!collect_ids (self, one_sql->str, query, g_array_index (categories, gint64, i), ids, error))
      return FALSE;

  return TRUE;
}

static void
reverse_ids (GArray *ids)
{
  gint64 *data = (gint64 *) ids->data;

  for (guint i = 0, j = ids->len; i + 1 < j; i++, j--)
    {
      gint64 swap = data[i];

      data[i] = data[j - 1];
      data[j - 1] = swap;
    }
}

/**
 * budg_transaction_store_query_ids:
 *
 * Returns: (transfer full) (nullable): a #GArray of gint64 ids of every
 *   match in the query's order (limit and offset ignored), or %NULL with
 *   @error set
 */
GArray *
budg_transaction_store_query_ids (BudgTransactionStore        *self,
                                  const BudgTransactionQuery  *query,
                                  GError                     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) sql = NULL;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!check_query (query, error))
    return NULL;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 1024);

  switch (query->sort)
    {
    case BUDG_TRANSACTION_SORT_DATE:
      if (is_plain_search (query))
        sql = build_search_by_date (query);
      else
        {
          sql = g_string_new ("SELECT t.id FROM transactions t");
          append_where (sql, query);
          g_string_append (sql, " ORDER BY t.date, t.id");
        }
      if (!collect_ids (self, sql->str, query, 0, ids, error))
        return NULL;
      break;

    case BUDG_TRANSACTION_SORT_AMOUNT:
      sql = g_string_new ("SELECT t.id FROM transactions t");
      append_where (sql, query);
      g_string_append (sql, " ORDER BY t.amount_minor, t.id");
      if (!collect_ids (self, sql->str, query, 0, ids, error))
        return NULL;
      break;

    case BUDG_TRANSACTION_SORT_PAYEE:
      /* Rows without a payee first, then by name: SQLite walks the payees
       * by name and each payee's rows through the payee index. */
      sql = g_string_new ("SELECT t.id FROM transactions t");
      append_where (sql, query);
      g_string_append (sql, " AND t.payee_id IS NULL ORDER BY t.id");
      if (!collect_ids (self, sql->str, query, 0, ids, error))
        return NULL;
      g_string_assign (sql, "SELECT t.id FROM payees py JOIN transactions t ON t.payee_id = py.id");
      append_where_full (sql, query, TRUE);
      g_string_append (sql, " ORDER BY py.name COLLATE NOCASE, py.id, t.id");
      if (!collect_ids (self, sql->str, query, 0, ids, error))
        return NULL;
      break;

    case BUDG_TRANSACTION_SORT_CATEGORY:
      if (!collect_by_category (self, query, ids, error))
        return NULL;
      break;

    default:
      g_assert_not_reached ();
    }

  if (query->descending)
    reverse_ids (ids);

  return g_steal_pointer (&ids);
}

/**
 * budg_transaction_store_query_first_ids:
 * @limit: how many ids at most
 * @out_complete: (out): whether these are all the matches
 *
 * The first ids of budg_transaction_store_query_ids(), for showing the top
 * of a long list before the rest is read. Orders other than by date or
 * amount read everything (and say so).
 *
 * Returns: (transfer full) (nullable): a #GArray of gint64, or %NULL with
 *   @error set
 */
GArray *
budg_transaction_store_query_first_ids (BudgTransactionStore        *self,
                                        const BudgTransactionQuery  *query,
                                        guint                        limit,
                                        gboolean                    *out_complete,
                                        GError                     **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GString) sql = NULL;
  const char *direction;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);
  g_return_val_if_fail (query != NULL && out_complete != NULL && limit > 0, NULL);

  if ((query->sort != BUDG_TRANSACTION_SORT_DATE && query->sort != BUDG_TRANSACTION_SORT_AMOUNT) ||
      is_plain_search (query))
    {
      *out_complete = TRUE;
      return budg_transaction_store_query_ids (self, query, error);
    }

  if (!check_query (query, error))
    return NULL;

  direction = query->descending ? "DESC" : "ASC";
  sql = g_string_new ("SELECT t.id FROM transactions t");
  append_where (sql, query);
  if (query->sort == BUDG_TRANSACTION_SORT_DATE)
    g_string_append_printf (sql, " ORDER BY t.date %1$s, t.id %1$s LIMIT %2$u", direction, limit);
  else
    g_string_append_printf (sql, " ORDER BY t.amount_minor %1$s, t.id %1$s LIMIT %2$u", direction, limit);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), limit);
  if (!collect_ids (self, sql->str, query, 0, ids, error))
    return NULL;

  *out_complete = ids->len < limit;

  return g_steal_pointer (&ids);
}

/**
 * budg_transaction_store_query:
 *
 * Returns: (transfer container) (nullable): the matching transactions in
 *   the query's order, limited and offset as asked, or %NULL with @error set
 */
GPtrArray *
budg_transaction_store_query (BudgTransactionStore        *self,
                              const BudgTransactionQuery  *query,
                              GError                     **error)
{
  g_autoptr(GPtrArray) transactions = NULL;
  g_autoptr(GArray) ids = NULL;
  guint start, end;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!(ids = budg_transaction_store_query_ids (self, query, error)))
    return NULL;

  start = MIN (query->offset, ids->len);
  end = query->limit > 0 ? MIN ((guint64) start + query->limit, ids->len) : ids->len;

  transactions = budg_transaction_store_get_many (self, &g_array_index (ids, gint64, start),
                                                  end - start, error);
  if (transactions == NULL)
    return NULL;

  /* Rows deleted between the two reads (by another process) drop out. */
  for (guint i = transactions->len; i > 0; i--)
    if (g_ptr_array_index (transactions, i - 1) == NULL)
      g_ptr_array_remove_index (transactions, i - 1);
  g_ptr_array_set_free_func (transactions, g_object_unref);

  return g_steal_pointer (&transactions);
}

/**
 * budg_transaction_store_count:
 *
 * Returns: how many transactions match @query (ignoring its order, limit
 *   and offset), or -1 with @error set
 */
gint64
budg_transaction_store_count (BudgTransactionStore        *self,
                              const BudgTransactionQuery  *query,
                              GError                     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT count(*) FROM transactions t");
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  if (!check_query (query, error))
    return -1;

  append_where (sql, query);

  stmt = budg_database_prepare (self->database, sql->str, error);
  if (stmt == NULL)
    return -1;
  bind_query (stmt, query);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    budg_database_set_error (self->database, error, _("counting the transactions"));
  sqlite3_reset (stmt);

  return count;
}

gboolean
budg_transaction_store_sum (BudgTransactionStore        *self,
                            const BudgTransactionQuery  *query,
                            gint64                      *out_total_minor,
                            GError                     **error)
{
  g_autoptr(GString) sql = g_string_new ("SELECT sum(t.amount_minor),"
                                         " (SELECT count(DISTINCT a.currency) FROM accounts a"
                                         "   WHERE a.id IN (SELECT DISTINCT t.account_id FROM transactions t");
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);
  g_return_val_if_fail (query != NULL && out_total_minor != NULL, FALSE);

  if (!check_query (query, error))
    return FALSE;

  append_where (sql, query);
  g_string_append (sql, ")) FROM transactions t");
  append_where (sql, query);

  stmt = budg_database_prepare (self->database, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  bind_query (stmt, query);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && sqlite3_column_int (stmt, 1) > 1)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                 _("These transactions are in more than one currency, so they have no single total."));
  else if (rc == SQLITE_ROW)
    {
      *out_total_minor = sqlite3_column_int64 (stmt, 0);
      ok = TRUE;
    }
  else
    budg_database_set_error (self->database, error, _("adding up the transactions"));
  sqlite3_reset (stmt);

  return ok;
}
