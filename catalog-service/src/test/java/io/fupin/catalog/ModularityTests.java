package io.fupin.catalog;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the features apart: each uses only what another exposes at its package root, and no cycles. */
class ModularityTests {

    @Test
    void featuresDependOnlyOnEachOthersPublicParts() {
        ApplicationModules.of(CatalogApplication.class).verify();
    }
}
