/* budg-exporter.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-exporter"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-checkpoints.h"
#include "budg-csv-writer.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-exporter.h"
#include "budg-ofx-writer.h"
#include "budg-qif-writer.h"

/* The database is read into the importer's own data contract
 * (BudgImportStatement / BudgImportRow), which the writers turn into text:
 * that way "read back with nothing lost" is a comparison of two lists of
 * the same structs.
 *
 * Every row gets an external id: the bank's when it came from an import,
 * else "budg-<id>". Importing the export again (into the same database or
 * another one) then de-duplicates by it.
 *
 * CSV has the register's columns, one line per transaction: a split
 * transaction is one line with the total and an empty category (the parts
 * are in QIF only), so that amounts and ids stay one per transaction as the
 * bank has them; a transfer's category is "[Other account]", QIF's
 * notation. The cleared status is written in a "Status" column. */

typedef struct
{
  gint64               account_id;
  BudgImportStatement *statement;
} AccountStatement;

static BudgImportStatus
import_status (const char *status)
{
  if (g_strcmp0 (status, "cleared") == 0)
    return BUDG_IMPORT_STATUS_CLEARED;
  if (g_strcmp0 (status, "reconciled") == 0)
    return BUDG_IMPORT_STATUS_RECONCILED;

  return BUDG_IMPORT_STATUS_UNCLEARED;
}

static const char *
status_nick (BudgImportStatus status)
{
  switch (status)
    {
    case BUDG_IMPORT_STATUS_CLEARED:
      return "cleared";
    case BUDG_IMPORT_STATUS_RECONCILED:
      return "reconciled";
    case BUDG_IMPORT_STATUS_UNKNOWN:
    case BUDG_IMPORT_STATUS_UNCLEARED:
    default:
      return "pending";
    }
}

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

/* The range as ISO dates, which compare as text like the stored ones. */
static gboolean
normalize_range (const char  *from,
                 const char  *to,
                 char       **out_from,
                 char       **out_to,
                 GError     **error)
{
  g_autofree char *clean_from = NULL;
  g_autofree char *clean_to = NULL;

  if (from != NULL && !(clean_from = budg_date_normalize (from, error)))
    return FALSE;
  if (to != NULL && !(clean_to = budg_date_normalize (to, error)))
    return FALSE;

  if (clean_from != NULL && clean_to != NULL && strcmp (clean_from, clean_to) > 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The start date %s is after the end date %s."), clean_from, clean_to);
      return FALSE;
    }

  *out_from = g_steal_pointer (&clean_from);
  *out_to = g_steal_pointer (&clean_to);

  return TRUE;
}

static gboolean
read_splits (BudgDatabase   *database,
             gint64          transaction_id,
             BudgImportRow  *row,
             GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (database,
                                "SELECT s.amount_minor, s.memo,"
                                " CASE WHEN c.id IS NULL THEN NULL"
                                "      WHEN pc.id IS NULL THEN c.name"
                                "      ELSE pc.name || ':' || c.name END"
                                " FROM splits s"
                                " LEFT JOIN categories c ON c.id = s.category_id"
                                " LEFT JOIN categories pc ON pc.id = c.parent_id"
                                " WHERE s.transaction_id = ?1 ORDER BY s.position, s.id",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transaction_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgImportSplit *split = budg_import_split_new ();

      split->amount_minor = sqlite3_column_int64 (stmt, 0);
      split->memo = column_text (stmt, 1);
      split->category = column_text (stmt, 2);
      g_ptr_array_add (row->splits, split);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the split transactions"));
      return FALSE;
    }

  return TRUE;
}

/* The balance at the end of the statement: of @to, else of the later of
 * today and the last row (an account may have future rows). */
static gboolean
set_ledger_balance (BudgDatabase         *database,
                    gint64                account_id,
                    BudgImportStatement  *statement,
                    const char           *to,
                    GError              **error)
{
  g_autofree char *date = NULL;

  if (to != NULL)
    date = g_strdup (to);
  else
    {
      date = budg_date_today ();
      if (statement->rows->len > 0)
        {
          BudgImportRow *last = g_ptr_array_index (statement->rows, statement->rows->len - 1);

          if (g_strcmp0 (last->date, date) > 0)
            {
              g_free (date);
              date = g_strdup (last->date);
            }
        }
    }

  if (!budg_checkpoints_balance_after (database, account_id, date, G_MAXINT64,
                                       &statement->ledger_balance_minor, error))
    return FALSE;

  statement->has_ledger_balance = TRUE;
  statement->ledger_balance_date = g_steal_pointer (&date);

  return TRUE;
}

/**
 * budg_exporter_collect:
 * @database: a database
 * @account_id: the account, or 0 for all
 * @from_text: (nullable): the first date to export
 * @to_text: (nullable): the last date to export
 * @error: return location for a #GError
 *
 * Reads transactions as the writers take them: one statement per account
 * that has rows in the range (or the one account asked for, even if it has
 * none), with the account's name, kind, currency, bank id and number, the
 * period and the balance at its end; rows with payee, memo, category path,
 * transfer account, status, external id and split parts.
 *
 * Returns: (transfer full) (element-type BudgImportStatement): the
 *   statements, or %NULL with @error set (%BUDG_ERROR_NOT_FOUND for an
 *   unknown account, %BUDG_ERROR_INVALID_INPUT for a bad range)
 */
GPtrArray *
budg_exporter_collect (BudgDatabase  *database,
                       gint64         account_id,
                       const char    *from_text,
                       const char    *to_text,
                       GError       **error)
{
  g_autoptr(GPtrArray) statements = NULL;
  g_autoptr(GArray) account_ids = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  BudgImportStatement *statement = NULL;
  gint64 current_account = 0;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (account_id >= 0, NULL);

  if (!normalize_range (from_text, to_text, &from, &to, error))
    return NULL;

  statements = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_statement_free);
  account_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  /* The account asked for comes first even without rows, so that an empty
   * range still writes a valid statement of it. */
  if (account_id != 0)
    {
      stmt = budg_database_prepare (database,
                                    "SELECT id, name, kind, currency, bank_id, account_number"
                                    " FROM accounts WHERE id = ?1",
                                    error);
      if (stmt == NULL)
        return NULL;
      sqlite3_bind_int64 (stmt, 1, account_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          statement = budg_import_statement_new ();
          statement->account_name = column_text (stmt, 1);
          statement->has_account_kind =
            budg_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 2),
                                           &statement->account_kind);
          statement->currency = column_text (stmt, 3);
          statement->bank_id = column_text (stmt, 4);
          statement->account_number = column_text (stmt, 5);
          g_ptr_array_add (statements, statement);
          g_array_append_val (account_ids, account_id);
          current_account = account_id;
        }
      sqlite3_reset (stmt);

      if (rc == SQLITE_DONE)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                       _("There is no account with id %lld."), (long long) account_id);
          return NULL;
        }
      if (rc != SQLITE_ROW)
        {
          budg_database_set_error (database, error, _("reading the accounts"));
          return NULL;
        }
    }

  stmt = budg_database_prepare (database,
                                "SELECT t.id, t.account_id, a.name, a.kind, a.currency,"
                                " a.bank_id, a.account_number, t.date, t.amount_minor, p.name,"
                                " CASE WHEN c.id IS NULL THEN NULL"
                                "      WHEN pc.id IS NULL THEN c.name"
                                "      ELSE pc.name || ':' || c.name END,"
                                " t.memo, t.status, t.external_id, ta.name,"
                                " EXISTS (SELECT 1 FROM splits s WHERE s.transaction_id = t.id)"
                                " FROM transactions t"
                                " JOIN accounts a ON a.id = t.account_id"
                                " LEFT JOIN payees p ON p.id = t.payee_id"
                                " LEFT JOIN categories c ON c.id = t.category_id"
                                " LEFT JOIN categories pc ON pc.id = c.parent_id"
                                " LEFT JOIN transactions tt ON tt.id = t.transfer_id"
                                " LEFT JOIN accounts ta ON ta.id = tt.account_id"
                                " WHERE (?1 = 0 OR t.account_id = ?1)"
                                " AND (?2 IS NULL OR t.date >= ?2)"
                                " AND (?3 IS NULL OR t.date <= ?3)"
                                " ORDER BY a.sort_order, a.name COLLATE NOCASE, a.id, t.date, t.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 transaction_id = sqlite3_column_int64 (stmt, 0);
      gint64 row_account = sqlite3_column_int64 (stmt, 1);
      BudgImportRow *row;

      if (statement == NULL || row_account != current_account)
        {
          statement = budg_import_statement_new ();
          statement->account_name = column_text (stmt, 2);
          statement->has_account_kind =
            budg_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 3),
                                           &statement->account_kind);
          statement->currency = column_text (stmt, 4);
          statement->bank_id = column_text (stmt, 5);
          statement->account_number = column_text (stmt, 6);
          g_ptr_array_add (statements, statement);
          g_array_append_val (account_ids, row_account);
          current_account = row_account;
        }

      row = budg_import_row_new ();
      row->date = column_text (stmt, 7);
      row->amount_minor = sqlite3_column_int64 (stmt, 8);
      row->payee = column_text (stmt, 9);
      row->category = column_text (stmt, 10);
      row->memo = column_text (stmt, 11);
      row->status = import_status ((const char *) sqlite3_column_text (stmt, 12));
      row->external_id = column_text (stmt, 13);
      if (row->external_id == NULL)
        row->external_id = g_strdup_printf ("budg-%" G_GINT64_FORMAT, transaction_id);
      row->transfer_account = column_text (stmt, 14);
      g_ptr_array_add (statement->rows, row);

      /* Splits are rare: a small query for each split row beats joining
       * the parts of every row. */
      if (sqlite3_column_int (stmt, 15) != 0 && !read_splits (database, transaction_id, row, error))
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the transactions"));
      return NULL;
    }

  for (guint i = 0; i < statements->len; i++)
    {
      BudgImportStatement *each = g_ptr_array_index (statements, i);
      gint64 each_account = g_array_index (account_ids, gint64, i);

      each->start_date = g_strdup (from);
      each->end_date = g_strdup (to);
      if (!set_ledger_balance (database, each_account, each, to, error))
        return NULL;
    }

  return g_steal_pointer (&statements);
}

static GBytes *
build_csv (GPtrArray *statements)
{
  g_autoptr(BudgCsvWriter) writer = budg_csv_writer_new ();
  const char *text;
  gsize length;

  /* English names that budg_csv_detect() maps by itself; "Status" maps to
   * nothing and is ignored on import. */
  budg_csv_writer_add_field (writer, "Date");
  budg_csv_writer_add_field (writer, "Account");
  budg_csv_writer_add_field (writer, "Payee");
  budg_csv_writer_add_field (writer, "Category");
  budg_csv_writer_add_field (writer, "Memo");
  budg_csv_writer_add_field (writer, "Amount");
  budg_csv_writer_add_field (writer, "Currency");
  budg_csv_writer_add_field (writer, "Status");
  budg_csv_writer_add_field (writer, "Id");
  budg_csv_writer_end_row (writer);

  for (guint i = 0; i < statements->len; i++)
    {
      BudgImportStatement *statement = g_ptr_array_index (statements, i);

      for (guint j = 0; j < statement->rows->len; j++)
        {
          BudgImportRow *row = g_ptr_array_index (statement->rows, j);
          g_autofree char *category = NULL;

          if (row->transfer_account != NULL)
            category = g_strdup_printf ("[%s]", row->transfer_account);
          else if (row->splits->len == 0)
            category = g_strdup (row->category);

          budg_csv_writer_add_field (writer, row->date);
          budg_csv_writer_add_field (writer, statement->account_name);
          budg_csv_writer_add_field (writer, row->payee);
          budg_csv_writer_add_field (writer, category);
          budg_csv_writer_add_field (writer, row->memo);
          budg_csv_writer_add_amount (writer, row->amount_minor, statement->currency);
          budg_csv_writer_add_field (writer, statement->currency);
          budg_csv_writer_add_field (writer, status_nick (row->status));
          budg_csv_writer_add_field (writer, row->external_id);
          budg_csv_writer_end_row (writer);
        }
    }

  text = budg_csv_writer_get_text (writer, &length);

  return g_bytes_new (text, length);
}

static guint
count_rows (GPtrArray *statements)
{
  guint n = 0;

  for (guint i = 0; i < statements->len; i++)
    n += ((BudgImportStatement *) g_ptr_array_index (statements, i))->rows->len;

  return n;
}

/**
 * budg_exporter_export:
 * @database: a database
 * @format: %BUDG_IMPORT_FORMAT_CSV, %BUDG_IMPORT_FORMAT_QIF or
 *   %BUDG_IMPORT_FORMAT_OFX
 * @account_id: the account; 0 for all, which only CSV allows
 * @from: (nullable): the first ISO date to export
 * @to: (nullable): the last ISO date to export
 * @out_n_transactions: (out) (optional): how many transactions were written
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the file's bytes, or %NULL with @error set
 */
GBytes *
budg_exporter_export (BudgDatabase      *database,
                      BudgImportFormat   format,
                      gint64             account_id,
                      const char        *from,
                      const char        *to,
                      guint             *out_n_transactions,
                      GError           **error)
{
  g_autoptr(GPtrArray) statements = NULL;
  char *text;
  gsize length;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  if (format != BUDG_IMPORT_FORMAT_CSV && format != BUDG_IMPORT_FORMAT_QIF &&
      format != BUDG_IMPORT_FORMAT_OFX)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Budg exports CSV, QIF and OFX files only."));
      return NULL;
    }

  if (format != BUDG_IMPORT_FORMAT_CSV && account_id == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("A QIF or OFX file holds one account: choose which one to export."));
      return NULL;
    }

  statements = budg_exporter_collect (database, account_id, from, to, error);
  if (statements == NULL)
    return NULL;

  if (out_n_transactions != NULL)
    *out_n_transactions = count_rows (statements);

  switch (format)
    {
    case BUDG_IMPORT_FORMAT_CSV:
      return build_csv (statements);
    case BUDG_IMPORT_FORMAT_QIF:
      text = budg_qif_write (statements, &length);
      break;
    case BUDG_IMPORT_FORMAT_OFX:
      {
        BudgImportStatement *statement = g_ptr_array_index (statements, 0);

        /* OFX names an account only by its number; without the bank's
         * number, the name (cut to ACCTID's 22 bytes) lets the importer
         * find the account again or name the new one. */
        if (statement->account_number == NULL)
          statement->account_number = g_strdup (statement->account_name);
        text = budg_ofx_write (statement, &length);
      }
      break;
    case BUDG_IMPORT_FORMAT_UNKNOWN:
    case BUDG_IMPORT_FORMAT_QFX:
    default:
      g_assert_not_reached ();
    }

  return g_bytes_new_take (text, length);
}

/* The whole file or nothing: g_file_set_contents_full() writes a temporary
 * file next to @path, syncs it and renames it over @path, and removes it
 * when anything fails. */
static gboolean
export_to_file (BudgDatabase      *database,
                BudgImportFormat   format,
                gint64             account_id,
                const char        *from,
                const char        *to,
                const char        *path,
                guint             *out_n_transactions,
                GError           **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (path != NULL, FALSE);

  bytes = budg_exporter_export (database, format, account_id, from, to, out_n_transactions, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT,
                                 0666, &local_error))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write the file: %s. Check that the folder exists, that you can write to it and that the disk has space."),
                   local_error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_exporter_write_csv:
 * @database: a database
 * @account_id: the account, or 0 for all
 * @from: (nullable): the first ISO date to export
 * @to: (nullable): the last ISO date to export
 * @path: the file to write, in the GLib file name encoding
 * @out_n_transactions: (out) (optional): how many transactions were written
 * @error: return location for a #GError
 *
 * Writes the register's columns: Date, Account, Payee, Category, Memo,
 * Amount ("-12.50"), Currency, Status, Id.
 *
 * Returns: %TRUE on success; on failure no file is left at @path (an
 *   existing one is unchanged)
 */
gboolean
budg_exporter_write_csv (BudgDatabase  *database,
                         gint64         account_id,
                         const char    *from,
                         const char    *to,
                         const char    *path,
                         guint         *out_n_transactions,
                         GError       **error)
{
  return export_to_file (database, BUDG_IMPORT_FORMAT_CSV, account_id, from, to, path,
                         out_n_transactions, error);
}

/**
 * budg_exporter_write_qif:
 * @database: a database
 * @account_id: the account (not 0)
 * @from: (nullable): the first ISO date to export
 * @to: (nullable): the last ISO date to export
 * @path: the file to write, in the GLib file name encoding
 * @out_n_transactions: (out) (optional): how many transactions were written
 * @error: return location for a #GError
 *
 * Writes one account with its categories, transfers, statuses and splits.
 *
 * Returns: %TRUE on success; on failure no file is left at @path
 */
gboolean
budg_exporter_write_qif (BudgDatabase  *database,
                         gint64         account_id,
                         const char    *from,
                         const char    *to,
                         const char    *path,
                         guint         *out_n_transactions,
                         GError       **error)
{
  return export_to_file (database, BUDG_IMPORT_FORMAT_QIF, account_id, from, to, path,
                         out_n_transactions, error);
}

/**
 * budg_exporter_write_ofx:
 * @database: a database
 * @account_id: the account (not 0)
 * @from: (nullable): the first ISO date to export
 * @to: (nullable): the last ISO date to export
 * @path: the file to write, in the GLib file name encoding
 * @out_n_transactions: (out) (optional): how many transactions were written
 * @error: return location for a #GError
 *
 * Writes one account as an OFX 2 statement with its ledger balance at the
 * end of the range.
 *
 * Returns: %TRUE on success; on failure no file is left at @path
 */
gboolean
budg_exporter_write_ofx (BudgDatabase  *database,
                         gint64         account_id,
                         const char    *from,
                         const char    *to,
                         const char    *path,
                         guint         *out_n_transactions,
                         GError       **error)
{
  return export_to_file (database, BUDG_IMPORT_FORMAT_OFX, account_id, from, to, path,
                         out_n_transactions, error);
}
