/* budg-category-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_CATEGORY_DIALOG (budg_category_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgCategoryDialog, budg_category_dialog, BUDG, CATEGORY_DIALOG, AdwWindow)

GtkWidget    *budg_category_dialog_new          (BudgContext        *context,
                                                 BudgCategory       *category,
                                                 BudgCategory       *parent) G_GNUC_WARN_UNUSED_RESULT;
BudgContext  *budg_category_dialog_get_context  (BudgCategoryDialog *self);
BudgCategory *budg_category_dialog_get_category (BudgCategoryDialog *self);
BudgCategory *budg_category_dialog_get_parent   (BudgCategoryDialog *self);

G_END_DECLS
