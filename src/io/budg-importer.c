/* budg-importer.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-import-plan-private.h"
#include "budg-importer.h"
#include "budg-ofx-parser.h"
#include "budg-qif-parser.h"
#include "budg-rule-store.h"

/* Ids made for rows the bank gave none start with this, so that they are
 * never taken for a bank's own. */
#define MADE_ID_PREFIX "budg:"

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

void
budg_import_progress_set (BudgImportProgress *progress,
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
char *
budg_import_fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT_COMPOSE);

  return g_utf8_casefold (normalized != NULL ? normalized : text, -1);
}

void
budg_import_catalog_clear (BudgImportCatalog *catalog)
{
  g_clear_pointer (&catalog->category_by_path, g_hash_table_unref);
  g_clear_pointer (&catalog->category_paths, g_hash_table_unref);
}

gboolean
budg_import_catalog_load (BudgImportCatalog *catalog,
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
      g_hash_table_insert (catalog->category_by_path, budg_import_fold (path), GSIZE_TO_POINTER (*id));
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

gint64
budg_import_catalog_find (BudgImportCatalog *catalog,
                       const char *path)
{
  g_autofree char *key = NULL;

  if (path == NULL)
    return 0;

  key = budg_import_fold (path);

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

  if (statement->account_id != 0)
    return target_use_account (database, target, statement->account_id, error);
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
      existing->payee = payee != NULL ? budg_import_fold (payee) : NULL;
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

  /* 64 bits of the digest: two rows of one account would collide about
   * once in 10^7 imports of a million rows each, and the shorter id keeps
   * the unique index small. */
  return g_strdup_printf (MADE_ID_PREFIX "%.16s", g_checksum_get_string (checksum));
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
    case BUDG_IMPORT_FORMAT_PLAID:
      return "plaid";
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
              g_autofree char *payee = row->payee != NULL ? budg_import_fold (row->payee) : NULL;

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
        g_autofree char *here = budg_import_fold (target->account_name);
        g_autofree char *there = budg_import_fold (row->transfer_account);

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
             BudgImportCatalog *catalog,
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
          item->category_id = budg_import_catalog_find (catalog, row->category);
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
      else if (row->category_hint != NULL && !transfer && row->splits->len == 0)
        {
          item->category_path = g_strdup (row->category_hint);
          item->category_id = budg_import_catalog_find (catalog, row->category_hint);
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
  BudgImportCatalog catalog = { 0 };

  if (rules == NULL)
    return FALSE;

  if (!budg_import_catalog_load (&catalog, database, error))
    {
      budg_import_catalog_clear (&catalog);
      return FALSE;
    }

  apply_rules (plan, rules, &catalog, 0, plan->items->len);
  budg_import_catalog_clear (&catalog);

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
  budg_import_progress_set (progress, 0, n_rows);
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

          if ((plan->items->len % BUDG_IMPORT_CHECK_EVERY) == 0)
            {
              if (g_cancellable_set_error_if_cancelled (cancellable, error))
                return NULL;
              budg_import_progress_set (progress, plan->items->len / 2, n_rows);
            }
        }
    }

  pair_transfers (plan);

  if (!decide_all (database, plan, cancellable, error) ||
      !resolve_outside_transfers (database, plan, error) ||
      !run_rules (database, plan, error))
    return NULL;

  budg_import_progress_set (progress, n_rows, n_rows);

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
