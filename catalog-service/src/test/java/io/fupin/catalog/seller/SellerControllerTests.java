package io.fupin.catalog.seller;

import static io.fupin.support.testing.Slices.invalid;
import static io.fupin.support.testing.Slices.json;
import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** Registering and reading sellers: who registers, how a malformed or taken credit code reads. */
@ControllerSlice(SellerController.class)
class SellerControllerTests {

    static final String CODE = "91230113MA1B2G3X4H";
    static final String SELLER = """
            {"name":"岗子峪米业有限公司","kind":"COOPERATIVE","creditCode":"91230113MA1B2G3X4H",
             "contact":{"name":"李建国","phone":"13900139000"},"town":"双城镇","village":"兴功村"}""";

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    SellerRegistry registry;

    @Test
    void onlyAnOfficialOrAnAdminRegisters() throws Exception {
        mvc.perform(json(post("/api/catalog/sellers"), SELLER).with(callers.as(Role.SELLER)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(json(post("/api/catalog/sellers"), SELLER).with(callers.anonymous()))
                .andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(registry);
    }

    @Test
    void aMalformedCreditCodeOrPhoneNamesTheField() throws Exception {
        String malformed = SELLER.replace(CODE, "91230113MA1B2G3X4J").replace("13900139000", "call me");
        mvc.perform(json(post("/api/catalog/sellers"), malformed).with(callers.as(Role.OFFICIAL)))
                .andExpect(invalid("contact.phone", "creditCode"));
        verifyNoInteractions(registry);
    }

    @Test
    void aRegisteredCreditCodeIsAConflictNamingTheField() throws Exception {
        given(registry.register(any())).willThrow(new DuplicateCreditCode(CODE));
        mvc.perform(json(post("/api/catalog/sellers"), SELLER).with(callers.as(Role.OFFICIAL)))
                .andExpect(problem(409, "duplicate-credit-code"))
                .andExpect(jsonPath("$.field").value("creditCode"))
                .andExpect(jsonPath("$.detail").value("A seller with credit code " + CODE + " is already registered."));
    }

    @Test
    void anUnknownSellerIsNotFoundAndAPageTooLargeNamesItsSize() throws Exception {
        SellerId seller = new SellerId(UUID.randomUUID());
        given(registry.seller(any(), eq(seller))).willThrow(new SellerNotFound(seller));
        mvc.perform(get("/api/catalog/sellers/" + seller.value()).with(callers.anonymous()))
                .andExpect(problem(404, "not-found"));
        mvc.perform(get("/api/catalog/sellers").param("size", "201").with(callers.anonymous()))
                .andExpect(invalid("size"));
    }
}
