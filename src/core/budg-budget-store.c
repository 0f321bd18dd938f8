/* budg-budget-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-budget-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-budget-store.h"
#include "budg-category-totals.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-money.h"
#include "budg-period.h"
#include "budg-validate.h"

struct _BudgBudgetStore
{
  GObject       parent_instance;

  BudgDatabase *database;
};

G_DEFINE_FINAL_TYPE (BudgBudgetStore, budg_budget_store, G_TYPE_OBJECT)

/* A stored row with what the status computation needs beside it. */
typedef struct
{
  BudgBudget *budget;
  char        from_date[11];
} Row;

/* Spending of one budgeted category in one period, in one currency. */
typedef struct
{
  gint64 category_id;
  gint64 ordinal;
  char   currency[4];
} SpentKey;

static const char * const period_names[] = { "monthly", "weekly", "yearly" };
static const char * const rollover_names[] = { "none", "leftover", "all" };

const char *
budg_budget_period_to_string (BudgBudgetPeriod period)
{
  g_return_val_if_fail (period <= BUDG_BUDGET_PERIOD_YEARLY, NULL);

  return period_names[period];
}

gboolean
budg_budget_period_from_string (const char       *text,
                                BudgBudgetPeriod *out_period)
{
  for (guint i = 0; i < G_N_ELEMENTS (period_names); i++)
    {
      if (g_strcmp0 (text, period_names[i]) == 0)
        {
          *out_period = (BudgBudgetPeriod) i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
budg_rollover_to_string (BudgRollover rollover)
{
  g_return_val_if_fail (rollover <= BUDG_ROLLOVER_ALL, NULL);

  return rollover_names[rollover];
}

gboolean
budg_rollover_from_string (const char   *text,
                           BudgRollover *out_rollover)
{
  for (guint i = 0; i < G_N_ELEMENTS (rollover_names); i++)
    {
      if (g_strcmp0 (text, rollover_names[i]) == 0)
        {
          *out_rollover = (BudgRollover) i;
          return TRUE;
        }
    }

  return FALSE;
}

void
budg_budget_free (BudgBudget *budget)
{
  if (budget == NULL)
    return;

  g_free (budget->category_path);
  g_free (budget->currency);
  g_free (budget->from_period);
  g_free (budget);
}

void
budg_budget_status_free (BudgBudgetStatus *status)
{
  if (status == NULL)
    return;

  g_free (status->category_path);
  g_free (status->period);
  g_free (status->currency);
  g_free (status);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  budg_budget_free (row->budget);
  g_free (row);
}

static guint
spent_key_hash (gconstpointer data)
{
  const SpentKey *key = data;

  return g_int64_hash (&key->category_id) * 31u + g_int64_hash (&key->ordinal) * 17u +
         g_str_hash (key->currency);
}

static gboolean
spent_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const SpentKey *key_a = a;
  const SpentKey *key_b = b;

  return key_a->category_id == key_b->category_id && key_a->ordinal == key_b->ordinal &&
         strcmp (key_a->currency, key_b->currency) == 0;
}

/* The kinds of budget a status of @kind shows. */
static gboolean
is_compatible (BudgBudgetPeriod period,
               BudgPeriodKind   kind)
{
  if (kind == BUDG_PERIOD_WEEK)
    return period == BUDG_BUDGET_PERIOD_WEEKLY;

  return period != BUDG_BUDGET_PERIOD_WEEKLY;
}

static BudgPeriodKind
kind_of_budget (BudgBudgetPeriod period)
{
  return period == BUDG_BUDGET_PERIOD_WEEKLY ? BUDG_PERIOD_WEEK : BUDG_PERIOD_MONTH;
}

/* Every budget row ordered by category, then first period. */
static GPtrArray *
read_rows (BudgBudgetStore  *self,
           gint64            only_id,
           GError          **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT b.id, b.category_id,"
                                "       CASE WHEN p.id IS NULL THEN c.name ELSE p.name || ':' || c.name END,"
                                "       b.period, b.amount_minor, b.currency, b.rollover, b.from_period, b.from_date"
                                " FROM budgets b JOIN categories c ON c.id = b.category_id"
                                " LEFT JOIN categories p ON p.id = c.parent_id"
                                " WHERE ?1 = 0 OR b.id = ?1"
                                " ORDER BY b.category_id, b.from_date",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      BudgBudget *budget = g_new0 (BudgBudget, 1);

      budget->id = sqlite3_column_int64 (stmt, 0);
      budget->category_id = sqlite3_column_int64 (stmt, 1);
      budget->category_path = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      budg_budget_period_from_string ((const char *) sqlite3_column_text (stmt, 3), &budget->period);
      budget->amount_minor = sqlite3_column_int64 (stmt, 4);
      budget->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      budg_rollover_from_string ((const char *) sqlite3_column_text (stmt, 6), &budget->rollover);
      budget->from_period = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
      g_strlcpy (row->from_date, (const char *) sqlite3_column_text (stmt, 8), sizeof row->from_date);
      row->budget = budget;
      g_ptr_array_add (rows, row);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the budgets"));
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Rates are looked up once per currency and period, not once per total. */
typedef struct
{
  BudgDatabase *database;
  GHashTable   *rates;     /* "EUR>USD@2026-09-30" → BudgExchangeRate */
} Converter;

static void
converter_clear (Converter *converter)
{
  g_clear_pointer (&converter->rates, g_hash_table_unref);
}

static gboolean
converter_convert (Converter   *converter,
                   gint64       amount_minor,
                   const char  *from_currency,
                   const char  *to_currency,
                   const char  *date,
                   gint64      *out_minor,
                   GError     **error)
{
  g_autofree char *key = NULL;
  BudgExchangeRate *rate;

  if (g_str_equal (from_currency, to_currency) || amount_minor == 0)
    {
      *out_minor = amount_minor;
      return TRUE;
    }

  if (converter->rates == NULL)
    converter->rates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  key = g_strdup_printf ("%s>%s@%s", from_currency, to_currency, date);
  rate = g_hash_table_lookup (converter->rates, key);
  if (rate == NULL)
    {
      rate = g_new0 (BudgExchangeRate, 1);
      if (!budg_exchange_rates_lookup (converter->database, from_currency, to_currency, date, rate, error))
        {
          g_free (rate);
          return FALSE;
        }
      g_hash_table_insert (converter->rates, g_steal_pointer (&key), rate);
    }

  return budg_exchange_rate_apply (rate, amount_minor, from_currency, to_currency, out_minor, error);
}

typedef struct
{
  GHashTable *table;       /* SpentKey → gint64 */
  GPtrArray  *currencies;  /* the distinct currencies of the accounts */
} Spent;

static void
spent_free (Spent *spent)
{
  g_clear_pointer (&spent->table, g_hash_table_unref);
  g_clear_pointer (&spent->currencies, g_ptr_array_unref);
  g_free (spent);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Spent, spent_free)

/* Adds up the spending of the categories in @budgeted (each with its
 * children when it is a top-level category) per period of @kind from
 * @first to @last, by currency: one grouped read for the whole range. */
static Spent *
collect_spent (BudgBudgetStore   *self,
               BudgPeriodKind     kind,
               const BudgPeriod  *first,
               const BudgPeriod  *last,
               GHashTable        *budgeted,
               GHashTable        *categories,
               GError           **error)
{
  g_autoptr(Spent) spent = g_new0 (Spent, 1);
  g_autoptr(GHashTable) accounts = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autofree char *from = budg_period_dup_first_iso (first);
  g_autofree char *to = budg_period_dup_last_iso (last);

  if (!(accounts = budg_category_totals_read_accounts (self->database, error)) ||
      !(totals = budg_category_totals_collect (self->database, from, to, kind == BUDG_PERIOD_WEEK, error)))
    return NULL;

  spent->table = g_hash_table_new_full (spent_key_hash, spent_key_equal, g_free, g_free);
  spent->currencies = g_ptr_array_new_with_free_func (g_free);
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, accounts);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        BudgAccountInfo *account = value;

        if (!g_ptr_array_find_with_equal_func (spent->currencies, account->currency, g_str_equal, NULL))
          g_ptr_array_add (spent->currencies, g_strdup (account->currency));
      }
  }

  for (guint i = 0; i < totals->len; i++)
    {
      const BudgCategoryTotal *total = &g_array_index (totals, BudgCategoryTotal, i);
      BudgCategoryInfo *info = g_hash_table_lookup (categories, &total->category_id);
      BudgAccountInfo *account = g_hash_table_lookup (accounts, &total->account_id);
      gint64 targets[2] = { 0, 0 };
      BudgPeriod period;

      if (info == NULL || account == NULL)
        continue;

      if (g_hash_table_contains (budgeted, &info->id))
        targets[0] = info->id;
      if (info->parent_id != 0 && g_hash_table_contains (budgeted, &info->parent_id))
        targets[1] = info->parent_id;
      if (targets[0] == 0 && targets[1] == 0)
        continue;

      if (kind == BUDG_PERIOD_WEEK)
        {
          if (!budg_period_for_iso (BUDG_PERIOD_WEEK, total->period, &period, error))
            return NULL;
        }
      else if (!budg_period_parse (total->period, &period, error))
        return NULL;

      for (guint t = 0; t < G_N_ELEMENTS (targets); t++)
        {
          SpentKey lookup = { targets[t], budg_period_get_ordinal (&period), "" };
          gint64 *value;

          if (targets[t] == 0)
            continue;

          g_strlcpy (lookup.currency, account->currency, sizeof lookup.currency);
          value = g_hash_table_lookup (spent->table, &lookup);
          if (value == NULL)
            {
              value = g_new0 (gint64, 1);
              g_hash_table_insert (spent->table, g_memdup2 (&lookup, sizeof lookup), value);
            }

          /* Spending is money out, so it is the negated total. */
          if (!budg_money_subtract (*value, total->total_minor, value, error))
            return NULL;
        }
    }

  return g_steal_pointer (&spent);
}

/* What @category_id spent in @period, in @currency. */
static gboolean
spent_in (Spent             *spent,
          Converter         *converter,
          gint64             category_id,
          const BudgPeriod  *period,
          const char        *currency,
          gint64            *out_minor,
          GError           **error)
{
  g_autofree char *last_day = NULL;
  SpentKey key = { category_id, budg_period_get_ordinal (period), "" };
  gint64 sum = 0;

  for (guint i = 0; i < spent->currencies->len; i++)
    {
      const char *spent_currency = g_ptr_array_index (spent->currencies, i);
      gint64 *value;
      gint64 converted;

      g_strlcpy (key.currency, spent_currency, sizeof key.currency);
      value = g_hash_table_lookup (spent->table, &key);
      if (value == NULL)
        continue;

      /* Other currencies count at the rate that holds at the period's end. */
      if (last_day == NULL)
        last_day = budg_period_dup_last_iso (period);
      if (!converter_convert (converter, *value, spent_currency, currency,
                              last_day, &converted, error) ||
          !budg_money_add (sum, converted, &sum, error))
        return FALSE;
    }

  *out_minor = sum;

  return TRUE;
}

/* The amount @budget gives @period: its amount, or for a yearly budget a
 * twelfth of it, with the remainder in the last month of each budget year. */
static gint64
budgeted_in (const Row        *row,
             const BudgPeriod *period)
{
  const BudgBudget *budget = row->budget;
  BudgPeriod from;
  gint64 index;

  if (budget->period != BUDG_BUDGET_PERIOD_YEARLY)
    return budget->amount_minor;

  budg_period_parse (budget->from_period, &from, NULL);
  index = (budg_period_get_ordinal (period) - budg_period_get_ordinal (&from)) % 12;

  return budget->amount_minor / 12 + (index == 11 ? budget->amount_minor % 12 : 0);
}

/* The statuses of every budget shown in the periods @first to @last of one
 * kind. Rollover runs from the first period of each budget forward, so the
 * simulation starts at the earliest budget row; the spending of the whole
 * stretch is read at once. */
static GPtrArray *
compute_status (BudgBudgetStore   *self,
                const BudgPeriod  *first,
                const BudgPeriod  *last,
                GError           **error)
{
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_budget_status_free);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) budgeted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(Spent) spent = NULL;
  Converter converter = { self->database, NULL };
  BudgPeriodKind kind = first->kind;
  BudgPeriod start = *last;
  gboolean ok = FALSE;

  if (!(rows = read_rows (self, 0, error)) ||
      !(categories = budg_category_totals_read_categories (self->database, error)))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);
      BudgPeriod from;

      if (!is_compatible (row->budget->period, kind))
        continue;

      g_hash_table_add (budgeted, &row->budget->category_id);
      budg_period_for_iso (kind, row->from_date, &from, NULL);
      if (budg_period_compare (&from, &start) < 0)
        start = from;
    }

  if (g_hash_table_size (budgeted) == 0)
    return g_steal_pointer (&statuses);

  if (!(spent = collect_spent (self, kind, &start, last, budgeted, categories, error)))
    return NULL;

  for (guint i = 0; i < rows->len;)
    {
      gint64 category_id = ((Row *) g_ptr_array_index (rows, i))->budget->category_id;
      guint end = i;
      guint next = i;
      Row *row = NULL;
      BudgPeriod period;
      const char *chain_currency = NULL;
      gboolean has_previous = FALSE;
      gint64 previous_available = 0;

      while (end < rows->len && ((Row *) g_ptr_array_index (rows, end))->budget->category_id == category_id)
        end++;

      budg_period_for_iso (kind, ((Row *) g_ptr_array_index (rows, i))->from_date, &period, NULL);

      for (; budg_period_compare (&period, last) <= 0; budg_period_add (&period, 1))
        {
          g_autofree char *first_day = budg_period_dup_first_iso (&period);
          BudgBudgetStatus *status;
          gint64 budget_amount;
          gint64 spent_amount;
          gint64 rollover = 0;
          gint64 available;

          /* The row in force: the last one that starts on or before the
           * period's first day. */
          while (next < end && strcmp (((Row *) g_ptr_array_index (rows, next))->from_date, first_day) <= 0)
            row = g_ptr_array_index (rows, next++);

          if (row == NULL)
            continue;

          if (!is_compatible (row->budget->period, kind) ||
              (has_previous && g_strcmp0 (chain_currency, row->budget->currency) != 0))
            {
              /* A weekly stretch interrupts a monthly chain (and the other
               * way round); amounts in another currency do not carry. */
              has_previous = FALSE;
              if (!is_compatible (row->budget->period, kind))
                continue;
            }

          budget_amount = budgeted_in (row, &period);
          if (!spent_in (spent, &converter, category_id, &period, row->budget->currency,
                         &spent_amount, error))
            goto out;

          /* The rollover of the period that receives it decides: a budget
           * set to "none" from some period on starts afresh there. */
          if (has_previous)
            {
              if (row->budget->rollover == BUDG_ROLLOVER_LEFTOVER)
                rollover = MAX (previous_available, 0);
              else if (row->budget->rollover == BUDG_ROLLOVER_ALL)
                rollover = previous_available;
            }

          if (!budg_money_add (budget_amount, rollover, &available, error) ||
              !budg_money_subtract (available, spent_amount, &available, error))
            goto out;

          if (budg_period_compare (&period, first) >= 0)
            {
              status = g_new0 (BudgBudgetStatus, 1);
              status->budget_id = row->budget->id;
              status->category_id = category_id;
              status->category_path = g_strdup (row->budget->category_path);
              status->period = budg_period_to_string (&period);
              status->kind = row->budget->period;
              status->rollover = row->budget->rollover;
              status->currency = g_strdup (row->budget->currency);
              status->budgeted_minor = budget_amount;
              status->spent_minor = spent_amount;
              status->rollover_minor = rollover;
              status->available_minor = available;
              g_ptr_array_add (statuses, status);
            }

          previous_available = available;
          has_previous = TRUE;
          chain_currency = row->budget->currency;
        }

      i = end;
    }

  ok = TRUE;

out:
  converter_clear (&converter);
  if (!ok)
    return NULL;

  return g_steal_pointer (&statuses);
}

static int
compare_status (gconstpointer a,
                gconstpointer b)
{
  const BudgBudgetStatus *status_a = *(BudgBudgetStatus **) a;
  const BudgBudgetStatus *status_b = *(BudgBudgetStatus **) b;
  int cmp = g_strcmp0 (status_a->period, status_b->period);

  if (cmp != 0)
    return cmp;

  return g_utf8_collate (status_a->category_path, status_b->category_path);
}

static void
budg_budget_store_dispose (GObject *object)
{
  BudgBudgetStore *self = (BudgBudgetStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_budget_store_parent_class)->dispose (object);
}

static void
budg_budget_store_class_init (BudgBudgetStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_budget_store_dispose;
}

static void
budg_budget_store_init (BudgBudgetStore *self)
{
}

/**
 * budg_budget_store_new:
 *
 * Budgets per category and period, and their status. The store keeps no
 * copy of the rows: every call reads the database, so it is always current.
 *
 * Returns: (transfer full): a new store
 */
BudgBudgetStore *
budg_budget_store_new (BudgDatabase *database)
{
  BudgBudgetStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_BUDGET_STORE, NULL);
  self->database = g_object_ref (database);

  return self;
}

/**
 * budg_budget_store_get_database:
 *
 * Returns: (transfer none): the database
 */
BudgDatabase *
budg_budget_store_get_database (BudgBudgetStore *self)
{
  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), NULL);

  return self->database;
}

static gboolean
check_category (BudgBudgetStore  *self,
                gint64            category_id,
                GError          **error)
{
  g_autoptr(GHashTable) categories = budg_category_totals_read_categories (self->database, error);
  BudgCategoryInfo *info;

  if (categories == NULL)
    return FALSE;

  info = g_hash_table_lookup (categories, &category_id);
  if (info == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("The category of the budget no longer exists. Choose another category."));
      return FALSE;
    }

  if (info->is_income)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is an income category. Budgets are for spending; choose an expense category."),
                   info->path);
      return FALSE;
    }

  return TRUE;
}

/* Parses @text as the first period of a budget of @period's kind. */
static gboolean
parse_from_period (BudgBudgetPeriod   period,
                   const char        *text,
                   BudgPeriod        *out_from,
                   GError           **error)
{
  if (!budg_period_parse (text, out_from, error))
    return FALSE;

  if (out_from->kind != kind_of_budget (period))
    {
      if (period == BUDG_BUDGET_PERIOD_WEEKLY)
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("A weekly budget starts in a week such as 2026-W36, not “%s”."), text);
      else
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("A monthly or yearly budget starts in a month such as 2026-09, not “%s”."), text);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_budget_store_set:
 * @category_id: an expense category; a top-level one budgets its whole group
 * @amount_minor: per period, or per year for %BUDG_BUDGET_PERIOD_YEARLY; 0 or more
 * @currency: the currency of @amount_minor
 * @from_period: the first period it applies to ("2026-09", or "2026-W36" for
 *   a weekly budget)
 *
 * Budgets @category_id from @from_period on. Periods before it keep the
 * budget they had; rows of the category that started on or after
 * @from_period are replaced.
 *
 * Returns: (transfer full): the stored budget, or %NULL with @error set
 */
BudgBudget *
budg_budget_store_set (BudgBudgetStore   *self,
                       gint64             category_id,
                       BudgBudgetPeriod   period,
                       gint64             amount_minor,
                       const char        *currency,
                       BudgRollover       rollover,
                       const char        *from_period,
                       GError           **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *from_date = NULL;
  g_autofree char *clean_period = NULL;
  BudgPeriod from;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), NULL);
  g_return_val_if_fail (period <= BUDG_BUDGET_PERIOD_YEARLY, NULL);
  g_return_val_if_fail (rollover <= BUDG_ROLLOVER_ALL, NULL);
  g_return_val_if_fail (from_period != NULL, NULL);

  if (amount_minor < 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("A budget cannot be negative. Enter the amount you plan to spend, or 0."));
      return NULL;
    }

  if (!budg_validate_currency (currency, error) ||
      !parse_from_period (period, from_period, &from, error) ||
      !check_category (self, category_id, error))
    return NULL;

  from_date = budg_period_dup_first_iso (&from);
  clean_period = budg_period_to_string (&from);

  if (!budg_database_begin (self->database, error))
    return NULL;

  stmt = budg_database_prepare (self->database,
                                "DELETE FROM budgets WHERE category_id = ?1 AND from_date >= ?2", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_text (stmt, 2, from_date, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO budgets (category_id, period, amount_minor, currency, rollover,"
                                " from_period, from_date) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, category_id);
  sqlite3_bind_text (stmt, 2, budg_budget_period_to_string (period), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, amount_minor);
  sqlite3_bind_text (stmt, 4, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, budg_rollover_to_string (rollover), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, clean_period, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 7, from_date, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));

  budg_database_emit_changed (self->database, "budgets");

  if (!(rows = read_rows (self, id, error)) || rows->len != 1)
    {
      if (rows != NULL)
        g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                             _("The budget could not be read back after saving it. Nothing was changed."));
      goto failed;
    }

  if (!budg_database_commit (self->database, error))
    goto failed;

  return g_steal_pointer (&((Row *) g_ptr_array_index (rows, 0))->budget);

failed:
  budg_database_rollback (self->database);
  return NULL;
}

/**
 * budg_budget_store_delete:
 *
 * Removes one budget row; the row before it (if any) then holds on.
 */
gboolean
budg_budget_store_delete (BudgBudgetStore  *self,
                          gint64            budget_id,
                          GError          **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), FALSE);

  stmt = budg_database_prepare (self->database, "DELETE FROM budgets WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, budget_id);
  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (self->database)) == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                           _("That budget no longer exists."));
      return FALSE;
    }

  budg_database_emit_changed (self->database, "budgets");

  return TRUE;
}

/**
 * budg_budget_store_list:
 *
 * Returns: (transfer container): every #BudgBudget row, by category then
 *   first period, or %NULL with @error set
 */
GPtrArray *
budg_budget_store_list (BudgBudgetStore  *self,
                        GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) budgets = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_budget_free);

  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), NULL);

  if (!(rows = read_rows (self, 0, error)))
    return NULL;

  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (budgets, g_steal_pointer (&((Row *) g_ptr_array_index (rows, i))->budget));

  return g_steal_pointer (&budgets);
}

/**
 * budg_budget_store_status_range:
 * @first_period: "YYYY-MM" or "YYYY-Www"
 * @last_period: a period of the same kind, not before @first_period
 *
 * The Budgets view for each period from @first_period to @last_period:
 * months show monthly and yearly budgets, weeks show weekly ones.
 *
 * Returns: (transfer container): #BudgBudgetStatus rows by period, then
 *   category path, or %NULL with @error set
 */
GPtrArray *
budg_budget_store_status_range (BudgBudgetStore  *self,
                                const char       *first_period,
                                const char       *last_period,
                                GError          **error)
{
  GPtrArray *statuses;
  BudgPeriod first;
  BudgPeriod last;

  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), NULL);
  g_return_val_if_fail (first_period != NULL && last_period != NULL, NULL);

  if (!budg_period_parse (first_period, &first, error) ||
      !budg_period_parse (last_period, &last, error))
    return NULL;

  if (first.kind != last.kind || budg_period_compare (&first, &last) > 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The periods %s to %s do not make a range. Give two months or two weeks, the earlier first."),
                   first_period, last_period);
      return NULL;
    }

  statuses = compute_status (self, &first, &last, error);
  if (statuses != NULL)
    g_ptr_array_sort (statuses, compare_status);

  return statuses;
}

/**
 * budg_budget_store_status:
 * @period: "YYYY-MM" or "YYYY-Www"
 *
 * Returns: (transfer container): the #BudgBudgetStatus of each budget in
 *   force in @period, by category path, or %NULL with @error set
 */
GPtrArray *
budg_budget_store_status (BudgBudgetStore  *self,
                          const char       *period,
                          GError          **error)
{
  return budg_budget_store_status_range (self, period, period, error);
}

static Row *
row_in_force (GPtrArray  *rows,
              gint64      category_id,
              const char *first_day)
{
  Row *found = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = g_ptr_array_index (rows, i);

      if (row->budget->category_id == category_id && strcmp (row->from_date, first_day) <= 0)
        found = row;
    }

  return found;
}

/**
 * budg_budget_store_copy_previous:
 * @period: "YYYY-MM" or "YYYY-Www"
 * @out_n_copied: (out) (optional): how many budgets changed
 *
 * Makes @period (and the periods after it) budget what the period before
 * it budgeted, for every category budgeted then: changes made from @period
 * on are replaced by last period's amounts. All in one transaction.
 */
gboolean
budg_budget_store_copy_previous (BudgBudgetStore  *self,
                                 const char       *period,
                                 guint            *out_n_copied,
                                 GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *first_day = NULL;
  g_autofree char *previous_first_day = NULL;
  BudgPeriod current;
  BudgPeriod previous;
  guint n_copied = 0;

  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), FALSE);
  g_return_val_if_fail (period != NULL, FALSE);

  if (!budg_period_parse (period, &current, error) ||
      !(rows = read_rows (self, 0, error)))
    return FALSE;

  previous = current;
  budg_period_add (&previous, -1);
  first_day = budg_period_dup_first_iso (&current);
  previous_first_day = budg_period_dup_first_iso (&previous);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      BudgBudget *budget = ((Row *) g_ptr_array_index (rows, i))->budget;
      g_autofree char *from = NULL;
      g_autoptr(BudgBudget) copy = NULL;
      Row *before;
      Row *now;

      if (budget == NULL || g_hash_table_contains (seen, &budget->category_id))
        continue;
      g_hash_table_add (seen, &budget->category_id);

      before = row_in_force (rows, budget->category_id, previous_first_day);
      now = row_in_force (rows, budget->category_id, first_day);
      if (before == NULL || before == now || !is_compatible (before->budget->period, current.kind))
        continue;

      /* A yearly budget copied from its own year would restart the year;
       * what the previous month had is a monthly amount. */
      if (before->budget->period == BUDG_BUDGET_PERIOD_YEARLY)
        {
          copy = budg_budget_store_set (self, budget->category_id, BUDG_BUDGET_PERIOD_MONTHLY,
                                        budgeted_in (before, &previous), before->budget->currency,
                                        before->budget->rollover, period, error);
        }
      else
        copy = budg_budget_store_set (self, budget->category_id, before->budget->period,
                                      before->budget->amount_minor, before->budget->currency,
                                      before->budget->rollover, period, error);
      if (copy == NULL)
        {
          budg_database_rollback (self->database);
          return FALSE;
        }
      n_copied++;
    }

  if (!budg_database_commit (self->database, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  if (out_n_copied != NULL)
    *out_n_copied = n_copied;

  return TRUE;
}

/* @numerator / @denominator rounded half away from zero. */
static gint64
divide_rounded (gint64 numerator,
                gint64 denominator)
{
  gint64 quotient = numerator / denominator;
  gint64 remainder = numerator % denominator;

  if (remainder < 0)
    remainder = -remainder;
  if (remainder >= denominator - remainder)
    quotient += numerator < 0 ? -1 : 1;

  return quotient;
}

/**
 * budg_budget_store_set_from_average:
 * @period: the first period of the new budget; its kind (month or week)
 *   makes the budget monthly or weekly
 * @n_periods: how many periods before @period to average, 1 or more
 *
 * Budgets @category_id from @period on with what it spent on average in
 * the @n_periods periods before (rounded to the minor unit; never below 0).
 *
 * Returns: (transfer full): the stored budget, or %NULL with @error set
 */
BudgBudget *
budg_budget_store_set_from_average (BudgBudgetStore  *self,
                                    gint64            category_id,
                                    const char       *period,
                                    guint             n_periods,
                                    const char       *currency,
                                    BudgRollover      rollover,
                                    GError          **error)
{
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) budgeted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(Spent) spent = NULL;
  Converter converter = { self->database, NULL };
  BudgPeriod current;
  BudgPeriod first;
  BudgPeriod last;
  BudgPeriod p;
  gint64 total = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), NULL);
  g_return_val_if_fail (period != NULL, NULL);

  if (n_periods == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Average over at least one period."));
      return NULL;
    }

  if (!budg_validate_currency (currency, error) ||
      !budg_period_parse (period, &current, error) ||
      !(categories = budg_category_totals_read_categories (self->database, error)))
    return NULL;

  first = current;
  budg_period_add (&first, -(int) MIN (n_periods, 10000));
  last = current;
  budg_period_add (&last, -1);

  g_hash_table_add (budgeted, &category_id);
  if (!(spent = collect_spent (self, current.kind, &first, &last, budgeted, categories, error)))
    return NULL;

  for (p = first; ok && budg_period_compare (&p, &last) <= 0; budg_period_add (&p, 1))
    {
      gint64 amount;

      ok = spent_in (spent, &converter, category_id, &p, currency, &amount, error) &&
           budg_money_add (total, amount, &total, error);
    }
  converter_clear (&converter);
  if (!ok)
    return NULL;

  return budg_budget_store_set (self, category_id,
                                current.kind == BUDG_PERIOD_WEEK ? BUDG_BUDGET_PERIOD_WEEKLY
                                                                 : BUDG_BUDGET_PERIOD_MONTHLY,
                                MAX (divide_rounded (total, n_periods), 0), currency, rollover,
                                period, error);
}

/**
 * budg_budget_store_to_be_budgeted:
 * @period: "YYYY-MM" or "YYYY-Www"
 * @currency: the currency to count in; other currencies are converted at
 *   the rate of the period's last day
 * @out_minor: (out): the income of @period minus what its budgets assign
 *
 * Envelope budgeting: income is there to be given to categories until
 * nothing is left "to be budgeted". Negative means more was budgeted than
 * came in.
 */
gboolean
budg_budget_store_to_be_budgeted (BudgBudgetStore  *self,
                                  const char       *period,
                                  const char       *currency,
                                  gint64           *out_minor,
                                  GError          **error)
{
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(GHashTable) categories = NULL;
  g_autoptr(GHashTable) accounts = NULL;
  g_autoptr(GArray) totals = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  Converter converter = { self->database, NULL };
  BudgPeriod current;
  gint64 result = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (BUDG_IS_BUDGET_STORE (self), FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  if (!budg_validate_currency (currency, error) ||
      !budg_period_parse (period, &current, error))
    return FALSE;

  from = budg_period_dup_first_iso (&current);
  to = budg_period_dup_last_iso (&current);

  if (!(statuses = budg_budget_store_status (self, period, error)) ||
      !(categories = budg_category_totals_read_categories (self->database, error)) ||
      !(accounts = budg_category_totals_read_accounts (self->database, error)) ||
      !(totals = budg_category_totals_collect (self->database, from, to, FALSE, error)))
    return FALSE;

  for (guint i = 0; ok && i < totals->len; i++)
    {
      const BudgCategoryTotal *total = &g_array_index (totals, BudgCategoryTotal, i);
      BudgAccountInfo *account = g_hash_table_lookup (accounts, &total->account_id);
      gint64 amount;

      if (account == NULL || !budg_category_totals_is_income (categories, total->category_id))
        continue;

      ok = converter_convert (&converter, total->total_minor, account->currency, currency, to,
                              &amount, error) &&
           budg_money_add (result, amount, &result, error);
    }

  for (guint i = 0; ok && i < statuses->len; i++)
    {
      BudgBudgetStatus *status = g_ptr_array_index (statuses, i);
      gint64 amount;

      ok = converter_convert (&converter, status->budgeted_minor, status->currency, currency, to,
                              &amount, error) &&
           budg_money_subtract (result, amount, &result, error);
    }

  converter_clear (&converter);
  if (!ok)
    return FALSE;

  *out_minor = result;

  return TRUE;
}
