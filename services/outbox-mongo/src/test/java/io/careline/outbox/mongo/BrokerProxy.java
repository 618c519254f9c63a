package io.careline.outbox.mongo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * The broker's bootstrap address as the relay sees it: nothing listens there until {@link #open()}, then it forwards to
 * the real broker. The broker's metadata names 127.0.0.1:9092, so once a client has bootstrapped it talks to the broker
 * directly: closed, the broker is away for a relay that never reached it; open, it is back.
 */
final class BrokerProxy implements AutoCloseable {

    private final int port;
    private ServerSocket server;

    BrokerProxy() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    void open() throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(() -> {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    Socket broker = new Socket("127.0.0.1", 9092);
                    pipe(client, broker);
                    pipe(broker, client);
                } catch (IOException e) {
                    return; // closed
                }
            }
        }, "broker-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void pipe(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }, "broker-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws IOException {
        if (server != null) {
            server.close();
        }
    }
}
