/* mactor-graph.c: the MACTOR graph of convergences (or divergences) between actors as a drawing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

#define CONVERGENCE_COLOUR	"#228833"	/* Tol's bright green and red */
#define DIVERGENCE_COLOUR	"#CC3311"
#define MAX_PENWIDTH		6.0
#define MIN_PENWIDTH		0.6

/* The threshold for min < 0: the mean of the positive values above the diagonal. */
static double
default_threshold(const igraph_matrix_t *m)
{
	igraph_integer_t	i, j, n = igraph_matrix_nrow(m), count = 0;
	double			sum = 0;

	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			if (MATRIX(*m, i, j) > 0) {
				sum += MATRIX(*m, i, j);
				count++;
			}
	return count > 0 ? sum / count : 0;
}

static double
node_width(double r_star)
{
	/* area in proportion to r*: an average actor (r* = 1) is 0.45 inch across */
	return 0.12 + 0.33 * sqrt(fmax(r_star, 0));
}

static igraph_error_t
add_actors(struct clout_drawing *d, const struct clout_network *net, const struct clout_mactor *ma,
    int order, const char **colour)
{
	igraph_integer_t	a, n = igraph_vector_int_size(&ma->actor_vertex);

	for (a = 0; a < n; a++) {
		igraph_integer_t		 v = VECTOR(ma->actor_vertex)[a];
		const char			*bloc = igraph_strvector_get(&net->bloc, v);
		struct clout_drawing_node	*node;
		double				 amb = VECTOR(ma->ambivalence[order - 1])[a];
		char				 ambtext[32];

		if (isnan(amb))
			snprintf(ambtext, sizeof ambtext, "undefined");
		else
			snprintf(ambtext, sizeof ambtext, "%.3f", amb);
		IGRAPH_CHECK(clout_drawing_add_node(d, igraph_strvector_get(&net->id, v),
		    igraph_strvector_get(&net->label, v), &node));
		node->shape = "circle";
		node->width = node->height = node_width(VECTOR(ma->r_star)[a]);
		node->fontsize = 10;
		snprintf(node->fill, sizeof node->fill, "%s", colour[a]);
		node->tooltip = clout_i_asprintf("%s (%s)%s%s\nr* = %.3f (balance of power, mean 1)\n"
		    "influence %.4g, dependence %.4g (MIDI)\nambivalence of order %d: %s",
		    igraph_strvector_get(&net->label, v), igraph_strvector_get(&net->id, v),
		    bloc[0] != '\0' ? ", bloc " : "", bloc, VECTOR(ma->r_star)[a],
		    VECTOR(ma->influence)[a], VECTOR(ma->dependence)[a], order, ambtext);
		node->classes = clout_i_strdup("actor");
		CLOUT_CHECK_ALLOC(node->tooltip);
		CLOUT_CHECK_ALLOC(node->classes);
	}
	return IGRAPH_SUCCESS;
}

/* A line per pair at or above the threshold; returns how many through *drawn. */
static igraph_error_t
add_ties(struct clout_drawing *d, const struct clout_network *net, const struct clout_mactor *ma,
    const igraph_matrix_t *m, const igraph_matrix_t *other, int divergence, double threshold,
    double top, igraph_integer_t *drawn, double *smallest)
{
	igraph_integer_t	i, j, n = igraph_matrix_nrow(m);

	*drawn = 0;
	*smallest = top;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++) {
			struct clout_drawing_edge	*e;
			double				 x = MATRIX(*m, i, j);

			if (!(x > 0 && x >= threshold))
				continue;
			IGRAPH_CHECK(clout_drawing_add_edge(d, i, j, &e));
			e->no_head = 1;
			e->penwidth = MIN_PENWIDTH + (MAX_PENWIDTH - MIN_PENWIDTH) * x / top;
			snprintf(e->colour, sizeof e->colour, "%sB0",
			    divergence ? DIVERGENCE_COLOUR : CONVERGENCE_COLOUR);
			e->tooltip = clout_i_asprintf("%s and %s\n%s %.4g (%s %.4g)",
			    igraph_strvector_get(&net->label, VECTOR(ma->actor_vertex)[i]),
			    igraph_strvector_get(&net->label, VECTOR(ma->actor_vertex)[j]),
			    divergence ? "divergence" : "convergence", x,
			    divergence ? "convergence" : "divergence", MATRIX(*other, i, j));
			e->classes = clout_i_strdup(divergence ? "divergence" : "convergence");
			CLOUT_CHECK_ALLOC(e->tooltip);
			CLOUT_CHECK_ALLOC(e->classes);
			(*drawn)++;
			*smallest = fmin(*smallest, x);
		}
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_mactor_graph(const struct clout_network *net, const struct clout_mactor *ma, int order,
    int divergence, double min, struct clout_drawing *d)
{
	igraph_integer_t	 n = igraph_vector_int_size(&ma->actor_vertex), ncat = 0, drawn, k;
	igraph_integer_t	 positive = 0, i, j;
	const igraph_matrix_t	*m, *other;
	const char		**colour, **names, **colours;
	const char		*title = clout_network_info(net, "title");
	const char		*what = divergence ? "divergence" : "convergence";
	double			 threshold, top, smallest;
	struct clout_legend_section *s;
	struct clout_legend_row	*r;
	igraph_error_t		 ret;
	char			 text[160];

	if (order < 1 || order > CLOUT_MACTOR_ORDERS)
		IGRAPH_ERRORF("the order must be 1, 2 or 3, not %d", IGRAPH_EINVAL, order);
	m = divergence ? &ma->divergence[order - 1] : &ma->convergence[order - 1];
	other = divergence ? &ma->convergence[order - 1] : &ma->divergence[order - 1];
	threshold = min >= 0 ? min : default_threshold(m);
	top = n > 0 ? igraph_matrix_max(m) : 0;
	for (i = 0; i < n; i++)
		for (j = i + 1; j < n; j++)
			positive += MATRIX(*m, i, j) > 0;

	d->engine = CLOUT_ENGINE_NEATO;
	d->undirected = 1;
	d->splines = 0;
	d->name = clout_i_strdup(net->name != NULL ? net->name : "clout");
	d->title = clout_i_asprintf("MACTOR %ss of order %d%s%s", what, order,
	    title != NULL ? ": " : "", title != NULL ? title : "");
	CLOUT_CHECK_ALLOC(d->name);
	CLOUT_CHECK_ALLOC(d->title);

	colour = calloc((size_t)n + 1, sizeof colour[0]);
	names = calloc((size_t)n + 1, sizeof names[0]);
	colours = calloc((size_t)n + 1, sizeof colours[0]);
	if (colour == NULL || names == NULL || colours == NULL) {
		ret = IGRAPH_ENOMEM;
		goto out;
	}
	if ((ret = clout_i_bloc_colours(net, VECTOR(ma->actor_vertex), n, colour, names, colours,
	    &ncat)) != IGRAPH_SUCCESS)
		goto out;
	if ((ret = add_actors(d, net, ma, order, colour)) != IGRAPH_SUCCESS)
		goto out;
	if ((ret = add_ties(d, net, ma, m, other, divergence, threshold, top > 0 ? top : 1,
	    &drawn, &smallest)) != IGRAPH_SUCCESS)
		goto out;

	d->caption = clout_i_asprintf("A line joins two actors whose %s of order %d (%s) is at "
	    "least %.3g%s.\n%" IGRAPH_PRId " of the %" IGRAPH_PRId " pairs with a positive value are "
	    "drawn; the larger the value, the wider the line (largest %.3g).\nCircle area in "
	    "proportion to r*, the balance-of-power coefficient (mean 1) \xc2\xb7 %" IGRAPH_PRId
	    " actors", what, order, order == 1 ? "issues on the same side" : order == 2 ?
	    "positions 2MAO" : "positions weighted by r*, 3MAO", threshold,
	    min >= 0 ? "" : ", the mean of the positive values (--min 0 draws them all)", drawn,
	    positive, top, n);
	if (d->caption == NULL) {
		ret = IGRAPH_ENOMEM;
		goto out;
	}
	if ((ret = clout_drawing_add_section(d, "bloc", &s)) != IGRAPH_SUCCESS)
		goto out;
	for (k = 0; k < ncat && ret == IGRAPH_SUCCESS; k++)
		ret = clout_legend_add_row(s, CLOUT_MARK_SWATCH, colours[k], names[k], &r);
	for (k = 0; k < n && ret == IGRAPH_SUCCESS; k++)
		if (strcmp(colour[k], CLOUT_I_COLOUR_NONE) == 0) {
			ret = clout_legend_add_row(s, CLOUT_MARK_SWATCH, CLOUT_I_COLOUR_NONE,
			    "no bloc", &r);
			break;
		}
	if (ret == IGRAPH_SUCCESS && drawn > 0 &&
	    (ret = clout_drawing_add_section(d, what, &s)) == IGRAPH_SUCCESS) {
		snprintf(text, sizeof text, "%.3g (largest)", top);
		ret = clout_legend_add_row(s, CLOUT_MARK_LINE, divergence ? DIVERGENCE_COLOUR :
		    CONVERGENCE_COLOUR, text, &r);
		if (ret == IGRAPH_SUCCESS) {
			r->size = MAX_PENWIDTH;
			r->no_head = 1;
		}
		if (ret == IGRAPH_SUCCESS && smallest < top) {
			snprintf(text, sizeof text, "%.3g (smallest drawn)", smallest);
			ret = clout_legend_add_row(s, CLOUT_MARK_LINE, divergence ?
			    DIVERGENCE_COLOUR : CONVERGENCE_COLOUR, text, &r);
		}
		if (ret == IGRAPH_SUCCESS && smallest < top) {
			r->size = MIN_PENWIDTH + (MAX_PENWIDTH - MIN_PENWIDTH) * smallest / top;
			r->no_head = 1;
		}
	}
out:
	free(colour);
	free(names);
	free(colours);
	if (ret != IGRAPH_SUCCESS)
		IGRAPH_ERROR("out of memory", ret);
	return IGRAPH_SUCCESS;
}
