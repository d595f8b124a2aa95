package dev.mcpolicy.chart;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The environment {@code helm template} runs in: nothing of the user's environment, a fresh empty helm home, and no
 * way out to the network. The chart comes from a pull request, so helm gets no repositories, no registry
 * credentials, no kubeconfig and no plugins, and every HTTP(S) request is sent to a proxy that refuses it.
 *
 * <p>What helm gets, and why:
 * <ul>
 *   <li>{@code HOME}, {@code TMPDIR} and {@code HELM_CONFIG_HOME}/{@code HELM_CACHE_HOME}/{@code HELM_DATA_HOME}
 *       point into one temporary folder deleted after the run; {@code HELM_REPOSITORY_CONFIG},
 *       {@code HELM_REPOSITORY_CACHE}, {@code HELM_REGISTRY_CONFIG} and {@code HELM_PLUGINS} are named inside it
 *       explicitly and do not exist;</li>
 *   <li>{@code KUBECONFIG} names a file that does not exist; {@code HELM_NO_PLUGINS=1};</li>
 *   <li>{@code HTTP_PROXY}, {@code HTTPS_PROXY}, {@code ALL_PROXY} (and their lower-case forms) name a closed local
 *       port, and {@code NO_PROXY} is empty, so a request fails at once instead of reaching a host;</li>
 *   <li>no {@code PATH}: rendering runs no other program. On Windows only {@code SystemRoot} is kept, which the
 *       runtime needs.</li>
 * </ul>
 */
final class HelmSandbox implements AutoCloseable {
    /** A proxy nobody listens on: the discard port of the loopback interface. */
    static final String REFUSING_PROXY = "http://127.0.0.1:9";

    private final Path home;

    HelmSandbox(Path home) {
        this.home = home;
    }

    static HelmSandbox create() throws IOException {
        Path home = Files.createTempDirectory("mcpolicy-helm-home-");
        Files.createDirectories(home.resolve("tmp"));
        return new HelmSandbox(home);
    }

    Path home() {
        return home;
    }

    /** The complete environment of the helm process (nothing else is inherited). */
    Map<String, String> environment() {
        Map<String, String> env = new TreeMap<>();
        env.put("HOME", home.toString());
        env.put("TMPDIR", home.resolve("tmp").toString());
        env.put("HELM_CONFIG_HOME", home.resolve("config").toString());
        env.put("HELM_CACHE_HOME", home.resolve("cache").toString());
        env.put("HELM_DATA_HOME", home.resolve("data").toString());
        env.put("HELM_REPOSITORY_CONFIG", home.resolve("config/repositories.yaml").toString());
        env.put("HELM_REPOSITORY_CACHE", home.resolve("cache/repository").toString());
        env.put("HELM_REGISTRY_CONFIG", home.resolve("config/registry/config.json").toString());
        env.put("HELM_PLUGINS", home.resolve("data/plugins").toString());
        env.put("HELM_NO_PLUGINS", "1");
        env.put("KUBECONFIG", home.resolve("no-kubeconfig").toString());
        for (String proxy : new String[]{"HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"}) {
            env.put(proxy, REFUSING_PROXY);
            env.put(proxy.toLowerCase(Locale.ROOT), REFUSING_PROXY);
        }
        env.put("NO_PROXY", "");
        env.put("no_proxy", "");
        String systemRoot = System.getenv("SystemRoot");
        if (systemRoot != null && System.getProperty("os.name", "").startsWith("Windows")) {
            env.put("SystemRoot", systemRoot);
        }
        return env;
    }

    /** Gives {@code builder} exactly this environment. */
    ProcessBuilder apply(ProcessBuilder builder) {
        Map<String, String> env = builder.environment();
        env.clear();
        env.putAll(environment());
        return builder;
    }

    @Override
    public void close() {
        try {
            Files.walkFileTree(home, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException ignored) {
            // a leftover empty temp folder is not worth failing the run for
        }
    }
}
