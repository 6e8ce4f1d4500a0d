#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# fake-nicsim.sh ROOT IFACE BINDIR - stand-in for the kernel's mint_nicsim
# sysfs on a host: a tree of regular files; on "start" it sends the
# configured frames with nicsim-tx on IFACE (a veth whose peer runs
# nicsim-rx) and writes the stats.  Fault knobs for tests (files in ROOT):
# fake_lose N (send N fewer frames), fake_corrupt SEQ, fake_drops N
# (report N ring-full drops, send N fewer), fake_state S (final state).
root=$1 ifc=$2 bin=$3

init_tree() {
	mkdir -p "$root/stats"
	echo udp > "$root/type"; echo 64 > "$root/size"; echo 1 > "$root/count"
	echo 0 > "$root/interval_ns"; echo 1 > "$root/burst"
	echo 100000 > "$root/spin_threshold_ns"; echo 0 > "$root/ignore_mask"
	echo ff:ff:ff:ff:ff:ff > "$root/dst_mac"; echo 02:4d:49:4e:54:00 > "$root/src_mac"
	echo 10.99.0.1 > "$root/src_ip"; echo 10.99.0.2 > "$root/dst_ip"
	echo 9 > "$root/src_port"; echo 9 > "$root/dst_port"; : > "$root/raw"
	echo idle > "$root/state"; : > "$root/control"
	echo "attached mac=52:54:00:12:34:56 ring=256 bufsz=2048 apicid=1 vector=34 gen=1 masked=0" > "$root/attach"
	echo 0 > "$root/fake_lose"; echo 0 > "$root/fake_drops"; : > "$root/fake_corrupt"
	: > "$root/fake_state"
	for s in frames_sent irqs_sent drops_ring_full interval_min_ns interval_avg_ns \
		 interval_max_ns interval_p50_ns interval_p99_ns; do
		echo 0 > "$root/stats/$s"
	done
}

run() {
	type=$(cat "$root/type"); count=$(cat "$root/count")
	size=$(cat "$root/size"); ival=$(cat "$root/interval_ns")
	lose=$(cat "$root/fake_lose"); drops=$(cat "$root/fake_drops")
	corrupt=$(cat "$root/fake_corrupt"); fstate=$(cat "$root/fake_state")
	echo running > "$root/state"
	n=$((count - lose - drops))
	extra=""
	[ "$type" = raw ] && extra="--raw $(cat "$root/raw")"
	[ -n "$corrupt" ] && extra="$extra --corrupt $corrupt"
	[ "$n" -gt 0 ] && "$bin/nicsim-tx" -i "$ifc" --type "$type" --count "$n" \
		--size "$size" $extra
	echo "$count" > "$root/stats/frames_sent"
	echo "$((count - drops))" > "$root/stats/irqs_sent"
	echo "$drops" > "$root/stats/drops_ring_full"
	for s in min avg max p50 p99; do
		echo "$((ival + 100))" > "$root/stats/interval_${s}_ns"
	done
	echo "${fstate:-done}" > "$root/state"
}

init_tree
while :; do
	c=$(cat "$root/control" 2>/dev/null)
	case "$c" in
	start) : > "$root/control"; run ;;
	# "clear" is not truncated: that could eat the "start" that follows
	clear) for s in "$root"/stats/*; do echo 0 > "$s"; done ;;
	stop) : > "$root/control"; echo stopped > "$root/state" ;;
	esac
	sleep 0.01
done
