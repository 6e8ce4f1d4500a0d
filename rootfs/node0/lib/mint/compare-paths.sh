# SPDX-License-Identifier: GPL-2.0
# Sourced by the in-guest tests that compare node 1's receive path through
# QEMU's e1000e model with mint-nicsim in one boot (rx-compare, irq-pattern;
# both need tools/harness/mint-qemu --hub).  The sourcing script sets
# test_name first: say and die prefix their lines with it, die exits 2 (a
# setup error).

say()
{
	echo "$test_name: $*"
}

die()
{
	say "error: $*"
	exit 2
}

# wait_for WHAT TRIES(0.1s) 'SHELL-TEST'
wait_for()
{
	local i=0

	until eval "$3" >/dev/null 2>&1; do
		i=$((i + 1))
		[ $i -le "$2" ] || die "$1 did not happen within $(($2 / 10)) s"
		sleep 0.1
	done
}

# uptime_s: node 0's uptime in seconds (fractions included)
uptime_s()
{
	cut -d' ' -f1 /proc/uptime
}

# cmdline_arg NAME: the value of NAME=VALUE on node 0's kernel command line
cmdline_arg()
{
	tr ' ' '\n' </proc/cmdline | sed -n "s/^$1=//p"
}

# boot_node1 "EXTRA KERNEL PARAMETERS" [KERNEL]: halt node 1 and boot it
# again, with KERNEL (default /boot/node1/bzImage) and its usual initramfs.
boot_node1()
{
	local img=${2:-/boot/node1/bzImage}

	echo 1 >/sys/kernel/mint/node1/halt || die "cannot halt node 1"
	mint-boot -t 120s "$img" /boot/node1/initrd.cpio.gz "$1" ||
		die "node 1 did not boot $img with '$1'"
	mint-exec --wait-agent -t 120s >/dev/null || die "node 1's agent did not start"
}

# boot_node1_qemu_rx [KERNEL]: boot node 1 receiving through QEMU's e1000e
# model.
boot_node1_qemu_rx()
{
	boot_node1 "e1000e.shm_rx=0" "${1:-}"
	[ "$(mint-exec "cat /sys/module/e1000e/parameters/shm_rx")" = 0 ] ||
		die "node 1's e1000e.shm_rx is not 0"
	mint-exec "dmesg | grep -q 'shm_rx: receiving'" && die "node 1's e1000e uses the shared ring"
}

node1_carrier()
{
	wait_for "carrier on node 1's eth0" 300 \
		'[ "$(mint-exec "cat /sys/class/net/eth0/carrier")" = 1 ]'
}

# hub_nic: set nic0 to node 0's NIC on the QEMU hub (the one bound to e1000;
# node 0 has no other), bring it up and wait for its carrier.
hub_nic()
{
	local d drv

	[ -d /sys/kernel/mint/node1 ] || die "not a Mint node 0"
	[ -d /sys/kernel/mint_nicsim ] || die "no mint-nicsim in node 0's kernel"
	nic0=""
	for d in /sys/class/net/*; do
		drv=$(readlink "$d/device/driver" 2>/dev/null) || continue
		[ "${drv##*/}" = e1000 ] && nic0=${d##*/}
	done
	[ -n "$nic0" ] ||
		die "node 0 has no NIC on the QEMU hub: run tools/harness/mint-qemu --hub test $test_name"
	ip link set "$nic0" up || die "cannot bring $nic0 up"
	wait_for "carrier on node 0's $nic0" 300 '[ "$(cat /sys/class/net/$nic0/carrier)" = 1 ]'
}
