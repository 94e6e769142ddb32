package io.fupin.demo;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Photos for a few demo products, drawn when the demo loads rather than kept as binaries in the repository:
 * a plain still life in the product's colours (a bag of peanuts, a sack of rice, goose eggs), 640 × 480 PNG.
 */
final class ProductPhotos {

    /** Product key → background, bag and produce colours. */
    static final Map<String, Color[]> DRAWN = Map.of(
            "cuixiaomei-peanuts", new Color[] {new Color(0xfdf3e1), new Color(0xc0392b), new Color(0xd9a066)},
            "daohuaxiang-5kg", new Color[] {new Color(0xeef6e8), new Color(0x4a7c3a), new Color(0xf7f3e8)},
            "xinggong-goose-eggs", new Color[] {new Color(0xf2efe9), new Color(0x8d6e4f), new Color(0xfbf8f1)});

    private ProductPhotos() {
    }

    static byte[] draw(String key) {
        Color[] colours = DRAWN.get(key);
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, colours[0], 0, 480, colours[0].darker()));
        g.fillRect(0, 0, 640, 480);
        g.setColor(colours[1]);
        g.fillRoundRect(200, 90, 240, 320, 40, 40);
        g.setColor(colours[0]);
        g.fillRoundRect(240, 150, 160, 110, 20, 20);
        g.setColor(colours[2]);
        for (int i = 0; i < 7; i++) {
            double x = 90 + i * 70;
            double y = 380 + (i % 2) * 24;
            g.fill(new Ellipse2D.Double(x, y, 64, 44));
            g.setColor(colours[2].darker());
            g.draw(new Ellipse2D.Double(x, y, 64, 44));
            g.setColor(colours[2]);
        }
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }
}
