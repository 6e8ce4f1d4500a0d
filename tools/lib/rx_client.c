// SPDX-License-Identifier: GPL-2.0
/* rx_client.c - node 0 side of the "nicsim-rx" area (see rx_client.h). */
#include <errno.h>
#include <string.h>

#include "rx_client.h"
#include "rx_counter.h"
#include "shm_atomic.h"
#include "units.h"

int rx_client_open(struct rx_client *c)
{
	int err;

	memset(c, 0, sizeof(*c));
	err = mint_area_open(NICSIM_RX_AREA, 0, &c->area);
	if (err)
		return err;
	if (c->area.size < sizeof(*c->rx)) {
		mint_area_close(&c->area);
		return -ERANGE;
	}
	c->rx = c->area.addr;
	return 0;
}

void rx_client_close(struct rx_client *c)
{
	mint_area_close(&c->area);
	c->rx = NULL;
}

int rx_client_alive(struct rx_client *c, unsigned int wait_ms)
{
	uint64_t hb = shm_load_acquire(&c->rx->heartbeat);
	uint64_t end = now_ns() + wait_ms * 1000000ULL;

	if (shm_load(&c->rx->magic) != NICSIM_RX_MAGIC)
		return 0;
	do {
		if (shm_load_acquire(&c->rx->heartbeat) != hb)
			return shm_load(&c->rx->running) != 0;
		sleep_ms(2);
	} while (now_ns() < end);
	return 0;
}

/* Post request ack + 1 in *req and wait until the receiver acks it. */
static int rx_client_request(uint64_t *req, uint64_t *ack, unsigned int timeout_ms)
{
	uint64_t want = shm_load_acquire(ack) + 1;
	uint64_t end = now_ns() + timeout_ms * 1000000ULL;

	shm_store_release(req, want);
	while (shm_load_acquire(ack) != want) {
		if (now_ns() >= end)
			return -ETIMEDOUT;
		sleep_ms(1);
	}
	return 0;
}

int rx_client_reset(struct rx_client *c, unsigned int timeout_ms)
{
	return rx_client_request(&c->rx->reset_req, &c->rx->reset_ack, timeout_ms);
}

void rx_client_snapshot(struct rx_client *c, struct nicsim_rx_area *out)
{
	rx_snapshot(c->rx, out);
}

int rx_client_sync(struct rx_client *c, unsigned int timeout_ms)
{
	return rx_client_request(&c->rx->sync_req, &c->rx->sync_ack, timeout_ms);
}

/* The counters a settle compares: everything node 1 accounted. */
static uint64_t rx_accounted(const struct nicsim_rx_area *a)
{
	return a->total + a->socket_drops + a->stack_drops;
}

int rx_client_settle(struct rx_client *c, uint64_t expect,
		     unsigned int settle_ms, struct nicsim_rx_area *out)
{
	uint64_t start = now_ns(), last_change = start, prev = UINT64_MAX;
	int err;

	for (;;) {
		err = rx_client_sync(c, RX_SYNC_MAX_MS);
		rx_snapshot(c->rx, out);
		if (err)
			return err;
		if (out->total >= expect) {
			sleep_ms(20);	/* late extras (duplicates) */
			err = rx_client_sync(c, RX_SYNC_MAX_MS);
			rx_snapshot(c->rx, out);
			return err;
		}
		if (rx_accounted(out) != prev) {
			prev = rx_accounted(out);
			last_change = now_ns();
		}
		if (now_ns() - last_change >= settle_ms * 1000000ULL ||
		    now_ns() - start >= RX_SETTLE_MAX_MS * 1000000ULL)
			return 0;
		sleep_ms(5);
	}
}
