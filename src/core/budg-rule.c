/* budg-rule.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-rule"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "budg-error.h"
#include "budg-rule.h"
#include "budg-validate.h"

/* Past this many distinct texts the caches start again: a statement with
 * more distinct payees than that gains little from remembering them, and
 * the memory stays bounded whatever the file. */
#define MAX_CACHED_TEXTS 100000

typedef enum
{
  FIELD_PAYEE,
  FIELD_MEMO,
  N_FIELDS
} Field;

/* One text condition ready to run: the value folded the way subjects are
 * folded, or the compiled expression. */
typedef struct
{
  BudgRuleTextOp  op;
  char           *value;
  gsize           value_len;
  GRegex         *regex;
} TextCondition;

typedef struct
{
  BudgRule      *rule;
  TextCondition  text[N_FIELDS];
  guint64        abs_min;
  guint64        abs_max;
} CompiledRule;

/* A cache entry: which rules' condition on one field holds for one text.
 * The text itself is stored right after the bits, so one allocation holds
 * both and the hash table key points inside it. */
typedef struct
{
  guint64 bits[1];
} TextMask;

struct _BudgRuleSet
{
  CompiledRule *rules;
  guint         n_rules;
  guint         n_words;

  /* Whether any rule looks at the field at all; when none does, the
   * lookup is skipped and every rule's bit counts as set. */
  gboolean      field_used[N_FIELDS];
  GHashTable   *cache[N_FIELDS];
  guint64      *null_mask[N_FIELDS];
  guint64      *all_mask;
};

static const char * const text_op_nicks[] = {
  NULL, "contains", "is", "starts-with", "regex",
};

static const char * const sign_nicks[] = {
  "any", "out", "in",
};

/**
 * budg_rule_new:
 *
 * Returns: (transfer full): an empty, enabled rule with no condition and no
 *   action
 */
BudgRule *
budg_rule_new (void)
{
  BudgRule *rule = g_new0 (BudgRule, 1);

  rule->enabled = TRUE;

  return rule;
}

/**
 * budg_rule_copy:
 *
 * Returns: (transfer full): a deep copy of @rule
 */
BudgRule *
budg_rule_copy (const BudgRule *rule)
{
  BudgRule *copy;

  g_return_val_if_fail (rule != NULL, NULL);

  copy = g_memdup2 (rule, sizeof *rule);
  copy->name = g_strdup (rule->name);
  copy->payee_value = g_strdup (rule->payee_value);
  copy->memo_value = g_strdup (rule->memo_value);
  copy->set_payee = g_strdup (rule->set_payee);
  copy->set_memo = g_strdup (rule->set_memo);

  return copy;
}

void
budg_rule_free (BudgRule *rule)
{
  if (rule == NULL)
    return;

  g_free (rule->name);
  g_free (rule->payee_value);
  g_free (rule->memo_value);
  g_free (rule->set_payee);
  g_free (rule->set_memo);
  g_free (rule);
}

/**
 * budg_rule_text_op_to_string:
 *
 * Returns: the stored nick, or %NULL for %BUDG_RULE_TEXT_NONE
 */
const char *
budg_rule_text_op_to_string (BudgRuleTextOp op)
{
  g_return_val_if_fail (op <= BUDG_RULE_TEXT_REGEX, NULL);

  return text_op_nicks[op];
}

/**
 * budg_rule_text_op_from_string:
 * @text: (nullable): a nick; %NULL gives %BUDG_RULE_TEXT_NONE
 *
 * Returns: whether @text was a known nick
 */
gboolean
budg_rule_text_op_from_string (const char     *text,
                               BudgRuleTextOp *out_op)
{
  g_return_val_if_fail (out_op != NULL, FALSE);

  if (text == NULL)
    {
      *out_op = BUDG_RULE_TEXT_NONE;
      return TRUE;
    }

  for (guint i = BUDG_RULE_TEXT_CONTAINS; i < G_N_ELEMENTS (text_op_nicks); i++)
    {
      if (strcmp (text, text_op_nicks[i]) == 0)
        {
          *out_op = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
budg_rule_sign_to_string (BudgRuleSign sign)
{
  g_return_val_if_fail (sign <= BUDG_RULE_SIGN_IN, NULL);

  return sign_nicks[sign];
}

gboolean
budg_rule_sign_from_string (const char   *text,
                            BudgRuleSign *out_sign)
{
  g_return_val_if_fail (out_sign != NULL, FALSE);

  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (sign_nicks); i++)
    {
      if (strcmp (text, sign_nicks[i]) == 0)
        {
          *out_sign = i;
          return TRUE;
        }
    }

  return FALSE;
}

/* The form both sides of a comparison are brought to: trimmed, valid UTF-8,
 * composed (so "é" typed as e + accent equals "é"), and case folded unless
 * case matters. */
static char *
fold_text (const char *text,
           gboolean    case_sensitive)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  g_autofree char *composed = NULL;
  g_autofree char *folded = NULL;

  g_strstrip (valid);
  composed = g_utf8_normalize (valid, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  if (case_sensitive)
    return g_steal_pointer (&composed);

  folded = g_utf8_casefold (composed, -1);

  /* Folding can decompose ("İ" gives "i" + dot), so compose again. */
  return g_utf8_normalize (folded, -1, G_NORMALIZE_DEFAULT_COMPOSE);
}

static GRegex *
compile_regex (const BudgRule  *rule,
               const char      *pattern,
               const char      *where,
               GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  GRegexCompileFlags flags = G_REGEX_OPTIMIZE;
  GRegex *regex;

  if (!rule->case_sensitive)
    flags |= G_REGEX_CASELESS;

  regex = g_regex_new (pattern, flags, 0, &local_error);
  if (regex == NULL)
    {
      /* GLib's message names the position ("at char 3: missing )"). */
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   /* Translators: the first %s is "payee" or "memo" */
                   _("The %s pattern “%s” of the rule “%s” is not a valid regular expression (%s). Correct the pattern."),
                   where, pattern, rule->name != NULL ? rule->name : "", local_error->message);
      return NULL;
    }

  return regex;
}

static gboolean
validate_text_condition (const BudgRule  *rule,
                         BudgRuleTextOp   op,
                         const char      *value,
                         const char      *where,
                         GError         **error)
{
  g_autoptr(GRegex) regex = NULL;

  if (op > BUDG_RULE_TEXT_REGEX)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s condition of the rule has an unknown kind. Use contains, is, starts-with or regex."),
                   where);
      return FALSE;
    }

  if (op == BUDG_RULE_TEXT_NONE)
    {
      if (value != NULL)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The %s text of the rule has no condition to go with it. Choose contains, is, starts-with or regex."),
                       where);
          return FALSE;
        }
      return TRUE;
    }

  if (value == NULL || !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s condition of the rule needs a text to look for, in valid UTF-8."), where);
      return FALSE;
    }

  {
    g_autofree char *trimmed = g_strstrip (g_strdup (value));

    /* An empty text would hold for every transaction, which is never what
     * a condition on the text means. */
    if (trimmed[0] == '\0')
      {
        g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                     _("The %s condition of the rule needs a text to look for; it is empty."), where);
        return FALSE;
      }
  }

  if (op == BUDG_RULE_TEXT_REGEX && !(regex = compile_regex (rule, value, where, error)))
    return FALSE;

  return TRUE;
}

static gboolean
validate_optional_text (const char  *text,
                        const char  *what,
                        GError     **error)
{
  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s the rule sets is not valid text (invalid UTF-8). Type it again."), what);
      return FALSE;
    }

  return TRUE;
}

/**
 * budg_rule_validate:
 *
 * Checks a rule before it is stored: a name; text conditions with a
 * non-empty text, and regular expressions that compile; a minimum no larger
 * than the maximum; at least one action.
 *
 * A rule without a payee or memo condition must still have a condition on
 * the account, the amount or the sign: a rule that holds for every
 * transaction would re-categorize the whole history, which is a bulk edit
 * and not a rule.
 *
 * Returns: whether @rule can be stored, with @error set when not
 */
gboolean
budg_rule_validate (const BudgRule  *rule,
                    GError         **error)
{
  g_autofree char *name = NULL;
  gboolean has_text;

  g_return_val_if_fail (rule != NULL, FALSE);

  if (!(name = budg_validate_name (rule->name, _("rule"), error)))
    return FALSE;

  if (!validate_text_condition (rule, rule->payee_op, rule->payee_value, _("payee"), error) ||
      !validate_text_condition (rule, rule->memo_op, rule->memo_value, _("memo"), error))
    return FALSE;

  if ((rule->has_min_amount && rule->min_amount_minor < 0) ||
      (rule->has_max_amount && rule->max_amount_minor < 0))
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The amounts of a rule are compared without their sign: give them as positive numbers, and use the sign condition for money in or out."));
      return FALSE;
    }

  if (rule->has_min_amount && rule->has_max_amount && rule->min_amount_minor > rule->max_amount_minor)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The smallest amount of the rule is larger than its largest amount. Swap them."));
      return FALSE;
    }

  if (rule->sign > BUDG_RULE_SIGN_IN)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The sign of a rule is any, in or out."));
      return FALSE;
    }

  if (rule->account_id < 0 || rule->set_category_id < 0)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The rule names an account or category that does not exist."));
      return FALSE;
    }

  has_text = rule->payee_op != BUDG_RULE_TEXT_NONE || rule->memo_op != BUDG_RULE_TEXT_NONE;
  if (!has_text && rule->account_id == 0 && !rule->has_min_amount && !rule->has_max_amount &&
      rule->sign == BUDG_RULE_SIGN_ANY)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The rule has no condition, so it would change every transaction. Add a condition on the payee, memo, amount, sign or account."));
      return FALSE;
    }

  if (rule->set_payee != NULL)
    {
      g_autofree char *payee = budg_validate_name (rule->set_payee, _("payee"), error);

      if (payee == NULL)
        return FALSE;
    }

  if (!validate_optional_text (rule->set_memo, _("memo"), error))
    return FALSE;

  if (rule->has_set_status && rule->set_status > BUDG_TRANSACTION_STATUS_RECONCILED)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The status a rule sets is pending, cleared or reconciled."));
      return FALSE;
    }

  if (rule->set_category_id == 0 && rule->set_payee == NULL && rule->set_memo == NULL &&
      !rule->has_set_status)
    {
      g_set_error_literal (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                           _("The rule does nothing. Give it at least one action: set a category, payee, memo or status."));
      return FALSE;
    }

  return TRUE;
}

static void
text_condition_clear (TextCondition *condition)
{
  g_clear_pointer (&condition->value, g_free);
  g_clear_pointer (&condition->regex, g_regex_unref);
}

static int
compare_rules (gconstpointer a,
               gconstpointer b)
{
  const BudgRule *rule_a = *(const BudgRule * const *) a;
  const BudgRule *rule_b = *(const BudgRule * const *) b;

  if (rule_a->priority != rule_b->priority)
    return rule_a->priority < rule_b->priority ? -1 : 1;
  if (rule_a->id != rule_b->id)
    return rule_a->id < rule_b->id ? -1 : 1;

  return 0;
}

static gboolean
compile_condition (const BudgRule  *rule,
                   BudgRuleTextOp   op,
                   const char      *value,
                   const char      *where,
                   TextCondition   *out,
                   GError         **error)
{
  out->op = op;
  if (op == BUDG_RULE_TEXT_NONE)
    return TRUE;

  if (value == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s condition of the rule “%s” needs a text to look for."), where, rule->name);
      return FALSE;
    }

  if (op == BUDG_RULE_TEXT_REGEX)
    return (out->regex = compile_regex (rule, value, where, error)) != NULL;

  out->value = fold_text (value, rule->case_sensitive);
  out->value_len = strlen (out->value);

  return TRUE;
}

/**
 * budg_rule_set_new:
 * @rules: (element-type BudgRule): the rules, in any order; disabled ones
 *   are left out
 *
 * Compiles the enabled rules into priority order (ties in id order). Rules
 * are copied, so @rules may go away. A rule without any action is accepted
 * (its category may have been deleted since): it matches and changes
 * nothing.
 *
 * Returns: (transfer full): the set, or %NULL with @error set when a
 *   regular expression does not compile
 */
BudgRuleSet *
budg_rule_set_new (GPtrArray  *rules,
                   GError    **error)
{
  g_autoptr(BudgRuleSet) set = g_new0 (BudgRuleSet, 1);
  g_autoptr(GPtrArray) enabled = g_ptr_array_new ();

  g_return_val_if_fail (rules != NULL, NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      BudgRule *rule = g_ptr_array_index (rules, i);

      if (rule->enabled)
        g_ptr_array_add (enabled, rule);
    }
  /* Stable, so rules that are not stored yet (id 0) keep the caller's order
   * within a priority. */
  g_ptr_array_sort (enabled, compare_rules);

  set->n_rules = enabled->len;
  set->n_words = MAX (1, (enabled->len + 63) / 64);
  set->rules = g_new0 (CompiledRule, MAX (1, enabled->len));
  set->all_mask = g_new0 (guint64, set->n_words);

  for (guint i = 0; i < enabled->len; i++)
    {
      CompiledRule *compiled = &set->rules[i];
      const BudgRule *rule = g_ptr_array_index (enabled, i);

      compiled->rule = budg_rule_copy (rule);
      compiled->abs_min = rule->has_min_amount ? (guint64) MAX (rule->min_amount_minor, 0) : 0;
      compiled->abs_max = rule->has_max_amount ? (guint64) MAX (rule->max_amount_minor, 0) : G_MAXUINT64;
      set->all_mask[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);

      if (!compile_condition (rule, rule->payee_op, rule->payee_value, _("payee"),
                              &compiled->text[FIELD_PAYEE], error) ||
          !compile_condition (rule, rule->memo_op, rule->memo_value, _("memo"),
                              &compiled->text[FIELD_MEMO], error))
        return NULL;

      set->field_used[FIELD_PAYEE] |= rule->payee_op != BUDG_RULE_TEXT_NONE;
      set->field_used[FIELD_MEMO] |= rule->memo_op != BUDG_RULE_TEXT_NONE;
    }

  for (guint f = 0; f < N_FIELDS; f++)
    {
      /* The key lives inside the value (see TextMask), so only the value
       * is freed. */
      set->cache[f] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
    }

  return g_steal_pointer (&set);
}

void
budg_rule_set_free (BudgRuleSet *set)
{
  if (set == NULL)
    return;

  for (guint i = 0; i < set->n_rules; i++)
    {
      for (guint f = 0; f < N_FIELDS; f++)
        text_condition_clear (&set->rules[i].text[f]);
      budg_rule_free (set->rules[i].rule);
    }
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_clear_pointer (&set->cache[f], g_hash_table_unref);
      g_clear_pointer (&set->null_mask[f], g_free);
    }
  g_free (set->rules);
  g_free (set->all_mask);
  g_free (set);
}

guint
budg_rule_set_get_n_rules (BudgRuleSet *set)
{
  g_return_val_if_fail (set != NULL, 0);

  return set->n_rules;
}

static gboolean
condition_holds (const TextCondition *condition,
                 const char          *raw,
                 const char          *folded,
                 gsize                folded_len)
{
  switch (condition->op)
    {
    case BUDG_RULE_TEXT_NONE:
      return TRUE;

    case BUDG_RULE_TEXT_CONTAINS:
      return strstr (folded, condition->value) != NULL;

    case BUDG_RULE_TEXT_IS:
      return folded_len == condition->value_len && memcmp (folded, condition->value, folded_len) == 0;

    case BUDG_RULE_TEXT_STARTS_WITH:
      return folded_len >= condition->value_len &&
             memcmp (folded, condition->value, condition->value_len) == 0;

    case BUDG_RULE_TEXT_REGEX:
      return g_regex_match (condition->regex, raw, 0, NULL);

    default:
      g_assert_not_reached ();
    }
}

/* Which rules' condition on @field holds for @text: every rule without a
 * condition on it, and those whose condition holds. */
static void
compute_mask (BudgRuleSet *set,
              Field        field,
              const char  *text,
              guint64     *bits)
{
  g_autofree char *folded = NULL;
  g_autofree char *exact = NULL;
  g_autofree char *composed = NULL;
  gsize folded_len = 0;
  gsize exact_len = 0;

  memset (bits, 0, set->n_words * sizeof (guint64));

  for (guint i = 0; i < set->n_rules; i++)
    {
      const CompiledRule *compiled = &set->rules[i];
      const TextCondition *condition = &compiled->text[field];
      gboolean holds;

      /* Each form of the text is made once, and only when a rule needs it. */
      if (condition->op == BUDG_RULE_TEXT_REGEX)
        {
          if (composed == NULL)
            composed = fold_text (text, TRUE);
          holds = condition_holds (condition, composed, NULL, 0);
        }
      else if (condition->op == BUDG_RULE_TEXT_NONE)
        holds = TRUE;
      else if (compiled->rule->case_sensitive)
        {
          if (exact == NULL)
            {
              exact = fold_text (text, TRUE);
              exact_len = strlen (exact);
            }
          holds = condition_holds (condition, NULL, exact, exact_len);
        }
      else
        {
          if (folded == NULL)
            {
              folded = fold_text (text, FALSE);
              folded_len = strlen (folded);
            }
          holds = condition_holds (condition, NULL, folded, folded_len);
        }

      if (holds)
        bits[i / 64] |= G_GUINT64_CONSTANT (1) << (i % 64);
    }
}

static const guint64 *
lookup_mask (BudgRuleSet *set,
             Field        field,
             const char  *text)
{
  TextMask *mask;
  gsize bits_size;
  gsize text_size;
  char *key;

  if (!set->field_used[field])
    return set->all_mask;

  if (text == NULL)
    {
      if (set->null_mask[field] == NULL)
        {
          set->null_mask[field] = g_new0 (guint64, set->n_words);
          compute_mask (set, field, NULL, set->null_mask[field]);
        }
      return set->null_mask[field];
    }

  mask = g_hash_table_lookup (set->cache[field], text);
  if (mask != NULL)
    return mask->bits;

  if (g_hash_table_size (set->cache[field]) >= MAX_CACHED_TEXTS)
    g_hash_table_remove_all (set->cache[field]);

  bits_size = set->n_words * sizeof (guint64);
  text_size = strlen (text) + 1;
  mask = g_malloc (bits_size + text_size);
  key = (char *) mask + bits_size;
  memcpy (key, text, text_size);
  compute_mask (set, field, text, mask->bits);
  g_hash_table_insert (set->cache[field], key, mask);

  return mask->bits;
}

static inline gboolean
numbers_hold (const CompiledRule    *compiled,
              const BudgRuleSubject *subject,
              guint64                abs_amount)
{
  const BudgRule *rule = compiled->rule;

  if (rule->account_id != 0 && rule->account_id != subject->account_id)
    return FALSE;
  if (abs_amount < compiled->abs_min || abs_amount > compiled->abs_max)
    return FALSE;
  if (rule->sign == BUDG_RULE_SIGN_OUT && subject->amount_minor >= 0)
    return FALSE;
  if (rule->sign == BUDG_RULE_SIGN_IN && subject->amount_minor <= 0)
    return FALSE;

  return TRUE;
}

/**
 * budg_rule_set_apply:
 * @subject: the transaction; its out fields are reset, then set
 *
 * Runs the rules in order. The first rule whose conditions all hold sets
 * what its actions name; if it says continue, later rules that hold set
 * theirs too, over it, until one that does not say continue.
 *
 * Returns: whether any rule matched
 */
gboolean
budg_rule_set_apply (BudgRuleSet     *set,
                     BudgRuleSubject *subject)
{
  const guint64 *payee_bits;
  const guint64 *memo_bits;
  guint64 abs_amount;

  g_return_val_if_fail (set != NULL, FALSE);
  g_return_val_if_fail (subject != NULL, FALSE);

  subject->matched = FALSE;
  subject->rule_id = 0;
  subject->category_id = 0;
  subject->payee_out = NULL;
  subject->memo_out = NULL;
  subject->has_status = FALSE;
  subject->status = BUDG_TRANSACTION_STATUS_PENDING;

  if (set->n_rules == 0)
    return FALSE;

  /* Unsigned, so that the most negative amount has an absolute value. */
  abs_amount = subject->amount_minor < 0 ? -(guint64) subject->amount_minor
                                         : (guint64) subject->amount_minor;

  /* Each field has its own cache, so clearing one when it is full leaves
   * the other's answer valid. */
  payee_bits = lookup_mask (set, FIELD_PAYEE, subject->payee);
  memo_bits = lookup_mask (set, FIELD_MEMO, subject->memo);

  /* Only the rules whose text conditions both hold are looked at further,
   * in priority order: the set bits of the intersection. */
  for (guint w = 0; w < set->n_words; w++)
    {
      guint64 candidates = payee_bits[w] & memo_bits[w];

      while (candidates != 0)
        {
          guint bit = (guint) __builtin_ctzll (candidates);
          const CompiledRule *compiled = &set->rules[w * 64 + bit];
          const BudgRule *rule = compiled->rule;

          candidates &= candidates - 1;

          if (!numbers_hold (compiled, subject, abs_amount))
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
            return TRUE;
        }
    }

  return subject->matched;
}
