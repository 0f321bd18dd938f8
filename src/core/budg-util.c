/* budg-util.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-util"

#include "config.h"

#include "budg-util.h"

/**
 * budg_set_str:
 * @field: (inout): a string owned by the caller's object
 * @value: (nullable): the new value
 *
 * GLib 2.74 has no g_set_str(); this is the same: replaces @field with a
 * copy of @value and tells whether it changed, so setters notify only then.
 */
gboolean
budg_set_str (char       **field,
              const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}
