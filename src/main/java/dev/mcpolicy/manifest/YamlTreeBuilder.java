package dev.mcpolicy.manifest;

import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.common.ScalarStyle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link YamlNode} tree of one document from snakeyaml's parser events. Iterative (an explicit
 * stack, no recursion), so nesting depth is a checked limit rather than a stack overflow; snakeyaml's own
 * composer is not used because it neither bounds depth nor keeps alias positions.
 */
final class YamlTreeBuilder {
    /** Marks an anchor whose collection is still open: an alias to it would be recursive. */
    private static final YamlNode.Scalar IN_PROGRESS = new YamlNode.Scalar("", null, true, Position.START,
            Position.START);

    private final LoaderLimits limits;
    private final SegmentPositions positions;
    private final Map<String, YamlNode> anchors = new HashMap<>();
    private final Deque<Frame> open = new ArrayDeque<>();
    private YamlNode root;
    private boolean documentSeen;
    private int nodeCount;
    private int aliasCount;

    /** The document's root (null for a stream without a document) and how many nodes its text holds. */
    record Result(YamlNode root, int nodeCount) {
    }

    private YamlTreeBuilder(LoaderLimits limits, SegmentPositions positions) {
        this.limits = limits;
        this.positions = positions;
    }

    static Result build(Iterable<Event> events, LoaderLimits limits, SegmentPositions positions) {
        YamlTreeBuilder builder = new YamlTreeBuilder(limits, positions);
        for (Event event : events) {
            builder.accept(event);
        }
        return new Result(builder.root, builder.nodeCount);
    }

    private void accept(Event event) {
        switch (event.getEventId()) {
            case DocumentStart -> {
                if (documentSeen) {
                    throw new LoadFailure(start(event), "a second document starts here without a '---' line");
                }
                documentSeen = true;
            }
            case Scalar -> scalar((ScalarEvent) event);
            case Alias -> alias((AliasEvent) event);
            case SequenceStart, MappingStart -> openCollection((CollectionStartEvent) event);
            case SequenceEnd, MappingEnd -> closeCollection(event);
            default -> {
                // stream start/end, document end and comments carry nothing for the tree
            }
        }
    }

    private void scalar(ScalarEvent event) {
        YamlNode.Scalar node = new YamlNode.Scalar(event.getValue(), event.getTag().orElse(null),
                event.getScalarStyle() == ScalarStyle.PLAIN, start(event), end(event));
        String anchor = anchorName(event);
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        add(node);
    }

    private void alias(AliasEvent event) {
        String name = event.getAlias().getValue();
        Position start = start(event);
        if (++aliasCount > limits.maxAliases()) {
            throw new LoadFailure(start, "the document uses more than " + limits.maxAliases()
                    + " aliases; it was not read");
        }
        YamlNode target = anchors.get(name);
        if (target == null) {
            throw new LoadFailure(start, "alias *" + name + " names no anchor defined before it");
        }
        if (target == IN_PROGRESS) {
            throw new LoadFailure(start, "alias *" + name + " points into its own anchor (a recursive structure)");
        }
        add(new YamlNode.Alias(name, target, start, end(event)));
    }

    private void openCollection(CollectionStartEvent event) {
        Position start = start(event);
        if (open.size() >= limits.maxDepth()) {
            throw new LoadFailure(start, "collections nest deeper than " + limits.maxDepth() + " levels");
        }
        String anchor = anchorName(event);
        if (anchor != null) {
            anchors.put(anchor, IN_PROGRESS);
        }
        open.push(new Frame(event.getEventId() == Event.ID.MappingStart, event.isFlow(), anchor, start));
    }

    private void closeCollection(Event event) {
        Frame frame = open.pop();
        Position end = frame.flow || frame.values.isEmpty()
                ? end(event)
                : frame.values.get(frame.values.size() - 1).end();
        YamlNode node = frame.mapping
                ? new YamlNode.Mapping(List.copyOf(frame.keys), List.copyOf(frame.values), frame.start, end)
                : new YamlNode.Sequence(List.copyOf(frame.values), frame.start, end);
        if (frame.anchor != null) {
            anchors.put(frame.anchor, node);
        }
        add(node);
    }

    private void add(YamlNode node) {
        nodeCount++;
        Frame parent = open.peek();
        if (parent == null) {
            root = node;
        } else {
            parent.add(node);
        }
    }

    /** The node's anchor, or null. (Called for every node: no lambda or Optional made for the common null.) */
    private static String anchorName(NodeEvent event) {
        Optional<Anchor> anchor = event.getAnchor();
        return anchor.isPresent() ? anchor.get().getValue() : null;
    }

    private Position start(Event event) {
        return positions.of(event.getStartMark());
    }

    private Position end(Event event) {
        return positions.of(event.getEndMark());
    }

    private static final class Frame {
        final boolean mapping;
        final boolean flow;
        final String anchor;
        final Position start;
        final List<YamlNode> keys = new ArrayList<>();
        final List<YamlNode> values = new ArrayList<>();
        private YamlNode pendingKey;

        Frame(boolean mapping, boolean flow, String anchor, Position start) {
            this.mapping = mapping;
            this.flow = flow;
            this.anchor = anchor;
            this.start = start;
        }

        void add(YamlNode node) {
            if (!mapping) {
                values.add(node);
            } else if (pendingKey == null) {
                pendingKey = node;
            } else {
                keys.add(pendingKey);
                values.add(node);
                pendingKey = null;
            }
        }
    }

    /** Converts the marks of one document's text (parsed on its own) to positions in the whole file. */
    static final class SegmentPositions {
        private final LineMap lines;
        private final int firstLine;
        private final int startOffset;

        SegmentPositions(LineMap lines, int firstLine, int startOffset) {
            this.lines = lines;
            this.firstLine = firstLine;
            this.startOffset = startOffset;
        }

        Position of(Optional<Mark> mark) {
            return mark.isPresent() ? of(mark.get()) : documentStart();
        }

        Position of(Mark mark) {
            return lines.position(firstLine + mark.getLine(), mark.getColumn());
        }

        Position documentStart() {
            return lines.position(firstLine, 0);
        }

        /** Position of a code-point index into the document's text (snakeyaml's reader errors count so). */
        Position ofCodePointIndex(int codePointIndex) {
            String text = lines.text();
            int offset = startOffset;
            int remaining = Math.max(0, codePointIndex);
            while (remaining > 0 && offset < text.length()) {
                offset += Character.charCount(text.codePointAt(offset));
                remaining--;
            }
            return lines.positionOfOffset(offset);
        }
    }
}
