/* budg-form.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-form"

#include "config.h"

#include "budg-form.h"
#include "budg-validate.h"

/* What Budg's forms (the account, balance and category dialogs) share:
 * reading their entry rows the way the stores will, saying what is wrong
 * with a field right under it, and saying in a toast what is about no field
 * (the categories window reports its failures that way too). A field with
 * an error to show is a row followed by a hidden caption label in the same
 * preferences group.
 */

/**
 * budg_form_dup_entry_text:
 * @row: an entry row
 *
 * Returns: (transfer full) (nullable): the text of @row without surrounding
 *   blanks, or %NULL when nothing else is left
 */
char *
budg_form_dup_entry_text (AdwEntryRow *row)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/**
 * budg_form_dup_name:
 * @row: the entry row of a name
 * @what: what is named, for the message ("account", "category")
 * @error: return location for a #GError
 *
 * Checks the name in @row with the stores' own rules, so that what saving
 * would refuse is explained while typing. A blank name gives %NULL without
 * an error: an empty form is not a mistake.
 *
 * Returns: (transfer full) (nullable): the name as it would be stored, or
 *   %NULL when it is blank or, with @error set, not valid
 */
char *
budg_form_dup_name (AdwEntryRow  *row,
                    const char   *what,
                    GError      **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), NULL);
  g_return_val_if_fail (what != NULL, NULL);

  text = budg_form_dup_entry_text (row);
  if (text == NULL)
    return NULL;

  return budg_validate_name (text, what, error);
}

/**
 * budg_form_check_optional:
 * @row: the entry row of an optional text, such as a note
 * @what: what the text is, for the message ("institution", "note")
 * @error: return location for a #GError
 *
 * Checks the text in @row with the stores' rule for optional text; blank
 * text is fine.
 *
 * Returns: %TRUE when the stores would take the text
 */
gboolean
budg_form_check_optional (AdwEntryRow  *row,
                          const char   *what,
                          GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (ADW_IS_ENTRY_ROW (row), FALSE);
  g_return_val_if_fail (what != NULL, FALSE);

  /* Valid text and blank text both give %NULL; only the error tells them apart. */
  text = budg_validate_optional (gtk_editable_get_text (GTK_EDITABLE (row)), what, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_form_set_field_error:
 * @row: the row of the field
 * @error_label: the label under @row that shows its errors
 * @error: (nullable): what is wrong with the field, or %NULL when nothing is
 *
 * Shows the message of @error under @row and marks the row as invalid, in
 * red and for assistive technologies, which read the message as the row's
 * description; with a %NULL @error, takes all that away again.
 */
void
budg_form_set_field_error (GtkWidget    *row,
                           GtkLabel     *error_label,
                           const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (row));
  g_return_if_fail (GTK_IS_LABEL (error_label));

  if (error != NULL)
    {
      gtk_label_set_text (error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (error_label), TRUE);
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                      GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, error_label, NULL,
                                      -1);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (error_label), FALSE);
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY);
    }
}

/**
 * budg_form_add_error_toast:
 * @overlay: the toast overlay of a form or window
 * @error: what went wrong
 *
 * Shows the message of @error in a toast, for a failure that is about no
 * field in particular, such as the database refusing to save.
 */
void
budg_form_add_error_toast (AdwToastOverlay *overlay,
                           const GError    *error)
{
  g_autofree char *markup = NULL;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (error != NULL);

  /* Toast titles are markup; a message may quote a name with "&" or "<" in it. */
  markup = g_markup_escape_text (error->message, -1);
  adw_toast_overlay_add_toast (overlay, adw_toast_new (markup));
}
