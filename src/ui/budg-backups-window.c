/* budg-backups-window.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-backups-window"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-backups.h"
#include "budg-backups-window.h"
#include "budg-date.h"
#include "budg-message-dialog.h"

#define RESOURCE_BASE "/io/github/budg/Budg"

struct _BudgBackupsWindow
{
  AdwWindow             parent_instance;

  BudgContext          *context;

  AdwToastOverlay      *toast_overlay;
  AdwPreferencesGroup  *settings_group;
  GtkSpinButton        *keep_spin;
  GtkListBox           *backups_list;
  GtkWidget            *empty_label;
};

G_DEFINE_FINAL_TYPE (BudgBackupsWindow, budg_backups_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

enum {
  RESTORED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const char *
database_path (BudgBackupsWindow *self)
{
  return budg_database_get_path (budg_context_get_database (self->context));
}

static void
toast (BudgBackupsWindow *self,
       const char        *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "22 Nov 2026", or "22 Nov 2026, before a restore". */
static char *
backup_title (const BudgBackup *backup)
{
  g_autofree char *date = budg_date_format_short (backup->date);

  if (!backup->before_restore)
    return g_steal_pointer (&date);

  /* Translators: %s is a date; the copy Budg kept of the data it replaced by a restore. */
  return g_strdup_printf (_("%s, before a restore"), date);
}

/**
 * budg_backups_window_restore:
 * @self: a #BudgBackupsWindow
 * @source: the backup to restore
 * @error: return location for a #GError
 *
 * Replaces the database with @source, keeping a copy of what was there,
 * and emits "restored".
 *
 * Returns: %TRUE on success; on failure the database is as it was
 */
gboolean
budg_backups_window_restore (BudgBackupsWindow  *self,
                             const char         *source,
                             GError            **error)
{
  g_autofree char *today = budg_date_today ();
  g_autofree char *name = g_path_get_basename (source);

  g_return_val_if_fail (BUDG_IS_BACKUPS_WINDOW (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  if (!budg_backups_restore (budg_context_get_database (self->context), source, today, error))
    return FALSE;

  g_signal_emit (self, signals[RESTORED], 0, name);

  return TRUE;
}

typedef struct
{
  BudgBackupsWindow *self;
  char              *source;
} RestoreRequest;

static void
restore_request_free (RestoreRequest *request)
{
  g_object_unref (request->self);
  g_free (request->source);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RestoreRequest, restore_request_free)

static void
restore_chosen_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(RestoreRequest) request = user_data;
  g_autoptr(GError) error = NULL;

  if (!budg_message_dialog_choose_finish (result, NULL))
    return;

  if (!budg_backups_window_restore (request->self, request->source, &error))
    toast (request->self, error->message);
}

static void
confirm_restore (BudgBackupsWindow *self,
                 const char        *source,
                 const char        *what)
{
  /* Translators: %s is a date, or the name of a file. */
  g_autofree char *heading = g_strdup_printf (_("Restore %s?"), what);
  RestoreRequest *request = g_new0 (RestoreRequest, 1);

  request->self = g_object_ref (self);
  request->source = g_strdup (source);
  budg_message_dialog_choose_async (GTK_WINDOW (self), heading,
                                    _("Everything in Budg is replaced by the backup. A copy of what "
                                      "is there now is kept in the list, to go back to."),
                                    _("_Cancel"), _("_Restore"), TRUE, NULL, restore_chosen_cb, request);
}

static void
restore_clicked_cb (GtkButton         *button,
                    BudgBackupsWindow *self)
{
  confirm_restore (self, g_object_get_data (G_OBJECT (button), "source"),
                   g_object_get_data (G_OBJECT (button), "title"));
}

static void
file_chosen_cb (GtkNativeDialog   *chooser,
                int                response,
                BudgBackupsWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);

  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      toast (self, _("Budg can only restore a file on this computer."));
      return;
    }

  name = g_file_get_basename (file);
  confirm_restore (self, path, name);
}

static void
choose_file_cb (BudgBackupsWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *dir = budg_backups_get_dir (database_path (self));
  g_autoptr(GFile) folder = g_file_new_for_path (dir);

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Restore…"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (databases, _("Budg Backups"));
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_add_suffix (databases, "db");
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), databases);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  if (g_file_query_exists (folder, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
reload (BudgBackupsWindow *self)
{
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backups_list))) != NULL)
    gtk_list_box_remove (self->backups_list, child);

  backups = budg_backups_list (database_path (self), &error);
  if (backups == NULL)
    {
      toast (self, error->message);
      backups = g_ptr_array_new ();
    }

  for (guint i = 0; i < backups->len; i++)
    {
      const BudgBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *title = backup_title (backup);
      g_autofree char *size = g_format_size (backup->size);
      /* Translators: %s is a date, as in "Restore the backup of 22 Nov 2026". */
      g_autofree char *accessible = g_strdup_printf (_("Restore the backup of %s"), title);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore…"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), size);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data_full (G_OBJECT (button), "source", g_strdup (backup->path), g_free);
      g_object_set_data_full (G_OBJECT (button), "title", g_steal_pointer (&title), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->backups_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->backups_list), backups->len > 0);
  gtk_widget_set_visible (self->empty_label, backups->len == 0);
}

static void
budg_backups_window_constructed (GObject *object)
{
  BudgBackupsWindow *self = (BudgBackupsWindow *) object;
  GSettings *settings = budg_context_get_settings (self->context);
  g_autofree char *dir = budg_backups_get_dir (database_path (self));
  g_autofree char *description = NULL;

  G_OBJECT_CLASS (budg_backups_window_parent_class)->constructed (object);

  /* Translators: %s is a folder. */
  description = g_strdup_printf (_("Kept in %s"), dir);
  adw_preferences_group_set_description (self->settings_group, description);

  if (settings != NULL)
    g_settings_bind (settings, "backup-count", self->keep_spin, "value", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->keep_spin), FALSE);

  reload (self);
}

static void
budg_backups_window_dispose (GObject *object)
{
  BudgBackupsWindow *self = (BudgBackupsWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_BACKUPS_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_backups_window_parent_class)->dispose (object);
}

static void
budg_backups_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BudgBackupsWindow *self = BUDG_BACKUPS_WINDOW (object);

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
budg_backups_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  BudgBackupsWindow *self = BUDG_BACKUPS_WINDOW (object);

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
budg_backups_window_class_init (BudgBackupsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = budg_backups_window_constructed;
  object_class->dispose = budg_backups_window_dispose;
  object_class->get_property = budg_backups_window_get_property;
  object_class->set_property = budg_backups_window_set_property;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, BUDG_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * BudgBackupsWindow::restored:
   * @name: the file name of the backup restored
   *
   * The database was replaced: whoever shows it must read it again.
   */
  signals[RESTORED] = g_signal_new ("restored", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-backups-window.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgBackupsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgBackupsWindow, settings_group);
  gtk_widget_class_bind_template_child (widget_class, BudgBackupsWindow, keep_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgBackupsWindow, backups_list);
  gtk_widget_class_bind_template_child (widget_class, BudgBackupsWindow, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_cb);
}

static void
budg_backups_window_init (BudgBackupsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_backups_window_new:
 * @context: the open database
 *
 * Returns: (transfer full): a new Backups window
 */
GtkWidget *
budg_backups_window_new (BudgContext *context)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  return g_object_new (BUDG_TYPE_BACKUPS_WINDOW, "context", context, NULL);
}
