/* budg-bill.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-bill"

#include "config.h"

#include "budg-bill.h"
#include "budg-util.h"

struct _BudgBill
{
  GObject parent_instance;

  gint64 id;
  char *name;
  char *payee;
  gint64 account_id;
  char *account_name;
  char *currency;
  gint64 category_id;
  char *category_path;
  gint64 amount_minor;
  gint64 amount_max_minor;
  gboolean is_income;
  char *rrule;
  char *start_date;
  char *end_date;
  guint count;
  BudgWeekendShift weekend_shift;
  gboolean autopay;
  guint lead_days;
  char *notes;
  gboolean active;
  char *settled_through;
};

G_DEFINE_FINAL_TYPE (BudgBill, budg_bill, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PAYEE,
  PROP_ACCOUNT_ID,
  PROP_ACCOUNT_NAME,
  PROP_CURRENCY,
  PROP_CATEGORY_ID,
  PROP_CATEGORY_PATH,
  PROP_AMOUNT_MINOR,
  PROP_AMOUNT_MAX_MINOR,
  PROP_IS_INCOME,
  PROP_RRULE,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_COUNT,
  PROP_WEEKEND_SHIFT,
  PROP_AUTOPAY,
  PROP_LEAD_DAYS,
  PROP_NOTES,
  PROP_ACTIVE,
  PROP_SETTLED_THROUGH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
budg_bill_finalize (GObject *object)
{
  BudgBill *self = (BudgBill *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->payee, g_free);
  g_clear_pointer (&self->account_name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->category_path, g_free);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->settled_through, g_free);

  G_OBJECT_CLASS (budg_bill_parent_class)->finalize (object);
}

static void
budg_bill_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BudgBill *self = BUDG_BILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PAYEE:
      g_value_set_string (value, self->payee);
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

    case PROP_CATEGORY_ID:
      g_value_set_int64 (value, self->category_id);
      break;

    case PROP_CATEGORY_PATH:
      g_value_set_string (value, self->category_path);
      break;

    case PROP_AMOUNT_MINOR:
      g_value_set_int64 (value, self->amount_minor);
      break;

    case PROP_AMOUNT_MAX_MINOR:
      g_value_set_int64 (value, self->amount_max_minor);
      break;

    case PROP_IS_INCOME:
      g_value_set_boolean (value, self->is_income);
      break;

    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;

    case PROP_START_DATE:
      g_value_set_string (value, self->start_date);
      break;

    case PROP_END_DATE:
      g_value_set_string (value, self->end_date);
      break;

    case PROP_COUNT:
      g_value_set_uint (value, self->count);
      break;

    case PROP_WEEKEND_SHIFT:
      g_value_set_int (value, self->weekend_shift);
      break;

    case PROP_AUTOPAY:
      g_value_set_boolean (value, self->autopay);
      break;

    case PROP_LEAD_DAYS:
      g_value_set_uint (value, self->lead_days);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_SETTLED_THROUGH:
      g_value_set_string (value, self->settled_through);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_bill_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  BudgBill *self = BUDG_BILL (object);

  switch (prop_id)
    {
    case PROP_ID:
      budg_bill_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      budg_bill_set_name (self, g_value_get_string (value));
      break;

    case PROP_PAYEE:
      budg_bill_set_payee (self, g_value_get_string (value));
      break;

    case PROP_ACCOUNT_ID:
      budg_bill_set_account_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACCOUNT_NAME:
      budg_bill_set_account_name (self, g_value_get_string (value));
      break;

    case PROP_CURRENCY:
      budg_bill_set_currency (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY_ID:
      budg_bill_set_category_id (self, g_value_get_int64 (value));
      break;

    case PROP_CATEGORY_PATH:
      budg_bill_set_category_path (self, g_value_get_string (value));
      break;

    case PROP_AMOUNT_MINOR:
      budg_bill_set_amount_minor (self, g_value_get_int64 (value));
      break;

    case PROP_AMOUNT_MAX_MINOR:
      budg_bill_set_amount_max_minor (self, g_value_get_int64 (value));
      break;

    case PROP_IS_INCOME:
      budg_bill_set_is_income (self, g_value_get_boolean (value));
      break;

    case PROP_RRULE:
      budg_bill_set_rrule (self, g_value_get_string (value));
      break;

    case PROP_START_DATE:
      budg_bill_set_start_date (self, g_value_get_string (value));
      break;

    case PROP_END_DATE:
      budg_bill_set_end_date (self, g_value_get_string (value));
      break;

    case PROP_COUNT:
      budg_bill_set_count (self, g_value_get_uint (value));
      break;

    case PROP_WEEKEND_SHIFT:
      budg_bill_set_weekend_shift (self, g_value_get_int (value));
      break;

    case PROP_AUTOPAY:
      budg_bill_set_autopay (self, g_value_get_boolean (value));
      break;

    case PROP_LEAD_DAYS:
      budg_bill_set_lead_days (self, g_value_get_uint (value));
      break;

    case PROP_NOTES:
      budg_bill_set_notes (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      budg_bill_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_SETTLED_THROUGH:
      budg_bill_set_settled_through (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_bill_class_init (BudgBillClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_bill_finalize;
  object_class->get_property = budg_bill_get_property;
  object_class->set_property = budg_bill_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PAYEE] =
    g_param_spec_string ("payee", NULL, NULL,
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

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
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

  /* The positive size of one occurrence: is-income gives the direction. */
  properties[PROP_AMOUNT_MINOR] =
    g_param_spec_int64 ("amount-minor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AMOUNT_MAX_MINOR] =
    g_param_spec_int64 ("amount-max-minor", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_INCOME] =
    g_param_spec_boolean ("is-income", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RRULE] =
    g_param_spec_string ("rrule", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_START_DATE] =
    g_param_spec_string ("start-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_END_DATE] =
    g_param_spec_string ("end-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COUNT] =
    g_param_spec_uint ("count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A plain int rather than a GEnum, like BudgAccount:kind. */
  properties[PROP_WEEKEND_SHIFT] =
    g_param_spec_int ("weekend-shift", NULL, NULL,
                      BUDG_WEEKEND_SHIFT_NONE, BUDG_WEEKEND_SHIFT_AFTER,
                      BUDG_WEEKEND_SHIFT_NONE,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_AUTOPAY] =
    g_param_spec_boolean ("autopay", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEAD_DAYS] =
    g_param_spec_uint ("lead-days", NULL, NULL,
                       0, G_MAXUINT, 3,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL,
                          TRUE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SETTLED_THROUGH] =
    g_param_spec_string ("settled-through", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_bill_init (BudgBill *self)
{
  /* The same defaults as the bills table: active, reminded three days ahead. */
  self->active = TRUE;
  self->lead_days = 3;
}

/**
 * budg_bill_new:
 * @name: what the bill is called
 * @account_id: the account it is paid from (or, for income, paid into)
 * @amount_minor: the positive size of each occurrence, in minor units
 * @rrule: the RRULE the bill repeats by
 * @start_date: the ISO date the series starts from
 *
 * Returns: (transfer full): a new active #BudgBill that is not stored yet
 */
BudgBill *
budg_bill_new (const char *name,
               gint64      account_id,
               gint64      amount_minor,
               const char *rrule,
               const char *start_date)
{
  return g_object_new (BUDG_TYPE_BILL,
                       "name", name,
                       "account-id", account_id,
                       "amount-minor", amount_minor,
                       "rrule", rrule,
                       "start-date", start_date,
                       NULL);
}

/**
 * budg_bill_copy:
 * @self: a #BudgBill
 *
 * Copies every field of @self, id included, into a new object that does
 * not share anything with @self, so that a dialog can edit the copy.
 *
 * Returns: (transfer full): a new #BudgBill
 */
BudgBill *
budg_bill_copy (BudgBill *self)
{
  BudgBill *copy;

  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  copy = g_object_new (BUDG_TYPE_BILL, NULL);
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->payee = g_strdup (self->payee);
  copy->account_id = self->account_id;
  copy->account_name = g_strdup (self->account_name);
  copy->currency = g_strdup (self->currency);
  copy->category_id = self->category_id;
  copy->category_path = g_strdup (self->category_path);
  copy->amount_minor = self->amount_minor;
  copy->amount_max_minor = self->amount_max_minor;
  copy->is_income = self->is_income;
  copy->rrule = g_strdup (self->rrule);
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->count = self->count;
  copy->weekend_shift = self->weekend_shift;
  copy->autopay = self->autopay;
  copy->lead_days = self->lead_days;
  copy->notes = g_strdup (self->notes);
  copy->active = self->active;
  copy->settled_through = g_strdup (self->settled_through);

  return copy;
}

gint64
budg_bill_get_id (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->id;
}

void
budg_bill_set_id (BudgBill *self,
                  gint64    id)
{
  g_return_if_fail (BUDG_IS_BILL (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
budg_bill_get_name (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->name;
}

void
budg_bill_set_name (BudgBill   *self,
                    const char *name)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
budg_bill_get_payee (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->payee;
}

void
budg_bill_set_payee (BudgBill   *self,
                     const char *payee)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->payee, payee))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAYEE]);
}

gint64
budg_bill_get_account_id (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->account_id;
}

void
budg_bill_set_account_id (BudgBill *self,
                          gint64    account_id)
{
  g_return_if_fail (BUDG_IS_BILL (self));
  g_return_if_fail (account_id >= 0);

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
budg_bill_get_account_name (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->account_name;
}

void
budg_bill_set_account_name (BudgBill   *self,
                            const char *account_name)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->account_name, account_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_NAME]);
}

const char *
budg_bill_get_currency (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->currency;
}

void
budg_bill_set_currency (BudgBill   *self,
                        const char *currency)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

gint64
budg_bill_get_category_id (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->category_id;
}

void
budg_bill_set_category_id (BudgBill *self,
                           gint64    category_id)
{
  g_return_if_fail (BUDG_IS_BILL (self));
  g_return_if_fail (category_id >= 0);

  if (self->category_id == category_id)
    return;

  self->category_id = category_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_ID]);
}

const char *
budg_bill_get_category_path (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->category_path;
}

void
budg_bill_set_category_path (BudgBill   *self,
                             const char *category_path)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->category_path, category_path))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_PATH]);
}

gint64
budg_bill_get_amount_minor (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->amount_minor;
}

void
budg_bill_set_amount_minor (BudgBill *self,
                            gint64    amount_minor)
{
  g_return_if_fail (BUDG_IS_BILL (self));
  g_return_if_fail (amount_minor >= 0);

  if (self->amount_minor == amount_minor)
    return;

  self->amount_minor = amount_minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_MINOR]);
}

gint64
budg_bill_get_amount_max_minor (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->amount_max_minor;
}

void
budg_bill_set_amount_max_minor (BudgBill *self,
                                gint64    amount_max_minor)
{
  g_return_if_fail (BUDG_IS_BILL (self));
  g_return_if_fail (amount_max_minor >= 0);

  if (self->amount_max_minor == amount_max_minor)
    return;

  self->amount_max_minor = amount_max_minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AMOUNT_MAX_MINOR]);
}

gboolean
budg_bill_get_is_income (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), FALSE);

  return self->is_income;
}

void
budg_bill_set_is_income (BudgBill *self,
                         gboolean  is_income)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  is_income = !!is_income;

  if (self->is_income == is_income)
    return;

  self->is_income = is_income;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_INCOME]);
}

const char *
budg_bill_get_rrule (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->rrule;
}

void
budg_bill_set_rrule (BudgBill   *self,
                     const char *rrule)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->rrule, rrule))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RRULE]);
}

const char *
budg_bill_get_start_date (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->start_date;
}

void
budg_bill_set_start_date (BudgBill   *self,
                          const char *start_date)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->start_date, start_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_START_DATE]);
}

const char *
budg_bill_get_end_date (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->end_date;
}

void
budg_bill_set_end_date (BudgBill   *self,
                        const char *end_date)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->end_date, end_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END_DATE]);
}

guint
budg_bill_get_count (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->count;
}

void
budg_bill_set_count (BudgBill *self,
                     guint     count)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (self->count == count)
    return;

  self->count = count;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COUNT]);
}

BudgWeekendShift
budg_bill_get_weekend_shift (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), BUDG_WEEKEND_SHIFT_NONE);

  return self->weekend_shift;
}

void
budg_bill_set_weekend_shift (BudgBill         *self,
                             BudgWeekendShift  shift)
{
  g_return_if_fail (BUDG_IS_BILL (self));
  g_return_if_fail ((guint) shift <= BUDG_WEEKEND_SHIFT_AFTER);

  if (self->weekend_shift == shift)
    return;

  self->weekend_shift = shift;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WEEKEND_SHIFT]);
}

gboolean
budg_bill_get_autopay (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), FALSE);

  return self->autopay;
}

void
budg_bill_set_autopay (BudgBill *self,
                       gboolean  autopay)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  autopay = !!autopay;

  if (self->autopay == autopay)
    return;

  self->autopay = autopay;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AUTOPAY]);
}

guint
budg_bill_get_lead_days (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->lead_days;
}

void
budg_bill_set_lead_days (BudgBill *self,
                         guint     lead_days)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (self->lead_days == lead_days)
    return;

  self->lead_days = lead_days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAD_DAYS]);
}

const char *
budg_bill_get_notes (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->notes;
}

void
budg_bill_set_notes (BudgBill   *self,
                     const char *notes)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

gboolean
budg_bill_get_active (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), FALSE);

  return self->active;
}

void
budg_bill_set_active (BudgBill *self,
                      gboolean  active)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  active = !!active;

  if (self->active == active)
    return;

  self->active = active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

const char *
budg_bill_get_settled_through (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), NULL);

  return self->settled_through;
}

void
budg_bill_set_settled_through (BudgBill   *self,
                               const char *settled_through)
{
  g_return_if_fail (BUDG_IS_BILL (self));

  if (budg_set_str (&self->settled_through, settled_through))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTLED_THROUGH]);
}

/**
 * budg_bill_get_signed_amount_minor:
 * @self: a #BudgBill
 *
 * Returns: the amount one occurrence moves on the account: negative for a
 *   bill, positive for income
 */
gint64
budg_bill_get_signed_amount_minor (BudgBill *self)
{
  g_return_val_if_fail (BUDG_IS_BILL (self), 0);

  return self->is_income ? self->amount_minor : -self->amount_minor;
}
