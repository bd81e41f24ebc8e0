/* clout_internal.h: declarations shared by the library's modules, grouped by source file. */
#ifndef CLOUT_INTERNAL_H
#define CLOUT_INTERNAL_H

#include <stdint.h>
#include <stdio.h>
#include <clout/clout.h>

/* Report out-of-memory through igraph's error channel. */
#define CLOUT_CHECK_ALLOC(p) do {						\
	if ((p) == NULL)							\
		IGRAPH_ERROR("out of memory", IGRAPH_ENOMEM);			\
} while (0)

/* error.c */

/*
 * Around a call that cannot recover from running out of memory (docs/OOM.md):
 * enter returns the section it replaces, for leave; see clout_fatal_section.
 */
const char	*clout_i_fatal_enter(const char *what);
void		 clout_i_fatal_leave(const char *previous);

/* structural.c */
igraph_error_t	 clout_i_dominator_tree(const igraph_t *graph, igraph_integer_t root,
		    igraph_vector_int_t *dom);

/* csv_io.c: the only file that includes <csv.h> */

/* One CSV record: its fields (NUL-terminated, trimmed) and where it starts. */
struct clout_i_record {
	char		**fields;
	int		  nfields;
	long		  line;		/* the physical line the record starts on */
	long		  index;	/* 0 for the header row */
	char		  delimiter;	/* the field delimiter read with (0: runs of blanks) */
};

typedef igraph_error_t clout_i_record_fn(const struct clout_i_record *record, void *user);

/*
 * Read a CSV stream record by record. Syntax problems (unterminated quote,
 * stray quote, invalid UTF-8) go into diags as errors naming name, line and
 * column; reading then goes on where it can, so that one run reports them
 * all. Records whose fields are all empty are skipped. Returns what fn
 * returned if that failed, IGRAPH_ENOMEM, or IGRAPH_SUCCESS.
 */
igraph_error_t	clout_i_csv_read(FILE *in, const char *name, int file_order,
		    struct clout_diags *diags, clout_i_record_fn *fn, void *user);

/* How clout_i_csv_read_with reads: the defaults of clout_i_csv_read are ',', trimmed, UTF-8. */
enum clout_i_encoding {
	CLOUT_I_UTF8 = 0,
	CLOUT_I_LATIN1,
	CLOUT_I_CP1252
};

struct clout_i_csv_options {
	char			 delimiter;	/* 0: runs of blanks (spaces, tabs), no quoting */
	int			 raw;		/* fields untrimmed (the caller trims and reports) */
	enum clout_i_encoding	 encoding;	/* converted to UTF-8; an undefined byte is an error */
	int			 sniff;		/* ',' given: a header row with ';' and no ',' means ';' */
};

/*
 * clout_i_csv_read with the options; NULL options are the defaults. A file
 * that begins like UTF-16 or like binary data is one error (naming the file,
 * no line) and is not read further; the messages of its first lines are
 * taken back (the records of those lines have reached fn, but the error
 * fails the file).
 */
igraph_error_t	clout_i_csv_read_with(FILE *in, const char *name, int file_order,
		    struct clout_diags *diags, const struct clout_i_csv_options *options,
		    clout_i_record_fn *fn, void *user);
/*
 * The delimiter a header row read as one field seems to use: "tab", ";" or
 * "|" (the first of them in field), or NULL. For "is the delimiter X?" hints.
 */
const char	*clout_i_delimiter_hint(const char *field);
/* Write one field, quoted only when it must be (by libcsv's writer). */
int		clout_i_csv_write_field(FILE *out, const char *text, char delimiter);

/* diag.c */

/* Take back every problem added since saved was copied from diags (items and counts). */
void		clout_i_diags_rewind(struct clout_diags *diags, const struct clout_diags *saved);

/* hashmap.c: string -> integer and vertex pair -> integer maps, open addressing */
struct clout_strmap;
struct clout_i_pairmap;

struct clout_strmap *clout_i_strmap_new(void);
void		clout_i_strmap_free(struct clout_strmap *map);
/* Insert a copy of key; *existing receives the old value when key was present (then nothing changes). */
igraph_error_t	clout_i_strmap_insert(struct clout_strmap *map, const char *key,
		    igraph_integer_t value, igraph_integer_t *existing);
igraph_integer_t clout_i_strmap_find(const struct clout_strmap *map, const char *key);
igraph_integer_t clout_i_strmap_size(const struct clout_strmap *map);
/* Visit every key (in no particular order); stops when fn returns non-zero. */
void		clout_i_strmap_each(const struct clout_strmap *map,
		    int (*fn)(const char *key, igraph_integer_t value, void *user), void *user);

struct clout_i_pairmap *clout_i_pairmap_new(void);
void		clout_i_pairmap_free(struct clout_i_pairmap *map);
igraph_error_t	clout_i_pairmap_insert(struct clout_i_pairmap *map, uint64_t key,
		    igraph_integer_t value, igraph_integer_t *existing);

/* utf8.c */

/* Why bytes are not UTF-8. */
enum clout_i_utf8_fault {
	CLOUT_I_UTF8_NUL,		/* a NUL byte (valid UTF-8, never valid text here) */
	CLOUT_I_UTF8_STRAY,		/* 0x80..0xBF where a character should start */
	CLOUT_I_UTF8_BAD_BYTE,		/* 0xF8..0xFF */
	CLOUT_I_UTF8_TRUNCATED,		/* a lead byte without all its continuation bytes */
	CLOUT_I_UTF8_OVERLONG,		/* a character in more bytes than it needs (0xC0 0x80) */
	CLOUT_I_UTF8_SURROGATE,		/* U+D800..U+DFFF, which only UTF-16 uses */
	CLOUT_I_UTF8_TOO_BIG		/* past U+10FFFF */
};

/* Length of the well-formed UTF-8 character at text, or 0 with *fault (may be NULL) set. */
size_t		clout_i_utf8_char(const char *text, size_t length, enum clout_i_utf8_fault *fault);
/* Offset of the first byte that is not valid UTF-8 (NUL counts as invalid), or -1; why in *fault. */
long		clout_i_utf8_check(const char *text, size_t length, enum clout_i_utf8_fault *fault);
long		clout_i_utf8_invalid(const char *text, size_t length);
/* The fault in words, for messages: "an overlong encoding". */
const char	*clout_i_utf8_fault_name(enum clout_i_utf8_fault fault);
/* text in Unicode normal form C (composed accents), allocated; NULL when out of memory. */
char		*clout_i_utf8_nfc(const char *text);
/*
 * What text looks like: NFC without the default-ignorable code points
 * (zero-width space and joiners, soft hyphen, ...), allocated; NULL when
 * out of memory. Ids with one skeleton look identical on screen.
 */
char		*clout_i_utf8_skeleton(const char *text);
/* Columns a valid UTF-8 string takes on a terminal (wide East Asian = 2, combining = 0). */
size_t		clout_i_utf8_width(const char *text);

/* text.c: small string helpers */
char		*clout_i_strdup(const char *text);
/* The first n bytes of text (which must have them), terminated. */
char		*clout_i_strndup(const char *text, size_t n);
/* Index of name among count names (exact match), or -1: the *_find of every name table. */
int		clout_i_name_find(const char *const *names, int count, const char *name);
char		*clout_i_asprintf(const char *fmt, ...)
#if defined(__GNUC__)
		    __attribute__((format(printf, 1, 2)))
#endif
		    ;
/* Trim ASCII white space in place; returns text. */
char		*clout_i_trim(char *text);
int		clout_i_strcaseeq(const char *a, const char *b);
/* Levenshtein distance, giving up (returning limit + 1) beyond limit. */
size_t		clout_i_edit_distance(const char *a, const char *b, size_t limit);

/* signed.c */

/*
 * The undirected view with one edge per unordered pair of distinct vertices
 * that has a relation (positive_only: a positive relation), in order of
 * (lower, higher) vertex; sum[e] receives the sum of sign * weight over the
 * pair's relations, both directions. view is created here.
 */
igraph_error_t	clout_i_pair_sums(const struct clout_network *net, int positive_only,
		    igraph_t *view, igraph_vector_t *sum);
/* The signed view of blocs.h: the pairs whose sum is not 0, with its sign (+1 or -1). */
igraph_error_t	clout_i_signed_view(const struct clout_network *net, igraph_t *view,
		    igraph_vector_int_t *sign);

/* structural.c */

/* How many vertices each one reaches (mode OUT) or is reached by (IN), itself not counted. */
igraph_error_t	clout_i_reach_counts(const igraph_t *graph, igraph_neimode_t mode,
		    igraph_vector_int_t *counts);

/* network.c */

/*
 * Renumber groups (camps, communities: 0 .. count-1 per vertex, -1 for
 * none) so that group 0 holds the smallest id in byte order, group 1 the
 * smallest id of the others, and so on: numbers that do not depend on the
 * order of the files or of igraph's search.
 */
igraph_error_t	clout_i_number_by_id(const struct clout_network *net,
		    igraph_vector_int_t *group, igraph_integer_t count);

/* palette.c */
#define CLOUT_I_PALETTE_SIZE	9
#define CLOUT_I_COLOUR_NONE	"#DDDDDD"	/* a vertex without the category */
#define CLOUT_I_COLOUR_OTHER	"#BBBBBB"	/* categories beyond the palette */

/*
 * Fill colours for n distinct category names, counts[i] vertices each: a
 * colour-blind-safe palette, distinct within the call, and the same colour
 * for the same name (case aside) in every call where the palette allows.
 * Beyond the palette's size, the smallest categories share the "other"
 * grey. colours[i] receives a static string.
 */
igraph_error_t	clout_i_palette_assign(const char *const *names, const igraph_integer_t *counts,
		    igraph_integer_t n, const char **colours);
/*
 * Bloc colours of the listed vertices, as maps colour them: names and
 * colours (room for n each) receive the ncat blocs and their colours,
 * colour[i] that of vertices[i] (the "none" grey without a bloc). Strings
 * are borrowed from net or static.
 */
igraph_error_t	clout_i_bloc_colours(const struct clout_network *net,
		    const igraph_integer_t *vertices, igraph_integer_t n, const char **colour,
		    const char **names, const char **colours, igraph_integer_t *ncat);
/* Palette colour number slot (for legends and tests); "other" grey outside it. */
const char	*clout_i_palette_colour(igraph_integer_t slot);

#endif
