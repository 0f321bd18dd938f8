/* budg-message-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-message-dialog"

#include "config.h"

#include "budg-message-dialog.h"

/* libadwaita 1.2 has AdwMessageDialog but not adw_message_dialog_choose()
 * (added in 1.3), so questions are asked through this small GTask wrapper
 * around the "response" signal: callers get the usual _async/_finish pair and
 * never deal with response ids.
 */

typedef struct
{
  GtkWindow *dialog;        /* not a reference: the dialog owns the task */
  gulong     cancelled_id;
  gboolean   answered;
} Choice;

static void
task_closure_notify (gpointer  task,
                     GClosure *closure)
{
  g_object_unref (task);
}

static void
choice_answer (GTask    *task,
               gboolean  confirmed)
{
  Choice *choice = g_task_get_task_data (task);

  /* Closing the dialog after a response emits "destroy" too; only the first
   * answer counts.
   */
  if (choice->answered)
    return;

  choice->answered = TRUE;
  g_cancellable_disconnect (g_task_get_cancellable (task), choice->cancelled_id);
  choice->cancelled_id = 0;

  g_task_return_boolean (task, confirmed);
}

static void
response_cb (AdwMessageDialog *dialog,
             const char       *response,
             GTask            *task)
{
  choice_answer (task, g_strcmp0 (response, BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM) == 0);

  /* A button closes the dialog before "response" is emitted, but
   * adw_message_dialog_response() called from code does not.
   */
  if (gtk_widget_get_visible (GTK_WIDGET (dialog)))
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
destroy_cb (GtkWidget *dialog,
            GTask     *task)
{
  choice_answer (task, FALSE);
}

static gboolean
close_for_cancel_cb (gpointer user_data)
{
  GTask *task = user_data;
  Choice *choice = g_task_get_task_data (task);

  if (!choice->answered)
    gtk_window_destroy (choice->dialog);

  return G_SOURCE_REMOVE;
}

static void
cancelled_cb (GCancellable *cancellable,
              GTask        *task)
{
  /* This may run in another thread, or inside g_cancellable_connect(), and
   * neither is a place to touch widgets or disconnect from @cancellable.
   */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_for_cancel_cb, g_object_ref (task), g_object_unref);
}

/**
 * budg_message_dialog_choose_with_extra_child_async:
 * @parent: (nullable): the window the dialog belongs to
 * @heading: the question, in header capitalization ("Delete “Food”?")
 * @body: (nullable): what happens, in sentences
 * @extra_child: (nullable): a widget shown below @body, such as a drop-down
 *   whose value the caller reads once the dialog is finished
 * @cancel_label: the label of the button that declines, with a mnemonic
 * @confirm_label: the label of the button that goes ahead, with a mnemonic
 * @destructive: whether going ahead destroys something; its button is then
 *   styled as destructive and is not the default
 * @cancellable: (nullable): cancelling it closes the dialog
 * @callback: called once the user answered or the dialog went away
 * @user_data: data for @callback
 *
 * Shows a modal question and reports which answer was picked. Closing the
 * dialog (Escape, the window manager) counts as declining.
 */
void
budg_message_dialog_choose_with_extra_child_async (GtkWindow           *parent,
                                                   const char          *heading,
                                                   const char          *body,
                                                   GtkWidget           *extra_child,
                                                   const char          *cancel_label,
                                                   const char          *confirm_label,
                                                   gboolean             destructive,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AdwMessageDialog *dialog;
  Choice *choice;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));
  g_return_if_fail (heading != NULL);
  g_return_if_fail (extra_child == NULL || GTK_IS_WIDGET (extra_child));
  g_return_if_fail (cancel_label != NULL);
  g_return_if_fail (confirm_label != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  /* The question makes no sense once its window is gone. */
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_add_responses (dialog,
                                    BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL, cancel_label,
                                    BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM, confirm_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog,
                                              BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM,
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  /* Enter must never destroy something by accident. */
  adw_message_dialog_set_default_response (dialog,
                                           destructive ? BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL
                                                       : BUDG_MESSAGE_DIALOG_RESPONSE_CONFIRM);
  adw_message_dialog_set_close_response (dialog, BUDG_MESSAGE_DIALOG_RESPONSE_CANCEL);
  if (extra_child != NULL)
    adw_message_dialog_set_extra_child (dialog, extra_child);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, budg_message_dialog_choose_with_extra_child_async);

  choice = g_new0 (Choice, 1);
  choice->dialog = GTK_WINDOW (dialog);
  g_task_set_task_data (task, choice, g_free);

  g_signal_connect_data (dialog, "response", G_CALLBACK (response_cb),
                         g_object_ref (task), task_closure_notify, 0);
  g_signal_connect_data (dialog, "destroy", G_CALLBACK (destroy_cb),
                         g_object_ref (task), task_closure_notify, 0);

  if (cancellable != NULL)
    choice->cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb),
                                                  g_object_ref (task), g_object_unref);

  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * budg_message_dialog_choose_async:
 * @parent: (nullable): the window the dialog belongs to
 * @heading: the question, in header capitalization
 * @body: (nullable): what happens, in sentences
 * @cancel_label: the label of the button that declines, with a mnemonic
 * @confirm_label: the label of the button that goes ahead, with a mnemonic
 * @destructive: whether going ahead destroys something
 * @cancellable: (nullable): cancelling it closes the dialog
 * @callback: called once the user answered or the dialog went away
 * @user_data: data for @callback
 *
 * budg_message_dialog_choose_with_extra_child_async() without an extra child.
 */
void
budg_message_dialog_choose_async (GtkWindow           *parent,
                                  const char          *heading,
                                  const char          *body,
                                  const char          *cancel_label,
                                  const char          *confirm_label,
                                  gboolean             destructive,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  budg_message_dialog_choose_with_extra_child_async (parent, heading, body, NULL,
                                                     cancel_label, confirm_label, destructive,
                                                     cancellable, callback, user_data);
}

/**
 * budg_message_dialog_choose_finish:
 * @result: the result passed to the callback
 * @error: set to %G_IO_ERROR_CANCELLED when the cancellable was cancelled
 *
 * Returns: %TRUE when the user picked the confirming answer
 */
gboolean
budg_message_dialog_choose_finish (GAsyncResult  *result,
                                   GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        budg_message_dialog_choose_with_extra_child_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
