// SPDX-License-Identifier: GPL-2.0
/*
 * unit_tests.c - host unit tests of the tools' library code (parsing,
 * formatting, sequence tracking, frame build/check round trips, hostile
 * frames).  Prints PASS/FAIL lines that run-tools-tests.sh turns into KTAP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frame_build.h"
#include "frame_check.h"
#include "seqtrack.h"
#include "units.h"
#include "mint_shm.h"

static int fails;

static void result(int ok, const char *name)
{
	printf("%s unit: %s\n", ok ? "PASS" : "FAIL", name);
	if (!ok)
		fails++;
}

static int dur_is(const char *s, uint64_t want)
{
	uint64_t v;

	return !parse_duration_ns(s, &v) && v == want;
}

static int dur_bad(const char *s)
{
	uint64_t v;

	return parse_duration_ns(s, &v) != 0;
}

static void test_units(void)
{
	char b[32];
	uint64_t v;

	result(dur_is("10us", 10000) && dur_is("1ms", 1000000) &&
	       dur_is("0", 0) && dur_is("100", 100) && dur_is("2s", 2000000000ULL) &&
	       dur_is("1.5us", 1500) && dur_is("250ns", 250) &&
	       dur_is("10000000000", 10000000000ULL), "parse_duration_ns valid");
	result(dur_bad("") && dur_bad("us") && dur_bad("10x") && dur_bad("-1") &&
	       dur_bad("1.us") && dur_bad("99999999999999999999") &&
	       dur_bad("18446744073709551615s"), "parse_duration_ns invalid");
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
	result(bad_ok, "every bit flip in udp/icmp frames detected");
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
	memset(buf, 0, sizeof(buf));
	buf[12] = 0x88;
	buf[13] = 0xb5;
	frame_check(buf, 60, &fi);
	result(!fi.bad && fi.type == NICSIM_RX_OTHER, "unknown ethertype is other");
}

int main(void)
{
	test_units();
	test_seqtrack();
	test_frames();
	return fails ? 1 : 0;
}
