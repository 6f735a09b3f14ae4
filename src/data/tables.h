/* data/tables.h: the CSV files import reads and export writes: one per
 * table, its columns, which are keys, required, references, and how each
 * cell is checked. The only source of table and column names in SQL that
 * import and export build. */
#ifndef BC_DATA_TABLES_H
#define BC_DATA_TABLES_H

#include <stdbool.h>
#include <stddef.h>

/* How a cell is read. */
typedef enum bc_col_type {
  BC_COL_TEXT,
  BC_COL_INT,       /* a whole number: -?[0-9]+ */
  BC_COL_DATE,      /* YYYY-MM-DD, YYYY-MM or YYYY */
  BC_COL_FULL_DATE, /* YYYY-MM-DD */
  BC_COL_VALUE      /* indicator_value's value: by the indicator's kind */
} bc_col_type;

/* What a text cell must look like. */
typedef enum bc_col_pattern {
  BC_PAT_NONE,
  BC_PAT_AGENCY,    /* ASCII letters, digits, - _ */
  BC_PAT_PERIOD,    /* ASCII letters, digits, - _ . */
  BC_PAT_KEY,       /* a-z 0-9 _ (sections, narrative keys) */
  BC_PAT_INDICATOR, /* a-z 0-9 _ . */
  BC_PAT_TEMPLATE,  /* a-z 0-9 _ - /, no leading, trailing or double / */
  BC_PAT_PERIOD_KIND,
  BC_PAT_INDICATOR_KIND,
  BC_PAT_ROLE /* agency_certificate's role: seal, signer */
} bc_col_pattern;

/* Which table a cell must name a row of. */
typedef enum bc_col_ref {
  BC_REF_NONE,
  BC_REF_AGENCY,
  BC_REF_PERIOD,
  BC_REF_INDICATOR,
  BC_REF_SIGNER,
  BC_REF_COUNT
} bc_col_ref;

/* An empty cell: an error, NULL, or the column's default. */
typedef enum bc_col_empty {
  BC_EMPTY_ERROR,
  BC_EMPTY_NULL,
  BC_EMPTY_DEFAULT
} bc_col_empty;

typedef struct bc_column {
  const char *name;
  unsigned char type;    /* bc_col_type */
  unsigned char pattern; /* bc_col_pattern */
  unsigned char ref;     /* bc_col_ref */
  unsigned char empty;   /* bc_col_empty */
  bool key;              /* part of the row's key (agency_certificate's
                            spki_sha256, issuer, subject: may be NULL) */
  bool required;         /* the header must name it */
  const char *fallback;  /* BC_EMPTY_DEFAULT: the value of an empty cell */
} bc_column;

typedef struct bc_table {
  const char *name;     /* the SQL table */
  const char *plural;   /* export writes plural.csv: "agencies" */
  const char *singular; /* import also takes singular.csv: "agency" */
  const bc_column *columns;
  size_t count;
} bc_table;

/* In import order: each table after those it refers to. */
#define BC_TABLE_COUNT 10
#define BC_TABLE_NARRATIVE 8 /* the table of KEY.md files */
extern const bc_table bc_tables[BC_TABLE_COUNT];

/* The index of the table for a file's base name (agency.csv,
 * agencies.csv, either case), or -1. */
int bc_table_for_file(const char *path);

/* The accepted file names, for the error on an unknown one. */
const char *bc_table_file_names(void);

/* The column pattern's rule in words ("ASCII letters, digits, - and _"),
 * and whether s matches it. */
const char *bc_pattern_rule(int pattern);
bool bc_pattern_match(int pattern, const char *s);

#endif
