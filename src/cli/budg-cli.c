/* budg-cli.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "budg-cli-private.h"
#include "budg-date.h"
#include "budg-money.h"

/* The usage strings name options and placeholders; only the placeholders and
 * the summaries are for translators.
 */
static const BudgCliCommand commands[] = {
  { NULL, "init", budg_cli_init, NULL,
    "",
    N_("Create the database, or bring an existing one up to date") },
  { "account", "add", budg_cli_account_add, N_("NAME"),
    N_("NAME --kind KIND [--currency CODE] [--institution NAME] [--opening-balance AMOUNT --opening-date DATE]"),
    N_("Add an account. KIND is checking, savings, credit-card, cash, investment or loan") },
  { "account", "list", budg_cli_account_list, NULL,
    "",
    N_("List the accounts with their current balance") },
  { "account", "edit", budg_cli_account_edit, N_("ACCOUNT"),
    N_("ACCOUNT [--name NAME] [--kind KIND] [--currency CODE] [--institution NAME] [--warning-threshold AMOUNT]"),
    N_("Change an account; an empty --institution or --warning-threshold removes it") },
  { "account", "archive", budg_cli_account_archive, N_("ACCOUNT"),
    N_("ACCOUNT [--undo]"),
    N_("Hide an account but keep its history; --undo brings it back") },
  { "account", "delete", budg_cli_account_delete, N_("ACCOUNT"),
    N_("ACCOUNT [--force]"),
    N_("Delete an account; one with transactions needs --force") },
  { "category", "add", budg_cli_category_add, N_("PATH"),
    N_("PATH [--income]"),
    N_("Add a category; “Food:Groceries” creates both levels") },
  { "category", "list", budg_cli_category_list, NULL,
    "",
    N_("List the categories") },
  { "category", "edit", budg_cli_category_edit, N_("PATH"),
    N_("PATH [--name NAME] [--color #RRGGBB]"),
    N_("Rename a category or change its color; an empty --color removes it") },
  { "category", "delete", budg_cli_category_delete, N_("PATH"),
    N_("PATH [--move-to PATH]"),
    N_("Delete a category and its children; their transactions move to --move-to or become uncategorized") },
  { "txn", "add", budg_cli_txn_add, NULL,
    N_("--account ACCOUNT --date DATE --amount AMOUNT [--payee NAME] [--category PATH] [--memo TEXT] [--status STATUS]"),
    N_("Add a transaction; a negative amount is money out. STATUS is pending, cleared or reconciled") },
  { "txn", "list", budg_cli_txn_list, NULL,
    N_("[--account ACCOUNT] [--from DATE] [--to DATE] [--search TEXT] [--payee TEXT] [--category PATH | --uncategorized] [--status STATUS[,STATUS…]] [--min-amount AMOUNT] [--max-amount AMOUNT] [--sort date|amount|payee|category] [--desc] [--limit N] [--offset N]"),
    N_("List transactions, by date unless told; --category includes its children, amount limits are sizes without a sign") },
  { "txn", "edit", budg_cli_txn_edit, N_("ID"),
    N_("ID [--account ACCOUNT] [--date DATE] [--amount AMOUNT] [--payee NAME] [--category PATH] [--memo TEXT] [--status STATUS]"),
    N_("Change a transaction; an empty --payee, --category or --memo removes it. The other side of a transfer follows") },
  { "txn", "split", budg_cli_txn_split, N_("ID"),
    N_("ID --part CATEGORY=AMOUNT [--part CATEGORY=AMOUNT …] | ID --clear"),
    N_("Divide a transaction across categories; the parts must add up to its amount, and an amount without a sign takes the transaction’s. --clear removes the parts") },
  { "txn", "delete", budg_cli_txn_delete, N_("ID"),
    N_("ID"),
    N_("Delete a transaction, and the other side when it is a transfer") },
  { NULL, "transfer", budg_cli_transfer, NULL,
    N_("--from ACCOUNT --to ACCOUNT --date DATE --amount AMOUNT [--to-amount AMOUNT] [--memo TEXT]"),
    N_("Move money between two accounts as a linked pair of transactions; --to-amount is the amount received in another currency") },
  { NULL, "reconcile", budg_cli_reconcile, NULL,
    N_("--account ACCOUNT --date DATE --balance AMOUNT [--finish]"),
    N_("Compare the cleared transactions with a bank statement; --finish locks them as reconciled when the difference is zero") },
  { "balance", "set", budg_cli_balance_set, NULL,
    N_("--account ACCOUNT --date DATE --amount AMOUNT [--note TEXT]"),
    N_("Record the balance of an account at the end of a day") },
  { "balance", "list", budg_cli_balance_list, NULL,
    N_("[--account ACCOUNT]"),
    N_("List balance snapshots, newest first") },
  { "bill", "add", budg_cli_bill_add, N_("NAME"),
    N_("NAME --amount AMOUNT --account ACCOUNT --rrule RULE --start DATE [--until DATE | --count N] [--category PATH] [--payee NAME] [--estimate-max AMOUNT] [--weekend none|before|after] [--lead-days N] [--autopay] [--income] [--notes TEXT]"),
    N_("Add a recurring bill. AMOUNT is its size; --income makes it a deposit. RULE is an iCalendar RRULE such as FREQ=MONTHLY;BYMONTHDAY=1") },
  { "bill", "list", budg_cli_bill_list, NULL,
    "",
    N_("List the bills and how they repeat") },
  { "bill", "edit", budg_cli_bill_edit, N_("BILL"),
    N_("BILL [--name NAME] [the options of bill add] [--no-autopay] [--no-income] [--active true|false] [--from-date DATE]"),
    N_("Change a bill; with --from-date, only the occurrences from that date on. An empty value removes an optional field") },
  { "bill", "delete", budg_cli_bill_delete, N_("BILL"),
    N_("BILL"),
    N_("Delete a bill and its due bills; transactions already paid stay") },
  { "due", "list", budg_cli_due_list, NULL,
    N_("[--from DATE] [--to DATE] [--account ACCOUNT]"),
    N_("List the due bills by date, then priority; the next 30 days unless told") },
  { "due", "pay", budg_cli_due_pay, N_("ID"),
    N_("ID [--date DATE] [--amount AMOUNT]"),
    N_("Record the payment of a due bill as a transaction; AMOUNT is the size paid") },
  { "due", "skip", budg_cli_due_skip, N_("ID"),
    N_("ID [--undo]"),
    N_("Skip a due bill; --undo makes it due again") },
  { "due", "move", budg_cli_due_move, N_("ID"),
    N_("ID --before ID | --after ID"),
    N_("Put a due bill before or after another one, on that one’s date") },
  { "due", "reschedule", budg_cli_due_reschedule, N_("ID"),
    N_("ID --date DATE"),
    N_("Move a due bill to another date, last on that day") },
  { NULL, "forecast", budg_cli_forecast, NULL,
    N_("--account ACCOUNT [--from DATE] --to DATE"),
    N_("Project the balance of an account at the end of each day") },
  { "export", "ics", budg_cli_export_ics, N_("FILE"),
    N_("FILE [--from DATE] [--to DATE]"),
    N_("Write the due bills to an iCalendar file for calendar apps; the next 90 days unless told") },
  { "export", "csv", budg_cli_export_csv, N_("FILE"),
    N_("FILE [--account ACCOUNT] [--from DATE] [--to DATE]"),
    N_("Write transactions with the register’s columns to a CSV file (“-” for the output): all accounts unless told") },
  { "export", "qif", budg_cli_export_qif, N_("FILE"),
    N_("FILE --account ACCOUNT [--from DATE] [--to DATE]"),
    N_("Write one account’s transactions, with splits and categories, to a QIF file") },
  { "export", "ofx", budg_cli_export_ofx, N_("FILE"),
    N_("FILE --account ACCOUNT [--from DATE] [--to DATE]"),
    N_("Write one account’s transactions and balance as an OFX 2 bank statement") },
  { NULL, "import", budg_cli_import, N_("FILE"),
    N_("FILE [--account ACCOUNT] [--format auto|csv|ofx|qfx|qif] [--profile NAME] [--save-profile NAME] [--encoding E] [--date-format F] [--columns SPEC] [--delimiter C] [--decimal-comma] [--skip-lines N] [--currency CODE] [--include-possible] [--dry-run]"),
    N_("Import a bank statement (CSV, OFX, QFX or QIF): de-duplicated, linked to transactions entered by hand and categorized by the rules, in one step that can be undone. Without --account, each statement goes to the account whose bank id or name matches, or to a new one. --columns maps CSV columns, as in “date=1,payee=2,amount=4” (fields: date, amount, debit, credit, sign, payee, memo, category, balance, id, account, currency, check)") },
  { "rule", "add", budg_cli_rule_add, N_("NAME"),
    N_("NAME [--payee-contains T|--payee-is T|--payee-starts-with T|--payee-regex RE] [--memo-contains T|--memo-is T|--memo-starts-with T|--memo-regex RE] [--case-sensitive] [--min-amount X] [--max-amount X] [--sign in|out] [--account ACCOUNT] [--category PATH] [--set-payee NAME] [--set-memo TEXT] [--set-status pending|cleared|reconciled] [--priority N] [--continue] [--disabled]"),
    N_("Add a categorization rule: when every condition holds, its actions apply. Amounts are compared without sign; the first matching rule wins unless it says --continue") },
  { "rule", "list", budg_cli_rule_list, NULL,
    "",
    N_("List the rules in the order they run") },
  { "rule", "delete", budg_cli_rule_delete, N_("ID"),
    N_("ID"),
    N_("Delete a rule") },
  { "rule", "apply", budg_cli_rule_apply, NULL,
    N_("[--rule ID] [--account ACCOUNT] [--dry-run]"),
    N_("Run the rules (or one) over the existing transactions; --dry-run lists what would change without changing it") },
  { "profile", "list", budg_cli_profile_list, NULL,
    "",
    N_("List the saved CSV import profiles") },
  { "profile", "delete", budg_cli_profile_delete, N_("NAME"),
    N_("NAME"),
    N_("Delete a CSV import profile") },
  { "plaid", "setup", budg_cli_plaid_setup, NULL,
    N_("--environment sandbox|production"),
    N_("Store your own Plaid client ID and secret in the keyring, read from standard input (the ID on the first line, the secret on the second), never from arguments") },
  { "plaid", "link", budg_cli_plaid_link, NULL,
    N_("[--no-browser] [--map PLAID_ACCOUNT=BUDG_ACCOUNT ...] [--environment sandbox|production]"),
    N_("Link a bank with Plaid: prints the address to open in the browser and waits until the bank is linked; the bank’s accounts that --map does not name become new Budg accounts") },
  { "plaid", "sync", budg_cli_plaid_sync, NULL,
    N_("[--item ID]"),
    N_("Fetch the new, changed and removed transactions and the balances of every bank connection (or one)") },
  { "plaid", "status", budg_cli_plaid_status, NULL,
    "",
    N_("List the bank connections, their accounts, last sync and last error") },
  { "plaid", "unlink", budg_cli_plaid_unlink, N_("ITEM"),
    N_("ITEM"),
    N_("End a bank connection at Plaid and forget its access; its accounts and transactions stay") },
  { "budget", "set", budg_cli_budget_set, N_("CATEGORY"),
    N_("CATEGORY --amount AMOUNT --period monthly|weekly|yearly [--rollover none|leftover|all] [--from PERIOD] [--currency CODE]"),
    N_("Budget a category (a top-level one covers its children) from PERIOD on, e.g. 2026-09 or 2026-W36; a yearly amount is spread over its months") },
  { "budget", "list", budg_cli_budget_list, NULL,
    "",
    N_("List the budgets and the period each starts in") },
  { "budget", "status", budg_cli_budget_status, NULL,
    N_("[--period PERIOD]"),
    N_("Show budgeted, rollover, spent and available per budget; this month unless told") },
  { "goal", "add", budg_cli_goal_add, N_("NAME"),
    N_("NAME --target AMOUNT [--by DATE] [--account ACCOUNT] [--auto-percent P | --auto-amount AMOUNT] [--currency CODE]"),
    N_("Add a savings goal; --auto-percent or --auto-amount saves part of each income towards it") },
  { "goal", "contribute", budg_cli_goal_contribute, NULL,
    N_("NAME AMOUNT [--date DATE] [--note TEXT]"),
    N_("Put money towards a goal; a negative amount takes it out") },
  { "goal", "status", budg_cli_goal_status, NULL,
    N_("[--date DATE]"),
    N_("Show each goal's progress, the amount needed per month and whether it is on track") },
  { "goal", "allocate", budg_cli_goal_allocate, NULL,
    N_("--from DATE --to DATE | --transaction ID"),
    N_("Save the automatic share of income transactions towards the goals; each income counts once") },
  { "rate", "set", budg_cli_rate_set, NULL,
    N_("FROM TO RATE --date DATE"),
    N_("Record that one FROM is worth RATE TO from DATE on, e.g. “rate set EUR USD 1.0823 --date 2026-01-01”") },
  { "report", "spending", budg_cli_report_spending, NULL,
    N_("--from DATE --to DATE [--by category|parent|payee|month|year] [--monthly] [--currency CODE] [--csv FILE]"),
    N_("Spending (positive) per group, refunds netted, transfers left out; --monthly splits it by month") },
  { "report", "income-expense", budg_cli_report_income_expense, NULL,
    N_("--from DATE --to DATE [--by month|year] [--currency CODE] [--csv FILE]"),
    N_("Income and expense per month or year") },
  { "report", "net-worth", budg_cli_report_net_worth, NULL,
    N_("--from DATE --to DATE [--by month|account] [--currency CODE] [--csv FILE]"),
    N_("Net worth at each month end in one currency, or each account's balance with --by account") },
  { "report", "budget", budg_cli_report_budget, NULL,
    N_("--from DATE --to DATE [--currency CODE] [--csv FILE]"),
    N_("Budget against actual spending per month and budget") },
  { "report", "summary", budg_cli_report_summary, NULL,
    N_("--from DATE --to DATE [--by month|year] [--currency CODE] [--csv FILE]"),
    N_("Income, expense, net and budgeted per month or year; --csv writes the rows of any report to FILE (“-” for the output) instead") },
  { "chart", "donut", budg_cli_chart_donut, NULL,
    N_("--from DATE --to DATE [--by category|parent|payee] [--top N] [--currency CODE] --output FILE [--width W] [--height H]"),
    N_("Draw the shares of spending as a donut: the N largest groups (8 unless told), the rest as “Other”. FILE ends in .png, .pdf or .svg; 800 × 600 pixels unless told") },
  { "chart", "bars", budg_cli_chart_bars, NULL,
    N_("--from DATE --to DATE [--by month|year] [--stacked [--top N]] [--currency CODE] --output FILE [--width W] [--height H]"),
    N_("Draw income and expense side by side per month or year; --stacked stacks the spending of the N largest top-level categories (6 unless told) instead") },
  { "chart", "line", budg_cli_chart_line, NULL,
    N_("--from DATE --to DATE [--account ACCOUNT …] [--by month|day] [--projected] [--currency CODE] --output FILE [--width W] [--height H]"),
    N_("Draw the balance of each --account, or the net worth, at each month end or day; --projected draws what the forecast expects after today, dashed. Without --currency, charts count in the accounts’ currency, or the default one when they differ") },
  { NULL, "insights", budg_cli_insights, NULL,
    N_("[--date DATE]"),
    N_("Say in plain sentences what stands out in the spending") },
  { NULL, "backup", budg_cli_backup, N_("FILE"),
    N_("FILE"),
    N_("Copy the database to FILE") },
  { NULL, "restore", budg_cli_restore, N_("FILE"),
    N_("FILE"),
    N_("Replace the database with the backup in FILE") },
  { NULL, "demo", budg_cli_demo, NULL,
    N_("--transactions N [--seed S]"),
    N_("Fill an empty database with realistic demo data") },
};

struct _BudgCliTable
{
  guint       n_columns;
  GPtrArray  *rows;          /* of char ** (n_columns strings), headers first */
  gboolean   *align_right;
};

static void
print_command_usage (FILE                 *stream,
                     const BudgCliCommand *command)
{
  g_autoptr(GString) words = g_string_new (NULL);

  if (command->group != NULL)
    g_string_append_printf (words, "%s ", command->group);
  g_string_append (words, command->name);
  if (command->usage[0] != '\0')
    g_string_append_printf (words, " %s", _(command->usage));

  fprintf (stream, _("Usage: budg-cli [--db PATH] [--json] %s\n"), words->str);
}

/* Lists the commands of @group, or all of them when it is %NULL. */
static void
print_overview (FILE       *stream,
                const char *group)
{
  if (group != NULL)
    fprintf (stream, _("Usage: budg-cli [--db PATH] [--json] %s COMMAND …\n"), group);
  else
    fprintf (stream, _("Usage: budg-cli [--db PATH] [--json] COMMAND …\n"));

  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const BudgCliCommand *command = &commands[i];
      g_autofree char *words = NULL;

      if (group != NULL && g_strcmp0 (group, command->group) != 0)
        continue;

      words = command->group != NULL
        ? g_strdup_printf ("%s %s", command->group, command->name)
        : g_strdup (command->name);
      fprintf (stream, "  %-18s %s\n", words, _(command->summary));
    }

  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-18s %s\n", "--db PATH", _("Use the database in PATH instead of $BUDG_DB or the default"));
  fprintf (stream, "  %-18s %s\n", "--json", _("Print results as JSON"));
  fprintf (stream, "  %-18s %s\n", "--help, -h", _("Show help for a command"));
  fprintf (stream, "  %-18s %s\n", "--version", _("Show the version"));
}

static void
print_command_help (const BudgCliCommand *command)
{
  print_command_usage (stdout, command);
  printf ("\n%s.\n", _(command->summary));
}

static int
top_usage_error (const char *group,
                 const char *format,
                 ...) G_GNUC_PRINTF (2, 3);

static int
top_usage_error (const char *group,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "budg-cli: %s\n", message);
  if (group != NULL)
    {
      fprintf (stderr, _("Usage: budg-cli [--db PATH] [--json] %s COMMAND …\n"), group);
      fprintf (stderr, _("Run “budg-cli %s --help” to see its commands.\n"), group);
    }
  else
    {
      fprintf (stderr, _("Usage: budg-cli [--db PATH] [--json] COMMAND …\n"));
      fprintf (stderr, "%s\n", _("Run “budg-cli --help” to see the commands."));
    }

  return BUDG_CLI_EXIT_USAGE;
}

static gboolean
is_group (const char *word)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].group, word) == 0)
        return TRUE;
    }

  return FALSE;
}

static const BudgCliCommand *
find_command (const char *group,
              const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (commands[i].group, group) == 0 &&
          g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

/* Handles --db and --json, which may appear anywhere on the line. Returns
 * TRUE when @argv[*i] was one of them; *i then points at its last word.
 */
static gboolean
parse_global_option (BudgCli  *cli,
                     int       argc,
                     char    **argv,
                     int      *i,
                     int      *out_status)
{
  const char *arg = argv[*i];

  *out_status = BUDG_CLI_CONTINUE;

  if (g_str_equal (arg, "--json"))
    {
      cli->json = TRUE;
      return TRUE;
    }

  if (g_str_equal (arg, "--db") || g_str_has_prefix (arg, "--db="))
    {
      if (arg[4] == '=')
        cli->db_path = arg + 5;
      else if (*i + 1 < argc)
        cli->db_path = argv[++(*i)];
      else
        {
          *out_status = top_usage_error (NULL, _("The option --db needs a file name."));
          return TRUE;
        }

      if (cli->db_path[0] == '\0')
        *out_status = top_usage_error (NULL, _("The option --db needs a file name."));

      return TRUE;
    }

  return FALSE;
}

int
budg_cli_parse (BudgCli               *cli,
                const BudgCliCommand  *command,
                int                    argc,
                char                 **argv,
                const BudgCliOption   *options,
                const char           **out_arg)
{
  gboolean only_arguments = FALSE;
  const char *argument = NULL;

  for (int i = 0; i < argc; i++)
    {
      const char *arg = argv[i];
      const BudgCliOption *option = NULL;
      const char *equals;
      gsize name_len;
      int status;

      /* A lone "-" is an argument (a file name, say), never an option. */
      if (only_arguments || arg[0] != '-' || arg[1] == '\0')
        {
          if (command->arg_name == NULL || argument != NULL)
            return budg_cli_usage_error (command, _("Unexpected argument “%s”."), arg);
          argument = arg;
          continue;
        }

      if (g_str_equal (arg, "--"))
        {
          only_arguments = TRUE;
          continue;
        }

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_command_help (command);
          return BUDG_CLI_EXIT_OK;
        }

      if (parse_global_option (cli, argc, argv, &i, &status))
        {
          if (status != BUDG_CLI_CONTINUE)
            return status;
          continue;
        }

      if (!g_str_has_prefix (arg, "--"))
        return budg_cli_usage_error (command, _("Unknown option “%s”."), arg);

      equals = strchr (arg, '=');
      name_len = equals != NULL ? (gsize)(equals - arg - 2) : strlen (arg + 2);

      for (const BudgCliOption *o = options; o != NULL && o->name != NULL; o++)
        {
          if (strlen (o->name) == name_len && strncmp (o->name, arg + 2, name_len) == 0)
            {
              option = o;
              break;
            }
        }

      if (option == NULL)
        {
          g_autofree char *name = g_strndup (arg, name_len + 2);

          return budg_cli_usage_error (command, _("Unknown option “%s”."), name);
        }

      if (option->has_value)
        {
          const char *value;

          if (equals != NULL)
            value = equals + 1;
          else if (i + 1 < argc)
            value = argv[++i];
          else
            return budg_cli_usage_error (command, _("The option --%s needs a value."), option->name);

          if (option->repeated)
            {
              GPtrArray **values = option->target;

              if (*values == NULL)
                *values = g_ptr_array_new ();
              g_ptr_array_add (*values, (gpointer)value);
            }
          else
            *(const char **)option->target = value;
        }
      else
        {
          gboolean *target = option->target;

          if (equals != NULL)
            return budg_cli_usage_error (command, _("The option --%s does not take a value."), option->name);
          *target = TRUE;
        }
    }

  if (command->arg_name != NULL && argument == NULL)
    return budg_cli_usage_error (command, _("Missing %s."), _(command->arg_name));

  if (out_arg != NULL)
    *out_arg = argument;

  return BUDG_CLI_CONTINUE;
}

int
budg_cli_usage_error (const BudgCliCommand *command,
                      const char           *format,
                      ...)
{
  g_autofree char *message = NULL;
  g_autofree char *words = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  words = command->group != NULL
    ? g_strdup_printf ("%s %s", command->group, command->name)
    : g_strdup (command->name);

  fprintf (stderr, "budg-cli: %s\n", message);
  print_command_usage (stderr, command);
  fprintf (stderr, _("Run “budg-cli %s --help” for more information.\n"), words);

  return BUDG_CLI_EXIT_USAGE;
}

int
budg_cli_fail (const GError *error)
{
  fprintf (stderr, "budg-cli: %s\n", error->message);

  return BUDG_CLI_EXIT_FAILURE;
}

int
budg_cli_fail_message (const char *format,
                       ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "budg-cli: %s\n", message);

  return BUDG_CLI_EXIT_FAILURE;
}

/* Opened lazily so that usage errors never create or touch a database. */
BudgContext *
budg_cli_get_context (BudgCli  *cli,
                      GError  **error)
{
  if (cli->context == NULL)
    cli->context = budg_context_new (cli->db_path, error);

  return cli->context;
}

/**
 * budg_cli_parse_date:
 *
 * Accepts what budg_date_normalize() accepts, plus the word “today”, which
 * scripts find handy and which is the same in every locale.
 *
 * Returns: (transfer full): the ISO date, or %NULL with @error set
 */
char *
budg_cli_parse_date (const char  *text,
                     GError     **error)
{
  if (g_ascii_strcasecmp (text, "today") == 0)
    return budg_date_today ();

  return budg_date_normalize (text, error);
}

/* A non-negative decimal integer that fits in a guint, nothing else. */
gboolean
budg_cli_parse_count (const char *text,
                      guint      *out_value)
{
  guint64 value;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXUINT, &value, NULL))
    return FALSE;

  *out_value = (guint)value;

  return TRUE;
}

/* Plain digits and the code, so that text output reads the same whatever
 * the locale.
 */
char *
budg_cli_format_amount (gint64      amount_minor,
                        const char *currency)
{
  g_autofree char *plain = budg_money_format_plain (amount_minor, currency);

  return g_strdup_printf ("%s %s", plain, currency);
}

void
budg_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  /* Raw UTF-8 whatever the locale: g_print () would convert it. */
  fputs (text, stdout);
  fputc ('\n', stdout);
}

void
budg_cli_json_add_string (JsonBuilder *builder,
                          const char  *member,
                          const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
budg_cli_json_add_int (JsonBuilder *builder,
                       const char  *member,
                       gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
budg_cli_json_add_boolean (JsonBuilder *builder,
                           const char  *member,
                           gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

/* The shared answer of every delete command. */
int
budg_cli_print_deleted (BudgCli    *cli,
                        gint64      id,
                        const char *message)
{
  if (cli->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      budg_cli_json_add_int (builder, "id", id);
      budg_cli_json_add_boolean (builder, "deleted", TRUE);
      json_builder_end_object (builder);
      budg_cli_print_json (builder);
    }
  else
    g_print ("%s\n", message);

  return BUDG_CLI_EXIT_OK;
}

/**
 * budg_cli_table_new:
 * @n_columns: the number of columns
 * @...: for each column, a translated title (const char *) and whether it is
 *   right-aligned (gboolean)
 */
BudgCliTable *
budg_cli_table_new (guint n_columns,
                    ...)
{
  BudgCliTable *table = g_new0 (BudgCliTable, 1);
  char **header = g_new0 (char *, n_columns + 1);
  va_list args;

  table->n_columns = n_columns;
  table->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  table->align_right = g_new0 (gboolean, n_columns);

  va_start (args, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      header[i] = g_strdup (va_arg (args, const char *));
      table->align_right[i] = va_arg (args, gboolean);
    }
  va_end (args);

  g_ptr_array_add (table->rows, header);

  return table;
}

/* @...: one nullable string per column. */
void
budg_cli_table_add_row (BudgCliTable *table,
                        ...)
{
  char **row = g_new0 (char *, table->n_columns + 1);
  va_list args;

  va_start (args, table);
  for (guint i = 0; i < table->n_columns; i++)
    {
      const char *cell = va_arg (args, const char *);

      row[i] = g_strdup (cell != NULL ? cell : "");
    }
  va_end (args);

  g_ptr_array_add (table->rows, row);
}

void
budg_cli_table_print (BudgCliTable *table)
{
  g_autofree glong *widths = g_new0 (glong, table->n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      for (guint c = 0; c < table->n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r < table->rows->len; r++)
    {
      char **row = g_ptr_array_index (table->rows, r);

      g_string_truncate (line, 0);
      for (guint c = 0; c < table->n_columns; c++)
        {
          glong pad = widths[c] - g_utf8_strlen (row[c], -1);
          gboolean last = c + 1 == table->n_columns;

          if (c > 0)
            g_string_append (line, "  ");
          if (table->align_right[c])
            {
              for (glong p = 0; p < pad; p++)
                g_string_append_c (line, ' ');
              g_string_append (line, row[c]);
            }
          else
            {
              g_string_append (line, row[c]);
              for (glong p = 0; !last && p < pad; p++)
                g_string_append_c (line, ' ');
            }
        }

      /* Trailing blanks of empty last cells help nobody. */
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

void
budg_cli_table_free (BudgCliTable *table)
{
  g_ptr_array_unref (table->rows);
  g_free (table->align_right);
  g_free (table);
}

static int
run (BudgCli  *cli,
     int       argc,
     char    **argv)
{
  const BudgCliCommand *command;
  const char *group = NULL;
  const char *name = NULL;
  int i;

  /* The command words, with global options allowed before and between them. */
  for (i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      int status;

      if (parse_global_option (cli, argc, argv, &i, &status))
        {
          if (status != BUDG_CLI_CONTINUE)
            return status;
          continue;
        }

      if (g_str_equal (arg, "--version"))
        {
          printf ("budg-cli %s\n", PACKAGE_VERSION);
          return BUDG_CLI_EXIT_OK;
        }

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h") ||
          (group == NULL && g_str_equal (arg, "help")))
        {
          print_overview (stdout, group);
          return BUDG_CLI_EXIT_OK;
        }

      if (arg[0] == '-')
        return top_usage_error (group, _("Unknown option “%s”."), arg);

      if (group == NULL && is_group (arg))
        {
          group = arg;
          continue;
        }

      name = arg;
      break;
    }

  if (name == NULL && group != NULL)
    return top_usage_error (group, _("Missing the %s command."), group);
  if (name == NULL)
    return top_usage_error (NULL, _("Missing a command."));

  command = find_command (group, name);
  if (command == NULL)
    {
      if (group != NULL)
        return top_usage_error (group, _("Unknown %s command “%s”."), group, name);
      return top_usage_error (NULL, _("Unknown command “%s”."), name);
    }

  return command->func (cli, command, argc - i - 1, argv + i + 1);
}

int
main (int   argc,
      char *argv[])
{
  BudgCli cli = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("budg-cli");

  /* Names, payees and memos go into the database as they are, so anything
   * that is not UTF-8 is refused up front rather than half way through.
   */
  for (int i = 1; i < argc; i++)
    {
      if (!g_utf8_validate (argv[i], -1, NULL))
        {
          fprintf (stderr, "budg-cli: %s\n",
                   _("An argument is not valid UTF-8 text. Check the terminal’s encoding and type it again."));
          return BUDG_CLI_EXIT_FAILURE;
        }
    }

  status = run (&cli, argc, argv);

  g_clear_object (&cli.context);

  /* A script reading a truncated result must not be told all went well. */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "budg-cli: %s\n", _("Could not write the output. Check that there is space on the disk."));
      if (status == BUDG_CLI_EXIT_OK)
        status = BUDG_CLI_EXIT_FAILURE;
    }

  return status;
}
