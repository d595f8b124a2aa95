package dev.mcpolicy.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decision table: one small values document per row and the exact hits (pointer and kind) expected.
 * {@code @name@} markers are replaced by seeded fake tokens, so no credential-shaped literal lives in the source.
 */
class SecretDecisionTableTest {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Map<String, String> TOKENS = tokens();

    private static Map<String, String> tokens() {
        Random r = new Random(20240611L);
        Map<String, String> t = new TreeMap<>();
        FakeTokens.generators().forEach((name, g) -> t.put(name, g.make().apply(r)));
        t.put("aws-secret", FakeTokens.awsSecret(r));
        t.put("generic", FakeTokens.generic(r, 32));
        t.put("generic2", FakeTokens.generic(r, 24));
        t.put("hex40", FakeTokens.random(r, "0123456789abcdef", 40));
        t.put("pw", FakeTokens.generic(r, 12));
        t.put("pw2", FakeTokens.generic(r, 10));
        t.put("basic-b64", java.util.Base64.getEncoder().encodeToString(
                ("robot:" + FakeTokens.generic(r, 14)).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        t.put("pw-b64", java.util.Base64.getEncoder().encodeToString(
                FakeTokens.generic(r, 14).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        t.put("sealed", "AgB" + FakeTokens.random(r, FakeTokens.BASE64, 380) + "==");
        t.put("sha256", FakeTokens.random(r, "0123456789abcdef", 64));
        return t;
    }

    static String fill(String text) {
        String out = text;
        for (Map.Entry<String, String> e : TOKENS.entrySet()) {
            out = out.replace("@" + e.getKey() + "@", e.getValue());
        }
        return out;
    }

    static JsonNode parse(String yaml) {
        try {
            return YAML.readTree(fill(yaml));
        } catch (Exception e) {
            throw new IllegalArgumentException("bad test YAML: " + yaml, e);
        }
    }

    /** Row: description, values YAML, expected hits as "pointer -> kind" (none: not a secret). */
    static Stream<Arguments> table() {
        return Stream.of(
                // --- well-known formats, under any key and inside longer strings ---
                row("GitHub PAT under a neutral key", "note: '@ghp_@'", "/note -> GitHub token"),
                row("GitHub OAuth token", "GITHUB_TOKEN: '@gho_@'", "/GITHUB_TOKEN -> GitHub token"),
                row("GitHub app token inside a clone URL", "repo: 'https://x-access-token:@ghs_@@github.com/org/repo.git'",
                        "/repo -> GitHub token"),
                row("GitHub user-to-server token", "mcp: {upstream: {auth: '@ghu_@'}}", "/mcp/upstream/auth -> GitHub token"),
                row("GitHub refresh token", "refresh: '@ghr_@'", "/refresh -> GitHub token"),
                row("GitHub fine-grained PAT", "git: {pat: '@github_pat_@'}", "/git/pat -> GitHub token"),
                row("GitLab PAT", "gitlab: '@glpat-@'", "/gitlab -> GitLab token"),
                row("Slack bot token", "slack: {bot: '@xoxb-@'}", "/slack/bot -> Slack token"),
                row("Slack user token in a sentence", "motd: 'use @xoxp-@ for the bot'", "/motd -> Slack token"),
                row("Slack webhook URL", "alerts: {webhookUrl: '@slack-webhook@'}", "/alerts/webhookUrl -> Slack webhook URL"),
                row("OpenAI project key", "llm: {key: '@sk-proj-@'}", "/llm/key -> OpenAI API key"),
                row("OpenAI legacy key", "OPENAI: '@sk-legacy@'", "/OPENAI -> OpenAI API key"),
                row("Anthropic key", "ANTHROPIC_API_KEY: '@sk-ant-@'", "/ANTHROPIC_API_KEY -> Anthropic API key"),
                row("Google API key", "maps: {browserKey: '@AIza@'}", "/maps/browserKey -> Google API key"),
                row("Stripe live secret key", "billing: '@sk_live_@'", "/billing -> Stripe key"),
                row("Stripe restricted key", "billing: {restricted: '@rk_live_@'}", "/billing/restricted -> Stripe key"),
                row("AWS access key id", "s3: {accessKeyId: '@AKIA@'}", "/s3/accessKeyId -> AWS access key id"),
                row("AWS temporary key id", "s3: {id: '@ASIA@'}", "/s3/id -> AWS access key id"),
                row("AWS secret next to its key name", "AWS_SECRET_ACCESS_KEY: '@aws-secret@'",
                        "/AWS_SECRET_ACCESS_KEY -> AWS secret access key"),
                row("AWS credentials file embedded in a string",
                        "files: {credentials: \"[default]\\naws_secret_access_key = @aws-secret@\\n\"}",
                        "/files/credentials -> AWS secret access key"),
                row("PEM private key", "tls: {key: \"@private-key@\"}", "/tls/key -> private key"),
                row("JWT", "serviceAccount: {jwt: '@jwt@'}", "/serviceAccount/jwt -> JSON Web Token"),
                row("Hugging Face token", "hub: '@hf_@'", "/hub -> Hugging Face token"),
                row("npm token", "registry: {npm: '@npm_@'}", "/registry/npm -> npm token"),
                row("postgres URL with password", "DATABASE_URL: 'postgres://app:@pw@@db:5432/app'",
                        "/DATABASE_URL -> credentials in URL"),
                row("redis URL with password only", "cache: {url: 'redis://:hunter2pw@redis:6379/0'}",
                        "/cache/url -> credentials in URL"),
                row("default password inside a URL", "mongo: 'mongodb://root:password@mongo:27017'",
                        "/mongo -> credentials in URL"),
                row("bearer header", "headers: {Authorization: 'Bearer @generic@'}", "/headers/Authorization -> bearer token"),
                row("basic auth header in a config blob", "proxy: \"Authorization: Basic @basic-b64@\"",
                        "/proxy -> HTTP basic credentials"),
                row("ADO.NET connection string", "db: 'Server=sql;Database=app;User Id=sa;Password=@pw@;'",
                        "/db -> credentials in connection string"),
                row("libpq keyword connection string", "dsn: 'host=db user=app password=@pw2@ dbname=app'",
                        "/dsn -> credentials in connection string"),

                // --- credential settings written inside text (config files, JSON, query strings, flags) ---
                row("config file embedded in values", "config:\n  app.yaml: |\n    database:\n      host: db\n      password: @pw@\n",
                        "/config/app.yaml -> secret assignment in text"),
                row("docker config JSON", "registry: {dockerconfigjson: '{\"auths\":{\"r.example.io\":{\"auth\":\"@basic-b64@\"}}}'}",
                        "/registry/dockerconfigjson -> secret assignment in text"),
                row("token in a query string", "hook: 'https://notify.internal/hook?channel=ops&token=@generic@'",
                        "/hook -> secret assignment in text"),
                row("password flag in args", "args: [--verbose, '--db-password=@pw2@']", "/args/1 -> secret assignment in text"),
                row("JSON blob with a password", "settings: '{\"user\": \"mcp\", \"password\": \"@pw@\"}'",
                        "/settings -> secret assignment in text"),
                row("prose that mentions a password", "notes: 'The password: see the vault docs.'"),
                row("config file with placeholders only",
                        "config: {app.yaml: \"password: ${DB_PASSWORD}\\ntoken: '{{ .Values.token }}'\\npassword_file: /run/secrets/db\\n\"}"),
                row("token scheme is not an assignment", "upstream: 'token://issuer.internal/keys'"),

                // --- secret-named keys with literal values ---
                row("password literal", "password: hunter2", "/password -> secret-named key"),
                row("default password changeme", "auth: {adminPassword: changeme}", "/auth/adminPassword -> secret-named key"),
                row("default password admin (env style)", "MYSQL_ROOT_PASSWORD: admin", "/MYSQL_ROOT_PASSWORD -> secret-named key"),
                row("default password 'password'", "db: {password: password}", "/db/password -> secret-named key"),
                row("password as a number", "redis: {password: 123456}", "/redis/password -> secret-named key"),
                row("dotted key", "db.password: 'S3cure!pass'", "/db.password -> secret-named key"),
                row("passwd", "ldap: {bindPasswd: letmein}", "/ldap/bindPasswd -> secret-named key"),
                row("pass suffix", "DB_PASS: qwerty123", "/DB_PASS -> secret-named key"),
                row("glued lower-case key", "pgpassword: pgs3cret", "/pgpassword -> secret-named key"),
                row("passphrase", "gpg: {passphrase: 'correct horse battery staple'}", "/gpg/passphrase -> secret-named key"),
                row("camelCase apiKey", "apiKey: 9f8e7d6c5b4a", "/apiKey -> secret-named key"),
                row("snake api_key", "weather: {api_key: abc123def}", "/weather/api_key -> secret-named key"),
                row("kebab api-key", "x: {api-key: k3yk3yk3y}", "/x/api-key -> secret-named key"),
                row("clientSecret", "oauth: {clientSecret: s3cr3t-v4lue}", "/oauth/clientSecret -> secret-named key"),
                row("JWT_SECRET", "JWT_SECRET: my-very-long-signing-secret", "/JWT_SECRET -> secret-named key"),
                row("secretKey that is not a key name", "minio: {secretKey: minio123}", "/minio/secretKey -> secret-named key"),
                row("SECRET_KEY_BASE", "SECRET_KEY_BASE: '@hex40@'", "/SECRET_KEY_BASE -> secret-named key"),
                row("authToken", "mcp: {authToken: t0k-9a8b7c}", "/mcp/authToken -> secret-named key"),
                row("credentials string", "registry: {credentials: 'robot:R0b0tPw'}", "/registry/credentials -> secret-named key"),
                row("Vault AppRole secret_id", "vault: {secret_id: 6a1f0c2e-3b4d}", "/vault/secret_id -> secret-named key"),
                row("env-style *_KEY with a generated value", "STRIPE_KEY: '@generic@'", "/STRIPE_KEY -> secret-named key"),
                row("tokenSecret that is not an object name", "oauth1: {tokenSecret: Zk3x9QpL2mW7}",
                        "/oauth1/tokenSecret -> secret-named key"),
                row("privateKey literal", "signer: {privateKey: n0tAR3alK3yBut1t}", "/signer/privateKey -> secret-named key"),
                row("generated value in a secrets map", "secrets: {OPENAI: '@generic@', create: true}",
                        "/secrets/OPENAI -> value in a secrets map"),
                row("list of generated api keys", "apiKeys: ['@generic@', '@generic2@']",
                        "/apiKeys/0 -> secret-named key", "/apiKeys/1 -> secret-named key"),
                row("env entry written in values", "env: [{name: API_TOKEN, value: abc123xyz789}, {name: LOG_LEVEL, value: debug}]",
                        "/env/0/value -> secret-named key"),
                // --- passphrases and connection strings (issue 9) ---
                row("kebab-case passphrase under JWT_SECRET_KEY", "JWT_SECRET_KEY: orbit-lantern-meadow-copper-falcon",
                        "/JWT_SECRET_KEY -> secret-named key"),
                row("kebab-case passphrase under jwt.secret", "jwt: {secret: orbit-lantern-meadow-copper}",
                        "/jwt/secret -> secret-named key"),
                row("kebab-case passphrase under session.secretKey", "session: {secretKey: keep-this-between-us-always}",
                        "/session/secretKey -> secret-named key"),
                row("passphrase under a bare secretKey", "s3: {secretKey: quiet-harbor-lamp-evening}",
                        "/s3/secretKey -> secret-named key"),
                row("prose passphrase under a Secret-name key", "oauth: {secret: change-me-in-production}",
                        "/oauth/secret -> secret-named key"),
                row("Azure storage connection string", "storage: {connection: '@azure-storage@'}",
                        "/storage/connection -> Azure shared key"),
                row("Azure SAS URL", "backup: {target: '@azure-sas@'}", "/backup/target -> Azure shared access signature"),
                row("base64 password in an extraSecretData map", "extraSecretData: {upstream-admin: '@pw-b64@'}",
                        "/extraSecretData/upstream-admin -> value in a secrets map"),
                row("a secret used for hashing is a secret", "HASH_SECRET: Kq8vN2xW9pL4", "/HASH_SECRET -> secret-named key"),
                row("two secrets in one document",
                        "db: {user: app, password: pw-one}\nredis: {auth: {password: pw-two}}",
                        "/db/password -> secret-named key", "/redis/auth/password -> secret-named key"),

                // --- not secrets: config numbers, names and references ---
                row("token TTL", "tokenTTL: 3600"),
                row("password min length", "passwordMinLength: 8"),
                row("token expiry string", "auth: {TOKEN_EXPIRY: 1h}"),
                row("existing Secret", "existingSecret: mcp-secrets"),
                row("Secret name", "secrets: {secretName: mcp-server-secrets, keys: [API_KEY, DATABASE_URL]}"),
                row("token Secret name", "tokenSecretName: mcp-token"),
                row("key inside a Secret", "auth: {passwordKey: db-password}"),
                row("secret key ref", "env: {secretKeyRef: {name: db, key: password}}"),
                row("password secret key", "adminPasswordSecretKey: admin-password"),
                row("secretKey naming a Secret key", "s3: {secretKey: secret-access-key}"),
                row("empty password", "password: ''"),
                row("null password", "password: null"),
                row("boolean", "enablePassword: true"),
                row("quoted boolean", "password: 'false'"),
                row("angle marker", "password: '<your-password>'"),
                row("shell variable", "password: '${DB_PASSWORD}'"),
                row("k8s env expansion", "password: '$(DB_PASSWORD)'"),
                row("helm expression", "password: '{{ .Values.db.password }}'"),
                row("REPLACE_ME marker", "apiKey: REPLACE_ME"),
                row("your-…-here marker", "apiKey: your-api-key-here"),
                row("x mask", "token: xxxxxxxxxxxx"),
                row("star mask", "token: '****'"),
                row("file path", "passwordFile: /etc/secret/password"),
                row("path under a token key", "token: /var/run/secrets/tokens/mcp"),
                row("Vault reference", "password: 'vault:secret/data/db#password'"),
                row("vals reference", "apiKey: 'ref+awssm://prod/api#key'"),
                row("AWS Secrets Manager ARN", "token: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:mcp'"),
                row("TLS Secret name (from the guide)", "ingress: {tls: true, tlsSecret: mcp-tls-cert}"),
                row("image pull secrets", "imagePullSecrets: [regcred]"),
                row("pull secret", "pullSecret: regcred"),
                row("password Secret name", "passwordSecret: db-password-secret"),
                row("bare secret naming a Secret", "secret: my-app-secret"),
                row("port", "env: {MCP_PORT: '8080', LOG_LEVEL: info, MCP_TRANSPORT: http}"),
                row("URL with variable password", "DATABASE_URL: 'postgres://app:${DB_PASSWORD}@db/app'"),
                row("URL with empty password", "DATABASE_URL: 'postgres://app:@db/app'"),
                row("URL with port, no credentials", "endpoint: 'https://mcp.example.com:8443/mcp'"),
                row("env-style cache key", "CACHE_KEY: users"),
                row("api key naming an env var", "apiKey: OPENAI_API_KEY"),
                row("token endpoint", "oauth: {tokenUrl: 'https://auth.example.com/oauth/token'}"),
                row("OpenAI placeholder key", "OPENAI_API_KEY: sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                row("GitHub placeholder token", "token: ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
                row("AWS documentation example key", "accessKeyId: AKIAIOSFODNN7EXAMPLE"),
                row("PEM header without material", "key: \"-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\""),
                row("bearer marker", "headers: {Authorization: 'Bearer <token>'}"),
                row("auth settings map", "auth: {enabled: true, type: oidc, clientId: 0oa1b2c3d4e5f6g7h8i9}"),
                row("secrets provider config", "secrets: {provider: vault, mountPath: /vault/secrets}"),
                row("password policy", "passwordPolicy: strong"),
                row("token header name", "tokenHeader: Authorization"),
                row("credentials file path", "GOOGLE_APPLICATION_CREDENTIALS: /var/secrets/google/key.json"),
                row("neutral key with a generated value", "build: {commit: '@hex40@'}"),
                row("prose mentioning passwords", "notes: 'Set the password with --set secrets.apiKey=...'"),
                row("list of key names under a secret-named key", "apiKeys: [OPENAI_API_KEY, ANTHROPIC_API_KEY]"),
                row("word that merely ends in key", "monkey: banana"),
                row("version under a token key", "tokenVersion: v2"),
                // --- references, ciphertext, digests and documentation (issue 9) ---
                row("key in a Secret named by secretKeyPassword", "valkey: {auth: {secretKeyPassword: valkey-password}}"),
                row("key in a Secret named by a one-word secretKey", "gateway: {secretKey: tokens}"),
                row("release-prefixed Secret name under secret", "auth: {secret: prod-github-mcp-server}"),
                row("Secret key name under JWT_SECRET_KEY's neighbour", "jwt: {secretName: mcp-jwt, secretKey: jwt-secret-key}"),
                row("SealedSecret encryptedData", "sealedSecret: {encryptedData: {API_KEY: '@sealed@', DB_PASSWORD: '@sealed@'}}"),
                row("SOPS-encrypted value", "db: {password: 'ENC[AES256_GCM,data:Zm9vYmFyYmF6,iv:aXYxMjM0NTY3OA==,tag:dGFnMTIz,type:str]'}"),
                row("checksum annotation of a Secret", "podAnnotations: {checksum/secret: '@sha256@'}"),
                row("documentation placeholder sk-...", "OPENAI_API_KEY: sk-..."),
                row("documentation placeholder hf_...", "HF_TOKEN: hf_..."),
                row("documentation placeholder with an ellipsis character", "apiKey: 'ghp_…'"),
                row("bare format prefix", "ANTHROPIC_API_KEY: sk-ant-"),
                row("digest of a password", "admin: {passwordSha256: '@sha256@', hashedPassword: '$2y$10$abcdefghijklmnopqrstuv'}"),
                row("task id that contains sk-", "task: 'mask-0123456789abcdefghij0123456789abcdefghij01234567'"));
    }

    private static Arguments row(String description, String yaml, String... expected) {
        return Arguments.of(description, yaml, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decides(String description, String yaml, List<String> expected) {
        List<SecretHit> hits = new SecretScanner().scanValues(parse(yaml));
        List<String> actual = new ArrayList<>();
        for (SecretHit hit : hits) {
            actual.add(hit.pointer() + " -> " + hit.kind());
        }
        assertEquals(expected, actual, description);
    }

    /**
     * Key-based hits must not show any part of the whole value. Format hits must not show any part of the
     * secret material (the generated tokens of the row); the text around it may share ordinary words with
     * the reason ("Authorization", "token").
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void reasonsNeverDiscloseTheValue(String description, String yaml, List<String> expected) {
        JsonNode root = parse(yaml);
        List<String> material = markerTokens(yaml);
        for (SecretHit hit : new SecretScanner().scanValues(root)) {
            String value = root.at(hit.pointer()).asText();
            boolean keyBased = hit.kind().equals("secret-named key") || hit.kind().equals("value in a secrets map");
            if (keyBased || material.isEmpty()) {
                Disclosure.assertReasonHidesValue(hit, value);
            }
            for (String token : material) {
                Disclosure.assertReasonHidesValue(hit, token);
            }
        }
    }

    private static List<String> markerTokens(String yaml) {
        List<String> out = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("@([A-Za-z0-9_-]+)@").matcher(yaml);
        while (m.find()) {
            if (TOKENS.containsKey(m.group(1))) {
                out.add(TOKENS.get(m.group(1)));
            }
        }
        return out;
    }

    @Test
    void tableIsLargeAndBalanced() {
        long secrets = table().filter(a -> !((List<?>) a.get()[2]).isEmpty()).count();
        long clean = table().count() - secrets;
        assertTrue(secrets >= 40 && clean >= 40, secrets + " secret rows, " + clean + " clean rows");
    }
}
