/* budg-category.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-category"

#include "config.h"

#include "budg-category.h"
#include "budg-util.h"

struct _BudgCategory
{
  GObject parent_instance;

  gint64 id;
  gint64 parent_id;
  char *name;
  char *parent_name;
  char *path;
  gboolean is_income;
  char *color;
};

G_DEFINE_FINAL_TYPE (BudgCategory, budg_category, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_NAME,
  PROP_PARENT_NAME,
  PROP_PATH,
  PROP_IS_INCOME,
  PROP_COLOR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The path is cached rather than built on each get so that the getter can
 * return a borrowed string, as every other string getter does.
 */
static void
update_path (BudgCategory *self)
{
  char *path;

  if (self->parent_name != NULL && self->parent_name[0] != '\0')
    path = g_strconcat (self->parent_name, ":", self->name ? self->name : "", NULL);
  else
    path = g_strdup (self->name);

  if (g_strcmp0 (path, self->path) == 0)
    {
      g_free (path);
      return;
    }

  g_free (self->path);
  self->path = path;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
}

static void
budg_category_set_parent_id (BudgCategory *self,
                             gint64        parent_id)
{
  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

static void
budg_category_finalize (GObject *object)
{
  BudgCategory *self = (BudgCategory *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->parent_name, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->color, g_free);

  G_OBJECT_CLASS (budg_category_parent_class)->finalize (object);
}

static void
budg_category_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  BudgCategory *self = BUDG_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_PARENT_NAME:
      g_value_set_string (value, self->parent_name);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_IS_INCOME:
      g_value_set_boolean (value, self->is_income);
      break;

    case PROP_COLOR:
      g_value_set_string (value, self->color);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_category_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  BudgCategory *self = BUDG_CATEGORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      budg_category_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARENT_ID:
      budg_category_set_parent_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      budg_category_set_name (self, g_value_get_string (value));
      break;

    case PROP_PARENT_NAME:
      budg_category_set_parent_name (self, g_value_get_string (value));
      break;

    case PROP_IS_INCOME:
      budg_category_set_is_income (self, g_value_get_boolean (value));
      break;

    case PROP_COLOR:
      budg_category_set_color (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_category_class_init (BudgCategoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = budg_category_finalize;
  object_class->get_property = budg_category_get_property;
  object_class->set_property = budg_category_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PARENT_NAME] =
    g_param_spec_string ("parent-name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_IS_INCOME] =
    g_param_spec_boolean ("is-income", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_category_init (BudgCategory *self)
{
}

/**
 * budg_category_new:
 * @name: the category's own name, without its parent
 * @parent_id: the parent's id, or 0 for a top-level category
 * @parent_name: (nullable): the parent's name, or %NULL for a top-level category
 * @is_income: whether the category holds income rather than expenses
 *
 * Returns: (transfer full): a new #BudgCategory that is not stored yet
 */
BudgCategory *
budg_category_new (const char *name,
                   gint64      parent_id,
                   const char *parent_name,
                   gboolean    is_income)
{
  return g_object_new (BUDG_TYPE_CATEGORY,
                       "name", name,
                       "parent-id", parent_id,
                       "parent-name", parent_name,
                       "is-income", is_income,
                       NULL);
}

gint64
budg_category_get_id (BudgCategory *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY (self), 0);

  return self->id;
}

void
budg_category_set_id (BudgCategory *self,
                      gint64        id)
{
  g_return_if_fail (BUDG_IS_CATEGORY (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

gint64
budg_category_get_parent_id (BudgCategory *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY (self), 0);

  return self->parent_id;
}

const char *
budg_category_get_name (BudgCategory *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY (self), NULL);

  return self->name;
}

void
budg_category_set_name (BudgCategory *self,
                        const char   *name)
{
  g_return_if_fail (BUDG_IS_CATEGORY (self));

  if (!budg_set_str (&self->name, name))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
  update_path (self);
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
budg_category_get_parent_name (BudgCategory *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY (self), NULL);

  return self->parent_name;
}

void
budg_category_set_parent_name (BudgCategory *self,
                               const char   *parent_name)
{
  g_return_if_fail (BUDG_IS_CATEGORY (self));

  if (!budg_set_str (&self->parent_name, parent_name))
    return;

  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_NAME]);
  update_path (self);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * budg_category_get_path:
 * @self: a #BudgCategory
 *
 * Returns: (nullable): "Parent:Child" for a child, the name for a top-level
 *   category
 */
const char *
budg_category_get_path (BudgCategory *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY (self), NULL);

  return self->path;
}

gboolean
budg_category_get_is_income (BudgCategory *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY (self), FALSE);

  return self->is_income;
}

void
budg_category_set_is_income (BudgCategory *self,
                             gboolean      is_income)
{
  g_return_if_fail (BUDG_IS_CATEGORY (self));

  is_income = !!is_income;

  if (self->is_income == is_income)
    return;

  self->is_income = is_income;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_INCOME]);
}

const char *
budg_category_get_color (BudgCategory *self)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY (self), NULL);

  return self->color;
}

void
budg_category_set_color (BudgCategory *self,
                         const char   *color)
{
  g_return_if_fail (BUDG_IS_CATEGORY (self));

  if (budg_set_str (&self->color, color))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR]);
}
