/* budg-register-model.h
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "budg-transaction-store.h"

G_BEGIN_DECLS

#define BUDG_TYPE_REGISTER_MODEL (budg_register_model_get_type ())

G_DECLARE_FINAL_TYPE (BudgRegisterModel, budg_register_model, BUDG, REGISTER_MODEL, GObject)

/* A GListModel of BudgTransaction for the register, paging rows from SQLite
 * on demand. Only the ordered ids of the matches live in memory (8 bytes a
 * row); rows are read a page at a time when a widget asks for them and a few
 * pages are cached. When the query names one account, every item carries its
 * running balance (BudgTransaction:running-balance-minor).
 *
 * It follows the database: after a change to transactions it reads the ids
 * again and emits one items-changed covering only the part that differs, so
 * selection and scroll position survive an edit.
 *
 * Property "query" (boxed BudgTransactionQuery, limit/offset ignored),
 * "n-items".
 */
BudgRegisterModel          *budg_register_model_new          (BudgTransactionStore       *store) G_GNUC_WARN_UNUSED_RESULT;
const BudgTransactionQuery *budg_register_model_get_query    (BudgRegisterModel          *self);
/* Runs @query and replaces the contents. Returns FALSE with @error set (the
 * old contents kept) when the query is invalid or SQLite fails. */
gboolean                    budg_register_model_set_query    (BudgRegisterModel          *self,
                                                              const BudgTransactionQuery *query,
                                                              GError                    **error);
void                        budg_register_model_set_progressive (BudgRegisterModel    *self,
                                                                 gboolean              progressive);
gboolean                    budg_register_model_is_complete  (BudgRegisterModel          *self);
gboolean                    budg_register_model_reload       (BudgRegisterModel          *self,
                                                              GError                    **error);
gint64                      budg_register_model_get_id       (BudgRegisterModel          *self,
                                                              guint                       position);
/* Returns: the position of transaction @id, or G_MAXUINT when it isn't shown */
guint                       budg_register_model_find         (BudgRegisterModel          *self,
                                                              gint64                      id);
/* Sum of the amounts of all matches (one currency only, else FALSE). */
gboolean                    budg_register_model_get_total    (BudgRegisterModel          *self,
                                                              gint64                     *out_total_minor,
                                                              GError                    **error);

G_END_DECLS
