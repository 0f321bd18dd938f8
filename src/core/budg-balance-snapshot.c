/* budg-balance-snapshot.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-balance-snapshot"

#include "config.h"

#include "budg-balance-snapshot.h"
#include "budg-util.h"

struct _BudgBalanceSnapshot
{
  GObject parent_instance;

  gint64 id;
  gint64 account_id;
  char *account_name;
  char *currency;
  char *date;
  gint64 amount_minor;
  char *note;
};

G_DEFINE_FINAL_TYPE (BudgBalanceSnapshot, budg_balance_snapshot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_CURRENCY,
  PROP_DATE,
  PROP_AMOUNT_MINOR,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets a string field and notifies @prop_id when it changed. */
static void
set_str_and_notify (BudgBalanceSnapshot  *self,
                    char                **field,
                    const char           *value,
                    guint                 prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int64_and_notify (BudgBalanceSnapshot *self,
                      gint64              *field,
                      gint64               value,
                      guint                prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
budg_balance_snapshot_finalize (GObject *object)
{
  BudgBalanceSnapshot *self = (BudgBalanceSnapshot *)object;

  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->note, g_free);

  G_OBJECT_CLASS (budg_balance_snapshot_parent_class)->finalize (object);
}

static void
budg_balance_snapshot_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  BudgBalanceSnapshot *self = BUDG_BALANCE_SNAPSHOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;

    case PROP_AMOUNT_MINOR:
      g_value_set_int64 (value, self->amount_minor);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_balance_snapshot_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  BudgBalanceSnapshot *self = BUDG_BALANCE_SNAPSHOT (object);

  switch (prop_id)
    {
    case PROP_ID:
      budg_balance_snapshot_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_ID:
      budg_balance_snapshot_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_NAME:
      budg_balance_snapshot_set_account_name (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      budg_balance_snapshot_set_currency (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      budg_balance_snapshot_set_date (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_MINOR:
      budg_balance_snapshot_set_amount_minor (self, g_value_get_int64 (value));
      break;

    case PROP_NOTE:
      budg_balance_snapshot_set_note (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_balance_snapshot_class_init (BudgBalanceSnapshotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_balance_snapshot_finalize;
  object_class->get_property = budg_balance_snapshot_get_property;
  object_class->set_property = budg_balance_snapshot_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AMOUNT_MINOR] =
    g_param_spec_int64 ("amount-minor", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_balance_snapshot_init (BudgBalanceSnapshot *self)
{
}

/**
 * budg_balance_snapshot_new:
 * @account_id: the account the balance belongs to
 * @date: the ISO date at whose end the balance holds
 * @amount_minor: the balance in the account's minor units
 *
 * Returns: (transfer full): a new #BudgBalanceSnapshot that is not stored yet
 */
BudgBalanceSnapshot *
budg_balance_snapshot_new (gint64      account_id,
                           const char *date,
                           gint64      amount_minor)
{
  return g_object_new (BUDG_TYPE_BALANCE_SNAPSHOT,
                       "account-id", account_id,
                       "date", date,
                       "amount-minor", amount_minor,
                       NULL);
}

gint64
budg_balance_snapshot_get_id (BudgBalanceSnapshot *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self), 0);

  return self->id;
}

void
budg_balance_snapshot_set_id (BudgBalanceSnapshot *self,
                              gint64               id)
{
  g_return_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self));
  g_return_if_fail (id >= 0);

  set_int64_and_notify (self, &self->id, id, PROP_ID);
}

gint64
budg_balance_snapshot_get_account_id (BudgBalanceSnapshot *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self), 0);

  return self->account_id;
}

void
budg_balance_snapshot_set_account_id (BudgBalanceSnapshot *self,
                                      gint64               account_id)
{
  g_return_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self));
  g_return_if_fail (account_id >= 0);

  set_int64_and_notify (self, &self->account_id, account_id, PROP_ACCOUNT_ID);
}

const char *
budg_balance_snapshot_get_account_name (BudgBalanceSnapshot *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self), NULL);

  return self->account_name;
}

void
budg_balance_snapshot_set_account_name (BudgBalanceSnapshot *self,
                                        const char          *account_name)
{
  g_return_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self));

  set_str_and_notify (self, &self->account_name, account_name, PROP_ACCOUNT_NAME);
}

const char *
budg_balance_snapshot_get_currency (BudgBalanceSnapshot *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self), NULL);

  return self->currency;
}

void
budg_balance_snapshot_set_currency (BudgBalanceSnapshot *self,
                                    const char          *currency)
{
  g_return_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self));

  set_str_and_notify (self, &self->currency, currency, PROP_CURRENCY);
}

const char *
budg_balance_snapshot_get_date (BudgBalanceSnapshot *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self), NULL);

  return self->date;
}

void
budg_balance_snapshot_set_date (BudgBalanceSnapshot *self,
                                const char          *date)
{
  g_return_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self));

  set_str_and_notify (self, &self->date, date, PROP_DATE);
}

gint64
budg_balance_snapshot_get_amount_minor (BudgBalanceSnapshot *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self), 0);

  return self->amount_minor;
}

void
budg_balance_snapshot_set_amount_minor (BudgBalanceSnapshot *self,
                                        gint64               amount_minor)
{
  g_return_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self));

  set_int64_and_notify (self, &self->amount_minor, amount_minor, PROP_AMOUNT_MINOR);
}

const char *
budg_balance_snapshot_get_note (BudgBalanceSnapshot *self)
{
  g_return_val_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self), NULL);

  return self->note;
}

void
budg_balance_snapshot_set_note (BudgBalanceSnapshot *self,
                                const char          *note)
{
  g_return_if_fail (BUDG_IS_BALANCE_SNAPSHOT (self));

  set_str_and_notify (self, &self->note, note, PROP_NOTE);
}
