/* test_csv.c: the CSV reader: quoting, line numbers, BOM, CRLF, and every syntax error reported. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "clout_internal.h"

/* Records flattened as "LINE:field|field|..." lines, for one comparison per test. */
struct collected {
	char	text[4096];
};

static igraph_error_t
collect(const struct clout_i_record *rec, void *user)
{
	struct collected	*c = user;
	size_t			 n = strlen(c->text);
	int			 i;

	n += (size_t)snprintf(c->text + n, sizeof c->text - n, "%ld:", rec->line);
	for (i = 0; i < rec->nfields; i++)
		n += (size_t)snprintf(c->text + n, sizeof c->text - n, "%s%s", i ? "|" : "",
		    rec->fields[i]);
	snprintf(c->text + n, sizeof c->text - n, "\n");
	return IGRAPH_SUCCESS;
}

/* Read length bytes of input as how says; return the records and, in messages, the diagnostics. */
static void
read_bytes(const char *input, size_t length, const struct clout_i_csv_options *how,
    struct collected *records, char *messages, size_t size)
{
	struct clout_diags	diags;
	FILE			*in = fmemopen((void *)input, length, "r");
	igraph_integer_t	i;
	size_t			n = 0;

	assert_non_null(in);
	memset(records, 0, sizeof *records);
	clout_diags_init(&diags);
	assert_int_equal(clout_i_csv_read_with(in, "t.csv", 0, &diags, how, collect, records),
	    IGRAPH_SUCCESS);
	fclose(in);
	messages[0] = '\0';
	for (i = 0; i < diags.count; i++)
		n += (size_t)snprintf(messages + n, size - n, "%ld:%d: %s\n", diags.items[i].line,
		    diags.items[i].column, diags.items[i].message);
	clout_diags_destroy(&diags);
	VERIFY_FINALLY_STACK();
}

static void
read_text(const char *input, struct collected *records, char *messages, size_t size)
{
	read_bytes(input, strlen(input), NULL, records, messages, size);
}

static void
plain_and_quoted(void **state)
{
	struct collected	r;
	char			m[1024];

	(void)state;
	read_text("a,b,c\n1, spaced ,\"q,uo\"\"te\"\n", &r, m, sizeof m);
	assert_string_equal(r.text, "1:a|b|c\n2:1|spaced|q,uo\"te\n");
	assert_string_equal(m, "");
}

static void
bom_crlf_and_last_line(void **state)
{
	struct collected	r;
	char			m[1024];

	(void)state;
	/* a BOM before a quoted field is a strict-mode error unless stripped */
	read_text("\xEF\xBB\xBF\"id\",x\r\nzel,\"Зеленський\"\r\nlast,row", &r, m, sizeof m);
	assert_string_equal(r.text, "1:id|x\n2:zel|Зеленський\n3:last|row\n");
	assert_string_equal(m, "");
}

static void
multiline_records_keep_their_first_line(void **state)
{
	struct collected	r;
	char			m[1024];

	(void)state;
	read_text("h1,h2\n\"one\ntwo\nthree\",x\nnext,y\n\n,,\nafter,blank\n", &r, m, sizeof m);
	/* blank lines and rows of empty cells are skipped; line numbers stay physical */
	assert_string_equal(r.text, "1:h1|h2\n2:one\ntwo\nthree|x\n5:next|y\n8:after|blank\n");
	assert_string_equal(m, "");
}

static void
every_syntax_error_is_reported(void **state)
{
	struct collected	r;
	char			m[1024];

	(void)state;
	read_text("a,b\nok,1\nbad\"quote,2\n\"x\"junk,3\nfine,4\nopen,\"never\nclosed\n",
	    &r, m, sizeof m);
	assert_string_equal(r.text, "1:a|b\n2:ok|1\n5:fine|4\n");
	assert_string_equal(m,
	    "3:1: malformed quoting: a quote inside an unquoted field, or text after a closing quote\n"
	    "4:1: malformed quoting: a quote inside an unquoted field, or text after a closing quote\n"
	    "6:2: unterminated quoted field: the quote opened here is never closed\n");
}

/*
 * After a syntax error the parser starts afresh, and keeps its delimiter: a
 * tab-separated line after the broken one is two fields, not a line that
 * libcsv (back at ',') reads as one field with a quote inside it.
 */
static void
tsv_keeps_its_delimiter_after_an_error(void **state)
{
	static const struct clout_i_csv_options tsv = { '\t', 0, CLOUT_I_UTF8, 0 };
	const char		*input = "a\tb\nbad\"quote\t1\nsaid \"x\"\t2\n\"q\"\t3\n";
	struct clout_diags	 diags;
	struct collected	 r;
	FILE			*in = fmemopen((void *)input, strlen(input), "r");

	(void)state;
	assert_non_null(in);
	memset(&r, 0, sizeof r);
	clout_diags_init(&diags);
	assert_int_equal(clout_i_csv_read_with(in, "t.tsv", 0, &diags, &tsv, collect, &r),
	    IGRAPH_SUCCESS);
	fclose(in);
	/* line 3 is malformed too (a quote inside an unquoted field); line 4 is fine */
	assert_string_equal(r.text, "1:a|b\n4:q|3\n");
	assert_int_equal(diags.count, 2);
	assert_int_equal(diags.items[0].line, 2);
	assert_int_equal(diags.items[1].line, 3);
	clout_diags_destroy(&diags);
	VERIFY_FINALLY_STACK();
}

static void
invalid_utf8_names_line_and_field(void **state)
{
	struct collected	r;
	char			m[1024];

	(void)state;
	read_text("id,label\nmunich,M\xfcnchen\n", &r, m, sizeof m);
	assert_string_equal(m, "2:2: invalid UTF-8: byte 0xFC at offset 1 of the field; it looks "
	    "like Windows-1252 ('\xc3\xbc'): convert the file to UTF-8, or read it with "
	    "'clout import --encoding cp1252'\n");
}

/* Each class of bytes that is not UTF-8 is named; only lone bytes suggest Windows-1252. */
static void
invalid_utf8_classes(void **state)
{
	static const struct {
		const char	*field;
		const char	*message;
	} cases[] = {
		{ "\xc0\x80", "byte 0xC0 at offset 0 of the field (an overlong encoding)" },
		{ "x\xe0\x80\xaf", "byte 0xE0 at offset 1 of the field (an overlong encoding)" },
		{ "\xf0\x82\x82\xac", "byte 0xF0 at offset 0 of the field (an overlong encoding)" },
		{ "\xed\xa0\x80", "byte 0xED at offset 0 of the field (an encoded UTF-16 surrogate, "
		    "U+D800..U+DFFF)" },
		{ "\xf4\x90\x80\x80", "byte 0xF4 at offset 0 of the field (a code point above "
		    "U+10FFFF)" },
		{ "\xf7\xbf\xbf\xbf", "byte 0xF7 at offset 0 of the field (a code point above "
		    "U+10FFFF)" },
		{ "ab\xe2\x82", "byte 0xE2 at offset 2 of the field (a truncated sequence)" },
		{ "\xc3\xa9\xa9", "byte 0xA9 at offset 2 of the field (a continuation byte with no "
		    "lead byte)" },
		{ "\xf8\x88\x80\x80\x80", "byte 0xF8 at offset 0 of the field (a byte UTF-8 never "
		    "uses)" },
		/* 0x81 is undefined in Windows-1252: no hint to read it so */
		{ "\x81", "byte 0x81 at offset 0 of the field (a continuation byte with no lead "
		    "byte)" },
	};
	struct collected	r;
	char			m[1024], input[64], want[512];
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(input, sizeof input, "id\n%s\n", cases[i].field);
		read_text(input, &r, m, sizeof m);
		snprintf(want, sizeof want, "2:1: invalid UTF-8: %s; save the file as UTF-8\n",
		    cases[i].message);
		assert_string_equal(m, want);
	}
	/* a NUL byte is no encoding's problem */
	read_bytes("id\nab\0c\n", 8, NULL, &r, m, sizeof m);
	assert_string_equal(m, "2:1: invalid UTF-8: byte 0x00 at offset 2 of the field (a NUL byte)\n");
	/* Windows-1252's quotes and euro sign */
	read_text("id\n\x93quoted\x94 \x80 5\n", &r, m, sizeof m);
	assert_string_equal(m, "2:1: invalid UTF-8: byte 0x93 at offset 0 of the field; it looks "
	    "like Windows-1252 ('\xe2\x80\x9c'): convert the file to UTF-8, or read it with "
	    "'clout import --encoding cp1252'\n");
}

/* UTF-16 (with a byte-order mark or without) and binary data: one message, nothing read. */
static void
utf16_and_binary_files(void **state)
{
	static const char	le[] = "\xff\xfei\0d\0,\0x\0\n\0a\0,\0b\0\n\0";
	static const char	be[] = "\xfe\xff\0i\0d\0\n";
	static const char	bare[] = "i\0d\0,\0l\0a\0b\0e\0l\0\r\0\n\0";
	static const char	binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\n";
	struct collected	r;
	char			m[1024];

	(void)state;
	read_bytes(le, sizeof le - 1, NULL, &r, m, sizeof m);
	assert_string_equal(r.text, "");
	assert_string_equal(m, "0:0: the file looks like UTF-16 (it starts with a UTF-16 "
	    "byte-order mark); save it as UTF-8\n");
	read_bytes(be, sizeof be - 1, NULL, &r, m, sizeof m);
	assert_string_equal(m, "0:0: the file looks like UTF-16 (it starts with a UTF-16 "
	    "byte-order mark); save it as UTF-8\n");
	read_bytes(bare, sizeof bare - 1, NULL, &r, m, sizeof m);
	assert_string_equal(m, "0:0: the file looks like UTF-16 (every other byte is NUL); "
	    "save it as UTF-8\n");
	/* the CR in a PNG's first line is no old-Mac line end */
	read_bytes(binary, sizeof binary - 1, NULL, &r, m, sizeof m);
	assert_string_equal(m, "0:0: the file looks binary (NUL bytes and control characters), "
	    "not CSV text\n");
	/* the same goes for a single-byte encoding */
	{
		struct clout_i_csv_options	latin1 = { ',', 0, CLOUT_I_LATIN1, 0 };

		read_bytes(le, sizeof le - 1, &latin1, &r, m, sizeof m);
		assert_string_equal(m, "0:0: the file looks like UTF-16 (it starts with a UTF-16 "
		    "byte-order mark); save it as UTF-8\n");
	}
	/* text with one stray control character is still text */
	read_text("a,b\n\x01x,y\n", &r, m, sizeof m);
	assert_string_equal(r.text, "1:a|b\n2:\x01x|y\n");
	assert_string_equal(m, "");
	/* CR-only line ends are still named as such */
	read_text("a,b\rc,d\r", &r, m, sizeof m);
	assert_string_equal(m, "0:0: lines end with a bare CR (old Mac format): save the file "
	    "with LF or CRLF line ends\n");
}

/* With sniffing, a header row with ';' and no ',' makes ';' the delimiter of the file. */
static void
semicolon_header_is_found(void **state)
{
	struct clout_i_csv_options	sniff = { ',', 0, CLOUT_I_UTF8, 1 };
	struct collected		r;
	char				m[1024];

	(void)state;
	read_text("id;label\na;x,2\n", &r, m, sizeof m);
	assert_string_equal(r.text, "1:id;label\n2:a;x|2\n");	/* not asked: ',' */
	read_bytes("\xEF\xBB\xBF\n\"id\";label\na;\"x;y\";2,5\n", 26, &sniff, &r, m, sizeof m);
	assert_string_equal(r.text, "2:id|label\n3:a|x;y|2,5\n");
	assert_string_equal(m, "");
	/* a comma outside quotes keeps ',': the header is then id;label and x */
	read_bytes("id;label,x\na;b,c\n", 18, &sniff, &r, m, sizeof m);
	assert_string_equal(r.text, "1:id;label|x\n2:a;b|c\n");
	/* a comma inside quotes does not */
	read_bytes("\"a,b\";c\n1;2\n", 12, &sniff, &r, m, sizeof m);
	assert_string_equal(r.text, "1:a,b|c\n2:1|2\n");
}

static void
delimiter_hints(void **state)
{
	(void)state;
	assert_string_equal(clout_i_delimiter_hint("id\tlabel"), "tab");
	assert_string_equal(clout_i_delimiter_hint("id;label"), ";");
	assert_string_equal(clout_i_delimiter_hint("id|label;x"), "|");
	assert_null(clout_i_delimiter_hint("id label"));
}

static void
writer_quotes_only_when_needed(void **state)
{
	char	*buf = NULL;
	size_t	 size = 0;
	FILE	*out = open_memstream(&buf, &size);

	(void)state;
	assert_non_null(out);
	clout_i_csv_write_field(out, "plain", ',');
	fputc('/', out);
	clout_i_csv_write_field(out, "a,b", ',');
	fputc('/', out);
	clout_i_csv_write_field(out, "say \"hi\"", ',');
	fputc('/', out);
	clout_i_csv_write_field(out, "two\nlines", ',');
	fputc('/', out);
	clout_i_csv_write_field(out, "", ',');
	fputc('/', out);
	clout_i_csv_write_field(out, " padded", ',');
	fclose(out);
	assert_string_equal(buf, "plain/\"a,b\"/\"say \"\"hi\"\"\"/\"two\nlines\"//\" padded\"");
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(plain_and_quoted),
		cmocka_unit_test(bom_crlf_and_last_line),
		cmocka_unit_test(multiline_records_keep_their_first_line),
		cmocka_unit_test(every_syntax_error_is_reported),
		cmocka_unit_test(tsv_keeps_its_delimiter_after_an_error),
		cmocka_unit_test(invalid_utf8_names_line_and_field),
		cmocka_unit_test(invalid_utf8_classes),
		cmocka_unit_test(utf16_and_binary_files),
		cmocka_unit_test(semicolon_header_is_found),
		cmocka_unit_test(delimiter_hints),
		cmocka_unit_test(writer_quotes_only_when_needed),
	};

	return cmocka_run_group_tests_name("csv", tests, test_setup, NULL);
}
