/* budg-import-writer.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-category-totals.h"
#include "budg-checkpoints.h"
#include "budg-error.h"
#include "budg-import-plan-private.h"
#include "budg-importer.h"
#include "budg-migrations.h"

/* The second half of the importer: writing a plan as one import batch, and
 * taking a batch back. */

/* From this many rows on, the commit drops the per-row triggers (running
 * balance checkpoints, category totals, audit log) and rebuilds their
 * tables once at the end: at a million rows the triggers would cost more
 * than the inserts. The import batch is the audit record of those rows. */
#define BULK_ROWS 5000

typedef struct
{
  BudgDatabase *database;
  sqlite3      *db;
  gint64        batch_id;
  BudgImportCatalog catalog;
  GHashTable   *payees;         /* folded name → id */
  GHashTable   *payees_exact;   /* name as written → id */
  sqlite3_stmt *insert;
  sqlite3_stmt *insert_split;
} Writer;

static void
writer_clear (Writer *writer)
{
  budg_import_catalog_clear (&writer->catalog);
  g_clear_pointer (&writer->payees, g_hash_table_unref);
  g_clear_pointer (&writer->payees_exact, g_hash_table_unref);
  g_clear_pointer (&writer->insert, sqlite3_finalize);
  g_clear_pointer (&writer->insert_split, sqlite3_finalize);
}

static gboolean
writer_load_payees (Writer  *writer,
                    GError **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (writer->database, "SELECT id, name FROM payees", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  writer->payees = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->payees_exact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (writer->payees, budg_import_fold ((const char *) sqlite3_column_text (stmt, 1)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (writer->database, error, _("reading the payees"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
writer_payee (Writer      *writer,
              const char  *name,
              gint64      *out_id,
              GError     **error)
{
  g_autofree char *key = NULL;
  sqlite3_stmt *stmt;
  gpointer id;

  *out_id = 0;
  if (name == NULL)
    return TRUE;

  /* Bank payees repeat: the exact text is looked up before any folding. */
  if (g_hash_table_lookup_extended (writer->payees_exact, name, NULL, &id))
    {
      *out_id = GPOINTER_TO_SIZE (id);
      return TRUE;
    }

  key = budg_import_fold (name);
  if (g_hash_table_lookup_extended (writer->payees, key, NULL, &id))
    {
      *out_id = GPOINTER_TO_SIZE (id);
      g_hash_table_insert (writer->payees_exact, g_strdup (name), id);
      return TRUE;
    }

  stmt = budg_database_prepare (writer->database, "INSERT INTO payees (name) VALUES (?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!budg_database_step_done (writer->database, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (writer->db);
  g_hash_table_insert (writer->payees, g_steal_pointer (&key), GSIZE_TO_POINTER (*out_id));
  g_hash_table_insert (writer->payees_exact, g_strdup (name), GSIZE_TO_POINTER (*out_id));

  return TRUE;
}

static gboolean
insert_category (Writer      *writer,
                 gint64       parent_id,
                 const char  *name,
                 gboolean     is_income,
                 gint64      *out_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (writer->database,
                                              "INSERT INTO categories (parent_id, name, is_income) VALUES (?, ?, ?)",
                                              error);

  if (stmt == NULL)
    return FALSE;

  if (parent_id != 0)
    sqlite3_bind_int64 (stmt, 1, parent_id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, is_income);
  if (!budg_database_step_done (writer->database, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (writer->db);

  return TRUE;
}

/* The id of the category "Parent:Child" from a file, made if missing. Budg
 * has two levels; deeper paths keep their last levels in the child's name. */
static gboolean
writer_category (Writer      *writer,
                 const char  *path,
                 gboolean     is_income,
                 gint64      *out_id,
                 GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *parent_name = NULL;
  g_autofree char *child_name = NULL;
  gint64 parent_id;

  *out_id = budg_import_catalog_find (&writer->catalog, path);
  if (*out_id != 0 || path == NULL)
    return TRUE;

  parts = g_strsplit (path, ":", 2);
  parent_name = g_strstrip (g_strdup (parts[0]));
  if (parts[1] != NULL)
    {
      g_auto(GStrv) rest = g_strsplit (parts[1], ":", -1);

      child_name = g_strstrip (g_strjoinv (" / ", rest));
    }

  if (*parent_name == '\0')
    return TRUE;

  parent_id = budg_import_catalog_find (&writer->catalog, parent_name);
  if (parent_id == 0)
    {
      if (!insert_category (writer, 0, parent_name, is_income, &parent_id, error))
        return FALSE;
      g_hash_table_insert (writer->catalog.category_by_path, budg_import_fold (parent_name), GSIZE_TO_POINTER (parent_id));
    }

  if (child_name == NULL || *child_name == '\0')
    {
      *out_id = parent_id;
      return TRUE;
    }

  if (!insert_category (writer, parent_id, child_name, is_income, out_id, error))
    return FALSE;
  g_hash_table_insert (writer->catalog.category_by_path, budg_import_fold (path), GSIZE_TO_POINTER (*out_id));

  return TRUE;
}

static gboolean
create_accounts (Writer          *writer,
                 BudgImportPlan  *plan,
                 GError         **error)
{
  for (guint t = 0; t < plan->targets->len; t++)
    {
      BudgImportTarget *target = g_ptr_array_index (plan->targets, t);
      BudgImportStatement *statement = target->statement;
      sqlite3_stmt *stmt;

      if (target->account_id != 0)
        {
          /* So that the next statement of this account finds it. */
          stmt = budg_database_prepare (writer->database,
                                        "UPDATE accounts SET bank_id = coalesce(bank_id, ?2),"
                                        " account_number = coalesce(account_number, ?3)"
                                        " WHERE id = ?1 AND (?3 IS NOT NULL)",
                                        error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, target->account_id);
          sqlite3_bind_text (stmt, 2, statement->bank_id, -1, SQLITE_STATIC);
          sqlite3_bind_text (stmt, 3, statement->account_number, -1, SQLITE_STATIC);
          if (!budg_database_step_done (writer->database, stmt, error))
            return FALSE;
          continue;
        }

      stmt = budg_database_prepare (writer->database,
                                    "INSERT INTO accounts (name, kind, currency, institution, sort_order,"
                                    " import_batch_id, bank_id, account_number)"
                                    " VALUES (?, ?, ?, NULL, (SELECT ifnull(max(sort_order), 0) + 1 FROM accounts),"
                                    " ?, ?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, target->account_name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, budg_account_kind_to_string (target->account_kind), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, target->currency, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, writer->batch_id);
      sqlite3_bind_text (stmt, 5, statement->bank_id, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, statement->account_number, -1, SQLITE_STATIC);
      if (!budg_database_step_done (writer->database, stmt, error))
        return FALSE;

      target->account_id = sqlite3_last_insert_rowid (writer->db);
    }

  return TRUE;
}

/* One transaction row of the import batch; the bank's own payee text is
 * kept beside the payee the rules chose. */
static gboolean
insert_transaction (Writer          *writer,
                    BudgImportPlan  *plan,
                    BudgImportItem  *item,
                    gint64           account_id,
                    gint64           amount_minor,
                    gint64           category_id,
                    const char      *external_id,
                    gint64          *out_id,
                    GError         **error)
{
  sqlite3_stmt *stmt = writer->insert;
  gint64 payee_id;

  if (!writer_payee (writer, item->payee, &payee_id, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, item->row->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, amount_minor);
  if (payee_id != 0)
    sqlite3_bind_int64 (stmt, 4, payee_id);
  else
    sqlite3_bind_null (stmt, 4);
  if (category_id != 0)
    sqlite3_bind_int64 (stmt, 5, category_id);
  else
    sqlite3_bind_null (stmt, 5);
  sqlite3_bind_text (stmt, 6, item->memo, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, budg_transaction_status_to_string (item->status), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 8, external_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, plan->source, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, writer->batch_id);
  sqlite3_bind_text (stmt, 11, item->row->payee, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      budg_database_set_error (writer->database, error, _("importing the transactions"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  *out_id = sqlite3_last_insert_rowid (writer->db);

  return TRUE;
}

static gboolean
write_item (Writer          *writer,
            BudgImportPlan  *plan,
            BudgImportItem  *item,
            gint64          *out_id,
            GError         **error)
{
  BudgImportTarget *target = g_ptr_array_index (plan->targets, item->target);
  BudgImportRow *row = item->row;
  gint64 category_id = item->category_id;
  sqlite3_stmt *stmt;

  if (category_id == 0 && item->category_path != NULL &&
      !writer_category (writer, item->category_path, row->amount_minor > 0, &category_id, error))
    return FALSE;

  if (!insert_transaction (writer, plan, item, target->account_id, row->amount_minor, category_id,
                           item->external_id, out_id, error))
    return FALSE;

  /* Splits: their categories, made if missing; a transfer part keeps no
   * category (the money left for another account). */
  for (guint s = 0; s < row->splits->len; s++)
    {
      BudgImportSplit *split = g_ptr_array_index (row->splits, s);
      gint64 split_category = 0;

      if (split->category != NULL &&
          !writer_category (writer, split->category, split->amount_minor > 0, &split_category, error))
        return FALSE;

      stmt = writer->insert_split;
      sqlite3_bind_int64 (stmt, 1, *out_id);
      if (split_category != 0)
        sqlite3_bind_int64 (stmt, 2, split_category);
      else
        sqlite3_bind_null (stmt, 2);
      sqlite3_bind_int64 (stmt, 3, split->amount_minor);
      sqlite3_bind_text (stmt, 4, split->memo, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          sqlite3_reset (stmt);
          budg_database_set_error (writer->database, error, _("importing the split transactions"));
          return FALSE;
        }
      sqlite3_reset (stmt);
    }

  return TRUE;
}

static gboolean
link_item (Writer          *writer,
           BudgImportPlan  *plan,
           BudgImportItem  *item,
           GError         **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (writer->database,
                                "INSERT INTO import_links (batch_id, transaction_id, old_status)"
                                " SELECT ?1, id, status FROM transactions WHERE id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, writer->batch_id);
  sqlite3_bind_int64 (stmt, 2, item->existing_id);
  if (!budg_database_step_done (writer->database, stmt, error))
    return FALSE;

  /* The bank has seen it: cleared, unless the user already reconciled it. */
  stmt = budg_database_prepare (writer->database,
                                "UPDATE transactions SET external_id = ?2, source = ?3, imported_payee = ?4,"
                                " status = CASE status WHEN 'pending' THEN 'cleared' ELSE status END"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->existing_id);
  sqlite3_bind_text (stmt, 2, item->external_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, plan->source, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, item->row->payee, -1, SQLITE_STATIC);

  return budg_database_step_done (writer->database, stmt, error);
}

static gboolean
write_transfer_link (Writer  *writer,
                     gint64   a,
                     gint64   b,
                     GError **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (writer->database,
                                              "UPDATE transactions SET transfer_id = CASE id WHEN ?1 THEN ?2 ELSE ?1 END,"
                                              " category_id = NULL WHERE id IN (?1, ?2)",
                                              error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);

  return budg_database_step_done (writer->database, stmt, error);
}

/* The other side of a transfer to an account outside the file: linked to
 * the row that account already has, or written there, as part of the same
 * import (undo takes it back with the rest). */
static gboolean
write_other_side (Writer          *writer,
                  BudgImportPlan  *plan,
                  BudgImportItem  *item,
                  gint64           id,
                  GError         **error)
{
  g_autofree char *external_id = NULL;
  sqlite3_stmt *stmt;
  gint64 other_id;

  if (item->transfer_existing_id != 0)
    {
      stmt = budg_database_prepare (writer->database,
                                    "UPDATE transactions SET transfer_id = CASE id WHEN ?1 THEN ?2 ELSE ?1 END"
                                    " WHERE id IN (?1, ?2)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int64 (stmt, 2, item->transfer_existing_id);

      return budg_database_step_done (writer->database, stmt, error);
    }

  /* Its own id, derived from this side's, so that importing the file
   * again finds it too. */
  external_id = g_strconcat (item->external_id, "/other-side", NULL);
  if (!insert_transaction (writer, plan, item, item->transfer_account_id, -item->row->amount_minor, 0,
                           external_id, &other_id, error))
    return FALSE;

  return write_transfer_link (writer, id, other_id, error);
}

static gboolean
write_balances (Writer          *writer,
                BudgImportPlan  *plan,
                GError         **error)
{
  for (guint t = 0; t < plan->targets->len; t++)
    {
      BudgImportTarget *target = g_ptr_array_index (plan->targets, t);
      BudgImportStatement *statement = target->statement;
      sqlite3_stmt *stmt;

      if (!statement->has_ledger_balance || statement->ledger_balance_date == NULL)
        continue;

      /* A balance the user recorded on that day stays theirs. */
      stmt = budg_database_prepare (writer->database,
                                    "INSERT OR IGNORE INTO balance_snapshots"
                                    " (account_id, date, amount_minor, note, import_batch_id)"
                                    " VALUES (?, ?, ?, ?, ?)",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, target->account_id);
      sqlite3_bind_text (stmt, 2, statement->ledger_balance_date, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, statement->ledger_balance_minor);
      sqlite3_bind_text (stmt, 4, _("Balance on the bank statement"), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, writer->batch_id);
      if (!budg_database_step_done (writer->database, stmt, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
prepare_writer (Writer          *writer,
                GError         **error)
{
  if (sqlite3_prepare_v2 (writer->db,
                          "INSERT INTO transactions (account_id, date, amount_minor, payee_id, category_id,"
                          " memo, status, external_id, source, import_batch_id, imported_payee)"
                          " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                          -1, &writer->insert, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (writer->db,
                          "INSERT INTO splits (transaction_id, category_id, amount_minor, memo)"
                          " VALUES (?, ?, ?, ?)",
                          -1, &writer->insert_split, NULL) != SQLITE_OK)
    {
      budg_database_set_error (writer->database, error, _("importing the transactions"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_items (Writer              *writer,
             BudgImportPlan      *plan,
             GCancellable        *cancellable,
             BudgImportProgress  *progress,
             BudgImportSummary   *summary,
             GError             **error)
{
  g_autofree gint64 *ids = g_new0 (gint64, plan->items->len);
  guint n_included = budg_import_plan_count_included (plan);
  guint done = 0;

  for (guint i = 0; i < plan->items->len; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);

      if (!item->include)
        continue;

      if (item->kind == BUDG_IMPORT_ITEM_MATCH)
        {
          if (!link_item (writer, plan, item, error))
            return FALSE;
          summary->linked++;
        }
      else
        {
          if (!write_item (writer, plan, item, &ids[i], error))
            return FALSE;
          summary->imported++;

          if (item->transfer_item > 0 && item->transfer_item - 1 < i && ids[item->transfer_item - 1] != 0 &&
              !write_transfer_link (writer, ids[item->transfer_item - 1], ids[i], error))
            return FALSE;
          if (item->transfer_account_id != 0 && !write_other_side (writer, plan, item, ids[i], error))
            return FALSE;
        }

      if ((++done % BUDG_IMPORT_CHECK_EVERY) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          budg_import_progress_set (progress, done, n_included);
        }
    }

  return TRUE;
}

static gboolean
count_transactions (BudgDatabase  *database,
                    gint64        *out_count,
                    GError       **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, "SELECT count(*) FROM transactions", error);

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      budg_database_set_error (database, error, _("importing the transactions"));
      return FALSE;
    }
  *out_count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

/* Drops the per-row triggers for a large import; returns the SQL that puts
 * them back, or NULL with @error set. */
static char *
suspend_triggers (BudgDatabase  *database,
                  char         **out_category_totals,
                  GError       **error)
{
  g_autofree char *audit = budg_migrations_build_audit_triggers (budg_database_get_handle (database), error);
  g_autofree char *drop = budg_migrations_build_drop_audit_triggers ();

  if (audit == NULL ||
      !budg_database_exec (database, drop, error) ||
      !budg_database_exec (database, budg_checkpoints_get_drop_triggers_sql (), error))
    return NULL;

  *out_category_totals = budg_category_totals_suspend (database, error);
  if (*out_category_totals == NULL)
    return NULL;

  return g_steal_pointer (&audit);
}

static gboolean
resume_triggers (BudgDatabase  *database,
                 const char    *audit,
                 const char    *category_totals,
                 GError       **error)
{
  return budg_checkpoints_rebuild (database, error) &&
         budg_category_totals_resume (database, category_totals, error) &&
         budg_database_exec (database, audit, error) &&
         budg_database_exec (database, budg_checkpoints_get_triggers_sql (), error);
}

/**
 * budg_importer_commit:
 * @database: the database to write to
 * @plan: what to write (its new accounts get their ids)
 * @cancellable: (nullable): to stop; the database then stays as it was
 * @progress: (nullable): rows written so far
 * @out_summary: (out) (optional): what was done
 * @error: return location for a #GError
 *
 * Writes the ticked items of @plan as one import batch, in one database
 * transaction, or as part of the caller's when one is open (the caller
 * then rolls back on a failure).
 *
 * Returns: %FALSE on error or cancellation, with nothing written
 */
gboolean
budg_importer_commit (BudgDatabase        *database,
                      BudgImportPlan      *plan,
                      GCancellable        *cancellable,
                      BudgImportProgress  *progress,
                      BudgImportSummary   *out_summary,
                      GError             **error)
{
  g_autofree char *audit = NULL;
  g_autofree char *category_totals = NULL;
  g_autofree char *indexes = NULL;
  g_autoptr(GPtrArray) saved_ids = g_ptr_array_new ();
  gint64 n_existing = 0;
  BudgImportSummary summary = { 0 };
  Writer writer = { 0 };
  sqlite3_stmt *stmt;
  gboolean bulk;
  gboolean own;
  gboolean ok = FALSE;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  writer.database = database;
  writer.db = budg_database_get_handle (database);

  /* Inside the caller's transaction (a bank sync writes its pages and its
   * cursor in one), the rows simply join it: a savepoint of its own would
   * make SQLite keep a statement journal for every row, doubling the time
   * and growing with the rows, and the caller rolls back everything on a
   * failure anyway. The bulk path changes pragmas that only work outside a
   * transaction, so it is for the commit's own transaction only. */
  own = !budg_database_in_transaction (database);
  bulk = own && budg_import_plan_count_included (plan) >= BULK_ROWS;
  budg_import_progress_set (progress, 0, budg_import_plan_count_included (plan));

  /* New accounts get ids below; a failed commit gives them back. */
  for (guint t = 0; t < plan->targets->len; t++)
    {
      BudgImportTarget *target = g_ptr_array_index (plan->targets, t);

      g_ptr_array_add (saved_ids, GSIZE_TO_POINTER (target->account_id));
    }

  /* Every id the rows refer to was just read or made here, so a bulk load
   * skips the foreign-key lookups (this only takes effect outside a
   * transaction, as it is for the CLI and the import worker). */
  if (bulk)
    sqlite3_exec (writer.db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);

  if (own && !budg_database_begin (database, error))
    {
      if (bulk)
        sqlite3_exec (writer.db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      return FALSE;
    }

  stmt = budg_database_prepare (database, "INSERT INTO import_batches (format, filename) VALUES (?, ?)", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_text (stmt, 1, budg_import_format_to_string (plan->result->format), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, plan->filename, -1, SQLITE_STATIC);
  if (!budg_database_step_done (database, stmt, error))
    goto out;
  writer.batch_id = sqlite3_last_insert_rowid (writer.db);

  if (!budg_import_catalog_load (&writer.catalog, database, error) ||
      !writer_load_payees (&writer, error) ||
      !create_accounts (&writer, plan, error))
    goto out;

  /* A large import rewrites much of the transaction indexes: with SQLite's
   * small default page cache it would spend most of its time reading and
   * writing the same pages; a second thread helps sort the rebuilt
   * indexes. Both go back to normal at the end. */
  if (bulk)
    sqlite3_exec (writer.db, "PRAGMA cache_size = -131072; PRAGMA threads = 2", NULL, NULL, NULL);

  if (bulk && (audit = suspend_triggers (database, &category_totals, error)) == NULL)
    goto out;

  /* When the import is large next to what the table holds, its indexes are
   * built again afterwards rather than updated row by row. */
  if (bulk && !count_transactions (database, &n_existing, error))
    goto out;
  if (bulk && budg_import_plan_count_included (plan) >= n_existing / 2 &&
      (indexes = budg_database_drop_indexes (database, "transactions", error)) == NULL)
    goto out;

  if (!prepare_writer (&writer, error) ||
      !write_items (&writer, plan, cancellable, progress, &summary, error) ||
      !write_balances (&writer, plan, error))
    goto out;

  if (indexes != NULL && !budg_database_exec (database, indexes, error))
    goto out;
  if (bulk && !resume_triggers (database, audit, category_totals, error))
    goto out;

  for (guint t = 0; t < plan->targets->len; t++)
    summary.created_accounts += g_ptr_array_index (saved_ids, t) == NULL;

  stmt = budg_database_prepare (database,
                                "UPDATE import_batches SET n_imported = ?2, n_linked = ?3 WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, writer.batch_id);
  sqlite3_bind_int64 (stmt, 2, summary.imported);
  sqlite3_bind_int64 (stmt, 3, summary.linked);
  if (!budg_database_step_done (database, stmt, error))
    goto out;

  /* The last look before the point of no return. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  ok = !own || budg_database_commit (database, error);

out:
  writer_clear (&writer);

  if (!ok && own)
    budg_database_rollback (database);
  if (bulk)
    sqlite3_exec (writer.db, "PRAGMA cache_size = -2000; PRAGMA threads = 0; PRAGMA foreign_keys = ON",
                  NULL, NULL, NULL);

  if (!ok)
    {
      for (guint t = 0; t < plan->targets->len; t++)
        {
          BudgImportTarget *target = g_ptr_array_index (plan->targets, t);

          target->account_id = GPOINTER_TO_SIZE (g_ptr_array_index (saved_ids, t));
        }
      return FALSE;
    }

  budg_database_emit_changed (database, "*");

  {
    BudgImportSummary counts;

    budg_import_summary_from_plan (plan, &counts);
    summary.batch_id = writer.batch_id;
    summary.duplicates = counts.duplicates;
    summary.possible_duplicates = counts.possible_duplicates;
    summary.rejected = counts.rejected;
  }
  budg_import_progress_set (progress, summary.imported + summary.linked, summary.imported + summary.linked);

  if (out_summary != NULL)
    *out_summary = summary;

  return TRUE;
}

/**
 * budg_importer_undo:
 * @database: the database
 * @batch_id: an import batch
 * @error: return location for a #GError
 *
 * Takes back a whole import, in one database transaction: the transactions
 * and balance snapshots it added go, the transactions it linked get their
 * old status back and lose the bank's id, and the accounts it created go
 * when nothing else was put in them since.
 *
 * Returns: %FALSE on error, with nothing changed
 */
gboolean
budg_importer_undo (BudgDatabase  *database,
                    gint64         batch_id,
                    GError       **error)
{
  static const char *const steps[] = {
    "DELETE FROM transactions WHERE import_batch_id = ?1",
    "UPDATE transactions SET external_id = NULL, source = NULL, imported_payee = NULL,"
    " status = (SELECT old_status FROM import_links l WHERE l.batch_id = ?1 AND l.transaction_id = transactions.id)"
    " WHERE id IN (SELECT transaction_id FROM import_links WHERE batch_id = ?1)",
    "DELETE FROM balance_snapshots WHERE import_batch_id = ?1",
    "DELETE FROM accounts WHERE import_batch_id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM transactions t WHERE t.account_id = accounts.id)"
    " AND NOT EXISTS (SELECT 1 FROM balance_snapshots b WHERE b.account_id = accounts.id)"
    " AND NOT EXISTS (SELECT 1 FROM bills b WHERE b.account_id = accounts.id)",
    "DELETE FROM import_batches WHERE id = ?1",
  };
  g_autofree char *audit = NULL;
  g_autofree char *category_totals = NULL;
  sqlite3_stmt *stmt;
  gboolean bulk;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  stmt = budg_database_prepare (database, "SELECT n_imported FROM import_batches WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, batch_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("This import was already undone."));
      return FALSE;
    }
  /* A large import goes as it came: without the per-row triggers, whose
   * tables are rebuilt once. */
  bulk = sqlite3_column_int64 (stmt, 0) >= BULK_ROWS;
  sqlite3_reset (stmt);

  if (!budg_database_begin (database, error))
    return FALSE;

  if (bulk && (audit = suspend_triggers (database, &category_totals, error)) == NULL)
    {
      budg_database_rollback (database);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      stmt = budg_database_prepare (database, steps[i], error);
      if (stmt == NULL)
        {
          budg_database_rollback (database);
          return FALSE;
        }
      sqlite3_bind_int64 (stmt, 1, batch_id);
      if (!budg_database_step_done (database, stmt, error))
        {
          budg_database_rollback (database);
          return FALSE;
        }
    }

  if (bulk && !resume_triggers (database, audit, category_totals, error))
    {
      budg_database_rollback (database);
      return FALSE;
    }

  budg_database_emit_changed (database, "*");

  return budg_database_commit (database, error);
}
