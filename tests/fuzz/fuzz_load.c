/*
 * fuzz_load.c: the case loader on fuzzed files.
 *
 * Byte 0 chooses the path: even, a case folder; odd, a single edge-list
 * file. For a folder the rest is case.csv, actors.csv, issues.csv and
 * relations.csv separated by the byte 0xFF; a missing piece is a missing file
 * (actors.csv and relations.csv are then reported as missing).
 */
#include "fuzz.h"

static const char *const names[] = { "case.csv", "actors.csv", "issues.csv", "relations.csv" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct clout_network	 net;
	struct clout_diags	 diags;
	const uint8_t		*start[4];
	size_t			 len[4];
	const char		*path;
	int			 i, n;
	igraph_integer_t	 k;

	if (size < 1)
		return 0;
	if (data[0] & 1) {
		path = fuzz_write("edges.csv", data + 1, size - 1);
	} else {
		n = fuzz_split(data + 1, size - 1, 4, start, len);
		for (i = 0; i < 4; i++) {
			if (i < n)
				fuzz_write(names[i], start[i], len[i]);
			else
				unlink(fuzz_path(names[i]));
		}
		path = fuzz_dir;
	}
	if (clout_network_init(&net) != IGRAPH_SUCCESS)
		abort();
	clout_diags_init(&diags);
	(void)clout_load_case(&net, &diags, path);
	/* every diagnostic is printable and names a file */
	for (k = 0; k < diags.count; k++)
		if (diags.items[k].file == NULL || diags.items[k].message == NULL)
			abort();
	clout_diags_destroy(&diags);
	clout_network_destroy(&net);
	fuzz_check_stack();
	return 0;
}
