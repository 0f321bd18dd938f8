/* budg-plaid-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-plaid-store"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "budg-error.h"
#include "budg-plaid-store.h"

const char *
budg_plaid_item_state_to_string (BudgPlaidItemState state)
{
  switch (state)
    {
    case BUDG_PLAID_ITEM_OK:
      return "ok";
    case BUDG_PLAID_ITEM_NEEDS_LOGIN:
      return "needs-login";
    case BUDG_PLAID_ITEM_ERROR:
    default:
      return "error";
    }
}

static BudgPlaidItemState
item_state_from_string (const char *text)
{
  if (g_strcmp0 (text, "ok") == 0)
    return BUDG_PLAID_ITEM_OK;
  if (g_strcmp0 (text, "needs-login") == 0)
    return BUDG_PLAID_ITEM_NEEDS_LOGIN;

  return BUDG_PLAID_ITEM_ERROR;
}

void
budg_plaid_item_free (BudgPlaidItem *item)
{
  if (item == NULL)
    return;

  g_free (item->item_id);
  g_free (item->institution_name);
  g_free (item->cursor);
  g_free (item->last_sync_at);
  g_free (item->last_error);
  g_free (item);
}

void
budg_plaid_account_link_free (BudgPlaidAccountLink *link)
{
  if (link == NULL)
    return;

  g_free (link->plaid_account_id);
  g_free (link->name);
  g_free (link->mask);
  g_free (link);
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

#define ITEM_COLUMNS \
  "SELECT item_id, environment, institution_name, cursor, state, last_sync_at, last_error FROM plaid_items "

static BudgPlaidItem *
read_item (sqlite3_stmt *stmt)
{
  BudgPlaidItem *item = g_new0 (BudgPlaidItem, 1);

  item->item_id = column_text (stmt, 0);
  if (!budg_plaid_environment_from_string ((const char *) sqlite3_column_text (stmt, 1), &item->environment))
    item->environment = BUDG_PLAID_SANDBOX;
  item->institution_name = column_text (stmt, 2);
  item->cursor = column_text (stmt, 3);
  item->state = item_state_from_string ((const char *) sqlite3_column_text (stmt, 4));
  item->last_sync_at = column_text (stmt, 5);
  item->last_error = column_text (stmt, 6);

  return item;
}

/**
 * budg_plaid_store_list_items:
 * @database: the database
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type BudgPlaidItem): every
 *   connection, oldest first, or %NULL on error
 */
GPtrArray *
budg_plaid_store_list_items (BudgDatabase  *database,
                             GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_item_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database, ITEM_COLUMNS "ORDER BY created_at, item_id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, read_item (stmt));

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the bank connections"));
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * budg_plaid_store_get_item:
 * @database: the database
 * @item_id: the connection's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
BudgPlaidItem *
budg_plaid_store_get_item (BudgDatabase  *database,
                           const char    *item_id,
                           GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database, ITEM_COLUMNS "WHERE item_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      BudgPlaidItem *item = read_item (stmt);

      sqlite3_reset (stmt);
      return item;
    }
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the bank connections"));
      return NULL;
    }

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
               _("There is no bank connection “%s”. “budg-cli plaid status” lists them."), item_id);
  return NULL;
}

/**
 * budg_plaid_store_list_links:
 * @database: the database
 * @item_id: the connection's id
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type BudgPlaidAccountLink): the
 *   bank's accounts of the connection and the Budg accounts they feed
 */
GPtrArray *
budg_plaid_store_list_links (BudgDatabase  *database,
                             const char    *item_id,
                             GError       **error)
{
  g_autoptr(GPtrArray) links = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_account_link_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database,
                                "SELECT plaid_account_id, account_id, name, mask FROM plaid_accounts"
                                " WHERE item_id = ? ORDER BY rowid",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgPlaidAccountLink *link = g_new0 (BudgPlaidAccountLink, 1);

      link->plaid_account_id = column_text (stmt, 0);
      link->account_id = sqlite3_column_int64 (stmt, 1);
      link->name = column_text (stmt, 2);
      link->mask = column_text (stmt, 3);
      g_ptr_array_add (links, link);
    }

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the bank connections"));
      return NULL;
    }

  return g_steal_pointer (&links);
}

static const char *
account_kind_for (const BudgPlaidAccount *account)
{
  if (g_strcmp0 (account->type, "credit") == 0)
    return "credit-card";
  if (g_strcmp0 (account->type, "loan") == 0)
    return "loan";
  if (g_strcmp0 (account->type, "investment") == 0 || g_strcmp0 (account->type, "brokerage") == 0)
    return "investment";
  if (g_strcmp0 (account->subtype, "savings") == 0 || g_strcmp0 (account->subtype, "money market") == 0 ||
      g_strcmp0 (account->subtype, "cd") == 0)
    return "savings";

  return "checking";
}

static gboolean
name_taken (BudgDatabase  *database,
            const char    *name,
            gboolean      *out_taken,
            GError       **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, "SELECT 1 FROM accounts WHERE name = ? COLLATE NOCASE", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("creating the account"));
      return FALSE;
    }
  *out_taken = rc == SQLITE_ROW;

  return TRUE;
}

/* A new Budg account for a bank account nobody mapped: named as the bank
 * names it ("Plaid Checking"), then with the bank's name before it, then
 * numbered, whichever is free first. */
static gboolean
create_account (BudgDatabase            *database,
                const char              *institution_name,
                const BudgPlaidAccount  *account,
                gint64                  *out_account_id,
                GError                 **error)
{
  g_autofree char *with_bank = institution_name != NULL
                               ? g_strdup_printf ("%s %s", institution_name, account->name)
                               : g_strdup (account->name);
  sqlite3_stmt *stmt;

  for (guint n = 0; ; n++)
    {
      g_autofree char *name = n == 0 ? g_strdup (account->name)
                              : n == 1 ? g_strdup (with_bank)
                              : g_strdup_printf ("%s (%u)", with_bank, n);
      gboolean taken;

      if (!name_taken (database, name, &taken, error))
        return FALSE;
      if (taken)
        continue;

      stmt = budg_database_prepare (database,
                                    "INSERT INTO accounts (name, kind, currency, institution,"
                                    " sort_order) VALUES (?, ?, ?, ?,"
                                    " (SELECT coalesce(max(sort_order), 0) + 1 FROM accounts))",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, account_kind_for (account), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, account->currency != NULL ? account->currency : "USD", -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, institution_name, -1, SQLITE_TRANSIENT);
      if (!budg_database_step_done (database, stmt, error))
        return FALSE;

      *out_account_id = sqlite3_last_insert_rowid (budg_database_get_handle (database));
      return TRUE;
    }
}

static gboolean
account_exists (BudgDatabase  *database,
                gint64         account_id,
                GError       **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, "SELECT 1 FROM accounts WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
               _("There is no account with the id %lld."), (long long) account_id);
  return FALSE;
}

/**
 * budg_plaid_store_add_item:
 * @database: the database
 * @item_id: the new connection's id
 * @environment: where it lives
 * @institution_name: (nullable): the bank's name
 * @accounts: (element-type BudgPlaidAccount): the bank's accounts
 * @mapping: (nullable) (element-type utf8 utf8): Plaid account id → Budg
 *   account id
 * @error: return location for a #GError
 *
 * Records a connection, making the Budg accounts @mapping does not name.
 * Linking the same item again (update mode) keeps its cursor and maps the
 * accounts anew.
 *
 * Returns: %FALSE on error, with nothing written
 */
gboolean
budg_plaid_store_add_item (BudgDatabase          *database,
                           const char            *item_id,
                           BudgPlaidEnvironment   environment,
                           const char            *institution_name,
                           GPtrArray             *accounts,
                           GHashTable            *mapping,
                           GError               **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (accounts != NULL, FALSE);

  if (!budg_database_begin (database, error))
    return FALSE;

  stmt = budg_database_prepare (database,
                                "INSERT INTO plaid_items (item_id, environment, institution_name) VALUES (?, ?, ?)"
                                " ON CONFLICT (item_id) DO UPDATE SET institution_name ="
                                " coalesce(excluded.institution_name, institution_name), state = 'ok',"
                                " last_error = NULL",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, budg_plaid_environment_to_string (environment), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, institution_name, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (database, stmt, error))
    goto fail;

  for (guint i = 0; i < accounts->len; i++)
    {
      BudgPlaidAccount *account = g_ptr_array_index (accounts, i);
      const char *mapped = mapping != NULL ? g_hash_table_lookup (mapping, account->account_id) : NULL;
      gint64 account_id = 0;

      if (mapped != NULL)
        {
          account_id = g_ascii_strtoll (mapped, NULL, 10);
          if (!account_exists (database, account_id, error))
            goto fail;
        }
      else
        {
          gboolean known = FALSE;

          /* Update mode: an account linked before keeps its Budg account. */
          stmt = budg_database_prepare (database,
                                        "SELECT account_id FROM plaid_accounts"
                                        " WHERE plaid_account_id = ? AND account_id IS NOT NULL",
                                        error);
          if (stmt == NULL)
            goto fail;
          sqlite3_bind_text (stmt, 1, account->account_id, -1, SQLITE_TRANSIENT);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              account_id = sqlite3_column_int64 (stmt, 0);
              known = TRUE;
            }
          sqlite3_reset (stmt);

          if (!known && !create_account (database, institution_name, account, &account_id, error))
            goto fail;
        }

      stmt = budg_database_prepare (database,
                                    "INSERT INTO plaid_accounts (plaid_account_id, item_id, account_id, name,"
                                    " mask, type, subtype) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                    " ON CONFLICT (plaid_account_id) DO UPDATE SET item_id = excluded.item_id,"
                                    " account_id = excluded.account_id, name = excluded.name,"
                                    " mask = excluded.mask, type = excluded.type, subtype = excluded.subtype",
                                    error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, account->account_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, item_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, account_id);
      sqlite3_bind_text (stmt, 4, account->name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, account->mask, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 6, account->type, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 7, account->subtype, -1, SQLITE_TRANSIENT);
      if (!budg_database_step_done (database, stmt, error))
        goto fail;
    }

  if (!budg_database_commit (database, error))
    goto fail;

  budg_database_emit_changed (database, "accounts");

  return TRUE;

fail:
  budg_database_rollback (database);
  return FALSE;
}

/**
 * budg_plaid_store_set_state:
 * @database: the database
 * @item_id: the connection's id
 * @state: how it is
 * @message: (nullable): what went wrong, in words for the user
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error
 */
gboolean
budg_plaid_store_set_state (BudgDatabase        *database,
                            const char          *item_id,
                            BudgPlaidItemState   state,
                            const char          *message,
                            GError             **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (database, "UPDATE plaid_items SET state = ?, last_error = ? WHERE item_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, budg_plaid_item_state_to_string (state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, message, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, item_id, -1, SQLITE_TRANSIENT);

  return budg_database_step_done (database, stmt, error);
}

/**
 * budg_plaid_store_remove_item:
 * @database: the database
 * @item_id: the connection's id
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error (%BUDG_ERROR_NOT_FOUND when there is none)
 */
gboolean
budg_plaid_store_remove_item (BudgDatabase  *database,
                              const char    *item_id,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (database, "DELETE FROM plaid_items WHERE item_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, item_id, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no bank connection “%s”. “budg-cli plaid status” lists them."), item_id);
      return FALSE;
    }

  return TRUE;
}
