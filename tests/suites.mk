# suites.mk: the jobs of make check as one make graph, run by scripts/run-tests
# with -j2 so that two jobs run at once and each waits only for the build it
# needs. Every job is scripts/run-suite NAME COMMAND: it records its result in
# $(R)/NAME.result and never fails, so one red suite does not stop the others.
#
#   MODE=check  what make check runs (docs/TESTING.md gives the budgets)
#   MODE=quick  the plain suites alone (make test-quick)
#   MODE=full   check, plus what does not fit its budget (make check-full)

MODE  ?= check
R     ?= build/test-results
RUN   := RESULTS=$(R) scripts/run-suite
SAN   := -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
UNITS := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
PEERS := $(patsubst tests/peers/%.py,%,$(wildcard tests/peers/test_*.py))
SUPP  := $(CURDIR)/tests/suppressions

ASAN_ENV := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=98 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(SUPP)/graphviz-2.42.lsan.supp:print_suppressions=0

# The longest jobs first: make starts them in this order.
QUICK_JOBS := $(addprefix peers/,$(PEERS)) gallery cli unit lint
FUZZ_JOBS  := fuzz/load fuzz/import fuzz/layout
CHECK_JOBS := build/asan build/fuzz peers/test_map asan/cli $(QUICK_JOBS) asan/unit hostile \
	$(FUZZ_JOBS) build/fault fault valgrind/cli
FULL_JOBS  := $(CHECK_JOBS) valgrind/unit

ifeq ($(MODE),quick)
JOBS := $(QUICK_JOBS)
else ifeq ($(MODE),full)
JOBS := $(FULL_JOBS)
else
JOBS := $(CHECK_JOBS)
endif

# A build as a job: make with these arguments, its one check passing when make does.
build_job = $(RUN) $@ sh -c '$(MAKE) -s WERROR=1 $(1) && echo "build: 1 passed, 0 failed"'

# each job once, in the order given
uniq = $(if $1,$(firstword $1) $(call uniq,$(filter-out $(firstword $1),$1)))

.PHONY: all $(JOBS)
all: $(call uniq,$(JOBS))

# ---------------------------------------------------------------- plain build
lint:
	@$(RUN) $@ scripts/check-layering
unit:
	@$(RUN) $@ env LABEL=unit scripts/run-unit $(addprefix build/tests/,$(UNITS))
cli:
	@$(RUN) $@ env LABEL=cli CLOUT=build/clout scripts/run-cli-tests
ifeq ($(MODE),full)
PEER_ENV := CLOUT_TEST_FULL=1
endif
$(addprefix peers/,$(PEERS)):
	@$(RUN) $@ env $(PEER_ENV) CLOUT=build/clout /usr/bin/python3 tests/$@.py
gallery:
	@$(RUN) $@ env CLOUT=build/clout scripts/render-gallery --check

# ---------------------------------------------------------------- ASan + UBSan
ASAN_MAKE := BUILD=build/asan CFLAGS="$(SAN)" LDFLAGS="-fsanitize=address,undefined" all units
build/asan:
	+@$(call build_job,$(ASAN_MAKE))
asan/unit: build/asan
	@$(RUN) $@ env $(ASAN_ENV) LABEL=unit+asan scripts/run-unit \
	    $(addprefix build/asan/tests/,$(UNITS))
asan/cli: build/asan
	@$(RUN) $@ env $(ASAN_ENV) LABEL=cli+asan CLOUT=build/asan/clout scripts/run-cli-tests

# ---------------------------------------------------------------- valgrind
# make check: the unit tests with their random trials cut tenfold
# (CLOUT_TEST_QUICK), and the CLI goldens listed in tests/valgrind-sample;
# make check-full: every trial and every golden.
ifeq ($(MODE),full)
VALGRIND_UNIT_ENV :=
VALGRIND_CLI_ENV  :=
else
VALGRIND_UNIT_ENV := CLOUT_TEST_QUICK=1
VALGRIND_CLI_ENV  := ONLY=tests/valgrind-sample
endif
valgrind/unit:
	@$(RUN) $@ env $(VALGRIND_UNIT_ENV) LABEL=unit+valgrind VALGRIND=1 scripts/run-unit \
	    $(addprefix build/tests/,$(UNITS))
valgrind/cli:
	@$(RUN) $@ env $(VALGRIND_CLI_ENV) LABEL=cli+valgrind VALGRIND=1 CLOUT=build/clout \
	    scripts/run-cli-tests

# ---------------------------------------------------------------- hostile corpus
# make check: every file through check and one more command, under ASan;
# make check-full: every command on every file, and valgrind.
ifeq ($(MODE),full)
HOSTILE_ENV := HOSTILE_FULL=1
endif
hostile: build/asan
	@$(RUN) $@ env $(ASAN_ENV) $(HOSTILE_ENV) HOSTILE_JOBS=1 CLOUT=build/asan/clout \
	    VALGRIND_CLOUT=build/clout scripts/run-hostile

# ---------------------------------------------------------------- fuzzing
# Each libFuzzer target FUZZ_SECONDS (15 in make check, 300 in make check-full).
ifeq ($(MODE),full)
FUZZ_SECONDS ?= 300
else
FUZZ_SECONDS ?= 15
endif
build/fuzz:
	+@$(call build_job,fuzz-build)
$(FUZZ_JOBS): build/fuzz
	@$(RUN) $@ env FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_TARGETS=$(notdir $@) scripts/run-fuzz

# ---------------------------------------------------------------- fault injection
# The plain objects linked with an allocator that fails the Nth call
# (docs/OOM.md); FAULT_FULL=1 sweeps further in make check-full.
ifeq ($(MODE),full)
FAULT_ENV := FAULT_FULL=1
endif
build/fault:
	+@$(call build_job,build/fault/clout)
fault: build/fault
	@$(RUN) $@ env $(FAULT_ENV) CLOUT=build/fault/clout scripts/run-fault-tests
