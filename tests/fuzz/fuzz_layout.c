/* fuzz_layout.c: the layout reader (map --layout FILE) on fuzzed CSV. */
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct clout_layout	 layout;
	struct clout_diags	 diags;
	FILE			*in;
	igraph_error_t		 ret;
	igraph_integer_t	 i;

	in = fmemopen(size > 0 ? (void *)data : (void *)"", size, "rb");
	if (in == NULL)
		abort();
	if (clout_layout_init(&layout) != IGRAPH_SUCCESS)
		abort();
	clout_diags_init(&diags);
	ret = clout_layout_read(&layout, in, "layout.csv", &diags);
	fclose(in);
	/* the contract: an error is reported, success leaves finite positions */
	if (ret == IGRAPH_PARSEERROR && diags.errors == 0)
		abort();
	if (ret == IGRAPH_SUCCESS)
		for (i = 0; i < clout_layout_size(&layout); i++)
			if (!isfinite(VECTOR(layout.x)[i]) || !isfinite(VECTOR(layout.y)[i]))
				abort();
	clout_diags_destroy(&diags);
	clout_layout_destroy(&layout);
	fuzz_check_stack();
	return 0;
}
