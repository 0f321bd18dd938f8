/* budg-error.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-error"

#include "config.h"

#include "budg-error.h"

G_DEFINE_QUARK (budg-error-quark, budg_error)
