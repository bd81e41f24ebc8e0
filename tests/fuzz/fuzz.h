/*
 * fuzz.h: what the libFuzzer targets share: a scratch folder on a fast file
 * system, writing a piece of the input to a file there, and the checks every
 * run ends with (igraph's FINALLY stack empty).
 */
#ifndef CLOUT_FUZZ_H
#define CLOUT_FUZZ_H

#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <math.h>

#include <clout/clout.h>

/* The byte that separates the files packed into one input (never valid UTF-8). */
#define FUZZ_SEP 0xFF

static char	fuzz_dir[256];

/* Once per process: the error handler and a private scratch folder. */
static void
fuzz_setup(void)
{
	const char	*base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	igraph_set_error_handler(clout_error_handler);
	igraph_set_warning_handler(igraph_warning_handler_ignore);
	snprintf(fuzz_dir, sizeof fuzz_dir, "%s/clout-fuzz-XXXXXX", base);
	if (mkdtemp(fuzz_dir) == NULL) {
		perror("mkdtemp");
		abort();
	}
}

/* libFuzzer's start-up hook, the same for every target. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_setup();
	return 0;
}

/* fuzz_dir/name, in a static buffer (one at a time). */
static const char *
fuzz_path(const char *name)
{
	static char	path[512];

	snprintf(path, sizeof path, "%s/%s", fuzz_dir, name);
	return path;
}

/* Write n bytes to fuzz_dir/name; returns the path. */
static const char *
fuzz_write(const char *name, const uint8_t *data, size_t n)
{
	const char	*path = fuzz_path(name);
	FILE		*out = fopen(path, "wb");

	if (out == NULL || (n > 0 && fwrite(data, 1, n, out) != n) || fclose(out) != 0) {
		perror(path);
		abort();
	}
	return path;
}

/*
 * Cut data at FUZZ_SEP into at most max pieces: start[i], len[i]; returns
 * how many. The last piece takes the rest, separators included.
 */
static int
fuzz_split(const uint8_t *data, size_t size, int max, const uint8_t **start, size_t *len)
{
	int	n = 0;

	while (n < max) {
		const uint8_t	*sep = n + 1 < max ? memchr(data, FUZZ_SEP, size) : NULL;

		start[n] = data;
		len[n] = sep != NULL ? (size_t)(sep - data) : size;
		n++;
		if (sep == NULL)
			break;
		size -= (size_t)(sep - data) + 1;
		data = sep + 1;
	}
	return n;
}

/* Every library call must leave igraph's FINALLY stack empty, error or not. */
static void
fuzz_check_stack(void)
{
	if (!IGRAPH_FINALLY_STACK_EMPTY) {
		fprintf(stderr, "fuzz: the FINALLY stack is not empty after a run\n");
		abort();
	}
	clout_error_reset();
}

#endif
