/* budg-import-plan-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-importer.h"

G_BEGIN_DECLS

/* The plan's insides, shared by the importer that fills it and commits it
 * and the accessors in budg-import-plan.c. */
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

G_END_DECLS
