/* SPDX-License-Identifier: GPL-2.0 */
/* frame_check.h - classify a received frame and check its integrity. */
#ifndef FRAME_CHECK_H
#define FRAME_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "nicsim_rx.h"

/*
 * A frame is one of three: a nicsim frame of its type (good or bad), bad
 * (type other: too broken to classify), or foreign: well formed but not
 * built by nicsim (no nicsim magic or marker, or a type nicsim never
 * sends), type other and never bad.  A raw run's frames are foreign.
 */
struct frame_info {
	enum nicsim_rx_type type;
	int bad;		/* failed an integrity check */
	int foreign;		/* not a nicsim frame; type is other */
	int has_seq;		/* seq is valid (good udp/icmp/tcp-syn/arp) */
	uint32_t seq;
	const char *reason;	/* why bad or foreign (static string) */
};

/* Never reads outside [f, f + len). */
void frame_check(const uint8_t *f, size_t len, struct frame_info *fi);
/* RFC 1071 sum of len bytes added to sum (not folded). */
uint32_t csum_add(uint32_t sum, const uint8_t *p, size_t len);
/* Fold and complement. */
uint16_t csum_fold(uint32_t sum);

#endif /* FRAME_CHECK_H */
