/* budg-account-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-account-store"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-account-store.h"
#include "budg-checkpoints.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-validate.h"

typedef struct
{
  char   *date;
  gint64  amount_minor;
  char   *note;
} SavedSnapshot;

struct _BudgAccountStore
{
  GObject       parent_instance;

  BudgDatabase *database;
  GPtrArray    *accounts;

  /* Balance snapshots of accounts deleted in this session, by account id,
   * so that an Undo brings an account back whole. */
  GHashTable   *deleted_snapshots;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudgAccountStore, budg_account_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
saved_snapshot_free (gpointer data)
{
  SavedSnapshot *snapshot = data;

  g_free (snapshot->date);
  g_free (snapshot->note);
  g_free (snapshot);
}

/* The balance at the end of @today: the latest snapshot up to today plus
 * the transactions after it, read from the checkpoints (a few hundred rows
 * however long the history). Asking for the start of tomorrow gives
 * exactly that, since a snapshot holds at the end of its day. */
static gboolean
query_balance (BudgAccountStore  *self,
               gint64             account_id,
               const char        *today,
               gint64            *out_balance,
               GError           **error)
{
  g_autofree char *tomorrow = budg_date_add_days (today, 1);

  return budg_checkpoints_balance_after (self->database, account_id, tomorrow, 0, out_balance, error);
}

/**
 * budg_account_store_reload:
 *
 * Reads the accounts and their balances again. Accounts that still exist
 * keep their objects, so widgets bound to them simply see property changes.
 */
gboolean
budg_account_store_reload (BudgAccountStore  *self,
                           GError           **error)
{
  g_autoptr(GPtrArray) accounts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = budg_date_today ();
  sqlite3_stmt *stmt;
  guint old_len;
  int rc;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), FALSE);

  stmt = budg_database_prepare (self->database,
                                "SELECT id, name, kind, currency, institution, archived, sort_order,"
                                " warning_threshold_minor"
                                " FROM accounts ORDER BY sort_order, name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BudgAccount *account = budg_account_store_lookup (self, id);
      BudgAccountKind kind = BUDG_ACCOUNT_KIND_CHECKING;

      budg_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 2), &kind);

      if (account != NULL)
        g_object_ref (account);
      else
        {
          account = budg_account_new ((const char *) sqlite3_column_text (stmt, 1), kind,
                                      (const char *) sqlite3_column_text (stmt, 3));
          budg_account_set_id (account, id);
        }

      budg_account_set_name (account, (const char *) sqlite3_column_text (stmt, 1));
      budg_account_set_kind (account, kind);
      budg_account_set_currency (account, (const char *) sqlite3_column_text (stmt, 3));
      budg_account_set_institution (account, (const char *) sqlite3_column_text (stmt, 4));
      budg_account_set_archived (account, sqlite3_column_int (stmt, 5) != 0);
      budg_account_set_sort_order (account, sqlite3_column_int (stmt, 6));
      budg_account_set_warning_threshold (account, sqlite3_column_type (stmt, 7) != SQLITE_NULL,
                                          sqlite3_column_int64 (stmt, 7));
      g_ptr_array_add (accounts, account);
    }

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the accounts"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  for (guint i = 0; i < accounts->len; i++)
    {
      BudgAccount *account = g_ptr_array_index (accounts, i);
      gint64 balance;

      if (!query_balance (self, budg_account_get_id (account), today, &balance, error))
        return FALSE;
      budg_account_set_balance_minor (account, balance);
    }

  old_len = self->accounts->len;
  g_ptr_array_unref (self->accounts);
  self->accounts = g_steal_pointer (&accounts);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->accounts->len);

  return TRUE;
}

static void
database_changed_cb (BudgAccountStore *self,
                     const char       *table,
                     BudgDatabase     *database)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (table, "accounts") != 0 &&
      g_strcmp0 (table, "transactions") != 0 &&
      g_strcmp0 (table, "balance_snapshots") != 0 &&
      g_strcmp0 (table, "*") != 0)
    return;

  if (!budg_account_store_reload (self, &error))
    g_warning ("Could not reload the accounts: %s", error->message);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return BUDG_TYPE_ACCOUNT;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return BUDG_ACCOUNT_STORE (model)->accounts->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  BudgAccountStore *self = BUDG_ACCOUNT_STORE (model);

  if (position >= self->accounts->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->accounts, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
budg_account_store_dispose (GObject *object)
{
  BudgAccountStore *self = (BudgAccountStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_account_store_parent_class)->dispose (object);
}

static void
budg_account_store_finalize (GObject *object)
{
  BudgAccountStore *self = (BudgAccountStore *)object;

  g_clear_pointer (&self->accounts, g_ptr_array_unref);
  g_clear_pointer (&self->deleted_snapshots, g_hash_table_unref);

  G_OBJECT_CLASS (budg_account_store_parent_class)->finalize (object);
}

static void
budg_account_store_class_init (BudgAccountStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_account_store_dispose;
  object_class->finalize = budg_account_store_finalize;
}

static void
budg_account_store_init (BudgAccountStore *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->deleted_snapshots = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                   (GDestroyNotify) g_ptr_array_unref);
}

/**
 * budg_account_store_new:
 *
 * Returns: (transfer full): an empty store; call budg_account_store_reload()
 */
BudgAccountStore *
budg_account_store_new (BudgDatabase *database)
{
  BudgAccountStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_ACCOUNT_STORE, NULL);
  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

BudgAccount *
budg_account_store_lookup (BudgAccountStore *self,
                           gint64            id)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), NULL);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      BudgAccount *account = g_ptr_array_index (self->accounts, i);

      if (budg_account_get_id (account) == id)
        return account;
    }

  return NULL;
}

static gboolean
parse_id (const char *text,
          gint64     *out_id)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;

  *out_id = (gint64) value;

  return TRUE;
}

static BudgAccount *
find_by_name (BudgAccountStore *self,
              const char       *name,
              BudgAccount      *except)
{
  g_autofree char *key = g_utf8_casefold (name, -1);

  for (guint i = 0; i < self->accounts->len; i++)
    {
      BudgAccount *account = g_ptr_array_index (self->accounts, i);
      g_autofree char *other = g_utf8_casefold (budg_account_get_name (account), -1);

      if (account != except && g_strcmp0 (key, other) == 0)
        return account;
    }

  return NULL;
}

/**
 * budg_account_store_find:
 * @id_or_name: an account id ("3") or name, in any case
 *
 * Returns: (transfer none) (nullable): the account, or %NULL with @error set
 */
BudgAccount *
budg_account_store_find (BudgAccountStore  *self,
                         const char        *id_or_name,
                         GError           **error)
{
  BudgAccount *account = NULL;
  g_autofree char *name = NULL;
  gint64 id;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), NULL);

  if (id_or_name == NULL || !g_utf8_validate (id_or_name, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The account name is not valid text (invalid UTF-8)."));
      return NULL;
    }

  name = g_strstrip (g_strdup (id_or_name));

  /* A name wins over an id, so that an account called "2024" is found. */
  account = find_by_name (self, name, NULL);
  if (account == NULL && parse_id (name, &id))
    account = budg_account_store_lookup (self, id);

  if (account == NULL)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("There is no account “%s”. Check the name or id in the list of accounts."),
                 name);

  return account;
}

static gboolean
check_new_name (BudgAccountStore  *self,
                const char        *name,
                BudgAccount       *except,
                GError           **error)
{
  if (find_by_name (self, name, except) != NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE,
                   _("An account named “%s” already exists. Choose another name."), name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_kind (BudgAccountKind   kind,
            GError          **error)
{
  if ((int) kind < 0 || kind >= BUDG_N_ACCOUNT_KINDS)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("That is not an account kind. Use checking, savings, credit-card, cash, investment or loan."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
insert_snapshot (BudgAccountStore  *self,
                 gint64             account_id,
                 const char        *date,
                 gint64             amount_minor,
                 const char        *note,
                 GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO balance_snapshots (account_id, date, amount_minor, note)"
                                " VALUES (?1, ?2, ?3, ?4)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount_minor);
  sqlite3_bind_text (stmt, 4, note, -1, SQLITE_TRANSIENT);

  return budg_database_step_done (self->database, stmt, error);
}

static gboolean
insert_account (BudgAccountStore  *self,
                gint64             id,
                const char        *name,
                BudgAccountKind    kind,
                const char        *currency,
                const char        *institution,
                gboolean           archived,
                int                sort_order,
                gint64            *out_id,
                GError           **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO accounts (id, name, kind, currency, institution, archived, sort_order)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, budg_account_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, institution, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, archived ? 1 : 0);
  sqlite3_bind_int (stmt, 7, sort_order);

  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));

  return TRUE;
}

/**
 * budg_account_store_create:
 * @institution: (nullable): the bank or card issuer
 * @opening_date: (nullable): with @opening_balance_minor, a first balance
 *   snapshot recorded together with the account
 *
 * Returns: (transfer none) (nullable): the new account, owned by the store
 */
BudgAccount *
budg_account_store_create (BudgAccountStore  *self,
                           const char        *name,
                           BudgAccountKind    kind,
                           const char        *currency,
                           const char        *institution,
                           const char        *opening_date,
                           gint64             opening_balance_minor,
                           GError           **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_institution = NULL;
  g_autofree char *clean_date = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), NULL);

  if (!(clean_name = budg_validate_name (name, _("account"), error)) ||
      !check_kind (kind, error) ||
      !budg_validate_currency (currency, error) ||
      !check_new_name (self, clean_name, NULL, error))
    return NULL;

  clean_institution = budg_validate_optional (institution, _("institution"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (opening_date != NULL && !(clean_date = budg_date_normalize (opening_date, error)))
    return NULL;

  if (!budg_database_begin (self->database, error))
    return NULL;

  if (!insert_account (self, 0, clean_name, kind, currency, clean_institution, FALSE,
                       0, &id, error) ||
      (clean_date != NULL &&
       !insert_snapshot (self, id, clean_date, opening_balance_minor, NULL, error)))
    {
      budg_database_rollback (self->database);
      return NULL;
    }

  budg_database_emit_changed (self->database, "accounts");
  if (clean_date != NULL)
    budg_database_emit_changed (self->database, "balance_snapshots");

  if (!budg_database_commit (self->database, error))
    {
      budg_database_rollback (self->database);
      return NULL;
    }

  /* Inside a caller's transaction "changed" waits for its commit, so the
   * store has not read the new account yet; the caller still needs it.
   */
  if (budg_account_store_lookup (self, id) == NULL &&
      !budg_account_store_reload (self, error))
    return NULL;

  return budg_account_store_lookup (self, id);
}

static gint64
count_rows (BudgAccountStore *self,
            const char       *sql,
            gint64            account_id)
{
  sqlite3_stmt *stmt = budg_database_prepare (self->database, sql, NULL);
  gint64 count = 0;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, account_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  else
    count = -1;
  sqlite3_reset (stmt);

  return count;
}

/**
 * budg_account_store_count_transactions:
 *
 * Returns: how many transactions @account has, or -1 when that could not be read
 */
gint64
budg_account_store_count_transactions (BudgAccountStore *self,
                                       BudgAccount      *account)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), -1);
  g_return_val_if_fail (BUDG_IS_ACCOUNT (account), -1);

  return count_rows (self, "SELECT count(*) FROM transactions WHERE account_id = ?1",
                     budg_account_get_id (account));
}

/**
 * budg_account_store_update:
 *
 * Saves new values for @account. The currency of an account that already
 * has transactions or balances cannot change, because its amounts are
 * counted in that currency's minor units.
 */
gboolean
budg_account_store_update (BudgAccountStore  *self,
                           BudgAccount       *account,
                           const char        *name,
                           BudgAccountKind    kind,
                           const char        *currency,
                           const char        *institution,
                           GError           **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_institution = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_ACCOUNT (account), FALSE);

  if (!(clean_name = budg_validate_name (name, _("account"), error)) ||
      !check_kind (kind, error) ||
      !budg_validate_currency (currency, error) ||
      !check_new_name (self, clean_name, account, error))
    return FALSE;

  clean_institution = budg_validate_optional (institution, _("institution"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (g_strcmp0 (currency, budg_account_get_currency (account)) != 0 &&
      (budg_account_store_count_transactions (self, account) != 0 ||
       count_rows (self, "SELECT count(*) FROM balance_snapshots WHERE account_id = ?1",
                   budg_account_get_id (account)) != 0))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_IN_USE,
                   _("“%s” already has transactions or balances in %s, so its currency cannot change. Create a new account for %s instead."),
                   budg_account_get_name (account), budg_account_get_currency (account), currency);
      return FALSE;
    }

  stmt = budg_database_prepare (self->database,
                                "UPDATE accounts SET name = ?2, kind = ?3, currency = ?4, institution = ?5"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_account_get_id (account));
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, budg_account_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, clean_institution, -1, SQLITE_TRANSIENT);

  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  budg_database_emit_changed (self->database, "accounts");

  return TRUE;
}

gboolean
budg_account_store_set_archived (BudgAccountStore  *self,
                                 BudgAccount       *account,
                                 gboolean           archived,
                                 GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_ACCOUNT (account), FALSE);

  stmt = budg_database_prepare (self->database,
                                "UPDATE accounts SET archived = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_account_get_id (account));
  sqlite3_bind_int (stmt, 2, archived ? 1 : 0);

  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  budg_database_emit_changed (self->database, "accounts");

  return TRUE;
}

gboolean
budg_account_store_set_warning_threshold (BudgAccountStore  *self,
                                          BudgAccount       *account,
                                          gboolean           has_threshold,
                                          gint64             threshold_minor,
                                          GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_ACCOUNT (account), FALSE);

  stmt = budg_database_prepare (self->database,
                                "UPDATE accounts SET warning_threshold_minor = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_account_get_id (account));
  if (has_threshold)
    sqlite3_bind_int64 (stmt, 2, threshold_minor);

  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  budg_database_emit_changed (self->database, "accounts");

  return TRUE;
}

static GPtrArray *
read_snapshots (BudgAccountStore  *self,
                gint64             account_id,
                GError           **error)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (saved_snapshot_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT date, amount_minor, note FROM balance_snapshots WHERE account_id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SavedSnapshot *snapshot = g_new0 (SavedSnapshot, 1);

      snapshot->date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      snapshot->amount_minor = sqlite3_column_int64 (stmt, 1);
      snapshot->note = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (snapshots, snapshot);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("deleting the account"));
      return NULL;
    }

  return g_steal_pointer (&snapshots);
}

/**
 * budg_account_store_delete:
 *
 * Deletes @account with everything recorded on it (transactions, balances,
 * bills). Its balances are remembered for budg_account_store_undelete();
 * its transactions are not, so callers ask before deleting an account that
 * has any.
 */
gboolean
budg_account_store_delete (BudgAccountStore  *self,
                           BudgAccount       *account,
                           GError           **error)
{
  g_autoptr(GPtrArray) snapshots = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_ACCOUNT (account), FALSE);

  id = budg_account_get_id (account);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!(snapshots = read_snapshots (self, id, error)) ||
      !(stmt = budg_database_prepare (self->database, "DELETE FROM accounts WHERE id = ?1", error)))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  sqlite3_bind_int64 (stmt, 1, id);
  if (!budg_database_step_done (self->database, stmt, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  if (sqlite3_changes (budg_database_get_handle (self->database)) == 0)
    {
      budg_database_rollback (self->database);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("The account “%s” no longer exists."), budg_account_get_name (account));
      return FALSE;
    }

  budg_database_emit_changed (self->database, "accounts");
  budg_database_emit_changed (self->database, "transactions");
  budg_database_emit_changed (self->database, "balance_snapshots");

  if (!budg_database_commit (self->database, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  g_hash_table_replace (self->deleted_snapshots, g_memdup2 (&id, sizeof id),
                        g_steal_pointer (&snapshots));

  return TRUE;
}

/**
 * budg_account_store_undelete:
 * @account: an account deleted with budg_account_store_delete(), kept alive
 *   by the caller
 *
 * Puts a deleted account back with its id, settings and balance snapshots.
 */
gboolean
budg_account_store_undelete (BudgAccountStore  *self,
                             BudgAccount       *account,
                             GError           **error)
{
  GPtrArray *snapshots;
  gint64 id;
  gint64 new_id;

  g_return_val_if_fail (BUDG_IS_ACCOUNT_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_ACCOUNT (account), FALSE);

  id = budg_account_get_id (account);
  snapshots = g_hash_table_lookup (self->deleted_snapshots, &id);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!insert_account (self, id, budg_account_get_name (account), budg_account_get_kind (account),
                       budg_account_get_currency (account), budg_account_get_institution (account),
                       budg_account_get_archived (account), budg_account_get_sort_order (account),
                       &new_id, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  for (guint i = 0; snapshots != NULL && i < snapshots->len; i++)
    {
      SavedSnapshot *snapshot = g_ptr_array_index (snapshots, i);

      if (!insert_snapshot (self, id, snapshot->date, snapshot->amount_minor, snapshot->note, error))
        {
          budg_database_rollback (self->database);
          return FALSE;
        }
    }

  budg_database_emit_changed (self->database, "accounts");
  budg_database_emit_changed (self->database, "balance_snapshots");

  if (!budg_database_commit (self->database, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  g_hash_table_remove (self->deleted_snapshots, &id);

  return TRUE;
}
