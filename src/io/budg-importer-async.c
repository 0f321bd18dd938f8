/* budg-importer-async.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-importer"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-importer.h"

/* The import dialog's worker threads. SQLite connections and Budg's
 * statement cache belong to one thread, so the worker opens a connection of
 * its own to the same file (WAL lets the window keep reading meanwhile) and
 * the window's connection hears about the new rows once the worker is done,
 * on the main thread. */

typedef struct
{
  char               *path;
  GBytes             *data;
  BudgImportOptions  *options;
  BudgImportPlan     *plan;
  BudgImportProgress *progress;
  BudgImportSummary   summary;
  gint64              batch_id;
} Job;

static void
job_free (Job *job)
{
  g_free (job->path);
  g_clear_pointer (&job->data, g_bytes_unref);
  g_clear_pointer (&job->options, budg_import_options_free);
  g_clear_pointer (&job->plan, budg_import_plan_unref);
  g_free (job);
}

static BudgImportOptions *
copy_options (const BudgImportOptions *options)
{
  BudgImportOptions *copy = budg_import_options_new ();

  *copy = *options;
  copy->currency = g_strdup (options->currency);
  copy->csv = options->csv != NULL ? budg_csv_options_copy (options->csv) : NULL;
  copy->encoding = g_strdup (options->encoding);
  copy->filename = g_strdup (options->filename);

  return copy;
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  BudgImportResult *result;
  BudgImportPlan *plan;
  GError *error = NULL;
  gsize length;
  const guint8 *data = g_bytes_get_data (job->data, &length);

  result = budg_importer_parse (data, length, job->options, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    {
      budg_import_result_free (result);
      return;
    }

  database = budg_database_open (job->path, &error);
  if (database == NULL)
    {
      budg_import_result_free (result);
      g_task_return_error (task, error);
      return;
    }

  plan = budg_importer_plan (database, result, job->options, cancellable, job->progress, &error);
  if (plan == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, plan, (GDestroyNotify) budg_import_plan_unref);
}

/**
 * budg_importer_plan_async:
 * @database: the window's database (only its file is used in the thread)
 * @data: the file's bytes
 * @options: how to read them
 * @cancellable: (nullable): to stop
 * @progress: (nullable): filled in by the worker; must outlive the task
 * @callback: called on the calling thread's main context
 * @user_data: for @callback
 *
 * Parses and plans an import in a worker thread.
 */
void
budg_importer_plan_async (BudgDatabase             *database,
                          GBytes                   *data,
                          const BudgImportOptions  *options,
                          GCancellable             *cancellable,
                          BudgImportProgress       *progress,
                          GAsyncReadyCallback       callback,
                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (BUDG_IS_DATABASE (database));
  g_return_if_fail (data != NULL);
  g_return_if_fail (options != NULL);

  job = g_new0 (Job, 1);
  job->path = g_strdup (budg_database_get_path (database));
  job->data = g_bytes_ref (data);
  job->options = copy_options (options);
  job->progress = progress;

  task = g_task_new (database, cancellable, callback, user_data);
  g_task_set_source_tag (task, budg_importer_plan_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, plan_thread);
}

/**
 * budg_importer_plan_finish:
 * @result: the task
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the plan, or %NULL on error or cancellation
 */
BudgImportPlan *
budg_importer_plan_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
commit_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  GError *error = NULL;

  database = budg_database_open (job->path, &error);
  if (database == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!budg_importer_commit (database, job->plan, cancellable, job->progress, &job->summary, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
commit_done (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  Job *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  /* The window's connection reloads what it shows. */
  budg_database_emit_changed (BUDG_DATABASE (source_object), "*");

  g_task_return_pointer (outer, g_memdup2 (&job->summary, sizeof job->summary), g_free);
}

/**
 * budg_importer_commit_async:
 * @database: the window's database
 * @plan: what to write
 * @cancellable: (nullable): to stop; the database then stays as it was
 * @progress: (nullable): filled in by the worker; must outlive the task
 * @callback: called on the calling thread's main context, after @database
 *   emitted "changed"
 * @user_data: for @callback
 *
 * Commits a plan in a worker thread.
 */
void
budg_importer_commit_async (BudgDatabase        *database,
                            BudgImportPlan      *plan,
                            GCancellable        *cancellable,
                            BudgImportProgress  *progress,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  Job *job;

  g_return_if_fail (BUDG_IS_DATABASE (database));
  g_return_if_fail (plan != NULL);

  outer = g_task_new (database, cancellable, callback, user_data);
  g_task_set_source_tag (outer, budg_importer_commit_async);

  job = g_new0 (Job, 1);
  job->path = g_strdup (budg_database_get_path (database));
  job->plan = budg_import_plan_ref (plan);
  job->progress = progress;

  inner = g_task_new (database, cancellable, commit_done, outer);
  g_task_set_task_data (inner, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (inner, commit_thread);
}

/**
 * budg_importer_commit_finish:
 * @result: the task
 * @out_summary: (out) (optional): what was done
 * @error: return location for a #GError
 *
 * Returns: %FALSE on error or cancellation, with nothing written
 */
gboolean
budg_importer_commit_finish (GAsyncResult       *result,
                             BudgImportSummary  *out_summary,
                             GError            **error)
{
  g_autofree BudgImportSummary *summary = NULL;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  summary = g_task_propagate_pointer (G_TASK (result), error);
  if (summary == NULL)
    return FALSE;

  if (out_summary != NULL)
    *out_summary = *summary;

  return TRUE;
}

static void
undo_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(BudgDatabase) database = NULL;
  GError *error = NULL;

  database = budg_database_open (job->path, &error);
  if (database == NULL || !budg_importer_undo (database, job->batch_id, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
undo_done (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (outer, error);
      return;
    }

  budg_database_emit_changed (BUDG_DATABASE (source_object), "*");
  g_task_return_boolean (outer, TRUE);
}

/**
 * budg_importer_undo_async:
 * @database: the window's database
 * @batch_id: the import to take back
 * @callback: called on the calling thread's main context, after @database
 *   emitted "changed"
 * @user_data: for @callback
 *
 * Takes an import back in a worker thread.
 */
void
budg_importer_undo_async (BudgDatabase        *database,
                          gint64               batch_id,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) inner = NULL;
  GTask *outer;
  Job *job;

  g_return_if_fail (BUDG_IS_DATABASE (database));

  outer = g_task_new (database, NULL, callback, user_data);
  g_task_set_source_tag (outer, budg_importer_undo_async);

  job = g_new0 (Job, 1);
  job->path = g_strdup (budg_database_get_path (database));
  job->batch_id = batch_id;

  inner = g_task_new (database, NULL, undo_done, outer);
  g_task_set_task_data (inner, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (inner, undo_thread);
}

gboolean
budg_importer_undo_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
