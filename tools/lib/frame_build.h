/* SPDX-License-Identifier: GPL-2.0 */
/*
 * frame_build.h - build the frames of nicsim_frame.h in userspace: a
 * reference for the kernel's builder and a source of test traffic.
 */
#ifndef FRAME_BUILD_H
#define FRAME_BUILD_H

#include <stddef.h>
#include <stdint.h>

enum frame_kind { FK_UDP, FK_TCP_SYN, FK_ICMP_ECHO, FK_ARP, FK_RAW };

struct frame_params {
	enum frame_kind kind;
	uint8_t dst_mac[6], src_mac[6];
	uint8_t src_ip[4], dst_ip[4];
	uint16_t src_port, dst_port;
	size_t size;			/* udp/icmp payload bytes */
	const uint8_t *raw;		/* FK_RAW */
	size_t raw_len;
};

/* Kind from a nicsim type name (udp, tcp-syn, icmp-echo, arp, raw). */
int frame_kind_parse(const char *s, enum frame_kind *k);
int parse_mac(const char *s, uint8_t mac[6]);
int parse_ipv4(const char *s, uint8_t ip[4]);
/* "0a0b..." (spaces and colons allowed) into buf; returns bytes or -1. */
int parse_hex(const char *s, uint8_t *buf, size_t bufsz);
/* Fill defaults (udp, broadcast dst, contract's src/ip/ports, size 64). */
void frame_params_init(struct frame_params *p);
/* Build frame seq into buf (>= 1514 bytes); returns length or 0. */
size_t frame_build(const struct frame_params *p, uint32_t seq, uint8_t *buf,
		   size_t bufsz);

/* Recompute the UDP / ICMP / TCP checksum of a built IPv4 frame. */
void frame_fix_l4_csum(uint8_t *f, size_t len);

#endif /* FRAME_BUILD_H */
