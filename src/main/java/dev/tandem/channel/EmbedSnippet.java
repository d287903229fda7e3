package dev.tandem.channel;

/** The one line a website adds to show the chat widget. */
final class EmbedSnippet {

    private EmbedSnippet() {
    }

    static String of(String baseUrl, String inboxKey) {
        return "<script src=\"" + baseUrl + "/widget/widget.js\" data-inbox=\"" + inboxKey + "\" async></script>";
    }
}
