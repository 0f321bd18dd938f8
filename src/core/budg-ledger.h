/* budg-ledger.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"
#include "budg-due-store.h"
#include "budg-ledger-row.h"

G_BEGIN_DECLS

/* The lowest projected balance of one account over the ledger's range.
 * A balance is "low" below the account's warning threshold, and below zero
 * for every kind but credit cards and loans, whose balance is a debt and
 * normally negative. */
typedef struct
{
  gint64 account_id;
  char   currency[4];
  char     date[11];
  gint64   balance_minor;
  gboolean is_low;        /* below zero (where that is a warning) or the threshold */
} BudgLedgerLow;

/* The due-bill ledger for [@from, @to]: due bills and balance snapshots of
 * active accounts (or of @account_id), in date order, due bills by priority
 * within a day and a day's snapshots last (they are end-of-day balances),
 * each with its account's projected balance after it — the same arithmetic
 * as budg_forecast_compute(). The occurrences are materialized so that each
 * row can be acted on.
 *
 * Returns: (transfer full): a GPtrArray of BudgLedgerRow; @out_lows
 *   (nullable) receives a GArray of BudgLedgerLow, one per account */
GPtrArray *budg_ledger_build         (BudgDatabase  *database,
                                      BudgDueStore  *dues,
                                      gint64         account_id,
                                      const char    *from,
                                      const char    *to,
                                      GArray       **out_lows,
                                      GError       **error);
/* The range the ledger opens on: two weeks before and four weeks after the
 * next balance snapshot from @today on, or around @today when there is none. */
void       budg_ledger_default_range (BudgDatabase  *database,
                                      const char    *today,
                                      char         **out_from,
                                      char         **out_to);

G_END_DECLS
