/* budg-cli-bills.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-bills"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-bill-store.h"
#include "budg-cli-private.h"
#include "budg-date.h"
#include "budg-due-store.h"
#include "budg-error.h"
#include "budg-forecast.h"
#include "budg-ics-export.h"
#include "budg-money.h"
#include "budg-recurrence.h"

/* How far ahead `due list` and `export ics` look when not told. */
#define DUE_LIST_DEFAULT_DAYS 30
#define EXPORT_DEFAULT_DAYS   90
/* A reminder a few days ahead leaves time to move money before a bill. */
#define DEFAULT_LEAD_DAYS     3

/* The options `bill add` and `bill edit` share. Text options are as typed;
 * in `bill edit` an empty value removes an optional field. */
typedef struct
{
  const char *name;
  const char *amount;
  const char *account;
  const char *category;
  const char *rrule;
  const char *start;
  const char *until;
  const char *count;
  const char *lead_days;
  const char *payee;
  const char *estimate_max;
  const char *weekend;
  const char *notes;
  const char *active;
  const char *from_date;
  gboolean    autopay;
  gboolean    no_autopay;
  gboolean    income;
  gboolean    no_income;

  /* Filled in by check_bill_usage(). */
  guint       count_value;
  guint       lead_days_value;
  gboolean    active_value;
} BillOptions;

static const char *
nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? text : NULL;
}

static void
bill_to_json (BudgBill    *bill,
              JsonBuilder *builder)
{
  g_autofree char *description = budg_recurrence_describe (budg_bill_get_rrule (bill));

  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "id", budg_bill_get_id (bill));
  budg_cli_json_add_string (builder, "name", budg_bill_get_name (bill));
  budg_cli_json_add_string (builder, "payee", budg_bill_get_payee (bill));
  budg_cli_json_add_string (builder, "account", budg_bill_get_account_name (bill));
  budg_cli_json_add_int (builder, "account_id", budg_bill_get_account_id (bill));
  budg_cli_json_add_string (builder, "currency", budg_bill_get_currency (bill));
  budg_cli_json_add_string (builder, "category", budg_bill_get_category_path (bill));
  budg_cli_json_add_int (builder, "amount_minor", budg_bill_get_amount_minor (bill));
  json_builder_set_member_name (builder, "amount_max_minor");
  if (budg_bill_get_amount_max_minor (bill) != 0)
    json_builder_add_int_value (builder, budg_bill_get_amount_max_minor (bill));
  else
    json_builder_add_null_value (builder);
  budg_cli_json_add_boolean (builder, "income", budg_bill_get_is_income (bill));
  budg_cli_json_add_string (builder, "rrule", budg_bill_get_rrule (bill));
  budg_cli_json_add_string (builder, "description", description);
  budg_cli_json_add_string (builder, "start", budg_bill_get_start_date (bill));
  budg_cli_json_add_string (builder, "until", budg_bill_get_end_date (bill));
  json_builder_set_member_name (builder, "count");
  if (budg_bill_get_count (bill) != 0)
    json_builder_add_int_value (builder, budg_bill_get_count (bill));
  else
    json_builder_add_null_value (builder);
  budg_cli_json_add_string (builder, "weekend", budg_weekend_shift_to_string (budg_bill_get_weekend_shift (bill)));
  budg_cli_json_add_boolean (builder, "autopay", budg_bill_get_autopay (bill));
  budg_cli_json_add_int (builder, "lead_days", budg_bill_get_lead_days (bill));
  budg_cli_json_add_string (builder, "notes", budg_bill_get_notes (bill));
  budg_cli_json_add_boolean (builder, "active", budg_bill_get_active (bill));
  json_builder_end_object (builder);
}

static void
print_bill_json (BudgBill *bill)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  bill_to_json (bill, builder);
  budg_cli_print_json (builder);
}

static void
due_to_json (BudgDueBill *due,
             JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  budg_cli_json_add_int (builder, "id", budg_due_bill_get_id (due));
  budg_cli_json_add_int (builder, "bill_id", budg_due_bill_get_bill_id (due));
  budg_cli_json_add_string (builder, "name", budg_due_bill_get_name (due));
  budg_cli_json_add_string (builder, "due_date", budg_due_bill_get_due_date (due));
  budg_cli_json_add_string (builder, "occurrence_date", budg_due_bill_get_occurrence_date (due));
  budg_cli_json_add_int (builder, "amount_minor", budg_due_bill_get_amount_minor (due));
  budg_cli_json_add_string (builder, "currency", budg_due_bill_get_currency (due));
  budg_cli_json_add_string (builder, "account", budg_due_bill_get_account_name (due));
  budg_cli_json_add_int (builder, "account_id", budg_due_bill_get_account_id (due));
  budg_cli_json_add_string (builder, "category", budg_due_bill_get_category_path (due));
  budg_cli_json_add_string (builder, "status", budg_due_status_to_string (budg_due_bill_get_status (due)));
  budg_cli_json_add_int (builder, "priority", budg_due_bill_get_priority (due));
  json_builder_set_member_name (builder, "transaction_id");
  if (budg_due_bill_get_transaction_id (due) != 0)
    json_builder_add_int_value (builder, budg_due_bill_get_transaction_id (due));
  else
    json_builder_add_null_value (builder);
  budg_cli_json_add_boolean (builder, "autopay", budg_due_bill_get_autopay (due));
  json_builder_end_object (builder);
}

static void
print_due_json (BudgDueBill *due)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  due_to_json (due, builder);
  budg_cli_print_json (builder);
}

/* The amount column of the bill list: signed, like everywhere else in the
 * text output, so that income stands out from bills. */
static char *
format_bill_amount (BudgBill *bill)
{
  g_autofree char *amount = budg_cli_format_amount (budg_bill_get_signed_amount_minor (bill),
                                                    budg_bill_get_currency (bill));
  g_autofree char *top = NULL;

  if (budg_bill_get_amount_max_minor (bill) == 0)
    return g_steal_pointer (&amount);

  top = budg_money_format_plain (budg_bill_get_amount_max_minor (bill), budg_bill_get_currency (bill));

  /* TRANSLATORS: an estimated bill amount and the top of its range, "-80.00 USD (up to 120.00)" */
  return g_strdup_printf (_("%s (up to %s)"), amount, top);
}

/* The checks that need no database, so that wrong usage exits with 2
 * before anything is opened. */
static int
check_bill_usage (const BudgCliCommand *command,
                  BillOptions          *options)
{
  if (options->until != NULL && options->count != NULL)
    return budg_cli_usage_error (command, _("Give --until or --count, not both."));
  if (options->autopay && options->no_autopay)
    return budg_cli_usage_error (command, _("Give --autopay or --no-autopay, not both."));
  if (options->income && options->no_income)
    return budg_cli_usage_error (command, _("Give --income or --no-income, not both."));

  if (nonempty (options->count) != NULL &&
      (!budg_cli_parse_count (options->count, &options->count_value) || options->count_value == 0))
    return budg_cli_usage_error (command, _("--count takes how many times the bill comes, 1 or more, not “%s”."),
                                 options->count);
  if (options->lead_days != NULL && !budg_cli_parse_count (options->lead_days, &options->lead_days_value))
    return budg_cli_usage_error (command, _("--lead-days takes a whole number of days, not “%s”."),
                                 options->lead_days);

  if (options->active != NULL)
    {
      if (g_str_equal (options->active, "true"))
        options->active_value = TRUE;
      else if (g_str_equal (options->active, "false"))
        options->active_value = FALSE;
      else
        return budg_cli_usage_error (command, _("--active takes true or false, not “%s”."), options->active);
    }

  return BUDG_CLI_CONTINUE;
}

/* A bill's amounts are sizes; the direction is the --income flag. */
static gboolean
parse_size (const char  *text,
            const char  *currency,
            gint64      *out_minor,
            GError     **error)
{
  if (!budg_money_parse (text, currency, out_minor, error))
    return FALSE;

  if (*out_minor <= 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The amount of a bill is its size and must be more than zero, not “%s”. For a deposit, add --income instead of a minus sign."),
                   text);
      return FALSE;
    }

  return TRUE;
}

/* Sets the fields of @bill that @options name. The store checks the values
 * themselves (positive amount, rule, dates…) when the bill is saved. */
static gboolean
apply_bill_options (BudgContext  *context,
                    BillOptions  *options,
                    BudgBill     *bill,
                    GError      **error)
{
  const char *currency = budg_bill_get_currency (bill);
  gint64 amount;

  if (options->name != NULL)
    budg_bill_set_name (bill, options->name);

  if (options->account != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      options->account, error);

      if (account == NULL)
        return FALSE;
      budg_bill_set_account_id (bill, budg_account_get_id (account));
      budg_bill_set_account_name (bill, budg_account_get_name (account));
      budg_bill_set_currency (bill, budg_account_get_currency (account));
      currency = budg_account_get_currency (account);
    }

  if (options->amount != NULL)
    {
      if (!parse_size (options->amount, currency, &amount, error))
        return FALSE;
      budg_bill_set_amount_minor (bill, amount);
    }

  if (options->estimate_max != NULL)
    {
      amount = 0;
      if (nonempty (options->estimate_max) != NULL &&
          !parse_size (options->estimate_max, currency, &amount, error))
        return FALSE;
      budg_bill_set_amount_max_minor (bill, amount);
    }

  if (options->category != NULL)
    {
      BudgCategory *category = NULL;

      if (nonempty (options->category) != NULL)
        {
          category = budg_category_store_find (budg_context_get_categories (context), options->category, NULL);
          if (category == NULL)
            {
              g_set_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND,
                           _("There is no category “%s”. Create it first with “budg-cli category add %s”, or leave out --category."),
                           options->category, options->category);
              return FALSE;
            }
        }
      budg_bill_set_category_id (bill, category != NULL ? budg_category_get_id (category) : 0);
      budg_bill_set_category_path (bill, category != NULL ? budg_category_get_path (category) : NULL);
    }

  if (options->rrule != NULL)
    budg_bill_set_rrule (bill, options->rrule);

  if (options->start != NULL)
    {
      g_autofree char *start = budg_cli_parse_date (options->start, error);

      if (start == NULL)
        return FALSE;
      budg_bill_set_start_date (bill, start);
    }

  /* A series ends on a date or after a number of times: setting one
   * replaces the other. */
  if (options->until != NULL)
    {
      g_autofree char *until = NULL;

      if (nonempty (options->until) != NULL && !(until = budg_cli_parse_date (options->until, error)))
        return FALSE;
      budg_bill_set_end_date (bill, until);
      if (until != NULL)
        budg_bill_set_count (bill, 0);
    }

  if (options->count != NULL)
    {
      budg_bill_set_count (bill, options->count_value);
      if (options->count_value != 0)
        budg_bill_set_end_date (bill, NULL);
    }

  if (options->lead_days != NULL)
    budg_bill_set_lead_days (bill, options->lead_days_value);

  if (options->payee != NULL)
    budg_bill_set_payee (bill, nonempty (options->payee));
  if (options->notes != NULL)
    budg_bill_set_notes (bill, nonempty (options->notes));

  if (options->weekend != NULL)
    {
      BudgWeekendShift shift;

      if (!budg_weekend_shift_from_string (options->weekend, &shift))
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("“%s” is not a weekend rule. Use none, before or after."), options->weekend);
          return FALSE;
        }
      budg_bill_set_weekend_shift (bill, shift);
    }

  if (options->autopay || options->no_autopay)
    budg_bill_set_autopay (bill, options->autopay);
  if (options->income || options->no_income)
    budg_bill_set_is_income (bill, options->income);
  if (options->active != NULL)
    budg_bill_set_active (bill, options->active_value);

  return TRUE;
}

int
budg_cli_bill_add (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBill) draft = NULL;
  g_autoptr(BudgBill) bill = NULL;
  const char *name = NULL;
  BillOptions opts = { 0 };
  const BudgCliOption options[] = {
    { "amount", TRUE, &opts.amount },
    { "account", TRUE, &opts.account },
    { "category", TRUE, &opts.category },
    { "rrule", TRUE, &opts.rrule },
    { "start", TRUE, &opts.start },
    { "until", TRUE, &opts.until },
    { "count", TRUE, &opts.count },
    { "lead-days", TRUE, &opts.lead_days },
    { "payee", TRUE, &opts.payee },
    { "estimate-max", TRUE, &opts.estimate_max },
    { "weekend", TRUE, &opts.weekend },
    { "notes", TRUE, &opts.notes },
    { "autopay", FALSE, &opts.autopay },
    { "income", FALSE, &opts.income },
    { NULL }
  };
  BudgContext *context;
  BudgBill *created;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (opts.amount == NULL)
    return budg_cli_usage_error (command, _("The option --amount is required."));
  if (opts.account == NULL)
    return budg_cli_usage_error (command, _("The option --account is required."));
  if (opts.rrule == NULL)
    return budg_cli_usage_error (command, _("The option --rrule is required."));
  if (opts.start == NULL)
    return budg_cli_usage_error (command, _("The option --start is required."));

  status = check_bill_usage (command, &opts);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  draft = budg_bill_new (name, 0, 0, opts.rrule, opts.start);
  budg_bill_set_lead_days (draft, DEFAULT_LEAD_DAYS);
  budg_bill_set_active (draft, TRUE);

  if (!apply_bill_options (context, &opts, draft, &error))
    return budg_cli_fail (error);

  created = budg_bill_store_create (budg_context_get_bills (context), draft, &error);
  if (created == NULL)
    return budg_cli_fail (error);
  bill = g_object_ref (created);

  if (cli->json)
    print_bill_json (bill);
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_bill_get_id (bill));
      g_autofree char *description = budg_recurrence_describe (budg_bill_get_rrule (bill));

      g_print (_("Added bill “%s” (id %s): %s.\n"), budg_bill_get_name (bill), id, description);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_bill_list (BudgCli               *cli,
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

  model = G_LIST_MODEL (budg_context_get_bills (context));
  n_items = g_list_model_get_n_items (model);

  if (cli->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(BudgBill) bill = g_list_model_get_item (model, i);

          bill_to_json (bill, builder);
        }
      json_builder_end_array (builder);
      budg_cli_print_json (builder);

      return BUDG_CLI_EXIT_OK;
    }

  if (n_items == 0)
    {
      g_print ("%s\n", _("No bills yet. Add one with “budg-cli bill add NAME --amount AMOUNT --account ACCOUNT --rrule RULE --start DATE”."));
      return BUDG_CLI_EXIT_OK;
    }

  table = budg_cli_table_new (6,
                              _("ID"), TRUE,
                              _("Name"), FALSE,
                              _("Account"), FALSE,
                              _("Amount"), TRUE,
                              _("Repeats"), FALSE,
                              _("Status"), FALSE);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(BudgBill) bill = g_list_model_get_item (model, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_bill_get_id (bill));
      g_autofree char *amount = format_bill_amount (bill);
      g_autofree char *description = budg_recurrence_describe (budg_bill_get_rrule (bill));
      const char *state = NULL;

      if (!budg_bill_get_active (bill))
        state = _("inactive");
      else if (budg_bill_get_autopay (bill))
        state = _("autopay");

      budg_cli_table_add_row (table, id,
                              budg_bill_get_name (bill),
                              budg_bill_get_account_name (bill),
                              amount,
                              description,
                              state);
    }

  budg_cli_table_print (table);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_bill_edit (BudgCli               *cli,
                    const BudgCliCommand  *command,
                    int                    argc,
                    char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBill) bill = NULL;
  g_autoptr(BudgBill) values = NULL;
  g_autoptr(BudgBill) result = NULL;
  g_autofree char *from_date = NULL;
  const char *id_or_name = NULL;
  BillOptions opts = { 0 };
  const BudgCliOption options[] = {
    { "name", TRUE, &opts.name },
    { "amount", TRUE, &opts.amount },
    { "account", TRUE, &opts.account },
    { "category", TRUE, &opts.category },
    { "rrule", TRUE, &opts.rrule },
    { "start", TRUE, &opts.start },
    { "until", TRUE, &opts.until },
    { "count", TRUE, &opts.count },
    { "lead-days", TRUE, &opts.lead_days },
    { "payee", TRUE, &opts.payee },
    { "estimate-max", TRUE, &opts.estimate_max },
    { "weekend", TRUE, &opts.weekend },
    { "notes", TRUE, &opts.notes },
    { "active", TRUE, &opts.active },
    { "from-date", TRUE, &opts.from_date },
    { "autopay", FALSE, &opts.autopay },
    { "no-autopay", FALSE, &opts.no_autopay },
    { "income", FALSE, &opts.income },
    { "no-income", FALSE, &opts.no_income },
    { NULL }
  };
  BudgBillStore *store;
  BudgContext *context;
  BudgBill *found;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_or_name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (opts.name == NULL && opts.amount == NULL && opts.account == NULL && opts.category == NULL &&
      opts.rrule == NULL && opts.start == NULL && opts.until == NULL && opts.count == NULL &&
      opts.lead_days == NULL && opts.payee == NULL && opts.estimate_max == NULL &&
      opts.weekend == NULL && opts.notes == NULL && opts.active == NULL &&
      !opts.autopay && !opts.no_autopay && !opts.income && !opts.no_income)
    return budg_cli_usage_error (command, _("Nothing to change: give at least one option of “bill add”, or --active."));

  status = check_bill_usage (command, &opts);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (opts.from_date != NULL && !(from_date = budg_cli_parse_date (opts.from_date, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_bills (context);

  if (!(found = budg_bill_store_find (store, id_or_name, &error)))
    return budg_cli_fail (error);

  /* Our own reference: the change reloads the store. */
  bill = g_object_ref (found);
  values = budg_bill_copy (bill);

  if (!apply_bill_options (context, &opts, values, &error))
    return budg_cli_fail (error);

  if (from_date != NULL)
    {
      BudgBill *next = budg_bill_store_update_from (store, bill, values, from_date, &error);

      if (next == NULL)
        return budg_cli_fail (error);
      result = g_object_ref (next);
    }
  else
    {
      BudgBill *fresh;

      if (!budg_bill_store_update (store, bill, values, &error))
        return budg_cli_fail (error);
      fresh = budg_bill_store_lookup (store, budg_bill_get_id (bill));
      result = g_object_ref (fresh != NULL ? fresh : bill);
    }

  if (cli->json)
    print_bill_json (result);
  else if (budg_bill_get_id (result) != budg_bill_get_id (bill))
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_bill_get_id (result));

      g_print (_("Changed “%s” from %s on: the later occurrences are now bill %s.\n"),
               budg_bill_get_name (bill), from_date, id);
    }
  else
    g_print (_("Updated bill “%s”.\n"), budg_bill_get_name (result));

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_bill_delete (BudgCli               *cli,
                      const BudgCliCommand  *command,
                      int                    argc,
                      char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgBill) bill = NULL;
  g_autofree char *message = NULL;
  const char *id_or_name = NULL;
  BudgBillStore *store;
  BudgContext *context;
  BudgBill *found;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, NULL, &id_or_name);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  store = budg_context_get_bills (context);

  if (!(found = budg_bill_store_find (store, id_or_name, &error)))
    return budg_cli_fail (error);

  /* Our own reference: deleting reloads the store, which drops its objects. */
  bill = g_object_ref (found);

  if (!budg_bill_store_delete (store, bill, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("Deleted bill “%s”."), budg_bill_get_name (bill));

  return budg_cli_print_deleted (cli, budg_bill_get_id (bill), message);
}

/* Looks up a due bill by the id `due list` shows. */
static BudgDueBill *
find_due (BudgContext  *context,
          const char   *text,
          GError      **error)
{
  gint64 id;

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a due bill id. Use the number shown by “budg-cli due list”."), text);
      return NULL;
    }

  return budg_due_store_get (budg_context_get_dues (context), id, error);
}

/* Fills in the default end of a range: @days after its start. */
static gboolean
parse_range (const char  *from_text,
             const char  *to_text,
             int          days,
             char       **out_from,
             char       **out_to,
             GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (from_text != NULL)
    from = budg_cli_parse_date (from_text, error);
  else
    from = budg_date_today ();
  if (from == NULL)
    return FALSE;

  if (to_text != NULL)
    to = budg_cli_parse_date (to_text, error);
  else
    to = budg_date_add_days (from, days);
  if (to == NULL)
    return FALSE;

  *out_from = g_steal_pointer (&from);
  *out_to = g_steal_pointer (&to);

  return TRUE;
}

int
budg_cli_due_list (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) dues = NULL;
  g_autoptr(BudgCliTable) table = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const char *account_text = NULL;
  const BudgCliOption options[] = {
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { "account", TRUE, &account_text },
    { NULL }
  };
  BudgContext *context;
  gint64 account_id = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!parse_range (from_text, to_text, DUE_LIST_DEFAULT_DAYS, &from, &to, &error))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (account_text != NULL)
    {
      BudgAccount *account = budg_account_store_find (budg_context_get_accounts (context),
                                                      account_text, &error);

      if (account == NULL)
        return budg_cli_fail (error);
      account_id = budg_account_get_id (account);
    }

  /* Autopay bills are paid on their date; whoever looks first records it. */
  {
    g_autofree char *today = budg_date_today ();

    if (budg_due_store_process_autopay (budg_context_get_dues (context), today, &error) < 0)
      return budg_cli_fail (error);
  }

  /* Materialized, so that every listed row has an id to pay, skip or move. */
  dues = budg_due_store_list (budg_context_get_dues (context), from, to, account_id, TRUE, &error);
  if (dues == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < dues->len; i++)
        due_to_json (g_ptr_array_index (dues, i), builder);
      json_builder_end_array (builder);
      budg_cli_print_json (builder);

      return BUDG_CLI_EXIT_OK;
    }

  if (dues->len == 0)
    {
      g_print (_("Nothing is due from %s to %s.\n"), from, to);
      return BUDG_CLI_EXIT_OK;
    }

  table = budg_cli_table_new (6,
                              _("ID"), TRUE,
                              _("Due"), FALSE,
                              _("Name"), FALSE,
                              _("Account"), FALSE,
                              _("Amount"), TRUE,
                              _("Status"), FALSE);

  for (guint i = 0; i < dues->len; i++)
    {
      BudgDueBill *due = g_ptr_array_index (dues, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, budg_due_bill_get_id (due));
      g_autofree char *amount = budg_cli_format_amount (budg_due_bill_get_amount_minor (due),
                                                        budg_due_bill_get_currency (due));

      budg_cli_table_add_row (table, id,
                              budg_due_bill_get_due_date (due),
                              budg_due_bill_get_name (due),
                              budg_due_bill_get_account_name (due),
                              amount,
                              budg_due_status_to_string (budg_due_bill_get_status (due)));
    }

  budg_cli_table_print (table);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_due_pay (BudgCli               *cli,
                  const BudgCliCommand  *command,
                  int                    argc,
                  char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDueBill) due = NULL;
  g_autofree char *date = NULL;
  const char *id_text = NULL;
  const char *date_text = NULL;
  const char *amount_text = NULL;
  const BudgCliOption options[] = {
    { "date", TRUE, &date_text },
    { "amount", TRUE, &amount_text },
    { NULL }
  };
  BudgContext *context;
  gint64 amount = 0;
  gint64 transaction_id;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (date_text != NULL && !(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(due = find_due (context, id_text, &error)))
    return budg_cli_fail (error);

  if (amount_text != NULL)
    {
      BudgBill *bill = budg_bill_store_lookup (budg_context_get_bills (context),
                                               budg_due_bill_get_bill_id (due));

      if (!budg_money_parse (amount_text, budg_due_bill_get_currency (due), &amount, &error))
        return budg_cli_fail (error);
      if (amount <= 0)
        return budg_cli_fail_message (_("Give the amount paid as its size, more than zero; Budg records it as money out for a bill and money in for income."));

      /* The person types what they paid; the ledger keeps the sign. */
      if (bill == NULL || !budg_bill_get_is_income (bill))
        amount = -amount;
    }

  transaction_id = budg_due_store_pay (budg_context_get_dues (context), due, date,
                                       amount_text != NULL, amount, &error);
  if (transaction_id == 0)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "id", budg_due_bill_get_id (due));
      budg_cli_json_add_int (builder, "transaction_id", transaction_id);
      budg_cli_json_add_string (builder, "status", budg_due_status_to_string (budg_due_bill_get_status (due)));
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, transaction_id);

      g_print (_("Paid “%s” due on %s (transaction %s).\n"),
               budg_due_bill_get_name (due), budg_due_bill_get_due_date (due), id);
    }

  return BUDG_CLI_EXIT_OK;
}

/* Reads @due back, so that the output shows what was stored (the day's
 * renumbered priorities, the status for today). */
static int
print_due_after_change (BudgCli     *cli,
                        BudgContext *context,
                        BudgDueBill *due,
                        const char  *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDueBill) stored = NULL;

  if (!cli->json)
    {
      g_print ("%s\n", message);
      return BUDG_CLI_EXIT_OK;
    }

  stored = budg_due_store_get (budg_context_get_dues (context), budg_due_bill_get_id (due), &error);
  if (stored == NULL)
    return budg_cli_fail (error);

  print_due_json (stored);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_due_skip (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDueBill) due = NULL;
  g_autofree char *message = NULL;
  const char *id_text = NULL;
  gboolean undo = FALSE;
  const BudgCliOption options[] = {
    { "undo", FALSE, &undo },
    { NULL }
  };
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(due = find_due (context, id_text, &error)))
    return budg_cli_fail (error);

  if (undo && budg_due_bill_get_status (due) != BUDG_DUE_STATUS_SKIPPED)
    return budg_cli_fail_message (_("“%s” due on %s is not skipped, so there is nothing to undo."),
                                  budg_due_bill_get_name (due), budg_due_bill_get_due_date (due));

  if (!budg_due_store_skip (budg_context_get_dues (context), due, !undo, &error))
    return budg_cli_fail (error);

  if (undo)
    message = g_strdup_printf (_("“%s” due on %s is no longer skipped."),
                               budg_due_bill_get_name (due), budg_due_bill_get_due_date (due));
  else
    message = g_strdup_printf (_("Skipped “%s” due on %s."),
                               budg_due_bill_get_name (due), budg_due_bill_get_due_date (due));

  return print_due_after_change (cli, context, due, message);
}

int
budg_cli_due_move (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDueBill) due = NULL;
  g_autoptr(BudgDueBill) anchor = NULL;
  g_autofree char *message = NULL;
  const char *id_text = NULL;
  const char *before_text = NULL;
  const char *after_text = NULL;
  const BudgCliOption options[] = {
    { "before", TRUE, &before_text },
    { "after", TRUE, &after_text },
    { NULL }
  };
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if ((before_text == NULL) == (after_text == NULL))
    return budg_cli_usage_error (command, _("Give either --before or --after, with the id of another due bill."));

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(due = find_due (context, id_text, &error)) ||
      !(anchor = find_due (context, before_text != NULL ? before_text : after_text, &error)))
    return budg_cli_fail (error);

  if (!budg_due_store_move (budg_context_get_dues (context), due, anchor, after_text != NULL, &error))
    return budg_cli_fail (error);

  if (after_text != NULL)
    message = g_strdup_printf (_("“%s” is now due on %s, after “%s”."), budg_due_bill_get_name (due),
                               budg_due_bill_get_due_date (anchor), budg_due_bill_get_name (anchor));
  else
    message = g_strdup_printf (_("“%s” is now due on %s, before “%s”."), budg_due_bill_get_name (due),
                               budg_due_bill_get_due_date (anchor), budg_due_bill_get_name (anchor));

  return print_due_after_change (cli, context, due, message);
}

int
budg_cli_due_reschedule (BudgCli               *cli,
                         const BudgCliCommand  *command,
                         int                    argc,
                         char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgDueBill) due = NULL;
  g_autofree char *date = NULL;
  g_autofree char *message = NULL;
  const char *id_text = NULL;
  const char *date_text = NULL;
  const BudgCliOption options[] = {
    { "date", TRUE, &date_text },
    { NULL }
  };
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &id_text);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (date_text == NULL)
    return budg_cli_usage_error (command, _("The option --date is required."));

  if (!(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(due = find_due (context, id_text, &error)))
    return budg_cli_fail (error);

  if (!budg_due_store_reschedule (budg_context_get_dues (context), due, date, &error))
    return budg_cli_fail (error);

  message = g_strdup_printf (_("“%s” is now due on %s."), budg_due_bill_get_name (due), date);

  return print_due_after_change (cli, context, due, message);
}

int
budg_cli_forecast (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgForecast) forecast = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *account_text = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const BudgCliOption options[] = {
    { "account", TRUE, &account_text },
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { NULL }
  };
  BudgContext *context;
  BudgAccount *account;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (account_text == NULL)
    return budg_cli_usage_error (command, _("The option --account is required."));
  if (to_text == NULL)
    return budg_cli_usage_error (command, _("The option --to is required."));

  if (!parse_range (from_text, to_text, 0, &from, &to, &error))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!(account = budg_account_store_find (budg_context_get_accounts (context), account_text, &error)))
    return budg_cli_fail (error);

  forecast = budg_forecast_compute (budg_context_get_database (context), budg_context_get_dues (context),
                                    budg_account_get_id (account), from, to, &error);
  if (forecast == NULL)
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "account", forecast->account_name);
      budg_cli_json_add_string (builder, "currency", forecast->currency);
      json_builder_set_member_name (builder, "days");
      json_builder_begin_array (builder);
      for (guint i = 0; i < forecast->days->len; i++)
        {
          const BudgForecastDay *day = &g_array_index (forecast->days, BudgForecastDay, i);

          json_builder_begin_object (builder);
          budg_cli_json_add_string (builder, "date", day->date);
          budg_cli_json_add_int (builder, "balance_minor", day->balance_minor);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "low");
      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "date", forecast->low.date);
      budg_cli_json_add_int (builder, "balance_minor", forecast->low.balance_minor);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autoptr(BudgCliTable) table = budg_cli_table_new (2,
                                                          _("Date"), FALSE,
                                                          _("Balance"), TRUE);
      g_autofree char *low = budg_cli_format_amount (forecast->low.balance_minor, forecast->currency);

      for (guint i = 0; i < forecast->days->len; i++)
        {
          const BudgForecastDay *day = &g_array_index (forecast->days, BudgForecastDay, i);
          g_autofree char *balance = budg_cli_format_amount (day->balance_minor, forecast->currency);

          budg_cli_table_add_row (table, day->date, balance);
        }

      budg_cli_table_print (table);
      g_print (_("The lowest balance of “%s” is %s, on %s.\n"), forecast->account_name, low, forecast->low.date);
    }

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_export_ics (BudgCli               *cli,
                     const BudgCliCommand  *command,
                     int                    argc,
                     char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  const char *path = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const BudgCliOption options[] = {
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { NULL }
  };
  BudgContext *context;
  guint n_events = 0;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, &path);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (!parse_range (from_text, to_text, EXPORT_DEFAULT_DAYS, &from, &to, &error))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!budg_ics_export_file (budg_context_get_dues (context), from, to, path, &n_events, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "path", path);
      budg_cli_json_add_string (builder, "from", from);
      budg_cli_json_add_string (builder, "to", to);
      budg_cli_json_add_int (builder, "events", n_events);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_print (ngettext ("Wrote %u due bill (%s to %s) to “%s”.\n",
                         "Wrote %u due bills (%s to %s) to “%s”.\n", n_events),
               n_events, from, to, display);
    }

  return BUDG_CLI_EXIT_OK;
}
