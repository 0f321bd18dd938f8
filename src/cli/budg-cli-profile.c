/* budg-cli-profile.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-profile"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-account-store.h"
#include "budg-account.h"
#include "budg-cli-private.h"
#include "budg-import-profiles.h"

/* The settings as a JSON object of the key file's values (all strings, as
 * the key file holds them), so that scripts need no key-file parser. */
static void
add_settings (JsonBuilder *builder,
              const char  *settings)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();

  json_builder_set_member_name (builder, "settings");
  json_builder_begin_object (builder);

  if (settings != NULL && g_key_file_load_from_data (key_file, settings, -1, G_KEY_FILE_NONE, NULL))
    {
      g_auto(GStrv) groups = g_key_file_get_groups (key_file, NULL);

      for (guint i = 0; groups[i] != NULL; i++)
        {
          g_auto(GStrv) keys = g_key_file_get_keys (key_file, groups[i], NULL, NULL);

          for (guint j = 0; keys != NULL && keys[j] != NULL; j++)
            {
              g_autofree char *value = g_key_file_get_string (key_file, groups[i], keys[j], NULL);

              budg_cli_json_add_string (builder, keys[j], value);
            }
        }
    }

  json_builder_end_object (builder);
}

static const char *
account_name (BudgContext *context,
              gint64       account_id)
{
  BudgAccount *account;

  if (account_id == 0)
    return NULL;

  account = budg_account_store_lookup (budg_context_get_accounts (context), account_id);

  return account != NULL ? budg_account_get_name (account) : NULL;
}

int
budg_cli_profile_list (BudgCli              *cli,
                       const BudgCliCommand *command,
                       int                   argc,
                       char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  profiles = budg_import_profiles_list (budg_context_get_database (context), &error);
  if (profiles == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < profiles->len; i++)
        {
          BudgImportProfile *profile = g_ptr_array_index (profiles, i);

          json_builder_begin_object (builder);
          budg_cli_json_add_int (builder, "id", profile->id);
          budg_cli_json_add_string (builder, "name", profile->name);
          budg_cli_json_add_string (builder, "signature", profile->header_signature);
          budg_cli_json_add_string (builder, "account", account_name (context, profile->account_id));
          budg_cli_json_add_string (builder, "last_used_at", profile->last_used_at);
          add_settings (builder, profile->settings);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (profiles->len == 0)
    {
      g_print (_("There are no import profiles. “budg-cli import FILE --save-profile NAME” saves one.\n"));
    }
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (3,
                                                          _("Name"), FALSE,
                                                          _("Account"), FALSE,
                                                          _("Last used"), FALSE);

      for (guint i = 0; i < profiles->len; i++)
        {
          BudgImportProfile *profile = g_ptr_array_index (profiles, i);
          const char *account = account_name (context, profile->account_id);

          budg_cli_table_add_row (table, profile->name,
                                  account != NULL ? account : "",
                                  profile->last_used_at != NULL ? profile->last_used_at : _("never"));
        }
      budg_cli_table_print (table);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_profile_delete (BudgCli              *cli,
                         const BudgCliCommand *command,
                         int                   argc,
                         char                **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportProfile) profile = NULL;
  g_autofree char *message = NULL;
  const char *name = NULL;
  BudgContext *context;
  BudgDatabase *database;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, &name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  /* Found first, for the id that --json reports. */
  profile = budg_import_profiles_find (database, name, &error);
  if (profile == NULL)
    return budg_cli_fail (error);
  if (!budg_import_profiles_delete (database, profile->name, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Deleted the import profile “%s”."), profile->name);

  return budg_cli_print_deleted (cli, profile->id, message);
}
