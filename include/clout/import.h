/* import.h: real-world data in: edge lists, node tables, two-mode data and roll-call matrices into a case folder. */
#ifndef CLOUT_IMPORT_H
#define CLOUT_IMPORT_H

#include <igraph.h>

#include <clout/diag.h>

enum clout_import_mode {
	CLOUT_IMPORT_EDGES = 0,		/* one relation per row: source, target */
	CLOUT_IMPORT_TWO_MODE,		/* actor x event rows, projected on the actors */
	CLOUT_IMPORT_VOTES		/* roll-call matrix: states as columns, votes as rows */
};

/* How parallel relations (same source and target) become one. */
enum clout_import_merge {
	CLOUT_MERGE_SUM = 0,		/* signed weights add up */
	CLOUT_MERGE_COUNT,		/* weight = number of rows */
	CLOUT_MERGE_MAX,
	CLOUT_MERGE_MEAN,
	CLOUT_MERGE_FIRST
};

enum clout_import_encoding {
	CLOUT_ENCODING_UTF8 = 0,
	CLOUT_ENCODING_LATIN1,
	CLOUT_ENCODING_CP1252
};

/*
 * What to read and how. Columns (COL) are header names (exact, else any
 * case) or 1-based numbers; with no_header the data file's columns are
 * only numbered, with nodes_no_header the node table's.
 * Every list is count strings; NULL strings are options not given.
 */
/* The most relations a two-mode or vote projection makes unless told otherwise. */
#define CLOUT_IMPORT_MAX_RELATIONS	1000000L

/* The life of the temporary case folder, for clout_import_options.temp_hook. */
enum clout_import_temp {
	CLOUT_IMPORT_TEMP_CREATED,	/* empty, made */
	CLOUT_IMPORT_TEMP_WRITTEN,	/* its files written, about to be renamed into place */
	CLOUT_IMPORT_TEMP_GONE		/* renamed into place, or removed */
};

struct clout_import_options {
	const char		*path;		/* the data file */
	enum clout_import_mode	 mode;
	const char		*source, *target, *weight, *sign, *evidence, *confidence;
	int			 sign_constant;	/* +1 or -1 (--sign +|-), 0: none */
	const char		*actor, *event;	/* two-mode columns */
	int			 newman;	/* two-mode weight: sum of 1/(n_e - 1) */

	int			 no_header;
	char			 delimiter;	/* 0: by the name (.tsv, .txt with tabs: tab; else ',') */
	int			 whitespace;	/* runs of blanks separate fields */
	long			 skip;		/* lines before the header; -1: find it */
	enum clout_import_encoding encoding;
	const char *const	*na;		/* missing-value codes (the empty cell always is) */
	int			 nna;
	const char *const	*where;		/* 'COL OP VALUE[|COL OP VALUE...]', ANDed */
	int			 nwhere;
	const char *const	*split;		/* COL=SEP, one per column */
	int			 nsplit;
	const char *const	*known;		/* names the split must not break */
	int			 nknown;
	const char		*keep_names;	/* a file of such names, one a line */

	const char		*nodes;		/* node table */
	const char		*node_id, *node_label;
	const char *const	*node_attr;
	int			 nnode_attr;

	enum clout_import_merge	 merge;
	int			 undirected;
	const char		*command;	/* the options as typed, for case.csv's source */

	int			 nodes_no_header;	/* the node table has no header row */
	int			 strict;	/* a skipped row is an error: nothing written */
	long			 max_relations;	/* a projection's limit; 0: CLOUT_IMPORT_MAX_RELATIONS */

	/*
	 * Told about the temporary folder the case is written into, so that
	 * the caller can remove it if a signal ends the process (NULL: none).
	 */
	void			(*temp_hook)(const char *dir, enum clout_import_temp stage,
				    void *arg);
	void			*temp_arg;
};

/*
 * A data row import left out: where, and why (a missing or unreadable
 * source, target, weight, sign or confidence, a self-loop, a node without an
 * id). Rows left out by --where are what the user asked for, not listed.
 */
#define CLOUT_IMPORT_LISTED	10
struct clout_import_skip {
	const char	*file;		/* opts->path or opts->nodes */
	long		 line;
	int		 column;	/* 1-based; 0: the whole row */
	char		 why[160];
};

/* What the import did, for the summary; notes are lines for the user. */
struct clout_import_report {
	long		 rows_read;		/* data rows after the header */
	long		 header_line;		/* 0: no header row */
	long		 skipped_missing;	/* a missing source, target, weight, actor or event */
	long		 skipped_bad_weight;	/* a weight that is not a number */
	long		 skipped_filtered;	/* --where */
	long		 skipped_self;		/* source = target */
	long		 split_values;		/* extra relations made by --split */
	long		 trimmed;		/* cells with odd white space (NBSP...) trimmed */
	igraph_integer_t actors;
	igraph_integer_t isolates;		/* actors in no relation */
	igraph_integer_t relations;
	long		 merged;		/* rows folded into an earlier parallel relation */
	long		 dropped_zero;		/* relations whose merged weight is not above 0 */
	long		 votes;			/* vote rows of a roll-call matrix */
	char		**notes;
	int		 nnotes;

	/* every skipped row counted, the first CLOUT_IMPORT_LISTED listed in file order */
	long		 skipped;
	struct clout_import_skip skips[CLOUT_IMPORT_LISTED];
	int		 nskips;
};

void		clout_import_report_destroy(struct clout_import_report *report);

/*
 * Read opts->path (and opts->nodes) and write the case folder out_dir:
 * actors.csv, relations.csv, case.csv. Steps apply in the order: missing
 * values, filters, splitting, merging. The folder is written beside out_dir
 * under a temporary name and renamed into place, so it is complete or
 * absent; an existing out_dir is refused (an error in diags) unless force.
 * Problems with the data (unknown column, bad bytes, no header, nothing
 * left; with strict, any skipped row) go into diags as errors with file and
 * line, and nothing is written;
 * the return value is then still IGRAPH_SUCCESS. report is filled either way
 * (destroy it).
 */
igraph_error_t	clout_import(const struct clout_import_options *opts, const char *out_dir,
		    int force, struct clout_diags *diags, struct clout_import_report *report);

#endif
