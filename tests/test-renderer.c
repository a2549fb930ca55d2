/* test-renderer.c: what draws the app's windows where GL is drawn by the
 * processor, as on a kiosk computer with no graphics driver
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gtk/gtk.h>
/* Not in gtk.h in GTK 4.8 */
#include <gsk/gl/gskglrenderer.h>

#include "rc-renderer.h"
#include "rc-test-ui.h"

static void
test_software_named (void)
{
  static const struct
  {
    const char *gl_name;
    gboolean    software;
  } names[] = {
    { "llvmpipe (LLVM 15.0.6, 256 bits)", TRUE },
    { "softpipe", TRUE },
    { "Mesa DRI swrast", TRUE },
    { "Mesa Intel(R) HD Graphics 520 (SKL GT2)", FALSE },
    { "AMD Radeon RX 580 Series (polaris10, LLVM 15.0.6, DRM 3.49, 6.1.0-13-amd64)", FALSE },
    { "NVIDIA GeForce GT 710/PCIe/SSE2", FALSE },
    { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_test_message ("%s", names[i].gl_name);
      g_assert_cmpint (rc_renderer_is_software (names[i].gl_name), ==, names[i].software);
    }
}

/* Which renderer draws a window shown after rc_renderer_choose(), or
 * without it. */
static GType
renderer_of_a_window (gboolean choose)
{
  GtkWidget *window;
  GType type;

  if (choose)
    rc_renderer_choose (gdk_display_get_default ());
  window = gtk_window_new ();
  gtk_window_present (GTK_WINDOW (window));
  rc_test_wait_until (gtk_widget_get_mapped (window));
  type = G_OBJECT_TYPE (gtk_native_get_renderer (GTK_NATIVE (window)));
  gtk_window_destroy (GTK_WINDOW (window));

  return type;
}

static gboolean
gl_is_software_here (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gl_name = rc_renderer_get_gl_name (gdk_display_get_default (), &error);

  if (gl_name == NULL)
    g_test_message ("No GL here: %s", error->message);
  else
    g_test_message ("GL here: %s", gl_name);

  return gl_name != NULL && rc_renderer_is_software (gl_name);
}

/* Where GL is the processor's, GTK 4.8 takes it all the same; the app
 * takes cairo, which redraws only what changed; a renderer chosen with
 * GSK_RENDERER stands. Each case runs in a process of its own, as each
 * start of the app: GTK reads GSK_RENDERER once, for its first window. */
typedef struct
{
  const char *path;
  const char *gsk_renderer;     /* as set by whoever started the app, or NULL */
  gboolean    choose;           /* the app's choice, or GTK's alone */
  GType     (*drawn_by) (void);
} Case;

static const Case cases[] = {
  { "/renderer/software-gl-drawn-with-cairo/gtk-alone", NULL, FALSE, gsk_gl_renderer_get_type },
  { "/renderer/software-gl-drawn-with-cairo/app", NULL, TRUE, gsk_cairo_renderer_get_type },
  { "/renderer/software-gl-drawn-with-cairo/chosen", "gl", TRUE, gsk_gl_renderer_get_type },
};

static void
test_case (gconstpointer data)
{
  const Case *test = data;

  if (!g_test_subprocess ())
    {
      g_test_skip ("Run in a process of its own by /renderer/software-gl-drawn-with-cairo");
      return;
    }

  if (test->gsk_renderer != NULL)
    g_setenv ("GSK_RENDERER", test->gsk_renderer, TRUE);
  else
    g_unsetenv ("GSK_RENDERER");
  g_assert_true (g_type_is_a (renderer_of_a_window (test->choose), test->drawn_by ()));
}

static void
test_software_gl_drawn_with_cairo (void)
{
  if (gtk_get_minor_version () >= 14)
    {
      g_test_skip ("GTK 4.14 and later weigh llvmpipe themselves");
      return;
    }
  if (!gl_is_software_here ())
    {
      g_test_skip ("GL here is not drawn by the processor");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_trap_subprocess (cases[i].path, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  rc_test_ui_init ();

  g_test_add_func ("/renderer/software-named", test_software_named);
  g_test_add_func ("/renderer/software-gl-drawn-with-cairo", test_software_gl_drawn_with_cairo);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_case);

  return g_test_run ();
}
