# SPDX-License-Identifier: GPL-2.0
# Bug gallery entry, sourced by mint-tests/repro: CVE-2009-4538.  Before the
# fix, e1000_clean_rx_irq() dropped only the descriptors without EOP, and the
# last piece of a frame that spanned descriptors went up as a frame of its
# own.  The trigger (frame-fragment.scenario) is a UDP frame written across
# two descriptors whose second half is a whole ICMP echo request to node 1:
# the bug is reproduced when node 1's stack counts that echo request.
title="a frame spanning two descriptors: its last piece goes up as a frame (CVE-2009-4538)"
fix='commit b94b50289622 ("e1000e: enhance frame fragment detection"), v2.6.33'
qemu_unsupported="the emulated e1000e spreads a frame over descriptors only past its 2048-byte buffers, and with MTU 1500 (RCTL.LPE clear) drops such a frame as oversize: it cannot hand the driver a frame in pieces"

# frag_counts: node 1's Icmp InEchos and Udp NoPorts (the UDP frame goes to
# port 9, where nothing listens): what its stack took, not what the
# emulated device counted
frag_counts()
{
	n1_snmp Icmp:InEchos Udp:NoPorts
}

entry_run_nicsim()
{
	local before after t0=$2

	before=$(frag_counts)
	mint-nicsim --scenario "$entries/frame-fragment.scenario" >/tmp/repro-frag.out 2>&1 ||
		die "mint-nicsim --scenario failed: $(cat /tmp/repro-frag.out)"
	sleep 0.2
	after=$(frag_counts)
	set -- $before $after
	r_secs=$(since "$t0")
	if [ $(($3 - $1)) -gt 0 ]; then
		r_symptom="the frame's last piece went up as an ICMP echo request (node 1's stack: Icmp InEchos +$(($3 - $1)), Udp NoPorts +$(($4 - $2)))"
		return 0
	fi
	r_symptom="frame dropped whole (node 1's stack: Icmp InEchos +0, Udp NoPorts +$(($4 - $2)))"
	return 1
}
