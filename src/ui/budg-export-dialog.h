/* budg-export-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_EXPORT_DIALOG (budg_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgExportDialog, budg_export_dialog, BUDG, EXPORT_DIALOG, AdwWindow)

/* Exports transactions to CSV (all accounts or one), QIF or OFX (one
 * account), optionally over a range of dates. The file is written in a
 * worker thread on a connection of its own; on success the dialog emits
 * ::exported, puts "Exported N transactions to “file”" with an Open button
 * on @parent when that is the main window, and closes. A failure shows
 * under the form and leaves no file. */
GtkWidget *budg_export_dialog_new        (GtkWindow        *parent,
                                          BudgContext      *context,
                                          gint64            account_id) G_GNUC_WARN_UNUSED_RESULT;
/* How many transactions the form's choices would write. */
guint      budg_export_dialog_get_count  (BudgExportDialog *self);
/* Writes the export to @file, as choosing it in the file chooser does. */
void       budg_export_dialog_export_to  (BudgExportDialog *self,
                                          GFile            *file);

G_END_DECLS
