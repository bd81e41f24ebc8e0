/* signed.c: structural balance of the undirected signed view: triangles, walks, frustration, camps, PN. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

/* ---- the undirected views ---- */

struct pair_value {
	igraph_integer_t	lo, hi, edge;
	double			value;
};

static int
pair_value_cmp(const void *a, const void *b)
{
	const struct pair_value	*x = a, *y = b;

	if (x->lo != y->lo)
		return x->lo < y->lo ? -1 : 1;
	if (x->hi != y->hi)
		return x->hi < y->hi ? -1 : 1;
	/* summing in edge order: the same case always gives the same sums */
	return x->edge < y->edge ? -1 : x->edge > y->edge;
}

igraph_error_t
clout_i_pair_sums(const struct clout_network *net, int positive_only, igraph_t *view,
    igraph_vector_t *sum)
{
	igraph_integer_t	 e, i, k, m = clout_network_ecount(net), n = clout_network_vcount(net);
	struct pair_value	*pairs;
	igraph_vector_int_t	 edges;

	pairs = calloc((size_t)m + 1, sizeof pairs[0]);
	CLOUT_CHECK_ALLOC(pairs);
	IGRAPH_FINALLY(free, pairs);
	for (e = 0, k = 0; e < m; e++) {
		igraph_integer_t	from = IGRAPH_FROM(&net->graph, e), to = IGRAPH_TO(&net->graph, e);

		if (from == to || (positive_only && VECTOR(net->sign)[e] <= 0))
			continue;
		pairs[k].lo = from < to ? from : to;
		pairs[k].hi = from < to ? to : from;
		pairs[k].edge = e;
		pairs[k].value = VECTOR(net->sign)[e] * VECTOR(net->weight)[e];
		k++;
	}
	qsort(pairs, (size_t)k, sizeof pairs[0], pair_value_cmp);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	igraph_vector_clear(sum);
	for (i = 0; i < k; i++) {
		if (i > 0 && pairs[i].lo == pairs[i - 1].lo && pairs[i].hi == pairs[i - 1].hi) {
			VECTOR(*sum)[igraph_vector_size(sum) - 1] += pairs[i].value;
			continue;
		}
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, pairs[i].lo));
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, pairs[i].hi));
		IGRAPH_CHECK(igraph_vector_push_back(sum, pairs[i].value));
	}
	IGRAPH_CHECK(igraph_create(view, &edges, n, IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	free(pairs);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_i_signed_view(const struct clout_network *net, igraph_t *view, igraph_vector_int_t *sign)
{
	igraph_t		all;
	igraph_vector_t		sum;
	igraph_vector_int_t	edges;
	igraph_integer_t	e;

	IGRAPH_VECTOR_INIT_FINALLY(&sum, 0);
	IGRAPH_CHECK(clout_i_pair_sums(net, 0, &all, &sum));
	IGRAPH_FINALLY(igraph_destroy, &all);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	igraph_vector_int_clear(sign);
	for (e = 0; e < igraph_ecount(&all); e++) {
		/* relations that cancel out exactly leave no signed tie */
		if (VECTOR(sum)[e] == 0)
			continue;
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, IGRAPH_FROM(&all, e)));
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, IGRAPH_TO(&all, e)));
		IGRAPH_CHECK(igraph_vector_int_push_back(sign, VECTOR(sum)[e] > 0 ? 1 : -1));
	}
	IGRAPH_CHECK(igraph_create(view, &edges, igraph_vcount(&all), IGRAPH_UNDIRECTED));
	igraph_vector_int_destroy(&edges);
	igraph_destroy(&all);
	igraph_vector_destroy(&sum);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}

/* ---- frustration index: pruning, Russian-doll branch and bound, local search ---- */

/*
 * One search over a simple undirected signed graph. Vertices of degree one
 * never need to violate their tie, so they are pruned (repeatedly) and put
 * back at the end on the side their tie asks for. What remains (the
 * 2-core) is searched per connected component.
 *
 * The exact search is a Russian-doll branch and bound: with the component's
 * vertices in an order o_0 .. o_{k-1}, it solves the subgraphs induced by
 * the suffixes o_i .. o_{k-1} for i = k-1 down to 0, each by a depth-first
 * search that assigns o_i, o_{i+1}, ... in turn. The bound after assigning
 * o_i .. o_{j-1} is the violations among them, plus for every unassigned
 * vertex the fewer of its violations with the assigned ones on either side,
 * plus the frustration of suffix j, already known: three disjoint sets of
 * ties. Suffix i's frustration is at least suffix i+1's, and the solution of
 * i+1 extended by o_i's better side is a first incumbent; a search stops as
 * soon as it meets the lower bound.
 */
struct frus {
	igraph_integer_t	 n;
	igraph_integer_t	*off, *nbr;	/* adjacency lists (CSR) */
	signed char		*sg;		/* the tie's sign beside each neighbour */
	igraph_integer_t	*deg, *parent, *pruned, npruned, *queue;
	signed char		*parent_sign, *removed;
	signed char		*side;		/* per vertex: 0, 1, or -1 unset */
	igraph_integer_t	*order, *pos;	/* the component's search order, and back */
	igraph_integer_t	*best;		/* frustration of each suffix */
	igraph_integer_t	*c[2];		/* violations with assigned vertices, per side */
	signed char		*cur, *inc, *sol;	/* per position */
	signed char		*choice, *pref;
	igraph_integer_t	 budget, nodes;
	uint64_t		 rng;
};

static void
frus_destroy(struct frus *f)
{
	free(f->off);
	free(f->nbr);
	free(f->sg);
	free(f->deg);
	free(f->parent);
	free(f->pruned);
	free(f->queue);
	free(f->parent_sign);
	free(f->removed);
	free(f->side);
	free(f->order);
	free(f->pos);
	free(f->best);
	free(f->c[0]);
	free(f->c[1]);
	free(f->cur);
	free(f->inc);
	free(f->sol);
	free(f->choice);
	free(f->pref);
}

static igraph_error_t
frus_init(struct frus *f, const igraph_t *graph, const igraph_vector_int_t *sign)
{
	igraph_integer_t	 e, v, n = igraph_vcount(graph), m = igraph_ecount(graph);
	size_t			 sn = (size_t)n + 1, sm = 2 * (size_t)m + 1;

	memset(f, 0, sizeof f[0]);
	f->n = n;
	f->off = calloc(sn, sizeof f->off[0]);
	f->nbr = calloc(sm, sizeof f->nbr[0]);
	f->sg = calloc(sm, 1);
	f->deg = calloc(sn, sizeof f->deg[0]);
	f->parent = calloc(sn, sizeof f->parent[0]);
	f->pruned = calloc(sn, sizeof f->pruned[0]);
	f->queue = calloc(sn, sizeof f->queue[0]);
	f->parent_sign = calloc(sn, 1);
	f->removed = calloc(sn, 1);
	f->side = calloc(sn, 1);
	f->order = calloc(sn, sizeof f->order[0]);
	f->pos = calloc(sn, sizeof f->pos[0]);
	f->best = calloc(sn + 1, sizeof f->best[0]);
	f->c[0] = calloc(sn, sizeof f->c[0][0]);
	f->c[1] = calloc(sn, sizeof f->c[1][0]);
	f->cur = calloc(sn, 1);
	f->inc = calloc(sn, 1);
	f->sol = calloc(sn, 1);
	f->choice = calloc(sn, 1);
	f->pref = calloc(sn, 1);
	if (f->off == NULL || f->nbr == NULL || f->sg == NULL || f->deg == NULL ||
	    f->parent == NULL || f->pruned == NULL || f->queue == NULL || f->parent_sign == NULL ||
	    f->removed == NULL || f->side == NULL || f->order == NULL || f->pos == NULL ||
	    f->best == NULL || f->c[0] == NULL || f->c[1] == NULL || f->cur == NULL ||
	    f->inc == NULL || f->sol == NULL || f->choice == NULL || f->pref == NULL) {
		frus_destroy(f);
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	for (e = 0; e < m; e++) {
		f->off[IGRAPH_FROM(graph, e) + 1]++;
		f->off[IGRAPH_TO(graph, e) + 1]++;
	}
	for (v = 0; v < n; v++)
		f->off[v + 1] += f->off[v];
	for (v = 0; v < n; v++)
		f->deg[v] = 0;
	for (e = 0; e < m; e++) {
		igraph_integer_t	a = IGRAPH_FROM(graph, e), b = IGRAPH_TO(graph, e);
		signed char		s = VECTOR(*sign)[e] > 0 ? 1 : -1;

		f->nbr[f->off[a] + f->deg[a]] = b;
		f->sg[f->off[a] + f->deg[a]++] = s;
		f->nbr[f->off[b] + f->deg[b]] = a;
		f->sg[f->off[b] + f->deg[b]++] = s;
	}
	for (v = 0; v < n; v++) {
		f->side[v] = -1;
		f->pos[v] = -1;
	}
	f->rng = 0x9E3779B97F4A7C15u;
	return IGRAPH_SUCCESS;
}

/* A fixed pseudo-random sequence for the local search: independent of igraph's generator. */
static uint64_t
frus_random(struct frus *f)
{
	f->rng ^= f->rng << 13;
	f->rng ^= f->rng >> 7;
	f->rng ^= f->rng << 17;
	return f->rng;
}

static int
violates(int sign, int a, int b)
{
	return sign > 0 ? a != b : a == b;
}

/* Prune vertices of degree one, again and again; f->deg becomes the degree within the core. */
static void
frus_prune(struct frus *f)
{
	igraph_integer_t	v, u, i, head = 0, tail = 0;

	for (v = 0; v < f->n; v++)
		if (f->deg[v] == 1)
			f->queue[tail++] = v;
	while (head < tail) {
		v = f->queue[head++];
		if (f->removed[v] || f->deg[v] != 1)
			continue;
		for (i = f->off[v]; i < f->off[v + 1]; i++)
			if (!f->removed[f->nbr[i]])
				break;
		u = f->nbr[i];
		f->removed[v] = 1;
		f->parent[v] = u;
		f->parent_sign[v] = f->sg[i];
		f->pruned[f->npruned++] = v;
		f->deg[v] = 0;
		if (--f->deg[u] == 1)
			f->queue[tail++] = u;
	}
}

/*
 * Collect the core component of root into f->queue[0 .. *k-1], and order it
 * for the search: the vertex of highest core degree first, then always the
 * one with the most ties to those already ordered (then the higher degree,
 * then the lower index). O(k^2).
 */
static igraph_integer_t
frus_component(struct frus *f, igraph_integer_t root)
{
	igraph_integer_t	v, i, j, k = 0, head = 0, done, pick;

	f->queue[k++] = root;
	f->pos[root] = -2;	/* seen */
	while (head < k) {
		v = f->queue[head++];
		for (i = f->off[v]; i < f->off[v + 1]; i++) {
			igraph_integer_t	u = f->nbr[i];

			if (!f->removed[u] && f->pos[u] == -1) {
				f->pos[u] = -2;
				f->queue[k++] = u;
			}
		}
	}
	/* c[0] counts ties to ordered vertices here */
	for (j = 0; j < k; j++)
		f->c[0][f->queue[j]] = 0;
	for (done = 0; done < k; done++) {
		pick = -1;
		for (j = 0; j < k; j++) {
			v = f->queue[j];
			if (f->pos[v] >= 0)
				continue;
			if (pick < 0 || f->c[0][v] > f->c[0][pick] ||
			    (f->c[0][v] == f->c[0][pick] && (f->deg[v] > f->deg[pick] ||
			    (f->deg[v] == f->deg[pick] && v < pick))))
				pick = v;
		}
		f->order[done] = pick;
		f->pos[pick] = done;
		for (i = f->off[pick]; i < f->off[pick + 1]; i++)
			if (!f->removed[f->nbr[i]])
				f->c[0][f->nbr[i]]++;
	}
	return k;
}

/* Assign position d (vertex order[d]) to side s: update the counts of later positions. */
static void
frus_assign(struct frus *f, igraph_integer_t d, int s, igraph_integer_t *cost,
    igraph_integer_t *summin)
{
	igraph_integer_t	i, v = f->order[d];

	f->cur[d] = (signed char)s;
	*cost += f->c[s][v];
	*summin -= f->c[0][v] < f->c[1][v] ? f->c[0][v] : f->c[1][v];
	for (i = f->off[v]; i < f->off[v + 1]; i++) {
		igraph_integer_t	u = f->nbr[i], p = f->pos[u], before;

		if (p <= d)
			continue;	/* pruned (-1), or assigned */
		before = f->c[0][u] < f->c[1][u] ? f->c[0][u] : f->c[1][u];
		if (f->sg[i] > 0)
			f->c[1 - s][u]++;
		else
			f->c[s][u]++;
		*summin += (f->c[0][u] < f->c[1][u] ? f->c[0][u] : f->c[1][u]) - before;
	}
}

static void
frus_unassign(struct frus *f, igraph_integer_t d, igraph_integer_t *cost, igraph_integer_t *summin)
{
	igraph_integer_t	i, v = f->order[d];
	int			s = f->cur[d];

	for (i = f->off[v]; i < f->off[v + 1]; i++) {
		igraph_integer_t	u = f->nbr[i], p = f->pos[u], before;

		if (p <= d)
			continue;
		before = f->c[0][u] < f->c[1][u] ? f->c[0][u] : f->c[1][u];
		if (f->sg[i] > 0)
			f->c[1 - s][u]--;
		else
			f->c[s][u]--;
		*summin += (f->c[0][u] < f->c[1][u] ? f->c[0][u] : f->c[1][u]) - before;
	}
	*summin += f->c[0][v] < f->c[1][v] ? f->c[0][v] : f->c[1][v];
	*cost -= f->c[s][v];
}

/*
 * Violations of position d's tie with positions in [from, k) under the
 * sides in sol, if d took side s.
 */
static igraph_integer_t
frus_violations(const struct frus *f, igraph_integer_t d, int s, igraph_integer_t from,
    const signed char *sol)
{
	igraph_integer_t	i, v = f->order[d], count = 0;

	for (i = f->off[v]; i < f->off[v + 1]; i++) {
		igraph_integer_t	p = f->pos[f->nbr[i]];

		if (p >= from && p != d && violates(f->sg[i], s, sol[p]))
			count++;
	}
	return count;
}

/*
 * Russian-doll search of a component of k ordered vertices. Returns 1 when
 * every suffix was solved (f->sol holds the sides, f->best[0] the index), 0
 * when the budget ran out: then *solved is the first suffix solved, whose
 * frustration f->best[*solved] bounds the component's from below.
 */
static int
frus_exact(struct frus *f, igraph_integer_t k, igraph_integer_t *solved)
{
	igraph_integer_t	i, d, j, cost, summin, ub, lb, add0, add1;

	f->best[k] = 0;
	for (i = k - 1; i >= 0; i--) {
		/* the incumbent: suffix i+1's solution, o_i on its better side */
		add0 = frus_violations(f, i, 0, i + 1, f->sol);
		add1 = frus_violations(f, i, 1, i + 1, f->sol);
		f->sol[i] = add1 < add0;
		ub = f->best[i + 1] + (add0 < add1 ? add0 : add1);
		lb = f->best[i + 1];
		if (ub > lb) {
			memcpy(f->inc + i, f->sol + i, (size_t)(k - i));
			for (j = i; j < k; j++)
				f->c[0][f->order[j]] = f->c[1][f->order[j]] = 0;
			cost = summin = 0;
			d = i;
			f->choice[d] = 0;
			for (;;) {
				if (d == k) {
					/* a better complete split: the bound let only those through */
					ub = cost;
					memcpy(f->inc + i, f->cur + i, (size_t)(k - i));
					if (ub == lb)
						break;
					frus_unassign(f, --d, &cost, &summin);
					continue;
				}
				if (f->choice[d] == (d == i ? 1 : 2)) {
					if (d == i)
						break;
					frus_unassign(f, --d, &cost, &summin);
					continue;
				}
				if (f->choice[d] == 0) {
					/* o_i's side is free: a split and its mirror violate alike */
					igraph_integer_t	v = f->order[d];

					f->pref[d] = d == i ? 0 : f->c[1][v] < f->c[0][v];
				}
				if (f->nodes >= f->budget) {
					while (d > i)
						frus_unassign(f, --d, &cost, &summin);
					*solved = i + 1;
					return 0;
				}
				f->nodes++;
				frus_assign(f, d, f->choice[d] == 0 ? f->pref[d] : 1 - f->pref[d],
				    &cost, &summin);
				f->choice[d]++;
				if (cost + summin + f->best[d + 1] >= ub) {
					frus_unassign(f, d, &cost, &summin);
					continue;
				}
				d++;
				if (d < k)
					f->choice[d] = 0;
			}
			/* undo what the last path left assigned */
			while (d > i)
				frus_unassign(f, --d, &cost, &summin);
			memcpy(f->sol + i, f->inc + i, (size_t)(k - i));
		}
		f->best[i] = ub;
	}
	*solved = 0;
	return 1;
}

/* Violations within the component under f->sol. */
static igraph_integer_t
frus_cost(const struct frus *f, igraph_integer_t k, const signed char *sol)
{
	igraph_integer_t	d, total = 0;

	for (d = 0; d < k; d++)
		total += frus_violations(f, d, sol[d], d + 1, sol);
	return total;
}

/* Flip single vertices while that removes violations. */
static void
frus_descend(const struct frus *f, igraph_integer_t k, signed char *sol)
{
	igraph_integer_t	d, bad, deg;
	int			changed = 1;

	while (changed) {
		changed = 0;
		for (d = 0; d < k; d++) {
			bad = frus_violations(f, d, sol[d], 0, sol);
			deg = f->deg[f->order[d]];
			if (2 * bad > deg) {
				sol[d] = (signed char)!sol[d];
				changed = 1;
			}
		}
	}
}

/*
 * The local search when the exact one ran out: greedy completions of the
 * solved suffix, and of balanced spanning trees from pseudo-random roots,
 * each followed by single-vertex flips; the best wins. Leaves it in f->sol.
 */
static void
frus_heuristic(struct frus *f, igraph_integer_t k, igraph_integer_t solved)
{
	igraph_integer_t	d, start, starts, best, cost, head, tail, work;

	/* 1: the exact suffix, completed greedily from o_{solved-1} down to o_0 */
	for (d = solved - 1; d >= 0; d--)
		f->sol[d] = frus_violations(f, d, 1, d + 1, f->sol) <
		    frus_violations(f, d, 0, d + 1, f->sol);
	frus_descend(f, k, f->sol);
	best = frus_cost(f, k, f->sol);

	/* 2: trees grown breadth-first from pseudo-random roots, every tie on them satisfied */
	work = (igraph_integer_t)(f->off[f->n] + k) + 1;
	starts = 20000000 / work;
	starts = starts < 1 ? 1 : starts > 64 ? 64 : starts;
	for (start = 0; start < starts; start++) {
		igraph_integer_t	root = (igraph_integer_t)(frus_random(f) % (uint64_t)k), i;

		for (d = 0; d < k; d++)
			f->cur[d] = -1;
		f->cur[root] = 0;
		f->queue[0] = root;
		head = 0;
		tail = 1;
		while (head < tail) {
			igraph_integer_t	p = f->queue[head++], v = f->order[p];
			igraph_integer_t	deg = f->off[v + 1] - f->off[v];
			igraph_integer_t	first = deg > 0 ? (igraph_integer_t)(frus_random(f) %
						    (uint64_t)deg) : 0;

			/* neighbours from a pseudo-random point, so the trees differ */
			for (i = 0; i < deg; i++) {
				igraph_integer_t	at = f->off[v] + (first + i) % deg;
				igraph_integer_t	q = f->pos[f->nbr[at]];

				if (q < 0 || f->cur[q] >= 0)
					continue;
				f->cur[q] = (signed char)(f->sg[at] > 0 ? f->cur[p] : !f->cur[p]);
				f->queue[tail++] = q;
			}
		}
		frus_descend(f, k, f->cur);
		cost = frus_cost(f, k, f->cur);
		if (cost < best) {
			best = cost;
			memcpy(f->sol, f->cur, (size_t)k);
		}
	}
}

igraph_error_t
clout_signed_frustration(const igraph_t *graph, const igraph_vector_int_t *sign,
    igraph_integer_t budget, igraph_integer_t *index, igraph_bool_t *exact,
    igraph_integer_t *lower_bound, igraph_vector_int_t *camp, igraph_integer_t *camp_count,
    igraph_integer_t *nodes)
{
	struct frus		f;
	igraph_integer_t	v, d, i, k, n = igraph_vcount(graph), total = 0, lower = 0, solved;
	igraph_integer_t	camps = 0, *first_of;
	igraph_vector_int_t	component;
	int			all_exact = 1;

	if (igraph_is_directed(graph))
		IGRAPH_ERROR("the frustration index needs an undirected graph", IGRAPH_EINVAL);
	if (igraph_vector_int_size(sign) != igraph_ecount(graph))
		IGRAPH_ERROR("one sign per tie is needed", IGRAPH_EINVAL);
	IGRAPH_CHECK(frus_init(&f, graph, sign));
	IGRAPH_FINALLY(frus_destroy, &f);
	f.budget = budget;
	frus_prune(&f);

	for (v = 0; v < n; v++) {
		if (f.removed[v] || f.pos[v] != -1 || f.off[v + 1] == f.off[v])
			continue;	/* pruned, already searched, or without signed ties */
		k = frus_component(&f, v);
		if (k == 1) {
			f.side[v] = 0;	/* a tree's last vertex */
			f.pos[v] = -3;
			continue;
		}
		if (frus_exact(&f, k, &solved)) {
			lower += f.best[0];
		} else {
			all_exact = 0;
			lower += f.best[solved];
			frus_heuristic(&f, k, solved);
		}
		for (d = 0; d < k; d++) {
			f.side[f.order[d]] = f.sol[d];
			f.pos[f.order[d]] = -3;	/* done: no longer in a search */
		}
	}
	/* the pruned vertices back, each on the side its tie asks for */
	for (i = f.npruned - 1; i >= 0; i--) {
		v = f.pruned[i];
		f.side[v] = (signed char)(f.parent_sign[v] > 0 ? f.side[f.parent[v]] :
		    !f.side[f.parent[v]]);
	}
	for (v = 0; v < n; v++)
		for (i = f.off[v]; i < f.off[v + 1]; i++)
			if (f.nbr[i] > v && violates(f.sg[i], f.side[v], f.side[f.nbr[i]]))
				total++;

	/* camps: (component, side) pairs numbered by their first vertex (callers renumber by id) */
	IGRAPH_VECTOR_INT_INIT_FINALLY(&component, 0);
	IGRAPH_CHECK(igraph_connected_components(graph, &component, NULL, NULL, IGRAPH_WEAK));
	first_of = calloc(2 * (size_t)n + 1, sizeof first_of[0]);
	CLOUT_CHECK_ALLOC(first_of);
	IGRAPH_FINALLY(free, first_of);
	IGRAPH_CHECK(igraph_vector_int_resize(camp, n));
	for (v = 0; v < 2 * n; v++)
		first_of[v] = -1;
	for (v = 0; v < n; v++) {
		igraph_integer_t	key;

		if (f.side[v] < 0) {
			VECTOR(*camp)[v] = -1;
			continue;
		}
		key = 2 * VECTOR(component)[v] + f.side[v];
		if (first_of[key] < 0)
			first_of[key] = camps++;
		VECTOR(*camp)[v] = first_of[key];
	}
	free(first_of);
	igraph_vector_int_destroy(&component);
	IGRAPH_FINALLY_CLEAN(2);

	*index = total;
	*exact = all_exact;
	if (lower_bound != NULL)
		*lower_bound = all_exact ? total : lower;
	if (camp_count != NULL)
		*camp_count = camps;
	if (nodes != NULL)
		*nodes = f.nodes;
	frus_destroy(&f);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* ---- the other measures ---- */

igraph_error_t
clout_signed_init(struct clout_signed *s)
{
	memset(s, 0, sizeof s[0]);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&s->camp, 0);
	IGRAPH_VECTOR_INIT_FINALLY(&s->pn, 0);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&s->swing, 0);
	IGRAPH_FINALLY_CLEAN(3);
	s->balanced_triangle_share = s->walk_balance = NAN;
	return IGRAPH_SUCCESS;
}

void
clout_signed_destroy(struct clout_signed *s)
{
	igraph_vector_int_destroy(&s->camp);
	igraph_vector_destroy(&s->pn);
	igraph_vector_int_destroy(&s->swing);
}

/* Count the triangles and the balanced ones (an even number of negative ties). */
static igraph_error_t
triangles(const igraph_t *view, const igraph_vector_int_t *sign, struct clout_signed *s)
{
	igraph_vector_int_t	list;
	igraph_integer_t	t, j, eid, count;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&list, 0);
	IGRAPH_CHECK(igraph_list_triangles(view, &list));
	count = igraph_vector_int_size(&list) / 3;
	s->triangle_count = count;
	s->balanced_triangle_count = 0;
	for (t = 0; t < count; t++) {
		int	product = 1;

		for (j = 0; j < 3; j++) {
			IGRAPH_CHECK(igraph_get_eid(view, &eid, VECTOR(list)[3 * t + j],
			    VECTOR(list)[3 * t + (j + 1) % 3], IGRAPH_UNDIRECTED, 1));
			product *= VECTOR(*sign)[eid];
		}
		s->balanced_triangle_count += product > 0;
	}
	s->balanced_triangle_share = count > 0 ? (double)s->balanced_triangle_count / (double)count :
	    NAN;
	igraph_vector_int_destroy(&list);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/* The signed adjacency matrix with entries pos and neg for positive and negative ties. */
static igraph_error_t
signed_matrix(const igraph_t *view, const igraph_vector_int_t *sign, double pos, double neg,
    igraph_matrix_t *a)
{
	igraph_integer_t	e, n = igraph_vcount(view);

	IGRAPH_CHECK(igraph_matrix_resize(a, n, n));
	igraph_matrix_null(a);
	for (e = 0; e < igraph_ecount(view); e++) {
		double	x = VECTOR(*sign)[e] > 0 ? pos : neg;

		MATRIX(*a, IGRAPH_FROM(view, e), IGRAPH_TO(view, e)) = x;
		MATRIX(*a, IGRAPH_TO(view, e), IGRAPH_FROM(view, e)) = x;
	}
	return IGRAPH_SUCCESS;
}

/* sum_i e^(lambda_i - shift) over the eigenvalues of a symmetric matrix. */
static igraph_error_t
trace_exp(const igraph_matrix_t *a, double *shift, double *sum)
{
	igraph_vector_t		values;
	igraph_integer_t	i;

	IGRAPH_VECTOR_INIT_FINALLY(&values, 0);
	IGRAPH_CHECK(igraph_lapack_dsyevr(a, IGRAPH_LAPACK_DSYEV_ALL, 0, 0, 0, 0, 0, 1e-14,
	    &values, NULL, NULL));
	if (isnan(*shift))
		*shift = igraph_vector_max(&values);
	*sum = 0;
	for (i = 0; i < igraph_vector_size(&values); i++)
		*sum += exp(VECTOR(values)[i] - *shift);
	igraph_vector_destroy(&values);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/*
 * K = tr(e^A) / tr(e^|A|). Both traces are scaled by e^-lambda_max(|A|),
 * which bounds every eigenvalue of A too (Perron-Frobenius), so nothing
 * overflows however large the network.
 */
static igraph_error_t
walk_balance(const igraph_t *view, const igraph_vector_int_t *sign, double *k)
{
	igraph_matrix_t	a;
	double		shift = NAN, top, bottom;

	*k = NAN;
	if (igraph_vcount(view) == 0 || igraph_vcount(view) > CLOUT_WALK_BALANCE_MAX)
		return IGRAPH_SUCCESS;
	if (igraph_vector_int_size(sign) == 0 || igraph_vector_int_min(sign) > 0) {
		*k = 1;		/* A = |A|: exactly 1, without two eigendecompositions */
		return IGRAPH_SUCCESS;
	}
	IGRAPH_MATRIX_INIT_FINALLY(&a, 0, 0);
	IGRAPH_CHECK(signed_matrix(view, sign, 1, 1, &a));
	IGRAPH_CHECK(trace_exp(&a, &shift, &bottom));
	IGRAPH_CHECK(signed_matrix(view, sign, 1, -1, &a));
	IGRAPH_CHECK(trace_exp(&a, &shift, &top));
	*k = top / bottom;
	igraph_matrix_destroy(&a);
	IGRAPH_FINALLY_CLEAN(1);
	return IGRAPH_SUCCESS;
}

/*
 * PN = (I - A / (2n - 2))^-1 1 with A = P - 2N. Dense LU up to
 * CLOUT_WALK_BALANCE_MAX vertices; beyond, the series 1 + bA1 + (bA)^2 1 + ...
 * which converges when the spectral radius of A is below 2n - 2, as it is
 * in any sparse network.
 */
static igraph_error_t
pn_centrality(const igraph_t *view, const igraph_vector_int_t *sign, igraph_vector_t *pn)
{
	igraph_integer_t	i, j, e, n = igraph_vcount(view);
	double			b = n > 1 ? 1.0 / (2.0 * (double)n - 2.0) : 0;

	IGRAPH_CHECK(igraph_vector_resize(pn, n));
	igraph_vector_fill(pn, 1);
	if (n < 2 || igraph_ecount(view) == 0)
		return IGRAPH_SUCCESS;
	if (n <= CLOUT_WALK_BALANCE_MAX) {
		igraph_matrix_t		a, rhs;
		igraph_vector_int_t	pivots;
		int			info = 0;

		IGRAPH_MATRIX_INIT_FINALLY(&a, 0, 0);
		IGRAPH_MATRIX_INIT_FINALLY(&rhs, n, 1);
		IGRAPH_VECTOR_INT_INIT_FINALLY(&pivots, n);
		IGRAPH_CHECK(signed_matrix(view, sign, -b, 2 * b, &a));
		for (i = 0; i < n; i++) {
			MATRIX(a, i, i) = 1;
			MATRIX(rhs, i, 0) = 1;
		}
		{
			/* singular (two vertices and a negative tie) is an answer, PN undefined:
			 * not worth igraph's "factor is exactly singular" warning */
			igraph_warning_handler_t	*previous =
			    igraph_set_warning_handler(igraph_warning_handler_ignore);
			igraph_error_t			 ret = igraph_lapack_dgesv(&a, &pivots, &rhs,
			    &info);

			igraph_set_warning_handler(previous);
			IGRAPH_CHECK(ret);
		}
		for (i = 0; i < n; i++)
			VECTOR(*pn)[i] = info == 0 ? MATRIX(rhs, i, 0) : NAN;
		igraph_vector_int_destroy(&pivots);
		igraph_matrix_destroy(&rhs);
		igraph_matrix_destroy(&a);
		IGRAPH_FINALLY_CLEAN(3);
	} else {
		igraph_vector_t	term, next;
		double		size = 1;

		IGRAPH_VECTOR_INIT_FINALLY(&term, n);
		IGRAPH_VECTOR_INIT_FINALLY(&next, n);
		igraph_vector_fill(&term, 1);
		for (j = 0; j < 100000 && size > 1e-16; j++) {
			igraph_vector_null(&next);
			for (e = 0; e < igraph_ecount(view); e++) {
				igraph_integer_t	x = IGRAPH_FROM(view, e), y = IGRAPH_TO(view, e);
				double			w = VECTOR(*sign)[e] > 0 ? b : -2 * b;

				VECTOR(next)[x] += w * VECTOR(term)[y];
				VECTOR(next)[y] += w * VECTOR(term)[x];
			}
			size = 0;
			for (i = 0; i < n; i++) {
				VECTOR(*pn)[i] += VECTOR(next)[i];
				size = fmax(size, fabs(VECTOR(next)[i]) / fabs(VECTOR(*pn)[i]));
			}
			IGRAPH_CHECK(igraph_vector_update(&term, &next));
		}
		if (!(size <= 1e-16))
			igraph_vector_fill(pn, NAN);
		igraph_vector_destroy(&next);
		igraph_vector_destroy(&term);
		IGRAPH_FINALLY_CLEAN(2);
	}
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_signed_camps(const struct clout_network *net, igraph_vector_int_t *camp,
    igraph_integer_t *camp_count, igraph_integer_t *frustration, igraph_bool_t *exact,
    igraph_integer_t *nodes)
{
	igraph_t		view;
	igraph_vector_int_t	sign;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&sign, 0);
	IGRAPH_CHECK(clout_i_signed_view(net, &view, &sign));
	IGRAPH_FINALLY(igraph_destroy, &view);
	IGRAPH_CHECK(clout_signed_frustration(&view, &sign, CLOUT_FRUSTRATION_BUDGET, frustration,
	    exact, NULL, camp, camp_count, nodes));
	IGRAPH_CHECK(clout_i_number_by_id(net, camp, *camp_count));
	igraph_destroy(&view);
	igraph_vector_int_destroy(&sign);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_signed_compute(const struct clout_network *net, struct clout_signed *s)
{
	igraph_t		view;
	igraph_vector_int_t	sign, component;
	igraph_integer_t	e, v;

	IGRAPH_VECTOR_INT_INIT_FINALLY(&sign, 0);
	IGRAPH_CHECK(clout_i_signed_view(net, &view, &sign));
	IGRAPH_FINALLY(igraph_destroy, &view);
	s->tie_count = igraph_ecount(&view);
	s->negative_tie_count = 0;
	for (e = 0; e < s->tie_count; e++)
		s->negative_tie_count += VECTOR(sign)[e] < 0;
	IGRAPH_CHECK(triangles(&view, &sign, s));
	IGRAPH_CHECK(walk_balance(&view, &sign, &s->walk_balance));
	IGRAPH_CHECK(clout_signed_frustration(&view, &sign, CLOUT_FRUSTRATION_BUDGET,
	    &s->frustration_index, &s->frustration_exact, &s->frustration_lower_bound, &s->camp,
	    &s->camp_count, &s->search_nodes));
	IGRAPH_CHECK(clout_i_number_by_id(net, &s->camp, s->camp_count));
	IGRAPH_CHECK(pn_centrality(&view, &sign, &s->pn));

	/* swing vertices: as many violated ties as kept ones, so either camp costs the same */
	IGRAPH_CHECK(igraph_vector_int_resize(&s->swing, igraph_vcount(&view)));
	igraph_vector_int_fill(&s->swing, 0);
	{
		igraph_vector_int_t	degree, bad;

		IGRAPH_VECTOR_INT_INIT_FINALLY(&degree, igraph_vcount(&view));
		IGRAPH_VECTOR_INT_INIT_FINALLY(&bad, igraph_vcount(&view));
		for (e = 0; e < s->tie_count; e++) {
			igraph_integer_t	x = IGRAPH_FROM(&view, e), y = IGRAPH_TO(&view, e);
			int			same = VECTOR(s->camp)[x] == VECTOR(s->camp)[y];

			VECTOR(degree)[x]++;
			VECTOR(degree)[y]++;
			if (VECTOR(sign)[e] > 0 ? !same : same) {
				VECTOR(bad)[x]++;
				VECTOR(bad)[y]++;
			}
		}
		for (v = 0; v < igraph_vcount(&view); v++)
			VECTOR(s->swing)[v] = VECTOR(degree)[v] == 0 ? -1 :
			    2 * VECTOR(bad)[v] == VECTOR(degree)[v];
		igraph_vector_int_destroy(&bad);
		igraph_vector_int_destroy(&degree);
		IGRAPH_FINALLY_CLEAN(2);
	}

	/* components with a signed tie */
	IGRAPH_VECTOR_INT_INIT_FINALLY(&component, 0);
	IGRAPH_CHECK(igraph_connected_components(&view, &component, NULL, NULL, IGRAPH_WEAK));
	{
		igraph_vector_bool_t	seen;

		IGRAPH_CHECK(igraph_vector_bool_init(&seen, igraph_vcount(&view)));
		IGRAPH_FINALLY(igraph_vector_bool_destroy, &seen);
		s->component_count = 0;
		for (v = 0; v < igraph_vcount(&view); v++) {
			if (VECTOR(s->camp)[v] < 0 || VECTOR(seen)[VECTOR(component)[v]])
				continue;
			VECTOR(seen)[VECTOR(component)[v]] = 1;
			s->component_count++;
		}
		igraph_vector_bool_destroy(&seen);
		IGRAPH_FINALLY_CLEAN(1);
	}
	igraph_vector_int_destroy(&component);
	igraph_destroy(&view);
	igraph_vector_int_destroy(&sign);
	IGRAPH_FINALLY_CLEAN(3);
	return IGRAPH_SUCCESS;
}
