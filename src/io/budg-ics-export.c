/* budg-ics-export.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-ics-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <string.h>
#include <unistd.h>

#include "budg-date.h"
#include "budg-error.h"
#include "budg-ics-export.h"
#include "budg-money.h"

#define PRODID "-//Budg//Budg 0.1//EN"

static struct icaltimetype
ical_date (const GDate *date)
{
  struct icaltimetype time = icaltime_null_date ();

  time.year = g_date_get_year (date);
  time.month = g_date_get_month (date);
  time.day = g_date_get_day (date);

  return time;
}

static icalcomponent *
event_for_due (BudgDueBill         *due,
               struct icaltimetype  stamp)
{
  g_autofree char *uid = NULL;
  g_autofree char *amount = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *description = NULL;
  icalcomponent *event;
  GDate day;
  GDate next_day;

  /* The store hands out only valid ISO dates. */
  if (!budg_date_parse (budg_due_bill_get_due_date (due), &day, NULL))
    g_assert_not_reached ();
  next_day = day;
  g_date_add_days (&next_day, 1);

  uid = g_strdup_printf ("due-%" G_GINT64_FORMAT "-%s@budg",
                         budg_due_bill_get_bill_id (due),
                         budg_due_bill_get_occurrence_date (due));
  amount = budg_money_format (budg_due_bill_get_amount_minor (due), budg_due_bill_get_currency (due));
  summary = g_strdup_printf ("%s — %s", budg_due_bill_get_name (due), amount);
  /* TRANSLATORS: the description of a due bill in a calendar app */
  description = g_strdup_printf (_("Account: %s\nStatus: %s"),
                                 budg_due_bill_get_account_name (due),
                                 budg_due_status_get_label (budg_due_bill_get_status (due)));

  event = icalcomponent_new_vevent ();
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  /* All day: a DATE start and the next day as the (exclusive) end, which
   * every calendar app reads the same way. */
  icalcomponent_add_property (event, icalproperty_new_dtstart (ical_date (&day)));
  icalcomponent_add_property (event, icalproperty_new_dtend (ical_date (&next_day)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_description (description));
  /* A bill takes no time, so it never makes the person look busy. */
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  return event;
}

/**
 * budg_ics_export_build:
 * @dues: (element-type BudgDueBill): the due bills, in any order
 *
 * Returns: (transfer full): the iCalendar text, lines ending in CRLF
 */
char *
budg_ics_export_build (GPtrArray *dues)
{
  struct icaltimetype stamp;
  icalcomponent *calendar;
  char *ical_text;
  char *text;

  g_return_val_if_fail (dues != NULL, NULL);

  stamp = icaltime_current_time_with_zone (icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_new_vcalendar ();
  icalcomponent_add_property (calendar, icalproperty_new_prodid (PRODID));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));

  for (guint i = 0; i < dues->len; i++)
    icalcomponent_add_component (calendar, event_for_due (g_ptr_array_index (dues, i), stamp));

  ical_text = icalcomponent_as_ical_string_r (calendar);
  text = g_strdup (ical_text);
  icalmemory_free_buffer (ical_text);
  icalcomponent_free (calendar);

  return text;
}

static gboolean
write_all (int          fd,
           const char  *text,
           gsize        length)
{
  while (length > 0)
    {
      gssize written = write (fd, text, length);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      text += written;
      length -= (gsize) written;
    }

  return TRUE;
}

/* Writes @text to "@path.partial" and renames it over @path; the partial
 * file never outlives a failure. */
static gboolean
write_atomically (const char  *path,
                  const char  *text,
                  GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autofree char *display = g_filename_display_name (path);
  int saved_errno;
  int fd;

  fd = g_open (partial, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved_errno = errno;
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not create the calendar file “%s”: %s. Check that the folder exists and that you can write to it."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  /* fsync before the rename: otherwise a crash could leave an empty file
   * where the old calendar was. */
  if (!write_all (fd, text, strlen (text)) || fsync (fd) != 0)
    {
      saved_errno = errno;
      close (fd);
      g_unlink (partial);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write the calendar file “%s”: %s. Check that there is space on the disk. The old file, if any, is unchanged."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  if (close (fd) != 0 || g_rename (partial, path) != 0)
    {
      saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("Could not write the calendar file “%s”: %s. Check that the name is not a folder and that you can write there."),
                   display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

gboolean
budg_ics_export_file (BudgDueStore  *dues,
                      const char    *from,
                      const char    *to,
                      const char    *path,
                      guint         *out_n_events,
                      GError       **error)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (BUDG_IS_DUE_STORE (dues), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Not materialized: the UIDs come from the bill and the occurrence, so an
   * export never needs to write to the database. */
  list = budg_due_store_list (dues, from, to, 0, FALSE, error);
  if (list == NULL)
    return FALSE;

  text = budg_ics_export_build (list);
  if (!write_atomically (path, text, error))
    return FALSE;

  if (out_n_events != NULL)
    *out_n_events = list->len;

  return TRUE;
}
