/* budg-bill-dialog.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-bill-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "budg-amount-row.h"
#include "budg-bill-dialog.h"
#include "budg-bill-store.h"
#include "budg-category-dialog.h"
#include "budg-date-row.h"
#include "budg-date.h"
#include "budg-error.h"
#include "budg-form.h"
#include "budg-money.h"
#include "budg-recurrence.h"

/* The form that creates a bill or changes one: the whole series, or with
 * "from-occurrence-date" this occurrence and the ones after it. The
 * schedule is offered as plain choices that are composed into an RFC 5545
 * RRULE, which is what the store keeps; a rule the choices cannot express
 * is shown as a custom rule, so that opening and saving a bill never
 * changes its dates behind the person's back.
 */

/* The positions of the choices in the "Repeat" combo row of the .ui file. */
typedef enum
{
  REPEAT_DAILY,
  REPEAT_WEEKLY,
  REPEAT_MONTHLY,
  REPEAT_YEARLY,
  REPEAT_TWICE_A_MONTH,
  REPEAT_NTH_WEEKDAY,
  REPEAT_LAST_DAY,
  REPEAT_LAST_WEEKDAY,
  REPEAT_CUSTOM,
} Repeat;

/* The positions of the choices in the "Ends" combo row. */
typedef enum
{
  ENDS_NEVER,
  ENDS_ON_DATE,
  ENDS_AFTER_COUNT,
} Ends;

/* How many upcoming dates the preview lists. */
#define N_PREVIEW 5

/* The last choice of the "Week of the month" row means the last week. */
#define LAST_WEEK_POSITION 4

/* RFC 5545 weekdays, in the order of the "Weekday" row (Monday first). */
static const char * const ical_weekdays[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

struct _BudgBillDialog
{
  AdwWindow            parent_instance;

  BudgContext         *context;
  BudgBill            *bill;
  char                *from_occurrence_date;

  GPtrArray           *accounts;         /* BudgAccount, in the order of account_row */
  GArray              *category_ids;     /* gint64: 0 for None, then the categories */
  guint                category_position;
  GtkWidget           *category_dialog;
  GStrv                preview;
  gboolean             schedule_valid;
  gboolean             loading;
  Repeat               repeat;

  GtkButton           *save_button;
  AdwToastOverlay     *toast_overlay;
  AdwEntryRow         *name_row;
  GtkLabel            *name_error_label;
  AdwEntryRow         *payee_row;
  GtkLabel            *payee_error_label;
  BudgAmountRow       *amount_row;
  GtkSwitch           *estimate_switch;
  BudgAmountRow       *max_row;
  GtkLabel            *amount_error_label;
  GtkSwitch           *income_switch;
  AdwComboRow         *account_row;
  AdwComboRow         *category_row;
  AdwComboRow         *repeat_row;
  AdwActionRow        *interval_row;
  GtkSpinButton       *interval_spin;
  GtkLabel            *interval_unit_label;
  AdwActionRow        *month_day_row;
  GtkSpinButton       *month_day_spin;
  AdwActionRow        *first_day_row;
  GtkSpinButton       *first_day_spin;
  AdwActionRow        *second_day_row;
  GtkSpinButton       *second_day_spin;
  AdwComboRow         *week_row;
  AdwComboRow         *weekday_row;
  AdwEntryRow         *rule_row;
  GtkLabel            *rule_error_label;
  BudgDateRow         *start_row;
  AdwComboRow         *ends_row;
  BudgDateRow         *until_row;
  AdwActionRow        *count_row;
  GtkSpinButton       *count_spin;
  GtkLabel            *ends_error_label;
  AdwComboRow         *weekend_row;
  GtkListBox          *preview_list;
  GtkLabel            *preview_empty_label;
  GtkSwitch           *autopay_switch;
  GtkSpinButton       *lead_spin;
  GtkLabel            *lead_unit_label;
  AdwEntryRow         *notes_row;
  GtkLabel            *notes_error_label;
};

G_DEFINE_FINAL_TYPE (BudgBillDialog, budg_bill_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  PROP_BILL,
  PROP_FROM_OCCURRENCE_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* RRULE text ------------------------------------------------------------- */

static int
compare_parts (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "BYMONTHDAY=-1;FREQ=MONTHLY": the parts in one order and case, without
 * the "RRULE:" name and without INTERVAL=1, which is the default; two
 * rules with the same key are the same rule.
 */
static char *
rule_key (const char *rrule)
{
  g_autofree char *upper = g_ascii_strup (rrule, -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  g_auto(GStrv) split = NULL;
  char *text = g_strstrip (upper);

  if (g_str_has_prefix (text, "RRULE:"))
    text += strlen ("RRULE:");

  split = g_strsplit (text, ";", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      g_strstrip (split[i]);
      if (split[i][0] != '\0' && strcmp (split[i], "INTERVAL=1") != 0)
        g_ptr_array_add (parts, split[i]);
    }

  g_ptr_array_sort (parts, compare_parts);
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (";", (char **) parts->pdata);
}

/* The parts of @rrule by name ("FREQ" → "MONTHLY"). */
static GHashTable *
split_rule (const char *rrule)
{
  g_autofree char *key = rule_key (rrule);
  g_auto(GStrv) parts = g_strsplit (key, ";", -1);
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *equals = strchr (parts[i], '=');

      if (parts[i][0] == '\0')
        continue;
      if (equals == NULL)
        g_hash_table_insert (table, g_strdup (parts[i]), g_strdup (""));
      else
        g_hash_table_insert (table, g_strndup (parts[i], equals - parts[i]), g_strdup (equals + 1));
    }

  return table;
}

/* A day of the month for BYMONTHDAY, where 31 stands for the last day. */
static char *
month_day_value (guint day)
{
  return day >= 31 ? g_strdup ("-1") : g_strdup_printf ("%u", day);
}

/* The inverse of month_day_value(); 0 for anything else. */
static guint
parse_month_day (const char *text)
{
  guint64 day;

  if (g_strcmp0 (text, "-1") == 0)
    return 31;
  if (text != NULL && g_ascii_string_to_unsigned (text, 10, 1, 31, &day, NULL))
    return (guint) day;

  return 0;
}

/* Counting from the start of the month, so that "the 30th" still falls in
 * February, on its last day: the 30th or, where there is none, the last.
 */
static void
append_month_day (GString *rule,
                  guint    day)
{
  if (day >= 31)
    g_string_append (rule, ";BYMONTHDAY=-1");
  else if (day > 28)
    g_string_append_printf (rule, ";BYMONTHDAY=%u,-1;BYSETPOS=1", day);
  else
    g_string_append_printf (rule, ";BYMONTHDAY=%u", day);
}

/* Widgets ---------------------------------------------------------------- */

static guint
spin_value (GtkSpinButton *spin)
{
  return (guint) gtk_spin_button_get_value_as_int (spin);
}

static Repeat
get_repeat (BudgBillDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->repeat_row);

  return selected <= REPEAT_CUSTOM ? (Repeat) selected : REPEAT_MONTHLY;
}

static BudgAccount *
get_selected_account (BudgBillDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->account_row);

  return selected < self->accounts->len ? g_ptr_array_index (self->accounts, selected) : NULL;
}

/* The position of "New Category…", the last item of the category row. */
static guint
new_category_position (BudgBillDialog *self)
{
  return self->category_ids->len;
}

static gint64
get_selected_category_id (BudgBillDialog *self)
{
  return self->category_position < self->category_ids->len
         ? g_array_index (self->category_ids, gint64, self->category_position) : 0;
}

/* Composes the RRULE of the choices. Returns %NULL with @error set when
 * they do not make a rule, and %NULL without an error when nothing has
 * been entered yet (an empty custom rule).
 */
static char *
compose_rrule (BudgBillDialog  *self,
               GError         **error)
{
  g_autoptr(GString) rule = g_string_new (NULL);
  guint interval = spin_value (self->interval_spin);

  switch (get_repeat (self))
    {
    case REPEAT_DAILY:
      g_string_append (rule, "FREQ=DAILY");
      break;

    case REPEAT_WEEKLY:
      g_string_append (rule, "FREQ=WEEKLY");
      break;

    case REPEAT_MONTHLY:
      g_string_append (rule, "FREQ=MONTHLY");
      break;

    case REPEAT_YEARLY:
      g_string_append (rule, "FREQ=YEARLY");
      break;

    case REPEAT_TWICE_A_MONTH:
      {
        guint first = spin_value (self->first_day_spin);
        guint second = spin_value (self->second_day_spin);
        g_autofree char *low = NULL;
        g_autofree char *high = NULL;

        if (first == second)
          {
            g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                         _("Choose two different days of the month."));
            return NULL;
          }

        low = month_day_value (MIN (first, second));
        high = month_day_value (MAX (first, second));
        g_string_append_printf (rule, "FREQ=MONTHLY;BYMONTHDAY=%s,%s", low, high);
        return g_string_free (g_steal_pointer (&rule), FALSE);
      }

    case REPEAT_NTH_WEEKDAY:
      {
        guint week = adw_combo_row_get_selected (self->week_row);
        guint weekday = adw_combo_row_get_selected (self->weekday_row);

        if (weekday >= G_N_ELEMENTS (ical_weekdays))
          weekday = 0;
        g_string_append_printf (rule, "FREQ=MONTHLY;BYDAY=%d%s",
                                week >= LAST_WEEK_POSITION ? -1 : (int) week + 1,
                                ical_weekdays[weekday]);
        return g_string_free (g_steal_pointer (&rule), FALSE);
      }

    case REPEAT_LAST_DAY:
      return g_strdup ("FREQ=MONTHLY;BYMONTHDAY=-1");

    case REPEAT_LAST_WEEKDAY:
      return g_strdup ("FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1");

    case REPEAT_CUSTOM:
    default:
      {
        g_autofree char *text = budg_form_dup_entry_text (self->rule_row);

        if (text == NULL || !budg_recurrence_validate (text, error))
          return NULL;

        return g_steal_pointer (&text);
      }
    }

  if (interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%u", interval);
  if (get_repeat (self) == REPEAT_MONTHLY)
    append_month_day (rule, spin_value (self->month_day_spin));

  return g_string_free (g_steal_pointer (&rule), FALSE);
}

/* Sets the choices that give @rrule for a series from @start. Returns
 * %FALSE when no choice gives exactly that rule; the caller then shows it
 * as a custom rule.
 */
static gboolean
choose_rule (BudgBillDialog *self,
             const char     *rrule,
             const char     *start)
{
  g_autoptr(GHashTable) parts = split_rule (rrule);
  g_autofree char *wanted = NULL;
  g_autofree char *composed = NULL;
  const char *freq = g_hash_table_lookup (parts, "FREQ");
  const char *interval_text = g_hash_table_lookup (parts, "INTERVAL");
  const char *by_month_day = g_hash_table_lookup (parts, "BYMONTHDAY");
  const char *by_day = g_hash_table_lookup (parts, "BYDAY");
  const char *by_set_pos = g_hash_table_lookup (parts, "BYSETPOS");
  guint64 interval = 1;
  Repeat repeat;
  GDate start_date;

  if (freq == NULL || !budg_date_parse (start, &start_date, NULL))
    return FALSE;
  if (interval_text != NULL &&
      !g_ascii_string_to_unsigned (interval_text, 10, 1, 999, &interval, NULL))
    return FALSE;

  /* A plain monthly rule falls on the start's day, which is what the
   * "Day of the month" choice says as long as every month has that day.
   */
  if (g_str_equal (freq, "MONTHLY") && by_month_day == NULL && by_day == NULL &&
      by_set_pos == NULL && g_date_get_day (&start_date) <= 28)
    {
      g_autofree char *day = g_strdup_printf ("%u", g_date_get_day (&start_date));

      g_hash_table_insert (parts, g_strdup ("BYMONTHDAY"), g_strdup (day));
      by_month_day = g_hash_table_lookup (parts, "BYMONTHDAY");
    }

  if (g_str_equal (freq, "DAILY"))
    repeat = REPEAT_DAILY;
  else if (g_str_equal (freq, "WEEKLY"))
    repeat = REPEAT_WEEKLY;
  else if (g_str_equal (freq, "YEARLY"))
    repeat = REPEAT_YEARLY;
  else if (!g_str_equal (freq, "MONTHLY"))
    return FALSE;
  else if (by_day != NULL && by_set_pos != NULL)
    repeat = REPEAT_LAST_WEEKDAY;
  else if (by_day != NULL)
    {
      int position = atoi (by_day);
      const char *day = by_day + strspn (by_day, "+-0123456789");
      guint week;

      repeat = REPEAT_NTH_WEEKDAY;
      week = position < 0 ? LAST_WEEK_POSITION : (guint) CLAMP (position - 1, 0, 3);
      adw_combo_row_set_selected (self->week_row, week);
      for (guint i = 0; i < G_N_ELEMENTS (ical_weekdays); i++)
        if (g_str_equal (day, ical_weekdays[i]))
          adw_combo_row_set_selected (self->weekday_row, i);
    }
  else if (by_month_day != NULL && strchr (by_month_day, ',') != NULL && by_set_pos == NULL)
    {
      g_auto(GStrv) days = g_strsplit (by_month_day, ",", -1);

      if (g_strv_length (days) != 2)
        return FALSE;
      repeat = REPEAT_TWICE_A_MONTH;
      gtk_spin_button_set_value (self->first_day_spin, parse_month_day (days[0]));
      gtk_spin_button_set_value (self->second_day_spin, parse_month_day (days[1]));
    }
  else if (g_strcmp0 (by_month_day, "-1") == 0 && interval == 1)
    repeat = REPEAT_LAST_DAY;
  else if (by_month_day != NULL)
    {
      g_auto(GStrv) days = g_strsplit (by_month_day, ",", 2);

      /* "The 30th, or the last day of shorter months" is "30,-1" with the
       * first of them picked. */
      repeat = REPEAT_MONTHLY;
      gtk_spin_button_set_value (self->month_day_spin, parse_month_day (days[0]));
    }
  else
    return FALSE;

  gtk_spin_button_set_value (self->interval_spin, (double) interval);
  adw_combo_row_set_selected (self->repeat_row, repeat);

  /* The choices were read loosely; they stand only if they give the same rule. */
  {
    GHashTableIter iter;
    gpointer name;
    gpointer value;
    g_autoptr(GString) all = g_string_new (NULL);

    g_hash_table_iter_init (&iter, parts);
    while (g_hash_table_iter_next (&iter, &name, &value))
      g_string_append_printf (all, "%s=%s;", (char *) name, (char *) value);
    wanted = rule_key (all->str);
  }

  composed = compose_rrule (self, NULL);

  if (composed == NULL)
    return FALSE;

  {
    g_autofree char *composed_key = rule_key (composed);

    return g_str_equal (composed_key, wanted);
  }
}

static void
update_units (BudgBillDialog *self)
{
  guint interval = spin_value (self->interval_spin);
  guint lead = spin_value (self->lead_spin);
  const char *unit;

  switch (get_repeat (self))
    {
    case REPEAT_DAILY:
      unit = ngettext ("day", "days", interval);
      break;

    case REPEAT_WEEKLY:
      unit = ngettext ("week", "weeks", interval);
      break;

    case REPEAT_YEARLY:
      unit = ngettext ("year", "years", interval);
      break;

    case REPEAT_MONTHLY:
    case REPEAT_TWICE_A_MONTH:
    case REPEAT_NTH_WEEKDAY:
    case REPEAT_LAST_DAY:
    case REPEAT_LAST_WEEKDAY:
    case REPEAT_CUSTOM:
    default:
      unit = ngettext ("month", "months", interval);
      break;
    }

  gtk_label_set_text (self->interval_unit_label, unit);
  gtk_label_set_text (self->lead_unit_label, ngettext ("day ahead", "days ahead", lead));
}

static void
update_schedule_rows (BudgBillDialog *self)
{
  Repeat repeat = get_repeat (self);
  guint ends = adw_combo_row_get_selected (self->ends_row);

  gtk_widget_set_visible (GTK_WIDGET (self->interval_row), repeat <= REPEAT_YEARLY);
  gtk_widget_set_visible (GTK_WIDGET (self->month_day_row), repeat == REPEAT_MONTHLY);
  gtk_widget_set_visible (GTK_WIDGET (self->first_day_row), repeat == REPEAT_TWICE_A_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->second_day_row), repeat == REPEAT_TWICE_A_MONTH);
  gtk_widget_set_visible (GTK_WIDGET (self->week_row), repeat == REPEAT_NTH_WEEKDAY);
  gtk_widget_set_visible (GTK_WIDGET (self->weekday_row), repeat == REPEAT_NTH_WEEKDAY);
  gtk_widget_set_visible (GTK_WIDGET (self->rule_row), repeat == REPEAT_CUSTOM);
  gtk_widget_set_visible (GTK_WIDGET (self->until_row), ends == ENDS_ON_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->count_row), ends == ENDS_AFTER_COUNT);

  update_units (self);
}

/* Sets the day choices from the start date, which is usually the first due
 * date: "the 15th" or "the third Thursday".
 */
static void
follow_start_date (BudgBillDialog *self)
{
  GDate start;
  guint day;

  if (!budg_date_parse (budg_date_row_get_date (self->start_row), &start, NULL))
    return;

  day = g_date_get_day (&start);
  gtk_spin_button_set_value (self->month_day_spin, day);
  gtk_spin_button_set_value (self->first_day_spin, day);
  adw_combo_row_set_selected (self->week_row, MIN ((day - 1) / 7, LAST_WEEK_POSITION));
  adw_combo_row_set_selected (self->weekday_row, g_date_get_weekday (&start) - G_DATE_MONDAY);
}

static const char *
get_until (BudgBillDialog *self)
{
  return adw_combo_row_get_selected (self->ends_row) == ENDS_ON_DATE
         ? budg_date_row_get_date (self->until_row) : NULL;
}

static guint
get_count (BudgBillDialog *self)
{
  return adw_combo_row_get_selected (self->ends_row) == ENDS_AFTER_COUNT
         ? spin_value (self->count_spin) : 0;
}

static BudgWeekendShift
get_weekend_shift (BudgBillDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->weekend_row);

  if (selected > BUDG_WEEKEND_SHIFT_AFTER)
    return BUDG_WEEKEND_SHIFT_NONE;

  return (BudgWeekendShift) selected;
}

static gboolean
check_ends (BudgBillDialog  *self,
            GError         **error)
{
  const char *until = get_until (self);
  const char *start = budg_date_row_get_date (self->start_row);

  if (until != NULL && strcmp (until, start) < 0)
    {
      g_autofree char *until_text = budg_date_format_short (until);
      g_autofree char *start_text = budg_date_format_short (start);

      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The last date (%s) comes before the first (%s). Choose a later one."),
                   until_text, start_text);
      return FALSE;
    }

  return TRUE;
}

/* The first date the preview shows: the changed occurrence, or today for a
 * series that started already.
 */
static char *
dup_preview_start (BudgBillDialog *self)
{
  const char *start = budg_date_row_get_date (self->start_row);
  g_autofree char *today = budg_date_today ();

  if (self->from_occurrence_date != NULL)
    return g_strdup (self->from_occurrence_date);

  return g_strdup (strcmp (start, today) > 0 ? start : today);
}

/* The next dates of @rrule, at most N_PREVIEW of them; %NULL with @error
 * set when the rule cannot be expanded.
 */
static GArray *
expand_preview (BudgBillDialog  *self,
                const char      *rrule,
                GError         **error)
{
  static const int horizons[] = { 400, 366 * 25 };
  g_autofree char *from = dup_preview_start (self);
  GArray *occurrences = NULL;

  /* Most rules give five dates within a year and a bit; yearly ones need
   * longer, and only they pay for it.
   */
  for (guint i = 0; i < G_N_ELEMENTS (horizons); i++)
    {
      g_autofree char *to = budg_date_add_days (from, horizons[i]);

      g_clear_pointer (&occurrences, g_array_unref);
      occurrences = budg_recurrence_expand (rrule, budg_date_row_get_date (self->start_row),
                                            get_until (self), get_count (self),
                                            get_weekend_shift (self), from, to, error);
      if (occurrences == NULL || occurrences->len >= N_PREVIEW)
        break;
    }

  if (occurrences != NULL && occurrences->len > N_PREVIEW)
    g_array_set_size (occurrences, N_PREVIEW);

  return occurrences;
}

static GtkWidget *
create_preview_row (const BudgOccurrence *occurrence)
{
  g_autofree char *title = budg_date_format_short (occurrence->due_date);
  g_autofree char *subtitle = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *weekday = NULL;
  GtkWidget *row;
  GDate date;

  budg_date_parse (occurrence->due_date, &date, NULL);
  due = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                               g_date_get_day (&date), 0, 0, 0);
  weekday = g_date_time_format (due, "%A");

  if (strcmp (occurrence->due_date, occurrence->occurrence_date) != 0)
    {
      g_autofree char *moved_from = budg_date_format_short (occurrence->occurrence_date);

      /* Translators: a date in the preview of a bill that was moved off a
       * weekend; %1$s is its weekday, %2$s the date the rule gave. */
      subtitle = g_strdup_printf (_("%1$s, moved from %2$s"), weekday, moved_from);
    }
  else
    {
      subtitle = g_steal_pointer (&weekday);
    }

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
set_preview (BudgBillDialog *self,
             GArray         *occurrences,
             const char     *empty_text)
{
  GtkWidget *child;
  g_autoptr(GStrvBuilder) dates = g_strv_builder_new ();

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);

  for (guint i = 0; occurrences != NULL && i < occurrences->len; i++)
    {
      const BudgOccurrence *occurrence = &g_array_index (occurrences, BudgOccurrence, i);

      gtk_list_box_append (self->preview_list, create_preview_row (occurrence));
      g_strv_builder_add (dates, occurrence->due_date);
    }

  g_clear_pointer (&self->preview, g_strfreev);
  self->preview = g_strv_builder_end (dates);

  gtk_widget_set_visible (GTK_WIDGET (self->preview_list),
                          occurrences != NULL && occurrences->len > 0);
  gtk_label_set_text (self->preview_empty_label, empty_text != NULL ? empty_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->preview_empty_label),
                          (occurrences == NULL || occurrences->len == 0) && empty_text != NULL);
}

/* Checks the schedule, shows what is wrong with it under the field that
 * caused it, and previews its next dates. Returns whether it is valid.
 */
static gboolean
update_schedule (BudgBillDialog *self)
{
  g_autoptr(GError) rule_error = NULL;
  g_autoptr(GError) ends_error = NULL;
  g_autoptr(GArray) occurrences = NULL;
  g_autofree char *rrule = compose_rrule (self, &rule_error);
  gboolean ends_ok = check_ends (self, &ends_error);
  GtkWidget *rule_widget;

  if (rrule != NULL && ends_ok)
    occurrences = expand_preview (self, rrule, &rule_error);

  /* A custom rule is wrong in its entry; the other choices in themselves. */
  if (get_repeat (self) == REPEAT_CUSTOM)
    {
      rule_widget = GTK_WIDGET (self->rule_row);
      budg_form_set_field_error (GTK_WIDGET (self->repeat_row), self->rule_error_label, NULL);
    }
  else
    {
      rule_widget = GTK_WIDGET (self->repeat_row);
      budg_form_set_field_error (GTK_WIDGET (self->rule_row), self->rule_error_label, NULL);
    }
  budg_form_set_field_error (rule_widget, self->rule_error_label, rule_error);
  budg_form_set_field_error (GTK_WIDGET (self->until_row), self->ends_error_label, ends_error);

  if (occurrences != NULL)
    set_preview (self, occurrences, _("No more dates: the series has ended."));
  else if (rrule == NULL && rule_error == NULL)
    set_preview (self, NULL, _("Enter a rule to see its dates."));
  else
    set_preview (self, NULL, _("Correct the schedule to see its dates."));

  self->schedule_valid = occurrences != NULL;

  return self->schedule_valid;
}

static gboolean
parse_amounts (BudgBillDialog  *self,
               gint64          *out_amount,
               gint64          *out_max,
               GError         **error)
{
  *out_amount = 0;
  *out_max = 0;

  if (budg_amount_row_is_empty (self->amount_row))
    return FALSE;
  if (!budg_amount_row_parse (self->amount_row, out_amount, error))
    return FALSE;
  if (*out_amount <= 0)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Enter the size of the bill, more than zero. For a deposit, turn on "
                     "“Income” instead."));
      return FALSE;
    }

  if (!gtk_switch_get_active (self->estimate_switch))
    return TRUE;

  if (budg_amount_row_is_empty (self->max_row))
    return FALSE;
  if (!budg_amount_row_parse (self->max_row, out_max, error))
    return FALSE;
  if (*out_max < *out_amount)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The most it can be is less than the expected amount. Enter a larger one."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_name (BudgBillDialog  *self,
            GError         **error)
{
  g_autofree char *name = budg_form_dup_name (self->name_row, _("bill"), error);

  return name != NULL;
}

static gboolean
is_valid (BudgBillDialog *self)
{
  gint64 amount;
  gint64 max;

  return check_name (self, NULL) &&
         budg_form_check_optional (self->payee_row, _("payee"), NULL) &&
         budg_form_check_optional (self->notes_row, _("notes"), NULL) &&
         parse_amounts (self, &amount, &max, NULL) &&
         get_selected_account (self) != NULL &&
         self->schedule_valid;
}

static void
update_save (BudgBillDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save",
                                 !self->loading && is_valid (self));
}

static void
fill_categories (BudgBillDialog *self,
                 gint64          selected_id)
{
  GListModel *categories = G_LIST_MODEL (budg_context_get_categories (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_categories = g_list_model_get_n_items (categories);
  guint position = 0;
  gint64 none = 0;

  g_array_set_size (self->category_ids, 0);
  g_array_append_val (self->category_ids, none);
  gtk_string_list_append (names, _("None"));

  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);
      gint64 id = budg_category_get_id (category);

      if (id == selected_id)
        position = self->category_ids->len;
      g_array_append_val (self->category_ids, id);
      gtk_string_list_append (names, budg_category_get_path (category));
    }

  gtk_string_list_append (names, _("New Category…"));

  self->category_position = position;
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->category_row, position);
}

static void
fill_accounts (BudgBillDialog *self,
               gint64          selected_id)
{
  GListModel *accounts = G_LIST_MODEL (budg_context_get_accounts (self->context));
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_accounts = g_list_model_get_n_items (accounts);
  guint position = 0;

  g_ptr_array_set_size (self->accounts, 0);

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(BudgAccount) account = g_list_model_get_item (accounts, i);

      /* An archived account takes no new bills, but keeps the ones it has. */
      if (budg_account_get_archived (account) && budg_account_get_id (account) != selected_id)
        continue;

      if (budg_account_get_id (account) == selected_id)
        position = self->accounts->len;
      gtk_string_list_append (names, budg_account_get_name (account));
      g_ptr_array_add (self->accounts, g_steal_pointer (&account));
    }

  adw_combo_row_set_model (self->account_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->account_row, position);
}

static void
update_currency (BudgBillDialog *self)
{
  BudgAccount *account = get_selected_account (self);
  const char *currency = account != NULL ? budg_account_get_currency (account) : NULL;

  budg_amount_row_set_currency (self->amount_row, currency);
  budg_amount_row_set_currency (self->max_row, currency);
}

static void
update_amount_error (BudgBillDialog *self)
{
  g_autoptr(GError) error = NULL;
  gint64 amount;
  gint64 max;
  GtkWidget *culprit;
  GtkWidget *other;

  /* Once the amount reads, what is left to be wrong is the maximum. */
  parse_amounts (self, &amount, &max, &error);
  if (gtk_switch_get_active (self->estimate_switch) && amount > 0)
    {
      culprit = GTK_WIDGET (self->max_row);
      other = GTK_WIDGET (self->amount_row);
    }
  else
    {
      culprit = GTK_WIDGET (self->amount_row);
      other = GTK_WIDGET (self->max_row);
    }
  budg_form_set_field_error (other, self->amount_error_label, NULL);
  budg_form_set_field_error (culprit, self->amount_error_label, error);
}

/* Callbacks -------------------------------------------------------------- */

static void
name_changed_cb (BudgBillDialog *self)
{
  g_autoptr(GError) error = NULL;

  check_name (self, &error);
  budg_form_set_field_error (GTK_WIDGET (self->name_row), self->name_error_label, error);
  update_save (self);
}

static void
payee_changed_cb (BudgBillDialog *self)
{
  g_autoptr(GError) error = NULL;

  budg_form_check_optional (self->payee_row, _("payee"), &error);
  budg_form_set_field_error (GTK_WIDGET (self->payee_row), self->payee_error_label, error);
  update_save (self);
}

static void
notes_changed_cb (BudgBillDialog *self)
{
  g_autoptr(GError) error = NULL;

  budg_form_check_optional (self->notes_row, _("notes"), &error);
  budg_form_set_field_error (GTK_WIDGET (self->notes_row), self->notes_error_label, error);
  update_save (self);
}

static void
amount_changed_cb (BudgBillDialog *self)
{
  update_amount_error (self);
  update_save (self);
}

static void
account_changed_cb (BudgBillDialog *self)
{
  update_currency (self);
  update_amount_error (self);
  update_save (self);
}

static void
category_dialog_destroy_cb (BudgBillDialog *self)
{
  GListModel *categories = G_LIST_MODEL (budg_context_get_categories (self->context));
  guint n_categories = g_list_model_get_n_items (categories);
  gint64 selected_id = get_selected_category_id (self);

  self->category_dialog = NULL;

  /* The category the dialog made is the one this list did not have. */
  for (guint i = 0; i < n_categories; i++)
    {
      g_autoptr(BudgCategory) category = g_list_model_get_item (categories, i);
      gint64 id = budg_category_get_id (category);
      gboolean known = FALSE;

      for (guint k = 0; k < self->category_ids->len && !known; k++)
        known = g_array_index (self->category_ids, gint64, k) == id;

      if (!known)
        {
          selected_id = id;
          break;
        }
    }

  fill_categories (self, selected_id);
}

static void
category_changed_cb (BudgBillDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected != new_category_position (self))
    {
      self->category_position = selected;
      return;
    }

  /* "New Category…" is not a category: the row goes back to what it showed
   * while the category is made, and moves to it once it exists.
   */
  adw_combo_row_set_selected (self->category_row, self->category_position);

  if (self->category_dialog != NULL)
    return;

  self->category_dialog = budg_category_dialog_new (self->context, NULL, NULL);
  g_signal_connect_object (self->category_dialog, "destroy",
                           G_CALLBACK (category_dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (self->category_dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (self->category_dialog));
}

static void
schedule_changed_cb (BudgBillDialog *self)
{
  Repeat repeat = get_repeat (self);

  if (self->loading)
    return;

  /* A custom rule starts from the rule of the choice it replaces. */
  if (repeat == REPEAT_CUSTOM && self->repeat != REPEAT_CUSTOM &&
      gtk_editable_get_text (GTK_EDITABLE (self->rule_row))[0] == '\0')
    {
      g_autofree char *previous = NULL;

      self->loading = TRUE;
      adw_combo_row_set_selected (self->repeat_row, self->repeat);
      previous = compose_rrule (self, NULL);
      adw_combo_row_set_selected (self->repeat_row, REPEAT_CUSTOM);
      self->loading = FALSE;

      if (previous != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->rule_row), previous);
    }
  self->repeat = repeat;

  update_schedule_rows (self);
  update_schedule (self);
  update_save (self);
}

static void
start_changed_cb (BudgBillDialog *self)
{
  if (self->loading)
    return;

  self->loading = TRUE;
  follow_start_date (self);
  self->loading = FALSE;

  schedule_changed_cb (self);
}

static void
lead_changed_cb (BudgBillDialog *self)
{
  update_units (self);
}

static void
entry_activated_cb (BudgBillDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.save", NULL);
}

static BudgBill *
create_values (BudgBillDialog *self)
{
  g_autoptr(BudgBill) values = NULL;
  g_autofree char *name = budg_form_dup_entry_text (self->name_row);
  g_autofree char *payee = budg_form_dup_entry_text (self->payee_row);
  g_autofree char *notes = budg_form_dup_entry_text (self->notes_row);
  g_autofree char *rrule = compose_rrule (self, NULL);
  BudgAccount *account = get_selected_account (self);
  gint64 amount;
  gint64 max;

  parse_amounts (self, &amount, &max, NULL);

  /* Starting from a copy keeps what the form does not show, such as the
   * date up to which the bill is settled and whether it is active.
   */
  if (self->bill != NULL)
    values = budg_bill_copy (self->bill);
  else
    values = budg_bill_new (name, budg_account_get_id (account), amount, rrule,
                            budg_date_row_get_date (self->start_row));

  budg_bill_set_name (values, name);
  budg_bill_set_payee (values, payee);
  budg_bill_set_account_id (values, budg_account_get_id (account));
  budg_bill_set_category_id (values, get_selected_category_id (self));
  budg_bill_set_amount_minor (values, amount);
  budg_bill_set_amount_max_minor (values, gtk_switch_get_active (self->estimate_switch) ? max : 0);
  budg_bill_set_is_income (values, gtk_switch_get_active (self->income_switch));
  budg_bill_set_rrule (values, rrule);
  budg_bill_set_start_date (values, budg_date_row_get_date (self->start_row));
  budg_bill_set_end_date (values, get_until (self));
  budg_bill_set_count (values, get_count (self));
  budg_bill_set_weekend_shift (values, get_weekend_shift (self));
  budg_bill_set_autopay (values, gtk_switch_get_active (self->autopay_switch));
  budg_bill_set_lead_days (values, spin_value (self->lead_spin));
  budg_bill_set_notes (values, notes);

  return g_steal_pointer (&values);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  BudgBillDialog *self = BUDG_BILL_DIALOG (widget);
  BudgBillStore *store = budg_context_get_bills (self->context);
  g_autoptr(BudgBill) values = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Enter in a field comes here even while the form is incomplete. */
  if (!is_valid (self))
    return;

  values = create_values (self);

  if (self->bill == NULL)
    ok = budg_bill_store_create (store, values, &error) != NULL;
  else if (self->from_occurrence_date != NULL)
    ok = budg_bill_store_update_from (store, self->bill, values, self->from_occurrence_date,
                                      &error) != NULL;
  else
    ok = budg_bill_store_update (store, self->bill, values, &error);

  if (!ok)
    {
      budg_form_add_error_toast (self->toast_overlay, error);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/* Setup ------------------------------------------------------------------ */

static void
load_bill (BudgBillDialog *self)
{
  BudgBill *bill = self->bill;
  const char *payee = budg_bill_get_payee (bill);
  const char *notes = budg_bill_get_notes (bill);
  const char *currency = budg_bill_get_currency (bill);
  const char *end_date = budg_bill_get_end_date (bill);
  g_autofree char *amount_text = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), budg_bill_get_name (bill));
  gtk_editable_set_text (GTK_EDITABLE (self->payee_row), payee != NULL ? payee : "");
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), notes != NULL ? notes : "");

  amount_text = budg_money_format_plain (budg_bill_get_amount_minor (bill), currency);
  gtk_editable_set_text (GTK_EDITABLE (self->amount_row), amount_text);
  if (budg_bill_get_amount_max_minor (bill) != 0)
    {
      g_autofree char *max_text = budg_money_format_plain (budg_bill_get_amount_max_minor (bill),
                                                           currency);

      gtk_switch_set_active (self->estimate_switch, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->max_row), max_text);
    }

  gtk_switch_set_active (self->income_switch, budg_bill_get_is_income (bill));
  gtk_switch_set_active (self->autopay_switch, budg_bill_get_autopay (bill));
  gtk_spin_button_set_value (self->lead_spin, budg_bill_get_lead_days (bill));
  adw_combo_row_set_selected (self->weekend_row, budg_bill_get_weekend_shift (bill));

  budg_date_row_set_date (self->start_row, budg_bill_get_start_date (bill));
  if (end_date != NULL)
    {
      budg_date_row_set_date (self->until_row, end_date);
      adw_combo_row_set_selected (self->ends_row, ENDS_ON_DATE);
    }
  else if (budg_bill_get_count (bill) > 0)
    {
      gtk_spin_button_set_value (self->count_spin, budg_bill_get_count (bill));
      adw_combo_row_set_selected (self->ends_row, ENDS_AFTER_COUNT);
    }

  follow_start_date (self);
  if (!choose_rule (self, budg_bill_get_rrule (bill), budg_bill_get_start_date (bill)))
    {
      adw_combo_row_set_selected (self->repeat_row, REPEAT_CUSTOM);
      gtk_editable_set_text (GTK_EDITABLE (self->rule_row), budg_bill_get_rrule (bill));
    }
}

static void
budg_bill_dialog_constructed (GObject *object)
{
  BudgBillDialog *self = BUDG_BILL_DIALOG (object);
  gint64 account_id = 0;
  gint64 category_id = 0;

  G_OBJECT_CLASS (budg_bill_dialog_parent_class)->constructed (object);

  g_assert (BUDG_IS_CONTEXT (self->context));

  self->loading = TRUE;

  if (self->bill != NULL)
    {
      account_id = budg_bill_get_account_id (self->bill);
      category_id = budg_bill_get_category_id (self->bill);
    }
  fill_accounts (self, account_id);
  fill_categories (self, category_id);
  update_currency (self);

  if (self->bill != NULL)
    {
      load_bill (self);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Bill"));
      gtk_button_set_label (self->save_button, _("_Save"));
    }
  else
    {
      GSettings *settings = budg_context_get_settings (self->context);

      /* How early a new bill is reminded of is a preference. */
      if (settings != NULL)
        gtk_spin_button_set_value (self->lead_spin, g_settings_get_uint (settings, "default-lead-days"));
      follow_start_date (self);
      gtk_window_set_title (GTK_WINDOW (self), _("New Bill"));
      gtk_button_set_label (self->save_button, _("_Add"));
    }

  /* The later part of a series starts where it was split; the store sets
   * that date whatever the form says.
   */
  if (self->from_occurrence_date != NULL)
    {
      g_autofree char *from = budg_date_format_short (self->from_occurrence_date);
      g_autofree char *subtitle = NULL;

      budg_date_row_set_date (self->start_row, self->from_occurrence_date);
      gtk_widget_set_sensitive (GTK_WIDGET (self->start_row), FALSE);
      /* Translators: %s is the date of the occurrence being changed. */
      subtitle = g_strdup_printf (_("The changes apply from %s on"), from);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->start_row), subtitle);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit This and Later Bills"));
    }

  self->repeat = get_repeat (self);
  self->loading = FALSE;

  update_schedule_rows (self);
  update_schedule (self);
  update_save (self);
}

static void
budg_bill_dialog_map (GtkWidget *widget)
{
  BudgBillDialog *self = BUDG_BILL_DIALOG (widget);

  GTK_WIDGET_CLASS (budg_bill_dialog_parent_class)->map (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
}

static void
budg_bill_dialog_dispose (GObject *object)
{
  BudgBillDialog *self = BUDG_BILL_DIALOG (object);

  if (self->category_dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->category_dialog, self);
      self->category_dialog = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), BUDG_TYPE_BILL_DIALOG);

  g_clear_object (&self->context);
  g_clear_object (&self->bill);
  g_clear_pointer (&self->accounts, g_ptr_array_unref);

  G_OBJECT_CLASS (budg_bill_dialog_parent_class)->dispose (object);
}

static void
budg_bill_dialog_finalize (GObject *object)
{
  BudgBillDialog *self = BUDG_BILL_DIALOG (object);

  g_clear_pointer (&self->from_occurrence_date, g_free);
  g_clear_pointer (&self->category_ids, g_array_unref);
  g_clear_pointer (&self->preview, g_strfreev);

  G_OBJECT_CLASS (budg_bill_dialog_parent_class)->finalize (object);
}

static void
budg_bill_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  BudgBillDialog *self = BUDG_BILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;

    case PROP_BILL:
      g_value_set_object (value, self->bill);
      break;

    case PROP_FROM_OCCURRENCE_DATE:
      g_value_set_string (value, self->from_occurrence_date);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_bill_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  BudgBillDialog *self = BUDG_BILL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;

    case PROP_BILL:
      self->bill = g_value_dup_object (value);
      break;

    case PROP_FROM_OCCURRENCE_DATE:
      self->from_occurrence_date = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
budg_bill_dialog_class_init (BudgBillDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (BUDG_TYPE_AMOUNT_ROW);
  g_type_ensure (BUDG_TYPE_DATE_ROW);

  object_class->constructed = budg_bill_dialog_constructed;
  object_class->dispose = budg_bill_dialog_dispose;
  object_class->finalize = budg_bill_dialog_finalize;
  object_class->get_property = budg_bill_dialog_get_property;
  object_class->set_property = budg_bill_dialog_set_property;

  widget_class->map = budg_bill_dialog_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL,
                         BUDG_TYPE_CONTEXT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* The bill to change, or %NULL to create one. */
  properties[PROP_BILL] =
    g_param_spec_object ("bill", NULL, NULL,
                         BUDG_TYPE_BILL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* With a bill: the occurrence (its ISO date as the rule gives it) from
   * which on the changes apply, "this and all future ones"; %NULL changes
   * the whole series.
   */
  properties[PROP_FROM_OCCURRENCE_DATE] =
    g_param_spec_string ("from-occurrence-date", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/budg-bill-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, name_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, payee_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, payee_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, amount_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, estimate_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, max_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, amount_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, income_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, account_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, interval_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, interval_unit_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, month_day_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, month_day_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, first_day_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, first_day_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, second_day_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, second_day_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, week_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, rule_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, rule_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, until_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, count_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, ends_error_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, weekend_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, preview_empty_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, autopay_switch);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, lead_spin);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, lead_unit_label);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, BudgBillDialog, notes_error_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, payee_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, notes_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, amount_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, schedule_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, lead_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
budg_bill_dialog_init (BudgBillDialog *self)
{
  self->accounts = g_ptr_array_new_with_free_func (g_object_unref);
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * budg_bill_dialog_new:
 * @context: the context whose bills are edited
 * @bill: (nullable): the bill to change, or %NULL to create one
 * @from_occurrence_date: (nullable): with @bill, the occurrence from which
 *   on the changes apply; %NULL changes the whole series
 *
 * Creates the form; the caller makes it transient for its window and
 * presents it. It closes itself once the bill is saved.
 *
 * Returns: (transfer none): a new #BudgBillDialog, owned by GTK like every
 *   toplevel window
 */
GtkWidget *
budg_bill_dialog_new (BudgContext *context,
                      BudgBill    *bill,
                      const char  *from_occurrence_date)
{
  g_return_val_if_fail (BUDG_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (bill == NULL || BUDG_IS_BILL (bill), NULL);
  g_return_val_if_fail (from_occurrence_date == NULL || bill != NULL, NULL);

  return g_object_new (BUDG_TYPE_BILL_DIALOG,
                       "context", context,
                       "bill", bill,
                       "from-occurrence-date", from_occurrence_date,
                       NULL);
}

/**
 * budg_bill_dialog_get_context:
 * @self: a #BudgBillDialog
 *
 * Returns: (transfer none): the context of @self
 */
BudgContext *
budg_bill_dialog_get_context (BudgBillDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BILL_DIALOG (self), NULL);

  return self->context;
}

/**
 * budg_bill_dialog_get_bill:
 * @self: a #BudgBillDialog
 *
 * Returns: (transfer none) (nullable): the bill being changed, or %NULL
 *   when @self creates one
 */
BudgBill *
budg_bill_dialog_get_bill (BudgBillDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BILL_DIALOG (self), NULL);

  return self->bill;
}

/**
 * budg_bill_dialog_get_from_occurrence_date:
 * @self: a #BudgBillDialog
 *
 * Returns: (nullable): the occurrence from which on the changes apply, or
 *   %NULL when they apply to the whole series
 */
const char *
budg_bill_dialog_get_from_occurrence_date (BudgBillDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BILL_DIALOG (self), NULL);

  return self->from_occurrence_date;
}

/**
 * budg_bill_dialog_set_account_id:
 * @self: a #BudgBillDialog
 * @account_id: an account id, or 0 to leave the choice as it is
 *
 * Chooses the account the bill is paid from, such as the one selected in
 * the window when the form was opened.
 */
void
budg_bill_dialog_set_account_id (BudgBillDialog *self,
                                 gint64          account_id)
{
  g_return_if_fail (BUDG_IS_BILL_DIALOG (self));

  for (guint i = 0; account_id != 0 && i < self->accounts->len; i++)
    {
      if (budg_account_get_id (g_ptr_array_index (self->accounts, i)) == account_id)
        {
          adw_combo_row_set_selected (self->account_row, i);
          return;
        }
    }
}

/**
 * budg_bill_dialog_dup_rrule:
 * @self: a #BudgBillDialog
 *
 * Returns: (transfer full) (nullable): the RRULE the schedule's choices
 *   compose, or %NULL while they do not make a valid one
 */
char *
budg_bill_dialog_dup_rrule (BudgBillDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BILL_DIALOG (self), NULL);

  return compose_rrule (self, NULL);
}

/**
 * budg_bill_dialog_dup_preview:
 * @self: a #BudgBillDialog
 *
 * Returns: (transfer full): the due dates the preview lists, ISO 8601, at
 *   most five; empty while the schedule is not valid
 */
GStrv
budg_bill_dialog_dup_preview (BudgBillDialog *self)
{
  g_return_val_if_fail (BUDG_IS_BILL_DIALOG (self), NULL);

  return self->preview != NULL ? g_strdupv (self->preview) : g_new0 (char *, 1);
}
