/* budg-bank-connections-window.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BANK_CONNECTIONS_WINDOW (budg_bank_connections_window_get_type ())

G_DECLARE_FINAL_TYPE (BudgBankConnectionsWindow, budg_bank_connections_window, BUDG, BANK_CONNECTIONS_WINDOW,
                      AdwWindow)

/* Bank connections: the user's own Plaid keys (into the keyring), the
 * linked banks with their last sync or error, and Link a Bank, Sync Now,
 * Log In Again and Unlink. */
GtkWidget *budg_bank_connections_window_new (BudgContext *context) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
