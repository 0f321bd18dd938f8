/* budg-plaid-keyring.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-plaid-client.h"

G_BEGIN_DECLS

/* The Plaid secrets, in the user's keyring only (libsecret; the Secret
 * portal inside Flatpak): the user's client id and secret per environment,
 * and one access token per bank connection (Plaid item). Nothing of them
 * goes to SQLite, GSettings, logs or exports. A locked or missing keyring
 * is an error that says so and what to do; there is no fallback that
 * would store a secret anywhere else. Calls block: use them from a worker
 * thread or the CLI. */

gboolean budg_plaid_keyring_store_keys    (BudgPlaidEnvironment   environment,
                                           const char            *client_id,
                                           const char            *secret,
                                           GCancellable          *cancellable,
                                           GError               **error);
/* FALSE with BUDG_ERROR_NOT_FOUND when no keys were stored for @environment. */
gboolean budg_plaid_keyring_lookup_keys   (BudgPlaidEnvironment   environment,
                                           char                 **out_client_id,
                                           char                 **out_secret,
                                           GCancellable          *cancellable,
                                           GError               **error);
gboolean budg_plaid_keyring_store_token   (BudgPlaidEnvironment   environment,
                                           const char            *item_id,
                                           const char            *access_token,
                                           GCancellable          *cancellable,
                                           GError               **error);
/* NULL with BUDG_ERROR_NOT_FOUND when the item has no stored token. */
char    *budg_plaid_keyring_lookup_token  (BudgPlaidEnvironment   environment,
                                           const char            *item_id,
                                           GCancellable          *cancellable,
                                           GError               **error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE also when there was nothing to delete. */
gboolean budg_plaid_keyring_delete_token  (BudgPlaidEnvironment   environment,
                                           const char            *item_id,
                                           GCancellable          *cancellable,
                                           GError               **error);

/* A client with the user's keys for @environment, read from the keyring;
 * the secret does not outlive the call outside the client. */
BudgPlaidClient *budg_plaid_keyring_new_client (BudgPlaidEnvironment   environment,
                                                GCancellable          *cancellable,
                                                GError               **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
