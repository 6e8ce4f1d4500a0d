#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host unit tests of the Mint userspace tools (tools/): no Mint kernel
# needed.  The sysfs ABIs are faked with regular files through
# MINT_SYSFS / MINT_NICSIM_SYSFS; node 1's NIC is a veth pair with the
# receiver in a network namespace (needs root; those tests SKIP otherwise).
# Prints KTAP; exit 0 when every test passed or skipped.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TOOLS=${TOOLS:-$(cd "$HERE/../../tools" && pwd)}
WORK=$(mktemp -d /tmp/mint-tools-test.XXXXXX)
BIN=$WORK/bin
NS=minttest$$
PIDS=""

pass=0 fail=0 skip=0 n=0
ok()   { n=$((n + 1)); pass=$((pass + 1)); echo "ok $n $1"; }
nok()  { n=$((n + 1)); fail=$((fail + 1)); echo "not ok $n $1"; }
skp()  { n=$((n + 1)); skip=$((skip + 1)); echo "ok $n $1 # SKIP $2"; }
check() { local d=$1; shift; if "$@" >> "$WORK/log" 2>&1; then ok "$d"; else nok "$d"; fi; }
diag() { sed 's/^/# /'; }
# out_is DESC RC PATTERN: last command exited RC and $out matches PATTERN
out_is() { if [ "$rc" = "$2" ] && grep -q -- "$3" <<< "$out"; then ok "$1"; else nok "$1"; fi; }

cleanup() {
	local p
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	ip netns del "$NS" 2>/dev/null
	ip link del "mt$$a" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

new_root() {	# fresh fake /sys/kernel/mint
	rm -rf "$WORK/mint"; mkdir -p "$WORK/mint"
	: > "$WORK/mint/areas"; : > "$WORK/mint/shm"; echo 0 > "$WORK/mint/node_id"
	export MINT_SYSFS=$WORK/mint
}

echo "TAP version 13"
if ! make -s -C "$TOOLS" OUT="$BIN" > "$WORK/build.log" 2>&1; then
	echo "1..0 # SKIP"; diag < "$WORK/build.log"; echo "Bail out! build failed"; exit 1
fi
gcc -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -I"$TOOLS/include" -I"$TOOLS/lib" \
	-o "$BIN/unit_tests" "$HERE/unit_tests.c" "$TOOLS"/lib/{frame_build,frame_check,seqtrack,units,mint_shm,sysfs_io}.c \
	|| { echo "Bail out! unit_tests build failed"; exit 1; }
PATH=$BIN:$PATH

# --- library unit tests ---
while read -r res name; do
	if [ "$res" = PASS ]; then ok "$name"; else nok "$name"; fi
done < <(unit_tests)

# --- mint-shm on a fake shared range ---
new_root
check "mint-shm create/fill/verify" sh -c 'mint-shm create a1 64K && mint-shm fill a1 7 && mint-shm verify a1 7'
check "mint-shm verify detects a wrong seed" sh -c '! mint-shm verify a1 8'
check "mint-shm create of an existing, smaller area fails" sh -c '! mint-shm create a1 1M'
check "mint-shm rejects a bad name" sh -c '! mint-shm create "a b" 4K && ! mint-shm create 123456789012345678901234 4K'
check "mint-shm second area does not overlap" sh -c 'mint-shm create a2 4K && mint-shm fill a2 9 && mint-shm verify a1 7'
echo "evil 999999999999 4096" >> "$MINT_SYSFS/areas"
check "area beyond the shm size is refused" sh -c '! mint-shm verify evil 1'

# --- mint-exec <-> mint-agent ---
new_root
out=$(mint-exec 'true' 2>&1); rc=$?
check "mint-exec without agent exits 125" test "$rc" = 125
mint-agent -q & AGENT=$!; PIDS="$PIDS $AGENT"
check "mint-exec --wait-agent" mint-exec --wait-agent -t 5
out=$(mint-exec 'echo out; echo err >&2; exit 3' 2>&1); rc=$?
check "mint-exec output and exit status" test "$rc" = 3 -a "$out" = "out
err"
out=$(mint-exec -t 1 'sleep 10' 2>&1); rc=$?
check "mint-exec timeout exits 124 with a message" sh -c "test $rc = 124 && echo '$out' | grep -q timeout"
check "agent still serves after a timeout" sh -c 'test "$(mint-exec "echo again")" = again'
check "background child does not block the reply" sh -c 'mint-exec -t 3 "sleep 5 >/dev/null 2>&1 & echo bg" | grep -q bg'
out=$(mint-exec 'head -c 100000 /dev/zero' 2>/dev/null | wc -c)
check "output capped at 60 KiB" test "$out" = 61440
check "command of 1023 bytes accepted, 1024 refused" sh -c \
	'c=$(printf "%01018d" 0); mint-exec "echo $c" >/dev/null && ! mint-exec "echo ${c}0" 2>/dev/null'
out=$( (mint-exec 'echo a' & mint-exec 'echo b' & mint-exec 'echo c' & wait) | sort | tr -d '\n')
check "concurrent clients serialize" test "$out" = abc
kill -STOP "$AGENT"
out=$(mint-exec -t 2 'true' 2>&1); rc=$?
check "frozen agent (stale heartbeat) exits 125" test "$rc" = 125
kill -CONT "$AGENT"; kill "$AGENT"; wait "$AGENT" 2>/dev/null

# --- nicsim-rx on crafted frames (pcap replay) ---
new_root
for t in udp tcp-syn icmp-echo arp; do
	nicsim-tx --type "$t" --count 300 --size 200 -w "$WORK/$t.pcap"
	out=$(nicsim-rx --replay "$WORK/$t.pcap")
	check "nicsim-rx replay $t: 300 good in order" sh -c "echo '$out' | grep -q 'total 300 bad 0; $t: rx 300 bad 0 dup 0 reorder 0 gaps 0 unique 300'"
done
for m in ipcsum l4csum magic pattern; do
	nicsim-tx --type udp --count 10 --corrupt 4,7 --corrupt-mode $m -w "$WORK/c.pcap"
	out=$(nicsim-rx --no-area --replay "$WORK/c.pcap"); rc=$?
	check "nicsim-rx detects $m corruption" sh -c "test $rc = 1 && echo '$out' | grep -q 'bad 2'"
done
nicsim-tx --type icmp-echo --seqs 0-4,3,7,6,8 -w "$WORK/s.pcap"
out=$(nicsim-rx --no-area --replay "$WORK/s.pcap")
check "nicsim-rx counts dup, reorder, gaps" sh -c "echo '$out' | grep -q 'dup 1 reorder 1 gaps 2 unique 8'"
printf 'garbage-not-a-pcap-file' > "$WORK/g.pcap"
check "nicsim-rx rejects a non-pcap file" sh -c "! nicsim-rx --no-area --replay $WORK/g.pcap"
check "nicsim-rx --show reads the published area" sh -c 'nicsim-rx --show | grep -q "arp: rx 300"'

# --- end to end over veth: nicsim-rx daemon + mint-nicsim with fake sysfs ---
if [ "$(id -u)" != 0 ] || ! ip netns add "$NS" 2>/dev/null; then
	skp "veth end-to-end tests" "needs root and network namespaces"
else
	ip link add "mt$$a" type veth peer name eth0 netns "$NS"
	# no IPv6 noise (router solicitations): node 1 only sees injected frames
	sysctl -qw "net.ipv6.conf.mt$$a.disable_ipv6=1" 2>/dev/null
	ip netns exec "$NS" sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1 2>/dev/null
	ip link set "mt$$a" up; ip -n "$NS" link set eth0 up; ip -n "$NS" link set lo up
	new_root
	export MINT_NICSIM_SYSFS=$WORK/nicsim; mkdir -p "$MINT_NICSIM_SYSFS"
	"$HERE/fake-nicsim.sh" "$MINT_NICSIM_SYSFS" "mt$$a" "$BIN" & PIDS="$PIDS $!"
	check "nicsim-rx -d starts in the netns" ip netns exec "$NS" nicsim-rx -d
	check "second nicsim-rx -d is a no-op" ip netns exec "$NS" nicsim-rx -d
	sleep 0.3
	for t in udp tcp-syn icmp-echo arp; do
		out=$(mint-nicsim --type $t --count 500 --size 100 --interval 10us 2>&1); rc=$?
		echo "$out" | diag
		check "mint-nicsim $t 500: exact count confirmed by receiver" sh -c \
			"test $rc = 0 && echo '$out' | grep -q '^sent 500, node 1 received 500, lost 0, dropped 0'"
	done
	out=$(mint-nicsim --type raw --raw 02:4d:49:4e:54:01:02:4d:49:4e:54:00:88:b5:00:01:02:03 --count 50 2>&1); rc=$?
	echo "$out" | diag
	check "mint-nicsim raw frames counted as other" sh -c "test $rc = 0 && nicsim-rx --show | grep -q 'other: rx 50 bad 0'"
	out=$(mint-nicsim --type udp --count 10 --kv 2>&1)
	echo "$out" | diag
	check "mint-nicsim --kv" sh -c "echo '$out' | grep -qx 'received=10' && echo '$out' | grep -qx 'lost=0'"
	echo 3 > "$MINT_NICSIM_SYSFS/fake_lose"
	out=$(mint-nicsim --type udp --count 100 2>&1); rc=$?
	echo "$out" | diag
	check "mint-nicsim fails on lost frames" sh -c "test $rc = 1 && echo '$out' | grep -q 'lost 3'"
	echo 0 > "$MINT_NICSIM_SYSFS/fake_lose"; echo 20 > "$MINT_NICSIM_SYSFS/fake_drops"
	out=$(mint-nicsim --type udp --count 100 2>&1); rc=$?
	check "ring-full drops accounted (sent == received + dropped)" sh -c "test $rc = 0 && echo '$out' | grep -q 'received 80, lost 0, dropped 20'"
	echo 0 > "$MINT_NICSIM_SYSFS/fake_drops"; echo 5 > "$MINT_NICSIM_SYSFS/fake_corrupt"
	out=$(mint-nicsim --type icmp-echo --count 20 2>&1); rc=$?
	echo "$out" | diag
	check "mint-nicsim fails on bad frames" sh -c "test $rc = 1 && echo '$out' | grep -q 'BAD 1'"
	: > "$MINT_NICSIM_SYSFS/fake_corrupt"; echo error > "$MINT_NICSIM_SYSFS/fake_state"
	mint-nicsim --count 5 >/dev/null 2>&1; rc=$?
	check "mint-nicsim fails on state error" test "$rc" = 1
	: > "$MINT_NICSIM_SYSFS/fake_state"
	out=$(mint-nicsim --interval 10parsecs 2>&1); rc=$?
	check "mint-nicsim rejects a bad duration" sh -c "test $rc = 2 && echo '$out' | grep -q 'bad duration'"
	check "mint-nicsim --show lists knobs, stats and receiver" sh -c \
		'mint-nicsim --show | grep -q "^stats/frames_sent" && mint-nicsim --show | grep -q "node1/nicsim-rx.*running"'
	out=$(nicsim-bench --count 20 --intervals 1ms,10us,0 2>&1); rc=$?
	echo "$out" | diag
	check "nicsim-bench prints one row per interval" sh -c "test $rc = 0 && test \$(echo '$out' | grep -c ' ok\$') = 3"
	echo "detached: interface down" > "$MINT_NICSIM_SYSFS/attach"
	out=$(mint-nicsim --count 5 2>&1); rc=$?
	echo "$out" | diag
	out_is "mint-nicsim refuses when detached" 2 "not attached"
	check "nicsim-rx --stop" sh -c 'nicsim-rx --stop && sleep 0.3 && nicsim-rx --show | grep -q "not running"'
	out=$(mint-nicsim --count 5 --no-rx-check 2>&1); rc=$?
	out_is "mint-nicsim without receiver still refuses detached" 2 "not attached"
	unset MINT_NICSIM_SYSFS
fi

# --- the series' kselftest copies of the shared headers stay identical ---
# (tools/testing/selftests/mint in the patched tree; needs `make` first)
KS=${BUILD:-$HERE/../../build}/src/tools/testing/selftests/mint
if [ -d "${BUILD:-$HERE/../../build}/src" ]; then
	check "kselftest copies of mint_exec.h / nicsim_rx.h match tools/include" sh -c \
		"cmp '$TOOLS/include/mint_exec.h' '$KS/mint_exec.h' && cmp '$TOOLS/include/nicsim_rx.h' '$KS/nicsim_rx.h'"
else
	n=$((n + 1)); skip=$((skip + 1))
	echo "ok $n kselftest header copies # SKIP no patched tree (run make first)"
fi

echo "1..$n"
echo "# Totals: pass:$pass fail:$fail xfail:0 xpass:0 skip:$skip error:0"
[ "$fail" = 0 ]
