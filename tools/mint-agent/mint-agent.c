// SPDX-License-Identifier: GPL-2.0
/*
 * mint-agent - serve the "exec" area on node 1: run each command that
 * node 0's mint-exec posts with /bin/sh -c and publish its output and
 * exit status.  Protocol: tools/include/mint_exec.h.
 *
 * Usage: mint-agent [-d] [-q]
 *   -d  daemonize (fork, setsid, stdio to /dev/null)
 *   -q  do not log each command to stderr
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mint_exec.h"
#include "mint_shm.h"
#include "shm_atomic.h"
#include "units.h"

#define POLL_MS	2

static volatile sig_atomic_t quit;
static int quiet;
static char outbuf[MINT_EXEC_OUT_MAX];

static void on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static void beat(struct mint_exec_area *ex)
{
	shm_store_release(&ex->heartbeat, shm_load(&ex->heartbeat) + 1);
}

static pid_t spawn(const char *cmd, int *rfd)
{
	int p[2];
	pid_t pid;

	if (pipe2(p, O_CLOEXEC) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDONLY);

		setpgid(0, 0);
		signal(SIGPIPE, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGINT, SIG_DFL);
		if (null >= 0)
			dup2(null, 0);
		dup2(p[1], 1);
		dup2(p[1], 2);
		execl("/bin/sh", "sh", "-c", cmd, (char *)NULL);
		_exit(127);
	}
	setpgid(pid, pid);
	close(p[1]);
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	*rfd = p[0];
	return pid;
}

/* Read what is available; keep the first MINT_EXEC_OUT_MAX bytes. */
static int drain(int fd, size_t *len, int *trunc)
{
	char tmp[4096];
	ssize_t n;

	for (;;) {
		n = read(fd, tmp, sizeof(tmp));
		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 0 : -1;
		if (n == 0)
			return -1;	/* EOF */
		if (*len < sizeof(outbuf)) {
			size_t k = sizeof(outbuf) - *len;

			if (k > (size_t)n)
				k = (size_t)n;
			memcpy(outbuf + *len, tmp, k);
			*len += k;
			if (k < (size_t)n)
				*trunc = 1;
		} else {
			*trunc = 1;
		}
	}
}

static int run_request(struct mint_exec_area *ex, uint64_t seq)
{
	char cmd[MINT_EXEC_CMD_MAX];
	uint32_t len = shm_load(&ex->cmd_len);
	uint32_t tmo = shm_load(&ex->timeout_ms);
	uint64_t start = now_ns();
	size_t olen = 0;
	int trunc = 0, status = 0, fd = -1, wst, eof = 0;
	pid_t pid;

	if (len >= MINT_EXEC_CMD_MAX)
		return MINT_EXEC_STATUS_BAD_REQUEST;
	memcpy(cmd, ex->cmd, len);
	cmd[len] = '\0';
	if (!quiet)
		fprintf(stderr, "mint-agent: [%llu] %s\n",
			(unsigned long long)seq, cmd);
	pid = spawn(cmd, &fd);
	if (pid < 0)
		return MINT_EXEC_STATUS_SPAWN_FAILED;
	for (;;) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		pid_t r;

		beat(ex);
		if (!eof && poll(&pfd, 1, POLL_MS) > 0 && drain(fd, &olen, &trunc))
			eof = 1;
		if (eof)
			sleep_ms(POLL_MS);
		r = waitpid(pid, &wst, WNOHANG);
		if (r == pid)
			break;
		if (shm_load_acquire(&ex->cancel_seq) == seq ||
		    (tmo && now_ns() - start > (uint64_t)tmo * 1000000ULL) ||
		    quit) {
			kill(-pid, SIGKILL);
			waitpid(pid, &wst, 0);
			status = MINT_EXEC_STATUS_KILLED_TIMEOUT;
			break;
		}
	}
	/* output written just before exit is still in the pipe; do not wait
	 * for EOF: a background child (daemon) may keep the pipe open */
	if (!eof)
		drain(fd, &olen, &trunc);
	close(fd);
	if (!status)
		status = WIFEXITED(wst) ? WEXITSTATUS(wst) :
			 WIFSIGNALED(wst) ? 128 + WTERMSIG(wst) : 255;
	memcpy(ex->out, outbuf, olen);
	shm_store(&ex->out_len, (uint32_t)olen);
	shm_store(&ex->out_truncated, (uint32_t)trunc);
	return status;
}

static void daemonize(void)
{
	pid_t pid = fork();
	int null;

	if (pid < 0) {
		perror("mint-agent: fork");
		exit(1);
	}
	if (pid > 0)
		exit(0);
	setsid();
	if (chdir("/") < 0)
		exit(1);
	null = open("/dev/null", O_RDWR);
	if (null >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (null > 2)
			close(null);
	}
}

int main(int argc, char **argv)
{
	struct mint_exec_area *ex;
	struct mint_area area;
	struct sigaction sa;
	uint64_t done;
	int opt, err, daemon_mode = 0;

	while ((opt = getopt(argc, argv, "dqh")) != -1) {
		switch (opt) {
		case 'd':
			daemon_mode = 1;
			break;
		case 'q':
			quiet = 1;
			break;
		default:
			fprintf(stderr, "usage: mint-agent [-d] [-q]\n");
			return opt == 'h' ? 0 : 2;
		}
	}
	err = mint_area_open(MINT_EXEC_AREA, sizeof(*ex), &area);
	if (err) {
		fprintf(stderr, "mint-agent: cannot open area '%s' under %s: %s\n",
			MINT_EXEC_AREA, getenv("MINT_SYSFS") ?: "/sys/kernel/mint",
			strerror(-err));
		return 1;
	}
	if (daemon_mode)
		daemonize();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	ex = area.addr;
	shm_store(&ex->agent_state, MINT_EXEC_AGENT_NONE);
	shm_store(&ex->version, MINT_EXEC_VERSION);
	shm_store(&ex->agent_pid, (uint32_t)getpid());
	shm_store(&ex->agent_gen, shm_load(&ex->agent_gen) + 1);
	/* a request posted before we started is dropped, not run */
	done = shm_load_acquire(&ex->req_seq);
	shm_store(&ex->resp_seq, done);
	shm_store_release(&ex->magic, MINT_EXEC_MAGIC);
	shm_store_release(&ex->agent_state, MINT_EXEC_AGENT_READY);
	if (!quiet)
		fprintf(stderr, "mint-agent: ready (gen %llu)\n",
			(unsigned long long)shm_load(&ex->agent_gen));

	while (!quit) {
		uint64_t seq = shm_load_acquire(&ex->req_seq);

		beat(ex);
		if (seq != done) {
			int status;

			shm_store(&ex->agent_state, MINT_EXEC_AGENT_BUSY);
			shm_store(&ex->out_len, 0);
			shm_store(&ex->out_truncated, 0);
			if (shm_load_acquire(&ex->cancel_seq) == seq)
				status = MINT_EXEC_STATUS_KILLED_TIMEOUT;
			else
				status = run_request(ex, seq);
			shm_store(&ex->status, status);
			shm_store_release(&ex->resp_seq, seq);
			shm_store(&ex->agent_state, MINT_EXEC_AGENT_READY);
			done = seq;
			continue;
		}
		sleep_ms(POLL_MS);
	}
	shm_store_release(&ex->agent_state, MINT_EXEC_AGENT_NONE);
	mint_area_close(&area);
	return 0;
}
