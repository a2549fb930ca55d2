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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/html/gutenberg", test_html_gutenberg);
  g_test_add_func ("/html/broken", test_html_broken);
  g_test_add_func ("/html/text-and-language", test_html_text_and_language);

  return g_test_run ();
}
