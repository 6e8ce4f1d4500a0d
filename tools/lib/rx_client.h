/* SPDX-License-Identifier: GPL-2.0 */
/* rx_client.h - node 0 side of the "nicsim-rx" area: liveness, reset,
 * snapshots (protocol in nicsim_rx.h). */
#ifndef RX_CLIENT_H
#define RX_CLIENT_H

#include "mint_shm.h"
#include "nicsim_rx.h"

struct rx_client {
	struct mint_area area;
	struct nicsim_rx_area *rx;
};

/* -ENOENT if no receiver ever created the area, -ERANGE if too small. */
int rx_client_open(struct rx_client *c);
void rx_client_close(struct rx_client *c);
/* 1 if the receiver's heartbeat moves within wait_ms. */
int rx_client_alive(struct rx_client *c, unsigned int wait_ms);
/* Ask for a reset and wait for the ack: 0 or -ETIMEDOUT. */
int rx_client_reset(struct rx_client *c, unsigned int timeout_ms);
void rx_client_snapshot(struct rx_client *c, struct nicsim_rx_area *out);
#define RX_SETTLE_MAX_MS	10000
/* How long a sync may take: node 1 may keep its receiver off the CPU. */
#define RX_SYNC_MAX_MS		60000

/* Ask the receiver to drain its socket and publish: 0 or -ETIMEDOUT. */
int rx_client_sync(struct rx_client *c, unsigned int timeout_ms);
/*
 * Sync, then sync again until total >= expect (plus one more sync for late
 * extras) or until two syncs settle_ms apart see the same counters (at
 * most RX_SETTLE_MAX_MS of counting).  0, or -ETIMEDOUT when the receiver
 * did not answer a sync within RX_SYNC_MAX_MS: the counts are then not
 * final, and a shortfall is not a loss.
 */
int rx_client_settle(struct rx_client *c, uint64_t expect,
		     unsigned int settle_ms, struct nicsim_rx_area *out);

#endif /* RX_CLIENT_H */
