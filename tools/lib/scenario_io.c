// SPDX-License-Identifier: GPL-2.0
/*
 * scenario_io.c - run a scenario through /dev/mint_nicsim and read its
 * record; see scenario_io.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nicsim_ctl.h"
#include "scenario_io.h"
#include "sysfs_io.h"
#include "units.h"

const char *const scenario_results[8] = {
	"done", "delivered", "ring_full", "too_big", "bad_desc", "filtered",
	"sent", "waiting",
};

/* why the kernel refused the scenario, from sysfs */
static void kernel_reason(struct scenario_feed *f, const char *what)
{
	char why[256] = "";

	if (sysfs_read_at(nicsim_sysfs_root(), "scenario_error", why, sizeof(why)) < 0)
		snprintf(why, sizeof(why), "(no scenario_error file)");
	why[strcspn(why, "\n")] = '\0';
	snprintf(f->err, sizeof(f->err), "%s: the kernel refused the scenario: %s",
		 what, why);
}

int scenario_open(struct scenario_feed *f)
{
	int err;

	memset(f, 0, sizeof(*f));
	f->fd = -1;
	err = sysfs_write_at(nicsim_sysfs_root(), "control", "clear");
	if (err) {
		snprintf(f->err, sizeof(f->err), "clear: %s%s", strerror(-err),
			 err == -EBUSY ? " (a run is in progress: mint-nicsim --stop)" : "");
		return -1;
	}
	f->fd = open(SCENARIO_DEV, O_WRONLY | O_CLOEXEC);
	if (f->fd >= 0)
		return 0;
	err = errno;
	snprintf(f->err, sizeof(f->err), SCENARIO_DEV ": %s%s", strerror(err),
		 err == ENOENT ? " (a kernel without scenarios?)" :
		 err == EBUSY ? " (a run is in progress, or another writer has it)" :
		 err == EIO ? " (node 0 cannot time events: see clock)" : "");
	return -1;
}

static int write_all(struct scenario_feed *f, const char *buf, size_t len)
{
	ssize_t n;

	while (len) {
		n = write(f->fd, buf, len);
		if (n < 0) {
			if (errno == EINVAL)
				kernel_reason(f, SCENARIO_DEV);
			else
				snprintf(f->err, sizeof(f->err), SCENARIO_DEV ": %s%s",
					 strerror(errno), errno == EPIPE ?
					 " (the run ended: stopped?)" : "");
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* count an event line: not empty, not a comment, not a delay */
static void count_line(struct scenario_feed *f, const char *s, size_t len)
{
	while (len && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	if (!len || *s == '#' || *s == '\n' || *s == '\r' ||
	    (len >= 6 && !strncmp(s, "delay", 5) && (s[5] == ' ' || s[5] == '\t')))
		return;
	f->events++;
	if (len >= 5 && !strncmp(s, "frame", 5))
		f->frames++;
}

int scenario_line(struct scenario_feed *f, const char *line)
{
	size_t len = strlen(line);

	count_line(f, line, len);
	return write_all(f, line, len) || write_all(f, "\n", 1) ? -1 : 0;
}

int scenario_text(struct scenario_feed *f, const char *buf, size_t len)
{
	const char *p = buf, *end = buf + len, *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		count_line(f, p, (size_t)((nl ? nl : end) - p));
		p = nl ? nl + 1 : end;
	}
	return write_all(f, buf, len);
}

int scenario_close(struct scenario_feed *f)
{
	int fd = f->fd;

	f->fd = -1;
	if (fd >= 0 && close(fd)) {
		snprintf(f->err, sizeof(f->err), SCENARIO_DEV ": close: %s",
			 strerror(errno));
		return -1;
	}
	return 0;
}

static int wait_run(struct scenario_feed *f, unsigned int timeout_ms,
		    volatile int *stop, char *state, size_t sz)
{
	const char *root = nicsim_sysfs_root();
	uint64_t end = now_ns() + (uint64_t)timeout_ms * 1000000ULL;
	int stopping = 0;

	for (;;) {
		if (nicsim_read_state(state, sz) < 0) {
			snprintf(f->err, sizeof(f->err), "cannot read state");
			return -1;
		}
		state[strcspn(state, "\n")] = '\0';
		if (nicsim_state_final(state))
			return 0;
		if (!stopping && ((stop && *stop) || (timeout_ms && now_ns() > end))) {
			sysfs_write_at(root, "control", "stop");
			stopping = 1;
			if (!(stop && *stop))
				snprintf(f->err, sizeof(f->err),
					 "timed out after %u ms: stopped", timeout_ms);
		}
		sleep_ms(20);
	}
}

/* the whole record, NUL-terminated; NULL on error */
static char *read_record(struct scenario_feed *f, size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap), *nb;
	ssize_t r;
	int fd;

	fd = open(SCENARIO_DEV, O_RDONLY | O_CLOEXEC);
	if (fd < 0 || !buf) {
		snprintf(f->err, sizeof(f->err), SCENARIO_DEV ": record: %s",
			 strerror(errno));
		free(buf);
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	for (;;) {
		if (cap - n < 4096) {
			nb = realloc(buf, cap * 2);
			if (!nb)
				break;
			buf = nb;
			cap *= 2;
		}
		r = read(fd, buf + n, cap - n - 1);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

static int cmp_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* sum up the record's event lines */
static void parse_record(char *rec, struct scenario_report *rep)
{
	char *line, *save = NULL, *c, res[32];
	unsigned long long planned, at;
	int64_t *errs = NULL, *ne;
	size_t cap = 0;
	unsigned int i;

	for (line = strtok_r(rec, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		c = strstr(line, " # line=");
		if (!c || sscanf(c, " # line=%*u planned_ns=%llu at_ns=%llu result=%31s",
				 &planned, &at, res) != 3)
			continue;
		rep->events++;
		for (i = 0; i < 8; i++)
			if (!strcmp(res, scenario_results[i]))
				rep->results[i]++;
		if (strncmp(line, "frame", 5))
			continue;
		rep->frames++;
		if (rep->err_n == cap) {
			cap = cap ? cap * 2 : 1024;
			ne = realloc(errs, cap * sizeof(*errs));
			if (!ne)
				break;
			errs = ne;
		}
		errs[rep->err_n++] = (int64_t)(at - planned);
	}
	if (rep->err_n) {
		qsort(errs, rep->err_n, sizeof(*errs), cmp_i64);
		rep->err_min = errs[0];
		rep->err_p50 = errs[(rep->err_n - 1) / 2];
		rep->err_p99 = errs[(rep->err_n * 99 + 99) / 100 - 1];
		rep->err_max = errs[rep->err_n - 1];
	}
	free(errs);
}

int scenario_finish(struct scenario_feed *f, unsigned int timeout_ms,
		    volatile int *stop, const char *record_path,
		    struct scenario_report *rep)
{
	const char *root = nicsim_sysfs_root();
	size_t len = 0;
	char *rec;
	FILE *out;

	memset(rep, 0, sizeof(*rep));
	if (scenario_close(f) || wait_run(f, timeout_ms, stop, rep->state,
					  sizeof(rep->state)))
		return -1;
	sysfs_read_u64_at(root, "stats/scenario_events", &rep->executed);
	sysfs_read_u64_at(root, "stats/scenario_discarded", &rep->discarded);
	sysfs_read_u64_at(root, "stats/record_dropped", &rep->record_dropped);
	rec = read_record(f, &len);
	if (!rec)
		return -1;
	if (record_path) {
		out = strcmp(record_path, "-") ? fopen(record_path, "w") : stdout;
		if (!out || fwrite(rec, 1, len, out) != len ||
		    (out != stdout && fclose(out))) {
			snprintf(f->err, sizeof(f->err), "%s: %s", record_path,
				 strerror(errno));
			free(rec);
			return -1;
		}
	}
	parse_record(rec, rep);
	free(rec);
	if (!strcmp(rep->state, "error")) {
		kernel_reason(f, "run");
		return -1;
	}
	return 0;
}

static const char *signed_ns(int64_t ns, char *buf, size_t sz)
{
	char t[32];

	snprintf(buf, sz, "%s%s", ns < 0 ? "-" : "+",
		 format_ns((uint64_t)(ns < 0 ? -ns : ns), t, sizeof(t)));
	return buf;
}

void scenario_summary(const struct scenario_report *rep, char *buf, size_t sz)
{
	char a[40], b[40], c[40];
	int n = 0;
	unsigned int i;

	n += snprintf(buf + n, sz - (size_t)n, "%s: %" PRIu64 " events (%" PRIu64 " frames:",
		      rep->state, rep->events, rep->frames);
	for (i = 1; i < 6 && (size_t)n < sz; i++)
		if (rep->results[i])
			n += snprintf(buf + n, sz - (size_t)n, " %s %" PRIu64,
				      scenario_results[i], rep->results[i]);
	if ((size_t)n < sz)
		n += snprintf(buf + n, sz - (size_t)n, "), discarded %" PRIu64,
			      rep->discarded);
	if (rep->err_n && (size_t)n < sz)
		snprintf(buf + n, sz - (size_t)n,
			 ", frame timing error p50 %s p99 %s max %s",
			 signed_ns(rep->err_p50, a, sizeof(a)),
			 signed_ns(rep->err_p99, b, sizeof(b)),
			 signed_ns(rep->err_max, c, sizeof(c)));
}
