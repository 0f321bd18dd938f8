/* budg-checkpoints.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/* Running balances from stored checkpoints: per-account totals per day and
 * per month, kept current by triggers on the transactions table (see
 * migration 4). Bulk loaders may drop the triggers, load, then rebuild.
 */
const char *budg_checkpoints_get_triggers_sql      (void);
const char *budg_checkpoints_get_drop_triggers_sql (void);
gboolean    budg_checkpoints_rebuild               (BudgDatabase  *database,
                                                    GError       **error);
gboolean    budg_checkpoints_balance_after         (BudgDatabase  *database,
                                                    gint64         account_id,
                                                    const char    *date,
                                                    gint64         transaction_id,
                                                    gint64        *out_balance,
                                                    GError       **error);

G_END_DECLS
