// SPDX-License-Identifier: GPL-2.0
/* frame_check.c - classify a received frame and check its integrity. */
#include <string.h>

#include "frame_check.h"
#include "nicsim_frame.h"

#define ETH_HLEN_	14
#define ETHERTYPE_IP	0x0800
#define ETHERTYPE_ARP	0x0806

static uint16_t be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len)
{
	size_t i;

	for (i = 0; i + 1 < len; i += 2)
		sum += be16(p + i);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	return sum;
}

uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

static void set_bad(struct frame_info *fi, const char *why)
{
	fi->bad = 1;
	fi->foreign = 0;
	fi->has_seq = 0;
	fi->reason = why;
}

static void set_foreign(struct frame_info *fi, const char *why)
{
	fi->type = NICSIM_RX_OTHER;
	fi->foreign = 1;
	fi->has_seq = 0;
	fi->reason = why;
}

/* Payload of udp / icmp-echo: magic, seq, pattern. */
static void check_payload(const uint8_t *p, size_t len, struct frame_info *fi)
{
	uint32_t seq;
	size_t i;

	if (len < NICSIM_HDR_LEN || be32(p) != NICSIM_MAGIC)
		return set_foreign(fi, "no nicsim magic");
	seq = be32(p + 4);
	for (i = NICSIM_HDR_LEN; i < len; i++)
		if (p[i] != (uint8_t)(seq + i))
			return set_bad(fi, "bad payload pattern");
	fi->seq = seq;
	fi->has_seq = 1;
}

static uint32_t pseudo_sum(const uint8_t *ip, uint8_t proto, size_t l4len)
{
	uint32_t sum = csum_add(0, ip + 12, 8);	/* saddr, daddr */

	return sum + proto + (uint32_t)l4len;
}

static void check_udp(const uint8_t *ip, const uint8_t *l4, size_t l4len,
		      struct frame_info *fi)
{
	fi->type = NICSIM_RX_UDP;
	if (l4len < 8)
		return set_bad(fi, "udp truncated");
	if (be16(l4 + 4) != l4len)
		return set_bad(fi, "udp length");
	if (be16(l4 + 6) &&
	    csum_fold(csum_add(pseudo_sum(ip, 17, l4len), l4, l4len)))
		return set_bad(fi, "udp checksum");
	check_payload(l4 + 8, l4len - 8, fi);
}

static void check_tcp(const uint8_t *ip, const uint8_t *l4, size_t l4len,
		      struct frame_info *fi)
{
	size_t doff;
	uint8_t flags;

	if (l4len < 20) {
		fi->type = NICSIM_RX_OTHER;
		return set_bad(fi, "tcp truncated");
	}
	flags = l4[13];
	if ((flags & 0x3f) != 0x02)	/* not a pure SYN */
		return set_foreign(fi, "not a nicsim frame type");
	fi->type = NICSIM_RX_TCP_SYN;
	doff = (size_t)(l4[12] >> 4) * 4;
	if (doff < 20 || doff > l4len)
		return set_bad(fi, "tcp data offset");
	if (csum_fold(csum_add(pseudo_sum(ip, 6, l4len), l4, l4len)))
		return set_bad(fi, "tcp checksum");
	fi->seq = be32(l4 + 4);
	fi->has_seq = 1;
}

static void check_icmp(const uint8_t *l4, size_t l4len, struct frame_info *fi)
{
	if (l4len < 8 || l4[0] != 8 || l4[1] != 0)	/* not an echo request */
		return set_foreign(fi, "not a nicsim frame type");
	fi->type = NICSIM_RX_ICMP_ECHO;
	if (csum_fold(csum_add(0, l4, l4len)))
		return set_bad(fi, "icmp checksum");
	check_payload(l4 + 8, l4len - 8, fi);
}

static void check_ipv4(const uint8_t *ip, size_t len, struct frame_info *fi)
{
	size_t ihl, tot;

	fi->type = NICSIM_RX_OTHER;
	if (len < 20 || (ip[0] >> 4) != 4)
		return set_bad(fi, "ipv4 truncated");
	ihl = (size_t)(ip[0] & 0xf) * 4;
	tot = be16(ip + 2);
	if (ihl < 20 || ihl > len)
		return set_bad(fi, "ipv4 header length");
	if (tot < ihl || tot > len)
		return set_bad(fi, "ipv4 total length");
	if (be16(ip + 6) & 0x3fff)	/* MF or fragment offset */
		return set_foreign(fi, "ipv4 fragment");
	switch (ip[9]) {
	case 17:
		check_udp(ip, ip + ihl, tot - ihl, fi);
		break;
	case 6:
		check_tcp(ip, ip + ihl, tot - ihl, fi);
		break;
	case 1:
		check_icmp(ip + ihl, tot - ihl, fi);
		break;
	default:
		set_foreign(fi, "not a nicsim frame type");
	}
	/* classified by protocol above, so a bad header counts per type */
	if (csum_fold(csum_add(0, ip, ihl)))
		set_bad(fi, "ipv4 header checksum");
}

static void check_arp(const uint8_t *a, size_t len, struct frame_info *fi)
{
	const uint8_t *tha;

	if (len < 28 || be16(a) != 1 || be16(a + 2) != ETHERTYPE_IP ||
	    a[4] != 6 || a[5] != 4 || be16(a + 6) != 1)
		return set_foreign(fi, "not a nicsim frame type");
	tha = a + 18;
	if (tha[0] != NICSIM_ARP_MARK0 || tha[1] != NICSIM_ARP_MARK1)
		return set_foreign(fi, "no nicsim marker");
	fi->type = NICSIM_RX_ARP;
	fi->seq = be32(tha + 2);
	fi->has_seq = 1;
}

void frame_check(const uint8_t *f, size_t len, struct frame_info *fi)
{
	memset(fi, 0, sizeof(*fi));
	fi->type = NICSIM_RX_OTHER;
	if (len < ETH_HLEN_)
		return set_bad(fi, "runt frame");
	switch (be16(f + 12)) {
	case ETHERTYPE_IP:
		return check_ipv4(f + ETH_HLEN_, len - ETH_HLEN_, fi);
	case ETHERTYPE_ARP:
		return check_arp(f + ETH_HLEN_, len - ETH_HLEN_, fi);
	}
	set_foreign(fi, "not a nicsim frame type");
}
