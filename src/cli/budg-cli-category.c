/* budg-cli-category.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-category"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-error.h"

static void
category_to_json (BudgCategory *category,
                  JsonBuilder  *builder)
{
  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "id", budg_category_get_id (category));
  budg_cli_json_add_string (builder, "path", budg_category_get_path (category));
  budg_cli_json_add_string (builder, "name", budg_category_get_name (category));
  /* With two levels, the parent's path is its name. */
  budg_cli_json_add_string (builder, "parent",
                            budg_category_get_parent_id (category) != 0
                              ? budg_category_get_parent_name (category)
                              : NULL);
  budg_cli_json_add_boolean (builder, "is_income", budg_category_get_is_income (category));
  budg_cli_json_add_string (builder, "color", budg_category_get_color (category));
  json_builder_end_object (builder);
}

static void
print_category_json (BudgCategory *category)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  category_to_json (category, builder);
  budg_cli_print_json (builder);
}

int
budg_cli_category_add (BudgCli               *cli,
                       const BudgCliCommand  *command,
                       int                    argc,
                       char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgCategory) category = NULL;
  const char *path = NULL;
  gboolean income = FALSE;
  const BudgCliOption options[] = {
    { "income", FALSE, &income },
    { NULL }
  };
  BudgCategory *created;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &path);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  created = budg_category_store_create_path (budg_context_get_categories (context),
                                             path, income, &error);
  if (created == NULL)
    return budg_cli_fail (error);
  category = g_object_ref (created);

  if (cli->json)
    print_category_json (category);
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_category_get_id (category));

      g_print (_("Created category “%s” (id %s).\n"), budg_category_get_path (category), id);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_category_list (BudgCli               *cli,
                        const BudgCliCommand  *command,
                        int                    argc,
                        char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(BudgCliTable) table = NULL;
  BudgContext *context;
  GListModel *model;
  guint n_items;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  model = G_LIST_MODEL (budg_context_get_categories (context));
  n_items = g_list_model_get_n_items (model);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }
  else if (n_items == 0)
    {
      g_print ("%s\n", _("No categories yet. Add one with “budg-cli category add Food:Groceries”."));
      return BUDG_CLI_EXIT_OK;
    }
  else
    table = budg_cli_table_new (4,
                                _("ID"), TRUE,
                                _("Category"), FALSE,
                                _("Type"), FALSE,
                                _("Color"), FALSE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (model, i);

      if (cli->json)
        category_to_json (category, builder);
      else
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_category_get_id (category));

          budg_cli_table_add_row (table, id,
                                  budg_category_get_path (category),
                                  budg_category_get_is_income (category) ? _("income") : _("expense"),
                                  budg_category_get_color (category));
        }
    }

  if (cli->json)
    {
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else
    budg_cli_table_print (table);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_category_edit (BudgCli               *cli,
                        const BudgCliCommand  *command,
                        int                    argc,
                        char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgCategory) category = NULL;
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  const char *path = NULL;
  const char *name_text = NULL;
  const char *color_text = NULL;
  const BudgCliOption options[] = {
    { "name", TRUE, &name_text },
    { "color", TRUE, &color_text },
    { NULL }
  };
  BudgCategoryStore *store;
  BudgCategory *found;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &path);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (name_text == NULL && color_text == NULL)
    return budg_cli_usage_error (command, _("Nothing to change: give --name or --color."));

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_categories (context);

  if (!(found = budg_category_store_find (store, path, &error)))
    return budg_cli_fail (error);

  /* Our own reference: the change reloads the store, which drops its objects. */
  category = g_object_ref (found);

  /* Copies, since the store may update @category itself. */
  name = g_strdup (name_text != NULL ? name_text : budg_category_get_name (category));
  if (color_text == NULL)
    color = g_strdup (budg_category_get_color (category));
  else if (color_text[0] != '\0')
    color = g_strdup (color_text);

  if (!budg_category_store_update (store, category, name,
                                   budg_category_get_is_income (category),
                                   color, &error))
    return budg_cli_fail (error);

  found = budg_category_store_lookup (store, budg_category_get_id (category));
  if (found == NULL)
    found = category;

  if (cli->json)
    print_category_json (found);
  else
    g_print (_("Updated category “%s”.\n"), budg_category_get_path (found));

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_category_delete (BudgCli               *cli,
                          const BudgCliCommand  *command,
                          int                    argc,
                          char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgCategory) category = NULL;
  g_autoptr(BudgCategory) move_to = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  g_autoptr(GArray) moved = NULL;
  g_autoptr(GString) message = NULL;
  const char *path = NULL;
  const char *move_to_path = NULL;
  const BudgCliOption options[] = {
    { "move-to", TRUE, &move_to_path },
    { NULL }
  };
  BudgCategoryStore *store;
  BudgCategory *found;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &path);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_categories (context);

  if (!(found = budg_category_store_find (store, path, &error)))
    return budg_cli_fail (error);
  category = g_object_ref (found);

  if (move_to_path != NULL)
    {
      if (!(found = budg_category_store_find (store, move_to_path, &error)))
        return budg_cli_fail (error);
      move_to = g_object_ref (found);

      /* The children go too, so neither they nor the category itself can
       * take the transactions in.
       */
      if (budg_category_get_id (move_to) == budg_category_get_id (category) ||
          budg_category_get_parent_id (move_to) == budg_category_get_id (category))
        return budg_cli_fail_message (_("“%s” is deleted along with “%s”, so it cannot take its transactions. Choose a category outside it for --move-to."),
                                      budg_category_get_path (move_to), budg_category_get_path (category));
    }

  if (!budg_category_store_delete (store, category, move_to, &deleted, &moved, &error))
    return budg_cli_fail (error);

  message = g_string_new (NULL);
  g_string_printf (message, _("Deleted category “%s”."), budg_category_get_path (category));

  if (moved != NULL && moved->len > 0)
    {
      g_autofree char *count = g_strdup_printf ("%u", moved->len);

      g_string_append_c (message, ' ');
      if (move_to != NULL)
        g_string_append_printf (message,
                                ngettext ("%s transaction moved to “%s”.",
                                          "%s transactions moved to “%s”.",
                                          moved->len),
                                count, budg_category_get_path (move_to));
      else
        g_string_append_printf (message,
                                ngettext ("%s transaction is now uncategorized.",
                                          "%s transactions are now uncategorized.",
                                          moved->len),
                                count);
    }

  return budg_cli_print_deleted (cli, budg_category_get_id (category), message->str);
}
