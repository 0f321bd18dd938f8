/* budg-bank-link-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"
#include "budg-plaid-client.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BANK_LINK_DIALOG (budg_bank_link_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgBankLinkDialog, budg_bank_link_dialog, BUDG, BANK_LINK_DIALOG, AdwWindow)

/* "Connecting to your bank…": opens Plaid's Hosted Link page in the
 * browser and follows the session (with Cancel), then lets the user map
 * each of the bank's accounts to a new or an existing Budg account, and
 * runs the first sync. With @item_id, the same for a new login at a bank
 * already linked (update mode): no mapping then. */
GtkWidget *budg_bank_link_dialog_new      (BudgContext          *context,
                                           BudgPlaidEnvironment  environment,
                                           const char           *item_id) G_GNUC_WARN_UNUSED_RESULT;
/* Asks Plaid at once instead of at the next poll: the browser came back
 * through Budg's URI scheme. */
void       budg_bank_link_dialog_poll_now (BudgBankLinkDialog   *self);

G_END_DECLS
