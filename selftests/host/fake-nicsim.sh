#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# fake-nicsim.sh ROOT IFACE BINDIR - stand-in for the kernel's mint_nicsim
# sysfs on a host: a tree of regular files; on "start" it sends the
# configured frames with nicsim-tx on IFACE (a veth whose peer runs
# nicsim-rx) and writes the stats; "reset" restores the knobs' defaults.
# fake-nicsim.sh --tree ROOT - only create the tree (for unit tests).
# Fault knobs for tests (files in ROOT): fake_lose N (send N fewer
# frames), fake_corrupt SEQ and fake_corrupt_mode MODE (nicsim-tx
# --corrupt, --corrupt-mode), fake_drops N (report N ring-full drops, send
# N fewer), fake_too_big N (the same as drops_too_big), fake_state S
# (final state).
if [ "$1" = --tree ]; then
	root=$2
else
	root=$1 ifc=$2 bin=$3
fi

# the kernel's defaults (Documentation/nicsim.md, "Knobs")
init_knobs() {
	echo udp > "$root/type"; echo 64 > "$root/size"; echo 1000 > "$root/count"
	echo 1000000 > "$root/interval_ns"; echo 1 > "$root/burst"
	echo 100000 > "$root/spin_threshold_ns"; echo 0 > "$root/ignore_mask"
	echo 1 > "$root/moderation"
	echo auto > "$root/dst_mac"; echo 02:4d:49:4e:54:00 > "$root/src_mac"
	echo 10.99.0.1 > "$root/src_ip"; echo 10.99.0.2 > "$root/dst_ip"
	echo 9 > "$root/src_port"; echo 9 > "$root/dst_port"; : > "$root/raw"
}

init_tree() {
	mkdir -p "$root/stats"
	init_knobs
	cat > "$root/limits" <<-EOL
	size 8 1472
	interval_ns 0 10000000000
	count 1 100000000
	burst 1 256
	spin_threshold_ns 0 1000000
	src_port 0 65535
	dst_port 0 65535
	ignore_mask 0 1
	moderation 0 1
	EOL
	echo idle > "$root/state"; : > "$root/control"
	echo "attached mac=52:54:00:12:34:56 ring=256 bufsz=2048 apicid=1 vector=34 gen=1 masked=0" > "$root/attach"
	echo 0 > "$root/fake_lose"; echo 0 > "$root/fake_drops"; echo 0 > "$root/fake_too_big"
	: > "$root/fake_corrupt"; echo pattern > "$root/fake_corrupt_mode"
	: > "$root/fake_state"
	for s in frames_sent frames_delivered irqs_sent drops_ring_full drops_too_big \
		 drops_bad_desc drops_filtered interval_min_ns interval_avg_ns interval_max_ns \
		 interval_p50_ns interval_p99_ns; do
		echo 0 > "$root/stats/$s"
	done
}

run() {
	type=$(cat "$root/type"); count=$(cat "$root/count")
	size=$(cat "$root/size"); ival=$(cat "$root/interval_ns")
	lose=$(cat "$root/fake_lose"); drops=$(cat "$root/fake_drops")
	too_big=$(cat "$root/fake_too_big")
	corrupt=$(cat "$root/fake_corrupt"); fstate=$(cat "$root/fake_state")
	echo running > "$root/state"
	n=$((count - lose - drops - too_big))
	extra=""
	[ "$type" = raw ] && extra="--raw $(cat "$root/raw")"
	[ -n "$corrupt" ] && extra="$extra --corrupt $corrupt --corrupt-mode $(cat "$root/fake_corrupt_mode")"
	[ "$n" -gt 0 ] && "$bin/nicsim-tx" -i "$ifc" --type "$type" --count "$n" \
		--size "$size" $extra
	echo "$count" > "$root/stats/frames_sent"
	echo "$((count - drops - too_big))" > "$root/stats/frames_delivered"
	echo "$((count - drops - too_big))" > "$root/stats/irqs_sent"
	echo "$drops" > "$root/stats/drops_ring_full"
	echo "$too_big" > "$root/stats/drops_too_big"
	for s in min avg max p50 p99; do
		echo "$((ival + 100))" > "$root/stats/interval_${s}_ns"
	done
	echo "${fstate:-done}" > "$root/state"
}

init_tree
[ "$1" = --tree ] && exit 0
while :; do
	c=$(cat "$root/control" 2>/dev/null)
	case "$c" in
	start) : > "$root/control"; run ;;
	# "clear" is not truncated: that could eat the "start" that follows
	clear) for s in "$root"/stats/*; do echo 0 > "$s"; done ;;
	stop) : > "$root/control"; echo stopped > "$root/state" ;;
	reset) : > "$root/control"; init_knobs ;;
	esac
	sleep 0.01
done
