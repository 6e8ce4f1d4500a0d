# SPDX-License-Identifier: GPL-2.0
# Bug gallery entry, sourced by mint-tests/repro: before v2.6.31, e1000e's
# NAPI poll counted TX as not cleaned when MSI-X gave TX its own vector, so
# it always claimed its whole budget, never completed and never re-armed
# the RX vector: after the first RX interrupt, node 1's CPU runs NET_RX
# softirqs back to back.  The trigger: one frame.  Reproduced when node 1
# runs more than 100 NET_RX softirqs in the second after it (an idle node
# runs a handful).  Each run starts from a fresh boot of node 1.
title="MSI-X NAPI poll that never completes: NET_RX runs back to back after one RX interrupt"
fix='commit 679e8a0f0ae3 ("e1000e: stop unnecessary polling when using msi-x"), v2.6.31'

spin_count()
{
	n1 "awk '/NET_RX:/ { print \$2 }' /proc/softirqs"
}

# entry_reset PATH: boot node 1 again (taking eth0 down while the poll
# spins does not come back under TCG)
entry_reset()
{
	boot_for "$kernel" "$1"
}

# spin_run PATH T0
spin_run()
{
	local before n

	before=$(spin_count)
	if [ "$1" = nicsim ]; then
		mint-nicsim --type udp --count 1 --settle 0s --no-rx-check >/tmp/repro-spin.out 2>&1
		[ $? -le 1 ] || die "mint-nicsim failed: $(cat /tmp/repro-spin.out)"
	else
		nicsim-tx --type udp --count 1 --dst-mac $node1_mac -i "$nic0" >/tmp/repro-spin.out 2>&1 ||
			die "nicsim-tx failed: $(cat /tmp/repro-spin.out)"
	fi
	sleep 1
	n=$(($(spin_count) - before))
	r_secs=$(since "$2")
	if [ $n -gt 100 ]; then
		r_symptom="node 1 ran $n NET_RX softirqs in the second after one frame: its poll never completes"
		return 0
	fi
	r_symptom="node 1 ran $n NET_RX softirq(s) in the second after one frame"
	return 1
}

entry_run_nicsim()
{
	spin_run nicsim "$2"
}

entry_run_qemu()
{
	spin_run qemu "$2"
}
