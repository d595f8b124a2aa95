#!/usr/bin/env python3
"""Writes N copies of a small MCP render to stdout, each copy's objects renamed (mcp-server -> mcp-server-<i>) so that
the copies are distinct objects of one render: names, labels, selectors and the Service references all follow, and
the findings of one copy repeat once per copy. The render is examples/rendered/production.yaml (7 documents, one MCP
server with its Service, Ingress, autoscaler, budget, ConfigMap and Helm test) unless another file is given, without
helm's bookkeeping labels (chart, managed-by, version) and comments: 7.3 KB a copy, 10,000 copies 73 MB.
Usage: copies.py N [RENDER]"""
import pathlib
import re
import sys

copies = int(sys.argv[1])
source = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else
                      pathlib.Path(__file__).resolve().parent.parent / "examples/rendered/production.yaml")
text = source.read_text(encoding="utf-8")
text = re.sub(r"(?m)^\s*(helm\.sh/chart|app\.kubernetes\.io/managed-by|app\.kubernetes\.io/version):.*\n", "", text)
text = re.sub(r"(?m)^\s*#.*\n", "", text)
# The release name where it names an object or a host (mcp-server, mcp-server-protocol-test, http://mcp-server:8080),
# not inside an image or file path (/mcp-server:1.8.2, /etc/mcp-server).
name = re.compile(r"(?<![\w.])(?<!\w/)mcp-server(?![\w/])")
out = sys.stdout
for i in range(copies):
    out.write(name.sub(f"mcp-server-{i}", text) if copies > 1 else text)
    if not text.endswith("\n"):
        out.write("\n")
