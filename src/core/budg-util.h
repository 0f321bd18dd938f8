/* budg-util.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean budg_set_str (char       **field,
                       const char  *value);

G_END_DECLS
