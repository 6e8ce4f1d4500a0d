// SPDX-License-Identifier: GPL-2.0
/*
 * rx-frames - the frame set of the receive fidelity comparison
 * (mint-tests/rx-compare): the same frames go to node 1's e1000e once
 * through QEMU's e1000e model (sent here, on node 0's own NIC, into the
 * QEMU hub) and once through mint-nicsim (written as hex into its raw knob).
 *
 * rx-frames [--dst-mac M] [--src-mac M] list
 *	one line per frame: NAME HEX (the frame from the destination MAC on,
 *	without FCS)
 * rx-frames [--dst-mac M] [--src-mac M] [--gap D] [--only NAME] send IFACE
 *	send every frame (or one) with AF_PACKET on IFACE, D apart
 * rx-frames [--dst-mac M] [--src-mac M] write FILE.pcap
 *
 * Every frame carries the marker "MCMP" followed by its NUL-terminated name
 * in its payload (ARP: in the trailer after the ARP body), where rx-record
 * finds it on node 1.  No frame is shorter than 60 bytes, so no path pads.
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
#include "frame_check.h"
#include "pcap_io.h"
#include "rx_marker.h"
#include "units.h"

#define FRAME_MAX	1514
#define ETH_HLEN_	14
#define VLAN_TCI	0x6064		/* priority 3, VID 100 */

enum l4 { L4_UDP, L4_TCP, L4_ICMP, L4_ARP };

/* Damage done to a frame after it is built. */
enum bad { BAD_NONE, BAD_IPCSUM, BAD_L4CSUM };

enum dst { DST_NODE1, DST_BCAST, DST_MCAST, DST_WRONG };

struct frame_def {
	const char *name;
	enum l4 l4;
	enum dst dst;
	int vlan;
	enum bad bad;
	size_t len;		/* total frame length, 0: as small as fits */
};

/* The frame set.  Changing it changes what rx-compare compares. */
static const struct frame_def frames[] = {
	{ "udp",		L4_UDP,	 DST_NODE1, 0, BAD_NONE,   0 },
	{ "tcp",		L4_TCP,	 DST_NODE1, 0, BAD_NONE,   0 },
	{ "icmp-echo",		L4_ICMP, DST_NODE1, 0, BAD_NONE,   0 },
	{ "arp",		L4_ARP,	 DST_BCAST, 0, BAD_NONE,   0 },
	{ "vlan-udp",		L4_UDP,	 DST_NODE1, 1, BAD_NONE,   0 },
	{ "udp-bad-ipcsum",	L4_UDP,	 DST_NODE1, 0, BAD_IPCSUM, 0 },
	{ "udp-bad-l4csum",	L4_UDP,	 DST_NODE1, 0, BAD_L4CSUM, 0 },
	{ "tcp-bad-l4csum",	L4_TCP,	 DST_NODE1, 0, BAD_L4CSUM, 0 },
	{ "mcast-unjoined",	L4_UDP,	 DST_MCAST, 0, BAD_NONE,   0 },
	{ "wrong-mac",		L4_UDP,	 DST_WRONG, 0, BAD_NONE,   0 },
	{ "bcast-udp",		L4_UDP,	 DST_BCAST, 0, BAD_NONE,   0 },
	{ "udp-60",		L4_UDP,	 DST_NODE1, 0, BAD_NONE,   60 },
	{ "udp-1514",		L4_UDP,	 DST_NODE1, 0, BAD_NONE,   1514 },
};

#define NR_FRAMES	(sizeof(frames) / sizeof(frames[0]))

static const uint8_t mcast_mac[6] = { 0x01, 0x00, 0x5e, 0x01, 0x02, 0x03 };
static const uint8_t mcast_ip[4] = { 239, 1, 2, 3 };
static const uint8_t wrong_mac[6] = { 0x52, 0x54, 0x00, 0xaa, 0xbb, 0xcc };
static const uint8_t bcast_ip[4] = { 255, 255, 255, 255 };

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static uint16_t ip_csum(const uint8_t *p, size_t len)
{
	return csum_fold(csum_add(0, p, len));
}

static uint16_t l4_csum(const uint8_t *ip, uint8_t proto, const uint8_t *l4,
			size_t len)
{
	uint32_t sum = csum_add(0, ip + 12, 8) + proto + (uint32_t)len;

	return csum_fold(csum_add(sum, l4, len));
}

/* A checksum that is wrong and, for UDP, not 0 ("no checksum"). */
static void spoil(uint8_t *p)
{
	p[0] ^= 0x55;
	p[1] ^= 0x55;
	if (!p[0] && !p[1])
		p[1] = 0x01;
}

/* Write the marker at p (room bytes); returns bytes written or 0. */
static size_t put_marker(uint8_t *p, size_t room, const char *name)
{
	size_t n = strlen(RX_MARKER) + strlen(name) + 1;

	if (n > room)
		return 0;
	memcpy(p, RX_MARKER, strlen(RX_MARKER));
	memcpy(p + strlen(RX_MARKER), name, strlen(name) + 1);
	return n;
}

/*
 * Build frame d into buf (FRAME_MAX bytes); returns its length or 0.
 * Payload after the marker: byte i = i & 0xff.
 */
static size_t build(const struct frame_def *d, const uint8_t node1_mac[6],
		    const uint8_t src_mac[6], uint8_t *buf)
{
	static const uint8_t bcast_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	struct frame_params def;
	const uint8_t *dmac = node1_mac, *dip;
	size_t l2, l4h, len, pay, i;
	uint8_t *ip, *l4;

	frame_params_init(&def);
	dip = def.dst_ip;
	switch (d->dst) {
	case DST_BCAST:
		dmac = bcast_mac;
		if (d->l4 != L4_ARP)
			dip = bcast_ip;
		break;
	case DST_MCAST:
		dmac = mcast_mac;
		dip = mcast_ip;
		break;
	case DST_WRONG:
		dmac = wrong_mac;
		break;
	case DST_NODE1:
		break;
	}
	memset(buf, 0, FRAME_MAX);
	memcpy(buf, dmac, 6);
	memcpy(buf + 6, src_mac, 6);
	l2 = 12;
	if (d->vlan) {
		put16(buf + l2, ETH_P_8021Q);
		put16(buf + l2 + 2, VLAN_TCI);
		l2 += 4;
	}
	if (d->l4 == L4_ARP) {
		uint8_t *a = buf + l2 + 2;

		put16(buf + l2, ETH_P_ARP);
		put16(a, 1);			/* Ethernet */
		put16(a + 2, ETH_P_IP);
		a[4] = 6;
		a[5] = 4;
		put16(a + 6, 1);		/* request */
		memcpy(a + 8, src_mac, 6);
		memcpy(a + 14, def.src_ip, 4);
		memcpy(a + 24, dip, 4);
		len = l2 + 2 + 28;
		len += put_marker(buf + len, FRAME_MAX - len, d->name);
		return len < 60 ? 60 : len;
	}
	put16(buf + l2, ETH_P_IP);
	ip = buf + l2 + 2;
	l4 = ip + 20;
	l4h = d->l4 == L4_TCP ? 20 : 8;
	pay = 32;
	if (d->len) {
		if (d->len < (size_t)(l4 + l4h - buf) + 8)
			return 0;
		pay = d->len - (size_t)(l4 + l4h - buf);
	}
	for (i = 0; i < pay; i++)
		l4[l4h + i] = (uint8_t)i;
	if (!put_marker(l4 + l4h, pay, d->name))
		return 0;
	len = (size_t)(l4 + l4h - buf) + pay;
	if (len > FRAME_MAX)
		return 0;

	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(20 + l4h + pay));
	put16(ip + 4, 0x4d43);			/* ID "MC" */
	put16(ip + 6, 0x4000);			/* DF */
	ip[8] = 64;
	memcpy(ip + 12, def.src_ip, 4);
	memcpy(ip + 16, dip, 4);
	switch (d->l4) {
	case L4_UDP:
		ip[9] = IPPROTO_UDP;
		put16(l4, 1024);
		put16(l4 + 2, 9);		/* discard */
		put16(l4 + 4, (uint16_t)(8 + pay));
		put16(l4 + 6, l4_csum(ip, IPPROTO_UDP, l4, 8 + pay));
		if (!l4[6] && !l4[7])
			put16(l4 + 6, 0xffff);	/* 0 means "no checksum" */
		if (d->bad == BAD_L4CSUM)
			spoil(l4 + 6);
		break;
	case L4_TCP:
		ip[9] = IPPROTO_TCP;
		put16(l4, 1024);
		put16(l4 + 2, 9);
		put16(l4 + 4, 0x4d43);		/* seq */
		put16(l4 + 10, 1);		/* ack */
		l4[12] = 5 << 4;
		l4[13] = 0x18;			/* PSH | ACK */
		put16(l4 + 14, 64240);
		put16(l4 + 16, l4_csum(ip, IPPROTO_TCP, l4, 20 + pay));
		if (d->bad == BAD_L4CSUM)
			spoil(l4 + 16);
		break;
	case L4_ICMP:
		ip[9] = IPPROTO_ICMP;
		l4[0] = 8;			/* echo request */
		put16(l4 + 4, 0x4d43);		/* id */
		put16(l4 + 6, 1);		/* sequence */
		put16(l4 + 2, ip_csum(l4, 8 + pay));
		if (d->bad == BAD_L4CSUM)
			spoil(l4 + 2);
		break;
	case L4_ARP:
		return 0;
	}
	put16(ip + 10, ip_csum(ip, 20));
	if (d->bad == BAD_IPCSUM)
		spoil(ip + 10);
	return len;
}

static void usage(FILE *f)
{
	fprintf(f, "usage: rx-frames [--dst-mac M] [--src-mac M] list\n"
		"       rx-frames [--dst-mac M] [--src-mac M] [--gap D] [--only NAME] send IFACE\n"
		"       rx-frames [--dst-mac M] [--src-mac M] write FILE.pcap\n"
		"--dst-mac: node 1's MAC (default 52:54:00:12:34:56); D: a duration\n"
		"with a unit (default 10ms).\n");
}

static int send_frames(const char *ifname, const uint8_t *dst, const uint8_t *src,
		       const char *only, uint64_t gap)
{
	static uint8_t buf[FRAME_MAX];
	struct sockaddr_ll sll;
	size_t i, len;
	int fd, sent = 0;

	fd = socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL));
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = (int)if_nametoindex(ifname);
	sll.sll_halen = 6;
	if (fd < 0 || !sll.sll_ifindex) {
		fprintf(stderr, "rx-frames: cannot send on %s: %s\n", ifname,
			strerror(errno));
		return 1;
	}
	for (i = 0; i < NR_FRAMES; i++) {
		if (only && strcmp(only, frames[i].name))
			continue;
		len = build(&frames[i], dst, src, buf);
		if (!len) {
			fprintf(stderr, "rx-frames: cannot build %s\n", frames[i].name);
			return 1;
		}
		while (sendto(fd, buf, len, 0, (struct sockaddr *)&sll,
			      sizeof(sll)) < 0) {
			if (errno != ENOBUFS) {
				fprintf(stderr, "rx-frames: sendto %s: %s\n",
					frames[i].name, strerror(errno));
				return 1;
			}
			sleep_ms(1);
		}
		sent++;
		if (gap)
			usleep((useconds_t)(gap / 1000));
	}
	close(fd);
	if (!sent) {
		fprintf(stderr, "rx-frames: no frame named %s\n", only);
		return 2;
	}
	return 0;
}

static int write_frames(const char *path, const uint8_t *dst, const uint8_t *src)
{
	static uint8_t buf[FRAME_MAX];
	struct pcap_io_writer pw;
	size_t i, len;

	if (pcap_io_open_write(&pw, path))
		goto err;
	for (i = 0; i < NR_FRAMES; i++) {
		len = build(&frames[i], dst, src, buf);
		if (!len) {
			fprintf(stderr, "rx-frames: cannot build %s\n", frames[i].name);
			pcap_io_close_write(&pw);
			return 1;
		}
		pcap_io_write(&pw, buf, len);
	}
	if (!pcap_io_close_write(&pw))
		return 0;
err:
	fprintf(stderr, "rx-frames: %s\n", pw.err);
	return 1;
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "dst-mac", required_argument, NULL, 'D' },
		{ "src-mac", required_argument, NULL, 'S' },
		{ "gap", required_argument, NULL, 'g' },
		{ "only", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const struct duration_opt gap_opt = {
		"rx-frames", "--gap", 1000, 0, 10000000000ULL,
	};
	static uint8_t buf[FRAME_MAX];
	uint8_t dst[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	struct frame_params def;
	const char *only = NULL, *cmd;
	uint64_t gap = 10000000;
	size_t i, j, len;
	int opt;

	frame_params_init(&def);
	while ((opt = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (opt) {
		case 'D':
			if (parse_mac(optarg, dst))
				goto bad_arg;
			break;
		case 'S':
			if (parse_mac(optarg, def.src_mac))
				goto bad_arg;
			break;
		case 'g':
			if (duration_arg(&gap_opt, optarg, &gap))
				return 2;
			break;
		case 'o':
			only = optarg;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	cmd = argv[optind++];
	if (!strcmp(cmd, "send") && optind + 1 == argc)
		return send_frames(argv[optind], dst, def.src_mac, only, gap);
	if (!strcmp(cmd, "list") && optind == argc) {
		for (i = 0; i < NR_FRAMES; i++) {
			len = build(&frames[i], dst, def.src_mac, buf);
			if (!len)
				return 1;
			printf("%s ", frames[i].name);
			for (j = 0; j < len; j++)
				printf("%02x", buf[j]);
			printf("\n");
		}
		return 0;
	}
	if (!strcmp(cmd, "write") && optind + 1 == argc)
		return write_frames(argv[optind], dst, def.src_mac);
	usage(stderr);
	return 2;
bad_arg:
	fprintf(stderr, "rx-frames: bad value '%s'\n", optarg);
	return 2;
}
