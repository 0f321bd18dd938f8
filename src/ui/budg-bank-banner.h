/* budg-bank-banner.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "budg-context.h"

G_BEGIN_DECLS

#define BUDG_TYPE_BANK_BANNER (budg_bank_banner_get_type ())

G_DECLARE_FINAL_TYPE (BudgBankBanner, budg_bank_banner, BUDG, BANK_BANNER, AdwBin)

/* A strip above the views that shows while a bank connection needs the
 * user ("American Express asks you to log in again") with the button that
 * does it (AdwBanner is libadwaita 1.3, above Budg's floor). Hidden when
 * every connection works. */
GtkWidget *budg_bank_banner_new (BudgContext *context) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
