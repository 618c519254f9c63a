package io.careline.complaint;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Collects the warnings and errors the application logs while open (it runs in the test's JVM). */
final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();

    static LogCapture start() {
        LogCapture capture = new LogCapture();
        capture.setLevel(Level.WARNING);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            String message = record.getMessage();
            if (record.getParameters() != null && record.getParameters().length > 0 && message != null) {
                try {
                    message = String.format(message, record.getParameters());
                } catch (RuntimeException e) {
                    // not a printf pattern: keep the raw message
                }
            }
            messages.add(record.getLoggerName() + ": " + message + (record.getThrown() == null ? "" : " " + record.getThrown()));
        }
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
