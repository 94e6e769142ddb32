package io.fupin.catalog.product;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;

/** Images made in the test: real JPEG and PNG files from ImageIO, and WebP and PNG headers written by hand. */
final class TestImages {

    private TestImages() {
    }

    static byte[] encoded(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0xd9, 0x8c, 0x3a));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0x6b, 0x3e, 0x1c));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A PNG signature and IHDR chunk claiming the size given, padded with zeros to {@code length} bytes. */
    static byte[] pngHeader(int width, int height, int length) {
        ByteBuffer png = ByteBuffer.allocate(Math.max(length, 33)).order(ByteOrder.BIG_ENDIAN);
        png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        png.putInt(13).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height);
        return png.array();
    }

    /** The start of a lossless WebP file of the size given (RIFF header, VP8L chunk header and signature). */
    static byte[] webpLossless(int width, int height) {
        ByteBuffer webp = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32).put("WEBP".getBytes(StandardCharsets.US_ASCII));
        webp.put("VP8L".getBytes(StandardCharsets.US_ASCII)).putInt(20).put((byte) 0x2f);
        webp.putInt((width - 1) | (height - 1) << 14);
        return webp.array();
    }
}
