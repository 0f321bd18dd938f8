/* budg-amount-row.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUDG_TYPE_AMOUNT_ROW (budg_amount_row_get_type ())

G_DECLARE_FINAL_TYPE (BudgAmountRow, budg_amount_row, BUDG, AMOUNT_ROW, AdwEntryRow)

GtkWidget  *budg_amount_row_new          (void) G_GNUC_WARN_UNUSED_RESULT;
const char *budg_amount_row_get_currency (BudgAmountRow  *self);
void        budg_amount_row_set_currency (BudgAmountRow  *self,
                                          const char     *currency);
gboolean    budg_amount_row_is_empty     (BudgAmountRow  *self);
gboolean    budg_amount_row_parse        (BudgAmountRow  *self,
                                          gint64         *out_minor,
                                          GError        **error);

G_END_DECLS
