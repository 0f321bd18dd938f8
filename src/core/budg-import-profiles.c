/* budg-import-profiles.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-import-profiles"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-error.h"
#include "budg-import-profiles.h"
#include "budg-validate.h"

#define PROFILE_COLUMNS "id, name, settings, header_signature, account_id, last_used_at"

/**
 * budg_import_profile_new:
 *
 * Returns: (transfer full): an empty profile, not stored yet
 */
BudgImportProfile *
budg_import_profile_new (void)
{
  return g_new0 (BudgImportProfile, 1);
}

void
budg_import_profile_free (BudgImportProfile *profile)
{
  if (profile == NULL)
    return;

  g_free (profile->name);
  g_free (profile->settings);
  g_free (profile->header_signature);
  g_free (profile->last_used_at);
  g_free (profile);
}

static BudgImportProfile *
profile_from_row (sqlite3_stmt *stmt)
{
  BudgImportProfile *profile = budg_import_profile_new ();

  profile->id = sqlite3_column_int64 (stmt, 0);
  profile->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  profile->settings = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  profile->header_signature = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  profile->account_id = sqlite3_column_int64 (stmt, 4);
  profile->last_used_at = g_strdup ((const char *) sqlite3_column_text (stmt, 5));

  return profile;
}

/* Steps @stmt (already bound) for at most one row and resets it. */
static BudgImportProfile *
read_one (BudgDatabase  *database,
          sqlite3_stmt  *stmt,
          gboolean      *out_found,
          GError       **error)
{
  BudgImportProfile *profile = NULL;
  int rc;

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    profile = profile_from_row (stmt);
  sqlite3_reset (stmt);

  *out_found = rc == SQLITE_ROW;
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    budg_database_set_error (database, error, _("reading the import profiles"));

  return profile;
}

/**
 * budg_import_profiles_list:
 * @database: a database
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type BudgImportProfile): every profile,
 *   by name, or %NULL with @error set
 */
GPtrArray *
budg_import_profiles_list (BudgDatabase  *database,
                           GError       **error)
{
  g_autoptr(GPtrArray) profiles = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  stmt = budg_database_prepare (database,
                                "SELECT " PROFILE_COLUMNS " FROM import_profiles"
                                " ORDER BY name COLLATE NOCASE, id",
                                error);
  if (stmt == NULL)
    return NULL;

  profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_import_profile_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (profiles, profile_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (database, error, _("reading the import profiles"));
      return NULL;
    }

  return g_steal_pointer (&profiles);
}

/**
 * budg_import_profiles_find:
 * @database: a database
 * @name: the profile's name, in any case
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the profile, or %NULL with %BUDG_ERROR_NOT_FOUND
 *   when there is none by that name
 */
BudgImportProfile *
budg_import_profiles_find (BudgDatabase  *database,
                           const char    *name,
                           GError       **error)
{
  g_autoptr(BudgImportProfile) profile = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = budg_database_prepare (database,
                                "SELECT " PROFILE_COLUMNS " FROM import_profiles"
                                " WHERE name = ?1 COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);

  profile = read_one (database, stmt, &found, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!found)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no import profile “%s”. “budg-cli profile list” shows the saved ones."),
                   name);
      return NULL;
    }

  return g_steal_pointer (&profile);
}

/**
 * budg_import_profiles_find_by_signature:
 * @database: a database
 * @signature: what budg_csv_profile_signature() made of a file's header
 * @error: return location for a #GError
 *
 * Several profiles may have been saved from files of one layout (two
 * accounts at the same bank); the one used last is the best guess.
 *
 * Returns: (transfer full) (nullable): the most recently used profile with
 *   that signature, or %NULL (without an error) when there is none
 */
BudgImportProfile *
budg_import_profiles_find_by_signature (BudgDatabase  *database,
                                        const char    *signature,
                                        GError       **error)
{
  sqlite3_stmt *stmt;
  gboolean found;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);
  g_return_val_if_fail (signature != NULL, NULL);

  /* ISO 8601 UTC times sort as text; a profile never used comes last. */
  stmt = budg_database_prepare (database,
                                "SELECT " PROFILE_COLUMNS " FROM import_profiles"
                                " WHERE header_signature = ?1"
                                " ORDER BY last_used_at IS NULL, last_used_at DESC, id DESC"
                                " LIMIT 1",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, signature, -1, SQLITE_STATIC);

  return read_one (database, stmt, &found, error);
}

/**
 * budg_import_profiles_save:
 * @database: a database
 * @profile: the profile; its @name and @settings are required
 * @error: return location for a #GError
 *
 * Stores @profile, replacing the settings, signature, account and last use
 * of an existing profile of that name (in any case, which keeps its id and
 * takes the new spelling), and sets @profile->id.
 *
 * Returns: %FALSE with %BUDG_ERROR_INVALID_INPUT for an empty name or no
 *   settings, %BUDG_ERROR_NOT_FOUND for an account that does not exist
 */
gboolean
budg_import_profiles_save (BudgDatabase       *database,
                           BudgImportProfile  *profile,
                           GError            **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (profile != NULL, FALSE);

  if (!(name = budg_validate_name (profile->name, _("profile name"), error)))
    return FALSE;

  if (profile->settings == NULL)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The profile has no settings to save."));
      return FALSE;
    }

  if (!budg_database_begin (database, error))
    return FALSE;

  if (profile->account_id != 0)
    {
      stmt = budg_database_prepare (database, "SELECT 1 FROM accounts WHERE id = ?1", error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_int64 (stmt, 1, profile->account_id);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                       _("There is no account with id %lld."), (long long) profile->account_id);
          goto fail;
        }
      if (rc != SQLITE_ROW)
        {
          budg_database_set_error (database, error, _("saving the import profile"));
          goto fail;
        }
    }

  stmt = budg_database_prepare (database,
                                "INSERT INTO import_profiles"
                                " (name, settings, header_signature, account_id, last_used_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)"
                                " ON CONFLICT (name COLLATE NOCASE) DO UPDATE SET"
                                " name = excluded.name, settings = excluded.settings,"
                                " header_signature = excluded.header_signature,"
                                " account_id = excluded.account_id,"
                                " last_used_at = excluded.last_used_at",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, profile->settings, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, profile->header_signature, -1, SQLITE_STATIC);
  if (profile->account_id != 0)
    sqlite3_bind_int64 (stmt, 4, profile->account_id);
  else
    sqlite3_bind_null (stmt, 4);
  sqlite3_bind_text (stmt, 5, profile->last_used_at, -1, SQLITE_STATIC);
  if (!budg_database_step_done (database, stmt, error))
    goto fail;

  /* last_insert_rowid() is not set by the update branch of an upsert. */
  stmt = budg_database_prepare (database,
                                "SELECT id FROM import_profiles WHERE name = ?1 COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    profile->id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      budg_database_set_error (database, error, _("saving the import profile"));
      goto fail;
    }

  if (!budg_database_commit (database, error))
    goto fail;

  g_free (profile->name);
  profile->name = g_steal_pointer (&name);
  budg_database_emit_changed (database, "import_profiles");

  return TRUE;

fail:
  budg_database_rollback (database);
  return FALSE;
}

/**
 * budg_import_profiles_touch:
 * @database: a database
 * @id: the profile's id
 * @account_id: the account the import went to, or 0 to keep the old one
 * @error: return location for a #GError
 *
 * Records that the profile was just used, so that it comes first among the
 * profiles of its signature.
 *
 * Returns: %FALSE with %BUDG_ERROR_NOT_FOUND when there is no such profile
 */
gboolean
budg_import_profiles_touch (BudgDatabase  *database,
                            gint64         id,
                            gint64         account_id,
                            GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);

  stmt = budg_database_prepare (database,
                                "UPDATE import_profiles"
                                " SET last_used_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),"
                                " account_id = CASE WHEN ?2 = 0 THEN account_id ELSE ?2 END"
                                " WHERE id = ?1",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, account_id);
  if (!budg_database_step_done (database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no import profile with id %lld."), (long long) id);
      return FALSE;
    }
  budg_database_emit_changed (database, "import_profiles");

  return TRUE;
}

/**
 * budg_import_profiles_delete:
 * @database: a database
 * @name: the profile's name, in any case
 * @error: return location for a #GError
 *
 * Returns: %FALSE with %BUDG_ERROR_NOT_FOUND when there is none by that name
 */
gboolean
budg_import_profiles_delete (BudgDatabase  *database,
                             const char    *name,
                             GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  stmt = budg_database_prepare (database,
                                "DELETE FROM import_profiles WHERE name = ?1 COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!budg_database_step_done (database, stmt, error))
    return FALSE;

  if (sqlite3_changes (budg_database_get_handle (database)) == 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                   _("There is no import profile “%s”. “budg-cli profile list” shows the saved ones."),
                   name);
      return FALSE;
    }
  budg_database_emit_changed (database, "import_profiles");

  return TRUE;
}
