/* budg-plaid-store.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"
#include "budg-plaid-client.h"

G_BEGIN_DECLS

/* The bank connections as the database keeps them: each Plaid item with
 * its sync cursor and health, and which Budg account each of the bank's
 * accounts feeds. No secret is stored here: the access token of an item
 * is in the keyring under its id and environment. */

typedef enum
{
  BUDG_PLAID_ITEM_OK,
  BUDG_PLAID_ITEM_NEEDS_LOGIN,
  BUDG_PLAID_ITEM_ERROR,
} BudgPlaidItemState;

const char *budg_plaid_item_state_to_string (BudgPlaidItemState state);

/**
 * BudgPlaidItem:
 * @item_id: Plaid's id of the connection
 * @environment: where it lives
 * @institution_name: (nullable): the bank's name
 * @cursor: where the next sync starts ("" before the first)
 * @state: whether it works or needs the user
 * @last_sync_at: (nullable): when a sync last succeeded (UTC, ISO 8601)
 * @last_error: (nullable): what went wrong last, in words for the user
 */
typedef struct
{
  char                 *item_id;
  BudgPlaidEnvironment  environment;
  char                 *institution_name;
  char                 *cursor;
  BudgPlaidItemState    state;
  char                 *last_sync_at;
  char                 *last_error;
} BudgPlaidItem;

/**
 * BudgPlaidAccountLink:
 * @plaid_account_id: the bank's account, as Plaid names it
 * @account_id: the Budg account it feeds, 0 when none
 * @name: the bank's name for it
 * @mask: (nullable): the last digits of its number
 */
typedef struct
{
  char   *plaid_account_id;
  gint64  account_id;
  char   *name;
  char   *mask;
} BudgPlaidAccountLink;

void           budg_plaid_item_free          (BudgPlaidItem        *item);
void           budg_plaid_account_link_free  (BudgPlaidAccountLink *link);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgPlaidItem, budg_plaid_item_free)

/* element-type BudgPlaidItem, oldest first */
GPtrArray     *budg_plaid_store_list_items   (BudgDatabase         *database,
                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* NULL with BUDG_ERROR_NOT_FOUND when there is no such item. */
BudgPlaidItem *budg_plaid_store_get_item     (BudgDatabase         *database,
                                              const char           *item_id,
                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* element-type BudgPlaidAccountLink */
GPtrArray     *budg_plaid_store_list_links   (BudgDatabase         *database,
                                              const char           *item_id,
                                              GError              **error) G_GNUC_WARN_UNUSED_RESULT;
/* Records a new connection and its accounts, in one transaction. @accounts
 * (element-type BudgPlaidAccount) are the bank's; @mapping maps a Plaid
 * account id to a Budg account id (as a string, "12"); an account it does
 * not map becomes a new Budg account named after the bank and the
 * account. */
gboolean       budg_plaid_store_add_item     (BudgDatabase         *database,
                                              const char           *item_id,
                                              BudgPlaidEnvironment  environment,
                                              const char           *institution_name,
                                              GPtrArray            *accounts,
                                              GHashTable           *mapping,
                                              GError              **error);
gboolean       budg_plaid_store_set_state    (BudgDatabase         *database,
                                              const char           *item_id,
                                              BudgPlaidItemState    state,
                                              const char           *message,
                                              GError              **error);
/* Forgets the connection; its Budg accounts and transactions stay. */
gboolean       budg_plaid_store_remove_item  (BudgDatabase         *database,
                                              const char           *item_id,
                                              GError              **error);

G_END_DECLS
