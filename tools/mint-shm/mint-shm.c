// SPDX-License-Identifier: GPL-2.0
/*
 * mint-shm - inspect and test the named areas of the Mint shared range.
 *
 * mint-shm list
 * mint-shm create NAME SIZE           SIZE may end in K or M
 * mint-shm fill   NAME SEED [LEN]     write a seeded pattern
 * mint-shm verify NAME SEED [LEN]     check it (exit 1 on the first mismatch)
 * mint-shm dump   NAME [OFF [LEN]]    hex dump (default 256 bytes)
 * The pattern depends on seed and offset, so a shifted, stale or partly
 * written area is detected.  Root: $MINT_SYSFS or /sys/kernel/mint.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mint_shm.h"
#include "units.h"

static uint64_t splitmix64(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

static uint8_t pattern_byte(uint64_t seed, uint64_t off)
{
	return (uint8_t)(splitmix64(seed ^ (off / 8) * 0x100000001b3ULL) >>
			 ((off % 8) * 8));
}

static int parse_size(const char *s, uint64_t *v)
{
	char buf[32];
	size_t n = strlen(s);
	uint64_t mult = 1;

	if (n == 0 || n >= sizeof(buf))
		return -EINVAL;
	memcpy(buf, s, n + 1);
	if (buf[n - 1] == 'K' || buf[n - 1] == 'k')
		mult = 1024;
	else if (buf[n - 1] == 'M' || buf[n - 1] == 'm')
		mult = 1024 * 1024;
	if (mult > 1)
		buf[n - 1] = '\0';
	if (parse_u64(buf, v) || *v > UINT64_MAX / mult)
		return -EINVAL;
	*v *= mult;
	return 0;
}

static int list_cb(const char *name, uint64_t off, uint64_t size, void *arg)
{
	(void)arg;
	printf("%-24s offset %-10llu size %llu\n", name,
	       (unsigned long long)off, (unsigned long long)size);
	return 0;
}

static int open_area(const char *name, uint64_t create, struct mint_area *a)
{
	int err = mint_area_open(name, create, a);

	if (err)
		fprintf(stderr, "mint-shm: area '%s': %s\n", name,
			err == -EEXIST ? "exists and is smaller" : strerror(-err));
	return err;
}

/* LEN argument bounded by the area size (default: whole area). */
static int get_len(int argc, char **argv, int idx, const struct mint_area *a,
		   uint64_t *len)
{
	*len = a->size;
	if (argc <= idx)
		return 0;
	if (parse_size(argv[idx], len) || *len > a->size) {
		fprintf(stderr, "mint-shm: bad length '%s' (area size %llu)\n",
			argv[idx], (unsigned long long)a->size);
		return -1;
	}
	return 0;
}

static int fill_or_verify(int argc, char **argv, int verify)
{
	struct mint_area a;
	uint64_t seed, len, i;
	volatile uint8_t *p;

	if (argc < 4 || argc > 5 || parse_u64(argv[3], &seed)) {
		fprintf(stderr, "usage: mint-shm %s NAME SEED [LEN]\n", argv[1]);
		return 2;
	}
	if (open_area(argv[2], 0, &a))
		return 1;
	if (get_len(argc, argv, 4, &a, &len))
		return 2;
	p = a.addr;
	for (i = 0; i < len; i++) {
		uint8_t want = pattern_byte(seed, i);

		if (!verify) {
			p[i] = want;
		} else if (p[i] != want) {
			printf("mint-shm: %s: mismatch at offset %llu: 0x%02x, expected 0x%02x\n",
			       a.name, (unsigned long long)i, p[i], want);
			mint_area_close(&a);
			return 1;
		}
	}
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	printf("mint-shm: %s: %s %llu bytes (seed %llu)\n", a.name,
	       verify ? "verified" : "filled", (unsigned long long)len,
	       (unsigned long long)seed);
	mint_area_close(&a);
	return 0;
}

static int dump(int argc, char **argv)
{
	uint64_t off = 0, len = 256, i;
	struct mint_area a;
	const uint8_t *p;

	if (argc < 3 || argc > 5 || (argc > 3 && parse_size(argv[3], &off)) ||
	    (argc > 4 && parse_size(argv[4], &len))) {
		fprintf(stderr, "usage: mint-shm dump NAME [OFF [LEN]]\n");
		return 2;
	}
	if (open_area(argv[2], 0, &a))
		return 1;
	if (off > a.size)
		off = a.size;
	if (len > a.size - off)
		len = a.size - off;
	p = a.addr;
	for (i = 0; i < len; i++) {
		if (i % 16 == 0)
			printf("%08llx:", (unsigned long long)(off + i));
		printf(" %02x", p[off + i]);
		if (i % 16 == 15 || i + 1 == len)
			putchar('\n');
	}
	mint_area_close(&a);
	return 0;
}

int main(int argc, char **argv)
{
	struct mint_area a;
	uint64_t size;
	int err;

	if (argc < 2)
		goto usage;
	if (!strcmp(argv[1], "list") && argc == 2) {
		err = mint_area_foreach(list_cb, NULL);
		if (err)
			fprintf(stderr, "mint-shm: %s\n", strerror(-err));
		return err ? 1 : 0;
	}
	if (!strcmp(argv[1], "create") && argc == 4) {
		if (parse_size(argv[3], &size) || !size) {
			fprintf(stderr, "mint-shm: bad size '%s'\n", argv[3]);
			return 2;
		}
		if (open_area(argv[2], size, &a))
			return 1;
		printf("mint-shm: %s: offset %llu size %llu\n", a.name,
		       (unsigned long long)a.offset, (unsigned long long)a.size);
		mint_area_close(&a);
		return 0;
	}
	if (!strcmp(argv[1], "fill"))
		return fill_or_verify(argc, argv, 0);
	if (!strcmp(argv[1], "verify"))
		return fill_or_verify(argc, argv, 1);
	if (!strcmp(argv[1], "dump"))
		return dump(argc, argv);
usage:
	fprintf(stderr,
		"usage: mint-shm list\n"
		"       mint-shm create NAME SIZE[K|M]\n"
		"       mint-shm fill NAME SEED [LEN]\n"
		"       mint-shm verify NAME SEED [LEN]\n"
		"       mint-shm dump NAME [OFF [LEN]]\n");
	return 2;
}
