#!/usr/bin/env python3
"""Writes a synthetic helm render with N MCP server apps (Deployment, Service, Ingress, HPA, PDB each: 5 objects
per app) to stdout. Every tenth app carries a planted problem so the rules have findings to report.
Usage: generate.py APPS [SEED]"""
import random
import sys

apps = int(sys.argv[1])
rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 7)
out = sys.stdout
for i in range(apps):
    ns = f"team-{i % 50}"
    name = f"mcp-{i}"
    broken = i % 10 == 0
    grace = 30 if broken else 60
    timeout = "60" if broken else "3600"
    window = 30 if broken else rng.choice([300, 600])
    pdb_label = "wrong" if broken else name
    out.write(f"""---
# Source: fleet/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: {ns}
spec:
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
        app.kubernetes.io/part-of: fleet
    spec:
      terminationGracePeriodSeconds: {grace}
      containers:
        - name: server
          image: ghcr.io/acme/mcp-server:1.{i % 7}.0
          ports:
            - name: http
              containerPort: 8080
          env:
            - name: MCP_TRANSPORT
              value: http
            - name: LOG_LEVEL
              value: info
          readinessProbe:
            httpGet: {{path: /health, port: http}}
          livenessProbe:
            httpGet: {{path: /health, port: http}}
          resources:
            requests: {{cpu: 100m, memory: 128Mi}}
            limits: {{cpu: 500m, memory: 512Mi}}
---
# Source: fleet/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: {ns}
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
    - name: http
      port: 8080
      targetPort: http
---
# Source: fleet/templates/ingress.yaml
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {name}
  namespace: {ns}
  annotations:
    nginx.ingress.kubernetes.io/proxy-buffering: "off"
    nginx.ingress.kubernetes.io/proxy-read-timeout: "{timeout}"
    nginx.ingress.kubernetes.io/proxy-send-timeout: "3600"
spec:
  ingressClassName: nginx
  tls:
    - hosts: [{name}.example.com]
      secretName: {name}-tls
  rules:
    - host: {name}.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: {name}
                port:
                  name: http
---
# Source: fleet/templates/hpa.yaml
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
  namespace: {ns}
spec:
  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: {name}}}
  minReplicas: 2
  maxReplicas: 10
  metrics:
    - type: Resource
      resource: {{name: cpu, target: {{type: Utilization, averageUtilization: 70}}}}
  behavior:
    scaleDown:
      stabilizationWindowSeconds: {window}
      policies: [{{type: Pods, value: 1, periodSeconds: 60}}]
---
# Source: fleet/templates/pdb.yaml
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
  namespace: {ns}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {pdb_label}
""")
