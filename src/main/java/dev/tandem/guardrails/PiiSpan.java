package dev.tandem.guardrails;

/** Personal data found in a text: characters {@code [start, end)} are of this type. */
public record PiiSpan(PiiType type, int start, int end) {

    public PiiSpan {
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("empty or negative span " + start + ".." + end);
        }
    }

    boolean overlaps(PiiSpan other) {
        return start < other.end && other.start < end;
    }
}
