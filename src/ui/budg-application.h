/* budg-application.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BUDG_TYPE_APPLICATION (budg_application_get_type ())

G_DECLARE_FINAL_TYPE (BudgApplication, budg_application, BUDG, APPLICATION, AdwApplication)

BudgApplication *budg_application_new           (void) G_GNUC_WARN_UNUSED_RESULT;
void             budg_application_open_database (BudgApplication *self,
                                                 const char      *path);
void             budg_application_reopen_database (BudgApplication *self,
                                                   GtkWindow       *window,
                                                   const char      *message);

G_END_DECLS
