/* budg-plaid-link.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-plaid-client.h"

G_BEGIN_DECLS

/* Linking a bank with Plaid's Hosted Link, with no server and no webhook:
 * a link token whose page the user opens in the browser, /link/token/get
 * polled until the session finished, the public token exchanged for the
 * item's access token. Also the calls around an item's life: its accounts
 * and its removal. All block; call them from a worker thread or the CLI. */

/* The address Plaid sends the browser to at the end of a session, on
 * Budg's own scheme (registered in the desktop file): the app raises its
 * window and polls at once. Plaid opens it on success and on exit alike. */
#define BUDG_PLAID_COMPLETION_URI "budg://plaid/link-complete"

/* Whether @uri is that address, whatever query Plaid adds to it. */
gboolean             budg_plaid_link_is_completion_uri (const char *uri);

/* @access_token: (nullable): an item's token for update mode (a new login
 * at the bank), or NULL to link a new bank. */
BudgPlaidLinkToken  *budg_plaid_link_create_token (BudgPlaidClient  *client,
                                                   const char       *access_token,
                                                   GCancellable     *cancellable,
                                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
BudgPlaidLinkStatus *budg_plaid_link_get_status   (BudgPlaidClient  *client,
                                                   const char       *link_token,
                                                   GCancellable     *cancellable,
                                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean             budg_plaid_link_exchange     (BudgPlaidClient  *client,
                                                   const char       *public_token,
                                                   char            **out_item_id,
                                                   char            **out_access_token,
                                                   GCancellable     *cancellable,
                                                   GError          **error);
/* element-type BudgPlaidAccount, with balances and currencies */
GPtrArray           *budg_plaid_fetch_accounts    (BudgPlaidClient  *client,
                                                   const char       *access_token,
                                                   GCancellable     *cancellable,
                                                   GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Ends the item at Plaid (and its billing). An item Plaid no longer knows
 * counts as removed. */
gboolean             budg_plaid_remove_item       (BudgPlaidClient  *client,
                                                   const char       *access_token,
                                                   GCancellable     *cancellable,
                                                   GError          **error);

/* What Link is asked for, from the user's locale: the language of its
 * pages and the country of the banks it lists. */
const char          *budg_plaid_link_language     (void);
const char          *budg_plaid_link_country      (void);

G_END_DECLS
