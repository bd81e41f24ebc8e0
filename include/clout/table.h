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

enum clout_column_kind {
	CLOUT_COLUMN_TEXT,
	CLOUT_COLUMN_INT,
	CLOUT_COLUMN_REAL
};

struct clout_column {
	const char			*name;
	enum clout_column_kind		 kind;
	const igraph_strvector_t	*text;		/* CLOUT_COLUMN_TEXT */
	const igraph_vector_int_t	*integers;	/* CLOUT_COLUMN_INT */
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
 * significant digits). Returns IGRAPH_EFILE when writing fails.
 */
igraph_error_t	clout_table_write(FILE *out, const struct clout_table *table,
		    enum clout_format format);

/* For writers of their own JSON: text as a JSON string (quotes included), ... */
void		clout_json_string(FILE *out, const char *text);
/* ... and a real as the shortest text that reads back the same, null when not finite. */
void		clout_json_real(FILE *out, double x);

#endif
