/* test-rules.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "budg-context.h"
#include "budg-error.h"
#include "budg-rule-store.h"
#include "budg-split.h"

/* Categorization rules: the matcher against a brute-force reference written
 * here from the documented semantics (no cache, no bit masks, a plain scan
 * in priority order), the store's validation and ordering, and running the
 * rules over stored transactions, where the preview must be exactly what
 * applying then writes. */

/* Matcher helpers */

static BudgRule *
make_rule (gint64          id,
           int             priority,
           BudgRuleTextOp  payee_op,
           const char     *payee_value,
           gint64          set_category_id)
{
  BudgRule *rule = budg_rule_new ();

  rule->id = id;
  rule->name = g_strdup_printf ("rule %" G_GINT64_FORMAT, id);
  rule->priority = priority;
  rule->payee_op = payee_op;
  rule->payee_value = g_strdup (payee_value);
  rule->set_category_id = set_category_id;

  return rule;
}

static BudgRuleSet *
set_of (GPtrArray *rules)
{
  g_autoptr(GError) error = NULL;
  BudgRuleSet *set = budg_rule_set_new (rules, &error);

  g_assert_no_error (error);
  g_assert_nonnull (set);

  return set;
}

/* The category one rule gives @payee, or 0 when it does not match. */
static gint64
category_for (BudgRuleTextOp  op,
              const char     *value,
              gboolean        case_sensitive,
              const char     *payee)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
  g_autoptr(BudgRuleSet) set = NULL;
  BudgRule *rule = make_rule (1, 1, op, value, 7);
  BudgRuleSubject subject = { .account_id = 1, .amount_minor = -100, .payee = payee };

  rule->case_sensitive = case_sensitive;
  g_ptr_array_add (rules, rule);
  set = set_of (rules);
  budg_rule_set_apply (set, &subject);

  return subject.category_id;
}

static void
test_nicks (void)
{
  BudgRuleTextOp op;
  BudgRuleSign sign;

  for (BudgRuleTextOp o = BUDG_RULE_TEXT_CONTAINS; o <= BUDG_RULE_TEXT_REGEX; o++)
    {
      g_assert_true (budg_rule_text_op_from_string (budg_rule_text_op_to_string (o), &op));
      g_assert_cmpint (op, ==, o);
    }
  g_assert_null (budg_rule_text_op_to_string (BUDG_RULE_TEXT_NONE));
  g_assert_true (budg_rule_text_op_from_string (NULL, &op));
  g_assert_cmpint (op, ==, BUDG_RULE_TEXT_NONE);
  g_assert_false (budg_rule_text_op_from_string ("matches", &op));
  g_assert_cmpstr (budg_rule_text_op_to_string (BUDG_RULE_TEXT_STARTS_WITH), ==, "starts-with");

  for (BudgRuleSign s = BUDG_RULE_SIGN_ANY; s <= BUDG_RULE_SIGN_IN; s++)
    {
      g_assert_true (budg_rule_sign_from_string (budg_rule_sign_to_string (s), &sign));
      g_assert_cmpint (sign, ==, s);
    }
  g_assert_false (budg_rule_sign_from_string ("both", &sign));
  g_assert_false (budg_rule_sign_from_string (NULL, &sign));
}

static void
test_text_ops (void)
{
  /* contains / is / starts-with, ignoring case by default. */
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_CONTAINS, "amzn", FALSE, "AMZN MKTP US*2K4"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_CONTAINS, "mktp", FALSE, "AMZN MKTP US*2K4"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_CONTAINS, "ebay", FALSE, "AMZN MKTP US*2K4"), ==, 0);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_IS, "shell", FALSE, "  SHELL "), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_IS, "shell", FALSE, "SHELL 42"), ==, 0);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_STARTS_WITH, "uber", FALSE, "Uber *Trip"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_STARTS_WITH, "trip", FALSE, "Uber *Trip"), ==, 0);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_STARTS_WITH, "uber *trip extra", FALSE, "Uber *Trip"), ==, 0);

  /* Unicode folding: accents, composed or not, and ß. */
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_IS, "café", FALSE, "CAFÉ"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_CONTAINS, "CAFÉ", FALSE, "le café du coin"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_IS, "café", FALSE, "CAFE\xcc\x81"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_IS, "cafe", FALSE, "café"), ==, 0);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_CONTAINS, "strasse", FALSE, "Hauptstraße 5"), ==, 7);

  /* Case-sensitive rules keep case but still compose accents. */
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_IS, "café", TRUE, "CAFÉ"), ==, 0);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_IS, "Café", TRUE, "Cafe\xcc\x81"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_CONTAINS, "MKTP", TRUE, "amzn mktp"), ==, 0);

  /* Regular expressions: caseless unless the rule says otherwise. */
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_REGEX, "^amzn\\s+mktp", FALSE, "Amzn Mktp US"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_REGEX, "^amzn\\s+mktp", TRUE, "Amzn Mktp US"), ==, 0);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_REGEX, "caf[eé]$", FALSE, "GRAND CAFÉ"), ==, 7);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_REGEX, "\\d{4}", FALSE, "SHELL 12"), ==, 0);

  /* A transaction without a payee fails every payee condition but "^$". */
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_CONTAINS, "a", FALSE, NULL), ==, 0);
  g_assert_cmpint (category_for (BUDG_RULE_TEXT_REGEX, "^$", FALSE, NULL), ==, 7);
}

static void
test_numbers (void)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
  g_autoptr(BudgRuleSet) set = NULL;
  BudgRule *bounded = make_rule (1, 1, BUDG_RULE_TEXT_NONE, NULL, 11);
  BudgRule *out_only = make_rule (2, 2, BUDG_RULE_TEXT_NONE, NULL, 22);
  BudgRule *in_account = make_rule (3, 3, BUDG_RULE_TEXT_NONE, NULL, 33);
  const struct
  {
    gint64 account_id;
    gint64 amount;
    gint64 expected;
  } cases[] = {
    { 1, -1000, 11 }, { 1, 1000, 11 }, { 1, -5000, 11 }, { 1, 5000, 11 },   /* bounds inclusive, either sign */
    { 1, -999, 22 }, { 1, -5001, 22 },                                      /* outside: the sign rule */
    { 1, 999, 0 }, { 2, 5001, 33 }, { 1, 0, 0 }, { 2, 0, 0 },               /* 0 is neither in nor out */
    { 2, G_MININT64, 22 }, { 2, G_MAXINT64, 33 },
  };

  bounded->has_min_amount = TRUE;
  bounded->min_amount_minor = 1000;
  bounded->has_max_amount = TRUE;
  bounded->max_amount_minor = 5000;
  out_only->sign = BUDG_RULE_SIGN_OUT;
  in_account->sign = BUDG_RULE_SIGN_IN;
  in_account->account_id = 2;
  g_ptr_array_add (rules, in_account);
  g_ptr_array_add (rules, bounded);
  g_ptr_array_add (rules, out_only);
  set = set_of (rules);
  g_assert_cmpuint (budg_rule_set_get_n_rules (set), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      BudgRuleSubject subject = { .account_id = cases[i].account_id, .amount_minor = cases[i].amount };

      g_test_message ("case %u", i);
      g_assert_cmpint (budg_rule_set_apply (set, &subject), ==, cases[i].expected != 0);
      g_assert_cmpint (subject.category_id, ==, cases[i].expected);
      g_assert_cmpint (subject.rule_id, ==, cases[i].expected / 11);
    }
}

static void
test_order (void)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
  g_autoptr(BudgRuleSet) set = NULL;
  BudgRule *rename = make_rule (5, 1, BUDG_RULE_TEXT_CONTAINS, "amzn", 0);
  BudgRule *tie_late = make_rule (9, 2, BUDG_RULE_TEXT_CONTAINS, "amzn", 90);
  BudgRule *tie_early = make_rule (8, 2, BUDG_RULE_TEXT_CONTAINS, "amzn", 80);
  BudgRule *disabled = make_rule (1, 0, BUDG_RULE_TEXT_CONTAINS, "amzn", 10);
  BudgRule *memo = make_rule (2, 3, BUDG_RULE_TEXT_NONE, NULL, 0);
  BudgRuleSubject subject = { .account_id = 1, .amount_minor = -100, .payee = "AMZN Mktp" };

  rename->set_payee = g_strdup ("Amazon");
  rename->set_memo = g_strdup ("online");
  rename->continue_matching = TRUE;
  tie_early->has_set_status = TRUE;
  tie_early->set_status = BUDG_TRANSACTION_STATUS_CLEARED;
  disabled->enabled = FALSE;
  memo->memo_op = BUDG_RULE_TEXT_IS;
  memo->memo_value = g_strdup ("gift");
  memo->set_memo = g_strdup ("present");
  memo->has_set_status = TRUE;
  memo->set_status = BUDG_TRANSACTION_STATUS_RECONCILED;

  /* Given out of order on purpose: the set sorts by priority, then id. */
  g_ptr_array_add (rules, tie_late);
  g_ptr_array_add (rules, memo);
  g_ptr_array_add (rules, disabled);
  g_ptr_array_add (rules, tie_early);
  g_ptr_array_add (rules, rename);
  set = set_of (rules);
  g_assert_cmpuint (budg_rule_set_get_n_rules (set), ==, 4);

  /* The renaming rule continues; the tie goes to the lower id, which stops. */
  g_assert_true (budg_rule_set_apply (set, &subject));
  g_assert_cmpint (subject.rule_id, ==, 8);
  g_assert_cmpint (subject.category_id, ==, 80);
  g_assert_cmpstr (subject.payee_out, ==, "Amazon");
  g_assert_cmpstr (subject.memo_out, ==, "online");
  g_assert_true (subject.has_status);
  g_assert_cmpint (subject.status, ==, BUDG_TRANSACTION_STATUS_CLEARED);

  /* Without continue on the renaming rule, it alone wins. */
  g_clear_pointer (&set, budg_rule_set_free);
  rename->continue_matching = FALSE;
  set = set_of (rules);
  g_assert_true (budg_rule_set_apply (set, &subject));
  g_assert_cmpint (subject.rule_id, ==, 5);
  g_assert_cmpint (subject.category_id, ==, 0);
  g_assert_false (subject.has_status);

  /* A later rule overrides the fields it sets, and only those. */
  g_clear_pointer (&set, budg_rule_set_free);
  rename->continue_matching = TRUE;
  tie_early->continue_matching = TRUE;
  tie_late->continue_matching = TRUE;
  subject.memo = "GIFT ";
  set = set_of (rules);
  g_assert_true (budg_rule_set_apply (set, &subject));
  g_assert_cmpint (subject.rule_id, ==, 2);
  g_assert_cmpint (subject.category_id, ==, 90);
  g_assert_cmpstr (subject.payee_out, ==, "Amazon");
  g_assert_cmpstr (subject.memo_out, ==, "present");
  g_assert_cmpint (subject.status, ==, BUDG_TRANSACTION_STATUS_RECONCILED);

  /* Out fields are reset on every call. */
  subject.payee = "Netflix";
  subject.memo = NULL;
  g_assert_false (budg_rule_set_apply (set, &subject));
  g_assert_cmpint (subject.rule_id, ==, 0);
  g_assert_cmpint (subject.category_id, ==, 0);
  g_assert_null (subject.payee_out);
  g_assert_null (subject.memo_out);
  g_assert_false (subject.has_status);
}

/* The reference matcher */

static char *
ref_fold (const char *text,
          gboolean    case_sensitive)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *nfc = g_utf8_normalize (trimmed, -1, G_NORMALIZE_NFC);
  g_autofree char *folded = NULL;

  if (case_sensitive)
    return g_steal_pointer (&nfc);
  folded = g_utf8_casefold (nfc, -1);

  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static gboolean
ref_text_holds (const BudgRule *rule,
                BudgRuleTextOp  op,
                const char     *value,
                const char     *text)
{
  g_autofree char *t = NULL;
  g_autofree char *v = NULL;

  if (op == BUDG_RULE_TEXT_NONE)
    return TRUE;

  if (op == BUDG_RULE_TEXT_REGEX)
    {
      g_autofree char *composed = ref_fold (text, TRUE);

      return g_regex_match_simple (value, composed, rule->case_sensitive ? 0 : G_REGEX_CASELESS, 0);
    }

  t = ref_fold (text, rule->case_sensitive);
  v = ref_fold (value, rule->case_sensitive);
  switch (op)
    {
    case BUDG_RULE_TEXT_CONTAINS:
      return strstr (t, v) != NULL;
    case BUDG_RULE_TEXT_IS:
      return strcmp (t, v) == 0;
    case BUDG_RULE_TEXT_STARTS_WITH:
      return g_str_has_prefix (t, v);
    default:
      g_assert_not_reached ();
    }
}

static gboolean
ref_holds (const BudgRule        *rule,
           const BudgRuleSubject *subject)
{
  gint64 amount = subject->amount_minor;

  if (!rule->enabled)
    return FALSE;
  if (rule->account_id != 0 && rule->account_id != subject->account_id)
    return FALSE;
  if (rule->sign == BUDG_RULE_SIGN_OUT && !(amount < 0))
    return FALSE;
  if (rule->sign == BUDG_RULE_SIGN_IN && !(amount > 0))
    return FALSE;
  /* Amounts in the tests stay far from G_MININT64, so llabs is safe here. */
  if (rule->has_min_amount && llabs (amount) < rule->min_amount_minor)
    return FALSE;
  if (rule->has_max_amount && llabs (amount) > rule->max_amount_minor)
    return FALSE;

  return ref_text_holds (rule, rule->payee_op, rule->payee_value, subject->payee) &&
         ref_text_holds (rule, rule->memo_op, rule->memo_value, subject->memo);
}

static void
ref_apply (GPtrArray       *rules,
           BudgRuleSubject *subject)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_copy (rules, NULL, NULL);

  /* The copy borrows the rules. */
  g_ptr_array_set_free_func (sorted, NULL);
  subject->matched = FALSE;
  subject->rule_id = 0;
  subject->category_id = 0;
  subject->payee_out = NULL;
  subject->memo_out = NULL;
  subject->has_status = FALSE;

  /* Insertion order of equal (priority, id) does not occur: ids differ. */
  for (guint i = 0; i < sorted->len; i++)
    for (guint j = i + 1; j < sorted->len; j++)
      {
        BudgRule *a = g_ptr_array_index (sorted, i);
        BudgRule *b = g_ptr_array_index (sorted, j);

        if (b->priority < a->priority || (b->priority == a->priority && b->id < a->id))
          {
            sorted->pdata[i] = b;
            sorted->pdata[j] = a;
          }
      }

  for (guint i = 0; i < sorted->len; i++)
    {
      BudgRule *rule = g_ptr_array_index (sorted, i);

      if (!ref_holds (rule, subject))
        continue;
      subject->matched = TRUE;
      subject->rule_id = rule->id;
      if (rule->set_category_id != 0)
        subject->category_id = rule->set_category_id;
      if (rule->set_payee != NULL)
        subject->payee_out = rule->set_payee;
      if (rule->set_memo != NULL)
        subject->memo_out = rule->set_memo;
      if (rule->has_set_status)
        {
          subject->has_status = TRUE;
          subject->status = rule->set_status;
        }
      if (!rule->continue_matching)
        break;
    }
}

static const char * const words[] = {
  "amzn", "Mktp", "café", "CAFÉ", "Cafe\xcc\x81", "market", "SHELL", "uber", "Trip", "netflix",
  "Straße", "STRASSE", "pay", "42", "*2K4", "Ünïcode", "paypal",
};

static const char * const patterns[] = {
  "^amz", "caf[eé]", "(uber|shell)\\b", "MARKET$", "\\d+", "stra(ss|ß)e", "^pay(pal)?$", "k4$",
};

static char *
random_text (GRand *rand,
             guint  max_words)
{
  GString *text = g_string_new (g_rand_boolean (rand) ? "" : " ");
  guint n = (guint) g_rand_int_range (rand, 1, (gint32) max_words + 1);

  for (guint i = 0; i < n; i++)
    {
      const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];
      g_autofree char *cased = NULL;

      switch (g_rand_int_range (rand, 0, 3))
        {
        case 0:
          cased = g_utf8_strup (word, -1);
          break;
        case 1:
          cased = g_utf8_strdown (word, -1);
          break;
        default:
          cased = g_strdup (word);
        }
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, cased);
    }
  if (g_rand_boolean (rand))
    g_string_append_c (text, ' ');

  return g_string_free (text, FALSE);
}

static void
random_condition (GRand           *rand,
                  BudgRuleTextOp  *op,
                  char           **value,
                  gboolean         often)
{
  *op = g_rand_int_range (rand, 0, often ? 5 : 10);
  if (*op > BUDG_RULE_TEXT_REGEX)
    *op = BUDG_RULE_TEXT_NONE;

  if (*op == BUDG_RULE_TEXT_REGEX)
    *value = g_strdup (patterns[g_rand_int_range (rand, 0, G_N_ELEMENTS (patterns))]);
  else if (*op != BUDG_RULE_TEXT_NONE)
    *value = random_text (rand, *op == BUDG_RULE_TEXT_CONTAINS ? 1 : 2);
}

static GPtrArray *
random_rules (GRand *rand,
              guint  n_rules)
{
  GPtrArray *rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);

  for (guint i = 0; i < n_rules; i++)
    {
      BudgRule *rule = budg_rule_new ();

      /* Ids not in priority order, and priorities that tie. */
      rule->id = (gint64) ((i * 37) % n_rules) + 1;
      rule->name = g_strdup_printf ("random %u", i);
      rule->priority = g_rand_int_range (rand, 0, 6);
      rule->enabled = g_rand_int_range (rand, 0, 100) < 85;
      rule->continue_matching = g_rand_int_range (rand, 0, 100) < 30;
      rule->case_sensitive = g_rand_int_range (rand, 0, 100) < 20;
      random_condition (rand, &rule->payee_op, &rule->payee_value, TRUE);
      random_condition (rand, &rule->memo_op, &rule->memo_value, FALSE);
      if ((rule->has_min_amount = g_rand_int_range (rand, 0, 4) == 0))
        rule->min_amount_minor = g_rand_int_range (rand, 0, 5000);
      if ((rule->has_max_amount = g_rand_int_range (rand, 0, 4) == 0))
        rule->max_amount_minor = g_rand_int_range (rand, 0, 10000);
      rule->sign = g_rand_int_range (rand, 0, 3);
      rule->account_id = g_rand_int_range (rand, 0, 3);
      rule->set_category_id = g_rand_int_range (rand, 0, 6);
      if (g_rand_int_range (rand, 0, 3) == 0)
        rule->set_payee = g_strdup_printf ("Payee %u", i);
      if (g_rand_int_range (rand, 0, 4) == 0)
        rule->set_memo = g_strdup_printf ("Memo %u", i);
      if ((rule->has_set_status = g_rand_int_range (rand, 0, 4) == 0))
        rule->set_status = g_rand_int_range (rand, 0, 3);
      g_ptr_array_add (rules, rule);
    }

  return rules;
}

static void
assert_same_outcome (const BudgRuleSubject *got,
                     const BudgRuleSubject *expected)
{
  g_assert_cmpint (got->matched, ==, expected->matched);
  g_assert_cmpint (got->rule_id, ==, expected->rule_id);
  g_assert_cmpint (got->category_id, ==, expected->category_id);
  g_assert_cmpstr (got->payee_out, ==, expected->payee_out);
  g_assert_cmpstr (got->memo_out, ==, expected->memo_out);
  g_assert_cmpint (got->has_status, ==, expected->has_status);
  if (expected->has_status)
    g_assert_cmpint (got->status, ==, expected->status);
}

static void
test_random_against_reference (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);
  guint n_matched = 0;

  for (guint round = 0; round < 20; round++)
    {
      g_autoptr(GPtrArray) rules = random_rules (rand, 1 + round * 7);
      g_autoptr(BudgRuleSet) set = set_of (rules);
      g_autoptr(GPtrArray) payees = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) memos = g_ptr_array_new_with_free_func (g_free);

      /* Few distinct texts, so the second pass runs from a warm cache. */
      for (guint i = 0; i < 40; i++)
        {
          g_ptr_array_add (payees, i == 0 ? NULL : random_text (rand, 3));
          g_ptr_array_add (memos, i < 20 ? NULL : random_text (rand, 2));
        }

      for (guint pass = 0; pass < 2; pass++)
        {
          g_autoptr(GRand) subjects = g_rand_new_with_seed (round);

          for (guint i = 0; i < 400; i++)
            {
              BudgRuleSubject subject = { 0 };
              BudgRuleSubject expected;

              subject.account_id = g_rand_int_range (subjects, 1, 3);
              subject.amount_minor = g_rand_int_range (subjects, -8000, 8000);
              /* Often exactly on a bound, where inclusive and exclusive differ. */
              if (g_rand_boolean (subjects))
                {
                  BudgRule *other = g_ptr_array_index (rules, g_rand_int_range (subjects, 0, rules->len));
                  gint64 bound = g_rand_boolean (subjects) ? other->min_amount_minor : other->max_amount_minor;

                  subject.amount_minor = g_rand_boolean (subjects) ? bound : -bound;
                }
              subject.payee = g_ptr_array_index (payees, g_rand_int_range (subjects, 0, 40));
              subject.memo = g_ptr_array_index (memos, g_rand_int_range (subjects, 0, 40));
              expected = subject;

              budg_rule_set_apply (set, &subject);
              ref_apply (rules, &expected);
              if (subject.matched != expected.matched || subject.rule_id != expected.rule_id)
                g_test_message ("round %u pass %u: payee “%s” memo “%s” amount %" G_GINT64_FORMAT,
                                round, pass, subject.payee, subject.memo, subject.amount_minor);
              assert_same_outcome (&subject, &expected);
              n_matched += subject.matched;
            }
        }
    }

  /* The random rules must actually exercise matches, not only misses. */
  g_assert_cmpuint (n_matched, >, 2000);
}

/* Past the cache's bound it starts again, and the answers stay right. */
static void
test_cache_bound (void)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
  g_autoptr(BudgRuleSet) set = NULL;
  BudgRule *contains = make_rule (1, 1, BUDG_RULE_TEXT_CONTAINS, "7", 70);
  BudgRule *ends = make_rule (2, 2, BUDG_RULE_TEXT_REGEX, "3$", 30);

  g_ptr_array_add (rules, contains);
  g_ptr_array_add (rules, ends);
  set = set_of (rules);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < 100100; i += pass == 0 ? 1 : 97)
      {
        char payee[32];
        BudgRuleSubject subject = { .amount_minor = -1, .payee = payee };
        gint64 expected = 0;

        g_snprintf (payee, sizeof payee, "shop %u", i);
        if (strchr (payee, '7') != NULL)
          expected = 70;
        else if (g_str_has_suffix (payee, "3"))
          expected = 30;

        budg_rule_set_apply (set, &subject);
        if (subject.category_id != expected)
          g_assert_cmpint (subject.category_id, ==, expected);
      }
}

/* A realistic import: 100 rules, ~2,000 distinct payees repeating, a few
 * memos. Reports the rate; insists on 3 M subjects/s under -m perf, where
 * the build is an optimized one. */
static void
test_speed (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
  g_autoptr(GPtrArray) payees = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(BudgRuleSet) set = NULL;
  const char *memos[] = { NULL, NULL, NULL, "card payment", "transfer", "POS 1234" };
  const guint n_subjects = g_test_perf () ? 2000000 : 200000;
  guint n_matched = 0;
  gint64 start;
  double seconds;
  double rate;

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *merchant = g_strdup_printf ("merchant%02u", i);
      BudgRule *rule;

      if (i % 10 == 9)
        {
          g_autofree char *pattern = g_strdup_printf ("^merchant%02u\\b.*#\\d+$", i);

          rule = make_rule (i + 1, 0, BUDG_RULE_TEXT_REGEX, pattern, i % 7 + 1);
        }
      else
        rule = make_rule (i + 1, 0, i % 3 == 0 ? BUDG_RULE_TEXT_STARTS_WITH : BUDG_RULE_TEXT_CONTAINS,
                          merchant, i % 7 + 1);
      if (i % 5 == 0)
        rule->sign = BUDG_RULE_SIGN_OUT;
      if (i % 11 == 0)
        {
          rule->memo_op = BUDG_RULE_TEXT_CONTAINS;
          rule->memo_value = g_strdup ("card");
        }
      if (i % 13 == 0)
        rule->set_payee = g_strdup_printf ("Merchant %u", i);
      g_ptr_array_add (rules, rule);
    }
  set = set_of (rules);

  for (guint i = 0; i < 2000; i++)
    g_ptr_array_add (payees, g_strdup_printf ("%s %s STORE #%u",
                                              i % 4 == 0 ? "POS" : "",
                                              i % 3 == 0 ? "unknown shop" : "MERCHANT",
                                              g_rand_int_range (rand, 0, 150)));
  for (guint i = 0; i < 2000; i += 2)
    {
      char *payee = g_ptr_array_index (payees, i);

      payees->pdata[i] = g_strdup_printf ("merchant%02u STORE #%u", g_rand_int_range (rand, 0, 120), i);
      g_free (payee);
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < n_subjects; i++)
    {
      BudgRuleSubject subject = { 0 };

      subject.account_id = 1;
      subject.amount_minor = (i & 1) ? -(gint64) (i % 10000) : (gint64) (i % 777);
      subject.payee = g_ptr_array_index (payees, (i * 2654435761u) % 2000);
      subject.memo = memos[i % G_N_ELEMENTS (memos)];
      n_matched += budg_rule_set_apply (set, &subject);
    }
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  rate = n_subjects / MAX (seconds, 1e-9);

  g_test_message ("%u subjects with 100 rules in %.3f s: %.2f M subjects/s (%u matched)",
                  n_subjects, seconds, rate / 1e6, n_matched);
  g_test_minimized_result (seconds, "%.2f M subjects/s", rate / 1e6);
  g_assert_cmpuint (n_matched, >, n_subjects / 4);
  if (g_test_perf ())
    g_assert_cmpfloat (rate, >=, 3e6);
}

static void
test_validate (void)
{
  g_autoptr(BudgRule) good = make_rule (0, 0, BUDG_RULE_TEXT_CONTAINS, "amzn", 3);
  g_autoptr(GError) error = NULL;

  g_assert_true (budg_rule_validate (good, &error));
  g_assert_no_error (error);

#define EXPECT_INVALID(change, fragment)                                        \
  G_STMT_START {                                                                \
    g_autoptr(BudgRule) bad = budg_rule_copy (good);                            \
    g_autoptr(GError) bad_error = NULL;                                         \
    change;                                                                     \
    g_assert_false (budg_rule_validate (bad, &bad_error));                      \
    g_assert_error (bad_error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);           \
    g_test_message ("%s", bad_error->message);                                  \
    g_assert_nonnull (strstr (bad_error->message, fragment));                   \
  } G_STMT_END

  EXPECT_INVALID (g_free (bad->name); bad->name = g_strdup ("   "), "name");
  EXPECT_INVALID (g_free (bad->payee_value); bad->payee_value = g_strdup (" "), "empty");
  EXPECT_INVALID (g_free (bad->payee_value); bad->payee_value = NULL, "text to look for");
  EXPECT_INVALID (bad->payee_op = BUDG_RULE_TEXT_REGEX; g_free (bad->payee_value);
                  bad->payee_value = g_strdup ("AMZN(MKTP"), "AMZN(MKTP");
  EXPECT_INVALID (bad->memo_op = BUDG_RULE_TEXT_REGEX; bad->memo_value = g_strdup ("[a-"), "memo pattern");
  EXPECT_INVALID (bad->has_min_amount = bad->has_max_amount = TRUE; bad->min_amount_minor = 500;
                  bad->max_amount_minor = 499, "larger");
  EXPECT_INVALID (bad->has_min_amount = TRUE; bad->min_amount_minor = -1, "sign");
  EXPECT_INVALID (bad->set_category_id = 0, "does nothing");
  EXPECT_INVALID (bad->payee_op = BUDG_RULE_TEXT_NONE; g_clear_pointer (&bad->payee_value, g_free),
                  "no condition");
  EXPECT_INVALID (bad->set_payee = g_strdup (""), "payee");
  EXPECT_INVALID (bad->payee_op = BUDG_RULE_TEXT_NONE, "no condition to go with it");

#undef EXPECT_INVALID

  /* Without a text condition, an account, amount or sign one is enough. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(BudgRule) rule = make_rule (0, 0, BUDG_RULE_TEXT_NONE, NULL, 3);

      if (i == 0)
        rule->account_id = 1;
      else if (i == 1)
        rule->has_max_amount = TRUE;
      else
        rule->sign = BUDG_RULE_SIGN_IN;
      g_assert_true (budg_rule_validate (rule, &error));
      g_assert_no_error (error);
    }

  /* Any one action is enough; min equal to max is a fixed amount. */
  {
    g_autoptr(BudgRule) rule = make_rule (0, 0, BUDG_RULE_TEXT_IS, "Rent", 0);

    rule->has_set_status = TRUE;
    rule->has_min_amount = rule->has_max_amount = TRUE;
    rule->min_amount_minor = rule->max_amount_minor = 120000;
    g_assert_true (budg_rule_validate (rule, &error));
    g_assert_no_error (error);
  }

  /* A bad expression also stops a set from compiling. */
  {
    g_autoptr(GPtrArray) rules = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_rule_free);
    g_autoptr(BudgRuleSet) set = NULL;

    g_ptr_array_add (rules, make_rule (1, 0, BUDG_RULE_TEXT_REGEX, "(", 1));
    set = budg_rule_set_new (rules, &error);
    g_assert_null (set);
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
  }
}

/* Store fixture */

typedef struct
{
  char                 *dir;
  BudgContext          *context;
  BudgDatabase         *database;
  BudgTransactionStore *transactions;
  BudgRuleStore        *rules;
  gint64                checking;
  gint64                card;
  gint64                groceries;
  gint64                shopping;
  gint64                coffee;
} Fixture;

static gint64
create_account (Fixture    *fixture,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  BudgAccount *account = budg_account_store_create (budg_context_get_accounts (fixture->context), name,
                                                    BUDG_ACCOUNT_KIND_CHECKING, "USD", NULL, NULL, 0,
                                                    &error);

  g_assert_no_error (error);

  return budg_account_get_id (account);
}

static gint64
create_category (Fixture    *fixture,
                 const char *path)
{
  g_autoptr(GError) error = NULL;
  BudgCategory *category = budg_category_store_create_path (budg_context_get_categories (fixture->context),
                                                            path, FALSE, &error);

  g_assert_no_error (error);

  return budg_category_get_id (category);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("budg-test-rules-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "budg.db", NULL);
  fixture->context = budg_context_new (path, &error);
  g_assert_no_error (error);
  fixture->database = budg_context_get_database (fixture->context);
  fixture->transactions = budg_context_get_transactions (fixture->context);
  fixture->rules = budg_context_get_rules (fixture->context);
  g_assert_true (BUDG_IS_RULE_STORE (fixture->rules));

  fixture->checking = create_account (fixture, "Checking");
  fixture->card = create_account (fixture, "Card");
  fixture->groceries = create_category (fixture, "Food:Groceries");
  fixture->coffee = create_category (fixture, "Food:Coffee");
  fixture->shopping = create_category (fixture, "Shopping");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_clear_object (&fixture->context);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);

      g_unlink (child);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static gint64
add_txn (Fixture    *fixture,
         gint64      account_id,
         const char *date,
         gint64      amount_minor,
         const char *payee,
         gint64      category_id,
         const char *memo)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgTransaction) transaction = budg_transaction_new (account_id, date, amount_minor);

  budg_transaction_set_payee (transaction, payee);
  budg_transaction_set_category_id (transaction, category_id);
  budg_transaction_set_memo (transaction, memo);
  g_assert_true (budg_transaction_store_add (fixture->transactions, transaction, &error));
  g_assert_no_error (error);

  return budg_transaction_get_id (transaction);
}

static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (budg_database_exec (fixture->database, sql, &error));
  g_assert_no_error (error);
}

static char *
query_text (Fixture    *fixture,
            const char *sql)
{
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  GString *text = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (text, "%s|", sqlite3_column_text (stmt, c) != NULL
                                             ? (const char *) sqlite3_column_text (stmt, c) : "NULL");
      g_string_append_c (text, '\n');
    }
  sqlite3_finalize (stmt);

  return g_string_free (text, FALSE);
}

/* Every table a rule change could touch, as text. */
static char *
dump (Fixture *fixture)
{
  static const char * const tables[] = {
    "rules", "transactions", "payees", "splits", "category_month_totals", "account_day_totals",
  };
  GString *text = g_string_new (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1, 2", tables[t]);
      g_autofree char *rows = query_text (fixture, sql);

      g_string_append_printf (text, "[%s]\n%s", tables[t], rows);
    }

  return g_string_free (text, FALSE);
}

static BudgRule *
store_rule (Fixture        *fixture,
            const char     *name,
            BudgRuleTextOp  op,
            const char     *value,
            gint64          category_id)
{
  g_autoptr(GError) error = NULL;
  BudgRule *rule = budg_rule_new ();

  rule->name = g_strdup (name);
  rule->payee_op = op;
  rule->payee_value = g_strdup (value);
  rule->set_category_id = category_id;
  g_assert_true (budg_rule_store_add (fixture->rules, rule, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rule->id, >, 0);

  return rule;
}

static void
on_changed (BudgDatabase *database,
            const char   *table,
            guint        *count)
{
  if (g_str_equal (table, "rules"))
    (*count)++;
}

static void
test_store_crud (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRule) first = store_rule (fixture, "Groceries", BUDG_RULE_TEXT_CONTAINS, "market", fixture->groceries);
  g_autoptr(BudgRule) second = store_rule (fixture, " Coffee ", BUDG_RULE_TEXT_IS, "Café", fixture->coffee);
  g_autoptr(BudgRule) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_changed = 0;
  gint64 order[3];

  g_signal_connect (fixture->database, "changed", G_CALLBACK (on_changed), &n_changed);

  /* Priority 0 appends; the name is stored trimmed. */
  g_assert_cmpint (first->priority, ==, 1);
  g_assert_cmpint (second->priority, ==, 2);
  got = budg_rule_store_get (fixture->rules, second->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->name, ==, "Coffee");
  g_assert_cmpint (got->payee_op, ==, BUDG_RULE_TEXT_IS);
  g_assert_cmpstr (got->payee_value, ==, "Café");
  g_assert_cmpint (got->set_category_id, ==, fixture->coffee);
  g_assert_true (got->enabled);
  g_assert_false (got->has_min_amount);
  g_assert_false (got->has_set_status);

  /* Every field round-trips through update. */
  got->priority = 7;
  got->enabled = FALSE;
  got->continue_matching = TRUE;
  got->case_sensitive = TRUE;
  got->memo_op = BUDG_RULE_TEXT_REGEX;
  got->memo_value = g_strdup ("^card");
  got->has_min_amount = got->has_max_amount = TRUE;
  got->min_amount_minor = 100;
  got->max_amount_minor = 900;
  got->sign = BUDG_RULE_SIGN_OUT;
  got->account_id = fixture->card;
  got->set_payee = g_strdup ("Coffee shop");
  got->set_memo = g_strdup ("latte");
  got->has_set_status = TRUE;
  got->set_status = BUDG_TRANSACTION_STATUS_CLEARED;
  g_assert_true (budg_rule_store_update (fixture->rules, got, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  {
    g_autoptr(BudgRule) again = budg_rule_store_get (fixture->rules, got->id, &error);

    g_assert_no_error (error);
    g_assert_cmpint (again->priority, ==, 7);
    g_assert_false (again->enabled);
    g_assert_true (again->continue_matching && again->case_sensitive);
    g_assert_cmpint (again->memo_op, ==, BUDG_RULE_TEXT_REGEX);
    g_assert_cmpstr (again->memo_value, ==, "^card");
    g_assert_true (again->has_min_amount && again->has_max_amount);
    g_assert_cmpint (again->min_amount_minor, ==, 100);
    g_assert_cmpint (again->max_amount_minor, ==, 900);
    g_assert_cmpint (again->sign, ==, BUDG_RULE_SIGN_OUT);
    g_assert_cmpint (again->account_id, ==, fixture->card);
    g_assert_cmpstr (again->set_payee, ==, "Coffee shop");
    g_assert_cmpstr (again->set_memo, ==, "latte");
    g_assert_true (again->has_set_status);
    g_assert_cmpint (again->set_status, ==, BUDG_TRANSACTION_STATUS_CLEARED);
  }

  /* The disabled rule is listed but not compiled, unless asked alone. */
  {
    g_autoptr(BudgRuleSet) all = budg_rule_store_compile (fixture->rules, 0, &error);
    g_autoptr(BudgRuleSet) one = budg_rule_store_compile (fixture->rules, got->id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (budg_rule_set_get_n_rules (all), ==, 1);
    g_assert_cmpuint (budg_rule_set_get_n_rules (one), ==, 1);
  }

  /* Bad changes are refused and change nothing. */
  before = dump (fixture);
  {
    g_autoptr(BudgRule) bad = budg_rule_copy (first);

    bad->payee_op = BUDG_RULE_TEXT_REGEX;
    g_free (bad->payee_value);
    bad->payee_value = g_strdup ("(");
    g_assert_false (budg_rule_store_update (fixture->rules, bad, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_assert_false (budg_rule_store_add (fixture->rules, bad, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    g_clear_error (&error);

    bad->payee_op = BUDG_RULE_TEXT_CONTAINS;
    bad->set_category_id = 9999;
    g_assert_false (budg_rule_store_add (fixture->rules, bad, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
    g_clear_error (&error);

    bad->set_category_id = fixture->groceries;
    bad->account_id = 9999;
    g_assert_false (budg_rule_store_update (fixture->rules, bad, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
    g_clear_error (&error);

    bad->account_id = 0;
    bad->id = 9999;
    g_assert_false (budg_rule_store_update (fixture->rules, bad, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_false (budg_rule_store_delete (fixture->rules, 9999, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (budg_rule_store_get (fixture->rules, 9999, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
  g_clear_error (&error);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (n_changed, ==, 1);

  /* Reorder: all ids once, or nothing changes. */
  {
    g_autoptr(BudgRule) third = store_rule (fixture, "Amazon", BUDG_RULE_TEXT_CONTAINS, "amzn", fixture->shopping);
    gint64 missing[2] = { third->id, first->id };
    gint64 twice[3] = { third->id, first->id, first->id };

    g_clear_pointer (&before, g_free);
    before = dump (fixture);
    g_assert_false (budg_rule_store_reorder (fixture->rules, missing, 2, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_assert_false (budg_rule_store_reorder (fixture->rules, twice, 3, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    g_clear_error (&error);
    g_clear_pointer (&after, g_free);
    after = dump (fixture);
    g_assert_cmpstr (after, ==, before);

    order[0] = third->id;
    order[1] = got->id;
    order[2] = first->id;
    g_assert_true (budg_rule_store_reorder (fixture->rules, order, 3, &error));
    g_assert_no_error (error);
  }

  list = budg_rule_store_list (fixture->rules, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      BudgRule *rule = g_ptr_array_index (list, i);

      g_assert_cmpint (rule->id, ==, order[i]);
      g_assert_cmpint (rule->priority, ==, (int) i + 1);
    }

  g_assert_true (budg_rule_store_delete (fixture->rules, first->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = budg_rule_store_list (fixture->rules, &error);
  g_assert_cmpuint (list->len, ==, 2);

  g_signal_handlers_disconnect_by_func (fixture->database, on_changed, &n_changed);
}

typedef struct
{
  gint64  id;
  char   *payee;
  char   *category;
  char   *memo;
  char   *status;
} TxnRow;

static void
txn_row_free (TxnRow *row)
{
  g_free (row->payee);
  g_free (row->category);
  g_free (row->memo);
  g_free (row->status);
  g_free (row);
}

/* The transactions as the user sees them, by id. */
static GHashTable *
read_txns (Fixture *fixture)
{
  GHashTable *rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) txn_row_free);
  sqlite3 *handle = budg_database_get_handle (fixture->database);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle,
                                       "SELECT t.id, p.name,"
                                       " CASE WHEN pc.id IS NULL THEN c.name ELSE pc.name || ':' || c.name END,"
                                       " t.memo, t.status FROM transactions t"
                                       " LEFT JOIN payees p ON p.id = t.payee_id"
                                       " LEFT JOIN categories c ON c.id = t.category_id"
                                       " LEFT JOIN categories pc ON pc.id = c.parent_id",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      TxnRow *row = g_new0 (TxnRow, 1);

      row->id = sqlite3_column_int64 (stmt, 0);
      row->payee = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      row->category = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      row->memo = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      row->status = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      g_hash_table_insert (rows, &row->id, row);
    }
  sqlite3_finalize (stmt);

  return rows;
}

typedef struct
{
  gint64 card_coffee;
  gint64 amazon;
  gint64 amazon_imported;
  gint64 split;
  gint64 transfer;
  gint64 reconciled;
  gint64 other;
} Seeded;

static Seeded
seed_transactions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func ((GDestroyNotify) budg_split_free);
  g_autofree char *sql = NULL;
  gint64 to_id = 0;
  Seeded seeded;

  seeded.card_coffee = add_txn (fixture, fixture->card, "2026-01-03", -450, "CAFÉ DE FLORE", 0, "card 1234");
  seeded.amazon = add_txn (fixture, fixture->checking, "2026-01-05", -2599, "AMZN MKTP US*2K4", fixture->groceries, NULL);
  seeded.amazon_imported = add_txn (fixture, fixture->checking, "2026-02-05", -1200, "Amazon", 0, "books");
  seeded.split = add_txn (fixture, fixture->checking, "2026-02-06", -5000, "AMZN MKTP split", fixture->groceries, NULL);
  seeded.reconciled = add_txn (fixture, fixture->checking, "2026-01-20", -300, "Café Central", 0, NULL);
  seeded.other = add_txn (fixture, fixture->checking, "2026-03-01", 250000, "Employer", 0, "salary");
  g_ptr_array_add (parts, budg_split_new (fixture->groceries, -3000, NULL));
  g_ptr_array_add (parts, budg_split_new (fixture->shopping, -2000, NULL));
  g_assert_true (budg_transaction_store_set_splits (fixture->transactions, seeded.split, parts, &error));
  g_assert_no_error (error);
  g_assert_true (budg_transaction_store_add_transfer (fixture->transactions, fixture->checking, fixture->card,
                                                      "2026-02-10", 10000, 0, "AMZN card top-up",
                                                      &seeded.transfer, &to_id, &error));
  g_assert_no_error (error);

  /* The bank's own text, as an import keeps it after a rename. */
  sql = g_strdup_printf ("UPDATE transactions SET imported_payee = 'AMZN MKTP DE*77' WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE transactions SET status = 'reconciled' WHERE id = %" G_GINT64_FORMAT ";"
                         "UPDATE transactions SET payee_id = (SELECT id FROM payees WHERE name = 'Amazon'),"
                         " imported_payee = 'AMZN MKTP top-up' WHERE id = %" G_GINT64_FORMAT,
                         seeded.amazon_imported, seeded.reconciled, seeded.transfer);
  exec_sql (fixture, sql);

  return seeded;
}

/* The category totals the triggers keep, recomputed from the rows. */
static void
assert_totals_consistent (Fixture *fixture)
{
  g_autofree char *kept = query_text (fixture,
                                      "SELECT month, category_id, account_id, total_minor FROM category_month_totals"
                                      " WHERE total_minor <> 0 ORDER BY 1, 2, 3");
  g_autofree char *computed = query_text (fixture,
    "SELECT month, category_id, account_id, sum(total) FROM ("
    "  SELECT substr(t.date, 1, 7) AS month,"
    "         coalesce(t.category_id, CASE WHEN t.amount_minor > 0 THEN -1 ELSE 0 END) AS category_id,"
    "         t.account_id, t.amount_minor - ifnull((SELECT sum(amount_minor) FROM splits s WHERE s.transaction_id = t.id), 0) AS total"
    "  FROM transactions t WHERE t.transfer_id IS NULL"
    "  UNION ALL"
    "  SELECT substr(t.date, 1, 7), coalesce(s.category_id, CASE WHEN s.amount_minor > 0 THEN -1 ELSE 0 END),"
    "         t.account_id, s.amount_minor"
    "  FROM splits s JOIN transactions t ON t.id = s.transaction_id WHERE t.transfer_id IS NULL"
    ") GROUP BY 1, 2, 3 HAVING sum(total) <> 0 ORDER BY 1, 2, 3");

  g_assert_cmpstr (kept, ==, computed);
}

static BudgRuleChange *
find_change (GPtrArray *changes,
             gint64     transaction_id)
{
  for (guint i = 0; i < changes->len; i++)
    {
      BudgRuleChange *change = g_ptr_array_index (changes, i);

      if (change->transaction_id == transaction_id)
        return change;
    }

  return NULL;
}

static void
assert_same_changes (GPtrArray *a,
                     GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      BudgRuleChange *x = g_ptr_array_index (a, i);
      BudgRuleChange *y = g_ptr_array_index (b, i);

      g_assert_cmpint (x->transaction_id, ==, y->transaction_id);
      g_assert_cmpint (x->rule_id, ==, y->rule_id);
      g_assert_cmpstr (x->new_payee, ==, y->new_payee);
      g_assert_cmpstr (x->new_category_path, ==, y->new_category_path);
      g_assert_cmpstr (x->new_memo, ==, y->new_memo);
      g_assert_cmpint (x->new_status, ==, y->new_status);
    }
}

static void
test_run (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRule) amazon = store_rule (fixture, "Amazon", BUDG_RULE_TEXT_STARTS_WITH, "amzn mktp", fixture->shopping);
  g_autoptr(BudgRule) coffee = store_rule (fixture, "Coffee", BUDG_RULE_TEXT_CONTAINS, "café", fixture->coffee);
  g_autoptr(BudgRule) marketplace = store_rule (fixture, "Marketplace", BUDG_RULE_TEXT_CONTAINS, "amzn", fixture->groceries);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) applied = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GHashTable) before_rows = NULL;
  g_autoptr(GHashTable) after_rows = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GHashTableIter iter;
  TxnRow *row;
  BudgRuleChange *change;
  Seeded seeded;

  amazon->set_payee = g_strdup ("Amazon");
  amazon->continue_matching = TRUE;
  g_assert_true (budg_rule_store_update (fixture->rules, amazon, &error));
  coffee->has_set_status = TRUE;
  coffee->set_status = BUDG_TRANSACTION_STATUS_CLEARED;
  coffee->set_memo = g_strdup ("");
  g_assert_true (budg_rule_store_update (fixture->rules, coffee, &error));
  g_assert_no_error (error);
  /* "Marketplace" only matches what the Amazon rule let through. */
  marketplace->memo_op = BUDG_RULE_TEXT_IS;
  marketplace->memo_value = g_strdup ("books");
  g_assert_true (budg_rule_store_update (fixture->rules, marketplace, &error));
  g_assert_no_error (error);

  seeded = seed_transactions (fixture);
  assert_totals_consistent (fixture);

  /* A dry run changes nothing. */
  before = dump (fixture);
  before_rows = read_txns (fixture);
  preview = budg_rule_store_run (fixture->rules, 0, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  for (guint i = 0; i < preview->len; i++)
    {
      change = g_ptr_array_index (preview, i);
      g_test_message ("change %" G_GINT64_FORMAT " by rule %" G_GINT64_FORMAT ": %s → %s, %s → %s",
                      change->transaction_id, change->rule_id, change->payee, change->new_payee,
                      change->category_path, change->new_category_path);
      if (i > 0)
        g_assert_cmpstr (((BudgRuleChange *) g_ptr_array_index (preview, i - 1))->date, <=, change->date);
    }

  /* What each transaction gets, by the semantics. */
  change = find_change (preview, seeded.amazon);
  g_assert_nonnull (change);
  g_assert_cmpint (change->rule_id, ==, amazon->id);
  g_assert_cmpstr (change->payee, ==, "AMZN MKTP US*2K4");
  g_assert_cmpstr (change->new_payee, ==, "Amazon");
  g_assert_cmpstr (change->category_path, ==, "Food:Groceries");
  g_assert_cmpstr (change->new_category_path, ==, "Shopping");
  g_assert_cmpstr (change->currency, ==, "USD");
  g_assert_cmpint (change->amount_minor, ==, -2599);

  /* The payee is already Amazon; the rules look at the bank's text, and the
   * continuing rule lets the memo rule win the category. */
  change = find_change (preview, seeded.amazon_imported);
  g_assert_nonnull (change);
  g_assert_cmpint (change->rule_id, ==, marketplace->id);
  g_assert_cmpstr (change->new_payee, ==, "Amazon");
  g_assert_cmpstr (change->new_category_path, ==, "Food:Groceries");

  /* Split and transfer rows keep their category. The split is still
   * renamed; the transfer's payee is already Amazon, so it does not
   * change at all. */
  change = find_change (preview, seeded.split);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->new_payee, ==, "Amazon");
  g_assert_cmpstr (change->new_category_path, ==, change->category_path);
  g_assert_null (find_change (preview, seeded.transfer));

  change = find_change (preview, seeded.card_coffee);
  g_assert_nonnull (change);
  g_assert_cmpstr (change->new_category_path, ==, "Food:Coffee");
  g_assert_cmpint (change->new_status, ==, BUDG_TRANSACTION_STATUS_CLEARED);
  g_assert_cmpstr (change->memo, ==, "card 1234");
  g_assert_null (change->new_memo);

  /* A reconciled row keeps its status but gets the category. */
  change = find_change (preview, seeded.reconciled);
  g_assert_nonnull (change);
  g_assert_cmpint (change->new_status, ==, BUDG_TRANSACTION_STATUS_RECONCILED);
  g_assert_cmpstr (change->new_category_path, ==, "Food:Coffee");

  g_assert_null (find_change (preview, seeded.other));
  g_assert_cmpuint (preview->len, ==, 5);

  /* Filters: one rule, one account. */
  {
    g_autoptr(GPtrArray) one_rule = budg_rule_store_run (fixture->rules, coffee->id, 0, FALSE, NULL, &error);
    g_autoptr(GPtrArray) one_account = budg_rule_store_run (fixture->rules, 0, fixture->card, FALSE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (one_rule->len, ==, 2);
    g_assert_cmpuint (one_account->len, ==, 1);
    g_assert_cmpint (((BudgRuleChange *) g_ptr_array_index (one_account, 0))->transaction_id, ==, seeded.card_coffee);
    g_assert_null (budg_rule_store_run (fixture->rules, 9999, 0, FALSE, NULL, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* A draft (here the stored rule, disabled and unsaved changes aside)
   * previews the same changes as the stored one; an invalid draft says why. */
  {
    g_autoptr(BudgRule) draft = budg_rule_copy (coffee);
    g_autoptr(GPtrArray) stored = budg_rule_store_run (fixture->rules, coffee->id, 0, FALSE, NULL, &error);
    g_autoptr(GPtrArray) drafted = NULL;
    g_autofree char *dump_before = dump (fixture);
    g_autofree char *dump_after = NULL;

    g_assert_no_error (error);
    draft->id = 0;
    draft->enabled = FALSE;
    drafted = budg_rule_store_preview (fixture->rules, draft, 0, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (drafted->len, ==, stored->len);
    for (guint i = 0; i < stored->len; i++)
      {
        BudgRuleChange *a = g_ptr_array_index (stored, i);
        BudgRuleChange *b = g_ptr_array_index (drafted, i);

        g_assert_cmpint (a->transaction_id, ==, b->transaction_id);
        g_assert_cmpstr (a->new_category_path, ==, b->new_category_path);
        g_assert_cmpstr (a->new_payee, ==, b->new_payee);
      }
    dump_after = dump (fixture);
    g_assert_cmpstr (dump_before, ==, dump_after);

    g_clear_pointer (&draft->name, g_free);
    draft->name = g_strdup ("  ");
    g_assert_null (budg_rule_store_preview (fixture->rules, draft, 0, NULL, &error));
    g_assert_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT);
    g_clear_error (&error);
  }

  /* Cancelled: an error, and the database as it was. */
  g_cancellable_cancel (cancellable);
  g_assert_null (budg_rule_store_run (fixture->rules, 0, 0, TRUE, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  /* Apply does exactly what the preview said, and nothing else. */
  applied = budg_rule_store_run (fixture->rules, 0, 0, TRUE, NULL, &error);
  g_assert_no_error (error);
  assert_same_changes (applied, preview);

  after_rows = read_txns (fixture);
  g_assert_cmpuint (g_hash_table_size (after_rows), ==, g_hash_table_size (before_rows));
  g_hash_table_iter_init (&iter, before_rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &row))
    {
      TxnRow *now = g_hash_table_lookup (after_rows, &row->id);

      change = find_change (preview, row->id);
      if (change == NULL)
        {
          g_assert_cmpstr (now->payee, ==, row->payee);
          g_assert_cmpstr (now->category, ==, row->category);
          g_assert_cmpstr (now->memo, ==, row->memo);
          g_assert_cmpstr (now->status, ==, row->status);
        }
      else
        {
          g_assert_cmpstr (now->payee, ==, change->new_payee);
          g_assert_cmpstr (now->category, ==, change->new_category_path);
          g_assert_cmpstr (now->memo, ==, change->new_memo);
          g_assert_cmpstr (now->status, ==, budg_transaction_status_to_string (change->new_status));
        }
    }

  /* The bank's text stays, the aggregates follow, and running again finds
   * nothing left to do. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT imported_payee FROM transactions WHERE id = %" G_GINT64_FORMAT,
                                            seeded.amazon_imported);
    g_autofree char *imported = query_text (fixture, sql);

    g_assert_cmpstr (imported, ==, "AMZN MKTP DE*77|\n");
  }
  assert_totals_consistent (fixture);
  again = budg_rule_store_run (fixture->rules, 0, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
}

static void
apply_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
count_changed_cb (BudgDatabase *database,
                  const char   *table,
                  guint        *count)
{
  (*count)++;
}

/* Applied in a worker on its own connection: the same changes the preview
 * listed, and this connection hears about them. */
static void
test_apply_async (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRule) amazon = store_rule (fixture, "Amazon", BUDG_RULE_TEXT_STARTS_WITH, "amzn mktp", fixture->shopping);
  g_autoptr(GPtrArray) preview = NULL;
  g_autoptr(GPtrArray) applied = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  guint n_changed = 0;

  seed_transactions (fixture);
  preview = budg_rule_store_run (fixture->rules, 0, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (preview->len, >, 0);

  g_signal_connect (fixture->database, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  budg_rule_store_apply_async (fixture->rules, 0, 0, NULL, apply_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  applied = budg_rule_store_apply_finish (fixture->rules, result, &error);
  g_assert_no_error (error);
  g_signal_handlers_disconnect_by_func (fixture->database, count_changed_cb, &n_changed);

  g_assert_cmpuint (applied->len, ==, preview->len);
  for (guint i = 0; i < applied->len; i++)
    g_assert_cmpint (((BudgRuleChange *) g_ptr_array_index (applied, i))->transaction_id, ==,
                     ((BudgRuleChange *) g_ptr_array_index (preview, i))->transaction_id);
  g_assert_cmpuint (n_changed, >, 0);

  /* Written: nothing is left to change. */
  again = budg_rule_store_run (fixture->rules, 0, 0, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  assert_totals_consistent (fixture);
}

static void
test_suggest (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BudgRule) suggested = NULL;
  gint64 first = add_txn (fixture, fixture->checking, "2026-01-01", -1000, "Corner Shop", fixture->groceries, NULL);
  gint64 lone = add_txn (fixture, fixture->checking, "2026-01-01", -1000, "Lone Payee", fixture->groceries, NULL);
  gint64 uncategorized = add_txn (fixture, fixture->checking, "2026-01-02", -1000, "Corner Shop", 0, NULL);
  guint n_others = 99;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  add_txn (fixture, fixture->checking, "2026-01-03", -1000, "CORNER SHOP", fixture->shopping, NULL);
  add_txn (fixture, fixture->checking, "2026-01-04", -1000, "Corner Shop", fixture->groceries, NULL);
  add_txn (fixture, fixture->card, "2026-01-05", -1000, "Elsewhere", 0, NULL);

  before = dump (fixture);
  suggested = budg_rule_store_suggest (fixture->rules, first, &n_others, &error);
  g_assert_no_error (error);
  g_assert_nonnull (suggested);
  g_assert_cmpint (suggested->id, ==, 0);
  g_assert_cmpint (suggested->payee_op, ==, BUDG_RULE_TEXT_IS);
  g_assert_cmpstr (suggested->payee_value, ==, "Corner Shop");
  g_assert_cmpint (suggested->set_category_id, ==, fixture->groceries);
  /* The uncategorized one and the SHOPPING one, not the one that agrees. */
  g_assert_cmpuint (n_others, ==, 2);
  g_assert_true (budg_rule_validate (suggested, &error));
  g_assert_no_error (error);
  after = dump (fixture);
  g_assert_cmpstr (after, ==, before);

  /* Saved and applied, it does what it said. */
  g_assert_true (budg_rule_store_add (fixture->rules, suggested, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) changes = budg_rule_store_run (fixture->rules, suggested->id, 0, FALSE, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (changes->len, ==, n_others);
    g_assert_nonnull (find_change (changes, uncategorized));
  }

  /* Now a rule sets this payee's category: nothing more to offer. */
  g_clear_pointer (&suggested, budg_rule_free);
  suggested = budg_rule_store_suggest (fixture->rules, first, &n_others, &error);
  g_assert_no_error (error);
  g_assert_null (suggested);
  g_assert_cmpuint (n_others, ==, 0);

  /* No other transaction with the payee, or none categorized. */
  g_assert_null (budg_rule_store_suggest (fixture->rules, lone, &n_others, &error));
  g_assert_no_error (error);
  g_assert_null (budg_rule_store_suggest (fixture->rules, 9999, &n_others, &error));
  g_assert_error (error, BUDG_ERROR, BUDG_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/nicks", test_nicks);
  g_test_add_func ("/rules/matcher/text", test_text_ops);
  g_test_add_func ("/rules/matcher/numbers", test_numbers);
  g_test_add_func ("/rules/matcher/order", test_order);
  g_test_add_func ("/rules/matcher/reference", test_random_against_reference);
  g_test_add_func ("/rules/matcher/cache-bound", test_cache_bound);
  g_test_add_func ("/rules/matcher/speed", test_speed);
  g_test_add_func ("/rules/validate", test_validate);
  g_test_add ("/rules/store/crud", Fixture, NULL, fixture_set_up, test_store_crud, fixture_tear_down);
  g_test_add ("/rules/store/run", Fixture, NULL, fixture_set_up, test_run, fixture_tear_down);
  g_test_add ("/rules/store/suggest", Fixture, NULL, fixture_set_up, test_suggest, fixture_tear_down);
  g_test_add ("/rules/store/apply-async", Fixture, NULL, fixture_set_up, test_apply_async, fixture_tear_down);

  return g_test_run ();
}
