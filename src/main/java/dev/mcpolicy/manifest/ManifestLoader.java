package dev.mcpolicy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpolicy.parallel.InParallel;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads rendered multi-document YAML (what {@code helm template} prints) and values files into
 * {@link ManifestDocument}s with the position of every key and value.
 *
 * <h2>How a stream is read</h2>
 * <ul>
 *   <li>A byte order mark at the start of a line is dropped (the stream's own, or that of a file concatenated
 *       into it with {@code cat}); columns on that line start after it.</li>
 *   <li>A byte sequence that is not valid UTF-8 (or UTF-16 after a UTF-16 byte order mark) is an ERROR at its
 *       position, and the document holding it is not read; the stream's other documents are.</li>
 *   <li>The stream is cut into documents on {@code ---}/{@code ...} lines (see {@link DocumentSplitter}) and
 *       each document is parsed on its own, so a broken document is reported (at its file line) and the
 *       others still load.</li>
 *   <li>Empty and comment-only documents (Helm prints {@code ---} plus a {@code # Source:} line for a
 *       disabled template) and documents whose root is null are skipped without a problem. Every other
 *       document is returned, whatever its root is; {@link KubernetesObjects#whyNotAnObject} tells the
 *       graph which are Kubernetes objects. Document indexes count every YAML document, skipped or not.</li>
 *   <li>Scalars get the types Kubernetes reads (go-yaml v2, YAML 1.1 rules; see {@link KubernetesScalars}):
 *       plain scalars are resolved, quoted and block scalars are strings, {@code !!str} makes a string,
 *       {@code !!int}/{@code !!float}/{@code !!bool}/{@code !!null} are checked (a mismatch is an ERROR and
 *       the text is kept), custom tags keep the text. {@code .inf} and {@code .nan} are read as doubles
 *       and reported, since JSON and so Kubernetes cannot hold them.</li>
 *   <li>Mapping keys are always the key's text: {@code on:} is the key "on". (sigs.k8s.io/yaml would turn
 *       it into "true"; no Kubernetes field is named like a YAML 1.1 boolean, and the text is what a user
 *       searches for.) A list or mapping used as a key is reported and its entry ignored.</li>
 *   <li>Anchors, aliases and merge keys ({@code <<}) are resolved with go-yaml v2's precedence (entries apply
 *       in order, later ones win; earlier mappings of a merge list win). Nodes reached through an alias
 *       keep the positions of the anchored text; the aliased node itself is placed on the {@code *alias}.
 *       An alias to an unfinished anchor (recursion), too many aliases, or an expansion past
 *       {@link LoaderLimits#maxAliasExpansion()} nodes makes the document fail with an ERROR.</li>
 *   <li>Duplicate keys are an ERROR at the repeated key ("duplicate key 'x' (first at line N)"), as the
 *       Kubernetes API server's strict decoding rejects them; the last value is kept (what
 *       {@code kubectl}'s non-strict conversion keeps) and the rest of the document still loads.</li>
 * </ul>
 * Positions are 1-based, in file lines, with columns in UTF-16 code units; for a block collection the
 * value starts at its first entry and ends at the end of its last entry.
 *
 * <p>A loader holds only its immutable limits, so one instance may be shared between threads.
 */
public final class ManifestLoader {
    public static final String STDIN = "<stdin>";
    /** Documents shorter than this are parsed with snakeyaml's default buffer (the copies stay small). */
    private static final int SMALL_DOCUMENT = 64 * 1024;
    /** Streams with at least this many documents are parsed on several threads. */
    private static final int PARALLEL_DOCUMENTS = 64;

    private final LoaderLimits limits;
    private final ScalarTyping typing;
    private final LoadSettings settings;

    public ManifestLoader() {
        this(LoaderLimits.DEFAULTS);
    }

    public ManifestLoader(LoaderLimits limits) {
        this(limits, ScalarTyping.KUBERNETES);
    }

    /** @param typing how plain scalars get their types: as Kubernetes reads manifests, or YAML 1.2 for own files */
    public ManifestLoader(LoaderLimits limits, ScalarTyping typing) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.typing = Objects.requireNonNull(typing, "typing");
        this.settings = settings(null);
    }

    /** snakeyaml's settings; a null buffer size keeps its default (1 KB). */
    private LoadSettings settings(Integer bufferSize) {
        var builder = LoadSettings.builder()
                .setCodePointLimit(limits.maxCodePoints())
                .setParseComments(false)
                .setUseMarks(true);
        return bufferSize == null ? builder.build() : builder.setBufferSize(bufferSize).build();
    }

    /**
     * Settings for one document's text. snakeyaml reads its input in buffer-sized chunks and copies everything not
     * yet consumed with every chunk; a plain scalar is consumed only when it ends, so one long scalar cost time
     * quadratic in its length (a 50 MB value took minutes). A buffer that holds the whole document reads it in one go.
     */
    private LoadSettings settingsFor(String documentText) {
        return documentText.length() < SMALL_DOCUMENT ? settings : settings(documentText.length() + 1);
    }

    public LoaderLimits limits() {
        return limits;
    }

    /** Reads one YAML stream already in memory. */
    public LoadResult loadText(String displayPath, String text) {
        Objects.requireNonNull(text, "text");
        return load(displayPath, text, new int[0], "UTF-8");
    }

    /**
     * Reads a decoded stream. {@code badOffsets} are where the decoder replaced invalid bytes: each document holding
     * one is reported at its first and not read; the others load as usual.
     */
    private LoadResult load(String displayPath, String text, int[] badOffsets, String encoding) {
        Objects.requireNonNull(displayPath, "displayPath");
        StreamText stream = StreamText.of(text, badOffsets);
        if (stream.text().length() > limits.maxCodePoints()) {
            int characters = stream.text().codePointCount(0, stream.text().length());
            if (characters > limits.maxCodePoints()) {
                return failed(displayPath, limits.tooLarge(characters, "characters", limits.maxCodePoints()));
            }
        }
        LineMap lines = LineMap.of(stream.text());
        int[] bad = stream.badOffsets();
        int nextBad = 0;
        SharedStrings shared = new SharedStrings();
        List<Step> steps = new ArrayList<>();
        int index = 0;
        for (DocumentSplitter.Segment segment : DocumentSplitter.split(lines)) {
            int firstBad = -1;
            for (; nextBad < bad.length && bad[nextBad] < segment.endOffset(); nextBad++) {
                firstBad = firstBad < 0 ? bad[nextBad] : firstBad;
            }
            if (!segment.isDocument()) {
                if (firstBad >= 0) {
                    steps.add(Step.of(notDecodable(displayPath, lines, firstBad, encoding, "between documents")));
                }
                continue;
            }
            if (index >= limits.maxDocuments()) {
                steps.add(Step.of(InputProblem.error(displayPath, segment.firstLine() + 1, 1,
                        limits.tooManyDocuments())));
                break;
            }
            if (firstBad >= 0) {
                steps.add(Step.of(notDecodable(displayPath, lines, firstBad, encoding,
                        "in this document: it was not read (the file's other documents were)")));
            } else {
                steps.add(new Step(segment, index, null));
            }
            index++;
        }
        List<Loaded> loaded = parseAll(displayPath, lines, steps, shared);
        List<ManifestDocument> documents = new ArrayList<>();
        LinkedHashSet<InputProblem> problems = new LinkedHashSet<>();
        for (Loaded one : loaded) {
            problems.addAll(one.problems());
            if (one.document() != null) {
                documents.add(one.document());
            }
        }
        List<InputProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(InputProblem::line).thenComparingInt(InputProblem::column)
                .thenComparing(InputProblem::message));
        return new LoadResult(documents, sorted);
    }

    /** One step of reading a stream, in stream order: a document to parse, or a problem found while cutting. */
    private record Step(DocumentSplitter.Segment segment, int index, InputProblem problem) {
        static Step of(InputProblem problem) {
            return new Step(null, -1, problem);
        }
    }

    private record Loaded(ManifestDocument document, List<InputProblem> problems) {
    }

    /**
     * Parses the documents of a stream; a large stream's documents in parallel (each document is parsed on its own
     * anyway). The results come back in stream order, so the outcome does not depend on the number of threads.
     */
    private List<Loaded> parseAll(String file, LineMap lines, List<Step> steps, SharedStrings shared) {
        return InParallel.map(steps.size(), PARALLEL_DOCUMENTS, i -> {
            Step step = steps.get(i);
            if (step.problem() != null) {
                return new Loaded(null, List.of(step.problem()));
            }
            LinkedHashSet<InputProblem> problems = new LinkedHashSet<>();
            ManifestDocument document = loadDocument(file, lines.forThread(), step.segment(), step.index(), problems,
                    shared).orElse(null);
            return new Loaded(document, List.copyOf(problems));
        });
    }

    private static InputProblem notDecodable(String file, LineMap lines, int offset, String encoding, String where) {
        Position at = lines.positionOfOffset(offset);
        return InputProblem.error(file, at.line(), at.column(), "invalid " + encoding + " byte sequence " + where
                + "; save the file as " + encoding + " text");
    }

    /**
     * Reads a file. Every reading failure (missing, a folder, unreadable, too large, not UTF-8) is an
     * {@link InputProblem} ERROR at line 1, column 1 — never an exception.
     */
    public LoadResult loadFile(Path path, String displayPath) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(displayPath, "displayPath");
        InputReader.Outcome outcome = InputReader.readFile(path, limits);
        return outcome.failure() != null ? failed(displayPath, outcome.failure())
                : load(displayPath, outcome.text(), outcome.badOffsets(), outcome.encoding());
    }

    /** Reads standard input (or any stream) under the display path {@code <stdin>}; does not close it. */
    public LoadResult loadStdin(InputStream in) {
        return loadStdinKeepingText(in).result();
    }

    /** What standard input held (empty when it could not be read) and what was loaded from it. */
    public record TextLoad(String text, LoadResult result) {
    }

    /**
     * Reads standard input and keeps its text: reports need it for line fingerprints, since {@code <stdin>}
     * cannot be read again.
     */
    public TextLoad loadStdinKeepingText(InputStream in) {
        Objects.requireNonNull(in, "in");
        InputReader.Outcome outcome;
        try {
            outcome = InputReader.readStream(in, limits);
        } catch (IOException e) {
            outcome = InputReader.Outcome.failure("cannot read standard input: " + InputReader.oneLine(e.getMessage()));
        }
        if (outcome.failure() != null) {
            return new TextLoad("", failed(STDIN, outcome.failure()));
        }
        return new TextLoad(outcome.text(),
                load(STDIN, outcome.text(), outcome.badOffsets(), outcome.encoding()));
    }

    /** True when the folder holds a {@code Chart.yaml}, i.e. it is a Helm chart to render, not manifests. */
    public static boolean isChartFolder(Path folder) {
        return Files.isRegularFile(folder.resolve("Chart.yaml"));
    }

    /**
     * Every {@code *.yaml}/{@code *.yml} file below a folder (extension case ignored), sorted by relative path
     * with {@code /} separators. Hidden folders and hidden files (names starting with {@code .}) are skipped;
     * symbolic links to folders are not followed; FIFOs, devices and sockets are skipped.
     *
     * @throws UncheckedIOException when the folder, or a folder below it, cannot be listed (the message is the
     *                              one-line problem); use {@link #scanFolder} to get those as values
     */
    public static List<Path> expandFolder(Path folder) {
        FolderScan scan = scanFolder(folder, folder.toString().replace('\\', '/'));
        for (InputProblem problem : scan.problems()) {
            if (problem.severity() == InputProblem.Severity.ERROR) {
                throw new UncheckedIOException(new IOException(problem.oneLine()));
            }
        }
        return scan.files();
    }

    /** Like {@link #expandFolder}, reporting unreadable folders as problems under {@code displayPath}. */
    public static FolderScan scanFolder(Path folder, String displayPath) {
        if (!Files.exists(folder)) {
            return new FolderScan(List.of(), List.of(InputProblem.error(displayPath, 1, 1, "folder not found")));
        }
        if (!Files.isDirectory(folder)) {
            return new FolderScan(List.of(), List.of(InputProblem.error(displayPath, 1, 1, "is not a folder")));
        }
        Map<String, Path> byRelativePath = new TreeMap<>();
        List<InputProblem> problems = new ArrayList<>();
        try {
            // A folder given as a symbolic link is walked through its target; links below it are not followed.
            Path root = Files.isSymbolicLink(folder) ? folder.toRealPath() : folder;
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(root) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE
                            : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (isHidden(file) || !isYamlName(file)) {
                        return FileVisitResult.CONTINUE;
                    }
                    String relative = relative(root, file);
                    boolean regular = attrs.isRegularFile() || attrs.isSymbolicLink() && Files.isRegularFile(file);
                    if (regular) {
                        byRelativePath.put(relative, folder.resolve(relative));
                    } else if (Files.exists(file) && !Files.isDirectory(file)) {
                        problems.add(InputProblem.note(displayPath + "/" + relative, 1, 1,
                                "skipped: not a regular file (a FIFO, device or socket)"));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String where = file.equals(root) ? displayPath : displayPath + "/" + relative(root, file);
                    String reason = e instanceof AccessDeniedException ? "permission denied"
                            : InputReader.oneLine(e.getMessage());
                    problems.add(InputProblem.error(where, 1, 1, "cannot read this folder: " + reason));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(InputProblem.error(displayPath, 1, 1,
                    "cannot read this folder: " + InputReader.oneLine(e.getMessage())));
        }
        return new FolderScan(new ArrayList<>(byRelativePath.values()), problems);
    }

    private Optional<ManifestDocument> loadDocument(String file, LineMap lines, DocumentSplitter.Segment segment,
                                                    int index, LinkedHashSet<InputProblem> problems,
                                                    SharedStrings shared) {
        YamlTreeBuilder.SegmentPositions positions =
                new YamlTreeBuilder.SegmentPositions(lines, segment.firstLine(), segment.startOffset());
        String text = lines.text().substring(segment.startOffset(), segment.endOffset());
        try {
            YamlTreeBuilder.Result tree = YamlTreeBuilder.build(new Parse(settingsFor(text)).parseString(text), limits,
                    positions);
            if (tree.root() == null || isNullScalar(tree.root(), typing)) {
                return Optional.empty();
            }
            DocumentConverter.Converted converted =
                    new DocumentConverter(file, limits, typing, tree.nodeCount(), problems, shared)
                            .convert(tree.root());
            return Optional.of(new ManifestDocument(file, index, segment.firstLine() + 1, segment.helmSource(),
                    converted.content(), converted.positions()));
        } catch (LoadFailure failure) {
            problems.add(InputProblem.error(file, failure.position().line(), failure.position().column(),
                    failure.getMessage()));
        } catch (MarkedYamlEngineException e) {
            Position where = errorPosition(e, text, positions, lines, segment);
            problems.add(InputProblem.error(file, where.line(), where.column(),
                    YamlErrors.describe(e, positions, where)));
        } catch (ReaderException e) {
            Position where = positions.ofCodePointIndex(e.getPosition());
            problems.add(InputProblem.error(file, where.line(), where.column(), YamlErrors.describe(e)));
        } catch (YamlEngineException e) {
            Position where = positions.documentStart();
            problems.add(InputProblem.error(file, where.line(), where.column(), YamlErrors.describe(e)));
        } catch (RuntimeException e) {
            // A loader defect must not end the run with a stack trace; the document is reported unread.
            Position where = positions.documentStart();
            problems.add(InputProblem.error(file, where.line(), where.column(),
                    "this document could not be read because of an internal error; please report it"));
        }
        return Optional.empty();
    }

    /**
     * Where a parse error is reported. An error found at the very end of the document's text (an unclosed
     * quote or bracket) would otherwise point at the next document's first line; it goes to where the
     * unfinished construct started, or to the document's last character.
     */
    private static Position errorPosition(MarkedYamlEngineException e, String text,
                                          YamlTreeBuilder.SegmentPositions positions, LineMap lines,
                                          DocumentSplitter.Segment segment) {
        int length = text.codePointCount(0, text.length());
        var problemMark = e.getProblemMark().filter(mark -> mark.getIndex() < length);
        if (problemMark.isPresent()) {
            return positions.of(problemMark.get());
        }
        var contextMark = e.getContextMark().filter(mark -> mark.getIndex() < length);
        if (contextMark.isPresent()) {
            return positions.of(contextMark.get());
        }
        int last = segment.endOffset() - 1;
        while (last > segment.startOffset() && Character.isWhitespace(lines.text().charAt(last))) {
            last--;
        }
        return lines.positionOfOffset(Math.max(segment.startOffset(), last));
    }

    private static boolean isNullScalar(YamlNode root, ScalarTyping typing) {
        if (!(root instanceof YamlNode.Scalar scalar) || scalar.tag() != null || !scalar.plain()) {
            return false;
        }
        JsonNode value = typing.resolvePlain(scalar.value());
        return value.isNull();
    }

    private static LoadResult failed(String displayPath, String message) {
        return new LoadResult(List.of(), List.of(InputProblem.error(displayPath, 1, 1, message)));
    }

    private static boolean isHidden(Path path) {
        Path name = path.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    private static boolean isYamlName(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static String relative(Path root, Path file) {
        StringBuilder out = new StringBuilder();
        for (Path part : root.relativize(file)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }
}
