/* budg-cli-private.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "budg-context.h"

G_BEGIN_DECLS

/* Exit statuses are part of the public contract: scripts tell bad input
 * (or a failed operation) from wrong usage by them.
 */
typedef enum
{
  BUDG_CLI_EXIT_OK      = 0,
  BUDG_CLI_EXIT_FAILURE = 1,
  BUDG_CLI_EXIT_USAGE   = 2,
} BudgCliExit;

/* Returned by budg_cli_parse() when the command should go on running. */
#define BUDG_CLI_CONTINUE (-1)

typedef struct
{
  const char  *db_path;   /* --db, or %NULL for $BUDG_DB or the default */
  gboolean     json;      /* --json */
  BudgContext *context;   /* opened by budg_cli_get_context() on first use */
} BudgCli;

typedef struct _BudgCliCommand BudgCliCommand;

typedef int (*BudgCliFunc) (BudgCli              *cli,
                            const BudgCliCommand *command,
                            int                   argc,
                            char                **argv);

struct _BudgCliCommand
{
  const char  *group;      /* "account", or %NULL for a top-level command */
  const char  *name;       /* "add" */
  BudgCliFunc  func;
  const char  *arg_name;   /* the one positional argument ("NAME"), or %NULL for none */
  const char  *usage;      /* everything after the command words, untranslated */
  const char  *summary;    /* untranslated; printed by --help */
};

/* An option of one command: "--name VALUE", "--name=VALUE" or, without a
 * value, "--name". @target is a `const char **` for options with a value and
 * a `gboolean *` for flags. An option with a value that may be given more
 * than once sets @repeated; its @target is then a `GPtrArray **`, created on
 * first use and owned by the caller, collecting the values (borrowed from
 * argv) in order. The array ends with a %NULL name.
 */
typedef struct
{
  const char *name;
  gboolean    has_value;
  gpointer    target;
  gboolean    repeated;
} BudgCliOption;

typedef struct _BudgCliTable BudgCliTable;

int           budg_cli_parse             (BudgCli               *cli,
                                          const BudgCliCommand  *command,
                                          int                    argc,
                                          char                 **argv,
                                          const BudgCliOption   *options,
                                          const char           **out_arg);
int           budg_cli_usage_error       (const BudgCliCommand  *command,
                                          const char            *format,
                                          ...) G_GNUC_PRINTF (2, 3);
int           budg_cli_fail              (const GError          *error);
int           budg_cli_fail_message      (const char            *format,
                                          ...) G_GNUC_PRINTF (1, 2);
BudgContext  *budg_cli_get_context       (BudgCli               *cli,
                                          GError               **error);

char         *budg_cli_parse_date        (const char            *text,
                                          GError               **error);
gboolean      budg_cli_parse_count       (const char            *text,
                                          guint                 *out_value);
char         *budg_cli_format_amount     (gint64                 amount_minor,
                                          const char            *currency);

void          budg_cli_print_json        (JsonBuilder           *builder);
void          budg_cli_json_add_string   (JsonBuilder           *builder,
                                          const char            *member,
                                          const char            *value);
void          budg_cli_json_add_int      (JsonBuilder           *builder,
                                          const char            *member,
                                          gint64                 value);
void          budg_cli_json_add_boolean  (JsonBuilder           *builder,
                                          const char            *member,
                                          gboolean               value);
int           budg_cli_print_deleted     (BudgCli               *cli,
                                          gint64                 id,
                                          const char            *message);

BudgCliTable *budg_cli_table_new         (guint                  n_columns,
                                          ...);
void          budg_cli_table_add_row     (BudgCliTable          *table,
                                          ...);
void          budg_cli_table_print       (BudgCliTable          *table);
void          budg_cli_table_free        (BudgCliTable          *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgCliTable, budg_cli_table_free)

/* budg-cli-account.c */
void          budg_cli_account_to_json   (BudgAccount           *account,
                                          JsonBuilder           *builder);
int           budg_cli_account_add       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_account_list      (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_account_edit      (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_account_archive   (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_account_delete    (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-category.c */
int           budg_cli_category_add      (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_category_list     (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_category_edit     (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_category_delete   (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-transaction.c */
int           budg_cli_txn_add           (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_txn_list          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_txn_delete        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_txn_edit          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_txn_split         (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_transfer          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-reconcile.c */
int           budg_cli_reconcile         (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-balance.c */
int           budg_cli_balance_set       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_balance_list      (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-bills.c */
int           budg_cli_bill_add          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_bill_list         (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_bill_edit         (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_bill_delete       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_due_list          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_due_pay           (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_due_skip          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_due_move          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_due_reschedule    (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_forecast          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_export_ics        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-export.c */
int           budg_cli_export_csv        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_export_qif        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_export_ofx        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-import.c */
int           budg_cli_import            (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-rule.c */
int           budg_cli_rule_add          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_rule_list         (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_rule_delete       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_rule_apply        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-profile.c */
int           budg_cli_profile_list      (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_profile_delete    (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-plaid.c */
int           budg_cli_plaid_setup       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_plaid_link        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_plaid_sync        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_plaid_status      (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_plaid_unlink      (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-database.c */
int           budg_cli_init              (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_backup            (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_restore           (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_demo              (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-budget.c */
int           budg_cli_budget_set        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_budget_list       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_budget_status     (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-goal.c */
int           budg_cli_goal_add          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_goal_contribute   (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_goal_status       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_goal_allocate     (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-report.c */
int           budg_cli_take_arguments    (const BudgCliCommand  *command,
                                          int                    argc,
                                          char                 **argv,
                                          const BudgCliOption   *options,
                                          guint                  n_words,
                                          const char           **out_words,
                                          GPtrArray             *out_rest);
int           budg_cli_rate_set          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_report_spending   (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_report_income_expense (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_report_net_worth  (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_report_budget     (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_report_summary    (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_insights          (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

/* budg-cli-chart.c */
int           budg_cli_chart_donut       (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_chart_bars        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);
int           budg_cli_chart_line        (BudgCli *cli, const BudgCliCommand *command, int argc, char **argv);

G_END_DECLS
