/* bulk/bulk_int.h: inside the bulk module: the manifest, JSON Lines, one
 * line written per report as it finishes and the lines read back for
 * --resume (manifest.c). */
#ifndef BC_BULK_BULK_INT_H
#define BC_BULK_BULK_INT_H

#include "baocao/bulk.h"
#include "common/arena.h"
#include "common/buf.h"

/* Appends item as one JSON object and a newline. Strings are escaped
 * (bytes that are not UTF-8 become U+FFFD): whatever the database holds,
 * a line stays one valid JSON object. */
void bc_bulk__manifest_line(bc_buf *out,
                            const bc_bulk_item *item,
                            const char *period);

/* What --resume needs of an earlier line. */
typedef struct bc_manifest_entry {
  const char *agency;
  const char *template_name;
  const char *output;
  const char *status;
  const char *sha256;
  const char *input_sha256;
  long long pages;
  long long bytes;
  double ms;
  const char *line; /* the whole line as read, without its newline */
  size_t line_len;
} bc_manifest_entry;

/*
 * Reads the manifest at path: every line that is a complete JSON object
 * with the fields above, in file order (a later line for the same report
 * replaces an earlier one: the caller takes the last). A line is read
 * through cJSON (common/json.h, BC_JSON_STRICT) and must be one flat JSON
 * object: no control character or U+0000 in a string, nothing after the
 * object, no array or object inside, a key given twice taking its last
 * value, pages and bytes that a long long holds; other lines (the
 * half-written last line of a killed run) are skipped. A
 * missing file gives *count = 0; an unreadable one is BC_EIO.
 * *ends_with_newline tells whether the file can be appended to as is.
 */
int bc_bulk__manifest_read(bc_manifest_entry **out,
                           size_t *count,
                           int *ends_with_newline,
                           const char *path,
                           bc_arena *arena,
                           bc_error *err);

#endif
