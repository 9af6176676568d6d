package no.kontakt.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads each request body in full, as it arrives and without holding a thread, before the application sees the
 * request: a client that sends its headers and then trickles the body holds a connection, never a worker thread.
 * The body must arrive within {@code timeout} plus one second per {@code minBytesPerSecond} of its declared length,
 * or the request gets 408 and its connection is closed. A body larger than {@code maxBytes} gets 413: read to its
 * end and dropped up to four times the limit (so the client, still sending, sees the answer), refused unread beyond.
 */
final class WholeBodies extends Handler.Wrapper {
    private static final Logger log = LoggerFactory.getLogger(WholeBodies.class);
    private final long timeoutMillis;
    private final long minBytesPerSecond;
    private final long maxBytes;

    WholeBodies(long timeoutMillis, long minBytesPerSecond, long maxBytes) {
        this.timeoutMillis = timeoutMillis;
        this.minBytesPerSecond = minBytesPerSecond;
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        boolean chunked = request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
        if (length <= 0 && !chunked) {
            return super.handle(request, response, callback);
        }
        if (length > drainLimit()) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString()); // the body stays unread
            Response.writeError(request, response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413);
            return true;
        }
        long expected = length > 0 ? length : maxBytes;
        new Loader(request, response, callback, timeoutMillis + expected * 1000 / minBytesPerSecond).start();
        return true;
    }

    /**
     * How much of a too-large body is read and dropped before the 413, so that the client, still sending, gets the
     * answer instead of a reset connection. A larger body is refused at once, unread.
     */
    private long drainLimit() {
        return Math.max(4 * maxBytes, 256 * 1024);
    }

    /** One request's body on its way in. */
    private final class Loader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final long deadlineMillis;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final AtomicBoolean settled = new AtomicBoolean();
        private long read;
        private Scheduler.Task deadline;

        Loader(Request request, Response response, Callback callback, long deadlineMillis) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.deadlineMillis = deadlineMillis;
        }

        void start() {
            deadline = request.getComponents().getScheduler().schedule(this::expire, deadlineMillis, TimeUnit.MILLISECONDS);
            run();
        }

        /** Reads what has arrived; asks to be called again when more does. */
        @Override
        public void run() {
            while (true) {
                if (settled.get()) {
                    return;
                }
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                try {
                    if (Content.Chunk.isFailure(chunk)) {
                        // A transient failure is the idle timeout: the client went quiet in the middle of its body.
                        refuse(chunk.isLast() ? 400 : HttpStatus.REQUEST_TIMEOUT_408, chunk.isLast() ? "the body broke off" : "the body stalled");
                        return;
                    }
                    ByteBuffer bytes = chunk.getByteBuffer();
                    read += bytes.remaining();
                    if (read > drainLimit()) {
                        refuse(HttpStatus.PAYLOAD_TOO_LARGE_413, "the body is too large");
                        return;
                    }
                    if (read <= maxBytes) {
                        byte[] copy = new byte[bytes.remaining()];
                        bytes.get(copy);
                        body.write(copy, 0, copy.length);
                    }
                    if (chunk.isLast()) {
                        if (read > maxBytes) {
                            // read to its end first: closing on a client still sending would reset the connection, and
                            // the client would never see the 413
                            refuse(HttpStatus.PAYLOAD_TOO_LARGE_413, "the body is too large");
                        } else {
                            dispatch();
                        }
                        return;
                    }
                } finally {
                    chunk.release();
                }
            }
        }

        private void expire() {
            refuse(HttpStatus.REQUEST_TIMEOUT_408, "the body did not arrive within " + deadlineMillis + " ms");
        }

        private void refuse(int status, String why) {
            if (settled.compareAndSet(false, true)) {
                deadline.cancel();
                log.info("request refused {} {} status={}: {}", request.getMethod(), ErrorMapping.loggable(request.getHttpURI().getPath()), status, why);
                response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString()); // the rest of the body stays unread
                Response.writeError(request, response, callback, status);
            }
        }

        private void dispatch() {
            if (!settled.compareAndSet(false, true)) {
                return;
            }
            deadline.cancel();
            Request whole = new Whole(request, body.toByteArray());
            try {
                if (!getHandler().handle(whole, response, callback)) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                }
            } catch (Throwable t) {
                Response.writeError(request, response, callback, t);
            }
        }
    }

    /** The request with its body already in hand. */
    private static final class Whole extends Request.Wrapper {
        private Content.Chunk rest;

        Whole(Request request, byte[] body) {
            super(request);
            this.rest = Content.Chunk.from(ByteBuffer.wrap(body), true);
        }

        @Override
        public synchronized Content.Chunk read() {
            Content.Chunk chunk = rest;
            rest = Content.Chunk.EOF;
            return chunk;
        }

        @Override
        public void demand(Runnable demandCallback) {
            getContext().execute(demandCallback);
        }

        @Override
        public boolean consumeAvailable() {
            read();
            return true;
        }
    }
}
