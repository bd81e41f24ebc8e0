/* map.c: influence maps: choosing what to draw from a network, and how it looks. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

/*
 * Engine limits, measured with Graphviz 2.42 on random digraphs (two cores):
 * dot took 0.8 s for 100 vertices and 300 edges but 6 s for 500 edges and
 * over 30 s for 300 vertices and 900; circo 1 s for 60 vertices, 12 s for
 * 100; neato 3 s for 1,000 vertices and 14 s for 2,000; fdp 9.5 s for 5,000;
 * sfdp 5 s for 5,000 and 13 s for 20,000. Spline routing around nodes grows
 * with vertices times edges: 1.2 s for 60 and 120, 3.4 s for 80 and 250,
 * 12 s for 150 and 300. A review measured the limits themselves: dot 17 s
 * for 100 vertices and 500 edges, 23 s for 200 and 500; circo 25 s for 80
 * and 400; sfdp 176 s for 50,000 and 100,000. Hence the limits below, which
 * keep every engine within seconds; past its limit an engine is refused.
 */
#define DOT_MAX_EDGES		300
#define DOT_MAX_VERTICES	300
#define CIRCO_MAX_VERTICES	60
#define CIRCO_MAX_EDGES		250
#define NEATO_MAX_VERTICES	3000
#define FDP_MAX_VERTICES	5000
#define SFDP_MAX_VERTICES	30000
#define SPLINES_MAX_VERTICES	80
#define SPLINES_MAX_PRODUCT	25000.0
#define AUTO_NEATO_MAX		500	/* auto: neato up to here, sfdp beyond */

/* Dense maps keep their strongest relations: at most max(400, 4 per vertex). */
#define DENSE_MIN_EDGES		400
#define DENSE_EDGES_PER_VERTEX	4

/* Betweenness, harmonic and reach cost O(|V| |E|): skipped in tooltips beyond this. */
#define PATH_METRICS_MAX_WORK	5e7

/* Shape areas in square inches: circles from 0.3 to 1.2 inches across. */
#define AREA_MIN		(M_PI / 4 * 0.3 * 0.3)
#define AREA_MAX		(M_PI / 4 * 1.2 * 1.2)
#define FONT_MIN		10.0
#define FONT_MAX		14.0
/* U+25CF in DejaVu Sans is 0.765 em across: legend circles are true to size */
#define DOT_GLYPH_EM		0.765

#define PEN_MAX			4.5
#define PEN_MIN			0.4
#define COLOUR_SUPPORTS		"#33445A"
#define COLOUR_OPPOSES		"#CC3311"
#define COLOUR_ISSUE		"#FFFFFF"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

static const char *const colour_names[CLOUT_COLOUR_COUNT] = { "bloc", "kind", "type", "community" };
static const char *const group_names[CLOUT_GROUP_COUNT] = { "none", "bloc", "kind" };

const char *
clout_map_colour_name(enum clout_map_colour colour)
{
	return colour >= 0 && colour < CLOUT_COLOUR_COUNT ? colour_names[colour] : NULL;
}

int
clout_map_colour_find(const char *name)
{
	return clout_i_name_find(colour_names, CLOUT_COLOUR_COUNT, name);
}

const char *
clout_map_group_name(enum clout_map_group group)
{
	return group >= 0 && group < CLOUT_GROUP_COUNT ? group_names[group] : NULL;
}

int
clout_map_group_find(const char *name)
{
	return clout_i_name_find(group_names, CLOUT_GROUP_COUNT, name);
}

void
clout_map_options_default(struct clout_map_options *opts)
{
	memset(opts, 0, sizeof opts[0]);
	opts->size_by = CLOUT_METRIC_POWER;
	opts->colour_by = CLOUT_COLOUR_BLOC;
	opts->cluster_by = CLOUT_GROUP_NONE;
	opts->engine = CLOUT_ENGINE_AUTO;
	opts->depth = 1;
	opts->top = -1;
}

/* ---- shapes: what kind of actor, told apart at a glance ---- */

struct shape_group {
	const char		*shape;		/* Graphviz's name */
	const char		*glyph;		/* the same shape in DejaVu Sans, for the legend */
	const char		*what;
	double			 area;		/* shape area / (width * height) */
	const char *const	*words;		/* kinds that belong here */
};

static const char *const person_words[] = { "leader", "envoy", "person", "individual",
	"president", "minister", "official", "diplomat", "negotiator", "politician", "mediator",
	"head of state", "head of government", NULL };
static const char *const state_words[] = { "state", "country", "government", "authority",
	"parliament",
	"legislature", "territory", "region", "city", "administration", "ministry", NULL };
static const char *const organisation_words[] = { "alliance", "organisation", "organization",
	"institution", "agency", "union", "company", "firm", "ngo", "party", "coalition", "bank",
	"court", "bloc", "international", NULL };
static const char *const society_words[] = { "public", "media", "opinion", "society",
	"population", "movement", "group", "church", "military", "army", "press", "people",
	"diaspora", "civil", NULL };
static const char *const no_words[] = { NULL };

enum { SHAPE_PERSON, SHAPE_STATE, SHAPE_ORGANISATION, SHAPE_SOCIETY, SHAPE_OTHER, SHAPE_ISSUE,
	SHAPE_COUNT };

static const struct shape_group shapes[SHAPE_COUNT] = {
	[SHAPE_PERSON] = { "circle", "\xe2\x97\x8f", "people", M_PI / 4, person_words },
	[SHAPE_STATE] = { "box", "\xe2\x96\xa0", "states", 1.0, state_words },
	[SHAPE_ORGANISATION] = { "hexagon", "\xe2\xac\xa2", "organisations", 0.75, organisation_words },
	[SHAPE_SOCIETY] = { "pentagon", "\xe2\xac\x9f", "society", 0.65, society_words },
	[SHAPE_OTHER] = { "triangle", "\xe2\x96\xb2", "other actors", 0.5, no_words },
	[SHAPE_ISSUE] = { "diamond", "\xe2\x97\x86", "issues", 0.5, no_words },
};

/* The shape group of a kind: a listed kind, else the first group a listed word occurs in. */
static int
shape_of(const struct clout_network *net, igraph_integer_t v)
{
	static const int	 substring_order[] = { SHAPE_SOCIETY, SHAPE_ORGANISATION,
				    SHAPE_PERSON, SHAPE_STATE };
	const char		*kind = igraph_strvector_get(&net->kind, v);
	char			 lower[128];
	size_t			 i;
	int			 g, w;

	if (VECTOR(net->type)[v] == CLOUT_VERTEX_ISSUE)
		return SHAPE_ISSUE;
	for (i = 0; kind[i] != '\0' && i + 1 < sizeof lower; i++)
		lower[i] = (char)(kind[i] >= 'A' && kind[i] <= 'Z' ? kind[i] + 32 : kind[i]);
	lower[i] = '\0';
	for (g = 0; g < SHAPE_OTHER; g++)
		for (w = 0; shapes[g].words[w] != NULL; w++)
			if (strcmp(lower, shapes[g].words[w]) == 0)
				return g;
	for (i = 0; i < sizeof substring_order / sizeof substring_order[0]; i++) {
		g = substring_order[i];
		for (w = 0; shapes[g].words[w] != NULL; w++)
			if (strstr(lower, shapes[g].words[w]) != NULL)
				return g;
	}
	return SHAPE_OTHER;
}

/* ---- selection ---- */

static igraph_error_t
notice(igraph_strvector_t *notices, const char *fmt, ...)
{
	va_list	 ap;
	char	 text[512];

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	return igraph_strvector_push_back(notices, text);
}

/* "did you mean" for a mistyped focus */
static const char *
closest_id(const struct clout_network *net, const char *id)
{
	igraph_integer_t	v, n = clout_network_vcount(net);
	const char		*best = NULL;
	size_t			 best_distance = 3, d;

	for (v = 0; v < n; v++) {
		d = clout_i_edit_distance(id, igraph_strvector_get(&net->id, v), best_distance - 1);
		if (d < best_distance) {
			best_distance = d;
			best = igraph_strvector_get(&net->id, v);
		}
	}
	return best;
}

/* Mark the focus and everything within depth steps of it, along and against the influence. */
static igraph_error_t
keep_neighbourhood(const struct clout_network *net, igraph_integer_t focus, igraph_integer_t depth,
    igraph_vector_bool_t *keep)
{
	static const igraph_neimode_t	 modes[2] = { IGRAPH_OUT, IGRAPH_IN };
	igraph_vector_int_list_t	 reached;
	igraph_vector_bool_t		 near;
	igraph_integer_t		 i, k, n = clout_network_vcount(net);

	IGRAPH_CHECK(igraph_vector_bool_init(&near, n));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &near);
	IGRAPH_CHECK(igraph_vector_int_list_init(&reached, 0));
	IGRAPH_FINALLY(igraph_vector_int_list_destroy, &reached);
	for (k = 0; k < (net->directed ? 2 : 1); k++) {
		igraph_vector_int_t	*list;

		IGRAPH_CHECK(igraph_neighborhood(&net->graph, &reached, igraph_vss_1(focus), depth,
		    net->directed ? modes[k] : IGRAPH_ALL, 0));
		list = igraph_vector_int_list_get_ptr(&reached, 0);
		for (i = 0; i < igraph_vector_int_size(list); i++)
			VECTOR(near)[VECTOR(*list)[i]] = 1;
	}
	for (i = 0; i < n; i++)
		VECTOR(*keep)[i] = VECTOR(*keep)[i] && VECTOR(near)[i];
	VECTOR(*keep)[focus] = 1;
	igraph_vector_int_list_destroy(&reached);
	igraph_vector_bool_destroy(&near);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/* Keep only the top n of the kept vertices by the size metric (the focus always stays). */
static igraph_error_t
keep_top(const struct clout_network *net, const igraph_vector_t *size, igraph_integer_t top,
    igraph_integer_t focus, igraph_vector_bool_t *keep)
{
	igraph_vector_int_t	order;
	igraph_integer_t	i, v, n = clout_network_vcount(net), taken = 0;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&order, 0);
	for (v = 0; v < n; v++)
		if (VECTOR(*keep)[v])
			IGRAPH_CHECK(igraph_vector_int_push_back(&order, v));
	clout_rank_sort(net, size, &order);
	if (focus >= 0)
		taken = 1;
	for (i = 0; i < igraph_vector_int_size(&order); i++) {
		v = VECTOR(order)[i];
		if (v == focus)
			continue;
		if (taken < top)
			taken++;
		else
			VECTOR(*keep)[v] = 0;
	}
	igraph_vector_int_destroy(&order);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static int
by_weight_desc(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x > y ? -1 : x < y ? 1 : 0;
}

/* ---- the map being built ---- */

struct map {
	const struct clout_network	*net;
	const struct clout_map_options	*opts;
	struct clout_drawing		*d;
	igraph_strvector_t		*notices;
	struct clout_scores		 scores;
	igraph_vector_int_t		 vertices;	/* drawn, in the network's order */
	igraph_vector_int_t		 node_of;	/* vertex -> drawing node, or -1 */
	igraph_vector_int_t		 edges;		/* drawn */
	igraph_integer_t		 focus;
	double				 threshold;	/* weight of the default thinning, or NaN */
	igraph_integer_t		 candidate_edges;	/* before that thinning */
	const char			*thinned_vertices;	/* why, for the caption */
	igraph_strvector_t		 community;	/* colour by community: its name per vertex */
	int				 has_community;
	double				 modularity;
};

static void
map_destroy(struct map *m)
{
	clout_scores_destroy(&m->scores);
	igraph_vector_int_destroy(&m->vertices);
	igraph_vector_int_destroy(&m->node_of);
	igraph_vector_int_destroy(&m->edges);
	if (m->has_community)
		igraph_strvector_destroy(&m->community);
}

static igraph_error_t
select_vertices(struct map *m)
{
	const struct clout_network	*net = m->net;
	const struct clout_map_options	*opts = m->opts;
	igraph_integer_t		 v, n = clout_network_vcount(net), count = 0;
	igraph_vector_bool_t		 keep;

	IGRAPH_CHECK(igraph_vector_bool_init(&keep, n));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &keep);
	for (v = 0; v < n; v++)
		VECTOR(keep)[v] = !opts->actors_only || VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR;
	if (m->focus >= 0)
		IGRAPH_CHECK(keep_neighbourhood(net, m->focus, opts->depth, &keep));
	for (v = 0; v < n; v++)
		count += VECTOR(keep)[v];
	if (opts->top >= 0 && opts->top < count) {
		IGRAPH_CHECK(keep_top(net, &m->scores.values[opts->size_by], opts->top, m->focus, &keep));
		m->thinned_vertices = "asked for";
	} else if (opts->top < 0 && !opts->force && count > CLOUT_MAP_LARGE) {
		IGRAPH_CHECK(keep_top(net, &m->scores.values[opts->size_by], CLOUT_MAP_LARGE_TOP,
		    m->focus, &keep));
		m->thinned_vertices = "large";
		IGRAPH_CHECK(notice(m->notices, "%" IGRAPH_PRId " vertices are too many to draw "
		    "legibly: drawing the top %d by %s (--top N or --force to change)", count,
		    CLOUT_MAP_LARGE_TOP, clout_metric_info(opts->size_by)->name));
	}
	IGRAPH_CHECK(igraph_vector_int_resize(&m->node_of, n));
	igraph_vector_int_fill(&m->node_of, -1);
	for (v = 0; v < n; v++) {
		if (!VECTOR(keep)[v])
			continue;
		VECTOR(m->node_of)[v] = igraph_vector_int_size(&m->vertices);
		IGRAPH_CHECK(igraph_vector_int_push_back(&m->vertices, v));
	}
	igraph_vector_bool_destroy(&keep);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

static igraph_error_t
select_edges(struct map *m)
{
	const struct clout_network	*net = m->net;
	igraph_integer_t		 e, ecount = clout_network_ecount(net), kept, budget, nv;
	igraph_vector_t			 weights;

	for (e = 0; e < ecount; e++) {
		if (VECTOR(m->node_of)[IGRAPH_FROM(&net->graph, e)] < 0 ||
		    VECTOR(m->node_of)[IGRAPH_TO(&net->graph, e)] < 0)
			continue;
		if (VECTOR(net->weight)[e] < m->opts->min_weight)
			continue;
		IGRAPH_CHECK(igraph_vector_int_push_back(&m->edges, e));
	}
	kept = igraph_vector_int_size(&m->edges);
	nv = igraph_vector_int_size(&m->vertices);
	budget = DENSE_EDGES_PER_VERTEX * nv > DENSE_MIN_EDGES ? DENSE_EDGES_PER_VERTEX * nv :
	    DENSE_MIN_EDGES;
	m->candidate_edges = kept;
	m->threshold = NAN;
	if (m->opts->force || m->opts->min_weight > 0 || kept <= budget)
		return IGRAPH_SUCCESS;

	/*
	 * The budget-th strongest weight; relations tied with it stay, since
	 * nothing tells them apart. When the ties would overshoot the budget by
	 * half, only the strictly stronger relations stay (the next weight up),
	 * unless the ties are the strongest of all; when every relation weighs
	 * the same, none can be preferred: all stay.
	 */
	IGRAPH_VECTOR_INIT_FINALLY(&weights, kept);
	for (e = 0; e < kept; e++)
		VECTOR(weights)[e] = VECTOR(net->weight)[VECTOR(m->edges)[e]];
	qsort(VECTOR(weights), (size_t)kept, sizeof(double), by_weight_desc);
	m->threshold = VECTOR(weights)[budget - 1];
	for (e = budget; e < kept && VECTOR(weights)[e] == m->threshold; e++)
		;
	if (e > budget + budget / 2) {
		for (e = budget - 1; e >= 0 && VECTOR(weights)[e] == m->threshold; e--)
			;
		if (e >= 0)	/* else the ties are the strongest: they stay, overshoot and all */
			m->threshold = VECTOR(weights)[e];
	}
	if (VECTOR(weights)[0] == VECTOR(weights)[kept - 1])
		m->threshold = NAN;
	igraph_vector_destroy(&weights);
	IGRAPH_FINALLY_CLEAN(1);
	if (isnan(m->threshold)) {
		IGRAPH_CHECK(notice(m->notices, "%" IGRAPH_PRId " relations are too dense to draw "
		    "legibly, but all weigh the same: drawing them all (--top N keeps fewer vertices)",
		    kept));
		return IGRAPH_SUCCESS;
	}
	for (e = 0, kept = 0; e < igraph_vector_int_size(&m->edges); e++)
		if (VECTOR(net->weight)[VECTOR(m->edges)[e]] >= m->threshold)
			VECTOR(m->edges)[kept++] = VECTOR(m->edges)[e];
	IGRAPH_CHECK(igraph_vector_int_resize(&m->edges, kept));
	IGRAPH_CHECK(notice(m->notices, "%" IGRAPH_PRId " relations are too dense to draw legibly: "
	    "drawing the %" IGRAPH_PRId " with weight at least %.6g (--min-weight W or --force to "
	    "change)", m->candidate_edges, kept, m->threshold));
	return IGRAPH_SUCCESS;
}

/* Pick or check the engine: nothing may run for minutes. */
static igraph_error_t
choose_engine(struct map *m)
{
	const struct clout_map_options	*opts = m->opts;
	struct clout_drawing		*d = m->d;
	igraph_integer_t		 nv = igraph_vector_int_size(&m->vertices);
	igraph_integer_t		 ne = igraph_vector_int_size(&m->edges);
	enum clout_engine		 e = opts->engine;
	const char			*name;

	if (e == CLOUT_ENGINE_AUTO) {
		if (opts->cluster_by != CLOUT_GROUP_NONE)
			e = CLOUT_ENGINE_FDP;
		else
			e = nv <= AUTO_NEATO_MAX ? CLOUT_ENGINE_NEATO : CLOUT_ENGINE_SFDP;
	}
	name = clout_engine_name(e);
	if (opts->cluster_by != CLOUT_GROUP_NONE && e != CLOUT_ENGINE_DOT && e != CLOUT_ENGINE_FDP)
		IGRAPH_ERRORF("%s does not draw clusters: use --engine fdp or dot with --cluster-by",
		    IGRAPH_EINVAL, name);
	if (e == CLOUT_ENGINE_PINNED)
		IGRAPH_ERROR("a map has no positions to pin: choose another engine", IGRAPH_EINVAL);
	if ((e == CLOUT_ENGINE_DOT && (ne > DOT_MAX_EDGES || nv > DOT_MAX_VERTICES)) ||
	    (e == CLOUT_ENGINE_CIRCO && (ne > CIRCO_MAX_EDGES || nv > CIRCO_MAX_VERTICES)) ||
	    (e == CLOUT_ENGINE_NEATO && nv > NEATO_MAX_VERTICES) ||
	    (e == CLOUT_ENGINE_FDP && nv > FDP_MAX_VERTICES) ||
	    (e == CLOUT_ENGINE_SFDP && nv > SFDP_MAX_VERTICES))
		IGRAPH_ERRORF("%s would take minutes to lay out %" IGRAPH_PRId " vertices and %"
		    IGRAPH_PRId " relations (its limit here is %d vertices%s): use %s, or "
		    "thin the map", IGRAPH_EINVAL, name, nv, ne,
		    e == CLOUT_ENGINE_DOT ? DOT_MAX_VERTICES : e == CLOUT_ENGINE_CIRCO ?
		    CIRCO_MAX_VERTICES : e == CLOUT_ENGINE_NEATO ? NEATO_MAX_VERTICES :
		    e == CLOUT_ENGINE_FDP ? FDP_MAX_VERTICES : SFDP_MAX_VERTICES,
		    e == CLOUT_ENGINE_DOT ? " and 300 relations" : e == CLOUT_ENGINE_CIRCO ?
		    " and 250 relations" : "",
		    e == CLOUT_ENGINE_SFDP || e == CLOUT_ENGINE_FDP ? "--top N" :
		    opts->cluster_by != CLOUT_GROUP_NONE ? "--engine fdp" : "--engine sfdp");
	d->engine = e;
	/* dot routes its own splines cheaply; the others route around every node */
	d->splines = e == CLOUT_ENGINE_DOT ||
	    (nv <= SPLINES_MAX_VERTICES && (double)nv * (double)ne <= SPLINES_MAX_PRODUCT);
	return IGRAPH_SUCCESS;
}

/* ---- styling ---- */

/*
 * The name of community k for the colouring, from the blocs of its actors:
 * "community K (BLOC)" when all of those with a bloc share it, "(mostly
 * BLOC)" when more than half do, else "(mixed: A, B, ...)" with the most
 * common blocs until they cover more than half (at most three).
 */
static char *
community_name(const struct clout_network *net, const igraph_vector_int_t *membership,
    igraph_integer_t k, const char **blocs, igraph_integer_t *counts)
{
	igraph_integer_t	 v, i, j, distinct = 0, with_bloc = 0, covered = 0;
	char			*name, *next;

	for (v = 0; v < clout_network_vcount(net); v++) {
		const char	*bloc = igraph_strvector_get(&net->bloc, v);

		if (VECTOR(*membership)[v] != k || VECTOR(net->type)[v] != CLOUT_VERTEX_ACTOR ||
		    bloc[0] == '\0')
			continue;
		with_bloc++;
		for (i = 0; i < distinct && strcmp(blocs[i], bloc) != 0; i++)
			;
		if (i == distinct) {
			blocs[distinct] = bloc;
			counts[distinct++] = 0;
		}
		counts[i]++;
	}
	/* most common first, first seen first among equals (a stable insertion sort) */
	for (i = 1; i < distinct; i++) {
		const char		*b = blocs[i];
		igraph_integer_t	 c = counts[i];

		for (j = i; j > 0 && counts[j - 1] < c; j--) {
			blocs[j] = blocs[j - 1];
			counts[j] = counts[j - 1];
		}
		blocs[j] = b;
		counts[j] = c;
	}
	if (distinct == 0)
		return clout_i_asprintf("community %" IGRAPH_PRId, k);
	if (distinct == 1)
		return clout_i_asprintf("community %" IGRAPH_PRId " (%s)", k, blocs[0]);
	if (2 * counts[0] > with_bloc)
		return clout_i_asprintf("community %" IGRAPH_PRId " (mostly %s)", k, blocs[0]);
	name = clout_i_asprintf("community %" IGRAPH_PRId " (mixed: ", k);
	for (i = 0; i < distinct && name != NULL; i++) {
		if (i == 3 || 2 * covered > with_bloc) {
			next = clout_i_asprintf("%s, \xe2\x80\xa6", name);
			free(name);
			name = next;
			break;
		}
		covered += counts[i];
		next = clout_i_asprintf("%s%s%s", name, i > 0 ? ", " : "", blocs[i]);
		free(name);
		name = next;
	}
	if (name == NULL)
		return NULL;
	next = clout_i_asprintf("%s)", name);
	free(name);
	return next;
}

/* Each vertex's Leiden community (as clout blocs finds it) by name; "" without a positive relation. */
static igraph_error_t
community_names(struct map *m)
{
	const struct clout_network	*net = m->net;
	struct clout_communities	 c;
	igraph_integer_t		 v, k, n = clout_network_vcount(net), *counts;
	const char			**blocs;
	igraph_strvector_t		 names;

	IGRAPH_CHECK(clout_communities_init(&c));
	IGRAPH_FINALLY(clout_communities_destroy, &c);
	IGRAPH_CHECK(clout_communities_compute(net, CLOUT_BLOCS_SEED, &c));
	IGRAPH_CHECK(igraph_strvector_init(&names, 0));
	IGRAPH_FINALLY(igraph_strvector_destroy, &names);
	blocs = calloc((size_t)n + 1, sizeof blocs[0]);
	CLOUT_CHECK_ALLOC(blocs);
	IGRAPH_FINALLY(free, blocs);
	counts = calloc((size_t)n + 1, sizeof counts[0]);
	CLOUT_CHECK_ALLOC(counts);
	IGRAPH_FINALLY(free, counts);
	for (k = 0; k < c.leiden_count; k++) {
		char		*name = community_name(net, &c.leiden, k, blocs, counts);
		igraph_error_t	 ret;

		CLOUT_CHECK_ALLOC(name);
		ret = igraph_strvector_push_back(&names, name);
		free(name);
		IGRAPH_CHECK(ret);
	}
	IGRAPH_CHECK(igraph_strvector_init(&m->community, n));
	m->has_community = 1;
	m->modularity = c.modularity;
	for (v = 0; v < n; v++)
		if ((k = VECTOR(c.leiden)[v]) >= 0)
			IGRAPH_CHECK(igraph_strvector_set(&m->community, v,
			    igraph_strvector_get(&names, k)));
	free(counts);
	free(blocs);
	igraph_strvector_destroy(&names);
	clout_communities_destroy(&c);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

static const char *
category_of(const struct map *m, igraph_integer_t v, enum clout_map_colour by)
{
	const struct clout_network	*net = m->net;
	int				 issue = VECTOR(net->type)[v] == CLOUT_VERTEX_ISSUE;

	switch (by) {
	case CLOUT_COLOUR_BLOC:
		return issue ? NULL : igraph_strvector_get(&net->bloc, v);
	case CLOUT_COLOUR_KIND:
		return issue ? NULL : igraph_strvector_get(&net->kind, v);
	case CLOUT_COLOUR_COMMUNITY:
		/* issues too: a community gathers the issues its members push */
		return igraph_strvector_get(&m->community, v);
	default:
		return clout_vertex_type_name((enum clout_vertex_type)VECTOR(net->type)[v]);
	}
}

/*
 * The distinct non-empty categories of the whole network, in first-seen
 * order, with counts: colours are assigned over the whole case, so that
 * every map of it (an ego map, a top 10) shows a category in one colour.
 */
struct categories {
	const char		**names;
	igraph_integer_t	 *counts;
	const char		**colours;
	char			 *drawn;	/* category k has a drawn vertex */
	igraph_integer_t	  n;
	igraph_vector_int_t	  of;		/* drawing node -> category, -1 none, -2 issue */
	int			  has_none, has_issue;
};

static void
categories_destroy(struct categories *c)
{
	free(c->names);
	free(c->counts);
	free(c->colours);
	free(c->drawn);
	igraph_vector_int_destroy(&c->of);
}

static igraph_error_t
categories_collect(const struct map *m, enum clout_map_colour by, struct categories *c)
{
	igraph_integer_t	 i, k, v, n = clout_network_vcount(m->net);
	igraph_integer_t	 nv = igraph_vector_int_size(&m->vertices);
	igraph_integer_t	*of_vertex;
	struct clout_strmap	*seen;
	igraph_error_t		 ret = IGRAPH_SUCCESS;

	memset(c, 0, sizeof c[0]);
	IGRAPH_CHECK(igraph_vector_int_init(&c->of, nv));
	c->names = calloc((size_t)n + 1, sizeof c->names[0]);
	c->counts = calloc((size_t)n + 1, sizeof c->counts[0]);
	c->colours = calloc((size_t)n + 1, sizeof c->colours[0]);
	c->drawn = calloc((size_t)n + 1, 1);
	of_vertex = calloc((size_t)n + 1, sizeof of_vertex[0]);
	seen = clout_i_strmap_new();
	if (c->names == NULL || c->counts == NULL || c->colours == NULL || c->drawn == NULL ||
	    of_vertex == NULL || seen == NULL) {
		clout_i_strmap_free(seen);
		free(of_vertex);
		categories_destroy(c);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	for (v = 0; v < n && ret == IGRAPH_SUCCESS; v++) {
		const char	*name = category_of(m, v, by);
		igraph_integer_t existing = -1;

		if (name == NULL || name[0] == '\0') {
			of_vertex[v] = name == NULL ? -2 : -1;
			continue;
		}
		ret = clout_i_strmap_insert(seen, name, c->n, &existing);
		if (ret != IGRAPH_SUCCESS)
			break;
		k = existing >= 0 ? existing : c->n;
		if (existing < 0)
			c->names[c->n++] = name;
		c->counts[k]++;
		of_vertex[v] = k;
	}
	clout_i_strmap_free(seen);
	for (i = 0; i < nv && ret == IGRAPH_SUCCESS; i++) {
		k = of_vertex[VECTOR(m->vertices)[i]];
		VECTOR(c->of)[i] = k;
		if (k >= 0)
			c->drawn[k] = 1;
		c->has_none |= k == -1;
		c->has_issue |= k == -2;
	}
	free(of_vertex);
	if (ret == IGRAPH_SUCCESS)
		ret = clout_i_palette_assign(c->names, c->counts, c->n, c->colours);
	if (ret != IGRAPH_SUCCESS) {
		categories_destroy(c);
		IGRAPH_ERROR(ret == IGRAPH_ENOMEM ? "out of memory" : igraph_strerror(ret), ret);
	}
	return IGRAPH_SUCCESS;
}

/* Scale position of a metric value between the drawn extremes: 0..1, 0.5 when all are equal. */
static double
scale_of(double value, double lo, double hi)
{
	if (isnan(value) || isnan(lo))
		return 0;
	if (hi <= lo)
		return 0.5;
	return (value - lo) / (hi - lo);
}

static void
metric_range(const struct map *m, double *lo, double *hi)
{
	const igraph_vector_t	*size = &m->scores.values[m->opts->size_by];
	igraph_integer_t	 i;

	*lo = *hi = NAN;
	for (i = 0; i < igraph_vector_int_size(&m->vertices); i++) {
		double	x = VECTOR(*size)[VECTOR(m->vertices)[i]];

		if (!isfinite(x))
			continue;
		if (isnan(*lo) || x < *lo)
			*lo = x;
		if (isnan(*hi) || x > *hi)
			*hi = x;
	}
}

/* Circle diameter (inches) of the area the scale position stands for. */
static double
diameter_at(double t)
{
	return sqrt((AREA_MIN + (AREA_MAX - AREA_MIN) * t) * 4 / M_PI);
}

static char *
node_tooltip(const struct map *m, igraph_integer_t v)
{
	const struct clout_network	*net = m->net;
	const char			*kind = igraph_strvector_get(&net->kind, v);
	const char			*bloc = igraph_strvector_get(&net->bloc, v);
	const char			*role = igraph_strvector_get(&net->role, v);
	const char			*notes = igraph_strvector_get(&net->notes, v);
	char				*text, *next;
	int				 k;

	text = clout_i_asprintf("%s (%s)\n%s%s%s%s%s%s%s%s%s\n", igraph_strvector_get(&net->label, v),
	    igraph_strvector_get(&net->id, v),
	    clout_vertex_type_name((enum clout_vertex_type)VECTOR(net->type)[v]),
	    kind[0] ? ", " : "", kind, bloc[0] ? ", bloc " : "", bloc,
	    role[0] ? "\nrole: " : "", role, notes[0] ? "\n" : "", notes);
	for (k = 0; k < CLOUT_METRIC_COUNT && text != NULL; k++) {
		double	x;

		if (!(m->scores.computed & (1u << k)))
			continue;
		x = VECTOR(m->scores.values[k])[v];
		if (x == 0)
			x = 0;	/* igraph may give -0, which reads as a sign */
		if (k == CLOUT_METRIC_REACH)
			next = clout_i_asprintf("%s\n%s %.0f", text, clout_metric_info(k)->name, x);
		else if (isnan(x))
			next = clout_i_asprintf("%s\n%s undefined", text, clout_metric_info(k)->name);
		else
			next = clout_i_asprintf("%s\n%s %.4g", text, clout_metric_info(k)->name, x);
		free(text);
		text = next;
	}
	return text;
}

static char *
edge_tooltip(const struct map *m, igraph_integer_t e)
{
	const struct clout_network	*net = m->net;
	igraph_integer_t		 from = IGRAPH_FROM(&net->graph, e), to = IGRAPH_TO(&net->graph, e);
	const char			*kind = igraph_strvector_get(&net->edge_kind, e);
	const char			*evidence = igraph_strvector_get(&net->evidence, e);

	return clout_i_asprintf("%s %s %s\n%s, weight %g, confidence %g%s%s%s%s",
	    igraph_strvector_get(&net->label, from), net->directed ? "\xe2\x86\x92" : "\xe2\x80\x94",
	    igraph_strvector_get(&net->label, to),
	    VECTOR(net->sign)[e] < 0 ? "opposes (-)" : "supports (+)", VECTOR(net->weight)[e],
	    VECTOR(net->confidence)[e], kind[0] ? ", " : "", kind, evidence[0] ? "\n" : "", evidence);
}

static igraph_error_t
set_owned(char **slot, char *text)
{
	CLOUT_CHECK_ALLOC(text);
	*slot = text;
	return IGRAPH_SUCCESS;
}

static double
edge_alpha(double confidence)
{
	return 0.2 + 0.7 * (isnan(confidence) ? 1 : confidence);
}

static void
edge_colour(char out[10], int opposes, double confidence)
{
	snprintf(out, 10, "%s%02X", opposes ? COLOUR_OPPOSES : COLOUR_SUPPORTS,
	    (unsigned int)lround(255 * edge_alpha(confidence)));
}

static igraph_error_t
add_nodes(struct map *m, const struct categories *c, double lo, double hi)
{
	const struct clout_network	*net = m->net;
	const igraph_vector_t		*size = &m->scores.values[m->opts->size_by];
	igraph_integer_t		 i, nv = igraph_vector_int_size(&m->vertices);

	for (i = 0; i < nv; i++) {
		igraph_integer_t		 v = VECTOR(m->vertices)[i], k = VECTOR(c->of)[i];
		struct clout_drawing_node	*n;
		int				 g = shape_of(net, v);
		double				 t = scale_of(VECTOR(*size)[v], lo, hi);
		double				 area = AREA_MIN + (AREA_MAX - AREA_MIN) * t;

		IGRAPH_CHECK(clout_drawing_add_node(m->d, igraph_strvector_get(&net->id, v),
		    igraph_strvector_get(&net->label, v), &n));
		IGRAPH_CHECK(set_owned(&n->tooltip, node_tooltip(m, v)));
		IGRAPH_CHECK(set_owned(&n->classes, clout_i_strdup(
		    VECTOR(net->type)[v] == CLOUT_VERTEX_ISSUE ? "issue" : "actor")));
		n->shape = shapes[g].shape;
		/* equal areas for equal values, whatever the shape */
		n->width = n->height = sqrt(area / shapes[g].area);
		n->fontsize = round((FONT_MIN + (FONT_MAX - FONT_MIN) * t) * 2) / 2;
		snprintf(n->fill, sizeof n->fill, "%s", k >= 0 ? c->colours[k] :
		    k == -2 ? COLOUR_ISSUE : CLOUT_I_COLOUR_NONE);
		n->emphasis = v == m->focus;
	}
	return IGRAPH_SUCCESS;
}

static igraph_error_t
add_clusters(struct map *m)
{
	struct categories	c;
	igraph_integer_t	i, k, index;
	igraph_vector_int_t	cluster;
	enum clout_map_colour	by = m->opts->cluster_by == CLOUT_GROUP_BLOC ? CLOUT_COLOUR_BLOC :
				    CLOUT_COLOUR_KIND;

	if (m->opts->cluster_by == CLOUT_GROUP_NONE)
		return IGRAPH_SUCCESS;
	IGRAPH_CHECK(categories_collect(m, by, &c));
	IGRAPH_FINALLY(categories_destroy, &c);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&cluster, c.n);
	/* clusters of the drawn categories, in name order, so the DOT source does not depend on row order */
	for (k = 0; k < c.n; k++) {
		igraph_integer_t	before = 0, j;

		for (j = 0; j < c.n; j++)
			before += c.drawn[j] && strcmp(c.names[j], c.names[k]) < 0;
		VECTOR(cluster)[k] = c.drawn[k] ? before : -1;
	}
	for (k = 0; k < c.n; k++)
		for (i = 0; i < c.n; i++)
			if (VECTOR(cluster)[i] == k)
				IGRAPH_CHECK(clout_drawing_add_cluster(m->d, c.names[i], &index));
	for (i = 0; i < m->d->nnodes; i++) {
		k = VECTOR(c.of)[i];
		m->d->nodes[i].cluster = k >= 0 ? VECTOR(cluster)[k] : -1;
	}
	igraph_vector_int_destroy(&cluster);
	categories_destroy(&c);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

static igraph_error_t
add_edges(struct map *m, double *wmax)
{
	const struct clout_network	*net = m->net;
	igraph_integer_t		 i, ne = igraph_vector_int_size(&m->edges);

	*wmax = 0;
	for (i = 0; i < ne; i++)
		if (VECTOR(net->weight)[VECTOR(m->edges)[i]] > *wmax)
			*wmax = VECTOR(net->weight)[VECTOR(m->edges)[i]];
	for (i = 0; i < ne; i++) {
		igraph_integer_t		 e = VECTOR(m->edges)[i];
		struct clout_drawing_edge	*de;
		int				 opposes = VECTOR(net->sign)[e] < 0;
		double				 pen = PEN_MAX * VECTOR(net->weight)[e] / *wmax;

		IGRAPH_CHECK(clout_drawing_add_edge(m->d,
		    VECTOR(m->node_of)[IGRAPH_FROM(&net->graph, e)],
		    VECTOR(m->node_of)[IGRAPH_TO(&net->graph, e)], &de));
		IGRAPH_CHECK(set_owned(&de->tooltip, edge_tooltip(m, e)));
		IGRAPH_CHECK(set_owned(&de->classes, clout_i_strdup(opposes ? "opposes" : "supports")));
		de->penwidth = pen < PEN_MIN ? PEN_MIN : pen;
		edge_colour(de->colour, opposes, VECTOR(net->confidence)[e]);
		de->dashed = opposes;
		de->tee = opposes && net->directed;
	}
	return IGRAPH_SUCCESS;
}

/* "a, b, c" of the kinds drawn with one shape, at most four. */
static char *
kinds_with_shape(const struct map *m, int g)
{
	const char		*listed[4];
	igraph_integer_t	 i;
	int			 n = 0, more = 0, j;
	char			*text = clout_i_strdup(shapes[g].what), *next;

	for (i = 0; i < igraph_vector_int_size(&m->vertices) && text != NULL; i++) {
		igraph_integer_t	 v = VECTOR(m->vertices)[i];
		const char		*kind = igraph_strvector_get(&m->net->kind, v);

		if (shape_of(m->net, v) != g || kind[0] == '\0')
			continue;
		for (j = 0; j < n && strcmp(listed[j], kind) != 0; j++)
			;
		if (j < n)
			continue;
		if (n == 4) {
			more = 1;
			continue;
		}
		listed[n] = kind;
		next = clout_i_asprintf("%s%s%s", text, n == 0 ? ": " : ", ", kind);
		free(text);
		text = next;
		n++;
	}
	if (more && text != NULL) {
		next = clout_i_asprintf("%s, \xe2\x80\xa6", text);
		free(text);
		text = next;
	}
	return text;
}

static igraph_error_t
add_row(struct clout_legend_section *s, enum clout_legend_mark mark, const char *colour,
    char *text, struct clout_legend_row **row)
{
	igraph_error_t	ret;

	CLOUT_CHECK_ALLOC(text);
	ret = clout_legend_add_row(s, mark, colour, text, row);
	free(text);
	return ret;
}

/* Legend order: by name; communities by number, which is their first-seen order. */
static int
legend_cmp(const struct map *m, const struct categories *c, igraph_integer_t i, igraph_integer_t j)
{
	if (m->opts->colour_by == CLOUT_COLOUR_COMMUNITY)
		return i < j ? -1 : i > j;
	return strcmp(c->names[i], c->names[j]);
}

static igraph_error_t
add_legend(struct map *m, const struct categories *c, double lo, double hi, double wmax)
{
	const struct clout_network	*net = m->net;
	const char			*metric = clout_metric_info(m->opts->size_by)->name;
	struct clout_legend_section	*s;
	struct clout_legend_row		*r;
	igraph_integer_t		 i, k;
	int				 g, present[SHAPE_COUNT] = { 0 }, others = 0;
	double				 cmin = INFINITY, cmax = -INFINITY, wmin = INFINITY;
	int				 supports = 0, opposes = 0;

	/* colours, in name order (communities: in number order) as the palette assigned them */
	IGRAPH_CHECK(clout_drawing_add_section(m->d, colour_names[m->opts->colour_by], &s));
	{
		/* a selection sort, skipping the categories pooled as "other" */
		igraph_integer_t	last = -1;

		for (k = 0; k < c->n; k++) {
			igraph_integer_t	best = -1;

			for (i = 0; i < c->n; i++) {
				if (!c->drawn[i])
					continue;
				if (strcmp(c->colours[i], CLOUT_I_COLOUR_OTHER) == 0) {
					others += k == 0;
					continue;
				}
				if (last >= 0 && legend_cmp(m, c, i, last) <= 0)
					continue;
				if (best < 0 || legend_cmp(m, c, i, best) < 0)
					best = i;
			}
			if (best < 0)
				break;
			IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_SWATCH, c->colours[best],
			    c->names[best], &r));
			last = best;
		}
	}
	if (others > 0)
		IGRAPH_CHECK(add_row(s, CLOUT_MARK_SWATCH, CLOUT_I_COLOUR_OTHER,
		    clout_i_asprintf("%d other %s", others, others == 1 ? "category" : "categories"), &r));
	if (c->has_none)
		IGRAPH_CHECK(add_row(s, CLOUT_MARK_SWATCH, CLOUT_I_COLOUR_NONE,
		    clout_i_asprintf("no %s", colour_names[m->opts->colour_by]), &r));
	if (c->has_issue)
		IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_SWATCH, COLOUR_ISSUE, "issue", &r));

	/* shapes present */
	for (i = 0; i < igraph_vector_int_size(&m->vertices); i++)
		present[shape_of(net, VECTOR(m->vertices)[i])] = 1;
	IGRAPH_CHECK(clout_drawing_add_section(m->d, "shape", &s));
	for (g = 0; g < SHAPE_COUNT; g++) {
		if (!present[g])
			continue;
		IGRAPH_CHECK(add_row(s, CLOUT_MARK_GLYPH, "#555555", kinds_with_shape(m, g), &r));
		r->glyph = shapes[g].glyph;
		r->size = 14;
	}

	if (m->focus >= 0) {
		IGRAPH_CHECK(add_row(s, CLOUT_MARK_GLYPH, "#222222", clout_i_asprintf("bold outline: %s, "
		    "the focus", igraph_strvector_get(&net->label, m->focus)), &r));
		r->glyph = "\xe2\x97\x8b";	/* ○ */
		r->size = 14;
	}

	/* size: circles as large as on the map */
	IGRAPH_CHECK(clout_drawing_add_section(m->d, metric, &s));
	s->across = 1;
	if (isnan(lo)) {
		IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_GLYPH, "#888888", "undefined", &r));
		r->glyph = shapes[SHAPE_PERSON].glyph;
		r->size = diameter_at(0) * 72 / DOT_GLYPH_EM;
	} else {
		double	values[3] = { lo, (lo + hi) / 2, hi };
		int	j, rows = hi > lo ? 3 : 1;

		for (j = 0; j < rows; j++) {
			IGRAPH_CHECK(add_row(s, CLOUT_MARK_GLYPH, "#888888",
			    clout_i_asprintf("%.3g", values[j]), &r));
			r->glyph = shapes[SHAPE_PERSON].glyph;
			r->size = diameter_at(scale_of(values[j], lo, hi)) * 72 / DOT_GLYPH_EM;
		}
	}

	/* relations */
	for (i = 0; i < igraph_vector_int_size(&m->edges); i++) {
		igraph_integer_t	e = VECTOR(m->edges)[i];
		double			x = VECTOR(net->confidence)[e];

		supports += VECTOR(net->sign)[e] > 0;
		opposes += VECTOR(net->sign)[e] < 0;
		if (x < cmin)
			cmin = x;
		if (x > cmax)
			cmax = x;
		if (VECTOR(net->weight)[e] < wmin)
			wmin = VECTOR(net->weight)[e];
	}
	if (igraph_vector_int_size(&m->edges) > 0) {
		char	colour[10];
		double	pen;

		IGRAPH_CHECK(clout_drawing_add_section(m->d, "relations", &s));
		if (supports) {
			edge_colour(colour, 0, 1);
			IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_LINE, colour, "supports (+)", &r));
			r->size = 2;
		}
		if (opposes) {
			edge_colour(colour, 1, 1);
			IGRAPH_CHECK(clout_legend_add_row(s, CLOUT_MARK_LINE, colour, "opposes (-)", &r));
			r->size = 2;
			r->dashed = r->tee = 1;
		}
		edge_colour(colour, 0, 1);
		IGRAPH_CHECK(add_row(s, CLOUT_MARK_LINE, colour, clout_i_asprintf("weight %g", wmax), &r));
		r->size = PEN_MAX;
		if (wmin < wmax) {
			pen = PEN_MAX * wmin / wmax;
			IGRAPH_CHECK(add_row(s, CLOUT_MARK_LINE, colour,
			    clout_i_asprintf("weight %g", wmin), &r));
			r->size = pen < PEN_MIN ? PEN_MIN : pen;
		}
		if (cmin < cmax) {
			edge_colour(colour, 0, cmax);
			IGRAPH_CHECK(add_row(s, CLOUT_MARK_LINE, colour,
			    clout_i_asprintf("confidence %g", cmax), &r));
			r->size = 2;
			edge_colour(colour, 0, cmin);
			IGRAPH_CHECK(add_row(s, CLOUT_MARK_LINE, colour,
			    clout_i_asprintf("confidence %g", cmin), &r));
			r->size = 2;
		}
	}
	for (i = 0; i < s->nrows && !net->directed && strcmp(s->title, "relations") == 0; i++) {
		s->rows[i].no_head = 1;	/* an undirected map draws no arrowheads */
		s->rows[i].tee = 0;
	}
	return IGRAPH_SUCCESS;
}

/* Append a line to the caption. */
static igraph_error_t
caption_add(struct clout_drawing *d, char *line)
{
	char	*next;

	CLOUT_CHECK_ALLOC(line);
	next = d->caption == NULL ? clout_i_strdup(line) : clout_i_asprintf("%s\n%s", d->caption, line);
	free(line);
	CLOUT_CHECK_ALLOC(next);
	free(d->caption);
	d->caption = next;
	return IGRAPH_SUCCESS;
}

static igraph_error_t
add_titles(struct map *m, double lo, double hi)
{
	const struct clout_network	*net = m->net;
	const struct clout_map_options	*opts = m->opts;
	struct clout_drawing		*d = m->d;
	const char			*title = opts->title, *period = clout_network_info(net, "period");
	const char			*date = clout_network_info(net, "date");
	const char			*metric = clout_metric_info(opts->size_by)->name;
	igraph_integer_t		 nv = igraph_vector_int_size(&m->vertices);
	igraph_integer_t		 ne = igraph_vector_int_size(&m->edges);

	if (title != NULL && clout_i_utf8_invalid(title, strlen(title)) >= 0)
		IGRAPH_ERROR("the title is not valid UTF-8 text", IGRAPH_EINVAL);
	if (title == NULL)
		title = clout_network_info(net, "title");
	if (title == NULL && net->name != NULL &&
	    clout_i_utf8_invalid(net->name, strlen(net->name)) < 0)
		title = net->name;
	if (title == NULL)
		title = "Influence map";
	d->title = clout_i_strdup(title);
	d->name = clout_i_strdup(net->name != NULL ? net->name : "clout");
	CLOUT_CHECK_ALLOC(d->title);
	CLOUT_CHECK_ALLOC(d->name);
	if (period != NULL && date != NULL)
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Period: %s \xc2\xb7 data as of %s",
		    period, date)));
	else if (period != NULL)
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Period: %s", period)));
	else if (date != NULL)
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Data as of %s", date)));
	if (m->focus >= 0)
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Ego map of %s: %s, up to %" IGRAPH_PRId
		    " step%s", igraph_strvector_get(&net->label, m->focus), net->directed ?
		    "who it influences and who influences it" : "everyone tied to it",
		    opts->depth, opts->depth == 1 ? "" : "s")));
	IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Shape area: %s%s, computed on the whole "
	    "case \xc2\xb7 colour: %s \xc2\xb7 %" IGRAPH_PRId " of %" IGRAPH_PRId " %s, %"
	    IGRAPH_PRId " of %" IGRAPH_PRId " relations \xc2\xb7 layout: %s", metric,
	    isnan(lo) ? " (undefined here)" : hi > lo ? "" : " (equal for all)",
	    colour_names[opts->colour_by], nv, clout_network_vcount(net),
	    opts->actors_only ? "vertices (actors only)" : "vertices", ne, clout_network_ecount(net),
	    clout_engine_name(d->engine))));
	if (m->has_community)
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Communities: Leiden, maximising "
		    "modularity (%.3f) over the positive relations, seed %d, numbered as "
		    "'clout blocs' numbers them", m->modularity, CLOUT_BLOCS_SEED)));
	if (m->thinned_vertices != NULL)
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Vertices: the top %" IGRAPH_PRId
		    " by %s%s", opts->top >= 0 ? opts->top : (igraph_integer_t)CLOUT_MAP_LARGE_TOP,
		    metric, strcmp(m->thinned_vertices, "large") == 0 ?
		    " (the network is too large to draw whole)" : "")));
	if (opts->min_weight > 0)
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Relations: weight at least %g",
		    opts->min_weight)));
	if (!isnan(m->threshold))
		IGRAPH_CHECK(caption_add(d, clout_i_asprintf("Relations: the strongest %" IGRAPH_PRId
		    " of %" IGRAPH_PRId ", weight at least %.6g (the map is too dense to draw whole)",
		    ne, m->candidate_edges, m->threshold)));
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_map_build(const struct clout_network *net, const struct clout_map_options *opts,
    struct clout_drawing *drawing, igraph_strvector_t *notices)
{
	struct map		m;
	struct categories	c;
	unsigned int		mask;
	double			lo, hi, wmax;
	igraph_integer_t	n = clout_network_vcount(net), ecount = clout_network_ecount(net);
	int			k;

	if (opts->size_by < 0 || opts->size_by >= CLOUT_METRIC_COUNT)
		IGRAPH_ERROR("unknown size metric", IGRAPH_EINVAL);
	if (opts->colour_by < 0 || opts->colour_by >= CLOUT_COLOUR_COUNT ||
	    opts->cluster_by < 0 || opts->cluster_by >= CLOUT_GROUP_COUNT)
		IGRAPH_ERROR("unknown map option", IGRAPH_EINVAL);
	if (opts->depth < 1)
		IGRAPH_ERROR("the depth of an ego map must be at least 1", IGRAPH_EINVAL);
	if (!(opts->min_weight >= 0))
		IGRAPH_ERROR("the minimum weight must be a number of at least 0", IGRAPH_EINVAL);

	memset(&m, 0, sizeof m);
	m.net = net;
	m.opts = opts;
	m.d = drawing;
	m.notices = notices;
	m.focus = -1;
	if (opts->focus != NULL) {
		const char	*near;

		m.focus = clout_network_find(net, opts->focus);
		if (m.focus < 0) {
			near = closest_id(net, opts->focus);
			IGRAPH_ERRORF("no actor or issue has the id '%s'%s%s%s", IGRAPH_EINVAL,
			    opts->focus, near ? " (did you mean '" : "", near ? near : "",
			    near ? "'?)" : "");
		}
		if (opts->actors_only && VECTOR(net->type)[m.focus] == CLOUT_VERTEX_ISSUE)
			IGRAPH_ERRORF("'%s' is an issue, and --actors-only leaves issues out",
			    IGRAPH_EINVAL, opts->focus);
	}

	IGRAPH_CHECK(clout_scores_init(&m.scores));
	if (igraph_vector_int_init(&m.vertices, 0) != IGRAPH_SUCCESS ||
	    igraph_vector_int_init(&m.node_of, 0) != IGRAPH_SUCCESS ||
	    igraph_vector_int_init(&m.edges, 0) != IGRAPH_SUCCESS) {
		/* init leaves a failed vector empty: destroying all three is safe after memset */
		map_destroy(&m);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	IGRAPH_FINALLY(map_destroy, &m);

	/* every metric for the tooltips, but the O(|V||E|) ones only where they are quick */
	mask = 0;
	for (k = 0; k < CLOUT_METRIC_COUNT; k++)
		mask |= 1u << k;
	if ((double)n * (double)(n + ecount) > PATH_METRICS_MAX_WORK)
		mask &= ~((1u << CLOUT_METRIC_BETWEENNESS) | (1u << CLOUT_METRIC_HARMONIC_OUT) |
		    (1u << CLOUT_METRIC_HARMONIC_IN) | (1u << CLOUT_METRIC_REACH));
	if (!(mask & (1u << opts->size_by)))
		IGRAPH_ERRORF("%s on %" IGRAPH_PRId " vertices and %" IGRAPH_PRId " relations would "
		    "take minutes (one shortest-path search per vertex): size the map by power, "
		    "exposure, a strength, hub or authority", IGRAPH_EINVAL,
		    clout_metric_info(opts->size_by)->name, n, ecount);
	IGRAPH_CHECK(clout_rank_compute(net, mask, &m.scores));

	drawing->undirected = !net->directed;
	IGRAPH_CHECK(select_vertices(&m));
	IGRAPH_CHECK(select_edges(&m));
	IGRAPH_CHECK(choose_engine(&m));

	metric_range(&m, &lo, &hi);
	if (opts->colour_by == CLOUT_COLOUR_COMMUNITY)
		IGRAPH_CHECK(community_names(&m));
	IGRAPH_CHECK(categories_collect(&m, opts->colour_by, &c));
	IGRAPH_FINALLY(categories_destroy, &c);
	IGRAPH_CHECK(add_nodes(&m, &c, lo, hi));
	IGRAPH_CHECK(add_clusters(&m));
	IGRAPH_CHECK(add_edges(&m, &wmax));
	IGRAPH_CHECK(add_titles(&m, lo, hi));
	IGRAPH_CHECK(add_legend(&m, &c, lo, hi, wmax));
	categories_destroy(&c);
	map_destroy(&m);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}
