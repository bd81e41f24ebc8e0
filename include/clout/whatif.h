/* whatif.h: what changes when actors drop out, relations break or turn round. */
#ifndef CLOUT_WHATIF_H
#define CLOUT_WHATIF_H

#include <clout/network.h>
#include <clout/rank.h>

/*
 * A scenario against one network: vertices to remove (actors or issues),
 * relations to drop, relations whose sign turns round. Removing a vertex
 * drops its relations too.
 */
struct clout_scenario {
	igraph_vector_bool_t	 remove;	/* per vertex */
	igraph_vector_bool_t	 drop;		/* per relation */
	igraph_vector_bool_t	 flip;		/* per relation */
};

igraph_error_t	clout_scenario_init(struct clout_scenario *s, const struct clout_network *net);
void		clout_scenario_destroy(struct clout_scenario *s);
/*
 * Add to a scenario from the command line's text: ids separated by commas
 * ("putin,lavrov"; a text that is itself an id, commas and all, names that
 * one), or one relation "SOURCE:TARGET" (ids may hold colons: the
 * split that names two existing vertices wins). In an undirected network a
 * relation may be named either way round. An unknown id, a missing relation
 * or an ambiguous split is IGRAPH_EINVAL with the reason for
 * clout_error_message().
 */
igraph_error_t	clout_scenario_remove(struct clout_scenario *s, const struct clout_network *net,
		    const char *ids);
igraph_error_t	clout_scenario_drop(struct clout_scenario *s, const struct clout_network *net,
		    const char *relation);
igraph_error_t	clout_scenario_flip(struct clout_scenario *s, const struct clout_network *net,
		    const char *relation);

/*
 * The network before and after a scenario, per vertex of the original
 * network (after-values of removed vertices are NaN or -1):
 * score and rank by one `clout rank` metric (rank 1 = highest, ties by id,
 * among the vertices present); reach = how many vertices it reaches, and
 * reach_lost = how many vertices still present it reached before and does
 * not reach after; the MICMAC sector of the attenuated sums, after computed
 * with the alpha of before (removing vertices or relations cannot raise the
 * spectral radius, so that alpha stays valid and the sums stay comparable).
 *
 * damage is the L1 change of the score vector over the actors still
 * present; reach_lost_pairs the ordered pairs of vertices still present of
 * which the first reached the second before and no longer does.
 */
struct clout_whatif {
	enum clout_metric	 metric;
	igraph_vector_t		 score_before, score_after;
	igraph_vector_int_t	 rank_before, rank_after;
	igraph_vector_int_t	 reach_before, reach_after, reach_lost;
	igraph_vector_int_t	 sector_before, sector_after;	/* enum clout_sector */
	igraph_vector_int_t	 camp_before, camp_after;	/* -1: no signed tie */
	igraph_integer_t	 frustration_before, frustration_after;
	igraph_bool_t		 frustration_exact;		/* both proved optimal */
	double			 damage;
	igraph_integer_t	 reach_lost_pairs;
	igraph_integer_t	 removed_vertices, removed_relations, flipped_relations;
	igraph_integer_t	 rank_changes, sector_changes, camp_changes;
	double			 alpha;
};

igraph_error_t	clout_whatif_init(struct clout_whatif *w);
void		clout_whatif_destroy(struct clout_whatif *w);
/* Time complexity: that of the metric, O(|V| (|V| + |E|)) for reach, O(|V|^3) for MICMAC. */
igraph_error_t	clout_whatif_compute(const struct clout_network *net, const struct clout_scenario *s,
		    enum clout_metric metric, struct clout_whatif *w);

/*
 * Every actor knocked out in turn (the veto-player or spoiler report), per
 * vertex (NaN or -1 for issues): damage_power[a] is the L1 change of the
 * other actors' power when actor a is removed; reach_lost[a] the ordered
 * pairs of other vertices that can no longer reach each other.
 * sector_changes[a] and camp_changes[a] count the other vertices whose
 * MICMAC sector or camp changes (-1 when not computed: above
 * CLOUT_KNOCKOUT_DETAIL_LIMIT vertices, and for camps also when the whole
 * case's split needed more than CLOUT_FRUSTRATION_BUDGET / (number of
 * actors) search nodes, so that all knock-outs stay within about one budget).
 *
 * reach_lost comes from one dominator tree per source vertex (u loses w
 * exactly when the removed vertex dominates w from u), so all knock-outs
 * together cost O(|V| |E|) instead of O(|V|^2 |E|).
 */
#define CLOUT_KNOCKOUT_DETAIL_LIMIT	300

struct clout_knockout {
	igraph_vector_t		 damage_power;
	igraph_vector_int_t	 reach_lost;
	igraph_vector_int_t	 sector_changes, camp_changes;
	igraph_bool_t		 sectors_computed, camps_computed;
	igraph_integer_t	 camp_search_nodes;	/* the whole case's split */
};

igraph_error_t	clout_knockout_init(struct clout_knockout *k);
void		clout_knockout_destroy(struct clout_knockout *k);
igraph_error_t	clout_knockout_compute(const struct clout_network *net, struct clout_knockout *k);

#endif
