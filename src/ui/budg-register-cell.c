/* budg-register-cell.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-register-cell"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-money.h"
#include "budg-register-cell.h"

/* A line of text (and for the status column an icon) that shows one
 * column of a transaction and follows its property changes, so that an
 * edit made elsewhere appears in the rows on screen without rebuilding
 * them. The text is a GtkInscription, whose size comes from a number of
 * characters instead of measuring the text: GTK 4.8's list view keeps a
 * couple of hundred rows around, and measuring every label of them after
 * each search or sort cost more than the search itself.
 */

struct _BudgRegisterCell
{
  GtkWidget        parent_instance;

  char            *column;
  BudgTransaction *transaction;
  gulong           notify_handler;

  GtkWidget       *icon;
  GtkWidget       *label;
};

G_DEFINE_FINAL_TYPE (BudgRegisterCell, budg_register_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COLUMN,
  PROP_TRANSACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
budg_register_describe_payee (BudgTransaction *transaction)
{
  const char *other = budg_transaction_get_transfer_account_name (transaction);

  if (budg_transaction_get_transfer_id (transaction) != 0 && other != NULL)
    {
      if (budg_transaction_get_amount_minor (transaction) < 0)
        /* Translators: the payee of a transfer; %s is the other account. */
        return g_strdup_printf (_("Transfer to %s"), other);
      /* Translators: the payee of a transfer; %s is the other account. */
      return g_strdup_printf (_("Transfer from %s"), other);
    }

  return g_strdup (budg_transaction_get_payee (transaction));
}

char *
budg_register_describe_category (BudgTransaction *transaction)
{
  guint parts = budg_transaction_get_split_count (transaction);
  const char *path = budg_transaction_get_category_path (transaction);

  if (parts > 0)
    /* Translators: the category of a transaction split in %u parts. */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Split (%u part)", "Split (%u parts)", parts), parts);
  if (budg_transaction_get_transfer_id (transaction) != 0)
    return g_strdup (_("Transfer"));
  if (path != NULL && path[0] != '\0')
    return g_strdup (path);

  return g_strdup (_("Uncategorized"));
}

const char *
budg_register_describe_status (BudgTransactionStatus status)
{
  switch (status)
    {
    case BUDG_TRANSACTION_STATUS_CLEARED:
      return _("Cleared");
    case BUDG_TRANSACTION_STATUS_RECONCILED:
      return _("Reconciled");
    case BUDG_TRANSACTION_STATUS_PENDING:
    default:
      return _("Pending");
    }
}

static gboolean
is_column (BudgRegisterCell *self,
           const char       *column)
{
  return g_strcmp0 (self->column, column) == 0;
}

static void
set_label (BudgRegisterCell *self,
           const char       *text,
           gboolean          dim)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (self->label), text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  if (dim)
    gtk_widget_add_css_class (self->label, "dim-label");
  else
    gtk_widget_remove_css_class (self->label, "dim-label");
}

static void
set_negative (BudgRegisterCell *self,
              gboolean          negative)
{
  /* Red is a hint only: the formatted amount carries its minus sign. */
  if (negative)
    gtk_widget_add_css_class (self->label, "error");
  else
    gtk_widget_remove_css_class (self->label, "error");
}

/* How wide each column wants to be, in characters. */
static void
set_chars (BudgRegisterCell *self)
{
  static const struct { const char *column; guint min_chars, nat_chars; gboolean numeric; } widths[] = {
    { "date", 8, 10, TRUE },
    { "account", 6, 14, FALSE },
    { "payee", 8, 24, FALSE },
    { "category", 8, 20, FALSE },
    { "memo", 4, 16, FALSE },
    { "status", 6, 10, FALSE },
    { "amount", 10, 13, TRUE },
    { "balance", 10, 13, TRUE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    if (is_column (self, widths[i].column))
      {
        gtk_inscription_set_min_chars (GTK_INSCRIPTION (self->label), widths[i].min_chars);
        gtk_inscription_set_nat_chars (GTK_INSCRIPTION (self->label), widths[i].nat_chars);
        if (widths[i].numeric)
          gtk_widget_add_css_class (self->label, "numeric");
      }

  /* Amounts line up on the right and are never cut short: a cut amount
   * says something else. */
  if (is_column (self, "amount") || is_column (self, "balance"))
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (self->label), 1);
      gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->label), GTK_INSCRIPTION_OVERFLOW_CLIP);
    }
}

static void
update (BudgRegisterCell *self)
{
  BudgTransaction *transaction = self->transaction;
  g_autofree char *text = NULL;

  gtk_widget_set_visible (self->icon, FALSE);
  set_negative (self, FALSE);

  if (transaction == NULL || self->column == NULL)
    {
      set_label (self, NULL, FALSE);
      return;
    }

  if (is_column (self, "date"))
    {
      text = budg_date_format_short (budg_transaction_get_date (transaction));
      set_label (self, text, FALSE);
    }
  else if (is_column (self, "payee"))
    {
      text = budg_register_describe_payee (transaction);
      set_label (self, text, FALSE);
    }
  else if (is_column (self, "category"))
    {
      text = budg_register_describe_category (transaction);
      set_label (self, text, budg_transaction_get_category_path (transaction) == NULL);
    }
  else if (is_column (self, "memo"))
    set_label (self, budg_transaction_get_memo (transaction), TRUE);
  else if (is_column (self, "account"))
    set_label (self, budg_transaction_get_account_name (transaction), FALSE);
  else if (is_column (self, "amount"))
    {
      gint64 amount = budg_transaction_get_amount_minor (transaction);

      if (budg_transaction_get_currency (transaction) != NULL)
        text = budg_money_format (amount, budg_transaction_get_currency (transaction));
      set_label (self, text, FALSE);
      set_negative (self, amount < 0);
    }
  else if (is_column (self, "balance"))
    {
      gint64 balance = budg_transaction_get_running_balance_minor (transaction);

      if (budg_transaction_get_has_running_balance (transaction) &&
          budg_transaction_get_currency (transaction) != NULL)
        text = budg_money_format (balance, budg_transaction_get_currency (transaction));
      set_label (self, text, FALSE);
      set_negative (self, text != NULL && balance < 0);
    }
  else if (is_column (self, "status"))
    {
      BudgTransactionStatus status = budg_transaction_get_status (transaction);

      set_label (self, budg_register_describe_status (status), status == BUDG_TRANSACTION_STATUS_PENDING);
      gtk_widget_set_visible (self->icon, status != BUDG_TRANSACTION_STATUS_PENDING);
      gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                    status == BUDG_TRANSACTION_STATUS_RECONCILED ? "changes-prevent-symbolic"
                                                                                 : "object-select-symbolic");
    }
}

static void
transaction_notify_cb (BudgRegisterCell *self,
                       GParamSpec       *pspec,
                       BudgTransaction  *transaction)
{
  update (self);
}

static void
budg_register_cell_dispose (GObject *object)
{
  BudgRegisterCell *self = (BudgRegisterCell *)object;

  budg_register_cell_set_transaction (self, NULL);
  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (budg_register_cell_parent_class)->dispose (object);
}

static void
budg_register_cell_finalize (GObject *object)
{
  BudgRegisterCell *self = (BudgRegisterCell *)object;

  g_free (self->column);

  G_OBJECT_CLASS (budg_register_cell_parent_class)->finalize (object);
}

static void
budg_register_cell_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  BudgRegisterCell *self = BUDG_REGISTER_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_value_set_string (value, self->column);
      break;

    case PROP_TRANSACTION:
      g_value_set_object (value, self->transaction);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_register_cell_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  BudgRegisterCell *self = BUDG_REGISTER_CELL (object);

  switch (prop_id)
    {
    case PROP_COLUMN:
      g_free (self->column);
      self->column = g_value_dup_string (value);
      set_chars (self);
      update (self);
      break;

    case PROP_TRANSACTION:
      budg_register_cell_set_transaction (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_register_cell_class_init (BudgRegisterCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = budg_register_cell_dispose;
  object_class->finalize = budg_register_cell_finalize;
  object_class->get_property = budg_register_cell_get_property;
  object_class->set_property = budg_register_cell_set_property;

  properties[PROP_COLUMN] =
    g_param_spec_string ("column", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRANSACTION] =
    g_param_spec_object ("transaction", NULL, NULL,
                         BUDG_TYPE_TRANSACTION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "register-cell");
}

static void
budg_register_cell_init (BudgRegisterCell *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->icon = gtk_image_new ();
  gtk_widget_set_visible (self->icon, FALSE);
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));

  self->label = gtk_inscription_new (NULL);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (self->label), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
}

GtkWidget *
budg_register_cell_new (const char *column)
{
  return g_object_new (BUDG_TYPE_REGISTER_CELL, "column", column, NULL);
}

BudgTransaction *
budg_register_cell_get_transaction (BudgRegisterCell *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_CELL (self), NULL);

  return self->transaction;
}

void
budg_register_cell_set_transaction (BudgRegisterCell *self,
                                    BudgTransaction  *transaction)
{
  g_return_if_fail (BUDG_IS_REGISTER_CELL (self));
  g_return_if_fail (transaction == NULL || BUDG_IS_TRANSACTION (transaction));

  if (self->transaction == transaction)
    return;

  if (self->transaction != NULL)
    g_clear_signal_handler (&self->notify_handler, self->transaction);
  g_set_object (&self->transaction, transaction);
  if (transaction != NULL)
    self->notify_handler = g_signal_connect_object (transaction, "notify",
                                                    G_CALLBACK (transaction_notify_cb), self,
                                                    G_CONNECT_SWAPPED);

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSACTION]);
}

const char *
budg_register_cell_get_text (BudgRegisterCell *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_CELL (self), NULL);

  return gtk_inscription_get_text (GTK_INSCRIPTION (self->label));
}
