/* cmd-mactor.c: placeholder until the command lands (issue 4). */
#include "cmd.h"

static int
cmd_mactor_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return cli_error("mactor is not built yet");
}

const struct cmd_entry cmd_mactor_entry = {
	.name = "mactor",
	.usage = "mactor CASE",
	.summary = "(not built yet)",
	.help = "",
	.exec = cmd_mactor_exec,
};
