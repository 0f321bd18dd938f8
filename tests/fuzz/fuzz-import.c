/* fuzz-import.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A fuzz target for the statement parsers: every input goes through the
 * format sniffer, the QIF parser, the CSV detector, parser and preview, and
 * our OFX glue (the scrubber that rewrites a document for libofx); inputs
 * that look like OFX also go through libofx itself. Whatever the input, a
 * parser must return either an error or a result that keeps the contract of
 * budg-import-row.h (real ISO dates, valid trimmed UTF-8, splits adding up,
 * rejections in line order); anything else aborts.
 *
 * In the test suite ("fuzz-import", suite io) this file is its own driver:
 * it runs each file of a seed directory (tests/data/import) and a few
 * thousand deterministic mutations of them (byte flips, interesting bytes,
 * truncations, deleted and repeated chunks).
 *
 * For a long run with libFuzzer, build the libraries with clang and the
 * sanitizers, then link this file with -DBUDG_LIBFUZZER (libFuzzer brings
 * its own main):
 *
 *   CC=clang meson setup build-fuzz -Db_sanitize=address,undefined \
 *     -Dc_args=-fsanitize=fuzzer-no-link
 *   ninja -C build-fuzz src/io/libbudg-io.a src/core/libbudg-core.a
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -DBUDG_LIBFUZZER \
 *     -Ibuild-fuzz -Isrc/core -Isrc/io tests/fuzz/fuzz-import.c \
 *     build-fuzz/src/io/libbudg-io.a build-fuzz/src/core/libbudg-core.a \
 *     $(pkg-config --cflags --libs gio-2.0 json-glib-1.0 sqlite3 libical libofx) -lm \
 *     -o build-fuzz/fuzz-import
 *   cp -r tests/data/import build-fuzz/corpus && rm build-fuzz/corpus/SOURCES.md
 *   printf 'leak:libofx.so.7\nleak:libstdc++.so.6\n' > build-fuzz/lsan.supp
 *   LSAN_OPTIONS=suppressions=build-fuzz/lsan.supp build-fuzz/fuzz-import \
 *     -max_total_time=3600 -timeout=10 -rss_limit_mb=2048 build-fuzz/corpus
 *
 * The extra suppression is for libofx's known leaks (see build-aux/lsan.supp):
 * libFuzzer's fast stack unwinding stops inside libstdc++, before libofx,
 * and nothing but libofx and its OpenSP parser allocates with C++'s
 * operator new in this process.
 */

#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "budg-csv-parser.h"
#include "budg-import-private.h"
#include "budg-import-row.h"
#include "budg-ofx-parser.h"
#include "budg-qif-parser.h"
#include "fuzz-mutate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static void
check_text (const char *text)
{
  gsize length;

  if (text == NULL)
    return;

  length = strlen (text);
  if (length == 0 || !g_utf8_validate (text, -1, NULL) ||
      g_ascii_isspace (text[0]) || g_ascii_isspace (text[length - 1]))
    g_error ("Bad text field “%s”", text);
}

static void
check_date (const char *date)
{
  int year;
  int month;
  int day;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year) || year < 1800)
    g_error ("Bad date “%s”", date ? date : "(null)");
}

static void
check_result (BudgImportResult *result,
              GError           *error)
{
  if ((result == NULL) == (error == NULL))
    g_error ("A parser returned %s and %s", result ? "a result" : "no result",
             error ? "an error" : "no error");

  if (result == NULL)
    {
      check_text (error->message);
      return;
    }

  check_text (result->encoding);

  for (guint i = 0; i < result->statements->len; i++)
    {
      BudgImportStatement *statement = g_ptr_array_index (result->statements, i);

      check_text (statement->bank_id);
      check_text (statement->account_number);
      check_text (statement->account_name);
      if (statement->currency != NULL && !budg_import_is_currency (statement->currency))
        g_error ("Bad currency “%s”", statement->currency);
      if (statement->has_ledger_balance)
        check_date (statement->ledger_balance_date);

      for (guint j = 0; j < statement->rows->len; j++)
        {
          BudgImportRow *row = g_ptr_array_index (statement->rows, j);
          gint64 total = 0;

          check_date (row->date);
          check_text (row->payee);
          check_text (row->memo);
          check_text (row->category);
          check_text (row->class_name);
          check_text (row->external_id);
          check_text (row->check_number);
          check_text (row->transfer_account);

          for (guint k = 0; k < row->splits->len; k++)
            {
              BudgImportSplit *split = g_ptr_array_index (row->splits, k);

              check_text (split->category);
              check_text (split->memo);
              total += split->amount_minor;
            }
          if (row->splits->len > 0 && total != row->amount_minor)
            g_error ("Splits add up to %" G_GINT64_FORMAT ", not %" G_GINT64_FORMAT,
                     total, row->amount_minor);
        }
    }

  for (guint i = 0; i < result->rejected->len; i++)
    {
      BudgImportRejection *rejection = g_ptr_array_index (result->rejected, i);

      check_text (rejection->reason);
      if (i > 0 && ((BudgImportRejection *) g_ptr_array_index (result->rejected, i - 1))->line > rejection->line)
        g_error ("Rejections out of order");
    }
}

static gboolean
looks_like_ofx (const uint8_t *data,
                size_t         size)
{
  for (size_t i = 0; i + 4 <= size; i++)
    if (data[i] == '<' && g_ascii_strncasecmp ((const char *) data + i + 1, "OFX", 3) == 0)
      return TRUE;

  return FALSE;
}

static void
run_cheap_targets (const uint8_t *data,
                   size_t         size)
{
  BudgQifOptions qif_options = { .date_order = BUDG_DATE_ORDER_DMY, .decimal_mark = BUDG_DECIMAL_MARK_COMMA };
  g_autofree char *text = NULL;

  budg_import_detect_format (data, size, NULL);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BudgImportResult) result = budg_qif_parse (data, size, NULL, &error);

    check_result (result, error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BudgImportResult) result = budg_qif_parse (data, size, &qif_options, &error);

    check_result (result, error);
  }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(BudgImportResult) result = budg_csv_parse (data, size, NULL, &error);
    g_autoptr(BudgCsvOptions) detected = budg_csv_detect (data, size, NULL, NULL);

    check_result (result, error);

    /* What detection finds, given back explicitly, accounts for the same
     * transactions (an explicit decimal mark is stricter, so a row may move
     * from read to rejected, but none may vanish). */
    if (detected != NULL)
      {
        g_autoptr(GError) again_error = NULL;
        g_autoptr(BudgImportResult) again = budg_csv_parse (data, size, detected, &again_error);
        GPtrArray *preview = budg_csv_read_records (data, size, detected, 5, NULL);

        /* The preview of a file detection understood always exists. */
        if (preview == NULL)
          g_error ("No preview of a file that detection understood");
        g_ptr_array_unref (preview);

        check_result (again, again_error);
        if (result == NULL || again == NULL)
          g_error ("Detection and parsing disagree on whether this is CSV");
        if (budg_import_result_get_n_rows (result) + result->rejected->len !=
            budg_import_result_get_n_rows (again) + again->rejected->len)
          g_error ("Detected options account for %u transactions, automatic reading for %u",
                   budg_import_result_get_n_rows (again) + again->rejected->len,
                   budg_import_result_get_n_rows (result) + result->rejected->len);
      }
  }

  /* The OFX glue on its own, much faster than a libofx run. */
  text = budg_import_decode (data, size, NULL, NULL, NULL);
  if (text != NULL)
    {
      g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (BudgOfxTransactionMark));
      g_autofree char *scrubbed = NULL;

      g_array_set_clear_func (marks, budg_ofx_transaction_mark_clear);
      scrubbed = budg_ofx_scrub (text, marks, NULL);
      if (scrubbed != NULL && !g_utf8_validate (scrubbed, -1, NULL))
        g_error ("The scrubbed OFX is not UTF-8");
    }
}

static void
run_ofx (const uint8_t *data,
         size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgImportResult) result = budg_ofx_parse (data, size, NULL, &error);

  check_result (result, error);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  run_cheap_targets (data, size);

  if (looks_like_ofx (data, size))
    run_ofx (data, size);

  return 0;
}

#ifndef BUDG_LIBFUZZER

/* Bytes that mean something to one of the formats. */
static const guint8 interesting[] = {
  '\n', '\r', '\0', '"', ',', ';', '\t', '<', '>', '/', '^', '!', '$', '-', '.', '\'', ' ',
  '0', '9', 'D', 'T', 'S', 0x80, 0x97, 0xc3, 0xe9, 0xef, 0xfe, 0xff,
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n_runs = 0;
  guint n_ofx = 0;

  if (argc != 2)
    {
      g_printerr ("Usage: %s SEED-DIRECTORY\n", argv[0]);
      return 2;
    }

  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);

  while ((name = g_dir_read_name (dir)) != NULL)
    if (!g_str_has_suffix (name, ".md"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (argv[1], g_ptr_array_index (names, i), NULL);
      g_autoptr(GBytes) seed = NULL;
      g_autofree char *contents = NULL;
      GRand *rand;
      gsize size;
      gboolean ofx;

      if (!g_file_get_contents (path, &contents, &size, &error))
        g_error ("%s", error->message);
      seed = g_bytes_new_take (g_steal_pointer (&contents), size);
      ofx = looks_like_ofx (g_bytes_get_data (seed, NULL), size);

      /* The same mutations on every run: a failure can be replayed. */
      rand = g_rand_new_with_seed (g_str_hash (g_ptr_array_index (names, i)));

      g_debug ("Seed %s", (const char *) g_ptr_array_index (names, i));
      LLVMFuzzerTestOneInput (g_bytes_get_data (seed, NULL), size);
      n_runs++;

      for (guint m = 0; m < 100; m++)
        {
          g_autoptr(GBytes) mutant = fuzz_mutate (seed, rand, interesting, G_N_ELEMENTS (interesting));
          gsize mutant_size;
          const guint8 *mutant_data = g_bytes_get_data (mutant, &mutant_size);

          run_cheap_targets (mutant_data, mutant_size);
          n_runs++;

          /* libofx takes milliseconds a run: a few mutants per seed. */
          if (ofx && m % 10 == 0 && looks_like_ofx (mutant_data, mutant_size))
            {
              run_ofx (mutant_data, mutant_size);
              n_ofx++;
            }
        }

      g_rand_free (rand);
    }

  g_print ("%u seeds, %u inputs, %u through libofx: no crash, every result valid\n",
           names->len, n_runs, n_ofx);

  return 0;
}

#endif
