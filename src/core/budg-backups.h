/* budg-backups.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/**
 * BudgBackup:
 * @path: the backup file
 * @date: the day it was made, "YYYY-MM-DD"
 * @before_restore: whether it is the copy kept of what was there before a
 *   restore, rather than a daily one
 * @size: its size in bytes
 *
 * One of the automatic backups of a database.
 */
typedef struct
{
  char     *path;
  char     *date;
  gboolean  before_restore;
  goffset   size;
} BudgBackup;

void        budg_backup_free           (BudgBackup    *backup);

char       *budg_backups_get_dir       (const char    *database_path) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *budg_backups_list          (const char    *database_path,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    budg_backups_make_daily    (BudgDatabase  *database,
                                        const char    *today,
                                        guint          keep,
                                        char         **out_path,
                                        GError       **error);
gboolean    budg_backups_restore       (BudgDatabase  *database,
                                        const char    *source,
                                        const char    *today,
                                        GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgBackup, budg_backup_free)

G_END_DECLS
