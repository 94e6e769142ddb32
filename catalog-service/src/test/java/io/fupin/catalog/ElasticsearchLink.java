package io.fupin.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The network path from the service under test to the real Elasticsearch node, as a TCP relay the tests can
 * cut and restore. Cut, nothing listens on the service's Elasticsearch address: to the service that is
 * exactly a stopped node (connection refused), without the minute a real node needs to start again.
 */
public final class ElasticsearchLink {

    private static ElasticsearchLink instance;

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private ElasticsearchLink(InetSocketAddress upstream) throws IOException {
        this.upstream = upstream;
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    /** The one link of this test JVM, to the node named by {@code spring.elasticsearch.uris}. */
    public static synchronized ElasticsearchLink get() {
        if (instance == null) {
            URI node = URI.create(System.getProperty("spring.elasticsearch.uris", "http://127.0.0.1:9250"));
            try {
                instance = new ElasticsearchLink(new InetSocketAddress(node.getHost(), node.getPort()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening and drops every open connection. */
    public synchronized void cut() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    public synchronized void restore() throws IOException {
        if (server.isClosed()) {
            server = listen(port);
            acceptLoop(server);
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void acceptLoop(ServerSocket listening) {
        Thread.ofVirtual().start(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    Socket node = new Socket(upstream.getAddress(), upstream.getPort());
                    open.add(client);
                    open.add(node);
                    pump(client, node);
                    pump(node, client);
                } catch (IOException closed) {
                    // cut, or the node refused: the client sees its connection closed
                }
            }
        });
    }

    private void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // one side closed
            } finally {
                close(from);
                close(to);
            }
        });
    }

    private void close(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
