/* budg-plaid-tasks.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-plaid-tasks"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-error.h"
#include "budg-plaid-keyring.h"
#include "budg-plaid-link.h"
#include "budg-plaid-store.h"
#include "budg-plaid-tasks.h"

/* At most this long between two polls of a session in the browser. */
#define LINK_WAIT_SECONDS (30 * 60)

typedef struct
{
  char                 *path;
  BudgPlaidEnvironment  environment;
  char                 *item_id;
  char                 *client_id;
  char                 *secret;
  char                 *link_token;
  char                 *expiration;
  gboolean              update_mode;
  guint                 interval_ms;
  volatile gint        *poll_now;
  BudgPlaidLinked      *linked;
  GHashTable           *mapping;
  BudgPlaidSyncSummary  summary;
} Job;

static void
wipe (char *secret)
{
  if (secret != NULL)
    explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static void
job_free (Job *job)
{
  g_free (job->path);
  g_free (job->item_id);
  g_free (job->client_id);
  wipe (job->secret);
  g_free (job->link_token);
  g_free (job->expiration);
  g_clear_pointer (&job->linked, budg_plaid_linked_free);
  g_clear_pointer (&job->mapping, g_hash_table_unref);
  g_free (job);
}

void
budg_plaid_linked_free (BudgPlaidLinked *linked)
{
  if (linked == NULL)
    return;

  g_free (linked->item_id);
  g_free (linked->institution_name);
  g_clear_pointer (&linked->accounts, g_ptr_array_unref);
  wipe (linked->access_token);
  g_free (linked);
}

static GTask *
job_task (Job                 *job,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);

  return task;
}

/* --- Keys ----------------------------------------------------------------- */

static void
load_keys_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  char *client_id = NULL;
  char *secret = NULL;
  GError *error = NULL;

  if (!budg_plaid_keyring_lookup_keys (job->environment, &client_id, &secret, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  wipe (secret);
  g_task_return_pointer (task, client_id, g_free);
}

void
budg_plaid_load_keys_async (BudgPlaidEnvironment  environment,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = job_task (job, cancellable, callback, user_data, budg_plaid_load_keys_async);

  job->environment = environment;
  g_task_run_in_thread (task, load_keys_thread);
}

char *
budg_plaid_load_keys_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
save_keys_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (!budg_plaid_keyring_store_keys (job->environment, job->client_id, job->secret, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
budg_plaid_save_keys_async (BudgPlaidEnvironment  environment,
                            const char           *client_id,
                            const char           *secret,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = job_task (job, cancellable, callback, user_data, budg_plaid_save_keys_async);

  job->environment = environment;
  job->client_id = g_strstrip (g_strdup (client_id));
  job->secret = g_strstrip (g_strdup (secret));
  if (job->client_id[0] == '\0' || job->secret[0] == '\0')
    {
      g_task_return_new_error (task, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                               _("Enter both the client ID and the secret from Plaid’s dashboard."));
      return;
    }
  g_task_run_in_thread (task, save_keys_thread);
}

gboolean
budg_plaid_save_keys_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Linking -------------------------------------------------------------- */

static void
link_start_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(BudgPlaidClient) client = NULL;
  g_autofree char *access_token = NULL;
  BudgPlaidLinkToken *token;
  GError *error = NULL;

  if (!(client = budg_plaid_keyring_new_client (job->environment, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->item_id != NULL &&
      !(access_token = budg_plaid_keyring_lookup_token (job->environment, job->item_id, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  token = budg_plaid_link_create_token (client, access_token, cancellable, &error);
  if (access_token != NULL)
    explicit_bzero (access_token, strlen (access_token));
  if (token == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, token, (GDestroyNotify) budg_plaid_link_token_free);
}

void
budg_plaid_link_start_async (const char           *path,
                             BudgPlaidEnvironment  environment,
                             const char           *item_id,
                             GCancellable         *cancellable,
                             GAsyncReadyCallback   callback,
                             gpointer              user_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = job_task (job, cancellable, callback, user_data, budg_plaid_link_start_async);

  job->path = g_strdup (path);
  job->environment = environment;
  job->item_id = g_strdup (item_id);
  g_task_run_in_thread (task, link_start_thread);
}

BudgPlaidLinkToken *
budg_plaid_link_start_finish (GAsyncResult  *result,
                              GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Sleeps @ms, waking early on cancellation or a request to poll now. */
static void
nap (Job          *job,
     guint         ms,
     GCancellable *cancellable)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end && !g_cancellable_is_cancelled (cancellable))
    {
      if (job->poll_now != NULL && g_atomic_int_compare_and_exchange (job->poll_now, TRUE, FALSE))
        return;
      g_usleep (50000);
    }
}

static void
link_wait_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(BudgPlaidClient) client = NULL;
  g_autoptr(BudgPlaidLinkStatus) status = NULL;
  g_autoptr(BudgPlaidLinked) linked = NULL;
  g_autoptr(GDateTime) expires = job->expiration != NULL ? g_date_time_new_from_iso8601 (job->expiration, NULL)
                                                          : NULL;
  gint64 deadline = g_get_real_time () + (gint64) LINK_WAIT_SECONDS * G_USEC_PER_SEC;
  BudgPlaidLinkResult *result;
  GError *error = NULL;

  if (expires != NULL)
    deadline = MIN (deadline, g_date_time_to_unix (expires) * G_USEC_PER_SEC);

  if (!(client = budg_plaid_keyring_new_client (job->environment, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (;;)
    {
      g_clear_pointer (&status, budg_plaid_link_status_free);
      status = budg_plaid_link_get_status (client, job->link_token, cancellable, &error);
      if (status == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      if (status->state != BUDG_PLAID_LINK_WAITING)
        break;
      if (g_get_real_time () >= deadline)
        {
          g_task_return_new_error (task, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                                   _("The link expired before the bank was linked. Try again."));
          return;
        }
      nap (job, job->interval_ms, cancellable);
      if (g_task_return_error_if_cancelled (task))
        return;
    }

  if (status->state == BUDG_PLAID_LINK_EXITED)
    {
      g_task_return_new_error (task, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT, "%s",
                               status->exit_message != NULL ? status->exit_message
                               : _("The bank page was closed before the bank was linked."));
      return;
    }

  /* Update mode keeps the item and its token: nothing to exchange. */
  if (job->update_mode)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  if (status->results->len == 0)
    {
      g_task_return_new_error (task, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                               _("Plaid ended the session without a linked bank. Try again."));
      return;
    }

  /* Hosted Link may link several banks in one session; the dialog maps
   * one at a time, and the first is what the user just did. */
  result = g_ptr_array_index (status->results, 0);
  linked = g_new0 (BudgPlaidLinked, 1);
  linked->environment = job->environment;
  linked->institution_name = g_strdup (result->institution_name);
  if (!budg_plaid_link_exchange (client, result->public_token, &linked->item_id, &linked->access_token,
                                 cancellable, &error) ||
      !(linked->accounts = budg_plaid_fetch_accounts (client, linked->access_token, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, g_steal_pointer (&linked), (GDestroyNotify) budg_plaid_linked_free);
}

void
budg_plaid_link_wait_async (BudgPlaidEnvironment  environment,
                            const char           *link_token,
                            const char           *expiration,
                            gboolean              update_mode,
                            guint                 interval_ms,
                            volatile gint        *poll_now,
                            GCancellable         *cancellable,
                            GAsyncReadyCallback   callback,
                            gpointer              user_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = job_task (job, cancellable, callback, user_data, budg_plaid_link_wait_async);

  job->environment = environment;
  job->link_token = g_strdup (link_token);
  job->expiration = g_strdup (expiration);
  job->update_mode = update_mode;
  job->interval_ms = interval_ms;
  job->poll_now = poll_now;
  g_task_run_in_thread (task, link_wait_thread);
}

BudgPlaidLinked *
budg_plaid_link_wait_finish (GAsyncResult  *result,
                             GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
link_complete_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  Job *job = task_data;
  BudgPlaidLinked *linked = job->linked;
  g_autoptr(BudgDatabase) database = NULL;
  g_autoptr(BudgPlaidClient) client = NULL;
  GError *error = NULL;

  if (!(database = budg_database_open (job->path, &error)) ||
      !(client = budg_plaid_keyring_new_client (linked->environment, cancellable, &error)) ||
      !budg_plaid_keyring_store_token (linked->environment, linked->item_id, linked->access_token, cancellable,
                                       &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!budg_plaid_store_add_item (database, linked->item_id, linked->environment, linked->institution_name,
                                  linked->accounts, job->mapping, &error))
    {
      budg_plaid_keyring_delete_token (linked->environment, linked->item_id, NULL, NULL);
      g_task_return_error (task, error);
      return;
    }

  /* The first sync; when it fails the connection is there all the same,
   * marked with the error, and syncs again later. */
  if (!budg_plaid_sync_item (database, client, linked->item_id, linked->access_token, NULL, cancellable,
                             &job->summary, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

void
budg_plaid_link_complete_async (const char          *path,
                                BudgPlaidLinked     *linked,
                                GHashTable          *mapping,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = job_task (job, cancellable, callback, user_data, budg_plaid_link_complete_async);

  job->path = g_strdup (path);
  job->linked = linked;
  job->mapping = mapping != NULL ? g_hash_table_ref (mapping) : NULL;
  g_task_run_in_thread (task, link_complete_thread);
}

gboolean
budg_plaid_link_complete_finish (GAsyncResult          *result,
                                 BudgPlaidSyncSummary  *out_summary,
                                 GError               **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (out_summary != NULL)
    *out_summary = job->summary;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* --- Syncing and unlinking ------------------------------------------------ */

static gboolean
sync_one (BudgDatabase          *database,
          BudgPlaidItem         *item,
          BudgPlaidSyncSummary  *total,
          GCancellable          *cancellable,
          GError               **error)
{
  g_autoptr(BudgPlaidClient) client = NULL;
  BudgPlaidSyncSummary summary = { 0 };
  char *access_token;
  gboolean ok;

  if (!(client = budg_plaid_keyring_new_client (item->environment, cancellable, error)) ||
      !(access_token = budg_plaid_keyring_lookup_token (item->environment, item->item_id, cancellable, error)))
    {
      budg_plaid_store_set_state (database, item->item_id, BUDG_PLAID_ITEM_ERROR, (*error)->message, NULL);
      return FALSE;
    }

  ok = budg_plaid_sync_item (database, client, item->item_id, access_token, NULL, cancellable, &summary, error);
  wipe (access_token);

  total->added += summary.added;
  total->modified += summary.modified;
  total->removed += summary.removed;
  total->duplicates += summary.duplicates;
  total->balances += summary.balances;

  return ok;
}

static void
sync_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  g_autoptr(GPtrArray) items = NULL;
  GError *first_error = NULL;
  GError *error = NULL;

  if (!(database = budg_database_open (job->path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->item_id != NULL)
    {
      BudgPlaidItem *item = budg_plaid_store_get_item (database, job->item_id, &error);

      if (item == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      items = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_plaid_item_free);
      g_ptr_array_add (items, item);
    }
  else if (!(items = budg_plaid_store_list_items (database, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      BudgPlaidItem *item = g_ptr_array_index (items, i);

      if (!sync_one (database, item, &job->summary, cancellable, &error))
        {
          if (first_error == NULL)
            first_error = g_error_new (error->domain, error->code, "%s: %s",
                                       item->institution_name != NULL ? item->institution_name : item->item_id,
                                       error->message);
          g_clear_error (&error);
        }
    }

  if (first_error != NULL)
    g_task_return_error (task, first_error);
  else
    g_task_return_boolean (task, TRUE);
}

void
budg_plaid_sync_async (const char          *path,
                       const char          *item_id,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = job_task (job, cancellable, callback, user_data, budg_plaid_sync_async);

  job->path = g_strdup (path);
  job->item_id = g_strdup (item_id);
  g_task_run_in_thread (task, sync_thread);
}

gboolean
budg_plaid_sync_finish (GAsyncResult          *result,
                        BudgPlaidSyncSummary  *out_summary,
                        GError               **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (out_summary != NULL)
    *out_summary = job->summary;

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * budg_plaid_unlink:
 * @database: the database
 * @item_id: the connection
 * @cancellable: (nullable): to stop
 * @error: return location for a #GError
 *
 * Ends the item at Plaid first (a connection left open there is still
 * billed), then deletes its token and forgets it; its accounts and
 * transactions stay. A token already gone from the keyring can end
 * nothing at Plaid: the connection is then only forgotten.
 *
 * Returns: %FALSE on error, with nothing changed when Plaid could not be
 *   told
 */
gboolean
budg_plaid_unlink (BudgDatabase  *database,
                   const char    *item_id,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(BudgPlaidItem) item = NULL;
  g_autoptr(BudgPlaidClient) client = NULL;
  g_autoptr(GError) lookup_error = NULL;
  char *access_token;

  if (!(item = budg_plaid_store_get_item (database, item_id, error)))
    return FALSE;

  access_token = budg_plaid_keyring_lookup_token (item->environment, item->item_id, cancellable, &lookup_error);
  if (access_token == NULL && !g_error_matches (lookup_error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&lookup_error));
      return FALSE;
    }
  if (access_token != NULL)
    {
      gboolean removed = (client = budg_plaid_keyring_new_client (item->environment, cancellable, error)) != NULL &&
                         budg_plaid_remove_item (client, access_token, cancellable, error);

      wipe (access_token);
      if (!removed || !budg_plaid_keyring_delete_token (item->environment, item->item_id, cancellable, error))
        return FALSE;
    }

  return budg_plaid_store_remove_item (database, item->item_id, error);
}

static void
unlink_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  GError *error = NULL;

  if (!(database = budg_database_open (job->path, &error)) ||
      !budg_plaid_unlink (database, job->item_id, cancellable, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
budg_plaid_unlink_async (const char          *path,
                         const char          *item_id,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);
  g_autoptr(GTask) task = job_task (job, cancellable, callback, user_data, budg_plaid_unlink_async);

  job->path = g_strdup (path);
  job->item_id = g_strdup (item_id);
  g_task_run_in_thread (task, unlink_thread);
}

gboolean
budg_plaid_unlink_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
