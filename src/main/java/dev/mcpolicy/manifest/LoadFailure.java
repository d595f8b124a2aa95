package dev.mcpolicy.manifest;

/** A document could not be read; carries the file position and a one-line message for the user. */
final class LoadFailure extends RuntimeException {
    private final Position position;

    LoadFailure(Position position, String message) {
        super(message, null, false, false);
        this.position = position;
    }

    Position position() {
        return position;
    }
}
