# SPDX-License-Identifier: GPL-2.0
# Sourced by both nodes' /init: mount the pseudo filesystems, set up a shell
# environment, and run a test script when the kernel command line asks for one.

mount_pseudo_fs()
{
	mount -t proc proc /proc
	mount -t sysfs sysfs /sys
	mount -t devtmpfs devtmpfs /dev 2>/dev/null
	mount -t debugfs debugfs /sys/kernel/debug
	mount -t tmpfs tmpfs /tmp
	mount -t tmpfs tmpfs /run
	mkdir -p /dev/pts /dev/shm
	# devtmpfs has no /dev/std*: kselftest's runner logs to /dev/stdout.
	ln -sf /proc/self/fd /dev/fd
	ln -sf /proc/self/fd/0 /dev/stdin
	ln -sf /proc/self/fd/1 /dev/stdout
	ln -sf /proc/self/fd/2 /dev/stderr
	mount -t devpts devpts /dev/pts 2>/dev/null
	export PATH=/usr/sbin:/usr/bin:/sbin:/bin
	export HOME=/root
	hostname "$1"
	ip link set lo up 2>/dev/null
}

# run_test NAME: run /usr/share/mint-tests/NAME between markers the host
# harness looks for, so that its output can be cut out of the console log.
run_test()
{
	local t=/usr/share/mint-tests/$1

	echo "mint-test: begin $1"
	if [ -x "$t" ]; then
		"$t"
		echo "mint-test: end $1 rc=$?"
	else
		echo "mint-test: end $1 rc=127 (no such test: $t)"
	fi
}

# Interactive shell on the console; respawned when it exits.  /bin/sh, not
# sh: cttyhack would run busybox's sh applet (node 1's /bin/sh is dash).
console_shell()
{
	while :; do
		setsid cttyhack /bin/sh -l
		sleep 1
	done
}
