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

/* Read input; return the records and, in messages, the diagnostics. */
static void
read_text(const char *input, struct collected *records, char *messages, size_t size)
{
	struct clout_diags	diags;
	FILE			*in = fmemopen((void *)input, strlen(input), "r");
	igraph_integer_t	i;
	size_t			n = 0;

	assert_non_null(in);
	memset(records, 0, sizeof *records);
	clout_diags_init(&diags);
	assert_int_equal(clout_i_csv_read(in, "t.csv", 0, &diags, collect, records), IGRAPH_SUCCESS);
	fclose(in);
	messages[0] = '\0';
	for (i = 0; i < diags.count; i++)
		n += (size_t)snprintf(messages + n, size - n, "%ld:%d: %s\n", diags.items[i].line,
		    diags.items[i].column, diags.items[i].message);
	clout_diags_destroy(&diags);
	VERIFY_FINALLY_STACK();
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
	static const struct clout_i_csv_options tsv = { '\t', 0, CLOUT_I_UTF8 };
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
	assert_string_equal(m, "2:2: invalid UTF-8: byte 0xFC at offset 1 of the field "
	    "(save the file as UTF-8; it may be Latin-1 or Windows-1252)\n");
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
		cmocka_unit_test(writer_quotes_only_when_needed),
	};

	return cmocka_run_group_tests_name("csv", tests, test_setup, NULL);
}
