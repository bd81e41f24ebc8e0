/* error.c: keeping the first reason of an igraph error, for messages a person can act on. */
#include <stdio.h>
#include <string.h>

#include "clout_internal.h"

static char	error_message[1024];

void
clout_error_handler(const char *reason, const char *file, int line, igraph_error_t error)
{
	(void)file;
	(void)line;
	/*
	 * IGRAPH_CHECK calls the handler again, with an empty reason, at every
	 * level the error passes through: keep the first, most specific one.
	 */
	if (error_message[0] == '\0') {
		if (reason != NULL && reason[0] != '\0')
			snprintf(error_message, sizeof error_message, "%s", reason);
		else
			snprintf(error_message, sizeof error_message, "%s", igraph_strerror(error));
	}
	IGRAPH_FINALLY_FREE();
}

/* docs/OOM.md: where a crash means out of memory; read from signal handlers */
static const char *volatile	fatal_section;

const char *
clout_fatal_section(void)
{
	return fatal_section;
}

const char *
clout_i_fatal_enter(const char *what)
{
	const char	*previous = fatal_section;

	fatal_section = what;
	return previous;
}

void
clout_i_fatal_leave(const char *previous)
{
	fatal_section = previous;
}

const char *
clout_error_message(void)
{
	return error_message;
}

void
clout_error_reset(void)
{
	error_message[0] = '\0';
}
