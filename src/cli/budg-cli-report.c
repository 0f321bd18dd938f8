/* budg-cli-report.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli-report"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "budg-cli-private.h"
#include "budg-csv-writer.h"
#include "budg-exchange-rates.h"
#include "budg-insights.h"
#include "budg-report.h"

/* A word that is a negative amount ("-12.50"), an argument rather than an
 * option, so that `goal contribute Holiday -20` needs no "--". */
static gboolean
is_negative_number (const char *word)
{
  return word[0] == '-' && (g_ascii_isdigit (word[1]) || (word[1] == '.' && g_ascii_isdigit (word[2])));
}

/**
 * budg_cli_take_arguments:
 * @options: the command's options, to know which take a value
 * @n_words: how many positional words the command takes
 * @out_words: (out caller-allocates): @n_words slots, set to the words in
 *   order (%NULL where missing)
 * @out_rest: (out): the other words (options and their values), for
 *   budg_cli_parse()
 *
 * budg_cli_parse() takes one positional argument; commands with more
 * (`rate set FROM TO RATE`) take them out first with this.
 *
 * Returns: %BUDG_CLI_CONTINUE, or the exit status of a usage error
 */
int
budg_cli_take_arguments (const BudgCliCommand  *command,
                         int                    argc,
                         char                 **argv,
                         const BudgCliOption   *options,
                         guint                  n_words,
                         const char           **out_words,
                         GPtrArray             *out_rest)
{
  gboolean only_arguments = FALSE;
  guint n_found = 0;

  for (guint i = 0; i < n_words; i++)
    out_words[i] = NULL;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      gboolean takes_value = FALSE;

      if (only_arguments || arg[0] != '-' || arg[1] == '\0' || is_negative_number (arg))
        {
          if (n_found == n_words)
            return budg_cli_usage_error (command, _("Unexpected argument “%s”."), arg);
          out_words[n_found++] = arg;
          continue;
        }

      if (g_str_equal (arg, "--"))
        {
          only_arguments = TRUE;
          continue;
        }

      g_ptr_array_add (out_rest, argv[i]);

      if (!g_str_has_prefix (arg, "--") || strchr (arg, '=') != NULL)
        continue;

      if (g_str_equal (arg, "--db"))
        takes_value = TRUE;
      for (const BudgCliOption *o = options; !takes_value && o != NULL && o->name != NULL; o++)
        takes_value = o->has_value && g_str_equal (o->name, arg + 2);

      /* The value goes with its option, whatever it looks like. */
      if (takes_value && i + 1 < argc)
        g_ptr_array_add (out_rest, argv[++i]);
    }

  return BUDG_CLI_CONTINUE;
}

int
budg_cli_rate_set (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autofree char *date = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *rate_text = NULL;
  const char *words[3];
  const char *date_text = NULL;
  const BudgCliOption options[] = {
    { "date", TRUE, &date_text },
    { NULL }
  };
  BudgContext *context;
  gint64 rate;
  int status;

  status = budg_cli_take_arguments (command, argc, argv, options, G_N_ELEMENTS (words), words, rest);
  if (status == BUDG_CLI_CONTINUE)
    status = budg_cli_parse (cli, command, rest->len, (char **) rest->pdata, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (words[2] == NULL)
    return budg_cli_usage_error (command, _("Give the two currencies and the rate, as in “rate set EUR USD 1.0823”."));
  if (date_text == NULL)
    return budg_cli_usage_error (command, _("The option --date is required."));

  /* Codes are upper case; "eur" is a slip of the keyboard, not another currency. */
  from = g_ascii_strup (words[0], -1);
  to = g_ascii_strup (words[1], -1);

  if (!budg_exchange_rate_parse (words[2], &rate, &error) ||
      !(date = budg_cli_parse_date (date_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);

  if (!budg_exchange_rates_set (budg_context_get_database (context), from, to, date, rate, &error))
    return budg_cli_fail (error);

  rate_text = budg_exchange_rate_format (rate);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "from", from);
      budg_cli_json_add_string (builder, "to", to);
      budg_cli_json_add_string (builder, "date", date);
      budg_cli_json_add_string (builder, "rate", rate_text);
      budg_cli_json_add_int (builder, "rate_e10", rate);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    g_print (_("From %s on, 1 %s is worth %s %s.\n"), date, from, rate_text, to);

  return BUDG_CLI_EXIT_OK;
}

typedef enum
{
  REPORT_SPENDING,
  REPORT_INCOME_EXPENSE,
  REPORT_NET_WORTH,
  REPORT_BUDGET,
  REPORT_SUMMARY,
} ReportKind;

static const struct
{
  const char      *name;
  BudgReportGroup  group;
} groups[] = {
  { "category", BUDG_REPORT_GROUP_CATEGORY },
  { "parent", BUDG_REPORT_GROUP_PARENT },
  { "payee", BUDG_REPORT_GROUP_PAYEE },
  { "month", BUDG_REPORT_GROUP_MONTH },
  { "year", BUDG_REPORT_GROUP_YEAR },
  { "account", BUDG_REPORT_GROUP_ACCOUNT },
};

/* The --by values each report takes; the first is its default. */
static const BudgReportGroup spending_groups[] = {
  BUDG_REPORT_GROUP_CATEGORY, BUDG_REPORT_GROUP_PARENT, BUDG_REPORT_GROUP_PAYEE,
  BUDG_REPORT_GROUP_MONTH, BUDG_REPORT_GROUP_YEAR,
};
static const BudgReportGroup period_groups[] = { BUDG_REPORT_GROUP_MONTH, BUDG_REPORT_GROUP_YEAR };
static const BudgReportGroup net_worth_groups[] = { BUDG_REPORT_GROUP_MONTH, BUDG_REPORT_GROUP_ACCOUNT };
static const BudgReportGroup budget_groups[] = { BUDG_REPORT_GROUP_CATEGORY };

static const char *
group_name (BudgReportGroup group)
{
  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    if (groups[i].group == group)
      return groups[i].name;

  g_return_val_if_reached (NULL);
}

static char *
join_group_names (const BudgReportGroup *allowed,
                  guint                  n_allowed)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < n_allowed; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", group_name (allowed[i]));

  return g_string_free (g_steal_pointer (&names), FALSE);
}

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
row_to_json (ReportKind       kind,
             BudgReportGroup  group,
             gboolean         monthly,
             BudgReportRow   *row,
             JsonBuilder     *builder)
{
  json_builder_begin_object (builder);
  budg_cli_json_add_string (builder, group_name (group), row->key);
  if (row->month != NULL && (monthly || kind == REPORT_BUDGET || group == BUDG_REPORT_GROUP_ACCOUNT))
    budg_cli_json_add_string (builder, "month", row->month);
  if (kind == REPORT_INCOME_EXPENSE || kind == REPORT_SUMMARY)
    {
      budg_cli_json_add_int (builder, "income_minor", row->income_minor);
      budg_cli_json_add_int (builder, "expense_minor", row->expense_minor);
    }
  if (kind == REPORT_BUDGET || kind == REPORT_SUMMARY)
    budg_cli_json_add_int (builder, "budgeted_minor", row->budgeted_minor);
  budg_cli_json_add_int (builder, "amount_minor", row->amount_minor);
  budg_cli_json_add_string (builder, "currency", row->currency);
  json_builder_end_object (builder);
}

/* Rows of a report grouped by something other than time may each belong to
 * a month; the CSV file has the column whenever they can. */
static gboolean
has_month_column (ReportKind       kind,
                  BudgReportGroup  group,
                  gboolean         monthly)
{
  if (kind == REPORT_BUDGET || group == BUDG_REPORT_GROUP_ACCOUNT)
    return TRUE;

  return monthly && group != BUDG_REPORT_GROUP_MONTH && group != BUDG_REPORT_GROUP_YEAR;
}

/* The JSON rows as CSV: the same members in the same order, each amount as
 * a decimal for people and spreadsheets, then in minor units for scripts. */
static BudgCsvWriter *
rows_to_csv (ReportKind       kind,
             BudgReportGroup  group,
             gboolean         monthly,
             GPtrArray       *rows)
{
  BudgCsvWriter *writer = budg_csv_writer_new ();
  gboolean month_column = has_month_column (kind, group, monthly);
  gboolean income_expense = kind == REPORT_INCOME_EXPENSE || kind == REPORT_SUMMARY;
  gboolean budgeted = kind == REPORT_BUDGET || kind == REPORT_SUMMARY;

  budg_csv_writer_add_field (writer, group_name (group));
  if (month_column)
    budg_csv_writer_add_field (writer, "month");
  if (income_expense)
    {
      budg_csv_writer_add_field (writer, "income");
      budg_csv_writer_add_field (writer, "income_minor");
      budg_csv_writer_add_field (writer, "expense");
      budg_csv_writer_add_field (writer, "expense_minor");
    }
  if (budgeted)
    {
      budg_csv_writer_add_field (writer, "budgeted");
      budg_csv_writer_add_field (writer, "budgeted_minor");
    }
  budg_csv_writer_add_field (writer, "amount");
  budg_csv_writer_add_field (writer, "amount_minor");
  budg_csv_writer_add_field (writer, "currency");
  budg_csv_writer_end_row (writer);

  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);

      budg_csv_writer_add_field (writer, row->key);
      if (month_column)
        budg_csv_writer_add_field (writer, row->month);
      if (income_expense)
        {
          budg_csv_writer_add_amount (writer, row->income_minor, row->currency);
          budg_csv_writer_add_int (writer, row->income_minor);
          budg_csv_writer_add_amount (writer, row->expense_minor, row->currency);
          budg_csv_writer_add_int (writer, row->expense_minor);
        }
      if (budgeted)
        {
          budg_csv_writer_add_amount (writer, row->budgeted_minor, row->currency);
          budg_csv_writer_add_int (writer, row->budgeted_minor);
        }
      budg_csv_writer_add_amount (writer, row->amount_minor, row->currency);
      budg_csv_writer_add_int (writer, row->amount_minor);
      budg_csv_writer_add_field (writer, row->currency);
      budg_csv_writer_end_row (writer);
    }

  return writer;
}

/* Writes the rows to @path ("-" for standard output) and says so. */
static int
write_csv (BudgCli       *cli,
           GPtrArray     *rows,
           BudgCsvWriter *writer,
           const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *display = NULL;
  const char *text;
  gsize length;

  if (g_str_equal (path, "-"))
    {
      text = budg_csv_writer_get_text (writer, &length);
      fwrite (text, 1, length, stdout);
      return BUDG_CLI_EXIT_OK;
    }

  if (!budg_csv_writer_save (writer, path, &error))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_string (builder, "output", path);
      budg_cli_json_add_string (builder, "format", "csv");
      budg_cli_json_add_int (builder, "rows", rows->len);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    {
      display = g_filename_display_name (path);
      g_print (ngettext ("Wrote %u row to “%s”.\n", "Wrote %u rows to “%s”.\n", rows->len),
               rows->len, display);
    }

  return BUDG_CLI_EXIT_OK;
}

static void
print_rows_text (ReportKind       kind,
                 BudgReportGroup  group,
                 gboolean         monthly,
                 GPtrArray       *rows)
{
  g_autoptr(BudgCliTable) table = NULL;
  const char *key_title;

  switch (group)
    {
    case BUDG_REPORT_GROUP_CATEGORY:
    case BUDG_REPORT_GROUP_PARENT: key_title = _("Category"); break;
    case BUDG_REPORT_GROUP_PAYEE: key_title = _("Payee"); break;
    case BUDG_REPORT_GROUP_YEAR: key_title = _("Year"); break;
    case BUDG_REPORT_GROUP_ACCOUNT: key_title = _("Account"); break;
    case BUDG_REPORT_GROUP_MONTH:
    default: key_title = _("Month"); break;
    }

  /* Only the columns the report has. */
  switch (kind)
    {
    case REPORT_SPENDING:
      if (monthly)
        table = budg_cli_table_new (3, _("Month"), FALSE, key_title, FALSE, _("Spent"), TRUE);
      else
        table = budg_cli_table_new (2, key_title, FALSE, _("Spent"), TRUE);
      break;
    case REPORT_INCOME_EXPENSE:
      table = budg_cli_table_new (4, key_title, FALSE, _("Income"), TRUE, _("Expense"), TRUE, _("Net"), TRUE);
      break;
    case REPORT_SUMMARY:
      table = budg_cli_table_new (5, key_title, FALSE, _("Income"), TRUE, _("Expense"), TRUE,
                                  _("Net"), TRUE, _("Budgeted"), TRUE);
      break;
    case REPORT_NET_WORTH:
      if (group == BUDG_REPORT_GROUP_ACCOUNT)
        table = budg_cli_table_new (3, _("Account"), FALSE, _("Month"), FALSE, _("Balance"), TRUE);
      else
        table = budg_cli_table_new (2, _("Month"), FALSE, _("Net worth"), TRUE);
      break;
    case REPORT_BUDGET:
    default:
      table = budg_cli_table_new (4, _("Month"), FALSE, _("Category"), FALSE, _("Budgeted"), TRUE, _("Spent"), TRUE);
      break;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      BudgReportRow *row = g_ptr_array_index (rows, i);
      g_autofree char *income = budg_cli_format_amount (row->income_minor, row->currency);
      g_autofree char *expense = budg_cli_format_amount (row->expense_minor, row->currency);
      g_autofree char *budgeted = budg_cli_format_amount (row->budgeted_minor, row->currency);
      g_autofree char *amount = budg_cli_format_amount (row->amount_minor, row->currency);

      switch (kind)
        {
        case REPORT_SPENDING:
          if (monthly)
            budg_cli_table_add_row (table, row->month, row->label, amount);
          else
            budg_cli_table_add_row (table, row->label, amount);
          break;
        case REPORT_INCOME_EXPENSE:
          budg_cli_table_add_row (table, row->label, income, expense, amount);
          break;
        case REPORT_SUMMARY:
          budg_cli_table_add_row (table, row->label, income, expense, amount, budgeted);
          break;
        case REPORT_NET_WORTH:
          if (group == BUDG_REPORT_GROUP_ACCOUNT)
            budg_cli_table_add_row (table, row->label, row->month, amount);
          else
            budg_cli_table_add_row (table, row->label, amount);
          break;
        case REPORT_BUDGET:
        default:
          budg_cli_table_add_row (table, row->month, row->label, budgeted, amount);
          break;
        }
    }

  budg_cli_table_print (table);
}

static int
run_report (BudgCli               *cli,
            const BudgCliCommand  *command,
            int                    argc,
            char                 **argv,
            ReportKind             kind,
            const BudgReportGroup *allowed,
            guint                  n_allowed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *currency = NULL;
  const char *from_text = NULL;
  const char *to_text = NULL;
  const char *by_text = NULL;
  const char *currency_text = NULL;
  const char *csv_path = NULL;
  gboolean monthly = FALSE;
  const BudgCliOption options[] = {
    { "from", TRUE, &from_text },
    { "to", TRUE, &to_text },
    { "by", TRUE, &by_text },
    { "currency", TRUE, &currency_text },
    { "monthly", FALSE, &monthly },
    { "csv", TRUE, &csv_path },
    { NULL }
  };
  BudgReportQuery query = { 0 };
  BudgReportGroup group = allowed[0];
  BudgDatabase *database;
  BudgContext *context;
  int status;

  status = budg_cli_parse (cli, command, argc, argv, options, NULL);
  if (status != BUDG_CLI_CONTINUE)
    return status;

  if (from_text == NULL)
    return budg_cli_usage_error (command, _("The option --from is required."));
  if (to_text == NULL)
    return budg_cli_usage_error (command, _("The option --to is required."));
  if (monthly && kind != REPORT_SPENDING)
    return budg_cli_usage_error (command, _("--monthly is for the spending report."));
  if (csv_path != NULL && csv_path[0] == '\0')
    return budg_cli_usage_error (command, _("The option --csv needs a file name, or “-” for the standard output."));
  if (csv_path != NULL && g_str_equal (csv_path, "-") && cli->json)
    return budg_cli_usage_error (command, _("--csv - prints CSV, so it cannot be combined with --json."));

  if (by_text != NULL)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n_allowed && !found; i++)
        {
          if (g_str_equal (by_text, group_name (allowed[i])))
            {
              group = allowed[i];
              found = TRUE;
            }
        }

      if (!found)
        {
          g_autofree char *names = join_group_names (allowed, n_allowed);

          return budg_cli_usage_error (command, _("--by takes %s, not “%s”."), names, by_text);
        }
    }

  if (!(from = budg_cli_parse_date (from_text, &error)) ||
      !(to = budg_cli_parse_date (to_text, &error)))
    return budg_cli_fail (error);

  if (!(context = budg_cli_get_context (cli, &error)))
    return budg_cli_fail (error);
  database = budg_context_get_database (context);

  if (currency_text != NULL)
    currency = g_ascii_strup (currency_text, -1);
  else if (kind == REPORT_NET_WORTH && group == BUDG_REPORT_GROUP_MONTH)
    currency = g_strdup (budg_context_get_default_currency (context));

  query.from = from;
  query.to = to;
  query.group = group;
  query.by_month = monthly;
  query.currency = currency;

  switch (kind)
    {
    case REPORT_SPENDING:
      rows = budg_report_spending (database, &query, &error);
      break;
    case REPORT_INCOME_EXPENSE:
      rows = budg_report_income_expense (database, &query, &error);
      break;
    case REPORT_NET_WORTH:
      if (group == BUDG_REPORT_GROUP_ACCOUNT)
        rows = budg_report_balances (database, &query, &error);
      else
        rows = budg_report_net_worth (database, &query, &error);
      break;
    case REPORT_BUDGET:
      rows = budg_report_budget (database, &query, &error);
      break;
    case REPORT_SUMMARY:
    default:
      rows = budg_report_summary (database, &query, &error);
      break;
    }

  if (rows == NULL)
    return budg_cli_fail (error);

  if (csv_path != NULL)
    {
      g_autoptr(BudgCsvWriter) writer = rows_to_csv (kind, group, monthly, rows);

      return write_csv (cli, rows, writer, csv_path);
    }

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        row_to_json (kind, group, monthly, g_ptr_array_index (rows, i), builder);
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (rows->len == 0)
    g_print ("%s\n", _("Nothing to report for these dates."));
  else
    print_rows_text (kind, group, monthly, rows);

  return BUDG_CLI_EXIT_OK;
}

int
budg_cli_report_spending (BudgCli               *cli,
                          const BudgCliCommand  *command,
                          int                    argc,
                          char                 **argv)
{
  return run_report (cli, command, argc, argv, REPORT_SPENDING,
                     spending_groups, G_N_ELEMENTS (spending_groups));
}

int
budg_cli_report_income_expense (BudgCli               *cli,
                                const BudgCliCommand  *command,
                                int                    argc,
                                char                 **argv)
{
  return run_report (cli, command, argc, argv, REPORT_INCOME_EXPENSE,
                     period_groups, G_N_ELEMENTS (period_groups));
}

int
budg_cli_report_net_worth (BudgCli               *cli,
                           const BudgCliCommand  *command,
                           int                    argc,
                           char                 **argv)
{
  return run_report (cli, command, argc, argv, REPORT_NET_WORTH,
                     net_worth_groups, G_N_ELEMENTS (net_worth_groups));
}

int
budg_cli_report_budget (BudgCli               *cli,
                        const BudgCliCommand  *command,
                        int                    argc,
                        char                 **argv)
{
  return run_report (cli, command, argc, argv, REPORT_BUDGET,
                     budget_groups, G_N_ELEMENTS (budget_groups));
}

int
budg_cli_report_summary (BudgCli               *cli,
                         const BudgCliCommand  *command,
                         int                    argc,
                         char                 **argv)
{
  return run_report (cli, command, argc, argv, REPORT_SUMMARY,
                     period_groups, G_N_ELEMENTS (period_groups));
}

int
budg_cli_insights (BudgCli               *cli,
                   const BudgCliCommand  *command,
                   int                    argc,
                   char                 **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) insights = NULL;
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

  if (!(insights = budg_insights_compute (budg_context_get_database (context), date, &error)))
    return budg_cli_fail (error);

  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < insights->len; i++)
        {
          BudgInsight *insight = g_ptr_array_index (insights, i);

          json_builder_begin_object (builder);
          budg_cli_json_add_string (builder, "kind", budg_insight_kind_to_string (insight->kind));
          budg_cli_json_add_string (builder, "text", insight->text);
          budg_cli_json_add_string (builder, "subject", insight->subject);
          budg_cli_json_add_string (builder, "period", insight->period);
          budg_cli_json_add_int (builder, "amount_minor", insight->amount_minor);
          budg_cli_json_add_int (builder, "reference_minor", insight->reference_minor);
          budg_cli_json_add_int (builder, "percent", insight->percent);
          budg_cli_json_add_int (builder, "count", insight->count);
          add_nullable_int (builder, "transaction_id", insight->transaction_id != 0, insight->transaction_id);
          budg_cli_json_add_string (builder, "currency", insight->currency);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      budg_cli_print_json (builder);
    }
  else if (insights->len == 0)
    g_print ("%s\n", _("Nothing stands out yet. Insights appear as months of transactions come in."));
  else
    {
      for (guint i = 0; i < insights->len; i++)
        g_print ("%s\n", ((BudgInsight *) g_ptr_array_index (insights, i))->text);
    }

  return BUDG_CLI_EXIT_OK;
}
