// SPDX-License-Identifier: GPL-2.0
/*
 * mint-nicsim - one command to run the node 0 NIC emulator against node 1
 * and check what node 1 received.
 *
 * mint-nicsim [--type T] [--interval D] [--count N] [--size N] [--burst N]
 *             [--raw HEX] [--dst-mac M] [--src-mac M] [--src-ip A]
 *             [--dst-ip A] [--src-port P] [--dst-port P]
 *             [--spin-threshold D] [--ignore-mask 0|1] [--timeout S]
 *             [--settle D] [--no-rx-check] [--require-rx] [--kv]
 * mint-nicsim --show | --stop
 * Durations take ns/us/ms/s (bare numbers are ns).  Knobs not given keep
 * their current value.  Exit: 0 pass, 1 run failed a check, 2 setup error.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "nicsim_ctl.h"
#include "rx_client.h"
#include "rx_counter.h"
#include "sysfs_io.h"
#include "units.h"

static volatile int stop;
static char numbuf[4][24];

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static void usage(FILE *f)
{
	fprintf(f,
		"usage: mint-nicsim [--type udp|tcp-syn|icmp-echo|arp|raw] [--interval D]\n"
		"         [--count N] [--size N] [--burst N] [--raw HEX] [--dst-mac M]\n"
		"         [--src-mac M] [--src-ip A] [--dst-ip A] [--src-port P] [--dst-port P]\n"
		"         [--spin-threshold D] [--ignore-mask 0|1] [--timeout S] [--settle D]\n"
		"         [--no-rx-check] [--require-rx] [--kv]\n"
		"       mint-nicsim --show | --stop\n"
		"D: duration with unit ns|us|ms|s (bare number = ns).  Unset knobs keep\n"
		"their value.  Prints one result line; exit 0 pass, 1 fail, 2 setup error.\n"
		"Sysfs root: $MINT_NICSIM_SYSFS or /sys/kernel/mint_nicsim.\n");
}

static void print_dir(const char *root, const char *sub)
{
	char dir[512], rel[512], val[4096];
	struct dirent **ents;
	int i, n;

	snprintf(dir, sizeof(dir), "%s%s%s", root, *sub ? "/" : "", sub);
	n = scandir(dir, &ents, NULL, alphasort);
	if (n < 0) {
		fprintf(stderr, "mint-nicsim: %s: %s\n", dir, strerror(errno));
		return;
	}
	for (i = 0; i < n; i++) {
		const char *name = ents[i]->d_name;
		struct stat sb;

		snprintf(rel, sizeof(rel), "%s%s%s", sub, *sub ? "/" : "", name);
		snprintf(val, sizeof(val), "%s/%s", root, rel);
		if (name[0] == '.' || stat(val, &sb) || !S_ISREG(sb.st_mode)) {
			free(ents[i]);
			continue;
		}
		if (sysfs_read_at(root, rel, val, sizeof(val)) < 0)
			snprintf(val, sizeof(val), "(write-only)");
		printf("%-28s %s\n", rel, val);
		free(ents[i]);
	}
	free(ents);
}

static int show(void)
{
	const char *root = nicsim_sysfs_root();
	struct nicsim_rx_area snap;
	struct rx_client rc;
	char line[1024];

	print_dir(root, "");
	print_dir(root, "stats");
	if (rx_client_open(&rc)) {
		printf("%-28s %s\n", "node1/nicsim-rx", "(no area)");
		return 0;
	}
	rx_client_snapshot(&rc, &snap);
	rx_summary(&snap, line, sizeof(line));
	printf("%-28s %s: %s\n", "node1/nicsim-rx",
	       rx_client_alive(&rc, 300) ? "running" : "not running", line);
	rx_client_close(&rc);
	return 0;
}

/* Convert a duration argument to a decimal ns string for sysfs. */
static int dur_knob(struct nicsim_run_opts *o, const char *knob,
		    const char *arg, int slot)
{
	uint64_t ns;

	if (parse_duration_ns(arg, &ns)) {
		fprintf(stderr, "mint-nicsim: bad duration '%s' (e.g. 10us, 1ms)\n", arg);
		return -1;
	}
	snprintf(numbuf[slot], sizeof(numbuf[slot]), "%llu", (unsigned long long)ns);
	return nicsim_opts_add(o, knob, numbuf[slot]);
}

static int num_knob(struct nicsim_run_opts *o, const char *knob, const char *arg)
{
	uint64_t v;

	if (parse_u64(arg, &v)) {
		fprintf(stderr, "mint-nicsim: --%s: bad number '%s'\n", knob, arg);
		return -1;
	}
	return nicsim_opts_add(o, knob, arg);
}

int main(int argc, char **argv)
{
	static const struct option lo[] = {
		{ "type", required_argument, NULL, 'T' },
		{ "interval", required_argument, NULL, 'I' },
		{ "count", required_argument, NULL, 'c' },
		{ "size", required_argument, NULL, 's' },
		{ "burst", required_argument, NULL, 'b' },
		{ "raw", required_argument, NULL, 'R' },
		{ "dst-mac", required_argument, NULL, 'D' },
		{ "src-mac", required_argument, NULL, 'S' },
		{ "src-ip", required_argument, NULL, '1' },
		{ "dst-ip", required_argument, NULL, '2' },
		{ "src-port", required_argument, NULL, '3' },
		{ "dst-port", required_argument, NULL, '4' },
		{ "spin-threshold", required_argument, NULL, 'P' },
		{ "ignore-mask", required_argument, NULL, 'M' },
		{ "timeout", required_argument, NULL, 't' },
		{ "settle", required_argument, NULL, 'Z' },
		{ "no-rx-check", no_argument, NULL, 'n' },
		{ "require-rx", no_argument, NULL, 'r' },
		{ "kv", no_argument, NULL, 'k' },
		{ "show", no_argument, NULL, 'w' },
		{ "stop", no_argument, NULL, 'x' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static struct nicsim_run_result res;
	struct nicsim_run_opts o = { .rx_check = 1, .stop = &stop };
	struct sigaction sa;
	char line[4096];
	uint64_t ns;
	int opt, err = 0, kv = 0, code;

	while ((opt = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (opt) {
		case 'T': err = nicsim_opts_add(&o, "type", optarg); break;
		case 'I': err = dur_knob(&o, "interval_ns", optarg, 0); break;
		case 'c': err = num_knob(&o, "count", optarg); break;
		case 's': err = num_knob(&o, "size", optarg); break;
		case 'b': err = num_knob(&o, "burst", optarg); break;
		case 'R': err = nicsim_opts_add(&o, "raw", optarg); break;
		case 'D': err = nicsim_opts_add(&o, "dst_mac", optarg); break;
		case 'S': err = nicsim_opts_add(&o, "src_mac", optarg); break;
		case '1': err = nicsim_opts_add(&o, "src_ip", optarg); break;
		case '2': err = nicsim_opts_add(&o, "dst_ip", optarg); break;
		case '3': err = num_knob(&o, "src_port", optarg); break;
		case '4': err = num_knob(&o, "dst_port", optarg); break;
		case 'P': err = dur_knob(&o, "spin_threshold_ns", optarg, 1); break;
		case 'M': err = num_knob(&o, "ignore_mask", optarg); break;
		case 't':
			if (!parse_u64(optarg, &ns))
				ns *= 1000000000ULL;
			else if (parse_duration_ns(optarg, &ns))
				err = -1;
			o.timeout_ms = (unsigned int)(ns / 1000000ULL);
			if (!err && !o.timeout_ms)
				o.timeout_ms = 1;
			break;
		case 'Z':
			err = parse_duration_ns(optarg, &ns);
			o.settle_ms = (unsigned int)(ns / 1000000ULL);
			break;
		case 'n': o.rx_check = 0; break;
		case 'r': o.rx_required = 1; break;
		case 'k': kv = 1; break;
		case 'w': return optind == argc ? show() : 2;
		case 'x':
			err = sysfs_write_at(nicsim_sysfs_root(), "control", "stop");
			if (err)
				fprintf(stderr, "mint-nicsim: stop: %s\n", strerror(-err));
			return err ? 2 : 0;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
		if (err) {
			if (err != -1)
				fprintf(stderr, "mint-nicsim: too many options\n");
			else if (opt == 't' || opt == 'Z')
				fprintf(stderr, "mint-nicsim: bad duration '%s'\n", optarg);
			return 2;
		}
	}
	if (optind != argc) {
		usage(stderr);
		return 2;
	}
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	code = nicsim_run(&o, &res);
	if (code == 2) {
		fprintf(stderr, "mint-nicsim: %s\n", res.error);
		return 2;
	}
	if (kv) {
		nicsim_result_kv(&res, line, sizeof(line));
		fputs(line, stdout);
	} else {
		nicsim_result_line(&res, line, sizeof(line));
		puts(line);
	}
	if (code)
		fprintf(stderr, "mint-nicsim: FAIL: %s\n", res.error);
	if (!code && !res.rx_valid && o.rx_check)
		fprintf(stderr, "mint-nicsim: note: node 1 receiver not running; "
			"start it with mint-exec 'nicsim-rx -d'\n");
	return res.stopped_by_user && !code ? 130 : code;
}
