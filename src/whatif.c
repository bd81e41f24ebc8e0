/* whatif.c: scenarios (actors removed, relations dropped or flipped) and the knock-out report. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

igraph_error_t
clout_scenario_init(struct clout_scenario *s, const struct clout_network *net)
{
	IGRAPH_CHECK(igraph_vector_bool_init(&s->remove, clout_network_vcount(net)));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &s->remove);
	IGRAPH_CHECK(igraph_vector_bool_init(&s->drop, clout_network_ecount(net)));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &s->drop);
	IGRAPH_CHECK(igraph_vector_bool_init(&s->flip, clout_network_ecount(net)));
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

void
clout_scenario_destroy(struct clout_scenario *s)
{
	igraph_vector_bool_destroy(&s->flip);
	igraph_vector_bool_destroy(&s->drop);
	igraph_vector_bool_destroy(&s->remove);
}

igraph_error_t
clout_scenario_remove(struct clout_scenario *s, const struct clout_network *net, const char *ids)
{
	const char	*start = ids, *end;
	char		*id;
	igraph_integer_t v;

	/* an id that holds a comma can still be named on its own */
	if ((v = clout_network_find(net, ids)) >= 0) {
		VECTOR(s->remove)[v] = 1;
		return IGRAPH_SUCCESS;
	}
	do {
		end = strchr(start, ',');
		if (end == NULL)
			end = start + strlen(start);
		id = clout_i_strndup(start, (size_t)(end - start));
		CLOUT_CHECK_ALLOC(id);
		v = clout_network_find(net, id);
		if (v < 0) {
			IGRAPH_FINALLY(free, id);
			IGRAPH_ERRORF("no actor or issue has the id '%s'", IGRAPH_EINVAL, id);
		}
		free(id);
		VECTOR(s->remove)[v] = 1;
		start = end + 1;
	} while (*end != '\0');
	return IGRAPH_SUCCESS;
}

/*
 * The relation named "SOURCE:TARGET". Ids may contain colons, so every split
 * is tried: the one naming an existing relation wins, else the one naming
 * two vertices explains what is missing.
 */
static igraph_error_t
find_relation(const struct clout_network *net, const char *text, igraph_integer_t *edge)
{
	const char		*colon = strchr(text, ':');
	igraph_integer_t	 from = -1, to = -1, vertex_splits = 0, relations = 0, a, b, e;
	char			*left;

	if (colon == NULL)
		IGRAPH_ERRORF("'%s' names no relation: write SOURCE:TARGET", IGRAPH_EINVAL, text);
	for (; colon != NULL; colon = strchr(colon + 1, ':')) {
		left = clout_i_strndup(text, (size_t)(colon - text));
		CLOUT_CHECK_ALLOC(left);
		a = clout_network_find(net, left);
		free(left);
		b = clout_network_find(net, colon + 1);
		if (a < 0 || b < 0)
			continue;
		IGRAPH_CHECK(igraph_get_eid(&net->graph, &e, a, b, net->directed, 0));
		if (e >= 0 && relations++ == 0)
			*edge = e;
		if (vertex_splits++ == 0 || e >= 0) {
			from = a;
			to = b;
		}
	}
	if (relations > 1)
		IGRAPH_ERRORF("'%s' names more than one relation: its ids hold colons",
		    IGRAPH_EINVAL, text);
	if (relations == 1)
		return IGRAPH_SUCCESS;
	if (vertex_splits > 0)
		IGRAPH_ERRORF("there is no relation from '%s' to '%s'", IGRAPH_EINVAL,
		    igraph_strvector_get(&net->id, from), igraph_strvector_get(&net->id, to));
	colon = strchr(text, ':');
	if (strchr(colon + 1, ':') == NULL) {
		/* one way to read it: say which side is unknown */
		left = clout_i_strndup(text, (size_t)(colon - text));
		CLOUT_CHECK_ALLOC(left);
		a = clout_network_find(net, left);
		IGRAPH_FINALLY(free, left);
		IGRAPH_ERRORF("no actor or issue has the id '%s'", IGRAPH_EINVAL,
		    a < 0 ? left : colon + 1);
	}
	IGRAPH_ERRORF("'%s' does not name two known ids as SOURCE:TARGET", IGRAPH_EINVAL, text);
}

igraph_error_t
clout_scenario_drop(struct clout_scenario *s, const struct clout_network *net, const char *relation)
{
	igraph_integer_t	edge;

	IGRAPH_CHECK(find_relation(net, relation, &edge));
	VECTOR(s->drop)[edge] = 1;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_scenario_flip(struct clout_scenario *s, const struct clout_network *net, const char *relation)
{
	igraph_integer_t	edge;

	IGRAPH_CHECK(find_relation(net, relation, &edge));
	/* flipping twice turns it back, as a person would expect */
	VECTOR(s->flip)[edge] = !VECTOR(s->flip)[edge];
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_whatif_init(struct clout_whatif *w)
{
	igraph_vector_t		*reals[] = { &w->score_before, &w->score_after };
	igraph_vector_int_t	*ints[] = { &w->rank_before, &w->rank_after, &w->reach_before,
	    &w->reach_after, &w->reach_lost, &w->sector_before, &w->sector_after,
	    &w->camp_before, &w->camp_after };
	size_t			 i, j;

	memset(w, 0, sizeof *w);
	for (i = 0; i < sizeof reals / sizeof reals[0]; i++) {
		if (igraph_vector_init(reals[i], 0) != IGRAPH_SUCCESS) {
			while (i-- > 0)
				igraph_vector_destroy(reals[i]);
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		}
	}
	for (j = 0; j < sizeof ints / sizeof ints[0]; j++) {
		if (igraph_vector_int_init(ints[j], 0) != IGRAPH_SUCCESS) {
			while (j-- > 0)
				igraph_vector_int_destroy(ints[j]);
			for (i = 0; i < sizeof reals / sizeof reals[0]; i++)
				igraph_vector_destroy(reals[i]);
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		}
	}
	return IGRAPH_SUCCESS;
}

void
clout_whatif_destroy(struct clout_whatif *w)
{
	igraph_vector_destroy(&w->score_before);
	igraph_vector_destroy(&w->score_after);
	igraph_vector_int_destroy(&w->rank_before);
	igraph_vector_int_destroy(&w->rank_after);
	igraph_vector_int_destroy(&w->reach_before);
	igraph_vector_int_destroy(&w->reach_after);
	igraph_vector_int_destroy(&w->reach_lost);
	igraph_vector_int_destroy(&w->sector_before);
	igraph_vector_int_destroy(&w->sector_after);
	igraph_vector_int_destroy(&w->camp_before);
	igraph_vector_int_destroy(&w->camp_after);
}

/* One metric of every vertex. */
static igraph_error_t
metric_scores(const struct clout_network *net, enum clout_metric metric, igraph_vector_t *res)
{
	struct clout_scores	scores;

	IGRAPH_CHECK(clout_scores_init(&scores));
	IGRAPH_FINALLY(clout_scores_destroy, &scores);
	IGRAPH_CHECK(clout_rank_compute(net, 1u << metric, &scores));
	IGRAPH_CHECK(igraph_vector_update(res, &scores.values[metric]));
	clout_scores_destroy(&scores);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* rank[v]: 1-based place of v in `clout rank`'s order of score. */
static igraph_error_t
ranks(const struct clout_network *net, const igraph_vector_t *score, igraph_vector_int_t *rank)
{
	igraph_integer_t	i, n = igraph_vector_size(score);
	igraph_vector_int_t	order;

	IGRAPH_CHECK(igraph_vector_int_init_range(&order, 0, n));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &order);
	clout_rank_sort(net, score, &order);
	IGRAPH_CHECK(igraph_vector_int_resize(rank, n));
	for (i = 0; i < n; i++)
		VECTOR(*rank)[VECTOR(order)[i]] = i + 1;
	igraph_vector_int_destroy(&order);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/*
 * Sectors of the attenuated MICMAC sums, with alpha (NaN: the default,
 * checked against rho(M)); *used: the alpha. A given alpha is that of the
 * network before the scenario, which the network after cannot exceed.
 */
static igraph_error_t
micmac_sectors(const struct clout_network *net, double alpha, igraph_vector_int_t *sector,
    double *used)
{
	struct clout_micmac	mm;

	IGRAPH_CHECK(clout_micmac_init(&mm));
	IGRAPH_FINALLY(clout_micmac_destroy, &mm);
	if (isnan(alpha))
		IGRAPH_CHECK(clout_micmac_compute(net, alpha, &mm));
	else
		IGRAPH_CHECK(clout_micmac_sums(net, alpha, &mm));
	IGRAPH_CHECK(igraph_vector_int_update(sector, &mm.indirect_sector));
	*used = mm.alpha;
	clout_micmac_destroy(&mm);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* The network after the scenario; map[v] is v's vertex there, or -1. */
static igraph_error_t
apply_scenario(const struct clout_network *net, const struct clout_scenario *s,
    struct clout_network *after, igraph_vector_int_t *map)
{
	igraph_integer_t	i, n = clout_network_vcount(net), m = clout_network_ecount(net);
	igraph_vector_bool_t	keep_vertex, keep_edge;

	IGRAPH_CHECK(igraph_vector_bool_init(&keep_vertex, n));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &keep_vertex);
	IGRAPH_CHECK(igraph_vector_bool_init(&keep_edge, m));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &keep_edge);
	for (i = 0; i < n; i++)
		VECTOR(keep_vertex)[i] = !VECTOR(s->remove)[i];
	for (i = 0; i < m; i++)
		VECTOR(keep_edge)[i] = !VECTOR(s->drop)[i];
	IGRAPH_CHECK(clout_network_subset(net, &keep_vertex, &keep_edge, &s->flip, after, map));
	igraph_vector_bool_destroy(&keep_edge);
	igraph_vector_bool_destroy(&keep_vertex);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

/*
 * For every vertex u still present, how many vertices still present it
 * reached in the network before the scenario (u itself not counted).
 */
static igraph_error_t
reach_among_present(const igraph_t *before, const igraph_vector_int_t *map,
    igraph_vector_int_t *count)
{
	igraph_integer_t	u, i, n = igraph_vcount(before);
	igraph_vector_int_t	order;

	IGRAPH_CHECK(igraph_vector_int_resize(count, n));
	igraph_vector_int_fill(count, -1);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&order, 0);
	for (u = 0; u < n; u++) {
		if (VECTOR(*map)[u] < 0)
			continue;
		IGRAPH_CHECK(igraph_bfs_simple(before, u, IGRAPH_OUT, &order, NULL, NULL));
		VECTOR(*count)[u] = 0;
		for (i = 1; i < igraph_vector_int_size(&order); i++)	/* order[0] is u */
			VECTOR(*count)[u] += VECTOR(*map)[VECTOR(order)[i]] >= 0;
	}
	igraph_vector_int_destroy(&order);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* after-values indexed by the original vertices: -1 or NaN where removed */
static igraph_error_t
spread_int(const igraph_vector_int_t *after, const igraph_vector_int_t *map,
    igraph_vector_int_t *res)
{
	igraph_integer_t	v, n = igraph_vector_int_size(map);

	IGRAPH_CHECK(igraph_vector_int_resize(res, n));
	for (v = 0; v < n; v++)
		VECTOR(*res)[v] = VECTOR(*map)[v] >= 0 ? VECTOR(*after)[VECTOR(*map)[v]] : -1;
	return IGRAPH_SUCCESS;
}

static igraph_error_t
spread_real(const igraph_vector_t *after, const igraph_vector_int_t *map, igraph_vector_t *res)
{
	igraph_integer_t	v, n = igraph_vector_int_size(map);

	IGRAPH_CHECK(igraph_vector_resize(res, n));
	for (v = 0; v < n; v++)
		VECTOR(*res)[v] = VECTOR(*map)[v] >= 0 ? VECTOR(*after)[VECTOR(*map)[v]] : NAN;
	return IGRAPH_SUCCESS;
}

/*
 * Renumber the camps after a scenario (after[v] for the original vertices,
 * -1 where removed or without a signed tie) so that each matches the camp
 * before it overlaps most, by the assignment of largest total overlap.
 * Camps are numbered by their smallest id, and removing that vertex would
 * otherwise swap the numbers of camps that did not change.
 */
static igraph_error_t
align_camps(const igraph_vector_int_t *before, igraph_integer_t before_count,
    igraph_vector_int_t *after, igraph_integer_t after_count)
{
	igraph_integer_t	k = before_count > after_count ? before_count : after_count;
	igraph_integer_t	v, i, j, n = igraph_vector_int_size(after), fresh = before_count;
	igraph_matrix_t		overlap, cost;
	igraph_vector_int_t	assign, rename;
	const char		*section;
	igraph_error_t		ret;

	if (k == 0)
		return IGRAPH_SUCCESS;
	IGRAPH_MATRIX_INIT_FINALLY(&overlap, k, k);
	IGRAPH_MATRIX_INIT_FINALLY(&cost, k, k);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&assign, k);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&rename, k);
	for (v = 0; v < n; v++)
		if (VECTOR(*before)[v] >= 0 && VECTOR(*after)[v] >= 0)
			MATRIX(overlap, VECTOR(*before)[v], VECTOR(*after)[v]) += 1;
	/* the solver minimises: the cost of a pairing is what it leaves unmatched */
	for (i = 0; i < k; i++)
		for (j = 0; j < k; j++)
			MATRIX(cost, i, j) = (double)n - MATRIX(overlap, i, j);
	section = clout_i_fatal_enter("the assignment solver (igraph 0.10.2)");
	ret = igraph_solve_lsap(&cost, k, &assign);
	clout_i_fatal_leave(section);
	IGRAPH_CHECK(ret);
	igraph_vector_int_fill(&rename, -1);
	for (i = 0; i < k; i++) {
		j = VECTOR(assign)[i];		/* before camp i takes after camp j */
		if (j < after_count && MATRIX(overlap, i, j) > 0)
			VECTOR(rename)[j] = i;
	}
	for (j = 0; j < after_count; j++)
		if (VECTOR(rename)[j] < 0)
			VECTOR(rename)[j] = fresh++;
	for (v = 0; v < n; v++)
		if (VECTOR(*after)[v] >= 0)
			VECTOR(*after)[v] = VECTOR(rename)[VECTOR(*after)[v]];
	igraph_vector_int_destroy(&rename);
	igraph_vector_int_destroy(&assign);
	igraph_matrix_destroy(&cost);
	igraph_matrix_destroy(&overlap);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

/* Vertices still present (map >= 0) whose value after (spread) differs from before. */
static igraph_integer_t
differences(const igraph_vector_int_t *before, const igraph_vector_int_t *after,
    const igraph_vector_int_t *map)
{
	igraph_integer_t	v, changes = 0;

	for (v = 0; v < igraph_vector_int_size(map); v++)
		changes += VECTOR(*map)[v] >= 0 && VECTOR(*before)[v] != VECTOR(*after)[v];
	return changes;
}

igraph_error_t
clout_whatif_compute(const struct clout_network *net, const struct clout_scenario *s,
    enum clout_metric metric, struct clout_whatif *w)
{
	igraph_integer_t	v, e, n = clout_network_vcount(net), m = clout_network_ecount(net);
	struct clout_network	after;
	igraph_vector_int_t	map, tmp_int;
	igraph_vector_t		tmp_real;
	igraph_integer_t	camps_before, camps_after;
	igraph_bool_t		exact_before;
	double			alpha_after;

	w->metric = metric;
	IGRAPH_CHECK(clout_network_init(&after));
	IGRAPH_FINALLY(clout_network_destroy, &after);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&map, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&tmp_int, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&tmp_real, 0);
	IGRAPH_CHECK(apply_scenario(net, s, &after, &map));

	IGRAPH_CHECK(metric_scores(net, metric, &w->score_before));
	IGRAPH_CHECK(ranks(net, &w->score_before, &w->rank_before));
	IGRAPH_CHECK(metric_scores(&after, metric, &tmp_real));
	IGRAPH_CHECK(spread_real(&tmp_real, &map, &w->score_after));
	IGRAPH_CHECK(ranks(&after, &tmp_real, &tmp_int));
	IGRAPH_CHECK(spread_int(&tmp_int, &map, &w->rank_after));

	IGRAPH_CHECK(clout_i_reach_counts(&net->graph, IGRAPH_OUT, &w->reach_before));
	IGRAPH_CHECK(clout_i_reach_counts(&after.graph, IGRAPH_OUT, &tmp_int));
	IGRAPH_CHECK(spread_int(&tmp_int, &map, &w->reach_after));
	/* removing vertices and relations only ever shrinks what a vertex reaches */
	IGRAPH_CHECK(reach_among_present(&net->graph, &map, &w->reach_lost));

	IGRAPH_CHECK(micmac_sectors(net, NAN, &w->sector_before, &w->alpha));
	IGRAPH_CHECK(micmac_sectors(&after, w->alpha, &tmp_int, &alpha_after));
	IGRAPH_CHECK(spread_int(&tmp_int, &map, &w->sector_after));

	IGRAPH_CHECK(clout_signed_camps(net, &w->camp_before, &camps_before, &w->frustration_before,
	    &exact_before, NULL));
	IGRAPH_CHECK(clout_signed_camps(&after, &tmp_int, &camps_after, &w->frustration_after,
	    &w->frustration_exact, NULL));
	w->frustration_exact = w->frustration_exact && exact_before;
	IGRAPH_CHECK(spread_int(&tmp_int, &map, &w->camp_after));
	IGRAPH_CHECK(align_camps(&w->camp_before, camps_before, &w->camp_after, camps_after));
	w->camp_changes = differences(&w->camp_before, &w->camp_after, &map);

	w->damage = 0;
	w->reach_lost_pairs = 0;
	w->removed_vertices = n - clout_network_vcount(&after);
	w->removed_relations = m - clout_network_ecount(&after);
	w->flipped_relations = 0;
	w->rank_changes = 0;
	w->sector_changes = 0;
	for (e = 0; e < m; e++)
		w->flipped_relations += VECTOR(s->flip)[e] && !VECTOR(s->drop)[e] &&
		    !VECTOR(s->remove)[IGRAPH_FROM(&net->graph, e)] &&
		    !VECTOR(s->remove)[IGRAPH_TO(&net->graph, e)];
	for (v = 0; v < n; v++) {
		if (VECTOR(map)[v] < 0)
			continue;
		VECTOR(w->reach_lost)[v] -= VECTOR(w->reach_after)[v];
		w->reach_lost_pairs += VECTOR(w->reach_lost)[v];
		if (VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR)
			w->damage += fabs(VECTOR(w->score_after)[v] - VECTOR(w->score_before)[v]);
		w->rank_changes += VECTOR(w->rank_after)[v] != VECTOR(w->rank_before)[v];
		w->sector_changes += VECTOR(w->sector_after)[v] != VECTOR(w->sector_before)[v];
	}

	igraph_vector_destroy(&tmp_real);
	igraph_vector_int_destroy(&tmp_int);
	igraph_vector_int_destroy(&map);
	clout_network_destroy(&after);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_knockout_init(struct clout_knockout *k)
{
	memset(k, 0, sizeof *k);
	IGRAPH_CHECK(igraph_vector_init(&k->damage_power, 0));
	IGRAPH_FINALLY(igraph_vector_destroy, &k->damage_power);
	IGRAPH_CHECK(igraph_vector_int_init(&k->reach_lost, 0));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &k->reach_lost);
	IGRAPH_CHECK(igraph_vector_int_init(&k->sector_changes, 0));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &k->sector_changes);
	IGRAPH_CHECK(igraph_vector_int_init(&k->camp_changes, 0));
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

void
clout_knockout_destroy(struct clout_knockout *k)
{
	igraph_vector_int_destroy(&k->camp_changes);
	igraph_vector_int_destroy(&k->sector_changes);
	igraph_vector_int_destroy(&k->reach_lost);
	igraph_vector_destroy(&k->damage_power);
}

/*
 * lost[v] = ordered pairs (u, w) of vertices other than v such that every
 * path from u to w crosses v: summed over every source u, the size of v's
 * subtree in u's dominator tree, v itself excluded.
 */
static igraph_error_t
dominated_pairs(const struct clout_network *net, igraph_vector_int_t *lost)
{
	igraph_integer_t	u, i, n = clout_network_vcount(net);
	igraph_vector_int_t	dom, order, size;
	igraph_t		directed;

	/* an undirected network reads every relation both ways */
	IGRAPH_CHECK(igraph_copy(&directed, &net->graph));
	IGRAPH_FINALLY(igraph_destroy, &directed);
	if (!igraph_is_directed(&directed))
		IGRAPH_CHECK(igraph_to_directed(&directed, IGRAPH_TO_DIRECTED_MUTUAL));
	IGRAPH_VECTOR_INT_INIT_FINALLY(&dom, n);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&order, n);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&size, n);
	IGRAPH_CHECK(igraph_vector_int_resize(lost, n));
	igraph_vector_int_null(lost);
	for (u = 0; u < n; u++) {
		IGRAPH_CHECK(clout_i_dominator_tree(&directed, u, &dom));
		/* an immediate dominator lies on every path, so BFS meets it first */
		IGRAPH_CHECK(igraph_bfs_simple(&directed, u, IGRAPH_OUT, &order, NULL, NULL));
		igraph_vector_int_fill(&size, 1);
		for (i = igraph_vector_int_size(&order) - 1; i > 0; i--) {
			igraph_integer_t	w = VECTOR(order)[i], up = VECTOR(dom)[w];

			if (up >= 0 && up != u) {
				VECTOR(size)[up] += VECTOR(size)[w];
				VECTOR(*lost)[up] += VECTOR(size)[w];
			}
		}
	}
	igraph_vector_int_destroy(&size);
	igraph_vector_int_destroy(&order);
	igraph_vector_int_destroy(&dom);
	igraph_destroy(&directed);
	IGRAPH_FINALLY_CLEAN(4);
	return IGRAPH_SUCCESS;
}

/* What one actor's knock-out changes in sectors and camps (the sets *_before of the whole case). */
struct knockout_baseline {
	igraph_vector_t		 power;
	igraph_vector_int_t	 sectors, camps;
	igraph_integer_t	 camp_count;
	double			 alpha;
	int			 micmac, signed_camps;
};

static igraph_error_t
knock_out(const struct clout_network *net, igraph_integer_t a,
    const struct knockout_baseline *base, igraph_vector_bool_t *keep, struct clout_knockout *k)
{
	igraph_integer_t	v, i, n = clout_network_vcount(net), count, frustration;
	igraph_vector_t		power;
	igraph_vector_int_t	map, sectors, camp, spread;
	struct clout_network	after;
	igraph_bool_t		exact;
	double			damage = 0, unused;

	IGRAPH_CHECK(clout_network_init(&after));
	IGRAPH_FINALLY(clout_network_destroy, &after);
	IGRAPH_VECTOR_INIT_FINALLY(&power, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&map, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&sectors, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&camp, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&spread, 0);
	VECTOR(*keep)[a] = 0;
	IGRAPH_CHECK(clout_network_subset(net, keep, NULL, NULL, &after, &map));
	VECTOR(*keep)[a] = 1;

	IGRAPH_CHECK(metric_scores(&after, CLOUT_METRIC_POWER, &power));
	for (v = 0; v < n; v++)
		if ((i = VECTOR(map)[v]) >= 0 && VECTOR(net->type)[v] == CLOUT_VERTEX_ACTOR)
			damage += fabs(VECTOR(power)[i] - VECTOR(base->power)[v]);
	VECTOR(k->damage_power)[a] = damage;
	if (base->micmac) {
		IGRAPH_CHECK(micmac_sectors(&after, base->alpha, &sectors, &unused));
		IGRAPH_CHECK(spread_int(&sectors, &map, &spread));
		VECTOR(k->sector_changes)[a] = differences(&base->sectors, &spread, &map);
	}
	if (base->signed_camps) {
		IGRAPH_CHECK(clout_signed_camps(&after, &camp, &count, &frustration, &exact, NULL));
		IGRAPH_CHECK(spread_int(&camp, &map, &spread));
		IGRAPH_CHECK(align_camps(&base->camps, base->camp_count, &spread, count));
		VECTOR(k->camp_changes)[a] = differences(&base->camps, &spread, &map);
	}

	igraph_vector_int_destroy(&spread);
	igraph_vector_int_destroy(&camp);
	igraph_vector_int_destroy(&sectors);
	igraph_vector_int_destroy(&map);
	igraph_vector_destroy(&power);
	clout_network_destroy(&after);
	IGRAPH_FINALLY_CLEAN(6);
	return IGRAPH_SUCCESS;
}

static void
baseline_destroy(struct knockout_baseline *base)
{
	igraph_vector_int_destroy(&base->camps);
	igraph_vector_int_destroy(&base->sectors);
	igraph_vector_destroy(&base->power);
}

igraph_error_t
clout_knockout_compute(const struct clout_network *net, struct clout_knockout *k)
{
	igraph_integer_t	a, n = clout_network_vcount(net), frustration, nodes;
	igraph_integer_t	actors = clout_network_count_type(net, CLOUT_VERTEX_ACTOR);
	igraph_vector_int_t	lost;
	igraph_vector_bool_t	keep;
	igraph_bool_t		exact;
	struct knockout_baseline base;

	memset(&base, 0, sizeof base);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&lost, 0);
	IGRAPH_CHECK(igraph_vector_bool_init(&keep, n));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &keep);
	igraph_vector_bool_fill(&keep, 1);
	IGRAPH_VECTOR_INIT_FINALLY(&base.power, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&base.sectors, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&base.camps, 0);

	IGRAPH_CHECK(metric_scores(net, CLOUT_METRIC_POWER, &base.power));
	IGRAPH_CHECK(dominated_pairs(net, &lost));
	base.micmac = n <= CLOUT_KNOCKOUT_DETAIL_LIMIT;
	if (base.micmac)
		IGRAPH_CHECK(micmac_sectors(net, NAN, &base.sectors, &base.alpha));
	if (n <= CLOUT_KNOCKOUT_DETAIL_LIMIT) {
		IGRAPH_CHECK(clout_signed_camps(net, &base.camps, &base.camp_count, &frustration, &exact, &nodes));
		/* each knock-out searches about as long: keep the whole report within a budget */
		base.signed_camps = actors == 0 || nodes <= CLOUT_FRUSTRATION_BUDGET / actors;
		k->camp_search_nodes = nodes;
	}
	k->sectors_computed = base.micmac;
	k->camps_computed = base.signed_camps;

	IGRAPH_CHECK(igraph_vector_resize(&k->damage_power, n));
	IGRAPH_CHECK(igraph_vector_int_resize(&k->reach_lost, n));
	IGRAPH_CHECK(igraph_vector_int_resize(&k->sector_changes, n));
	IGRAPH_CHECK(igraph_vector_int_resize(&k->camp_changes, n));
	igraph_vector_fill(&k->damage_power, NAN);
	igraph_vector_int_fill(&k->reach_lost, -1);
	igraph_vector_int_fill(&k->sector_changes, -1);
	igraph_vector_int_fill(&k->camp_changes, -1);
	for (a = 0; a < n; a++) {
		if (VECTOR(net->type)[a] != CLOUT_VERTEX_ACTOR)
			continue;
		VECTOR(k->reach_lost)[a] = VECTOR(lost)[a];
		IGRAPH_CHECK(knock_out(net, a, &base, &keep, k));
	}

	baseline_destroy(&base);
	igraph_vector_bool_destroy(&keep);
	igraph_vector_int_destroy(&lost);
	IGRAPH_FINALLY_CLEAN(5);
	return IGRAPH_SUCCESS;
}
