/* budg-preferences-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-background.h"
#include "budg-money.h"
#include "budg-bank-connections-window.h"
#include "budg-preferences-window.h"

struct _BudgPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  BudgContext          *context;

  AdwPreferencesGroup  *money_group;
  AdwComboRow          *currency_row;
  AdwComboRow          *first_day_row;
  AdwPreferencesGroup  *notifications_group;
  GtkSwitch            *upcoming_switch;
  GtkSwitch            *due_today_switch;
  GtkSwitch            *overdue_switch;
  GtkSwitch            *budgets_switch;
  GtkSpinButton        *budget_warning_spin;
  GtkSpinButton        *large_transaction_spin;
  GtkSwitch            *banks_switch;
  GtkSpinButton        *lead_days_spin;
  AdwExpanderRow       *quiet_hours_row;
  GtkSpinButton        *quiet_start_spin;
  GtkSpinButton        *quiet_end_spin;
  GtkSwitch            *background_switch;
  AdwComboRow          *sync_interval_row;

  GCancellable         *cancellable;
};

G_DEFINE_FINAL_TYPE (BudgPreferencesWindow, budg_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* In the order of the rows of first_day_row in the .ui file. */
static const char * const first_day_values[] = { "locale", "monday", "sunday", "saturday", NULL };

/* Minutes between bank syncs, in the order of the rows of sync_interval_row. */
static const guint sync_interval_values[] = { 0, 60, 240, 720, 1440 };

static gboolean
minutes_to_selected (GValue   *value,
                     GVariant *variant,
                     gpointer  user_data)
{
  guint minutes = g_variant_get_uint32 (variant);
  guint closest = 0;

  /* A value set elsewhere (gsettings) shows as the nearest choice. */
  for (guint i = 1; i < G_N_ELEMENTS (sync_interval_values); i++)
    {
      if (ABS ((int) sync_interval_values[i] - (int) minutes) <
          ABS ((int) sync_interval_values[closest] - (int) minutes))
        closest = i;
    }

  g_value_set_uint (value, closest);
  return TRUE;
}

static GVariant *
selected_to_minutes (const GValue       *value,
                     const GVariantType *expected_type,
                     gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (sync_interval_values))
    return NULL;

  return g_variant_new_uint32 (sync_interval_values[selected]);
}

static void
bank_connections_activated_cb (BudgPreferencesWindow *self)
{
  GtkWidget *window = budg_bank_connections_window_new (self->context);

  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_present (GTK_WINDOW (window));
}

/* Maps between a string key and the index of a combo row, whose
 * "selected" property is a uint; @user_data is the NULL-terminated array
 * of the key's values in the order of the rows.
 */
static gboolean
string_to_selected (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char * const *values = user_data;
  const char *string = g_variant_get_string (variant, NULL);

  for (guint i = 0; values[i] != NULL; i++)
    {
      if (g_strcmp0 (values[i], string) == 0)
        {
          g_value_set_uint (value, i);
          return TRUE;
        }
    }

  return FALSE;
}

static GVariant *
selected_to_string (const GValue       *value,
                    const GVariantType *expected_type,
                    gpointer            user_data)
{
  const char * const *values = user_data;
  guint selected = g_value_get_uint (value);

  if (selected >= g_strv_length ((char **) values))
    return NULL;

  return g_variant_new_string (values[selected]);
}

static GListModel *
create_currency_model (const char * const *codes)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    {
      const char *symbol = budg_currency_get_symbol (codes[i]);

      if (symbol != NULL && symbol[0] != '\0' && g_strcmp0 (symbol, codes[i]) != 0)
        {
          /* Translators: a currency in a list, e.g. "EUR (€)". */
          g_autofree char *label = g_strdup_printf (_("%s (%s)"), codes[i], symbol);

          gtk_string_list_append (list, label);
        }
      else
        {
          gtk_string_list_append (list, codes[i]);
        }
    }

  return G_LIST_MODEL (list);
}

static void
request_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(BudgPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  GSettings *settings;

  if (budg_background_request_finish (result, &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || self->context == NULL)
    return;

  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (error->message));

  /* The switch says what happens at the next login: not what was asked
   * for when it could not be done. */
  settings = budg_context_get_settings (self->context);
  if (g_settings_get_boolean (settings, "background-reminders"))
    g_settings_set_boolean (settings, "background-reminders", FALSE);
}

/* Follows the setting rather than the switch, so a change made elsewhere
 * while this window is open is carried out too, once. */
static void
background_reminders_changed_cb (BudgPreferencesWindow *self,
                                 const char            *key,
                                 GSettings             *settings)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  budg_background_request_async (g_settings_get_boolean (settings, key), self->cancellable,
                                 request_background_cb, g_object_ref (self));
}

static void
bind_notifications (BudgPreferencesWindow *self,
                    GSettings             *settings)
{
  g_settings_bind (settings, "notify-bills-upcoming", self->upcoming_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-bills-due-today", self->due_today_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-bills-overdue", self->overdue_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-budgets", self->budgets_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "budget-warning-percent", self->budget_warning_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "large-transaction-amount", self->large_transaction_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "notify-banks", self->banks_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "default-lead-days", self->lead_days_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-hours", self->quiet_hours_row, "enable-expansion",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-hours-start", self->quiet_start_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "quiet-hours-end", self->quiet_end_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "background-reminders", self->background_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect_object (settings, "changed::background-reminders",
                           G_CALLBACK (background_reminders_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
budg_preferences_window_constructed (GObject *object)
{
  BudgPreferencesWindow *self = (BudgPreferencesWindow *) object;
  const char * const *codes = budg_currency_list_codes ();
  g_autoptr(GListModel) currencies = NULL;
  GSettings *settings;

  G_OBJECT_CLASS (budg_preferences_window_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  currencies = create_currency_model (codes);
  adw_combo_row_set_model (self->currency_row, currencies);

  settings = budg_context_get_settings (self->context);
  if (settings == NULL)
    {
      adw_preferences_group_set_description (self->money_group,
                                             _("These preferences cannot be changed because the "
                                               "Budg settings schema is not installed. Reinstall "
                                               "Budg to fix this."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->first_day_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->notifications_group), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->sync_interval_row), FALSE);
      return;
    }

  bind_notifications (self, settings);

  /* The code lists are static, so they outlive the bindings. */
  g_settings_bind_with_mapping (settings, "default-currency",
                                self->currency_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                string_to_selected, selected_to_string,
                                (gpointer) codes, NULL);
  g_settings_bind_with_mapping (settings, "first-day-of-week",
                                self->first_day_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                string_to_selected, selected_to_string,
                                (gpointer) first_day_values, NULL);
  g_settings_bind_with_mapping (settings, "bank-sync-interval",
                                self->sync_interval_row, "selected",
                                G_SETTINGS_BIND_DEFAULT,
                                minutes_to_selected, selected_to_minutes,
                                NULL, NULL);
}

static void
budg_preferences_window_dispose (GObject *object)
{
  BudgPreferencesWindow *self = (BudgPreferencesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_preferences_window_parent_class)->dispose (object);
}

static void
budg_preferences_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  BudgPreferencesWindow *self = BUDG_PREFERENCES_WINDOW (object);

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
budg_preferences_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  BudgPreferencesWindow *self = BUDG_PREFERENCES_WINDOW (object);

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
budg_preferences_window_class_init (BudgPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_preferences_window_constructed;
  object_class->dispose = budg_preferences_window_dispose;
  object_class->get_property = budg_preferences_window_get_property;
  object_class->set_property = budg_preferences_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, money_group);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, currency_row);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, first_day_row);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, sync_interval_row);
  gtk_widget_class_bind_template_callback (widget_class, bank_connections_activated_cb);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, notifications_group);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, upcoming_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, due_today_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, budgets_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, budget_warning_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, large_transaction_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, banks_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, lead_days_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, quiet_hours_row);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, quiet_start_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, quiet_end_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgPreferencesWindow, background_switch);
}

static void
budg_preferences_window_init (BudgPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_preferences_window_new:
 * @context: the context whose settings are edited
 *
 * Returns: (transfer full): a new #BudgPreferencesWindow
 */
GtkWidget *
budg_preferences_window_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_PREFERENCES_WINDOW,
                       "context", context,
                       NULL);
}
