/* budg-register-cell.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "budg-transaction.h"

G_BEGIN_DECLS

#define BUDG_TYPE_REGISTER_CELL (budg_register_cell_get_type ())

G_DECLARE_FINAL_TYPE (BudgRegisterCell, budg_register_cell, BUDG, REGISTER_CELL, GtkWidget)

/* One cell of the register. Properties: "column" (date, payee, category,
 * memo, amount, status, balance or account) and "transaction". */
GtkWidget       *budg_register_cell_new             (const char       *column);
BudgTransaction *budg_register_cell_get_transaction (BudgRegisterCell *self);
void             budg_register_cell_set_transaction (BudgRegisterCell *self,
                                                     BudgTransaction  *transaction);
const char      *budg_register_cell_get_text        (BudgRegisterCell *self);

/* The words the register shows for a row, shared with its accessible
 * labels and tests. */
char            *budg_register_describe_payee       (BudgTransaction  *transaction);
char            *budg_register_describe_category    (BudgTransaction  *transaction);
const char      *budg_register_describe_status      (BudgTransactionStatus status);

G_END_DECLS
