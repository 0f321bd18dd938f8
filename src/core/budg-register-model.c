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
 * holds stay known to the model (weakly, by id and by the position they
 * were given out for), so an edit elsewhere updates them in place instead
 * of leaving stale rows on screen, and a new query can give the rows on
 * screen the new rows' data instead of replacing them (see set_query). */
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
  GHashTable           *handed;       /* position → BudgTransaction (weak) given out by get_item */

  guint                 reload_id;
  guint                 complete_id;     /* reading the rest of a progressive query */
  gboolean              progressive;

  /* While the first half of a split change is announced, the rows about
   * to be added are not there yet (see emit_change()). */
  guint                 hidden_position;
  guint                 hidden_count;
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

static GQuark position_quark;

/* The position an object was last given out for, plus one (0: none). */
static guint
get_handed_position (BudgTransaction *transaction)
{
  return GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (transaction), position_quark));
}

static void
set_handed_position (BudgTransaction *transaction,
                     guint            position_plus_one)
{
  g_object_set_qdata (G_OBJECT (transaction), position_quark, GUINT_TO_POINTER (position_plus_one));
}

static void
live_object_finalized_cb (gpointer  data,
                          GObject  *where_the_object_was)
{
  BudgRegisterModel *self = data;
  /* Weak notifies run from dispose, before finalize, so the id and the
   * position can still be read; the pointer checks keep newer objects. */
  BudgTransaction *transaction = (BudgTransaction *) where_the_object_was;
  gint64 id = budg_transaction_get_id (transaction);
  guint position = get_handed_position (transaction);

  if (g_hash_table_lookup (self->live, &id) == (gpointer) transaction)
    g_hash_table_remove (self->live, &id);
  if (position > 0 &&
      g_hash_table_lookup (self->handed, GUINT_TO_POINTER (position - 1)) == (gpointer) transaction)
    g_hash_table_remove (self->handed, GUINT_TO_POINTER (position - 1));
}

static void
forget_live_objects (BudgRegisterModel *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->live);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_object_weak_unref (value, live_object_finalized_cb, self);
      set_handed_position (value, 0);
    }
  g_hash_table_remove_all (self->live);
  g_hash_table_remove_all (self->handed);
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

/* Notes where an object went, so that later changes can find it. Only
 * live objects (known by id, weakly referenced) are noted. */
static gpointer
hand_out (BudgRegisterModel *self,
          guint              position,
          BudgTransaction   *transaction)
{
  gint64 id = budg_transaction_get_id (transaction);

  if (g_hash_table_lookup (self->live, &id) == transaction)
    {
      guint old = get_handed_position (transaction);

      if (old > 0 && g_hash_table_lookup (self->handed, GUINT_TO_POINTER (old - 1)) == transaction)
        g_hash_table_remove (self->handed, GUINT_TO_POINTER (old - 1));
      g_hash_table_insert (self->handed, GUINT_TO_POINTER (position), transaction);
      set_handed_position (transaction, position + 1);
    }

  return g_object_ref (transaction);
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

  return self->ids->len - self->hidden_count;
}

/* The position in ids of what the views currently see at @position. */
static guint
visible_to_index (BudgRegisterModel *self,
                  guint              position)
{
  return position < self->hidden_position ? position : position + self->hidden_count;
}

static gpointer
budg_register_model_get_item (GListModel *model,
                              guint       position)
{
  BudgRegisterModel *self = BUDG_REGISTER_MODEL (model);
  guint visible;
  guint page;
  GPtrArray *rows;
  gint64 id;

  if (position >= self->ids->len - self->hidden_count)
    return NULL;

  visible = position;
  position = visible_to_index (self, position);
  page = position / PAGE_SIZE;

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
        return hand_out (self, visible, known);
      rows = load_page (self, page);
    }

  return hand_out (self, visible, g_ptr_array_index (rows, position - page * PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = budg_register_model_get_item_type;
  iface->get_n_items = budg_register_model_get_n_items;
  iface->get_item = budg_register_model_get_item;
}

/* GTK's list views keep their focused and selected rows by identity: when
 * one items-changed both removes such a row and adds rows, they read every
 * added row looking for it, which for a new list of a million rows means
 * reading them all from the database. A large replacement is therefore
 * announced as a removal, then an addition; in between, the model shows
 * the list without the added rows. */
static void
emit_change (BudgRegisterModel *self,
             guint              position,
             guint              removed,
             guint              added)
{
  if (removed > 0 && added > 64)
    {
      self->hidden_position = position;
      self->hidden_count = added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, 0);
      self->hidden_position = 0;
      self->hidden_count = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
    }
  else if (removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

/* Moves the noted positions as a change moves the rows. */
static void
shift_handed (BudgRegisterModel *self,
              guint              position,
              guint              removed,
              guint              added)
{
  g_autoptr(GHashTable) shifted = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (removed == added)
    {
      /* Only rows inside the change lose their place. */
      for (guint i = position; i < position + removed; i++)
        {
          BudgTransaction *transaction = g_hash_table_lookup (self->handed, GUINT_TO_POINTER (i));

          if (transaction != NULL)
            {
              set_handed_position (transaction, 0);
              g_hash_table_remove (self->handed, GUINT_TO_POINTER (i));
            }
        }
      return;
    }

  shifted = g_hash_table_new (NULL, NULL);
  g_hash_table_iter_init (&iter, self->handed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint old = GPOINTER_TO_UINT (key);

      if (old < position)
        g_hash_table_insert (shifted, key, value);
      else if (old >= position + removed)
        {
          g_hash_table_insert (shifted, GUINT_TO_POINTER (old - removed + added), value);
          set_handed_position (value, old - removed + added + 1);
        }
      else
        set_handed_position (value, 0);
    }

  g_hash_table_remove_all (self->handed);
  g_hash_table_iter_init (&iter, shifted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (self->handed, key, value);
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
  shift_handed (self, prefix, removed, added);

  emit_change (self, prefix, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
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
  g_clear_handle_id (&self->complete_id, g_source_remove);

  ids = budg_transaction_store_query_ids (self->store, self->query, error);
  if (ids == NULL)
    return FALSE;

  refresh_live_objects (self);
  replace_ids (self, ids);

  return TRUE;
}

/* The rest of a progressive query, once the first rows are on screen: the
 * list only grows at its end, so the views keep what they show. */
static gboolean
complete_idle_cb (gpointer data)
{
  BudgRegisterModel *self = data;
  g_autoptr(GError) error = NULL;

  self->complete_id = 0;
  if (!reload (self, &error))
    g_warning ("Could not read the rest of the transactions: %s", error->message);

  return G_SOURCE_REMOVE;
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
  g_clear_handle_id (&self->complete_id, g_source_remove);
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
  g_clear_pointer (&self->handed, g_hash_table_unref);

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

  position_quark = g_quark_from_static_string ("budg-register-model-position");
}

static void
budg_register_model_init (BudgRegisterModel *self)
{
  self->query = g_new0 (BudgTransactionQuery, 1);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->live = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->handed = g_hash_table_new (NULL, NULL);
  g_queue_init (&self->page_lru);
}

/* Gives every object handed out for a position that still exists the
 * data of the row now at that position; forgets all other objects. */
static void
reuse_handed (BudgRegisterModel *self)
{
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) new_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->handed);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint position = GPOINTER_TO_UINT (key);

      if (position < self->ids->len)
        {
          g_array_append_val (positions, position);
          g_array_append_val (new_ids, g_array_index (self->ids, gint64, position));
          g_ptr_array_add (objects, g_object_ref (value));
        }
    }

  forget_live_objects (self);

  if (new_ids->len == 0)
    return;

  fresh = budg_transaction_store_get_many (self->store, (const gint64 *) new_ids->data, new_ids->len, &error);
  if (fresh == NULL)
    {
      g_warning ("Could not read transactions: %s", error->message);
      return;
    }

  for (guint i = 0; i < objects->len; i++)
    {
      BudgTransaction *transaction = g_ptr_array_index (objects, i);
      BudgTransaction *row = g_ptr_array_index (fresh, i);
      gint64 id = g_array_index (new_ids, gint64, i);
      guint position = g_array_index (positions, guint, i);

      /* A row deleted meanwhile: the reload that follows fixes it. */
      if (row == NULL)
        continue;

      g_object_freeze_notify (G_OBJECT (transaction));
      budg_transaction_set_id (transaction, id);
      update_in_place (transaction, row);
      set_running_balance (self, transaction);
      g_object_thaw_notify (G_OBJECT (transaction));

      g_hash_table_insert (self->live, g_memdup2 (&id, sizeof id), transaction);
      g_object_weak_ref (G_OBJECT (transaction), live_object_finalized_cb, self);
      g_hash_table_insert (self->handed, GUINT_TO_POINTER (position), transaction);
      set_handed_position (transaction, position + 1);
    }
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
  gboolean complete = TRUE;
  guint old_len;

  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);

  copy = budg_transaction_query_copy (query);
  copy->limit = 0;
  copy->offset = 0;

  /* Progressive: the first rows now, the rest from an idle callback that
   * runs after the next frame is drawn. */
  if (self->progressive)
    ids = budg_transaction_store_query_first_ids (self->store, copy, 2 * PAGE_SIZE, &complete, error);
  else
    ids = budg_transaction_store_query_ids (self->store, copy, error);
  if (ids == NULL)
    return FALSE;

  budg_transaction_query_free (self->query);
  self->query = g_steal_pointer (&copy);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_handle_id (&self->complete_id, g_source_remove);
  drop_pages (self);

  old_len = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);

  /* The rows the views show keep their objects, which take the data of
   * the new rows at their positions; only the difference in length is
   * announced. Replacing them would make GTK 4.8 destroy and build every
   * row widget again, and look for each old row among all the new ones. */
  reuse_handed (self);

  if (self->ids->len < old_len)
    emit_change (self, self->ids->len, old_len - self->ids->len, 0);
  else if (self->ids->len > old_len)
    emit_change (self, old_len, 0, self->ids->len - old_len);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
  if (old_len != self->ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);

  if (!complete)
    self->complete_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, complete_idle_cb, self, NULL);

  return TRUE;
}

/**
 * budg_register_model_set_progressive:
 *
 * When set, budg_register_model_set_query() reads only the first rows of a
 * long list and the rest from an idle callback, so that the top shows at
 * once; "n-items" grows when the rest is in. Off by default.
 */
void
budg_register_model_set_progressive (BudgRegisterModel *self,
                                     gboolean           progressive)
{
  g_return_if_fail (BUDG_IS_REGISTER_MODEL (self));

  self->progressive = !!progressive;
}

/**
 * budg_register_model_is_complete:
 *
 * Returns: %FALSE while the rest of a progressive query is still to come
 */
gboolean
budg_register_model_is_complete (BudgRegisterModel *self)
{
  g_return_val_if_fail (BUDG_IS_REGISTER_MODEL (self), TRUE);

  return self->complete_id == 0;
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
  g_return_val_if_fail (position < self->ids->len - self->hidden_count, 0);

  return g_array_index (self->ids, gint64, visible_to_index (self, position));
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
