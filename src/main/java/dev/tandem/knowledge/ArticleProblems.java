package dev.tandem.knowledge;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The knowledge module's refusals, each rendered as {@code application/problem+json}. */
final class ArticleProblems {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 100_000;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    private ArticleProblems() {
    }

    static ErrorResponseException notFound(UUID id) {
        return problem(HttpStatus.NOT_FOUND, "No article with id " + id + ".");
    }

    static ErrorResponseException notFound(String detail) {
        return problem(HttpStatus.NOT_FOUND, detail);
    }

    static ErrorResponseException conflict(String detail) {
        return problem(HttpStatus.CONFLICT, detail);
    }

    static ErrorResponseException invalid(String detail) {
        return problem(HttpStatus.BAD_REQUEST, detail);
    }

    /** The draft as stored (trimmed, language lower-cased), or a 400 naming every problem at once. */
    static WriteArticle.Draft checked(WriteArticle.Draft draft) {
        if (draft == null) {
            throw invalid("The article is missing.");
        }
        List<String> problems = new ArrayList<>();
        String slug = draft.slug() == null ? "" : draft.slug().strip();
        if (slug.length() > MAX_TITLE || !SLUG.matcher(slug).matches()) {
            problems.add("slug must be 1 to 200 lower-case letters, digits and single hyphens (like 'return-an-item').");
        }
        String title = draft.title() == null ? "" : draft.title().strip();
        if (title.isEmpty() || title.length() > MAX_TITLE) {
            problems.add("title must be 1 to " + MAX_TITLE + " characters (it has " + title.length() + ").");
        }
        String body = draft.body() == null ? "" : draft.body();
        if (body.length() > MAX_BODY) {
            problems.add("body must be at most " + MAX_BODY + " characters (it has " + body.length() + ").");
        }
        String language = draft.language() == null ? "" : draft.language().strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGE.matcher(language).matches()) {
            problems.add("language must be a two-letter ISO 639-1 code such as 'en' (got '" + draft.language() + "').");
        }
        if (draft.audience() == null) {
            problems.add("audience must be PUBLIC or INTERNAL.");
        }
        List<String> tags = new ArrayList<>();
        for (String tag : draft.tags() == null ? List.<String>of() : draft.tags()) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty() || t.length() > 50 || t.contains(",")) {
                problems.add("each tag must be 1 to 50 characters without commas (got '" + tag + "').");
            } else if (!tags.contains(t)) {
                tags.add(t);
            }
        }
        if (String.join(",", tags).length() > 1000) {
            problems.add("the tags together must be at most 1,000 characters.");
        }
        for (String text : List.of(title, body, String.join(",", tags))) {
            if (!storable(text)) {
                problems.add("the text contains a NUL character or broken Unicode (an unpaired surrogate).");
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw invalid("The article is not valid: " + String.join(" ", problems));
        }
        return new WriteArticle.Draft(slug, title, body, tags, language, draft.audience(), draft.translationOf());
    }

    /** PostgreSQL rejects NUL characters and mangles unpaired surrogates; H2 keeps both. */
    private static boolean storable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (c == 0 || (Character.isSurrogate(c) && !pair)) {
                return false;
            }
            if (pair) {
                i++;
            }
        }
        return true;
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
