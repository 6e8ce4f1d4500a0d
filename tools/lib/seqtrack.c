// SPDX-License-Identifier: GPL-2.0
/* seqtrack.c - classify sequence numbers (see seqtrack.h). */
#include <string.h>

#include "seqtrack.h"

static int test_bit_(const struct seqtrack *t, uint64_t seq)
{
	uint64_t b = seq % SEQ_WINDOW;

	return (t->bits[b / 64] >> (b % 64)) & 1;
}

static void set_bit_(struct seqtrack *t, uint64_t seq)
{
	uint64_t b = seq % SEQ_WINDOW;

	t->bits[b / 64] |= 1ULL << (b % 64);
}

static void clear_bit_(struct seqtrack *t, uint64_t seq)
{
	uint64_t b = seq % SEQ_WINDOW;

	t->bits[b / 64] &= ~(1ULL << (b % 64));
}

void seqtrack_reset(struct seqtrack *t)
{
	memset(t, 0, sizeof(*t));
}

enum seq_class seqtrack_add(struct seqtrack *t, uint64_t seq)
{
	enum seq_class c;
	uint64_t s;

	t->last = seq;
	if (!t->any || seq > t->max) {
		uint64_t from = t->any ? t->max + 1 : 0;

		/* seqs start at 0 each run: a first seq > 0 means a gap */
		if (seq - from >= SEQ_WINDOW)
			memset(t->bits, 0, sizeof(t->bits));
		else
			for (s = from; s < seq; s++)
				clear_bit_(t, s);
		c = seq == from ? SEQ_IN_ORDER : SEQ_AHEAD;
		t->gaps += seq - from;
		t->any = 1;
		t->max = seq;
		set_bit_(t, seq);
		t->unique++;
		if (c == SEQ_IN_ORDER)
			t->in_order++;
		return c;
	}
	if (t->max - seq >= SEQ_WINDOW) {
		t->reorder++;	/* too old to tell; assume late */
		t->unique++;
		return SEQ_REORDER;
	}
	if (test_bit_(t, seq)) {
		t->dup++;
		return SEQ_DUP;
	}
	set_bit_(t, seq);
	t->reorder++;
	t->unique++;
	return SEQ_REORDER;
}
