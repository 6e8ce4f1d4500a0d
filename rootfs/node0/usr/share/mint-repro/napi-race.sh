# SPDX-License-Identifier: GPL-2.0
# Bug gallery entry, sourced by mint-tests/repro: the NAPI completion race.
# Before v4.11 an interrupt that found NAPI_STATE_SCHED set did nothing, so
# a frame whose interrupt came after the poll's last look at the ring but
# before napi_complete_done() waited for the next interrupt; before v4.5
# e1000e did not auto-mask its RX vector, so such interrupts came.  The
# trigger: pairs of frames, the second one D after the first one's RX
# message (trigger=poll), D from 10 to 400 us in steps of 10 us, which
# covers node 1's poll under TCG; node 1 must take both within 100 ms.  The
# emulated path can only time the second frame from the first one's send.
# Frames go to UDP port 9, where nothing listens, and are counted in node
# 1's Udp NoPorts, which nothing else moves.
title="NAPI completion race: an RX interrupt during the poll's completion is lost, the frame waits"
fix='commit 39e6c8208d7b ("net: solve a NAPI race"), v4.11; with commit 0a8047ac68e5 ("e1000e: Fix msi-x interrupt automask"), v4.5'
race_delays=$(seq 10 10 400)

race_count()
{
	n1_snmp Udp:NoPorts
}

# race_pairs PATH T0: one pair per delay until node 1 is short of a frame
race_pairs()
{
	local d before got got2 t when late

	for d in $race_delays; do
		before=$(race_count)
		when="frame was sent"
		if [ "$1" = nicsim ]; then
			when="frame's RX message"
			mint-nicsim --type udp --dst-port 9 --count 2 --trigger poll \
				--trigger-delay "${d}us" --interval 20ms --settle 0s \
				--no-rx-check >/tmp/repro-race.out 2>&1
			[ $? -le 1 ] || die "mint-nicsim failed: $(cat /tmp/repro-race.out)"
		else
			nicsim-tx --type udp --count 2 --interval "${d}us" \
				--dst-mac $node1_mac -i "$nic0" >/tmp/repro-race.out 2>&1 ||
				die "nicsim-tx failed: $(cat /tmp/repro-race.out)"
		fi
		sleep 0.1
		got=$(($(race_count) - before))
		[ $got -lt 2 ] || continue
		r_secs=$(since "$2")
		t=$(uptime_s)
		while [ $(($(race_count) - before)) -lt 2 ] &&
			[ "$(awk -v a="$t" -v b="$(uptime_s)" 'BEGIN { print (b - a < 5) }')" = 1 ]; do
			sleep 0.05
		done
		got2=$(($(race_count) - before))
		if [ $got2 -ge 2 ]; then
			late="took the 2nd only $(since "$t") s later (e1000e's watchdog kicks RX every 2 s)"
		else
			late="still had $got2 of 2 5 s later"
		fi
		r_symptom="2nd frame ${d}us after the 1st $when: node 1 had $got of 2 frames after 100 ms and $late"
		return 0
	done
	r_symptom="node 1 took both frames within 100 ms at every delay, 10 to 400 us"
	return 1
}

entry_run_nicsim()
{
	race_pairs nicsim "$2"
}

entry_run_qemu()
{
	race_pairs qemu "$2"
}
