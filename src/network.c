/* network.c: the influence network's storage: igraph's graph plus parallel vertex and edge data. */
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

void
clout_strvector_release(igraph_strvector_t *sv)
{
	if (sv->stor_begin != NULL)
		igraph_strvector_destroy(sv);
	memset(sv, 0, sizeof *sv);
}

igraph_error_t
clout_attrs_init(struct clout_attrs *attrs)
{
	memset(attrs, 0, sizeof *attrs);
	return igraph_strvector_init(&attrs->names, 0);
}

void
clout_attrs_destroy(struct clout_attrs *attrs)
{
	igraph_integer_t	i, n = igraph_strvector_size(&attrs->names);

	for (i = 0; i < n; i++)
		clout_strvector_release(&attrs->values[i]);
	free(attrs->values);
	clout_strvector_release(&attrs->names);
}

igraph_error_t
clout_attrs_column(struct clout_attrs *attrs, const char *name, igraph_integer_t n,
    igraph_integer_t *column)
{
	igraph_integer_t	i, count = igraph_strvector_size(&attrs->names);

	for (i = 0; i < count; i++) {
		if (strcmp(igraph_strvector_get(&attrs->names, i), name) == 0) {
			*column = i;
			return IGRAPH_SUCCESS;
		}
	}
	if (count == attrs->capacity) {
		igraph_integer_t	 cap = attrs->capacity ? attrs->capacity * 2 : 4;
		igraph_strvector_t	*values = realloc(attrs->values, (size_t)cap * sizeof *values);

		CLOUT_CHECK_ALLOC(values);
		attrs->values = values;
		attrs->capacity = cap;
	}
	IGRAPH_CHECK(igraph_strvector_init(&attrs->values[count], n));
	IGRAPH_FINALLY(igraph_strvector_destroy, &attrs->values[count]);
	IGRAPH_CHECK(igraph_strvector_push_back(&attrs->names, name));
	IGRAPH_FINALLY_CLEAN(1);
	*column = count;
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_attrs_grow(struct clout_attrs *attrs)
{
	igraph_integer_t	i, n = igraph_strvector_size(&attrs->names);

	for (i = 0; i < n; i++)
		IGRAPH_CHECK(igraph_strvector_push_back(&attrs->values[i], ""));
	return IGRAPH_SUCCESS;
}

static void
network_parts_destroy(struct clout_network *net, int parts)
{
	igraph_strvector_t	*strings[] = { &net->id, &net->label, &net->kind, &net->bloc,
	    &net->role, &net->notes, &net->edge_kind, &net->evidence, &net->info_keys,
	    &net->info_values };
	int			 i;

	for (i = 0; i < parts && i < 10; i++)
		clout_strvector_release(strings[i]);
	if (parts > 10)
		igraph_vector_int_destroy(&net->type);
	if (parts > 11)
		igraph_vector_int_destroy(&net->vertex_line);
	if (parts > 12)
		igraph_vector_destroy(&net->weight);
	if (parts > 13)
		igraph_vector_destroy(&net->confidence);
	if (parts > 14)
		igraph_vector_int_destroy(&net->sign);
	if (parts > 15)
		igraph_vector_int_destroy(&net->edge_line);
	if (parts > 16)
		clout_attrs_destroy(&net->vertex_attrs);
	if (parts > 17)
		clout_attrs_destroy(&net->edge_attrs);
	if (parts > 18)
		igraph_destroy(&net->graph);
}

igraph_error_t
clout_network_init(struct clout_network *net)
{
	igraph_strvector_t	*strings[] = { &net->id, &net->label, &net->kind, &net->bloc,
	    &net->role, &net->notes, &net->edge_kind, &net->evidence, &net->info_keys,
	    &net->info_values };
	igraph_error_t		 ret;
	int			 parts = 0;

	memset(net, 0, sizeof *net);
	net->directed = 1;
	/* a chain instead of twenty FINALLY entries: every step can fail */
	for (; parts < 10; parts++)
		if ((ret = igraph_strvector_init(strings[parts], 0)) != IGRAPH_SUCCESS)
			goto fail;
	if ((ret = igraph_vector_int_init(&net->type, 0)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = igraph_vector_int_init(&net->vertex_line, 0)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = igraph_vector_init(&net->weight, 0)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = igraph_vector_init(&net->confidence, 0)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = igraph_vector_int_init(&net->sign, 0)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = igraph_vector_int_init(&net->edge_line, 0)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = clout_attrs_init(&net->vertex_attrs)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = clout_attrs_init(&net->edge_attrs)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((ret = igraph_empty(&net->graph, 0, IGRAPH_DIRECTED)) != IGRAPH_SUCCESS)
		goto fail;
	parts++;
	if ((net->index = clout_i_strmap_new()) == NULL) {
		ret = IGRAPH_ENOMEM;
		goto fail;
	}
	return IGRAPH_SUCCESS;
fail:
	network_parts_destroy(net, parts);
	IGRAPH_ERROR("cannot create a network", ret);
}

void
clout_network_destroy(struct clout_network *net)
{
	network_parts_destroy(net, 19);
	clout_i_strmap_free(net->index);
	free(net->name);
	memset(net, 0, sizeof *net);
}

igraph_integer_t
clout_network_vcount(const struct clout_network *net)
{
	return igraph_vcount(&net->graph);
}

igraph_integer_t
clout_network_ecount(const struct clout_network *net)
{
	return igraph_ecount(&net->graph);
}

igraph_integer_t
clout_network_find(const struct clout_network *net, const char *id)
{
	return clout_i_strmap_find(net->index, id);
}

const char *
clout_network_info(const struct clout_network *net, const char *key)
{
	igraph_integer_t	i, n = igraph_strvector_size(&net->info_keys);

	for (i = 0; i < n; i++) {
		if (strcmp(igraph_strvector_get(&net->info_keys, i), key) == 0) {
			const char	*value = igraph_strvector_get(&net->info_values, i);

			return value[0] != '\0' ? value : NULL;
		}
	}
	return NULL;
}

igraph_integer_t
clout_network_count_type(const struct clout_network *net, enum clout_vertex_type type)
{
	igraph_integer_t	i, n = igraph_vector_int_size(&net->type), count = 0;

	for (i = 0; i < n; i++)
		count += VECTOR(net->type)[i] == (igraph_integer_t)type;
	return count;
}

const char *
clout_vertex_type_name(enum clout_vertex_type type)
{
	return type == CLOUT_VERTEX_ISSUE ? "issue" : "actor";
}

/* Append the kept items of src's strings to dst's. */
static igraph_error_t
copy_strings(const igraph_strvector_t *src, const igraph_vector_bool_t *keep,
    igraph_strvector_t *dst)
{
	igraph_integer_t	i, n = igraph_strvector_size(src);

	for (i = 0; i < n; i++)
		if (keep == NULL || VECTOR(*keep)[i])
			IGRAPH_CHECK(igraph_strvector_push_back(dst, igraph_strvector_get(src, i)));
	return IGRAPH_SUCCESS;
}

static igraph_error_t
copy_attrs(const struct clout_attrs *src, const igraph_vector_bool_t *keep,
    struct clout_attrs *dst)
{
	igraph_integer_t	c, column, count = igraph_strvector_size(&src->names);

	for (c = 0; c < count; c++) {
		IGRAPH_CHECK(clout_attrs_column(dst, igraph_strvector_get(&src->names, c), 0,
		    &column));
		IGRAPH_CHECK(copy_strings(&src->values[c], keep, &dst->values[column]));
	}
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_network_subset(const struct clout_network *src, const igraph_vector_bool_t *keep_vertex,
    const igraph_vector_bool_t *keep_edge, const igraph_vector_bool_t *flip_edge,
    struct clout_network *dst, igraph_vector_int_t *vertex_map)
{
	igraph_integer_t	n = clout_network_vcount(src), m = clout_network_ecount(src);
	igraph_integer_t	v, e, kept = 0, existing;
	igraph_vector_bool_t	edge_kept;
	igraph_vector_int_t	edges;
	igraph_t		graph;

	IGRAPH_CHECK(igraph_vector_int_resize(vertex_map, n));
	for (v = 0; v < n; v++)
		VECTOR(*vertex_map)[v] = VECTOR(*keep_vertex)[v] ? kept++ : -1;
	/* a relation goes with either of its ends */
	IGRAPH_CHECK(igraph_vector_bool_init(&edge_kept, m));
	IGRAPH_FINALLY(igraph_vector_bool_destroy, &edge_kept);
	IGRAPH_VECTOR_INT_INIT_FINALLY(&edges, 0);
	for (e = 0; e < m; e++) {
		igraph_integer_t	from = VECTOR(*vertex_map)[IGRAPH_FROM(&src->graph, e)];
		igraph_integer_t	to = VECTOR(*vertex_map)[IGRAPH_TO(&src->graph, e)];

		VECTOR(edge_kept)[e] = from >= 0 && to >= 0 && (keep_edge == NULL ||
		    VECTOR(*keep_edge)[e]);
		if (!VECTOR(edge_kept)[e])
			continue;
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, from));
		IGRAPH_CHECK(igraph_vector_int_push_back(&edges, to));
		IGRAPH_CHECK(igraph_vector_int_push_back(&dst->sign,
		    VECTOR(src->sign)[e] * (flip_edge != NULL && VECTOR(*flip_edge)[e] ? -1 : 1)));
		IGRAPH_CHECK(igraph_vector_push_back(&dst->weight, VECTOR(src->weight)[e]));
		IGRAPH_CHECK(igraph_vector_push_back(&dst->confidence, VECTOR(src->confidence)[e]));
		IGRAPH_CHECK(igraph_vector_int_push_back(&dst->edge_line, VECTOR(src->edge_line)[e]));
	}

	for (v = 0; v < n; v++) {
		if (!VECTOR(*keep_vertex)[v])
			continue;
		IGRAPH_CHECK(clout_i_strmap_insert(dst->index, igraph_strvector_get(&src->id, v),
		    VECTOR(*vertex_map)[v], &existing));
		IGRAPH_CHECK(igraph_vector_int_push_back(&dst->type, VECTOR(src->type)[v]));
		IGRAPH_CHECK(igraph_vector_int_push_back(&dst->vertex_line,
		    VECTOR(src->vertex_line)[v]));
	}
	IGRAPH_CHECK(copy_strings(&src->id, keep_vertex, &dst->id));
	IGRAPH_CHECK(copy_strings(&src->label, keep_vertex, &dst->label));
	IGRAPH_CHECK(copy_strings(&src->kind, keep_vertex, &dst->kind));
	IGRAPH_CHECK(copy_strings(&src->bloc, keep_vertex, &dst->bloc));
	IGRAPH_CHECK(copy_strings(&src->role, keep_vertex, &dst->role));
	IGRAPH_CHECK(copy_strings(&src->notes, keep_vertex, &dst->notes));
	IGRAPH_CHECK(copy_attrs(&src->vertex_attrs, keep_vertex, &dst->vertex_attrs));
	IGRAPH_CHECK(copy_strings(&src->edge_kind, &edge_kept, &dst->edge_kind));
	IGRAPH_CHECK(copy_strings(&src->evidence, &edge_kept, &dst->evidence));
	IGRAPH_CHECK(copy_attrs(&src->edge_attrs, &edge_kept, &dst->edge_attrs));
	IGRAPH_CHECK(copy_strings(&src->info_keys, NULL, &dst->info_keys));
	IGRAPH_CHECK(copy_strings(&src->info_values, NULL, &dst->info_values));
	if (src->name != NULL && (dst->name = clout_i_strdup(src->name)) == NULL)
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);

	IGRAPH_CHECK(igraph_create(&graph, &edges, kept, src->directed));
	igraph_destroy(&dst->graph);
	dst->graph = graph;
	dst->directed = src->directed;
	igraph_vector_int_destroy(&edges);
	igraph_vector_bool_destroy(&edge_kept);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}

static int
by_id(void *data, const void *a, const void *b)
{
	const igraph_strvector_t	*id = data;

	return strcmp(igraph_strvector_get(id, *(const igraph_integer_t *)a),
	    igraph_strvector_get(id, *(const igraph_integer_t *)b));
}

igraph_error_t
clout_i_number_by_id(const struct clout_network *net, igraph_vector_int_t *camp,
    igraph_integer_t count)
{
	igraph_integer_t	i, n = igraph_vector_int_size(camp), next = 0;
	igraph_vector_int_t	order, rename;

	IGRAPH_CHECK(igraph_vector_int_init_range(&order, 0, n));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &order);
	IGRAPH_CHECK(igraph_vector_int_init(&rename, count));
	IGRAPH_FINALLY(igraph_vector_int_destroy, &rename);
	igraph_vector_int_fill(&rename, -1);
	igraph_qsort_r(VECTOR(order), (size_t)n, sizeof(igraph_integer_t), (void *)&net->id, by_id);
	for (i = 0; i < n; i++) {
		igraph_integer_t	c = VECTOR(*camp)[VECTOR(order)[i]];

		if (c >= 0 && VECTOR(rename)[c] < 0)
			VECTOR(rename)[c] = next++;
	}
	for (i = 0; i < n; i++)
		if (VECTOR(*camp)[i] >= 0)
			VECTOR(*camp)[i] = VECTOR(rename)[VECTOR(*camp)[i]];
	igraph_vector_int_destroy(&rename);
	igraph_vector_int_destroy(&order);
	IGRAPH_FINALLY_CLEAN(2);
	return IGRAPH_SUCCESS;
}
