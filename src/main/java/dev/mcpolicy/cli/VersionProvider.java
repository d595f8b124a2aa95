package dev.mcpolicy.cli;

import dev.mcpolicy.app.Version;
import picocli.CommandLine;

/** Reads the version Maven wrote into the jar. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        return Version.current();
    }

    @Override
    public String[] getVersion() {
        return new String[]{"mcpolicy " + version(), "Java " + System.getProperty("java.version")};
    }
}
