/* rc-test-portal.c: the file chooser of the desktop portal, answered by
 * the test as a person would answer the real one, and its screen saver
 * inhibitor, which GTK then uses for gtk_application_inhibit()
 *
 * A Flatpak build of the app chooses files through this portal. The tests
 * use it too (GDK_DEBUG=portals), so they drive what the app asks and what
 * it does with the answer, not GTK's own dialog, whose sidebar leaks in
 * libcloudproviders and hides the app's leaks under AddressSanitizer.
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "rc-test-portal.h"

#define PORTAL_NAME "org.freedesktop.portal.Desktop"
#define PORTAL_PATH "/org/freedesktop/portal/desktop"

static const char introspection_xml[] =
  "<node>"
  "  <interface name='org.freedesktop.portal.FileChooser'>"
  "    <method name='OpenFile'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='s' name='title' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <method name='SaveFile'>"
  "      <arg type='s' name='parent_window' direction='in'/>"
  "      <arg type='s' name='title' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Inhibit'>"
  "    <method name='Inhibit'>"
  "      <arg type='s' name='window' direction='in'/>"
  "      <arg type='u' name='flags' direction='in'/>"
  "      <arg type='a{sv}' name='options' direction='in'/>"
  "      <arg type='o' name='handle' direction='out'/>"
  "    </method>"
  "    <property name='version' type='u' access='read'/>"
  "  </interface>"
  "  <interface name='org.freedesktop.portal.Request'>"
  "    <method name='Close'/>"
  "  </interface>"
  "</node>";

/* The portal runs on a thread and a connection of its own, as the real one
 * is another process: GTK calls the inhibitor synchronously. */
struct _RcTestPortal
{
  GThread         *thread;
  GMainContext    *context;
  GMainLoop       *loop;
  GMutex           lock;
  GCond            ready;
  GDBusConnection *connection;
  GDBusNodeInfo   *info;
  guint            owner_id;
  guint            file_chooser_id;
  guint            inhibit_id;
  /* Inhibitions not yet closed, by their request's registration. */
  GHashTable      *inhibitions;
  gboolean         owned;
  /* The request the app is waiting on, if any. */
  char            *method;
  GVariant        *options;
  char            *sender;
  char            *handle;
};

static void
clear_request (RcTestPortal *portal)
{
  g_clear_pointer (&portal->method, g_free);
  g_clear_pointer (&portal->options, g_variant_unref);
  g_clear_pointer (&portal->sender, g_free);
  g_clear_pointer (&portal->handle, g_free);
}

/* Where the portal answers a request, as the portal's documentation says:
 * the caller's unique name without its colon, dots made underscores. */
static char *
request_path (const char *sender,
              const char *token)
{
  g_autofree char *caller = g_strdup (sender + 1);

  g_strdelimit (caller, ".", '_');
  return g_strdup_printf ("%s/request/%s/%s", PORTAL_PATH, caller, token);
}

static guint
register_interface (RcTestPortal               *portal,
                    const char                 *path,
                    const char                 *interface_name,
                    const GDBusInterfaceVTable *vtable)
{
  g_autoptr(GError) error = NULL;
  guint id = g_dbus_connection_register_object (portal->connection, path,
                                                g_dbus_node_info_lookup_interface (portal->info, interface_name),
                                                vtable, portal, NULL, &error);

  g_assert_no_error (error);
  return id;
}

/* An inhibition ends when GTK closes its request. */
static void
request_call (GDBusConnection       *connection,
              const char            *sender,
              const char            *object_path,
              const char            *interface_name,
              const char            *method_name,
              GVariant              *parameters,
              GDBusMethodInvocation *invocation,
              gpointer               user_data)
{
  RcTestPortal *portal = user_data;
  gpointer id;

  g_mutex_lock (&portal->lock);
  id = g_hash_table_lookup (portal->inhibitions, object_path);
  g_assert_nonnull (id);
  g_dbus_method_invocation_return_value (invocation, NULL);
  g_dbus_connection_unregister_object (connection, GPOINTER_TO_UINT (id));
  g_hash_table_remove (portal->inhibitions, object_path);
  g_mutex_unlock (&portal->lock);
}

static const GDBusInterfaceVTable request_vtable = { request_call, NULL, NULL, { 0 } };

static void
inhibit (RcTestPortal          *portal,
         const char            *sender,
         GVariant              *parameters,
         GDBusMethodInvocation *invocation)
{
  g_autoptr(GVariant) options = NULL;
  g_autofree char *handle = NULL;
  const char *token = "inhibit";
  guint id;

  g_variant_get (parameters, "(&su@a{sv})", NULL, NULL, &options);
  g_variant_lookup (options, "handle_token", "&s", &token);
  handle = request_path (sender, token);
  id = register_interface (portal, handle, "org.freedesktop.portal.Request", &request_vtable);
  g_mutex_lock (&portal->lock);
  g_hash_table_insert (portal->inhibitions, g_strdup (handle), GUINT_TO_POINTER (id));
  g_mutex_unlock (&portal->lock);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", handle));
}

static void
method_call (GDBusConnection       *connection,
             const char            *sender,
             const char            *object_path,
             const char            *interface_name,
             const char            *method_name,
             GVariant              *parameters,
             GDBusMethodInvocation *invocation,
             gpointer               user_data)
{
  RcTestPortal *portal = user_data;
  const char *token = "file";

  if (g_str_equal (method_name, "Inhibit"))
    {
      inhibit (portal, sender, parameters, invocation);
      return;
    }

  g_mutex_lock (&portal->lock);
  /* The app shows one chooser at a time. */
  g_assert_null (portal->method);

  portal->method = g_strdup (method_name);
  g_variant_get (parameters, "(&s&s@a{sv})", NULL, NULL, &portal->options);
  g_variant_lookup (portal->options, "handle_token", "&s", &token);
  portal->sender = g_strdup (sender);
  portal->handle = request_path (sender, token);
  g_dbus_method_invocation_return_value (invocation, g_variant_new ("(o)", portal->handle));
  g_mutex_unlock (&portal->lock);
}

static GVariant *
get_property (GDBusConnection  *connection,
              const char       *sender,
              const char       *object_path,
              const char       *interface_name,
              const char       *property_name,
              GError          **error,
              gpointer          user_data)
{
  return g_variant_new_uint32 (3);
}

static const GDBusInterfaceVTable vtable = { method_call, get_property, NULL, { 0 } };

static void
name_acquired (GDBusConnection *connection,
               const char      *name,
               gpointer         user_data)
{
  RcTestPortal *portal = user_data;

  g_mutex_lock (&portal->lock);
  portal->owned = TRUE;
  g_cond_signal (&portal->ready);
  g_mutex_unlock (&portal->lock);
}

static gpointer
run_portal (gpointer user_data)
{
  RcTestPortal *portal = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;

  g_main_context_push_thread_default (portal->context);

  address = g_dbus_address_get_for_bus_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);
  portal->connection = g_dbus_connection_new_for_address_sync (address,
                                                               G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                                                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION,
                                                               NULL, NULL, &error);
  g_assert_no_error (error);
  portal->file_chooser_id = register_interface (portal, PORTAL_PATH, "org.freedesktop.portal.FileChooser", &vtable);
  portal->inhibit_id = register_interface (portal, PORTAL_PATH, "org.freedesktop.portal.Inhibit", &vtable);
  portal->owner_id = g_bus_own_name_on_connection (portal->connection, PORTAL_NAME,
                                                   G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                                   name_acquired, NULL, portal, NULL);

  g_main_loop_run (portal->loop);

  {
    GHashTableIter iter;
    gpointer id;

    g_bus_unown_name (portal->owner_id);
    g_hash_table_iter_init (&iter, portal->inhibitions);
    while (g_hash_table_iter_next (&iter, NULL, &id))
      g_dbus_connection_unregister_object (portal->connection, GPOINTER_TO_UINT (id));
    g_dbus_connection_unregister_object (portal->connection, portal->file_chooser_id);
    g_dbus_connection_unregister_object (portal->connection, portal->inhibit_id);
    g_dbus_connection_close_sync (portal->connection, NULL, NULL);
    g_clear_object (&portal->connection);
  }
  g_main_context_pop_thread_default (portal->context);
  return NULL;
}

/* Owns the portal's name on the test's session bus; returns once it does. */
RcTestPortal *
rc_test_portal_start (void)
{
  RcTestPortal *portal = g_new0 (RcTestPortal, 1);
  g_autoptr(GError) error = NULL;

  g_mutex_init (&portal->lock);
  g_cond_init (&portal->ready);
  portal->context = g_main_context_new ();
  portal->loop = g_main_loop_new (portal->context, FALSE);
  portal->info = g_dbus_node_info_new_for_xml (introspection_xml, &error);
  g_assert_no_error (error);
  portal->inhibitions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_mutex_lock (&portal->lock);
  portal->thread = g_thread_new ("portal", run_portal, portal);
  while (!portal->owned)
    g_cond_wait (&portal->ready, &portal->lock);
  g_mutex_unlock (&portal->lock);

  return portal;
}

static gboolean
quit_loop (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

void
rc_test_portal_stop (RcTestPortal *portal)
{
  g_main_context_invoke (portal->context, quit_loop, portal->loop);
  g_thread_join (portal->thread);
  clear_request (portal);
  g_hash_table_unref (portal->inhibitions);
  g_dbus_node_info_unref (portal->info);
  g_main_loop_unref (portal->loop);
  g_main_context_unref (portal->context);
  g_mutex_clear (&portal->lock);
  g_cond_clear (&portal->ready);
  g_free (portal);
}

/* How many times the app keeps the screen from blanking now. */
guint
rc_test_portal_get_n_inhibitions (RcTestPortal *portal)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&portal->lock);

  return g_hash_table_size (portal->inhibitions);
}

/* Whether the app has asked for a file and waits for the answer. */
gboolean
rc_test_portal_has_request (RcTestPortal *portal)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&portal->lock);

  return portal->method != NULL;
}

/* "OpenFile" or "SaveFile". */
const char *
rc_test_portal_get_method (RcTestPortal *portal)
{
  g_assert_nonnull (portal->method);
  return portal->method;
}

/* A string option of the request, such as "current_name" or
 * "accept_label", or the path of "current_folder"; %NULL if not given. */
char *
rc_test_portal_dup_option (RcTestPortal *portal,
                           const char   *name)
{
  g_autoptr(GVariant) value = NULL;

  g_assert_nonnull (portal->method);
  value = g_variant_lookup_value (portal->options, name, NULL);
  if (value == NULL)
    return NULL;
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BYTESTRING))
    return g_variant_dup_bytestring (value, NULL);
  return g_variant_dup_string (value, NULL);
}

/* The option of the choice @id that the app has selected beforehand. */
char *
rc_test_portal_dup_choice (RcTestPortal *portal,
                           const char   *id)
{
  g_autoptr(GVariant) choices = NULL;
  GVariantIter iter;
  const char *choice_id, *selected;

  g_assert_nonnull (portal->method);
  choices = g_variant_lookup_value (portal->options, "choices", G_VARIANT_TYPE ("a(ssa(ss)s)"));
  if (choices == NULL)
    return NULL;
  g_variant_iter_init (&iter, choices);
  while (g_variant_iter_next (&iter, "(&s&s@a(ss)&s)", &choice_id, NULL, NULL, &selected))
    if (g_strcmp0 (choice_id, id) == 0)
      return g_strdup (selected);
  return NULL;
}

/* Whether the choice @id offers @option (by the option's label). */
gboolean
rc_test_portal_offers_choice (RcTestPortal *portal,
                              const char   *id,
                              const char   *option)
{
  g_autoptr(GVariant) choices = NULL;
  GVariantIter iter;
  GVariant *options;
  const char *choice_id;

  g_assert_nonnull (portal->method);
  choices = g_variant_lookup_value (portal->options, "choices", G_VARIANT_TYPE ("a(ssa(ss)s)"));
  if (choices == NULL)
    return FALSE;
  g_variant_iter_init (&iter, choices);
  while (g_variant_iter_next (&iter, "(&s&s@a(ss)&s)", &choice_id, NULL, &options, NULL))
    {
      g_autoptr(GVariant) owned = options;
      GVariantIter option_iter;
      const char *label;

      if (g_strcmp0 (choice_id, id) != 0)
        continue;
      g_variant_iter_init (&option_iter, options);
      while (g_variant_iter_next (&option_iter, "(&s&s)", NULL, &label))
        if (g_strcmp0 (label, option) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Answers as a person who picked @file, and @choice_option for the choice
 * @choice_id if it is not %NULL, then pressed the accept button. */
void
rc_test_portal_choose (RcTestPortal *portal,
                       GFile        *file,
                       const char   *choice_id,
                       const char   *choice_option)
{
  g_autofree char *uri = g_file_get_uri (file);
  const char *uris[] = { uri, NULL };
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder results;

  g_variant_builder_init (&results, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&results, "{sv}", "uris", g_variant_new_strv (uris, -1));
  if (choice_id != NULL)
    {
      GVariantBuilder choices;

      g_variant_builder_init (&choices, G_VARIANT_TYPE ("a(ss)"));
      g_variant_builder_add (&choices, "(ss)", choice_id, choice_option);
      g_variant_builder_add (&results, "{sv}", "choices", g_variant_builder_end (&choices));
    }

  /* 0: the person accepted. */
  locker = g_mutex_locker_new (&portal->lock);
  g_assert_nonnull (portal->method);
  g_dbus_connection_emit_signal (portal->connection, portal->sender, portal->handle,
                                 "org.freedesktop.portal.Request", "Response",
                                 g_variant_new ("(u@a{sv})", 0, g_variant_builder_end (&results)), &error);
  g_assert_no_error (error);
  clear_request (portal);
}
