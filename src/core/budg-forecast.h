/* budg-forecast.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-balance-store.h"
#include "budg-database.h"
#include "budg-due-store.h"

G_BEGIN_DECLS

/* The projected balance of one account.
 *
 * The balance at the end of the day before @from is the latest balance
 * snapshot on or before that day plus the transactions recorded after it.
 * Each day then adds its recorded transactions and its unpaid, unskipped
 * due bills and incomes; a balance snapshot on a day sets the balance at the
 * end of that day (it is what the bank says, or is expected to say). Paid due
 * bills count through their recorded transaction, never twice.
 */
typedef struct
{
  char   date[11];
  gint64 balance_minor;
} BudgForecastDay;

typedef struct
{
  gint64           account_id;
  char            *account_name;
  char            *currency;
  gint64           opening_balance_minor;  /* end of the day before the first day */
  GArray          *days;                   /* BudgForecastDay, one per day, in order */
  BudgForecastDay  low;                    /* the lowest day; the earliest of equals */
} BudgForecast;

BudgForecast *budg_forecast_compute (BudgDatabase   *database,
                                     BudgDueStore   *dues,
                                     gint64          account_id,
                                     const char     *from,
                                     const char     *to,
                                     GError        **error);
void          budg_forecast_free    (BudgForecast   *forecast);
/* The balance of @account_id at the end of @date: its latest snapshot on
 * or before @date plus the transactions recorded after that snapshot. */
gboolean      budg_forecast_balance_at (BudgDatabase *database,
                                        gint64        account_id,
                                        const char   *date,
                                        gint64       *out_balance_minor,
                                        GError      **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgForecast, budg_forecast_free)

G_END_DECLS
