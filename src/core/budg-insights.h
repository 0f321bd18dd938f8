/* budg-insights.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-database.h"

G_BEGIN_DECLS

/* The nicks ("category-rise", "budget-pace", "large-transaction",
 * "unrecorded-bill") are printed by the CLI. */
typedef enum
{
  BUDG_INSIGHT_CATEGORY_RISE,
  BUDG_INSIGHT_BUDGET_PACE,
  BUDG_INSIGHT_LARGE_TRANSACTION,
  BUDG_INSIGHT_UNRECORDED_BILL,
} BudgInsightKind;

/**
 * BudgInsight:
 * @kind: what was noticed
 * @text: a sentence for people, translated, with the numbers in it
 * @subject: the category path or payee name it is about
 * @period: the month ("YYYY-MM") or day it is about; for a recurring
 *   payment, the day of the first one
 * @amount_minor: the figure noticed, positive: a month's spending, the
 *   spending projected to the end of the month, the large transaction's
 *   size, the usual size of a recurring payment
 * @reference_minor: what it was compared with: the 3-month average, the
 *   budget (with rollover), the payee's median; 0 for a recurring payment
 * @percent: how far above @reference_minor, in whole percent; 0 for a
 *   recurring payment
 * @count: how many times a recurring payment was seen; 0 otherwise
 * @transaction_id: the large transaction, the latest recurring one, or 0
 * @currency: the ISO 4217 code of the amounts
 *
 * One plain-language observation, with the numbers behind it.
 */
typedef struct
{
  BudgInsightKind  kind;
  char            *text;
  char            *subject;
  char            *period;
  gint64           amount_minor;
  gint64           reference_minor;
  gint             percent;
  guint            count;
  gint64           transaction_id;
  char             currency[4];
} BudgInsight;

const char *budg_insight_kind_to_string (BudgInsightKind   kind);
void        budg_insight_free           (BudgInsight      *insight);

GPtrArray  *budg_insights_compute       (BudgDatabase     *database,
                                         const char       *today,
                                         GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgInsight, budg_insight_free)

G_END_DECLS
