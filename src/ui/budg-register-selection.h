/* budg-register-selection.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define BUDG_TYPE_REGISTER_SELECTION (budg_register_selection_get_type ())

G_DECLARE_FINAL_TYPE (BudgRegisterSelection, budg_register_selection, BUDG, REGISTER_SELECTION, GObject)

/* A multiple selection that remembers positions only. GtkMultiSelection
 * also tracks the selected items themselves, and finds them again after a
 * change by reading every added item: on a list of a million paged rows
 * that means reading them all. Here a change just moves the positions. */
BudgRegisterSelection *budg_register_selection_new (GListModel *model) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
