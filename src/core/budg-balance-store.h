/* budg-balance-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-balance-snapshot.h"
#include "budg-database.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BALANCE_STORE (budg_balance_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgBalanceStore, budg_balance_store, BUDG, BALANCE_STORE, GObject)

BudgBalanceStore    *budg_balance_store_new    (BudgDatabase      *database) G_GNUC_WARN_UNUSED_RESULT;
/* Records the balance of @account_id at the end of @date, replacing the
 * snapshot already recorded for that day, if any.
 *
 * Returns: (transfer full): the stored snapshot
 */
BudgBalanceSnapshot *budg_balance_store_set    (BudgBalanceStore  *self,
                                                gint64             account_id,
                                                const char        *date,
                                                gint64             amount_minor,
                                                const char        *note,
                                                GError           **error);
/* Snapshots of one account (or all when @account_id is 0), newest first.
 * Returns: (transfer container): an array of BudgBalanceSnapshot */
GPtrArray           *budg_balance_store_list   (BudgBalanceStore  *self,
                                                gint64             account_id,
                                                GError           **error);
/* What the transactions say the balance was at the end of the snapshot's
 * day, counting from the account's previous snapshot, to show the gap
 * between recorded and computed. @out_comparable is FALSE (and nothing
 * computed) for an account's first snapshot, which has nothing to count
 * from. */
gboolean             budg_balance_store_get_computed (BudgBalanceStore    *self,
                                                      BudgBalanceSnapshot *snapshot,
                                                      gboolean            *out_comparable,
                                                      gint64              *out_computed_minor,
                                                      GError             **error);
gboolean             budg_balance_store_delete (BudgBalanceStore  *self,
                                                gint64             id,
                                                GError           **error);

G_END_DECLS
