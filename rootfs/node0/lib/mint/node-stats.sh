# SPDX-License-Identifier: GPL-2.0
# Sourced by the in-guest scripts that judge a run on node 1 (mint-tests/repro
# and its gallery entries, mint-tests/evaluation, mint-tests/replay).

# n1_snmp PROTO:FIELD...: node 1's /proc/net/snmp counters, e.g.
# "Icmp:InEchos Udp:NoPorts", on one line in the order asked (0 for a
# counter node 1 does not have)
n1_snmp()
{
	mint-exec "awk -v want='$*' '
		BEGIN { n = split(want, w, \" \") }
		/^[A-Za-z]+:/ {
			if (!(\$1 in hdr)) {
				hdr[\$1] = 1
				for (i = 2; i <= NF; i++)
					col[\$1, i] = \$i
				next
			}
			for (i = 2; i <= NF; i++)
				v[\$1 col[\$1, i]] = \$i
		}
		END {
			for (k = 1; k <= n; k++)
				printf \"%s%d\", (k > 1 ? \" \" : \"\"), v[w[k]]
			print \"\"
		}' /proc/net/snmp"
}

# tsc_khz: node 0's TSC frequency in kHz, from its calibration line in dmesg
tsc_khz()
{
	local mhz='\([0-9]*\)\.\([0-9]\{3\}\) MHz'

	dmesg | sed -n "s/.*tsc: Refined TSC clocksource calibration: $mhz.*/\1\2/p
		s/.*tsc: Detected $mhz processor.*/\1\2/p" | tail -n 1
}
