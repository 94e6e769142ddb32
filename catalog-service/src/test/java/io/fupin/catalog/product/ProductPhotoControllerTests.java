package io.fupin.catalog.product;

import static io.fupin.support.testing.Slices.invalid;
import static io.fupin.support.testing.Slices.problem;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import io.fupin.support.identity.Role;
import io.fupin.support.testing.ControllerSlice;
import io.fupin.support.testing.SignedCallers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

/** A product's photo: who may upload it, and how a missing, foreign or unusable file is refused. */
@ControllerSlice(ProductPhotoController.class)
class ProductPhotoControllerTests {

    static final ProductId PRODUCT = new ProductId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    static final String PATH = "/api/catalog/products/" + PRODUCT.value() + "/photo";

    @Autowired
    MockMvc mvc;

    @Autowired
    SignedCallers callers;

    @MockitoBean
    ProductPhotos photos;

    @MockitoBean(name = "owners")
    ProductOwners owners;

    @Test
    void onlyTheProductsSellerOrAnAdminUploads() throws Exception {
        mvc.perform(upload(new byte[] {1}).with(callers.as(Role.SELLER))).andExpect(problem(403, "forbidden"));
        mvc.perform(upload(new byte[] {1}).with(callers.as(Role.CONSUMER))).andExpect(problem(403, "forbidden"));
        mvc.perform(upload(new byte[] {1}).with(callers.anonymous())).andExpect(problem(401, "unauthenticated"));
        verifyNoInteractions(photos);
    }

    @Test
    void aFileOfAnotherKindIsAnUnsupportedPhotoNamingThePart() throws Exception {
        given(photos.upload(any(), eq(PRODUCT), any())).willThrow(new UnsupportedPhoto());
        mvc.perform(upload("%PDF-1.7".getBytes()).with(callers.as(Role.ADMIN)))
                .andExpect(problem(415, "unsupported-photo"))
                .andExpect(jsonPath("$.field").value("file"));
    }

    @Test
    void anUnusableImageOrNoFileAtAllNamesThePart() throws Exception {
        given(photos.upload(any(), eq(PRODUCT), any())).willThrow(new InvalidPhoto("the file is empty"));
        mvc.perform(upload(new byte[0]).with(callers.as(Role.ADMIN))).andExpect(invalid("file"))
                .andExpect(jsonPath("$.errors[0].message").value("the file is empty"));

        mvc.perform(multipart(HttpMethod.PUT, PATH).with(callers.as(Role.ADMIN))).andExpect(invalid("file"));
    }

    @Test
    void aProductWithoutPhotoIsNotFound() throws Exception {
        given(photos.etag(PRODUCT)).willThrow(new PhotoNotFound(PRODUCT));
        mvc.perform(get(PATH).with(callers.anonymous())).andExpect(problem(404, "not-found"))
                .andExpect(jsonPath("$.detail").value("Product " + PRODUCT.value() + " has no photo."));
    }

    private static MockMultipartHttpServletRequestBuilder upload(byte[] content) {
        return multipart(HttpMethod.PUT, PATH).file(new MockMultipartFile("file", "photo.jpg", "image/jpeg", content));
    }
}
