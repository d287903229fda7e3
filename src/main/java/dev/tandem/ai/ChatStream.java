package dev.tandem.ai;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;

import dev.tandem.ai.ChatModels.ChatUnavailable;

/**
 * One reply of the chat model as the model writes it, read piece by piece by the thread that asked for it.
 * The HTTP client's thread only queues what arrives; reading, and whatever the reader does with the text,
 * happens on the reader's thread (for the assistant: one of its bounded workers, at its CPU priority).
 *
 * <p>The whole reply must arrive within the chat model's timeout, counted from the request: the HTTP
 * client's timeout only bounds the wait for the response headers, and a server that stalls in the middle
 * of a stream would otherwise hold the reader for good. {@link #close()} stops the reply (the reader
 * stopped reading: it had enough, found a sentence it cannot use, or timed out); the client then closes
 * the connection at once if the model has sent any text, else at its first piece of text.
 */
public final class ChatStream implements AutoCloseable {

    private sealed interface Piece {
    }

    private record Text(String text) implements Piece {
    }

    private record Done() implements Piece {
    }

    private record Failed(Throwable cause) implements Piece {
    }

    private final BlockingQueue<Piece> pieces = new LinkedBlockingQueue<>();
    private final Duration timeout;
    private final long deadline;
    private volatile StreamingHandle handle;
    private volatile boolean closed;
    private boolean done;

    ChatStream(Duration timeout) {
        this.timeout = timeout;
        this.deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * The next piece of the reply (usually a token or a few), or empty once the reply is complete.
     * Waits for it at most until the timeout, counted from the request.
     *
     * @throws ChatUnavailable if the server failed, the stream was closed, or the reply was not complete
     *         within the timeout
     */
    public Optional<String> next() {
        if (done) {
            return Optional.empty();
        }
        if (closed) {
            throw new ChatUnavailable("the reply was closed");
        }
        Piece piece;
        try {
            piece = pieces.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new ChatUnavailable("interrupted while waiting for the chat model");
        }
        if (piece == null) {
            close();
            throw new ChatUnavailable("the chat model's reply was not complete within " + timeout);
        }
        if (piece instanceof Text text) {
            return Optional.of(text.text());
        }
        if (piece instanceof Failed failed) {
            close();
            throw failed.cause() instanceof ChatUnavailable unavailable ? unavailable
                    : new ChatUnavailable("the chat model failed: " + failed.cause().getClass().getSimpleName() + ": "
                            + failed.cause().getMessage(), failed.cause());
        }
        done = true;
        return Optional.empty();
    }

    /** Stops reading the reply and has the HTTP client drop the connection. */
    @Override
    public void close() {
        closed = true;
        StreamingHandle current = handle;
        if (current != null && !done) {
            current.cancel();
        }
    }

    /** Called on the HTTP client's thread: queues what arrives, nothing more. */
    StreamingChatResponseHandler handler() {
        return new StreamingChatResponseHandler() {

            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                handle = context.streamingHandle();
                if (closed) {
                    handle.cancel();
                    return;
                }
                pieces.add(new Text(partial.text()));
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                pieces.add(new Done());
            }

            @Override
            public void onError(Throwable error) {
                pieces.add(new Failed(error));
            }
        };
    }

    /** A stream that failed before it started: its first {@link #next()} throws. */
    static ChatStream failed(Duration timeout, ChatUnavailable cause) {
        ChatStream stream = new ChatStream(timeout);
        stream.pieces.add(new Failed(cause));
        return stream;
    }
}
