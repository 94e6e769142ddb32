package io.fupin.catalog.product;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * What an uploaded file really is, read from its first bytes rather than from the name or the declared type:
 * JPEG, PNG or WebP, with the pixel size from the header. Nothing is decoded, so a small file that claims a huge
 * picture is refused before anything would allocate for it.
 *
 * @param mediaType what the photo is served as
 */
record PhotoFormat(String mediaType, int width, int height) {

    /** The largest side accepted, in pixels: a phone's full-resolution photo fits, a poster does not. */
    static final int MAX_SIDE = 4096;

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /**
     * @throws UnsupportedPhoto when the bytes are not a JPEG, PNG or WebP image
     * @throws InvalidPhoto when they are, but its header is cut short or it is larger than {@link #MAX_SIDE}
     */
    static PhotoFormat of(byte[] image) {
        PhotoFormat format;
        if (startsWith(image, PNG)) {
            format = png(image);
        } else if (image.length >= 3 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff) {
            format = jpeg(image);
        } else if (image.length >= 12 && ascii(image, 0, "RIFF") && ascii(image, 8, "WEBP")) {
            format = webp(image);
        } else {
            throw new UnsupportedPhoto();
        }
        if (format.width() < 1 || format.height() < 1) {
            throw new InvalidPhoto("the image header names no size");
        }
        if (format.width() > MAX_SIDE || format.height() > MAX_SIDE) {
            throw new InvalidPhoto("the image is " + format.width() + " × " + format.height()
                    + " pixels; at most " + MAX_SIDE + " pixels a side are accepted");
        }
        return format;
    }

    private static PhotoFormat png(byte[] image) {
        // The IHDR chunk comes first: length, "IHDR", width, height (big-endian).
        need(image, 24);
        if (!ascii(image, 12, "IHDR")) {
            throw new InvalidPhoto("the PNG has no IHDR header");
        }
        ByteBuffer header = ByteBuffer.wrap(image).order(ByteOrder.BIG_ENDIAN);
        return new PhotoFormat("image/png", header.getInt(16), header.getInt(20));
    }

    private static PhotoFormat jpeg(byte[] image) {
        // Walk the segments to the first start-of-frame, which holds height and width.
        int at = 2;
        while (at + 4 <= image.length) {
            if ((image[at] & 0xff) != 0xff) {
                throw new InvalidPhoto("the JPEG's segments are malformed");
            }
            int marker = image[at + 1] & 0xff;
            if (marker == 0xff) {
                at++;
                continue;
            }
            if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
                at += 2;
                continue;
            }
            if (marker == 0xd9 || marker == 0xda) {
                break;
            }
            int length = ((image[at + 2] & 0xff) << 8) | (image[at + 3] & 0xff);
            boolean frame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
            if (frame) {
                need(image, at + 9);
                int height = ((image[at + 5] & 0xff) << 8) | (image[at + 6] & 0xff);
                int width = ((image[at + 7] & 0xff) << 8) | (image[at + 8] & 0xff);
                return new PhotoFormat("image/jpeg", width, height);
            }
            if (length < 2) {
                throw new InvalidPhoto("the JPEG's segments are malformed");
            }
            at += 2 + length;
        }
        throw new InvalidPhoto("the JPEG has no frame header");
    }

    private static PhotoFormat webp(byte[] image) {
        need(image, 30);
        ByteBuffer data = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
        if (ascii(image, 12, "VP8 ")) {
            // lossy: frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height
            return new PhotoFormat("image/webp", data.getShort(26) & 0x3fff, data.getShort(28) & 0x3fff);
        }
        if (ascii(image, 12, "VP8L")) {
            // lossless: signature 0x2f, then width - 1 and height - 1 in 14 bits each
            int bits = data.getInt(21);
            return new PhotoFormat("image/webp", (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
        }
        if (ascii(image, 12, "VP8X")) {
            // extended: canvas width - 1 and height - 1 in 24 bits each
            int width = (image[24] & 0xff) | (image[25] & 0xff) << 8 | (image[26] & 0xff) << 16;
            int height = (image[27] & 0xff) | (image[28] & 0xff) << 8 | (image[29] & 0xff) << 16;
            return new PhotoFormat("image/webp", width + 1, height + 1);
        }
        throw new InvalidPhoto("the WebP file has no image chunk");
    }

    private static void need(byte[] image, int length) {
        if (image.length < length) {
            throw new InvalidPhoto("the image is cut short");
        }
    }

    private static boolean startsWith(byte[] image, byte[] prefix) {
        return image.length >= prefix.length && Arrays.equals(image, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean ascii(byte[] image, int at, String text) {
        if (image.length < at + text.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (image[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
