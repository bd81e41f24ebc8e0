/* comparemap.c: the diff map of two aligned cases: one layout, edges styled by where they occur. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

#define COLOUR_BOTH	"#33445A"
#define COLOUR_ONLY_A	"#4477AA"	/* Tol bright blue */
#define COLOUR_ONLY_B	"#EE7733"	/* Tol vibrant orange */
#define COLOUR_FLIP	"#CC3311"

enum presence { IN_BOTH, ONLY_A, ONLY_B, FLIPPED };

static igraph_error_t
add_legend(struct clout_drawing *d, const char *a, const char *b, int undirected)
{
	static const char *const colours[] = { COLOUR_BOTH, COLOUR_ONLY_A, COLOUR_ONLY_B, COLOUR_FLIP };
	struct clout_legend_section	*s;
	struct clout_legend_row		*r;
	char				*text[4];
	int				 k;
	igraph_error_t			 ret = IGRAPH_SUCCESS;

	text[0] = clout_i_asprintf("in both, same sign");
	text[1] = clout_i_asprintf("only in %s", a);
	text[2] = clout_i_asprintf("only in %s", b);
	text[3] = clout_i_asprintf("in both, sign flipped");
	IGRAPH_CHECK(clout_drawing_add_section(d, "relations", &s));
	for (k = 0; k < 4 && ret == IGRAPH_SUCCESS; k++) {
		if (text[k] == NULL) {
			ret = IGRAPH_ENOMEM;
			break;
		}
		if ((ret = clout_legend_add_row(s, CLOUT_MARK_LINE, colours[k], text[k], &r)) !=
		    IGRAPH_SUCCESS)
			break;
		r->size = k == FLIPPED ? 3 : 2;
		r->dashed = k == ONLY_A || k == ONLY_B;
		r->no_head = undirected;
	}
	for (k = 0; k < 4; k++)
		free(text[k]);
	if (ret == IGRAPH_SUCCESS) {
		IGRAPH_CHECK(clout_drawing_add_section(d, "vertices", &s));
		IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_SWATCH, "#DDDDDD", "in both", &r));
		IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_SWATCH, COLOUR_ONLY_A, a, &r));
		IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_SWATCH, COLOUR_ONLY_B, b, &r));
	}
	if (ret != IGRAPH_SUCCESS)
		IGRAPH_ERROR("out of memory", ret);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_compare_drawing(const struct clout_aligned *al, const char *a, const char *b,
    igraph_bool_t directed, struct clout_drawing *d)
{
	igraph_integer_t	i, j, n = igraph_strvector_size(&al->names);
	igraph_integer_t	counts[4] = { 0, 0, 0, 0 };

	d->engine = n <= 3000 ? CLOUT_ENGINE_NEATO : CLOUT_ENGINE_SFDP;
	d->undirected = !directed;
	d->splines = n <= 80;
	d->name = clout_i_strdup("compare");
	d->title = clout_i_asprintf("%s and %s, aligned by %s", a, b, clout_align_name(al->align));
	CLOUT_CHECK_ALLOC(d->name);
	CLOUT_CHECK_ALLOC(d->title);
	for (i = 0; i < n; i++) {
		struct clout_drawing_node	*node;
		int				 ina = VECTOR(al->present_a)[i];
		int				 inb = VECTOR(al->present_b)[i];
		int				 issue = VECTOR(al->type)[i] == CLOUT_VERTEX_ISSUE;
		const char			*name = igraph_strvector_get(&al->names, i);

		IGRAPH_CHECK(clout_drawing_add_node(d, name, name, &node));
		node->shape = issue ? "diamond" : "circle";
		node->width = node->height = issue ? 0.3 : 0.25;
		snprintf(node->fill, sizeof node->fill, "%s", ina && inb ? "#DDDDDD" :
		    ina ? COLOUR_ONLY_A : COLOUR_ONLY_B);
		node->tooltip = clout_i_asprintf("%s: %s", name, ina && inb ? "in both" :
		    ina ? a : b);
		node->classes = clout_i_strdup(ina && inb ? "both" : ina ? "only-a" :
		    "only-b");
		CLOUT_CHECK_ALLOC(node->tooltip);
		CLOUT_CHECK_ALLOC(node->classes);
	}
	for (i = 0; i < n; i++)
		for (j = directed ? 0 : i + 1; j < n; j++) {
			struct clout_drawing_edge	*e;
			int				 ha = MATRIX(al->has_a, i, j);
			int				 hb = MATRIX(al->has_b, i, j);
			double				 wa = MATRIX(al->weight_a, i, j);
			double				 wb = MATRIX(al->weight_b, i, j);
			enum presence			 p;
			static const char *const	 colours[] = { COLOUR_BOTH, COLOUR_ONLY_A,
							    COLOUR_ONLY_B, COLOUR_FLIP };
			static const char *const	 classes[] = { "both", "only-a",
							    "only-b", "sign-flip" };

			if (i == j || (!ha && !hb))
				continue;
			p = ha && hb ? (wa * wb < 0 ? FLIPPED : IN_BOTH) : ha ? ONLY_A : ONLY_B;
			counts[p]++;
			IGRAPH_CHECK(clout_drawing_add_edge(d, i, j, &e));
			snprintf(e->colour, sizeof e->colour, "%s", colours[p]);
			e->dashed = p == ONLY_A || p == ONLY_B;
			e->penwidth = p == FLIPPED ? 3 : 0.8 + 0.4 * fmin(fmax(fabs(wa), fabs(wb)), 8);
			e->no_head = !directed;
			e->tooltip = clout_i_asprintf("%s \xe2\x86\x92 %s: %s %g, %s %g",
			    igraph_strvector_get(&al->names, i), igraph_strvector_get(&al->names, j),
			    a, wa, b, wb);
			e->classes = clout_i_strdup(classes[p]);
			CLOUT_CHECK_ALLOC(e->tooltip);
			CLOUT_CHECK_ALLOC(e->classes);
		}
	/* counted as clout compare counts them: a flipped relation is in both */
	d->caption = clout_i_asprintf("%" IGRAPH_PRId " aligned vertices; relations: %"
	    IGRAPH_PRId " in both (%" IGRAPH_PRId " of them with the sign flipped), %" IGRAPH_PRId
	    " only in %s, %" IGRAPH_PRId " only in %s.\nWidth: the larger weight of the two "
	    "(signed weights summed over merged vertices). Hover for both weights.", n,
	    counts[IN_BOTH] + counts[FLIPPED], counts[FLIPPED], counts[ONLY_A], a, counts[ONLY_B], b);
	CLOUT_CHECK_ALLOC(d->caption);
	return add_legend(d, a, b, !directed);
}

/* A colour of the diverging scale for r in [-1, 1]: blue, white, red (after Tol's BuRd). */
static void
diverging(double r, char out[10])
{
	static const double	lo[3] = { 0x21, 0x66, 0xAC }, mid[3] = { 0xF7, 0xF7, 0xF7 };
	static const double	hi[3] = { 0xB2, 0x18, 0x2B };
	const double		*end = r < 0 ? lo : hi;
	double			t = fmin(fabs(r), 1);
	int			k, c[3];

	for (k = 0; k < 3; k++)
		c[k] = (int)lround(mid[k] + (end[k] - mid[k]) * t);
	snprintf(out, 10, "#%02X%02X%02X", c[0], c[1], c[2]);
}

igraph_error_t
clout_similarity_drawing(const igraph_matrix_t *r, const struct clout_network *nets,
    igraph_integer_t count, struct clout_drawing *d)
{
	const double			 cell = 100;	/* points: room for a case name above each column */
	struct clout_drawing_node	*n;
	struct clout_legend_section	*s;
	struct clout_legend_row		*row;
	igraph_integer_t		 i, j;
	char				 key[64], value[32];
	static const double		 marks[] = { -1, -0.5, 0, 0.5, 1 };
	static const char *const	 mark_text[] = { "-1", "-0.5", "0", "0.5", "1" };

	d->engine = CLOUT_ENGINE_PINNED;
	d->undirected = 1;
	d->name = clout_i_strdup("similar");
	d->title = clout_i_strdup("How alike the cases are: QAP correlation");
	d->caption = clout_i_asprintf("Pearson correlation of the aligned signed weights (by role "
	    "where both cases have roles, else by id), %" IGRAPH_PRId " cases.\nRed: alike; "
	    "white: unrelated; blue: opposite. Hover a cell for the pair.", count);
	CLOUT_CHECK_ALLOC(d->name);
	CLOUT_CHECK_ALLOC(d->title);
	CLOUT_CHECK_ALLOC(d->caption);
	for (i = 0; i < count; i++) {
		const char	*name = nets[i].name != NULL ? nets[i].name : "case";

		snprintf(key, sizeof key, "row-%" IGRAPH_PRId, i);
		IGRAPH_CHECK(clout_drawing_add_text(d, key, name, -cell * 1.2, -cell * (double)i, 12,
		    "#222222", NULL));
		snprintf(key, sizeof key, "column-%" IGRAPH_PRId, i);
		IGRAPH_CHECK(clout_drawing_add_text(d, key, name, cell * (double)i, cell * 0.8, 12,
		    "#222222", NULL));
		for (j = 0; j < count; j++) {
			double	v = MATRIX(*r, i, j);

			snprintf(key, sizeof key, "cell-%" IGRAPH_PRId "-%" IGRAPH_PRId, i, j);
			IGRAPH_CHECK(clout_drawing_add_node(d, key, "", &n));
			n->shape = "box";
			n->pinned = 1;
			n->x = cell * (double)j;
			n->y = -cell * (double)i;
			n->width = n->height = cell / 72.0 * 0.95;
			if (isnan(v))
				snprintf(n->fill, sizeof n->fill, "#DDDDDD");
			else
				diverging(v, n->fill);
			n->tooltip = clout_i_asprintf("%s and %s: QAP r %s", name,
			    nets[j].name != NULL ? nets[j].name : "case",
			    isnan(v) ? "undefined" : (snprintf(value, sizeof value, "%.3f", v), value));
			n->classes = clout_i_strdup("cell");
			CLOUT_CHECK_ALLOC(n->tooltip);
			CLOUT_CHECK_ALLOC(n->classes);
			snprintf(key, sizeof key, "value-%" IGRAPH_PRId "-%" IGRAPH_PRId, i, j);
			if (isnan(v))
				snprintf(value, sizeof value, "n/a");
			else
				snprintf(value, sizeof value, "%.2f", v);
			IGRAPH_CHECK(clout_drawing_add_text(d, key, value, cell * (double)j,
			    -cell * (double)i, 11, !isnan(v) && fabs(v) > 0.6 ? "#FFFFFF" : "#222222",
			    NULL));
		}
	}
	IGRAPH_CHECK(clout_drawing_add_section(d, "QAP r", &s));
	s->across = 1;
	for (i = 0; i < 5; i++) {
		char	colour[10];

		diverging(marks[i], colour);
		IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_SWATCH, colour, mark_text[i], &row));
	}
	return IGRAPH_SUCCESS;
}
