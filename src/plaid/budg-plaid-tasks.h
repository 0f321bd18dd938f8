/* budg-plaid-tasks.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"
#include "budg-plaid-client.h"
#include "budg-plaid-sync.h"

G_BEGIN_DECLS

/* The bank connections' work for the app, each step in a worker thread
 * with a SQLite connection of its own to the database at @path (SQLite
 * connections stay in the thread that opened them). The keyring and the
 * network are only touched from those threads, so the window never waits
 * for either. */

/**
 * BudgPlaidLinked:
 * @environment: where the item lives
 * @item_id: the new item
 * @institution_name: (nullable): the bank's name
 * @accounts: (element-type BudgPlaidAccount): its accounts, with currencies
 *
 * A bank the user linked in the browser, waiting for its accounts to be
 * mapped. Its access token stays inside (freed with it), never shown.
 */
typedef struct _BudgPlaidLinked BudgPlaidLinked;

struct _BudgPlaidLinked
{
  BudgPlaidEnvironment  environment;
  char                 *item_id;
  char                 *institution_name;
  GPtrArray            *accounts;
  /*< private >*/
  char                 *access_token;
};

void                budg_plaid_linked_free          (BudgPlaidLinked      *linked);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidLinked, budg_plaid_linked_free)

/* Whether keys are stored for @environment (FALSE when none, or with
 * @error when the keyring cannot be read). */
void                budg_plaid_load_keys_async      (BudgPlaidEnvironment   environment,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
/* The stored client id (the secret is never handed back), or NULL with
 * BUDG_ERROR_NOT_FOUND. */
char               *budg_plaid_load_keys_finish     (GAsyncResult          *result,
                                                     GError               **error);
void                budg_plaid_save_keys_async      (BudgPlaidEnvironment   environment,
                                                     const char            *client_id,
                                                     const char            *secret,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean            budg_plaid_save_keys_finish     (GAsyncResult          *result,
                                                     GError               **error);

/* Creates the link token (for a new bank, or for @item_id's update mode
 * when it is set) and returns its Hosted Link address. */
void                budg_plaid_link_start_async     (const char            *path,
                                                     BudgPlaidEnvironment   environment,
                                                     const char            *item_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
BudgPlaidLinkToken *budg_plaid_link_start_finish    (GAsyncResult          *result,
                                                     GError               **error);
/* Polls the session every @interval_ms until it ends, then (for a new
 * bank) exchanges the public token and fetches the accounts. An update
 * mode session gives back no BudgPlaidLinked: NULL without an error.
 * Setting *@poll_now (atomically) polls at once, as when the browser
 * comes back through Budg's URI scheme. */
void                budg_plaid_link_wait_async      (BudgPlaidEnvironment   environment,
                                                     const char            *link_token,
                                                     const char            *expiration,
                                                     gboolean               update_mode,
                                                     guint                  interval_ms,
                                                     volatile gint         *poll_now,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
BudgPlaidLinked    *budg_plaid_link_wait_finish     (GAsyncResult          *result,
                                                     GError               **error);
/* Stores the token, records the item with @mapping (Plaid account id →
 * Budg account id as text; unmapped ones become new accounts) and runs
 * the first sync. Takes @linked. */
void                budg_plaid_link_complete_async  (const char            *path,
                                                     BudgPlaidLinked       *linked,
                                                     GHashTable            *mapping,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean            budg_plaid_link_complete_finish (GAsyncResult          *result,
                                                     BudgPlaidSyncSummary  *out_summary,
                                                     GError               **error);

/* Syncs @item_id, or every connection when NULL; the summary adds them
 * up. The error is the first connection's that failed (the others still
 * sync). */
void                budg_plaid_sync_async           (const char            *path,
                                                     const char            *item_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean            budg_plaid_sync_finish          (GAsyncResult          *result,
                                                     BudgPlaidSyncSummary  *out_summary,
                                                     GError               **error);
/* Ends the item at Plaid, deletes its token and forgets it (blocking). */
gboolean            budg_plaid_unlink               (BudgDatabase          *database,
                                                     const char            *item_id,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
/* budg_plaid_unlink() in a worker thread. */
void                budg_plaid_unlink_async         (const char            *path,
                                                     const char            *item_id,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
gboolean            budg_plaid_unlink_finish        (GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
