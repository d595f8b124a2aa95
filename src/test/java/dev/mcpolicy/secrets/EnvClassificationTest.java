package dev.mcpolicy.secrets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** classifyEnv: the env var name plays the part of the key. */
class EnvClassificationTest {

    static final String POINTER = "/spec/template/spec/containers/0/env/3/value";

    static Stream<Arguments> envVars() {
        return Stream.of(
                env("OPENAI_API_KEY", "@sk-proj-@", "OpenAI API key"),
                env("ANTHROPIC_API_KEY", "@sk-ant-@", "Anthropic API key"),
                env("GITHUB_TOKEN", "@ghp_@", "GitHub token"),
                env("SLACK_WEBHOOK", "@slack-webhook@", "Slack webhook URL"),
                env("AWS_ACCESS_KEY_ID", "@AKIA@", "AWS access key id"),
                env("AWS_SECRET_ACCESS_KEY", "@aws-secret@", "AWS secret access key"),
                env("DATABASE_URL", "postgresql://mcp:@pw@@postgres:5432/mcp", "credentials in URL"),
                env("DB_PASSWORD", "changeme", "secret-named key"),
                env("POSTGRES_PASSWORD", "postgres", "secret-named key"),
                env("REDIS_PASSWORD", "@pw2@", "secret-named key"),
                env("MCP_AUTH_TOKEN", "local-dev-token", "secret-named key"),
                env("SESSION_SECRET", "keyboard cat", "secret-named key"),
                env("API_KEY", "@generic@", "secret-named key"),
                env("SENTRY_KEY", "@hex40@", "secret-named key"),
                env("PGPASSWORD", "pgpass123", "secret-named key"),
                env("CLIENT_SECRET", "@generic2@", "secret-named key"),
                env("HTTP_AUTHORIZATION", "Bearer @generic@", "bearer token"),
                // not secrets
                env("MCP_PORT", "8080", null),
                env("MCP_TRANSPORT", "streamable-http", null),
                env("LOG_LEVEL", "debug", null),
                env("PWD", "/app", null),
                env("TOKEN_TTL", "3600", null),
                env("PASSWORD_MIN_LENGTH", "12", null),
                env("DB_PASSWORD", "", null),
                env("DB_PASSWORD", "$(DB_PASSWORD_FROM_SECRET)", null),
                env("DB_PASSWORD_FILE", "/run/secrets/db-password", null),
                env("API_KEY_SECRET_NAME", "mcp-api-key", null),
                env("TOKEN_PATH", "/var/run/secrets/kubernetes.io/serviceaccount/token", null),
                env("CACHE_KEY", "sessions", null),
                env("STRIPE_KEY", "STRIPE_SECRET_FROM_VAULT", null),
                env("DATABASE_URL", "postgresql://mcp@postgres:5432/mcp", null),
                env("MCP_SERVER_URL", "https://mcp.example.com/mcp", null),
                env("GOOGLE_APPLICATION_CREDENTIALS", "/var/secrets/google/key.json", null),
                env("AWS_REGION", "eu-west-1", null));
    }

    private static Arguments env(String name, String value, String kind) {
        return Arguments.of(name, value, kind);
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("envVars")
    void classifies(String name, String value, String expectedKind) {
        String literal = SecretDecisionTableTest.fill(value);
        Optional<SecretHit> hit = new SecretScanner().classifyEnv(POINTER, name, literal);
        assertEquals(Optional.ofNullable(expectedKind), hit.map(SecretHit::kind), name);
        hit.ifPresent(h -> {
            assertEquals(POINTER, h.pointer());
            Disclosure.assertReasonHidesValue(h, literal.contains("://") || literal.startsWith("Bearer ")
                    ? secretPart(value) : literal);
        });
    }

    /** For URL and header hits, only the generated secret inside must stay hidden. */
    private static String secretPart(String template) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@([A-Za-z0-9_-]+)@").matcher(template);
        return m.find() ? SecretDecisionTableTest.TOKENS.get(m.group(1)) : template;
    }
}
