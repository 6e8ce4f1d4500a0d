/* SPDX-License-Identifier: GPL-2.0 */
/*
 * nicsim_rx.h - counters that nicsim-rx (node 1) publishes in the shared
 * area "nicsim-rx" for mint-nicsim and the selftests (node 0).
 *
 * Writer: nicsim-rx only.  It updates the counters, then release-stores
 * update_gen; a reader acquire-loads update_gen first (and again after,
 * retrying if it moved) to get a consistent snapshot.
 * Reset: a reader release-stores reset_req = reset_ack + 1; the receiver
 * zeroes every counter and sequence tracker, then release-stores
 * reset_ack = reset_req.  Everything after that belongs to the new run.
 * Sync: a reader release-stores sync_req = sync_ack + 1; the receiver
 * reads everything waiting in its socket, collects node 1's drop counters,
 * publishes, then release-stores sync_ack = sync_req.  A snapshot taken
 * after the ack counts every frame node 1's stack had handed over by the
 * time of the request, however long node 1 kept the receiver off its CPU.
 * heartbeat moves about every 10 ms while the receiver runs.
 */
#ifndef NICSIM_RX_H
#define NICSIM_RX_H

#include <stdint.h>

#define NICSIM_RX_AREA		"nicsim-rx"
#define NICSIM_RX_MAGIC		0x4e525843u	/* 'NRXC' */
#define NICSIM_RX_VERSION	3u

enum nicsim_rx_type {
	NICSIM_RX_UDP,
	NICSIM_RX_TCP_SYN,
	NICSIM_RX_ICMP_ECHO,
	NICSIM_RX_ARP,
	NICSIM_RX_OTHER,
	NICSIM_RX_NTYPES
};

struct nicsim_rx_type_stats {
	uint64_t received;	/* frames of this type, good or bad */
	uint64_t bad;		/* failed an integrity check */
	uint64_t in_order;	/* good, seq == highest seen + 1 (or first) */
	uint64_t dup;		/* good, seq already seen */
	uint64_t reorder;	/* good, seq below highest seen, not seen before */
	uint64_t gaps;		/* seqs skipped when a higher seq arrived */
	uint64_t unique;	/* distinct good seqs */
	uint64_t last_seq;	/* seq of the last good frame */
	uint64_t max_seq;	/* highest good seq (valid if unique != 0) */
	uint64_t bytes;		/* frame bytes (L2) */
};

struct nicsim_rx_area {
	uint32_t magic;
	uint32_t version;
	uint32_t pid;
	uint32_t running;		/* 1 while the receiver runs */
	char ifname[16];
	uint64_t heartbeat;
	uint64_t reset_req;		/* written by node 0 */
	uint64_t reset_ack;		/* written by the receiver */
	uint64_t update_gen;		/* bumped after every counter update */
	uint64_t total;			/* all frames counted (not outgoing) */
	uint64_t total_bad;
	uint64_t last_bad_type;		/* enum nicsim_rx_type of last bad frame */
	uint64_t last_bad_seq;
	char last_bad_reason[32];	/* NUL-terminated */
	struct nicsim_rx_type_stats type[NICSIM_RX_NTYPES];
	/*
	 * Frames node 1 dropped before the receiver could count them, by
	 * cause, since the last reset: the receiver's AF_PACKET socket
	 * (PACKET_STATISTICS tp_drops: buffer full or no memory for a
	 * clone), and the interface's rx_dropped (the core network stack:
	 * backlog full, no handler).  A frame node 0 placed in the ring
	 * that is neither counted nor dropped by a named cause is lost.
	 */
	uint64_t socket_drops;
	uint64_t stack_drops;
	uint64_t sync_req;		/* written by node 0 */
	uint64_t sync_ack;		/* written by the receiver */
};

static inline const char *nicsim_rx_type_name(unsigned int t)
{
	static const char * const names[NICSIM_RX_NTYPES] = {
		"udp", "tcp-syn", "icmp-echo", "arp", "other"
	};
	return t < NICSIM_RX_NTYPES ? names[t] : "?";
}

#endif /* NICSIM_RX_H */
