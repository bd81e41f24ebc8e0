# clout: one non-recursive Makefile for the library, the CLI, the tests and installs.
# Defaults only; local overrides go in config.mk (not committed).

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
INCDIR   ?= $(PREFIX)/include
LIBDIR   ?= $(PREFIX)/lib
BUILD    ?= build
SHARED   ?= ../shared
PKGS     := igraph libgvc
# Debian ships no libcsv.pc: link it by name.

CC       ?= cc
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -Iinclude -MMD -MP $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lm

-include config.mk

CLI_SRC  := src/main.c src/cli.c src/oom.c $(wildcard src/cmd-*.c)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo check test unit cli peers asan valgrind bench graphs lint \
	install uninstall clean fault
.DELETE_ON_ERROR:

all: $(BUILD)/clout

$(BUILD)/libclout.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/clout: $(CLI_OBJ) $(BUILD)/libclout.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libclout.a $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/test.h $(BUILD)/libclout.a
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) -Isrc $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libclout.a \
		$(LDLIBS) $(shell pkg-config --libs cmocka 2>/dev/null || echo -lcmocka)

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)

# Set-up on a fresh Debian machine: install what is missing, build, run the main job.
deps:
	@scripts/install-deps

demo: deps
	$(MAKE) all
	$(BUILD)/clout check data/ukraine-2025
	$(BUILD)/clout rank --top 15 data/ukraine-2025
	$(BUILD)/clout map data/ukraine-2025 -o $(BUILD)/ukraine-2025-map.svg
	@echo "influence map: $(BUILD)/ukraine-2025-map.svg (open it in a browser; hover for the evidence)"

# Every test: plain build, then ASan+UBSan, then the CLI tests under valgrind.
# Ends with one line "N passed, N failed".
check: deps
	$(MAKE) all
	@scripts/run-tests

test: check

unit: $(UNIT_BIN)
	@scripts/run-unit $(UNIT_BIN)

cli: all
	@CLOUT=$(BUILD)/clout scripts/run-cli-tests

peers: all
	@CLOUT=$(BUILD)/clout SHARED=$(SHARED) scripts/run-peer-tests

bench: all
	@CLOUT=$(BUILD)/clout scripts/bench
	@CLOUT=$(BUILD)/clout scripts/bench-map
	@CLOUT=$(BUILD)/clout scripts/bench-whatif
	@CLOUT=$(BUILD)/clout scripts/bench-compare

# The gallery: every case's influence map, drawn from data/ into graphs/.
graphs: all
	@CLOUT=$(BUILD)/clout scripts/render-gallery

lint:
	@scripts/check-layering

install: $(BUILD)/clout
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(INCDIR)/clout $(DESTDIR)$(LIBDIR)
	install -m 755 $(BUILD)/clout $(DESTDIR)$(BINDIR)/clout
	install -m 644 include/clout/*.h $(DESTDIR)$(INCDIR)/clout/
	install -m 644 $(BUILD)/libclout.a $(DESTDIR)$(LIBDIR)/libclout.a

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/clout $(DESTDIR)$(LIBDIR)/libclout.a
	rm -rf $(DESTDIR)$(INCDIR)/clout

clean:
	rm -rf $(BUILD)

# Fault injection (docs/OOM.md): clout linked with an allocator whose Nth
# malloc, calloc or realloc fails (CLOUT_FAIL_AT=N), every command run on a
# small case. FAULT_FULL=1 sweeps further (for check-full).
FAULT := $(BUILD)/fault

$(FAULT)/failmalloc.o: tests/fault/failmalloc.c
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

$(FAULT)/clout: $(CLI_OBJ) $(BUILD)/libclout.a $(FAULT)/failmalloc.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(FAULT)/failmalloc.o $(BUILD)/libclout.a \
		$(LDLIBS)

fault: $(FAULT)/clout
	@CLOUT=$(FAULT)/clout scripts/run-fault-tests
