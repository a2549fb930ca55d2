/* rc-news-view.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "rc-article-view.h"
#include "rc-language.h"
#include "rc-news-view.h"

struct _RcNewsView
{
  AdwBin          parent_instance;

  RcNewsStore    *store;
  GListModel     *posts;
  RcArticleView  *article_view;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack       *feed_stack;
  GtkListView    *list_view;
  GtkStack       *article_stack;
  AdwBin         *article_holder;
};

G_DEFINE_FINAL_TYPE (RcNewsView, rc_news_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
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
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
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
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
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
  gtk_box_append (GTK_BOX (top), unread);
  gtk_box_append (GTK_BOX (top), title);

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
  g_autofree char *day = rc_language_format_day (rc_post_get_published_at (post));
  g_autofree char *meta_text = g_strdup_printf ("%s · %s", day,
                                                rc_language_get_endonym (rc_post_get_language (post)));

  gtk_label_set_text (GTK_LABEL (title), rc_post_get_title (post));
  gtk_label_set_text (GTK_LABEL (meta), meta_text);
  gtk_label_set_text (GTK_LABEL (excerpt), rc_post_get_excerpt (post));
  update_row_read (post, NULL, unread);
  g_signal_connect_object (post, "notify::read", G_CALLBACK (update_row_read), unread, 0);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *unread = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_list_item_get_child (item)));

  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update_row_read, unread);
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
}

static void
rc_news_view_dispose (GObject *object)
{
  RcNewsView *self = (RcNewsView *)object;

  /* AdwBin unparents its child itself: no gtk_widget_dispose_template(). */
  self->article_view = NULL;

  G_OBJECT_CLASS (rc_news_view_parent_class)->dispose (object);
}

static void
rc_news_view_finalize (GObject *object)
{
  RcNewsView *self = (RcNewsView *)object;

  g_clear_object (&self->posts);
  g_clear_object (&self->store);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/rc-news-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, feed_stack);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, article_stack);
  gtk_widget_class_bind_template_child (widget_class, RcNewsView, article_holder);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_post_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_folded_changed);

  gtk_widget_class_install_action (widget_class, "news.back", NULL, back_action);
}

static void
rc_news_view_init (RcNewsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
}
