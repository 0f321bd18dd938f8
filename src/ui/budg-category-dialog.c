/* budg-category-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-category-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "budg-category-dialog.h"
#include "budg-error.h"
#include "budg-form.h"

/* Creates a category, top-level or under a parent, or edits the name, the
 * income flag and the colour of an existing one. Categories have two levels
 * and a child always has its parent's income flag, so the form only offers
 * top-level parents and follows the parent's flag.
 */

/* Charts pick a colour from their palette for categories without one; the
 * button shows a neutral grey until a colour is chosen.
 */
#define AUTOMATIC_COLOR "#9a9996"

struct _BudgCategoryDialog
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  BudgCategory    *category;
  BudgCategory    *parent;
  /* The top-level categories offered as parents, in the order of
   * parent_row after its first item, "None".
   */
  GPtrArray       *parents;
  char            *color;

  GtkButton       *save_button;
  AdwToastOverlay *toast_overlay;
  AdwEntryRow     *name_row;
  GtkLabel        *name_error_label;
  AdwComboRow     *parent_row;
  AdwActionRow    *income_row;
  GtkSwitch       *income_switch;
  AdwActionRow    *color_row;
  GtkButton       *clear_color_button;
  GtkColorButton  *color_button;
};

G_DEFINE_FINAL_TYPE (BudgCategoryDialog, budg_category_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_CATEGORY,
  PROP_PARENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static BudgCategory *
get_selected_parent (BudgCategoryDialog *self)
{
  guint position = adw_combo_row_get_selected (self->parent_row);

  if (position == 0 || position == GTK_INVALID_LIST_POSITION || position > self->parents->len)
    return NULL;

  return g_ptr_array_index (self->parents, position - 1);
}

static char *
rgba_to_hex (const GdkRGBA *rgba)
{
  return g_strdup_printf ("#%02x%02x%02x",
                          (guint) (CLAMP (rgba->red, 0.f, 1.f) * 255.f + .5f),
                          (guint) (CLAMP (rgba->green, 0.f, 1.f) * 255.f + .5f),
                          (guint) (CLAMP (rgba->blue, 0.f, 1.f) * 255.f + .5f));
}

static void
set_color (BudgCategoryDialog *self,
           const char         *color)
{
  GdkRGBA rgba;

  g_free (self->color);
  self->color = g_strdup (color);

  if (color == NULL || !gdk_rgba_parse (&rgba, color))
    gdk_rgba_parse (&rgba, AUTOMATIC_COLOR);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);

  adw_action_row_set_subtitle (self->color_row, color == NULL ? _("Automatic") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->clear_color_button), color != NULL);
}

static void
update_income (BudgCategoryDialog *self)
{
  BudgCategory *parent = get_selected_parent (self);

  if (parent != NULL)
    {
      g_autofree char *subtitle = g_strdup_printf (_("Same as “%s”"),
                                                   budg_category_get_name (parent));

      gtk_switch_set_active (self->income_switch, budg_category_get_is_income (parent));
      adw_action_row_set_subtitle (self->income_row, subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (self->income_row,
                                   _("Money coming in, such as pay or refunds"));
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->income_switch), parent == NULL);
}

/* The name is checked with the store's own rules, so that what Save would
 * refuse is explained while typing. A blank name is not reported: an empty
 * form is not a mistake.
 */
static gboolean
check_name (BudgCategoryDialog  *self,
            GError             **error)
{
  g_autofree char *name = budg_form_dup_name (self->name_row, _("category"), error);

  if (name == NULL)
    return FALSE;

  /* The colon separates a parent from its child in paths ("Food:Groceries"),
   * on the command line and in imports, so no name may hold one.
   */
  if (strchr (name, ':') != NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("A name cannot contain “:”, which separates a category from its parent."));
      return FALSE;
    }

  return TRUE;
}

static void
update_save (BudgCategoryDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", check_name (self, NULL));
}

static void
set_mode (BudgCategoryDialog *self)
{
  gboolean editing = self->category != NULL;

  gtk_window_set_title (GTK_WINDOW (self), editing ? _("Edit Category") : _("New Category"));
  gtk_button_set_label (self->save_button, editing ? _("_Save") : _("_Add"));

  /* Moving a category under another parent is not something the store
   * offers; a category keeps the place it was created in.
   */
  gtk_widget_set_sensitive (GTK_WIDGET (self->parent_row), !editing);
}

static void
show_save_error (BudgCategoryDialog *self,
                 const GError       *error)
{
  if (g_error_matches (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE) ||
      g_error_matches (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT))
    {
      budg_form_set_field_error (GTK_WIDGET (self->name_row), self->name_error_label, error);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
  else
    {
      budg_form_add_error_toast (self->toast_overlay, error);
    }
}

static void
name_changed_cb (BudgCategoryDialog *self)
{
  g_autoptr(GError) error = NULL;

  /* This also drops an error from the last save, which was about the old name. */
  check_name (self, &error);
  budg_form_set_field_error (GTK_WIDGET (self->name_row), self->name_error_label, error);
  update_save (self);
}

static void
parent_changed_cb (BudgCategoryDialog *self)
{
  update_income (self);
}

static void
entry_activated_cb (BudgCategoryDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static void
color_set_cb (BudgCategoryDialog *self)
{
  g_autofree char *color = NULL;
  GdkRGBA rgba;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (self->color_button), &rgba);
  color = rgba_to_hex (&rgba);
  set_color (self, color);
}

static void
clear_color_clicked_cb (BudgCategoryDialog *self)
{
  set_color (self, NULL);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgCategoryDialog *self = BUDG_CATEGORY_DIALOG (widget);
  BudgCategoryStore *store = budg_context_get_categories (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = budg_form_dup_entry_text (self->name_row);
  gboolean is_income = gtk_switch_get_active (self->income_switch);

  /* Enter in the name comes here even while it is not valid. */
  if (!check_name (self, NULL))
    return;

  if (self->category == NULL)
    {
      BudgCategory *parent = get_selected_parent (self);
      g_autofree char *path = NULL;
      BudgCategory *created;

      if (parent != NULL)
        path = g_strdup_printf ("%s:%s", budg_category_get_name (parent), name);
      else
        path = g_strdup (name);

      created = budg_category_store_create_path (store, path, is_income, &error);
      if (created == NULL)
        {
          show_save_error (self, error);
          return;
        }

      /* Creating takes no colour, so a chosen one is set right after. Should
       * that fail, the form turns into the editor of the new category, so
       * that saving again only retries the colour.
       */
      self->category = g_object_ref (created);
      if (self->color != NULL &&
          !budg_category_store_update (store, self->category, budg_category_get_name (created),
                                       budg_category_get_is_income (created), self->color,
                                       &error))
        {
          set_mode (self);
          show_save_error (self, error);
          return;
        }
    }
  else if (!budg_category_store_update (store, self->category, name, is_income, self->color,
                                        &error))
    {
      show_save_error (self, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
budg_category_dialog_constructed (GObject *object)
{
  BudgCategoryDialog *self = BUDG_CATEGORY_DIALOG (object);
  GListModel *categories = G_LIST_MODEL (budg_context_get_categories (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  gint64 parent_id = 0;
  guint parent_position = 0;
  guint n_categories;

  G_OBJECT_CLASS (budg_category_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  if (self->category != NULL)
    parent_id = budg_category_get_parent_id (self->category);
  else if (self->parent != NULL)
    parent_id = budg_category_get_id (self->parent);

  gtk_string_list_append (names, _("None (top level)"));

  n_categories = g_list_model_get_n_items (categories);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);

      if (budg_category_get_parent_id (category) != 0)
        continue;

      if (self->category != NULL &&
          budg_category_get_id (category) == budg_category_get_id (self->category))
        continue;

      if (budg_category_get_id (category) == parent_id)
        parent_position = self->parents->len + 1;

      gtk_string_list_append (names, budg_category_get_name (category));
      g_ptr_array_add (self->parents, g_steal_pointer (&category));
    }

  adw_combo_row_set_model (self->parent_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->parent_row, parent_position);

  if (self->category != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_row),
                             budg_category_get_name (self->category));
      gtk_switch_set_active (self->income_switch, budg_category_get_is_income (self->category));
      set_color (self, budg_category_get_color (self->category));
    }
  else
    {
      set_color (self, NULL);
    }

  set_mode (self);
  update_income (self);
  update_save (self);
}

static void
budg_category_dialog_map (GtkWidget *widget)
{
  BudgCategoryDialog *self = BUDG_CATEGORY_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_category_dialog_parent_class)->map (widget);

  /* Typing starts with the name. GtkWindow:focus-widget cannot do this, since an
   * entry row only takes the focus once it is mapped.
   */
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
budg_category_dialog_dispose (GObject *object)
{
  BudgCategoryDialog *self = BUDG_CATEGORY_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_CATEGORY_DIALOG);

  g_clear_object (&self->context);
  g_clear_object (&self->category);
  g_clear_object (&self->parent);
  g_clear_pointer (&self->parents, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_category_dialog_parent_class)->dispose (object);
}

static void
budg_category_dialog_finalize (GObject *object)
{
  BudgCategoryDialog *self = BUDG_CATEGORY_DIALOG (object);

  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (budg_category_dialog_parent_class)->finalize (object);
}

static void
budg_category_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  BudgCategoryDialog *self = BUDG_CATEGORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_CATEGORY:
      g_value_set_object (value, self->category);
      break;

    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_category_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  BudgCategoryDialog *self = BUDG_CATEGORY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_CATEGORY:
      self->category = g_value_dup_object (value);
      break;

    case PROP_PARENT:
      self->parent = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_category_dialog_class_init (BudgCategoryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_category_dialog_constructed;
  object_class->dispose = budg_category_dialog_dispose;
  object_class->finalize = budg_category_dialog_finalize;
  object_class->get_property = budg_category_dialog_get_property;
  object_class->set_property = budg_category_dialog_set_property;

  widget_class->map = budg_category_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The category to edit, or %NULL to create one. */
  properties[PROP_CATEGORY] =
    g_param_spec_object ("category", NULL, NULL,
                         BUDG_TYPE_CATEGORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The parent proposed for a new category, or %NULL for a top-level one. */
  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL,
                         BUDG_TYPE_CATEGORY,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/budg-category-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, income_row);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, income_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, color_row);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, clear_color_button);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoryDialog, color_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, parent_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, color_set_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_color_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_category_dialog_init (BudgCategoryDialog *self)
{
  self->parents = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_category_dialog_new:
 * @context: the context whose categories are edited
 * @category: (nullable): the category to edit, or %NULL to create one
 * @parent: (nullable): for a new category, the parent proposed at first
 *
 * Creates the form; the caller makes it transient for its window and
 * presents it. It closes itself once the category is saved.
 *
 * Returns: (transfer none): a new #BudgCategoryDialog, owned by GTK like
 *   every toplevel window
 */
GtkWidget *
budg_category_dialog_new (BudgContext  *context,
                          BudgCategory *category,
                          BudgCategory *parent)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (category == NULL || BUDG_IS_CATEGORY (category), NULL);
  g_return_val_if_fail (parent == NULL || BUDG_IS_CATEGORY (parent), NULL);

  return g_object_new (BUDG_TYPE_CATEGORY_DIALOG,
                       "context", context,
                       "category", category,
                       "parent", parent,
                       NULL);
}

/**
 * budg_category_dialog_get_context:
 * @self: a #BudgCategoryDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_category_dialog_get_context (BudgCategoryDialog *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY_DIALOG (self), NULL);

  return self->context;
}

/**
 * budg_category_dialog_get_category:
 * @self: a #BudgCategoryDialog
 *
 * Returns: (transfer none) (nullable): the category being edited, or %NULL
 *   while @self creates one
 */
BudgCategory *
budg_category_dialog_get_category (BudgCategoryDialog *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY_DIALOG (self), NULL);

  return self->category;
}

/**
 * budg_category_dialog_get_parent:
 * @self: a #BudgCategoryDialog
 *
 * Returns: (transfer none) (nullable): the parent proposed when @self was
 *   created
 */
BudgCategory *
budg_category_dialog_get_parent (BudgCategoryDialog *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY_DIALOG (self), NULL);

  return self->parent;
}
