/* budg-balance-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-balance-store"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-balance-store.h"
#include "budg-checkpoints.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-validate.h"

struct _BudgBalanceStore
{
  GObject       parent_instance;

  BudgDatabase *database;
};

G_DEFINE_FINAL_TYPE (BudgBalanceStore, budg_balance_store, G_TYPE_OBJECT)

#define SELECT_COLUMNS \
  "SELECT s.id, s.account_id, a.name, a.currency, s.date, s.amount_minor, s.note" \
  " FROM balance_snapshots s JOIN accounts a ON a.id = s.account_id"

static BudgBalanceSnapshot *
snapshot_from_row (sqlite3_stmt *stmt)
{
  BudgBalanceSnapshot *snapshot;

  snapshot = budg_balance_snapshot_new (sqlite3_column_int64 (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        sqlite3_column_int64 (stmt, 5));
  budg_balance_snapshot_set_id (snapshot, sqlite3_column_int64 (stmt, 0));
  budg_balance_snapshot_set_account_name (snapshot, (const char *) sqlite3_column_text (stmt, 2));
  budg_balance_snapshot_set_currency (snapshot, (const char *) sqlite3_column_text (stmt, 3));
  budg_balance_snapshot_set_note (snapshot, (const char *) sqlite3_column_text (stmt, 6));

  return snapshot;
}

static void
budg_balance_store_dispose (GObject *object)
{
  BudgBalanceStore *self = (BudgBalanceStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_balance_store_parent_class)->dispose (object);
}

static void
budg_balance_store_class_init (BudgBalanceStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_balance_store_dispose;
}

static void
budg_balance_store_init (BudgBalanceStore *self)
{
}

/**
 * budg_balance_store_new:
 *
 * Returns: (transfer full): a store reading and writing @database
 */
BudgBalanceStore *
budg_balance_store_new (BudgDatabase *database)
{
  BudgBalanceStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_BALANCE_STORE, NULL);
  self->database = g_object_ref (database);

  return self;
}

BudgBalanceSnapshot *
budg_balance_store_set (BudgBalanceStore  *self,
                        gint64             account_id,
                        const char        *date,
                        gint64             amount_minor,
                        const char        *note,
                        GError           **error)
{
  g_autofree char *clean_date = NULL;
  g_autofree char *clean_note = NULL;
  g_autoptr(GError) local_error = NULL;
  BudgBalanceSnapshot *snapshot = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_BALANCE_STORE (self), NULL);

  if (!(clean_date = budg_date_normalize (date, error)))
    return NULL;

  clean_note = budg_validate_optional (note, _("note"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  stmt = budg_database_prepare (self->database, "SELECT 1 FROM accounts WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("The account for this balance does not exist. Choose an existing account."));
      return NULL;
    }

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO balance_snapshots (account_id, date, amount_minor, note)"
                                " VALUES (?1, ?2, ?3, ?4)"
                                " ON CONFLICT (account_id, date) DO UPDATE"
                                " SET amount_minor = excluded.amount_minor, note = excluded.note",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, clean_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount_minor);
  sqlite3_bind_text (stmt, 4, clean_note, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (self->database, stmt, error))
    return NULL;

  budg_database_emit_changed (self->database, "balance_snapshots");

  stmt = budg_database_prepare (self->database,
                                SELECT_COLUMNS " WHERE s.account_id = ?1 AND s.date = ?2", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, clean_date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    snapshot = snapshot_from_row (stmt);
  else
    budg_database_set_error (self->database, error, _("reading the balance"));
  sqlite3_reset (stmt);

  return snapshot;
}

GPtrArray *
budg_balance_store_list (BudgBalanceStore  *self,
                         gint64             account_id,
                         GError           **error)
{
  g_autoptr(GPtrArray) snapshots = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_BALANCE_STORE (self), NULL);

  stmt = budg_database_prepare (self->database,
                                SELECT_COLUMNS " WHERE ?1 = 0 OR s.account_id = ?1"
                                " ORDER BY s.date DESC, a.name COLLATE NOCASE, s.id DESC",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (snapshots, snapshot_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the balances"));
      return NULL;
    }

  return g_steal_pointer (&snapshots);
}

gboolean
budg_balance_store_get_computed (BudgBalanceStore     *self,
                                 BudgBalanceSnapshot  *snapshot,
                                 gboolean             *out_comparable,
                                 gint64               *out_computed_minor,
                                 GError              **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_BALANCE_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (snapshot), FALSE);
  g_return_val_if_fail (out_comparable != NULL && out_computed_minor != NULL, FALSE);

  *out_comparable = FALSE;
  *out_computed_minor = 0;

  stmt = budg_database_prepare (self->database,
                                "SELECT 1 FROM balance_snapshots WHERE account_id = ?1 AND date < ?2 LIMIT 1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budg_balance_snapshot_get_account_id (snapshot));
  sqlite3_bind_text (stmt, 2, budg_balance_snapshot_get_date (snapshot), -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    {
      budg_database_set_error (self->database, error, _("reading the balances"));
      return FALSE;
    }

  /* The end of the day, so every transaction of that day counts. */
  if (!budg_checkpoints_balance_after (self->database, budg_balance_snapshot_get_account_id (snapshot),
                                       budg_balance_snapshot_get_date (snapshot), G_MAXINT64,
                                       out_computed_minor, error))
    return FALSE;

  *out_comparable = TRUE;

  return TRUE;
}

gboolean
budg_balance_store_delete (BudgBalanceStore  *self,
                           gint64             id,
                           GError           **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_BALANCE_STORE (self), FALSE);

  stmt = budg_database_prepare (self->database, "DELETE FROM balance_snapshots WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no balance with id %lld."), (long long) id);
      return FALSE;
    }

  budg_database_emit_changed (self->database, "balance_snapshots");

  return TRUE;
}
