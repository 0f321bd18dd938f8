/* budg-categories-window.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_CATEGORIES_WINDOW (budg_categories_window_get_type ())

G_DECLARE_FINAL_TYPE (BudgCategoriesWindow, budg_categories_window, BUDG, CATEGORIES_WINDOW, AdwWindow)

GtkWidget   *budg_categories_window_new         (BudgContext          *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_categories_window_get_context (BudgCategoriesWindow *self);

G_END_DECLS
