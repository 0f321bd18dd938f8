/* budg-goal-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-goal-store"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-goal-store.h"
#include "budg-money.h"
#include "budg-transaction-store.h"
#include "budg-validate.h"

/* Products of two amounts (saved × days, amount × basis points) need more
 * than 64 bits before they are compared or divided. */
__extension__ typedef __int128 BudgInt128;

#define BASIS_POINTS 10000

struct _BudgGoalStore
{
  GObject       parent_instance;

  BudgDatabase *database;
};

G_DEFINE_FINAL_TYPE (BudgGoalStore, budg_goal_store, G_TYPE_OBJECT)

void
budg_goal_free (BudgGoal *goal)
{
  if (goal == NULL)
    return;

  g_free (goal->name);
  g_free (goal->currency);
  g_free (goal->by_date);
  g_free (goal->account_name);
  g_free (goal->created_on);
  g_free (goal);
}

void
budg_goal_contribution_free (BudgGoalContribution *contribution)
{
  if (contribution == NULL)
    return;

  g_free (contribution->date);
  g_free (contribution->note);
  g_free (contribution);
}

void
budg_goal_status_free (BudgGoalStatus *status)
{
  if (status == NULL)
    return;

  budg_goal_free (status->goal);
  g_free (status);
}

static BudgGoal *
goal_from_row (sqlite3_stmt *stmt)
{
  BudgGoal *goal = g_new0 (BudgGoal, 1);

  goal->id = sqlite3_column_int64 (stmt, 0);
  goal->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  goal->target_minor = sqlite3_column_int64 (stmt, 2);
  goal->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  goal->by_date = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  goal->account_id = sqlite3_column_int64 (stmt, 5);
  goal->account_name = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  goal->auto_percent_bp = (guint) sqlite3_column_int (stmt, 7);
  goal->auto_amount_minor = sqlite3_column_int64 (stmt, 8);
  goal->created_on = g_strdup ((const char *) sqlite3_column_text (stmt, 9));

  return goal;
}

/* The goals, or only @only_id, or only those that save automatically. */
static GPtrArray *
read_goals (BudgGoalStore  *self,
            gint64          only_id,
            gboolean        only_automatic,
            GError        **error)
{
  g_autoptr(GPtrArray) goals = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_goal_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT g.id, g.name, g.target_minor, g.currency, g.by_date,"
                                "       ifnull(g.account_id, 0), a.name, ifnull(g.auto_percent_bp, 0),"
                                "       ifnull(g.auto_amount_minor, 0), g.created_on"
                                " FROM goals g LEFT JOIN accounts a ON a.id = g.account_id"
                                " WHERE (?1 = 0 OR g.id = ?1)"
                                "   AND (?2 = 0 OR g.auto_percent_bp IS NOT NULL OR g.auto_amount_minor IS NOT NULL)"
                                " ORDER BY g.name COLLATE NOCASE, g.id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  sqlite3_bind_int (stmt, 2, only_automatic ? 1 : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (goals, goal_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the savings goals"));
      return NULL;
    }

  return g_steal_pointer (&goals);
}

static BudgGoal *
read_goal (BudgGoalStore  *self,
           gint64          id,
           GError        **error)
{
  g_autoptr(GPtrArray) goals = read_goals (self, id, FALSE, error);

  if (goals == NULL)
    return NULL;

  if (goals->len == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                           _("That savings goal no longer exists."));
      return NULL;
    }

  return g_ptr_array_steal_index (goals, 0);
}

static gboolean
read_saved (BudgGoalStore  *self,
            gint64          goal_id,
            gint64         *out_saved,
            GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "SELECT coalesce(sum(amount_minor), 0) FROM goal_contributions WHERE goal_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      budg_database_set_error (self->database, error, _("adding up the savings"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  *out_saved = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return TRUE;
}

static gboolean
insert_contribution (BudgGoalStore  *self,
                     gint64          goal_id,
                     const char     *date,
                     gint64          amount_minor,
                     gint64          transaction_id,
                     const char     *note,
                     gint64         *out_id,
                     GError        **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO goal_contributions (goal_id, date, amount_minor, transaction_id, note)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  sqlite3_bind_text (stmt, 2, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, amount_minor);
  if (transaction_id != 0)
    sqlite3_bind_int64 (stmt, 4, transaction_id);
  sqlite3_bind_text (stmt, 5, note, -1, SQLITE_TRANSIENT);

  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));

  return TRUE;
}

static void
budg_goal_store_dispose (GObject *object)
{
  BudgGoalStore *self = (BudgGoalStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_goal_store_parent_class)->dispose (object);
}

static void
budg_goal_store_class_init (BudgGoalStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_goal_store_dispose;
}

static void
budg_goal_store_init (BudgGoalStore *self)
{
}

/**
 * budg_goal_store_new:
 *
 * Savings goals and their contributions. Every call reads the database.
 *
 * Returns: (transfer full): a new store
 */
BudgGoalStore *
budg_goal_store_new (BudgDatabase *database)
{
  BudgGoalStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_GOAL_STORE, NULL);
  self->database = g_object_ref (database);

  return self;
}

static gboolean
check_account (BudgGoalStore  *self,
               gint64          account_id,
               GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database, "SELECT 1 FROM accounts WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                           _("The account linked to the goal does not exist. Choose another account."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
find_by_name (BudgGoalStore  *self,
              const char     *name,
              gint64         *out_id,
              GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT id FROM goals WHERE name = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  *out_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the savings goals"));
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_goal_store_add:
 * @name: the goal's name, unique without regard to case
 * @target_minor: the amount to save, in @currency
 * @by_date: (nullable): the date to reach it by
 * @account_id: the linked savings account, or 0
 * @auto_percent_bp: basis points of each income to save automatically
 *   (1 to 10000), or 0
 * @auto_amount_minor: a fixed amount to save from each income, or 0; not
 *   together with @auto_percent_bp
 * @created_on: (nullable): the day the plan starts; %NULL for today
 *
 * Returns: (transfer full): the stored goal, or %NULL with @error set
 */
BudgGoal *
budg_goal_store_add (BudgGoalStore  *self,
                     const char     *name,
                     gint64          target_minor,
                     const char     *currency,
                     const char     *by_date,
                     gint64          account_id,
                     guint           auto_percent_bp,
                     gint64          auto_amount_minor,
                     const char     *created_on,
                     GError        **error)
{
  g_autofree char *clean_name = NULL;
  g_autofree char *clean_by = NULL;
  g_autofree char *clean_created = NULL;
  BudgGoal *goal;
  sqlite3_stmt *stmt;
  gint64 existing;
  gint64 id;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), NULL);

  if (!(clean_name = budg_validate_name (name, _("goal"), error)) ||
      !budg_validate_currency (currency, error))
    return NULL;

  if (target_minor <= 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The target of a savings goal must be more than zero."));
      return NULL;
    }

  if (auto_percent_bp > BASIS_POINTS || auto_amount_minor < 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Automatic saving takes a share of each income between 0 and 100 percent, or a positive amount."));
      return NULL;
    }

  if (auto_percent_bp > 0 && auto_amount_minor > 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Save either a percentage or a fixed amount of each income, not both."));
      return NULL;
    }

  if ((by_date != NULL && !(clean_by = budg_date_normalize (by_date, error))) ||
      (created_on != NULL && !(clean_created = budg_date_normalize (created_on, error))))
    return NULL;
  if (clean_created == NULL)
    clean_created = budg_date_today ();

  if (clean_by != NULL && g_strcmp0 (clean_by, clean_created) <= 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The date of a savings goal must come after the day it starts (%s), not %s."),
                   clean_created, clean_by);
      return NULL;
    }

  if (account_id != 0 && !check_account (self, account_id, error))
    return NULL;

  if (!find_by_name (self, clean_name, &existing, error))
    return NULL;
  if (existing != 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE,
                   _("There is already a savings goal called “%s”. Choose another name."), clean_name);
      return NULL;
    }

  if (!budg_database_begin (self->database, error))
    return NULL;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO goals (name, target_minor, currency, by_date, account_id,"
                                " auto_percent_bp, auto_amount_minor, created_on)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, target_minor);
  sqlite3_bind_text (stmt, 3, currency, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, clean_by, -1, SQLITE_TRANSIENT);
  if (account_id != 0)
    sqlite3_bind_int64 (stmt, 5, account_id);
  if (auto_percent_bp > 0)
    sqlite3_bind_int (stmt, 6, (int) auto_percent_bp);
  if (auto_amount_minor > 0)
    sqlite3_bind_int64 (stmt, 7, auto_amount_minor);
  sqlite3_bind_text (stmt, 8, clean_created, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;
  id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));

  budg_database_emit_changed (self->database, "goals");

  if (!(goal = read_goal (self, id, error)))
    goto failed;

  if (!budg_database_commit (self->database, error))
    {
      budg_goal_free (goal);
      goto failed;
    }

  return goal;

failed:
  budg_database_rollback (self->database);
  return NULL;
}

/**
 * budg_goal_store_find:
 * @id_or_name: a goal id ("3") or name, in any case
 *
 * Returns: (transfer full): the goal, or %NULL with @error set
 */
BudgGoal *
budg_goal_store_find (BudgGoalStore  *self,
                      const char     *id_or_name,
                      GError        **error)
{
  g_autofree char *name = NULL;
  guint64 number;
  gint64 id = 0;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), NULL);

  if (id_or_name == NULL || !g_utf8_validate (id_or_name, -1, NULL))
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The goal name is not valid text. Type it again."));
      return NULL;
    }

  name = g_strstrip (g_strdup (id_or_name));

  if (!find_by_name (self, name, &id, error))
    return NULL;

  if (id == 0 && g_ascii_string_to_unsigned (name, 10, 1, G_MAXINT64, &number, NULL))
    id = (gint64) number;

  if (id == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no savings goal “%s”. Check the name, or add the goal first."), name);
      return NULL;
    }

  {
    g_autoptr(GPtrArray) goals = read_goals (self, id, FALSE, error);

    if (goals == NULL)
      return NULL;
    if (goals->len == 0)
      {
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                     _("There is no savings goal “%s”. Check the name, or add the goal first."), name);
        return NULL;
      }

    return g_ptr_array_steal_index (goals, 0);
  }
}

/**
 * budg_goal_store_list:
 *
 * Returns: (transfer container): every #BudgGoal by name, or %NULL with
 *   @error set
 */
GPtrArray *
budg_goal_store_list (BudgGoalStore  *self,
                      GError        **error)
{
  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), NULL);

  return read_goals (self, 0, FALSE, error);
}

/**
 * budg_goal_store_delete:
 *
 * Deletes a goal with its contributions.
 */
gboolean
budg_goal_store_delete (BudgGoalStore  *self,
                        gint64          goal_id,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), FALSE);

  stmt = budg_database_prepare (self->database, "DELETE FROM goals WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, goal_id);
  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (self->database)) == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                           _("That savings goal no longer exists."));
      return FALSE;
    }

  budg_database_emit_changed (self->database, "goals");
  budg_database_emit_changed (self->database, "goal_contributions");

  return TRUE;
}

static BudgGoalContribution *
read_contribution (BudgGoalStore  *self,
                   gint64          id,
                   GError        **error)
{
  BudgGoalContribution *contribution = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT id, goal_id, date, amount_minor, ifnull(transaction_id, 0), note"
                                " FROM goal_contributions WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      contribution = g_new0 (BudgGoalContribution, 1);
      contribution->id = sqlite3_column_int64 (stmt, 0);
      contribution->goal_id = sqlite3_column_int64 (stmt, 1);
      contribution->date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      contribution->amount_minor = sqlite3_column_int64 (stmt, 3);
      contribution->transaction_id = sqlite3_column_int64 (stmt, 4);
      contribution->note = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
    }
  sqlite3_reset (stmt);

  if (contribution == NULL)
    budg_database_set_error (self->database, error, _("reading the contribution"));

  return contribution;
}

/**
 * budg_goal_store_contribute:
 * @date: (nullable): the day of the contribution; %NULL for today
 * @amount_minor: in the goal's currency; negative takes money out of the goal
 * @note: (nullable): a note
 *
 * Returns: (transfer full): the stored contribution, or %NULL with @error set
 */
BudgGoalContribution *
budg_goal_store_contribute (BudgGoalStore  *self,
                            gint64          goal_id,
                            const char     *date,
                            gint64          amount_minor,
                            const char     *note,
                            GError        **error)
{
  g_autoptr(BudgGoal) goal = NULL;
  g_autofree char *clean_date = NULL;
  g_autofree char *clean_note = NULL;
  g_autoptr(GError) local_error = NULL;
  BudgGoalContribution *contribution;
  gint64 saved;
  gint64 id;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), NULL);

  if (amount_minor == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("A contribution of zero changes nothing. Enter the amount saved."));
      return NULL;
    }

  clean_date = date != NULL ? budg_date_normalize (date, error) : budg_date_today ();
  if (clean_date == NULL)
    return NULL;

  clean_note = budg_validate_optional (note, _("note"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!budg_database_begin (self->database, error))
    return NULL;

  /* The sum must still fit once the contribution is added. */
  if (!(goal = read_goal (self, goal_id, error)) ||
      !read_saved (self, goal_id, &saved, error) ||
      !budg_money_add (saved, amount_minor, &saved, error) ||
      !insert_contribution (self, goal_id, clean_date, amount_minor, 0, clean_note, &id, error) ||
      !(contribution = read_contribution (self, id, error)))
    {
      budg_database_rollback (self->database);
      return NULL;
    }

  budg_database_emit_changed (self->database, "goal_contributions");

  if (!budg_database_commit (self->database, error))
    {
      budg_goal_contribution_free (contribution);
      budg_database_rollback (self->database);
      return NULL;
    }

  return contribution;
}

/**
 * budg_goal_store_list_contributions:
 *
 * Returns: (transfer container): the #BudgGoalContribution of @goal_id by
 *   date, or %NULL with @error set
 */
GPtrArray *
budg_goal_store_list_contributions (BudgGoalStore  *self,
                                    gint64          goal_id,
                                    GError        **error)
{
  g_autoptr(GPtrArray) contributions = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_goal_contribution_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), NULL);

  stmt = budg_database_prepare (self->database,
                                "SELECT id, goal_id, date, amount_minor, ifnull(transaction_id, 0), note"
                                " FROM goal_contributions WHERE goal_id = ?1 ORDER BY date, id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, goal_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgGoalContribution *contribution = g_new0 (BudgGoalContribution, 1);

      contribution->id = sqlite3_column_int64 (stmt, 0);
      contribution->goal_id = sqlite3_column_int64 (stmt, 1);
      contribution->date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      contribution->amount_minor = sqlite3_column_int64 (stmt, 3);
      contribution->transaction_id = sqlite3_column_int64 (stmt, 4);
      contribution->note = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (contributions, contribution);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the contributions"));
      return NULL;
    }

  return g_steal_pointer (&contributions);
}

/* The progress of @goal on @today, given what it has saved. */
static BudgGoalStatus *
compute_status (BudgGoal    *goal,
                gint64       saved_minor,
                const GDate *today)
{
  BudgGoalStatus *status = g_new0 (BudgGoalStatus, 1);
  BudgInt128 remaining = (BudgInt128) goal->target_minor - saved_minor;
  GDate created;
  GDate by;
  gint64 total_days;
  gint64 elapsed_days;
  int months;

  status->goal = goal;
  status->saved_minor = saved_minor;
  status->expected_minor = goal->target_minor;
  status->on_track = TRUE;

  if (goal->by_date == NULL || !budg_date_parse (goal->by_date, &by, NULL) ||
      !budg_date_parse (goal->created_on, &created, NULL))
    return status;

  if (remaining < 0)
    remaining = 0;

  months = ((int) g_date_get_year (&by) - (int) g_date_get_year (today)) * 12 +
           ((int) g_date_get_month (&by) - (int) g_date_get_month (today));
  status->months_left = (guint) MAX (months, 1);
  status->has_needed = TRUE;
  status->needed_per_month_minor = (gint64) ((remaining + status->months_left - 1) / status->months_left);

  /* The steady pace: target × elapsed / total days, compared as fractions
   * so that nothing is rounded before the comparison. */
  total_days = (gint64) g_date_get_julian (&by) - (gint64) g_date_get_julian (&created);
  elapsed_days = (gint64) g_date_get_julian (today) - (gint64) g_date_get_julian (&created);
  if (total_days <= 0)
    {
      status->on_track = saved_minor >= goal->target_minor;
      return status;
    }
  elapsed_days = CLAMP (elapsed_days, 0, total_days);

  status->expected_minor = (gint64) ((BudgInt128) goal->target_minor * elapsed_days / total_days);
  status->on_track = (BudgInt128) saved_minor * total_days >= (BudgInt128) goal->target_minor * elapsed_days;

  return status;
}

/**
 * budg_goal_store_status:
 * @today: (nullable): the day to measure on; %NULL for today
 *
 * Returns: (transfer container): a #BudgGoalStatus per goal, by name, or
 *   %NULL with @error set
 */
GPtrArray *
budg_goal_store_status (BudgGoalStore  *self,
                        const char     *today,
                        GError        **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GPtrArray) statuses = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_goal_status_free);
  g_autoptr(GHashTable) saved = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autofree char *today_iso = NULL;
  sqlite3_stmt *stmt;
  GDate day;
  int rc;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), NULL);

  today_iso = today != NULL ? g_strdup (today) : budg_date_today ();
  if (!budg_date_parse (today_iso, &day, error) ||
      !(goals = read_goals (self, 0, FALSE, error)))
    return NULL;

  stmt = budg_database_prepare (self->database,
                                "SELECT goal_id, sum(amount_minor) FROM goal_contributions GROUP BY goal_id",
                                error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 goal_id = sqlite3_column_int64 (stmt, 0);
      gint64 sum = sqlite3_column_int64 (stmt, 1);

      g_hash_table_insert (saved, g_memdup2 (&goal_id, sizeof goal_id), g_memdup2 (&sum, sizeof sum));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("adding up the savings"));
      return NULL;
    }

  while (goals->len > 0)
    {
      BudgGoal *goal = g_ptr_array_steal_index (goals, 0);
      gint64 *sum = g_hash_table_lookup (saved, &goal->id);

      g_ptr_array_add (statuses, compute_status (goal, sum != NULL ? *sum : 0, &day));
    }

  return g_steal_pointer (&statuses);
}

/* The part of transaction @id that is income, in its account's currency:
 * the rule of the reports (income categories, and money in without a
 * category), applied to its split parts when it has any. */
static gboolean
read_income (BudgGoalStore  *self,
             gint64          id,
             char          **out_date,
             char          **out_currency,
             gint64         *out_income,
             GError        **error)
{
  sqlite3_stmt *stmt;
  gint64 amount;
  gint64 rest;
  gint64 income = 0;
  gboolean own_is_income;
  gboolean is_transfer;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT t.date, a.currency, t.amount_minor, t.transfer_id IS NOT NULL,"
                                "       CASE WHEN t.category_id IS NULL THEN t.amount_minor > 0 ELSE ifnull(c.is_income, 0) END"
                                " FROM transactions t JOIN accounts a ON a.id = t.account_id"
                                " LEFT JOIN categories c ON c.id = t.category_id"
                                " WHERE t.id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                     _("There is no transaction %lld."), (long long) id);
      else
        budg_database_set_error (self->database, error, _("reading the transaction"));
      return FALSE;
    }
  *out_date = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  *out_currency = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  amount = sqlite3_column_int64 (stmt, 2);
  is_transfer = sqlite3_column_int (stmt, 3) != 0;
  own_is_income = sqlite3_column_int (stmt, 4) != 0;
  sqlite3_reset (stmt);

  if (is_transfer)
    {
      *out_income = 0;
      return TRUE;
    }

  stmt = budg_database_prepare (self->database,
                                "SELECT s.amount_minor,"
                                "       CASE WHEN s.category_id IS NULL THEN s.amount_minor > 0 ELSE ifnull(c.is_income, 0) END"
                                " FROM splits s LEFT JOIN categories c ON c.id = s.category_id"
                                " WHERE s.transaction_id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);

  rest = amount;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 part = sqlite3_column_int64 (stmt, 0);

      rest -= part;
      if (sqlite3_column_int (stmt, 1) != 0)
        income += part;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transaction"));
      return FALSE;
    }

  if (own_is_income)
    income += rest;

  *out_income = income;

  return TRUE;
}

static gboolean
has_contribution (BudgGoalStore  *self,
                  gint64          goal_id,
                  gint64          transaction_id,
                  gboolean       *out_has,
                  GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                "SELECT 1 FROM goal_contributions WHERE transaction_id = ?1 AND goal_id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transaction_id);
  sqlite3_bind_int64 (stmt, 2, goal_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the contributions"));
      return FALSE;
    }

  *out_has = rc == SQLITE_ROW;

  return TRUE;
}

/* Transfers @amount from the income's account to @goal's account when both
 * accounts and the goal share a currency and the income is not already in
 * the goal's account. */
static gboolean
move_to_goal_account (BudgGoalStore  *self,
                      BudgGoal       *goal,
                      gint64          transaction_id,
                      const char     *date,
                      gint64          amount,
                      gboolean       *out_moved,
                      GError        **error)
{
  g_autoptr(BudgTransactionStore) transactions = NULL;
  g_autofree char *note = NULL;
  sqlite3_stmt *stmt;
  gint64 from_account = 0;
  gboolean same_currency = FALSE;
  int rc;

  *out_moved = FALSE;

  stmt = budg_database_prepare (self->database,
                                "SELECT t.account_id, a.currency = g.currency AND a.currency = ga.currency"
                                " FROM transactions t JOIN accounts a ON a.id = t.account_id,"
                                "      goals g JOIN accounts ga ON ga.id = g.account_id"
                                " WHERE t.id = ?1 AND g.id = ?2",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, transaction_id);
  sqlite3_bind_int64 (stmt, 2, goal->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      from_account = sqlite3_column_int64 (stmt, 0);
      same_currency = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transaction"));
      return FALSE;
    }

  if (rc != SQLITE_ROW || !same_currency || from_account == goal->account_id)
    return TRUE;

  transactions = budg_transaction_store_new (self->database);
  /* Translators: the memo of a transfer made by automatic saving; %s is a goal. */
  note = g_strdup_printf (_("Saving for “%s”"), goal->name);
  if (!budg_transaction_store_add_transfer (transactions, from_account, goal->account_id, date, amount, 0,
                                            note, NULL, NULL, error))
    return FALSE;

  *out_moved = TRUE;

  return TRUE;
}

/* Applies the automatic rules of @goals to one income transaction. Inside
 * the caller's database transaction. */
static gboolean
allocate_one (BudgGoalStore  *self,
              GPtrArray      *goals,
              gint64          transaction_id,
              gboolean        must_be_income,
              guint          *inout_count,
              GError        **error)
{
  g_autofree char *date = NULL;
  g_autofree char *currency = NULL;
  gint64 income;

  if (!read_income (self, transaction_id, &date, &currency, &income, error))
    return FALSE;

  if (income <= 0)
    {
      if (!must_be_income)
        return TRUE;
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Transaction %lld is not income, so nothing is saved from it. Automatic saving takes money in under an income category."),
                   (long long) transaction_id);
      return FALSE;
    }

  for (guint i = 0; i < goals->len; i++)
    {
      BudgGoal *goal = g_ptr_array_index (goals, i);
      g_autofree char *note = NULL;
      gboolean done;
      gint64 amount;
      gint64 saved;
      gint64 id;

      if (!has_contribution (self, goal->id, transaction_id, &done, error))
        return FALSE;
      if (done)
        continue;

      if (goal->auto_percent_bp > 0)
        {
          BudgInt128 product = (BudgInt128) income * goal->auto_percent_bp;
          BudgInt128 share = product / BASIS_POINTS;

          /* Half a minor unit or more rounds up (the share is positive). */
          if ((product % BASIS_POINTS) * 2 >= BASIS_POINTS)
            share++;
          if (!budg_exchange_rates_convert (self->database, (gint64) share, currency, goal->currency,
                                            date, &amount, error))
            return FALSE;
        }
      else
        amount = goal->auto_amount_minor;

      /* A reached goal takes no more; the last contribution only fills it. */
      if (!read_saved (self, goal->id, &saved, error))
        return FALSE;
      if (saved >= goal->target_minor)
        continue;
      amount = MIN (amount, goal->target_minor - saved);
      if (amount <= 0)
        continue;

      /* Money for a goal with its own account moves there, as a transfer
       * from the account the income came into. Across currencies the
       * contribution only says where it belongs: the amount received would
       * be a guess. */
      if (goal->account_id != 0)
        {
          gboolean moved = FALSE;

          if (!move_to_goal_account (self, goal, transaction_id, date, amount, &moved, error))
            return FALSE;
          if (moved)
            note = g_strdup_printf (_("Saved automatically from income and moved to “%s”"), goal->account_name);
          else
            note = g_strdup_printf (_("Saved automatically from income; move it to “%s”"), goal->account_name);
        }
      else
        note = g_strdup (_("Saved automatically from income"));

      if (!insert_contribution (self, goal->id, date, amount, transaction_id, note, &id, error))
        return FALSE;
      (*inout_count)++;
    }

  return TRUE;
}

/**
 * budg_goal_store_allocate_income:
 * @transaction_id: an income transaction
 * @out_n_contributions: (out) (optional): how many contributions were recorded
 *
 * Saves towards every goal with an automatic rule from one income: its
 * percentage of the income (converted to the goal's currency at the rate
 * of the transaction's date) or its fixed amount, never more than the goal
 * still misses. A goal that already has a contribution from this
 * transaction is skipped, so calling this twice saves once. All in one
 * database transaction.
 */
gboolean
budg_goal_store_allocate_income (BudgGoalStore  *self,
                                 gint64          transaction_id,
                                 guint          *out_n_contributions,
                                 GError        **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  guint count = 0;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), FALSE);

  if (!(goals = read_goals (self, 0, TRUE, error)))
    return FALSE;

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!allocate_one (self, goals, transaction_id, TRUE, &count, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  if (count > 0)
    budg_database_emit_changed (self->database, "goal_contributions");

  if (!budg_database_commit (self->database, error))
    {
      budg_database_rollback (self->database);
      return FALSE;
    }

  if (out_n_contributions != NULL)
    *out_n_contributions = count;

  return TRUE;
}

/**
 * budg_goal_store_allocate_range:
 * @from: the first day, "YYYY-MM-DD"
 * @to: the last day
 * @out_n_contributions: (out) (optional): how many contributions were recorded
 *
 * budg_goal_store_allocate_income() for every income transaction dated
 * from @from to @to that has not been allocated yet, in date order, in one
 * database transaction. Running it again records nothing new.
 */
gboolean
budg_goal_store_allocate_range (BudgGoalStore  *self,
                                const char     *from,
                                const char     *to,
                                guint          *out_n_contributions,
                                GError        **error)
{
  g_autoptr(GPtrArray) goals = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *clean_from = NULL;
  g_autofree char *clean_to = NULL;
  sqlite3_stmt *stmt;
  guint count = 0;
  int rc;

  g_return_val_if_fail (BUDG_IS_GOAL_STORE (self), FALSE);

  if (!(clean_from = budg_date_normalize (from, error)) ||
      !(clean_to = budg_date_normalize (to, error)) ||
      !(goals = read_goals (self, 0, TRUE, error)))
    return FALSE;

  if (goals->len == 0)
    {
      if (out_n_contributions != NULL)
        *out_n_contributions = 0;
      return TRUE;
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;

  /* Money in only: a split income has a positive total too. */
  stmt = budg_database_prepare (self->database,
                                "SELECT id FROM transactions"
                                " WHERE date >= ?1 AND date <= ?2 AND amount_minor > 0 AND transfer_id IS NULL"
                                " ORDER BY date, id",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_text (stmt, 1, clean_from, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, clean_to, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transactions"));
      goto failed;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      if (!allocate_one (self, goals, g_array_index (ids, gint64, i), FALSE, &count, error))
        goto failed;
    }

  if (count > 0)
    budg_database_emit_changed (self->database, "goal_contributions");

  if (!budg_database_commit (self->database, error))
    goto failed;

  if (out_n_contributions != NULL)
    *out_n_contributions = count;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}
