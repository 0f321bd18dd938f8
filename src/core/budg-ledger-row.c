/* budg-ledger-row.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ledger-row"

#include "config.h"

#include "budg-ledger-row.h"

/* A row is one line of a projection that is rebuilt whenever anything
 * changes, so it is immutable: the date, account and currency are copied
 * when the row is made, next to the balance computed at that moment.
 */
struct _BudgLedgerRow
{
  GObject parent_instance;

  BudgLedgerRowKind kind;
  BudgDueBill *due_bill;
  BudgBalanceSnapshot *snapshot;
  char *date;
  gint64 account_id;
  char *currency;
  gint64 balance_minor;
  gboolean is_low;
};

G_DEFINE_FINAL_TYPE (BudgLedgerRow, budg_ledger_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DUE_BILL,
  PROP_SNAPSHOT,
  PROP_DATE,
  PROP_ACCOUNT_ID,
  PROP_CURRENCY,
  PROP_BALANCE_MINOR,
  PROP_IS_LOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
budg_ledger_row_dispose (GObject *object)
{
  BudgLedgerRow *self = (BudgLedgerRow *)object;

  g_clear_object (&self->due_bill);
  g_clear_object (&self->snapshot);

  G_OBJECT_CLASS (budg_ledger_row_parent_class)->dispose (object);
}

static void
budg_ledger_row_finalize (GObject *object)
{
  BudgLedgerRow *self = (BudgLedgerRow *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->currency, g_free);

  G_OBJECT_CLASS (budg_ledger_row_parent_class)->finalize (object);
}

static void
budg_ledger_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  BudgLedgerRow *self = BUDG_LEDGER_ROW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_DUE_BILL:
      g_value_set_object (value, self->due_bill);
      break;

    case PROP_SNAPSHOT:
      g_value_set_object (value, self->snapshot);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_BALANCE_MINOR:
      g_value_set_int64 (value, self->balance_minor);
      break;

    case PROP_IS_LOW:
      g_value_set_boolean (value, self->is_low);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_ledger_row_class_init (BudgLedgerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_ledger_row_dispose;
  object_class->finalize = budg_ledger_row_finalize;
  object_class->get_property = budg_ledger_row_get_property;

  /* A plain int rather than a GEnum, like BudgAccount:kind. */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      BUDG_LEDGER_ROW_DUE_BILL, BUDG_LEDGER_ROW_SNAPSHOT,
                      BUDG_LEDGER_ROW_DUE_BILL,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DUE_BILL] =
    g_param_spec_object ("due-bill", NULL, NULL,
                         BUDG_TYPE_DUE_BILL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SNAPSHOT] =
    g_param_spec_object ("snapshot", NULL, NULL,
                         BUDG_TYPE_BALANCE_SNAPSHOT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_BALANCE_MINOR] =
    g_param_spec_int64 ("balance-minor", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_LOW] =
    g_param_spec_boolean ("is-low", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_ledger_row_init (BudgLedgerRow *self)
{
}

/**
 * budg_ledger_row_new_for_due_bill:
 * @due: the due bill the row shows
 * @balance_minor: the projected balance of its account after it
 * @is_low: whether that balance is below zero or the account's threshold
 *
 * Returns: (transfer full): a new #BudgLedgerRow dated on @due's due date
 */
BudgLedgerRow *
budg_ledger_row_new_for_due_bill (BudgDueBill *due,
                                  gint64       balance_minor,
                                  gboolean     is_low)
{
  BudgLedgerRow *self;

  g_return_val_if_fail (BUDG_IS_DUE_BILL (due), NULL);

  self = g_object_new (BUDG_TYPE_LEDGER_ROW, NULL);
  self->kind = BUDG_LEDGER_ROW_DUE_BILL;
  self->due_bill = g_object_ref (due);
  self->date = g_strdup (budg_due_bill_get_due_date (due));
  self->account_id = budg_due_bill_get_account_id (due);
  self->currency = g_strdup (budg_due_bill_get_currency (due));
  self->balance_minor = balance_minor;
  self->is_low = !!is_low;

  return self;
}

/**
 * budg_ledger_row_new_for_snapshot:
 * @snapshot: the balance snapshot the row shows
 * @balance_minor: the projected balance of its account at that point
 * @is_low: whether that balance is below zero or the account's threshold
 *
 * Returns: (transfer full): a new #BudgLedgerRow dated on @snapshot's date
 */
BudgLedgerRow *
budg_ledger_row_new_for_snapshot (BudgBalanceSnapshot *snapshot,
                                  gint64               balance_minor,
                                  gboolean             is_low)
{
  BudgLedgerRow *self;

  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (snapshot), NULL);

  self = g_object_new (BUDG_TYPE_LEDGER_ROW, NULL);
  self->kind = BUDG_LEDGER_ROW_SNAPSHOT;
  self->snapshot = g_object_ref (snapshot);
  self->date = g_strdup (budg_balance_snapshot_get_date (snapshot));
  self->account_id = budg_balance_snapshot_get_account_id (snapshot);
  self->currency = g_strdup (budg_balance_snapshot_get_currency (snapshot));
  self->balance_minor = balance_minor;
  self->is_low = !!is_low;

  return self;
}

BudgLedgerRowKind
budg_ledger_row_get_kind (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), BUDG_LEDGER_ROW_DUE_BILL);

  return self->kind;
}

/**
 * budg_ledger_row_get_due_bill:
 * @self: a #BudgLedgerRow
 *
 * Returns: (transfer none) (nullable): the due bill, or %NULL for a snapshot row
 */
BudgDueBill *
budg_ledger_row_get_due_bill (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), NULL);

  return self->due_bill;
}

/**
 * budg_ledger_row_get_snapshot:
 * @self: a #BudgLedgerRow
 *
 * Returns: (transfer none) (nullable): the snapshot, or %NULL for a due-bill row
 */
BudgBalanceSnapshot *
budg_ledger_row_get_snapshot (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), NULL);

  return self->snapshot;
}

const char *
budg_ledger_row_get_date (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), NULL);

  return self->date;
}

gint64
budg_ledger_row_get_account_id (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), 0);

  return self->account_id;
}

const char *
budg_ledger_row_get_currency (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), NULL);

  return self->currency;
}

gint64
budg_ledger_row_get_balance_minor (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), 0);

  return self->balance_minor;
}

gboolean
budg_ledger_row_get_is_low (BudgLedgerRow *self)
{
  g_return_val_if_fail (BUDG_IS_LEDGER_ROW (self), FALSE);

  return self->is_low;
}
