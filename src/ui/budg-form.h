/* budg-form.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

char     *budg_form_dup_entry_text   (AdwEntryRow      *row) G_GNUC_WARN_UNUSED_RESULT;
char     *budg_form_dup_name         (AdwEntryRow      *row,
                                      const char       *what,
                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  budg_form_check_optional   (AdwEntryRow      *row,
                                      const char       *what,
                                      GError          **error);
void      budg_form_set_field_error  (GtkWidget        *row,
                                      GtkLabel         *error_label,
                                      const GError     *error);
void      budg_form_add_error_toast  (AdwToastOverlay  *overlay,
                                      const GError     *error);

G_END_DECLS
