// SPDX-License-Identifier: GPL-2.0
/*
 * nicsim-bench - sweep mint-nicsim's interval and print what was achieved.
 *
 * nicsim-bench [--count N] [--type T] [--size S] [--burst N]
 *              [--intervals 1ms,500us,...] [--no-rx-check]
 * Default intervals: 1ms 500us 100us 50us 10us 5us 1us 0ns (each needs a
 * unit; ranges come from the kernel's limits file).  Prints a table
 * (requested, achieved avg/p50/p99/max, frames/s delivered, lost, dropped;
 * nicsim_stats.h defines the last two); it asserts nothing about timing.
 * Exit 0 unless a run could not start.
 */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nicsim_ctl.h"
#include "units.h"

#define TOOL		"nicsim-bench"
#define MAX_POINTS	32

static volatile int stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static const char *dur(uint64_t v, char *b, size_t n)
{
	if (v == NICSIM_STAT_NONE) {
		snprintf(b, n, "?");
		return b;
	}
	return format_ns(v, b, n);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "count", required_argument, NULL, 'c' },
		{ "type", required_argument, NULL, 'T' },
		{ "size", required_argument, NULL, 's' },
		{ "burst", required_argument, NULL, 'b' },
		{ "intervals", required_argument, NULL, 'i' },
		{ "no-rx-check", no_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct nicsim_run_result r;
	static const struct duration_opt ival_opt = {
		TOOL, "--intervals", 1, 0, UINT64_MAX,
	};
	char ilist[256] = "1ms,500us,100us,50us,10us,5us,1us,0ns";
	const char *count = "1000", *type = "udp", *size = NULL, *burst = NULL;
	uint64_t pts[MAX_POINTS], v;
	char nsbuf[MAX_POINTS][24], lost[24], d[5][24];
	const char *arg[MAX_POINTS];
	int opt, npts = 0, rx_check = 1, i, failed = 0;
	char *tok, *save = NULL;
	struct sigaction sa;

	while ((opt = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (opt) {
		case 'c': count = optarg; break;
		case 'T': type = optarg; break;
		case 's': size = optarg; break;
		case 'b': burst = optarg; break;
		case 'i': snprintf(ilist, sizeof(ilist), "%s", optarg); break;
		case 'n': rx_check = 0; break;
		case 'h':
		default:
			fprintf(opt == 'h' ? stdout : stderr,
				"usage: nicsim-bench [--count N] [--type T] [--size S] [--burst N]\n"
				"                    [--intervals 1ms,500us,...] [--no-rx-check]\n"
				"Intervals need a unit: ns, us, ms or s.\n");
			return opt == 'h' ? 0 : 2;
		}
	}
	if (parse_u64(count, &v)) {
		fprintf(stderr, TOOL ": --count %s: not a decimal number\n", count);
		return 2;
	}
	for (tok = strtok_r(ilist, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		if (npts == MAX_POINTS) {
			fprintf(stderr, TOOL ": --intervals: more than %d\n", MAX_POINTS);
			return 2;
		}
		if (duration_arg(&ival_opt, tok, &pts[npts]))
			return 2;
		snprintf(nsbuf[npts], sizeof(nsbuf[npts]), "%llu",
			 (unsigned long long)pts[npts]);
		arg[npts++] = tok;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);

	printf("# nicsim-bench: type %s, count %s%s%s%s%s\n", type, count,
	       size ? ", size " : "", size ? size : "",
	       burst ? ", burst " : "", burst ? burst : "");
	printf("%-10s %-10s %-10s %-10s %-10s %12s %8s %8s %8s  %s\n", "requested",
	       "avg", "p50", "p99", "max", "frames/s", "sent", "lost", "dropped",
	       "result");
	for (i = 0; i < npts && !stop; i++) {
		struct nicsim_run_opts o;
		int code;
		double fps = 0;

		nicsim_opts_init(&o, &stop);
		o.rx_check = rx_check;
		nicsim_opts_add(&o, "--type", type, "type", type);
		nicsim_opts_add(&o, "--count", count, "count", count);
		nicsim_opts_add(&o, "--intervals", arg[i], "interval_ns", nsbuf[i]);
		if (size)
			nicsim_opts_add(&o, "--size", size, "size", size);
		if (burst)
			nicsim_opts_add(&o, "--burst", burst, "burst", burst);
		code = nicsim_run(&o, &r);
		if (code == 2) {
			fprintf(stderr, TOOL ": %s\n", r.error);
			return 2;
		}
		if (r.elapsed_ns && r.st.frames_sent != NICSIM_STAT_NONE)
			fps = (double)(r.rx_valid ? r.rx.total : r.st.frames_sent) *
			      1e9 / (double)r.elapsed_ns;
		printf("%-10s %-10s %-10s %-10s %-10s %12.0f %8lld %8s %8lld  %s\n",
		       format_ns(pts[i], d[0], sizeof(d[0])),
		       dur(r.st.interval_avg_ns, d[1], sizeof(d[1])),
		       dur(r.st.interval_p50_ns, d[2], sizeof(d[2])),
		       dur(r.st.interval_p99_ns, d[3], sizeof(d[3])),
		       dur(r.st.interval_max_ns, d[4], sizeof(d[4])), fps,
		       (long long)r.st.frames_sent,
		       r.rx_valid ? (snprintf(lost, sizeof(lost), "%lld",
					      (long long)r.lost), lost) : "?",
		       (long long)r.st.dropped,
		       code ? r.error : "ok");
		failed |= code;
		fflush(stdout);
	}
	printf("# frames/s counts frames node 1 received (sent, with --no-rx-check)\n"
	       "# over the whole run including start/stop overhead.\n");
	return 0;
}
