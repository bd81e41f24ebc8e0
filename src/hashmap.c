/* hashmap.c: open-addressing hash maps, so that loading stays linear in the size of the data. */
#include <stdlib.h>
#include <string.h>

#include "clout_internal.h"

struct strmap_slot {
	char			*key;		/* NULL: empty */
	uint64_t		 hash;
	igraph_integer_t	 value;
};

struct clout_strmap {
	struct strmap_slot	*slots;
	size_t			 capacity;	/* a power of two */
	size_t			 size;
};

/* FNV-1a: simple, and good enough for identifiers. */
static uint64_t
hash_string(const char *s)
{
	uint64_t	h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

/* splitmix64's finaliser mixes the two vertex ids of a pair. */
static uint64_t
hash_pair(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

struct clout_strmap *
clout_i_strmap_new(void)
{
	struct clout_strmap	*map;

	map = calloc(1, sizeof *map);
	if (map == NULL)
		return NULL;
	map->capacity = 64;
	map->slots = calloc(map->capacity, sizeof *map->slots);
	if (map->slots == NULL) {
		free(map);
		return NULL;
	}
	return map;
}

void
clout_i_strmap_free(struct clout_strmap *map)
{
	size_t	i;

	if (map == NULL)
		return;
	for (i = 0; i < map->capacity; i++)
		free(map->slots[i].key);
	free(map->slots);
	free(map);
}

static size_t
strmap_probe(const struct clout_strmap *map, const char *key, uint64_t hash)
{
	size_t	i = (size_t)hash & (map->capacity - 1);

	while (map->slots[i].key != NULL) {
		if (map->slots[i].hash == hash && strcmp(map->slots[i].key, key) == 0)
			break;
		i = (i + 1) & (map->capacity - 1);
	}
	return i;
}

static igraph_error_t
strmap_grow(struct clout_strmap *map)
{
	struct strmap_slot	*old = map->slots;
	size_t			 oldcap = map->capacity, i, j;

	map->slots = calloc(oldcap * 2, sizeof *map->slots);
	if (map->slots == NULL) {
		map->slots = old;
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
	}
	map->capacity = oldcap * 2;
	for (i = 0; i < oldcap; i++) {
		if (old[i].key == NULL)
			continue;
		j = (size_t)old[i].hash & (map->capacity - 1);
		while (map->slots[j].key != NULL)
			j = (j + 1) & (map->capacity - 1);
		map->slots[j] = old[i];
	}
	free(old);
	return IGRAPH_SUCCESS;
}

igraph_error_t
clout_i_strmap_insert(struct clout_strmap *map, const char *key, igraph_integer_t value,
    igraph_integer_t *existing)
{
	uint64_t	hash = hash_string(key);
	size_t		i;

	*existing = -1;
	if ((map->size + 1) * 4 > map->capacity * 3)	/* keep the load under 3/4 */
		IGRAPH_CHECK(strmap_grow(map));
	i = strmap_probe(map, key, hash);
	if (map->slots[i].key != NULL) {
		*existing = map->slots[i].value;
		return IGRAPH_SUCCESS;
	}
	map->slots[i].key = clout_i_strdup(key);
	CLOUT_CHECK_ALLOC(map->slots[i].key);
	map->slots[i].hash = hash;
	map->slots[i].value = value;
	map->size++;
	return IGRAPH_SUCCESS;
}

igraph_integer_t
clout_i_strmap_find(const struct clout_strmap *map, const char *key)
{
	size_t	i = strmap_probe(map, key, hash_string(key));

	return map->slots[i].key == NULL ? -1 : map->slots[i].value;
}

igraph_integer_t
clout_i_strmap_size(const struct clout_strmap *map)
{
	return (igraph_integer_t)map->size;
}

void
clout_i_strmap_each(const struct clout_strmap *map,
    int (*fn)(const char *, igraph_integer_t, void *), void *user)
{
	size_t	i;

	for (i = 0; i < map->capacity; i++)
		if (map->slots[i].key != NULL && fn(map->slots[i].key, map->slots[i].value, user))
			return;
}

struct pairmap_slot {
	uint64_t		 key;
	igraph_integer_t	 value;		/* -1: empty */
};

struct clout_i_pairmap {
	struct pairmap_slot	*slots;
	size_t			 capacity;
	size_t			 size;
};

static struct pairmap_slot *
pairmap_alloc(size_t capacity)
{
	struct pairmap_slot	*slots;
	size_t			 i;

	slots = malloc(capacity * sizeof *slots);
	if (slots != NULL)
		for (i = 0; i < capacity; i++)
			slots[i].value = -1;
	return slots;
}

struct clout_i_pairmap *
clout_i_pairmap_new(void)
{
	struct clout_i_pairmap	*map;

	map = calloc(1, sizeof *map);
	if (map == NULL)
		return NULL;
	map->capacity = 64;
	map->slots = pairmap_alloc(map->capacity);
	if (map->slots == NULL) {
		free(map);
		return NULL;
	}
	return map;
}

void
clout_i_pairmap_free(struct clout_i_pairmap *map)
{
	if (map == NULL)
		return;
	free(map->slots);
	free(map);
}

igraph_error_t
clout_i_pairmap_insert(struct clout_i_pairmap *map, uint64_t key, igraph_integer_t value,
    igraph_integer_t *existing)
{
	size_t	i, j;

	*existing = -1;
	if ((map->size + 1) * 4 > map->capacity * 3) {
		struct pairmap_slot	*old = map->slots;
		size_t			 oldcap = map->capacity;

		map->slots = pairmap_alloc(oldcap * 2);
		if (map->slots == NULL) {
			map->slots = old;
			IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);
		}
		map->capacity = oldcap * 2;
		for (i = 0; i < oldcap; i++) {
			if (old[i].value < 0)
				continue;
			j = (size_t)hash_pair(old[i].key) & (map->capacity - 1);
			while (map->slots[j].value >= 0)
				j = (j + 1) & (map->capacity - 1);
			map->slots[j] = old[i];
		}
		free(old);
	}
	i = (size_t)hash_pair(key) & (map->capacity - 1);
	while (map->slots[i].value >= 0) {
		if (map->slots[i].key == key) {
			*existing = map->slots[i].value;
			return IGRAPH_SUCCESS;
		}
		i = (i + 1) & (map->capacity - 1);
	}
	map->slots[i].key = key;
	map->slots[i].value = value;
	map->size++;
	return IGRAPH_SUCCESS;
}
