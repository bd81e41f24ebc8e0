/*
 * test_layout.c: saved map positions: the CSV read and written, and the
 * matching rules of clout_layout_apply on the hand case (a, b, c, d) with
 * roles set by hand, each expected count and position worked out below.
 */
#define _GNU_SOURCE	/* fmemopen, open_memstream */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

/* One Graphviz context for the whole file: its text measuring does not survive a second. */
static struct clout_renderer	*renderer;

/* Read text as a layout; returns what clout_layout_read returned. */
static igraph_error_t
read_text(const char *text, struct clout_layout *layout, struct clout_diags *diags)
{
	FILE		*in = fmemopen((void *)text, strlen(text), "r");
	igraph_error_t	 ret;

	assert_non_null(in);
	assert_int_equal(clout_layout_init(layout), IGRAPH_SUCCESS);
	clout_diags_init(diags);
	ret = clout_layout_read(layout, in, "l.csv", diags);
	fclose(in);
	return ret;
}

static void
reads_columns_in_any_order(void **state)
{
	struct clout_layout	l;
	struct clout_diags	diags;

	(void)state;
	/* a byte-order mark, CRLF, columns reordered, an extra column, a quoted id with a comma */
	assert_int_equal(read_text("\xEF\xBB\xBFY,note,ID,x\r\n1.5,n,a,-2\r\n-3e1,,\"b,c\",4\r\n",
	    &l, &diags), IGRAPH_SUCCESS);
	assert_int_equal(diags.count, 0);
	assert_int_equal(clout_layout_size(&l), 2);
	assert_string_equal(igraph_strvector_get(&l.id, 0), "a");
	assert_string_equal(igraph_strvector_get(&l.id, 1), "b,c");
	assert_string_equal(igraph_strvector_get(&l.role, 1), "");	/* no role column */
	assert_float_equal(VECTOR(l.x)[0], -2, 0);
	assert_float_equal(VECTOR(l.y)[0], 1.5, 0);
	assert_float_equal(VECTOR(l.x)[1], 4, 0);
	assert_float_equal(VECTOR(l.y)[1], -30, 0);
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);

	/* a header alone is an empty layout */
	assert_int_equal(read_text("id,role,x,y\n", &l, &diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_layout_size(&l), 0);
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);
	VERIFY_FINALLY_STACK();
}

static void
reports_every_problem_with_line_and_column(void **state)
{
	struct clout_layout	l;
	struct clout_diags	diags;
	static const long	lines[] = { 3, 4, 4, 5, 6, 7 };
	static const int	columns[] = { 1, 3, 4, 1, 4, 4 };
	int			i;

	(void)state;
	assert_int_equal(read_text("id,role,x,y\na,r,1,2\na,r,3,4\nb,r,1x,nan\n,r,1,1\n"
	    "c,r,1\nd,r,1,1e999\ne,r,5,6\n", &l, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 6);
	for (i = 0; i < 6; i++) {
		assert_int_equal(diags.items[i].line, lines[i]);
		assert_int_equal(diags.items[i].column, columns[i]);
	}
	assert_non_null(strstr(diags.items[0].message, "line 2"));	/* where a was first */
	assert_non_null(strstr(diags.items[5].message, "out of range"));
	/* the good rows are still read */
	assert_int_equal(clout_layout_size(&l), 2);
	assert_string_equal(igraph_strvector_get(&l.id, 1), "e");
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);

	assert_int_equal(read_text("id,role,y\na,,1\n", &l, &diags), IGRAPH_PARSEERROR);
	assert_int_equal(diags.errors, 1);
	assert_non_null(strstr(diags.items[0].message, "'x'"));
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);

	assert_int_equal(read_text("", &l, &diags), IGRAPH_PARSEERROR);
	assert_non_null(strstr(diags.items[0].message, "empty"));
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);
	VERIFY_FINALLY_STACK();
}

static void
writes_what_it_reads(void **state)
{
	struct clout_layout	l, back;
	struct clout_diags	diags;
	char			*text = NULL;
	size_t			 size = 0;
	FILE			*out;

	(void)state;
	assert_int_equal(read_text("id,role,x,y\n\"b,c\",\"say \"\"x\"\"\",1.234,-0.001\nz,,10,20\n",
	    &l, &diags), IGRAPH_SUCCESS);
	out = open_memstream(&text, &size);
	assert_int_equal(clout_layout_write(&l, out), IGRAPH_SUCCESS);
	fclose(out);
	/* two decimals; -0.001 is 0.00, not -0.00 */
	assert_string_equal(text, "id,role,x,y\n\"b,c\",\"say \"\"x\"\"\",1.23,0.00\nz,,10.00,20.00\n");
	clout_diags_destroy(&diags);
	assert_int_equal(read_text(text, &back, &diags), IGRAPH_SUCCESS);
	assert_string_equal(igraph_strvector_get(&back.role, 0), "say \"x\"");
	assert_float_equal(VECTOR(back.x)[0], 1.23, 0);
	free(text);
	clout_diags_destroy(&diags);
	clout_layout_destroy(&back);
	clout_layout_destroy(&l);
	VERIFY_FINALLY_STACK();
}

/* The hand case's map (neato), with roles a: "", b: "Envoy", c and d: "shared". */
static void
hand_map(struct clout_network *net, struct clout_drawing *d)
{
	struct clout_map_options	opts;
	igraph_strvector_t		notices;

	load_case(FIXTURE("hand"), net);
	assert_int_equal(igraph_strvector_set(&net->role, 1, "Envoy"), IGRAPH_SUCCESS);
	assert_int_equal(igraph_strvector_set(&net->role, 2, "shared"), IGRAPH_SUCCESS);
	assert_int_equal(igraph_strvector_set(&net->role, 3, "shared"), IGRAPH_SUCCESS);
	clout_map_options_default(&opts);
	opts.engine = CLOUT_ENGINE_NEATO;
	assert_int_equal(igraph_strvector_init(&notices, 0), IGRAPH_SUCCESS);
	assert_int_equal(clout_drawing_init(d), IGRAPH_SUCCESS);
	assert_int_equal(clout_map_build(net, &opts, d, &notices), IGRAPH_SUCCESS);
	igraph_strvector_destroy(&notices);
	assert_int_equal(d->nnodes, 4);	/* a, b, c, d in that order */
}

static int
boxes_overlap(const struct clout_drawing_node *p, const struct clout_drawing_node *q)
{
	return fabs(p->x - q->x) < (p->width + q->width) * 36 &&
	    fabs(p->y - q->y) < (p->height + q->height) * 36;
}

static void
matches_by_id_then_by_role(void **state)
{
	struct clout_network		 net;
	struct clout_drawing		 d;
	struct clout_layout		 l;
	struct clout_layout_match	 match;
	struct clout_diags		 diags;
	struct clout_renderer		*r = renderer;
	int				 i, j;

	(void)state;
	assert_non_null(r);
	hand_map(&net, &d);
	/*
	 * a by id at (100, 100). Rows zz and yy (role envoy, case aside) are
	 * unclaimed: b, the only unmatched vertex with that role, takes their
	 * mean (300, 200). c and d share the role "shared" (row ww): neither
	 * takes it, neato places both.
	 */
	assert_int_equal(read_text("id,role,x,y\na,,100,100\nzz,envoy,300,100\nyy,ENVOY,300,300\n"
	    "ww,shared,0,300\n", &l, &diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_layout_apply(r, &l, "test", &net, &d, &match), IGRAPH_SUCCESS);
	assert_int_equal(match.by_id, 1);
	assert_int_equal(match.by_role, 1);
	assert_int_equal(match.free, 2);
	assert_int_equal(match.shared_role, 2);
	assert_int_equal(match.moved, 0);
	assert_float_equal(d.nodes[0].x, 100, 1e-9);
	assert_float_equal(d.nodes[0].y, 100, 1e-9);
	assert_float_equal(d.nodes[1].x, 300, 1e-9);
	assert_float_equal(d.nodes[1].y, 200, 1e-9);
	/* every node pinned where it ended, drawn by the pinned engine at those coordinates */
	assert_int_equal(d.engine, CLOUT_ENGINE_PINNED);
	assert_true(d.keep_origin);
	for (i = 0; i < 4; i++) {
		assert_true(d.nodes[i].pinned);
		for (j = 0; j < i; j++)
			assert_false(boxes_overlap(&d.nodes[i], &d.nodes[j]));
	}
	assert_non_null(strstr(d.caption, "\nPositions from test: 1 by id, 1 by role, 2 placed "
	    "by neato"));
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
rows_taken_by_id_give_no_role_place(void **state)
{
	struct clout_network		 net;
	struct clout_drawing		 d;
	struct clout_layout		 l;
	struct clout_layout_match	 match;
	struct clout_diags		 diags;
	struct clout_renderer		*r = renderer;

	(void)state;
	assert_non_null(r);
	hand_map(&net, &d);
	/* a's row has b's role, but a takes it by id: b finds no place of its role */
	assert_int_equal(read_text("id,role,x,y\na,envoy,0,0\n", &l, &diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_layout_apply(r, &l, "test", &net, &d, &match), IGRAPH_SUCCESS);
	assert_int_equal(match.by_id, 1);
	assert_int_equal(match.by_role, 0);
	assert_int_equal(match.free, 3);
	assert_int_equal(match.shared_role, 0);
	assert_float_equal(d.nodes[0].x, 0, 1e-9);
	assert_float_equal(d.nodes[0].y, 0, 1e-9);
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
no_match_leaves_the_drawing_alone(void **state)
{
	struct clout_network		 net;
	struct clout_drawing		 d;
	struct clout_layout		 l;
	struct clout_layout_match	 match;
	struct clout_diags		 diags;
	struct clout_renderer		*r = renderer;
	int				 i;

	(void)state;
	assert_non_null(r);
	hand_map(&net, &d);
	assert_int_equal(read_text("id,role,x,y\nzz,nobody,1,1\n", &l, &diags), IGRAPH_SUCCESS);
	assert_int_equal(clout_layout_apply(r, &l, "test", &net, &d, &match), IGRAPH_SUCCESS);
	assert_int_equal(match.by_id + match.by_role, 0);
	assert_int_equal(match.free, 4);
	assert_int_equal(d.engine, CLOUT_ENGINE_NEATO);
	for (i = 0; i < 4; i++)
		assert_false(d.nodes[i].pinned);
	assert_null(strstr(d.caption, "Positions"));
	/* the engine must be neato */
	d.engine = CLOUT_ENGINE_DOT;
	assert_int_equal(clout_layout_apply(r, &l, "test", &net, &d, &match), IGRAPH_EINVAL);
	clout_error_reset();
	clout_diags_destroy(&diags);
	clout_layout_destroy(&l);
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

static void
positions_of_a_drawing_are_graphvizs(void **state)
{
	struct clout_network	 net;
	struct clout_drawing	 d;
	struct clout_layout	 l;
	struct clout_renderer	*r = renderer;

	(void)state;
	assert_non_null(r);
	hand_map(&net, &d);
	/* pinned engine: nodes stay where they are put */
	d.engine = CLOUT_ENGINE_PINNED;
	d.keep_origin = 1;
	d.nodes[0].pinned = d.nodes[1].pinned = d.nodes[2].pinned = d.nodes[3].pinned = 1;
	d.nodes[0].x = 10, d.nodes[0].y = 20;
	d.nodes[1].x = 200, d.nodes[1].y = 20;
	d.nodes[2].x = 10, d.nodes[2].y = 300;
	d.nodes[3].x = 400, d.nodes[3].y = 400;
	assert_int_equal(clout_render_positions(r, &d), IGRAPH_SUCCESS);
	assert_float_equal(d.nodes[3].x, 400, 0.01);
	assert_float_equal(d.nodes[3].y, 400, 0.01);
	/* the box holds the shape and the label under it */
	assert_true(d.nodes[0].box_width >= d.nodes[0].width * 72 - 0.01);
	assert_true(d.nodes[0].box_height > d.nodes[0].height * 72);
	assert_int_equal(clout_layout_init(&l), IGRAPH_SUCCESS);
	assert_int_equal(clout_layout_of_drawing(&l, &net, &d), IGRAPH_SUCCESS);
	assert_int_equal(clout_layout_size(&l), 4);
	assert_string_equal(igraph_strvector_get(&l.id, 1), "b");
	assert_string_equal(igraph_strvector_get(&l.role, 1), "Envoy");
	assert_float_equal(VECTOR(l.x)[1], 200, 0.01);
	clout_layout_destroy(&l);
	clout_drawing_destroy(&d);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reads_columns_in_any_order),
		cmocka_unit_test(reports_every_problem_with_line_and_column),
		cmocka_unit_test(writes_what_it_reads),
		cmocka_unit_test(matches_by_id_then_by_role),
		cmocka_unit_test(rows_taken_by_id_give_no_role_place),
		cmocka_unit_test(no_match_leaves_the_drawing_alone),
		cmocka_unit_test(positions_of_a_drawing_are_graphvizs),
	};

	int	failed;

	renderer = clout_renderer_new();
	failed = cmocka_run_group_tests_name("layout", tests, test_setup, NULL);
	clout_renderer_free(renderer);
	return failed;
}
