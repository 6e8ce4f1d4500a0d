# SPDX-License-Identifier: GPL-2.0
# Shared rules: each tool Makefile sets TOOL and SRCS, then includes this.
# Builds a static binary into $(OUT) (default: the tool's directory), or a
# dynamic one if the tool sets SHARED_LIBS (libraries by name, e.g. pcap):
# Debian's libpcap.a needs libdbus-1.a and a libsystemd.a Debian does not
# ship.  build-rootfs copies a dynamic tool's shared libraries (ldd).
TOOLS_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
CC	?= gcc
ifeq ($(origin CC),default)
CC	:= gcc
endif
OUT	?= .
CFLAGS	?= -O2
CFLAGS	+= -Wall -Wextra -Werror -D_GNU_SOURCE \
	   -I$(TOOLS_DIR)/include -I$(TOOLS_DIR)/lib
ifeq ($(SHARED_LIBS),)
LDFLAGS	+= -static
endif
LDLIBS	:= $(SHARED_LIBS:%=-l%)
HDRS	:= $(wildcard $(TOOLS_DIR)/include/*.h $(TOOLS_DIR)/lib/*.h *.h)

all: $(OUT)/$(TOOL)

$(OUT)/$(TOOL): $(SRCS) $(HDRS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS) -o $@ $(SRCS) $(LDFLAGS) $(LDLIBS)

clean:
	rm -f $(OUT)/$(TOOL)

.PHONY: all clean
