package io.fupin.catalog.product;

import io.fupin.catalog.product.ProductPhotos.Photo;
import io.fupin.catalog.product.ProductPhotos.PhotoView;
import io.fupin.support.identity.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/catalog/products/{id}/photo")
@Tag(name = "Products")
class ProductPhotoController {

    /** A versioned address never changes content; an unversioned one is looked at again after a few minutes. */
    private static final CacheControl VERSIONED = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();
    private static final CacheControl UNVERSIONED = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

    private final ProductPhotos photos;

    ProductPhotoController(ProductPhotos photos) {
        this.photos = photos;
    }

    @PutMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload the product's photo, replacing any earlier one (owning SELLER, ADMIN)",
            description = """
                    Multipart form with one part `file`: a JPEG, PNG or WebP image, recognised by its content (the \
                    file name and declared type are ignored), at most 2 MB and 4096 pixels a side. Answers where \
                    the photo is served (`url`, versioned by its `etag`). Another kind of file answers 415 \
                    `unsupported-photo`, a larger one 413 `photo-too-large`, an empty, truncated or oversized \
                    (in pixels) image 400 `invalid-request` naming `file`.""")
    @ApiResponse(responseCode = "200", description = "The stored photo")
    @ApiResponse(responseCode = "413", description = "The file is larger than 2 MB",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "415", description = "The file is not a JPEG, PNG or WebP image",
            content = @Content(mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    schema = @Schema(implementation = ProblemDetail.class)))
    PhotoView upload(Caller caller, @PathVariable ProductId id,
            @Parameter(description = "The image: JPEG, PNG or WebP, ≤ 2 MB, ≤ 4096 px a side") @RequestPart("file")
            MultipartFile file) {
        try {
            return photos.upload(caller, id, file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping
    @Operation(summary = "The product's photo (public), with ETag and Cache-Control; 404 when it has none",
            description = "Answers 304 to a matching If-None-Match. Under the versioned address a product answers "
                    + "(`?v=<etag>`) it may be cached for a year; without it, for five minutes.")
    @ApiResponse(responseCode = "200", description = "The image",
            content = {@Content(mediaType = "image/jpeg"), @Content(mediaType = "image/png"),
                    @Content(mediaType = "image/webp")})
    ResponseEntity<byte[]> photo(@PathVariable ProductId id,
            @Parameter(description = "The version the address names (the photo's etag)")
            @RequestParam(required = false) String v,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        // The version is read first, without the image, so that a browser revalidating costs no blob read.
        String etag = photos.etag(id);
        CacheControl caching = etag.equals(v) ? VERSIONED : UNVERSIONED;
        if (ifNoneMatch != null && (ifNoneMatch.contains(quoted(etag)) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(304).cacheControl(caching).eTag(quoted(etag)).build();
        }
        Photo photo = photos.photo(id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.mediaType()))
                .eTag(quoted(photo.etag()))
                .cacheControl(etag.equals(photo.etag()) ? caching : UNVERSIONED)
                .header("X-Content-Type-Options", "nosniff")
                .body(photo.image());
    }

    @DeleteMapping
    @Operation(summary = "Remove the product's photo: its category's picture shows again (owning SELLER, ADMIN)")
    ResponseEntity<Void> remove(@PathVariable ProductId id) {
        photos.remove(id);
        return ResponseEntity.noContent().build();
    }

    private static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
