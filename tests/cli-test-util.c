/* cli-test-util.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cli-test-util"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "cli-test-util.h"

/* Helpers shared by the tests that spawn budg-cli: running it, reading its
 * JSON output with type checks, and dumping the database it wrote.
 */

void
cli_result_clear (CliResult *result)
{
  g_clear_pointer (&result->out, g_free);
  g_clear_pointer (&result->err, g_free);
}

void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  /* A test may leave a directory read-only; make it deletable again. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_remove (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

/* The environment is the test's minus $BUDG_DB, so that nothing touches a
 * real database, and with the demo history ending on DEMO_END_DATE.
 */
void
run_cliv (const char         *db,
          const char * const *args,
          CliResult          *result)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("BUDG_CLI");
  int wait_status;

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (gpointer)cli);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer)"--db");
      g_ptr_array_add (argv, (gpointer)db);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_unsetenv (envp, "BUDG_DB");
  envp = g_environ_setenv (envp, "BUDG_DEMO_END_DATE", DEMO_END_DATE, TRUE);

  g_spawn_sync (NULL, (char **)argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  result->status = WEXITSTATUS (wait_status);
}

gint64
member_int (JsonObject *object,
            const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  /* Money and ids are JSON integers, never strings or floats. */
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_INT64);

  return json_node_get_int (node);
}

gboolean
member_is_null (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);

  return JSON_NODE_HOLDS_NULL (node);
}

const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_STRING);

  return json_node_get_string (node);
}

gboolean
member_boolean (JsonObject *object,
                const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_VALUE (node));
  g_assert_true (json_node_get_value_type (node) == G_TYPE_BOOLEAN);

  return json_node_get_boolean (node);
}

JsonArray *
root_array (JsonNode *root)
{
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));

  return json_node_get_array (root);
}

JsonObject *
root_object (JsonNode *root)
{
  g_assert_nonnull (root);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_get_object (root);
}

JsonObject *
find_by_string (JsonArray  *array,
                const char *member,
                const char *value)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      if (g_strcmp0 (member_string (object, member), value) == 0)
        return object;
    }

  return NULL;
}

/* Every row of every table (the audit log included) and the header pragmas,
 * read with SQLite directly: two equal dumps mean nothing was changed.
 */
char *
dump_database (const char *path)
{
  g_autoptr(GString) dump = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);

  g_string_append (dump, "pragmas");
  for (guint p = 0; p < 2; p++)
    {
      const char *sql = p == 0 ? "PRAGMA user_version" : "PRAGMA application_id";

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_string_append_printf (dump, " %lld", (long long)sqlite3_column_int64 (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_string_append_c (dump, '\n');

  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = g_ptr_array_index (tables, t);
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY rowid", table);

      g_string_append_printf (dump, "table %s\n", table);
      /* WITHOUT ROWID tables (the checkpoints) sort by their key instead. */
      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          g_free (sql);
          sql = g_strdup_printf ("SELECT * FROM \"%s\" ORDER BY 1, 2", table);
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
        }
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *)sqlite3_column_text (stmt, c);

              g_string_append_printf (dump, "%d:%s|", sqlite3_column_type (stmt, c),
                                      text != NULL ? text : "NULL");
            }
          g_string_append_c (dump, '\n');
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);

  return g_string_free (g_steal_pointer (&dump), FALSE);
}

JsonNode *
cli_run_json_argv (const char         *db,
                   const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(CliResult) result = { 0 };
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, (gpointer) "--json");
  g_ptr_array_add (argv, NULL);

  run_cliv (db, (const char * const *) argv->pdata, &result);
  if (result.status != 0)
    g_printerr ("%s", result.err);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.err, ==, "");

  root = json_from_string (result.out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (root);

  return root;
}

void
cli_run_ok_argv (const char         *db,
                 const char * const *args)
{
  g_auto(CliResult) result = { 0 };

  run_cliv (db, args, &result);
  if (result.status != 0)
    g_printerr ("%s", result.err);
  g_assert_cmpint (result.status, ==, 0);
}
