/*
 * csv_io.c: reading and writing CSV through libcsv, the only file that includes <csv.h>.
 *
 * libcsv knows nothing of lines, so the reader feeds it one physical line at a
 * time and notes where each record starts; errors can then name the line.
 */
#define _POSIX_C_SOURCE 200809L	/* getline */
#include <ctype.h>
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
	int			 raw;		/* leave the fields untrimmed */
	char			 delimiter;	/* in use: given, or found in the header row */

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

/* Windows-1252's 0x80..0x9F as code points; 0 where the code page defines none. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* One byte of Windows-1252 as UTF-8 in out (4 bytes and a NUL); 0 where undefined. */
static int
cp1252_char(unsigned char byte, char *out)
{
	unsigned int	c = byte;

	if (c >= 0x80 && c < 0xA0 && (c = cp1252_high[c - 0x80]) == 0)
		return 0;
	if (c < 0x80) {
		out[0] = (char)c;
		out[1] = '\0';
	} else if (c < 0x800) {
		out[0] = (char)(0xC0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3F));
		out[2] = '\0';
	} else {
		out[0] = (char)(0xE0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		out[2] = (char)(0x80 | (c & 0x3F));
		out[3] = '\0';
	}
	return 1;
}

/*
 * Whether a field that is not UTF-8 reads as Windows-1252 text: every byte
 * above 0x7F is defined there, none is a C0 control but tab, and no byte
 * starts a well-formed UTF-8 sequence (that would be broken UTF-8 instead).
 * shown receives the first such character, as UTF-8.
 */
static int
looks_cp1252(const char *field, size_t length, char *shown)
{
	const unsigned char	*s = (const unsigned char *)field;
	size_t			 i;
	char			 other[8];
	int			 first = 1;

	for (i = 0; i < length; i++) {
		if ((s[i] < 0x20 && s[i] != '\t') || s[i] == 0x7F)
			return 0;
		if (s[i] < 0x80)
			continue;
		if (clout_i_utf8_char(field + i, length - i, NULL) > 0)
			return 0;
		if (!cp1252_char(s[i], first ? shown : other))
			return 0;
		first = 0;
	}
	return !first;
}

/* Whether the fault at bad is one byte out of place (a stray, a lead byte alone). */
static int
single_byte_fault(const char *field, size_t length, long bad, enum clout_i_utf8_fault fault)
{
	const unsigned char	*s = (const unsigned char *)field;

	return fault == CLOUT_I_UTF8_STRAY ||
	    ((fault == CLOUT_I_UTF8_BAD_BYTE || fault == CLOUT_I_UTF8_TRUNCATED) &&
	    ((size_t)bad + 1 >= length || (s[bad + 1] & 0xC0) != 0x80));
}

static void
reader_on_field(void *field, size_t length, void *data)
{
	struct csv_reader	*r = data;
	enum clout_i_utf8_fault	 fault;
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
	bad = clout_i_utf8_check(field, length, &fault);
	if (bad >= 0) {
		unsigned char	byte = ((unsigned char *)field)[bad];
		char		shown[8];
		long		line = r->row_start ? r->row_start : r->line;

		/* Windows-1252 letters break UTF-8 as lone bytes, not as overlong forms */
		if (single_byte_fault(field, length, bad, fault) && looks_cp1252(field, length, shown))
			r->status = clout_diags_add(r->diags, CLOUT_ERROR, r->file_order, r->name,
			    line, r->nfields + 1, "invalid UTF-8: byte 0x%02X at offset %ld of the "
			    "field; it looks like Windows-1252 ('%s'): convert the file to UTF-8, "
			    "or read it with 'clout import --encoding cp1252'", byte, bad, shown);
		else
			r->status = clout_diags_add(r->diags, CLOUT_ERROR, r->file_order, r->name,
			    line, r->nfields + 1, "invalid UTF-8: byte 0x%02X at offset %ld of the "
			    "field (%s)%s", byte, bad, clout_i_utf8_fault_name(fault),
			    fault == CLOUT_I_UTF8_NUL ? "" : "; save the file as UTF-8");
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
			const char	*p;

			r->fields[i] = r->bytes + r->offsets[i];
			if (!r->raw)
				clout_i_trim(r->fields[i]);
			for (p = r->fields[i]; *p != '\0' && empty; p++)
				if (!isspace((unsigned char)*p))
					empty = 0;
		}
		/* spreadsheets export trailing rows of empty cells: skip them */
		if (!empty) {
			record.fields = r->fields;
			record.nfields = r->nfields;
			record.line = r->row_start ? r->row_start : r->line;
			record.index = r->records++;
			record.delimiter = r->delimiter;
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

/*
 * Convert one line from a single-byte encoding to UTF-8 in *out (grown as
 * needed). Returns the offset of a byte the encoding does not define (NUL;
 * in Latin-1 also the C1 controls 0x80..0x9F, which betray Windows-1252),
 * -1 when the whole line converted, -2 when out of memory.
 */
static long
line_to_utf8(const char *text, size_t length, enum clout_i_encoding encoding,
    char **out, size_t *cap, size_t *outlen)
{
	size_t	 i, n = 0;

	if (*cap < length * 3 + 1) {
		char	*grown = realloc(*out, length * 3 + 1);

		if (grown == NULL)
			return -2;
		*out = grown;
		*cap = length * 3 + 1;
	}
	for (i = 0; i < length; i++) {
		unsigned int	c = (unsigned char)text[i];

		if (c == 0)
			return (long)i;
		if (c >= 0x80 && c < 0xA0) {
			if (encoding == CLOUT_I_LATIN1 || cp1252_high[c - 0x80] == 0)
				return (long)i;
			c = cp1252_high[c - 0x80];
		}
		if (c < 0x80)
			(*out)[n++] = (char)c;
		else if (c < 0x800) {
			(*out)[n++] = (char)(0xC0 | (c >> 6));
			(*out)[n++] = (char)(0x80 | (c & 0x3F));
		} else {
			(*out)[n++] = (char)(0xE0 | (c >> 12));
			(*out)[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
			(*out)[n++] = (char)(0x80 | (c & 0x3F));
		}
	}
	(*out)[n] = '\0';
	*outlen = n;
	return -1;
}

/* Runs of blanks separate the fields; no quoting (edge lists written by programs). */
static void
split_blanks(struct csv_reader *r, char *text, size_t length)
{
	size_t	i = 0, start;

	while (length > 0 && (text[length - 1] == '\n' || text[length - 1] == '\r'))
		length--;
	for (;;) {
		while (i < length && (text[i] == ' ' || text[i] == '\t'))
			i++;
		if (i >= length)
			break;
		start = i;
		while (i < length && text[i] != ' ' && text[i] != '\t')
			i++;
		reader_on_field(text + start, i - start, r);
	}
	reader_on_row('\n', r);
}

static void
buffer_free(void *data)
{
	free(*(char **)data);
}

/* Counts over the first 1 KiB of a file, for not_text. */
struct text_sniff {
	size_t	bytes;		/* looked at so far */
	size_t	controls;	/* NUL and control characters but tab, LF, CR, FF, VT, ESC */
	size_t	invalid;	/* bytes that start no UTF-8 character (UTF-8 files only) */
};

/*
 * What a line near the start of a file says the file is when it is not
 * text: UTF-16 (a byte-order mark on the first line, or NUL bytes between
 * ASCII ones) or binary data (control characters, and with the bytes that
 * are no UTF-8 a fifth of what was seen); NULL for text. A stray NUL or
 * control character in text is left to the field checks, which name the
 * line and column.
 */
static const char *
not_text(const char *line, size_t length, int first, int utf8, struct text_sniff *t)
{
	const unsigned char	*s = (const unsigned char *)line;
	size_t			 i, k, n = length < 1024 ? length : 1024, odd = 0, even = 0;

	if (first && length >= 2 &&
	    ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)))
		return "the file looks like UTF-16 (it starts with a UTF-16 byte-order mark); "
		    "save it as UTF-8";
	for (i = 0; i < n; i += k) {
		k = 1;
		if (s[i] == 0 && i % 2)
			odd++;
		else if (s[i] == 0)
			even++;
		if (s[i] == 0 || (s[i] < 0x20 && strchr("\t\n\r\f\v\033", s[i]) == NULL) ||
		    s[i] == 0x7F)
			t->controls++;
		else if (s[i] >= 0x80 && utf8 && (k = clout_i_utf8_char(line + i, n - i, NULL)) == 0) {
			t->invalid++;
			k = 1;
		}
	}
	t->bytes += n;
	/* ASCII in UTF-16: every other byte is NUL */
	if (first && n >= 8 && (odd >= n / 2 - 1 || even >= n / 2 - 1) && odd + even <= n / 2 + 1)
		return "the file looks like UTF-16 (every other byte is NUL); save it as UTF-8";
	if (t->controls >= 2 && (t->controls + t->invalid) * 5 >= t->bytes)
		return "the file looks binary (NUL bytes and control characters), not CSV text";
	return NULL;
}

/* Whether a header line holds ';' but no ',' outside quotes. */
static int
semicolon_header(const char *text, size_t length)
{
	size_t	i, commas = 0, semicolons = 0;
	int	quoted = 0;

	for (i = 0; i < length; i++) {
		if (text[i] == '"')
			quoted = !quoted;
		else if (!quoted && text[i] == ',')
			commas++;
		else if (!quoted && text[i] == ';')
			semicolons++;
	}
	return semicolons > 0 && commas == 0;
}

const char *
clout_i_delimiter_hint(const char *field)
{
	const char	*other = strpbrk(field, ";\t|");

	if (other == NULL)
		return NULL;
	return *other == '\t' ? "tab" : *other == ';' ? ";" : "|";
}

igraph_error_t
clout_i_csv_read(FILE *in, const char *name, int file_order, struct clout_diags *diags,
    clout_i_record_fn *fn, void *user)
{
	return clout_i_csv_read_with(in, name, file_order, diags, NULL, fn, user);
}

igraph_error_t
clout_i_csv_read_with(FILE *in, const char *name, int file_order, struct clout_diags *diags,
    const struct clout_i_csv_options *how, clout_i_record_fn *fn, void *user)
{
	const unsigned char	 options = CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL;
	struct clout_i_csv_options defaults = { ',', 0, CLOUT_I_UTF8, 0 }, local;
	struct csv_reader	 r;
	struct csv_parser	 parser;
	char			*line = NULL, *converted = NULL;
	size_t			 cap = 0, convcap = 0;
	ssize_t			 n;
	struct text_sniff	 sniffed = { 0, 0, 0 };
	struct clout_diags	 before = *diags;	/* to take back a binary file's messages */
	int			 skip_fini = 0;

	/* a copy: the delimiter found in the header row replaces the one given */
	local = how != NULL ? *how : defaults;
	how = &local;
	memset(&r, 0, sizeof r);
	r.name = name;
	r.file_order = file_order;
	r.diags = diags;
	r.fn = fn;
	r.user = user;
	r.raw = how->raw;
	r.delimiter = how->delimiter;
	if (csv_init(&parser, options) != 0)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	IGRAPH_FINALLY(parser_free, &parser);
	if (how->delimiter != 0)
		csv_set_delim(&parser, how->delimiter);
	IGRAPH_FINALLY(reader_free, &r);
	IGRAPH_FINALLY(buffer_free, &converted);
	IGRAPH_FINALLY(free, line);	/* re-pointed below as getline grows it */

	while ((errno = 0, n = getline(&line, &cap, in)) > 0) {
		char	*text = line;
		size_t	 length = (size_t)n, used;

		IGRAPH_FINALLY_CLEAN(1);
		IGRAPH_FINALLY(free, line);
		r.line++;
		/*
		 * UTF-16 and binary files would give a message per field: say what
		 * they are instead, from the lines in the first 1 KiB (the messages
		 * of those lines are taken back), and read no further.
		 */
		if (sniffed.bytes < 1024) {
			const char	*what = not_text(text, length, r.line == 1,
			    how->encoding == CLOUT_I_UTF8, &sniffed);

			if (what != NULL) {
				clout_i_diags_rewind(diags, &before);
				IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name, 0, 0,
				    "%s", what));
				skip_fini = 1;
				break;
			}
		}
		/*
		 * libcsv does not know the byte-order mark; in strict mode it breaks
		 * quoting. A UTF-8 one is dropped before any conversion too, where it
		 * would become three Latin-1 letters in the first column's name.
		 */
		if (r.line == 1 && length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
			text += 3;
			length -= 3;
		}
		if (how->encoding != CLOUT_I_UTF8) {
			size_t	outlen = 0;
			long	bad = line_to_utf8(text, length, how->encoding, &converted,
			    &convcap, &outlen);

			if (bad == -2)
				IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
			if (bad >= 0) {
				unsigned char	byte = (unsigned char)text[bad];

				IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name,
				    r.line, 0, "byte 0x%02X at offset %ld of the line is not %s%s",
				    byte, bad, how->encoding == CLOUT_I_LATIN1 ?
				    "a Latin-1 character" : "a Windows-1252 character",
				    byte == 0 ? "" : how->encoding == CLOUT_I_LATIN1 ?
				    " (try --encoding cp1252)" : " (try --encoding latin1)"));
				continue;
			}
			text = converted;
			length = outlen;
		}
		/* the header row is the first record: it tells ',' from ';' */
		if (how->sniff && how->delimiter == ',' && r.records == 0 && r.row_start == 0 &&
		    r.nfields == 0 && semicolon_header(text, length)) {
			local.delimiter = ';';
			r.delimiter = ';';
			csv_set_delim(&parser, ';');
		}
		if (how->delimiter == 0) {
			split_blanks(&r, text, length);
			if (r.status != IGRAPH_SUCCESS)
				IGRAPH_ERROR(r.status == IGRAPH_ENOMEM ? "out of memory" : "cannot read CSV",
				    r.status);
			continue;
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
			IGRAPH_ERROR(r.status == IGRAPH_ENOMEM ? "out of memory" : "cannot read CSV",
			    r.status);
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
			/* a new parser has the default ',' again: a TSV stays a TSV */
			if (how->delimiter != 0)
				csv_set_delim(&parser, how->delimiter);
			r.nfields = 0;
			r.nbytes = 0;
			r.row_start = 0;
			continue;
		}
		if (parser.pstate != 0 && r.row_start == 0)
			r.row_start = r.line;	/* the record goes on past this line */
	}
	/* getline stops at -1 without end of file or error flag when it cannot grow its buffer */
	if (n < 0 && !feof(in) && !ferror(in) && errno == ENOMEM)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	if (ferror(in)) {
		IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name, 0, 0,
		    "read error: %s", strerror(errno)));
	} else if (!skip_fini && csv_fini(&parser, reader_on_field, reader_on_row, &r) != 0) {
		IGRAPH_CHECK(clout_diags_add(diags, CLOUT_ERROR, file_order, name,
		    r.row_start ? r.row_start : r.line, r.nfields + 1,
		    "unterminated quoted field: the quote opened here is never closed"));
	}
	if (r.status != IGRAPH_SUCCESS)
		IGRAPH_ERROR(r.status == IGRAPH_ENOMEM ? "out of memory" : "cannot read CSV",
		    r.status);
	free(line);
	free(converted);
	reader_free(&r);
	csv_free(&parser);
	IGRAPH_FINALLY_CLEAN(4);
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
