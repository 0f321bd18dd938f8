/* budg-background.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-background"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "budg-background.h"

#define PORTAL_BUS_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_OBJECT_PATH "/org/freedesktop/portal/desktop"
#define PORTAL_BACKGROUND_INTERFACE "org.freedesktop.portal.Background"
#define PORTAL_REQUEST_INTERFACE "org.freedesktop.portal.Request"

/* What the autostart entry and the portal start: no window, reminders only. */
static const char * const background_argv[] = { "budg", "--background", NULL };

typedef struct
{
  GDBusConnection *connection;
  guint            response_id;
  gboolean         enable;
} Request;

static void
request_free (Request *request)
{
  if (request->response_id != 0)
    g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  g_clear_object (&request->connection);
  g_free (request);
}

/**
 * budg_background_is_sandboxed:
 *
 * Returns: whether Budg runs inside Flatpak, where autostart entries in the
 *   sandbox's config folder do nothing and the portal has to be asked
 */
gboolean
budg_background_is_sandboxed (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/**
 * budg_background_get_autostart_path:
 *
 * Returns: (transfer full): where the autostart entry goes:
 *   `$XDG_CONFIG_HOME/autostart/APP_ID.desktop`
 */
char *
budg_background_get_autostart_path (void)
{
  g_autofree char *name = g_strconcat (APP_ID, ".desktop", NULL);

  return g_build_filename (g_get_user_config_dir (), "autostart", name, NULL);
}

/**
 * budg_background_write_autostart:
 * @enable: write the entry, or remove it
 * @error: return location for a #GError
 *
 * Writes or removes the XDG autostart entry that starts `budg --background`
 * at login. Removing an entry that is not there succeeds.
 *
 * Returns: %TRUE on success
 */
gboolean
budg_background_write_autostart (gboolean   enable,
                                 GError   **error)
{
  g_autofree char *path = budg_background_get_autostart_path ();
  g_autofree char *folder = NULL;
  g_autofree char *exec = NULL;
  g_autoptr(GKeyFile) key_file = NULL;

  if (!enable)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not remove “%s”: %s. Remove it to stop Budg from starting at login."),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s. Check that your config folder is writable."),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  exec = g_strjoinv (" ", (char **) background_argv);

  key_file = g_key_file_new ();
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Budg");
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Bill reminders"));
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  /* Not an app to pick from a menu: only the login starts it. */
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (key_file, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);

  return g_key_file_save_to_file (key_file, path, error);
}

/**
 * budg_background_build_portal_options:
 * @autostart: whether to start Budg at login
 * @reason: why, shown by the portal when it asks the user
 * @handle_token: (nullable): the token of the request object path
 *
 * Returns: (transfer full): the a{sv} options of
 *   org.freedesktop.portal.Background.RequestBackground
 */
GVariant *
budg_background_build_portal_options (gboolean    autostart,
                                      const char *reason,
                                      const char *handle_token)
{
  GVariantBuilder builder;

  g_return_val_if_fail (reason != NULL, NULL);

  g_variant_builder_init (&builder, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&builder, "{sv}", "autostart", g_variant_new_boolean (autostart));
  g_variant_builder_add (&builder, "{sv}", "commandline", g_variant_new_strv (background_argv, -1));
  g_variant_builder_add (&builder, "{sv}", "reason", g_variant_new_string (reason));
  if (handle_token != NULL)
    g_variant_builder_add (&builder, "{sv}", "handle_token", g_variant_new_string (handle_token));

  return g_variant_ref_sink (g_variant_builder_end (&builder));
}

static void
response_cb (GDBusConnection *connection,
             const char      *sender_name,
             const char      *object_path,
             const char      *interface_name,
             const char      *signal_name,
             GVariant        *parameters,
             gpointer         user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GVariant) results = NULL;
  gboolean autostart = FALSE;
  guint32 response;

  if (!g_variant_is_of_type (parameters, G_VARIANT_TYPE ("(ua{sv})")))
    return;

  g_variant_get (parameters, "(u@a{sv})", &response, &results);
  g_variant_lookup (results, "autostart", "b", &autostart);

  /* The signal fires once; the task is finished whatever it said. */
  g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
  request->response_id = 0;

  if (response != 0 || (request->enable && !autostart))
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                             _("Budg was not allowed to run in the background. You can allow it in "
                               "Settings, under Apps."));
  else
    g_task_return_boolean (task, TRUE);

  g_object_unref (task);
}

static void
request_background_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  GTask *task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autoptr(GVariant) reply = NULL;
  GError *error = NULL;

  reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (object), result, &error);
  if (reply == NULL)
    {
      g_dbus_connection_signal_unsubscribe (request->connection, request->response_id);
      request->response_id = 0;
      g_task_return_error (task, error);
      /* Drops the reference the Response subscription would have dropped. */
      g_object_unref (task);
    }

  g_object_unref (task);
}

static void
bus_get_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Request *request = g_task_get_task_data (task);
  g_autofree char *token = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *request_path = NULL;
  g_autoptr(GVariant) options = NULL;
  GError *error = NULL;

  request->connection = g_bus_get_finish (result, &error);
  if (request->connection == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* The portal answers on a Request object whose path it derives from our
   * bus name and a token we choose; listening there before calling means
   * the answer cannot arrive before we listen. */
  token = g_strdup_printf ("budg%u", g_random_int ());
  sender = g_strdup (g_dbus_connection_get_unique_name (request->connection) + 1);
  g_strdelimit (sender, ".", '_');
  request_path = g_strconcat (PORTAL_OBJECT_PATH "/request/", sender, "/", token, NULL);

  request->response_id =
    g_dbus_connection_signal_subscribe (request->connection, PORTAL_BUS_NAME,
                                        PORTAL_REQUEST_INTERFACE, "Response", request_path,
                                        NULL, G_DBUS_SIGNAL_FLAGS_NO_MATCH_RULE,
                                        response_cb, g_object_ref (task), NULL);

  options = budg_background_build_portal_options (request->enable,
                                                  _("Budg reminds you of bills that are due."),
                                                  token);
  g_dbus_connection_call (request->connection, PORTAL_BUS_NAME, PORTAL_OBJECT_PATH,
                          PORTAL_BACKGROUND_INTERFACE, "RequestBackground",
                          g_variant_new ("(s@a{sv})", "", options),
                          G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE, -1,
                          g_task_get_cancellable (task), request_background_cb,
                          g_object_ref (task));
}

/**
 * budg_background_request_async:
 * @enable: start Budg in the background at login, or stop doing so
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Outside Flatpak, writes or removes the autostart entry. Inside, asks the
 * Background portal instead, over D-Bus by hand: libportal would be a new
 * dependency for this one call, and an autostart file written inside the
 * sandbox is never read by the session.
 */
void
budg_background_request_async (gboolean             enable,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  Request *request;

  g_task_set_source_tag (task, budg_background_request_async);

  if (!budg_background_is_sandboxed ())
    {
      GError *error = NULL;

      if (budg_background_write_autostart (enable, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  request = g_new0 (Request, 1);
  request->enable = enable;
  g_task_set_task_data (task, request, (GDestroyNotify) request_free);

  g_bus_get (G_BUS_TYPE_SESSION, cancellable, bus_get_cb, g_steal_pointer (&task));
}

/**
 * budg_background_request_finish:
 *
 * Returns: %TRUE when Budg now starts (or no longer starts) at login
 */
gboolean
budg_background_request_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
