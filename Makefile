# SPDX-License-Identifier: GPL-2.0
#
# mint-nicsim: build, boot and test two Linux 6.12 kernels on one machine.
#
#   make            build both kernels, the user tools and both root filesystems
#   make run        build, then boot the pair in QEMU (node 0's console here)
#   make check      build, then run every test; ends with "N passed, N failed"
#   make bench      build, then run the interval sweep benchmark in the guest
#   make check-debug  the whole suite on debug kernels (KASAN, lockdep, ...)
#   make check-bisect  build both kernels after every patch of the series
#   make scratch    a patched scratch tree for working on the series with quilt
#   make clean      remove build/ except the unpacked base tree
#
# Variables: KSRC=/path/to/linux-6.12 uses an existing tree as the base
# (it is never modified); JOBS=N parallel jobs; ACCEL=kvm where KVM works.

PIPELINE := tools/build/pipeline

.PHONY: all build run check bench check-debug check-bisect scratch check-patches deps clean \
	distclean help

all build:
	@$(PIPELINE) build

run:
	@$(PIPELINE) run

check:
	@$(PIPELINE) check

bench:
	@$(PIPELINE) bench

check-debug:
	@OUT_SUFFIX=-debug EXTRA_CONFIGS=configs/debug.config $(PIPELINE) check-debug

check-bisect:
	@tools/build/check-bisect

scratch:
	@tools/build/scratch

check-patches:
	@tools/build/check-patches

deps:
	@tools/install-deps

clean:
	rm -rf build/src build/node0* build/node1* build/rootfs build/tools build/logs \
		build/kselftest* build/scratch build/tmp build/bisect

distclean:
	rm -rf build

help:
	@sed -n "3,15p" Makefile | sed 's/^# \{0,1\}//'
