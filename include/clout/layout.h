/* layout.h: saved map positions (id, role, x, y), and drawing a map with them. */
#ifndef CLOUT_LAYOUT_H
#define CLOUT_LAYOUT_H

#include <stdio.h>

#include <clout/diag.h>
#include <clout/network.h>
#include <clout/render.h>

/*
 * Positions of vertices in points, y up, as Graphviz gives them after
 * layout; role is the vertex's role ("" for none). The rows are parallel.
 */
struct clout_layout {
	igraph_strvector_t	 id, role;
	igraph_vector_t		 x, y;
};

igraph_error_t	clout_layout_init(struct clout_layout *layout);
void		clout_layout_destroy(struct clout_layout *layout);
igraph_integer_t clout_layout_size(const struct clout_layout *layout);

/*
 * Read a layout CSV into layout (initialised, empty): a header naming the
 * columns id, x and y and optionally role (any order, any case; other
 * columns are ignored), then one row per vertex. Every problem goes into
 * diags as an error naming name, line and column: a missing column, an
 * empty or repeated id, x or y not a finite decimal number, a row with too
 * few fields. Returns IGRAPH_PARSEERROR when there was any, else
 * IGRAPH_SUCCESS (or IGRAPH_ENOMEM). A header alone is a valid, empty layout.
 * Time complexity: O(size of the file), expected.
 */
igraph_error_t	clout_layout_read(struct clout_layout *layout, FILE *in, const char *name,
		    struct clout_diags *diags);

/* Write "id,role,x,y" and one row per position (x, y to 0.01 pt) through the CSV writer. */
igraph_error_t	clout_layout_write(const struct clout_layout *layout, FILE *out);

/*
 * The positions of a laid-out drawing of net (see clout_render_positions):
 * one row per drawing node that is a vertex of net, in the drawing's order,
 * with the vertex's role. layout is initialised and emptied first.
 * Time complexity: O(|nodes|), expected.
 */
igraph_error_t	clout_layout_of_drawing(struct clout_layout *layout,
		    const struct clout_network *net, const struct clout_drawing *d);

/* How the vertices of a drawing found their places (clout_layout_apply). */
struct clout_layout_match {
	igraph_integer_t	 by_id;		/* the layout has the vertex's id */
	igraph_integer_t	 by_role;	/* alone in the drawing with its role */
	igraph_integer_t	 free;		/* placed by the engine around the others */
	igraph_integer_t	 shared_role;	/* of free: their role is shared by another
						   unmatched vertex, so none takes its place */
	igraph_integer_t	 moved;		/* matched vertices moved by more than
						   0.5 pt to keep shapes and labels apart */
	double			 max_move;	/* the largest such move, points */
};

/*
 * Draw d (a map of net, laid out by neato) at the positions of layout:
 *
 * - a vertex whose id is in the layout takes that row's position (by id);
 * - any other vertex with a role takes the position of the layout rows of
 *   the same role (case aside) that no vertex of d took by id: the row's
 *   position when there is one, the mean of their positions when there are
 *   several; but only when it is the only vertex of d left with that role,
 *   since two vertices at one place would overlap (by role);
 * - the others are placed by neato around the matched ones (free).
 *
 * neato lays d out with the matched vertices pinned ("x,y!"); the result is
 * translated so that the matched vertices sit where the layout puts them.
 * Then shapes and labels are kept apart: the vertices take their places in
 * turn (by id, by role, free), and one whose box (shape and label) would
 * overlap a box placed before it moves to the nearest place on rings around
 * its own that keeps 4 pt from all of them; match->moved counts the matched
 * vertices that moved (a vertex drawn larger than in the layout's map, two
 * role places too close). Every node of d is then pinned where it ended, with
 * the pinned engine and keep_origin, so the DOT source holds every position
 * and redraws the map exactly; a caption line tells where the positions came
 * from (source names them). When nothing matches, d is left as it was.
 * Errors: d's engine is not neato (IGRAPH_EINVAL); Graphviz's.
 * Time complexity: that of neato on d, plus O(|nodes| + |rows|) expected for the
 * matching and O(|nodes|^2) for keeping boxes apart (more where many must move).
 */
igraph_error_t	clout_layout_apply(struct clout_renderer *r, const struct clout_layout *layout,
		    const char *source, const struct clout_network *net, struct clout_drawing *d,
		    struct clout_layout_match *match);

#endif
