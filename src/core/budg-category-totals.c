/* budg-category-totals.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-category-totals"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-category-totals.h"
#include "budg-date.h"

/* The category a row counts under: its own, or the uncategorized pseudo
 * category of its direction. The triggers of migration 5 use the same rule. */
#define KEY(row) \
  "coalesce(" row ".category_id, CASE WHEN " row ".amount_minor > 0 THEN -1 ELSE 0 END)"

/* Each transaction counts its amount under its own category; each split
 * part moves its share from there to the part's category. When the parts
 * add up to the amount, as the transaction store ensures, the transaction's
 * own category keeps nothing. Written this way, the sum is linear in the
 * rows, which is what lets triggers keep it with one addition per change. */
#define DIRECT_SQL(period)                                                          \
  "SELECT " period ", " KEY ("t") ", t.account_id, sum(t.amount_minor)"             \
  " FROM transactions t"                                                            \
  " WHERE t.date >= ?1 AND t.date <= ?2 AND t.transfer_id IS NULL"                  \
  " GROUP BY 1, 2, 3"                                                               \
  " UNION ALL"                                                                      \
  " SELECT " period ", " KEY ("s") ", t.account_id, sum(s.amount_minor)"            \
  " FROM transactions t JOIN splits s ON s.transaction_id = t.id"                   \
  " WHERE t.date >= ?1 AND t.date <= ?2 AND t.transfer_id IS NULL"                  \
  " GROUP BY 1, 2, 3"                                                               \
  " UNION ALL"                                                                      \
  " SELECT " period ", " KEY ("t") ", t.account_id, -sum(s.amount_minor)"           \
  " FROM transactions t JOIN splits s ON s.transaction_id = t.id"                   \
  " WHERE t.date >= ?1 AND t.date <= ?2 AND t.transfer_id IS NULL"                  \
  " GROUP BY 1, 2, 3"

static gboolean
read_rows (BudgDatabase  *database,
           sqlite3_stmt  *stmt,
           GArray        *totals,
           GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgCategoryTotal total = { 0 };

      total.total_minor = sqlite3_column_int64 (stmt, 3);
      if (total.total_minor == 0)
        continue;
      g_strlcpy (total.period, (const char *) sqlite3_column_text (stmt, 0), sizeof total.period);
      total.category_id = sqlite3_column_int64 (stmt, 1);
      total.account_id = sqlite3_column_int64 (stmt, 2);
      g_array_append_val (totals, total);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("adding up the transactions"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
collect_direct (BudgDatabase  *database,
                const char    *from,
                const char    *to,
                gboolean       by_day,
                GArray        *totals,
                GError       **error)
{
  sqlite3_stmt *stmt;

  if (by_day)
    stmt = budg_database_prepare (database, DIRECT_SQL ("t.date"), error);
  else
    stmt = budg_database_prepare (database, DIRECT_SQL ("substr(t.date, 1, 7)"), error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, to, -1, SQLITE_TRANSIENT);

  return read_rows (database, stmt, totals, error);
}

static gboolean
collect_months (BudgDatabase  *database,
                const GDate   *first,
                const GDate   *last,
                GArray        *totals,
                GError       **error)
{
  char first_month[8];
  char last_month[8];
  sqlite3_stmt *stmt;

  g_snprintf (first_month, sizeof first_month, "%04u-%02u",
              (guint) g_date_get_year (first), (guint) g_date_get_month (first));
  g_snprintf (last_month, sizeof last_month, "%04u-%02u",
              (guint) g_date_get_year (last), (guint) g_date_get_month (last));

  stmt = budg_database_prepare (database,
                                "SELECT month, category_id, account_id, total_minor"
                                " FROM category_month_totals"
                                " WHERE month >= ?1 AND month <= ?2 AND total_minor <> 0",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, first_month, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, last_month, -1, SQLITE_TRANSIENT);

  return read_rows (database, stmt, totals, error);
}

/**
 * budg_category_totals_collect:
 * @from: the first day, "YYYY-MM-DD"
 * @to: the last day
 * @by_day: %TRUE for one period per day, %FALSE for one per month
 *
 * Returns: (transfer full): a #GArray of #BudgCategoryTotal (without zero
 *   totals), or %NULL with @error set
 */
GArray *
budg_category_totals_collect (BudgDatabase  *database,
                              const char    *from,
                              const char    *to,
                              gboolean       by_day,
                              GError       **error)
{
  g_autoptr(GArray) totals = g_array_new (FALSE, FALSE, sizeof (BudgCategoryTotal));
  GDate from_date;
  GDate to_date;
  GDate first_full;
  GDate last_full;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  if (!budg_date_parse (from, &from_date, error) || !budg_date_parse (to, &to_date, error))
    return NULL;

  if (g_date_compare (&from_date, &to_date) > 0)
    return g_steal_pointer (&totals);

  if (by_day)
    {
      if (!collect_direct (database, from, to, TRUE, totals, error))
        return NULL;
      return g_steal_pointer (&totals);
    }

  /* The whole months inside [from, to]. */
  first_full = from_date;
  if (g_date_get_day (&first_full) != 1)
    {
      g_date_set_day (&first_full, 1);
      g_date_add_months (&first_full, 1);
    }
  last_full = to_date;
  if (!g_date_is_last_of_month (&last_full))
    {
      g_date_set_day (&last_full, 1);
      g_date_subtract_days (&last_full, 1);
    }
  else
    g_date_set_day (&last_full, 1);

  if (g_date_compare (&first_full, &last_full) > 0)
    {
      if (!collect_direct (database, from, to, FALSE, totals, error))
        return NULL;
      return g_steal_pointer (&totals);
    }

  if (!collect_months (database, &first_full, &last_full, totals, error))
    return NULL;

  if (g_date_compare (&from_date, &first_full) < 0)
    {
      g_autofree char *head_end = NULL;
      GDate day = first_full;

      g_date_subtract_days (&day, 1);
      head_end = budg_date_to_iso (&day);
      if (!collect_direct (database, from, head_end, FALSE, totals, error))
        return NULL;
    }

  if (!g_date_is_last_of_month (&to_date))
    {
      g_autofree char *tail_start = NULL;
      GDate day = to_date;

      g_date_set_day (&day, 1);
      tail_start = budg_date_to_iso (&day);
      if (!collect_direct (database, tail_start, to, FALSE, totals, error))
        return NULL;
    }

  return g_steal_pointer (&totals);
}

/**
 * budg_category_totals_rebuild:
 *
 * Recomputes the monthly totals from the transactions and splits, for bulk
 * loaders that suspended the triggers (and for checking them). Runs inside
 * the caller's transaction if any.
 */
gboolean
budg_category_totals_rebuild (BudgDatabase  *database,
                              GError       **error)
{
  static const char *const steps[] = {
    "DELETE FROM category_month_totals",
    "INSERT INTO category_month_totals (month, category_id, account_id, total_minor)"
    " SELECT month, category_id, account_id, sum(total) FROM ("
    "  SELECT substr(t.date, 1, 7) AS month, " KEY ("t") " AS category_id, t.account_id,"
    "         t.amount_minor AS total"
    "  FROM transactions t WHERE t.transfer_id IS NULL"
    "  UNION ALL"
    "  SELECT substr(t.date, 1, 7), " KEY ("s") ", t.account_id, s.amount_minor"
    "  FROM splits s JOIN transactions t ON t.id = s.transaction_id WHERE t.transfer_id IS NULL"
    "  UNION ALL"
    "  SELECT substr(t.date, 1, 7), " KEY ("t") ", t.account_id, -s.amount_minor"
    "  FROM splits s JOIN transactions t ON t.id = s.transaction_id WHERE t.transfer_id IS NULL"
    " ) GROUP BY 1, 2, 3 HAVING sum(total) <> 0",
  };

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  if (!budg_database_begin (database, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      sqlite3_stmt *stmt = budg_database_prepare (database, steps[i], error);

      if (stmt == NULL || !budg_database_step_done (database, stmt, error))
        {
          budg_database_rollback (database);
          return FALSE;
        }
    }

  return budg_database_commit (database, error);
}

/**
 * budg_category_totals_suspend:
 *
 * For bulk loaders: drops the triggers that keep the monthly totals, which
 * cost about a microsecond per inserted row. Call
 * budg_category_totals_resume() with the result once the rows are in, in
 * the same database transaction.
 *
 * Returns: (transfer full): the SQL that puts the triggers back, or %NULL
 *   with @error set
 */
char *
budg_category_totals_suspend (BudgDatabase  *database,
                              GError       **error)
{
  g_autoptr(GString) create = g_string_new (NULL);
  g_autoptr(GString) drop = g_string_new (NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  /* The schema keeps the triggers' text, so it is not repeated here and
   * whatever a later migration made of them comes back as it was. */
  stmt = budg_database_prepare (database,
                                "SELECT name, sql FROM sqlite_schema"
                                " WHERE type = 'trigger' AND name GLOB 'category_totals_*'",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_string_append_printf (drop, "DROP TRIGGER \"%s\";\n", sqlite3_column_text (stmt, 0));
      g_string_append_printf (create, "%s;\n", sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the database schema"));
      return NULL;
    }

  if (drop->len > 0 && !budg_database_exec (database, drop->str, error))
    return NULL;

  return g_string_free (g_steal_pointer (&create), FALSE);
}

/**
 * budg_category_totals_resume:
 * @saved: what budg_category_totals_suspend() returned
 *
 * Puts the triggers back and recomputes the totals from the rows.
 */
gboolean
budg_category_totals_resume (BudgDatabase  *database,
                             const char    *saved,
                             GError       **error)
{
  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (saved != NULL, FALSE);

  if (!budg_database_begin (database, error))
    return FALSE;

  if ((saved[0] != '\0' && !budg_database_exec (database, saved, error)) ||
      !budg_category_totals_rebuild (database, error))
    {
      budg_database_rollback (database);
      return FALSE;
    }

  return budg_database_commit (database, error);
}

static void
category_info_free (gpointer data)
{
  BudgCategoryInfo *info = data;

  g_free (info->path);
  g_free (info);
}

static void
account_info_free (gpointer data)
{
  BudgAccountInfo *info = data;

  g_free (info->name);
  g_free (info);
}

/**
 * budg_category_totals_read_categories:
 *
 * Returns: (transfer full): every category by id (a #gint64 key) as a
 *   #BudgCategoryInfo, or %NULL with @error set
 */
GHashTable *
budg_category_totals_read_categories (BudgDatabase  *database,
                                      GError       **error)
{
  g_autoptr(GHashTable) categories = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            NULL, category_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  stmt = budg_database_prepare (database,
                                "SELECT c.id, ifnull(c.parent_id, 0), c.is_income,"
                                "       CASE WHEN p.id IS NULL THEN c.name ELSE p.name || ':' || c.name END"
                                " FROM categories c LEFT JOIN categories p ON p.id = c.parent_id",
                                error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgCategoryInfo *info = g_new0 (BudgCategoryInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->parent_id = sqlite3_column_int64 (stmt, 1);
      info->is_income = sqlite3_column_int (stmt, 2) != 0;
      info->path = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_hash_table_insert (categories, &info->id, info);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the categories"));
      return NULL;
    }

  return g_steal_pointer (&categories);
}

/**
 * budg_category_totals_read_accounts:
 *
 * Returns: (transfer full): every account by id (a #gint64 key) as a
 *   #BudgAccountInfo, or %NULL with @error set
 */
GHashTable *
budg_category_totals_read_accounts (BudgDatabase  *database,
                                    GError       **error)
{
  g_autoptr(GHashTable) accounts = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                          NULL, account_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  stmt = budg_database_prepare (database, "SELECT id, name, currency FROM accounts ORDER BY id", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgAccountInfo *info = g_new0 (BudgAccountInfo, 1);

      info->id = sqlite3_column_int64 (stmt, 0);
      info->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      g_strlcpy (info->currency, (const char *) sqlite3_column_text (stmt, 2), sizeof info->currency);
      g_hash_table_insert (accounts, &info->id, info);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the accounts"));
      return NULL;
    }

  return g_steal_pointer (&accounts);
}

/**
 * budg_category_totals_is_income:
 * @categories: from budg_category_totals_read_categories()
 *
 * Returns: whether money counted under @category_id is income (an income
 *   category, or money in without a category)
 */
gboolean
budg_category_totals_is_income (GHashTable *categories,
                                gint64      category_id)
{
  BudgCategoryInfo *info;

  if (category_id == BUDG_CATEGORY_TOTALS_UNCATEGORIZED_IN)
    return TRUE;
  if (category_id == BUDG_CATEGORY_TOTALS_UNCATEGORIZED_OUT)
    return FALSE;

  info = g_hash_table_lookup (categories, &category_id);

  return info != NULL && info->is_income;
}
