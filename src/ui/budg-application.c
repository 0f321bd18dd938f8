/* budg-application.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-application"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "budg-application.h"
#include "budg-backups.h"
#include "budg-bank-link-dialog.h"
#include "budg-date.h"
#include "budg-context.h"
#include "budg-notifier.h"
#include "budg-plaid-link.h"
#include "budg-preferences-window.h"
#include "budg-reminders.h"
#include "budg-resources.h"
#include "budg-window.h"

/* How long, and at least how many frames, to wait after the first frame
 * with data before a screenshot is taken, so that a view switched to has
 * loaded and been laid out, and the transitions it started (libadwaita's
 * last at most a quarter of a second) have ended. Turning animations off
 * instead trips GtkRevealer in GTK 4.8 into invalid allocations.
 */
#define SCREENSHOT_SETTLE_FRAMES 3
#define SCREENSHOT_SETTLE_USEC (800 * G_USEC_PER_SEC / 1000)
#define SCREENSHOT_TIMEOUT_SECONDS 60

/* The daily backup waits until the window is up and the first things the
 * user does are done: copying a large database competes for the disk. */
#define DAILY_BACKUP_DELAY_SECONDS 30

struct _BudgApplication
{
  AdwApplication  parent_instance;

  /* Set from BUDG_SCREENSHOT*: render the first window to a PNG and quit. */
  char           *screenshot_path;
  char           *screenshot_view;
  int             screenshot_width;
  int             screenshot_height;
  guint           screenshot_frames;
  gint64          screenshot_after;
  guint           screenshot_timeout;

  /* --background: held without a window, checking the bills of
   * background_path at start, at midnight, after the quiet hours and after
   * a resume from suspend, until reminders in the background are turned off.
   */
  gboolean         background;
  char            *background_path;
  GSettings       *settings;
  guint            check_source;
  GCancellable    *cancellable;
  GDBusConnection *system_bus;
  guint            sleep_subscription;
};

G_DEFINE_FINAL_TYPE (BudgApplication, budg_application, ADW_TYPE_APPLICATION)

static gboolean
save_widget_png (GtkWidget   *widget,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  GskRenderer *renderer;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  if (renderer == NULL || width <= 0 || height <= 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "The window is not shown, so there is nothing to take a screenshot of");
      return FALSE;
    }

  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  if (node == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "The window drew nothing");
      return FALSE;
    }

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   "Could not write the screenshot to “%s”; check that its folder exists and is writable",
                   path);
      return FALSE;
    }

  return TRUE;
}

static gboolean
screenshot_tick_cb (GtkWidget     *widget,
                    GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  BudgApplication *self = user_data;
  g_autoptr(GError) error = NULL;

  if (self->screenshot_frames > 0 || g_get_monotonic_time () < self->screenshot_after)
    {
      if (self->screenshot_frames > 0)
        self->screenshot_frames--;
      return G_SOURCE_CONTINUE;
    }

  if (!save_widget_png (widget, self->screenshot_path, &error))
    g_printerr ("budg: %s\n", error->message);

  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
begin_screenshot (BudgApplication *self,
                  GtkWidget       *window)
{
  self->screenshot_frames = SCREENSHOT_SETTLE_FRAMES;
  self->screenshot_after = g_get_monotonic_time () + SCREENSHOT_SETTLE_USEC;
  gtk_widget_add_tick_callback (window, screenshot_tick_cb, self, NULL);
}

static void
screenshot_window_ready_cb (BudgApplication *self,
                            BudgWindow      *window)
{
  if (self->screenshot_view != NULL)
    budg_window_set_view (window, self->screenshot_view);

  begin_screenshot (self, GTK_WIDGET (window));
}

static void
screenshot_timeout_cb (gpointer user_data)
{
  BudgApplication *self = user_data;

  self->screenshot_timeout = 0;
  g_printerr ("budg: no window with data was shown within %d seconds; no screenshot taken\n",
              SCREENSHOT_TIMEOUT_SECONDS);
  g_application_quit (G_APPLICATION (self));
}

static void
read_screenshot_environment (BudgApplication *self)
{
  const char *path = g_getenv ("BUDG_SCREENSHOT");
  const char *view = g_getenv ("BUDG_SCREENSHOT_VIEW");
  const char *width = g_getenv ("BUDG_SCREENSHOT_WIDTH");
  const char *height = g_getenv ("BUDG_SCREENSHOT_HEIGHT");

  if (path == NULL || path[0] == '\0')
    return;

  self->screenshot_path = g_strdup (path);
  self->screenshot_view = view != NULL && view[0] != '\0' ? g_strdup (view) : NULL;
  self->screenshot_width = width != NULL ? (int) g_ascii_strtoll (width, NULL, 10) : 0;
  self->screenshot_height = height != NULL ? (int) g_ascii_strtoll (height, NULL, 10) : 0;

  /* A screenshot shows the defaults, not whatever the user last left in
   * their settings, and taking one must not change those settings.
   */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
}

static void
show_open_error (BudgApplication *self,
                 const char      *path,
                 const GError    *error)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *header_bar;
  GtkWidget *status_page;
  GtkWidget *button;
  g_autofree char *description = NULL;

  window = adw_application_window_new (GTK_APPLICATION (self));
  gtk_window_set_title (GTK_WINDOW (window), _("Budg"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (window, "devel");
#endif

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header_bar = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header_bar);

  /* The path is what the user needs to act on; most messages name it. */
  if (strstr (error->message, path) != NULL)
    description = g_markup_escape_text (error->message, -1);
  else
    /* Translators: the first %s says what went wrong, the second is the
     * path of the database file. */
    description = g_markup_printf_escaped (_("%s\n\nThe database is <tt>%s</tt>."),
                                           error->message, path);

  status_page = adw_status_page_new ();
  gtk_widget_set_vexpand (status_page, TRUE);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status_page), "dialog-error-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status_page), _("Could Not Open the Database"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status_page), description);

  button = gtk_button_new_with_mnemonic (_("_Quit"));
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "app.quit");
  gtk_widget_add_css_class (button, "pill");
  adw_status_page_set_child (ADW_STATUS_PAGE (status_page), button);

  gtk_box_append (GTK_BOX (box), status_page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  gtk_window_present (GTK_WINDOW (window));

  if (self->screenshot_path != NULL)
    begin_screenshot (self, window);
}

static char *
resolve_path (GApplicationCommandLine *command_line,
              const char              *arg)
{
  g_autoptr(GFile) file = NULL;

  if (arg == NULL || arg[0] == '\0')
    return budg_database_get_default_path ();

  if (command_line != NULL)
    file = g_application_command_line_create_file_for_arg (command_line, arg);
  else
    file = g_file_new_for_commandline_arg (arg);

  return g_file_get_path (file);
}

/* The context of the window showing @path, or a new one: a payment made
 * from a notification then shows at once in that window. */
static BudgContext *
acquire_context (BudgApplication  *self,
                 const char       *path,
                 GError          **error)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      BudgContext *context;

      if (!BUDG_IS_WINDOW (l->data))
        continue;

      context = budg_window_get_context (l->data);
      if (g_strcmp0 (budg_database_get_path (budg_context_get_database (context)), path) == 0)
        return g_object_ref (context);
    }

  return budg_context_new (path, error);
}

static int
check_due (BudgApplication  *self,
           const char       *path,
           GError          **error)
{
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  context = acquire_context (self, path, error);
  if (context == NULL)
    return -1;

  return budg_notifier_send_due (G_APPLICATION (self), context, now, error);
}

static void schedule_background_check (BudgApplication *self);
static void start_daily_backup (BudgApplication *self,
                                const char      *path);

static void
run_background_check (BudgApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (check_due (self, self->background_path, &error) < 0)
    g_warning ("Could not check the bills of %s: %s", self->background_path, error->message);

  /* Running at midnight anyway: the day's backup, for a Budg seldom opened. */
  start_daily_backup (self, self->background_path);

  schedule_background_check (self);
}

static gboolean
background_check_cb (gpointer user_data)
{
  BudgApplication *self = user_data;

  self->check_source = 0;
  run_background_check (self);

  return G_SOURCE_REMOVE;
}

/* Timeouts stop while the machine sleeps, hence also the check after
 * resume. */
static void
schedule_background_check (BudgApplication *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = NULL;
  BudgReminderSettings settings;
  GTimeSpan wait;

  g_clear_handle_id (&self->check_source, g_source_remove);

  budg_notifier_read_settings (self->settings, &settings);
  next = budg_reminders_next_check (&settings, now);

  wait = g_date_time_difference (next, now);
  g_debug ("Next check of the bills in %" G_GINT64_FORMAT " s", wait / G_TIME_SPAN_SECOND);
  /* A second late rather than early, so the date has changed. */
  self->check_source = g_timeout_add_seconds ((guint) (wait / G_TIME_SPAN_SECOND) + 1,
                                              background_check_cb, self);
}

static void
prepare_for_sleep_cb (GDBusConnection *connection,
                      const char      *sender_name,
                      const char      *object_path,
                      const char      *interface_name,
                      const char      *signal_name,
                      GVariant        *parameters,
                      gpointer         user_data)
{
  BudgApplication *self = user_data;
  gboolean going_to_sleep = TRUE;

  if (g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(b)")))
    g_variant_get (parameters, "(b)", &going_to_sleep);

  if (!going_to_sleep && self->background)
    {
      g_debug ("Resumed from suspend");
      run_background_check (self);
    }
}

static void
system_bus_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  BudgApplication *self;
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_bus_get_finish (result, &error);
  if (connection == NULL)
    {
      /* No system bus (a container, the tests): Budg still checks at
       * midnight, just not right after a resume. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No system bus, so no check after resume: %s", error->message);
      return;
    }

  self = user_data;
  if (!self->background)
    return;

  self->system_bus = g_steal_pointer (&connection);
  self->sleep_subscription =
    g_dbus_connection_signal_subscribe (self->system_bus, "org.freedesktop.login1",
                                        "org.freedesktop.login1.Manager", "PrepareForSleep",
                                        "/org/freedesktop/login1", NULL,
                                        G_DBUS_SIGNAL_FLAGS_NONE,
                                        prepare_for_sleep_cb, self, NULL);
}

static void
stop_background (BudgApplication *self)
{
  if (!self->background)
    return;

  self->background = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->sleep_subscription != 0)
    g_dbus_connection_signal_unsubscribe (self->system_bus, self->sleep_subscription);
  self->sleep_subscription = 0;
  g_clear_object (&self->system_bus);
  g_clear_pointer (&self->background_path, g_free);

  g_application_release (G_APPLICATION (self));
}

static void
background_reminders_changed_cb (BudgApplication *self)
{
  if (!g_settings_get_boolean (self->settings, "background-reminders"))
    {
      g_debug ("Reminders in the background were turned off");
      stop_background (self);
    }
}

static void
start_background (BudgApplication *self,
                  const char      *path)
{
  /* A second --background only checks again, maybe another database. */
  if (!self->background)
    {
      self->background = TRUE;
      g_application_hold (G_APPLICATION (self));

      self->cancellable = g_cancellable_new ();
      g_bus_get (G_BUS_TYPE_SYSTEM, self->cancellable, system_bus_cb, self);
    }

  g_free (self->background_path);
  self->background_path = g_strdup (path);

  run_background_check (self);
}

/* The browser came back from Plaid's Hosted Link: the "Connecting to your
 * bank…" dialog asks Plaid at once rather than at its next poll, and comes
 * to the front with its window. Without one (it was cancelled, or Budg was
 * started by the link), Budg just shows its window. */
static void
open_completion_uri (BudgApplication *self)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  gboolean found = FALSE;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (!BUDG_IS_BANK_LINK_DIALOG (l->data))
        continue;

      budg_bank_link_dialog_poll_now (l->data);
      gtk_window_present (l->data);
      found = TRUE;
    }

  if (!found)
    g_application_activate (G_APPLICATION (self));
}

static gboolean
open_uri (BudgApplication  *self,
          const char       *uri,
          GError          **error)
{
  if (budg_plaid_link_is_completion_uri (uri))
    {
      open_completion_uri (self);
      return TRUE;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("Budg cannot open “%s”. To open a database file, use --db PATH."), uri);
  return FALSE;
}

/* A budg:// address, from the desktop (D-Bus activation, or `gio open`). */
static void
budg_application_open (GApplication  *application,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  BudgApplication *self = BUDG_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *uri = g_file_get_uri (files[i]);
      g_autoptr(GError) error = NULL;

      if (!open_uri (self, uri, &error))
        {
          g_warning ("%s", error->message);
          g_application_activate (application);
        }
    }
}

static void
budg_application_activate (GApplication *application)
{
  BudgApplication *self = BUDG_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = resolve_path (NULL, g_getenv ("BUDG_DB"));
  budg_application_open_database (self, path);
}

static int
budg_application_command_line (GApplication            *application,
                               GApplicationCommandLine *command_line)
{
  BudgApplication *self = BUDG_APPLICATION (application);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **uris = NULL;
  const char *arg = NULL;
  g_autofree char *path = NULL;

  /* The environment is the invoking process's, which is not this one's
   * when Budg was already running.
   */
  if (!g_variant_dict_lookup (options, "db", "^&ay", &arg))
    arg = g_application_command_line_getenv (command_line, "BUDG_DB");

  path = resolve_path (command_line, arg);

  /* `budg budg://…`, which is how a desktop without D-Bus activation
   * passes on what the browser opened. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &uris))
    {
      for (guint i = 0; uris[i] != NULL; i++)
        {
          g_autoptr(GError) error = NULL;

          if (!open_uri (self, uris[i], &error))
            {
              g_application_command_line_printerr (command_line, "budg: %s\n", error->message);
              return EXIT_FAILURE;
            }
        }
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "check-due"))
    {
      g_autoptr(GError) error = NULL;

      /* Run here, in the Budg already running if there is one: its
       * notifications' actions then reach a live process. */
      if (check_due (self, path, &error) < 0)
        {
          g_application_command_line_printerr (command_line, "budg: %s\n", error->message);
          return EXIT_FAILURE;
        }
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_contains (options, "background"))
    {
      start_background (self, path);
      return EXIT_SUCCESS;
    }

  budg_application_open_database (self, path);

  return EXIT_SUCCESS;
}

static gpointer
ref_window (gconstpointer window,
            gpointer      user_data)
{
  return g_object_ref ((gpointer) window);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  BudgApplication *self = user_data;
  g_autolist(GtkWindow) windows = NULL;

  windows = g_list_copy_deep (gtk_application_get_windows (GTK_APPLICATION (self)),
                              ref_window, NULL);

  /* Closing the main windows, rather than quitting outright, lets each of
   * them save its size.
   */
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (BUDG_IS_WINDOW (l->data))
        gtk_window_close (l->data);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  BudgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *preferences;

  /* Settings belong to a database's window; the error window has none. */
  if (!BUDG_IS_WINDOW (parent))
    return;

  preferences = budg_preferences_window_new (budg_window_get_context (BUDG_WINDOW (parent)));
  gtk_window_set_transient_for (GTK_WINDOW (preferences), parent);
  gtk_window_present (GTK_WINDOW (preferences));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  BudgApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-name", _("Budg"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("The Budg authors"),
                        "copyright", _("© 2026 The Budg authors"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "website", "https://github.com/budg/budg",
                        "issue-url", "https://github.com/budg/budg/issues",
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static BudgWindow *
find_window (BudgApplication *self,
             const char      *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (BUDG_IS_WINDOW (l->data) &&
          g_strcmp0 (budg_database_get_path (budg_context_get_database (budg_window_get_context (l->data))),
                     path) == 0)
        return l->data;
    }

  return NULL;
}

/* The window of @path, opened if needed; NULL when it could not be. */
static BudgWindow *
present_database (BudgApplication *self,
                  const char      *path)
{
  budg_application_open_database (self, path);

  return find_window (self, path);
}

/* Notifications' actions run in whichever Budg receives them, with or
 * without a window: what they act on is in their target. */
static void
mark_paid_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  BudgApplication *self = user_data;
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  const char *path;
  const char *occurrence;
  const char *due_date;
  gint64 bill_id;

  g_variant_get (parameter, "(&sx&s&s)", &path, &bill_id, &occurrence, &due_date);

  /* Paying takes a moment; the application must not quit half way. */
  g_application_hold (G_APPLICATION (self));

  context = acquire_context (self, path, &error);
  if (context != NULL)
    due = budg_reminders_find_due (context, bill_id, occurrence, due_date, &error);

  /* Already paid (in the window, or a second click): nothing to do. */
  if (due != NULL && budg_due_bill_get_status (due) != BUDG_DUE_STATUS_PAID &&
      budg_due_store_pay (budg_context_get_dues (context), due, NULL, FALSE, 0, &error) == 0)
    g_clear_object (&due);

  if (due == NULL)
    g_warning ("Could not mark the bill as paid: %s", error->message);

  id = budg_notifier_dup_id (bill_id, occurrence);
  g_application_withdraw_notification (G_APPLICATION (self), id);

  g_application_release (G_APPLICATION (self));
}

static void
snooze_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  BudgApplication *self = user_data;
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  g_autofree char *tomorrow = budg_date_add_days (today, 1);
  const char *path;
  const char *occurrence;
  const char *due_date;
  gint64 bill_id;

  g_variant_get (parameter, "(&sa(xss))", &path, &iter);

  g_application_hold (G_APPLICATION (self));

  context = acquire_context (self, path, &error);
  while (context != NULL && g_variant_iter_next (iter, "(x&s&s)", &bill_id, &occurrence, &due_date))
    {
      g_autofree char *id = budg_notifier_dup_id (bill_id, occurrence);

      if (!budg_reminders_snooze (context, bill_id, occurrence, tomorrow, &error))
        break;
      g_application_withdraw_notification (G_APPLICATION (self), id);
    }

  if (error != NULL)
    g_warning ("Could not snooze the reminder: %s", error->message);

  g_application_release (G_APPLICATION (self));
}

static void
show_bill_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  BudgApplication *self = user_data;
  BudgWindow *window;
  const char *path;
  const char *occurrence;
  const char *due_date;
  gint64 bill_id;

  g_variant_get (parameter, "(&sx&s&s)", &path, &bill_id, &occurrence, &due_date);

  window = present_database (self, path);
  if (window != NULL)
    budg_window_show_occurrence (window, bill_id, occurrence, due_date);
}

/* Optional like the context's: an uninstalled build may lack the schema. */
static GSettings *
load_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, SCHEMA_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static void
show_view_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  BudgApplication *self = user_data;
  BudgWindow *window;
  const char *path;
  const char *view;

  g_variant_get (parameter, "(&s&s)", &path, &view);

  window = present_database (self, path);
  if (window != NULL)
    budg_window_set_view (window, view);
}

static const GActionEntry app_actions[] = {
  { .name = "show-view", .activate = show_view_action, .parameter_type = "(ss)" },
  { .name = "mark-paid", .activate = mark_paid_action, .parameter_type = "(sxss)" },
  { .name = "snooze", .activate = snooze_action, .parameter_type = "(sa(xss))" },
  { .name = "show-bill", .activate = show_bill_action, .parameter_type = "(sxss)" },
  { .name = "quit", .activate = quit_action },
  { .name = "preferences", .activate = preferences_action },
  { .name = "about", .activate = about_action },
};

static void
budg_application_startup (GApplication *application)
{
  BudgApplication *self = BUDG_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };
  static const char *close_accels[] = { "<Control>w", NULL };

  /* Before libadwaita starts up, as it may read settings of its own. */
  read_screenshot_environment (self);

  G_APPLICATION_CLASS (budg_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  self->settings = load_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::background-reminders",
                             G_CALLBACK (background_reminders_changed_cb), self,
                             G_CONNECT_SWAPPED);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close", close_accels);

  if (self->screenshot_path != NULL)
    {
      const char *dark = g_getenv ("BUDG_SCREENSHOT_DARK");
      gboolean force_dark = dark != NULL && g_strcmp0 (dark, "0") != 0 && dark[0] != '\0';

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          force_dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                     : ADW_COLOR_SCHEME_FORCE_LIGHT);
      self->screenshot_timeout = g_timeout_add_once (SCREENSHOT_TIMEOUT_SECONDS * 1000,
                                                     screenshot_timeout_cb, self);
    }
}

static void
budg_application_shutdown (GApplication *application)
{
  BudgApplication *self = BUDG_APPLICATION (application);

  /* Quitting from a window while in the background ends both. */
  stop_background (self);

  G_APPLICATION_CLASS (budg_application_parent_class)->shutdown (application);
}

static void
budg_application_dispose (GObject *object)
{
  BudgApplication *self = (BudgApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (budg_application_parent_class)->dispose (object);
}

static void
budg_application_finalize (GObject *object)
{
  BudgApplication *self = (BudgApplication *) object;

  g_clear_handle_id (&self->screenshot_timeout, g_source_remove);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->screenshot_view, g_free);

  G_OBJECT_CLASS (budg_application_parent_class)->finalize (object);
}

static void
budg_application_class_init (BudgApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *application_class = G_APPLICATION_CLASS (klass);

  /* The compiled resources live in the same static library as this class.
   * Naming them makes the linker keep them, and with them the constructor
   * that registers them.
   */
  g_assert (budg_get_resource () != NULL);

  object_class->dispose = budg_application_dispose;
  object_class->finalize = budg_application_finalize;

  application_class->activate = budg_application_activate;
  application_class->command_line = budg_application_command_line;
  application_class->open = budg_application_open;
  application_class->startup = budg_application_startup;
  application_class->shutdown = budg_application_shutdown;
}

static void
budg_application_init (BudgApplication *self)
{
  static const GOptionEntry options[] = {
    { "db", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
      N_("Open the database at PATH instead of the default one (or $BUDG_DB)"), N_("PATH") },
    { "background", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Run without a window and send reminders of bills that are due"), NULL },
    { "check-due", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
      N_("Send reminders of bills that are due, then exit"), NULL },
    { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
      NULL, N_("[URI…]") },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep track of accounts, bills and spending."));
}

/**
 * budg_application_new:
 *
 * Returns: (transfer full): the Budg application
 */
BudgApplication *
budg_application_new (void)
{
  GApplicationFlags flags = G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_HANDLES_OPEN |
                           G_APPLICATION_SEND_ENVIRONMENT;

  /* A screenshot must come from this process, not from a Budg that
   * happens to be running already.
   */
  if (g_getenv ("BUDG_SCREENSHOT") != NULL)
    flags |= G_APPLICATION_NON_UNIQUE;

  /* The development build has its own app id but the same resources, so
   * the base path is given rather than derived from the id: GtkApplication
   * finds gtk/help-overlay.ui there and AdwApplication style.css.
   */
  return g_object_new (BUDG_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", flags,
                       NULL);
}

static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  const char *path = task_data;
  guint keep = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "keep"));
  g_autoptr(BudgDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = budg_date_today ();
  g_autofree char *written = NULL;

  /* A connection of its own: SQLite's backup reads while the window's
   * connection goes on writing. */
  database = budg_database_open (path, &error);
  if (database == NULL || !budg_backups_make_daily (database, today, keep, &written, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&written), g_free);
}

static void
daily_backup_done_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  BudgApplication *self = BUDG_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (result), &error);
  const char *path = g_task_get_task_data (G_TASK (result));
  BudgWindow *window;

  if (error == NULL)
    {
      if (written != NULL)
        g_debug ("Today's backup of %s is %s", path, written);
      return;
    }

  g_warning ("Could not back up %s: %s", path, error->message);
  window = find_window (self, path);
  if (window != NULL)
    {
      /* Translators: %s says what went wrong. */
      g_autofree char *message = g_strdup_printf (_("Today’s backup failed: %s"), error->message);
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 0);
      budg_window_add_toast (window, toast);
    }
}

static void
start_daily_backup (BudgApplication *self,
                    const char      *path)
{
  g_autoptr(GTask) task = NULL;
  guint keep = self->settings != NULL ? g_settings_get_uint (self->settings, "backup-count") : 7;

  if (keep == 0)
    return;

  task = g_task_new (self, NULL, daily_backup_done_cb, NULL);
  g_task_set_source_tag (task, start_daily_backup);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_object_set_data (G_OBJECT (task), "keep", GUINT_TO_POINTER (keep));
  g_task_run_in_thread (task, daily_backup_thread);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
daily_backup_timeout_cb (gpointer user_data)
{
  GWeakRef *window_ref = user_data;
  g_autoptr(BudgWindow) window = g_weak_ref_get (window_ref);
  GtkApplication *application;

  weak_ref_free (window_ref);

  /* Closed meanwhile: the next start makes it. */
  if (window == NULL)
    return;

  application = gtk_window_get_application (GTK_WINDOW (window));
  if (BUDG_IS_APPLICATION (application))
    start_daily_backup (BUDG_APPLICATION (application),
                        budg_database_get_path (budg_context_get_database (budg_window_get_context (window))));
}

static void
schedule_daily_backup (BudgWindow *window)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);

  const char *delay = g_getenv ("BUDG_BACKUP_DELAY_MS");
  guint delay_ms = DAILY_BACKUP_DELAY_SECONDS * 1000;

  /* The tests do not wait half a minute. */
  if (delay != NULL && delay[0] != '\0')
    delay_ms = (guint) g_ascii_strtoull (delay, NULL, 10);

  g_weak_ref_init (ref, window);
  g_timeout_add_once (delay_ms, daily_backup_timeout_cb, ref);
}

/**
 * budg_application_reopen_database:
 * @self: a #BudgApplication
 * @window: the window of a database whose file was replaced
 * @message: (nullable): what to say in the new window, as a toast
 *
 * Closes @window and opens its database again in a new one, so that
 * everything shown is read afresh; after a restore from a backup.
 */
void
budg_application_reopen_database (BudgApplication *self,
                                  GtkWindow       *window,
                                  const char      *message)
{
  g_autofree char *path = NULL;
  BudgWindow *reopened;

  g_return_if_fail (BUDG_IS_APPLICATION (self));
  g_return_if_fail (BUDG_IS_WINDOW (window));

  path = g_strdup (budg_database_get_path (budg_context_get_database (budg_window_get_context (BUDG_WINDOW (window)))));

  /* Between the two windows there is none, which would end Budg. */
  g_application_hold (G_APPLICATION (self));
  gtk_window_destroy (window);
  budg_application_open_database (self, path);
  reopened = find_window (self, path);
  if (reopened != NULL && message != NULL)
    budg_window_add_toast (reopened, adw_toast_new (message));
  g_application_release (G_APPLICATION (self));
}

/**
 * budg_application_open_database:
 * @self: a #BudgApplication
 * @path: the database file
 *
 * Shows the window of the database at @path, opening it first if needed.
 * A file that cannot be opened gets a window that says why.
 */
void
budg_application_open_database (BudgApplication *self,
                                const char      *path)
{
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(GError) error = NULL;
  BudgWindow *window;

  g_return_if_fail (BUDG_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      BudgContext *open_context;

      if (!BUDG_IS_WINDOW (l->data))
        continue;

      open_context = budg_window_get_context (l->data);
      if (g_strcmp0 (budg_database_get_path (budg_context_get_database (open_context)), path) == 0)
        {
          gtk_window_present (l->data);
          return;
        }
    }

  context = budg_context_new (path, &error);
  if (context == NULL)
    {
      show_open_error (self, path, error);
      return;
    }

  /* Autopay bills are paid on their date: catch up on those that came due
   * while Budg was closed. Not being able to is no reason not to start. */
  {
    g_autofree char *today = budg_date_today ();
    g_autoptr(GError) autopay_error = NULL;

    if (budg_due_store_process_autopay (budg_context_get_dues (context), today, &autopay_error) < 0)
      g_warning ("Could not record the autopay bills: %s", autopay_error->message);
  }

  window = budg_window_new (GTK_APPLICATION (self), context);

  if (self->screenshot_path != NULL)
    {
      int width;
      int height;

      gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
      if (self->screenshot_width > 0)
        width = self->screenshot_width;
      if (self->screenshot_height > 0)
        height = self->screenshot_height;

      gtk_window_unmaximize (GTK_WINDOW (window));
      gtk_window_set_default_size (GTK_WINDOW (window), width, height);

      g_signal_connect_object (window, "ready",
                               G_CALLBACK (screenshot_window_ready_cb), self,
                               G_CONNECT_SWAPPED);
    }
  else
    schedule_daily_backup (window);

  gtk_window_present (GTK_WINDOW (window));
}
