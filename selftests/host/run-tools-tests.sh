#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Host tests of the Mint userspace tools (tools/), no Mint kernel needed.
#   unit: the library (unit_tests.c) and each tool against fake sysfs
#         trees (regular files through MINT_SYSFS / MINT_NICSIM_SYSFS),
#         fake shared areas and pcap files; `make help`; the kselftest
#         copies of the shared headers.
#   e2e:  end to end over a veth pair: mint-nicsim and nicsim-bench drive
#         fake-nicsim.sh, which sends real frames to nicsim-rx in a network
#         namespace; tcpdump and dumpcap capture frames nicsim-tx sends on
#         a veth pair and nicsim-rx --replay reads their pcap and pcapng
#         files (needs root; SKIP otherwise).
# Prints KTAP, cases named "unit: ..." or "e2e: ...", and a summary line
# per class; exit 0 when every test passed or skipped.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
TOOLS=${TOOLS:-$(cd "$HERE/../../tools" && pwd)}
WORK=$(mktemp -d /tmp/mint-tools-test.XXXXXX)
BIN=$WORK/bin
NS=minttest$$
CAPNS=minttestcap$$
PIDS=""

diag() { sed 's/^/# /'; }
# check DESC CMD...: the command succeeds (its output is shown if not)
check()
{
	local d=$1 o
	shift
	if o=$("$@" 2>&1); then
		result 0 "$d"
	else
		diag <<< "$o"
		result 1 "$d"
	fi
}
# pcap_magic FILE: the first 4 bytes of FILE, in hex
pcap_magic() { od -An -tx1 -N4 "$1" | tr -d ' '; }
# run_out CMD...: run, keep stdout+stderr in $out and the status in $rc
run_out() { out=$("$@" 2>&1); rc=$?; diag <<< "$out"; }
# out_is DESC RC PATTERN: the last run_out exited RC and its output has a
# line matching the extended regular expression PATTERN
out_is()
{
	if [ "$rc" = "$2" ] && grep -qE -- "$3" <<< "$out"; then
		result 0 "$1"
	else
		echo "# expected status $2 and a line matching '$3', got status $rc"
		result 1 "$1"
	fi
}
# refused DESC RC PATTERN CMD...: CMD exits RC saying PATTERN
refused() { local d=$1 r=$2 p=$3; shift 3; run_out "$@"; out_is "$d" "$r" "$p"; }
# fmt_ns NS: NS in the largest unit that divides it, as the tools print it
fmt_ns()
{
	local u

	for u in s:1000000000 ms:1000000 us:1000 ns:1; do
		if [ $(($1 % ${u#*:})) = 0 ]; then
			echo "$(($1 / ${u#*:}))${u%%:*}"
			return
		fi
	done
}
# wait_file FILE CONTENT: until FILE reads CONTENT, at most 2 s
wait_file()
{
	local _

	for _ in $(seq 200); do
		[ "$(cat "$1" 2>/dev/null)" = "$2" ] && return 0
		sleep 0.01
	done
	return 1
}

cleanup() {
	local p
	for p in $PIDS; do kill "$p" 2>/dev/null; done
	wait 2>/dev/null
	ip netns del "$NS" 2>/dev/null
	ip netns del "$CAPNS" 2>/dev/null
	ip link del "mt$$a" 2>/dev/null
	rm -rf "$WORK"
}
trap cleanup EXIT

new_root() {	# fresh fake /sys/kernel/mint
	rm -rf "$WORK/mint"; mkdir -p "$WORK/mint"
	: > "$WORK/mint/areas"; : > "$WORK/mint/shm"; echo 0 > "$WORK/mint/node_id"
	export MINT_SYSFS=$WORK/mint
}

new_nicsim_tree() {	# fresh fake /sys/kernel/mint_nicsim, no daemon
	rm -rf "$WORK/nicsim-tree"
	"$HERE/fake-nicsim.sh" --tree "$WORK/nicsim-tree"
	export MINT_NICSIM_SYSFS=$WORK/nicsim-tree
}

if ! make -s -C "$TOOLS" OUT="$BIN" > "$WORK/build.log" 2>&1; then
	diag < "$WORK/build.log"; echo "Bail out! build failed"; exit 1
fi
gcc -O2 -Wall -Wextra -Werror -D_GNU_SOURCE -I"$TOOLS/include" -I"$TOOLS/lib" \
	-o "$BIN/unit_tests" "$HERE/unit_tests.c" \
	"$TOOLS"/lib/{frame_build,frame_check,seqtrack,units,mint_shm,sysfs_io,nicsim_limits,rx_counter}.c \
	|| { echo "Bail out! unit_tests build failed"; exit 1; }
PATH=$BIN:$PATH
ktap_class=unit

# --- library unit tests ---
while read -r res name; do
	case "$res" in
	PASS) result 0 "$name" ;;
	FAIL) result 1 "$name" ;;
	*) echo "$res $name" ;;		# diagnostics
	esac
done < <(unit_tests)

# --- mint-shm on a fake shared range ---
new_root
check "mint-shm create/fill/verify" sh -c 'mint-shm create a1 64K && mint-shm fill a1 7 && mint-shm verify a1 7'
refused "mint-shm verify detects a wrong seed" 1 "a1: mismatch at offset 0" mint-shm verify a1 8
refused "mint-shm create of an existing, smaller area fails" 1 "area 'a1': exists and is smaller" \
	mint-shm create a1 1M
refused "mint-shm rejects a name with a space" 1 "area 'a b': Invalid argument" mint-shm create "a b" 4K
refused "mint-shm rejects a 24-character name" 1 "Invalid argument" \
	mint-shm create 123456789012345678901234 4K
check "mint-shm second area does not overlap" sh -c 'mint-shm create a2 4K && mint-shm fill a2 9 && mint-shm verify a1 7'
echo "evil 999999999999 4096" >> "$MINT_SYSFS/areas"
refused "area beyond the shm size is refused" 1 "area 'evil': Numerical result out of range" \
	mint-shm verify evil 1

# --- mint-exec <-> mint-agent ---
new_root
refused "mint-exec without agent exits 125" 125 "no agent on node 1" mint-exec 'true'
mint-agent -q & AGENT=$!; PIDS="$PIDS $AGENT"
check "mint-exec --wait-agent" mint-exec --wait-agent -t 5s
out=$(mint-exec 'echo out; echo err >&2; exit 3' 2>&1); rc=$?
check "mint-exec output and exit status" test "$rc" = 3 -a "$out" = "out
err"
refused "mint-exec timeout exits 124 with a message" 124 "timeout after 1000 ms" \
	mint-exec -t 1s 'sleep 10'
check "agent still serves after a timeout" sh -c 'test "$(mint-exec "echo again")" = again'
check "background child does not block the reply" sh -c 'mint-exec -t 3s "sleep 5 >/dev/null 2>&1 & echo bg" | grep -q bg'
out=$(mint-exec 'head -c 100000 /dev/zero' 2>/dev/null | wc -c)
check "output capped at 60 KiB" test "$out" = 61440
c=$(printf "%01018d" 0)
check "command of 1023 bytes accepted" mint-exec "echo $c"
refused "command of 1024 bytes refused" 126 "command longer than 1023 bytes" mint-exec "echo ${c}0"
out=$( (mint-exec 'echo a' & mint-exec 'echo b' & mint-exec 'echo c' & wait) | sort | tr -d '\n')
check "concurrent clients serialize" test "$out" = abc
kill -STOP "$AGENT"
refused "frozen agent (stale heartbeat) exits 125" 125 "no agent on node 1" mint-exec -t 2s 'true'
kill -CONT "$AGENT"; kill "$AGENT"; wait "$AGENT" 2>/dev/null

# --- nicsim-rx on crafted frames (pcap replay) ---
new_root
for t in udp tcp-syn icmp-echo arp; do
	nicsim-tx --type "$t" --count 300 --size 200 -w "$WORK/$t.pcap"
	run_out nicsim-rx --replay "$WORK/$t.pcap"
	out_is "nicsim-rx replay $t: 300 good in order" 0 \
		"total 300 bad 0; $t: rx 300 bad 0 dup 0 reorder 0 gaps 0 unique 300$"
done
check "nicsim-tx -w writes a nanosecond pcap file" test "$(pcap_magic "$WORK/udp.pcap")" = 4d3cb2a1
check "tcpdump reads the 300 frames nicsim-tx wrote" \
	test "$(tcpdump -nr "$WORK/udp.pcap" 2>/dev/null | grep -c ' UDP, length ')" = 300
for m in ipcsum l4csum pattern; do
	nicsim-tx --type udp --count 10 --corrupt 4,7 --corrupt-mode $m -w "$WORK/c.pcap"
	run_out nicsim-rx --no-area --replay "$WORK/c.pcap"
	out_is "nicsim-rx detects $m corruption" 1 "total 10 bad 2; udp: rx 10 bad 2 "
done
nicsim-tx --type udp --count 10 --corrupt 4,7 --corrupt-mode magic -w "$WORK/c.pcap"
run_out nicsim-rx --no-area --replay "$WORK/c.pcap"
out_is "nicsim-rx reports frames without nicsim magic as foreign, not bad" 0 \
	"total 10 bad 0; udp: rx 8 bad 0 dup 0 reorder 0 gaps 2 unique 8; foreign 2 \(no nicsim magic\)$"
nicsim-tx --type icmp-echo --seqs 0-4,3,7,6,8 -w "$WORK/s.pcap"
run_out nicsim-rx --no-area --replay "$WORK/s.pcap"
out_is "nicsim-rx counts dup, reorder, gaps" 0 "dup 1 reorder 1 gaps 2 unique 8"
printf 'garbage-not-a-pcap-file' > "$WORK/g.pcap"
refused "nicsim-rx rejects a non-pcap file" 1 "g.pcap: not a pcap or pcapng file " \
	nicsim-rx --no-area --replay "$WORK/g.pcap"
# a pcap file header (microseconds, little endian) with link type 113, LINUX_SLL
printf '\xd4\xc3\xb2\xa1\x02\x00\x04\x00\0\0\0\0\0\0\0\0\xff\xff\0\0\x71\0\0\0' > "$WORK/sll.pcap"
refused "nicsim-rx rejects a capture of another link type, naming it" 1 \
	"sll.pcap: link type LINUX_SLL \(113\), not Ethernet \(EN10MB\)$" \
	nicsim-rx --no-area --replay "$WORK/sll.pcap"
head -c 100 "$WORK/udp.pcap" > "$WORK/short.pcap"
refused "nicsim-rx rejects a file cut inside a frame" 1 "short.pcap: truncated dump file" \
	nicsim-rx --no-area --replay "$WORK/short.pcap"

# --- rx-frames: the frame set of mint-tests/rx-compare ---
# rx_frames_ok: 13 frames, unique names, 60..1514 bytes, each with its marker
rx_frames_ok()
{
	local name hex m n=0 names=""

	while read -r name hex; do
		n=$((n + 1))
		m=$(printf 'MCMP%s' "$name" | od -An -tx1 | tr -d ' \n')00
		case " $names " in *" $name "*) echo "duplicate $name"; return 1 ;; esac
		names="$names $name"
		[ ${#hex} -ge 120 ] && [ ${#hex} -le 3028 ] || { echo "$name: ${#hex} hex digits"; return 1; }
		[[ $hex == *"$m"* ]] || { echo "$name: no marker $m"; return 1; }
		case $name in
		udp-60) [ ${#hex} = 120 ] || return 1 ;;
		udp-1514) [ ${#hex} = 3028 ] || return 1 ;;
		esac
	done < <(rx-frames --dst-mac 52:54:00:12:34:56 list)
	[ $n = 13 ] || { echo "$n frames"; return 1; }
}
check "rx-frames list: 13 frames, unique names, 60..1514 bytes, each with its marker" rx_frames_ok
check "rx-frames write: a pcap file of the 13 frames (nicsim-rx reads it)" \
	sh -c "rx-frames write '$WORK/rx.pcap' && nicsim-rx --no-area --replay '$WORK/rx.pcap' | grep -q 'replay: total 13 '"
refused "rx-frames send --only refuses an unknown frame" 2 "no frame named nosuch" \
	rx-frames --only nosuch send lo
check "nicsim-rx --show reads the published area" sh -c 'nicsim-rx --show | grep -q "arp: rx 300"'

# --- durations: one syntax, a unit always, no silent rounding ---
new_nicsim_tree
form="a duration is a number and a unit: ns, us, ms or s"
for a in "mint-nicsim 2 --interval 100" "mint-nicsim 2 --spin-threshold 100" \
	 "mint-nicsim 2 --timeout 30" "nicsim-bench 2 --intervals 1ms,100" \
	 "nicsim-rx 2 -t 3" "nicsim-tx 2 --interval 5 -w $WORK/x.pcap" \
	 "mint-exec 126 -t 3 true" "mint-boot 2 -t 120 /nonexistent"; do
	set -- $a
	tool=$1 code=$2 opt=$3 arg=$4
	arg=${arg##*,}
	refused "$tool $opt $arg: a bare number is refused, naming the option" "$code" \
		"^$tool: $opt $arg: no unit; $form" "$1" "${@:3}"
done
refused "mint-nicsim --settle 3 is refused (neither 3ns nor a silent 1s)" 2 \
	"^mint-nicsim: --settle 3: no unit; $form" mint-nicsim --settle 3
refused "mint-nicsim --timeout 3us is refused, not rounded to 1ms" 2 \
	"^mint-nicsim: --timeout 3us: not a multiple of 1ms, the resolution of --timeout$" \
	mint-nicsim --timeout 3us
refused "mint-exec -t 1500us is refused, not rounded to 1ms" 126 \
	"^mint-exec: -t 1500us: not a multiple of 1ms, the resolution of -t$" mint-exec -t 1500us true
refused "mint-nicsim --settle 20s is out of its range" 2 \
	"^mint-nicsim: --settle 20s: out of range \(0s\.\.10s\)$" mint-nicsim --settle 20s
refused "mint-exec -t 0s is out of its range" 126 \
	"^mint-exec: -t 0s: out of range \(1ms\.\.86400s\)$" mint-exec -t 0s true
refused "mint-nicsim rejects an unknown unit" 2 \
	"^mint-nicsim: --interval 10parsecs: unknown unit; $form" mint-nicsim --interval 10parsecs

# --- mint-nicsim against the fake nicsim tree: limits, reset, show ---
# every knob of the fake limits file, one above its maximum
while read -r knob min max; do
	opt=--${knob%_ns}; opt=${opt//_/-}
	arg=$((max + 1)) range="$min..$max"
	if [ "$knob" != "${knob%_ns}" ]; then
		arg=${arg}ns range="$(fmt_ns "$min")..$(fmt_ns "$max")"
	fi
	before=$(cat "$MINT_NICSIM_SYSFS/$knob")
	run_out mint-nicsim "$opt" "$arg"
	[ "$rc" = 2 ] && [ "$(cat "$MINT_NICSIM_SYSFS/$knob")" = "$before" ] &&
		grep -qxF -- "mint-nicsim: $opt $arg: out of range for $knob ($range)" <<< "$out"
	result $? "mint-nicsim $opt $arg: refused naming $knob ($range), nothing written"
done < "$MINT_NICSIM_SYSFS/limits"
refused "mint-nicsim --interval 20s: range read from the limits file" 2 \
	"^mint-nicsim: --interval 20s: out of range for interval_ns \(0s\.\.10s\)$" mint-nicsim --interval 20s
refused "mint-nicsim --count 0: below the kernel's minimum" 2 \
	"^mint-nicsim: --count 0: out of range for count \(1\.\.100000000\)$" mint-nicsim --count 0
refused "mint-nicsim --count 12a: not a number" 2 "^mint-nicsim: --count 12a: not a decimal number$" \
	mint-nicsim --count 12a
rm "$MINT_NICSIM_SYSFS/limits"
run_out mint-nicsim --interval 20s --count 5 --no-rx-check
check "without a limits file the value goes to the kernel unchecked" \
	test "$(cat "$MINT_NICSIM_SYSFS/interval_ns")" = 20000000000
new_nicsim_tree
rm "$MINT_NICSIM_SYSFS/burst"; mkdir "$MINT_NICSIM_SYSFS/burst"
refused "a knob write the kernel refuses names the option and the knob" 2 \
	"^mint-nicsim: --burst 5: cannot set burst to 5: Is a directory$" mint-nicsim --burst 5
new_nicsim_tree
echo 7 > "$MINT_NICSIM_SYSFS/burst"
run_out mint-nicsim --reset
check "mint-nicsim --reset writes reset to control" \
	test "$rc" = 0 -a "$(cat "$MINT_NICSIM_SYSFS/control")" = reset
refused "mint-nicsim --reset with other options is refused, not half done" 2 \
	"^mint-nicsim: --reset takes no other option or argument$" mint-nicsim --count 5 --reset
run_out mint-nicsim --show
out_is "mint-nicsim --show lists the kernel's limits" 0 "^limits +size 8 1472$"
refused "mint-nicsim --speed without --pcap is refused" 2 \
	"^mint-nicsim: --speed and --rewrite-dst go with --pcap$" mint-nicsim --speed 2
refused "mint-nicsim --speed 0 is refused with its range" 2 \
	"^mint-nicsim: --speed 0: expected a number, 0.001..1000$" mint-nicsim --pcap x --speed 0
refused "mint-nicsim --scenario and --pcap exclude each other" 2 \
	"^mint-nicsim: --scenario and --pcap exclude each other$" mint-nicsim --scenario a --pcap b
refused "mint-nicsim --pcap with --speed and --interval is refused" 2 \
	"^mint-nicsim: --speed and --interval exclude each other$" \
	mint-nicsim --pcap b --speed 2 --interval 1ms
refused "mint-nicsim --record without a scenario is refused" 2 \
	"^mint-nicsim: --record goes with --scenario or --pcap$" mint-nicsim --record r
unset MINT_NICSIM_SYSFS

# --- make help lists every target, each with a description ---
phony=$(sed -e ':a' -e '/\\$/N; s/\\\n//; ta' "$TOP/Makefile" | sed -n 's/^\.PHONY://p' |
	tr -s ' \t' '  ')
help=$(make -s --no-print-directory -C "$TOP" help 2>&1)
listed=$(awk -F '  +' '/^  make / { sub(/^make /, "", $2); print $2 }' <<< "$help" | tr -d ,)
miss=""
for t in $phony; do
	grep -qE "^  make ([a-z0-9-]+, )*$t,? .*  [^ (]" <<< "$help" || miss="$miss $t"
done
for t in $listed; do
	[[ " $phony " == *" $t "* ]] || miss="$miss $t(not .PHONY)"
done
[ -z "$miss" ] || echo "# make help: missing or undescribed:$miss"
[ -n "$phony" ] && [ -z "$miss" ]
result $? "make help lists every .PHONY target with its description"

# --- the series' kselftest copies of the shared headers stay identical ---
# (tools/testing/selftests/mint in the patched tree; needs `make` first)
KS=$BUILD/src/tools/testing/selftests/mint
for h in mint_exec.h nicsim_rx.h nicsim_stats.h; do
	if [ ! -d "$BUILD/src" ]; then
		skip_case "kselftest copy of $h" "no patched tree (run make first)"
	else
		check "kselftest copy of $h matches tools/include" cmp "$TOOLS/include/$h" "$KS/$h"
	fi
done

# --- end to end over veth: nicsim-rx daemon + mint-nicsim with fake sysfs ---
ktap_class=e2e
if [ "$(id -u)" != 0 ] || ! ip netns add "$NS" 2>/dev/null; then
	skip_case "veth end-to-end tests" "needs root and network namespaces"
else
	ip link add "mt$$a" type veth peer name eth0 netns "$NS"
	# no IPv6 noise (router solicitations): node 1 only sees injected frames
	sysctl -qw "net.ipv6.conf.mt$$a.disable_ipv6=1" 2>/dev/null
	ip netns exec "$NS" sysctl -qw net.ipv6.conf.eth0.disable_ipv6=1 2>/dev/null
	ip link set "mt$$a" up; ip -n "$NS" link set eth0 up; ip -n "$NS" link set lo up
	new_root
	export MINT_NICSIM_SYSFS=$WORK/nicsim; mkdir -p "$MINT_NICSIM_SYSFS"
	F=$MINT_NICSIM_SYSFS
	"$HERE/fake-nicsim.sh" "$F" "mt$$a" "$BIN" & PIDS="$PIDS $!"
	check "nicsim-rx -d starts in the netns" ip netns exec "$NS" nicsim-rx -d
	refused "second nicsim-rx -d is a no-op" 0 "nicsim-rx: already running" \
		ip netns exec "$NS" nicsim-rx -d
	sleep 0.3
	for t in udp tcp-syn icmp-echo arp; do
		run_out mint-nicsim --type $t --count 500 --size 100 --interval 10us
		out_is "mint-nicsim $t 500: exact count confirmed by receiver" 0 \
			"^sent 500, node 1 received 500, lost 0, dropped 0"
	done
	run_out mint-nicsim --type raw --raw 02:4d:49:4e:54:01:02:4d:49:4e:54:00:88:b5:00:01:02:03 --count 50
	out_is "mint-nicsim raw frames of another ethertype are foreign, not bad" 0 \
		"^sent 50, node 1 received 50, lost 0, dropped 0, .*, foreign 50 \(no nicsim magic\)$"
	check "nicsim-rx --show names them foreign" sh -c \
		'nicsim-rx --show | grep -q "total 50 bad 0; foreign 50 (no nicsim magic)$"'
	# a udp frame with valid checksums and a damaged magic, as raw bytes
	nicsim-tx --type udp --size 18 --corrupt 0 --corrupt-mode magic -w "$WORK/f.pcap"
	hex=$(od -An -tx1 -v -j 40 "$WORK/f.pcap" | tr -d ' \n')
	run_out mint-nicsim --type raw --raw "$hex" --count 20
	out_is "mint-nicsim raw udp frames without nicsim magic are foreign, not bad" 0 \
		"^sent 20, node 1 received 20, lost 0, dropped 0, .*, foreign 20 \(no nicsim magic\)$"
	echo 3 > "$F/fake_corrupt"; echo magic > "$F/fake_corrupt_mode"
	run_out mint-nicsim --type udp --count 20
	out_is "a udp run fails on a frame without nicsim magic, saying so" 1 \
		"FAIL: node 1 received 1 foreign frames \(no nicsim magic\) in a udp run$"
	echo pattern > "$F/fake_corrupt_mode"; echo 5 > "$F/fake_corrupt"
	run_out mint-nicsim --type icmp-echo --count 20
	out_is "mint-nicsim fails on bad frames" 1 "BAD 1$"
	: > "$F/fake_corrupt"
	run_out mint-nicsim --type udp --count 10 --kv
	kv=$(grep -cxE 'received=10|lost=0|dropped=0|bad=0|foreign=0' <<< "$out")
	check "mint-nicsim --kv: received, lost, dropped, bad, foreign" test "$rc" = 0 -a "$kv" = 5
	echo 3 > "$F/fake_lose"
	run_out mint-nicsim --type udp --count 100
	out_is "mint-nicsim fails on lost frames" 1 "FAIL: sent != received \+ dropped \(lost 3\)$"
	echo 0 > "$F/fake_lose"; echo 20 > "$F/fake_drops"
	run_out mint-nicsim --type udp --count 100
	out_is "ring-full drops are dropped, not lost" 0 "^sent 100, node 1 received 80, lost 0, dropped 20,"
	echo 5 > "$F/fake_too_big"
	run_out mint-nicsim --type udp --count 100
	out_is "dropped sums every drops_* counter (ring full + too big)" 0 \
		"^sent 100, node 1 received 75, lost 0, dropped 25,"
	echo 0 > "$F/fake_drops"; echo 0 > "$F/fake_too_big"; echo error > "$F/fake_state"
	run_out mint-nicsim --count 5
	out_is "mint-nicsim fails on state error" 1 "FAIL: nicsim state is error$"
	: > "$F/fake_state"
	run_out mint-nicsim --show
	out_is "mint-nicsim --show lists knobs, stats and receiver" 0 "^stats/frames_sent "
	out_is "mint-nicsim --show shows the receiver running" 0 "^node1/nicsim-rx +running"
	run_out nicsim-bench --count 20 --intervals 1ms,10us,0ns
	check "nicsim-bench prints one row per interval" test "$rc" = 0 -a "$(grep -c ' ok$' <<< "$out")" = 3
	echo 7 > "$F/burst"; echo 12 > "$F/count"
	run_out mint-nicsim --reset
	[ "$rc" = 0 ] && wait_file "$F/burst" 1 && wait_file "$F/count" 1000
	result $? "the fake accepts reset: burst and count back to their defaults"
	echo "detached: interface down" > "$F/attach"
	run_out mint-nicsim --count 5
	out_is "mint-nicsim refuses when detached" 2 "not attached \(detached: interface down\)"
	check "nicsim-rx --stop" sh -c 'nicsim-rx --stop && sleep 0.3 && nicsim-rx --show | grep -q "not running"'
	echo "attached mac=52:54:00:12:34:56 ring=256 bufsz=2048 apicid=1 vector=34 gen=1 masked=0" > "$F/attach"
	run_out mint-nicsim --count 5 --require-rx
	out_is "mint-nicsim --require-rx fails without a receiver" 2 \
		"^mint-nicsim: node 1 receiver nicsim-rx not running \(no heartbeat\)$"
	run_out mint-nicsim --count 5
	out_is "without a receiver the run is not checked, and says so" 0 \
		"^sent 5, node 1 received \? \(no rx check\), dropped 0"
	unset MINT_NICSIM_SYSFS
fi

# --- real captures: tcpdump and dumpcap on a veth pair, read by nicsim-rx ---
# capture_start NAME CMD...: start a capture tool in $CAPNS (for at most
# 30 s), its output in $WORK/NAME.log; return once it captures: tcpdump
# says "listening on" then, dumpcap "File:" ("Capturing on" comes before)
capture_start()
{
	local log=$WORK/$1.log _

	shift
	ip netns exec "$CAPNS" timeout 30 "$@" > "$log" 2>&1 &
	cap_pid=$!
	PIDS="$PIDS $cap_pid"
	for _ in $(seq 500); do
		grep -qE "^(tcpdump: listening on|File:) " "$log" && return 0
		sleep 0.01
	done
	diag < "$log"
	return 1
}
# capture_wait: the capture tool exits by itself (-c: after so many frames)
capture_wait() { wait "$cap_pid"; }
# send_frames: 25 frames of each type from cap0 to cap1; t0/t1: the time
# before and after, in ns since the epoch
send_frames()
{
	local t

	t0=$(date +%s%N)
	for t in udp tcp-syn icmp-echo arp; do
		ip netns exec "$CAPNS" nicsim-tx -i cap0 --src-mac "$CAP_MAC" --type "$t" \
			--count 25 --size 100 || return 1
	done
	t1=$(date +%s%N)
}
# ts_ok FILE STEP: every capture time nicsim-rx -v prints lies between t0 and
# t1, in order, and is a multiple of STEP ns; some is not, if STEP is 1
ts_ok()
{
	local ts prev=$t0 fine=0 n=0

	while read -r ts; do
		ts=${ts/./}
		[ "$ts" -ge "$prev" ] && [ "$ts" -le "$t1" ] && [ $((ts % $2)) = 0 ] ||
			{ echo "frame $((n + 1)): $ts outside $prev..$t1 or not a multiple of $2"; return 1; }
		[ $((ts % 1000)) = 0 ] || fine=1
		prev=$ts n=$((n + 1))
	done < <(nicsim-rx --no-area -v --replay "$1" 2>&1 |
		 sed -n 's/^nicsim-rx: frame [0-9]*: captured at \([0-9.]*\), [0-9]* bytes$/\1/p')
	[ "$n" = 100 ] || { echo "$n frames"; return 1; }
	[ "$2" != 1 ] || [ "$fine" = 1 ] || { echo "no time finer than 1us"; return 1; }
}
# capture_case NAME MAGIC STEP CMD...: capture with CMD what send_frames
# sends; the file (NAME) starts with MAGIC (hex) and nicsim-rx counts every
# frame, good and in order, at capture times of STEP ns resolution
capture_case()
{
	local name=$1 magic=$2 step=$3 f=$WORK/$1 all
	shift 3

	all="total 100 bad 0; udp: rx 25 bad 0 dup 0 reorder 0 gaps 0 unique 25; "
	all+="tcp-syn: rx 25 bad 0 dup 0 reorder 0 gaps 0 unique 25; "
	all+="icmp-echo: rx 25 bad 0 dup 0 reorder 0 gaps 0 unique 25; "
	all+="arp: rx 25 bad 0 dup 0 reorder 0 gaps 0 unique 25$"
	capture_start "$name" "$@" -c 100 -w "$f" && send_frames && capture_wait
	check "$name: $1 wrote a capture" test -s "$f"
	check "$name: the file is $magic" test "$(pcap_magic "$f")" = "$magic"
	run_out nicsim-rx --no-area --replay "$f"
	out_is "$name: nicsim-rx reads the 100 frames sent, good and in order" 0 "$all"
	check "$name: capture times (ns) in order, within the sending window" ts_ok "$f" "$step"
}

CAP_MAC=02:4d:49:4e:54:7c
filter="ether src $CAP_MAC"
if [ "$(id -u)" != 0 ]; then
	skip_case "real captures (tcpdump, dumpcap) on a veth pair" "needs root"
elif ! ip netns add "$CAPNS"; then
	result 1 "a network namespace for the captures"
else
	# no IPv6 noise on the veth pair: the captures hold only what is sent
	ip netns exec "$CAPNS" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	ip -n "$CAPNS" link add name cap0 type veth peer name cap1
	ip -n "$CAPNS" link set cap0 up
	ip -n "$CAPNS" link set cap1 up
	tcpdump=(tcpdump --immediate-mode -i cap1)
	capture_case tcpdump-us.pcap d4c3b2a1 1000 "${tcpdump[@]}" "$filter"
	capture_case tcpdump-ns.pcap 4d3cb2a1 1 "${tcpdump[@]}" --time-stamp-precision=nano "$filter"
	capture_case dumpcap.pcapng 0a0d0d0a 1 dumpcap -i cap1 -f "$filter"
	capture_start short "${tcpdump[@]}" -s 64 -c 100 -w "$WORK/short-snap.pcap" "$filter" &&
		send_frames && capture_wait
	refused "tcpdump -s 64: nicsim-rx refuses the truncated frames" 1 \
		"short-snap.pcap: frame 1 truncated \(64 of 142 bytes captured\)$" \
		nicsim-rx --no-area --replay "$WORK/short-snap.pcap"
	capture_start any tcpdump --immediate-mode -i any -c 100 -w "$WORK/any.pcap" &&
		send_frames && capture_wait
	refused "tcpdump -i any: nicsim-rx refuses the cooked capture, naming its link type" 1 \
		"any.pcap: link type LINUX_SLL2 \(276\), not Ethernet \(EN10MB\)$" \
		nicsim-rx --no-area --replay "$WORK/any.pcap"
fi

echo "# unit: $(ktap_class_counts unit); end-to-end (veth): $(ktap_class_counts e2e)"
ktap_finish
