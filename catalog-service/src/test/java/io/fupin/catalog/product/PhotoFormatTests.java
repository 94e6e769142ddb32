package io.fupin.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PhotoFormatTests {

    @Test
    void readsKindAndSizeOfJpegPngAndWebp() {
        assertThat(PhotoFormat.of(TestImages.encoded("jpg", 640, 480))).isEqualTo(new PhotoFormat("image/jpeg", 640, 480));
        assertThat(PhotoFormat.of(TestImages.encoded("png", 320, 200))).isEqualTo(new PhotoFormat("image/png", 320, 200));
        assertThat(PhotoFormat.of(TestImages.webpLossless(1024, 768))).isEqualTo(new PhotoFormat("image/webp", 1024, 768));
    }

    @Test
    void refusesWhatIsNoImageWhateverItIsCalled() {
        assertThatThrownBy(() -> PhotoFormat.of("翠小妹花生 产品说明".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnsupportedPhoto.class);
        assertThatThrownBy(() -> PhotoFormat.of("GIF89a......".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(UnsupportedPhoto.class);
    }

    @Test
    void refusesMorePixelsThanTheCapBeforeDecodingAnything() {
        assertThat(PhotoFormat.of(TestImages.pngHeader(4096, 4096, 64)).width()).isEqualTo(4096);
        assertThatThrownBy(() -> PhotoFormat.of(TestImages.pngHeader(40_000, 30_000, 64)))
                .isInstanceOf(InvalidPhoto.class).hasMessageContaining("40000 × 30000");
        assertThatThrownBy(() -> PhotoFormat.of(TestImages.webpLossless(4097, 10))).isInstanceOf(InvalidPhoto.class);
    }

    @Test
    void refusesAnImageCutShort() {
        byte[] jpeg = TestImages.encoded("jpg", 64, 64);
        assertThatThrownBy(() -> PhotoFormat.of(java.util.Arrays.copyOf(jpeg, 20))).isInstanceOf(InvalidPhoto.class);
        assertThatThrownBy(() -> PhotoFormat.of(java.util.Arrays.copyOf(TestImages.pngHeader(10, 10, 33), 16)))
                .isInstanceOf(InvalidPhoto.class);
    }
}
