/* rc-html-blocks.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>
#include <string.h>

#include "rc-html-blocks.h"

/* Deeper than any real post: past it, the rest is dropped rather than
 * followed. */
#define MAX_DEPTH 64

/* What a WordPress page wraps around a post but is not the post: its
 * "related posts", sharing buttons and the like. Only whole class names
 * count, so that a post's own "social-services" or "shared-content" stays. */
static const char * const dropped_classes[] = {
  "related", "share", "social",
};

/* The beginnings of the class names that sharing and related-posts plugins
 * (Jetpack, AddToAny, YARPP and the like) and Gutenberg's social icons give
 * their blocks and each part of them. */
static const char * const dropped_class_prefixes[] = {
  "sharedaddy", "sd-sharing", "sd-social", "share-", "social-share", "jp-relatedposts",
  "jp-related-posts", "related-posts", "wp-block-social-link", "addtoany", "a2a_", "yarpp",
  "crp_related", "heateor_sss", "shareaholic", "sharethis",
};

static const char * const dropped_elements[] = {
  "script", "style", "iframe", "form", "noscript", "svg", "button", "input", "select",
  "textarea", "nav", "footer", "header", "aside", "object", "embed", "video", "audio",
};

static gboolean
name_is (xmlNode    *node,
         const char *name)
{
  return node->type == XML_ELEMENT_NODE && g_ascii_strcasecmp ((const char *)node->name, name) == 0;
}

/* The class names of @node, in lower case as CSS matches them in HTML; NULL
 * when it has none. */
static GStrv
class_names (xmlNode *node)
{
  g_autofree char *classes = NULL;
  xmlChar *attribute;

  if (node->type != XML_ELEMENT_NODE ||
      (attribute = xmlGetProp (node, (const xmlChar *)"class")) == NULL)
    return NULL;
  classes = g_ascii_strdown ((const char *)attribute, -1);
  xmlFree (attribute);

  /* Split where HTML splits them; runs of white space leave empty names,
   * which match nothing. */
  return g_strsplit_set (classes, " \t\n\f\r", -1);
}

static gboolean
has_class (xmlNode    *node,
           const char *name)
{
  g_auto(GStrv) names = class_names (node);

  return names != NULL && g_strv_contains ((const char * const *)names, name);
}

static gboolean
is_dropped (xmlNode *node)
{
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dropped_elements); i++)
    {
      if (name_is (node, dropped_elements[i]))
        return TRUE;
    }

  if ((names = class_names (node)) == NULL)
    return FALSE;

  for (guint n = 0; names[n] != NULL; n++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (dropped_classes); i++)
        {
          if (g_str_equal (names[n], dropped_classes[i]))
            return TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (dropped_class_prefixes); i++)
        {
          if (g_str_has_prefix (names[n], dropped_class_prefixes[i]))
            return TRUE;
        }
    }

  return FALSE;
}

static const char * const separated_elements[] = {
  "p", "div", "ul", "ol", "li", "table", "tr", "td", "th", "blockquote", "cite", "figcaption",
  "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
};

static void
separate_words (GString *out)
{
  if (out->len > 0 && out->str[out->len - 1] != ' ' && out->str[out->len - 1] != '\n')
    g_string_append_c (out, ' ');
}

static gboolean
is_separated (xmlNode *node)
{
  for (guint i = 0; i < G_N_ELEMENTS (separated_elements); i++)
    {
      if (name_is (node, separated_elements[i]))
        return TRUE;
    }

  return FALSE;
}

/* Any run of white space, however the page wrote it, is one space. */
static void
append_words (GString    *out,
              const char *words)
{
  for (const char *p = words; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x00A0)
        separate_words (out);
      else
        g_string_append_unichar (out, c);
    }
}

/* The words of @node as a reader sees them: one space between words, line
 * breaks kept where the page breaks lines. */
static void
append_text (GString *out,
             xmlNode *node,
             guint    depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        append_words (out, (const char *)child->content);
      else if (child->type == XML_ELEMENT_NODE && !is_dropped (child))
        {
          if (name_is (child, "br"))
            {
              while (out->len > 0 && out->str[out->len - 1] == ' ')
                g_string_truncate (out, out->len - 1);
              g_string_append_c (out, '\n');
            }
          else if (is_separated (child))
            {
              separate_words (out);
              append_text (out, child, depth + 1);
              separate_words (out);
            }
          else
            append_text (out, child, depth + 1);
        }
    }
}

static char *
node_text (xmlNode *node)
{
  g_autoptr(GString) out = g_string_new (NULL);

  append_text (out, node, 0);
  return g_strstrip (g_strdup (out->str));
}

static char *
absolute_url (const char *url,
              const char *base_url)
{
  xmlChar *built;
  char *result;

  if (url == NULL)
    return NULL;
  if (base_url == NULL)
    return g_strdup (url);

  built = xmlBuildURI ((const xmlChar *)url, (const xmlChar *)base_url);
  result = g_strdup (built ? (const char *)built : url);
  xmlFree (built);
  return result;
}

static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetProp (node, (const xmlChar *)name);
  char *copy = value ? g_strdup ((const char *)value) : NULL;

  xmlFree (value);
  return copy;
}

/* The app opens links in the browser: only web pages, anything else (mail,
 * phone, script) is no link to it. */
static gboolean
is_web_url (const char *url)
{
  return url != NULL && (g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://"));
}

/* Where @link leads, made absolute against the post's address, or NULL when
 * it is not a web page. */
static char *
link_url (xmlNode    *link,
          const char *base_url)
{
  g_autofree char *href = get_attribute (link, "href");
  g_autofree char *url = absolute_url (href, base_url);

  return is_web_url (url) ? g_steal_pointer (&url) : NULL;
}

static void
collect_link (xmlNode    *link,
              const char *base_url,
              JsonArray  *links)
{
  g_autofree char *url = link_url (link, base_url);
  g_autofree char *text = NULL;
  JsonObject *object;

  /* A link with no words has none to be found by in the text: a linked
   * image's link is kept with the image. */
  if (url == NULL || *(text = node_text (link)) == '\0')
    return;

  object = json_object_new ();
  json_object_set_string_member (object, "text", text);
  json_object_set_string_member (object, "url", url);
  json_array_add_object_element (links, object);
}

/* The links within @node, in reading order, as a paragraph's "links" holds
 * them: only those whose words are in the text, so none of what is dropped. */
static void
collect_links (xmlNode    *node,
               const char *base_url,
               JsonArray  *links,
               guint       depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_dropped (child))
        continue;

      if (name_is (child, "a"))
        collect_link (child, base_url, links);
      else
        collect_links (child, base_url, links, depth + 1);
    }
}

static void
add_text_block (JsonArray  *blocks,
                const char *type,
                const char *text)
{
  JsonObject *block;

  if (text == NULL || *text == '\0')
    return;

  block = json_object_new ();
  json_object_set_string_member (block, "type", type);
  json_object_set_string_member (block, "text", text);
  json_array_add_object_element (blocks, block);
}

/* The only link of an element, when it is nothing but that link. */
static xmlNode *
sole_link (xmlNode *node)
{
  xmlNode *link = NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        {
          g_autofree char *text = g_strstrip (g_strdup ((const char *)child->content));

          if (*text != '\0')
            return NULL;
        }
      else if (name_is (child, "a") && link == NULL)
        link = child;
      else if (child->type == XML_ELEMENT_NODE)
        return NULL;
    }

  return link;
}

/* @links (transfer full) are words of @text that are links. */
static void
add_paragraph (JsonArray  *blocks,
               const char *text,
               JsonArray  *links)
{
  add_text_block (blocks, "paragraph", text);

  /* The paragraph's links, to open in the browser from its words. */
  if (text != NULL && *text != '\0' && json_array_get_length (links) > 0)
    json_object_set_array_member (json_array_get_object_element (blocks, json_array_get_length (blocks) - 1),
                                  "links", links);
  else
    json_array_unref (links);
}

static void
add_link_block (JsonArray  *blocks,
                const char *text,
                const char *url)
{
  JsonObject *block = json_object_new ();

  json_object_set_string_member (block, "type", "link");
  json_object_set_string_member (block, "text", text);
  json_object_set_string_member (block, "url", url);
  json_array_add_object_element (blocks, block);
}

static void
add_link (JsonArray  *blocks,
          xmlNode    *link,
          const char *base_url)
{
  g_autofree char *url = link_url (link, base_url);
  g_autofree char *text = node_text (link);

  if (url == NULL)
    add_text_block (blocks, "paragraph", text);
  else
    add_link_block (blocks, *text ? text : url, url);
}

/* The article view shows links only in a paragraph's words and as link
 * blocks: those of a heading, list, quote or table follow it as link
 * blocks, each the first time its words and address come. */
static void
add_link_blocks (JsonArray  *blocks,
                 xmlNode    *node,
                 const char *base_url,
                 guint       depth)
{
  g_autoptr(JsonArray) links = json_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  collect_links (node, base_url, links, depth);
  for (guint i = 0; i < json_array_get_length (links); i++)
    {
      JsonObject *link = json_array_get_object_element (links, i);
      const char *text = json_object_get_string_member (link, "text");
      const char *url = json_object_get_string_member (link, "url");

      if (g_hash_table_add (seen, g_strconcat (url, "\n", text, NULL)))
        add_link_block (blocks, text, url);
    }
}

/* Gutenberg's buttons are links made to stand out, such as the one to the
 * survey: each a link block, its words the label. */
static void
add_buttons (JsonArray  *blocks,
             xmlNode    *node,
             const char *base_url,
             guint       depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_dropped (child))
        continue;

      if (name_is (child, "a"))
        add_link (blocks, child, base_url);
      else
        add_buttons (blocks, child, base_url, depth + 1);
    }
}

static void
add_list (JsonArray *blocks,
          xmlNode   *list)
{
  JsonArray *items = json_array_new ();
  JsonObject *block;

  for (xmlNode *child = list->children; child != NULL; child = child->next)
    {
      if (name_is (child, "li"))
        {
          g_autofree char *text = node_text (child);

          if (*text != '\0')
            json_array_add_string_element (items, text);
        }
    }

  if (json_array_get_length (items) == 0)
    {
      json_array_unref (items);
      return;
    }

  block = json_object_new ();
  json_object_set_string_member (block, "type", "list");
  json_object_set_boolean_member (block, "ordered", name_is (list, "ol"));
  json_object_set_array_member (block, "items", items);
  json_array_add_object_element (blocks, block);
}

static void
collect_rows (xmlNode   *node,
              JsonArray *rows,
              JsonArray **header,
              guint      depth)
{
  if (depth > 4)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (name_is (child, "tr"))
        {
          JsonArray *cells = json_array_new ();
          gboolean all_headers = TRUE;

          for (xmlNode *cell = child->children; cell != NULL; cell = cell->next)
            {
              if (name_is (cell, "td") || name_is (cell, "th"))
                {
                  g_autofree char *text = node_text (cell);

                  all_headers &= name_is (cell, "th");
                  json_array_add_string_element (cells, text);
                }
            }

          if (json_array_get_length (cells) == 0)
            json_array_unref (cells);
          else if (all_headers && *header == NULL && json_array_get_length (rows) == 0)
            *header = cells;
          else
            json_array_add_array_element (rows, cells);
        }
      else if (name_is (child, "thead") || name_is (child, "tbody") || name_is (child, "tfoot"))
        collect_rows (child, rows, header, depth + 1);
    }
}

static void
add_table (JsonArray *blocks,
           xmlNode   *table)
{
  JsonArray *rows = json_array_new ();
  JsonArray *header = NULL;
  JsonObject *block;
  guint n_columns = 0;

  collect_rows (table, rows, &header, 0);
  if (json_array_get_length (rows) == 0)
    {
      json_array_unref (rows);
      g_clear_pointer (&header, json_array_unref);
      return;
    }

  /* Every row as wide as the widest, so the table reads as a grid. */
  for (guint r = 0; r < json_array_get_length (rows); r++)
    n_columns = MAX (n_columns, json_array_get_length (json_array_get_array_element (rows, r)));
  if (header == NULL)
    {
      header = json_array_new ();
      for (guint c = 0; c < n_columns; c++)
        json_array_add_string_element (header, "");
    }
  n_columns = MAX (n_columns, json_array_get_length (header));
  while (json_array_get_length (header) < n_columns)
    json_array_add_string_element (header, "");
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonArray *cells = json_array_get_array_element (rows, r);

      while (json_array_get_length (cells) < n_columns)
        json_array_add_string_element (cells, "");
    }

  block = json_object_new ();
  json_object_set_string_member (block, "type", "table");
  json_object_set_array_member (block, "header", header);
  json_object_set_array_member (block, "rows", rows);
  json_array_add_object_element (blocks, block);
}

static void
add_image (JsonArray  *blocks,
           xmlNode    *image,
           const char *caption,
           const char *base_url)
{
  g_autofree char *src = get_attribute (image, "src");
  g_autofree char *url = absolute_url (src, base_url);
  g_autofree char *alt = get_attribute (image, "alt");
  JsonObject *block;

  if (url == NULL || !(g_str_has_prefix (url, "https://") || g_str_has_prefix (url, "http://")))
    return;

  block = json_object_new ();
  json_object_set_string_member (block, "type", "image");
  json_object_set_string_member (block, "url", url);
  json_object_set_string_member (block, "alt", alt ? alt : "");
  if (caption != NULL && *caption != '\0')
    json_object_set_string_member (block, "caption", caption);
  json_array_add_object_element (blocks, block);
}

/* An image block holds no link: the link around @image, found up to
 * @container, follows it as a link block named by the image's text
 * alternative. Not when the link has words, which keep it where they are,
 * nor when it only leads to the image itself. */
static void
add_image_link (JsonArray  *blocks,
                xmlNode    *image,
                xmlNode    *container,
                const char *base_url)
{
  g_autofree char *url = NULL;
  g_autofree char *text = NULL;
  g_autofree char *src = NULL;
  g_autofree char *image_url = NULL;
  g_autofree char *alt = NULL;
  xmlNode *link = NULL;

  for (xmlNode *parent = image->parent; parent != NULL && link == NULL; parent = parent->parent)
    {
      if (name_is (parent, "a"))
        link = parent;
      if (parent == container)
        break;
    }

  if (link == NULL || (url = link_url (link, base_url)) == NULL || *(text = node_text (link)) != '\0')
    return;

  src = get_attribute (image, "src");
  image_url = absolute_url (src, base_url);
  if (g_strcmp0 (url, image_url) == 0)
    return;

  alt = get_attribute (image, "alt");
  if (alt != NULL)
    g_strstrip (alt);
  add_link_block (blocks, alt != NULL && *alt != '\0' ? alt : url, url);
}

/* Every picture within @node, in reading order, each with its link. */
static void
add_images (JsonArray  *blocks,
            xmlNode    *node,
            xmlNode    *container,
            const char *base_url,
            guint       depth)
{
  if (depth > MAX_DEPTH)
    return;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type != XML_ELEMENT_NODE || is_dropped (child))
        continue;

      if (name_is (child, "img"))
        {
          add_image (blocks, child, NULL, base_url);
          add_image_link (blocks, child, container, base_url);
        }
      else
        add_images (blocks, child, container, base_url, depth + 1);
    }
}

static xmlNode *
find_element (xmlNode    *node,
              const char *name,
              guint       depth)
{
  if (depth > MAX_DEPTH)
    return NULL;

  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      xmlNode *found;

      if (name_is (child, name))
        return child;
      if (child->type == XML_ELEMENT_NODE && (found = find_element (child, name, depth + 1)))
        return found;
    }

  return NULL;
}

/* Words outside any paragraph, gathered until a block ends them. */
typedef struct
{
  GString   *text;
  JsonArray *links;
} Loose;

static void
loose_clear (Loose *loose)
{
  if (loose->text != NULL)
    g_string_free (g_steal_pointer (&loose->text), TRUE);
  g_clear_pointer (&loose->links, json_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Loose, loose_clear)

static void convert_children (JsonArray  *blocks,
                              xmlNode    *node,
                              const char *base_url,
                              Loose      *loose,
                              guint       depth);

/* Words outside any paragraph become one, links and all; when they are
 * nothing but one link, a link block, as a paragraph would be. */
static void
flush_loose (JsonArray *blocks,
             Loose     *loose)
{
  JsonObject *link;

  g_strstrip (loose->text->str);
  loose->text->len = strlen (loose->text->str);

  if (json_array_get_length (loose->links) == 1 &&
      (link = json_array_get_object_element (loose->links, 0)) != NULL &&
      g_str_equal (json_object_get_string_member (link, "text"), loose->text->str))
    {
      add_link_block (blocks, loose->text->str, json_object_get_string_member (link, "url"));
      json_array_remove_element (loose->links, 0);
    }
  else if (loose->text->len > 0)
    {
      add_paragraph (blocks, loose->text->str, g_steal_pointer (&loose->links));
      loose->links = json_array_new ();
    }

  g_string_truncate (loose->text, 0);
}

static void
convert_element (JsonArray  *blocks,
                 xmlNode    *node,
                 const char *base_url,
                 Loose      *loose,
                 guint       depth)
{
  g_autofree char *text = NULL;
  xmlNode *link;

  if (is_dropped (node) || depth > MAX_DEPTH)
    return;

  if (has_class (node, "wp-block-buttons") || has_class (node, "wp-block-button"))
    {
      flush_loose (blocks, loose);
      add_buttons (blocks, node, base_url, depth);
    }
  else if (name_is (node, "p"))
    {
      flush_loose (blocks, loose);
      link = sole_link (node);
      if (link != NULL && find_element (link, "img", depth) == NULL)
        add_link (blocks, link, base_url);
      else
        {
          JsonArray *links = json_array_new ();

          text = node_text (node);
          collect_links (node, base_url, links, depth);
          add_paragraph (blocks, text, links);
          add_images (blocks, node, node, base_url, depth);
        }
    }
  else if (name_is (node, "h1") || name_is (node, "h2") || name_is (node, "h3") ||
           name_is (node, "h4") || name_is (node, "h5") || name_is (node, "h6"))
    {
      JsonObject *block;

      flush_loose (blocks, loose);
      text = node_text (node);
      if (*text == '\0')
        return;
      block = json_object_new ();
      json_object_set_string_member (block, "type", "heading");
      json_object_set_string_member (block, "text", text);
      json_object_set_int_member (block, "level", name_is (node, "h1") || name_is (node, "h2") ? 2 : 3);
      json_array_add_object_element (blocks, block);
      add_link_blocks (blocks, node, base_url, depth);
    }
  else if (name_is (node, "ul") || name_is (node, "ol"))
    {
      flush_loose (blocks, loose);
      add_list (blocks, node);
      add_link_blocks (blocks, node, base_url, depth);
    }
  else if (name_is (node, "blockquote"))
    {
      flush_loose (blocks, loose);
      text = node_text (node);
      add_text_block (blocks, "quote", text);
      add_link_blocks (blocks, node, base_url, depth);
    }
  else if (name_is (node, "table"))
    {
      flush_loose (blocks, loose);
      add_table (blocks, node);
      add_link_blocks (blocks, node, base_url, depth);
    }
  else if (name_is (node, "figure"))
    {
      xmlNode *image = find_element (node, "img", depth);
      xmlNode *caption = find_element (node, "figcaption", depth);
      xmlNode *table = find_element (node, "table", depth);
      g_autofree char *caption_text = caption ? node_text (caption) : NULL;

      flush_loose (blocks, loose);
      /* The caption's links too, after the table or image. */
      if (table != NULL)
        {
          add_table (blocks, table);
          add_link_blocks (blocks, node, base_url, depth);
        }
      else if (image != NULL)
        {
          add_image (blocks, image, caption_text, base_url);
          add_image_link (blocks, image, node, base_url);
          if (caption != NULL)
            add_link_blocks (blocks, caption, base_url, depth);
        }
    }
  else if (name_is (node, "img"))
    {
      flush_loose (blocks, loose);
      add_image (blocks, node, NULL, base_url);
    }
  else if (name_is (node, "br"))
    g_string_append_c (loose->text, '\n');
  else if (name_is (node, "a") || name_is (node, "strong") || name_is (node, "em") ||
           name_is (node, "b") || name_is (node, "i") || name_is (node, "span") ||
           name_is (node, "u") || name_is (node, "small") || name_is (node, "mark"))
    {
      /* Part of the loose words, spaced as the page spaces it, so that its
       * links are found in them as in a paragraph's. */
      append_text (loose->text, node, depth);
      if (name_is (node, "a"))
        collect_link (node, base_url, loose->links);
      else
        collect_links (node, base_url, loose->links, depth);

      /* Its pictures end the words, which come first as on the page. */
      if (find_element (node, "img", depth) != NULL)
        {
          flush_loose (blocks, loose);
          add_images (blocks, node, node, base_url, depth);
        }
    }
  else
    convert_children (blocks, node, base_url, loose, depth + 1);
}

static void
convert_children (JsonArray  *blocks,
                  xmlNode    *node,
                  const char *base_url,
                  Loose      *loose,
                  guint       depth)
{
  for (xmlNode *child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE)
        append_words (loose->text, (const char *)child->content);
      else if (child->type == XML_ELEMENT_NODE)
        convert_element (blocks, child, base_url, loose, depth);
    }

  /* A block element ends the words before it. */
  if (name_is (node, "div") || name_is (node, "section") || name_is (node, "article") ||
      name_is (node, "body"))
    flush_loose (blocks, loose);
}

static htmlDocPtr
parse (const char *html)
{
  /* Bytes that are not UTF-8 would come out as they went in, and no label
   * can show them: they become U+FFFD first. */
  g_autofree char *valid = g_utf8_make_valid (html, -1);

  /* Broken markup is repaired, never fetched from or complained about. */
  return htmlReadMemory (valid, strlen (valid), NULL, "UTF-8",
                         HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
}

/**
 * rc_html_to_blocks:
 * @html: a post's content, as WordPress renders it
 * @base_url: (nullable): where the post is, to make its links absolute
 *
 * Turns the post into paragraphs, headings, lists, quotes, tables, images
 * and links; scripts, styles, frames, forms and the site's related-posts
 * and sharing blocks are dropped, entities decoded. Every link to a web page
 * keeps its address, made absolute: in a paragraph's "links", else as a link
 * block after the heading, list, quote, table or image it is in. Any HTML
 * gives blocks, however broken: at worst none.
 *
 * Returns: (transfer full): the blocks
 */
JsonArray *
rc_html_to_blocks (const char *html,
                   const char *base_url)
{
  JsonArray *blocks = json_array_new ();
  g_auto(Loose) loose = { g_string_new (NULL), json_array_new () };
  htmlDocPtr document;
  xmlNode *root;

  g_return_val_if_fail (html != NULL, blocks);

  if (*html == '\0' || !(document = parse (html)))
    return blocks;

  root = xmlDocGetRootElement (document);
  if (root != NULL)
    {
      xmlNode *body = find_element (root, "body", 0);

      convert_children (blocks, body ? body : root, base_url, &loose, 0);
      flush_loose (blocks, &loose);
    }

  xmlFreeDoc (document);
  return blocks;
}

/**
 * rc_html_to_text:
 * @html: a title or an excerpt, as WordPress renders it
 *
 * Returns: (transfer full): its words, entities decoded, without markup
 */
char *
rc_html_to_text (const char *html)
{
  htmlDocPtr document;
  xmlNode *root;
  char *text;

  g_return_val_if_fail (html != NULL, NULL);

  if (*html == '\0' || !(document = parse (html)))
    return g_strdup ("");

  root = xmlDocGetRootElement (document);
  text = root ? node_text (root) : g_strdup ("");
  xmlFreeDoc (document);

  return text;
}

/**
 * rc_text_guess_language:
 * @text: a post's words
 *
 * Returns: "kk" when the text has letters only Kazakh uses (ә ғ қ ң ө ұ ү
 *   һ і), "ru" when it is otherwise Cyrillic, else "en"
 */
const char *
rc_text_guess_language (const char *text)
{
  static const gunichar kazakh[] = { 0x04D9, 0x0493, 0x049B, 0x04A3, 0x04E9, 0x04B1, 0x04AF, 0x04BB, 0x0456 };
  guint n_kazakh = 0, n_cyrillic = 0, n_latin = 0;

  g_return_val_if_fail (text != NULL, "en");

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (c >= 0x0400 && c <= 0x04FF)
        {
          n_cyrillic++;
          for (guint i = 0; i < G_N_ELEMENTS (kazakh); i++)
            n_kazakh += c == kazakh[i];
        }
      else if (c < 0x80 && g_ascii_isalpha (c))
        n_latin++;
    }

  /* A Kazakh text has these letters every few words; a Russian one quoting
   * a Kazakh name has a few at most. */
  if (n_kazakh >= 3 && n_kazakh * 40 >= n_cyrillic)
    return "kk";
  if (n_cyrillic > n_latin)
    return "ru";
  return "en";
}
