/* text.c: small string helpers the C library lacks under -std=c11. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

char *
clout_i_strdup(const char *text)
{
	size_t	 n = strlen(text) + 1;
	char	*copy = malloc(n);

	if (copy != NULL)
		memcpy(copy, text, n);
	return copy;
}

char *
clout_i_strndup(const char *text, size_t n)
{
	char	*copy = malloc(n + 1);

	if (copy != NULL) {
		memcpy(copy, text, n);
		copy[n] = '\0';
	}
	return copy;
}

int
clout_i_name_find(const char *const *names, int count, const char *name)
{
	int	i;

	for (i = 0; i < count; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

char *
clout_i_asprintf(const char *fmt, ...)
{
	va_list	 ap;
	int	 n;
	char	*s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0 || (s = malloc((size_t)n + 1)) == NULL)
		return NULL;
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

char *
clout_i_trim(char *text)
{
	size_t	start = 0, end = strlen(text);

	while (start < end && isspace((unsigned char)text[start]))
		start++;
	while (end > start && isspace((unsigned char)text[end - 1]))
		end--;
	memmove(text, text + start, end - start);
	text[end - start] = '\0';
	return text;
}

int
clout_i_strcaseeq(const char *a, const char *b)
{
	for (; *a != '\0' && *b != '\0'; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
	return *a == *b;
}

size_t
clout_i_edit_distance(const char *a, const char *b, size_t limit)
{
	size_t	 la = strlen(a), lb = strlen(b), i, j, lo, hi, best, result;
	size_t	 big = limit + 1;
	size_t	*row;

	if ((la > lb ? la - lb : lb - la) > limit)
		return big;
	row = malloc((lb + 1) * sizeof *row);
	if (row == NULL)
		return big;
	/*
	 * Only the band of cells within limit of the diagonal can stay within
	 * limit (Ukkonen): O(length x limit), not O(length^2), so two long ids
	 * that share most of their text cost little.
	 */
	for (j = 0; j <= lb; j++)
		row[j] = j <= limit ? j : big;
	for (i = 1; i <= la; i++) {
		size_t	diag;

		lo = i > limit ? i - limit : 1;
		hi = i + limit < lb ? i + limit : lb;
		diag = row[lo - 1];
		row[lo - 1] = lo == 1 && i <= limit ? i : big;
		best = row[lo - 1];
		for (j = lo; j <= hi; j++) {
			size_t	up = row[j], v = diag + (a[i - 1] != b[j - 1]);

			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (v > big)
				v = big;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > limit) {
			free(row);
			return big;
		}
	}
	result = row[lb];
	free(row);
	return result > limit ? big : result;
}
