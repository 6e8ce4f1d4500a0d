/* SPDX-License-Identifier: GPL-2.0 */
/* sysfs_io.h - small helpers to read and write sysfs-like attribute files. */
#ifndef SYSFS_IO_H
#define SYSFS_IO_H

#include <stddef.h>
#include <stdint.h>

/* Root of the Mint core ABI: $MINT_SYSFS or /sys/kernel/mint. */
const char *mint_sysfs_root(void);
/* Root of the nicsim ABI: $MINT_NICSIM_SYSFS or /sys/kernel/mint_nicsim. */
const char *nicsim_sysfs_root(void);

/* Join root and rel into out; -ENAMETOOLONG if it does not fit. */
int sysfs_path(char *out, size_t outsz, const char *root, const char *rel);
/* Read a whole attribute (NUL-terminated, trailing newlines stripped).
 * Returns the length or -errno. */
int sysfs_read(const char *path, char *buf, size_t bufsz);
/* The same through an open descriptor, from offset 0: the read that arms
 * sysfs_wait() on it. */
int sysfs_read_fd(int fd, char *buf, size_t bufsz);
/* Wait at most ms for the kernel to notify a change of the attribute open
 * on fd (sysfs_notify(); read it with sysfs_read_fd() first).  Not sysfs
 * (a test's stand-in file, or fd < 0): sleep at most fallback_ms.
 * Returns 0 on a change, -ETIMEDOUT or -errno (-EINTR: a signal). */
int sysfs_wait(int fd, unsigned int ms, unsigned int fallback_ms);
/* Write val in one write(); returns 0 or -errno (the kernel's error). */
int sysfs_write(const char *path, const char *val);
/* Read an unsigned decimal (or 0x hex) number; -EINVAL if malformed. */
int sysfs_read_u64(const char *path, uint64_t *val);

/* Same, relative to a root directory. */
int sysfs_read_at(const char *root, const char *rel, char *buf, size_t bufsz);
int sysfs_write_at(const char *root, const char *rel, const char *val);
int sysfs_read_u64_at(const char *root, const char *rel, uint64_t *val);

#endif /* SYSFS_IO_H */
