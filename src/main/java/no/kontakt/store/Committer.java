package no.kontakt.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one thread applies the batches waiting in its queue and commits them together, then wakes
 * their callers. A caller's writes are durable when {@link #commit(Batch)} returns, and durability costs one
 * commit per group, not one per message; a key many batches of a group write (a counter) is written once. A batch
 * whose update fails, or that inserts a key that exists, is refused alone; a group the database gives up is run again.
 */
public final class Committer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Committer.class);
    private static final long WAIT_SECONDS = 30;
    /** Runs of a group the database gave up (deadlock, lost connection) before its batches fail. */
    static final int ATTEMPTS = 4;

    private final Storage storage;
    private final int maxBatch;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long commits;
    private volatile long batches;

    /** A batch to commit, or a task to run between two commits (then {@code batch} is null). */
    private record Pending(Batch batch, Runnable task, CompletableFuture<Void> done) {}

    public Committer(Storage storage, int maxBatch) {
        this.storage = storage;
        this.maxBatch = maxBatch;
        this.thread = new Thread(this::run, "store-committer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Applies the batch and returns once it is committed; throws {@link StoreException} if it is not. */
    public void commit(Batch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            submit(batch).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the commit", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException s ? s : new StoreException("commit failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new StoreException("the store did not commit within " + WAIT_SECONDS + " s", e);
        }
    }

    public CompletableFuture<Void> submit(Batch batch) {
        var pending = new Pending(batch, null, new CompletableFuture<>());
        if (!running) {
            pending.done().completeExceptionally(new StoreException("the store is closed"));
            return pending.done();
        }
        queue.add(pending);
        return pending.done();
    }

    /**
     * Runs the task on the committer thread after every batch submitted before it is committed and before any submitted
     * after it is applied: the store is then at a commit boundary and nothing writes to it until the task returns (a
     * consistent copy of the file for a backup). Commits wait meanwhile; returns when the task has run.
     */
    public void runBetweenCommits(Runnable task) {
        var pending = new Pending(null, task, new CompletableFuture<>());
        if (!running) {
            throw new StoreException("the store is closed");
        }
        queue.add(pending);
        try {
            pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the committer", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof StoreException s ? s : new StoreException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Commits so far, and batches carried by them: their ratio is the average group size. */
    public long commits() {
        return commits;
    }

    public long batches() {
        return batches;
    }

    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Pending> group = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxBatch - 1);
                commitInOrder(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("store commit failed batches={}", group.size(), e);
                rollbackQuietly();
                StoreException failed = e instanceof StoreConflictException c ? c : new StoreException("commit failed: " + e.getMessage(), e);
                group.forEach(p -> p.done().completeExceptionally(failed));
            } finally {
                group.clear();
            }
        }
        queue.forEach(p -> p.done().completeExceptionally(new StoreException("the store is closed")));
    }

    /** Commits the batches of the group, and runs each task at its place between them. */
    private void commitInOrder(List<Pending> group) {
        List<Pending> batches = new ArrayList<>(group.size());
        for (Pending p : group) {
            if (p.task() == null) {
                batches.add(p);
                continue;
            }
            if (!batches.isEmpty()) {
                commitGroup(batches);
                batches.clear();
            }
            try {
                p.task().run();
                p.done().complete(null);
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
        if (!batches.isEmpty()) {
            commitGroup(batches);
        }
    }

    /**
     * Commits the group; when the database gives the transaction up (a deadlock with another instance, a lost
     * connection), rolls back and runs it again from the batches, a few times; when a key inserted twice fails the
     * commit, commits the group's batches one at a time, so only the batch that repeats a key is refused.
     */
    private void commitGroup(List<Pending> group) {
        for (int attempt = 1; ; attempt++) {
            List<Pending> open = group.stream().filter(p -> !p.done().isDone()).toList();
            if (open.isEmpty()) {
                return;
            }
            try {
                stageAndCommit(open);
                return;
            } catch (DuplicateKeyException e) {
                rollbackQuietly();
                if (open.size() == 1) {
                    open.get(0).done().completeExceptionally(e);
                } else {
                    log.info("a key of the group exists already, committing its batches one at a time batches={}", open.size());
                    open.forEach(p -> commitGroup(List.of(p)));
                }
                return;
            } catch (StoreConflictException e) {
                rollbackQuietly();
                if (attempt >= ATTEMPTS) {
                    throw e;
                }
                log.warn("store transaction given up by the database, running it again attempt={}: {}", attempt, e.getMessage());
            }
        }
    }

    /**
     * Stages every batch of the group (a batch whose update fails, or that inserts a key that exists, is refused alone and
     * leaves nothing), writes the combined values, and commits once.
     */
    private void stageAndCommit(List<Pending> group) {
        GroupWrites writes = new GroupWrites(storage);
        List<Pending> staged = new ArrayList<>(group.size());
        for (Pending p : group) {
            try {
                p.batch().stageInto(writes);
                staged.add(p);
            } catch (StoreConflictException e) {
                throw e; // the database aborted the transaction: the whole group runs again
            } catch (DuplicateKeyException e) {
                log.info("store write refused: {}", e.getMessage());
                p.done().completeExceptionally(e);
            } catch (RuntimeException e) {
                log.error("store write refused, batch rolled back", e);
                p.done().completeExceptionally(new StoreException("write refused: " + e.getMessage(), e));
            }
        }
        if (staged.isEmpty()) {
            storage.rollback(); // reads for update may have opened a transaction
            return;
        }
        writes.writeTo(storage);
        storage.commit();
        commits++;
        batches += staged.size();
        staged.forEach(p -> p.done().complete(null));
    }

    private void rollbackQuietly() {
        try {
            storage.rollback();
        } catch (RuntimeException e) {
            log.error("store rollback failed", e);
        }
    }

    /** Commits what is queued, then stops the thread. */
    @Override
    public void close() {
        running = false;
        queue.add(new Pending(null, () -> { }, new CompletableFuture<>())); // wakes the thread now, not at its next poll
        try {
            thread.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
