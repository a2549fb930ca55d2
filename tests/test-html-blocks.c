/* test-html-blocks.c: a website post's HTML as blocks
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-html-blocks.h"

static JsonArray *
convert_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "html", name, NULL);
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &html, NULL, &error);
  g_assert_no_error (error);
  return rc_html_to_blocks (html, "https://zubr.kz/2019/06/officials/");
}

static JsonObject *
block (JsonArray *blocks,
       guint      index)
{
  g_assert_cmpuint (index, <, json_array_get_length (blocks));
  return json_array_get_object_element (blocks, index);
}

static const char *
member (JsonObject *object,
        const char *name)
{
  return json_object_get_string_member_with_default (object, name, NULL);
}

static void
test_html_gutenberg (void)
{
  g_autoptr(JsonArray) blocks = convert_fixture ("gutenberg.html");
  g_autoptr(JsonNode) node = json_node_init_array (json_node_alloc (), blocks);
  g_autofree char *all = json_to_string (node, FALSE);
  JsonArray *rows, *items;
  guint i = 0;

  /* Entities decoded, spaces made plain. */
  g_assert_cmpstr (member (block (blocks, i), "type"), ==, "paragraph");
  g_assert_cmpstr (member (block (blocks, i++), "text"), ==,
                   "С августа 2018 года в госорганах есть «уполномоченные» по работе с НПО.");

  g_assert_cmpstr (member (block (blocks, i), "type"), ==, "heading");
  g_assert_cmpint (json_object_get_int_member (block (blocks, i++), "level"), ==, 2);

  g_assert_cmpstr (member (block (blocks, i), "type"), ==, "table");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (block (blocks, i), "header"), 1),
                   ==, "Должность");
  rows = json_object_get_array_member (block (blocks, i++), "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (rows, 1), 1),
                   ==, "Заместитель акима района");

  g_assert_cmpstr (member (block (blocks, i), "type"), ==, "list");
  g_assert_false (json_object_get_boolean_member (block (blocks, i), "ordered"));
  items = json_object_get_array_member (block (blocks, i++), "items");
  g_assert_cmpstr (json_array_get_string_element (items, 0), ==, "Первое & главное");
  g_assert_cmpstr (json_array_get_string_element (items, 1), ==, "Второе вложенное");

  g_assert_true (json_object_get_boolean_member (block (blocks, i++), "ordered"));

  g_assert_cmpstr (member (block (blocks, i), "type"), ==, "quote");
  g_assert_cmpstr (member (block (blocks, i++), "text"), ==, "Рекомендации не обязательны. Министерство");

  /* Links and images are made absolute. */
  g_assert_cmpstr (member (block (blocks, i), "type"), ==, "image");
  g_assert_cmpstr (member (block (blocks, i), "url"), ==, "https://zubr.kz/wp-content/uploads/2019/06/officials.jpg");
  g_assert_cmpstr (member (block (blocks, i), "alt"), ==, "Круглый стол");
  g_assert_cmpstr (member (block (blocks, i++), "caption"), ==, "Круглый стол в центре");

  g_assert_cmpstr (member (block (blocks, i), "type"), ==, "link");
  g_assert_cmpstr (member (block (blocks, i), "url"), ==, "https://zubr.kz/survey/");
  g_assert_cmpstr (member (block (blocks, i++), "text"), ==, "Пройти опрос");

  g_assert_cmpstr (member (block (blocks, i), "text"), ==, "Текст со ссылкой внутри.");
  {
    JsonArray *links = json_object_get_array_member (block (blocks, i++), "links");
    JsonObject *link = json_array_get_object_element (links, 0);

    g_assert_cmpstr (member (link, "text"), ==, "ссылкой");
    g_assert_cmpstr (member (link, "url"), ==, "https://example.org/");
  }

  /* Words outside any paragraph are kept as one. */
  g_assert_cmpstr (member (block (blocks, i++), "text"), ==, "Свободный текст без абзаца.");
  g_assert_cmpuint (json_array_get_length (blocks), ==, i);

  /* Nothing of what the page wraps around the post. */
  g_assert_null (strstr (all, "tracker"));
  g_assert_null (strstr (all, "color"));
  g_assert_null (strstr (all, "Подписаться"));
  g_assert_null (strstr (all, "Facebook"));
  g_assert_null (strstr (all, "Related"));
  g_assert_null (strstr (all, "youtube"));
}

static void
test_html_broken (void)
{
  g_autoptr(JsonArray) blocks = convert_fixture ("broken.html");
  g_autoptr(JsonArray) empty = rc_html_to_blocks ("", NULL);
  g_autoptr(JsonArray) garbage = rc_html_to_blocks ("<<<>>>&&&</p></div></ul>", NULL);
  g_autoptr(GString) nested = g_string_new (NULL);
  g_autoptr(JsonArray) deep_blocks = NULL;

  /* Repaired, not refused. */
  g_assert_cmpuint (json_array_get_length (blocks), >=, 3);
  g_assert_cmpstr (member (block (blocks, 0), "text"), ==, "Незакрытый абзац жирный курсив");
  g_assert_cmpuint (json_array_get_length (empty), ==, 0);
  g_assert_nonnull (garbage);

  /* Thousands of nested elements: no stack exhausted. */
  for (guint i = 0; i < 5000; i++)
    g_string_append (nested, "<div>");
  g_string_append (nested, "глубоко");
  deep_blocks = rc_html_to_blocks (nested->str, NULL);
  g_assert_nonnull (deep_blocks);
}

static void
test_html_text_and_language (void)
{
  g_autofree char *title = rc_html_to_text ("Кадры в НПО: &laquo;меню&raquo; <em>лучшего</em>&nbsp;опыта");

  g_assert_cmpstr (title, ==, "Кадры в НПО: «меню» лучшего опыта");
  g_assert_cmpstr (rc_text_guess_language ("ҮЕҰ-мен өзара іс-қимыл жөніндегі уәкілеттілер"), ==, "kk");
  g_assert_cmpstr (rc_text_guess_language ("Уполномоченные по взаимодействию с НПО"), ==, "ru");
  /* A Russian text naming one Kazakh place stays Russian. */
  g_assert_cmpstr (rc_text_guess_language ("Семинар прошёл в Өскемене, в ресурсном центре на улице Красина, "
                                           "собрались представители многих организаций области"), ==, "ru");
  g_assert_cmpstr (rc_text_guess_language ("Officials for interaction with NGOs"), ==, "en");
}

static JsonArray *
convert (const char *html)
{
  return rc_html_to_blocks (html, "https://zubr.kz/2019/06/officials/");
}

static void
assert_link (JsonObject *object,
             const char *text,
             const char *url)
{
  g_assert_cmpstr (member (object, "type"), ==, "link");
  g_assert_cmpstr (member (object, "text"), ==, text);
  g_assert_cmpstr (member (object, "url"), ==, url);
}

/* The article view shows links only in paragraphs' words and as link
 * blocks: any other block's links follow it as link blocks. */
static void
test_html_links_outside_paragraphs (void)
{
  g_autoptr(JsonArray) list = convert ("<ul><li>Устав <a href=\"/docs/charter.pdf\">в PDF</a></li>"
                                       "<li>Отчёт <a href=\"https://example.org/report\">за 2018 год</a>"
                                       " и <a href=\"/docs/charter.pdf\">в PDF</a> снова</li></ul>");
  g_autoptr(JsonArray) table = convert ("<table><tr><th>Уровень</th><th>Где</th></tr>"
                                        "<tr><td>Область</td><td><a href=\"../contacts/\">Контакты</a></td></tr></table>");
  g_autoptr(JsonArray) quote = convert ("<blockquote><p>Рекомендации <a href=\"/guide/\">министерства</a>.</p></blockquote>");
  g_autoptr(JsonArray) heading = convert ("<h2><a href=\"/salon/\">НПО-гостиная</a></h2>");
  g_autoptr(JsonArray) alone = convert ("<div>\n<a href=\"/about/\"><b>О центре</b></a>\n</div>Дальше");
  g_autoptr(JsonArray) loose = convert ("<div>Подробнее: <a href=\"/about/\">о центре</a> и "
                                        "<em><a href=\"mailto:info@zubr.kz\">почта</a></em>.</div>");
  JsonArray *links;

  g_assert_cmpstr (member (block (list, 0), "type"), ==, "list");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (block (list, 0), "items"), 0),
                   ==, "Устав в PDF");
  /* Each address once, in reading order. */
  assert_link (block (list, 1), "в PDF", "https://zubr.kz/docs/charter.pdf");
  assert_link (block (list, 2), "за 2018 год", "https://example.org/report");
  g_assert_cmpuint (json_array_get_length (list), ==, 3);

  g_assert_cmpstr (member (block (table, 0), "type"), ==, "table");
  assert_link (block (table, 1), "Контакты", "https://zubr.kz/2019/06/contacts/");
  g_assert_cmpuint (json_array_get_length (table), ==, 2);

  g_assert_cmpstr (member (block (quote, 0), "type"), ==, "quote");
  g_assert_cmpstr (member (block (quote, 0), "text"), ==, "Рекомендации министерства.");
  assert_link (block (quote, 1), "министерства", "https://zubr.kz/guide/");
  g_assert_cmpuint (json_array_get_length (quote), ==, 2);

  g_assert_cmpstr (member (block (heading, 0), "type"), ==, "heading");
  g_assert_cmpstr (member (block (heading, 0), "text"), ==, "НПО-гостиная");
  assert_link (block (heading, 1), "НПО-гостиная", "https://zubr.kz/salon/");
  g_assert_cmpuint (json_array_get_length (heading), ==, 2);

  /* Words outside a paragraph keep their links as a paragraph does; only
   * web addresses, as there. */
  g_assert_cmpstr (member (block (loose, 0), "type"), ==, "paragraph");
  g_assert_cmpstr (member (block (loose, 0), "text"), ==, "Подробнее: о центре и почта.");
  links = json_object_get_array_member (block (loose, 0), "links");
  g_assert_cmpuint (json_array_get_length (links), ==, 1);
  g_assert_cmpstr (member (json_array_get_object_element (links, 0), "text"), ==, "о центре");
  g_assert_cmpstr (member (json_array_get_object_element (links, 0), "url"), ==, "https://zubr.kz/about/");
  g_assert_cmpuint (json_array_get_length (loose), ==, 1);
  /* Nothing but a link, as a paragraph of one link is. */
  assert_link (block (alone, 0), "О центре", "https://zubr.kz/about/");
  g_assert_cmpstr (member (block (alone, 1), "text"), ==, "Дальше");
  g_assert_cmpuint (json_array_get_length (alone), ==, 2);
}

/* An image block has no link: a linked image is the image, then the link. */
static void
test_html_linked_images (void)
{
  g_autoptr(JsonArray) linked = convert ("<p><a href=\"/survey/\"><img src=\"/uploads/survey.png\" alt=\"Опрос\"></a></p>");
  g_autoptr(JsonArray) unnamed = convert ("<p><a href=\"https://example.org/map\"><img src=\"map.png\"></a></p>");
  g_autoptr(JsonArray) itself = convert ("<p><a href=\"/uploads/salon.jpg\"><img src=\"/uploads/salon.jpg\" alt=\"Зал\"></a></p>");
  g_autoptr(JsonArray) figure = convert ("<figure class=\"wp-block-image\"><a href=\"/salon/\"><img src=\"/uploads/salon.jpg\" alt=\"Зал\"></a>"
                                         "<figcaption>После встречи, <a href=\"/photos/\">все фото</a></figcaption></figure>");
  g_autoptr(JsonArray) mixed = convert ("<p>Смотрите <a href=\"/a/\"><img src=\"/a.png\" alt=\"А\"></a> и "
                                        "<a href=\"/b/\">страницу</a><img src=\"/b.png\" alt=\"Б\"></p>");
  g_autoptr(JsonArray) loose = convert ("<div><a href=\"/survey/\"><img src=\"/uploads/survey.png\" alt=\"Опрос\"></a></div>");

  g_assert_cmpstr (member (block (linked, 0), "type"), ==, "image");
  g_assert_cmpstr (member (block (linked, 0), "url"), ==, "https://zubr.kz/uploads/survey.png");
  assert_link (block (linked, 1), "Опрос", "https://zubr.kz/survey/");
  g_assert_cmpuint (json_array_get_length (linked), ==, 2);

  /* With no words for it, the address is its own label. */
  g_assert_cmpstr (member (block (unnamed, 0), "url"), ==, "https://zubr.kz/2019/06/officials/map.png");
  assert_link (block (unnamed, 1), "https://example.org/map", "https://example.org/map");

  /* A link to the picture itself adds nothing to the picture. */
  g_assert_cmpstr (member (block (itself, 0), "type"), ==, "image");
  g_assert_cmpuint (json_array_get_length (itself), ==, 1);

  g_assert_cmpstr (member (block (figure, 0), "caption"), ==, "После встречи, все фото");
  assert_link (block (figure, 1), "Зал", "https://zubr.kz/salon/");
  assert_link (block (figure, 2), "все фото", "https://zubr.kz/photos/");
  g_assert_cmpuint (json_array_get_length (figure), ==, 3);

  /* Every picture of a paragraph, each with its link. */
  g_assert_cmpstr (member (block (mixed, 0), "text"), ==, "Смотрите и страницу");
  g_assert_cmpstr (member (block (mixed, 1), "url"), ==, "https://zubr.kz/a.png");
  assert_link (block (mixed, 2), "А", "https://zubr.kz/a/");
  g_assert_cmpstr (member (block (mixed, 3), "url"), ==, "https://zubr.kz/b.png");
  g_assert_cmpuint (json_array_get_length (mixed), ==, 4);

  g_assert_cmpstr (member (block (loose, 0), "type"), ==, "image");
  assert_link (block (loose, 1), "Опрос", "https://zubr.kz/survey/");
  g_assert_cmpuint (json_array_get_length (loose), ==, 2);
}

static void
test_html_buttons (void)
{
  g_autoptr(JsonArray) blocks =
    convert ("<p>Анкета анонимна.</p>\n"
             "<div class=\"wp-block-buttons is-layout-flex\">\n"
             "<div class=\"wp-block-button\"><a class=\"wp-block-button__link wp-element-button\" "
             "href=\"/survey/\">Пройти&nbsp;опрос</a></div>\n"
             "<div class=\"wp-block-button is-style-outline\"><a class=\"wp-block-button__link\" "
             "href=\"https://example.org/results\" target=\"_blank\" rel=\"noreferrer noopener\"><strong>Итоги</strong></a></div>\n"
             "</div>\n"
             "<div class=\"wp-block-button\"><a class=\"wp-block-button__link\" href=\"/contacts/\">Контакты</a></div>");

  g_assert_cmpstr (member (block (blocks, 0), "text"), ==, "Анкета анонимна.");
  assert_link (block (blocks, 1), "Пройти опрос", "https://zubr.kz/survey/");
  assert_link (block (blocks, 2), "Итоги", "https://example.org/results");
  assert_link (block (blocks, 3), "Контакты", "https://zubr.kz/contacts/");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 4);
}

/* Blocks are dropped by the class names plugins give them, never because a
 * class name of the post's own contains one of those words. */
static void
test_html_dropped_classes (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "html-plugins.html", NULL);
  g_autofree char *html = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) blocks = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *all = NULL;
  static const char * const dropped[] = {
    "Поделиться", "facebook", "Sharing Jetpack", "ВКонтакте", "Telegram", "WhatsApp", "Instagram",
    "Похожие", "Wrapper", "YARPP", "Related Section", "Share Section", "Social Section",
  };

  g_file_get_contents (path, &html, NULL, &error);
  g_assert_no_error (error);
  blocks = rc_html_to_blocks (html, "https://zubr.kz/2019/06/officials/");
  node = json_node_init_array (json_node_alloc (), blocks);
  all = json_to_string (node, FALSE);

  g_assert_cmpstr (member (block (blocks, 0), "text"), ==, "Ресурсный центр помогает с социальными услугами.");
  g_assert_cmpstr (member (block (blocks, 1), "text"), ==, "Общий текст для всех отделений.");
  g_assert_cmpstr (member (block (blocks, 2), "type"), ==, "list");
  g_assert_cmpstr (member (block (blocks, 3), "text"), ==, "Без повода делиться.");
  g_assert_cmpuint (json_array_get_length (blocks), ==, 4);

  for (guint i = 0; i < G_N_ELEMENTS (dropped); i++)
    {
      if (strstr (all, dropped[i]) != NULL)
        g_error ("“%s” was kept: %s", dropped[i], all);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/gutenberg", test_html_gutenberg);
  g_test_add_func ("/html/broken", test_html_broken);
  g_test_add_func ("/html/text-and-language", test_html_text_and_language);
  g_test_add_func ("/html/links-outside-paragraphs", test_html_links_outside_paragraphs);
  g_test_add_func ("/html/linked-images", test_html_linked_images);
  g_test_add_func ("/html/buttons", test_html_buttons);
  g_test_add_func ("/html/dropped-classes", test_html_dropped_classes);

  return g_test_run ();
}
