/* cmd.h: the command line: command entries and the helpers they share. */
#ifndef CLOUT_CMD_H
#define CLOUT_CMD_H

#include <stdio.h>

#include <clout/clout.h>

/* Exit statuses, documented in the README. */
enum {
	CLOUT_EXIT_OK = 0,
	CLOUT_EXIT_FAILURE = 1,		/* failure, or problems found by check */
	CLOUT_EXIT_USAGE = 2
};

struct cmd_entry {
	const char	*name;		/* "rank": exact, stable for scripts */
	const char	*usage;		/* synopsis, man-page style */
	const char	*summary;	/* one line for `clout --help` */
	const char	*help;		/* the options, one per line */
	int		(*exec)(int argc, char **argv);
};

extern const struct cmd_entry cmd_blocs_entry;
extern const struct cmd_entry cmd_check_entry;
extern const struct cmd_entry cmd_compare_entry;
extern const struct cmd_entry cmd_deps_entry;
extern const struct cmd_entry cmd_import_entry;
extern const struct cmd_entry cmd_mactor_entry;
extern const struct cmd_entry cmd_map_entry;
extern const struct cmd_entry cmd_micmac_entry;
extern const struct cmd_entry cmd_rank_entry;
extern const struct cmd_entry cmd_similar_entry;
extern const struct cmd_entry cmd_whatif_entry;

/* oom.c: the fatal ends of docs/OOM.md */
/* igraph's fatal handler, and SIGSEGV, SIGBUS, SIGABRT, SIGTRAP taken for out of memory. */
void		oom_init(void);
/* From a signal handler: 1 (after printing the message) when the signal is out of memory. */
int		oom_fatal_signal(int sig);

/* cli.c */
struct cli_output {
	FILE	*fp;
	char	*path;		/* as given, for messages; NULL: standard output */
	char	*target;	/* the file replaced: path, or the file its link names */
	char	*tmp;		/* the temporary renamed onto target; NULL when direct */
	int	 direct;	/* a device, FIFO or /dev/stdout-style link, written through */
	int	 slot;		/* the signal guard's entry for tmp, or -1 */
};

/* Colour on standard error: a terminal, and NO_COLOR unset or empty. */
int		cli_colour(void);
void		cli_help(FILE *out, const struct cmd_entry *entry);
/* "clout CMD: message (try 'clout CMD --help')"; returns CLOUT_EXIT_USAGE. */
int		cli_usage_error(const struct cmd_entry *entry, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
/* "clout: message"; returns CLOUT_EXIT_FAILURE. */
int		cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The reason igraph (or the library) gave for the last failure. */
const char	*cli_reason(void);
/* Report what getopt_long returned as ch ('?' or ':'); returns CLOUT_EXIT_USAGE. */
int		cli_bad_option(const struct cmd_entry *entry, char **argv, int ch);
/* --format TEXT into *format, or a usage error (its exit status). */
int		cli_format_option(const struct cmd_entry *entry, const char *text,
		    enum clout_format *format);
/* CLOUT_EXIT_OK when left (the arguments after the options) is one CASE, else a usage error. */
int		cli_one_case(const struct cmd_entry *entry, int left);
/* A copy of ints with the library's -1 (none) as CLOUT_NULL_INT: a null table cell. */
igraph_error_t	cli_nullable(const igraph_vector_int_t *ints, igraph_vector_int_t *res);
/* Parse a whole non-negative count; -1 when the text is not one. */
long		cli_count(const char *text);

/*
 * Load a case and print its problems on stderr: every one when all_warnings,
 * else every error and the first few warnings. Returns CLOUT_EXIT_OK when the
 * case has no error (then net is loaded), CLOUT_EXIT_FAILURE otherwise.
 */
int		cli_load(const char *path, struct clout_network *net, struct clout_diags *diags,
		    int all_warnings);

/*
 * Load the case at path into net (initialised here) as every analysis
 * command does: problems printed by cli_load, errors refused. On success
 * the caller destroys net; on failure nothing is left to free.
 */
int		cli_open_case(const char *path, struct clout_network *net);

/*
 * Render a drawing to path ('-' or NULL: standard output) through the
 * temporary-file output, printing Graphviz's warnings; what names the
 * case in messages. Returns an exit status.
 */
int		cli_draw(const struct clout_drawing *drawing, enum clout_image image,
		    const char *path, const char *what);
/*
 * The same with a renderer of the caller's, for commands that lay out more
 * than once: Graphviz's text measuring does not survive a second context in
 * one process. cli_renderer starts one, or says why it cannot (NULL).
 */
int		cli_render(struct clout_renderer *renderer, const struct clout_drawing *drawing,
		    enum clout_image image, const char *path, const char *what);
struct clout_renderer *cli_renderer(void);

/*
 * Whether -o asks for a picture rather than the table: its name ends in an
 * image extension and no --format was given (an explicit one wins).
 */
int		cli_wants_picture(const char *output, int format_given);

/*
 * Output to a file goes to a temporary beside it (keeping the file's mode),
 * renamed into place on success; a symbolic link is followed, so the file it
 * names is replaced. Anything else that exists (a device, a FIFO, a socket,
 * a path under /dev or /proc) is written through; a folder is refused.
 */
int		cli_output_open(struct cli_output *o, const char *path);
int		cli_output_commit(struct cli_output *o);
void		cli_output_abort(struct cli_output *o);
/* Commit when status is CLOUT_EXIT_OK, else abort; returns the final status. */
int		cli_output_finish(struct cli_output *o, int status);
/*
 * The signal guard: path (a file, or a flat folder when dir) is removed if
 * SIGINT, SIGTERM, SIGHUP, SIGPIPE or a crash signal ends the process before
 * cli_pending_drop(slot). Returns the slot, or -1 when it cannot be tracked.
 */
int		cli_pending_add(const char *path, int dir);
void		cli_pending_drop(int slot);
/*
 * Size limits, checked before the work (README, "Limits"): dense vertex x
 * vertex matrices (micmac, compare) and the relations an import may make.
 */
#define CLI_MAX_MATRIX		5000L		/* vertices: 200 MB per matrix */
#define CLI_MAX_RELATIONS	1000000L
/* A --max-* value: a whole number above 0, or a usage error (then -1, after the message). */
long		cli_limit_option(const struct cmd_entry *entry, const char *option,
		    const char *text);
/* CLOUT_EXIT_OK when an n x n matrix is within max vertices (0: the default), else says so. */
int		cli_matrix_fits(const char *what, igraph_integer_t n, long max);
/* For the tests: CLOUT_TEST_SIGNAL=NAME[:SIGNO] raises SIGNO (SIGINT) at point NAME. */
void		cli_test_point(const char *name);

#endif
