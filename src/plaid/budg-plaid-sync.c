/* budg-plaid-sync.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-plaid-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "budg-error.h"
#include "budg-importer.h"
#include "budg-plaid-store.h"
#include "budg-plaid-sync.h"

/* Added rows go through the importer in chunks this size, inside the
 * sync's one transaction: the chunk, not the whole sync, is what sits in
 * memory at a time. */
#define CHUNK_ROWS 2000

typedef enum
{
  STAGED_ADDED,
  STAGED_MODIFIED,
  STAGED_REMOVED,
} StagedKind;

/* How a request ended, for the loop. */
typedef enum
{
  CALL_OK,
  CALL_RESTART,
  CALL_FAILED,
} CallOutcome;

typedef struct
{
  BudgDatabase               *database;
  BudgPlaidClient            *client;
  const char                 *item_id;
  const char                 *access_token;
  BudgPlaidSyncOptions        options;
  GCancellable               *cancellable;
  BudgPlaidSyncSummary        summary;
  /* Plaid account id → Budg account id, for the mapped accounts. */
  GHashTable                 *accounts;
  /* The reaction to the error that ended the sync, when Plaid gave one. */
  gboolean                    needs_login;
} Sync;

void
budg_plaid_sync_options_init (BudgPlaidSyncOptions *options)
{
  g_return_if_fail (options != NULL);

  options->page_size = 500;
  options->max_attempts = 5;
  options->retry_delay_ms = 1000;
  options->max_restarts = 5;
}

/**
 * budg_plaid_category_for:
 * @primary: (nullable): personal_finance_category.primary
 *
 * Returns: (nullable): the name of the Budg category for it, translated
 */
const char *
budg_plaid_category_for (const char *primary)
{
  static const struct
  {
    const char *primary;
    const char *category;
  } categories[] = {
    { "INCOME", N_("Income") },
    { "TRANSFER_IN", N_("Transfers") },
    { "TRANSFER_OUT", N_("Transfers") },
    { "LOAN_PAYMENTS", N_("Loan Payments") },
    { "BANK_FEES", N_("Bank Fees") },
    { "ENTERTAINMENT", N_("Entertainment") },
    { "FOOD_AND_DRINK", N_("Food & Drink") },
    { "GENERAL_MERCHANDISE", N_("Shopping") },
    { "HOME_IMPROVEMENT", N_("Home Improvement") },
    { "MEDICAL", N_("Medical") },
    { "PERSONAL_CARE", N_("Personal Care") },
    { "GENERAL_SERVICES", N_("Services") },
    { "GOVERNMENT_AND_NON_PROFIT", N_("Government & Charity") },
    { "TRANSPORTATION", N_("Transport") },
    { "TRAVEL", N_("Travel") },
    { "RENT_AND_UTILITIES", N_("Rent & Utilities") },
  };

  if (primary == NULL)
    return NULL;

  /* Values Plaid adds later are ignored: the row stays uncategorized. */
  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (primary, categories[i].primary) == 0)
      return _(categories[i].category);

  return NULL;
}

/* --- Requests ------------------------------------------------------------- */

/* Waits @ms milliseconds, or less when cancelled. */
static gboolean
backoff (Sync    *sync,
         guint    ms,
         GError **error)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      if (g_cancellable_set_error_if_cancelled (sync->cancellable, error))
        return FALSE;
      g_usleep (MIN (50000, MAX (0, end - g_get_monotonic_time ())));
    }

  return !g_cancellable_set_error_if_cancelled (sync->cancellable, error);
}

/* Calls @endpoint, trying again with backoff when Plaid or the network
 * says "later"; tells the loop to start over on a mutation during
 * pagination; never retries a login or an invalid request. */
static CallOutcome
call (Sync         *sync,
      const char   *endpoint,
      JsonObject   *request,
      JsonNode    **out_root,
      GError      **error)
{
  guint delay = sync->options.retry_delay_ms;

  for (guint attempt = 1; ; attempt++)
    {
      g_autoptr(BudgPlaidError) plaid_error = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonNode *root;
      gboolean retry;

      root = budg_plaid_client_call (sync->client, endpoint, request, sync->cancellable, &plaid_error, &local_error);
      if (root != NULL)
        {
          *out_root = root;
          return CALL_OK;
        }

      if (plaid_error != NULL)
        {
          switch (budg_plaid_error_get_reaction (plaid_error))
            {
            case BUDG_PLAID_REACTION_RESTART_SYNC:
              g_propagate_error (error, g_steal_pointer (&local_error));
              return CALL_RESTART;
            case BUDG_PLAID_REACTION_NEEDS_LOGIN:
              sync->needs_login = TRUE;
              g_propagate_error (error, g_steal_pointer (&local_error));
              return CALL_FAILED;
            case BUDG_PLAID_REACTION_FAIL:
              g_propagate_error (error, g_steal_pointer (&local_error));
              return CALL_FAILED;
            case BUDG_PLAID_REACTION_RETRY:
            default:
              retry = TRUE;
              break;
            }
        }
      else
        {
          /* A transport error or a timeout may pass; an answer that could
           * not be read will not read better the second time. */
          retry = local_error->domain == G_IO_ERROR && local_error->code != G_IO_ERROR_CANCELLED;
        }

      if (!retry || attempt >= sync->options.max_attempts)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return CALL_FAILED;
        }

      g_debug ("Retrying %s in %u ms: %s", endpoint, delay, local_error->message);
      sync->summary.retries++;
      if (!backoff (sync, delay, error))
        return CALL_FAILED;
      delay = MIN (delay * 2, 60000);
    }
}

/* --- Staging -------------------------------------------------------------- */

static gboolean
exec_raw (Sync        *sync,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (budg_database_get_handle (sync->database), sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      budg_database_set_error (sync->database, error, _("syncing the bank connection"));
      return FALSE;
    }

  return TRUE;
}

/* A private temporary table of this connection: writing it takes no lock
 * on the user's database, so the app stays free to change things while a
 * sync pages through the network. */
static gboolean
staging_reset (Sync    *sync,
               GError **error)
{
  return exec_raw (sync,
                   "CREATE TEMP TABLE IF NOT EXISTS plaid_staged (\n"
                   "  seq INTEGER PRIMARY KEY,\n"
                   "  kind INTEGER NOT NULL,\n"
                   "  transaction_id TEXT NOT NULL,\n"
                   "  account_id TEXT,\n"
                   "  amount_minor INTEGER,\n"
                   "  date TEXT,\n"
                   "  authorized_date TEXT,\n"
                   "  payee TEXT,\n"
                   "  name TEXT,\n"
                   "  pending INTEGER,\n"
                   "  pending_transaction_id TEXT,\n"
                   "  category TEXT,\n"
                   "  check_number TEXT\n"
                   ");\n"
                   "DELETE FROM temp.plaid_staged;\n"
                   "CREATE TEMP TABLE IF NOT EXISTS plaid_balances (\n"
                   "  account_id TEXT PRIMARY KEY,\n"
                   "  amount_minor INTEGER NOT NULL\n"
                   ");\n"
                   "DELETE FROM temp.plaid_balances;\n",
                   error);
}

static void
staging_drop (Sync *sync)
{
  sqlite3_exec (budg_database_get_handle (sync->database),
                "DROP TABLE IF EXISTS temp.plaid_staged; DROP TABLE IF EXISTS temp.plaid_balances",
                NULL, NULL, NULL);
}

static gboolean
stage_transactions (Sync        *sync,
                    StagedKind   kind,
                    GPtrArray   *transactions,
                    GError     **error)
{
  for (guint i = 0; i < transactions->len; i++)
    {
      BudgPlaidTransaction *transaction = g_ptr_array_index (transactions, i);
      sqlite3_stmt *stmt;

      stmt = budg_database_prepare (sync->database,
                                    "INSERT INTO temp.plaid_staged (kind, transaction_id, account_id,"
                                    " amount_minor, date, authorized_date, payee, name, pending,"
                                    " pending_transaction_id, category, check_number)"
                                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, kind);
      sqlite3_bind_text (stmt, 2, transaction->transaction_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, transaction->account_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, transaction->amount_minor);
      sqlite3_bind_text (stmt, 5, transaction->date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, transaction->authorized_date, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, transaction->payee, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, transaction->name, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 9, transaction->pending);
      sqlite3_bind_text (stmt, 10, transaction->pending_transaction_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 11, budg_plaid_category_for (transaction->category_primary), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 12, transaction->check_number, -1, SQLITE_STATIC);
      if (!budg_database_step_done (sync->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
stage_removed (Sync       *sync,
               GPtrArray  *removed,
               GError    **error)
{
  for (guint i = 0; i < removed->len; i++)
    {
      BudgPlaidRemoved *gone = g_ptr_array_index (removed, i);
      sqlite3_stmt *stmt;

      stmt = budg_database_prepare (sync->database,
                                    "INSERT INTO temp.plaid_staged (kind, transaction_id, account_id)"
                                    " VALUES (?, ?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int (stmt, 1, STAGED_REMOVED);
      sqlite3_bind_text (stmt, 2, gone->transaction_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, gone->account_id, -1, SQLITE_STATIC);
      if (!budg_database_step_done (sync->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
stage_page (Sync               *sync,
            BudgPlaidSyncPage  *page,
            GError            **error)
{
  /* One temp-only transaction per page: fast, and still no lock on the
   * user's tables. */
  if (!exec_raw (sync, "SAVEPOINT plaid_page", error))
    return FALSE;

  if (!stage_transactions (sync, STAGED_ADDED, page->added, error) ||
      !stage_transactions (sync, STAGED_MODIFIED, page->modified, error) ||
      !stage_removed (sync, page->removed, error))
    {
      exec_raw (sync, "ROLLBACK TO plaid_page; RELEASE plaid_page", NULL);
      return FALSE;
    }

  return exec_raw (sync, "RELEASE plaid_page", error);
}

/* The sync loop: every page from @cursor on, staged. Returns the cursor
 * the whole loop ended on. */
static CallOutcome
fetch_pages (Sync        *sync,
             const char  *cursor,
             char       **out_cursor,
             GError     **error)
{
  g_autofree char *next = g_strdup (cursor);
  gboolean has_more = TRUE;

  sync->summary.pages = 0;
  if (!staging_reset (sync, error))
    return CALL_FAILED;

  while (has_more)
    {
      g_autoptr(JsonObject) request = json_object_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(BudgPlaidSyncPage) page = NULL;
      CallOutcome outcome;

      json_object_set_string_member (request, "access_token", sync->access_token);
      if (next != NULL && next[0] != '\0')
        json_object_set_string_member (request, "cursor", next);
      json_object_set_int_member (request, "count", CLAMP (sync->options.page_size, 1, 500));

      outcome = call (sync, "/transactions/sync", request, &root, error);
      if (outcome != CALL_OK)
        return outcome;

      page = budg_plaid_sync_page_from_json (root, error);
      if (page == NULL || !stage_page (sync, page, error))
        return CALL_FAILED;

      sync->summary.pages++;
      has_more = page->has_more;
      g_free (next);
      next = g_strdup (page->next_cursor);

      if (g_cancellable_set_error_if_cancelled (sync->cancellable, error))
        return CALL_FAILED;
    }

  *out_cursor = g_steal_pointer (&next);

  return CALL_OK;
}

static gboolean
fetch_balances (Sync    *sync,
                GError **error)
{
  g_autoptr(JsonObject) request = json_object_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  json_object_set_string_member (request, "access_token", sync->access_token);
  if (call (sync, "/accounts/get", request, &root, error) != CALL_OK)
    return FALSE;

  accounts = budg_plaid_accounts_from_json (root, error);
  if (accounts == NULL)
    return FALSE;

  for (guint i = 0; i < accounts->len; i++)
    {
      BudgPlaidAccount *account = g_ptr_array_index (accounts, i);
      sqlite3_stmt *stmt;

      if (!account->has_current)
        continue;

      stmt = budg_database_prepare (sync->database,
                                    "INSERT OR REPLACE INTO temp.plaid_balances (account_id, amount_minor)"
                                    " VALUES (?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, account->account_id, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, account->current_minor);
      if (!budg_database_step_done (sync->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/* --- Writing -------------------------------------------------------------- */

static gboolean
load_accounts (Sync    *sync,
               GError **error)
{
  g_autoptr(GPtrArray) links = budg_plaid_store_list_links (sync->database, sync->item_id, error);

  if (links == NULL)
    return FALSE;

  for (guint i = 0; i < links->len; i++)
    {
      BudgPlaidAccountLink *link = g_ptr_array_index (links, i);

      if (link->account_id != 0)
        g_hash_table_insert (sync->accounts, g_strdup (link->plaid_account_id),
                             g_memdup2 (&link->account_id, sizeof link->account_id));
    }

  return TRUE;
}

static gint64
budg_account_of (Sync       *sync,
                 const char *plaid_account_id)
{
  gint64 *account_id = plaid_account_id != NULL ? g_hash_table_lookup (sync->accounts, plaid_account_id) : NULL;

  return account_id != NULL ? *account_id : 0;
}

/* The posted version of a pending transaction Budg has takes its place:
 * the row keeps what the user gave it (category, memo, links) and gets
 * the posted id, date and amount. */
static gboolean
replace_pending (Sync          *sync,
                 sqlite3_stmt  *row,
                 gboolean      *out_replaced,
                 GError       **error)
{
  const char *pending_id = (const char *) sqlite3_column_text (row, 9);
  gint64 account_id = budg_account_of (sync, (const char *) sqlite3_column_text (row, 2));
  sqlite3_stmt *stmt;

  *out_replaced = FALSE;
  if (pending_id == NULL || account_id == 0)
    return TRUE;

  stmt = budg_database_prepare (sync->database,
                                "UPDATE transactions SET external_id = ?3, date = ?4, amount_minor = ?5,"
                                " imported_payee = ?6,"
                                " status = CASE status WHEN 'reconciled' THEN status ELSE ?7 END"
                                " WHERE account_id = ?1 AND source = 'plaid' AND external_id = ?2"
                                " AND NOT EXISTS (SELECT 1 FROM splits WHERE transaction_id = transactions.id)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, pending_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_value (stmt, 3, sqlite3_column_value (row, 1));
  sqlite3_bind_value (stmt, 4, sqlite3_column_value (row, 4));
  sqlite3_bind_value (stmt, 5, sqlite3_column_value (row, 3));
  sqlite3_bind_value (stmt, 6, sqlite3_column_value (row, 7));
  sqlite3_bind_text (stmt, 7, sqlite3_column_int (row, 8) ? "pending" : "cleared", -1, SQLITE_STATIC);
  if (!budg_database_step_done (sync->database, stmt, error))
    return FALSE;

  *out_replaced = sqlite3_changes (budg_database_get_handle (sync->database)) > 0;

  return TRUE;
}

static gboolean
import_chunk (Sync              *sync,
              BudgImportResult  *result,
              GError           **error)
{
  g_autoptr(BudgImportOptions) options = budg_import_options_new ();
  g_autoptr(BudgImportPlan) plan = NULL;
  BudgImportSummary summary = { 0 };

  if (budg_import_result_get_n_rows (result) == 0)
    {
      budg_import_result_free (result);
      return TRUE;
    }

  options->filename = g_strdup (sync->item_id);
  plan = budg_importer_plan (sync->database, result, options, sync->cancellable, NULL, error);
  if (plan == NULL)
    return FALSE;

  /* Possible duplicates stay out, as they start unticked in the review of
   * a file: most are the same purchase from a statement imported before
   * the bank was linked, and a sync has nobody to ask. */
  if (!budg_importer_commit (sync->database, plan, sync->cancellable, NULL, &summary, error))
    return FALSE;

  sync->summary.added += summary.imported + summary.linked;
  sync->summary.duplicates += summary.duplicates + summary.possible_duplicates;

  return TRUE;
}

static BudgImportResult *
new_chunk (void)
{
  return budg_import_result_new (BUDG_IMPORT_FORMAT_PLAID);
}

static BudgImportStatement *
statement_for (BudgImportResult *result,
               GHashTable       *statements,
               gint64            account_id)
{
  BudgImportStatement *statement = g_hash_table_lookup (statements, &account_id);

  if (statement == NULL)
    {
      statement = budg_import_statement_new ();
      statement->account_id = account_id;
      g_ptr_array_add (result->statements, statement);
      g_hash_table_insert (statements, g_memdup2 (&account_id, sizeof account_id), statement);
    }

  return statement;
}

typedef gboolean (*StagedRowFunc) (Sync          *sync,
                                   sqlite3_stmt  *row,
                                   gpointer       user_data,
                                   GError       **error);

/* Calls @func on each staged row @sql selects. The statement is its own,
 * not one of the database's cached ones: the importer and the updates use
 * the connection while it is still stepping. */
static gboolean
for_each_staged (Sync           *sync,
                 const char     *sql,
                 StagedRowFunc   func,
                 gpointer        user_data,
                 GError        **error)
{
  sqlite3_stmt *rows = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (budg_database_get_handle (sync->database), sql, -1, &rows, NULL) != SQLITE_OK)
    {
      budg_database_set_error (sync->database, error, _("syncing the bank connection"));
      return FALSE;
    }

  while (ok && (rc = sqlite3_step (rows)) == SQLITE_ROW)
    ok = func (sync, rows, user_data, error);

  if (ok && rc != SQLITE_DONE)
    {
      budg_database_set_error (sync->database, error, _("syncing the bank connection"));
      ok = FALSE;
    }
  sqlite3_finalize (rows);

  return ok;
}

typedef struct
{
  BudgImportResult *chunk;
  GHashTable       *statements;  /* Budg account id → its statement in the chunk */
  guint             n_rows;
} Chunk;

static gboolean
add_row (Sync          *sync,
         sqlite3_stmt  *rows,
         gpointer       user_data,
         GError       **error)
{
  Chunk *chunk = user_data;
  gint64 account_id = budg_account_of (sync, (const char *) sqlite3_column_text (rows, 2));
  BudgImportStatement *statement;
  BudgImportRow *row;
  gboolean replaced;

  if (account_id == 0)
    return TRUE;

  if (!replace_pending (sync, rows, &replaced, error))
    return FALSE;
  if (replaced)
    {
      sync->summary.modified++;
      return TRUE;
    }

  statement = statement_for (chunk->chunk, chunk->statements, account_id);
  row = budg_import_row_new ();
  row->line = sqlite3_column_int (rows, 0);
  row->external_id = g_strdup ((const char *) sqlite3_column_text (rows, 1));
  row->amount_minor = sqlite3_column_int64 (rows, 3);
  row->date = g_strdup ((const char *) sqlite3_column_text (rows, 4));
  row->payee = g_strdup ((const char *) sqlite3_column_text (rows, 6));
  row->status = sqlite3_column_int (rows, 8) ? BUDG_IMPORT_STATUS_UNCLEARED : BUDG_IMPORT_STATUS_CLEARED;
  row->category_hint = g_strdup ((const char *) sqlite3_column_text (rows, 10));
  row->check_number = g_strdup ((const char *) sqlite3_column_text (rows, 11));
  g_ptr_array_add (statement->rows, row);

  if (++chunk->n_rows < CHUNK_ROWS)
    return TRUE;

  g_hash_table_remove_all (chunk->statements);
  chunk->n_rows = 0;

  return import_chunk (sync, g_steal_pointer (&chunk->chunk), error) &&
         (chunk->chunk = new_chunk ()) != NULL;
}

static gboolean
write_added (Sync    *sync,
             GError **error)
{
  g_autoptr(GHashTable) statements = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  Chunk chunk = { new_chunk (), statements, 0 };

  if (!for_each_staged (sync,
                        "SELECT seq, transaction_id, account_id, amount_minor, date, authorized_date, payee,"
                        " name, pending, pending_transaction_id, category, check_number"
                        " FROM temp.plaid_staged WHERE kind = 0 ORDER BY seq",
                        add_row, &chunk, error))
    {
      g_clear_pointer (&chunk.chunk, budg_import_result_free);
      return FALSE;
    }

  return import_chunk (sync, chunk.chunk, error);
}

static gboolean
modify_row (Sync          *sync,
            sqlite3_stmt  *rows,
            gpointer       user_data,
            GError       **error)
{
  gint64 account_id = budg_account_of (sync, (const char *) sqlite3_column_text (rows, 1));
  sqlite3_stmt *stmt;

  if (account_id == 0)
    return TRUE;

  /* What the bank changed; the payee, category and memo the user gave
   * stay. A reconciled or split row is the user's work and is left. */
  stmt = budg_database_prepare (sync->database,
                                "UPDATE transactions SET amount_minor = ?3, date = ?4, imported_payee = ?5,"
                                " status = ?6"
                                " WHERE account_id = ?1 AND source = 'plaid' AND external_id = ?2"
                                " AND status <> 'reconciled'"
                                " AND NOT EXISTS (SELECT 1 FROM splits WHERE transaction_id = transactions.id)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_value (stmt, 2, sqlite3_column_value (rows, 0));
  sqlite3_bind_value (stmt, 3, sqlite3_column_value (rows, 2));
  sqlite3_bind_value (stmt, 4, sqlite3_column_value (rows, 3));
  sqlite3_bind_value (stmt, 5, sqlite3_column_value (rows, 4));
  sqlite3_bind_text (stmt, 6, sqlite3_column_int (rows, 5) ? "pending" : "cleared", -1, SQLITE_STATIC);
  if (!budg_database_step_done (sync->database, stmt, error))
    return FALSE;
  sync->summary.modified += sqlite3_changes (budg_database_get_handle (sync->database));

  return TRUE;
}

static gboolean
remove_row (Sync          *sync,
            sqlite3_stmt  *rows,
            gpointer       user_data,
            GError       **error)
{
  sqlite3_stmt *stmt;

  /* Removed rows name no account in older answers: the id is unique to
   * Plaid, and only this connection's accounts are searched. */
  stmt = budg_database_prepare (sync->database,
                                "DELETE FROM transactions WHERE source = 'plaid' AND external_id = ?1"
                                " AND status <> 'reconciled'"
                                " AND account_id IN (SELECT account_id FROM plaid_accounts WHERE item_id = ?2)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_value (stmt, 1, sqlite3_column_value (rows, 0));
  sqlite3_bind_text (stmt, 2, sync->item_id, -1, SQLITE_STATIC);
  if (!budg_database_step_done (sync->database, stmt, error))
    return FALSE;
  sync->summary.removed += sqlite3_changes (budg_database_get_handle (sync->database));

  return TRUE;
}

static gboolean
write_modified (Sync    *sync,
                GError **error)
{
  return for_each_staged (sync,
                          "SELECT transaction_id, account_id, amount_minor, date, name, pending"
                          " FROM temp.plaid_staged WHERE kind = 1 ORDER BY seq",
                          modify_row, NULL, error);
}

static gboolean
write_removed (Sync    *sync,
               GError **error)
{
  return for_each_staged (sync, "SELECT transaction_id FROM temp.plaid_staged WHERE kind = 2 ORDER BY seq",
                          remove_row, NULL, error);
}

static gboolean
authorize_row (Sync          *sync,
               sqlite3_stmt  *rows,
               gpointer       user_data,
               GError       **error)
{
  gint64 account_id = budg_account_of (sync, (const char *) sqlite3_column_text (rows, 1));
  sqlite3_stmt *stmt;

  if (account_id == 0)
    return TRUE;

  /* By the unique index on (account, source, external id): a join on the
   * external id alone would scan every transaction for every row. */
  stmt = budg_database_prepare (sync->database,
                                "UPDATE transactions SET authorized_date = ?3"
                                " WHERE account_id = ?1 AND source = 'plaid' AND external_id = ?2"
                                " AND authorized_date IS NOT ?3",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_value (stmt, 2, sqlite3_column_value (rows, 0));
  sqlite3_bind_value (stmt, 3, sqlite3_column_value (rows, 2));

  return budg_database_step_done (sync->database, stmt, error);
}

/* authorized_date has no place in the importer's rows; it is set on the
 * rows the sync wrote once they are in. */
static gboolean
write_authorized_dates (Sync    *sync,
                        GError **error)
{
  return for_each_staged (sync,
                          "SELECT transaction_id, account_id, authorized_date FROM temp.plaid_staged"
                          " WHERE kind IN (0, 1) AND authorized_date IS NOT NULL ORDER BY seq",
                          authorize_row, NULL, error);
}

static gboolean
write_balances (Sync    *sync,
                GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  GHashTableIter iter;
  gpointer key;
  gpointer value;

  g_hash_table_iter_init (&iter, sync->accounts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      sqlite3_stmt *stmt;

      /* Today's balance from the bank replaces an earlier sync's or
       * statement's; one the user recorded stays theirs. */
      stmt = budg_database_prepare (sync->database,
                                    "INSERT INTO balance_snapshots (account_id, date, amount_minor, note,"
                                    " import_batch_id)"
                                    " SELECT ?1, ?2, amount_minor, ?4, NULL FROM temp.plaid_balances"
                                    " WHERE account_id = ?3"
                                    " ON CONFLICT (account_id, date) DO UPDATE SET amount_minor = excluded.amount_minor"
                                    " WHERE balance_snapshots.note IS excluded.note"
                                    " OR balance_snapshots.import_batch_id IS NOT NULL",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, *(gint64 *) value);
      sqlite3_bind_text (stmt, 2, today, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, _("Balance from the bank connection"), -1, SQLITE_TRANSIENT);
      if (!budg_database_step_done (sync->database, stmt, error))
        return FALSE;
      sync->summary.balances += sqlite3_changes (budg_database_get_handle (sync->database));
    }

  return TRUE;
}

static gboolean
write_all (Sync        *sync,
           const char  *cursor,
           GError     **error)
{
  sqlite3_stmt *stmt;

  if (!budg_database_begin (sync->database, error))
    return FALSE;

  if (!load_accounts (sync, error) ||
      !write_added (sync, error) ||
      !write_modified (sync, error) ||
      !write_removed (sync, error) ||
      !write_authorized_dates (sync, error) ||
      !write_balances (sync, error))
    goto fail;

  stmt = budg_database_prepare (sync->database,
                                "UPDATE plaid_items SET cursor = ?2, state = 'ok', last_error = NULL,"
                                " last_sync_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE item_id = ?1",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, sync->item_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, cursor, -1, SQLITE_STATIC);
  if (!budg_database_step_done (sync->database, stmt, error))
    goto fail;

  /* The last look before the point of no return. */
  if (g_cancellable_set_error_if_cancelled (sync->cancellable, error))
    goto fail;

  if (!budg_database_commit (sync->database, error))
    goto fail;

  return TRUE;

fail:
  budg_database_rollback (sync->database);
  return FALSE;
}

/**
 * budg_plaid_sync_item:
 * @database: the database
 * @client: a client with the user's keys for the item's environment
 * @item_id: the connection to sync
 * @access_token: its access token, from the keyring
 * @options: (nullable): limits and delays; the defaults when %NULL
 * @cancellable: (nullable): to stop; nothing of the sync is then written
 * @out_summary: (out) (optional): what changed
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error or cancellation, with nothing of the sync
 *   written (the connection's state and last error are updated)
 */
gboolean
budg_plaid_sync_item (BudgDatabase                *database,
                      BudgPlaidClient             *client,
                      const char                  *item_id,
                      const char                  *access_token,
                      const BudgPlaidSyncOptions  *options,
                      GCancellable                *cancellable,
                      BudgPlaidSyncSummary        *out_summary,
                      GError                     **error)
{
  g_autoptr(BudgPlaidItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GHashTable) accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autofree char *cursor = NULL;
  Sync sync = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (BUDG_IS_PLAID_CLIENT (client), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);
  g_return_val_if_fail (access_token != NULL, FALSE);

  item = budg_plaid_store_get_item (database, item_id, error);
  if (item == NULL)
    return FALSE;

  sync.database = database;
  sync.client = client;
  sync.item_id = item_id;
  sync.access_token = access_token;
  sync.cancellable = cancellable;
  sync.accounts = accounts;
  if (options != NULL)
    sync.options = *options;
  else
    budg_plaid_sync_options_init (&sync.options);

  for (;;)
    {
      CallOutcome outcome;

      g_clear_pointer (&cursor, g_free);
      g_clear_error (&local_error);
      /* Every attempt starts from the cursor the sync began with. */
      outcome = fetch_pages (&sync, item->cursor, &cursor, &local_error);
      if (outcome == CALL_OK)
        break;
      if (outcome == CALL_FAILED || sync.summary.restarts >= sync.options.max_restarts)
        goto out;

      sync.summary.restarts++;
      g_debug ("Plaid's data changed during the sync; starting again (%u)", sync.summary.restarts);
      if (!backoff (&sync, sync.options.retry_delay_ms, &local_error))
        goto out;
    }

  if (!fetch_balances (&sync, &local_error) ||
      !write_all (&sync, cursor, &local_error))
    goto out;

  ok = TRUE;
  budg_database_emit_changed (database, "transactions");
  budg_database_emit_changed (database, "balance_snapshots");

out:
  staging_drop (&sync);

  if (!ok)
    {
      gboolean cancelled = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

      /* A cancelled sync is not a broken connection. */
      if (!cancelled)
        budg_plaid_store_set_state (database, item_id,
                                    sync.needs_login ? BUDG_PLAID_ITEM_NEEDS_LOGIN : BUDG_PLAID_ITEM_ERROR,
                                    local_error->message, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (out_summary != NULL)
    *out_summary = sync.summary;

  return TRUE;
}
