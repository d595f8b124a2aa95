package dev.mcpolicy.cli;

import dev.mcpolicy.config.ConfigFile;
import dev.mcpolicy.config.ConfigLoader;
import dev.mcpolicy.config.EffectiveConfig;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Optional;

/** {@code --config FILE} / {@code --no-config} / discovery, merged with the command line's options. */
final class ConfigOptions {
    private ConfigOptions() {
    }

    static EffectiveConfig effective(CommandLine cli, Path configFile, boolean noConfig, EffectiveConfig.Flags flags) {
        if (configFile != null && noConfig) {
            throw new CommandLine.ParameterException(cli, "--config and --no-config exclude each other");
        }
        Path workingDirectory = Path.of("").toAbsolutePath();
        Optional<Path> file = noConfig ? Optional.empty()
                : configFile != null ? Optional.of(configFile) : ConfigLoader.discover(workingDirectory);
        ConfigFile read = file.map(path -> ConfigLoader.load(path, display(workingDirectory, path))).orElse(null);
        try {
            return EffectiveConfig.merge(read, flags);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    /** Relative to the working directory when inside it, with '/' separators. */
    static String display(Path workingDirectory, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(workingDirectory)
                ? workingDirectory.relativize(absolute).toString().replace('\\', '/') : absolute.toString();
    }
}
