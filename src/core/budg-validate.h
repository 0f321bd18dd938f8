/* budg-validate.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks shared by the stores, so that every way into the database (UI, CLI,
 * later import) refuses the same bad input with the same words.
 */

#define BUDG_MAX_NAME_LENGTH 200

char     *budg_validate_name     (const char  *text,
                                  const char  *what,
                                  GError     **error);
char     *budg_validate_optional (const char  *text,
                                  const char  *what,
                                  GError     **error);
gboolean  budg_validate_currency (const char  *code,
                                  GError     **error);

G_END_DECLS
