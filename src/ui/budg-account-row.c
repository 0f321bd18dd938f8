/* budg-account-row.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-account-row"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-account-row.h"
#include "budg-money.h"

/* One account in the sidebar: its name, institution and current balance,
 * with the account's actions in a menu that is reachable three ways: the
 * button that shows on hover and focus, a right click or long press, and
 * the Menu key (or Shift+F10) on the focused row.
 */
struct _BudgAccountRow
{
  GtkListBoxRow  parent_instance;

  BudgAccount   *account;
  GtkWidget     *context_menu;

  GtkLabel      *name_label;
  GtkLabel      *institution_label;
  GtkLabel      *balance_label;
  GtkMenuButton *menu_button;
};

G_DEFINE_FINAL_TYPE (BudgAccountRow, budg_account_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GMenuModel *
create_menu_model (BudgAccount *account)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) main_section = g_menu_new ();
  g_autoptr(GMenu) delete_section = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) balance = g_menu_item_new (_("_Record Balance…"), NULL);
  g_autoptr(GMenuItem) archive = NULL;
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete"), NULL);
  gint64 id = budg_account_get_id (account);

  archive = g_menu_item_new (budg_account_get_archived (account) ? _("_Unarchive") : _("_Archive"),
                             NULL);

  /* Every item names its account, so the menu acts on this row's account
   * whatever is selected in the sidebar.
   */
  g_menu_item_set_action_and_target_value (edit, "win.edit-account",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (balance, "win.record-balance",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (archive, "win.archive-account",
                                           g_variant_new_int64 (id));
  g_menu_item_set_action_and_target_value (delete, "win.delete-account",
                                           g_variant_new_int64 (id));

  g_menu_append_item (main_section, edit);
  g_menu_append_item (main_section, balance);
  g_menu_append_item (main_section, archive);
  g_menu_append_item (delete_section, delete);

  g_menu_append_section (menu, NULL, G_MENU_MODEL (main_section));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (delete_section));

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static void
popup_context_menu_at (BudgAccountRow *self,
                       double          x,
                       double          y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
secondary_click_pressed_cb (BudgAccountRow *self,
                            int             n_press,
                            double          x,
                            double          y,
                            GtkGestureClick *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu_at (self, x, y);
}

static void
long_press_pressed_cb (BudgAccountRow     *self,
                       double              x,
                       double              y,
                       GtkGestureLongPress *gesture)
{
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_context_menu_at (self, x, y);
}

static gboolean
popup_menu_binding_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  budg_account_row_popup_menu (BUDG_ACCOUNT_ROW (widget));

  return TRUE;
}

static void
update_labels (BudgAccountRow *self)
{
  BudgAccount *account = self->account;
  const char *name = budg_account_get_name (account);
  const char *institution = budg_account_get_institution (account);
  const char *kind = budg_account_kind_get_label (budg_account_get_kind (account));
  gint64 balance = budg_account_get_balance_minor (account);
  gboolean archived = budg_account_get_archived (account);
  g_autofree char *balance_text = NULL;
  g_autofree char *row_label = NULL;
  g_autofree char *menu_label = NULL;

  balance_text = budg_money_format (balance, budg_account_get_currency (account));

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->institution_label, institution != NULL ? institution : "");
  gtk_widget_set_visible (GTK_WIDGET (self->institution_label),
                          institution != NULL && institution[0] != '\0');
  gtk_label_set_text (self->balance_label, balance_text);

  /* The minus sign in the text carries the meaning; the colour only
   * repeats it for those who see it.
   */
  if (balance < 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->balance_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->balance_label), "error");

  if (archived)
    gtk_widget_add_css_class (GTK_WIDGET (self), "archived");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "archived");

  if (institution != NULL && institution[0] != '\0')
    /* Translators: an account in the sidebar as read by a screen reader:
     * name, kind, institution and balance, e.g. "Everyday, Checking, at
     * Example Bank, balance $1,234.56". */
    row_label = g_strdup_printf (_("%s, %s, at %s, balance %s"),
                                 name, kind, institution, balance_text);
  else
    /* Translators: an account in the sidebar as read by a screen reader:
     * name, kind and balance, e.g. "Wallet, Cash, balance $40.00". */
    row_label = g_strdup_printf (_("%s, %s, balance %s"), name, kind, balance_text);

  if (archived)
    {
      g_autofree char *plain = g_steal_pointer (&row_label);

      /* Translators: %s is the description of an account in the sidebar. */
      row_label = g_strdup_printf (_("%s, archived"), plain);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, row_label,
                                  -1);

  /* Translators: the accessible name of the menu button on an account row. */
  menu_label = g_strdup_printf (_("Actions for %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label,
                                  -1);
}

static void
budg_account_row_constructed (GObject *object)
{
  BudgAccountRow *self = (BudgAccountRow *) object;
  g_autoptr(GMenuModel) menu = NULL;

  G_OBJECT_CLASS (budg_account_row_parent_class)->constructed (object);

  g_assert (BUDG_IS_ACCOUNT (self->account));

  menu = create_menu_model (self->account);
  gtk_menu_button_set_menu_model (self->menu_button, menu);

  self->context_menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  update_labels (self);
}

static void
budg_account_row_dispose (GObject *object)
{
  BudgAccountRow *self = (BudgAccountRow *) object;

  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_ACCOUNT_ROW);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (budg_account_row_parent_class)->dispose (object);
}

static void
budg_account_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BudgAccountRow *self = BUDG_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_account_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BudgAccountRow *self = BUDG_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_account_row_class_init (BudgAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_account_row_constructed;
  object_class->dispose = budg_account_row_dispose;
  object_class->get_property = budg_account_row_get_property;
  object_class->set_property = budg_account_row_set_property;

  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         BUDG_TYPE_ACCOUNT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-account-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgAccountRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountRow, institution_label);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountRow, balance_label);
  gtk_widget_class_bind_template_child (widget_class, BudgAccountRow, menu_button);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_Menu, 0, popup_menu_binding_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, popup_menu_binding_cb, NULL);
}

static void
budg_account_row_init (BudgAccountRow *self)
{
  GtkGesture *click;
  GtkGesture *long_press;

  gtk_widget_init_template (GTK_WIDGET (self));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (click, "pressed", G_CALLBACK (secondary_click_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  long_press = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (long_press), TRUE);
  g_signal_connect_object (long_press, "pressed", G_CALLBACK (long_press_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (long_press));
}

/**
 * budg_account_row_new:
 * @account: the account to show
 *
 * Returns: (transfer floating): a new row for @account
 */
GtkWidget *
budg_account_row_new (BudgAccount *account)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (account), NULL);

  return g_object_new (BUDG_TYPE_ACCOUNT_ROW,
                       "account", account,
                       NULL);
}

/**
 * budg_account_row_get_account:
 * @self: a #BudgAccountRow
 *
 * Returns: (transfer none): the account shown by @self
 */
BudgAccount *
budg_account_row_get_account (BudgAccountRow *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT_ROW (self), NULL);

  return self->account;
}

gint64
budg_account_row_get_account_id (BudgAccountRow *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT_ROW (self), 0);

  return budg_account_get_id (self->account);
}

/**
 * budg_account_row_popup_menu:
 * @self: a #BudgAccountRow
 *
 * Opens the row's menu from its menu button, as the Menu key does.
 */
void
budg_account_row_popup_menu (BudgAccountRow *self)
{
  g_return_if_fail (BUDG_IS_ACCOUNT_ROW (self));

  gtk_menu_button_popup (self->menu_button);
}
