package dev.mcpolicy.manifest;

import java.nio.file.Path;
import java.util.List;

/**
 * The YAML files found below a folder, in stable order, and the parts of it that could not be read.
 *
 * @param files    every {@code *.yaml}/{@code *.yml} file, sorted by relative path with {@code /} separators
 * @param problems one ERROR per folder that could not be listed (the root included), one NOTE per YAML-named entry
 *                 that is not a regular file (a FIFO, device or socket: reading one could block forever)
 */
public record FolderScan(List<Path> files, List<InputProblem> problems) {
    public FolderScan {
        files = List.copyOf(files);
        problems = List.copyOf(problems);
    }
}
