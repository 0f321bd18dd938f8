/* budg-transaction-query.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-transaction-query"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-error.h"
#include "budg-transaction-query.h"

G_DEFINE_BOXED_TYPE (BudgTransactionQuery, budg_transaction_query,
                     budg_transaction_query_copy, budg_transaction_query_free)

static const char * const sort_names[] = { "date", "amount", "payee", "category" };

gboolean
budg_transaction_sort_from_string (const char          *text,
                                   BudgTransactionSort *out_sort)
{
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    if (g_strcmp0 (text, sort_names[i]) == 0)
      {
        *out_sort = (BudgTransactionSort) i;
        return TRUE;
      }

  return FALSE;
}

const char *
budg_transaction_sort_to_string (BudgTransactionSort sort)
{
  g_return_val_if_fail ((guint) sort < G_N_ELEMENTS (sort_names), NULL);

  return sort_names[sort];
}

static char *
dup_nonempty (const char *text)
{
  return text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/**
 * budg_transaction_query_copy:
 *
 * Returns: (transfer full): a copy that owns its strings; empty strings
 *   become %NULL, since both mean "no condition"
 */
BudgTransactionQuery *
budg_transaction_query_copy (const BudgTransactionQuery *query)
{
  BudgTransactionQuery *copy;

  g_return_val_if_fail (query != NULL, NULL);

  copy = g_memdup2 (query, sizeof *query);
  copy->from_date = dup_nonempty (query->from_date);
  copy->to_date = dup_nonempty (query->to_date);
  copy->search = dup_nonempty (query->search);
  copy->payee = dup_nonempty (query->payee);

  return copy;
}

void
budg_transaction_query_free (BudgTransactionQuery *query)
{
  if (query == NULL)
    return;

  g_free ((char *) query->from_date);
  g_free ((char *) query->to_date);
  g_free ((char *) query->search);
  g_free ((char *) query->payee);
  g_free (query);
}

static gboolean
text_equal (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL && a[0] != '\0' ? a : NULL,
                    b != NULL && b[0] != '\0' ? b : NULL) == 0;
}

gboolean
budg_transaction_query_equal (const BudgTransactionQuery *a,
                              const BudgTransactionQuery *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->account_id == b->account_id &&
         text_equal (a->from_date, b->from_date) &&
         text_equal (a->to_date, b->to_date) &&
         text_equal (a->search, b->search) &&
         text_equal (a->payee, b->payee) &&
         a->category_id == b->category_id &&
         !a->uncategorized == !b->uncategorized &&
         a->status_mask == b->status_mask &&
         !a->has_min_amount == !b->has_min_amount &&
         (!a->has_min_amount || a->min_amount_minor == b->min_amount_minor) &&
         !a->has_max_amount == !b->has_max_amount &&
         (!a->has_max_amount || a->max_amount_minor == b->max_amount_minor) &&
         a->sort == b->sort &&
         !a->descending == !b->descending &&
         a->limit == b->limit &&
         a->offset == b->offset;
}

/**
 * budg_transaction_query_to_string:
 *
 * Only the conditions that are set are written, so the text stays short
 * and a later Budg that adds conditions still reads old saved filters.
 *
 * Returns: (transfer full): the query as a GVariant text a{sv}
 */
char *
budg_transaction_query_to_string (const BudgTransactionQuery *query)
{
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autoptr(GVariant) variant = NULL;

  g_return_val_if_fail (query != NULL, NULL);

  if (query->account_id != 0)
    g_variant_builder_add (&builder, "{sv}", "account", g_variant_new_int64 (query->account_id));
  if (query->from_date != NULL && query->from_date[0] != '\0')
    g_variant_builder_add (&builder, "{sv}", "from", g_variant_new_string (query->from_date));
  if (query->to_date != NULL && query->to_date[0] != '\0')
    g_variant_builder_add (&builder, "{sv}", "to", g_variant_new_string (query->to_date));
  if (query->search != NULL && query->search[0] != '\0')
    g_variant_builder_add (&builder, "{sv}", "search", g_variant_new_string (query->search));
  if (query->payee != NULL && query->payee[0] != '\0')
    g_variant_builder_add (&builder, "{sv}", "payee", g_variant_new_string (query->payee));
  if (query->category_id != 0)
    g_variant_builder_add (&builder, "{sv}", "category", g_variant_new_int64 (query->category_id));
  if (query->uncategorized)
    g_variant_builder_add (&builder, "{sv}", "uncategorized", g_variant_new_boolean (TRUE));
  if (query->status_mask != 0)
    g_variant_builder_add (&builder, "{sv}", "status", g_variant_new_uint32 (query->status_mask));
  if (query->has_min_amount)
    g_variant_builder_add (&builder, "{sv}", "min-amount", g_variant_new_int64 (query->min_amount_minor));
  if (query->has_max_amount)
    g_variant_builder_add (&builder, "{sv}", "max-amount", g_variant_new_int64 (query->max_amount_minor));
  if (query->sort != BUDG_TRANSACTION_SORT_DATE)
    g_variant_builder_add (&builder, "{sv}", "sort",
                           g_variant_new_string (budg_transaction_sort_to_string (query->sort)));
  if (query->descending)
    g_variant_builder_add (&builder, "{sv}", "descending", g_variant_new_boolean (TRUE));

  variant = g_variant_ref_sink (g_variant_builder_end (&builder));

  return g_variant_print (variant, TRUE);
}

static gboolean
is_type (GVariant           *value,
         const GVariantType *type)
{
  return g_variant_is_of_type (value, type);
}

static void
set_text (const char **field,
          GVariant    *value)
{
  g_free ((char *) *field);
  *field = g_variant_dup_string (value, NULL);
}

/* Reads one member of a saved query; FALSE when a known key has a value
 * of the wrong type. Unknown keys are skipped, so that filters saved by a
 * later Budg still load. */
static gboolean
read_member (BudgTransactionQuery *query,
             const char           *key,
             GVariant             *value)
{
  gboolean is_string = is_type (value, G_VARIANT_TYPE_STRING);
  gboolean is_int64 = is_type (value, G_VARIANT_TYPE_INT64);
  gboolean is_boolean = is_type (value, G_VARIANT_TYPE_BOOLEAN);

  if (g_str_equal (key, "from") || g_str_equal (key, "to") ||
      g_str_equal (key, "search") || g_str_equal (key, "payee"))
    {
      if (!is_string)
        return FALSE;
      if (g_str_equal (key, "from"))
        set_text (&query->from_date, value);
      else if (g_str_equal (key, "to"))
        set_text (&query->to_date, value);
      else if (g_str_equal (key, "search"))
        set_text (&query->search, value);
      else
        set_text (&query->payee, value);
      return TRUE;
    }

  if (g_str_equal (key, "account") || g_str_equal (key, "category") ||
      g_str_equal (key, "min-amount") || g_str_equal (key, "max-amount"))
    {
      gint64 number;

      if (!is_int64)
        return FALSE;
      number = g_variant_get_int64 (value);
      if (g_str_equal (key, "account"))
        query->account_id = number;
      else if (g_str_equal (key, "category"))
        query->category_id = number;
      else if (g_str_equal (key, "min-amount"))
        {
          query->has_min_amount = TRUE;
          query->min_amount_minor = number;
        }
      else
        {
          query->has_max_amount = TRUE;
          query->max_amount_minor = number;
        }
      return TRUE;
    }

  if (g_str_equal (key, "uncategorized") || g_str_equal (key, "descending"))
    {
      if (!is_boolean)
        return FALSE;
      if (g_str_equal (key, "uncategorized"))
        query->uncategorized = g_variant_get_boolean (value);
      else
        query->descending = g_variant_get_boolean (value);
      return TRUE;
    }

  if (g_str_equal (key, "status"))
    {
      if (!is_type (value, G_VARIANT_TYPE_UINT32))
        return FALSE;
      query->status_mask = g_variant_get_uint32 (value);
      return TRUE;
    }

  if (g_str_equal (key, "sort"))
    return is_string && budg_transaction_sort_from_string (g_variant_get_string (value, NULL), &query->sort);

  return TRUE;
}

/**
 * budg_transaction_query_parse:
 *
 * Unknown keys are ignored; known keys of the wrong type are an error.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL with @error set
 */
BudgTransactionQuery *
budg_transaction_query_parse (const char  *text,
                              GError     **error)
{
  g_autoptr(BudgTransactionQuery) query = g_new0 (BudgTransactionQuery, 1);
  g_autoptr(GVariant) variant = NULL;
  g_autoptr(GError) local_error = NULL;
  GVariantIter iter;
  const char *key;
  GVariant *value;

  g_return_val_if_fail (text != NULL, NULL);

  variant = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, &local_error);
  if (variant == NULL)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The saved filter cannot be read (%s). Save it again."), local_error->message);
      return NULL;
    }

  g_variant_iter_init (&iter, variant);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      gboolean ok = read_member (query, key, value);

      if (!ok)
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The saved filter has an unusable “%s” condition. Save it again."), key);
          g_variant_unref (value);
          return NULL;
        }
    }

  return g_steal_pointer (&query);
}
