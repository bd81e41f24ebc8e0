/* network.c: the influence network's storage: igraph's graph plus parallel vertex and edge data. */
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

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
		igraph_strvector_destroy(&attrs->values[i]);
	free(attrs->values);
	igraph_strvector_destroy(&attrs->names);
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
		igraph_strvector_destroy(strings[i]);
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
