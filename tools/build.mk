# SPDX-License-Identifier: GPL-2.0
# Shared rules: each tool Makefile sets TOOL and SRCS, then includes this.
# Builds a static binary into $(OUT) (default: the tool's directory).
TOOLS_DIR := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
CC	?= gcc
ifeq ($(origin CC),default)
CC	:= gcc
endif
OUT	?= .
CFLAGS	?= -O2
CFLAGS	+= -Wall -Wextra -Werror -D_GNU_SOURCE \
	   -I$(TOOLS_DIR)/include -I$(TOOLS_DIR)/lib
LDFLAGS	+= -static
HDRS	:= $(wildcard $(TOOLS_DIR)/include/*.h $(TOOLS_DIR)/lib/*.h *.h)

all: $(OUT)/$(TOOL)

$(OUT)/$(TOOL): $(SRCS) $(HDRS)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS) -o $@ $(SRCS) $(LDFLAGS)

clean:
	rm -f $(OUT)/$(TOOL)

.PHONY: all clean
