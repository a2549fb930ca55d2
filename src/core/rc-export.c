/* rc-export.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rc-database.h"
#include "rc-export.h"
#include "rc-response-store-private.h"
#include "rc-i18n.h"
#include "rc-response-table.h"
#include "rc-row-reader.h"
#include "rc-sink.h"
#include "rc-json.h"

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      const char *plain = p;

      /* Most of a text needs no escape: copied a run at a time. */
      while (*p != '\0' && *p != '"' && *p != '\\' && (guchar)*p >= 0x20)
        p++;
      rc_string_append_len (out, plain, p - plain);
      if (*p == '\0')
        break;

      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if ((guchar)*p < 0x20)
            g_string_append_printf (out, "\\u%04x", (guchar)*p);
          else
            g_string_append_c (out, *p);
        }
    }
  g_string_append_c (out, '"');
}

/* What g_string_append_printf() with %" G_GINT64_FORMAT " writes, without
 * parsing a format for each of a million cells. */
static void
append_integer (GString *out,
                gint64   value)
{
  char digits[24];
  char *end = digits + sizeof digits;
  char *p = end;
  guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;

  do
    {
      *--p = '0' + magnitude % 10;
      magnitude /= 10;
    }
  while (magnitude != 0);
  if (value < 0)
    *--p = '-';

  rc_string_append_len (out, p, end - p);
}

/* RFC 4180: quoted when it holds a separator, a quote or a line break. */
static void
append_csv_field (GString    *out,
                  const char *text)
{
  gsize plain = strcspn (text, ",\"\r\n");

  if (text[plain] == '\0')
    {
      rc_string_append_len (out, text, plain);
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* "YYYY-MM-DD" exactly, whatever the locale would make of other forms. */
static gboolean
parse_day (const char *date,
           GDate      *day)
{
  guint year, month, dom;
  char end;

  if (strlen (date) != 10 || sscanf (date, "%4u-%2u-%2u%c", &year, &month, &dom, &end) != 3 ||
      !g_date_valid_dmy (dom, month, year))
    return FALSE;

  g_date_clear (day, 1);
  g_date_set_dmy (day, dom, month, year);
  return TRUE;
}

gboolean
rc_export_check_date (const char  *date,
                      GError     **error)
{
  GDate day;

  g_return_val_if_fail (date != NULL, FALSE);

  if (!parse_day (date, &day))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date written as YYYY-MM-DD"), date);
      return FALSE;
    }

  return TRUE;
}

gboolean
rc_export_format_from_string (const char      *name,
                              RcExportFormat  *format,
                              GError         **error)
{
  g_return_val_if_fail (name != NULL, FALSE);

  if (g_ascii_strcasecmp (name, "json") == 0)
    *format = RC_EXPORT_FORMAT_JSON;
  else if (g_ascii_strcasecmp (name, "csv") == 0)
    *format = RC_EXPORT_FORMAT_CSV;
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an export format: use json or csv"), name);
      return FALSE;
    }

  return TRUE;
}

/* The filter every query of an export shares: ?1 since, ?2 the day after
 * until, either NULL for no limit. */
#define FILTER "(?1 IS NULL OR submitted_at >= ?1) AND (?2 IS NULL OR submitted_at < ?2)"

/* A survey version that exported responses have, as it is stored. */
typedef struct
{
  char   *definition;
  char   *survey_id;
  gint64  survey_version;
  gint64  n_responses;                /* tallied as the rows are written */
} ExportedVersion;

/* A language of the exported responses. */
typedef struct
{
  char   *language;
  gint64  n_responses;
} ExportedLanguage;

static void
exported_version_clear (ExportedVersion *version)
{
  g_free (version->definition);
  g_free (version->survey_id);
}

static void
exported_language_clear (ExportedLanguage *language)
{
  g_free (language->language);
}

typedef struct
{
  RcDatabase       *database;
  const RcExportOptions *options;
  char             *until_next_day;
  RcResponseTable  *table;
  GArray           *versions;         /* ExportedVersion, the newest first */
  GPtrArray        *surveys;          /* RcSurvey, read from each version, same order */
  GArray           *languages;        /* ExportedLanguage, in alphabetical order */
  GPtrArray        *row_keys;         /* GString: a column's "name": in a row */
} Export;

static void
export_clear (Export *export)
{
  g_clear_pointer (&export->until_next_day, g_free);
  g_clear_pointer (&export->table, rc_response_table_free);
  g_clear_pointer (&export->versions, g_array_unref);
  g_clear_pointer (&export->surveys, g_ptr_array_unref);
  g_clear_pointer (&export->languages, g_array_unref);
  g_clear_pointer (&export->row_keys, g_ptr_array_unref);
  g_clear_object (&export->database);
}

static sqlite3_stmt *
prepare_filtered (Export      *export,
                  const char  *sql,
                  GError     **error)
{
  sqlite3_stmt *stmt = rc_database_prepare (export->database, sql, error);

  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, export->options->since, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, export->until_next_day, -1, SQLITE_STATIC);
    }

  return stmt;
}

/* Which survey versions the exported responses have, as stored: what the
 * file's columns need before the first row. Each version's count and each
 * language's are tallied while the rows are written: counting them here
 * took two more passes over every response. */
static gboolean
read_contents (Export  *export,
               GError **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_filtered (export,
                           /* The newest response of each version is found
                            * from the end of its index, not by counting. */
                           "SELECT s.definition, s.id, s.version, "
                           "       (SELECT max (submitted_at) FROM responses "
                           "        WHERE survey_id = s.id AND survey_version = s.version "
                           "              AND " FILTER ") AS last "
                           "FROM surveys s WHERE last IS NOT NULL "
                           "ORDER BY last DESC, s.version DESC",
                           error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ExportedVersion version = {
        .definition = g_strdup ((const char *)sqlite3_column_text (stmt, 0)),
        .survey_id = g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
        .survey_version = sqlite3_column_int64 (stmt, 2),
      };

      g_array_append_val (export->versions, version);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return rc_database_fail (export->database, rc, error);

  return TRUE;
}

/* How many responses the file will have, for a progress bar before the
 * first is written. Only asked for with one: it reads the whole index of
 * submission times, 4 ms at 100,000 responses. */
static gboolean
count_rows (Export   *export,
            gint64   *total,
            GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare_filtered (export, "SELECT count(*) FROM responses WHERE " FILTER, error);
  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    *total = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW)
    return rc_database_fail (export->database, rc, error);

  return TRUE;
}

/* The check of some of an export's versions, [first, end). */
typedef struct
{
  RcDatabase  *database;
  GArray      *versions;          /* ExportedVersion */
  guint        first;
  guint        end;
  RcSurvey   **surveys;           /* as versions */
  GError      *error;             /* the first failure */
} SurveyCheck;

static gpointer
check_surveys (gpointer data)
{
  SurveyCheck *check = data;

  for (guint i = check->first; i < check->end && check->error == NULL; i++)
    {
      ExportedVersion *version = &g_array_index (check->versions, ExportedVersion, i);

      check->surveys[i] = rc_response_store_read_survey (check->database, version->survey_id,
                                                         version->survey_version, version->definition,
                                                         strlen (version->definition), &check->error);
    }

  return NULL;
}

/* Checks each definition read_contents() found, while the row reader
 * already reads: it touches the text alone, not the database. The older
 * versions are checked in a thread of their own beside the newest.
 * Sharing two cores with the reader, the check then takes longer, but the
 * export ends sooner (bench/RESULTS.md, stop 28). */
static gboolean
read_surveys (Export  *export,
              GError **error)
{
  guint n_versions = export->versions->len;
  g_autofree RcSurvey **surveys = g_new0 (RcSurvey *, n_versions);
  SurveyCheck newest = { export->database, export->versions, 0, MIN (n_versions, 1), surveys, NULL };
  SurveyCheck older = { export->database, export->versions, MIN (n_versions, 1), n_versions, surveys, NULL };
  GThread *thread = NULL;

  if (older.first < older.end)
    thread = g_thread_try_new ("rc-export-check", check_surveys, &older, NULL);
  check_surveys (&newest);
  /* Without a thread, here after the newest. */
  if (thread != NULL)
    g_thread_join (thread);
  else
    check_surveys (&older);

  for (guint i = 0; i < n_versions; i++)
    if (surveys[i] != NULL)
      g_ptr_array_add (export->surveys, surveys[i]);
  /* The newest's failure first, as when they were checked in turn. */
  if (newest.error != NULL)
    {
      g_propagate_error (error, newest.error);
      g_clear_error (&older.error);
      return FALSE;
    }
  if (older.error != NULL)
    {
      g_propagate_error (error, older.error);
      return FALSE;
    }

  export->table = rc_response_table_new (export->surveys);
  return TRUE;
}

static void
write_json_head (Export  *export,
                 GString *out)
{
  guint n_columns = rc_response_table_get_n_columns (export->table);

  g_string_append (out, "{\"schema\":{\"fields\":[\n");
  for (guint i = 0; i < n_columns; i++)
    {
      const RcColumn *column = rc_response_table_get_column (export->table, i);
      static const char *types[] = {
        [RC_COLUMN_STRING] = "\"type\":\"string\"",
        [RC_COLUMN_INTEGER] = "\"type\":\"integer\"",
        /* What pandas reads as a nullable whole number. */
        [RC_COLUMN_NULLABLE_INTEGER] = "\"type\":\"any\",\"extDtype\":\"Int64\"",
        [RC_COLUMN_DATETIME] = "\"type\":\"datetime\"",
      };

      g_string_append (out, "{\"name\":");
      append_json_string (out, column->name);
      g_string_append_c (out, ',');
      g_string_append (out, types[column->type]);
      if (column->question_id != NULL)
        {
          g_string_append (out, ",\"question\":");
          append_json_string (out, column->question_id);
        }
      if (column->option_id != NULL)
        {
          g_string_append (out, ",\"option\":");
          append_json_string (out, column->option_id);
        }
      if (column->only_version != 0)
        g_string_append_printf (out, ",\"survey_version\":%" G_GINT64_FORMAT, column->only_version);
      g_string_append (out, i + 1 < n_columns ? "},\n" : "}\n");
    }
  g_string_append (out, "],\"primaryKey\":[\"response_id\"],\"pandas_version\":\"1.4.0\"},\n\"data\":[");
}

static void
free_row_key (gpointer key)
{
  g_string_free (key, TRUE);
}

static void
write_json_row (Export  *export,
                GString *out,
                RcCell  *cells,
                gboolean first)
{
  guint n_columns = rc_response_table_get_n_columns (export->table);

  /* Every row names every column: escaped once, not a million times. */
  if (export->row_keys == NULL)
    {
      export->row_keys = g_ptr_array_new_with_free_func (free_row_key);
      for (guint i = 0; i < n_columns; i++)
        {
          GString *key = g_string_new (i > 0 ? "," : "");

          append_json_string (key, rc_response_table_get_column (export->table, i)->name);
          g_string_append_c (key, ':');
          g_ptr_array_add (export->row_keys, key);
        }
    }

  g_string_append (out, first ? "\n{" : ",\n{");
  for (guint i = 0; i < n_columns; i++)
    {
      GString *key = g_ptr_array_index (export->row_keys, i);

      rc_string_append_len (out, key->str, key->len);
      switch (cells[i].kind)
        {
        case RC_CELL_INTEGER:
          append_integer (out, cells[i].integer);
          break;
        case RC_CELL_STRING:
          append_json_string (out, cells[i].string);
          break;
        case RC_CELL_NULL:
        default:
          rc_string_append_len (out, "null", 4);
        }
    }
  g_string_append_c (out, '}');
}

static void
write_json_tail (Export  *export,
                 GString *out,
                 gint64   n_written)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  g_string_append (out, "\n],\n\"survey\":");
  g_string_append (out, export->versions->len > 0 ? g_array_index (export->versions, ExportedVersion, 0).definition
                                                   : "null");
  g_string_append (out, ",\n\"other_surveys\":[");
  for (guint i = 1; i < export->versions->len; i++)
    {
      if (i > 1)
        g_string_append_c (out, ',');
      g_string_append (out, g_array_index (export->versions, ExportedVersion, i).definition);
    }

  g_string_append (out, "],\n\"export\":{\"format\":\"" RC_EXPORT_FORMAT_NAME "\",");
  g_string_append_printf (out, "\"format_version\":%d,\"created_at\":", RC_EXPORT_FORMAT_VERSION);
  append_json_string (out, created_at);
  g_string_append (out, ",\"device_id\":");
  append_json_string (out, rc_database_get_device_id (export->database));
  g_string_append (out, ",\"app_version\":\"" PACKAGE_VERSION "\"");
  g_string_append_printf (out, ",\"responses\":%" G_GINT64_FORMAT ",\"since\":", n_written);
  if (export->options->since)
    append_json_string (out, export->options->since);
  else
    g_string_append (out, "null");
  g_string_append (out, ",\"until\":");
  if (export->options->until)
    append_json_string (out, export->options->until);
  else
    g_string_append (out, "null");

  g_string_append (out, ",\"by_survey\":[");
  for (guint i = 0; i < export->surveys->len; i++)
    {
      RcSurvey *survey = g_ptr_array_index (export->surveys, i);

      g_string_append (out, i > 0 ? ",{\"survey_id\":" : "{\"survey_id\":");
      append_json_string (out, rc_survey_get_id (survey));
      g_string_append_printf (out, ",\"survey_version\":%" G_GINT64_FORMAT ",\"responses\":%" G_GINT64_FORMAT "}",
                              rc_survey_get_version (survey),
                              g_array_index (export->versions, ExportedVersion, i).n_responses);
    }
  g_string_append (out, "],\"by_language\":{");
  for (guint i = 0; i < export->languages->len; i++)
    {
      ExportedLanguage *counted = &g_array_index (export->languages, ExportedLanguage, i);

      if (i > 0)
        g_string_append_c (out, ',');
      append_json_string (out, counted->language);
      g_string_append_printf (out, ":%" G_GINT64_FORMAT, counted->n_responses);
    }
  g_string_append (out, "}}}\n");
}

/* A question's text in @language, falling back to another language of the
 * definition. */
static const char *
label_in (const RcText *text,
          const char   *language)
{
  const char *label = rc_text_get (text, language);

  if (label == NULL)
    label = text->ru ? text->ru : text->kk;
  return label ? label : "";
}

static void
write_csv_head (Export  *export,
                GString *out)
{
  guint n_columns = rc_response_table_get_n_columns (export->table);
  const char *language = export->options->labels_language;

  /* The byte-order mark by which Excel knows the file is UTF-8. */
  g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_csv_field (out, rc_response_table_get_column (export->table, i)->name);
    }
  g_string_append (out, "\r\n");

  if (language == NULL)
    return;

  for (guint i = 0; i < n_columns; i++)
    {
      const RcColumn *column = rc_response_table_get_column (export->table, i);
      g_autofree char *label = NULL;

      if (i > 0)
        g_string_append_c (out, ',');
      if (column->question == NULL)
        {
          append_csv_field (out, column->name);
          continue;
        }

      if (column->role == RC_COLUMN_OPTION)
        {
          RcOption *option = rc_question_lookup_option (column->question, column->option_id);

          label = g_strdup_printf ("%s: %s", label_in (&column->question->label, language),
                                   option ? label_in (&option->label, language) : column->option_id);
        }
      else if (column->role == RC_COLUMN_REFUSAL)
        label = g_strdup_printf ("%s: %s", label_in (&column->question->label, language), column->option_id);
      else
        label = g_strdup (label_in (&column->question->label, language));

      append_csv_field (out, label);
    }
  g_string_append (out, "\r\n");
}

static void
write_csv_row (Export  *export,
               GString *out,
               RcCell  *cells)
{
  guint n_columns = rc_response_table_get_n_columns (export->table);

  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (cells[i].kind == RC_CELL_INTEGER)
        append_integer (out, cells[i].integer);
      else if (cells[i].kind == RC_CELL_STRING)
        {
          /* Anyone at the kiosk can type an answer: one that starts like a
           * formula stays text when a coordinator opens the file in a
           * spreadsheet (OWASP's advice on CSV injection). The JSON keeps
           * it exactly. */
          if (strchr ("=+-@\t\r", cells[i].string[0]) != NULL && cells[i].string[0] != '\0')
            {
              g_autofree char *quoted = g_strconcat ("'", cells[i].string, NULL);

              append_csv_field (out, quoted);
            }
          else
            append_csv_field (out, cells[i].string);
        }
    }
  g_string_append (out, "\r\n");
}

static char *
skip_space (char *p)
{
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
    p++;
  return p;
}

static gboolean
read_hex4 (const char *p,
           gunichar   *value)
{
  *value = 0;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (p[i]);

      if (digit < 0)
        return FALSE;
      *value = *value * 16 + digit;
    }
  return TRUE;
}

/* A string, its escapes read and the text ended in place: never longer
 * than what it is read from. Returns what comes after it, or %NULL for
 * what is not a string, or holds a control character, a lone surrogate or
 * a nul. */
static char *
take_string (char        *p,
             const char **text)
{
  char *out;
  gunichar c, low;

  if (*p != '"')
    return NULL;
  *text = ++p;
  /* Most strings hold no escape: up to the first one, nothing moves. */
  while (*p != '"' && *p != '\\' && (guchar)*p >= 0x20)
    p++;
  out = p;
  while (*p != '"')
    {
      if ((guchar)*p < 0x20)
        return NULL;
      if (*p != '\\')
        {
          *out++ = *p++;
          continue;
        }
      switch (p[1])
        {
        case '"': case '\\': case '/':
          *out++ = p[1];
          break;
        case 'b':
          *out++ = '\b';
          break;
        case 'f':
          *out++ = '\f';
          break;
        case 'n':
          *out++ = '\n';
          break;
        case 'r':
          *out++ = '\r';
          break;
        case 't':
          *out++ = '\t';
          break;
        case 'u':
          if (!read_hex4 (p + 2, &c) || c == 0 || (c >= 0xDC00 && c < 0xE000))
            return NULL;
          if (c >= 0xD800 && c < 0xDC00)
            {
              if (p[6] != '\\' || p[7] != 'u' || !read_hex4 (p + 8, &low) || low < 0xDC00 || low >= 0xE000)
                return NULL;
              c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              p += 6;
            }
          out += g_unichar_to_utf8 (c, out);
          p += 4;
          break;
        default:
          return NULL;
        }
      p += 2;
    }
  *out = '\0';
  return p + 1;
}

/* Fills the row's answer columns from answers stored as the app writes
 * them, as they are read. Returns %FALSE for anything else, with some
 * columns filled: the row is then begun again. */
static gboolean
fill_plain_answers (Export   *export,
                    RcSurvey *survey,
                    char     *text,
                    RcCell   *cells)
{
  char *p = skip_space (text);

  if (*p++ != '{')
    return FALSE;
  p = skip_space (p);
  if (*p == '}')
    return *skip_space (p + 1) == '\0';

  for (;;)
    {
      const char *question_id;
      const char *string;
      gint64 integer = 0;

      if (!(p = take_string (p, &question_id)))
        return FALSE;
      p = skip_space (p);
      if (*p++ != ':')
        return FALSE;
      p = skip_space (p);

      if (*p == '"')
        {
          if (!(p = take_string (p, &string)))
            return FALSE;
          rc_response_table_fill_answer (export->table, survey, cells, question_id,
                                         RC_STORED_STRING, 0, string);
        }
      else if (*p == '-' || g_ascii_isdigit (*p))
        {
          const char *start = p;

          /* Up to 18 digits cannot overflow; a fraction or an exponent is
           * not a whole number. */
          if (*p == '-')
            p++;
          if (!g_ascii_isdigit (*p))
            return FALSE;
          for (; g_ascii_isdigit (*p); p++)
            integer = integer * 10 + (*p - '0');
          if (p - start > 18 || *p == '.' || *p == 'e' || *p == 'E')
            return FALSE;
          if (*start == '-')
            integer = -integer;
          rc_response_table_fill_answer (export->table, survey, cells, question_id,
                                         RC_STORED_INTEGER, integer, NULL);
        }
      else if (*p == '[')
        {
          rc_response_table_fill_answer (export->table, survey, cells, question_id,
                                         RC_STORED_OTHER, 0, NULL);
          p = skip_space (p + 1);
          while (*p != ']')
            {
              if (!(p = take_string (p, &string)))
                return FALSE;
              rc_response_table_fill_choice (export->table, survey, cells, question_id, string);
              p = skip_space (p);
              if (*p == ',')
                p = skip_space (p + 1);
              else if (*p != ']')
                return FALSE;
            }
          p++;
        }
      else
        return FALSE;

      p = skip_space (p);
      if (*p == '}')
        return *skip_space (p + 1) == '\0';
      if (*p++ != ',')
        return FALSE;
      p = skip_space (p);
    }
}

/* One more response of @survey in @language, for the file's summary. The
 * languages stay in alphabetical order; a response's language is most
 * often the one before. */
static void
tally_row (Export     *export,
           RcSurvey   *survey,
           const char *language,
           guint      *last_language)
{
  ExportedLanguage *languages = (ExportedLanguage *)(gpointer)export->languages->data;
  int order = 0;
  guint i;

  for (i = 0; g_ptr_array_index (export->surveys, i) != survey; i++)
    g_assert (i + 1 < export->surveys->len);
  g_array_index (export->versions, ExportedVersion, i).n_responses++;

  if (language == NULL)
    language = "";
  if (*last_language < export->languages->len && g_str_equal (languages[*last_language].language, language))
    {
      languages[*last_language].n_responses++;
      return;
    }

  for (i = 0; i < export->languages->len; i++)
    if ((order = strcmp (languages[i].language, language)) >= 0)
      break;
  if (i == export->languages->len || order > 0)
    {
      ExportedLanguage added = { g_strdup (language), 0 };

      g_array_insert_val (export->languages, i, added);
    }
  g_array_index (export->languages, ExportedLanguage, i).n_responses++;
  *last_language = i;
}

/* The columns of the rows' query, in its order. */
enum
{
  ROW_ID,
  ROW_SURVEY_ID,
  ROW_SURVEY_VERSION,
  ROW_DEVICE_ID,
  ROW_LANGUAGE,
  ROW_SUBMITTED_AT,
  ROW_DURATION_MINUTES,
  ROW_ANSWERS,
};

static void
begin_row (Export      *export,
           RcRowReader *reader,
           RcSurvey    *survey,
           RcCell      *cells,
           char         time_buffer[20])
{
  rc_response_table_begin_row (export->table, survey,
                               rc_row_reader_get_text (reader, ROW_ID, NULL),
                               rc_row_reader_get_text (reader, ROW_DEVICE_ID, NULL),
                               rc_row_reader_get_text (reader, ROW_LANGUAGE, NULL),
                               rc_row_reader_get_text (reader, ROW_SUBMITTED_AT, NULL),
                               rc_row_reader_get_int64 (reader, ROW_DURATION_MINUTES),
                               cells, time_buffer);
}

/* Writes each row @reader gives, until the last or a failure; the caller
 * finishes @reader. */
static gboolean
write_rows (Export            *export,
            RcRowReader       *reader,
            RcSink            *sink,
            RcProgress        *progress,
            GCancellable      *cancellable,
            gint64            *n_written,
            GError           **error)
{
  g_autofree RcCell *cells = g_new0 (RcCell, rc_response_table_get_n_columns (export->table));
  g_autoptr(GString) plain_copy = g_string_new (NULL);
  gboolean json = export->options->format == RC_EXPORT_FORMAT_JSON;
  gboolean stopped = FALSE;
  guint last_language = G_MAXUINT;
  char time_buffer[20];

  while (rc_row_reader_next (reader))
    {
      const char *id = rc_row_reader_get_text (reader, ROW_ID, NULL);
      const char *survey_id = rc_row_reader_get_text (reader, ROW_SURVEY_ID, NULL);
      gint64 version = rc_row_reader_get_int64 (reader, ROW_SURVEY_VERSION);
      RcSurvey *survey = rc_response_table_lookup_survey (export->table, survey_id, version);
      gsize stored_length;
      const char *stored = rc_row_reader_get_text (reader, ROW_ANSWERS, &stored_length);
      g_autoptr(JsonNode) answers = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          stopped = TRUE;
          break;
        }

      g_assert (survey != NULL);
      tally_row (export, survey, rc_row_reader_get_text (reader, ROW_LANGUAGE, NULL), &last_language);
      begin_row (export, reader, survey, cells, time_buffer);
      g_string_truncate (plain_copy, 0);
      rc_string_append_len (plain_copy, stored, stored_length);
      if (!fill_plain_answers (export, survey, plain_copy->str, cells))
        {
          /* Valid JSON, as the table checks; but only an object is answers. */
          if (stored == NULL || !(answers = rc_json_parse (stored, stored_length, NULL)) ||
              !JSON_NODE_HOLDS_OBJECT (answers))
            {
              g_set_error (error, RC_DATABASE_ERROR, RC_DATABASE_ERROR_DAMAGED,
                           _("The answers of the response “%s” in the database are damaged"), id);
              stopped = TRUE;
              break;
            }
          begin_row (export, reader, survey, cells, time_buffer);
          rc_response_table_fill_answers (export->table, survey, cells, json_node_get_object (answers));
        }

      if (json)
        write_json_row (export, sink->buffer, cells, *n_written == 0);
      else
        write_csv_row (export, sink->buffer, cells);
      (*n_written)++;

      if (progress != NULL)
        g_atomic_int_set (&progress->done, (gint)MIN (*n_written, G_MAXINT));

      if (!rc_sink_maybe_flush (sink, error))
        {
          stopped = TRUE;
          break;
        }
    }

  return !stopped;
}

/**
 * rc_export_day_after:
 * @date: a day checked by rc_export_check_date()
 *
 * Returns: (transfer full): the next day, "YYYY-MM-DD"; what a filter up
 *   to and including @date compares submission times with
 */
char *
rc_export_day_after (const char *date)
{
  GDate day;
  char text[11];

  /* Checked by rc_export_check_date() before. */
  if (!parse_day (date, &day))
    g_assert_not_reached ();
  g_date_add_days (&day, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &day);

  return g_strdup (text);
}

/**
 * rc_export_write:
 * @data_dir: the data folder whose responses to export
 * @path: the file to write
 * @options: the format and which responses
 * @progress: (nullable): updated as rows are written, from this thread
 * @cancellable: (nullable): stops the export, leaving no file
 * @n_written: (out): the number of responses written
 * @error: a location for a #GError
 *
 * Writes one consistent snapshot of the responses, even while the kiosk
 * keeps saving, over a connection of its own (so it may run in another
 * thread). @path appears only once it is complete and on disk; on any
 * failure or a cancel nothing is left behind.
 *
 * Returns: whether the export was written
 */
gboolean
rc_export_write (const char             *data_dir,
                 const char             *path,
                 const RcExportOptions  *options,
                 RcProgress             *progress,
                 GCancellable           *cancellable,
                 gint64                 *n_written,
                 GError                **error)
{
  Export export = { 0 };
  RcSink sink = { 0 };
  sqlite3_stmt *rows = NULL;
  RcRowReader *reader = NULL;
  gboolean in_transaction = FALSE;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (n_written != NULL, FALSE);

  *n_written = 0;
  sink.fd = -1;

  if ((options->since != NULL && !rc_export_check_date (options->since, error)) ||
      (options->until != NULL && !rc_export_check_date (options->until, error)))
    return FALSE;

  /* Such a range holds no day, and an empty file would pass for "no
   * responses then". Both are YYYY-MM-DD, so the text orders as the days. */
  if (options->since != NULL && options->until != NULL && strcmp (options->since, options->until) > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   /* Translators: the first and the last day asked for, as YYYY-MM-DD */
                   _("The first day, %s, is later than the last day, %s"),
                   options->since, options->until);
      return FALSE;
    }

  export.options = options;
  export.until_next_day = options->until ? rc_export_day_after (options->until) : NULL;
  export.versions = g_array_new (FALSE, FALSE, sizeof (ExportedVersion));
  g_array_set_clear_func (export.versions, (GDestroyNotify)exported_version_clear);
  export.surveys = g_ptr_array_new_with_free_func (g_object_unref);
  export.languages = g_array_new (FALSE, FALSE, sizeof (ExportedLanguage));
  g_array_set_clear_func (export.languages, (GDestroyNotify)exported_language_clear);

  if (!(export.database = rc_database_open_existing (data_dir, error)))
    goto out;

  /* The rows are read once each, in the order of submission: what is
   * read again is mostly the inner pages of the two b-trees, and 128
   * pages (512 KiB) keep those. SQLite's default cache of 2 MB is memory
   * new to the process, page by page, that is filled once and hardly read
   * again. (At 100,000 responses, 64 pages had 23 % more pages read from
   * the file; 128, 5 %.) Then one read transaction: one snapshot of the
   * database for every query. */
  if (!rc_database_exec (export.database, "PRAGMA cache_size = 128", error) ||
      !rc_database_exec (export.database, "BEGIN", error))
    goto out;
  in_transaction = TRUE;

  if (!read_contents (&export, error))
    goto out;

  if (progress != NULL)
    {
      gint64 total = 0;

      if (!count_rows (&export, &total, error))
        goto out;
      g_atomic_int_set (&progress->total, (gint)MIN (total, G_MAXINT));
    }

  /* The rows are read in a thread from here on, while the definitions
   * are checked and the file is opened: the connection is the reader's
   * until it finishes. */
  rows = prepare_filtered (&export,
                           "SELECT id, survey_id, survey_version, device_id, language, "
                           "submitted_at, duration_minutes, answers FROM responses "
                           "WHERE " FILTER " ORDER BY submitted_at, id",
                           error);
  if (rows == NULL)
    goto out;
  reader = rc_row_reader_start (rows);

  if (!read_surveys (&export, error) || !rc_sink_open (&sink, path, error))
    goto out;

  if (options->format == RC_EXPORT_FORMAT_JSON)
    write_json_head (&export, sink.buffer);
  else
    write_csv_head (&export, sink.buffer);

  if (!write_rows (&export, reader, &sink, progress, cancellable, n_written, error))
    goto out;

  rc = rc_row_reader_finish (g_steal_pointer (&reader));
  if (rc != SQLITE_DONE)
    {
      rc_database_fail (export.database, rc, error);
      goto out;
    }

  if (options->format == RC_EXPORT_FORMAT_JSON)
    write_json_tail (&export, sink.buffer, *n_written);

  /* The row loop sees a cancel only when there are rows. */
  ok = rc_sink_commit_full (&sink, cancellable, error);

out:
  if (reader != NULL)
    rc_row_reader_finish (reader);
  g_clear_pointer (&rows, sqlite3_finalize);
  if (!ok)
    {
      rc_sink_abort (&sink);
      *n_written = 0;
    }
  if (in_transaction)
    sqlite3_exec (rc_database_get_handle (export.database), "COMMIT", NULL, NULL, NULL);
  export_clear (&export);

  return ok;
}

/**
 * rc_export_write_opinions:
 * @data_dir: the data folder whose opinions to export
 * @path: the JSON file to write
 * @cancellable: (nullable): stops the export, leaving no file
 * @n_written: (out): the number of opinions written
 * @error: a location for a #GError
 *
 * Writes the readers' opinions on the posts' questions, with the question
 * each answers, as safely as the responses: complete or not at all, and
 * readable only by their owner. It may run in another thread.
 *
 * Returns: whether the export was written
 */
gboolean
rc_export_write_opinions (const char    *data_dir,
                          const char    *path,
                          GCancellable  *cancellable,
                          gint64        *n_written,
                          GError       **error)
{
  g_autoptr(RcDatabase) database = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *created_at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  RcSink sink = { 0 };
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (data_dir != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (n_written != NULL, FALSE);

  *n_written = 0;
  sink.fd = -1;

  if (!(database = rc_database_open_existing (data_dir, error)) ||
      !rc_database_exec (database, "BEGIN", error))
    return FALSE;

  /* The question is the one of the post in the language it was read in. */
  stmt = rc_database_prepare (database,
                              "SELECT o.id, o.post_group, o.language, o.submitted_at, o.text, "
                              "  (SELECT json_extract (b.value, '$.question') "
                              "     FROM posts p, json_each (p.blocks) b "
                              "    WHERE p.group_id = o.post_group AND p.language = o.language "
                              "      AND json_extract (b.value, '$.type') = 'opinion') "
                              "FROM opinions o ORDER BY o.submitted_at, o.id",
                              error);
  if (stmt == NULL || !rc_sink_open (&sink, path, error))
    goto out;

  g_string_append (sink.buffer, "{\"opinions\":[");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      static const char * const names[] = { "id", "post", "language", "submitted_at", "text", "question" };

      g_string_append (sink.buffer, *n_written == 0 ? "\n{" : ",\n{");
      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        {
          const char *value = (const char *)sqlite3_column_text (stmt, i);

          g_string_append_printf (sink.buffer, "%s\"%s\":", i > 0 ? "," : "", names[i]);
          if (value != NULL)
            append_json_string (sink.buffer, value);
          else
            g_string_append (sink.buffer, "null");
        }
      g_string_append_c (sink.buffer, '}');
      (*n_written)++;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !rc_sink_maybe_flush (&sink, error))
        goto out;
    }
  if (rc != SQLITE_DONE)
    {
      rc_database_fail (database, rc, error);
      goto out;
    }

  g_string_append (sink.buffer, "\n],\n\"export\":{\"format\":\"resource-center-opinions\",\"format_version\":1,");
  g_string_append (sink.buffer, "\"created_at\":");
  append_json_string (sink.buffer, created_at);
  g_string_append (sink.buffer, ",\"device_id\":");
  append_json_string (sink.buffer, rc_database_get_device_id (database));
  g_string_append_printf (sink.buffer, ",\"opinions\":%" G_GINT64_FORMAT "}}\n", *n_written);

  ok = rc_sink_commit_full (&sink, cancellable, error);

out:
  if (stmt != NULL)
    sqlite3_finalize (stmt);
  if (!ok)
    {
      rc_sink_abort (&sink);
      *n_written = 0;
    }
  sqlite3_exec (rc_database_get_handle (database), "COMMIT", NULL, NULL, NULL);

  return ok;
}
