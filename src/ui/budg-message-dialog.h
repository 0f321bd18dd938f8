/* budg-message-dialog.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* The response ids of the dialogs made here, for code (and tests) that
 * answer them with adw_message_dialog_response().
 */
#define BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL  "cancel"
#define BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM "confirm"

void     budg_message_dialog_choose_async                  (GtkWindow            *parent,
                                                            const char           *heading,
                                                            const char           *body,
                                                            const char           *cancel_label,
                                                            const char           *confirm_label,
                                                            gboolean              destructive,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
void     budg_message_dialog_choose_with_extra_child_async (GtkWindow            *parent,
                                                            const char           *heading,
                                                            const char           *body,
                                                            GtkWidget            *extra_child,
                                                            const char           *cancel_label,
                                                            const char           *confirm_label,
                                                            gboolean              destructive,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean budg_message_dialog_choose_finish                 (GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
