/* oom.c: the command line's end for out-of-memory failures that igraph or GLib cannot recover from. */
/*
 * clout handles running out of memory as an error wherever the library it
 * calls reports one (igraph returns IGRAPH_ENOMEM; clout then says "out of
 * memory" and exits 1). Some paths cannot report it (docs/OOM.md lists
 * them): igraph 0.10.2 dereferences a failed allocation in harmonic
 * centrality, HITS and other places (SIGSEGV), igraph's own assertions end
 * in igraph_fatal (abort), and GLib, under Graphviz's text layout, aborts
 * by design when g_malloc fails (SIGTRAP or SIGABRT).
 *
 * For those, this file installs igraph's fatal handler and a handler for
 * SIGSEGV, SIGBUS, SIGABRT and SIGTRAP. A signal is taken for out of memory
 * only inside one of the documented calls (the library marks them, see
 * clout_fatal_section), or for SIGTRAP, GLib's end after "failed to
 * allocate": then one line goes to standard error and the process exits 1.
 * Any other signal is a bug and stays a crash (default action, raised
 * again), so the fault-injection test still sees it. The output guard in cli.c replaces the SIGSEGV, SIGBUS and
 * SIGABRT handlers while an output file is open, to remove its temporary;
 * it can call oom_fatal_signal() first to keep the message.
 */
#define _XOPEN_SOURCE 700	/* SIGTRAP */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"


static void
say(const char *text)
{
	size_t	len = strlen(text);

	while (len > 0) {
		ssize_t	n = write(STDERR_FILENO, text, len);

		if (n <= 0)
			return;
		text += n;
		len -= (size_t)n;
	}
}

/* "clout: fatal: out of memory in WHAT, which cannot recover from it (see docs/OOM.md)" */
static void
say_fatal(const char *what)
{
	say("clout: fatal: out of memory in ");
	say(what);
	say(", which cannot recover from it (see docs/OOM.md)\n");
}

int
oom_fatal_signal(int sig)
{
	const char	*what = clout_fatal_section();

	/* GLib's g_error traps right after saying "failed to allocate N bytes" */
	if (what == NULL && sig == SIGTRAP)
		what = "GLib";
	if (what == NULL)
		return 0;	/* not a documented section: a bug, which stays a crash */
	say_fatal(what);
	return 1;
}

static void
on_signal(int sig)
{
	if (oom_fatal_signal(sig))
		_exit(CLOUT_EXIT_FAILURE);
	signal(sig, SIG_DFL);
	raise(sig);
}

/* igraph_fatal: an assertion inside igraph, or an allocation it cannot do without. */
static void
on_igraph_fatal(const char *reason, const char *file, int line)
{
	if (clout_fatal_section() != NULL) {
		say_fatal(clout_fatal_section());
		_exit(CLOUT_EXIT_FAILURE);
	}
	say("clout: fatal: igraph: ");
	say(reason != NULL ? reason : "unknown error");
	say(" (");
	say(file != NULL ? file : "?");
	say(")\n");
	(void)line;
	abort();
}

void
oom_init(void)
{
	static const int	signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGTRAP };
	struct sigaction	sa;
	size_t			i;

	igraph_set_fatal_handler(on_igraph_fatal);
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof signals / sizeof signals[0]; i++)
		sigaction(signals[i], &sa, NULL);
}
