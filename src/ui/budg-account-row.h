/* budg-account-row.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "budg-account.h"

G_BEGIN_DECLS

#define BUDG_TYPE_ACCOUNT_ROW (budg_account_row_get_type ())

G_DECLARE_FINAL_TYPE (BudgAccountRow, budg_account_row, BUDG, ACCOUNT_ROW, GtkListBoxRow)

GtkWidget   *budg_account_row_new            (BudgAccount    *account) G_GNUC_WARN_UNUSED_RESULT;
BudgAccount *budg_account_row_get_account    (BudgAccountRow *self);
gint64       budg_account_row_get_account_id (BudgAccountRow *self);
void         budg_account_row_popup_menu     (BudgAccountRow *self);

G_END_DECLS
