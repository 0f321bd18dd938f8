/* budg-categories-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-categories-window"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-categories-window.h"
#include "budg-category-dialog.h"
#include "budg-form.h"
#include "budg-message-dialog.h"

/* Lists every category, income first, each parent followed by its children,
 * and lets them be added, edited and deleted. The lists are bound to
 * filtered views of BudgCategoryStore, so they follow every change to the
 * store, whoever makes it.
 *
 * Deleting happens at once and offers Undo. A category that transactions
 * are filed under first asks where those transactions should go, since
 * that cannot be guessed.
 */

struct _BudgCategoriesWindow
{
  AdwWindow            parent_instance;

  BudgContext         *context;
  GtkFilterListModel  *income_categories;
  GtkFilterListModel  *expense_categories;

  /* What the last delete removed, kept for the Undo button of its toast
   * until the toast goes away.
   */
  AdwToast            *undo_toast;
  GPtrArray           *undo_categories;
  GArray              *undo_moves;

  AdwToastOverlay     *toast_overlay;
  GtkStack            *stack;
  AdwPreferencesGroup *income_group;
  GtkListBox          *income_list;
  AdwPreferencesGroup *expense_group;
  GtkListBox          *expense_list;
};

/* A question about where the transactions of a category should go, alive
 * while the question is on screen.
 */
typedef struct
{
  BudgCategoriesWindow *self;
  BudgCategory         *category;
  /* The categories offered in drop_down after its first item,
   * "Leave uncategorized".
   */
  GPtrArray            *targets;
  GtkDropDown          *drop_down;
} DeleteRequest;

G_DEFINE_FINAL_TYPE (BudgCategoriesWindow, budg_categories_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
delete_request_free (DeleteRequest *request)
{
  g_clear_object (&request->self);
  g_clear_object (&request->category);
  g_clear_pointer (&request->targets, g_ptr_array_unref);
  g_clear_object (&request->drop_down);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DeleteRequest, delete_request_free)

static BudgCategoryStore *
get_store (BudgCategoriesWindow *self)
{
  return budg_context_get_categories (self->context);
}

/* The parameter of the row actions is the id of a category, which may be
 * gone by the time the action runs.
 */
static BudgCategory *
lookup_category (BudgCategoriesWindow *self,
                 GVariant             *parameter)
{
  return budg_category_store_lookup (get_store (self), g_variant_get_int64 (parameter));
}

static void
clear_undo (BudgCategoriesWindow *self,
            gboolean              dismiss_toast)
{
  g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

  g_clear_pointer (&self->undo_categories, g_ptr_array_unref);
  g_clear_pointer (&self->undo_moves, g_array_unref);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.undo", FALSE);

  if (toast != NULL && dismiss_toast)
    adw_toast_dismiss (toast);
}

static void
undo_toast_dismissed_cb (BudgCategoriesWindow *self,
                         AdwToast             *toast)
{
  if (toast == self->undo_toast)
    clear_undo (self, FALSE);
}

static char *
dup_display_path (BudgCategory *category)
{
  const char *parent_name = budg_category_get_parent_name (category);

  if (budg_category_get_parent_id (category) == 0 || parent_name == NULL)
    return g_strdup (budg_category_get_name (category));

  /* Translators: a category under its parent, as in "Food › Groceries". */
  return g_strdup_printf (_("%s › %s"), parent_name, budg_category_get_name (category));
}

static void
present_dialog (BudgCategoriesWindow *self,
                GtkWidget            *dialog)
{
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_category (BudgCategoriesWindow *self,
                 BudgCategory         *category,
                 BudgCategory         *reassign_to)
{
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup (budg_category_get_name (category));
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (!budg_category_store_delete (get_store (self), category, reassign_to,
                                   &deleted, &moved, &error))
    {
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  /* One Undo at a time: an older toast would otherwise undo the wrong delete. */
  clear_undo (self, TRUE);

  title = g_markup_printf_escaped (_("Category “%s” deleted"), name);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "categories.undo");
  g_signal_connect_object (toast, "dismissed",
                           G_CALLBACK (undo_toast_dismissed_cb), self, G_CONNECT_SWAPPED);

  self->undo_toast = g_object_ref (toast);
  self->undo_categories = g_steal_pointer (&deleted);
  self->undo_moves = g_steal_pointer (&moved);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.undo", TRUE);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_question_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(DeleteRequest) request = user_data;
  BudgCategory *reassign_to = NULL;
  guint position;

  if (!budg_message_dialog_choose_finish (result, NULL))
    return;

  position = gtk_drop_down_get_selected (request->drop_down);
  if (position != 0 && position != GTK_INVALID_LIST_POSITION && position <= request->targets->len)
    reassign_to = g_ptr_array_index (request->targets, position - 1);

  delete_category (request->self, request->category, reassign_to);
}

static void
ask_where_transactions_go (BudgCategoriesWindow *self,
                           BudgCategory         *category,
                           gint64                n_transactions)
{
  GListModel *categories = G_LIST_MODEL (get_store (self));
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  DeleteRequest *request;
  GtkWidget *drop_down;
  gint64 id = budg_category_get_id (category);
  gint64 parent_id = budg_category_get_parent_id (category);
  gboolean is_income = budg_category_get_is_income (category);
  gboolean has_children = FALSE;
  guint preselected = 0;
  guint n_categories;
  int n = (int) MIN (n_transactions, G_MAXINT);

  request = g_new0 (DeleteRequest, 1);
  request->self = g_object_ref (self);
  request->category = g_object_ref (category);
  request->targets = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_string_list_append (choices, _("Leave uncategorized"));

  /* Income stays income and spending stays spending; the category and its
   * children are going away, so they are no place to move to.
   */
  n_categories = g_list_model_get_n_items (categories);
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(BudgCategory) other = g_list_model_get_item (categories, i);
      g_autofree char *label = NULL;

      if (budg_category_get_parent_id (other) == id)
        has_children = TRUE;

      if (budg_category_get_id (other) == id ||
          budg_category_get_parent_id (other) == id ||
          budg_category_get_is_income (other) != is_income)
        continue;

      /* The transactions of a subcategory most likely belong to its parent. */
      if (parent_id != 0 && budg_category_get_id (other) == parent_id)
        preselected = request->targets->len + 1;

      label = dup_display_path (other);
      gtk_string_list_append (choices, label);
      g_ptr_array_add (request->targets, g_steal_pointer (&other));
    }

  drop_down = gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&choices)), NULL);
  request->drop_down = GTK_DROP_DOWN (g_object_ref_sink (drop_down));
  gtk_drop_down_set_selected (request->drop_down, preselected);
  gtk_accessible_update_property (GTK_ACCESSIBLE (request->drop_down),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Move the transactions to"),
                                  -1);

  heading = g_strdup_printf (_("Delete “%s”?"), budg_category_get_name (category));
  if (has_children)
    body = g_strdup_printf (ngettext ("%d transaction is filed under this category or its "
                                      "subcategories, which are deleted too. Move it to another "
                                      "category, or leave it uncategorized.",
                                      "%d transactions are filed under this category or its "
                                      "subcategories, which are deleted too. Move them to another "
                                      "category, or leave them uncategorized.",
                                      n),
                            n);
  else
    body = g_strdup_printf (ngettext ("%d transaction is filed under this category. Move it to "
                                      "another category, or leave it uncategorized.",
                                      "%d transactions are filed under this category. Move them to "
                                      "another category, or leave them uncategorized.",
                                      n),
                            n);

  budg_message_dialog_choose_with_extra_child_async (GTK_WINDOW (self), heading, body,
                                                     GTK_WIDGET (request->drop_down),
                                                     _("_Cancel"), _("_Delete"), TRUE,
                                                     NULL, delete_question_cb, request);
}

static gboolean
popup_menu_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  gtk_menu_button_popup (GTK_MENU_BUTTON (user_data));

  return TRUE;
}

static void
row_secondary_pressed_cb (GtkMenuButton *menu_button,
                          int            n_press,
                          double         x,
                          double         y,
                          GtkGesture    *gesture)
{
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (menu_button);
}

static void
row_long_pressed_cb (GtkMenuButton *menu_button,
                     double         x,
                     double         y,
                     GtkGesture    *gesture)
{
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (menu_button);
}

static void
draw_color_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  const GdkRGBA *rgba = user_data;

  gdk_cairo_set_source_rgba (cr, rgba);
  cairo_arc (cr, width / 2., height / 2., MIN (width, height) / 2., 0, 2 * G_PI);
  cairo_fill (cr);
}

static GMenuModel *
create_row_menu (BudgCategory *category)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit_section = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autoptr(GMenuItem) item = NULL;
  GVariant *id = g_variant_ref_sink (g_variant_new_int64 (budg_category_get_id (category)));

  item = g_menu_item_new (_("_Edit"), NULL);
  g_menu_item_set_action_and_target_value (item, "categories.edit", id);
  g_menu_append_item (edit_section, item);
  g_clear_object (&item);

  /* Categories have two levels: only a top-level one can have children. */
  if (budg_category_get_parent_id (category) == 0)
    {
      item = g_menu_item_new (_("Add _Subcategory"), NULL);
      g_menu_item_set_action_and_target_value (item, "categories.add-child", id);
      g_menu_append_item (edit_section, item);
      g_clear_object (&item);
    }

  item = g_menu_item_new (_("_Delete"), NULL);
  g_menu_item_set_action_and_target_value (item, "categories.delete", id);
  g_menu_item_set_attribute (item, "accel", "s", "Delete");
  g_menu_append_item (delete_section, item);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  g_variant_unref (id);

  return G_MENU_MODEL (menu);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  BudgCategory *category = item;
  gint64 id = budg_category_get_id (category);
  const char *name = budg_category_get_name (category);
  const char *color = budg_category_get_color (category);
  g_autoptr(GMenuModel) menu = create_row_menu (category);
  g_autofree char *actions_label = NULL;
  GtkShortcutController *shortcuts;
  GtkShortcutTrigger *trigger;
  GtkGesture *gesture;
  GtkWidget *menu_button;
  GtkWidget *row;
  GdkRGBA rgba;

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "categories.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "x", id);

  if (budg_category_get_parent_id (category) != 0)
    {
      const char *parent_name = budg_category_get_parent_name (category);
      GtkWidget *indent = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

      gtk_widget_set_size_request (indent, 12, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), indent);

      /* The indent shows the hierarchy to the eye only. */
      if (parent_name != NULL)
        {
          g_autofree char *description = g_strdup_printf (_("In “%s”"), parent_name);

          gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                          GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                          -1);
        }
    }

  /* At the end, so that names line up whether or not they have a colour. */
  if (color != NULL && gdk_rgba_parse (&rgba, color))
    {
      GtkWidget *swatch = g_object_new (GTK_TYPE_DRAWING_AREA,
                                        "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                        "content-width", 12,
                                        "content-height", 12,
                                        "valign", GTK_ALIGN_CENTER,
                                        NULL);

      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (swatch), draw_color_cb,
                                      gdk_rgba_copy (&rgba), (GDestroyNotify) gdk_rgba_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), swatch);
    }

  actions_label = g_strdup_printf (_("Actions for “%s”"), name);
  menu_button = g_object_new (GTK_TYPE_MENU_BUTTON,
                              "icon-name", "view-more-symbolic",
                              "menu-model", menu,
                              "has-frame", FALSE,
                              "valign", GTK_ALIGN_CENTER,
                              "tooltip-text", _("More Actions"),
                              NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, actions_label,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  /* The keyboard reaches every action of the menu from the row itself. */
  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new_with_arguments (trigger,
                                                                         gtk_named_action_new ("categories.delete"),
                                                                         "x", id));
  trigger = gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Menu, 0),
                                         gtk_keyval_trigger_new (GDK_KEY_F10, GDK_SHIFT_MASK));
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (trigger,
                                                          gtk_callback_action_new (popup_menu_cb,
                                                                                   menu_button,
                                                                                   NULL)));
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (shortcuts));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed",
                           G_CALLBACK (row_secondary_pressed_cb), menu_button, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect_object (gesture, "pressed",
                           G_CALLBACK (row_long_pressed_cb), menu_button, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (gesture));

  return row;
}

static void
update_visibility (BudgCategoriesWindow *self)
{
  guint n_income = g_list_model_get_n_items (G_LIST_MODEL (self->income_categories));
  guint n_expense = g_list_model_get_n_items (G_LIST_MODEL (self->expense_categories));

  gtk_widget_set_visible (GTK_WIDGET (self->income_group), n_income > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->expense_group), n_expense > 0);
  gtk_stack_set_visible_child_name (self->stack, n_income + n_expense > 0 ? "list" : "empty");
}

static GtkFilterListModel *
create_filtered (BudgCategoriesWindow *self,
                 gboolean              income)
{
  GtkExpression *is_income = gtk_property_expression_new (BUDG_TYPE_CATEGORY, NULL, "is-income");
  GtkBoolFilter *filter = gtk_bool_filter_new (is_income);

  gtk_bool_filter_set_invert (filter, !income);

  return gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (get_store (self))),
                                    GTK_FILTER (filter));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (widget);

  present_dialog (self, budg_category_dialog_new (self->context, NULL, NULL));
}

static void
add_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (widget);
  BudgCategory *parent = lookup_category (self, parameter);

  if (parent != NULL)
    present_dialog (self, budg_category_dialog_new (self->context, NULL, parent));
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (widget);
  BudgCategory *category = lookup_category (self, parameter);

  if (category != NULL)
    present_dialog (self, budg_category_dialog_new (self->context, category, NULL));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (widget);
  BudgCategory *category = lookup_category (self, parameter);
  gint64 n_transactions;

  if (category == NULL)
    return;

  /* The count includes the transactions of the children, deleted too. */
  n_transactions = budg_category_store_count_transactions (get_store (self), category);
  if (n_transactions > 0)
    ask_where_transactions_go (self, category, n_transactions);
  else
    delete_category (self, category, NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (widget);
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GArray) moves = NULL;
  g_autoptr(GError) error = NULL;

  if (self->undo_categories == NULL)
    return;

  categories = g_ptr_array_ref (self->undo_categories);
  moves = self->undo_moves != NULL ? g_array_ref (self->undo_moves) : NULL;
  clear_undo (self, TRUE);

  if (!budg_category_store_undelete (get_store (self), categories, moves, &error))
    budg_form_add_error_toast (self->toast_overlay, error);
}

static void
budg_categories_window_constructed (GObject *object)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (object);

  G_OBJECT_CLASS (budg_categories_window_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->income_categories = create_filtered (self, TRUE);
  self->expense_categories = create_filtered (self, FALSE);

  gtk_list_box_bind_model (self->income_list, G_LIST_MODEL (self->income_categories),
                           create_row_cb, NULL, NULL);
  gtk_list_box_bind_model (self->expense_list, G_LIST_MODEL (self->expense_categories),
                           create_row_cb, NULL, NULL);

  g_signal_connect_object (self->income_categories, "items-changed",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->expense_categories, "items-changed",
                           G_CALLBACK (update_visibility), self, G_CONNECT_SWAPPED);

  update_visibility (self);
}

static void
budg_categories_window_dispose (GObject *object)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (object);

  clear_undo (self, FALSE);

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_CATEGORIES_WINDOW);

  g_clear_object (&self->income_categories);
  g_clear_object (&self->expense_categories);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_categories_window_parent_class)->dispose (object);
}

static void
budg_categories_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_categories_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  BudgCategoriesWindow *self = BUDG_CATEGORIES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_categories_window_class_init (BudgCategoriesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_categories_window_constructed;
  object_class->dispose = budg_categories_window_dispose;
  object_class->get_property = budg_categories_window_get_property;
  object_class->set_property = budg_categories_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/budg-categories-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgCategoriesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoriesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoriesWindow, income_group);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoriesWindow, income_list);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoriesWindow, expense_group);
  gtk_widget_class_bind_template_child (widget_class, BudgCategoriesWindow, expense_list);

  /* The parameter of the row actions is the id of the category. */
  gtk_widget_class_install_action (widget_class, "categories.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "categories.add-child", "x", add_child_action);
  gtk_widget_class_install_action (widget_class, "categories.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "categories.delete", "x", delete_action);
  gtk_widget_class_install_action (widget_class, "categories.undo", NULL, undo_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "categories.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "categories.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_categories_window_init (BudgCategoriesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "categories.undo", FALSE);
}

/**
 * budg_categories_window_new:
 * @context: the context whose categories are shown
 *
 * Creates the window; the caller makes it transient for its window and
 * presents it.
 *
 * Returns: (transfer none): a new #BudgCategoriesWindow, owned by GTK like
 *   every toplevel window
 */
GtkWidget *
budg_categories_window_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_CATEGORIES_WINDOW,
                       "context", context,
                       NULL);
}

/**
 * budg_categories_window_get_context:
 * @self: a #BudgCategoriesWindow
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_categories_window_get_context (BudgCategoriesWindow *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORIES_WINDOW (self), NULL);

  return self->context;
}
