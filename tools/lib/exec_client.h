/* SPDX-License-Identifier: GPL-2.0 */
/* exec_client.h - node 0 side of the "exec" protocol (see mint_exec.h). */
#ifndef EXEC_CLIENT_H
#define EXEC_CLIENT_H

#include <stddef.h>
#include <stdint.h>

#include "mint_exec.h"
#include "mint_shm.h"

struct exec_client {
	struct mint_area area;
	struct mint_exec_area *ex;
};

struct exec_result {
	int status;		/* exit code, 128+sig or MINT_EXEC_STATUS_* */
	int truncated;
	size_t out_len;		/* bytes copied into the caller's buffer */
};

/* Open the area; -ENOENT when no agent ever created it, -EPROTO on a
 * bad magic/version, -ERANGE when it is too small. */
int exec_client_open(struct exec_client *c);
void exec_client_close(struct exec_client *c);
/* 1 if the agent's heartbeat moves within wait_ms (and its state is not
 * NONE), else 0.  Returns as soon as it moves. */
int exec_agent_alive(struct exec_client *c, unsigned int wait_ms);
/* Wait up to timeout_ms for the area to exist and the agent to be alive
 * (reopens the area as needed).  0 or -ETIMEDOUT. */
int exec_wait_agent(struct exec_client *c, unsigned int timeout_ms);
/*
 * Run cmd on node 1.  out (may be NULL) receives up to outsz - 1 bytes of
 * output, NUL-terminated.  Returns 0 (see res->status), -E2BIG for a too
 * long command, -ENOTCONN when the agent is not alive, -ETIMEDOUT when
 * no answer came within timeout_ms (the request is then cancelled), or
 * -EINTR if *stop became non-zero.
 */
int exec_run(struct exec_client *c, const char *cmd, unsigned int timeout_ms,
	     char *out, size_t outsz, struct exec_result *res,
	     volatile int *stop);

#endif /* EXEC_CLIENT_H */
