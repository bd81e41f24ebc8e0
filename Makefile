# clout: one non-recursive Makefile for the library, the CLI, the tests and installs.
# Defaults only; local overrides go in config.mk (not committed).

PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
INCDIR   ?= $(PREFIX)/include
LIBDIR   ?= $(PREFIX)/lib
BUILD    ?= build
PKGS     := igraph libgvc
# Debian ships no libcsv.pc: link it by name; utf8proc (Unicode normalisation, in
# src/utf8.c only) likewise, since its .pc adds a stray -DUTF8PROC_EXPORTS.

CC       ?= cc
CFLAGS   ?= -O2 -g
CFLAGS   += -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -Iinclude -MMD -MP $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDLIBS   += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lutf8proc -lm

-include config.mk

# make check builds with WERROR=1: a warning fails the suite. A plain make does not.
ifeq ($(WERROR),1)
CFLAGS   += -Werror
endif

CLI_SRC  := src/main.c src/cli.c src/oom.c $(wildcard src/cmd-*.c)
LIB_SRC  := $(filter-out $(CLI_SRC),$(wildcard src/*.c))
LIB_OBJ  := $(LIB_SRC:src/%.c=$(BUILD)/obj/%.o)
CLI_OBJ  := $(CLI_SRC:src/%.c=$(BUILD)/obj/%.o)
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all units deps demo check check-full test-quick test unit cli peers bench graphs lint \
	install uninstall clean fault FORCE
.DELETE_ON_ERROR:

all: $(BUILD)/clout

units: $(UNIT_BIN)

$(BUILD)/libclout.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/clout: $(CLI_OBJ) $(BUILD)/libclout.a
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(CLI_OBJ) $(BUILD)/libclout.a $(LDLIBS)

# Objects depend on the flags they were built with: switching CFLAGS (as make
# check's -Werror does) rebuilds them instead of reusing stale ones.
$(BUILD)/flags: FORCE
	@mkdir -p $(@D)
	@echo '$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS)' | cmp -s - $@ || \
	    echo '$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS)' >$@

$(BUILD)/obj/%.o: src/%.c $(BUILD)/flags
	@mkdir -p $(@D)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/test.h $(BUILD)/libclout.a $(BUILD)/flags
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

# Every test, two suites at a time, each within its budget (docs/TESTING.md).
# Ends with one line "N passed, N failed, N skipped".
check: deps
	@scripts/run-tests check

# The plain suites alone, for the edit-compile-test loop (under 90 s).
test-quick: deps
	@scripts/run-tests quick

# What does not fit the budget: valgrind over every CLI golden and the whole
# hostile corpus, the full fault-injection sweep, longer fuzzing.
check-full: deps
	@scripts/run-tests full

test: check

unit: $(UNIT_BIN)
	@scripts/run-unit $(UNIT_BIN)

cli: all
	@CLOUT=$(BUILD)/clout scripts/run-cli-tests

peers: all
	@CLOUT=$(BUILD)/clout scripts/run-peer-tests

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

# ---- fuzzing (libFuzzer: clang, with ASan and UBSan) ----
# `make fuzz FUZZ_SECONDS=N` runs every target N seconds; `make fuzz-build` only builds.
# The targets link the library built again by clang with coverage and sanitizers.
FUZZ_CC      ?= clang-14
FUZZ_BUILD   ?= build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_CFLAGS  := -std=c11 -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all
FUZZ_NAMES   := load import layout
FUZZ_BIN     := $(FUZZ_NAMES:%=$(FUZZ_BUILD)/fuzz_%)
FUZZ_LIB_OBJ := $(LIB_SRC:src/%.c=$(FUZZ_BUILD)/obj/%.o)

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BIN)

fuzz: fuzz-build
	@FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_BUILD=$(FUZZ_BUILD) scripts/run-fuzz

$(FUZZ_BUILD)/obj/%.o: src/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/libclout.a: $(FUZZ_LIB_OBJ)
	$(AR) rcs $@ $^

$(FUZZ_BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h $(FUZZ_BUILD)/libclout.a
	$(FUZZ_CC) $(CPPFLAGS) -Isrc $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< \
		$(FUZZ_BUILD)/libclout.a $(LDLIBS)

-include $(FUZZ_LIB_OBJ:.o=.d)

# ---- the hostile corpus (tests/hostile): make hostile; CLOUT=build/asan/clout in check ----
.PHONY: hostile
hostile: all
	@CLOUT=$(BUILD)/clout scripts/run-hostile

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
