// SPDX-License-Identifier: GPL-2.0
/*
 * unit_tests.c - host unit tests of the tools' library code (parsing,
 * formatting, knob limits, dropped/lost, sequence tracking, frame
 * build/check round trips, foreign and hostile frames).  Prints PASS/FAIL
 * lines that run-tools-tests.sh turns into KTAP.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "frame_build.h"
#include "frame_check.h"
#include "nicsim_limits.h"
#include "nicsim_stats.h"
#include "rx_counter.h"
#include "seqtrack.h"
#include "units.h"
#include "mint_shm.h"

static int fails;

static void result(int ok, const char *name)
{
	printf("%s %s\n", ok ? "PASS" : "FAIL", name);
	if (!ok)
		fails++;
}

static int dur_is(const char *s, uint64_t want)
{
	uint64_t v;

	return !parse_duration_ns(s, &v) && v == want;
}

/* refused, for the reason given */
static int dur_bad(const char *s, const char *want)
{
	const char *why = NULL;
	uint64_t v;

	if (parse_duration_why(s, &v, &why) != -EINVAL || !why ||
	    strcmp(why, want)) {
		printf("# parse_duration_why(\"%s\"): %s, want %s\n", s,
		       why ? why : "accepted", want);
		return 0;
	}
	return 1;
}

static void test_units(void)
{
	char b[32];
	uint64_t v;

	result(dur_is("10us", 10000) && dur_is("1ms", 1000000) &&
	       dur_is("0ns", 0) && dur_is("0s", 0) && dur_is("2s", 2000000000ULL) &&
	       dur_is("1.5us", 1500) && dur_is("250ns", 250) && dur_is("0.5s", 500000000) &&
	       dur_is("1.000000000s", 1000000000) && dur_is("10s", 10000000000ULL) &&
	       dur_is("18446744073709551615ns", UINT64_MAX), "parse_duration_ns valid");
	result(dur_bad("100", "no unit") && dur_bad("0", "no unit") &&
	       dur_bad("3", "no unit") && dur_bad("1.5", "no unit"),
	       "parse_duration_ns refuses a bare number");
	result(dur_bad("", "not a duration") && dur_bad("us", "not a duration") &&
	       dur_bad("-1ms", "not a duration") && dur_bad("1.us", "not a duration") &&
	       dur_bad(".5ms", "not a duration") && dur_bad("10x", "unknown unit") &&
	       dur_bad("10 us", "unknown unit") && dur_bad("10parsecs", "unknown unit") &&
	       dur_bad("99999999999999999999ns", "too large") &&
	       dur_bad("18446744073709551616ns", "too large") &&
	       dur_bad("18446744073709551615s", "too large"),
	       "parse_duration_ns invalid");
	result(dur_bad("1.5ns", "finer than 1ns") &&
	       dur_bad("1.0000000001s", "finer than 1ns") &&
	       dur_bad("0.0001us", "finer than 1ns"),
	       "parse_duration_ns never rounds below 1ns");
	result(!strcmp(format_ns_exact(0, b, sizeof(b)), "0s") &&
	       !strcmp(format_ns_exact(10000000000ULL, b, sizeof(b)), "10s") &&
	       !strcmp(format_ns_exact(1500000, b, sizeof(b)), "1500us") &&
	       !strcmp(format_ns_exact(1000000, b, sizeof(b)), "1ms") &&
	       !strcmp(format_ns_exact(7, b, sizeof(b)), "7ns"), "format_ns_exact");
	result(!parse_u64("123", &v) && v == 123 && parse_u64("12a", &v) &&
	       parse_u64("", &v) && parse_u64("99999999999999999999", &v),
	       "parse_u64");
	result(!strcmp(format_ns(100300, b, sizeof(b)), "100.3us") &&
	       !strcmp(format_ns(100000, b, sizeof(b)), "100us") &&
	       !strcmp(format_ns(850, b, sizeof(b)), "850ns") &&
	       !strcmp(format_ns(1500000, b, sizeof(b)), "1.50ms"), "format_ns");
	result(!mint_area_name_ok("exec") && !mint_area_name_ok("nicsim-rx") &&
	       mint_area_name_ok("") && mint_area_name_ok("a b") &&
	       mint_area_name_ok("123456789012345678901234"), "area names");
}

static void test_seqtrack(void)
{
	static struct seqtrack t;
	static const uint64_t seqs[] = { 0, 1, 2, 2, 5, 4, 3, 3, 6 };
	unsigned int i;

	seqtrack_reset(&t);
	for (i = 0; i < sizeof(seqs) / sizeof(seqs[0]); i++)
		seqtrack_add(&t, seqs[i]);
	result(t.in_order == 4 && t.dup == 2 && t.reorder == 2 && t.gaps == 2 &&
	       t.unique == 7 && t.max == 6, "seqtrack dup/reorder/gaps");
	seqtrack_reset(&t);
	seqtrack_add(&t, 5);
	seqtrack_add(&t, 5 + 2 * SEQ_WINDOW);
	seqtrack_add(&t, 5 + 2 * SEQ_WINDOW - 1);	/* late, not a dup */
	seqtrack_add(&t, 5);				/* too old: late */
	result(t.gaps == 5 + 2 * SEQ_WINDOW - 1 && t.dup == 0 && t.reorder == 2,
	       "seqtrack window wrap");
}

static void test_frames(void)
{
	static const char * const kinds[] = { "udp", "tcp-syn", "icmp-echo", "arp" };
	static const enum nicsim_rx_type want[] = {
		NICSIM_RX_UDP, NICSIM_RX_TCP_SYN, NICSIM_RX_ICMP_ECHO, NICSIM_RX_ARP
	};
	static const size_t sizes[] = { 8, 9, 64, 1472 };
	uint8_t buf[1514];
	struct frame_params p;
	struct frame_info fi;
	unsigned int k, s, ok = 1, bad_ok = 1;
	size_t len, i;

	frame_params_init(&p);
	for (k = 0; k < 4; k++) {
		frame_kind_parse(kinds[k], &p.kind);
		for (s = 0; s < 4; s++) {
			p.size = sizes[s];
			len = frame_build(&p, 0xfffffff0u + s, buf, sizeof(buf));
			frame_check(buf, len, &fi);
			ok &= len >= 60 && fi.type == want[k] && !fi.bad &&
			      fi.has_seq && fi.seq == 0xfffffff0u + s;
			/* every single-bit flip in L3+ must be caught (udp/icmp) */
			if (k == 0 || k == 2) {
				for (i = 14; i < len && i < 14 + 28 + p.size; i++) {
					buf[i] ^= 0x01;
					frame_check(buf, len, &fi);
					bad_ok &= fi.bad || fi.type != want[k];
					buf[i] ^= 0x01;
				}
			}
		}
	}
	result(ok, "frame build/check round trip, all types and sizes");
	result(bad_ok, "every bit flip in udp/icmp frames detected (bad or foreign)");
	frame_check(buf, 13, &fi);
	result(fi.bad && fi.type == NICSIM_RX_OTHER, "runt frame");
	/* hostile lengths: total length beyond the frame, ihl beyond */
	p.kind = FK_UDP;
	p.size = 64;
	len = frame_build(&p, 1, buf, sizeof(buf));
	buf[16] = 0x40;
	frame_check(buf, len, &fi);
	ok = fi.bad;
	buf[16] = 0;
	buf[14] = 0x4f;
	frame_check(buf, 40, &fi);
	result(ok && fi.bad, "hostile ipv4 lengths rejected");
}

/* A udp frame, its magic damaged, checksums valid again: foreign. */
static void test_foreign(void)
{
	uint8_t buf[1514];
	struct frame_params p;
	struct frame_info fi;
	size_t len;
	int ok;

	frame_params_init(&p);
	len = frame_build(&p, 5, buf, sizeof(buf));
	buf[14 + 20 + 8] ^= 0x55;	/* first byte of the magic */
	frame_fix_l4_csum(buf, len);
	frame_check(buf, len, &fi);
	ok = fi.foreign && !fi.bad && fi.type == NICSIM_RX_OTHER &&
	     fi.reason && !strcmp(fi.reason, "no nicsim magic");
	/* the same frame with a wrong udp checksum is bad, and says why */
	buf[14 + 20 + 6] ^= 0x55;
	frame_check(buf, len, &fi);
	ok &= fi.bad && !fi.foreign && !strcmp(fi.reason, "udp checksum");
	result(ok, "udp without nicsim magic is foreign, not bad");

	frame_kind_parse("arp", &p.kind);
	len = frame_build(&p, 5, buf, sizeof(buf));
	buf[14 + 18] ^= 0x55;		/* target hardware marker */
	frame_check(buf, len, &fi);
	result(fi.foreign && !fi.bad && fi.type == NICSIM_RX_OTHER,
	       "arp without nicsim marker is foreign, not bad");
	memset(buf, 0, sizeof(buf));
	buf[12] = 0x88;
	buf[13] = 0xb5;
	frame_check(buf, 60, &fi);
	ok = !fi.bad && fi.foreign && fi.type == NICSIM_RX_OTHER;
	frame_check(buf, 13, &fi);
	result(ok && fi.bad && !fi.foreign, "unknown ethertype is foreign, a runt is bad");
}

/* rx_counter: foreign frames counted apart from bad ones, and named. */
static void test_rx_foreign(void)
{
	static struct rx_counter rc;
	uint8_t buf[1514];
	struct frame_params p;
	char line[1024];
	size_t len;

	rx_counter_init(&rc, NULL, "test");
	frame_params_init(&p);
	len = frame_build(&p, 0, buf, sizeof(buf));
	rx_counter_frame(&rc, buf, len);
	buf[14 + 20 + 8] ^= 0x55;
	frame_fix_l4_csum(buf, len);
	rx_counter_frame(&rc, buf, len);
	rx_counter_frame(&rc, buf, len);
	rx_counter_frame(&rc, buf, 10);		/* runt: bad */
	rx_summary(&rc.local, line, sizeof(line));
	printf("# %s\n", line);
	result(rc.local.total == 4 && rc.local.total_bad == 1 &&
	       rx_foreign(&rc.local) == 2 &&
	       strstr(line, "; udp: rx 1 bad 0 ") &&
	       strstr(line, "; other: bad 1; foreign 2 (no nicsim magic)"),
	       "rx summary: foreign counted apart from bad");
}

/* node 1's own drops: socket drops accumulate, stack drops from a base */
static void test_rx_drops(void)
{
	static struct rx_counter rc;
	char line[256];
	int ok;

	rx_counter_init(&rc, NULL, "test");
	rx_counter_drops(&rc, 5, 100);		/* base 100 */
	rx_counter_drops(&rc, 3, 104);
	ok = rc.local.socket_drops == 8 && rc.local.stack_drops == 4;
	rx_summary(&rc.local, line, sizeof(line));
	ok = ok && strstr(line, " dropped-in-socket 8 dropped-in-stack 4");
	rx_counter_reset(&rc);
	rx_counter_drops(&rc, 0, 110);		/* new base after the reset */
	ok = ok && !rc.local.socket_drops && !rc.local.stack_drops;
	rx_counter_drops(&rc, 1, 111);
	result(ok && rc.local.socket_drops == 1 && rc.local.stack_drops == 1,
	       "rx counter: socket and stack drops counted since the last reset");
}

/* the one definition of dropped and lost (nicsim_stats.h) */
static void test_dropped_lost(void)
{
	const uint64_t drops[NICSIM_NDROPS] = { 20, 5, 1 };
	static const char * const names[NICSIM_NDROPS] = NICSIM_DROP_STATS;

	result(nicsim_dropped(drops) == 26 && nicsim_lost(100, 26, 74) == 0 &&
	       nicsim_lost(100, 26, 70) == 4 && nicsim_lost(100, 26, 75) == -1 &&
	       !strcmp(names[0], "drops_ring_full") &&
	       !strcmp(names[1], "drops_too_big") &&
	       !strcmp(names[2], "drops_bad_desc"),
	       "dropped = sum of drops_*, lost = sent - dropped - received");
}

static int write_limits(const char *dir, const char *text)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), "%s/limits", dir);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* limits file parsing, through $MINT_NICSIM_SYSFS like the tools */
static void test_limits(void)
{
	char dir[] = "/tmp/nicsim-limits.XXXXXX", path[256], b[64];
	struct nicsim_range r = { 0, 0 };
	int ok;

	if (!mkdtemp(dir)) {
		result(0, "nicsim limits: temporary directory");
		return;
	}
	setenv("MINT_NICSIM_SYSFS", dir, 1);
	ok = nicsim_limit("count", &r) == -ENOENT;	/* no file */
	write_limits(dir, "interval_ns 0 10000000000\ncount 1 100000000\nburst 1 256\n");
	ok &= !nicsim_limit("interval_ns", &r) && r.min == 0 && r.max == 10000000000ULL;
	ok &= !strcmp(nicsim_range_str("interval_ns", &r, b, sizeof(b)), "0s..10s");
	ok &= !nicsim_limit("burst", &r) && r.min == 1 && r.max == 256;
	ok &= !strcmp(nicsim_range_str("burst", &r, b, sizeof(b)), "1..256");
	ok &= nicsim_limit("type", &r) == -ENOENT;	/* not numeric */
	ok &= nicsim_limit("interval", &r) == -ENOENT;	/* names match whole */
	result(ok, "nicsim limits file read, ranges formatted per unit");
	write_limits(dir, "count 1\n");
	ok = nicsim_limit("count", &r) == -EINVAL;
	write_limits(dir, "burst 9 1\n");
	result(ok && nicsim_limit("burst", &r) == -EINVAL, "malformed limits file refused");
	snprintf(path, sizeof(path), "%s/limits", dir);
	unlink(path);
	rmdir(dir);
	unsetenv("MINT_NICSIM_SYSFS");
}

int main(void)
{
	test_units();
	test_seqtrack();
	test_frames();
	test_foreign();
	test_rx_foreign();
	test_rx_drops();
	test_dropped_lost();
	test_limits();
	return fails ? 1 : 0;
}
