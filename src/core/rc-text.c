/* rc-text.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>

#include "rc-i18n.h"
#include "rc-text.h"

/**
 * rc_text_get:
 * @text: a text
 * @language: "kk", "ru" or "en"
 *
 * Returns: (nullable): @text in @language, or %NULL if it has none
 */
const char *
rc_text_get (const RcText *text,
             const char   *language)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_equal (language, "kk"))
    return text->kk;
  if (g_str_equal (language, "ru"))
    return text->ru;
  if (g_str_equal (language, "en"))
    return text->en;

  return NULL;
}

/**
 * rc_text_pick:
 * @text: a label of a survey definition
 * @language: "kk", "ru" or "en"
 *
 * Returns: (transfer none): @text in @language, or in Russian or Kazakh
 *   when the definition does not have it; never %NULL
 */
const char *
rc_text_pick (const RcText *text,
              const char   *language)
{
  const char *picked;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (language != NULL, NULL);

  picked = rc_text_get (text, language);
  if (picked == NULL)
    picked = text->ru;
  if (picked == NULL)
    picked = text->kk;

  return picked ? picked : "";
}

void
rc_text_clear (RcText *text)
{
  g_clear_pointer (&text->kk, g_free);
  g_clear_pointer (&text->ru, g_free);
  g_clear_pointer (&text->en, g_free);
}

/**
 * rc_text_format_day:
 * @date: "YYYY-MM-DD", or a date and time in ISO 8601
 *
 * Like rc_text_format_day_in_words(), this follows the
 * language of the translations in use, so a report made in Kazakh on a
 * Russian system writes its days the Kazakh way.
 *
 * Returns: (transfer full): the day in figures, or @date itself when it is
 *   not a date
 */
char *
rc_text_format_day (const char *date)
{
  g_autoptr(GDateTime) day = NULL;
  guint year, month, dom;

  g_return_val_if_fail (date != NULL, NULL);

  if (sscanf (date, "%4u-%2u-%2u", &year, &month, &dom) != 3 ||
      !g_date_valid_dmy (dom, month, year) ||
      !(day = g_date_time_new_utc (year, month, dom, 12, 0, 0)))
    return g_strdup (date);

  /* Translators: a day written in figures, as in reports and on charts,
   * in strftime() notation: for example "%d.%m.%Y" */
  return g_date_time_format (day, _("%Y-%m-%d"));
}

/**
 * rc_text_format_day_in_words:
 * @date: "YYYY-MM-DD", or a date and time in ISO 8601
 *
 * The day with its month's name, in the language of the translations in
 * use, as rc_text_format_day() writes figures: the month names of
 * strftime() follow the system's locale, which is seldom the reader's
 * language on a kiosk or on a computer set up in Russian for a Kazakh
 * reader.
 *
 * Returns: (transfer full): the day, such as "3 June 2019", or @date
 *   itself when it is not a date
 */
char *
rc_text_format_day_in_words (const char *date)
{
  static const char * const months[] = {
    /* Translators: a month as a date names it: "3 June 2019" (in Russian,
     * the genitive: "июня") */
    NC_("day of", "January"), NC_("day of", "February"), NC_("day of", "March"),
    NC_("day of", "April"), NC_("day of", "May"), NC_("day of", "June"),
    NC_("day of", "July"), NC_("day of", "August"), NC_("day of", "September"),
    NC_("day of", "October"), NC_("day of", "November"), NC_("day of", "December"),
  };
  guint year, month, dom;

  g_return_val_if_fail (date != NULL, NULL);

  if (sscanf (date, "%4u-%2u-%2u", &year, &month, &dom) != 3 || !g_date_valid_dmy (dom, month, year))
    return g_strdup (date);

  /* Translators: a day with its month's name: %1$u is the day, %2$s the
   * month as translated above and %3$u the year. For example
   * "%3$u жылғы %1$u %2$s" or "%1$u %2$s %3$u г." */
  return g_strdup_printf (_("%1$u %2$s %3$u"), dom, rc_pgettext (months[month - 1]), year);
}

/* Appends @digits, a run of decimal digits, in groups of three. */
static void
append_digits_grouped (GString    *text,
                       const char *digits,
                       gsize       n_digits)
{
  /* Translators: what separates the groups of three digits of a large
   * number, as the comma in "100,000". Russian and Kazakh write a no-break
   * space (U+00A0), so that a number is never cut at the end of a line. */
  const char *separator = rc_pgettext (NC_("digit group separator", ","));

  for (gsize i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
}

/**
 * rc_text_format_count:
 * @count: a number of responses, answers or the like
 *
 * A count as the language of the translations in use writes it, its
 * digits in groups of three: "100,000" in English, "100 000" in Russian and
 * Kazakh. printf()'s grouping would follow the system's locale, as
 * strftime() does, and a coordinator's report in Kazakh may be made on a
 * computer set up in Russian or in English.
 *
 * Returns: (transfer full): the count in figures
 */
char *
rc_text_format_count (gint64 count)
{
  char digits[32];
  GString *text = g_string_sized_new (32);
  const char *first_digit;

  g_snprintf (digits, sizeof digits, "%" G_GINT64_FORMAT, count);
  first_digit = digits[0] == '-' ? digits + 1 : digits;
  g_string_append_len (text, digits, first_digit - digits);
  append_digits_grouped (text, first_digit, strlen (first_digit));

  return g_string_free (text, FALSE);
}

/**
 * rc_text_format_tenths:
 * @value: a number, such as the mean of the answers to a question
 *
 * @value rounded to tenths, written as the language of the translations in
 * use writes it: its digits grouped as rc_text_format_count() groups them,
 * and its decimal separator, "1,234.5" in English, "1 234,5" in Russian
 * and Kazakh. printf() would take the separator from the system's locale.
 *
 * Returns: (transfer full): the number in figures
 */
char *
rc_text_format_tenths (double value)
{
  /* Room for the digits of the largest double. */
  char digits[DBL_MAX_10_EXP + 8];
  GString *text;
  const char *first_digit;
  const char *point;

  if (!isfinite (value))
    return g_strdup (g_ascii_dtostr (digits, sizeof digits, value));

  g_ascii_formatd (digits, sizeof digits, "%.1f", value);
  first_digit = digits[0] == '-' ? digits + 1 : digits;
  point = strchr (first_digit, '.');
  g_assert (point != NULL);
  text = g_string_sized_new (32);
  /* Rounded to nothing, a small negative number has no sign to show. */
  if (first_digit != digits && strspn (first_digit, "0.") < strlen (first_digit))
    g_string_append_c (text, '-');
  append_digits_grouped (text, first_digit, point - first_digit);
  /* Translators: what separates the whole part of a number from its
   * decimals, as the point in "4.5". Russian and Kazakh write a comma. */
  g_string_append (text, rc_pgettext (NC_("decimal separator", ".")));
  g_string_append (text, point + 1);

  return g_string_free (text, FALSE);
}

/**
 * rc_text_get_endonym:
 * @language: "kk", "ru" or "en"
 *
 * Returns: the language's name in itself, as a reader of it looks for it
 */
const char *
rc_text_get_endonym (const char *language)
{
  g_return_val_if_fail (language != NULL, NULL);

  if (g_str_equal (language, "kk"))
    return "Қазақша";
  if (g_str_equal (language, "ru"))
    return "Русский";
  if (g_str_equal (language, "en"))
    return "English";
  return language;
}
