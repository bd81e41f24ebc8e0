/* cli.c: what every command shares: messages, loading with diagnostics, safe output files. */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE	/* syscall, for a handler that cannot call opendir */
#include <sys/stat.h>
#ifdef __linux__
#include <sys/syscall.h>
#endif

#include <fcntl.h>

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

/* A message on stderr with the control characters of what it quotes made visible. */
static void
put_message(const char *fmt, va_list ap)
{
	char	 small[1024], *text = small;
	va_list	 again;
	int	 n;

	va_copy(again, ap);
	n = vsnprintf(small, sizeof small, fmt, ap);
	if (n >= (int)sizeof small && (text = malloc((size_t)n + 1)) != NULL)
		vsnprintf(text, (size_t)n + 1, fmt, again);
	va_end(again);
	if (n < 0 || text == NULL)
		text = n < 0 ? "(a message that cannot be printed)" : small;	/* out of memory: cut */
	clout_put_visible(stderr, text);
	if (text != small && n >= (int)sizeof small)
		free(text);
}

int
cli_usage_error(const struct cmd_entry *entry, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "clout %s: ", entry->name);
	va_start(ap, fmt);
	put_message(fmt, ap);
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
	put_message(fmt, ap);
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

/*
 * The outputs a command has open, for the signal handler: on SIGINT, SIGTERM,
 * SIGHUP, SIGPIPE and the crash signals every temporary file and folder is
 * removed before the process dies, so nothing is left behind, even on abort().
 * A folder is removed one level deep (import's case folder is flat) with
 * system calls that are safe in a handler.
 */
#define PENDING_MAX	8

static char *volatile		pending_path[PENDING_MAX];
static volatile sig_atomic_t	pending_dir[PENDING_MAX];
static const int		watched[] = {
	SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGABRT, SIGSEGV, SIGBUS, SIGTRAP, SIGFPE
};

#ifdef __linux__
struct pending_dirent {
	unsigned long long	ino;
	long long		off;
	unsigned short		reclen;
	unsigned char		type;
	char			name[];
};

static void
remove_flat_dir(const char *path)
{
	char	buf[4096] __attribute__((aligned(8)));
	long	n, at;
	int	fd = open(path, O_RDONLY | O_DIRECTORY);

	if (fd < 0)
		return;
	while ((n = syscall(SYS_getdents64, fd, buf, sizeof buf)) > 0)
		for (at = 0; at < n; at += ((struct pending_dirent *)(buf + at))->reclen) {
			const char	*name = ((struct pending_dirent *)(buf + at))->name;

			if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0)
				unlinkat(fd, name, 0);
		}
	close(fd);
	rmdir(path);
}
#else
static void
remove_flat_dir(const char *path)
{
	rmdir(path);
}
#endif

static void
remove_pending(int sig)
{
	static const char	crash[] = "clout: stopped by a fatal signal; nothing was written\n";
	int			i;

	for (i = 0; i < PENDING_MAX; i++) {
		char	*path = pending_path[i];

		if (path == NULL)
			continue;
		if (pending_dir[i])
			remove_flat_dir(path);
		else
			unlink(path);	/* async-signal-safe */
	}
	if (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS || sig == SIGTRAP || sig == SIGFPE) {
		/* out of memory where igraph or GLib cannot recover: oom.c's one message, exit 1 */
		if (oom_fatal_signal(sig))
			_exit(CLOUT_EXIT_FAILURE);
		(void)!write(STDERR_FILENO, crash, sizeof crash - 1);
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* Block the watched signals (block) or restore the mask in *old. */
static void
pending_block(sigset_t *old, int block)
{
	sigset_t	set;
	size_t		i;

	if (!block) {
		sigprocmask(SIG_SETMASK, old, NULL);
		return;
	}
	sigemptyset(&set);
	for (i = 0; i < sizeof watched / sizeof watched[0]; i++)
		sigaddset(&set, watched[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

int
cli_pending_add(const char *path, int dir)
{
	static int	installed;
	sigset_t	old;
	char		*copy = strdup(path);
	int		i, slot = -1;
	size_t		s;

	if (copy == NULL)
		return -1;
	pending_block(&old, 1);
	if (!installed) {
		for (s = 0; s < sizeof watched / sizeof watched[0]; s++)
			signal(watched[s], remove_pending);
		/* past a file-size limit a write fails (EFBIG) and is reported */
		signal(SIGXFSZ, SIG_IGN);
		installed = 1;
	}
	for (i = 0; i < PENDING_MAX && slot < 0; i++)
		if (pending_path[i] == NULL) {
			pending_dir[i] = dir;
			pending_path[i] = copy;
			slot = i;
		}
	pending_block(&old, 0);
	if (slot < 0)
		free(copy);
	return slot;
}

void
cli_pending_drop(int slot)
{
	sigset_t	 old;
	char		*path;

	if (slot < 0 || slot >= PENDING_MAX)
		return;
	pending_block(&old, 1);
	path = pending_path[slot];
	pending_path[slot] = NULL;
	pending_block(&old, 0);
	free(path);
}

void
cli_test_point(const char *name)
{
	const char	*want = getenv("CLOUT_TEST_SIGNAL");
	size_t		 n = strlen(name);

	/* CLOUT_TEST_SIGNAL=POINT[:SIGNO] raises SIGNO (default SIGINT) there, for the tests */
	if (want != NULL && strncmp(want, name, n) == 0 && (want[n] == '\0' || want[n] == ':'))
		raise(want[n] == ':' ? atoi(want + n + 1) : SIGINT);
}

/* Where a path leads, for -o: the kernel's files (/dev, /proc) are written through. */
static int
is_kernel_path(const char *path)
{
	return strncmp(path, "/dev/", 5) == 0 || strncmp(path, "/proc/", 6) == 0;
}

/*
 * Does path, or any symbolic link on the way from it (a link to /dev/stdout,
 * which links to /proc/self/fd/1), lie under /dev or /proc? realpath() alone
 * would only show the file the shell opened, which must not be replaced.
 */
static int
leads_through_kernel(const char *path)
{
	char		*cur = strdup(path), *next, target[4096];
	struct stat	 st;
	ssize_t		 n;
	int		 hops, yes = 0;

	for (hops = 0; cur != NULL && hops < 40 && !yes; hops++) {
		const char	*slash;

		if ((yes = is_kernel_path(cur)) || lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			break;
		if ((n = readlink(cur, target, sizeof target - 1)) < 0)
			break;
		target[n] = '\0';
		slash = strrchr(cur, '/');
		if (target[0] == '/' || slash == NULL)
			next = strdup(target);
		else if ((next = malloc((size_t)(slash - cur) + 2 + (size_t)n)) != NULL)
			sprintf(next, "%.*s/%s", (int)(slash - cur), cur, target);
		free(cur);
		cur = next;
	}
	free(cur);
	return yes;
}

static void
output_free(struct cli_output *o)
{
	cli_pending_drop(o->slot);
	free(o->path);
	free(o->target);
	free(o->tmp);
	memset(o, 0, sizeof o[0]);
	o->slot = -1;
}

static int
output_fail(struct cli_output *o, const char *path, int err)
{
	cli_error("cannot write '%s': %s", path, err < 0 ? "it is a symbolic link to nothing" :
	    strerror(err));
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->tmp != NULL && o->slot >= 0)
		unlink(o->tmp);
	output_free(o);
	return CLOUT_EXIT_FAILURE;
}

int
cli_output_open(struct cli_output *o, const char *path)
{
	struct stat	 st, link;
	const char	*slash;
	size_t		 dir;
	mode_t		 mask;
	int		 fd, exists;

	memset(o, 0, sizeof o[0]);
	o->slot = -1;
	if (path == NULL || strcmp(path, "-") == 0) {
		o->fp = stdout;
		return CLOUT_EXIT_OK;
	}
	if ((o->path = strdup(path)) == NULL)
		return output_fail(o, path, ENOMEM);
	exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT)
		return output_fail(o, path, errno);
	if (!exists && lstat(path, &link) == 0)
		return output_fail(o, path, -1);
	if (exists && S_ISDIR(st.st_mode))
		return output_fail(o, path, EISDIR);
	if (exists && (o->target = realpath(path, NULL)) == NULL)
		return output_fail(o, path, errno);
	/*
	 * A device, a FIFO, a socket or a /dev/stdout-style link cannot be
	 * replaced: write to it as it is (what is written stays written).
	 */
	if (exists && (!S_ISREG(st.st_mode) || leads_through_kernel(path) ||
	    is_kernel_path(o->target))) {
		/*
		 * A regular file behind /dev/stdout is what the shell opened: append,
		 * as a fresh open would start at offset 0 (over 'clout ... >> FILE').
		 */
		if ((fd = open(path, O_WRONLY | O_NOCTTY | (S_ISREG(st.st_mode) ? O_APPEND : 0))) < 0 ||
		    (o->fp = fdopen(fd, "w")) == NULL) {
			int	saved = errno;

			if (fd >= 0)
				close(fd);
			return output_fail(o, path, saved);
		}
		o->direct = 1;
		return CLOUT_EXIT_OK;
	}
	/*
	 * A file is replaced by a temporary renamed onto it: beside the file a
	 * symbolic link names (the link stays), so rename() cannot cross file
	 * systems. The name gets the new content; other hard links keep the old.
	 */
	if (o->target == NULL && (o->target = strdup(path)) == NULL)
		return output_fail(o, path, ENOMEM);
	slash = strrchr(o->target, '/');
	dir = slash ? (size_t)(slash - o->target + 1) : 0;
	if ((o->tmp = malloc(dir + sizeof ".clout-XXXXXX")) == NULL)
		return output_fail(o, path, ENOMEM);
	snprintf(o->tmp, dir + sizeof ".clout-XXXXXX", "%.*s.clout-XXXXXX", (int)dir, o->target);
	if ((fd = mkstemp(o->tmp)) < 0) {
		free(o->tmp);
		o->tmp = NULL;
		return output_fail(o, path, errno);
	}
	if ((o->slot = cli_pending_add(o->tmp, 0)) < 0 || (o->fp = fdopen(fd, "w")) == NULL) {
		int	saved = o->slot < 0 ? ENOMEM : errno;

		close(fd);
		unlink(o->tmp);
		return output_fail(o, path, saved);
	}
	if (exists) {
		/* keep the file's mode, and as root its owner */
		if (geteuid() == 0)
			(void)!fchown(fd, st.st_uid, st.st_gid);
		fchmod(fd, st.st_mode & 07777);
	} else {
		/* mkstemp makes the file private; give it the mode a plain fopen would */
		mask = umask(0);
		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
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
	errno = 0;
	if (ferror(o->fp) | (fclose(o->fp) != 0)) {
		status = cli_error("cannot write '%s': %s", o->path,
		    strerror(errno != 0 ? errno : EIO));
		if (!o->direct)
			unlink(o->tmp);
	} else if (!o->direct && rename(o->tmp, o->target) != 0) {
		status = cli_error("cannot write '%s': %s", o->path, strerror(errno));
		unlink(o->tmp);
	}
	output_free(o);
	return status;
}

void
cli_output_abort(struct cli_output *o)
{
	if (o->path != NULL) {
		fclose(o->fp);
		if (!o->direct)
			unlink(o->tmp);
		output_free(o);
	}
	memset(o, 0, sizeof o[0]);
	o->slot = -1;
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
		igraph_error_t	ret = clout_render(renderer, drawing, image, output.fp);

		if (ret == IGRAPH_SUCCESS) {
			print_warnings(clout_renderer_warnings(renderer));
			cli_test_point("render");
			status = cli_output_commit(&output);
		} else {
			if (ret == IGRAPH_EFILE && output.path == NULL)
				cli_error("cannot write to standard output: %s", cli_reason());
			else if (ret == IGRAPH_EFILE)
				cli_error("cannot write '%s': %s", output.path, cli_reason());
			else
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

long
cli_limit_option(const struct cmd_entry *entry, const char *option, const char *text)
{
	long	n = cli_count(text);

	if (n < 1)
		return cli_usage_error(entry, "%s needs a whole number above 0, not '%s'", option,
		    text), -1;
	return n;
}

int
cli_matrix_fits(const char *what, igraph_integer_t n, long max)
{
	double	bytes = (double)n * (double)n * sizeof(igraph_real_t);

	if (max <= 0)
		max = CLI_MAX_MATRIX;
	if (n <= max)
		return CLOUT_EXIT_OK;
	return cli_error("%s needs a dense %" IGRAPH_PRId " x %" IGRAPH_PRId " matrix (%.*f %s "
	    "each), over the limit of %ld vertices: raise it with --max-matrix N", what, n, n,
	    bytes >= 1e9 ? 1 : 0, bytes >= 1e9 ? bytes / 1e9 : bytes >= 1e6 ? bytes / 1e6 : bytes,
	    bytes >= 1e9 ? "GB" : bytes >= 1e6 ? "MB" : "bytes", max);
}
