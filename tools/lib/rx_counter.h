/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rx_counter.h - nicsim-rx's counting: classify and check each frame,
 * track sequences per type, publish into struct nicsim_rx_area.
 */
#ifndef RX_COUNTER_H
#define RX_COUNTER_H

#include <stddef.h>
#include <stdint.h>

#include "nicsim_rx.h"
#include "seqtrack.h"

struct rx_counter {
	struct nicsim_rx_area local;		/* private copy */
	struct seqtrack seq[NICSIM_RX_NTYPES];
	struct nicsim_rx_area *shared;		/* NULL: not published */
	int verbose;				/* print each bad/dup frame */
	uint64_t stack_base;			/* rx_dropped at the last reset */
	int stack_base_set;
};

void rx_counter_init(struct rx_counter *rc, struct nicsim_rx_area *shared,
		     const char *ifname);
void rx_counter_reset(struct rx_counter *rc);
void rx_counter_frame(struct rx_counter *rc, const uint8_t *f, size_t len);
/* Copy the local counters to the shared area (release on update_gen). */
void rx_counter_publish(struct rx_counter *rc);
/*
 * Node 1's own drops: socket_delta frames dropped by the receiver's socket
 * since the last call, rx_dropped the interface's counter now.
 */
void rx_counter_drops(struct rx_counter *rc, uint64_t socket_delta,
		      uint64_t rx_dropped);
/* Serve a pending reset request and beat; call every few ms. */
void rx_counter_poll(struct rx_counter *rc);
/* The pending sync request (nicsim_rx.h), 0 if none. */
uint64_t rx_counter_sync_pending(const struct rx_counter *rc);
/* Publish, then acknowledge sync request req. */
void rx_counter_sync_ack(struct rx_counter *rc, uint64_t req);
/*
 * Frames without nicsim magic (frame_check.h): the good frames of type
 * other.  Not bad: a raw run's frames are all foreign.
 */
uint64_t rx_foreign(const struct nicsim_rx_area *a);
/* One line summary of a counter set. */
void rx_summary(const struct nicsim_rx_area *a, char *buf, size_t bufsz);
/* Consistent snapshot of a shared area (retries while update_gen moves). */
void rx_snapshot(const struct nicsim_rx_area *shared, struct nicsim_rx_area *out);

#endif /* RX_COUNTER_H */
