/* budg-validate.c
 *
 * Copyright 2026 The Budg authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "budg-validate"

#include "config.h"

#include <glib/gi18n.h>

#include "budg-error.h"
#include "budg-money.h"
#include "budg-validate.h"

/**
 * budg_validate_name:
 * @what: the kind of thing named, for the message ("account", "category")
 *
 * Returns: (transfer full): @text without surrounding white space, or %NULL
 *   with @error set when it is empty, too long or not UTF-8
 */
char *
budg_validate_name (const char  *text,
                    const char  *what,
                    GError     **error)
{
  g_autofree char *name = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s name is not valid text (invalid UTF-8). Type the name again."), what);
      return NULL;
    }

  name = g_strstrip (g_strdup (text));
  if (name[0] == '\0')
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s needs a name."), what);
      return NULL;
    }

  if (g_utf8_strlen (name, -1) > BUDG_MAX_NAME_LENGTH)
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s name is too long; use at most %d characters."),
                   what, BUDG_MAX_NAME_LENGTH);
      return NULL;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                       _("The %s name contains a control character. Use only printable text."), what);
          return NULL;
        }
    }

  return g_steal_pointer (&name);
}

/**
 * budg_validate_optional:
 *
 * Like budg_validate_name() for optional text (memo, institution, note):
 * %NULL or blank text is fine and gives %NULL without an error.
 */
char *
budg_validate_optional (const char  *text,
                        const char  *what,
                        GError     **error)
{
  g_autofree char *value = NULL;

  if (text == NULL)
    return NULL;

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("The %s is not valid text (invalid UTF-8)."), what);
      return NULL;
    }

  value = g_strstrip (g_strdup (text));
  if (value[0] == '\0')
    return NULL;

  return g_steal_pointer (&value);
}

gboolean
budg_validate_currency (const char  *code,
                        GError     **error)
{
  if (code == NULL || !g_utf8_validate (code, -1, NULL) || !budg_currency_is_known (code))
    {
      g_set_error (error, BUDG_ERROR, BUDG_ERROR_INVALID_INPUT,
                   _("“%s” is not a currency code Budg knows. Use an ISO 4217 code such as USD, EUR or JPY."),
                   code != NULL && g_utf8_validate (code, -1, NULL) ? code : "?");
      return FALSE;
    }

  return TRUE;
}
