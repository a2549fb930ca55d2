/* rc-row-reader.c
 *
 * Copyright 2026 Resource Centre contributors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "rc-row-reader.h"

/* A batch is handed over once it holds this much text; with N_BATCHES of
 * them, memory stays flat however many rows the statement gives. */
#define BATCH_BYTES (128 * 1024)
#define N_BATCHES 4
#define NO_TEXT G_MAXSIZE

typedef struct
{
  gint64 integer;
  gsize  offset;               /* of the text in the batch; NO_TEXT for a number or NULL */
  gsize  length;
} Cell;

typedef struct
{
  GString *text;               /* every text of its rows, each ended by a nul */
  GArray  *cells;              /* Cell, n_columns a row */
  guint    n_rows;
  int      rc;                 /* SQLITE_ROW while more batches follow */
} Batch;

/* Reading a large table is two jobs of about equal cost: SQLite finding
 * and decoding the rows, and whatever the caller makes of them. Done in
 * two threads, on a computer with two cores they take half as long. */
struct _RcRowReader
{
  sqlite3_stmt *stmt;
  guint         n_columns;
  GThread      *thread;
  GAsyncQueue  *full;          /* Batch, in the statement's order */
  GAsyncQueue  *empty;         /* Batch, to fill again */
  int           stopping;      /* atomic */
  Batch        *current;
  guint         row;           /* in current, once next() found one */
};

static void
batch_free (Batch *batch)
{
  g_string_free (batch->text, TRUE);
  g_array_unref (batch->cells);
  g_free (batch);
}

static void
copy_row (RcRowReader *reader,
          Batch       *batch)
{
  guint first = batch->cells->len;
  Cell *cells;

  g_array_set_size (batch->cells, first + reader->n_columns);
  cells = &g_array_index (batch->cells, Cell, first);
  for (guint i = 0; i < reader->n_columns; i++)
    {
      Cell *cell = &cells[i];

      *cell = (Cell) { 0, NO_TEXT, 0 };
      switch (sqlite3_column_type (reader->stmt, i))
        {
        case SQLITE_NULL:
          break;
        case SQLITE_INTEGER:
        case SQLITE_FLOAT:
          cell->integer = sqlite3_column_int64 (reader->stmt, i);
          break;
        default:
          {
            const char *text = (const char *)sqlite3_column_text (reader->stmt, i);

            cell->length = sqlite3_column_bytes (reader->stmt, i);
            cell->offset = batch->text->len;
            /* SQLite ends every text with a nul: it comes along. */
            if (text != NULL)
              g_string_append_len (batch->text, text, cell->length + 1);
            else
              g_string_append_c (batch->text, '\0');
          }
        }
    }
  batch->n_rows++;
}

static gpointer
read_rows (gpointer data)
{
  RcRowReader *reader = data;
  int rc = SQLITE_ROW;

  while (rc == SQLITE_ROW)
    {
      Batch *batch = g_async_queue_pop (reader->empty);

      g_string_truncate (batch->text, 0);
      g_array_set_size (batch->cells, 0);
      batch->n_rows = 0;
      while (batch->text->len < BATCH_BYTES)
        {
          if (g_atomic_int_get (&reader->stopping))
            {
              rc = SQLITE_DONE;
              break;
            }
          if ((rc = sqlite3_step (reader->stmt)) != SQLITE_ROW)
            break;
          copy_row (reader, batch);
        }
      batch->rc = rc;
      g_async_queue_push (reader->full, batch);
    }

  return NULL;
}

/**
 * rc_row_reader_start:
 * @stmt: a statement ready to step; its connection is the reader's, and
 *   untouched by anyone else, until rc_row_reader_finish()
 *
 * Steps @stmt in a thread of its own, a few batches of rows ahead of
 * rc_row_reader_next().
 *
 * Returns: (transfer full): the reader, to end with rc_row_reader_finish()
 */
RcRowReader *
rc_row_reader_start (sqlite3_stmt *stmt)
{
  RcRowReader *reader;

  g_return_val_if_fail (stmt != NULL, NULL);

  reader = g_new0 (RcRowReader, 1);
  reader->stmt = stmt;
  reader->n_columns = sqlite3_column_count (stmt);
  reader->full = g_async_queue_new ();
  reader->empty = g_async_queue_new ();
  for (guint i = 0; i < N_BATCHES; i++)
    {
      Batch *batch = g_new0 (Batch, 1);

      batch->text = g_string_sized_new (BATCH_BYTES + 4096);
      batch->cells = g_array_new (FALSE, FALSE, sizeof (Cell));
      g_async_queue_push (reader->empty, batch);
    }
  reader->thread = g_thread_new ("rc-row-reader", read_rows, reader);

  return reader;
}

/**
 * rc_row_reader_next:
 *
 * Moves to the next row, waiting for it to be read.
 *
 * Returns: whether there is one: %FALSE after the last row, or when the
 *   statement failed (rc_row_reader_finish() tells which)
 */
gboolean
rc_row_reader_next (RcRowReader *reader)
{
  g_return_val_if_fail (reader != NULL, FALSE);

  if (reader->current != NULL)
    reader->row++;

  while (reader->current == NULL || reader->row >= reader->current->n_rows)
    {
      if (reader->current != NULL)
        {
          if (reader->current->rc != SQLITE_ROW)
            return FALSE;
          g_async_queue_push (reader->empty, reader->current);
        }
      reader->current = g_async_queue_pop (reader->full);
      reader->row = 0;
    }

  return TRUE;
}

static Cell *
current_cell (RcRowReader *reader,
              guint        column)
{
  g_assert (reader->current != NULL && reader->row < reader->current->n_rows);
  return &g_array_index (reader->current->cells, Cell, reader->row * reader->n_columns + column);
}

/**
 * rc_row_reader_get_text:
 * @column: a column that holds text
 * @length: (out) (optional): its length in bytes
 *
 * Returns: (nullable): the text of @column in the current row, valid until
 *   the next row; %NULL for a number or NULL
 */
const char *
rc_row_reader_get_text (RcRowReader *reader,
                        guint        column,
                        gsize       *length)
{
  Cell *cell;

  g_return_val_if_fail (reader != NULL, NULL);
  g_return_val_if_fail (column < reader->n_columns, NULL);

  cell = current_cell (reader, column);
  if (length != NULL)
    *length = cell->length;
  return cell->offset == NO_TEXT ? NULL : reader->current->text->str + cell->offset;
}

/**
 * rc_row_reader_get_int64:
 * @column: a column that holds a number
 *
 * Returns: its value in the current row; 0 for a text or NULL
 */
gint64
rc_row_reader_get_int64 (RcRowReader *reader,
                         guint        column)
{
  g_return_val_if_fail (reader != NULL, 0);
  g_return_val_if_fail (column < reader->n_columns, 0);

  return current_cell (reader, column)->integer;
}

/**
 * rc_row_reader_finish:
 *
 * Stops reading, whether or not every row was taken, waits for the thread
 * and frees @reader. The statement is then the caller's again.
 *
 * Returns: %SQLITE_DONE after the last row or a stop before it, or the
 *   error with which the statement failed
 */
int
rc_row_reader_finish (RcRowReader *reader)
{
  Batch *batch;
  int rc;

  g_return_val_if_fail (reader != NULL, SQLITE_MISUSE);

  g_atomic_int_set (&reader->stopping, TRUE);
  if (reader->current == NULL)
    reader->current = g_async_queue_pop (reader->full);
  /* The thread may wait for a batch to fill: it gets them back until it
   * sees the stop. */
  while (reader->current->rc == SQLITE_ROW)
    {
      g_async_queue_push (reader->empty, reader->current);
      reader->current = g_async_queue_pop (reader->full);
    }
  rc = reader->current->rc;
  g_thread_join (reader->thread);

  batch_free (reader->current);
  while ((batch = g_async_queue_try_pop (reader->empty)) != NULL ||
         (batch = g_async_queue_try_pop (reader->full)) != NULL)
    batch_free (batch);
  g_async_queue_unref (reader->full);
  g_async_queue_unref (reader->empty);
  g_free (reader);

  return rc;
}
