/* budg-error.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define BUDG_ERROR (budg_error_quark ())

/**
 * BudgError:
 * @BUDG_ERROR_INVALID_INPUT: the user gave a value that cannot be used (bad amount, date, name…)
 * @BUDG_ERROR_NOT_FOUND: a named account, category, transaction… does not exist
 * @BUDG_ERROR_DUPLICATE: the name is already taken
 * @BUDG_ERROR_IN_USE: the thing is still referenced and cannot simply go away
 * @BUDG_ERROR_NOT_A_DATABASE: the file is not a Budg database
 * @BUDG_ERROR_NEWER_VERSION: the database was written by a newer Budg
 * @BUDG_ERROR_CORRUPT: the database failed its integrity check
 * @BUDG_ERROR_DATABASE: SQLite failed (disk full, locked, read-only…)
 * @BUDG_ERROR_OVERFLOW: an amount does not fit in 64 bits of minor units
 * @BUDG_ERROR_AMBIGUOUS_DATES: a file's dates read both as day/month and as
 *   month/day and contradict each other: the user has to choose the order
 *
 * Every error Budg reports carries a message that says what went wrong and
 * what the user can do about it.
 */
typedef enum
{
  BUDG_ERROR_INVALID_INPUT,
  BUDG_ERROR_NOT_FOUND,
  BUDG_ERROR_DUPLICATE,
  BUDG_ERROR_IN_USE,
  BUDG_ERROR_NOT_A_DATABASE,
  BUDG_ERROR_NEWER_VERSION,
  BUDG_ERROR_CORRUPT,
  BUDG_ERROR_DATABASE,
  BUDG_ERROR_OVERFLOW,
  BUDG_ERROR_AMBIGUOUS_DATES,
} BudgError;

GQuark budg_error_quark (void);

G_END_DECLS
