/* budg-cli-goal.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-goal"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-goal-store.h"
#include "budg-money.h"

static void
add_nullable_int (JsonBuilder *builder,
                  const char  *member,
                  gboolean     has_value,
                  gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (has_value)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
goal_to_json (BudgGoal    *goal,
              JsonBuilder *builder)
{
  budg_cli_json_add_int (builder, "id", goal->id);
  budg_cli_json_add_string (builder, "name", goal->name);
  budg_cli_json_add_int (builder, "target_minor", goal->target_minor);
  budg_cli_json_add_string (builder, "currency", goal->currency);
  budg_cli_json_add_string (builder, "by", goal->by_date);
  budg_cli_json_add_string (builder, "account", goal->account_name);
  add_nullable_int (builder, "auto_percent_bp", goal->auto_percent_bp != 0, goal->auto_percent_bp);
  add_nullable_int (builder, "auto_amount_minor", goal->auto_amount_minor != 0, goal->auto_amount_minor);
  budg_cli_json_add_string (builder, "created", goal->created_on);
}

/* "12.5" percent → 1250 basis points: at most two decimals, above 0, at
 * most 100. */
static gboolean
parse_percent (const char *text,
               guint      *out_basis_points)
{
  const char *p = text;
  guint64 value = 0;
  guint n_digits = 0;
  int n_decimals = -1;

  for (; *p != '\0'; p++)
    {
      if (*p == '.' && n_decimals < 0 && n_digits > 0)
        n_decimals = 0;
      else if (g_ascii_isdigit (*p) && n_digits < 6 && n_decimals < 2)
        {
          value = value * 10 + (guint64) (*p - '0');
          n_digits++;
          if (n_decimals >= 0)
            n_decimals++;
        }
      else
        return FALSE;
    }

  if (n_digits == 0 || n_decimals == 0)
    return FALSE;

  for (int i = MAX (n_decimals, 0); i < 2; i++)
    value *= 10;

  if (value == 0 || value > 10000)
    return FALSE;

  *out_basis_points = (guint) value;

  return TRUE;
}

int
budg_cli_goal_add (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgGoal) goal = NULL;
  g_autoptr(BudgGoalStore) store = NULL;
  g_autofree char *by = NULL;
  g_autofree char *currency = NULL;
  const char *name = NULL;
  const char *target_text = NULL;
  const char *by_text = NULL;
  const char *account_text = NULL;
  const char *percent_text = NULL;
  const char *auto_amount_text = NULL;
  const char *currency_text = NULL;
  const BudgCliOption options[] = {
    { "target", TRUE, &target_text },
    { "by", TRUE, &by_text },
    { "account", TRUE, &account_text },
    { "auto-percent", TRUE, &percent_text },
    { "auto-amount", TRUE, &auto_amount_text },
    { "currency", TRUE, &currency_text },
    { NULL }
  };
  BudgAccount *account = NULL;
  BudgContext *context;
  gint64 target;
  gint64 auto_amount = 0;
  guint percent = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (target_text == NULL)
    return budg_cli_usage_error (command, _("The option --target is required."));
  if (percent_text != NULL && auto_amount_text != NULL)
    return budg_cli_usage_error (command, _("Give --auto-percent or --auto-amount, not both."));

  if (percent_text != NULL && !parse_percent (percent_text, &percent))
    return budg_cli_fail_message (_("--auto-percent takes a share of each income above 0 and at most 100, with up to two decimals, not “%s”."),
                                  percent_text);

  if (by_text != NULL && !(by = budg_cli_parse_date (by_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (account_text != NULL &&
      !(account = budg_account_store_find (budg_context_get_accounts (context), account_text, &error)))
    return budg_cli_fail (error);

  /* The goal saves in its account's currency unless told otherwise. */
  if (currency_text != NULL)
    currency = g_ascii_strup (currency_text, -1);
  else if (account != NULL)
    currency = g_strdup (budg_account_get_currency (account));
  else
    currency = g_strdup (budg_context_get_default_currency (context));

  if (!budg_money_parse (target_text, currency, &target, &error) ||
      (auto_amount_text != NULL && !budg_money_parse (auto_amount_text, currency, &auto_amount, &error)))
    return budg_cli_fail (error);

  if (auto_amount_text != NULL && auto_amount <= 0)
    return budg_cli_fail_message (_("--auto-amount takes an amount above zero, not “%s”."), auto_amount_text);

  store = budg_goal_store_new (budg_context_get_database (context));
  goal = budg_goal_store_add (store, name, target, currency, by,
                              account != NULL ? budg_account_get_id (account) : 0,
                              percent, auto_amount, NULL, &error);
  if (goal == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      goal_to_json (goal, builder);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *formatted = budg_cli_format_amount (goal->target_minor, goal->currency);

      if (goal->by_date != NULL)
        g_print (_("Added the savings goal “%s”: %s by %s.\n"), goal->name, formatted, goal->by_date);
      else
        g_print (_("Added the savings goal “%s”: %s.\n"), goal->name, formatted);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_goal_contribute (BudgCli               *cli,
                          const BudgCliCommand  *command,
                          int                    argc,
                          char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autoptr(BudgGoal) goal = NULL;
  g_autoptr(BudgGoalStore) store = NULL;
  g_autoptr(BudgGoalContribution) contribution = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *date = NULL;
  const char *words[2];
  const char *date_text = NULL;
  const char *note = NULL;
  const BudgCliOption options[] = {
    { "date", TRUE, &date_text },
    { "note", TRUE, &note },
    { NULL }
  };
  BudgContext *context;
  gint64 amount;
  gint64 saved = 0;
  int status;

  status = budg_cli_take_arguments (command, argc, argv, options, G_N_ELEMENTS (words), words, rest);
  if (status == BUDG_CLI_CONTINUE)
    status = budg_cli_parse (cli, command, rest->len, (char **) rest->pdata, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (words[0] == NULL)
    return budg_cli_usage_error (command, _("Missing %s."), _("NAME"));
  if (words[1] == NULL)
    return budg_cli_usage_error (command, _("Missing %s."), _("AMOUNT"));

  if (date_text != NULL && !(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  store = budg_goal_store_new (budg_context_get_database (context));
  if (!(goal = budg_goal_store_find (store, words[0], &error)) ||
      !budg_money_parse (words[1], goal->currency, &amount, &error) ||
      !(contribution = budg_goal_store_contribute (store, goal->id, date, amount, note, &error)) ||
      !(statuses = budg_goal_store_status (store, NULL, &error)))
    return budg_cli_fail (error);

  for (guint i = 0; i < statuses->len; i++)
    {
      BudgGoalStatus *goal_status = g_ptr_array_index (statuses, i);

      if (goal_status->goal->id == goal->id)
        saved = goal_status->saved_minor;
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "id", contribution->id);
      budg_cli_json_add_string (builder, "goal", goal->name);
      budg_cli_json_add_int (builder, "goal_id", goal->id);
      budg_cli_json_add_string (builder, "date", contribution->date);
      budg_cli_json_add_int (builder, "amount_minor", contribution->amount_minor);
      budg_cli_json_add_string (builder, "currency", goal->currency);
      budg_cli_json_add_string (builder, "note", contribution->note);
      budg_cli_json_add_int (builder, "saved_minor", saved);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *formatted = budg_cli_format_amount (amount, goal->currency);
      g_autofree char *saved_text = budg_cli_format_amount (saved, goal->currency);
      g_autofree char *target_text = budg_cli_format_amount (goal->target_minor, goal->currency);

      g_print (_("Saved %s towards “%s”: %s of %s.\n"), formatted, goal->name, saved_text, target_text);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_goal_status (BudgCli               *cli,
                      const BudgCliCommand  *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgGoalStore) store = NULL;
  g_autoptr(GPtrArray) statuses = NULL;
  g_autofree char *date = NULL;
  const char *date_text = NULL;
  const BudgCliOption options[] = {
    { "date", TRUE, &date_text },
    { NULL }
  };
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (date_text != NULL && !(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  store = budg_goal_store_new (budg_context_get_database (context));
  if (!(statuses = budg_goal_store_status (store, date, &error)))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < statuses->len; i++)
        {
          BudgGoalStatus *row = g_ptr_array_index (statuses, i);

          json_builder_begin_object (builder);
          goal_to_json (row->goal, builder);
          budg_cli_json_add_int (builder, "saved_minor", row->saved_minor);
          add_nullable_int (builder, "needed_per_month_minor", row->has_needed, row->needed_per_month_minor);
          add_nullable_int (builder, "months_left", row->has_needed, row->months_left);
          budg_cli_json_add_int (builder, "expected_minor", row->expected_minor);
          budg_cli_json_add_boolean (builder, "on_track", row->on_track);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (statuses->len == 0)
    g_print ("%s\n", _("No savings goals yet. Add one with “budg-cli goal add Holiday --target 1500 --by 2027-06-30”."));
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (6,
                                                          _("Goal"), FALSE,
                                                          _("Saved"), TRUE,
                                                          _("Target"), TRUE,
                                                          _("By"), FALSE,
                                                          _("Per month"), TRUE,
                                                          _("On track"), FALSE);

      for (guint i = 0; i < statuses->len; i++)
        {
          BudgGoalStatus *row = g_ptr_array_index (statuses, i);
          g_autofree char *saved = budg_cli_format_amount (row->saved_minor, row->goal->currency);
          g_autofree char *target = budg_cli_format_amount (row->goal->target_minor, row->goal->currency);
          g_autofree char *needed = row->has_needed
            ? budg_cli_format_amount (row->needed_per_month_minor, row->goal->currency) : NULL;

          budg_cli_table_add_row (table, row->goal->name, saved, target, row->goal->by_date, needed,
                                  row->on_track ? _("yes") : _("no"));
        }
      budg_cli_table_print (table);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_goal_allocate (BudgCli               *cli,
                        const BudgCliCommand  *command,
                        int                    argc,
                        char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgGoalStore) store = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const char *transaction_text = NULL;
  const BudgCliOption options[] = {
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { "transaction", TRUE, &transaction_text },
    { NULL }
  };
  BudgContext *context;
  guint64 transaction_id = 0;
  guint count = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (transaction_text != NULL && (from_text != NULL || to_text != NULL))
    return budg_cli_usage_error (command, _("Give --transaction, or --from and --to, not both."));
  if (transaction_text == NULL && (from_text == NULL || to_text == NULL))
    return budg_cli_usage_error (command, _("Give --transaction, or --from and --to."));
  if (transaction_text != NULL &&
      !g_ascii_string_to_unsigned (transaction_text, 10, 1, G_MAXINT64, &transaction_id, NULL))
    return budg_cli_usage_error (command, _("--transaction takes a transaction id, not “%s”."), transaction_text);

  if ((from_text != NULL && !(from = budg_cli_parse_date (from_text, &error))) ||
      (to_text != NULL && !(to = budg_cli_parse_date (to_text, &error))))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  store = budg_goal_store_new (budg_context_get_database (context));
  if (transaction_id != 0
      ? !budg_goal_store_allocate_income (store, (gint64) transaction_id, &count, &error)
      : !budg_goal_store_allocate_range (store, from, to, &count, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "contributions", count);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    g_print (ngettext ("Recorded %u automatic contribution.\n",
                       "Recorded %u automatic contributions.\n", count), count);

  return BUDG_CLI_EXIT_OK;
}
