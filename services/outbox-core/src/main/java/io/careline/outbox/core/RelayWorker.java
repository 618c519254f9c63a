package io.careline.outbox.core;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A relay's thread, whatever the store: it tries to become the one active relay, then runs passes one after another
 * (they never overlap). A full batch, or a wake-up that arrived meanwhile, starts the next pass at once; otherwise it
 * sleeps until woken, until the earliest event backing off is due, or until the poll interval (the safety net).
 * After a broker outage it waits out the relay's back-off. The store's subclass says how to become active, what a pass
 * is and when the next retry is due.
 */
public abstract class RelayWorker {

    private static final Logger LOG = Logger.getLogger(RelayWorker.class);

    protected final String name;
    protected final RelayConfig config;

    // a write, a stop or an operator's retry while a pass runs leaves one token: one more pass follows, not one each
    private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
    private volatile boolean running;
    private volatile boolean active;
    private Thread worker;

    // the relay thread's own
    private long pausedUntil;
    // when the earliest event backing off is due (System.nanoTime), 0 when none is: its retry need not wait for the
    // next wake-up or poll
    private long retryAt;

    protected RelayWorker(String name, RelayConfig config) {
        this.name = name;
        this.config = config;
    }

    public synchronized void start() {
        if (worker != null) {
            return;
        }
        running = true;
        worker = new Thread(this::run, name);
        worker.setDaemon(true);
        worker.start();
    }

    /** Lets a pass in progress finish (it sends nothing more), then gives the relay up. */
    public void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopping = worker;
            worker = null;
        }
        if (stopping == null) {
            return;
        }
        wake();
        try {
            stopping.join(config.passDeadline().plusSeconds(5).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this instance is the one relay that publishes. */
    public boolean isActive() {
        return active;
    }

    /** Asks for a pass now (a write happened, an operator retried an event); cheap, and never blocks. */
    public void wake() {
        wake.offer(Boolean.TRUE);
    }

    public String name() {
        return name;
    }

    /** Tries to become the one active relay; calls {@link #active(boolean)} with the result. */
    protected abstract void acquire();

    /** One pass: read a batch, publish it, record the outcome. The number of events read. */
    protected abstract int pass();

    /** Milliseconds until the earliest event backing off is due (only future ones); null when none is. */
    protected abstract Long nextRetryMillis();

    /** Called once on the relay's thread when it stops: give the relay up, close what the relay opened. */
    protected abstract void release();

    /** False once a pass must send nothing more. A store may add its own condition (a lease that is about to end). */
    protected boolean mayGoOn() {
        return running && active;
    }

    protected final boolean running() {
        return running;
    }

    protected final void active(boolean active) {
        this.active = active;
    }

    /** After a broker outage: no pass before this many milliseconds. */
    protected final void pause(long millis) {
        pausedUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    }

    private boolean paused() {
        return System.nanoTime() - pausedUntil < 0;
    }

    private void run() {
        try {
            while (running) {
                try {
                    if (!active) {
                        acquire();
                    }
                    if (active && !paused()) {
                        drain();
                    }
                } catch (RuntimeException e) {
                    if (running) {
                        LOG.warnf("outbox relay pass failed, will try again: %s", e.toString());
                    }
                }
                awaitWake();
            }
        } finally {
            active = false;
            release();
        }
    }

    private void awaitWake() {
        if (!running) {
            return;
        }
        long wait = config.pollInterval().toNanos();
        long paused = pausedUntil - System.nanoTime();
        if (active && paused > 0) {
            wait = paused;
        } else if (active && retryAt != 0) {
            wait = Math.min(wait, Math.max(0, retryAt - System.nanoTime()));
        }
        try {
            wake.poll(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void drain() {
        int selected;
        do {
            wake.clear(); // what was written until now, this pass sees
            selected = pass();
        } while (selected == config.batchSize() && running && active && !paused());
        scheduleRetry();
    }

    /** Wakes the relay when the earliest event backing off is due, not only at the next wake-up or poll. */
    private void scheduleRetry() {
        if (!running || !active) {
            return;
        }
        Long dueInMillis = nextRetryMillis();
        retryAt = dueInMillis == null ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, dueInMillis));
    }
}
