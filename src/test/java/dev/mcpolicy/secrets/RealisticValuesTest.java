package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import org.approvaltests.Approvals;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A values file shaped like real MCP server charts (the guide's layout plus common subchart blocks): the
 * clean parts must raise nothing, and the approved report shows exactly what a reviewer would read.
 */
class RealisticValuesTest {

    static final String CLEAN_VALUES = """
            replicaCount: 2
            image:
              repository: ghcr.io/example/mcp-server
              tag: "1.4.2"
              pullPolicy: IfNotPresent
            imagePullSecrets:
              - name: ghcr-pull
            serviceAccount:
              create: true
              name: mcp-server
              automountServiceAccountToken: false
            terminationGracePeriodSeconds: 60
            ingress:
              enabled: true
              className: nginx
              host: mcp.example.com
              tls: true
              tlsSecret: mcp-tls-cert
              annotations:
                nginx.ingress.kubernetes.io/proxy-buffering: "off"
                nginx.ingress.kubernetes.io/proxy-read-timeout: "3600"
                cert-manager.io/cluster-issuer: letsencrypt-prod
            env:
              LOG_LEVEL: info
              MCP_TRANSPORT: http
              MCP_PORT: "8080"
              SESSION_TTL_SECONDS: "1800"
              TOKEN_AUDIENCE: mcp.example.com
            secrets:
              secretName: mcp-server-secrets
              keys:
                - API_KEY
                - DATABASE_URL
            extraEnv:
              - name: OPENAI_API_KEY
                valueFrom:
                  secretKeyRef:
                    name: mcp-server-secrets
                    key: openai-api-key
              - name: DB_PASSWORD
                value: "$(DB_PASSWORD_FROM_VAULT)"
            auth:
              enabled: true
              issuerUrl: https://login.example.com/realms/mcp
              clientId: mcp-server
              existingSecret: mcp-oidc
              clientSecretKey: client-secret
              tokenTTL: 3600
              passwordMinLength: 12
            postgresql:
              enabled: true
              auth:
                username: mcp
                database: mcp
                existingSecret: mcp-postgres
                secretKeys:
                  adminPasswordKey: postgres-password
                  userPasswordKey: password
            redis:
              auth:
                enabled: true
                existingSecret: mcp-redis
                existingSecretPasswordKey: redis-password
            externalSecrets:
              enabled: true
              refreshInterval: 1h
              secretStoreRef:
                name: vault-backend
                kind: ClusterSecretStore
              data:
                - secretKey: API_KEY
                  remoteRef:
                    key: secret/data/mcp
                    property: api-key
            vault:
              role: mcp-server
              tokenPath: /var/run/secrets/kubernetes.io/serviceaccount/token
            podAnnotations:
              vault.hashicorp.com/agent-inject-secret-config: "secret/data/mcp"
            resources:
              requests: {cpu: 100m, memory: 128Mi}
            """;

    static final String LEAKY_VALUES = """
            postgresql:
              auth:
                postgresPassword: changeme
                password: '@pw@'
            redis:
              url: 'redis://default:@pw2@@redis-master:6379'
            env:
              OPENAI_API_KEY: '@sk-proj-@'
              GITHUB_TOKEN: '@ghp_@'
            alerting:
              slackWebhook: '@slack-webhook@'
            extraEnv:
              - name: MCP_SHARED_SECRET
                value: '@generic@'
            config:
              server.yaml: |
                upstream:
                  url: https://api.example.com
                  apiKey: @generic2@
            """;

    @Test
    void typicalChartValuesRaiseNothing() {
        JsonNode root = SecretDecisionTableTest.parse(CLEAN_VALUES);
        assertEquals(List.of(), new SecretScanner().scanValues(root));
    }

    @Test
    void leakyValuesReport() {
        JsonNode root = SecretDecisionTableTest.parse(LEAKY_VALUES);
        String report = new SecretScanner().scanValues(root).stream()
                .map(hit -> hit.pointer() + "\n  kind:   " + hit.kind() + "\n  reason: " + hit.reason())
                .collect(Collectors.joining("\n"));
        Approvals.verify(report);
    }
}
