/* bench-import.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the import figures of the import issue:
 *
 * - a 1,000,000-row bank CSV (2,000 payees) imported end to end (read,
 *   parse, plan with 100 rules, commit) into a fresh database, next to the
 *   time sqlite3's own `.import` takes to load the same file into a bare
 *   table: the raw floor, so the difference is our cost;
 * - a 100,000-transaction OFX statement read by our OFX glue, next to
 *   libofx's own `ofxdump` on the same file.
 *
 * Not a test: it measures, it does not judge.
 *
 * Usage: bench-import [ROWS [OFX_ROWS]]
 *   (default 1,000,000 CSV rows and a tenth of that in the OFX; an OFX_ROWS
 *   of 0 skips the OFX, whose reading libofx makes slow: its time grows with
 *   the square of the statement's length)
 */

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "budg-context.h"
#include "budg-importer.h"
#include "budg-ofx-parser.h"
#include "budg-rule-store.h"

#define N_PAYEES 2000
#define N_RULES  100

static double
elapsed_s (gint64 since)
{
  return (g_get_monotonic_time () - since) / 1e6;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static const char * const stems[] = {
  "TESCO STORES", "AMZN MKTP US", "SHELL", "STARBUCKS", "NETFLIX.COM", "UBER *TRIP", "SPOTIFY",
  "BOOTS", "LIDL", "ALDI", "PAYPAL *", "APPLE.COM/BILL", "DELIVEROO", "TFL TRAVEL", "COSTA COFFEE",
  "SAINSBURYS", "WAITROSE", "MCDONALDS", "CAFÉ NERO", "BÄCKEREI",
};

static char *
payee_name (guint index)
{
  return g_strdup_printf ("%s %04u", stems[index % G_N_ELEMENTS (stems)], index);
}

static char *
write_csv (const char *dir,
           guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, "statement.csv", NULL);
  g_autoptr(GString) csv = g_string_sized_new ((gsize) n_rows * 56);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) payees = g_ptr_array_new_with_free_func (g_free);
  GDate date;

  for (guint i = 0; i < N_PAYEES; i++)
    g_ptr_array_add (payees, payee_name (i));

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, 1, 2000);
  g_string_append (csv, "Date,Description,Amount,Memo\n");
  for (guint i = 0; i < n_rows; i++)
    {
      gint32 cents = g_rand_int_range (rand, 50, 25000);

      /* About 110 rows a day: a million rows span 25 years. */
      if (i % 110 == 109)
        g_date_add_days (&date, 1);
      g_string_append_printf (csv, "%04d-%02d-%02d,%s,%s%d.%02d,%s\n",
                              g_date_get_year (&date), g_date_get_month (&date), g_date_get_day (&date),
                              (const char *) g_ptr_array_index (payees, g_rand_int_range (rand, 0, N_PAYEES)),
                              i % 9 == 0 ? "" : "-", cents / 100, cents % 100,
                              i % 4 == 0 ? "card payment" : "");
    }

  if (!g_file_set_contents (path, csv->str, csv->len, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&path);
}

static char *
write_ofx (const char *dir,
           guint       n_rows)
{
  g_autofree char *path = g_build_filename (dir, "statement.ofx", NULL);
  g_autoptr(GString) ofx = g_string_sized_new ((gsize) n_rows * 200);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;

  g_string_append (ofx,
                   "OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\nSECURITY:NONE\nENCODING:USASCII\n"
                   "CHARSET:1252\nCOMPRESSION:NONE\nOLDFILEUID:NONE\nNEWFILEUID:NONE\n\n"
                   "<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS>"
                   "<DTSERVER>20260101120000<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\n"
                   "<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STATUS><CODE>0<SEVERITY>INFO</STATUS>\n"
                   "<STMTRS><CURDEF>USD<BANKACCTFROM><BANKID>123456789<ACCTID>000111222<ACCTTYPE>CHECKING"
                   "</BANKACCTFROM>\n<BANKTRANLIST><DTSTART>20000101<DTEND>20251231\n");
  for (guint i = 0; i < n_rows; i++)
    {
      gint32 cents = g_rand_int_range (rand, 50, 25000);
      g_autofree char *payee = payee_name (g_rand_int_range (rand, 0, N_PAYEES));

      g_string_append_printf (ofx,
                              "<STMTTRN><TRNTYPE>%s<DTPOSTED>%04u%02u%02u120000<TRNAMT>%s%d.%02d"
                              "<FITID>F%08u<NAME>%s<MEMO>card payment</STMTTRN>\n",
                              i % 9 == 0 ? "CREDIT" : "DEBIT", 2000 + (i / 4000) % 26, 1 + (i / 330) % 12,
                              1 + i % 28, i % 9 == 0 ? "" : "-", cents / 100, cents % 100, i, payee);
    }
  g_string_append (ofx,
                   "</BANKTRANLIST><LEDGERBAL><BALAMT>100.00<DTASOF>20251231</LEDGERBAL>"
                   "</STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>\n");

  if (!g_file_set_contents (path, ofx->str, ofx->len, &error))
    g_error ("%s", error->message);

  return g_steal_pointer (&path);
}

static void
add_rules (BudgContext *context)
{
  g_autoptr(BudgRuleStore) store = budg_rule_store_new (budg_context_get_database (context));
  g_autoptr(GError) error = NULL;
  BudgCategoryStore *categories = budg_context_get_categories (context);

  for (guint i = 0; i < N_RULES; i++)
    {
      g_autoptr(BudgRule) rule = budg_rule_new ();
      g_autofree char *path = g_strdup_printf ("Bench:Category %02u", i % 30);
      BudgCategory *category = budg_category_store_find (categories, path, NULL);

      if (category == NULL)
        category = budg_category_store_create_path (categories, path, FALSE, &error);
      g_assert_no_error (error);

      rule->name = g_strdup_printf ("Rule %u", i);
      rule->enabled = TRUE;
      /* Mostly "contains" on a payee, some on the memo, a few expressions
       * and amount ranges: what people write. */
      switch (i % 10)
        {
        case 0:
          rule->payee_op = BUDG_RULE_TEXT_REGEX;
          rule->payee_value = g_strdup_printf ("^%c.* 0%u", stems[i % G_N_ELEMENTS (stems)][0], i % 10);
          break;
        case 1:
          rule->memo_op = BUDG_RULE_TEXT_CONTAINS;
          rule->memo_value = g_strdup_printf ("ref %u", i);
          break;
        case 2:
          rule->payee_op = BUDG_RULE_TEXT_STARTS_WITH;
          rule->payee_value = g_strdup (stems[i % G_N_ELEMENTS (stems)]);
          rule->has_min_amount = TRUE;
          rule->min_amount_minor = 10000;
          break;
        default:
          rule->payee_op = BUDG_RULE_TEXT_CONTAINS;
          rule->payee_value = g_strdup_printf ("%04u", i * 17 % N_PAYEES);
          break;
        }
      rule->set_category_id = budg_category_get_id (category);
      if (i % 5 == 0)
        rule->set_payee = g_strdup_printf ("Renamed %u", i);

      if (!budg_rule_store_add (store, rule, &error))
        g_error ("%s", error->message);
    }
}

static double
time_command (const char * const *argv,
              const char         *stdout_path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                     (stdout_path == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0) | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, stdout_path != NULL ? &out : NULL, NULL, &status, &error))
    {
      g_printerr ("could not run %s: %s\n", argv[0], error->message);
      return -1;
    }

  return elapsed_s (start);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("budg-bench-import-XXXXXX", &error);
  g_autofree char *csv_path = NULL;
  g_autofree char *ofx_path = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *raw_db = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(BudgContext) context = NULL;
  g_autoptr(BudgImportOptions) options = budg_import_options_new ();
  g_autoptr(BudgImportPlan) plan = NULL;
  BudgImportResult *result;
  BudgImportSummary summary;
  BudgAccount *account;
  guint n_rows = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 1000000;
  guint n_ofx_rows = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : n_rows / 10;
  gsize length;
  gint64 start;
  double t_read, t_parse, t_plan, t_commit, total, raw;

  g_assert_no_error (error);
  csv_path = write_csv (dir, n_rows);
  db_path = g_build_filename (dir, "budg.db", NULL);

  context = budg_context_new (db_path, &error);
  g_assert_no_error (error);
  account = budg_account_store_create (budg_context_get_accounts (context), "Current account",
                                       BUDG_ACCOUNT_KIND_CHECKING, "GBP", NULL, NULL, 0, &error);
  g_assert_no_error (error);
  add_rules (context);

  options->format = BUDG_IMPORT_FORMAT_CSV;
  options->account_id = budg_account_get_id (account);
  options->currency = g_strdup ("GBP");

  start = g_get_monotonic_time ();
  if (!g_file_get_contents (csv_path, &contents, &length, &error))
    g_error ("%s", error->message);
  t_read = elapsed_s (start);

  start = g_get_monotonic_time ();
  result = budg_importer_parse ((const guint8 *) contents, length, options, &error);
  g_assert_no_error (error);
  t_parse = elapsed_s (start);
  g_clear_pointer (&contents, g_free);

  start = g_get_monotonic_time ();
  plan = budg_importer_plan (budg_context_get_database (context), result, options, NULL, NULL, &error);
  g_assert_no_error (error);
  t_plan = elapsed_s (start);

  start = g_get_monotonic_time ();
  if (!budg_importer_commit (budg_context_get_database (context), plan, NULL, NULL, &summary, &error))
    g_error ("%s", error->message);
  t_commit = elapsed_s (start);
  total = t_read + t_parse + t_plan + t_commit;

  g_print ("import CSV: %u rows with %u rules in %.2f s = %.0f rows/s (target >= 300000)\n",
           summary.imported, N_RULES, total, summary.imported / total);
  g_print ("  read %.2f s, parse %.2f s, plan (de-duplication, rules) %.2f s, commit %.2f s\n",
           t_read, t_parse, t_plan, t_commit);

  /* The raw floor: sqlite3's CSV import into a table without indexes. */
  raw_db = g_build_filename (dir, "raw.db", NULL);
  {
    g_autofree char *import = g_strdup_printf (".import --csv --skip 1 %s t", csv_path);
    const char * const args[] = {
      "sqlite3", raw_db, "CREATE TABLE t (date TEXT, description TEXT, amount TEXT, memo TEXT)",
      import, NULL
    };

    raw = time_command (args, NULL);
    if (raw > 0)
      g_print ("sqlite3 .import of the same file: %.2f s = %.0f rows/s; Budg takes %.1fx that\n",
               raw, n_rows / raw, total / raw);
  }

  /* OFX: our glue on top of libofx against libofx's own ofxdump. */
  g_clear_object (&context);
  if (n_ofx_rows > 0)
    {
      double ours, theirs;
      BudgImportResult *ofx;

      ofx_path = write_ofx (dir, n_ofx_rows);
      if (!g_file_get_contents (ofx_path, &contents, &length, &error))
        g_error ("%s", error->message);
      start = g_get_monotonic_time ();
      ofx = budg_ofx_parse ((const guint8 *) contents, length, NULL, &error);
      g_assert_no_error (error);
      ours = elapsed_s (start);
      g_assert_cmpuint (budg_import_result_get_n_rows (ofx), ==, n_ofx_rows);
      budg_import_result_free (ofx);

      {
        const char * const args[] = { "ofxdump", ofx_path, NULL };

        theirs = time_command (args, NULL);
      }
      if (theirs > 0)
        g_print ("read OFX: %u transactions in %.2f s; ofxdump %.2f s; ratio %.2f (target <= 1.5)\n",
                 n_ofx_rows, ours, theirs, ours / theirs);
      else
        g_print ("read OFX: %u transactions in %.2f s (ofxdump not installed)\n", n_ofx_rows, ours);
    }

  remove_dir (dir);

  return EXIT_SUCCESS;
}
