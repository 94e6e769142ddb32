package io.fupin.catalog.product;

import static io.fupin.support.testing.Slices.invalid;
import static io.fupin.support.testing.Slices.json;
import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Listing, describing, pricing and certifying products: who may, what an invalid request is told, the refusals. */
@ControllerSlice(ProductController.class)
class ProductControllerTests {

    static final ProductId PRODUCT = new ProductId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    static final String PATH = "/api/catalog/products/" + PRODUCT.value();
    static final String DRAFT = """
            {"name":"定西土豆","category":"VEGETABLES","unit":"5kg","priceFen":2990,"costFen":0,"stock":10}""";
    static final String DESCRIPTION = """
            {"name":"定西土豆","category":"VEGETABLES","unit":"5kg"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    ProductCatalog catalog;

    @MockitoBean(name = "owners")
    ProductOwners owners;

    @Test
    void onlyAnOfficialOrAnAdminCertifies() throws Exception {
        mvc.perform(post(PATH + "/certification/approve").with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(post(PATH + "/certification/approve").with(callers.as(Role.CONSUMER)))
                .andExpect(problem(403, "forbidden"));
        verifyNoInteractions(catalog);

        given(catalog.approveCertification(PRODUCT)).willThrow(
                new IllegalTransition(PRODUCT, ProductStatus.DRAFT, "certify (the certificate is not valid today)"));
        mvc.perform(post(PATH + "/certification/approve").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(409, "illegal-transition"))
                .andExpect(jsonPath("$.detail").value("Cannot certify (the certificate is not valid today) product "
                        + PRODUCT.value() + " while it is DRAFT."));
    }

    @Test
    void aSellerChangesOnlyItsOwnProducts() throws Exception {
        mvc.perform(json(put(PATH), DESCRIPTION).with(callers.as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        then(owners).should().ofProduct(PRODUCT);
        verifyNoInteractions(catalog);

        given(owners.ofProduct(PRODUCT)).willReturn(true);
        mvc.perform(json(put(PATH), DESCRIPTION).with(callers.as(Role.SELLER))).andExpect(status().isOk());
        then(catalog).should().describe(eq(PRODUCT), any());
    }

    @Test
    void aVisitorIsAskedToSignInAndAnUnsignedRequestIsRefused() throws Exception {
        mvc.perform(post(PATH + "/delist").with(callers.anonymous())).andExpect(problem(401, "unauthenticated"));
        mvc.perform(get(PATH)).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(catalog);
    }

    @Test
    void aDraftNamesEachInvalidField() throws Exception {
        String draft = DRAFT.replace("\"定西土豆\"", "\" \"").replace("2990", "0");
        mvc.perform(json(post("/api/catalog/products"), draft).with(callers.as(Role.SELLER)))
                .andExpect(invalid("name", "priceFen"));
        verifyNoInteractions(catalog);
    }

    @Test
    void aCostTheProductRefusesNamesItsField() throws Exception {
        given(owners.isSeller(any())).willReturn(true);
        given(owners.ofProduct(PRODUCT)).willReturn(true);
        given(catalog.list(any(), any())).willThrow(new CostAbovePrice(3000, 2990));
        mvc.perform(json(post("/api/catalog/products"), DRAFT).with(callers.as(Role.SELLER)))
                .andExpect(invalid("costFen"))
                .andExpect(jsonPath("$.errors[0].message").value("costFen 3000 exceeds priceFen 2990"));

        given(catalog.reprice(any(), eq(PRODUCT), any())).willThrow(new MissingEvidence());
        mvc.perform(json(put(PATH + "/price"), "{\"priceFen\":2990,\"costFen\":500,\"costReason\":\"freight\"}")
                .with(callers.as(Role.SELLER))).andExpect(invalid("evidence"));
    }

    @Test
    void aStockChangeBeyondWhatIsOnHandOrAllowedIsAConflict() throws Exception {
        given(catalog.adjustStock(eq(PRODUCT), any())).willThrow(new InsufficientStock(PRODUCT, -5))
                .willThrow(new StockLimitExceeded(PRODUCT, 5));
        mvc.perform(json(post(PATH + "/stock"), "{\"delta\":-5}").with(callers.as(Role.ADMIN)))
                .andExpect(problem(409, "insufficient-stock"));
        mvc.perform(json(post(PATH + "/stock"), "{\"delta\":5}").with(callers.as(Role.ADMIN)))
                .andExpect(problem(409, "stock-limit"));
        mvc.perform(json(post(PATH + "/stock"), "{}").with(callers.as(Role.ADMIN))).andExpect(invalid("delta"));
    }

    @Test
    void anUnknownProductIsNotFound() throws Exception {
        given(catalog.product(PRODUCT)).willThrow(new ProductNotFound(PRODUCT));
        mvc.perform(get(PATH).with(callers.anonymous())).andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("There is no product " + PRODUCT.value() + "."));
    }

    @Test
    void aProductChangedMeanwhileAsksToReadItAgain() throws Exception {
        given(catalog.suspend(PRODUCT, "mould")).willThrow(new OptimisticLockingFailureException("version 3"));
        mvc.perform(json(post(PATH + "/suspend"), "{\"reason\":\"mould\"}").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(409, "concurrent-update"))
                .andExpect(jsonPath("$.detail").value(
                        "The product changed while this request was processed; read it again and retry."));
    }

    @Test
    void aWorklistPageTooLargeOrAnUnknownStatusNamesTheParameter() throws Exception {
        mvc.perform(get("/api/catalog/products/worklist").param("size", "201").with(callers.as(Role.OFFICIAL)))
                .andExpect(invalid("size"));
        mvc.perform(get("/api/catalog/products/worklist").param("status", "SOLD").with(callers.as(Role.OFFICIAL)))
                .andExpect(invalid("status"));
        verifyNoInteractions(catalog);
    }

    @Test
    void anUnreadableBodyIsAMalformedRequest() throws Exception {
        mvc.perform(json(post(PATH + "/revoke"), "{\"reason\":").with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(400, "malformed-request"));
        verifyNoInteractions(catalog);
    }
}
