/* budg-backups-window.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BACKUPS_WINDOW (budg_backups_window_get_type ())

G_DECLARE_FINAL_TYPE (BudgBackupsWindow, budg_backups_window, BUDG, BACKUPS_WINDOW, AdwWindow)

/* Backups: how many daily copies to keep, the copies there are, and
 * Restore for each of them or for a file chosen elsewhere. After a
 * restore it emits "restored" (with the date restored, for a toast): the
 * window's stores hold what was there before, so the database must be
 * opened again. */
GtkWidget *budg_backups_window_new     (BudgContext       *context) G_GNUC_WARN_UNUSED_RESULT;
/* What Restore does once confirmed; for tests. */
gboolean   budg_backups_window_restore (BudgBackupsWindow *self,
                                        const char        *source,
                                        GError           **error);

G_END_DECLS
