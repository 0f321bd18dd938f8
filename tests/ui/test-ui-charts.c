/* test-ui-charts.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "test-ui-charts"

#include "config.h"

#include <adwaita.h>
#include <locale.h>
#include <string.h>

#include "budg-chart-view.h"
#include "budg-chart.h"
#include "budg-resources.h"

/* The chart widget in a real window: what it draws comes from its
 * snapshot, clicks and the keyboard reach the transactions behind an item
 * through the "activated" signal, and screen readers get every value.
 */

#define WAIT_USEC (10 * G_USEC_PER_SEC)

#define SPIN_UNTIL(condition)                                                   \
  G_STMT_START {                                                                \
    gint64 spin_end_ = g_get_monotonic_time () + WAIT_USEC;                     \
    while (!(condition))                                                        \
      {                                                                         \
        if (g_get_monotonic_time () > spin_end_)                                \
          {                                                                     \
            g_test_message ("Timed out waiting for: %s", #condition);           \
            g_assert_true (condition);                                          \
            break;                                                              \
          }                                                                     \
        if (!g_main_context_iteration (NULL, FALSE))                            \
          g_usleep (1000);                                                      \
      }                                                                         \
  } G_STMT_END

typedef struct
{
  GtkWindow     *window;
  BudgChartView *view;
  BudgChartData *data;
  guint          n_activated;
  guint          series;
  guint          index;
} Fixture;

static void
activated_cb (BudgChartView *view,
              guint          series,
              guint          index,
              Fixture       *fixture)
{
  fixture->n_activated++;
  fixture->series = series;
  fixture->index = index;
}

/* Income and spending over three months, spending negative in March. */
static BudgChartData *
make_bars (void)
{
  static const gint64 income[] = { 250000, 260000, 240000 };
  static const gint64 spending[] = { 120000, 310000, -45000 };
  BudgChartData *data = budg_chart_data_new (BUDG_CHART_KIND_BARS_GROUPED, "Income and spending", "EUR");

  budg_chart_data_add_label (data, "January", NULL);
  budg_chart_data_add_label (data, "February", NULL);
  budg_chart_data_add_label (data, "March", NULL);
  budg_chart_data_add_series (data, "Income", NULL);
  budg_chart_data_add_series (data, "Spending", "#e01b24");
  budg_chart_data_set_values (data, 0, income, G_N_ELEMENTS (income));
  budg_chart_data_set_values (data, 1, spending, G_N_ELEMENTS (spending));

  return data;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);

  fixture->data = make_bars ();
  fixture->view = BUDG_CHART_VIEW (g_object_ref_sink (budg_chart_view_new ()));
  budg_chart_view_set_data (fixture->view, fixture->data);
  g_signal_connect (fixture->view, "activated", G_CALLBACK (activated_cb), fixture);

  fixture->window = GTK_WINDOW (g_object_ref_sink (gtk_window_new ()));
  gtk_window_set_default_size (fixture->window, 640, 420);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);

  SPIN_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fixture->view)) &&
              gtk_widget_get_width (GTK_WIDGET (fixture->view)) > 300 &&
              gtk_widget_get_height (GTK_WIDGET (fixture->view)) > 200);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (fixture->window);
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->view);
  g_clear_pointer (&fixture->data, budg_chart_data_unref);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
item_center (Fixture *fixture,
             guint    series,
             guint    index,
             double  *out_x,
             double  *out_y)
{
  g_assert_true (budg_chart_get_item_center (gtk_widget_get_width (GTK_WIDGET (fixture->view)),
                                             gtk_widget_get_height (GTK_WIDGET (fixture->view)),
                                             fixture->data, series, index, out_x, out_y));
}

/* The widget's snapshot, drawn into an image as the cairo renderer would. */
static cairo_surface_t *
render_view (Fixture *fixture)
{
  GtkWidget *widget = GTK_WIDGET (fixture->view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface;
  cairo_t *cr;

  GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                        gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  cr = cairo_create (surface);
  /* Under the chart, the window's background, as on screen. */
  if (adw_style_manager_get_dark (adw_style_manager_get_default ()))
    cairo_set_source_rgb (cr, 0x24 / 255.0, 0x24 / 255.0, 0x24 / 255.0);
  else
    cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  gsk_render_node_unref (node);
  cairo_surface_flush (surface);

  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (surface);

  return *(const guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static gboolean
pixel_is_rgb (guint32 pixel,
              guint32 rgb)
{
  for (guint shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((pixel >> shift) & 0xff) - (int) ((rgb >> shift) & 0xff)) > 2)
      return FALSE;

  return TRUE;
}

static int
luminance (guint32 pixel)
{
  return (((pixel >> 16) & 0xff) * 3 + ((pixel >> 8) & 0xff) * 6 + (pixel & 0xff)) / 10;
}

static int
luminance_at (Fixture *fixture,
              int      x,
              int      y)
{
  cairo_surface_t *surface = render_view (fixture);
  int result = luminance (pixel_at (surface, x, y));

  cairo_surface_destroy (surface);

  return result;
}

/* Clicking a bar's centre activates that bar; a click beside the bars
 * activates nothing. */
static void
test_click_activates (Fixture       *fixture,
                      gconstpointer  user_data)
{
  for (guint series = 0; series < 2; series++)
    for (guint index = 0; index < 3; index++)
      {
        guint n_before = fixture->n_activated;
        guint selected_series, selected_index;
        double x, y;

        item_center (fixture, series, index, &x, &y);
        g_assert_true (budg_chart_view_activate_at (fixture->view, x, y));
        g_assert_cmpuint (fixture->n_activated, ==, n_before + 1);
        g_assert_cmpuint (fixture->series, ==, series);
        g_assert_cmpuint (fixture->index, ==, index);

        /* The click also moves the keyboard there. */
        g_assert_true (budg_chart_view_get_selected (fixture->view, &selected_series, &selected_index));
        g_assert_cmpuint (selected_series, ==, series);
        g_assert_cmpuint (selected_index, ==, index);
      }

  g_assert_false (budg_chart_view_activate_at (fixture->view, 2, 2));
  g_assert_cmpuint (fixture->n_activated, ==, 6);

  /* Without data there is nothing to click. */
  budg_chart_view_set_data (fixture->view, NULL);
  g_assert_false (budg_chart_view_activate_at (fixture->view, 100, 100));
  g_assert_false (budg_chart_view_get_selected (fixture->view, NULL, NULL));
  g_assert_cmpuint (fixture->n_activated, ==, 6);
}

/* Focus lands on the first bar; the arrows walk month by month, series
 * by series; Enter activates the bar the keyboard is on. */
static void
test_keyboard (Fixture       *fixture,
               gconstpointer  user_data)
{
  guint series, index;

  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->view)));
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (fixture->view)));
  SPIN_UNTIL (gtk_widget_has_focus (GTK_WIDGET (fixture->view)));
  SPIN_UNTIL (budg_chart_view_get_selected (fixture->view, NULL, NULL));

  g_assert_true (budg_chart_view_get_selected (fixture->view, &series, &index));
  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpuint (index, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.next", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.next", NULL));
  g_assert_true (budg_chart_view_get_selected (fixture->view, &series, &index));
  g_assert_cmpuint (series, ==, 1);
  g_assert_cmpuint (index, ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.activate", NULL));
  g_assert_cmpuint (fixture->n_activated, ==, 1);
  g_assert_cmpuint (fixture->series, ==, 1);
  g_assert_cmpuint (fixture->index, ==, 1);

  /* The ends hold. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.last", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.next", NULL));
  g_assert_true (budg_chart_view_get_selected (fixture->view, &series, &index));
  g_assert_cmpuint (series, ==, 1);
  g_assert_cmpuint (index, ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.first", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.previous", NULL));
  g_assert_true (budg_chart_view_get_selected (fixture->view, &series, &index));
  g_assert_cmpuint (series, ==, 0);
  g_assert_cmpuint (index, ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "chart.activate", NULL));
  g_assert_cmpuint (fixture->n_activated, ==, 2);
  g_assert_cmpuint (fixture->series, ==, 0);
  g_assert_cmpuint (fixture->index, ==, 0);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *description = budg_chart_describe (fixture->data);
  g_autofree char *mismatch = NULL;
  g_autoptr(BudgChartData) other = budg_chart_data_new (BUDG_CHART_KIND_DONUT, NULL, "EUR");
  g_autofree char *other_description = NULL;

  /* Every value is in the description, with its series and month. */
  g_assert_nonnull (strstr (description, "Income, January — €2,500.00"));
  g_assert_nonnull (strstr (description, "Spending, February — €3,100.00"));
  g_assert_nonnull (strstr (description, "Spending, March — -€450.00"));

  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description);
  g_assert_null (mismatch);
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                 GTK_ACCESSIBLE_PROPERTY_LABEL, "Income and spending");
  g_assert_null (mismatch);
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->view)), ==,
                   GTK_ACCESSIBLE_ROLE_IMG);

  /* New data, new description. */
  budg_chart_data_add_series (other, "Spending", NULL);
  budg_chart_data_add_label (other, "Rent", NULL);
  budg_chart_data_append_value (other, 0, 90000);
  budg_chart_view_set_data (fixture->view, other);
  other_description = budg_chart_describe (other);
  g_assert_cmpstr (other_description, ==, "Rent — €900.00 (100%)");
  mismatch = gtk_test_accessible_check_property (GTK_ACCESSIBLE (fixture->view),
                                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, other_description);
  g_assert_null (mismatch);
  g_assert_true (budg_chart_view_get_data (fixture->view) == other);
}

/* The snapshot draws the bars in their colours where the geometry says,
 * and takes its text colour from the style: the zero line is dark on
 * light and light on dark. */
static void
test_snapshot_follows_style (Fixture       *fixture,
                             gconstpointer  user_data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  cairo_surface_t *surface;
  double x0, y0, x1, y1;
  int zero_row;
  int gap_x;
  int light_luminance;

  item_center (fixture, 0, 0, &x0, &y0);
  item_center (fixture, 1, 0, &x1, &y1);
  surface = render_view (fixture);
  g_assert_true (pixel_is_rgb (pixel_at (surface, x0, y0), 0x3584e4));
  g_assert_true (pixel_is_rgb (pixel_at (surface, x1, y1), 0xe01b24));

  /* The zero row: just below the first bar. */
  zero_row = (int) y0;
  while (pixel_is_rgb (pixel_at (surface, x0, zero_row), 0x3584e4))
    zero_row++;
  /* Between January's and February's bars. */
  item_center (fixture, 0, 1, &x1, &y1);
  gap_x = (int) (x0 + (x1 - x0) * 0.6);
  light_luminance = luminance (pixel_at (surface, gap_x, zero_row));
  g_test_message ("zero line at (%d, %d), light: %d", gap_x, zero_row, light_luminance);
  g_assert_cmpint (light_luminance, <, 110);
  cairo_surface_destroy (surface);

  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  SPIN_UNTIL (adw_style_manager_get_dark (manager));
  /* The CSS is recomputed on the next frame. */
  SPIN_UNTIL (luminance_at (fixture, gap_x, zero_row) > 180);
  surface = render_view (fixture);
  g_test_message ("zero line dark: %d", luminance (pixel_at (surface, gap_x, zero_row)));
  /* The bars keep their colours. */
  g_assert_true (pixel_is_rgb (pixel_at (surface, x0, y0), 0x3584e4));
  g_clear_pointer (&surface, cairo_surface_destroy);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The resources sit in a static library; naming them keeps them linked. */
  g_assert_nonnull (budg_get_resource ());

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/charts/click-activates", test_click_activates);
  ADD ("/ui/charts/keyboard", test_keyboard);
  ADD ("/ui/charts/accessible", test_accessible);
  ADD ("/ui/charts/snapshot-follows-style", test_snapshot_follows_style);

#undef ADD

  return g_test_run ();
}
