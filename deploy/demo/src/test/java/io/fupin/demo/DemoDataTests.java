package io.fupin.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.fupin.demo.Households.Household;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoDataTests {

    final District district = District.shuangcheng();
    final List<Household> households = Households.of(district);

    @Test
    void theDistrictHasItsRegisteredPoorAndMarginalHouseholds() {
        assertThat(households).hasSize(2_611);
        assertThat(households).filteredOn(h -> h.category().equals("REGISTERED_POOR")).hasSize(2_355);
        assertThat(households).filteredOn(h -> h.category().equals("MARGINAL")).hasSize(256);
    }

    @Test
    void drawsThePhotosOfProductsInTheCatalogueAsPngsTheCatalogAccepts() throws Exception {
        Set<String> keys = new HashSet<>();
        new Catalogue(district).products.forEach(p -> keys.add(p.key()));
        for (String key : ProductPhotos.DRAWN.keySet()) {
            assertThat(keys).contains(key);
            byte[] png = ProductPhotos.draw(key);
            assertThat(png.length).isBetween(1_000, 2 * 1024 * 1024);
            java.awt.image.BufferedImage read = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            assertThat(read.getWidth()).isEqualTo(640);
            assertThat(read.getHeight()).isEqualTo(480);
        }
    }

    @Test
    void isTheSameEveryTime() {
        assertThat(Households.of(district)).isEqualTo(households);
        assertThat(new Catalogue(district).products).isEqualTo(new Catalogue(district).products);
    }

    @Test
    void identityNumbersCarryAValidCheckCharacterAndAreUnique() {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        Set<String> seen = new HashSet<>();
        for (Household h : households) {
            String id = h.identityNumber();
            assertThat(id).hasSize(18).startsWith("230113");
            int sum = 0;
            for (int i = 0; i < 17; i++) {
                sum += (id.charAt(i) - '0') * weights[i];
            }
            assertThat(id.charAt(17)).isEqualTo("10X98765432".charAt(sum % 11));
            assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
        }
    }

    @Test
    void theGooseLotHasEighteenRegisteredPoorHouseholdsOfXinggong() {
        assertThat(households.subList(0, 18)).allSatisfy(h -> {
            assertThat(h.village()).isEqualTo("兴功村");
            assertThat(h.category()).isEqualTo("REGISTERED_POOR");
        });
    }

    @Test
    void aboutThirtySellersWithValidCreditCodesAndFortyProducts() {
        Catalogue catalogue = new Catalogue(district);
        assertThat(catalogue.sellers).hasSizeBetween(28, 32);
        assertThat(catalogue.products).hasSizeGreaterThanOrEqualTo(40);
        assertThat(catalogue.sellers).extracting(Catalogue.Seller::creditCode).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(Catalogue.code(code.substring(0, 17))).isEqualTo(code));
        assertThat(catalogue.gangziyu.id()).hasToString("3575660d-1d17-3598-9bf4-67791a419ae3");
        assertThat(catalogue.products).allSatisfy(p -> assertThat(p.costFen()).isLessThan(p.priceFen()));
    }
}
