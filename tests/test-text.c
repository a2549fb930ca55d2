/* test-text.c: counts written as each language of the app writes them
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libintl.h>
#include <locale.h>

#include "rc-text.h"

/* glibc caches translations; see rc-language.c. */
extern int _nl_msg_cat_cntr;

static void
use_language (const char *language)
{
  g_setenv ("LANGUAGE", language, TRUE);
  ++_nl_msg_cat_cntr;
}

/* A region's responses run to tens of thousands: their counts are read at
 * a glance only with their digits grouped, and each language groups them
 * its own way, whatever the computer's locale. */
static void
test_count_grouped (void)
{
  static const struct
  {
    gint64      count;
    const char *en;
    const char *ru_kk;
  } counts[] = {
    { 0, "0", "0" },
    { 7, "7", "7" },
    { 999, "999", "999" },
    { 1000, "1,000", "1\u00a0000" },
    { 12345, "12,345", "12\u00a0345" },
    { 100000, "100,000", "100\u00a0000" },
    { 1234567, "1,234,567", "1\u00a0234\u00a0567" },
    { -1234, "-1,234", "-1\u00a0234" },
    { G_MAXINT64, "9,223,372,036,854,775,807", "9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0807" },
    { G_MININT64, "-9,223,372,036,854,775,808", "-9\u00a0223\u00a0372\u00a0036\u00a0854\u00a0775\u00a0808" },
  };
  static const char * const languages[] = { "en", "ru", "kk" };

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      use_language (languages[i]);
      for (guint j = 0; j < G_N_ELEMENTS (counts); j++)
        {
          g_autofree char *text = rc_text_format_count (counts[j].count);

          g_test_message ("%s: %" G_GINT64_FORMAT, languages[i], counts[j].count);
          g_assert_cmpstr (text, ==, i == 0 ? counts[j].en : counts[j].ru_kk);
        }
    }
}

/* The mean of the answers to a number question, as each language writes a
 * number with decimals. */
static void
test_tenths (void)
{
  static const struct
  {
    double      value;
    const char *en;
    const char *ru_kk;
  } values[] = {
    { 0, "0.0", "0,0" },
    { 4.5, "4.5", "4,5" },
    { 34.26, "34.3", "34,3" },
    { -0.04, "0.0", "0,0" },
    { -2.5, "-2.5", "-2,5" },
    { 1234.5, "1,234.5", "1\u00a0234,5" },
    { 1234567.25, "1,234,567.2", "1\u00a0234\u00a0567,2" },
  };
  static const char * const languages[] = { "en", "ru", "kk" };
  g_autofree char *largest = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      use_language (languages[i]);
      for (guint j = 0; j < G_N_ELEMENTS (values); j++)
        {
          g_autofree char *text = rc_text_format_tenths (values[j].value);

          g_test_message ("%s: %g", languages[i], values[j].value);
          g_assert_cmpstr (text, ==, i == 0 ? values[j].en : values[j].ru_kk);
        }
    }

  /* The largest double, all of its 309 digits grouped. */
  use_language ("en");
  largest = rc_text_format_tenths (G_MAXDOUBLE);
  g_assert_true (g_str_has_prefix (largest, "179,769,313,486,231,570,"));
  g_assert_true (g_str_has_suffix (largest, ",858,368.0"));
  g_assert_cmpuint (strlen (largest), ==, 309 + 102 + 2);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  /* LANGUAGE is ignored in the C locale. */
  setlocale (LC_MESSAGES, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("RC_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/count-grouped", test_count_grouped);
  g_test_add_func ("/text/tenths", test_tenths);

  return g_test_run ();
}
