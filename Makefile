# SPDX-License-Identifier: GPL-2.0
#
# mint-nicsim: build, boot and test two Linux 6.12 kernels on one machine.
# `make help` lists the targets: the "## " comment line above each rule is
# its description, so a new target shows up by itself (05-tools checks that
# every .PHONY target has one).
#
# Variables: KSRC=/path/to/linux-6.12 uses an existing tree as the base
# (it is never modified); JOBS=N parallel jobs; ACCEL=kvm where KVM works;
# DURATION=30m (s, m or h) is how long `make soak` runs; BUG=NAME and
# RUNS=N pick the entry and the runs of `make repro`.

PIPELINE := tools/build/pipeline

.PHONY: all build run check bench check-debug soak irq-pattern repro check-bisect check-bisect-objects scratch check-patches export \
	deps clean distclean help

## build both kernels, the user tools and both root filesystems (default)
all build:
	@$(PIPELINE) build

## build, then boot the pair in QEMU (node 0's console here)
run:
	@$(PIPELINE) run

## build, then run every test; ends with "N passed, N failed"
check:
	@$(PIPELINE) check

## build, then the interval sweep and the evaluation against QEMU's e1000e and pktgen (build/bench)
bench:
	@$(PIPELINE) bench

## the whole suite on debug kernels (KASAN, lockdep, ...)
check-debug:
	@OUT_SUFFIX=-debug EXTRA_CONFIGS=configs/debug.config $(PIPELINE) check-debug

## debug kernels, back-to-back runs for DURATION (default 30m), node 1 memory sampled
soak:
	@d="$(or $(DURATION),30m)"; \
	case "$$d" in *s) s=$${d%s} ;; *m) s=$$(( $${d%m} * 60 )) ;; *h) s=$$(( $${d%h} * 3600 )) ;; \
	*) echo "DURATION=$$d: give a unit, e.g. 30m, 90s or 2h" >&2; exit 2 ;; esac; \
	OUT_SUFFIX=-debug EXTRA_CONFIGS=configs/debug.config SOAK_S=$$s $(PIPELINE) soak

## node 1's RX interrupts and NAPI polls for one burst pattern, QEMU's e1000e vs mint-nicsim
irq-pattern:
	@$(PIPELINE) build && tools/harness/mint-qemu --hub --test-timeout 600 test irq-pattern

## the bug gallery: BUG=NAME (default all of patches/repro), RUNS=N (default 10)
repro:
	@$(PIPELINE) build && RUNS="$(or $(RUNS),10)" tools/build/repro $(BUG)

## build both kernels after every patch of the series
check-bisect:
	@tools/build/check-bisect

## CI's cheaper form: after every patch, compile the directories it touches
check-bisect-objects:
	@tools/build/check-bisect --objects

## a patched scratch tree for working on the series with quilt
scratch:
	@tools/build/scratch

## checkpatch --strict on every patch of the series
check-patches:
	@tools/build/check-patches

## the series as numbered mails with a cover letter, for git am (build/export)
export:
	@tools/build/export-series

## install the missing build dependencies (needs root)
deps:
	@tools/install-deps

## remove build/ except the unpacked base tree
clean:
	rm -rf build/src build/node0* build/node1* build/rootfs build/tools build/logs \
		build/kselftest* build/scratch build/tmp build/bisect build/bisect-objects build/export build/repro

## remove build/ entirely
distclean:
	rm -rf build

## list the targets and variables
help:
	@sed -n '3p' $(firstword $(MAKEFILE_LIST)) | sed 's/^# //'
	@echo
	@awk '/^## / { d = substr($$0, 4); next } \
	      /^[a-z][a-z0-9 -]*:/ && !/^[^:]*:=/ { \
		t = $$0; sub(/:.*/, "", t); gsub(/ /, ", ", t); \
		printf "  make %-21s  %s\n", t, d ? d : "(no description)" } \
	      { d = "" }' $(firstword $(MAKEFILE_LIST))
	@echo
	@sed -n '/^# Variables:/,/^$$/{/^$$/!p}' $(firstword $(MAKEFILE_LIST)) | sed 's/^# //'
