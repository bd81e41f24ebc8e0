/* plane.c: the MICMAC influence-dependence plane as a drawing with pinned positions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

#define PLANE_WIDTH	648.0	/* points: 9 by 6.5 inches */
#define PLANE_HEIGHT	468.0
#define AXIS_COLOUR	"#555555"
#define GRID_COLOUR	"#999999"

/* Sector colours: Tol's muted palette again, one hue per quadrant. */
static const char *const sector_colours[CLOUT_SECTOR_COUNT] = {
	"#882255", "#DDCC77", "#88CCEE", "#BBBBBB"
};
static const char *const sector_plural[CLOUT_SECTOR_COUNT] = {
	"drivers", "relays", "dependents", "autonomous"
};

static igraph_error_t
add_line(struct clout_drawing *d, igraph_integer_t from, igraph_integer_t to, int dashed,
    const char *colour)
{
	struct clout_drawing_edge	*e;

	IGRAPH_CHECK(clout_drawing_add_edge(d, from, to, &e));
	e->no_head = 1;
	e->dashed = dashed;
	e->penwidth = dashed ? 1 : 1.4;
	snprintf(e->colour, sizeof e->colour, "%s", colour);
	return IGRAPH_SUCCESS;
}

static char *
owned(char *text, igraph_error_t *ret)
{
	if (text == NULL)
		*ret = IGRAPH_ENOMEM;
	return text;
}

igraph_error_t
clout_micmac_plane(const struct clout_network *net, const struct clout_micmac *mm, int direct,
    struct clout_drawing *d)
{
	const igraph_vector_t	*inf = direct ? &mm->direct_influence : &mm->indirect_influence;
	const igraph_vector_t	*dep = direct ? &mm->direct_dependence : &mm->indirect_dependence;
	const igraph_vector_int_t *sec = direct ? &mm->sector : &mm->indirect_sector;
	igraph_integer_t	 n = clout_network_vcount(net), v, o, xe, ye, a, b, i;
	igraph_vector_int_t	 order;
	double			 xmax, ymax, mx, my, X, Y;
	const char		*title = clout_network_info(net, "title");
	char			 text[128];
	igraph_error_t		 ret = IGRAPH_SUCCESS;
	struct clout_legend_section *s;
	struct clout_legend_row	*r;
	int			 k;

	xmax = n > 0 ? igraph_vector_max(dep) : 0;
	ymax = n > 0 ? igraph_vector_max(inf) : 0;
	xmax = xmax > 0 ? xmax * 1.08 : 1;
	ymax = ymax > 0 ? ymax * 1.08 : 1;
	mx = n > 0 ? igraph_vector_sum(dep) / n : 0;
	my = n > 0 ? igraph_vector_sum(inf) / n : 0;
	X = PLANE_WIDTH / xmax;
	Y = PLANE_HEIGHT / ymax;
	d->engine = CLOUT_ENGINE_PINNED;
	d->splines = 0;
	d->undirected = 0;
	d->name = clout_i_strdup(net->name != NULL ? net->name : "clout");
	d->title = clout_i_asprintf("MICMAC plane%s%s", title != NULL ? ": " : "",
	    title != NULL ? title : "");
	d->caption = clout_i_asprintf("%s influence (up) against dependence (across), axes through "
	    "the means \xc2\xb7 %s\nalpha = %.4g, rho(M) = %.4g \xc2\xb7 %" IGRAPH_PRId
	    " vertices", direct ? "Direct" : "Indirect", direct ? "row and column sums of M" :
	    "sums of M (I - alpha M)^-1, every chain of influence discounted by alpha per step",
	    mm->alpha, mm->rho, n);
	CLOUT_CHECK_ALLOC(d->name);
	CLOUT_CHECK_ALLOC(d->title);
	CLOUT_CHECK_ALLOC(d->caption);

	/* axes, mean lines, sector names, scale */
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:origin", "", 0, 0, 8, AXIS_COLOUR, &o));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:x-end", "", PLANE_WIDTH, 0, 8, AXIS_COLOUR, &xe));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:y-end", "", 0, PLANE_HEIGHT, 8, AXIS_COLOUR, &ye));
	IGRAPH_CHECK(add_line(d, o, xe, 0, AXIS_COLOUR));
	IGRAPH_CHECK(add_line(d, o, ye, 0, AXIS_COLOUR));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:mean-x0", "", mx * X, 0, 8, GRID_COLOUR, &a));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:mean-x1", "", mx * X, PLANE_HEIGHT, 8, GRID_COLOUR, &b));
	IGRAPH_CHECK(add_line(d, a, b, 1, GRID_COLOUR));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:mean-y0", "", 0, my * Y, 8, GRID_COLOUR, &a));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:mean-y1", "", PLANE_WIDTH, my * Y, 8, GRID_COLOUR, &b));
	IGRAPH_CHECK(add_line(d, a, b, 1, GRID_COLOUR));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:drivers", "DRIVERS", mx * X / 2, PLANE_HEIGHT + 14, 12,
	    sector_colours[CLOUT_SECTOR_DRIVER], NULL));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:relays", "RELAYS", (mx * X + PLANE_WIDTH) / 2,
	    PLANE_HEIGHT + 14, 12, "#998833", NULL));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:dependents", "DEPENDENTS", (mx * X + PLANE_WIDTH) / 2, -34,
	    12, "#4488AA", NULL));
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:autonomous", "AUTONOMOUS", mx * X / 2, -34, 12,
	    "#777777", NULL));
	snprintf(text, sizeof text, "dependence \xe2\x86\x92  (mean %.3g)", mx);
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:x-title", text, PLANE_WIDTH - 80, -16, 10, AXIS_COLOUR, NULL));
	snprintf(text, sizeof text, "influence \xe2\x86\x91  (mean %.3g)", my);
	IGRAPH_CHECK(clout_drawing_add_text(d, "plane:y-title", text, 70, PLANE_HEIGHT + 34, 10, AXIS_COLOUR, NULL));

	/* the vertices, most influential first: they get the first pick of label places */
	IGRAPH_CHECK(igraph_vector_int_init(&order, n));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &order);
	for (v = 0; v < n; v++)
		VECTOR(order)[v] = v;
	clout_rank_sort(net, inf, &order);
	for (i = 0; i < n && ret == IGRAPH_SUCCESS; i++) {
		struct clout_drawing_node	*node;
		int				 issue;

		v = VECTOR(order)[i];
		issue = VECTOR(net->type)[v] == CLOUT_VERTEX_ISSUE;
		IGRAPH_CHECK(clout_drawing_add_node(d, igraph_strvector_get(&net->id, v),
		    igraph_strvector_get(&net->label, v), &node));
		node->pinned = 1;
		node->x = VECTOR(*dep)[v] * X;
		node->y = VECTOR(*inf)[v] * Y;
		node->shape = issue ? "diamond" : "circle";
		node->width = node->height = issue ? 0.16 : 0.13;
		node->fontsize = 9;
		node->external_label = 1;
		snprintf(node->fill, sizeof node->fill, "%s",
		    sector_colours[VECTOR(*sec)[v]]);
		node->tooltip = owned(clout_i_asprintf("%s (%s)\n%s, %s\ninfluence %.4g, dependence "
		    "%.4g\ndirect sector %s, indirect sector %s", igraph_strvector_get(&net->label, v),
		    igraph_strvector_get(&net->id, v), clout_vertex_type_name(
		    (enum clout_vertex_type)VECTOR(net->type)[v]), clout_sector_name(VECTOR(*sec)[v]),
		    VECTOR(*inf)[v], VECTOR(*dep)[v], clout_sector_name(VECTOR(mm->sector)[v]),
		    clout_sector_name(VECTOR(mm->indirect_sector)[v])), &ret);
		node->classes = owned(clout_i_strdup(issue ? "issue" : "actor"), &ret);
	}
	igraph_vector_int_destroy(&order);
	IGRAPH_FINALLY_CLEAN(1);
	if (ret != IGRAPH_SUCCESS)
		IGRAPH_ERROR("out of memory", ret);

	IGRAPH_CHECK(clout_drawing_add_section(d, "sector", &s));
	for (k = 0; k < CLOUT_SECTOR_COUNT; k++)
		IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_SWATCH, sector_colours[k],
		    sector_plural[k], &r));
	IGRAPH_CHECK(clout_drawing_add_section(d, "shape", &s));
	IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_GLYPH, "#555555", "actor", &r));
	r->glyph = "\xe2\x97\x8f";
	r->size = 12;
	IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_GLYPH, "#555555", "issue", &r));
	r->glyph = "\xe2\x97\x86";
	r->size = 12;
	return IGRAPH_SUCCESS;
}
