/* budg-rule-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-database.h"
#include "budg-rule.h"

G_BEGIN_DECLS

/**
 * BudgRuleChange:
 * @transaction_id: the transaction a rule would change
 * @rule_id: the last rule that matched it (the one whose action won)
 * @date: its date, ISO
 * @amount_minor: its amount
 * @currency: its account's currency
 * @payee: (nullable): the payee now
 * @new_payee: (nullable): the payee after the rules (the same when unchanged)
 * @category_path: (nullable): the category now, "Parent:Child"
 * @new_category_path: (nullable): the category after the rules
 * @memo: (nullable): the memo now
 * @new_memo: (nullable): the memo after the rules
 * @status: the status now
 * @new_status: the status after the rules
 *
 * What applying the rules would do to one existing transaction: a line of
 * the preview and of `rule apply --dry-run`. Only transactions that would
 * actually change are listed.
 */
typedef struct
{
  gint64                 transaction_id;
  gint64                 rule_id;
  char                  *date;
  gint64                 amount_minor;
  char                  *currency;
  char                  *payee;
  char                  *new_payee;
  char                  *category_path;
  char                  *new_category_path;
  char                  *memo;
  char                  *new_memo;
  BudgTransactionStatus  status;
  BudgTransactionStatus  new_status;
} BudgRuleChange;

void budg_rule_change_free (BudgRuleChange *change);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgRuleChange, budg_rule_change_free)

#define BUDG_TYPE_RULE_STORE (budg_rule_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgRuleStore, budg_rule_store, BUDG, RULE_STORE, GObject)

BudgRuleStore *budg_rule_store_new          (BudgDatabase   *database);

/* Every rule in priority order (enabled or not), element-type BudgRule. */
GPtrArray     *budg_rule_store_list         (BudgRuleStore  *self,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
BudgRule      *budg_rule_store_get          (BudgRuleStore  *self,
                                             gint64          id,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* Validates, stores and sets rule->id. A priority of 0 on a new rule puts
 * it after all the others. */
gboolean       budg_rule_store_add          (BudgRuleStore  *self,
                                             BudgRule       *rule,
                                             GError        **error);
gboolean       budg_rule_store_update       (BudgRuleStore  *self,
                                             const BudgRule *rule,
                                             GError        **error);
gboolean       budg_rule_store_delete       (BudgRuleStore  *self,
                                             gint64          id,
                                             GError        **error);
/* Renumbers the priorities to follow @ids (all the rules' ids), in one
 * transaction: what dragging a rule in the list does. */
gboolean       budg_rule_store_reorder      (BudgRuleStore  *self,
                                             const gint64   *ids,
                                             guint           n_ids,
                                             GError        **error);

/* The enabled rules compiled for matching, or only the rule @only_rule_id
 * when it is not 0 (for the preview of one rule). */
BudgRuleSet   *budg_rule_store_compile      (BudgRuleStore  *self,
                                             gint64          only_rule_id,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Runs the rules (or only @only_rule_id) over existing transactions (of
 * @account_id, or all when 0; split and transfer rows keep their category)
 * and returns the changes they would make, element-type BudgRuleChange, in
 * date order. With @apply, also makes them, in one transaction. */
GPtrArray     *budg_rule_store_run          (BudgRuleStore  *self,
                                             gint64          only_rule_id,
                                             gint64          account_id,
                                             gboolean        apply,
                                             GCancellable   *cancellable,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* budg_rule_store_run() with @apply in a worker thread on a connection of
 * its own to the same file, so that a large book never freezes a window;
 * the store's database emits "changed" on the calling thread before
 * @callback runs. */
void           budg_rule_store_apply_async  (BudgRuleStore       *self,
                                             gint64               only_rule_id,
                                             gint64               account_id,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray     *budg_rule_store_apply_finish (BudgRuleStore       *self,
                                             GAsyncResult        *result,
                                             GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* What @draft alone (stored or not, valid) would change, without changing
 * anything: the rule form's live preview. */
GPtrArray     *budg_rule_store_preview      (BudgRuleStore  *self,
                                             const BudgRule *draft,
                                             gint64          account_id,
                                             GCancellable   *cancellable,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* After the user changed a transaction's category: whether a rule could
 * keep doing it. Returns a rule to offer ("payee is X → category Y"),
 * unsaved, when other transactions with the same payee exist that have
 * another category and no rule already sets this payee's category;
 * otherwise %NULL. @out_n_others: how many transactions it would change. */
BudgRule      *budg_rule_store_suggest      (BudgRuleStore  *self,
                                             gint64          transaction_id,
                                             guint          *out_n_others,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
