/* budg-demo.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-demo"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "budg-category-totals.h"
#include "budg-checkpoints.h"
#include "budg-date.h"
#include "budg-demo.h"
#include "budg-error.h"
#include "budg-migrations.h"

/* The demo household. Everything is in code so that the same seed gives the
 * same rows on every machine; only GRand (documented as stable for a seed)
 * supplies the variation. */

enum {
  CHECKING,
  SAVINGS,
  CARD,
  CASH,
  EURO,
  N_ACCOUNTS
};

static const struct {
  const char *name;
  const char *kind;
  const char *currency;
  const char *institution;
  gint64      opening_minor;
} demo_accounts[N_ACCOUNTS] = {
  { "Everyday Checking", "checking", "USD", "First Federal Bank", 320000 },
  { "Rainy Day Savings", "savings", "USD", "First Federal Bank", 1250000 },
  { "Visa Rewards", "credit-card", "USD", "Northwind Card Services", -45000 },
  { "Wallet", "cash", "USD", NULL, 12000 },
  { "Girokonto", "checking", "EUR", "Stadtsparkasse", 180000 },
};

/* Two levels: each parent with its children; income parents first. */
static const struct {
  const char *parent;
  gboolean    is_income;
  const char *children[7];
} demo_categories[] = {
  { "Income", TRUE, { "Salary", "Bonus", "Interest", "Refunds", "Gifts Received", NULL } },
  { "Housing", FALSE, { "Rent", "Home Insurance", "Repairs", "Furniture", "Cleaning", NULL } },
  { "Utilities", FALSE, { "Electricity", "Water", "Internet", "Phone", "Heating", NULL } },
  { "Food", FALSE, { "Groceries", "Dining Out", "Coffee", "Bakery", "Takeaway", NULL } },
  { "Transport", FALSE, { "Fuel", "Public Transport", "Parking", "Car Insurance", "Taxi", "Car Maintenance", NULL } },
  { "Health", FALSE, { "Pharmacy", "Doctor", "Dentist", "Gym", "Health Insurance", NULL } },
  { "Shopping", FALSE, { "Clothing", "Electronics", "Books", "Hardware", "Gifts", NULL } },
  { "Leisure", FALSE, { "Streaming", "Cinema", "Concerts", "Hobbies", "Sports", NULL } },
  { "Travel", FALSE, { "Flights", "Hotels", "Holiday Activities", NULL } },
  { "Personal", FALSE, { "Haircut", "Cosmetics", "Subscriptions", NULL } },
  { "Finance", FALSE, { "Bank Fees", "Card Payment", "Savings Transfer", "Cash Withdrawal", NULL } },
  { "Education", FALSE, { "Courses", "School Supplies", NULL } },
};

/* 40 × 50 = 2,000 payees; each shop kind spends into one category. */
static const char * const payee_prefixes[40] = {
  "Corner", "Main Street", "Riverside", "Golden", "Blue Door", "Oak Tree", "Sunrise", "Harbor",
  "Maple", "Northside", "Old Town", "Green Valley", "Hilltop", "Lakeside", "City", "Union Square",
  "Parkview", "Silver", "Redwood", "Westend", "Brookfield", "Elm Street", "Bayside", "Central",
  "Meadow", "Station", "Market Hall", "Cedar", "Lighthouse", "Pine Ridge", "Willow", "Kingsway",
  "Fox & Hound", "Ironbridge", "Copper Kettle", "Bluebell", "Cornerstone", "Summit", "Orchard", "Seaside",
};

static const struct {
  const char *kind;
  const char *category;       /* "Parent:Child" */
  int         min_minor;
  int         max_minor;
} payee_kinds[50] = {
  { "Bakery", "Food:Bakery", 350, 2400 }, { "Cafe", "Food:Coffee", 280, 1500 },
  { "Bistro", "Food:Dining Out", 1800, 9500 }, { "Pizzeria", "Food:Takeaway", 1400, 4800 },
  { "Sushi Bar", "Food:Dining Out", 2200, 8800 }, { "Deli", "Food:Groceries", 800, 4200 },
  { "Noodle House", "Food:Takeaway", 1100, 3600 }, { "Grill", "Food:Dining Out", 2500, 11000 },
  { "Tea Room", "Food:Coffee", 300, 1600 }, { "Juice Bar", "Food:Coffee", 450, 1200 },
  { "Market", "Food:Groceries", 1200, 8600 }, { "Butcher", "Food:Groceries", 900, 5200 },
  { "Greengrocer", "Food:Groceries", 500, 3100 }, { "Pharmacy", "Health:Pharmacy", 450, 6800 },
  { "Dental Care", "Health:Dentist", 6000, 32000 }, { "Clinic", "Health:Doctor", 2500, 15000 },
  { "Fitness", "Health:Gym", 1500, 6000 }, { "Outfitters", "Shopping:Clothing", 1900, 16000 },
  { "Boutique", "Shopping:Clothing", 2500, 22000 }, { "Electronics", "Shopping:Electronics", 1500, 65000 },
  { "Bookshop", "Shopping:Books", 900, 5400 }, { "Hardware", "Shopping:Hardware", 600, 12000 },
  { "Gift Shop", "Shopping:Gifts", 800, 7500 }, { "Florist", "Shopping:Gifts", 1200, 6500 },
  { "Toy Store", "Shopping:Gifts", 1000, 8000 }, { "Cinema", "Leisure:Cinema", 900, 3400 },
  { "Music Hall", "Leisure:Concerts", 2500, 14000 }, { "Craft Supplies", "Leisure:Hobbies", 500, 6500 },
  { "Sports Shop", "Leisure:Sports", 1500, 18000 }, { "Bowling", "Leisure:Sports", 1200, 4800 },
  { "Gas Station", "Transport:Fuel", 2500, 7800 }, { "Auto Repair", "Transport:Car Maintenance", 4500, 60000 },
  { "Parking", "Transport:Parking", 200, 2500 }, { "Cab Company", "Transport:Taxi", 900, 4500 },
  { "Transit", "Transport:Public Transport", 250, 1200 }, { "Barber", "Personal:Haircut", 1500, 4500 },
  { "Salon", "Personal:Haircut", 2500, 9000 }, { "Beauty", "Personal:Cosmetics", 700, 5600 },
  { "Hotel", "Travel:Hotels", 8000, 42000 }, { "Travel Agency", "Travel:Flights", 9000, 85000 },
  { "Tours", "Travel:Holiday Activities", 2000, 15000 }, { "Laundry", "Housing:Cleaning", 400, 2500 },
  { "Home Goods", "Housing:Furniture", 1500, 45000 }, { "Locksmith", "Housing:Repairs", 4000, 19000 },
  { "Stationers", "Education:School Supplies", 300, 3200 }, { "Academy", "Education:Courses", 3000, 25000 },
  { "Newsstand", "Personal:Subscriptions", 250, 1200 }, { "Games", "Leisure:Hobbies", 900, 7000 },
  { "Burger Joint", "Food:Takeaway", 800, 2600 }, { "Ice Cream", "Food:Dining Out", 350, 1400 },
};

/* A dozen bills, paid from checking on a fixed day of the month unless the
 * rule says otherwise; amounts in USD cents. */
static const struct {
  const char *name;
  const char *category;
  gint64      amount_minor;
  const char *rrule;
  gboolean    autopay;
  gboolean    is_income;
} demo_bills[] = {
  { "Rent", "Housing:Rent", 165000, "FREQ=MONTHLY;BYMONTHDAY=1", FALSE, FALSE },
  { "Salary", "Income:Salary", 245000, "FREQ=WEEKLY;INTERVAL=2", TRUE, TRUE },
  { "Electricity", "Utilities:Electricity", 8400, "FREQ=MONTHLY;BYMONTHDAY=12", TRUE, FALSE },
  { "Water", "Utilities:Water", 3900, "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=18", FALSE, FALSE },
  { "Internet", "Utilities:Internet", 5999, "FREQ=MONTHLY;BYMONTHDAY=8", TRUE, FALSE },
  { "Phone", "Utilities:Phone", 4500, "FREQ=MONTHLY;BYMONTHDAY=22", TRUE, FALSE },
  { "Car Insurance", "Transport:Car Insurance", 11200, "FREQ=MONTHLY;BYMONTHDAY=5", FALSE, FALSE },
  { "Health Insurance", "Health:Health Insurance", 21500, "FREQ=MONTHLY;BYMONTHDAY=3", TRUE, FALSE },
  { "Home Insurance", "Housing:Home Insurance", 38000, "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=15", FALSE, FALSE },
  { "Streaming", "Leisure:Streaming", 1599, "FREQ=MONTHLY;BYMONTHDAY=27", TRUE, FALSE },
  { "Gym Membership", "Health:Gym", 3900, "FREQ=MONTHLY;BYMONTHDAY=15", TRUE, FALSE },
  { "Visa Rewards Payment", "Finance:Card Payment", 90000, "FREQ=MONTHLY;BYMONTHDAY=25", FALSE, FALSE },
};

/* Rows go in fifty to a statement: one sqlite3_step() per row costs more
 * than the row itself. */
#define ROWS_PER_INSERT 50

typedef struct
{
  gint64      account_id;
  char        date[11];
  gint64      amount_minor;
  gint64      payee_id;
  gint64      category_id;
  const char *status;
} PendingRow;

typedef struct
{
  BudgDatabase *database;
  sqlite3      *db;
  GRand        *rand;
  GHashTable   *category_ids;   /* "Parent:Child" → id */
  gint64        payee_ids[G_N_ELEMENTS (payee_prefixes) * G_N_ELEMENTS (payee_kinds)];
  gint64        named_payees[8];
  gint64        account_ids[N_ACCOUNTS];
  gint64        balances[N_ACCOUNTS];
  sqlite3_stmt *insert;          /* one row */
  sqlite3_stmt *insert_batch;    /* ROWS_PER_INSERT rows */
  PendingRow    pending[ROWS_PER_INSERT];
  guint         n_pending;
  guint         remaining;
  guint         inserted;
  char          today[11];
} Demo;

enum {
  PAYEE_EMPLOYER,
  PAYEE_LANDLORD,
  PAYEE_SUPERMARKET,
  PAYEE_BANK,
  PAYEE_CARD,
  PAYEE_ATM,
  PAYEE_SUPERMARKT,
  PAYEE_SAVINGS,
};

static const char * const named_payee_names[8] = {
  "Acme Corporation Payroll", "Maple Street Apartments", "FreshMart Supermarket", "First Federal Bank",
  "Northwind Card Services", "ATM Withdrawal", "Edeka Markt", "Transfer to Savings",
};

static gboolean
exec_demo_sql (Demo        *demo,
               const char  *sql,
               GError     **error)
{
  if (sqlite3_exec (demo->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      budg_database_set_error (demo->database, error, _("generating the demo data"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
step_insert (Demo          *demo,
             sqlite3_stmt  *stmt,
             gint64        *out_id,
             GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      budg_database_set_error (demo->database, error, _("generating the demo data"));
      return FALSE;
    }

  if (out_id != NULL)
    *out_id = sqlite3_last_insert_rowid (demo->db);

  return TRUE;
}

/* Collects the CREATE INDEX statements of the transactions table and drops
 * the indexes: building them once after the load, from sorted data, is
 * several times faster than updating them row by row. The statements come
 * from the schema itself, so they always match the migrations. */
static char *
drop_transaction_indexes (Demo    *demo,
                          GError **error)
{
  g_autoptr(GString) recreate = g_string_new (NULL);
  g_autoptr(GString) drop = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (demo->db,
                          "SELECT name, sql FROM sqlite_schema WHERE type = 'index'"
                          " AND tbl_name = 'transactions' AND sql IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      budg_database_set_error (demo->database, error, _("generating the demo data"));
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_string_append_printf (drop, "DROP INDEX \"%s\";\n", sqlite3_column_text (stmt, 0));
      g_string_append_printf (recreate, "%s;\n", sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);

  if (!exec_demo_sql (demo, drop->str, error))
    return NULL;

  return g_string_free (g_steal_pointer (&recreate), FALSE);
}

static gboolean
insert_reference_data (Demo    *demo,
                       GError **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (demo->db,
                          "INSERT INTO accounts (name, kind, currency, institution, sort_order)"
                          " VALUES (?1, ?2, ?3, ?4, ?5)", -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      sqlite3_bind_text (stmt, 1, demo_accounts[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, demo_accounts[i].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, demo_accounts[i].currency, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 4, demo_accounts[i].institution, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 5, (int) i);
      if (!step_insert (demo, stmt, &demo->account_ids[i], error))
        goto out;
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (demo->db,
                          "INSERT INTO categories (parent_id, name, is_income) VALUES (?1, ?2, ?3)",
                          -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (demo_categories); i++)
    {
      gint64 parent_id;

      sqlite3_bind_null (stmt, 1);
      sqlite3_bind_text (stmt, 2, demo_categories[i].parent, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 3, demo_categories[i].is_income);
      if (!step_insert (demo, stmt, &parent_id, error))
        goto out;

      for (guint c = 0; demo_categories[i].children[c] != NULL; c++)
        {
          gint64 id;

          sqlite3_bind_int64 (stmt, 1, parent_id);
          sqlite3_bind_text (stmt, 2, demo_categories[i].children[c], -1, SQLITE_STATIC);
          sqlite3_bind_int (stmt, 3, demo_categories[i].is_income);
          if (!step_insert (demo, stmt, &id, error))
            goto out;
          g_hash_table_insert (demo->category_ids,
                               g_strdup_printf ("%s:%s", demo_categories[i].parent,
                                                demo_categories[i].children[c]),
                               g_memdup2 (&id, sizeof id));
        }
    }
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (demo->db, "INSERT INTO payees (name) VALUES (?1)", -1, &stmt, NULL) != SQLITE_OK)
    goto out;
  for (guint i = 0; i < G_N_ELEMENTS (named_payee_names); i++)
    {
      sqlite3_bind_text (stmt, 1, named_payee_names[i], -1, SQLITE_STATIC);
      if (!step_insert (demo, stmt, &demo->named_payees[i], error))
        goto out;
    }
  for (guint p = 0; p < G_N_ELEMENTS (payee_prefixes); p++)
    for (guint k = 0; k < G_N_ELEMENTS (payee_kinds); k++)
      {
        g_autofree char *name = g_strdup_printf ("%s %s", payee_prefixes[p], payee_kinds[k].kind);

        sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
        if (!step_insert (demo, stmt, &demo->payee_ids[p * G_N_ELEMENTS (payee_kinds) + k], error))
          goto out;
      }

  ok = TRUE;

out:
  if (!ok && error != NULL && *error == NULL)
    budg_database_set_error (demo->database, error, _("generating the demo data"));
  sqlite3_finalize (stmt);
  return ok;
}

static gint64
category_id (Demo       *demo,
             const char *path)
{
  gint64 *id = g_hash_table_lookup (demo->category_ids, path);

  g_assert (id != NULL);

  return *id;
}

static void
bind_row (sqlite3_stmt     *stmt,
          int               first,
          const PendingRow *row)
{
  sqlite3_bind_int64 (stmt, first + 1, row->account_id);
  sqlite3_bind_text (stmt, first + 2, row->date, 10, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, first + 3, row->amount_minor);
  sqlite3_bind_int64 (stmt, first + 4, row->payee_id);
  sqlite3_bind_int64 (stmt, first + 5, row->category_id);
  sqlite3_bind_text (stmt, first + 6, row->status, -1, SQLITE_STATIC);
}

static gboolean
flush_rows (Demo    *demo,
            GError **error)
{
  if (demo->n_pending == ROWS_PER_INSERT)
    {
      for (guint i = 0; i < ROWS_PER_INSERT; i++)
        bind_row (demo->insert_batch, i * 6, &demo->pending[i]);
      if (!step_insert (demo, demo->insert_batch, NULL, error))
        return FALSE;
    }
  else
    {
      for (guint i = 0; i < demo->n_pending; i++)
        {
          bind_row (demo->insert, 0, &demo->pending[i]);
          if (!step_insert (demo, demo->insert, NULL, error))
            return FALSE;
        }
    }

  demo->n_pending = 0;

  return TRUE;
}

static gboolean
add_transaction (Demo        *demo,
                 guint        account,
                 const char  *date,
                 gint64       amount_minor,
                 gint64       payee_id,
                 gint64       category,
                 GError     **error)
{
  PendingRow *row;

  if (demo->remaining == 0)
    return TRUE;

  row = &demo->pending[demo->n_pending++];
  row->account_id = demo->account_ids[account];
  g_strlcpy (row->date, date, sizeof row->date);
  row->amount_minor = amount_minor;
  row->payee_id = payee_id;
  row->category_id = category;
  /* Most rows have cleared the bank; a few, and any dated after today, are
   * still pending. */
  row->status = g_rand_int_range (demo->rand, 0, 100) < 3 || strcmp (date, demo->today) > 0
                ? "pending" : "cleared";

  demo->balances[account] += amount_minor;
  demo->remaining--;
  demo->inserted++;

  if (demo->n_pending == ROWS_PER_INSERT)
    return flush_rows (demo, error);

  return TRUE;
}

static gint64
random_amount (Demo *demo,
               int   min_minor,
               int   max_minor)
{
  return g_rand_int_range (demo->rand, min_minor, max_minor + 1);
}

/* The fixed events of one day (pay, rent, groceries, bills…); returns how
 * many transactions they are, and adds them when @insert is set. */
static gboolean
add_fixed_events (Demo        *demo,
                  const GDate *day,
                  const char  *iso,
                  guint        day_index,
                  gboolean     insert,
                  guint       *out_count,
                  GError     **error)
{
  guint mday = g_date_get_day (day);
  GDateWeekday weekday = g_date_get_weekday (day);
  guint count = 0;

#define EVENT(account, amount, payee, category)                                       \
  G_STMT_START {                                                                      \
    count++;                                                                          \
    if (insert && !add_transaction (demo, account, iso, amount, payee,                \
                                    category_id (demo, category), error))             \
      return FALSE;                                                                   \
  } G_STMT_END

  if (day_index % 14 == 4)
    EVENT (CHECKING, 245000, demo->named_payees[PAYEE_EMPLOYER], "Income:Salary");
  if (mday == 1)
    EVENT (CHECKING, -165000, demo->named_payees[PAYEE_LANDLORD], "Housing:Rent");
  if (weekday == G_DATE_SATURDAY)
    EVENT (CHECKING, insert ? -random_amount (demo, 4500, 21000) : 0,
           demo->named_payees[PAYEE_SUPERMARKET], "Food:Groceries");
  if (weekday == G_DATE_WEDNESDAY)
    EVENT (CASH, insert ? -random_amount (demo, 300, 2500) : 0,
           demo->named_payees[PAYEE_SUPERMARKET], "Food:Bakery");
  if (day_index % 14 == 7)
    {
      EVENT (CHECKING, -12000, demo->named_payees[PAYEE_ATM], "Finance:Cash Withdrawal");
      EVENT (CASH, 12000, demo->named_payees[PAYEE_ATM], "Finance:Cash Withdrawal");
    }
  if (mday == 25)
    {
      /* The card is paid off in full each month, as careful people do. */
      gint64 payment = MAX (-demo->balances[CARD], 2500);

      EVENT (CHECKING, -payment, demo->named_payees[PAYEE_CARD], "Finance:Card Payment");
      EVENT (CARD, payment, demo->named_payees[PAYEE_CARD], "Finance:Card Payment");
    }
  if (mday == 28)
    {
      EVENT (CHECKING, -30000, demo->named_payees[PAYEE_SAVINGS], "Finance:Savings Transfer");
      EVENT (SAVINGS, 30000, demo->named_payees[PAYEE_SAVINGS], "Finance:Savings Transfer");
      EVENT (SAVINGS, 1875, demo->named_payees[PAYEE_BANK], "Income:Interest");
    }
  if (weekday == G_DATE_FRIDAY)
    EVENT (EURO, insert ? -random_amount (demo, 2500, 9500) : 0,
           demo->named_payees[PAYEE_SUPERMARKT], "Food:Groceries");
  if (mday == 15)
    EVENT (EURO, 40000, demo->named_payees[PAYEE_EMPLOYER], "Income:Salary");

  for (guint i = 0; i < G_N_ELEMENTS (demo_bills); i++)
    {
      int bill_day = 0;

      if (demo_bills[i].is_income || g_str_equal (demo_bills[i].name, "Rent") ||
          g_str_equal (demo_bills[i].name, "Visa Rewards Payment"))
        continue;
      /* Only the monthly BYMONTHDAY bills are paid in the demo history. */
      if (g_str_has_prefix (demo_bills[i].rrule, "FREQ=MONTHLY;BYMONTHDAY="))
        bill_day = atoi (demo_bills[i].rrule + strlen ("FREQ=MONTHLY;BYMONTHDAY="));
      if (bill_day == (int) mday)
        EVENT (CHECKING, -demo_bills[i].amount_minor, demo->named_payees[PAYEE_BANK],
               demo_bills[i].category);
    }

#undef EVENT

  *out_count = count;

  return TRUE;
}

/* Picks a shop kind, cheap ones far more often than dear ones (weight
 * inversely proportional to the typical price), so that a month of card
 * spending looks like a real one: many coffees, the odd hotel. */
static guint
pick_kind (Demo *demo)
{
  static double cumulative[G_N_ELEMENTS (payee_kinds)];
  double total;
  double x;

  if (cumulative[0] == 0)
    {
      double sum = 0;

      for (guint k = 0; k < G_N_ELEMENTS (payee_kinds); k++)
        {
          sum += 1.0 / (payee_kinds[k].min_minor + payee_kinds[k].max_minor);
          cumulative[k] = sum;
        }
    }

  total = cumulative[G_N_ELEMENTS (payee_kinds) - 1];
  x = g_rand_double (demo->rand) * total;
  for (guint k = 0; k < G_N_ELEMENTS (payee_kinds); k++)
    if (x < cumulative[k])
      return k;

  return G_N_ELEMENTS (payee_kinds) - 1;
}

static gboolean
add_card_spending (Demo        *demo,
                   const char  *iso,
                   guint        n,
                   GError     **error)
{
  for (guint i = 0; i < n; i++)
    {
      guint kind = pick_kind (demo);
      guint prefix = g_rand_int_range (demo->rand, 0, G_N_ELEMENTS (payee_prefixes));
      gint64 amount = random_amount (demo, payee_kinds[kind].min_minor, payee_kinds[kind].max_minor);
      int channel = g_rand_int_range (demo->rand, 0, 20);
      /* Mostly the credit card; some debit card from checking, some cash. */
      guint account = channel < 15 ? CARD : channel < 18 ? CHECKING : CASH;

      if (!add_transaction (demo, account, iso, -amount,
                            demo->payee_ids[prefix * G_N_ELEMENTS (payee_kinds) + kind],
                            category_id (demo, payee_kinds[kind].category), error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
add_snapshots (Demo        *demo,
               const char  *iso,
               const char  *note,
               GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (demo->db,
                          "INSERT INTO balance_snapshots (account_id, date, amount_minor, note)"
                          " VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL) != SQLITE_OK)
    {
      budg_database_set_error (demo->database, error, _("generating the demo data"));
      return FALSE;
    }

  for (guint i = 0; i < N_ACCOUNTS; i++)
    {
      sqlite3_bind_int64 (stmt, 1, demo->account_ids[i]);
      sqlite3_bind_text (stmt, 2, iso, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 3, demo->balances[i]);
      sqlite3_bind_text (stmt, 4, note, -1, SQLITE_STATIC);
      if (!step_insert (demo, stmt, NULL, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

/* The bills start with the history, and everything up to its last day is
 * settled: those occurrences are already in the generated transactions. */
static gboolean
add_bills (Demo        *demo,
           const GDate *start,
           const char  *settled_through,
           GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (demo->db,
                          "INSERT INTO bills (name, payee_id, account_id, category_id, amount_minor,"
                          " is_income, rrule, start_date, autopay, settled_through)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1, &stmt, NULL) != SQLITE_OK)
    {
      budg_database_set_error (demo->database, error, _("generating the demo data"));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (demo_bills); i++)
    {
      GDate first = *start;
      char first_iso[11];

      /* Pay day is the fifth day of the history and every fourteenth after. */
      if (demo_bills[i].is_income)
        g_date_add_days (&first, 4);
      g_snprintf (first_iso, sizeof first_iso, "%04u-%02u-%02u",
                  g_date_get_year (&first), g_date_get_month (&first), g_date_get_day (&first));

      sqlite3_bind_text (stmt, 1, demo_bills[i].name, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, demo->named_payees[PAYEE_BANK]);
      sqlite3_bind_int64 (stmt, 3, demo->account_ids[CHECKING]);
      sqlite3_bind_int64 (stmt, 4, category_id (demo, demo_bills[i].category));
      sqlite3_bind_int64 (stmt, 5, demo_bills[i].amount_minor);
      sqlite3_bind_int (stmt, 6, demo_bills[i].is_income);
      sqlite3_bind_text (stmt, 7, demo_bills[i].rrule, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 8, first_iso, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 9, demo_bills[i].autopay);
      sqlite3_bind_text (stmt, 10, settled_through, -1, SQLITE_STATIC);
      if (!step_insert (demo, stmt, NULL, error))
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);

  return TRUE;
}

static gboolean
generate (Demo        *demo,
          guint        n_transactions,
          const GDate *end,
          GError     **error)
{
  g_autofree char *end_iso = NULL;
  g_autofree char *opening_iso = NULL;
  GDate start = *end;
  GDate day;
  guint64 n_fixed = 0;
  guint64 n_spending;
  guint n_days;
  guint spent_before = 0;

  /* A household has three or four transactions a day. A demo larger than
   * twenty years of that is a stress test: it keeps twenty years and fills
   * them with more card spending, so its balances run deep into the red. */
  n_days = CLAMP ((guint64) n_transactions * 2 / 7, 120, 7305);
  g_date_subtract_days (&start, n_days - 1);

  /* First pass: count the fixed events, so that card spending can be spread
   * evenly and the total comes out at exactly @n_transactions. */
  day = start;
  for (guint i = 0; i < n_days; i++, g_date_add_days (&day, 1))
    {
      guint count;

      if (!add_fixed_events (demo, &day, "", i, FALSE, &count, error))
        return FALSE;
      n_fixed += count;
    }
  n_spending = n_transactions > n_fixed ? n_transactions - n_fixed : 0;

  opening_iso = budg_date_to_iso (&start);
  {
    GDate opening = start;

    g_date_subtract_days (&opening, 1);
    g_free (opening_iso);
    opening_iso = budg_date_to_iso (&opening);
  }
  for (guint i = 0; i < N_ACCOUNTS; i++)
    demo->balances[i] = demo_accounts[i].opening_minor;
  if (!add_snapshots (demo, opening_iso, _("Opening balance"), error))
    return FALSE;

  end_iso = budg_date_to_iso (end);
  if (!add_bills (demo, &start, end_iso, error))
    return FALSE;

  day = start;
  for (guint i = 0; i < n_days; i++, g_date_add_days (&day, 1))
    {
      char iso[11];
      guint count;
      guint spent_until = (guint) ((i + 1) * n_spending / n_days);

      g_snprintf (iso, sizeof iso, "%04u-%02u-%02u",
                  g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day));

      if (!add_fixed_events (demo, &day, iso, i, TRUE, &count, error) ||
          !add_card_spending (demo, iso, spent_until - spent_before, error))
        return FALSE;
      spent_before = spent_until;

      /* A statement balance at each month end, as the bank reports it. */
      if (g_date_is_last_of_month (&day) && i + 1 < n_days &&
          !add_snapshots (demo, iso, _("Statement balance"), error))
        return FALSE;
    }

  return TRUE;
}

/**
 * budg_demo_generate:
 * @end_date: (nullable): the last day of the history, ISO; %NULL for today
 *
 * Writes the demo household into an empty database, all in one transaction.
 * The audit log gets one summary row instead of one row per generated
 * transaction: nobody audits invented data, and a million audit rows would
 * double the file.
 */
gboolean
budg_demo_generate (BudgContext  *context,
                    guint         n_transactions,
                    guint32       seed,
                    const char   *end_date,
                    GError      **error)
{
  g_autofree char *triggers = NULL;
  g_autofree char *indexes = NULL;
  g_autofree char *category_totals = NULL;
  g_autofree char *drop = budg_migrations_build_drop_audit_triggers ();
  g_autofree char *today = budg_date_today ();
  g_autoptr(GHashTable) category_ids = NULL;
  g_autoptr(GRand) rand = NULL;
  BudgDatabase *database;
  Demo demo = { 0 };
  GDate end;
  sqlite3_stmt *stmt;
  gboolean ok = FALSE;

  g_return_val_if_fail (BUDG_IS_CONTEXT (context), FALSE);

  if (!budg_date_parse (end_date != NULL ? end_date : today, &end, error))
    return FALSE;

  if (g_list_model_get_n_items (G_LIST_MODEL (budg_context_get_accounts (context))) > 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_IN_USE,
                   _("The database already has accounts. Demo data only goes into a new, empty database; use another file with --db."));
      return FALSE;
    }

  database = budg_context_get_database (context);
  rand = g_rand_new_with_seed (seed);
  category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  demo.database = database;
  demo.db = budg_database_get_handle (database);
  demo.rand = rand;
  demo.category_ids = category_ids;
  demo.remaining = n_transactions;
  g_strlcpy (demo.today, today, sizeof demo.today);

  /* For the load only: worker threads for sorting the indexes, and no
   * foreign-key lookups, since every id comes from the rows just inserted
   * (foreign_keys cannot change inside a transaction). The page cache stays
   * small on purpose: SQLite then sorts an index in many small runs that the
   * threads share, which measured a third faster than one large run. */
  sqlite3_exec (demo.db, "PRAGMA cache_size = -131072; PRAGMA threads = 2; PRAGMA foreign_keys = OFF",
                NULL, NULL, NULL);

  if (!budg_database_begin (database, error))
    return FALSE;

  triggers = budg_migrations_build_audit_triggers (demo.db, error);
  if (triggers == NULL || !exec_demo_sql (&demo, drop, error) ||
      !exec_demo_sql (&demo, budg_checkpoints_get_drop_triggers_sql (), error) ||
      !(category_totals = budg_category_totals_suspend (database, error)) ||
      !(indexes = drop_transaction_indexes (&demo, error)))
    goto out;

  {
    g_autoptr(GString) batch = g_string_new ("INSERT INTO transactions (account_id, date, amount_minor,"
                                             " payee_id, category_id, status) VALUES ");

    for (guint i = 0; i < ROWS_PER_INSERT; i++)
      g_string_append (batch, i == 0 ? "(?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?)");

    if (sqlite3_prepare_v2 (demo.db, batch->str, -1, &demo.insert_batch, NULL) != SQLITE_OK)
      {
        budg_database_set_error (database, error, _("generating the demo data"));
        goto out;
      }
  }

  if (sqlite3_prepare_v2 (demo.db,
                          "INSERT INTO transactions (account_id, date, amount_minor, payee_id,"
                          " category_id, status) VALUES (?, ?, ?, ?, ?, ?)",
                          -1, &demo.insert, NULL) != SQLITE_OK)
    {
      budg_database_set_error (database, error, _("generating the demo data"));
      goto out;
    }

  if (!insert_reference_data (&demo, error) ||
      !generate (&demo, n_transactions, &end, error) ||
      !flush_rows (&demo, error) ||
      !exec_demo_sql (&demo, "PRAGMA cache_size = -2000", error) ||
      !exec_demo_sql (&demo, indexes, error) ||
      !budg_checkpoints_rebuild (database, error) ||
      !budg_category_totals_resume (database, category_totals, error) ||
      !exec_demo_sql (&demo, triggers, error) ||
      !exec_demo_sql (&demo, budg_checkpoints_get_triggers_sql (), error))
    goto out;

  stmt = budg_database_prepare (database,
                                "INSERT INTO audit_log (table_name, row_id, action, new_values)"
                                " VALUES ('transactions', 0, 'insert',"
                                " json_object('demo_transactions', ?1, 'seed', ?2))",
                                error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, demo.inserted);
  sqlite3_bind_int64 (stmt, 2, seed);
  if (!budg_database_step_done (database, stmt, error))
    goto out;

  budg_database_emit_changed (database, "*");

  ok = budg_database_commit (database, error);

out:
  sqlite3_finalize (demo.insert);
  sqlite3_finalize (demo.insert_batch);
  if (!ok)
    budg_database_rollback (database);
  sqlite3_exec (demo.db,
                "PRAGMA threads = 0; PRAGMA foreign_keys = ON",
                NULL, NULL, NULL);

  return ok;
}
