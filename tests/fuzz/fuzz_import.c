/*
 * fuzz_import.c: clout import's readers on fuzzed files, with options taken
 * from the first three bytes of the input.
 *
 * Byte 0: mode (edges, two-mode, votes), encoding (utf-8, latin1, cp1252),
 * header or none, merge. Byte 1: delimiter (by the name, ',', ';', tab, '|',
 * runs of blanks), undirected, a node table, --skip. Byte 2: --where,
 * --split, the column specs (names or numbers), weight and sign columns.
 * The rest is the data file, then (with a node table) 0xFF and the table.
 */
#include "fuzz.h"

static const char *const wheres[] = {
	NULL, "weight > 1", "year >= 2000", "kind = x|kind = y", "3 != a", "source = A",
	"weight <= 0.5", "year < 1990|year > 2010",
};
static const char *const splits[] = { NULL, "source=;", "target=,", "senders=, ", "1=|" };
static const char *const known[] = { "Korea, North", "A;B" };
static const char *const suffixes[] = { ".csv", ".tsv", ".txt", ".net" };

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct clout_import_options	 o;
	struct clout_import_report	 rep;
	struct clout_diags		 diags;
	const uint8_t			*start[2];
	size_t				 len[2];
	const char			*where[1], *split[1], *na[1] = { "NA" };
	char				 name[32], path[512], nodes[512], out[512];
	int				 b0, b1, b2, n;

	if (size < 3)
		return 0;
	b0 = data[0];
	b1 = data[1];
	b2 = data[2];
	data += 3;
	size -= 3;

	memset(&o, 0, sizeof o);
	memset(&rep, 0, sizeof rep);
	o.mode = (enum clout_import_mode)(b0 % 3);
	o.encoding = (enum clout_import_encoding)((b0 / 3) % 3);
	o.no_header = (b0 / 9) & 1;
	o.merge = (enum clout_import_merge)((b0 / 18) % 5);
	o.newman = (b0 / 90) & 1;

	switch (b1 % 6) {
	case 0: o.delimiter = 0; break;
	case 1: o.delimiter = ','; break;
	case 2: o.delimiter = ';'; break;
	case 3: o.delimiter = '\t'; break;
	case 4: o.delimiter = '|'; break;
	default: o.whitespace = 1; break;
	}
	o.undirected = (b1 / 6) & 1;
	o.skip = (long)((b1 / 12) % 4) - 1;	/* -1: find the header */
	n = (b1 / 48) & 1 ? fuzz_split(data, size, 2, start, len) : 1;
	if (n == 1) {
		start[0] = data;
		len[0] = size;
	}

	if (wheres[b2 % 8] != NULL) {
		where[0] = wheres[b2 % 8];
		o.where = where;
		o.nwhere = 1;
	}
	if (splits[(b2 / 8) % 5] != NULL) {
		split[0] = splits[(b2 / 8) % 5];
		o.split = split;
		o.nsplit = 1;
		o.known = known;
		o.nknown = 2;
	}
	o.na = na;
	o.nna = (b2 / 40) & 1;
	if (o.mode == CLOUT_IMPORT_EDGES) {
		int	numbered = o.no_header || ((b2 / 80) & 1);

		o.source = numbered ? "1" : "source";
		o.target = numbered ? "2" : "target";
		if ((b2 / 160) & 1)
			o.weight = numbered ? "3" : "weight";
		if (b0 >= 180)
			o.sign = numbered ? "4" : "sign";
		else if (b0 >= 170)
			o.sign_constant = -1;
	} else if (o.mode == CLOUT_IMPORT_TWO_MODE) {
		o.actor = o.no_header ? "1" : "actor";
		o.event = o.no_header ? "2" : "event";
	}

	snprintf(name, sizeof name, "data%s", suffixes[(b1 / 96) % 4]);
	snprintf(path, sizeof path, "%s", fuzz_write(name, start[0], len[0]));
	o.path = path;
	if (n == 2) {
		snprintf(nodes, sizeof nodes, "%s", fuzz_write("nodes.csv", start[1], len[1]));
		o.nodes = nodes;
		o.node_id = o.no_header ? "1" : "id";
	}
	o.command = "clout import (fuzz)";

	clout_diags_init(&diags);
	snprintf(out, sizeof out, "%s", fuzz_path("out"));
	(void)clout_import(&o, out, 1, &diags, &rep);
	clout_import_report_destroy(&rep);
	clout_diags_destroy(&diags);
	fuzz_check_stack();
	return 0;
}
