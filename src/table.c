/* table.c: one result table, written as an aligned terminal table, CSV, TSV, JSON or Markdown. */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

int
clout_format_find(const char *name)
{
	static const char *const names[] = { "table", "csv", "tsv", "json", "md" };

	return clout_i_name_find(names, (int)(sizeof names / sizeof names[0]), name);
}

int
clout_formula_like(const char *text)
{
	return text[0] != '\0' && strchr("=+-@\t\r", text[0]) != NULL;
}

/* The shortest of %.15g..%.17g that reads back as the same double. */
static void
format_real(char *buf, size_t size, double x)
{
	int	digits;

	if (x == 0)
		x = 0;		/* no "-0" from a rounding on the way */
	for (digits = 15; digits <= 17; digits++) {
		snprintf(buf, size, "%.*g", digits, x);
		if (strtod(buf, NULL) == x)
			return;
	}
}

static int
cell_is_null(const struct clout_column *col, igraph_integer_t item)
{
	/* NaN is undefined; an infinity is no number JSON or CSV readers accept either */
	if (col->kind == CLOUT_COLUMN_INT)
		return VECTOR(*col->integers)[item] == CLOUT_NULL_INT;
	return col->kind == CLOUT_COLUMN_REAL && !isfinite(VECTOR(*col->reals)[item]);
}

/* A cell as text; fixed_decimals >= 0 prints reals with that many decimals. */
static void
cell_text(const struct clout_column *col, igraph_integer_t item, int fixed_decimals,
    char *buf, size_t size, const char **text)
{
	switch (col->kind) {
	case CLOUT_COLUMN_TEXT:
		*text = igraph_strvector_get(col->text, item);
		return;
	case CLOUT_COLUMN_INT:
		if (cell_is_null(col, item))
			buf[0] = '\0';
		else
			snprintf(buf, size, "%" IGRAPH_PRId, VECTOR(*col->integers)[item]);
		break;
	case CLOUT_COLUMN_REAL:
		if (cell_is_null(col, item))
			buf[0] = '\0';
		else if (fixed_decimals >= 0)
			snprintf(buf, size, "%.*f", fixed_decimals, VECTOR(*col->reals)[item] + 0.0);
		else
			format_real(buf, size, VECTOR(*col->reals)[item]);
		break;
	}
	*text = buf;
}

/*
 * Text for one terminal cell: control characters (newlines in notes, ESC,
 * the C1 controls U+0080..U+009F) become spaces, so no cell moves the cursor.
 */
static void
put_plain(FILE *out, const char *text)
{
	for (; *text != '\0'; text++) {
		const unsigned char	*u = (const unsigned char *)text;

		if (u[0] == 0xC2 && u[1] >= 0x80 && u[1] < 0xA0) {
			fputc(' ', out);	/* one column, as clout_i_utf8_width counts it */
			text++;
		} else
			fputc(u[0] < 0x20 || u[0] == 0x7F ? ' ' : u[0], out);
	}
}

static void
put_padding(FILE *out, size_t n)
{
	while (n-- > 0)
		fputc(' ', out);
}

static size_t
plain_width(const char *text)
{
	size_t	 width = clout_i_utf8_width(text);
	const char *p;

	for (p = text; *p != '\0'; p++)		/* control characters print as one space */
		width += (unsigned char)*p < 0x20 || *p == 0x7F;
	return width;
}

static igraph_error_t
write_terminal(FILE *out, const struct clout_table *t)
{
	igraph_integer_t	 nrows = igraph_vector_int_size(t->rows), r;
	size_t			*width;
	char			 buf[512];	/* %.6f of 1e300 has 300 digits */
	const char		*text;
	int			 c;

	width = calloc((size_t)t->ncolumns, sizeof *width);
	CLOUT_CHECK_ALLOC(width);
	for (c = 0; c < t->ncolumns; c++) {
		width[c] = plain_width(t->columns[c].name);
		for (r = 0; r < nrows; r++) {
			cell_text(&t->columns[c], VECTOR(*t->rows)[r], 6, buf, sizeof buf, &text);
			if (plain_width(text) > width[c])
				width[c] = plain_width(text);
		}
	}
	for (r = -2; r < nrows; r++) {		/* -2: the header, -1: its rule */
		for (c = 0; c < t->ncolumns; c++) {
			const struct clout_column	*col = &t->columns[c];
			int				 right = col->kind != CLOUT_COLUMN_TEXT;
			size_t				 w;

			if (r == -2)
				text = col->name;
			else if (r == -1)
				text = NULL;
			else
				cell_text(col, VECTOR(*t->rows)[r], 6, buf, sizeof buf, &text);
			if (c > 0)
				fputs("  ", out);
			if (text == NULL) {
				for (w = 0; w < width[c]; w++)
					fputc('-', out);
				continue;
			}
			w = plain_width(text);
			if (right)
				put_padding(out, width[c] - w);
			put_plain(out, text);
			if (!right && c + 1 < t->ncolumns)
				put_padding(out, width[c] - w);
		}
		fputc('\n', out);
	}
	free(width);
	return IGRAPH_SUCCESS;
}

static void
put_escaped_tsv(FILE *out, const char *text)
{
	for (; *text != '\0'; text++) {
		switch (*text) {
		case '\t': fputs("\\t", out); break;
		case '\n': fputs("\\n", out); break;
		case '\r': fputs("\\r", out); break;
		case '\\': fputs("\\\\", out); break;
		default: fputc(*text, out);
		}
	}
}

static void
put_json_string(FILE *out, const char *text)
{
	fputc('"', out);
	for (; *text != '\0'; text++) {
		unsigned char	ch = (unsigned char)*text;

		if (ch == '"' || ch == '\\')
			fprintf(out, "\\%c", ch);
		else if (ch == '\n')
			fputs("\\n", out);
		else if (ch == '\t')
			fputs("\\t", out);
		else if (ch == '\r')
			fputs("\\r", out);
		else if (ch < 0x20)
			fprintf(out, "\\u%04x", ch);
		else
			fputc(ch, out);
	}
	fputc('"', out);
}

static void
put_markdown(FILE *out, const char *text)
{
	for (; *text != '\0'; text++) {
		if (*text == '|' || *text == '\\')
			fprintf(out, "\\%c", *text);
		else if (*text == '\n')
			fputs("<br>", out);
		else if ((unsigned char)*text < 0x20)
			fputc(' ', out);
		else
			fputc(*text, out);
	}
}

/* One CSV or TSV cell; free text a spreadsheet would run as a formula gets a leading quote. */
static igraph_error_t
put_separated(FILE *out, const char *text, int free_text, enum clout_format format)
{
	char	*quoted = NULL;

	if (free_text && clout_formula_like(text)) {
		quoted = clout_i_asprintf("'%s", text);
		CLOUT_CHECK_ALLOC(quoted);
		text = quoted;
	}
	if (format == CLOUT_FORMAT_CSV)
		clout_i_csv_write_field(out, text, ',');
	else
		put_escaped_tsv(out, text);
	free(quoted);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_table_write(FILE *out, const struct clout_table *t, enum clout_format format)
{
	igraph_integer_t	 nrows = igraph_vector_int_size(t->rows), r;
	char			 buf[512];	/* %.6f of 1e300 has 300 digits */
	const char		*text;
	int			 c;

	switch (format) {
	case CLOUT_FORMAT_TABLE:
		IGRAPH_CHECK(write_terminal(out, t));
		break;
	case CLOUT_FORMAT_CSV:
	case CLOUT_FORMAT_TSV:
		for (c = 0; c < t->ncolumns; c++) {
			if (c > 0)
				fputc(format == CLOUT_FORMAT_CSV ? ',' : '\t', out);
			IGRAPH_CHECK(put_separated(out, t->columns[c].name, 1, format));
		}
		fputc('\n', out);
		for (r = 0; r < nrows; r++) {
			for (c = 0; c < t->ncolumns; c++) {
				const struct clout_column	*col = &t->columns[c];

				cell_text(col, VECTOR(*t->rows)[r], -1, buf, sizeof buf, &text);
				if (c > 0)
					fputc(format == CLOUT_FORMAT_CSV ? ',' : '\t', out);
				IGRAPH_CHECK(put_separated(out, text,
				    col->kind == CLOUT_COLUMN_TEXT && !col->code, format));
			}
			fputc('\n', out);
		}
		break;
	case CLOUT_FORMAT_JSON:
		fputs(nrows == 0 ? "[" : "[\n", out);
		for (r = 0; r < nrows; r++) {
			fputs("  {", out);
			for (c = 0; c < t->ncolumns; c++) {
				const struct clout_column	*col = &t->columns[c];
				igraph_integer_t		 item = VECTOR(*t->rows)[r];

				if (c > 0)
					fputs(", ", out);
				put_json_string(out, col->name);
				fputs(": ", out);
				cell_text(col, item, -1, buf, sizeof buf, &text);
				if (col->kind == CLOUT_COLUMN_TEXT)
					put_json_string(out, text);
				else
					fputs(cell_is_null(col, item) ? "null" : text, out);
			}
			fputs(r + 1 < nrows ? "},\n" : "}\n", out);
		}
		fputs("]\n", out);
		break;
	case CLOUT_FORMAT_MD:
		for (r = -2; r < nrows; r++) {
			fputc('|', out);
			for (c = 0; c < t->ncolumns; c++) {
				const struct clout_column	*col = &t->columns[c];

				if (r == -1) {
					fputs(col->kind == CLOUT_COLUMN_TEXT ? " :--- |" : " ---: |", out);
					continue;
				}
				if (r == -2)
					text = col->name;
				else
					cell_text(col, VECTOR(*t->rows)[r], 6, buf, sizeof buf, &text);
				fputc(' ', out);
				put_markdown(out, text);
				fputs(" |", out);
			}
			fputc('\n', out);
		}
		break;
	default:
		IGRAPH_ERROR("unknown output format", IGRAPH_EINVAL);
	}
	if (ferror(out))
		IGRAPH_ERRORF("%s", IGRAPH_EFILE, strerror(errno != 0 ? errno : EIO));	/* the reason */
	return IGRAPH_SUCCESS;
}

void
clout_json_init(struct clout_json *json, FILE *out)
{
	memset(json, 0, sizeof *json);
	json->out = out;
}

/* The separator, indentation and key before a member or element. */
static void
json_member(struct clout_json *json, const char *key)
{
	int	d = json->depth, i;

	if (d > 0) {
		if (json->members[d])
			fputc(',', json->out);
		if (json->compact[d])
			fputs(json->members[d] ? " " : "", json->out);
		else {
			fputc('\n', json->out);
			for (i = 0; i < d; i++)
				fputs("  ", json->out);
		}
		json->members[d] = 1;
	}
	if (key != NULL) {
		put_json_string(json->out, key);
		fputs(": ", json->out);
	}
}

void
clout_json_open(struct clout_json *json, const char *key, char bracket, int compact)
{
	json_member(json, key);
	fputc(bracket, json->out);
	if (json->depth + 1 < CLOUT_JSON_MAX_DEPTH) {
		json->depth++;
		json->members[json->depth] = 0;
		json->compact[json->depth] = (unsigned char)(compact || json->compact[json->depth - 1]);
		json->square[json->depth] = bracket == '[';
	}
}

void
clout_json_close(struct clout_json *json)
{
	int	d = json->depth, i;

	if (d == 0)
		return;
	if (json->members[d] && !json->compact[d]) {
		fputc('\n', json->out);
		for (i = 0; i < d - 1; i++)
			fputs("  ", json->out);
	}
	fputc(json->square[d] ? ']' : '}', json->out);
	json->depth--;
	if (json->depth == 0)
		fputc('\n', json->out);
}

void
clout_json_string(struct clout_json *json, const char *key, const char *value)
{
	json_member(json, key);
	if (value == NULL)
		fputs("null", json->out);
	else
		put_json_string(json->out, value);
}

void
clout_json_real(struct clout_json *json, const char *key, double value)
{
	char	buf[64];

	json_member(json, key);
	if (!isfinite(value)) {
		fputs("null", json->out);
		return;
	}
	format_real(buf, sizeof buf, value);
	fputs(buf, json->out);
}

void
clout_json_int(struct clout_json *json, const char *key, igraph_integer_t value)
{
	json_member(json, key);
	fprintf(json->out, "%" IGRAPH_PRId, value);
}

void
clout_json_bool(struct clout_json *json, const char *key, int value)
{
	json_member(json, key);
	fputs(value ? "true" : "false", json->out);
}

void
clout_json_null(struct clout_json *json, const char *key)
{
	json_member(json, key);
	fputs("null", json->out);
}

void
clout_json_table(struct clout_json *json, const char *key, const struct clout_table *t)
{
	igraph_integer_t	 r, nrows = igraph_vector_int_size(t->rows);
	char			 buf[512];
	const char		*text;
	int			 c;

	clout_json_open(json, key, '[', 0);
	for (r = 0; r < nrows; r++) {
		igraph_integer_t	item = VECTOR(*t->rows)[r];

		clout_json_open(json, NULL, '{', 1);
		for (c = 0; c < t->ncolumns; c++) {
			const struct clout_column	*col = &t->columns[c];

			cell_text(col, item, -1, buf, sizeof buf, &text);
			if (col->kind == CLOUT_COLUMN_TEXT)
				clout_json_string(json, col->name, text);
			else if (cell_is_null(col, item))
				clout_json_null(json, col->name);
			else {
				json_member(json, col->name);
				fputs(text, json->out);
			}
		}
		clout_json_close(json);
	}
	clout_json_close(json);
}

void
clout_json_matrix(struct clout_json *json, const char *key, const igraph_matrix_t *m)
{
	igraph_integer_t	i, j;

	clout_json_open(json, key, '[', 0);
	for (i = 0; i < igraph_matrix_nrow(m); i++) {
		clout_json_open(json, NULL, '[', 1);
		for (j = 0; j < igraph_matrix_ncol(m); j++)
			clout_json_real(json, NULL, MATRIX(*m, i, j));
		clout_json_close(json);
	}
	clout_json_close(json);
}
