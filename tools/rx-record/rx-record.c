// SPDX-License-Identifier: GPL-2.0
/*
 * rx-record - node 1's recorder for the receive fidelity comparison
 * (mint-tests/rx-compare): for every frame the stack receives on an
 * interface, what the driver handed to it.
 *
 * rx-record [-i IFACE] [-o FILE] [-t D] [-d]
 *	record until SIGTERM/SIGINT (or D), then write one line per frame to
 *	FILE (default stdout); -d: detach once recording
 * rx-record --stop
 *	end the recorder started with -d; returns once its file is written
 *
 * Two sources, paired in arrival order:
 *  - the tracepoints net:napi_gro_receive_entry (e1000e hands its frames to
 *    GRO) and net:netif_receive_skb_entry, in a tracefs instance of their
 *    own: the skb as the driver passed it up (protocol, len, ip_summed,
 *    hash, l4_hash, vlan_tagged, vlan_tci);
 *  - an AF_PACKET socket with PACKET_AUXDATA: the frame's data (the marker
 *    of rx_marker.h names it), pkt_type, and the checksum and VLAN status
 *    the stack reports to packet sockets.
 * Both see every frame the driver passes up, in the same order (one CPU,
 * one queue).  A trace event is paired with a frame only if their lengths
 * agree (the event's len excludes the 14-byte Ethernet header; an in-band
 * VLAN tag counts in it but not in the frame once the stack untagged it);
 * anything unpaired is written with frame=? or event=none.
 *
 * Line format: frame=NAME event=E protocol=0xPPPP len=N ip_summed=N
 * hash=0xHHHHHHHH l4_hash=N vlan_tagged=N vlan_tci=0xTTTT pkt_type=N
 * tap_len=N tap_csum=valid|notready|none tap_vlan=0xTTTT|none
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
#include <sys/mount.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rx_marker.h"
#include "units.h"

#ifndef TRACEFS
#define TRACEFS		"/sys/kernel/tracing"
#endif
#define INSTANCE	TRACEFS "/instances/rx-record"
#define PID_FILE	"/run/rx-record.pid"
#define MAX_REC		4096
#define FRAME_BUF	65536
#define STOP_WAIT_MS	20000

static const char *const events[] = {
	"napi_gro_receive_entry",
	"netif_receive_skb_entry",
};

struct tap_rec {
	char name[RX_NAME_MAX];
	unsigned int len, pkt_type, status, vlan_tci;
};

struct ev_rec {
	char event[32];
	unsigned int protocol, len, ip_summed, hash, l4_hash, vlan_tagged, vlan_tci;
};

static volatile sig_atomic_t quit;
static struct tap_rec taps[MAX_REC];
static struct ev_rec evs[MAX_REC];
static unsigned int ntaps, nevs, tap_overflow;
static uint8_t frame[FRAME_BUF];

static void on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: rx-record [-i IFACE] [-o FILE] [-t D] [-d]\n"
		"       rx-record --stop\n"
		"  -i IFACE  interface (default eth0)\n"
		"  -o FILE   write the records here at the end (default stdout)\n"
		"  -t D      stop after D (a duration with a unit; default: at SIGTERM)\n"
		"  -d        daemon: detach once recording; stop it with --stop\n");
}

static int write_file(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY | O_TRUNC);
	ssize_t n;

	if (fd < 0)
		return -errno;
	n = write(fd, val, strlen(val));
	close(fd);
	return n == (ssize_t)strlen(val) ? 0 : -EIO;
}

/* A tracefs instance with the receive tracepoints on; 0 or -errno. */
static int trace_start(void)
{
	char path[256];
	unsigned int i;
	int err;

	if (access(TRACEFS "/instances", F_OK) &&
	    mount("nodev", TRACEFS, "tracefs", 0, NULL)) {
		fprintf(stderr, "rx-record: cannot mount tracefs on %s: %s\n",
			TRACEFS, strerror(errno));
		return -errno;
	}
	/* A fresh instance; one left behind by a killed recorder is reused. */
	rmdir(INSTANCE);
	if (mkdir(INSTANCE, 0755) && errno != EEXIST) {
		fprintf(stderr, "rx-record: mkdir %s: %s\n", INSTANCE, strerror(errno));
		return -errno;
	}
	for (i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		snprintf(path, sizeof(path), INSTANCE "/events/net/%s/enable", events[i]);
		err = write_file(path, "1");
		if (err) {
			fprintf(stderr, "rx-record: %s: %s\n", path, strerror(-err));
			return err;
		}
	}
	return 0;
}

static void trace_stop(void)
{
	write_file(INSTANCE "/tracing_on", "0");
}

/* Value of "key=" in an event line, or NULL. */
static const char *field(const char *line, const char *key)
{
	size_t kl = strlen(key);
	const char *p = line;

	while ((p = strstr(p, key))) {
		if ((p == line || p[-1] == ' ') && p[kl] == '=')
			return p + kl + 1;
		p += kl;
	}
	return NULL;
}

static unsigned int ufield(const char *line, const char *key)
{
	const char *v = field(line, key);

	return v ? (unsigned int)strtoul(v, NULL, 0) : 0;
}

/* Read the instance's buffer: the events of ifname, in order. */
static int trace_read(const char *ifname, FILE *out)
{
	char line[1024], dev[IFNAMSIZ + 2];
	unsigned int i;
	FILE *f = fopen(INSTANCE "/trace", "r");

	if (!f)
		return -errno;
	snprintf(dev, sizeof(dev), "%s ", ifname);
	while (fgets(line, sizeof(line), f)) {
		const char *d;

		if (line[0] == '#')
			continue;
		if (strstr(line, "LOST") && strstr(line, "EVENTS"))
			fprintf(out, "# warning: %s", line);
		for (i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
			char tag[48];

			snprintf(tag, sizeof(tag), " %s: ", events[i]);
			if (strstr(line, tag))
				break;
		}
		if (i == sizeof(events) / sizeof(events[0]))
			continue;
		d = field(line, "dev");
		if (!d || strncmp(d, dev, strlen(dev)))
			continue;
		if (nevs == MAX_REC) {
			fprintf(out, "# warning: more than %u trace events\n", MAX_REC);
			break;
		}
		snprintf(evs[nevs].event, sizeof(evs[nevs].event), "%s", events[i]);
		evs[nevs].protocol = ufield(line, "protocol");
		evs[nevs].len = ufield(line, "len");
		evs[nevs].ip_summed = ufield(line, "ip_summed");
		evs[nevs].hash = ufield(line, "hash");
		evs[nevs].l4_hash = ufield(line, "l4_hash");
		evs[nevs].vlan_tagged = ufield(line, "vlan_tagged");
		evs[nevs].vlan_tci = ufield(line, "vlan_tci");
		nevs++;
	}
	fclose(f);
	return 0;
}

static void marker_name(const uint8_t *f, size_t len, char *name)
{
	size_t ml = strlen(RX_MARKER), i, j;

	strcpy(name, "-");
	for (i = 0; i + ml < len; i++) {
		if (memcmp(f + i, RX_MARKER, ml))
			continue;
		for (j = 0; j < RX_NAME_MAX - 1 && i + ml + j < len; j++) {
			char c = (char)f[i + ml + j];

			if (!c)
				break;
			if (c < '!' || c > '~')
				c = '?';
			name[j] = c;
		}
		name[j] = '\0';
		if (!j)
			strcpy(name, "-");
		return;
	}
}

/* Receive what is queued on fd; returns -1 on a socket error. */
static int tap_drain(int fd)
{
	char cbuf[CMSG_SPACE(sizeof(struct tpacket_auxdata))];
	struct sockaddr_ll sll;
	struct iovec iov = { frame, sizeof(frame) };
	struct msghdr msg;
	struct cmsghdr *c;
	struct tap_rec *t;
	ssize_t n;

	for (;;) {
		memset(&msg, 0, sizeof(msg));
		msg.msg_name = &sll;
		msg.msg_namelen = sizeof(sll);
		msg.msg_iov = &iov;
		msg.msg_iovlen = 1;
		msg.msg_control = cbuf;
		msg.msg_controllen = sizeof(cbuf);
		n = recvmsg(fd, &msg, MSG_DONTWAIT | MSG_TRUNC);
		if (n < 0)
			return errno == EAGAIN || errno == EINTR ? 0 : -1;
		if (sll.sll_pkttype == PACKET_OUTGOING)
			continue;
		if (ntaps == MAX_REC) {
			tap_overflow++;
			continue;
		}
		t = &taps[ntaps++];
		memset(t, 0, sizeof(*t));
		t->len = (unsigned int)n;
		t->pkt_type = sll.sll_pkttype;
		marker_name(frame, (size_t)n < sizeof(frame) ? (size_t)n : sizeof(frame),
			    t->name);
		for (c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
			struct tpacket_auxdata aux;

			if (c->cmsg_level != SOL_PACKET || c->cmsg_type != PACKET_AUXDATA)
				continue;
			memcpy(&aux, CMSG_DATA(c), sizeof(aux));
			t->status = aux.tp_status;
			t->vlan_tci = aux.tp_vlan_tci;
		}
	}
}

static int tap_open(const char *ifname)
{
	struct sockaddr_ll sll;
	int fd, one = 1;

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	if (fd < 0)
		return -1;
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	if (!sll.sll_ifindex ||
	    bind(fd, (struct sockaddr *)&sll, sizeof(sll)) ||
	    setsockopt(fd, SOL_PACKET, PACKET_AUXDATA, &one, sizeof(one))) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Event e and frame t belong to the same skb (see the header comment). */
static int same_skb(const struct ev_rec *e, const struct tap_rec *t)
{
	return e->len + ETH_HLEN == t->len || e->len + ETH_HLEN == t->len + 4;
}

static void print_ev(FILE *out, const struct ev_rec *e)
{
	fprintf(out, " event=%s protocol=0x%04x len=%u ip_summed=%u hash=0x%08x l4_hash=%u",
		e->event, e->protocol, e->len, e->ip_summed, e->hash, e->l4_hash);
	fprintf(out, " vlan_tagged=%u vlan_tci=0x%04x", e->vlan_tagged, e->vlan_tci);
}

static void print_tap(FILE *out, const struct tap_rec *t)
{
	const char *csum = t->status & TP_STATUS_CSUM_VALID ? "valid" :
			   t->status & TP_STATUS_CSUMNOTREADY ? "notready" : "none";

	fprintf(out, " pkt_type=%u tap_len=%u tap_csum=%s", t->pkt_type, t->len, csum);
	if (t->status & TP_STATUS_VLAN_VALID)
		fprintf(out, " tap_vlan=0x%04x\n", t->vlan_tci);
	else
		fprintf(out, " tap_vlan=none\n");
}

/* Pair events and frames in order, looking a few entries ahead on a mismatch. */
static void write_records(FILE *out)
{
	unsigned int i = 0, j = 0, k;

	fprintf(out, "# rx-record: %u trace events, %u frames\n", nevs, ntaps);
	if (nevs != ntaps)
		fprintf(out, "# warning: the counts differ: %s\n",
			"frames of equal length may be paired with the wrong event");
	if (tap_overflow)
		fprintf(out, "# warning: %u frames not recorded (more than %u)\n",
			tap_overflow, MAX_REC);
	while (i < ntaps || j < nevs) {
		if (i < ntaps && j < nevs && same_skb(&evs[j], &taps[i])) {
			fprintf(out, "frame=%s", taps[i].name);
			print_ev(out, &evs[j]);
			print_tap(out, &taps[i]);
			i++;
			j++;
			continue;
		}
		for (k = j + 1; i < ntaps && k < nevs && k < j + 4; k++)
			if (same_skb(&evs[k], &taps[i]))
				break;
		if (i < ntaps && k < nevs && k < j + 4) {
			/* events j..k-1 have no frame */
			for (; j < k; j++) {
				fprintf(out, "frame=?");
				print_ev(out, &evs[j]);
				fprintf(out, " pkt_type=? tap_len=? tap_csum=? tap_vlan=?\n");
			}
			continue;
		}
		if (i < ntaps) {
			fprintf(out, "frame=%s event=none protocol=? len=? ip_summed=? %s",
				taps[i].name, "hash=? l4_hash=? vlan_tagged=? vlan_tci=?");
			print_tap(out, &taps[i]);
			i++;
		} else {
			fprintf(out, "frame=?");
			print_ev(out, &evs[j]);
			fprintf(out, " pkt_type=? tap_len=? tap_csum=? tap_vlan=?\n");
			j++;
		}
	}
}

static int stop_daemon(void)
{
	unsigned int waited = 0;
	FILE *f = fopen(PID_FILE, "r");
	int pid = 0;

	if (!f || fscanf(f, "%d", &pid) != 1 || pid <= 0) {
		fprintf(stderr, "rx-record: no recorder running (%s)\n", PID_FILE);
		if (f)
			fclose(f);
		return 1;
	}
	fclose(f);
	if (kill(pid, SIGTERM) && errno == ESRCH) {
		unlink(PID_FILE);
		fprintf(stderr, "rx-record: pid %d is gone\n", pid);
		return 1;
	}
	/* The recorder removes its pid file once its records are written. */
	while (!access(PID_FILE, F_OK)) {
		if (waited >= STOP_WAIT_MS) {
			fprintf(stderr, "rx-record: pid %d did not stop\n", pid);
			return 1;
		}
		sleep_ms(10);
		waited += 10;
	}
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

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "stop", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct duration_opt timeout_opt = {
		"rx-record", "-t", 1000000, 1000000, 86400000000000ULL,
	};
	const char *ifname = "eth0", *path = NULL;
	uint64_t timeout = 0, deadline = 0;
	int opt, fd, daemon = 0, pipefd[2] = { -1, -1 };
	char tmp[512];
	FILE *out;
	pid_t pid;

	while ((opt = getopt_long(argc, argv, "i:o:t:dh", lo, NULL)) != -1) {
		switch (opt) {
		case 'i':
			ifname = optarg;
			break;
		case 'o':
			path = optarg;
			break;
		case 't':
			if (duration_arg(&timeout_opt, optarg, &timeout))
				return 2;
			break;
		case 'd':
			daemon = 1;
			break;
		case 'S':
			return stop_daemon();
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind != argc || (daemon && !path)) {
		usage(stderr);
		return 2;
	}
	if (daemon && !access(PID_FILE, F_OK)) {
		fprintf(stderr, "rx-record: already running (%s)\n", PID_FILE);
		return 1;
	}
	fd = tap_open(ifname);
	if (fd < 0) {
		fprintf(stderr, "rx-record: cannot receive on %s: %s\n", ifname,
			strerror(errno));
		return 1;
	}
	if (trace_start())
		return 1;
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	if (daemon) {
		char c;

		if (pipe(pipefd) < 0)
			return 1;
		pid = fork();
		if (pid < 0)
			return 1;
		if (pid > 0) {
			close(pipefd[1]);
			if (read(pipefd[0], &c, 1) == 1 && c == 'R') {
				printf("rx-record: recording on %s as pid %d\n", ifname, (int)pid);
				return 0;
			}
			return 1;
		}
		close(pipefd[0]);
		setsid();
		out = fopen(PID_FILE, "w");
		if (!out || fprintf(out, "%d\n", (int)getpid()) < 0 || fclose(out)) {
			fprintf(stderr, "rx-record: cannot write %s\n", PID_FILE);
			_exit(1);
		}
		if (write(pipefd[1], "R", 1) != 1)
			_exit(1);
		close(pipefd[1]);
		detach_stdio();
	}
	if (timeout)
		deadline = now_ns() + timeout;
	while (!quit && (!deadline || now_ns() < deadline)) {
		struct pollfd p = { fd, POLLIN, 0 };

		if (poll(&p, 1, 100) > 0 && tap_drain(fd))
			break;
	}
	/* Frames the stack passed up before the stop are queued: take them. */
	tap_drain(fd);
	trace_stop();

	if (path) {
		snprintf(tmp, sizeof(tmp), "%s.tmp", path);
		out = fopen(tmp, "w");
	} else {
		out = stdout;
	}
	if (out) {
		if (trace_read(ifname, out))
			fprintf(out, "# error: cannot read %s/trace\n", INSTANCE);
		write_records(out);
		if (path && (fclose(out) || rename(tmp, path)))
			unlink(tmp);
	}
	close(fd);
	rmdir(INSTANCE);
	if (daemon)
		unlink(PID_FILE);
	return out ? 0 : 1;
}
