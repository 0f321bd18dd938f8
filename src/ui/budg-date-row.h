/* budg-date-row.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUDG_TYPE_DATE_ROW (budg_date_row_get_type ())

G_DECLARE_FINAL_TYPE (BudgDateRow, budg_date_row, BUDG, DATE_ROW, AdwActionRow)

GtkWidget  *budg_date_row_new      (void) G_GNUC_WARN_UNUSED_RESULT;
const char *budg_date_row_get_date (BudgDateRow *self);
void        budg_date_row_set_date (BudgDateRow *self,
                                    const char  *date);

G_END_DECLS
