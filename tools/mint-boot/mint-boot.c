// SPDX-License-Identifier: GPL-2.0
/*
 * mint-boot: start Mint node 1 from node 0.
 *
 *   mint-boot [-t D] bzImage [initrd] ["extra cmdline"]
 *
 * Writes /sys/kernel/mint/node1/{kernel,initrd,cmdline}, writes 1 to
 * node1/boot and waits until node1/state reads "running". Prints the time
 * taken. Exits non-zero on any error or on timeout (-t D: a duration with a
 * unit, 1ms..86400s, default 30s).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "units.h"

#define NODE1 "/sys/kernel/mint/node1/"
#define DEFAULT_CMDLINE \
	"console=ttyS1,115200 earlyprintk=serial,ttyS1,115200 nokaslr no5lvl rdinit=/init"

static int write_file(const char *name, const char *val)
{
	char path[256];
	size_t len = strlen(val);
	int fd, ret = 0;

	snprintf(path, sizeof(path), NODE1 "%s", name);
	fd = open(path, O_WRONLY);
	if (fd < 0) {
		fprintf(stderr, "mint-boot: open %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (write(fd, len ? val : "\n", len ? len : 1) < 0) {
		fprintf(stderr, "mint-boot: write %s: %s\n", path, strerror(errno));
		ret = -1;
	}
	close(fd);
	return ret;
}

static int read_state(char *buf, size_t size)
{
	int fd = open(NODE1 "state", O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static int usage(void)
{
	fprintf(stderr, "usage: mint-boot [-t D] bzImage [initrd] [\"extra cmdline\"]\n"
		"D: timeout with a unit (120s), 1ms..86400s; default 30s\n");
	return 2;
}

int main(int argc, char **argv)
{
	char kernel[PATH_MAX], initrd[PATH_MAX] = "", state[64];
	static const struct duration_opt timeout_opt = {
		"mint-boot", "-t", 1000000, 1000000, 86400000000000ULL,
	};
	char cmdline[2048] = DEFAULT_CMDLINE, tbuf[32];
	uint64_t timeout = 30000000000ULL, start, t;
	int opt;

	while ((opt = getopt(argc, argv, "t:h")) != -1) {
		switch (opt) {
		case 't':
			if (duration_arg(&timeout_opt, optarg, &timeout))
				return 2;
			break;
		default:
			return usage();
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1 || argc > 3)
		return usage();
	if (!realpath(argv[0], kernel)) {
		fprintf(stderr, "mint-boot: %s: %s\n", argv[0], strerror(errno));
		return 1;
	}
	if (argc >= 2 && argv[1][0] && !realpath(argv[1], initrd)) {
		fprintf(stderr, "mint-boot: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (argc == 3 && argv[2][0]) {
		if (strlen(cmdline) + 1 + strlen(argv[2]) >= sizeof(cmdline)) {
			fprintf(stderr, "mint-boot: command line too long\n");
			return 1;
		}
		strcat(cmdline, " ");
		strcat(cmdline, argv[2]);
	}

	if (write_file("kernel", kernel) || write_file("initrd", initrd) ||
	    write_file("cmdline", cmdline))
		return 1;
	start = now_ns();
	if (write_file("boot", "1"))
		return 1;
	for (;;) {
		t = now_ns() - start;
		if (read_state(state, sizeof(state))) {
			fprintf(stderr, "mint-boot: cannot read state\n");
			return 1;
		}
		if (!strcmp(state, "running"))
			break;
		if (strcmp(state, "booting")) {
			fprintf(stderr, "mint-boot: node 1 is %s after %.3f s\n",
				state, t / 1e9);
			return 1;
		}
		if (t > timeout) {
			fprintf(stderr, "mint-boot: node 1 not running after %s\n",
				format_ns_exact(timeout, tbuf, sizeof(tbuf)));
			return 1;
		}
		usleep(10000);
	}
	printf("mint-boot: node 1 running after %.3f s\n", t / 1e9);
	return 0;
}
