/* budg-types.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-types"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-types.h"

/* The strings are stored in the database and accepted on the command line,
 * so they must never change; the labels are what people read.
 */
static const struct
{
  const char *nick;
  const char *label;
} account_kinds[] = {
  [BUDG_ACCOUNT_KIND_CHECKING]    = { "checking",    N_("Checking") },
  [BUDG_ACCOUNT_KIND_SAVINGS]     = { "savings",     N_("Savings") },
  [BUDG_ACCOUNT_KIND_CREDIT_CARD] = { "credit-card", N_("Credit Card") },
  [BUDG_ACCOUNT_KIND_CASH]        = { "cash",        N_("Cash") },
  [BUDG_ACCOUNT_KIND_INVESTMENT]  = { "investment",  N_("Investment") },
  [BUDG_ACCOUNT_KIND_LOAN]        = { "loan",        N_("Loan") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (account_kinds) == BUDG_N_ACCOUNT_KINDS);

static const char * const transaction_statuses[] = {
  [BUDG_TRANSACTION_STATUS_PENDING]    = "pending",
  [BUDG_TRANSACTION_STATUS_CLEARED]    = "cleared",
  [BUDG_TRANSACTION_STATUS_RECONCILED] = "reconciled",
};

static const struct
{
  const char *nick;
  const char *label;
} due_statuses[] = {
  [BUDG_DUE_STATUS_UPCOMING] = { "upcoming", N_("Upcoming") },
  [BUDG_DUE_STATUS_DUE]      = { "due",      N_("Due") },
  [BUDG_DUE_STATUS_OVERDUE]  = { "overdue",  N_("Overdue") },
  [BUDG_DUE_STATUS_PAID]     = { "paid",     N_("Paid") },
  [BUDG_DUE_STATUS_SKIPPED]  = { "skipped",  N_("Skipped") },
};

/**
 * budg_account_kind_to_string:
 * @kind: a #BudgAccountKind
 *
 * Returns: (transfer none): the stable nick of @kind, such as "credit-card"
 */
const char *
budg_account_kind_to_string (BudgAccountKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (account_kinds), NULL);

  return account_kinds[kind].nick;
}

/**
 * budg_account_kind_from_string:
 * @text: a nick such as "checking"
 * @kind: (out) (optional): where to store the kind
 *
 * Matches @text exactly (case included) against the nicks, since they are
 * the values the command line documents.
 *
 * Returns: %TRUE if @text names a kind
 */
gboolean
budg_account_kind_from_string (const char      *text,
                               BudgAccountKind *kind)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (account_kinds); i++)
    {
      if (g_str_equal (text, account_kinds[i].nick))
        {
          if (kind != NULL)
            *kind = (BudgAccountKind) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * budg_account_kind_get_label:
 * @kind: a #BudgAccountKind
 *
 * Returns: (transfer none): the translated name of @kind, such as "Credit Card"
 */
const char *
budg_account_kind_get_label (BudgAccountKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (account_kinds), NULL);

  return _(account_kinds[kind].label);
}

/**
 * budg_transaction_status_to_string:
 * @status: a #BudgTransactionStatus
 *
 * Returns: (transfer none): the stable nick of @status, such as "cleared"
 */
const char *
budg_transaction_status_to_string (BudgTransactionStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (transaction_statuses), NULL);

  return transaction_statuses[status];
}

/**
 * budg_transaction_status_from_string:
 * @text: a nick such as "pending"
 * @status: (out) (optional): where to store the status
 *
 * Returns: %TRUE if @text names a status
 */
gboolean
budg_transaction_status_from_string (const char            *text,
                                     BudgTransactionStatus *status)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (transaction_statuses); i++)
    {
      if (g_str_equal (text, transaction_statuses[i]))
        {
          if (status != NULL)
            *status = (BudgTransactionStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * budg_due_status_to_string:
 * @status: a #BudgDueStatus
 *
 * Returns: (transfer none): the stable nick of @status, such as "overdue"
 */
const char *
budg_due_status_to_string (BudgDueStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (due_statuses), NULL);

  return due_statuses[status].nick;
}

/**
 * budg_due_status_from_string:
 * @text: a nick such as "paid"
 * @status: (out) (optional): where to store the status
 *
 * Returns: %TRUE if @text names a status
 */
gboolean
budg_due_status_from_string (const char    *text,
                             BudgDueStatus *status)
{
  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (due_statuses); i++)
    {
      if (g_str_equal (text, due_statuses[i].nick))
        {
          if (status != NULL)
            *status = (BudgDueStatus) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * budg_due_status_get_label:
 * @status: a #BudgDueStatus
 *
 * Returns: (transfer none): the translated name of @status, such as "Overdue"
 */
const char *
budg_due_status_get_label (BudgDueStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (due_statuses), NULL);

  return _(due_statuses[status].label);
}
