/* budg-rule.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "budg-types.h"

G_BEGIN_DECLS

/* Categorization rules: plain data (one row of the rules table) and the
 * matcher. A rule's conditions all have to hold; a condition that is not set
 * holds for anything. Its actions set what they name and leave the rest. */

/**
 * BudgRuleTextOp:
 * @BUDG_RULE_TEXT_NONE: no condition on this text
 * @BUDG_RULE_TEXT_CONTAINS: the text contains the value
 * @BUDG_RULE_TEXT_IS: the text is the value (after trimming)
 * @BUDG_RULE_TEXT_STARTS_WITH: the text starts with the value
 * @BUDG_RULE_TEXT_REGEX: a Perl-compatible regular expression finds a match
 *
 * The nicks ("contains", "is", "starts-with", "regex") are stored and used by
 * the CLI. Comparisons ignore case unless the rule says otherwise (Unicode
 * case folding, so "Café" matches "CAFÉ").
 */
typedef enum
{
  BUDG_RULE_TEXT_NONE,
  BUDG_RULE_TEXT_CONTAINS,
  BUDG_RULE_TEXT_IS,
  BUDG_RULE_TEXT_STARTS_WITH,
  BUDG_RULE_TEXT_REGEX,
} BudgRuleTextOp;

/**
 * BudgRuleSign:
 * @BUDG_RULE_SIGN_ANY: either way
 * @BUDG_RULE_SIGN_OUT: money out of the account (negative amounts)
 * @BUDG_RULE_SIGN_IN: money in (positive amounts)
 *
 * Nicks: "any", "out", "in".
 */
typedef enum
{
  BUDG_RULE_SIGN_ANY,
  BUDG_RULE_SIGN_OUT,
  BUDG_RULE_SIGN_IN,
} BudgRuleSign;

/**
 * BudgRule:
 * @id: the row id (0 before it is stored)
 * @name: what the user calls it
 * @priority: lower runs first; ties run in id order
 * @enabled: a disabled rule never matches
 * @continue_matching: after this rule matched, later rules still run
 *   (their actions override this one's); otherwise the first match wins
 * @case_sensitive: compare text conditions with case (default: not)
 * @payee_op: the payee condition; it looks at the bank's own text when the
 *   transaction has one (imported_payee), otherwise at the payee's name
 * @payee_value: (nullable): its value, %NULL with %BUDG_RULE_TEXT_NONE
 * @memo_op: the memo condition
 * @memo_value: (nullable): its value
 * @has_min_amount: whether @min_amount_minor applies
 * @min_amount_minor: smallest absolute amount, inclusive
 * @has_max_amount: whether @max_amount_minor applies
 * @max_amount_minor: largest absolute amount, inclusive
 * @sign: which way the money goes
 * @account_id: only this account; 0 for any
 * @set_category_id: the category to set; 0 to leave it
 * @set_payee: (nullable): the payee to set ("Amazon")
 * @set_memo: (nullable): the memo to set
 * @has_set_status: whether @set_status applies
 * @set_status: the status to set
 */
typedef struct
{
  gint64                 id;
  char                  *name;
  int                    priority;
  gboolean               enabled;
  gboolean               continue_matching;
  gboolean               case_sensitive;
  BudgRuleTextOp         payee_op;
  char                  *payee_value;
  BudgRuleTextOp         memo_op;
  char                  *memo_value;
  gboolean               has_min_amount;
  gint64                 min_amount_minor;
  gboolean               has_max_amount;
  gint64                 max_amount_minor;
  BudgRuleSign           sign;
  gint64                 account_id;
  gint64                 set_category_id;
  char                  *set_payee;
  char                  *set_memo;
  gboolean               has_set_status;
  BudgTransactionStatus  set_status;
} BudgRule;

/**
 * BudgRuleSubject:
 * @account_id: in: the transaction's account
 * @amount_minor: in: its amount, negative = money out
 * @payee: (nullable): in: the bank's payee text (or the payee's name)
 * @memo: (nullable): in: the memo
 * @matched: out: whether any rule matched
 * @rule_id: out: the last rule that matched (the one whose actions won),
 *   0 if none did
 * @category_id: out: the category a rule set, 0 if none did
 * @payee_out: (nullable): out: the payee a rule set, borrowed from the rule
 *   set (valid while it lives)
 * @memo_out: (nullable): out: likewise for the memo
 * @has_status: out: whether a rule set the status
 * @status: out: that status
 *
 * One transaction as the matcher sees it. budg_rule_set_apply() resets the
 * out fields before it looks.
 */
typedef struct
{
  gint64                 account_id;
  gint64                 amount_minor;
  const char            *payee;
  const char            *memo;

  gboolean               matched;
  gint64                 rule_id;
  gint64                 category_id;
  const char            *payee_out;
  const char            *memo_out;
  gboolean               has_status;
  BudgTransactionStatus  status;
} BudgRuleSubject;

/**
 * BudgRuleSet:
 *
 * The enabled rules, compiled once (regular expressions built, values case
 * folded) and then applied to many transactions: an import of a million
 * rows with a hundred rules. The set remembers which text conditions held
 * for each distinct payee and memo it has seen, because bank payees repeat.
 * Not thread-safe: one set per thread.
 */
typedef struct _BudgRuleSet BudgRuleSet;

BudgRule     *budg_rule_new                  (void) G_GNUC_WARN_UNUSED_RESULT;
BudgRule     *budg_rule_copy                 (const BudgRule   *rule) G_GNUC_WARN_UNUSED_RESULT;
void          budg_rule_free                 (BudgRule         *rule);

const char   *budg_rule_text_op_to_string    (BudgRuleTextOp    op);
gboolean      budg_rule_text_op_from_string  (const char       *text,
                                              BudgRuleTextOp   *out_op);
const char   *budg_rule_sign_to_string       (BudgRuleSign      sign);
gboolean      budg_rule_sign_from_string     (const char       *text,
                                              BudgRuleSign     *out_sign);

gboolean      budg_rule_validate             (const BudgRule   *rule,
                                              GError          **error);

BudgRuleSet  *budg_rule_set_new              (GPtrArray        *rules,
                                              GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void          budg_rule_set_free             (BudgRuleSet      *set);
guint         budg_rule_set_get_n_rules      (BudgRuleSet      *set);
gboolean      budg_rule_set_apply            (BudgRuleSet      *set,
                                              BudgRuleSubject  *subject);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgRule, budg_rule_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BudgRuleSet, budg_rule_set_free)

G_END_DECLS
