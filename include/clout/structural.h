/* structural.h: structural analyses of an influence network: MICMAC influence and dependence. */
#ifndef CLOUT_STRUCTURAL_H
#define CLOUT_STRUCTURAL_H

#include <clout/network.h>
#include <clout/render.h>

/* Sectors of the influence-dependence plane, axes through the means. */
enum clout_sector {
	CLOUT_SECTOR_DRIVER,		/* high influence, low dependence */
	CLOUT_SECTOR_RELAY,		/* both high */
	CLOUT_SECTOR_DEPENDENT,		/* low influence, high dependence */
	CLOUT_SECTOR_AUTONOMOUS,	/* both low */
	CLOUT_SECTOR_COUNT
};

const char	*clout_sector_name(enum clout_sector sector);

/* Powers of M are followed up to this k for the ranking to settle. */
#define CLOUT_MICMAC_MAX_POWER	20

/*
 * MICMAC of a network. M holds the weight magnitudes (signs ignored), zero
 * diagonal; an undirected network reads every relation both ways.
 *
 * Direct influence and dependence are the row and column sums of M.
 * Indirect ones are the row and column sums of the attenuated sum
 * T = sum_{k>=1} alpha^(k-1) M^k = M (I - alpha M)^(-1), computed exactly.
 * Sectors compare each value with the mean over all vertices (equal counts
 * as high). Besides, the rankings by the row and column sums of M^k are
 * followed for k = 1, 2, ...: stable_k is the first k whose rankings equal
 * those of k - 1 (ties within 1e-12 broken by id), or -1 when they did not
 * settle by CLOUT_MICMAC_MAX_POWER; vanish_k > 0 is the k with M^k = 0 (an
 * acyclic network), 0 otherwise.
 */
struct clout_micmac {
	igraph_vector_t		 direct_influence, direct_dependence;
	igraph_vector_t		 indirect_influence, indirect_dependence;
	igraph_vector_int_t	 sector, indirect_sector;	/* enum clout_sector */
	igraph_vector_int_t	 power_influence_rank;		/* 1-based, from M^stable_k */
	double			 alpha;		/* the attenuation used */
	double			 rho;		/* spectral radius of M */
	igraph_integer_t	 stable_k;
	igraph_integer_t	 vanish_k;
};

igraph_error_t	clout_micmac_init(struct clout_micmac *mm);
void		clout_micmac_destroy(struct clout_micmac *mm);

/*
 * Compute MICMAC with attenuation alpha, or 0.5/rho(M) when alpha is NaN
 * (0.5 when rho(M) = 0). alpha must be above 0 and below 1/rho(M): else
 * IGRAPH_EINVAL, with the reason for clout_error_message().
 * Time complexity: O(|V|^3) (dense eigenvalues and one LU factorisation).
 */
igraph_error_t	clout_micmac_compute(const struct clout_network *net, double alpha,
		    struct clout_micmac *mm);

/*
 * The direct and attenuated sums and their sectors only, with a given alpha
 * the caller knows to be below 1/rho(M) (a network with vertices or
 * relations taken out of one whose rho was checked: its rho cannot be
 * larger). rho is NaN, stable_k -1, vanish_k 0, no power ranks.
 * Time complexity: O(|V|^3) (one LU factorisation), about 20 times less
 * than clout_micmac_compute's eigenvalues and powers of M.
 */
igraph_error_t	clout_micmac_sums(const struct clout_network *net, double alpha,
		    struct clout_micmac *mm);

/*
 * The influence-dependence plane as a drawing with pinned positions:
 * dependence across, influence up, the mean lines, the sector names, each
 * vertex as a small shape in its sector's colour with its label beside it.
 * direct: the direct sums, else the attenuated ones. title may be NULL.
 */
igraph_error_t	clout_micmac_plane(const struct clout_network *net, const struct clout_micmac *mm,
		    int direct, struct clout_drawing *drawing);

/*
 * Who holds the network together (undirected view: relations without their
 * direction, reciprocal ones as one tie) and who controls access.
 * articulation[v] is 1 when removing v splits its component; bridges holds
 * the ties (pairs of vertices, lower index first) whose removal splits one;
 * bridge_count[v] how many bridges touch v. reaches[v] and reached_by[v]
 * count the vertices v can influence and that can influence v, directly or
 * not. With a root, dominator[v] is v's immediate dominator (the last vertex
 * every influence path from the root to v must cross), -1 for the root and
 * for vertices it cannot reach; dominated[v] counts the vertices v dominates.
 * Time complexity: O(|V| |E|) for the reach counts, O(|V| + |E|) otherwise.
 */
struct clout_deps {
	igraph_vector_int_t	 articulation, bridge_count, reaches, reached_by;
	igraph_vector_int_t	 bridges;	/* v0, w0, v1, w1, ... */
	igraph_vector_int_t	 dominator, dominated;
	igraph_integer_t	 root;		/* -1: no dominator tree */
};

igraph_error_t	clout_deps_init(struct clout_deps *deps);
void		clout_deps_destroy(struct clout_deps *deps);
igraph_error_t	clout_deps_compute(const struct clout_network *net, igraph_integer_t root,
		    struct clout_deps *deps);
/* The dominator tree computed with a root, as a drawing laid out by dot. */
igraph_error_t	clout_deps_tree(const struct clout_network *net, const struct clout_deps *deps,
		    struct clout_drawing *drawing);

#endif
