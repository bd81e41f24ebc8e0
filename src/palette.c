/* palette.c: fill colours for categories: colour-blind safe, distinct in a map, stable across maps. */
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

/*
 * Paul Tol's "muted" qualitative scheme: nine colours told apart with every
 * common colour-vision deficiency, and dark enough for thin outlines
 * (labels sit beside the shapes, not on them). Tol, "Colour Schemes",
 * SRON/EPS/TN/09-002 (2021).
 */
static const char *const muted[CLOUT_I_PALETTE_SIZE] = {
	"#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE",
	"#882255", "#44AA99", "#999933", "#AA4499"
};

/* FNV-1a over the ASCII-lowercased name: "Europe" and "europe" share a colour. */
static unsigned int
name_hash(const char *name)
{
	unsigned int		 h = 2166136261u;
	const unsigned char	*p;

	for (p = (const unsigned char *)name; *p != '\0'; p++) {
		h ^= (unsigned int)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		h *= 16777619u;
	}
	return h;
}

static int
casecmp(const char *a, const char *b)
{
	const unsigned char	*p = (const unsigned char *)a, *q = (const unsigned char *)b;
	int			 x, y;

	for (;; p++, q++) {
		x = *p >= 'A' && *p <= 'Z' ? *p + 32 : *p;
		y = *q >= 'A' && *q <= 'Z' ? *q + 32 : *q;
		if (x != y || x == 0)
			return x - y;
	}
}

struct order {
	const char *const	*names;
	const igraph_integer_t	*counts;
};

/* Largest categories first, then by name: who gets a colour when there are too many. */
static int
by_size(void *data, const void *a, const void *b)
{
	const struct order	*o = data;
	igraph_integer_t	 i = *(const igraph_integer_t *)a, j = *(const igraph_integer_t *)b;
	int			 c;

	if (o->counts[i] != o->counts[j])
		return o->counts[i] > o->counts[j] ? -1 : 1;
	c = casecmp(o->names[i], o->names[j]);
	return c != 0 ? c : strcmp(o->names[i], o->names[j]);
}

/* By name alone: who wins a slot two names hash to, the same in every map. */
static int
by_name(void *data, const void *a, const void *b)
{
	const struct order	*o = data;
	igraph_integer_t	 i = *(const igraph_integer_t *)a, j = *(const igraph_integer_t *)b;
	int			 c = casecmp(o->names[i], o->names[j]);

	return c != 0 ? c : strcmp(o->names[i], o->names[j]);
}

const char *
clout_i_palette_colour(igraph_integer_t slot)
{
	return slot >= 0 && slot < CLOUT_I_PALETTE_SIZE ? muted[slot] : CLOUT_I_COLOUR_OTHER;
}

igraph_error_t
clout_i_palette_assign(const char *const *names, const igraph_integer_t *counts,
    igraph_integer_t n, const char **colours)
{
	struct order		 o = { names, counts };
	igraph_integer_t	*index, i, coloured;
	int			 taken[CLOUT_I_PALETTE_SIZE] = { 0 };

	if (n == 0)
		return IGRAPH_SUCCESS;
	index = malloc((size_t)n * sizeof index[0]);
	CLOUT_CHECK_ALLOC(index);
	for (i = 0; i < n; i++) {
		index[i] = i;
		colours[i] = CLOUT_I_COLOUR_OTHER;
	}
	igraph_qsort_r(index, (size_t)n, sizeof index[0], &o, by_size);
	coloured = n < CLOUT_I_PALETTE_SIZE ? n : CLOUT_I_PALETTE_SIZE;
	igraph_qsort_r(index, (size_t)coloured, sizeof index[0], &o, by_name);
	for (i = 0; i < coloured; i++) {
		unsigned int	slot = name_hash(names[index[i]]) % CLOUT_I_PALETTE_SIZE;

		while (taken[slot])
			slot = (slot + 1) % CLOUT_I_PALETTE_SIZE;
		taken[slot] = 1;
		colours[index[i]] = muted[slot];
	}
	free(index);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_i_bloc_colours(const struct clout_network *net, const igraph_integer_t *vertices,
    igraph_integer_t n, const char **colour, const char **names, const char **colours,
    igraph_integer_t *ncat)
{
	igraph_integer_t	i, k, *counts;
	igraph_error_t		ret;

	counts = calloc((size_t)n + 1, sizeof counts[0]);
	CLOUT_CHECK_ALLOC(counts);
	*ncat = 0;
	for (i = 0; i < n; i++) {
		const char	*bloc = igraph_strvector_get(&net->bloc, vertices[i]);

		if (bloc[0] == '\0')
			continue;
		for (k = 0; k < *ncat && strcmp(names[k], bloc) != 0; k++)
			;
		if (k == *ncat)
			names[(*ncat)++] = bloc;
		counts[k]++;
	}
	ret = clout_i_palette_assign(names, counts, *ncat, colours);
	free(counts);
	if (ret != IGRAPH_SUCCESS)
		IGRAPH_ERROR("out of memory", ret);
	for (i = 0; i < n; i++) {
		const char	*bloc = igraph_strvector_get(&net->bloc, vertices[i]);

		colour[i] = CLOUT_I_COLOUR_NONE;
		for (k = 0; k < *ncat; k++)
			if (strcmp(names[k], bloc) == 0)
				colour[i] = colours[k];
	}
	return IGRAPH_SUCCESS;
}
