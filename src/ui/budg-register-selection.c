/* budg-register-selection.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-register-selection"

#include "config.h"

#include "budg-register-selection.h"

struct _BudgRegisterSelection
{
  GObject     parent_instance;

  GListModel *model;
  GtkBitset  *selected;
};

static void list_model_iface_init      (GListModelInterface         *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudgRegisterSelection, budg_register_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL, selection_model_iface_init))

static void
model_items_changed_cb (BudgRegisterSelection *self,
                        guint                  position,
                        guint                  removed,
                        guint                  added,
                        GListModel            *model)
{
  /* Selected rows that were replaced are no longer selected; the others
   * keep their place relative to the change. */
  gtk_bitset_splice (self->selected, position, removed, added);
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static GType
budg_register_selection_get_item_type (GListModel *list)
{
  BudgRegisterSelection *self = BUDG_REGISTER_SELECTION (list);

  return g_list_model_get_item_type (self->model);
}

static guint
budg_register_selection_get_n_items (GListModel *list)
{
  BudgRegisterSelection *self = BUDG_REGISTER_SELECTION (list);

  return g_list_model_get_n_items (self->model);
}

static gpointer
budg_register_selection_get_item (GListModel *list,
                                  guint       position)
{
  BudgRegisterSelection *self = BUDG_REGISTER_SELECTION (list);

  return g_list_model_get_item (self->model, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = budg_register_selection_get_item_type;
  iface->get_n_items = budg_register_selection_get_n_items;
  iface->get_item = budg_register_selection_get_item;
}

static gboolean
budg_register_selection_is_selected (GtkSelectionModel *model,
                                     guint              position)
{
  BudgRegisterSelection *self = BUDG_REGISTER_SELECTION (model);

  return gtk_bitset_contains (self->selected, position);
}

static GtkBitset *
budg_register_selection_get_selection_in_range (GtkSelectionModel *model,
                                                guint              position,
                                                guint              n_items)
{
  BudgRegisterSelection *self = BUDG_REGISTER_SELECTION (model);

  return gtk_bitset_ref (self->selected);
}

static gboolean
budg_register_selection_set_selection (GtkSelectionModel *model,
                                       GtkBitset         *selected,
                                       GtkBitset         *mask)
{
  BudgRegisterSelection *self = BUDG_REGISTER_SELECTION (model);
  g_autoptr(GtkBitset) changes = NULL;
  g_autoptr(GtkBitset) update = NULL;
  guint n = g_list_model_get_n_items (self->model);
  guint min, max;

  /* changes = (selected XOR current) AND mask, within the list. */
  changes = gtk_bitset_copy (self->selected);
  gtk_bitset_difference (changes, selected);
  gtk_bitset_intersect (changes, mask);
  if (n < G_MAXUINT)
    gtk_bitset_remove_range (changes, n, G_MAXUINT - n);

  if (gtk_bitset_is_empty (changes))
    return TRUE;

  update = gtk_bitset_copy (selected);
  gtk_bitset_intersect (update, mask);
  gtk_bitset_subtract (self->selected, mask);
  gtk_bitset_union (self->selected, update);
  if (n < G_MAXUINT)
    gtk_bitset_remove_range (self->selected, n, G_MAXUINT - n);

  min = gtk_bitset_get_minimum (changes);
  max = gtk_bitset_get_maximum (changes);
  gtk_selection_model_selection_changed (model, min, max - min + 1);

  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = budg_register_selection_is_selected;
  iface->get_selection_in_range = budg_register_selection_get_selection_in_range;
  iface->set_selection = budg_register_selection_set_selection;
}

static void
budg_register_selection_dispose (GObject *object)
{
  BudgRegisterSelection *self = (BudgRegisterSelection *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (budg_register_selection_parent_class)->dispose (object);
}

static void
budg_register_selection_finalize (GObject *object)
{
  BudgRegisterSelection *self = (BudgRegisterSelection *)object;

  g_clear_pointer (&self->selected, gtk_bitset_unref);

  G_OBJECT_CLASS (budg_register_selection_parent_class)->finalize (object);
}

static void
budg_register_selection_class_init (BudgRegisterSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_register_selection_dispose;
  object_class->finalize = budg_register_selection_finalize;
}

static void
budg_register_selection_init (BudgRegisterSelection *self)
{
  self->selected = gtk_bitset_new_empty ();
}

/**
 * budg_register_selection_new:
 *
 * Returns: (transfer full): a selection over @model (not consumed)
 */
BudgRegisterSelection *
budg_register_selection_new (GListModel *model)
{
  BudgRegisterSelection *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (model), NULL);

  self = g_object_new (BUDG_TYPE_REGISTER_SELECTION, NULL);
  self->model = g_object_ref (model);
  g_signal_connect_swapped (model, "items-changed", G_CALLBACK (model_items_changed_cb), self);

  return self;
}
