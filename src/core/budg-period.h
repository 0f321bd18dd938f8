/* budg-period.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Budget periods: calendar months ("2026-09") and ISO 8601 weeks
 * ("2026-W05", Monday to Sunday, numbered by the year that holds their
 * Thursday). Like dates, they travel as text; this struct is only for
 * computing with them.
 */
typedef enum
{
  BUDG_PERIOD_MONTH,
  BUDG_PERIOD_WEEK,
} BudgPeriodKind;

typedef struct
{
  BudgPeriodKind kind;
  guint          year;    /* the calendar year, or the ISO week-numbering year */
  guint          number;  /* the month 1–12, or the ISO week 1–53 */
} BudgPeriod;

gboolean  budg_period_parse          (const char        *text,
                                      BudgPeriod        *out_period,
                                      GError           **error);
void      budg_period_for_date       (BudgPeriodKind     kind,
                                      const GDate       *date,
                                      BudgPeriod        *out_period);
gboolean  budg_period_for_iso        (BudgPeriodKind     kind,
                                      const char        *iso,
                                      BudgPeriod        *out_period,
                                      GError           **error);
char     *budg_period_to_string      (const BudgPeriod  *period);
void      budg_period_get_first_day  (const BudgPeriod  *period,
                                      GDate             *out_date);
void      budg_period_get_last_day   (const BudgPeriod  *period,
                                      GDate             *out_date);
char     *budg_period_dup_first_iso  (const BudgPeriod  *period);
char     *budg_period_dup_last_iso   (const BudgPeriod  *period);
void      budg_period_add            (BudgPeriod        *period,
                                      int                n);
gint64    budg_period_get_ordinal    (const BudgPeriod  *period);
int       budg_period_compare        (const BudgPeriod  *a,
                                      const BudgPeriod  *b);

G_END_DECLS
