/* budg-preferences-window.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_PREFERENCES_WINDOW (budg_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (BudgPreferencesWindow, budg_preferences_window, BUDG, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *budg_preferences_window_new (BudgContext *context) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
