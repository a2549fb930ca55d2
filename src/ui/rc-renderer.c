/* rc-renderer.c: which of GTK's renderers draws the app's windows
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <epoxy/gl.h>

#include "rc-renderer.h"

/**
 * rc_renderer_get_gl_name:
 * @display: the display the windows are shown on
 * @error: a location for a #GError
 *
 * Returns: (transfer full): what draws GL on @display, as it names itself
 *   ("llvmpipe (LLVM 15.0.6, 256 bits)", "Mesa Intel(R) HD Graphics 520"),
 *   or %NULL with @error when GL cannot be used there
 */
char *
rc_renderer_get_gl_name (GdkDisplay  *display,
                         GError     **error)
{
  g_autoptr(GdkGLContext) context = NULL;
  const char *name;
  char *copy;

  g_return_val_if_fail (GDK_IS_DISPLAY (display), NULL);

  context = gdk_display_create_gl_context (display, error);
  if (context == NULL || !gdk_gl_context_realize (context, error))
    return NULL;

  gdk_gl_context_make_current (context);
  name = (const char *)glGetString (GL_RENDERER);
  copy = g_strdup (name != NULL ? name : "");
  gdk_gl_context_clear_current ();

  return copy;
}

/**
 * rc_renderer_is_software:
 * @gl_name: what draws GL, as rc_renderer_get_gl_name() gives it
 *
 * Returns: whether GL is drawn by the processor, by one of Mesa's
 *   software rasterisers, rather than by a graphics card
 */
gboolean
rc_renderer_is_software (const char *gl_name)
{
  static const char * const software[] = { "llvmpipe", "softpipe", "swrast" };

  g_return_val_if_fail (gl_name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (software); i++)
    if (strstr (gl_name, software[i]) != NULL)
      return TRUE;

  return FALSE;
}

/**
 * rc_renderer_choose:
 * @display: the display the windows will be shown on
 *
 * Has GTK draw the app's windows on @display with cairo where GL would be
 * drawn by the processor. GTK 4.8 takes GL wherever there is GL; with
 * Mesa's software rasteriser it redraws the whole window at every frame,
 * on the cores the app works on, where cairo redraws only what changed.
 * On a kiosk computer with no graphics driver the app starts faster, in
 * less memory, and its results page holds no frame back
 * (bench/RESULTS.md). A renderer chosen with GSK_RENDERER stands, and
 * GTK 4.14 and later, which weigh llvmpipe themselves, choose alone.
 *
 * Call it before the first window on @display is shown.
 */
void
rc_renderer_choose (GdkDisplay *display)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *gl_name = NULL;

  g_return_if_fail (GDK_IS_DISPLAY (display));

  /* Measured with GTK 4.8 only: later GTK passes over its GPU renderers
   * where GL is llvmpipe in its own way (gskrenderer.c). */
  if (g_getenv ("GSK_RENDERER") != NULL || gtk_get_minor_version () >= 14)
    return;

  gl_name = rc_renderer_get_gl_name (display, &error);
  if (gl_name == NULL)
    {
      g_debug ("No GL (%s): GTK draws with cairo", error->message);
      return;
    }
  if (!rc_renderer_is_software (gl_name))
    {
      g_debug ("GL is drawn by %s", gl_name);
      return;
    }

  g_debug ("GL is drawn by the processor (%s): drawing with cairo", gl_name);
  /* GTK takes a display's renderer from this before GSK_RENDERER, as its
   * inspector does for its own display; setting GSK_RENDERER here would
   * race with the threads GTK and Mesa have started by now. */
  g_object_set_data (G_OBJECT (display), "gsk-renderer", (gpointer)"cairo");
}
