/* budg-cli-budget.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-budget"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-budget-store.h"
#include "budg-cli-private.h"
#include "budg-date.h"
#include "budg-money.h"
#include "budg-period.h"

static void
budget_to_json (BudgBudget  *budget,
                JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "id", budget->id);
  budg_cli_json_add_string (builder, "category", budget->category_path);
  budg_cli_json_add_int (builder, "category_id", budget->category_id);
  budg_cli_json_add_string (builder, "period", budg_budget_period_to_string (budget->period));
  budg_cli_json_add_int (builder, "amount_minor", budget->amount_minor);
  budg_cli_json_add_string (builder, "currency", budget->currency);
  budg_cli_json_add_string (builder, "rollover", budg_rollover_to_string (budget->rollover));
  budg_cli_json_add_string (builder, "from", budget->from_period);
  json_builder_end_object (builder);
}

/* The period of today, in the kind @period_kind budgets use. */
static char *
current_period (BudgPeriodKind period_kind)
{
  g_autofree char *today = budg_date_today ();
  BudgPeriod period;

  budg_period_for_iso (period_kind, today, &period, NULL);

  return budg_period_to_string (&period);
}

int
budg_cli_budget_set (BudgCli               *cli,
                     const BudgCliCommand  *command,
                     int                    argc,
                     char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBudget) budget = NULL;
  g_autoptr(BudgBudgetStore) store = NULL;
  g_autofree char *from = NULL;
  g_autofree char *currency = NULL;
  const char *category_text = NULL;
  const char *amount_text = NULL;
  const char *period_text = NULL;
  const char *rollover_text = NULL;
  const char *from_text = NULL;
  const char *currency_text = NULL;
  const BudgCliOption options[] = {
    { "amount", TRUE, &amount_text },
    { "period", TRUE, &period_text },
    { "rollover", TRUE, &rollover_text },
    { "from", TRUE, &from_text },
    { "currency", TRUE, &currency_text },
    { NULL }
  };
  BudgBudgetPeriod period = BUDG_BUDGET_PERIOD_MONTHLY;
  BudgRollover rollover = BUDG_ROLLOVER_NONE;
  BudgCategory *category;
  BudgContext *context;
  gint64 amount;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &category_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (amount_text == NULL)
    return budg_cli_usage_error (command, _("The option --amount is required."));
  if (period_text == NULL)
    return budg_cli_usage_error (command, _("The option --period is required."));
  if (!budg_budget_period_from_string (period_text, &period))
    return budg_cli_usage_error (command, _("--period takes monthly, weekly or yearly, not “%s”."), period_text);
  if (rollover_text != NULL && !budg_rollover_from_string (rollover_text, &rollover))
    return budg_cli_usage_error (command, _("--rollover takes none, leftover or all, not “%s”."), rollover_text);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(category = budg_category_store_find (budg_context_get_categories (context), category_text, &error)))
    return budg_cli_fail (error);

  currency = currency_text != NULL ? g_ascii_strup (currency_text, -1)
                                   : g_strdup (budg_context_get_default_currency (context));
  if (!budg_money_parse (amount_text, currency, &amount, &error))
    return budg_cli_fail (error);

  from = from_text != NULL ? g_strdup (from_text)
                           : current_period (period == BUDG_BUDGET_PERIOD_WEEKLY ? BUDG_PERIOD_WEEK
                                                                                 : BUDG_PERIOD_MONTH);

  store = budg_budget_store_new (budg_context_get_database (context));
  budget = budg_budget_store_set (store, budg_category_get_id (category), period, amount, currency,
                                  rollover, from, &error);
  if (budget == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      budget_to_json (budget, builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *formatted = budg_cli_format_amount (budget->amount_minor, budget->currency);

      switch (budget->period)
        {
        case BUDG_BUDGET_PERIOD_WEEKLY:
          g_print (_("Budgeted %s a week for “%s” from %s.\n"), formatted, budget->category_path, budget->from_period);
          break;
        case BUDG_BUDGET_PERIOD_YEARLY:
          g_print (_("Budgeted %s a year for “%s” from %s, spread over its months.\n"),
                   formatted, budget->category_path, budget->from_period);
          break;
        case BUDG_BUDGET_PERIOD_MONTHLY:
        default:
          g_print (_("Budgeted %s a month for “%s” from %s.\n"), formatted, budget->category_path, budget->from_period);
          break;
        }
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_budget_list (BudgCli               *cli,
                      const BudgCliCommand  *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) budgets = NULL;
  g_autoptr(BudgBudgetStore) store = NULL;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  store = budg_budget_store_new (budg_context_get_database (context));
  if (!(budgets = budg_budget_store_list (store, &error)))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < budgets->len; i++)
        budget_to_json (g_ptr_array_index (budgets, i), builder);
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (budgets->len == 0)
    g_print ("%s\n", _("No budgets yet. Add one with “budg-cli budget set Food --amount 400 --period monthly”."));
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (5,
                                                          _("Category"), FALSE,
                                                          _("From"), FALSE,
                                                          _("Period"), FALSE,
                                                          _("Amount"), TRUE,
                                                          _("Rollover"), FALSE);

      for (guint i = 0; i < budgets->len; i++)
        {
          BudgBudget *budget = g_ptr_array_index (budgets, i);
          g_autofree char *amount = budg_cli_format_amount (budget->amount_minor, budget->currency);

          budg_cli_table_add_row (table, budget->category_path, budget->from_period,
                                  budg_budget_period_to_string (budget->period), amount,
                                  budg_rollover_to_string (budget->rollover));
        }
      budg_cli_table_print (table);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_budget_status (BudgCli               *cli,
                        const BudgCliCommand  *command,
                        int                    argc,
                        char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autoptr(BudgBudgetStore) store = NULL;
  g_autofree char *period = NULL;
  const char *period_text = NULL;
  const BudgCliOption options[] = {
    { "period", TRUE, &period_text },
    { NULL }
  };
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  period = period_text != NULL ? g_strdup (period_text) : current_period (BUDG_PERIOD_MONTH);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  store = budg_budget_store_new (budg_context_get_database (context));
  if (!(statuses = budg_budget_store_status (store, period, &error)))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < statuses->len; i++)
        {
          BudgBudgetStatus *row = g_ptr_array_index (statuses, i);

          json_builder_begin_object (builder);
          budg_cli_json_add_string (builder, "category", row->category_path);
          budg_cli_json_add_int (builder, "category_id", row->category_id);
          budg_cli_json_add_string (builder, "period", row->period);
          budg_cli_json_add_string (builder, "rollover", budg_rollover_to_string (row->rollover));
          budg_cli_json_add_int (builder, "budgeted_minor", row->budgeted_minor);
          budg_cli_json_add_int (builder, "spent_minor", row->spent_minor);
          budg_cli_json_add_int (builder, "rollover_minor", row->rollover_minor);
          budg_cli_json_add_int (builder, "available_minor", row->available_minor);
          budg_cli_json_add_string (builder, "currency", row->currency);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (statuses->len == 0)
    g_print (_("No budgets in %s. Add one with “budg-cli budget set Food --amount 400 --period monthly”.\n"), period);
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (5,
                                                          _("Category"), FALSE,
                                                          _("Budgeted"), TRUE,
                                                          _("Rollover"), TRUE,
                                                          _("Spent"), TRUE,
                                                          _("Available"), TRUE);

      for (guint i = 0; i < statuses->len; i++)
        {
          BudgBudgetStatus *row = g_ptr_array_index (statuses, i);
          g_autofree char *budgeted = budg_cli_format_amount (row->budgeted_minor, row->currency);
          g_autofree char *rollover = budg_cli_format_amount (row->rollover_minor, row->currency);
          g_autofree char *spent = budg_cli_format_amount (row->spent_minor, row->currency);
          g_autofree char *available = budg_cli_format_amount (row->available_minor, row->currency);

          budg_cli_table_add_row (table, row->category_path, budgeted, rollover, spent, available);
        }
      budg_cli_table_print (table);
    }

  return BUDG_CLI_EXIT_OK;
}
