/* failmalloc.c: an allocator interposer for fault-injection builds: the Nth malloc, calloc or realloc fails. */
/*
 * Linked into build/fault/clout only (see `make fault`). Because the
 * executable defines malloc, calloc and realloc, the dynamic linker binds
 * every library to these too (igraph, GLib, Graphviz, libcsv, libc itself),
 * so the whole process sees the failure, as it would under real memory
 * pressure. The real work is done by glibc's __libc_* entry points.
 *
 *   CLOUT_FAIL_AT=N      the Nth call (counted from 1) returns NULL with errno
 *                        ENOMEM; every other call succeeds. Unset or 0: none.
 *   CLOUT_FAULT_COUNT=F  at exit, write the number of calls made to file F
 *                        (the "counting" mode that sizes a sweep).
 *
 * Counting starts in this file's constructor, which runs after the shared
 * libraries' constructors: allocations made before main by GLib or igraph
 * are neither counted nor failed, so every N lands inside clout's run.
 * realloc(p, 0) and free are not counted.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern void	*__libc_malloc(size_t);
extern void	*__libc_calloc(size_t, size_t);
extern void	*__libc_realloc(void *, size_t);

static int		armed;
static unsigned long	calls, fail_at;
static const char	*count_file;

static int
fail_now(void)
{
	if (!armed)
		return 0;
	if (++calls != fail_at)
		return 0;
	errno = ENOMEM;
	return 1;
}

void *
malloc(size_t n)
{
	return fail_now() ? NULL : __libc_malloc(n);
}

void *
calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __libc_calloc(n, size);
}

void *
realloc(void *p, size_t n)
{
	if (p != NULL && n == 0)
		return __libc_realloc(p, n);
	return fail_now() ? NULL : __libc_realloc(p, n);
}

__attribute__((constructor)) static void
failmalloc_arm(void)
{
	const char	*at = getenv("CLOUT_FAIL_AT");

	fail_at = at != NULL ? strtoul(at, NULL, 10) : 0;
	count_file = getenv("CLOUT_FAULT_COUNT");
	armed = 1;
}

__attribute__((destructor)) static void
failmalloc_report(void)
{
	char	line[32];
	int	fd, len;

	if (count_file == NULL)
		return;
	armed = 0;
	len = snprintf(line, sizeof line, "%lu\n", calls);
	fd = open(count_file, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0) {
		if (write(fd, line, (size_t)len) != len)
			(void)0;
		close(fd);
	}
}
