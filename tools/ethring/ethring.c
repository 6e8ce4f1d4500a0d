// SPDX-License-Identifier: GPL-2.0
/*
 * ethring - read or set a NIC's RX ring size (ethtool -g / -G rx N), for
 * node 1's busybox rootfs, which has no ethtool.
 *
 *   ethring IFACE          prints "rx N max M"
 *   ethring IFACE N        sets the RX ring to N descriptors
 */
#include <errno.h>
#include <linux/ethtool.h>
#include <linux/sockios.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

static int ring_ioctl(int fd, const char *ifname, struct ethtool_ringparam *rp)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ifr.ifr_data = (char *)rp;
	return ioctl(fd, SIOCETHTOOL, &ifr);
}

int main(int argc, char **argv)
{
	struct ethtool_ringparam rp = { .cmd = ETHTOOL_GRINGPARAM };
	char *end;
	long n;
	int fd;

	if (argc != 2 && argc != 3) {
		fprintf(stderr, "usage: ethring IFACE [RX_DESCRIPTORS]\n");
		return 2;
	}
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || ring_ioctl(fd, argv[1], &rp)) {
		fprintf(stderr, "ethring: %s: %s\n", argv[1], strerror(errno));
		return 1;
	}
	if (argc == 2) {
		printf("rx %u max %u\n", rp.rx_pending, rp.rx_max_pending);
		return 0;
	}
	errno = 0;
	n = strtol(argv[2], &end, 0);
	if (errno || *end || n <= 0 || n > (long)rp.rx_max_pending) {
		fprintf(stderr, "ethring: bad RX ring size '%s' (1..%u)\n",
			argv[2], rp.rx_max_pending);
		return 2;
	}
	rp.cmd = ETHTOOL_SRINGPARAM;
	rp.rx_pending = (unsigned int)n;
	if (ring_ioctl(fd, argv[1], &rp)) {
		fprintf(stderr, "ethring: %s: setting rx %ld: %s\n", argv[1], n,
			strerror(errno));
		return 1;
	}
	return 0;
}
