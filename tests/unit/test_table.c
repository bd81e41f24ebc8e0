/* test_table.c: the five output formats on one small table with awkward text and a null. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

static char *
render(enum clout_format format)
{
	igraph_strvector_t	 names;
	igraph_vector_t		 values;
	igraph_vector_int_t	 rank, rows;
	struct clout_column	 columns[3];
	struct clout_table	 table;
	char			*buf = NULL;
	size_t			 size = 0;
	FILE			*out;

	igraph_strvector_init(&names, 0);
	igraph_strvector_push_back(&names, "Путин");
	igraph_strvector_push_back(&names, "a,\"b\"|c");
	igraph_strvector_push_back(&names, "tab\there");
	igraph_vector_init(&values, 3);
	VECTOR(values)[0] = 0.1;
	VECTOR(values)[1] = NAN;
	VECTOR(values)[2] = -0.0;
	igraph_vector_int_init(&rank, 3);
	VECTOR(rank)[0] = 1;
	VECTOR(rank)[1] = 2;
	VECTOR(rank)[2] = 3;
	igraph_vector_int_init(&rows, 3);
	VECTOR(rows)[0] = 0;
	VECTOR(rows)[1] = 1;
	VECTOR(rows)[2] = 2;
	columns[0] = (struct clout_column){ .name = "rank", .kind = CLOUT_COLUMN_INT, .integers = &rank };
	columns[1] = (struct clout_column){ .name = "label", .kind = CLOUT_COLUMN_TEXT, .text = &names };
	columns[2] = (struct clout_column){ .name = "power", .kind = CLOUT_COLUMN_REAL, .reals = &values };
	table.columns = columns;
	table.ncolumns = 3;
	table.rows = &rows;
	out = open_memstream(&buf, &size);
	assert_int_equal(clout_table_write(out, &table, format), IGRAPH_SUCCESS);
	fclose(out);
	igraph_vector_int_destroy(&rows);
	igraph_vector_int_destroy(&rank);
	igraph_vector_destroy(&values);
	igraph_strvector_destroy(&names);
	return buf;
}

static void
formats(void **state)
{
	char	*s;

	(void)state;
	s = render(CLOUT_FORMAT_TABLE);
	/* aligned by display width: Путин is 5 columns, not 10 bytes */
	assert_string_equal(s,
	    "rank  label        power\n"
	    "----  --------  --------\n"
	    "   1  Путин     0.100000\n"
	    "   2  a,\"b\"|c           \n"
	    "   3  tab here  0.000000\n");
	free(s);
	s = render(CLOUT_FORMAT_CSV);
	assert_string_equal(s, "rank,label,power\n1,Путин,0.1\n2,\"a,\"\"b\"\"|c\",\n3,tab\there,0\n");
	free(s);
	s = render(CLOUT_FORMAT_TSV);
	assert_string_equal(s, "rank\tlabel\tpower\n1\tПутин\t0.1\n2\ta,\"b\"|c\t\n3\ttab\\there\t0\n");
	free(s);
	s = render(CLOUT_FORMAT_JSON);
	assert_string_equal(s, "[\n"
	    "  {\"rank\": 1, \"label\": \"Путин\", \"power\": 0.1},\n"
	    "  {\"rank\": 2, \"label\": \"a,\\\"b\\\"|c\", \"power\": null},\n"
	    "  {\"rank\": 3, \"label\": \"tab\\there\", \"power\": 0}\n"
	    "]\n");
	free(s);
	s = render(CLOUT_FORMAT_MD);
	assert_string_equal(s,
	    "| rank | label | power |\n"
	    "| ---: | :--- | ---: |\n"
	    "| 1 | Путин | 0.100000 |\n"
	    "| 2 | a,\"b\"\\|c |  |\n"
	    "| 3 | tab here | 0.000000 |\n");
	free(s);
}

/*
 * Formula injection: free text starting with = + - @ tab CR gets a quote in
 * CSV and TSV only; numbers ("-0.5"), code columns ("-" of a sign) and JSON
 * stay exact.
 */
static char *
render_hostile(enum clout_format format)
{
	static const char *const ids[] = {
		"=HYPERLINK(\"http://x\",\"y\")", "+1", "-cmd", "@SUM(A1)", "\tx", "\ry", "a=b", "'q"
	};
	igraph_strvector_t	 id, sign;
	igraph_vector_t		 score;
	igraph_vector_int_t	 rows;
	struct clout_column	 columns[3];
	struct clout_table	 table;
	char			*buf = NULL;
	size_t			 size = 0, i, n = sizeof ids / sizeof ids[0];
	FILE			*out;

	igraph_strvector_init(&id, 0);
	igraph_strvector_init(&sign, 0);
	igraph_vector_init(&score, (igraph_integer_t)n);
	igraph_vector_int_init(&rows, 0);
	for (i = 0; i < n; i++) {
		igraph_strvector_push_back(&id, ids[i]);
		igraph_strvector_push_back(&sign, i % 2 ? "+" : "-");
		VECTOR(score)[i] = -0.5 * (double)i;
		igraph_vector_int_push_back(&rows, (igraph_integer_t)i);
	}
	columns[0] = (struct clout_column){ .name = "id", .kind = CLOUT_COLUMN_TEXT, .text = &id };
	columns[1] = (struct clout_column){ .name = "sign", .kind = CLOUT_COLUMN_TEXT, .code = 1,
	    .text = &sign };
	columns[2] = (struct clout_column){ .name = "-score", .kind = CLOUT_COLUMN_REAL,
	    .reals = &score };
	table.columns = columns;
	table.ncolumns = 3;
	table.rows = &rows;
	out = open_memstream(&buf, &size);
	assert_int_equal(clout_table_write(out, &table, format), IGRAPH_SUCCESS);
	fclose(out);
	igraph_vector_int_destroy(&rows);
	igraph_vector_destroy(&score);
	igraph_strvector_destroy(&sign);
	igraph_strvector_destroy(&id);
	return buf;
}

static void
formula_injection(void **state)
{
	char	*s;

	(void)state;
	s = render_hostile(CLOUT_FORMAT_CSV);
	assert_string_equal(s,
	    "id,sign,'-score\n"
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",-,0\n"
	    "'+1,+,-0.5\n"
	    "'-cmd,-,-1\n"
	    "'@SUM(A1),+,-1.5\n"
	    "'\tx,-,-2\n"
	    "\"'\ry\",+,-2.5\n"
	    "a=b,-,-3\n"
	    "'q,+,-3.5\n");
	free(s);
	s = render_hostile(CLOUT_FORMAT_TSV);
	assert_string_equal(s,
	    "id\tsign\t'-score\n"
	    "'=HYPERLINK(\"http://x\",\"y\")\t-\t0\n"
	    "'+1\t+\t-0.5\n"
	    "'-cmd\t-\t-1\n"
	    "'@SUM(A1)\t+\t-1.5\n"
	    "'\\tx\t-\t-2\n"
	    "'\\ry\t+\t-2.5\n"
	    "a=b\t-\t-3\n"
	    "'q\t+\t-3.5\n");
	free(s);
	/* JSON is not a spreadsheet: exact */
	s = render_hostile(CLOUT_FORMAT_JSON);
	assert_non_null(strstr(s, "{\"id\": \"-cmd\", \"sign\": \"-\", \"-score\": -1}"));
	assert_non_null(strstr(s, "\"id\": \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\""));
	free(s);
	assert_true(clout_formula_like("=1"));
	assert_true(clout_formula_like("\r"));
	assert_false(clout_formula_like(""));
	assert_false(clout_formula_like(" =1"));
	assert_false(clout_formula_like("x-1"));
}

static void
format_names(void **state)
{
	(void)state;
	assert_int_equal(clout_format_find("json"), CLOUT_FORMAT_JSON);
	assert_int_equal(clout_format_find("md"), CLOUT_FORMAT_MD);
	assert_int_equal(clout_format_find("xml"), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(formats),
		cmocka_unit_test(format_names),
		cmocka_unit_test(formula_injection),
	};

	return cmocka_run_group_tests_name("table", tests, test_setup, NULL);
}
