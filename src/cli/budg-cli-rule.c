/* budg-cli-rule.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-rule"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-cli-private.h"
#include "budg-error.h"
#include "budg-money.h"
#include "budg-rule-store.h"

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

static const char *
category_path (BudgContext *context,
               gint64       category_id)
{
  BudgCategory *category;

  if (category_id == 0)
    return NULL;
  category = budg_category_store_lookup (budg_context_get_categories (context), category_id);

  return category != NULL ? budg_category_get_path (category) : NULL;
}

static void
rule_to_json (BudgContext    *context,
              const BudgRule *rule,
              JsonBuilder    *builder)
{
  budg_cli_json_add_int (builder, "id", rule->id);
  budg_cli_json_add_string (builder, "name", rule->name);
  budg_cli_json_add_int (builder, "priority", rule->priority);
  budg_cli_json_add_boolean (builder, "enabled", rule->enabled);
  budg_cli_json_add_boolean (builder, "continue", rule->continue_matching);
  budg_cli_json_add_boolean (builder, "case_sensitive", rule->case_sensitive);
  budg_cli_json_add_string (builder, "payee_op", budg_rule_text_op_to_string (rule->payee_op));
  budg_cli_json_add_string (builder, "payee_value", rule->payee_value);
  budg_cli_json_add_string (builder, "memo_op", budg_rule_text_op_to_string (rule->memo_op));
  budg_cli_json_add_string (builder, "memo_value", rule->memo_value);
  add_nullable_int (builder, "min_amount_minor", rule->has_min_amount, rule->min_amount_minor);
  add_nullable_int (builder, "max_amount_minor", rule->has_max_amount, rule->max_amount_minor);
  budg_cli_json_add_string (builder, "sign", budg_rule_sign_to_string (rule->sign));
  budg_cli_json_add_string (builder, "account", account_name (context, rule->account_id));
  add_nullable_int (builder, "account_id", rule->account_id != 0, rule->account_id);
  budg_cli_json_add_string (builder, "category", category_path (context, rule->set_category_id));
  add_nullable_int (builder, "category_id", rule->set_category_id != 0, rule->set_category_id);
  budg_cli_json_add_string (builder, "set_payee", rule->set_payee);
  budg_cli_json_add_string (builder, "set_memo", rule->set_memo);
  budg_cli_json_add_string (builder, "set_status",
                            rule->has_set_status ? budg_transaction_status_to_string (rule->set_status) : NULL);
}

/* The conditions in words, for the table: "payee contains “AMZN”, out". */
static char *
describe_conditions (BudgContext    *context,
                     const BudgRule *rule)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  BudgAccount *account = rule->account_id != 0
                         ? budg_account_store_lookup (budg_context_get_accounts (context), rule->account_id)
                         : NULL;
  /* Amounts are shown in the account's currency, as they were given. */
  const char *currency = account != NULL ? budg_account_get_currency (account)
                                         : budg_context_get_default_currency (context);

  if (rule->payee_op != BUDG_RULE_TEXT_NONE)
    g_ptr_array_add (parts, g_strdup_printf (_("payee %s “%s”"), budg_rule_text_op_to_string (rule->payee_op),
                                             rule->payee_value));
  if (rule->memo_op != BUDG_RULE_TEXT_NONE)
    g_ptr_array_add (parts, g_strdup_printf (_("memo %s “%s”"), budg_rule_text_op_to_string (rule->memo_op),
                                             rule->memo_value));
  if (rule->has_min_amount)
    {
      g_autofree char *amount = budg_cli_format_amount (rule->min_amount_minor, currency);

      g_ptr_array_add (parts, g_strdup_printf (_("at least %s"), amount));
    }
  if (rule->has_max_amount)
    {
      g_autofree char *amount = budg_cli_format_amount (rule->max_amount_minor, currency);

      g_ptr_array_add (parts, g_strdup_printf (_("at most %s"), amount));
    }
  if (rule->sign != BUDG_RULE_SIGN_ANY)
    g_ptr_array_add (parts, g_strdup (budg_rule_sign_to_string (rule->sign)));
  if (rule->account_id != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("in %s"), account_name (context, rule->account_id)));
  if (rule->case_sensitive)
    g_ptr_array_add (parts, g_strdup (_("case-sensitive")));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static char *
describe_actions (BudgContext    *context,
                  const BudgRule *rule)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (rule->set_category_id != 0)
    g_ptr_array_add (parts, g_strdup_printf (_("category %s"), category_path (context, rule->set_category_id)));
  if (rule->set_payee != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("payee “%s”"), rule->set_payee));
  if (rule->set_memo != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("memo “%s”"), rule->set_memo));
  if (rule->has_set_status)
    g_ptr_array_add (parts, g_strdup_printf (_("status %s"), budg_transaction_status_to_string (rule->set_status)));
  if (rule->continue_matching)
    g_ptr_array_add (parts, g_strdup (_("then continue")));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

/* At most one of the options of a text condition: sets @op and @value. */
static int
take_text_condition (const BudgCliCommand  *command,
                     const char            *field,
                     const char            *contains,
                     const char            *is,
                     const char            *starts_with,
                     const char            *regex,
                     BudgRuleTextOp        *op,
                     char                 **value)
{
  const char *values[] = { NULL, contains, is, starts_with, regex };
  BudgRuleTextOp given = BUDG_RULE_TEXT_NONE;

  for (guint i = BUDG_RULE_TEXT_CONTAINS; i < G_N_ELEMENTS (values); i++)
    {
      if (values[i] == NULL)
        continue;
      if (given != BUDG_RULE_TEXT_NONE)
        return budg_cli_usage_error (command, _("Give at most one %s condition."), field);
      given = i;
    }

  if (given != BUDG_RULE_TEXT_NONE)
    {
      *op = given;
      *value = g_strdup (values[given]);
    }

  return BUDG_CLI_CONTINUE;
}

static gboolean
parse_rule_amount (const char  *option,
                   const char  *text,
                   const char  *currency,
                   gint64      *out_minor,
                   GError     **error)
{
  if (!budg_money_parse (text, currency, out_minor, error))
    return FALSE;

  if (*out_minor < 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("%s is compared without sign: give a positive amount, not “%s” (use --sign out for money out)."),
                   option, text);
      return FALSE;
    }

  return TRUE;
}

int
budg_cli_rule_add (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRule) rule = budg_rule_new ();
  const char *name = NULL;
  const char *payee_contains = NULL, *payee_is = NULL, *payee_starts = NULL, *payee_regex = NULL;
  const char *memo_contains = NULL, *memo_is = NULL, *memo_starts = NULL, *memo_regex = NULL;
  const char *min_text = NULL, *max_text = NULL, *sign_text = NULL;
  const char *account_text = NULL, *category_text = NULL;
  const char *set_payee = NULL, *set_memo = NULL, *set_status = NULL, *priority_text = NULL;
  gboolean case_sensitive = FALSE, continue_matching = FALSE, disabled = FALSE;
  const BudgCliOption options[] = {
    { "payee-contains", TRUE, &payee_contains },
    { "payee-is", TRUE, &payee_is },
    { "payee-starts-with", TRUE, &payee_starts },
    { "payee-regex", TRUE, &payee_regex },
    { "memo-contains", TRUE, &memo_contains },
    { "memo-is", TRUE, &memo_is },
    { "memo-starts-with", TRUE, &memo_starts },
    { "memo-regex", TRUE, &memo_regex },
    { "case-sensitive", FALSE, &case_sensitive },
    { "min-amount", TRUE, &min_text },
    { "max-amount", TRUE, &max_text },
    { "sign", TRUE, &sign_text },
    { "account", TRUE, &account_text },
    { "category", TRUE, &category_text },
    { "set-payee", TRUE, &set_payee },
    { "set-memo", TRUE, &set_memo },
    { "set-status", TRUE, &set_status },
    { "priority", TRUE, &priority_text },
    { "continue", FALSE, &continue_matching },
    { "disabled", FALSE, &disabled },
    { NULL }
  };
  BudgAccount *account = NULL;
  BudgContext *context;
  const char *currency;
  gint64 priority = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  status = take_text_condition (command, _("payee"), payee_contains, payee_is, payee_starts, payee_regex,
                                &rule->payee_op, &rule->payee_value);
  if (status == BUDG_CLI_CONTINUE)
    status = take_text_condition (command, _("memo"), memo_contains, memo_is, memo_starts, memo_regex,
                                  &rule->memo_op, &rule->memo_value);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (sign_text != NULL &&
      (!budg_rule_sign_from_string (sign_text, &rule->sign) || rule->sign == BUDG_RULE_SIGN_ANY))
    return budg_cli_usage_error (command, _("--sign takes in or out, not “%s”."), sign_text);

  if (set_status != NULL && !budg_transaction_status_from_string (set_status, &rule->set_status))
    return budg_cli_usage_error (command, _("--set-status takes pending, cleared or reconciled, not “%s”."),
                                 set_status);
  rule->has_set_status = set_status != NULL;

  if (priority_text != NULL && !g_ascii_string_to_signed (priority_text, 10, 1, G_MAXINT32, &priority, NULL))
    return budg_cli_fail_message (_("--priority takes a whole number from 1 up (lower runs first), not “%s”."),
                                  priority_text);

  rule->name = g_strdup (name);
  rule->priority = (int) priority;
  rule->enabled = !disabled;
  rule->continue_matching = continue_matching;
  rule->case_sensitive = case_sensitive;
  rule->set_payee = g_strdup (set_payee);
  rule->set_memo = g_strdup (set_memo);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (account_text != NULL)
    {
      if (!(account = budg_account_store_find (budg_context_get_accounts (context), account_text, &error)))
        return budg_cli_fail (error);
      rule->account_id = budg_account_get_id (account);
    }

  if (category_text != NULL)
    {
      BudgCategory *category = budg_category_store_find (budg_context_get_categories (context),
                                                         category_text, &error);

      if (category == NULL)
        return budg_cli_fail (error);
      rule->set_category_id = budg_category_get_id (category);
    }

  /* The amounts are read in the account's currency (its decimals), or the
   * default one when the rule looks at every account. */
  currency = account != NULL ? budg_account_get_currency (account) : budg_context_get_default_currency (context);
  if (min_text != NULL)
    {
      if (!parse_rule_amount ("--min-amount", min_text, currency, &rule->min_amount_minor, &error))
        return budg_cli_fail (error);
      rule->has_min_amount = TRUE;
    }
  if (max_text != NULL)
    {
      if (!parse_rule_amount ("--max-amount", max_text, currency, &rule->max_amount_minor, &error))
        return budg_cli_fail (error);
      rule->has_max_amount = TRUE;
    }

  if (!budg_rule_store_add (budg_context_get_rules (context), rule, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      rule_to_json (context, rule, builder);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    g_print (_("Added the rule %lld “%s”.\n"), (long long) rule->id, rule->name);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_rule_list (BudgCli               *cli,
                    const BudgCliCommand  *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  const BudgCliOption options[] = {
    { NULL }
  };
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)) ||
      !(rules = budg_rule_store_list (budg_context_get_rules (context), &error)))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rules->len; i++)
        {
          json_builder_begin_object (builder);
          rule_to_json (context, g_ptr_array_index (rules, i), builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (rules->len == 0)
    g_print ("%s\n", _("No rules yet. Add one with “budg-cli rule add Amazon --payee-contains AMZN --set-payee Amazon --category Shopping”."));
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (5,
                                                          _("ID"), TRUE,
                                                          _("Rule"), FALSE,
                                                          _("When"), FALSE,
                                                          _("Then"), FALSE,
                                                          _("Enabled"), FALSE);

      for (guint i = 0; i < rules->len; i++)
        {
          const BudgRule *rule = g_ptr_array_index (rules, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, rule->id);
          g_autofree char *when = describe_conditions (context, rule);
          g_autofree char *then = describe_actions (context, rule);

          budg_cli_table_add_row (table, id, rule->name, when, then, rule->enabled ? _("yes") : _("no"));
        }
      budg_cli_table_print (table);
    }

  return BUDG_CLI_EXIT_OK;
}

static gboolean
parse_rule_id (const char  *text,
               gint64      *out_id,
               GError     **error)
{
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out_id, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a rule id. Use the number shown by “budg-cli rule list”."), text);
      return FALSE;
    }

  return TRUE;
}

int
budg_cli_rule_delete (BudgCli               *cli,
                      const BudgCliCommand  *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRule) rule = NULL;
  g_autofree char *message = NULL;
  const char *id_text = NULL;
  const BudgCliOption options[] = {
    { NULL }
  };
  BudgContext *context;
  gint64 id;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!parse_rule_id (id_text, &id, &error) ||
      !(context = budg_cli_get_context (cli, &error)) ||
      !(rule = budg_rule_store_get (budg_context_get_rules (context), id, &error)) ||
      !budg_rule_store_delete (budg_context_get_rules (context), id, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Deleted the rule %lld “%s”."), (long long) id, rule->name);

  return budg_cli_print_deleted (cli, id, message);
}

static const char *
status_nick (BudgTransactionStatus status)
{
  return budg_transaction_status_to_string (status);
}

int
budg_cli_rule_apply (BudgCli               *cli,
                     const BudgCliCommand  *command,
                     int                    argc,
                     char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  const char *rule_text = NULL;
  const char *account_text = NULL;
  gboolean dry_run = FALSE;
  const BudgCliOption options[] = {
    { "rule", TRUE, &rule_text },
    { "account", TRUE, &account_text },
    { "dry-run", FALSE, &dry_run },
    { NULL }
  };
  BudgAccount *account = NULL;
  BudgContext *context;
  gint64 rule_id = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (rule_text != NULL && !parse_rule_id (rule_text, &rule_id, &error))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (account_text != NULL &&
      !(account = budg_account_store_find (budg_context_get_accounts (context), account_text, &error)))
    return budg_cli_fail (error);

  changes = budg_rule_store_run (budg_context_get_rules (context), rule_id,
                                 account != NULL ? budg_account_get_id (account) : 0,
                                 !dry_run, NULL, &error);
  if (changes == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "changed", changes->len);
      budg_cli_json_add_boolean (builder, "dry_run", dry_run);
      json_builder_set_member_name (builder, "changes");
      json_builder_begin_array (builder);
      for (guint i = 0; i < changes->len; i++)
        {
          const BudgRuleChange *change = g_ptr_array_index (changes, i);

          json_builder_begin_object (builder);
          budg_cli_json_add_int (builder, "transaction_id", change->transaction_id);
          budg_cli_json_add_int (builder, "rule_id", change->rule_id);
          budg_cli_json_add_string (builder, "date", change->date);
          budg_cli_json_add_int (builder, "amount_minor", change->amount_minor);
          budg_cli_json_add_string (builder, "payee", change->payee);
          budg_cli_json_add_string (builder, "new_payee", change->new_payee);
          budg_cli_json_add_string (builder, "category", change->category_path);
          budg_cli_json_add_string (builder, "new_category", change->new_category_path);
          budg_cli_json_add_string (builder, "memo", change->memo);
          budg_cli_json_add_string (builder, "new_memo", change->new_memo);
          budg_cli_json_add_string (builder, "status", status_nick (change->status));
          budg_cli_json_add_string (builder, "new_status", status_nick (change->new_status));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);

      return BUDG_CLI_EXIT_OK;
    }

  if (changes->len > 0)
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (7,
                                                          _("Date"), FALSE,
                                                          _("Amount"), TRUE,
                                                          _("Payee"), FALSE,
                                                          _("Category"), FALSE,
                                                          _("Memo"), FALSE,
                                                          _("Status"), FALSE,
                                                          _("Rule"), TRUE);

      for (guint i = 0; i < changes->len; i++)
        {
          const BudgRuleChange *change = g_ptr_array_index (changes, i);
          g_autofree char *amount = budg_cli_format_amount (change->amount_minor, change->currency);
          g_autofree char *payee = NULL;
          g_autofree char *category = NULL;
          g_autofree char *memo = NULL;
          g_autofree char *status_text = NULL;
          g_autofree char *rule = g_strdup_printf ("%" G_GINT64_FORMAT, change->rule_id);

          /* "old → new" only where something changes. */
          payee = g_strcmp0 (change->payee, change->new_payee) != 0
                  ? g_strdup_printf ("%s → %s", change->payee != NULL ? change->payee : "", change->new_payee)
                  : g_strdup (change->payee);
          category = g_strcmp0 (change->category_path, change->new_category_path) != 0
                     ? g_strdup_printf ("%s → %s", change->category_path != NULL ? change->category_path : "",
                                        change->new_category_path != NULL ? change->new_category_path : "")
                     : g_strdup (change->category_path);
          memo = g_strcmp0 (change->memo, change->new_memo) != 0
                 ? g_strdup_printf ("%s → %s", change->memo != NULL ? change->memo : "",
                                    change->new_memo != NULL ? change->new_memo : "")
                 : g_strdup (change->memo);

          status_text = change->status != change->new_status
                        ? g_strdup_printf ("%s → %s", status_nick (change->status), status_nick (change->new_status))
                        : g_strdup (status_nick (change->status));

          budg_cli_table_add_row (table, change->date, amount, payee, category, memo, status_text, rule);
        }
      budg_cli_table_print (table);
    }

  if (dry_run)
    g_print (ngettext ("The rules would change %u transaction.\n",
                          "The rules would change %u transactions.\n", changes->len),
             changes->len);
  else
    g_print (ngettext ("Changed %u transaction.\n", "Changed %u transactions.\n",
                          changes->len),
             changes->len);

  return BUDG_CLI_EXIT_OK;
}
