/* test_text.c: strict decimals, edit distance, UTF-8 checks and widths, hash maps. */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"
#include "clout_internal.h"

static void
decimals_accepted(void **state)
{
	double	x;

	(void)state;
	assert_int_equal(clout_parse_decimal("3", &x), 0);
	assert_true(x == 3.0);
	assert_int_equal(clout_parse_decimal("+0.25", &x), 0);
	assert_true(x == 0.25);
	assert_int_equal(clout_parse_decimal("-2.5e-1", &x), 0);
	assert_true(x == -0.25);
	assert_int_equal(clout_parse_decimal("1E3", &x), 0);
	assert_true(x == 1000.0);
}

static void
decimals_rejected(void **state)
{
	static const char *const bad[] = {
		"", "abc", "1,5", "0x10", "inf", "-inf", "nan", "NaN", "1.", ".5", "1e", "1e+",
		"--1", "1 2", "1.5.2", "١", "1_000", "+", "infinity", NULL
	};
	double			 x;
	int			 i;

	(void)state;
	for (i = 0; bad[i] != NULL; i++)
		assert_int_equal(clout_parse_decimal(bad[i], &x), 1);
	/* the shape is fine but the value is not */
	assert_int_equal(clout_parse_decimal("1e999", &x), 2);
	assert_int_equal(clout_parse_decimal("-1e999", &x), 2);
}

static void
edit_distance(void **state)
{
	(void)state;
	assert_int_equal(clout_i_edit_distance("zelensky", "zelenskyy", 3), 1);
	assert_int_equal(clout_i_edit_distance("kitten", "sitting", 5), 3);
	assert_int_equal(clout_i_edit_distance("", "abc", 5), 3);
	assert_int_equal(clout_i_edit_distance("same", "same", 0), 0);
	/* beyond the limit it stops early and says limit + 1 */
	assert_int_equal(clout_i_edit_distance("kitten", "sitting", 2), 3);
	assert_int_equal(clout_i_edit_distance("a", "abcdefgh", 2), 3);
}

/* The full table, as a reference for the banded one. */
static size_t
full_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, d[16][16];

	for (i = 0; i <= la; i++)
		for (j = 0; j <= lb; j++) {
			size_t	v;

			if (i == 0 || j == 0) {
				d[i][j] = i + j;
				continue;
			}
			v = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			d[i][j] = v;
		}
	return d[la][lb];
}

static void
edit_distance_band(void **state)
{
	char		a[16], b[16], *la, *lb;
	unsigned	seed = 7;
	size_t		limit, want;
	int		n, i, k;

	(void)state;
	/* every limit agrees with the full table on random short strings over 3 letters */
	for (n = 0; n < 3000; n++) {
		for (k = 0; k < 2; k++) {
			char	*s = k ? b : a;
			int	 len;

			seed = seed * 1103515245u + 12345u;
			len = (int)(seed >> 16) % 15;
			for (i = 0; i < len; i++) {
				seed = seed * 1103515245u + 12345u;
				s[i] = (char)('a' + (seed >> 16) % 3);
			}
			s[len] = '\0';
		}
		want = full_distance(a, b);
		for (limit = 0; limit < 16; limit++)
			assert_int_equal(clout_i_edit_distance(a, b, limit),
			    want <= limit ? want : limit + 1);
	}
	/* two 200 kB ids that differ at the end: the band makes it O(n), not 4 * 10^10 steps */
	la = malloc(200001);
	lb = malloc(200001);
	assert_non_null(la);
	assert_non_null(lb);
	memset(la, 'x', 200000);
	memset(lb, 'x', 200000);
	la[200000] = lb[200000] = '\0';
	lb[199999] = 'y';
	assert_int_equal(clout_i_edit_distance(la, lb, 3), 1);
	lb[5] = 'y';
	lb[100] = 'z';
	lb[1000] = 'w';
	assert_int_equal(clout_i_edit_distance(la, lb, 3), 4);
	free(la);
	free(lb);
}

static void
utf8_validation(void **state)
{
	(void)state;
	assert_int_equal(clout_i_utf8_invalid("plain", 5), -1);
	assert_int_equal(clout_i_utf8_invalid("Зеленський", strlen("Зеленський")), -1);
	assert_int_equal(clout_i_utf8_invalid("M\xfcnchen", 7), 1);		/* Latin-1 ü */
	assert_int_equal(clout_i_utf8_invalid("ab\xc3", 3), 2);		/* cut short */
	assert_int_equal(clout_i_utf8_invalid("\xc0\xaf", 2), 0);		/* overlong */
	assert_int_equal(clout_i_utf8_invalid("\xed\xa0\x80", 3), 0);	/* surrogate */
	assert_int_equal(clout_i_utf8_invalid("\xf4\x90\x80\x80", 4), 0);	/* > U+10FFFF */
	assert_int_equal(clout_i_utf8_invalid("a\0b", 3), 1);		/* NUL */
	assert_int_equal(clout_i_utf8_invalid("\xf0\x9f\x98\x80", 4), -1);	/* emoji */
}

static void
utf8_width(void **state)
{
	(void)state;
	assert_int_equal(clout_i_utf8_width("Putin"), 5);
	assert_int_equal(clout_i_utf8_width("Путин"), 5);
	assert_int_equal(clout_i_utf8_width("Зеленський"), 10);
	assert_int_equal(clout_i_utf8_width("東京"), 4);
	assert_int_equal(clout_i_utf8_width("e\xcc\x81"), 1);	/* e + combining acute */
	assert_int_equal(clout_i_utf8_width(""), 0);
}

static void
string_map(void **state)
{
	struct clout_strmap	*map = clout_i_strmap_new();
	igraph_integer_t	 existing, i;
	char			 key[32];

	(void)state;
	assert_non_null(map);
	/* enough keys to grow the table several times */
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof key, "actor-%ld", (long)i);
		assert_int_equal(clout_i_strmap_insert(map, key, i, &existing), IGRAPH_SUCCESS);
		assert_int_equal(existing, -1);
	}
	assert_int_equal(clout_i_strmap_insert(map, "actor-17", 99, &existing), IGRAPH_SUCCESS);
	assert_int_equal(existing, 17);
	assert_int_equal(clout_i_strmap_size(map), 5000);
	for (i = 0; i < 5000; i += 7) {
		snprintf(key, sizeof key, "actor-%ld", (long)i);
		assert_int_equal(clout_i_strmap_find(map, key), i);
	}
	assert_int_equal(clout_i_strmap_find(map, "Actor-1"), -1);	/* ids are exact */
	assert_int_equal(clout_i_strmap_find(map, ""), -1);
	clout_i_strmap_free(map);
}

static void
pair_map(void **state)
{
	struct clout_i_pairmap	*map = clout_i_pairmap_new();
	igraph_integer_t	 existing, i;

	(void)state;
	assert_non_null(map);
	for (i = 0; i < 3000; i++) {
		assert_int_equal(clout_i_pairmap_insert(map, ((uint64_t)i << 32) | (uint64_t)(i + 1),
		    i, &existing), IGRAPH_SUCCESS);
		assert_int_equal(existing, -1);
	}
	assert_int_equal(clout_i_pairmap_insert(map, (5ULL << 32) | 6ULL, 42, &existing),
	    IGRAPH_SUCCESS);
	assert_int_equal(existing, 5);
	/* the reverse pair is a different key */
	assert_int_equal(clout_i_pairmap_insert(map, (6ULL << 32) | 5ULL, 43, &existing),
	    IGRAPH_SUCCESS);
	assert_int_equal(existing, -1);
	clout_i_pairmap_free(map);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(decimals_accepted),
		cmocka_unit_test(decimals_rejected),
		cmocka_unit_test(edit_distance),
		cmocka_unit_test(edit_distance_band),
		cmocka_unit_test(utf8_validation),
		cmocka_unit_test(utf8_width),
		cmocka_unit_test(string_map),
		cmocka_unit_test(pair_map),
	};

	return cmocka_run_group_tests_name("text", tests, test_setup, NULL);
}
