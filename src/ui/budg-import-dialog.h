/* budg-import-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_IMPORT_DIALOG (budg_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BudgImportDialog, budg_import_dialog, BUDG, IMPORT_DIALOG, AdwWindow)

/* Imports a bank statement (CSV, OFX/QFX, QIF): the columns of a CSV file
 * with a live preview, then a review of what will be imported, then the
 * import itself in a worker thread. On success it emits ::imported, puts
 * an "Imported N transactions" toast with Undo on @parent when that is the
 * main window, and closes. */
GtkWidget *budg_import_dialog_new        (GtkWindow        *parent,
                                          BudgContext      *context,
                                          GFile            *file) G_GNUC_WARN_UNUSED_RESULT;
GFile     *budg_import_dialog_get_file   (BudgImportDialog *self);
/* The account a CSV file that names none goes to, unless its profile
 * says otherwise: the one selected in the sidebar. 0 for a new account. */
void       budg_import_dialog_set_default_account (BudgImportDialog *self,
                                                   gint64            account_id);

/* The toast the dialog leaves behind: "Imported N transactions", whose
 * Undo takes batch @batch_id back. */
AdwToast  *budg_import_undo_toast_new    (BudgContext      *context,
                                          gint64            batch_id,
                                          guint             n_imported) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
