package dev.paperlist.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body and stops the download once it reaches a size limit: either as a failure
 * ({@link #refusingOver}), for an API answer that must arrive whole, or by keeping the first bytes
 * ({@link #truncatedAt}), for a link check that needs the status, not a 50 MB PDF from a server that
 * ignored the Range header.
 */
public final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
    /** The body was larger than the limit. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("response too large");
        }
    }

    private final int limit;
    private final boolean truncate;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private LimitedBody(int limit, boolean truncate) {
        this.limit = limit;
        this.truncate = truncate;
    }

    /** A body that fails with {@link TooLarge} once it passes {@code limit} bytes. */
    static LimitedBody refusingOver(int limit) {
        return new LimitedBody(limit, false);
    }

    /** A body that keeps its first {@code limit} bytes and stops the download there. */
    public static LimitedBody truncatedAt(int limit) {
        return new LimitedBody(limit, true);
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            if (!truncate && bytes.size() + buffer.remaining() > limit) {
                subscription.cancel();
                result.completeExceptionally(new TooLarge());
                return;
            }
            int take = Math.min(buffer.remaining(), limit - bytes.size());
            byte[] chunk = new byte[take];
            buffer.get(chunk);
            bytes.write(chunk, 0, take);
            if (truncate && bytes.size() >= limit) {
                subscription.cancel();
                result.complete(bytes.toByteArray());
                return;
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
