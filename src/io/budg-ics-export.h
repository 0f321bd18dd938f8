/* budg-ics-export.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-due-store.h"

G_BEGIN_DECLS

/* The due bills as an iCalendar (RFC 5545) calendar for calendar apps: one
 * all-day event per due bill, whose UID ("due-<bill id>-<occurrence
 * date>@budg") stays the same across exports, so that importing a newer
 * export updates the events instead of doubling them.
 */

/* @dues: (element-type BudgDueBill)
 * Returns: (transfer full): the calendar's text */
char     *budg_ics_export_build (GPtrArray     *dues);
/* Writes the due bills of [@from, @to] (of every active bill) to @path,
 * atomically: either the whole new file is there or the old one, never a
 * part. @out_n_events (nullable) receives how many events were written. */
gboolean  budg_ics_export_file  (BudgDueStore  *dues,
                                 const char    *from,
                                 const char    *to,
                                 const char    *path,
                                 guint         *out_n_events,
                                 GError       **error);

G_END_DECLS
