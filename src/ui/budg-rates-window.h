/* budg-rates-window.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_RATES_WINDOW (budg_rates_window_get_type ())

G_DECLARE_FINAL_TYPE (BudgRatesWindow, budg_rates_window, BUDG, RATES_WINDOW, AdwWindow)

/* Where the user enters the dated exchange rates that reports, net worth
 * and budgets convert other currencies with, and removes them (with Undo). */
GtkWidget   *budg_rates_window_new         (BudgContext     *context) G_GNUC_WARN_UNUSED_RESULT;
BudgContext *budg_rates_window_get_context (BudgRatesWindow *self);
/* Fills the form to add a rate from @from_currency (e.g. the one a report
 * says is missing). */
void         budg_rates_window_propose     (BudgRatesWindow *self,
                                            const char      *from_currency,
                                            const char      *to_currency);

G_END_DECLS
