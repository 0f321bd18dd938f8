/* budg-plaid-sync.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"
#include "budg-plaid-client.h"

G_BEGIN_DECLS

/**
 * BudgPlaidSyncOptions:
 * @page_size: transactions per /transactions/sync page (1–500)
 * @max_attempts: tries per request when Plaid or the network says "later"
 *   (429, 5xx, the institution down, a transport error)
 * @retry_delay_ms: the wait before the first retry, doubled each time
 * @max_restarts: how often a sync starts over when Plaid's data changed
 *   while it paged (TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION)
 */
typedef struct
{
  guint page_size;
  guint max_attempts;
  guint retry_delay_ms;
  guint max_restarts;
} BudgPlaidSyncOptions;

void budg_plaid_sync_options_init (BudgPlaidSyncOptions *options);

/**
 * BudgPlaidSyncSummary:
 * @added: transactions new to Budg (including those linked to one the
 *   user had entered)
 * @modified: transactions changed in place (also a pending one replaced by
 *   its posted version)
 * @removed: transactions deleted because the bank no longer has them
 * @duplicates: rows Budg already had, or left out as possible duplicates
 *   of an imported statement's rows
 * @pages: pages read in the loop that succeeded
 * @restarts: how often the loop started over
 * @retries: requests tried again
 * @balances: balance snapshots written
 */
typedef struct
{
  guint added;
  guint modified;
  guint removed;
  guint duplicates;
  guint pages;
  guint restarts;
  guint retries;
  guint balances;
} BudgPlaidSyncSummary;

/* Brings one connection up to date: pages through /transactions/sync from
 * the stored cursor, staging each page in a temporary table (so memory
 * does not grow with the number of pages), reads the balances, then
 * writes everything and the new cursor in one database transaction. On a
 * failure nothing of the sync is written; the connection is marked as
 * needing the user (a new login) or as failed, with the reason. Blocks:
 * call it from a worker thread or the CLI. */
gboolean budg_plaid_sync_item (BudgDatabase                *database,
                               BudgPlaidClient             *client,
                               const char                  *item_id,
                               const char                  *access_token,
                               const BudgPlaidSyncOptions  *options,
                               GCancellable                *cancellable,
                               BudgPlaidSyncSummary        *out_summary,
                               GError                     **error);

/* The Budg category a Plaid personal finance category goes to when no
 * rule says otherwise ("FOOD_AND_DRINK" → "Food & Drink"), or NULL. */
const char *budg_plaid_category_for (const char *primary);

G_END_DECLS
