// SPDX-License-Identifier: GPL-2.0
/*
 * mint-nicsim - one command to run the node 0 NIC emulator against node 1
 * and check what node 1 received.
 *
 * mint-nicsim [--type T] [--interval D] [--count N] [--size N] [--burst N]
 *             [--raw HEX] [--dst-mac M] [--src-mac M] [--src-ip A]
 *             [--dst-ip A] [--src-port P] [--dst-port P]
 *             [--spin-threshold D] [--ignore-mask 0|1] [--moderation 0|1]
 *             [--trigger timer|unmask|poll] [--trigger-delay D] [--late D]
 *             [--early D] [--frags N] [--frag-drop-first 0|1]
 *             [--rx-errors LIST] [--bad-fcs 0|1] [--wb-length auto|N]
 *             [--unsafe-length 0|1] [--timeout D] [--settle D] [--no-rx-check] [--require-rx] [--kv]
 * mint-nicsim --scenario FILE [--record OUT] [knob options] [--timeout D]
 * mint-nicsim --pcap FILE [--speed X | --interval D] [--rewrite-dst]
 *             [--record OUT] [knob options] [--timeout D]
 * mint-nicsim --show | --stop | --reset
 * A scenario (FILE "-": standard input) or a capture runs through
 * /dev/mint_nicsim (scenario_io.h); the knob options given set the
 * defaults of its frames.  Durations need a unit: ns, us, ms or s (units.h).  Numeric knobs are
 * checked against the kernel's limits file before anything is written.
 * Knobs not given keep their current value; --reset restores every knob's
 * default.  Exit: 0 pass, 1 run failed a check, 2 setup error.
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
#include "replay.h"
#include "rx_client.h"
#include "rx_counter.h"
#include "sysfs_io.h"
#include "scenario_io.h"
#include "units.h"

#define TOOL	"mint-nicsim"

/*
 * Options that set a knob: the argument as given, a decimal number, or a
 * duration converted to ns; ranges are the kernel's (limits).
 */
enum knob_kind { KNOB_TEXT, KNOB_NUM, KNOB_NS };

static const struct knob_opt {
	const char *opt;
	const char *knob;
	enum knob_kind kind;
} knob_opts[] = {
	{ "--type",		"type",			KNOB_TEXT },
	{ "--interval",		"interval_ns",		KNOB_NS },
	{ "--count",		"count",		KNOB_NUM },
	{ "--size",		"size",			KNOB_NUM },
	{ "--burst",		"burst",		KNOB_NUM },
	{ "--raw",		"raw",			KNOB_TEXT },
	{ "--dst-mac",		"dst_mac",		KNOB_TEXT },
	{ "--src-mac",		"src_mac",		KNOB_TEXT },
	{ "--src-ip",		"src_ip",		KNOB_TEXT },
	{ "--dst-ip",		"dst_ip",		KNOB_TEXT },
	{ "--src-port",		"src_port",		KNOB_NUM },
	{ "--dst-port",		"dst_port",		KNOB_NUM },
	{ "--spin-threshold",	"spin_threshold_ns",	KNOB_NS },
	{ "--ignore-mask",	"ignore_mask",		KNOB_NUM },
	{ "--moderation",	"moderation",		KNOB_NUM },
	{ "--trigger",		"trigger",		KNOB_TEXT },
	{ "--trigger-delay",	"trigger_delay_ns",	KNOB_NS },
	{ "--late",		"late_ns",		KNOB_NS },
	{ "--early",		"early_ns",		KNOB_NS },
	{ "--frags",		"frags",		KNOB_NUM },
	{ "--frag-drop-first",	"frag_drop_first",	KNOB_NUM },
	{ "--rx-errors",	"rx_errors",		KNOB_TEXT },
	{ "--bad-fcs",		"bad_fcs",		KNOB_NUM },
	{ "--wb-length",	"wb_length",		KNOB_TEXT },
	{ "--unsafe-length",	"unsafe_length",	KNOB_NUM },
};

#define NKNOB_OPTS	(sizeof(knob_opts) / sizeof(knob_opts[0]))
#define KNOB_OPT_VAL	256	/* getopt value of knob_opts[i]: 256 + i */

static volatile int stop;
static char nsbuf[NKNOB_OPTS][24];

static const struct duration_opt timeout_opt = {
	TOOL, "--timeout", 1000000, 1000000, 86400000000000ULL,
};
static const struct duration_opt settle_opt = {
	TOOL, "--settle", 1000000, 0, RX_SETTLE_MAX_MS * 1000000ULL,
};

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
		"         [--spin-threshold D] [--ignore-mask 0|1] [--moderation 0|1]\n"
		"         [--trigger timer|unmask|poll] [--trigger-delay D] [--late D]\n"
		"         [--early D] [--frags N] [--frag-drop-first 0|1]\n"
		"         [--rx-errors none|ce,se,seq,cxe,tcpe,ipe,rxe] [--bad-fcs 0|1]\n"
		"         [--wb-length auto|N] [--unsafe-length 0|1]\n"
		"         [--timeout D] [--settle D] [--no-rx-check] [--require-rx] [--kv]\n"
		"       mint-nicsim --scenario FILE|- [--record OUT] [knob options]\n"
		"       mint-nicsim --pcap FILE [--speed X | --interval D] [--rewrite-dst]\n"
		"         [--record OUT] [knob options]\n"
		"       mint-nicsim --show | --stop | --reset\n"
		"D: a duration with a unit: ns, us, ms or s (10us, 1.5ms); a bare number is\n"
		"refused.  --timeout: 1ms..86400s (default: from count and interval);\n"
		"--settle: 0s..10s (default 1s).  Knob ranges: the kernel's limits file.\n"
		"Unset knobs keep their value; --reset restores every default.\n"
		"Prints one result line; exit 0 pass, 1 fail, 2 setup error.\n"
		"--scenario runs a scenario file (Documentation/networking/mint_nicsim.rst),\n"
		"--pcap a pcap or pcapng capture at its own timing divided by --speed\n"
		"(default 1), or every --interval; --rewrite-dst gives each frame node 1's\n"
		"MAC as destination; --record writes the run's record, a scenario that\n"
		"replays it.  Both print the frames' timing error (achieved - planned).\n"
		"Sysfs root: $MINT_NICSIM_SYSFS or /sys/kernel/mint_nicsim.\n");
}

/* "name value", a multi-line value (limits) one line each, aligned. */
static void print_value(const char *name, char *val)
{
	char *line, *save = NULL;

	line = strtok_r(val, "\n", &save);
	printf("%-28s %s\n", name, line ? line : "");
	while ((line = strtok_r(NULL, "\n", &save)))
		printf("%-28s %s\n", "", line);
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
		print_value(rel, val);
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

/* Queue the knob write of knob_opts[i]; -1 (said why) or -E2BIG. */
static int knob_arg(struct nicsim_run_opts *o, unsigned int i, const char *arg)
{
	const struct knob_opt *k = &knob_opts[i];
	const struct duration_opt d = { TOOL, k->opt, 1, 0, UINT64_MAX };
	const char *value = arg;
	uint64_t v;

	if (k->kind == KNOB_NUM && parse_u64(arg, &v)) {
		fprintf(stderr, TOOL ": %s %s: not a decimal number\n", k->opt, arg);
		return -1;
	}
	if (k->kind == KNOB_NS) {
		if (duration_arg(&d, arg, &v))
			return -1;
		snprintf(nsbuf[i], sizeof(nsbuf[i]), "%llu", (unsigned long long)v);
		value = nsbuf[i];
	}
	return nicsim_opts_add(o, k->opt, arg, k->knob, value);
}

/* --show, --stop, --reset */
static int action(int opt)
{
	int err;

	if (opt == 'w')
		return show();
	if (opt == 'x')
		err = sysfs_write_at(nicsim_sysfs_root(), "control", "stop");
	else
		err = nicsim_reset();
	if (err)
		fprintf(stderr, TOOL ": %s: %s%s\n", opt == 'x' ? "stop" : "reset",
			strerror(-err), err == -EBUSY ?
			" (a run is in progress: mint-nicsim --stop)" : "");
	return err ? 2 : 0;
}

/* --scenario or --pcap: feed /dev/mint_nicsim, then report the record. */
static int run_scenario(const struct nicsim_run_opts *o, const char *scenario,
			const struct replay_opts *ro, const char *record)
{
	static struct nicsim_run_result res;
	struct scenario_report rep;
	struct scenario_feed f;
	char err[640], line[512], *buf = NULL;
	size_t len = 0;
	FILE *in;
	int ret;

	if (nicsim_apply_knobs(o, &res)) {
		fprintf(stderr, TOOL ": %s\n", res.error);
		return 2;
	}
	if (scenario) {
		in = strcmp(scenario, "-") ? fopen(scenario, "r") : stdin;
		if (!in || getdelim(&buf, &len, '\0', in) < 0 || ferror(in)) {
			fprintf(stderr, TOOL ": %s: %s\n", scenario,
				in ? "cannot read" : strerror(errno));
			return 2;
		}
		len = strlen(buf);
		if (in != stdin)
			fclose(in);
	}
	if (scenario_open(&f)) {
		fprintf(stderr, TOOL ": %s\n", f.err);
		free(buf);
		return 2;
	}
	if (scenario)
		ret = scenario_text(&f, buf, len) ? -1 : 0;
	else
		ret = replay_pcap(&f, ro, err, sizeof(err));
	free(buf);
	if (ret) {
		if (scenario)
			snprintf(err, sizeof(err), "%s", f.err);
		scenario_close(&f);
		fprintf(stderr, TOOL ": %s\n", err);
		return 2;
	}
	if (scenario_finish(&f, o->timeout_ms, &stop, record, &rep)) {
		fprintf(stderr, TOOL ": %s\n", f.err);
		return 1;
	}
	scenario_summary(&rep, line, sizeof(line));
	printf("%s\n", line);
	/* every event written must have run, or the run was stopped */
	if (strcmp(rep.state, "done"))
		return stop ? 130 : 1;
	if (rep.executed != f.events || rep.discarded) {
		fprintf(stderr, TOOL ": FAIL: %llu events written, %llu executed, %llu discarded\n",
			(unsigned long long)f.events, (unsigned long long)rep.executed,
			(unsigned long long)rep.discarded);
		return 1;
	}
	if (rep.record_dropped)
		fprintf(stderr, TOOL ": note: the record is full: its last %llu events are missing\n",
			(unsigned long long)rep.record_dropped);
	return 0;
}

static int alone(const char *opt)
{
	fprintf(stderr, TOOL ": %s takes no other option or argument\n", opt);
	return 2;
}

int main(int argc, char **argv)
{
	static const struct option other[] = {
		{ "timeout", required_argument, NULL, 't' },
		{ "settle", required_argument, NULL, 'Z' },
		{ "no-rx-check", no_argument, NULL, 'n' },
		{ "require-rx", no_argument, NULL, 'r' },
		{ "kv", no_argument, NULL, 'k' },
		{ "show", no_argument, NULL, 'w' },
		{ "stop", no_argument, NULL, 'x' },
		{ "reset", no_argument, NULL, 'X' },
		{ "scenario", required_argument, NULL, 'S' },
		{ "pcap", required_argument, NULL, 'P' },
		{ "speed", required_argument, NULL, 'V' },
		{ "rewrite-dst", no_argument, NULL, 'D' },
		{ "record", required_argument, NULL, 'R' },
		{ "help", no_argument, NULL, 'h' },
	};
	struct option lo[NKNOB_OPTS + sizeof(other) / sizeof(other[0]) + 1];
	static struct nicsim_run_result res;
	struct nicsim_run_opts o;
	struct replay_opts ro = { .speed = 1.0 };
	const char *scenario = NULL, *record = NULL, *speed = NULL;
	struct sigaction sa;
	char line[4096], *end;
	unsigned int i;
	uint64_t ns;
	int opt, err = 0, kv = 0, code;

	memset(lo, 0, sizeof(lo));
	for (i = 0; i < NKNOB_OPTS; i++) {
		lo[i].name = knob_opts[i].opt + 2;
		lo[i].has_arg = required_argument;
		lo[i].val = KNOB_OPT_VAL + (int)i;
	}
	memcpy(lo + NKNOB_OPTS, other, sizeof(other));
	nicsim_opts_init(&o, &stop);
	while ((opt = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (opt) {
		case 't':
			err = duration_arg(&timeout_opt, optarg, &ns);
			if (!err)
				o.timeout_ms = (unsigned int)(ns / 1000000ULL);
			break;
		case 'Z':
			err = duration_arg(&settle_opt, optarg, &ns);
			if (!err)
				o.settle_ms = (unsigned int)(ns / 1000000ULL);
			break;
		case 'n': o.rx_check = 0; break;
		case 'r': o.rx_required = 1; break;
		case 'k': kv = 1; break;
		case 'w':
		case 'x':
		case 'X':
			return argc == 2 ? action(opt) : alone(argv[optind - 1]);
		case 'h': usage(stdout); return 0;
		case 'S': scenario = optarg; break;
		case 'P': ro.path = optarg; break;
		case 'V': speed = optarg; break;
		case 'D': ro.rewrite_dst = 1; break;
		case 'R': record = optarg; break;
		default:
			if (opt < KNOB_OPT_VAL) {
				usage(stderr);
				return 2;
			}
			err = knob_arg(&o, (unsigned int)(opt - KNOB_OPT_VAL), optarg);
			/* a capture's fixed interval, not the knob */
			if (!err && !strcmp(knob_opts[opt - KNOB_OPT_VAL].opt, "--interval")) {
				ro.fixed = 1;
				ro.interval_ns = strtoull(o.knobs[o.nknobs - 1].value, NULL, 10);
			}
		}
		if (err) {
			if (err != -1)
				fprintf(stderr, TOOL ": too many options\n");
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

	if (speed) {
		ro.speed = strtod(speed, &end);
		if (*end || !(ro.speed >= 0.001 && ro.speed <= 1000)) {
			fprintf(stderr, TOOL ": --speed %s: expected a number, 0.001..1000\n",
				speed);
			return 2;
		}
	}
	if ((speed || ro.rewrite_dst) && !ro.path) {
		fprintf(stderr, TOOL ": --speed and --rewrite-dst go with --pcap\n");
		return 2;
	}
	if (record && !scenario && !ro.path) {
		fprintf(stderr, TOOL ": --record goes with --scenario or --pcap\n");
		return 2;
	}
	if (scenario && ro.path) {
		fprintf(stderr, TOOL ": --scenario and --pcap exclude each other\n");
		return 2;
	}
	if (ro.path && ro.fixed && speed) {
		fprintf(stderr, TOOL ": --speed and --interval exclude each other\n");
		return 2;
	}
	if (scenario || ro.path) {
		/* the knob --interval wrote stays as it was for a capture */
		for (i = 0; ro.path && ro.fixed && i < o.nknobs; i++)
			if (!strcmp(o.knobs[i].name, "interval_ns"))
				o.knobs[i--] = o.knobs[--o.nknobs];
		return run_scenario(&o, scenario, &ro, record);
	}

	code = nicsim_run(&o, &res);
	if (code == 2) {
		fprintf(stderr, TOOL ": %s\n", res.error);
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
