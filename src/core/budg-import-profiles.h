/* budg-import-profiles.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/* Named CSV import profiles ("My bank"): how one bank's files are read. The
 * core keeps @settings as opaque text (src/io writes and reads it, see
 * budg-csv-profile.h) and finds a profile again by the file's header. */

/**
 * BudgImportProfile:
 * @id: the row id (0 before it is stored)
 * @name: what the user calls it
 * @settings: the reading options, as budg_csv_profile_to_settings() wrote them
 * @header_signature: (nullable): what budg_csv_profile_signature() made of
 *   the header of the file it was saved from
 * @account_id: the account the last import with it went to, else 0
 * @last_used_at: (nullable): ISO 8601 UTC time of its last use
 */
typedef struct
{
  gint64  id;
  char   *name;
  char   *settings;
  char   *header_signature;
  gint64  account_id;
  char   *last_used_at;
} BudgImportProfile;

BudgImportProfile *budg_import_profile_new   (void) G_GNUC_WARN_UNUSED_RESULT;
void               budg_import_profile_free  (BudgImportProfile *profile);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgImportProfile, budg_import_profile_free)

/* element-type BudgImportProfile, by name */
GPtrArray         *budg_import_profiles_list           (BudgDatabase       *database,
                                                        GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* NULL and BUDG_ERROR_NOT_FOUND when there is none by that name */
BudgImportProfile *budg_import_profiles_find           (BudgDatabase       *database,
                                                        const char         *name,
                                                        GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* The most recently used profile saved from a file with this header, or
 * NULL (without an error) when none was. */
BudgImportProfile *budg_import_profiles_find_by_signature (BudgDatabase    *database,
                                                        const char         *signature,
                                                        GError            **error) G_GNUC_WARN_UNUSED_RESULT;
/* Inserts, or replaces the profile of that name; sets profile->id. */
gboolean           budg_import_profiles_save           (BudgDatabase       *database,
                                                        BudgImportProfile  *profile,
                                                        GError            **error);
/* Records a use: now, and the account it went to (0 to keep the old one). */
gboolean           budg_import_profiles_touch          (BudgDatabase       *database,
                                                        gint64              id,
                                                        gint64              account_id,
                                                        GError            **error);
gboolean           budg_import_profiles_delete         (BudgDatabase       *database,
                                                        const char         *name,
                                                        GError            **error);

G_END_DECLS
