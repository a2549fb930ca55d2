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

  return g_test_run ();
}
