/* clout.h: the clout library: influence data in, networks, analyses and pictures out. */
#ifndef CLOUT_CLOUT_H
#define CLOUT_CLOUT_H

#include <clout/diag.h>
#include <clout/network.h>
#include <clout/load.h>
#include <clout/rank.h>
#include <clout/table.h>
#include <clout/render.h>
#include <clout/map.h>
#include <clout/layout.h>
#include <clout/structural.h>
#include <clout/whatif.h>
#include <clout/mactor.h>
#include <clout/blocs.h>
#include <clout/compare.h>
#include <clout/lint.h>
#include <clout/import.h>
#include <clout/error.h>

#define CLOUT_VERSION "0.1.0"

#endif
