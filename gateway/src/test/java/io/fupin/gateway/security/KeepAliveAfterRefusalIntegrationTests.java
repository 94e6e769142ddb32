package io.fupin.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.gateway.GatewayIntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * A refusal is answered before the request's body is read (a 401 needs no body). A browser or a pooled client
 * then sends the body and its next request on the same keep-alive connection; that next request must be
 * answered. The body arrives only after the refusal, in its own TCP segment, which is what a busy network
 * does now and then and what made a pooled client wait forever for its next answer.
 */
class KeepAliveAfterRefusalIntegrationTests extends GatewayIntegrationTest {

    @Value("${local.server.port}")
    private int port;

    @Test
    void answersTheNextRequestOnAConnectionWhoseRefusedRequestSentItsBodyLate() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();

            out.write(("POST /api/households HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 2\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).startsWith("HTTP/1.1 401");

            out.write("{}".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            out.write("GET /api/catalog/products HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readResponse(in)).as("the next request on the connection").startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void answersARequestThatFollowsARefusalWhichArrivedWhileTheRequestBeforeWasStillFinishing() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int round = 0; round < 20; round++) {
                out.write(("GET /api/catalog/products HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                        + "POST /api/households HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2\r\n\r\n{}").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertThat(readResponse(in)).as("round %d, the proxied read", round).startsWith("HTTP/1.1 200");
                assertThat(readResponse(in)).as("round %d, the refusal", round).startsWith("HTTP/1.1 401");
            }
        }
    }

    /** The status line and headers of one response, and its body as its Content-Length says; null if the server closed. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return head.size() == 0 ? null : head.toString(StandardCharsets.US_ASCII);
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int length = headers.lines()
                .filter(line -> line.regionMatches(true, 0, "content-length:", 0, 15))
                .mapToInt(line -> Integer.parseInt(line.substring(15).trim()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no Content-Length in " + headers));
        in.readNBytes(length);
        return headers;
    }
}
