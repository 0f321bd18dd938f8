/* test-ui-notify.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "budg-background.h"
#include "budg-bill-dialog.h"
#include "budg-context.h"
#include "budg-preferences-window.h"
#include "budg-resources.h"
#include "ui-test-util.h"

/* XDG_CONFIG_HOME for the whole run, set before GLib reads it once. */
static char *config_home;

static void
test_portal_options (void)
{
  g_autoptr(GVariant) options = budg_background_build_portal_options (TRUE, "Reminders", "budg42");
  g_autoptr(GVariant) off = budg_background_build_portal_options (FALSE, "Reminders", NULL);
  g_autofree const char **commandline = NULL;
  gboolean autostart = FALSE;
  const char *reason = NULL;
  const char *token = NULL;

  g_assert_true (g_variant_is_of_type (options, G_VARIANT_TYPE_VARDICT));
  g_assert_cmpuint (g_variant_n_children (options), ==, 4);
  g_assert_true (g_variant_lookup (options, "autostart", "b", &autostart));
  g_assert_true (autostart);
  g_assert_true (g_variant_lookup (options, "commandline", "^a&s", &commandline));
  g_assert_cmpuint (g_strv_length ((char **) commandline), ==, 2);
  g_assert_cmpstr (commandline[0], ==, "budg");
  g_assert_cmpstr (commandline[1], ==, "--background");
  g_assert_true (g_variant_lookup (options, "reason", "&s", &reason));
  g_assert_cmpstr (reason, ==, "Reminders");
  g_assert_true (g_variant_lookup (options, "handle_token", "&s", &token));
  g_assert_cmpstr (token, ==, "budg42");

  /* Turning it off is the same request with autostart false. */
  g_assert_cmpuint (g_variant_n_children (off), ==, 3);
  g_assert_true (g_variant_lookup (off, "autostart", "b", &autostart));
  g_assert_false (autostart);
  g_assert_false (g_variant_lookup (off, "handle_token", "&s", &token));
}

static void
test_autostart_path (void)
{
  g_autofree char *path = budg_background_get_autostart_path ();
  g_autofree char *expected = g_build_filename (config_home, "autostart", APP_ID ".desktop", NULL);

  g_assert_cmpstr (path, ==, expected);
}

/* Waits for the preference's request to finish, at most a few seconds. */
static void
wait_for_file (const char *path,
               gboolean    exists)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_file_test (path, G_FILE_TEST_EXISTS) != exists && g_get_monotonic_time () < end)
    {
      iterate ();
      g_usleep (10 * 1000);
    }
}

static void
test_preference_writes_autostart (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "budg.db", NULL);
  g_autofree char *autostart = budg_background_get_autostart_path ();
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *exec = NULL;
  g_autofree char *start_group = NULL;
  GtkWidget *window;
  GtkWidget *toggle;

  g_assert_no_error (error);
  context = budg_context_new (db, &error);
  g_assert_no_error (error);
  g_assert_nonnull (budg_context_get_settings (context));
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  window = budg_preferences_window_new (context);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  toggle = get_widget (window, "background_switch");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (toggle)));

  gtk_switch_set_active (GTK_SWITCH (toggle), TRUE);
  g_assert_true (g_settings_get_boolean (budg_context_get_settings (context), "background-reminders"));
  wait_for_file (autostart, TRUE);

  g_assert_true (g_key_file_load_from_file (key_file, autostart, G_KEY_FILE_NONE, &error));
  g_assert_no_error (error);
  exec = g_key_file_get_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exec, ==, "budg --background");
  g_assert_true (g_key_file_get_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP,
                                         "X-GNOME-Autostart-enabled", &error));
  g_assert_no_error (error);
  start_group = g_key_file_get_start_group (key_file);
  g_assert_cmpstr (start_group, ==, G_KEY_FILE_DESKTOP_GROUP);

  gtk_switch_set_active (GTK_SWITCH (toggle), FALSE);
  wait_for_file (autostart, FALSE);
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  /* Removing what is not there is no error. */
  g_assert_true (budg_background_write_autostart (FALSE, &error));
  g_assert_no_error (error);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&context);
  g_unlink (db);
  g_rmdir (dir);
}

/* The preference's lead days are what a new bill starts with. */
static void
test_default_lead_days (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "budg.db", NULL);
  g_autoptr(BudgContext) context = NULL;
  GSettings *settings;
  GtkWidget *dialog;

  g_assert_no_error (error);
  context = budg_context_new (db, &error);
  g_assert_no_error (error);
  settings = budg_context_get_settings (context);

  g_settings_set_uint (settings, "default-lead-days", 9);
  dialog = budg_bill_dialog_new (context, NULL, NULL);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (get_widget (dialog, "lead_spin"))), ==, 9);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_settings_reset (settings, "default-lead-days");
  iterate ();

  g_clear_object (&context);
  g_unlink (db);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *autostart_dir = NULL;
  int status;

  /* Never the user's autostart folder. */
  config_home = g_dir_make_tmp ("budg-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_assert_nonnull (budg_get_resource ());

  g_test_add_func ("/ui/notify/portal-options", test_portal_options);
  g_test_add_func ("/ui/notify/autostart-path", test_autostart_path);
  g_test_add_func ("/ui/notify/preference-writes-autostart", test_preference_writes_autostart);
  g_test_add_func ("/ui/notify/default-lead-days", test_default_lead_days);

  status = g_test_run ();

  autostart_dir = g_build_filename (config_home, "autostart", NULL);
  g_rmdir (autostart_dir);
  g_rmdir (config_home);
  g_free (config_home);

  return status;
}
