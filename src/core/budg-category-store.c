/* budg-category-store.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-category-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-category-store.h"
#include "budg-error.h"
#include "budg-validate.h"

struct _BudgCategoryStore
{
  GObject       parent_instance;

  BudgDatabase *database;
  GPtrArray    *categories;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudgCategoryStore, budg_category_store, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/**
 * budg_category_store_reload:
 *
 * Reads the categories again; categories that still exist keep their objects.
 */
gboolean
budg_category_store_reload (BudgCategoryStore  *self,
                            GError            **error)
{
  g_autoptr(GPtrArray) categories = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  guint old_len;
  int rc;

  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), FALSE);

  /* Ordering by (parent name, own name) puts every parent right before its
   * children, whatever the ids. */
  stmt = budg_database_prepare (self->database,
                                "SELECT c.id, ifnull(c.parent_id, 0), c.name, p.name,"
                                "       ifnull(p.is_income, c.is_income), c.color"
                                " FROM categories c LEFT JOIN categories p ON p.id = c.parent_id"
                                " ORDER BY ifnull(p.name, c.name) COLLATE NOCASE,"
                                "          c.parent_id IS NOT NULL, c.name COLLATE NOCASE",
                                error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      BudgCategory *category = budg_category_store_lookup (self, id);

      if (category != NULL)
        g_object_ref (category);
      else
        {
          category = budg_category_new ((const char *) sqlite3_column_text (stmt, 2),
                                        sqlite3_column_int64 (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 3),
                                        sqlite3_column_int (stmt, 4) != 0);
          budg_category_set_id (category, id);
        }

      budg_category_set_name (category, (const char *) sqlite3_column_text (stmt, 2));
      budg_category_set_parent_name (category, (const char *) sqlite3_column_text (stmt, 3));
      budg_category_set_is_income (category, sqlite3_column_int (stmt, 4) != 0);
      budg_category_set_color (category, (const char *) sqlite3_column_text (stmt, 5));
      g_ptr_array_add (categories, category);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("reading the categories"));
      return FALSE;
    }

  old_len = self->categories->len;
  g_ptr_array_unref (self->categories);
  self->categories = g_steal_pointer (&categories);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->categories->len);

  return TRUE;
}

static void
database_changed_cb (BudgCategoryStore *self,
                     const char        *table,
                     BudgDatabase      *database)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (table, "categories") != 0 && g_strcmp0 (table, "*") != 0)
    return;

  if (!budg_category_store_reload (self, &error))
    g_warning ("Could not reload the categories: %s", error->message);
}

static GType
list_model_get_item_type (GListModel *model)
{
  return BUDG_TYPE_CATEGORY;
}

static guint
list_model_get_n_items (GListModel *model)
{
  return BUDG_CATEGORY_STORE (model)->categories->len;
}

static gpointer
list_model_get_item (GListModel *model,
                     guint       position)
{
  BudgCategoryStore *self = BUDG_CATEGORY_STORE (model);

  if (position >= self->categories->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->categories, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = list_model_get_item_type;
  iface->get_n_items = list_model_get_n_items;
  iface->get_item = list_model_get_item;
}

static void
budg_category_store_dispose (GObject *object)
{
  BudgCategoryStore *self = (BudgCategoryStore *)object;

  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_category_store_parent_class)->dispose (object);
}

static void
budg_category_store_finalize (GObject *object)
{
  BudgCategoryStore *self = (BudgCategoryStore *)object;

  g_clear_pointer (&self->categories, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_category_store_parent_class)->finalize (object);
}

static void
budg_category_store_class_init (BudgCategoryStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_category_store_dispose;
  object_class->finalize = budg_category_store_finalize;
}

static void
budg_category_store_init (BudgCategoryStore *self)
{
  self->categories = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * budg_category_store_new:
 *
 * Returns: (transfer full): an empty store; call budg_category_store_reload()
 */
BudgCategoryStore *
budg_category_store_new (BudgDatabase *database)
{
  BudgCategoryStore *self;

  g_return_val_if_fail (BUDG_IS_DATABASE (database), NULL);

  self = g_object_new (BUDG_TYPE_CATEGORY_STORE, NULL);
  self->database = g_object_ref (database);
  g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

BudgCategory *
budg_category_store_lookup (BudgCategoryStore *self,
                            gint64             id)
{
  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), NULL);

  for (guint i = 0; i < self->categories->len; i++)
    {
      BudgCategory *category = g_ptr_array_index (self->categories, i);

      if (budg_category_get_id (category) == id)
        return category;
    }

  return NULL;
}

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);

  return g_strcmp0 (fa, fb) == 0;
}

static BudgCategory *
find_child (BudgCategoryStore *self,
            gint64             parent_id,
            const char        *name,
            BudgCategory      *except)
{
  for (guint i = 0; i < self->categories->len; i++)
    {
      BudgCategory *category = g_ptr_array_index (self->categories, i);

      if (category != except &&
          budg_category_get_parent_id (category) == parent_id &&
          same_name (budg_category_get_name (category), name))
        return category;
    }

  return NULL;
}

/* Splits "Parent:Child" into its trimmed, validated parts. */
static gboolean
split_path (const char  *path,
            char       **out_parent,
            char       **out_child,
            GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint n_parts;

  if (path == NULL || !g_utf8_validate (path, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The category name is not valid text (invalid UTF-8)."));
      return FALSE;
    }

  parts = g_strsplit (path, ":", -1);
  n_parts = g_strv_length (parts);

  if (n_parts > 2)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” has more than two levels. Categories are “Parent” or “Parent:Child”."),
                   path);
      return FALSE;
    }

  if (!(*out_parent = budg_validate_name (n_parts > 0 ? parts[0] : "", _("category"), error)))
    return FALSE;

  *out_child = NULL;
  if (n_parts == 2 && !(*out_child = budg_validate_name (parts[1], _("subcategory"), error)))
    {
      g_clear_pointer (out_parent, g_free);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_category_store_find:
 * @id_or_path: a category id or its path ("Food:Groceries"), in any case
 *
 * Returns: (transfer none) (nullable): the category, or %NULL with @error set
 */
BudgCategory *
budg_category_store_find (BudgCategoryStore  *self,
                          const char         *id_or_path,
                          GError            **error)
{
  g_autofree char *parent_name = NULL;
  g_autofree char *child_name = NULL;
  BudgCategory *category = NULL;
  guint64 id;

  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), NULL);

  if (split_path (id_or_path, &parent_name, &child_name, NULL))
    {
      category = find_child (self, 0, parent_name, NULL);
      if (category != NULL && child_name != NULL)
        category = find_child (self, budg_category_get_id (category), child_name, NULL);
    }

  if (category == NULL && id_or_path != NULL &&
      g_ascii_string_to_unsigned (id_or_path, 10, 1, G_MAXINT64, &id, NULL))
    category = budg_category_store_lookup (self, (gint64) id);

  if (category == NULL)
    g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                 _("There is no category “%s”. Check the name in the list of categories, or add it first."),
                 id_or_path != NULL && g_utf8_validate (id_or_path, -1, NULL) ? id_or_path : "?");

  return category;
}

static gboolean
insert_category (BudgCategoryStore  *self,
                 gint64              id,
                 gint64              parent_id,
                 const char         *name,
                 gboolean            is_income,
                 const char         *color,
                 gint64             *out_id,
                 GError            **error)
{
  sqlite3_stmt *stmt;

  stmt = budg_database_prepare (self->database,
                                "INSERT INTO categories (id, parent_id, name, is_income, color)"
                                " VALUES (?1, ?2, ?3, ?4, ?5)",
                                error);
  if (stmt == NULL)
    return FALSE;

  if (id > 0)
    sqlite3_bind_int64 (stmt, 1, id);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  sqlite3_bind_text (stmt, 3, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, is_income ? 1 : 0);
  sqlite3_bind_text (stmt, 5, color, -1, SQLITE_TRANSIENT);

  if (!budg_database_step_done (self->database, stmt, error))
    return FALSE;

  *out_id = sqlite3_last_insert_rowid (budg_database_get_handle (self->database));

  return TRUE;
}

/**
 * budg_category_store_create_path:
 * @path: "Parent" or "Parent:Child"; a missing parent is created too
 * @is_income: for a new top-level category; a child always follows its parent
 *
 * Returns: (transfer none) (nullable): the leaf category, owned by the store
 */
BudgCategory *
budg_category_store_create_path (BudgCategoryStore  *self,
                                 const char         *path,
                                 gboolean            is_income,
                                 GError            **error)
{
  g_autofree char *parent_name = NULL;
  g_autofree char *child_name = NULL;
  BudgCategory *parent;
  gint64 parent_id = 0;
  gint64 id = 0;

  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), NULL);

  if (!split_path (path, &parent_name, &child_name, error))
    return NULL;

  parent = find_child (self, 0, parent_name, NULL);

  if (parent != NULL && child_name == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE,
                   _("The category “%s” already exists."), budg_category_get_path (parent));
      return NULL;
    }

  if (parent != NULL && find_child (self, budg_category_get_id (parent), child_name, NULL) != NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE,
                   _("The category “%s:%s” already exists."),
                   budg_category_get_name (parent), child_name);
      return NULL;
    }

  if (!budg_database_begin (self->database, error))
    return NULL;

  if (parent != NULL)
    {
      parent_id = budg_category_get_id (parent);
      is_income = budg_category_get_is_income (parent);
    }
  else if (!insert_category (self, 0, 0, parent_name, is_income, NULL, &parent_id, error))
    goto failed;

  id = parent_id;
  if (child_name != NULL &&
      !insert_category (self, 0, parent_id, child_name, is_income, NULL, &id, error))
    goto failed;

  budg_database_emit_changed (self->database, "categories");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return budg_category_store_lookup (self, id);

failed:
  budg_database_rollback (self->database);
  return NULL;
}

static gboolean
valid_color (const char *color)
{
  if (color == NULL)
    return TRUE;

  if (strlen (color) != 7 || color[0] != '#')
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (color[i]))
      return FALSE;

  return TRUE;
}

/**
 * budg_category_store_update:
 * @is_income: applies to a top-level category and all its children; a
 *   child's own value is ignored
 * @color: (nullable): "#rrggbb"
 */
gboolean
budg_category_store_update (BudgCategoryStore  *self,
                            BudgCategory       *category,
                            const char         *name,
                            gboolean            is_income,
                            const char         *color,
                            GError            **error)
{
  g_autofree char *clean_name = NULL;
  gint64 parent_id;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_CATEGORY (category), FALSE);

  if (!(clean_name = budg_validate_name (name, _("category"), error)))
    return FALSE;

  if (strchr (clean_name, ':') != NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("A category name cannot contain “:”, which separates a category from its parent."));
      return FALSE;
    }

  if (!valid_color (color))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a colour. Use the form #rrggbb, for example #3584e4."), color);
      return FALSE;
    }

  parent_id = budg_category_get_parent_id (category);
  if (find_child (self, parent_id, clean_name, category) != NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_DUPLICATE,
                   _("A category named “%s” already exists there. Choose another name."),
                   clean_name);
      return FALSE;
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;

  stmt = budg_database_prepare (self->database,
                                "UPDATE categories SET name = ?2, color = ?3 WHERE id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, budg_category_get_id (category));
  sqlite3_bind_text (stmt, 2, clean_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, color, -1, SQLITE_TRANSIENT);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  if (parent_id == 0)
    {
      stmt = budg_database_prepare (self->database,
                                    "UPDATE categories SET is_income = ?2 WHERE id = ?1 OR parent_id = ?1",
                                    error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, budg_category_get_id (category));
      sqlite3_bind_int (stmt, 2, is_income ? 1 : 0);
      if (!budg_database_step_done (self->database, stmt, error))
        goto failed;
    }

  budg_database_emit_changed (self->database, "categories");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

/**
 * budg_category_store_count_transactions:
 *
 * Returns: how many transactions use @category or one of its children, or -1
 */
gint64
budg_category_store_count_transactions (BudgCategoryStore *self,
                                        BudgCategory      *category)
{
  sqlite3_stmt *stmt;
  gint64 count = -1;

  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), -1);
  g_return_val_if_fail (BUDG_IS_CATEGORY (category), -1);

  stmt = budg_database_prepare (self->database,
                                "SELECT count(*) FROM transactions WHERE category_id IN"
                                " (SELECT id FROM categories WHERE id = ?1 OR parent_id = ?1)",
                                NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, budg_category_get_id (category));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

gboolean
budg_category_store_delete (BudgCategoryStore  *self,
                            BudgCategory       *category,
                            BudgCategory       *reassign_to,
                            GPtrArray         **out_deleted,
                            GArray            **out_moved,
                            GError            **error)
{
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) moved = g_array_new (FALSE, FALSE, sizeof (BudgCategoryMove));
  gint64 id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), FALSE);
  g_return_val_if_fail (BUDG_IS_CATEGORY (category), FALSE);
  g_return_val_if_fail (reassign_to == NULL || BUDG_IS_CATEGORY (reassign_to), FALSE);

  id = budg_category_get_id (category);

  if (reassign_to != NULL &&
      (budg_category_get_id (reassign_to) == id || budg_category_get_parent_id (reassign_to) == id))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Transactions cannot move to “%s”, because it is being deleted too. Choose another category."),
                   budg_category_get_path (reassign_to));
      return FALSE;
    }

  g_ptr_array_add (deleted, g_object_ref (category));
  for (guint i = 0; i < self->categories->len; i++)
    {
      BudgCategory *child = g_ptr_array_index (self->categories, i);

      if (budg_category_get_parent_id (child) == id)
        g_ptr_array_add (deleted, g_object_ref (child));
    }

  if (!budg_database_begin (self->database, error))
    return FALSE;

  stmt = budg_database_prepare (self->database,
                                "SELECT id, category_id FROM transactions WHERE category_id IN"
                                " (SELECT id FROM categories WHERE id = ?1 OR parent_id = ?1)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      BudgCategoryMove move = {
        .transaction_id = sqlite3_column_int64 (stmt, 0),
        .category_id = sqlite3_column_int64 (stmt, 1),
      };

      g_array_append_val (moved, move);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (self->database, error, _("deleting the category"));
      goto failed;
    }

  stmt = budg_database_prepare (self->database,
                                "UPDATE transactions SET category_id = ?2 WHERE category_id IN"
                                " (SELECT id FROM categories WHERE id = ?1 OR parent_id = ?1)",
                                error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (reassign_to != NULL)
    sqlite3_bind_int64 (stmt, 2, budg_category_get_id (reassign_to));
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  stmt = budg_database_prepare (self->database,
                                "DELETE FROM categories WHERE id = ?1 OR parent_id = ?1", error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!budg_database_step_done (self->database, stmt, error))
    goto failed;

  budg_database_emit_changed (self->database, "categories");
  if (moved->len > 0)
    budg_database_emit_changed (self->database, "transactions");

  if (!budg_database_commit (self->database, error))
    goto failed;

  if (out_deleted != NULL)
    *out_deleted = g_steal_pointer (&deleted);
  if (out_moved != NULL)
    *out_moved = g_steal_pointer (&moved);

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}

/**
 * budg_category_store_undelete:
 * @categories: the categories budg_category_store_delete() returned, parent first
 * @moved: (nullable): the transaction moves it returned
 *
 * Puts deleted categories back with their ids, and their transactions back
 * in them.
 */
gboolean
budg_category_store_undelete (BudgCategoryStore  *self,
                              GPtrArray          *categories,
                              GArray             *moved,
                              GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (BUDG_IS_CATEGORY_STORE (self), FALSE);
  g_return_val_if_fail (categories != NULL, FALSE);

  if (!budg_database_begin (self->database, error))
    return FALSE;

  for (guint i = 0; i < categories->len; i++)
    {
      BudgCategory *category = g_ptr_array_index (categories, i);
      gint64 id;

      if (!insert_category (self, budg_category_get_id (category),
                            budg_category_get_parent_id (category),
                            budg_category_get_name (category),
                            budg_category_get_is_income (category),
                            budg_category_get_color (category), &id, error))
        goto failed;
    }

  for (guint i = 0; moved != NULL && i < moved->len; i++)
    {
      const BudgCategoryMove *move = &g_array_index (moved, BudgCategoryMove, i);

      stmt = budg_database_prepare (self->database,
                                    "UPDATE transactions SET category_id = ?2 WHERE id = ?1", error);
      if (stmt == NULL)
        goto failed;
      sqlite3_bind_int64 (stmt, 1, move->transaction_id);
      sqlite3_bind_int64 (stmt, 2, move->category_id);
      if (!budg_database_step_done (self->database, stmt, error))
        goto failed;
    }

  budg_database_emit_changed (self->database, "categories");
  if (moved != NULL && moved->len > 0)
    budg_database_emit_changed (self->database, "transactions");

  if (!budg_database_commit (self->database, error))
    goto failed;

  return TRUE;

failed:
  budg_database_rollback (self->database);
  return FALSE;
}
