/* test.h: cmocka with igraph set up as the CLI sets it up, and helpers for loading fixtures. */
#ifndef CLOUT_TEST_H
#define CLOUT_TEST_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <clout/clout.h>

/* Fixtures live in tests/fixtures; tests run from the top of the tree. */
#define FIXTURE(name) "tests/fixtures/" name

static int
test_setup(void **state)
{
	(void)state;
	igraph_set_attribute_table(&igraph_cattribute_table);
	igraph_set_error_handler(clout_error_handler);
	igraph_rng_seed(igraph_rng_default(), 42);
	return 0;
}

/* Load a case that must load without error into net (initialised here). */
static inline void
load_case(const char *path, struct clout_network *net)
{
	struct clout_diags	diags;

	assert_int_equal(clout_network_init(net), IGRAPH_SUCCESS);
	clout_diags_init(&diags);
	assert_int_equal(clout_load_case(net, &diags, path), IGRAPH_SUCCESS);
	clout_diags_destroy(&diags);
}

/* Every test leaves igraph's FINALLY stack empty. */
#define VERIFY_FINALLY_STACK() assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0)

#endif
