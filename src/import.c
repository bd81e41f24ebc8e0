/*
 * import.c: real-world data in. An edge list, a two-mode (actor x event)
 * table or a roll-call matrix becomes a case folder (actors.csv,
 * relations.csv, case.csv), with every step it took counted for the user.
 *
 * The data file is read whole into memory (the largest real export is a few
 * megabytes), its cells cleaned once; then missing values, filters, splitting
 * and merging apply in that order. Data problems become errors in diags and
 * leave no folder behind: it is written under a temporary name beside the
 * target and renamed into place.
 */
#define _XOPEN_SOURCE 700	/* mkdtemp, nftw, getline */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <ftw.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "clout_internal.h"
#include <clout/import.h>

/* One record of a file: fields and bytes in a single allocation. */
struct row {
	char	**fields;
	int	  nfields;
	long	  line;
};

struct table {
	const char	*path;
	const char	*name;		/* for messages: the path as given */
	struct row	*rows;
	long		 nrows, cap;
	long		 header;	/* index of the header row, -1: none */
	char		**cols;		/* cleaned column names */
	int		  ncols;
	long		 odd_trimmed;
};

enum op { OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE };

struct alternative {
	int		 col;
	enum op		 op;
	char		*value;
	int		 numeric;	/* value parses as a number */
	double		 number;
};

struct filter {
	struct alternative	*alts;
	int			 nalts;
};

struct split {
	int	 col;
	char	*sep;
};

/* A relation being merged; refs are the first lines (or events) behind it. */
#define REFS 3
struct rel {
	igraph_integer_t	 from, to;
	double			 sum, max, first;
	double			 max_signed;	/* the value of largest magnitude, with its sign */
	int			 first_sign;	/* the first row's, also when its weight is 0 */
	long			 count;
	double			 confidence;	/* -1: none */
	char			*evidence;	/* the first row's, when a column gives it */
	long			 refs[REFS];
	int			 nrefs;
};

struct ctx {
	const struct clout_import_options	*o;
	struct clout_diags			*diags;
	struct clout_import_report		*rep;
	int					 failed;

	struct table		 main, nodes;
	int			 c_source, c_target, c_weight, c_sign, c_evidence, c_confidence;

	struct filter		*filters;
	int			 nfilters;
	struct split		*splits;
	int			 nsplits;
	char			**known;
	int			 nknown, capknown;

	struct clout_strmap	*actor_index;
	char			**actor_id, **actor_label;
	char			***actor_attr;
	igraph_integer_t	 nactors, capactors;
	char			**attr_names;
	int			 nattr;

	struct clout_i_pairmap	*pairs;
	struct rel		*rels;
	igraph_integer_t	 nrels, caprels;
	int			 directed;

	/* two-mode: the events and their distinct actors */
	struct clout_strmap	*event_index;
	char			**event_name;
	igraph_vector_int_t	*event_actors;
	igraph_integer_t	 nevents, capevents;
	struct clout_i_pairmap	*memberships;
};

/* ---- small helpers ---- */

static igraph_error_t
note(struct ctx *c, const char *fmt, ...)
{
	va_list	 ap;
	char	*text, **grown;
	int	 n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	CLOUT_CHECK_ALLOC(text = malloc((size_t)n + 1));
	va_start(ap, fmt);
	vsnprintf(text, (size_t)n + 1, fmt, ap);
	va_end(ap);
	grown = realloc(c->rep->notes, (size_t)(c->rep->nnotes + 1) * sizeof *grown);
	if (grown == NULL) {
		free(text);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	c->rep->notes = grown;
	c->rep->notes[c->rep->nnotes++] = text;
	return IGRAPH_SUCCESS;
}

/* A data error: recorded, and the import stops at the next stage boundary. */
static igraph_error_t
fail(struct ctx *c, const char *file, long line, int column, const char *fmt, ...)
{
	va_list		ap;
	igraph_error_t	ret;

	va_start(ap, fmt);
	ret = clout_diags_vadd(c->diags, CLOUT_ERROR, 0, file, line, column, fmt, ap);
	va_end(ap);
	c->failed = 1;
	return ret;
}

/*
 * At most 40 bytes of text for a message, cut at a character boundary,
 * "..." when cut; control characters become '?', so a cell cannot move the
 * terminal's cursor or forge a line. size must exceed 43.
 */
static const char *
clip(const char *text, char *buf, size_t size)
{
	size_t	n = strlen(text), k, i;

	k = n <= 40 ? n : 40;
	while (k < n && k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
		k--;
	for (i = 0; i < k && i + 4 < size; i++)
		buf[i] = (unsigned char)text[i] < 0x20 || text[i] == 0x7F ? '?' : text[i];
	buf[i] = '\0';
	if (k < n)
		strcat(buf, "...");
	return buf;
}

/* A data row left out: counted, and listed while the list has room. */
static void
skip_row(struct ctx *c, const struct table *t, const struct row *row, int col,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

static void
skip_row(struct ctx *c, const struct table *t, const struct row *row, int col,
    const char *fmt, ...)
{
	struct clout_import_skip	*s;
	va_list				 ap;

	c->rep->skipped++;
	if (c->rep->nskips >= CLOUT_IMPORT_LISTED)
		return;
	s = &c->rep->skips[c->rep->nskips++];
	s->file = t->name;
	s->line = row->line;
	s->column = col >= 0 ? col + 1 : 0;
	va_start(ap, fmt);
	vsnprintf(s->why, sizeof s->why, fmt, ap);
	va_end(ap);
}

static const char *
base_name(const char *path)
{
	const char	*slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

static int
ends_with(const char *text, const char *suffix)
{
	size_t	n = strlen(text), m = strlen(suffix);

	return n >= m && clout_i_strcaseeq(text + n - m, suffix);
}

/* Length of a Unicode space at p that spreadsheets leave behind (NBSP, thin space...), or 0. */
static size_t
odd_space(const unsigned char *p)
{
	if (p[0] == 0xC2 && p[1] == 0xA0)
		return 2;
	if (p[0] == 0xE2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8B) || p[2] == 0xAF))
		return 3;
	if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F)
		return 3;
	if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	if (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
		return 3;
	return 0;
}

/* Trim ASCII and odd Unicode white space at both ends, in place; 1 when an odd one went. */
static int
clean(char *text)
{
	size_t	start = 0, end = strlen(text), k;
	int	odd = 0;

	for (;;) {
		if (start < end && isspace((unsigned char)text[start]))
			start++;
		else if (start < end && (k = odd_space((unsigned char *)text + start)) > 0) {
			start += k;
			odd = 1;
		} else
			break;
	}
	for (;;) {
		if (end > start && isspace((unsigned char)text[end - 1]))
			end--;
		else if (end >= start + 2 && odd_space((unsigned char *)text + end - 2) == 2) {
			end -= 2;
			odd = 1;
		} else if (end >= start + 3 && odd_space((unsigned char *)text + end - 3) == 3) {
			end -= 3;
			odd = 1;
		} else
			break;
	}
	memmove(text, text + start, end - start);
	text[end - start] = '\0';
	return odd;
}

static const char *
cell(const struct row *row, int col)
{
	return col >= 0 && col < row->nfields ? row->fields[col] : "";
}

static int
is_missing(const struct ctx *c, const char *text)
{
	int	i;

	if (text[0] == '\0')
		return 1;
	for (i = 0; i < c->o->nna; i++)
		if (strcmp(text, c->o->na[i]) == 0)
			return 1;
	return 0;
}

/* A row left out for a missing value: an empty cell, or one of the --na codes. */
static void
skip_missing(struct ctx *c, const struct table *t, const struct row *row, int col,
    const char *what, const char *text)
{
	char	buf[64];

	if (text[0] == '\0')
		skip_row(c, t, row, col, "no %s", what);
	else
		skip_row(c, t, row, col, "%s '%s' is a missing value (--na)", what,
		    clip(text, buf, sizeof buf));
}

/* ---- reading ---- */

static igraph_error_t
on_record(const struct clout_i_record *rec, void *user)
{
	struct table	*t = user;
	size_t		 bytes = (size_t)rec->nfields * sizeof(char *), at;
	struct row	*row;
	char		*block;
	int		 i;

	if (t->nrows == t->cap) {
		long		 cap = t->cap ? t->cap * 2 : 256;
		struct row	*grown = realloc(t->rows, (size_t)cap * sizeof *grown);

		CLOUT_CHECK_ALLOC(grown);
		t->rows = grown;
		t->cap = cap;
	}
	for (i = 0; i < rec->nfields; i++)
		bytes += strlen(rec->fields[i]) + 1;
	CLOUT_CHECK_ALLOC(block = malloc(bytes ? bytes : 1));
	row = &t->rows[t->nrows++];
	row->fields = (char **)(void *)block;
	row->nfields = rec->nfields;
	row->line = rec->line;
	at = (size_t)rec->nfields * sizeof(char *);
	for (i = 0; i < rec->nfields; i++) {
		size_t	n = strlen(rec->fields[i]) + 1;

		row->fields[i] = block + at;
		memcpy(block + at, rec->fields[i], n);
		if (clean(row->fields[i]))
			t->odd_trimmed++;
		at += n;
	}
	return IGRAPH_SUCCESS;
}

static void
table_destroy(struct table *t)
{
	long	i;
	int	j;

	for (i = 0; i < t->nrows; i++)
		free(t->rows[i].fields);
	free(t->rows);
	for (j = 0; j < t->ncols; j++)
		free(t->cols[j]);
	free(t->cols);
}

static void
file_close(void *fp)
{
	fclose(fp);
}

/* Tab when the name says tab-separated (.tsv, or .txt with a tab near the start), else comma. */
static char
infer_delimiter(FILE *in, const char *path)
{
	char	buf[4096];
	size_t	n;

	if (ends_with(path, ".tsv"))
		return '\t';
	if (!ends_with(path, ".txt"))
		return ',';
	n = fread(buf, 1, sizeof buf, in);
	rewind(in);
	return memchr(buf, '\t', n) != NULL ? '\t' : ',';
}

static igraph_error_t
read_table(struct ctx *c, struct table *t, const char *path)
{
	struct clout_i_csv_options	 how = { 0 };
	FILE				*in;
	igraph_integer_t		 errors = c->diags->errors;

	t->path = path;
	t->name = path;
	t->header = -1;
	if ((in = fopen(path, "rb")) == NULL)
		return fail(c, path, 0, 0, "cannot open: %s", strerror(errno));
	IGRAPH_FINALLY(file_close, in);
	how.raw = 1;
	how.encoding = (enum clout_i_encoding)c->o->encoding;
	if (c->o->whitespace)
		how.delimiter = 0;
	else if (c->o->delimiter != 0)
		how.delimiter = c->o->delimiter;
	else
		how.delimiter = infer_delimiter(in, path);
	IGRAPH_CHECK(clout_i_csv_read_with(in, path, 0, c->diags, &how, on_record, t));
	fclose(in);
	IGRAPH_FINALLY_CLEAN(1);
	if (c->diags->errors > errors)
		c->failed = 1;
	return IGRAPH_SUCCESS;
}

/* ---- columns ---- */

static int
is_number_spec(const char *spec)
{
	const char	*p = spec;

	if (*p == '\0')
		return 0;
	for (; *p != '\0'; p++)
		if (!isdigit((unsigned char)*p))
			return 0;
	return 1;
}

/* Column named spec: exact name, else any case, else a 1-based number; -1 if none. */
static int
col_lookup(const struct table *t, const char *spec)
{
	int	i;

	for (i = 0; i < t->ncols; i++)
		if (strcmp(t->cols[i], spec) == 0)
			return i;
	for (i = 0; i < t->ncols; i++)
		if (clout_i_strcaseeq(t->cols[i], spec))
			return i;
	if (is_number_spec(spec)) {
		long	n = strtol(spec, NULL, 10);

		if (n >= 1 && n <= t->ncols)
			return (int)n - 1;
	}
	return -1;
}

/* How many named (not numbered) columns of specs row holds; *named receives their number. */
static int
row_names_found(const struct row *row, const char *const *specs, int nspecs, int *named)
{
	int	i, j, found = 0;

	*named = 0;
	for (i = 0; i < nspecs; i++) {
		if (specs[i] == NULL || is_number_spec(specs[i]))
			continue;
		(*named)++;
		for (j = 0; j < row->nfields; j++)
			if (clout_i_strcaseeq(row->fields[j], specs[i]))
				break;
		found += j < row->nfields;
	}
	return found;
}

/* Does row hold every named column of specs? -1 when none is named. */
static int
row_has_names(const struct row *row, const char *const *specs, int nspecs)
{
	int	named, found = row_names_found(row, specs, nspecs, &named);

	return named == 0 ? (nspecs == 0 ? 1 : -1) : found == named;
}

/*
 * Name the header's columns: a blank name becomes _N, a repeated one NAME_2,
 * NAME_3, ... A hash of the names used and each name's next suffix keep this
 * linear in the number of columns (100,000 columns took minutes when every
 * name was compared with every other). The first renames are noted, then a count.
 */
#define RENAMES_NOTED 10

static igraph_error_t
name_columns(struct ctx *c, struct table *t)
{
	const struct row	*h = &t->rows[t->header];
	struct clout_strmap	*used;
	int			*next, j, renamed = 0;
	igraph_integer_t	 existing;

	CLOUT_CHECK_ALLOC(t->cols = calloc((size_t)h->nfields + 1, sizeof *t->cols));
	CLOUT_CHECK_ALLOC(next = calloc((size_t)h->nfields + 1, sizeof *next));
	IGRAPH_FINALLY(free, next);
	CLOUT_CHECK_ALLOC(used = clout_i_strmap_new());
	IGRAPH_FINALLY(clout_i_strmap_free, used);
	for (j = 0; j < h->nfields; j++) {
		const char	*name = h->fields[j];
		char		 blank[32], **slot = &t->cols[t->ncols];
		int		 first;

		if (name[0] == '\0') {
			snprintf(blank, sizeof blank, "_%d", j + 1);
			name = blank;
		}
		/* the table owns every name at once, so a failure below leaks nothing */
		CLOUT_CHECK_ALLOC(*slot = clout_i_strdup(name));
		t->ncols++;
		IGRAPH_CHECK(clout_i_strmap_insert(used, *slot, j, &existing));
		first = (int)existing;
		while (existing >= 0) {
			if (next[first] < 2)
				next[first] = 2;
			free(*slot);
			*slot = NULL;
			CLOUT_CHECK_ALLOC(*slot = clout_i_asprintf("%s_%d", name, next[first]++));
			IGRAPH_CHECK(clout_i_strmap_insert(used, *slot, j, &existing));
		}
		if ((name == blank || first >= 0) && ++renamed <= RENAMES_NOTED) {
			if (name == blank)
				IGRAPH_CHECK(note(c, "%s: column %d has no name: called %s",
				    base_name(t->name), j + 1, *slot));
			else
				IGRAPH_CHECK(note(c, "%s: column %d repeats the name '%s': called %s",
				    base_name(t->name), j + 1, name, *slot));
		}
	}
	if (renamed > RENAMES_NOTED)
		IGRAPH_CHECK(note(c, "%s: and %d more columns renamed", base_name(t->name),
		    renamed - RENAMES_NOTED));
	clout_i_strmap_free(used);
	free(next);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/*
 * Choose the header row (or none), name the columns and rename blank and
 * duplicate names. specs are the columns the options ask for: the header is
 * the first row after the skipped lines that has all the named ones.
 */
static igraph_error_t
find_header(struct ctx *c, struct table *t, long skip, int no_header, const char *const *specs,
    int nspecs)
{
	long	first = 0, i;
	int	j, width = 0;

	while (first < t->nrows && t->rows[first].line <= skip)
		first++;
	if (first == t->nrows)
		return fail(c, t->name, 0, 0, skip > 0 ? "no data after the %ld skipped lines" :
		    "no data: the file is empty", skip);
	if (no_header) {
		for (i = first; i < t->nrows; i++)
			if (t->rows[i].nfields > width)
				width = t->rows[i].nfields;
		t->header = first - 1;
		CLOUT_CHECK_ALLOC(t->cols = calloc((size_t)width + 1, sizeof *t->cols));
		for (j = 0; j < width; j++) {
			CLOUT_CHECK_ALLOC(t->cols[j] = clout_i_asprintf("%d", j + 1));
			t->ncols++;
		}
		return IGRAPH_SUCCESS;
	}
	if (skip >= 0 || row_has_names(&t->rows[first], specs, nspecs) != 0)
		t->header = first;
	else {
		for (i = first; i < t->nrows; i++)
			if (row_has_names(&t->rows[i], specs, nspecs) == 1)
				break;
		if (i == t->nrows) {
			char	*wanted = NULL, *more;
			int	 best = 0, named, found;

			/* a row with some of the names is the header, with a column misnamed */
			for (i = first; i < t->nrows; i++) {
				found = row_names_found(&t->rows[i], specs, nspecs, &named);
				if (found > best) {
					best = found;
					t->header = i;
				}
			}
			if (best > 0)
				goto name_columns;

			for (j = 0; j < nspecs; j++) {
				if (specs[j] == NULL || is_number_spec(specs[j]))
					continue;
				more = clout_i_asprintf("%s%s'%s'", wanted ? wanted : "",
				    wanted ? ", " : "", specs[j]);
				free(wanted);
				CLOUT_CHECK_ALLOC(wanted = more);
			}
			const struct row	*row = &t->rows[first];
			const char		*other = row->nfields == 1 ?
			    clout_i_delimiter_hint(row->fields[0]) : NULL;
			char			 hint[64] = "";

			/* one field holding a likely delimiter: the file is not comma-separated */
			if (other != NULL && !c->o->whitespace)
				snprintf(hint, sizeof hint, "; is the delimiter '%s'? give --delimiter %s%s%s",
				    other, strcmp(other, "tab") == 0 ? "" : "'", other,
				    strcmp(other, "tab") == 0 ? "" : "'");
			IGRAPH_FINALLY(free, wanted);
			IGRAPH_CHECK(fail(c, t->name, row->line, 0,
			    "no header found: no row has the columns %s (first row, line %ld: '%s'%s)%s",
			    wanted, row->line, cell(row, 0), row->nfields > 1 ? ", ..." : "", hint));
			free(wanted);
			IGRAPH_FINALLY_CLEAN(1);
			return IGRAPH_SUCCESS;
		}
		t->header = i;
	}
name_columns:
	if (t->rows[t->header].line > 1)
		IGRAPH_CHECK(note(c, "%s: header on line %ld (%ld lines before it skipped)",
		    base_name(t->name), t->rows[t->header].line, t->rows[t->header].line - 1));
	IGRAPH_CHECK(name_columns(c, t));
	return IGRAPH_SUCCESS;
}

static igraph_error_t
resolve(struct ctx *c, const struct table *t, const char *spec, const char *option, int *col)
{
	char	*list = NULL, *more;
	int	 j;

	*col = -1;
	if (spec == NULL)
		return IGRAPH_SUCCESS;
	*col = col_lookup(t, spec);
	if (*col >= 0)
		return IGRAPH_SUCCESS;
	for (j = 0; j < t->ncols && j < 20; j++) {
		more = clout_i_asprintf("%s%s%s", list ? list : "", list ? ", " : "", t->cols[j]);
		free(list);
		CLOUT_CHECK_ALLOC(list = more);
	}
	IGRAPH_FINALLY(free, list);
	IGRAPH_CHECK(fail(c, t->name, t->header >= 0 ? t->rows[t->header].line : 0, 0,
	    "%s: no column '%s'; the columns are: %s%s", option, spec, list ? list : "(none)",
	    t->ncols > 20 ? ", ..." : ""));
	free(list);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* ---- filters and splitting ---- */

static igraph_error_t
parse_alternative(struct ctx *c, const char *text, struct alternative *alt)
{
	const char	*p = text + strcspn(text, "=!<>");
	char		*name;
	size_t		 oplen = 1;

	if (*p == '\0' || p == text)
		return fail(c, "--where", 0, 0, "'%s' is not COL OP VALUE (OP: = != < <= > >=)", text);
	switch (*p) {
	case '=':
		alt->op = OP_EQ;
		if (p[1] == '=')
			oplen = 2;
		break;
	case '!':
		if (p[1] != '=')
			return fail(c, "--where", 0, 0, "'%s': '!' must be '!='", text);
		alt->op = OP_NE;
		oplen = 2;
		break;
	case '<':
		alt->op = p[1] == '=' ? OP_LE : OP_LT;
		oplen = p[1] == '=' ? 2 : 1;
		break;
	default:
		alt->op = p[1] == '=' ? OP_GE : OP_GT;
		oplen = p[1] == '=' ? 2 : 1;
		break;
	}
	CLOUT_CHECK_ALLOC(name = clout_i_strndup(text, (size_t)(p - text)));
	IGRAPH_FINALLY(free, name);
	clean(name);
	IGRAPH_CHECK(resolve(c, &c->main, name, "--where", &alt->col));
	free(name);
	IGRAPH_FINALLY_CLEAN(1);
	CLOUT_CHECK_ALLOC(alt->value = clout_i_strdup(p + oplen));
	clean(alt->value);
	alt->numeric = clout_parse_decimal(alt->value, &alt->number) == 0;
	return IGRAPH_SUCCESS;
}

static igraph_error_t
parse_filters(struct ctx *c)
{
	int	i;

	if (c->o->nwhere == 0)
		return IGRAPH_SUCCESS;
	CLOUT_CHECK_ALLOC(c->filters = calloc((size_t)c->o->nwhere, sizeof *c->filters));
	for (i = 0; i < c->o->nwhere && !c->failed; i++) {
		struct filter	*f = &c->filters[c->nfilters++];
		const char	*p = c->o->where[i];
		int		 n = 1;

		for (; *p != '\0'; p++)
			n += *p == '|';
		CLOUT_CHECK_ALLOC(f->alts = calloc((size_t)n, sizeof *f->alts));
		p = c->o->where[i];
		while (!c->failed) {
			size_t	 len = strcspn(p, "|");
			char	*one;

			CLOUT_CHECK_ALLOC(one = clout_i_strndup(p, len));
			IGRAPH_FINALLY(free, one);
			IGRAPH_CHECK(parse_alternative(c, one, &f->alts[f->nalts]));
			f->nalts++;
			free(one);
			IGRAPH_FINALLY_CLEAN(1);
			if (p[len] == '\0')
				break;
			p += len + 1;
		}
	}
	return IGRAPH_SUCCESS;
}

static int
alternative_holds(const struct alternative *alt, const char *text)
{
	double	number;
	int	cmp;

	if (alt->numeric && clout_parse_decimal(text, &number) == 0)
		cmp = number < alt->number ? -1 : number > alt->number;
	else
		cmp = strcmp(text, alt->value);
	switch (alt->op) {
	case OP_EQ: return cmp == 0;
	case OP_NE: return cmp != 0;
	case OP_LT: return cmp < 0;
	case OP_LE: return cmp <= 0;
	case OP_GT: return cmp > 0;
	default:    return cmp >= 0;
	}
}

static int
row_passes(const struct ctx *c, const struct row *row)
{
	int	i, j;

	for (i = 0; i < c->nfilters; i++) {
		for (j = 0; j < c->filters[i].nalts; j++)
			if (alternative_holds(&c->filters[i].alts[j],
			    cell(row, c->filters[i].alts[j].col)))
				break;
		if (j == c->filters[i].nalts)
			return 0;
	}
	return 1;
}

static igraph_error_t
add_known(struct ctx *c, const char *name)
{
	if (c->nknown == c->capknown) {
		int	 cap = c->capknown ? c->capknown * 2 : 16;
		char	**grown = realloc(c->known, (size_t)cap * sizeof *grown);

		CLOUT_CHECK_ALLOC(grown);
		c->known = grown;
		c->capknown = cap;
	}
	CLOUT_CHECK_ALLOC(c->known[c->nknown] = clout_i_strdup(name));
	clean(c->known[c->nknown]);
	if (c->known[c->nknown][0] == '\0')
		free(c->known[c->nknown]);
	else
		c->nknown++;
	return IGRAPH_SUCCESS;
}

static igraph_error_t
parse_splits(struct ctx *c, const char *const *specs, int nspecs)
{
	int	i;

	for (i = 0; i < c->o->nknown; i++)
		IGRAPH_CHECK(add_known(c, c->o->known[i]));
	if (c->o->keep_names != NULL) {
		/* a plain list, one name a line: not CSV, as the names hold commas */
		FILE	*in = fopen(c->o->keep_names, "r");
		char	*line = NULL;
		size_t	 cap = 0;

		if (in == NULL)
			return fail(c, c->o->keep_names, 0, 0, "cannot open: %s", strerror(errno));
		IGRAPH_FINALLY(file_close, in);
		while (getline(&line, &cap, in) > 0) {
			igraph_error_t	ret = add_known(c, line);

			if (ret != IGRAPH_SUCCESS)
				free(line);
			IGRAPH_CHECK(ret);
		}
		free(line);
		if (ferror(in)) {
			int	saved = errno;

			fclose(in);
			IGRAPH_FINALLY_CLEAN(1);
			return fail(c, c->o->keep_names, 0, 0, "cannot read: %s", strerror(saved));
		}
		fclose(in);
		IGRAPH_FINALLY_CLEAN(1);
	}
	if (c->o->nsplit == 0)
		return IGRAPH_SUCCESS;
	CLOUT_CHECK_ALLOC(c->splits = calloc((size_t)c->o->nsplit, sizeof *c->splits));
	for (i = 0; i < c->o->nsplit && !c->failed; i++) {
		const char	*eq = strchr(c->o->split[i], '=');
		struct split	*s = &c->splits[c->nsplits];
		char		*name;
		int		 k;

		if (eq == NULL || eq == c->o->split[i] || eq[1] == '\0')
			return fail(c, "--split", 0, 0, "'%s' is not COL=SEP", c->o->split[i]);
		CLOUT_CHECK_ALLOC(name = clout_i_strndup(c->o->split[i], (size_t)(eq - c->o->split[i])));
		IGRAPH_FINALLY(free, name);
		IGRAPH_CHECK(resolve(c, &c->main, name, "--split", &s->col));
		free(name);
		IGRAPH_FINALLY_CLEAN(1);
		if (c->failed)
			break;
		for (k = 0; k < nspecs; k++)
			if (specs[k] != NULL && col_lookup(&c->main, specs[k]) == s->col)
				break;
		if (k == nspecs)
			return fail(c, "--split", 0, 0,
			    "column '%s' is not a source, target, actor or event column",
			    c->main.cols[s->col]);
		CLOUT_CHECK_ALLOC(s->sep = clout_i_strdup(eq + 1));
		c->nsplits++;
	}
	return IGRAPH_SUCCESS;
}

static const char *
split_sep(const struct ctx *c, int col)
{
	int	i;

	for (i = 0; i < c->nsplits; i++)
		if (c->splits[i].col == col)
			return c->splits[i].sep;
	return NULL;
}

/*
 * The values of a cell: the whole cell, or its parts between sep; a known
 * name that holds sep counts as one part. Each part is cleaned; empty parts
 * are dropped. parts receives copies (free them), *nparts their number.
 */
struct parts {
	char	**items;
	int	  n;
};

static void
parts_destroy(void *data)
{
	struct parts	*p = data;

	while (p->n > 0)
		free(p->items[--p->n]);
	free(p->items);
	p->items = NULL;
}

static igraph_error_t
split_cell(const struct ctx *c, const char *text, const char *sep, struct parts *parts)
{
	size_t	 seplen = sep ? strlen(sep) : 0, n = 1;
	const char *p;
	char	**out;
	int	 count = 0;

	parts_destroy(parts);
	if (sep != NULL)
		for (p = text; (p = strstr(p, sep)) != NULL; p += seplen)
			n++;
	CLOUT_CHECK_ALLOC(out = calloc(n, sizeof *out));
	p = text;
	while (*p != '\0') {
		size_t	len = 0;
		int	k;

		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (k = 0; sep != NULL && k < c->nknown; k++) {
			size_t		 m = strlen(c->known[k]);
			const char	*after = p + m;

			if (m <= len || strncmp(p, c->known[k], m) != 0)
				continue;
			while (*after == ' ' || *after == '\t')
				after++;
			if (*after == '\0' || strncmp(after, sep, seplen) == 0)
				len = m;
		}
		if (len == 0) {
			const char	*next = sep ? strstr(p, sep) : NULL;

			len = next ? (size_t)(next - p) : strlen(p);
		}
		if ((size_t)count < n) {
			out[count] = clout_i_strndup(p, len);
			if (out[count] == NULL) {
				while (count-- > 0)
					free(out[count]);
				free(out);
				IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
			}
			clean(out[count]);
			if (out[count][0] == '\0')
				free(out[count]);
			else
				count++;
		}
		p += len;
		while (*p == ' ' || *p == '\t')
			p++;
		if (sep != NULL && strncmp(p, sep, seplen) == 0)
			p += seplen;
		else if (*p != '\0' && sep == NULL)
			break;
	}
	parts->items = out;
	parts->n = count;
	return IGRAPH_SUCCESS;
}

/* ---- actors and relations ---- */

static igraph_error_t
actor_add(struct ctx *c, const char *id, const char *label, igraph_integer_t *index)
{
	igraph_integer_t	existing;

	*index = clout_i_strmap_find(c->actor_index, id);
	if (*index >= 0)
		return IGRAPH_SUCCESS;
	if (c->nactors == c->capactors) {
		igraph_integer_t	cap = c->capactors ? c->capactors * 2 : 64;
		char			**ids = realloc(c->actor_id, (size_t)cap * sizeof *ids);

		CLOUT_CHECK_ALLOC(ids);
		c->actor_id = ids;
		CLOUT_CHECK_ALLOC(ids = realloc(c->actor_label, (size_t)cap * sizeof *ids));
		c->actor_label = ids;
		{
			char	***attrs = realloc(c->actor_attr, (size_t)cap * sizeof *attrs);

			CLOUT_CHECK_ALLOC(attrs);
			c->actor_attr = attrs;
		}
		c->capactors = cap;
	}
	c->actor_id[c->nactors] = clout_i_strdup(id);
	c->actor_label[c->nactors] = clout_i_strdup(label);
	c->actor_attr[c->nactors] = NULL;
	c->nactors++;
	CLOUT_CHECK_ALLOC(c->actor_id[c->nactors - 1]);
	CLOUT_CHECK_ALLOC(c->actor_label[c->nactors - 1]);
	IGRAPH_CHECK(clout_i_strmap_insert(c->actor_index, id, c->nactors - 1, &existing));
	*index = c->nactors - 1;
	return IGRAPH_SUCCESS;
}

/* Fold one row's value (signed weight) into the relation from -> to. */
static igraph_error_t
relation_add(struct ctx *c, igraph_integer_t from, igraph_integer_t to, double weight,
    int sign, double confidence, const char *evidence, long ref)
{
	double			 value = sign * weight;
	igraph_integer_t	existing;
	struct rel		*r;
	uint64_t		 key;

	if (!c->directed && from > to) {
		igraph_integer_t	swap = from;

		from = to;
		to = swap;
	}
	key = ((uint64_t)from << 32) | (uint64_t)to;
	IGRAPH_CHECK(clout_i_pairmap_insert(c->pairs, key, c->nrels, &existing));
	if (existing >= 0) {
		r = &c->rels[existing];
		c->rep->merged++;
	} else {
		if (c->nrels == c->caprels) {
			igraph_integer_t	 cap = c->caprels ? c->caprels * 2 : 256;
			struct rel		*grown = realloc(c->rels, (size_t)cap * sizeof *grown);

			CLOUT_CHECK_ALLOC(grown);
			c->rels = grown;
			c->caprels = cap;
		}
		r = &c->rels[c->nrels++];
		memset(r, 0, sizeof *r);
		r->from = from;
		r->to = to;
		r->first = value;
		r->first_sign = sign;
		r->confidence = -1;
		if (evidence != NULL && evidence[0] != '\0')
			CLOUT_CHECK_ALLOC(r->evidence = clout_i_strdup(evidence));
	}
	r->sum += value;
	if (fabs(value) > r->max) {
		r->max = fabs(value);
		r->max_signed = value;
	}
	if (confidence > r->confidence)
		r->confidence = confidence;
	if (r->nrefs < REFS)
		r->refs[r->nrefs++] = ref;
	r->count++;
	return IGRAPH_SUCCESS;
}

static int
parse_sign(const char *text)
{
	if (strcmp(text, "+") == 0 || strcmp(text, "+1") == 0 || strcmp(text, "1") == 0 ||
	    clout_i_strcaseeq(text, "positive"))
		return 1;
	if (strcmp(text, "-") == 0 || strcmp(text, "-1") == 0 ||
	    clout_i_strcaseeq(text, "negative"))
		return -1;
	return 0;
}

/* ---- the node table ---- */

static igraph_error_t
read_nodes(struct ctx *c)
{
	const char	*specs[2];
	int		 c_id, c_label, i;
	long		 r;
	igraph_integer_t index;

	specs[0] = c->o->node_id;
	specs[1] = c->o->node_label;
	IGRAPH_CHECK(read_table(c, &c->nodes, c->o->nodes));
	if (c->failed)
		return IGRAPH_SUCCESS;
	IGRAPH_CHECK(find_header(c, &c->nodes, -1, c->o->nodes_no_header, specs, 2));
	if (c->failed)
		return IGRAPH_SUCCESS;
	/* columns by number only: nothing shows the first row is a header, so say it was taken as one */
	if (!c->o->nodes_no_header && is_number_spec(specs[0]) &&
	    (specs[1] == NULL || is_number_spec(specs[1])))
		IGRAPH_CHECK(note(c, "%s: line %ld is read as the header (give --nodes-no-header if it "
		    "is a node)", base_name(c->nodes.name), c->nodes.rows[c->nodes.header].line));
	IGRAPH_CHECK(resolve(c, &c->nodes, c->o->node_id, "--node-id", &c_id));
	IGRAPH_CHECK(resolve(c, &c->nodes, c->o->node_label, "--node-label", &c_label));
	if (c->o->nnode_attr > 0)
		CLOUT_CHECK_ALLOC(c->attr_names = calloc((size_t)c->o->nnode_attr, sizeof(char *)));
	{
		int	*attr_cols;

		CLOUT_CHECK_ALLOC(attr_cols = calloc((size_t)c->o->nnode_attr + 1, sizeof *attr_cols));
		IGRAPH_FINALLY(free, attr_cols);
		for (i = 0; i < c->o->nnode_attr && !c->failed; i++) {
			IGRAPH_CHECK(resolve(c, &c->nodes, c->o->node_attr[i], "--node-attr",
			    &attr_cols[i]));
			if (c->failed)
				break;
			CLOUT_CHECK_ALLOC(c->attr_names[i] = clout_i_strdup(c->nodes.cols[attr_cols[i]]));
			c->nattr++;
		}
		for (r = c->nodes.header + 1; r < c->nodes.nrows && !c->failed; r++) {
			const struct row	*row = &c->nodes.rows[r];
			const char		*id = cell(row, c_id);
			const char		*label = c_label >= 0 ? cell(row, c_label) : "";

			if (is_missing(c, id)) {
				skip_missing(c, &c->nodes, row, c_id, "node id", id);
				continue;
			}
			if (clout_i_strmap_find(c->actor_index, id) >= 0) {
				IGRAPH_CHECK(note(c, "%s:%ld: node '%s' given again: the first row kept",
				    base_name(c->nodes.name), row->line, id));
				continue;
			}
			IGRAPH_CHECK(actor_add(c, id, is_missing(c, label) ? id : label, &index));
			if (c->nattr > 0) {
				CLOUT_CHECK_ALLOC(c->actor_attr[index] =
				    calloc((size_t)c->nattr, sizeof(char *)));
				for (i = 0; i < c->nattr; i++) {
					const char	*v = cell(row, attr_cols[i]);

					CLOUT_CHECK_ALLOC(c->actor_attr[index][i] =
					    clout_i_strdup(is_missing(c, v) ? "" : v));
				}
			}
		}
		free(attr_cols);
		IGRAPH_FINALLY_CLEAN(1);
	}
	if (!c->failed && c->nodes.odd_trimmed > 0)
		IGRAPH_CHECK(note(c, "%s: %ld cell(s) had odd white space (non-breaking spaces...) at their ends: trimmed",
		    base_name(c->nodes.name), c->nodes.odd_trimmed));
	return IGRAPH_SUCCESS;
}

/* ---- the three readings of the data rows ---- */

static igraph_error_t
edges_from_rows(struct ctx *c)
{
	const char	*src_sep = split_sep(c, c->c_source), *tgt_sep = split_sep(c, c->c_target);
	long		 r, not_in_nodes = 0;
	int		 with_nodes = c->o->nodes != NULL;
	struct parts	 sp = { NULL, 0 }, tp = { NULL, 0 };	/* reused row after row */

	IGRAPH_FINALLY(parts_destroy, &sp);
	IGRAPH_FINALLY(parts_destroy, &tp);
	for (r = c->main.header + 1; r < c->main.nrows; r++) {
		const struct row	*row = &c->main.rows[r];
		const char		*src = cell(row, c->c_source), *tgt = cell(row, c->c_target);
		double			 weight = 1, confidence = -1;
		int			 sign = c->o->sign_constant ? c->o->sign_constant : 1;
		int			 i, j, selfs;
		char			 buf[64];

		c->rep->rows_read++;
		if (is_missing(c, src) || is_missing(c, tgt) ||
		    (c->c_weight >= 0 && is_missing(c, cell(row, c->c_weight)))) {
			int	col = is_missing(c, src) ? c->c_source : is_missing(c, tgt) ?
			    c->c_target : c->c_weight;

			c->rep->skipped_missing++;
			skip_missing(c, &c->main, row, col, col == c->c_source ? "source" :
			    col == c->c_target ? "target" : "weight", cell(row, col));
			continue;
		}
		if (c->c_weight >= 0 && clout_parse_decimal(cell(row, c->c_weight), &weight) != 0) {
			c->rep->skipped_bad_weight++;
			skip_row(c, &c->main, row, c->c_weight, "weight '%s' is not a number",
			    clip(cell(row, c->c_weight), buf, sizeof buf));
			continue;
		}
		if (c->c_sign >= 0 && !is_missing(c, cell(row, c->c_sign)) &&
		    (sign = parse_sign(cell(row, c->c_sign))) == 0) {
			c->rep->skipped_bad_weight++;
			skip_row(c, &c->main, row, c->c_sign,
			    "sign '%s' is not +, -, 1, -1, positive or negative",
			    clip(cell(row, c->c_sign), buf, sizeof buf));
			continue;
		}
		if (c->c_confidence >= 0 && !is_missing(c, cell(row, c->c_confidence)) &&
		    (clout_parse_decimal(cell(row, c->c_confidence), &confidence) != 0 ||
		    confidence < 0 || confidence > 1)) {
			c->rep->skipped_bad_weight++;
			skip_row(c, &c->main, row, c->c_confidence,
			    "confidence '%s' is not a number from 0 to 1",
			    clip(cell(row, c->c_confidence), buf, sizeof buf));
			continue;
		}
		if (!row_passes(c, row)) {
			c->rep->skipped_filtered++;
			continue;
		}
		if (weight < 0) {
			weight = -weight;
			sign = -sign;
		}
		IGRAPH_CHECK(split_cell(c, src, src_sep, &sp));
		IGRAPH_CHECK(split_cell(c, tgt, tgt_sep, &tp));
		if (sp.n * tp.n == 0) {
			c->rep->skipped_missing++;	/* a cell of separators only: no name */
			skip_row(c, &c->main, row, sp.n == 0 ? c->c_source : c->c_target,
			    "%s '%s' holds only separators (--split)", sp.n == 0 ? "source" : "target",
			    clip(sp.n == 0 ? src : tgt, buf, sizeof buf));
		}
		if (sp.n * tp.n > 1)
			c->rep->split_values += sp.n * tp.n - 1;
		selfs = 0;
		for (i = 0; i < sp.n; i++) {
			for (j = 0; j < tp.n; j++) {
				igraph_integer_t	a, b, before = c->nactors;
				const char		*ev = c->c_evidence >= 0 ?
				    cell(row, c->c_evidence) : NULL;

				if (strcmp(sp.items[i], tp.items[j]) == 0) {
					c->rep->skipped_self++;
					selfs++;
					continue;
				}
				IGRAPH_CHECK(actor_add(c, sp.items[i], sp.items[i], &a));
				IGRAPH_CHECK(actor_add(c, tp.items[j], tp.items[j], &b));
				if (with_nodes)
					not_in_nodes += c->nactors - before;
				IGRAPH_CHECK(relation_add(c, a, b, weight, sign, confidence,
				    ev != NULL && !is_missing(c, ev) ? ev : NULL, row->line));
			}
		}
		/* a row is skipped when nothing of it is left; one split value to itself is not */
		if (selfs > 0 && selfs == sp.n * tp.n)
			skip_row(c, &c->main, row, c->c_target, "a self-loop: source and target are '%s'",
			    clip(sp.items[0], buf, sizeof buf));
	}
	parts_destroy(&tp);
	parts_destroy(&sp);
	IGRAPH_FINALLY_CLEAN(2);
	if (not_in_nodes > 0)
		IGRAPH_CHECK(note(c, "%ld id(s) of the relations not in the node table: added, labelled by their id",
		    not_in_nodes));
	return IGRAPH_SUCCESS;
}

static void
events_destroy(struct ctx *c)
{
	igraph_integer_t	i;

	for (i = 0; i < c->nevents; i++) {
		free(c->event_name[i]);
		igraph_vector_int_destroy(&c->event_actors[i]);
	}
	free(c->event_name);
	free(c->event_actors);
	if (c->event_index)
		clout_i_strmap_free(c->event_index);
	if (c->memberships)
		clout_i_pairmap_free(c->memberships);
}

static igraph_error_t
event_member(struct ctx *c, const char *event, igraph_integer_t actor)
{
	igraph_integer_t	e = clout_i_strmap_find(c->event_index, event), existing;

	if (e < 0) {
		if (c->nevents == c->capevents) {
			igraph_integer_t	 cap = c->capevents ? c->capevents * 2 : 64;
			char			**names = realloc(c->event_name, (size_t)cap * sizeof *names);
			igraph_vector_int_t	*sets;

			CLOUT_CHECK_ALLOC(names);
			c->event_name = names;
			sets = realloc(c->event_actors, (size_t)cap * sizeof *sets);
			CLOUT_CHECK_ALLOC(sets);
			c->event_actors = sets;
			c->capevents = cap;
		}
		CLOUT_CHECK_ALLOC(c->event_name[c->nevents] = clout_i_strdup(event));
		if (igraph_vector_int_init(&c->event_actors[c->nevents], 0) != IGRAPH_SUCCESS) {
			free(c->event_name[c->nevents]);
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		}
		e = c->nevents++;
		IGRAPH_CHECK(clout_i_strmap_insert(c->event_index, event, e, &existing));
	}
	/* an actor counts once per event, however many rows (phases) repeat it */
	IGRAPH_CHECK(clout_i_pairmap_insert(c->memberships, ((uint64_t)e << 32) | (uint64_t)actor,
	    0, &existing));
	if (existing < 0)
		IGRAPH_CHECK(igraph_vector_int_push_back(&c->event_actors[e], actor));
	return IGRAPH_SUCCESS;
}

/*
 * Refuse a projection that would make more than the limit of relations
 * (pairs: an upper bound, estimated before any is built). Returns 1 when
 * refused (recorded as a data error), 0 to go on.
 */
static int
too_many_pairs(struct ctx *c, double pairs, double actors)
{
	long	max = c->o->max_relations > 0 ? c->o->max_relations : CLOUT_IMPORT_MAX_RELATIONS;
	double	most = actors * (actors - 1) / (c->directed ? 1 : 2);

	if (most < pairs)
		pairs = most;
	if (pairs <= (double)max)
		return 0;
	return fail(c, c->o->path, 0, 0, "the projection would make up to %.0f relations, over "
	    "the limit of %ld: raise it with --max-relations N", pairs, max) == IGRAPH_SUCCESS ?
	    1 : -1;
}

static igraph_error_t
two_mode_from_rows(struct ctx *c)
{
	const char		*actor_sep = split_sep(c, c->c_source);
	igraph_integer_t	 e, i, j, a;
	long			 r;
	struct parts		 parts = { NULL, 0 };

	CLOUT_CHECK_ALLOC(c->event_index = clout_i_strmap_new());
	IGRAPH_FINALLY(parts_destroy, &parts);
	CLOUT_CHECK_ALLOC(c->memberships = clout_i_pairmap_new());
	for (r = c->main.header + 1; r < c->main.nrows; r++) {
		const struct row	*row = &c->main.rows[r];
		const char		*actor = cell(row, c->c_source), *event = cell(row, c->c_target);
		int			 k;
		char			 buf[64];

		c->rep->rows_read++;
		if (is_missing(c, actor) || is_missing(c, event)) {
			c->rep->skipped_missing++;
			if (is_missing(c, actor))
				skip_missing(c, &c->main, row, c->c_source, "actor", actor);
			else
				skip_missing(c, &c->main, row, c->c_target, "event", event);
			continue;
		}
		if (!row_passes(c, row)) {
			c->rep->skipped_filtered++;
			continue;
		}
		IGRAPH_CHECK(split_cell(c, actor, actor_sep, &parts));
		if (parts.n == 0) {
			c->rep->skipped_missing++;	/* a cell of separators only: no name */
			skip_row(c, &c->main, row, c->c_source, "actor '%s' holds only separators (--split)",
			    clip(actor, buf, sizeof buf));
		}
		if (parts.n > 1)
			c->rep->split_values += parts.n - 1;
		for (k = 0; k < parts.n; k++) {
			IGRAPH_CHECK(actor_add(c, parts.items[k], parts.items[k], &a));
			IGRAPH_CHECK(event_member(c, event, a));
		}
	}
	parts_destroy(&parts);
	IGRAPH_FINALLY_CLEAN(1);
	{
		double	pairs = 0;

		for (e = 0; e < c->nevents; e++) {
			double	n = (double)igraph_vector_int_size(&c->event_actors[e]);

			pairs += n * (n - 1) / 2;
		}
		if ((i = too_many_pairs(c, pairs, (double)c->nactors)) != 0) {
			if (i < 0)
				IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
			return IGRAPH_SUCCESS;
		}
	}
	for (e = 0; e < c->nevents; e++) {
		const igraph_vector_int_t	*m = &c->event_actors[e];
		igraph_integer_t		 n = igraph_vector_int_size(m);
		double				 w = c->o->newman ? 1.0 / (double)(n - 1) : 1.0;

		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				IGRAPH_CHECK(relation_add(c, VECTOR(*m)[i], VECTOR(*m)[j], w, 1, -1,
				    NULL, e));
	}
	/* merging shared events is the projection itself, not a merge of parallel rows */
	c->rep->merged = 0;
	IGRAPH_CHECK(note(c, "%" IGRAPH_PRId " events (%s) projected onto their actors",
	    c->nevents, c->main.cols[c->c_target]));
	return IGRAPH_SUCCESS;
}

enum { VOTE_ABSENT = 0, VOTE_YES, VOTE_NO, VOTE_ABSTAIN };

static void
free_votes(void *p)
{
	free(p);
}

static igraph_error_t
votes_from_rows(struct ctx *c)
{
	int			 ncols = c->main.ncols, i, j, *keep;
	long			 nvotes = c->main.nrows - (c->main.header + 1), v, odd = 0;
	unsigned char		*votes;
	igraph_integer_t	*actor;

	c->rep->votes = nvotes;
	c->rep->rows_read = nvotes;
	CLOUT_CHECK_ALLOC(votes = calloc((size_t)(nvotes > 0 ? nvotes : 1) * (size_t)(ncols + 1), 1));
	IGRAPH_FINALLY(free_votes, votes);
	CLOUT_CHECK_ALLOC(keep = calloc((size_t)ncols + 1, sizeof *keep));
	IGRAPH_FINALLY(free, keep);
	CLOUT_CHECK_ALLOC(actor = calloc((size_t)ncols + 1, sizeof *actor));
	IGRAPH_FINALLY(free, actor);
	for (v = 0; v < nvotes; v++) {
		const struct row	*row = &c->main.rows[c->main.header + 1 + v];

		for (j = 0; j < ncols; j++) {
			const char	*t = cell(row, j);
			unsigned char	 code = VOTE_ABSENT;

			if (clout_i_strcaseeq(t, "Y"))
				code = VOTE_YES;
			else if (clout_i_strcaseeq(t, "N"))
				code = VOTE_NO;
			else if (clout_i_strcaseeq(t, "A"))
				code = VOTE_ABSTAIN;
			else if (!is_missing(c, t) && !clout_i_strcaseeq(t, "X"))
				odd++;
			votes[v * ncols + j] = code;
			if (code != VOTE_ABSENT)
				keep[j] = 1;
		}
	}
	if (odd > 0)
		IGRAPH_CHECK(note(c, "%ld vote cells are not Y, N, A or X: read as absent", odd));
	for (j = 0; j < ncols; j++) {
		if (!keep[j]) {
			IGRAPH_CHECK(note(c, "column %d '%s' never votes Y, N or A: left out",
			    j + 1, c->main.cols[j]));
			continue;
		}
		IGRAPH_CHECK(actor_add(c, c->main.cols[j], c->main.cols[j], &actor[j]));
	}
	if ((i = too_many_pairs(c, (double)c->nactors * (double)(c->nactors - 1) / 2,
	    (double)c->nactors)) != 0) {
		free(actor);
		free(keep);
		free_votes(votes);
		IGRAPH_FINALLY_CLEAN(3);
		if (i < 0)
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		return IGRAPH_SUCCESS;
	}
	for (i = 0; i < ncols; i++) {
		if (!keep[i])
			continue;
		for (j = i + 1; j < ncols; j++) {
			double	score = 0;
			long	common = 0;

			if (!keep[j])
				continue;
			for (v = 0; v < nvotes; v++) {
				unsigned char	a = votes[v * ncols + i], b = votes[v * ncols + j];

				if (a == VOTE_ABSENT || b == VOTE_ABSENT)
					continue;
				common++;
				if (a == b)
					score += 1;
				else if (a == VOTE_ABSTAIN || b == VOTE_ABSTAIN)
					score += 0.5;
			}
			if (common == 0)
				continue;
			/* one relation per pair: the mean score, its evidence the number of votes */
			IGRAPH_CHECK(relation_add(c, actor[i], actor[j], score / (double)common, 1, -1,
			    NULL, common));
		}
	}
	free(actor);
	free(keep);
	free(votes);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

/* ---- writing ---- */

static double
final_weight(const struct ctx *c, const struct rel *r)
{
	if (c->o->mode == CLOUT_IMPORT_VOTES)
		return r->sum;
	if (c->o->mode == CLOUT_IMPORT_TWO_MODE)
		return r->sum;
	switch (c->o->merge) {
	/* a count takes the sign of the net signed weight (the first row's when that is 0) */
	case CLOUT_MERGE_COUNT: return (r->sum > 0 ? 1 : r->sum < 0 ? -1 : r->first_sign) *
				    (double)r->count;
	/* the strongest relation, with its own sign */
	case CLOUT_MERGE_MAX:   return r->max > 0 ? r->max_signed : r->first_sign * 0.0;
	case CLOUT_MERGE_MEAN:  return r->sum / (double)r->count;
	case CLOUT_MERGE_FIRST: return r->first;
	default:                return r->sum;
	}
}

static int
put_field(FILE *out, const char *text)
{
	return clout_i_csv_write_field(out, text, ',');
}

static char *
evidence_text(const struct ctx *c, const struct rel *r)
{
	const char	*file = base_name(c->o->path);
	char		 refs[128] = "";
	int		 i, n = 0;

	if (c->o->mode == CLOUT_IMPORT_VOTES)
		return clout_i_asprintf("agreement over %ld common votes in %s", r->refs[0], file);
	if (c->o->mode == CLOUT_IMPORT_TWO_MODE) {
		char	*list = NULL, *more;

		for (i = 0; i < r->nrefs; i++) {
			more = clout_i_asprintf("%s%s%s", list ? list : "", list ? ", " : "",
			    c->event_name[r->refs[i]]);
			free(list);
			if ((list = more) == NULL)
				return NULL;
		}
		more = r->count > r->nrefs ?
		    clout_i_asprintf("%ld common %s values in %s: %s and %ld more", r->count,
		    c->main.cols[c->c_target], file, list, r->count - r->nrefs) :
		    clout_i_asprintf("%ld common %s value%s in %s: %s", r->count,
		    c->main.cols[c->c_target], r->count > 1 ? "s" : "", file, list);
		free(list);
		return more;
	}
	if (r->evidence != NULL)
		return r->count > 1 ? clout_i_asprintf("%s (and %ld more row%s)", r->evidence,
		    r->count - 1, r->count > 2 ? "s" : "") : clout_i_strdup(r->evidence);
	for (i = 0; i < r->nrefs; i++)
		n += snprintf(refs + n, sizeof refs - (size_t)n, "%s%ld", i ? ", " : "", r->refs[i]);
	if (r->count > r->nrefs)
		return clout_i_asprintf("%s lines %s and %ld more", file, refs, r->count - r->nrefs);
	return clout_i_asprintf("%s line%s %s", file, r->count > 1 ? "s" : "", refs);
}

static int
write_actors(const struct ctx *c, const char *path)
{
	FILE			*out = fopen(path, "w");
	igraph_integer_t	 i;
	int			 j, bad = 0;

	if (out == NULL)
		return -1;
	fputs("id,label", out);
	for (j = 0; j < c->nattr; j++) {
		fputc(',', out);
		put_field(out, c->attr_names[j]);
	}
	fputc('\n', out);
	for (i = 0; i < c->nactors; i++) {
		bad |= put_field(out, c->actor_id[i]);
		fputc(',', out);
		bad |= put_field(out, c->actor_label[i]);
		for (j = 0; j < c->nattr; j++) {
			fputc(',', out);
			if (c->actor_attr[i] != NULL)
				bad |= put_field(out, c->actor_attr[i][j]);
		}
		fputc('\n', out);
	}
	if (ferror(out))
		bad = -1;
	return fclose(out) != 0 || bad ? -1 : 0;
}

static int
write_relations(struct ctx *c, const char *path)
{
	FILE			*out = fopen(path, "w");
	igraph_integer_t	 i;
	int			 bad = 0, with_confidence = c->c_confidence >= 0;
	char			 number[64];

	if (out == NULL)
		return -1;
	fputs(with_confidence ? "source,target,weight,sign,confidence,evidence\n" :
	    "source,target,weight,sign,evidence\n", out);
	for (i = 0; i < c->nrels; i++) {
		const struct rel	*r = &c->rels[i];
		double			 w = final_weight(c, r);
		char			*evidence;

		if (!(fabs(w) > 0))
			continue;
		bad |= put_field(out, c->actor_id[r->from]);
		fputc(',', out);
		bad |= put_field(out, c->actor_id[r->to]);
		snprintf(number, sizeof number, "%.12g", fabs(w));
		fprintf(out, ",%s,%c,", number, w < 0 ? '-' : '+');
		if (with_confidence) {
			if (r->confidence >= 0)
				fprintf(out, "%.12g", r->confidence);
			fputc(',', out);
		}
		if ((evidence = evidence_text(c, r)) == NULL) {
			fclose(out);
			return -1;
		}
		bad |= put_field(out, evidence);
		free(evidence);
		fputc('\n', out);
	}
	if (ferror(out))
		bad = -1;
	return fclose(out) != 0 || bad ? -1 : 0;
}

static int
write_case(const struct ctx *c, const char *path)
{
	FILE	*out = fopen(path, "w");
	char	*title, *dot, *summary;
	int	 bad = 0;

	if (out == NULL)
		return -1;
	title = clout_i_strdup(base_name(c->o->path));
	summary = clout_i_asprintf("%" IGRAPH_PRId " actors and %" IGRAPH_PRId
	    " relations imported from %ld rows of %s", c->rep->actors, c->rep->relations,
	    c->rep->rows_read, base_name(c->o->path));
	if (title == NULL || summary == NULL) {
		free(title);
		free(summary);
		fclose(out);
		return -1;
	}
	if ((dot = strrchr(title, '.')) != NULL && dot != title)
		*dot = '\0';
	fputs("key,value\ntitle,", out);
	bad |= put_field(out, title);
	fprintf(out, "\ndirected,%s\nsource,", c->directed ? "yes" : "no");
	bad |= put_field(out, c->o->command ? c->o->command : c->o->path);
	fputs("\nsummary,", out);
	bad |= put_field(out, summary);
	fputc('\n', out);
	free(title);
	free(summary);
	if (ferror(out))
		bad = -1;
	return fclose(out) != 0 || bad ? -1 : 0;
}

static int
remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
remove_tree(const char *path)
{
	nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* A folder clout wrote or could have: it holds case.csv. */
static int
looks_like_case(const char *dir, const struct stat *st)
{
	struct stat	 inner;
	char		*path;
	int		 yes;

	if (!S_ISDIR(st->st_mode) || (path = clout_i_asprintf("%s/case.csv", dir)) == NULL)
		return 0;
	yes = stat(path, &inner) == 0 && S_ISREG(inner.st_mode);
	free(path);
	return yes;
}

static const char *const written_names[3] = { "actors.csv", "relations.csv", "case.csv" };

/*
 * Move what import does not write (a SOURCES.md, a saved layout) from one
 * folder into another on the same file system. Returns 0 or an errno.
 */
static int
move_extras(const char *from, const char *to)
{
	DIR		*d = opendir(from);
	struct dirent	*e;
	char		*src, *dst;
	int		 err = 0, i, ours;

	if (d == NULL)
		return errno;
	while (err == 0 && (errno = 0, e = readdir(d)) != NULL) {
		for (i = 0, ours = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
		    i < 3 && !ours; i++)
			ours = strcmp(e->d_name, written_names[i]) == 0;
		if (ours)
			continue;
		src = clout_i_asprintf("%s/%s", from, e->d_name);
		dst = clout_i_asprintf("%s/%s", to, e->d_name);
		if (src == NULL || dst == NULL)
			err = ENOMEM;
		else if (rename(src, dst) != 0)
			err = errno;
		free(src);
		free(dst);
	}
	if (err == 0 && errno != 0)
		err = errno;
	closedir(d);
	return err;
}

static void
temp_hook(const struct ctx *c, const char *dir, enum clout_import_temp stage)
{
	if (c->o->temp_hook != NULL)
		c->o->temp_hook(dir, stage, c->o->temp_arg);
}

/* A name that rename() cannot replace: '.', '..' or '/' as the last part. */
static int
is_dot_name(const char *path)
{
	size_t	n = strlen(path);
	const char *last;

	while (n > 1 && path[n - 1] == '/')
		n--;
	if (n == 1 && path[0] == '/')
		return 1;
	for (last = path + n; last > path && last[-1] != '/'; last--)
		;
	return (path + n - last == 1 && last[0] == '.') ||
	    (path + n - last == 2 && last[0] == '.' && last[1] == '.');
}

/*
 * Write into a fresh folder beside out_dir and rename it into place. With
 * force, an old case folder is replaced; the files in it that import does
 * not write are moved into the new one, so nothing clout never wrote is lost.
 */
static igraph_error_t
write_case_folder(struct ctx *c, const char *out_dir, int force)
{
	char		*parent, *slash, *tmp, *old = NULL, *file;
	struct stat	 st;
	sigset_t	 all, blocked;
	int		 i, bad = 0, moved = 0;

	CLOUT_CHECK_ALLOC(parent = clout_i_strdup(out_dir));
	while (strlen(parent) > 1 && parent[strlen(parent) - 1] == '/')
		parent[strlen(parent) - 1] = '\0';
	slash = strrchr(parent, '/');
	tmp = slash ? clout_i_asprintf("%.*s/.%s.import-XXXXXX", (int)(slash - parent), parent,
	    slash + 1) : clout_i_asprintf(".%s.import-XXXXXX", parent);
	free(parent);
	CLOUT_CHECK_ALLOC(tmp);
	IGRAPH_FINALLY(free, tmp);
	if (mkdtemp(tmp) == NULL) {
		IGRAPH_CHECK(fail(c, out_dir, 0, 0, "cannot create a folder beside it: %s",
		    strerror(errno)));
		free(tmp);
		IGRAPH_FINALLY_CLEAN(1);
		return IGRAPH_SUCCESS;
	}
	temp_hook(c, tmp, CLOUT_IMPORT_TEMP_CREATED);
	{
		/* mkdtemp makes the folder private; a case folder is as readable as any file */
		mode_t	mask = umask(0);

		umask(mask);
		chmod(tmp, 0777 & ~mask);
	}
	for (i = 0; i < 3 && !bad; i++) {
		if ((file = clout_i_asprintf("%s/%s", tmp, written_names[i])) == NULL) {
			remove_tree(tmp);
			temp_hook(c, tmp, CLOUT_IMPORT_TEMP_GONE);
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		}
		errno = 0;
		bad = i == 0 ? write_actors(c, file) : i == 1 ? write_relations(c, file) :
		    write_case(c, file);
		/* the reason now: removing the folder below changes errno */
		if (bad)
			bad = errno != 0 ? errno : EIO;
		free(file);
	}
	if (!bad)
		temp_hook(c, tmp, CLOUT_IMPORT_TEMP_WRITTEN);
	/* from here the folders change places: no signal may stop it half-way */
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &blocked);
	if (!bad && stat(out_dir, &st) == 0) {
		if (!force)
			bad = EEXIST;
		else if (is_dot_name(out_dir))
			bad = -EBUSY;	/* rename() cannot move '.' */
		else if (!looks_like_case(out_dir, &st))
			bad = -EEXIST;	/* --force replaces a case folder, never anything else */
		else if ((old = clout_i_asprintf("%s.old", tmp)) == NULL)
			bad = ENOMEM;
		else if ((bad = move_extras(out_dir, tmp)) != 0)
			move_extras(tmp, out_dir);	/* put them back */
		else if ((moved = 1, rename(out_dir, old)) != 0)
			bad = errno;
	}
	if (!bad && rename(tmp, out_dir) != 0) {
		bad = errno;
		if (old != NULL)
			rename(old, out_dir);	/* put the old folder back */
	}
	if (bad && moved)
		move_extras(tmp, out_dir);
	if (bad) {
		remove_tree(tmp);
		if (bad == -EEXIST)
			IGRAPH_CHECK(fail(c, out_dir, 0, 0, "exists and is not a case folder (no "
			    "case.csv in it): --force replaces only a case folder"));
		else if (bad == -EBUSY)
			IGRAPH_CHECK(fail(c, out_dir, 0, 0, "cannot replace the current folder or "
			    "its parent: name the case folder, as in -o ../NAME"));
		else
			IGRAPH_CHECK(fail(c, out_dir, 0, 0, bad == EEXIST ?
			    "already exists (give --force to replace it)" : "cannot write the case: %s",
			    strerror(bad)));
	} else if (old != NULL)
		remove_tree(old);
	temp_hook(c, tmp, CLOUT_IMPORT_TEMP_GONE);
	sigprocmask(SIG_SETMASK, &blocked, NULL);
	free(old);
	free(tmp);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* ---- the whole ---- */

static void
ctx_destroy(void *data)
{
	struct ctx		*c = data;
	igraph_integer_t	 i;
	int			 j;

	table_destroy(&c->main);
	table_destroy(&c->nodes);
	for (j = 0; j < c->nfilters; j++) {
		int	k;

		for (k = 0; k < c->filters[j].nalts; k++)
			free(c->filters[j].alts[k].value);
		free(c->filters[j].alts);
	}
	free(c->filters);
	for (j = 0; j < c->nsplits; j++)
		free(c->splits[j].sep);
	free(c->splits);
	for (j = 0; j < c->nknown; j++)
		free(c->known[j]);
	free(c->known);
	for (i = 0; i < c->nactors; i++) {
		free(c->actor_id[i]);
		free(c->actor_label[i]);
		if (c->actor_attr[i] != NULL) {
			for (j = 0; j < c->nattr; j++)
				free(c->actor_attr[i][j]);
			free(c->actor_attr[i]);
		}
	}
	free(c->actor_id);
	free(c->actor_label);
	free(c->actor_attr);
	for (j = 0; j < c->o->nnode_attr && c->attr_names != NULL; j++)
		free(c->attr_names[j]);
	free(c->attr_names);
	if (c->actor_index)
		clout_i_strmap_free(c->actor_index);
	for (i = 0; i < c->nrels; i++)
		free(c->rels[i].evidence);
	free(c->rels);
	if (c->pairs)
		clout_i_pairmap_free(c->pairs);
	events_destroy(c);
}

void
clout_import_report_destroy(struct clout_import_report *report)
{
	int	i;

	for (i = 0; i < report->nnotes; i++)
		free(report->notes[i]);
	free(report->notes);
	report->notes = NULL;
	report->nnotes = 0;
}

igraph_error_t
clout_import(const struct clout_import_options *o, const char *out_dir, int force,
    struct clout_diags *diags, struct clout_import_report *rep)
{
	struct ctx	 c;
	const char	*specs[6];
	int		 nspecs = 0;
	struct stat	 st;
	igraph_integer_t i;
	long		 first_data;

	memset(rep, 0, sizeof *rep);
	memset(&c, 0, sizeof c);
	c.o = o;
	c.diags = diags;
	c.rep = rep;
	c.c_source = c.c_target = c.c_weight = c.c_sign = c.c_evidence = c.c_confidence = -1;
	c.directed = o->mode == CLOUT_IMPORT_EDGES && !o->undirected;
	c.main.header = c.nodes.header = -1;
	IGRAPH_FINALLY(ctx_destroy, &c);
	CLOUT_CHECK_ALLOC(c.actor_index = clout_i_strmap_new());
	CLOUT_CHECK_ALLOC(c.pairs = clout_i_pairmap_new());

	/* refuse early: reading a large file only to refuse would waste the user's time */
	if (stat(out_dir, &st) == 0 && !force)
		IGRAPH_CHECK(fail(&c, out_dir, 0, 0, "already exists (give --force to replace it)"));
	else if (stat(out_dir, &st) == 0 && !looks_like_case(out_dir, &st))
		IGRAPH_CHECK(fail(&c, out_dir, 0, 0, "exists and is not a case folder (no case.csv "
		    "in it): --force replaces only a case folder"));

	if (o->mode == CLOUT_IMPORT_TWO_MODE) {
		specs[nspecs++] = o->actor;
		specs[nspecs++] = o->event;
	} else if (o->mode == CLOUT_IMPORT_EDGES) {
		specs[nspecs++] = o->source;
		specs[nspecs++] = o->target;
		specs[nspecs++] = o->weight;
		specs[nspecs++] = o->sign;
		specs[nspecs++] = o->evidence;
		specs[nspecs++] = o->confidence;
	}
	if (!c.failed)
		IGRAPH_CHECK(read_table(&c, &c.main, o->path));
	if (!c.failed)
		IGRAPH_CHECK(find_header(&c, &c.main, o->skip, o->no_header, specs, nspecs));
	if (!c.failed && c.main.odd_trimmed > 0)
		IGRAPH_CHECK(note(&c, "%s: %ld cell(s) had odd white space (non-breaking spaces...) at their ends: trimmed",
		    base_name(o->path), c.main.odd_trimmed));
	rep->trimmed = c.main.odd_trimmed;
	if (!c.failed && c.main.header >= 0)
		rep->header_line = c.main.rows[c.main.header].line;
	if (!c.failed && o->mode == CLOUT_IMPORT_EDGES) {
		IGRAPH_CHECK(resolve(&c, &c.main, o->source, "--source", &c.c_source));
		if (!c.failed)
			IGRAPH_CHECK(resolve(&c, &c.main, o->target, "--target", &c.c_target));
		if (!c.failed)
			IGRAPH_CHECK(resolve(&c, &c.main, o->weight, "--weight", &c.c_weight));
		if (!c.failed)
			IGRAPH_CHECK(resolve(&c, &c.main, o->sign, "--sign", &c.c_sign));
		if (!c.failed)
			IGRAPH_CHECK(resolve(&c, &c.main, o->evidence, "--evidence", &c.c_evidence));
		if (!c.failed)
			IGRAPH_CHECK(resolve(&c, &c.main, o->confidence, "--confidence",
			    &c.c_confidence));
	} else if (!c.failed && o->mode == CLOUT_IMPORT_TWO_MODE) {
		IGRAPH_CHECK(resolve(&c, &c.main, o->actor, "--actor", &c.c_source));
		if (!c.failed)
			IGRAPH_CHECK(resolve(&c, &c.main, o->event, "--event", &c.c_target));
	}
	if (!c.failed)
		IGRAPH_CHECK(parse_filters(&c));
	if (!c.failed)
		IGRAPH_CHECK(parse_splits(&c, specs, nspecs));
	if (!c.failed && o->nodes != NULL)
		IGRAPH_CHECK(read_nodes(&c));
	if (!c.failed) {
		if (o->mode == CLOUT_IMPORT_EDGES)
			IGRAPH_CHECK(edges_from_rows(&c));
		else if (o->mode == CLOUT_IMPORT_TWO_MODE)
			IGRAPH_CHECK(two_mode_from_rows(&c));
		else
			IGRAPH_CHECK(votes_from_rows(&c));
	}
	if (!c.failed) {
		igraph_vector_int_t	degree;

		IGRAPH_CHECK(igraph_vector_int_init(&degree, c.nactors));
		IGRAPH_FINALLY(igraph_vector_int_destroy, &degree);
		for (i = 0; i < c.nrels && !c.failed; i++) {
			double	w = final_weight(&c, &c.rels[i]);

			if (!isfinite(w)) {
				/* merged weights too large for a double: no reader could take the case */
				IGRAPH_CHECK(fail(&c, o->path, c.rels[i].refs[0], 0,
				    "merged weight of %s -> %s overflows (%g)", c.actor_id[c.rels[i].from],
				    c.actor_id[c.rels[i].to], w));
				break;
			}
			if (fabs(w) > 0) {
				rep->relations++;
				VECTOR(degree)[c.rels[i].from]++;
				VECTOR(degree)[c.rels[i].to]++;
			} else
				rep->dropped_zero++;
		}
		for (i = 0; i < c.nactors; i++)
			rep->isolates += VECTOR(degree)[i] == 0;
		igraph_vector_int_destroy(&degree);
		IGRAPH_FINALLY_CLEAN(1);
		rep->actors = c.nactors;
		if (o->strict && rep->skipped > 0 && !c.failed)
			IGRAPH_CHECK(fail(&c, rep->skips[0].file, rep->skips[0].line, 0,
			    "--strict: %ld row%s would be skipped, the first here", rep->skipped,
			    rep->skipped == 1 ? "" : "s"));
		/* the line where the data begin, so the message points into the file */
		first_data = c.main.nrows > c.main.header + 1 ? c.main.rows[c.main.header + 1].line : 0;
		if (rep->relations == 0 && !c.failed)
			IGRAPH_CHECK(fail(&c, o->path, first_data, 0,
			    "empty result: no relation is left of the %ld data rows (%ld missing a value, "
			    "%ld filtered out, %ld self-loops, %ld unreadable, %ld with weight 0)",
			    rep->rows_read, rep->skipped_missing, rep->skipped_filtered,
			    rep->skipped_self, rep->skipped_bad_weight, rep->dropped_zero));
	}
	if (!c.failed)
		IGRAPH_CHECK(write_case_folder(&c, out_dir, force));
	ctx_destroy(&c);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}
