/* budg-import-plan-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-importer.h"

G_BEGIN_DECLS

/* The plan's insides and the importer's helpers, shared by the importer
 * that fills a plan (budg-importer.c), the writer that commits it
 * (budg-import-writer.c) and the accessors in budg-import-plan.c. */

/* How often a long loop looks at the cancellable and publishes progress. */
#define BUDG_IMPORT_CHECK_EVERY 1024
struct _BudgImportPlan
{
  gatomicrefcount   ref_count;
  BudgImportResult *result;      /* owns the statements and their rows */
  GArray           *items;       /* of BudgImportItem, in file order per statement */
  GPtrArray        *targets;     /* of BudgImportTarget, one per statement */
  char             *source;      /* "ofx", "qif" or "csv": the namespace of external ids */
  char             *filename;
  guint             match_days;
};

BudgImportPlan   *budg_import_plan_new          (BudgImportResult *result);
BudgImportTarget *budg_import_target_new        (BudgImportStatement *statement);
void              budg_import_plan_recount      (BudgImportPlan   *plan);
void              budg_import_item_clear        (BudgImportItem   *item);

void              budg_import_progress_set      (BudgImportProgress *progress,
                                                 guint               done,
                                                 guint               total);
char             *budg_import_fold              (const char       *text) G_GNUC_WARN_UNUSED_RESULT;

/* The categories by path, read once per plan or commit. */
typedef struct
{
  GHashTable *category_by_path;  /* folded "Parent:Child" → id */
  GHashTable *category_paths;    /* id → "Parent:Child" as stored */
} BudgImportCatalog;

gboolean          budg_import_catalog_load      (BudgImportCatalog *catalog,
                                                 BudgDatabase      *database,
                                                 GError           **error);
gint64            budg_import_catalog_find      (BudgImportCatalog *catalog,
                                                 const char        *path);
void              budg_import_catalog_clear     (BudgImportCatalog *catalog);

G_END_DECLS
