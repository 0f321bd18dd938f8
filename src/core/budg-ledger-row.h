/* budg-ledger-row.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-balance-snapshot.h"
#include "budg-due-bill.h"

G_BEGIN_DECLS

#define BUDG_TYPE_LEDGER_ROW (budg_ledger_row_get_type ())

G_DECLARE_FINAL_TYPE (BudgLedgerRow, budg_ledger_row, BUDG, LEDGER_ROW, GObject)

typedef enum
{
  BUDG_LEDGER_ROW_DUE_BILL,
  BUDG_LEDGER_ROW_SNAPSHOT,
} BudgLedgerRowKind;

/* One row of the due-bill ledger: a due bill or a balance snapshot, with the
 * projected balance of its account after it. Read-only properties: "kind",
 * "due-bill" (nullable), "snapshot" (nullable), "date", "account-id",
 * "currency", "balance-minor", "is-low" (the balance is below zero or below
 * the account's warning threshold).
 */
BudgLedgerRow       *budg_ledger_row_new_for_due_bill (BudgDueBill         *due,
                                                       gint64               balance_minor,
                                                       gboolean             is_low) G_GNUC_WARN_UNUSED_RESULT;
BudgLedgerRow       *budg_ledger_row_new_for_snapshot (BudgBalanceSnapshot *snapshot,
                                                       gint64               balance_minor,
                                                       gboolean             is_low) G_GNUC_WARN_UNUSED_RESULT;
BudgLedgerRowKind    budg_ledger_row_get_kind         (BudgLedgerRow       *self);
BudgDueBill         *budg_ledger_row_get_due_bill     (BudgLedgerRow       *self);
BudgBalanceSnapshot *budg_ledger_row_get_snapshot     (BudgLedgerRow       *self);
const char          *budg_ledger_row_get_date         (BudgLedgerRow       *self);
gint64               budg_ledger_row_get_account_id   (BudgLedgerRow       *self);
const char          *budg_ledger_row_get_currency     (BudgLedgerRow       *self);
gint64               budg_ledger_row_get_balance_minor (BudgLedgerRow      *self);
gboolean             budg_ledger_row_get_is_low       (BudgLedgerRow       *self);

G_END_DECLS
