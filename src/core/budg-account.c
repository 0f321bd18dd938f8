/* budg-account.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-account"

#include "config.h"

#include "budg-account.h"
#include "budg-util.h"

struct _BudgAccount
{
  GObject parent_instance;

  gint64 id;
  char *name;
  BudgAccountKind kind;
  char *currency;
  char *institution;
  gboolean archived;
  int sort_order;
  gint64 balance_minor;
  char *balance_date;
  gboolean has_warning_threshold;
  gint64 warning_threshold_minor;
};

G_DEFINE_FINAL_TYPE (BudgAccount, budg_account, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_KIND,
  PROP_CURRENCY,
  PROP_INSTITUTION,
  PROP_ARCHIVED,
  PROP_SORT_ORDER,
  PROP_BALANCE_MINOR,
  PROP_BALANCE_DATE,
  PROP_HAS_WARNING_THRESHOLD,
  PROP_WARNING_THRESHOLD_MINOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
budg_account_set_balance_date (BudgAccount *self,
                               const char  *balance_date)
{
  if (budg_set_str (&self->balance_date, balance_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE_DATE]);
}

static void
budg_account_finalize (GObject *object)
{
  BudgAccount *self = (BudgAccount *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->currency, g_free);
  g_clear_pointer (&self->institution, g_free);
  g_clear_pointer (&self->balance_date, g_free);

  G_OBJECT_CLASS (budg_account_parent_class)->finalize (object);
}

static void
budg_account_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  BudgAccount *self = BUDG_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;

    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;

    case PROP_INSTITUTION:
      g_value_set_string (value, self->institution);
      break;

    case PROP_ARCHIVED:
      g_value_set_boolean (value, self->archived);
      break;

    case PROP_SORT_ORDER:
      g_value_set_int (value, self->sort_order);
      break;

    case PROP_HAS_WARNING_THRESHOLD:
      g_value_set_boolean (value, self->has_warning_threshold);
      break;

    case PROP_WARNING_THRESHOLD_MINOR:
      g_value_set_int64 (value, self->warning_threshold_minor);
      break;

    case PROP_BALANCE_MINOR:
      g_value_set_int64 (value, self->balance_minor);
      break;

    case PROP_BALANCE_DATE:
      g_value_set_string (value, self->balance_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_account_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  BudgAccount *self = BUDG_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      budg_account_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      budg_account_set_name (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      budg_account_set_kind (self, g_value_get_int (value));
      break;

    case PROP_CURRENCY:
      budg_account_set_currency (self, g_value_get_string (value));
      break;

    case PROP_INSTITUTION:
      budg_account_set_institution (self, g_value_get_string (value));
      break;

    case PROP_ARCHIVED:
      budg_account_set_archived (self, g_value_get_boolean (value));
      break;

    case PROP_SORT_ORDER:
      budg_account_set_sort_order (self, g_value_get_int (value));
      break;

    case PROP_BALANCE_MINOR:
      budg_account_set_balance_minor (self, g_value_get_int64 (value));
      break;

    case PROP_HAS_WARNING_THRESHOLD:
      budg_account_set_warning_threshold (self, g_value_get_boolean (value), self->warning_threshold_minor);
      break;

    case PROP_WARNING_THRESHOLD_MINOR:
      budg_account_set_warning_threshold (self, self->has_warning_threshold, g_value_get_int64 (value));
      break;

    case PROP_BALANCE_DATE:
      budg_account_set_balance_date (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_account_class_init (BudgAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_account_finalize;
  object_class->get_property = budg_account_get_property;
  object_class->set_property = budg_account_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* A plain int rather than a GEnum: the nicks live in budg-types.c and the
   * models must not depend on a registered enum type.
   */
  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL,
                      0, BUDG_N_ACCOUNT_KINDS - 1, BUDG_ACCOUNT_KIND_CHECKING,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CURRENCY] =
    g_param_spec_string ("currency", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_INSTITUTION] =
    g_param_spec_string ("institution", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ARCHIVED] =
    g_param_spec_boolean ("archived", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SORT_ORDER] =
    g_param_spec_int ("sort-order", NULL, NULL,
                      G_MININT, G_MAXINT, 0,
                      (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_BALANCE_MINOR] =
    g_param_spec_int64 ("balance-minor", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The header has no accessors for it, so the store sets it with g_object_set (). */
  properties[PROP_BALANCE_DATE] =
    g_param_spec_string ("balance-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The ledger warns when the projected balance drops below the threshold. */
  properties[PROP_HAS_WARNING_THRESHOLD] =
    g_param_spec_boolean ("has-warning-threshold", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_WARNING_THRESHOLD_MINOR] =
    g_param_spec_int64 ("warning-threshold-minor", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_account_init (BudgAccount *self)
{
  self->kind = BUDG_ACCOUNT_KIND_CHECKING;
}

/**
 * budg_account_new:
 * @name: the account name
 * @kind: what kind of account it is
 * @currency: its ISO 4217 code
 *
 * Creates an account that is not stored yet (its id is 0).
 *
 * Returns: (transfer full): a new #BudgAccount
 */
BudgAccount *
budg_account_new (const char      *name,
                  BudgAccountKind  kind,
                  const char      *currency)
{
  return g_object_new (BUDG_TYPE_ACCOUNT,
                       "name", name,
                       "kind", (int)kind,
                       "currency", currency,
                       NULL);
}

/**
 * budg_account_copy:
 * @self: a #BudgAccount
 *
 * Copies every field of @self, id and balance included, into a new object
 * that does not share anything with @self.
 *
 * Returns: (transfer full): a new #BudgAccount
 */
BudgAccount *
budg_account_copy (BudgAccount *self)
{
  BudgAccount *copy;

  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), NULL);

  copy = budg_account_new (self->name, self->kind, self->currency);
  copy->id = self->id;
  copy->institution = g_strdup (self->institution);
  copy->archived = self->archived;
  copy->sort_order = self->sort_order;
  copy->balance_minor = self->balance_minor;
  copy->balance_date = g_strdup (self->balance_date);
  copy->has_warning_threshold = self->has_warning_threshold;
  copy->warning_threshold_minor = self->warning_threshold_minor;

  return copy;
}

gint64
budg_account_get_id (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), 0);

  return self->id;
}

void
budg_account_set_id (BudgAccount *self,
                     gint64       id)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
budg_account_get_name (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), NULL);

  return self->name;
}

void
budg_account_set_name (BudgAccount *self,
                       const char  *name)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));

  if (budg_set_str (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

BudgAccountKind
budg_account_get_kind (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), BUDG_ACCOUNT_KIND_CHECKING);

  return self->kind;
}

void
budg_account_set_kind (BudgAccount     *self,
                       BudgAccountKind  kind)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));
  g_return_if_fail ((int)kind >= 0 && kind < BUDG_N_ACCOUNT_KINDS);

  if (self->kind == kind)
    return;

  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

const char *
budg_account_get_currency (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), NULL);

  return self->currency;
}

void
budg_account_set_currency (BudgAccount *self,
                           const char  *currency)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));

  if (budg_set_str (&self->currency, currency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENCY]);
}

const char *
budg_account_get_institution (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), NULL);

  return self->institution;
}

void
budg_account_set_institution (BudgAccount *self,
                              const char  *institution)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));

  if (budg_set_str (&self->institution, institution))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_INSTITUTION]);
}

gboolean
budg_account_get_archived (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), FALSE);

  return self->archived;
}

void
budg_account_set_archived (BudgAccount *self,
                           gboolean     archived)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));

  archived = !!archived;

  if (self->archived == archived)
    return;

  self->archived = archived;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED]);
}

int
budg_account_get_sort_order (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), 0);

  return self->sort_order;
}

void
budg_account_set_sort_order (BudgAccount *self,
                             int          sort_order)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));

  if (self->sort_order == sort_order)
    return;

  self->sort_order = sort_order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_ORDER]);
}

gint64
budg_account_get_balance_minor (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), 0);

  return self->balance_minor;
}

void
budg_account_set_balance_minor (BudgAccount *self,
                                gint64       balance_minor)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));

  if (self->balance_minor == balance_minor)
    return;

  self->balance_minor = balance_minor;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BALANCE_MINOR]);
}

gboolean
budg_account_get_has_warning_threshold (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), FALSE);

  return self->has_warning_threshold;
}

gint64
budg_account_get_warning_threshold_minor (BudgAccount *self)
{
  g_return_val_if_fail (BUDG_IS_ACCOUNT (self), 0);

  return self->warning_threshold_minor;
}

/**
 * budg_account_set_warning_threshold:
 * @has_threshold: whether the account warns at all (beyond going below zero)
 * @threshold_minor: the balance below which it warns
 */
void
budg_account_set_warning_threshold (BudgAccount *self,
                                    gboolean     has_threshold,
                                    gint64       threshold_minor)
{
  g_return_if_fail (BUDG_IS_ACCOUNT (self));

  has_threshold = !!has_threshold;
  if (!has_threshold)
    threshold_minor = 0;

  g_object_freeze_notify (G_OBJECT (self));
  if (self->has_warning_threshold != has_threshold)
    {
      self->has_warning_threshold = has_threshold;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_WARNING_THRESHOLD]);
    }
  if (self->warning_threshold_minor != threshold_minor)
    {
      self->warning_threshold_minor = threshold_minor;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WARNING_THRESHOLD_MINOR]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}
