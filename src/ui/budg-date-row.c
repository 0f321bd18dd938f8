/* budg-date-row.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-date-row"

#include "config.h"

#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-util.h"

/* A row of a form that holds a day: the day in short form on a button at
 * the end, which opens a calendar to pick another. The day is an ISO 8601
 * string like everywhere else in Budg, and today until one is set.
 */

struct _BudgDateRow
{
  AdwActionRow   parent_instance;

  char          *date;
  char          *accessible_button_label;

  GtkMenuButton *menu_button;
  GtkCalendar   *calendar;
};

G_DEFINE_FINAL_TYPE (BudgDateRow, budg_date_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ACCESSIBLE_BUTTON_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Takes a date that is known to be valid. */
static void
update_date (BudgDateRow *self,
             const char  *date)
{
  g_autofree char *label = NULL;

  if (!budg_set_str (&self->date, date))
    return;

  label = budg_date_format_short (date);
  gtk_menu_button_set_label (self->menu_button, label);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
set_accessible_button_label (BudgDateRow *self,
                             const char  *label)
{
  if (!budg_set_str (&self->accessible_button_label, label))
    return;

  /* The button shows the date; screen readers say what the date is of. */
  if (label != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->menu_button),
                                   GTK_ACCESSIBLE_PROPERTY_LABEL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCESSIBLE_BUTTON_LABEL]);
}

static void
day_selected_cb (BudgDateRow *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (day, "%Y-%m-%d");

  update_date (self, date);
  gtk_menu_button_popdown (self->menu_button);
}

static void
budg_date_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), BUDG_TYPE_DATE_ROW);

  G_OBJECT_CLASS (budg_date_row_parent_class)->dispose (object);
}

static void
budg_date_row_finalize (GObject *object)
{
  BudgDateRow *self = BUDG_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->accessible_button_label, g_free);

  G_OBJECT_CLASS (budg_date_row_parent_class)->finalize (object);
}

static void
budg_date_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BudgDateRow *self = BUDG_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ACCESSIBLE_BUTTON_LABEL:
      g_value_set_string (value, self->accessible_button_label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_date_row_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BudgDateRow *self = BUDG_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      budg_date_row_set_date (self, g_value_get_string (value));
      break;

    case PROP_ACCESSIBLE_BUTTON_LABEL:
      set_accessible_button_label (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_date_row_class_init (BudgDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = budg_date_row_dispose;
  object_class->finalize = budg_date_row_finalize;
  object_class->get_property = budg_date_row_get_property;
  object_class->set_property = budg_date_row_set_property;

  /* The day, as an ISO 8601 date such as "2026-11-22"; today at first. */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* What assistive technologies call the button that shows the day, such
   * as "Date of the balance", since the day alone does not say what it is
   * the day of.
   */
  properties[PROP_ACCESSIBLE_BUTTON_LABEL] =
    g_param_spec_string ("accessible-button-label", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgDateRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, BudgDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
}

static void
budg_date_row_init (BudgDateRow *self)
{
  g_autofree char *today = budg_date_today ();

  gtk_widget_init_template (GTK_WIDGET (self));

  budg_date_row_set_date (self, today);
}

/**
 * budg_date_row_new:
 *
 * Returns: (transfer floating): a new #BudgDateRow showing today
 */
GtkWidget *
budg_date_row_new (void)
{
  return g_object_new (BUDG_TYPE_DATE_ROW, NULL);
}

/**
 * budg_date_row_get_date:
 * @self: a #BudgDateRow
 *
 * Returns: (transfer none): the day of @self, as an ISO 8601 date
 */
const char *
budg_date_row_get_date (BudgDateRow *self)
{
  g_return_val_if_fail (BUDG_IS_DATE_ROW (self), NULL);

  return self->date;
}

/**
 * budg_date_row_set_date:
 * @self: a #BudgDateRow
 * @date: an ISO 8601 date such as "2026-11-22"
 *
 * Shows @date on the button and selects it on the calendar.
 */
void
budg_date_row_set_date (BudgDateRow *self,
                        const char  *date)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *iso = NULL;
  GDate parsed;

  g_return_if_fail (BUDG_IS_DATE_ROW (self));
  g_return_if_fail (date != NULL);

  if (!budg_date_parse (date, &parsed, NULL))
    {
      g_critical ("“%s” is not an ISO 8601 date", date);
      return;
    }

  iso = budg_date_to_iso (&parsed);
  update_date (self, iso);

  /* Only a day picked on the calendar closes the popover. */
  day = g_date_time_new_local (g_date_get_year (&parsed), g_date_get_month (&parsed),
                               g_date_get_day (&parsed), 0, 0, 0);
  g_signal_handlers_block_by_func (self->calendar, day_selected_cb, self);
  gtk_calendar_select_day (self->calendar, day);
  g_signal_handlers_unblock_by_func (self->calendar, day_selected_cb, self);
}
