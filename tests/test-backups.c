/* test-backups.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rolling daily backups and the restore that keeps a copy of what it
 * replaces.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "budg-backups.h"
#include "budg-context.h"
#include "budg-error.h"

typedef struct
{
  char        *dir;
  char        *path;
  char        *backups_dir;
  BudgContext *context;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->backups_dir = g_build_filename (fixture->dir, "backups", NULL);
  fixture->context = budg_context_new (fixture->path, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->context);
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->backups_dir);
}

static BudgDatabase *
database (Fixture *fixture)
{
  return budg_context_get_database (fixture->context);
}

static void
add_account (Fixture    *fixture,
             const char *name)
{
  g_autoptr(GError) error = NULL;

  budg_account_store_create (budg_context_get_accounts (fixture->context), name,
                             BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0, &error);
  g_assert_no_error (error);
}

/* The names of the accounts in the database file at @path, comma-separated. */
static char *
accounts_in (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDatabase) copy = budg_database_open (path, &error);
  g_autoptr(GString) names = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);
  stmt = budg_database_prepare (copy, "SELECT name FROM accounts ORDER BY name", &error);
  g_assert_no_error (error);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (names->len > 0)
        g_string_append_c (names, ',');
      g_string_append (names, (const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_reset (stmt);

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static char *
listed (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = budg_backups_list (fixture->path, &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    {
      BudgBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *base = g_path_get_basename (backup->path);

      g_assert_cmpint (backup->size, >, 0);
      g_assert_true (g_str_has_prefix (base, "budg-"));
      g_assert_nonnull (strstr (base, backup->date));
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, backup->date);
      if (backup->before_restore)
        g_string_append (out, "+before-restore");
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
make_daily (Fixture    *fixture,
            const char *today,
            guint       keep,
            gboolean    expect_new)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;

  g_assert_true (budg_backups_make_daily (database (fixture), today, keep, &written, &error));
  g_assert_no_error (error);
  if (expect_new)
    {
      g_assert_nonnull (written);
      g_assert_true (g_file_test (written, G_FILE_TEST_IS_REGULAR));
    }
  else
    g_assert_null (written);
}

static void
write_file (Fixture    *fixture,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->backups_dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
test_rolling (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *three = NULL;
  g_autofree char *after_keep_two = NULL;
  g_autofree char *first_copy = NULL;
  g_autofree char *newest_copy = NULL;
  GStatBuf info;

  /* Keeping none makes none. */
  make_daily (fixture, "2026-11-01", 0, FALSE);
  none = listed (fixture);
  g_assert_cmpstr (none, ==, "");
  g_assert_false (g_file_test (fixture->backups_dir, G_FILE_TEST_EXISTS));

  add_account (fixture, "First");
  make_daily (fixture, "2026-11-01", 3, TRUE);
  /* Once a day: later the same day, nothing new, whatever changed. */
  add_account (fixture, "Second");
  make_daily (fixture, "2026-11-01", 3, FALSE);
  one = listed (fixture);
  g_assert_cmpstr (one, ==, "2026-11-01");

  /* Private to the user, like the database. */
  g_assert_cmpint (g_stat (fixture->backups_dir, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0700);

  /* Files that are not backups of this database are left alone. */
  write_file (fixture, "notes.txt", "mine");
  write_file (fixture, "other-2026-10-01.db", "not ours");
  write_file (fixture, "budg-2026-02-30.db", "not a day");
  write_file (fixture, "budg-2026-10-01.db.partial", "half");

  for (int day = 2; day <= 5; day++)
    {
      g_autofree char *today = g_strdup_printf ("2026-11-%02d", day);

      if (day == 5)
        add_account (fixture, "Third");
      make_daily (fixture, today, 3, TRUE);
    }
  three = listed (fixture);
  g_assert_cmpstr (three, ==, "2026-11-05 2026-11-04 2026-11-03");

  {
    g_autofree char *path = g_build_filename (fixture->backups_dir, "budg-2026-11-05.db", NULL);
    g_autofree char *old = g_build_filename (fixture->backups_dir, "budg-2026-11-03.db", NULL);

    g_assert_cmpint (g_stat (path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
    newest_copy = accounts_in (path);
    first_copy = accounts_in (old);
    g_assert_cmpstr (newest_copy, ==, "First,Second,Third");
    g_assert_cmpstr (first_copy, ==, "First,Second");
  }

  {
    g_autofree char *notes = g_build_filename (fixture->backups_dir, "notes.txt", NULL);
    g_autofree char *other = g_build_filename (fixture->backups_dir, "other-2026-10-01.db", NULL);
    g_autofree char *not_a_day = g_build_filename (fixture->backups_dir, "budg-2026-02-30.db", NULL);

    g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
    g_assert_true (g_file_test (not_a_day, G_FILE_TEST_EXISTS));
  }

  /* Fewer kept from now on: the oldest go at the next backup. */
  make_daily (fixture, "2026-11-06", 2, TRUE);
  after_keep_two = listed (fixture);
  g_assert_cmpstr (after_keep_two, ==, "2026-11-06 2026-11-05");
}

static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *daily = g_build_filename (fixture->backups_dir, "budg-2026-11-01.db", NULL);
  g_autofree char *before = g_build_filename (fixture->backups_dir, "budg-2026-11-02-before-restore.db", NULL);
  g_autofree char *restored = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *kept_again = NULL;
  g_autofree char *list = NULL;

  add_account (fixture, "Old");
  make_daily (fixture, "2026-11-01", 7, TRUE);
  add_account (fixture, "New");

  g_assert_true (budg_backups_restore (database (fixture), daily, "2026-11-02", &error));
  g_assert_no_error (error);
  restored = accounts_in (fixture->path);
  g_assert_cmpstr (restored, ==, "Old");
  kept = accounts_in (before);
  g_assert_cmpstr (kept, ==, "New,Old");
  list = listed (fixture);
  g_assert_cmpstr (list, ==, "2026-11-02+before-restore 2026-11-01");

  /* The restore undone from its own copy, which then holds the backup's
   * state in turn: one copy before a restore is kept. */
  g_assert_true (budg_backups_restore (database (fixture), before, "2026-11-02", &error));
  g_assert_no_error (error);
  undone = accounts_in (fixture->path);
  g_assert_cmpstr (undone, ==, "New,Old");
  kept_again = accounts_in (before);
  g_assert_cmpstr (kept_again, ==, "Old");
}

static void
test_restore_bad_file (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *before = g_build_filename (fixture->backups_dir, "budg-2026-11-02-before-restore.db", NULL);
  g_autofree char *after = NULL;
  g_autofree char *list = NULL;

  add_account (fixture, "Mine");
  g_file_set_contents (garbage, "this is not a database, but it is long enough", -1, &error);
  g_assert_no_error (error);

  g_assert_false (budg_backups_restore (database (fixture), garbage, "2026-11-02", &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_A_DATABASE);

  after = accounts_in (fixture->path);
  g_assert_cmpstr (after, ==, "Mine");
  /* Nothing restored, so no copy of before it either. */
  g_assert_false (g_file_test (before, G_FILE_TEST_EXISTS));
  list = listed (fixture);
  g_assert_cmpstr (list, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/backups/rolling", test_rolling);
  ADD ("/backups/restore", test_restore);
  ADD ("/backups/restore-bad-file", test_restore_bad_file);
#undef ADD

  return g_test_run ();
}
