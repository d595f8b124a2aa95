package dev.mcpolicy.app;

import dev.mcpolicy.manifest.ManifestLoader;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The charts below a folder that is not a chart itself: every folder holding a {@code Chart.yaml}, outermost only
 * (a chart's subcharts belong to it). Hidden folders are skipped and symbolic links to folders are not followed, as
 * when a folder's YAML files are collected. Files inside a chart folder are templates and values, never rendered
 * manifests: the folder's YAML scan leaves them out ({@link #contains}).
 */
final class ChartFolders {
    private ChartFolders() {
    }

    /** Chart folders below {@code folder}, sorted by path; empty when the folder cannot be walked. */
    static List<Path> below(Path folder) {
        List<Path> charts = new ArrayList<>();
        try {
            Path root = Files.isSymbolicLink(folder) ? folder.toRealPath() : folder;
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    Path name = dir.getFileName();
                    if (name != null && name.toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (ManifestLoader.isChartFolder(dir)) {
                        charts.add(folder.resolve(root.relativize(dir)));
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // the YAML scan of the same folder reports unreadable parts
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        charts.sort(Comparator.comparing(Path::toString));
        return charts;
    }

    /**
     * The chart a path lies inside (a template, a values file, a folder of the chart), when there is one: the nearest
     * folder above it holding {@code Chart.yaml}, and from a subchart ({@code …/charts/NAME/}) up to the chart that
     * holds it, since a subchart is rendered with its parent's values.
     */
    static java.util.Optional<Path> enclosing(Path path) {
        Path current = path.toAbsolutePath().normalize().getParent();
        Path chart = null;
        while (current != null) {
            if (ManifestLoader.isChartFolder(current)) {
                chart = current;
                Path parent = current.getParent();
                if (parent == null || parent.getFileName() == null || !parent.getFileName().toString().equals("charts")
                        || parent.getParent() == null || !ManifestLoader.isChartFolder(parent.getParent())) {
                    break;
                }
                current = parent.getParent();
                continue;
            }
            if (chart != null) {
                break;
            }
            current = current.getParent();
        }
        return java.util.Optional.ofNullable(chart);
    }

    /** True when {@code file} lies inside one of {@code charts}. */
    static boolean contains(List<Path> charts, Path file) {
        Path normalized = file.toAbsolutePath().normalize();
        return charts.stream().anyMatch(chart -> normalized.startsWith(chart.toAbsolutePath().normalize()));
    }
}
