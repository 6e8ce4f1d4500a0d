// SPDX-License-Identifier: GPL-2.0
/* rx_counter.c - nicsim-rx's counting and publishing (see rx_counter.h). */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "frame_check.h"
#include "rx_counter.h"
#include "shm_atomic.h"

void rx_counter_init(struct rx_counter *rc, struct nicsim_rx_area *shared,
		     const char *ifname)
{
	unsigned int i;

	memset(&rc->local, 0, sizeof(rc->local));
	for (i = 0; i < NICSIM_RX_NTYPES; i++)
		seqtrack_reset(&rc->seq[i]);
	rc->shared = shared;
	rc->local.magic = NICSIM_RX_MAGIC;
	rc->local.version = NICSIM_RX_VERSION;
	rc->local.pid = (uint32_t)getpid();
	rc->local.running = 1;
	snprintf(rc->local.ifname, sizeof(rc->local.ifname), "%s", ifname);
	if (shared) {
		/* keep the request/ack pair: a reset is only acked by us */
		rc->local.reset_req = shm_load_acquire(&shared->reset_req);
		rc->local.reset_ack = rc->local.reset_req;
		rc->local.heartbeat = shm_load(&shared->heartbeat);
		rc->local.update_gen = shm_load(&shared->update_gen);
	}
}

void rx_counter_reset(struct rx_counter *rc)
{
	struct nicsim_rx_area *l = &rc->local;
	unsigned int i;

	l->total = l->total_bad = 0;
	l->last_bad_type = l->last_bad_seq = 0;
	memset(l->last_bad_reason, 0, sizeof(l->last_bad_reason));
	memset(l->type, 0, sizeof(l->type));
	l->socket_drops = l->stack_drops = 0;
	rc->stack_base_set = 0;
	for (i = 0; i < NICSIM_RX_NTYPES; i++)
		seqtrack_reset(&rc->seq[i]);
}

void rx_counter_drops(struct rx_counter *rc, uint64_t socket_delta,
		      uint64_t rx_dropped)
{
	struct nicsim_rx_area *l = &rc->local;
	uint64_t stack;

	if (!rc->stack_base_set) {
		rc->stack_base = rx_dropped;
		rc->stack_base_set = 1;
	}
	stack = rx_dropped >= rc->stack_base ? rx_dropped - rc->stack_base : 0;
	if (!socket_delta && stack == l->stack_drops)
		return;
	l->socket_drops += socket_delta;
	l->stack_drops = stack;
	rx_counter_publish(rc);
}

void rx_counter_frame(struct rx_counter *rc, const uint8_t *f, size_t len)
{
	struct nicsim_rx_area *l = &rc->local;
	struct nicsim_rx_type_stats *ts;
	struct seqtrack *st;
	struct frame_info fi;
	enum seq_class c;

	frame_check(f, len, &fi);
	ts = &l->type[fi.type];
	st = &rc->seq[fi.type];
	l->total++;
	ts->received++;
	ts->bytes += len;
	if (fi.bad) {
		ts->bad++;
		l->total_bad++;
		l->last_bad_type = fi.type;
		l->last_bad_seq = fi.seq;
		snprintf(l->last_bad_reason, sizeof(l->last_bad_reason), "%s",
			 fi.reason);
		if (rc->verbose)
			fprintf(stderr, "nicsim-rx: bad %s frame (%zu bytes): %s\n",
				nicsim_rx_type_name(fi.type), len, fi.reason);
	} else if (fi.foreign) {
		if (rc->verbose)
			fprintf(stderr, "nicsim-rx: foreign frame (%zu bytes): %s\n",
				len, fi.reason);
	} else if (fi.has_seq) {
		c = seqtrack_add(st, fi.seq);
		if (rc->verbose && c != SEQ_IN_ORDER)
			fprintf(stderr, "nicsim-rx: %s seq %u: %s\n",
				nicsim_rx_type_name(fi.type), fi.seq,
				c == SEQ_DUP ? "duplicate" :
				c == SEQ_REORDER ? "late" : "gap before");
		ts->in_order = st->in_order;
		ts->dup = st->dup;
		ts->reorder = st->reorder;
		ts->gaps = st->gaps;
		ts->unique = st->unique;
		ts->last_seq = st->last;
		ts->max_seq = st->max;
	}
	rx_counter_publish(rc);
}

void rx_counter_publish(struct rx_counter *rc)
{
	struct nicsim_rx_area *s = rc->shared, *l = &rc->local;
	unsigned int i;

	if (!s)
		return;
	shm_store(&s->version, l->version);
	shm_store(&s->pid, l->pid);
	shm_store(&s->running, l->running);
	shm_store(&s->reset_ack, l->reset_ack);
	memcpy(s->ifname, l->ifname, sizeof(s->ifname));
	shm_store(&s->total, l->total);
	shm_store(&s->total_bad, l->total_bad);
	shm_store(&s->last_bad_type, l->last_bad_type);
	shm_store(&s->last_bad_seq, l->last_bad_seq);
	memcpy(s->last_bad_reason, l->last_bad_reason, sizeof(s->last_bad_reason));
	for (i = 0; i < NICSIM_RX_NTYPES; i++)
		s->type[i] = l->type[i];
	shm_store(&s->socket_drops, l->socket_drops);
	shm_store(&s->stack_drops, l->stack_drops);
	shm_store_release(&s->magic, l->magic);
	shm_store_release(&s->update_gen, ++l->update_gen);
}

void rx_counter_poll(struct rx_counter *rc)
{
	struct nicsim_rx_area *s = rc->shared;
	uint64_t req;

	if (!s)
		return;
	req = shm_load_acquire(&s->reset_req);
	if (req != rc->local.reset_ack) {
		rx_counter_reset(rc);
		rc->local.reset_req = req;
		rc->local.reset_ack = req;
		rx_counter_publish(rc);
		shm_store_release(&s->reset_ack, req);
	}
	shm_store_release(&s->heartbeat, ++rc->local.heartbeat);
}

uint64_t rx_counter_sync_pending(const struct rx_counter *rc)
{
	uint64_t req;

	if (!rc->shared)
		return 0;
	req = shm_load_acquire(&rc->shared->sync_req);
	return req != shm_load(&rc->shared->sync_ack) ? req : 0;
}

void rx_counter_sync_ack(struct rx_counter *rc, uint64_t req)
{
	rx_counter_publish(rc);
	shm_store_release(&rc->shared->sync_ack, req);
}

void rx_snapshot(const struct nicsim_rx_area *shared, struct nicsim_rx_area *out)
{
	int tries;

	for (tries = 0; tries < 100; tries++) {
		uint64_t g = shm_load_acquire(&shared->update_gen);

		memcpy(out, (const void *)shared, sizeof(*out));
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (shm_load(&shared->update_gen) == g)
			break;
	}
	out->last_bad_reason[sizeof(out->last_bad_reason) - 1] = '\0';
	out->ifname[sizeof(out->ifname) - 1] = '\0';
	if (out->last_bad_type >= NICSIM_RX_NTYPES)
		out->last_bad_type = NICSIM_RX_OTHER;
}

uint64_t rx_foreign(const struct nicsim_rx_area *a)
{
	const struct nicsim_rx_type_stats *o = &a->type[NICSIM_RX_OTHER];

	return o->received - o->bad;
}

void rx_summary(const struct nicsim_rx_area *a, char *buf, size_t bufsz)
{
	const struct nicsim_rx_type_stats *o = &a->type[NICSIM_RX_OTHER];
	size_t n = 0;
	unsigned int i;
	int k;

	k = snprintf(buf, bufsz, "total %llu bad %llu",
		     (unsigned long long)a->total,
		     (unsigned long long)a->total_bad);
	if (k > 0 && (size_t)k < bufsz && (a->socket_drops || a->stack_drops))
		k += snprintf(buf + k, bufsz - k, " dropped-in-socket %llu dropped-in-stack %llu",
			      (unsigned long long)a->socket_drops,
			      (unsigned long long)a->stack_drops);
	n = k > 0 ? (size_t)k : 0;
	for (i = 0; i < NICSIM_RX_OTHER && n < bufsz; i++) {
		const struct nicsim_rx_type_stats *t = &a->type[i];

		if (!t->received)
			continue;
		k = snprintf(buf + n, bufsz - n,
			     "; %s: rx %llu bad %llu dup %llu reorder %llu gaps %llu unique %llu",
			     nicsim_rx_type_name(i),
			     (unsigned long long)t->received,
			     (unsigned long long)t->bad,
			     (unsigned long long)t->dup,
			     (unsigned long long)t->reorder,
			     (unsigned long long)t->gaps,
			     (unsigned long long)t->unique);
		if (k < 0)
			break;
		n += (size_t)k;
	}
	if (o->bad && n < bufsz) {
		k = snprintf(buf + n, bufsz - n, "; %s: bad %llu",
			     nicsim_rx_type_name(NICSIM_RX_OTHER),
			     (unsigned long long)o->bad);
		n += k > 0 ? (size_t)k : 0;
	}
	if (rx_foreign(a) && n < bufsz) {
		k = snprintf(buf + n, bufsz - n, "; foreign %llu (no nicsim magic)",
			     (unsigned long long)rx_foreign(a));
		n += k > 0 ? (size_t)k : 0;
	}
	if (a->total_bad && n < bufsz)
		snprintf(buf + n, bufsz - n, "; last bad: %s (%s)",
			 nicsim_rx_type_name((unsigned int)a->last_bad_type),
			 a->last_bad_reason);
}
