#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mint-tsc-check [ROUNDS]: do node 0 and node 1 read one TSC?
#
# Node 0 and node 1 are cores of one machine, and the trace tools (mint-trace,
# the mint_nicsim kselftests) compare x86-tsc stamps of both nodes directly.
# That holds when both cores read the same invariant TSC.  Each round reads
# node 0's TSC, node 1's (mint-exec mint-tsc) and node 0's again: node 1's
# read must fall between the two, ROUNDS times (default 5).  It also says
# whether the CPUs flag the TSC invariant (constant_tsc and nonstop_tsc);
# QEMU's TCG CPUs do not, though every vCPU reads the host's clock, so then
# only the reads vouch for it.  node 0's init runs it once node 1 is up.
#
# Prints one line; exit 0: one TSC, 1: not, 2: cannot check.

rounds=${1:-5}
ok=0
i=0
while [ $i -lt "$rounds" ]; do
	a=$(mint-tsc) && m=$(mint-exec mint-tsc) && b=$(mint-tsc) ||
		{ echo "TSC: cannot read node 1's TSC (is its agent up?)"; exit 2; }
	[ "$a" -le "$m" ] && [ "$m" -le "$b" ] && ok=$((ok + 1))
	i=$((i + 1))
done
flags='f=$(grep -m1 "^flags" /proc/cpuinfo); case "$f" in
	*constant_tsc*nonstop_tsc*|*nonstop_tsc*constant_tsc*) echo yes ;; *) echo no ;; esac'
inv0=$(eval "$flags")
inv1=$(mint-exec "$flags")
if [ $ok -eq "$rounds" ]; then
	echo "TSC shared with node 1: $ok of $rounds reads of node 1 between node 0's;" \
		"flagged invariant: node 0 $inv0, node 1 $inv1"
	exit 0
fi
echo "TSC NOT shared with node 1: only $ok of $rounds reads of node 1 between node 0's;" \
	"cross-node trace stamps do not compare"
exit 1
