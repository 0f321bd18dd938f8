/* budg-cli-import.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-import"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-csv-profile.h"
#include "budg-error.h"
#include "budg-import-profiles.h"
#include "budg-importer.h"

typedef struct
{
  const char *account;
  const char *format;
  const char *profile;
  const char *save_profile;
  const char *encoding;
  const char *date_format;
  const char *columns;
  const char *delimiter;
  const char *skip_lines;
  const char *currency;
  gboolean    decimal_comma;
  gboolean    include_possible;
  gboolean    dry_run;
} ImportArguments;

static gboolean
parse_delimiter (const char  *text,
                 char        *out_delimiter,
                 GError     **error)
{
  if (g_ascii_strcasecmp (text, "tab") == 0 || strcmp (text, "\\t") == 0 || strcmp (text, "\t") == 0)
    *out_delimiter = '\t';
  else if (strlen (text) == 1 && strchr (",;|:", text[0]) != NULL)
    *out_delimiter = text[0];
  else
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a delimiter Budg reads. Use “,”, “;”, “|”, “:” or “tab”."), text);
      return FALSE;
    }

  return TRUE;
}

/* The CSV reading options the command line asks for, on top of a profile. */
static gboolean
apply_csv_arguments (const ImportArguments  *arguments,
                     BudgCsvOptions         *csv,
                     GError                **error)
{
  if (arguments->columns != NULL)
    {
      if (!budg_csv_columns_parse (&csv->columns, arguments->columns, error))
        return FALSE;
      csv->columns_set = TRUE;
    }

  if (arguments->delimiter != NULL && !parse_delimiter (arguments->delimiter, &csv->delimiter, error))
    return FALSE;

  if (arguments->skip_lines != NULL)
    {
      guint skip;

      if (!budg_cli_parse_count (arguments->skip_lines, &skip) || skip > 1000)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("“%s” is not a number of lines to skip."), arguments->skip_lines);
          return FALSE;
        }
      csv->skip_lines = skip;
    }

  return TRUE;
}

static gboolean
csv_arguments_given (const ImportArguments *arguments)
{
  return arguments->columns != NULL || arguments->delimiter != NULL || arguments->skip_lines != NULL;
}

static BudgImportProfile *
find_profile (BudgDatabase           *database,
              const ImportArguments  *arguments,
              const guint8           *data,
              gsize                   length,
              GError                **error)
{
  g_autofree char *signature = NULL;

  if (arguments->profile != NULL)
    return budg_import_profiles_find (database, arguments->profile, error);

  /* A file laid out like one a profile was saved from reads the same way,
   * unless the command line says how to read it. */
  if (csv_arguments_given (arguments))
    return NULL;

  signature = budg_csv_profile_signature (data, length, NULL);
  if (signature == NULL)
    return NULL;

  return budg_import_profiles_find_by_signature (database, signature, error);
}

static void
add_rejected_json (JsonBuilder    *builder,
                   BudgImportPlan *plan)
{
  GPtrArray *rejected = budg_import_plan_get_rejected (plan);

  json_builder_set_member_name (builder, "rejected");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rejected->len; i++)
    {
      BudgImportRejection *rejection = g_ptr_array_index (rejected, i);

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "line", rejection->line);
      budg_cli_json_add_string (builder, "reason", rejection->reason);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

typedef struct
{
  guint imported;
  guint linked;
} TargetCounts;

static void
count_written (BudgImportPlan *plan,
               TargetCounts   *counts)
{
  for (guint i = 0; i < budg_import_plan_get_n_items (plan); i++)
    {
      const BudgImportItem *item = budg_import_plan_get_item (plan, i);

      if (!item->include)
        continue;
      if (item->kind == BUDG_IMPORT_ITEM_MATCH)
        counts[item->target].linked++;
      else
        counts[item->target].imported++;
    }
}

static void
print_json (BudgImportPlan          *plan,
            const BudgImportSummary *summary,
            const gboolean          *created,
            const char              *profile,
            gboolean                 dry_run)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  guint n_targets = budg_import_plan_get_n_targets (plan);
  g_autofree TargetCounts *counts = g_new0 (TargetCounts, MAX (n_targets, 1));

  count_written (plan, counts);

  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "imported", summary->imported);
  budg_cli_json_add_int (builder, "duplicates", summary->duplicates);
  budg_cli_json_add_int (builder, "possible_duplicates", summary->possible_duplicates);
  budg_cli_json_add_int (builder, "linked", summary->linked);
  add_rejected_json (builder, plan);

  json_builder_set_member_name (builder, "accounts");
  json_builder_begin_array (builder);
  for (guint t = 0; t < n_targets; t++)
    {
      const BudgImportTarget *target = budg_import_plan_get_target (plan, t);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      if (target->account_id != 0)
        json_builder_add_int_value (builder, target->account_id);
      else
        json_builder_add_null_value (builder);
      budg_cli_json_add_string (builder, "name", target->account_name);
      budg_cli_json_add_string (builder, "currency", target->currency);
      budg_cli_json_add_boolean (builder, "created", created[t]);
      budg_cli_json_add_int (builder, "imported", counts[t].imported);
      budg_cli_json_add_int (builder, "duplicates", target->n_duplicates);
      budg_cli_json_add_int (builder, "possible_duplicates", target->n_possible_duplicates);
      budg_cli_json_add_int (builder, "linked", counts[t].linked);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "batch");
  if (summary->batch_id != 0)
    json_builder_add_int_value (builder, summary->batch_id);
  else
    json_builder_add_null_value (builder);
  budg_cli_json_add_string (builder, "format", budg_import_format_to_string (budg_import_plan_get_format (plan)));
  budg_cli_json_add_string (builder, "encoding", budg_import_plan_get_encoding (plan));
  budg_cli_json_add_string (builder, "profile", profile);
  budg_cli_json_add_boolean (builder, "dry_run", dry_run);
  json_builder_end_object (builder);

  budg_cli_print_json (builder);
}

static void
print_text (BudgImportPlan          *plan,
            const BudgImportSummary *summary,
            const gboolean          *created,
            gboolean                 dry_run)
{
  GPtrArray *rejected = budg_import_plan_get_rejected (plan);
  guint n_targets = budg_import_plan_get_n_targets (plan);
  g_autofree TargetCounts *counts = g_new0 (TargetCounts, MAX (n_targets, 1));

  count_written (plan, counts);

  for (guint t = 0; t < n_targets; t++)
    {
      const BudgImportTarget *target = budg_import_plan_get_target (plan, t);

      if (dry_run)
        g_print (ngettext ("Would import %u transaction into “%s”%s.\n",
                           "Would import %u transactions into “%s”%s.\n", counts[t].imported),
                 counts[t].imported, target->account_name, created[t] ? _(" (a new account)") : "");
      else
        g_print (ngettext ("Imported %u transaction into “%s”%s.\n",
                           "Imported %u transactions into “%s”%s.\n", counts[t].imported),
                 counts[t].imported, target->account_name, created[t] ? _(" (a new account)") : "");
    }

  if (n_targets == 0)
    g_print (dry_run ? _("No transactions would be imported.\n") : _("No transactions were imported.\n"));

  if (summary->linked > 0)
    g_print (ngettext ("%u transaction entered by hand matched the bank’s and was linked to it.\n",
                       "%u transactions entered by hand matched the bank’s and were linked to them.\n",
                       summary->linked),
             summary->linked);
  if (summary->duplicates > 0)
    g_print (ngettext ("%u transaction was already there and was skipped.\n",
                       "%u transactions were already there and were skipped.\n", summary->duplicates),
             summary->duplicates);
  if (summary->possible_duplicates > 0)
    g_print (ngettext ("%u transaction looks like one already there (possible duplicate); review it in Budg, or import again with --include-possible to add it anyway.\n",
                       "%u transactions look like ones already there (possible duplicates); review them in Budg, or import again with --include-possible to add them anyway.\n",
                       summary->possible_duplicates),
             summary->possible_duplicates);

  for (guint i = 0; i < rejected->len; i++)
    {
      BudgImportRejection *rejection = g_ptr_array_index (rejected, i);

      if (rejection->line > 0)
        g_print (_("Line %u was not imported: %s\n"), rejection->line, rejection->reason);
      else
        g_print (_("A transaction was not imported: %s\n"), rejection->reason);
    }
}

static gboolean
save_profile (BudgDatabase           *database,
              const char             *name,
              const guint8           *data,
              gsize                   length,
              const BudgImportOptions *options,
              gint64                  account_id,
              GError                **error)
{
  g_autoptr(BudgCsvOptions) hints = options->csv != NULL ? budg_csv_options_copy (options->csv)
                                                          : budg_csv_options_new ();
  g_autoptr(BudgCsvOptions) resolved = NULL;
  g_autoptr(BudgImportProfile) profile = budg_import_profile_new ();

  if (hints->encoding == NULL)
    hints->encoding = g_strdup (options->encoding);
  if (hints->date_order == BUDG_DATE_ORDER_AUTO)
    hints->date_order = options->date_order;
  if (hints->decimal_mark == BUDG_DECIMAL_MARK_AUTO)
    hints->decimal_mark = options->decimal_mark;

  resolved = budg_csv_detect (data, length, hints, error);
  if (resolved == NULL)
    return FALSE;

  profile->name = g_strdup (name);
  profile->settings = budg_csv_profile_to_settings (resolved);
  profile->header_signature = budg_csv_profile_signature (data, length, resolved);
  profile->account_id = account_id;

  return budg_import_profiles_save (database, profile, error);
}

int
budg_cli_import (BudgCli               *cli,
                 const BudgCliCommand  *command,
                 int                    argc,
                 char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportOptions) options = budg_import_options_new ();
  g_autoptr(BudgImportProfile) profile = NULL;
  g_autoptr(BudgImportPlan) plan = NULL;
  g_autofree gboolean *created = NULL;
  g_autofree char *contents = NULL;
  ImportArguments arguments = { 0 };
  const BudgCliOption option_table[] = {
    { "account", TRUE, &arguments.account },
    { "format", TRUE, &arguments.format },
    { "profile", TRUE, &arguments.profile },
    { "save-profile", TRUE, &arguments.save_profile },
    { "encoding", TRUE, &arguments.encoding },
    { "date-format", TRUE, &arguments.date_format },
    { "columns", TRUE, &arguments.columns },
    { "delimiter", TRUE, &arguments.delimiter },
    { "skip-lines", TRUE, &arguments.skip_lines },
    { "currency", TRUE, &arguments.currency },
    { "decimal-comma", FALSE, &arguments.decimal_comma },
    { "include-possible", FALSE, &arguments.include_possible },
    { "dry-run", FALSE, &arguments.dry_run },
    { NULL }
  };
  BudgImportSummary summary = { 0 };
  BudgImportResult *result;
  BudgDatabase *database;
  BudgContext *context;
  const char *path = NULL;
  gsize length = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, option_table, &path);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (arguments.format != NULL && g_ascii_strcasecmp (arguments.format, "auto") != 0)
    {
      options->format = budg_import_format_from_string (arguments.format);
      if (options->format == BUDG_IMPORT_FORMAT_UNKNOWN)
        return budg_cli_usage_error (command, _("“%s” is not a format Budg imports: use auto, csv, ofx, qfx or qif."),
                                     arguments.format);
    }

  if (arguments.date_format != NULL && !budg_date_order_from_string (arguments.date_format, &options->date_order))
    return budg_cli_usage_error (command, _("“%s” does not say in which order day, month and year come: use for example DD/MM/YYYY, MM/DD/YYYY or YYYY-MM-DD."),
                                 arguments.date_format);

  if (arguments.currency != NULL)
    {
      g_autofree char *code = g_ascii_strup (arguments.currency, -1);

      if (strlen (code) != 3 || !g_ascii_isalpha (code[0]) || !g_ascii_isalpha (code[1]) || !g_ascii_isalpha (code[2]))
        return budg_cli_usage_error (command, _("“%s” is not a currency code such as EUR or USD."), arguments.currency);
      options->currency = g_steal_pointer (&code);
    }

  options->decimal_mark = arguments.decimal_comma ? BUDG_DECIMAL_MARK_COMMA : BUDG_DECIMAL_MARK_AUTO;
  options->encoding = g_strdup (arguments.encoding);
  options->filename = g_path_get_basename (path);

  if (!g_file_get_contents (path, &contents, &length, &error))
    return budg_cli_fail_message (_("Cannot read “%s”: %s. Nothing was imported."), path, error->message);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  if (arguments.account != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context), arguments.account, &error);

      if (account == NULL)
        return budg_cli_fail (error);
      options->account_id = budg_account_get_id (account);
      if (options->currency == NULL)
        options->currency = g_strdup (budg_account_get_currency (account));
    }
  if (options->currency == NULL)
    options->currency = g_strdup (budg_context_get_default_currency (context));

  /* CSV: a saved profile first, then what the command line says on top. */
  if (options->format == BUDG_IMPORT_FORMAT_CSV ||
      (options->format == BUDG_IMPORT_FORMAT_UNKNOWN &&
       budg_import_detect_format ((const guint8 *) contents, length, path) == BUDG_IMPORT_FORMAT_CSV))
    {
      profile = find_profile (database, &arguments, (const guint8 *) contents, length, &error);
      if (profile == NULL && error != NULL)
        return budg_cli_fail (error);

      if (profile != NULL)
        {
          options->csv = budg_csv_profile_from_settings (profile->settings, &error);
          if (options->csv == NULL)
            return budg_cli_fail (error);
          if (options->account_id == 0 && profile->account_id != 0)
            options->account_id = profile->account_id;
        }
      else
        {
          options->csv = budg_csv_options_new ();
        }

      if (!apply_csv_arguments (&arguments, options->csv, &error))
        return budg_cli_fail (error);
      if (arguments.decimal_comma)
        options->csv->decimal_mark = BUDG_DECIMAL_MARK_COMMA;
      if (arguments.date_format != NULL)
        options->csv->date_order = options->date_order;
      options->format = BUDG_IMPORT_FORMAT_CSV;
    }
  else if (arguments.profile != NULL || arguments.save_profile != NULL || csv_arguments_given (&arguments))
    {
      return budg_cli_usage_error (command, _("--profile, --save-profile, --columns, --delimiter and --skip-lines are for CSV files only."));
    }

  result = budg_importer_parse ((const guint8 *) contents, length, options, &error);
  if (result == NULL && g_error_matches (error, BUDG_ERROR, BUDG_ERROR_AMBIGUOUS_DATES))
    return budg_cli_fail_message (_("%s Give it with --date-format, for example DD/MM/YYYY or MM/DD/YYYY. Nothing was imported."),
                                  error->message);
  if (result == NULL)
    return budg_cli_fail_message (_("%s Nothing was imported."), error->message);

  /* OFX and QIF statements name their account; most CSV files do not, and
   * guessing would mix two banks' files in one account. */
  if (options->account_id == 0 && result->format == BUDG_IMPORT_FORMAT_CSV)
    for (guint s = 0; s < result->statements->len; s++)
      {
        BudgImportStatement *statement = g_ptr_array_index (result->statements, s);

        if (statement->account_name == NULL && statement->account_number == NULL)
          {
            budg_import_result_free (result);
            return budg_cli_fail_message (_("“%s” does not say which account its transactions belong to. "
                                            "Name it with --account (add it first with “budg-cli account add” if it is new). "
                                            "Nothing was imported."),
                                          options->filename);
          }
      }

  plan = budg_importer_plan (database, result, options, NULL, NULL, &error);
  if (plan == NULL)
    return budg_cli_fail_message (_("%s Nothing was imported."), error->message);

  if (arguments.include_possible)
    for (guint i = 0; i < budg_import_plan_get_n_items (plan); i++)
      if (budg_import_plan_get_item (plan, i)->kind == BUDG_IMPORT_ITEM_POSSIBLE_DUPLICATE)
        budg_import_plan_set_included (plan, i, TRUE);

  created = g_new0 (gboolean, MAX (budg_import_plan_get_n_targets (plan), 1));
  for (guint t = 0; t < budg_import_plan_get_n_targets (plan); t++)
    created[t] = budg_import_plan_get_target (plan, t)->account_id == 0;

  if (arguments.dry_run)
    {
      budg_import_summary_from_plan (plan, &summary);
    }
  else
    {
      if (!budg_importer_commit (database, plan, NULL, NULL, &summary, &error))
        return budg_cli_fail_message (_("%s Nothing was imported."), error->message);

      if (profile != NULL && !budg_import_profiles_touch (database, profile->id, 0, &error))
        g_warning ("Could not record the use of the profile: %s", error->message);
      g_clear_error (&error);

      if (arguments.save_profile != NULL)
        {
          const BudgImportTarget *first = budg_import_plan_get_n_targets (plan) > 0
                                          ? budg_import_plan_get_target (plan, 0) : NULL;

          if (!save_profile (database, arguments.save_profile, (const guint8 *) contents, length, options,
                             first != NULL ? first->account_id : 0, &error))
            return budg_cli_fail_message (_("The transactions were imported, but the profile could not be saved: %s"),
                                          error->message);
        }
    }

  if (cli->json)
    print_json (plan, &summary, created, profile != NULL ? profile->name : NULL, arguments.dry_run);
  else
    print_text (plan, &summary, created, arguments.dry_run);

  return BUDG_CLI_EXIT_OK;
}
