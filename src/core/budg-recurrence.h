/* budg-recurrence.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* What happens to an occurrence that falls on a Saturday or Sunday. The
 * nicks ("none", "before", "after") are stored in the database. */
typedef enum
{
  BUDG_WEEKEND_SHIFT_NONE,
  BUDG_WEEKEND_SHIFT_BEFORE,
  BUDG_WEEKEND_SHIFT_AFTER,
} BudgWeekendShift;

/* One occurrence of a recurring bill: the date the rule gives (its identity,
 * stored in due_bills.occurrence_date) and the date it is due after the
 * weekend shift. Both ISO, NUL-terminated. */
typedef struct
{
  char occurrence_date[11];
  char due_date[11];
} BudgOccurrence;

const char *budg_weekend_shift_to_string   (BudgWeekendShift   shift);
gboolean    budg_weekend_shift_from_string (const char        *text,
                                            BudgWeekendShift  *shift);

/* Checks an RFC 5545 RRULE value ("FREQ=MONTHLY;BYMONTHDAY=1", without the
 * "RRULE:" prefix, which is accepted and ignored). Rules with a time part
 * (BYHOUR, BYMINUTE, BYSECOND, FREQ finer than DAILY) are refused: bills
 * recur on days. */
gboolean    budg_recurrence_validate       (const char        *rrule,
                                            GError           **error);

/* Expands @rrule from @start_date (the first occurrence's anchor, ISO) and
 * returns the occurrences whose due date lies in [@from, @to], in order.
 * @until (inclusive, nullable) and @count (0 = no limit) end the series, in
 * addition to any UNTIL/COUNT inside the rule; @count counts occurrences from
 * @start_date, not from @from. Dates only: no time zone or DST can move them.
 *
 * Returns: (transfer full) (element-type BudgOccurrence): a GArray, or
 *   %NULL with @error set for an invalid rule or date */
GArray     *budg_recurrence_expand         (const char        *rrule,
                                            const char        *start_date,
                                            const char        *until,
                                            guint              count,
                                            BudgWeekendShift   shift,
                                            const char        *from,
                                            const char        *to,
                                            GError           **error);

/* A sentence for the UI and CLI: "Every month on day 1", "Every 2 weeks on
 * Friday", or the rule itself when it has no plain description. */
char       *budg_recurrence_describe       (const char        *rrule);

G_END_DECLS
