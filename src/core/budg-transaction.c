/* budg-transaction.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-transaction"

#include "config.h"

#include "budg-transaction.h"
#include "budg-util.h"

struct _BudgTransaction
{
  GObject parent_instance;

  gint64 id;
  gint64 account_id;
  char *account_name;
  char *currency;
  char *date;
  gint64 amount_minor;
  char *payee;
  gint64 category_id;
  char *category_path;
  char *memo;
  BudgTransactionStatus status;
  char *external_id;
  char *source;
  gint64 transfer_id;
  char *transfer_account_name;
  guint split_count;
  gboolean has_running_balance;
  gint64 running_balance_minor;
};

G_DEFINE_FINAL_TYPE (BudgTransaction, budg_transaction, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_CURRENCY,
  PROP_DATE,
  PROP_AMOUNT_MINOR,
  PROP_PAYEE,
  PROP_CATEGORY_ID,
  PROP_CATEGORY_PATH,
  PROP_MEMO,
  PROP_STATUS,
  PROP_EXTERNAL_ID,
  PROP_SOURCE,
  PROP_TRANSFER_ID,
  PROP_TRANSFER_ACCOUNT_NAME,
  PROP_SPLIT_COUNT,
  PROP_HAS_RUNNING_BALANCE,
  PROP_RUNNING_BALANCE_MINOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Sets a string field and notifies @prop_id when it changed,
 * which is all the string setters of this class do.
 */
static void
set_str_and_notify (BudgTransaction  *self,
                    char            **field,
                    const char       *value,
                    guint             prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
set_int64_and_notify (BudgTransaction *self,
                      gint64          *field,
                      gint64           value,
                      guint            prop_id)
{
  if (*field == value)
    return;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
budg_transaction_finalize (GObject *object)
{
  BudgTransaction *self = (BudgTransaction *)object;

  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->payee, g_free);
  g_clear_pointer (&self->category_path, g_free);
  g_clear_pointer (&self->memo, g_free);
  g_clear_pointer (&self->external_id, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->transfer_account_name, g_free);

  G_OBJECT_CLASS (budg_transaction_parent_class)->finalize (object);
}

static void
budg_transaction_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BudgTransaction *self = BUDG_TRANSACTION (object);

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

    case PROP_PAYEE:
      g_value_set_string (value, self->payee);
      break;

    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;

    case PROP_CATEGORY_PATH:
      g_value_set_string (value, self->category_path);
      break;

    case PROP_MEMO:
      g_value_set_string (value, self->memo);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_EXTERNAL_ID:
      g_value_set_string (value, self->external_id);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_TRANSFER_ID:
      g_value_set_int64 (value, self->transfer_id);
      break;

    case PROP_TRANSFER_ACCOUNT_NAME:
      g_value_set_string (value, self->transfer_account_name);
      break;

    case PROP_SPLIT_COUNT:
      g_value_set_uint (value, self->split_count);
      break;

    case PROP_HAS_RUNNING_BALANCE:
      g_value_set_boolean (value, self->has_running_balance);
      break;

    case PROP_RUNNING_BALANCE_MINOR:
      g_value_set_int64 (value, self->running_balance_minor);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_transaction_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BudgTransaction *self = BUDG_TRANSACTION (object);

  switch (prop_id)
    {
    case PROP_ID:
      budg_transaction_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_ID:
      budg_transaction_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_NAME:
      budg_transaction_set_account_name (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      budg_transaction_set_currency (self, g_value_get_string (value));
      break;

    case PROP_DATE:
      budg_transaction_set_date (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_MINOR:
      budg_transaction_set_amount_minor (self, g_value_get_int64 (value));
      break;

    case PROP_PAYEE:
      budg_transaction_set_payee (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY_ID:
      budg_transaction_set_category_id (self, g_value_get_int64 (value));
      break;

    case PROP_CATEGORY_PATH:
      budg_transaction_set_category_path (self, g_value_get_string (value));
      break;

    case PROP_MEMO:
      budg_transaction_set_memo (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      budg_transaction_set_status (self, g_value_get_int (value));
      break;

    case PROP_EXTERNAL_ID:
      budg_transaction_set_external_id (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      budg_transaction_set_source (self, g_value_get_string (value));
      break;

    case PROP_TRANSFER_ID:
      budg_transaction_set_transfer_id (self, g_value_get_int64 (value));
      break;

    case PROP_TRANSFER_ACCOUNT_NAME:
      budg_transaction_set_transfer_account_name (self, g_value_get_string (value));
      break;

    case PROP_SPLIT_COUNT:
      budg_transaction_set_split_count (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_transaction_class_init (BudgTransactionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_transaction_finalize;
  object_class->get_property = budg_transaction_get_property;
  object_class->set_property = budg_transaction_set_property;

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

  properties[PROP_PAYEE] =
    g_param_spec_string ("payee", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORY_ID] =
    g_param_spec_int64 ("category-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORY_PATH] =
    g_param_spec_string ("category-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MEMO] =
    g_param_spec_string ("memo", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A plain int rather than a GEnum, like BudgAccount:kind. */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      BUDG_TRANSACTION_STATUS_PENDING, BUDG_TRANSACTION_STATUS_RECONCILED,
                      BUDG_TRANSACTION_STATUS_PENDING,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EXTERNAL_ID] =
    g_param_spec_string ("external-id", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRANSFER_ID] =
    g_param_spec_int64 ("transfer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRANSFER_ACCOUNT_NAME] =
    g_param_spec_string ("transfer-account-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SPLIT_COUNT] =
    g_param_spec_uint ("split-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Read-only: only the register model knows a row's running balance. */
  properties[PROP_HAS_RUNNING_BALANCE] =
    g_param_spec_boolean ("has-running-balance", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RUNNING_BALANCE_MINOR] =
    g_param_spec_int64 ("running-balance-minor", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_transaction_init (BudgTransaction *self)
{
  self->status = BUDG_TRANSACTION_STATUS_PENDING;
}

/**
 * budg_transaction_new:
 * @account_id: the account the money moved on
 * @date: the ISO date it moved
 * @amount_minor: the amount in the account's minor units, negative for money out
 *
 * Returns: (transfer full): a new #BudgTransaction that is not stored yet
 */
BudgTransaction *
budg_transaction_new (gint64      account_id,
                      const char *date,
                      gint64      amount_minor)
{
  return g_object_new (BUDG_TYPE_TRANSACTION,
                       "account-id", account_id,
                       "date", date,
                       "amount-minor", amount_minor,
                       NULL);
}

gint64
budg_transaction_get_id (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), 0);

  return self->id;
}

void
budg_transaction_set_id (BudgTransaction *self,
                         gint64           id)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));
  g_return_if_fail (id >= 0);

  set_int64_and_notify (self, &self->id, id, PROP_ID);
}

gint64
budg_transaction_get_account_id (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), 0);

  return self->account_id;
}

void
budg_transaction_set_account_id (BudgTransaction *self,
                                 gint64           account_id)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));
  g_return_if_fail (account_id >= 0);

  set_int64_and_notify (self, &self->account_id, account_id, PROP_ACCOUNT_ID);
}

const char *
budg_transaction_get_account_name (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->account_name;
}

void
budg_transaction_set_account_name (BudgTransaction *self,
                                   const char      *account_name)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->account_name, account_name, PROP_ACCOUNT_NAME);
}

const char *
budg_transaction_get_currency (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->currency;
}

void
budg_transaction_set_currency (BudgTransaction *self,
                               const char      *currency)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->currency, currency, PROP_CURRENCY);
}

const char *
budg_transaction_get_date (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->date;
}

void
budg_transaction_set_date (BudgTransaction *self,
                           const char      *date)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->date, date, PROP_DATE);
}

gint64
budg_transaction_get_amount_minor (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), 0);

  return self->amount_minor;
}

void
budg_transaction_set_amount_minor (BudgTransaction *self,
                                   gint64           amount_minor)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_int64_and_notify (self, &self->amount_minor, amount_minor, PROP_AMOUNT_MINOR);
}

const char *
budg_transaction_get_payee (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->payee;
}

void
budg_transaction_set_payee (BudgTransaction *self,
                            const char      *payee)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->payee, payee, PROP_PAYEE);
}

gint64
budg_transaction_get_category_id (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), 0);

  return self->category_id;
}

void
budg_transaction_set_category_id (BudgTransaction *self,
                                  gint64           category_id)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));
  g_return_if_fail (category_id >= 0);

  set_int64_and_notify (self, &self->category_id, category_id, PROP_CATEGORY_ID);
}

const char *
budg_transaction_get_category_path (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->category_path;
}

void
budg_transaction_set_category_path (BudgTransaction *self,
                                    const char      *category_path)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->category_path, category_path, PROP_CATEGORY_PATH);
}

const char *
budg_transaction_get_memo (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->memo;
}

void
budg_transaction_set_memo (BudgTransaction *self,
                           const char      *memo)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->memo, memo, PROP_MEMO);
}

BudgTransactionStatus
budg_transaction_get_status (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), BUDG_TRANSACTION_STATUS_PENDING);

  return self->status;
}

void
budg_transaction_set_status (BudgTransaction       *self,
                             BudgTransactionStatus  status)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));
  g_return_if_fail ((int)status >= BUDG_TRANSACTION_STATUS_PENDING &&
                    status <= BUDG_TRANSACTION_STATUS_RECONCILED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

const char *
budg_transaction_get_external_id (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->external_id;
}

void
budg_transaction_set_external_id (BudgTransaction *self,
                                  const char      *external_id)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->external_id, external_id, PROP_EXTERNAL_ID);
}

const char *
budg_transaction_get_source (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->source;
}

void
budg_transaction_set_source (BudgTransaction *self,
                             const char      *source)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->source, source, PROP_SOURCE);
}

gint64
budg_transaction_get_transfer_id (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), 0);

  return self->transfer_id;
}

void
budg_transaction_set_transfer_id (BudgTransaction *self,
                                  gint64           transfer_id)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));
  g_return_if_fail (transfer_id >= 0);

  set_int64_and_notify (self, &self->transfer_id, transfer_id, PROP_TRANSFER_ID);
}

const char *
budg_transaction_get_transfer_account_name (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  return self->transfer_account_name;
}

void
budg_transaction_set_transfer_account_name (BudgTransaction *self,
                                            const char      *account_name)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  set_str_and_notify (self, &self->transfer_account_name, account_name, PROP_TRANSFER_ACCOUNT_NAME);
}

guint
budg_transaction_get_split_count (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), 0);

  return self->split_count;
}

void
budg_transaction_set_split_count (BudgTransaction *self,
                                  guint            split_count)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  if (self->split_count == split_count)
    return;

  self->split_count = split_count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPLIT_COUNT]);
}

gboolean
budg_transaction_get_has_running_balance (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), FALSE);

  return self->has_running_balance;
}

gint64
budg_transaction_get_running_balance_minor (BudgTransaction *self)
{
  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), 0);

  return self->running_balance_minor;
}

void
budg_transaction_set_running_balance (BudgTransaction *self,
                                      gboolean         has_balance,
                                      gint64           balance_minor)
{
  g_return_if_fail (BUDG_IS_TRANSACTION (self));

  has_balance = !!has_balance;
  if (!has_balance)
    balance_minor = 0;

  if (self->has_running_balance != has_balance)
    {
      self->has_running_balance = has_balance;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_RUNNING_BALANCE]);
    }
  set_int64_and_notify (self, &self->running_balance_minor, balance_minor, PROP_RUNNING_BALANCE_MINOR);
}

/**
 * budg_transaction_copy:
 *
 * Returns: (transfer full): a detached copy with the same values, id included
 */
BudgTransaction *
budg_transaction_copy (BudgTransaction *self)
{
  BudgTransaction *copy;

  g_return_val_if_fail (BUDG_IS_TRANSACTION (self), NULL);

  copy = budg_transaction_new (self->account_id, self->date, self->amount_minor);
  copy->id = self->id;
  copy->account_name = g_strdup (self->account_name);
  copy->currency = g_strdup (self->currency);
  copy->payee = g_strdup (self->payee);
  copy->category_id = self->category_id;
  copy->category_path = g_strdup (self->category_path);
  copy->memo = g_strdup (self->memo);
  copy->status = self->status;
  copy->external_id = g_strdup (self->external_id);
  copy->source = g_strdup (self->source);
  copy->transfer_id = self->transfer_id;
  copy->transfer_account_name = g_strdup (self->transfer_account_name);
  copy->split_count = self->split_count;
  copy->has_running_balance = self->has_running_balance;
  copy->running_balance_minor = self->running_balance_minor;

  return copy;
}
