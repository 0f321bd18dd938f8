/* budg-bank-sync.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-bank-sync"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-bank-sync.h"
#include "budg-plaid-store.h"
#include "budg-plaid-tasks.h"

/* The first sync waits until the window has shown its data. */
#define START_DELAY_SECONDS 3

struct _BudgBankSync
{
  GObject       parent_instance;

  BudgContext  *context;
  GCancellable *cancellable;
  guint         timeout_id;
  gboolean      running;
};

G_DEFINE_FINAL_TYPE (BudgBankSync, budg_bank_sync, G_TYPE_OBJECT)

enum {
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
has_connections (BudgBankSync *self)
{
  g_autoptr(GPtrArray) items = budg_plaid_store_list_items (budg_context_get_database (self->context), NULL);

  return items != NULL && items->len > 0;
}

static void
synced_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(BudgBankSync) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  gboolean ok = budg_plaid_sync_finish (result, &summary, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->running = FALSE;
  /* The sync wrote through a connection of its own. */
  budg_database_emit_changed (budg_context_get_database (self->context), "*");

  if (!ok)
    message = g_strdup (error->message);
  else if (summary.added + summary.modified + summary.removed > 0)
    /* Translators: after a background bank sync; the numbers are transactions. */
    message = g_strdup_printf (_("Banks synced: %u new, %u changed, %u removed"), summary.added, summary.modified,
                               summary.removed);

  g_signal_emit (self, signals[FINISHED], 0, ok, message);
}

/**
 * budg_bank_sync_run:
 * @self: a scheduler
 *
 * Returns: whether a sync started (or was already running)
 */
gboolean
budg_bank_sync_run (BudgBankSync *self)
{
  g_return_val_if_fail (BUDG_IS_BANK_SYNC (self), FALSE);

  if (self->running)
    return TRUE;
  if (!has_connections (self))
    return FALSE;

  self->running = TRUE;
  budg_plaid_sync_async (budg_database_get_path (budg_context_get_database (self->context)), NULL,
                         self->cancellable, synced_cb, g_object_ref (self));

  return TRUE;
}

gboolean
budg_bank_sync_is_running (BudgBankSync *self)
{
  g_return_val_if_fail (BUDG_IS_BANK_SYNC (self), FALSE);

  return self->running;
}

static gboolean
timeout_cb (gpointer data)
{
  budg_bank_sync_run (data);

  return G_SOURCE_CONTINUE;
}

/* The timer of the "bank-sync-interval" setting (none at 0). */
static void
schedule (BudgBankSync *self)
{
  GSettings *settings = budg_context_get_settings (self->context);
  guint minutes = settings != NULL ? g_settings_get_uint (settings, "bank-sync-interval") : 0;

  self->timeout_id = minutes > 0 ? g_timeout_add_seconds (minutes * 60, timeout_cb, self) : 0;
}

static gboolean
first_sync_cb (gpointer data)
{
  BudgBankSync *self = data;

  /* This source ends here; the id now names the interval's. */
  schedule (self);
  budg_bank_sync_run (self);

  return G_SOURCE_REMOVE;
}

static void
interval_changed_cb (BudgBankSync *self)
{
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  schedule (self);
}

static void
budg_bank_sync_dispose (GObject *object)
{
  BudgBankSync *self = (BudgBankSync *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (budg_bank_sync_parent_class)->dispose (object);
}

static void
budg_bank_sync_finalize (GObject *object)
{
  BudgBankSync *self = (BudgBankSync *) object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (budg_bank_sync_parent_class)->finalize (object);
}

static void
budg_bank_sync_class_init (BudgBankSyncClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = budg_bank_sync_dispose;
  object_class->finalize = budg_bank_sync_finalize;

  /**
   * BudgBankSync::finished:
   * @ok: whether every connection synced
   * @message: (nullable): what to tell the user
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                    G_TYPE_NONE, 2, G_TYPE_BOOLEAN, G_TYPE_STRING);
}

static void
budg_bank_sync_init (BudgBankSync *self)
{
  self->cancellable = g_cancellable_new ();
}

BudgBankSync *
budg_bank_sync_new (BudgContext *context)
{
  BudgBankSync *self;
  GSettings *settings;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);

  self = g_object_new (BUDG_TYPE_BANK_SYNC, NULL);
  self->context = g_object_ref (context);
  self->timeout_id = g_timeout_add_seconds (START_DELAY_SECONDS, first_sync_cb, self);

  settings = budg_context_get_settings (context);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::bank-sync-interval", G_CALLBACK (interval_changed_cb), self,
                             G_CONNECT_SWAPPED);

  return self;
}
