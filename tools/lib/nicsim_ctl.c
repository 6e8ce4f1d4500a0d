// SPDX-License-Identifier: GPL-2.0
/* nicsim_ctl.c - drive one mint-nicsim run (see nicsim_ctl.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "nicsim_ctl.h"
#include "rx_client.h"
#include "sysfs_io.h"
#include "units.h"

#define STATE_POLL_MS	5

int nicsim_opts_add(struct nicsim_run_opts *o, const char *name,
		    const char *value)
{
	if (o->nknobs >= NICSIM_MAX_KNOBS)
		return -E2BIG;
	o->knobs[o->nknobs].name = name;
	o->knobs[o->nknobs].value = value;
	o->nknobs++;
	return 0;
}

static uint64_t stat_or_none(const char *name)
{
	char rel[64];
	uint64_t v;

	snprintf(rel, sizeof(rel), "stats/%s", name);
	return sysfs_read_u64_at(nicsim_sysfs_root(), rel, &v) ? NICSIM_STAT_NONE : v;
}

void nicsim_read_stats(struct nicsim_stats *st)
{
	static const char * const drops[] = {
		"drops_ring_full", "drops_too_big", "drops_bad_desc",
	};
	size_t i;

	st->frames_sent = stat_or_none("frames_sent");
	st->irqs_sent = stat_or_none("irqs_sent");
	st->drops_ring_full = stat_or_none("drops_ring_full");
	st->drops_total = 0;
	for (i = 0; i < sizeof(drops) / sizeof(drops[0]); i++) {
		uint64_t v = stat_or_none(drops[i]);

		if (v != NICSIM_STAT_NONE)
			st->drops_total += v;
	}
	st->interval_min_ns = stat_or_none("interval_min_ns");
	st->interval_avg_ns = stat_or_none("interval_avg_ns");
	st->interval_max_ns = stat_or_none("interval_max_ns");
	st->interval_p50_ns = stat_or_none("interval_p50_ns");
	st->interval_p99_ns = stat_or_none("interval_p99_ns");
}

static int read_state(char *buf, size_t sz)
{
	int n = sysfs_read_at(nicsim_sysfs_root(), "state", buf, sz);

	if (n < 0)
		snprintf(buf, sz, "?");
	return n;
}

static int terminal(const char *s)
{
	return !strcmp(s, "done") || !strcmp(s, "stopped") ||
	       !strcmp(s, "error") || !strcmp(s, "idle");
}

static int fail(struct nicsim_run_result *r, int code, const char *fmt,
		const char *a, const char *b)
{
	snprintf(r->error, sizeof(r->error), fmt, a, b);
	return code;
}

static unsigned int default_timeout_ms(const struct nicsim_run_result *r)
{
	uint64_t burst = r->burst ? r->burst : 1;
	uint64_t ms = r->count / burst * (r->interval_ns / 1000000ULL + 1);

	/* generous: QEMU TCG is slow; at least 30 s, at most a day */
	ms = ms * 2 + 30000;
	return ms > 86400000ULL ? 86400000U : (unsigned int)ms;
}

/* Prepare node 1's receiver; 0 or a fail() code. */
static int rx_prepare(const struct nicsim_run_opts *o, struct rx_client *rc,
		      struct nicsim_run_result *r)
{
	int err;

	if (!o->rx_check)
		return 0;
	err = rx_client_open(rc);
	if (!err && !rx_client_alive(rc, 500)) {
		rx_client_close(rc);
		err = -ESRCH;
	}
	if (err) {
		if (o->rx_required)
			return fail(r, 2, "node 1 receiver nicsim-rx not running (%s)",
				    err == -ESRCH ? "no heartbeat" : strerror(-err), "");
		return 0;
	}
	if (rx_client_reset(rc, 3000)) {
		rx_client_close(rc);
		return fail(r, 2, "node 1 receiver did not acknowledge the reset%s%s",
			    "", "");
	}
	r->rx_valid = 1;
	return 0;
}

static int check_outcome(struct nicsim_run_result *r)
{
	const struct nicsim_stats *st = &r->st;
	uint64_t dropped = st->drops_total;
	char a[32], b[64];
	unsigned int t;

	if (!strcmp(r->state, "error"))
		return fail(r, 1, "nicsim state is error%s%s", "", "");
	if (r->timed_out)
		return fail(r, 1, "run did not finish in time (stopped)%s%s", "", "");
	if (st->frames_sent == NICSIM_STAT_NONE)
		return fail(r, 1, "stats/frames_sent unreadable%s%s", "", "");
	if (!r->stopped_by_user && strcmp(r->state, "done"))
		return fail(r, 1, "run ended in state %s%s", r->state, "");
	if (!r->rx_valid)
		return 0;
	r->lost = (int64_t)(st->frames_sent - dropped - r->rx.total);
	if (r->rx.total_bad) {
		snprintf(a, sizeof(a), "%llu", (unsigned long long)r->rx.total_bad);
		snprintf(b, sizeof(b), "%s",  r->rx.last_bad_reason);
		return fail(r, 1, "node 1 received %s bad frames (last: %s)", a, b);
	}
	for (t = 0; t < NICSIM_RX_NTYPES; t++) {
		if (r->rx.type[t].dup || r->rx.type[t].reorder) {
			snprintf(a, sizeof(a), "%llu/%llu",
				 (unsigned long long)r->rx.type[t].dup,
				 (unsigned long long)r->rx.type[t].reorder);
			return fail(r, 1, "node 1 saw duplicate/reordered %s frames (%s)",
				    nicsim_rx_type_name(t), a);
		}
	}
	if (r->lost) {
		snprintf(a, sizeof(a), "%lld", (long long)r->lost);
		return fail(r, 1, "sent != received + dropped (lost %s)%s", a, "");
	}
	return 0;
}

int nicsim_run(const struct nicsim_run_opts *o, struct nicsim_run_result *r)
{
	const char *root = nicsim_sysfs_root();
	struct rx_client rc = { 0 };
	char buf[512];
	uint64_t start, deadline, expect;
	unsigned int i, timeout_ms;
	struct stat sb;
	int err, seen_active = 0, code;

	memset(r, 0, sizeof(*r));
	if (stat(root, &sb) || !S_ISDIR(sb.st_mode))
		return fail(r, 2, "%s not found (kernel without CONFIG_MINT_NICSIM, or not node 0?)%s",
			    root, "");
	err = sysfs_read_at(root, "attach", buf, sizeof(buf));
	if (err < 0)
		return fail(r, 2, "cannot read attach: %s%s", strerror(-err), "");
	if (strncmp(buf, "attached", 8))
		return fail(r, 2, "node 1's e1000e is not attached (%s)%s", buf, "");
	read_state(r->state, sizeof(r->state));
	if (!strcmp(r->state, "running") || !strcmp(r->state, "waiting"))
		return fail(r, 2, "busy: a run is in state %s (mint-nicsim --stop)%s",
			    r->state, "");
	for (i = 0; i < o->nknobs; i++) {
		err = sysfs_write_at(root, o->knobs[i].name, o->knobs[i].value);
		if (err) {
			snprintf(buf, sizeof(buf), "%s=%s", o->knobs[i].name,
				 o->knobs[i].value);
			return fail(r, 2, "cannot set %s: %s", buf, strerror(-err));
		}
	}
	sysfs_read_u64_at(root, "count", &r->count);
	sysfs_read_u64_at(root, "interval_ns", &r->interval_ns);
	sysfs_read_u64_at(root, "burst", &r->burst);
	code = rx_prepare(o, &rc, r);
	if (code)
		return code;

	err = sysfs_write_at(root, "control", "clear");
	if (!err)
		err = sysfs_write_at(root, "control", "start");
	if (err) {
		code = fail(r, 2, "cannot start: %s%s", strerror(-err), "");
		goto out;
	}
	start = now_ns();
	timeout_ms = o->timeout_ms ? o->timeout_ms : default_timeout_ms(r);
	deadline = start + timeout_ms * 1000000ULL;
	for (;;) {
		read_state(r->state, sizeof(r->state));
		if (!terminal(r->state))
			seen_active = 1;
		else if (seen_active || now_ns() - start > 500000000ULL)
			break;	/* not a stale state left by the previous run */
		if (o->stop && *o->stop && !r->stopped_by_user) {
			r->stopped_by_user = 1;
			sysfs_write_at(root, "control", "stop");
		}
		if (now_ns() >= deadline && !r->timed_out) {
			r->timed_out = 1;
			sysfs_write_at(root, "control", "stop");
			deadline = now_ns() + 2000000000ULL;	/* then give up */
		} else if (r->timed_out && now_ns() >= deadline) {
			break;
		}
		sleep_ms(STATE_POLL_MS);
	}
	r->elapsed_ns = now_ns() - start;
	nicsim_read_stats(&r->st);
	if (r->rx_valid) {
		expect = r->st.frames_sent == NICSIM_STAT_NONE ? 0 : r->st.frames_sent;
		if (r->st.drops_total <= expect)
			expect -= r->st.drops_total;
		rx_client_settle(&rc, expect, o->settle_ms ? o->settle_ms : 1000,
				 &r->rx);
	}
	code = check_outcome(r);
out:
	if (rc.rx)
		rx_client_close(&rc);
	return code;
}

static const char *stat_str(uint64_t v, char *buf, size_t sz)
{
	if (v == NICSIM_STAT_NONE)
		snprintf(buf, sz, "?");
	else
		snprintf(buf, sz, "%llu", (unsigned long long)v);
	return buf;
}

static const char *dur_str(uint64_t v, char *buf, size_t sz)
{
	return v == NICSIM_STAT_NONE ? (snprintf(buf, sz, "?"), buf) :
	       format_ns(v, buf, sz);
}

void nicsim_result_line(const struct nicsim_run_result *r, char *buf,
			size_t bufsz)
{
	char s[5][32], d[4][32], rx[64];
	int n;

	if (r->rx_valid)
		snprintf(rx, sizeof(rx), "node 1 received %llu, lost %lld",
			 (unsigned long long)r->rx.total, (long long)r->lost);
	else
		snprintf(rx, sizeof(rx), "node 1 received ? (no rx check)");
	n = snprintf(buf, bufsz,
		     "sent %s, %s, dropped %s, irqs %s, interval requested %s achieved %s (p50 %s p99 %s)",
		     stat_str(r->st.frames_sent, s[0], sizeof(s[0])), rx,
		     stat_str(r->st.drops_total, s[1], sizeof(s[1])),
		     stat_str(r->st.irqs_sent, s[2], sizeof(s[2])),
		     format_ns(r->interval_ns, d[0], sizeof(d[0])),
		     dur_str(r->st.interval_avg_ns, d[1], sizeof(d[1])),
		     dur_str(r->st.interval_p50_ns, d[2], sizeof(d[2])),
		     dur_str(r->st.interval_p99_ns, d[3], sizeof(d[3])));
	if (n > 0 && (size_t)n < bufsz && r->rx_valid && r->rx.total_bad)
		n += snprintf(buf + n, bufsz - (size_t)n, ", BAD %llu",
			      (unsigned long long)r->rx.total_bad);
	if (n > 0 && (size_t)n < bufsz && strcmp(r->state, "done"))
		snprintf(buf + n, bufsz - (size_t)n, ", state %s", r->state);
}

void nicsim_result_kv(const struct nicsim_run_result *r, char *buf,
		      size_t bufsz)
{
	const struct nicsim_stats *st = &r->st;
	unsigned long long dup = 0, reorder = 0;
	unsigned int t;

	for (t = 0; t < NICSIM_RX_NTYPES; t++) {
		dup += r->rx.type[t].dup;
		reorder += r->rx.type[t].reorder;
	}
	snprintf(buf, bufsz,
		 "state=%s\nsent=%lld\nreceived=%lld\nlost=%lld\ndropped=%lld\nirqs=%lld\n"
		 "bad=%lld\ndup=%lld\nreorder=%lld\nrx_check=%d\n"
		 "interval_req_ns=%llu\ninterval_min_ns=%lld\ninterval_avg_ns=%lld\n"
		 "interval_max_ns=%lld\ninterval_p50_ns=%lld\ninterval_p99_ns=%lld\n"
		 "elapsed_ns=%llu\nerror=%s\n",
		 r->state, (long long)st->frames_sent,
		 r->rx_valid ? (long long)r->rx.total : -1LL, (long long)r->lost,
		 (long long)st->drops_total, (long long)st->irqs_sent,
		 r->rx_valid ? (long long)r->rx.total_bad : -1LL,
		 r->rx_valid ? (long long)dup : -1LL,
		 r->rx_valid ? (long long)reorder : -1LL, r->rx_valid,
		 (unsigned long long)r->interval_ns,
		 (long long)st->interval_min_ns, (long long)st->interval_avg_ns,
		 (long long)st->interval_max_ns, (long long)st->interval_p50_ns,
		 (long long)st->interval_p99_ns,
		 (unsigned long long)r->elapsed_ns, r->error);
}
