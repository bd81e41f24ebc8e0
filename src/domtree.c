/* domtree.c: the dominator tree of a root as a drawing (dot lays trees out well). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

#define TREE_MAX_VERTICES	1000	/* dot stays within seconds on trees this size */

igraph_error_t
clout_deps_tree(const struct clout_network *net, const struct clout_deps *deps,
    struct clout_drawing *d)
{
	igraph_integer_t	 v, n = clout_network_vcount(net), *node_of, drawn = 0, k;
	const char		**names, **colours;
	igraph_integer_t	*actors, nactors = 0, ncat = 0;
	const char		**fill, **by_vertex;
	struct clout_legend_section *s;
	struct clout_legend_row	*r;
	const char		*root_label;
	igraph_error_t		 ret = IGRAPH_SUCCESS;

	if (deps->root < 0 || igraph_vector_int_size(&deps->dominator) != n)
		IGRAPH_ERROR("no dominator tree was computed: give a root", IGRAPH_EINVAL);
	for (v = 0; v < n; v++)
		drawn += v == deps->root || VECTOR(deps->dominator)[v] >= 0;
	if (drawn > TREE_MAX_VERTICES)
		IGRAPH_ERRORF("the tree has %" IGRAPH_PRId " vertices, more than the %d clout draws",
		    IGRAPH_EINVAL, drawn, TREE_MAX_VERTICES);
	root_label = igraph_strvector_get(&net->label, deps->root);
	d->engine = CLOUT_ENGINE_DOT;
	d->splines = 1;
	d->left_to_right = 1;	/* dominator trees are wide and shallow */
	d->name = clout_i_strdup(net->name != NULL ? net->name : "clout");
	d->title = clout_i_asprintf("Dominator tree from %s", root_label);
	d->caption = clout_i_asprintf("An arrow d \xe2\x86\x92 v: every chain of influence from %s "
	    "to v passes through d, the last such vertex before v.\n%" IGRAPH_PRId " of %"
	    IGRAPH_PRId " vertices are reachable from %s.", root_label, drawn, n, root_label);
	CLOUT_CHECK_ALLOC(d->name);
	CLOUT_CHECK_ALLOC(d->title);
	CLOUT_CHECK_ALLOC(d->caption);

	node_of = calloc((size_t)n + 1, sizeof node_of[0]);
	names = calloc((size_t)n + 1, sizeof names[0]);
	colours = calloc((size_t)n + 1, sizeof colours[0]);
	actors = calloc((size_t)n + 1, sizeof actors[0]);
	fill = calloc((size_t)n + 1, sizeof fill[0]);
	by_vertex = calloc((size_t)n + 1, sizeof by_vertex[0]);
	if (node_of == NULL || names == NULL || colours == NULL || actors == NULL || fill == NULL ||
	    by_vertex == NULL) {
		ret = IGRAPH_ENOMEM;
		goto out;
	}
	/* blocs of the drawn actors, coloured as maps colour them */
	for (v = 0; v < n; v++)
		if ((v == deps->root || VECTOR(deps->dominator)[v] >= 0) &&
		    VECTOR(net->type)[v] != CLOUT_VERTEX_ISSUE)
			actors[nactors++] = v;
	if ((ret = clout_i_bloc_colours(net, actors, nactors, fill, names, colours, &ncat)) !=
	    IGRAPH_SUCCESS)
		goto out;
	for (k = 0; k < nactors; k++)
		by_vertex[actors[k]] = fill[k];
	for (v = 0; v < n && ret == IGRAPH_SUCCESS; v++) {
		struct clout_drawing_node	*node;
		int				 issue = VECTOR(net->type)[v] == CLOUT_VERTEX_ISSUE;

		node_of[v] = -1;
		if (!(v == deps->root || VECTOR(deps->dominator)[v] >= 0))
			continue;
		if ((ret = clout_drawing_add_node(d, igraph_strvector_get(&net->id, v),
		    igraph_strvector_get(&net->label, v), &node)) != IGRAPH_SUCCESS)
			break;
		node_of[v] = d->nnodes - 1;
		node->shape = issue ? "diamond" : "circle";
		node->width = node->height = issue ? 0.3 : 0.25;
		node->emphasis = v == deps->root;
		snprintf(node->fill, sizeof node->fill, "%s", issue ? "#FFFFFF" : by_vertex[v]);
		node->tooltip = clout_i_asprintf("%s (%s)\ndominates %" IGRAPH_PRId " vertices",
		    igraph_strvector_get(&net->label, v), igraph_strvector_get(&net->id, v),
		    VECTOR(deps->dominated)[v]);
		node->classes = clout_i_strdup(issue ? "issue" : "actor");
		if (node->tooltip == NULL || node->classes == NULL)
			ret = IGRAPH_ENOMEM;
	}
	for (v = 0; v < n && ret == IGRAPH_SUCCESS; v++) {
		struct clout_drawing_edge	*e;
		igraph_integer_t		 up = VECTOR(deps->dominator)[v];

		if (up < 0 || node_of[v] < 0 || node_of[up] < 0)
			continue;
		if ((ret = clout_drawing_add_edge(d, node_of[up], node_of[v], &e)) != IGRAPH_SUCCESS)
			break;
		e->penwidth = 1.2;
		snprintf(e->colour, sizeof e->colour, "#33445AE5");
	}
	if (ret == IGRAPH_SUCCESS)
		ret = clout_drawing_add_section(d, "bloc", &s);
	for (k = 0; k < ncat && ret == IGRAPH_SUCCESS; k++)
		ret = clout_legend_add_row(s, CLOUT_MARK_SWATCH, colours[k], names[k], &r);
	for (v = 0; v < n && ret == IGRAPH_SUCCESS; v++)
		if (node_of[v] >= 0 && VECTOR(net->type)[v] == CLOUT_VERTEX_ISSUE) {
			ret = clout_legend_add_row(s, CLOUT_MARK_SWATCH, "#FFFFFF", "issue", &r);
			break;
		}
out:
	free(node_of);
	free(names);
	free(colours);
	free(actors);
	free(fill);
	free(by_vertex);
	if (ret != IGRAPH_SUCCESS)
		IGRAPH_ERROR(ret == IGRAPH_ENOMEM ? "out of memory" : igraph_strerror(ret), ret);
	return IGRAPH_SUCCESS;
}
