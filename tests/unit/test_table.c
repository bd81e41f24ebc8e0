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
	};

	return cmocka_run_group_tests_name("table", tests, test_setup, NULL);
}
