# SPDX-License-Identifier: GPL-2.0
# Sourced by the demo and the benchmark: wait until node 1's agent answers and
# its e1000e has attached its shared-memory RX ring (mint_nicsim/attach).
wait_node1_nic()
{
	local i=0

	mint-exec --wait-agent -t 60s >/dev/null ||
		{ echo "node 1's agent is not running"; return 1; }
	until grep -q '^attached' /sys/kernel/mint_nicsim/attach 2>/dev/null; do
		i=$((i + 1))
		if [ $i -gt 300 ]; then
			echo "node 1's e1000e did not attach: $(cat /sys/kernel/mint_nicsim/attach)"
			return 1
		fi
		sleep 0.1
	done
}
