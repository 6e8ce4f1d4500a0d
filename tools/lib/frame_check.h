/* SPDX-License-Identifier: GPL-2.0 */
/* frame_check.h - classify a received frame and check its integrity. */
#ifndef FRAME_CHECK_H
#define FRAME_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "nicsim_rx.h"

struct frame_info {
	enum nicsim_rx_type type;
	int bad;		/* failed an integrity check */
	int has_seq;		/* seq is valid (good udp/icmp/tcp-syn/arp) */
	uint32_t seq;
	const char *reason;	/* why bad (static string) */
};

/* Never reads outside [f, f + len). */
void frame_check(const uint8_t *f, size_t len, struct frame_info *fi);
/* RFC 1071 sum of len bytes added to sum (not folded). */
uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len);
/* Fold and complement. */
uint16_t csum_fold(uint32_t sum);

#endif /* FRAME_CHECK_H */
