/*
 * test_blocs.c: signed structure and communities against hand-worked values and brute force.
 *
 * The signed fixture (tests/fixtures/signed): vertices a b c d e (actors)
 * and x (issue), indices 0..5 in that order. Summing sign * weight per pair:
 * ab +3, ac -1, bc -2, cd +1, ad -1, bd +1 - 1 = 0 (no tie), cx +1, dx +2,
 * ax -1, bx +1, ae +1 - 1 = 0 (no tie). Nine ties, four negative; e has
 * none. Triangles: abc (+ - -), acd (- + -), cdx (+ + +), acx (- + -),
 * adx (- + -) are balanced; abx (+ + -) and bcx (- + +) are not: 5 of 7.
 * Removing bx balances the rest with camps {a, b} and {c, d, x}, and bx is
 * the only tie the two unbalanced triangles share, so the frustration index
 * is 1 and that split is the only one reaching it: camps a 0, b 0, c 1, d 1,
 * x 1, e -1.
 *
 * PN: n = 6, (I - A/10) PN = 1 with A = P - 2N, solved in exact fractions:
 * a 1530/3497, b 3410/3497, c 3330/3497, d 3950/3497, e 1, x 4260/3497.
 *
 * Positive ties, undirected and summed: ab 3, bd 1 (d->b is negative), cd
 * 1, cx 1, dx 2, bx 1, ae 1: m = 10. The split {a, b, e} | {c, d, x} keeps
 * 4 + 4 inside with strength sums 10 and 10: Q = 2 (4/10 - (10/20)^2) =
 * 0.3, the best of the 203 partitions of six vertices (checked by the peer
 * test).
 */
#define _DEFAULT_SOURCE
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test.h"

/* Write a small case into a fresh temporary folder; returns the folder (free it). */
static char *
write_case(const char *actors, const char *relations)
{
	char	*dir = strdup("/tmp/clout-blocs-XXXXXX"), path[512];
	FILE	*f;

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/actors.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(actors, f);
	fclose(f);
	snprintf(path, sizeof path, "%s/relations.csv", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs(relations, f);
	fclose(f);
	return dir;
}

static void
remove_case(char *dir)
{
	char	path[512];

	snprintf(path, sizeof path, "%s/actors.csv", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/relations.csv", dir);
	unlink(path);
	rmdir(dir);
	free(dir);
}

static void
signed_hand_case(void **state)
{
	struct clout_network	net;
	struct clout_signed	s;
	static const int	camp[6] = { 0, 0, 1, 1, -1, 1 };
	static const double	pn[6] = { 1530.0 / 3497, 3410.0 / 3497, 3330.0 / 3497,
				    3950.0 / 3497, 1, 4260.0 / 3497 };
	int			v;

	(void)state;
	load_case(FIXTURE("signed"), &net);
	assert_int_equal(clout_network_vcount(&net), 6);
	assert_int_equal(clout_signed_init(&s), IGRAPH_SUCCESS);
	assert_int_equal(clout_signed_compute(&net, &s), IGRAPH_SUCCESS);
	assert_int_equal(s.tie_count, 9);
	assert_int_equal(s.negative_tie_count, 4);
	assert_int_equal(s.triangle_count, 7);
	assert_int_equal(s.balanced_triangle_count, 5);
	assert_float_equal(s.balanced_triangle_share, 5.0 / 7, 1e-15);
	assert_int_equal(s.frustration_index, 1);
	assert_true(s.frustration_exact);
	assert_int_equal(s.frustration_lower_bound, 1);
	assert_int_equal(s.camp_count, 2);
	assert_int_equal(s.component_count, 1);
	for (v = 0; v < 6; v++) {
		/* no vertex has as many violated ties as kept ones: none could swing */
		assert_int_equal(VECTOR(s.swing)[v], v == 4 ? -1 : 0);
		assert_int_equal(VECTOR(s.camp)[v], camp[v]);
		assert_float_equal(VECTOR(s.pn)[v], pn[v], 1e-12);
	}
	/* walk balance: a value strictly between 0 and 1 (exact value in the peer test) */
	assert_true(s.walk_balance > 0 && s.walk_balance < 1);
	clout_signed_destroy(&s);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

/*
 * Triangles worked by hand. All negative: A = -(J - I) has eigenvalues
 * -2, 1, 1 and |A| = J - I has 2, -1, -1, so K = (e^-2 + 2e) / (e^2 + 2/e);
 * PN with b = 1/4: by symmetry x = 1 + b (-2 - 2) x, x = 1/2. All positive:
 * K = 1, PN x = 1 + b (1 + 1) x = 2. Frustration: 1 and 0.
 */
static void
signed_triangles(void **state)
{
	static const char	*actors = "id\np\nq\nr\n";
	struct clout_network	net;
	struct clout_signed	s;
	char			*dir;
	int			neg, v;

	(void)state;
	for (neg = 0; neg < 2; neg++) {
		dir = write_case(actors, neg ?
		    "source,target,weight,sign\np,q,1,-\nq,r,2,-\nr,p,3,-\n" :
		    "source,target,weight,sign\np,q,1,+\nq,r,2,+\nr,p,3,+\n");
		load_case(dir, &net);
		assert_int_equal(clout_signed_init(&s), IGRAPH_SUCCESS);
		assert_int_equal(clout_signed_compute(&net, &s), IGRAPH_SUCCESS);
		assert_int_equal(s.triangle_count, 1);
		assert_float_equal(s.balanced_triangle_share, neg ? 0 : 1, 0);
		assert_float_equal(s.walk_balance, neg ? (exp(-2) + 2 * exp(1)) /
		    (exp(2) + 2 * exp(-1)) : 1, 1e-13);
		assert_int_equal(s.frustration_index, neg ? 1 : 0);
		assert_true(s.frustration_exact);
		/* all negative: two of the three must share a camp; p is alone on its side */
		assert_int_equal(s.camp_count, neg ? 2 : 1);
		assert_int_equal(VECTOR(s.camp)[0], 0);
		for (v = 0; v < 3; v++)
			assert_float_equal(VECTOR(s.pn)[v], neg ? 0.5 : 2, 1e-13);
		/* the two sharing a camp violate one of their two ties: either camp costs them the same */
		assert_int_equal(VECTOR(s.swing)[0] + VECTOR(s.swing)[1] + VECTOR(s.swing)[2],
		    neg ? 2 : 0);
		clout_signed_destroy(&s);
		clout_network_destroy(&net);
		remove_case(dir);
	}
	VERIFY_FINALLY_STACK();
}

/* ---- frustration against brute force ---- */

static uint64_t	rng_state = 88172645463325252u;

static unsigned
rnd(unsigned below)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % below);
}

static int
violations(const igraph_t *g, const igraph_vector_int_t *sign, const int *side)
{
	igraph_integer_t	e;
	int			count = 0;

	for (e = 0; e < igraph_ecount(g); e++) {
		int	a = side[IGRAPH_FROM(g, e)], b = side[IGRAPH_TO(g, e)];

		count += VECTOR(*sign)[e] > 0 ? a != b : a == b;
	}
	return count;
}

/* The minimum over all 2^(n-1) splits (vertex 0 on side 0). */
static int
brute_force(const igraph_t *g, const igraph_vector_int_t *sign)
{
	int		n = (int)igraph_vcount(g), best = 1 << 30, side[32], v;
	unsigned long	mask;

	for (mask = 0; mask < 1ul << (n - 1); mask++) {
		side[0] = 0;
		for (v = 1; v < n; v++)
			side[v] = (int)(mask >> (v - 1) & 1);
		v = violations(g, sign, side);
		if (v < best)
			best = v;
	}
	return best;
}

/* A random simple signed graph: n vertices, each pair tied with probability p percent. */
static void
random_signed(igraph_t *g, igraph_vector_int_t *sign, int n, unsigned p, unsigned negative)
{
	igraph_vector_int_t	edges;
	int			a, b;

	assert_int_equal(igraph_vector_int_init(&edges, 0), IGRAPH_SUCCESS);
	igraph_vector_int_clear(sign);
	for (a = 0; a < n; a++)
		for (b = a + 1; b < n; b++)
			if (rnd(100) < p) {
				igraph_vector_int_push_back(&edges, a);
				igraph_vector_int_push_back(&edges, b);
				igraph_vector_int_push_back(sign, rnd(100) < negative ? -1 : 1);
			}
	assert_int_equal(igraph_create(g, &edges, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
	igraph_vector_int_destroy(&edges);
}

/* Camps are numbered by first appearance in vertex order, -1 exactly for isolated vertices. */
static void
assert_canonical(const igraph_t *g, const igraph_vector_int_t *camp, igraph_integer_t count)
{
	igraph_integer_t	v, next = 0;
	igraph_vector_int_t	degree;

	assert_int_equal(igraph_vector_int_init(&degree, 0), IGRAPH_SUCCESS);
	igraph_degree(g, &degree, igraph_vss_all(), IGRAPH_ALL, 0);
	for (v = 0; v < igraph_vcount(g); v++) {
		igraph_integer_t	c = VECTOR(*camp)[v];

		assert_true((c < 0) == (VECTOR(degree)[v] == 0));
		assert_true(c <= next);
		if (c == next)
			next++;
	}
	assert_int_equal(next, count);
	igraph_vector_int_destroy(&degree);
}

static void
frustration_brute_force(void **state)
{
	igraph_t		g;
	igraph_vector_int_t	sign, camp;
	igraph_integer_t	index, lower, count, nodes;
	igraph_bool_t		exact;
	int			trial, side[32], v, brute, checked = 0, heuristic_hits = 0;

	(void)state;
	assert_int_equal(igraph_vector_int_init(&sign, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&camp, 0), IGRAPH_SUCCESS);
	for (trial = 0; trial < test_trials(400); trial++) {
		int	n = 1 + (int)rnd(14);

		random_signed(&g, &sign, n, 10 + rnd(80), rnd(101));
		brute = igraph_ecount(&g) > 0 ? brute_force(&g, &sign) : 0;

		/* exact: the brute-force minimum, reached by the camps */
		assert_int_equal(clout_signed_frustration(&g, &sign, CLOUT_FRUSTRATION_BUDGET, &index,
		    &exact, &lower, &camp, &count, &nodes), IGRAPH_SUCCESS);
		assert_true(exact);
		assert_int_equal(index, brute);
		assert_int_equal(lower, brute);
		/* ties stay within a component, which has at most two camps: compare camp numbers */
		for (v = 0; v < n; v++)
			side[v] = (int)VECTOR(camp)[v];
		{
			igraph_integer_t	e;
			int			bad = 0;

			for (e = 0; e < igraph_ecount(&g); e++) {
				int	a = side[IGRAPH_FROM(&g, e)], b = side[IGRAPH_TO(&g, e)];

				bad += VECTOR(sign)[e] > 0 ? a != b : a == b;
			}
			assert_int_equal(bad, brute);
		}
		assert_canonical(&g, &camp, count);

		/* no search at all: an upper bound its camps reach, and a valid lower bound */
		assert_int_equal(clout_signed_frustration(&g, &sign, 0, &index, &exact, &lower, &camp,
		    &count, NULL), IGRAPH_SUCCESS);
		assert_true(index >= brute);
		assert_true(lower <= brute);
		if (exact)
			assert_int_equal(index, brute);
		for (v = 0; v < n; v++)
			side[v] = (int)VECTOR(camp)[v];
		{
			igraph_integer_t	e;
			int			bad = 0;

			for (e = 0; e < igraph_ecount(&g); e++) {
				int	a = side[IGRAPH_FROM(&g, e)], b = side[IGRAPH_TO(&g, e)];

				bad += VECTOR(sign)[e] > 0 ? a != b : a == b;
			}
			assert_int_equal(bad, index);
		}
		assert_canonical(&g, &camp, count);
		heuristic_hits += index == brute;
		checked++;
		igraph_destroy(&g);
	}
	/* the local search alone is good on graphs this small */
	assert_true(heuristic_hits >= checked * 9 / 10);
	igraph_vector_int_destroy(&camp);
	igraph_vector_int_destroy(&sign);
	VERIFY_FINALLY_STACK();
}

/*
 * Several components: a negative tie 3-4, a positive path 0-1-2, an
 * isolated 5, a balanced square 6-7-8-9 with one negative tie 6-9 and
 * positive ties 6-7, 7-8, 8-9: that square has one negative tie, so it is
 * unbalanced and must violate one tie. Camps in order of first vertex:
 * {0,1,2} 0; 3 is 1, 4 is 2; 5 none; the square's side holding 6 is 3, and
 * its other side (if any) 4.
 */
static void
frustration_components(void **state)
{
	igraph_t		g;
	igraph_vector_int_t	sign, camp;
	igraph_integer_t	index, lower, count;
	igraph_bool_t		exact;

	(void)state;
	assert_int_equal(igraph_small(&g, 10, IGRAPH_UNDIRECTED, 3, 4, 0, 1, 1, 2, 6, 7, 7, 8,
	    8, 9, 6, 9, -1), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init_int(&sign, 7, -1, 1, 1, 1, 1, 1, -1),
	    IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&camp, 0), IGRAPH_SUCCESS);
	assert_int_equal(clout_signed_frustration(&g, &sign, 1000, &index, &exact, &lower, &camp,
	    &count, NULL), IGRAPH_SUCCESS);
	assert_int_equal(index, 1);
	assert_true(exact);
	assert_int_equal(VECTOR(camp)[0], 0);
	assert_int_equal(VECTOR(camp)[1], 0);
	assert_int_equal(VECTOR(camp)[2], 0);
	assert_int_equal(VECTOR(camp)[3], 1);
	assert_int_equal(VECTOR(camp)[4], 2);
	assert_int_equal(VECTOR(camp)[5], -1);
	assert_int_equal(VECTOR(camp)[6], 3);
	assert_canonical(&g, &camp, count);
	assert_true(count == 4 || count == 5);
	igraph_vector_int_destroy(&camp);
	igraph_vector_int_destroy(&sign);
	igraph_destroy(&g);
	VERIFY_FINALLY_STACK();
}

/* Larger random graphs: the exact search agrees with itself under vertex relabelling. */
static void
frustration_relabelled(void **state)
{
	igraph_t		g, h;
	igraph_vector_int_t	sign, camp, perm, hsign;
	igraph_integer_t	index, index2, lower, count, e;
	igraph_bool_t		exact, exact2;
	int			trial, n = 36, i;

	(void)state;
	assert_int_equal(igraph_vector_int_init(&sign, 0), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init(&camp, 0), IGRAPH_SUCCESS);
	for (trial = 0; trial < test_trials(20); trial++) {
		igraph_vector_int_t	edges;

		random_signed(&g, &sign, n, 15, 30);
		assert_int_equal(igraph_vector_int_init(&perm, n), IGRAPH_SUCCESS);
		for (i = 0; i < n; i++)
			VECTOR(perm)[i] = i;
		for (i = n - 1; i > 0; i--) {
			int	j = (int)rnd((unsigned)i + 1), t = (int)VECTOR(perm)[i];

			VECTOR(perm)[i] = VECTOR(perm)[j];
			VECTOR(perm)[j] = t;
		}
		/* edges reversed and relabelled: the same signed graph under other names */
		assert_int_equal(igraph_vector_int_init(&edges, 0), IGRAPH_SUCCESS);
		assert_int_equal(igraph_vector_int_init(&hsign, 0), IGRAPH_SUCCESS);
		for (e = igraph_ecount(&g) - 1; e >= 0; e--) {
			igraph_vector_int_push_back(&edges, VECTOR(perm)[IGRAPH_TO(&g, e)]);
			igraph_vector_int_push_back(&edges, VECTOR(perm)[IGRAPH_FROM(&g, e)]);
			igraph_vector_int_push_back(&hsign, VECTOR(sign)[e]);
		}
		assert_int_equal(igraph_create(&h, &edges, n, IGRAPH_UNDIRECTED), IGRAPH_SUCCESS);
		assert_int_equal(clout_signed_frustration(&g, &sign, CLOUT_FRUSTRATION_BUDGET, &index,
		    &exact, &lower, &camp, &count, NULL), IGRAPH_SUCCESS);
		assert_int_equal(clout_signed_frustration(&h, &hsign, CLOUT_FRUSTRATION_BUDGET, &index2,
		    &exact2, &lower, &camp, &count, NULL), IGRAPH_SUCCESS);
		assert_true(exact && exact2);
		assert_int_equal(index, index2);
		igraph_vector_int_destroy(&hsign);
		igraph_vector_int_destroy(&edges);
		igraph_vector_int_destroy(&perm);
		igraph_destroy(&h);
		igraph_destroy(&g);
	}
	igraph_vector_int_destroy(&camp);
	igraph_vector_int_destroy(&sign);
	VERIFY_FINALLY_STACK();
}

/* ---- communities ---- */

static void
communities_hand_case(void **state)
{
	struct clout_network		net;
	struct clout_communities	c;
	static const int		leiden[6] = { 0, 0, 1, 1, 0, 1 };

	(void)state;
	load_case(FIXTURE("signed"), &net);
	assert_int_equal(clout_communities_init(&c), IGRAPH_SUCCESS);
	assert_int_equal(clout_communities_compute(&net, 42, &c), IGRAPH_SUCCESS);
	assert_int_equal(c.leiden_count, 2);
	assert_float_equal(c.modularity, 0.3, 1e-12);
	for (int v = 0; v < 6; v++)
		assert_int_equal(VECTOR(c.leiden)[v], leiden[v]);
	/* blocs North {a, b, e} and South {c, d}: the communities over the actors match */
	assert_int_equal(c.bloc_actor_count, 5);
	assert_float_equal(c.nmi_bloc, 1, 1e-12);
	assert_float_equal(c.ari_bloc, 1, 1e-12);
	assert_true(c.infomap_count >= 1);
	assert_true(isfinite(c.infomap_codelength));
	clout_communities_destroy(&c);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

/*
 * Two positive triangles {p,q,r} and {s,t,u} joined by one tie r-s of
 * weight 1; u has no positive tie besides, w none at all (only a negative
 * one). Weights 1: m = 7, inside 3 + 3, strength sums 7 and 7:
 * Q = 2 (3/7 - (7/14)^2) = 6/7 - 1/2 = 5/14. Blocs put p, q, r, s in West
 * and t, u in East: contingency over the six actors with a bloc (w has
 * none) is [[3, 1], [0, 2]].
 * ARI by hand: sum C(n_ij, 2) = 3 + 0 + 0 + 1 = 4; rows (4, 2): 6 + 1 = 7;
 * columns (3, 3): 3 + 3 = 6; C(6, 2) = 15; expected 7 * 6 / 15 = 2.8;
 * ARI = (4 - 2.8) / ((7 + 6) / 2 - 2.8) = 1.2 / 3.7 = 12/37.
 */
static void
communities_two_triangles(void **state)
{
	struct clout_network		net;
	struct clout_communities	c;
	igraph_t			pos;
	igraph_vector_int_t		leiden_copy;
	double				q;
	char				*dir;
	int				v;

	(void)state;
	dir = write_case("id,bloc\np,West\nq,West\nr,West\ns,West\nt,East\nu,East\nw,\n",
	    "source,target,weight,sign\np,q,1,+\nq,r,1,+\nr,p,1,+\ns,t,1,+\nt,u,1,+\nu,s,1,+\n"
	    "r,s,1,+\nw,p,2,-\n");
	load_case(dir, &net);
	assert_int_equal(clout_communities_init(&c), IGRAPH_SUCCESS);
	assert_int_equal(clout_communities_compute(&net, 7, &c), IGRAPH_SUCCESS);
	assert_int_equal(c.leiden_count, 2);
	assert_float_equal(c.modularity, 5.0 / 14, 1e-12);
	for (v = 0; v < 6; v++)
		assert_int_equal(VECTOR(c.leiden)[v], v / 3);
	assert_int_equal(VECTOR(c.leiden)[6], -1);
	assert_int_equal(VECTOR(c.infomap)[6], -1);
	assert_int_equal(c.bloc_actor_count, 6);
	assert_float_equal(c.ari_bloc, 12.0 / 37, 1e-12);

	/* the modularity is igraph's of the same membership on the positive view */
	assert_int_equal(igraph_small(&pos, 7, IGRAPH_UNDIRECTED, 0, 1, 1, 2, 2, 0, 3, 4, 4, 5, 5, 3,
	    2, 3, -1), IGRAPH_SUCCESS);
	assert_int_equal(igraph_vector_int_init_copy(&leiden_copy, &c.leiden), IGRAPH_SUCCESS);
	VECTOR(leiden_copy)[6] = 2;	/* a community of its own */
	assert_int_equal(igraph_modularity(&pos, &leiden_copy, NULL, 1, 0, &q), IGRAPH_SUCCESS);
	assert_float_equal(q, c.modularity, 1e-12);
	igraph_vector_int_destroy(&leiden_copy);
	igraph_destroy(&pos);
	clout_communities_destroy(&c);
	clout_network_destroy(&net);
	remove_case(dir);
	VERIFY_FINALLY_STACK();
}

/* NMI and ARI where they are undefined: one bloc and one community; fewer than two actors. */
static void
communities_undefined_agreement(void **state)
{
	struct clout_network		net;
	struct clout_communities	c;
	char				*dir;

	(void)state;
	dir = write_case("id,bloc\np,X\nq,X\nr,X\n",
	    "source,target,weight,sign\np,q,1,+\nq,r,1,+\nr,p,1,+\n");
	load_case(dir, &net);
	assert_int_equal(clout_communities_init(&c), IGRAPH_SUCCESS);
	assert_int_equal(clout_communities_compute(&net, 42, &c), IGRAPH_SUCCESS);
	assert_int_equal(c.leiden_count, 1);
	assert_float_equal(c.modularity, 0, 1e-12);
	assert_true(isnan(c.nmi_bloc) && isnan(c.ari_bloc));
	clout_communities_destroy(&c);
	clout_network_destroy(&net);
	remove_case(dir);

	/* no positive tie at all: no community, modularity undefined */
	dir = write_case("id,bloc\np,X\nq,Y\n", "source,target,weight,sign\np,q,1,-\n");
	load_case(dir, &net);
	assert_int_equal(clout_communities_init(&c), IGRAPH_SUCCESS);
	assert_int_equal(clout_communities_compute(&net, 42, &c), IGRAPH_SUCCESS);
	assert_int_equal(c.leiden_count, 0);
	assert_int_equal(VECTOR(c.leiden)[0], -1);
	assert_true(isnan(c.modularity));
	/* each actor its own community, each its own bloc: both all singletons, ARI 0/0 */
	assert_true(isnan(c.ari_bloc));
	assert_float_equal(c.nmi_bloc, 1, 1e-12);
	clout_communities_destroy(&c);
	clout_network_destroy(&net);
	remove_case(dir);
	VERIFY_FINALLY_STACK();
}

/* The same seed gives the same partition; numbering is canonical whatever the seed. */
static void
communities_seeded(void **state)
{
	struct clout_network		net;
	struct clout_communities	a, b;
	igraph_uint_t			seed;
	igraph_integer_t		v, next;

	(void)state;
	load_case("data/ukraine-2025", &net);
	assert_int_equal(clout_communities_init(&a), IGRAPH_SUCCESS);
	assert_int_equal(clout_communities_init(&b), IGRAPH_SUCCESS);
	for (seed = 1; seed <= 5; seed++) {
		assert_int_equal(clout_communities_compute(&net, seed, &a), IGRAPH_SUCCESS);
		assert_int_equal(clout_communities_compute(&net, seed, &b), IGRAPH_SUCCESS);
		assert_true(igraph_vector_int_all_e(&a.leiden, &b.leiden));
		assert_true(igraph_vector_int_all_e(&a.infomap, &b.infomap));
		assert_float_equal(a.modularity, b.modularity, 0);
		/* numbered by id: the smallest id of community c + 1 comes after that of c */
		for (next = 0; next < a.leiden_count; next++) {
			const char	*least = NULL, *id;

			for (v = 0; v < clout_network_vcount(&net); v++) {
				id = igraph_strvector_get(&net.id, v);
				if (VECTOR(a.leiden)[v] == next && (least == NULL ||
				    strcmp(id, least) < 0))
					least = id;
			}
			assert_non_null(least);
			for (v = 0; v < clout_network_vcount(&net); v++)
				if (VECTOR(a.leiden)[v] > next)
					assert_true(strcmp(igraph_strvector_get(&net.id, v), least) > 0);
		}
		assert_true(a.modularity > 0.3 && a.modularity < 1);
	}
	clout_communities_destroy(&b);
	clout_communities_destroy(&a);
	clout_network_destroy(&net);
	VERIFY_FINALLY_STACK();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(signed_hand_case),
		cmocka_unit_test(signed_triangles),
		cmocka_unit_test(frustration_brute_force),
		cmocka_unit_test(frustration_components),
		cmocka_unit_test(frustration_relabelled),
		cmocka_unit_test(communities_hand_case),
		cmocka_unit_test(communities_two_triangles),
		cmocka_unit_test(communities_undefined_agreement),
		cmocka_unit_test(communities_seeded),
	};

	return cmocka_run_group_tests_name("blocs", tests, test_setup, NULL);
}
