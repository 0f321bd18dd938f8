/* budg-notifier.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "budg-context.h"
#include "budg-reminders.h"

G_BEGIN_DECLS

/* From this many reminders at once, one notification lists them all. */
#define BUDG_NOTIFIER_GROUP_THRESHOLD 3

void           budg_notifier_read_settings  (GSettings            *settings,
                                             BudgReminderSettings *out_settings);
char          *budg_notifier_dup_id         (gint64                bill_id,
                                             const char           *occurrence_date);
GNotification *budg_notifier_build          (GPtrArray            *group,
                                             const char           *database_path,
                                             const char           *today) G_GNUC_WARN_UNUSED_RESULT;
int            budg_notifier_send_due       (GApplication         *application,
                                             BudgContext          *context,
                                             GDateTime            *now,
                                             GError              **error);

G_END_DECLS
