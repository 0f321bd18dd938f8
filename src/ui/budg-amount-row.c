/* budg-amount-row.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-amount-row"

#include "config.h"

#include "budg-amount-row.h"
#include "budg-form.h"
#include "budg-money.h"
#include "budg-util.h"

/* An entry row for an amount of money in a currency. The parser takes
 * either decimal mark and the currency decides how many decimals there
 * are, so a hint at the end of the row shows how the text was read: the
 * amount formatted in its currency, or the currency alone while there is
 * nothing to read. After a mistake the hint is blank, since the form says
 * what is wrong under the row.
 */

struct _BudgAmountRow
{
  AdwEntryRow  parent_instance;

  char        *currency;

  GtkLabel    *hint_label;
};

G_DEFINE_FINAL_TYPE (BudgAmountRow, budg_amount_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_CURRENCY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_hint (BudgAmountRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *formatted = NULL;
  gint64 minor;

  if (budg_amount_row_parse (self, &minor, &error))
    formatted = budg_money_format (minor, self->currency);

  if (formatted != NULL)
    gtk_label_set_text (self->hint_label, formatted);
  else
    gtk_label_set_text (self->hint_label,
                        error == NULL && self->currency != NULL ? self->currency : "");
}

static void
budg_amount_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BUDG_TYPE_AMOUNT_ROW);

  G_OBJECT_CLASS (budg_amount_row_parent_class)->dispose (object);
}

static void
budg_amount_row_finalize (GObject *object)
{
  BudgAmountRow *self = BUDG_AMOUNT_ROW (object);

  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (budg_amount_row_parent_class)->finalize (object);
}

static void
budg_amount_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BudgAmountRow *self = BUDG_AMOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_amount_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BudgAmountRow *self = BUDG_AMOUNT_ROW (object);

  switch (prop_id)
    {
    case PROP_CURRENCY:
      budg_amount_row_set_currency (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_amount_row_class_init (BudgAmountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = budg_amount_row_dispose;
  object_class->finalize = budg_amount_row_finalize;
  object_class->get_property = budg_amount_row_get_property;
  object_class->set_property = budg_amount_row_set_property;

  /* The ISO 4217 code the amount is read in, or %NULL while there is none
   * (no account to record a balance for yet), when nothing can be read.
   */
  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-amount-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgAmountRow, hint_label);
}

static void
budg_amount_row_init (BudgAmountRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (self, "changed", G_CALLBACK (update_hint), NULL);
}

/**
 * budg_amount_row_new:
 *
 * Returns: (transfer floating): a new, empty #BudgAmountRow without a
 *   currency
 */
GtkWidget *
budg_amount_row_new (void)
{
  return g_object_new (BUDG_TYPE_AMOUNT_ROW, NULL);
}

/**
 * budg_amount_row_get_currency:
 * @self: a #BudgAmountRow
 *
 * Returns: (transfer none) (nullable): the currency the amount is read in
 */
const char *
budg_amount_row_get_currency (BudgAmountRow *self)
{
  g_return_val_if_fail (BUDG_IS_AMOUNT_ROW (self), NULL);

  return self->currency;
}

/**
 * budg_amount_row_set_currency:
 * @self: a #BudgAmountRow
 * @currency: (nullable): an ISO 4217 code, or %NULL for none
 *
 * Sets the currency the amount is read in. The same text can be a valid
 * amount in one currency and not in another: yen have no decimals, dinars
 * have three.
 */
void
budg_amount_row_set_currency (BudgAmountRow *self,
                              const char    *currency)
{
  g_return_if_fail (BUDG_IS_AMOUNT_ROW (self));

  if (!budg_set_str (&self->currency, currency))
    return;

  update_hint (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

/**
 * budg_amount_row_is_empty:
 * @self: a #BudgAmountRow
 *
 * Returns: %TRUE when @self holds nothing but blanks
 */
gboolean
budg_amount_row_is_empty (BudgAmountRow *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BUDG_IS_AMOUNT_ROW (self), TRUE);

  text = budg_form_dup_entry_text (ADW_ENTRY_ROW (self));

  return text == NULL;
}

/**
 * budg_amount_row_parse:
 * @self: a #BudgAmountRow
 * @out_minor: (out): where to store the amount, in minor units of the
 *   currency
 * @error: return location for a #GError
 *
 * Reads the amount in @self as budg_money_parse() does.
 *
 * Returns: %TRUE when @self holds an amount; %FALSE without an error when
 *   it is empty or there is no currency, and with @error set when the text
 *   is not an amount in the currency
 */
gboolean
budg_amount_row_parse (BudgAmountRow  *self,
                       gint64         *out_minor,
                       GError        **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (BUDG_IS_AMOUNT_ROW (self), FALSE);
  g_return_val_if_fail (out_minor != NULL, FALSE);

  text = budg_form_dup_entry_text (ADW_ENTRY_ROW (self));
  if (text == NULL || self->currency == NULL)
    return FALSE;

  return budg_money_parse (text, self->currency, out_minor, error);
}
