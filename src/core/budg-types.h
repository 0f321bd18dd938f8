/* budg-types.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _BudgAccount          BudgAccount;
typedef struct _BudgBill             BudgBill;
typedef struct _BudgBillStore        BudgBillStore;
typedef struct _BudgDueBill          BudgDueBill;
typedef struct _BudgDueStore         BudgDueStore;
typedef struct _BudgAccountStore     BudgAccountStore;
typedef struct _BudgBalanceSnapshot  BudgBalanceSnapshot;
typedef struct _BudgBalanceStore     BudgBalanceStore;
typedef struct _BudgCategory         BudgCategory;
typedef struct _BudgCategoryStore    BudgCategoryStore;
typedef struct _BudgContext          BudgContext;
typedef struct _BudgDatabase         BudgDatabase;
typedef struct _BudgTransaction      BudgTransaction;
typedef struct _BudgTransactionStore BudgTransactionStore;

/* The kinds are stored in the database and printed by the CLI by their nick
 * ("checking", "credit-card", …), so the nicks are a public contract.
 */
typedef enum
{
  BUDG_ACCOUNT_KIND_CHECKING,
  BUDG_ACCOUNT_KIND_SAVINGS,
  BUDG_ACCOUNT_KIND_CREDIT_CARD,
  BUDG_ACCOUNT_KIND_CASH,
  BUDG_ACCOUNT_KIND_INVESTMENT,
  BUDG_ACCOUNT_KIND_LOAN,
} BudgAccountKind;

#define BUDG_N_ACCOUNT_KINDS (BUDG_ACCOUNT_KIND_LOAN + 1)

typedef enum
{
  BUDG_TRANSACTION_STATUS_PENDING,
  BUDG_TRANSACTION_STATUS_CLEARED,
  BUDG_TRANSACTION_STATUS_RECONCILED,
} BudgTransactionStatus;

/* The nicks ("upcoming", "due", "overdue", "paid", "skipped") are stored and
 * printed by the CLI. */
typedef enum
{
  BUDG_DUE_STATUS_UPCOMING,
  BUDG_DUE_STATUS_DUE,
  BUDG_DUE_STATUS_OVERDUE,
  BUDG_DUE_STATUS_PAID,
  BUDG_DUE_STATUS_SKIPPED,
} BudgDueStatus;

const char *budg_account_kind_to_string        (BudgAccountKind        kind);
gboolean    budg_account_kind_from_string      (const char            *text,
                                                BudgAccountKind       *kind);
const char *budg_account_kind_get_label        (BudgAccountKind        kind);
const char *budg_transaction_status_to_string  (BudgTransactionStatus  status);
gboolean    budg_transaction_status_from_string (const char           *text,
                                                 BudgTransactionStatus *status);
const char *budg_due_status_to_string          (BudgDueStatus          status);
gboolean    budg_due_status_from_string        (const char            *text,
                                                BudgDueStatus         *status);
const char *budg_due_status_get_label          (BudgDueStatus          status);

G_END_DECLS
