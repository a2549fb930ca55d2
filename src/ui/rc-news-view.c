/* rc-news-view.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-accessible.h"
#include "rc-article-view.h"
#include "rc-language.h"
#include "rc-news-sync.h"
#include "rc-news-view.h"

struct _RcNewsView
{
  AdwBin          parent_instance;

  RcNewsStore    *store;
  GListModel     *posts;
  RcArticleView  *article_view;
  GSettings      *settings;
  GCancellable   *sync_cancellable;
  gboolean        kiosk;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack       *feed_stack;
  /* A one-column grid, not a GtkListView: GTK 4.8's list view builds 200
   * rows before it draws (GTK_LIST_VIEW_MAX_LIST_ITEMS), and rows with
   * wrapped text cost 2 ms each, which a feed of 10,000 posts added to
   * every start. The grid view builds 30 (bench/RESULTS.md). */
  GtkGridView    *list_view;
  GtkStack       *article_stack;
  AdwBin         *article_holder;
  GtkWidget      *spinner;
  GtkWidget      *refresh_button;
  GtkRevealer    *notice_revealer;
  GtkLabel       *notice_label;
  GtkButton      *notice_button;
};

G_DEFINE_FINAL_TYPE (RcNewsView, rc_news_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_KIOSK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rc_news_view_new (RcNewsStore *store)
{
  g_return_val_if_fail (RC_IS_NEWS_STORE (store), NULL);

  return g_object_new (RC_TYPE_NEWS_VIEW, "store", store, NULL);
}

/**
 * rc_news_view_get_posts:
 *
 * Returns: (transfer none): the posts the feed lists now
 */
GListModel *
rc_news_view_get_posts (RcNewsView *self)
{
  g_return_val_if_fail (RC_IS_NEWS_VIEW (self), NULL);

  return self->posts;
}

/**
 * rc_news_view_reload:
 *
 * Lists the posts again, in the reader's language, as the search asks.
 */
void
rc_news_view_reload (RcNewsView *self)
{
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkNoSelection) selection = NULL;

  g_return_if_fail (RC_IS_NEWS_VIEW (self));

  g_clear_object (&self->posts);
  self->posts = rc_news_store_list (self->store, search, rc_language_get_interface (), &error);
  if (self->posts == NULL)
    {
      g_warning ("Cannot list the news: %s", error->message);
      self->posts = G_LIST_MODEL (g_list_store_new (RC_TYPE_POST));
    }

  selection = gtk_no_selection_new (g_object_ref (self->posts));
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
  gtk_stack_set_visible_child_name (self->feed_stack,
                                    g_list_model_get_n_items (self->posts) > 0 ? "list" : "empty");
}

static void
on_search_changed (RcNewsView *self)
{
  rc_news_view_reload (self);
}

/**
 * rc_news_view_open_post:
 *
 * Shows @post, as choosing it in the feed does.
 */
void
rc_news_view_open_post (RcNewsView *self,
                        RcPost     *post)
{
  g_return_if_fail (RC_IS_NEWS_VIEW (self));
  g_return_if_fail (RC_IS_POST (post));

  rc_article_view_show_post (self->article_view, post);
  gtk_stack_set_visible_child_name (self->article_stack, "article");
  adw_leaflet_set_visible_child_name (self->leaflet, "article");
}

static void
on_post_activated (RcNewsView *self,
                   guint       position)
{
  g_autoptr(RcPost) post = g_list_model_get_item (self->posts, position);

  if (post != NULL)
    rc_news_view_open_post (self, post);
}

static void
show_notice (RcNewsView *self,
             const char *text,
             const char *button_label,
             const char *button_action)
{
  gtk_label_set_text (self->notice_label, text ? text : "");
  gtk_button_set_label (self->notice_button, button_label ? button_label : "");
  rc_accessible_name_mnemonic_buttons (GTK_WIDGET (self->notice_button));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->notice_button), button_action);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_button), button_label != NULL);
  gtk_revealer_set_reveal_child (self->notice_revealer, text != NULL);
}

/* Without a website, the feed holds only what came with the app: say so,
 * and how to change it. */
static void
update_site_notice (RcNewsView *self)
{
  g_autofree char *site = g_settings_get_string (self->settings, "news-site-url");

  /* Where the posts come from is staff's business, not a visitor's. */
  if (*site == '\0' && !self->kiosk)
    show_notice (self, _("Only the posts that come with the app are shown."),
                 _("Set the _Website…"), "news.set-site");
  else
    show_notice (self, NULL, NULL, NULL);
}

typedef struct
{
  char  *data_dir;
  char  *site;
  guint  n_added;
  guint  n_updated;
} SyncJob;

static void
sync_job_free (SyncJob *job)
{
  g_free (job->data_dir);
  g_free (job->site);
  g_free (job);
}

static void
run_sync (GTask        *task,
          gpointer      source_object,
          gpointer      task_data,
          GCancellable *cancellable)
{
  SyncJob *job = task_data;
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(RcNewsStore) store = NULL;
  GError *error = NULL;

  /* A connection of its own, so the feed stays usable meanwhile. */
  if (!(database = rc_database_open (job->data_dir, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  store = rc_news_store_new (database);
  if (rc_news_sync (store, job->site, NULL, cancellable, &job->n_added, &job->n_updated, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
on_sync_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  RcNewsView *self = RC_NEWS_VIEW (source);
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->sync_cancellable);
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.refresh", !self->kiosk);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Staff see it when they next refresh. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !self->kiosk)
        show_notice (self, error->message, _("_Try Again"), "news.refresh");
      return;
    }

  update_site_notice (self);
  rc_news_view_reload (self);
}

static void
start_sync (RcNewsView *self)
{
  g_autoptr(GTask) task = NULL;
  SyncJob *job;

  if (self->sync_cancellable != NULL)
    return;

  job = g_new0 (SyncJob, 1);
  job->data_dir = g_strdup (rc_database_get_data_dir (rc_news_store_get_database (self->store)));
  job->site = g_settings_get_string (self->settings, "news-site-url");

  self->sync_cancellable = g_cancellable_new ();
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.refresh", FALSE);

  task = g_task_new (self, self->sync_cancellable, on_sync_done, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify)sync_job_free);
  g_task_run_in_thread (task, run_sync);
}

static gboolean
is_site_address (const char *text)
{
  g_autoptr(GUri) uri = NULL;

  if (!(g_str_has_prefix (text, "https://") || g_str_has_prefix (text, "http://")))
    return FALSE;
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0';
}

static void
on_site_entry_changed (GtkEditable      *entry,
                       AdwMessageDialog *dialog)
{
  adw_message_dialog_set_response_enabled (dialog, "save", is_site_address (gtk_editable_get_text (entry)));
}

static void
on_site_response (AdwMessageDialog *dialog,
                  const char       *response,
                  RcNewsView       *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));

  if (!g_str_equal (response, "save"))
    return;

  g_settings_set_string (self->settings, "news-site-url", gtk_editable_get_text (entry));
  update_site_notice (self);
  start_sync (self);
}

static void
set_site_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RcNewsView *self = RC_NEWS_VIEW (widget);
  g_autofree char *site = g_settings_get_string (self->settings, "news-site-url");
  GtkWidget *entry = gtk_entry_new ();
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                                       _("The Centre’s Website"),
                                                       _("The address of the centre’s WordPress site, from "
                                                         "which new and changed posts are fetched.")));
  gtk_editable_set_text (GTK_EDITABLE (entry), site);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "https://example.org");
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_URL);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The address of the centre’s website"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (entry, "changed", G_CALLBACK (on_site_entry_changed), dialog);
  g_signal_connect (dialog, "response", G_CALLBACK (on_site_response), self);
  on_site_entry_changed (GTK_EDITABLE (entry), dialog);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  RcNewsView *self = RC_NEWS_VIEW (widget);
  g_autofree char *site = g_settings_get_string (self->settings, "news-site-url");

  if (*site == '\0')
    set_site_action (widget, "news.set-site", NULL);
  else
    start_sync (self);
}

/* At start, when the computer is online on a connection that does not
 * cost by the byte. */
static void
refresh_when_online (RcNewsView *self)
{
  g_autofree char *site = g_settings_get_string (self->settings, "news-site-url");
  GNetworkMonitor *monitor;

  /* Without a website there is nothing to ask the network about. */
  if (*site == '\0')
    return;

  monitor = g_network_monitor_get_default ();
  if (g_network_monitor_get_network_available (monitor) && !g_network_monitor_get_network_metered (monitor))
    start_sync (self);
}

static void
on_folded_changed (RcNewsView *self)
{
  if (self->article_view != NULL)
    rc_article_view_set_back_visible (self->article_view, adw_leaflet_get_folded (self->leaflet));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RcNewsView *self = RC_NEWS_VIEW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "feed");
}

/* A row of the feed: the title with a mark while unread, the day and the
 * language, a few lines of the start. */
static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  /* A grid, not a horizontal box: a box lays its children out by asking a
   * wrapped label how wide it must be at a given height, which GTK 4.8
   * answers by laying the title out a dozen times, for every row before
   * the first frame (bench/RESULTS.md, Stop 33). */
  GtkWidget *top = gtk_grid_new ();
  GtkWidget *unread = gtk_label_new ("●");
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *meta = gtk_label_new (NULL);
  GtkWidget *excerpt = gtk_label_new (NULL);

  gtk_widget_add_css_class (unread, "accent");
  gtk_widget_set_valign (unread, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (unread, _("Unread"));
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_grid_set_column_spacing (GTK_GRID (top), 6);
  gtk_grid_attach (GTK_GRID (top), unread, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (top), title, 1, 0, 1, 1);

  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_widget_add_css_class (meta, "caption");
  gtk_widget_add_css_class (meta, "dim-label");

  gtk_label_set_wrap (GTK_LABEL (excerpt), TRUE);
  gtk_label_set_lines (GTK_LABEL (excerpt), 3);
  gtk_label_set_ellipsize (GTK_LABEL (excerpt), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (excerpt), 0);
  gtk_widget_add_css_class (excerpt, "dim-label");

  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), meta);
  gtk_box_append (GTK_BOX (box), excerpt);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_item_set_child (item, box);
}

static void
update_row_read (RcPost    *post,
                 GParamSpec *pspec,
                 GtkWidget *unread)
{
  gtk_widget_set_visible (unread, !rc_post_get_read (post));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  RcPost *post = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *top = gtk_widget_get_first_child (box);
  GtkWidget *unread = gtk_widget_get_first_child (top);
  GtkWidget *title = gtk_widget_get_next_sibling (unread);
  GtkWidget *meta = gtk_widget_get_next_sibling (top);
  GtkWidget *excerpt = gtk_widget_get_next_sibling (meta);
  g_autofree char *day = rc_text_format_day_in_words (rc_post_get_published_at (post));
  g_autofree char *meta_text = g_strdup_printf ("%s · %s", day,
                                                rc_text_get_endonym (rc_post_get_language (post)));

  gtk_label_set_text (GTK_LABEL (title), rc_post_get_title (post));
  gtk_label_set_text (GTK_LABEL (meta), meta_text);
  gtk_label_set_text (GTK_LABEL (excerpt), rc_post_get_excerpt (post));
  update_row_read (post, NULL, unread);
  g_signal_connect_object (post, "notify::read", G_CALLBACK (update_row_read), unread, 0);
  /* The grid view may take the item away before it unbinds the row: the
   * row keeps the post it follows. */
  g_object_set_data_full (G_OBJECT (unread), "post", g_object_ref (post), g_object_unref);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *unread = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_list_item_get_child (item)));
  RcPost *post = g_object_get_data (G_OBJECT (unread), "post");

  if (post != NULL)
    g_signal_handlers_disconnect_by_func (post, update_row_read, unread);
  g_object_set_data (G_OBJECT (unread), "post", NULL);
}

static void
rc_news_view_constructed (GObject *object)
{
  RcNewsView *self = RC_NEWS_VIEW (object);

  G_OBJECT_CLASS (rc_news_view_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  self->article_view = RC_ARTICLE_VIEW (rc_article_view_new (self->store));
  adw_bin_set_child (self->article_holder, GTK_WIDGET (self->article_view));
  on_folded_changed (self);
  rc_news_view_reload (self);
  update_site_notice (self);
  refresh_when_online (self);
}

static void
rc_news_view_dispose (GObject *object)
{
  RcNewsView *self = (RcNewsView *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template(). */
  self->article_view = NULL;
  if (self->sync_cancellable != NULL)
    g_cancellable_cancel (self->sync_cancellable);

  G_OBJECT_CLASS (rc_news_view_parent_class)->dispose (object);
}

static void
rc_news_view_finalize (GObject *object)
{
  RcNewsView *self = (RcNewsView *)object;

  g_clear_object (&self->posts);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->sync_cancellable);

  G_OBJECT_CLASS (rc_news_view_parent_class)->finalize (object);
}

static void
rc_news_view_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  RcNewsView *self = RC_NEWS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_KIOSK:
      g_value_set_boolean (value, self->kiosk);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_news_view_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  RcNewsView *self = RC_NEWS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_KIOSK:
      rc_news_view_set_kiosk (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rc_news_view_class_init (RcNewsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rc_news_view_constructed;
  object_class->dispose = rc_news_view_dispose;
  object_class->finalize = rc_news_view_finalize;
  object_class->get_property = rc_news_view_get_property;
  object_class->set_property = rc_news_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RC_TYPE_NEWS_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /* Shown at the survey kiosk, after a quick exit: to read only, with
   * nothing that changes the app's settings or leaves the app. */
  properties[PROP_KIOSK] =
    g_param_spec_boolean ("kiosk", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rc-news-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, feed_stack);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, article_stack);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, article_holder);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, notice_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_post_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);

  gtk_widget_class_install_action (widget_class, "news.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "news.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "news.set-site", NULL, set_site_action);
}

static void
rc_news_view_init (RcNewsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  rc_accessible_name_mnemonic_buttons (GTK_WIDGET (self));
  self->settings = g_settings_new (APP_ID);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_grid_view_set_factory (self->list_view, factory);
}

void
rc_news_view_set_kiosk (RcNewsView *self,
                        gboolean    kiosk)
{
  g_return_if_fail (RC_IS_NEWS_VIEW (self));

  kiosk = !!kiosk;
  if (self->kiosk == kiosk)
    return;

  self->kiosk = kiosk;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.set-site", !kiosk);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "news.refresh", !kiosk);
  gtk_widget_set_visible (self->refresh_button, !kiosk);
  rc_article_view_set_kiosk (self->article_view, kiosk);
  update_site_notice (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIOSK]);
}
