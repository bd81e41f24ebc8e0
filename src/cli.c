/* cli.c: what every command shares: messages, loading with diagnostics, safe output files. */
#define _POSIX_C_SOURCE 200809L
#include <sys/stat.h>

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"

#define WARNINGS_SHOWN 10	/* commands other than check show this many, then a count */

int
cli_colour(void)
{
	const char	*no_colour = getenv("NO_COLOR");

	return isatty(STDERR_FILENO) && (no_colour == NULL || no_colour[0] == '\0');
}

void
cli_help(FILE *out, const struct cmd_entry *entry)
{
	fprintf(out, "usage: clout %s\n\n%s\n", entry->usage, entry->summary);
	if (entry->help != NULL && entry->help[0] != '\0')
		fprintf(out, "\n%s", entry->help);
}

int
cli_usage_error(const struct cmd_entry *entry, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "clout %s: ", entry->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (try 'clout %s --help')\n", entry->name);
	return CLOUT_EXIT_USAGE;
}

int
cli_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("clout: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CLOUT_EXIT_FAILURE;
}

const char *
cli_reason(void)
{
	const char	*reason = clout_error_message();

	return reason[0] != '\0' ? reason : "unknown error";
}

int
cli_bad_option(const struct cmd_entry *entry, char **argv, int ch)
{
	extern int	optind, optopt;

	/* option strings start with ':', so getopt says ':' for a missing value */
	if (ch == ':')
		return cli_usage_error(entry, "option '%s' needs a value", argv[optind - 1]);
	/* a long option: getopt's optopt is its value (maybe past 255), not a letter */
	if (strncmp(argv[optind - 1], "--", 2) == 0)
		return cli_usage_error(entry, strchr(argv[optind - 1], '=') != NULL ?
		    "unknown option, or one that takes no value: '%s'" : "unknown option '%s'",
		    argv[optind - 1]);
	if (optopt > 0 && optopt < 128)
		return cli_usage_error(entry, "unknown option '-%c'", optopt);
	return cli_usage_error(entry, "unknown option '%s'", argv[optind - 1]);
}

long
cli_count(const char *text)
{
	char	*end;
	long	 n;

	if (text[0] < '0' || text[0] > '9')
		return -1;
	errno = 0;
	n = strtol(text, &end, 10);
	return errno != 0 || *end != '\0' ? -1 : n;
}

int
cli_load(const char *path, struct clout_network *net, struct clout_diags *diags,
    int all_warnings)
{
	igraph_integer_t	i, warnings = 0;
	int			colour = cli_colour();
	igraph_error_t		ret;

	clout_error_reset();
	ret = clout_load_case(net, diags, path);
	for (i = 0; i < diags->count; i++) {
		const struct clout_diag	*d = &diags->items[i];

		if (d->severity == CLOUT_WARNING && !all_warnings && ++warnings > WARNINGS_SHOWN)
			continue;
		clout_diag_print(stderr, d, colour);
	}
	if (!all_warnings && warnings > WARNINGS_SHOWN)
		fprintf(stderr, "clout: %" IGRAPH_PRId " more warnings; 'clout check %s' lists them all\n",
		    warnings - WARNINGS_SHOWN, path);
	if (ret == IGRAPH_PARSEERROR) {
		if (!all_warnings)
			cli_error("'%s' has %" IGRAPH_PRId " error%s; nothing was computed", path,
			    diags->errors, diags->errors == 1 ? "" : "s");
		return CLOUT_EXIT_FAILURE;
	}
	if (ret != IGRAPH_SUCCESS)
		return cli_error("cannot load '%s': %s", path, cli_reason());
	return CLOUT_EXIT_OK;
}

/* The temporary being written, for the signal handler: nothing is left behind, even on abort(). */
static char *volatile	pending_tmp;

static void
remove_pending(int sig)
{
	if (pending_tmp != NULL)
		unlink(pending_tmp);	/* async-signal-safe */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
watch_pending(char *tmp)
{
	static const int	signals[] = { SIGINT, SIGTERM, SIGHUP, SIGABRT, SIGSEGV, SIGBUS };
	size_t			i;

	pending_tmp = tmp;
	for (i = 0; tmp != NULL && i < sizeof signals / sizeof signals[0]; i++)
		signal(signals[i], remove_pending);
}

int
cli_output_open(struct cli_output *o, const char *path)
{
	const char	*slash;
	size_t		 dir;
	mode_t		 mask;
	int		 fd;

	memset(o, 0, sizeof o[0]);
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return CLOUT_EXIT_OK;
	}
	/* the temporary sits in the same folder, so rename() cannot cross file systems */
	slash = strrchr(path, '/');
	dir = slash ? (size_t)(slash - path + 1) : 0;
	o->path = strdup(path);
	o->tmp = malloc(dir + sizeof ".clout-XXXXXX");
	if (o->tmp != NULL)
		snprintf(o->tmp, dir + sizeof ".clout-XXXXXX", "%.*s.clout-XXXXXX", (int)dir, path);
	if (o->path == NULL || o->tmp == NULL) {
		free(o->path);
		free(o->tmp);
		return cli_error("out of memory");
	}
	fd = mkstemp(o->tmp);
	if (fd < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		int	saved = errno;

		if (fd >= 0) {
			close(fd);
			unlink(o->tmp);
		}
		cli_error("cannot write '%s': %s", path, strerror(saved));
		free(o->path);
		free(o->tmp);
		memset(o, 0, sizeof o[0]);
		return CLOUT_EXIT_FAILURE;
	}
	watch_pending(o->tmp);
	/* mkstemp makes the file private; give it the mode a plain fopen would */
	mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	return CLOUT_EXIT_OK;
}

int
cli_output_commit(struct cli_output *o)
{
	int	status = CLOUT_EXIT_OK;

	if (o->path == NULL) {
		if (fflush(stdout) != 0 || ferror(stdout))
			status = cli_error("cannot write to standard output: %s", strerror(errno));
		return status;
	}
	if (fclose(o->fp) != 0) {
		status = cli_error("cannot write '%s': %s", o->path, strerror(errno));
		unlink(o->tmp);
	} else if (rename(o->tmp, o->path) != 0) {
		status = cli_error("cannot write '%s': %s", o->path, strerror(errno));
		unlink(o->tmp);
	}
	watch_pending(NULL);
	free(o->path);
	free(o->tmp);
	memset(o, 0, sizeof o[0]);
	return status;
}

void
cli_output_abort(struct cli_output *o)
{
	if (o->path != NULL) {
		fclose(o->fp);
		unlink(o->tmp);
		watch_pending(NULL);
		free(o->path);
		free(o->tmp);
	}
	memset(o, 0, sizeof o[0]);
}

/* Graphviz's warnings, one "clout: graphviz: ..." line each: a drawing should have none. */
static void
print_warnings(const char *text)
{
	const char	*end;

	while (*text != '\0') {
		end = strchr(text, '\n');
		if (end == NULL)
			end = text + strlen(text);
		if (end > text)
			fprintf(stderr, "clout: graphviz: %.*s\n", (int)(end - text), text);
		text = *end == '\n' ? end + 1 : end;
	}
}

int
cli_render(struct clout_renderer *renderer, const struct clout_drawing *drawing,
    enum clout_image image, const char *path, const char *what)
{
	struct cli_output	 output;
	int			 status = CLOUT_EXIT_FAILURE;

	if (cli_output_open(&output, path) == CLOUT_EXIT_OK) {
		if (clout_render(renderer, drawing, image, output.fp) == IGRAPH_SUCCESS) {
			print_warnings(clout_renderer_warnings(renderer));
			status = cli_output_commit(&output);
		} else {
			cli_error("cannot draw '%s': %s", what, cli_reason());
			cli_output_abort(&output);
		}
	}
	return status;
}

struct clout_renderer *
cli_renderer(void)
{
	struct clout_renderer	*renderer = clout_renderer_new();

	if (renderer == NULL)
		cli_error("Graphviz cannot start (are its plugins configured? run 'dot -c' "
		    "as root)");
	return renderer;
}

int
cli_draw(const struct clout_drawing *drawing, enum clout_image image, const char *path,
    const char *what)
{
	struct clout_renderer	*renderer;
	int			 status;

	if ((renderer = cli_renderer()) == NULL)
		return CLOUT_EXIT_FAILURE;
	status = cli_render(renderer, drawing, image, path, what);
	clout_renderer_free(renderer);
	return status;
}

int
cli_open_case(const char *path, struct clout_network *net)
{
	struct clout_diags	diags;
	int			status;

	if (clout_network_init(net) != IGRAPH_SUCCESS)
		return cli_error("%s", cli_reason());
	clout_diags_init(&diags);
	status = cli_load(path, net, &diags, 0);
	clout_diags_destroy(&diags);
	if (status != CLOUT_EXIT_OK)
		clout_network_destroy(net);
	return status;
}

int
cli_output_finish(struct cli_output *o, int status)
{
	if (status == CLOUT_EXIT_OK)
		return cli_output_commit(o);
	cli_output_abort(o);
	return status;
}

int
cli_format_option(const struct cmd_entry *entry, const char *text, enum clout_format *format)
{
	int	found = clout_format_find(text);

	if (found < 0)
		return cli_usage_error(entry, "unknown format '%s' (table, csv, tsv, json or md)",
		    text);
	*format = (enum clout_format)found;
	return CLOUT_EXIT_OK;
}

int
cli_one_case(const struct cmd_entry *entry, int left)
{
	if (left == 1)
		return CLOUT_EXIT_OK;
	return cli_usage_error(entry, left == 0 ? "missing CASE" :
	    "expected one CASE, got %d arguments", left);
}

igraph_error_t
cli_nullable(const igraph_vector_int_t *ints, igraph_vector_int_t *res)
{
	igraph_integer_t	i, n = igraph_vector_int_size(ints);

	IGRAPH_CHECK(igraph_vector_int_resize(res, n));
	for (i = 0; i < n; i++)
		VECTOR(*res)[i] = VECTOR(*ints)[i] < 0 ? CLOUT_NULL_INT : VECTOR(*ints)[i];
	return IGRAPH_SUCCESS;
}

int
cli_wants_picture(const char *output, int format_given)
{
	return output != NULL && !format_given && clout_image_from_path(output) >= 0;
}
