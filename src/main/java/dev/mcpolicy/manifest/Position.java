package dev.mcpolicy.manifest;

/** A place in a text file: 1-based line and 1-based column (UTF-16 code units, as editors and SARIF count). */
public record Position(int line, int column) implements Comparable<Position> {
    public static final Position START = new Position(1, 1);

    public Position {
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("position must be 1-based: " + line + ":" + column);
        }
    }

    @Override
    public int compareTo(Position other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
