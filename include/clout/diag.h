/* diag.h: diagnostics about input data, collected so one run reports them all. */
#ifndef CLOUT_DIAG_H
#define CLOUT_DIAG_H

#include <stdarg.h>
#include <stdio.h>
#include <igraph.h>

enum clout_severity {
	CLOUT_WARNING = 0,
	CLOUT_ERROR = 1
};

/*
 * One problem found in the input. line is the line the record starts on
 * (0 for a problem of the whole file) and column the 1-based field number
 * (0 when the problem is not one field's).
 */
struct clout_diag {
	enum clout_severity	 severity;
	int			 file_order;	/* order files were read: for sorting */
	char			*file;
	long			 line;
	int			 column;
	char			*message;
};

/*
 * The list. errors and warnings count every problem added; with a limit,
 * only the first limit of a run of problems of one file (one file_order)
 * are kept as items, and clout_diags_finish adds one item per run saying
 * how many more there were.
 */
struct clout_diags {
	struct clout_diag	*items;
	igraph_integer_t	 count;
	igraph_integer_t	 capacity;
	igraph_integer_t	 errors;
	igraph_integer_t	 warnings;
	igraph_integer_t	 limit;		/* items kept per file in a row; 0: all */

	/* the current run of one file's problems */
	int			 run_order;
	igraph_integer_t	 run_kept, run_more_errors, run_more_warnings;
	long			 run_line;	/* the last line of the run */
};

igraph_error_t	clout_diags_init(struct clout_diags *diags);
void		clout_diags_destroy(struct clout_diags *diags);
/* Record a problem; the strings are copied. Fails only when out of memory. */
igraph_error_t	clout_diags_add(struct clout_diags *diags, enum clout_severity severity,
		    int file_order, const char *file, long line, int column,
		    const char *fmt, ...)
#if defined(__GNUC__)
		    __attribute__((format(printf, 7, 8)))
#endif
		    ;
igraph_error_t	clout_diags_vadd(struct clout_diags *diags, enum clout_severity severity,
		    int file_order, const char *file, long line, int column,
		    const char *fmt, va_list ap);
/*
 * Close the current run: when problems were left out, add the item
 * "N more errors (and M more warnings) in this file are not listed" at the
 * run's last line. It counts as neither. Fails only when out of memory.
 */
igraph_error_t	clout_diags_finish(struct clout_diags *diags);
/* Stable sort by file order, line and column: the order a reader scans in. */
void		clout_diags_sort(struct clout_diags *diags);
/*
 * Write one diagnostic as "FILE:LINE:COLUMN: error: message" (or "FILE: error:
 * message" for a whole file). With colour, the severity is highlighted.
 */
void		clout_diag_print(FILE *out, const struct clout_diag *diag, int colour);
/*
 * Write text with its control characters visible, so that data quoted in a
 * message cannot move the cursor or forge a line: C0 controls, DEL and bytes
 * that are not UTF-8 as \xHH (ESC is \x1b, a newline \x0a), the C1 controls
 * U+0080..U+009F as \uHHHH; everything else as it is.
 */
void		clout_put_visible(FILE *out, const char *text);

#endif
