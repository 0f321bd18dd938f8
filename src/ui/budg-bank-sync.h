/* budg-bank-sync.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BANK_SYNC (budg_bank_sync_get_type ())

G_DECLARE_FINAL_TYPE (BudgBankSync, budg_bank_sync, BUDG, BANK_SYNC, GObject)

/* Keeps the bank connections synced while the window is open: once soon
 * after start-up, every "bank-sync-interval" minutes, and on Refresh. The
 * work runs in a worker thread; "finished" says how it went (a message
 * only when something went wrong or came in). With no connection it does
 * nothing, and touches neither the keyring nor the network. */
BudgBankSync *budg_bank_sync_new       (BudgContext  *context) G_GNUC_WARN_UNUSED_RESULT;
/* Syncs now, unless a sync is already running; FALSE when there is no
 * connection to sync. */
gboolean      budg_bank_sync_run       (BudgBankSync *self);
gboolean      budg_bank_sync_is_running (BudgBankSync *self);

G_END_DECLS
