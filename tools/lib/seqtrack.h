/* SPDX-License-Identifier: GPL-2.0 */
/*
 * seqtrack.h - classify sequence numbers: in order, duplicate, late
 * (reordered), and count gaps.  Exact within a window of SEQ_WINDOW below
 * the highest seq seen; older seqs count as reordered.
 */
#ifndef SEQTRACK_H
#define SEQTRACK_H

#include <stdint.h>

#define SEQ_WINDOW	65536u

enum seq_class { SEQ_IN_ORDER, SEQ_DUP, SEQ_REORDER, SEQ_AHEAD };

struct seqtrack {
	int any;
	uint64_t max;
	uint64_t in_order, dup, reorder, gaps, unique, last;
	uint64_t bits[SEQ_WINDOW / 64];
};

void seqtrack_reset(struct seqtrack *t);
/* SEQ_AHEAD: seq > max + 1 (gaps counted). */
enum seq_class seqtrack_add(struct seqtrack *t, uint64_t seq);

#endif /* SEQTRACK_H */
