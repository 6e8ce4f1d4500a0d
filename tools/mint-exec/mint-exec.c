// SPDX-License-Identifier: GPL-2.0
/*
 * mint-exec - run a shell command on node 1 through mint-agent.
 *
 * mint-exec [-t D] 'shell command'
 *	prints the command's stdout+stderr, exits with its exit status;
 *	124 on timeout, 125 when no agent answers, 126 on a local error.
 * mint-exec --wait-agent [-t D]
 *	waits until the agent is alive (0) or the timeout expires (125).
 * D: a duration with a unit (units.h), 1ms..86400s in whole ms.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "exec_client.h"
#include "units.h"

#define EXIT_TIMEOUT	124
#define EXIT_NO_AGENT	125
#define EXIT_LOCAL	126

static volatile int stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: mint-exec [-t D] 'shell command'\n"
		"       mint-exec --wait-agent [-t D]\n"
		"Runs the command on node 1 (via mint-agent) and exits with its status.\n"
		"Exit 124: timeout, 125: no agent, 126: local error.\n"
		"D: timeout with a unit (30s, 500ms), 1ms..86400s; default 30s\n"
		"(10s for --wait-agent).\n");
}

static void write_all(const char *buf, size_t len)
{
	while (len) {
		ssize_t n = write(1, buf, len);

		if (n <= 0)
			return;
		buf += n;
		len -= (size_t)n;
	}
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "timeout", required_argument, NULL, 't' },
		{ "wait-agent", no_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct duration_opt timeout_opt = {
		"mint-exec", "-t", 1000000, 1000000, 86400000000000ULL,
	};
	static char out[MINT_EXEC_OUT_MAX + 1];
	unsigned int timeout_ms = 0;
	struct exec_client c;
	struct exec_result res;
	struct sigaction sa;
	int opt, wait_agent = 0, err, tset = 0;
	uint64_t ns;

	while ((opt = getopt_long(argc, argv, "+t:h", opts, NULL)) != -1) {
		switch (opt) {
		case 't':
			if (duration_arg(&timeout_opt, optarg, &ns))
				return EXIT_LOCAL;
			timeout_ms = (unsigned int)(ns / 1000000ULL);
			tset = 1;
			break;
		case 'w':
			wait_agent = 1;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return EXIT_LOCAL;
		}
	}
	if (!tset)
		timeout_ms = wait_agent ? 10000 : 30000;

	if (wait_agent) {
		if (optind != argc) {
			usage(stderr);
			return EXIT_LOCAL;
		}
		memset(&c, 0, sizeof(c));
		if (exec_wait_agent(&c, timeout_ms)) {
			fprintf(stderr, "mint-exec: no agent on node 1 after %u ms\n",
				timeout_ms);
			return EXIT_NO_AGENT;
		}
		return 0;
	}
	if (optind != argc - 1) {
		usage(stderr);
		return EXIT_LOCAL;
	}

	err = exec_client_open(&c);
	if (err) {
		fprintf(stderr, "mint-exec: no agent on node 1 (area '%s': %s)\n",
			MINT_EXEC_AREA, strerror(-err));
		return EXIT_NO_AGENT;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	err = exec_run(&c, argv[optind], timeout_ms, out, sizeof(out), &res, &stop);
	exec_client_close(&c);
	switch (err) {
	case 0:
		break;
	case -E2BIG:
		fprintf(stderr, "mint-exec: command longer than %u bytes\n",
			MINT_EXEC_CMD_MAX - 1);
		return EXIT_LOCAL;
	case -ENOTCONN:
		fprintf(stderr, "mint-exec: no agent on node 1 (heartbeat stopped)\n");
		return EXIT_NO_AGENT;
	case -ETIMEDOUT:
		fprintf(stderr, "mint-exec: timeout after %u ms waiting for node 1 (command cancelled)\n",
			timeout_ms);
		return EXIT_TIMEOUT;
	case -EINTR:
		fprintf(stderr, "mint-exec: interrupted (command cancelled)\n");
		return 130;
	default:
		fprintf(stderr, "mint-exec: %s\n", strerror(-err));
		return EXIT_LOCAL;
	}
	write_all(out, res.out_len);
	if (res.truncated)
		fprintf(stderr, "mint-exec: output truncated to %zu bytes\n",
			res.out_len);
	switch (res.status) {
	case MINT_EXEC_STATUS_SPAWN_FAILED:
		fprintf(stderr, "mint-exec: agent could not start /bin/sh\n");
		return EXIT_LOCAL;
	case MINT_EXEC_STATUS_BAD_REQUEST:
		fprintf(stderr, "mint-exec: agent rejected the request\n");
		return EXIT_LOCAL;
	case MINT_EXEC_STATUS_KILLED_TIMEOUT:
		fprintf(stderr, "mint-exec: command killed on node 1 (timeout)\n");
		return EXIT_TIMEOUT;
	}
	return res.status >= 0 && res.status <= 255 ? res.status : EXIT_LOCAL;
}
