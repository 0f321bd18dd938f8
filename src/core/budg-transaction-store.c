/* budg-transaction-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-transaction-store"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-error.h"
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
  "       t.memo, t.status, t.external_id, t.source, ifnull(t.transfer_id, 0)" \
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
                 _("There is no transaction with id %" G_GINT64_FORMAT "."), id);
  else
    budg_database_set_error (self->database, error, _("reading the transaction"));
  sqlite3_reset (stmt);

  return transaction;
}

gboolean
budg_transaction_store_delete (BudgTransactionStore  *self,
                               gint64                 id,
                               GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), FALSE);

  stmt = budg_database_prepare (self->database, "DELETE FROM transactions WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no transaction with id %" G_GINT64_FORMAT "."), id);
      return FALSE;
    }

  budg_database_emit_changed (self->database, "transactions");

  return TRUE;
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

/* Builds the WHERE clause from fixed fragments only; values are bound as
 * numbered parameters ?1…?4 by bind_query(). */
static void
append_where (GString                    *sql,
              const BudgTransactionQuery *query)
{
  g_string_append (sql, " WHERE 1");
  if (query->account_id != 0)
    g_string_append (sql, " AND t.account_id = ?1");
  if (query->from_date != NULL)
    g_string_append (sql, " AND t.date >= ?2");
  if (query->to_date != NULL)
    g_string_append (sql, " AND t.date <= ?3");
  if (query->search != NULL && query->search[0] != '\0')
    g_string_append (sql, " AND (p.name LIKE ?4 ESCAPE '\\' OR t.memo LIKE ?4 ESCAPE '\\'"
                          " OR c.name LIKE ?4 ESCAPE '\\' OR pc.name LIKE ?4 ESCAPE '\\')");
}

static gboolean
check_query (const BudgTransactionQuery  *query,
             GError                     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (query->from_date != NULL && !(from = budg_date_normalize (query->from_date, error)))
    return FALSE;
  if (query->to_date != NULL && !(to = budg_date_normalize (query->to_date, error)))
    return FALSE;
  if (query->search != NULL && !g_utf8_validate (query->search, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The search text is not valid text (invalid UTF-8)."));
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
  if (query->from_date != NULL)
    sqlite3_bind_text (stmt, 2, g_strstrip (g_strdup (query->from_date)), -1, g_free);
  if (query->to_date != NULL)
    sqlite3_bind_text (stmt, 3, g_strstrip (g_strdup (query->to_date)), -1, g_free);
  if (query->search != NULL && query->search[0] != '\0')
    sqlite3_bind_text (stmt, 4, like_pattern (query->search), -1, g_free);
}

/**
 * budg_transaction_store_query:
 *
 * Returns: (transfer full) (nullable): the matching transactions in date
 *   order (then id), or %NULL with @error set
 */
GPtrArray *
budg_transaction_store_query (BudgTransactionStore        *self,
                              const BudgTransactionQuery  *query,
                              GError                     **error)
{
  g_autoptr(GPtrArray) transactions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) sql = g_string_new (SELECT_COLUMNS);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  if (!check_query (query, error))
    return NULL;

  append_where (sql, query);
  g_string_append (sql, " ORDER BY t.date, t.id LIMIT ?5 OFFSET ?6");

  stmt = budg_database_prepare (self->database, sql->str, error);
  if (stmt == NULL)
    return NULL;

  bind_query (stmt, query);
  sqlite3_bind_int64 (stmt, 5, query->limit > 0 ? (gint64) query->limit : -1);
  sqlite3_bind_int64 (stmt, 6, query->offset);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (transactions, transaction_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transactions"));
      return NULL;
    }

  return g_steal_pointer (&transactions);
}

/**
 * budg_transaction_store_count:
 *
 * Returns: how many transactions match @query (ignoring its limit and
 *   offset), or -1 with @error set
 */
gint64
budg_transaction_store_count (BudgTransactionStore        *self,
                              const BudgTransactionQuery  *query,
                              GError                     **error)
{
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (self), -1);
  g_return_val_if_fail (query != NULL, -1);

  if (!check_query (query, error))
    return -1;

  /* Without a search the joins are not needed, and counting one account's
   * rows then reads only its index range. */
  if (query->search == NULL || query->search[0] == '\0')
    sql = g_string_new ("SELECT count(*) FROM transactions t");
  else
    sql = g_string_new ("SELECT count(*) FROM transactions t"
                        " LEFT JOIN payees p ON p.id = t.payee_id"
                        " LEFT JOIN categories c ON c.id = t.category_id"
                        " LEFT JOIN categories pc ON pc.id = c.parent_id");
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
