// SPDX-License-Identifier: GPL-2.0
/*
 * nicsim-tx - send (or write to a pcap file) the frames mint-nicsim would
 * inject, from userspace.  A reference for the frame format and a traffic
 * source for testing nicsim-rx without a Mint kernel; it can also corrupt,
 * repeat or reorder frames on purpose.
 *
 * nicsim-tx [--type T] [--count N] [--size S] [--raw HEX] [--dst-mac M]
 *           [--seqs LIST] [--corrupt LIST --corrupt-mode MODE]
 *           [--burst N] [--interval D] (-i IFACE | -w FILE.pcap)
 * LIST: comma-separated seqs or ranges (0-99,99,101-200); --seqs overrides
 * --count.  MODE: ipcsum, l4csum, magic, pattern (default pattern); a
 * frame with a damaged magic is foreign to nicsim-rx, not bad.  D: a
 * duration with a unit (units.h).
 *
 * Pacing as mint-nicsim's: frames go out in bursts of N (default 1), back to
 * back, and burst k is due at start + k x D (D: between two bursts, not two
 * frames; 0ns: no wait).  The wait is a busy-wait on the monotonic clock.
 * Deadlines are kept when late (bursts that are due go back to back); a
 * burst more than 10 ms (or one interval, if longer) late restarts the
 * schedule from now, and the number of such overruns goes to stderr at the
 * end.
 * "--burst 8 --interval 1ms --count 1600" on a NIC of the QEMU hub is
 * mint-tests/irq-pattern's traffic through QEMU's e1000e model.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "frame_build.h"
#include "nicsim_frame.h"
#include "pcap_io.h"
#include "units.h"

#define MAX_SEQS	(1u << 22)
#define BURST_MAX	256u		/* mint-nicsim's limit for its burst knob */
#define BEHIND_MAX_NS	10000000ull	/* mint-nicsim's NICSIM_PACER_BEHIND_MAX_NS */

struct seqlist {
	uint32_t *v;
	size_t n;
};

static int list_add(struct seqlist *l, uint64_t a, uint64_t b)
{
	if (a > b || b > UINT32_MAX || b - a >= MAX_SEQS || l->n + (b - a + 1) > MAX_SEQS)
		return -1;
	if (!l->v) {
		l->v = malloc(MAX_SEQS * sizeof(*l->v));
		if (!l->v)
			return -1;
	}
	for (; a <= b; a++)
		l->v[l->n++] = (uint32_t)a;
	return 0;
}

static int parse_list(const char *s, struct seqlist *l)
{
	char *dup = strdup(s), *tok, *save = NULL;
	int err = 0;

	if (!dup)
		return -1;
	for (tok = strtok_r(dup, ",", &save); tok && !err;
	     tok = strtok_r(NULL, ",", &save)) {
		char *dash = strchr(tok, '-');
		uint64_t a, b;

		if (dash)
			*dash = '\0';
		if (parse_u64(tok, &a) || (dash && parse_u64(dash + 1, &b)))
			err = -1;
		else
			err = list_add(l, a, dash ? b : a);
	}
	free(dup);
	return err;
}

static int in_list(const struct seqlist *l, uint32_t seq)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] == seq)
			return 1;
	return 0;
}

/* Damage a built frame so that one integrity check fails. */
static void corrupt(uint8_t *f, size_t len, enum frame_kind k, const char *mode)
{
	size_t pay = 14 + 20 + (k == FK_TCP_SYN ? 20 : 8);

	if (!strcmp(mode, "ipcsum") && k != FK_ARP)
		f[14 + 10] ^= 0x55;
	else if (!strcmp(mode, "l4csum") && k != FK_ARP)
		f[14 + 20 + (k == FK_UDP ? 6 : k == FK_TCP_SYN ? 16 : 2)] ^= 0x55;
	else if (k == FK_ARP)
		f[14 + 18] ^= 0x55;	/* target hardware marker */
	else if (!strcmp(mode, "magic") && k != FK_TCP_SYN)
		f[pay] ^= 0x55;
	else if (len > pay + 8)
		f[pay + 8] ^= 0x55;	/* pattern */
	else
		return;
	/* magic / pattern: keep checksums valid so the payload check fires */
	if (strcmp(mode, "ipcsum") && strcmp(mode, "l4csum"))
		frame_fix_l4_csum(f, len);
}

static void usage(FILE *f)
{
	fprintf(f, "usage: nicsim-tx [--type udp|tcp-syn|icmp-echo|arp|raw] [--count N]\n"
		"  [--size S] [--raw HEX] [--dst-mac M] [--src-mac M] [--seqs LIST]\n"
		"  [--corrupt LIST] [--corrupt-mode ipcsum|l4csum|magic|pattern]\n"
		"  [--burst N] [--interval D] (-i IFACE | -w FILE.pcap)\n"
		"N: frames sent back to back, 1..%u (default 1); D: between the\n"
		"starts of two bursts, a duration with a unit: ns, us, ms or s.\n",
		BURST_MAX);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "type", required_argument, NULL, 'T' },
		{ "count", required_argument, NULL, 'c' },
		{ "size", required_argument, NULL, 's' },
		{ "raw", required_argument, NULL, 'R' },
		{ "dst-mac", required_argument, NULL, 'D' },
		{ "src-mac", required_argument, NULL, 'S' },
		{ "seqs", required_argument, NULL, 'q' },
		{ "corrupt", required_argument, NULL, 'C' },
		{ "corrupt-mode", required_argument, NULL, 'M' },
		{ "interval", required_argument, NULL, 'I' },
		{ "burst", required_argument, NULL, 'b' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct duration_opt interval_opt = {
		"nicsim-tx", "--interval", 1, 0, UINT64_MAX,
	};
	static uint8_t raw[NICSIM_FRAME_MAX], buf[NICSIM_FRAME_MAX];
	struct seqlist seqs = { 0 }, bad = { 0 };
	const char *ifname = NULL, *pcap = NULL, *mode = "pattern";
	uint64_t count = 1, interval = 0, burst = 1, overruns = 0, due = 0, v;
	struct frame_params p;
	struct sockaddr_ll sll;
	struct pcap_io_writer pw;
	int opt, fd = -1, n;
	size_t i;

	frame_params_init(&p);
	while ((opt = getopt_long(argc, argv, "i:w:h", lo, NULL)) != -1) {
		switch (opt) {
		case 'T':
			if (frame_kind_parse(optarg, &p.kind))
				goto bad_arg;
			break;
		case 'c':
			if (parse_u64(optarg, &count) || !count || count > MAX_SEQS)
				goto bad_arg;
			break;
		case 's':
			if (parse_u64(optarg, &v) || v < NICSIM_SIZE_MIN ||
			    v > NICSIM_SIZE_MAX)
				goto bad_arg;
			p.size = (size_t)v;
			break;
		case 'R':
			n = parse_hex(optarg, raw, sizeof(raw));
			if (n < (int)NICSIM_FRAME_MIN)
				goto bad_arg;
			p.raw = raw;
			p.raw_len = (size_t)n;
			break;
		case 'D':
			if (parse_mac(optarg, p.dst_mac))
				goto bad_arg;
			break;
		case 'S':
			if (parse_mac(optarg, p.src_mac))
				goto bad_arg;
			break;
		case 'q':
			if (parse_list(optarg, &seqs))
				goto bad_arg;
			break;
		case 'C':
			if (parse_list(optarg, &bad))
				goto bad_arg;
			break;
		case 'M':
			mode = optarg;
			break;
		case 'I':
			if (duration_arg(&interval_opt, optarg, &interval))
				return 2;
			break;
		case 'b':
			if (parse_u64(optarg, &burst) || !burst || burst > BURST_MAX)
				goto bad_arg;
			break;
		case 'i':
			ifname = optarg;
			break;
		case 'w':
			pcap = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (!ifname == !pcap || optind != argc || (p.kind == FK_RAW && !p.raw)) {
		usage(stderr);
		return 2;
	}
	if (!seqs.n && list_add(&seqs, 0, count - 1))
		return 2;
	if (pcap) {
		if (pcap_io_open_write(&pw, pcap)) {
			fprintf(stderr, "nicsim-tx: %s\n", pw.err);
			return 1;
		}
	} else {
		fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
		memset(&sll, 0, sizeof(sll));
		sll.sll_family = AF_PACKET;
		sll.sll_ifindex = (int)if_nametoindex(ifname);
		sll.sll_halen = 6;
		if (fd < 0 || !sll.sll_ifindex) {
			fprintf(stderr, "nicsim-tx: cannot send on %s: %s\n", ifname,
				strerror(errno));
			return 1;
		}
	}
	for (i = 0; i < seqs.n; i++) {
		size_t len = frame_build(&p, seqs.v[i], buf, sizeof(buf));

		/* The first frame of a burst waits for the burst's deadline. */
		if (interval && !(i % burst)) {
			uint64_t now = now_ns();

			if (!i) {
				due = now;
			} else if (now > due + (interval > BEHIND_MAX_NS ?
						interval : BEHIND_MAX_NS)) {
				overruns++;
				due = now;
			} else {
				while (now_ns() < due)
					;
			}
			due += interval;
		}

		if (!len) {
			fprintf(stderr, "nicsim-tx: cannot build frame\n");
			return 1;
		}
		if (in_list(&bad, seqs.v[i]))
			corrupt(buf, len, p.kind, mode);
		if (pcap) {
			pcap_io_write(&pw, buf, len);
		} else {
			while (sendto(fd, buf, len, 0, (struct sockaddr *)&sll,
				      sizeof(sll)) < 0) {
				if (errno != ENOBUFS) {
					perror("nicsim-tx: sendto");
					return 1;
				}
				sleep_ms(1);
			}
		}
	}
	if (overruns)
		fprintf(stderr, "nicsim-tx: %llu burst(s) too late to catch up: schedule restarted\n",
			(unsigned long long)overruns);
	if (pcap && pcap_io_close_write(&pw)) {
		fprintf(stderr, "nicsim-tx: %s\n", pw.err);
		return 1;
	}
	return 0;
bad_arg:
	fprintf(stderr, "nicsim-tx: bad value '%s'\n", optarg);
	return 2;
}
