/* budg-ledger-cell.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "budg-ledger-row.h"

G_BEGIN_DECLS

#define BUDG_TYPE_LEDGER_CELL (budg_ledger_cell_get_type ())

G_DECLARE_FINAL_TYPE (BudgLedgerCell, budg_ledger_cell, BUDG, LEDGER_CELL, GtkWidget)

/* The column a cell shows, the "column" property's values. */
#define BUDG_LEDGER_CELL_HANDLE   "handle"
#define BUDG_LEDGER_CELL_DATE     "date"
#define BUDG_LEDGER_CELL_NAME     "name"
#define BUDG_LEDGER_CELL_CATEGORY "category"
#define BUDG_LEDGER_CELL_ACCOUNT  "account"
#define BUDG_LEDGER_CELL_AMOUNT   "amount"
#define BUDG_LEDGER_CELL_STATUS   "status"
#define BUDG_LEDGER_CELL_BALANCE  "balance"

GtkWidget     *budg_ledger_cell_new        (const char     *column) G_GNUC_WARN_UNUSED_RESULT;
const char    *budg_ledger_cell_get_column (BudgLedgerCell *self);
BudgLedgerRow *budg_ledger_cell_get_row    (BudgLedgerCell *self);
void           budg_ledger_cell_set_row    (BudgLedgerCell *self,
                                            BudgLedgerRow  *row);

G_END_DECLS
