/* table.h: writing result tables for people (aligned text) and machines (CSV, TSV, JSON, Markdown). */
#ifndef CLOUT_TABLE_H
#define CLOUT_TABLE_H

#include <stdio.h>
#include <igraph.h>

enum clout_format {
	CLOUT_FORMAT_TABLE,
	CLOUT_FORMAT_CSV,
	CLOUT_FORMAT_TSV,
	CLOUT_FORMAT_JSON,
	CLOUT_FORMAT_MD
};

/* The format with this name (table, csv, tsv, json, md), or -1. */
int		clout_format_find(const char *name);

/* Whether a spreadsheet would run text as a formula: it starts with = + - @, a tab or a CR. */
int		clout_formula_like(const char *text);

enum clout_column_kind {
	CLOUT_COLUMN_TEXT,
	CLOUT_COLUMN_INT,
	CLOUT_COLUMN_REAL
};

/* An integer cell with no value (empty in tables, null in JSON). */
#define CLOUT_NULL_INT	IGRAPH_INTEGER_MIN

/*
 * A text column is free text (ids, labels, notes) unless code is set: then
 * its values are a fixed vocabulary clout writes itself (a sign '+' or '-',
 * a sector name) and are never altered. See clout_table_write for what CSV
 * and TSV do to free text that a spreadsheet would run as a formula.
 */
struct clout_column {
	const char			*name;
	enum clout_column_kind		 kind;
	int				 code;		/* CLOUT_COLUMN_TEXT: clout's own words */
	const igraph_strvector_t	*text;		/* CLOUT_COLUMN_TEXT */
	const igraph_vector_int_t	*integers;	/* CLOUT_COLUMN_INT; CLOUT_NULL_INT is null */
	const igraph_vector_t		*reals;		/* CLOUT_COLUMN_REAL; NaN is null */
};

/*
 * A table borrows its columns: the vectors must outlive it. rows lists, in
 * output order, the item of each row (an index into every column's vector).
 */
struct clout_table {
	const struct clout_column	*columns;
	int				 ncolumns;
	const igraph_vector_int_t	*rows;
};

/*
 * Write the table. Terminal tables align columns by display width (so
 * Cyrillic lines up) and print reals with 6 decimals; CSV, TSV and JSON carry
 * reals with enough digits to read back the same double (at least 10
 * significant digits).
 *
 * CSV and TSV are opened in spreadsheets, which run a cell starting with
 * '=', '+', '-', '@', a tab or a carriage return as a formula. There, a free
 * text cell (and a header name) starting so gets a leading single quote
 * (OWASP's advice: "=HYPERLINK(..)" is written "'=HYPERLINK(..)"). Number
 * columns and code columns are written exactly; JSON, Markdown and the
 * terminal table are never altered. Returns IGRAPH_EFILE when writing fails.
 */
igraph_error_t	clout_table_write(FILE *out, const struct clout_table *table,
		    enum clout_format format);

/*
 * A JSON document written as it goes: objects and arrays nest, members and
 * elements are separated and indented. Containers opened compact put their
 * members on one line (table rows). key is a member name inside an object
 * and NULL inside an array or at the top. Reals that are not finite are
 * written as null, like NaN cells in tables.
 */
#define CLOUT_JSON_MAX_DEPTH 16

struct clout_json {
	FILE		*out;
	int		 depth;
	unsigned char	 members[CLOUT_JSON_MAX_DEPTH];	/* written so far, capped at 1 */
	unsigned char	 compact[CLOUT_JSON_MAX_DEPTH];
	unsigned char	 square[CLOUT_JSON_MAX_DEPTH];	/* an array, closed by ']' */
};

void		clout_json_init(struct clout_json *json, FILE *out);
void		clout_json_open(struct clout_json *json, const char *key, char bracket, int compact);
void		clout_json_close(struct clout_json *json);
void		clout_json_string(struct clout_json *json, const char *key, const char *value);
void		clout_json_real(struct clout_json *json, const char *key, double value);
void		clout_json_int(struct clout_json *json, const char *key, igraph_integer_t value);
void		clout_json_bool(struct clout_json *json, const char *key, int value);
void		clout_json_null(struct clout_json *json, const char *key);
/* A matrix as an array of rows, one row a line. */
void		clout_json_matrix(struct clout_json *json, const char *key,
		    const igraph_matrix_t *matrix);
/* The table as an array of row objects, one per line. */
void		clout_json_table(struct clout_json *json, const char *key,
		    const struct clout_table *table);

#endif
