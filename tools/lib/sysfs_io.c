// SPDX-License-Identifier: GPL-2.0
/* sysfs_io.c - small helpers to read and write sysfs-like attribute files. */
#include <errno.h>
#include <fcntl.h>
#include <linux/magic.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <unistd.h>

#include "sysfs_io.h"
#include "units.h"

static const char *env_or(const char *env, const char *def)
{
	const char *v = getenv(env);

	return (v && *v) ? v : def;
}

const char *mint_sysfs_root(void)
{
	return env_or("MINT_SYSFS", "/sys/kernel/mint");
}

const char *nicsim_sysfs_root(void)
{
	return env_or("MINT_NICSIM_SYSFS", "/sys/kernel/mint_nicsim");
}

int sysfs_path(char *out, size_t outsz, const char *root, const char *rel)
{
	int n = snprintf(out, outsz, "%s/%s", root, rel);

	if (n < 0 || (size_t)n >= outsz)
		return -ENAMETOOLONG;
	return 0;
}

int sysfs_read_fd(int fd, char *buf, size_t bufsz)
{
	size_t len = 0;
	ssize_t n;

	if (bufsz == 0)
		return -EINVAL;
	while (len < bufsz - 1) {
		n = pread(fd, buf + len, bufsz - 1 - len, (off_t)len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == ' '))
		buf[--len] = '\0';
	return (int)len;
}

int sysfs_read(const char *path, char *buf, size_t bufsz)
{
	int fd, n;

	if (bufsz == 0)
		return -EINVAL;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = sysfs_read_fd(fd, buf, bufsz);
	close(fd);
	return n;
}

int sysfs_wait(int fd, unsigned int ms, unsigned int fallback_ms)
{
	struct pollfd p = { .fd = fd, .events = POLLPRI };
	struct statfs sf;
	int n;

	/*
	 * Only sysfs notifies; a plain file always polls readable, and a
	 * test's stand-in directory is made of them.
	 */
	if (fstatfs(fd, &sf) || sf.f_type != SYSFS_MAGIC) {
		sleep_ms(ms < fallback_ms ? ms : fallback_ms);
		return -ETIMEDOUT;
	}
	n = poll(&p, 1, (int)ms);
	if (n < 0)
		return -errno;
	return n ? 0 : -ETIMEDOUT;
}

int sysfs_write(const char *path, const char *val)
{
	size_t len = strlen(val);
	ssize_t n;
	int fd, err = 0;

	/* O_TRUNC matters only for the fake regular-file trees of host tests */
	fd = open(path, O_WRONLY | O_CLOEXEC | O_TRUNC);
	if (fd < 0)
		return -errno;
	do {
		n = write(fd, val, len);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		err = -errno;
	else if ((size_t)n != len)
		err = -EIO;
	if (close(fd) < 0 && !err)
		err = -errno;
	return err;
}

int sysfs_read_u64(const char *path, uint64_t *val)
{
	char buf[64], *end;
	unsigned long long v;
	int n;

	n = sysfs_read(path, buf, sizeof(buf));
	if (n < 0)
		return n;
	if (n == 0 || buf[0] == '-')
		return -EINVAL;
	errno = 0;
	v = strtoull(buf, &end, 0);
	if (errno || end == buf || (*end && *end != '\n' && *end != ' '))
		return -EINVAL;
	*val = v;
	return 0;
}

int sysfs_read_at(const char *root, const char *rel, char *buf, size_t bufsz)
{
	char p[512];
	int err = sysfs_path(p, sizeof(p), root, rel);

	return err ? err : sysfs_read(p, buf, bufsz);
}

int sysfs_write_at(const char *root, const char *rel, const char *val)
{
	char p[512];
	int err = sysfs_path(p, sizeof(p), root, rel);

	return err ? err : sysfs_write(p, val);
}

int sysfs_read_u64_at(const char *root, const char *rel, uint64_t *val)
{
	char p[512];
	int err = sysfs_path(p, sizeof(p), root, rel);

	return err ? err : sysfs_read_u64(p, val);
}
