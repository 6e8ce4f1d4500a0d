// SPDX-License-Identifier: GPL-2.0
/* exec_client.c - node 0 side of the "exec" protocol (see mint_exec.h). */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "exec_client.h"
#include "shm_atomic.h"
#include "units.h"

#define POLL_MS		1
#define ALIVE_WAIT_MS	500	/* node 1 is slow under QEMU TCG */

int exec_client_open(struct exec_client *c)
{
	int err;

	memset(c, 0, sizeof(*c));
	err = mint_area_open(MINT_EXEC_AREA, 0, &c->area);
	if (err)
		return err;
	if (c->area.size < sizeof(struct mint_exec_area)) {
		mint_area_close(&c->area);
		return -ERANGE;
	}
	c->ex = c->area.addr;
	return 0;
}

void exec_client_close(struct exec_client *c)
{
	mint_area_close(&c->area);
	c->ex = NULL;
}

static int agent_valid(struct mint_exec_area *ex)
{
	return shm_load_acquire(&ex->magic) == MINT_EXEC_MAGIC &&
	       shm_load(&ex->version) == MINT_EXEC_VERSION &&
	       shm_load(&ex->agent_state) != MINT_EXEC_AGENT_NONE;
}

int exec_agent_alive(struct exec_client *c, unsigned int wait_ms)
{
	uint64_t hb0 = shm_load_acquire(&c->ex->heartbeat);
	uint64_t end = now_ns() + (uint64_t)wait_ms * 1000000ULL;

	do {
		if (shm_load_acquire(&c->ex->heartbeat) != hb0)
			return agent_valid(c->ex);
		sleep_ms(POLL_MS);
	} while (now_ns() < end);
	return 0;
}

int exec_wait_agent(struct exec_client *c, unsigned int timeout_ms)
{
	uint64_t end = now_ns() + (uint64_t)timeout_ms * 1000000ULL;

	for (;;) {
		if (!c->ex && exec_client_open(c))
			c->ex = NULL;
		if (c->ex && exec_agent_alive(c, 100))
			return 0;
		if (now_ns() >= end)
			return -ETIMEDOUT;
		sleep_ms(20);
	}
}

static int lock_alive(uint32_t pid)
{
	return pid && (kill((pid_t)pid, 0) == 0 || errno != ESRCH);
}

/* Take client_lock (our pid); steal it from a dead holder on node 0. */
static int take_lock(struct mint_exec_area *ex, uint64_t end,
		     volatile int *stop)
{
	uint32_t me = (uint32_t)getpid();

	for (;;) {
		uint32_t cur = 0;

		if (shm_cmpxchg(&ex->client_lock, &cur, me))
			return 0;
		if (!lock_alive(cur) && shm_cmpxchg(&ex->client_lock, &cur, me))
			return 0;
		if (stop && *stop)
			return -EINTR;
		if (now_ns() >= end)
			return -ETIMEDOUT;
		sleep_ms(POLL_MS);
	}
}

static void release_lock(struct mint_exec_area *ex)
{
	uint32_t me = (uint32_t)getpid();

	shm_cmpxchg(&ex->client_lock, &me, 0);
}

int exec_run(struct exec_client *c, const char *cmd, unsigned int timeout_ms,
	     char *out, size_t outsz, struct exec_result *res,
	     volatile int *stop)
{
	struct mint_exec_area *ex = c->ex;
	size_t len = strlen(cmd);
	uint64_t seq, end, hb, hb_time;
	int err;

	memset(res, 0, sizeof(*res));
	if (out && outsz)
		out[0] = '\0';
	if (len >= MINT_EXEC_CMD_MAX)
		return -E2BIG;
	if (!exec_agent_alive(c, ALIVE_WAIT_MS))
		return -ENOTCONN;
	end = now_ns() + (uint64_t)timeout_ms * 1000000ULL;
	err = take_lock(ex, end, stop);
	if (err)
		return err;

	memcpy(ex->cmd, cmd, len + 1);
	shm_store(&ex->cmd_len, (uint32_t)len);
	/* the agent enforces its own timeout a bit after ours */
	shm_store(&ex->timeout_ms, timeout_ms ? timeout_ms + 1000 : 0);
	seq = shm_load_acquire(&ex->resp_seq) + 1;
	shm_store_release(&ex->req_seq, seq);

	hb = shm_load(&ex->heartbeat);
	hb_time = now_ns();
	for (;;) {
		uint64_t now;

		if (shm_load_acquire(&ex->resp_seq) == seq)
			break;
		now = now_ns();
		if ((stop && *stop) || now >= end) {
			shm_store_release(&ex->cancel_seq, seq);
			release_lock(ex);
			return (stop && *stop) ? -EINTR : -ETIMEDOUT;
		}
		if (shm_load(&ex->heartbeat) != hb) {
			hb = shm_load(&ex->heartbeat);
			hb_time = now;
		} else if (now - hb_time > 5000000000ULL) {
			/* agent died (node 1 crashed or rebooted) */
			release_lock(ex);
			return -ENOTCONN;
		}
		sleep_ms(POLL_MS);
	}

	res->status = shm_load(&ex->status);
	res->truncated = shm_load(&ex->out_truncated) != 0;
	if (out && outsz) {
		uint32_t n = shm_load(&ex->out_len);

		if (n > MINT_EXEC_OUT_MAX)
			n = MINT_EXEC_OUT_MAX;
		if (n > outsz - 1) {
			n = (uint32_t)(outsz - 1);
			res->truncated = 1;
		}
		memcpy(out, ex->out, n);
		out[n] = '\0';
		res->out_len = n;
	}
	release_lock(ex);
	return 0;
}
