#!/usr/bin/env python3
"""Writes the inputs of SameFindingsIT into inputs/ (run once, before any performance work, from the repository
root: python3 src/test/resources/same-findings/make-inputs.py). Generated copies (bench/generate.py) and mutated
variants that exercise what a faster loader, graph or engine could get wrong: document order, CRLF and byte order
marks, non-ASCII and supplementary characters (UTF-16 columns), broken documents, anchors and merge keys, flow
style, secrets, objects missing from a render, several files and folders. Deterministic (seeded)."""
import gzip
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "inputs")
GENERATE = os.path.join(HERE, "..", "..", "..", "..", "bench", "generate.py")


def generated(apps, seed=7):
    return subprocess.run([sys.executable, GENERATE, str(apps), str(seed)], check=True, capture_output=True,
                          text=True).stdout


def documents(text):
    return ["---\n" + d for d in text.split("---\n") if d.strip()]


def write(name, text, binary=False):
    path = os.path.join(OUT, name + ".gz")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text if binary else text.encode("utf-8")
    with open(path, "wb") as f:
        f.write(gzip.compress(data, mtime=0))


rng = random.Random(12)
write("copies-1.yaml", generated(1))
write("copies-200.yaml", generated(200))

# Documents shuffled: graph order must not depend on document order.
docs = documents(generated(60, 3))
rng.shuffle(docs)
write("shuffled.yaml", "".join(docs))

# CRLF, byte order marks (stream start and a concatenated file), non-ASCII and supplementary characters before values.
docs = documents(generated(30, 5))
for i in range(0, len(docs), 4):
    docs[i] = docs[i].replace("  namespace:", "  annotations:\n    description: \"caf\u00e9 \U0001F680 \u6f22\u5b57 \U0001F600x\"\n  namespace:", 1)
for i in range(2, len(docs), 5):
    docs[i] = docs[i].replace("# Source:", "# \u00fcber \U0001F680 Source:", 1)
docs[7] = "\ufeff" + docs[7]
write("crlf-bom-unicode.yaml", ("\ufeff" + "".join(docs)).replace("\n", "\r\n"))

# Broken documents: each costs only itself; the findings that claim an object is missing are withheld.
docs = documents(generated(40, 9))
docs[3] = docs[3].replace("name: mcp-0", "name: \"mcp-0", 1)                        # unclosed quote
docs[7] = docs[7].replace("  namespace:", "  name: twice\n  namespace:", 1)          # duplicate key
docs[12] = docs[12].replace("minReplicas: 2", "minReplicas: .inf", 1)              # not JSON
docs[17] = docs[17].replace("spec:\n", "spec:\n  [a, b]: c\n", 1)                  # a list as a key
docs[21] = docs[21].replace("kind: Service", "kind: Service\n  bad: [", 1)         # bad flow
docs.insert(25, "---\n- just\n- a list\n")
docs.insert(26, "---\n# Source: fleet/templates/empty.yaml\n")
docs.insert(27, "---\n\"a scalar document\"\n")
write("broken-documents.yaml", "".join(docs))

# Anchors, aliases and merge keys; flow style; block scalars; quoted keys and values.
docs = documents(generated(20, 11))
docs.append("""---
# Source: fleet/templates/anchored.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: anchored
  namespace: team-1
  labels: &labels {app.kubernetes.io/name: anchored, "quoted key": 'single'}
spec:
  selector:
    matchLabels: *labels
  template:
    metadata:
      labels:
        <<: *labels
        extra: "yes"
    spec:
      terminationGracePeriodSeconds: 10
      containers:
        - &container
          name: mcp
          image: ghcr.io/acme/mcp-server:latest
          command: ["/bin/sh", "-c"]
          args:
            - |
              exec server --port 8080
              sleep 5
          lifecycle:
            preStop:
              exec: {command: [sleep, "30"]}
          ports: [{name: mcp, containerPort: 8080}]
        - <<: *container
          name: sidecar
          image: >-
            ghcr.io/acme/mcp-sidecar@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
""")
docs.append("""---
# Source: fleet/templates/flow.yaml
{"apiVersion": "networking.k8s.io/v1", "kind": "Ingress", "metadata": {"name": "flow", "namespace": "team-1",
 "annotations": {"note": "\U0001F680\u00e9\U0001F600", "nginx.ingress.kubernetes.io/proxy-read-timeout": "30"}}, "spec": {"ingressClassName": "nginx",
 "rules": [{"host": "flow.example.com", "http": {"paths": [{"path": "/mcp", "pathType": "Prefix",
 "backend": {"service": {"name": "anchored", "port": {"number": 8080}}}}]}}]}}
""")
write("anchors-flow-block.yaml", "".join(docs))

# Secrets in env values, a Secret with data and stringData, token-shaped strings in annotations and a ConfigMap.
docs = documents(generated(15, 13))
token = "ghp_" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") for _ in range(36))
docs[0] = docs[0].replace("            - name: LOG_LEVEL\n              value: info",
                          "            - name: GITHUB_TOKEN\n              value: " + token
                          + "\n            - name: DB_PASSWORD\n              value: hunter2-but-longer", 1)
docs.append("""---
apiVersion: v1
kind: Secret
metadata: {name: creds, namespace: team-0}
stringData:
  api-key: sk-live-0123456789abcdef0123456789abcdef
data:
  password: aHVudGVyMi1idXQtbG9uZ2Vy
---
apiVersion: v1
kind: ConfigMap
metadata: {name: endpoints, namespace: team-0, annotations: {note: "token=%s"}}
data:
  MCP_URL: http://mcp-3.team-3.svc.cluster.local:8080/mcp
  config.yaml: |
    upstream: http://mcp-5:8080/sse
    password: correct-horse-battery-staple
""" % token)
write("secrets.yaml", "".join(docs))

# Objects missing from the render: budgets and autoscalers removed, routes to absent services, absent HPA targets.
docs = [d for i, d in enumerate(documents(generated(50, 17)))
        if not (i % 5 == 4 and i % 3 == 0) and not (i % 5 == 3 and i % 7 == 0)]
docs = [d.replace("name: mcp-4\n", "name: gone-4\n", 1) if "kind: Service" in d else d for d in docs]
docs = [d.replace("kind: Deployment, name: mcp-8}", "kind: Deployment, name: nowhere}", 1) for d in docs]
write("missing-objects.yaml", "".join(docs))

# Invalid UTF-8 inside one document.
data = generated(10, 19).encode("utf-8")
cut = data.index(b"kind: Ingress")
write("invalid-utf8.yaml", data[:cut] + b"kind: Ingr\xff\xfeess" + data[cut + len(b"kind: Ingress"):], binary=True)

# One render over several files and folders.
docs = documents(generated(12, 23))
for i in range(0, len(docs), 9):
    write("folder/part-%02d.yaml" % (i // 9), "".join(docs[i:i + 9]))
write("folder/nested/more.yml", "".join(documents(generated(3, 29))).replace("mcp-", "nested-"))
