package dev.mcpolicy.cli;

import picocli.CommandLine.Help.Ansi;

import java.util.Map;

/**
 * {@code --color auto|always|never}. {@code auto} colours only a terminal, and never when {@code NO_COLOR} is set to
 * a non-empty value; {@code CLICOLOR_FORCE} forces it (both as picocli's {@link Ansi} reads them). picocli alone asks
 * whether the console is a terminal, which is false whenever stdin is a pipe ({@code helm template … | mcpolicy
 * check -}), so standard output itself is asked as well.
 */
enum ColorMode {
    AUTO, ALWAYS, NEVER;

    Ansi resolve(Map<String, String> environment, boolean stdoutIsTerminal) {
        return switch (this) {
            case ALWAYS -> Ansi.ON;
            case NEVER -> Ansi.OFF;
            case AUTO -> {
                String noColor = environment.get("NO_COLOR");
                if (noColor != null && !noColor.isEmpty()) {
                    yield Ansi.OFF;
                }
                String force = environment.get("CLICOLOR_FORCE");
                if (force != null && !force.isEmpty() && !force.equals("0")) {
                    yield Ansi.ON;
                }
                yield stdoutIsTerminal && !"0".equals(environment.get("CLICOLOR")) || Ansi.AUTO.enabled()
                        ? Ansi.ON : Ansi.OFF;
            }
        };
    }
}
