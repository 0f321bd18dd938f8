/* budg-due-bill.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-due-bill"

#include "config.h"

#include "budg-due-bill.h"
#include "budg-util.h"

struct _BudgDueBill
{
  GObject parent_instance;

  gint64 id;
  gint64 bill_id;
  char *name;
  char *occurrence_date;
  char *due_date;
  gint64 amount_minor;
  char *currency;
  gint64 account_id;
  char *account_name;
  char *category_path;
  BudgDueStatus status;
  int priority;
  gint64 transaction_id;
  gboolean autopay;
  gboolean is_estimate;
};

G_DEFINE_FINAL_TYPE (BudgDueBill, budg_due_bill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_BILL_ID,
  PROP_NAME,
  PROP_OCCURRENCE_DATE,
  PROP_DUE_DATE,
  PROP_AMOUNT_MINOR,
  PROP_CURRENCY,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_CATEGORY_PATH,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_TRANSACTION_ID,
  PROP_AUTOPAY,
  PROP_IS_ESTIMATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
budg_due_bill_finalize (GObject *object)
{
  BudgDueBill *self = (BudgDueBill *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->occurrence_date, g_free);
  g_clear_pointer (&self->due_date, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->category_path, g_free);

  G_OBJECT_CLASS (budg_due_bill_parent_class)->finalize (object);
}

static void
budg_due_bill_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BudgDueBill *self = BUDG_DUE_BILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_BILL_ID:
      g_value_set_int64 (value, self->bill_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_OCCURRENCE_DATE:
      g_value_set_string (value, self->occurrence_date);
      break;

    case PROP_DUE_DATE:
      g_value_set_string (value, self->due_date);
      break;

    case PROP_AMOUNT_MINOR:
      g_value_set_int64 (value, self->amount_minor);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;

    case PROP_ACCOUNT_NAME:
      g_value_set_string (value, self->account_name);
      break;

    case PROP_CATEGORY_PATH:
      g_value_set_string (value, self->category_path);
      break;

    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;

    case PROP_PRIORITY:
      g_value_set_int (value, self->priority);
      break;

    case PROP_TRANSACTION_ID:
      g_value_set_int64 (value, self->transaction_id);
      break;

    case PROP_AUTOPAY:
      g_value_set_boolean (value, self->autopay);
      break;

    case PROP_IS_ESTIMATE:
      g_value_set_boolean (value, self->is_estimate);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_due_bill_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BudgDueBill *self = BUDG_DUE_BILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      budg_due_bill_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_BILL_ID:
      budg_due_bill_set_bill_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      budg_due_bill_set_name (self, g_value_get_string (value));
      break;

    case PROP_OCCURRENCE_DATE:
      budg_due_bill_set_occurrence_date (self, g_value_get_string (value));
      break;

    case PROP_DUE_DATE:
      budg_due_bill_set_due_date (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_MINOR:
      budg_due_bill_set_amount_minor (self, g_value_get_int64 (value));
      break;

    case PROP_CURRENCY:
      budg_due_bill_set_currency (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_ID:
      budg_due_bill_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_NAME:
      budg_due_bill_set_account_name (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY_PATH:
      budg_due_bill_set_category_path (self, g_value_get_string (value));
      break;

    case PROP_STATUS:
      budg_due_bill_set_status (self, g_value_get_int (value));
      break;

    case PROP_PRIORITY:
      budg_due_bill_set_priority (self, g_value_get_int (value));
      break;

    case PROP_TRANSACTION_ID:
      budg_due_bill_set_transaction_id (self, g_value_get_int64 (value));
      break;

    case PROP_AUTOPAY:
      budg_due_bill_set_autopay (self, g_value_get_boolean (value));
      break;

    case PROP_IS_ESTIMATE:
      budg_due_bill_set_is_estimate (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_due_bill_class_init (BudgDueBillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_due_bill_finalize;
  object_class->get_property = budg_due_bill_get_property;
  object_class->set_property = budg_due_bill_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BILL_ID] =
    g_param_spec_int64 ("bill-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_OCCURRENCE_DATE] =
    g_param_spec_string ("occurrence-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DUE_DATE] =
    g_param_spec_string ("due-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Signed, unlike BudgBill:amount-minor: negative for a bill, positive for income. */
  properties[PROP_AMOUNT_MINOR] =
    g_param_spec_int64 ("amount-minor", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACCOUNT_NAME] =
    g_param_spec_string ("account-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CATEGORY_PATH] =
    g_param_spec_string ("category-path", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A plain int rather than a GEnum, like BudgAccount:kind. */
  properties[PROP_STATUS] =
    g_param_spec_int ("status", NULL, NULL,
                      BUDG_DUE_STATUS_UPCOMING, BUDG_DUE_STATUS_SKIPPED,
                      BUDG_DUE_STATUS_UPCOMING,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PRIORITY] =
    g_param_spec_int ("priority", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TRANSACTION_ID] =
    g_param_spec_int64 ("transaction-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTOPAY] =
    g_param_spec_boolean ("autopay", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_ESTIMATE] =
    g_param_spec_boolean ("is-estimate", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_due_bill_init (BudgDueBill *self)
{
  self->status = BUDG_DUE_STATUS_UPCOMING;
}

/**
 * budg_due_bill_new:
 *
 * The store fills in the fields from the bill and the due_bills row.
 *
 * Returns: (transfer full): a new, empty #BudgDueBill
 */
BudgDueBill *
budg_due_bill_new (void)
{
  return g_object_new (BUDG_TYPE_DUE_BILL, NULL);
}

gint64
budg_due_bill_get_id (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), 0);

  return self->id;
}

void
budg_due_bill_set_id (BudgDueBill *self,
                      gint64       id)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
budg_due_bill_get_bill_id (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), 0);

  return self->bill_id;
}

void
budg_due_bill_set_bill_id (BudgDueBill *self,
                           gint64       bill_id)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));
  g_return_if_fail (bill_id >= 0);

  if (self->bill_id == bill_id)
    return;

  self->bill_id = bill_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BILL_ID]);
}

const char *
budg_due_bill_get_name (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), NULL);

  return self->name;
}

void
budg_due_bill_set_name (BudgDueBill *self,
                        const char  *name)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (budg_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
budg_due_bill_get_occurrence_date (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), NULL);

  return self->occurrence_date;
}

void
budg_due_bill_set_occurrence_date (BudgDueBill *self,
                                   const char  *occurrence_date)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (budg_set_str (&self->occurrence_date, occurrence_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCURRENCE_DATE]);
}

const char *
budg_due_bill_get_due_date (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), NULL);

  return self->due_date;
}

void
budg_due_bill_set_due_date (BudgDueBill *self,
                            const char  *due_date)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (budg_set_str (&self->due_date, due_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DUE_DATE]);
}

gint64
budg_due_bill_get_amount_minor (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), 0);

  return self->amount_minor;
}

void
budg_due_bill_set_amount_minor (BudgDueBill *self,
                                gint64       amount_minor)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (self->amount_minor == amount_minor)
    return;

  self->amount_minor = amount_minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_MINOR]);
}

const char *
budg_due_bill_get_currency (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), NULL);

  return self->currency;
}

void
budg_due_bill_set_currency (BudgDueBill *self,
                            const char  *currency)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (budg_set_str (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
budg_due_bill_get_account_id (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), 0);

  return self->account_id;
}

void
budg_due_bill_set_account_id (BudgDueBill *self,
                              gint64       account_id)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));
  g_return_if_fail (account_id >= 0);

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
budg_due_bill_get_account_name (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), NULL);

  return self->account_name;
}

void
budg_due_bill_set_account_name (BudgDueBill *self,
                                const char  *account_name)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (budg_set_str (&self->account_name, account_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
}

const char *
budg_due_bill_get_category_path (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), NULL);

  return self->category_path;
}

void
budg_due_bill_set_category_path (BudgDueBill *self,
                                 const char  *category_path)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (budg_set_str (&self->category_path, category_path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_PATH]);
}

BudgDueStatus
budg_due_bill_get_status (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), BUDG_DUE_STATUS_UPCOMING);

  return self->status;
}

void
budg_due_bill_set_status (BudgDueBill   *self,
                          BudgDueStatus  status)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));
  g_return_if_fail ((guint) status <= BUDG_DUE_STATUS_SKIPPED);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

int
budg_due_bill_get_priority (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), 0);

  return self->priority;
}

void
budg_due_bill_set_priority (BudgDueBill *self,
                            int          priority)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  if (self->priority == priority)
    return;

  self->priority = priority;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIORITY]);
}

gint64
budg_due_bill_get_transaction_id (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), 0);

  return self->transaction_id;
}

void
budg_due_bill_set_transaction_id (BudgDueBill *self,
                                  gint64       transaction_id)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));
  g_return_if_fail (transaction_id >= 0);

  if (self->transaction_id == transaction_id)
    return;

  self->transaction_id = transaction_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TRANSACTION_ID]);
}

gboolean
budg_due_bill_get_autopay (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), FALSE);

  return self->autopay;
}

void
budg_due_bill_set_autopay (BudgDueBill *self,
                           gboolean     autopay)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  autopay = !!autopay;

  if (self->autopay == autopay)
    return;

  self->autopay = autopay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOPAY]);
}

gboolean
budg_due_bill_get_is_estimate (BudgDueBill *self)
{
  g_return_val_if_fail (BUDG_IS_DUE_BILL (self), FALSE);

  return self->is_estimate;
}

void
budg_due_bill_set_is_estimate (BudgDueBill *self,
                               gboolean     is_estimate)
{
  g_return_if_fail (BUDG_IS_DUE_BILL (self));

  is_estimate = !!is_estimate;

  if (self->is_estimate == is_estimate)
    return;

  self->is_estimate = is_estimate;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_ESTIMATE]);
}
