/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mint_exec.h - request/response protocol of the shared area "exec".
 *
 * mint-agent (node 1) creates the area and serves it; mint-exec (node 0)
 * is the client.  One request at a time: a client takes client_lock (its
 * pid, cmpxchg from 0), writes cmd/cmd_len/timeout_ms, then release-stores
 * req_seq = resp_seq + 1.  The agent acquire-loads req_seq, runs the
 * command with /bin/sh -c, writes out/out_len/status and release-stores
 * resp_seq = req_seq.  The client acquire-loads resp_seq, copies the output
 * and clears client_lock.  A client that gives up release-stores
 * cancel_seq = its req_seq; the agent then kills the command.
 *
 * The agent increments heartbeat about every 2 ms, also while a command
 * runs; a client considers the agent alive only if heartbeat moves.
 * Every length read from the area must be bound-checked by the reader.
 */
#ifndef MINT_EXEC_H
#define MINT_EXEC_H

#include <stdint.h>

#define MINT_EXEC_AREA		"exec"
#define MINT_EXEC_MAGIC		0x4d455845u	/* 'MEXE' */
#define MINT_EXEC_VERSION	1u
#define MINT_EXEC_CMD_MAX	1024u
#define MINT_EXEC_OUT_MAX	(60u * 1024u)

enum mint_exec_agent_state {
	MINT_EXEC_AGENT_NONE = 0,	/* never started or stopped cleanly */
	MINT_EXEC_AGENT_READY = 1,	/* idle, waiting for a request */
	MINT_EXEC_AGENT_BUSY = 2,	/* running a command */
};

/* Status values besides 0..255 (exit code) and 128+N (killed by signal N) */
#define MINT_EXEC_STATUS_SPAWN_FAILED	(-1)	/* fork/exec of /bin/sh failed */
#define MINT_EXEC_STATUS_BAD_REQUEST	(-2)	/* cmd_len out of range */
#define MINT_EXEC_STATUS_KILLED_TIMEOUT	(-3)	/* agent-side timeout or cancel */

struct mint_exec_area {
	/* written by the agent */
	uint32_t magic;
	uint32_t version;
	uint32_t agent_state;		/* enum mint_exec_agent_state */
	uint32_t agent_pid;
	uint64_t agent_gen;		/* incremented at each agent start */
	uint64_t heartbeat;		/* incremented every poll (~2 ms) */

	/* request, written by the client holding client_lock */
	uint32_t client_lock;		/* 0 = free, else client pid */
	uint32_t timeout_ms;		/* 0 = no agent-side timeout */
	uint64_t req_seq;		/* release-stored last */
	uint64_t cancel_seq;		/* client gave up on this req_seq */
	uint32_t cmd_len;		/* bytes in cmd, < MINT_EXEC_CMD_MAX */
	uint32_t pad0;
	char cmd[MINT_EXEC_CMD_MAX];

	/* response, written by the agent */
	uint64_t resp_seq;		/* release-stored last */
	int32_t status;			/* exit code, 128+sig or MINT_EXEC_STATUS_* */
	uint32_t out_len;		/* bytes in out, <= MINT_EXEC_OUT_MAX */
	uint32_t out_truncated;		/* 1: more output was discarded */
	uint32_t pad1;
	char out[MINT_EXEC_OUT_MAX];
};

#endif /* MINT_EXEC_H */
