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

/* One line of text showing one column of a transaction, following its
 * property changes so that an edit made elsewhere appears in the rows on
 * screen without rebuilding them.
 *
 * The cell draws its text itself, like GtkInscription does, and is one
 * widget with no children: GTK 4.8's list view builds a couple of hundred
 * rows up front, eight cells each, and with a label (and an icon) inside
 * every cell building and measuring them took longer than reading the rows.
 * Its size comes from a number of characters, not from the text.
 */

struct _BudgRegisterCell
{
  GtkWidget        parent_instance;

  char            *column;
  BudgTransaction *transaction;
  gulong           notify_handler;

  char            *text;
  PangoLayout     *layout;       /* made on first draw, dropped on style changes */
  guint            min_chars;
  guint            nat_chars;
  gboolean         numeric;      /* right-aligned, tabular figures, never ellipsized */
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
set_text (BudgRegisterCell *self,
          const char       *text)
{
  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  if (self->layout != NULL)
    pango_layout_set_text (self->layout, self->text != NULL ? self->text : "", -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  text != NULL ? text : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_class (BudgRegisterCell *self,
           const char       *name,
           gboolean          set)
{
  if (set)
    gtk_widget_add_css_class (GTK_WIDGET (self), name);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), name);
}

static void
set_label (BudgRegisterCell *self,
           const char       *text,
           gboolean          dim)
{
  set_text (self, text);
  set_class (self, "dim-label", dim);
}

static void
set_negative (BudgRegisterCell *self,
              gboolean          negative)
{
  /* Red is a hint only: the formatted amount carries its minus sign. */
  set_class (self, "error", negative);
}

/* How wide each column wants to be, in characters. */
static void
set_chars (BudgRegisterCell *self)
{
  static const struct { const char *column; guint min_chars, nat_chars; gboolean numeric; } widths[] = {
    { "date", 8, 10, FALSE },
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
        self->min_chars = widths[i].min_chars;
        self->nat_chars = widths[i].nat_chars;
        self->numeric = widths[i].numeric;
      }

  set_class (self, "numeric", self->numeric);
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
update (BudgRegisterCell *self)
{
  BudgTransaction *transaction = self->transaction;
  g_autofree char *text = NULL;

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

      /* Words, not an icon alone; the mark makes ticked rows easy to scan. */
      if (status == BUDG_TRANSACTION_STATUS_PENDING)
        set_label (self, budg_register_describe_status (status), TRUE);
      else
        {
          text = g_strdup_printf ("✓ %s", budg_register_describe_status (status));
          set_label (self, text, FALSE);
        }
    }
}

static void
transaction_notify_cb (BudgRegisterCell *self,
                       GParamSpec       *pspec,
                       BudgTransaction  *transaction)
{
  update (self);
}

static PangoLayout *
ensure_layout (BudgRegisterCell *self)
{
  if (self->layout == NULL)
    {
      self->layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), self->text);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      if (self->numeric)
        {
          /* Tabular figures, so amounts line up digit under digit. */
          PangoAttrList *attributes = pango_attr_list_new ();

          pango_attr_list_insert (attributes, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attributes);
          pango_attr_list_unref (attributes);
        }
      else
        pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
    }

  return self->layout;
}

static void
budg_register_cell_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  BudgRegisterCell *self = BUDG_REGISTER_CELL (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                            pango_font_metrics_get_approximate_digit_width (metrics));

      *minimum = PANGO_PIXELS_CEIL (char_width * self->min_chars);
      *natural = PANGO_PIXELS_CEIL (char_width * self->nat_chars);
    }
  else
    {
      int height = pango_font_metrics_get_height (metrics);

      if (height == 0)
        height = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
      *minimum = *natural = PANGO_PIXELS_CEIL (height);
    }

  pango_font_metrics_unref (metrics);
}

static void
budg_register_cell_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  BudgRegisterCell *self = BUDG_REGISTER_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoLayout *layout;
  PangoRectangle logical;
  GdkRGBA color;
  int x, y;

  if (self->text == NULL || self->text[0] == '\0' || width <= 0)
    return;

  layout = ensure_layout (self);
  pango_layout_set_width (layout, self->numeric ? -1 : width * PANGO_SCALE);
  pango_layout_get_pixel_extents (layout, NULL, &logical);

  x = self->numeric ? width - logical.width : 0;
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL && !self->numeric)
    x = width - MIN (logical.width, width);
  y = (height - logical.height) / 2;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
budg_register_cell_css_changed (GtkWidget         *widget,
                                GtkCssStyleChange *change)
{
  BudgRegisterCell *self = BUDG_REGISTER_CELL (widget);

  GTK_WIDGET_CLASS (budg_register_cell_parent_class)->css_changed (widget, change);

  /* The font may have changed; the layout is made again on the next draw. */
  g_clear_object (&self->layout);
  gtk_widget_queue_resize (widget);
}

static void
budg_register_cell_dispose (GObject *object)
{
  BudgRegisterCell *self = (BudgRegisterCell *)object;

  budg_register_cell_set_transaction (self, NULL);
  g_clear_object (&self->layout);

  G_OBJECT_CLASS (budg_register_cell_parent_class)->dispose (object);
}

static void
budg_register_cell_finalize (GObject *object)
{
  BudgRegisterCell *self = (BudgRegisterCell *)object;

  g_free (self->column);
  g_free (self->text);

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

  widget_class->measure = budg_register_cell_measure;
  widget_class->snapshot = budg_register_cell_snapshot;
  widget_class->css_changed = budg_register_cell_css_changed;

  gtk_widget_class_set_css_name (widget_class, "register-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
budg_register_cell_init (BudgRegisterCell *self)
{
  self->min_chars = 4;
  self->nat_chars = 12;
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
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

  return self->text != NULL ? self->text : "";
}
