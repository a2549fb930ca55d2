/* rc-import.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <inttypes.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "rc-database.h"
#include "rc-export.h"
#include "rc-i18n.h"
#include "rc-import.h"
#include "rc-json.h"
#include "rc-response.h"
#include "rc-response-store-private.h"
#include "rc-response-table.h"

G_DEFINE_QUARK (rc-import-error-quark, rc_import_error)

typedef struct
{
  const char      *path;
  GMappedFile     *mapped;
  gsize            released;      /* bytes of the file given back */
  int              fd;            /* the same file, for reading out of order */
  GArray          *records;       /* RcJsonSpan of each element of "data" */
  RcDatabase      *database;
  RcResponseTable *table;
  GPtrArray       *surveys;
  GPtrArray       *definitions;   /* JsonNode, same order */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->table, rc_response_table_free);
  g_clear_pointer (&import->surveys, g_ptr_array_unref);
  g_clear_pointer (&import->definitions, g_ptr_array_unref);
  g_clear_pointer (&import->records, g_array_unref);
  g_clear_pointer (&import->mapped, g_mapped_file_unref);
  if (import->fd >= 0)
    close (import->fd);
  import->fd = -1;
  g_clear_object (&import->database);
}

static gboolean
fail (Import         *import,
      GError        **error,
      RcImportError   code,
      const char     *format,
      ...) G_GNUC_PRINTF (4, 5);

/* Every refusal names the file first. */
static gboolean
fail (Import         *import,
      GError        **error,
      RcImportError   code,
      const char     *format,
      ...)
{
  g_autofree char *reason = NULL;
  va_list args;

  va_start (args, format);
  reason = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a file that cannot be merged, and why */
  g_set_error (error, RC_IMPORT_ERROR, code, _("Cannot merge “%s”: %s"), import->path, reason);
  return FALSE;
}

static JsonNode *
get_member (JsonObject *object,
            const char *name)
{
  return object != NULL ? json_object_get_member (object, name) : NULL;
}

static gboolean
looks_like_csv (const char *path)
{
  gsize length = 0;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  char head[32] = { 0 };

  if (stream == NULL ||
      !g_input_stream_read_all (G_INPUT_STREAM (stream), head, sizeof head - 1, &length, NULL, NULL))
    return FALSE;

  return g_str_has_prefix (rc_json_skip_byte_order_mark (head, &length), "response_id,");
}

/* The export's own record of itself: ours, and a format this app reads. */
static gboolean
check_header (Import     *import,
              JsonObject *root,
              GError    **error)
{
  JsonObject *export = NULL;
  JsonNode *node;
  gint64 version;

  if ((node = get_member (root, "export")) != NULL && JSON_NODE_HOLDS_OBJECT (node))
    export = json_node_get_object (node);

  node = get_member (export, "format");
  if (node == NULL || !rc_json_is_string (node) ||
      !g_str_equal (json_node_get_string (node), RC_EXPORT_FORMAT_NAME))
    return fail (import, error, RC_IMPORT_ERROR_NOT_AN_EXPORT,
                 _("it is not an export of responses from Resource Centre"));

  node = get_member (export, "format_version");
  if (node == NULL || !rc_json_is_integer (node) || json_node_get_int (node) < 1)
    return fail (import, error, RC_IMPORT_ERROR_NOT_AN_EXPORT,
                 _("it is not an export of responses from Resource Centre"));

  version = json_node_get_int (node);
  if (version > RC_EXPORT_FORMAT_VERSION)
    return fail (import, error, RC_IMPORT_ERROR_TOO_NEW,
                 _("it was written by a newer version of Resource Centre (format %" PRId64 "); "
                   "update this app to merge it"),
                 version);

  return TRUE;
}

static gboolean
add_survey (Import    *import,
            JsonNode  *definition,
            GError   **error)
{
  g_autofree char *text = json_to_string (definition, FALSE);
  gsize length = strlen (text);
  /* Measured first: C leaves the order of the arguments to the compiler,
   * and clang stole the text before measuring it. */
  g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  g_autoptr(GError) local_error = NULL;
  RcSurvey *survey;

  /* The name the loader gives its errors: the export file. */
  survey = rc_survey_new_from_bytes (bytes, import->path, &local_error);
  if (survey == NULL)
    {
      /* The loader lists every problem on a line of its own, under a line
       * that says how many there are: right for an editor checking a
       * survey, too much for a merge, whose refusal is one line. That
       * line and the first problem say enough to tell the file apart. */
      g_auto(GStrv) lines = g_strsplit (local_error->message, "\n", 3);
      g_autofree char *reason = NULL;

      if (lines[0] != NULL && lines[1] != NULL)
        reason = g_strconcat (lines[0], " ", lines[1], NULL);
      else
        reason = g_strdup (local_error->message);
      /* A field name in the file may hold a carriage return. */
      g_strdelimit (reason, "\r", ' ');

      return fail (import, error, RC_IMPORT_ERROR_DOES_NOT_FIT, "%s", reason);
    }

  g_ptr_array_add (import->surveys, survey);
  g_ptr_array_add (import->definitions, json_node_ref (definition));
  return TRUE;
}

static gboolean
read_surveys (Import     *import,
              JsonObject *root,
              GError    **error)
{
  JsonNode *survey = get_member (root, "survey");
  JsonNode *others = get_member (root, "other_surveys");

  if (survey == NULL || others == NULL || !JSON_NODE_HOLDS_ARRAY (others) ||
      !(JSON_NODE_HOLDS_OBJECT (survey) || JSON_NODE_HOLDS_NULL (survey)))
    return fail (import, error, RC_IMPORT_ERROR_DAMAGED, _("its surveys are missing"));

  if (JSON_NODE_HOLDS_OBJECT (survey) && !add_survey (import, survey, error))
    return FALSE;

  for (guint i = 0; i < json_array_get_length (json_node_get_array (others)); i++)
    {
      JsonNode *other = json_array_get_element (json_node_get_array (others), i);

      if (!JSON_NODE_HOLDS_OBJECT (other))
        return fail (import, error, RC_IMPORT_ERROR_DAMAGED, _("its surveys are missing"));
      if (!add_survey (import, other, error))
        return FALSE;
    }

  import->table = rc_response_table_new (import->surveys);
  return TRUE;
}

/* The columns must be those its surveys make, or the rows cannot be read
 * back as answers. */
static gboolean
check_columns (Import     *import,
               JsonObject *root,
               GError    **error)
{
  JsonNode *schema = get_member (root, "schema");
  JsonNode *fields = schema != NULL && JSON_NODE_HOLDS_OBJECT (schema)
                     ? get_member (json_node_get_object (schema), "fields") : NULL;
  JsonArray *array = fields && JSON_NODE_HOLDS_ARRAY (fields) ? json_node_get_array (fields) : NULL;
  guint n_columns = rc_response_table_get_n_columns (import->table);

  if (array == NULL || json_array_get_length (array) != n_columns)
    return fail (import, error, RC_IMPORT_ERROR_DAMAGED, _("its columns do not match its surveys"));

  for (guint i = 0; i < n_columns; i++)
    {
      JsonNode *field = json_array_get_element (array, i);
      JsonNode *name = JSON_NODE_HOLDS_OBJECT (field) ? get_member (json_node_get_object (field), "name") : NULL;

      if (name == NULL || !rc_json_is_string (name) ||
          !g_str_equal (json_node_get_string (name), rc_response_table_get_column (import->table, i)->name))
        return fail (import, error, RC_IMPORT_ERROR_DAMAGED, _("its columns do not match its surveys"));
    }

  return TRUE;
}

/* A version of a survey means one definition everywhere. */
static gboolean
store_surveys (Import  *import,
               GError **error)
{
  for (guint i = 0; i < import->surveys->len; i++)
    {
      RcSurvey *survey = g_ptr_array_index (import->surveys, i);
      g_autofree char *theirs = json_to_string (rc_survey_get_definition (survey), FALSE);
      sqlite3_stmt *stmt;
      int rc;

      stmt = rc_database_prepare (import->database,
                                  "SELECT definition FROM surveys WHERE id = ?1 AND version = ?2",
                                  error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, rc_survey_get_id (survey), -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, rc_survey_get_version (survey));
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW && !g_str_equal ((const char *)sqlite3_column_text (stmt, 0), theirs))
        {
          sqlite3_finalize (stmt);
          return fail (import, error, RC_IMPORT_ERROR_CONFLICT,
                       _("its survey “%s” version %" PRId64 " differs from the one of the same "
                         "version here"),
                       rc_survey_get_id (survey), rc_survey_get_version (survey));
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return rc_database_fail (import->database, rc, error);

      if (!rc_response_store_insert_survey (import->database, survey, error))
        return FALSE;
    }

  return TRUE;
}

static const char *
get_string (JsonObject *record,
            const char *name)
{
  JsonNode *node = json_object_get_member (record, name);

  return node != NULL && rc_json_is_string (node) && *json_node_get_string (node) != '\0'
         ? json_node_get_string (node) : NULL;
}

static gboolean
is_submission_time (const char *text)
{
  static const char shape[] = "dddd-dd-ddTdd:dd:dd";
  gsize length = strlen (text);

  if (length != 10 && length != 19)
    return FALSE;

  for (gsize i = 0; i < length; i++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != shape[i])
        return FALSE;
    }

  return TRUE;
}

/* The answers of a record, checked as the kiosk checks a submit. */
static JsonNode *
read_answers (Import      *import,
              RcSurvey    *survey,
              const char  *response_id,
              const char  *language,
              JsonObject  *record,
              GError     **error)
{
  g_autoptr(JsonNode) read = NULL;
  g_autoptr(RcResponse) response = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GList) members = NULL;

  read = rc_response_table_read_answers (import->table, survey, record, &local_error);
  if (read == NULL)
    {
      fail (import, error, RC_IMPORT_ERROR_DOES_NOT_FIT, _("response “%s”: %s"),
            response_id, local_error->message);
      return NULL;
    }

  response = rc_response_new (survey, language);
  members = json_object_get_members (json_node_get_object (read));
  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!rc_response_set_answer (response, l->data,
                                   json_object_get_member (json_node_get_object (read), l->data),
                                   &local_error))
        {
          fail (import, error, RC_IMPORT_ERROR_DOES_NOT_FIT, _("response “%s”, question “%s”: %s"),
                response_id, (const char *)l->data, local_error->message);
          return NULL;
        }
    }

  if (!rc_response_validate (response, &local_error))
    {
      fail (import, error, RC_IMPORT_ERROR_DOES_NOT_FIT, _("response “%s”: %s"),
            response_id, local_error->message);
      return NULL;
    }

  /* Every answer read was kept as it is, in the survey's order, and none
   * dropped as empty: the answers read are the response's, with no copy. */
  if (rc_response_get_n_answers (response) == json_object_get_size (json_node_get_object (read)))
    return g_steal_pointer (&read);

  return rc_response_dup_answers (response);
}

static gboolean
cells_equal (const RcCell *a,
             const RcCell *b,
             guint         n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      if (a[i].kind != b[i].kind ||
          (a[i].kind == RC_CELL_INTEGER && a[i].integer != b[i].integer) ||
          (a[i].kind == RC_CELL_STRING && !g_str_equal (a[i].string, b[i].string)))
        return FALSE;
    }

  return TRUE;
}

/* Whether the response is already here: the same content is, a different
 * content under the same id is a conflict. */
static gboolean
find_existing (Import        *import,
               const RcCell  *theirs,
               gboolean      *present,
               GError       **error)
{
  g_autoptr(JsonNode) stored = NULL;
  guint n_columns = rc_response_table_get_n_columns (import->table);
  g_autofree RcCell *ours = NULL;
  const char *response_id = theirs[RC_COLUMN_RESPONSE_ID].string;
  char time_buffer[20];
  RcSurvey *survey;
  sqlite3_stmt *stmt;
  gboolean same;
  int rc;

  *present = FALSE;
  stmt = rc_database_prepare_cached (import->database,
                                     "SELECT survey_id, survey_version, device_id, language, submitted_at, "
                                     "duration_minutes, answers FROM responses WHERE id = ?1",
                                     error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, response_id, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      return TRUE;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      return rc_database_fail (import->database, rc, error);
    }

  /* Most responses of a merge are new: what compares them is made only
   * for one already here. */
  ours = g_new0 (RcCell, n_columns);
  survey = rc_response_table_lookup_survey (import->table, (const char *)sqlite3_column_text (stmt, 0),
                                            sqlite3_column_int64 (stmt, 1));
  same = survey != NULL &&
         (stored = rc_json_parse ((const char *)sqlite3_column_text (stmt, 6), -1, NULL)) &&
         JSON_NODE_HOLDS_OBJECT (stored);
  if (same)
    {
      rc_response_table_fill_row (import->table, survey, response_id,
                                  (const char *)sqlite3_column_text (stmt, 2),
                                  (const char *)sqlite3_column_text (stmt, 3),
                                  (const char *)sqlite3_column_text (stmt, 4),
                                  sqlite3_column_int64 (stmt, 5),
                                  json_node_get_object (stored), ours, time_buffer);
      same = cells_equal (ours, theirs, n_columns);
    }
  sqlite3_reset (stmt);

  if (!same)
    return fail (import, error, RC_IMPORT_ERROR_CONFLICT,
                 _("response “%s” is already here with different answers"), response_id);

  *present = TRUE;
  return TRUE;
}

static gboolean
import_record (Import      *import,
               JsonObject  *record,
               gint64      *n_added,
               gint64      *n_present,
               GError     **error)
{
  const char *response_id = get_string (record, "response_id");
  const char *survey_id = get_string (record, "survey_id");
  const char *device_id = get_string (record, "device_id");
  const char *language = get_string (record, "language");
  const char *submitted_at = get_string (record, "submitted_at");
  JsonNode *version = json_object_get_member (record, "survey_version");
  JsonNode *minutes = json_object_get_member (record, "duration_minutes");
  guint n_columns = rc_response_table_get_n_columns (import->table);
  g_autofree RcCell *cells = NULL;
  g_autoptr(JsonNode) answers = NULL;
  char time_buffer[20];
  RcSurvey *survey = NULL;
  gboolean present;

  if (response_id == NULL)
    return fail (import, error, RC_IMPORT_ERROR_DOES_NOT_FIT, _("a response has no id"));

  if (survey_id != NULL && version != NULL && rc_json_is_integer (version))
    survey = rc_response_table_lookup_survey (import->table, survey_id, json_node_get_int (version));
  if (survey == NULL)
    return fail (import, error, RC_IMPORT_ERROR_DOES_NOT_FIT,
                 _("response “%s” names a survey version the file does not have"), response_id);

  if (device_id == NULL || language == NULL ||
      !g_strv_contains (rc_survey_get_languages (survey), language) ||
      submitted_at == NULL || !is_submission_time (submitted_at) ||
      minutes == NULL || !rc_json_is_integer (minutes) || json_node_get_int (minutes) < 0)
    return fail (import, error, RC_IMPORT_ERROR_DOES_NOT_FIT,
                 _("response “%s” lacks its device, language, time or duration, or has one "
                   "that is not valid"),
                 response_id);

  if (!(answers = read_answers (import, survey, response_id, language, record, error)))
    return FALSE;

  cells = g_new0 (RcCell, n_columns);
  rc_response_table_fill_row (import->table, survey, response_id, device_id, language, submitted_at,
                              json_node_get_int (minutes), json_node_get_object (answers),
                              cells, time_buffer);

  if (!find_existing (import, cells, &present, error))
    return FALSE;

  if (present)
    {
      (*n_present)++;
      return TRUE;
    }

  if (!rc_response_store_insert (import->database, response_id, survey, device_id, language,
                                 submitted_at, json_node_get_int (minutes),
                                 json_node_get_object (answers), error))
    return FALSE;

  (*n_added)++;
  return TRUE;
}

/* The pages of the file already read are given back to the system as the
 * import goes: memory stays flat however large the file. They are read
 * again from the disk cache should anything look back. */
static void
release_read (const char *read_up_to,
              gpointer    user_data)
{
  Import *import = user_data;
  const char *contents = g_mapped_file_get_contents (import->mapped);
  gsize page = sysconf (_SC_PAGESIZE);
  gsize done = (read_up_to - contents) / page * page;

  if (done >= import->released + 4 * 1024 * 1024)
    {
      madvise ((char *)contents, done, MADV_DONTNEED);
      import->released = done;
    }
}

/* A response's place in the order of the merge. */
typedef struct
{
  const char *id;
  guint       index;
} RecordOrder;

static const char *
skip_space (const char *p,
            const char *end)
{
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p;
}

/* The id a response starts with, as the export writes it, or "" when it
 * does not: only the order of the merge depends on it, never what is
 * merged. */
static const char *
peek_response_id (const RcJsonSpan *span,
                  GStringChunk     *ids)
{
  static const char key[] = "\"response_id\"";
  const char *end = span->data + span->length;
  const char *p = skip_space (span->data, end);
  const char *start;

  if (p == end || *p++ != '{')
    return "";
  p = skip_space (p, end);
  if ((gsize)(end - p) < strlen (key) || memcmp (p, key, strlen (key)) != 0)
    return "";
  p = skip_space (p + strlen (key), end);
  if (p == end || *p++ != ':')
    return "";
  p = skip_space (p, end);
  if (p == end || *p++ != '"')
    return "";
  for (start = p; p < end && *p != '"' && *p != '\\'; p++)
    ;
  if (p == end || *p != '"')
    return "";

  return g_string_chunk_insert_len (ids, start, p - start);
}

static int
compare_record_orders (gconstpointer a,
                       gconstpointer b)
{
  const RecordOrder *x = a, *y = b;
  int by_id = strcmp (x->id, y->id);

  return by_id != 0 ? by_id : (x->index > y->index) - (x->index < y->index);
}

/* Merged in the order of their ids: the answers are kept under the id of
 * their response first, and rows written in that order fill one page after
 * another. In the file's order (by time, the ids at random) each response
 * wrote to pages of its own all over the table, and 10,000 responses took
 * 1.7 times as long. */
static GArray *
order_records (Import       *import,
               GStringChunk *ids)
{
  GArray *order = g_array_sized_new (FALSE, FALSE, sizeof (RecordOrder), import->records->len);

  for (guint i = 0; i < import->records->len; i++)
    {
      RcJsonSpan *span = &g_array_index (import->records, RcJsonSpan, i);
      RecordOrder record = { peek_response_id (span, ids), i };

      g_array_append_val (order, record);
      release_read (span->data + span->length, import);
    }
  g_array_sort (order, compare_record_orders);

  return order;
}

/* The mapped file, opened again to be read by parts: -1 when it cannot be,
 * or when what has the name now is not the same size. */
static int
open_mapped_again (Import *import)
{
  int fd = g_open (import->path, O_RDONLY | O_CLOEXEC, 0);
  GStatBuf st;

  if (fd >= 0 && (fstat (fd, &st) != 0 || (gsize)st.st_size != g_mapped_file_get_length (import->mapped)))
    {
      close (fd);
      fd = -1;
    }

  return fd;
}

/* Read out of the file's order, each response is read into @buffer, not
 * through the mapping: what the system mapped around it would stay
 * counted as the import's memory. The mapping is read should the file
 * not open again. */
static const char *
read_record (Import           *import,
             const RcJsonSpan *span,
             GByteArray       *buffer)
{
  const char *contents = g_mapped_file_get_contents (import->mapped);

  g_byte_array_set_size (buffer, span->length);
  if (import->fd >= 0 &&
      pread (import->fd, buffer->data, span->length, span->data - contents) == (gssize)span->length)
    return (const char *)buffer->data;

  return span->data;
}

static gboolean
import_records (Import        *import,
                JsonObject    *root,
                GCancellable  *cancellable,
                gint64        *n_added,
                gint64        *n_present,
                GError       **error)
{
  const char *contents = g_mapped_file_get_contents (import->mapped);
  g_autoptr(GByteArray) buffer = g_byte_array_new ();
  g_autoptr(GStringChunk) ids = NULL;
  g_autoptr(GArray) order = NULL;
  JsonNode *count = get_member (json_node_get_object (get_member (root, "export")), "responses");

  if (import->records == NULL || count == NULL || !rc_json_is_integer (count) ||
      import->records->len != json_node_get_int (count))
    return fail (import, error, RC_IMPORT_ERROR_DAMAGED,
                 _("it holds a different number of responses than it says"));

  ids = g_string_chunk_new (64 * 1024);
  order = order_records (import, ids);
  import->fd = open_mapped_again (import);

  for (guint i = 0; i < order->len; i++)
    {
      guint index = g_array_index (order, RecordOrder, i).index;
      RcJsonSpan *span = &g_array_index (import->records, RcJsonSpan, index);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(JsonNode) record = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      /* Not sealed: sealing a tree hashes every object in it, and each
       * response's is read once and dropped. */
      if (!(record = rc_json_parse_part (read_record (import, span, buffer), span->length,
                                         contents, span->data - contents, &local_error)))
        return fail (import, error, RC_IMPORT_ERROR_DAMAGED,
                     _("it is truncated or damaged (%s)"), local_error->message);
      if (!JSON_NODE_HOLDS_OBJECT (record))
        return fail (import, error, RC_IMPORT_ERROR_DAMAGED, _("a response is not a record"));
      if (!import_record (import, json_node_get_object (record), n_added, n_present, error))
        return FALSE;
    }

  return TRUE;
}

/* Text, but not an object: whatever it is, not an export. Nothing at all
 * is a file cut off before its first byte. */
static gboolean
holds_no_object (GMappedFile *mapped)
{
  gsize length = g_mapped_file_get_length (mapped);
  const char *p = rc_json_skip_byte_order_mark (g_mapped_file_get_contents (mapped), &length);
  const char *end;

  /* An empty file maps to no memory at all. */
  if (p == NULL)
    return FALSE;
  end = p + length;
  while (p < end && g_ascii_isspace (*p))
    p++;
  return p < end && *p != '{';
}

/* The document's members but its responses, as a tree: they are small.
 * The responses are found, not read: each is read when it is merged. */
static JsonNode *
read_document (Import  *import,
               GError **error)
{
  const char *contents = g_mapped_file_get_contents (import->mapped);
  g_autoptr(GHashTable) members = NULL;
  g_autoptr(JsonObject) root = json_object_new ();
  GHashTableIter iter;
  const char *name;
  RcJsonSpan *span;

  members = rc_json_split_object (contents, g_mapped_file_get_length (import->mapped), release_read, import, error);
  if (members == NULL)
    return NULL;

  g_hash_table_iter_init (&iter, members);
  while (g_hash_table_iter_next (&iter, (gpointer *)&name, (gpointer *)&span))
    {
      JsonNode *member;

      if (g_str_equal (name, "data"))
        {
          /* Not an array: the count of responses tells. */
          import->released = 0;
          import->records = rc_json_split_array (*span, release_read, import, NULL);
          json_object_set_null_member (root, name);
          continue;
        }
      if (!(member = rc_json_parse_part (span->data, span->length, contents, span->data - contents, error)))
        return NULL;
      json_object_set_member (root, name, member);
    }

  /* What was read to find the members is given back before the merge. */
  madvise ((char *)contents, g_mapped_file_get_length (import->mapped), MADV_DONTNEED);
  import->released = 0;

  return json_node_init_object (json_node_alloc (), root);
}

/**
 * rc_import_file:
 * @data_dir: the data folder to merge into
 * @path: an export of responses, from this kiosk or another
 * @cancellable: (nullable): stops the import, changing nothing
 * @n_added: (out): responses new here
 * @n_present: (out): responses that were already here
 * @error: a location for a #GError
 *
 * Merges every response of @path in one transaction: all of them or none.
 * A file that is not an export, comes from a newer format, is truncated,
 * has a response that does not fit its survey version, or repeats an id
 * with different content is refused with the reason, and nothing changes.
 * Importing the same file twice adds nothing.
 *
 * Returns: whether the file was merged
 */
gboolean
rc_import_file (const char    *data_dir,
                const char    *path,
                GCancellable  *cancellable,
                gint64        *n_added,
                gint64        *n_present,
                GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = NULL;
  Import import = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (n_added != NULL && n_present != NULL, FALSE);

  *n_added = *n_present = 0;
  import.path = path;
  import.fd = -1;
  import.surveys = g_ptr_array_new_with_free_func (g_object_unref);
  import.definitions = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);

  /* Mapped, not read: an export of a region's years of responses is read
   * a response at a time, never whole. */
  import.mapped = g_mapped_file_new (path, FALSE, &local_error);
  if (import.mapped == NULL || !(root = read_document (&import, &local_error)))
    {
      if (import.mapped != NULL && holds_no_object (import.mapped) && !looks_like_csv (path))
        fail (&import, error, RC_IMPORT_ERROR_NOT_AN_EXPORT,
              _("it is not an export of responses from Resource Centre"));
      else if (local_error->domain == G_FILE_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (looks_like_csv (path))
        fail (&import, error, RC_IMPORT_ERROR_NOT_AN_EXPORT,
              _("it is a CSV export; only JSON exports can be merged"));
      else
        fail (&import, error, RC_IMPORT_ERROR_DAMAGED,
              _("it is truncated or damaged (%s)"), local_error->message);
      goto out;
    }

  if (!check_header (&import, json_node_get_object (root), error) ||
      !read_surveys (&import, json_node_get_object (root), error) ||
      !check_columns (&import, json_node_get_object (root), error))
    goto out;

  if (!(import.database = rc_database_open (data_dir, error)))
    goto out;

  if (!rc_database_exec (import.database, "BEGIN IMMEDIATE", error))
    goto out;

  ok = store_surveys (&import, error) &&
       import_records (&import, json_node_get_object (root), cancellable, n_added, n_present, error) &&
       rc_database_exec (import.database, "COMMIT", error);

  if (!ok)
    {
      sqlite3_exec (rc_database_get_handle (import.database), "ROLLBACK", NULL, NULL, NULL);
      *n_added = *n_present = 0;
    }

out:
  import_clear (&import);
  return ok;
}
