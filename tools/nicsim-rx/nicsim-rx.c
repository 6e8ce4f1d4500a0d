// SPDX-License-Identifier: GPL-2.0
/*
 * nicsim-rx - node 1 receiver for mint-nicsim's frames.
 *
 * Receives every frame on an interface (AF_PACKET, ETH_P_ALL, outgoing
 * frames ignored), classifies it (udp, tcp-syn, icmp-echo, arp, other),
 * checks its integrity and sequence number (frames without nicsim magic
 * are counted as foreign, not bad), and publishes the counters in
 * the shared area "nicsim-rx" (tools/include/nicsim_rx.h) so node 0 can
 * compare what it sent with what node 1 got.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "mint_shm.h"
#include "pcap_io.h"
#include "rx_counter.h"
#include "shm_atomic.h"
#include "sysfs_io.h"
#include "units.h"

#define POLL_MS		10
#define FRAME_BUF	65536

static volatile sig_atomic_t quit;
static uint8_t frame[FRAME_BUF];

struct rx_opts {
	const char *ifname;
	const char *replay;
	int daemon, no_area, verbose, quiet, stop, show;
	uint64_t count;		/* 0: unlimited */
	uint64_t timeout_ns;	/* 0: none */
};

static void on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: nicsim-rx [-i IFACE] [-d] [-c COUNT] [-t D] [-v] [-q]\n"
		"       nicsim-rx --replay FILE [-v]\n"
		"       nicsim-rx --show | --stop\n"
		"  -i IFACE    interface (default eth0)\n"
		"  -d          daemon: detach once receiving (exit 0 if one already runs)\n"
		"  -c COUNT    exit after COUNT frames\n"
		"  -t D        exit after D, a duration with a unit (10s, 500ms)\n"
		"  --no-area   do not publish in the shared area \"%s\"\n"
		"  --replay F  count the frames of a capture file (pcap or pcapng, Ethernet)\n"
		"              instead of a socket; a frame captured short of its length\n"
		"              (snap length) is an error; -v prints each frame's capture time\n"
		"  --show      print the published counters\n"
		"  --stop      stop the running receiver (SIGTERM to its pid)\n"
		"Prints a summary line at exit; exit 1 if any frame was bad.  Frames\n"
		"without nicsim magic are counted as foreign, not bad.\n",
		NICSIM_RX_AREA);
}

static int open_socket(const char *ifname)
{
	struct sockaddr_ll sll;
	int fd, one = 1;
	unsigned int idx = if_nametoindex(ifname);

	if (!idx) {
		fprintf(stderr, "nicsim-rx: no interface %s\n", ifname);
		return -1;
	}
	fd = socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, htons(ETH_P_ALL));
	if (fd < 0) {
		perror("nicsim-rx: socket(AF_PACKET)");
		return -1;
	}
	/* also filtered by pkttype below, for kernels without the option */
	setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof(one));
	{
		/*
		 * Back-to-back injection outruns a reader woken per frame:
		 * buffer a few thousand frames.  SO_RCVBUFFORCE (root) is not
		 * capped by net.core.rmem_max like SO_RCVBUF.
		 */
		int rcvbuf = 32 << 20;

		if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)))
			setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	}
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)idx;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		perror("nicsim-rx: bind");
		close(fd);
		return -1;
	}
	return fd;
}

/* Another receiver publishes into the area if its heartbeat moves. */
static int other_running(struct nicsim_rx_area *a)
{
	uint64_t hb = shm_load_acquire(&a->heartbeat);
	int i;

	if (shm_load(&a->magic) != NICSIM_RX_MAGIC || !shm_load(&a->running))
		return 0;
	for (i = 0; i < 10; i++) {
		sleep_ms(POLL_MS);
		if (shm_load_acquire(&a->heartbeat) != hb)
			return 1;
	}
	return 0;
}

/* The interface's rx_dropped (core stack drops), 0 when unreadable. */
static uint64_t if_rx_dropped(const char *ifname)
{
	char path[96];
	uint64_t v = 0;

	snprintf(path, sizeof(path), "/sys/class/net/%s/statistics/rx_dropped", ifname);
	if (sysfs_read_u64(path, &v))
		return 0;
	return v;
}

/* Frames the socket dropped since the last call (the kernel resets them). */
static uint64_t socket_drops(int fd)
{
	struct tpacket_stats st;
	socklen_t len = sizeof(st);

	if (getsockopt(fd, SOL_PACKET, PACKET_STATISTICS, &st, &len))
		return 0;
	return st.tp_drops;
}

/*
 * Count every frame waiting in the socket (up to count); -1 on an error
 * that ends the receiver, 1 when count is reached.
 */
static int drain(struct rx_counter *rc, int fd, const struct rx_opts *o)
{
	for (;;) {
		struct sockaddr_ll from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(fd, frame, sizeof(frame), MSG_DONTWAIT,
				     (struct sockaddr *)&from, &fl);

		if (n < 0) {
			/* ifdown/ifup of the interface is part of the tests */
			if (errno != EAGAIN && errno != EINTR && errno != ENETDOWN) {
				perror("nicsim-rx: recvfrom");
				return -1;
			}
			return 0;
		}
		if (from.sll_pkttype == PACKET_OUTGOING)
			continue;
		rx_counter_frame(rc, frame, (size_t)n);
		if (o->count && rc->local.total >= o->count)
			return 1;
	}
}

static int receive_loop(struct rx_counter *rc, int fd, const struct rx_opts *o)
{
	uint64_t start = now_ns(), drops_due = start, req;

	while (!quit) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		int r;

		rx_counter_poll(rc);
		/* a sync: everything queued now is counted before the ack */
		req = rx_counter_sync_pending(rc);
		if (req) {
			if (drain(rc, fd, o) < 0)
				return -1;
			drops_due = 0;
		}
		/* a sysfs read and a getsockopt: every POLL_MS, not every batch */
		if (now_ns() >= drops_due) {
			rx_counter_drops(rc, socket_drops(fd), if_rx_dropped(o->ifname));
			drops_due = now_ns() + POLL_MS * 1000000ULL;
		}
		if (req)
			rx_counter_sync_ack(rc, req);
		if (o->count && rc->local.total >= o->count)
			break;
		if (o->timeout_ns && now_ns() - start >= o->timeout_ns)
			break;
		r = poll(&pfd, 1, POLL_MS);
		if (r < 0 && errno != EINTR) {
			perror("nicsim-rx: poll");
			return -1;
		}
		if (r > 0) {
			r = drain(rc, fd, o);
			if (r < 0)
				return -1;
			if (r > 0)
				break;
		}
	}
	return 0;
}

/* Count frame n of a capture; a truncated frame (caplen < len) is an error. */
static int replay_frame(struct rx_counter *rc, const char *path, uint64_t n,
			const struct pcap_io_frame *f)
{
	if (f->caplen < f->len) {
		fprintf(stderr, "nicsim-rx: %s: frame %llu truncated (%u of %u bytes captured)\n",
			path, (unsigned long long)n, f->caplen, f->len);
		return -1;
	}
	if (rc->verbose)
		fprintf(stderr, "nicsim-rx: frame %llu: captured at %llu.%09llu, %u bytes\n",
			(unsigned long long)n, (unsigned long long)(f->ts_ns / 1000000000ULL),
			(unsigned long long)(f->ts_ns % 1000000000ULL), f->len);
	rx_counter_poll(rc);
	rx_counter_frame(rc, f->data, f->caplen);
	return 0;
}

static int replay(struct rx_counter *rc, const char *path)
{
	struct pcap_io_reader r;
	struct pcap_io_frame f;
	uint64_t n = 0;
	int ret;

	if (pcap_io_open_read(&r, path)) {
		fprintf(stderr, "nicsim-rx: %s\n", r.err);
		return -1;
	}
	while ((ret = pcap_io_next(&r, &f)) > 0) {
		if (replay_frame(rc, path, ++n, &f))
			break;	/* ret 1: an error */
	}
	if (ret < 0)
		fprintf(stderr, "nicsim-rx: %s\n", r.err);
	pcap_io_close_read(&r);
	return ret ? -1 : 0;
}

/* Fork; the parent exits once the child reports it is receiving. */
static int daemonize(int *notify_fd)
{
	int p[2];
	pid_t pid;
	char c;

	if (pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid > 0) {
		close(p[1]);
		if (read(p[0], &c, 1) == 1 && c == 'R') {
			printf("nicsim-rx: running as pid %d\n", (int)pid);
			exit(0);
		}
		exit(1);	/* the child printed why */
	}
	close(p[0]);
	setsid();
	if (chdir("/") < 0)
		_exit(1);
	*notify_fd = p[1];
	return 0;
}

static void detach_stdio(void)
{
	int null = open("/dev/null", O_RDWR);

	if (null < 0)
		return;
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
	if (null > 2)
		close(null);
}

static int show_or_stop(const struct rx_opts *o)
{
	struct nicsim_rx_area snap;
	struct mint_area area;
	char line[1024];
	int err = mint_area_open(NICSIM_RX_AREA, 0, &area);

	if (err) {
		fprintf(stderr, "nicsim-rx: area %s: %s\n", NICSIM_RX_AREA,
			strerror(-err));
		return 1;
	}
	if (area.size < sizeof(snap)) {
		fprintf(stderr, "nicsim-rx: area %s too small\n", NICSIM_RX_AREA);
		return 1;
	}
	rx_snapshot(area.addr, &snap);
	if (o->stop) {
		if (!other_running(area.addr)) {
			printf("nicsim-rx: not running\n");
			return 0;
		}
		if (kill((pid_t)snap.pid, SIGTERM) < 0) {
			perror("nicsim-rx: kill");
			return 1;
		}
		return 0;
	}
	rx_summary(&snap, line, sizeof(line));
	printf("nicsim-rx: %s pid %u %s reset %llu/%llu: %s\n", snap.ifname,
	       snap.pid, other_running(area.addr) ? "running" : "not running",
	       (unsigned long long)snap.reset_ack,
	       (unsigned long long)snap.reset_req, line);
	return 0;
}

static int parse_args(int argc, char **argv, struct rx_opts *o)
{
	static const struct option lo[] = {
		{ "interface", required_argument, NULL, 'i' },
		{ "daemon", no_argument, NULL, 'd' },
		{ "count", required_argument, NULL, 'c' },
		{ "timeout", required_argument, NULL, 't' },
		{ "replay", required_argument, NULL, 'r' },
		{ "no-area", no_argument, NULL, 'N' },
		{ "show", no_argument, NULL, 'S' },
		{ "stop", no_argument, NULL, 'K' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct duration_opt timeout_opt = {
		"nicsim-rx", "-t", 1, 1, UINT64_MAX,
	};
	int opt;

	memset(o, 0, sizeof(*o));
	o->ifname = "eth0";
	while ((opt = getopt_long(argc, argv, "i:dc:t:vqh", lo, NULL)) != -1) {
		switch (opt) {
		case 'i':
			o->ifname = optarg;
			break;
		case 'd':
			o->daemon = 1;
			break;
		case 'c':
			if (parse_u64(optarg, &o->count) || !o->count) {
				fprintf(stderr, "nicsim-rx: bad count '%s'\n", optarg);
				return -1;
			}
			break;
		case 't':
			if (duration_arg(&timeout_opt, optarg, &o->timeout_ns))
				return -1;
			break;
		case 'r':
			o->replay = optarg;
			break;
		case 'N':
			o->no_area = 1;
			break;
		case 'S':
			o->show = 1;
			break;
		case 'K':
			o->stop = 1;
			break;
		case 'v':
			o->verbose = 1;
			break;
		case 'q':
			o->quiet = 1;
			break;
		case 'h':
			usage(stdout);
			exit(0);
		default:
			usage(stderr);
			return -1;
		}
	}
	if (optind != argc || strlen(o->ifname) >= IFNAMSIZ) {
		usage(stderr);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static struct rx_counter rc;
	struct mint_area area = { 0 };
	struct nicsim_rx_area *shared = NULL;
	struct sigaction sa;
	struct rx_opts o;
	char line[1024];
	int fd = -1, err, notify = -1, ret;

	if (parse_args(argc, argv, &o))
		return 2;
	if (o.show || o.stop)
		return show_or_stop(&o);
	if (!o.no_area) {
		err = mint_area_open(NICSIM_RX_AREA, sizeof(*shared), &area);
		if (err) {
			fprintf(stderr, "nicsim-rx: cannot open area %s: %s (use --no-area)\n",
				NICSIM_RX_AREA, strerror(-err));
			return 1;
		}
		shared = area.addr;
		if (!o.replay && other_running(shared)) {
			fprintf(stderr, "nicsim-rx: already running (pid %u)\n",
				shm_load(&shared->pid));
			return o.daemon ? 0 : 1;
		}
	}
	if (!o.replay) {
		fd = open_socket(o.ifname);
		if (fd < 0)
			return 1;
	}
	if (o.daemon && !o.replay && daemonize(&notify))
		return 1;
	rx_counter_init(&rc, shared, o.replay ? "replay" : o.ifname);
	rc.verbose = o.verbose;
	rx_counter_publish(&rc);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	if (notify >= 0) {
		if (write(notify, "R", 1) != 1)
			return 1;
		close(notify);
		detach_stdio();
	}

	ret = o.replay ? replay(&rc, o.replay) : receive_loop(&rc, fd, &o);
	rc.local.running = 0;
	rx_counter_publish(&rc);
	if (fd >= 0)
		close(fd);
	if (!o.quiet) {
		rx_summary(&rc.local, line, sizeof(line));
		printf("nicsim-rx: %s: %s\n", rc.local.ifname, line);
	}
	mint_area_close(&area);
	if (ret)
		return 1;
	return rc.local.total_bad ? 1 : 0;
}
