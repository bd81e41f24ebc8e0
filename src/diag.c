/* diag.c: the list of problems found in input data. */
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

igraph_error_t
clout_diags_init(struct clout_diags *diags)
{
	memset(diags, 0, sizeof *diags);
	return IGRAPH_SUCCESS;
}

void
clout_diags_destroy(struct clout_diags *diags)
{
	igraph_integer_t	i;

	for (i = 0; i < diags->count; i++) {
		free(diags->items[i].file);
		free(diags->items[i].message);
	}
	free(diags->items);
	memset(diags, 0, sizeof *diags);
}

/* Append an item (message already made, or made from fmt); counts nothing. */
static igraph_error_t
diags_push(struct clout_diags *diags, enum clout_severity severity, int file_order,
    const char *file, long line, int column, const char *fmt, va_list ap)
{
	struct clout_diag	*d;
	va_list			 copy;
	int			 n;

	if (diags->count == diags->capacity) {
		igraph_integer_t	 cap = diags->capacity ? diags->capacity * 2 : 16;
		struct clout_diag	*items = realloc(diags->items, (size_t)cap * sizeof *items);

		CLOUT_CHECK_ALLOC(items);
		diags->items = items;
		diags->capacity = cap;
	}
	d = &diags->items[diags->count];
	d->severity = severity;
	d->file_order = file_order;
	d->line = line;
	d->column = column;
	d->file = clout_i_strdup(file);
	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	d->message = n < 0 ? NULL : malloc((size_t)n + 1);
	if (d->file == NULL || d->message == NULL) {
		free(d->file);
		free(d->message);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	vsnprintf(d->message, (size_t)n + 1, fmt, ap);
	diags->count++;
	return IGRAPH_SUCCESS;
}

static igraph_error_t
diags_push_fmt(struct clout_diags *diags, enum clout_severity severity, int file_order,
    const char *file, long line, int column, const char *fmt, ...)
{
	va_list		ap;
	igraph_error_t	ret;

	va_start(ap, fmt);
	ret = diags_push(diags, severity, file_order, file, line, column, fmt, ap);
	va_end(ap);
	return ret;
}

igraph_error_t
clout_diags_finish(struct clout_diags *diags)
{
	igraph_integer_t	e = diags->run_more_errors, w = diags->run_more_warnings;
	const char		*file;
	igraph_integer_t	i;

	diags->run_kept = diags->run_more_errors = diags->run_more_warnings = 0;
	if (e + w == 0)
		return IGRAPH_SUCCESS;
	/* the run's file is that of its last kept item */
	for (i = diags->count - 1; i > 0 && diags->items[i].file_order != diags->run_order; i--)
		;
	file = diags->items[i].file;
	if (e > 0 && w > 0)
		return diags_push_fmt(diags, CLOUT_ERROR, diags->run_order, file, diags->run_line, 0,
		    "%" IGRAPH_PRId " more errors and %" IGRAPH_PRId " more warnings in this file "
		    "are not listed", e, w);
	return diags_push_fmt(diags, e > 0 ? CLOUT_ERROR : CLOUT_WARNING, diags->run_order, file,
	    diags->run_line, 0, "%" IGRAPH_PRId " more %s in this file %s not listed", e > 0 ? e : w,
	    e > 0 ? (e == 1 ? "error" : "errors") : (w == 1 ? "warning" : "warnings"),
	    e + w == 1 ? "is" : "are");
}

igraph_error_t
clout_diags_vadd(struct clout_diags *diags, enum clout_severity severity, int file_order,
    const char *file, long line, int column, const char *fmt, va_list ap)
{
	if (severity == CLOUT_ERROR)
		diags->errors++;
	else
		diags->warnings++;
	if (diags->limit <= 0)
		return diags_push(diags, severity, file_order, file, line, column, fmt, ap);
	if (diags->count > 0 && file_order != diags->run_order)
		IGRAPH_CHECK(clout_diags_finish(diags));
	diags->run_order = file_order;
	if (line > diags->run_line || diags->run_kept == 0)
		diags->run_line = line;
	if (diags->run_kept < diags->limit) {
		diags->run_kept++;
		return diags_push(diags, severity, file_order, file, line, column, fmt, ap);
	}
	if (severity == CLOUT_ERROR)
		diags->run_more_errors++;
	else
		diags->run_more_warnings++;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_diags_add(struct clout_diags *diags, enum clout_severity severity, int file_order,
    const char *file, long line, int column, const char *fmt, ...)
{
	va_list		ap;
	igraph_error_t	ret;

	va_start(ap, fmt);
	ret = clout_diags_vadd(diags, severity, file_order, file, line, column, fmt, ap);
	va_end(ap);
	return ret;
}

void
clout_i_diags_rewind(struct clout_diags *diags, const struct clout_diags *saved)
{
	struct clout_diag	*items = diags->items;
	igraph_integer_t	 capacity = diags->capacity, i;

	for (i = saved->count; i < diags->count; i++) {
		free(items[i].file);
		free(items[i].message);
	}
	*diags = *saved;
	diags->items = items;		/* may have moved as it grew */
	diags->capacity = capacity;
}

/* Merge sort: qsort is not stable, and equal positions keep their order. */
static int
diag_before(const struct clout_diag *a, const struct clout_diag *b)
{
	if (a->file_order != b->file_order)
		return a->file_order < b->file_order;
	if (a->line != b->line)
		return a->line < b->line;
	return a->column < b->column;
}

static void
diag_merge_sort(struct clout_diag *items, struct clout_diag *tmp, igraph_integer_t n)
{
	igraph_integer_t	mid = n / 2, i = 0, j = mid, k = 0;

	if (n < 2)
		return;
	diag_merge_sort(items, tmp, mid);
	diag_merge_sort(items + mid, tmp, n - mid);
	while (i < mid && j < n)
		tmp[k++] = diag_before(&items[j], &items[i]) ? items[j++] : items[i++];
	while (i < mid)
		tmp[k++] = items[i++];
	while (j < n)
		tmp[k++] = items[j++];
	memcpy(items, tmp, (size_t)n * sizeof *items);
}

void
clout_diags_sort(struct clout_diags *diags)
{
	struct clout_diag	*tmp;

	if (diags->count < 2)
		return;
	tmp = malloc((size_t)diags->count * sizeof *tmp);
	if (tmp == NULL)
		return;		/* unsorted is still correct, only less tidy */
	diag_merge_sort(diags->items, tmp, diags->count);
	free(tmp);
}

/* Bytes in a valid UTF-8 sequence starting at p, or 0. */
static int
utf8_sequence(const unsigned char *p)
{
	int	n, i;

	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

void
clout_put_visible(FILE *out, const char *text)
{
	const unsigned char	*p = (const unsigned char *)text;
	int			 n;

	while (*p != '\0') {
		if (*p < 0x20 || *p == 0x7F) {
			fprintf(out, "\\x%02x", *p++);
		} else if (*p < 0x80) {
			fputc(*p++, out);
		} else if ((n = utf8_sequence(p)) == 0) {
			fprintf(out, "\\x%02x", *p++);	/* not UTF-8: an 8-bit C1 control maybe */
		} else if (n == 2 && p[0] == 0xC2 && p[1] < 0xA0) {
			fprintf(out, "\\u%04x", p[1]);	/* a C1 control, U+0080..U+009F */
			p += 2;
		} else {
			fwrite(p, 1, (size_t)n, out);
			p += n;
		}
	}
}

void
clout_diag_print(FILE *out, const struct clout_diag *diag, int colour)
{
	const char	*word = diag->severity == CLOUT_ERROR ? "error" : "warning";
	const char	*on = "", *off = "";

	if (colour) {
		on = diag->severity == CLOUT_ERROR ? "\033[1;31m" : "\033[1;35m";
		off = "\033[0m";
	}
	/* file names and messages quote the data: its control characters are escaped */
	clout_put_visible(out, diag->file);
	if (diag->line > 0 && diag->column > 0)
		fprintf(out, ":%ld:%d", diag->line, diag->column);
	else if (diag->line > 0)	/* a whole line, no one cell */
		fprintf(out, ":%ld", diag->line);
	fprintf(out, ": %s%s:%s ", on, word, off);
	clout_put_visible(out, diag->message);
	fputc('\n', out);
}
