// SPDX-License-Identifier: GPL-2.0
/* mint_shm.c - open a named area of the Mint shared range from userspace. */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mint_shm.h"
#include "sysfs_io.h"

#define AREAS_MAX_BYTES	(64 * 1024)
#define FAKE_ALIGN	4096u

int mint_area_name_ok(const char *name)
{
	size_t i, len = strlen(name);

	if (len == 0 || len >= MINT_AREA_NAME_LEN)
		return -EINVAL;
	for (i = 0; i < len; i++)
		if (name[i] <= ' ' || name[i] > '~')
			return -EINVAL;
	return 0;
}

int mint_area_foreach(int (*cb)(const char *, uint64_t, uint64_t, void *),
		      void *arg)
{
	char path[512], *buf, *line, *save = NULL;
	int n, ret = 0;

	n = sysfs_path(path, sizeof(path), mint_sysfs_root(), "areas");
	if (n)
		return n;
	buf = malloc(AREAS_MAX_BYTES);
	if (!buf)
		return -ENOMEM;
	n = sysfs_read(path, buf, AREAS_MAX_BYTES);
	if (n < 0) {
		free(buf);
		return n;
	}
	for (line = strtok_r(buf, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		char name[MINT_AREA_NAME_LEN + 1];
		unsigned long long off, size;

		/* %24s: one more than a valid name so overlong ones are caught */
		if (sscanf(line, "%24s %lli %lli", name, &off, &size) != 3)
			continue;
		if (mint_area_name_ok(name))
			continue;
		ret = cb(name, off, size, arg);
		if (ret)
			break;
	}
	free(buf);
	return ret < 0 ? ret : 0;
}

struct lookup_ctx {
	const char *name;
	uint64_t offset, size;
	int found;
};

static int lookup_cb(const char *name, uint64_t off, uint64_t size, void *arg)
{
	struct lookup_ctx *c = arg;

	if (strcmp(name, c->name))
		return 0;
	c->offset = off;
	c->size = size;
	c->found = 1;
	return 1;
}

int mint_area_lookup(const char *name, uint64_t *offset, uint64_t *size)
{
	struct lookup_ctx c = { .name = name };
	int err;

	if (mint_area_name_ok(name))
		return -EINVAL;
	err = mint_area_foreach(lookup_cb, &c);
	if (err)
		return err;
	if (!c.found)
		return -ENOENT;
	*offset = c.offset;
	*size = c.size;
	return 0;
}

static int fake_mode(const char *areas_path)
{
	struct stat st;

	return getenv("MINT_SYSFS") && !stat(areas_path, &st) &&
	       S_ISREG(st.st_mode);
}

/* Host-test emulation of "write name size to areas" on regular files. */
static int fake_create(const char *root, const char *name, uint64_t size)
{
	char ap[512], sp[512], line[128];
	uint64_t end = FAKE_ALIGN, off, sz;
	int fd, sfd, err = 0;
	FILE *f;

	if (sysfs_path(ap, sizeof(ap), root, "areas") ||
	    sysfs_path(sp, sizeof(sp), root, "shm"))
		return -ENAMETOOLONG;
	fd = open(ap, O_RDWR | O_APPEND | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	if (flock(fd, LOCK_EX) < 0) {
		err = -errno;
		goto out;
	}
	if (!mint_area_lookup(name, &off, &sz)) {
		err = sz < size ? -EEXIST : 0;
		goto out;
	}
	f = fopen(ap, "r");
	if (!f) {
		err = -errno;
		goto out;
	}
	while (fgets(line, sizeof(line), f)) {
		char n[MINT_AREA_NAME_LEN + 1];
		unsigned long long o, s;

		if (sscanf(line, "%24s %lli %lli", n, &o, &s) == 3 &&
		    o + s > end)
			end = o + s;
	}
	fclose(f);
	end = (end + FAKE_ALIGN - 1) & ~(uint64_t)(FAKE_ALIGN - 1);
	sfd = open(sp, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (sfd < 0) {
		err = -errno;
		goto out;
	}
	/* ftruncate zero-fills, like the kernel zeroes a new area */
	if (ftruncate(sfd, (off_t)(end + size)) < 0)
		err = -errno;
	close(sfd);
	if (!err) {
		int n = snprintf(line, sizeof(line), "%s %" PRIu64 " %" PRIu64 "\n",
				 name, end, size);

		if (write(fd, line, (size_t)n) != n)
			err = -EIO;
	}
out:
	close(fd);
	return err;
}

static int area_create(const char *name, uint64_t size)
{
	const char *root = mint_sysfs_root();
	char ap[512], val[64];

	if (sysfs_path(ap, sizeof(ap), root, "areas"))
		return -ENAMETOOLONG;
	if (fake_mode(ap))
		return fake_create(root, name, size);
	snprintf(val, sizeof(val), "%s %" PRIu64, name, size);
	return sysfs_write(ap, val);
}

int mint_area_open(const char *name, uint64_t create_size, struct mint_area *a)
{
	uint64_t off, size, pgoff;
	long page = sysconf(_SC_PAGESIZE);
	char sp[512];
	struct stat st;
	void *map;
	int fd, err;

	memset(a, 0, sizeof(*a));
	if (mint_area_name_ok(name))
		return -EINVAL;
	if (page <= 0)
		page = 4096;
	err = mint_area_lookup(name, &off, &size);
	if (err == -ENOENT && create_size) {
		err = area_create(name, create_size);
		if (!err)
			err = mint_area_lookup(name, &off, &size);
	}
	if (err)
		return err;
	if (size < create_size)
		return -EEXIST;
	if (size == 0 || size > (1ULL << 40) || off > (1ULL << 40))
		return -ERANGE;
	err = sysfs_path(sp, sizeof(sp), mint_sysfs_root(), "shm");
	if (err)
		return err;
	fd = open(sp, O_RDWR | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	/* a sysfs bin attribute reports the size of the shared range */
	if (!fstat(fd, &st) && st.st_size > 0 &&
	    off + size > (uint64_t)st.st_size) {
		close(fd);
		return -ERANGE;
	}
	pgoff = off & ~(uint64_t)(page - 1);
	a->map_len = (size_t)(off - pgoff + size);
	map = mmap(NULL, a->map_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd,
		   (off_t)pgoff);
	err = map == MAP_FAILED ? -errno : 0;
	close(fd);
	if (err)
		return err;
	snprintf(a->name, sizeof(a->name), "%s", name);
	a->offset = off;
	a->size = size;
	a->map = map;
	a->addr = (char *)map + (off - pgoff);
	return 0;
}

void mint_area_close(struct mint_area *a)
{
	if (a->map)
		munmap(a->map, a->map_len);
	memset(a, 0, sizeof(*a));
}
