/* test-database.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "budg-database.h"
#include "budg-error.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "budg.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
query_int64 (BudgDatabase *database,
             const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (budg_database_get_handle (database), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  return value;
}

static char *
query_text (BudgDatabase *database,
            const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (budg_database_get_handle (database), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return value;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
test_open_creates_private_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDatabase) database = NULL;
  g_autofree char *journal = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "budg.db", NULL);
  struct stat st;

  database = budg_database_open (nested, &error);
  g_assert_no_error (error);
  g_assert_nonnull (database);

  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (budg_database_get_schema_version (database), ==, BUDG_DATABASE_SCHEMA_VERSION);

  journal = query_text (database, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int64 (database, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_int64 (database, "PRAGMA application_id"), ==, 0x42756467);
  g_assert_true (budg_database_check_integrity (database, &error));
  g_assert_no_error (error);
}

static void
test_open_refuses_other_files (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(BudgDatabase) database = NULL;
  sqlite3 *other = NULL;

  /* Plain text. */
  g_file_set_contents (fixture->path, "date,amount\n2026-01-01,12.00\n", -1, &error);
  g_assert_no_error (error);
  before = read_file (fixture->path);

  database = budg_database_open (fixture->path, &error);
  g_assert_null (database);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, fixture->path));
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_error (&error);
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);
  g_unlink (fixture->path);

  /* Someone else's SQLite database. */
  g_assert_cmpint (sqlite3_open (fixture->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hi')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  before = read_file (fixture->path);

  database = budg_database_open (fixture->path, &error);
  g_assert_null (database);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE);
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_refuses_newer_version (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  BudgDatabase *database;
  sqlite3 *handle = NULL;

  database = budg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_object_unref (database);

  g_assert_cmpint (sqlite3_open (fixture->path, &handle), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (handle, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (handle);
  before = read_file (fixture->path);

  database = budg_database_open (fixture->path, &error);
  g_assert_null (database);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer version"));
  after = read_file (fixture->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_open_unwritable_location (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *blocker = g_build_filename (fixture->dir, "not-a-folder", NULL);
  g_autofree char *path = g_build_filename (blocker, "budg.db", NULL);
  g_autoptr(BudgDatabase) database = NULL;

  /* A file where a folder should be fails even for root, unlike permissions. */
  g_file_set_contents (blocker, "x", -1, &error);
  g_assert_no_error (error);

  database = budg_database_open (path, &error);
  g_assert_null (database);
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, blocker));
  g_clear_error (&error);

  database = budg_database_open (fixture->dir, &error);
  g_assert_null (database);
}

static void
test_migrate_from_v1 (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDatabase) database = NULL;
  g_autofree char *source = g_build_filename (g_getenv ("BUDG_TEST_DATA"), "budg-v1.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (fixture->path, contents, length, &error);
  g_assert_no_error (error);

  database = budg_database_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (budg_database_get_schema_version (database), ==, BUDG_DATABASE_SCHEMA_VERSION);

  /* The data of version 1 is all still there. */
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM accounts"), ==, 2);
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM transactions"), ==, 4);
  g_assert_cmpint (query_int64 (database, "SELECT sum(amount_minor) FROM transactions WHERE account_id = 1"),
                   ==, -4599 + 250000 - 1234);
  g_assert_cmpint (query_int64 (database, "SELECT amount_minor FROM balance_snapshots"), ==, 150000);

  /* And version 2 works on it: bills can be stored, changes are audited. */
  g_assert_true (budg_database_exec (database,
                                     "INSERT INTO bills (name, account_id, amount_minor, rrule, start_date)"
                                     " VALUES ('Rent', 1, 100000, 'FREQ=MONTHLY', '2026-03-01')",
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM audit_log WHERE table_name = 'bills'"), ==, 1);
  g_assert_true (budg_database_check_integrity (database, &error));
  g_assert_no_error (error);
}

static void
test_audit_log (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDatabase) database = budg_database_open (fixture->path, &error);
  g_autofree char *old_name = NULL;
  g_autofree char *new_name = NULL;

  g_assert_no_error (error);
  g_assert_true (budg_database_exec (database,
                                     "INSERT INTO accounts (name, kind, currency) VALUES ('Cash', 'cash', 'EUR');"
                                     "UPDATE accounts SET name = 'Wallet' WHERE name = 'Cash';"
                                     "UPDATE accounts SET name = 'Wallet' WHERE name = 'Wallet';"
                                     "DELETE FROM accounts WHERE name = 'Wallet';",
                                     &error));
  g_assert_no_error (error);

  /* An update that changes nothing is not a change. */
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM audit_log WHERE table_name = 'accounts'"), ==, 3);
  old_name = query_text (database, "SELECT json_extract(old_values, '$.name') FROM audit_log WHERE action = 'update'");
  new_name = query_text (database, "SELECT json_extract(new_values, '$.name') FROM audit_log WHERE action = 'update'");
  g_assert_cmpstr (old_name, ==, "Cash");
  g_assert_cmpstr (new_name, ==, "Wallet");
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM audit_log WHERE action = 'delete'"
                                          " AND json_extract(old_values, '$.currency') = 'EUR'"), ==, 1);
}

static void
count_changed_cb (BudgDatabase *database,
                  const char   *table,
                  guint        *count)
{
  (*count)++;
}

static void
test_transactions_nest_and_roll_back (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDatabase) database = budg_database_open (fixture->path, &error);
  guint changed = 0;

  g_assert_no_error (error);
  g_signal_connect (database, "changed", G_CALLBACK (count_changed_cb), &changed);

  g_assert_true (budg_database_begin (database, &error));
  g_assert_true (budg_database_exec (database, "INSERT INTO payees (name) VALUES ('Outer')", &error));
  budg_database_emit_changed (database, "payees");
  g_assert_cmpuint (changed, ==, 0);

  g_assert_true (budg_database_begin (database, &error));
  g_assert_true (budg_database_exec (database, "INSERT INTO payees (name) VALUES ('Inner')", &error));
  budg_database_rollback (database);

  g_assert_true (budg_database_commit (database, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM payees"), ==, 1);

  g_assert_true (budg_database_begin (database, &error));
  g_assert_true (budg_database_exec (database, "INSERT INTO payees (name) VALUES ('Gone')", &error));
  budg_database_emit_changed (database, "payees");
  g_assert_cmpuint (changed, ==, 1);
  /* Rolled back: listeners that may have read inside are told to read again. */
  budg_database_rollback (database);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM payees"), ==, 1);

  /* A constraint failure is reported, and the statement cache survives it. */
  g_assert_false (budg_database_exec (database, "INSERT INTO payees (name) VALUES ('outer')", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE);
}

static void
test_backup_and_restore (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDatabase) database = budg_database_open (fixture->path, &error);
  g_autofree char *backup = g_build_filename (fixture->dir, "backup.budg", NULL);
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.budg", NULL);
  g_autofree char *journal = NULL;
  sqlite3 *copy = NULL;
  struct stat st;

  g_assert_no_error (error);
  g_assert_true (budg_database_exec (database,
                                     "INSERT INTO accounts (name, kind, currency) VALUES ('Kept', 'cash', 'USD')",
                                     &error));

  g_assert_true (budg_database_backup (database, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (backup, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* The backup is a self-contained file, readable on its own. */
  g_assert_cmpint (sqlite3_open_v2 (backup, &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (copy, "SELECT name FROM accounts", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "Kept");
    sqlite3_finalize (stmt);
  }
  sqlite3_close (copy);

  g_assert_true (budg_database_exec (database,
                                     "INSERT INTO accounts (name, kind, currency) VALUES ('Later', 'cash', 'USD')",
                                     &error));
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM accounts"), ==, 2);

  /* A bad file restores nothing. */
  g_file_set_contents (garbage, "this is no database", -1, &error);
  g_assert_no_error (error);
  g_assert_false (budg_database_restore (database, garbage, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM accounts"), ==, 2);

  g_assert_true (budg_database_restore (database, backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int64 (database, "SELECT count(*) FROM accounts"), ==, 1);
  journal = query_text (database, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_true (budg_database_check_integrity (database, &error));
}

static void
test_statement_cache (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDatabase) database = budg_database_open (fixture->path, &error);
  sqlite3_stmt *first;
  sqlite3_stmt *second;

  g_assert_no_error (error);
  first = budg_database_prepare (database, "SELECT ?1", &error);
  g_assert_nonnull (first);
  sqlite3_bind_int (first, 1, 7);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);

  /* The same text gives the same statement, reset and unbound. */
  second = budg_database_prepare (database, "SELECT ?1", &error);
  g_assert_true (first == second);
  g_assert_cmpint (sqlite3_step (second), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_type (second, 0), ==, SQLITE_NULL);
  sqlite3_reset (second);

  g_assert_null (budg_database_prepare (database, "SELECT FROM nowhere", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_DATABASE);
}

static void
test_default_path_follows_env (void)
{
  g_autofree char *path = NULL;

  g_setenv ("BUDG_DB", "/tmp/elsewhere/budg.db", TRUE);
  path = budg_database_get_default_path ();
  g_assert_cmpstr (path, ==, "/tmp/elsewhere/budg.db");
  g_free (path);

  g_unsetenv ("BUDG_DB");
  path = budg_database_get_default_path ();
  g_assert_true (g_str_has_suffix (path, "/budg/budg.db"));
  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/database/open/creates-private-file", test_open_creates_private_file);
  ADD ("/database/open/refuses-other-files", test_open_refuses_other_files);
  ADD ("/database/open/refuses-newer-version", test_open_refuses_newer_version);
  ADD ("/database/open/unwritable-location", test_open_unwritable_location);
  ADD ("/database/migrate/from-v1", test_migrate_from_v1);
  ADD ("/database/audit-log", test_audit_log);
  ADD ("/database/transactions/nest-and-roll-back", test_transactions_nest_and_roll_back);
  ADD ("/database/backup-and-restore", test_backup_and_restore);
  ADD ("/database/statement-cache", test_statement_cache);
#undef ADD
  g_test_add_func ("/database/default-path", test_default_path_follows_env);

  return g_test_run ();
}
