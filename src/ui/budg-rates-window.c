/* budg-rates-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-rates-window"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-exchange-rates.h"
#include "budg-money.h"
#include "budg-rates-window.h"

struct _BudgRatesWindow
{
  AdwWindow        parent_instance;

  BudgContext     *context;
  GtkStringList   *currencies;

  AdwToastOverlay *toast_overlay;
  AdwComboRow     *from_row;
  AdwComboRow     *to_row;
  AdwEntryRow     *rate_row;
  BudgDateRow     *date_row;
  GtkLabel        *error_label;
  GtkWidget       *add_button;
  GtkListBox      *rates_list;
  GtkWidget       *empty_label;
};

G_DEFINE_FINAL_TYPE (BudgRatesWindow, budg_rates_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
selected_code (AdwComboRow *row)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (row);

  return item != NULL ? gtk_string_object_get_string (item) : NULL;
}

static void
select_code (BudgRatesWindow *self,
             AdwComboRow     *row,
             const char      *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), code) == 0)
      {
        adw_combo_row_set_selected (row, i);
        return;
      }
}

static void
show_error (BudgRatesWindow *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* What Add would store, or FALSE with the reason in @error. */
static gboolean
read_form (BudgRatesWindow  *self,
           gint64           *out_rate_e10,
           GError          **error)
{
  const char *from = selected_code (self->from_row);
  const char *to = selected_code (self->to_row);

  if (g_strcmp0 (from, to) == 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("Choose two different currencies."));
      return FALSE;
    }

  return budg_exchange_rate_parse (gtk_editable_get_text (GTK_EDITABLE (self->rate_row)), out_rate_e10, error);
}

static void
form_changed_cb (BudgRatesWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rate_row));
  gint64 rate = 0;
  gboolean valid = read_form (self, &rate, &error);

  gtk_widget_set_sensitive (self->add_button, valid);
  /* Say what is wrong once there is something to be wrong. */
  show_error (self, valid || text[0] == '\0' ? NULL : error->message);
}

typedef struct
{
  BudgRatesWindow *self;   /* weak */
  char             from[4];
  char             to[4];
  char             date[11];
  gint64           rate_e10;
} UndoDelete;

static void
undo_delete_free (gpointer  data,
                  GClosure *closure)
{
  UndoDelete *undo = data;

  g_clear_weak_pointer (&undo->self);
  g_free (undo);
}

static void
undo_delete_cb (AdwToast   *toast,
                UndoDelete *undo)
{
  g_autoptr(GError) error = NULL;

  if (undo->self != NULL &&
      !budg_exchange_rates_set (budg_context_get_database (undo->self->context), undo->from, undo->to,
                                undo->date, undo->rate_e10, &error))
    adw_toast_overlay_add_toast (undo->self->toast_overlay, adw_toast_new (error->message));
}

static void
delete_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  BudgRatesWindow *self = BUDG_RATES_WINDOW (gtk_widget_get_root (GTK_WIDGET (button)));
  const BudgExchangeRateEntry *entry = user_data;
  g_autoptr(GError) error = NULL;
  UndoDelete *undo;
  AdwToast *toast;

  undo = g_new0 (UndoDelete, 1);
  g_set_weak_pointer (&undo->self, self);
  g_strlcpy (undo->from, entry->from_currency, sizeof undo->from);
  g_strlcpy (undo->to, entry->to_currency, sizeof undo->to);
  g_strlcpy (undo->date, entry->date, sizeof undo->date);
  undo->rate_e10 = entry->rate_e10;

  if (!budg_exchange_rates_delete (budg_context_get_database (self->context), entry->id, &error))
    {
      undo_delete_free (undo, NULL);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  toast = adw_toast_new (_("Rate removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_delete_cb), undo, undo_delete_free, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
reload (BudgRatesWindow *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rates_list))) != NULL)
    gtk_list_box_remove (self->rates_list, child);

  entries = budg_exchange_rates_list (budg_context_get_database (self->context), &error);
  if (entries == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      BudgExchangeRateEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *rate = budg_exchange_rate_format (entry->rate_e10);
      g_autofree char *title = NULL;
      g_autofree char *date = budg_date_format_short (entry->date);
      g_autofree char *subtitle = NULL;
      g_autofree char *delete_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Translators: an exchange rate, e.g. "1 EUR = 1.0823 USD". */
      title = g_strdup_printf (_("1 %1$s = %2$s %3$s"), entry->from_currency, rate, entry->to_currency);
      /* Translators: %s is a date. */
      subtitle = g_strdup_printf (_("From %s"), date);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      /* Translators: the accessible name of the delete button of a rate row; %s is the rate. */
      delete_label = g_strdup_printf (_("Remove %s"), title);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_tooltip_text (button, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, delete_label, -1);
      g_signal_connect_data (button, "clicked", G_CALLBACK (delete_clicked_cb),
                             g_memdup2 (entry, sizeof *entry), (GClosureNotify) (void (*) (void)) g_free, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->rates_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->rates_list), entries->len > 0);
  gtk_widget_set_visible (self->empty_label, entries->len == 0);
}

static void
add_activated_cb (BudgRatesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gint64 rate = 0;

  if (!read_form (self, &rate, &error) ||
      !budg_exchange_rates_set (budg_context_get_database (self->context),
                                selected_code (self->from_row), selected_code (self->to_row),
                                budg_date_row_get_date (self->date_row), rate, &error))
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->rate_row), "");
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Rate added")));
}

static void
database_changed_cb (BudgRatesWindow *self,
                     const char      *table,
                     BudgDatabase    *database)
{
  if (g_strcmp0 (table, "exchange_rates") == 0 || g_strcmp0 (table, "*") == 0)
    reload (self);
}

static void
budg_rates_window_constructed (GObject *object)
{
  BudgRatesWindow *self = (BudgRatesWindow *)object;
  const char * const *codes = budg_currency_list_codes ();
  g_autofree char *today = budg_date_today ();
  GListModel *accounts;
  const char *foreign = NULL;

  G_OBJECT_CLASS (budg_rates_window_parent_class)->constructed (object);

  self->currencies = gtk_string_list_new ((const char * const *) codes);
  adw_combo_row_set_model (self->from_row, G_LIST_MODEL (self->currencies));
  adw_combo_row_set_model (self->to_row, G_LIST_MODEL (self->currencies));
  g_signal_connect_object (self->from_row, "notify::selected", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_row, "notify::selected", G_CALLBACK (form_changed_cb), self, G_CONNECT_SWAPPED);

  /* The likely rate: an account's currency into the default one. */
  accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  for (guint i = 0; i < g_list_model_get_n_items (accounts) && foreign == NULL; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);

      if (g_strcmp0 (budg_account_get_currency (account), budg_context_get_default_currency (self->context)) != 0)
        foreign = g_intern_string (budg_account_get_currency (account));
    }
  budg_rates_window_propose (self, foreign != NULL ? foreign : "EUR",
                             budg_context_get_default_currency (self->context));
  budg_date_row_set_date (self->date_row, today);

  g_signal_connect_object (budg_context_get_database (self->context), "changed",
                           G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
  reload (self);
  form_changed_cb (self);
}

static void
budg_rates_window_dispose (GObject *object)
{
  BudgRatesWindow *self = (BudgRatesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_RATES_WINDOW);
  g_clear_object (&self->currencies);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_rates_window_parent_class)->dispose (object);
}

static void
budg_rates_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  BudgRatesWindow *self = BUDG_RATES_WINDOW (object);

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
budg_rates_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  BudgRatesWindow *self = BUDG_RATES_WINDOW (object);

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
budg_rates_window_class_init (BudgRatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_rates_window_constructed;
  object_class->dispose = budg_rates_window_dispose;
  object_class->get_property = budg_rates_window_get_property;
  object_class->set_property = budg_rates_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (BUDG_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-rates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, from_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, to_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, rate_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, date_row);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, add_button);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, rates_list);
  gtk_widget_class_bind_template_child (widget_class, BudgRatesWindow, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_rates_window_init (BudgRatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
budg_rates_window_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_RATES_WINDOW, "context", context, NULL);
}

BudgContext *
budg_rates_window_get_context (BudgRatesWindow *self)
{
  g_return_val_if_fail (BUDG_IS_RATES_WINDOW (self), NULL);

  return self->context;
}

void
budg_rates_window_propose (BudgRatesWindow *self,
                           const char      *from_currency,
                           const char      *to_currency)
{
  g_return_if_fail (BUDG_IS_RATES_WINDOW (self));

  select_code (self, self->from_row, from_currency);
  select_code (self, self->to_row, to_currency);
}
