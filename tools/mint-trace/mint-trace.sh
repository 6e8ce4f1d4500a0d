#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# mint-trace [--frames FILE] [--keep DIR] -- MINT-NICSIM-ARGS...
#
# Runs mint-nicsim with MINT-NICSIM-ARGS while both nodes trace with the
# x86-tsc clock, then joins the two traces frame by frame and prints the
# latency of each stage of the receive path:
#
#   write   node 0 wrote the frame's descriptor (mint_nicsim:mint_nicsim_frame)
#   ipi     node 0 sent the RX IPI that covers it (mint_nicsim:mint_nicsim_irq)
#   handler node 1 entered its eth0-rx-0 handler (irq:irq_handler_entry)
#   poll    the NAPI poll that took it returned (napi:napi_poll)
#   up      node 1's driver passed it up (net:napi_gro_receive_entry)
#   read    node 1's receiver copied it out of its socket
#           (skb:skb_copy_datagram_iovec)
#
# Node 0 and node 1 are cores of one machine; both kernels read the same
# TSC, so stamps of the two traces compare directly.  mint-trace checks
# it with mint-tsc-check (node 1's TSC read between two of node 0's; it
# also notes whether the CPUs flag the TSC invariant, which QEMU's TCG
# CPUs do not), and checks that a trace mark node 1 stamps falls between
# two marks of node 0's.  Frames are paired in order (one RX queue, in-order delivery):
# the k-th frame node 0 wrote with DD and the k-th frame node 1 passed up;
# socket reads are paired in order among those of the same length.
#
# --frames FILE writes one line per frame (seq and the stamps, in ns after
# its write); --keep DIR keeps both raw traces.  Exit: 0, 1 when the run or
# the join failed, 2 on a setup error.

TOOL=mint-trace
TR=/sys/kernel/tracing
INST=mint-trace
CHUNK=300
frames="" keep=""

die()
{
	echo "$TOOL: $*" >&2
	exit 2
}

usage()
{
	echo "usage: $TOOL [--frames FILE] [--keep DIR] -- MINT-NICSIM-ARGS..." >&2
	exit 2
}

while [ $# -gt 0 ]; do
	case $1 in
	--frames) [ $# -ge 2 ] || usage; frames=$2; shift 2 ;;
	--keep) [ $# -ge 2 ] || usage; keep=$2; shift 2 ;;
	--) shift; break ;;
	-h|--help) usage ;;
	*) break ;;
	esac
done
[ $# -gt 0 ] || usage

work=$(mktemp -d) || die "no temporary directory"
trap 'rm -rf "$work"; rmdir $TR/instances/$INST 2>/dev/null' EXIT

# The kernel's TSC frequency in kHz, from its calibration line.
mhz='\([0-9]*\)\.\([0-9]\{3\}\) MHz'
khz=$(dmesg | sed -n "s/.*tsc: Refined TSC clocksource calibration: $mhz.*/\1\2/p
	s/.*tsc: Detected $mhz processor.*/\1\2/p" | tail -n 1)
[ -n "$khz" ] || die "no TSC frequency in node 0's log"

# One TSC for both nodes (mint-tsc-check); the marks below check the
# trace clocks themselves.
tsc=$(mint-tsc-check) || die "$tsc"
echo "$TOOL: $tsc" >&2

[ -d $TR/instances ] || mount -t tracefs nodev $TR 2>/dev/null
n0=$TR/instances/$INST
rmdir $n0 2>/dev/null
mkdir $n0 && echo x86-tsc >$n0/trace_clock && echo 1 >$n0/events/mint_nicsim/enable ||
	die "cannot trace mint_nicsim events on node 0"
mint-exec "t=$TR; i=\$t/instances/$INST
	[ -d \$t/instances ] || mount -t tracefs nodev \$t
	rmdir \$i 2>/dev/null; mkdir \$i && echo x86-tsc >\$i/trace_clock &&
	echo 'name == \"eth0-rx-0\"' >\$i/events/irq/irq_handler_entry/filter &&
	echo 'dev_name == \"eth0\"' >\$i/events/napi/napi_poll/filter &&
	echo 'name == \"eth0\"' >\$i/events/net/napi_gro_receive_entry/filter &&
	for e in irq/irq_handler_entry napi/napi_poll net/napi_gro_receive_entry \
		skb/skb_copy_datagram_iovec; do echo 1 >\$i/events/\$e/enable || exit 1; done" \
	>/dev/null || die "cannot trace node 1 (irq, napi, net, skb events)"

# The shared TSC, checked: node 1's mark between two of node 0's.
echo before >$n0/trace_marker
mint-exec "echo mark >$TR/instances/$INST/trace_marker" >/dev/null
echo after >$n0/trace_marker

mint-nicsim "$@"
rc=$?
sleep 1
cat $n0/trace >"$work/n0"
# Node 1's trace comes over mint-exec, whose output is limited: shortened
# there (no task, CPU and flags columns, no skb fields but the length) and
# fetched CHUNK lines at a time.
lines=$(mint-exec "sed -e 's/^ *[^ ]* *\[[0-9]*\] [^ ]* *//' \
	-e 's/ napi_id=.* len=\([0-9]*\) .*/ len=\1/' $TR/instances/$INST/trace >/tmp/$INST.n1 &&
	rmdir $TR/instances/$INST && wc -l </tmp/$INST.n1") || die "cannot read node 1's trace"
: >"$work/n1"
for i in $(seq 1 $CHUNK "$lines"); do
	mint-exec "sed -n '$i,$((i + CHUNK - 1))p' /tmp/$INST.n1" >>"$work/n1" ||
		die "cannot read node 1's trace"
done
mint-exec "rm -f /tmp/$INST.n1" >/dev/null
[ -z "$keep" ] || { mkdir -p "$keep" && cp "$work/n0" "$work/n1" "$keep/"; }

# events FILE: "EVENT TSC FIELDS..." per line, the stamp cut from the line
events()
{
	awk '{
		for (i = 2; i <= NF; i++)
			if ($i ~ /^[a-z_]+:$/ && $(i - 1) ~ /^[0-9]+:$/) {
				t = $(i - 1); e = $i
				sub(/:$/, "", t); sub(/:$/, "", e)
				rest = ""
				for (j = i + 1; j <= NF; j++)
					rest = rest " " $j
				print e, t rest
				break
			}
	}' "$1"
}
events "$work/n0" >"$work/e0"
events "$work/n1" >"$work/e1"
grep -q "^LOST" "$work/n0" "$work/n1" && echo "$TOOL: warning: a trace lost events" >&2

b=$(awk '$1 == "tracing_mark_write" && $3 == "before" { print $2 }' "$work/e0")
a=$(awk '$1 == "tracing_mark_write" && $3 == "after" { print $2 }' "$work/e0")
m=$(awk '$1 == "tracing_mark_write" && $3 == "mark" { print $2 }' "$work/e1")
[ -n "$b" ] && [ -n "$a" ] && [ -n "$m" ] || die "no TSC marks in the traces"
awk -v b="$b" -v a="$a" -v m="$m" 'BEGIN { exit !(b <= m && m <= a) }' ||
	die "node 1's TSC stamp $m is not between node 0's $b and $a: the TSC is not shared"

# Join: node 0's frames with DD, each with the first RX IPI at or after it;
# node 1's frames passed up, each with the last handler entry and the first
# poll end around it; reads by length.  One line per frame:
# "seq write ipi handler poll up read" (TSC; 0 when missing).
cat "$work/e0" "$work/e1" | awk -v n0="$(wc -l <"$work/e0")" '
	# counters used as subscripts must start as 0, not as ""
	BEGIN { nw = ni = nu = nr = pp = j = r = 0 }
	function field(name,   i, f) {
		for (i = 3; i <= NF; i++)
			if (index($i, name "=") == 1) { f = $i; sub(/^[a-z_]+=/, "", f); return f }
		return ""
	}
	NR <= n0 && $1 == "mint_nicsim_frame" && field("dd") == 1 {
		w[nw] = $2; seq[nw] = field("seq"); len[nw++] = field("len")
	}
	NR <= n0 && $1 == "mint_nicsim_irq" && field("kind") == "rx" { ipi[ni++] = $2 }
	NR > n0 && $1 == "irq_handler_entry" { lasth = $2 }
	NR > n0 && $1 == "napi_gro_receive_entry" { up[nu] = $2; h[nu++] = lasth }
	NR > n0 && $1 == "napi_poll" { for (; pp < nu; pp++) poll[pp] = $2 }
	NR > n0 && $1 == "skb_copy_datagram_iovec" { rd[nr] = $2; rlen[nr++] = field("len") }
	END {
		n = nw < nu ? nw : nu
		if (nw != nu)
			printf "warning: node 0 wrote %d frames, node 1 passed up %d: joined %d\n",
				nw, nu, n > "/dev/stderr"
		for (k = 0; k < n; k++) {
			for (; j < ni && ipi[j] < w[k]; j++)
				;
			for (; r < nr && rlen[r] != len[k]; r++)
				;
			printf "%s %s %s %s %s %s %s\n", seq[k], w[k], j < ni ? ipi[j] : 0,
				h[k] ? h[k] : 0, poll[k] ? poll[k] : 0, up[k], r < nr ? rd[r] : 0
			if (r < nr)
				r++
		}
	}' >"$work/join"

n=$(wc -l <"$work/join")
[ "$n" -gt 0 ] || { echo "$TOOL: no frame to join (mint-nicsim exit status $rc)" >&2; exit 1; }
[ -z "$frames" ] || awk -v k="$khz" 'BEGIN { print "# seq write ipi handler poll up read (ns after write)" }
	function ns(t) { return t ? int((t - $2) * 1000000 / k) : "-" }
	{ print $1, 0, ns($3), ns($4), ns($5), ns($6), ns($7) }' "$work/join" >"$frames"

# stage NAME FROM TO: percentiles of column TO - column FROM, in us
stage()
{
	awk -v a="$2" -v b="$3" -v k="$khz" '$a && $b && $b >= $a { printf "%.3f\n", ($b - $a) * 1000 / k }' \
		"$work/join" | sort -n >"$work/s"
	awk -v name="$1" '{ v[n++] = $1 }
		END {
			if (!n) { printf "%-20s %6d %10s %10s %10s\n", name, 0, "-", "-", "-"; exit }
			printf "%-20s %6d %10.1f %10.1f %10.1f\n", name, n, v[int((n - 1) * 0.5)],
				v[int((n - 1) * 0.99)], v[n - 1]
		}' "$work/s"
}

echo "$TOOL: $n frames joined on the TSC ($khz kHz); node 1's mark within node 0's: shared TSC"
printf "%-20s %6s %10s %10s %10s\n" "stage (us)" "frames" "p50" "p99" "max"
stage "write -> ipi" 2 3
stage "ipi -> handler" 3 4
stage "handler -> up" 4 6
stage "up -> poll done" 6 5
stage "up -> socket read" 6 7
stage "write -> socket read" 2 7
[ $rc -le 1 ] || exit 1
exit $rc
