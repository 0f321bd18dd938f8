/* budg-account-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-account.h"
#include "budg-database.h"

G_BEGIN_DECLS

#define BUDG_TYPE_ACCOUNT_STORE (budg_account_store_get_type ())

G_DECLARE_FINAL_TYPE (BudgAccountStore, budg_account_store, BUDG, ACCOUNT_STORE, GObject)

/* A GListModel of every BudgAccount (archived ones included), ordered by
 * sort order then name, kept current: it reloads itself when the database
 * reports a change to accounts, transactions or balance snapshots.
 *
 * The balance of an account is its latest balance snapshot on or before today
 * plus the transactions dated after that snapshot and up to today; without a
 * snapshot it is the sum of its transactions up to today.
 *
 * lookup, find and create return accounts owned by the store (transfer none):
 * the object stays the same for the life of the store, so UI rows can keep
 * it; take a reference to keep it past a delete.
 */
BudgAccountStore *budg_account_store_new          (BudgDatabase      *database) G_GNUC_WARN_UNUSED_RESULT;
gboolean          budg_account_store_reload       (BudgAccountStore  *self,
                                                   GError           **error);
BudgAccount      *budg_account_store_lookup       (BudgAccountStore  *self,
                                                   gint64             id);
BudgAccount      *budg_account_store_find         (BudgAccountStore  *self,
                                                   const char        *id_or_name,
                                                   GError           **error);
BudgAccount      *budg_account_store_create       (BudgAccountStore  *self,
                                                   const char        *name,
                                                   BudgAccountKind    kind,
                                                   const char        *currency,
                                                   const char        *institution,
                                                   const char        *opening_date,
                                                   gint64             opening_balance_minor,
                                                   GError           **error);
gboolean          budg_account_store_update       (BudgAccountStore  *self,
                                                   BudgAccount       *account,
                                                   const char        *name,
                                                   BudgAccountKind    kind,
                                                   const char        *currency,
                                                   const char        *institution,
                                                   GError           **error);
gboolean          budg_account_store_set_archived (BudgAccountStore  *self,
                                                   BudgAccount       *account,
                                                   gboolean           archived,
                                                   GError           **error);
/* The ledger warns when the projected balance of @account drops below
 * @threshold_minor; %FALSE for @has_threshold removes the warning level. */
gboolean          budg_account_store_set_warning_threshold (BudgAccountStore *self,
                                                            BudgAccount      *account,
                                                            gboolean          has_threshold,
                                                            gint64            threshold_minor,
                                                            GError          **error);
gint64            budg_account_store_count_transactions (BudgAccountStore *self,
                                                         BudgAccount      *account);
gboolean          budg_account_store_delete       (BudgAccountStore  *self,
                                                   BudgAccount       *account,
                                                   GError           **error);
gboolean          budg_account_store_undelete     (BudgAccountStore  *self,
                                                   BudgAccount       *account,
                                                   GError           **error);

G_END_DECLS
