package dev.tandem.guardrails;

import java.util.List;

/** Finds one kind of personal data in a text. Stateless and thread-safe. */
interface PiiRecognizer {

    /** Adds what it finds in {@code text} to {@code found}. */
    void find(String text, List<PiiSpan> found);
}
