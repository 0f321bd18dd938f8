/* budg-startup-trace.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void     budg_startup_trace_init        (void);
gboolean budg_startup_trace_is_enabled  (void);
gint64   budg_startup_trace_elapsed_ms  (void);
void     budg_startup_trace_first_frame (void);

G_END_DECLS
