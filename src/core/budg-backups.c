/* budg-backups.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-backups"

#include "config.h"

#include <errno.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "budg-backups.h"
#include "budg-date.h"
#include "budg-error.h"

/* Automatic backups live in a "backups" folder beside the database, named
 * after it and the day: budg-2026-11-22.db. One a day is enough to undo a
 * bad afternoon, and the set rolls: the oldest go once there are more than
 * the user keeps. The copy of what was there before a restore is named
 * budg-2026-11-22-before-restore.db; only the newest of those is kept, as
 * it is what undoes the restore. */

#define BACKUP_SUFFIX ".db"
#define BEFORE_RESTORE_SUFFIX "-before-restore.db"

void
budg_backup_free (BudgBackup *backup)
{
  if (backup == NULL)
    return;

  g_free (backup->path);
  g_free (backup->date);
  g_free (backup);
}

/**
 * budg_backups_get_dir:
 * @database_path: the database file
 *
 * Returns: (transfer full): the folder of its automatic backups
 */
char *
budg_backups_get_dir (const char *database_path)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = g_path_get_dirname (database_path);

  return g_build_filename (dir, "backups", NULL);
}

/* "budg" for budg.db: what every backup of the database starts with. */
static char *
dup_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

static BudgBackup *
parse_name (const char *dir,
            const char *stem,
            const char *name)
{
  g_autofree char *date = NULL;
  g_autofree char *check = NULL;
  g_autofree char *path = NULL;
  const char *rest;
  GStatBuf info;
  gboolean before_restore;
  BudgBackup *backup;
  gsize stem_length = strlen (stem);

  if (strncmp (name, stem, stem_length) != 0 || name[stem_length] != '-')
    return NULL;

  rest = name + stem_length + 1;
  if (strlen (rest) < 10)
    return NULL;

  date = g_strndup (rest, 10);
  rest += 10;
  if (g_str_equal (rest, BACKUP_SUFFIX))
    before_restore = FALSE;
  else if (g_str_equal (rest, BEFORE_RESTORE_SUFFIX))
    before_restore = TRUE;
  else
    return NULL;

  /* A real day, written the one way: budg-1.db is some other file. */
  check = budg_date_add_days (date, 0);
  if (check == NULL || !g_str_equal (check, date))
    return NULL;

  path = g_build_filename (dir, name, NULL);
  if (g_stat (path, &info) != 0 || !S_ISREG (info.st_mode))
    return NULL;

  backup = g_new0 (BudgBackup, 1);
  backup->path = g_steal_pointer (&path);
  backup->date = g_steal_pointer (&date);
  backup->before_restore = before_restore;
  backup->size = info.st_size;

  return backup;
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BudgBackup *first = *(BudgBackup * const *) a;
  const BudgBackup *second = *(BudgBackup * const *) b;
  int by_date = strcmp (second->date, first->date);

  /* On the same day, the copy before a restore is the later one. */
  if (by_date != 0)
    return by_date;
  return (second->before_restore ? 1 : 0) - (first->before_restore ? 1 : 0);
}

/**
 * budg_backups_list:
 * @database_path: the database file
 * @error: return location for a #GError
 *
 * Other files in the folder are left out. No folder means no backups yet.
 *
 * Returns: (transfer full) (element-type BudgBackup): the automatic backups
 *   of the database, newest first, or %NULL with @error set
 */
GPtrArray *
budg_backups_list (const char  *database_path,
                   GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_backup_free);
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GDir) handle = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (database_path != NULL, NULL);

  dir = budg_backups_get_dir (database_path);
  stem = dup_stem (database_path);

  handle = g_dir_open (dir, 0, &local_error);
  if (handle == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Could not read the folder of backups: %s"), local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      BudgBackup *backup = parse_name (dir, stem, name);

      if (backup != NULL)
        g_ptr_array_add (backups, backup);
    }

  g_ptr_array_sort (backups, compare_newest_first);

  return g_steal_pointer (&backups);
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Could not create the folder of backups “%s”: %s."), dir,
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Deletes the daily backups past the newest @keep, and the copies before a
 * restore past the newest one. */
static void
prune (const char *database_path,
       guint       keep)
{
  g_autoptr(GPtrArray) backups = budg_backups_list (database_path, NULL);
  guint daily = 0;
  guint before_restore = 0;

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    {
      BudgBackup *backup = g_ptr_array_index (backups, i);
      guint seen = backup->before_restore ? ++before_restore : ++daily;
      guint limit = backup->before_restore ? 1 : keep;

      if (seen > limit && g_unlink (backup->path) != 0)
        g_warning ("Could not delete the old backup %s: %s", backup->path, g_strerror (errno));
    }
}

/**
 * budg_backups_make_daily:
 * @database: the open database
 * @today: the local date, "YYYY-MM-DD"
 * @keep: how many daily backups to keep; 0 makes none (and deletes none)
 * @out_path: (out) (optional) (transfer full): the backup written, or
 *   %NULL when there already was one today
 * @error: return location for a #GError
 *
 * Makes today's backup unless there is one already, then deletes the
 * oldest past @keep. A failed backup leaves the earlier ones alone.
 *
 * Returns: %TRUE on success, %FALSE with @error set
 */
gboolean
budg_backups_make_daily (BudgDatabase  *database,
                         const char    *today,
                         guint          keep,
                         char         **out_path,
                         GError       **error)
{
  const char *database_path;
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  if (out_path != NULL)
    *out_path = NULL;

  if (keep == 0)
    return TRUE;

  database_path = budg_database_get_path (database);
  dir = budg_backups_get_dir (database_path);
  stem = dup_stem (database_path);
  name = g_strconcat (stem, "-", today, BACKUP_SUFFIX, NULL);
  path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!ensure_dir (dir, error) || !budg_database_backup (database, path, error))
        return FALSE;

      g_debug ("Backed up %s to %s", database_path, path);
      if (out_path != NULL)
        *out_path = g_strdup (path);
    }

  prune (database_path, keep);

  return TRUE;
}

/**
 * budg_backups_restore:
 * @database: the open database
 * @source: the backup to restore
 * @today: the local date, "YYYY-MM-DD"
 * @error: return location for a #GError
 *
 * Keeps a copy of the database as it is before replacing it with @source,
 * so the restore can itself be undone from the list of backups. Nothing
 * is replaced when that copy cannot be written.
 *
 * Returns: %TRUE on success, %FALSE with @error set and @database as it was
 */
gboolean
budg_backups_restore (BudgDatabase  *database,
                      const char    *source,
                      const char    *today,
                      GError       **error)
{
  const char *database_path;
  g_autofree char *dir = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *partial = NULL;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  database_path = budg_database_get_path (database);
  dir = budg_backups_get_dir (database_path);
  stem = dup_stem (database_path);
  name = g_strconcat (stem, "-", today, BEFORE_RESTORE_SUFFIX, NULL);
  path = g_build_filename (dir, name, NULL);

  /* Restoring the copy before a restore replaces that same file: write
   * the new copy aside, and only put it in place once the restore read
   * the old one. */
  partial = g_strconcat (path, ".new", NULL);
  if (!ensure_dir (dir, error) || !budg_database_backup (database, partial, error))
    return FALSE;

  if (!budg_database_restore (database, source, error))
    {
      g_unlink (partial);
      return FALSE;
    }

  if (g_rename (partial, path) != 0)
    {
      g_warning ("Could not keep the copy from before the restore as %s: %s", path,
                 g_strerror (errno));
      g_unlink (partial);
    }

  prune (database_path, G_MAXUINT);

  return TRUE;
}
