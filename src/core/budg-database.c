/* budg-database.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "budg-checkpoints.h"
#include "budg-database.h"
#include "budg-error.h"
#include "budg-migrations.h"

struct _BudgDatabase
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *handle;

  /* SQL text → prepared statement, kept for the life of the connection. */
  GHashTable *statements;

  /* Nesting of budg_database_begin(): the outermost level is a real
   * transaction, inner levels are savepoints. */
  guint       depth;
  /* Tables changed inside the open transaction; "changed" is emitted for
   * them only once the outermost level commits, so listeners never see data
   * that may still be rolled back. */
  GHashTable *pending_changes;
};

G_DEFINE_FINAL_TYPE (BudgDatabase, budg_database, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char sqlite_magic[16] = "SQLite format 3";

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
budg_database_finalize (GObject *object)
{
  BudgDatabase *self = (BudgDatabase *)object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (budg_database_parent_class)->finalize (object);
}

static void
budg_database_class_init (BudgDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_database_finalize;

  /**
   * BudgDatabase::changed:
   * @self: the database
   * @table: the table whose rows changed, or "*" after a restore
   *
   * Emitted after a change to @table has been committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
budg_database_init (BudgDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            statement_free);
  self->pending_changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
set_sqlite_error (sqlite3     *handle,
                  int          code,
                  const char  *path,
                  const char  *what,
                  GError     **error)
{
  const char *detail = handle != NULL ? sqlite3_errmsg (handle) : sqlite3_errstr (code);

  switch (code & 0xff)
    {
    case SQLITE_FULL:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("The disk is full, so %s failed. Free some space and try again; nothing was changed."),
                   what);
      break;

    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Budg cannot write to “%s”, so %s failed (%s). Check that the file and its folder are writable, or choose another file with --db."),
                   path, what, detail);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("The database “%s” is busy in another program, so %s failed. Close the other program and try again."),
                   path, what);
      break;

    case SQLITE_NOTADB:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Budg database. Choose a Budg database, or a new file name to start one."),
                   path);
      break;

    case SQLITE_CORRUPT:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   path, detail);
      break;

    case SQLITE_IOERR:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Reading or writing “%s” failed, so %s failed (%s). Check the disk and try again."),
                   path, what, detail);
      break;

    default:
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("The database could not complete %s: %s."), what, detail);
      break;
    }
}

/**
 * budg_database_set_error:
 * @what: a phrase for the failed operation ("saving the account")
 *
 * Turns the connection's last SQLite error into a #BudgError that tells the
 * user what to do.
 */
void
budg_database_set_error (BudgDatabase  *self,
                         GError       **error,
                         const char    *what)
{
  g_return_if_fail (BUDG_IS_DATABASE (self));

  set_sqlite_error (self->handle, sqlite3_extended_errcode (self->handle), self->path, what, error);
}

static gboolean
exec_sql (sqlite3     *handle,
          const char  *path,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  int rc = sqlite3_exec (handle, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (handle, sqlite3_extended_errcode (handle), path, what, error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_int (sqlite3     *handle,
           const char  *path,
           const char  *sql,
           int         *out_value,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);

  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (handle, sqlite3_extended_errcode (handle), path, _("opening the database"), error);
      sqlite3_finalize (stmt);
      return FALSE;
    }

  *out_value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return TRUE;
}

/* Creates the file ourselves before SQLite does, so that it is private to the
 * user from its first byte (SQLite gives its -wal and -shm files the same
 * mode as the database file).
 */
static gboolean
prepare_file (const char  *path,
              gboolean    *out_is_new,
              GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  char header[16] = { 0 };
  struct stat st;
  int fd;

  *out_is_new = FALSE;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Could not create the folder “%s”: %s. Choose another location with --db."),
                   dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (g_stat (path, &st) != 0)
    {
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          int saved_errno = errno;

          g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                       _("Could not create the database “%s”: %s. Choose a folder you can write to, or another file with --db."),
                       path, g_strerror (saved_errno));
          return FALSE;
        }
      close (fd);
      *out_is_new = TRUE;
      return TRUE;
    }

  if (S_ISDIR (st.st_mode))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Budg database. Give the path of a file."), path);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      *out_is_new = TRUE;
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Could not read the database “%s”: %s."), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (read (fd, header, sizeof header) != sizeof header ||
      memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      close (fd);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Budg database. Choose a Budg database, or a new file name to start one."),
                   path);
      return FALSE;
    }
  close (fd);

  /* Older files or copies may be readable by others; money is private. */
  if ((st.st_mode & 077) != 0 && st.st_uid == getuid ())
    g_chmod (path, st.st_mode & 0700);

  return TRUE;
}

/* Checks that an open SQLite file is a Budg database this version can use. */
static gboolean
check_identity (sqlite3     *handle,
                const char  *path,
                int         *out_version,
                GError     **error)
{
  int application_id;
  int version;
  int n_objects;

  if (!query_int (handle, path, "PRAGMA application_id", &application_id, error) ||
      !query_int (handle, path, "PRAGMA user_version", &version, error) ||
      !query_int (handle, path, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  /* A fresh file has no id and no tables yet; anything else must be ours. */
  if ((application_id == 0 && n_objects > 0) ||
      (application_id != 0 && application_id != BUDG_APPLICATION_ID))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE,
                   _("“%s” is an SQLite file, but not a Budg database. Choose a Budg database, or a new file name to start one."),
                   path);
      return FALSE;
    }

  if (version > BUDG_DATABASE_SCHEMA_VERSION)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NEWER_VERSION,
                   _("“%s” was saved by a newer version of Budg (database version %d; this Budg reads up to %d). Update Budg to open it; the file was not changed."),
                   path, version, BUDG_DATABASE_SCHEMA_VERSION);
      return FALSE;
    }

  *out_version = version;

  return TRUE;
}

static gboolean
migrate (BudgDatabase  *self,
         int            from_version,
         GError       **error)
{
  g_autofree char *triggers = NULL;

  if (from_version == BUDG_DATABASE_SCHEMA_VERSION)
    return TRUE;

  /* All steps and the audit triggers in one transaction: an upgrade that
   * fails half way leaves the file exactly as it was. */
  if (!exec_sql (self->handle, self->path, "BEGIN IMMEDIATE", _("upgrading the database"), error))
    return FALSE;

  for (int version = from_version + 1; version <= BUDG_DATABASE_SCHEMA_VERSION; version++)
    {
      g_autofree char *bump = g_strdup_printf ("PRAGMA user_version = %d", version);

      g_debug ("Migrating %s to version %d", self->path, version);

      if (!exec_sql (self->handle, self->path, budg_migrations_get_sql (version),
                     _("upgrading the database"), error) ||
          !exec_sql (self->handle, self->path, bump, _("upgrading the database"), error))
        goto failed;
    }

  triggers = budg_migrations_build_audit_triggers (self->handle, error);
  if (triggers == NULL ||
      !exec_sql (self->handle, self->path, triggers, _("upgrading the database"), error) ||
      !exec_sql (self->handle, self->path, budg_checkpoints_get_triggers_sql (),
                 _("upgrading the database"), error) ||
      !exec_sql (self->handle, self->path, "COMMIT", _("upgrading the database"), error))
    goto failed;

  return TRUE;

failed:
  sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * budg_database_get_default_path:
 *
 * Returns: (transfer full): $BUDG_DB when set, otherwise budg.db in the
 *   user data directory.
 */
char *
budg_database_get_default_path (void)
{
  const char *env = g_getenv ("BUDG_DB");

  if (env != NULL && env[0] != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "budg", "budg.db", NULL);
}

/**
 * budg_database_open:
 * @path: (nullable): the database file, or %NULL for the default
 *
 * Opens (creating it when missing) a Budg database and brings its schema up
 * to date. A file that is not a Budg database, or that a newer Budg wrote, is
 * refused untouched.
 *
 * Returns: (transfer full): the database, or %NULL with @error set
 */
BudgDatabase *
budg_database_open (const char  *path,
                    GError     **error)
{
  g_autoptr(BudgDatabase) self = NULL;
  g_autofree char *default_path = NULL;
  gboolean is_new;
  int version = 0;
  int rc;

  if (path == NULL)
    path = default_path = budg_database_get_default_path ();

  if (!g_utf8_validate (path, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The database path is not valid UTF-8. Rename the file or choose another one."));
      return NULL;
    }

  if (!prepare_file (path, &is_new, error))
    return NULL;

  self = g_object_new (BUDG_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self->handle, rc, path, _("opening the database"), error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->handle, 1);
  sqlite3_busy_timeout (self->handle, 5000);

  if (!check_identity (self->handle, path, &version, error))
    return NULL;

  if (!exec_sql (self->handle, path,
                 "PRAGMA foreign_keys = ON;"
                 "PRAGMA journal_mode = WAL;"
                 "PRAGMA synchronous = NORMAL;"
                 "PRAGMA temp_store = MEMORY;",
                 _("opening the database"), error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  if (is_new)
    g_debug ("Created database %s", path);

  return g_steal_pointer (&self);
}

const char *
budg_database_get_path (BudgDatabase *self)
{
  g_return_val_if_fail (BUDG_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * budg_database_get_handle:
 *
 * Returns: (transfer none): the SQLite connection, for code in src/core that
 *   needs more than the helpers here (bulk loads, backups).
 */
sqlite3 *
budg_database_get_handle (BudgDatabase *self)
{
  g_return_val_if_fail (BUDG_IS_DATABASE (self), NULL);

  return self->handle;
}

/**
 * budg_database_in_transaction:
 * @self: a database
 *
 * Returns: whether a change begun with budg_database_begin() is open
 */
gboolean
budg_database_in_transaction (BudgDatabase *self)
{
  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);

  return self->depth > 0;
}

int
budg_database_get_schema_version (BudgDatabase *self)
{
  int version = -1;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), -1);

  if (!query_int (self->handle, self->path, "PRAGMA user_version", &version, NULL))
    return -1;

  return version;
}

/**
 * budg_database_prepare:
 * @sql: a statement; its text is the cache key, so pass the same literal
 *
 * Returns: (transfer none) (nullable): a cached statement, reset and with
 *   its bindings cleared, valid until the next call with the same @sql
 */
sqlite3_stmt *
budg_database_prepare (BudgDatabase  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = g_hash_table_lookup (self->statements, sql);
  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  if (sqlite3_prepare_v3 (self->handle, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      budg_database_set_error (self, error, _("reading the database"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);

  return stmt;
}

gboolean
budg_database_exec (BudgDatabase  *self,
                    const char    *sql,
                    GError       **error)
{
  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);

  return exec_sql (self->handle, self->path, sql, _("saving the change"), error);
}

/**
 * budg_database_step_done:
 *
 * Runs a statement that returns no rows, then resets it.
 */
gboolean
budg_database_step_done (BudgDatabase  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self, error, _("saving the change"));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);

  return TRUE;
}

gboolean
budg_database_begin (BudgDatabase  *self,
                     GError       **error)
{
  g_autofree char *savepoint = NULL;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);

  /* IMMEDIATE takes the write lock up front, so a busy database fails here,
   * before any work, rather than half way through. */
  if (self->depth == 0)
    {
      if (!exec_sql (self->handle, self->path, "BEGIN IMMEDIATE", _("starting a change"), error))
        return FALSE;
    }
  else
    {
      savepoint = g_strdup_printf ("SAVEPOINT budg_%u", self->depth);
      if (!exec_sql (self->handle, self->path, savepoint, _("starting a change"), error))
        return FALSE;
    }

  self->depth++;

  return TRUE;
}

static void
flush_changes (BudgDatabase *self)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  GHashTableIter iter;
  gpointer key;

  /* Copy first: a handler may start another change. */
  g_hash_table_iter_init (&iter, self->pending_changes);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (tables, g_strdup (key));
  g_hash_table_remove_all (self->pending_changes);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);

      g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
    }
}

gboolean
budg_database_commit (BudgDatabase  *self,
                      GError       **error)
{
  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (self->depth == 1)
    {
      if (!exec_sql (self->handle, self->path, "COMMIT", _("saving the change"), error))
        return FALSE;
      self->depth = 0;
      flush_changes (self);
    }
  else
    {
      g_autofree char *release = g_strdup_printf ("RELEASE budg_%u", self->depth - 1);

      if (!exec_sql (self->handle, self->path, release, _("saving the change"), error))
        return FALSE;
      self->depth--;
    }

  return TRUE;
}

/**
 * budg_database_rollback:
 *
 * Undoes everything since the matching budg_database_begin(). Safe to call
 * after a failed commit.
 */
void
budg_database_rollback (BudgDatabase *self)
{
  g_return_if_fail (BUDG_IS_DATABASE (self));

  if (self->depth == 0)
    return;

  if (self->depth == 1)
    {
      if (!sqlite3_get_autocommit (self->handle))
        sqlite3_exec (self->handle, "ROLLBACK", NULL, NULL, NULL);
      self->depth = 0;
      /* A store may have read rows inside the transaction (to hand back what
       * it created); telling it the tables changed makes it read them again
       * as they are now. */
      flush_changes (self);
      return;
    }
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO budg_%1$u; RELEASE budg_%1$u",
                                              self->depth - 1);

      sqlite3_exec (self->handle, sql, NULL, NULL, NULL);
    }

  self->depth--;
}

/**
 * budg_database_emit_changed:
 * @table: the table that changed, or "*" for everything
 *
 * Tells listeners that @table changed: at once outside a transaction, or when
 * the outermost transaction commits.
 */
void
budg_database_emit_changed (BudgDatabase *self,
                            const char   *table)
{
  g_return_if_fail (BUDG_IS_DATABASE (self));
  g_return_if_fail (table != NULL);

  if (self->depth > 0)
    g_hash_table_add (self->pending_changes, g_strdup (table));
  else
    g_signal_emit (self, signals[CHANGED], g_quark_from_string (table), table);
}

static gboolean
copy_database (sqlite3     *destination,
               sqlite3     *source,
               const char  *error_path,
               const char  *what,
               GError     **error)
{
  sqlite3_backup *backup;
  int rc;

  backup = sqlite3_backup_init (destination, "main", source, "main");
  if (backup == NULL)
    {
      set_sqlite_error (destination, sqlite3_extended_errcode (destination), error_path, what, error);
      return FALSE;
    }

  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);

  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (NULL, rc, error_path, what, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_database_drop_indexes:
 * @self: a database, inside a transaction
 * @table: the table whose indexes go
 * @error: return location for a #GError
 *
 * For bulk loaders: drops the indexes of @table, because building an index
 * once after the load, from sorted data, is several times faster than
 * updating it row by row. The statements that put them back come from the
 * schema itself, so they always match the migrations; running them also
 * checks the unique ones.
 *
 * Returns: (transfer full): the SQL that recreates the indexes, or %NULL
 *   with @error set
 */
char *
budg_database_drop_indexes (BudgDatabase  *self,
                            const char    *table,
                            GError       **error)
{
  g_autoptr(GString) recreate = g_string_new (NULL);
  g_autoptr(GString) drop = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), NULL);
  g_return_val_if_fail (table != NULL, NULL);

  if (sqlite3_prepare_v2 (self->handle,
                          "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                          " AND tbl_name = ? AND sql IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      budg_database_set_error (self, error, _("preparing a bulk change"));
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (drop, "DROP INDEX \"%s\";\n", sqlite3_column_text (stmt, 0));
      g_string_append_printf (recreate, "%s;\n", sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);

  if (!budg_database_exec (self, drop->str, error))
    return NULL;

  return g_string_free (g_steal_pointer (&recreate), FALSE);
}

/**
 * budg_database_backup:
 * @destination: the file to write; replaced atomically when it exists
 *
 * Writes a consistent copy of the open database with SQLite's online backup,
 * so the app may keep working meanwhile. The copy is a self-contained file
 * (no -wal beside it), private to the user.
 */
gboolean
budg_database_backup (BudgDatabase  *self,
                      const char    *destination,
                      GError       **error)
{
  g_autofree char *partial = NULL;
  sqlite3 *copy = NULL;
  gboolean ok;
  int fd;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  /* Write beside the destination, then rename: a failed backup never leaves a
   * half-written file where a good one was. */
  partial = g_strdup_printf ("%s.partial", destination);
  g_unlink (partial);
  fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Could not write the backup “%s”: %s. Choose a folder you can write to."),
                   destination, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open_v2 (partial, &copy, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (copy, rc, destination, _("writing the backup"), error);
      sqlite3_close (copy);
      g_unlink (partial);
      return FALSE;
    }

  ok = copy_database (copy, self->handle, destination, _("writing the backup"), error) &&
       exec_sql (copy, destination, "PRAGMA journal_mode = DELETE", _("writing the backup"), error);
  sqlite3_close (copy);

  if (ok && g_rename (partial, destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE,
                   _("Could not write the backup “%s”: %s."), destination, g_strerror (saved_errno));
      ok = FALSE;
    }

  if (!ok)
    g_unlink (partial);

  return ok;
}

/**
 * budg_database_restore:
 * @source: a backup written by budg_database_backup() (or any Budg database)
 *
 * Replaces the whole content of the open database with @source, after
 * checking that @source is a sound Budg database this version can read; an
 * older one is upgraded. On failure the open database is unchanged.
 */
gboolean
budg_database_restore (BudgDatabase  *self,
                       const char    *source,
                       GError       **error)
{
  sqlite3 *backup = NULL;
  char header[16] = { 0 };
  int version;
  int fd;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  fd = g_open (source, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("Could not read the backup “%s”: %s."), source, g_strerror (saved_errno));
      return FALSE;
    }
  rc = read (fd, header, sizeof header);
  close (fd);
  if (rc != sizeof header || memcmp (header, sqlite_magic, sizeof header) != 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a Budg backup. Nothing was restored."), source);
      return FALSE;
    }

  rc = sqlite3_open_v2 (source, &backup, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (backup, rc, source, _("reading the backup"), error);
      sqlite3_close (backup);
      return FALSE;
    }

  if (!check_identity (backup, source, &version, error))
    {
      sqlite3_close (backup);
      return FALSE;
    }

  if (version == 0)
    {
      sqlite3_close (backup);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE,
                   _("“%s” is an empty file, not a Budg backup. Nothing was restored."), source);
      return FALSE;
    }

  {
    g_autoptr(GError) check_error = NULL;
    int ok_rows = 0;

    if (!query_int (backup, source, "SELECT count(*) FROM pragma_quick_check WHERE quick_check = 'ok'",
                    &ok_rows, &check_error) || ok_rows != 1)
      {
        sqlite3_close (backup);
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_CORRUPT,
                     _("The backup “%s” is damaged. Nothing was restored; try an older backup."),
                     source);
        return FALSE;
      }
  }

  /* Cached statements refer to the old schema objects; drop them first. */
  g_hash_table_remove_all (self->statements);

  if (!copy_database (self->handle, backup, self->path, _("restoring the backup"), error))
    {
      sqlite3_close (backup);
      return FALSE;
    }
  sqlite3_close (backup);

  if (!migrate (self, version, error))
    return FALSE;

  budg_database_emit_changed (self, "*");

  return TRUE;
}

/**
 * budg_database_check_integrity:
 *
 * Runs SQLite's integrity and foreign-key checks.
 */
gboolean
budg_database_check_integrity (BudgDatabase  *self,
                               GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int n_fk_problems = 0;

  g_return_val_if_fail (BUDG_IS_DATABASE (self), FALSE);

  if (sqlite3_prepare_v2 (self->handle, "PRAGMA integrity_check", -1, &stmt, NULL) != SQLITE_OK)
    {
      budg_database_set_error (self, error, _("checking the database"));
      return FALSE;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *result = (const char *) sqlite3_column_text (stmt, 0);

      if (g_strcmp0 (result, "ok") != 0)
        problem = g_strdup (result);
    }
  sqlite3_finalize (stmt);

  if (problem == NULL &&
      !query_int (self->handle, self->path, "SELECT count(*) FROM pragma_foreign_key_check",
                  &n_fk_problems, error))
    return FALSE;

  if (problem != NULL || n_fk_problems > 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_CORRUPT,
                   _("The database “%s” is damaged (%s). Restore it from a backup."),
                   self->path,
                   problem != NULL ? problem : _("rows refer to rows that do not exist"));
      return FALSE;
    }

  return TRUE;
}
