// SPDX-License-Identifier: GPL-2.0
/* frame_build.c - build the frames of nicsim_frame.h in userspace. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "frame_build.h"
#include "frame_check.h"
#include "nicsim_frame.h"

int frame_kind_parse(const char *s, enum frame_kind *k)
{
	static const char * const names[] = {
		"udp", "tcp-syn", "icmp-echo", "arp", "raw"
	};
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!strcmp(s, names[i])) {
			*k = (enum frame_kind)i;
			return 0;
		}
	}
	return -1;
}

int parse_mac(const char *s, uint8_t mac[6])
{
	unsigned int b[6];
	char tail;
	int i;

	if (sscanf(s, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3],
		   &b[4], &b[5], &tail) != 6)
		return -1;
	for (i = 0; i < 6; i++)
		mac[i] = (uint8_t)b[i];
	return 0;
}

int parse_ipv4(const char *s, uint8_t ip[4])
{
	unsigned int b[4];
	char tail;
	int i;

	if (sscanf(s, "%3u.%3u.%3u.%3u%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4)
		return -1;
	for (i = 0; i < 4; i++) {
		if (b[i] > 255)
			return -1;
		ip[i] = (uint8_t)b[i];
	}
	return 0;
}

int parse_hex(const char *s, uint8_t *buf, size_t bufsz)
{
	size_t n = 0;
	int hi = -1;

	for (; *s; s++) {
		int v;

		if (*s == ' ' || *s == ':' || *s == '\n')
			continue;
		if (!isxdigit((unsigned char)*s))
			return -1;
		v = isdigit((unsigned char)*s) ? *s - '0' :
		    tolower((unsigned char)*s) - 'a' + 10;
		if (hi < 0) {
			hi = v;
			continue;
		}
		if (n >= bufsz)
			return -1;
		buf[n++] = (uint8_t)(hi << 4 | v);
		hi = -1;
	}
	return hi < 0 ? (int)n : -1;
}

void frame_params_init(struct frame_params *p)
{
	memset(p, 0, sizeof(*p));
	p->kind = FK_UDP;
	memset(p->dst_mac, 0xff, 6);
	parse_mac(NICSIM_DEF_SRC_MAC, p->src_mac);
	parse_ipv4(NICSIM_DEF_SRC_IP, p->src_ip);
	parse_ipv4(NICSIM_DEF_DST_IP, p->dst_ip);
	p->src_port = NICSIM_DEF_PORT;
	p->dst_port = NICSIM_DEF_PORT;
	p->size = 64;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, (uint16_t)(v >> 16));
	put16(p + 2, (uint16_t)v);
}

static void fill_payload(uint8_t *p, size_t len, uint32_t seq)
{
	size_t i;

	put32(p, NICSIM_MAGIC);
	put32(p + 4, seq);
	for (i = NICSIM_HDR_LEN; i < len; i++)
		p[i] = (uint8_t)(seq + i);
}

static size_t ipv4_hdr(const struct frame_params *p, uint8_t *ip,
		       uint8_t proto, size_t l4len, uint32_t seq)
{
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(20 + l4len));
	put16(ip + 4, (uint16_t)seq);
	ip[8] = 64;
	ip[9] = proto;
	memcpy(ip + 12, p->src_ip, 4);
	memcpy(ip + 16, p->dst_ip, 4);
	put16(ip + 10, csum_fold(csum_add(0, ip, 20)));
	return 20;
}

static uint16_t l4_csum(const uint8_t *ip, uint8_t proto, const uint8_t *l4,
			size_t len)
{
	uint32_t sum = csum_add(0, ip + 12, 8) + proto + (uint32_t)len;

	return csum_fold(csum_add(sum, l4, len));
}

size_t frame_build(const struct frame_params *p, uint32_t seq, uint8_t *buf,
		   size_t bufsz)
{
	uint8_t *ip = buf + 14, *l4 = buf + 34;
	size_t len, l4len;
	uint16_t c;

	if (bufsz < NICSIM_FRAME_MAX)
		return 0;
	if (p->kind == FK_RAW) {
		if (p->raw_len < NICSIM_FRAME_MIN || p->raw_len > bufsz)
			return 0;
		memcpy(buf, p->raw, p->raw_len);
		return p->raw_len;
	}
	if ((p->kind == FK_UDP || p->kind == FK_ICMP_ECHO) &&
	    (p->size < NICSIM_SIZE_MIN || p->size > NICSIM_SIZE_MAX))
		return 0;
	memset(buf, 0, 60);
	memcpy(buf, p->dst_mac, 6);
	memcpy(buf + 6, p->src_mac, 6);
	put16(buf + 12, p->kind == FK_ARP ? 0x0806 : 0x0800);
	switch (p->kind) {
	case FK_UDP:
		l4len = 8 + p->size;
		put16(l4, p->src_port);
		put16(l4 + 2, p->dst_port);
		put16(l4 + 4, (uint16_t)l4len);
		put16(l4 + 6, 0);
		fill_payload(l4 + 8, p->size, seq);
		ipv4_hdr(p, ip, 17, l4len, seq);
		c = l4_csum(ip, 17, l4, l4len);
		put16(l4 + 6, c ? c : 0xffff);
		break;
	case FK_ICMP_ECHO:
		l4len = 8 + p->size;
		memset(l4, 0, 8);
		l4[0] = 8;
		put16(l4 + 4, 0x4d4e);		/* id */
		put16(l4 + 6, (uint16_t)seq);
		fill_payload(l4 + 8, p->size, seq);
		ipv4_hdr(p, ip, 1, l4len, seq);
		put16(l4 + 2, csum_fold(csum_add(0, l4, l4len)));
		break;
	case FK_TCP_SYN:
		l4len = 20;
		memset(l4, 0, 20);
		put16(l4, p->src_port);
		put16(l4 + 2, p->dst_port);
		put32(l4 + 4, seq);
		l4[12] = 5 << 4;
		l4[13] = 0x02;
		put16(l4 + 14, 65535);
		ipv4_hdr(p, ip, 6, l4len, seq);
		put16(l4 + 16, l4_csum(ip, 6, l4, l4len));
		break;
	case FK_ARP:
		put16(ip, 1);
		put16(ip + 2, 0x0800);
		ip[4] = 6;
		ip[5] = 4;
		put16(ip + 6, 1);
		memcpy(ip + 8, p->src_mac, 6);
		memcpy(ip + 14, p->src_ip, 4);
		ip[18] = NICSIM_ARP_MARK0;
		ip[19] = NICSIM_ARP_MARK1;
		put32(ip + 20, seq);
		memcpy(ip + 24, p->dst_ip, 4);
		return 60;
	default:
		return 0;
	}
	len = 34 + l4len;
	return len < 60 ? 60 : len;
}

void frame_fix_l4_csum(uint8_t *f, size_t len)
{
	uint8_t *ip = f + 14, *l4 = f + 34;
	size_t l4len;
	uint16_t c;

	if (len < 34 || f[12] != 0x08 || f[13] != 0x00 || ip[0] != 0x45)
		return;
	l4len = (size_t)(ip[2] << 8 | ip[3]);
	if (l4len < 20 || 14 + l4len > len)
		return;
	l4len -= 20;
	switch (ip[9]) {
	case 17:
		if (l4len < 8)
			return;
		put16(l4 + 6, 0);
		c = l4_csum(ip, 17, l4, l4len);
		put16(l4 + 6, c ? c : 0xffff);
		break;
	case 6:
		if (l4len < 20)
			return;
		put16(l4 + 16, 0);
		put16(l4 + 16, l4_csum(ip, 6, l4, l4len));
		break;
	case 1:
		if (l4len < 8)
			return;
		put16(l4 + 2, 0);
		put16(l4 + 2, csum_fold(csum_add(0, l4, l4len)));
		break;
	}
}
