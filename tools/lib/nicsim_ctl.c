// SPDX-License-Identifier: GPL-2.0
/* nicsim_ctl.c - drive one mint-nicsim run (see nicsim_ctl.h). */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nicsim_ctl.h"
#include "nicsim_limits.h"
#include "rx_client.h"
#include "rx_counter.h"
#include "sysfs_io.h"
#include "units.h"

#define STATE_POLL_MS	5	/* without poll() (no state fd, not sysfs):
				 * how often to read the state */
#define STATE_WAIT_MS	100	/* with it: the longest wait between looks */

static uint64_t min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

void nicsim_opts_init(struct nicsim_run_opts *o, volatile int *stop)
{
	memset(o, 0, sizeof(*o));
	o->rx_check = 1;
	o->settle_ms = NICSIM_SETTLE_MS;
	o->stop = stop;
}

int nicsim_opts_add(struct nicsim_run_opts *o, const char *opt,
		    const char *arg, const char *name, const char *value)
{
	struct nicsim_knob *k;

	if (o->nknobs >= NICSIM_MAX_KNOBS)
		return -E2BIG;
	k = &o->knobs[o->nknobs];
	k->name = name;
	k->value = value;
	k->opt = opt;
	k->arg = arg;
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
	static const char * const drops[NICSIM_NDROPS] = NICSIM_DROP_STATS;
	unsigned int i;

	st->frames_sent = stat_or_none("frames_sent");
	st->irqs_sent = stat_or_none("irqs_sent");
	for (i = 0; i < NICSIM_NDROPS; i++) {
		st->drops[i] = stat_or_none(drops[i]);
		if (st->drops[i] == NICSIM_STAT_NONE)
			st->drops[i] = 0;
	}
	st->dropped = nicsim_dropped(st->drops);
	st->interval_min_ns = stat_or_none("interval_min_ns");
	st->interval_avg_ns = stat_or_none("interval_avg_ns");
	st->interval_max_ns = stat_or_none("interval_max_ns");
	st->interval_p50_ns = stat_or_none("interval_p50_ns");
	st->interval_p99_ns = stat_or_none("interval_p99_ns");
}

int nicsim_read_state(char *buf, size_t sz)
{
	int n = sysfs_read_at(nicsim_sysfs_root(), "state", buf, sz);

	if (n < 0)
		snprintf(buf, sz, "?");
	return n;
}

int nicsim_state_final(const char *s)
{
	return !strcmp(s, "done") || !strcmp(s, "stopped") ||
	       !strcmp(s, "error") || !strcmp(s, "idle");
}

__attribute__((format(printf, 3, 4)))
static int fail(struct nicsim_run_result *r, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->error, sizeof(r->error), fmt, ap);
	va_end(ap);
	return code;
}

int nicsim_reset(void)
{
	return sysfs_write_at(nicsim_sysfs_root(), "control", "reset");
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
				    err == -ESRCH ? "no heartbeat" : strerror(-err));
		return 0;
	}
	if (rx_client_reset(rc, 3000)) {
		rx_client_close(rc);
		return fail(r, 2, "node 1 receiver did not acknowledge the reset");
	}
	r->rx_valid = 1;
	return 0;
}

static int check_outcome(struct nicsim_run_result *r)
{
	const struct nicsim_stats *st = &r->st;
	unsigned int t;

	if (!strcmp(r->state, "error"))
		return fail(r, 1, "nicsim state is error");
	if (r->timed_out)
		return fail(r, 1, "run did not finish in time (stopped)");
	if (st->frames_sent == NICSIM_STAT_NONE)
		return fail(r, 1, "stats/frames_sent unreadable");
	if (!r->stopped_by_user && strcmp(r->state, "done"))
		return fail(r, 1, "run ended in state %s", r->state);
	if (!r->rx_valid)
		return 0;
	r->foreign = rx_foreign(&r->rx);
	/* node 1's named drops (its socket, its stack) are accounted too */
	r->node1_dropped = r->rx.socket_drops + r->rx.stack_drops;
	r->lost = nicsim_lost(st->frames_sent, st->dropped + r->node1_dropped,
			      r->rx.total);
	if (r->rx_sync_err)
		return fail(r, 1, "node 1's receiver did not answer a sync in %u s: counts not final",
			    RX_SYNC_MAX_MS / 1000);
	if (r->rx.total_bad)
		return fail(r, 1, "node 1 received %llu bad frames (last: %s)",
			    (unsigned long long)r->rx.total_bad,
			    r->rx.last_bad_reason);
	/* a raw frame is the user's: only raw runs may be foreign */
	if (r->foreign && strcmp(r->type, "raw"))
		return fail(r, 1, "node 1 received %llu foreign frames (no nicsim magic) in a %s run",
			    (unsigned long long)r->foreign, r->type);
	for (t = 0; t < NICSIM_RX_NTYPES; t++) {
		if (r->rx.type[t].dup || r->rx.type[t].reorder)
			return fail(r, 1, "node 1 saw duplicate/reordered %s frames (%llu/%llu)",
				    nicsim_rx_type_name(t),
				    (unsigned long long)r->rx.type[t].dup,
				    (unsigned long long)r->rx.type[t].reorder);
	}
	if (r->lost)
		return fail(r, 1, "sent != received + dropped (lost %lld)",
			    (long long)r->lost);
	return 0;
}

/* Check every numeric knob against the kernel's limits file. */
static int check_knobs(const struct nicsim_run_opts *o,
		       struct nicsim_run_result *r)
{
	const struct nicsim_knob *k;
	struct nicsim_range lim;
	char range[80];
	unsigned int i;
	uint64_t v;
	int err;

	for (i = 0; i < o->nknobs; i++) {
		k = &o->knobs[i];
		err = nicsim_limit(k->name, &lim);
		if (err == -ENOENT)
			continue;	/* no range known: the kernel judges */
		if (err)
			return fail(r, 2, "cannot read %s/limits: %s",
				    nicsim_sysfs_root(),
				    err == -EINVAL ? "malformed line" : strerror(-err));
		if (parse_u64(k->value, &v) || v < lim.min || v > lim.max)
			return fail(r, 2, "%s %s: out of range for %s (%s)",
				    k->opt, k->arg, k->name,
				    nicsim_range_str(k->name, &lim, range, sizeof(range)));
	}
	return 0;
}

int nicsim_apply_knobs(const struct nicsim_run_opts *o,
		       struct nicsim_run_result *r)
{
	const char *root = nicsim_sysfs_root();
	char buf[512];
	unsigned int i;
	struct stat sb;
	int err, code;

	memset(r, 0, sizeof(*r));
	if (stat(root, &sb) || !S_ISDIR(sb.st_mode))
		return fail(r, 2, "%s not found (kernel without CONFIG_MINT_NICSIM, or not node 0?)",
			    root);
	code = check_knobs(o, r);
	if (code)
		return code;
	err = sysfs_read_at(root, "attach", buf, sizeof(buf));
	if (err < 0)
		return fail(r, 2, "cannot read attach: %s", strerror(-err));
	if (strncmp(buf, "attached", 8))
		return fail(r, 2, "node 1's e1000e is not attached (%s)", buf);
	nicsim_read_state(r->state, sizeof(r->state));
	if (!strcmp(r->state, "running") || !strcmp(r->state, "waiting"))
		return fail(r, 2, "busy: a run is in state %s (mint-nicsim --stop)",
			    r->state);
	for (i = 0; i < o->nknobs; i++) {
		const struct nicsim_knob *k = &o->knobs[i];

		err = sysfs_write_at(root, k->name, k->value);
		if (err)
			return fail(r, 2, "%s %s: cannot set %s to %s: %s", k->opt,
				    k->arg, k->name, k->value, strerror(-err));
	}
	return 0;
}

int nicsim_run(const struct nicsim_run_opts *o, struct nicsim_run_result *r)
{
	const char *root = nicsim_sysfs_root();
	struct rx_client rc = { 0 };
	uint64_t start, deadline, expect, now;
	unsigned int timeout_ms;
	int err, seen_active = 0, code, state_fd;
	char path[512];

	code = nicsim_apply_knobs(o, r);
	if (code)
		return code;
	if (sysfs_read_at(root, "type", r->type, sizeof(r->type)) < 0)
		snprintf(r->type, sizeof(r->type), "?");
	sysfs_read_u64_at(root, "count", &r->count);
	sysfs_read_u64_at(root, "interval_ns", &r->interval_ns);
	sysfs_read_u64_at(root, "burst", &r->burst);
	code = rx_prepare(o, &rc, r);
	if (code)
		return code;

	/*
	 * The state file stays open: the kernel wakes poll() on it at every
	 * change, so the wait below leaves node 0's CPU to the run it paces.
	 * It is read once before the start, so no change is missed.
	 */
	state_fd = sysfs_path(path, sizeof(path), root, "state") ? -1 :
		   open(path, O_RDONLY | O_CLOEXEC);
	if (state_fd >= 0)
		sysfs_read_fd(state_fd, r->state, sizeof(r->state));
	err = sysfs_write_at(root, "control", "clear");
	if (!err)
		err = sysfs_write_at(root, "control", "start");
	if (err) {
		code = fail(r, 2, "cannot start: %s", strerror(-err));
		if (state_fd >= 0)
			close(state_fd);
		goto out;
	}
	start = now_ns();
	timeout_ms = o->timeout_ms ? o->timeout_ms : default_timeout_ms(r);
	deadline = start + timeout_ms * 1000000ULL;
	for (;;) {
		if (state_fd < 0 || sysfs_read_fd(state_fd, r->state, sizeof(r->state)) < 0)
			nicsim_read_state(r->state, sizeof(r->state));
		if (!nicsim_state_final(r->state))
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
		/* a change, a signal (stop), or a look at the deadline */
		now = now_ns();
		sysfs_wait(state_fd, now >= deadline ? STATE_POLL_MS :
			   (unsigned int)min_u64((deadline - now) / 1000000 + 1, STATE_WAIT_MS),
			   STATE_POLL_MS);
	}
	if (state_fd >= 0)
		close(state_fd);
	r->elapsed_ns = now_ns() - start;
	nicsim_read_stats(&r->st);
	if (r->rx_valid) {
		expect = r->st.frames_sent == NICSIM_STAT_NONE ? 0 : r->st.frames_sent;
		if (r->st.dropped <= expect)
			expect -= r->st.dropped;
		r->rx_sync_err = rx_client_settle(&rc, expect, o->settle_ms, &r->rx);
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
		     stat_str(r->st.dropped == NICSIM_STAT_NONE ? r->st.dropped :
			      r->st.dropped + r->node1_dropped, s[1], sizeof(s[1])),
		     stat_str(r->st.irqs_sent, s[2], sizeof(s[2])),
		     format_ns(r->interval_ns, d[0], sizeof(d[0])),
		     dur_str(r->st.interval_avg_ns, d[1], sizeof(d[1])),
		     dur_str(r->st.interval_p50_ns, d[2], sizeof(d[2])),
		     dur_str(r->st.interval_p99_ns, d[3], sizeof(d[3])));
	if (n > 0 && (size_t)n < bufsz && r->node1_dropped)
		n += snprintf(buf + n, bufsz - (size_t)n,
			      " (node 1: %llu in its socket, %llu in its stack)",
			      (unsigned long long)r->rx.socket_drops,
			      (unsigned long long)r->rx.stack_drops);
	if (n > 0 && (size_t)n < bufsz && r->rx_valid && r->rx.total_bad)
		n += snprintf(buf + n, bufsz - (size_t)n, ", BAD %llu",
			      (unsigned long long)r->rx.total_bad);
	if (n > 0 && (size_t)n < bufsz && r->rx_valid && r->foreign)
		n += snprintf(buf + n, bufsz - (size_t)n,
			      ", foreign %llu (no nicsim magic)",
			      (unsigned long long)r->foreign);
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
		 "state=%s\nsent=%lld\nreceived=%lld\nlost=%lld\ndropped=%lld\nnode1_dropped=%lld\nirqs=%lld\n"
		 "bad=%lld\nforeign=%lld\ndup=%lld\nreorder=%lld\nrx_check=%d\n"
		 "interval_req_ns=%llu\ninterval_min_ns=%lld\ninterval_avg_ns=%lld\n"
		 "interval_max_ns=%lld\ninterval_p50_ns=%lld\ninterval_p99_ns=%lld\n"
		 "elapsed_ns=%llu\nerror=%s\n",
		 r->state, (long long)st->frames_sent,
		 r->rx_valid ? (long long)r->rx.total : -1LL, (long long)r->lost,
		 (long long)(st->dropped + r->node1_dropped),
		 (long long)r->node1_dropped, (long long)st->irqs_sent,
		 r->rx_valid ? (long long)r->rx.total_bad : -1LL,
		 r->rx_valid ? (long long)r->foreign : -1LL,
		 r->rx_valid ? (long long)dup : -1LL,
		 r->rx_valid ? (long long)reorder : -1LL, r->rx_valid,
		 (unsigned long long)r->interval_ns,
		 (long long)st->interval_min_ns, (long long)st->interval_avg_ns,
		 (long long)st->interval_max_ns, (long long)st->interval_p50_ns,
		 (long long)st->interval_p99_ns,
		 (unsigned long long)r->elapsed_ns, r->error);
}
