/*
 * csv_io.c: reading and writing CSV through libcsv, the only file that includes <csv.h>.
 *
 * libcsv knows nothing of lines, so the reader feeds it one physical line at a
 * time and notes where each record starts; errors can then name the line.
 */
#define _POSIX_C_SOURCE 200809L	/* getline */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "clout_internal.h"

#define CLOUT_STR_(x) #x
#define CLOUT_STR(x) CLOUT_STR_(x)

struct csv_reader {
	const char		*name;
	int			 file_order;
	struct clout_diags	*diags;
	clout_i_record_fn	*fn;
	void			*user;

	long			 line;		/* physical line being fed */
	long			 row_start;	/* line the current record began on, 0 if this one */
	long			 records;	/* records delivered so far */

	char			*bytes;		/* the current record's fields, NUL-separated */
	size_t			 nbytes, capbytes;
	size_t			*offsets;
	int			 nfields, capfields;
	char			**fields;
	int			 capptrs;

	igraph_error_t		 status;	/* first hard failure inside a callback */
};

static void
reader_on_field(void *field, size_t length, void *data)
{
	struct csv_reader	*r = data;
	long			 bad;

	if (r->status != IGRAPH_SUCCESS)
		return;
	if (r->nfields == r->capfields) {
		int	 cap = r->capfields ? r->capfields * 2 : 16;
		size_t	*offsets = realloc(r->offsets, (size_t)cap * sizeof *offsets);

		if (offsets == NULL) {
			r->status = IGRAPH_ENOMEM;
			return;
		}
		r->offsets = offsets;
		r->capfields = cap;
	}
	if (r->nbytes + length + 1 > r->capbytes) {
		size_t	 cap = r->capbytes ? r->capbytes : 256;
		char	*bytes;

		while (cap < r->nbytes + length + 1)
			cap *= 2;
		if ((bytes = realloc(r->bytes, cap)) == NULL) {
			r->status = IGRAPH_ENOMEM;
			return;
		}
		r->bytes = bytes;
		r->capbytes = cap;
	}
	bad = clout_i_utf8_invalid(field, length);
	if (bad >= 0) {
		unsigned char	byte = ((unsigned char *)field)[bad];

		r->status = clout_diags_add(r->diags, CLOUT_ERROR, r->file_order, r->name,
		    r->row_start ? r->row_start : r->line, r->nfields + 1,
		    "invalid UTF-8: byte 0x%02X at offset %ld of the field%s", byte, bad,
		    byte == 0 ? "" : " (save the file as UTF-8; it may be Latin-1 or Windows-1252)");
	}
	memcpy(r->bytes + r->nbytes, field, length);
	r->bytes[r->nbytes + length] = '\0';
	r->offsets[r->nfields++] = r->nbytes;
	r->nbytes += length + 1;
}

static void
reader_on_row(int terminator, void *data)
{
	struct csv_reader	*r = data;
	struct clout_i_record	 record;
	int			 i, empty = 1;

	(void)terminator;
	if (r->status == IGRAPH_SUCCESS && r->nfields > r->capptrs) {
		char	**fields = realloc(r->fields, (size_t)r->nfields * sizeof *fields);

		if (fields == NULL)
			r->status = IGRAPH_ENOMEM;
		else {
			r->fields = fields;
			r->capptrs = r->nfields;
		}
	}
	if (r->status == IGRAPH_SUCCESS) {
		for (i = 0; i < r->nfields; i++) {
			r->fields[i] = clout_i_trim(r->bytes + r->offsets[i]);
			if (r->fields[i][0] != '\0')
				empty = 0;
		}
		/* spreadsheets export trailing rows of empty cells: skip them */
		if (!empty) {
			record.fields = r->fields;
			record.nfields = r->nfields;
			record.line = r->row_start ? r->row_start : r->line;
			record.index = r->records++;
			r->status = r->fn(&record, r->user);
		}
	}
	r->nfields = 0;
	r->nbytes = 0;
	r->row_start = 0;
}

static void
reader_free(void *data)
{
	struct csv_reader	*r = data;

	free(r->bytes);
	free(r->offsets);
	free(r->fields);
}

static void
parser_free(void *data)
{
	csv_free(data);
}

igraph_error_t
clout_i_csv_read(FILE *in, const char *name, int file_order, struct clout_diags *diags,
    clout_i_record_fn *fn, void *user)
{
	const unsigned char	 options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;
	struct csv_reader	 r;
	struct csv_parser	 parser;
	char			*line = NULL;
	size_t			 cap = 0;
	ssize_t			 n;

	memset(&r, 0, sizeof r);
	r.name = name;
	r.file_order = file_order;
	r.diags = diags;
	r.fn = fn;
	r.user = user;
	if (csv_init(&parser, options) != 0)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	IGRAPH_FINALLY(parser_free, &parser);
	IGRAPH_FINALLY(reader_free, &r);
	IGRAPH_FINALLY(free, line);	/* re-pointed below as getline grows it */

	while ((n = getline(&line, &cap, in)) > 0) {
		char	*text = line;
		size_t	 length = (size_t)n, used;

		IGRAPH_FINALLY_CLEAN(1);
		IGRAPH_FINALLY(free, line);
		r.line++;
		/* libcsv does not know the byte-order mark; in strict mode it breaks quoting */
		if (r.line == 1 && length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
			text += 3;
			length -= 3;
		}
		/* getline splits on LF only: a lone CR inside line 1 means old Mac line ends */
		if (r.line == 1) {
			char	*cr = memchr(text, '\r', length);

			if (cr != NULL && cr + 1 < text + length && cr[1] != '\n') {
				IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name, 0, 0,
				    "lines end with a bare CR (old Mac format): save the file with LF or CRLF line ends"));
				break;
			}
		}
		used = csv_parse(&parser, text, length, reader_on_field, reader_on_row, &r);
		if (r.status != IGRAPH_SUCCESS)
			IGRAPH_ERROR("cannot read CSV", r.status);
		if (used != length) {
			long	at = r.row_start ? r.row_start : r.line;

			IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name, r.line,
			    r.nfields + 1, "%s%s", csv_error(&parser) == CSV_EPARSE ?
			    "malformed quoting: a quote inside an unquoted field, or text after a closing quote" :
			    csv_strerror(csv_error(&parser)),
			    at != r.line ? " (in the record that starts on an earlier line)" : ""));
			/* the broken record still counts: a data row must not become the header */
			r.records++;
			/* start afresh on the next line, so later problems are reported too */
			csv_free(&parser);
			/* a failed csv_init leaves nothing for parser_free to free twice */
			if (csv_init(&parser, options) != 0)
				IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
			r.nfields = 0;
			r.nbytes = 0;
			r.row_start = 0;
			continue;
		}
		if (parser.pstate != 0 && r.row_start == 0)
			r.row_start = r.line;	/* the record goes on past this line */
	}
	if (ferror(in)) {
		IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name, 0, 0,
		    "read error: %s", strerror(errno)));
	} else if (csv_fini(&parser, reader_on_field, reader_on_row, &r) != 0) {
		IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name,
		    r.row_start ? r.row_start : r.line, r.nfields + 1,
		    "unterminated quoted field: the quote opened here is never closed"));
	}
	if (r.status != IGRAPH_SUCCESS)
		IGRAPH_ERROR("cannot read CSV", r.status);
	free(line);
	reader_free(&r);
	csv_free(&parser);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

int
clout_i_csv_write_field(FILE *out, const char *text, char delimiter)
{
	size_t	length = strlen(text);

	if (length == 0)
		return 0;
	if ( strchr(text, delimiter) == NULL && strpbrk(text, "\"\r\n") == NULL &&
	    text[0] != ' ' && text[length - 1] != ' ')
		return fputs(text, out) < 0 ? -1 : 0;
	return csv_fwrite(out, text, length);
}

const char *
clout_csv_version(void)
{
	return CLOUT_STR(CSV_MAJOR) "." CLOUT_STR(CSV_MINOR) "." CLOUT_STR(CSV_RELEASE);
}
