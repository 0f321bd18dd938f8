/* budg-notifier.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-notifier"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-date.h"
#include "budg-money.h"
#include "budg-notifier.h"

/**
 * budg_notifier_read_settings:
 * @settings: (nullable): Budg's settings, %NULL when the schema is missing
 * @out_settings: (out caller-allocates): the values the core works with
 *
 * Without a schema, every reminder is on and there are no quiet hours:
 * that is what the schema's defaults say too.
 */
void
budg_notifier_read_settings (GSettings            *settings,
                             BudgReminderSettings *out_settings)
{
  g_return_if_fail (out_settings != NULL);

  *out_settings = (BudgReminderSettings) {
    .bills_upcoming = TRUE,
    .bills_due_today = TRUE,
    .bills_overdue = TRUE,
    .budgets = TRUE,
    .budget_warning_percent = 80,
    .banks = TRUE,
    .group_threshold = BUDG_NOTIFIER_GROUP_THRESHOLD,
  };

  if (settings == NULL)
    return;

  out_settings->bills_upcoming = g_settings_get_boolean (settings, "notify-bills-upcoming");
  out_settings->bills_due_today = g_settings_get_boolean (settings, "notify-bills-due-today");
  out_settings->bills_overdue = g_settings_get_boolean (settings, "notify-bills-overdue");
  out_settings->budgets = g_settings_get_boolean (settings, "notify-budgets");
  out_settings->budget_warning_percent = g_settings_get_uint (settings, "budget-warning-percent");
  out_settings->large_transaction = g_settings_get_uint (settings, "large-transaction-amount");
  out_settings->banks = g_settings_get_boolean (settings, "notify-banks");
  out_settings->quiet_hours = g_settings_get_boolean (settings, "quiet-hours");
  out_settings->quiet_start = g_settings_get_uint (settings, "quiet-hours-start");
  out_settings->quiet_end = g_settings_get_uint (settings, "quiet-hours-end");
}

/**
 * budg_notifier_dup_id:
 *
 * Returns: (transfer full): the notification id of one occurrence, the
 *   same for each of its events so that "due today" replaces "due soon"
 */
char *
budg_notifier_dup_id (gint64      bill_id,
                      const char *occurrence_date)
{
  return g_strdup_printf ("bill-%" G_GINT64_FORMAT "-%s", bill_id, occurrence_date);
}

static char *
format_amount (const BudgReminder *reminder)
{
  /* Reminders are about money going out; the size is what to pay. */
  return budg_money_format (ABS (reminder->amount_minor), reminder->currency);
}

static int
days_until (const char *today,
            const char *date)
{
  GDate from;
  GDate to;

  if (!budg_date_parse (today, &from, NULL) || !budg_date_parse (date, &to, NULL))
    return 0;

  return g_date_days_between (&from, &to);
}

static char *
dup_title (const BudgReminder *reminder,
           const char         *today)
{
  int days;

  switch (reminder->kind)
    {
    case BUDG_REMINDER_BILL_UPCOMING:
      days = days_until (today, reminder->due_date);
      if (days == 1)
        /* Translators: %s is the name of a bill. */
        return g_strdup_printf (_("%s is due tomorrow"), reminder->name);
      /* Translators: %s is the name of a bill, %d a number of days. */
      return g_strdup_printf (ngettext ("%s is due in %d day", "%s is due in %d days", days),
                              reminder->name, days);

    case BUDG_REMINDER_BILL_DUE_TODAY:
      /* Translators: %s is the name of a bill. */
      return g_strdup_printf (_("%s is due today"), reminder->name);

    case BUDG_REMINDER_BILL_OVERDUE:
      /* Translators: %s is the name of a bill. */
      return g_strdup_printf (_("%s is overdue"), reminder->name);

    default:
      g_return_val_if_reached (NULL);
    }
}

/* One line of a grouped notification, or the body of a single one. */
static char *
dup_line (const BudgReminder *reminder,
          gboolean            with_name)
{
  g_autofree char *amount = format_amount (reminder);
  g_autofree char *date = budg_date_format_short (reminder->due_date);
  g_autofree char *when = NULL;

  switch (reminder->kind)
    {
    case BUDG_REMINDER_BILL_UPCOMING:
      /* Translators: %s is a date. */
      when = g_strdup_printf (_("due %s"), date);
      break;

    case BUDG_REMINDER_BILL_DUE_TODAY:
      when = g_strdup (_("due today"));
      break;

    case BUDG_REMINDER_BILL_OVERDUE:
      /* Translators: %s is a date. */
      when = g_strdup_printf (_("overdue since %s"), date);
      break;

    default:
      g_return_val_if_reached (NULL);
    }

  if (with_name)
    /* Translators: a line of a notification: the name of a bill, its
     * amount and when it is due, e.g. "Rent: $950.00, due today". */
    return g_strdup_printf (_("%s: %s, %s"), reminder->name, amount, when);

  /* Translators: the amount of a bill and when it is due, e.g.
   * "$950.00, overdue since 3/10/26". */
  return g_strdup_printf (_("%s, %s"), amount, when);
}

static GVariant *
occurrence_target (const BudgReminder *reminder,
                   const char         *database_path)
{
  return g_variant_new ("(sxss)", database_path, reminder->subject_id,
                        reminder->occurrence, reminder->due_date);
}

static GVariant *
snooze_target (GPtrArray  *group,
               const char *database_path)
{
  GVariantBuilder builder;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a(xss)"));
  for (guint i = 0; i < group->len; i++)
    {
      const BudgReminder *reminder = g_ptr_array_index (group, i);

      g_variant_builder_add (&builder, "(xss)", reminder->subject_id,
                             reminder->occurrence, reminder->due_date);
    }

  return g_variant_new ("(s@a(xss))", database_path, g_variant_builder_end (&builder));
}

static GNotification *
build_budget (const BudgReminder *reminder,
              const char         *database_path)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  g_autofree char *spent = budg_money_format (reminder->amount_minor, reminder->currency);
  g_autofree char *limit = budg_money_format (reminder->limit_minor, reminder->currency);

  if (reminder->kind == BUDG_REMINDER_BUDGET_LIMIT)
    {
      /* Translators: %s is a category, e.g. "Food:Groceries". */
      title = g_strdup_printf (_("%s is over budget"), reminder->name);
    }
  else
    {
      guint percent = (guint) MIN (100.0, (double) reminder->amount_minor * 100.0 / (double) reminder->limit_minor);

      /* Translators: %s is a category, %u%% a percentage, e.g.
       * "Food:Groceries has used 85% of its budget". */
      title = g_strdup_printf (_("%s has used %u%% of its budget"), reminder->name, percent);
    }

  /* Translators: two amounts, e.g. "$420.00 spent of $400.00". */
  body = g_strdup_printf (_("%s spent of %s"), spent, limit);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target_value (notification, "app.show-view",
                                                      g_variant_new ("(ss)", database_path, "budgets"));

  return g_steal_pointer (&notification);
}

static GNotification *
build_transaction (const BudgReminder *reminder,
                   const char         *database_path)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *amount = budg_money_format (ABS (reminder->amount_minor), reminder->currency);
  g_autofree char *date = budg_date_format_short (reminder->occurrence);
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  if (reminder->amount_minor < 0)
    /* Translators: an amount and a payee, e.g. "$1,200.00 paid to Acme". */
    title = g_strdup_printf (_("%s paid to %s"), amount, reminder->name);
  else
    /* Translators: an amount and a payee, e.g. "$1,200.00 received from Acme". */
    title = g_strdup_printf (_("%s received from %s"), amount, reminder->name);

  /* Translators: %s is a date. */
  body = g_strdup_printf (_("A large transaction, on %s"), date);

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target_value (notification, "app.show-view",
                                                      g_variant_new ("(ss)", database_path, "transactions"));

  return g_steal_pointer (&notification);
}

static GNotification *
build_bank (const BudgReminder *reminder,
            const char         *database_path)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *title = NULL;

  /* Translators: %s is a bank, e.g. "First Platypus Bank needs you to log in again". */
  title = g_strdup_printf (_("%s needs you to log in again"), reminder->name);

  notification = g_notification_new (title);
  g_notification_set_body (notification,
                           _("Its accounts do not sync until you do. Open Bank Connections to log in."));
  g_notification_set_default_action_and_target_value (notification, "app.show-view",
                                                      g_variant_new ("(ss)", database_path,
                                                                     "bank-connections"));

  return g_steal_pointer (&notification);
}

/**
 * budg_notifier_build:
 * @group: (element-type BudgReminder): the reminders of one notification
 * @database_path: the database they come from, for the actions
 * @today: the local date, for "due in 3 days"
 *
 * One reminder gets its own notification, with Mark as Paid and Snooze; a
 * group gets one that lists them, with Snooze for all, since paying several
 * bills with one click would be too easy to do by mistake. Activating the
 * notification opens Budg on the (first) bill in the Bills view. A budget
 * reminder, always alone, opens the Budgets view, a large transaction the
 * Transactions view, and a bank that needs a new login Bank Connections.
 *
 * Returns: (transfer full): the notification
 */
GNotification *
budg_notifier_build (GPtrArray  *group,
                     const char *database_path,
                     const char *today)
{
  g_autoptr(GNotification) notification = NULL;
  gboolean overdue = FALSE;
  const BudgReminder *first;

  g_return_val_if_fail (group != NULL && group->len > 0, NULL);
  g_return_val_if_fail (database_path != NULL, NULL);

  first = g_ptr_array_index (group, 0);

  if (first->kind == BUDG_REMINDER_LARGE_TRANSACTION)
    return build_transaction (first, database_path);
  if (first->kind == BUDG_REMINDER_BANK_NEEDS_LOGIN)
    return build_bank (first, database_path);
  if (!budg_reminder_is_bill (first))
    return build_budget (first, database_path);

  for (guint i = 0; i < group->len; i++)
    overdue |= ((BudgReminder *) g_ptr_array_index (group, i))->kind == BUDG_REMINDER_BILL_OVERDUE;

  if (group->len == 1)
    {
      g_autofree char *title = dup_title (first, today);
      g_autofree char *body = dup_line (first, FALSE);

      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      g_notification_add_button_with_target_value (notification, _("Mark as Paid"), "app.mark-paid",
                                                   occurrence_target (first, database_path));
    }
  else
    {
      g_autoptr(GString) body = g_string_new (NULL);
      g_autofree char *title = NULL;

      /* Translators: the title of a notification that lists bills. */
      title = g_strdup_printf (ngettext ("%u bill is due", "%u bills are due", group->len), group->len);
      for (guint i = 0; i < group->len; i++)
        {
          g_autofree char *line = dup_line (g_ptr_array_index (group, i), TRUE);

          if (i > 0)
            g_string_append_c (body, '\n');
          g_string_append (body, line);
        }

      notification = g_notification_new (title);
      g_notification_set_body (notification, body->str);
    }

  g_notification_add_button_with_target_value (notification, _("Snooze"), "app.snooze",
                                               snooze_target (group, database_path));
  g_notification_set_default_action_and_target_value (notification, "app.show-bill",
                                                      occurrence_target (first, database_path));
  g_notification_set_priority (notification, overdue ? G_NOTIFICATION_PRIORITY_HIGH
                                                     : G_NOTIFICATION_PRIORITY_NORMAL);

  return g_steal_pointer (&notification);
}

/**
 * budg_notifier_send_due:
 * @application: the registered application that sends
 * @context: the database to check
 * @now: the local time of the check
 * @error: return location for a #GError
 *
 * Sends a notification for each reminder due at @now (one for all when
 * there are many) and records them, so that none is sent twice.
 *
 * Returns: how many reminders were sent, or -1 with @error set
 */
int
budg_notifier_send_due (GApplication  *application,
                        BudgContext   *context,
                        GDateTime     *now,
                        GError       **error)
{
  BudgReminderSettings settings;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autofree char *today = NULL;
  const char *path;

  g_return_val_if_fail (G_IS_APPLICATION (application), -1);
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), -1);
  g_return_val_if_fail (now != NULL, -1);

  budg_notifier_read_settings (budg_context_get_settings (context), &settings);
  today = g_date_time_format (now, "%Y-%m-%d");
  path = budg_database_get_path (budg_context_get_database (context));

  reminders = budg_reminders_collect (context, &settings, today,
                                      (guint) g_date_time_get_hour (now), error);
  if (reminders == NULL)
    return -1;

  groups = budg_reminders_group (reminders, settings.group_threshold);
  for (guint i = 0; i < groups->len; i++)
    {
      GPtrArray *group = g_ptr_array_index (groups, i);
      const BudgReminder *first = g_ptr_array_index (group, 0);
      g_autoptr(GNotification) notification = budg_notifier_build (group, path, today);
      g_autofree char *id = NULL;

      if (first->kind == BUDG_REMINDER_LARGE_TRANSACTION)
        id = g_strdup_printf ("transaction-%" G_GINT64_FORMAT, first->subject_id);
      else if (first->kind == BUDG_REMINDER_BANK_NEEDS_LOGIN)
        id = g_strdup_printf ("bank-%" G_GINT64_FORMAT, first->subject_id);
      else if (!budg_reminder_is_bill (first))
        /* Over the limit replaces the warning of the same period. */
        id = g_strdup_printf ("budget-%" G_GINT64_FORMAT "-%s", first->subject_id, first->occurrence);
      else if (group->len == 1)
        id = budg_notifier_dup_id (first->subject_id, first->occurrence);
      else
        id = g_strdup_printf ("bills-%" G_GINT64_FORMAT "-%s-%u", first->subject_id,
                              first->occurrence, group->len);

      g_application_send_notification (application, id, notification);
    }

  g_debug ("Sent %u reminders in %u notifications", reminders->len, groups->len);

  if (!budg_reminders_mark_sent (context, reminders, error))
    return -1;

  return (int) reminders->len;
}
