/* budg-window.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_WINDOW (budg_window_get_type ())

G_DECLARE_FINAL_TYPE (BudgWindow, budg_window, BUDG, WINDOW, AdwApplicationWindow)

BudgWindow  *budg_window_new         (GtkApplication *application,
                                      BudgContext    *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_window_get_context (BudgWindow     *self);
gboolean     budg_window_get_ready   (BudgWindow     *self);
const char  *budg_window_get_view    (BudgWindow     *self);
void         budg_window_set_view    (BudgWindow     *self,
                                      const char     *view);
void         budg_window_show_occurrence (BudgWindow *self,
                                          gint64      bill_id,
                                          const char *occurrence_date,
                                          const char *due_date);
void         budg_window_add_toast   (BudgWindow     *self,
                                      AdwToast       *toast);

G_END_DECLS
