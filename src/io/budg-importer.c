/* budg-importer.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-category-totals.h"
#include "budg-checkpoints.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-import-plan-private.h"
#include "budg-importer.h"
#include "budg-migrations.h"
#include "budg-ofx-parser.h"
#include "budg-qif-parser.h"
#include "budg-rule-store.h"

/* Ids made for rows the bank gave none start with this, so that they are
 * never taken for a bank's own. */
#define MADE_ID_PREFIX "budg:"

/* From this many rows on, the commit drops the per-row triggers (running
 * balance checkpoints, category totals, audit log) and rebuilds their
 * tables once at the end: at a million rows the triggers would cost more
 * than the inserts. The import batch is the audit record of those rows. */
#define BULK_ROWS 5000

/* How often a long loop looks at the cancellable and publishes progress. */
#define CHECK_EVERY 1024

#define DEFAULT_MATCH_DAYS 3

BudgImportOptions *
budg_import_options_new (void)
{
  BudgImportOptions *options = g_new0 (BudgImportOptions, 1);

  options->match_days = DEFAULT_MATCH_DAYS;

  return options;
}

void
budg_import_options_free (BudgImportOptions *options)
{
  if (options == NULL)
    return;

  g_free (options->currency);
  g_clear_pointer (&options->csv, budg_csv_options_free);
  g_free (options->encoding);
  g_free (options->filename);
  g_free (options);
}

static void
progress_set (BudgImportProgress *progress,
              guint               done,
              guint               total)
{
  if (progress == NULL)
    return;

  g_atomic_int_set (&progress->total, (gint) MIN (total, G_MAXINT));
  g_atomic_int_set (&progress->done, (gint) MIN (done, G_MAXINT));
}

/**
 * budg_importer_parse:
 * @data: the file's bytes
 * @length: their number
 * @options: how to read them
 * @error: return location for a #GError
 *
 * Reads a statement file in whatever format @options names or, when it
 * names none, the format the bytes show.
 *
 * Returns: (transfer full): what the file holds, or %NULL if it cannot be
 *   read as a whole (nothing is imported from such a file)
 */
BudgImportResult *
budg_importer_parse (const guint8             *data,
                     gsize                     length,
                     const BudgImportOptions  *options,
                     GError                  **error)
{
  BudgImportFormat format;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  {
    gsize i = 0;

    while (i < length && g_ascii_isspace (data[i]))
      i++;
    if (i == length)
      {
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("The file is empty: it holds no transactions to import."));
        return NULL;
      }
  }

  format = options->format;
  if (format == BUDG_IMPORT_FORMAT_UNKNOWN)
    format = budg_import_detect_format (data, length, options->filename);

  switch (format)
    {
    case BUDG_IMPORT_FORMAT_CSV:
      {
        g_autoptr(BudgCsvOptions) hints = options->csv != NULL ? budg_csv_options_copy (options->csv)
                                                                : budg_csv_options_new ();
        g_autoptr(BudgCsvOptions) resolved = NULL;

        if (hints->encoding == NULL)
          hints->encoding = g_strdup (options->encoding);
        if (hints->date_order == BUDG_DATE_ORDER_AUTO)
          hints->date_order = options->date_order;
        if (hints->decimal_mark == BUDG_DECIMAL_MARK_AUTO)
          hints->decimal_mark = options->decimal_mark;
        if (hints->currency == NULL)
          hints->currency = g_strdup (options->currency);

        resolved = budg_csv_detect (data, length, hints, error);
        if (resolved == NULL)
          return NULL;

        return budg_csv_parse (data, length, resolved, error);
      }

    case BUDG_IMPORT_FORMAT_OFX:
    case BUDG_IMPORT_FORMAT_QFX:
      {
        BudgImportResult *result = budg_ofx_parse (data, length, options->currency, error);

        if (result != NULL && options->format == BUDG_IMPORT_FORMAT_QFX)
          result->format = BUDG_IMPORT_FORMAT_QFX;

        return result;
      }

    case BUDG_IMPORT_FORMAT_QIF:
      {
        BudgQifOptions qif = {
          .date_order = options->date_order,
          .decimal_mark = options->decimal_mark,
          .encoding = options->encoding,
          .currency = options->currency,
        };

        return budg_qif_parse (data, length, &qif, error);
      }

    case BUDG_IMPORT_FORMAT_UNKNOWN:
    default:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("This file is not a bank statement Budg can read. Budg imports CSV, OFX, QFX and QIF files; export the statement from your bank in one of those."));
      return NULL;
    }
}

/* --- What the database already holds ------------------------------------ */

/* Text compared without case, accents kept: the keys of the name maps. */
static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

typedef struct
{
  GHashTable *category_by_path;  /* folded "Parent:Child" → id */
  GHashTable *category_paths;    /* id → "Parent:Child" as stored */
} Catalog;

static void
catalog_clear (Catalog *catalog)
{
  g_clear_pointer (&catalog->category_by_path, g_hash_table_unref);
  g_clear_pointer (&catalog->category_paths, g_hash_table_unref);
}

static gboolean
catalog_load (Catalog       *catalog,
              BudgDatabase  *database,
              GError       **error)
{
  sqlite3_stmt *stmt;
  int rc;

  catalog->category_by_path = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  catalog->category_paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  stmt = budg_database_prepare (database,
                                "SELECT c.id, CASE WHEN p.id IS NULL THEN c.name"
                                "                  ELSE p.name || ':' || c.name END"
                                " FROM categories c LEFT JOIN categories p ON p.id = c.parent_id",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      const char *path = (const char *) sqlite3_column_text (stmt, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (catalog->category_by_path, fold (path), GSIZE_TO_POINTER (*id));
      g_hash_table_insert (catalog->category_paths, id, g_strdup (path));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the categories"));
      return FALSE;
    }

  return TRUE;
}

static gint64
catalog_find_category (Catalog    *catalog,
                       const char *path)
{
  g_autofree char *key = NULL;

  if (path == NULL)
    return 0;

  key = fold (path);

  return GPOINTER_TO_SIZE (g_hash_table_lookup (catalog->category_by_path, key));
}

/* --- Finding each statement's account ----------------------------------- */

static gboolean
query_account (BudgDatabase      *database,
               const char        *sql,
               const char        *first,
               const char        *second,
               BudgImportTarget  *target,
               gboolean          *out_found,
               GError           **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, first, -1, SQLITE_TRANSIENT);
  if (second != NULL)
    sqlite3_bind_text (stmt, 2, second, -1, SQLITE_TRANSIENT);

  rc = sqlite3_step (stmt);
  *out_found = rc == SQLITE_ROW;
  if (*out_found)
    {
      target->account_id = sqlite3_column_int64 (stmt, 0);
      g_free (target->account_name);
      target->account_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_free (target->currency);
      target->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      budg_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &target->account_kind);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("looking for the statement’s account"));
      return FALSE;
    }

  return TRUE;
}

#define ACCOUNT_COLUMNS "SELECT id, name, currency, kind FROM accounts "

static gboolean
target_use_account (BudgDatabase      *database,
                    BudgImportTarget  *target,
                    gint64             account_id,
                    GError           **error)
{
  sqlite3_stmt *stmt = budg_database_prepare (database, ACCOUNT_COLUMNS "WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      target->account_id = account_id;
      g_free (target->account_name);
      target->account_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_free (target->currency);
      target->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      budg_account_kind_from_string ((const char *) sqlite3_column_text (stmt, 3), &target->account_kind);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("The account to import into no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      budg_database_set_error (database, error, _("looking for the statement’s account"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
looks_like_name (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;

  return FALSE;
}

/* The name of an account the import creates: the file's name for it, else
 * the bank's and the last digits of the number, as on a statement. */
static char *
new_account_name (BudgImportStatement *statement,
                  guint                index)
{
  if (statement->account_name != NULL)
    return g_strdup (statement->account_name);

  /* A CSV account column often holds the account's name, not a number. */
  if (statement->account_number != NULL && looks_like_name (statement->account_number))
    return g_strdup (statement->account_number);

  if (statement->account_number != NULL)
    {
      gsize length = strlen (statement->account_number);
      const char *tail = statement->account_number + (length > 4 ? length - 4 : 0);

      /* Translators: an imported account's name, "Account …1234" */
      return g_strdup_printf (_("Account …%s"), tail);
    }

  /* Translators: the name of an account created by an import whose file
   * names none; %u counts them when there are several */
  return index == 0 ? g_strdup (_("Imported Account")) : g_strdup_printf (_("Imported Account %u"), index + 1);
}

static gboolean
name_taken (BudgDatabase  *database,
            GPtrArray     *targets,
            guint          upto,
            const char    *name,
            gboolean      *out_taken,
            GError       **error)
{
  BudgImportTarget probe = { 0 };
  gboolean found;

  *out_taken = FALSE;
  for (guint i = 0; i < upto; i++)
    {
      BudgImportTarget *other = g_ptr_array_index (targets, i);

      if (other->account_id == 0 && g_utf8_collate (other->account_name, name) == 0)
        {
          *out_taken = TRUE;
          return TRUE;
        }
    }

  if (!query_account (database, ACCOUNT_COLUMNS "WHERE name = ? COLLATE NOCASE", name, NULL,
                      &probe, &found, error))
    return FALSE;

  g_free (probe.account_name);
  g_free (probe.currency);
  *out_taken = found;

  return TRUE;
}

static gboolean
resolve_target (BudgDatabase             *database,
                BudgImportPlan           *plan,
                guint                     index,
                const BudgImportOptions  *options,
                GError                  **error)
{
  BudgImportTarget *target = g_ptr_array_index (plan->targets, index);
  BudgImportStatement *statement = target->statement;
  gboolean found = FALSE;
  g_autofree char *base = NULL;

  if (options->account_id != 0)
    return target_use_account (database, target, options->account_id, error);

  /* The bank's own identification first, then the file's account name. */
  if (statement->account_number != NULL && statement->bank_id != NULL &&
      !query_account (database,
                      ACCOUNT_COLUMNS "WHERE account_number = ? AND bank_id = ? AND archived = 0",
                      statement->account_number, statement->bank_id, target, &found, error))
    return FALSE;
  if (!found && statement->account_number != NULL &&
      !query_account (database, ACCOUNT_COLUMNS "WHERE account_number = ? AND archived = 0",
                      statement->account_number, NULL, target, &found, error))
    return FALSE;
  if (!found && statement->account_name != NULL &&
      !query_account (database, ACCOUNT_COLUMNS "WHERE name = ? COLLATE NOCASE",
                      statement->account_name, NULL, target, &found, error))
    return FALSE;
  if (!found && statement->account_name == NULL && statement->account_number != NULL &&
      looks_like_name (statement->account_number) &&
      !query_account (database, ACCOUNT_COLUMNS "WHERE name = ? COLLATE NOCASE",
                      statement->account_number, NULL, target, &found, error))
    return FALSE;
  /* A statement that names no account (most CSV files) goes where the
   * same kind of statement went the first time. */
  if (!found && statement->account_name == NULL && statement->account_number == NULL)
    {
      g_autofree char *fallback = new_account_name (statement, index);

      if (!query_account (database, ACCOUNT_COLUMNS "WHERE name = ? COLLATE NOCASE",
                          fallback, NULL, target, &found, error))
        return FALSE;
    }
  if (found)
    return TRUE;

  target->account_id = 0;
  target->account_kind = statement->has_account_kind ? statement->account_kind : BUDG_ACCOUNT_KIND_CHECKING;
  g_free (target->currency);
  target->currency = g_strdup (statement->currency != NULL ? statement->currency
                               : options->currency != NULL ? options->currency : "USD");

  /* A new name that is free, in the database and among this file's new
   * accounts. */
  base = new_account_name (statement, index);
  for (guint n = 1; ; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);
      gboolean taken;

      if (!name_taken (database, plan->targets, index, name, &taken, error))
        return FALSE;
      if (!taken)
        {
          g_free (target->account_name);
          target->account_name = g_steal_pointer (&name);
          return TRUE;
        }
    }
}

/* --- Deciding each row ------------------------------------------------------ */

/* A transaction already in the account, near the statement's dates. */
typedef struct
{
  gint64    id;
  GDate     date;
  gint64    amount_minor;
  char     *payee;        /* folded */
  gboolean  manual;       /* entered by hand or by paying a due bill */
  gboolean  bank_id;      /* has the bank's own id (not one Budg made) */
  char     *source;
  gboolean  claimed;      /* already matched by a row of this import */
} Existing;

static void
existing_free (Existing *existing)
{
  g_free (existing->payee);
  g_free (existing->source);
  g_free (existing);
}

typedef struct
{
  GHashTable *external_ids;   /* ids of @source in the account → transaction id */
  GHashTable *by_amount;      /* amount → GPtrArray of Existing */
} AccountIndex;

static void
account_index_clear (AccountIndex *index)
{
  g_clear_pointer (&index->external_ids, g_hash_table_unref);
  g_clear_pointer (&index->by_amount, g_hash_table_unref);
}

static gboolean
account_index_load (AccountIndex   *index,
                    BudgDatabase   *database,
                    gint64          account_id,
                    const char     *source,
                    const char     *first_date,
                    const char     *last_date,
                    guint           match_days,
                    GError        **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  sqlite3_stmt *stmt;
  int rc;

  index->external_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  index->by_amount = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);

  if (account_id == 0 || first_date == NULL)
    return TRUE;

  /* The bank's ids of this account, all of them: a bank may send an old
   * transaction again long after its date. */
  stmt = budg_database_prepare (database,
                                "SELECT external_id, id FROM transactions"
                                " WHERE account_id = ? AND source = ? AND external_id IS NOT NULL",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, source, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (index->external_ids,
                         g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         GSIZE_TO_POINTER (sqlite3_column_int64 (stmt, 1)));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the account’s transactions"));
      return FALSE;
    }

  from = budg_date_add_days (first_date, -(int) match_days);
  to = budg_date_add_days (last_date, (int) match_days);
  if (from == NULL || to == NULL)
    return TRUE;

  stmt = budg_database_prepare (database,
                                "SELECT t.id, t.date, t.amount_minor, coalesce(t.imported_payee, p.name),"
                                "       t.source IS NULL AND t.external_id IS NULL,"
                                "       t.external_id IS NOT NULL AND substr(t.external_id, 1, 5) <> '" MADE_ID_PREFIX "',"
                                "       t.source"
                                " FROM transactions t LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE t.account_id = ? AND t.date BETWEEN ? AND ?",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_text (stmt, 2, from, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, to, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Existing *existing = g_new0 (Existing, 1);
      const char *payee = (const char *) sqlite3_column_text (stmt, 3);
      GPtrArray *list;

      existing->id = sqlite3_column_int64 (stmt, 0);
      budg_date_parse ((const char *) sqlite3_column_text (stmt, 1), &existing->date, NULL);
      existing->amount_minor = sqlite3_column_int64 (stmt, 2);
      existing->payee = payee != NULL ? fold (payee) : NULL;
      existing->manual = sqlite3_column_int (stmt, 4);
      existing->bank_id = sqlite3_column_int (stmt, 5);
      existing->source = g_strdup ((const char *) sqlite3_column_text (stmt, 6));

      list = g_hash_table_lookup (index->by_amount, &existing->amount_minor);
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) existing_free);
          g_hash_table_insert (index->by_amount, g_memdup2 (&existing->amount_minor, sizeof (gint64)), list);
        }
      g_ptr_array_add (list, existing);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the account’s transactions"));
      return FALSE;
    }

  return TRUE;
}

/* The words of a payee that say who it is: letters and digits, folded. */
static GPtrArray *
payee_words (const char *folded)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = folded; p != NULL; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      /* Short words ("de", "sa", a store number's "12") say little. */
      if (word->len >= 3)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);
      if (c == 0)
        break;
    }
  g_string_free (word, TRUE);

  return words;
}

/* Whether two payees (folded) could be the same: one is missing, or they
 * share a word, or one word starts the other ("AMZN" and "AMZN MKTP"). */
static gboolean
payees_similar (const char *a,
                const char *b)
{
  g_autoptr(GPtrArray) words_a = NULL;
  g_autoptr(GPtrArray) words_b = NULL;

  if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
    return TRUE;
  if (strstr (a, b) != NULL || strstr (b, a) != NULL)
    return TRUE;

  words_a = payee_words (a);
  words_b = payee_words (b);
  for (guint i = 0; i < words_a->len; i++)
    for (guint j = 0; j < words_b->len; j++)
      {
        const char *x = g_ptr_array_index (words_a, i);
        const char *y = g_ptr_array_index (words_b, j);

        if (g_str_has_prefix (x, y) || g_str_has_prefix (y, x))
          return TRUE;
      }

  return FALSE;
}

/* The id of a row the bank gave none: the same row in the same place of the
 * same statement always gets the same one. @occurrence counts the identical
 * rows before it, so that two coffees of the same price on the same day
 * stay two. */
static char *
made_external_id (BudgImportRow *row,
                  guint          occurrence)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA1);
  char amount[32];
  char count[16];

  g_snprintf (amount, sizeof amount, "%" G_GINT64_FORMAT, row->amount_minor);
  g_snprintf (count, sizeof count, "%u", occurrence);
  g_checksum_update (checksum, (const guchar *) row->date, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) amount, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  if (row->payee != NULL)
    g_checksum_update (checksum, (const guchar *) row->payee, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  if (row->memo != NULL)
    g_checksum_update (checksum, (const guchar *) row->memo, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  if (row->check_number != NULL)
    g_checksum_update (checksum, (const guchar *) row->check_number, -1);
  g_checksum_update (checksum, (const guchar *) "\x1f", 1);
  g_checksum_update (checksum, (const guchar *) count, -1);

  return g_strconcat (MADE_ID_PREFIX, g_checksum_get_string (checksum), NULL);
}

static char *
row_key (BudgImportRow *row)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT "\x1f%s\x1f%s\x1f%s", row->date, row->amount_minor,
                          row->payee != NULL ? row->payee : "", row->memo != NULL ? row->memo : "",
                          row->check_number != NULL ? row->check_number : "");
}

static const char *
source_of (BudgImportFormat format)
{
  switch (format)
    {
    case BUDG_IMPORT_FORMAT_OFX:
    case BUDG_IMPORT_FORMAT_QFX:
      /* The same bank ids whichever of the two the bank called it. */
      return "ofx";
    case BUDG_IMPORT_FORMAT_QIF:
      return "qif";
    case BUDG_IMPORT_FORMAT_CSV:
    case BUDG_IMPORT_FORMAT_UNKNOWN:
    default:
      return "csv";
    }
}

/* Decides the items of one statement: duplicates, links, possible
 * duplicates, new. */
static gboolean
decide_target (BudgDatabase  *database,
               BudgImportPlan *plan,
               guint          target_index,
               guint          first_item,
               guint          n_items,
               GError       **error)
{
  BudgImportTarget *target = g_ptr_array_index (plan->targets, target_index);
  BudgImportStatement *statement = target->statement;
  g_autoptr(GHashTable) seen_ids = g_hash_table_new (g_str_hash, g_str_equal);
  AccountIndex index = { 0 };
  const char *first_date = NULL;
  const char *last_date = NULL;
  gboolean ok;

  for (guint i = 0; i < statement->rows->len; i++)
    {
      BudgImportRow *row = g_ptr_array_index (statement->rows, i);

      if (first_date == NULL || strcmp (row->date, first_date) < 0)
        first_date = row->date;
      if (last_date == NULL || strcmp (row->date, last_date) > 0)
        last_date = row->date;
    }

  ok = account_index_load (&index, database, target->account_id, plan->source,
                           first_date, last_date, plan->match_days, error);

  for (guint i = first_item; ok && i < first_item + n_items; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);
      BudgImportRow *row = item->row;
      GPtrArray *candidates;
      Existing *best = NULL;
      GDate date;
      gint64 existing_id;

      item->kind = BUDG_IMPORT_ITEM_NEW;
      item->existing_id = 0;
      item->include = TRUE;

      /* The same id twice in one file is the bank repeating itself. */
      if (!g_hash_table_add (seen_ids, item->external_id))
        {
          item->kind = BUDG_IMPORT_ITEM_DUPLICATE;
          item->include = FALSE;
          continue;
        }

      existing_id = GPOINTER_TO_SIZE (g_hash_table_lookup (index.external_ids, item->external_id));
      if (existing_id != 0)
        {
          item->kind = BUDG_IMPORT_ITEM_DUPLICATE;
          item->existing_id = existing_id;
          item->include = FALSE;
          continue;
        }

      candidates = g_hash_table_lookup (index.by_amount, &row->amount_minor);
      if (candidates == NULL || !budg_date_parse (row->date, &date, NULL))
        continue;

      for (guint c = 0; c < candidates->len; c++)
        {
          Existing *existing = g_ptr_array_index (candidates, c);
          int distance = ABS (g_date_days_between (&date, &existing->date));
          gboolean both_bank_ids;

          if (existing->claimed || distance > (int) plan->match_days)
            continue;

          /* Two different ids from the same bank are two transactions. */
          both_bank_ids = existing->bank_id && !g_str_has_prefix (item->external_id, MADE_ID_PREFIX) &&
                          g_strcmp0 (existing->source, plan->source) == 0;
          if (both_bank_ids)
            continue;

          if (!existing->manual)
            {
              g_autofree char *payee = row->payee != NULL ? fold (row->payee) : NULL;

              if (!payees_similar (payee, existing->payee))
                continue;
            }

          /* A transaction entered by hand beats an imported look-alike;
           * then the nearest date. */
          if (best == NULL || (existing->manual && !best->manual) ||
              (existing->manual == best->manual &&
               distance < ABS (g_date_days_between (&date, &best->date))))
            best = existing;
        }

      if (best != NULL)
        {
          best->claimed = TRUE;
          item->existing_id = best->id;
          item->kind = best->manual ? BUDG_IMPORT_ITEM_MATCH : BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE;
          item->include = best->manual;
        }
    }

  account_index_clear (&index);

  return ok;
}

/* The other side of each QIF transfer between two accounts of the file:
 * same date, opposite amount, naming each other. Both are then written as
 * one transfer; without a partner a row stays an ordinary transaction. */
static void
pair_transfers (BudgImportPlan *plan)
{
  g_autoptr(GHashTable) open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) g_array_unref);

  for (guint i = 0; i < plan->items->len; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);
      BudgImportTarget *target = g_ptr_array_index (plan->targets, item->target);
      BudgImportRow *row = item->row;
      g_autofree char *mine = NULL;
      g_autofree char *wanted = NULL;
      GArray *waiting;

      item->transfer_item = 0;
      if (row->transfer_account == NULL || target->account_name == NULL)
        continue;

      /* Keyed by what the partner will look like from its side. */
      {
        g_autofree char *here = fold (target->account_name);
        g_autofree char *there = fold (row->transfer_account);

        wanted = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT, row->date, there, here, -row->amount_minor);
        mine = g_strdup_printf ("%s\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT, row->date, here, there, row->amount_minor);
      }

      waiting = g_hash_table_lookup (open, wanted);
      if (waiting != NULL && waiting->len > 0)
        {
          guint partner = g_array_index (waiting, guint, waiting->len - 1);
          BudgImportItem *other = &g_array_index (plan->items, BudgImportItem, partner);

          g_array_set_size (waiting, waiting->len - 1);
          item->transfer_item = partner + 1;
          other->transfer_item = i + 1;
          continue;
        }

      waiting = g_hash_table_lookup (open, mine);
      if (waiting == NULL)
        {
          waiting = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (open, g_strdup (mine), waiting);
        }
      g_array_append_val (waiting, i);
    }
}

/* Rules, then the file's own category, which is the user's earlier work in
 * another program and wins over a rule's guess. */
static void
apply_rules (BudgImportPlan *plan,
             BudgRuleSet    *rules,
             Catalog        *catalog,
             guint           first_item,
             guint           n_items)
{
  for (guint i = first_item; i < first_item + n_items; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);
      BudgImportTarget *target = g_ptr_array_index (plan->targets, item->target);
      BudgImportRow *row = item->row;
      BudgRuleSubject subject = {
        .account_id = target->account_id,
        .amount_minor = row->amount_minor,
        .payee = row->payee,
        .memo = row->memo,
      };
      gboolean transfer = item->transfer_item != 0 || item->transfer_account_id != 0;

      g_clear_pointer (&item->payee, g_free);
      g_clear_pointer (&item->memo, g_free);
      g_clear_pointer (&item->category_path, g_free);
      item->category_id = 0;
      item->rule_id = 0;
      item->status = row->status == BUDG_IMPORT_STATUS_RECONCILED ? BUDG_TRANSACTION_STATUS_RECONCILED
                     : row->status == BUDG_IMPORT_STATUS_UNCLEARED ? BUDG_TRANSACTION_STATUS_PENDING
                     : BUDG_TRANSACTION_STATUS_CLEARED;

      if (rules != NULL && budg_rule_set_apply (rules, &subject))
        item->rule_id = subject.rule_id;

      item->payee = g_strdup (subject.payee_out != NULL ? subject.payee_out : row->payee);
      item->memo = g_strdup (subject.memo_out != NULL ? subject.memo_out : row->memo);
      if (subject.has_status)
        item->status = subject.status;

      if (row->category != NULL && !transfer && row->splits->len == 0)
        {
          item->category_path = g_strdup (row->category);
          item->category_id = catalog_find_category (catalog, row->category);
        }
      else if (subject.category_id != 0 && !transfer && row->splits->len == 0)
        {
          const char *path = g_hash_table_lookup (catalog->category_paths, &subject.category_id);

          if (path != NULL)
            {
              item->category_path = g_strdup (path);
              item->category_id = subject.category_id;
            }
        }

      if (row->opening_balance && item->payee == NULL)
        item->payee = g_strdup (_("Opening Balance"));
    }
}

static gboolean
decide_all (BudgDatabase    *database,
            BudgImportPlan  *plan,
            GCancellable    *cancellable,
            GError         **error)
{
  guint first = 0;

  for (guint t = 0; t < plan->targets->len; t++)
    {
      BudgImportTarget *target = g_ptr_array_index (plan->targets, t);
      guint n = target->statement->rows->len;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (!decide_target (database, plan, t, first, n, error))
        return FALSE;
      first += n;
    }

  /* A transfer's two sides go in together or not at all. */
  for (guint i = 0; i < plan->items->len; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);

      if (item->transfer_item > 0)
        {
          BudgImportItem *other = &g_array_index (plan->items, BudgImportItem, item->transfer_item - 1);

          if (other->kind != BUDG_IMPORT_ITEM_NEW || item->kind != BUDG_IMPORT_ITEM_NEW)
            {
              /* One side is known already: the other one is a plain row. */
              other->transfer_item = 0;
              item->transfer_item = 0;
            }
        }
    }

  budg_import_plan_recount (plan);

  return TRUE;
}

/* A transfer whose other account is not in the file but in the database:
 * its other side is written there, or linked to the row already there. */
static gboolean
resolve_outside_transfers (BudgDatabase    *database,
                           BudgImportPlan  *plan,
                           GError         **error)
{
  g_autoptr(GHashTable) claimed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < plan->items->len; i++)
    {
      BudgImportItem *item = &g_array_index (plan->items, BudgImportItem, i);
      BudgImportTarget *target = g_ptr_array_index (plan->targets, item->target);
      BudgImportTarget other = { 0 };
      g_autofree char *from = NULL;
      g_autofree char *to = NULL;
      sqlite3_stmt *stmt;
      gboolean found = FALSE;
      gboolean in_file = FALSE;
      int rc;

      item->transfer_account_id = 0;
      item->transfer_existing_id = 0;
      if (item->row->transfer_account == NULL || item->transfer_item != 0 || item->kind != BUDG_IMPORT_ITEM_NEW)
        continue;

      /* The other account is in the file but its side was not found: the
       * row stays an ordinary one rather than guess. */
      for (guint t = 0; t < plan->targets->len; t++)
        {
          BudgImportTarget *candidate = g_ptr_array_index (plan->targets, t);

          in_file |= candidate->account_name != NULL &&
                     g_utf8_collate (candidate->account_name, item->row->transfer_account) == 0;
        }
      if (in_file)
        continue;

      if (!query_account (database, ACCOUNT_COLUMNS "WHERE name = ? COLLATE NOCASE",
                          item->row->transfer_account, NULL, &other, &found, error))
        return FALSE;
      g_free (other.account_name);
      g_free (other.currency);
      if (!found || other.account_id == target->account_id)
        continue;

      item->transfer_account_id = other.account_id;

      from = budg_date_add_days (item->row->date, -(int) plan->match_days);
      to = budg_date_add_days (item->row->date, (int) plan->match_days);
      stmt = budg_database_prepare (database,
                                    "SELECT id FROM transactions WHERE account_id = ? AND amount_minor = ?"
                                    " AND date BETWEEN ? AND ? AND transfer_id IS NULL"
                                    " ORDER BY abs(julianday(date) - julianday(?)), id",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, other.account_id);
      sqlite3_bind_int64 (stmt, 2, -item->row->amount_minor);
      sqlite3_bind_text (stmt, 3, from, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, to, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 5, item->row->date, -1, SQLITE_STATIC);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          if (g_hash_table_contains (claimed, &id))
            continue;
          item->transfer_existing_id = id;
          g_hash_table_add (claimed, g_memdup2 (&id, sizeof id));
          break;
        }
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          budg_database_set_error (database, error, _("looking for the other side of a transfer"));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
run_rules (BudgDatabase    *database,
           BudgImportPlan  *plan,
           GError         **error)
{
  g_autoptr(BudgRuleStore) store = budg_rule_store_new (database);
  g_autoptr(BudgRuleSet) rules = budg_rule_store_compile (store, 0, error);
  Catalog catalog = { 0 };

  if (rules == NULL)
    return FALSE;

  if (!catalog_load (&catalog, database, error))
    {
      catalog_clear (&catalog);
      return FALSE;
    }

  apply_rules (plan, rules, &catalog, 0, plan->items->len);
  catalog_clear (&catalog);

  return TRUE;
}

/**
 * budg_importer_plan:
 * @database: the database to import into (read only here)
 * @result: (transfer full): what the parser read
 * @options: the options the file was read with
 * @cancellable: (nullable): to stop early
 * @progress: (nullable): rows decided so far
 * @error: return location for a #GError
 *
 * Decides what importing @result would do, without writing anything.
 *
 * Returns: (transfer full): the plan, or %NULL on error
 */
BudgImportPlan *
budg_importer_plan (BudgDatabase             *database,
                    BudgImportResult         *result,
                    const BudgImportOptions  *options,
                    GCancellable             *cancellable,
                    BudgImportProgress       *progress,
                    GError                  **error)
{
  g_autoptr(BudgImportPlan) plan = NULL;
  guint n_rows;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (result != NULL, NULL);
  g_return_val_if_fail (options != NULL, NULL);

  plan = budg_import_plan_new (result);
  plan->source = g_strdup (source_of (result->format));
  plan->filename = g_strdup (options->filename);
  plan->match_days = options->match_days;

  n_rows = budg_import_result_get_n_rows (result);
  progress_set (progress, 0, n_rows);
  g_array_set_size (plan->items, 0);

  for (guint s = 0; s < result->statements->len; s++)
    {
      BudgImportStatement *statement = g_ptr_array_index (result->statements, s);
      g_autoptr(GHashTable) occurrences = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      g_ptr_array_add (plan->targets, budg_import_target_new (statement));
      if (!resolve_target (database, plan, s, options, error))
        return NULL;

      for (guint r = 0; r < statement->rows->len; r++)
        {
          BudgImportRow *row = g_ptr_array_index (statement->rows, r);
          BudgImportItem item = { 0 };

          /* "[Savings]" in a category column is the QIF way of naming the
           * other account of a transfer; CSV exports use it too. */
          if (row->transfer_account == NULL && row->category != NULL && row->category[0] == '[' &&
              g_str_has_suffix (row->category, "]") && strlen (row->category) > 2)
            {
              row->transfer_account = g_strndup (row->category + 1, strlen (row->category) - 2);
              g_clear_pointer (&row->category, g_free);
            }

          item.row = row;
          item.target = s;
          if (row->external_id != NULL)
            {
              item.external_id = g_strdup (row->external_id);
            }
          else
            {
              char *key = row_key (row);
              guint seen = GPOINTER_TO_UINT (g_hash_table_lookup (occurrences, key));

              item.external_id = made_external_id (row, seen);
              g_hash_table_replace (occurrences, key, GUINT_TO_POINTER (seen + 1));
            }
          g_array_append_val (plan->items, item);

          if ((plan->items->len % CHECK_EVERY) == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                return NULL;
              progress_set (progress, plan->items->len / 2, n_rows);
            }
        }
    }

  pair_transfers (plan);

  if (!decide_all (database, plan, cancellable, error) ||
      !resolve_outside_transfers (database, plan, error) ||
      !run_rules (database, plan, error))
    return NULL;

  progress_set (progress, n_rows, n_rows);

  return g_steal_pointer (&plan);
}

/**
 * budg_importer_retarget:
 * @database: the database
 * @plan: a plan
 * @target: the statement's index
 * @account_id: the account it goes to, or 0 for a new one
 * @error: return location for a #GError
 *
 * Points one statement at another account and decides its rows again.
 *
 * Returns: %FALSE on error (the plan is then unchanged)
 */
gboolean
budg_importer_retarget (BudgDatabase    *database,
                        BudgImportPlan  *plan,
                        guint            target,
                        gint64           account_id,
                        GError         **error)
{
  g_autoptr(BudgImportOptions) options = budg_import_options_new ();
  BudgImportTarget *t;
  BudgImportTarget saved;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (target < plan->targets->len, FALSE);

  t = g_ptr_array_index (plan->targets, target);
  saved = *t;
  saved.account_name = g_strdup (t->account_name);
  saved.currency = g_strdup (t->currency);

  options->account_id = account_id;
  options->currency = g_strdup (t->currency);
  if (account_id == 0)
    {
      /* A new account: as if the file named no existing one. */
      t->account_id = 0;
      t->account_kind = t->statement->has_account_kind ? t->statement->account_kind : BUDG_ACCOUNT_KIND_CHECKING;
      g_free (t->account_name);
      t->account_name = new_account_name (t->statement, target);
    }

  if ((account_id != 0 && !resolve_target (database, plan, target, options, error)) ||
      !decide_all (database, plan, NULL, error) ||
      !resolve_outside_transfers (database, plan, error) ||
      !run_rules (database, plan, error))
    {
      g_free (t->account_name);
      g_free (t->currency);
      *t = saved;
      return FALSE;
    }

  g_free (saved.account_name);
  g_free (saved.currency);

  return TRUE;
}

/* --- Writing ---------------------------------------------------------------- */

typedef struct
{
  BudgDatabase *database;
  sqlite3      *db;
  gint64        batch_id;
  Catalog       catalog;
  GHashTable   *payees;         /* folded name → id */
  GHashTable   *payees_exact;   /* name as written → id */
  sqlite3_stmt *insert;
  sqlite3_stmt *insert_split;
} Writer;

static void
writer_clear (Writer *writer)
{
  catalog_clear (&writer->catalog);
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
    g_hash_table_insert (writer->payees, fold ((const char *) sqlite3_column_text (stmt, 1)),
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

  key = fold (name);
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

  *out_id = catalog_find_category (&writer->catalog, path);
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

  parent_id = catalog_find_category (&writer->catalog, parent_name);
  if (parent_id == 0)
    {
      if (!insert_category (writer, 0, parent_name, is_income, &parent_id, error))
        return FALSE;
      g_hash_table_insert (writer->catalog.category_by_path, fold (parent_name), GSIZE_TO_POINTER (parent_id));
    }

  if (child_name == NULL || *child_name == '\0')
    {
      *out_id = parent_id;
      return TRUE;
    }

  if (!insert_category (writer, parent_id, child_name, is_income, out_id, error))
    return FALSE;
  g_hash_table_insert (writer->catalog.category_by_path, fold (path), GSIZE_TO_POINTER (*out_id));

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

static gboolean
write_item (Writer          *writer,
            BudgImportPlan  *plan,
            BudgImportItem  *item,
            gint64          *out_id,
            GError         **error)
{
  BudgImportTarget *target = g_ptr_array_index (plan->targets, item->target);
  BudgImportRow *row = item->row;
  sqlite3_stmt *stmt = writer->insert;
  gint64 payee_id;
  gint64 category_id = item->category_id;

  if (!writer_payee (writer, item->payee, &payee_id, error))
    return FALSE;
  if (category_id == 0 && item->category_path != NULL &&
      !writer_category (writer, item->category_path, row->amount_minor > 0, &category_id, error))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, target->account_id);
  sqlite3_bind_text (stmt, 2, row->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, row->amount_minor);
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
  sqlite3_bind_text (stmt, 8, item->external_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, plan->source, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 10, writer->batch_id);
  sqlite3_bind_text (stmt, 11, row->payee, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      budg_database_set_error (writer->database, error, _("importing the transactions"));
      return FALSE;
    }
  sqlite3_reset (stmt);

  *out_id = sqlite3_last_insert_rowid (writer->db);

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
  gint64 payee_id;
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

  if (!writer_payee (writer, item->payee, &payee_id, error))
    return FALSE;

  /* Its own id, derived from this side's, so that importing the file
   * again finds it too. */
  external_id = g_strconcat (item->external_id, "/other-side", NULL);
  stmt = writer->insert;
  sqlite3_bind_int64 (stmt, 1, item->transfer_account_id);
  sqlite3_bind_text (stmt, 2, item->row->date, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, -item->row->amount_minor);
  if (payee_id != 0)
    sqlite3_bind_int64 (stmt, 4, payee_id);
  else
    sqlite3_bind_null (stmt, 4);
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
  other_id = sqlite3_last_insert_rowid (writer->db);

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

      if ((++done % CHECK_EVERY) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          progress_set (progress, done, n_included);
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
 * transaction.
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
  gboolean ok = FALSE;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (plan != NULL, FALSE);

  writer.database = database;
  writer.db = budg_database_get_handle (database);

  bulk = budg_import_plan_count_included (plan) >= BULK_ROWS;
  progress_set (progress, 0, budg_import_plan_count_included (plan));

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

  if (!budg_database_begin (database, error))
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

  if (!catalog_load (&writer.catalog, database, error) ||
      !writer_load_payees (&writer, error) ||
      !create_accounts (&writer, plan, error))
    goto out;

  /* A large import rewrites much of the transaction indexes: with SQLite's
   * small default page cache it would spend most of its time reading and
   * writing the same pages. The cache goes back to normal at the end. */
  if (bulk)
    sqlite3_exec (writer.db, "PRAGMA cache_size = -131072", NULL, NULL, NULL);

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

  ok = budg_database_commit (database, error);

out:
  writer_clear (&writer);

  if (!ok)
    budg_database_rollback (database);
  if (bulk)
    sqlite3_exec (writer.db, "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON", NULL, NULL, NULL);

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
  progress_set (progress, summary.imported + summary.linked, summary.imported + summary.linked);

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
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  stmt = budg_database_prepare (database, "SELECT 1 FROM import_batches WHERE id = ?", error);
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
  sqlite3_reset (stmt);

  if (!budg_database_begin (database, error))
    return FALSE;

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

  budg_database_emit_changed (database, "*");

  return budg_database_commit (database, error);
}
