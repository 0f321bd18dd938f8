/* budg-chart-view.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "budg-chart-view.h"
#include "budg-chart.h"

/* A chart on screen: the drawing is budg_chart_draw(), the very code that
 * exports charts to files, given the widget's size and its CSS colours.
 * The widget adds what only a screen has: the hovered item outlined with
 * its value in a tooltip, arrow keys moving between slices, bars or points
 * (Enter or a click activates one, to open the transactions behind it),
 * and every value spelled out for screen readers.
 */

struct _BudgChartView
{
  GtkWidget      parent_instance;

  BudgChartData *data;
  /* BudgChartItem: what the arrow keys step through, in reading order. */
  GArray        *items;
  /* Into @items, or -1: the item the keyboard is on. */
  int            selected;

  gboolean       hovering;
  BudgChartItem  hovered;
};

G_DEFINE_FINAL_TYPE (BudgChartView, budg_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA,
  N_PROPS
};

enum {
  ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
get_style (BudgChartView  *self,
           BudgChartStyle *style)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  g_autofree char *font = pango_font_description_to_string (pango_context_get_font_description (context));
  GdkRGBA color;

  /* gtk_widget_get_color() is 4.10; the style context still works there. */
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);

  budg_chart_style_init_light (style);
  style->foreground = (BudgChartColor) { color.red, color.green, color.blue, color.alpha };
  style->grid = (BudgChartColor) { color.red, color.green, color.blue, color.alpha * 0.15 };
  /* The widget's own background shows through. */
  style->background = (BudgChartColor) { 0, 0, 0, 0 };
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  budg_chart_style_set_font (style, font);
}

static const BudgChartItem *
get_selected_item (BudgChartView *self)
{
  if (self->items == NULL || self->selected < 0 || (guint) self->selected >= self->items->len)
    return NULL;

  return &g_array_index (self->items, BudgChartItem, self->selected);
}

static void
select_item (BudgChartView *self,
             guint          series,
             guint          index)
{
  if (self->items == NULL)
    return;

  for (guint i = 0; i < self->items->len; i++)
    {
      const BudgChartItem *item = &g_array_index (self->items, BudgChartItem, i);

      if (item->series == series && item->index == index)
        {
          self->selected = (int) i;
          gtk_widget_queue_draw (GTK_WIDGET (self));
          return;
        }
    }
}

static void
move_selection (BudgChartView *self,
                int            position)
{
  if (self->items == NULL || self->items->len == 0)
    return;

  self->selected = CLAMP (position, 0, (int) self->items->len - 1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
update_accessible (BudgChartView *self)
{
  g_autofree char *description = NULL;
  const char *title = NULL;

  if (self->data != NULL)
    {
      title = budg_chart_data_get_title (self->data);
      description = budg_chart_describe (self->data);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && title[0] != '\0' ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : "",
                                  -1);
}

static void
set_hovered (BudgChartView *self,
             gboolean       hovering,
             guint          series,
             guint          index)
{
  if (self->hovering == hovering &&
      (!hovering || (self->hovered.series == series && self->hovered.index == index)))
    return;

  self->hovering = hovering;
  self->hovered = (BudgChartItem) { series, index };
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hovering ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
motion_cb (BudgChartView            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  guint series = 0;
  guint index = 0;
  gboolean hit = FALSE;

  if (self->data != NULL)
    hit = budg_chart_hit_test (gtk_widget_get_width (GTK_WIDGET (self)),
                               gtk_widget_get_height (GTK_WIDGET (self)),
                               self->data, x, y, &series, &index);

  set_hovered (self, hit, series, index);
}

static void
leave_cb (BudgChartView            *self,
          GtkEventControllerMotion *controller)
{
  set_hovered (self, FALSE, 0, 0);
}

static void
released_cb (BudgChartView   *self,
             int              n_press,
             double           x,
             double           y,
             GtkGestureClick *gesture)
{
  if (n_press != 1)
    return;

  if (gtk_widget_get_focusable (GTK_WIDGET (self)))
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (budg_chart_view_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Keyboard focus lands on the first item, so that the arrows have
 * somewhere to start from and the outline shows where focus is. */
static void
focus_enter_cb (BudgChartView           *self,
                GtkEventControllerFocus *controller)
{
  if (get_selected_item (self) == NULL)
    move_selection (self, 0);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
focus_leave_cb (BudgChartView           *self,
                GtkEventControllerFocus *controller)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
chart_next_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  BudgChartView *self = BUDG_CHART_VIEW (widget);

  move_selection (self, self->selected + 1);
}

static void
chart_previous_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BudgChartView *self = BUDG_CHART_VIEW (widget);

  move_selection (self, self->selected < 0 ? 0 : self->selected - 1);
}

static void
chart_first_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move_selection (BUDG_CHART_VIEW (widget), 0);
}

static void
chart_last_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_selection (BUDG_CHART_VIEW (widget), G_MAXINT);
}

static void
chart_activate_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  BudgChartView *self = BUDG_CHART_VIEW (widget);
  const BudgChartItem *item = get_selected_item (self);

  if (item != NULL)
    g_signal_emit (self, signals[ACTIVATED], 0, item->series, item->index);
}

static gboolean
budg_chart_view_query_tooltip (GtkWidget  *widget,
                               int         x,
                               int         y,
                               gboolean    keyboard_mode,
                               GtkTooltip *tooltip)
{
  BudgChartView *self = BUDG_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  guint series;
  guint index;

  if (self->data == NULL)
    return FALSE;

  if (keyboard_mode)
    {
      const BudgChartItem *item = get_selected_item (self);

      if (item == NULL)
        return FALSE;
      series = item->series;
      index = item->index;
    }
  else if (!budg_chart_hit_test (gtk_widget_get_width (widget), gtk_widget_get_height (widget),
                                 self->data, x, y, &series, &index))
    return FALSE;

  text = budg_chart_describe_hit (self->data, series, index);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
budg_chart_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  BudgChartView *self = BUDG_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const BudgChartItem *selected = get_selected_item (self);
  BudgChartStyle style;
  cairo_t *cr;

  if (self->data == NULL || width <= 0 || height <= 0)
    return;

  get_style (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  budg_chart_draw (cr, width, height, self->data, &style);

  if (self->hovering)
    budg_chart_draw_highlight (cr, width, height, self->data, &style,
                               self->hovered.series, self->hovered.index);

  /* The keyboard's item is outlined only while the keyboard is in use, the
   * way focus rings are. */
  if (selected != NULL && gtk_widget_has_visible_focus (widget) &&
      (!self->hovering || self->hovered.series != selected->series || self->hovered.index != selected->index))
    budg_chart_draw_highlight (cr, width, height, self->data, &style, selected->series, selected->index);

  cairo_destroy (cr);
}

static void
budg_chart_view_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  /* Small enough for a narrow window, big enough for a legend to fit. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 160;
      *natural = 480;
    }
  else
    {
      *minimum = 120;
      *natural = 320;
    }
}

static void
budg_chart_view_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (budg_chart_view_parent_class)->css_changed (widget, change);

  /* The text colour and font come from CSS: a switch to dark redraws. */
  gtk_widget_queue_draw (widget);
}

static void
budg_chart_view_finalize (GObject *object)
{
  BudgChartView *self = BUDG_CHART_VIEW (object);

  g_clear_pointer (&self->data, budg_chart_data_unref);
  g_clear_pointer (&self->items, g_array_unref);

  G_OBJECT_CLASS (budg_chart_view_parent_class)->finalize (object);
}

static void
budg_chart_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BudgChartView *self = BUDG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_boxed (value, self->data);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_chart_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  BudgChartView *self = BUDG_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_DATA:
      budg_chart_view_set_data (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_chart_view_class_init (BudgChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = budg_chart_view_finalize;
  object_class->get_property = budg_chart_view_get_property;
  object_class->set_property = budg_chart_view_set_property;

  widget_class->snapshot = budg_chart_view_snapshot;
  widget_class->measure = budg_chart_view_measure;
  widget_class->query_tooltip = budg_chart_view_query_tooltip;
  widget_class->css_changed = budg_chart_view_css_changed;

  /**
   * BudgChartView:data: (nullable)
   *
   * What the chart shows. The view keeps a reference and treats the data
   * as read-only; to show something else, set new data.
   */
  properties[PROP_DATA] =
    g_param_spec_boxed ("data", NULL, NULL,
                        BUDG_TYPE_CHART_DATA,
                        (G_PARAM_READWRITE |
                         G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgChartView::activated:
   * @self: a #BudgChartView
   * @series: the series of the activated item
   * @index: its position: the slice, the month, the day
   *
   * Emitted when the user clicks a slice, bar or point, or presses Enter
   * on the one the arrow keys are on, which asks to see the transactions
   * behind it in the register.
   */
  signals[ACTIVATED] =
    g_signal_new ("activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "chart.next", NULL, chart_next_action);
  gtk_widget_class_install_action (widget_class, "chart.previous", NULL, chart_previous_action);
  gtk_widget_class_install_action (widget_class, "chart.first", NULL, chart_first_action);
  gtk_widget_class_install_action (widget_class, "chart.last", NULL, chart_last_action);
  gtk_widget_class_install_action (widget_class, "chart.activate", NULL, chart_activate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Right, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Down, 0, "chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Left, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Up, 0, "chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "chart.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "chart.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "chart.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "budg-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
budg_chart_view_init (BudgChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->selected = -1;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_object (controller, "motion", G_CALLBACK (motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_object (gesture, "released", G_CALLBACK (released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (focus_enter_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave", G_CALLBACK (focus_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  update_accessible (self);
}

/**
 * budg_chart_view_new:
 *
 * Returns: (transfer full): a new, empty chart view
 */
GtkWidget *
budg_chart_view_new (void)
{
  return g_object_new (BUDG_TYPE_CHART_VIEW, NULL);
}

/**
 * budg_chart_view_get_data:
 * @self: a #BudgChartView
 *
 * Returns: (transfer none) (nullable): what the chart shows
 */
BudgChartData *
budg_chart_view_get_data (BudgChartView *self)
{
  g_return_val_if_fail (BUDG_IS_CHART_VIEW (self), NULL);

  return self->data;
}

/**
 * budg_chart_view_set_data:
 * @self: a #BudgChartView
 * @data: (nullable): what to show; the view takes a reference
 *
 * Shows other data. The keyboard starts over from the first item.
 */
void
budg_chart_view_set_data (BudgChartView *self,
                          BudgChartData *data)
{
  g_return_if_fail (BUDG_IS_CHART_VIEW (self));

  if (self->data == data)
    return;

  if (data != NULL)
    budg_chart_data_ref (data);
  g_clear_pointer (&self->data, budg_chart_data_unref);
  self->data = data;

  g_clear_pointer (&self->items, g_array_unref);
  if (data != NULL)
    self->items = budg_chart_list_items (data);
  self->selected = -1;
  self->hovering = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

/**
 * budg_chart_view_get_selected:
 * @self: a #BudgChartView
 * @out_series: (out) (optional): the series of the item the keyboard is on
 * @out_index: (out) (optional): its position
 *
 * Returns: %TRUE if the keyboard (or the last click) is on an item
 */
gboolean
budg_chart_view_get_selected (BudgChartView *self,
                              guint         *out_series,
                              guint         *out_index)
{
  const BudgChartItem *item;

  g_return_val_if_fail (BUDG_IS_CHART_VIEW (self), FALSE);

  item = get_selected_item (self);
  if (item == NULL)
    return FALSE;

  if (out_series != NULL)
    *out_series = item->series;
  if (out_index != NULL)
    *out_index = item->index;

  return TRUE;
}

/**
 * budg_chart_view_activate_at:
 * @self: a #BudgChartView
 * @x: a point in the widget's coordinates
 * @y: a point in the widget's coordinates
 *
 * What a click at (@x, @y) does: selects the slice, bar or point there and
 * emits #BudgChartView::activated for it.
 *
 * Returns: %TRUE if there was an item to activate
 */
gboolean
budg_chart_view_activate_at (BudgChartView *self,
                             double         x,
                             double         y)
{
  guint series;
  guint index;

  g_return_val_if_fail (BUDG_IS_CHART_VIEW (self), FALSE);

  if (self->data == NULL ||
      !budg_chart_hit_test (gtk_widget_get_width (GTK_WIDGET (self)),
                            gtk_widget_get_height (GTK_WIDGET (self)),
                            self->data, x, y, &series, &index))
    return FALSE;

  select_item (self, series, index);
  g_signal_emit (self, signals[ACTIVATED], 0, series, index);

  return TRUE;
}
