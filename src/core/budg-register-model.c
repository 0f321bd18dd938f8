/* budg-register-model.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-register-model"

#include "config.h"

#include <gio/gio.h>

#include "budg-register-model.h"

/* Rows are read 128 at a time, a few screens' worth; the cache keeps the
 * pages around the places the user looked at last. Objects a widget still
 * holds stay known to the model (weakly), so an edit elsewhere updates them
 * in place instead of leaving stale rows on screen. */
#define PAGE_SIZE 128
#define MAX_PAGES 16

struct _BudgRegisterModel
{
  GObject               parent_instance;

  BudgTransactionStore *store;
  BudgDatabase         *database;
  BudgTransactionQuery *query;
  GArray               *ids;          /* gint64, in display order */

  GHashTable           *pages;        /* page number → GPtrArray of BudgTransaction (strong) */
  GQueue                page_lru;     /* page numbers, most recent first */
  GHashTable           *live;         /* id → BudgTransaction (weak) */

  guint                 reload_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BudgRegisterModel, budg_register_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_QUERY,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
live_object_finalized_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  BudgRegisterModel *self = data;
  /* Weak notifies run from dispose, before finalize, so the id can still
   * be read; the pointer check keeps a newer object for the id. */
  gint64 id = budg_transaction_get_id ((BudgTransaction *) where_the_object_was);

  if (g_hash_table_lookup (self->live, &id) == (gpointer) where_the_object_was)
    g_hash_table_remove (self->live, &id);
}

static void
forget_live_objects (BudgRegisterModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_object_weak_unref (value, live_object_finalized_cb, self);
  g_hash_table_remove_all (self->live);
}

static void
drop_pages (BudgRegisterModel *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_lru);
}

/* Copies what the store read into the object widgets already hold; the
 * setters notify only what actually changed. */
static void
update_in_place (BudgTransaction *target,
                 BudgTransaction *fresh)
{
  g_object_freeze_notify (G_OBJECT (target));
  budg_transaction_set_account_id (target, budg_transaction_get_account_id (fresh));
  budg_transaction_set_account_name (target, budg_transaction_get_account_name (fresh));
  budg_transaction_set_currency (target, budg_transaction_get_currency (fresh));
  budg_transaction_set_date (target, budg_transaction_get_date (fresh));
  budg_transaction_set_amount_minor (target, budg_transaction_get_amount_minor (fresh));
  budg_transaction_set_payee (target, budg_transaction_get_payee (fresh));
  budg_transaction_set_category_id (target, budg_transaction_get_category_id (fresh));
  budg_transaction_set_category_path (target, budg_transaction_get_category_path (fresh));
  budg_transaction_set_memo (target, budg_transaction_get_memo (fresh));
  budg_transaction_set_status (target, budg_transaction_get_status (fresh));
  budg_transaction_set_external_id (target, budg_transaction_get_external_id (fresh));
  budg_transaction_set_source (target, budg_transaction_get_source (fresh));
  budg_transaction_set_transfer_id (target, budg_transaction_get_transfer_id (fresh));
  budg_transaction_set_transfer_account_name (target, budg_transaction_get_transfer_account_name (fresh));
  budg_transaction_set_split_count (target, budg_transaction_get_split_count (fresh));
  g_object_thaw_notify (G_OBJECT (target));
}

static void
set_running_balance (BudgRegisterModel *self,
                     BudgTransaction   *transaction)
{
  g_autoptr(GError) error = NULL;
  gint64 balance = 0;

  /* A running balance only means something within one account. */
  if (self->query->account_id == 0 ||
      budg_transaction_get_account_id (transaction) != self->query->account_id)
    {
      budg_transaction_set_running_balance (transaction, FALSE, 0);
      return;
    }

  if (!budg_transaction_store_balance_after (self->store,
                                             budg_transaction_get_account_id (transaction),
                                             budg_transaction_get_date (transaction),
                                             budg_transaction_get_id (transaction),
                                             &balance, &error))
    {
      g_warning ("Could not compute a running balance: %s", error->message);
      budg_transaction_set_running_balance (transaction, FALSE, 0);
      return;
    }

  budg_transaction_set_running_balance (transaction, TRUE, balance);
}

static BudgTransaction *
adopt (BudgRegisterModel *self,
       BudgTransaction   *fresh)
{
  gint64 id = budg_transaction_get_id (fresh);
  BudgTransaction *known = g_hash_table_lookup (self->live, &id);

  if (known != NULL)
    {
      update_in_place (known, fresh);
      set_running_balance (self, known);
      return g_object_ref (known);
    }

  set_running_balance (self, fresh);
  g_hash_table_insert (self->live, g_memdup2 (&id, sizeof id), fresh);
  g_object_weak_ref (G_OBJECT (fresh), live_object_finalized_cb, self);

  return g_object_ref (fresh);
}

static GPtrArray *
load_page (BudgRegisterModel *self,
           guint              page)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;
  guint start = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - start);

  fresh = budg_transaction_store_get_many (self->store, &g_array_index (self->ids, gint64, start), n, &error);
  if (fresh == NULL)
    g_warning ("Could not read transactions: %s", error->message);

  rows = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      BudgTransaction *row = fresh != NULL ? g_ptr_array_index (fresh, i) : NULL;

      if (row != NULL)
        g_ptr_array_add (rows, adopt (self, row));
      else
        {
          /* Deleted by someone else since the ids were read; the reload
           * that follows the change removes it. */
          g_autoptr(BudgTransaction) gone = budg_transaction_new (0, "1970-01-01", 0);

          budg_transaction_set_id (gone, g_array_index (self->ids, gint64, start + i));
          g_ptr_array_add (rows, g_steal_pointer (&gone));
        }
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->page_lru, GUINT_TO_POINTER (page));

  while (g_queue_get_length (&self->page_lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->page_lru));

  return rows;
}

static GType
budg_register_model_get_item_type (GListModel *model)
{
  return BUDG_TYPE_TRANSACTION;
}

static guint
budg_register_model_get_n_items (GListModel *model)
{
  BudgRegisterModel *self = BUDG_REGISTER_MODEL (model);

  return self->ids->len;
}

static gpointer
budg_register_model_get_item (GListModel *model,
                              guint       position)
{
  BudgRegisterModel *self = BUDG_REGISTER_MODEL (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;
  gint64 id;

  if (position >= self->ids->len)
    return NULL;

  id = g_array_index (self->ids, gint64, position);

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      GList *link = g_queue_find (&self->page_lru, GUINT_TO_POINTER (page));

      g_queue_unlink (&self->page_lru, link);
      g_queue_push_head_link (&self->page_lru, link);
    }
  else
    {
      BudgTransaction *known = g_hash_table_lookup (self->live, &id);

      if (known != NULL)
        return g_object_ref (known);
      rows = load_page (self, page);
    }

  return g_object_ref (g_ptr_array_index (rows, position - page * PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = budg_register_model_get_item_type;
  iface->get_n_items = budg_register_model_get_n_items;
  iface->get_item = budg_register_model_get_item;
}

/* Replaces the ids and tells the views only about the part that differs:
 * an edit or delete in the middle of a million rows is one small
 * items-changed, and the rows around it keep their selection. */
static void
replace_ids (BudgRegisterModel *self,
             GArray            *ids)
{
  g_autoptr(GArray) old = self->ids;
  const gint64 *a = (const gint64 *) old->data;
  const gint64 *b = (const gint64 *) ids->data;
  guint prefix = 0, suffix = 0;
  guint removed, added;

  while (prefix < old->len && prefix < ids->len && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old->len - prefix && suffix < ids->len - prefix &&
         a[old->len - 1 - suffix] == b[ids->len - 1 - suffix])
    suffix++;

  removed = old->len - prefix - suffix;
  added = ids->len - prefix - suffix;
  self->ids = g_array_ref (ids);
  drop_pages (self);

  if (removed > 0 || added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
      if (removed != added)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/* Reads every row a widget still shows again, so edits, renamed payees
 * and moved running balances appear without rebuilding the view. */
static void
refresh_live_objects (BudgRegisterModel *self)
{
  g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), g_hash_table_size (self->live));
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);

  if (ids->len == 0)
    return;

  fresh = budg_transaction_store_get_many (self->store, (const gint64 *) ids->data, ids->len, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read transactions: %s", error->message);
      return;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      BudgTransaction *row = g_ptr_array_index (fresh, i);
      BudgTransaction *known = g_hash_table_lookup (self->live, &g_array_index (ids, gint64, i));

      if (row != NULL && known != NULL)
        {
          update_in_place (known, row);
          set_running_balance (self, known);
        }
    }
}

static gboolean
reload (BudgRegisterModel  *self,
        GError            **error)
{
  g_autoptr(GArray) ids = NULL;

  g_clear_handle_id (&self->reload_id, g_source_remove);

  ids = budg_transaction_store_query_ids (self->store, self->query, error);
  if (ids == NULL)
    return FALSE;

  refresh_live_objects (self);
  replace_ids (self, ids);

  return TRUE;
}

static gboolean
reload_idle_cb (gpointer data)
{
  BudgRegisterModel *self = data;
  g_autoptr(GError) error = NULL;

  self->reload_id = 0;
  if (!reload (self, &error))
    g_warning ("Could not read the transactions again: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (BudgRegisterModel *self,
                     const char        *table,
                     BudgDatabase      *database)
{
  static const char * const relevant[] = {
    "transactions", "splits", "payees", "categories", "accounts", "balance_snapshots", "*",
  };

  if (!g_strv_contains (relevant, table))
    return;

  /* One commit can announce several tables; read once after all of them. */
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, reload_idle_cb, self, NULL);
}

static void
budg_register_model_dispose (GObject *object)
{
  BudgRegisterModel *self = (BudgRegisterModel *)object;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->live != NULL)
    forget_live_objects (self);
  if (self->pages != NULL)
    drop_pages (self);
  g_clear_object (&self->store);
  g_clear_object (&self->database);

  G_OBJECT_CLASS (budg_register_model_parent_class)->dispose (object);
}

static void
budg_register_model_finalize (GObject *object)
{
  BudgRegisterModel *self = (BudgRegisterModel *)object;

  g_clear_pointer (&self->query, budg_transaction_query_free);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->live, g_hash_table_unref);

  G_OBJECT_CLASS (budg_register_model_parent_class)->finalize (object);
}

static void
budg_register_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  BudgRegisterModel *self = BUDG_REGISTER_MODEL (object);

  switch (prop_id)
    {
    case PROP_QUERY:
      g_value_set_boxed (value, self->query);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_register_model_class_init (BudgRegisterModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_register_model_dispose;
  object_class->finalize = budg_register_model_finalize;
  object_class->get_property = budg_register_model_get_property;

  properties[PROP_QUERY] =
    g_param_spec_boxed ("query", NULL, NULL,
                        BUDG_TYPE_TRANSACTION_QUERY,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
budg_register_model_init (BudgRegisterModel *self)
{
  self->query = g_new0 (BudgTransactionQuery, 1);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->page_lru);
}

/**
 * budg_register_model_new:
 *
 * Returns: (transfer full): an empty model; set a query to fill it
 */
BudgRegisterModel *
budg_register_model_new (BudgTransactionStore *store)
{
  BudgRegisterModel *self;

  g_return_val_if_fail (BUDG_IS_TRANSACTION_STORE (store), NULL);

  self = g_object_new (BUDG_TYPE_REGISTER_MODEL, NULL);
  self->store = g_object_ref (store);
  self->database = g_object_ref (budg_transaction_store_get_database (store));
  g_signal_connect_object (self->database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}

const BudgTransactionQuery *
budg_register_model_get_query (BudgRegisterModel *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), NULL);

  return self->query;
}

gboolean
budg_register_model_set_query (BudgRegisterModel           *self,
                               const BudgTransactionQuery  *query,
                               GError                     **error)
{
  g_autoptr(BudgTransactionQuery) copy = NULL;
  g_autoptr(GArray) ids = NULL;
  gboolean account_changed;
  guint old_len;

  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  copy = budg_transaction_query_copy (query);
  copy->limit = 0;
  copy->offset = 0;

  ids = budg_transaction_store_query_ids (self->store, copy, error);
  if (ids == NULL)
    return FALSE;

  account_changed = copy->account_id != self->query->account_id;
  budg_transaction_query_free (self->query);
  self->query = g_steal_pointer (&copy);

  /* A new query is a new list: the views start over from the top. Objects
   * they still hold get the new account's running balance when reused. */
  g_clear_handle_id (&self->reload_id, g_source_remove);
  drop_pages (self);
  if (account_changed)
    forget_live_objects (self);

  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  if (old_len > 0 || self->ids->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->ids->len);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  return TRUE;
}

/**
 * budg_register_model_reload:
 *
 * Reads the matches again now (the model also does this by itself, from an
 * idle callback, after the database announces a change).
 */
gboolean
budg_register_model_reload (BudgRegisterModel  *self,
                            GError            **error)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), FALSE);

  return reload (self, error);
}

gint64
budg_register_model_get_id (BudgRegisterModel *self,
                            guint              position)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), 0);
  g_return_val_if_fail (position < self->ids->len, 0);

  return g_array_index (self->ids, gint64, position);
}

guint
budg_register_model_find (BudgRegisterModel *self,
                          gint64             id)
{
  const gint64 *ids;

  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), G_MAXUINT);

  /* A linear scan of 8-byte ids: a few milliseconds at a million rows,
   * and only done when jumping to a row. */
  ids = (const gint64 *) self->ids->data;
  for (guint i = 0; i < self->ids->len; i++)
    if (ids[i] == id)
      return i;

  return G_MAXUINT;
}

gboolean
budg_register_model_get_total (BudgRegisterModel  *self,
                               gint64             *out_total_minor,
                               GError            **error)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), FALSE);
  g_return_val_if_fail (out_total_minor != NULL, FALSE);

  return budg_transaction_store_sum (self->store, self->query, out_total_minor, error);
}
