/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicsim_stats.h - the one definition of "dropped" and "lost" for a
 * mint-nicsim run, shared by the user tools and the kselftests.
 *
 * In /sys/kernel/mint_nicsim/stats/:
 *   frames_sent = frames_delivered + drops_ring_full + drops_too_big
 *                 + drops_bad_desc + drops_filtered
 * dropped: frames node 0 could not place into node 1's ring, the sum of
 *          the drops_* counters (NICSIM_DROP_STATS); drops_filtered are
 *          the frames node 1's address or VLAN filter rejects, like the
 *          82574's.
 * lost:    frames placed into node 1's ring that node 1's receiver
 *          (nicsim-rx) did not count: sent - dropped - received.
 * A run is accounted when lost == 0.
 */
#ifndef NICSIM_STATS_H
#define NICSIM_STATS_H

#include <stdint.h>

#define NICSIM_NDROPS		4
#define NICSIM_DROP_STATS	{ "drops_ring_full", "drops_too_big", "drops_bad_desc", \
				  "drops_filtered" }

/* drops[] in the order of NICSIM_DROP_STATS */
static inline uint64_t nicsim_dropped(const uint64_t drops[NICSIM_NDROPS])
{
	uint64_t sum = 0;
	unsigned int i;

	for (i = 0; i < NICSIM_NDROPS; i++)
		sum += drops[i];
	return sum;
}

static inline int64_t nicsim_lost(uint64_t sent, uint64_t dropped,
				  uint64_t received)
{
	return (int64_t)(sent - dropped - received);
}

#endif /* NICSIM_STATS_H */
