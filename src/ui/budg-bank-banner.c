/* budg-bank-banner.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-bank-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-bank-banner.h"
#include "budg-bank-connections-window.h"
#include "budg-bank-link-dialog.h"
#include "budg-plaid-store.h"

struct _BudgBankBanner
{
  AdwBin         parent_instance;

  BudgContext   *context;
  GtkRevealer   *revealer;
  GtkLabel      *label;
  GtkButton     *button;
  /* The one connection to log in to again, or NULL when several are. */
  char          *item_id;
  BudgPlaidEnvironment environment;
};

G_DEFINE_FINAL_TYPE (BudgBankBanner, budg_bank_banner, ADW_TYPE_BIN)

static void
button_clicked_cb (BudgBankBanner *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window = self->item_id != NULL
                      ? budg_bank_link_dialog_new (self->context, self->environment, self->item_id)
                      : budg_bank_connections_window_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

static void
update (BudgBankBanner *self)
{
  g_autoptr(GPtrArray) items = budg_plaid_store_list_items (budg_context_get_database (self->context), NULL);
  g_autofree char *text = NULL;
  BudgPlaidItem *first = NULL;
  guint count = 0;

  for (guint i = 0; items != NULL && i < items->len; i++)
    {
      BudgPlaidItem *item = g_ptr_array_index (items, i);

      if (item->state != BUDG_PLAID_ITEM_NEEDS_LOGIN)
        continue;
      if (first == NULL)
        first = item;
      count++;
    }

  g_clear_pointer (&self->item_id, g_free);
  if (count == 1)
    {
      self->item_id = g_strdup (first->item_id);
      self->environment = first->environment;
      /* Translators: %s is a bank's name. */
      text = g_strdup_printf (_("%s asks you to log in again before Budg can sync it."),
                              first->institution_name != NULL ? first->institution_name : first->item_id);
      gtk_button_set_label (self->button, _("_Log In Again"));
    }
  else if (count > 1)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bank asks you to log in again.",
                                           "%u banks ask you to log in again.", count),
                              count);
      gtk_button_set_label (self->button, _("_Bank Connections"));
    }

  gtk_label_set_label (self->label, text != NULL ? text : "");
  gtk_revealer_set_reveal_child (self->revealer, count > 0);
}

static void
database_changed_cb (BudgBankBanner *self,
                     const char     *table)
{
  if (g_strcmp0 (table, "*") == 0 || g_strcmp0 (table, "plaid_items") == 0)
    update (self);
}

static void
budg_bank_banner_dispose (GObject *object)
{
  BudgBankBanner *self = (BudgBankBanner *) object;

  g_clear_object (&self->context);
  g_clear_pointer (&self->item_id, g_free);

  G_OBJECT_CLASS (budg_bank_banner_parent_class)->dispose (object);
}

static void
budg_bank_banner_class_init (BudgBankBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_bank_banner_dispose;
}

static void
budg_bank_banner_init (BudgBankBanner *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  self->label = GTK_LABEL (gtk_label_new (NULL));
  self->button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Log In Again")));

  gtk_widget_add_css_class (box, "bank-banner");
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "suggested-action");
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (button_clicked_cb), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Bank connection needs you"), -1);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->button));
  gtk_revealer_set_child (self->revealer, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
}

GtkWidget *
budg_bank_banner_new (BudgContext *context)
{
  BudgBankBanner *self;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  self = g_object_new (BUDG_TYPE_BANK_BANNER, NULL);
  self->context = g_object_ref (context);
  g_signal_connect_object (budg_context_get_database (context), "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update (self);

  return GTK_WIDGET (self);
}
