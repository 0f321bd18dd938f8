/* budg-rule-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-rule-store"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-error.h"
#include "budg-payees.h"
#include "budg-rule-store.h"

struct _BudgRuleStore
{
  GObject       parent_instance;

  BudgDatabase *database;
};

G_DEFINE_FINAL_TYPE (BudgRuleStore, budg_rule_store, G_TYPE_OBJECT)

#define RULE_COLUMNS \
  "SELECT id, name, priority, enabled, continue_matching, case_sensitive," \
  "       payee_op, payee_value, memo_op, memo_value, min_amount_minor, max_amount_minor," \
  "       sign, ifnull(account_id, 0), ifnull(set_category_id, 0), set_payee, set_memo, set_status" \
  " FROM rules"

/* "Parent:Child" for every category, by id. */
#define CATEGORY_PATHS \
  "SELECT c.id, CASE WHEN pc.id IS NULL THEN c.name ELSE pc.name || ':' || c.name END" \
  " FROM categories c LEFT JOIN categories pc ON pc.id = c.parent_id"

void
budg_rule_change_free (BudgRuleChange *change)
{
  if (change == NULL)
    return;

  g_free (change->date);
  g_free (change->currency);
  g_free (change->payee);
  g_free (change->new_payee);
  g_free (change->category_path);
  g_free (change->new_category_path);
  g_free (change->memo);
  g_free (change->new_memo);
  g_free (change);
}

static BudgRule *
rule_from_row (sqlite3_stmt *stmt)
{
  BudgRule *rule = budg_rule_new ();
  const char *status = (const char *) sqlite3_column_text (stmt, 17);

  rule->id = sqlite3_column_int64 (stmt, 0);
  rule->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  rule->priority = sqlite3_column_int (stmt, 2);
  rule->enabled = sqlite3_column_int (stmt, 3) != 0;
  rule->continue_matching = sqlite3_column_int (stmt, 4) != 0;
  rule->case_sensitive = sqlite3_column_int (stmt, 5) != 0;
  budg_rule_text_op_from_string ((const char *) sqlite3_column_text (stmt, 6), &rule->payee_op);
  rule->payee_value = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  budg_rule_text_op_from_string ((const char *) sqlite3_column_text (stmt, 8), &rule->memo_op);
  rule->memo_value = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  rule->has_min_amount = sqlite3_column_type (stmt, 10) != SQLITE_NULL;
  rule->min_amount_minor = sqlite3_column_int64 (stmt, 10);
  rule->has_max_amount = sqlite3_column_type (stmt, 11) != SQLITE_NULL;
  rule->max_amount_minor = sqlite3_column_int64 (stmt, 11);
  budg_rule_sign_from_string ((const char *) sqlite3_column_text (stmt, 12), &rule->sign);
  rule->account_id = sqlite3_column_int64 (stmt, 13);
  rule->set_category_id = sqlite3_column_int64 (stmt, 14);
  rule->set_payee = g_strdup ((const char *) sqlite3_column_text (stmt, 15));
  rule->set_memo = g_strdup ((const char *) sqlite3_column_text (stmt, 16));
  rule->has_set_status = status != NULL && budg_transaction_status_from_string (status, &rule->set_status);

  return rule;
}

/* The rules, or only @only_id, in the order they run. */
static GPtrArray *
read_rules (BudgRuleStore  *self,
            gint64          only_id,
            GError        **error)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database,
                                RULE_COLUMNS " WHERE (?1 = 0 OR id = ?1) ORDER BY priority, id",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rules, rule_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the rules"));
      return NULL;
    }

  return g_steal_pointer (&rules);
}

static gboolean
row_exists (BudgRuleStore  *self,
            const char     *sql,
            gint64          id,
            gboolean       *out_exists,
            GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the rules"));
      return FALSE;
    }
  *out_exists = rc == SQLITE_ROW;

  return TRUE;
}

/* The checks that need the database: the account and category a rule names
 * exist. */
static gboolean
check_references (BudgRuleStore   *self,
                  const BudgRule  *rule,
                  GError         **error)
{
  gboolean exists;

  if (rule->account_id != 0)
    {
      if (!row_exists (self, "SELECT 1 FROM accounts WHERE id = ?1", rule->account_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                               _("The account the rule looks at does not exist. Choose another account."));
          return FALSE;
        }
    }

  if (rule->set_category_id != 0)
    {
      if (!row_exists (self, "SELECT 1 FROM categories WHERE id = ?1", rule->set_category_id, &exists, error))
        return FALSE;
      if (!exists)
        {
          g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                               _("The category the rule sets does not exist. Choose another category."));
          return FALSE;
        }
    }

  return TRUE;
}

static void
bind_optional_text (sqlite3_stmt *stmt,
                    int           column,
                    const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

/* Binds ?2 … ?18 to the rule's columns in RULE_COLUMNS order (?1 is the id
 * for an update). Text is stored trimmed where the matcher trims it. */
static void
bind_rule (sqlite3_stmt   *stmt,
           const BudgRule *rule)
{
  g_autofree char *name = g_strstrip (g_strdup (rule->name));
  g_autofree char *set_payee = rule->set_payee != NULL ? g_strstrip (g_strdup (rule->set_payee)) : NULL;

  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, rule->priority);
  sqlite3_bind_int (stmt, 4, rule->enabled ? 1 : 0);
  sqlite3_bind_int (stmt, 5, rule->continue_matching ? 1 : 0);
  sqlite3_bind_int (stmt, 6, rule->case_sensitive ? 1 : 0);
  if (rule->payee_op != BUDG_RULE_TEXT_NONE)
    {
      sqlite3_bind_text (stmt, 7, budg_rule_text_op_to_string (rule->payee_op), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, rule->payee_value, -1, SQLITE_TRANSIENT);
    }
  if (rule->memo_op != BUDG_RULE_TEXT_NONE)
    {
      sqlite3_bind_text (stmt, 9, budg_rule_text_op_to_string (rule->memo_op), -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 10, rule->memo_value, -1, SQLITE_TRANSIENT);
    }
  if (rule->has_min_amount)
    sqlite3_bind_int64 (stmt, 11, rule->min_amount_minor);
  if (rule->has_max_amount)
    sqlite3_bind_int64 (stmt, 12, rule->max_amount_minor);
  sqlite3_bind_text (stmt, 13, budg_rule_sign_to_string (rule->sign), -1, SQLITE_STATIC);
  if (rule->account_id != 0)
    sqlite3_bind_int64 (stmt, 14, rule->account_id);
  if (rule->set_category_id != 0)
    sqlite3_bind_int64 (stmt, 15, rule->set_category_id);
  bind_optional_text (stmt, 16, set_payee);
  bind_optional_text (stmt, 17, rule->set_memo);
  if (rule->has_set_status)
    sqlite3_bind_text (stmt, 18, budg_transaction_status_to_string (rule->set_status), -1, SQLITE_STATIC);
}

static void
budg_rule_store_dispose (GObject *object)
{
  BudgRuleStore *self = (BudgRuleStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_rule_store_parent_class)->dispose (object);
}

static void
budg_rule_store_class_init (BudgRuleStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_rule_store_dispose;
}

static void
budg_rule_store_init (BudgRuleStore *self)
{
}

/**
 * budg_rule_store_new:
 *
 * The categorization rules. Every call reads the database; changes emit
 * the database's "changed" signal for "rules".
 *
 * Returns: (transfer full): a new store
 */
BudgRuleStore *
budg_rule_store_new (BudgDatabase *database)
{
  BudgRuleStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_RULE_STORE, NULL);
  self->database = g_object_ref (database);

  return self;
}

/**
 * budg_rule_store_list:
 *
 * Returns: (transfer container) (element-type BudgRule): every rule in the
 *   order they run, or %NULL with @error set
 */
GPtrArray *
budg_rule_store_list (BudgRuleStore  *self,
                      GError        **error)
{
  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), NULL);

  return read_rules (self, 0, error);
}

/**
 * budg_rule_store_get:
 *
 * Returns: (transfer full): the rule @id, or %NULL with @error set
 *   (%BUDG_ERROR_NOT_FOUND when there is none)
 */
BudgRule *
budg_rule_store_get (BudgRuleStore  *self,
                     gint64          id,
                     GError        **error)
{
  g_autoptr(GPtrArray) rules = NULL;

  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), NULL);

  if (id <= 0 || !(rules = read_rules (self, id, error)) || rules->len == 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                     _("There is no rule %lld. List the rules to see their numbers."), (long long) id);
      return NULL;
    }

  return g_ptr_array_steal_index (rules, 0);
}

/**
 * budg_rule_store_add:
 * @rule: the rule; its id is set when it is stored
 *
 * Returns: whether the rule was stored, with @error set when not
 */
gboolean
budg_rule_store_add (BudgRuleStore  *self,
                     BudgRule       *rule,
                     GError        **error)
{
  sqlite3_stmt *stmt;
  int priority;

  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  priority = rule->priority;

  if (!budg_rule_validate (rule, error))
    return FALSE;

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!check_references (self, rule, error))
    goto failed;

  if (priority == 0)
    {
      stmt = budg_database_prepare (self->database, "SELECT ifnull(max(priority), 0) + 1 FROM rules", error);
      if (stmt == NULL)
        goto failed;
      if (sqlite3_step (stmt) != SQLITE_ROW)
        {
          budg_database_set_error (self->database, error, _("reading the rules"));
          sqlite3_reset (stmt);
          goto failed;
        }
      priority = sqlite3_column_int (stmt, 0);
      sqlite3_reset (stmt);
    }

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO rules (name, priority, enabled, continue_matching, case_sensitive,"
                                " payee_op, payee_value, memo_op, memo_value, min_amount_minor, max_amount_minor,"
                                " sign, account_id, set_category_id, set_payee, set_memo, set_status)"
                                " VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                                error);
  if (stmt == NULL)
    goto failed;
  bind_rule (stmt, rule);
  sqlite3_bind_int (stmt, 3, priority);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  budg_database_emit_changed (self->database, "rules");

  if (!budg_database_commit (self->database, error))
    goto failed;

  rule->id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));
  rule->priority = priority;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

/**
 * budg_rule_store_update:
 * @rule: the rule, with the id of a stored one
 *
 * Replaces every field of the stored rule by those of @rule.
 *
 * Returns: whether the rule was saved, with @error set when not
 */
gboolean
budg_rule_store_update (BudgRuleStore   *self,
                        const BudgRule  *rule,
                        GError         **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);

  if (!budg_rule_validate (rule, error))
    return FALSE;

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!check_references (self, rule, error))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "UPDATE rules SET name = ?2, priority = ?3, enabled = ?4, continue_matching = ?5,"
                                " case_sensitive = ?6, payee_op = ?7, payee_value = ?8, memo_op = ?9, memo_value = ?10,"
                                " min_amount_minor = ?11, max_amount_minor = ?12, sign = ?13, account_id = ?14,"
                                " set_category_id = ?15, set_payee = ?16, set_memo = ?17, set_status = ?18"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, rule->id);
  bind_rule (stmt, rule);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  if (sqlite3_changes (budg_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no rule %lld. List the rules to see their numbers."), (long long) rule->id);
      goto failed;
    }

  budg_database_emit_changed (self->database, "rules");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

gboolean
budg_rule_store_delete (BudgRuleStore  *self,
                        gint64          id,
                        GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), FALSE);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  stmt = budg_database_prepare (self->database, "DELETE FROM rules WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  if (sqlite3_changes (budg_database_get_handle (self->database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no rule %lld. List the rules to see their numbers."), (long long) id);
      goto failed;
    }

  budg_database_emit_changed (self->database, "rules");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

/**
 * budg_rule_store_reorder:
 * @ids: (array length=n_ids): every rule's id, once, in the new order
 *
 * Returns: whether the order was saved, with @error set when not (also
 *   when @ids leaves a rule out or names one twice)
 */
gboolean
budg_rule_store_reorder (BudgRuleStore  *self,
                         const gint64   *ids,
                         guint           n_ids,
                         GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) rules = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  if (!(rules = read_rules (self, 0, error)))
    goto failed;

  for (guint i = 0; i < rules->len; i++)
    {
      BudgRule *rule = g_ptr_array_index (rules, i);

      g_hash_table_add (seen, &rule->id);
    }

  /* Every rule exactly once: a partial order would leave the others'
   * priorities colliding with the new ones. */
  for (guint i = 0; i < n_ids; i++)
    {
      if (!g_hash_table_remove (seen, &ids[i]))
        break;
    }
  if (n_ids != rules->len || g_hash_table_size (seen) != 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The new order must name every rule once. Reload the rules and try again."));
      goto failed;
    }

  stmt = budg_database_prepare (self->database, "UPDATE rules SET priority = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  for (guint i = 0; i < n_ids; i++)
    {
      sqlite3_bind_int64 (stmt, 1, ids[i]);
      sqlite3_bind_int (stmt, 2, (int) i + 1);
      if (!budg_database_step_done (self->database, stmt, error))
        goto failed;
    }

  budg_database_emit_changed (self->database, "rules");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

/**
 * budg_rule_store_compile:
 * @only_rule_id: a rule id, or 0 for every enabled rule
 *
 * A single rule is compiled even when it is disabled: previewing a rule
 * before turning it on is what the preview is for.
 *
 * Returns: (transfer full): the compiled rules, or %NULL with @error set
 */
BudgRuleSet *
budg_rule_store_compile (BudgRuleStore  *self,
                         gint64          only_rule_id,
                         GError        **error)
{
  g_autoptr(GPtrArray) rules = NULL;

  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), NULL);

  if (only_rule_id != 0)
    {
      BudgRule *rule = budg_rule_store_get (self, only_rule_id, error);

      if (rule == NULL)
        return NULL;
      rule->enabled = TRUE;
      rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
      g_ptr_array_add (rules, rule);
    }
  else if (!(rules = read_rules (self, 0, error)))
    return NULL;

  return budg_rule_set_new (rules, error);
}

static GHashTable *
read_category_paths (BudgRuleStore  *self,
                     GError        **error)
{
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = budg_database_prepare (self->database, CATEGORY_PATHS, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (paths, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the categories"));
      return NULL;
    }

  return g_steal_pointer (&paths);
}

/* What a change needs to be written besides what BudgRuleChange says. */
typedef struct
{
  gint64   payee_id;
  gint64   new_category_id;
  gboolean payee_changed;
} ChangeIds;

static gboolean
write_changes (BudgRuleStore  *self,
               GPtrArray      *changes,
               GArray         *ids,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GHashTable) payee_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  gboolean any_payee = FALSE;

  for (guint i = 0; i < changes->len; i++)
    {
      const BudgRuleChange *change = g_ptr_array_index (changes, i);
      const ChangeIds *row = &g_array_index (ids, ChangeIds, i);
      gint64 payee_id = row->payee_id;
      sqlite3_stmt *stmt;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (row->payee_changed)
        {
          gint64 *known = g_hash_table_lookup (payee_ids, change->new_payee);

          if (known != NULL)
            payee_id = *known;
          else
            {
              if (!budg_payees_ensure (self->database, change->new_payee, &payee_id, error))
                return FALSE;
              g_hash_table_insert (payee_ids, g_strdup (change->new_payee),
                                   g_memdup2 (&payee_id, sizeof payee_id));
            }
          any_payee = TRUE;
        }

      stmt = budg_database_prepare (self->database,
                                    "UPDATE transactions SET payee_id = ?2, category_id = ?3, memo = ?4, status = ?5"
                                    " WHERE id = ?1",
                                    error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, change->transaction_id);
      if (payee_id != 0)
        sqlite3_bind_int64 (stmt, 2, payee_id);
      if (row->new_category_id != 0)
        sqlite3_bind_int64 (stmt, 3, row->new_category_id);
      bind_optional_text (stmt, 4, change->new_memo);
      sqlite3_bind_text (stmt, 5, budg_transaction_status_to_string (change->new_status), -1, SQLITE_STATIC);
      if (!budg_database_step_done (self->database, stmt, error))
        return FALSE;
    }

  if (changes->len > 0)
    budg_database_emit_changed (self->database, "transactions");
  if (any_payee)
    budg_database_emit_changed (self->database, "payees");

  return TRUE;
}

/* Whether two payee names are one payee row: the payees table compares
 * names with SQLite's NOCASE, which folds ASCII only. */
static gboolean
same_payee (const char *a,
            const char *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_ascii_strcasecmp (a, b) == 0;
}

static GPtrArray *run_rules (BudgRuleStore   *self,
                             gint64           only_rule_id,
                             const BudgRule  *draft,
                             gint64           account_id,
                             gboolean         apply,
                             GCancellable    *cancellable,
                             GError         **error);

/**
 * budg_rule_store_preview:
 * @draft: a rule as the form holds it, stored or not
 * @account_id: one account, or 0 for all
 *
 * What @draft alone would change in the stored transactions, without
 * changing anything: the rule form's preview while it is being edited.
 *
 * Returns: (transfer container) (element-type BudgRuleChange): the changes,
 *   in date order, or %NULL with @error set (an invalid draft)
 */
GPtrArray *
budg_rule_store_preview (BudgRuleStore   *self,
                         const BudgRule  *draft,
                         gint64           account_id,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  return run_rules (self, 0, draft, account_id, FALSE, cancellable, error);
}

/**
 * budg_rule_store_run:
 * @only_rule_id: one rule (enabled or not), or 0 for the enabled rules
 * @account_id: one account, or 0 for all
 * @apply: whether to make the changes, or only list them
 *
 * Runs the rules over the stored transactions. A split or transfer keeps
 * its category (the parts or the other side carry the meaning), though a
 * rule may still rename its payee, set its memo or status. A reconciled
 * transaction keeps its status: un-reconciling is for the user to do. The
 * payee conditions look at the bank's own text (imported_payee) when there
 * is one. Cancelling leaves the database as it was.
 *
 * Returns: (transfer container) (element-type BudgRuleChange): the changes,
 *   in date order, or %NULL with @error set
 */
GPtrArray *
budg_rule_store_run (BudgRuleStore  *self,
                     gint64          only_rule_id,
                     gint64          account_id,
                     gboolean        apply,
                     GCancellable   *cancellable,
                     GError        **error)
{
  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return run_rules (self, only_rule_id, NULL, account_id, apply, cancellable, error);
}

/* The rules (or one stored rule, or a draft) over the transactions. */
static GPtrArray *
run_rules (BudgRuleStore   *self,
           gint64           only_rule_id,
           const BudgRule  *draft,
           gint64           account_id,
           gboolean         apply,
           GCancellable    *cancellable,
           GError         **error)
{
  g_autoptr(GPtrArray) changes = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_change_free);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (ChangeIds));
  g_autoptr(BudgRuleSet) set = NULL;
  g_autoptr(GHashTable) paths = NULL;
  sqlite3_stmt *stmt;
  int rc;

  /* Reading inside the write transaction keeps what is written exactly
   * what was previewed from. */
  if (apply && !budg_database_begin (self->database, error))
    return NULL;

  if (draft != NULL)
    {
      g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
      BudgRule *copy = budg_rule_copy (draft);

      copy->enabled = TRUE;
      g_ptr_array_add (rules, copy);
      if (!budg_rule_validate (copy, error) || !(set = budg_rule_set_new (rules, error)))
        goto failed;
    }
  else if (!(set = budg_rule_store_compile (self, only_rule_id, error)))
    goto failed;

  if (!(paths = read_category_paths (self, error)) ||
      !(paths = read_category_paths (self, error)))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "SELECT t.id, t.account_id, t.date, t.amount_minor, a.currency,"
                                "       ifnull(t.payee_id, 0), p.name, t.imported_payee, t.memo, t.status,"
                                "       ifnull(t.category_id, 0),"
                                "       t.transfer_id IS NOT NULL"
                                "         OR EXISTS (SELECT 1 FROM splits s WHERE s.transaction_id = t.id)"
                                " FROM transactions t"
                                " JOIN accounts a ON a.id = t.account_id"
                                " LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE ?1 = 0 OR t.account_id = ?1"
                                " ORDER BY t.date, t.id",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *payee = (const char *) sqlite3_column_text (stmt, 6);
      const char *imported = (const char *) sqlite3_column_text (stmt, 7);
      const char *memo = (const char *) sqlite3_column_text (stmt, 8);
      BudgTransactionStatus status = BUDG_TRANSACTION_STATUS_PENDING;
      BudgRuleSubject subject = { 0 };
      gint64 category_id = sqlite3_column_int64 (stmt, 10);
      gboolean keeps_category = sqlite3_column_int (stmt, 11) != 0;
      ChangeIds row = { 0 };
      BudgRuleChange *change;
      const char *new_payee = payee;
      const char *new_memo = memo;
      BudgTransactionStatus new_status;
      gint64 new_category_id = category_id;

      if (g_cancellable_is_cancelled (cancellable))
        break;

      budg_transaction_status_from_string ((const char *) sqlite3_column_text (stmt, 9), &status);
      new_status = status;

      subject.account_id = sqlite3_column_int64 (stmt, 1);
      subject.amount_minor = sqlite3_column_int64 (stmt, 3);
      subject.payee = imported != NULL ? imported : payee;
      subject.memo = memo;

      if (!budg_rule_set_apply (set, &subject))
        continue;

      if (subject.category_id != 0 && !keeps_category && g_hash_table_contains (paths, &subject.category_id))
        new_category_id = subject.category_id;
      if (subject.payee_out != NULL)
        row.payee_changed = !same_payee (payee, subject.payee_out);
      if (row.payee_changed)
        new_payee = subject.payee_out;
      if (subject.memo_out != NULL)
        new_memo = subject.memo_out[0] != '\0' ? subject.memo_out : NULL;
      if (subject.has_status && status != BUDG_TRANSACTION_STATUS_RECONCILED)
        new_status = subject.status;

      if (new_category_id == category_id && !row.payee_changed && g_strcmp0 (new_memo, memo) == 0 &&
          new_status == status)
        continue;

      change = g_new0 (BudgRuleChange, 1);
      change->transaction_id = sqlite3_column_int64 (stmt, 0);
      change->rule_id = subject.rule_id;
      change->date = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      change->amount_minor = subject.amount_minor;
      change->currency = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      change->payee = g_strdup (payee);
      change->new_payee = g_strdup (new_payee);
      change->category_path = g_strdup (g_hash_table_lookup (paths, &category_id));
      change->new_category_path = g_strdup (g_hash_table_lookup (paths, &new_category_id));
      change->memo = g_strdup (memo);
      change->new_memo = g_strdup (new_memo);
      change->status = status;
      change->new_status = new_status;
      g_ptr_array_add (changes, change);

      row.payee_id = sqlite3_column_int64 (stmt, 5);
      row.new_category_id = new_category_id;
      g_array_append_val (ids, row);
    }
  sqlite3_reset (stmt);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transactions"));
      goto failed;
    }

  if (apply)
    {
      if (!write_changes (self, changes, ids, cancellable, error) ||
          !budg_database_commit (self->database, error))
        goto failed;
    }

  return g_steal_pointer (&changes);

failed:
  if (apply)
    budg_database_rollback (self->database);
  return NULL;
}

/**
 * budg_rule_store_suggest:
 * @transaction_id: a transaction whose category the user just changed
 * @out_n_others: (out) (optional): how many other transactions the rule
 *   would re-categorize
 *
 * The offered rule is "payee is X → category Y", where X is the text the
 * rules see for this transaction (the bank's own text when it has one). It
 * is offered when at least one other transaction (not a split or transfer)
 * with that payee has another category, and when no existing rule already
 * sets a category for this transaction: a new rule goes last, so it could
 * never win over such a rule (editing that rule is the better offer).
 *
 * Returns: (transfer full) (nullable): an unsaved rule, or %NULL (with
 *   @error set only when the database failed or the transaction does not
 *   exist)
 */
BudgRule *
budg_rule_store_suggest (BudgRuleStore  *self,
                         gint64          transaction_id,
                         guint          *out_n_others,
                         GError        **error)
{
  g_autoptr(BudgRuleSet) existing = NULL;
  g_autoptr(BudgRuleSet) offered = NULL;
  g_autoptr(BudgRule) rule = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autofree char *text = NULL;
  g_autofree char *category_path = NULL;
  BudgRuleSubject subject = { 0 };
  sqlite3_stmt *stmt;
  gint64 payee_id;
  gint64 category_id;
  guint n_others = 0;
  int rc;

  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), NULL);

  if (out_n_others != NULL)
    *out_n_others = 0;

  stmt = budg_database_prepare (self->database,
                                "SELECT t.account_id, t.amount_minor, coalesce(t.imported_payee, p.name), t.memo,"
                                "       ifnull(t.payee_id, 0), ifnull(t.category_id, 0),"
                                "       CASE WHEN pc.id IS NULL THEN c.name ELSE pc.name || ':' || c.name END"
                                " FROM transactions t"
                                " LEFT JOIN payees p ON p.id = t.payee_id"
                                " LEFT JOIN categories c ON c.id = t.category_id"
                                " LEFT JOIN categories pc ON pc.id = c.parent_id"
                                " WHERE t.id = ?1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, transaction_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      subject.account_id = sqlite3_column_int64 (stmt, 0);
      subject.amount_minor = sqlite3_column_int64 (stmt, 1);
      text = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      payee_id = sqlite3_column_int64 (stmt, 4);
      category_id = sqlite3_column_int64 (stmt, 5);
      category_path = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no transaction %lld."), (long long) transaction_id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      budg_database_set_error (self->database, error, _("reading the transactions"));
      return NULL;
    }

  if (text != NULL)
    g_strstrip (text);
  if (text == NULL || text[0] == '\0' || category_id == 0)
    return NULL;

  if (!(existing = budg_rule_store_compile (self, 0, error)))
    return NULL;
  subject.payee = text;
  if (budg_rule_set_apply (existing, &subject) && subject.category_id != 0)
    return NULL;

  rule = budg_rule_new ();
  rule->name = g_strdup_printf (_("%s → %s"), text, category_path);
  rule->payee_op = BUDG_RULE_TEXT_IS;
  rule->payee_value = g_strdup (text);
  rule->set_category_id = category_id;

  one = g_ptr_array_new ();
  g_ptr_array_add (one, rule);
  if (!(offered = budg_rule_set_new (one, error)))
    return NULL;

  /* Candidates in SQL (same payee row, or the same bank text up to ASCII
   * case), the exact answer from the matcher itself. */
  stmt = budg_database_prepare (self->database,
                                "SELECT t.account_id, t.amount_minor, coalesce(t.imported_payee, p.name), t.memo"
                                " FROM transactions t LEFT JOIN payees p ON p.id = t.payee_id"
                                " WHERE t.id <> ?1 AND t.transfer_id IS NULL"
                                "   AND ifnull(t.category_id, 0) <> ?2"
                                "   AND (t.payee_id = ?3 OR trim(t.imported_payee) = ?4 COLLATE NOCASE)"
                                "   AND NOT EXISTS (SELECT 1 FROM splits s WHERE s.transaction_id = t.id)",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, transaction_id);
  sqlite3_bind_int64 (stmt, 2, category_id);
  sqlite3_bind_int64 (stmt, 3, payee_id);
  sqlite3_bind_text (stmt, 4, text, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgRuleSubject other = { 0 };

      other.account_id = sqlite3_column_int64 (stmt, 0);
      other.amount_minor = sqlite3_column_int64 (stmt, 1);
      other.payee = (const char *) sqlite3_column_text (stmt, 2);
      other.memo = (const char *) sqlite3_column_text (stmt, 3);
      if (budg_rule_set_apply (offered, &other))
        n_others++;
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the transactions"));
      return NULL;
    }

  if (n_others == 0)
    return NULL;

  if (out_n_others != NULL)
    *out_n_others = n_others;

  return g_steal_pointer (&rule);
}

typedef struct
{
  char   *database_path;
  gint64  only_rule_id;
  gint64  account_id;
} ApplyJob;

static void
apply_job_free (ApplyJob *job)
{
  g_free (job->database_path);
  g_free (job);
}

static void
apply_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  ApplyJob *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  g_autoptr(BudgRuleStore) store = NULL;
  GPtrArray *changes;
  GError *error = NULL;

  database = budg_database_open (job->database_path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  store = budg_rule_store_new (database);
  changes = budg_rule_store_run (store, job->only_rule_id, job->account_id, TRUE, cancellable, &error);
  if (changes == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, changes, (GDestroyNotify) g_ptr_array_unref);
}

static void
apply_done_cb (GObject      *source_object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  BudgRuleStore *self = BUDG_RULE_STORE (source_object);
  GPtrArray *changes;
  GError *error = NULL;

  changes = g_task_propagate_pointer (G_TASK (result), &error);
  if (changes == NULL)
    {
      g_task_return_error (outer, error);
      return;
    }

  /* The worker wrote on its own connection: this one's readers reload. */
  if (changes->len > 0)
    budg_database_emit_changed (self->database, "*");

  g_task_return_pointer (outer, changes, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * budg_rule_store_apply_async:
 * @only_rule_id: one rule, or 0 for the enabled rules
 * @account_id: one account, or 0 for all
 * @cancellable: (nullable): cancelling leaves the database as it was
 * @callback: called on the calling thread's main context
 * @user_data: for @callback
 *
 * Applies the rules to the stored transactions in a worker thread.
 */
void
budg_rule_store_apply_async (BudgRuleStore       *self,
                             gint64               only_rule_id,
                             gint64               account_id,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  ApplyJob *job;

  g_return_if_fail (BUDG_IS_RULE_STORE (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, budg_rule_store_apply_async);

  job = g_new0 (ApplyJob, 1);
  job->database_path = g_strdup (budg_database_get_path (self->database));
  job->only_rule_id = only_rule_id;
  job->account_id = account_id;

  inner = g_task_new (self, cancellable, apply_done_cb, outer);
  g_task_set_task_data (inner, job, (GDestroyNotify) apply_job_free);
  g_task_run_in_thread (inner, apply_thread);
}

/**
 * budg_rule_store_apply_finish:
 * @result: the task
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type BudgRuleChange): the changes
 *   made, or %NULL with @error set (nothing changed then)
 */
GPtrArray *
budg_rule_store_apply_finish (BudgRuleStore  *self,
                              GAsyncResult   *result,
                              GError        **error)
{
  g_return_val_if_fail (BUDG_IS_RULE_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
